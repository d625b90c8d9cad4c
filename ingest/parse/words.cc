#include "ingest/parse/words.h"

#include <algorithm>

#include "ingest/parse/hash.h"

namespace geokg::ingest::parse {

namespace {
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
}  // namespace

void NormalizeWord(std::string_view w, std::string* out, bool lower) {
  out->clear();
  for (size_t i = 0; i < w.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(w[i]);
    if (c == 0xE2 && i + 2 < w.size() && static_cast<unsigned char>(w[i + 1]) == 0x80) {
      unsigned char d = static_cast<unsigned char>(w[i + 2]);
      if (d == 0x98 || d == 0x99 || d == 0xB2) { out->push_back('\''); i += 2; continue; }
      if (d == 0x9C || d == 0x9D || d == 0xB3) { out->push_back('"'); i += 2; continue; }
      if (d == 0x93 || d == 0x94 || d == 0x95) { out->append("--"); i += 2; continue; }
      if (d == 0xA6) { out->append("..."); i += 2; continue; }
    }
    if (c == '`') { out->push_back('\''); continue; }
    out->push_back(lower && IsUpper(static_cast<char>(c)) ? static_cast<char>(c + 32) : static_cast<char>(c));
  }
  if (*out == "''" || *out == "``") out->assign(1, '"');
}

void WordShape(std::string_view w, std::string* out) {
  out->clear();
  char last = 0;
  for (char c : w) {
    char m = IsUpper(c) ? 'X' : IsLower(c) ? 'x' : IsDigit(c) ? 'd' : (c & 0x80) ? 'u' : c;
    if (m == last) continue;
    if (out->size() >= 8) break;
    out->push_back(m);
    last = m;
  }
}

void ComputeWordInfo(std::string_view w, bool first, WordInfo* out, std::string* scratch, std::string* shape) {
  WordInfo& info = *out;
  NormalizeWord(w, scratch);
  const std::string& low = *scratch;
  uint64_t flags = first ? static_cast<uint64_t>(kWordFirst) : 0;
  int upper = 0, letters = 0;
  for (char c : w) {
    if (IsUpper(c)) ++upper, ++letters;
    else if (IsLower(c)) ++letters;
    else if (IsDigit(c)) flags |= kWordDigit;
    else if (c == '.') flags |= kWordPeriod;
    else if (c & 0x80) flags |= kWordNonAscii;
  }
  if (!w.empty() && IsUpper(w[0])) flags |= kWordCapitalized;
  if (upper >= 2 && upper == letters) flags |= kWordAllCaps;
  size_t hyphen = low.rfind('-');
  info.last_part = 0;
  if (hyphen != std::string::npos && hyphen > 0 && hyphen + 1 < low.size() && low.find("--") == std::string::npos) {
    flags |= kWordHyphen;
    info.last_part = HashString(std::string_view(low).substr(hyphen + 1), 7);
  }
  info.flags = flags;
  NormalizeWord(w, shape, /*lower=*/false);
  info.exact = HashString(*shape, 11);
  WordShape(w, shape);
  info.shape = HashString(*shape, 13);
  if (!low.empty() && IsDigit(low[0])) info.norm = HashString("!" + *shape, 17);
  else info.norm = HashString(low, 17);
  std::string_view lv(low);
  for (int k = 0; k < 4; ++k) {
    size_t len = std::min<size_t>(k + 1, lv.size());
    info.sfx[k] = HashString(lv.substr(lv.size() - len), 19 + k);
  }
  info.pre1 = HashString(lv.substr(0, 1), 23);
  info.pre2 = HashString(lv.substr(0, 2), 24);
}

void ComputeWordInfo(std::span<const std::string_view> words, std::vector<WordInfo>* out,
                     std::string* scratch) {
  out->resize(words.size());
  std::string shape;
  for (size_t i = 0; i < words.size(); ++i) ComputeWordInfo(words[i], i == 0, &(*out)[i], scratch, &shape);
}

std::vector<MapSlot> FrozenMap::Build(std::vector<MapSlot> items) {
  size_t size = 16;
  while (size < items.size() * 2) size *= 2;
  std::vector<MapSlot> slots(size);
  for (const MapSlot& it : items) {
    size_t i = it.key & (size - 1);
    bool dup = false;
    while (slots[i].key != 0) {
      if (slots[i].key == it.key) { dup = true; break; }
      i = (i + 1) & (size - 1);
    }
    if (!dup) slots[i] = it;
  }
  return slots;
}

}  // namespace geokg::ingest::parse
