// End-to-end tests of `geokg entity`: suggest-merges on a small store
// ingested here (names the lexicon does not know, spelt two ways), and the
// usage errors (one line, exit status 1).
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

#include "tests/support/process.h"

using geokg::testing::ProcessResult;
using geokg::testing::RunGeokg;
using geokg::testing::TempDir;

namespace {

int LineCount(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }

// Three documents naming two invented people two ways each.
std::string IngestVariants(const TempDir& tmp) {
  tmp.Write(
      "in/a.txt",
      "Talks in Kiev\n"
      "Ukrainian Prime Minister Yuri Kovalenko met Polish President Andrzej Wisniewski in Kiev on Monday.\n");
  tmp.Write(
      "in/b.txt",
      "More talks\n"
      "Ukrainian Prime Minister Yury Kovalenko Tuesday criticised Polish President Andrzej Wisniewski.\n"
      "Polish Foreign Minister Tomasz Nowakowski met Ukrainian Prime Minister Yury Kovalenko.\n");
  tmp.Write("in/c.txt", "Warsaw visit\nPolish Foreign Minister T. Nowakowski condemned Russia.\n");
  std::string db = tmp / "db";
  ProcessResult in = RunGeokg({"ingest", "--db", db, tmp / "in"});
  INFO(in.err);
  REQUIRE(in.exit_code == 0);
  return db;
}

}  // namespace

TEST_CASE("entity suggest-merges lists variants with the command that merges them", "[e2e][entity]") {
  TempDir tmp;
  std::string db = IngestVariants(tmp);
  ProcessResult r = RunGeokg({"entity", "suggest-merges", "--db", db});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(LineCount(r.out) == 2);
  CHECK(r.out.find("Yury Kovalenko [person -, 2 mentions] <- Yuri Kovalenko [person -, 1 mention]") !=
        std::string::npos);
  CHECK(r.out.find("$ geokg entity merge --db " + db + " 'Yury Kovalenko' 'Yuri Kovalenko'\n") !=
        std::string::npos);
  CHECK(r.out.find("same surname, first name abbreviated") != std::string::npos);
  CHECK(r.out.find("$ geokg entity merge --db " + db + " 'Tomasz Nowakowski' 'T. Nowakowski'\n") !=
        std::string::npos);
  // The recognizer leaves the weekday out of the name.
  CHECK(r.out.find("Tuesday") == std::string::npos);

  ProcessResult one = RunGeokg({"entity", "suggest-merges", "--db", db, "--limit", "1"});
  CHECK(one.exit_code == 0);
  CHECK(LineCount(one.out) == 1);
  CHECK(one.err == "geokg entity: 1 of 2 candidates shown (--limit 0 shows all)\n");

  ProcessResult orgs = RunGeokg({"entity", "suggest-merges", "--db", db, "--kind", "organization"});
  CHECK(orgs.exit_code == 0);
  CHECK(orgs.out.empty());
  CHECK(orgs.err == "geokg entity: no merge candidates\n");

  ProcessResult help = RunGeokg({"entity", "--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("geokg entity suggest-merges --db DIR") != std::string::npos);
}

TEST_CASE("entity usage errors are one line with exit status 1", "[e2e][entity]") {
  TempDir tmp;
  ProcessResult no_db = RunGeokg({"entity", "suggest-merges"});
  CHECK(no_db.exit_code == 1);
  CHECK(no_db.err == "geokg entity: missing --db DIR\n");

  ProcessResult unknown = RunGeokg({"entity", "frobnicate", "--db", tmp / "db"});
  CHECK(unknown.exit_code == 1);
  CHECK(unknown.err == "geokg entity: unknown entity subcommand 'frobnicate' (suggest-merges, merge, show, rules)\n");

  ProcessResult none = RunGeokg({"entity", "--db", tmp / "db"});
  CHECK(none.exit_code == 1);
  CHECK(LineCount(none.err) == 1);

  ProcessResult missing = RunGeokg({"entity", "suggest-merges", "--db", tmp / "nothing-here"});
  CHECK(missing.exit_code == 1);
  CHECK(missing.err == "geokg entity: no store at " + (tmp / "nothing-here") + "\n");

  ProcessResult bad_limit = RunGeokg({"entity", "suggest-merges", "--db", tmp / "db", "--limit", "x"});
  CHECK(bad_limit.exit_code == 1);
  CHECK(bad_limit.err == "geokg entity: --limit: expected a number (0: all)\n");

  ProcessResult bad_kind = RunGeokg({"entity", "suggest-merges", "--db", tmp / "db", "--kind", "persn"});
  CHECK(bad_kind.exit_code == 1);
  CHECK(LineCount(bad_kind.err) == 1);
  CHECK(bad_kind.err.find("unknown kind 'persn'") != std::string::npos);

  ProcessResult extra = RunGeokg({"entity", "suggest-merges", "--db", tmp / "db", "Bush"});
  CHECK(extra.exit_code == 1);
  CHECK(extra.err == "geokg entity: unexpected argument 'Bush'\n");
}
