// End-to-end tests of `geokg parse`: CoNLL-U out of text given as
// arguments, a file or stdin; --eval on a gold file; a missing or corrupt
// model is one line on stderr naming the file, exit status 2.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>

#include "tests/support/process.h"

using geokg::testing::ProcessResult;
using geokg::testing::RunGeokg;
using geokg::testing::TempDir;
using geokg::testing::WriteWholeFile;

namespace {
int LineCount(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }
}  // namespace

TEST_CASE("geokg parse prints CoNLL-U for text arguments", "[e2e][parse]") {
  ProcessResult r = RunGeokg({"parse", "Rebels seized the town.", "The army’s troops withdrew."});
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(r.out.find("# text = Rebels seized the town.\n") != std::string::npos);
  CHECK(r.out.find("2\tseized\tseize\tVERB\tVBD\t_\t0\troot\t_\t_\n") != std::string::npos);
  CHECK(r.out.find("1\tRebels\t") != std::string::npos);
  CHECK(r.out.find("\t’s\t") != std::string::npos);  // the possessive is its own token
  CHECK(r.out.find("\twithdrew\twithdraw\tVERB\tVBD\t") != std::string::npos);
  CHECK(r.out.find("# text = The army’s troops withdrew.\n") != std::string::npos);
}

TEST_CASE("geokg parse reads files and stdin", "[e2e][parse]") {
  TempDir tmp;
  WriteWholeFile(tmp / "a.txt", "Iran condemned the strike.\n");
  ProcessResult f = RunGeokg({"parse", "-f", tmp / "a.txt"});
  REQUIRE(f.exit_code == 0);
  CHECK(f.out.find("\tcondemned\tcondemn\tVERB\t") != std::string::npos);
  ProcessResult positional = RunGeokg({"parse", tmp / "a.txt"});
  CHECK(positional.out == f.out);
  ProcessResult in = RunGeokg({"parse"}, "Iran condemned the strike.\n");
  CHECK(in.out == f.out);
  ProcessResult dash = RunGeokg({"parse", "-"}, "Iran condemned the strike.\n");
  CHECK(dash.out == f.out);
  ProcessResult missing = RunGeokg({"parse", "-f", tmp / "nope.txt"});
  CHECK(missing.exit_code == 1);
  CHECK(LineCount(missing.err) == 1);
}

TEST_CASE("geokg parse --eval scores a gold file", "[e2e][parse]") {
  TempDir tmp;
  WriteWholeFile(tmp / "g.conllu",
                 "# text = Troops left.\n"
                 "1\tTroops\ttroop\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
                 "2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                 "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n");
  ProcessResult r = RunGeokg({"parse", "--eval", tmp / "g.conllu"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("tokens        3\n") != std::string::npos);
  CHECK(r.out.find("UAS") != std::string::npos);
  CHECK(r.out.find("LAS") != std::string::npos);
  WriteWholeFile(tmp / "bad.conllu", "1\tTroops\n");
  ProcessResult bad = RunGeokg({"parse", "--eval", tmp / "bad.conllu"});
  CHECK(bad.exit_code == 1);
  CHECK(LineCount(bad.err) == 1);
  CHECK(bad.err.find("bad.conllu:line 1") != std::string::npos);
}

TEST_CASE("geokg parse: missing or corrupt model exits 2 with one line", "[e2e][parse]") {
  TempDir tmp;
  ProcessResult missing = RunGeokg({"parse", "--model", tmp / "none", "Troops left."});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err == "geokg parse: " + (tmp.path() / "none" / "tagger.gkm").string() + ": missing model file\n");
  CHECK(missing.out.empty());
  WriteWholeFile(tmp.path() / "m" / "tagger.gkm", "GKPARSE this is not a model");
  ProcessResult corrupt = RunGeokg({"parse", "--model", tmp / "m", "Troops left."});
  CHECK(corrupt.exit_code == 2);
  CHECK(LineCount(corrupt.err) == 1);
  CHECK(corrupt.err.rfind("geokg parse: " + (tmp.path() / "m" / "tagger.gkm").string() + ": corrupt model file (", 0) == 0);
}
