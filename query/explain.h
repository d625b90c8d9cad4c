// EXPLAIN and PROFILE: a bound statement's plan as a result table.
// Internal to the query module.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "query/engine.h"
#include "query/executor.h"
#include "query/plan.h"

namespace geokg::query {

// Columns operator, details, estimated rows: one row per plan step, one per
// WHERE filter placed after it, one for RETURN; UNION parts follow one
// another after a Union row. Estimates come from the view's counts (named
// candidates, vertices per kind, mean degree per relation type), filters
// not counted. `text` is the statement (details quote it).
ResultSet ExplainPlan(const graph::GraphView& view, std::string_view text,
                      const std::vector<std::unique_ptr<BoundQuery>>& parts, bool union_all);

// Columns operator, details, rows, ms: per operator of each part the rows
// it passed on (after its filters) and the time spent in it, what it called
// excluded; RETURN's time includes projection, aggregation and sorting.
ResultSet ProfileTable(const graph::GraphView& view, std::string_view text,
                       const std::vector<std::unique_ptr<BoundQuery>>& parts,
                       const std::vector<std::vector<Executor::OperatorStats>>& stats);

}  // namespace geokg::query
