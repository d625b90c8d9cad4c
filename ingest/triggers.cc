#include "ingest/triggers.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>

#include "graph/ontology.h"
#include "ingest/data_file.h"

namespace geokg::ingest {
namespace {

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Short consonant-vowel-consonant words double their last letter before a
// suffix ("ban" -> "banned", "slam" -> "slamming"); longer ones that do
// ("admit") list their forms explicitly.
bool DoublesFinal(std::string_view w) {
  if (w.size() < 3 || w.size() > 4) return false;
  char c = w[w.size() - 1], v = w[w.size() - 2], p = w[w.size() - 3];
  if (IsVowel(c) || c == 'w' || c == 'x' || c == 'y') return false;
  if (!IsVowel(v) || IsVowel(p)) return false;
  if (w.size() == 4 && (IsVowel(w[0]) || IsVowel(w[1]))) return false;  // "open", "head"
  return true;
}

std::vector<std::string> SplitWords(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) {
      std::string w(s.substr(i, j - i));
      for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      out.push_back(std::move(w));
    }
    i = j;
  }
  return out;
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (true) {
    size_t j = s.find(sep, i);
    out.push_back(s.substr(i, j == std::string_view::npos ? std::string_view::npos : j - i));
    if (j == std::string_view::npos) break;
    i = j + 1;
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string Replace0(const std::vector<std::string>& words, const std::string& first) {
  std::string out = first;
  for (size_t i = 1; i < words.size(); ++i) out += " " + words[i];
  return out;
}

}  // namespace

std::string VerbThirdPerson(std::string_view w) {
  std::string s(w);
  if (s.empty()) return s;
  auto ends = [&](std::string_view e) { return s.size() >= e.size() && s.compare(s.size() - e.size(), e.size(), e) == 0; };
  if (ends("s") || ends("x") || ends("z") || ends("ch") || ends("sh")) return s + "es";
  if (ends("y") && s.size() > 1 && !IsVowel(s[s.size() - 2])) return s.substr(0, s.size() - 1) + "ies";
  if (ends("o") && s.size() > 1 && !IsVowel(s[s.size() - 2])) return s + "es";
  return s + "s";
}

std::string VerbPast(std::string_view w) {
  std::string s(w);
  if (s.empty()) return s;
  if (s.back() == 'e') return s + "d";
  if (s.back() == 'y' && s.size() > 1 && !IsVowel(s[s.size() - 2])) return s.substr(0, s.size() - 1) + "ied";
  if (DoublesFinal(s)) return s + s.back() + "ed";
  return s + "ed";
}

std::string VerbGerund(std::string_view w) {
  std::string s(w);
  if (s.size() > 2 && s.compare(s.size() - 2, 2, "ie") == 0) return s.substr(0, s.size() - 2) + "ying";
  if (s.size() > 2 && s.back() == 'e' && s[s.size() - 2] != 'e') return s.substr(0, s.size() - 1) + "ing";
  if (DoublesFinal(s)) return s + s.back() + "ing";
  return s + "ing";
}

std::string NounPlural(std::string_view w) {
  std::string s(w);
  if (s.empty()) return s;
  if (s.back() == 's') return s;  // already plural ("talks", "sanctions")
  return VerbThirdPerson(s);
}

bool TriggerEntry::DirectObject() const {
  if (!has_object) return false;
  if (preps.empty()) return true;
  return std::find(preps.begin(), preps.end(), "-") != preps.end();
}

void Triggers::AddForm(std::vector<std::string> words, uint32_t entry, bool participle,
                       bool verb_form) {
  for (TriggerForm& f : forms_) {
    if (f.entry == entry && f.words == words) {
      f.participle |= participle;
      f.past_or_present |= verb_form;
      return;
    }
  }
  TriggerForm f;
  f.words = std::move(words);
  f.entry = entry;
  f.participle = participle;
  f.past_or_present = verb_form;
  forms_.push_back(std::move(f));
}

void Triggers::Index() {
  by_first_.clear();
  for (uint32_t i = 0; i < forms_.size(); ++i) by_first_.emplace_back(forms_[i].words[0], i);
  std::sort(by_first_.begin(), by_first_.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    size_t la = forms_[a.second].words.size(), lb = forms_[b.second].words.size();
    if (la != lb) return la > lb;
    return a.second < b.second;
  });
  // The runs of equal first words, hashed.
  size_t runs = 0;
  for (size_t i = 0; i < by_first_.size(); ++i) runs += i == 0 || by_first_[i].first != by_first_[i - 1].first;
  size_t capacity = 16;
  while (capacity < 2 * runs) capacity *= 2;
  first_index_.assign(capacity, FirstWordRun{});
  first_mask_ = capacity - 1;
  for (size_t b = 0; b < by_first_.size();) {
    size_t e = b + 1;
    while (e < by_first_.size() && by_first_[e].first == by_first_[b].first) ++e;
    const uint64_t hash = FirstWordHash(by_first_[b].first);
    uint64_t i = hash & first_mask_;
    while (first_index_[i].end != first_index_[i].begin) i = (i + 1) & first_mask_;
    first_index_[i] = FirstWordRun{hash, static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
    b = e;
  }
}

Status Triggers::Parse(std::string_view text, std::string_view source) {
  size_t line_no = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    ++line_no;
    size_t hash = line.find('#');
    if (hash != std::string_view::npos) line = line.substr(0, hash);
    if (Trim(line).empty()) continue;
    std::string where = std::string(source) + ":" + std::to_string(line_no);
    std::vector<std::string_view> cols = Split(line, '\t');
    if (cols.size() < 3 || cols.size() > 4)
      return Status::InvalidInput(where + ": expected form<TAB>type<TAB>frame[<TAB>flags], got " +
                                  std::to_string(cols.size()) + " column(s)");
    TriggerEntry e;
    e.where = where;
    e.lemma = std::string(Trim(cols[0]));
    std::string_view type = Trim(cols[1]);
    if (type == "speech") {
      e.cls = TriggerClass::kSpeech;
    } else if (type == "light") {
      e.cls = TriggerClass::kLight;
    } else {
      auto t = graph::ParseRelationType(type);
      if (!t) {
        std::string s = graph::SuggestRelationType(type);
        return Status::InvalidInput(where + ": unknown relation type '" + std::string(type) + "'" +
                                    (s.empty() ? "" : " (did you mean '" + s + "'?)"));
      }
      e.type = *t;
    }
    std::vector<std::string> frame = SplitWords(Trim(cols[2]));
    if (frame.size() < 2 || (frame[0] != "subj" && frame[0] != "n"))
      return Status::InvalidInput(where + ": frame must start with 'SUBJ V' or 'N', got '" +
                                  std::string(Trim(cols[2])) + "'");
    bool nominal = frame[0] == "n";
    size_t k = nominal ? 1 : 2;
    if (!nominal && frame[1] != "v")
      return Status::InvalidInput(where + ": frame must start with 'SUBJ V', got '" +
                                  std::string(Trim(cols[2])) + "'");
    if (nominal && e.cls == TriggerClass::kVerbal) e.cls = TriggerClass::kNominal;
    for (; k < frame.size(); ++k) {
      const std::string& w = frame[k];
      if (w == "obj") {
        e.has_object = true;
      } else if (w == "event") {
        if (e.event_preps.empty())
          return Status::InvalidInput(where + ": EVENT needs a preposition before it ('for EVENT')");
      } else if (w == "subj" || w == "v" || w == "n") {
        return Status::InvalidInput(where + ": '" + w + "' may only start a frame");
      } else {
        std::vector<std::string_view> alts = Split(w, '|');
        std::vector<std::string> v(alts.begin(), alts.end());
        if (!e.has_object) {
          e.preps = v;
        } else if (k + 1 < frame.size() && frame[k + 1] == "event") {
          e.event_preps = v;
        }
        // Other trailing words ("to" in "SUBJ V OBJ to") only document the
        // construction.
      }
    }
    if (!e.preps.empty() && !e.has_object)
      return Status::InvalidInput(where + ": preposition without OBJ in frame");
    if (cols.size() == 4) {
      for (std::string_view flag : Split(Trim(cols[3]), ',')) {
        flag = Trim(flag);
        if (flag == "denial") e.denial = true;
        else if (flag == "inverse") e.inverse = true;
        else if (flag == "weak") e.weak = true;
        else if (flag == "force") e.force = true;
        else if (flag.substr(0, 6) == "after=" && flag.size() > 6) {
          for (std::string_view w : Split(flag.substr(6), '|'))
            if (!Trim(w).empty()) e.after.emplace_back(Trim(w));
        }
        else if (flag == "content" || flag.empty()) {}
        else return Status::InvalidInput(where + ": unknown flag '" + std::string(flag) + "'");
      }
    }
    uint32_t index = static_cast<uint32_t>(entries_.size());
    std::vector<std::string_view> forms = Split(Trim(cols[0]), '|');
    std::vector<std::string> lemma = SplitWords(forms[0]);
    if (lemma.empty()) return Status::InvalidInput(where + ": empty form");
    entries_.push_back(std::move(e));
    if (nominal) {
      AddForm(lemma, index, false, false);
      std::vector<std::string> plural = lemma;
      plural.back() = NounPlural(plural.back());
      AddForm(std::move(plural), index, false, false);
    } else {
      AddForm(lemma, index, false, false);
      AddForm(SplitWords(Replace0(lemma, VerbThirdPerson(lemma[0]))), index, false, true);
      AddForm(SplitWords(Replace0(lemma, VerbPast(lemma[0]))), index, true, true);
      AddForm(SplitWords(Replace0(lemma, VerbGerund(lemma[0]))), index, false, true);
    }
    for (size_t f = 1; f < forms.size(); ++f) {
      std::vector<std::string> w = SplitWords(forms[f]);
      if (w.empty()) return Status::InvalidInput(where + ": empty form after '|'");
      const std::string& h = w[0];
      bool ing = h.size() > 3 && h.compare(h.size() - 3, 3, "ing") == 0;
      bool third = h == VerbThirdPerson(lemma[0]);
      AddForm(std::move(w), index, !nominal && !ing && !third, !nominal);
    }
  }
  Index();
  return Status::Ok();
}

Status Triggers::LoadFile(const std::string& path) {
  std::string text;
  if (Status s = ReadDataFile(path, &text); !s.ok()) return s;
  return Parse(text, path);
}

std::string Triggers::DefaultDataDir() {
  if (const char* env = std::getenv("GEOKG_DATA_DIR"); env && *env) return env;
#ifdef GEOKG_DATA_DIR
  return GEOKG_DATA_DIR;
#else
  return "ingest/data";
#endif
}

Status Triggers::Load(const std::string& data_dir, const std::vector<std::string>& extra_dirs,
                      Triggers* out) {
  std::string dir = data_dir.empty() ? DefaultDataDir() : data_dir;
  Status s = out->LoadFile(dir + "/triggers.tsv");
  if (!s.ok()) return s;
  for (const std::string& extra : extra_dirs) {
    std::string p = extra + "/triggers.tsv";
    std::error_code ec;
    if (!std::filesystem::exists(p, ec)) continue;
    s = out->LoadFile(p);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace geokg::ingest
