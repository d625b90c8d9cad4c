#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <chrono>
#include <set>
#include <sstream>
#include <thread>

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

TEST_CASE("parameters stand for literals wherever a literal may be written", "[query][engine]") {
  auto view = testing::ArticleView();
  query::QueryOptions o;
  o.params["who"] = query::Value("Iran");
  o.params["n"] = query::Value(int64_t{1});
  o.params["neg"] = query::Value(int64_t{-3});
  o.params["half"] = query::Value(0.5);
  query::ResultSet rs;
  query::QueryError e;
  INFO(e.message);
  REQUIRE(query::RunQuery(*view, "MATCH (a {name: $who}) RETURN a.name, $neg AS x, $half AS h LIMIT $n", o, &rs, &e));
  REQUIRE(rs.rows.size() == 1);
  CHECK(rs.rows[0][0] == query::Value("Iran"));
  CHECK(rs.rows[0][1] == query::Value(int64_t{-3}));
  CHECK(rs.rows[0][2] == query::Value(0.5));
  // A string parameter is a value, never query text.
  o.params["who"] = query::Value("Iran'}) RETURN 1 //");
  REQUIRE(query::RunQuery(*view, "MATCH (a {name: $who}) RETURN a.name", o, &rs, &e));
  CHECK(rs.rows.empty());
  // An unknown parameter is an error at its position.
  CHECK_FALSE(query::RunQuery(*view, "MATCH (a) WHERE a.name = $nobody RETURN a", o, &rs, &e));
  CHECK(e.message.find("unknown parameter $nobody") != std::string::npos);
  CHECK(e.line == 1);
  CHECK(e.column == 26);
  // "$" alone is a lexical error.
  CHECK_FALSE(query::RunQuery(*view, "MATCH (a) WHERE a.name = $ RETURN a", o, &rs, &e));
  CHECK(e.message.find("parameter name") != std::string::npos);
}

TEST_CASE("ParseParamValue reads quoted text, numbers, booleans, null and bare words", "[query][engine]") {
  query::Value v;
  REQUIRE(query::ParseParamValue("'Côte d\\'Ivoire'", &v));
  CHECK(v == query::Value("Côte d'Ivoire"));
  REQUIRE(query::ParseParamValue(" 42 ", &v));
  CHECK(v == query::Value(int64_t{42}));
  REQUIRE(query::ParseParamValue("-1.25", &v));
  CHECK(v == query::Value(-1.25));
  REQUIRE(query::ParseParamValue("true", &v));
  CHECK(v == query::Value(true));
  REQUIRE(query::ParseParamValue("null", &v));
  CHECK(v.is_null());
  REQUIRE(query::ParseParamValue("Iran", &v));
  CHECK(v == query::Value("Iran"));
  CHECK_FALSE(query::ParseParamValue("'open", &v));
}

TEST_CASE("a cancel flag stops a long query with 'query cancelled'", "[query][engine]") {
  auto view = testing::ArticleView();
  std::atomic<bool> cancel{false};
  query::QueryOptions o;
  o.cancel = &cancel;
  o.time_limit_seconds = 60;
  o.default_max_hops = 30;
  query::ResultSet rs;
  query::QueryError e;
  std::thread canceller([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    cancel = true;
  });
  auto start = std::chrono::steady_clock::now();
  bool ok = query::RunQuery(*view, "MATCH p=(a)-[*0..30]-(b), q=(c)-[*0..30]-(d) RETURN count(*)", o, &rs, &e);
  canceller.join();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK_FALSE(ok);
  CHECK(e.message == "query cancelled");
  CHECK(seconds < 10);
}

TEST_CASE("a name that fits several entities is an error listing them, unless one is canonical or a label decides",
          "[query][engine]") {
  graph::GraphData d = testing::ArticleGraph();
  d.entities.push_back(testing::MakeEntity("James Baker", graph::EntityKind::kPerson, {"Baker"}, "USA"));
  d.entities.push_back(testing::MakeEntity("Peter Baker", graph::EntityKind::kPerson, {"Baker"}));
  d.entities.push_back(testing::MakeEntity("Baker Hughes", graph::EntityKind::kOrganization, {"Baker"}));
  auto view = graph::GraphView::Build(std::move(d));
  query::ResultSet rs;
  query::QueryError e;
  CHECK_FALSE(query::RunQuery(*view, "MATCH (a {name: 'Baker'}) RETURN a.name", {}, &rs, &e));
  CHECK(e.message.find("'Baker' fits 3 entities") != std::string::npos);
  CHECK(e.message.find("James Baker (person, USA") != std::string::npos);
  CHECK(e.column == 17);
  // A kind label that leaves one decides.
  REQUIRE(query::RunQuery(*view, "MATCH (a:organization {name: 'Baker'}) RETURN a.name", {}, &rs, &e));
  REQUIRE(rs.rows.size() == 1);
  CHECK(rs.rows[0][0] == query::Value("Baker Hughes"));
  CHECK_FALSE(query::RunQuery(*view, "MATCH (a:person {name: 'Baker'}) RETURN a.name", {}, &rs, &e));
  CHECK(e.message.find("fits 2 entities") != std::string::npos);
  // Accents and case fold; a lexicon hook gives names the graph lacks.
  REQUIRE(query::RunQuery(*view, "MATCH (a {name: 'ÍRAN'}) RETURN a.name", {}, &rs, &e));
  CHECK(rs.rows.size() == 1);
  query::QueryOptions o;
  o.canonical_name = [](std::string_view n) { return n == "Persia" ? std::string("Iran") : std::string(); };
  REQUIRE(query::RunQuery(*view, "MATCH (a {name: 'Persia'}) RETURN a.name", o, &rs, &e));
  REQUIRE(rs.rows.size() == 1);
  CHECK(rs.rows[0][0] == query::Value("Iran"));
}

TEST_CASE("with window statistics, a window's counts, dates and confidence are its own", "[query][engine]") {
  auto view = testing::ArticleView();
  // Every edge's in-window figures: one asserted item dated 2021-03-05 for
  // the first edge, nothing for the others.
  auto stats = std::make_shared<std::vector<query::WindowStats>>(view->edge_count());
  (*stats)[0].counts[0] = 1;
  (*stats)[0].first_date = (*stats)[0].last_date = 20210305;
  (*stats)[0].confidence = 0.25f;
  graph::Date asked_from = 0, asked_to = 0;
  query::QueryOptions o;
  o.window_stats = [&](graph::Date from, graph::Date to) {
    asked_from = from;
    asked_to = to;
    return std::shared_ptr<const std::vector<query::WindowStats>>(stats);
  };
  o.from = 20210101;
  o.to = 20211231;
  query::ResultSet rs;
  query::QueryError e;
  REQUIRE(query::RunQuery(*view, "MATCH (a)-[r]->(b) RETURN r.count, r.first_date, r.last_date, r.confidence", o, &rs, &e));
  CHECK(asked_from == 20210101);
  CHECK(asked_to == 20211231);
  REQUIRE(rs.rows.size() == 1);
  CHECK(rs.rows[0][0] == query::Value(int64_t{1}));
  CHECK(query::ToDisplayString(*view, rs.rows[0][1]) == "2021-03-05");
  CHECK(rs.rows[0][3] == query::Value(0.25));
  // Without a window the lifetime figures stand and the hook is not asked.
  asked_from = 0;
  o.from = o.to = 0;
  REQUIRE(query::RunQuery(*view, "MATCH (a)-[r]->(b) RETURN count(r)", o, &rs, &e));
  CHECK(asked_from == 0);
  query::ResultSet plain;
  REQUIRE(query::RunQuery(*view, "MATCH (a)-[r]->(b) RETURN count(r)", {}, &plain, &e));
  CHECK(rs.rows == plain.rows);
  CHECK(rs.rows[0][0] != query::Value(int64_t{1}));
}

TEST_CASE("PROFILE runs the query and reports rows and time per operator", "[query][engine]") {
  auto view = testing::ArticleView();
  query::ResultSet rs;
  query::QueryError e;
  REQUIRE(query::RunQuery(*view, "PROFILE MATCH (a:country)-[r]->(b) RETURN a.name", {}, &rs, &e));
  CHECK(rs.columns == std::vector<std::string>{"a.name"});
  CHECK(rs.rows.size() == 4);  // US: 2 out-edges, Iran: 2, Iraq: none
  REQUIRE(rs.profile);
  CHECK(rs.profile->columns == std::vector<std::string>{"operator", "details", "rows", "ms"});
  REQUIRE(rs.profile->rows.size() == 3);
  auto cell = [&](size_t r, size_t c) { return query::ToDisplayString(*view, rs.profile->rows[r][c]); };
  CHECK(cell(0, 0) == "NodeScan");
  CHECK(cell(0, 2) == "3");
  CHECK(cell(1, 0) == "Expand");
  CHECK(cell(1, 2) == "4");
  CHECK(cell(2, 0) == "Return");
  CHECK(cell(2, 2) == "4");
  for (auto& row : rs.profile->rows) CHECK(std::get<double>(row[3].data) >= 0);
  std::ostringstream t;
  query::WriteTable(*view, rs, t);
  CHECK(t.str().find("(4 rows)\n\nprofile:\noperator") != std::string::npos);
  // Without PROFILE there is no profile.
  REQUIRE(query::RunQuery(*view, "MATCH (a:country)-[r]->(b) RETURN a.name", {}, &rs, &e));
  CHECK_FALSE(rs.profile);
  // EXPLAIN does not run the query: a plan, no time limit hit.
  query::QueryOptions o;
  o.time_limit_seconds = 0;
  REQUIRE(query::RunQuery(*view, "EXPLAIN MATCH (a)-[*1..8]-(b)-[*1..8]-(c) RETURN count(*)", o, &rs, &e));
  CHECK(rs.columns == std::vector<std::string>{"operator", "details", "estimated rows"});
  CHECK(rs.rows.size() == 4);
}

TEST_CASE("UNION: max_rows bounds the whole, streaming stops across parts", "[query][engine]") {
  auto view = testing::ArticleView();
  query::QueryOptions o;
  o.max_rows = 3;
  query::ResultSet rs;
  query::QueryError e;
  REQUIRE(query::RunQuery(*view, "MATCH (a:person) RETURN a.name UNION ALL MATCH (a:country) RETURN a.name", o, &rs,
                          &e));
  CHECK(rs.rows.size() == 3);
  CHECK(rs.truncated);
  int rows = 0;
  REQUIRE(query::RunQueryStreaming(
      *view, "MATCH (a) RETURN a.name UNION ALL MATCH (a) RETURN a.name", {}, nullptr,
      [&](const auto&) { return ++rows < 14; }, nullptr, &e));
  CHECK(rows == 14);  // 12 of the first part, 2 of the second
}

TEST_CASE("sum stays an integer until it overflows, then is a float", "[query][engine]") {
  graph::GraphData d = testing::ArticleGraph();
  for (graph::Entity& x : d.entities) x.mentions = x.name == "Iran" || x.name == "Iraq" ? (uint64_t{1} << 62) : 1;
  auto view = graph::GraphView::Build(std::move(d));
  query::ResultSet rs;
  query::QueryError e;
  REQUIRE(query::RunQuery(*view, "MATCH (a:person) RETURN sum(a.mentions), avg(a.mentions)", {}, &rs, &e));
  CHECK(rs.rows[0][0] == query::Value(int64_t{2}));
  CHECK(std::holds_alternative<int64_t>(rs.rows[0][0].data));
  CHECK(std::holds_alternative<double>(rs.rows[0][1].data));
  REQUIRE(query::RunQuery(*view, "MATCH (a:country) RETURN sum(a.mentions)", {}, &rs, &e));
  REQUIRE(std::holds_alternative<double>(rs.rows[0][0].data));
  CHECK(std::get<double>(rs.rows[0][0].data) == Approx(std::ldexp(1.0, 63) + 1));
}

TEST_CASE("OPTIONAL MATCH keeps unmatched rows with nulls", "[query][engine]") {
  auto view = testing::ArticleView();
  auto rows = [&](const std::string& q) {
    query::ResultSet rs;
    query::QueryError e;
    INFO(q << ": " << e.message);
    REQUIRE(query::RunQuery(*view, q, {}, &rs, &e));
    std::vector<std::string> out;
    for (const auto& r : rs.rows) {
      std::string line;
      for (const auto& v : r) line += (line.empty() ? "" : "|") + (v.is_null() ? std::string("null") : query::ToDisplayString(*view, v));
      out.push_back(line);
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  // Every country, with what it deployed to if anything.
  auto all = rows("MATCH (c:country) RETURN c.name");
  auto opt = rows("MATCH (c:country) OPTIONAL MATCH (c)-[:`deployed-to`]->(t) RETURN c.name, t.name");
  CHECK(opt.size() >= all.size());
  CHECK(std::find(opt.begin(), opt.end(), "United States|Iraq") != opt.end());
  CHECK(std::find(opt.begin(), opt.end(), "Iraq|null") != opt.end());
  // count() skips the nulls: a country that deployed nowhere counts 0.
  auto counted = rows("MATCH (c:country) OPTIONAL MATCH (c)-[r:`deployed-to`]->() RETURN c.name, count(r)");
  CHECK(std::find(counted.begin(), counted.end(), "Iraq|0") != counted.end());
  // The clause's WHERE decides whether it matched; the row stays either way.
  auto filtered = rows("MATCH (c {name: 'United States'}) OPTIONAL MATCH (c)-[r]->(t) WHERE t.name = 'Nowhere' "
                       "RETURN c.name, type(r), t.name");
  CHECK(filtered == std::vector<std::string>{"United States|null|null"});
  // A relationship of the MATCH may be used again by the OPTIONAL MATCH.
  auto reuse = rows("MATCH (a {name: 'United States'})-[r:`deployed-to`]->(b) OPTIONAL MATCH (a)-[s:`deployed-to`]->(b) "
                    "RETURN b.name, type(s)");
  CHECK(std::find(reuse.begin(), reuse.end(), "Iraq|deployed-to") != reuse.end());
}

TEST_CASE("OPTIONAL MATCH errors", "[query][engine]") {
  auto view = testing::ArticleView();
  query::ResultSet rs;
  query::QueryError e;
  CHECK_FALSE(query::RunQuery(*view, "MATCH (c:country) OPTIONAL MATCH (c:person)-->(t) RETURN c", {}, &rs, &e));
  CHECK(e.message.find("cannot add labels or properties to 'c'") != std::string::npos);
  CHECK(e.column == 35);
  CHECK_FALSE(query::RunQuery(*view, "MATCH (c) OPTIONAL MATCH p = (c)-->(t) RETURN c", {}, &rs, &e));
  CHECK(e.message.find("not supported in OPTIONAL MATCH") != std::string::npos);
  CHECK_FALSE(query::RunQuery(*view, "MATCH (c) OPTIONAL (c)-->(t) RETURN c", {}, &rs, &e));
  CHECK(e.message.find("MATCH") != std::string::npos);
  // The MATCH's WHERE cannot read the clause's variables.
  CHECK_FALSE(query::RunQuery(*view, "MATCH (c) WHERE t.name = 'x' OPTIONAL MATCH (c)-->(t) RETURN c", {}, &rs, &e));
}

TEST_CASE("WITH passes rows, aggregates and filters them, and feeds a further MATCH", "[query][engine]") {
  auto view = testing::ArticleView();
  auto run = [&](const std::string& q) {
    query::ResultSet rs;
    query::QueryError e;
    INFO(q << ": " << e.message);
    REQUIRE(query::RunQuery(*view, q, {}, &rs, &e));
    return rs;
  };
  // Aggregate, then filter on the aggregate.
  query::ResultSet all = run("MATCH (a)-[r]->(b) RETURN a.name, count(r) ORDER BY a.name");
  query::ResultSet busy = run("MATCH (a)-[r]->(b) WITH a, count(r) AS n WHERE n >= 2 RETURN a.name, n ORDER BY a.name");
  std::vector<std::vector<query::Value>> expected;
  for (const auto& row : all.rows)
    if (std::get<int64_t>(row[1].data) >= 2) expected.push_back(row);
  CHECK(busy.rows == expected);
  CHECK(busy.columns == std::vector<std::string>{"a.name", "n"});
  // ORDER BY and LIMIT in WITH, then MATCH from the carried node.
  query::ResultSet top = run("MATCH (a)-[r]->() WITH a, count(r) AS n ORDER BY n DESC LIMIT 1 "
                             "MATCH (a)-[r2]->(b) RETURN a.name, count(b) AS m, n");
  REQUIRE(top.rows.size() == 1);
  CHECK(top.rows[0][1] == top.rows[0][2]);  // the same out-edges counted in both parts
  int64_t most = 0;
  for (const auto& row : all.rows) most = std::max(most, std::get<int64_t>(row[1].data));
  CHECK(top.rows[0][2] == query::Value(most));
  // Values and strings carry through; RETURN straight after WITH.
  query::ResultSet types = run("MATCH ()-[r]->() WITH type(r) AS t, count(*) AS n RETURN t, n ORDER BY t");
  CHECK(!types.rows.empty());
  query::ResultSet chained = run("MATCH (a:country) WITH a WITH a.name AS name WHERE name STARTS WITH 'I' RETURN name ORDER BY name");
  std::vector<std::string> names;
  for (const auto& r : chained.rows) names.push_back(std::get<std::string>(r[0].data));
  CHECK(names == std::vector<std::string>{"Iran", "Iraq"});
}

TEST_CASE("WITH errors", "[query][engine]") {
  auto view = testing::ArticleView();
  query::ResultSet rs;
  query::QueryError e;
  CHECK_FALSE(query::RunQuery(*view, "MATCH (a)-->(b) WITH count(b) RETURN 1", {}, &rs, &e));
  CHECK(e.message.find("name this WITH item with AS") != std::string::npos);
  CHECK(e.column == 22);
  CHECK_FALSE(query::RunQuery(*view, "MATCH (a) WITH * RETURN a", {}, &rs, &e));
  CHECK(e.message.find("WITH * is not supported") != std::string::npos);
  CHECK_FALSE(query::RunQuery(*view, "MATCH (a) WITH a.name AS n RETURN a", {}, &rs, &e));
  CHECK(e.message.find("'a'") != std::string::npos);  // not carried: unknown after WITH
  CHECK_FALSE(query::RunQuery(*view, "MATCH (a) WITH a RETURN a UNION MATCH (b) RETURN b AS a", {}, &rs, &e));
  CHECK(e.message.find("UNION of queries with WITH") != std::string::npos);
  CHECK_FALSE(query::RunQuery(*view, "EXPLAIN MATCH (a) WITH a RETURN a", {}, &rs, &e));
}

TEST_CASE("graph algorithms stop on the cancel flag and the time limit", "[query][engine]") {
  auto view = testing::ArticleView();
  std::atomic<bool> cancel{true};
  query::QueryOptions o;
  o.cancel = &cancel;
  query::ResultSet rs;
  query::QueryError e;
  for (const char* q : {"CALL betweenness() YIELD node, score RETURN node.name, score",
                        "CALL pagerank() YIELD node, score RETURN node.name, score"}) {
    INFO(q);
    CHECK_FALSE(query::RunQuery(*view, q, o, &rs, &e));
    CHECK(e.message == "query cancelled");
  }
  cancel = false;
  REQUIRE(query::RunQuery(*view, "CALL betweenness() YIELD node, score RETURN count(*)", o, &rs, &e));
}

namespace {

// Rows of `q` as display strings joined by '|', in engine order.
std::vector<std::string> Rows(const graph::GraphView& view, const std::string& q) {
  query::ResultSet rs;
  query::QueryError e;
  REQUIRE(query::RunQuery(view, q, {}, &rs, &e));
  std::vector<std::string> out;
  for (const auto& row : rs.rows) {
    std::string s;
    for (size_t i = 0; i < row.size(); ++i) s += (i ? "|" : "") + query::ToDisplayString(view, row[i]);
    out.push_back(s);
  }
  return out;
}

std::string Plan(const graph::GraphView& view, const std::string& q) {
  std::string s;
  for (const std::string& r : Rows(view, "EXPLAIN " + q)) s += r + "\n";
  return s;
}

}  // namespace

TEST_CASE("aggregates a repeated row cannot change run on the breadth-first plan, with the same answers",
          "[query][engine]") {
  auto view = testing::ArticleView();
  const std::string from = "MATCH (a {name:'Iran'})-[*1..3]-(b) ";
  const std::vector<std::string> distinct = Rows(*view, from + "RETURN DISTINCT b");
  REQUIRE(distinct.size() > 3);
  // count(DISTINCT b), collect(DISTINCT ...), min and max: one BFS.
  for (const std::string& ret : {"RETURN count(DISTINCT b)", "RETURN count(DISTINCT b.name), min(b.name)",
                                 "RETURN b.kind, count(DISTINCT b)", "RETURN max(b.mentions)"}) {
    INFO(ret);
    CHECK(Plan(*view, from + ret).find("Reach") != std::string::npos);
  }
  CHECK(Rows(*view, from + "RETURN count(DISTINCT b)") == std::vector<std::string>{std::to_string(distinct.size())});
  // count(*) counts paths: it must keep the path enumeration.
  CHECK(Plan(*view, from + "RETURN count(*)").find("Reach") == std::string::npos);
  const auto paths = Rows(*view, from + "RETURN count(*)");
  REQUIRE(paths.size() == 1);
  CHECK(std::stoul(paths[0]) > distinct.size());
  // Per kind: the distinct vertices of each kind add up to all of them.
  size_t total = 0;
  for (const std::string& row : Rows(*view, from + "RETURN b.kind, count(DISTINCT b)"))
    total += std::stoul(row.substr(row.find('|') + 1));
  CHECK(total == distinct.size());
}

TEST_CASE("reachability rows come out in the order found, in batches, names fetched ahead when read",
          "[query][engine]") {
  // A hub with 40 neighbours N0..N39 and, one level further, M0..M39:
  // each level holds several batches. N25 also points back at the hub,
  // which the search meets (a closed trail) in the middle of level 2,
  // between M24 and M25.
  using testing::MakeEntity;
  using testing::MakeRelation;
  graph::GraphData d;
  d.entities.push_back(MakeEntity("Hub", graph::EntityKind::kCountry));
  std::vector<std::string> found, found_m;  // the order of a breadth-first search
  for (int i = 0; i < 40; ++i) {
    const std::string n = "N" + std::to_string(i), m = "M" + std::to_string(i);
    d.entities.push_back(MakeEntity(n, graph::EntityKind::kArmedGroup));
    d.entities.push_back(MakeEntity(m, graph::EntityKind::kPerson));
    d.relations.push_back(MakeRelation("Hub", graph::RelationType::kAttacked, n, 1));
    d.relations.push_back(MakeRelation(n, graph::RelationType::kAttacked, m, 1));
    found.push_back(n);
    if (i == 25) found_m.push_back("Hub");
    found_m.push_back(m);
  }
  found.insert(found.end(), found_m.begin(), found_m.end());
  d.relations.push_back(MakeRelation("N25", graph::RelationType::kAttacked, "Hub", 1));
  auto view = graph::GraphView::Build(std::move(d));
  for (const std::string from :
       {"MATCH (a {name:'Hub'})-[*1..3]->(b) ", "MATCH (a {name:'Hub'})-[:attacked*..2]-(b) "}) {
    INFO(from);
    // Rows of nodes display as their names; a node's row reads no name.
    CHECK(Rows(*view, from + "RETURN DISTINCT b") == found);
    CHECK(Plan(*view, from + "RETURN DISTINCT b").find("names fetched ahead") == std::string::npos);
    CHECK(Rows(*view, from + "RETURN DISTINCT b.name") == found);
    CHECK(Plan(*view, from + "RETURN DISTINCT b.name").find("names fetched ahead") != std::string::npos);
    // LIMIT stops inside a batch; a filter on the name drops its row only.
    for (size_t limit : {1, 7, 16, 17, 41}) {
      INFO(limit);
      const std::vector<std::string> first(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(limit));
      CHECK(Rows(*view, from + "RETURN DISTINCT b.name LIMIT " + std::to_string(limit)) == first);
      CHECK(Rows(*view, from + "RETURN DISTINCT b LIMIT " + std::to_string(limit)) == first);
    }
    std::vector<std::string> without_m3 = found;
    std::erase(without_m3, "M3");
    CHECK(Plan(*view, from + "WHERE b.name <> 'M3' RETURN DISTINCT b").find("names fetched ahead") !=
          std::string::npos);
    CHECK(Rows(*view, from + "WHERE b.name <> 'M3' RETURN DISTINCT b") == without_m3);
    CHECK(Rows(*view, from + "RETURN count(DISTINCT b.name)") == std::vector<std::string>{"81"});
  }
}

TEST_CASE("DISTINCT and grouping on names treat equal names as one, whatever the vertex", "[query][engine]") {
  graph::GraphData d = testing::ArticleGraph();
  d.entities.push_back(testing::MakeEntity("Baker", graph::EntityKind::kPerson));
  graph::Entity place = testing::MakeEntity("Baker", graph::EntityKind::kLocation);
  place.id ^= 1;  // another entity with the same name
  place.country = "USA";
  d.entities.push_back(place);
  auto view = graph::GraphView::Build(std::move(d));
  CHECK(Rows(*view, "MATCH (n) WHERE n.name = 'Baker' RETURN DISTINCT n").size() == 2);
  CHECK(Rows(*view, "MATCH (n) WHERE n.name = 'Baker' RETURN DISTINCT n.name") == std::vector<std::string>{"Baker"});
  CHECK(Rows(*view, "MATCH (n) WHERE n.name = 'Baker' RETURN n.name, count(*)") ==
        std::vector<std::string>{"Baker|2"});
  CHECK(Rows(*view, "MATCH (n) WHERE n.name = 'Baker' RETURN count(DISTINCT n.name), count(DISTINCT n)") ==
        std::vector<std::string>{"1|2"});
  // A missing country is null: grouped as one null key, and not counted.
  CHECK(Rows(*view, "MATCH (n) WHERE n.name = 'Baker' RETURN n.country, count(*) ORDER BY n.country") ==
        std::vector<std::string>{"|1", "USA|1"});
  CHECK(Rows(*view, "MATCH (n) WHERE n.name = 'Baker' RETURN count(DISTINCT n.country)") ==
        std::vector<std::string>{"1"});
  // Groups come out in key order, as without atoms.
  const auto kinds = Rows(*view, "MATCH (n) RETURN n.kind, count(*)");
  CHECK(std::is_sorted(kinds.begin(), kinds.end()));
  const auto types = Rows(*view, "MATCH ()-[r]->() RETURN type(r), count(*)");
  CHECK(std::is_sorted(types.begin(), types.end()));
  CHECK(types.size() > 3);
}
