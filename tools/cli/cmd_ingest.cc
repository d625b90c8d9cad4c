// geokg ingest: files, folders, JSONL and stdin → extractor → store.
//
// The pipeline (ingest/pipeline.h) reads and extracts on all cores; this
// file owns the one writer: each batch the pipeline hands over becomes one
// Store::Apply, i.e. one LMDB write transaction, so a killed ingest leaves
// every earlier batch committed.
#include <unistd.h>

#include <charconv>
#include <cstdio>
#include <iostream>
#include <memory>

#include "graph/escape.h"
#include "graph/store.h"
#include "ingest/extractor.h"
#include "ingest/pipeline.h"
#include "tools/cli/command.h"

namespace geokg::tools {
namespace {

bool ParsePositive(const std::string& text, size_t* value) {
  size_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || v == 0) return false;
  *value = v;
  return true;
}

}  // namespace

int RunIngest(const ParsedArgs& args) {
  constexpr std::string_view kCmd = "ingest";
  ingest::PipelineOptions options;
  options.reader.include = args.GetAll("--include");
  options.reader.exclude = args.GetAll("--exclude");
  options.reader.text_field = args.Get("--text-field", options.reader.text_field);
  options.reader.title_field = args.Get("--title-field", options.reader.title_field);
  options.reader.date_field = args.Get("--date-field", options.reader.date_field);
  options.reader.id_field = args.Get("--id-field", options.reader.id_field);
  options.reader.url_field = args.Get("--url-field", options.reader.url_field);
  if (args.Has("--threads")) {
    size_t n = 0;
    if (!ParsePositive(args.Get("--threads"), &n) || n > 256)
      return Fail(kCmd, "--threads needs a number from 1 to 256", 1);
    options.threads = static_cast<int>(n);
  }
  if (args.Has("--batch")) {
    size_t n = 0;
    if (!ParsePositive(args.Get("--batch"), &n)) return Fail(kCmd, "--batch needs a positive number", 1);
    options.batch_documents = n;
  }
  if (args.Has("--max-doc-mb")) {
    size_t n = 0;
    if (!ParsePositive(args.Get("--max-doc-mb"), &n) || n > 4096)
      return Fail(kCmd, "--max-doc-mb needs a number from 1 to 4096", 1);
    options.reader.max_document_bytes = n << 20;
  }
  if (args.Has("--shard")) {
    // K/N: this worker's share, 0 <= K < N (Slurm's array task id and count).
    const std::string text = args.Get("--shard");
    const size_t slash = text.find('/');
    size_t k = 0, n = 0;
    auto number = [](std::string_view t, size_t* v) {
      auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), *v);
      return ec == std::errc() && end == t.data() + t.size() && !t.empty();
    };
    if (slash == std::string::npos || !number(std::string_view(text).substr(0, slash), &k) ||
        !number(std::string_view(text).substr(slash + 1), &n) || n == 0 || n > 100000 || k >= n)
      return Fail(kCmd, "--shard: expected K/N with 0 <= K < N <= 100000 (e.g. 0/4), got '" + text + "'", 1);
    options.shard_index = static_cast<uint32_t>(k);
    options.shard_count = static_cast<uint32_t>(n);
  }
  const bool quiet = args.Has("--quiet");
  options.progress = !quiet && isatty(STDERR_FILENO);
  options.reader.on_note = [&options](const std::string& note) {  // not an error: the exit status stays 0
    if (options.progress) std::cerr << "\r\033[K";
    std::cerr << "geokg ingest: note: " << graph::OneLine(note) << "\n";
  };

  ingest::ExtractorOptions extractor_options;
  extractor_options.lexicon_dirs = args.GetAll("--lexicon");
  extractor_options.tree_events = !args.Has("--no-parse");
  std::unique_ptr<ingest::Extractor> extractor;
  if (Status s = ingest::Extractor::Create(extractor_options, &extractor); !s.ok())
    return Fail(kCmd, s.message(), s.ExitCode());

  std::unique_ptr<graph::Store> store;
  if (Status s = graph::Store::Open(args.Get("--db"), graph::StoreOptions{}, &store); !s.ok())
    return Fail(kCmd, s.message(), s.ExitCode());

  graph::ApplyResult totals;
  auto sink = [&](std::vector<graph::DocRecord>&& batch) -> Status {
    graph::ApplyResult r;
    Status s = store->Apply(batch, &r);
    totals += r;
    return s;
  };
  auto on_error = [&](const std::string& message) {
    if (options.progress) std::cerr << "\r\033[K";
    std::cerr << "geokg ingest: " << graph::OneLine(message) << "\n";
  };
  auto extract = [&](const ingest::Document& doc) { return extractor->Extract(doc); };

  ingest::PipelineSummary summary;
  Status status = ingest::RunPipeline(args.positional, extract, options, sink, on_error, &summary);
  if (!quiet) {
    double mb = summary.bytes / 1e6;
    std::fprintf(stderr,
                 "geokg ingest: %llu documents (%u new, %u already stored%s), %llu relations, "
                 "%llu bad inputs skipped, %.1f MB in %.2f s (%.1f MB/s)\n",
                 static_cast<unsigned long long>(summary.documents), totals.documents_added,
                 totals.documents_skipped,
                 options.shard_count > 1
                     ? ("; " + std::to_string(summary.other_shards) + " left to the other " +
                        std::to_string(options.shard_count - 1) + (options.shard_count == 2 ? " shard" : " shards"))
                           .c_str()
                     : "",
                 static_cast<unsigned long long>(totals.evidence_added),
                 static_cast<unsigned long long>(summary.bad_inputs), mb, summary.seconds,
                 summary.seconds > 0 ? mb / summary.seconds : 0.0);
  }
  if (!status.ok()) return Fail(kCmd, status.message(), status.ExitCode());
  // The snapshot image for the next reader (a cache: failing to write it
  // changes nothing).
  (void)store->RefreshViewImage();
  // Documents stored by another extractor or lexicon keep their old
  // records until reextract: say so, with the command (even with --quiet).
  uint64_t stale = 0;
  Status scan = store->ForEachDocument([&](const graph::DocMeta& d) {
    stale += d.extractor_version != ingest::kExtractorVersion ||
             d.lexicon_fingerprint != extractor->lexicon_fingerprint();
    return true;
  });
  if (scan.ok() && stale > 0) {
    std::string command = "geokg reextract --db " + args.Get("--db");
    for (const std::string& dir : extractor_options.lexicon_dirs) command += " --lexicon " + dir;
    std::cerr << "geokg ingest: " << stale << (stale == 1 ? " stored document was" : " stored documents were")
              << " extracted by another geokg version or lexicon; to extract "
              << (stale == 1 ? "it" : "them") << " again with this one, run: " << command << "\n";
  }
  return summary.bad_inputs > 0 ? 1 : 0;
}

}  // namespace geokg::tools
