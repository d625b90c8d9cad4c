// Tests of tools/render: selection (Around, FromResult, Cut) and rendering
// through GraphViz, with DOT output parsed back by cgraph.
#include "tools/render/render.h"

#include <graphviz/cgraph.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <string>

#include "tests/support/process.h"
#include "tests/tools/test_graph.h"
#include "tools/render/subgraph.h"

using geokg::graph::EntityKind;
using geokg::graph::GraphView;
using geokg::graph::RelationType;
using geokg::graph::VertexIndex;
using geokg::tools::Around;
using geokg::tools::Cut;
using geokg::tools::CutReport;
using geokg::tools::Render;
using geokg::tools::RenderFormat;
using geokg::tools::RenderOptions;
using geokg::tools::SelectFilter;
using geokg::tools::Subgraph;

namespace {

VertexIndex V(const GraphView& view, const std::string& name) {
  auto found = view.FindName(name);
  REQUIRE(found.size() == 1);
  return found[0];
}

struct ParsedNode {
  std::map<std::string, std::string> attrs;
};
struct ParsedEdge {
  std::string tail, head;
  std::map<std::string, std::string> attrs;
};
struct ParsedDot {
  std::map<std::string, ParsedNode> nodes;  // legend nodes excluded
  std::vector<ParsedEdge> edges;            // legend edges excluded
  std::set<std::string> legend_nodes;
};

std::string Attr(void* obj, const char* name) {
  char* v = agget(obj, const_cast<char*>(name));
  return v == nullptr ? "" : v;
}

ParsedDot ParseDot(const std::string& dot) {
  Agraph_t* g = agmemread(dot.c_str());
  REQUIRE(g != nullptr);
  ParsedDot out;
  Agraph_t* legend = agsubg(g, const_cast<char*>("cluster_legend"), 0);
  auto in_legend = [&](Agnode_t* n) { return legend != nullptr && agsubnode(legend, n, 0); };
  for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) {
    if (in_legend(n)) {
      out.legend_nodes.insert(agnameof(n));
      continue;
    }
    ParsedNode& p = out.nodes[agnameof(n)];
    for (const char* a : {"shape", "label", "fillcolor", "style", "tooltip"}) p.attrs[a] = Attr(n, a);
    for (Agedge_t* e = agfstout(g, n); e; e = agnxtout(g, e)) {
      ParsedEdge pe{agnameof(agtail(e)), agnameof(aghead(e)), {}};
      for (const char* a : {"label", "style", "penwidth", "tooltip"}) pe.attrs[a] = Attr(e, a);
      out.edges.push_back(pe);
    }
  }
  agclose(g);
  return out;
}

Subgraph Whole(const GraphView& view) {
  Subgraph s;
  for (VertexIndex v = 0; v < view.vertex_count(); ++v) s.vertices.push_back(v);
  for (uint32_t e = 0; e < view.edge_count(); ++e) s.edges.push_back(e);
  return s;
}

std::string RenderOrDie(const GraphView& view, const Subgraph& s, RenderOptions options) {
  std::string out;
  geokg::Status status = Render(view, s, options, &out);
  INFO(status.message());
  REQUIRE(status.ok());
  return out;
}

size_t Occurrences(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t pos = haystack.find(needle); pos != std::string::npos;
       pos = haystack.find(needle, pos + needle.size())) {
    ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("Around collects the neighbourhood through admitted edges", "[tools][render]") {
  auto view = geokg::testing::SampleView();
  SelectFilter filter;
  Subgraph one = Around(*view, {V(*view, "Iran")}, 1, filter);
  std::set<std::string> names;
  for (VertexIndex v : one.vertices) names.insert(view->entity(v).name);
  CHECK(names == std::set<std::string>{"Iran", "Kataib Hezbollah", "United States"});
  // Induced: KH attacked US is between two selected vertices.
  CHECK(one.edges.size() == 3);

  // deployed-to has no asserted evidence: only with all_modalities.
  Subgraph unit = Around(*view, {V(*view, "82nd Airborne Division")}, 1, filter);
  CHECK(unit.vertices.size() == 2);
  filter.all_modalities = true;
  unit = Around(*view, {V(*view, "82nd Airborne Division")}, 1, filter);
  CHECK(unit.vertices.size() == 3);

  SelectFilter typed;
  typed.types = {RelationType::kBackedBy};
  Subgraph backed = Around(*view, {V(*view, "Iran")}, 3, typed);
  CHECK(backed.vertices.size() == 2);
  CHECK(backed.edges.size() == 1);

  SelectFilter kinds;
  kinds.kinds = {EntityKind::kArmedGroup};
  Subgraph groups = Around(*view, {V(*view, "Iran")}, 2, kinds);
  CHECK(groups.vertices.size() == 2);  // Iran (seed) and Kataib Hezbollah

  SelectFilter counted;
  counted.min_count = 3;
  CHECK(Around(*view, {V(*view, "United States")}, 1, counted).vertices.size() == 2);
}

TEST_CASE("DOT output parses back with the expected nodes, edges and styles", "[tools][render]") {
  auto view = geokg::testing::SampleView();
  RenderOptions options;
  options.all_modalities = true;
  std::string dot = RenderOrDie(*view, Whole(*view), options);
  ParsedDot parsed = ParseDot(dot);
  REQUIRE(parsed.nodes.size() == view->vertex_count());
  CHECK(parsed.nodes["Iran"].attrs["shape"] == "box");
  CHECK(parsed.nodes["Kataib Hezbollah"].attrs["shape"] == "octagon");
  CHECK(parsed.nodes["Mark Esper"].attrs["shape"] == "ellipse");
  CHECK(parsed.nodes["82nd Airborne Division"].attrs["shape"] == "hexagon");
  CHECK(parsed.nodes["Iran"].attrs["fillcolor"] != parsed.nodes["Kataib Hezbollah"].attrs["fillcolor"]);
  CHECK(parsed.nodes["United States"].attrs["tooltip"].find("aliases: US, U.S.") != std::string::npos);
  CHECK(parsed.nodes["United States"].attrs["tooltip"].find("kind: country") != std::string::npos);
  REQUIRE(parsed.edges.size() == view->edge_count());
  bool saw_dashed = false;
  for (const ParsedEdge& e : parsed.edges) {
    if (e.tail == "82nd Airborne Division" && e.head == "Iraq") {
      CHECK(e.attrs.at("label") == "deployed-to");
      CHECK(e.attrs.at("style") == "dashed");
      saw_dashed = true;
    } else {
      CHECK(e.attrs.at("style") != "dashed");
    }
    if (e.tail == "Kataib Hezbollah" && e.head == "United States") {
      CHECK(e.attrs.at("label") == "attacked");
      CHECK(std::stod(e.attrs.at("penwidth")) > 3.0);  // 4 pieces of evidence
    }
  }
  CHECK(saw_dashed);
  // Legend: the kinds present, and both edge styles.
  CHECK(parsed.legend_nodes.count("legend: country") == 1);
  CHECK(parsed.legend_nodes.count("legend: armed-group") == 1);
  CHECK(parsed.legend_nodes.count("legend: media") == 0);
  CHECK(Occurrences(dot, "not asserted") >= 1);
}

TEST_CASE("the legend lists only what is present", "[tools][render]") {
  auto view = geokg::testing::SampleView();
  Subgraph s = Around(*view, {V(*view, "Iran")}, 1, SelectFilter{});
  std::string dot = RenderOrDie(*view, s, RenderOptions{});
  ParsedDot parsed = ParseDot(dot);
  CHECK(parsed.legend_nodes.count("legend: person") == 0);
  CHECK(dot.find("not asserted") == std::string::npos);
}

TEST_CASE("rendering is deterministic", "[tools][render]") {
  auto view = geokg::testing::SampleView();
  Subgraph s = Whole(*view);
  Subgraph reversed = s;
  std::reverse(reversed.vertices.begin(), reversed.vertices.end());
  std::reverse(reversed.edges.begin(), reversed.edges.end());
  RenderOptions options;
  CHECK(RenderOrDie(*view, s, options) == RenderOrDie(*view, reversed, options));
  options.format = RenderFormat::kSvg;
  CHECK(RenderOrDie(*view, s, options) == RenderOrDie(*view, reversed, options));
}

TEST_CASE("SVG, PNG and PDF files are produced", "[tools][render]") {
  auto view = geokg::testing::SampleView();
  geokg::testing::TempDir dir;
  Subgraph s = Whole(*view);
  for (const char* name : {"g.svg", "g.png", "g.pdf", "g.dot"}) {
    std::string path = dir / name;
    auto format = geokg::tools::FormatForPath(path);
    REQUIRE(format.has_value());
    RenderOptions options;
    options.format = *format;
    options.evidence = [](geokg::graph::EdgeIndex) { return std::string("Iran backs the group."); };
    geokg::Status status = geokg::tools::RenderToFile(*view, s, options, path);
    INFO(status.message());
    REQUIRE(status.ok());
  }
  std::string svg = geokg::testing::ReadWholeFile(dir / "g.svg");
  CHECK(svg.find("<svg") != std::string::npos);
  CHECK(svg.find("<title>Iran</title>") != std::string::npos);
  CHECK(svg.find("Iran backs the group.") != std::string::npos);  // edge tooltip
  CHECK(Occurrences(svg, "</svg>") == 1);
  std::string png = geokg::testing::ReadWholeFile(dir / "g.png");
  REQUIRE(png.size() > 1024);
  CHECK(png.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
  std::string pdf = geokg::testing::ReadWholeFile(dir / "g.pdf");
  CHECK(pdf.compare(0, 5, "%PDF-") == 0);
  CHECK(!geokg::tools::FormatForPath("x.jpeg").has_value());
  CHECK(geokg::tools::FormatForPath("X.SVG") == RenderFormat::kSvg);
}

TEST_CASE("hostile names round-trip safely", "[tools][render]") {
  const std::string long_name(10000, 'x');
  const std::vector<std::string> names = {
      "Say \"hi\"",
      "back\\slash \\N \\n",
      "</svg><script>alert(1)</script>",
      "line\nbreak",
      long_name,
      "حزب الله",
      "צה\"ל",
      "A & B <c>",
      "<html-like>",
  };
  geokg::testing::GraphBuilder b;
  for (const auto& n : names) b.Entity(n, EntityKind::kArmedGroup, {"alias \"q\" </svg>"});
  b.Entity("Hub", EntityKind::kCountry);
  for (const auto& n : names) b.Relation(n, RelationType::kBackedBy, "Hub", 2);
  auto view = b.Build();
  Subgraph s = Whole(*view);

  std::string dot = RenderOrDie(*view, s, RenderOptions{});
  ParsedDot parsed = ParseDot(dot);
  for (const auto& n : names) {
    INFO(n.substr(0, 40));
    REQUIRE(parsed.nodes.count(n) == 1);
  }
  CHECK(parsed.edges.size() == names.size());
  // The long name's label is cut with an ellipsis; the id keeps it whole.
  const std::string& label = parsed.nodes[long_name].attrs["label"];
  CHECK(label.size() < 200);
  CHECK(label.find("…") != std::string::npos);
  CHECK(parsed.nodes["line\nbreak"].attrs["label"] == "line break");
  CHECK(parsed.nodes["back\\slash \\N \\n"].attrs["label"] == "back\\\\slash \\\\N \\\\n");

  RenderOptions svg_options;
  svg_options.format = RenderFormat::kSvg;
  std::string svg = RenderOrDie(*view, s, svg_options);
  CHECK(Occurrences(svg, "</svg>") == 1);
  CHECK(svg.find("<script>") == std::string::npos);
  CHECK(svg.find("حزب الله") != std::string::npos);
  CHECK(svg.find("back\\slash \\N \\n") != std::string::npos);  // drawn literally
  // Tooltips keep the backslashes literal too: \N must not become the node's
  // name (node and edge comments, titles and tooltips, and the label).
  CHECK(Occurrences(svg, "back\\slash") == 7);
}

TEST_CASE("labels are cut by code points", "[tools][render]") {
  CHECK(geokg::tools::LabelFor("Iran", 10) == "Iran");
  CHECK(geokg::tools::LabelFor("abcdef", 4) == "abc…");
  CHECK(geokg::tools::LabelFor("abcd", 4) == "abcd");
  CHECK(geokg::tools::LabelFor("ééééé", 3) == "éé…");
  CHECK(geokg::tools::LabelFor("a\tb", 10) == "a b");
}

TEST_CASE("Cut keeps the most connected nodes and refuses huge requests", "[tools][render]") {
  geokg::testing::GraphBuilder b;
  b.Entity("Hub", EntityKind::kCountry);
  b.Entity("Second", EntityKind::kCountry);
  for (int i = 0; i < 50; ++i) {
    std::string n = "Leaf " + std::to_string(i);
    b.Entity(n, EntityKind::kPerson);
    b.Relation(n, RelationType::kMemberOf, "Hub", 1);
    if (i < 10) b.Relation(n, RelationType::kMetWith, "Second", 1);
  }
  auto view = b.Build();
  Subgraph s = Whole(*view);
  CutReport report;
  REQUIRE(Cut(*view, {}, 5, false, &s, &report).ok());
  CHECK(s.vertices.size() == 5);
  std::set<std::string> names;
  for (VertexIndex v : s.vertices) names.insert(view->entity(v).name);
  CHECK(names.count("Hub") == 1);
  CHECK(names.count("Second") == 1);
  CHECK(names.count("Leaf 0") == 1);  // two edges beat one
  CHECK(report.cut());
  CHECK(report.vertices_removed == 47);
  CHECK(report.Describe().find("kept 5 of 52 nodes") != std::string::npos);
  for (auto e : s.edges) {
    CHECK(std::count(s.vertices.begin(), s.vertices.end(), view->edge(e).source) == 1);
    CHECK(std::count(s.vertices.begin(), s.vertices.end(), view->edge(e).target) == 1);
  }
  // Seeds survive even when poorly connected.
  Subgraph t = Whole(*view);
  REQUIRE(Cut(*view, {V(*view, "Leaf 49")}, 2, false, &t, &report).ok());
  CHECK(std::count(t.vertices.begin(), t.vertices.end(), V(*view, "Leaf 49")) == 1);

  Subgraph u = Whole(*view);
  geokg::Status huge = Cut(*view, {}, 100000, false, &u, &report);
  CHECK(huge.code() == geokg::StatusCode::kInvalidInput);
  CHECK(huge.message().find("5000") != std::string::npos);
}

TEST_CASE("a 100,000-node request is cut, not hung on", "[tools][render]") {
  geokg::testing::GraphBuilder b;
  b.Entity("Center", EntityKind::kCountry);
  for (int i = 0; i < 100000; ++i) {
    std::string n = "N" + std::to_string(i);
    b.Entity(n, EntityKind::kOrganization);
    b.Relation(n, RelationType::kSupported, "Center", 1 + i % 7);
  }
  auto view = b.Build();
  Subgraph s = Around(*view, {V(*view, "Center")}, 2, SelectFilter{});
  CHECK(s.vertices.size() == 100001);
  CutReport report;
  REQUIRE(Cut(*view, {V(*view, "Center")}, geokg::tools::kDefaultMaxNodes, false, &s, &report).ok());
  CHECK(s.vertices.size() == geokg::tools::kDefaultMaxNodes);
  CHECK(report.vertices_removed == 100001 - geokg::tools::kDefaultMaxNodes);
  std::string dot = RenderOrDie(*view, s, RenderOptions{});
  CHECK(ParseDot(dot).nodes.size() == geokg::tools::kDefaultMaxNodes);
}
