#include "tools/repl/repl.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>

#include "graph/ontology.h"
#include "query/format.h"

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
    "confidence", "mentions", "documents",
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
      {":why", "A TYPE B", "the evidence sentences behind A -[TYPE]-> B, with source and date", &Repl::Why},
      {":docs", "NAME [N]", "the N newest documents mentioning NAME (default 20): id, date, title, url", &Repl::Docs},
      {":dot", "FILE", "draw the last result (.dot, .svg, .png or .pdf)", &Repl::Dot},
      {":format", "table|json|csv", "how results print (default: table)", &Repl::Format},
      {":timing", "on|off", "print how long each query took", &Repl::Timing},
      {":modality", "asserted|all|M,...", "which evidence makes an edge visible", &Repl::Modality},
      {":help", "", "this list; queries end with ';' and may span lines", &Repl::Help},
      {":quit", "", "leave (also Ctrl-D)", &Repl::Quit},
  };
  return kCommands;
}

Repl::Repl(std::shared_ptr<const graph::GraphView> view, const graph::Store* store)
    : view_(std::move(view)), store_(store) {}

std::string_view Repl::Prompt() const { return pending_.empty() ? kPrompt : kContinuationPrompt; }

bool Repl::ProcessLine(std::string_view line, std::ostream& out) {
  std::string_view trimmed = Trim(line);
  if (!trimmed.empty() && trimmed.front() == ':') {
    if (!pending_.empty()) {
      out << "(unfinished query discarded)\n";
      pending_.clear();
    }
    size_t end = trimmed.find_first_of(" \t");
    std::string_view name = trimmed.substr(0, end);
    std::string_view args = end == std::string_view::npos ? "" : Trim(trimmed.substr(end));
    if (name == ":exit" || name == ":q") name = ":quit";
    for (const ReplCommand& command : Commands()) {
      if (command.name == name) return (this->*command.handler)(args, out);
    }
    out << "unknown command " << name << " (:help lists the commands)\n";
    return true;
  }
  if (pending_.empty() && trimmed.empty()) return true;
  if (!pending_.empty()) pending_ += '\n';
  pending_ += line;
  if (!EndsStatement(pending_)) return true;

  std::string text = std::move(pending_);
  pending_.clear();
  // Drop the final ';' (and anything after it, which is blank or a comment).
  size_t semicolon = text.rfind(';');
  text.resize(semicolon);
  if (Trim(text).empty()) return true;
  RunQueryText(text, out);
  return true;
}

bool Repl::RunQueryText(const std::string& text, std::ostream& out) {
  auto start = std::chrono::steady_clock::now();
  query::ResultSet rs;
  query::QueryError error;
  if (!query::RunQuery(*view_, text, query_options_, &rs, &error)) {
    out << error.Format(text) << "\n";
    return false;
  }
  PrintResult(rs, out);
  PrintTiming(start, out);
  last_result_ = std::move(rs);
  return true;
}

void Repl::PrintResult(const query::ResultSet& rs, std::ostream& out) const {
  switch (format_) {
    case OutputFormat::kTable:
      query::WriteTable(*view_, rs, out);
      break;
    case OutputFormat::kJson:
      query::WriteJson(*view_, rs, out);
      break;
    case OutputFormat::kCsv:
      query::WriteCsv(*view_, rs, out);
      break;
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
    out << ":format wants table, json or csv\n";
    return true;
  }
  static constexpr std::string_view kNames[] = {"table", "json", "csv"};
  out << "format: " << kNames[static_cast<int>(format_)] << "\n";
  return true;
}

bool Repl::Timing(std::string_view args, std::ostream& out) {
  if (args == "on") {
    timing_ = true;
  } else if (args == "off") {
    timing_ = false;
  } else if (!args.empty()) {
    out << ":timing wants on or off\n";
    return true;
  }
  out << "timing: " << (timing_ ? "on" : "off") << "\n";
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
          out << "unknown modality '" << name
              << "' (asserted, negated, hypothetical, future, reported or all)\n";
          return true;
        }
        chosen[static_cast<int>(*modality)] = true;
      }
    }
    query_options_.modalities = chosen;
  }
  out << "modality:";
  for (int m = 0; m < graph::kModalityCount; ++m) {
    if (query_options_.modalities[m]) out << " " << graph::NameOf(static_cast<graph::Modality>(m));
  }
  out << "\n";
  return true;
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
