// QueryError: a user error in a query (syntax, unknown name, runtime limit),
// located at a line and column of the query text.
#pragma once

#include <string>
#include <string_view>

namespace geokg::query {

struct QueryError {
  int line = 0;    // 1-based; 0 when the error has no location (time limit)
  int column = 0;  // 1-based, in bytes
  int length = 1;  // width of the offending token, for the ^^^ marker
  std::string message;

  // "line L, column C: message\n<the query line>\n<spaces>^^^" (no trailing
  // newline); just the message when line == 0.
  std::string Format(std::string_view query_text) const;
};

}  // namespace geokg::query
