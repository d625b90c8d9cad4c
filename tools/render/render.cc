#include "tools/render/render.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>
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

// Builds the cgraph graph; the caller owns it.
Status Build(const GraphView& view, const Subgraph& subgraph, const RenderOptions& options,
             std::unique_ptr<Agraph_t, GraphCloser>* out) {
  std::unique_ptr<Agraph_t, GraphCloser> g(agopen(C("geokg"), Agdirected, StringWriterDisc()));
  if (!g) return Status::Internal("GraphViz could not create a graph: " + LastGraphvizError());
  Agraph_t* root = g.get();

  // Defaults first, so the output lists them in a fixed order.
  agattr(root, AGRAPH, C("rankdir"), C("LR"));
  agattr(root, AGRAPH, C("fontname"), C("Helvetica"));
  agattr(root, AGRAPH, C("fontsize"), C("10"));
  agattr(root, AGNODE, C("fontname"), C("Helvetica"));
  agattr(root, AGNODE, C("fontsize"), C("10"));
  agattr(root, AGNODE, C("shape"), C("ellipse"));
  agattr(root, AGNODE, C("style"), C("filled"));
  agattr(root, AGNODE, C("fillcolor"), C("white"));
  agattr(root, AGNODE, C("label"), C("\\N"));
  agattr(root, AGNODE, C("tooltip"), C(""));
  agattr(root, AGEDGE, C("fontname"), C("Helvetica"));
  agattr(root, AGEDGE, C("fontsize"), C("8"));
  agattr(root, AGEDGE, C("label"), C(""));
  agattr(root, AGEDGE, C("penwidth"), C("1"));
  agattr(root, AGEDGE, C("style"), C("solid"));
  agattr(root, AGEDGE, C("color"), C("#444444"));
  agattr(root, AGEDGE, C("dir"), C("forward"));
  agattr(root, AGEDGE, C("tooltip"), C(""));

  std::vector<VertexIndex> vertices = subgraph.vertices;
  std::sort(vertices.begin(), vertices.end());
  vertices.erase(std::unique(vertices.begin(), vertices.end()), vertices.end());
  std::sort(vertices.begin(), vertices.end(), [&](VertexIndex a, VertexIndex b) {
    const graph::Entity& ea = view.entity(a);
    const graph::Entity& eb = view.entity(b);
    return std::tie(ea.name, ea.id) < std::tie(eb.name, eb.id);
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
  auto edge_key = [&](EdgeIndex e) {
    const graph::EdgeData& d = view.edge(e);
    return std::make_tuple(std::cref(view.entity(d.source).name), graph::NameOf(d.type),
                           std::cref(view.entity(d.target).name), e);
  };
  std::sort(edges.begin(), edges.end(), [&](EdgeIndex a, EdgeIndex b) { return edge_key(a) < edge_key(b); });

  bool solid_present = false, dashed_present = false;
  for (EdgeIndex e : edges) {
    const graph::EdgeData& d = view.edge(e);
    std::string type(graph::NameOf(d.type));
    Agedge_t* edge = agedge(root, nodes[d.source], nodes[d.target], C(type), 1);
    bool asserted = d.counts[static_cast<int>(graph::Modality::kAsserted)] > 0;
    Set(edge, "label", type);
    Set(edge, "penwidth", FormatWidth(EdgeCount(d, options.all_modalities)));
    if (asserted) {
      solid_present = true;
    } else {
      dashed_present = true;
      Set(edge, "style", "dashed");
      Set(edge, "color", "#888888");
    }
    if (graph::InfoOf(d.type).symmetric) Set(edge, "dir", "none");
    Set(edge, "tooltip", EdgeTooltip(view, e, options));
  }

  if (options.legend && !vertices.empty()) {
    Agraph_t* legend = agsubg(root, C("cluster_legend"), 1);
    Set(legend, "label", "Legend");
    Set(legend, "style", "rounded");
    Set(legend, "color", "#bbbbbb");
    for (const graph::KindInfo& info : graph::AllKinds()) {
      if (!kinds_present[static_cast<int>(info.kind)]) continue;
      std::string id = FreshNodeName(root, "legend: " + std::string(info.name), "'");
      Agnode_t* n = agnode(legend, C(id), 1);
      const KindStyle& style = KindStyleOf(info.kind);
      Set(n, "label", std::string(info.name));
      Set(n, "shape", std::string(style.shape));
      Set(n, "style", std::string(style.style));
      Set(n, "fillcolor", std::string(style.fillcolor));
      Set(n, "tooltip", std::string(info.description));
    }
    auto legend_edge = [&](const std::string& what, bool dashed) {
      std::string from = FreshNodeName(root, "legend: " + what + " (from)", "'");
      Agnode_t* a = agnode(legend, C(from), 1);
      std::string to = FreshNodeName(root, "legend: " + what + " (to)", "'");
      Agnode_t* b = agnode(legend, C(to), 1);
      for (Agnode_t* n : {a, b}) {
        Set(n, "shape", "point");
        Set(n, "label", "");
        Set(n, "style", "filled");
        Set(n, "fillcolor", "#444444");
        Set(n, "width", "0.05");
      }
      Agedge_t* edge = agedge(legend, a, b, C(what), 1);
      Set(edge, "label", what);
      Set(edge, "tooltip", what);
      if (dashed) {
        Set(edge, "style", "dashed");
        Set(edge, "color", "#888888");
      }
    };
    if (solid_present) legend_edge("asserted; width grows with evidence", false);
    if (dashed_present) legend_edge("not asserted (reported, negated, future)", true);
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

Status Render(const GraphView& view, const Subgraph& subgraph, const RenderOptions& options,
              std::string* out) {
  std::lock_guard<std::mutex> lock(GraphvizMutex());
  LastGraphvizError().clear();
  GVC_t* gvc = SharedContext();
  if (gvc == nullptr) return Status::Internal("GraphViz context could not be created");

  std::unique_ptr<Agraph_t, GraphCloser> g;
  Status status = Build(view, subgraph, options, &g);
  if (!status.ok()) return status;

  if (options.format == RenderFormat::kDot) {
    // Without layout: the graph as built, in cgraph's canonical DOT.
    out->clear();
    if (agwrite(g.get(), out) != 0) {
      return Status::Internal("GraphViz could not write DOT: " + LastGraphvizError());
    }
    return Status::Ok();
  }
  std::string layout = options.layout;
  size_t node_count = subgraph.vertices.size();
  if (layout.empty()) layout = node_count <= kLimitedDotNodes ? "dot" : "sfdp";
  if (layout == "dot" && node_count > kFullDotNodes) {
    // Bounded mincross and network simplex: a 1,000-node neighbourhood lays
    // out in seconds instead of minutes, at some cost in crossings.
    Set(g.get(), "mclimit", "0.1");
    Set(g.get(), "nslimit", "1");
    Set(g.get(), "nslimit1", "1");
    Set(g.get(), "searchsize", "10");
  } else if (layout == "sfdp") {
    Set(g.get(), "overlap", "prism");
  }
  if (gvLayout(gvc, g.get(), C(layout)) != 0) {
    return Status::Internal("GraphViz layout failed: " + LastGraphvizError());
  }
  const char* format = options.format == RenderFormat::kSvg   ? "svg"
                       : options.format == RenderFormat::kPng ? "png"
                                                              : "pdf";
  char* data = nullptr;
  unsigned int length = 0;
  int rc = gvRenderData(gvc, g.get(), C(format), &data, &length);
  if (rc == 0 && data != nullptr) out->assign(data, length);
  if (data != nullptr) gvFreeRenderData(data);
  gvFreeLayout(gvc, g.get());
  if (rc != 0) {
    return Status::Internal("GraphViz could not render " + std::string(NameOf(options.format)) + ": " +
                            LastGraphvizError());
  }
  return Status::Ok();
}

Status RenderToFile(const GraphView& view, const Subgraph& subgraph, const RenderOptions& options,
                    const std::string& path) {
  std::string bytes;
  Status status = Render(view, subgraph, options, &bytes);
  if (!status.ok()) return status;
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) return Status::Storage(path + ": cannot open for writing");
  file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  file.close();
  if (!file) return Status::Storage(path + ": write failed");
  return Status::Ok();
}

}  // namespace geokg::tools
