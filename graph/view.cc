#include "graph/view.h"

#include <algorithm>
#include <boost/iterator/transform_iterator.hpp>
#include <mutex>
#include <unordered_map>

#include "graph/ids.h"
#include "graph/names.h"
#include "graph/ontology.h"

namespace geokg::graph {
namespace {

// Open-addressing map EntityId -> VertexIndex used only while building (the
// hot part of a 1M-relation build is 2M id lookups: key and value share a
// slot so that a lookup touches one cache line).
class IdTable {
 public:
  explicit IdTable(size_t n) {
    size_t cap = 16;
    while (cap < n * 2) cap <<= 1;
    slots_.assign(cap, Slot{0, kEmpty});
    mask_ = cap - 1;
  }
  // Returns false if `id` was already present.
  bool Insert(EntityId id, VertexIndex v) {
    size_t i = Mix(id) & mask_;
    while (slots_[i].value != kEmpty) {
      if (slots_[i].key == id) return false;
      i = (i + 1) & mask_;
    }
    slots_[i] = Slot{id, v};
    return true;
  }
  VertexIndex Find(EntityId id) const {
    size_t i = Mix(id) & mask_;
    while (slots_[i].value != kEmpty) {
      if (slots_[i].key == id) return slots_[i].value;
      i = (i + 1) & mask_;
    }
    return kEmpty;
  }
  static constexpr VertexIndex kEmpty = 0xFFFFFFFFu;

 private:
  struct Slot {
    EntityId key;
    VertexIndex value;
  };
  static size_t Mix(uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    return static_cast<size_t>(x);
  }
  std::vector<Slot> slots_;
  size_t mask_ = 0;
};

// One resolved relation while sorting: its endpoints, type and position in
// GraphData::relations.
struct SortKey {
  VertexIndex source;
  VertexIndex target;
  uint32_t relation;
  uint32_t type;
};

// Stable counting sort of `in` into `out` by key(x) in [0, buckets);
// returns the bucket sizes.
template <class T, class Key>
std::vector<uint32_t> BucketSort(const std::vector<T>& in, std::vector<T>* out, size_t buckets, Key key) {
  std::vector<uint32_t> start(buckets + 1, 0);
  for (const T& x : in) ++start[key(x) + 1];
  std::vector<uint32_t> sizes(start.begin() + 1, start.end());
  for (size_t b = 0; b < buckets; ++b) start[b + 1] += start[b];
  out->resize(in.size());
  for (const T& x : in) (*out)[start[key(x)]++] = x;
  return sizes;
}

struct EdgeEndpoints {
  std::pair<uint32_t, uint32_t> operator()(const EdgeData& e) const { return {e.source, e.target}; }
};

uint64_t NameKey(std::string_view name) { return Hash64(SearchKey(name), 0x6e616d656b6579ull); }

}  // namespace

// Build order: resolve endpoints into 16-byte sort keys, order them by
// (source, type, target) with three stable counting sorts (target, then
// type, then source: linear, no comparison sort even for hubs) unless they
// are in that order already, place the EdgeData, then derive the in-edge
// index with two more counting sorts. Names are indexed by a 64-bit hash of
// the alias key, so no string is copied or compared while building.
namespace {

// Puts symmetric relations under their canonical key and merges the
// summaries that then share a key (counts added, dates widened, highest
// confidence). A no-op, without sorting, when every key is canonical.
void CanonicalizeSymmetric(std::vector<RelationSummary>* relations) {
  bool any = false;
  for (RelationSummary& r : *relations) {
    const RelationKey canonical = CanonicalKey(r.key);
    if (canonical != r.key) {
      r.key = canonical;
      any = true;
    }
  }
  if (!any) return;
  std::sort(relations->begin(), relations->end(),
            [](const RelationSummary& a, const RelationSummary& b) { return a.key < b.key; });
  size_t w = 0;
  for (size_t r = 0; r < relations->size(); ++r) {
    RelationSummary& cur = (*relations)[r];
    if (w > 0 && (*relations)[w - 1].key == cur.key) {
      RelationSummary& into = (*relations)[w - 1];
      for (int m = 0; m < kModalityCount; ++m) into.counts[m] += cur.counts[m];
      if (cur.first_date != 0 && (into.first_date == 0 || cur.first_date < into.first_date))
        into.first_date = cur.first_date;
      into.last_date = std::max(into.last_date, cur.last_date);
      into.confidence = std::max(into.confidence, cur.confidence);
      if (into.role.empty()) into.role = std::move(cur.role);
      continue;
    }
    if (w != r) (*relations)[w] = std::move(cur);
    ++w;
  }
  relations->resize(w);
}

}  // namespace

std::shared_ptr<const GraphView> GraphView::Build(GraphData data) {
  // A store written before schema 4 may hold a symmetric relation once per
  // direction: one edge per unordered pair here, whatever the store holds.
  CanonicalizeSymmetric(&data.relations);
  std::shared_ptr<GraphView> view(new GraphView());
  GraphView& g = *view;

  // Vertices: first occurrence of each id wins.
  IdTable ids(data.entities.size());
  g.entities_.reserve(data.entities.size());
  for (Entity& e : data.entities) {
    if (!ids.Insert(e.id, static_cast<VertexIndex>(g.entities_.size()))) continue;
    g.entities_.push_back(std::move(e));
  }
  data.entities = {};
  const size_t n = g.entities_.size();
  g.kinds_.reserve(n);
  for (const Entity& e : g.entities_) g.kinds_.push_back(e.kind);

  // Resolve endpoints; dangling relations dropped.
  std::vector<SortKey> keys, sorted;
  keys.reserve(data.relations.size());
  for (size_t i = 0; i < data.relations.size(); ++i) {
    const RelationKey& k = data.relations[i].key;
    if (static_cast<int>(k.type) >= kRelationTypeCount) continue;
    VertexIndex s = ids.Find(k.source), t = ids.Find(k.target);
    if (s == IdTable::kEmpty || t == IdTable::kEmpty) continue;
    keys.push_back(SortKey{s, t, static_cast<uint32_t>(i), static_cast<uint32_t>(k.type)});
  }
  const size_t m = keys.size();
  // A store yields entities in id order and relations in (source id, type,
  // target id) order, which is already the edge order: then no sort.
  auto before = [](const SortKey& a, const SortKey& b) {
    return a.source != b.source ? a.source < b.source
           : a.type != b.type   ? a.type < b.type
                                : a.target < b.target;
  };
  std::vector<uint32_t> per_source(n, 0);
  const bool in_order = std::is_sorted(keys.begin(), keys.end(), before);
  if (in_order) {
    for (const SortKey& k : keys) {
      ++per_source[k.source];
      ++g.type_counts_[k.type];
    }
    sorted.swap(keys);
  } else {
    BucketSort(keys, &sorted, n, [](const SortKey& k) { return k.target; });
    std::vector<uint32_t> per_type =
        BucketSort(sorted, &keys, kRelationTypeCount, [](const SortKey& k) { return k.type; });
    per_source = BucketSort(keys, &sorted, n, [](const SortKey& k) { return k.source; });
    for (int t = 0; t < kRelationTypeCount; ++t) g.type_counts_[t] = per_type[t];
  }

  // Edges in (source, type, target) order. Input already in that order is
  // read sequentially; otherwise each summary is written to its final slot
  // in input order (scattered writes stall less than gathered reads of the
  // 96-byte summaries).
  std::unordered_map<std::string, uint32_t> role_ids;
  g.roles_.push_back("");
  auto fill = [&](const RelationSummary& r, EdgeData* e) {
    e->type = r.key.type;
    e->counts = r.counts;
    e->first_date = r.first_date;
    e->last_date = r.last_date;
    e->confidence = r.confidence;
    if (!r.role.empty()) {
      auto [it, added] = role_ids.emplace(r.role, static_cast<uint32_t>(g.roles_.size()));
      if (added) g.roles_.push_back(r.role);
      e->role = it->second;
    }
  };
  g.edges_.resize(m);
  if (in_order) {
    for (size_t i = 0; i < m; ++i) fill(data.relations[sorted[i].relation], &g.edges_[i]);
  } else {
    std::vector<uint32_t> position(data.relations.size(), UINT32_MAX);
    for (size_t i = 0; i < m; ++i) position[sorted[i].relation] = static_cast<uint32_t>(i);
    for (size_t i = 0; i < data.relations.size(); ++i)
      if (position[i] != UINT32_MAX) fill(data.relations[i], &g.edges_[position[i]]);
  }
  data.relations = {};
  for (size_t i = 0; i < m; ++i) {
    g.edges_[i].source = sorted[i].source;
    g.edges_[i].target = sorted[i].target;
  }
  g.out_offsets_.assign(n + 1, 0);
  for (size_t v = 0; v < n; ++v) g.out_offsets_[v + 1] = g.out_offsets_[v] + per_source[v];
  g.out_edges_.resize(m);
  for (size_t i = 0; i < m; ++i) g.out_edges_[i] = static_cast<EdgeIndex>(i);

  // In-edges: the edge order is by source, so stable sorts by type then by
  // target give (target, type, source).
  {
    for (size_t i = 0; i < m; ++i) sorted[i].relation = static_cast<uint32_t>(i);  // now the EdgeIndex
    BucketSort(sorted, &keys, kRelationTypeCount, [](const SortKey& k) { return k.type; });
    std::vector<uint32_t> per_target =
        BucketSort(keys, &sorted, n, [](const SortKey& k) { return k.target; });
    g.in_offsets_.assign(n + 1, 0);
    for (size_t v = 0; v < n; ++v) g.in_offsets_[v + 1] = g.in_offsets_[v] + per_target[v];
    g.in_edges_.resize(m);
    for (size_t i = 0; i < m; ++i) g.in_edges_[i] = sorted[i].relation;
  }
  keys = {};
  sorted = {};

  // Boost CSR over the sorted edges: its edge index equals our EdgeIndex.
  using It = boost::transform_iterator<EdgeEndpoints, std::vector<EdgeData>::const_iterator>;
  g.csr_ = CsrGraph(boost::edges_are_sorted, It(g.edges_.cbegin(), EdgeEndpoints()),
                    It(g.edges_.cend(), EdgeEndpoints()), static_cast<uint32_t>(n), static_cast<uint32_t>(m));

  // Lookups.
  g.by_id_.reserve(n);
  g.by_name_.reserve(n * 2);
  for (size_t v = 0; v < n; ++v) {
    const Entity& e = g.entities_[v];
    g.by_id_.emplace_back(e.id, static_cast<VertexIndex>(v));
    g.by_name_.emplace_back(NameKey(e.name), static_cast<VertexIndex>(v));
    for (const std::string& a : e.aliases) g.by_name_.emplace_back(NameKey(a), static_cast<VertexIndex>(v));
    int k = static_cast<int>(e.kind);
    if (k >= 0 && k < kEntityKindCount) ++g.kind_counts_[k];
  }
  std::sort(g.by_id_.begin(), g.by_id_.end());
  std::sort(g.by_name_.begin(), g.by_name_.end());
  g.by_name_.erase(std::unique(g.by_name_.begin(), g.by_name_.end()), g.by_name_.end());
  return view;
}

const std::vector<std::string>& GraphView::AllNames() const {
  std::call_once(all_names_once_, [this] {
    for (const Entity& e : entities_) {
      all_names_.push_back(e.name);
      for (const std::string& a : e.aliases) all_names_.push_back(a);
    }
    std::sort(all_names_.begin(), all_names_.end());
    all_names_.erase(std::unique(all_names_.begin(), all_names_.end()), all_names_.end());
  });
  return all_names_;
}

std::optional<VertexIndex> GraphView::FindId(EntityId id) const {
  auto it = std::lower_bound(by_id_.begin(), by_id_.end(), std::make_pair(id, VertexIndex{0}));
  if (it == by_id_.end() || it->first != id) return std::nullopt;
  return it->second;
}

std::vector<VertexIndex> GraphView::FindName(std::string_view name) const {
  const std::string key = SearchKey(name);
  const uint64_t hash = Hash64(key, 0x6e616d656b6579ull);
  std::vector<VertexIndex> out;
  auto it = std::lower_bound(by_name_.begin(), by_name_.end(), std::make_pair(hash, VertexIndex{0}));
  for (; it != by_name_.end() && it->first == hash; ++it) {
    // A hash match is confirmed against the names themselves.
    const Entity& e = entities_[it->second];
    bool same = SearchKey(e.name) == key;
    for (size_t i = 0; !same && i < e.aliases.size(); ++i) same = SearchKey(e.aliases[i]) == key;
    if (same) out.push_back(it->second);
  }
  out.erase(std::unique(out.begin(), out.end()), out.end());  // sorted: ties ordered by vertex
  return out;
}

std::vector<VertexIndex> GraphView::PreferCanonical(std::string_view name, std::vector<VertexIndex> vertices) const {
  if (vertices.size() < 2) return vertices;
  const std::string key = SearchKey(name);
  std::vector<VertexIndex> canonical;
  for (VertexIndex v : vertices)
    if (SearchKey(entities_[v].name) == key) canonical.push_back(v);
  return canonical.size() == 1 ? canonical : vertices;
}

std::string GraphView::DescribeCandidates(std::string_view name, const std::vector<VertexIndex>& vertices) const {
  std::string out = "'" + std::string(name) + "' fits " + std::to_string(vertices.size()) + " entities: ";
  constexpr size_t kListed = 8;
  for (size_t i = 0; i < vertices.size() && i < kListed; ++i) {
    const Entity& e = entities_[vertices[i]];
    if (i > 0) out += ", ";
    out += e.name + " (" + std::string(NameOf(e.kind));
    if (!e.country.empty()) out += ", " + e.country;
    out += ", " + std::to_string(e.mentions) + (e.mentions == 1 ? " mention)" : " mentions)");
  }
  if (vertices.size() > kListed) out += ", ...";
  return out;
}

std::span<const EdgeIndex> GraphView::OutEdges(VertexIndex v, RelationType type) const {
  std::span<const EdgeIndex> all = OutEdges(v);
  auto lo = std::partition_point(all.begin(), all.end(), [&](EdgeIndex e) { return edges_[e].type < type; });
  auto hi = std::partition_point(lo, all.end(), [&](EdgeIndex e) { return edges_[e].type == type; });
  return {lo, hi};
}

std::span<const EdgeIndex> GraphView::InEdges(VertexIndex v, RelationType type) const {
  std::span<const EdgeIndex> all = InEdges(v);
  auto lo = std::partition_point(all.begin(), all.end(), [&](EdgeIndex e) { return edges_[e].type < type; });
  auto hi = std::partition_point(lo, all.end(), [&](EdgeIndex e) { return edges_[e].type == type; });
  return {lo, hi};
}

size_t GraphView::EdgeBytes() const {
  return edges_.capacity() * sizeof(EdgeData) + out_edges_.capacity() * sizeof(EdgeIndex) +
         in_edges_.capacity() * sizeof(EdgeIndex) + (out_offsets_.capacity() + in_offsets_.capacity()) * 4 +
         csr_.m_forward.m_column.capacity() * 4 + csr_.m_forward.m_rowstart.capacity() * 4;
}

}  // namespace geokg::graph
