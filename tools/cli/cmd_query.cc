// geokg query --db DIR [--format table|json|csv] [--all-modalities]
//             [--from DATE] [--to DATE] [--limit N] [--timeout SECONDS] 'QUERY'
#include <cmath>
#include <iostream>
#include <memory>

#include "graph/date.h"
#include "graph/store.h"
#include "graph/view.h"
#include "query/engine.h"
#include "query/format.h"
#include "tools/cli/command.h"

namespace geokg::tools {

int RunQuery(const ParsedArgs& args) {
  const std::string_view kCommand = "query";
  if (args.positional.empty()) return Fail(kCommand, "missing QUERY", 1);
  const std::string& text = args.positional[0];
  std::string format = args.Get("--format", "table");
  if (format != "table" && format != "json" && format != "csv")
    return Fail(kCommand, "unknown --format '" + format + "' (table, json or csv)", 1);
  query::QueryOptions options;
  if (args.Has("--all-modalities")) options.modalities.fill(true);
  for (const char* flag : {"--from", "--to"}) {
    if (!args.Has(flag)) continue;
    graph::Date d = graph::ParseIsoDate(args.Get(flag));
    if (d == 0)
      return Fail(kCommand, std::string(flag) + ": expected a date YYYY-MM-DD, got '" + args.Get(flag) + "'",
                  1);
    (std::string_view(flag) == "--from" ? options.from : options.to) = d;
  }
  if (args.Has("--limit")) {
    try {
      long long n = std::stoll(args.Get("--limit"));
      if (n <= 0) throw std::invalid_argument("");
      options.max_rows = static_cast<size_t>(n);
    } catch (...) {
      return Fail(kCommand, "--limit: expected a positive integer", 1);
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
      return Fail(kCommand, "--timeout: expected a positive number of seconds, got '" + value + "'", 1);
    options.time_limit_seconds = seconds;
  }
  std::string dir = args.Get("--db");
  if (dir.empty()) return Fail(kCommand, "missing --db DIR", 1);

  std::unique_ptr<graph::Store> store;
  graph::StoreOptions store_options;
  store_options.read_only = true;
  store_options.create_if_missing = false;
  Status s = graph::Store::Open(dir, store_options, &store);
  if (!s.ok()) return Fail(kCommand, s.message(), s.ExitCode());
  graph::GraphData data;
  s = store->LoadGraph(&data);
  if (!s.ok()) return Fail(kCommand, s.message(), s.ExitCode() == 0 ? 2 : s.ExitCode());
  auto view = graph::GraphView::Build(std::move(data));

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
  if (rs.truncated && format != "table") std::cerr << "geokg query: " << rs.note << "\n";
  std::cout.flush();
  return std::cout ? 0 : 2;
}

}  // namespace geokg::tools
