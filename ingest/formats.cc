// The buffer-level half of the readers (reader.h): UTF-8 validation, globs,
// Markdown blanking, and the making of a Document from a text file's bytes or
// from one JSONL line. No I/O here; reader.cc does the reading.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "graph/date.h"
#include "graph/ids.h"
#include "ingest/dates.h"
#include "ingest/json_scan.h"
#include "ingest/reader.h"

namespace geokg::ingest {
namespace {

// How much of the start of a file binary detection looks at.
constexpr size_t kSniffBytes = 8192;
// A first line at least this long is a paragraph, not a title.
constexpr size_t kMaxTitleBytes = 200;
// Error messages quote at most this much of the input.
constexpr size_t kMaxErrorDetail = 160;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         static_cast<unsigned char>(c) >= 0x80;
}

bool AllSpace(std::string_view s) {
  for (char c : s)
    if (!IsSpace(c)) return false;
  return true;
}

std::string_view TrimLine(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

std::string_view BaseName(std::string_view path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// The first non-blank line, if it reads as a title; else `fallback`.
std::string TitleFromText(std::string_view text, std::string_view fallback) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = TrimLine(text.substr(pos, nl - pos));
    if (!line.empty()) {
      if (line.size() >= kMaxTitleBytes || line.back() == '.') break;
      // Blanked markup leaves runs of spaces: a title reads with single ones.
      std::string title;
      for (char c : line) {
        if (IsSpace(c) && !title.empty() && title.back() == ' ') continue;
        title.push_back(IsSpace(c) ? ' ' : c);
      }
      return title;
    }
    pos = nl + 1;
  }
  return std::string(fallback);
}

// "name:line:col: invalid UTF-8 (byte 0xNN), skipped" for a bad byte at
// `offset` of `data`; `first_line` is the line number of data's first line.
std::string Utf8Error(std::string_view name, std::string_view data, size_t offset, uint64_t first_line) {
  uint64_t line = first_line;
  size_t line_start = 0;
  for (size_t i = 0; i < offset; ++i) {
    if (data[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  char buf[96];
  std::snprintf(buf, sizeof buf, ":%llu:%zu: invalid UTF-8 (byte 0x%02x), skipped",
                static_cast<unsigned long long>(line), offset - line_start + 1,
                static_cast<unsigned>(static_cast<unsigned char>(data[offset])));
  return std::string(name) + buf;
}

// "" if the start of `bytes` looks like text, else why it does not.
std::string BinaryReason(std::string_view bytes) {
  std::string_view head = bytes.substr(0, std::min(bytes.size(), kSniffBytes));
  size_t nul = head.find('\0');
  if (nul != std::string_view::npos)
    return "binary file (NUL byte at offset " + std::to_string(nul) + ")";
  size_t control = 0;
  for (char c : head) {
    unsigned char u = static_cast<unsigned char>(c);
    if ((u < 0x20 && !IsSpace(c) && u != 0x1b) || u == 0x7f) ++control;
  }
  if (!head.empty() && control * 10 > head.size()) return "binary file (mostly non-text bytes)";
  return "";
}

// Glob matching as an NFA simulation: the glob becomes a list of elements,
// each a state, and the path is read once while the set of live states is
// carried along. Time is O(glob x path) whatever the stars; the backtracking
// matcher this replaces took exponential time on '*a*a*a*a*a*b'.
struct GlobElement {
  enum class Kind {
    kLiteral,      // one byte
    kAny,          // '?': one byte other than '/'
    kClass,        // [abc], [a-z], [!x]: one byte other than '/'
    kStar,         // '*': any run without '/'
    kDoubleStar,   // '**': any run
    kFolders,      // "**/": zero folders, or any run ending in '/' (then kFoldersBody)
    kFoldersBody,  // the inside of "**/" once a byte of it was read
  };
  Kind kind = Kind::kLiteral;
  char c = 0;
  std::string_view set;  // kClass, without brackets or negation
  bool negate = false;
};

std::vector<GlobElement> CompileGlob(std::string_view p) {
  using Kind = GlobElement::Kind;
  std::vector<GlobElement> out;
  while (!p.empty()) {
    GlobElement e;
    if (p.size() >= 2 && p[0] == '*' && p[1] == '*') {
      if (p.size() >= 3 && p[2] == '/') {
        e.kind = Kind::kFolders;
        out.push_back(e);
        e.kind = Kind::kFoldersBody;
        out.push_back(e);
        p.remove_prefix(3);
      } else {
        e.kind = Kind::kDoubleStar;
        out.push_back(e);
        p.remove_prefix(2);
      }
      continue;
    }
    const char c = p[0];
    size_t close = c == '[' ? p.find(']', 2) : std::string_view::npos;
    if (c == '*') {
      e.kind = Kind::kStar;
    } else if (c == '?') {
      e.kind = Kind::kAny;
    } else if (close != std::string_view::npos) {
      e.kind = Kind::kClass;
      e.set = p.substr(1, close - 1);
      e.negate = !e.set.empty() && (e.set[0] == '!' || e.set[0] == '^');
      if (e.negate) e.set.remove_prefix(1);
      out.push_back(e);
      p.remove_prefix(close + 1);
      continue;
    } else {  // a literal, also a lone '['
      e.kind = Kind::kLiteral;
      e.c = c;
    }
    out.push_back(e);
    p.remove_prefix(1);
  }
  return out;
}

bool ClassMatches(const GlobElement& e, char c) {
  bool found = false;
  const std::string_view set = e.set;
  for (size_t k = 0; k < set.size(); ++k) {
    if (k + 2 < set.size() && set[k + 1] == '-') {
      if (c >= set[k] && c <= set[k + 2]) found = true;
      k += 2;
    } else if (set[k] == c) {
      found = true;
    }
  }
  return found != e.negate && c != '/';
}

bool MatchGlobAt(std::string_view glob, std::string_view s) {
  using Kind = GlobElement::Kind;
  const std::vector<GlobElement> g = CompileGlob(glob);
  const size_t n = g.size();  // state n accepts
  std::vector<char> live(n + 1, 0), next(n + 1, 0);
  // Adds the states reachable without reading a byte (stars may match
  // nothing); elements only lead forward, so one ascending pass suffices.
  auto close = [&](std::vector<char>& states) {
    for (size_t k = 0; k < n; ++k) {
      if (!states[k]) continue;
      if (g[k].kind == Kind::kStar || g[k].kind == Kind::kDoubleStar) states[k + 1] = 1;
      if (g[k].kind == Kind::kFolders) states[k + 2] = 1;
    }
  };
  live[0] = 1;
  close(live);
  for (char c : s) {
    std::fill(next.begin(), next.end(), 0);
    bool any = false;
    for (size_t k = 0; k < n; ++k) {
      if (!live[k]) continue;
      const GlobElement& e = g[k];
      switch (e.kind) {
        case Kind::kLiteral:
          if (c == e.c) next[k + 1] = 1;
          break;
        case Kind::kAny:
          if (c != '/') next[k + 1] = 1;
          break;
        case Kind::kClass:
          if (ClassMatches(e, c)) next[k + 1] = 1;
          break;
        case Kind::kStar:
          if (c != '/') next[k] = 1;
          break;
        case Kind::kDoubleStar: next[k] = 1; break;
        case Kind::kFolders:
        case Kind::kFoldersBody: {
          const size_t body = e.kind == Kind::kFolders ? k + 1 : k;
          next[body] = 1;
          if (c == '/') next[body + 1] = 1;
          break;
        }
      }
    }
    close(next);
    for (char x : next) any |= x != 0;
    if (!any) return false;
    live.swap(next);
  }
  return live[n] != 0;
}

// Blanks [begin, end) of *text.
void Blank(std::string* text, size_t begin, size_t end) {
  for (size_t i = begin; i < end; ++i) (*text)[i] = ' ';
}

bool IsRule(std::string_view line) {
  line = TrimLine(line);
  if (line.size() < 3) return false;
  char c = line[0];
  if (c != '-' && c != '*' && c != '_' && c != '=') return false;
  for (char x : line)
    if (x != c && x != ' ') return false;
  return true;
}

// Blanks inline markup in [begin, end) of one line.
void BlankInline(std::string* text, size_t begin, size_t end) {
  std::string& t = *text;
  for (size_t i = begin; i < end; ++i) {
    char c = t[i];
    if (c == '*' || c == '`') {
      t[i] = ' ';
    } else if (c == '~' && i + 1 < end && t[i + 1] == '~') {
      t[i] = t[i + 1] = ' ';
      ++i;
    } else if (c == '_') {
      bool word_before = i > begin && IsAlnum(t[i - 1]);
      bool word_after = i + 1 < end && IsAlnum(t[i + 1]);
      if (!(word_before && word_after)) t[i] = ' ';
    } else if (c == '\\' && i + 1 < end && std::strchr("\\`*_{}[]()#+-.!<>|", t[i + 1]) != nullptr) {
      t[i] = ' ';
      ++i;
    } else if (c == '!' && i + 1 < end && t[i + 1] == '[') {
      t[i] = ' ';
    } else if (c == '[') {
      size_t close = t.find(']', i + 1);
      if (close == std::string::npos || close >= end) continue;
      if (close + 1 < end && t[close + 1] == '(') {
        size_t paren = t.find(')', close + 2);
        if (paren == std::string::npos || paren >= end) continue;
        t[i] = ' ';
        Blank(text, close, paren + 1);  // "](url)"
        i = paren;
      } else if (close + 1 < end && t[close + 1] == '[') {
        size_t ref_close = t.find(']', close + 2);
        if (ref_close == std::string::npos || ref_close >= end) continue;
        t[i] = ' ';
        Blank(text, close, ref_close + 1);  // "][ref]"
        i = ref_close;
      }
    } else if (c == '<' && i + 1 < end &&
               ((t[i + 1] >= 'a' && t[i + 1] <= 'z') || (t[i + 1] >= 'A' && t[i + 1] <= 'Z') ||
                t[i + 1] == '/' || t[i + 1] == '!')) {
      size_t close = t.find('>', i + 1);
      if (close == std::string::npos || close >= end) continue;
      Blank(text, i, close + 1);
      i = close;
    }
  }
}

}  // namespace

bool ValidateUtf8(std::string_view data, size_t* bad_offset) {
  const auto* s = reinterpret_cast<const unsigned char*>(data.data());
  size_t n = data.size(), i = 0;
  while (i < n) {
    // Fast path: eight ASCII bytes at a time.
    if (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, s + i, 8);
      if ((word & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    uint32_t min_cp, cp;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2, min_cp = 0x80, cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3, min_cp = 0x800, cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4, min_cp = 0x10000, cp = c & 0x07;
    } else {
      if (bad_offset) *bad_offset = i;
      return false;
    }
    if (i + len > n) {
      if (bad_offset) *bad_offset = i;
      return false;
    }
    for (size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) {
        if (bad_offset) *bad_offset = i;
        return false;
      }
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if (cp < min_cp || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      if (bad_offset) *bad_offset = i;
      return false;
    }
    i += len;
  }
  return true;
}

std::string LowerExtension(std::string_view path) {
  std::string_view base = BaseName(path);
  size_t dot = base.find_last_of('.');
  if (dot == std::string_view::npos || dot == 0) return "";
  std::string ext(base.substr(dot + 1));
  for (char& c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return ext;
}

bool MatchGlob(std::string_view glob, std::string_view path) {
  if (glob.find('/') == std::string_view::npos) return MatchGlobAt(glob, BaseName(path));
  if (!glob.empty() && glob[0] == '/') glob.remove_prefix(1);  // anchored at the folder
  return MatchGlobAt(glob, path);
}

void BlankMarkdown(std::string* text) {
  std::string& t = *text;
  bool in_fence = false;
  size_t pos = 0;
  while (pos < t.size()) {
    size_t end = t.find('\n', pos);
    if (end == std::string::npos) end = t.size();
    size_t i = pos;
    while (i < end && i < pos + 3 && t[i] == ' ') ++i;
    std::string_view rest(t.data() + i, end - i);
    bool fence = rest.substr(0, 3) == "```" || rest.substr(0, 3) == "~~~";
    if (fence) {
      Blank(text, pos, end);
      in_fence = !in_fence;
    } else if (in_fence) {
      // Code stays as it is: its bytes are not markup.
    } else if (IsRule(rest) || (rest.size() > 1 && rest[0] == '[' &&
                                rest.find("]:") != std::string_view::npos)) {
      Blank(text, pos, end);  // a rule, a setext underline, a link definition
    } else {
      while (i < end && t[i] == '>') {  // quotes, nested
        t[i++] = ' ';
        while (i < end && t[i] == ' ') ++i;
      }
      size_t hashes = 0;
      while (i + hashes < end && t[i + hashes] == '#') ++hashes;
      if (hashes > 0 && hashes <= 6 && (i + hashes == end || t[i + hashes] == ' ')) {
        Blank(text, i, i + hashes);
        // A closing run of '#' after a heading.
        size_t j = end;
        while (j > i && (t[j - 1] == ' ' || t[j - 1] == '\r')) --j;
        size_t k = j;
        while (k > i && t[k - 1] == '#') --k;
        if (k < j && k > i && t[k - 1] == ' ') Blank(text, k, j);
      } else if (i + 1 < end && (t[i] == '-' || t[i] == '+' || t[i] == '*') && t[i + 1] == ' ') {
        t[i] = ' ';
      }
      BlankInline(text, i, end);
    }
    pos = end + 1;
  }
}

namespace {

// The character a numeric reference names, or 0 for none worth writing
// (controls, surrogates, out of range). Pages of the web written in
// Windows-1252 give its 128-159 codes for quotes and dashes.
uint32_t ReferencedCharacter(uint32_t cp) {
  static constexpr uint16_t kCp1252[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                           0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                           0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                           0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
  if (cp >= 128 && cp < 160) return kCp1252[cp - 128];
  if (cp < 32 && cp != '\t' && cp != '\n') return 0;
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return 0;
  return cp;
}

// Parses "#39;" or "#x27;" at `p` (just after '&' or the space that stood
// for it); returns its length and sets *cp, or 0.
size_t NumericReference(std::string_view s, size_t p, uint32_t* cp) {
  if (p >= s.size() || s[p] != '#') return 0;
  size_t q = p + 1;
  const bool hex = q < s.size() && (s[q] == 'x' || s[q] == 'X');
  if (hex) ++q;
  uint32_t v = 0;
  size_t digits = 0;
  for (; q < s.size() && digits < 7; ++q, ++digits) {
    const char c = s[q];
    if (c >= '0' && c <= '9') v = v * (hex ? 16 : 10) + static_cast<uint32_t>(c - '0');
    else if (hex && (c | 32) >= 'a' && (c | 32) <= 'f') v = v * 16 + static_cast<uint32_t>((c | 32) - 'a' + 10);
    else break;
  }
  if (digits == 0 || q >= s.size() || s[q] != ';') return 0;
  *cp = ReferencedCharacter(v);
  return *cp == 0 ? 0 : q + 1 - p;
}

}  // namespace

void DecodeCharacterReferences(std::string* text) {
  static constexpr std::pair<std::string_view, std::string_view> kNamed[] = {
      {"amp;", "&"}, {"lt;", "<"}, {"gt;", ">"}, {"quot;", "\""}, {"apos;", "'"}, {"nbsp;", " "},
      {"mdash;", "\u2014"}, {"ndash;", "\u2013"}, {"rsquo;", "\u2019"}, {"lsquo;", "\u2018"},
      {"rdquo;", "\u201D"}, {"ldquo;", "\u201C"}, {"hellip;", "\u2026"}};
  const std::string_view s = *text;
  if (s.find('#') == std::string_view::npos && s.find('&') == std::string_view::npos) return;
  std::string out;
  out.reserve(s.size());
  size_t p = 0;
  while (p < s.size()) {
    const char c = s[p];
    uint32_t cp = 0;
    size_t len = 0;
    if (c == '&') {
      len = NumericReference(s, p + 1, &cp);
      if (len > 0) {
        AppendUtf8(cp, &out);
        p += 1 + len;
        continue;
      }
      bool named = false;
      for (const auto& [name, value] : kNamed)
        if (s.compare(p + 1, name.size(), name) == 0) {
          out += value;
          p += 1 + name.size();
          named = true;
          break;
        }
      if (named) continue;
    } else if (c == ' ' && p + 1 < s.size() && s[p + 1] == '#' && (len = NumericReference(s, p + 1, &cp)) > 0) {
      // A reference whose '&' a scraper turned into a space ("Sudan #39;s",
      // "nearly  #36;20bn", as in the AG News corpus): the space goes too.
      AppendUtf8(cp, &out);
      p += 1 + len;
      continue;
    }
    out.push_back(c);
    ++p;
  }
  *text = std::move(out);
}

Status ReadTextDocument(std::string_view name, std::string bytes, Document* doc) {
  if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) bytes.erase(0, 3);
  if (bytes.empty()) return Status::InvalidInput(std::string(name) + ": empty file, skipped");
  std::string why = BinaryReason(bytes);
  if (!why.empty()) return Status::InvalidInput(std::string(name) + ": " + why + ", skipped");
  size_t bad = 0;
  if (!ValidateUtf8(bytes, &bad)) return Status::InvalidInput(Utf8Error(name, bytes, bad, 1));
  if (AllSpace(bytes))
    return Status::InvalidInput(std::string(name) + ": empty file (only white space), skipped");
  std::string ext = LowerExtension(name);
  if (ext == "md" || ext == "markdown") BlankMarkdown(&bytes);
  doc->text = std::move(bytes);
  graph::DocMeta& meta = doc->meta;
  meta = graph::DocMeta{};
  meta.id = graph::DocIdFor(doc->text);
  meta.bytes = doc->text.size();
  meta.source = std::string(name);
  meta.title = TitleFromText(doc->text, BaseName(name));
  meta.date = FindDateInText(doc->text);
  meta.date_source = meta.date != 0 ? graph::DateSource::kText : graph::DateSource::kNone;
  return Status::Ok();
}

Status ParseJsonlLine(std::string_view name, uint64_t line_number, std::string_view line,
                      const ReaderOptions& options, Document* doc, bool* produced) {
  *produced = false;
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (AllSpace(line)) return Status::Ok();
  std::string where = std::string(name) + ":" + std::to_string(line_number);
  if (line.size() > options.max_document_bytes)
    return Status::InvalidInput(where + ": line too long (" + std::to_string(line.size()) +
                                " bytes, limit " + std::to_string(options.max_document_bytes) +
                                "), skipped");
  size_t bad = 0;
  if (!ValidateUtf8(line, &bad)) return Status::InvalidInput(Utf8Error(name, line, bad, line_number));

  // The fast path: a flat object whose wanted fields are strings, as JSONL
  // corpora almost always are. Anything else goes to the full parser.
  {
    JsonField fields[5] = {{options.text_field},
                           {options.title_field},
                           {options.url_field},
                           {options.id_field},
                           {options.date_field}};
    if (ScanFlatJsonObject(line, fields, 5)) {
      if (!fields[0].present)
        return Status::InvalidInput(where + ": no \"" + options.text_field + "\" field, skipped");
      if (AllSpace(fields[0].value))
        return Status::InvalidInput(where + ": empty \"" + options.text_field + "\" field, skipped");
      doc->text = std::move(fields[0].value);
      graph::DocMeta& meta = doc->meta;
      meta = graph::DocMeta{};
      meta.id = graph::DocIdFor(doc->text);  // of the text as read: stores made before decoding keep their ids
      DecodeCharacterReferences(&doc->text);
      meta.bytes = doc->text.size();
      meta.source = where;
      if (fields[1].present && !AllSpace(fields[1].value)) {
        DecodeCharacterReferences(&fields[1].value);
        meta.title = std::string(TrimLine(fields[1].value));
      }
      else
        meta.title = TitleFromText(doc->text, where);
      if (fields[2].present) meta.url = std::move(fields[2].value);
      if (fields[3].present) meta.external_id = std::move(fields[3].value);
      if (fields[4].present) meta.date = ParseLooseDate(fields[4].value);
      meta.date_source = meta.date != 0 ? graph::DateSource::kMetadata : graph::DateSource::kNone;
      if (meta.date == 0 && (meta.date = FindDateInText(doc->text)) != 0) meta.date_source = graph::DateSource::kText;
      *produced = true;
      return Status::Ok();
    }
  }

  nlohmann::json value;
  try {
    value = nlohmann::json::parse(line);
  } catch (const nlohmann::json::exception& e) {
    std::string what = e.what();
    size_t bracket = what.find("] ");
    if (bracket != std::string::npos) what.erase(0, bracket + 2);
    size_t at_line = what.find("at line 1, column ");
    if (at_line != std::string::npos) what.replace(at_line, 18, "at column ");
    // The parser quotes the last token it read, which can be a whole line.
    if (what.size() > kMaxErrorDetail) {
      size_t cut = kMaxErrorDetail;
      while (cut > 0 && (static_cast<unsigned char>(what[cut]) & 0xC0) == 0x80) --cut;
      what.resize(cut);
      what += "...";
    }
    return Status::InvalidInput(where + ": malformed JSON: " + what);
  }
  if (!value.is_object()) return Status::InvalidInput(where + ": not a JSON object, skipped");

  auto text_it = value.find(options.text_field);
  if (text_it == value.end())
    return Status::InvalidInput(where + ": no \"" + options.text_field + "\" field, skipped");
  if (!text_it->is_string())
    return Status::InvalidInput(where + ": field \"" + options.text_field + "\" is not a string, skipped");
  std::string& text_ref = text_it->get_ref<std::string&>();
  if (AllSpace(text_ref))
    return Status::InvalidInput(where + ": empty \"" + options.text_field + "\" field, skipped");

  doc->text = std::move(text_ref);
  graph::DocMeta& meta = doc->meta;
  meta = graph::DocMeta{};
  meta.id = graph::DocIdFor(doc->text);  // of the text as read, as above
  DecodeCharacterReferences(&doc->text);
  meta.bytes = doc->text.size();
  meta.source = where;

  auto string_field = [&](const std::string& field, std::string* out) {
    auto it = value.find(field);
    if (it == value.end()) return false;
    if (it->is_string()) *out = std::move(it->get_ref<std::string&>());
    else if (it->is_number_integer()) *out = std::to_string(it->get<int64_t>());
    else if (it->is_number_unsigned()) *out = std::to_string(it->get<uint64_t>());
    else return false;
    return true;
  };
  std::string title;
  if (string_field(options.title_field, &title) && !AllSpace(title)) {
    DecodeCharacterReferences(&title);
    meta.title = std::string(TrimLine(title));
  }
  else
    meta.title = TitleFromText(doc->text, where);
  string_field(options.url_field, &meta.url);
  string_field(options.id_field, &meta.external_id);

  auto date_it = value.find(options.date_field);
  if (date_it != value.end()) {
    if (date_it->is_string()) {
      meta.date = ParseLooseDate(date_it->get_ref<const std::string&>());
    } else if (date_it->is_number_unsigned()) {
      uint64_t v = date_it->get<uint64_t>();
      if (v < 100000000) meta.date = graph::MakeDate(static_cast<int>(v / 10000), (v / 100) % 100, v % 100);
    }
  }
  meta.date_source = meta.date != 0 ? graph::DateSource::kMetadata : graph::DateSource::kNone;
  if (meta.date == 0 && (meta.date = FindDateInText(doc->text)) != 0) meta.date_source = graph::DateSource::kText;
  *produced = true;
  return Status::Ok();
}

}  // namespace geokg::ingest
