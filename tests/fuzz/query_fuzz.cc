// libFuzzer harness: query text through the lexer, parser, binder and
// executor against a small in-memory graph. A crash, a sanitizer report or
// a QueryError without a message is a finding; ordinary query errors are not.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "query/engine.h"
#include "tests/fuzz/fuzz_graph.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 64 * 1024) return -1;  // keep executions fast; depth limits are reached well below
  std::string_view text(reinterpret_cast<const char*>(data), size);
  geokg::query::QueryOptions options;
  geokg::fuzz::BoundForFuzzing(&options);
  options.params["p"] = geokg::query::Value("Iran");
  options.params["n"] = geokg::query::Value(int64_t{2});
  geokg::query::ResultSet rs;
  geokg::query::QueryError error;
  if (!geokg::query::RunQuery(*geokg::fuzz::FuzzView(), text, options, &rs, &error)) {
    if (error.message.empty()) std::abort();  // every failure says why
    (void)error.Format(text);
    return 0;
  }
  for (const auto& row : rs.rows)
    for (const auto& v : row) (void)geokg::query::ToDisplayString(*geokg::fuzz::FuzzView(), v);
  return 0;
}
