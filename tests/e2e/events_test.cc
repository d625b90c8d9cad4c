// End-to-end tests of extraction v2 through the geokg binary: event edges
// from the parse tree on sentences of our own wording, `geokg eval --events`
// on a small coded file, and a missing parser model as a one-line error
// with exit status 2 for ingest and eval.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>

#include "tests/support/process.h"

using geokg::testing::ProcessResult;
using geokg::testing::RunGeokg;
using geokg::testing::TempDir;
using geokg::testing::WriteWholeFile;

namespace {

std::string Edges(const TempDir& tmp, const std::string& text) {
  WriteWholeFile(tmp / "a.txt", text);
  ProcessResult in = RunGeokg({"ingest", "--db", tmp / "db", tmp / "a.txt"});
  REQUIRE(in.exit_code == 0);
  ProcessResult q = RunGeokg({"query", "--db", tmp / "db", "--format", "csv",
                              "OPTIONS {modality: 'all'} MATCH (a)-[r]->(b) RETURN a.name, r.type, r.modality, b.name"});
  REQUIRE(q.exit_code == 0);
  return q.out;
}

}  // namespace

TEST_CASE("ingest finds the events of the issue's sentence kinds", "[e2e][events]") {
  TempDir tmp;
  std::string out = Edges(tmp,
                          "Kenyan police arrested 40 Somali nationals near the border.\n\n"
                          "Vladimir Putin arrived in Paris on Monday. He met Emmanuel Macron at the palace.\n\n"
                          "Israeli Prime Minister Benjamin Netanyahu will meet French President Emmanuel Macron in June.\n\n"
                          "Ghana refused to release the two Togolese pilots.\n");
  CHECK(out.find("Kenyan police,arrested,[asserted],Somalia") != std::string::npos);
  // met-with is symmetric: stored once, in either order.
  CHECK((out.find("Vladimir Putin,met-with,[asserted],Emmanuel Macron") != std::string::npos ||
         out.find("Emmanuel Macron,met-with,[asserted],Vladimir Putin") != std::string::npos));
  CHECK((out.find("Benjamin Netanyahu,met-with,[future],Emmanuel Macron") != std::string::npos ||
         out.find("Emmanuel Macron,met-with,[future],Benjamin Netanyahu") != std::string::npos));
  CHECK(out.find("Ghana,rejected,[asserted],Togo") != std::string::npos);
  CHECK(out.find("Ghana,released,[asserted]") == std::string::npos);
  CHECK(out.find("Ghana,released,[negated],Togo") != std::string::npos);
}

TEST_CASE("geokg eval --events scores a coded file", "[e2e][events]") {
  TempDir tmp;
  WriteWholeFile(tmp / "coded.jsonl",
                 R"({"id":"a","text":"Kenyan police arrested 40 Somali nationals near the border.","source":["Kenyan police"],"target":["Somali nationals"],"quad_class":4})"
                 "\n"
                 R"({"id":"b","text":"Peru praised Chile for its help.","source":["Peru"],"target":["Chile"],"quad_class":1})"
                 "\n"
                 R"({"id":"c","text":"Markets were calm on Friday.","source":null,"target":null,"quad_class":null})"
                 "\n");
  ProcessResult r = RunGeokg({"eval", "--events", tmp / "coded.jsonl"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("event sentences: 3 read, 2 with source, target and a scored class") != std::string::npos);
  CHECK(r.out.find("recall    1.000  (2 of 2 sentences") != std::string::npos);
  CHECK(r.out.find("precision 1.000") != std::string::npos);

  WriteWholeFile(tmp / "bad.jsonl", R"({"text":"Chad shelled the town."})" "\n{broken\n");
  ProcessResult bad = RunGeokg({"eval", "--events", tmp / "bad.jsonl"});
  CHECK(bad.exit_code == 1);
  CHECK(bad.err == "geokg eval: " + (tmp / "bad.jsonl") + ":2: malformed JSON\n");
  ProcessResult scheme = RunGeokg({"eval", "--events", tmp / "coded.jsonl", "--quad", "octal"});
  CHECK(scheme.exit_code == 1);
}

TEST_CASE("a missing parser model is one line naming the file, exit 2", "[e2e][events]") {
  TempDir tmp;
  WriteWholeFile(tmp / "a.txt", "Chad shelled the town.\n");
  setenv("GEOKG_PARSER_DIR", (tmp / "no-model").c_str(), 1);
  ProcessResult in = RunGeokg({"ingest", "--db", tmp / "db", tmp / "a.txt"});
  ProcessResult ev = RunGeokg({"eval", "--events", tmp / "a.txt"});
  unsetenv("GEOKG_PARSER_DIR");
  CHECK(in.exit_code == 2);
  CHECK(in.err == "geokg ingest: " + (tmp / "no-model") + "/tagger.gkm: missing model file\n");
  CHECK(ev.exit_code == 2);
  CHECK(ev.err == "geokg eval: " + (tmp / "no-model") + "/tagger.gkm: missing model file\n");
}
