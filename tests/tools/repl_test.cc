// Tests of the REPL core (tools/repl): ProcessLine for every command on a
// small graph held in a real store, multi-line queries, errors with the
// caret, :help generated from the command table, completion.
#include "tools/repl/repl.h"

#include <catch2/catch.hpp>
#include <atomic>
#include <filesystem>
#include <sstream>

#include "graph/ids.h"
#include "graph/store.h"
#include "tools/repl/docs.h"
#include "tools/repl/script.h"
#include "tests/support/process.h"
#include "tests/tools/test_graph.h"

using geokg::graph::EntityKind;
using geokg::graph::Modality;
using geokg::graph::RelationType;
using geokg::tools::Repl;

namespace {

geokg::graph::Entity MakeEntity(const std::string& name, EntityKind kind,
                                std::vector<std::string> aliases = {}) {
  geokg::graph::Entity e;
  e.id = geokg::graph::EntityIdFor(name);
  e.name = name;
  e.kind = kind;
  e.aliases = std::move(aliases);
  return e;
}

geokg::graph::ExtractedRelation MakeRelation(const std::string& source, RelationType type,
                                             const std::string& target, uint32_t sentence,
                                             const std::string& text,
                                             Modality modality = Modality::kAsserted) {
  geokg::graph::ExtractedRelation r;
  r.key = {geokg::graph::EntityIdFor(source), type, geokg::graph::EntityIdFor(target)};
  r.evidence.sentence = sentence;
  r.evidence.begin = sentence * 100;
  r.evidence.end = sentence * 100 + 50;
  r.evidence.text = text;
  r.evidence.trigger = "x";
  r.evidence.date = 20200101;
  r.evidence.modality = modality;
  r.evidence.confidence = 0.9f;
  return r;
}

// A store in a temporary directory holding the running example, and a view
// of it.
struct Fixture {
  geokg::testing::TempDir dir;
  std::unique_ptr<geokg::graph::Store> store;
  std::shared_ptr<const geokg::graph::GraphView> view;

  Fixture() {
    REQUIRE(geokg::graph::Store::Open(dir / "db", {}, &store).ok());
    geokg::graph::DocRecord doc;
    doc.meta.id = geokg::graph::DocIdFor("article one");
    doc.meta.source = "article.txt";
    doc.meta.title = "Embassy attack";
    doc.meta.date = 20200101;
    doc.entities = {MakeEntity("Iran", EntityKind::kCountry, {"Islamic Republic"}),
                    MakeEntity("United States", EntityKind::kCountry, {"US"}),
                    MakeEntity("Kataib Hezbollah", EntityKind::kArmedGroup, {"KH"}),
                    MakeEntity("82nd Airborne Division", EntityKind::kMilitaryUnit),
                    MakeEntity("Iraq", EntityKind::kCountry)};
    doc.relations = {
        MakeRelation("Kataib Hezbollah", RelationType::kBackedBy, "Iran", 0,
                     "Kataib Hezbollah, which is backed by Iran, stormed the compound."),
        MakeRelation("United States", RelationType::kBlamed, "Iran", 1, "The US blamed Iran for the attack."),
        MakeRelation("82nd Airborne Division", RelationType::kPartOf, "United States", 2,
                     "The 82nd Airborne Division of the US Army was sent."),
        MakeRelation("82nd Airborne Division", RelationType::kDeployedTo, "Iraq", 3,
                     "The division is prepared to deploy to Iraq.", Modality::kFuture),
    };
    doc.mentions = {{geokg::graph::EntityIdFor("Iran"), 2},
                    {geokg::graph::EntityIdFor("United States"), 1},
                    {geokg::graph::EntityIdFor("Kataib Hezbollah"), 1}};
    REQUIRE(store->Apply({doc}, nullptr).ok());
    Reload();
  }

  void Reload() {
    geokg::graph::GraphData data;
    REQUIRE(store->LoadGraph(&data).ok());
    view = geokg::graph::GraphView::Build(std::move(data));
  }
};

std::string Run(Repl& repl, const std::string& line) {
  std::ostringstream out;
  CHECK(repl.ProcessLine(line, out));
  return out.str();
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("queries print aligned tables and multi-line queries end with a semicolon", "[tools][repl]") {
  Fixture f;
  Repl repl(f.view, f.store.get());
  std::string out = Run(repl, "MATCH (a)-[:blamed]->(b) RETURN a.name, b.name;");
  CHECK(Contains(out, "United States"));
  CHECK(Contains(out, "Iran"));

  CHECK(Run(repl, "MATCH (a)-[:`backed-by`]->(b)") == "");
  CHECK(repl.InContinuation());
  CHECK(repl.Prompt() != "geokg> ");
  CHECK(Run(repl, "RETURN a.name") == "");
  out = Run(repl, "  ;");
  CHECK(!repl.InContinuation());
  CHECK(Contains(out, "Kataib Hezbollah"));
  CHECK(repl.Prompt() == "geokg> ");

  // A ';' inside quotes does not end the query.
  CHECK(Run(repl, "MATCH (a {name: 'x;") == "");
  CHECK(repl.InContinuation());
  out = Run(repl, "'}) RETURN a;");
  CHECK(!repl.InContinuation());
}

TEST_CASE("query errors show the line, column and caret", "[tools][repl]") {
  Fixture f;
  Repl repl(f.view, f.store.get());
  std::string out = Run(repl, "MATCH (a)-[:blamedd]->(b) RETURN a;");
  CHECK(Contains(out, "line 1, column"));
  CHECK(Contains(out, "^"));
  CHECK(Contains(out, "MATCH (a)-[:blamedd]->(b) RETURN a"));
  Run(repl, "MATCH (a)");
  out = Run(repl, "RETURN b;");
  CHECK(Contains(out, "line 2"));
}

TEST_CASE(":help lists every command of the table", "[tools][repl]") {
  Fixture f;
  Repl repl(f.view, f.store.get());
  std::string out = Run(repl, ":help");
  for (const auto& command : Repl::Commands()) {
    CHECK(Contains(out, std::string(command.name)));
    CHECK(Contains(out, std::string(command.help)));
  }
  std::ostringstream quit;
  CHECK_FALSE(repl.ProcessLine(":quit", quit));
  CHECK(Contains(Run(repl, ":frobnicate"), "unknown command :frobnicate"));
}

TEST_CASE(":schema shows kinds and types with counts", "[tools][repl]") {
  Fixture f;
  Repl repl(f.view, f.store.get());
  std::string out = Run(repl, ":schema");
  CHECK(Contains(out, "armed-group"));
  CHECK(Contains(out, "backed-by"));
  CHECK(Contains(out, "5 entities"));
  CHECK(Contains(out, "4 relations"));
}

TEST_CASE(":path prints the shortest chains", "[tools][repl]") {
  Fixture f;
  Repl repl(f.view, f.store.get());
  std::string out = Run(repl, ":path Iran '82nd Airborne Division'");
  CHECK(Contains(out, "Iran"));
  CHECK(Contains(out, "82nd Airborne Division"));
  CHECK(Contains(out, "backed-by") == false);  // via blamed/part-of, not KH
  CHECK(Contains(out, "blamed"));
  CHECK(Contains(out, "part-of"));
  CHECK(Contains(out, "1 path of length 2"));
  // Unquoted multi-word names split where both halves are known.
  CHECK(Contains(Run(repl, ":path Kataib Hezbollah 82nd Airborne Division"), "length 3"));
  CHECK(Contains(Run(repl, ":path Iran Atlantis"), "no entity named 'Atlantis'"));
  // deployed-to is only future: hidden until :modality all.
  CHECK(Contains(Run(repl, ":path Iraq Iran"), "no path"));
  CHECK(Contains(Run(repl, ":modality all"), "future"));
  CHECK(Contains(Run(repl, ":path Iraq Iran"), "deployed-to"));
}

TEST_CASE(":around lists the neighbourhood", "[tools][repl]") {
  Fixture f;
  Repl repl(f.view, f.store.get());
  std::string out = Run(repl, ":around Iran");
  CHECK(Contains(out, "Kataib Hezbollah"));
  CHECK(Contains(out, "blamed"));
  CHECK_FALSE(Contains(out, "part-of"));
  out = Run(repl, ":around Iran 2");
  CHECK(Contains(out, "part-of"));
  out = Run(repl, ":around 82nd Airborne Division");
  CHECK(Contains(out, "United States"));
  CHECK(Contains(Run(repl, ":around Irn"), "did you mean 'Iran'"));
}

TEST_CASE(":why shows evidence with source, date and modality", "[tools][repl]") {
  Fixture f;
  Repl repl(f.view, f.store.get());
  std::string out = Run(repl, ":why US blamed Iran");
  CHECK(Contains(out, "The US blamed Iran for the attack."));
  CHECK(Contains(out, "article.txt"));
  CHECK(Contains(out, "2020-01-01"));
  CHECK(Contains(out, "asserted"));
  out = Run(repl, ":why 82nd Airborne Division deployed-to Iraq");
  CHECK(Contains(out, "future"));
  CHECK(Contains(Run(repl, ":why Iran blamed US"), "other way"));
  CHECK(Contains(Run(repl, ":why Iran blamd US"), "did you mean 'blamed'"));
}

TEST_CASE(":dot draws the last result, and settings commands work", "[tools][repl]") {
  Fixture f;
  Repl repl(f.view, f.store.get());
  std::string path = f.dir / "last.svg";
  CHECK(Contains(Run(repl, ":dot " + path), "nothing to draw"));
  Run(repl, "MATCH p = (a)-[:`backed-by`]->(b) RETURN p;");
  std::string out = Run(repl, ":dot " + path);
  CHECK(Contains(out, "wrote"));
  CHECK(Contains(out, "2 nodes, 1 edges"));
  std::string svg = geokg::testing::ReadWholeFile(path);
  CHECK(Contains(svg, "<svg"));
  CHECK(Contains(svg, "stormed the compound"));  // evidence tooltip from the store
  Run(repl, ":around Iran");
  CHECK(Contains(Run(repl, ":dot " + (f.dir / "around.dot")), "3 nodes, 2 edges"));
  CHECK(Contains(Run(repl, ":dot x.bmp"), "unknown diagram format"));

  CHECK(Contains(Run(repl, ":format json"), "json"));
  CHECK(repl.format() == geokg::tools::OutputFormat::kJson);
  CHECK(Contains(Run(repl, "MATCH (a {name: 'Iran'}) RETURN a.name AS n;"), "\"n\""));
  Run(repl, ":format csv");
  CHECK(Contains(Run(repl, "MATCH (a {name: 'Iran'}) RETURN a.name AS n;"), "n\nIran"));
  CHECK(Contains(Run(repl, ":format xml"), "table, json or csv"));
  Run(repl, ":timing on");
  CHECK(Contains(Run(repl, "MATCH (a {name: 'Iran'}) RETURN a.name;"), " ms)"));
  CHECK(Contains(Run(repl, ":modality reported,asserted"), "asserted reported"));
  CHECK(Contains(Run(repl, ":modality maybe"), "unknown modality"));
}

TEST_CASE(":docs lists the documents that mention an actor, newest first", "[tools][repl]") {
  Fixture f;
  // A later article that names Iran and Oman; Oman takes part in no relation.
  geokg::graph::DocRecord doc;
  doc.meta.id = geokg::graph::DocIdFor("article two");
  doc.meta.source = "two.txt";
  doc.meta.title = "Talks in Muscat";
  doc.meta.url = "https://example.org/muscat";
  doc.meta.date = 20200305;
  doc.entities = {MakeEntity("Iran", EntityKind::kCountry), MakeEntity("Oman", EntityKind::kCountry)};
  doc.mentions = {{geokg::graph::EntityIdFor("Iran"), 3}, {geokg::graph::EntityIdFor("Oman"), 2}};
  REQUIRE(f.store->Apply({doc}, nullptr).ok());
  f.Reload();
  Repl repl(f.view, f.store.get());

  std::string out = Run(repl, ":docs Iran");
  CHECK(Contains(out, "Iran: 5 mentions in 2 documents\n"));
  CHECK(Contains(out, "doc "));
  CHECK(Contains(out, "| date "));
  CHECK(Contains(out, geokg::graph::IdToHex(doc.meta.id)));
  CHECK(Contains(out, "2020-03-05"));
  CHECK(Contains(out, "https://example.org/muscat"));
  CHECK(Contains(out, "2020-01-01"));
  CHECK(Contains(out, "(2 rows)"));
  REQUIRE(Contains(out, "Embassy attack"));
  CHECK(out.find("Talks in Muscat") < out.find("Embassy attack"));  // newest first

  // Aliases resolve as in queries; N limits the rows.
  out = Run(repl, ":docs Islamic Republic 1");
  CHECK(Contains(out, "Iran: 5 mentions in 2 documents (the 1 newest below)"));
  CHECK(Contains(out, "Talks in Muscat"));
  CHECK_FALSE(Contains(out, "Embassy attack"));
  CHECK(Contains(Run(repl, ":docs Oman"), "Oman: 2 mentions in 1 document\n"));
  CHECK(Contains(Run(repl, ":docs Iraq"), "Iraq: 0 mentions in 0 documents"));
  CHECK(Contains(Run(repl, ":docs Irn"), "no entity named 'Irn' (did you mean 'Iran'?)"));
  CHECK(Contains(Run(repl, ":docs"), "usage: :docs NAME [N]"));

  // The counts are entity properties in queries, and Oman is a node.
  out = Run(repl, "MATCH (a) WHERE a.mentions > 0 RETURN a.name, a.mentions, a.documents ORDER BY a.mentions DESC;");
  CHECK(Contains(out, "(4 rows)"));
  REQUIRE(Contains(out, "Oman"));
  CHECK(out.find("Iran") < out.find("Oman"));
  CHECK(Contains(Run(repl, ":schema"), "6 entities"));

  Repl no_store(f.view, nullptr);
  CHECK(Contains(Run(no_store, ":docs Iran"), "no store is open"));
}

TEST_CASE("completion offers commands, keywords, kinds, types and names", "[tools][repl]") {
  Fixture f;
  Repl repl(f.view, f.store.get());
  auto has = [](const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  };
  CHECK(has(repl.Complete(":pa", false), ":path"));
  CHECK(has(repl.Complete("MAT", false), "MATCH"));
  CHECK(has(repl.Complete("armed", false), "armed-group"));
  CHECK(has(repl.Complete("backed", false), "backed-by"));
  CHECK(has(repl.Complete("Kat", false), "'Kataib Hezbollah'"));
  CHECK(has(repl.Complete("Kat", true), "Kataib Hezbollah"));
  CHECK(has(repl.Complete("Ira", false), "Iran"));
}

TEST_CASE("word splitting and statement ends", "[tools][repl]") {
  using geokg::tools::EndsStatement;
  using geokg::tools::SplitWords;
  CHECK(SplitWords("a 'b c' \"d \\\" e\"") == std::vector<std::string>{"a", "b c", "d \" e"});
  CHECK(EndsStatement("RETURN a;"));
  CHECK(EndsStatement("RETURN a; // done"));
  CHECK_FALSE(EndsStatement("RETURN 'a;'"));
  CHECK_FALSE(EndsStatement("RETURN a"));
}

TEST_CASE("errors go to the error stream and mark the line as failed", "[tools][repl]") {
  Fixture f;
  Repl repl(f.view, f.store.get());
  std::ostringstream out, err;
  repl.set_error_stream(&err);
  CHECK(repl.ProcessLine("MATCH (a) RETURN a.nme;", out));
  CHECK(repl.failed());
  CHECK(out.str().empty());
  CHECK(Contains(err.str(), "unknown entity property"));
  CHECK(repl.ProcessLine("MATCH (a) RETURN count(a);", out));
  CHECK_FALSE(repl.failed());
  CHECK(Contains(out.str(), "5"));
  err.str("");
  CHECK(repl.ProcessLine(":around Nowhere", out));
  CHECK(repl.failed());
  CHECK(Contains(err.str(), "Nowhere"));
  CHECK(repl.ProcessLine(":format xml", out));
  CHECK(repl.failed());
  CHECK(repl.ProcessLine(":nosuchcommand", out));
  CHECK(repl.failed());
}

TEST_CASE("several statements on one line run in turn, the first error stops the rest", "[tools][repl]") {
  Fixture f;
  Repl repl(f.view, f.store.get());
  std::ostringstream out, err;
  repl.set_error_stream(&err);
  repl.set_location("script.cypher", 7);
  repl.ProcessLine("MATCH (a:country) RETURN count(a) AS n; MATCH (a) RETURN a.nme; MATCH (a) RETURN 42 AS x;", out);
  CHECK(Contains(out.str(), "3"));
  CHECK_FALSE(Contains(out.str(), "42"));
  // Line 7, column of "nme" counted from the start of the line.
  CHECK(err.str().rfind("script.cypher:7:60: unknown entity property", 0) == 0);
  CHECK(repl.failed());
}

TEST_CASE(":param sets query parameters and $name reads them", "[tools][repl]") {
  Fixture f;
  Repl repl(f.view, f.store.get());
  CHECK(Contains(Run(repl, ":param who 'United States'"), "$who = 'United States'"));
  Run(repl, ":param n 1");
  std::string out = Run(repl, "MATCH (a {name: $who})-[r]->(b) RETURN b.name ORDER BY b.name LIMIT $n;");
  CHECK(Contains(out, "Iran"));
  CHECK(Contains(out, "(1 row)"));
  CHECK(Contains(Run(repl, ":param"), "$n = 1"));
  out = Run(repl, "MATCH (a {name: $whom}) RETURN a;");
  CHECK(Contains(out, "unknown parameter $whom"));
  Run(repl, ":param clear");
  CHECK(Contains(Run(repl, "MATCH (a {name: $who}) RETURN a;"), "unknown parameter $who"));
}

TEST_CASE(":width cuts long table cells", "[tools][repl]") {
  Fixture f;
  Repl repl(f.view, f.store.get());
  Run(repl, ":width 8");
  std::string out = Run(repl, "MATCH (a {name: '82nd Airborne Division'}) RETURN a.name;");
  CHECK(Contains(out, "82nd Ai\u2026"));
  CHECK_FALSE(Contains(out, "Airborne Division"));
  Run(repl, ":width off");
  CHECK(Contains(Run(repl, "MATCH (a {name: '82nd Airborne Division'}) RETURN a.name;"), "82nd Airborne Division"));
}

TEST_CASE("Ctrl-C's effect on the core: the unfinished query is dropped", "[tools][repl]") {
  Fixture f;
  Repl repl(f.view, f.store.get());
  Run(repl, "MATCH (a)");
  Run(repl, "RETURN 'unclosed");
  CHECK(repl.InContinuation());
  repl.CancelInput();
  CHECK_FALSE(repl.InContinuation());
  CHECK(repl.Prompt() == "geokg> ");
  CHECK(Contains(Run(repl, "MATCH (a:country) RETURN count(a);"), "3"));
}

TEST_CASE("a cancel flag stops the running query", "[tools][repl]") {
  Fixture f;
  Repl repl(f.view, f.store.get());
  std::atomic<bool> cancel{true};
  repl.set_cancel_flag(&cancel);
  // Enough work for the executor to look at the flag.
  std::string out = Run(repl, "OPTIONS {max_hops: 8} MATCH p=(a)-[*0..8]-(b), q=(c)-[*0..8]-(d), (e), (g) RETURN count(*);");
  CHECK(Contains(out, "query cancelled"));
  CHECK(repl.failed());
  cancel = false;
  CHECK(Contains(Run(repl, "MATCH (a:country) RETURN count(a);"), "3"));
}

TEST_CASE("scripts: results on out, located errors on err, stop at the first failure", "[tools][repl][script]") {
  Fixture f;
  Repl repl(f.view, f.store.get());
  std::istringstream in(
      ":format csv\n"
      "// a comment line\n"
      "MATCH (a)-[:blamed]->(b)\n"
      "RETURN a.name, b.name;\n"
      "\n"
      "MATCH (a) RETURN a.nme;\n"
      "MATCH (a) RETURN count(a);\n");
  std::ostringstream out, err;
  geokg::tools::ScriptResult r = geokg::tools::RunScript(repl, in, "q.cypher", false, out, err);
  CHECK(r.status == 1);
  CHECK(out.str() == "a.name,b.name\nUnited States,Iran\n");  // no "format: csv" chatter
  CHECK(err.str() == "q.cypher:6:20: unknown entity property 'nme' (name, kind, id, aliases, country, mentions, documents)\n");

  // --continue: the later statement runs too; the status stays 1.
  std::istringstream again("MATCH (a) RETURN a.nme;\nMATCH (a) RETURN count(a) AS n;\n");
  std::ostringstream out2, err2;
  r = geokg::tools::RunScript(repl, again, "q.cypher", true, out2, err2);
  CHECK(r.status == 1);
  CHECK(Contains(out2.str(), "n\n5\n"));

  // An unterminated last statement is an error, not silently dropped or run.
  std::istringstream open_end("MATCH (a) RETURN count(a);\nMATCH (a)\nRETURN a.name\n");
  std::ostringstream out3, err3;
  r = geokg::tools::RunScript(repl, open_end, "<stdin>", false, out3, err3);
  CHECK(r.status == 1);
  CHECK(err3.str() == "<stdin>:2: unterminated statement (no ';' before the end of the input)\n");
  CHECK_FALSE(repl.InContinuation());
}

TEST_CASE(":source runs a file and reports its errors with the file's lines", "[tools][repl][script]") {
  Fixture f;
  Repl repl(f.view, f.store.get());
  std::filesystem::path file = f.dir / "setup.cypher";
  geokg::testing::WriteWholeFile(file, ":param who 'Iran'\nMATCH (a {name: $who}) RETURN a.kind AS k;\nMATCH (a)-[:blamedd]->(b) RETURN a;\n");
  std::ostringstream out;
  CHECK(repl.ProcessLine(":source " + file.string(), out));
  CHECK(repl.failed());
  CHECK(Contains(out.str(), "country"));
  CHECK(Contains(out.str(), file.string() + ":3:"));
  CHECK(Contains(out.str(), "blamedd"));
  // The parameter the file set stays for the session.
  CHECK(Contains(Run(repl, ":param who"), "'Iran'"));
  // A file that sources itself stops.
  std::filesystem::path loop = f.dir / "loop.cypher";
  geokg::testing::WriteWholeFile(loop, ":source " + loop.string() + "\n");
  std::ostringstream out2;
  repl.ProcessLine(":source " + loop.string(), out2);
  CHECK(Contains(out2.str(), "nested more than"));
}

TEST_CASE("SplitStatements cuts at semicolons outside quotes and comments", "[tools][repl]") {
  auto pieces = geokg::tools::SplitStatements("A 'x;y'; B // c;d\nC;");
  REQUIRE(pieces.size() == 2);
  CHECK(pieces[0].text == "A 'x;y'");
  CHECK(pieces[1].text == " B // c;d\nC");
  CHECK(pieces[1].line_offset == 0);
  CHECK(pieces[1].column_offset == 8);
}

TEST_CASE("an ambiguous name is an error listing the candidates, not a merge", "[tools][repl]") {
  geokg::testing::TempDir dir;
  std::unique_ptr<geokg::graph::Store> store;
  REQUIRE(geokg::graph::Store::Open(dir / "db", {}, &store).ok());
  geokg::graph::DocRecord doc;
  doc.meta.id = geokg::graph::DocIdFor("bakers");
  doc.entities = {MakeEntity("James Baker", EntityKind::kPerson, {"Baker"}),
                  MakeEntity("Peter Baker", EntityKind::kPerson, {"Baker"}),
                  MakeEntity("Iraq", EntityKind::kCountry)};
  doc.relations = {MakeRelation("James Baker", RelationType::kMetWith, "Iraq", 0, "Baker met Iraqi officials.")};
  REQUIRE(store->Apply({doc}, nullptr).ok());
  geokg::graph::GraphData data;
  REQUIRE(store->LoadGraph(&data).ok());
  Repl repl(geokg::graph::GraphView::Build(std::move(data)), store.get());
  std::string out = Run(repl, ":around Baker");
  CHECK(repl.failed());
  CHECK(Contains(out, "'Baker' fits 2 entities"));
  CHECK(Contains(out, "James Baker"));
  CHECK(Contains(out, "Peter Baker"));
  CHECK_FALSE(Contains(out, "met-with"));
  CHECK(Contains(Run(repl, ":around James Baker"), "met-with"));
  CHECK(Contains(Run(repl, "MATCH (a {name: 'Baker'}) RETURN a;"), "fits 2 entities"));
}

TEST_CASE("PROFILE's table goes beside JSON and CSV rows, not into them", "[tools][repl]") {
  Fixture f;
  Repl repl(f.view, f.store.get());
  std::ostringstream out, err;
  repl.set_error_stream(&err);
  repl.ProcessLine(":format csv", out);
  out.str("");
  repl.ProcessLine("PROFILE MATCH (a:country) RETURN count(a) AS n;", out);
  CHECK(out.str() == "n\n3\n");
  CHECK(Contains(err.str(), "profile:"));
  CHECK(Contains(err.str(), "NodeScan"));
}

TEST_CASE("a result cut by max_rows prints a note in every format", "[tools][repl]") {
  Fixture f;
  Repl repl(f.view, f.store.get());
  CHECK(Run(repl, "OPTIONS {max_rows: 2} MATCH (a) RETURN a.name;").find("result truncated at 2 rows (max_rows)") !=
        std::string::npos);
  CHECK(!Contains(Run(repl, "OPTIONS {max_rows: 5} MATCH (a) RETURN a.name;"), "truncated"));
  std::ostringstream err;
  repl.set_error_stream(&err);
  for (auto format : {geokg::tools::OutputFormat::kJson, geokg::tools::OutputFormat::kCsv}) {
    err.str("");
    repl.set_format(format);
    std::string out = Run(repl, "OPTIONS {max_rows: 2} MATCH (a) RETURN a.name;");
    CHECK(err.str() == "note: result truncated at 2 rows (max_rows)\n");
    CHECK(Contains(out, "_truncated") == (format == geokg::tools::OutputFormat::kJson));
    err.str("");
    Run(repl, "OPTIONS {max_rows: 5} MATCH (a) RETURN a.name;");
    CHECK(err.str().empty());
  }
}
