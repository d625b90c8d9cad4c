// The query engine: runs a query of the geokg path-query language (a subset
// of openCypher, see DESIGN.md and the grammar in parser.h) over a
// GraphView.
//
// Pipeline: lexer -> parser (AST with positions) -> binder (variables,
// kinds, types and properties resolved against the view) -> planner (start
// at the most selective bound node, expand outwards) -> executor (depth-first
// over the CSR view, streaming rows; LIMIT stops the search).
//
// Query options may be given in the text, before MATCH:
//
//   OPTIONS {modality: 'all', from: '2020-01-01', to: '2020-12-31',
//            max_hops: 8, max_rows: 1000, timeout: 5, max_memory_mb: 512}
//   MATCH (a)-[r:blamed]->(b) RETURN a, b, r.count
//
// modality: 'all', one modality name ('reported') or a list of them
// (['asserted', 'reported']); from/to: ISO dates bounding the evidence;
// max_hops: upper bound of `*` and `*1..` (1 to 1000); max_rows, timeout
// (seconds, at most 10^6), max_memory_mb (see QueryOptions). Text options
// override the QueryOptions passed in.
//
// Names: {name: 'X'} compares graph::SearchKey forms (accents, case and
// punctuation folded) with canonical names and aliases. A name that fits
// several entities is an error listing them, unless exactly one has it as
// its canonical name or a kind label leaves one.
//
// Visibility: an edge exists for a query when its evidence count summed over
// the selected modalities is > 0 and, if a date window is set, it has
// evidence inside it (with QueryOptions::window_stats; else its
// [first_date, last_date] overlaps [from, to]; an edge without dates is then
// invisible). r.count is that sum.
//
// Statements: `q1 UNION q2` (rows of both without duplicates) and `q1 UNION
// ALL q2` (all rows) need the same column names; each part keeps its own
// OPTIONS, ORDER BY, SKIP and LIMIT, max_rows bounds the whole. `EXPLAIN q`
// returns the plan as rows (operator, details, estimated rows) without
// running q; `PROFILE q` runs q and fills ResultSet::profile.
//
// Aggregates: count, collect, sum, min, max, avg, as whole RETURN items
// (the other items are the grouping keys), each with DISTINCT; nulls are
// skipped; sum, min and max of integers are integers, avg a float; over no
// values sum/min/max/avg give null, count 0 and collect []. sum or avg of a
// non-number is an error.
//
// CALL pagerank|betweenness|components|degree({options}) YIELD ...: see
// query/algorithms.h for what each computes and the grammar in parser.h.
//
// Thread safety: RunQuery may be called concurrently on one view.
#pragma once

#include <array>
#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model.h"
#include "graph/view.h"
#include "query/error.h"
#include "query/limits.h"
#include "query/value.h"

namespace geokg::query {

// One edge's figures over the evidence inside a date window.
struct WindowStats {
  std::array<uint32_t, graph::kModalityCount> counts{};
  graph::Date first_date = 0, last_date = 0;
  float confidence = 0.f;
};
// Per-edge WindowStats (index = EdgeIndex of the view the query runs on) for
// [from, to], or nullptr when they cannot be computed. Given by whoever
// holds the evidence (the CLI and REPL read it from the store).
using WindowStatsFn =
    std::function<std::shared_ptr<const std::vector<WindowStats>>(graph::Date from, graph::Date to)>;

struct QueryOptions {
  // Modalities whose evidence counts (index = graph::Modality). Default:
  // asserted only.
  std::array<bool, graph::kModalityCount> modalities{true, false, false, false, false};
  // Date window; 0 = unbounded on that side.
  graph::Date from = 0, to = 0;
  // With a window and this set, an edge's count, first_date, last_date,
  // confidence and modalities are those of its evidence inside the window,
  // and an edge with none there is invisible. Without it, an edge is visible
  // when [first_date, last_date] overlaps the window and keeps its lifetime
  // figures.
  WindowStatsFn window_stats;
  // At most this many rows are returned; beyond, ResultSet::truncated is set.
  size_t max_rows = 100000;
  // The query fails with "query stopped after N s (time limit)" beyond this.
  double time_limit_seconds = 30;
  // Upper bound of `*`, `*2..` and shortestPath without an explicit bound
  // (at most kMaxHops, query/limits.h).
  int default_max_hops = 6;
  // Memory budget of one query, in MB (1 MB = 2^20 bytes): the rows it
  // holds (for ORDER BY, DISTINCT, UNION, WITH and the result), its groups
  // and their aggregates (collect() lists, paths) are counted as they are
  // built, and the query fails with "query exceeded its memory budget of N
  // MB ..." beyond it. The count is of the values' bytes and an estimate of
  // container overhead, not of the allocator's.
  size_t max_memory_mb = kDefaultMemoryMb;
  // Values of $name parameters.
  Params params;
  // For a name no entity has, the canonical name a lexicon gives it
  // ("Türkiye" -> "Turkey"), or "". Optional; tried when {name: ...} finds
  // nothing.
  std::function<std::string(std::string_view)> canonical_name;
  // When set and it becomes true (Ctrl-C, another thread), the query stops
  // with "query cancelled". Must outlive the query.
  const std::atomic<bool>* cancel = nullptr;
};

struct ResultSet {
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;
  bool truncated = false;  // max_rows reached
  std::string note;        // why truncated, for the user
  // PROFILE only: one row per operator (part, operator, details, rows,
  // time), printed after the result.
  std::shared_ptr<const ResultSet> profile;
};

// Runs `text`. Returns false and fills *error on a malformed or unbindable
// query, when the time limit is exceeded or when options.cancel is set (then
// *out holds no rows).
bool RunQuery(const graph::GraphView& view, std::string_view text, const QueryOptions& options,
              ResultSet* out, QueryError* error);

// Streaming form (PROFILE's table is not returned here: use RunQuery):
// `columns` is called once before any row; `row` is called
// per result row and returns false to stop early. Rows of queries with
// aggregation or ORDER BY arrive after the search ends; others as found.
// *truncated (may be null) is set when max_rows stopped the query.
using ColumnsCallback = std::function<void(const std::vector<std::string>& columns)>;
using RowCallback = std::function<bool(const std::vector<Value>& row)>;
bool RunQueryStreaming(const graph::GraphView& view, std::string_view text,
                       const QueryOptions& options, const ColumnsCallback& columns,
                       const RowCallback& row, bool* truncated, QueryError* error);

}  // namespace geokg::query
