// The exit-status contract of the command line (README, "Exit status"):
// 0 success, 1 usage or input error, 2 storage or internal error, each
// failure with one line on stderr saying why. These cases broke it (issue
// 13): output to a full disk, unwritable -o paths, names holding control
// characters, FIFOs named on the command line, folders reached twice
// through links, out-of-range flags, and a query over its memory budget.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "tests/support/fixtures.h"
#include "tests/support/process.h"

using geokg::testing::ProcessResult;
using geokg::testing::RunGeokg;
using geokg::testing::RunProcess;
using geokg::testing::TempDir;
using geokg::testing::WriteWholeFile;
namespace fs = std::filesystem;

namespace {

int LineCount(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }

// Runs `geokg ARGS > stdout_path` through the shell (for /dev/full), under
// `timeout` so that a hang fails the test instead of stalling the suite.
ProcessResult RunGeokgTo(const std::string& stdout_path, const std::string& args, int seconds = 60) {
  return RunProcess({"/bin/sh", "-c",
                     "exec timeout " + std::to_string(seconds) + " " + GEOKG_BINARY + " " + args + " > " + stdout_path});
}

// A store of one small article.
std::string SmallStore(const TempDir& tmp) {
  std::string db = tmp / "db";
  REQUIRE(RunGeokg({"ingest", "--db", db, "--quiet", "-"}, geokg::testing::kSmallArticle).exit_code == 0);
  return db;
}

}  // namespace

TEST_CASE("output to a full disk is exit 2 with a reason, for every command", "[e2e][exit]") {
  if (!fs::exists("/dev/full")) {
    WARN("SKIPPED: no /dev/full on this system");
    return;
  }
  TempDir tmp;
  const std::string db = SmallStore(tmp);
  for (const std::string& args :
       {"stats --db " + db, "stats --db " + db + " --format json", "query --db " + db + " 'MATCH (a) RETURN a.name'",
        "query --db " + db + " --format csv 'MATCH (a) RETURN a.name'", "export --db " + db + " --format jsonl",
        "docs --db " + db + " Iran", "dot --db " + db}) {
    INFO(args);
    ProcessResult r = RunGeokgTo("/dev/full", args);
    CHECK(r.exit_code == 2);
    CHECK(LineCount(r.err) == 1);
    CHECK(r.err.find("cannot write to stdout: No space left on device") != std::string::npos);
  }
  // Help goes to stdout too.
  ProcessResult help = RunGeokgTo("/dev/full", "query --help");
  CHECK(help.exit_code == 2);
  // Without the full disk the same commands succeed.
  CHECK(RunGeokgTo("/dev/null", "stats --db " + db).exit_code == 0);
}

TEST_CASE("an unwritable -o path is exit 1 naming the path", "[e2e][exit]") {
  TempDir tmp;
  const std::string db = SmallStore(tmp);
  const std::string file = tmp / "a-file";  // a path under a file can never be created
  WriteWholeFile(file, "x");
  struct Case {
    std::vector<std::string> args;
    std::string path;
  };
  for (const Case& c : {
           Case{{"export", "--db", db, "--format", "jsonl", "-o", file + "/g.jsonl"}, file + "/g.jsonl"},
           Case{{"export", "--db", db, "--format", "graphml", "-o", file + "/g.graphml"}, file + "/g.graphml"},
           Case{{"export", "--db", db, "--format", "csv", "-o", file + "/csv"}, file + "/csv"},
           Case{{"dot", "--db", db, "-o", file + "/g.svg"}, file + "/g.svg"},
           Case{{"dot", "--db", db, "-o", file + "/g.dot"}, file + "/g.dot"},
  }) {
    ProcessResult r = RunGeokg(c.args);
    INFO(c.args[0] << " " << c.path << ": " << r.err);
    CHECK(r.exit_code == 1);
    CHECK(LineCount(r.err) == 1);
    CHECK(r.err.find(c.path) != std::string::npos);
    CHECK(r.err.find("Not a directory") != std::string::npos);
  }
}

TEST_CASE("names with control characters stay on one error line", "[e2e][exit]") {
  TempDir tmp;
  const std::string bad_name = tmp / "bad\nname\x1b[31m.txt";
  WriteWholeFile(bad_name, "");  // empty: reported
  ProcessResult r = RunGeokg({"ingest", "--db", tmp / "db", "--quiet", bad_name});
  CHECK(r.exit_code == 1);
  CHECK(LineCount(r.err) == 1);
  CHECK(r.err.find("bad\\nname\\x1b[31m.txt: empty file") != std::string::npos);
  ProcessResult store = RunGeokg({"stats", "--db", tmp / "no\nstore"});
  CHECK(store.exit_code == 1);
  CHECK(LineCount(store.err) == 1);
  CHECK(store.err.find("no\\nstore") != std::string::npos);
}

TEST_CASE("a FIFO named on the command line does not block ingest", "[e2e][exit]") {
  TempDir tmp;
  const std::string fifo = tmp / "pipe.txt";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  // Nobody writes to it: read as empty at once, not waited on forever.
  ProcessResult r = RunGeokgTo("/dev/null", "ingest --db " + std::string(tmp / "db") + " --quiet " + fifo, 30);
  CHECK(r.exit_code == 1);  // 124 would be the timeout
  CHECK(LineCount(r.err) == 1);
  CHECK(r.err.find("pipe.txt: empty file") != std::string::npos);
  // A pipe with a writer (bash's process substitution) is read like stdin.
  ProcessResult fed = RunProcess({"/bin/bash", "-c",
                                  std::string("exec timeout 30 ") + GEOKG_BINARY + " ingest --db " +
                                      std::string(tmp / "db2") +
                                      " --quiet <(printf 'Iran condemned the United States.\\n')"});
  CHECK(fed.exit_code == 0);
  CHECK(fed.err.empty());
  // A device is refused.
  ProcessResult device = RunGeokgTo("/dev/null", "ingest --db " + std::string(tmp / "db3") + " --quiet /dev/zero", 30);
  CHECK(device.exit_code == 1);
  CHECK(device.err == "geokg ingest: /dev/zero: not a regular file (a device or socket), skipped\n");
}

TEST_CASE("links to folders are followed, and a folder reached twice is said", "[e2e][exit]") {
  TempDir tmp;
  WriteWholeFile(tmp / "outside/b.txt", "Russia and China hold talks\nRussian President Vladimir Putin met Xi Jinping.\n");
  WriteWholeFile(tmp / "corpus/a/a.txt", geokg::testing::kSmallArticle);
  fs::create_directory_symlink(tmp / "outside", tmp / "corpus/linked");    // followed: b.txt is read
  fs::create_directory_symlink(tmp / "corpus/a", tmp / "corpus/z-again");  // a second way to a/
  fs::create_directory_symlink(tmp / "corpus", tmp / "corpus/a/loop");     // a loop
  ProcessResult r = RunGeokg({"ingest", "--db", tmp / "db", tmp / "corpus"});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("2 documents") != std::string::npos);
  CHECK(r.err.find("note: " + (tmp / "corpus/z-again") + "/: a folder already read (through a link), skipped") !=
        std::string::npos);
  CHECK(r.err.find("note: " + (tmp / "corpus/a/loop") + "/: a folder already read") != std::string::npos);
}

TEST_CASE("query flags out of range are one-line usage errors", "[e2e][exit]") {
  for (const char* cmd : {"query", "repl"}) {
    std::vector<std::string> base = {cmd, "--db", "nowhere"};
    auto with = [&](std::vector<std::string> extra) {
      std::vector<std::string> a = base;
      a.insert(a.end(), extra.begin(), extra.end());
      if (std::string(cmd) == "query") a.push_back("MATCH (a) RETURN a");
      return a;
    };
    for (const char* bad : {"0", "-5", "abc", "1.5", "99999999", "18446744073709551617"}) {
      ProcessResult r = RunGeokg(with({"--max-memory", bad}));
      INFO(cmd << " --max-memory " << bad);
      CHECK(r.exit_code == 1);
      CHECK(r.err == std::string("geokg ") + cmd + ": --max-memory: expected a number of MB from 1 to 1048576, got '" +
                         bad + "'\n");
    }
  }
  ProcessResult huge = RunGeokg({"query", "--db", "nowhere", "--timeout", "1e308", "MATCH (a) RETURN a"});
  CHECK(huge.exit_code == 1);
  CHECK(huge.err == "geokg query: --timeout: at most 1000000 seconds, got '1e308'\n");
}

TEST_CASE("a query over its memory budget is exit 1 with a clear error", "[e2e][exit]") {
  TempDir tmp;
  const std::vector<std::string> countries = {"France", "Germany", "Italy", "Spain",  "Portugal",
                                              "Poland", "Austria", "Hungary", "Greece", "Turkey"};
  std::string corpus;
  int id = 0;
  for (size_t a = 0; a < countries.size(); ++a)
    for (size_t b = 0; b < countries.size(); ++b)
      if (a != b)
        corpus += "{\"id\":\"" + std::to_string(++id) + "\",\"text\":\"" + countries[a] + " condemned " +
                  countries[b] + " on Monday.\"}\n";
  WriteWholeFile(tmp / "dense.jsonl", corpus);
  const std::string db = tmp / "db";
  REQUIRE(RunGeokg({"ingest", "--db", db, "--quiet", tmp / "dense.jsonl"}).exit_code == 0);
  const std::string query = "MATCH p = (a)-[*1..6]->(b) RETURN collect(p)";
  ProcessResult r = RunGeokg({"query", "--db", db, "--max-memory", "2", query});
  CHECK(r.exit_code == 1);
  CHECK(r.err ==
        "geokg query: query exceeded its memory budget of 2 MB (raise it with --max-memory or OPTIONS "
        "{max_memory_mb: N})\n");
  ProcessResult in_text = RunGeokg({"query", "--db", db, "OPTIONS {max_memory_mb: 3} " + query});
  CHECK(in_text.exit_code == 1);
  CHECK(in_text.err.find("memory budget of 3 MB") != std::string::npos);
  ProcessResult repl = RunGeokg({"repl", "--db", db, "--max-memory", "2"}, query + ";\n");
  CHECK(repl.exit_code == 1);
  CHECK(repl.err.find("memory budget of 2 MB") != std::string::npos);
  ProcessResult small = RunGeokg({"query", "--db", db, "--max-memory", "2",
                                  "MATCH p = (a {name: 'France'})-[*1..2]->(b) RETURN count(p) AS n"});
  CHECK(small.exit_code == 0);
}
