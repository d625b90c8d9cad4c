// Reading the plain-text data files of ingest/data (lexicons, triggers,
// event verbs): one entry a line, '#' starts a comment line, blank lines
// are skipped, errors name FILE:LINE.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "graph/status.h"

namespace geokg::ingest {

// Reads a whole data file into *text. Errors: NotFound "FILE: no such
// file", InvalidInput "FILE: cannot be read".
Status ReadDataFile(const std::string& path, std::string* text);

// Calls fn(line_number, line) for each line of `contents` that is neither
// blank nor a comment (its first non-blank character is '#'), with a
// trailing '\r' removed; line numbers count from 1. Stops at, and returns,
// the first error fn returns.
template <typename Fn>
Status ForEachDataLine(std::string_view contents, Fn fn) {
  size_t line_no = 0, p = 0;
  while (p <= contents.size()) {
    size_t e = contents.find('\n', p);
    if (e == std::string_view::npos) e = contents.size();
    ++line_no;
    std::string_view line = contents.substr(p, e - p);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    size_t first = line.find_first_not_of(" \t");
    if (first != std::string_view::npos && line[first] != '#') {
      Status s = fn(line_no, line);
      if (!s.ok()) return s;
    }
    if (e >= contents.size()) break;
    p = e + 1;
  }
  return Status::Ok();
}

}  // namespace geokg::ingest
