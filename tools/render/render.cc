#include "tools/render/render.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <tuple>
#include <unordered_map>

#include "graph/ids.h"
#include "graph/ontology.h"

namespace geokg::tools {

using graph::EdgeIndex;
using graph::EntityKind;
using graph::GraphView;
using graph::VertexIndex;

namespace {

// One row per EntityKind, in enum order.
constexpr std::array<KindStyle, graph::kEntityKindCount> kKindStyles = {{
    {"box", "#9ecae1", "filled"},             // country
    {"ellipse", "#fdd49e", "filled"},         // person
    {"octagon", "#fb9a99", "filled"},         // armed-group
    {"hexagon", "#a1d99b", "filled"},         // military-unit
    {"house", "#bcbddc", "filled"},           // government-body
    {"doubleoctagon", "#c7e9c0", "filled"},   // international-org
    {"box", "#d9d9d9", "rounded,filled"},     // organization
    {"parallelogram", "#ffffcc", "filled"},   // location
    {"tab", "#fdae6b", "filled"},             // facility
    {"note", "#e5f5f9", "filled"},            // media
    {"ellipse", "#f0f0f0", "dashed,filled"},  // group
}};

constexpr size_t kMaxTooltipAliases = 20;
// Neither side of a laid-out drawing longer than this many times the other.
constexpr double kMaxAspect = 4.0;
// The least time the fallback layout (sfdp) is given.
constexpr double kFallbackSeconds = 10.0;
constexpr size_t kMaxTooltipChars = 2000;

// GraphViz keeps process-wide state; one context, one caller at a time.
std::mutex& GraphvizMutex() {
  static std::mutex mu;
  return mu;
}

std::string& LastGraphvizError() {
  static std::string error;
  return error;
}

int CaptureGraphvizError(char* message) {
  LastGraphvizError() += message;
  return 0;
}

GVC_t* SharedContext() {
  static GVC_t* gvc = [] {
    agseterr(AGERR);  // warnings are not the user's business
    agseterrf(CaptureGraphvizError);
    return gvContext();
  }();
  return gvc;
}

char* C(const std::string& s) { return const_cast<char*>(s.c_str()); }
char* C(const char* s) { return const_cast<char*>(s); }

void Set(void* object, const char* name, const std::string& value) {
  agsafeset(object, C(name), C(value), C(""));
}

// GraphViz interprets backslash sequences (\N, \n, \l) in labels and
// tooltips; a literal backslash is written as two.
std::string EscapeBackslashes(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// Tooltips are unescaped (\\ -> \) and then substituted (\N -> node name,
// \G, \E, \T, \H, \L), so a backslash before one of those letters also gets
// a zero-width space after it to stay literal.
std::string EscapeTooltip(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    out += text[i];
    if (text[i] != '\\') continue;
    out += '\\';
    if (i + 1 < text.size() && std::string_view("GNETHL").find(text[i + 1]) != std::string_view::npos) {
      out += "\u200B";
    }
  }
  return out;
}

// Control characters (newlines, tabs, NUL) as spaces.
std::string WithoutControls(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  }
  return out;
}

// Cuts UTF-8 text to at most max_bytes bytes at a code point boundary.
std::string CutUtf8(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return std::string(text.substr(0, end)) + "…";
}

std::string Tooltip(const graph::Entity& entity) {
  std::string tip = CutUtf8(WithoutControls(entity.name), kMaxTooltipChars);
  tip += "\nkind: ";
  tip += graph::NameOf(entity.kind);
  if (!entity.aliases.empty()) {
    tip += "\naliases: ";
    size_t shown = std::min(entity.aliases.size(), kMaxTooltipAliases);
    for (size_t i = 0; i < shown; ++i) {
      if (i > 0) tip += ", ";
      tip += CutUtf8(WithoutControls(entity.aliases[i]), 200);
    }
    if (shown < entity.aliases.size()) {
      tip += ", … (" + std::to_string(entity.aliases.size()) + " in all)";
    }
  }
  return EscapeTooltip(tip);
}

std::string EdgeTooltip(const GraphView& view, EdgeIndex e, const RenderOptions& options) {
  const graph::EdgeData& d = view.edge(e);
  std::string tip = CutUtf8(WithoutControls(view.entity(d.source).name), 200) + " -[" +
                    std::string(graph::NameOf(d.type)) + "]-> " +
                    CutUtf8(WithoutControls(view.entity(d.target).name), 200);
  std::string counts;
  for (int m = 0; m < graph::kModalityCount; ++m) {
    if (d.counts[m] == 0) continue;
    if (!counts.empty()) counts += ", ";
    counts += std::to_string(d.counts[m]) + " " + std::string(graph::NameOf(static_cast<graph::Modality>(m)));
  }
  tip += "\nevidence: " + counts;
  if (options.evidence) {
    std::string sentence = options.evidence(e);
    if (!sentence.empty()) tip += "\n" + CutUtf8(WithoutControls(sentence), kMaxTooltipChars);
  }
  return EscapeTooltip(tip);
}

std::string FormatWidth(uint32_t count) {
  double width = 1.0 + 1.5 * std::log2(std::max<uint32_t>(count, 1));
  width = std::min(width, 8.0);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", width);
  return buf;
}

// Returns a node name not yet used in g, starting from `wanted`.
std::string FreshNodeName(Agraph_t* g, std::string wanted, const std::string& suffix) {
  while (agnode(g, C(wanted), 0) != nullptr) wanted += suffix;
  return wanted;
}

// cgraph writes DOT through its I/O discipline; this one appends to the
// std::string passed as the channel.
int AppendToString(void* channel, const char* text) {
  static_cast<std::string*>(channel)->append(text);
  return 0;
}
int FlushNothing(void*) { return 0; }

Agdisc_t* StringWriterDisc() {
  static Agiodisc_t io = {AgIoDisc.afread, AppendToString, FlushNothing};
  static Agdisc_t disc = {&AgMemDisc, &AgIdDisc, &io};
  return &disc;
}

struct GraphCloser {
  void operator()(Agraph_t* g) const { agclose(g); }
};

// Edge colours by family (Okabe-Ito, distinguishable with the common colour
// vision deficiencies), and a darker shade of each for label text.
struct FamilyStyle {
  const char* color;
  const char* fontcolor;
};
constexpr std::array<FamilyStyle, kEdgeFamilyCount> kFamilyStyles = {{
    {"#D55E00", "#A04000"},  // material conflict: vermillion
    {"#E69F00", "#9A6A00"},  // verbal conflict: orange
    {"#0072B2", "#005080"},  // cooperation: blue
    {"#009E73", "#00704F"},  // aid: bluish green
    {"#BBBBBB", "#888888"},  // structural: light grey
}};

// Text for an HTML-like label: &, <, > and " escaped, control characters as
// spaces.
std::string Html(std::string_view text) {
  std::string out;
  for (char c : WithoutControls(text)) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

// One drawn edge: the relations of one family between one pair, in one
// direction (or both, for symmetric types).
struct EdgeGroup {
  VertexIndex source, target;
  EdgeFamily family;
  bool symmetric;
  std::vector<EdgeIndex> edges;  // by descending count, then type
  uint32_t count = 0;            // evidence (as counted for the width)
  bool asserted = false;
};

std::vector<EdgeGroup> GroupEdges(const GraphView& view, std::vector<EdgeIndex> edges, bool all_modalities) {
  std::map<std::tuple<VertexIndex, VertexIndex, EdgeFamily, bool>, EdgeGroup> groups;
  for (EdgeIndex e : edges) {
    const graph::EdgeData& d = view.edge(e);
    const bool symmetric = graph::InfoOf(d.type).symmetric;
    VertexIndex a = d.source, b = d.target;
    if (symmetric && b < a) std::swap(a, b);
    EdgeGroup& g = groups[{a, b, FamilyOf(d.type), symmetric}];
    if (g.edges.empty()) g = EdgeGroup{a, b, FamilyOf(d.type), symmetric, {}, 0, false};
    g.edges.push_back(e);
    g.count += EdgeCount(d, all_modalities);
    g.asserted |= d.counts[static_cast<int>(graph::Modality::kAsserted)] > 0;
  }
  std::vector<EdgeGroup> out;
  out.reserve(groups.size());
  for (auto& [key, g] : groups) {
    std::sort(g.edges.begin(), g.edges.end(), [&](EdgeIndex x, EdgeIndex y) {
      const uint32_t cx = EdgeCount(view.edge(x), all_modalities), cy = EdgeCount(view.edge(y), all_modalities);
      if (cx != cy) return cx > cy;
      return graph::NameOf(view.edge(x).type) < graph::NameOf(view.edge(y).type);
    });
    out.push_back(std::move(g));
  }
  return out;
}

// "attacked ×3, killed": the group's types with their counts.
std::string GroupLabel(const GraphView& view, const EdgeGroup& g, bool all_modalities) {
  std::string label;
  for (EdgeIndex e : g.edges) {
    const graph::EdgeData& d = view.edge(e);
    if (!label.empty()) label += ", ";
    label += graph::NameOf(d.type);
    const uint32_t n = EdgeCount(d, all_modalities);
    if (n > 1) label += " \u00d7" + std::to_string(n);
  }
  return label;
}

// The title block: title, figures and caption on the left, the legend on
// the right, as one HTML-like table.
// Text wrapped at spaces into lines of at most about `width` code points,
// as HTML-like label lines.
std::string WrapHtml(std::string_view text, size_t width) {
  std::string out, line;
  size_t line_points = 0;
  auto points = [](std::string_view w) {
    size_t n = 0;
    for (char c : w) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
  };
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view word = text.substr(start, end - start);
    if (line_points > 0 && line_points + 1 + points(word) > width) {
      out += Html(line) + "<br align=\"left\"/>";
      line.clear();
      line_points = 0;
    }
    if (line_points > 0) {
      line += ' ';
      ++line_points;
    }
    line += word;
    line_points += points(word);
    start = end + 1;
  }
  return out + Html(line);
}

std::string TitleBlock(const RenderOptions& options, const std::array<bool, graph::kEntityKindCount>& kinds,
                       const std::array<bool, kEdgeFamilyCount>& families, bool dashed, bool labels_cut) {
  std::vector<std::string> lines;
  if (!options.title.empty())
    lines.push_back("<font point-size=\"14\"><b>" + WrapHtml(CutUtf8(options.title, 300), 70) + "</b></font>");
  if (!options.figures.empty())
    lines.push_back("<font point-size=\"10\" color=\"#444444\">" + Html(options.figures) + "</font>");
  if (!options.caption.empty())
    lines.push_back("<font point-size=\"10\" color=\"#444444\"><i>" + WrapHtml(CutUtf8(options.caption, 500), 100) +
                    "</i></font>");
  std::string legend;
  if (options.legend) {
    // Kinds, four to a row, as swatches; then the edge families present.
    std::vector<std::string> cells;
    for (const graph::KindInfo& info : graph::AllKinds()) {
      if (!kinds[static_cast<int>(info.kind)]) continue;
      const KindStyle& style = KindStyleOf(info.kind);
      cells.push_back("<td bgcolor=\"" + std::string(style.fillcolor) + "\" border=\"1\" color=\"#999999\">" +
                      std::string(info.name) + "</td>");
    }
    std::vector<std::string> edge_cells;
    for (int f = 0; f < kEdgeFamilyCount; ++f) {
      if (!families[f]) continue;
      edge_cells.push_back("<td align=\"left\"><font color=\"" + std::string(kFamilyStyles[f].color) +
                           "\">\u2501\u2501</font> " + std::string(NameOf(static_cast<EdgeFamily>(f))) + "</td>");
    }
    if (dashed) edge_cells.push_back("<td align=\"left\"><font color=\"#888888\">\u254c\u254c</font> not asserted</td>");
    if (labels_cut)
      edge_cells.push_back("<td align=\"left\">labels on the " + std::to_string(options.max_edge_labels) +
                           " most evidenced edges</td>");
    auto rows = [](const std::vector<std::string>& items, size_t per_row) {
      std::string out;
      for (size_t i = 0; i < items.size(); i += per_row) {
        out += "<tr>";
        for (size_t j = i; j < std::min(items.size(), i + per_row); ++j) out += items[j];
        out += "</tr>";
      }
      return out;
    };
    if (!cells.empty() || !edge_cells.empty()) {
      legend = "<table border=\"0\" cellborder=\"0\" cellspacing=\"2\" cellpadding=\"2\"><tr><td>"
               "<table border=\"0\" cellspacing=\"2\" cellpadding=\"2\">" +
               rows(cells, 4) + "</table></td></tr><tr><td><table border=\"0\" cellspacing=\"1\" cellpadding=\"1\">" +
               rows(edge_cells, 3) + "</table></td></tr></table>";
      if (cells.empty() || edge_cells.empty())
        legend = "<table border=\"0\" cellspacing=\"2\" cellpadding=\"2\">" + rows(cells.empty() ? edge_cells : cells, 4) +
                 "</table>";
    }
  }
  if (lines.empty() && legend.empty()) return "";
  std::string text;
  for (const std::string& line : lines) text += "<tr><td align=\"left\" balign=\"left\">" + line + "</td></tr>";
  std::string block = "<table border=\"0\" cellborder=\"0\" cellspacing=\"0\" cellpadding=\"2\"><tr>";
  if (!text.empty())
    block += "<td valign=\"top\" align=\"left\"><table border=\"0\" cellborder=\"0\" cellspacing=\"0\" "
             "cellpadding=\"1\">" + text + "</table></td>";
  if (!legend.empty()) block += "<td valign=\"top\" align=\"left\">" + legend + "</td>";
  return block + "</tr></table>";
}

// Builds the cgraph graph; the caller owns it.
Status Build(const GraphView& view, const Subgraph& subgraph, const RenderOptions& options,
             std::unique_ptr<Agraph_t, GraphCloser>* out, size_t* edges_drawn) {
  std::unique_ptr<Agraph_t, GraphCloser> g(agopen(C("geokg"), Agdirected, StringWriterDisc()));
  if (!g) return Status::Internal("GraphViz could not create a graph: " + LastGraphvizError());
  Agraph_t* root = g.get();

  // Defaults first, so the output lists them in a fixed order.
  agattr(root, AGRAPH, C("rankdir"), C(options.rankdir.empty() ? "LR" : options.rankdir.c_str()));
  agattr(root, AGRAPH, C("fontname"), C("Helvetica"));
  agattr(root, AGRAPH, C("fontsize"), C("10"));
  agattr(root, AGRAPH, C("labelloc"), C("t"));
  agattr(root, AGRAPH, C("labeljust"), C("l"));
  agattr(root, AGRAPH, C("outputorder"), C("edgesfirst"));
  agattr(root, AGRAPH, C("nodesep"), C("0.3"));
  agattr(root, AGRAPH, C("label"), C(""));
  agattr(root, AGNODE, C("fontname"), C("Helvetica"));
  agattr(root, AGNODE, C("fontsize"), C("10"));
  agattr(root, AGNODE, C("shape"), C("ellipse"));
  agattr(root, AGNODE, C("style"), C("filled"));
  agattr(root, AGNODE, C("fillcolor"), C("white"));
  agattr(root, AGNODE, C("color"), C("#555555"));
  agattr(root, AGNODE, C("penwidth"), C("1"));
  agattr(root, AGNODE, C("label"), C("\\N"));
  agattr(root, AGNODE, C("tooltip"), C(""));
  agattr(root, AGEDGE, C("fontname"), C("Helvetica"));
  agattr(root, AGEDGE, C("fontsize"), C("8"));
  agattr(root, AGEDGE, C("fontcolor"), C("#444444"));
  agattr(root, AGEDGE, C("label"), C(""));
  agattr(root, AGEDGE, C("penwidth"), C("1"));
  agattr(root, AGEDGE, C("arrowsize"), C("0.7"));
  agattr(root, AGEDGE, C("style"), C("solid"));
  agattr(root, AGEDGE, C("color"), C("#444444"));
  agattr(root, AGEDGE, C("dir"), C("forward"));
  agattr(root, AGEDGE, C("tooltip"), C(""));

  std::vector<VertexIndex> vertices = subgraph.vertices;
  std::sort(vertices.begin(), vertices.end());
  vertices.erase(std::unique(vertices.begin(), vertices.end()), vertices.end());
  std::sort(vertices.begin(), vertices.end(), [&](VertexIndex a, VertexIndex b) {
    return std::make_pair(view.name(a), view.id(a)) < std::make_pair(view.name(b), view.id(b));
  });

  std::array<bool, graph::kEntityKindCount> kinds_present{};
  std::unordered_map<VertexIndex, Agnode_t*> nodes;
  for (VertexIndex v : vertices) {
    const graph::Entity& entity = view.entity(v);
    std::string id = entity.name;
    if (agnode(root, C(id), 0) != nullptr) {
      id = FreshNodeName(root, id + " #" + graph::IdToHex(entity.id), "'");
    }
    Agnode_t* n = agnode(root, C(id), 1);
    const KindStyle& style = KindStyleOf(entity.kind);
    kinds_present[static_cast<int>(entity.kind)] = true;
    Set(n, "label", EscapeBackslashes(LabelFor(entity.name, options.max_label_chars)));
    Set(n, "shape", std::string(style.shape));
    Set(n, "style", std::string(style.style));
    Set(n, "fillcolor", std::string(style.fillcolor));
    Set(n, "tooltip", Tooltip(entity));
    if (std::find(options.focus.begin(), options.focus.end(), v) != options.focus.end()) {
      Set(n, "penwidth", "3");
      Set(n, "color", "#000000");
      Set(n, "fontname", "Helvetica-Bold");
      Set(n, "fontsize", "12");
    }
    nodes.emplace(v, n);
  }

  std::vector<EdgeIndex> edges = subgraph.edges;
  std::sort(edges.begin(), edges.end());
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  for (EdgeIndex e : edges) {
    const graph::EdgeData& d = view.edge(e);
    if (!nodes.count(d.source) || !nodes.count(d.target)) {
      return Status::InvalidInput("edge " + std::to_string(e) + " has an endpoint outside the subgraph");
    }
  }
  std::vector<EdgeGroup> groups = GroupEdges(view, std::move(edges), options.all_modalities);
  auto group_key = [&](const EdgeGroup& grp) {
    return std::make_tuple(view.name(grp.source), view.name(grp.target),
                           grp.family, grp.symmetric, grp.source, grp.target);
  };
  std::sort(groups.begin(), groups.end(),
            [&](const EdgeGroup& a, const EdgeGroup& b) { return group_key(a) < group_key(b); });
  // The groups that get a label: the most evidenced (ties: drawing order).
  std::vector<char> labelled(groups.size(), 1);
  const bool labels_cut = options.max_edge_labels != 0 && groups.size() > options.max_edge_labels;
  if (labels_cut) {
    std::vector<size_t> order(groups.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return groups[a].count > groups[b].count; });
    std::fill(labelled.begin(), labelled.end(), 0);
    for (size_t i = 0; i < options.max_edge_labels; ++i) labelled[order[i]] = 1;
  }

  std::array<bool, kEdgeFamilyCount> families_present{};
  bool dashed_present = false;
  for (size_t i = 0; i < groups.size(); ++i) {
    const EdgeGroup& grp = groups[i];
    const int f = static_cast<int>(grp.family);
    families_present[f] = true;
    const std::string name = std::string(NameOf(grp.family)) + (grp.symmetric ? " (mutual)" : "");
    Agedge_t* edge = agedge(root, nodes[grp.source], nodes[grp.target], C(name), 1);
    const std::string label = GroupLabel(view, grp, options.all_modalities);
    if (labelled[i]) Set(edge, "label", EscapeBackslashes(label));
    Set(edge, "color", kFamilyStyles[f].color);
    Set(edge, "fontcolor", kFamilyStyles[f].fontcolor);
    Set(edge, "penwidth", grp.family == EdgeFamily::kStructural ? "0.6" : FormatWidth(grp.count));
    if (!grp.asserted) {
      dashed_present = true;
      Set(edge, "style", "dashed");
    }
    if (grp.symmetric) Set(edge, "dir", "none");
    std::string tip;
    for (EdgeIndex e : grp.edges) tip += (tip.empty() ? "" : "\n\n") + EdgeTooltip(view, e, options);
    Set(edge, "tooltip", tip);
  }
  if (edges_drawn != nullptr) *edges_drawn = groups.size();

  if (!vertices.empty()) {
    const std::string block = TitleBlock(options, kinds_present, families_present, dashed_present, labels_cut);
    if (!block.empty()) agset(root, C("label"), agstrdup_html(root, C(block)));
  }
  *out = std::move(g);
  return Status::Ok();
}

}  // namespace

const KindStyle& KindStyleOf(EntityKind kind) { return kKindStyles[static_cast<size_t>(kind)]; }

std::optional<RenderFormat> FormatForPath(std::string_view path) {
  size_t dot = path.rfind('.');
  size_t slash = path.find_last_of('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) {
    return std::nullopt;
  }
  std::string ext(path.substr(dot + 1));
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == "dot" || ext == "gv") return RenderFormat::kDot;
  if (ext == "svg") return RenderFormat::kSvg;
  if (ext == "png") return RenderFormat::kPng;
  if (ext == "pdf") return RenderFormat::kPdf;
  return std::nullopt;
}

std::string_view NameOf(RenderFormat format) {
  switch (format) {
    case RenderFormat::kDot:
      return "dot";
    case RenderFormat::kSvg:
      return "svg";
    case RenderFormat::kPng:
      return "png";
    case RenderFormat::kPdf:
      return "pdf";
  }
  return "dot";
}

std::string LabelFor(std::string_view name, size_t max_chars) {
  std::string text = WithoutControls(name);
  if (max_chars == 0) max_chars = 1;
  size_t points = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (points == max_chars - 1) {
      // Is there more than one code point left?
      size_t rest = 0;
      for (size_t j = i; j < text.size(); ++j) {
        if ((static_cast<unsigned char>(text[j]) & 0xC0) != 0x80) ++rest;
      }
      if (rest > 1) return text.substr(0, i) + "…";
      return text;
    }
    ++points;
  }
  return text;
}

namespace {

// dot's own packing of components (pack, packmode) drops edge labels in
// GraphViz 2.43, and without it dot stacks components one under another, a
// strip when there are many. So the components other than the largest are
// chained into rows by invisible edges (each leads from a node of one to a
// node of the next, one rank further): rows of about the square root of
// their number, under the large component.
void ChainSmallComponents(Agraph_t* g) {
  std::unordered_map<Agnode_t*, Agnode_t*> parent;
  std::function<Agnode_t*(Agnode_t*)> find = [&](Agnode_t* n) {
    while (parent[n] != n) n = parent[n] = parent[parent[n]];
    return n;
  };
  std::vector<Agnode_t*> order;
  for (Agnode_t* n = agfstnode(g); n != nullptr; n = agnxtnode(g, n)) {
    parent[n] = n;
    order.push_back(n);
  }
  for (Agnode_t* n : order)
    for (Agedge_t* e = agfstout(g, n); e != nullptr; e = agnxtout(g, e)) parent[find(agtail(e))] = find(aghead(e));
  std::map<Agnode_t*, std::vector<Agnode_t*>> members;
  for (Agnode_t* n : order) members[find(n)].push_back(n);
  if (members.size() < 3) return;
  std::vector<std::vector<Agnode_t*>*> components;
  for (auto& [root, nodes] : members) components.push_back(&nodes);
  // Largest first; equal sizes in node creation order (by name), so the
  // result stays deterministic.
  std::stable_sort(components.begin(), components.end(), [&](auto* a, auto* b) {
    if (a->size() != b->size()) return a->size() > b->size();
    return AGSEQ(a->front()) < AGSEQ(b->front());
  });
  const size_t small = components.size() - 1;
  const size_t per_row = std::max<size_t>(2, static_cast<size_t>(std::ceil(std::sqrt(small / 2.0))));
  for (size_t i = 1; i + 1 < components.size(); ++i) {
    if ((i - 1) % per_row == per_row - 1) continue;  // a row ends here
    // From the last node (in name order) of one to the first of the next.
    Agedge_t* e = agedge(g, components[i]->back(), components[i + 1]->front(), C("chain"), 1);
    agsafeset(e, C("style"), C("invis"), C("solid"));
    agsafeset(e, C("label"), C(""), C(""));
    agsafeset(e, C("weight"), C("0"), C("1"));
  }
}

// Lays out `g` with `layout` and renders it in `format` into *out, in this
// process. Sets the drawing's size in points.
Status LayOutAndRender(GVC_t* gvc, Agraph_t* g, const std::string& layout, const char* format, size_t node_count,
                       std::string* out, size_t* width, size_t* height) {
  if (layout == "dot" && node_count > kFullDotNodes) {
    // Bounded mincross and network simplex: a 1,000-node neighbourhood lays
    // out in seconds instead of minutes, at some cost in crossings.
    Set(g, "mclimit", "0.1");
    Set(g, "nslimit", "1");
    Set(g, "nslimit1", "1");
    Set(g, "searchsize", "10");
  }
  if (layout == "dot") {
    ChainSmallComponents(g);
  } else {
    // Room for the labels, which these engines put at the middle of an edge
    // without making space for them: no node overlaps, a margin around nodes,
    // longer springs (fdp, sfdp).
    Set(g, "overlap", "prism");
    Set(g, "sep", "+12");
    Set(g, "splines", "true");
    Set(g, "K", "1.6");
    Set(g, "pack", "16");
    Set(g, "packmode", "graph");
  }
  if (gvLayout(gvc, g, C(layout)) != 0) return Status::Internal("GraphViz layout failed: " + LastGraphvizError());
  boxf bb = GD_bb(g);
  double w = std::max(1.0, bb.UR.x - bb.LL.x), h = std::max(1.0, bb.UR.y - bb.LL.y);
  // A strip no page holds is stretched along its short side (GraphViz
  // scales positions, not text) until it is within kMaxAspect. The title
  // block is not stretched, so a wide one may take a second try.
  double ratio = w > h ? 1.0 / (kMaxAspect - 0.5) : kMaxAspect - 0.5;
  for (int attempt = 0; attempt < 3 && (w > kMaxAspect * h || h > kMaxAspect * w); ++attempt) {
    gvFreeLayout(gvc, g);
    char text[32];
    std::snprintf(text, sizeof text, "%.4f", ratio);
    Set(g, "ratio", text);
    if (gvLayout(gvc, g, C(layout)) != 0) return Status::Internal("GraphViz layout failed: " + LastGraphvizError());
    bb = GD_bb(g);
    w = std::max(1.0, bb.UR.x - bb.LL.x);
    h = std::max(1.0, bb.UR.y - bb.LL.y);
    ratio *= w > h ? (w / h) / (kMaxAspect - 0.5) : (kMaxAspect - 0.5) / (h / w);
  }
  *width = static_cast<size_t>(w);
  *height = static_cast<size_t>(h);
  char* data = nullptr;
  unsigned int length = 0;
  int rc = gvRenderData(gvc, g, C(format), &data, &length);
  if (rc == 0 && data != nullptr) out->assign(data, length);
  if (data != nullptr) gvFreeRenderData(data);
  gvFreeLayout(gvc, g);
  if (rc != 0) return Status::Internal("GraphViz could not render " + std::string(format) + ": " + LastGraphvizError());
  return Status::Ok();
}

bool WriteAll(int fd, const char* data, size_t size) {
  while (size > 0) {
    ssize_t n = write(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

// LayOutAndRender in a child process, stopped after `seconds`. *timed_out
// tells a stop from a failure. The child writes a status byte, the width and
// height, then the bytes or the error message.
Status LayOutInChild(GVC_t* gvc, Agraph_t* g, const std::string& layout, const char* format, size_t node_count,
                     double seconds, std::string* out, size_t* width, size_t* height, bool* timed_out) {
  *timed_out = false;
  int fds[2];
  if (pipe(fds) != 0) return Status::Internal(std::string("cannot start the layout: ") + std::strerror(errno));
  std::fflush(nullptr);
  const pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    return Status::Internal(std::string("cannot start the layout: ") + std::strerror(errno));
  }
  if (pid == 0) {
    close(fds[0]);
    std::string bytes;
    size_t w = 0, h = 0;
    Status s = LayOutAndRender(gvc, g, layout, format, node_count, &bytes, &w, &h);
    const char ok = s.ok() ? 1 : 0;
    uint64_t dims[2] = {w, h};
    const std::string& payload = s.ok() ? bytes : s.message();
    const bool written = WriteAll(fds[1], &ok, 1) &&
                         WriteAll(fds[1], reinterpret_cast<const char*>(dims), sizeof dims) &&
                         WriteAll(fds[1], payload.data(), payload.size());
    _exit(written ? 0 : 1);
  }
  close(fds[1]);
  std::string received;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  char buf[1 << 16];
  bool eof = false;
  while (!eof) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      *timed_out = true;
      break;
    }
    pollfd p{fds[0], POLLIN, 0};
    int ready = poll(&p, 1, static_cast<int>(std::min<int64_t>(left.count(), 1000)));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) continue;
    ssize_t n = read(fds[0], buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      eof = true;
    } else {
      received.append(buf, static_cast<size_t>(n));
    }
  }
  close(fds[0]);
  if (*timed_out) kill(pid, SIGKILL);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (*timed_out) return Status::Internal("layout took too long");
  constexpr size_t kHeader = 1 + 2 * sizeof(uint64_t);
  if (received.size() < kHeader)
    return Status::Internal("GraphViz stopped during layout (" +
                            std::string(WIFSIGNALED(status) ? strsignal(WTERMSIG(status)) : "no output") + ")");
  uint64_t dims[2];
  std::memcpy(dims, received.data() + 1, sizeof dims);
  *width = dims[0];
  *height = dims[1];
  if (received[0] != 1) return Status::Internal(received.substr(kHeader));
  out->assign(received, kHeader);
  return Status::Ok();
}

}  // namespace

Status Render(const GraphView& view, const Subgraph& subgraph, const RenderOptions& options, std::string* out,
              RenderReport* report) {
  std::lock_guard<std::mutex> lock(GraphvizMutex());
  LastGraphvizError().clear();
  GVC_t* gvc = SharedContext();
  if (gvc == nullptr) return Status::Internal("GraphViz context could not be created");
  if (!options.layout.empty() &&
      std::find(std::begin(kLayoutEngines), std::end(kLayoutEngines), options.layout) == std::end(kLayoutEngines))
    return Status::InvalidInput("unknown layout '" + options.layout + "' (dot, neato, fdp, sfdp, circo, twopi)");
  static constexpr std::string_view kRankdirs[] = {"LR", "RL", "TB", "BT"};
  if (std::find(std::begin(kRankdirs), std::end(kRankdirs), options.rankdir) == std::end(kRankdirs))
    return Status::InvalidInput("unknown rank direction '" + options.rankdir + "' (LR, RL, TB, BT)");

  RenderReport local;
  std::unique_ptr<Agraph_t, GraphCloser> g;
  Status status = Build(view, subgraph, options, &g, &local.edges_drawn);
  if (!status.ok()) return status;

  if (options.format == RenderFormat::kDot) {
    // Without layout: the graph as built, in cgraph's canonical DOT.
    out->clear();
    if (agwrite(g.get(), out) != 0) {
      return Status::Internal("GraphViz could not write DOT: " + LastGraphvizError());
    }
    if (report != nullptr) *report = local;
    return Status::Ok();
  }
  const size_t node_count = subgraph.vertices.size();
  std::string layout = options.layout;
  if (layout.empty()) layout = node_count <= kLimitedDotNodes ? "dot" : "sfdp";
  const char* format = options.format == RenderFormat::kSvg   ? "svg"
                       : options.format == RenderFormat::kPng ? "png"
                                                              : "pdf";
  const auto start = std::chrono::steady_clock::now();
  if (options.layout_timeout_seconds <= 0) {
    status = LayOutAndRender(gvc, g.get(), layout, format, node_count, out, &local.width_points,
                             &local.height_points);
  } else {
    bool timed_out = false;
    status = LayOutInChild(gvc, g.get(), layout, format, node_count, options.layout_timeout_seconds, out,
                           &local.width_points, &local.height_points, &timed_out);
    if (timed_out && layout != "sfdp") {
      local.fallback_from = layout;
      layout = "sfdp";
      // sfdp gets at least kFallbackSeconds: on the sizes Cut allows it needs a few.
      status = LayOutInChild(gvc, g.get(), layout, format, node_count,
                             std::max(options.layout_timeout_seconds, kFallbackSeconds), out, &local.width_points,
                             &local.height_points, &timed_out);
    }
    if (timed_out)
      return Status::Internal("the " + layout + " layout did not finish within " +
                              FormatSeconds(local.fallback_from.empty()
                                                ? options.layout_timeout_seconds
                                                : std::max(options.layout_timeout_seconds, kFallbackSeconds)) +
                              "; draw fewer nodes (--max-nodes, --depth, --types, --min-count)");
  }
  if (!status.ok()) return status;
  local.layout = layout;
  local.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (report != nullptr) *report = local;
  return Status::Ok();
}

std::string FormatSeconds(double seconds) {
  char buf[32];
  std::snprintf(buf, sizeof buf, seconds < 10 ? "%.1f s" : "%.0f s", seconds);
  return buf;
}

Status RenderToFile(const GraphView& view, const Subgraph& subgraph, const RenderOptions& options,
                    const std::string& path, RenderReport* report) {
  std::string bytes;
  Status status = Render(view, subgraph, options, &bytes, report);
  if (!status.ok()) return status;
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  // The path is the user's input: one that cannot be created is a usage
  // error; a write that fails after (a full disk) is a storage error.
  if (!file) return Status::InvalidInput(path + ": cannot open for writing: " + std::strerror(errno));
  file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  file.close();
  if (!file) return Status::Storage(path + ": write failed: " + std::strerror(errno));
  return Status::Ok();
}

}  // namespace geokg::tools
