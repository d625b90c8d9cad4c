// geokg dot: draw part of the graph (a neighbourhood, a query's result, or
// everything) with GraphViz, as DOT on stdout or into a .dot/.svg/.png/.pdf.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <iostream>

#include "graph/date.h"
#include "graph/ontology.h"
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
  // Structural ties (member-of, located-in, ...) only when asked for, or
  // when a query returns them.
  filter.hide_structural = !args.Has("--query");
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

  graph::Date from = 0, to = 0;
  for (const char* flag : {"--from", "--to"}) {
    if (!args.Has(flag)) continue;
    graph::Date d = graph::ParseIsoDate(args.Get(flag));
    if (d == 0) return Fail(kCmd, std::string(flag) + ": expected a date YYYY-MM-DD, got '" + args.Get(flag) + "'", 1);
    (std::string_view(flag) == "--from" ? from : to) = d;
  }
  if (from != 0 && to != 0 && from > to) return Fail(kCmd, "--from is after --to: the window is empty", 1);

  RenderOptions options;
  options.all_modalities = filter.all_modalities;
  options.legend = !args.Has("--no-legend");
  if (args.Has("--layout")) {
    options.layout = args.Get("--layout");
    if (std::find(std::begin(kLayoutEngines), std::end(kLayoutEngines), options.layout) == std::end(kLayoutEngines))
      return Fail(kCmd, "--layout: unknown engine '" + options.layout + "' (dot, neato, fdp, sfdp, circo, twopi)", 1);
  }
  if (args.Has("--rankdir")) {
    options.rankdir = args.Get("--rankdir");
    for (char& c : options.rankdir) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (options.rankdir != "LR" && options.rankdir != "RL" && options.rankdir != "TB" && options.rankdir != "BT")
      return Fail(kCmd, "--rankdir: expected LR, RL, TB or BT, not '" + args.Get("--rankdir") + "'", 1);
  }
  if (args.Has("--layout-timeout")) {
    const std::string value = args.Get("--layout-timeout");
    size_t used = 0;
    double seconds = -1;
    try {
      seconds = std::stod(value, &used);
    } catch (...) {
      used = 0;
    }
    if (used == 0 || used != value.size() || !(seconds >= 0) || seconds > 86400)
      return Fail(kCmd, "--layout-timeout: expected seconds from 0 (no limit) to 86400, got '" + value + "'", 1);
    options.layout_timeout_seconds = seconds;
  }
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
  std::shared_ptr<const graph::GraphView> view;
  if (from != 0 || to != 0) {
    // The relations as their evidence inside the window makes them.
    graph::GraphData data;
    if (Status s = store->LoadGraph(&data); !s.ok()) return Fail(kCmd, s.message(), s.ExitCode());
    data.relations.clear();
    Status s = store->WindowedRelations(from, to, [&](const graph::RelationSummary& r) { data.relations.push_back(r); });
    if (!s.ok()) return Fail(kCmd, s.message(), s.ExitCode());
    view = graph::GraphView::Build(std::move(data));
  } else if (Status s = store->LoadView(&view); !s.ok()) {
    return Fail(kCmd, s.message(), s.ExitCode());
  }

  Subgraph subgraph;
  std::vector<graph::VertexIndex> seeds;
  if (args.Has("--around")) {
    if (Status s = ResolveName(*view, args.Get("--around"), &seeds, LexiconCanonicalName()); !s.ok()) {
      return Fail(kCmd, s.message(), 1);
    }
    subgraph = Around(*view, seeds, static_cast<int>(depth), filter);
    options.focus = seeds;
    options.title = "Around " + view->entity(seeds[0]).name + (depth == 1 ? "" : " (" + std::to_string(depth) + " hops)");
  } else if (args.Has("--query")) {
    std::string text = args.Get("--query");
    query::QueryOptions query_options;
    query_options.canonical_name = LexiconCanonicalName();
    if (filter.all_modalities) query_options.modalities.fill(true);
    query::ResultSet result;
    query::QueryError error;
    if (!query::RunQuery(*view, text, query_options, &result, &error)) {
      std::cerr << "geokg " << kCmd << ": " << error.Format(text) << "\n";  // the query line and ^^^ under it
      return error.line == 0 ? 2 : 1;
    }
    if (result.truncated && !result.note.empty()) {
      std::cerr << "geokg dot: " << result.note << "\n";
    }
    subgraph = FromResult(*view, result, filter);
    options.title = text.size() > 160 ? LabelFor(text, 160) : text;
    if (subgraph.vertices.empty()) {
      std::cerr << "geokg dot: the query returned no nodes, relationships or paths to draw\n";
    }
  } else {
    subgraph = Everything(*view, filter);
    options.title = "All relations";
  }
  if (!filter.types.empty()) {
    std::string types;
    for (graph::RelationType t : filter.types) types += (types.empty() ? "" : ", ") + std::string(graph::NameOf(t));
    options.title += ": " + types;
  }
  if (args.Has("--title")) options.title = args.Get("--title");
  if (args.Has("--caption")) options.caption = args.Get("--caption");

  CutReport report;
  if (Status s = Cut(*view, seeds, max_nodes, filter.all_modalities, &subgraph, &report); !s.ok()) {
    return Fail(kCmd, s.message(), s.ExitCode());
  }
  if (report.cut()) {
    std::cerr << "geokg dot: " << report.Describe() << "; raise --max-nodes (at most " << kHardMaxNodes
              << ") or narrow with --depth, --types, --kinds, --min-count\n";
  }

  options.evidence = StoreEvidenceLookup(*store, *view, from, to);
  {
    size_t documents = 0;
    if (Status s = CountDocuments(*store, *view, subgraph.edges, filter.all_modalities, from, to, &documents); !s.ok())
      return Fail(kCmd, s.message(), s.ExitCode());
    std::string window = from == 0 && to == 0 ? "all dates"
                         : (from ? graph::FormatDate(from) : std::string("…")) + " to " +
                               (to ? graph::FormatDate(to) : std::string("…"));
    options.figures = window + " \u00b7 " + std::to_string(documents) + (documents == 1 ? " document" : " documents") +
                      " \u00b7 " + std::to_string(subgraph.edges.size()) +
                      (subgraph.edges.size() == 1 ? " relation" : " relations") + " \u00b7 " +
                      (filter.all_modalities ? "all modalities" : "asserted evidence");
    if (report.cut()) options.figures += " \u00b7 cut to " + std::to_string(subgraph.vertices.size()) + " nodes";
    if (filter.hide_structural && filter.types.empty()) options.figures += " \u00b7 structural ties hidden";
  }
  if (output.empty()) {
    std::string dot;
    if (Status s = Render(*view, subgraph, options, &dot); !s.ok()) {
      return Fail(kCmd, s.message(), s.ExitCode());
    }
    std::cout << dot;
    std::cout.flush();
    return 0;  // main checks stdout
  }
  RenderReport rendered;
  if (Status s = RenderToFile(*view, subgraph, options, output, &rendered); !s.ok()) {
    return Fail(kCmd, s.message(), s.ExitCode());
  }
  if (!rendered.fallback_from.empty()) {
    std::cerr << "geokg dot: the " << rendered.fallback_from << " layout took over "
              << FormatSeconds(options.layout_timeout_seconds) << "; drew it with " << rendered.layout
              << " instead (--layout, --layout-timeout)\n";
  }
  return 0;
}

}  // namespace geokg::tools
