// Query benchmark on a generated graph: 100k entities, 1M relations with
// power-law degrees over 20 relation types. Prints snapshot build time,
// bytes per relation, p50/p99 latencies and peak RSS. Not a test.
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "graph/ids.h"
#include "graph/view.h"
#include "query/engine.h"

using namespace geokg;

namespace {

double Now() { return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count(); }

// CPU seconds of this thread: on a shared machine the wall clock also counts
// other people's work, so build times are given both ways.
double CpuNow() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

void Report(const char* name, std::vector<double> t, size_t rows) {
  std::sort(t.begin(), t.end());
  std::printf("%-44s p50 %9.1f us  p99 %9.1f us  (rows %zu)\n", name, t[t.size() / 2] * 1e6,
              t[std::min(t.size() - 1, t.size() * 99 / 100)] * 1e6, rows);
}

}  // namespace

int main(int argc, char** argv) {
  size_t n = argc > 1 ? std::stoul(argv[1]) : 100000, m = argc > 2 ? std::stoul(argv[2]) : 1000000;
  std::mt19937_64 rng(7);
  graph::GraphData data;
  for (size_t i = 0; i < n; ++i) {
    graph::Entity e;
    e.name = "E" + std::to_string(i);
    e.id = graph::EntityIdFor(e.name);
    e.kind = static_cast<graph::EntityKind>(i % graph::kEntityKindCount);
    data.entities.push_back(std::move(e));
  }
  // Power law: endpoint index drawn as n * u^3 (vertex 0 is the largest hub).
  std::uniform_real_distribution<double> u(0, 1);
  auto pick = [&] { return static_cast<size_t>(n * std::pow(u(rng), 3.0)) % n; };
  for (size_t i = 0; i < m; ++i) {
    graph::RelationSummary r;
    r.key = {data.entities[pick()].id, static_cast<graph::RelationType>(rng() % 20), data.entities[rng() % n].id};
    r.counts[0] = 1 + rng() % 3;
    r.first_date = r.last_date = 20200101;
    data.relations.push_back(r);
  }
  double t0 = Now(), c0 = CpuNow();
  auto view = graph::GraphView::Build(std::move(data));
  double build = Now() - t0, build_cpu = CpuNow() - c0;
  std::printf("graph: %zu vertices, %zu edges; snapshot build %.1f ms (cpu %.1f ms); edge structures %.1f bytes/relation\n",
              view->vertex_count(), view->edge_count(), build * 1e3, build_cpu * 1e3,
              static_cast<double>(view->EdgeBytes()) / view->edge_count());
  // Nodes by degree.
  graph::VertexIndex hub = 0, mid = 0, typical = 0;
  for (graph::VertexIndex v = 0; v < n; ++v) {
    size_t d = view->OutEdges(v).size() + view->InEdges(v).size();
    if (d > view->OutEdges(hub).size() + view->InEdges(hub).size()) hub = v;
    if (d >= 45 && d <= 55) mid = v;
    if (d >= 8 && d <= 12) typical = v;
  }
  auto name = [&](graph::VertexIndex v) { return view->entity(v).name; };
  query::QueryOptions o;
  auto bench = [&](const char* label, const std::vector<std::string>& queries, int reps) {
    std::vector<double> times;
    size_t rows = 0;
    for (int r = 0; r < reps; ++r)
      for (const std::string& q : queries) {
        query::ResultSet rs;
        query::QueryError e;
        double s = Now();
        if (!query::RunQuery(*view, q, o, &rs, &e)) {
          std::printf("error: %s\n", e.Format(q).c_str());
          return;
        }
        times.push_back(Now() - s);
        rows = rs.rows.size();
      }
    Report(label, times, rows);
  };
  bench("1-hop (typical)", {"MATCH (a {name:'" + name(typical) + "'})-->(b) RETURN b"}, 200);
  bench("2-hop typed (typical)", {"MATCH (a {name:'" + name(typical) + "'})-[:attacked]->()-[:blamed]->(c) RETURN c"}, 200);
  for (auto [label, v] : {std::pair{"3-hop typed var-length + filter (typical)", typical},
                          std::pair{"3-hop typed var-length + filter (deg~50)", mid},
                          std::pair{"3-hop typed var-length + filter (hub)", hub}}) {
    bench(label, {"MATCH (a {name:'" + name(v) + "'})-[:attacked|blamed|`allied-with`*1..3]->(b) WHERE b.kind <> 'person' RETURN DISTINCT b"}, 20);
  }
  std::vector<std::string> sp_dir, sp_und, asp;
  for (int i = 0; i < 10; ++i) {
    std::string a = name(rng() % n), b = name(rng() % n);
    sp_dir.push_back("MATCH p = shortestPath((a {name:'" + a + "'})-[*..8]->(b {name:'" + b + "'})) RETURN p");
    sp_und.push_back("MATCH p = shortestPath((a {name:'" + a + "'})-[*..8]-(b {name:'" + b + "'})) RETURN p");
    asp.push_back("MATCH p = allShortestPaths((a {name:'" + a + "'})-[*..8]-(b {name:'" + b + "'})) RETURN count(p)");
  }
  bench("shortestPath directed (10 pairs)", sp_dir, 10);
  bench("shortestPath undirected (10 pairs)", sp_und, 10);
  bench("allShortestPaths undirected (10 pairs)", asp, 3);
  bench("aggregation: count per type from hub", {"MATCH (a {name:'" + name(hub) + "'})-[r]->(b) RETURN type(r), count(*)"}, 50);
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  std::printf("peak RSS %.1f MB\n", ru.ru_maxrss / 1024.0);
  return 0;
}
