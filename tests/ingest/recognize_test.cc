// Tests for ingest/recognize.h and resolve.h: lexicon mentions, modifiers,
// metonyms, acronyms, military units, people after titles, facilities,
// groups and compounds, and the reference article.
#include "ingest/recognize.h"

#include <catch2/catch.hpp>

#include <optional>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "graph/ids.h"
#include "tests/support/process.h"
#include "tests/support/fixtures.h"

namespace fs = std::filesystem;
using geokg::ingest::DocAnalysis;
using geokg::ingest::Lexicon;
using geokg::ingest::Mention;
using geokg::ingest::MentionForm;
namespace graph = geokg::graph;
namespace ingest = geokg::ingest;

namespace {

using geokg::testing::TempDir;

// A small lexicon written for these tests, so that they do not depend on
// the shipped data (the reference-article test uses the shipped data).
std::shared_ptr<const Lexicon> FixtureLexicon() {
  static std::shared_ptr<const Lexicon> lex = [] {
    TempDir d;
    d.Write("countries.actors.tsv",
            "United States\tcountry\tUSA\tUS|U.S.|America\n"
            "Iran\tcountry\tIRN\t\n"
            "Iraq\tcountry\tIRQ\t\n"
            "Israel\tcountry\tISR\t\n"
            "Japan\tcountry\tJPN\t\n"
            "Pakistan\tcountry\tPAK\t\n");
    d.Write("places.actors.tsv",
            "Baghdad\tlocation\tIRQ\t\tlocated-in>Iraq\n"
            "Washington\tlocation\tUSA\tWashington D.C.\tlocated-in>United States\n"
            "Tehran\tlocation\tIRN\t\tlocated-in>Iran\n");
    d.Write("bodies.actors.tsv",
            "United States Army\tmilitary-unit\tUSA\tUS Army|U.S. Army\tpart-of>United States\n"
            "United States Department of State\tgovernment-body\tUSA\tState Department\tpart-of>United States\n"
            "Popular Mobilisation Forces\tarmed-group\tIRQ\tPopular Mobilization Forces\tbacked-by>Iran\n"
            "Reuters\tmedia\tGBR\tReuters news agency\n"
            "Donald Trump\tperson\tUSA\tTrump\n"
            "Ronald Reagan\tperson\tUSA\t\n"
            "George Bush\tperson\tUSA\t\n"
            "Jeb Bush\tperson\tUSA\t\n"
            "Kim Bush\tperson\tJPN\t\n"
            "Pervez Musharraf\tperson\tPAK\t\n"
            "Tom Said\tperson\tIRQ\t\n");
    d.Write("demonyms.tsv",
            "Iranian\tIran\nIraqis\tIraq\nIraqi\tIraq\nAmericans\tUnited States\nAmerican\tUnited States\n"
            "Japanese\tJapan\n");
    d.Write("metonyms.tsv", "Washington\tUnited States\nTehran\tIran\nPentagon\tUnited States Army\n");
    d.Write("titles.tsv",
            "President\thead-of-state\tyes\nLeader\tofficial\tyes\nDefence Secretary\tminister\tyes\nForeign Minister\tminister\tyes\n"
            "Prime Minister\thead-of-government\tyes\nGen.\tmilitary\tno\nGeneral\tmilitary\tno\n"
            "Trade Minister\tminister\tyes\n");
    d.Write("common-words.txt", "the\nsaid\nmark\npopular\nadditional\nforces\nministry\nlater\ncelebrates\n");
    std::shared_ptr<const Lexicon> l;
    geokg::Status s = ingest::LoadLexiconDirs({d.path().string()}, &l);
    if (!s.ok()) FAIL(s.message());
    return l;
  }();
  return lex;
}

int Entity(const DocAnalysis& d, std::string_view name) {
  for (size_t i = 0; i < d.entities.size(); ++i)
    if (d.entities[i].name == name) return static_cast<int>(i);
  return -1;
}

bool HasAlias(const DocAnalysis& d, int e, std::string_view alias) {
  for (const std::string& a : d.entities[e].aliases)
    if (a == alias) return true;
  return false;
}

const DocAnalysis::Structural* Structural(const DocAnalysis& d, std::string_view source, graph::RelationType type,
                                          std::string_view target) {
  int s = Entity(d, source), t = Entity(d, target);
  if (s < 0 || t < 0) return nullptr;
  for (const DocAnalysis::Structural& r : d.structural)
    if (r.source == static_cast<uint32_t>(s) && r.target == static_cast<uint32_t>(t) && r.type == type) return &r;
  return nullptr;
}

// The mention whose text is `surface` (the n-th such), or nullptr.
const Mention* MentionOf(const DocAnalysis& d, std::string_view surface, int nth = 0) {
  for (const Mention& m : d.mentions) {
    std::string_view t = d.text.substr(d.tokens[m.first_token].begin,
                                       d.tokens[m.last_token - 1].end - d.tokens[m.first_token].begin);
    if (t == surface && nth-- == 0) return &m;
  }
  return nullptr;
}

std::string_view EntityName(const DocAnalysis& d, const Mention* m) { return d.entities[m->entity].name; }

}  // namespace

TEST_CASE("lexicon names, demonym modifiers, and ids from canonical names", "[ingest][recognize]") {
  DocAnalysis d;
  std::string t = "US troops and American personnel met Iraqi officials. Americans left. The U.S. agreed.";
  ingest::Recognize(*FixtureLexicon(), t, &d);
  int us = Entity(d, "United States");
  REQUIRE(us >= 0);
  CHECK(d.entities[us].id == graph::EntityIdFor("United States"));
  CHECK(d.entities[us].kind == graph::EntityKind::kCountry);
  CHECK(HasAlias(d, us, "US"));
  CHECK(HasAlias(d, us, "U.S."));
  REQUIRE(MentionOf(d, "US") != nullptr);
  CHECK(MentionOf(d, "US")->form == MentionForm::kModifier);
  REQUIRE(MentionOf(d, "American") != nullptr);
  CHECK(MentionOf(d, "American")->form == MentionForm::kModifier);
  CHECK(EntityName(d, MentionOf(d, "American")) == "United States");
  CHECK(MentionOf(d, "Iraqi")->form == MentionForm::kModifier);
  CHECK(MentionOf(d, "Americans")->form == MentionForm::kName);
  CHECK(MentionOf(d, "U.S.")->form == MentionForm::kName);
  // Mentions are in text order.
  for (size_t i = 1; i < d.mentions.size(); ++i) CHECK(d.mentions[i - 1].first_token <= d.mentions[i].first_token);
}

TEST_CASE("metonym when it acts, place otherwise", "[ingest][recognize]") {
  DocAnalysis d;
  ingest::Recognize(*FixtureLexicon(),
                    "Washington said it would respond. Iraq condemned Washington for the strikes. "
                    "He flew to Washington on Monday. Tehran denied it. Protests spread in Tehran.",
                    &d);
  const Mention* m0 = MentionOf(d, "Washington", 0);
  const Mention* m1 = MentionOf(d, "Washington", 1);
  const Mention* m2 = MentionOf(d, "Washington", 2);
  REQUIRE(m0 != nullptr);
  REQUIRE(m1 != nullptr);
  REQUIRE(m2 != nullptr);
  CHECK(m0->form == MentionForm::kMetonym);
  CHECK(EntityName(d, m0) == "United States");
  CHECK(m1->form == MentionForm::kMetonym);
  CHECK(EntityName(d, m1) == "United States");
  CHECK(m2->form == MentionForm::kName);
  CHECK(EntityName(d, m2) == "Washington");
  CHECK(MentionOf(d, "Tehran", 0)->form == MentionForm::kMetonym);
  CHECK(EntityName(d, MentionOf(d, "Tehran", 1)) == "Tehran");
}

TEST_CASE("acronyms defined in the text", "[ingest][recognize]") {
  DocAnalysis d;
  ingest::Recognize(*FixtureLexicon(),
                    "A message came from the Popular Mobilisation Forces (PMF) on Monday. Later the PMF withdrew. "
                    "The Kurdistan Democratic Party (KDP) and the Iraqi Counter Terrorism Service (CTS) spoke. "
                    "KDP officials agreed. The Ministry of Electricity said power failed.",
                    &d);
  int pmf = Entity(d, "Popular Mobilisation Forces");
  REQUIRE(pmf >= 0);
  CHECK(HasAlias(d, pmf, "PMF"));
  REQUIRE(MentionOf(d, "PMF", 1) != nullptr);
  CHECK(MentionOf(d, "PMF", 1)->entity == static_cast<uint32_t>(pmf));
  int kdp = Entity(d, "Kurdistan Democratic Party");
  REQUIRE(kdp >= 0);
  CHECK(d.entities[kdp].kind == graph::EntityKind::kOrganization);
  CHECK(HasAlias(d, kdp, "KDP"));
  REQUIRE(MentionOf(d, "KDP", 1) != nullptr);
  CHECK(MentionOf(d, "KDP", 1)->entity == static_cast<uint32_t>(kdp));
  CHECK(Entity(d, "Iraqi Counter Terrorism Service") >= 0);
  int ministry = Entity(d, "Ministry of Electricity");
  REQUIRE(ministry >= 0);
  CHECK(d.entities[ministry].kind == graph::EntityKind::kGovernmentBody);
}

TEST_CASE("named forces take their kind from the head word and state modifier", "[ingest][recognize]") {
  DocAnalysis d;
  ingest::Recognize(*FixtureLexicon(), "Clashes involved the Iraqi Security Forces and the Peshmerga Forces.", &d);
  int isf = Entity(d, "Iraqi Security Forces");
  REQUIRE(isf >= 0);
  CHECK(d.entities[isf].kind == graph::EntityKind::kMilitaryUnit);
  CHECK(Structural(d, "Iraqi Security Forces", graph::RelationType::kPartOf, "Iraq") != nullptr);
  int pf = Entity(d, "Peshmerga Forces");
  REQUIRE(pf >= 0);
  CHECK(d.entities[pf].kind == graph::EntityKind::kArmedGroup);
  // Title-case headlines do not invent bodies.
  DocAnalysis h;
  ingest::Recognize(*FixtureLexicon(), "Protesters Block Roads As Security Forces Watch\nThe crowd left.\n", &h);
  CHECK(Entity(h, "Security Forces") < 0);
  CHECK(Entity(h, "Protesters Block Roads") < 0);
}

TEST_CASE("military units and their owner", "[ingest][recognize]") {
  DocAnalysis d;
  ingest::Recognize(*FixtureLexicon(),
                    "Additional forces from the US Army's 82nd Airborne Division are prepared to deploy. "
                    "The US 5th Fleet sailed, and the 1st Armored Division waited.",
                    &d);
  int div = Entity(d, "82nd Airborne Division");
  REQUIRE(div >= 0);
  CHECK(d.entities[div].kind == graph::EntityKind::kMilitaryUnit);
  const auto* part = Structural(d, "82nd Airborne Division", graph::RelationType::kPartOf, "United States Army");
  REQUIRE(part != nullptr);
  CHECK(part->sentence == 0);
  CHECK(Structural(d, "United States Army", graph::RelationType::kPartOf, "United States") != nullptr);
  CHECK(Entity(d, "5th Fleet") >= 0);
  CHECK(Structural(d, "5th Fleet", graph::RelationType::kPartOf, "United States") != nullptr);
  CHECK(Entity(d, "1st Armored Division") >= 0);
  // "US" in "US Army" is part of the lexicon name, not a separate mention.
  REQUIRE(MentionOf(d, "US Army") != nullptr);
  CHECK(EntityName(d, MentionOf(d, "US Army")) == "United States Army");
  // Spelled ordinals name units too, but not firms ("First Group").
  DocAnalysis spelled;
  ingest::Recognize(*FixtureLexicon(),
                    "The US Army's Third Army moved. The US Seventh Fleet sailed. First Group shares rose.", &spelled);
  CHECK(Structural(spelled, "Third Army", graph::RelationType::kPartOf, "United States Army") != nullptr);
  CHECK(Structural(spelled, "Seventh Fleet", graph::RelationType::kPartOf, "United States") != nullptr);
  const int firm = Entity(spelled, "First Group");
  CHECK((firm < 0 || spelled.entities[firm].kind != graph::EntityKind::kMilitaryUnit));
}

TEST_CASE("appositive titles after a possessive, and a country's leader", "[ingest][recognize]") {
  DocAnalysis d;
  ingest::Recognize(*FixtureLexicon(),
                    "Iran's new president, Hassan Karimi, said the talks would go on. "
                    "Iraq's leader, Ali Rostami, met him. "
                    "Syria's foreign minister, Omar Haddad met them.",
                    &d);
  // "X's [new] president, NAME," is the title of NAME.
  REQUIRE(Entity(d, "Hassan Karimi") >= 0);
  CHECK(Structural(d, "Hassan Karimi", graph::RelationType::kMemberOf, "Iran") != nullptr);
  CHECK(Structural(d, "Hassan Karimi", graph::RelationType::kLeaderOf, "Iran") != nullptr);
  // A plain "leader" written against a country leads it.
  CHECK(Structural(d, "Ali Rostami", graph::RelationType::kLeaderOf, "Iraq") != nullptr);
  // No closing comma: not an apposition.
  CHECK(Structural(d, "Omar Haddad", graph::RelationType::kMemberOf, "Syria") == nullptr);
}

TEST_CASE("a person after ', led by' leads the body before the comma", "[ingest][recognize]") {
  DocAnalysis d;
  ingest::Recognize(*FixtureLexicon(),
                    "The Popular Mobilisation Forces, led by General Hadi Karimi, said the talks failed. "
                    "Iran, led by President Ali Rostami, said nothing. "
                    "The Popular Mobilisation Forces said the march was led by Omar Haddad.",
                    &d);
  CHECK(Structural(d, "Hadi Karimi", graph::RelationType::kLeaderOf, "Popular Mobilisation Forces") != nullptr);
  // A country is led through its titles, not through "led by".
  const auto* led = Structural(d, "Ali Rostami", graph::RelationType::kLeaderOf, "Iran");
  CHECK((led == nullptr || led->trigger != "led by"));
  // Without the comma the participle phrase is not an apposition.
  CHECK(Structural(d, "Omar Haddad", graph::RelationType::kLeaderOf, "Popular Mobilisation Forces") == nullptr);
}

TEST_CASE("people after titles, member-of, and later surnames", "[ingest][recognize]") {
  DocAnalysis d;
  ingest::Recognize(*FixtureLexicon(),
                    "US officials agreed. US troops fired tear gas. Defence Secretary Mark Esper said 750 troops would deploy. "
                    "Mr Esper said: “This is precautionary.” Esper added more. "
                    "Iraq's Foreign Minister Mohammed Ali al-Hakim met US President Donald Trump. "
                    "President Trump left.",
                    &d);
  int esper = Entity(d, "Mark Esper");
  REQUIRE(esper >= 0);
  CHECK(d.entities[esper].kind == graph::EntityKind::kPerson);
  const Mention* m = MentionOf(d, "Mark Esper");
  REQUIRE(m != nullptr);
  CHECK(m->role == "Defence Secretary");
  const auto* member = Structural(d, "Mark Esper", graph::RelationType::kMemberOf, "United States");
  REQUIRE(member != nullptr);
  CHECK(member->role == "Defence Secretary");
  CHECK(member->confidence < 0.7f);  // from the document's dominant country, not stated
  // A minister leads a ministry, not the country.
  CHECK(Structural(d, "Mark Esper", graph::RelationType::kLeaderOf, "United States") == nullptr);
  REQUIRE(MentionOf(d, "Esper", 0) != nullptr);
  CHECK(MentionOf(d, "Esper", 0)->entity == static_cast<uint32_t>(esper));  // "Mr Esper"
  REQUIRE(MentionOf(d, "Esper", 1) != nullptr);
  CHECK(MentionOf(d, "Esper", 1)->entity == static_cast<uint32_t>(esper));  // "Esper added"

  int hakim = Entity(d, "Mohammed Ali al-Hakim");
  REQUIRE(hakim >= 0);
  const auto* fm = Structural(d, "Mohammed Ali al-Hakim", graph::RelationType::kMemberOf, "Iraq");
  REQUIRE(fm != nullptr);
  CHECK(fm->role == "Foreign Minister");
  CHECK(fm->confidence >= 0.85f);

  int trump = Entity(d, "Donald Trump");
  REQUIRE(trump >= 0);
  CHECK(Structural(d, "Donald Trump", graph::RelationType::kMemberOf, "United States") != nullptr);
  CHECK(Structural(d, "Donald Trump", graph::RelationType::kLeaderOf, "United States") != nullptr);
  const Mention* us = MentionOf(d, "US", 2);
  REQUIRE(us != nullptr);
  CHECK(us->form == MentionForm::kModifier);
  REQUIRE(us->head >= 0);
  CHECK(d.mentions[us->head].entity == static_cast<uint32_t>(trump));
  CHECK(MentionOf(d, "Trump", 0)->entity == static_cast<uint32_t>(trump));
}

TEST_CASE("a person named by surname first then in full is one entity", "[ingest][recognize]") {
  DocAnalysis d;
  ingest::Recognize(*FixtureLexicon(), "Mr Zarif spoke. Foreign Minister Javad Zarif of Iran met Zarif aides.", &d);
  CHECK(Entity(d, "Zarif") < 0);
  int z = Entity(d, "Javad Zarif");
  REQUIRE(z >= 0);
  CHECK(d.entities[z].id == graph::EntityIdFor("Javad Zarif"));
  CHECK(MentionOf(d, "Zarif", 0)->entity == static_cast<uint32_t>(z));
}

TEST_CASE("facilities: embassies named by owner and host country", "[ingest][recognize]") {
  DocAnalysis d;
  ingest::Recognize(*FixtureLexicon(),
                    "US deploys 750 troops after attack on its embassy in Iraq\n"
                    "Protesters stormed the US embassy in Baghdad.\n"
                    "They set fire to the building and marched outside the embassy compound.\n"
                    "Iran is orchestrating an attack on the US Embassy in Iraq.\n"
                    "Rockets hit a military base in the northern Iraqi city of Kirkuk.\n"
                    "The base was damaged.\n",
                    &d);
  int emb = Entity(d, "United States Embassy in Iraq");
  REQUIRE(emb >= 0);
  CHECK(d.entities[emb].kind == graph::EntityKind::kFacility);
  CHECK(d.entities[emb].id == graph::EntityIdFor("United States Embassy in Iraq"));
  REQUIRE(MentionOf(d, "embassy", 0) != nullptr);
  CHECK(MentionOf(d, "embassy", 0)->entity == static_cast<uint32_t>(emb));  // "its embassy in Iraq"
  CHECK(MentionOf(d, "embassy", 1)->entity == static_cast<uint32_t>(emb));  // "US embassy in Baghdad"
  CHECK(Structural(d, "United States Embassy in Iraq", graph::RelationType::kLocatedIn, "Baghdad") != nullptr);
  const Mention* building = MentionOf(d, "building");
  REQUIRE(building != nullptr);
  CHECK(building->form == MentionForm::kPronoun);
  CHECK(building->entity == static_cast<uint32_t>(emb));
  REQUIRE(MentionOf(d, "embassy compound") != nullptr);
  CHECK(MentionOf(d, "embassy compound")->entity == static_cast<uint32_t>(emb));
  CHECK(MentionOf(d, "Embassy")->entity == static_cast<uint32_t>(emb));
  // The modifier "US" has the facility as its head.
  const Mention* us = MentionOf(d, "US", 1);
  REQUIRE(us != nullptr);
  CHECK(us->form == MentionForm::kModifier);
  REQUIRE(us->head >= 0);
  CHECK(d.mentions[us->head].entity == static_cast<uint32_t>(emb));

  int base = Entity(d, "Military base in Kirkuk");
  REQUIRE(base >= 0);
  CHECK(d.entities[base].kind == graph::EntityKind::kFacility);
  int kirkuk = Entity(d, "Kirkuk");
  REQUIRE(kirkuk >= 0);
  CHECK(d.entities[kirkuk].kind == graph::EntityKind::kLocation);
  CHECK(Structural(d, "Military base in Kirkuk", graph::RelationType::kLocatedIn, "Kirkuk") != nullptr);
  CHECK(Structural(d, "Kirkuk", graph::RelationType::kLocatedIn, "Iraq") != nullptr);
  const Mention* iraqi = MentionOf(d, "Iraqi");
  REQUIRE(iraqi != nullptr);
  CHECK(iraqi->form == MentionForm::kModifier);
  CHECK(d.mentions[iraqi->head].entity == static_cast<uint32_t>(kirkuk));
  REQUIRE(MentionOf(d, "base", 1) != nullptr);
  CHECK(MentionOf(d, "base", 1)->entity == static_cast<uint32_t>(base));  // "The base"
  CHECK(MentionOf(d, "base", 1)->form == MentionForm::kPronoun);
}

TEST_CASE("the country's embassy and the country", "[ingest][recognize]") {
  DocAnalysis d;
  ingest::Recognize(*FixtureLexicon(), "US troops fired tear gas at the country's embassy in Iraq.", &d);
  REQUIRE(MentionOf(d, "country") != nullptr);
  CHECK(MentionOf(d, "country")->form == MentionForm::kPronoun);
  CHECK(EntityName(d, MentionOf(d, "country")) == "United States");
  CHECK(Entity(d, "United States Embassy in Iraq") >= 0);
}

TEST_CASE("groups described by type and compound adjectives", "[ingest][recognize]") {
  DocAnalysis d;
  ingest::Recognize(*FixtureLexicon(),
                    "Militiamen set fire to the gate. Iran-allied militiamen and supporters camped out. "
                    "Protesters, many of them in militia uniforms, marched. Iraqi protesters joined. "
                    "Strikes killed fighters from an Iran-backed militia. The US-led coalition struck. "
                    "Pro-Iranian gunmen fled.",
                    &d);
  int allied = Entity(d, "Iran-allied militiamen");
  REQUIRE(allied >= 0);
  CHECK(d.entities[allied].kind == graph::EntityKind::kArmedGroup);
  CHECK(Structural(d, "Iran-allied militiamen", graph::RelationType::kAlliedWith, "Iran") != nullptr);
  // The bare "Militiamen" resolves to the one described group of that head.
  CHECK(MentionOf(d, "Militiamen")->entity == static_cast<uint32_t>(allied));
  const Mention* compound = MentionOf(d, "Iran-allied");
  REQUIRE(compound != nullptr);
  CHECK(compound->form == MentionForm::kCompoundAdj);
  CHECK(compound->compound_type == graph::RelationType::kAlliedWith);
  CHECK(EntityName(d, compound) == "Iran");
  REQUIRE(compound->head >= 0);
  CHECK(d.mentions[compound->head].entity == static_cast<uint32_t>(allied));

  int backed = Entity(d, "Iran-backed militia");
  REQUIRE(backed >= 0);
  CHECK(Structural(d, "Iran-backed militia", graph::RelationType::kBackedBy, "Iran") != nullptr);
  const Mention* militia = MentionOf(d, "militia");
  CHECK((militia == nullptr || militia->entity == static_cast<uint32_t>(backed)));
  CHECK(MentionOf(d, "militia uniforms") == nullptr);

  // Bare group nouns with no country of their own in a document no country
  // dominates make no entity (no corpus-wide "protesters" hub).
  CHECK(Entity(d, "protesters") < 0);
  CHECK(Entity(d, "supporters") < 0);
  CHECK(MentionOf(d, "supporters") == nullptr);
  int iraqi = Entity(d, "Iraqi protesters");
  REQUIRE(iraqi >= 0);
  CHECK(d.entities[iraqi].kind == graph::EntityKind::kGroup);
  // The bare "Protesters" is the one protesters group the document
  // qualifies.
  REQUIRE(MentionOf(d, "Protesters") != nullptr);
  CHECK(MentionOf(d, "Protesters")->entity == static_cast<uint32_t>(iraqi));

  int coalition = Entity(d, "United States-led coalition");
  REQUIRE(coalition >= 0);
  CHECK(Structural(d, "United States", graph::RelationType::kLeaderOf, "United States-led coalition") != nullptr);
  CHECK(Entity(d, "pro-Iran gunmen") >= 0);
  CHECK(Structural(d, "pro-Iran gunmen", graph::RelationType::kAlliedWith, "Iran") != nullptr);
}

TEST_CASE("the same text gives the same entities and ids", "[ingest][recognize]") {
  std::string a = "Defence Secretary Mark Esper said the US embassy in Baghdad was safe.";
  std::string b = "Iran-backed militia attacked. " + a;
  DocAnalysis da, db;
  ingest::Recognize(*FixtureLexicon(), a, &da);
  ingest::Recognize(*FixtureLexicon(), b, &db);
  for (const graph::Entity& e : da.entities) {
    int j = Entity(db, e.name);
    INFO(e.name);
    REQUIRE(j >= 0);
    CHECK(db.entities[j].id == e.id);
    CHECK(e.id == graph::EntityIdFor(e.name));
  }
}

TEST_CASE("reference article with the built-in lexicon", "[ingest][recognize]") {
  const std::optional<std::string> article = geokg::testing::ReadReferenceArticle();
  if (!article) {
    WARN("SKIPPED: " << geokg::testing::ReferenceArticlePath() << " is absent (no ../shared); this check did not run");
    return;
  }
  const std::string& text = *article;
  REQUIRE(!text.empty());
  std::shared_ptr<const Lexicon> lex;
  geokg::Status s = ingest::LoadLexiconDirs({std::string(GEOKG_SOURCE_DIR) + "/ingest/data"}, &lex);
  INFO(s.message());
  REQUIRE(s.ok());
  DocAnalysis d;
  ingest::Recognize(*lex, text, &d);

  for (std::string_view name : {"United States", "Iran", "Iraq", "Israel", "Popular Mobilisation Forces",
                                "82nd Airborne Division", "United States Army", "Mark Esper", "Donald Trump",
                                "Baghdad", "Kirkuk", "Reuters", "United States Embassy in Iraq",
                                "Iran-backed militia", "Iran-allied militiamen", "Iraqi protesters"}) {
    INFO(name);
    CHECK(Entity(d, name) >= 0);
  }
  int pmf = Entity(d, "Popular Mobilisation Forces");
  REQUIRE(pmf >= 0);
  CHECK(HasAlias(d, pmf, "PMF"));
  // The State Department under the lexicon's canonical name.
  const Lexicon::Entry* state = lex->FindAlias("State Department");
  REQUIRE(state != nullptr);
  int st = Entity(d, state->name);
  REQUIRE(st >= 0);
  CHECK(d.entities[st].kind == graph::EntityKind::kGovernmentBody);

  const auto* esper = Structural(d, "Mark Esper", graph::RelationType::kMemberOf, "United States");
  REQUIRE(esper != nullptr);
  CHECK(esper->role == "Defence Secretary");
  CHECK(Structural(d, "82nd Airborne Division", graph::RelationType::kPartOf, "United States Army") != nullptr);
  CHECK(Structural(d, "United States Army", graph::RelationType::kPartOf, "United States") != nullptr);
  CHECK(Structural(d, "Iran-allied militiamen", graph::RelationType::kAlliedWith, "Iran") != nullptr);
  CHECK(Structural(d, "Iran-backed militia", graph::RelationType::kBackedBy, "Iran") != nullptr);
  CHECK(Structural(d, "Kirkuk", graph::RelationType::kLocatedIn, "Iraq") != nullptr);
  CHECK(Structural(d, "United States Embassy in Iraq", graph::RelationType::kLocatedIn, "Baghdad") != nullptr);
  CHECK(Structural(d, "Donald Trump", graph::RelationType::kLeaderOf, "United States") != nullptr);
  // No US attack on Iran or similar from recognition: structural edges only.
  for (const DocAnalysis::Structural& r : d.structural)
    CHECK(static_cast<int>(r.type) <= static_cast<int>(graph::RelationType::kLocatedIn));
  // "Washington" in "Iraq condemned Washington" stands for the United States.
  const Mention* wash = MentionOf(d, "Washington");
  REQUIRE(wash != nullptr);
  CHECK(wash->form == MentionForm::kMetonym);
  CHECK(EntityName(d, wash) == "United States");
  // "Mr Esper" is the Defence Secretary.
  CHECK(MentionOf(d, "Esper")->entity == static_cast<uint32_t>(Entity(d, "Mark Esper")));
  // "protesters in Baghdad": the article's protesters are Iraqi; no bare hub.
  CHECK(Entity(d, "protesters") < 0);
}

TEST_CASE("bare groups take the country their sentence places them in, or the dominant one", "[ingest][recognize]") {
  DocAnalysis d;
  ingest::Recognize(*FixtureLexicon(),
                    "Crowds gathered in Tehran. Iran said Iran and Iranian forces would respond. Gunmen fled. "
                    "Americans watched protesters in Baghdad.",
                    &d);
  // "in Tehran" places the crowds in Iran, named by the adjective demonym.
  int crowds = Entity(d, "Iranian crowds");
  REQUIRE(crowds >= 0);
  CHECK(MentionOf(d, "Crowds")->entity == static_cast<uint32_t>(crowds));
  CHECK(d.entities[crowds].country == "IRN");
  // "protesters in Baghdad": Iraqi, via the lexicon's located-in.
  CHECK(Entity(d, "Iraqi protesters") >= 0);
  // Iran has 3 of 4 country mentions (>= 60%): the unplaced gunmen are Iranian.
  CHECK(Entity(d, "Iranian gunmen") >= 0);
  CHECK(Entity(d, "gunmen") < 0);
  CHECK(Entity(d, "crowds") < 0);
  CHECK(Entity(d, "protesters") < 0);
}

TEST_CASE("the nearby-country fallback needs a dominant country and a national title", "[ingest][recognize]") {
  // Two countries share the story: whose minister is unknown, no edge.
  DocAnalysis mixed;
  ingest::Recognize(*FixtureLexicon(),
                    "Japan and Pakistan talked. Japanese exports to Pakistan rose. Trade Minister Taro Yamada "
                    "said Pakistan and Japan agreed.",
                    &mixed);
  REQUIRE(Entity(mixed, "Taro Yamada") >= 0);
  for (const DocAnalysis::Structural& r : mixed.structural)
    CHECK(r.source != static_cast<uint32_t>(Entity(mixed, "Taro Yamada")));
  // One country dominates: the minister is its member, at low confidence.
  DocAnalysis japan;
  ingest::Recognize(*FixtureLexicon(),
                    "Japan said Japanese exports rose. Japan and the US talked. Trade Minister Taro Yamada said "
                    "Japan would act. Gen. Ken Sato agreed.",
                    &japan);
  const auto* m = Structural(japan, "Taro Yamada", graph::RelationType::kMemberOf, "Japan");
  REQUIRE(m != nullptr);
  CHECK(m->confidence < 0.7f);
  CHECK(Structural(japan, "Taro Yamada", graph::RelationType::kLeaderOf, "Japan") == nullptr);
  // A general is not a national-government title: no fallback.
  REQUIRE(Entity(japan, "Ken Sato") >= 0);
  CHECK(Structural(japan, "Ken Sato", graph::RelationType::kMemberOf, "Japan") == nullptr);
  // A person the lexicon knows keeps the lexicon's country even in a
  // story about another country.
  DocAnalysis reagan;
  ingest::Recognize(*FixtureLexicon(),
                    "Japan said Japanese exports rose. Japan and Japan's partners talked. President Reagan said "
                    "the US would act.",
                    &reagan);
  CHECK(Structural(reagan, "Ronald Reagan", graph::RelationType::kMemberOf, "United States") != nullptr);
  CHECK(Structural(reagan, "Ronald Reagan", graph::RelationType::kMemberOf, "Japan") == nullptr);
  // After a title, a surname only one lexicon person bears is that person
  // even when the story never names the person's country.
  DocAnalysis away;
  ingest::Recognize(*FixtureLexicon(), "Japan said Japan and Japan's partners agreed. President Reagan left.", &away);
  CHECK(Entity(away, "Reagan") < 0);
  CHECK(Structural(away, "Ronald Reagan", graph::RelationType::kMemberOf, "United States") != nullptr);
  CHECK(Structural(away, "Ronald Reagan", graph::RelationType::kMemberOf, "Japan") == nullptr);
}

TEST_CASE("person names never start with a title or honorific", "[ingest][recognize]") {
  DocAnalysis d;
  ingest::Recognize(*FixtureLexicon(),
                    "Pakistan's President General Pervez Musharraf said talks would go on. "
                    "President Gen. Ali Khan agreed.",
                    &d);
  CHECK(Entity(d, "General Pervez Musharraf") < 0);
  REQUIRE(Entity(d, "Pervez Musharraf") >= 0);
  CHECK(Structural(d, "Pervez Musharraf", graph::RelationType::kMemberOf, "Pakistan") != nullptr);
  CHECK(Entity(d, "Gen. Ali Khan") < 0);
  CHECK(Entity(d, "Ali Khan") >= 0);
}

TEST_CASE("surnames resolve to the one lexicon person of a plausible country", "[ingest][recognize]") {
  DocAnalysis d;
  ingest::Recognize(*FixtureLexicon(),
                    "President Reagan met Japanese leaders in the US. Later Reagan said trade must be fair. "
                    "Mr Reagan left.",
                    &d);
  CHECK(Entity(d, "Reagan") < 0);
  int reagan = Entity(d, "Ronald Reagan");
  REQUIRE(reagan >= 0);
  CHECK(d.entities[reagan].id == graph::EntityIdFor("Ronald Reagan"));
  for (int k = 0; k < 3; ++k) {
    INFO(k);
    REQUIRE(MentionOf(d, "Reagan", k) != nullptr);
    CHECK(MentionOf(d, "Reagan", k)->entity == static_cast<uint32_t>(reagan));
  }
  // The full name later in the document is the same entity.
  DocAnalysis full;
  ingest::Recognize(*FixtureLexicon(), "President Reagan spoke in the US. Ronald Reagan left.", &full);
  CHECK(MentionOf(full, "Reagan")->entity == static_cast<uint32_t>(Entity(full, "Ronald Reagan")));
  // Two US people named Bush: ambiguous; a bare "Bush" makes no person. The
  // Japanese Bush is not plausible in a story without Japan.
  DocAnalysis bush;
  ingest::Recognize(*FixtureLexicon(), "President Bush met US officials. Bush said no. Later Bush left.", &bush);
  CHECK(Entity(bush, "George Bush") < 0);
  CHECK(Entity(bush, "Kim Bush") < 0);
  REQUIRE(Entity(bush, "Bush") >= 0);
  // A surname that is a common word ("said") is never a person.
  DocAnalysis common;
  ingest::Recognize(*FixtureLexicon(), "Iraq said Said was in Iraq and Iraq agreed.", &common);
  CHECK(Entity(common, "Tom Said") < 0);
}

TEST_CASE("a coordination never becomes one name", "[ingest][recognize]") {
  DocAnalysis d;
  ingest::Recognize(*FixtureLexicon(),
                    "Reagan met with Baldrige and State Department officials. The Ministry of Trade and Industry "
                    "and the Ministry of the Interior spoke.",
                    &d);
  for (const graph::Entity& e : d.entities) {
    INFO(e.name);
    CHECK(e.name.find("Baldrige and") == std::string::npos);
  }
  CHECK(Entity(d, "United States Department of State") >= 0);
  CHECK(Entity(d, "Ministry of Trade and Industry") >= 0);
  CHECK(Entity(d, "Ministry of the Interior") >= 0);
}

TEST_CASE("historical states and their demonyms in the built-in lexicon", "[ingest][recognize]") {
  std::shared_ptr<const Lexicon> lex;
  REQUIRE(ingest::LoadLexiconDirs({std::string(GEOKG_SOURCE_DIR) + "/ingest/data"}, &lex).ok());
  DocAnalysis d;
  ingest::Recognize(*lex,
                    "Soviet officials met West German bankers and the U.S. Agriculture Department. "
                    "Yugoslavia and Czechoslovakia objected. The USSR agreed.",
                    &d);
  for (std::string_view name : {"Soviet Union", "West Germany", "Yugoslavia", "Czechoslovakia",
                                "United States Department of Agriculture"}) {
    INFO(name);
    int e = Entity(d, name);
    REQUIRE(e >= 0);
  }
  CHECK(d.entities[Entity(d, "Soviet Union")].kind == graph::EntityKind::kCountry);
  CHECK(MentionOf(d, "USSR")->entity == static_cast<uint32_t>(Entity(d, "Soviet Union")));
  CHECK(lex->AdjectiveDemonym(*lex->FindCanonical("Soviet Union")) == "Soviet");
  CHECK(lex->AdjectiveDemonym(*lex->FindCanonical("Iraq")) == "Iraqi");
}

TEST_CASE("degenerate texts do not break recognition", "[ingest][recognize]") {
  DocAnalysis d;
  for (std::string_view t : {"", "   \n\n  ", "’s", "'s", "(PMF)", "The (", "( X )", "82nd", "Mr", "Mr.", "embassy in",
                             "the embassy", "the city of", "Iraqi city of", "Iran-", "-backed", "pro-", "US-led",
                             "“", "”", "President", "Defence Secretary Mark", "\xE2\x80", "a\xC2", "U.S.-", "...",
                             "Popular Mobilisation Forces (", "Forces (PMF)", "The US Army's", "its embassy"}) {
    INFO(t);
    ingest::Recognize(*FixtureLexicon(), t, &d);
    for (const Mention& m : d.mentions) {
      CHECK(m.first_token < m.last_token);
      CHECK(m.last_token <= d.tokens.size());
      CHECK(m.entity < d.entities.size());
      CHECK(m.head < static_cast<int32_t>(d.mentions.size()));
    }
    for (const DocAnalysis::Structural& s : d.structural) {
      CHECK(s.source < d.entities.size());
      CHECK(s.target < d.entities.size());
    }
  }
}

TEST_CASE("a compound adjective whose own head is an unknown noun links to nothing", "[ingest][recognize]") {
  DocAnalysis d;
  ingest::Recognize(*FixtureLexicon(),
                    "Officials described the project as a Japanese-led program with US cooperation.", &d);
  for (const DocAnalysis::Structural& r : d.structural) {
    INFO(d.entities[r.source].name << " -> " << d.entities[r.target].name);
    CHECK(r.type != graph::RelationType::kLeaderOf);
  }
}

namespace {

// A lexicon for the body/title/person boundary tests.
std::shared_ptr<const Lexicon> BoundaryLexicon() {
  static std::shared_ptr<const Lexicon> lex = [] {
    TempDir d;
    d.Write("countries.actors.tsv",
            "United States\tcountry\tUSA\tUS|U.S.\nAustralia\tcountry\tAUS\t\nSaint Lucia\tcountry\tLCA\t\n"
            "United Kingdom\tcountry\tGBR\tBritain\n");
    d.Write("bodies.actors.tsv",
            "United States Department of Energy\tgovernment-body\tUSA\tDepartment of Energy|Energy Department\t"
            "part-of>United States\n"
            "Stephenson King\tperson\tLCA\t\n");
    d.Write("demonyms.tsv", "American\tUnited States\nAustralian\tAustralia\nBritish\tUnited Kingdom\n");
    d.Write("titles.tsv",
            "Secretary\tminister\tno\nEnergy Secretary\tminister\tyes\nChairman\tofficial\tyes\n"
            "Minister\tminister\tno\nKing\troyal\tyes\nLord\tlegislator\tno\n");
    d.Write("common-words.txt", "the\nsaid\ntrade\nnegotiations\nchairman\nfirst\nquarter\n");
    std::shared_ptr<const Lexicon> l;
    geokg::Status s = ingest::LoadLexiconDirs({d.path().string()}, &l);
    if (!s.ok()) FAIL(s.message());
    return l;
  }();
  return lex;
}

}  // namespace

TEST_CASE("a title and a name after a body name are not part of it", "[ingest][recognize]") {
  DocAnalysis d;
  ingest::Recognize(*BoundaryLexicon(),
                    "U.S. Department of Energy Secretary John Herrington said oil prices would rise. "
                    "Council of Economic Advisers Chairman Beryl Sprinkel agreed. "
                    "Australian Minister for Trade Negotiations Michael Duffy said so.",
                    &d);
  for (const graph::Entity& e : d.entities) {
    INFO(e.name);
    CHECK(e.name.find("Secretary") == std::string::npos);
    CHECK(e.name.find("Chairman") == std::string::npos);
    CHECK(e.name.find("Negotiations") == std::string::npos);
  }
  REQUIRE(Entity(d, "United States Department of Energy") >= 0);
  REQUIRE(Entity(d, "John Herrington") >= 0);
  const DocAnalysis::Structural* r =
      Structural(d, "John Herrington", graph::RelationType::kMemberOf, "United States Department of Energy");
  REQUIRE(r != nullptr);
  CHECK(r->role == "Secretary");
  REQUIRE(Entity(d, "Council of Economic Advisers") >= 0);
  REQUIRE(Entity(d, "Beryl Sprinkel") >= 0);
  CHECK(Structural(d, "Beryl Sprinkel", graph::RelationType::kMemberOf, "Council of Economic Advisers") != nullptr);
  REQUIRE(Entity(d, "Michael Duffy") >= 0);
  CHECK(Structural(d, "Michael Duffy", graph::RelationType::kMemberOf, "Australia") != nullptr);
}

TEST_CASE("a state word makes part-of only for the state's bodies and forces", "[ingest][recognize]") {
  DocAnalysis d;
  ingest::Recognize(*BoundaryLexicon(),
                    "An American Farm Bureau Federation (AFBF) official said. The American Widget Association "
                    "(AWA) and the U.S. Bureau of Mines (BOM) met.",
                    &d);
  REQUIRE(Entity(d, "American Farm Bureau Federation") >= 0);
  CHECK(Structural(d, "American Farm Bureau Federation", graph::RelationType::kPartOf, "United States") == nullptr);
  REQUIRE(Entity(d, "American Widget Association") >= 0);
  CHECK(Structural(d, "American Widget Association", graph::RelationType::kPartOf, "United States") == nullptr);
  for (const DocAnalysis::Structural& s : d.structural) {
    INFO(d.entities[s.source].name);
    if (s.type == graph::RelationType::kPartOf)
      CHECK(d.entities[s.source].kind == graph::EntityKind::kGovernmentBody);
  }
}

TEST_CASE("a title word alone is never a lexicon person's surname", "[ingest][recognize]") {
  DocAnalysis d;
  ingest::Recognize(*BoundaryLexicon(),
                    "British Airways traffic figures showed recovery and this trend will be reflected in first "
                    "quarter results due in August, chairman Lord King told the annual meeting. However, King "
                    "said this result was satisfactory. King said so in Saint Lucia.",
                    &d);
  CHECK(Entity(d, "Stephenson King") < 0);
  for (const DocAnalysis::Structural& s : d.structural) {
    INFO(d.entities[s.source].name);
    CHECK(d.entities[s.target].name != "Saint Lucia");
  }
}

TEST_CASE("a lexicon 'Minister for X' title keeps the rest of its complement", "[ingest][recognize]") {
  std::shared_ptr<const Lexicon> lex;
  REQUIRE(ingest::LoadLexiconDirs({std::string(GEOKG_SOURCE_DIR) + "/ingest/data"}, &lex).ok());
  DocAnalysis d;
  ingest::Recognize(*lex,
                    "Australian Minister for Trade\nNegotiations Michael Duffy said his country and Third World\n"
                    "commodity producers agreed.",
                    &d);
  CHECK(Entity(d, "Negotiations Michael Duffy") < 0);
  CHECK(Structural(d, "Michael Duffy", graph::RelationType::kMemberOf, "Australia") != nullptr);
  DocAnalysis d2;
  ingest::Recognize(*lex, "Talks ended. Minister for Foreign Affairs Bill Hayden said so.", &d2);
  CHECK(Entity(d2, "Bill Hayden") >= 0);
}

TEST_CASE("a compound adjective before a title is not the office's country", "[ingest][recognize]") {
  DocAnalysis d;
  ingest::Recognize(*FixtureLexicon(), "Voters backed the US-backed President John Smith on Saturday.", &d);
  for (const DocAnalysis::Structural& r : d.structural) {
    INFO(d.entities[r.source].name << " -> " << d.entities[r.target].name);
    CHECK_FALSE((r.type == graph::RelationType::kLeaderOf && d.entities[r.target].name == "United States"));
    CHECK_FALSE((r.type == graph::RelationType::kMemberOf && d.entities[r.target].name == "United States"));
  }
}

TEST_CASE("a state word inside an unknown company name does not give the title a country", "[ingest][recognize]") {
  std::shared_ptr<const Lexicon> lex;
  REQUIRE(ingest::LoadLexiconDirs({std::string(GEOKG_SOURCE_DIR) + "/ingest/data"}, &lex).ok());
  DocAnalysis d;
  ingest::Recognize(*lex, "Output rose last year, Shell U.K. Chairman Bob Reid said on Monday.", &d);
  CHECK(Structural(d, "Bob Reid", graph::RelationType::kMemberOf, "United Kingdom") == nullptr);
  DocAnalysis plain;
  ingest::Recognize(*lex, "Output rose last year, U.K. Trade Minister Bob Reid said on Monday.", &plain);
  CHECK(Structural(plain, "Bob Reid", graph::RelationType::kMemberOf, "United Kingdom") != nullptr);
}

TEST_CASE("a title qualified by an unknown capitalised word gets no guessed country", "[ingest][recognize]") {
  std::shared_ptr<const Lexicon> lex;
  REQUIRE(ingest::LoadLexiconDirs({std::string(GEOKG_SOURCE_DIR) + "/ingest/data"}, &lex).ok());
  DocAnalysis d;
  ingest::Recognize(*lex,
                    "Sri Lanka sought new loans. Sri Lanka said talks went well. Sri Lanka will reply.\n"
                    "It said Bank President Barber Conable met Sri Lanka's Finance Minister Ronnie de Mel.\n",
                    &d);
  CHECK(Structural(d, "Barber Conable", graph::RelationType::kMemberOf, "Sri Lanka") == nullptr);
  CHECK(Structural(d, "Barber Conable", graph::RelationType::kMemberOf, "United States") == nullptr);
}

TEST_CASE("definite references to a state's institutions resolve to that state", "[ingest][recognize]") {
  // The dominant country, named in the sentence before: the government and
  // the junta are Iraq itself; the army and police are Iraq's own forces.
  DocAnalysis iraq;
  ingest::Recognize(*FixtureLexicon(),
                    "Iraq said Iraq would respond. Iraqi officials met in Baghdad. The government said the army "
                    "and police were ready. Later the junta warned Iran.",
                    &iraq);
  const int iq = Entity(iraq, "Iraq");
  REQUIRE(iq >= 0);
  REQUIRE(MentionOf(iraq, "government") != nullptr);
  CHECK(MentionOf(iraq, "government")->entity == static_cast<uint32_t>(iq));
  CHECK(MentionOf(iraq, "government")->form == MentionForm::kMetonym);
  REQUIRE(MentionOf(iraq, "army") != nullptr);
  CHECK(EntityName(iraq, MentionOf(iraq, "army")) == "Iraqi Armed Forces");
  CHECK(iraq.entities[MentionOf(iraq, "army")->entity].kind == graph::EntityKind::kMilitaryUnit);
  CHECK(Structural(iraq, "Iraqi Armed Forces", graph::RelationType::kPartOf, "Iraq") != nullptr);
  REQUIRE(MentionOf(iraq, "police") != nullptr);
  CHECK(EntityName(iraq, MentionOf(iraq, "police")) == "Iraqi police");
  CHECK(Structural(iraq, "Iraqi police", graph::RelationType::kPartOf, "Iraq") != nullptr);
  // Iraq is not named in the sentence of "the junta" nor the one before.
  CHECK(MentionOf(iraq, "junta") == nullptr);
  // The sentence places it: "the authorities in Tehran" are Iran's, in a
  // story about Japan; "the military regime" is one reference.
  DocAnalysis placed;
  ingest::Recognize(*FixtureLexicon(),
                    "Japan said Japan and Japan's partners agreed. The authorities in Tehran rejected it. "
                    "Japan said the military regime had erred.",
                    &placed);
  REQUIRE(MentionOf(placed, "authorities") != nullptr);
  CHECK(EntityName(placed, MentionOf(placed, "authorities")) == "Iran");
  REQUIRE(MentionOf(placed, "military regime") != nullptr);
  CHECK(EntityName(placed, MentionOf(placed, "military regime")) == "Japan");
  // A bare "security forces" after punctuation; the lexicon's armed forces
  // of the country are used when listed.
  DocAnalysis us;
  ingest::Recognize(*FixtureLexicon(),
                    "The US said the US and US allies agreed. In the US, security forces were deployed.", &us);
  REQUIRE(MentionOf(us, "security forces") != nullptr);
  CHECK(EntityName(us, MentionOf(us, "security forces")) == "American Armed Forces");
}

TEST_CASE("definite institutions need evidence and no qualifier", "[ingest][recognize]") {
  // Two countries equally present: whose government is unknown.
  DocAnalysis mixed;
  ingest::Recognize(*FixtureLexicon(),
                    "Japan and Pakistan talked. Japan and Pakistan agreed. The government said the army was ready.",
                    &mixed);
  CHECK(MentionOf(mixed, "government") == nullptr);
  CHECK(MentionOf(mixed, "army") == nullptr);
  CHECK(Entity(mixed, "Japanese Armed Forces") < 0);
  // Already explicit or qualified: no new reference.
  DocAnalysis qualified;
  ingest::Recognize(*FixtureLexicon(),
                    "Iraq said Iraq would act. Iraq warned that the government of Iran, Iraqi police and Iraq's "
                    "army, and government officials, were ready.",
                    &qualified);
  CHECK(MentionOf(qualified, "government") == nullptr);
  CHECK(MentionOf(qualified, "police") == nullptr);
  CHECK(MentionOf(qualified, "army") == nullptr);
  CHECK(Entity(qualified, "Iraqi police") < 0);
  CHECK(Entity(qualified, "Iraqi Armed Forces") < 0);
  // Without "the", a government is no reference ("a government", "its government").
  DocAnalysis indefinite;
  ingest::Recognize(*FixtureLexicon(), "Iraq said Iraq and Iraq agreed. Iraq said a government was ready.",
                    &indefinite);
  CHECK(MentionOf(indefinite, "government") == nullptr);
}

TEST_CASE("candidate names: unknown capitalised names, kinds guessed, not mentions", "[ingest][recognize]") {
  DocAnalysis d;
  ingest::Recognize(*FixtureLexicon(),
                    "Officials said Zarvesh Okonkwo met the Kovalenko Relief Foundation and NHTSA on Nov. 2.\n"
                    "Iranian leaders and the Agency for Fisheries Oversight spoke to Vandersloot.\n"
                    "Vandersloot arrived in Baghdad.\n",
                    &d);
  auto candidate = [&](std::string_view name) -> const graph::Entity* {
    for (const Mention& c : d.candidates)
      if (d.entities[c.entity].name == name) return &d.entities[c.entity];
    return nullptr;
  };
  const graph::Entity* person = candidate("Zarvesh Okonkwo");
  REQUIRE(person);
  CHECK(person->kind == graph::EntityKind::kPerson);
  const graph::Entity* foundation = candidate("Kovalenko Relief Foundation");
  REQUIRE(foundation);
  CHECK(foundation->kind == graph::EntityKind::kOrganization);
  const graph::Entity* acronym = candidate("NHTSA");
  REQUIRE(acronym);
  CHECK(acronym->kind == graph::EntityKind::kOrganization);
  const graph::Entity* agency = candidate("Agency for Fisheries Oversight");
  REQUIRE(agency);
  CHECK(agency->kind == graph::EntityKind::kGovernmentBody);
  CHECK(candidate("Vandersloot"));       // mid-sentence: a surname
  CHECK_FALSE(candidate("Nov"));         // a month
  CHECK_FALSE(candidate("Officials"));   // a sentence's first word
  CHECK_FALSE(candidate("Iranian"));     // the lexicon knows it
  CHECK_FALSE(candidate("Baghdad"));
  // Candidates are no mentions: no trigger rule, pronoun or count reads them.
  for (const Mention& m : d.mentions) CHECK(d.entities[m.entity].name != "Zarvesh Okonkwo");
  // The second "Vandersloot" opens a sentence, where a single word is no name.
  int vandersloot = 0;
  for (const Mention& c : d.candidates) vandersloot += d.entities[c.entity].name == "Vandersloot";
  CHECK(vandersloot == 1);
}

TEST_CASE("a headline's capitalised verb is no part of a name after a title", "[ingest][recognize]") {
  DocAnalysis d;
  ingest::Recognize(*FixtureLexicon(), "Frail President Celebrates Victory in Tehran\n\nThe crowd cheered.\n", &d);
  for (const graph::Entity& e : d.entities) CHECK(e.name != "Celebrates Victory");
  DocAnalysis c;
  ingest::Recognize(*FixtureLexicon(), "Officials said the British FM met Zarvesh Okonkwo in Tehran.\n", &c);
  for (const Mention& m : c.candidates) CHECK(c.entities[m.entity].name != "FM");
}

TEST_CASE("a country word before a company noun is the firm's origin, no actor", "[ingest][recognize]") {
  auto names = [](const char* text, const char* name) {
    DocAnalysis d;
    ingest::Recognize(*FixtureLexicon(), text, &d);
    int n = 0;
    for (const Mention& m : d.mentions) n += d.entities[m.entity].name == name;
    return n;
  };
  // The firm acts: no Iran, no United States.
  CHECK(names("Iranian auto giant Zarvco will invest in Iraq.\n", "Iran") == 0);
  CHECK(names("The US oil major Petrox raised its stake in Iraq.\n", "United States") == 0);
  CHECK(names("A Japanese carmaker opened a plant in Iraq.\n", "Japan") == 0);
  CHECK(names("A Japanese carmaker opened a plant in Iraq.\n", "Iraq") == 1);
  // Aimed at the firm, the act is coded against its state; and a country
  // word before other nouns is the state's ("a major offensive").
  CHECK(names("Iraq imposed a tax on Iranian oil companies.\n", "Iran") == 1);
  CHECK(names("Japanese forces began a major offensive.\n", "Japan") == 1);
  // A joiner is no trade: "Iran and major trade partners" names Iran.
  CHECK(names("Iran and major trade partners met in Iraq.\n", "Iran") == 1);
}

TEST_CASE("a lone word in capitals opening a lead is no name", "[ingest][recognize]") {
  // Wire copy sets a lead's first word in capitals; "key" and "man" are
  // names too, so the common words do not tell.
  for (const char* text : {"Officials met.\n\nKEY talks between Zarvesh Okonkwo and Iran start today.\n",
                           "Officials met.\n\nA MAN suspected of spying was arrested in Tehran.\n"}) {
    DocAnalysis d;
    ingest::Recognize(*FixtureLexicon(), text, &d);
    for (const Mention& m : d.candidates) {
      CHECK(d.entities[m.entity].name != "KEY");
      CHECK(d.entities[m.entity].name != "MAN");
    }
  }
  // An acronym no lexicon knows, inside a sentence, still is one.
  DocAnalysis a;
  ingest::Recognize(*FixtureLexicon(), "Officials said ZANTU fighters attacked the town.\n", &a);
  bool zantu = false;
  for (const Mention& m : a.candidates) zantu |= a.entities[m.entity].name == "ZANTU";
  CHECK(zantu);
}

TEST_CASE("a seat followed by a past-tense verb is its government acting", "[ingest][recognize]") {
  DocAnalysis d;
  ingest::Recognize(*FixtureLexicon(), "Washington suspended military aid to Iraq.\n", &d);
  REQUIRE_FALSE(d.mentions.empty());
  CHECK(d.entities[d.mentions[0].entity].name == "United States");
  DocAnalysis p;
  ingest::Recognize(*FixtureLexicon(), "Officials met in Washington on Monday.\n", &p);
  bool place = false;
  for (const Mention& m : p.mentions) place |= p.entities[m.entity].name == "Washington";
  CHECK(place);
}

TEST_CASE("a weekday or month after a name is no part of it", "[ingest][recognize]") {
  DocAnalysis d;
  ingest::Recognize(*FixtureLexicon(),
                    "US Defence Secretary Richard Armitage Tuesday met Pakistani leaders. "
                    "Foreign Minister Jack Straw March 3 visited Baghdad. "
                    "Prime Minister Theresa May said the talks would go on. "
                    "Adam Smith Friday said the embassy was safe.",
                    &d);
  CHECK(Entity(d, "Richard Armitage") >= 0);
  CHECK(Entity(d, "Richard Armitage Tuesday") < 0);
  CHECK(Entity(d, "Jack Straw") >= 0);
  CHECK(Entity(d, "Jack Straw March") < 0);
  CHECK(Entity(d, "Theresa May") >= 0);
  CHECK(Entity(d, "Smith Friday") < 0);
}

TEST_CASE("places: prefixed names, containers after or before them, and the story's country", "[ingest][recognize]") {
  TempDir dir;
  dir.Write("countries.actors.tsv",
            "Jordan\tcountry\tJOR\t\nColombia\tcountry\tCOL\t\nMyanmar\tcountry\tMMR\t\nIraq\tcountry\tIRQ\t\n"
            "Venezuela\tcountry\tVEN\t\n");
  dir.Write("places.actors.tsv",
            "Rakhine\tlocation\tMMR\t\tlocated-in>Myanmar\nBogota\tlocation\tCOL\t\tlocated-in>Colombia\n"
            "Red Sea\tlocation\t\t\n");
  dir.Write("people.actors.tsv", "Hesham Qandil\tperson\tIRQ\t\n");
  dir.Write("common-words.txt", "the\nsaid\nin\n");
  std::shared_ptr<const Lexicon> lex;
  REQUIRE(ingest::LoadLexiconDirs({dir.path().string()}, &lex).ok());

  // A place-name prefix makes "Puerto Jordan" a place, not the country; the
  // department after the comma holds it, and Colombia, named three times,
  // holds the department.
  DocAnalysis d;
  ingest::Recognize(*lex,
                    "BOGOTA - Colombia said talks would resume. Colombia named its negotiators. "
                    "A bomb exploded at a base in Puerto Jordan, in the eastern department of Arauca. "
                    "Colombia blamed the rebels.",
                    &d);
  CHECK(Entity(d, "Jordan") < 0);
  CHECK(Structural(d, "Puerto Jordan", graph::RelationType::kLocatedIn, "Arauca") != nullptr);
  CHECK(Structural(d, "Arauca", graph::RelationType::kLocatedIn, "Colombia") != nullptr);

  // A sentence opening "In Rakhine state," holds the town it names later; a
  // surname before a place noun is the place's name; a sea the lexicon knows
  // without a country gets none from the story.
  DocAnalysis m;
  ingest::Recognize(*lex,
                    "In Rakhine state, rebels captured the town of Paletwa after weeks of fighting. "
                    "Drones struck positions in the Qandil mountains of northern Iraq. "
                    "Myanmar and Myanmar's navy patrolled the Red Sea for Myanmar.",
                    &m);
  CHECK(Structural(m, "Paletwa", graph::RelationType::kLocatedIn, "Rakhine") != nullptr);
  CHECK(Entity(m, "Hesham Qandil") < 0);
  CHECK(Structural(m, "Qandil", graph::RelationType::kLocatedIn, "Iraq") != nullptr);
  CHECK(Structural(m, "Red Sea", graph::RelationType::kLocatedIn, "Myanmar") == nullptr);

  // Two countries named as often: no story country, so an unplaced place
  // stays unplaced.
  DocAnalysis tie;
  ingest::Recognize(*lex,
                    "Colombia and Venezuela met. Colombia and Venezuela talked in the department of Arauca.", &tie);
  REQUIRE(Entity(tie, "Arauca") >= 0);
  CHECK(Structural(tie, "Arauca", graph::RelationType::kLocatedIn, "Colombia") == nullptr);
}

TEST_CASE("a title after 'Government' is the story's state's office", "[ingest][recognize]") {
  TempDir dir;
  dir.Write("countries.actors.tsv", "Iraq\tcountry\tIRQ\t\n");
  dir.Write("places.actors.tsv", "Baghdad\tlocation\tIRQ\t\tlocated-in>Iraq\n");
  dir.Write("titles.tsv", "Negotiator\tdiplomat\tno\n");
  dir.Write("common-words.txt", "the\nnegotiator\n");
  std::shared_ptr<const Lexicon> lex;
  REQUIRE(ingest::LoadLexiconDirs({dir.path().string()}, &lex).ok());
  DocAnalysis d;
  ingest::Recognize(*lex,
                    "Iraq resumed talks on Monday. Iraq named its team. "
                    "Government negotiator Ana Torres met the rebels in Baghdad.",
                    &d);
  CHECK(Structural(d, "Ana Torres", graph::RelationType::kMemberOf, "Iraq") != nullptr);
  // Another capitalised word before the title is an unknown body's office.
  DocAnalysis bank;
  ingest::Recognize(*lex,
                    "Iraq resumed talks on Monday. Iraq named its team. "
                    "Bank negotiator Ana Torres met the rebels in Baghdad.",
                    &bank);
  CHECK(Structural(bank, "Ana Torres", graph::RelationType::kMemberOf, "Iraq") == nullptr);
}

TEST_CASE("a person the lexicon does not know takes the country of a national office", "[ingest][recognize]") {
  DocAnalysis d;
  ingest::Recognize(*FixtureLexicon(), "Iranian President Ali Rezaei met Japanese officials.", &d);
  const int p = Entity(d, "Ali Rezaei");
  REQUIRE(p >= 0);
  CHECK(d.entities[p].country == "IRN");
  // An office of an unknown body gives none.
  DocAnalysis bank;
  ingest::Recognize(*FixtureLexicon(), "Bank President Ali Rezaei met Japanese officials.", &bank);
  const int q = Entity(bank, "Ali Rezaei");
  REQUIRE(q >= 0);
  CHECK(bank.entities[q].country.empty());
}

TEST_CASE("an era's abbreviation is no name", "[ingest][recognize]") {
  DocAnalysis d;
  ingest::Recognize(*FixtureLexicon(), "Officials said the skulls date back to A.D. 640 and were sent to Lima.\n", &d);
  for (const Mention& m : d.candidates) CHECK(d.entities[m.entity].name != "A.D.");
  for (const Mention& m : d.candidates) CHECK(d.entities[m.entity].name != "A.D");
}
