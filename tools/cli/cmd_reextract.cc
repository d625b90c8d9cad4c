// geokg reextract --db DIR [--lexicon DIR]... [--all] [--batch DOCS]: runs
// the current extractor again over the documents' stored texts and replaces
// their records, batch by batch (Store::Replace, one transaction a batch).
// By default only documents extracted by another extractor version or
// another lexicon; --all redoes every one. Killed at any point, the store
// is consistent; run again, it finishes (the documents done carry the
// current version and are not done twice).
#include <iostream>
#include <vector>

#include "graph/store.h"
#include "ingest/extractor.h"
#include "ingest/reader.h"
#include "tools/cli/command.h"

namespace geokg::tools {

int RunReextract(const ParsedArgs& args) {
  constexpr std::string_view kCmd = "reextract";
  if (!args.Has("--db")) return Fail(kCmd, "missing --db DIR", 1);
  size_t batch_size = 200;
  if (args.Has("--batch")) {
    try {
      long long n = std::stoll(args.Get("--batch"));
      if (n <= 0 || n > 100000) throw std::invalid_argument("");
      batch_size = static_cast<size_t>(n);
    } catch (...) {
      return Fail(kCmd, "--batch: expected a number of documents from 1 to 100000", 1);
    }
  }
  ingest::ExtractorOptions xo;
  xo.lexicon_dirs = args.GetAll("--lexicon");
  std::unique_ptr<ingest::Extractor> extractor;
  if (Status s = ingest::Extractor::Create(xo, &extractor); !s.ok()) return Fail(kCmd, s.message(), s.ExitCode());

  std::unique_ptr<graph::Store> store;
  graph::StoreOptions options;
  options.create_if_missing = false;
  if (Status s = graph::Store::Open(args.Get("--db"), options, &store); !s.ok())
    return Fail(kCmd, s.message(), s.ExitCode());

  // The documents to redo.
  const bool all = args.Has("--all");
  std::vector<graph::DocMeta> todo;
  size_t without_text = 0, current = 0;
  Status s = store->ForEachDocument([&](const graph::DocMeta& d) {
    if (!all && d.extractor_version == ingest::kExtractorVersion &&
        d.lexicon_fingerprint == extractor->lexicon_fingerprint()) {
      ++current;
      return true;
    }
    todo.push_back(d);
    return true;
  });
  if (!s.ok()) return Fail(kCmd, s.message(), s.ExitCode());

  size_t done = 0;
  uint64_t evidence = 0;
  std::vector<graph::DocRecord> batch;
  auto flush = [&]() -> Status {
    if (batch.empty()) return Status::Ok();
    graph::ApplyResult r;
    Status rs = store->Replace(batch, &r);
    if (!rs.ok()) return rs;
    done += batch.size();
    evidence += r.evidence_added;
    batch.clear();
    return Status::Ok();
  };
  for (const graph::DocMeta& meta : todo) {
    ingest::Document doc;
    doc.meta = meta;
    s = store->GetText(meta.id, &doc.text);
    if (!s.ok()) return Fail(kCmd, s.message(), s.ExitCode());
    if (doc.text.empty()) {  // stored before texts were kept: nothing to read again
      ++without_text;
      continue;
    }
    batch.push_back(extractor->Extract(doc));
    if (batch.size() >= batch_size) {
      s = flush();
      if (!s.ok()) return Fail(kCmd, s.message(), s.ExitCode());
    }
  }
  s = flush();
  if (!s.ok()) return Fail(kCmd, s.message(), s.ExitCode());
  (void)store->RefreshViewImage();  // the snapshot image for the next reader
  std::cout << "geokg reextract: " << done << " documents extracted again (" << evidence << " evidence records), "
            << current << " already current";
  if (without_text > 0)
    std::cout << ", " << without_text << " without a stored text (ingested before geokg kept texts: ingest them again into a new store)";
  std::cout << "\n";
  return 0;
}

}  // namespace geokg::tools
