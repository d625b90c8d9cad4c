#include "tools/repl/repl.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "graph/ontology.h"
#include "query/format.h"
#include "tools/repl/script.h"
#include "tools/repl/window.h"

namespace geokg::tools {

namespace {

constexpr std::string_view kPrompt = "geokg> ";
constexpr std::string_view kContinuationPrompt = "   ...> ";

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// Query keywords offered by completion.
constexpr std::string_view kKeywords[] = {
    "MATCH",      "WHERE", "RETURN", "DISTINCT", "ORDER BY", "ASC",          "DESC",
    "SKIP",       "LIMIT", "AND",    "OR",       "NOT",      "IN",           "STARTS WITH",
    "CONTAINS",   "AS",    "count",  "collect",  "exists",   "shortestPath", "allShortestPaths",
    "OPTIONS",    "name",  "kind",   "type",     "modality", "first_date",   "last_date",
    "confidence", "mentions", "documents", "sum",  "min",          "max",
    "avg",        "OPTIONAL MATCH", "WITH", "UNION",    "UNION ALL", "CALL", "YIELD",        "pagerank",
    "betweenness", "components", "degree", "score", "component",   "EXPLAIN",
    "PROFILE",
};

bool NeedsQuotes(std::string_view name) {
  return std::any_of(name.begin(), name.end(),
                     [](char c) { return c == ' ' || c == '\'' || c == '"' || c == '\\' || c == '\t'; });
}

std::string SingleQuoted(std::string_view name) {
  std::string out = "'";
  for (char c : name) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

}  // namespace

const std::vector<ReplCommand>& Repl::Commands() {
  static const std::vector<ReplCommand> kCommands = {
      {":schema", "", "entity kinds and relation types, with their counts", &Repl::Schema},
      {":path", "A B", "shortest chains of relations linking A to B (either direction)", &Repl::Path},
      {":around", "NAME [DEPTH]", "the relations within DEPTH hops of NAME (default 1)", &Repl::Around},
      {":why", "A TYPE B", "the evidence sentences behind A -[TYPE]-> B, with date, modality and document", &Repl::Why},
      {":docs", "NAME [N]", "the N newest documents mentioning NAME (default 20): id, date, title, url", &Repl::Docs},
      {":dot", "FILE", "draw the last result (.dot, .svg, .png or .pdf)", &Repl::Dot},
      {":format", "table|json|csv", "how results print (default: table)", &Repl::Format},
      {":timing", "on|off", "print how long each query took", &Repl::Timing},
      {":modality", "asserted|all|M,...", "which evidence makes an edge visible", &Repl::Modality},
      {":param", "[NAME [VALUE]]", "set $NAME for queries ('text', 42, 1.5, true; no VALUE: show; no NAME: list)", &Repl::Param},
      {":width", "N|off", "cut table cells longer than N characters (default 80)", &Repl::Width},
      {":source", "FILE", "run the queries and commands of FILE, stopping at the first error", &Repl::Source},
      {":help", "", "this list; queries end with ';' and may span lines", &Repl::Help},
      {":quit", "", "leave (also Ctrl-D)", &Repl::Quit},
  };
  return kCommands;
}

Repl::Repl(std::shared_ptr<const graph::GraphView> view, const graph::Store* store)
    : view_(std::move(view)), store_(store) {
  if (store_ != nullptr) query_options_.window_stats = WindowStatsFromStore(store_, view_);
}

std::string_view Repl::Prompt() const { return pending_.empty() ? kPrompt : kContinuationPrompt; }

void Repl::set_location(std::string name, int line) {
  location_name_ = std::move(name);
  location_line_ = line;
}

std::ostream& Repl::Fail(std::ostream& out) const {
  failed_ = true;
  std::ostream& err = err_ != nullptr ? *err_ : out;
  if (!location_name_.empty()) err << location_name_ << ":" << location_line_ << ": ";
  return err;
}

void Repl::ReportQueryError(const query::QueryError& error, const std::string& text, std::ostream& out) const {
  failed_ = true;
  std::ostream& err = err_ != nullptr ? *err_ : out;
  if (location_name_.empty()) {
    err << error.Format(text) << "\n";
    return;
  }
  // One line, located in the script: the query's line and column counted
  // from the line the statement started on.
  err << location_name_ << ":";
  if (error.line > 0)
    err << statement_line_ + error.line - 1 << ":" << error.column + (error.line == 1 ? statement_column_ : 0);
  else
    err << statement_line_;
  err << ": " << error.message << "\n";
}

bool Repl::ProcessLine(std::string_view line, std::ostream& out) {
  failed_ = false;
  std::string_view trimmed = Trim(line);
  if (!trimmed.empty() && trimmed.front() == ':') {
    if (!pending_.empty()) {
      Fail(out) << "unfinished query discarded (a command came before its ';')\n";
      pending_.clear();
    }
    size_t end = trimmed.find_first_of(" \t");
    std::string_view name = trimmed.substr(0, end);
    std::string_view args = end == std::string_view::npos ? "" : Trim(trimmed.substr(end));
    if (name == ":exit" || name == ":q") name = ":quit";
    for (const ReplCommand& command : Commands()) {
      if (command.name == name) return (this->*command.handler)(args, out);
    }
    Fail(out) << "unknown command " << name << " (:help lists the commands)\n";
    return true;
  }
  // Blank lines and comment lines between statements are nothing.
  if (pending_.empty() && (trimmed.empty() || trimmed.starts_with("//"))) return true;
  if (pending_.empty()) statement_line_ = location_line_;
  if (!pending_.empty()) pending_ += '\n';
  pending_ += line;
  if (!EndsStatement(pending_)) return true;

  std::string text = std::move(pending_);
  pending_.clear();
  // One line may hold several statements ("MATCH ...; MATCH ...;"): each
  // runs in turn, and an error stops the rest.
  const int first_line = statement_line_;
  for (const StatementPiece& piece : SplitStatements(text)) {
    if (Trim(piece.text).empty() || Trim(piece.text).starts_with("//")) continue;
    statement_line_ = first_line + piece.line_offset;
    statement_column_ = piece.column_offset;
    if (!RunQueryText(piece.text, out)) break;
  }
  statement_line_ = first_line;
  statement_column_ = 0;
  return true;
}

bool Repl::RunQueryText(const std::string& text, std::ostream& out) {
  auto start = std::chrono::steady_clock::now();
  query::ResultSet rs;
  query::QueryError error;
  if (!query::RunQuery(*view_, text, query_options_, &rs, &error)) {
    ReportQueryError(error, text, out);
    return false;
  }
  PrintResult(rs, out);
  PrintTiming(start, out);
  last_result_ = std::move(rs);
  last_title_ = std::string(Trim(text));
  return true;
}

void Repl::PrintResult(const query::ResultSet& rs, std::ostream& out) const {
  switch (format_) {
    case OutputFormat::kTable:
      query::WriteTable(*view_, rs, out, cell_width_);
      break;
    case OutputFormat::kJson:
      query::WriteJson(*view_, rs, out);
      break;
    case OutputFormat::kCsv:
      query::WriteCsv(*view_, rs, out);
      break;
  }
  // JSON and CSV rows carry no note (JSON ends with a "_truncated" object):
  // a cut result is announced beside them, as PROFILE's table is.
  if (rs.truncated && format_ != OutputFormat::kTable) {
    std::ostream& side = err_ != nullptr ? *err_ : out;
    side << "note: " << rs.note << "\n";
  }
  // PROFILE's operator table, beside JSON or CSV rows that must stay clean
  // (the table format prints it after the rows itself).
  if (rs.profile && format_ != OutputFormat::kTable) {
    std::ostream& side = err_ != nullptr ? *err_ : out;
    side << "profile:\n";
    query::WriteTable(*view_, *rs.profile, side, cell_width_);
  }
}

void Repl::PrintTiming(std::chrono::steady_clock::time_point start, std::ostream& out) const {
  if (!timing_) return;
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  char buf[48];
  std::snprintf(buf, sizeof buf, "(%.3f ms)\n", ms);
  out << buf;
}

bool Repl::EdgeVisible(graph::EdgeIndex e) const {
  const graph::EdgeData& d = view_->edge(e);
  for (int m = 0; m < graph::kModalityCount; ++m) {
    if (query_options_.modalities[m] && d.counts[m] > 0) return true;
  }
  return false;
}

bool Repl::Format(std::string_view args, std::ostream& out) {
  if (args == "table") {
    format_ = OutputFormat::kTable;
  } else if (args == "json") {
    format_ = OutputFormat::kJson;
  } else if (args == "csv") {
    format_ = OutputFormat::kCsv;
  } else if (!args.empty()) {
    Fail(out) << ":format wants table, json or csv\n";
    return true;
  }
  static constexpr std::string_view kNames[] = {"table", "json", "csv"};
  if (echo_settings_ || args.empty()) out << "format: " << kNames[static_cast<int>(format_)] << "\n";
  return true;
}

bool Repl::Timing(std::string_view args, std::ostream& out) {
  if (args == "on") {
    timing_ = true;
  } else if (args == "off") {
    timing_ = false;
  } else if (!args.empty()) {
    Fail(out) << ":timing wants on or off\n";
    return true;
  }
  if (echo_settings_ || args.empty()) out << "timing: " << (timing_ ? "on" : "off") << "\n";
  return true;
}

bool Repl::Modality(std::string_view args, std::ostream& out) {
  if (!args.empty()) {
    std::array<bool, graph::kModalityCount> chosen{};
    if (args == "all") {
      chosen.fill(true);
    } else {
      std::string text(args);
      for (char& c : text) {
        if (c == ',') c = ' ';
      }
      for (const std::string& name : SplitWords(text)) {
        auto modality = graph::ParseModality(name);
        if (!modality) {
          Fail(out) << "unknown modality '" << name
                    << "' (asserted, negated, hypothetical, future, reported or all)\n";
          return true;
        }
        chosen[static_cast<int>(*modality)] = true;
      }
    }
    query_options_.modalities = chosen;
  }
  if (!echo_settings_ && !args.empty()) return true;
  out << "modality:";
  for (int m = 0; m < graph::kModalityCount; ++m) {
    if (query_options_.modalities[m]) out << " " << graph::NameOf(static_cast<graph::Modality>(m));
  }
  out << "\n";
  return true;
}

bool Repl::Param(std::string_view args, std::ostream& out) {
  query::Params& params = query_options_.params;
  auto show = [&](const std::string& name, const query::Value& v) {
    out << "$" << name << " = ";
    if (const std::string* s = std::get_if<std::string>(&v.data)) out << SingleQuoted(*s);
    else if (v.is_null()) out << "null";
    else out << query::ToDisplayString(*view_, v);
    out << "\n";
  };
  if (args.empty()) {
    if (params.empty()) out << "no parameters (:param NAME VALUE sets one)\n";
    for (const auto& [name, v] : params) show(name, v);
    return true;
  }
  size_t end = args.find_first_of(" \t");
  std::string name(args.substr(0, end));
  if (!name.empty() && name.front() == '$') name.erase(0, 1);
  std::string_view value_text = end == std::string_view::npos ? "" : Trim(args.substr(end));
  query::Value value;
  std::string error;
  if (value_text.empty()) {
    if (name == "clear") {
      params.clear();
      return true;
    }
    auto it = params.find(name);
    if (it == params.end()) {
      Fail(out) << "no parameter $" << name << " (:param NAME VALUE sets one)\n";
      return true;
    }
    show(it->first, it->second);
    return true;
  }
  if (!ParseParamFlag(name + "=" + std::string(value_text), &name, &value, &error)) {
    if (error.starts_with("--param")) error.replace(0, 7, ":param");
    Fail(out) << error << "\n";
    return true;
  }
  params[name] = std::move(value);
  if (echo_settings_) show(name, params[name]);
  return true;
}

bool Repl::Width(std::string_view args, std::ostream& out) {
  if (args == "off" || args == "0") {
    cell_width_ = 0;
  } else if (!args.empty()) {
    size_t n = 0;
    bool digits = args.size() <= 6 && std::all_of(args.begin(), args.end(), ::isdigit);
    if (digits) n = std::stoul(std::string(args));
    if (!digits || n < 4) {
      Fail(out) << ":width wants a number of characters (at least 4) or off\n";
      return true;
    }
    cell_width_ = n;
  }
  if (echo_settings_ || args.empty())
    out << "width: " << (cell_width_ == 0 ? std::string("off") : std::to_string(cell_width_)) << "\n";
  return true;
}

bool Repl::Source(std::string_view args, std::ostream& out) {
  std::vector<std::string> words = SplitWords(args);
  if (words.size() != 1) {
    Fail(out) << "usage: :source FILE\n";
    return true;
  }
  if (source_depth_ >= kMaxSourceDepth) {
    Fail(out) << ":source: nested more than " << kMaxSourceDepth << " deep (does a file source itself?)\n";
    return true;
  }
  std::ifstream file(words[0]);
  if (!file) {
    Fail(out) << words[0] << ": cannot open\n";
    return true;
  }
  // The sourced file reports its own errors; this command fails with it.
  std::ostream& err = err_ != nullptr ? *err_ : out;
  const std::string outer_name = location_name_;
  const int outer_line = location_line_;
  ++source_depth_;
  ScriptResult result = RunScript(*this, file, words[0], false, out, err);
  --source_depth_;
  set_location(outer_name, outer_line);
  failed_ = result.status != 0;
  return !result.quit;
}

bool Repl::Help(std::string_view, std::ostream& out) {
  size_t width = 0;
  for (const ReplCommand& c : Commands()) {
    width = std::max(width, c.name.size() + (c.args.empty() ? 0 : c.args.size() + 1));
  }
  out << "Type a query ending with ';', e.g.\n"
      << "  MATCH (a)-[r:blamed]->(b) RETURN a.name, b.name, r.count;\n"
      << "or a command:\n";
  for (const ReplCommand& c : Commands()) {
    std::string head(c.name);
    if (!c.args.empty()) head += " " + std::string(c.args);
    out << "  " << head << std::string(width - head.size() + 2, ' ') << c.help << "\n";
  }
  return true;
}

bool Repl::Quit(std::string_view, std::ostream&) { return false; }

std::vector<std::string> Repl::Complete(std::string_view word, bool in_quotes, size_t limit) const {
  std::vector<std::string> out;
  auto starts_with = [](std::string_view s, std::string_view prefix, bool fold) {
    if (s.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i) {
      char a = s[i], b = prefix[i];
      if (fold) {
        a = static_cast<char>(std::tolower(static_cast<unsigned char>(a)));
        b = static_cast<char>(std::tolower(static_cast<unsigned char>(b)));
      }
      if (a != b) return false;
    }
    return true;
  };
  if (!in_quotes && !word.empty() && word.front() == ':') {
    for (const ReplCommand& c : Commands()) {
      if (starts_with(c.name, word, false)) out.emplace_back(c.name);
    }
    return out;
  }
  if (!in_quotes) {
    for (std::string_view k : kKeywords) {
      if (starts_with(k, word, true)) out.emplace_back(k);
    }
    for (const graph::KindInfo& k : graph::AllKinds()) {
      if (starts_with(k.name, word, true)) out.emplace_back(k.name);
    }
    for (const graph::RelationInfo& t : graph::AllRelationTypes()) {
      if (starts_with(t.name, word, true)) out.emplace_back(t.name);
    }
  }
  // Names: AllNames() is sorted, so the exact-case prefix is one range.
  const std::vector<std::string>& names = view_->AllNames();
  auto it = std::lower_bound(names.begin(), names.end(), word,
                             [](const std::string& a, std::string_view b) { return a < b; });
  for (; it != names.end() && starts_with(*it, word, false) && out.size() < limit; ++it) {
    out.push_back(in_quotes || !NeedsQuotes(*it) ? *it : SingleQuoted(*it));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  if (out.size() > limit) out.resize(limit);
  return out;
}

std::vector<std::string> SplitWords(std::string_view text) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (i >= text.size()) break;
    std::string word;
    if (text[i] == '\'' || text[i] == '"') {
      char quote = text[i++];
      while (i < text.size() && text[i] != quote) {
        if (text[i] == '\\' && i + 1 < text.size()) ++i;
        word += text[i++];
      }
      ++i;  // the closing quote (or the end)
    } else {
      while (i < text.size() && text[i] != ' ' && text[i] != '\t') word += text[i++];
    }
    words.push_back(std::move(word));
  }
  return words;
}

std::vector<StatementPiece> SplitStatements(std::string_view text) {
  std::vector<StatementPiece> out;
  char quote = 0;
  size_t begin = 0;
  int line = 0, column = 0;            // where the current piece starts
  int cur_line = 0, cur_column = 0;    // position of text[i]
  for (size_t i = 0; i < text.size(); ++i, ++cur_column) {
    const char c = text[i];
    if (c == '\n') {
      ++cur_line;
      cur_column = -1;
    }
    if (quote != 0) {
      if (c == '\\' && quote != '`' && i + 1 < text.size()) {
        ++i;
        ++cur_column;
      } else if (c == quote) {
        quote = 0;
      }
      continue;
    }
    if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
      while (i + 1 < text.size() && text[i + 1] != '\n') {
        ++i;
        ++cur_column;
      }
      continue;
    }
    if (c == '\'' || c == '"' || c == '`') {
      quote = c;
    } else if (c == ';') {
      out.push_back({std::string(text.substr(begin, i - begin)), line, column});
      begin = i + 1;
      line = cur_line;
      column = cur_column + 1;
    }
  }
  if (begin < text.size()) out.push_back({std::string(text.substr(begin)), line, column});
  return out;
}

bool EndsStatement(std::string_view text) {
  char quote = 0;
  bool ended = false;  // the last significant character was ';'
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quote != 0) {
      if (c == '\\' && quote != '`') {
        ++i;
      } else if (c == quote) {
        quote = 0;
      }
      ended = false;
      continue;
    }
    if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
      // A comment runs to the end of the line.
      while (i < text.size() && text[i] != '\n') ++i;
      continue;
    }
    if (c == '\'' || c == '"' || c == '`') {
      quote = c;
      ended = false;
    } else if (c == ';') {
      ended = true;
    } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
      ended = false;
    }
  }
  return ended && quote == 0;
}

}  // namespace geokg::tools
