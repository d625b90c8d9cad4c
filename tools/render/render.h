// Render: draws a Subgraph of a GraphView with GraphViz. The graph is built
// through cgraph (agopen/agnode/agedge/agsafeset), so GraphViz does all the
// quoting and escaping of names; gvc lays it out (dot) and renders it.
//
// Style: node shape and fill colour by entity kind (KindStyleOf). Edges are
// grouped by (source, target, family): one drawn edge per pair and family
// (EdgeFamily), coloured by family, its label listing the relation types
// with their counts in the same colour, its pen width growing with the log
// of the evidence count; structural edges are thin and light. Symmetric
// relations are drawn once, without arrowheads; dashed edges have no
// asserted evidence. A title block at the top left holds the title, a line
// of figures, the caption and a compact legend of what is present. The
// focus nodes (RenderOptions::focus) are outlined. Nodes are created sorted
// by name and edges by (source name, target name, family), so the same
// subgraph gives the same bytes every time.
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
#include <vector>

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
  // The legend table in the title block.
  bool legend = true;
  // The title block: a bold title, a line of figures (window, documents,
  // relations), and a free caption; an empty line is left out, and with all
  // three empty and no legend there is no block.
  std::string title, figures, caption;
  // Vertices drawn outlined (the focus of --around).
  std::vector<graph::VertexIndex> focus;
  // Edge labels on at most this many edges, the most evidenced; the others
  // carry their types in the tooltip only. 0: every edge.
  size_t max_edge_labels = 80;
  // GraphViz layout engine for svg/png/pdf: dot, neato, fdp, sfdp, circo or
  // twopi; "" picks by size: dot for up to kFullDotNodes nodes, dot with
  // bounded crossing minimisation and network simplex up to
  // kLimitedDotNodes, then sfdp.
  std::string layout;
  // Rank direction for dot: LR, RL, TB or BT.
  std::string rankdir = "LR";
  // Layout and rendering run in a child process; one that takes longer than
  // this is stopped and the graph laid out with sfdp instead (which, on the
  // sizes Cut allows, finishes in seconds), and RenderReport says so. 0: no
  // limit (and no child process).
  double layout_timeout_seconds = 30;
};

// What Render did, for the user.
struct RenderReport {
  std::string layout;          // the engine that drew the picture
  std::string fallback_from;   // the engine that ran out of time ("" if none)
  double seconds = 0;          // layout and rendering, wall clock
  size_t edges_drawn = 0;      // after grouping
  size_t width_points = 0, height_points = 0;  // the laid-out drawing (not for DOT)
};

inline constexpr std::string_view kLayoutEngines[] = {"dot", "neato", "fdp", "sfdp", "circo", "twopi"};

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
              std::string* out, RenderReport* report = nullptr);

// Render into the file `path` (format from options). Storage on write errors.
Status RenderToFile(const graph::GraphView& view, const Subgraph& subgraph, const RenderOptions& options,
                    const std::string& path, RenderReport* report = nullptr);

// "1.5 s", "30 s".
std::string FormatSeconds(double seconds);

// The label text for a name: control characters as spaces, at most
// max_chars code points (the last being "…"). Exposed for tests.
std::string LabelFor(std::string_view name, size_t max_chars);

}  // namespace geokg::tools
