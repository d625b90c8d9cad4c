// Dates packed as YYYYMMDD integers (graph::Date); 0 is unknown.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

#include "graph/model.h"

namespace geokg::graph {

inline bool ValidDate(int y, int m, int d) {
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return false;
  if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return false;
  return true;
}

inline Date MakeDate(int y, int m, int d) {
  return ValidDate(y, m, d) ? static_cast<Date>(y * 10000 + m * 100 + d) : 0;
}

// Parses "YYYY-MM-DD" (optionally followed by 'T' or a space and a time).
// Returns 0 if `text` is not such a date.
inline Date ParseIsoDate(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return 0;
  if (text.size() > 10 && text[10] != 'T' && text[10] != ' ') return 0;
  int v[3] = {0, 0, 0};
  const int starts[3] = {0, 5, 8}, lens[3] = {4, 2, 2};
  for (int f = 0; f < 3; ++f) {
    for (int i = 0; i < lens[f]; ++i) {
      char c = text[starts[f] + i];
      if (c < '0' || c > '9') return 0;
      v[f] = v[f] * 10 + (c - '0');
    }
  }
  return MakeDate(v[0], v[1], v[2]);
}

// "YYYY-MM-DD", or "" for 0.
inline std::string FormatDate(Date date) {
  if (date == 0) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04u-%02u-%02u", date / 10000, (date / 100) % 100, date % 100);
  return buf;
}

}  // namespace geokg::graph
