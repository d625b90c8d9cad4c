#include "graph/view.h"

#include <algorithm>
#include <unordered_map>

#include <boost/iterator/transform_iterator.hpp>

#include "graph/ids.h"

namespace geokg::graph {
namespace {

// Open-addressing map EntityId -> VertexIndex used only while building (the
// hot part of a 1M-relation build is 2M id lookups).
class IdTable {
 public:
  explicit IdTable(size_t n) {
    size_t cap = 16;
    while (cap < n * 2) cap <<= 1;
    keys_.assign(cap, 0);
    values_.assign(cap, kEmpty);
    mask_ = cap - 1;
  }
  // Returns false if `id` was already present.
  bool Insert(EntityId id, VertexIndex v) {
    size_t i = Mix(id) & mask_;
    while (values_[i] != kEmpty) {
      if (keys_[i] == id) return false;
      i = (i + 1) & mask_;
    }
    keys_[i] = id;
    values_[i] = v;
    return true;
  }
  VertexIndex Find(EntityId id) const {
    size_t i = Mix(id) & mask_;
    while (values_[i] != kEmpty) {
      if (keys_[i] == id) return values_[i];
      i = (i + 1) & mask_;
    }
    return kEmpty;
  }
  static constexpr VertexIndex kEmpty = 0xFFFFFFFFu;

 private:
  static size_t Mix(uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    return static_cast<size_t>(x);
  }
  std::vector<EntityId> keys_;
  std::vector<VertexIndex> values_;
  size_t mask_ = 0;
};

struct EdgeEndpoints {
  std::pair<uint32_t, uint32_t> operator()(const EdgeData& e) const { return {e.source, e.target}; }
};

}  // namespace

std::shared_ptr<const GraphView> GraphView::Build(GraphData data) {
  std::shared_ptr<GraphView> view(new GraphView());
  GraphView& g = *view;

  // Vertices: first occurrence of each id wins.
  IdTable ids(data.entities.size());
  g.entities_.reserve(data.entities.size());
  for (Entity& e : data.entities) {
    if (!ids.Insert(e.id, static_cast<VertexIndex>(g.entities_.size()))) continue;
    g.entities_.push_back(std::move(e));
  }
  data.entities.clear();
  data.entities.shrink_to_fit();
  const size_t n = g.entities_.size();

  // Edges, with endpoints resolved; dangling relations dropped.
  std::vector<EdgeData> raw;
  raw.reserve(data.relations.size());
  std::unordered_map<std::string, uint32_t> role_ids;
  g.roles_.push_back("");
  std::vector<uint32_t> out_count(n + 1, 0);
  for (RelationSummary& r : data.relations) {
    VertexIndex s = ids.Find(r.key.source), t = ids.Find(r.key.target);
    if (s == IdTable::kEmpty || t == IdTable::kEmpty) continue;
    if (static_cast<int>(r.key.type) >= kRelationTypeCount) continue;
    EdgeData e;
    e.source = s;
    e.target = t;
    e.type = r.key.type;
    e.counts = r.counts;
    e.first_date = r.first_date;
    e.last_date = r.last_date;
    e.confidence = r.confidence;
    if (!r.role.empty()) {
      auto [it, added] = role_ids.emplace(r.role, static_cast<uint32_t>(g.roles_.size()));
      if (added) g.roles_.push_back(r.role);
      e.role = it->second;
    }
    raw.push_back(e);
    ++out_count[s];
  }
  data.relations.clear();
  data.relations.shrink_to_fit();
  const size_t m = raw.size();

  // Counting sort by source, then each run by (type, target).
  g.out_offsets_.assign(n + 1, 0);
  for (size_t v = 0; v < n; ++v) g.out_offsets_[v + 1] = g.out_offsets_[v] + out_count[v];
  g.edges_.resize(m);
  {
    std::vector<uint32_t> next(g.out_offsets_.begin(), g.out_offsets_.end() - 1);
    for (const EdgeData& e : raw) g.edges_[next[e.source]++] = e;
  }
  raw.clear();
  raw.shrink_to_fit();
  for (size_t v = 0; v < n; ++v) {
    auto b = g.edges_.begin() + g.out_offsets_[v], en = g.edges_.begin() + g.out_offsets_[v + 1];
    if (en - b > 1) {
      std::sort(b, en, [](const EdgeData& x, const EdgeData& y) {
        return x.type != y.type ? x.type < y.type : x.target < y.target;
      });
    }
  }
  g.out_edges_.resize(m);
  for (size_t i = 0; i < m; ++i) g.out_edges_[i] = static_cast<EdgeIndex>(i);

  // In-edges: stable bucket by type, then stable bucket by target, giving
  // (type, source) order within each target.
  {
    std::array<uint32_t, kRelationTypeCount + 1> type_start{};
    for (const EdgeData& e : g.edges_) ++type_start[static_cast<int>(e.type) + 1];
    for (int t = 0; t < kRelationTypeCount; ++t) {
      g.type_counts_[t] = type_start[t + 1];
      type_start[t + 1] += type_start[t];
    }
    std::vector<EdgeIndex> by_type(m);
    for (size_t i = 0; i < m; ++i) by_type[type_start[static_cast<int>(g.edges_[i].type)]++] = i;
    g.in_offsets_.assign(n + 1, 0);
    for (const EdgeData& e : g.edges_) ++g.in_offsets_[e.target + 1];
    for (size_t v = 0; v < n; ++v) g.in_offsets_[v + 1] += g.in_offsets_[v];
    std::vector<uint32_t> next(g.in_offsets_.begin(), g.in_offsets_.end() - 1);
    g.in_edges_.resize(m);
    for (EdgeIndex e : by_type) g.in_edges_[next[g.edges_[e].target]++] = e;
  }

  // Boost CSR over the sorted edges: its edge index equals our EdgeIndex.
  using It = boost::transform_iterator<EdgeEndpoints, std::vector<EdgeData>::const_iterator>;
  g.csr_ = CsrGraph(boost::edges_are_sorted, It(g.edges_.cbegin(), EdgeEndpoints()),
                    It(g.edges_.cend(), EdgeEndpoints()), static_cast<uint32_t>(n),
                    static_cast<uint32_t>(m));

  // Lookups.
  g.by_id_.reserve(n);
  g.by_name_.reserve(n * 2);
  for (size_t v = 0; v < n; ++v) {
    const Entity& e = g.entities_[v];
    g.by_id_.emplace_back(e.id, static_cast<VertexIndex>(v));
    g.by_name_.emplace_back(NormalizeName(e.name), static_cast<VertexIndex>(v));
    for (const std::string& a : e.aliases) g.by_name_.emplace_back(NormalizeName(a), static_cast<VertexIndex>(v));
    g.all_names_.push_back(e.name);
    for (const std::string& a : e.aliases) g.all_names_.push_back(a);
    int k = static_cast<int>(e.kind);
    if (k >= 0 && k < kEntityKindCount) ++g.kind_counts_[k];
  }
  std::sort(g.by_id_.begin(), g.by_id_.end());
  std::sort(g.by_name_.begin(), g.by_name_.end());
  g.by_name_.erase(std::unique(g.by_name_.begin(), g.by_name_.end()), g.by_name_.end());
  std::sort(g.all_names_.begin(), g.all_names_.end());
  g.all_names_.erase(std::unique(g.all_names_.begin(), g.all_names_.end()), g.all_names_.end());
  return view;
}

std::optional<VertexIndex> GraphView::FindId(EntityId id) const {
  auto it = std::lower_bound(by_id_.begin(), by_id_.end(), std::make_pair(id, VertexIndex{0}));
  if (it == by_id_.end() || it->first != id) return std::nullopt;
  return it->second;
}

std::vector<VertexIndex> GraphView::FindName(std::string_view name) const {
  std::string key = NormalizeName(name);
  std::vector<VertexIndex> out;
  auto it = std::lower_bound(by_name_.begin(), by_name_.end(), key,
                             [](const auto& p, const std::string& k) { return p.first < k; });
  for (; it != by_name_.end() && it->first == key; ++it) out.push_back(it->second);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::span<const EdgeIndex> GraphView::OutEdges(VertexIndex v, RelationType type) const {
  std::span<const EdgeIndex> all = OutEdges(v);
  auto lo = std::partition_point(all.begin(), all.end(),
                                 [&](EdgeIndex e) { return edges_[e].type < type; });
  auto hi = std::partition_point(lo, all.end(), [&](EdgeIndex e) { return edges_[e].type == type; });
  return {lo, hi};
}

std::span<const EdgeIndex> GraphView::InEdges(VertexIndex v, RelationType type) const {
  std::span<const EdgeIndex> all = InEdges(v);
  auto lo = std::partition_point(all.begin(), all.end(),
                                 [&](EdgeIndex e) { return edges_[e].type < type; });
  auto hi = std::partition_point(lo, all.end(), [&](EdgeIndex e) { return edges_[e].type == type; });
  return {lo, hi};
}

size_t GraphView::EdgeBytes() const {
  return edges_.capacity() * sizeof(EdgeData) + out_edges_.capacity() * sizeof(EdgeIndex) +
         in_edges_.capacity() * sizeof(EdgeIndex) + (out_offsets_.capacity() + in_offsets_.capacity()) * 4 +
         csr_.m_forward.m_column.capacity() * 4 + csr_.m_forward.m_rowstart.capacity() * 4;
}

}  // namespace geokg::graph
