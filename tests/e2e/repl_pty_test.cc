// End-to-end tests of `geokg repl`: the real binary driven through a
// pseudo-terminal (readline prompt, tab completion, history file), and with
// piped stdin (no prompts). The store is made by `geokg ingest`, whose
// progress line is also checked on a terminal and on a pipe.
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <algorithm>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <string>
#include <thread>

#include "tests/support/fixtures.h"
#include "tests/support/process.h"

using geokg::testing::ProcessResult;
using geokg::testing::RunGeokg;
using geokg::testing::TempDir;
using geokg::testing::WriteWholeFile;
namespace fs = std::filesystem;

namespace {

const char* const kArticle = geokg::testing::kSmallArticle;

// A child process on the other side of a pseudo-terminal.
class PtyProcess {
 public:
  PtyProcess(const std::vector<std::string>& args, const std::string& history) {
    pid_ = forkpty(&master_, nullptr, nullptr, nullptr);
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      setenv("GEOKG_HISTORY", history.c_str(), 1);
      setenv("TERM", "dumb", 1);
      setenv("INPUTRC", "/dev/null", 1);
      std::vector<char*> argv;
      for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
  }
  ~PtyProcess() {
    if (pid_ > 0 && !reaped_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (master_ >= 0) close(master_);
  }

  void Type(const std::string& text) {
    size_t done = 0;
    while (done < text.size()) {
      ssize_t n = write(master_, text.data() + done, text.size() - done);
      REQUIRE(n > 0);
      done += static_cast<size_t>(n);
    }
  }

  // Reads until `needle` appears in everything read so far (true) or the
  // time runs out / the child closes the terminal (false).
  bool WaitFor(const std::string& needle, int seconds = 30) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (output_.find(needle, scanned_) == std::string::npos) {
      auto left =
          std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now())
              .count();
      if (left <= 0) return false;
      pollfd pfd{master_, POLLIN, 0};
      if (poll(&pfd, 1, static_cast<int>(left)) <= 0) continue;
      char buf[4096];
      ssize_t n = read(master_, buf, sizeof buf);
      if (n <= 0) return output_.find(needle, scanned_) != std::string::npos;
      output_.append(buf, static_cast<size_t>(n));
    }
    scanned_ = output_.find(needle, scanned_) + needle.size();
    return true;
  }

  // Waits for the child to exit; its exit status, or -1.
  int Wait(int seconds = 30) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (std::chrono::steady_clock::now() < deadline) {
      // Drain the terminal so the child never blocks on output.
      pollfd pfd{master_, POLLIN, 0};
      if (poll(&pfd, 1, 50) > 0) {
        char buf[4096];
        ssize_t n = read(master_, buf, sizeof buf);
        if (n > 0) output_.append(buf, static_cast<size_t>(n));
      }
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        reaped_ = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
    }
    return -1;
  }

  const std::string& output() const { return output_; }

 private:
  pid_t pid_ = -1;
  int master_ = -1;
  bool reaped_ = false;
  std::string output_;
  size_t scanned_ = 0;
};

// Ingests kArticle into dir/db with the real `geokg ingest`.
void MakeStore(const TempDir& dir, std::string* db) {
  *db = dir / "db";
  WriteWholeFile(dir / "article.txt", kArticle);
  ProcessResult r = RunGeokg({"ingest", "--db", *db, "--quiet", dir / "article.txt"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
}

}  // namespace

TEST_CASE("geokg repl through a pseudo-terminal", "[e2e][repl]") {
  TempDir dir;
  std::string db;
  MakeStore(dir, &db);
  std::string history = dir / "history";
  PtyProcess repl({GEOKG_BINARY, "repl", "--db", db}, history);
  INFO(repl.output());
  REQUIRE(repl.WaitFor("geokg> "));

  // A query over two lines: the continuation prompt, then the table.
  repl.Type("MATCH (a {name: 'United States'})-[r]->(b)\r");
  REQUIRE(repl.WaitFor("...> "));
  repl.Type("RETURN a.name AS who, b.name AS whom;\r");
  REQUIRE(repl.WaitFor("Iraq"));
  REQUIRE(repl.WaitFor("geokg> "));
  CHECK(repl.output().find("United States") != std::string::npos);
  CHECK(repl.output().find("who") != std::string::npos);

  // Tab completes a command name.
  repl.Type(":sch\t\r");
  REQUIRE(repl.WaitFor("entity kinds"));
  REQUIRE(repl.WaitFor("geokg> "));

  repl.Type(":quit\r");
  CHECK(repl.Wait() == 0);
  std::string saved = geokg::testing::ReadWholeFile(history);
  CHECK(saved.find("RETURN a.name AS who") != std::string::npos);
  CHECK(saved.find(":schema") != std::string::npos);
}

TEST_CASE("geokg repl runs piped stdin as a script", "[e2e][repl]") {
  TempDir dir;
  std::string db;
  MakeStore(dir, &db);
  ProcessResult r = RunGeokg({"repl", "--db", db},
                             "MATCH (a {name: 'United States'})-[:`deployed-to`]->(b)\n"
                             "RETURN b.name;\n"
                             ":path Iran Iraq\n"
                             "MATCH (a:armd-group) RETURN a;\n"
                             "MATCH (a) RETURN count(a) AS never_run;\n");
  INFO(r.out << r.err);
  // Results on stdout, no prompts; the error on stderr with its line and
  // column in the input; the first failing statement ends the run, exit 1.
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("geokg>") == std::string::npos);
  CHECK(r.out.find("Iraq") != std::string::npos);
  CHECK(r.out.find("armd") == std::string::npos);
  CHECK(r.out.find("never_run") == std::string::npos);
  CHECK(r.err.rfind("<stdin>:4:", 0) == 0);
  CHECK(r.err.find("armed-group") != std::string::npos);  // suggestion
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);

  // --continue goes on; settings do not echo into CSV output.
  r = RunGeokg({"repl", "--db", db, "--continue"},
               ":format csv\nMATCH (a:armd-group) RETURN a;\nMATCH (a {name: 'Iran'}) RETURN a.name AS n;\n");
  CHECK(r.exit_code == 1);
  CHECK(r.out == "n\nIran\n");

  // Input that ends inside a query is an error, not run and not dropped silently.
  r = RunGeokg({"repl", "--db", db}, "MATCH (a {name: 'Iran'})\nRETURN a.name\n");
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(r.err.find("<stdin>:1: unterminated statement") != std::string::npos);

  // Parameters from the command line.
  r = RunGeokg({"repl", "--db", db, "--param", "who=Iran"}, ":format csv\nMATCH (a {name: $who}) RETURN a.kind AS k;\n");
  CHECK(r.exit_code == 0);
  CHECK(r.out == "k\ncountry\n");
}

TEST_CASE("geokg query -f runs a file of statements", "[e2e][query]") {
  TempDir dir;
  std::string db;
  MakeStore(dir, &db);
  WriteWholeFile(dir / "q.cypher",
                 "// who blamed whom\n"
                 "MATCH (a {name: $who})\n"
                 "RETURN a.name AS n; MATCH (b {name: 'Iraq'}) RETURN b.kind AS k;\n"
                 "\n"
                 "MATCH (a) RETURN a.nme;\n"
                 "MATCH (a) RETURN count(a) AS after;\n");
  ProcessResult r = RunGeokg({"query", "--db", db, "--format", "csv", "--param", "who='United States'", "-f",
                              dir / "q.cypher"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.out == "n\nUnited States\nk\ncountry\n");
  CHECK(r.err == std::string(dir / "q.cypher") +
                     ":5:20: unknown entity property 'nme' (name, kind, id, aliases, country, mentions, documents)\n");
  r = RunGeokg({"query", "--db", db, "--format", "csv", "--continue", "--param", "who=Iran", "-f", dir / "q.cypher"});
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("after") != std::string::npos);
  // From stdin, and a query and -f together is a usage error.
  r = RunGeokg({"query", "--db", db, "--format", "csv", "-f", "-"}, "MATCH (a {name: 'Iran'}) RETURN a.name AS n;");
  CHECK(r.exit_code == 0);
  CHECK(r.out == "n\nIran\n");
  r = RunGeokg({"query", "--db", db, "-f", "-", "MATCH (a) RETURN a"});
  CHECK(r.exit_code == 1);
  r = RunGeokg({"query", "--db", db, "-f", dir / "missing.cypher"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("missing.cypher: cannot open") != std::string::npos);
}

// A store whose graph has a great many paths: every pair of a dozen
// countries condemned each other, so a variable-length count runs long.
void MakeDenseStore(const TempDir& dir, std::string* db) {
  *db = dir / "dense";
  const char* const countries[] = {"France", "Germany", "Italy", "Spain", "Poland", "Greece",
                                   "Turkey", "Egypt", "Iran", "Iraq", "Syria", "Jordan"};
  std::string text = "Diplomatic row\n";
  for (const char* a : countries)
    for (const char* b : countries)
      if (std::string(a) != b) text += std::string(a) + " condemned " + b + " on Monday. ";
  WriteWholeFile(dir / "dense.txt", text);
  ProcessResult r = RunGeokg({"ingest", "--db", *db, "--quiet", dir / "dense.txt"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
}

TEST_CASE("Ctrl-C clears the line at the prompt and cancels a running query, and the session stays", "[e2e][repl]") {
  TempDir dir;
  std::string db;
  MakeDenseStore(dir, &db);
  std::string history = dir / "history";
  PtyProcess repl({GEOKG_BINARY, "repl", "--db", db}, history);
  INFO(repl.output());
  REQUIRE(repl.WaitFor("geokg> "));

  // An unfinished query with an open quote: Ctrl-C drops it.
  repl.Type("MATCH (a)\r");
  REQUIRE(repl.WaitFor("...> "));
  repl.Type("RETURN 'no end");
  repl.Type("\x03");
  const bool cleared = repl.WaitFor("^C");
  INFO(repl.output());
  REQUIRE(cleared);
  REQUIRE(repl.WaitFor("geokg> "));
  repl.Type("MATCH (a {name: 'Iran'}) RETURN a.kind AS k;\r");
  REQUIRE(repl.WaitFor("country"));
  REQUIRE(repl.WaitFor("geokg> "));
  CHECK(repl.output().find("unterminated") == std::string::npos);

  // A query that would run for its whole time limit: Ctrl-C cancels it.
  repl.Type("OPTIONS {max_hops: 40, timeout: 120} MATCH p=(a)-[*1..40]-(b) RETURN count(p);\r");
  // Ctrl-C makes the terminal flush unread input: wait until readline has
  // echoed the whole line, then give it time to start the query.
  REQUIRE(repl.WaitFor("RETURN count(p);"));
  std::this_thread::sleep_for(std::chrono::milliseconds(700));
  auto start = std::chrono::steady_clock::now();
  repl.Type("\x03");
  REQUIRE(repl.WaitFor("query cancelled", 20));
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
  REQUIRE(repl.WaitFor("geokg> "));
  repl.Type("MATCH (a {name: 'Iraq'}) RETURN a.name AS still_here;\r");
  REQUIRE(repl.WaitFor("still_here"));
  REQUIRE(repl.WaitFor("geokg> "));

  repl.Type(":quit\r");
  CHECK(repl.Wait() == 0);
}

TEST_CASE("history keeps a multi-line query as one entry", "[e2e][repl]") {
  TempDir dir;
  std::string db;
  MakeStore(dir, &db);
  std::string history = dir / "history";
  {
    PtyProcess repl({GEOKG_BINARY, "repl", "--db", db}, history);
    INFO(repl.output());
    REQUIRE(repl.WaitFor("geokg> "));
    repl.Type("MATCH (a {name: 'Iran'})  // the actor\r");
    REQUIRE(repl.WaitFor("...> "));
    repl.Type("RETURN a.name AS recalled;\r");
    REQUIRE(repl.WaitFor("recalled"));
    REQUIRE(repl.WaitFor("geokg> "));
    // Ctrl-P (previous history) brings back the whole query, which runs again.
    repl.Type("\x10\r");
    REQUIRE(repl.WaitFor("recalled"));
    REQUIRE(repl.WaitFor("geokg> "));
    repl.Type(":quit\r");
    CHECK(repl.Wait() == 0);
  }
  std::string saved = geokg::testing::ReadWholeFile(history);
  CHECK(saved.find("MATCH (a {name: 'Iran'}) RETURN a.name AS recalled;\n") != std::string::npos);
  CHECK(saved.find("the actor") == std::string::npos);
}

TEST_CASE("names: any lexicon alias, accents folded, ambiguity told", "[e2e][repl]") {
  TempDir dir;
  std::string db = dir / "db";
  WriteWholeFile(dir / "a.txt",
                 "Ankara talks\nTurkey condemned Syria on Monday.\n");
  ProcessResult r = RunGeokg({"ingest", "--db", db, "--quiet", dir / "a.txt"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  // The text says "Turkey"; the lexicon also knows "Türkiye" and "Republic of Turkey".
  r = RunGeokg({"query", "--db", db, "--format", "csv", "MATCH (a {name: 'Türkiye'}) RETURN a.name AS n"});
  CHECK(r.out == "n\nTurkey\n");
  r = RunGeokg({"query", "--db", db, "--format", "csv", "MATCH (a {name: 'republic of turkey'}) RETURN a.name AS n"});
  CHECK(r.out == "n\nTurkey\n");
  r = RunGeokg({"repl", "--db", db}, ":around TURKIYE\n");
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("Syria") != std::string::npos);
}

TEST_CASE("a date window counts the evidence inside it", "[e2e][query]") {
  TempDir dir;
  std::string db = dir / "db";
  WriteWholeFile(dir / "w.jsonl",
                 "{\"id\":\"a1\",\"date\":\"2020-01-05\",\"title\":\"t1\",\"text\":\"Iran condemned Israel on Monday.\"}\n"
                 "{\"id\":\"a2\",\"date\":\"2021-03-05\",\"title\":\"t2\",\"text\":\"Iran condemned Israel again on Tuesday.\"}\n"
                 "{\"id\":\"a3\",\"date\":\"2021-06-05\",\"title\":\"t3\",\"text\":\"Iran condemned Israel for the third time.\"}\n");
  ProcessResult r = RunGeokg({"ingest", "--db", db, "--quiet", dir / "w.jsonl"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string q = "MATCH (a)-[r:condemned]->(b) RETURN r.count AS n, r.first_date AS f, r.last_date AS l";
  r = RunGeokg({"query", "--db", db, "--format", "csv", q});
  CHECK(r.out == "n,f,l\n3,2020-01-05,2021-06-05\n");
  r = RunGeokg({"query", "--db", db, "--format", "csv", "--from", "2021-01-01", q});
  CHECK(r.out == "n,f,l\n2,2021-03-05,2021-06-05\n");
  r = RunGeokg({"query", "--db", db, "--format", "csv", "--to", "2020-12-31", q});
  CHECK(r.out == "n,f,l\n1,2020-01-05,2020-01-05\n");
  r = RunGeokg({"query", "--db", db, "--format", "csv", "--from", "2022-01-01", q});
  CHECK(r.out == "n,f,l\n");
  // The same from OPTIONS in the REPL.
  r = RunGeokg({"repl", "--db", db}, ":format csv\nOPTIONS {from: '2021-01-01', to: '2021-04-01'} " + q + ";\n");
  CHECK(r.out == "n,f,l\n1,2021-03-05,2021-03-05\n");

  // Evidence says where its date came from: metadata here, the text for a
  // dateline.
  WriteWholeFile(dir / "d.txt", "Dateline\nBAGHDAD, March 3, 2021 (Wire) - Iran condemned Israel on Monday.\n");
  REQUIRE(RunGeokg({"ingest", "--db", db, "--quiet", dir / "d.txt"}).exit_code == 0);
  r = RunGeokg({"repl", "--db", db}, ":why Iran condemned Israel\n");
  CHECK(r.out.find("2020-01-05 (document metadata)") != std::string::npos);
  CHECK(r.out.find("2021-03-03 (date in the text)") != std::string::npos);
  r = RunGeokg({"export", "--db", db, "--format", "jsonl"});
  CHECK(r.out.find("\"date_source\":\"metadata\"") != std::string::npos);
  CHECK(r.out.find("\"date_source\":\"text\"") != std::string::npos);
}

TEST_CASE("geokg retract removes documents by id, input id or source file", "[e2e][retract]") {
  TempDir dir;
  std::string db = dir / "db";
  WriteWholeFile(dir / "w.jsonl",
                 "{\"id\":\"a1\",\"date\":\"2020-01-05\",\"title\":\"t1\",\"text\":\"Iran condemned Israel on Monday.\"}\n"
                 "{\"id\":\"a2\",\"date\":\"2021-03-05\",\"title\":\"t2\",\"text\":\"Iran condemned Israel again on Tuesday.\"}\n");
  WriteWholeFile(dir / "k.txt", "Talks\nChile condemned Peru on Monday.\n");
  REQUIRE(RunGeokg({"ingest", "--db", db, "--quiet", dir / "w.jsonl", dir / "k.txt"}).exit_code == 0);
  const std::string q = "MATCH (a)-[r:condemned]->(b) RETURN a.name AS a, r.count AS n, b.name AS b ORDER BY a";
  // Unknown: one line, exit 1, nothing removed.
  ProcessResult r = RunGeokg({"retract", "--db", db, "a1", "no-such-doc"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("no stored document matches 'no-such-doc'") != std::string::npos);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  r = RunGeokg({"query", "--db", db, "--format", "csv", q});
  CHECK(r.out == "a,n,b\nChile,1,Peru\nIran,2,Israel\n");
  // By the input's own id: the relation is recounted.
  r = RunGeokg({"retract", "--db", db, "a1"});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  r = RunGeokg({"query", "--db", db, "--format", "csv", q});
  CHECK(r.out == "a,n,b\nChile,1,Peru\nIran,1,Israel\n");
  // By source file: Chile and Peru go with their only document.
  r = RunGeokg({"retract", "--db", db, dir / "k.txt"});
  CHECK(r.exit_code == 0);
  r = RunGeokg({"query", "--db", db, "--format", "csv", "MATCH (a {name: 'Chile'}) RETURN a.name"});
  CHECK(r.out.find("Chile") == std::string::npos);
  r = RunGeokg({"query", "--db", db, "--format", "csv", q});
  CHECK(r.out == "a,n,b\nIran,1,Israel\n");
}

TEST_CASE("geokg reextract changes nothing when nothing changed, and matches a fresh ingest with a new lexicon",
          "[e2e][reextract]") {
  TempDir dir;
  WriteWholeFile(dir / "a.txt", "Clash in the north\nThe Sahel Liberty Front attacked an army post in Mopti. Mali condemned the attack.\n");
  WriteWholeFile(dir / "b.txt", "Second raid\nThe SLF attacked Gao on Tuesday, and Mali blamed the Sahel Liberty Front.\n");
  const std::string db = dir / "db";
  REQUIRE(RunGeokg({"ingest", "--db", db, "--quiet", dir / "a.txt", dir / "b.txt"}).exit_code == 0);
  auto exported = [&](const std::string& store) {
    ProcessResult e = RunGeokg({"export", "--db", store, "--format", "jsonl", "--all-modalities"});
    REQUIRE(e.exit_code == 0);
    return e.out;
  };
  const std::string before = exported(db);
  ProcessResult r = RunGeokg({"reextract", "--db", db});
  CHECK(r.out.find("0 documents extracted again") != std::string::npos);
  r = RunGeokg({"reextract", "--db", db, "--all"});
  CHECK(r.out.find("2 documents extracted again") != std::string::npos);
  CHECK(exported(db) == before);

  // A lexicon that knows the group and its acronym: reextract equals a fresh
  // ingest with that lexicon.
  fs::create_directories(dir / "lex");
  WriteWholeFile(fs::path(dir / "lex") / "extra.actors.tsv",
                 "# name\tkind\tcountry\taliases\tlinks\nSahel Liberty Front\tarmed-group\tMLI\tSLF\n");
  r = RunGeokg({"ingest", "--db", db, "--lexicon", dir / "lex", "--quiet", dir / "a.txt"});
  CHECK(r.err.find("geokg reextract") != std::string::npos);  // told what to run
  r = RunGeokg({"reextract", "--db", db, "--lexicon", dir / "lex"});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("2 documents extracted again") != std::string::npos);
  const std::string fresh = dir / "fresh";
  REQUIRE(RunGeokg({"ingest", "--db", fresh, "--lexicon", dir / "lex", "--quiet", dir / "a.txt", dir / "b.txt"})
              .exit_code == 0);
  CHECK(exported(db) == exported(fresh));
  CHECK(exported(db) != before);
}

TEST_CASE("geokg entity merge folds one name into another, and later ingests follow", "[e2e][entity]") {
  TempDir dir;
  std::string db = dir / "db";
  WriteWholeFile(dir / "m.jsonl",
                 "{\"id\":\"m1\",\"text\":\"Pavel Kovalenko condemned Russia on Monday. Pavel Kovalenko met Ukrainian officials.\"}\n"
                 "{\"id\":\"m2\",\"text\":\"Pavlo Kovalenko condemned Russia again on Tuesday.\"}\n");
  REQUIRE(RunGeokg({"ingest", "--db", db, "--quiet", dir / "m.jsonl"}).exit_code == 0);
  const std::string q = "MATCH (a)-[r:condemned]->(b) RETURN a.name AS a, r.count AS n";
  ProcessResult r = RunGeokg({"entity", "merge", "--db", db, "Pavel Kovalenko", "Nobody Here"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("no entity named 'Nobody Here'") != std::string::npos);
  r = RunGeokg({"query", "--db", db, "--format", "csv", q + " ORDER BY a"});
  CHECK(r.out == "a,n\nPavel Kovalenko,1\nPavlo Kovalenko,1\n");
  r = RunGeokg({"entity", "merge", "--db", db, "Pavel Kovalenko", "Pavlo Kovalenko"});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  r = RunGeokg({"query", "--db", db, "--format", "csv", q});
  CHECK(r.out == "a,n\nPavel Kovalenko,2\n");
  // The old name finds the kept entity; a later document and reextract follow the rule.
  r = RunGeokg({"query", "--db", db, "--format", "csv", "MATCH (a {name: 'Pavlo Kovalenko'}) RETURN a.name AS a"});
  CHECK(r.out == "a\nPavel Kovalenko\n");
  WriteWholeFile(dir / "m3.jsonl", "{\"id\":\"m3\",\"text\":\"Pavlo Kovalenko condemned Russia a third time.\"}\n");
  REQUIRE(RunGeokg({"ingest", "--db", db, "--quiet", dir / "m3.jsonl"}).exit_code == 0);
  REQUIRE(RunGeokg({"reextract", "--db", db, "--all"}).exit_code == 0);
  r = RunGeokg({"query", "--db", db, "--format", "csv", q});
  CHECK(r.out == "a,n\nPavel Kovalenko,3\n");
  // What the store knows of it, and the rule, listed.
  r = RunGeokg({"entity", "show", "--db", db, "Pavlo Kovalenko"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.rfind("Pavel Kovalenko\n", 0) == 0);
  CHECK(r.out.find("also called: Pavlo Kovalenko") != std::string::npos);
  CHECK(r.out.find("-[condemned]-> Russia  (3 asserted)") != std::string::npos);
  CHECK(r.out.find("[id m3]") != std::string::npos);
  r = RunGeokg({"entity", "rules", "--db", db});
  CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 3);  // two comment lines and the rule
  CHECK(r.out.find("\t# into Pavel Kovalenko\n") != std::string::npos);
  r = RunGeokg({"entity", "show", "--db", db, "Nobody Here"});
  CHECK(r.exit_code == 1);
}

TEST_CASE("geokg repl refuses a missing store", "[e2e][repl]") {
  TempDir dir;
  ProcessResult r = RunGeokg({"repl", "--db", dir / "nothing"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("geokg repl:") != std::string::npos);
}

TEST_CASE("ingest shows a progress line on a terminal and none on a pipe", "[e2e][ingest]") {
  TempDir dir;
  std::string corpus;
  for (int i = 0; i < 400; ++i)
    corpus += "{\"id\": \"" + std::to_string(i) + "\", \"text\": \"Iran condemned Israel for the strikes on day " +
              std::to_string(i) + ".\"}\n";
  WriteWholeFile(dir / "corpus.jsonl", corpus);
  PtyProcess ingest({GEOKG_BINARY, "ingest", "--db", dir / "db", dir / "corpus.jsonl"}, dir / "history");
  CHECK(ingest.Wait() == 0);
  INFO(ingest.output());
  CHECK(ingest.output().find("1 files") != std::string::npos);
  CHECK(ingest.output().find("MB/s") != std::string::npos);
  CHECK(ingest.output().find("relations") != std::string::npos);

  ProcessResult piped = RunGeokg({"ingest", "--db", dir / "db2", dir / "corpus.jsonl"});
  CHECK(piped.exit_code == 0);
  CHECK(piped.err.find("files,") == std::string::npos);  // only the summary line
  CHECK(std::count(piped.err.begin(), piped.err.end(), '\n') == 1);
}
