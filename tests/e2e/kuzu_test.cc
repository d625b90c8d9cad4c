// End-to-end test of the CSV export against Kùzu itself: a store built from
// samples/ is exported, loaded into an in-memory Kùzu database by running
// the generated kuzu.cypher (through the kuzu npm package and
// tests/e2e/data/kuzu_load.js), and idiomatic Cypher with a typed
// relationship, MATCH (a)-[:ATTACKED]->(b), must count what `geokg query`
// and `geokg stats` count. Needs node and the kuzu package, which
// scripts/setup.sh installs into build/node-kuzu when npm can reach the
// registry (override: $GEOKG_KUZU_NODE_MODULES); without them the test is
// skipped with a WARN.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "graph/ontology.h"
#include "tests/support/process.h"
#include "tools/export/export.h"

using geokg::testing::ProcessResult;
using geokg::testing::RunGeokg;
using geokg::testing::RunProcess;
using geokg::testing::TempDir;
using Json = nlohmann::json;

namespace {

std::string KuzuModulesDir() {
  if (const char* dir = std::getenv("GEOKG_KUZU_NODE_MODULES"); dir != nullptr && *dir) return dir;
  return std::string(GEOKG_BUILD_DIR) + "/node-kuzu/node_modules";
}

// One JSON array of rows per query, from running the export in `dir`
// through kuzu.cypher. Sets *skip (and returns nothing) when node or the
// kuzu package is missing.
std::vector<Json> RunKuzu(const std::string& dir, const std::vector<std::string>& queries,
                          std::string* skip) {
  std::string input;
  for (const std::string& q : queries) input += q + "\n";
  ProcessResult r =
      RunProcess({"/usr/bin/env", "node", std::string(GEOKG_SOURCE_DIR) + "/tests/e2e/data/kuzu_load.js",
                  KuzuModulesDir(), dir},
                 input);
  if (r.exit_code == 127) {
    *skip = "node is not installed";
    return {};
  }
  if (r.exit_code == 3) {
    *skip = r.err;
    return {};
  }
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::vector<Json> out;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) out.push_back(Json::parse(line));
  REQUIRE(out.size() == queries.size());
  return out;
}

// geokg query's row count and summed r.count per relation type.
std::map<std::string, std::pair<int, int>> GeokgCounts(const std::string& db, bool all_modalities) {
  std::vector<std::string> args = {"query", "--db", db, "--format", "json"};
  if (all_modalities) args.push_back("--all-modalities");
  args.push_back("MATCH (a)-[r]->(b) RETURN type(r) AS t, count(*) AS n, collect(r.count) AS c");
  ProcessResult r = RunGeokg(args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::map<std::string, std::pair<int, int>> out;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    Json j = Json::parse(line);
    int sum = 0;
    for (const Json& c : j["c"]) sum += c.get<int>();
    out[j["t"].get<std::string>()] = {j["n"].get<int>(), sum};
  }
  return out;
}

}  // namespace

TEST_CASE("a csv export of samples/ loads into Kuzu, where typed Cypher counts what geokg counts",
          "[e2e][export][kuzu]") {
  TempDir tmp;
  std::string db = tmp / "db";
  ProcessResult ing =
      RunGeokg({"ingest", "--db", db, "--quiet", std::string(GEOKG_SOURCE_DIR) + "/samples/articles",
                std::string(GEOKG_SOURCE_DIR) + "/samples/jsonl"});
  INFO(ing.err);
  REQUIRE(ing.exit_code == 0);
  ProcessResult st = RunGeokg({"stats", "--db", db, "--format", "json"});
  REQUIRE(st.exit_code == 0);
  Json stats = Json::parse(st.out);

  for (bool all_modalities : {false, true}) {
    DYNAMIC_SECTION((all_modalities ? "--all-modalities" : "asserted (default)")) {
      std::string dir = tmp / (all_modalities ? "all" : "asserted");
      std::vector<std::string> args = {"export", "--db", db, "--format", "csv", "-o", dir};
      if (all_modalities) args.push_back("--all-modalities");
      ProcessResult exp = RunGeokg(args);
      INFO(exp.err);
      REQUIRE(exp.exit_code == 0);

      std::map<std::string, std::pair<int, int>> expected = GeokgCounts(db, all_modalities);
      REQUIRE(expected.size() >= 5);
      std::vector<std::string> queries = {"MATCH (n:Entity) RETURN count(*) AS n",
                                          "MATCH (a)-[r]->(b) RETURN count(*) AS n",
                                          "MATCH (a:Entity {kind: 'country'}) RETURN count(*) AS n"};
      std::vector<std::string> types;
      for (const geokg::graph::RelationInfo& t : geokg::graph::AllRelationTypes()) {
        std::string type = geokg::tools::Neo4jType(t.type);
        types.push_back(std::string(t.name));
        queries.push_back("MATCH (a)-[r:" + type +
                          "]->(b) RETURN count(*) AS n, coalesce(sum(r.count), 0) AS c");
      }
      std::string skip;
      std::vector<Json> rows = RunKuzu(dir, queries, &skip);
      if (!skip.empty()) {
        WARN("SKIPPED: Kuzu load test did not run: "
             << skip
             << " (scripts/setup.sh installs the kuzu npm package into "
                "build/node-kuzu when npm can reach the registry)");
        return;
      }
      CHECK(rows[0][0]["n"] == stats["entities"]);
      CHECK(rows[2][0]["n"] == stats["entities_by_kind"]["country"]);
      int total = 0;
      for (size_t i = 0; i < types.size(); ++i) {
        INFO(types[i]);
        std::pair<int, int> want = expected.count(types[i]) ? expected[types[i]] : std::pair<int, int>{0, 0};
        CHECK(rows[3 + i][0]["n"] == want.first);
        CHECK(rows[3 + i][0]["c"] == want.second);
        if (all_modalities) CHECK(rows[3 + i][0]["n"] == stats["relations_by_type"][types[i]]);
        total += want.first;
      }
      CHECK(rows[1][0]["n"] == total);
      if (all_modalities)
        CHECK(total == stats["relations"].get<int>());
      else
        CHECK(total < stats["relations"].get<int>());  // samples/ has relations with no asserted evidence
      size_t attacked_at = std::find(types.begin(), types.end(), "attacked") - types.begin();
      const Json& attacked = rows[3 + attacked_at][0]["n"];
      WARN("Kuzu: " << rows[1][0]["n"] << " relations (" << attacked << " ATTACKED) of " << stats["relations"]
                    << " in the store, " << rows[0][0]["n"] << " entities");
    }
  }
}
