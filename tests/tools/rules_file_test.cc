// The curation rules file: what `geokg entity rules` writes and `geokg
// entity import` reads.
#include "tools/entity/rules_file.h"

#include <catch2/catch.hpp>
#include <string>

#include "graph/ids.h"

namespace geokg::tools::entity {
namespace {

graph::CurationRules Sample() {
  graph::CurationRules rules;
  rules.merges[0x1111111111111111ull] = 0x2222222222222222ull;
  graph::EntityEdit& edit = rules.edits[0x3333333333333333ull];
  edit.name = "Richard Armitage";
  edit.kind = graph::EntityKind::kPerson;
  edit.country = "";
  edit.add_aliases = {"R. Armitage"};
  edit.remove_aliases = {"Armitage Tuesday"};
  return rules;
}

TEST_CASE("a rules file reads back as the rules it was written from", "[tools][rules]") {
  const std::string text = FormatRules(Sample(), [](graph::EntityId id) {
    return id == 0x2222222222222222ull ? std::string("George W. Bush") : std::string();
  });
  CHECK(text.find("merge\t2222222222222222\t1111111111111111\t# into George W. Bush\n") != std::string::npos);
  CHECK(text.find("set-country\t3333333333333333\t-\n") != std::string::npos);
  graph::CurationRules back;
  Status s = ParseRules(text, "rules.tsv", &back);
  INFO(s.message());
  REQUIRE(s.ok());
  CHECK(back.merges == Sample().merges);
  const graph::EntityEdit& edit = back.edits.at(0x3333333333333333ull);
  CHECK(edit.name == Sample().edits[0x3333333333333333ull].name);
  CHECK(edit.kind == graph::EntityKind::kPerson);
  CHECK(edit.country == std::optional<std::string>(""));
  CHECK(edit.add_aliases == std::vector<std::string>{"R. Armitage"});
  CHECK(edit.remove_aliases == std::vector<std::string>{"Armitage Tuesday"});
  // Comments, blank lines and CRLF line ends are fine.
  REQUIRE(ParseRules("# team rules\r\n\r\nset-country\t3333333333333333\tirq\t# lower case is fine\r\n", "r", &back).ok());
  CHECK(back.edits.at(0x3333333333333333ull).country == std::optional<std::string>("IRQ"));
}

TEST_CASE("a bad rules line is an error naming the file and line", "[tools][rules]") {
  graph::CurationRules rules;
  struct Bad {
    std::string text, message;
  };
  const std::vector<Bad> cases = {
      {"# ok\nfrobnicate\t3333333333333333\tx\n", "r.tsv:2: unknown rule 'frobnicate'"},
      {"rename\t33\tX\n", "r.tsv:1: '33' is not an entity id"},
      {"rename 3333333333333333 X\n", "r.tsv:1: expected three tab-separated fields"},
      {"set-kind\t3333333333333333\tcountri\n", "r.tsv:1: unknown kind 'countri' (did you mean 'country'?)"},
      {"set-country\t3333333333333333\tIRAQ\n", "r.tsv:1: 'IRAQ' is not a country code"},
      {"merge\t3333333333333333\t3333333333333333\n", "r.tsv:1: an entity cannot be merged into itself"},
      {"merge\t3333333333333333\tzz\n", "r.tsv:1: 'zz' is not an entity id"},
      {"alias-add\t3333333333333333\t \n", "r.tsv:1: ' ' is not a name"},
      {std::string("rename\t3333333333333333\ta\0b\n", 28), "r.tsv:1: "},
  };
  for (const Bad& bad : cases) {
    Status s = ParseRules(bad.text, "r.tsv", &rules);
    INFO(bad.text);
    CHECK(s.code() == StatusCode::kInvalidInput);
    CHECK(s.message().rfind(bad.message, 0) == 0);
  }
}

TEST_CASE("country codes: three letters upper-cased, or none", "[tools][rules]") {
  std::string code = "x";
  CHECK(ParseCountryCode("-", &code));
  CHECK(code.empty());
  CHECK(ParseCountryCode("ukr", &code));
  CHECK(code == "UKR");
  CHECK_FALSE(ParseCountryCode("UK", &code));
  CHECK_FALSE(ParseCountryCode("U1R", &code));
}

}  // namespace
}  // namespace geokg::tools::entity
