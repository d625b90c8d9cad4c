// Line classification for scraped pages; see line_class.h.
#include "ingest/line_class.h"

namespace geokg::ingest {
namespace {

inline bool IsSpaceByte(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// Strips white space, and leading bullets/colons/dashes ("::", "•", "-").
std::string_view Content(std::string_view line) {
  size_t b = 0, e = line.size();
  while (b < e && IsSpaceByte(line[b])) ++b;
  while (e > b && IsSpaceByte(line[e - 1])) --e;
  return line.substr(b, e - b);
}

std::string_view StripLeadingMarks(std::string_view s) {
  for (;;) {
    if (s.empty()) return s;
    unsigned char c = s[0];
    if (c == ':' || c == '-' || c == '*' || c == '>' || c == '|' || c == '#' || IsSpaceByte(c)) {
      s.remove_prefix(1);
    } else if (c == 0xE2 && s.size() >= 3 && static_cast<unsigned char>(s[1]) == 0x80 &&
               (static_cast<unsigned char>(s[2]) == 0xA2 || static_cast<unsigned char>(s[2]) == 0x93 ||
                static_cast<unsigned char>(s[2]) == 0x94)) {
      s.remove_prefix(3);  // • – —
    } else {
      return s;
    }
  }
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char a = s[i], b = prefix[i];
    if (a >= 'A' && a <= 'Z') a += 32;
    if (b >= 'A' && b <= 'Z') b += 32;
    if (a != b) return false;
  }
  return true;
}

bool ContainsNoCase(std::string_view s, std::string_view needle) {
  for (size_t i = 0; i + needle.size() <= s.size(); ++i)
    if (StartsWithNoCase(s.substr(i), needle)) return true;
  return false;
}

// Only punctuation, dashes and symbols: "-", "* * *", "—".
bool IsSeparator(std::string_view s) {
  if (s.empty()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = s[i];
    if ((c | 32) >= 'a' && (c | 32) <= 'z') return false;
    if (c >= '0' && c <= '9') return false;
    if (c >= 0xC3 && c != 0xE2) return false;
  }
  return true;
}

constexpr std::string_view kRelatedHeaders[] = {
    "more from ", "more on ", "related", "read more", "read also", "see also", "most read", "most popular",
    "recommended", "you may also like", "you might also like", "trending", "latest stories", "top stories",
    "more stories", "more news", "also read", "editor's picks", "what to read next"};

constexpr std::string_view kPlugPrefixes[] = {
    "listen to ", "follow us", "follow @", "sign up", "subscribe", "read more", "click here", "share this",
    "share on", "download the", "join our", "like us on", "watch:", "watch more", "advertisement",
    "please enable", "get the latest", "copyright", "all rights reserved", "(c) ", "\xC2\xA9",
    "skip to", "back to top", "show comments", "comments", "image:", "photo:", "image caption",
    "media caption", "getty images", "reuters/", "ap photo", "newsletter"};

bool IsRelatedHeader(std::string_view s, uint32_t words) {
  if (words > 8) return false;
  for (std::string_view h : kRelatedHeaders)
    if (StartsWithNoCase(s, h)) return true;
  return false;
}

bool IsPlug(std::string_view s, uint32_t words) {
  for (std::string_view h : kPlugPrefixes)
    if (StartsWithNoCase(s, h)) return true;
  if (words <= 14 && (ContainsNoCase(s, "podcast") || ContainsNoCase(s, "newsletter")) &&
      !(s.back() == '.'))
    return true;
  return false;
}

// "By John Smith", "By Jane Doe and Ali Khan, Reuters".
bool IsByline(std::string_view s, uint32_t words) {
  if (words < 2 || words > 9) return false;
  if (!(StartsWithNoCase(s, "by ") && s[0] == 'B')) return false;
  // Every word after "By" is capitalised or a joiner.
  size_t i = 3;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    std::string_view w = s.substr(i, j - i);
    if (!w.empty() && !(w[0] >= 'A' && w[0] <= 'Z') && w != "and" && w != "in" && w != "&") return false;
    i = j;
  }
  return s.back() != '.';
}

bool IsLinkOnly(std::string_view s) {
  size_t i = 0;
  bool any = false;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    if (i >= s.size()) break;
    std::string_view rest = s.substr(i);
    if (!(StartsWithNoCase(rest, "http://") || StartsWithNoCase(rest, "https://") || StartsWithNoCase(rest, "www.")))
      return false;
    any = true;
    while (i < s.size() && s[i] != ' ') ++i;
  }
  return any;
}

}  // namespace

LineInfo DescribeLine(std::string_view text, size_t begin, size_t end) {
  LineInfo li;
  li.begin = static_cast<uint32_t>(begin);
  li.end = static_cast<uint32_t>(end);
  size_t p = begin;
  while (p < end && IsSpaceByte(text[p])) {
    li.indent += text[p] == '\t' ? 4 : 1;
    ++p;
  }
  if (p >= end) {
    li.blank = true;
    return li;
  }
  unsigned char first = text[p];
  li.lower_start = first >= 'a' && first <= 'z';
  size_t e = end;
  while (e > p && IsSpaceByte(text[e - 1])) --e;
  // Walk back over closing quotes and brackets.
  size_t q = e;
  for (;;) {
    if (q > p && (text[q - 1] == '"' || text[q - 1] == '\'' || text[q - 1] == ')' || text[q - 1] == ']')) {
      --q;
    } else if (q >= p + 3 && static_cast<unsigned char>(text[q - 3]) == 0xE2 &&
               static_cast<unsigned char>(text[q - 2]) == 0x80 &&
               (static_cast<unsigned char>(text[q - 1]) == 0x9D || static_cast<unsigned char>(text[q - 1]) == 0x99)) {
      q -= 3;
    } else {
      break;
    }
  }
  if (q > p) {
    char c = text[q - 1];
    li.final_punct = c == '.' || c == '!' || c == '?' || c == ':' || c == ';';
    if (q >= p + 3 && static_cast<unsigned char>(text[q - 3]) == 0xE2 &&
        static_cast<unsigned char>(text[q - 2]) == 0x80 && static_cast<unsigned char>(text[q - 1]) == 0xA6)
      li.final_punct = true;  // …
  }
  bool in_word = false;
  for (size_t i = p; i < e; ++i) {
    bool sp = IsSpaceByte(text[i]);
    if (!sp && !in_word) ++li.words;
    in_word = !sp;
  }
  return li;
}

bool IsHardWrapped(const std::vector<LineInfo>& lines) {
  uint32_t breaks = 0, continued = 0, nonblank = 0, mid_width = 0, max_width = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    const LineInfo& l = lines[i];
    if (l.blank) continue;
    ++nonblank;
    uint32_t width = l.end - l.begin;
    if (width > max_width) max_width = width;
    if (width >= 40 && width <= 80) ++mid_width;
    if (i + 1 < lines.size() && !lines[i + 1].blank) {
      ++breaks;
      if (lines[i + 1].lower_start && !l.final_punct) ++continued;
    }
  }
  if (continued >= 2 || (continued == 1 && breaks <= 8)) return true;
  return nonblank >= 4 && max_width <= 90 && mid_width * 10 >= nonblank * 7;
}

void ClassifyLines(std::string_view text, bool wrapped, std::vector<LineInfo>* lines) {
  bool in_related = false;
  bool seen_first = false;
  for (size_t i = 0; i < lines->size(); ++i) {
    LineInfo& l = (*lines)[i];
    if (l.blank) continue;
    std::string_view content = Content(text.substr(l.begin, l.end - l.begin));
    std::string_view bare = StripLeadingMarks(content);
    bool paragraph_start = i == 0 || (*lines)[i - 1].blank || (*lines)[i - 1].final_punct || l.indent >= 2;
    if (wrapped) {
      // Only whole-paragraph lines can be classified in wrapped text.
      if (paragraph_start && (IsSeparator(content) || bare == "Reuter" || bare == "REUTER" ||
                              StartsWithNoCase(bare, "copyright")))
        l.noise = true;
      continue;
    }
    if (!seen_first) {
      seen_first = true;
      // A headline: the first line, short, without final punctuation, and
      // followed by more text.
      bool more = false;
      for (size_t j = i + 1; j < lines->size(); ++j)
        if (!(*lines)[j].blank) more = true;
      if (more && !l.final_punct && l.words <= 25 && !IsSeparator(content)) {
        l.section = graph::Section::kTitle;
        continue;
      }
    }
    if (IsSeparator(content) || bare.empty()) {
      l.noise = true;
      continue;
    }
    if (IsRelatedHeader(bare, l.words)) {
      l.noise = true;
      in_related = true;
      continue;
    }
    if (IsPlug(bare, l.words) || IsByline(bare, l.words) || IsLinkOnly(bare) || bare == "Reuter") {
      l.noise = true;
      continue;
    }
    if (in_related) {
      if (l.final_punct || l.words > 30) {
        in_related = false;
      } else {
        l.section = graph::Section::kRelatedHeadline;
      }
    }
  }
}

}  // namespace geokg::ingest
