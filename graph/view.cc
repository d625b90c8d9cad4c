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

// Build order: vertices into columns (strings interned), then resolve
// endpoints into 16-byte sort keys, order them by (source, type, target)
// with three stable counting sorts (target, then type, then source: linear,
// no comparison sort even for hubs) unless they are in that order already,
// place the EdgeData, then derive the in-edge index with two more counting
// sorts. Names are indexed by a 64-bit hash of the alias key.
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

// The heap arrays of a built view; the spans of GraphView point into them.
struct GraphView::Owned {
  std::vector<EdgeData> edges;
  std::vector<uint32_t> out_offsets, in_offsets;
  std::vector<EdgeIndex> out_edges, in_edges;
  std::vector<EntityId> ids;
  std::vector<EntityKind> kinds;
  std::vector<StringId> names, countries, alias_ids, roles;
  std::vector<NameRef> name_refs;
  std::vector<uint64_t> mentions, documents;
  std::vector<uint32_t> alias_offsets;
  std::vector<uint64_t> string_offsets;
  std::string string_bytes;
  std::vector<IdEntry> by_id;
  std::vector<NameEntry> by_name;
};

namespace {

// Gives each distinct string one StringId (0 is ""), appending new ones to
// the table.
class Interner {
 public:
  Interner(std::vector<uint64_t>* offsets, std::string* bytes) : offsets_(offsets), bytes_(bytes) {
    offsets_->assign(1, 0);
    Add("");
  }
  StringId Add(std::string_view s) {
    auto [it, added] = ids_.try_emplace(std::string(s), static_cast<StringId>(offsets_->size() - 1));
    if (added) {
      bytes_->append(s);
      offsets_->push_back(bytes_->size());
    }
    return it->second;
  }
  void Reserve(size_t n) { ids_.reserve(n); }

 private:
  std::vector<uint64_t>* offsets_;
  std::string* bytes_;
  std::unordered_map<std::string, StringId> ids_;
};

}  // namespace

GraphView::GraphView() = default;
GraphView::~GraphView() = default;

std::shared_ptr<const GraphView> GraphView::Build(GraphData data) {
  // A store written before schema 4 may hold a symmetric relation once per
  // direction: one edge per unordered pair here, whatever the store holds.
  CanonicalizeSymmetric(&data.relations);
  std::shared_ptr<GraphView> view(new GraphView());
  GraphView& g = *view;
  g.owned_ = std::make_unique<Owned>();
  Owned& o = *g.owned_;
  Interner strings(&o.string_offsets, &o.string_bytes);
  strings.Reserve(data.entities.size() * 2);

  // Vertices: first occurrence of each id wins.
  IdTable ids(data.entities.size());
  o.alias_offsets.push_back(0);
  for (Entity& e : data.entities) {
    if (!ids.Insert(e.id, static_cast<VertexIndex>(o.ids.size()))) continue;
    o.ids.push_back(e.id);
    o.kinds.push_back(e.kind);
    o.names.push_back(strings.Add(e.name));
    o.countries.push_back(strings.Add(e.country));
    o.mentions.push_back(e.mentions);
    o.documents.push_back(e.documents);
    for (const std::string& a : e.aliases) o.alias_ids.push_back(strings.Add(a));
    o.alias_offsets.push_back(static_cast<uint32_t>(o.alias_ids.size()));
  }
  data.entities = {};
  const size_t n = o.ids.size();
  g.vertex_count_ = n;

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
  o.roles.push_back(0);
  auto fill = [&](const RelationSummary& r, EdgeData* e) {
    e->type = r.key.type;
    e->counts = r.counts;
    e->first_date = r.first_date;
    e->last_date = r.last_date;
    e->confidence = r.confidence;
    if (!r.role.empty()) {
      auto [it, added] = role_ids.emplace(r.role, static_cast<uint32_t>(o.roles.size()));
      if (added) o.roles.push_back(strings.Add(r.role));
      e->role = it->second;
    }
  };
  o.edges.resize(m);
  if (in_order) {
    for (size_t i = 0; i < m; ++i) fill(data.relations[sorted[i].relation], &o.edges[i]);
  } else {
    std::vector<uint32_t> position(data.relations.size(), UINT32_MAX);
    for (size_t i = 0; i < m; ++i) position[sorted[i].relation] = static_cast<uint32_t>(i);
    for (size_t i = 0; i < data.relations.size(); ++i)
      if (position[i] != UINT32_MAX) fill(data.relations[i], &o.edges[position[i]]);
  }
  data.relations = {};
  for (size_t i = 0; i < m; ++i) {
    o.edges[i].source = sorted[i].source;
    o.edges[i].target = sorted[i].target;
  }
  o.out_offsets.assign(n + 1, 0);
  for (size_t v = 0; v < n; ++v) o.out_offsets[v + 1] = o.out_offsets[v] + per_source[v];
  o.out_edges.resize(m);
  for (size_t i = 0; i < m; ++i) o.out_edges[i] = static_cast<EdgeIndex>(i);

  // In-edges: the edge order is by source, so stable sorts by type then by
  // target give (target, type, source).
  {
    for (size_t i = 0; i < m; ++i) sorted[i].relation = static_cast<uint32_t>(i);  // now the EdgeIndex
    BucketSort(sorted, &keys, kRelationTypeCount, [](const SortKey& k) { return k.type; });
    std::vector<uint32_t> per_target =
        BucketSort(keys, &sorted, n, [](const SortKey& k) { return k.target; });
    o.in_offsets.assign(n + 1, 0);
    for (size_t v = 0; v < n; ++v) o.in_offsets[v + 1] = o.in_offsets[v] + per_target[v];
    o.in_edges.resize(m);
    for (size_t i = 0; i < m; ++i) o.in_edges[i] = sorted[i].relation;
  }
  keys = {};
  sorted = {};

  // Names: where each lies, and whether any two vertices share one.
  o.name_refs.reserve(n);
  {
    std::vector<bool> seen(o.string_offsets.size(), false);
    g.names_unique_ = true;
    for (size_t v = 0; v < n; ++v) {
      const StringId s = o.names[v];
      o.name_refs.push_back(NameRef{o.string_offsets[s], static_cast<uint32_t>(o.string_offsets[s + 1] - o.string_offsets[s]), 0});
      if (seen[s]) g.names_unique_ = false;
      seen[s] = true;
    }
  }

  // Lookups.
  o.by_id.reserve(n);
  o.by_name.reserve(n * 2);
  for (size_t v = 0; v < n; ++v) {
    const VertexIndex vi = static_cast<VertexIndex>(v);
    o.by_id.push_back(IdEntry{o.ids[v], vi, 0});
    auto name_of = [&](StringId s) {
      return std::string_view(o.string_bytes).substr(o.string_offsets[s], o.string_offsets[s + 1] - o.string_offsets[s]);
    };
    o.by_name.push_back(NameEntry{NameKey(name_of(o.names[v])), vi, 0});
    for (uint32_t a = o.alias_offsets[v]; a < o.alias_offsets[v + 1]; ++a)
      o.by_name.push_back(NameEntry{NameKey(name_of(o.alias_ids[a])), vi, 0});
    int k = static_cast<int>(o.kinds[v]);
    if (k >= 0 && k < kEntityKindCount) ++g.kind_counts_[k];
  }
  auto id_less = [](const IdEntry& a, const IdEntry& b) { return a.id != b.id ? a.id < b.id : a.v < b.v; };
  auto name_less = [](const NameEntry& a, const NameEntry& b) {
    return a.hash != b.hash ? a.hash < b.hash : a.v < b.v;
  };
  std::sort(o.by_id.begin(), o.by_id.end(), id_less);
  std::sort(o.by_name.begin(), o.by_name.end(), name_less);
  o.by_name.erase(std::unique(o.by_name.begin(), o.by_name.end(),
                              [](const NameEntry& a, const NameEntry& b) { return a.hash == b.hash && a.v == b.v; }),
                  o.by_name.end());

  g.edges_ = o.edges;
  g.out_offsets_ = o.out_offsets;
  g.out_edges_ = o.out_edges;
  g.in_offsets_ = o.in_offsets;
  g.in_edges_ = o.in_edges;
  g.ids_ = o.ids;
  g.kinds_ = o.kinds;
  g.names_ = o.names;
  g.name_refs_ = o.name_refs;
  g.countries_ = o.countries;
  g.mentions_ = o.mentions;
  g.documents_ = o.documents;
  g.alias_offsets_ = o.alias_offsets;
  g.alias_ids_ = o.alias_ids;
  g.roles_ = o.roles;
  g.string_offsets_ = o.string_offsets;
  g.string_bytes_ = std::span<const char>(o.string_bytes.data(), o.string_bytes.size());
  g.by_id_ = o.by_id;
  g.by_name_ = o.by_name;
  return view;
}

Entity GraphView::entity(VertexIndex v) const {
  Entity e;
  e.id = ids_[v];
  e.name = std::string(name(v));
  e.kind = kinds_[v];
  e.country = std::string(country(v));
  e.mentions = mentions_[v];
  e.documents = documents_[v];
  const size_t a = alias_count(v);
  e.aliases.reserve(a);
  for (size_t i = 0; i < a; ++i) e.aliases.emplace_back(alias(v, i));
  return e;
}

const CsrGraph& GraphView::graph() const {
  std::call_once(csr_once_, [this] {
    using It = boost::transform_iterator<EdgeEndpoints, std::span<const EdgeData>::iterator>;
    csr_ = CsrGraph(boost::edges_are_sorted, It(edges_.begin(), EdgeEndpoints()), It(edges_.end(), EdgeEndpoints()),
                    static_cast<uint32_t>(vertex_count_), static_cast<uint32_t>(edges_.size()));
  });
  return csr_;
}

const std::vector<std::string>& GraphView::AllNames() const {
  std::call_once(all_names_once_, [this] {
    for (VertexIndex v = 0; v < vertex_count_; ++v) {
      all_names_.emplace_back(name(v));
      for (size_t i = 0; i < alias_count(v); ++i) all_names_.emplace_back(alias(v, i));
    }
    std::sort(all_names_.begin(), all_names_.end());
    all_names_.erase(std::unique(all_names_.begin(), all_names_.end()), all_names_.end());
  });
  return all_names_;
}

std::optional<VertexIndex> GraphView::FindId(EntityId id) const {
  auto it = std::partition_point(by_id_.begin(), by_id_.end(), [&](const IdEntry& e) { return e.id < id; });
  if (it == by_id_.end() || it->id != id) return std::nullopt;
  return it->v;
}

std::vector<VertexIndex> GraphView::FindName(std::string_view name) const {
  const std::string key = SearchKey(name);
  const uint64_t hash = Hash64(key, 0x6e616d656b6579ull);
  std::vector<VertexIndex> out;
  auto it = std::partition_point(by_name_.begin(), by_name_.end(), [&](const NameEntry& e) { return e.hash < hash; });
  for (; it != by_name_.end() && it->hash == hash; ++it) {
    // A hash match is confirmed against the names themselves.
    const VertexIndex v = it->v;
    bool same = SearchKey(this->name(v)) == key;
    for (size_t i = 0; !same && i < alias_count(v); ++i) same = SearchKey(alias(v, i)) == key;
    if (same) out.push_back(v);
  }
  out.erase(std::unique(out.begin(), out.end()), out.end());  // sorted: ties ordered by vertex
  return out;
}

std::vector<VertexIndex> GraphView::PreferCanonical(std::string_view name, std::vector<VertexIndex> vertices) const {
  if (vertices.size() < 2) return vertices;
  const std::string key = SearchKey(name);
  std::vector<VertexIndex> canonical;
  for (VertexIndex v : vertices)
    if (SearchKey(this->name(v)) == key) canonical.push_back(v);
  return canonical.size() == 1 ? canonical : vertices;
}

std::string GraphView::DescribeCandidates(std::string_view name, const std::vector<VertexIndex>& vertices) const {
  std::string out = "'" + std::string(name) + "' fits " + std::to_string(vertices.size()) + " entities: ";
  constexpr size_t kListed = 8;
  for (size_t i = 0; i < vertices.size() && i < kListed; ++i) {
    const VertexIndex v = vertices[i];
    if (i > 0) out += ", ";
    out += std::string(this->name(v)) + " (" + std::string(NameOf(kind(v)));
    if (!country(v).empty()) out += ", " + std::string(country(v));
    out += ", " + std::to_string(mentions(v)) + (mentions(v) == 1 ? " mention)" : " mentions)");
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
  return edges_.size_bytes() + out_edges_.size_bytes() + in_edges_.size_bytes() + out_offsets_.size_bytes() +
         in_offsets_.size_bytes();
}

}  // namespace geokg::graph
