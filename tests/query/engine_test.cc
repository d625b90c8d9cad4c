#include <catch2/catch.hpp>

#include <set>
#include <sstream>

#include "query/engine.h"
#include "query/format.h"
#include "tests/query/fixture.h"

using namespace geokg;

TEST_CASE("engine streams and LIMIT stops early", "[query][engine]") {
  auto view = testing::ArticleView();
  int rows = 0;
  std::vector<std::string> cols;
  query::QueryError e;
  bool truncated = false;
  REQUIRE(query::RunQueryStreaming(
      *view, "MATCH (a)-[*1..6]-(b) RETURN a, b LIMIT 3", {}, [&](const auto& c) { cols = c; },
      [&](const auto&) { return ++rows < 100; }, &truncated, &e));
  CHECK(rows == 3);
  CHECK(cols == std::vector<std::string>{"a", "b"});
}

TEST_CASE("entities have mentions and documents, and entities without relations match", "[query][engine]") {
  graph::GraphData d = testing::ArticleGraph();
  for (graph::Entity& e : d.entities) {
    if (e.name == "United States") e.mentions = 20, e.documents = 7;
    if (e.name == "Iran") e.mentions = 12, e.documents = 5;
    if (e.name == "Iraq") e.mentions = 3, e.documents = 2;
  }
  graph::Entity oman = testing::MakeEntity("Oman", graph::EntityKind::kCountry, {"Sultanate of Oman"});
  oman.mentions = 4;
  oman.documents = 1;
  d.entities.push_back(oman);
  const size_t entities = d.entities.size();
  auto view = graph::GraphView::Build(std::move(d));
  auto rows = [&](const std::string& q) {
    query::ResultSet rs;
    query::QueryError e;
    INFO(q << ": " << e.message);
    REQUIRE(query::RunQuery(*view, q, {}, &rs, &e));
    return rs.rows;
  };
  auto r = rows("MATCH (a {name:'Iran'}) RETURN a.mentions, a.documents");
  REQUIRE(r.size() == 1);
  CHECK(r[0][0] == query::Value(int64_t{12}));
  CHECK(r[0][1] == query::Value(int64_t{5}));
  r = rows("MATCH (a) WHERE a.mentions > 0 RETURN a.name ORDER BY a.mentions DESC");
  std::vector<std::string> names;
  for (const auto& row : r) names.push_back(std::get<std::string>(row[0].data));
  CHECK(names == std::vector<std::string>{"United States", "Iran", "Oman", "Iraq"});
  r = rows("MATCH (a) RETURN a.name");
  CHECK(r.size() == entities);
  r = rows("MATCH (a:country) WHERE NOT exists((a)--()) RETURN a.name, a.documents");
  REQUIRE(r.size() == 1);
  CHECK(r[0][0] == query::Value("Oman"));
  CHECK(r[0][1] == query::Value(int64_t{1}));
  r = rows("MATCH (a {name: 'Sultanate of Oman', mentions: 4}) RETURN a.name");
  CHECK(r.size() == 1);
  CHECK(rows("MATCH (a {name:'Baghdad'}) RETURN a.mentions")[0][0] == query::Value(int64_t{0}));

  query::ResultSet rs;
  query::QueryError e;
  CHECK_FALSE(query::RunQuery(*view, "MATCH (a) RETURN a.mention", {}, &rs, &e));
  CHECK(e.message.find("mentions, documents") != std::string::npos);
}

TEST_CASE("engine honours max_rows and the time limit", "[query][engine]") {
  auto view = testing::ArticleView();
  query::QueryOptions o;
  o.max_rows = 2;
  query::ResultSet rs;
  query::QueryError e;
  REQUIRE(query::RunQuery(*view, "MATCH (a) RETURN a", o, &rs, &e));
  CHECK(rs.rows.size() == 2);
  CHECK(rs.truncated);
  CHECK(rs.note == "result truncated at 2 rows (max_rows)");
  o = {};
  o.time_limit_seconds = 0;
  CHECK_FALSE(query::RunQuery(*view, "MATCH (a)-[*1..8]-(b)-[*1..8]-(c) RETURN count(*)", o, &rs, &e));
  CHECK(e.line == 0);
  CHECK(e.message.find("time limit") != std::string::npos);
}

TEST_CASE("engine date window and modalities from options", "[query][engine]") {
  auto view = testing::ArticleView();
  query::QueryOptions o;
  o.from = 20200102;
  query::ResultSet rs;
  query::QueryError e;
  REQUIRE(query::RunQuery(*view, "MATCH (a)-[r]->(b) RETURN a.name, type(r)", o, &rs, &e));
  REQUIRE(rs.rows.size() == 1);  // KH backed-by Iran runs to 2020-01-02
  o.modalities.fill(true);
  REQUIRE(query::RunQuery(*view, "MATCH (a)-[r]->(b) RETURN a.name, type(r)", o, &rs, &e));
  CHECK(rs.rows.size() == 3);
}

TEST_CASE("formats: table, json, csv", "[query][format]") {
  auto view = testing::ArticleView();
  query::ResultSet rs;
  query::QueryError e;
  REQUIRE(query::RunQuery(*view,
                          "MATCH p = (a {name:'82nd Airborne'})-[r:part-of]->(b) RETURN a, r, p, r.count AS n, b.aliases",
                          {}, &rs, &e));
  std::ostringstream t, j, c;
  query::WriteTable(*view, rs, t);
  query::WriteJson(*view, rs, j);
  query::WriteCsv(*view, rs, c);
  CHECK(t.str() ==
        "a                      | r       | p                                                      | n | b.aliases\n"
        "-----------------------+---------+--------------------------------------------------------+---+----------\n"
        "82nd Airborne Division | part-of | 82nd Airborne Division -[part-of]-> United States Army | 1 | [US Army]\n"
        "(1 row)\n");
  CHECK(j.str() ==
        "{\"a\":\"82nd Airborne Division\",\"r\":\"part-of\",\"p\":\"82nd Airborne Division -[part-of]-> United "
        "States Army\",\"n\":1,\"b.aliases\":[\"US Army\"]}\n");
  CHECK(c.str() == "a,r,p,n,b.aliases\n82nd Airborne Division,part-of,82nd Airborne Division -[part-of]-> United States Army,1,[US Army]\n");
}

TEST_CASE("nested shortest-path searches keep their own marks", "[query][engine]") {
  auto view = testing::ArticleView();
  query::ResultSet one, two, both;
  query::QueryError e;
  REQUIRE(query::RunQuery(*view, "MATCH p = allShortestPaths((a {name:'Iran'})-[*]-(b {name:'Iraq'})) RETURN p", {},
                          &one, &e));
  REQUIRE(query::RunQuery(
      *view, "MATCH p = allShortestPaths((a {name:'Trump'})-[*]-(b {name:'Baghdad'})) RETURN p", {}, &two, &e));
  REQUIRE(query::RunQuery(*view,
                          "MATCH p = allShortestPaths((a {name:'Iran'})-[*]-(b {name:'Iraq'})), "
                          "q = allShortestPaths((c {name:'Trump'})-[*]-(d {name:'Baghdad'})) RETURN p, q",
                          {}, &both, &e));
  REQUIRE(one.rows.size() == 2);
  REQUIRE_FALSE(two.rows.empty());
  CHECK(both.rows.size() == one.rows.size() * two.rows.size());
  std::set<std::pair<std::string, std::string>> expected, got;
  for (auto& x : one.rows)
    for (auto& y : two.rows)
      expected.insert({query::ToDisplayString(*view, x[0]), query::ToDisplayString(*view, y[0])});
  for (auto& r : both.rows) got.insert({query::ToDisplayString(*view, r[0]), query::ToDisplayString(*view, r[1])});
  CHECK(got == expected);
}
