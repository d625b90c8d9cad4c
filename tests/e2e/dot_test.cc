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

TEST_CASE("geokg dot titles the drawing, marks the focus, and takes a date window", "[e2e][dot]") {
  TempDir dir;
  WriteWholeFile(dir / "w.jsonl",
                 "{\"id\":\"w1\",\"date\":\"2024-01-10\",\"text\":\"Chad condemned Sudan over the border raids.\"}\n"
                 "{\"id\":\"w2\",\"date\":\"2024-06-02\",\"text\":\"Chad attacked Sudan near the border.\"}\n"
                 "{\"id\":\"w3\",\"date\":\"2024-06-03\",\"text\":\"Chad attacked Sudan again.\"}\n");
  const std::string db = dir / "db";
  REQUIRE(RunGeokg({"ingest", "--db", db, "--quiet", dir / "w.jsonl"}).exit_code == 0);

  ProcessResult r = RunGeokg({"dot", "--db", db, "--around", "Chad"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("Around Chad") != std::string::npos);
  CHECK(r.out.find("all dates \u00b7 3 documents \u00b7 2 relations \u00b7 asserted evidence") != std::string::npos);
  CHECK(r.out.find("attacked \u00d72") != std::string::npos);
  CHECK(r.out.find("penwidth=3") != std::string::npos);  // the focus

  r = RunGeokg({"dot", "--db", db, "--around", "Chad", "--from", "2024-03-01", "--title", "Chad and Sudan",
                "--caption", "Source: wire reports"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("Chad and Sudan") != std::string::npos);
  CHECK(r.out.find("Source: wire reports") != std::string::npos);
  CHECK(r.out.find("2024-03-01 to \u2026 \u00b7 2 documents \u00b7 1 relation") != std::string::npos);
  CHECK(r.out.find("condemned") == std::string::npos);
  r = RunGeokg({"dot", "--db", db, "--around", "Chad", "--to", "2024-02-01", "--no-legend", "--title", ""});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("condemned") != std::string::npos);
  CHECK(r.out.find("attacked") == std::string::npos);
  CHECK(r.out.find(">country<") == std::string::npos);

  const std::string png = dir / "w.png";
  r = RunGeokg({"dot", "--db", db, "--layout", "neato", "-o", png});
  CHECK(r.exit_code == 0);
  CHECK(ReadWholeFile(png).compare(1, 3, "PNG") == 0);
  r = RunGeokg({"dot", "--db", db, "--rankdir", "tb", "-o", png});
  CHECK(r.exit_code == 0);

  for (std::vector<std::string> bad : {std::vector<std::string>{"--layout", "spring"},
                                       {"--rankdir", "up"},
                                       {"--layout-timeout", "-1"},
                                       {"--from", "2024-13-01"},
                                       {"--from", "2024-06-01", "--to", "2024-01-01"}}) {
    bad.insert(bad.begin(), {"dot", "--db", db});
    r = RunGeokg(bad);
    INFO(bad[3]);
    CHECK(r.exit_code == 1);
    CHECK(Lines(r.err) == 1);
  }
}

TEST_CASE("geokg dot redoes a layout that runs over its time limit with sfdp, and says so", "[e2e][dot]") {
  TempDir dir;
  const std::vector<std::string> countries = {
      "France", "Germany", "Italy",   "Spain",   "Portugal", "Poland",  "Austria", "Hungary", "Romania", "Bulgaria",
      "Greece", "Turkey",  "Egypt",   "Kenya",   "Nigeria",  "Ghana",   "Brazil",  "Argentina", "Chile", "Peru",
      "Mexico", "Canada",  "Japan",   "China",   "India",    "Pakistan", "Iran",   "Iraq",    "Syria",   "Jordan"};
  std::string corpus;
  int id = 0;
  for (size_t a = 0; a < countries.size(); ++a)
    for (size_t b = a + 1; b < countries.size(); ++b)
      corpus += "{\"id\":\"" + std::to_string(++id) + "\",\"text\":\"" + countries[a] + " condemned " + countries[b] +
                " on Monday.\"}\n";
  WriteWholeFile(dir / "dense.jsonl", corpus);
  const std::string db = dir / "db";
  REQUIRE(RunGeokg({"ingest", "--db", db, "--quiet", dir / "dense.jsonl"}).exit_code == 0);
  const std::string png = dir / "dense.png";
  ProcessResult r = RunGeokg({"dot", "--db", db, "--layout", "dot", "--layout-timeout", "0.3", "-o", png});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err == "geokg dot: the dot layout took over 0.3 s; drew it with sfdp instead (--layout, --layout-timeout)\n");
  CHECK(ReadWholeFile(png).compare(1, 3, "PNG") == 0);
}
