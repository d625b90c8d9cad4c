// Query options from the flags `geokg query` and `geokg repl` share:
// --all-modalities, --from, --to, --limit, --timeout and --param.
#pragma once

#include <string_view>

#include "query/engine.h"
#include "tools/cli/command.h"

namespace geokg::tools {

// Fills *options from the flags present in `args`, and names through the
// lexicon (LexiconCanonicalName). Returns 0, or prints
// "geokg <command>: message" and returns 1 for a malformed value.
int QueryOptionsFromFlags(std::string_view command, const ParsedArgs& args, query::QueryOptions* options);

}  // namespace geokg::tools
