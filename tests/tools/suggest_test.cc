// Tests of the merge suggestions (tools/entity/suggest.h): each signal on
// its own, positive and negative, then SuggestMerges over small hand-made
// graphs (kinds, countries, ranking, one line per pair).
#include "tools/entity/suggest.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "graph/ids.h"

namespace geokg::tools::entity {
namespace {

using graph::EntityKind;
using Words = std::vector<std::string>;

graph::Entity Make(std::string name, EntityKind kind, std::string country = "", uint64_t mentions = 1) {
  graph::Entity e;
  e.id = graph::EntityIdFor(name);
  e.name = std::move(name);
  e.kind = kind;
  e.country = std::move(country);
  e.mentions = mentions;
  return e;
}

// "KEEP <- DROP" (or "DROP -> CLEAN" for a rename) of every candidate.
std::vector<std::string> Pairs(const graph::GraphData& data, const SuggestOptions& options = {}) {
  std::vector<std::string> out;
  for (const MergeCandidate& c : SuggestMerges(data, options))
    out.push_back(c.keep ? data.entities[*c.keep].name + " <- " + data.entities[c.drop].name
                         : data.entities[c.drop].name + " -> " + c.clean_name);
  return out;
}

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

TEST_CASE("NameWords folds case, accents and articles and drops suffixes", "[tools][suggest]") {
  CHECK(NameWords("George W. Bush") == Words{"george", "w", "bush"});
  CHECK(NameWords("Martin Luther King Jr.") == Words{"martin", "luther", "king"});
  CHECK(NameWords("Rafik al-Hariri") == Words{"rafik", "hariri"});
  CHECK(NameWords("Mohamed ElBaradei") == Words{"mohamed", "baradei"});
  CHECK(NameWords("José Zapatero") == Words{"jose", "zapatero"});
  // A first word keeps its "El"/"Al"; a vowel after it is no article.
  CHECK(NameWords("Elbegdorj") == Words{"elbegdorj"});
  CHECK(NameWords("Nuri Alawi") == Words{"nuri", "alawi"});
}

TEST_CASE("same surname: compatible given names", "[tools][suggest]") {
  // A missing middle name, an initial, a prefix, a bare surname.
  CHECK(GivenNamesCompatible({"george"}, {"george", "w"}) == Approx(0.9));
  CHECK(GivenNamesCompatible({"g"}, {"george"}) == Approx(0.75));
  CHECK(GivenNamesCompatible({"abdel"}, {"abdelaziz"}) == Approx(0.75));
  CHECK(GivenNamesCompatible({}, {"george", "w"}) == Approx(0.5));
  CHECK(GivenNamesCompatible({"george", "w"}, {"g", "w"}) == Approx(0.75));
}

TEST_CASE("same surname: incompatible given names", "[tools][suggest]") {
  CHECK(GivenNamesCompatible({"george"}, {"laura"}) == 0);
  CHECK(GivenNamesCompatible({"george", "w"}, {"george", "h", "w"}) == 0);  // father and son
  CHECK(GivenNamesCompatible({"george", "w"}, {"george", "h"}) == 0);
  CHECK(GivenNamesCompatible({"al"}, {"alan"}) == 0);  // a two-letter prefix says nothing
  CHECK(GivenNamesCompatible({}, {}) == 0);
}

TEST_CASE("transliteration: folded forms", "[tools][suggest]") {
  CHECK(FoldName("Yanukovych") == FoldName("Yanukovich"));
  CHECK(FoldName("ElBaradei") == FoldName("El-Baradei"));
  CHECK(FoldName("Mohamed Elbaradei") == FoldName("Mohamed El Baradei"));
  CHECK(FoldName("Rafik Hariri") == FoldName("Rafiq al-Hariri"));
  CHECK(FoldName("Khodorkovsky") == FoldName("Hodorkovsky"));
  CHECK(FoldName("Gaddafi") == FoldName("Gadafi"));
  CHECK(FoldName("Mouammar") == FoldName("Muammar"));
  CHECK(FoldName("Tschernomyrdin") == FoldName("Chernomyrdin"));
  CHECK(FoldName("Mustapha") == FoldName("Mustafa"));
  CHECK(FoldName("Iyad Allawi") != FoldName("Ayad Allawi"));
  CHECK(EditDistance(FoldName("Iyad Allawi"), FoldName("Ayad Allawi"), 2) == 1);
  CHECK(EditDistance(FoldName("Eyad Allawi"), FoldName("Ayad Allawi"), 2) == 1);
}

TEST_CASE("transliteration: edit distance and its bound", "[tools][suggest]") {
  CHECK(EditDistance("kitten", "sitting", 5) == 3);
  CHECK(EditDistance("kitten", "sitting", 1) == 2);  // stops at max + 1
  CHECK(EditDistance("", "abc", 5) == 3);
  CHECK(EditDistance("same", "same", 0) == 0);
  CHECK(AllowedEdits(4) == 0);  // "Iraq" / "Iran"
  CHECK(AllowedEdits(8) == 1);
  CHECK(AllowedEdits(12) == 2);
}

TEST_CASE("trailing weekday, month or title", "[tools][suggest]") {
  std::string word;
  CHECK(StripTrailingWord("Richard Armitage Tuesday", true, &word) ==
        std::optional<std::string>("Richard Armitage"));
  CHECK(word == "Tuesday");
  CHECK(StripTrailingWord("Colin Powell spokesman", true, &word) ==
        std::optional<std::string>("Colin Powell"));
  CHECK(StripTrailingWord("Foreign Ministry Monday", false, &word) ==
        std::optional<std::string>("Foreign Ministry"));
  CHECK(StripTrailingWord("Jack Straw October", true, &word) == std::optional<std::string>("Jack Straw"));
  // Kept: real names, one word, a title outside persons, a month after one word.
  CHECK_FALSE(StripTrailingWord("Theresa May", true, &word));
  CHECK_FALSE(StripTrailingWord("Tuesday", true, &word));
  CHECK_FALSE(StripTrailingWord("Richard Armitage", true, &word));
  CHECK_FALSE(StripTrailingWord("Committee President", false, &word));
  CHECK_FALSE(StripTrailingWord("Maria April", true, &word));
}

TEST_CASE("kinds and shell quoting", "[tools][suggest]") {
  CHECK(KindsCompatible(EntityKind::kPerson, EntityKind::kPerson));
  CHECK(KindsCompatible(EntityKind::kOrganization, EntityKind::kGovernmentBody));
  CHECK(KindsCompatible(EntityKind::kLocation, EntityKind::kFacility));
  CHECK_FALSE(KindsCompatible(EntityKind::kPerson, EntityKind::kOrganization));
  CHECK_FALSE(KindsCompatible(EntityKind::kCountry, EntityKind::kLocation));
  CHECK(ShellQuote("George Bush") == "'George Bush'");
  CHECK(ShellQuote("Robert O'Brien") == "'Robert O'\\''Brien'");
}

TEST_CASE("SuggestMerges finds each signal's pairs and keeps the fuller name", "[tools][suggest]") {
  graph::GraphData data;
  data.entities = {Make("George W. Bush", EntityKind::kPerson, "USA", 200),
                   Make("George Bush", EntityKind::kPerson, "USA", 20),
                   Make("George H. W. Bush", EntityKind::kPerson, "USA", 10),
                   Make("Viktor Yanukovych", EntityKind::kPerson, "UKR", 30),
                   Make("Viktor Yanukovich", EntityKind::kPerson, "", 5),
                   Make("Ayad Allawi", EntityKind::kPerson, "IRQ", 40),
                   Make("Iyad Allawi", EntityKind::kPerson, "IRQ", 3),
                   Make("Ali Allawi", EntityKind::kPerson, "IRQ", 3),
                   Make("Richard Armitage", EntityKind::kPerson, "USA", 8),
                   Make("Richard Armitage Tuesday", EntityKind::kPerson, "", 1),
                   Make("Jack Straw Monday", EntityKind::kPerson, "GBR", 1),
                   Make("Iran", EntityKind::kCountry, "IRN", 50),
                   Make("Iraq", EntityKind::kCountry, "IRQ", 50),
                   Make("Bush", EntityKind::kOrganization, "", 2),
                   Make("Vladimir Putin", EntityKind::kPerson, "RUS", 60),
                   Make("Vladimir V. Putin", EntityKind::kPerson, "", 2),
                   Make("Western Europe", EntityKind::kLocation, "", 2),
                   Make("Eastern Europe", EntityKind::kLocation, "", 2),
                   Make("Ministry of Defence", EntityKind::kGovernmentBody, "GBR", 2),
                   Make("Ministry of Defense", EntityKind::kGovernmentBody, "", 1)};
  std::vector<std::string> pairs = Pairs(data);
  CAPTURE(pairs);
  CHECK(Contains(pairs, "George W. Bush <- George Bush"));
  CHECK(Contains(pairs, "Viktor Yanukovych <- Viktor Yanukovich"));
  CHECK(Contains(pairs, "Ayad Allawi <- Iyad Allawi"));
  CHECK(Contains(pairs, "Richard Armitage <- Richard Armitage Tuesday"));
  CHECK(Contains(pairs, "Jack Straw Monday -> Jack Straw"));
  // The lexicon's entity (it has a country) is kept, even with the shorter name.
  CHECK(Contains(pairs, "Vladimir Putin <- Vladimir V. Putin"));
  CHECK(Contains(pairs, "Ministry of Defence <- Ministry of Defense"));
  CHECK_FALSE(Contains(pairs, "George W. Bush <- George H. W. Bush"));
  CHECK_FALSE(Contains(pairs, "Western Europe <- Eastern Europe"));
  CHECK_FALSE(Contains(pairs, "Eastern Europe <- Western Europe"));
  CHECK_FALSE(Contains(pairs, "Ayad Allawi <- Ali Allawi"));
  CHECK_FALSE(Contains(pairs, "Iran <- Iraq"));
  CHECK_FALSE(Contains(pairs, "Iraq <- Iran"));
  for (const auto& p : pairs) CHECK(p.find("<- Bush") == std::string::npos);  // an organisation
  // Each pair once.
  std::vector<std::string> sorted = pairs;
  std::sort(sorted.begin(), sorted.end());
  CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
}

TEST_CASE("SuggestMerges respects countries and --kind", "[tools][suggest]") {
  graph::GraphData data;
  data.entities = {Make("Kim Jong Il", EntityKind::kPerson, "PRK", 10),
                   Make("Kim Jong-il", EntityKind::kPerson, "", 2),
                   Make("John Smith", EntityKind::kPerson, "USA", 10),
                   Make("J. Smith", EntityKind::kPerson, "GBR", 2),
                   Make("Hezbollah", EntityKind::kArmedGroup, "LBN", 10),
                   Make("Hizbollah", EntityKind::kOrganization, "", 1)};
  std::vector<std::string> all = Pairs(data);
  CAPTURE(all);
  CHECK(Contains(all, "Kim Jong Il <- Kim Jong-il"));
  CHECK(Contains(all, "Hezbollah <- Hizbollah"));
  CHECK_FALSE(Contains(all, "John Smith <- J. Smith"));  // two countries
  SuggestOptions people;
  people.kind = EntityKind::kPerson;
  std::vector<std::string> only = Pairs(data, people);
  CHECK(only == std::vector<std::string>{"Kim Jong Il <- Kim Jong-il"});
}

TEST_CASE("SuggestMerges ranks by mentions and shared neighbours", "[tools][suggest]") {
  graph::GraphData data;
  data.entities = {Make("Viktor Yanukovych", EntityKind::kPerson, "UKR", 5),
                   Make("Viktor Yanukovich", EntityKind::kPerson, "UKR", 5),
                   Make("Yulia Tymoshenko", EntityKind::kPerson, "UKR", 5),
                   Make("Yulia Timoshenko", EntityKind::kPerson, "UKR", 5),
                   Make("Ukraine", EntityKind::kCountry, "UKR", 9),
                   Make("Russia", EntityKind::kCountry, "RUS", 9)};
  auto rel = [&](size_t a, size_t b) {
    graph::RelationSummary r;
    r.key = {data.entities[a].id, graph::RelationType::kMetWith, data.entities[b].id};
    r.counts[0] = 1;
    data.relations.push_back(r);
  };
  rel(0, 4);
  rel(1, 4);
  rel(0, 5);
  rel(1, 5);
  std::vector<MergeCandidate> c = SuggestMerges(data, {});
  REQUIRE(c.size() == 2);
  CHECK(data.entities[c[0].drop].name.find("Yanukov") != std::string::npos);
  CHECK(c[0].shared_neighbours == 2);
  CHECK(c[1].shared_neighbours == 0);
  CHECK(c[0].score > c[1].score);
}

}  // namespace geokg::tools::entity
