// bench_ingest: end-to-end ingest throughput (read → extract on all cores →
// one LMDB writer), the figure users see from `geokg ingest`.
//
//   bench_ingest [--mb N] [--threads T] [--batch DOCS] [--keep DIR] [--no-parse]
//                [--corpus-only] [PATH...]
//
// Without PATHs it generates a synthetic corpus of about N MB (default 200)
// as JSONL files by mixing and varying the sentences of samples/articles
// (actor names swapped among a list of countries and groups, sentences
// shuffled), so that every document is distinct. With PATHs it times those
// files instead (e.g. ../shared/corpus). It prints MB/s, documents/s,
// relations/s, and resident memory after each quarter of the run and at the
// end: heap memory, which must stay flat as the corpus grows, apart from the
// pages of the LMDB map the process has touched (page cache). --no-store
// skips the writes to time reading and extraction alone; --no-parse runs the
// extractor without its tree pass (as `geokg ingest --no-parse`), a quicker
// way to exercise the store.
//
// It also prints the bytes the process wrote (/proc/self/io wchar, the bytes
// of its write calls, and write_bytes, what the kernel charged it: the
// store's commits, not the corpus it generated before the timer started), in
// total and per MB of input, after each quarter and at the end, and where the
// store's pages go (Store::TableSizes). The bytes written per input MB must
// not grow with the corpus. --corpus-only writes
// the synthetic corpus into --keep DIR and stops (for scripts/bench-shards.sh).
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "graph/store.h"
#include "ingest/extractor.h"
#include "ingest/pipeline.h"

namespace fs = std::filesystem;
using namespace geokg;

namespace {

// Resident memory in MB from /proc/self/status: `field` is "RssAnon:" (heap
// and stacks: what must stay flat) or "RssFile:" (mapped files, here mostly
// the LMDB map, which is page cache the kernel can reclaim).
double RssMb(const char* field = "RssAnon:") {
  std::ifstream status("/proc/self/status");
  std::string key;
  while (status >> key) {
    if (key == field) {
      double kb = 0;
      status >> kb;
      return kb / 1e3;
    }
    status.ignore(1 << 20, '\n');
  }
  return 0;
}

// A counter of /proc/self/io, 0 where the kernel does not keep it:
// "write_bytes:" is what the kernel charges the process for the page-cache
// memory its writes dirtied, "wchar:" the bytes passed to write calls (here,
// LMDB's pwrite of each page a commit changed). On a kernel whose page cache
// holds large folios (Linux 6.x on ext4), rewriting one 4 KiB page inside a
// 64 KiB folio charges the whole folio, while the disk receives only the
// dirty blocks: write_bytes then overstates the disk traffic, more so as the
// file grows (docs/ingest-benchmarks.md measures both against the device's
// own counters).
uint64_t IoCounter(const char* field = "write_bytes:") {
  std::ifstream io("/proc/self/io");
  std::string key;
  while (io >> key) {
    if (key == field) {
      uint64_t n = 0;
      io >> n;
      return n;
    }
    io.ignore(1 << 20, '\n');
  }
  return 0;
}

double PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

std::string JsonString(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) break;
        out += c;
    }
  }
  return out + "\"";
}

// Splits the sample articles into sentences (one a line after the title)
// and writes ~`megabytes` MB of varied JSONL documents into `dir`.
std::vector<std::string> GenerateCorpus(const fs::path& samples, const fs::path& dir, size_t megabytes) {
  std::vector<std::string> lines;
  for (const auto& entry : fs::recursive_directory_iterator(samples)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path());
    std::string line;
    while (std::getline(in, line))
      if (line.size() > 40) lines.push_back(line);
  }
  if (lines.empty()) {
    std::fprintf(stderr, "bench_ingest: no sample sentences under %s\n", samples.c_str());
    std::exit(1);
  }
  const std::vector<std::string> actors = {
      "Iran", "Iraq", "Syria", "Turkey", "Russia", "Ukraine", "China", "Japan", "India", "Pakistan",
      "Israel", "Egypt", "Sudan", "Mali", "Niger", "France", "Germany", "Poland", "Venezuela",
      "Colombia", "the United States", "the United Kingdom", "Saudi Arabia", "Yemen", "Lebanon"};
  std::mt19937_64 rng(42);
  fs::create_directories(dir);
  std::vector<std::string> files;
  const size_t target = megabytes << 20;
  size_t written = 0, doc = 0;
  int file_no = 0;
  std::ofstream out;
  size_t file_bytes = 0;
  while (written < target) {
    if (!out.is_open() || file_bytes > (32u << 20)) {
      out.close();
      files.push_back((dir / ("part-" + std::to_string(file_no++) + ".jsonl")).string());
      out.open(files.back());
      file_bytes = 0;
    }
    std::string text;
    int sentences = 6 + static_cast<int>(rng() % 10);
    for (int s = 0; s < sentences; ++s) {
      std::string line = lines[rng() % lines.size()];
      // Swap one actor name for another so documents differ in content.
      const std::string& from = actors[rng() % actors.size()];
      if (size_t p = line.find(from); p != std::string::npos)
        line.replace(p, from.size(), actors[rng() % actors.size()]);
      text += line;
      text += s % 3 == 2 ? "\n\n" : " ";
    }
    std::string record = "{\"id\":\"g" + std::to_string(doc++) + "\",\"date\":\"2020-0" +
                         std::to_string(1 + rng() % 9) + "-1" + std::to_string(rng() % 10) +
                         "\",\"text\":" + JsonString(text) + "}\n";
    out << record;
    written += record.size();
    file_bytes += record.size();
  }
  return files;
}

}  // namespace

int main(int argc, char** argv) {
  size_t megabytes = 200;
  int threads = 0;
  size_t batch = 0;  // documents per store batch; 0 = the pipeline's default
  std::string keep;
  bool no_store = false, no_parse = false, corpus_only = false;
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--mb" && i + 1 < argc) megabytes = std::stoul(argv[++i]);
    else if (a == "--threads" && i + 1 < argc) threads = std::stoi(argv[++i]);
    else if (a == "--batch" && i + 1 < argc) batch = std::stoul(argv[++i]);
    else if (a == "--keep" && i + 1 < argc) keep = argv[++i];
    else if (a == "--no-store") no_store = true;
    else if (a == "--no-parse") no_parse = true;
    else if (a == "--corpus-only") corpus_only = true;
    else if (a == "--help") {
      std::puts(
          "usage: bench_ingest [--mb N] [--threads T] [--batch DOCS] [--keep DIR] [--no-store] [--no-parse]\n"
          "                    [--corpus-only] [PATH...]\n"
          "  without PATHs, ingests a synthetic corpus of about N MB (default 200) made from samples/articles;\n"
          "  prints MB/s, documents/s, relations/s, memory, bytes written to disk (total and per input MB)\n"
          "  and the store's size per table");
      return 0;
    } else paths.push_back(a);
  }
  fs::path work = keep.empty() ? fs::temp_directory_path() / ("geokg-bench-ingest-" + std::to_string(getpid()))
                               : fs::path(keep);
  fs::create_directories(work);
  if (paths.empty()) {
    auto t0 = std::chrono::steady_clock::now();
    paths = GenerateCorpus(fs::path(GEOKG_SOURCE_DIR) / "samples" / "articles", work / "corpus", megabytes);
    double gen = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("generated %zu MB of JSONL in %zu files (%.1f s)\n", megabytes, paths.size(), gen);
    if (corpus_only) {
      for (const auto& p : paths) std::printf("%s\n", p.c_str());
      return 0;
    }
  }

  std::unique_ptr<ingest::Extractor> extractor;
  ingest::ExtractorOptions extractor_options;
  extractor_options.tree_events = !no_parse;
  if (Status s = ingest::Extractor::Create(extractor_options, &extractor); !s.ok()) {
    std::fprintf(stderr, "bench_ingest: %s\n", s.message().c_str());
    return 2;
  }
  fs::remove_all(work / "db");
  std::unique_ptr<graph::Store> store;
  if (Status s = graph::Store::Open((work / "db").string(), {}, &store); !s.ok()) {
    std::fprintf(stderr, "bench_ingest: %s\n", s.message().c_str());
    return 2;
  }
  uint64_t total_bytes = 0;
  for (const auto& p : paths)
    total_bytes += fs::is_directory(p) ? 0 : fs::file_size(p);

  ingest::PipelineOptions options;
  options.threads = threads;
  if (batch > 0) options.batch_documents = batch;
  uint64_t docs = 0, evidence = 0, bytes_seen = 0;
  int quarter = 1;
  const uint64_t written_before = IoCounter(), wchar_before = IoCounter("wchar:");
  auto start = std::chrono::steady_clock::now();
  auto sink = [&](std::vector<graph::DocRecord>&& batch) -> Status {
    graph::ApplyResult r;
    Status s;
    if (no_store) {
      for (const auto& d : batch) r.evidence_added += d.relations.size();
    } else {
      s = store->Apply(batch, &r);
    }
    docs += batch.size();
    evidence += r.evidence_added;
    for (const auto& d : batch) bytes_seen += d.meta.bytes;
    if (total_bytes > 0 && quarter <= 3 && bytes_seen * 4 >= quarter * total_bytes) {
      double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      const double written = (IoCounter() - written_before) / 1e6;
      const double wchar = (IoCounter("wchar:") - wchar_before) / 1e6;
      std::printf("  %d/4: %.0f MB, %.1f MB/s, heap RSS %.0f MB, mapped store RSS %.0f MB, written by write calls %.0f MB "
                  "(%.2f per input MB), write_bytes %.0f MB (%.2f per input MB)\n",
                  quarter, bytes_seen / 1e6, bytes_seen / 1e6 / secs, RssMb(), RssMb("RssFile:"), wchar,
                  wchar / (bytes_seen / 1e6), written, written / (bytes_seen / 1e6));
      std::fflush(stdout);
      ++quarter;
    }
    return s;
  };
  uint64_t errors = 0;
  ingest::PipelineSummary summary;
  Status s = ingest::RunPipeline(paths, [&](const ingest::Document& d) { return extractor->Extract(d); }, options,
                                 sink, [&](const std::string&) { ++errors; }, &summary);
  if (!s.ok()) {
    std::fprintf(stderr, "bench_ingest: %s\n", s.message().c_str());
    return 2;
  }
  const uint64_t written = IoCounter() - written_before, wchar = IoCounter("wchar:") - wchar_before;
  graph::StoreStats st;
  store->Stats(&st);
  double secs = summary.seconds;
  std::printf("ingested %.1f MB, %llu documents (%llu bad inputs) in %.2f s with %u cores\n", summary.bytes / 1e6,
              static_cast<unsigned long long>(summary.documents), static_cast<unsigned long long>(errors), secs,
              std::thread::hardware_concurrency());
  std::printf("  %.1f MB/s, %.0f documents/s, %.0f relations/s (%llu evidence, %llu distinct relations)\n",
              summary.bytes / 1e6 / secs, summary.documents / secs, evidence / secs,
              static_cast<unsigned long long>(evidence), static_cast<unsigned long long>(st.relations));
  std::printf("  heap RSS now %.0f MB, mapped store RSS %.0f MB, peak total RSS %.0f MB; store %.1f MB\n", RssMb(),
              RssMb("RssFile:"), PeakRssMb(), st.used_bytes / 1e6);
  const double input_mb = summary.bytes / 1e6;
  std::printf("  written by write calls (wchar) %.1f MB, %.2f MB per input MB; kernel write_bytes %.1f MB, %.2f MB per "
              "input MB; store %.2f MB per input MB\n",
              wchar / 1e6, wchar / 1e6 / input_mb, written / 1e6, written / 1e6 / input_mb,
              st.used_bytes / 1e6 / input_mb);
  std::vector<graph::Store::TableSize> tables;
  if (!no_store && store->TableSizes(&tables).ok()) {
    std::printf("  %-20s %12s %10s %9s %6s\n", "store table", "entries", "MB", "B/entry", "share");
    for (const auto& t : tables) {
      std::printf("  %-20s %12llu %10.1f %9s %5.1f%%\n", t.name.c_str(), static_cast<unsigned long long>(t.entries),
                  t.bytes / 1e6, t.entries > 0 ? std::to_string(t.bytes / t.entries).c_str() : "-",
                  st.used_bytes > 0 ? 100.0 * t.bytes / st.used_bytes : 0.0);
    }
  }
  if (keep.empty()) fs::remove_all(work);
  return 0;
}
