// Date windows from the store: per-edge counts, dates and confidence over
// the evidence inside a window (query::QueryOptions::window_stats), for the
// CLI and the REPL.
#pragma once

#include <memory>

#include "graph/store.h"
#include "graph/view.h"
#include "query/engine.h"

namespace geokg::tools {

// A WindowStatsFn reading `store` (which must outlive it) for the edges of
// `view`. The last window's figures are kept, so a session asking about
// one window reads the evidence once.
query::WindowStatsFn WindowStatsFromStore(const graph::Store* store, std::shared_ptr<const graph::GraphView> view);

}  // namespace geokg::tools
