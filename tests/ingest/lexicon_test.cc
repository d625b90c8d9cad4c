// Tests for ingest/lexicon.h: the data file formats, errors with file:line,
// extra directories, case rules and the longest match.
#include "ingest/lexicon.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "graph/ids.h"
#include "ingest/text.h"
#include "tests/support/process.h"

namespace fs = std::filesystem;
using geokg::Status;
using geokg::ingest::DocAnalysis;
using geokg::ingest::LexKind;
using geokg::ingest::Lexicon;
namespace graph = geokg::graph;
namespace ingest = geokg::ingest;

namespace {

using geokg::testing::TempDir;

void WriteBase(const TempDir& d) {
  d.Write("countries.actors.tsv",
          "# name\tkind\tcountry\taliases\tlinks\n"
          "United States\tcountry\tUSA\tUS|U.S.|USA|America|United States of America\n"
          "Iran\tcountry\tIRN\tIslamic Republic of Iran\n"
          "Iraq\tcountry\tIRQ\t\n");
  d.Write("places.actors.tsv", "Baghdad\tlocation\tIRQ\t\tlocated-in>Iraq\n");
  d.Write("groups.actors.tsv",
          "Popular Mobilisation Forces\tarmed-group\tIRQ\tPMF|Popular Mobilization Forces\tlocated-in>Iraq;backed-by>Iran\n");
  d.Write("demonyms.tsv", "Iranian\tIran\nIraqi\tIraq\nAmericans\tUnited States\n");
  d.Write("metonyms.tsv", "Washington\tUnited States\nTehran\tIran\n");
  d.Write("titles.tsv", "President\thead-of-state\tyes\nDefence Secretary\tminister\tyes\nGen.\tmilitary\tno\n");
  d.Write("common-words.txt", "the\nsaid\nmark\n");
}

ingest::Lexicon::Match Match(const Lexicon& lex, const std::string& text, DocAnalysis* doc) {
  ingest::AnalyzeText(text, doc);
  return lex.LongestMatch(*doc, 0, static_cast<uint32_t>(doc->tokens.size()));
}

}  // namespace

TEST_CASE("lexicon loads entries, aliases, links, demonyms, metonyms, titles", "[ingest][lexicon]") {
  TempDir dir;
  WriteBase(dir);
  std::shared_ptr<const Lexicon> lex;
  Status s = ingest::LoadLexiconDirs({dir.path().string()}, &lex);
  REQUIRE(s.ok());
  const Lexicon::Entry* us = lex->FindCanonical("united states");
  REQUIRE(us != nullptr);
  CHECK(us->name == "United States");
  CHECK(us->kind == graph::EntityKind::kCountry);
  CHECK(us->id == graph::EntityIdFor("United States"));
  CHECK(lex->FindAlias("U.S.") == us);
  CHECK(lex->FindCanonical("US") == nullptr);  // an alias, not a canonical name
  CHECK(lex->CountryByCode("IRQ") == lex->FindCanonical("Iraq"));
  const Lexicon::Entry* pmf = lex->FindAlias("PMF");
  REQUIRE(pmf != nullptr);
  REQUIRE(pmf->links.size() == 2);
  CHECK(pmf->links[1].type == graph::RelationType::kBackedBy);
  CHECK(pmf->links[1].target == "Iran");
  CHECK(lex->titles().size() == 3);
  CHECK(lex->titles()[0].leader);
  CHECK_FALSE(lex->titles()[2].leader);
  CHECK(lex->IsCommonWord("said"));
  CHECK(lex->IsCommonWord("Mark"));
  CHECK_FALSE(lex->IsCommonWord("Esper"));

  DocAnalysis doc;
  auto m = Match(*lex, "Iranian", &doc);
  REQUIRE(m.length == 1);
  CHECK(m.values[0].kind == LexKind::kDemonym);
  CHECK(&lex->entries()[m.values[0].index] == lex->FindCanonical("Iran"));
  m = Match(*lex, "Washington", &doc);
  REQUIRE(m.length == 1);
  CHECK(m.values[0].kind == LexKind::kMetonym);
  m = Match(*lex, "defence secretary Mark", &doc);  // titles match in any case
  REQUIRE(m.length == 2);
  CHECK(m.values[0].kind == LexKind::kTitle);
}

TEST_CASE("longest match wins and case rules apply", "[ingest][lexicon]") {
  TempDir dir;
  WriteBase(dir);
  std::shared_ptr<const Lexicon> lex;
  REQUIRE(ingest::LoadLexiconDirs({dir.path().string()}, &lex).ok());
  DocAnalysis doc;
  CHECK(Match(*lex, "Popular Mobilisation Forces said", &doc).length == 3);
  CHECK(Match(*lex, "United States of America troops", &doc).length == 4);
  CHECK(Match(*lex, "United States troops", &doc).length == 2);
  CHECK(Match(*lex, "U.S. troops", &doc).length == 1);
  // An all-capitals alias needs upper-case text: "us" is a pronoun.
  CHECK(Match(*lex, "US", &doc).length == 1);
  CHECK(Match(*lex, "us", &doc).length == 0);
  CHECK(Match(*lex, "Us", &doc).length == 0);
  // Other aliases match case-insensitively only where the alias is capitalised.
  CHECK(Match(*lex, "popular mobilisation forces", &doc).length == 0);
  CHECK(Match(*lex, "POPULAR MOBILISATION FORCES", &doc).length == 3);
  CHECK(Match(*lex, "iran", &doc).length == 0);
  // A word that is only a prefix does not match.
  CHECK(Match(*lex, "Popular", &doc).length == 0);
  // An acronym of four letters or more may be written in title case
  // ("Nato"), unless it is a common word ("MARK" would not be "Mark").
  CHECK(Match(*lex, "Popular Mobilisation Forces", &doc).length == 3);
  CHECK(Match(*lex, "Pmfs", &doc).length == 0);
  CHECK(Match(*lex, "Usa", &doc).length == 0);  // three letters: upper case only
  // Single words inside a token ("Iran" of "Iran-backed").
  auto w = lex->MatchWord("Iran");
  REQUIRE(w.length == 1);
  CHECK(Lexicon::CaseOkWord(w.values[0], "Iran"));
}

TEST_CASE("a name spelt in two cases needs a capital only where both have one", "[ingest][lexicon]") {
  TempDir dir;
  WriteBase(dir);
  dir.Write("qaeda.actors.tsv", "Al-Qaeda\tarmed-group\t\tal-Qaeda|Al Qaeda|al Qaeda\n");
  std::shared_ptr<const Lexicon> lex;
  REQUIRE(ingest::LoadLexiconDirs({dir.path().string()}, &lex).ok());
  for (const std::string text : {"an al-Qaeda affiliate", "an Al-Qaeda affiliate", "the al Qaeda leader"}) {
    DocAnalysis doc;
    ingest::AnalyzeText(text, &doc);
    const uint32_t first = 1;
    Lexicon::Match m = lex->LongestMatch(doc, first, static_cast<uint32_t>(doc.tokens.size()));
    INFO(text);
    REQUIRE(m.count > 0);
    CHECK(lex->CaseOk(m.values[0], doc, first, m.length));
  }
  // Where every spelling is capitalised, lower case still does not match.
  DocAnalysis doc;
  ingest::AnalyzeText("the popular mobilisation forces", &doc);
  CHECK(lex->LongestMatch(doc, 1, static_cast<uint32_t>(doc.tokens.size())).length == 0);
}

TEST_CASE("the longest match is the same given each token's first node", "[ingest][lexicon]") {
  TempDir dir;
  WriteBase(dir);
  std::shared_ptr<const Lexicon> lex;
  REQUIRE(ingest::LoadLexiconDirs({dir.path().string()}, &lex).ok());
  DocAnalysis doc;
  ingest::AnalyzeText("The Popular Mobilisation Forces said Iranian troops left Baghdad and the Popular Front .", &doc);
  const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  // What the recognizer hands in: the node of each token's first probe,
  // or an empty node where the token starts no pattern.
  std::vector<Lexicon::Node> first_nodes(n);
  size_t with_node = 0;
  for (uint32_t i = 0; i < n; ++i) {
    const int32_t node = lex->FirstNode(ingest::TokenKey(doc.TokenText(i)));
    if (node >= 0) first_nodes[i] = lex->node(node), ++with_node;
  }
  CHECK(with_node >= 4);      // "Popular", "Iranian", "Baghdad", "the"
  CHECK(with_node < n);       // and tokens with none
  size_t matched = 0;
  for (uint32_t i = 0; i < n; ++i) {
    INFO("token " << i);
    const Lexicon::Match plain = lex->LongestMatch(doc, i, n);
    const Lexicon::Match given = lex->LongestMatch(doc, i, n, nullptr, first_nodes.data());
    CHECK(given.length == plain.length);
    CHECK(given.values == plain.values);
    CHECK(given.count == plain.count);
    matched += plain.length > 0;
  }
  CHECK(matched >= 3);  // the group's four words, the demonym, the place
}

TEST_CASE("the longest agent phrase at a token", "[ingest][lexicon]") {
  TempDir dir;
  WriteBase(dir);
  dir.Write("agents.tsv", "police\tCOP\nriot police\tCOP\nforeign ministry\tGOVFRN\nforeign ministry spokesman\tGOVFRN\n");
  std::shared_ptr<const Lexicon> lex;
  REQUIRE(ingest::LoadLexiconDirs({dir.path().string()}, &lex).ok());
  DocAnalysis doc;
  ingest::AnalyzeText("riot police and the foreign ministry spokesman said foreign aid", &doc);
  const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  auto longest = [&](uint32_t first) {
    uint32_t agent = ~0u;
    const uint32_t len = lex->LongestAgent(doc, first, n, nullptr, &agent);
    return std::make_pair(len, len > 0 ? lex->agents()[agent].phrase : std::string());
  };
  CHECK(longest(0) == std::make_pair(2u, std::string("riot police")));
  CHECK(longest(1) == std::make_pair(1u, std::string("police")));
  CHECK(longest(4) == std::make_pair(3u, std::string("foreign ministry spokesman")));
  CHECK(longest(8).first == 0);  // "foreign" alone is only the start of a phrase
  CHECK(longest(2).first == 0);  // "and"
}

TEST_CASE("long acronyms match in title case unless they are common words", "[ingest][lexicon]") {
  TempDir dir;
  WriteBase(dir);
  dir.Write("orgs.actors.tsv",
            "North Atlantic Treaty Organization\tinternational-org\t\tNATO\n"
            "Mark Association\torganization\t\tMARK\n");
  std::shared_ptr<const Lexicon> lex;
  REQUIRE(ingest::LoadLexiconDirs({dir.path().string()}, &lex).ok());
  DocAnalysis doc;
  CHECK(Match(*lex, "NATO", &doc).length == 1);
  CHECK(Match(*lex, "Nato", &doc).length == 1);
  CHECK(Match(*lex, "nato", &doc).length == 0);
  CHECK(Match(*lex, "NaTO", &doc).length == 0);
  CHECK(Match(*lex, "MARK", &doc).length == 1);
  CHECK(Match(*lex, "Mark", &doc).length == 0);
  auto w = lex->MatchWord("Nato");
  REQUIRE(w.length == 1);
  CHECK(Lexicon::CaseOkWord(w.values[0], "Nato"));
}

TEST_CASE("extra lexicon directories add entries and aliases", "[ingest][lexicon]") {
  TempDir base, extra;
  WriteBase(base);
  extra.Write("mine.actors.tsv",
              "Iran\tcountry\tIRN\tPersia\n"
              "Kataib Hezbollah\tarmed-group\tIRQ\tKH\tbacked-by>Iran;part-of>Popular Mobilisation Forces\n");
  extra.Write("demonyms.tsv", "Persian\tIran\n");
  std::shared_ptr<const Lexicon> lex;
  REQUIRE(ingest::LoadLexiconDirs({base.path().string(), extra.path().string()}, &lex).ok());
  const Lexicon::Entry* iran = lex->FindCanonical("Iran");
  REQUIRE(iran != nullptr);
  CHECK(lex->FindAlias("Persia") == iran);
  CHECK(iran->aliases.size() == 2);
  CHECK(lex->FindAlias("KH") != nullptr);
  DocAnalysis doc;
  auto m = Match(*lex, "Persian", &doc);
  REQUIRE(m.length == 1);
  CHECK(m.values[0].kind == LexKind::kDemonym);

  // LoadLexicon: built-in directory from $GEOKG_DATA_DIR, then extras.
  ::setenv("GEOKG_DATA_DIR", base.path().c_str(), 1);
  std::shared_ptr<const Lexicon> lex2;
  REQUIRE(ingest::LoadLexicon({extra.path().string()}, &lex2).ok());
  CHECK(lex2->FindAlias("Persia") != nullptr);
  CHECK(lex2->FindAlias("PMF") != nullptr);
  ::unsetenv("GEOKG_DATA_DIR");
}

TEST_CASE("malformed lexicon lines are errors naming file and line", "[ingest][lexicon]") {
  std::shared_ptr<const Lexicon> lex;
  SECTION("unknown kind") {
    TempDir dir;
    dir.Write("x.actors.tsv", "# comment\nIran\tcountry\nHamas\tarmed group x\n");
    Status s = ingest::LoadLexiconDirs({dir.path().string()}, &lex);
    REQUIRE_FALSE(s.ok());
    CHECK(s.code() == geokg::StatusCode::kInvalidInput);
    CHECK(s.message().find("x.actors.tsv:3:") != std::string::npos);
    CHECK(s.message().find("unknown kind") != std::string::npos);
  }
  SECTION("too few fields") {
    TempDir dir;
    dir.Write("x.actors.tsv", "Iran\n");
    Status s = ingest::LoadLexiconDirs({dir.path().string()}, &lex);
    REQUIRE_FALSE(s.ok());
    CHECK(s.message().find("x.actors.tsv:1:") != std::string::npos);
  }
  SECTION("bad link") {
    TempDir dir;
    dir.Write("x.actors.tsv", "Iran\tcountry\tIRN\t\tfriends>Iraq\n");
    Status s = ingest::LoadLexiconDirs({dir.path().string()}, &lex);
    REQUIRE_FALSE(s.ok());
    CHECK(s.message().find("x.actors.tsv:1:") != std::string::npos);
  }
  SECTION("bad country code") {
    TempDir dir;
    dir.Write("x.actors.tsv", "Iran\tcountry\tIranian\n");
    Status s = ingest::LoadLexiconDirs({dir.path().string()}, &lex);
    REQUIRE_FALSE(s.ok());
    CHECK(s.message().find("x.actors.tsv:1:") != std::string::npos);
  }
  SECTION("demonym of an unknown entity") {
    TempDir dir;
    dir.Write("x.actors.tsv", "Iran\tcountry\tIRN\n");
    dir.Write("demonyms.tsv", "Iranian\tIran\n\nNarnian\tNarnia\n");
    Status s = ingest::LoadLexiconDirs({dir.path().string()}, &lex);
    REQUIRE_FALSE(s.ok());
    CHECK(s.message().find("demonyms.tsv:3:") != std::string::npos);
  }
  SECTION("titles leader column") {
    TempDir dir;
    dir.Write("titles.tsv", "President\thead-of-state\tmaybe\n");
    Status s = ingest::LoadLexiconDirs({dir.path().string()}, &lex);
    REQUIRE_FALSE(s.ok());
    CHECK(s.message().find("titles.tsv:1:") != std::string::npos);
  }
  SECTION("missing directory") {
    Status s = ingest::LoadLexiconDirs({"/nonexistent/geokg/lexicon"}, &lex);
    REQUIRE_FALSE(s.ok());
    CHECK(s.code() == geokg::StatusCode::kNotFound);
  }
}

TEST_CASE("the built-in lexicon loads", "[ingest][lexicon]") {
  std::shared_ptr<const Lexicon> lex;
  Status s = ingest::LoadLexiconDirs({std::string(GEOKG_SOURCE_DIR) + "/ingest/data"}, &lex);
  INFO(s.message());
  REQUIRE(s.ok());
  CHECK(lex->FindCanonical("United States") != nullptr);
  CHECK(lex->FindAlias("US") == lex->FindCanonical("United States"));
  CHECK(lex->entries().size() > 200);
}

TEST_CASE("a patronymic is not indexed as a surname", "[ingest][lexicon]") {
  TempDir dir;
  WriteBase(dir);
  dir.Write("people.actors.tsv",
            "Rashid Ahmed bin Fahd\tperson\tARE\t\t\n"
            "Mark Esper\tperson\tUSA\t\t\n");
  std::shared_ptr<const Lexicon> lex;
  REQUIRE(ingest::LoadLexiconDirs({dir.path().string()}, &lex).ok());
  CHECK(lex->PeopleWithSurname(ingest::TokenKey("Fahd")) == nullptr);
  REQUIRE(lex->PeopleWithSurname(ingest::TokenKey("Esper")) != nullptr);
}
