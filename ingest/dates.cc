#include "ingest/dates.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "graph/date.h"

namespace geokg::ingest {
namespace {

// Bytes of text examined by FindDateInText: datelines and "Published:"
// lines stand at the top of an article.
constexpr size_t kDateWindow = 1500;
// A date in running prose (not labelled, not a dateline) counts only this
// near the start: later ones are mostly dates of other events.
constexpr size_t kLeadBytes = 400;

enum class TokenKind : uint8_t { kWord, kNumber, kPunct };

// A token of the ASCII skeleton of a text. Non-ASCII bytes and spaces
// separate tokens and make none.
struct Token {
  TokenKind kind;
  size_t begin, end;  // byte span in the text
  int value = 0;      // kNumber: its value (capped), kPunct: the byte
  int digits = 0;     // kNumber: count of digits
  char lower[12] = {};  // kWord: first letters, lower-cased
  bool capitalized = false;
};

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::vector<Token> Tokenize(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    Token t{};
    t.begin = i;
    if (IsAlpha(c)) {
      t.kind = TokenKind::kWord;
      t.capitalized = c >= 'A' && c <= 'Z';
      size_t n = 0;
      while (i < s.size() && IsAlpha(s[i])) {
        if (n + 1 < sizeof t.lower) t.lower[n++] = static_cast<char>(s[i] | 0x20);
        ++i;
      }
      if (i - t.begin >= sizeof t.lower) t.lower[0] = '\0';  // too long to be a month
    } else if (IsDigit(c)) {
      t.kind = TokenKind::kNumber;
      while (i < s.size() && IsDigit(s[i])) {
        if (t.value < 100000000) t.value = t.value * 10 + (s[i] - '0');
        ++t.digits;
        ++i;
      }
      // Ordinal suffix: 1st, 2nd, 3rd, 4th.
      if (i + 1 < s.size() && IsAlpha(s[i]) && IsAlpha(s[i + 1]) &&
          (i + 2 >= s.size() || !IsAlpha(s[i + 2]))) {
        char a = static_cast<char>(s[i] | 0x20), b = static_cast<char>(s[i + 1] | 0x20);
        if ((a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') ||
            (a == 't' && b == 'h'))
          i += 2;
      }
    } else if (static_cast<unsigned char>(c) < 0x80 && c != ' ' && c != '\t' && c != '\r') {
      t.kind = TokenKind::kPunct;
      t.value = c;
      ++i;
    } else {
      ++i;
      continue;
    }
    t.end = i;
    out.push_back(t);
  }
  return out;
}

// 1..12 for a month name or its abbreviation ("sept" too), else 0.
int MonthOf(const Token& t) {
  if (t.kind != TokenKind::kWord) return 0;
  static const char* const kFull[] = {"january", "february", "march",     "april",
                                      "may",     "june",     "july",      "august",
                                      "september", "october", "november", "december"};
  for (int m = 0; m < 12; ++m) {
    if (std::strcmp(t.lower, kFull[m]) == 0) return m + 1;
    if (std::strlen(t.lower) == 3 && std::strncmp(t.lower, kFull[m], 3) == 0) return m + 1;
  }
  if (std::strcmp(t.lower, "sept") == 0) return 9;
  return 0;
}

bool IsWeekday(const Token& t) {
  if (t.kind != TokenKind::kWord) return false;
  static const char* const kDays[] = {"monday", "tuesday", "wednesday", "thursday",
                                      "friday", "saturday", "sunday"};
  for (const char* d : kDays) {
    if (std::strcmp(t.lower, d) == 0) return true;
    if (std::strlen(t.lower) == 3 && std::strncmp(t.lower, d, 3) == 0) return true;
  }
  return std::strcmp(t.lower, "tues") == 0 || std::strcmp(t.lower, "thurs") == 0;
}

bool IsPunct(const std::vector<Token>& t, size_t i, char c) {
  return i < t.size() && t[i].kind == TokenKind::kPunct && t[i].value == c;
}
bool IsDay(const std::vector<Token>& t, size_t i) {
  return i < t.size() && t[i].kind == TokenKind::kNumber && t[i].digits <= 2 && t[i].value >= 1 &&
         t[i].value <= 31;
}
bool IsYear(const std::vector<Token>& t, size_t i) {
  return i < t.size() && t[i].kind == TokenKind::kNumber && t[i].digits == 4 &&
         t[i].value >= 1000;
}

struct DateMatch {
  int year = 0, month = 0, day = 0;  // year 0: none stated
  size_t next = 0;                   // index of the first token after the date
};

// Matches a date written with a month name at token i: "Jan 2, 2020",
// "January 2nd 2020", "2 January 2020", "26-MAR-1987", "2nd of January",
// or their yearless forms. When require_capital, the month word must be
// capitalised (so "may" the verb is not a month).
bool MatchNamedDate(const std::vector<Token>& t, size_t i, bool require_capital, DateMatch* m) {
  auto month_at = [&](size_t k) {
    if (k >= t.size()) return 0;
    if (require_capital && !t[k].capitalized) return 0;
    return MonthOf(t[k]);
  };
  if (int month = month_at(i)) {  // month first
    size_t k = i + 1;
    if (IsPunct(t, k, '.')) ++k;
    if (!IsDay(t, k)) return false;
    // A day must not run on into more digits ("Jan 2.5").
    if (k + 1 < t.size() && t[k + 1].begin == t[k].end && t[k + 1].kind == TokenKind::kNumber)
      return false;
    m->month = month;
    m->day = t[k].value;
    ++k;
    size_t y = k;
    if (IsPunct(t, y, ',')) ++y;
    if (IsYear(t, y)) {
      m->year = t[y].value;
      m->next = y + 1;
    } else {
      m->year = 0;
      m->next = k;
    }
    return true;
  }
  if (IsDay(t, i)) {  // day first
    size_t k = i + 1;
    bool hyphen = false;
    if (IsPunct(t, k, '-') || IsPunct(t, k, '.')) {
      hyphen = true;
      ++k;
    }
    if (!hyphen && k < t.size() && t[k].kind == TokenKind::kWord && std::strcmp(t[k].lower, "of") == 0)
      ++k;
    int month = month_at(k);
    if (!month) return false;
    m->day = t[i].value;
    m->month = month;
    ++k;
    size_t y = k;
    if (IsPunct(t, y, '.')) ++y;
    if (IsPunct(t, y, ',') || IsPunct(t, y, '-')) ++y;
    if (IsYear(t, y)) {
      m->year = t[y].value;
      m->next = y + 1;
    } else {
      m->year = 0;
      m->next = k;
    }
    return true;
  }
  return false;
}

// "1987-03-26", "1987/03/26", "1987.03.26" starting at token i, the parts
// touching each other.
bool MatchIsoDate(const std::vector<Token>& t, size_t i, DateMatch* m) {
  if (!IsYear(t, i) || i + 4 >= t.size()) return false;
  char sep = 0;
  if (IsPunct(t, i + 1, '-')) sep = '-';
  else if (IsPunct(t, i + 1, '/')) sep = '/';
  else if (IsPunct(t, i + 1, '.')) sep = '.';
  if (!sep || !IsPunct(t, i + 3, sep)) return false;
  for (size_t k = i; k < i + 4; ++k)
    if (t[k].end != t[k + 1].begin) return false;
  if (t[i + 2].kind != TokenKind::kNumber || t[i + 2].digits > 2 || !IsDay(t, i + 4)) return false;
  if (i + 5 < t.size() && t[i + 5].begin == t[i + 4].end && t[i + 5].kind == TokenKind::kNumber)
    return false;
  m->year = t[i].value;
  m->month = t[i + 2].value;
  m->day = t[i + 4].value;
  m->next = i + 5;
  return true;
}

// A numeric date dd.mm.yyyy / dd/mm/yyyy / mm/dd/yyyy at token i; only when
// the order is certain (the day is > 12, or day and month agree).
bool MatchNumericDate(const std::vector<Token>& t, size_t i, DateMatch* m) {
  if (i + 4 >= t.size() || !IsDay(t, i) || !IsDay(t, i + 2) || !IsYear(t, i + 4)) return false;
  char sep = IsPunct(t, i + 1, '/') ? '/' : IsPunct(t, i + 1, '.') ? '.' : IsPunct(t, i + 1, '-') ? '-' : 0;
  if (!sep || !IsPunct(t, i + 3, sep)) return false;
  for (size_t k = i; k < i + 4; ++k)
    if (t[k].end != t[k + 1].begin) return false;
  int a = t[i].value, b = t[i + 2].value;
  if (sep == '.' || a > 12) {  // dd.mm.yyyy is the European form
    m->day = a;
    m->month = b;
  } else if (b > 12 || a == b) {
    m->month = a;
    m->day = b;
  } else {
    return false;
  }
  m->year = t[i + 4].value;
  m->next = i + 5;
  return true;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// Words before a date that make it the date of another event ("the
// attacks of Sept. 11, 2001", "since March 3, 1985").
bool IsReferenceWord(const Token& t) {
  static const char* const kWords[] = {"of", "since", "until", "till", "before", "after", "from", "by"};
  if (t.kind != TokenKind::kWord) return false;
  for (const char* w : kWords)
    if (std::strcmp(t.lower, w) == 0) return true;
  return false;
}

bool IsLabel(const Token& t) {
  static const char* const kLabels[] = {"published", "updated", "posted", "date", "dated",
                                        "modified", "created"};
  if (t.kind != TokenKind::kWord) return false;
  for (const char* l : kLabels)
    if (std::strcmp(t.lower, l) == 0) return true;
  return false;
}

}  // namespace

graph::Date ParseLooseDate(std::string_view text) {
  text = Trim(text);
  if (text.empty() || text.size() > 200) return 0;
  // Compact "19870326", optionally followed by a time.
  if (text.size() >= 8 && std::all_of(text.begin(), text.begin() + 8, IsDigit) &&
      (text.size() == 8 || text[8] == 'T' || text[8] == ' ')) {
    int v = std::atoi(std::string(text.substr(0, 8)).c_str());
    return graph::MakeDate(v / 10000, (v / 100) % 100, v % 100);
  }
  std::vector<Token> t = Tokenize(text);
  size_t i = 0;
  if (i < t.size() && IsWeekday(t[i])) {
    ++i;
    if (IsPunct(t, i, ',') || IsPunct(t, i, '.')) ++i;
  }
  DateMatch m;
  if (!MatchIsoDate(t, i, &m) && !MatchNumericDate(t, i, &m) &&
      !MatchNamedDate(t, i, /*require_capital=*/false, &m))
    return 0;
  if (m.year == 0) return 0;
  // What follows the date may only be a time, a zone or an offset: no more
  // words than a zone name ("GMT", "EST") or "T".
  for (size_t k = m.next; k < t.size(); ++k) {
    if (t[k].kind == TokenKind::kWord && t[k].end - t[k].begin > 4) return 0;
    if (k == m.next && t[k].begin == t[k - 1].end && t[k].kind != TokenKind::kPunct &&
        !(t[k].kind == TokenKind::kWord && t[k].lower[0] == 't'))
      return 0;  // "2020x" is not a date
  }
  return graph::MakeDate(m.year, m.month, m.day);
}

graph::Date FindDateInText(std::string_view text) {
  std::string_view window = text.substr(0, std::min(text.size(), kDateWindow));
  std::vector<Token> t = Tokenize(window);
  graph::Date first = 0;
  size_t yearless_at = 0;
  bool have_yearless = false;
  int yearless_month = 0, yearless_day = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    DateMatch m;
    bool matched = MatchIsoDate(t, i, &m) || MatchNamedDate(t, i, /*require_capital=*/true, &m);
    if (!matched) continue;
    // A label on the same line within the three tokens before the date.
    bool labelled = false;
    for (size_t k = i; k > 0 && k + 4 > i; --k) {
      const Token& p = t[k - 1];
      if (window.substr(p.end, t[k].begin - p.end).find('\n') != std::string_view::npos) break;
      if (IsLabel(p)) labelled = true;
    }
    // A dateline: the date is followed by a dash or "(Agency)"; or a full
    // date ends its line.
    size_t after = t[m.next - 1].end;
    while (after < window.size() && (window[after] == ' ' || window[after] == '\r')) ++after;
    bool dash = after < window.size() &&
                (window[after] == '(' || window[after] == '-' ||
                 window.substr(after, 3) == "\xE2\x80\x93" || window.substr(after, 3) == "\xE2\x80\x94");
    bool line_end = after >= window.size() || window[after] == '\n';
    if (m.year != 0) {
      graph::Date d = graph::MakeDate(m.year, m.month, m.day);
      if (d != 0 && labelled) return d;
      bool lead = t[i].begin < kLeadBytes && !(i > 0 && IsReferenceWord(t[i - 1]));
      if (d != 0 && first == 0 && (dash || line_end || lead)) first = d;
    } else if (!have_yearless) {
      // Yearless: only a dateline ("BAGHDAD, Jan 1 (Reuters) -") or a
      // labelled date counts; a day in running prose does not.
      // Hard-wrapped prose ends lines anywhere, so a line end is no sign.
      if (dash || labelled) {
        have_yearless = true;
        yearless_at = i;
        yearless_month = m.month;
        yearless_day = m.day;
      }
    }
    i = m.next - 1;
  }
  if (first != 0) return first;
  if (!have_yearless) return 0;
  // The year of a dateline: the nearest year-like number in the window.
  int best_year = 0;
  size_t best_distance = SIZE_MAX;
  for (size_t k = 0; k < t.size(); ++k) {
    if (!IsYear(t, k) || t[k].value < 1900 || t[k].value > 2099) continue;
    size_t distance = k > yearless_at ? k - yearless_at : yearless_at - k;
    if (distance < best_distance) {
      best_distance = distance;
      best_year = t[k].value;
    }
  }
  return best_year ? graph::MakeDate(best_year, yearless_month, yearless_day) : 0;
}

}  // namespace geokg::ingest
