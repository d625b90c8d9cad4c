// Query benchmark on a generated graph: 100k entities, 1M relations with
// power-law degrees over 20 relation types. Not a test.
//
//   bench_query [ENTITIES [RELATIONS]] [--no-store] [--store DIR]
//   bench_query --open DIR QUERY     (one cold open, used by the above)
//   --csv DIR                         also writes the graph as the store
//                                     holds it to DIR/entities.csv and
//                                     DIR/relations.csv (for
//                                     tools/bench/kuzu_compare.sh)
//
// Prints: the snapshot build from relations in random order; then (unless
// --no-store) the same graph written to a temporary store and the time to
// open it, load it, build the snapshot (store order) and answer a first
// query; then p50/p99 latencies per query kind over that snapshot, wall
// clock and this thread's CPU time (on a shared machine the wall clock also
// counts other people's work); and peak RSS.
//
// With the store it also times cold processes: this program run again as a
// child (`--open DIR QUERY`) that opens the store, gets its view
// (Store::LoadView) and answers one query, once with no snapshot image
// (the view built from the records, and the image written) and then with
// the image mapped; each child's wall time, CPU time and peak RSS come from
// wait4. `--store DIR` keeps the store in DIR (written only when DIR holds
// none), so that large graphs are written once.
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "graph/ids.h"
#include "graph/ontology.h"
#include "graph/store.h"
#include "graph/view.h"
#include "query/engine.h"

using namespace geokg;

namespace {

double Now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double CpuNow() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double Pct(std::vector<double> t, int pct) {
  std::sort(t.begin(), t.end());
  return t[std::min(t.size() - 1, t.size() * pct / 100)];
}

// `rows`: the rows of one run of the queries (summed over the queries of a
// multi-query case), printed beside every figure.
void Report(const char* name, const std::vector<double>& wall, const std::vector<double>& cpu, size_t rows) {
  std::printf("%-42s wall p50 %9.1f us p99 %9.1f us | cpu p50 %9.1f us p99 %9.1f us | rows %zu\n", name,
              Pct(wall, 50) * 1e6, Pct(wall, 99) * 1e6, Pct(cpu, 50) * 1e6, Pct(cpu, 99) * 1e6, rows);
}

// The oracle for the reachability cases: a plain breadth-first search over
// the snapshot's out-edges of the given types (visible edges: asserted
// evidence, as the query's default modality). Returns the vertices b with a
// walk of 1 to `max_hops` such edges from `a` whose kind is not person:
// what `MATCH (a)-[:T1|T2*1..max_hops]->(b) WHERE b.kind <> 'person' RETURN
// DISTINCT b` returns (a walk that short that repeats an edge can always be
// shortened to one that does not, so relationship uniqueness changes nothing).
size_t BfsReachCount(const graph::GraphView& view, graph::VertexIndex a, const std::vector<graph::RelationType>& types,
                     int max_hops) {
  std::vector<int> dist(view.vertex_count(), -1);
  std::vector<graph::VertexIndex> frontier{a}, next;
  std::vector<char> reached(view.vertex_count(), 0);  // by a walk of >= 1 edge
  dist[a] = 0;
  for (int hop = 1; hop <= max_hops && !frontier.empty(); ++hop) {
    next.clear();
    for (graph::VertexIndex v : frontier) {
      for (graph::RelationType t : types) {
        for (graph::EdgeIndex e : view.OutEdges(v, t)) {
          if (view.edge(e).counts[0] == 0) continue;
          const graph::VertexIndex w = view.edge(e).target;
          reached[w] = 1;
          if (dist[w] < 0) {
            dist[w] = hop;
            next.push_back(w);
          }
        }
      }
    }
    frontier.swap(next);
  }
  size_t n = 0;
  for (graph::VertexIndex v = 0; v < view.vertex_count(); ++v)
    if (reached[v] && view.kind(v) != graph::EntityKind::kPerson) ++n;
  return n;
}

// Is `b` reachable from `a` by at most `max_hops` edges of any type, in either
// direction when `undirected`? (Picks the shortest-path pairs, so that no
// case measures an empty answer.)
bool Connected(const graph::GraphView& view, graph::VertexIndex a, graph::VertexIndex b, int max_hops,
               bool undirected) {
  std::vector<char> seen(view.vertex_count(), 0);
  std::vector<graph::VertexIndex> frontier{a}, next;
  seen[a] = 1;
  for (int hop = 0; hop < max_hops && !frontier.empty(); ++hop) {
    next.clear();
    for (graph::VertexIndex v : frontier) {
      auto visit = [&](graph::VertexIndex w) {
        if (!seen[w]) seen[w] = 1, next.push_back(w);
      };
      for (graph::EdgeIndex e : view.OutEdges(v)) visit(view.edge(e).target);
      if (undirected)
        for (graph::EdgeIndex e : view.InEdges(v)) visit(view.edge(e).source);
    }
    if (seen[b]) return true;
    frontier.swap(next);
  }
  return seen[b] != 0;
}

// Vertex 0 is the largest hub: sources are drawn as n * u^3.
graph::GraphData Generate(size_t n, size_t m) {
  std::mt19937_64 rng(7);
  graph::GraphData data;
  for (size_t i = 0; i < n; ++i) {
    graph::Entity e;
    e.name = "E" + std::to_string(i);
    e.id = graph::EntityIdFor(e.name);
    e.kind = static_cast<graph::EntityKind>(i % graph::kEntityKindCount);
    data.entities.push_back(std::move(e));
  }
  std::uniform_real_distribution<double> u(0, 1);
  auto pick = [&] { return static_cast<size_t>(static_cast<double>(n) * std::pow(u(rng), 3.0)) % n; };
  for (size_t i = 0; i < m; ++i) {
    graph::RelationSummary r;
    r.key = {data.entities[pick()].id, static_cast<graph::RelationType>(rng() % 20),
             data.entities[rng() % n].id};
    r.counts[0] = 1;
    r.first_date = r.last_date = 20200101;
    data.relations.push_back(r);
  }
  return data;
}

// Writes `data` into a new store at `dir`, one evidence per relation, in
// batches of 100 documents of 1000 relations. Returns false on error.
bool WriteStore(const std::string& dir, const graph::GraphData& data) {
  std::unique_ptr<graph::Store> store;
  graph::StoreOptions so;
  so.initial_map_size = 1ull << 30;
  Status s = graph::Store::Open(dir, so, &store);
  std::vector<graph::DocRecord> batch;
  size_t doc = 0;
  for (size_t i = 0; s.ok() && i < data.relations.size(); i += 1000, ++doc) {
    graph::DocRecord d;
    d.meta.id = graph::DocIdFor("doc " + std::to_string(doc));
    d.meta.source = "bench";
    d.meta.date = 20200101;
    if (doc == 0) d.entities = data.entities;
    for (size_t k = i; k < std::min(i + 1000, data.relations.size()); ++k) {
      graph::ExtractedRelation r;
      r.key = data.relations[k].key;
      r.evidence.doc = d.meta.id;
      r.evidence.sentence = static_cast<uint32_t>(k - i);
      r.evidence.date = 20200101;
      r.evidence.confidence = 0.9f;
      d.relations.push_back(std::move(r));
    }
    batch.push_back(std::move(d));
    if (batch.size() == 100 || i + 1000 >= data.relations.size()) {
      s = store->Apply(batch, nullptr);
      batch.clear();
    }
  }
  if (!s.ok()) std::printf("store error: %s\n", s.message().c_str());
  return s.ok();
}

// The graph of a view as CSV, for loading into another engine:
// entities.csv "name,kind" per vertex, relations.csv "source,target,type"
// per edge (symmetric relations once, as the store keeps them). Returns
// false on error.
bool WriteCsv(const std::string& dir, const graph::GraphView& view) {
  std::filesystem::create_directories(dir);
  FILE* f = std::fopen((dir + "/entities.csv").c_str(), "w");
  if (f == nullptr) return false;
  for (graph::VertexIndex v = 0; v < view.vertex_count(); ++v)
    std::fprintf(f, "%s,%s\n", std::string(view.name(v)).c_str(), std::string(graph::NameOf(view.kind(v))).c_str());
  if (std::fclose(f) != 0) return false;
  f = std::fopen((dir + "/relations.csv").c_str(), "w");
  if (f == nullptr) return false;
  for (graph::EdgeIndex e = 0; e < view.edge_count(); ++e) {
    const graph::EdgeData& d = view.edge(e);
    std::fprintf(f, "%s,%s,%s\n", std::string(view.name(d.source)).c_str(), std::string(view.name(d.target)).c_str(),
                 std::string(graph::NameOf(d.type)).c_str());
  }
  return std::fclose(f) == 0;
}

// The child of a cold-process run: open, view, one query; prints what it
// did. Exit status 0 on success.
int OpenOnce(const std::string& dir, const std::string& text) {
  const double t0 = Now();
  std::unique_ptr<graph::Store> store;
  graph::StoreOptions so;
  so.read_only = true;
  so.create_if_missing = false;
  Status s = graph::Store::Open(dir, so, &store);
  std::shared_ptr<const graph::GraphView> view;
  graph::Store::ViewSource source = graph::Store::ViewSource::kBuilt;
  const double t1 = Now();
  if (s.ok()) s = store->LoadView(&view, &source);
  if (!s.ok()) {
    std::printf("store error: %s\n", s.message().c_str());
    return 1;
  }
  const double t2 = Now();
  query::ResultSet rs;
  query::QueryError e;
  if (!query::RunQuery(*view, text, query::QueryOptions{}, &rs, &e)) {
    std::printf("query error: %s\n", e.Format(text).c_str());
    return 1;
  }
  const double t3 = Now();
  // Peak RSS of this process image (VmHWM starts afresh at exec, unlike
  // the parent's view of a forked child, which counts the pages shared
  // with the parent before exec).
  double hwm_mb = 0;
  if (FILE* f = std::fopen("/proc/self/status", "r")) {
    char line[256];
    while (std::fgets(line, sizeof line, f))
      if (std::strncmp(line, "VmHWM:", 6) == 0) hwm_mb = std::atof(line + 6) / 1024.0;
    std::fclose(f);
  }
  std::printf("  child: view %s; open %.1f ms + view %.1f ms + query %.2f ms (%zu rows); peak RSS %.1f MB\n",
              source == graph::Store::ViewSource::kImage ? "mapped from the image" : "built from the records",
              (t1 - t0) * 1e3, (t2 - t1) * 1e3, (t3 - t2) * 1e3, rs.rows.size(), hwm_mb);
  std::fflush(stdout);
  return 0;
}

// Runs this program as `--open DIR QUERY` and reports the child's wall
// time, CPU time and peak RSS.
void ColdProcess(const char* label, const std::string& dir, const std::string& text) {
  std::fflush(stdout);
  const double t0 = Now();
  pid_t pid = fork();
  if (pid == 0) {
    execl("/proc/self/exe", "bench_query", "--open", dir.c_str(), text.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  struct rusage ru {};
  if (pid < 0 || wait4(pid, &status, 0, &ru) != pid) {
    std::printf("%s: could not run the child\n", label);
    return;
  }
  const double wall = Now() - t0;
  const double cpu = static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
                     static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1e-6;
  std::printf("%-42s wall %8.1f ms | cpu %8.1f ms (user %.1f + sys %.1f)%s\n", label, wall * 1e3, cpu * 1e3,
              (static_cast<double>(ru.ru_utime.tv_sec) + ru.ru_utime.tv_usec * 1e-6) * 1e3,
              (static_cast<double>(ru.ru_stime.tv_sec) + ru.ru_stime.tv_usec * 1e-6) * 1e3,
              WIFEXITED(status) && WEXITSTATUS(status) == 0 ? "" : " (child failed)");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 4 && std::strcmp(argv[1], "--open") == 0) return OpenOnce(argv[2], argv[3]);
  std::vector<size_t> sizes;
  bool use_store = true;
  std::string keep_dir, csv_dir;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--no-store") == 0)
      use_store = false;
    else if (std::strcmp(argv[i], "--csv") == 0 && i + 1 < argc)
      csv_dir = argv[++i];
    else if (std::strcmp(argv[i], "--store") == 0 && i + 1 < argc)
      keep_dir = argv[++i];
    else
      sizes.push_back(std::stoul(argv[i]));
  }
  const size_t n = sizes.size() > 0 ? sizes[0] : 100000, m = sizes.size() > 1 ? sizes[1] : 1000000;

  graph::GraphData data = Generate(n, m);
  double t0 = Now(), c0 = CpuNow();
  auto view = graph::GraphView::Build(std::move(data));
  std::printf("graph: %zu vertices, %zu edges\n", view->vertex_count(), view->edge_count());
  std::printf("snapshot build, relations in random order: %.1f ms (cpu %.1f ms); %.1f bytes/relation\n",
              (Now() - t0) * 1e3, (CpuNow() - c0) * 1e3,
              static_cast<double>(view->EdgeBytes()) / view->edge_count());
  query::QueryOptions o;
  auto peak_rss = [] {
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return static_cast<double>(ru.ru_maxrss) / 1024.0;
  };
  std::printf("peak RSS after generating and building: %.1f MB\n", peak_rss());

  if (use_store) {
    namespace fs = std::filesystem;
    fs::path dir = keep_dir.empty() ? fs::temp_directory_path() / ("geokg_bench_query_" + std::to_string(getpid()))
                                    : fs::path(keep_dir);
    if (keep_dir.empty() || !fs::exists(dir / "data.mdb")) {
      double w0 = Now();
      if (!WriteStore(dir.string(), Generate(n, m))) return 1;
      std::printf("store written in %.1f s\n", Now() - w0);
    } else {
      std::printf("store kept from an earlier run: %s\n", dir.c_str());
    }
    view.reset();
    double t_open = Now(), c_open = CpuNow();
    std::unique_ptr<graph::Store> store;
    graph::StoreOptions so;
    so.read_only = true;
    so.create_if_missing = false;
    Status s = graph::Store::Open(dir.string(), so, &store);
    double t_load = Now(), c_load = CpuNow();
    graph::GraphData loaded;
    if (s.ok()) s = store->LoadGraph(&loaded);
    if (!s.ok()) {
      std::printf("store error: %s\n", s.message().c_str());
      return 1;
    }
    double t_build = Now(), c_build = CpuNow();
    view = graph::GraphView::Build(std::move(loaded));
    double t_query = Now(), c_query = CpuNow();
    query::ResultSet rs;
    query::QueryError e;
    query::RunQuery(*view, "MATCH (a {name:'E12345'})-->(b) RETURN b.name", o, &rs, &e);
    double t_end = Now(), c_end = CpuNow();
    std::printf(
        "store open %.1f ms + load %.1f ms + snapshot build (store order) %.1f ms + first query %.2f ms "
        "= %.1f ms (cpu %.1f + %.1f + %.1f + %.2f = %.1f ms)\n",
        (t_load - t_open) * 1e3, (t_build - t_load) * 1e3, (t_query - t_build) * 1e3, (t_end - t_query) * 1e3,
        (t_end - t_open) * 1e3, (c_load - c_open) * 1e3, (c_build - c_load) * 1e3, (c_query - c_build) * 1e3,
        (c_end - c_query) * 1e3, (c_end - c_open) * 1e3);
    view.reset();
    // Cold processes: without an image (built, image written), then mapped.
    const std::string first = "MATCH (a {name:'E12345'})-->(b) RETURN b.name";
    fs::remove(dir / graph::Store::kViewImageFile);
    ColdProcess("cold process, no image: open + first query", dir.string(), first);
    if (fs::exists(dir / graph::Store::kViewImageFile))
      std::printf("snapshot image: %.1f MB (%.1f bytes per relation)\n",
                  static_cast<double>(fs::file_size(dir / graph::Store::kViewImageFile)) / 1048576.0,
                  static_cast<double>(fs::file_size(dir / graph::Store::kViewImageFile)) / static_cast<double>(m));
    ColdProcess("cold process, image: open + first query", dir.string(), first);
    ColdProcess("cold process, image: open + first query", dir.string(), first);
    // The queries below run on the mapped view, as the CLI's would.
    graph::Store::ViewSource source;
    s = store->LoadView(&view, &source);
    if (!s.ok()) {
      std::printf("store error: %s\n", s.message().c_str());
      return 1;
    }
    std::printf("queries below run on the view %s\n",
                source == graph::Store::ViewSource::kImage ? "mapped from the image" : "built from the records");
    if (!csv_dir.empty()) {
      if (!WriteCsv(csv_dir, *view)) {
        std::printf("cannot write %s\n", csv_dir.c_str());
        return 1;
      }
      std::printf("graph written as CSV to %s\n", csv_dir.c_str());
    }
    if (keep_dir.empty()) {
      store.reset();
      // The mapping stays valid after the file is gone.
      fs::remove_all(dir);
    }
  }

  // Nodes by degree. The "typical" node (degree 8 to 12) and the degree-50
  // one are the first whose 2-hop typed pattern below has an answer (a
  // node of that degree most often has none: each of its few out-edges has
  // one type in 20), so that no case measures an empty result.
  auto name = [&](graph::VertexIndex v) { return std::string(view->name(v)); };
  auto has_two_hop = [&](graph::VertexIndex v) {
    for (graph::EdgeIndex e : view->OutEdges(v, graph::RelationType::kAttacked))
      if (!view->OutEdges(view->edge(e).target, graph::RelationType::kBlamed).empty()) return true;
    return false;
  };
  graph::VertexIndex hub = 0, mid = 0, typical = 0;
  bool have_mid = false, have_typical = false;
  for (graph::VertexIndex v = 0; v < view->vertex_count(); ++v) {
    size_t d = view->OutEdges(v).size() + view->InEdges(v).size();
    if (d > view->OutEdges(hub).size() + view->InEdges(hub).size()) hub = v;
    if (!have_mid && d >= 45 && d <= 55 && has_two_hop(v)) mid = v, have_mid = true;
    if (!have_typical && d >= 8 && d <= 12 && view->OutEdges(v).size() >= 4 && has_two_hop(v))
      typical = v, have_typical = true;
  }
  std::printf("nodes: typical %s (degree %zu), deg~50 %s (degree %zu), hub %s (degree %zu)\n", name(typical).c_str(),
              view->OutEdges(typical).size() + view->InEdges(typical).size(), name(mid).c_str(),
              view->OutEdges(mid).size() + view->InEdges(mid).size(), name(hub).c_str(),
              view->OutEdges(hub).size() + view->InEdges(hub).size());
  int empty_cases = 0, oracle_mismatches = 0;
  // Runs each query once to warm up, then `reps` times; returns the rows of
  // one run (all queries), which Report prints. A case without rows counts
  // as a failure of the benchmark.
  auto bench = [&](const char* label, const std::vector<std::string>& queries, int reps) -> size_t {
    std::vector<double> wall, cpu;
    size_t rows = 0;
    for (const std::string& q : queries) {  // warm-up: first-use allocation of the search scratch
      query::ResultSet rs;
      query::QueryError e;
      if (!query::RunQuery(*view, q, o, &rs, &e)) {
        std::printf("error: %s\n", e.Format(q).c_str());
        ++empty_cases;
        return 0;
      }
      rows += rs.rows.size();
      if (rs.truncated) std::printf("  (%s: %s)\n", label, rs.note.c_str());
    }
    for (int r = 0; r < reps; ++r)
      for (const std::string& q : queries) {
        query::ResultSet rs;
        query::QueryError e;
        double s = Now(), c = CpuNow();
        query::RunQuery(*view, q, o, &rs, &e);
        cpu.push_back(CpuNow() - c);
        wall.push_back(Now() - s);
      }
    Report(label, wall, cpu, rows);
    if (rows == 0) {
      std::printf("  EMPTY: %s returned no rows\n", label);
      ++empty_cases;
    }
    return rows;
  };
  bench("1-hop (typical)", {"MATCH (a {name:'" + name(typical) + "'})-->(b) RETURN b"}, 200);
  bench("2-hop typed (typical)",
        {"MATCH (a {name:'" + name(typical) + "'})-[:attacked]->()-[:blamed]->(c) RETURN c"}, 200);
  const std::vector<graph::RelationType> reach_types = {graph::RelationType::kAttacked, graph::RelationType::kBlamed,
                                                        graph::RelationType::kAlliedWith};
  for (auto [label, v] : {std::pair{"3-hop typed reach + filter (typical)", typical},
                          std::pair{"3-hop typed reach + filter (deg~50)", mid},
                          std::pair{"3-hop typed reach + filter (hub)", hub}}) {
    const size_t rows = bench(label,
                              {"MATCH (a {name:'" + name(v) +
                               "'})-[:attacked|blamed|`allied-with`*1..3]->(b) WHERE b.kind <> 'person' RETURN DISTINCT b"},
                              50);
    const size_t expected = BfsReachCount(*view, v, reach_types, 3);
    std::printf("  BFS oracle: %zu vertices%s\n", expected, expected == rows ? " (same)" : " MISMATCH");
    if (expected != rows) ++oracle_mismatches;
  }
  bench(
      "3-hop var-length paths, LIMIT 1000 (hub)",
      {"MATCH (a {name:'" + name(hub) + "'})-[:attacked|blamed|`allied-with`*1..3]->(b) RETURN b LIMIT 1000"},
      20);
  // Ten pairs joined by a directed path of at most 8 edges (so every
  // shortest-path case has an answer), drawn at random.
  std::mt19937_64 rng(11);
  std::vector<std::string> sp_dir, sp_und, asp;
  for (int i = 0, tries = 0; i < 10 && tries < 100000; ++tries) {
    const graph::VertexIndex va = static_cast<graph::VertexIndex>(rng() % view->vertex_count());
    const graph::VertexIndex vb = static_cast<graph::VertexIndex>(rng() % view->vertex_count());
    if (va == vb || !Connected(*view, va, vb, 8, false)) continue;
    ++i;
    std::string a = name(va), b = name(vb);
    sp_dir.push_back("MATCH p = shortestPath((a {name:'" + a + "'})-[*..8]->(b {name:'" + b +
                     "'})) RETURN p");
    sp_und.push_back("MATCH p = shortestPath((a {name:'" + a + "'})-[*..8]-(b {name:'" + b + "'})) RETURN p");
    asp.push_back("MATCH p = allShortestPaths((a {name:'" + a + "'})-[*..8]-(b {name:'" + b +
                  "'})) RETURN count(p)");
  }
  bench("shortestPath directed (10 pairs)", sp_dir, 20);
  bench("shortestPath undirected (10 pairs)", sp_und, 20);
  bench("allShortestPaths undirected (10 pairs)", asp, 5);
  bench("aggregation: count per type from hub",
        {"MATCH (a {name:'" + name(hub) + "'})-[r]->(b) RETURN type(r), count(*)"}, 50);

  // Issue 14's table: names against ids, whole-graph scans, aggregates
  // over reachability.
  const std::string reach3 = "-[:attacked|blamed|`allied-with`*1..3]->(b)";
  for (auto [label, v] : {std::pair{"(deg~50)", mid}, std::pair{"(hub)", hub}}) {
    const std::string from = "MATCH (a {name:'" + name(v) + "'})" + reach3;
    bench((std::string("3-hop typed reach, DISTINCT b ") + label).c_str(), {from + " RETURN DISTINCT b"}, 20);
    bench((std::string("3-hop typed reach, DISTINCT b.name ") + label).c_str(), {from + " RETURN DISTINCT b.name"},
          20);
    bench((std::string("3-hop typed reach, count(DISTINCT b) ") + label).c_str(),
          {from + " RETURN count(DISTINCT b)"}, 20);
  }
  {
    const std::string from = "MATCH (a {name:'" + name(hub) + "'})-[*1..3]->(b)";
    bench("3-hop untyped reach, DISTINCT b (hub)", {from + " RETURN DISTINCT b"}, 10);
    bench("3-hop untyped reach, DISTINCT b.name (hub)", {from + " RETURN DISTINCT b.name"}, 10);
  }
  bench("whole graph: count per relation type", {"MATCH ()-[r]->() RETURN type(r), count(*)"}, 10);
  bench("whole graph: count per entity kind", {"MATCH (n) RETURN n.kind, count(*)"}, 20);
  bench("whole graph: count per first date", {"MATCH ()-[r]->() RETURN r.first_date, count(*)"}, 10);
  bench("whole graph: count(*) of relations", {"MATCH ()-[r]->() RETURN count(*)"}, 10);
  std::printf("peak RSS %.1f MB (with the store's mapped pages when the store was used)\n", peak_rss());
  if (empty_cases > 0 || oracle_mismatches > 0) {
    std::printf("FAILED: %d empty case(s), %d answer(s) differing from the BFS oracle\n", empty_cases,
                oracle_mismatches);
    return 1;
  }
  return 0;
}
