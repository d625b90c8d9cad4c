// libFuzzer harness: the REPL's line handling (Repl::ProcessLine), one line
// per input line, as a script or a terminal session would give them. Lines
// that would touch files (:dot, :source) are left out.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string_view>

#include "tests/fuzz/fuzz_graph.h"
#include "tools/repl/repl.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 64 * 1024) return -1;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  geokg::tools::Repl repl(geokg::fuzz::FuzzView(), nullptr);
  geokg::fuzz::BoundForFuzzing(&repl.mutable_query_options());
  std::ostringstream out, err;
  repl.set_error_stream(&err);
  while (!input.empty()) {
    size_t nl = input.find('\n');
    std::string_view line = input.substr(0, nl);
    input.remove_prefix(nl == std::string_view::npos ? input.size() : nl + 1);
    std::string_view word = line.substr(0, line.find_first_of(" \t"));
    if (word.rfind(":dot", 0) == 0 || word.rfind(":source", 0) == 0) continue;
    if (!repl.ProcessLine(line, out)) break;
    if (out.tellp() > (1 << 20)) out.str("");
  }
  (void)repl.Complete("Ir", false);
  return 0;
}
