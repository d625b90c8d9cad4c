// geokg merge --db OUT STORE...: unites stores (shards of one corpus, or
// stores built apart) into OUT.
//
// Each input store's curation rules are imported first, then its documents
// are rebuilt as the records ingest gave (Store::ForEachDocRecord) and
// applied to OUT a batch per write transaction. Apply skips documents OUT
// already has, and merges entities and relation summaries in a way that
// does not depend on order, so merging is idempotent, the order of the
// inputs does not matter, and the result is what one ingest of all the
// documents gives. Killed at any point, OUT holds whole batches only; a
// re-run completes it.
#include <filesystem>
#include <iostream>

#include "graph/store.h"
#include "tools/cli/command.h"

namespace geokg::tools {

int RunMergeStores(const ParsedArgs& args) {
  constexpr std::string_view kCmd = "merge";
  const std::string out_dir = args.Get("--db");
  if (out_dir.empty()) return Fail(kCmd, "--db OUT is required", 1);
  size_t batch = 2048;
  if (args.Has("--batch")) {
    try {
      size_t used = 0;
      const long long n = std::stoll(args.Get("--batch"), &used);
      if (n <= 0 || used != args.Get("--batch").size()) throw std::invalid_argument("");
      batch = static_cast<size_t>(n);
    } catch (...) {
      return Fail(kCmd, "--batch needs a positive number", 1);
    }
  }
  const bool quiet = args.Has("--quiet");
  // Inputs first: a missing or damaged one is found before OUT is touched.
  std::vector<std::unique_ptr<graph::Store>> inputs;
  std::error_code ec;
  for (const std::string& dir : args.positional) {
    if (std::filesystem::equivalent(dir, out_dir, ec))
      return Fail(kCmd, dir + ": is the output store; a store cannot be merged into itself", 1);
    graph::StoreOptions options;
    options.read_only = true;
    options.create_if_missing = false;
    std::unique_ptr<graph::Store> store;
    if (Status s = graph::Store::Open(dir, options, &store); !s.ok()) return Fail(kCmd, s.message(), s.ExitCode());
    inputs.push_back(std::move(store));
  }
  std::unique_ptr<graph::Store> out;
  if (Status s = graph::Store::Open(out_dir, graph::StoreOptions{}, &out); !s.ok())
    return Fail(kCmd, s.message(), s.ExitCode());

  graph::ApplyResult total;
  uint64_t rules = 0;
  for (size_t i = 0; i < inputs.size(); ++i) {
    const std::string& dir = args.positional[i];
    graph::CurationRules curation;
    if (Status s = inputs[i]->Rules(&curation); !s.ok()) return Fail(kCmd, s.message(), s.ExitCode());
    graph::ImportResult imported;
    if (Status s = out->ImportRules(curation, &imported); !s.ok())
      return Fail(kCmd, dir + ": its curation rules: " + s.message(), s.ExitCode());
    rules += imported.rules;
    graph::ApplyResult from_this;
    Status s = inputs[i]->ForEachDocRecord(batch, 250000, [&](std::vector<graph::DocRecord>&& records) {
      graph::ApplyResult r;
      Status applied = out->Apply(records, &r);
      from_this += r;
      return applied;
    });
    if (!s.ok()) return Fail(kCmd, s.message(), s.ExitCode() == 0 ? 2 : s.ExitCode());
    if (!quiet)
      std::cerr << "geokg merge: " << dir << ": " << from_this.documents_added << " documents added, "
                << from_this.documents_skipped << " already in " << out_dir << ", " << from_this.evidence_added
                << " evidence records\n";
    total += from_this;
  }
  (void)out->RefreshViewImage();  // the snapshot image for the next reader
  if (!quiet)
    std::cerr << "geokg merge: " << inputs.size() << (inputs.size() == 1 ? " store" : " stores") << " into "
              << out_dir << ": " << total.documents_added << " documents added, " << total.documents_skipped
              << " already there, " << total.evidence_added << " evidence records, " << rules << " curation rules\n";
  return 0;
}

}  // namespace geokg::tools
