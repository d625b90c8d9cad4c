#include "query/algorithms.h"

#include <algorithm>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/pending/disjoint_sets.hpp>
#include <boost/property_map/property_map.hpp>
#include <cmath>
#include <utility>

namespace geokg::query {
namespace {

using Local = uint32_t;  // vertex index within the subgraph
using SimpleGraph =
    boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                       boost::no_property, uint32_t, uint32_t>;

// The simple directed graph over `n` subgraph vertices: each (u, v) once;
// `symmetric` adds (v, u) for every (u, v).
SimpleGraph BuildSimple(std::vector<std::pair<Local, Local>> pairs, size_t n, bool symmetric) {
  if (symmetric) {
    const size_t m = pairs.size();
    for (size_t i = 0; i < m; ++i) pairs.push_back({pairs[i].second, pairs[i].first});
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return SimpleGraph(boost::edges_are_sorted, pairs.begin(), pairs.end(), n);
}

bool PageRank(const SimpleGraph& g, const CallSpec& spec, std::vector<double>* score,
              const std::function<bool()>& keep_going) {
  const size_t n = boost::num_vertices(g);
  std::vector<double> x(n, 1.0 / static_cast<double>(n)), last(n);
  const double alpha = spec.damping, inv_n = 1.0 / static_cast<double>(n);
  for (int it = 0; it < spec.max_iterations; ++it) {
    if (keep_going && !keep_going()) return false;
    last.swap(x);
    std::fill(x.begin(), x.end(), 0.0);
    double dangling = 0;
    for (Local v = 0; v < n; ++v) {
      const auto degree = boost::out_degree(v, g);
      if (degree == 0) {
        dangling += last[v];
        continue;
      }
      const double share = alpha * last[v] / static_cast<double>(degree);
      auto [e, end] = boost::out_edges(v, g);
      for (; e != end; ++e) x[boost::target(*e, g)] += share;
    }
    const double base = (alpha * dangling + (1 - alpha)) * inv_n;
    double change = 0;
    for (Local v = 0; v < n; ++v) {
      x[v] += base;
      change += std::fabs(x[v] - last[v]);
    }
    if (change < static_cast<double>(n) * spec.tolerance) break;
  }
  *score = std::move(x);
  return true;
}

// Brandes' algorithm for an unweighted graph, one breadth-first search per
// source, asking keep_going between sources (boost's version cannot be
// stopped). Dependencies are accumulated from successors (dist + 1) in
// reverse BFS order, so no predecessor lists are kept.
bool Betweenness(const SimpleGraph& g, const CallSpec& spec, std::vector<double>* score,
                 const std::function<bool()>& keep_going) {
  const size_t n = boost::num_vertices(g);
  score->assign(n, 0.0);
  std::vector<int64_t> dist(n, -1);
  std::vector<double> sigma(n, 0.0), delta(n, 0.0);
  std::vector<Local> order;
  order.reserve(n);
  for (Local s = 0; s < n; ++s) {
    if (keep_going && (s & 15) == 0 && !keep_going()) return false;
    for (Local v : order) {
      dist[v] = -1;
      sigma[v] = 0;
      delta[v] = 0;
    }
    order.clear();
    dist[s] = 0;
    sigma[s] = 1;
    order.push_back(s);
    for (size_t head = 0; head < order.size(); ++head) {
      const Local v = order[head];
      auto [e, end] = boost::out_edges(v, g);
      for (; e != end; ++e) {
        const Local w = static_cast<Local>(boost::target(*e, g));
        if (dist[w] < 0) {
          dist[w] = dist[v] + 1;
          order.push_back(w);
        }
        if (dist[w] == dist[v] + 1) sigma[w] += sigma[v];
      }
    }
    for (size_t k = order.size(); k-- > 0;) {
      const Local v = order[k];
      auto [e, end] = boost::out_edges(v, g);
      for (; e != end; ++e) {
        const Local w = static_cast<Local>(boost::target(*e, g));
        if (dist[w] == dist[v] + 1) delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
      }
      if (v != s) (*score)[v] += delta[v];
    }
  }
  // A symmetric directed graph counts each unordered pair twice.
  double scale = spec.directed ? 1.0 : 0.5;
  if (spec.normalized && n > 2) scale = 1.0 / (static_cast<double>(n - 1) * static_cast<double>(n - 2));
  for (double& s : *score) s *= scale;
  return true;
}

// Component ids renumbered 0, 1, ... by first vertex; sizes per vertex.
void Number(std::vector<Local> raw, AlgorithmResult* out) {
  const size_t n = raw.size();
  std::vector<int64_t> id(n, -1), count;
  out->component.resize(n);
  out->size.resize(n);
  for (size_t v = 0; v < n; ++v) {
    Local r = raw[v];
    if (id[r] < 0) {
      id[r] = static_cast<int64_t>(count.size());
      count.push_back(0);
    }
    out->component[v] = id[r];
    ++count[id[r]];
  }
  for (size_t v = 0; v < n; ++v) out->size[v] = count[out->component[v]];
}

}  // namespace

bool RunAlgorithm(const graph::GraphView& view, const CallSpec& spec,
                  const std::function<bool(graph::EdgeIndex)>& selected, AlgorithmResult* out,
                  const std::function<bool()>& keep_going) {
  *out = AlgorithmResult();
  // The subgraph's edges and vertices (local ids in vertex order).
  constexpr Local kNone = ~Local{0};
  std::vector<Local> local(view.vertex_count(), kNone);
  std::vector<graph::EdgeIndex> edges;
  for (graph::EdgeIndex e = 0; e < view.edge_count(); ++e) {
    const graph::EdgeData& d = view.edge(e);
    if (spec.type_mask && !(spec.type_mask & (uint64_t{1} << static_cast<int>(d.type)))) continue;
    if (!selected(e)) continue;
    edges.push_back(e);
    local[d.source] = local[d.target] = 0;
  }
  for (graph::VertexIndex v = 0; v < view.vertex_count(); ++v) {
    if (local[v] == kNone) continue;
    local[v] = static_cast<Local>(out->vertices.size());
    out->vertices.push_back(v);
  }
  const size_t n = out->vertices.size();
  if (n == 0) return true;

  if (spec.algorithm == Algorithm::kDegree) {
    out->in.assign(n, 0);
    out->out.assign(n, 0);
    for (graph::EdgeIndex e : edges) {
      ++out->out[local[view.edge(e).source]];
      ++out->in[local[view.edge(e).target]];
    }
    return true;
  }
  std::vector<std::pair<Local, Local>> pairs;
  pairs.reserve(edges.size());
  for (graph::EdgeIndex e : edges) pairs.push_back({local[view.edge(e).source], local[view.edge(e).target]});

  switch (spec.algorithm) {
    case Algorithm::kPageRank:
      return PageRank(BuildSimple(std::move(pairs), n, false), spec, &out->score, keep_going);
    case Algorithm::kBetweenness:
      return Betweenness(BuildSimple(std::move(pairs), n, !spec.directed), spec, &out->score, keep_going);
    case Algorithm::kComponents: {
      std::vector<Local> raw(n);
      if (spec.strong) {
        SimpleGraph g = BuildSimple(std::move(pairs), n, false);
        boost::strong_components(
            g, boost::make_iterator_property_map(raw.begin(), boost::get(boost::vertex_index, g)));
      } else {
        std::vector<Local> rank(n), parent(n);
        using Map = boost::iterator_property_map<std::vector<Local>::iterator, boost::identity_property_map>;
        boost::disjoint_sets<Map, Map> sets(Map(rank.begin()), Map(parent.begin()));
        for (Local v = 0; v < n; ++v) sets.make_set(v);
        for (auto [a, b] : pairs) sets.union_set(a, b);
        for (Local v = 0; v < n; ++v) raw[v] = static_cast<Local>(sets.find_set(v));
      }
      Number(std::move(raw), out);
      return true;
    }
    case Algorithm::kDegree:
      return true;
  }
  return true;
}

}  // namespace geokg::query
