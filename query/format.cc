#include "query/format.h"

#include <cstdio>

namespace geokg::query {
namespace {

// Display width of UTF-8 text: code points (no East Asian width handling).
size_t Width(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string JsonString(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  return out + "\"";
}

std::string JsonValue(const graph::GraphView& view, const Value& v) {
  switch (v.data.index()) {
    case 0: return "null";
    case 1:
    case 2: return ToDisplayString(view, v);
    case 3: {
      double d = std::get<double>(v.data);
      if (d != d || d == 1.0 / 0.0 || d == -1.0 / 0.0) return "null";
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.17g", d);
      return buf;
    }
    case 8: {
      std::string s = "[";
      const ValueList& l = std::get<ValueList>(v.data);
      for (size_t i = 0; i < l.size(); ++i) {
        if (i) s += ",";
        s += JsonValue(view, l[i]);
      }
      return s + "]";
    }
    default: return JsonString(ToDisplayString(view, v));
  }
}

// A table cell on one line, at most `max_width` code points (0: any).
std::string FitCell(std::string s, size_t max_width) {
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  if (max_width == 0 || Width(s) <= max_width) return s;
  size_t kept = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (kept == (max_width > 1 ? max_width - 1 : 0)) break;
    ++kept;
  }
  s.resize(i);
  return s + "\u2026";
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

void WriteTable(const graph::GraphView& view, const ResultSet& rs, std::ostream& out, size_t max_cell_width) {
  std::vector<std::vector<std::string>> cells;
  std::vector<size_t> width(rs.columns.size());
  for (size_t c = 0; c < rs.columns.size(); ++c) width[c] = Width(rs.columns[c]);
  for (const auto& row : rs.rows) {
    cells.emplace_back();
    for (size_t c = 0; c < row.size() && c < width.size(); ++c) {
      cells.back().push_back(FitCell(ToDisplayString(view, row[c]), max_cell_width));
      width[c] = std::max(width[c], Width(cells.back().back()));
    }
  }
  auto line = [&](const std::vector<std::string>& v) {
    std::string s;
    for (size_t c = 0; c < v.size(); ++c) {
      if (c) s += " | ";
      s += v[c];
      if (c + 1 < v.size()) s.append(width[c] - Width(v[c]), ' ');
    }
    out << s << "\n";
  };
  line(rs.columns);
  std::string rule;
  for (size_t c = 0; c < width.size(); ++c) {
    if (c) rule += "-+-";
    rule.append(width[c], '-');
  }
  out << rule << "\n";
  for (const auto& r : cells) line(r);
  out << "(" << rs.rows.size() << (rs.rows.size() == 1 ? " row)" : " rows)") << "\n";
  if (rs.truncated) out << rs.note << "\n";
  if (rs.profile) {
    out << "\nprofile:\n";
    WriteTable(view, *rs.profile, out, max_cell_width);
  }
}

void WriteJson(const graph::GraphView& view, const ResultSet& rs, std::ostream& out, bool as_array) {
  if (as_array) out << "[";
  for (size_t r = 0; r < rs.rows.size(); ++r) {
    if (as_array && r) out << ",";
    out << "{";
    for (size_t c = 0; c < rs.columns.size() && c < rs.rows[r].size(); ++c) {
      if (c) out << ",";
      out << JsonString(rs.columns[c]) << ":" << JsonValue(view, rs.rows[r][c]);
    }
    out << "}";
    if (!as_array) out << "\n";
  }
  // A result cut by max_rows ends with one more object that says so, whose
  // keys start with an underscore (no row of this result has them): a reader
  // that reads every object as a row sees it rather than a silently short
  // result. Nothing is added to a whole result.
  if (rs.truncated) {
    if (as_array && !rs.rows.empty()) out << ",";
    out << "{\"_truncated\":true,\"_rows\":" << rs.rows.size() << ",\"_note\":" << JsonString(rs.note) << "}";
    if (!as_array) out << "\n";
  }
  if (as_array) out << "]\n";
}

void WriteCsv(const graph::GraphView& view, const ResultSet& rs, std::ostream& out) {
  for (size_t c = 0; c < rs.columns.size(); ++c) out << (c ? "," : "") << CsvField(rs.columns[c]);
  out << "\n";
  for (const auto& row : rs.rows) {
    for (size_t c = 0; c < row.size(); ++c) out << (c ? "," : "") << CsvField(ToDisplayString(view, row[c]));
    out << "\n";
  }
}

}  // namespace geokg::query
