// The small fixed graph the query and REPL harnesses run against: the
// reference article's actors and relations (tests/query/fixture.h), built
// once per process.
#pragma once

#include <memory>

#include "graph/view.h"
#include "query/engine.h"
#include "tests/query/fixture.h"

namespace geokg::fuzz {

inline std::shared_ptr<const graph::GraphView> FuzzView() {
  static const std::shared_ptr<const graph::GraphView> view = testing::ArticleView();
  return view;
}

// Bounds that keep one input fast and small: a hostile query must hit a
// limit (and report it), never run for minutes or exhaust the fuzzer's RSS.
inline void BoundForFuzzing(query::QueryOptions* options) {
  options->time_limit_seconds = 1;
  options->max_rows = 1000;
  options->max_memory_mb = 64;
}

}  // namespace geokg::fuzz
