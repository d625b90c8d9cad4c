#include "tools/repl/window.h"

#include <algorithm>
#include <mutex>

#include "graph/ontology.h"

namespace geokg::tools {
namespace {

struct Cache {
  std::mutex mu;
  graph::Date from = 0, to = 0;
  std::shared_ptr<const std::vector<query::WindowStats>> stats;
};

}  // namespace

query::WindowStatsFn WindowStatsFromStore(const graph::Store* store, std::shared_ptr<const graph::GraphView> view) {
  auto cache = std::make_shared<Cache>();
  return [store, view = std::move(view), cache](graph::Date from, graph::Date to)
             -> std::shared_ptr<const std::vector<query::WindowStats>> {
    std::lock_guard<std::mutex> lock(cache->mu);
    if (cache->stats && cache->from == from && cache->to == to) return cache->stats;
    auto stats = std::make_shared<std::vector<query::WindowStats>>(view->edge_count());
    Status s = store->WindowedRelations(from, to, [&](const graph::RelationSummary& r) {
      // A schema-3 store may still hold a symmetric relation per direction;
      // the view has one edge for both.
      const graph::RelationKey key = graph::CanonicalKey(r.key);
      const auto source = view->FindId(key.source), target = view->FindId(key.target);
      if (!source || !target) return;
      // Out-edges are sorted by (type, target).
      auto out = view->OutEdges(*source);
      auto it = std::lower_bound(out.begin(), out.end(), std::make_pair(key.type, *target),
                                 [&](graph::EdgeIndex e, const std::pair<graph::RelationType, graph::VertexIndex>& k) {
                                   const graph::EdgeData& d = view->edge(e);
                                   return d.type != k.first ? d.type < k.first : d.target < k.second;
                                 });
      if (it == out.end() || view->edge(*it).type != key.type || view->edge(*it).target != *target) return;
      query::WindowStats& w = (*stats)[*it];
      for (int m = 0; m < graph::kModalityCount; ++m) w.counts[m] += r.counts[m];
      if (r.first_date != 0 && (w.first_date == 0 || r.first_date < w.first_date)) w.first_date = r.first_date;
      w.last_date = std::max(w.last_date, r.last_date);
      w.confidence = std::max(w.confidence, r.confidence);
    });
    if (!s.ok()) return nullptr;
    cache->from = from;
    cache->to = to;
    cache->stats = stats;
    return stats;
  };
}

}  // namespace geokg::tools
