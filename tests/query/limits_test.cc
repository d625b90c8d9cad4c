// What one query may ask for (query/limits.h): nesting depth, flat chains,
// option ranges and the memory budget. Each case here crashed, hung or
// silently misread its input before the limits existed (issue 13).
#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "query/engine.h"
#include "query/limits.h"
#include "tests/query/fixture.h"

using namespace geokg;

namespace {

std::string Repeat(std::string_view s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

bool Run(std::string_view text, query::ResultSet* rs, query::QueryError* e, query::QueryOptions o = {}) {
  static const auto view = testing::ArticleView();
  return query::RunQuery(*view, text, o, rs, e);
}

// Every pair of `n` countries joined both ways: paths multiply with length.
std::shared_ptr<const graph::GraphView> CliqueView(int n) {
  graph::GraphData d;
  for (int i = 0; i < n; ++i)
    d.entities.push_back(testing::MakeEntity("Country " + std::to_string(i), graph::EntityKind::kCountry));
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j)
      if (i != j)
        d.relations.push_back(testing::MakeRelation("Country " + std::to_string(i), graph::RelationType::kCondemned,
                                                    "Country " + std::to_string(j), 1));
  return graph::GraphView::Build(std::move(d));
}

}  // namespace

TEST_CASE("deep nesting is a one-line error, not a stack overflow", "[query][limits]") {
  query::ResultSet rs;
  query::QueryError e;
  const std::string prefix = "MATCH (a) RETURN ";
  for (const std::string& expr : {Repeat("(", 20000) + "1" + Repeat(")", 20000), Repeat("NOT ", 100000) + "true",
                                  Repeat("[", 100000) + Repeat("]", 100000),
                                  Repeat("count(", 20000) + "a" + Repeat(")", 20000),
                                  Repeat("-(", 20000) + "1" + Repeat(")", 20000)}) {
    INFO(expr.substr(0, 20));
    REQUIRE_FALSE(Run(prefix + expr, &rs, &e));
    CHECK(e.line == 1);
    CHECK(e.column > static_cast<int>(prefix.size()));
    CHECK(e.message == "query nested too deeply (more than 256 levels)");
    // The formatted error shows a window of the long line, not all of it.
    CHECK(e.Format(prefix + expr).size() < 400);
  }
  // In WHERE, in a property map and in OPTIONS too.
  CHECK_FALSE(Run("MATCH (a) WHERE " + Repeat("(", 5000) + "true" + Repeat(")", 5000) + " RETURN a", &rs, &e));
  CHECK(e.message.find("nested too deeply") != std::string::npos);
  CHECK_FALSE(Run("MATCH (a {name: " + Repeat("[", 5000) + Repeat("]", 5000) + "}) RETURN a", &rs, &e));
  CHECK(e.message.find("nested too deeply") != std::string::npos);
  CHECK_FALSE(Run("OPTIONS {modality: " + Repeat("[", 5000) + Repeat("]", 5000) + "} MATCH (a) RETURN a", &rs, &e));
  CHECK(e.message.find("nested too deeply") != std::string::npos);
  // Up to the limit, nesting works.
  REQUIRE(Run("MATCH (a {name: 'Iran'}) RETURN " + Repeat("(", 200) + "a.name" + Repeat(")", 200) + " AS n", &rs, &e));
  REQUIRE(rs.rows.size() == 1);
  CHECK(query::ToDisplayString(*testing::ArticleView(), rs.rows[0][0]) == "Iran");
  REQUIRE(Run("MATCH (a {name: 'Iran'}) WHERE " + Repeat("NOT ", 201) + "false RETURN a", &rs, &e));
  CHECK(rs.rows.size() == 1);
}

TEST_CASE("flat chains of OR, AND and XOR run at any length", "[query][limits]") {
  query::ResultSet rs;
  query::QueryError e;
  std::string ors = "MATCH (a) WHERE a.name = 'x0'";
  for (int i = 1; i < 50000; ++i) ors += " OR a.name = 'x" + std::to_string(i) + "'";
  ors += " OR a.name = 'Iran' RETURN a.name";
  REQUIRE(Run(ors, &rs, &e));
  REQUIRE(rs.rows.size() == 1);
  std::string ands = "MATCH (a {name: 'Iran'}) WHERE true" + Repeat(" AND a.kind = 'country'", 50000) + " RETURN a";
  REQUIRE(Run(ands, &rs, &e));
  CHECK(rs.rows.size() == 1);
  // 50,001 trues: an odd count of true terms.
  REQUIRE(Run("MATCH (a {name: 'Iran'}) RETURN true" + Repeat(" XOR true", 50000) + " AS x", &rs, &e));
  CHECK(rs.rows[0][0] == query::Value(true));
  // Three-valued logic holds over n terms.
  REQUIRE(Run("MATCH (a {name: 'Iran'}) RETURN null OR false OR true AS o, null AND true AND false AS n, "
              "null OR false AS on, true AND null AND true AS an, true XOR null XOR true AS x, "
              "false XOR true XOR false AS x1",
              &rs, &e));
  REQUIRE(rs.rows.size() == 1);
  CHECK(rs.rows[0][0] == query::Value(true));
  CHECK(rs.rows[0][1] == query::Value(false));
  CHECK(rs.rows[0][2].is_null());
  CHECK(rs.rows[0][3].is_null());
  CHECK(rs.rows[0][4].is_null());
  CHECK(rs.rows[0][5] == query::Value(true));
  // A long UNION ALL is a list, not a recursion.
  std::string unions = "MATCH (a {name: 'Iran'}) RETURN a.name AS n" +
                       Repeat(" UNION ALL MATCH (a {name: 'Iran'}) RETURN a.name AS n", 2000);
  REQUIRE(Run(unions, &rs, &e));
  CHECK(rs.rows.size() == 2001);
}

TEST_CASE("long patterns and long WITH chains are errors, not stack overflows", "[query][limits]") {
  query::ResultSet rs;
  query::QueryError e;
  CHECK_FALSE(Run("MATCH (a)" + Repeat("-->()", 50000) + " RETURN a", &rs, &e));
  CHECK(e.message == "pattern too long (more than 256 nodes in one part of the query)");
  CHECK_FALSE(Run("MATCH " + Repeat("(), ", 50000) + "(a) RETURN a", &rs, &e));
  CHECK(e.message.find("pattern too long") != std::string::npos);
  CHECK_FALSE(Run("MATCH (a) WHERE" + Repeat(" exists((a)-->()) AND", 300) + " true RETURN a", &rs, &e));
  CHECK(e.message.find("pattern too long") != std::string::npos);
  CHECK_FALSE(Run("MATCH (a)" + Repeat(" WITH a", 50000) + " RETURN a", &rs, &e));
  CHECK(e.message == "too many WITH stages (at most 256)");
  REQUIRE(Run("MATCH (a {name: 'Iran'})" + Repeat(" WITH a", 100) + " RETURN a", &rs, &e));
  CHECK(rs.rows.size() == 1);
}

TEST_CASE("options out of range are errors, not wrapped or overflowed", "[query][limits]") {
  query::ResultSet rs;
  query::QueryError e;
  struct Case {
    std::string options, message;
  };
  for (const Case& c : {
           Case{"max_hops: 2147483648", "max_hops takes an integer from 1 to 1000"},
           Case{"max_hops: 1001", "max_hops takes an integer from 1 to 1000"},
           Case{"max_hops: 0", "max_hops takes an integer from 1 to 1000"},
           Case{"max_hops: 2.5", "max_hops takes an integer from 1 to 1000"},
           Case{"max_hops: 99999999999999999999", "integer out of range"},
           Case{"timeout: " + std::string(400, '9') + ".0", "timeout takes a number of seconds above 0 and at most 1000000"},
           Case{"timeout: 0", "timeout takes a number of seconds above 0 and at most 1000000"},
           Case{"max_rows: 2.5", "max_rows takes a positive integer"},
           Case{"max_rows: 0", "max_rows takes a positive integer"},
           Case{"max_memory_mb: 0", "max_memory_mb takes an integer number of MB from 1 to 1048576"},
           Case{"max_memory_mb: 2000000", "max_memory_mb takes an integer number of MB from 1 to 1048576"},
       }) {
    INFO(c.options);
    REQUIRE_FALSE(Run("OPTIONS {" + c.options + "} MATCH (a) RETURN a", &rs, &e));
    CHECK(e.message == c.message);
    CHECK(e.line == 1);
    CHECK(e.column == 11 + static_cast<int>(c.options.find(':')) + 1);
  }
  // The largest values are accepted and behave as bounds.
  REQUIRE(Run("OPTIONS {max_hops: 1000, timeout: 1000000, max_memory_mb: 1048576} "
              "MATCH (a {name: 'Iran'})-[*]-(b {name: 'Baghdad'}) RETURN count(*) AS n",
              &rs, &e));
  CHECK(rs.rows.size() == 1);
  // A huge time limit from the library is clamped, not an instant timeout;
  // a huge default_max_hops is capped at kMaxHops.
  query::QueryOptions o;
  o.time_limit_seconds = 1e308;
  o.default_max_hops = 2147483647;
  REQUIRE(Run("MATCH (a {name: 'Iran'})-[*]->(b) RETURN count(*) AS n", &rs, &e, o));
}

TEST_CASE("a query over its memory budget stops with a clear error", "[query][limits]") {
  auto view = CliqueView(10);
  query::ResultSet rs;
  query::QueryError e;
  const std::string expected =
      "query exceeded its memory budget of 1 MB (raise it with --max-memory or OPTIONS {max_memory_mb: N})";
  REQUIRE(query::RunQuery(*view, "MATCH p = (a)-[*1..3]->(b) RETURN count(p) AS n, count(DISTINCT a) AS a", {}, &rs, &e));
  INFO(query::ToDisplayString(*view, rs.rows[0][0]) << " paths of up to 3 hops from " << query::ToDisplayString(*view, rs.rows[0][1]));
  auto start = std::chrono::steady_clock::now();
  // collect() of variable-length paths: millions of paths without a budget.
  REQUIRE_FALSE(query::RunQuery(*view, "OPTIONS {max_memory_mb: 1} MATCH p = (a)-[*1..6]->(b) RETURN collect(p)",
                                {}, &rs, &e));
  CHECK(e.message == expected);
  CHECK(e.line == 0);
  CHECK(rs.rows.empty());
  CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < 5);
  // The same through QueryOptions (what --max-memory sets).
  query::QueryOptions o;
  o.max_memory_mb = 1;
  for (const char* q : {"MATCH p = (a)-[*1..6]->(b) RETURN collect(p)",
                        "MATCH p = (a)-[*1..6]->(b) RETURN p ORDER BY length(p)",   // rows held for sorting
                        "MATCH p = (a)-[*1..6]->(b) RETURN DISTINCT p",             // DISTINCT keys
                        "MATCH p = (a)-[*1..6]->(b) RETURN a, b, collect(DISTINCT p)",
                        "MATCH p = (a)-[*1..6]->(b) WITH p RETURN count(*) AS n",  // rows between stages
                        "MATCH p = (a)-[*1..6]->(b) RETURN p"}) {                  // the result itself
    INFO(q);
    CHECK_FALSE(query::RunQuery(*view, q, o, &rs, &e));
    CHECK(e.message == expected);
  }
  // Duplicates of DISTINCT and UNION rows hold nothing more: millions of
  // them stay within a small budget.
  REQUIRE(query::RunQuery(*view, "MATCH (a)-[*1..5]->(b) RETURN DISTINCT a.name AS n", o, &rs, &e));
  CHECK(rs.rows.size() == 10);
  REQUIRE(query::RunQuery(*view, "MATCH (a)-[*1..5]->(b) RETURN a.name AS n UNION MATCH (a) RETURN a.name AS n", o, &rs,
                          &e));
  CHECK(rs.rows.size() == 10);
  // Streaming callers keep no rows: only what the engine holds counts.
  int rows = 0;
  CHECK(query::RunQueryStreaming(
      *view, "MATCH p = (a)-[*1..5]->(b) RETURN p", o, nullptr, [&](const auto&) { return ++rows < 50000; },
      nullptr, &e));
  CHECK(rows == 50000);
  // Within the budget the same shape of query runs, and the text option
  // overrides the flag's value.
  REQUIRE(query::RunQuery(*view, "MATCH p = (a {name: 'Country 1'})-[*1..2]->(b) RETURN collect(p) AS c", o, &rs,
                          &e));
  REQUIRE(rs.rows.size() == 1);
  CHECK(std::get<query::ValueList>(rs.rows[0][0].data).size() == 9 + 9 * 9);
  REQUIRE(query::RunQuery(*view, "OPTIONS {max_memory_mb: 64} MATCH p = (a)-[*1..3]->(b) RETURN count(p) AS n", o,
                          &rs, &e));
  CHECK(query::QueryOptions{}.max_memory_mb == 1024);
}
