#include "tools/render/subgraph.h"

#include <algorithm>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <variant>

#include "graph/ontology.h"

namespace geokg::tools {

using graph::EdgeIndex;
using graph::GraphView;
using graph::VertexIndex;

uint32_t EdgeCount(const graph::EdgeData& edge, bool all_modalities) {
  if (!all_modalities) return edge.counts[static_cast<int>(graph::Modality::kAsserted)];
  uint32_t n = 0;
  for (uint32_t c : edge.counts) n += c;
  return n;
}

EdgeFamily FamilyOf(graph::RelationType type) {
  switch (graph::QuadClassOf(type)) {
    case 1:
      return EdgeFamily::kCooperation;
    case 2:
      return EdgeFamily::kAid;
    case 3:
      return EdgeFamily::kVerbalConflict;
    case 4:
      return EdgeFamily::kMaterialConflict;
    default:
      break;
  }
  const std::string_view plover = graph::InfoOf(type).plover;
  if (plover == "COOPERATE") return EdgeFamily::kCooperation;
  if (plover == "AID") return EdgeFamily::kAid;
  return EdgeFamily::kStructural;
}

std::string_view NameOf(EdgeFamily family) {
  static constexpr std::string_view kNames[kEdgeFamilyCount] = {"material conflict", "verbal conflict",
                                                                "cooperation", "aid", "structural"};
  return kNames[static_cast<int>(family)];
}

bool EdgePasses(const graph::EdgeData& edge, const SelectFilter& filter) {
  if (!filter.types.empty() &&
      std::find(filter.types.begin(), filter.types.end(), edge.type) == filter.types.end()) {
    return false;
  }
  if (filter.hide_structural && filter.types.empty() && FamilyOf(edge.type) == EdgeFamily::kStructural) return false;
  uint32_t count = EdgeCount(edge, filter.all_modalities);
  return count > 0 && count >= filter.min_count;
}

bool KindPasses(graph::EntityKind kind, const SelectFilter& filter) {
  return filter.kinds.empty() ||
         std::find(filter.kinds.begin(), filter.kinds.end(), kind) != filter.kinds.end();
}

namespace {

// Adds every admitted edge whose endpoints are both in `vertices`.
void AddInducedEdges(const GraphView& view, const std::vector<VertexIndex>& vertices,
                     const SelectFilter& filter, std::vector<EdgeIndex>* edges) {
  std::vector<char> in(view.vertex_count(), 0);
  for (VertexIndex v : vertices) in[v] = 1;
  for (VertexIndex v : vertices) {
    for (EdgeIndex e : view.OutEdges(v)) {
      const graph::EdgeData& d = view.edge(e);
      if (in[d.target] && EdgePasses(d, filter)) edges->push_back(e);
    }
  }
}

}  // namespace

Subgraph Around(const GraphView& view, const std::vector<VertexIndex>& seeds, int depth,
                const SelectFilter& filter) {
  Subgraph out;
  constexpr int kUnseen = -1;
  std::vector<int> distance(view.vertex_count(), kUnseen);
  std::vector<VertexIndex> frontier;
  for (VertexIndex s : seeds) {
    if (s < view.vertex_count() && distance[s] == kUnseen) {
      distance[s] = 0;
      out.vertices.push_back(s);
      frontier.push_back(s);
    }
  }
  std::vector<VertexIndex> next;
  for (int hop = 0; hop < depth && !frontier.empty(); ++hop) {
    next.clear();
    auto visit = [&](VertexIndex other, const graph::EdgeData& d) {
      if (distance[other] != kUnseen || !EdgePasses(d, filter) || !KindPasses(view.kind(other), filter)) {
        return;
      }
      distance[other] = hop + 1;
      out.vertices.push_back(other);
      next.push_back(other);
    };
    for (VertexIndex v : frontier) {
      for (EdgeIndex e : view.OutEdges(v)) visit(view.edge(e).target, view.edge(e));
      for (EdgeIndex e : view.InEdges(v)) visit(view.edge(e).source, view.edge(e));
    }
    frontier.swap(next);
  }
  for (VertexIndex v : out.vertices) {
    for (EdgeIndex e : view.OutEdges(v)) {
      const graph::EdgeData& d = view.edge(e);
      if (distance[d.target] == kUnseen || std::min(distance[v], distance[d.target]) >= depth) continue;
      if (EdgePasses(d, filter)) out.edges.push_back(e);
    }
  }
  return out;
}

Subgraph Everything(const GraphView& view, const SelectFilter& filter) {
  Subgraph out;
  std::vector<char> in(view.vertex_count(), 0);
  for (EdgeIndex e = 0; e < view.edge_count(); ++e) {
    const graph::EdgeData& d = view.edge(e);
    if (!EdgePasses(d, filter) || !KindPasses(view.kind(d.source), filter) ||
        !KindPasses(view.kind(d.target), filter)) {
      continue;
    }
    out.edges.push_back(e);
    in[d.source] = in[d.target] = 1;
  }
  for (VertexIndex v = 0; v < view.vertex_count(); ++v) {
    if (in[v]) out.vertices.push_back(v);
  }
  return out;
}

namespace {

struct Collector {
  const GraphView& view;
  std::unordered_set<VertexIndex> vertices;
  std::unordered_set<EdgeIndex> edges;

  void Add(const query::Value& value) {
    std::visit(
        [&](const auto& x) {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, query::NodeValue>) {
            if (x.v < view.vertex_count()) vertices.insert(x.v);
          } else if constexpr (std::is_same_v<T, query::EdgeValue>) {
            if (x.e < view.edge_count()) edges.insert(x.e);
          } else if constexpr (std::is_same_v<T, query::PathValue>) {
            for (VertexIndex v : x.vertices) {
              if (v < view.vertex_count()) vertices.insert(v);
            }
            for (EdgeIndex e : x.edges) {
              if (e < view.edge_count()) edges.insert(e);
            }
          } else if constexpr (std::is_same_v<T, query::ValueList>) {
            for (const query::Value& item : x) Add(item);
          }
        },
        value.data);
  }
};

}  // namespace

Subgraph FromResult(const GraphView& view, const query::ResultSet& result, const SelectFilter& filter) {
  Collector collector{view, {}, {}};
  for (const auto& row : result.rows) {
    for (const query::Value& value : row) collector.Add(value);
  }
  Subgraph out;
  bool had_edges = !collector.edges.empty();
  std::unordered_set<VertexIndex> vertices;
  for (VertexIndex v : collector.vertices) {
    if (KindPasses(view.kind(v), filter)) vertices.insert(v);
  }
  for (EdgeIndex e : collector.edges) {
    const graph::EdgeData& d = view.edge(e);
    if (!filter.types.empty() &&
        std::find(filter.types.begin(), filter.types.end(), d.type) == filter.types.end()) {
      continue;
    }
    if (filter.min_count > 1 && EdgeCount(d, filter.all_modalities) < filter.min_count) continue;
    out.edges.push_back(e);
    vertices.insert(d.source);
    vertices.insert(d.target);
  }
  out.vertices.assign(vertices.begin(), vertices.end());
  std::sort(out.vertices.begin(), out.vertices.end());
  std::sort(out.edges.begin(), out.edges.end());
  if (!had_edges) AddInducedEdges(view, out.vertices, filter, &out.edges);
  return out;
}

Status ResolveName(const GraphView& view, std::string_view name, std::vector<VertexIndex>* vertices,
                   const std::function<std::string(std::string_view)>& canonical_name) {
  *vertices = view.FindName(name);
  if (vertices->empty() && canonical_name) {
    const std::string canonical = canonical_name(name);
    if (!canonical.empty()) *vertices = view.FindName(canonical);
  }
  *vertices = view.PreferCanonical(name, std::move(*vertices));
  if (vertices->size() > 1) {
    std::string message = view.DescribeCandidates(name, *vertices) + "; use the full name";
    vertices->clear();
    return Status::InvalidInput(message);
  }
  if (!vertices->empty()) return Status::Ok();
  std::string message = "no entity named '" + std::string(name) + "'";
  // Nearest known name, comparing lower-cased text; names of very different
  // length are skipped so this stays cheap on large graphs.
  std::string wanted = graph::FoldSeparators(name);
  const std::string* best = nullptr;
  int best_distance = static_cast<int>(wanted.size()) / 3 + 1;
  for (const std::string& known : view.AllNames()) {
    if (known.size() + best_distance < name.size() || known.size() > name.size() + best_distance) {
      continue;
    }
    int d = graph::EditDistance(wanted, graph::FoldSeparators(known));
    if (d < best_distance) {
      best_distance = d;
      best = &known;
    }
  }
  if (best != nullptr) message += " (did you mean '" + *best + "'?)";
  return Status::NotFound(message);
}

namespace {

std::vector<std::string_view> SplitCommas(std::string_view text) {
  std::vector<std::string_view> parts;
  while (true) {
    size_t comma = text.find(',');
    std::string_view part = text.substr(0, comma);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (!part.empty()) parts.push_back(part);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return parts;
}

}  // namespace

Status ParseTypeList(std::string_view text, std::vector<graph::RelationType>* types) {
  types->clear();
  for (std::string_view part : SplitCommas(text)) {
    auto type = graph::ParseRelationType(part);
    if (!type) {
      std::string message = "unknown relation type '" + std::string(part) + "'";
      std::string suggestion = graph::SuggestRelationType(part);
      if (!suggestion.empty()) message += " (did you mean '" + suggestion + "'?)";
      return Status::InvalidInput(message);
    }
    types->push_back(*type);
  }
  return Status::Ok();
}

Status ParseKindList(std::string_view text, std::vector<graph::EntityKind>* kinds) {
  kinds->clear();
  for (std::string_view part : SplitCommas(text)) {
    auto kind = graph::ParseKind(part);
    if (!kind) {
      std::string message = "unknown entity kind '" + std::string(part) + "'";
      std::string suggestion = graph::SuggestKind(part);
      if (!suggestion.empty()) message += " (did you mean '" + suggestion + "'?)";
      return Status::InvalidInput(message);
    }
    kinds->push_back(*kind);
  }
  return Status::Ok();
}

std::string CutReport::Describe() const {
  std::string s = "kept " + std::to_string(vertices_before - vertices_removed) + " of " +
                  std::to_string(vertices_before) + " nodes and " +
                  std::to_string(edges_before - edges_removed) + " of " + std::to_string(edges_before) +
                  " edges (the most connected and evidenced)";
  return s;
}

Status Cut(const GraphView& view, const std::vector<VertexIndex>& seeds, size_t max_nodes,
           bool all_modalities, Subgraph* subgraph, CutReport* report) {
  if (max_nodes == 0) return Status::InvalidInput("--max-nodes must be at least 1");
  if (max_nodes > kHardMaxNodes) {
    return Status::InvalidInput("--max-nodes " + std::to_string(max_nodes) + " is above the limit of " +
                                std::to_string(kHardMaxNodes) +
                                " nodes a diagram can show; narrow the request with --depth, "
                                "--types, --kinds or --min-count");
  }
  CutReport local;
  local.vertices_before = subgraph->vertices.size();
  local.edges_before = subgraph->edges.size();
  const std::vector<EdgeIndex> original_edges =
      subgraph->vertices.size() > max_nodes || subgraph->edges.size() > kHardMaxEdges ? subgraph->edges
                                                                                      : std::vector<EdgeIndex>{};

  if (subgraph->vertices.size() > max_nodes) {
    // Score each vertex by the evidence and the number of its edges inside
    // the subgraph.
    std::unordered_map<VertexIndex, std::pair<uint64_t, uint64_t>> score;  // evidence, degree
    score.reserve(subgraph->vertices.size());
    for (VertexIndex v : subgraph->vertices) score[v] = {0, 0};
    for (EdgeIndex e : subgraph->edges) {
      const graph::EdgeData& d = view.edge(e);
      uint64_t w = EdgeCount(d, all_modalities);
      for (VertexIndex end : {d.source, d.target}) {
        auto it = score.find(end);
        if (it != score.end()) {
          it->second.first += w;
          it->second.second += 1;
        }
      }
    }
    std::unordered_set<VertexIndex> seed_set(seeds.begin(), seeds.end());
    std::vector<VertexIndex> order = subgraph->vertices;
    std::sort(order.begin(), order.end(), [&](VertexIndex a, VertexIndex b) {
      bool sa = seed_set.count(a) > 0, sb = seed_set.count(b) > 0;
      if (sa != sb) return sa;
      const auto& xa = score[a];
      const auto& xb = score[b];
      if (xa.first != xb.first) return xa.first > xb.first;
      if (xa.second != xb.second) return xa.second > xb.second;
      const std::string_view na = view.name(a);
      const std::string_view nb = view.name(b);
      if (na != nb) return na < nb;
      return a < b;
    });
    order.resize(max_nodes);
    std::unordered_set<VertexIndex> kept(order.begin(), order.end());
    std::vector<EdgeIndex> edges;
    for (EdgeIndex e : subgraph->edges) {
      const graph::EdgeData& d = view.edge(e);
      if (kept.count(d.source) && kept.count(d.target)) edges.push_back(e);
    }
    subgraph->vertices = std::move(order);
    subgraph->edges = std::move(edges);
  }
  if (subgraph->edges.size() > kHardMaxEdges) {
    std::sort(subgraph->edges.begin(), subgraph->edges.end(), [&](EdgeIndex a, EdgeIndex b) {
      uint32_t ca = EdgeCount(view.edge(a), all_modalities);
      uint32_t cb = EdgeCount(view.edge(b), all_modalities);
      if (ca != cb) return ca > cb;
      return a < b;
    });
    subgraph->edges.resize(kHardMaxEdges);
  }
  if (subgraph->vertices.size() < local.vertices_before || subgraph->edges.size() < local.edges_before) {
    // Vertices the cut left with no edge (they had one) are orphans: gone.
    std::unordered_set<VertexIndex> had_edge, has_edge, seed_set(seeds.begin(), seeds.end());
    for (EdgeIndex e : original_edges) had_edge.insert({view.edge(e).source, view.edge(e).target});
    for (EdgeIndex e : subgraph->edges) has_edge.insert({view.edge(e).source, view.edge(e).target});
    // (When no edge is left at all, the nodes are all there is to draw.)
    if (!has_edge.empty())
      std::erase_if(subgraph->vertices, [&](VertexIndex v) {
        return had_edge.count(v) && !has_edge.count(v) && !seed_set.count(v);
      });
  }
  local.vertices_removed = local.vertices_before - subgraph->vertices.size();
  local.edges_removed = local.edges_before - subgraph->edges.size();
  if (report != nullptr) *report = local;
  return Status::Ok();
}

}  // namespace geokg::tools
