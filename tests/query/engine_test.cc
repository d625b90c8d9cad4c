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
