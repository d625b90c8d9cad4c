// bench_store: write throughput and read-back cost of the LMDB store.
//
//   bench_store [--relations N] [--batch B] [--dir D] [--entities E] [--mentions 0|1]
//
// Writes N synthetic relations (default 1,000,000), each with one Evidence
// carrying a ~120-byte sentence, through Store::Apply in batches of B
// relations (default 20,000; 10 relations per document), between E entities
// (default N/4) drawn from a power law, so a few entities take part in many
// relations as in news. Then reads everything back (ForEachRelation,
// LoadGraph), builds a GraphView snapshot, and prints relations/s and
// evidence/s written, store bytes per relation, read and snapshot times and
// peak RSS. Each document also lists its entities' mention counts (one
// mention per relation endpoint), as ingest does; --mentions 0 leaves them
// out, to measure what the mention index costs. Not a test: nothing is asserted. The store directory is removed
// at the end unless --dir was given.
#include <sys/resource.h>
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
#include <vector>

#include "graph/date.h"
#include "graph/ids.h"
#include "graph/store.h"
#include "graph/view.h"

namespace geokg::tools {
namespace {

using graph::DocRecord;
using Clock = std::chrono::steady_clock;

double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// Bytes this process caused to be written to storage (/proc/self/io
// write_bytes; pages dirtied through the map count too): a load-independent
// measure of what the commits' syncs cost. -1 if unavailable.
long long WriteBytes() {
  FILE* f = std::fopen("/proc/self/io", "r");
  if (f == nullptr) return -1;
  char line[128];
  long long bytes = -1;
  while (std::fgets(line, sizeof line, f) != nullptr) {
    if (std::sscanf(line, "write_bytes: %lld", &bytes) == 1) break;
  }
  std::fclose(f);
  return bytes;
}

// User and system CPU seconds, and involuntary context switches (a sign of
// a loaded machine rather than of waiting for the disk).
struct CpuUsage {
  double user = 0, sys = 0;
  long involuntary_switches = 0, voluntary_switches = 0;
  static CpuUsage Now() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return {static_cast<double>(u.ru_utime.tv_sec) + static_cast<double>(u.ru_utime.tv_usec) / 1e6,
            static_cast<double>(u.ru_stime.tv_sec) + static_cast<double>(u.ru_stime.tv_usec) / 1e6,
            u.ru_nivcsw, u.ru_nvcsw};
  }
};

long PeakRssKiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;  // KiB on Linux
}

int Usage() {
  std::fprintf(stderr,
               "usage: bench_store [--relations N] [--batch B] [--dir D] [--entities E] [--mentions 0|1]\n");
  return 1;
}

struct Options {
  uint64_t relations = 1000000;
  uint64_t batch = 20000;
  uint64_t entities = 0;  // 0: relations / 4
  bool mentions = true;   // DocRecord::mentions filled in
  std::string dir;
};

bool ParseArgs(int argc, char** argv, Options* o) {
  for (int i = 1; i < argc; ++i) {
    std::string flag = argv[i];
    if (i + 1 >= argc) return false;
    std::string value = argv[++i];
    char* end = nullptr;
    uint64_t n = std::strtoull(value.c_str(), &end, 10);
    bool numeric = end != value.c_str() && *end == '\0' && n > 0;
    if (flag == "--relations" && numeric)
      o->relations = n;
    else if (flag == "--batch" && numeric)
      o->batch = n;
    else if (flag == "--entities" && numeric)
      o->entities = n;
    else if (flag == "--mentions" && (value == "0" || value == "1"))
      o->mentions = value == "1";
    else if (flag == "--dir")
      o->dir = value;
    else
      return false;
  }
  if (o->entities == 0) o->entities = std::max<uint64_t>(2, o->relations / 4);
  return true;
}

// Synthetic corpus: entity i is "Entity i"; relation endpoints follow a
// power law (index = E * u^3), types and modalities are uniform-ish.
class Generator {
 public:
  Generator(uint64_t entity_count, bool mentions)
      : entity_count_(entity_count), mentions_(mentions), rng_(20200101) {
    entities_.resize(entity_count);
    for (uint64_t i = 0; i < entity_count; ++i) {
      graph::Entity& e = entities_[i];
      e.name = "Entity " + std::to_string(i);
      e.id = graph::EntityIdFor(e.name);
      e.kind = static_cast<graph::EntityKind>(i % graph::kEntityKindCount);
      e.aliases = {"E" + std::to_string(i)};
    }
  }

  // Fills `batch` with documents holding `relations` relations in total.
  void NextBatch(uint64_t relations, std::vector<DocRecord>* batch) {
    batch->clear();
    constexpr uint64_t kPerDoc = 10;
    for (uint64_t done = 0; done < relations; done += kPerDoc) {
      DocRecord& doc = batch->emplace_back();
      doc.meta.id = graph::Hash64(std::to_string(next_doc_), 0xbe4c);
      doc.meta.source = "synthetic/" + std::to_string(next_doc_) + ".txt";
      doc.meta.title = "Synthetic document " + std::to_string(next_doc_);
      doc.meta.date = graph::MakeDate(2020, 1 + static_cast<int>(next_doc_ % 12),
                                      1 + static_cast<int>(next_doc_ % 28));
      ++next_doc_;
      uint64_t n = std::min(kPerDoc, relations - done);
      for (uint64_t r = 0; r < n; ++r) {
        const graph::Entity& a = entities_[PowerLaw()];
        const graph::Entity& b = entities_[PowerLaw()];
        doc.entities.push_back(a);
        doc.entities.push_back(b);
        graph::ExtractedRelation& rel = doc.relations.emplace_back();
        rel.key = {a.id, static_cast<graph::RelationType>(rng_() % graph::kRelationTypeCount),
                   b.id};
        graph::Evidence& ev = rel.evidence;
        ev.doc = doc.meta.id;
        ev.sentence = static_cast<uint32_t>(r);
        ev.begin = static_cast<uint32_t>(r * 130);
        ev.text = "Officials said on Tuesday that " + a.name + " had moved forces toward " +
                  b.name + ", according to a statement released late in the evening.";
        ev.text.resize(120, '.');
        ev.end = ev.begin + static_cast<uint32_t>(ev.text.size());
        ev.trigger = "moved forces toward";
        ev.date = doc.meta.date;
        ev.modality =
            static_cast<graph::Modality>(rng_() % 8 < 5 ? 0 : rng_() % graph::kModalityCount);
        ev.confidence = 0.5f + static_cast<float>(rng_() % 50) / 100.f;
      }
      if (mentions_) {
        for (const graph::Entity& e : doc.entities) {
          auto it = std::find_if(doc.mentions.begin(), doc.mentions.end(),
                                 [&](const graph::MentionCount& m) { return m.entity == e.id; });
          if (it == doc.mentions.end())
            doc.mentions.push_back({e.id, 1});
          else
            ++it->count;
        }
      }
      doc.meta.relations = static_cast<uint32_t>(n);
      doc.meta.sentences = static_cast<uint32_t>(n);
      doc.meta.bytes = n * 130;
    }
  }

 private:
  uint64_t PowerLaw() {
    double u = std::uniform_real_distribution<double>(0.0, 1.0)(rng_);
    uint64_t i = static_cast<uint64_t>(static_cast<double>(entity_count_) * u * u * u);
    return std::min(i, entity_count_ - 1);
  }

  uint64_t entity_count_;
  bool mentions_;
  std::mt19937_64 rng_;
  std::vector<graph::Entity> entities_;
  uint64_t next_doc_ = 0;
};

int Run(const Options& o) {
  namespace fs = std::filesystem;
  const bool keep = !o.dir.empty();
  const std::string dir =
      keep ? o.dir
           : (fs::temp_directory_path() / ("bench_store_" + std::to_string(getpid()))).string();
  if (!keep) fs::remove_all(dir);

  std::unique_ptr<graph::Store> store;
  Status s = graph::Store::Open(dir, graph::StoreOptions{}, &store);
  if (!s.ok()) {
    std::fprintf(stderr, "bench_store: %s\n", s.message().c_str());
    return s.ExitCode();
  }
  std::printf("store %s: %llu relations in batches of %llu, %llu entities, mentions %s\n", dir.c_str(),
              static_cast<unsigned long long>(o.relations),
              static_cast<unsigned long long>(o.batch),
              static_cast<unsigned long long>(o.entities), o.mentions ? "on" : "off");

  Generator gen(o.entities, o.mentions);
  std::vector<DocRecord> batch;
  double apply_seconds = 0, apply_cpu_seconds = 0;
  uint64_t evidence = 0, written = 0;
  CpuUsage apply_usage;
  long long write_bytes0 = WriteBytes();
  auto wall_start = Clock::now();
  while (written < o.relations) {
    uint64_t n = std::min(o.batch, o.relations - written);
    gen.NextBatch(n, &batch);
    auto t0 = Clock::now();
    double cpu0 = CpuSeconds();
    CpuUsage u0 = CpuUsage::Now();
    graph::ApplyResult result;
    s = store->Apply(batch, &result);
    apply_seconds += Seconds(t0);
    apply_cpu_seconds += CpuSeconds() - cpu0;
    CpuUsage u1 = CpuUsage::Now();
    apply_usage.user += u1.user - u0.user;
    apply_usage.sys += u1.sys - u0.sys;
    apply_usage.involuntary_switches += u1.involuntary_switches - u0.involuntary_switches;
    apply_usage.voluntary_switches += u1.voluntary_switches - u0.voluntary_switches;
    if (!s.ok()) {
      std::fprintf(stderr, "bench_store: %s\n", s.message().c_str());
      return s.ExitCode();
    }
    evidence += result.evidence_added;
    written += n;
  }
  double wall_seconds = Seconds(wall_start);
  long long written_bytes = WriteBytes() - write_bytes0;

  graph::StoreStats stats;
  store->Stats(&stats);
  std::printf(
      "write:    %.0f relations/s, %.0f evidence/s (Apply only: %.2f s, of which %.2f s CPU, "
      "the rest waiting for disk syncs or, on a busy machine, a CPU), %.0f relations/s including generation (%.2f s)\n",
      static_cast<double>(written) / apply_seconds, static_cast<double>(evidence) / apply_seconds,
      apply_seconds, apply_cpu_seconds, static_cast<double>(written) / wall_seconds, wall_seconds);
  std::printf(
      "apply:    %.2f s user + %.2f s sys CPU = %.0f relations per CPU second; %ld voluntary "
      "(disk) and %ld involuntary (load) context switches; %.0f bytes written to disk per "
      "relation\n",
      apply_usage.user, apply_usage.sys,
      static_cast<double>(written) / (apply_usage.user + apply_usage.sys),
      apply_usage.voluntary_switches, apply_usage.involuntary_switches,
      written_bytes < 0 ? -1.0
                        : static_cast<double>(written_bytes) / static_cast<double>(written));
  std::printf(
      "store:    %llu evidence, %llu distinct relations, %llu entities; %.1f MB used, "
      "%.0f bytes per relation (with its evidence), map %.0f MB\n",
      static_cast<unsigned long long>(stats.evidence),
      static_cast<unsigned long long>(stats.relations),
      static_cast<unsigned long long>(stats.entities), static_cast<double>(stats.used_bytes) / 1e6,
      static_cast<double>(stats.used_bytes) / static_cast<double>(written),
      static_cast<double>(stats.map_size) / 1e6);

  auto t0 = Clock::now();
  uint64_t scanned = 0;
  store->ForEachRelation([&](const graph::RelationSummary& r) {
    scanned += r.TotalCount();
    return true;
  });
  std::printf("read:     ForEachRelation %.3f s (%llu summaries, %llu evidence counted)\n",
              Seconds(t0), static_cast<unsigned long long>(stats.relations),
              static_cast<unsigned long long>(scanned));

  t0 = Clock::now();
  graph::GraphData data;
  s = store->LoadGraph(&data);
  double load_seconds = Seconds(t0);
  if (!s.ok()) {
    std::fprintf(stderr, "bench_store: %s\n", s.message().c_str());
    return s.ExitCode();
  }
  std::printf("read:     LoadGraph %.3f s (%zu entities, %zu relations)\n", load_seconds,
              data.entities.size(), data.relations.size());

  t0 = Clock::now();
  auto view = graph::GraphView::Build(std::move(data));
  double build_seconds = Seconds(t0);
  std::printf(
      "snapshot: GraphView::Build %.3f s (%zu vertices, %zu edges), %.1f edge bytes per relation\n",
      build_seconds, view->vertex_count(), view->edge_count(),
      view->edge_count()
          ? static_cast<double>(view->EdgeBytes()) / static_cast<double>(view->edge_count())
          : 0.0);
  std::printf("memory:   peak RSS %.1f MB\n", static_cast<double>(PeakRssKiB()) / 1024.0);

  view.reset();
  store.reset();
  if (!keep) fs::remove_all(dir);
  return 0;
}

}  // namespace
}  // namespace geokg::tools

int main(int argc, char** argv) {
  geokg::tools::Options options;
  if (!geokg::tools::ParseArgs(argc, argv, &options)) return geokg::tools::Usage();
  return geokg::tools::Run(options);
}
