// End-to-end tests of `geokg ingest --shard` and `geokg merge`: shards of one
// corpus, merged in any order, export byte for byte as one ingest; merging
// again changes nothing; curation rules travel; bad input is one line.
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "tests/support/process.h"

using geokg::testing::ProcessResult;
using geokg::testing::RunGeokg;
using geokg::testing::TempDir;
using geokg::testing::WriteWholeFile;

namespace {

// A corpus where one entity is written two ways (case) and roles differ, so
// that first-writer rules would show.
std::string Corpus() {
  const std::vector<std::string> sentences = {
      "Chad condemned Sudan over the border raids.",
      "Chadian troops attacked rebels near Abeche.",
      "Sudanese President Omar al-Bashir met Chadian President Idriss Deby in Tripoli.",
      "Sudan's Foreign Minister Lam Akol accused Chad of backing the rebels.",
      "Prime Minister Lam Akol of Sudan met Libya's leader.",
      "The al-qaeda group threatened France and Mali.",
      "The Al-Qaeda group attacked a French base in Mali.",
      "France deployed troops to Mali after the attack.",
      "Mali and Niger agreed to hold joint patrols.",
      "Niger expelled French diplomats on Tuesday.",
      "The United States sanctioned Russia over Ukraine.",
      "Russia fought Ukraine near Kharkiv.",
  };
  std::string out;
  for (size_t i = 0; i < 60; ++i) {
    out += "{\"id\":\"d" + std::to_string(i) + "\",\"date\":\"2024-0" + std::to_string(1 + i % 9) + "-1" +
           std::to_string(i % 10) + "\",\"text\":\"" + sentences[i % sentences.size()] + " Report " +
           std::to_string(i) + ".\"}\n";
  }
  return out;
}

std::string Export(const std::string& db) {
  ProcessResult r = RunGeokg({"export", "--db", db, "--format", "jsonl", "--all-modalities"});
  REQUIRE(r.exit_code == 0);
  return r.out;
}

}  // namespace

TEST_CASE("shards merged in any order export as one ingest, and merging again changes nothing", "[e2e][merge]") {
  TempDir dir;
  WriteWholeFile(dir / "c.jsonl", Corpus());
  const std::string whole = dir / "whole";
  REQUIRE(RunGeokg({"ingest", "--db", whole, "--quiet", dir / "c.jsonl"}).exit_code == 0);
  std::vector<std::string> shards;
  size_t documents = 0;
  for (int k = 0; k < 3; ++k) {
    shards.push_back(dir / ("s" + std::to_string(k)));
    ProcessResult r = RunGeokg({"ingest", "--db", shards.back(), "--shard", std::to_string(k) + "/3", dir / "c.jsonl"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.find("left to the other 2 shards") != std::string::npos);
    documents += std::stoul(r.err.substr(r.err.find(": ") + 2));
  }
  CHECK(documents == 60);  // every document in exactly one shard
  const std::string expected = Export(whole);
  const std::vector<std::vector<int>> orders = {{0, 1, 2}, {2, 1, 0}, {1, 2, 0}};
  for (const auto& order : orders) {
    const std::string out = dir / ("m" + std::to_string(order[0]) + std::to_string(order[1]));
    std::vector<std::string> args = {"merge", "--db", out};
    for (int k : order) args.push_back(shards[k]);
    ProcessResult r = RunGeokg(args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(Export(out) == expected);
    // CSV carries aliases too.
    for (const std::string& db : {whole, out}) {
      REQUIRE(RunGeokg({"export", "--db", db, "--format", "csv", "-o", db + ".csv"}).exit_code == 0);
    }
    CHECK(geokg::testing::ReadWholeFile(out + ".csv/nodes.csv") == geokg::testing::ReadWholeFile(whole + ".csv/nodes.csv"));
  }
  // Merging a store again, or merging the whole into a merged one: no change.
  const std::string merged = dir / "m01";
  ProcessResult again = RunGeokg({"merge", "--db", merged, shards[1], whole});
  REQUIRE(again.exit_code == 0);
  CHECK(again.err.find("2 stores into " + merged + ": 0 documents added") != std::string::npos);
  CHECK(Export(merged) == expected);
}

TEST_CASE("merge carries curation rules, and bad merges and shards are one-line errors", "[e2e][merge]") {
  TempDir dir;
  WriteWholeFile(dir / "c.jsonl", Corpus());
  const std::string a = dir / "a", b = dir / "b";
  REQUIRE(RunGeokg({"ingest", "--db", a, "--quiet", "--shard", "0/2", dir / "c.jsonl"}).exit_code == 0);
  REQUIRE(RunGeokg({"ingest", "--db", b, "--quiet", "--shard", "1/2", dir / "c.jsonl"}).exit_code == 0);
  REQUIRE(RunGeokg({"entity", "set-country", "--db", a, "Lam Akol", "SDN"}).exit_code == 0);
  const std::string out = dir / "out";
  REQUIRE(RunGeokg({"merge", "--db", out, "--quiet", b, a}).exit_code == 0);
  ProcessResult q = RunGeokg({"query", "--db", out, "--format", "csv", "MATCH (p {name: 'Lam Akol'}) RETURN p.country"});
  CHECK(q.out == "p.country\nSDN\n");

  for (const char* bad : {"3/3", "1/0", "x/2", "1", "-1/2"}) {
    ProcessResult r = RunGeokg({"ingest", "--db", dir / "x", "--shard", bad, dir / "c.jsonl"});
    INFO(bad);
    CHECK(r.exit_code == 1);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(r.err.find("--shard") != std::string::npos);
  }
  ProcessResult r = RunGeokg({"merge", "--db", out, dir / "nothing"});
  CHECK(r.exit_code == 1);
  CHECK(r.err == "geokg merge: no store at " + (dir / "nothing") + "\n");
  r = RunGeokg({"merge", "--db", out, out});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("cannot be merged into itself") != std::string::npos);
  r = RunGeokg({"merge", "--db", out});
  CHECK(r.exit_code == 1);
}
