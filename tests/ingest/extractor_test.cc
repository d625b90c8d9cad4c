// Tests of ingest/extractor.h: the real extractor (lexicon, recognition,
// relations) on the reference article, one behaviour per SECTION, and on
// small synthetic sentences about other actors. Set GEOKG_RELATE_DUMP=1 to
// print every edge.
#include "ingest/extractor.h"

#include <catch2/catch.hpp>

#include <optional>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>

#include "graph/ids.h"
#include "graph/ontology.h"
#include "tests/support/process.h"
#include "tests/support/fixtures.h"

using geokg::graph::DocRecord;
using geokg::graph::Modality;
using geokg::graph::RelationType;
using namespace geokg::ingest;

namespace {

const Extractor& TheExtractor() {
  static std::unique_ptr<Extractor> x = [] {
    std::unique_ptr<Extractor> e;
    geokg::Status s = Extractor::Create(ExtractorOptions{}, &e);
    if (!s.ok()) FAIL(s.message());
    return e;
  }();
  return *x;
}

std::string NameOf(const DocRecord& rec, geokg::graph::EntityId id) {
  for (const auto& e : rec.entities)
    if (e.id == id) return e.name;
  return "?";
}

void Dump(const DocRecord& rec) {
  if (!std::getenv("GEOKG_RELATE_DUMP")) return;
  for (const auto& r : rec.relations)
    std::cout << NameOf(rec, r.key.source) << " -" << geokg::graph::NameOf(r.key.type) << "-> "
              << NameOf(rec, r.key.target) << "  [" << geokg::graph::NameOf(r.evidence.modality)
              << " " << r.evidence.confidence << " s" << r.evidence.sentence << " '"
              << r.evidence.trigger << "']\n";
}

DocRecord ExtractText(const std::string& text) {
  Document doc;
  doc.text = text;
  doc.meta.id = geokg::graph::DocIdFor(text);
  doc.meta.date = 20200101;
  doc.meta.bytes = text.size();
  DocRecord rec = TheExtractor().Extract(doc);
  Dump(rec);
  return rec;
}

// Edges whose endpoints have these canonical names (any modality when
// `modality` is null).
int Count(const DocRecord& rec, const std::string& src, RelationType type, const std::string& dst,
          const Modality* modality = nullptr) {
  int n = 0;
  for (const auto& r : rec.relations) {
    if (r.key.type != type) continue;
    if (!src.empty() && NameOf(rec, r.key.source) != src) continue;
    if (!dst.empty() && NameOf(rec, r.key.target) != dst) continue;
    if (modality && r.evidence.modality != *modality) continue;
    ++n;
  }
  return n;
}
bool Asserted(const DocRecord& rec, const std::string& src, RelationType type, const std::string& dst) {
  Modality m = Modality::kAsserted;
  return Count(rec, src, type, dst, &m) > 0;
}
bool Any(const DocRecord& rec, const std::string& src, RelationType type, const std::string& dst) {
  return Count(rec, src, type, dst) > 0;
}

}  // namespace

TEST_CASE("extractor: the reference article", "[ingest][extractor]") {
  const std::optional<std::string> article = geokg::testing::ReadReferenceArticle();
  if (!article) {
    WARN("SKIPPED: " << geokg::testing::ReferenceArticlePath() << " is absent (no ../shared); this check did not run");
    return;
  }
  DocRecord rec = ExtractText(*article);
  REQUIRE(rec.meta.relations == rec.relations.size());
  REQUIRE(rec.meta.sentences > 20);
  // Every relation's endpoints are in the record's entities.
  for (const auto& r : rec.relations) {
    CHECK(NameOf(rec, r.key.source) != "?");
    CHECK(NameOf(rec, r.key.target) != "?");
    CHECK(r.key.source != r.key.target);
    CHECK(!r.evidence.text.empty());
    CHECK(r.evidence.date == 20200101);
  }
  // Every entity is mentioned (then it has a mention count) or used by a
  // relation; each once.
  REQUIRE(rec.mentions.size() <= rec.entities.size());
  for (size_t i = 0; i < rec.entities.size(); ++i) {
    const auto& e = rec.entities[i];
    bool used = false;
    for (const auto& r : rec.relations) used |= r.key.source == e.id || r.key.target == e.id;
    if (i < rec.mentions.size()) {
      CHECK(rec.mentions[i].entity == e.id);
      CHECK(rec.mentions[i].count >= 1);
    } else {
      CHECK(used);
    }
    for (size_t j = 0; j < i; ++j) CHECK(rec.entities[j].id != e.id);
  }

  SECTION("the US deploys to Iraq") {
    CHECK(Asserted(rec, "United States", RelationType::kDeployedTo, "Iraq"));
  }
  SECTION("the 82nd Airborne is part of the US Army") {
    CHECK(Asserted(rec, "82nd Airborne Division", RelationType::kPartOf, "United States Army"));
  }
  SECTION("Iran-allied militiamen are allied with Iran") {
    CHECK(Asserted(rec, "Iran-allied militiamen", RelationType::kAlliedWith, "Iran"));
  }
  SECTION("Trump blames Iran") {
    CHECK(Asserted(rec, "Donald Trump", RelationType::kBlamed, "Iran"));
  }
  SECTION("Iraq condemns the United States") {
    CHECK(Asserted(rec, "Iraq", RelationType::kCondemned, "United States"));
  }
  SECTION("Iran rejects the accusation") {
    CHECK((Asserted(rec, "Iran", RelationType::kRejected, "Donald Trump") ||
           Asserted(rec, "Iran", RelationType::kRejected, "United States")));
  }
  SECTION("Trump calls on Iraq") {
    CHECK(Asserted(rec, "Donald Trump", RelationType::kAppealedTo, "Iraq"));
  }
  SECTION("protesters protest against the US, Israel and Trump") {
    CHECK(Asserted(rec, "Iraqi protesters", RelationType::kProtestedAgainst, "United States"));
    CHECK(Asserted(rec, "Iraqi protesters", RelationType::kProtestedAgainst, "Israel"));
    CHECK(Asserted(rec, "Iraqi protesters", RelationType::kProtestedAgainst, "Donald Trump"));
  }
  SECTION("US strikes on an Iran-backed militia") {
    CHECK((Asserted(rec, "United States", RelationType::kAttacked, "Iran-backed militia") ||
           Asserted(rec, "United States", RelationType::kKilled, "Iran-backed militia")));
    CHECK(Asserted(rec, "Iran-backed militia", RelationType::kBackedBy, "Iran"));
  }
  SECTION("the Defence Secretary's role") {
    bool found = false;
    for (const auto& r : rec.relations)
      found |= r.key.type == RelationType::kMemberOf && NameOf(rec, r.key.source) == "Mark Esper" &&
               r.evidence.role == "Defence Secretary";
    CHECK(found);
  }
  SECTION("Baghdad is in Iraq") {
    CHECK(Asserted(rec, "Baghdad", RelationType::kLocatedIn, "Iraq"));
  }
  SECTION("the attack on the embassy") {
    const std::string embassy = "United States Embassy in Iraq";
    Modality reported = Modality::kReported;
    CHECK((Asserted(rec, "Iran-allied militiamen", RelationType::kAttacked, embassy) ||
           Asserted(rec, "Iraqi protesters", RelationType::kAttacked, embassy)));
    CHECK(Count(rec, "Iran", RelationType::kAttacked, embassy, &reported) == 1);
  }
  SECTION("forbidden: no asserted US attack on Iran") {
    CHECK_FALSE(Asserted(rec, "United States", RelationType::kAttacked, "Iran"));
    CHECK_FALSE(Asserted(rec, "United States", RelationType::kKilled, "Iran"));
  }
  SECTION("forbidden: no asserted Iranian attack on anything") {
    Modality reported = Modality::kReported;
    CHECK(Count(rec, "Iran", RelationType::kAttacked, "", nullptr) ==
          Count(rec, "Iran", RelationType::kAttacked, "", &reported));
    CHECK_FALSE(Asserted(rec, "Iran", RelationType::kKilled, ""));
  }
  SECTION("forbidden: no war edge from 'Do I want to? No.'") {
    for (const auto& r : rec.relations) {
      if (r.evidence.text.find("Do I want to") == std::string::npos &&
          r.evidence.text.find("possibility of war") == std::string::npos)
        continue;
      bool hostile = r.key.type == RelationType::kAttacked || r.key.type == RelationType::kKilled ||
                     r.key.type == RelationType::kThreatened;
      CHECK_FALSE((hostile && r.evidence.modality == Modality::kAsserted));
    }
  }
  SECTION("related headlines are marked and capped") {
    for (const auto& r : rec.relations)
      if (r.evidence.section == geokg::graph::Section::kRelatedHeadline)
        CHECK(r.evidence.confidence <= 0.4f);
  }
}

TEST_CASE("extractor: other actors and styles", "[ingest][extractor]") {
  SECTION("condemned X for strikes that hit Y") {
    DocRecord rec = ExtractText("Russia condemned Ukraine for the drone strikes that hit Moscow.\n");
    CHECK(Asserted(rec, "Russia", RelationType::kCondemned, "Ukraine"));
    CHECK(Any(rec, "Ukraine", RelationType::kAttacked, "Moscow"));
    CHECK_FALSE(Any(rec, "Russia", RelationType::kAttacked, ""));
  }
  SECTION("sanctions through a light verb") {
    DocRecord rec = ExtractText("The European Union imposed new sanctions on Belarus.\n");
    CHECK(Asserted(rec, "European Union", RelationType::kSanctioned, "Belarus"));
  }
  SECTION("a denial asserts nothing hostile") {
    DocRecord rec = ExtractText("Turkey denied it had shelled Kurdish positions.\n");
    for (const auto& r : rec.relations) CHECK(r.evidence.modality != Modality::kAsserted);
  }
  SECTION("fighters of a group attack") {
    DocRecord rec = ExtractText("Hezbollah fighters attacked an Israeli army post.\n");
    CHECK(Asserted(rec, "Hezbollah", RelationType::kAttacked, ""));
  }
  SECTION("a passive blame and its denial") {
    DocRecord rec = ExtractText("Israel was blamed by Hamas for the blast. Israel has denied the claims.\n");
    CHECK(Asserted(rec, "Hamas", RelationType::kBlamed, "Israel"));
    CHECK(Asserted(rec, "Israel", RelationType::kRejected, "Hamas"));
  }
  SECTION("withdrawal after a subordinating 'after'") {
    DocRecord rec = ExtractText("The Taliban seized Kabul after US forces withdrew from Afghanistan.\n");
    // "US forces" is the US military, an actor of its own, part of the US.
    CHECK((Asserted(rec, "United States", RelationType::kWithdrewFrom, "Afghanistan") ||
           Asserted(rec, "United States Armed Forces", RelationType::kWithdrewFrom, "Afghanistan")));
  }
  SECTION("a sea or region without a country is not attacked") {
    DocRecord rec = ExtractText("Iranian forces mounted fresh attacks on the Gulf war southern front.\n");
    CHECK_FALSE(Any(rec, "", RelationType::kAttacked, "Persian Gulf"));
  }
  SECTION("hard-wrapped evidence reads as one line, its span stays exact") {
    std::string text =
        "Hezbollah fighters attacked an Israeli army post near\nthe border on Monday.\n"
        "Egypt called\non Israel to show restraint.\n";
    DocRecord rec = ExtractText(text);
    REQUIRE(Asserted(rec, "Hezbollah", RelationType::kAttacked, ""));
    for (const auto& r : rec.relations) {
      CHECK(r.evidence.text.find('\n') == std::string::npos);
      CHECK(r.evidence.trigger.find('\n') == std::string::npos);
      if (r.evidence.sentence != 0) continue;
      CHECK(r.evidence.text.find("near the border") != std::string::npos);
      CHECK(text.substr(r.evidence.begin, r.evidence.end - r.evidence.begin).find("near\nthe") !=
            std::string::npos);
    }
  }
  SECTION("negated and hypothetical deployments") {
    DocRecord rec = ExtractText(
        "China did not send troops to Russia, officials said.\n\n"
        "NATO could deploy more troops to Estonia if Russia attacks.\n");
    CHECK_FALSE(Asserted(rec, "China", RelationType::kDeployedTo, "Russia"));
    CHECK(Any(rec, "China", RelationType::kDeployedTo, "Russia"));
    CHECK_FALSE(Asserted(rec, "", RelationType::kDeployedTo, "Estonia"));
  }
}

// A debugging aid, hidden from the default run: prints the edges of the file
// (or of every file of the folder, up to $GEOKG_RELATE_LIMIT) named by
// $GEOKG_RELATE_FILE.
TEST_CASE("extractor: a victim's verb read as a bare clause after a noun is a participle on its victim",
          "[ingest][extractor]") {
  // The parser reads "kidnapped" as a clause of "confirmed"; the envoy's
  // state did not kidnap anyone.
  DocRecord rec = ExtractText(
      "The Kuwaiti ambassador in Iraq has confirmed the death of a Kuwaiti engineer kidnapped Tuesday in "
      "Iraq's southern Basra province, a news agency reported.\n");
  CHECK_FALSE(Any(rec, "Kuwait", RelationType::kAttacked, "Iraq"));
  CHECK_FALSE(Any(rec, "Kuwait", RelationType::kAttacked, "Basra"));
}

TEST_CASE("extractor: dump a file", "[.dump]") {
  const char* path = std::getenv("GEOKG_RELATE_FILE");
  if (!path) return;
  std::vector<std::string> files;
  if (std::filesystem::is_directory(path)) {
    for (const auto& e : std::filesystem::directory_iterator(path)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
  } else {
    files.push_back(path);
  }
  size_t limit = std::getenv("GEOKG_RELATE_LIMIT") ? std::stoul(std::getenv("GEOKG_RELATE_LIMIT")) : 1000000;
  if (files.size() > limit) files.resize(limit);
  for (const std::string& f : files) {
    std::ifstream in(f);
    std::stringstream ss;
    ss << in.rdbuf();
    Document doc;
    doc.text = ss.str();
    DocRecord rec = TheExtractor().Extract(doc);
    for (const auto& r : rec.relations)
      std::cout << NameOf(rec, r.key.source) << " -" << geokg::graph::NameOf(r.key.type) << "-> "
                << NameOf(rec, r.key.target) << "  [" << geokg::graph::NameOf(r.evidence.modality)
                << " " << r.evidence.confidence << " '" << r.evidence.trigger << "'] "
                << r.evidence.text << "\n";
  }
}

TEST_CASE("extractor: --lexicon folders extend the triggers", "[ingest][extractor]") {
  geokg::testing::TempDir tmp;  // removed even when a REQUIRE fails
  const std::filesystem::path& dir = tmp.path();
  ExtractorOptions options;
  options.lexicon_dirs = {dir.string()};
  {
    std::ofstream(dir / "triggers.tsv") << "# analyst additions\nrebuke\tcondemnd\tSUBJ V OBJ\n";
    std::unique_ptr<Extractor> x;
    geokg::Status s = Extractor::Create(options, &x);
    CHECK_FALSE(s.ok());
    CHECK(s.message().find("triggers.tsv:2") != std::string::npos);
    CHECK(s.message().find("condemned") != std::string::npos);  // the suggestion
  }
  {
    std::ofstream(dir / "triggers.tsv") << "scold\tcondemned\tSUBJ V OBJ\n";
    std::unique_ptr<Extractor> x;
    geokg::Status s = Extractor::Create(options, &x);
    REQUIRE(s.ok());
    Document doc;
    doc.text = "France scolded Italy.\n";
    DocRecord rec = x->Extract(doc);
    CHECK(Asserted(rec, "France", RelationType::kCondemned, "Italy"));
  }
}

TEST_CASE("extractor: a statement repeated thousands of times keeps bounded evidence", "[ingest][extractor]") {
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "Russia condemned Ukraine for the strikes. ";
  DocRecord rec = ExtractText(text);
  REQUIRE(Count(rec, "Russia", RelationType::kCondemned, "Ukraine") > 0);
  CHECK(Count(rec, "Russia", RelationType::kCondemned, "Ukraine") <= 16);
  CHECK(rec.relations.size() <= 16 * 4);
  CHECK(rec.meta.relations == rec.relations.size());
}

TEST_CASE("extractor: attacking someone's policy is criticism, not an attack", "[ingest][extractor]") {
  DocRecord rec = ExtractText("The United States has openly attacked Japan's tight-fisted fiscal policy.\n");
  CHECK(Count(rec, "United States", RelationType::kAttacked, "Japan") == 0);
  CHECK(Asserted(rec, "United States", RelationType::kCondemned, "Japan"));
  DocRecord raid = ExtractText("Russian forces attacked Ukraine's eastern border posts on Monday.\n");
  CHECK(Count(raid, "Russia", RelationType::kCondemned, "Ukraine") == 0);
}

TEST_CASE("extractor: an unknown name is an actor only as an event's argument", "[ingest][extractor]") {
  // Names no lexicon lists: a node when they take part in an event, none
  // when they are only mentioned.
  DocRecord rec = ExtractText("Indian police arrested Zarvesh Okonkwo-Lindqvist on Saturday.\n"
                              "The Kovalenko Relief Foundation said it would monitor the case.\n"
                              "Japan summoned Tarik Vandersloot over the remarks.\n");
  const bool arrested = Any(rec, "", RelationType::kArrested, "Zarvesh Okonkwo-Lindqvist");
  CHECK_FALSE(arrested);  // a hyphenated word is no name candidate
  int japan_to_him = 0;
  for (const auto& r : rec.relations)
    japan_to_him += NameOf(rec, r.key.source) == "Japan" && NameOf(rec, r.key.target) == "Tarik Vandersloot" &&
                    !geokg::graph::InfoOf(r.key.type).structural;
  CHECK(japan_to_him == 1);
  bool foundation_node = false, person_node = false;
  for (const auto& e : rec.entities) {
    foundation_node |= e.name == "Kovalenko Relief Foundation";
    if (e.name == "Tarik Vandersloot") {
      person_node = true;
      CHECK(e.kind == geokg::graph::EntityKind::kPerson);
    }
  }
  CHECK_FALSE(foundation_node);  // named, but in no event
  CHECK(person_node);
  // The candidate an event made an actor counts its occurrences as mentions.
  uint32_t his_mentions = 0;
  for (const auto& m : rec.mentions)
    if (NameOf(rec, m.entity) == "Tarik Vandersloot") his_mentions = m.count;
  CHECK(his_mentions == 1);
  // One unknown capitalised word as an object may be a place or a thing.
  DocRecord single = ExtractText("Japan summoned the envoy of Kovalenkia.\nIndian police arrested Vandersloot.\n");
  for (const auto& r : single.relations) {
    CHECK(NameOf(single, r.key.target) != "Kovalenkia");
    CHECK(NameOf(single, r.key.target) != "Vandersloot");
  }
  // A mentioned-only candidate has no mention count either.
  for (const auto& m : rec.mentions) CHECK(NameOf(rec, m.entity) != "Kovalenko Relief Foundation");
}

TEST_CASE("extractor: a dateline is not read as the sentence's subject", "[ingest][extractor]") {
  DocRecord rec = ExtractText("KABUL, Afghanistan - Pakistani troops shelled a village in Helmand on Sunday.\n");
  CHECK(Any(rec, "Pakistan Armed Forces", RelationType::kAttacked, ""));
  for (const auto& r : rec.relations)
    if (!geokg::graph::InfoOf(r.key.type).structural) CHECK(NameOf(rec, r.key.source) != "Kabul");
  // An agency credit in brackets ends the dateline, with or without a space after it.
  DocRecord cnn = ExtractText("New York (CNN)French President Emmanuel Macron firmly rejected any military solution "
                              "to the North Korean crisis.\n");
  CHECK(Asserted(cnn, "Emmanuel Macron", RelationType::kRejected, "North Korea"));
  for (const auto& r : cnn.relations)
    if (!geokg::graph::InfoOf(r.key.type).structural) CHECK(NameOf(cnn, r.key.source) != "New York City");
  // A colon ends a dateline, and so does a credit that names no actor.
  DocRecord colon = ExtractText(
      "Asia News: Dhaka, Oct 2 : Japanese Foreign Minister Taro Aso on Monday met top Bangladeshi leaders to discuss "
      "trade.\n");
  CHECK(Asserted(colon, "Taro Aso", RelationType::kMetWith, "Bangladesh"));
  DocRecord dpa = ExtractText("HANOI (dpa) - Chilean Foreign Minister Ana Soto apologised to Peru on Friday.\n");
  CHECK(Count(dpa, "Hanoi", RelationType::kSupported, "Peru") == 0);
  CHECK(Count(dpa, "Ana Soto", RelationType::kSupported, "Peru") == 1);
  // An acronym in brackets after a name is the name's, not a credit.
  DocRecord au = ExtractText("The African Union (AU) condemned Sudan on Friday.\n");
  CHECK(Asserted(au, "African Union", RelationType::kCondemned, "Sudan"));
}

TEST_CASE("extractor: a sentence is parsed only when a word that made it worth tagging is an event word by its tag",
          "[ingest][extractor]") {
  // "respects" is a form of the lexicon verb "respect", which makes the
  // sentence worth tagging; tagged, it is a noun with no noun entry, so the
  // sentence is not parsed, and the event "pay respects to" would give is
  // not found: the price of 11% fewer parses (docs/ingest-benchmarks.md,
  // "Sixth session").
  DocRecord respects = ExtractText("Palestinians pay their last respects to Arafat.\n");
  CHECK(Count(respects, "Palestine", RelationType::kCommentedOn, "") == 0);
  // A trigger word its tag confirms is parsed as before.
  DocRecord strikes = ExtractText("Iran condemned the US strikes as a mistake.\n");
  CHECK(Asserted(strikes, "Iran", RelationType::kCondemned, "United States"));
}

TEST_CASE("extractor: a title given apart from the text is read as its headline", "[ingest][extractor]") {
  Document doc;
  doc.text = "The decision follows months of tension over the operation.\n";
  doc.meta.title = "Burkina Faso expels Norwegian diplomats";
  doc.meta.id = geokg::graph::DocIdFor(doc.text);
  doc.meta.bytes = doc.text.size();
  DocRecord rec = TheExtractor().Extract(doc);
  Dump(rec);
  bool found = false;
  for (const auto& r : rec.relations)
    if (NameOf(rec, r.key.source) == "Burkina Faso" && !geokg::graph::InfoOf(r.key.type).structural) {
      found = true;
      CHECK(r.evidence.section == geokg::graph::Section::kTitle);
      CHECK(r.evidence.text == "Burkina Faso expels Norwegian diplomats");
    }
  CHECK(found);
  // A text that already opens with its title is read once.
  doc.text = "Burkina Faso expels Norwegian diplomats\n\nThe decision follows months of tension.\n";
  DocRecord once = TheExtractor().Extract(doc);
  int evidence = 0;
  for (const auto& r : once.relations)
    evidence += NameOf(once, r.key.source) == "Burkina Faso" && !geokg::graph::InfoOf(r.key.type).structural;
  CHECK(evidence == 1);
}

TEST_CASE("extractor: a place can be threatened, fought over, and where killings are coded", "[ingest][extractor]") {
  DocRecord rec = ExtractText("Hezbollah threatened to shell Haifa if Israel hits Beirut.\n"
                              "Russian troops killed 12 civilians in Kharkiv.\n");
  CHECK(Asserted(rec, "Hezbollah", RelationType::kThreatened, "Haifa"));
  CHECK(Asserted(rec, "Russian Armed Forces", RelationType::kKilled, "Kharkiv"));
}

TEST_CASE("extractor: a definite act noun names the latest act of its kind", "[ingest][extractor]") {
  // A launch has no target, but "the launch" still names who launched.
  DocRecord launch = ExtractText("Iran test-fired two cruise missiles over the Gulf on Sunday.\n"
                                 "Oman and Qatar condemned the launch.\n");
  CHECK(Asserted(launch, "Oman", RelationType::kCondemned, "Iran"));
  CHECK(Asserted(launch, "Qatar", RelationType::kCondemned, "Iran"));
  // "the strikes" are the latest act whose trigger was a strike, not the
  // latest hostile act of any kind.
  DocRecord strikes = ExtractText("France and Britain carried out air strikes on rebel positions in Libya on Monday.\n"
                                  "Egypt said the rebels had seized a port.\n"
                                  "Algeria condemned the strikes.\n");
  CHECK(Asserted(strikes, "Algeria", RelationType::kCondemned, "France"));
  CHECK(Asserted(strikes, "Algeria", RelationType::kCondemned, "United Kingdom"));
  // A criticism is the act of whoever criticised or called on the one who
  // rejects it; a pact is both parties'.
  DocRecord criticism = ExtractText("Brazil called on Argentina to release the prisoners.\n"
                                    "Argentina rejected the criticism on Tuesday.\n");
  CHECK(Asserted(criticism, "Argentina", RelationType::kRejected, "Brazil"));
  DocRecord pact = ExtractText("Chile and Peru signed a fisheries agreement on Monday.\nBolivia criticised the pact.\n");
  CHECK(Asserted(pact, "Bolivia", RelationType::kCondemned, "Chile"));
  CHECK(Asserted(pact, "Bolivia", RelationType::kCondemned, "Peru"));
  // With no such act in the document, nobody is condemned.
  DocRecord none = ExtractText("Oman and Qatar condemned the launch.\n");
  CHECK(Count(none, "Oman", RelationType::kCondemned, "") == 0);
}

TEST_CASE("extractor: a place the lexicon lacks lies in the place named after it", "[ingest][extractor]") {
  DocRecord rec = ExtractText("Rebels shelled a market in the Velykodarsk district of eastern Ukraine.\n"
                              "Gunmen attacked the village of Kortashi in southern Georgia.\n");
  CHECK(Asserted(rec, "Velykodarsk", RelationType::kLocatedIn, "Ukraine"));
  CHECK(Asserted(rec, "Kortashi", RelationType::kLocatedIn, "Georgia"));
  // A country that owns it by a possessive.
  DocRecord owned = ExtractText("Drones hit a fuel depot in Russia's Zavolsk region on Friday.\n");
  CHECK(Asserted(owned, "Zavolsk", RelationType::kLocatedIn, "Russia"));
}

TEST_CASE("extractor: a state body is part of its state when the text names both", "[ingest][extractor]") {
  DocRecord rec = ExtractText("China said the People's Liberation Army would hold drills near Taiwan.\n");
  CHECK(Asserted(rec, "People's Liberation Army", RelationType::kPartOf, "China"));
  // Armed groups get no base or backer from the lexicon alone.
  DocRecord group = ExtractText("Hezbollah said it would respond. Iran held a cabinet meeting.\n");
  CHECK(Count(group, "Hezbollah", RelationType::kBackedBy, "Iran") == 0);
  CHECK(Count(group, "Hezbollah", RelationType::kLocatedIn, "") == 0);
}

TEST_CASE("extractor: a game is no battle", "[ingest][extractor]") {
  DocRecord rec = ExtractText("Argentina defeated the United States 89-81 in the basketball semi-finals.\n"
                              "Brazil beat Mexico 2-1 in the final match.\n");
  for (const auto& r : rec.relations) CHECK(geokg::graph::InfoOf(r.key.type).structural);
  // A date is no score.
  DocRecord attack = ExtractText("Pakistani troops shelled Indian posts on 9-11 anniversary night.\n");
  CHECK(Any(attack, "", RelationType::kAttacked, ""));
}

TEST_CASE("extractor: meetings read through measure nouns and titles", "[ingest][extractor]") {
  // "two days of talks" are talks; those who hold them together meet too.
  DocRecord rec = ExtractText("Peru and Chile held two days of talks with Bolivia in La Paz.\n");
  // A symmetric edge may be stored either way round.
  CHECK(Count(rec, "Peru", RelationType::kNegotiatedWith, "Bolivia") +
            Count(rec, "Bolivia", RelationType::kNegotiatedWith, "Peru") ==
        1);
  CHECK(Count(rec, "Bolivia", RelationType::kNegotiatedWith, "Chile") +
            Count(rec, "Chile", RelationType::kNegotiatedWith, "Bolivia") ==
        1);
  CHECK(Count(rec, "Peru", RelationType::kNegotiatedWith, "Chile") +
            Count(rec, "Chile", RelationType::kNegotiatedWith, "Peru") ==
        1);
  // A title the recognizer leaves out of the name does not hide the person.
  DocRecord titled = ExtractText("Chile held talks with Secretary of State Antony Blinken on Monday.\n");
  CHECK(Count(titled, "Antony Blinken", RelationType::kNegotiatedWith, "Chile") +
            Count(titled, "Chile", RelationType::kNegotiatedWith, "Antony Blinken") ==
        1);
}

TEST_CASE("extractor: the act an accusation names is the accused's, reported", "[ingest][extractor]") {
  DocRecord rec = ExtractText("Somalia accused Kenya of sending troops into Ethiopia without permission.\n");
  Modality reported = Modality::kReported;
  CHECK(Count(rec, "Kenya", RelationType::kDeployedTo, "Ethiopia", &reported) == 1);
  CHECK(Count(rec, "Somalia", RelationType::kDeployedTo, "") == 0);
  CHECK(Asserted(rec, "Somalia", RelationType::kBlamed, "Kenya"));
}

TEST_CASE("extractor: forces arriving in a country are deployed there", "[ingest][extractor]") {
  DocRecord rec = ExtractText("About 300 Rwandan troops arrived in Mozambique on Friday to fight insurgents.\n");
  CHECK(Asserted(rec, "Rwandan Armed Forces", RelationType::kDeployedTo, "Mozambique"));
  // A minister arriving is a visit, not a deployment.
  DocRecord visit = ExtractText("The foreign minister of Peru arrived in Chile for talks.\n");
  CHECK(Count(visit, "", RelationType::kDeployedTo, "") == 0);
}

TEST_CASE("extractor: 'the X-backed group' is the armed group just named", "[ingest][extractor]") {
  DocRecord rec = ExtractText("Hamas fired rockets at Ashkelon on Monday.\nThe Iran-backed group said it would fight on.\n");
  CHECK(Asserted(rec, "Hamas", RelationType::kBackedBy, "Iran"));
  for (const auto& e : rec.entities) CHECK(e.name != "Iran-backed groups");
}

TEST_CASE("extractor: readings that are no event between the actors", "[ingest][extractor]") {
  // CAMEO's object patterns do not turn an attack on insurgents into
  // fighting alongside them.
  DocRecord jets = ExtractText("US jets hammered Iraqi insurgents near Falluja on Sunday.\n");
  CHECK(Asserted(jets, "United States", RelationType::kAttacked, "Iraqi insurgents"));
  CHECK(Count(jets, "", RelationType::kCooperatedWith, "") == 0);
  // "was shot and killed": a passive, whatever the parse makes of "shot";
  // the victim's country did not kill.
  DocRecord shot = ExtractText("Peruvian journalist Ana Quispe was shot and killed on Tuesday in Lima.\n");
  CHECK(Count(shot, "Peru", RelationType::kKilled, "") == 0);
  // A leader's word about his own state is domestic politics.
  DocRecord own = ExtractText("French President Jacques Chirac says France should hold a referendum on the treaty.\n");
  CHECK(Count(own, "Jacques Chirac", RelationType::kCalledOn, "France") == 0);
  CHECK(Asserted(own, "Jacques Chirac", RelationType::kLeaderOf, "France"));
}

TEST_CASE("extractor: coordinated subjects that sign a pact agree with each other", "[ingest][extractor]") {
  DocRecord rec = ExtractText("Turkey and Iraq signed a memorandum on military cooperation on Thursday.\n");
  CHECK(Count(rec, "Turkey", RelationType::kAgreedWith, "Iraq") + Count(rec, "Iraq", RelationType::kAgreedWith, "Turkey") ==
        1);
  // One signer alone agrees with nobody.
  DocRecord alone = ExtractText("Iran signed a trade agreement on Monday.\n");
  CHECK(Count(alone, "", RelationType::kAgreedWith, "") == 0);
}

TEST_CASE("extractor: a lower-case office right after its owner makes a member", "[ingest][extractor]") {
  DocRecord rec = ExtractText("Houthi spokesman Yahya Saree said the strikes killed five fighters.\n"
                              "Russia's Foreign Ministry spokeswoman Maria Zakharova said the package would fail.\n");
  CHECK(Asserted(rec, "Yahya Saree", RelationType::kMemberOf, "Houthis"));
  CHECK(Asserted(rec, "Maria Zakharova", RelationType::kMemberOf, "Russian Ministry of Foreign Affairs"));
  // A date after the office is no name.
  DocRecord dated = ExtractText("Pakistan summoned France's ambassador Monday to complain about a campaign.\n");
  CHECK(Asserted(dated, "Pakistan", RelationType::kCondemned, "France"));
  for (const auto& e : dated.entities) CHECK(e.name != "Monday");
  // An unqualified body is nobody's in particular: no node is made for it.
  DocRecord bare = ExtractText("Foreign Ministry spokesman Walid Qaderi said Tehran gives no orders.\n");
  for (const auto& r : bare.relations) CHECK(NameOf(bare, r.key.target) != "Foreign Ministry");
}

TEST_CASE("extractor: headline victims and claimed acts", "[ingest][extractor]") {
  // A counted subject with no object is the victim of a headline passive.
  DocRecord victims = ExtractText("3 Egyptian soldiers killed in Israeli error\n");
  CHECK(Count(victims, "Egyptian Armed Forces", RelationType::kKilled, "") == 0);
  DocRecord kidnapped = ExtractText("3 UN staff kidnapped in Afghan capital\n");
  CHECK(Count(kidnapped, "United Nations", RelationType::kAttacked, "") == 0);
  // A counted subject with an object acts.
  DocRecord acting = ExtractText("Five Nigerian soldiers killed 12 militants near Maiduguri.\n");
  CHECK(Any(acting, "Nigerian Army", RelationType::kKilled, ""));
  // What a group claims to have done is its act, reported, not a condemnation.
  DocRecord claimed = ExtractText(
      "The group loyal to militant leader Omar Haddad claimed to have bombed an Australian convoy in Baghdad.\n");
  Modality reported = Modality::kReported;
  CHECK(Count(claimed, "Omar Haddad", RelationType::kAttacked, "Australia", &reported) == 1);
  CHECK(Count(claimed, "", RelationType::kCondemned, "") == 0);
}

TEST_CASE("extractor: the dead are no attackers, and a creed is no name", "[ingest][extractor]") {
  DocRecord died = ExtractText("Senator Ruiz Kovac died this morning at a French hospital.\n");
  CHECK(Count(died, "", RelationType::kAttacked, "") == 0);
  DocRecord creed = ExtractText("Israeli air strikes killed two Hamas militants in Gaza just after the Islamic group "
                                "renewed its threats to continue rocket attacks against Israelis.\n");
  CHECK(Asserted(creed, "Israel", RelationType::kKilled, "Hamas"));
  for (const auto& e : creed.entities) CHECK(e.name != "Islamic");
}

TEST_CASE("extractor: condemning an act done to someone is not aimed at the victim", "[ingest][extractor]") {
  DocRecord rec = ExtractText("President Bush on Tuesday condemned the beheading of American hostage Eugene Armstrong.\n");
  CHECK(Count(rec, "", RelationType::kCondemned, "United States") == 0);
  // The act's own author still is.
  DocRecord strikes = ExtractText("Iran condemned the US strikes as a mistake.\n");
  CHECK(Asserted(strikes, "Iran", RelationType::kCondemned, "United States"));
}

TEST_CASE("extractor: an act toward 'both sides' is an act toward each", "[ingest][extractor]") {
  DocRecord rec = ExtractText("Israel and Hamas fought for months.\n"
                              "Egypt called on both sides to stop fighting.\n");
  CHECK(Asserted(rec, "Egypt", RelationType::kAppealedTo, "Israel"));
  CHECK(Asserted(rec, "Egypt", RelationType::kAppealedTo, "Hamas"));
  CHECK(Count(rec, "Israel", RelationType::kAppealedTo, "") == 0);
}

TEST_CASE("extractor: an attack reported by a trailing attribution keeps its killings", "[ingest][extractor]") {
  // The parser hangs "killing" on "said"; its subject is still the attackers.
  DocRecord rec = ExtractText("Fighters from the Islamic State Sahel Province and from JNIM, an al-Qaeda affiliate, "
                              "attacked an army post near the border with Mali on Wednesday, killing 17 Nigerien "
                              "soldiers, the defence ministry in Niamey said.\n");
  CHECK(Asserted(rec, "Islamic State in the Greater Sahara", RelationType::kKilled, "Nigerien Armed Forces"));
}

TEST_CASE("extractor: a hyphenated participle before a noun is an adjective", "[ingest][extractor]") {
  // The tagger reads "long-standing" as a verb taking "sanctions" as its object.
  DocRecord rec = ExtractText("The United States lifted long-standing sanctions against Sudan on Friday.\n");
  CHECK(Asserted(rec, "United States", RelationType::kConcededTo, "Sudan"));
}

TEST_CASE("extractor: a seat of government acts across an adverb", "[ingest][extractor]") {
  DocRecord rec = ExtractText("Ankara still refuses to lift the ban on Cypriot ships.\n");
  CHECK(Asserted(rec, "Turkey", RelationType::kRejected, "Cyprus"));
}

TEST_CASE("extractor: a curfew may be imposed on a region no country owns", "[ingest][extractor]") {
  DocRecord rec = ExtractText("Indian authorities have imposed a curfew in parts of Kashmir to stop fresh demonstrations.\n");
  CHECK(Asserted(rec, "India", RelationType::kCoerced, "Kashmir"));
  // Not attacked there, though: a region with no country is no target.
  DocRecord gulf = ExtractText("Iraqi forces attacked positions in the Gulf.\n");
  CHECK(Count(gulf, "", RelationType::kAttacked, "Persian Gulf") == 0);
}

TEST_CASE("extractor: a noun's target phrase may hang on its theme", "[ingest][extractor]") {
  DocRecord rec = ExtractText("Denmark announced a suspension of aid to Egypt.\n");
  CHECK(Asserted(rec, "Denmark", RelationType::kReducedRelationsWith, "Egypt"));
}

TEST_CASE("extractor: forming an alliance allies, and a name given by called is no call", "[ingest][extractor]") {
  DocRecord rec = ExtractText("Mali and Burkina Faso have formed an alliance with Niger called the Alliance of Sahel States.\n");
  CHECK(Asserted(rec, "Mali", RelationType::kAlliedWith, "Niger"));
  CHECK(Asserted(rec, "Burkina Faso", RelationType::kAlliedWith, "Niger"));
  CHECK(Count(rec, "", RelationType::kMetWith, "") == 0);
  DocRecord call = ExtractText("Biden called Putin on Monday.\n");
  CHECK(Count(call, "", RelationType::kMetWith, "") == 1);
  // With an aside after the subjects the parser reads "an alliance" as the
  // subject of "called"; the tree is mended, and those who ally with a
  // third ally with each other.
  DocRecord aside = ExtractText(
      "Mali and Burkina Faso, also run by juntas, have formed an alliance with Niger called the Alliance of Sahel "
      "States.\n");
  CHECK(Asserted(aside, "Mali", RelationType::kAlliedWith, "Niger"));
  CHECK(Asserted(aside, "Burkina Faso", RelationType::kAlliedWith, "Niger"));
  CHECK((Any(aside, "Burkina Faso", RelationType::kAlliedWith, "Mali") ||
         Any(aside, "Mali", RelationType::kAlliedWith, "Burkina Faso")));
}

TEST_CASE("extractor: a group named beside a demonym is the group", "[ingest][extractor]") {
  DocRecord rec = ExtractText("Iran is funding a Lebanese Hezbollah militia.\n");
  CHECK(Asserted(rec, "Hezbollah", RelationType::kBackedBy, "Iran"));
  CHECK(Count(rec, "Lebanon", RelationType::kBackedBy, "") == 0);
}

TEST_CASE("extractor: a group's lexicon backers are stated where one sentence names both", "[ingest][extractor]") {
  DocRecord rec = ExtractText("Iran denied that it had armed the Houthis.\nThe Houthis fired missiles at ships.\n");
  CHECK(Any(rec, "Houthis", RelationType::kBackedBy, "Iran"));
  // Named in different sentences: no tie, and never the group's base.
  DocRecord apart = ExtractText("The Houthis fired missiles at ships.\nIran said nothing.\nYemen was quiet.\n");
  CHECK(Count(apart, "Houthis", RelationType::kBackedBy, "Iran") == 0);
  DocRecord base = ExtractText("The Houthis fired missiles from Yemen at ships.\n");
  CHECK(Count(base, "Houthis", RelationType::kLocatedIn, "Yemen") == 0);
}

TEST_CASE("extractor: strikes a subject responds with are the subject's", "[ingest][extractor]") {
  DocRecord rec = ExtractText("Israel retaliated with air strikes on Hezbollah positions in Lebanon.\n");
  CHECK(Asserted(rec, "Israel", RelationType::kAttacked, "Hezbollah"));
}

TEST_CASE("extractor: an apposition with a compound describes the group just named", "[ingest][extractor]") {
  DocRecord rec = ExtractText("Officials say the TRF is a front for Lashkar-e-Taiba, a Pakistan-based militant group "
                              "that carried out the 2008 Mumbai attacks.\n");
  CHECK(Any(rec, "Lashkar-e-Taiba", RelationType::kLocatedIn, "Pakistan"));
  CHECK(Any(rec, "Lashkar-e-Taiba", RelationType::kAttacked, "Mumbai"));
  for (const auto& e : rec.entities) CHECK(e.name.find("Pakistan-based") == std::string::npos);
}

TEST_CASE("extractor: flying to a country visits it, and admitting deaths supports nobody", "[ingest][extractor]") {
  DocRecord rec = ExtractText("South African President Thabo Mbeki flew to Ivory Coast on Tuesday.\n");
  CHECK(Asserted(rec, "Thabo Mbeki", RelationType::kMetWith, "Ivory Coast"));
  CHECK(Count(rec, "", RelationType::kPledgedTo, "") == 0);
  DocRecord admits = ExtractText("US admits more Afghan jail deaths\n");
  CHECK(Count(admits, "", RelationType::kSupported, "") == 0);
}

TEST_CASE("extractor: an enclave the lexicon lacks is a place that can be attacked", "[ingest][extractor]") {
  DocRecord rec = ExtractText("Syrian government forces launched air strikes against the rebel-held enclave of "
                              "Eastern Ghouta near the capital Damascus.\n");
  CHECK(Asserted(rec, "Syrian Arab Army", RelationType::kAttacked, "Eastern Ghouta"));
}

TEST_CASE("extractor: weapons fired by an actor act for it", "[ingest][extractor]") {
  DocRecord rec = ExtractText("Rockets fired by Hamas hit Tel Aviv.\n");
  CHECK(Asserted(rec, "Hamas", RelationType::kAttacked, "Tel Aviv"));
}

TEST_CASE("extractor: an operation against an actor attacks it", "[ingest][extractor]") {
  DocRecord rec = ExtractText("The Pakistani army launched an operation against the Taliban.\n");
  CHECK(Asserted(rec, "Pakistan Armed Forces", RelationType::kAttacked, "Taliban"));
}

TEST_CASE("extractor: a role and an outlet may stand between an event word and a new name", "[ingest][extractor]") {
  DocRecord rec = ExtractText("Egypt has released Al Jazeera journalist Mahmoud Hussein after four years in detention.\n");
  CHECK(Asserted(rec, "Egypt", RelationType::kReleased, "Mahmoud Hussein"));
}

TEST_CASE("extractor: lifting curbs and sieges concedes", "[ingest][extractor]") {
  DocRecord rec = ExtractText("Japan lifted travel curbs to and from North Korea.\n");
  CHECK(Asserted(rec, "Japan", RelationType::kConcededTo, "North Korea"));
}

TEST_CASE("extractor: leaders titled after their country's possessive meet each other", "[ingest][extractor]") {
  // Read with the owners and titles, the parser makes both owners subjects.
  DocRecord rec = ExtractText("Brazil's President Luiz Inacio Lula da Silva met with Colombia's President Gustavo "
                              "Petro in Bogota to discuss a joint proposal.\n");
  CHECK((Asserted(rec, "Luiz Inacio Lula da Silva", RelationType::kMetWith, "Gustavo Petro") ||
         Asserted(rec, "Gustavo Petro", RelationType::kMetWith, "Luiz Inacio Lula da Silva")));
  CHECK(Count(rec, "Brazil", RelationType::kMetWith, "Colombia") == 0);
}

TEST_CASE("extractor: a country's membership or participation in a body", "[ingest][extractor]") {
  // The owner is a member, and freezing its participation is aimed at the
  // body, not at the owner. A compound before the body's name qualifies it.
  DocRecord rec = ExtractText("Prime Minister Nikol Pashinyan has frozen Armenia's participation in the Moscow-led "
                              "Collective Security Treaty Organization (CSTO).\n");
  CHECK(Any(rec, "Armenia", RelationType::kMemberOf, "Collective Security Treaty Organization"));
  CHECK(Any(rec, "Russia", RelationType::kLeaderOf, "Collective Security Treaty Organization"));
  CHECK(Asserted(rec, "Nikol Pashinyan", RelationType::kReducedRelationsWith, "Collective Security Treaty Organization"));
  CHECK(Count(rec, "Nikol Pashinyan", RelationType::kReducedRelationsWith, "Armenia") == 0);
  for (const auto& e : rec.entities) CHECK(e.name.find("Moscow-led") == std::string::npos);
  DocRecord membership = ExtractText("Sweden's membership in NATO was approved on Monday.\n");
  CHECK(Any(membership, "Sweden", RelationType::kMemberOf, "North Atlantic Treaty Organization"));
}

TEST_CASE("extractor: a verb the parser joined to a noun acts with the verb above it", "[ingest][extractor]") {
  // Read as a conjunct of "civilians", "summoned" would have no subject.
  DocRecord rec = ExtractText("Iraq's government said 16 people were killed on its territory, including civilians, "
                              "and summoned the US charge d'affaires in Baghdad to protest.\n");
  CHECK(Asserted(rec, "Iraq", RelationType::kCondemned, "United States"));
}

TEST_CASE("extractor: a partner 'together with' an actor is no target of its act", "[ingest][extractor]") {
  DocRecord rec = ExtractText("The Three Brotherhood Alliance launched an offensive together with the Ta'ang National "
                              "Liberation Army.\n");
  CHECK(Count(rec, "Three Brotherhood Alliance", RelationType::kAttacked, "") == 0);
  // The lexicon knows the alliance's members, and Russia's Africa Corps.
  CHECK(Any(rec, "Ta'ang National Liberation Army", RelationType::kPartOf, "Three Brotherhood Alliance"));
  DocRecord corps = ExtractText("Russian military instructors from the Africa Corps arrived in Niamey in April.\n");
  CHECK(Any(corps, "Africa Corps", RelationType::kPartOf, "Russia"));
}

TEST_CASE("extractor: an owner's titled person in apposition reads as the person", "[ingest][extractor]") {
  // "Qatar's prime minister, X, held talks": the parser makes the title an
  // oblique of the first clause's verb when it reads the whole phrase.
  DocRecord rec = ExtractText(
      "Egypt's intelligence chief Abbas Kamel met with Hamas negotiators in Cairo, while Qatar's prime minister, "
      "Sheikh Mohammed bin Abdulrahman Al Thani, held talks with Israeli officials by phone.\n");
  CHECK(Asserted(rec, "Mohammed bin Abdulrahman Al Thani", RelationType::kNegotiatedWith, "Israel"));
  CHECK(Count(rec, "Abbas Kamel", RelationType::kNegotiatedWith, "Israel") == 0);
  // A title before one name of a pair in apposition keeps the pair.
  DocRecord pair = ExtractText("Government negotiator Vera Grabe and the ELN's chief delegate, Pablo Beltran, met "
                               "behind closed doors.\n");
  CHECK((Any(pair, "Vera Grabe", RelationType::kMetWith, "Pablo Beltran") ||
         Any(pair, "Pablo Beltran", RelationType::kMetWith, "Vera Grabe")));
}

TEST_CASE("extractor: 'condemned the strikes' is aimed at who struck, past a later act of another kind", "[ingest][extractor]") {
  // The act memory keeps each act's trigger, so "the strikes" finds the
  // air strikes rather than the latest hostile act.
  DocRecord rec = ExtractText("The United States carried out air strikes on Houthi targets in Yemen. "
                              "The Houthis attacked Israel on Tuesday. Iran condemned the strikes.\n");
  CHECK(Asserted(rec, "Iran", RelationType::kCondemned, "United States"));
  CHECK(Count(rec, "Iran", RelationType::kCondemned, "Houthis") == 0);
}

TEST_CASE("extractor: a phone call after a fronted date, to a titled foreigner", "[ingest][extractor]") {
  // "On Nov. 2," is no "call on"; the parser's predicate readings of the
  // called name ("called him Smith") and of a demonym are mended.
  DocRecord rec = ExtractText("On Nov. 2, US Secretary of State Rex Tillerson called Russian Foreign Minister Sergey "
                              "Lavrov to discuss a number of topics.\n");
  CHECK((Asserted(rec, "Rex Tillerson", RelationType::kMetWith, "Sergei Lavrov") ||
         Asserted(rec, "Sergei Lavrov", RelationType::kMetWith, "Rex Tillerson")));
  DocRecord monday = ExtractText("On Monday, Jens Stoltenberg called Erdogan.\n");
  CHECK((Asserted(monday, "Jens Stoltenberg", RelationType::kMetWith, "Recep Tayyip Erdogan") ||
         Asserted(monday, "Recep Tayyip Erdogan", RelationType::kMetWith, "Jens Stoltenberg")));
  // "called on" after the verb is still an appeal.
  DocRecord appeal = ExtractText("On Monday, Jens Stoltenberg called on Erdogan to show restraint.\n");
  CHECK(Any(appeal, "Jens Stoltenberg", RelationType::kAppealedTo, "Recep Tayyip Erdogan"));
}

TEST_CASE("extractor: a seat's government, reneging, spurning, meals, and former leaders", "[ingest][extractor]") {
  DocRecord spurned = ExtractText("The Taliban has spurned repeated offers for peace talks by the Kabul government.\n");
  CHECK(Asserted(spurned, "Taliban", RelationType::kRejected, "Afghanistan"));
  DocRecord reneged = ExtractText("US President Donald Trump on Tuesday reneged on an international nuclear accord "
                                  "with Iran.\n");
  CHECK(Asserted(reneged, "Donald Trump", RelationType::kRejected, "Iran"));
  DocRecord lunch = ExtractText("Former U.S. President Barack Obama had lunch with French President Emmanuel Macron "
                                "in Paris.\n");
  CHECK((Asserted(lunch, "Barack Obama", RelationType::kMetWith, "Emmanuel Macron") ||
         Asserted(lunch, "Emmanuel Macron", RelationType::kMetWith, "Barack Obama")));
  // A former president is a citizen, not the leader.
  CHECK(Any(lunch, "Barack Obama", RelationType::kMemberOf, "United States"));
  CHECK(Count(lunch, "Barack Obama", RelationType::kLeaderOf, "United States") == 0);
  CHECK(Any(lunch, "Emmanuel Macron", RelationType::kLeaderOf, "France"));
}

TEST_CASE("extractor: denying an act rejects no one it names", "[ingest][extractor]") {
  DocRecord rec = ExtractText("The United Arab Emirates denies arming the Rapid Support Forces.\n");
  CHECK(Count(rec, "United Arab Emirates", RelationType::kRejected, "Rapid Support Forces") == 0);
  // The denied act itself is not asserted.
  CHECK_FALSE(Asserted(rec, "United Arab Emirates", RelationType::kAided, "Rapid Support Forces"));
  // Denying a claim another made rejects that claimant.
  DocRecord blame = ExtractText("Sudan accused the United Arab Emirates of arming the RSF. The United Arab Emirates "
                                "denied the claim.\n");
  CHECK(Any(blame, "United Arab Emirates", RelationType::kRejected, "Sudan"));
}

TEST_CASE("extractor: lifting sanctions imposed years ago, and accepting demands", "[ingest][extractor]") {
  // The parser reads "Eritrea nine years ago" as one time phrase.
  DocRecord lifted = ExtractText("The U.N. Security Council on Wednesday lifted sanctions imposed on Eritrea nine "
                                 "years ago.\n");
  CHECK(Asserted(lifted, "United Nations Security Council", RelationType::kConcededTo, "Eritrea"));
  // "Denmark last week" read as one time phrase loses the subject.
  DocRecord week = ExtractText("Denmark last week announced a suspension of aid to Egypt.\n");
  CHECK(Asserted(week, "Denmark", RelationType::kReducedRelationsWith, "Egypt"));
  DocRecord demands = ExtractText("Nepal's government accepts the key demands by protesters in southern Nepal.\n");
  CHECK(Asserted(demands, "Nepal", RelationType::kConcededTo, "Nepali protesters"));
}

TEST_CASE("extractor: ties through remain and become, and forces a state has somewhere", "[ingest][extractor]") {
  DocRecord member = ExtractText("Sweden became a member of NATO in 2024.\n");
  CHECK(Any(member, "Sweden", RelationType::kMemberOf, "North Atlantic Treaty Organization"));
  DocRecord part = ExtractText("Ethiopia's Foreign Ministry denied the claim and said its forces remained part of the "
                               "African Union mission.\n");
  CHECK(Any(part, "Ethiopia", RelationType::kPartOf, "African Union"));
  DocRecord held = ExtractText("Russia's Wagner Group, which has about 1,000 fighters in Mali, did not comment.\n");
  CHECK(Asserted(held, "Wagner Group", RelationType::kDeployedTo, "Mali"));
  DocRecord none = ExtractText("Germany has no troops in Mali.\n");
  CHECK_FALSE(Asserted(none, "Germany", RelationType::kDeployedTo, "Mali"));
}

TEST_CASE("extractor: a headline with one or two words between names is read in lower case", "[ingest][extractor]") {
  DocRecord rec = ExtractText("Jacques Chirac Visits Algeria\n");
  CHECK(Asserted(rec, "Jacques Chirac", RelationType::kMetWith, "Algeria"));
}

TEST_CASE("extractor: arriving in a country for a visit or talks visits it", "[ingest][extractor]") {
  DocRecord rec = ExtractText("Japanese Prime Minister Junichiro Koizumi arrived in Chile on Friday for a three-day visit.\n");
  CHECK(Asserted(rec, "Junichiro Koizumi", RelationType::kMetWith, "Chile"));
  DocRecord talks = ExtractText("The Chinese envoy arrived in Sudan for talks on the crisis.\n");
  CHECK(Asserted(talks, "China", RelationType::kMetWith, "Sudan"));
  // A bare arrival is no visit: bodies, planes and refugees arrive too.
  DocRecord bare = ExtractText("Japanese Prime Minister Junichiro Koizumi arrived in Chile on Friday.\n");
  CHECK(Count(bare, "", RelationType::kMetWith, "") == 0);
}

TEST_CASE("extractor: a visit to a foreign city visits its state and one at home visits nobody", "[ingest][extractor]") {
  DocRecord city = ExtractText("Dutch Prime Minister Jan Visser flew to Nairobi on Monday to press Kenya on drought aid.\n");
  CHECK(Asserted(city, "Jan Visser", RelationType::kMetWith, "Kenya"));
  CHECK(Count(city, "", RelationType::kMetWith, "Nairobi") == 0);
  DocRecord home = ExtractText("Kenyan President Mwai Kibaki flew to Mombasa on Monday to press Kenya's governors on drought aid.\n");
  CHECK(Count(home, "", RelationType::kMetWith, "Kenya") == 0);
  // A firm going to a city visits no state.
  DocRecord firm = ExtractText("Zarvco Ltd will go to Nairobi next week to sell its drought pumps to Kenya.\n");
  CHECK(Count(firm, "", RelationType::kMetWith, "Kenya") == 0);
}

TEST_CASE("extractor: a visit is made by the clause's subject, and making one is no pledge", "[ingest][extractor]") {
  DocRecord during = ExtractText("Venezuelan President Hugo Chavez told reporters during a visit to Spain that oil "
                                 "prices would fall.\n");
  CHECK((Asserted(during, "Hugo Chavez", RelationType::kMetWith, "Spain") ||
         Asserted(during, "Spain", RelationType::kMetWith, "Hugo Chavez")));
  DocRecord making = ExtractText("Russian President Vladimir Putin is making a two-day official visit to Turkey.\n");
  CHECK((Asserted(making, "Vladimir Putin", RelationType::kMetWith, "Turkey") ||
         Asserted(making, "Turkey", RelationType::kMetWith, "Vladimir Putin")));
  CHECK(Count(making, "", RelationType::kPledgedTo, "") == 0);
  DocRecord tour = ExtractText("Jacques Chirac's tour of China ended with trade deals.\n");
  CHECK((Any(tour, "Jacques Chirac", RelationType::kMetWith, "China") ||
         Any(tour, "China", RelationType::kMetWith, "Jacques Chirac")));
}

TEST_CASE("extractor: investing in a country is economic cooperation", "[ingest][extractor]") {
  DocRecord rec = ExtractText("Japan will invest $5 billion in Indonesia over the next decade.\n");
  CHECK((Any(rec, "Japan", RelationType::kCooperatedWith, "Indonesia") ||
         Any(rec, "Indonesia", RelationType::kCooperatedWith, "Japan")));
}

TEST_CASE("extractor: a strike in which a hostile verb's victims fell is its subject's", "[ingest][extractor]") {
  DocRecord rec = ExtractText("Israeli troops killed two militants in an air strike on a Hamas training camp.\n");
  CHECK(Asserted(rec, "Israel Defense Forces", RelationType::kAttacked, "Hamas"));
}

TEST_CASE("extractor: domestic stand-ins are no events between actors", "[ingest][extractor]") {
  // A person meets his own state's people, not the state.
  DocRecord meeting = ExtractText("A former Ukrainian defence minister held a long meeting on Monday with President "
                                  "Leonid Kuchma.\n");
  for (RelationType type : {RelationType::kMetWith, RelationType::kNegotiatedWith}) {
    CHECK(Count(meeting, "Leonid Kuchma", type, "Ukraine") == 0);
    CHECK(Count(meeting, "Ukraine", type, "Leonid Kuchma") == 0);
  }
  // A pledge to a region of one's own country is policy at home.
  DocRecord pledge = ExtractText("Russia vows to restore order to Chechnya.\n");
  CHECK(Count(pledge, "Russia", RelationType::kPledgedTo, "Chechnya") == 0);
  // A base named in what is denied is commented on by nobody.
  DocRecord base = ExtractText("Pakistan denies report of CIA bases in Pakistan for the hunt.\n");
  for (const auto& r : base.relations) CHECK(r.key.type != RelationType::kCommentedOn);
}

TEST_CASE("extractor: flying something to a country carries it there, no visit", "[ingest][extractor]") {
  DocRecord rec = ExtractText("The Spanish government is flying the migrants to Morocco.\n");
  CHECK(Count(rec, "", RelationType::kMetWith, "") == 0);
  CHECK(Count(rec, "", RelationType::kPledgedTo, "") == 0);
}

TEST_CASE("extractor: announcements that are no pledges", "[ingest][extractor]") {
  // "won't" is kept whole by the tokenizer: still a negation, so a refusal.
  DocRecord wont = ExtractText("Iran won't meet Britain.\n");
  CHECK(Count(wont, "", RelationType::kPledgedTo, "") == 0);
  CHECK(Asserted(wont, "Iran", RelationType::kRejected, "United Kingdom"));
  // Announcing an appeal is no pledge.
  DocRecord ask = ExtractText("Washington will ask NATO to devise a plan by February.\n");
  CHECK(Count(ask, "United States", RelationType::kPledgedTo, "North Atlantic Treaty Organization") == 0);
  // Vowing to kill is a threat.
  DocRecord vow = ExtractText("Hamas vows to kill Israeli soldiers.\n");
  CHECK(Asserted(vow, "Hamas", RelationType::kThreatened, "Israel Defense Forces"));
  CHECK(Count(vow, "", RelationType::kPledgedTo, "") == 0);
}

TEST_CASE("extractor: verbs whose company changes their reading", "[ingest][extractor]") {
  // Refusing a hostile act rejects nobody.
  DocRecord bar = ExtractText("Egypt would not bar Yasser Arafat's return after treatment.\n");
  CHECK(Count(bar, "", RelationType::kRejected, "") == 0);
  // Meeting a request yields to its author; nobody meets anybody.
  DocRecord request = ExtractText("Britain agreed to meet a U.S. request for more troops.\n");
  CHECK(Any(request, "United Kingdom", RelationType::kConcededTo, "United States"));
  CHECK(Count(request, "", RelationType::kMetWith, "") == 0);
  // Calling someone names: no phone call.
  DocRecord naming = ExtractText("North Korea hurled insults at President Bush, calling him a political idiot.\n");
  CHECK(Count(naming, "", RelationType::kMetWith, "") == 0);
  // Hunting fighters attacks them; questioning estimates criticises their author.
  DocRecord hunt = ExtractText("Pakistani troops are hunting Taliban fighters near the border.\n");
  CHECK(Asserted(hunt, "Pakistan Armed Forces", RelationType::kAttacked, "Taliban"));
  CHECK(Count(hunt, "", RelationType::kAppealedTo, "") == 0);
  DocRecord question = ExtractText("Sudan questioned UN estimates of the dead.\n");
  CHECK(Asserted(question, "Sudan", RelationType::kCondemned, "United Nations"));
}

TEST_CASE("extractor: a headline's victims are no agents of what was done to them", "[ingest][extractor]") {
  for (const char* headline : {"Japanese engineers kidnapped in Nigeria\n", "Kidnapped Briton killed in Somalia\n",
                               "German taken hostage in Yemen\n"}) {
    DocRecord rec = ExtractText(headline);
    for (const auto& r : rec.relations) CHECK(geokg::graph::InfoOf(r.key.type).structural);
  }
}

TEST_CASE("extractor: plans are not acts, and blows and restraints are read as acts", "[ingest][extractor]") {
  // What a plan names may never be done.
  DocRecord plan = ExtractText("Israeli Prime Minister Ariel Sharon met settlers to discuss his contentious plan to "
                               "withdraw from the Gaza Strip.\n");
  const Modality asserted = Modality::kAsserted;
  CHECK(Count(plan, "", RelationType::kWithdrewFrom, "Gaza Strip", &asserted) == 0);
  // Dealing a blow to an actor attacks it; preventing people from acting coerces them.
  DocRecord blow = ExtractText("Turkey dealt a heavy blow to the PKK on Sunday.\n");
  CHECK(Count(blow, "Turkey", RelationType::kAttacked, "") == 1);
  CHECK(Count(blow, "", RelationType::kCommentedOn, "") == 0);
  DocRecord prevent = ExtractText("Egyptian police prevented Palestinians from crossing the border.\n");
  CHECK(Count(prevent, "", RelationType::kCoerced, "Palestine") == 1);
  CHECK(Count(prevent, "", RelationType::kRejected, "") == 0);
  // Taking over with no object seizes nothing.
  DocRecord takeover = ExtractText("NATO force takes over in Kosovo\n");
  CHECK(Count(takeover, "", RelationType::kSeized, "") == 0);
}

TEST_CASE("extractor: phrases the parser hangs on a day, and agents that are no states", "[ingest][extractor]") {
  // "at U.S. outposts" hung on "Saturday" is still where the strikes went.
  DocRecord strikes = ExtractText("Iraqi insurgents launched strikes on Saturday at U.S. and Iraqi outposts across the "
                                  "country, killing a dozen police officers.\n");
  CHECK(Asserted(strikes, "Iraqi insurgents", RelationType::kAttacked, "United States"));
  CHECK(Count(strikes, "", RelationType::kProtestedAgainst, "") == 0);
  // The day itself, and what fills it, name no target.
  DocRecord days = ExtractText("The Iraqi government declared a state of emergency for 60 days as U.S. forces "
                               "prepared for an assault.\n");
  CHECK(Count(days, "Iraq", RelationType::kCalledOn, "") == 0);
  // Rebel leaders from a state's region do not speak for the state.
  DocRecord rebels = ExtractText("Rebel leaders from Sudan's Darfur region urged Nigeria on Friday to intervene.\n");
  CHECK(Count(rebels, "Sudan", RelationType::kAppealedTo, "Nigeria") == 0);
  // A state telling of its own forces' act claims it, and blames nobody.
  DocRecord claim = ExtractText("Israel said Israeli soldiers shot dead two Hamas gunmen.\n");
  CHECK(Any(claim, "Israel Defense Forces", RelationType::kKilled, "Hamas"));
  CHECK(Count(claim, "Israel", RelationType::kBlamed, "") == 0);
}

TEST_CASE("extractor: pulling people from a place withdraws them, and seizes nothing", "[ingest][extractor]") {
  DocRecord plan = ExtractText("Israel plans to pull Jewish settlers from Gaza.\n");
  CHECK(Any(plan, "Israel", RelationType::kWithdrewFrom, "Gaza Strip"));
  DocRecord call = ExtractText("Iraqi delegates called on Muqtada al-Sadr to end his uprising and pull his fighters out "
                               "of the shrine.\n");
  for (const DocRecord* rec : {&plan, &call}) CHECK(Count(*rec, "", RelationType::kSeized, "") == 0);
}

TEST_CASE("extractor: an attack noun with nothing named is coded against the place it struck", "[ingest][extractor]") {
  DocRecord strike = ExtractText("A Hamas commander was killed in an Israeli airstrike in Gaza City on Tuesday.\n");
  CHECK(Asserted(strike, "Israel", RelationType::kAttacked, "Gaza City"));
  // Victims named as a headline's subject did not bomb the place.
  DocRecord victims = ExtractText("Five Afghans killed in a roadside bombing in Kandahar.\n");
  CHECK(Count(victims, "", RelationType::kAttacked, "") == 0);
}

TEST_CASE("extractor: protests lodged, stances taken, troops cut and reactions to acts", "[ingest][extractor]") {
  DocRecord protest = ExtractText("Japan will protest to Russia over the fishing boat seizure.\n");
  CHECK(Any(protest, "Japan", RelationType::kCondemned, "Russia"));
  DocRecord furious = ExtractText("Indonesia Furious Over Australia's New Fishing Zone\n");
  CHECK(Asserted(furious, "Indonesia", RelationType::kCommentedOn, "Australia"));
  DocRecord wary = ExtractText("Vietnam wary at China drilling plan\n");
  CHECK(Asserted(wary, "Vietnam", RelationType::kCommentedOn, "China"));
  DocRecord cut = ExtractText("Spain to Reduce Number of Troops in Afghanistan\n");
  CHECK(Any(cut, "Spain", RelationType::kWithdrewFrom, "Afghanistan"));
  // Disputing criticism denies it.
  DocRecord dispute = ExtractText("The Pentagon disputes Amnesty International criticism of its prisons.\n");
  CHECK(Asserted(dispute, "United States Department of Defense", RelationType::kCommentedOn, "Amnesty International"));
  CHECK(Count(dispute, "", RelationType::kCondemned, "") == 0);
}

TEST_CASE("extractor: welcoming a thing meets nobody, and running into a mine attacks nothing", "[ingest][extractor]") {
  DocRecord welcome = ExtractText("Britain welcomes Sudan's acceptance of the peace plan.\n");
  CHECK(Asserted(welcome, "United Kingdom", RelationType::kSupported, "Sudan"));
  CHECK(Count(welcome, "", RelationType::kMetWith, "") == 0);
  DocRecord mine = ExtractText("Two Afghan soldiers were killed when their vehicle hit a land mine in southern "
                               "Afghanistan.\n");
  CHECK(Count(mine, "", RelationType::kAttacked, "") == 0);
}

TEST_CASE("extractor: the subject of a misread verb is no part of its object's phrase", "[ingest][extractor]") {
  // "stormed" is read as the adjective of "stations", with the troops as the noun's subject.
  DocRecord rec = ExtractText("US and Iraqi troops stormed insurgent-held police stations and neighborhoods in the "
                              "northern city Tuesday.\n");
  CHECK(Count(rec, "Iraqi Army", RelationType::kAttacked, "United States") == 0);
  CHECK(Count(rec, "United States", RelationType::kAttacked, "Iraqi Army") == 0);
}

TEST_CASE("extractor: arrivals, messages and words of thanks that are no meetings or threats", "[ingest][extractor]") {
  DocRecord arrival = ExtractText("A United Nations plane was met with gunfire when it arrived in Man, western Ivory Coast, "
                                  "officials said.\n");
  CHECK(Count(arrival, "", RelationType::kMetWith, "") == 0);
  DocRecord thanks = ExtractText("UN workers freed in Afghanistan have spoken of their gratitude to the Afghan people.\n");
  CHECK(Count(thanks, "", RelationType::kMetWith, "") == 0);
  DocRecord message = ExtractText("Chinese President Hu Jintao sent a message to Norodom Sihamoni to congratulate him.\n");
  CHECK(Asserted(message, "Hu Jintao", RelationType::kCommentedOn, "Norodom Sihamoni"));
  CHECK(Count(message, "", RelationType::kThreatened, "") == 0);
}

TEST_CASE("extractor: a ceasefire declared in a place is coded against the place", "[ingest][extractor]") {
  DocRecord rec = ExtractText("Turkey and Russia announced a ceasefire in Idlib on Thursday.\n");
  CHECK(Asserted(rec, "Turkey", RelationType::kConcededTo, "Idlib"));
  CHECK(Asserted(rec, "Russia", RelationType::kConcededTo, "Idlib"));
}

TEST_CASE("extractor: bare rebels and police take the country of the scene or the dateline", "[ingest][extractor]") {
  // The place named later in the sentence, not just right after the noun.
  DocRecord street = ExtractText("US troops fought a gunbattle with insurgents along a busy street in Baghdad today.\n");
  CHECK(Asserted(street, "United States Armed Forces", RelationType::kFought, "Iraqi insurgents"));
  DocRecord maoists = ExtractText("More than 1,000 Maoists launched a violent assault on a district headquarters in "
                                  "Nepal's northwestern mountains, officials said.\n");
  // The group the lexicon lists under the name the country gives them.
  CHECK(Asserted(maoists, "Communist Party of Nepal (Maoist)", RelationType::kAttacked, "Nepal"));
  // A bare "police" acts where the story's dateline is.
  DocRecord police = ExtractText("DHAKA, Bangladesh - Baton-wielding riot police rounded up dozens of opposition "
                                 "activists on Tuesday.\n");
  CHECK(Any(police, "Bangladeshi police", RelationType::kPartOf, "Bangladesh"));
  // Places in two countries name no scene.
  DocRecord mixed = ExtractText("Insurgents attacked a checkpoint near Kandahar, days after a raid on a camp in "
                                "Pakistan.\n");
  CHECK(Count(mixed, "Pakistani insurgents", RelationType::kAttacked, "") == 0);
  CHECK(Count(mixed, "Afghan insurgents", RelationType::kAttacked, "") == 0);
  // Gunmen and militants are often foreign to where they strike: no country
  // from the scene or the dateline alone.
  DocRecord gunmen = ExtractText("NEW DELHI, April 23 - Gunmen killed 26 tourists near the resort town of Pahalgam "
                                 "in Kashmir.\n");
  CHECK(Count(gunmen, "Indian gunmen", RelationType::kKilled, "") == 0);
  // "near the Cameroon border" is not in Cameroon.
  DocRecord border = ExtractText("The Nigerian army killed 24 militants near the Cameroon border.\n");
  CHECK(Count(border, "", RelationType::kKilled, "Cameroonian militants") == 0);
}

TEST_CASE("extractor: a named group's noun, and groups named by their base", "[ingest][extractor]") {
  DocRecord taliban = ExtractText("Taliban militants stormed an Afghan military base in the western province of Herat.\n");
  CHECK(Asserted(taliban, "Taliban", RelationType::kAttacked, "Afghanistan"));
  CHECK(Count(taliban, "Afghan militants", RelationType::kAttacked, "") == 0);
  // A group based in a state is of that state, and the state answers for it.
  DocRecord based = ExtractText("India blames Pakistan-based militants for Kashmir attack; Islamabad denies role\n");
  CHECK(Asserted(based, "India", RelationType::kBlamed, "Pakistan-based militants"));
  CHECK(Asserted(based, "Pakistan", RelationType::kRejected, "India"));
}

TEST_CASE("extractor: an actor and the adjective phrase after it are the verb's object", "[ingest][extractor]") {
  DocRecord rec = ExtractText("U.S. troops battled Shiite militiamen loyal to rebel cleric Muqtada al-Sadr in the "
                              "Baghdad slum of Sadr City on Tuesday.\n");
  CHECK(Asserted(rec, "United States Armed Forces", RelationType::kFought, "Iraqi militiamen"));
  // A clause with its own copula stays a clause: "X must be ready to" is
  // what he calls on X to be.
  DocRecord clause = ExtractText("Foreign Minister Urmas Paet said the European Union must be ready to mediate "
                                 "crisis negotiations in Ukraine.\n");
  CHECK(Asserted(clause, "Urmas Paet", RelationType::kCalledOn, "European Union"));
}

TEST_CASE("extractor: a verb read as a reduced relative of its subject, and prisoners of a group", "[ingest][extractor]") {
  DocRecord troops = ExtractText("Israeli troops arrested three Hamas leaders.\n");
  CHECK(Asserted(troops, "Israel Defense Forces", RelationType::kArrested, "Hamas"));
  // A headline's participle with a preposition after it stays a passive.
  DocRecord headline = ExtractText("Three Hamas leaders arrested in raid\n");
  CHECK(Count(headline, "Hamas", RelationType::kArrested, "") == 0);
  // "freed 100 Taliban prisoners" frees the Taliban's men; "taken hostage"
  // still has no object of its own.
  DocRecord freed = ExtractText("Afghanistan freed 100 Taliban prisoners.\n");
  CHECK(Asserted(freed, "Afghanistan", RelationType::kReleased, "Taliban"));
  DocRecord held = ExtractText("Libya freed 37 prisoners, including a former detainee at the U.S. military prison at "
                               "Guantanamo Bay.\n");
  CHECK(Count(held, "Libya", RelationType::kReleased, "") == 0);
}

TEST_CASE("extractor: rejecting a call rejects its author, and a determined gerund is a noun", "[ingest][extractor]") {
  DocRecord calls = ExtractText("Ethiopia's Prime Minister Abiy Ahmed rejected U.S. calls for a unilateral ceasefire "
                                "in the northern Tigray region.\n");
  CHECK(Asserted(calls, "Abiy Ahmed", RelationType::kRejected, "United States"));
  CHECK(Count(calls, "", RelationType::kRejected, "Tigray") == 0);
  DocRecord warning = ExtractText("Obama gave Russian President Vladimir Putin a stern and personal warning to stop "
                                  "its activities.\n");
  CHECK(Asserted(warning, "Barack Obama", RelationType::kThreatened, "Vladimir Putin"));
}

TEST_CASE("extractor: a group noun after a named group's acronym is the group", "[ingest][extractor]") {
  DocRecord rec = ExtractText("Twenty New People's Army (NPA) rebels surrendered to the police in Camarines Norte "
                              "on Monday.\n");
  CHECK(Asserted(rec, "New People's Army", RelationType::kConcededTo, "Philippine police"));
  CHECK(Count(rec, "Philippine rebels", RelationType::kConcededTo, "") == 0);
}

TEST_CASE("extractor: the ministers of two countries are both countries", "[ingest][extractor]") {
  DocRecord rec = ExtractText("The foreign ministers of India and Pakistan have concluded another round of peace "
                              "talks.\n");
  CHECK((Asserted(rec, "Pakistan", RelationType::kMetWith, "India") ||
         Asserted(rec, "India", RelationType::kMetWith, "Pakistan")));
}

TEST_CASE("extractor: a demand on a place asks something of it, and a described subject is no second subject", "[ingest][extractor]") {
  DocRecord demand = ExtractText("EU Sets Date for Turkey Talks, Demands Concession on Cyprus\n");
  CHECK(Asserted(demand, "European Union", RelationType::kCalledOn, "Cyprus"));
  CHECK(Count(demand, "", RelationType::kAttacked, "") == 0);
  // "candidates opposing Karzai withdrew": Karzai is what they oppose, not a
  // second subject of "withdrew" and of the accusation after it.
  DocRecord opposing = ExtractText("All 15 candidates opposing U.S.-backed interim President Hamid Karzai withdrew, "
                                   "charging the government and the U.N. with fraud.\n");
  CHECK(Count(opposing, "Hamid Karzai", RelationType::kArrested, "") == 0);
  CHECK(Count(opposing, "Hamid Karzai", RelationType::kWithdrewFrom, "") == 0);
}

TEST_CASE("extractor: a document about a game has no battles, and the Olympics alone do not make one", "[ingest][extractor]") {
  DocRecord cricket = ExtractText("Cricket: Pakistan edge ahead\n\nPakistan take a slim lead over Sri Lanka by the end of "
                                  "the day two in the first Test.\n");
  CHECK(Count(cricket, "Pakistan", RelationType::kSeized, "") == 0);
  DocRecord security = ExtractText("Greece tightens security before the Olympics.\n\nGreek police arrested two Albanian "
                                   "nationals near Athens on Monday.\n");
  CHECK(Asserted(security, "Greek police", RelationType::kArrested, "Albania"));
}

TEST_CASE("extractor: a headline's people acting, and a headline's murdered official as victim", "[ingest][extractor]") {
  DocRecord decry = ExtractText("Sudanese Decry UN Threat of Sanctions\n");
  CHECK(Asserted(decry, "Sudan", RelationType::kCondemned, "United Nations"));
  DocRecord murdered = ExtractText("US official murdered in Baghdad\n");
  CHECK(Count(murdered, "United States", RelationType::kKilled, "") == 0);
}

TEST_CASE("extractor: armed groups and bases of the curated lexicon", "[ingest][extractor]") {
  DocRecord rec = ExtractText("Hezb-e-Islami also threatened to shell Bagram, the military airfield 15 miles north of "
                              "Kabul.\n");
  CHECK(Asserted(rec, "Hezb-e-Islami", RelationType::kThreatened, "Bagram Air Base"));
}

TEST_CASE("extractor: joining in a thing is joining it", "[ingest][extractor]") {
  DocRecord refused = ExtractText("Russia has refused to join in the NATO exercises.\n");
  CHECK(Asserted(refused, "Russia", RelationType::kRejected, "North Atlantic Treaty Organization"));
  DocRecord joined = ExtractText("Turkey joined in the NATO exercises.\n");
  CHECK((Asserted(joined, "Turkey", RelationType::kCooperatedWith, "North Atlantic Treaty Organization") ||
         Asserted(joined, "North Atlantic Treaty Organization", RelationType::kCooperatedWith, "Turkey")));
}

TEST_CASE("extractor: a past participle with an object after a root noun is the verb, unless the noun is the headline's verb", "[ingest][extractor]") {
  DocRecord missiles = ExtractText("Israeli missiles struck a house in Gaza City.\n");
  CHECK(Asserted(missiles, "Israel", RelationType::kAttacked, "Gaza City"));
  DocRecord bombs = ExtractText("Pakistan bombs suspected al-Qaida camp\n");
  CHECK(Count(bombs, "Pakistan", RelationType::kCondemned, "") == 0);
  CHECK(Count(bombs, "Pakistan", RelationType::kBlamed, "") == 0);
}

TEST_CASE("extractor: the republic or city of X is X, not the word before it", "[ingest][extractor]") {
  DocRecord rec = ExtractText("The Bush administration may impose sanctions against leaders of the former Soviet "
                              "republic of Belarus.\n");
  CHECK(Any(rec, "Bush", RelationType::kSanctioned, "Belarus"));
  CHECK(Count(rec, "", RelationType::kSanctioned, "Soviet Union") == 0);
}

TEST_CASE("extractor: what a verb bars its object from doing is the object's, named or not", "[ingest][extractor]") {
  DocRecord rec = ExtractText("A Turkish court has released German journalist Mesale Tolu after nearly eight months in "
                              "prison but barred her from leaving Turkey.\n");
  CHECK(Count(rec, "Turkish judiciary", RelationType::kWithdrewFrom, "") == 0);
}

TEST_CASE("extractor: the neighbour a border is with is no party to the act", "[ingest][extractor]") {
  DocRecord rec = ExtractText("The Kurds said Baghdad's forces had attacked their fighters near the border with "
                              "Turkey.\n");
  CHECK(Count(rec, "", RelationType::kAttacked, "Turkey") == 0);
}

TEST_CASE("extractor: an epithet after 'the' is the country named before it", "[ingest][extractor]") {
  DocRecord opec = ExtractText("US President Donald Trump on Tuesday reneged on an international nuclear accord with "
                               "Iran and announced renewed sanctions against the OPEC member.\n");
  CHECK(Asserted(opec, "Donald Trump", RelationType::kSanctioned, "Iran"));
  CHECK(Count(opec, "", RelationType::kSanctioned, "Organization of the Petroleum Exporting Countries") == 0);
  DocRecord plagued = ExtractText("Shooting erupted outside Haiti's presidential palace on Wednesday. Colin Powell was "
                                  "inside talking with the interim leaders of the violence-plagued country.\n");
  CHECK((Any(plagued, "Colin Powell", RelationType::kNegotiatedWith, "Haiti") ||
         Any(plagued, "Haiti", RelationType::kNegotiatedWith, "Colin Powell")));
  // A modifier use names nothing: "the state media".
  DocRecord media = ExtractText("Iran said on Monday that the state media would broadcast the talks.\n");
  CHECK(Count(media, "", RelationType::kCommentedOn, "Iran") == 0);
}

TEST_CASE("extractor: what one warns against is no act of one's own", "[ingest][extractor]") {
  DocRecord rec = ExtractText("French President Emmanuel Macron warned against scrapping the nuclear agreement with "
                              "Iran.\n");
  CHECK(Count(rec, "Emmanuel Macron", RelationType::kReducedRelationsWith, "Iran") == 0);
}

TEST_CASE("extractor: a clause's subject read as the object of 'after' is the clause's subject", "[ingest][extractor]") {
  DocRecord rec = ExtractText("President Vladimir Putin has cancelled a planned visit to Paris, after French President "
                              "Francois Hollande accused Syrian troops of committing a war crime.\n");
  CHECK(Asserted(rec, "Francois Hollande", RelationType::kBlamed, "Syrian Arab Army"));
  CHECK(Count(rec, "Vladimir Putin", RelationType::kBlamed, "") == 0);
}

TEST_CASE("extractor: what a refused plea was for is not done", "[ingest][extractor]") {
  DocRecord rec = ExtractText("Australia turns down plea for more troops to protect UN staff in Iraq\n");
  const Modality asserted = Modality::kAsserted;
  CHECK(Count(rec, "Australia", RelationType::kAided, "United Nations", &asserted) == 0);
}

TEST_CASE("extractor: softening a stance yields and shunning rejects and handing over goods aids", "[ingest][extractor]") {
  DocRecord soft = ExtractText("Cuba eased its tough stance against Spain on Monday.\n");
  CHECK(Asserted(soft, "Cuba", RelationType::kConcededTo, "Spain"));
  DocRecord shun = ExtractText("The Palestinians shunned the Israeli plan.\n");
  CHECK(Asserted(shun, "Palestine", RelationType::kRejected, "Israel"));
  CHECK(Count(shun, "Palestine", RelationType::kCoerced, "Israel") == 0);
  DocRecord goods = ExtractText("The EU handed over essential medical supplies to the Malian government.\n");
  CHECK(Asserted(goods, "European Union", RelationType::kAided, "Mali"));
  DocRecord advisers = ExtractText("Britain sent 50 military advisers to Sierra Leone.\n");
  CHECK(Asserted(advisers, "United Kingdom", RelationType::kAided, "Sierra Leone"));
}

TEST_CASE("extractor: a country's hostage or journalist stands for the country as the target of an act",
          "[ingest][extractor]") {
  DocRecord hostage = ExtractText("A Japanese hostage held in Iraq has been killed by his captors, Iraqi kidnappers.\n");
  CHECK(Count(hostage, "", RelationType::kKilled, "Japan") == 1);
  DocRecord seized = ExtractText("An Italian journalist was snatched by Iraqi insurgents in Baghdad on Monday.\n");
  int hostile = 0;
  for (RelationType type : {RelationType::kSeized, RelationType::kCoerced, RelationType::kAttacked})
    hostile += Count(seized, "Iraqi insurgents", type, "Italy");
  CHECK(hostile == 1);
}

TEST_CASE("extractor: the one a passive accusation accuses did what it is accused of as reported", "[ingest][extractor]") {
  DocRecord passive = ExtractText("A Thai policeman was accused of killing a British couple near a tourist resort.\n");
  const Modality reported = Modality::kReported;
  CHECK(Count(passive, "Thai police", RelationType::kKilled, "United Kingdom", &reported) == 1);
  DocRecord participle = ExtractText("Four US soldiers charged with abusing Iraqi prisoners face hearings in Germany.\n");
  CHECK(Count(participle, "United States Armed Forces", RelationType::kAttacked, "Iraq", &reported) == 1);
}

TEST_CASE("extractor: surviving or escaping an attack was being attacked by its author", "[ingest][extractor]") {
  DocRecord survived = ExtractText("A senior Hamas leader survived an Israeli assassination attempt in Gaza on Wednesday.\n");
  CHECK(Asserted(survived, "Israel", RelationType::kAttacked, "Hamas"));
  DocRecord escaped = ExtractText("The Afghan governor escaped a Taliban ambush on Monday.\n");
  CHECK(Asserted(escaped, "Taliban", RelationType::kAttacked, "Afghanistan"));
}

TEST_CASE("extractor: two parties agreeing to a deal agree with each other", "[ingest][extractor]") {
  DocRecord rec = ExtractText("India and Pakistan agreed to a prisoner swap.\n");
  CHECK(Count(rec, "", RelationType::kAgreedWith, "") == 1);
  CHECK((Asserted(rec, "India", RelationType::kAgreedWith, "Pakistan") ||
         Asserted(rec, "Pakistan", RelationType::kAgreedWith, "India")));
}

TEST_CASE("extractor: a group acts through its leaders and fighters but one rebel is a person", "[ingest][extractor]") {
  DocRecord leaders = ExtractText("Several rebel leaders in Darfur called on Nigeria to intervene.\n");
  CHECK(Asserted(leaders, "Sudanese rebels", RelationType::kAppealedTo, "Nigeria"));
  DocRecord fighters = ExtractText("Militia fighters attacked US troops in Baghdad on Monday.\n");
  CHECK(Asserted(fighters, "Iraqi militia", RelationType::kAttacked, "United States Armed Forces"));
  // A titled leader stays the person the title names.
  DocRecord titled = ExtractText("Rebel leader John Garang met Kenyan officials.\n");
  CHECK(Count(titled, "John Garang", RelationType::kMetWith, "Kenya") + Count(titled, "Kenya", RelationType::kMetWith, "John Garang") == 1);
}

TEST_CASE("extractor: a seat's bid is its state's and a place before a group is part of the group's phrase",
          "[ingest][extractor]") {
  DocRecord rec = ExtractText("Darfur rebels reject Khartoum bid to split them ahead of talks\n\nThe rebels met on Monday.\n");
  CHECK(Asserted(rec, "Sudanese rebels", RelationType::kRejected, "Sudan"));
  CHECK(Count(rec, "Darfur", RelationType::kRejected, "") == 0);
  // A seat demanded of is its state.
  DocRecord demanded = ExtractText("The European Union on Thursday demanded Washington explain how it subsidizes Boeing.\n");
  CHECK(Asserted(demanded, "European Union", RelationType::kCalledOn, "United States"));
}

TEST_CASE("extractor: threatening one's own state's money is no threat to it", "[ingest][extractor]") {
  DocRecord rec = ExtractText(
      "French President Emmanuel Macron has sent a letter to the head of the World Health Organization (WHO) "
      "threatening to pull French funding permanently.\n");
  CHECK(Count(rec, "", RelationType::kThreatened, "France") == 0);
}

TEST_CASE("extractor: whom an appeal is for is not whom it is made to", "[ingest][extractor]") {
  DocRecord rec = ExtractText("The UN launched a 210-million-dollar appeal for flood-hit Bangladesh on Monday.\n");
  CHECK(Count(rec, "United Nations", RelationType::kAppealedTo, "Bangladesh") == 0);
  // A request for someone is about them.
  DocRecord request = ExtractText("A Spanish court rejected an extradition request for Chile's former leader Augusto Pinochet.\n");
  CHECK(Count(request, "", RelationType::kRejected, "") >= 1);
}

TEST_CASE("extractor: declaring a state of siege in a place coerces it", "[ingest][extractor]") {
  DocRecord rec = ExtractText("Bolivian President Evo Morales declared a state of siege in Pando on Friday.\n");
  CHECK(Asserted(rec, "Evo Morales", RelationType::kCoerced, "Pando"));
}

TEST_CASE("extractor: calling for sanctions against someone demands them against them", "[ingest][extractor]") {
  DocRecord rec = ExtractText("Greek Foreign Minister Nikos Dendias on Monday called for sanctions against Turkey.\n");
  CHECK(Asserted(rec, "Nikos Dendias", RelationType::kCalledOn, "Turkey"));
  // A call for calm is aimed at no one named.
  DocRecord calm = ExtractText("Israel called for calm in Gaza on Monday.\n");
  CHECK(Count(calm, "Israel", RelationType::kCalledOn, "Gaza Strip") == 0);
}

TEST_CASE("extractor: an act blamed on someone accuses them", "[ingest][extractor]") {
  DocRecord rec = ExtractText("Kenya blamed the bombing on al-Shabaab.\n");
  CHECK(Asserted(rec, "Kenya", RelationType::kBlamed, "Al-Shabaab"));
  CHECK(Count(rec, "Kenya", RelationType::kCondemned, "Al-Shabaab") == 0);
}

TEST_CASE("extractor: a bomb set off outside a building attacks the building", "[ingest][extractor]") {
  DocRecord rec = ExtractText("Hamas gunmen detonated a car bomb outside the Israeli embassy in Cairo on Monday.\n");
  CHECK(Asserted(rec, "Hamas", RelationType::kAttacked, "Israel Embassy in Egypt"));
}

TEST_CASE("extractor: a headline short of title case gives its event words in lower case", "[ingest][extractor]") {
  // Capitalised, "Fires" reads as a name to the tagger; lower case, as the verb.
  DocRecord rec = ExtractText("U.S. Jet Fires at House in Fallujah\n\nThe jet fired on Monday.\n");
  CHECK(Asserted(rec, "United States", RelationType::kAttacked, "Fallujah"));
}

TEST_CASE("extractor: a verb read as a clause of a noun inside the subject's phrase is the sentence's verb",
          "[ingest][extractor]") {
  // An appeal "on" an actor after the day it was made.
  DocRecord appeal = ExtractText("Rebel commanders from the Darfur region of Sudan called on Friday on Chad to "
                                 "mediate.\n");
  CHECK(Asserted(appeal, "Sudanese rebels", RelationType::kAppealedTo, "Chad"));
  // The infinitive of a verb of intention: a plot is a threat.
  DocRecord plot = ExtractText("Colombian rebels plotted to kill the Peruvian president during a visit.\n");
  CHECK(Asserted(plot, "Colombian rebels", RelationType::kThreatened, "Peru"));
  // A headline's present verb read as a clause beside its subject.
  DocRecord headline = ExtractText("Police in Nigeria arrest Ghanaian traders in Lagos market\n");
  CHECK(Asserted(headline, "Nigerian police", RelationType::kArrested, "Ghana"));
  // A verb that takes its object passive stays the noun's clause.
  DocRecord passive = ExtractText("Soldiers ordered to leave Kenya.\n");
  CHECK(Count(passive, "", RelationType::kWithdrewFrom, "") == 0);
}

TEST_CASE("extractor: a people's name the lexicon lacks names the group after it", "[ingest][extractor]") {
  DocRecord rec = ExtractText("Turkish troops shelled Kurdish fighters near the Iraqi border on Sunday.\n");
  CHECK(Asserted(rec, "Turkish Armed Forces", RelationType::kAttacked, "Kurdish fighters"));
  DocRecord rebels = ExtractText("Tuareg rebels seized the town of Kidal from Malian troops.\n");
  CHECK(Asserted(rebels, "Tuareg rebels", RelationType::kSeized, "Kidal"));
  // A faith names no group of its own: the militiamen are their scene's.
  DocRecord faith = ExtractText("Shiite militiamen fired on British troops in Basra.\n");
  CHECK(Count(faith, "Shiite militiamen", RelationType::kAttacked, "") == 0);
  // A common word before the group is no name.
  DocRecord armed = ExtractText("Armed rebels attacked a Chadian convoy.\n");
  CHECK(Count(armed, "Armed rebels", RelationType::kAttacked, "") == 0);
  // A business group is a firm's, and two capitalised words are a name the
  // lexicon lacks.
  DocRecord firm = ExtractText("The Lindqvist group bought a stake in a Finnish bank.\n");
  for (const auto& e : firm.entities) CHECK(e.name != "Lindqvist groups");
  DocRecord name = ExtractText("Viet Cong rebels attacked a French convoy near Hue.\n");
  for (const auto& e : name.entities) CHECK(e.name != "Cong rebels");
}

TEST_CASE("extractor: the agent of a participle of pursuit or harm is not the noun's actor", "[ingest][extractor]") {
  // An imam the arrest is of is not the state that wants him.
  DocRecord rec = ExtractText("Italy arrests imam wanted by Egypt for recruiting fighters\n");
  CHECK(Count(rec, "Italy", RelationType::kArrested, "Egypt") == 0);
}

TEST_CASE("extractor: an appeal with an object is made to the object, not to whom its 'for' phrase names",
          "[ingest][extractor]") {
  DocRecord rec =
      ExtractText("British Foreign Secretary Jack Straw asked his Arab counterparts for support on the Syria issue.\n");
  CHECK(Count(rec, "Jack Straw", RelationType::kAppealedTo, "Syria") == 0);
}

TEST_CASE("extractor: a state's forces or organs do not attack the state they serve", "[ingest][extractor]") {
  DocRecord rec =
      ExtractText("Kenyan police said they had foiled a plot by a cell planning to attack the country's parliament.\n");
  CHECK(Count(rec, "Kenyan police", RelationType::kAttacked, "Kenya") == 0);
  // Another state's forces still do.
  DocRecord other = ExtractText("Ugandan troops attacked Kenya on Monday.\n");
  CHECK(Any(other, "", RelationType::kAttacked, "Kenya"));
}

TEST_CASE("extractor: pulling out the forces one keeps in a country withdraws them from it", "[ingest][extractor]") {
  DocRecord rec = ExtractText("The African Union urged Uganda to pull out its troops in Congo.\n");
  CHECK(Any(rec, "Uganda", RelationType::kWithdrewFrom, "Republic of the Congo"));
  CHECK(Count(rec, "", RelationType::kReducedRelationsWith, "") == 0);
  CHECK(Count(rec, "African Union", RelationType::kWithdrewFrom, "") == 0);
}

TEST_CASE("extractor: a visit to one's own state's forces meets no one", "[ingest][extractor]") {
  DocRecord own = ExtractText("British Prime Minister Tony Blair visited British troops in Basra on Monday.\n");
  CHECK(Count(own, "", RelationType::kMetWith, "") == 0);
  // Another state's forces are met.
  DocRecord other = ExtractText("British Prime Minister Tony Blair visited Iraqi troops in Basra on Monday.\n");
  CHECK(Asserted(other, "Tony Blair", RelationType::kMetWith, "Iraqi Army"));
}

TEST_CASE("extractor: a statement to one's own state's people is no event between actors, an appeal is one",
          "[ingest][extractor]") {
  DocRecord spoke = ExtractText("Kenyan President Mwai Kibaki addressed Kenyan crowds in Nairobi on Saturday.\n");
  CHECK(Count(spoke, "Mwai Kibaki", RelationType::kCommentedOn, "") == 0);
  DocRecord urged = ExtractText("Kenyan President Mwai Kibaki urged Kenyan protesters to go home.\n");
  CHECK(Asserted(urged, "Mwai Kibaki", RelationType::kAppealedTo, "Kenyan protesters"));
}

TEST_CASE("extractor: a state's private people do not act for it", "[ingest][extractor]") {
  // Its people by their plural demonym.
  DocRecord people = ExtractText("Somalis vow to kill Kenyan hostage unless ransom paid\n");
  CHECK(Count(people, "Somalia", RelationType::kThreatened, "") == 0);
  CHECK(Count(people, "Somalia", RelationType::kKilled, "") == 0);
  // The state named acts.
  DocRecord state = ExtractText("Somalia vows to expel Kenyan diplomats\n");
  CHECK(Asserted(state, "Somalia", RelationType::kThreatened, "Kenya"));
  // A private person its demonym modifies, also as a relative clause's antecedent.
  DocRecord journalist = ExtractText(
      "A British journalist freed by kidnappers in Gaza has criticised Foreign Secretary Jack Straw.\n");
  CHECK(Count(journalist, "United Kingdom", RelationType::kCondemned, "Jack Straw") == 0);
  DocRecord nationals = ExtractText("Police are hunting Kuwaiti nationals who sent money to Iraqi insurgents.\n");
  CHECK(Count(nationals, "Kuwait", RelationType::kAided, "") == 0);
  // Its forces do act for it.
  DocRecord troops = ExtractText("Pakistani troops attacked Afghan militants.\n");
  CHECK(Asserted(troops, "Pakistan Armed Forces", RelationType::kAttacked, "Afghan militants"));
}

TEST_CASE("extractor: forces deployed to a place are deployed there, not pledged", "[ingest][extractor]") {
  DocRecord rec = ExtractText("Nigeria will deploy forces to Darfur next month.\n");
  CHECK(Any(rec, "Nigeria", RelationType::kDeployedTo, "Darfur"));
}

TEST_CASE("extractor: support for a war is not support for the state it is fought in, unless peace ends it",
          "[ingest][extractor]") {
  DocRecord war = ExtractText("Australia's support for the Iraq war would impede the fight against terrorism.\n");
  CHECK(Count(war, "Australia", RelationType::kSupported, "Iraq") == 0);
  DocRecord peace = ExtractText("Russia ready to contribute to settlement of South Ossetia conflict\n");
  CHECK(Asserted(peace, "Russia", RelationType::kPledgedTo, "South Ossetia"));
}

TEST_CASE("extractor: drawing fire or criticism from someone is being criticised by them", "[ingest][extractor]") {
  DocRecord fire = ExtractText("The Israeli raid drew fire from Egypt on Monday.\n");
  CHECK(Asserted(fire, "Egypt", RelationType::kCondemned, "Israel"));
  CHECK(Count(fire, "Israel", RelationType::kAttacked, "Egypt") == 0);
  DocRecord criticism = ExtractText("The Israeli plan drew sharp criticism from Egypt on Monday.\n");
  CHECK(Asserted(criticism, "Egypt", RelationType::kCondemned, "Israel"));
}

TEST_CASE("extractor: a compound of authorship names who made what a response is aimed at", "[ingest][extractor]") {
  DocRecord vetoed = ExtractText("China vetoed a British-drafted resolution on Myanmar on Tuesday.\n");
  CHECK(Asserted(vetoed, "China", RelationType::kRejected, "United Kingdom"));
  CHECK(Count(vetoed, "China", RelationType::kRejected, "Myanmar") == 0);
  // Authorship relates its actor to no name after it.
  DocRecord truce = ExtractText("A Qatari-brokered Darfur truce collapsed within a week.\n");
  CHECK(Count(truce, "Darfur", RelationType::kBackedBy, "") == 0);
  CHECK(Count(truce, "", RelationType::kBackedBy, "Qatar") == 0);
}

TEST_CASE("extractor: mujahideen are rebels, and unnamed parties a demand addresses are their place's",
          "[ingest][extractor]") {
  DocRecord mujahideen = ExtractText("Pakistan halted arms shipments to the Afghan mujahideen last spring.\n");
  CHECK(Asserted(mujahideen, "Pakistan", RelationType::kReducedRelationsWith, "Afghan rebels"));
  DocRecord parties = ExtractText("The Egyptian foreign minister said all armed factions in Libya must lay down "
                                  "their weapons.\n");
  CHECK(Asserted(parties, "Egypt", RelationType::kCalledOn, "Libya"));
  // Whatever else must happen is no demand on the place it names.
  DocRecord other = ExtractText("The Egyptian foreign minister said the fighting in Libya must stop.\n");
  CHECK(Count(other, "", RelationType::kCalledOn, "Libya") == 0);
}

TEST_CASE("extractor: an inquiry where those sent go, and a purpose done only as its act is", "[ingest][extractor]") {
  DocRecord sent = ExtractText("France has sent a team of experts to Chad to investigate the killing of a "
                               "journalist.\n");
  CHECK(Asserted(sent, "France", RelationType::kInvestigated, "Chad"));
  DocRecord future = ExtractText("Norway will send a team of experts to Chad to investigate the killing of a "
                                 "journalist.\n");
  CHECK(Count(future, "Norway", RelationType::kInvestigated, "Chad") == 1);
  CHECK(!Asserted(future, "Norway", RelationType::kInvestigated, "Chad"));
}

TEST_CASE("extractor: claiming responsibility for an attack reports the claimant's attack", "[ingest][extractor]") {
  DocRecord rec = ExtractText("Al-Shabaab claimed responsibility for the bombing in Mogadishu on Sunday.\n");
  CHECK(Count(rec, "Al-Shabaab", RelationType::kAttacked, "Mogadishu") == 1);
  CHECK(!Asserted(rec, "Al-Shabaab", RelationType::kAttacked, "Mogadishu"));
  // Announcing is no claim of responsibility: a verb of attribution's own
  // patterns stay out.
  DocRecord announced = ExtractText("Egypt announced a peace initiative for Libya on Monday.\n");
  CHECK(Count(announced, "Egypt", RelationType::kCommentedOn, "") == 0);
}

TEST_CASE("extractor: the name after an opening participle's comma is the verb's subject", "[ingest][extractor]") {
  DocRecord rec = ExtractText("Striking a personal note, Prime Minister Narendra Modi today invited Nepal to resume "
                              "talks.\n");
  CHECK(Asserted(rec, "Narendra Modi", RelationType::kMetWith, "Nepal"));
}

TEST_CASE("extractor: a quantity's of-phrase is the object a pattern names", "[ingest][extractor]") {
  DocRecord rec = ExtractText("Chad responded by destroying most of the Libyan air force.\n");
  CHECK(Asserted(rec, "Chad", RelationType::kAttacked, "Libyan Armed Forces"));
}

TEST_CASE("extractor: a name's lower-case particle is no role noun to the parser", "[ingest][extractor]") {
  DocRecord rec = ExtractText("Tribal leaders at Iraq's national assembly called on radical cleric Muqtada al-Sadr to "
                              "disband his militia.\n");
  CHECK(Asserted(rec, "Council of Representatives of Iraq", RelationType::kAppealedTo, "Muqtada al-Sadr"));
}

TEST_CASE("extractor: a headline's passive with an agent, and its event noun read as an adjective",
          "[ingest][extractor]") {
  DocRecord passive = ExtractText("Japanese hostage killed by Iraqi kidnappers\n\nThe body was found on Sunday.\n");
  CHECK(Asserted(passive, "Iraqi kidnappers", RelationType::kKilled, "Japan"));
  // A means after "by" is no agent.
  DocRecord means = ExtractText("The Israeli army sealed off the West Bank on Monday by closing the crossings.\n");
  CHECK(Count(means, "", RelationType::kKilled, "") == 0);
  DocRecord offensive = ExtractText("Nigeria army unleashes offensive in Borno\n\nFighting went on all day.\n");
  CHECK(Asserted(offensive, "Nigerian Army", RelationType::kAttacked, "Borno"));
}

TEST_CASE("extractor: parties agreeing on what they will do agree with each other", "[ingest][extractor]") {
  DocRecord rec = ExtractText("Ecuador and Colombia agreed to hold joint border patrols next year.\n");
  CHECK((Asserted(rec, "Ecuador", RelationType::kAgreedWith, "Colombia") ||
         Asserted(rec, "Colombia", RelationType::kAgreedWith, "Ecuador")));
  DocRecord failed = ExtractText("Ecuador and Colombia failed to agree on Monday on a joint border force.\n");
  CHECK(!Asserted(failed, "Ecuador", RelationType::kAgreedWith, "Colombia"));
  CHECK(!Asserted(failed, "Colombia", RelationType::kAgreedWith, "Ecuador"));
}

TEST_CASE("extractor: a threat whose act names no one else is aimed at whom its condition names",
          "[ingest][extractor]") {
  DocRecord rec = ExtractText("Niger threatened to close its border if Nigeria kept harbouring the rebels.\n");
  CHECK(Asserted(rec, "Niger", RelationType::kThreatened, "Nigeria"));
  // A condition on someone else's act names no target of the threatener's.
  DocRecord other = ExtractText("Niger threatened to expel French troops if talks failed.\n");
  CHECK(Count(other, "Niger", RelationType::kThreatened, "Nigeria") == 0);
}

TEST_CASE("extractor: a pledge may concern a region of no one country", "[ingest][extractor]") {
  DocRecord rec = ExtractText("India is willing to withdraw its troops from Kashmir.\n");
  CHECK(Asserted(rec, "India", RelationType::kPledgedTo, "Kashmir"));
}

TEST_CASE("extractor: pulling troops out of a place withdraws from it", "[ingest][extractor]") {
  DocRecord rec = ExtractText("Rwanda pulled its troops out of Burundi last year.\n");
  CHECK(Asserted(rec, "Rwanda", RelationType::kWithdrewFrom, "Burundi"));
}

TEST_CASE("extractor: backing what someone seeks supports them, not what they seek", "[ingest][extractor]") {
  DocRecord rec = ExtractText("Germany backed Japan's bid for a permanent seat on the UN Security Council on Monday.\n");
  CHECK(Asserted(rec, "Germany", RelationType::kSupported, "Japan"));
  CHECK(Count(rec, "Germany", RelationType::kSupported, "United Nations Security Council") == 0);
}

TEST_CASE("extractor: a headline's verb read as the subject of its object is the verb", "[ingest][extractor]") {
  DocRecord rec = ExtractText("UN plan draws fire in Kenya\n\nThe plan was published on Monday.\n");
  CHECK(Asserted(rec, "Kenya", RelationType::kCondemned, "United Nations"));
  CHECK(Count(rec, "United Nations", RelationType::kAttacked, "Kenya") == 0);
}

TEST_CASE("extractor: a plural event noun after an actor is no second verb", "[ingest][extractor]") {
  DocRecord rec = ExtractText("NATO shrugs off US demands to boost Afghan presence\n\nOfficials said so on Monday.\n");
  CHECK(Asserted(rec, "North Atlantic Treaty Organization", RelationType::kRejected, "United States"));
  CHECK(Count(rec, "United States", RelationType::kCalledOn, "Afghanistan") == 0);
  CHECK(Count(rec, "United States", RelationType::kDeployedTo, "Afghanistan") == 0);
}

TEST_CASE("extractor: a verb in -s before its object read as a plural subject is the verb", "[ingest][extractor]") {
  DocRecord rec = ExtractText("Egypt lifts blockade of Gaza in breakthrough deal with Israel.\n");
  CHECK(Count(rec, "Egypt", RelationType::kConcededTo, "Gaza Strip") == 1);
}

TEST_CASE("extractor: ending mediation efforts with a party reduces relations with it", "[ingest][extractor]") {
  DocRecord rec = ExtractText("Norway ended mediation efforts with the Tamil rebels on Friday.\n");
  CHECK(Asserted(rec, "Norway", RelationType::kReducedRelationsWith, "Tamil rebels"));
}

TEST_CASE("extractor: taking in a people's refugees grants them asylum", "[ingest][extractor]") {
  DocRecord rec = ExtractText("Canada accepted 2,000 Afghan refugees last year.\n");
  CHECK(Count(rec, "Canada", RelationType::kAided, "") == 1);
  CHECK(Count(rec, "Canada", RelationType::kPledgedTo, "") == 0);
}
