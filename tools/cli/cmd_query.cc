// geokg query --db DIR [--format table|json|csv] [--all-modalities]
//             [--from DATE] [--to DATE] [--limit N] [--timeout SECONDS] [--max-memory MB]
//             [--param NAME=VALUE]... ('QUERY' | -f FILE [--continue])
#include <charconv>
#include <cmath>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "graph/date.h"
#include "graph/store.h"
#include "graph/view.h"
#include "query/engine.h"
#include "query/format.h"
#include "tools/cli/command.h"
#include "tools/cli/lexicon_names.h"
#include "tools/cli/query_flags.h"
#include "tools/repl/repl.h"
#include "tools/repl/script.h"
#include "tools/repl/window.h"

namespace geokg::tools {

int QueryOptionsFromFlags(std::string_view command, const ParsedArgs& args, query::QueryOptions* options) {
  options->canonical_name = LexiconCanonicalName();
  if (args.Has("--all-modalities")) options->modalities.fill(true);
  for (const char* flag : {"--from", "--to"}) {
    if (!args.Has(flag)) continue;
    graph::Date d = graph::ParseIsoDate(args.Get(flag));
    if (d == 0)
      return Fail(command, std::string(flag) + ": expected a date YYYY-MM-DD, got '" + args.Get(flag) + "'", 1);
    (std::string_view(flag) == "--from" ? options->from : options->to) = d;
  }
  if (args.Has("--limit")) {
    try {
      long long n = std::stoll(args.Get("--limit"));
      if (n <= 0) throw std::invalid_argument("");
      options->max_rows = static_cast<size_t>(n);
    } catch (...) {
      return Fail(command, "--limit: expected a positive integer", 1);
    }
  }
  if (args.Has("--timeout")) {
    // A positive number of seconds, fractions allowed ("0.5").
    const std::string value = args.Get("--timeout");
    size_t used = 0;
    double seconds = 0;
    try {
      seconds = std::stod(value, &used);
    } catch (...) {
      used = 0;
    }
    if (used == 0 || used != value.size() || !std::isfinite(seconds) || seconds <= 0)
      return Fail(command, "--timeout: expected a positive number of seconds, got '" + value + "'", 1);
    if (seconds > query::kMaxTimeLimitSeconds)
      return Fail(command,
                  "--timeout: at most " + std::to_string(static_cast<long long>(query::kMaxTimeLimitSeconds)) +
                      " seconds, got '" + value + "'",
                  1);
    options->time_limit_seconds = seconds;
  }
  if (args.Has("--max-memory")) {
    // Whole megabytes: the query's memory budget (QueryOptions::max_memory_mb).
    const std::string value = args.Get("--max-memory");
    unsigned long long mb = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), mb);
    if (value.empty() || ec != std::errc() || end != value.data() + value.size() || mb < 1 ||
        mb > query::kMaxMemoryMb)
      return Fail(command,
                  "--max-memory: expected a number of MB from 1 to " + std::to_string(query::kMaxMemoryMb) +
                      ", got '" + value + "'",
                  1);
    options->max_memory_mb = static_cast<size_t>(mb);
  }
  for (const std::string& flag : args.GetAll("--param")) {
    std::string name, error;
    query::Value value;
    if (!ParseParamFlag(flag, &name, &value, &error)) return Fail(command, error, 1);
    options->params[name] = std::move(value);
  }
  return 0;
}

namespace {

constexpr std::string_view kCommand = "query";

int RunFile(std::shared_ptr<const graph::GraphView> view, const graph::Store& store, const ParsedArgs& args,
            const query::QueryOptions& options, OutputFormat format) {
  const std::string path = args.Get("-f");
  std::ifstream file;
  std::istream* in = &std::cin;
  std::string name = "<stdin>";
  if (path != "-") {
    file.open(path);
    if (!file) return Fail(kCommand, path + ": cannot open", 1);
    in = &file;
    name = path;
  }
  Repl repl(std::move(view), &store);
  repl.mutable_query_options() = options;
  repl.set_format(format);
  std::ostringstream ignored;
  repl.ProcessLine(":width off", ignored);
  ScriptResult result = RunScript(repl, *in, name, args.Has("--continue"), std::cout, std::cerr);
  std::cout.flush();
  return result.status;
}

}  // namespace

int RunQuery(const ParsedArgs& args) {
  const bool from_file = args.Has("-f");
  if (from_file && !args.positional.empty())
    return Fail(kCommand, "give a QUERY or -f FILE, not both", 1);
  if (!from_file && args.positional.empty()) return Fail(kCommand, "missing QUERY (or -f FILE)", 1);
  std::string format = args.Get("--format", "table");
  if (format != "table" && format != "json" && format != "csv")
    return Fail(kCommand, "unknown --format '" + format + "' (table, json or csv)", 1);
  query::QueryOptions options;
  if (int rc = QueryOptionsFromFlags(kCommand, args, &options); rc != 0) return rc;
  std::string dir = args.Get("--db");
  if (dir.empty()) return Fail(kCommand, "missing --db DIR", 1);

  std::unique_ptr<graph::Store> store;
  graph::StoreOptions store_options;
  store_options.read_only = true;
  store_options.create_if_missing = false;
  Status s = graph::Store::Open(dir, store_options, &store);
  if (!s.ok()) return Fail(kCommand, s.message(), s.ExitCode());
  std::shared_ptr<const graph::GraphView> view;
  s = store->LoadView(&view);
  if (!s.ok()) return Fail(kCommand, s.message(), s.ExitCode() == 0 ? 2 : s.ExitCode());
  options.window_stats = WindowStatsFromStore(store.get(), view);

  if (from_file) {
    const OutputFormat f = format == "json" ? OutputFormat::kJson
                           : format == "csv" ? OutputFormat::kCsv
                                             : OutputFormat::kTable;
    return RunFile(view, *store, args, options, f);
  }
  const std::string& text = args.positional[0];
  query::ResultSet rs;
  query::QueryError error;
  if (!query::RunQuery(*view, text, options, &rs, &error)) {
    std::cerr << "geokg query: " << error.Format(text) << "\n";
    return 1;
  }
  if (format == "json") {
    query::WriteJson(*view, rs, std::cout);
  } else if (format == "csv") {
    query::WriteCsv(*view, rs, std::cout);
  } else {
    query::WriteTable(*view, rs, std::cout);
  }
  // A cut result is announced on stderr whatever the format (the table
  // also ends with the note, JSON with a "_truncated" object).
  if (rs.truncated) std::cerr << "geokg query: " << rs.note << "\n";
  if (rs.profile && format != "table") {  // keep stdout machine-readable
    std::cerr << "profile:\n";
    query::WriteTable(*view, *rs.profile, std::cerr);
  }
  std::cout.flush();
  return 0;  // main checks stdout
}

}  // namespace geokg::tools
