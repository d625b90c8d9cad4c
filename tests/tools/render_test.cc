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
  std::map<std::string, ParsedNode> nodes;
  std::vector<ParsedEdge> edges;
  std::string label;  // the graph's: the title block with the legend
};

std::string Attr(void* obj, const char* name) {
  char* v = agget(obj, const_cast<char*>(name));
  return v == nullptr ? "" : v;
}

ParsedDot ParseDot(const std::string& dot) {
  Agraph_t* g = agmemread(dot.c_str());
  REQUIRE(g != nullptr);
  ParsedDot out;
  out.label = Attr(g, "label");
  for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) {
    ParsedNode& p = out.nodes[agnameof(n)];
    for (const char* a : {"shape", "label", "fillcolor", "style", "tooltip", "penwidth"}) p.attrs[a] = Attr(n, a);
    for (Agedge_t* e = agfstout(g, n); e; e = agnxtout(g, e)) {
      ParsedEdge pe{agnameof(agtail(e)), agnameof(aghead(e)), {}};
      for (const char* a : {"label", "style", "penwidth", "tooltip", "color", "fontcolor", "dir"})
        pe.attrs[a] = Attr(e, a);
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
  // KH attacked US joins two neighbours, not the focus: drawn from depth 2 on.
  CHECK(one.edges.size() == 2);
  for (uint32_t e : one.edges) CHECK((view->edge(e).source == V(*view, "Iran") || view->edge(e).target == V(*view, "Iran")));
  Subgraph two = Around(*view, {V(*view, "Iran")}, 2, filter);
  CHECK(std::count_if(two.edges.begin(), two.edges.end(), [&](uint32_t e) {
          return view->edge(e).type == RelationType::kAttacked && view->edge(e).source == V(*view, "Kataib Hezbollah");
        }) == 1);

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
      CHECK(e.attrs.at("label") == "deployed-to \u00d72");
      CHECK(e.attrs.at("style") == "dashed");
      saw_dashed = true;
    } else {
      CHECK(e.attrs.at("style") != "dashed");
    }
    if (e.tail == "Kataib Hezbollah" && e.head == "United States") {
      CHECK(e.attrs.at("label") == "attacked \u00d74");
      CHECK(std::stod(e.attrs.at("penwidth")) > 3.0);  // 4 pieces of evidence
      CHECK(e.attrs.at("color") == "#D55E00");          // material conflict
      CHECK(e.attrs.at("fontcolor") == "#A04000");      // the label in the edge's colour
    }
  }
  CHECK(saw_dashed);
  // Legend: the kinds present, and both edge styles.
  CHECK(parsed.label.find(">country<") != std::string::npos);
  CHECK(parsed.label.find(">armed-group<") != std::string::npos);
  CHECK(parsed.label.find(">media<") == std::string::npos);
  CHECK(parsed.label.find("not asserted") != std::string::npos);
  CHECK(parsed.label.find("material conflict") != std::string::npos);
}

TEST_CASE("the legend lists only what is present", "[tools][render]") {
  auto view = geokg::testing::SampleView();
  Subgraph s = Around(*view, {V(*view, "Iran")}, 1, SelectFilter{});
  std::string dot = RenderOrDie(*view, s, RenderOptions{});
  ParsedDot parsed = ParseDot(dot);
  CHECK(parsed.label.find(">country<") != std::string::npos);
  CHECK(parsed.label.find(">person<") == std::string::npos);
  CHECK(parsed.label.find("not asserted") == std::string::npos);
  RenderOptions bare;
  bare.legend = false;
  CHECK(ParseDot(RenderOrDie(*view, s, bare)).label.empty());
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

namespace {

// The width and height in a PNG header.
std::pair<uint32_t, uint32_t> PngSize(const std::string& png) {
  REQUIRE(png.size() > 24);
  REQUIRE(png.compare(1, 3, "PNG") == 0);
  auto be32 = [&](size_t at) {
    return (uint32_t(uint8_t(png[at])) << 24) | (uint32_t(uint8_t(png[at + 1])) << 16) |
           (uint32_t(uint8_t(png[at + 2])) << 8) | uint32_t(uint8_t(png[at + 3]));
  };
  return {be32(16), be32(20)};
}

}  // namespace

TEST_CASE("edges are grouped by pair and family, coloured by family, symmetric ones drawn once",
          "[tools][render]") {
  using geokg::tools::EdgeFamily;
  using geokg::tools::FamilyOf;
  CHECK(FamilyOf(RelationType::kAttacked) == EdgeFamily::kMaterialConflict);
  CHECK(FamilyOf(RelationType::kCondemned) == EdgeFamily::kVerbalConflict);
  CHECK(FamilyOf(RelationType::kMetWith) == EdgeFamily::kCooperation);
  CHECK(FamilyOf(RelationType::kAlliedWith) == EdgeFamily::kCooperation);
  CHECK(FamilyOf(RelationType::kAided) == EdgeFamily::kAid);
  CHECK(FamilyOf(RelationType::kBackedBy) == EdgeFamily::kAid);
  CHECK(FamilyOf(RelationType::kMemberOf) == EdgeFamily::kStructural);
  CHECK(FamilyOf(RelationType::kLocatedIn) == EdgeFamily::kStructural);

  geokg::testing::GraphBuilder b;
  b.Entity("Ana Lima", EntityKind::kPerson)
      .Entity("Brazil", EntityKind::kCountry)
      .Entity("Chile", EntityKind::kCountry)
      .Relation("Ana Lima", RelationType::kMemberOf, "Brazil", 2)
      .Relation("Ana Lima", RelationType::kLeaderOf, "Brazil", 1)
      .Relation("Brazil", RelationType::kMetWith, "Chile", 3)
      .Relation("Brazil", RelationType::kAgreedWith, "Chile", 1)
      .Relation("Brazil", RelationType::kCondemned, "Chile", 1)
      .Relation("Chile", RelationType::kAttacked, "Brazil", 5);
  auto view = b.Build();
  RenderOptions options;
  options.focus = {V(*view, "Brazil")};
  options.title = "Brazil & <friends>";
  options.figures = "all dates";
  options.caption = "Source: test";
  ParsedDot parsed = ParseDot(RenderOrDie(*view, Whole(*view), options));
  std::map<std::pair<std::string, std::string>, std::vector<ParsedEdge>> by_pair;
  for (const ParsedEdge& e : parsed.edges) by_pair[{e.tail, e.head}].push_back(e);
  // member-of and leader-of of one pair: one thin grey edge.
  REQUIRE(by_pair[{"Ana Lima", "Brazil"}].size() == 1);
  CHECK(by_pair[{"Ana Lima", "Brazil"}][0].attrs["label"] == "member-of \u00d72, leader-of");
  CHECK(by_pair[{"Ana Lima", "Brazil"}][0].attrs["color"] == "#BBBBBB");
  // Brazil-Chile: the mutual cooperation once without arrowheads, the
  // condemnation apart; Chile's attack the other way.
  REQUIRE(by_pair[{"Brazil", "Chile"}].size() == 2);
  for (const ParsedEdge& e : by_pair[{"Brazil", "Chile"}]) {
    if (e.attrs.at("color") == "#0072B2") {
      CHECK(e.attrs.at("label") == "met-with \u00d73, agreed-with");
      CHECK(e.attrs.at("dir") == "none");
    } else {
      CHECK(e.attrs.at("label") == "condemned");
      CHECK(e.attrs.at("color") == "#E69F00");
      CHECK(e.attrs.at("dir") == "forward");
    }
  }
  REQUIRE(by_pair[{"Chile", "Brazil"}].size() == 1);
  CHECK(parsed.edges.size() == 4);
  // The focus is outlined; the title block is escaped HTML.
  CHECK(parsed.nodes["Brazil"].attrs["penwidth"] == "3");
  CHECK(parsed.nodes["Chile"].attrs["penwidth"] == "1");
  CHECK(parsed.label.find("Brazil &amp; &lt;friends&gt;") != std::string::npos);
  CHECK(parsed.label.find("Source: test") != std::string::npos);
  CHECK(parsed.label.find("structural") != std::string::npos);
  // Only the strongest edges keep a label when asked.
  options.max_edge_labels = 1;
  ParsedDot few = ParseDot(RenderOrDie(*view, Whole(*view), options));
  size_t labelled = 0;
  for (const ParsedEdge& e : few.edges) labelled += !e.attrs.at("label").empty();
  CHECK(labelled == 1);
  CHECK(few.label.find("labels on the 1 most evidenced edges") != std::string::npos);
}

TEST_CASE("structural ties are left out on request, and a cut leaves no orphans", "[tools][render]") {
  auto view = geokg::testing::SampleView();
  SelectFilter filter;
  filter.hide_structural = true;
  Subgraph s = geokg::tools::Everything(*view, filter);
  for (uint32_t e : s.edges) CHECK(geokg::tools::FamilyOf(view->edge(e).type) != geokg::tools::EdgeFamily::kStructural);
  filter.types = {RelationType::kPartOf};  // named types are drawn whatever their family
  CHECK(geokg::tools::Everything(*view, filter).edges.size() == 2);

  // A star around United States plus a pair apart: cut to 2 nodes, the
  // vertices that lost all their edges go.
  geokg::testing::GraphBuilder b;
  b.Entity("Hub", EntityKind::kCountry).Entity("A", EntityKind::kCountry).Entity("B", EntityKind::kCountry);
  b.Entity("C", EntityKind::kCountry).Entity("D", EntityKind::kCountry);
  b.Relation("Hub", RelationType::kAttacked, "A", 5).Relation("Hub", RelationType::kAttacked, "B", 1);
  b.Relation("C", RelationType::kAttacked, "D", 1);
  auto star = b.Build();
  Subgraph all = Whole(*star);
  CutReport report;
  REQUIRE(Cut(*star, {}, 3, false, &all, &report).ok());
  std::set<std::string> names;
  for (VertexIndex v : all.vertices) names.insert(star->entity(v).name);
  CHECK(names == std::set<std::string>{"A", "Hub", "B"});
  Subgraph two = Whole(*star);
  REQUIRE(Cut(*star, {V(*star, "C")}, 2, false, &two, &report).ok());
  names.clear();
  for (VertexIndex v : two.vertices) names.insert(star->entity(v).name);
  // No edge survives this cut, so the nodes are all there is to draw: kept.
  CHECK(names == std::set<std::string>{"C", "Hub"});
}

TEST_CASE("a layout over its time limit is redone with sfdp, and a long strip is kept to a page's shape",
          "[tools][render]") {
  // 40 countries, each pair related: dot needs many seconds for this.
  geokg::testing::GraphBuilder dense;
  for (int i = 0; i < 40; ++i) dense.Entity("Country " + std::to_string(i), EntityKind::kCountry);
  for (int i = 0; i < 40; ++i)
    for (int j = i + 1; j < 40; ++j)
      dense.Relation("Country " + std::to_string(i), RelationType::kCondemned, "Country " + std::to_string(j));
  auto view = dense.Build();
  RenderOptions options;
  options.format = RenderFormat::kPng;
  options.layout = "dot";
  options.layout_timeout_seconds = 0.5;
  geokg::tools::RenderReport report;
  std::string png;
  geokg::Status s = Render(*view, Whole(*view), options, &png, &report);
  INFO(s.message());
  REQUIRE(s.ok());
  CHECK(report.fallback_from == "dot");
  CHECK(report.layout == "sfdp");
  CHECK(PngSize(png).first > 0);

  // A chain of 40 laid out left to right would be forty nodes wide and one high.
  geokg::testing::GraphBuilder chain;
  for (int i = 0; i < 40; ++i) chain.Entity("Town " + std::to_string(i), EntityKind::kLocation);
  for (int i = 0; i + 1 < 40; ++i)
    chain.Relation("Town " + std::to_string(i), RelationType::kAttacked, "Town " + std::to_string(i + 1));
  auto strip = chain.Build();
  options.layout = "";
  options.layout_timeout_seconds = 60;
  REQUIRE(Render(*strip, Whole(*strip), options, &png, &report).ok());
  CHECK(report.fallback_from.empty());
  const auto [w, h] = PngSize(png);
  INFO(w << " x " << h);
  CHECK(w <= 4 * h);
  CHECK(h <= 4 * w);
}

TEST_CASE("an unknown layout engine or rank direction is an error", "[tools][render]") {
  auto view = geokg::testing::SampleView();
  RenderOptions options;
  options.format = RenderFormat::kSvg;
  options.layout = "spring";
  std::string out;
  CHECK(Render(*view, Whole(*view), options, &out).code() == geokg::StatusCode::kInvalidInput);
  options.layout = "neato";
  options.rankdir = "XY";
  CHECK(Render(*view, Whole(*view), options, &out).code() == geokg::StatusCode::kInvalidInput);
  for (const char* engine : {"neato", "fdp", "circo", "twopi", "sfdp"}) {
    options.layout = engine;
    options.rankdir = "TB";
    geokg::tools::RenderReport report;
    geokg::Status s = Render(*view, Whole(*view), options, &out, &report);
    INFO(engine << ": " << s.message());
    CHECK(s.ok());
    CHECK(report.layout == engine);
    CHECK(out.find("</svg>") != std::string::npos);
  }
}
