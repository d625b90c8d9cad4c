// Tokenizer and sentence splitter; see text.h for the contract.
//
// Three passes over the bytes, none allocating once the thread-local
// scratch has grown: (1) lines and their shape (blank, indent, final
// punctuation, lower-case start) decide whether the text is hard-wrapped;
// (2) each line is classified (title, noise, related headline, body);
// (3) tokens are cut and sentences closed as they go.
#include "ingest/text.h"

#include <cstring>
#include <vector>

#include "ingest/line_class.h"

namespace geokg::ingest {
namespace {

inline bool IsAsciiAlpha(unsigned char c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }
inline bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
inline bool IsSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

// Length of the UTF-8 sequence starting with lead byte c (1 for invalid).
inline size_t Utf8Len(unsigned char c) {
  if (c < 0xC0) return 1;
  if (c < 0xE0) return 2;
  if (c < 0xF0) return 3;
  return 4;
}

// True if the bytes at p begin a UTF-8 code point that is part of a word:
// Latin and other scripts' letters. General punctuation (U+2000..U+2BFF,
// E2 lead byte), Latin-1 symbols (C2 lead byte: NBSP, «, », ©, £) and
// U+3000.. CJK punctuation (E3 80) are not.
inline bool IsWordMultibyte(std::string_view t, size_t p) {
  unsigned char c = t[p];
  if (c < 0x80) return false;
  if (c == 0xC2 || c == 0xE2) return false;
  if (c == 0xEF && p + 1 < t.size() && static_cast<unsigned char>(t[p + 1]) == 0xBB) return false;  // BOM
  return c >= 0xC3;
}

inline bool IsWordByte(std::string_view t, size_t p) {
  unsigned char c = t[p];
  if (c < 0x80) return IsAsciiAlpha(c) || IsDigit(c);
  return IsWordMultibyte(t, p);
}

// U+2019 (’) or U+2018 (‘) at p.
inline bool IsCurlySingle(std::string_view t, size_t p, unsigned char last) {
  return p + 2 < t.size() + 0 && static_cast<unsigned char>(t[p]) == 0xE2 &&
         static_cast<unsigned char>(t[p + 1]) == 0x80 && static_cast<unsigned char>(t[p + 2]) == last;
}
inline bool IsApostropheAt(std::string_view t, size_t p, size_t* len) {
  if (p < t.size() && t[p] == '\'') {
    *len = 1;
    return true;
  }
  if (p + 2 < t.size() + 0 && IsCurlySingle(t, p, 0x99)) {
    *len = 3;
    return true;
  }
  return false;
}

inline bool IsNbsp(std::string_view t, size_t p) {
  return static_cast<unsigned char>(t[p]) == 0xC2 && p + 1 < t.size() && static_cast<unsigned char>(t[p + 1]) == 0xA0;
}

// Abbreviations that take a period and never end a sentence (titles, month
// names, "No.", "St.") and those that may ("Inc.", "etc."). Compared
// case-sensitively on the bare word.
constexpr std::string_view kHardAbbreviations[] = {
    "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Sgt", "Capt", "Maj", "Adm", "Gov", "Sen", "Rep",
    "St", "Prof", "Rev", "Mt", "Ft", "Jr", "Sr", "Gens", "Cmdr", "Brig", "Messrs", "Pres", "Cpl",
    "Pvt", "Supt", "Insp", "Hon", "Amb", "No", "Nos", "vs", "v", "approx", "Vol", "Fig", "Ave", "Blvd", "Rd", "Dept",
    "Gov", "Govt", "Lieut", "Sec", "Atty", "Mme", "Mlle", "Msgr", "Fr", "Sgt", "Sq", "Ph", "Rs"};
constexpr std::string_view kSoftAbbreviations[] = {"Inc", "Corp", "Co", "Ltd", "Bros", "etc", "Plc", "plc",
                                                   "LLC", "Cos", "Assn", "Univ", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
                                                   "Sep", "Sept", "Oct", "Nov", "Dec"};

// Capitalised words that begin sentences; after a soft abbreviation
// ("... Acme Inc. The ...") they make the period a boundary.
constexpr std::string_view kSentenceStarters[] = {
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "But", "And", "In", "This", "That", "There",
    "Its", "His", "Her", "Their", "On", "At", "Mr", "Mrs", "Ms", "Dr", "Some", "Other", "Officials",
    "However", "Meanwhile", "Earlier", "Later", "Last", "On", "Last", "After", "When", "While", "If"};

template <size_t N>
bool InList(const std::string_view (&list)[N], std::string_view w) {
  for (std::string_view x : list)
    if (x == w) return true;
  return false;
}

struct Scratch {
  std::vector<LineInfo> lines;
};

thread_local Scratch tls_scratch;

// The bounds of the next line starting at `p`: [p, end) without the line
// break; returns the index after the break.
size_t NextLine(std::string_view t, size_t p, size_t* end) {
  const void* nl = std::memchr(t.data() + p, '\n', t.size() - p);
  size_t e = nl ? static_cast<size_t>(static_cast<const char*>(nl) - t.data()) : t.size();
  *end = e;
  return nl ? e + 1 : e;
}

class Splitter {
 public:
  Splitter(std::string_view text, const std::vector<LineInfo>& lines, bool wrapped, DocAnalysis* out)
      : t_(text), lines_(lines), wrapped_(wrapped), out_(out) {}

  void Run();

 private:
  // Closes the open sentence (if it has tokens).
  void EndSentence();
  void AddToken(size_t begin, size_t end, uint16_t flags);
  // Handles the gap between tokens (spaces and line breaks) starting at p.
  size_t SkipSpace(size_t p);
  size_t ScanWord(size_t p);
  size_t ScanPunct(size_t p);
  bool PluralPossessiveAt(size_t p, size_t len) const;
  void OnLineBreak(size_t next_line_start);

  std::string_view t_;
  const std::vector<LineInfo>& lines_;
  bool wrapped_;
  DocAnalysis* out_;

  size_t line_ = 0;            // index of the current line
  uint32_t sentence_first_ = 0;  // first token of the open sentence
  bool pending_end_ = false;   // saw . ! ? : boundary before the next word unless it is lower-case
  bool soft_end_ = false;      // saw a soft abbreviation: boundary only before a sentence starter
  bool double_open_ = false;   // inside “...” or "..."
  bool single_open_ = false;   // inside ‘...’
};

void Splitter::EndSentence() {
  uint32_t n = static_cast<uint32_t>(out_->tokens.size());
  pending_end_ = soft_end_ = false;
  if (n == sentence_first_) return;
  Sentence s;
  s.first_token = sentence_first_;
  s.token_count = n - sentence_first_;
  s.begin = out_->tokens[sentence_first_].begin;
  s.end = out_->tokens[n - 1].end;
  // Section and noise from the line of the first token.
  size_t li = line_ < lines_.size() ? line_ : lines_.size() - 1;
  while (li > 0 && lines_[li].begin > s.begin) --li;
  s.section = lines_[li].section;
  s.noise = lines_[li].noise;
  uint32_t words = 0, quoted = 0;
  for (uint32_t i = sentence_first_; i < n; ++i) {
    Token& tok = out_->tokens[i];
    tok.sentence = static_cast<uint32_t>(out_->sentences.size());
    if (tok.flags & kTokPunct) continue;
    if (words == 0) tok.flags |= kTokSentenceStart;
    ++words;
    if (tok.flags & kTokInQuote) ++quoted;
  }
  s.quoted = words > 0 && quoted * 2 > words;
  out_->sentences.push_back(s);
  sentence_first_ = n;
}

void Splitter::AddToken(size_t begin, size_t end, uint16_t flags) {
  if (double_open_ || single_open_) flags |= kTokInQuote;
  Token tok;
  tok.begin = static_cast<uint32_t>(begin);
  tok.end = static_cast<uint32_t>(end);
  tok.flags = flags;
  out_->tokens.push_back(tok);
  if (out_->tokens.size() - sentence_first_ >= kMaxSentenceTokens) EndSentence();
}

void Splitter::OnLineBreak(size_t next) {
  // `next` is the first byte of the following line; lines_[line_ + 1]
  // describes it.
  const LineInfo& cur = lines_[line_];
  ++line_;
  if (line_ >= lines_.size()) return;
  const LineInfo& nxt = lines_[line_];
  bool boundary;
  if (nxt.blank || cur.blank) {
    boundary = true;
  } else if (!wrapped_) {
    boundary = true;
  } else {
    boundary = (nxt.indent >= 2 && !cur.final_punct) || nxt.section != cur.section || nxt.noise != cur.noise;
  }
  if (boundary) {
    EndSentence();
    // Quotation state does not survive a paragraph (journalistic quotes
    // re-open on each paragraph), nor a line of a one-sentence-a-line page.
    if (!wrapped_ || nxt.blank || cur.blank || nxt.indent >= 2) double_open_ = single_open_ = false;
  }
}

size_t Splitter::SkipSpace(size_t p) {
  while (p < t_.size()) {
    unsigned char c = t_[p];
    if (c == '\n') {
      ++p;
      OnLineBreak(p);
    } else if (IsSpace(c)) {
      ++p;
    } else if (IsNbsp(t_, p)) {
      p += 2;
    } else if (c == 0xE2 && p + 2 < t_.size() && static_cast<unsigned char>(t_[p + 1]) == 0x80 &&
               (static_cast<unsigned char>(t_[p + 2]) == 0x8B || static_cast<unsigned char>(t_[p + 2]) == 0xAF ||
                static_cast<unsigned char>(t_[p + 2]) == 0x89 || static_cast<unsigned char>(t_[p + 2]) == 0xA8)) {
      p += 3;  // zero-width, narrow no-break, thin space, line separator
    } else if (c == 0xEF && p + 2 < t_.size() && static_cast<unsigned char>(t_[p + 1]) == 0xBB &&
               static_cast<unsigned char>(t_[p + 2]) == 0xBF) {
      p += 3;  // BOM
    } else {
      break;
    }
  }
  return p;
}

// Scans a word starting at p (a word byte). Returns its end.
size_t Splitter::ScanWord(size_t p) {
  const size_t begin = p;
  const size_t n = t_.size();
  uint16_t flags = 0;
  bool dotted = false;
  // Dotted acronyms and initials: "U.S.", "U.N.", "E." (single letters
  // each followed by a period).
  if (IsAsciiAlpha(t_[p]) && p + 1 < n && t_[p + 1] == '.') {
    size_t q = p;
    int letters = 0;
    while (q + 1 < n && IsAsciiAlpha(t_[q]) && t_[q + 1] == '.') {
      q += 2;
      ++letters;
      if (!(q + 1 < n && IsAsciiAlpha(t_[q]) && t_[q + 1] == '.')) break;
    }
    if (q < n && IsWordByte(t_, q)) letters = 0;  // "a.m" and the like: not an acronym
    // A single lower-case letter and period ("a.") is a word and a period.
    if (letters > 1 || (letters == 1 && t_[p] >= 'A' && t_[p] <= 'Z')) {
      dotted = true;
      p = q;
      flags |= kTokAbbreviation;
      // A dotted acronym may be the first part of a compound: "U.S.-led".
      if (!(p + 1 < n && t_[p] == '-' && IsWordByte(t_, p + 1))) {
        if (letters > 1) soft_end_ = true;  // "in the U.S. The ..." ends a sentence
        goto done;
      }
    }
  }
  {
    const bool numeric = IsDigit(t_[p]);
    for (;;) {
      while (p < n && IsWordByte(t_, p)) p += (static_cast<unsigned char>(t_[p]) < 0x80) ? 1 : Utf8Len(t_[p]);
      if (p >= n) break;
      char c = t_[p];
      if (c == '-' && p + 1 < n && IsWordByte(t_, p + 1)) {
        flags |= kTokHyphenated;
        ++p;
        continue;
      }
      if ((c == ',' || c == '.') && numeric && p + 1 < n && IsDigit(t_[p + 1]) && IsDigit(t_[p - 1])) {
        ++p;
        continue;
      }
      size_t alen;
      if (IsApostropheAt(t_, p, &alen) && p + alen < n && IsAsciiAlpha(t_[p + alen])) {
        size_t q = p + alen;
        // Possessive 's: split off.
        if ((t_[q] == 's' || t_[q] == 'S') && (q + 1 >= n || !IsWordByte(t_, q + 1))) break;
        ++q;
        while (q < n && IsAsciiAlpha(t_[q])) ++q;  // don't, O'Brien, d’Ivoire
        p = q;
        continue;
      }
      break;
    }
    // Abbreviation period.
    if (p < n && t_[p] == '.' && !numeric) {
      std::string_view w = t_.substr(begin, p - begin);
      bool single_initial = w.size() == 1 && w[0] >= 'A' && w[0] <= 'Z';
      // "No." is an abbreviation only before a number ("No. 10").
      bool number_abbrev = (w == "No" || w == "Nos") &&
                           !(p + 2 < n && t_[p + 1] == ' ' && IsDigit(t_[p + 2]));
      if ((InList(kHardAbbreviations, w) && !number_abbrev) || single_initial) {
        ++p;
        flags |= kTokAbbreviation;
      } else if (InList(kSoftAbbreviations, w)) {
        ++p;
        flags |= kTokAbbreviation;
        soft_end_ = true;
      }
    }
  }
done:
  (void)dotted;
  std::string_view w = t_.substr(begin, p - begin);
  unsigned char c0 = w[0];
  if (IsDigit(c0)) {
    flags |= kTokNumber;
  } else {
    if ((c0 >= 'A' && c0 <= 'Z') || (c0 == 0xC3 && w.size() > 1 && static_cast<unsigned char>(w[1]) >= 0x80 &&
                                      static_cast<unsigned char>(w[1]) <= 0x9E))
      flags |= kTokCapitalized;
    if (IsUpperToken(w)) {
      int letters = 0;
      for (char ch : w) letters += IsAsciiAlpha(ch);
      if (letters >= 2) flags |= kTokAllCaps;
    }
  }
  AddToken(begin, p, flags);
  // Possessive: "Army's", "Army’s" -> "Army" + "'s".
  size_t alen;
  if (p < n && IsApostropheAt(t_, p, &alen) && p + alen < n && (t_[p + alen] == 's' || t_[p + alen] == 'S') &&
      (p + alen + 1 >= n || !IsWordByte(t_, p + alen + 1))) {
    out_->tokens.back().flags |= kTokPossessive;
    // AddToken may have closed the sentence at the length cap; the
    // possessive still follows its owner.
    AddToken(p, p + alen + 1, 0);
    p += alen + 1;
  }
  return p;
}

// An apostrophe right after a plural ending in s and before a space, with
// no single quotation open: "the Workers' Party", "the rebels’ leader".
bool Splitter::PluralPossessiveAt(size_t p, size_t len) const {
  if (single_open_ || p == 0 || (t_[p - 1] != 's' && t_[p - 1] != 'S')) return false;
  return p + len >= t_.size() || !IsWordByte(t_, p + len);
}

size_t Splitter::ScanPunct(size_t p) {
  const size_t n = t_.size();
  unsigned char c = t_[p];
  size_t len = c < 0x80 ? 1 : Utf8Len(c);
  if (p + len > n) len = n - p;
  uint16_t flags = kTokPunct;
  bool terminal = false, opening_quote = false, closing_quote = false, is_closer = false;
  if (c == '.') {
    while (p + len < n && t_[p + len] == '.') ++len;  // "..."
    terminal = true;
  } else if (c == '!' || c == '?') {
    while (p + len < n && (t_[p + len] == '!' || t_[p + len] == '?')) ++len;
    terminal = true;
  } else if (c == '"') {
    flags |= kTokQuote;
    // A straight quote opens unless a quotation is open.
    if (double_open_) closing_quote = true;
    else opening_quote = true;
  } else if (c == '\'' && PluralPossessiveAt(p, len)) {
    // "the Workers' Party": an apostrophe, not a quote.
  } else if (c == '\'') {
    flags |= kTokQuote;
    if (single_open_) {
      single_open_ = false;
      is_closer = true;
    } else if (p + 1 < n && IsWordByte(t_, p + 1) && (p == 0 || !IsWordByte(t_, p - 1))) {
      single_open_ = true;
    }
  } else if (c == ')' || c == ']') {
    is_closer = true;
  } else if (c == 0xE2 && len == 3 && static_cast<unsigned char>(t_[p + 1]) == 0x80) {
    unsigned char c2 = t_[p + 2];
    if (c2 == 0x9C) { flags |= kTokQuote; opening_quote = true; }           // “
    else if (c2 == 0x9D) { flags |= kTokQuote; closing_quote = true; }      // ”
    else if (c2 == 0x98) { flags |= kTokQuote; single_open_ = true; }       // ‘
    else if (c2 == 0x99 && PluralPossessiveAt(p, len)) {                    // ’ (the rebels’ leader)
    } else if (c2 == 0x99) {                                                // ’
      flags |= kTokQuote;
      if (single_open_) { single_open_ = false; }
      is_closer = true;
    } else if (c2 == 0xA6) {
      terminal = true;  // …
    }
  }
  if (closing_quote) is_closer = true;

  // Sentence boundary before an opening quote after a terminal mark.
  if (pending_end_ && !is_closer) EndSentence();
  if (opening_quote) double_open_ = true;
  // The closing quote belongs inside the quotation for the flag.
  if (closing_quote) {
    AddToken(p, p + len, flags | kTokInQuote);
    double_open_ = false;
  } else {
    AddToken(p, p + len, flags);
  }
  if (terminal) pending_end_ = true;
  return p + len;
}

void Splitter::Run() {
  size_t p = SkipSpace(0);
  const size_t n = t_.size();
  while (p < n) {
    // Keep line_ in step for section lookups: SkipSpace advances it.
    if (IsWordByte(t_, p)) {
      if (pending_end_ || soft_end_) {
        unsigned char c = t_[p];
        bool lower = c >= 'a' && c <= 'z';
        if (pending_end_ && !lower) {
          EndSentence();
        } else if (soft_end_ && !pending_end_) {
          // Find the word's bare extent to compare against sentence starters.
          size_t q = p;
          while (q < n && IsAsciiAlpha(t_[q])) ++q;
          if (InList(kSentenceStarters, t_.substr(p, q - p))) EndSentence();
        }
        pending_end_ = soft_end_ = false;
      }
      p = ScanWord(p);
    } else {
      p = ScanPunct(p);
    }
    p = SkipSpace(p);
  }
  EndSentence();
}

}  // namespace

bool IsUpperToken(std::string_view w) {
  bool any = false;
  for (char c : w) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') any = true;
  }
  return any;
}

namespace {

// The base letter of a Latin letter with a diacritic, U+00C0..U+017F
// ("á", "Ñ", "ş", "ž"), or 0 for the others of that range (Æ, ß, ×).
// Names are written with and without their accents ("Bogotá" and
// "Bogota", "Nicolás Maduro"); keys fold them to one.
unsigned char BaseLetter(uint32_t cp) {
  if (cp >= 0xC0 && cp <= 0xFF) {
    static constexpr char kLatin1[] =
        "aaaaaa\0ceeeeiiii" "dnooooo\0ouuuuy\0\0"   // U+00C0..U+00DF
        "aaaaaa\0ceeeeiiii" "dnooooo\0ouuuuy\0y";    // U+00E0..U+00FF
    return static_cast<unsigned char>(kLatin1[cp - 0xC0]);
  }
  // U+0100..U+017F: runs of one base letter, upper and lower case.
  struct Run {
    uint16_t last;
    char base;
  };
  static constexpr Run kExtendedA[] = {
      {0x105, 'a'}, {0x10D, 'c'}, {0x111, 'd'}, {0x11B, 'e'}, {0x123, 'g'}, {0x127, 'h'}, {0x131, 'i'},
      {0x133, 0},   {0x135, 'j'}, {0x138, 'k'}, {0x142, 'l'}, {0x14B, 'n'}, {0x151, 'o'}, {0x153, 0},
      {0x159, 'r'}, {0x161, 's'}, {0x167, 't'}, {0x173, 'u'}, {0x175, 'w'}, {0x178, 'y'}, {0x17E, 'z'}};
  if (cp >= 0x100 && cp <= 0x17E)
    for (const Run& r : kExtendedA)
      if (cp <= r.last) return static_cast<unsigned char>(r.base);
  return 0;
}

}  // namespace

uint64_t TokenKey(std::string_view w) {
  // FNV-1a over folded bytes, then a finaliser.
  uint64_t h = 0xcbf29ce484222325ull;
  const size_t n = w.size();
  for (size_t i = 0; i < n; ++i) {
    unsigned char c = w[i];
    if (c == '.') continue;
    if (c == 0xE2 && i + 2 < n && static_cast<unsigned char>(w[i + 1]) == 0x80 &&
        static_cast<unsigned char>(w[i + 2]) == 0x99) {
      c = '\'';
      i += 2;
    } else if (c >= 0xC3 && c <= 0xC5 && i + 1 < n && (static_cast<unsigned char>(w[i + 1]) & 0xC0) == 0x80) {
      const uint32_t cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(w[i + 1]) & 0x3Fu);
      if (unsigned char base = BaseLetter(cp); base != 0) {
        c = base;
        ++i;
      }
    } else if (c >= 'A' && c <= 'Z') {
      c += 32;
    }
    h = (h ^ c) * 0x100000001b3ull;
  }
  h ^= h >> 32;
  h *= 0xd6e8feb86659fd93ull;
  h ^= h >> 32;
  return h;
}

void AnalyzeText(std::string_view text, DocAnalysis* out) {
  out->Clear();
  out->text = text;
  std::vector<LineInfo>& lines = tls_scratch.lines;
  lines.clear();
  size_t p = 0;
  while (p <= text.size()) {
    size_t end;
    size_t next = NextLine(text, p, &end);
    lines.push_back(DescribeLine(text, p, end));
    if (next >= text.size()) break;
    p = next;
  }
  bool wrapped = IsHardWrapped(lines);
  ClassifyLines(text, wrapped, &lines);
  Splitter splitter(text, lines, wrapped, out);
  splitter.Run();
}

}  // namespace geokg::ingest
