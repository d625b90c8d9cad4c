// GraphView: a read-only, in-memory snapshot of the knowledge graph for
// traversal (query engine, rendering, REPL).
//
// Vertices are entities, numbered 0..vertex_count()-1 in the order of
// GraphData::entities (duplicates of an id keep the first), every one of
// them, also those in no relation; each keeps its Entity, mention totals
// (Entity::mentions, Entity::documents) included. Edges are
// relation summaries, numbered 0..edge_count()-1 in (source, type, target)
// order, so the out-edges of a vertex are one run of edge indices sorted by
// (type, target); in-edges are a separate index sorted by (type, source).
//
// Storage: the forward structure is a Boost compressed_sparse_row_graph
// (directedS, 32-bit vertex and edge indices) whose edge index is the index
// into the EdgeData array, so Boost algorithms run on graph() directly.
// The reverse index is our own CSR array rather than Boost's bidirectionalS
// backward storage: that one keeps a target column plus an edge index (8
// bytes per edge) and orders in-edges by source only, while queries want
// in-edges grouped by type for typed expansion (4 bytes per edge here).
// Per relation the snapshot holds EdgeData (48 bytes) + Boost target column
// (4) + out-edge index (4) + in-edge index (4) = 60 bytes.
//
// Build is linear in the relations: stable counting sorts instead of
// comparison sorts, and no sort at all when the input is already in edge
// order (as Store::LoadGraph yields it).
//
// Thread safety: immutable after Build (AllNames is filled once, under
// std::call_once); any number of threads may read it.
#pragma once

#include <array>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/model.h"

namespace geokg::graph {

using VertexIndex = uint32_t;
using EdgeIndex = uint32_t;

// One relation summary in compact form.
struct EdgeData {
  VertexIndex source = 0;
  VertexIndex target = 0;
  RelationType type = RelationType::kAlliedWith;
  std::array<uint32_t, kModalityCount> counts{};  // per Modality
  Date first_date = 0;
  Date last_date = 0;
  float confidence = 0.f;
  uint32_t role = 0;  // index into the role table, 0 = none
};

using CsrGraph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                                    boost::no_property, uint32_t, uint32_t>;

class GraphView {
 public:
  // Builds the snapshot, taking ownership of `data`. Relation summaries whose
  // source or target is not among the entities are dropped; entities with an
  // id seen before are dropped. Never fails.
  static std::shared_ptr<const GraphView> Build(GraphData data);

  size_t vertex_count() const { return entities_.size(); }
  size_t edge_count() const { return edges_.size(); }

  // REQUIRES: v < vertex_count(). Reference valid for the view's lifetime.
  const Entity& entity(VertexIndex v) const { return entities_[v]; }
  // The kind of entity(v), from a compact per-vertex array (filters on
  // kinds read it without touching the Entity).
  EntityKind kind(VertexIndex v) const { return kinds_[v]; }
  // REQUIRES: e < edge_count().
  const EdgeData& edge(EdgeIndex e) const { return edges_[e]; }
  // The role of a member-of/leader-of edge, "" when none.
  std::string_view role(EdgeIndex e) const { return roles_[edges_[e].role]; }

  std::optional<VertexIndex> FindId(EntityId id) const;
  // Vertices whose canonical name or an alias equals `name` after
  // NormalizeName, ascending, without duplicates. Empty when none.
  std::vector<VertexIndex> FindName(std::string_view name) const;
  // Of several vertices a name fits, the one whose canonical name it is
  // when there is exactly one such; otherwise `vertices` unchanged.
  std::vector<VertexIndex> PreferCanonical(std::string_view name, std::vector<VertexIndex> vertices) const;
  // "'Baker' fits 2 entities: James Baker (person, USA, 14 mentions), ...":
  // what to say when a name is ambiguous.
  std::string DescribeCandidates(std::string_view name, const std::vector<VertexIndex>& vertices) const;

  // Out-edges of v sorted by (type, target); in-edges sorted by (type,
  // source). Spans valid for the view's lifetime. REQUIRES: v < vertex_count().
  std::span<const EdgeIndex> OutEdges(VertexIndex v) const {
    return {out_edges_.data() + out_offsets_[v], out_offsets_[v + 1] - out_offsets_[v]};
  }
  std::span<const EdgeIndex> InEdges(VertexIndex v) const {
    return {in_edges_.data() + in_offsets_[v], in_offsets_[v + 1] - in_offsets_[v]};
  }
  // The sub-span of OutEdges(v) / InEdges(v) with relation type `type`.
  std::span<const EdgeIndex> OutEdges(VertexIndex v, RelationType type) const;
  std::span<const EdgeIndex> InEdges(VertexIndex v, RelationType type) const;

  // Every canonical name and alias once, sorted (for tab completion).
  // Built on the first call (thread-safe), so snapshots that never complete
  // names do not pay for it.
  const std::vector<std::string>& AllNames() const;
  // Vertices per kind and edges per type (for :schema).
  const std::array<uint64_t, kEntityKindCount>& kind_counts() const { return kind_counts_; }
  const std::array<uint64_t, kRelationTypeCount>& type_counts() const { return type_counts_; }

  // The Boost.Graph structure: vertex i is entity i, the edge index of an
  // edge (boost::get(boost::edge_index, graph(), e)) indexes edge().
  const CsrGraph& graph() const { return csr_; }

  // Approximate heap bytes held by the edge structures (EdgeData, Boost CSR,
  // out/in indices), for benchmarks.
  size_t EdgeBytes() const;

 private:
  GraphView() = default;

  std::vector<Entity> entities_;
  std::vector<EntityKind> kinds_;  // entities_[v].kind
  std::vector<EdgeData> edges_;
  std::vector<std::string> roles_;  // roles_[0] == ""
  CsrGraph csr_;
  std::vector<uint32_t> out_offsets_;  // vertex_count()+1
  std::vector<EdgeIndex> out_edges_;   // identity run: out_edges_[i] == i
  std::vector<uint32_t> in_offsets_;
  std::vector<EdgeIndex> in_edges_;
  std::vector<std::pair<EntityId, VertexIndex>> by_id_;  // sorted by id
  // (hash of SearchKey(name or alias), vertex), sorted; FindName
  // confirms hash matches against the names.
  std::vector<std::pair<uint64_t, VertexIndex>> by_name_;
  mutable std::once_flag all_names_once_;
  mutable std::vector<std::string> all_names_;
  std::array<uint64_t, kEntityKindCount> kind_counts_{};
  std::array<uint64_t, kRelationTypeCount> type_counts_{};
};

}  // namespace geokg::graph
