// End-to-end tests of the geokg command line: help generated from the
// command table, ingest → stats/export on real LMDB files, idempotent
// re-ingest, and the bad-input contract (one-line error naming the file,
// exit status 1, nothing already stored lost).
#include <catch2/catch.hpp>
#include <cstring>
#include <nlohmann/json.hpp>

#include "tests/support/fixtures.h"
#include "tests/support/process.h"

using geokg::testing::ProcessResult;
using geokg::testing::RunGeokg;
using geokg::testing::TempDir;
using geokg::testing::WriteWholeFile;
using Json = nlohmann::json;

namespace {

const char* const kArticle = geokg::testing::kSmallArticle;

const char kSecond[] =
    "Russia and China hold talks\n"
    "Russian President Vladimir Putin met with Chinese President Xi Jinping in Moscow on Monday.\n"
    "The European Union imposed new sanctions on Russia.\n";

Json StatsJson(const std::string& db) {
  ProcessResult r = RunGeokg({"stats", "--db", db, "--format", "json"});
  REQUIRE(r.exit_code == 0);
  return Json::parse(r.out);
}

int LineCount(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }

}  // namespace

TEST_CASE("help is generated for every command", "[e2e][cli]") {
  ProcessResult top = RunGeokg({"--help"});
  CHECK(top.exit_code == 0);
  // Every command is listed as "  NAME  summary", the summaries in one column.
  std::size_t summary_column = std::string::npos;
  for (const char* cmd : {"ingest", "query", "repl", "dot", "export", "reextract", "retract", "merge", "stats",
                          "docs", "eval", "parse", "entity"}) {
    std::size_t at = top.out.find(std::string("\n  ") + cmd + "  ");
    REQUIRE(at != std::string::npos);
    std::size_t column = top.out.find_first_not_of(' ', at + 3 + std::strlen(cmd)) - (at + 1);
    if (summary_column == std::string::npos) summary_column = column;
    CHECK(column == summary_column);
    ProcessResult r = RunGeokg({cmd, "--help"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.rfind(std::string("usage: geokg ") + cmd, 0) == 0);
  }
  ProcessResult ingest_help = RunGeokg({"ingest", "--help"});
  CHECK(ingest_help.out.find("--lexicon DIR") != std::string::npos);
}

TEST_CASE("usage errors exit 1 with one line", "[e2e][cli]") {
  ProcessResult unknown = RunGeokg({"frobnicate"});
  CHECK(unknown.exit_code == 1);
  CHECK(unknown.err.find("unknown command 'frobnicate'") != std::string::npos);
  ProcessResult no_db = RunGeokg({"stats"});
  CHECK(no_db.exit_code == 1);
  CHECK(no_db.err == "geokg stats: missing --db DIR\n");
  ProcessResult bad_flag = RunGeokg({"stats", "--db", "x", "--colour"});
  CHECK(bad_flag.exit_code == 1);
  CHECK(LineCount(bad_flag.err) == 1);
  TempDir tmp;
  ProcessResult missing_store = RunGeokg({"stats", "--db", tmp / "nothing-here"});
  CHECK(missing_store.exit_code == 1);
  CHECK(LineCount(missing_store.err) == 1);
  CHECK_FALSE(std::filesystem::exists(tmp / "nothing-here"));
}

TEST_CASE("ingest writes a store that stats and export read", "[e2e][cli]") {
  TempDir tmp;
  WriteWholeFile(tmp / "corpus/a.txt", kArticle);
  WriteWholeFile(tmp / "corpus/sub/b.txt", kSecond);
  std::string db = tmp / "db";
  ProcessResult ing = RunGeokg({"ingest", "--db", db, tmp / "corpus"});
  INFO(ing.err);
  REQUIRE(ing.exit_code == 0);
  CHECK(ing.out.empty());  // stderr only, and no progress line when not a terminal
  CHECK(ing.err.find('\r') == std::string::npos);

  Json stats = StatsJson(db);
  CHECK(stats["documents"] == 2);
  CHECK(stats["relations"].get<int>() > 0);
  CHECK(stats["evidence"].get<int>() >= stats["relations"].get<int>());

  SECTION("re-ingesting the same documents changes nothing") {
    ProcessResult again = RunGeokg({"ingest", "--db", db, tmp / "corpus"});
    CHECK(again.exit_code == 0);
    CHECK(again.err.find("0 new, 2 already stored") != std::string::npos);
    CHECK(StatsJson(db) == stats);
  }

  SECTION("jsonl export follows the contract") {
    ProcessResult exp = RunGeokg({"export", "--db", db, "--format", "jsonl", "--all-modalities"});
    REQUIRE(exp.exit_code == 0);
    std::istringstream lines(exp.out);
    std::string line;
    int n = 0;
    bool saw_canonical_us = false;
    while (std::getline(lines, line)) {
      Json j = Json::parse(line);
      ++n;
      REQUIRE(j.contains("source"));
      CHECK(j["source"].contains("name"));
      CHECK(j["source"].contains("kind"));
      CHECK(j["target"].contains("name"));
      CHECK(j["type"].is_string());
      CHECK(j["count"].get<int>() >= 1);
      REQUIRE(j["evidence"].is_array());
      REQUIRE_FALSE(j["evidence"].empty());
      for (const Json& e : j["evidence"]) {
        CHECK(e["doc"].get<std::string>().size() == 16);
        CHECK_FALSE(e["sentence"].get<std::string>().empty());
        CHECK(e["modality"].is_string());
        CHECK(e.contains("date"));
      }
      for (const char* side : {"source", "target"}) {
        std::string name = j[side]["name"];
        CHECK(name != "US");
        if (name == "United States") saw_canonical_us = true;
      }
    }
    CHECK(n == stats["relations"].get<int>());
    CHECK(saw_canonical_us);
  }

  SECTION("csv export writes nodes and relations files") {
    ProcessResult exp = RunGeokg({"export", "--db", db, "--format", "csv", "--all-modalities", "-o", tmp / "csv"});
    REQUIRE(exp.exit_code == 0);
    std::string nodes = geokg::testing::ReadWholeFile(tmp / "csv/nodes.csv");
    CHECK(nodes.rfind("id:ID,name,kind,country,aliases:string[],:LABEL,mentions:int,documents:int\n", 0) == 0);
    int relations = 0;
    for (const auto& file : std::filesystem::directory_iterator(tmp / "csv/relations")) {
      std::string rels = geokg::testing::ReadWholeFile(file.path());
      CHECK(rels.rfind(":START_ID,:END_ID,:TYPE,", 0) == 0);
      relations += LineCount(rels) - 1;
    }
    CHECK(relations == stats["relations"].get<int>());
    CHECK(nodes.find(",United States,country,") != std::string::npos);
  }

  SECTION("graphml export is well formed") {
    ProcessResult exp = RunGeokg({"export", "--db", db, "--format", "graphml", "--all-modalities"});
    REQUIRE(exp.exit_code == 0);
    CHECK(exp.out.find("<graphml") != std::string::npos);
    CHECK(exp.out.find("</graphml>") != std::string::npos);
    size_t edges = 0;
    for (size_t p = 0; (p = exp.out.find("<edge ", p)) != std::string::npos; ++p) ++edges;
    CHECK(static_cast<int>(edges) == stats["relations"].get<int>());
  }
}

TEST_CASE("every recognised actor is a node with its mentions and documents", "[e2e][cli]") {
  TempDir tmp;
  Json first = {{"title", "US sends troops to Iraq"},
                {"date", "2020-01-01"},
                {"url", "https://example.org/troops"},
                {"text", kArticle}};
  Json second = {{"title", "Talks postponed"},
                 {"date", "2020-02-01"},
                 {"url", "https://example.org/postponed"},
                 {"text", "Talks postponed\nThe weather in Norway was cold.\nIran sent no one.\n"}};
  WriteWholeFile(tmp / "news.jsonl", first.dump() + "\n" + second.dump() + "\n");
  std::string db = tmp / "db";
  ProcessResult ing = RunGeokg({"ingest", "--db", db, tmp / "news.jsonl"});
  INFO(ing.err);
  REQUIRE(ing.exit_code == 0);
  auto query = [&](const std::string& q) {
    ProcessResult r = RunGeokg({"query", "--db", db, "--format", "json", q});
    INFO(q << "\n" << r.err);
    REQUIRE(r.exit_code == 0);
    std::vector<Json> rows;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);) rows.push_back(Json::parse(line));
    return rows;
  };

  // Iran is named in both documents; Norway only in the second and in no relation.
  auto rows = query("MATCH (a {name: 'Iran'}) RETURN a.mentions AS m, a.documents AS d");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0]["d"] == 2);
  CHECK(rows[0]["m"].get<int>() >= 2);
  rows = query("MATCH (a {name: 'Norway'}) RETURN a.mentions AS m, a.documents AS d");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0]["m"] == 1);
  CHECK(rows[0]["d"] == 1);
  CHECK(query("MATCH (a {name: 'Norway'})--(b) RETURN b").empty());
  rows = query("MATCH (a) RETURN a.name AS n ORDER BY a.mentions DESC, a.name");
  CHECK(static_cast<int>(rows.size()) == StatsJson(db)["entities"].get<int>());
  Json stats = StatsJson(db);
  CHECK(stats["mentions"].get<int>() >= 4);
  CHECK(stats["entity_documents"].get<int>() >= 3);

  // geokg docs: newest first, with id, date, title and url.
  ProcessResult docs = RunGeokg({"docs", "--db", db, "--format", "json", "Iran"});
  INFO(docs.err);
  REQUIRE(docs.exit_code == 0);
  std::istringstream lines(docs.out);
  std::vector<Json> listed;
  for (std::string line; std::getline(lines, line);) listed.push_back(Json::parse(line));
  REQUIRE(listed.size() == 2);
  CHECK(listed[0]["title"] == "Talks postponed");
  CHECK(listed[0]["date"] == "2020-02-01");
  CHECK(listed[0]["url"] == "https://example.org/postponed");
  CHECK(listed[0]["doc"].get<std::string>().size() == 16);
  CHECK(listed[0]["mentions"] == 1);
  CHECK(listed[1]["title"] == "US sends troops to Iraq");
  ProcessResult table = RunGeokg({"docs", "--db", db, "--limit", "1", "Iran"});
  REQUIRE(table.exit_code == 0);
  CHECK(table.out.find("Iran: ") == 0);
  CHECK(table.out.find("in 2 documents (the 1 newest below)") != std::string::npos);
  CHECK(table.out.find("Talks postponed") != std::string::npos);
  CHECK(table.out.find("US sends troops") == std::string::npos);
  ProcessResult unknown = RunGeokg({"docs", "--db", db, "Irann"});
  CHECK(unknown.exit_code == 1);
  CHECK(unknown.err == "geokg docs: no entity named 'Irann' (did you mean 'Iran'?)\n");

  // Exports carry the counts; CSV and GraphML list the actor in no relation.
  ProcessResult jsonl = RunGeokg({"export", "--db", db, "--format", "jsonl", "--all-modalities"});
  REQUIRE(jsonl.exit_code == 0);
  std::istringstream jl(jsonl.out);
  int relations = 0;
  for (std::string line; std::getline(jl, line); ++relations) {
    Json j = Json::parse(line);
    for (const char* side : {"source", "target"}) {
      CHECK(j[side]["mentions"].is_number_unsigned());
      CHECK(j[side]["documents"].is_number_unsigned());
      if (j[side]["name"] == "Iran") CHECK(j[side]["documents"] == 2);
    }
  }
  CHECK(relations == stats["relations"].get<int>());
  REQUIRE(RunGeokg({"export", "--db", db, "--format", "csv", "-o", tmp / "csv"}).exit_code == 0);
  std::string nodes = geokg::testing::ReadWholeFile(tmp / "csv/nodes.csv");
  CHECK(nodes.find(",Norway,country,NOR,") != std::string::npos);
  CHECK(nodes.find(",Entity;Country,1,1\n") != std::string::npos);
  CHECK(geokg::testing::ReadWholeFile(tmp / "csv/kuzu.cypher").find("mentions INT64, documents INT64") !=
        std::string::npos);
  ProcessResult graphml = RunGeokg({"export", "--db", db, "--format", "graphml"});
  REQUIRE(graphml.exit_code == 0);
  CHECK(graphml.out.find("attr.name=\"mentions\" attr.type=\"long\"") != std::string::npos);
  CHECK(graphml.out.find("<data key=\"n_name\">Norway</data>") != std::string::npos);

  // Re-ingesting changes no count.
  REQUIRE(RunGeokg({"ingest", "--db", db, tmp / "news.jsonl"}).exit_code == 0);
  CHECK(StatsJson(db) == stats);
}

TEST_CASE("bad input is reported, skipped and loses nothing", "[e2e][cli]") {
  TempDir tmp;
  std::string db = tmp / "db";
  WriteWholeFile(tmp / "good/a.txt", kArticle);
  REQUIRE(RunGeokg({"ingest", "--db", db, tmp / "good"}).exit_code == 0);
  Json before = StatsJson(db);

  WriteWholeFile(tmp / "bad/empty.txt", "");
  WriteWholeFile(tmp / "bad/binary.txt", std::string("\x7f" "ELF\0\0\0\x01\x02", 9));
  WriteWholeFile(tmp / "bad/latin1.txt", "Caf\xe9 talks in Paris\nFrance met with Germany.\n");
  WriteWholeFile(tmp / "bad/items.jsonl",
                 "{\"id\": \"1\", \"text\": \"" + std::string("Japan condemned North Korea for the missile test.") +
                     "\"}\n{not json\n{\"id\": \"3\"}\n");
  WriteWholeFile(tmp / "bad/second.txt", kSecond);

  ProcessResult r = RunGeokg({"ingest", "--db", db, tmp / "bad", tmp / "missing.txt"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("empty.txt") != std::string::npos);
  CHECK(r.err.find("binary.txt") != std::string::npos);
  CHECK(r.err.find("latin1.txt") != std::string::npos);
  CHECK(r.err.find("items.jsonl:2") != std::string::npos);
  CHECK(r.err.find("items.jsonl:3") != std::string::npos);
  CHECK(r.err.find("missing.txt") != std::string::npos);

  Json after = StatsJson(db);
  // The good documents of the bad folder were stored; nothing was lost.
  CHECK(after["documents"].get<int>() == before["documents"].get<int>() + 2);
  CHECK(after["evidence"].get<int>() >= before["evidence"].get<int>());
}

TEST_CASE("ingest reads stdin", "[e2e][cli]") {
  TempDir tmp;
  std::string db = tmp / "db";
  ProcessResult r = RunGeokg({"ingest", "--db", db, "-"}, kArticle);
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(StatsJson(db)["documents"] == 1);
}

TEST_CASE("a store of the wrong kind is a storage error", "[e2e][cli]") {
  TempDir tmp;
  WriteWholeFile(tmp / "db/data.mdb", "this is not an LMDB file at all, just text");
  ProcessResult r = RunGeokg({"stats", "--db", tmp / "db"});
  CHECK(r.exit_code == 2);
  CHECK(LineCount(r.err) == 1);
}

TEST_CASE("query checks --timeout", "[e2e][cli]") {
  for (const char* bad : {"abc", "0", "-1", "5s", "nan"}) {
    ProcessResult r = RunGeokg({"query", "--db", "nowhere", "--timeout", bad, "MATCH (a) RETURN a"});
    INFO(bad);
    CHECK(r.exit_code == 1);
    CHECK(r.err == std::string("geokg query: --timeout: expected a positive number of seconds, got '") + bad + "'\n");
  }
}

TEST_CASE("an oversized document is refused with a one-line error", "[e2e][cli]") {
  TempDir tmp;
  std::string db = tmp / "db";
  REQUIRE(RunGeokg({"ingest", "--db", db, "-"}, kArticle).exit_code == 0);
  std::string line(3u << 20, 'x');
  WriteWholeFile(tmp / "big.txt", line);
  WriteWholeFile(tmp / "big.jsonl", "{\"text\": \"" + line +
                                        "\"}\n{\"text\": \"The European Union imposed new sanctions on Russia.\"}\n");
  ProcessResult r = RunGeokg({"ingest", "--db", db, "--max-doc-mb", "2", tmp / "big.txt", tmp / "big.jsonl"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("big.txt: file too large") != std::string::npos);
  CHECK(r.err.find("big.jsonl:1: line too long") != std::string::npos);
  CHECK(StatsJson(db)["documents"] == 2);  // the first article and the JSONL's second line
  ProcessResult bad = RunGeokg({"ingest", "--db", db, "--max-doc-mb", "zero", tmp / "big.txt"});
  CHECK(bad.exit_code == 1);
}

TEST_CASE("a result cut by max_rows is announced in every format", "[e2e][cli]") {
  TempDir tmp;
  WriteWholeFile(tmp / "a.txt", kArticle);
  std::string db = tmp / "db";
  ProcessResult ing = RunGeokg({"ingest", "--db", db, tmp / "a.txt"});
  INFO(ing.err);
  REQUIRE(ing.exit_code == 0);
  const int entities = StatsJson(db)["entities"].get<int>();
  REQUIRE(entities >= 3);
  const std::string q = "MATCH (a) RETURN a.name AS n ORDER BY n";
  const std::string note = "geokg query: result truncated at 2 rows (max_rows)\n";
  for (const char* format : {"table", "json", "csv"}) {
    INFO(format);
    ProcessResult cut = RunGeokg({"query", "--db", db, "--format", format, "--limit", "2", q});
    REQUIRE(cut.exit_code == 0);
    CHECK(cut.err == note);
    // The whole result says nothing.
    ProcessResult whole = RunGeokg({"query", "--db", db, "--format", format, q});
    REQUIRE(whole.exit_code == 0);
    CHECK(whole.err.empty());
    CHECK(whole.out.find("truncated") == std::string::npos);
  }
  // JSON: two rows, then an object that says the result was cut.
  ProcessResult json = RunGeokg({"query", "--db", db, "--format", "json", "--limit", "2", q});
  std::istringstream lines(json.out);
  std::vector<Json> objects;
  for (std::string line; std::getline(lines, line);) objects.push_back(Json::parse(line));
  REQUIRE(objects.size() == 3);
  CHECK(objects[0].contains("n"));
  CHECK(objects[1].contains("n"));
  CHECK(objects[2]["_truncated"] == true);
  CHECK(objects[2]["_rows"] == 2);
  CHECK(objects[2]["_note"] == "result truncated at 2 rows (max_rows)");
  // A limit the result fits in exactly is not a cut.
  ProcessResult exact =
      RunGeokg({"query", "--db", db, "--format", "json", "--limit", std::to_string(entities), q});
  CHECK(exact.err.empty());
  CHECK(LineCount(exact.out) == entities);
  // Statements from a file (-f), through the REPL core: the note goes to stderr.
  WriteWholeFile(tmp / "q.cypher", q + ";\n");
  ProcessResult script =
      RunGeokg({"query", "--db", db, "--format", "csv", "--limit", "2", "-f", tmp / "q.cypher"});
  REQUIRE(script.exit_code == 0);
  CHECK(script.err.find("result truncated at 2 rows (max_rows)") != std::string::npos);
  CHECK(LineCount(script.out) == 3);  // header and two rows
}
