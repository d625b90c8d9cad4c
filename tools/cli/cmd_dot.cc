// geokg dot: draw part of the graph (a neighbourhood, a query's result, or
// everything) with GraphViz, as DOT on stdout or into a .dot/.svg/.png/.pdf.
#include <charconv>
#include <iostream>

#include "graph/view.h"
#include "query/engine.h"
#include "tools/cli/lexicon_names.h"
#include "tools/cli/open_store.h"
#include "tools/render/evidence.h"
#include "tools/render/render.h"
#include "tools/render/subgraph.h"

namespace geokg::tools {

namespace {

constexpr std::string_view kCmd = "dot";

// Parses a non-negative integer flag; false (after printing) when malformed.
bool ParseCount(const ParsedArgs& args, std::string_view flag, size_t fallback, size_t max, size_t* value,
                int* exit_code) {
  *value = fallback;
  if (!args.Has(flag)) return true;
  std::string text = args.Get(flag);
  size_t parsed = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), parsed);
  if (ec != std::errc() || end != text.data() + text.size() || parsed > max) {
    *exit_code = Fail(
        kCmd,
        std::string(flag) + " wants a whole number up to " + std::to_string(max) + ", not '" + text + "'", 1);
    return false;
  }
  *value = parsed;
  return true;
}

}  // namespace

int RunDot(const ParsedArgs& args) {
  if (!args.Has("--db")) return Fail(kCmd, "--db DIR is required", 1);
  if (args.Has("--around") && args.Has("--query")) {
    return Fail(kCmd, "use --around or --query, not both", 1);
  }

  SelectFilter filter;
  filter.all_modalities = args.Has("--all-modalities");
  if (Status s = ParseTypeList(args.Get("--types"), &filter.types); !s.ok()) {
    return Fail(kCmd, s.message(), 1);
  }
  if (Status s = ParseKindList(args.Get("--kinds"), &filter.kinds); !s.ok()) {
    return Fail(kCmd, s.message(), 1);
  }
  int rc = 0;
  size_t depth = 1, min_count = 1, max_nodes = kDefaultMaxNodes;
  if (!ParseCount(args, "--depth", 1, 10, &depth, &rc) ||
      !ParseCount(args, "--min-count", 1, UINT32_MAX, &min_count, &rc) ||
      !ParseCount(args, "--max-nodes", kDefaultMaxNodes, SIZE_MAX, &max_nodes, &rc)) {
    return rc;
  }
  filter.min_count = static_cast<uint32_t>(min_count);
  if (max_nodes == 0 || max_nodes > kHardMaxNodes) {
    return Fail(kCmd,
                "--max-nodes must be between 1 and " + std::to_string(kHardMaxNodes) +
                    " (a larger diagram cannot be read); narrow it with --around, --depth, "
                    "--types, --kinds or --min-count",
                1);
  }

  RenderOptions options;
  options.all_modalities = filter.all_modalities;
  std::string output = args.Get("-o");
  if (!output.empty()) {
    auto format = FormatForPath(output);
    if (!format) {
      return Fail(kCmd, output + ": unknown diagram format (use .dot, .gv, .svg, .png or .pdf)", 1);
    }
    options.format = *format;
  }

  std::unique_ptr<graph::Store> store;
  if (int open_rc = OpenStoreReadOnly(kCmd, args, &store); open_rc != 0) return open_rc;
  graph::GraphData data;
  if (Status s = store->LoadGraph(&data); !s.ok()) return Fail(kCmd, s.message(), s.ExitCode());
  std::shared_ptr<const graph::GraphView> view = graph::GraphView::Build(std::move(data));

  Subgraph subgraph;
  std::vector<graph::VertexIndex> seeds;
  if (args.Has("--around")) {
    if (Status s = ResolveName(*view, args.Get("--around"), &seeds, LexiconCanonicalName()); !s.ok()) {
      return Fail(kCmd, s.message(), 1);
    }
    subgraph = Around(*view, seeds, static_cast<int>(depth), filter);
  } else if (args.Has("--query")) {
    std::string text = args.Get("--query");
    query::QueryOptions query_options;
    query_options.canonical_name = LexiconCanonicalName();
    if (filter.all_modalities) query_options.modalities.fill(true);
    query::ResultSet result;
    query::QueryError error;
    if (!query::RunQuery(*view, text, query_options, &result, &error)) {
      return Fail(kCmd, error.Format(text), error.line == 0 ? 2 : 1);
    }
    if (result.truncated && !result.note.empty()) {
      std::cerr << "geokg dot: " << result.note << "\n";
    }
    subgraph = FromResult(*view, result, filter);
    if (subgraph.vertices.empty()) {
      std::cerr << "geokg dot: the query returned no nodes, relationships or paths to draw\n";
    }
  } else {
    subgraph = Everything(*view, filter);
  }

  CutReport report;
  if (Status s = Cut(*view, seeds, max_nodes, filter.all_modalities, &subgraph, &report); !s.ok()) {
    return Fail(kCmd, s.message(), s.ExitCode());
  }
  if (report.cut()) {
    std::cerr << "geokg dot: " << report.Describe() << "; raise --max-nodes (at most " << kHardMaxNodes
              << ") or narrow with --depth, --types, --kinds, --min-count\n";
  }

  options.evidence = StoreEvidenceLookup(*store, *view);
  if (output.empty()) {
    std::string dot;
    if (Status s = Render(*view, subgraph, options, &dot); !s.ok()) {
      return Fail(kCmd, s.message(), s.ExitCode());
    }
    std::cout << dot;
    std::cout.flush();
    return std::cout ? 0 : Fail(kCmd, "cannot write to stdout", 2);
  }
  if (Status s = RenderToFile(*view, subgraph, options, output); !s.ok()) {
    return Fail(kCmd, s.message(), s.ExitCode());
  }
  return 0;
}

}  // namespace geokg::tools
