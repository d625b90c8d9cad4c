#include <catch2/catch.hpp>

#include "graph/ids.h"
#include "graph/view.h"
#include "tests/query/fixture.h"

using namespace geokg;

TEST_CASE("view builds vertices and edges, dropping dangling relations", "[graph][view]") {
  auto view = testing::ArticleView();
  CHECK(view->vertex_count() == 12);
  CHECK(view->edge_count() == 20);  // 21 relations, one dangling
  CHECK(boost::num_vertices(view->graph()) == 12);
  CHECK(boost::num_edges(view->graph()) == 20);
}

TEST_CASE("view finds names, aliases and ids", "[graph][view]") {
  auto view = testing::ArticleView();
  auto us = view->FindName("U.S.");
  REQUIRE(us.size() == 1);
  CHECK(view->entity(us[0]).name == "United States");
  CHECK(view->FindName("the united-states") == us);
  CHECK(view->FindName("nobody").empty());
  auto v = view->FindId(graph::EntityIdFor("Iran"));
  REQUIRE(v);
  CHECK(view->entity(*v).name == "Iran");
  CHECK_FALSE(view->FindId(42));
  CHECK(std::find(view->AllNames().begin(), view->AllNames().end(), "PMF") != view->AllNames().end());
}

TEST_CASE("names match without accents, case or punctuation, and ambiguity is told", "[graph][view]") {
  graph::GraphData d = testing::ArticleGraph();
  d.entities.push_back(testing::MakeEntity("Côte d'Ivoire", graph::EntityKind::kCountry, {"Ivory Coast"}));
  graph::Entity james = testing::MakeEntity("James Baker", graph::EntityKind::kPerson, {"Baker"});
  james.country = "USA";
  james.mentions = 14;
  d.entities.push_back(james);
  d.entities.push_back(testing::MakeEntity("Peter Baker", graph::EntityKind::kPerson, {"Baker"}));
  d.entities.push_back(testing::MakeEntity("Baker", graph::EntityKind::kLocation));
  auto view = graph::GraphView::Build(std::move(d));
  auto ci = view->FindName("cote divoire");
  REQUIRE(ci.size() == 1);
  CHECK(view->FindName("COTE D’IVOIRE") == ci);
  auto bakers = view->FindName("baker");
  REQUIRE(bakers.size() == 3);
  // The one whose canonical name it is wins; without one, all stay.
  auto preferred = view->PreferCanonical("Baker", bakers);
  REQUIRE(preferred.size() == 1);
  CHECK(view->entity(preferred[0]).name == "Baker");
  std::vector<graph::VertexIndex> people;
  for (auto v : bakers)
    if (view->entity(v).kind == graph::EntityKind::kPerson) people.push_back(v);
  CHECK(view->PreferCanonical("Baker", people).size() == 2);
  const std::string told = view->DescribeCandidates("Baker", people);
  CHECK(told.find("'Baker' fits 2 entities") != std::string::npos);
  CHECK(told.find("James Baker (person, USA, 14 mentions)") != std::string::npos);
  CHECK(told.find("Peter Baker (person, 0 mentions)") != std::string::npos);
}

TEST_CASE("out-edges sorted by (type, target), in-edges by (type, source)", "[graph][view]") {
  auto view = testing::ArticleView();
  for (graph::VertexIndex v = 0; v < view->vertex_count(); ++v) {
    auto out = view->OutEdges(v);
    for (size_t i = 0; i < out.size(); ++i) {
      CHECK(view->edge(out[i]).source == v);
      if (i) {
        auto& a = view->edge(out[i - 1]);
        auto& b = view->edge(out[i]);
        CHECK((a.type < b.type || (a.type == b.type && a.target <= b.target)));
      }
    }
    auto in = view->InEdges(v);
    for (size_t i = 0; i < in.size(); ++i) {
      CHECK(view->edge(in[i]).target == v);
      if (i) {
        auto& a = view->edge(in[i - 1]);
        auto& b = view->edge(in[i]);
        CHECK((a.type < b.type || (a.type == b.type && a.source <= b.source)));
      }
    }
    // Boost's out-edges agree with ours.
    auto [bi, be] = boost::out_edges(v, view->graph());
    CHECK(static_cast<size_t>(std::distance(bi, be)) == out.size());
  }
  auto kh = view->FindName("KH")[0];
  auto backed = view->OutEdges(kh, graph::RelationType::kBackedBy);
  REQUIRE(backed.size() == 1);
  CHECK(view->entity(view->edge(backed[0]).target).name == "Iran");
}

TEST_CASE("view keeps roles and counts per kind and type", "[graph][view]") {
  auto view = testing::ArticleView();
  auto esper = view->FindName("Esper")[0];
  auto out = view->OutEdges(esper);
  REQUIRE(out.size() == 1);
  CHECK(view->role(out[0]) == "Defence Secretary");
  CHECK(view->kind_counts()[static_cast<int>(graph::EntityKind::kCountry)] == 3);
  CHECK(view->type_counts()[static_cast<int>(graph::RelationType::kPartOf)] == 4);
}
