// OneLine: text made safe to print inside a one-line message. Error lines
// (`file:line: reason`, `geokg CMD: message`) are read by people and by
// scripts one line at a time, so a name holding a newline or a terminal
// escape must not split or repaint them.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace geokg::graph {

// Control bytes (below 0x20, and 0x7f) become C escapes: \n, \r, \t, and
// \xHH for the others. Everything else, UTF-8 included, is kept.
inline std::string OneLine(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c >= 0x20 && c != 0x7f) {
      out += ch;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    }
  }
  return out;
}

}  // namespace geokg::graph
