#include <catch2/catch.hpp>

#include "query/parser.h"

using namespace geokg::query;

TEST_CASE("parser builds patterns", "[query][parser]") {
  QueryAst q;
  QueryError e;
  REQUIRE(Parse("MATCH p = shortestPath((a:armed-group {name: 'KH'})-[r:allied-with|`backed-by`*..4]-(b)), (c)<--(a) "
                "WHERE a.name STARTS WITH 'K' AND NOT b.kind IN ['country'] RETURN DISTINCT a.name AS n, count(*) "
                "ORDER BY n DESC SKIP 1 LIMIT 5",
                &q, &e));
  REQUIRE(q.patterns.size() == 2);
  const PatternPath& p = q.patterns[0];
  CHECK(p.function == PathFunction::kShortest);
  CHECK(p.path_variable->text == "p");
  CHECK(p.nodes[0].kinds[0].text == "armed-group");
  CHECK(p.nodes[0].properties[0].key.text == "name");
  CHECK(p.rels[0].types.size() == 2);
  CHECK(p.rels[0].types[0].text == "allied-with");
  CHECK(p.rels[0].variable_length);
  CHECK(p.rels[0].max_hops == 4);
  CHECK(p.rels[0].direction == Direction::kBoth);
  CHECK(q.patterns[1].rels[0].direction == Direction::kIn);
  CHECK(q.where->kind == ExprKind::kAnd);
  CHECK(q.distinct);
  CHECK(q.items[0].column == "n");
  CHECK(q.items[1].column == "count(*)");
  CHECK(q.order_by[0].descending);
  CHECK(q.skip->i == 1);
  CHECK(q.limit->i == 5);
}

TEST_CASE("parser reads hop ranges", "[query][parser]") {
  auto range = [](const char* text) {
    QueryAst q;
    QueryError e;
    REQUIRE(Parse(text, &q, &e));
    return std::make_pair(q.patterns[0].rels[0].min_hops, q.patterns[0].rels[0].max_hops);
  };
  CHECK(range("MATCH (a)-[*]->(b) RETURN a") == std::make_pair(1, -1));
  CHECK(range("MATCH (a)-[*2]->(b) RETURN a") == std::make_pair(2, 2));
  CHECK(range("MATCH (a)-[*1..3]->(b) RETURN a") == std::make_pair(1, 3));
  CHECK(range("MATCH (a)-[*..4]->(b) RETURN a") == std::make_pair(1, 4));
  CHECK(range("MATCH (a)-[*2..]->(b) RETURN a") == std::make_pair(2, -1));
}

TEST_CASE("parser errors point at the token", "[query][parser]") {
  QueryAst q;
  QueryError e;
  std::string text = "MATCH (a)-[:blamed]->(b)\nRETURN a.name,";
  REQUIRE_FALSE(Parse(text, &q, &e));
  CHECK(e.line == 2);
  CHECK(e.Format(text) == "line 2, column 15: expected an expression, found end of query\nRETURN a.name,\n              ^");
  REQUIRE_FALSE(Parse("MATCH (a)-[:blamed]-(b) WHERE RETURN a", &q, &e));
  CHECK(e.column == 31);
}

TEST_CASE("parser reads EXPLAIN, PROFILE, UNION and CALL", "[query][parser]") {
  QueryAst q;
  QueryError e;
  REQUIRE(Parse("PROFILE OPTIONS {modality: 'all'} CALL PageRank({types: ['attacked']}) YIELD node AS n, score "
                "MATCH (n)-->(m) WHERE score > 0.1 RETURN n.name UNION ALL MATCH (a) RETURN a.name AS `n.name`;",
                &q, &e));
  CHECK(q.mode == QueryMode::kProfile);
  REQUIRE(q.call);
  CHECK(q.call->procedure.text == "pagerank");
  REQUIRE(q.call->options.size() == 1);
  CHECK(q.call->options[0].key.text == "types");
  REQUIRE(q.call->yields.size() == 2);
  CHECK(q.call->yields[0].alias->text == "n");
  CHECK(q.call->yields[1].field.text == "score");
  CHECK(q.patterns.size() == 1);
  REQUIRE(q.unions.size() == 1);
  CHECK(q.union_joins[0].all);
  CHECK(q.union_joins[0].pos.column == 143);
  CHECK(q.unions[0].items[0].column == "n.name");
  REQUIRE(Parse("EXPLAIN MATCH (a) RETURN a UNION MATCH (a) RETURN a UNION MATCH (b) RETURN b AS a", &q, &e));
  CHECK(q.mode == QueryMode::kExplain);
  CHECK(q.unions.size() == 2);
  CHECK_FALSE(q.union_joins[1].all);
  REQUIRE_FALSE(Parse("CALL pagerank() YIELD RETURN 1", &q, &e));
  CHECK(e.column == 23);
  CHECK(e.message == "expected a field to yield, found 'RETURN'");
}
