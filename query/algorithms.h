// Graph algorithms behind CALL (pagerank, betweenness, components, degree),
// run with Boost.Graph over the subgraph a query selects. Internal to the
// query module.
//
// The subgraph: the edges `selected` accepts (the executor passes its own
// visibility rule: modality, date window) whose type is in the CallSpec's
// type_mask, and the vertices they touch; entities with no such edge yield
// no row. Pagerank, betweenness and components see the simple directed
// graph of those edges (parallel edges of several types between the same
// pair count once, as in a networkx DiGraph); degree counts every edge.
//
// Definitions follow networkx so that figures can be checked there:
//   pagerank      networkx.pagerank (damping 0.85, dangling mass spread
//                 evenly, stop when the L1 change < N * 1e-6 or after
//                 `max_iterations`), scores sum to 1.
//   betweenness   networkx.betweenness_centrality(normalized=False) by
//                 Brandes (boost::brandes_betweenness_centrality), directed,
//                 or undirected with {directed: false}; {normalized: true}
//                 divides by (N-1)(N-2).
//   components    weakly connected (boost::disjoint_sets) or, with
//                 {strong: true}, strongly connected (boost::strong_components);
//                 components are numbered 0, 1, ... in the order of their
//                 first vertex, and `size` is the component's vertex count.
//   degree        in_degree, out_degree and total = in + out (a self-loop adds
//                 one to each); score is total.
//
// Cost: pagerank O(iterations * E), components and degree O(V + E),
// betweenness O(V * E); none of them checks the time limit or the cancel
// flag while it runs.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "graph/view.h"
#include "query/plan.h"

namespace geokg::query {

struct AlgorithmResult {
  std::vector<graph::VertexIndex> vertices;  // ascending; one row each
  std::vector<double> score;                 // pagerank, betweenness
  std::vector<int64_t> component, size;      // components
  std::vector<int64_t> in, out;              // degree
};

// `keep_going` is asked between units of work (a betweenness source, a
// pagerank iteration); when it says false the run stops and returns false
// (the time limit or Ctrl-C).
bool RunAlgorithm(const graph::GraphView& view, const CallSpec& spec,
                  const std::function<bool(graph::EdgeIndex)>& selected, AlgorithmResult* out,
                  const std::function<bool()>& keep_going = {});

}  // namespace geokg::query
