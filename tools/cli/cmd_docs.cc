// geokg docs --db DIR [--limit N] [--format table|json|csv] NAME
//
// The documents that mention an actor, newest first: doc id, date, title,
// url and the number of mentions. NAME is resolved as in queries
// ({name: 'NAME'}: canonical names and aliases). Table output starts with
// one line of counts per entity; json and csv hold the rows only.
#include <iostream>
#include <memory>

#include "graph/store.h"
#include "graph/view.h"
#include "query/format.h"
#include "tools/cli/lexicon_names.h"
#include "tools/cli/open_store.h"
#include "tools/repl/docs.h"

namespace geokg::tools {

int RunDocs(const ParsedArgs& args) {
  constexpr std::string_view kCmd = "docs";
  std::string format = args.Get("--format", "table");
  if (format != "table" && format != "json" && format != "csv")
    return Fail(kCmd, "unknown --format '" + format + "' (table, json or csv)", 1);
  size_t limit = kDefaultDocsLimit;
  if (args.Has("--limit")) {
    try {
      long long n = std::stoll(args.Get("--limit"));
      if (n < 0) throw std::invalid_argument("");
      limit = static_cast<size_t>(n);
    } catch (...) {
      return Fail(kCmd, "--limit: expected a number (0: all)", 1);
    }
  }
  std::unique_ptr<graph::Store> store;
  if (int rc = OpenStoreReadOnly(kCmd, args, &store); rc != 0) return rc;
  std::shared_ptr<const graph::GraphView> view;
  Status s = store->LoadView(&view);
  if (!s.ok()) return Fail(kCmd, s.message(), s.ExitCode() == 0 ? 2 : s.ExitCode());

  DocsResult docs;
  s = DocumentsMentioning(*view, *store, args.positional[0], limit, &docs, LexiconCanonicalName());
  if (!s.ok()) return Fail(kCmd, s.message(), s.ExitCode());
  if (format == "json") {
    // The limit is the user's --limit, said on stderr below; the rows stay
    // one object each, as before (no "_truncated" object, which announces
    // a query cut by max_rows).
    const bool cut = docs.rows.truncated;
    docs.rows.truncated = false;
    query::WriteJson(*view, docs.rows, std::cout);
    docs.rows.truncated = cut;
  } else if (format == "csv") {
    query::WriteCsv(*view, docs.rows, std::cout);
  } else {
    std::cout << docs.summary;
    query::WriteTable(*view, docs.rows, std::cout);
  }
  if (docs.rows.truncated && format != "table") std::cerr << "geokg docs: " << docs.rows.note << "\n";
  std::cout.flush();
  return 0;  // main checks stdout
}

}  // namespace geokg::tools
