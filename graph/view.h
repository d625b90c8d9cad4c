// GraphView: a read-only snapshot of the knowledge graph for traversal
// (query engine, rendering, REPL).
//
// Vertices are entities, numbered 0..vertex_count()-1 in the order of
// GraphData::entities (duplicates of an id keep the first), every one of
// them, also those in no relation; each keeps its entity's fields, mention
// totals (Entity::mentions, Entity::documents) included. Edges are relation
// summaries, numbered 0..edge_count()-1 in (source, type, target) order, so
// the out-edges of a vertex are one run of edge indices sorted by (type,
// target); in-edges are a separate index sorted by (type, source).
//
// Storage is a set of flat arrays (columns), so that the same snapshot can
// live in heap memory (Build) or in a file mapped read-only (OpenImage,
// graph/view_image.cc), with no pointer inside: per edge an EdgeData record
// (48 bytes), its out-edge index (4, the identity) and in-edge index (4);
// per vertex its id, kind, name, country, mention totals and alias run; every
// string once in a string table (equal strings share one StringId, so names
// can be compared and de-duplicated as integers). The forward CSR arrays are
// the ones Boost's compressed_sparse_row_graph uses: graph() builds that
// Boost structure from them on first use for Boost.Graph algorithms.
//
// Build is linear in the relations: stable counting sorts instead of
// comparison sorts, and no sort at all when the input is already in edge
// order (as Store::LoadGraph yields it).
//
// Thread safety: immutable after Build or OpenImage (AllNames and graph()
// are filled once, under std::call_once); any number of threads may read it.
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
#include "graph/status.h"

namespace geokg::graph {

using VertexIndex = uint32_t;
using EdgeIndex = uint32_t;
// Index into a snapshot's string table.
using StringId = uint32_t;

// One relation summary in compact form. A plain record (no pointers): the
// image stores an array of them as they are in memory.
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
static_assert(sizeof(EdgeData) == 48, "EdgeData is part of the snapshot image format");

using CsrGraph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                                    boost::no_property, uint32_t, uint32_t>;

// What an image was built from: the store's commit (LMDB transaction id)
// and a fingerprint of the store's tables at that commit. An image whose
// tag differs from the store's current one is stale.
struct ImageTag {
  uint64_t txn = 0;
  uint64_t fingerprint = 0;
  friend bool operator==(const ImageTag&, const ImageTag&) = default;
};

class GraphView {
 public:
  // Builds the snapshot, taking ownership of `data`. Relation summaries whose
  // source or target is not among the entities are dropped; entities with an
  // id seen before are dropped. Never fails.
  static std::shared_ptr<const GraphView> Build(GraphData data);
  ~GraphView();
  GraphView(const GraphView&) = delete;
  GraphView& operator=(const GraphView&) = delete;

  // Writes the snapshot as an image file at `path` (through a temporary
  // file renamed over it, so that a reader or a killed writer never sees a
  // half-written image), tagged with `tag`. Storage error on I/O failure
  // (the temporary file is then removed).
  Status WriteImage(const std::string& path, const ImageTag& tag) const;
  // Maps the image at `path` read-only and checks it: its magic and format
  // version, its size, its tag (must equal `tag`), its checksum over every
  // byte, and that every offset and index stays inside its array. On
  // success *out reads from the mapping (nothing is copied; the mapping
  // lives as long as the view). NotFound when there is no file; Storage
  // "...: stale", "...: truncated", "...: checksum mismatch" and so on when
  // it must not be used.
  static Status OpenImage(const std::string& path, const ImageTag& tag, std::shared_ptr<const GraphView>* out);

  size_t vertex_count() const { return vertex_count_; }
  size_t edge_count() const { return edges_.size(); }

  // The entity at vertex v, copied out of the columns (names, aliases and
  // country as strings). REQUIRES: v < vertex_count(). Hot paths use the
  // accessors below, which copy nothing.
  Entity entity(VertexIndex v) const;
  EntityId id(VertexIndex v) const { return ids_[v]; }
  // The kind of vertex v, from a compact per-vertex array.
  EntityKind kind(VertexIndex v) const { return kinds_[v]; }
  // Views valid for the view's lifetime.
  std::string_view name(VertexIndex v) const {
    return {string_bytes_.data() + name_refs_[v].offset, name_refs_[v].length};
  }
  std::string_view country(VertexIndex v) const { return str(countries_[v]); }
  uint64_t mentions(VertexIndex v) const { return mentions_[v]; }
  uint64_t documents(VertexIndex v) const { return documents_[v]; }
  size_t alias_count(VertexIndex v) const { return alias_offsets_[v + 1] - alias_offsets_[v]; }
  std::string_view alias(VertexIndex v, size_t i) const { return str(alias_ids_[alias_offsets_[v] + i]); }
  // The string-table ids of the name and country: equal ids, equal strings
  // (and the other way round), so names compare as integers.
  StringId name_id(VertexIndex v) const { return names_[v]; }
  // Cache hints for a loop about to read the names of many vertices: on a
  // large graph a name costs two dependent cache misses (where it lies,
  // then its bytes), which are cheaper overlapped than one row at a time.
  // PrefetchNameRef starts loading where v's name lies; PrefetchName,
  // issued once that has had time to arrive, starts loading its bytes.
  // Hints only: they change no state. REQUIRES: v < vertex_count().
  void PrefetchNameRef(VertexIndex v) const { __builtin_prefetch(&name_refs_[v]); }
  void PrefetchName(VertexIndex v) const { __builtin_prefetch(string_bytes_.data() + name_refs_[v].offset); }
  // True when no two vertices have the same name: a vertex then stands for
  // its name (DISTINCT b.name de-duplicates by vertex).
  bool names_unique() const { return names_unique_; }
  StringId country_id(VertexIndex v) const { return countries_[v]; }
  size_t string_count() const { return string_offsets_.empty() ? 0 : string_offsets_.size() - 1; }
  // REQUIRES: s < string_count().
  std::string_view str(StringId s) const {
    return {string_bytes_.data() + string_offsets_[s], string_offsets_[s + 1] - string_offsets_[s]};
  }

  // REQUIRES: e < edge_count(). Reference valid for the view's lifetime.
  const EdgeData& edge(EdgeIndex e) const { return edges_[e]; }
  // The role of a member-of/leader-of edge, "" when none.
  std::string_view role(EdgeIndex e) const { return str(roles_[edges_[e].role]); }

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
    return out_edges_.subspan(out_offsets_[v], out_offsets_[v + 1] - out_offsets_[v]);
  }
  std::span<const EdgeIndex> InEdges(VertexIndex v) const {
    return in_edges_.subspan(in_offsets_[v], in_offsets_[v + 1] - in_offsets_[v]);
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
  // edge (boost::get(boost::edge_index, graph(), e)) indexes edge(). Built
  // from the CSR arrays on the first call (thread-safe).
  const CsrGraph& graph() const;

  // Bytes held by the edge structures (EdgeData, out/in indices and
  // offsets), for benchmarks.
  size_t EdgeBytes() const;
  // True when the view reads from a mapped image rather than heap arrays.
  bool mapped() const { return mapping_ != nullptr; }

 private:
  GraphView();
  struct Owned;    // heap arrays of a built view (view.cc)
  struct Mapping;  // a mapped image (view_image.cc)

  size_t vertex_count_ = 0;
  std::span<const EdgeData> edges_;
  std::span<const uint32_t> out_offsets_;  // vertex_count()+1
  std::span<const EdgeIndex> out_edges_;   // identity run: out_edges_[i] == i
  std::span<const uint32_t> in_offsets_;
  std::span<const EdgeIndex> in_edges_;
  std::span<const EntityId> ids_;
  std::span<const EntityKind> kinds_;
  std::span<const StringId> names_, countries_;
  // Where each vertex's name lies in string_bytes_ (name() reads one
  // record, not the string table's offsets).
  struct NameRef {
    uint64_t offset;
    uint32_t length;
    uint32_t pad;
  };
  std::span<const NameRef> name_refs_;
  bool names_unique_ = false;
  std::span<const uint64_t> mentions_, documents_;
  std::span<const uint32_t> alias_offsets_;  // vertex_count()+1
  std::span<const StringId> alias_ids_;
  std::span<const StringId> roles_;  // role table; roles_[0] is ""
  std::span<const uint64_t> string_offsets_;  // string_count()+1
  std::span<const char> string_bytes_;
  // (id, vertex) sorted by id; (hash of SearchKey(name or alias), vertex)
  // sorted: FindName confirms hash matches against the names.
  struct IdEntry {
    EntityId id;
    VertexIndex v;
    uint32_t pad;
  };
  struct NameEntry {
    uint64_t hash;
    VertexIndex v;
    uint32_t pad;
  };
  std::span<const IdEntry> by_id_;
  std::span<const NameEntry> by_name_;
  std::array<uint64_t, kEntityKindCount> kind_counts_{};
  std::array<uint64_t, kRelationTypeCount> type_counts_{};

  std::unique_ptr<Owned> owned_;
  std::shared_ptr<Mapping> mapping_;
  mutable std::once_flag all_names_once_, csr_once_;
  mutable std::vector<std::string> all_names_;
  mutable CsrGraph csr_;
};

}  // namespace geokg::graph
