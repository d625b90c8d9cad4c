// End-to-end tests of `geokg dot` on a store made by `geokg ingest`: DOT on
// stdout, files by extension, and the one-line errors of the CLI contract.
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

#include "tests/support/fixtures.h"
#include "tests/support/process.h"

using geokg::testing::ProcessResult;
using geokg::testing::ReadWholeFile;
using geokg::testing::RunGeokg;
using geokg::testing::TempDir;
using geokg::testing::WriteWholeFile;

namespace {

const char* const kArticle = geokg::testing::kSmallArticle;

std::string MakeStore(const TempDir& dir) {
  std::string db = dir / "db";
  WriteWholeFile(dir / "article.txt", kArticle);
  ProcessResult r = RunGeokg({"ingest", "--db", db, "--quiet", dir / "article.txt"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return db;
}

int Lines(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }

}  // namespace

TEST_CASE("geokg dot writes DOT, SVG and PNG", "[e2e][dot]") {
  TempDir dir;
  std::string db = MakeStore(dir);
  ProcessResult r = RunGeokg({"dot", "--db", db, "--around", "US", "--depth", "2"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.rfind("digraph", 0) == 0);
  CHECK(r.out.find("\"United States\"") != std::string::npos);
  CHECK(r.out.find("deployed-to") != std::string::npos);
  // Same input, same bytes.
  CHECK(RunGeokg({"dot", "--db", db, "--around", "US", "--depth", "2"}).out == r.out);

  std::string svg = dir / "g.svg";
  r = RunGeokg({"dot", "--db", db, "--around", "United States", "-o", svg});
  REQUIRE(r.exit_code == 0);
  CHECK(ReadWholeFile(svg).find("<svg") != std::string::npos);
  std::string png = dir / "g.png";
  r = RunGeokg({"dot", "--db", db, "--query", "MATCH p = (a {name: 'United States'})-[*1..2]-(b) RETURN p",
                "-o", png});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(ReadWholeFile(png).compare(0, 4, "\x89PNG") == 0);
}

TEST_CASE("geokg dot errors are one line with exit status 1", "[e2e][dot]") {
  TempDir dir;
  std::string db = MakeStore(dir);
  ProcessResult r = RunGeokg({"dot", "--db", db, "--types", "deployd-to"});
  CHECK(r.exit_code == 1);
  CHECK(Lines(r.err) == 1);
  CHECK(r.err.find("did you mean 'deployed-to'") != std::string::npos);
  r = RunGeokg({"dot", "--db", db, "--kinds", "contry"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("did you mean 'country'") != std::string::npos);
  r = RunGeokg({"dot", "--db", db, "--around", "Atlantis"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("no entity named 'Atlantis'") != std::string::npos);
  r = RunGeokg({"dot", "--db", db, "--max-nodes", "100000"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("5000") != std::string::npos);
  r = RunGeokg({"dot", "--db", db, "-o", dir / "x.jpeg"});
  CHECK(r.exit_code == 1);
  r = RunGeokg({"dot", "--db", db, "--max-nodes", "1"});
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("kept 1 of") != std::string::npos);
}
