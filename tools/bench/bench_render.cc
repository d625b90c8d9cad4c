// bench_render: how long drawing a neighbourhood takes. Generates a graph
// (default 20,000 entities, ~60,000 relations, a few hubs), selects the
// neighbourhood of the largest hub, cuts it to N nodes (default 1,000) and
// renders it to DOT and to SVG, printing the time of each step.
//
//   bench_render [NODES] [REPEATS] [OUT.svg] [LAYOUT]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>

#include "graph/ids.h"
#include "graph/view.h"
#include "tools/render/render.h"
#include "tools/render/subgraph.h"

namespace {

using geokg::graph::EntityKind;
using geokg::graph::RelationType;

std::shared_ptr<const geokg::graph::GraphView> Generate(size_t entities, size_t relations) {
  geokg::graph::GraphData data;
  std::mt19937_64 rng(42);
  for (size_t i = 0; i < entities; ++i) {
    geokg::graph::Entity e;
    e.name = "Actor " + std::to_string(i);
    e.id = geokg::graph::EntityIdFor(e.name);
    e.kind = static_cast<EntityKind>(i % geokg::graph::kEntityKindCount);
    e.aliases = {"A" + std::to_string(i)};
    data.entities.push_back(std::move(e));
  }
  // Endpoints drawn with a skew towards low indices (hubs).
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  auto pick = [&] {
    double u = unit(rng);
    return static_cast<size_t>(std::pow(u, 3.0) * static_cast<double>(entities - 1));
  };
  for (size_t i = 0; i < relations; ++i) {
    size_t s = pick(), t = static_cast<size_t>(unit(rng) * (entities - 1));
    if (s == t) continue;
    geokg::graph::RelationSummary r;
    r.key = {data.entities[s].id, static_cast<RelationType>(rng() % geokg::graph::kRelationTypeCount),
             data.entities[t].id};
    r.counts[0] = 1 + static_cast<uint32_t>(rng() % 20);
    if (rng() % 5 == 0) r.counts[0] = 0, r.counts[4] = 2;
    data.relations.push_back(r);
  }
  std::sort(data.relations.begin(), data.relations.end(),
            [](const auto& a, const auto& b) { return a.key < b.key; });
  data.relations.erase(std::unique(data.relations.begin(), data.relations.end(),
                                   [](const auto& a, const auto& b) { return a.key == b.key; }),
                       data.relations.end());
  return geokg::graph::GraphView::Build(std::move(data));
}

double Ms(std::chrono::steady_clock::time_point a, std::chrono::steady_clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

}  // namespace

int main(int argc, char** argv) {
  size_t nodes = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 1000;
  int repeats = argc > 2 ? std::atoi(argv[2]) : 3;
  std::string out_path = argc > 3 ? argv[3] : "";
  std::string layout = argc > 4 ? argv[4] : "";
  using Clock = std::chrono::steady_clock;

  auto view = Generate(20000, 60000);
  std::printf("graph: %zu entities, %zu relations\n", view->vertex_count(), view->edge_count());
  geokg::graph::VertexIndex hub = 0;
  for (geokg::graph::VertexIndex v = 0; v < view->vertex_count(); ++v) {
    if (view->OutEdges(v).size() + view->InEdges(v).size() >
        view->OutEdges(hub).size() + view->InEdges(hub).size()) {
      hub = v;
    }
  }

  std::vector<double> select_ms, dot_ms, svg_ms;
  size_t drawn_nodes = 0, drawn_edges = 0, svg_bytes = 0;
  for (int r = 0; r < repeats; ++r) {
    auto t0 = Clock::now();
    geokg::tools::SelectFilter filter;
    filter.all_modalities = true;
    geokg::tools::Subgraph s = geokg::tools::Around(*view, {hub}, 2, filter);
    geokg::tools::CutReport report;
    geokg::Status status = geokg::tools::Cut(*view, {hub}, nodes, true, &s, &report);
    if (!status.ok()) {
      std::fprintf(stderr, "bench_render: %s\n", status.message().c_str());
      return 1;
    }
    auto t1 = Clock::now();
    geokg::tools::RenderOptions options;
    options.all_modalities = true;
    options.evidence = [](geokg::graph::EdgeIndex) { return std::string("A sentence."); };
    std::string dot;
    status = geokg::tools::Render(*view, s, options, &dot);
    auto t2 = Clock::now();
    options.format = geokg::tools::RenderFormat::kSvg;
    options.layout = layout;
    std::string svg;
    if (status.ok()) status = geokg::tools::Render(*view, s, options, &svg);
    auto t3 = Clock::now();
    if (!status.ok()) {
      std::fprintf(stderr, "bench_render: %s\n", status.message().c_str());
      return 1;
    }
    select_ms.push_back(Ms(t0, t1));
    dot_ms.push_back(Ms(t1, t2));
    svg_ms.push_back(Ms(t2, t3));
    drawn_nodes = s.vertices.size();
    drawn_edges = s.edges.size();
    svg_bytes = svg.size();
    if (r == 0 && !out_path.empty()) std::ofstream(out_path, std::ios::binary) << svg;
  }
  auto median = [](std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
  };
  std::printf("neighbourhood of the largest hub, depth 2, cut to %zu nodes / %zu edges\n", drawn_nodes,
              drawn_edges);
  std::printf("select+cut  %9.1f ms (median of %d)\n", median(select_ms), repeats);
  std::printf("DOT         %9.1f ms\n", median(dot_ms));
  std::printf("SVG (dot)   %9.1f ms  (%zu bytes)\n", median(svg_ms), svg_bytes);
  return 0;
}
