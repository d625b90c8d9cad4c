#include "query/error.h"

#include <algorithm>

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
  // A long line (a generated query) is shown as a window around the
  // column, so that the error stays a few short lines.
  constexpr size_t kContext = 60;
  size_t col = column < 1 ? 0 : static_cast<size_t>(column - 1);
  if (col > query_line.size()) col = query_line.size();
  const bool cut = query_line.size() > 3 * kContext;
  size_t first = cut && col > kContext ? col - kContext : 0;
  size_t last = cut ? std::min(query_line.size(), col + kContext) : query_line.size();
  std::string prefix = first > 0 ? "..." : "";
  out += "\n" + prefix;
  out += query_line.substr(first, last - first);
  if (last < query_line.size()) out += "...";
  out += "\n";
  out.append(prefix.size(), ' ');
  // Tabs are kept so that the marker lines up under the token.
  for (size_t i = first; i < col; ++i) out += query_line[i] == '\t' ? '\t' : ' ';
  size_t width = static_cast<size_t>(length < 1 ? 1 : length);
  if (cut) width = std::min(width, std::max<size_t>(1, last > col ? last - col : 1));
  out.append(width, '^');
  return out;
}

}  // namespace geokg::query
