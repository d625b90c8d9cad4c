// geokg retract --db DIR DOC...: removes documents and their evidence.
// DOC is a stored document's id (16 hex digits, as `geokg docs` and :why
// print it), the id the input gave it (a JSONL "id"), or a source file
// (every document read from it).
#include <iostream>
#include <set>
#include <string>

#include "graph/ids.h"
#include "graph/store.h"
#include "tools/cli/command.h"

namespace geokg::tools {

int RunRetract(const ParsedArgs& args) {
  constexpr std::string_view kCmd = "retract";
  if (!args.Has("--db")) return Fail(kCmd, "missing --db DIR", 1);
  std::unique_ptr<graph::Store> store;
  graph::StoreOptions options;
  options.create_if_missing = false;
  if (Status s = graph::Store::Open(args.Get("--db"), options, &store); !s.ok())
    return Fail(kCmd, s.message(), s.ExitCode());

  // Every argument must name at least one stored document; nothing changes
  // otherwise.
  std::vector<std::set<graph::DocId>> matches(args.positional.size());
  Status s = store->ForEachDocument([&](const graph::DocMeta& d) {
    const std::string hex = graph::IdToHex(d.id);
    // "file.jsonl:12" is line 12 of file.jsonl: the file names it too.
    const size_t colon = d.source.rfind(':');
    const std::string_view file =
        colon != std::string::npos && colon + 1 < d.source.size() &&
                d.source.find_first_not_of("0123456789", colon + 1) == std::string::npos
            ? std::string_view(d.source).substr(0, colon)
            : std::string_view(d.source);
    for (size_t i = 0; i < args.positional.size(); ++i) {
      const std::string& a = args.positional[i];
      if (a == hex || (!d.external_id.empty() && a == d.external_id) || a == d.source || a == file)
        matches[i].insert(d.id);
    }
    return true;
  });
  if (!s.ok()) return Fail(kCmd, s.message(), s.ExitCode());
  std::set<graph::DocId> docs;
  for (size_t i = 0; i < args.positional.size(); ++i) {
    if (matches[i].empty())
      return Fail(kCmd,
                  "no stored document matches '" + args.positional[i] +
                      "' (a document id, the id given in the input, or a source file); nothing was removed",
                  1);
    docs.insert(matches[i].begin(), matches[i].end());
  }
  graph::RetractResult r;
  s = store->Retract(std::vector<graph::DocId>(docs.begin(), docs.end()), &r);
  if (!s.ok()) return Fail(kCmd, s.message(), s.ExitCode());
  std::cout << "geokg retract: removed " << r.documents_removed << (r.documents_removed == 1 ? " document, " : " documents, ")
            << r.evidence_removed << " evidence records, " << r.relations_removed << " relations and "
            << r.entities_removed << " entities left with nothing; " << r.relations_updated
            << " relations recounted\n";
  return 0;
}

}  // namespace geokg::tools
