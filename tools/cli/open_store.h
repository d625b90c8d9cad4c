// Opening a store for the read-only subcommands (query, export, stats, dot,
// repl): a missing store is a user error (exit 1), any other failure a
// storage error (exit 2).
#pragma once

#include <memory>
#include <string_view>

#include "graph/store.h"
#include "tools/cli/command.h"

namespace geokg::tools {

// Returns 0 and sets *store, or prints the error and returns the exit code.
inline int OpenStoreReadOnly(std::string_view command, const ParsedArgs& args,
                             std::unique_ptr<graph::Store>* store) {
  graph::StoreOptions options;
  options.read_only = true;
  options.create_if_missing = false;
  Status s = graph::Store::Open(args.Get("--db"), options, store);
  if (!s.ok()) return Fail(command, s.message(), s.ExitCode());
  return 0;
}

}  // namespace geokg::tools
