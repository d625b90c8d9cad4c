// Ontology: the relation type table (complete PLOVER/CAMEO coverage, names in
// any case and separator), TypeForCameo, QuadClassOf, and the numbering that
// stored records depend on.
#include "graph/ontology.h"

#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "graph/ids.h"
#include "graph/store.h"
#include "graph/store_lmdb.h"
#include "tests/support/process.h"

namespace geokg::graph {
namespace {

// Stored relation keys hold the enumerator's numeric value: the 22 types a
// store could hold before the PLOVER extension keep their numbers.
static_assert(static_cast<int>(RelationType::kAlliedWith) == 0);
static_assert(static_cast<int>(RelationType::kLocatedIn) == 5);
static_assert(static_cast<int>(RelationType::kDeployedTo) == 6);
static_assert(static_cast<int>(RelationType::kAttacked) == 7);
static_assert(static_cast<int>(RelationType::kKilled) == 8);
static_assert(static_cast<int>(RelationType::kBlamed) == 10);
static_assert(static_cast<int>(RelationType::kMetWith) == 15);
static_assert(static_cast<int>(RelationType::kSanctioned) == 19);
static_assert(static_cast<int>(RelationType::kNegotiatedWith) == 21);
static_assert(static_cast<int>(RelationType::kCommentedOn) == 22);
static_assert(static_cast<int>(RelationType::kMassacred) == kRelationTypeCount - 1);

TEST_CASE("ontology: the type table is indexed by the enumerator", "[graph][ontology]") {
  auto types = AllRelationTypes();
  REQUIRE(types.size() == static_cast<size_t>(kRelationTypeCount));
  std::set<std::string> folded;
  for (size_t i = 0; i < types.size(); ++i) {
    CHECK(static_cast<size_t>(types[i].type) == i);
    CHECK(&InfoOf(types[i].type) == &types[i]);
    CHECK_FALSE(types[i].description.empty());
    CHECK(folded.insert(FoldSeparators(types[i].name)).second);
    if (types[i].structural) {
      CHECK(QuadClassOf(types[i].type) == 0);
    } else {
      CHECK(types[i].cameo.size() == 2);  // every event type has a CAMEO root
    }
  }
}

TEST_CASE("ontology: every PLOVER event type and CAMEO root has a type", "[graph][ontology]") {
  const std::vector<std::string> plover = {
      "AGREE",   "CONSULT", "SUPPORT",  "CONCEDE", "COOPERATE", "AID",      "RETREAT", "REQUEST",
      "ACCUSE",  "REJECT",  "THREATEN", "PROTEST", "SANCTION",  "MOBILIZE", "COERCE",  "ASSAULT"};
  for (const std::string& p : plover) {
    bool found = false;
    for (const auto& t : AllRelationTypes()) found |= !t.structural && t.plover == p;
    INFO(p);
    CHECK(found);
  }
  for (int root = 1; root <= 20; ++root) {
    std::string code = (root < 10 ? "0" : "") + std::to_string(root);
    bool in_table = false;
    for (const auto& t : AllRelationTypes()) in_table |= !t.structural && t.cameo == code;
    INFO(code);
    CHECK(in_table);
    auto type = TypeForCameo(code);
    REQUIRE(type);
    // A root maps to a type of the same quad class (18, unconventional
    // violence, to attacked, whose own root is 19).
    int quad = root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
    CHECK(QuadClassOf(*type) == quad);
  }
}

TEST_CASE("ontology: new type names parse in any case and separator", "[graph][ontology]") {
  CHECK(ParseRelationType("reduced-relations-with") == RelationType::kReducedRelationsWith);
  CHECK(ParseRelationType("REDUCED_RELATIONS_WITH") == RelationType::kReducedRelationsWith);
  CHECK(ParseRelationType("Reduced Relations With") == RelationType::kReducedRelationsWith);
  CHECK(ParseRelationType("ReducedRelationsWith") == RelationType::kReducedRelationsWith);
  CHECK(ParseRelationType("commented_on") == RelationType::kCommentedOn);
  CHECK(ParseRelationType("APPEALED-TO") == RelationType::kAppealedTo);
  CHECK(ParseRelationType("pledged to") == RelationType::kPledgedTo);
  CHECK(ParseRelationType("cooperatedWith") == RelationType::kCooperatedWith);
  CHECK(ParseRelationType("conceded.to") == RelationType::kConcededTo);
  CHECK(ParseRelationType("Released") == RelationType::kReleased);
  CHECK(ParseRelationType("INVESTIGATED") == RelationType::kInvestigated);
  CHECK(ParseRelationType("coerced") == RelationType::kCoerced);
  CHECK(ParseRelationType("Arrested") == RelationType::kArrested);
  CHECK(ParseRelationType("expelled") == RelationType::kExpelled);
  CHECK(ParseRelationType("seized") == RelationType::kSeized);
  // A name matches whole, not as a prefix or with more after it.
  CHECK(!ParseRelationType("reduced-relations").has_value());
  CHECK(!ParseRelationType("reduced-relations-with-x").has_value());
  CHECK(!ParseRelationType("").has_value());
  CHECK(ParseRelationType("FOUGHT") == RelationType::kFought);
  CHECK(ParseRelationType("massacred") == RelationType::kMassacred);
  CHECK(NameOf(RelationType::kCooperatedWith) == "cooperated-with");
  CHECK(SuggestRelationType("arested") == "arrested");
  CHECK(SuggestRelationType("reduced-relation-with") == "reduced-relations-with");
  CHECK(InfoOf(RelationType::kFought).symmetric);
  CHECK(InfoOf(RelationType::kCooperatedWith).symmetric);
  CHECK_FALSE(InfoOf(RelationType::kArrested).symmetric);
}

TEST_CASE("ontology: TypeForCameo takes the most specific prefix", "[graph][ontology]") {
  struct Row {
    const char* code;
    RelationType type;
  };
  const Row rows[] = {
      {"010", RelationType::kCommentedOn},  {"0241", RelationType::kAppealedTo},
      {"036", RelationType::kPledgedTo},    {"040", RelationType::kMetWith},
      {"042", RelationType::kMetWith},      {"046", RelationType::kNegotiatedWith},
      {"051", RelationType::kSupported},    {"057", RelationType::kAgreedWith},
      {"061", RelationType::kCooperatedWith}, {"0234", RelationType::kAppealedTo},
      {"073", RelationType::kAided},        {"081", RelationType::kConcededTo},
      {"0841", RelationType::kReleased},    {"0842", RelationType::kReleased},
      {"0871", RelationType::kConcededTo},  {"0874", RelationType::kWithdrewFrom},
      {"091", RelationType::kInvestigated}, {"1041", RelationType::kCalledOn},
      {"111", RelationType::kCondemned},    {"112", RelationType::kBlamed},
      {"1123", RelationType::kBlamed},      {"125", RelationType::kRejected},
      {"138", RelationType::kThreatened},   {"141", RelationType::kProtestedAgainst},
      {"154", RelationType::kDeployedTo},   {"161", RelationType::kReducedRelationsWith},
      {"166", RelationType::kReducedRelationsWith}, {"163", RelationType::kSanctioned},
      {"1722", RelationType::kCoerced},     {"1723", RelationType::kCoerced},
      {"171", RelationType::kSeized},       {"1711", RelationType::kSeized},
      {"1712", RelationType::kAttacked},    {"173", RelationType::kArrested},
      {"174", RelationType::kExpelled},     {"181", RelationType::kAttacked},
      {"183", RelationType::kAttacked},     {"1823", RelationType::kKilled},
      {"186", RelationType::kKilled},       {"190", RelationType::kAttacked},
      {"191", RelationType::kCoerced},      {"192", RelationType::kSeized},
      {"195", RelationType::kAttacked},     {"200", RelationType::kMassacred},
      {"201", RelationType::kExpelled},     {"202", RelationType::kMassacred},
      {"2041", RelationType::kAttacked},
  };
  for (const Row& r : rows) {
    INFO(r.code);
    auto t = TypeForCameo(r.code);
    REQUIRE(t);
    CHECK(NameOf(*t) == NameOf(r.type));
  }
  for (const char* bad : {"", "0", "---", "00", "21", "99", "1a", "19 ", "12345", "-19"}) {
    INFO(bad);
    CHECK_FALSE(TypeForCameo(bad));
  }
}

TEST_CASE("ontology: QuadClassOf", "[graph][ontology]") {
  CHECK(QuadClassOf(RelationType::kAlliedWith) == 0);  // structural, though CAMEO 06
  CHECK(QuadClassOf(RelationType::kBackedBy) == 0);
  CHECK(QuadClassOf(RelationType::kPartOf) == 0);
  CHECK(QuadClassOf(RelationType::kCommentedOn) == 1);
  CHECK(QuadClassOf(RelationType::kMetWith) == 1);
  CHECK(QuadClassOf(RelationType::kSupported) == 1);
  CHECK(QuadClassOf(RelationType::kCooperatedWith) == 2);
  CHECK(QuadClassOf(RelationType::kAided) == 2);
  CHECK(QuadClassOf(RelationType::kReleased) == 2);
  CHECK(QuadClassOf(RelationType::kInvestigated) == 2);
  CHECK(QuadClassOf(RelationType::kCalledOn) == 3);
  CHECK(QuadClassOf(RelationType::kBlamed) == 3);
  CHECK(QuadClassOf(RelationType::kProtestedAgainst) == 3);
  CHECK(QuadClassOf(RelationType::kDeployedTo) == 4);
  CHECK(QuadClassOf(RelationType::kArrested) == 4);
  CHECK(QuadClassOf(RelationType::kKilled) == 4);
  CHECK(QuadClassOf(RelationType::kMassacred) == 4);
}

TEST_CASE("ontology: a store holding only the original types reads unchanged",
          "[graph][ontology][store]") {
  // The key byte of a stored relation is the enumerator value.
  char key[17] = {};
  store_internal::EncodeRelationKey({EntityIdFor("A"), RelationType::kDeployedTo, EntityIdFor("B")}, key);
  CHECK(static_cast<uint8_t>(key[8]) == 6);
  store_internal::EncodeRelationKey({EntityIdFor("A"), RelationType::kNegotiatedWith, EntityIdFor("B")}, key);
  CHECK(static_cast<uint8_t>(key[8]) == 21);

  geokg::testing::TempDir dir;
  Entity a, b;
  a.name = "Atlantis";
  a.id = EntityIdFor(a.name);
  a.kind = EntityKind::kCountry;
  b.name = "Lemuria";
  b.id = EntityIdFor(b.name);
  b.kind = EntityKind::kCountry;
  DocRecord doc;
  doc.meta.id = DocIdFor("old types");
  doc.meta.source = "test";
  doc.entities = {a, b};
  std::set<std::string> written;
  for (int t = 0; t <= static_cast<int>(RelationType::kNegotiatedWith); ++t) {
    ExtractedRelation r;
    r.key = {a.id, static_cast<RelationType>(t), b.id};
    r.evidence.doc = doc.meta.id;
    r.evidence.sentence = static_cast<uint32_t>(t);
    r.evidence.trigger = "x";
    r.evidence.text = "x";
    doc.relations.push_back(r);
    written.insert(std::string(NameOf(r.key.type)));
  }
  {
    std::unique_ptr<Store> store;
    StoreOptions options;
    REQUIRE(Store::Open(dir.Path(), options, &store).ok());
    REQUIRE(store->Apply({doc}, nullptr).ok());
  }
  std::unique_ptr<Store> store;
  StoreOptions options;
  options.read_only = true;
  REQUIRE(Store::Open(dir.Path(), options, &store).ok());
  std::set<std::string> read;
  REQUIRE(store
              ->ForEachRelation([&](const RelationSummary& s) {
                read.insert(std::string(NameOf(s.key.type)));
                return true;
              })
              .ok());
  CHECK(read == written);
  StoreStats stats;
  REQUIRE(store->Stats(&stats).ok());
  for (int t = 0; t < kRelationTypeCount; ++t)
    CHECK(stats.relations_by_type[t] == (t <= 21 ? 1u : 0u));
}

}  // namespace
}  // namespace geokg::graph
