// Render: draws a Subgraph of a GraphView with GraphViz. The graph is built
// through cgraph (agopen/agnode/agedge/agsafeset), so GraphViz does all the
// quoting and escaping of names; gvc lays it out (dot) and renders it.
//
// Style: node shape and fill colour by entity kind (KindStyleOf), edge label =
// relation type, pen width growing with the log of the evidence count,
// dashed edges for relations with no asserted evidence, and a legend cluster
// listing only the kinds and edge styles present. Nodes are created sorted by
// name and edges by (source name, type, target name), so the same subgraph
// gives the same bytes every time.
//
// Names are drawn as given: quotes, backslashes, angle brackets, non-ASCII
// and right-to-left text are safe. Labels replace control characters by
// spaces and are cut to RenderOptions::max_label_chars code points with an
// ellipsis; the full name stays in the node id and the tooltip.
//
// Thread safety: GraphViz keeps global state (error handlers, plugin
// registries); Render serializes its calls with a mutex.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "graph/status.h"
#include "graph/view.h"
#include "tools/render/subgraph.h"

namespace geokg::tools {

enum class RenderFormat { kDot, kSvg, kPng, kPdf };

// ".dot"/".gv" -> kDot, ".svg", ".png", ".pdf" (case-insensitive); nullopt
// for anything else.
std::optional<RenderFormat> FormatForPath(std::string_view path);
std::string_view NameOf(RenderFormat format);

// One evidence sentence for an edge's tooltip ("" for none). Called once per
// drawn edge.
using EvidenceLookup = std::function<std::string(graph::EdgeIndex)>;

struct RenderOptions {
  // DOT is written without layout (cgraph's agwrite); the others
  // are laid out with `layout` first.
  RenderFormat format = RenderFormat::kDot;
  // Pen width and tooltips count every modality instead of asserted only.
  bool all_modalities = false;
  // Supplies edge tooltips; may be empty (tooltips then carry counts only).
  EvidenceLookup evidence;
  // Labels longer than this many code points end in an ellipsis.
  size_t max_label_chars = 48;
  // Add the legend cluster.
  bool legend = true;
  // GraphViz layout engine for svg/png/pdf; "" picks by size: dot for up
  // to kFullDotNodes nodes, dot with bounded crossing minimisation and
  // network simplex up to kLimitedDotNodes, then sfdp (force-directed,
  // seconds instead of minutes for thousands of nodes).
  std::string layout;
};

inline constexpr size_t kFullDotNodes = 150;
inline constexpr size_t kLimitedDotNodes = 1500;

struct KindStyle {
  std::string_view shape;
  std::string_view fillcolor;
  std::string_view style;  // "filled", "rounded,filled", ...
};
const KindStyle& KindStyleOf(graph::EntityKind kind);

// Renders `subgraph` in options.format into *out (bytes; binary for png and
// pdf). Errors: InvalidInput when an edge's endpoint is missing from the
// subgraph vertices, Internal when GraphViz fails (its message included).
Status Render(const graph::GraphView& view, const Subgraph& subgraph, const RenderOptions& options,
              std::string* out);

// Render into the file `path` (format from options). Storage on write errors.
Status RenderToFile(const graph::GraphView& view, const Subgraph& subgraph, const RenderOptions& options,
                    const std::string& path);

// The label text for a name: control characters as spaces, at most
// max_chars code points (the last being "…"). Exposed for tests.
std::string LabelFor(std::string_view name, size_t max_chars);

}  // namespace geokg::tools
