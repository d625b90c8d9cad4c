// Subgraph selection for diagrams: which vertices and edges of a GraphView a
// picture shows, and how an oversized selection is cut down.
//
// A Subgraph is a plain list of vertex and edge indices into one view. The
// selection functions never lay anything out; they are linear in the part of
// the view they touch, so even a request for the whole of a large graph
// returns quickly, and Cut() then brings it to a size GraphViz can draw.
//
// Thread safety: free functions over an immutable view; safe to call
// concurrently.
#pragma once

#include <functional>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "graph/status.h"
#include "graph/view.h"
#include "query/engine.h"

namespace geokg::tools {

// Vertices and edges to draw. Every edge's endpoints are in `vertices`.
// Order is irrelevant (Render sorts); no duplicates.
struct Subgraph {
  std::vector<graph::VertexIndex> vertices;
  std::vector<graph::EdgeIndex> edges;
};

// How diagrams group relation types: by CAMEO quad class, with the
// stative ties apart. Allied-with counts as cooperation and backed-by as
// aid (they carry PLOVER codes); part-of, member-of, leader-of and
// located-in are structural.
enum class EdgeFamily : uint8_t { kMaterialConflict, kVerbalConflict, kCooperation, kAid, kStructural };
inline constexpr int kEdgeFamilyCount = 5;
EdgeFamily FamilyOf(graph::RelationType type);
// "material conflict", "verbal conflict", "cooperation", "aid", "structural".
std::string_view NameOf(EdgeFamily family);

// Which edges and vertices a selection may use.
struct SelectFilter {
  // Only these relation types; empty = all.
  std::vector<graph::RelationType> types;
  // Only vertices of these kinds (seed vertices are always kept); empty = all.
  std::vector<graph::EntityKind> kinds;
  // Only edges whose evidence count (see EdgeCount) is at least this.
  uint32_t min_count = 1;
  // Count every modality instead of asserted evidence only. Without it an
  // edge with no asserted evidence is never selected.
  bool all_modalities = false;
  // Leave out structural relations (EdgeFamily::kStructural) unless `types`
  // names them: diagrams show events by default.
  bool hide_structural = false;
};

// The one vertex named `name` (canonical name or alias, see
// GraphView::FindName; else the name `canonical_name` gives, e.g. from the
// lexicon). NotFound "no entity named 'X'" when none, with " (did you mean
// 'Y'?)" when a known name is close; InvalidInput listing the candidates
// when several fit and none has it as its canonical name.
Status ResolveName(const graph::GraphView& view, std::string_view name,
                   std::vector<graph::VertexIndex>* vertices,
                   const std::function<std::string(std::string_view)>& canonical_name = {});

// Comma-separated relation types / kinds ("allied-with,backed_by").
// InvalidInput "unknown relation type 'X' (did you mean 'Y'?)" on the first
// unknown one.
Status ParseTypeList(std::string_view text, std::vector<graph::RelationType>* types);
Status ParseKindList(std::string_view text, std::vector<graph::EntityKind>* kinds);

// The default and the largest --max-nodes.
inline constexpr size_t kDefaultMaxNodes = 300;
inline constexpr size_t kHardMaxNodes = 5000;
// Edges kept at most after a cut (the most evidenced first).
inline constexpr size_t kHardMaxEdges = 20000;

// The evidence count an edge is weighed by: asserted only, or every modality.
uint32_t EdgeCount(const graph::EdgeData& edge, bool all_modalities);
// True when `filter` admits the edge (type and count; not the endpoints).
bool EdgePasses(const graph::EdgeData& edge, const SelectFilter& filter);
bool KindPasses(graph::EntityKind kind, const SelectFilter& filter);

// The neighbourhood of `seeds`: every vertex within `depth` hops (edges
// followed in both directions) through edges and vertices the filter admits,
// and the admitted edges on a walk of at most `depth` hops from a seed: an
// edge between two vertices at distance `depth` (the outer ring) is left
// out, so every edge drawn touches a seed or leads towards one. depth 0
// gives the seeds alone.
Subgraph Around(const graph::GraphView& view, const std::vector<graph::VertexIndex>& seeds, int depth,
                const SelectFilter& filter);

// Every admitted edge whose endpoints the filter admits, with those
// endpoints (isolated vertices are left out).
Subgraph Everything(const graph::GraphView& view, const SelectFilter& filter);

// The nodes, edges and paths that appear anywhere in a result (also inside
// lists), with the endpoints of every edge. When the result holds vertices
// but no edge at all (RETURN a, b), the admitted edges between those
// vertices are added so the picture shows how they relate. Edges and vertices
// the filter rejects are dropped (endpoints of kept edges stay).
Subgraph FromResult(const graph::GraphView& view, const query::ResultSet& result, const SelectFilter& filter);

// What Cut removed, for the message on stderr.
struct CutReport {
  size_t vertices_before = 0, vertices_removed = 0;
  size_t edges_before = 0, edges_removed = 0;
  bool cut() const { return vertices_removed > 0 || edges_removed > 0; }
  // "kept 300 of 1234 nodes and 800 of 5000 edges (the most connected)".
  std::string Describe() const;
};

// Keeps at most `max_nodes` vertices: the seeds first, then the vertices with
// the most evidence on their edges inside the subgraph, then the higher
// degree, then the smaller name. Edges that lose an endpoint go, and at most
// kHardMaxEdges edges stay (the most evidenced); a vertex (not a seed) left
// with no edge by the cut goes too. Deterministic.
// InvalidInput when max_nodes is 0 or above kHardMaxNodes.
Status Cut(const graph::GraphView& view, const std::vector<graph::VertexIndex>& seeds, size_t max_nodes,
           bool all_modalities, Subgraph* subgraph, CutReport* report);

}  // namespace geokg::tools
