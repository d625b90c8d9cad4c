// The CAMEO verb dictionary converter (tools/lexicon/cameo_verbs.cc) on a
// small dictionary in PETRARCH format, written for this test.
#include "tools/lexicon/cameo_verbs.h"

#include <catch2/catch.hpp>
#include <string>
#include <tuple>

namespace geokg::tools::lexicon {
namespace {

constexpr std::string_view kDictionary = R"(# A test dictionary in the PETRARCH verb format.
# The MIT License (MIT) -- a notice the converter copies.

&LAUNCHERS_
+RIFLE
+MORTAR_TUBE

&MANY_
+A
+B
+C

####### VERB PATTERNS #######

---  PUMMEL   [190]  ---
PUMMEL {PUMMELS PUMMELLED PUMMELLING}
POUND
+STEP_UP
- * (AGAINST)                 [190]   # PUMMEL
- * +                         [190]
- * {CEASEFIRE PACTS}          [057]
- * &LAUNCHERS (AT +)          [194]
- * &MANY                      [194]
- TROOPS *                     [154]
- * (IN COURT)                 [173]
- * TALKS                      [:046]
- * BLUNDER                    [---]
- * OFF PLAN                   [160]
- * &UNDEFINED                 [190]
- * {NO RIFLE}                 [1224]

---  LIBERATE   [---]  ---
LIBERATE
UNSHACKLE [0841]
- * CAPTIVES                   [0841]
- * (FOR REASONS)              [0841]
- * (OF)                       [0841]
)";

const VerbLexEntry* Find(const CameoVerbConversion& c, std::string_view lemma, std::string_view particle,
                         std::string_view object, std::string_view prep) {
  for (const VerbLexEntry& e : c.entries)
    if (e.lemma == lemma && e.particle == particle && e.object == object && e.prep == prep) return &e;
  return nullptr;
}

TEST_CASE("cameo verbs: patterns become lexicon columns", "[tools][lexicon]") {
  CameoVerbConversion c = ConvertCameoVerbs(kDictionary, 2);
  CHECK(c.blocks == 2);
  CHECK(c.synonyms == 5);
  CHECK(c.patterns == 15);

  const VerbLexEntry* e = Find(c, "pummel", "", "", "");
  REQUIRE(e);
  CHECK(e->code == "190");
  CHECK(e->type == "attacked");
  e = Find(c, "pound", "", "", "against");
  REQUIRE(e);
  CHECK(e->type == "attacked");
  // "{CEASEFIRE PACTS}": the head noun, singular.
  e = Find(c, "pummel", "", "pact", "");
  REQUIRE(e);
  CHECK(e->code == "057");
  CHECK(e->type == "agreed-with");
  // A small synonym set as object, with the target after "at".
  for (const char* object : {"rifle", "tube"}) {
    e = Find(c, "pound", "", object, "at");
    REQUIRE(e);
    CHECK(e->code == "194");
  }
  // A multi-word verb: '+' marks the verb, "up" is its particle.
  e = Find(c, "step", "up", "", "");
  REQUIRE(e);
  CHECK(e->type == "attacked");
  CHECK(Find(c, "step", "up", "", "against"));
  // A particle in a pattern: "* OFF PLAN".
  e = Find(c, "pound", "off", "plan", "");
  REQUIRE(e);
  CHECK(e->type == "reduced-relations-with");
  // The block code "---": no bare entry; a verb's own code gives one.
  CHECK_FALSE(Find(c, "liberate", "", "", ""));
  e = Find(c, "unshackle", "", "", "");
  REQUIRE(e);
  CHECK(e->type == "released");
  e = Find(c, "liberate", "", "captive", "");
  REQUIRE(e);
  CHECK(e->code == "0841");
  // Nothing for what the columns cannot say.
  CHECK_FALSE(Find(c, "pummel", "", "talk", ""));
  CHECK_FALSE(Find(c, "pummel", "", "blunder", ""));
  CHECK_FALSE(Find(c, "pummel", "", "court", ""));
  CHECK_FALSE(Find(c, "liberate", "", "", "of"));
  CHECK_FALSE(Find(c, "liberate", "", "", "for"));

  CHECK(c.dropped["pattern: words before the verb"] == 1);
  CHECK(c.dropped["pattern: fixed prepositional phrase"] == 2);  // IN COURT, FOR REASONS
  CHECK(c.dropped["pattern: large synonym set"] == 1);
  CHECK(c.dropped["pattern: undefined synonym set"] == 1);
  // "{NO RIFLE}" would read as its opposite without the "no".
  CHECK(c.dropped["pattern: negated object"] == 1);
  CHECK_FALSE(Find(c, "pummel", "", "rifle", ""));
  CHECK(c.dropped["pattern: preposition that does not introduce the target"] == 1);
  CHECK(c.dropped["entry: reverse-only code [:b]"] == 3);  // once per verb of the block
  CHECK(c.dropped["entry: null code"] == 3);
  CHECK(c.dropped["verb: null code"] == 1);  // LIBERATE
}

TEST_CASE("cameo verbs: output is sorted and deterministic", "[tools][lexicon]") {
  CameoVerbConversion a = ConvertCameoVerbs(kDictionary);
  CameoVerbConversion b = ConvertCameoVerbs(kDictionary);
  std::string ta = FormatVerbLexicon(a.entries, "# header\n");
  CHECK(ta == FormatVerbLexicon(b.entries, "# header\n"));
  CHECK(ta.rfind("# header\n", 0) == 0);
  CHECK(ta.find("\npummel\t-\t-\t-\t190\tattacked\n") != std::string::npos);
  CHECK(ta.find("\nstep\tup\t-\t-\t190\tattacked\n") != std::string::npos);
  for (size_t i = 1; i < a.entries.size(); ++i) {
    const VerbLexEntry& x = a.entries[i - 1];
    const VerbLexEntry& y = a.entries[i];
    CHECK(std::tie(x.lemma, x.particle, x.object, x.prep) < std::tie(y.lemma, y.particle, y.object, y.prep));
  }
}

TEST_CASE("cameo verbs: conflicting patterns keep the better-supported type", "[tools][lexicon]") {
  // "strike deal" reads as an agreement twice and as an attack once.
  constexpr std::string_view kText = R"(---  HIT   [190]  ---
HIT
- * DEAL [057]
- * DEALS [057]

---  HIT_AGAIN   [---]  ---
HIT
- * DEAL [190]
)";
  CameoVerbConversion c = ConvertCameoVerbs(kText);
  const VerbLexEntry* e = Find(c, "hit", "", "deal", "");
  REQUIRE(e);
  CHECK(e->type == "agreed-with");
  CHECK(c.dropped["entry: conflict, another type kept for the same columns"] == 1);
}

TEST_CASE("cameo verbs: singular nouns", "[tools][lexicon]") {
  CHECK(SingularNoun("TALKS") == "talk");
  CHECK(SingularNoun("RALLIES") == "rally");
  CHECK(SingularNoun("TIES") == "tie");
  CHECK(SingularNoun("CRISIS") == "crisis");
  CHECK(SingularNoun("CRISES") == "crisis");
  CHECK(SingularNoun("MARCHES") == "march");
  CHECK(SingularNoun("PROCESS") == "process");
  CHECK(SingularNoun("STATUS") == "status");
  CHECK(SingularNoun("SANCTIONS") == "sanction");
  CHECK(SingularNoun("MEN") == "man");
}

}  // namespace
}  // namespace geokg::tools::lexicon
