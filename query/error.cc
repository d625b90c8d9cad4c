#include "query/error.h"

namespace geokg::query {

std::string QueryError::Format(std::string_view text) const {
  if (line <= 0) return message;
  std::string out = "line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + message;
  size_t start = 0;
  for (int l = 1; l < line && start != std::string_view::npos; ++l) {
    start = text.find('\n', start);
    if (start != std::string_view::npos) ++start;
  }
  if (start == std::string_view::npos) return out;
  size_t end = text.find('\n', start);
  std::string_view query_line = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
  out += "\n";
  out += query_line;
  out += "\n";
  // Tabs are kept so that the marker lines up under the token.
  for (int i = 1; i < column && static_cast<size_t>(i - 1) < query_line.size(); ++i)
    out += query_line[i - 1] == '\t' ? '\t' : ' ';
  out.append(static_cast<size_t>(length < 1 ? 1 : length), '^');
  return out;
}

}  // namespace geokg::query
