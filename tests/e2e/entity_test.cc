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
  CHECK(r.out.find("Yury Kovalenko [person UKR, 2 mentions] <- Yuri Kovalenko [person UKR, 1 mention]") !=
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
  CHECK(unknown.err == "geokg entity: unknown entity subcommand 'frobnicate' (suggest-merges, merge, show, rename, set-kind, set-country, alias, rules, import)\n");

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

TEST_CASE("entity rename, set-kind, set-country and alias edit a store, and the rules carry to a new one",
          "[e2e][entity]") {
  TempDir tmp;
  const std::string db = IngestVariants(tmp);
  const std::string q = "MATCH (a:person {name: 'Y. Kovalenko'}) RETURN a.name AS name, a.country AS country";

  ProcessResult r = RunGeokg({"entity", "rename", "--db", db, "T. Nowakowski", "Tomasz Nowakowski"});
  CHECK(r.exit_code == 1);
  CHECK(LineCount(r.err) == 1);
  CHECK(r.err.find("'Tomasz Nowakowski' is the name of another entity") != std::string::npos);
  CHECK(r.err.find("merge the two instead; nothing was changed") != std::string::npos);
  r = RunGeokg({"entity", "set-kind", "--db", db, "Yuri Kovalenko", "persn"});
  CHECK(r.exit_code == 1);
  CHECK(r.err == "geokg entity: unknown kind 'persn' (did you mean 'person'?)\n");
  r = RunGeokg({"entity", "set-country", "--db", db, "Yuri Kovalenko", "Ukraine"});
  CHECK(r.exit_code == 1);
  r = RunGeokg({"entity", "set-country", "--db", db, "Nobody", "UKR"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("no entity named 'Nobody'") != std::string::npos);

  for (std::vector<std::string> edit : {std::vector<std::string>{"set-country", "Yuri Kovalenko", "ukr"},
                                        {"alias", "add", "Yuri Kovalenko", "Y. Kovalenko"},
                                        {"rename", "Yuri Kovalenko", "Yuriy Kovalenko"},
                                        {"merge", "Yuriy Kovalenko", "Yury Kovalenko"}}) {
    edit.insert(edit.begin(), "entity");
    edit.insert(edit.begin() + 2, {"--db", db});
    r = RunGeokg(edit);
    INFO(r.err);
    CHECK(r.exit_code == 0);
  }
  r = RunGeokg({"query", "--db", db, "--format", "csv", q});
  CHECK(r.out == "name,country\nYuriy Kovalenko,UKR\n");
  r = RunGeokg({"entity", "alias", "remove", "--db", db, "Yuriy Kovalenko", "Nope"});
  CHECK(r.exit_code == 1);
  CHECK(r.err == "geokg entity: Yuriy Kovalenko has no alias 'Nope'; nothing was changed\n");
  r = RunGeokg({"entity", "alias", "remove", "--db", db, "Yuriy Kovalenko", "yuriy kovalenko"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("rename it first") != std::string::npos);
  r = RunGeokg({"entity", "show", "--db", db, "Yury Kovalenko"});
  CHECK(r.out.rfind("Yuriy Kovalenko\n  id ", 0) == 0);
  CHECK(r.out.find(", person, country UKR, 3 mentions in 2 documents") != std::string::npos);

  // Extracting again keeps every edit.
  auto exported = [](const std::string& store) {
    ProcessResult e = RunGeokg({"export", "--db", store, "--format", "jsonl", "--all-modalities"});
    REQUIRE(e.exit_code == 0);
    return e.out;
  };
  const std::string before = exported(db);
  REQUIRE(RunGeokg({"reextract", "--db", db, "--all"}).exit_code == 0);
  CHECK(exported(db) == before);

  // The rules as a file; imported into a new store before its first ingest,
  // the same corpus gives the same graph.
  ProcessResult rules = RunGeokg({"entity", "rules", "--db", db});
  REQUIRE(rules.exit_code == 0);
  CHECK(rules.out.find("\nrename\t") != std::string::npos);
  CHECK(rules.out.find("\nset-country\t") != std::string::npos);
  CHECK(rules.out.find("\nalias-add\t") != std::string::npos);
  CHECK(rules.out.find("\nmerge\t") != std::string::npos);
  tmp.Write("team.rules", rules.out);
  const std::string fresh = tmp / "fresh";
  r = RunGeokg({"entity", "import", "--db", fresh, tmp / "team.rules"});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  REQUIRE(RunGeokg({"ingest", "--db", fresh, "--quiet", tmp / "in"}).exit_code == 0);
  CHECK(exported(fresh) == before);
  // Importing into the store they came from changes nothing.
  REQUIRE(RunGeokg({"entity", "import", "--db", db, tmp / "team.rules"}).exit_code == 0);
  CHECK(exported(db) == before);
  CHECK(RunGeokg({"entity", "rules", "--db", db}).out == rules.out);

  // A bad rules file: one line naming the file and line, nothing imported.
  tmp.Write("bad.rules", "# header\nset-kind\t0123456789abcdef\tperson\nsetkind\t0123456789abcdef\tperson\n");
  r = RunGeokg({"entity", "import", "--db", db, tmp / "bad.rules"});
  CHECK(r.exit_code == 1);
  CHECK(r.err == "geokg entity: " + (tmp / "bad.rules") +
                     ":3: unknown rule 'setkind' (merge, rename, set-kind, set-country, alias-add, alias-remove); "
                     "nothing was imported\n");
  tmp.Write("binary.rules", std::string("rename\t0123456789abcdef\tA\xff\xfe\n", 27));
  r = RunGeokg({"entity", "import", "--db", db, tmp / "binary.rules"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("binary.rules:1: invalid UTF-8") != std::string::npos);
  r = RunGeokg({"entity", "import", "--db", db, tmp / "no-such.rules"});
  CHECK(r.exit_code == 1);
  CHECK(LineCount(r.err) == 1);
  CHECK(RunGeokg({"entity", "rules", "--db", db}).out == rules.out);
}
