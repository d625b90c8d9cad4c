// Events from the dependency tree (ingest/events/tree_events.h) on
// hand-built parses, so that the rules are tested apart from the parser's
// accuracy; and one end-to-end check through the trained parser.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "graph/ontology.h"
#include "ingest/events/tree_events.h"
#include "ingest/extractor.h"
#include "ingest/parse/parser.h"
#include "ingest/text.h"
#include "ingest/verbs.h"
#include "tests/support/process.h"

namespace geokg::ingest {
namespace {

using graph::Modality;
using graph::RelationType;
using parse::Dep;
using parse::Upos;

// A small event lexicon written for these tests.
const EventLexicon& TestLexicon() {
  static std::unique_ptr<EventLexicon> lexicon = [] {
    geokg::testing::TempDir dir;
    std::ofstream(dir.path() / "verbs.cameo.tsv") << "# test verbs\n"
                                                     "agree\t-\t-\t-\t057\tagreed-with\n"
                                                     "arrest\t-\t-\t-\t173\tarrested\n"
                                                     "attack\t-\t-\t-\t190\tattacked\n"
                                                     "clash\t-\t-\t-\t190\tattacked\n"
                                                     "warn\t-\t-\t-\t130\tthreatened\n"
                                                     "strike\t-\t-\t-\t190\tattacked\n"
                                                     "kill\t-\t-\t-\t1823\tkilled\n"
                                                     "target\t-\t-\t-\t190\tattacked\n"
                                                     "face\t-\t-\t-\t040\tmet-with\n"
                                                     "hit\t-\t-\t-\t190\tattacked\n"
                                                     "visit\t-\t-\t-\t042\tmet-with\n"
                                                     "hold\t-\tsummit\t-\t043\tmet-with\n"
                                                     "fail\t-\t-\t-\t120\trejected\n"
                                                     "go\t-\t-\tto\t040\tmet-with\n"
                                                     "take\tover\t-\t-\t192\tseized\n"
                                                     "evacuate\t-\t-\t-\t0874\twithdrew-from\n"
                                                     "threaten\t-\t-\t-\t130\tthreatened\n"
                                                     "launch\t-\tattack\ton\t190\tattacked\n"
                                                     "meet\t-\t-\twith\t040\tmet-with\n"
                                                     "meet\t-\t-\t-\t040\tmet-with\n"
                                                     "release\t-\t-\t-\t0841\treleased\n"
                                                     "send\t-\ttroop\tto\t154\tdeployed-to\n"
                                                     "expel\t-\t-\t-\t174\texpelled\n"
                                                     "storm\t-\theadquarters\t-\t192\tseized\n"
                                                     "call\t-\t-\ton\t020\tappealed-to\n"
                                                     "reject\t-\tproposal\t-\t125\trejected\n"
                                                     "give\t-\tdeadline\t-\t130\tthreatened\n"
                                                     "deploy\t-\t-\tto\t150\tdeployed-to\n"
                                                     "dispatch\t-\t-\tto\t154\tdeployed-to\n"
                                                     "express\t-\tcondolence\t-\t018\tcommented-on\n"
                                                     "urge\t-\t-\t-\t020\tappealed-to\n"
                                                     "donate\t-\t-\tto\t070\taided\n"
                                                     "return\t-\t-\tto\t0842\treleased\n"
                                                     "express\t-\tpessimism\t-\t012\tcommented-on\n"
                                                     "cancel\t-\tvisit\t-\t1661\treduced-relations-with\n"
                                                     "declare\t-\tceasefire\tin\t0871\tconceded-to\n"
                                                     "arrive\t-\t-\t-\t040\tmet-with\n"
                                                     "ease\t-\trestriction\ton\t081\tconceded-to\n"
                                                     "impose\t-\tsanction\ton\t163\tsanctioned\n"
                                                     "send\t-\ttroop\tinto\t154\tdeployed-to\n"
                                                     "gather\t-\t-\t-\t040\tmet-with\n"
                                                     "hear\t-\t-\t-\t040\tmet-with\n"
                                                     "bring\t-\twarning\t-\t130\tthreatened\n"
                                                     "escape\t-\tattempt\t-\t080\tconceded-to\n"
                                                     "step\tup\teffort\t-\t150\tdeployed-to\n"
                                                     "issue\t-\torder\t-\t100\tcalled-on\n"
                                                     "influence\t-\t-\t-\t050\tsupported\n"
                                                     "form\t-\tgroup\t-\t060\tcooperated-with\n";
    // Generic verbs ("call", "leave") take only our own bare readings.
    std::ofstream(dir.path() / "verbs.geokg.tsv") << "# own\n"
                                                     "call\t-\t-\t-\t041\tmet-with\n"
                                                     "fight\t-\t-\t-\t190\tfought\n"
                                                     "battle\t-\t-\twith\t190\tfought\n"
                                                     "protest\t-\t-\t-\t140\tprotested-against\n"
                                                     "leave\t-\t-\t-\t0874\twithdrew-from\n"
                                                     "suspend\t-\t-\t-\t160\treduced-relations-with\tweak\n";
    std::ofstream(dir.path() / "nouns.geokg.tsv") << "# own nouns\n"
                                                     "aid\tto\t070\taided\n"
                                                     "invasion\tof\t192\tattacked\n"
                                                     "talk\tbetween\t040\tmet-with\n"
                                                     "deployment\tto\t154\tdeployed-to\n"
                                                     "tax\ton\t163\tsanctioned\tweak\n"
                                                     "sanction\ton\t163\tsanctioned\n"
                                                     "warning\tto\t130\tthreatened\n"
                                                     "deportation\tof\t174\texpelled\n"
                                                     "release\tof\t0841\treleased\n"
                                                     "restriction\ton\t172\tcoerced\n"
                                                     "demand\ton\t100\tcalled-on\tweak\n";
    auto out = std::make_unique<EventLexicon>();
    Status s = EventLexicon::Load(dir.path().string(), {}, out.get());
    INFO(s.message());
    REQUIRE(s.ok());
    return out;
  }();
  return *lexicon;
}

uint8_t Xpos(std::string_view name) {
  for (int i = 0; i < 256; ++i)
    if (parse::XposName(static_cast<uint8_t>(i)) == name) return static_cast<uint8_t>(i);
  FAIL("no xpos " << name);
  return 0;
}

// One hand-parsed sentence: tokens "word/UPOS/head/dep/lemma", heads
// 1-based as in CoNLL-U (0 = root); actors as {first, last, entity} token
// spans (0-based, inclusive).
struct Hand {
  std::vector<std::string> words;
  parse::SentenceParse parse;
  DocAnalysis doc;
  std::vector<int> mention_at;
};

struct Tok {
  const char* word;
  Upos upos;
  int head;
  Dep dep;
  const char* lemma;
  const char* xpos = "NN";
};
struct Actor {
  uint32_t first, last, entity;
};

std::unique_ptr<Hand> Build(const std::vector<Tok>& toks, const std::vector<Actor>& actors,
                            const std::vector<std::string>& entity_names) {
  auto h = std::make_unique<Hand>();
  for (const Tok& t : toks) {
    h->words.push_back(t.word);
    h->parse.upos.push_back(t.upos);
    h->parse.xpos.push_back(Xpos(t.xpos));
    h->parse.head.push_back(t.head - 1);
    h->parse.dep.push_back(t.dep);
    h->parse.lemma_key.push_back(TokenKey(t.lemma));
    h->parse.lemma_text += t.lemma;
    h->parse.lemma_end.push_back(static_cast<uint32_t>(h->parse.lemma_text.size()));
  }
  for (const std::string& name : entity_names) {
    graph::Entity e;
    e.name = name;
    h->doc.entities.push_back(e);
  }
  h->mention_at.assign(toks.size(), -1);
  for (const Actor& a : actors) {
    Mention m;
    m.first_token = a.first;
    m.last_token = a.last + 1;
    m.entity = a.entity;
    for (uint32_t i = a.first; i <= a.last; ++i)
      h->mention_at[i] = static_cast<int>(h->doc.mentions.size());
    h->doc.mentions.push_back(m);
  }
  return h;
}

struct Found {
  std::string source, type, target;
  Modality modality;
};

std::vector<Found> Run(const Hand& h) {
  std::vector<std::string_view> words(h.words.begin(), h.words.end());
  TreeInput in;
  in.doc = &h.doc;
  in.words = words;
  in.mention_at = h.mention_at;
  in.parse = &h.parse;
  in.lexicon = &TestLexicon();
  std::vector<TreeEvent> events;
  TreeScratch scratch;
  FindTreeEvents(in, &events, &scratch);
  std::vector<Found> out;
  for (const TreeEvent& e : events)
    out.push_back({h.doc.entities[h.doc.mentions[e.source].entity].name,
                   std::string(graph::NameOf(e.type)),
                   h.doc.entities[h.doc.mentions[e.target].entity].name, e.modality});
  return out;
}

TEST_CASE("a sentence is worth parsing only with an event word of the right part of speech", "[tree_events]") {
  // "Iran attacked Iraq": a lexicon verb tagged as a verb.
  auto verb = Build({{"Iran", Upos::kPropn, 2, Dep::kNsubj, "Iran", "NNP"},
                     {"attacked", Upos::kVerb, 0, Dep::kRoot, "attack", "VBD"},
                     {"Iraq", Upos::kPropn, 2, Dep::kObj, "Iraq", "NNP"}},
                    {}, {});
  CHECK(MayHoldTreeEvent(verb->parse, TestLexicon()));
  // "the attack": a verb of the lexicon tagged as a noun has no noun entry.
  auto noun = Build({{"the", Upos::kDet, 2, Dep::kDet, "the", "DT"},
                     {"attack", Upos::kNoun, 0, Dep::kRoot, "attack", "NN"}},
                    {}, {});
  CHECK_FALSE(MayHoldTreeEvent(noun->parse, TestLexicon()));
  // "the invasion" has one.
  auto invasion = Build({{"the", Upos::kDet, 2, Dep::kDet, "the", "DT"},
                         {"invasion", Upos::kNoun, 0, Dep::kRoot, "invasion", "NN"}},
                        {}, {});
  CHECK(MayHoldTreeEvent(invasion->parse, TestLexicon()));
  // A verb of saying ("said X must ...") and a stance adjective count.
  auto said = Build({{"Iran", Upos::kPropn, 2, Dep::kNsubj, "Iran", "NNP"},
                     {"said", Upos::kVerb, 0, Dep::kRoot, "say", "VBD"}},
                    {}, {});
  CHECK(MayHoldTreeEvent(said->parse, TestLexicon()));
  auto stance = Build({{"Iran", Upos::kPropn, 3, Dep::kNsubj, "Iran", "NNP"},
                       {"is", Upos::kAux, 3, Dep::kCop, "be", "VBZ"},
                       {"skeptical", Upos::kAdj, 0, Dep::kRoot, "skeptical", "JJ"}},
                      {}, {});
  CHECK(MayHoldTreeEvent(stance->parse, TestLexicon()));
  // Nothing of the kind: "Iran grew rapidly".
  auto none = Build({{"Iran", Upos::kPropn, 2, Dep::kNsubj, "Iran", "NNP"},
                     {"grew", Upos::kVerb, 0, Dep::kRoot, "grow", "VBD"},
                     {"rapidly", Upos::kAdv, 2, Dep::kAdvmod, "rapidly", "RB"}},
                    {}, {});
  CHECK_FALSE(MayHoldTreeEvent(none->parse, TestLexicon()));
  // Word by word (the tree pass asks it of the words that made a sentence
  // worth tagging): the verb, not its subject or object.
  CHECK(MayStartTreeEvent(verb->parse, TestLexicon(), 1));
  CHECK_FALSE(MayStartTreeEvent(verb->parse, TestLexicon(), 0));
  CHECK_FALSE(MayStartTreeEvent(verb->parse, TestLexicon(), 2));
  CHECK_FALSE(MayStartTreeEvent(noun->parse, TestLexicon(), 1));
  CHECK(MayStartTreeEvent(invasion->parse, TestLexicon(), 1));
  CHECK(MayStartTreeEvent(said->parse, TestLexicon(), 1));
  CHECK(MayStartTreeEvent(stance->parse, TestLexicon(), 2));
  CHECK_FALSE(MayStartTreeEvent(none->parse, TestLexicon(), 1));
}

TEST_CASE("coordinated subjects of a symmetric verb give one edge", "[tree_events]") {
  // Peru and Chile agreed to hold joint naval exercises .
  auto h = Build({{"Peru", Upos::kPropn, 4, Dep::kNsubj, "peru", "NNP"},
                  {"and", Upos::kCconj, 3, Dep::kCc, "and", "CC"},
                  {"Chile", Upos::kPropn, 1, Dep::kConj, "chile", "NNP"},
                  {"agreed", Upos::kVerb, 0, Dep::kRoot, "agree", "VBD"},
                  {"to", Upos::kPart, 6, Dep::kMark, "to", "TO"},
                  {"hold", Upos::kVerb, 4, Dep::kXcomp, "hold", "VB"},
                  {"joint", Upos::kAdj, 9, Dep::kAmod, "joint", "JJ"},
                  {"naval", Upos::kAdj, 9, Dep::kAmod, "naval", "JJ"},
                  {"exercises", Upos::kNoun, 6, Dep::kObj, "exercise", "NNS"},
                  {".", Upos::kPunct, 4, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {2, 2, 1}}, {"Peru", "Chile"});
  auto found = Run(*h);
  REQUIRE(found.size() == 1);
  CHECK(found[0].type == "agreed-with");
  CHECK(found[0].source == "Peru");
  CHECK(found[0].target == "Chile");
  CHECK(found[0].modality == Modality::kAsserted);
}

TEST_CASE("an act announced for the future is a future act and a threat now, not a reported act", "[tree_events]") {
  // Iran said it will attack Israel .
  auto h = Build({{"Iran", Upos::kPropn, 2, Dep::kNsubj, "Iran", "NNP"},
                  {"said", Upos::kVerb, 0, Dep::kRoot, "say", "VBD"},
                  {"it", Upos::kPron, 5, Dep::kNsubj, "it", "PRP"},
                  {"will", Upos::kAux, 5, Dep::kAux, "will", "MD"},
                  {"attack", Upos::kVerb, 2, Dep::kCcomp, "attack", "VB"},
                  {"Israel", Upos::kPropn, 5, Dep::kObj, "Israel", "NNP"},
                  {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {2, 2, 0}, {5, 5, 1}}, {"Iran", "Israel"});
  auto found = Run(*h);
  std::map<std::string, Modality> by_type;
  for (const Found& f : found) {
    CHECK(f.source == "Iran");
    CHECK(f.target == "Israel");
    by_type[f.type] = f.modality;
  }
  REQUIRE(by_type.count("attacked") == 1);
  CHECK(by_type["attacked"] == Modality::kFuture);
  REQUIRE(by_type.count("threatened") == 1);
  CHECK(by_type["threatened"] == Modality::kAsserted);
}

TEST_CASE("forces sent with no agent named are their own state's", "[tree_events]") {
  // Kenyan troops were sent to Haiti .
  auto h = Build({{"Kenyan", Upos::kAdj, 2, Dep::kAmod, "kenyan", "JJ"},
                  {"troops", Upos::kNoun, 4, Dep::kNsubjPass, "troop", "NNS"},
                  {"were", Upos::kAux, 4, Dep::kAuxPass, "be", "VBD"},
                  {"sent", Upos::kVerb, 0, Dep::kRoot, "send", "VBN"},
                  {"to", Upos::kAdp, 6, Dep::kCase, "to", "IN"},
                  {"Haiti", Upos::kPropn, 4, Dep::kObl, "Haiti", "NNP"},
                  {".", Upos::kPunct, 4, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {5, 5, 1}}, {"Kenya", "Haiti"});
  auto found = Run(*h);
  REQUIRE(found.size() == 1);
  CHECK(found[0].source == "Kenya");
  CHECK(found[0].type == "deployed-to");
  CHECK(found[0].target == "Haiti");
  // Something else sent ("letters were sent to Haiti") has no source.
  h->parse.lemma_key[1] = TokenKey("letter");
  CHECK(Run(*h).empty());
}

TEST_CASE("membership, affiliation and leadership stated by a noun", "[tree_events]") {
  // Lithuania and Germany are both members of NATO .
  auto copula = Build({{"Lithuania", Upos::kPropn, 6, Dep::kNsubj, "Lithuania", "NNP"},
                       {"and", Upos::kCconj, 3, Dep::kCc, "and", "CC"},
                       {"Germany", Upos::kPropn, 1, Dep::kConj, "Germany", "NNP"},
                       {"are", Upos::kAux, 6, Dep::kCop, "be", "VBP"},
                       {"both", Upos::kAdv, 6, Dep::kAdvmod, "both", "RB"},
                       {"members", Upos::kNoun, 0, Dep::kRoot, "member", "NNS"},
                       {"of", Upos::kAdp, 8, Dep::kCase, "of", "IN"},
                       {"NATO", Upos::kPropn, 6, Dep::kNmod, "NATO", "NNP"},
                       {".", Upos::kPunct, 6, Dep::kPunct, ".", "."}},
                      {{0, 0, 0}, {2, 2, 1}, {7, 7, 2}}, {"Lithuania", "Germany", "NATO"});
  auto found = Run(*copula);
  REQUIRE(found.size() == 2);
  CHECK(found[0].source == "Lithuania");
  CHECK(found[1].source == "Germany");
  for (const Found& f : found) {
    CHECK(f.type == "member-of");
    CHECK(f.target == "NATO");
    CHECK(f.modality == Modality::kAsserted);
  }

  // JNIM , an al-Qaeda affiliate , attacked the post .
  auto appos = Build({{"JNIM", Upos::kPropn, 7, Dep::kNsubj, "JNIM", "NNP"},
                      {",", Upos::kPunct, 5, Dep::kPunct, ",", ","},
                      {"an", Upos::kDet, 5, Dep::kDet, "a", "DT"},
                      {"al-Qaeda", Upos::kPropn, 5, Dep::kCompound, "al-Qaeda", "NNP"},
                      {"affiliate", Upos::kNoun, 1, Dep::kAppos, "affiliate", "NN"},
                      {",", Upos::kPunct, 5, Dep::kPunct, ",", ","},
                      {"attacked", Upos::kVerb, 0, Dep::kRoot, "attack", "VBD"},
                      {"the", Upos::kDet, 9, Dep::kDet, "the", "DT"},
                      {"post", Upos::kNoun, 7, Dep::kObj, "post", "NN"}},
                     {{0, 0, 0}, {3, 3, 1}}, {"JNIM", "al-Qaeda"});
  found = Run(*appos);
  REQUIRE(found.size() == 1);
  CHECK(found[0].source == "JNIM");
  CHECK(found[0].type == "allied-with");
  CHECK(found[0].target == "al-Qaeda");

  // Grabe 's chief delegate , Beltran : a person is no one's organisation.
  auto person = Build({{"Grabe", Upos::kPropn, 4, Dep::kNmodPoss, "Grabe", "NNP"},
                       {"'s", Upos::kPart, 1, Dep::kCase, "'s", "POS"},
                       {"chief", Upos::kAdj, 4, Dep::kAmod, "chief", "JJ"},
                       {"delegate", Upos::kNoun, 0, Dep::kRoot, "delegate", "NN"},
                       {",", Upos::kPunct, 6, Dep::kPunct, ",", ","},
                       {"Beltran", Upos::kPropn, 4, Dep::kAppos, "Beltran", "NNP"}},
                      {{0, 0, 0}, {5, 5, 1}}, {"Vera Grabe", "Pablo Beltran"});
  person->doc.entities[0].kind = graph::EntityKind::kPerson;
  person->doc.entities[1].kind = graph::EntityKind::kPerson;
  person->doc.mentions[1].form = MentionForm::kName;
  CHECK(Run(*person).empty());
  person->doc.entities[0].kind = graph::EntityKind::kArmedGroup;
  found = Run(*person);
  REQUIRE(found.size() == 1);
  CHECK(found[0].source == "Pablo Beltran");
  CHECK(found[0].type == "member-of");
}

TEST_CASE("an agent noun takes the actor that modifies it", "[tree_events]") {
  // Kenyan police arrested 40 Somali nationals near the border .
  auto h = Build({{"Kenyan", Upos::kAdj, 2, Dep::kAmod, "kenyan", "JJ"},
                  {"police", Upos::kNoun, 3, Dep::kNsubj, "police", "NNS"},
                  {"arrested", Upos::kVerb, 0, Dep::kRoot, "arrest", "VBD"},
                  {"40", Upos::kNum, 6, Dep::kNummod, "40", "CD"},
                  {"Somali", Upos::kAdj, 6, Dep::kAmod, "somali", "JJ"},
                  {"nationals", Upos::kNoun, 3, Dep::kObj, "national", "NNS"},
                  {"near", Upos::kAdp, 9, Dep::kCase, "near", "IN"},
                  {"the", Upos::kDet, 9, Dep::kDet, "the", "DT"},
                  {"border", Upos::kNoun, 3, Dep::kObl, "border", "NN"},
                  {".", Upos::kPunct, 3, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {4, 4, 1}}, {"Kenya", "Somalia"});
  auto found = Run(*h);
  REQUIRE(found.size() == 1);
  CHECK(found[0].source == "Kenya");
  CHECK(found[0].type == "arrested");
  CHECK(found[0].target == "Somalia");
}

TEST_CASE("a passive takes its agent from by", "[tree_events]") {
  // Iraq was attacked by Iran .
  auto h = Build({{"Iraq", Upos::kPropn, 3, Dep::kNsubjPass, "iraq", "NNP"},
                  {"was", Upos::kAux, 3, Dep::kAuxPass, "be", "VBD"},
                  {"attacked", Upos::kVerb, 0, Dep::kRoot, "attack", "VBN"},
                  {"by", Upos::kAdp, 5, Dep::kCase, "by", "IN"},
                  {"Iran", Upos::kPropn, 3, Dep::kOblAgent, "iran", "NNP"},
                  {".", Upos::kPunct, 3, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {4, 4, 1}}, {"Iraq", "Iran"});
  auto found = Run(*h);
  REQUIRE(found.size() == 1);
  CHECK(found[0].source == "Iran");
  CHECK(found[0].target == "Iraq");
}

TEST_CASE("a clause under a verb of saying is reported, a negated verb negated", "[tree_events]") {
  // Officials said Iran did not attack Iraq .
  auto h = Build({{"Officials", Upos::kNoun, 2, Dep::kNsubj, "official", "NNS"},
                  {"said", Upos::kVerb, 0, Dep::kRoot, "say", "VBD"},
                  {"Iran", Upos::kPropn, 6, Dep::kNsubj, "iran", "NNP"},
                  {"did", Upos::kAux, 6, Dep::kAux, "do", "VBD"},
                  {"not", Upos::kPart, 6, Dep::kAdvmod, "not", "RB"},
                  {"attack", Upos::kVerb, 2, Dep::kCcomp, "attack", "VB"},
                  {"Iraq", Upos::kPropn, 6, Dep::kObj, "iraq", "NNP"},
                  {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                 {{2, 2, 0}, {6, 6, 1}}, {"Iran", "Iraq"});
  auto found = Run(*h);
  REQUIRE(found.size() == 1);
  CHECK(found[0].modality == Modality::kNegated);

  // Officials said Iran attacked Iraq .
  auto h2 = Build({{"Officials", Upos::kNoun, 2, Dep::kNsubj, "official", "NNS"},
                   {"said", Upos::kVerb, 0, Dep::kRoot, "say", "VBD"},
                   {"Iran", Upos::kPropn, 4, Dep::kNsubj, "iran", "NNP"},
                   {"attacked", Upos::kVerb, 2, Dep::kCcomp, "attack", "VBD"},
                   {"Iraq", Upos::kPropn, 4, Dep::kObj, "iraq", "NNP"},
                   {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                  {{2, 2, 0}, {4, 4, 1}}, {"Iran", "Iraq"});
  auto found2 = Run(*h2);
  REQUIRE(found2.size() == 1);
  CHECK(found2[0].type == "attacked");
  CHECK(found2[0].modality == Modality::kReported);
}

TEST_CASE("control verbs take the target of their complement", "[tree_events]") {
  // Chad threatened to attack Sudan . / Chad will meet with Sudan .
  auto h = Build({{"Chad", Upos::kPropn, 2, Dep::kNsubj, "chad", "NNP"},
                  {"threatened", Upos::kVerb, 0, Dep::kRoot, "threaten", "VBD"},
                  {"to", Upos::kPart, 4, Dep::kMark, "to", "TO"},
                  {"attack", Upos::kVerb, 2, Dep::kXcomp, "attack", "VB"},
                  {"Sudan", Upos::kPropn, 4, Dep::kObj, "sudan", "NNP"},
                  {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {4, 4, 1}}, {"Chad", "Sudan"});
  auto found = Run(*h);
  REQUIRE(found.size() == 2);
  CHECK(found[0].type == "threatened");
  CHECK(found[0].modality == Modality::kAsserted);
  // What a threat names is not done.
  CHECK(found[1].type == "attacked");
  CHECK(found[1].source == "Chad");
  CHECK(found[1].modality == Modality::kHypothetical);

  auto h2 = Build({{"Chad", Upos::kPropn, 3, Dep::kNsubj, "chad", "NNP"},
                   {"will", Upos::kAux, 3, Dep::kAux, "will", "MD"},
                   {"meet", Upos::kVerb, 0, Dep::kRoot, "meet", "VB"},
                   {"with", Upos::kAdp, 5, Dep::kCase, "with", "IN"},
                   {"Sudan", Upos::kPropn, 3, Dep::kObl, "sudan", "NNP"},
                   {".", Upos::kPunct, 3, Dep::kPunct, ".", "."}},
                  {{0, 0, 0}, {4, 4, 1}}, {"Chad", "Sudan"});
  auto found2 = Run(*h2);
  REQUIRE(found2.size() == 2);
  CHECK(found2[0].type == "met-with");
  CHECK(found2[0].modality == Modality::kFuture);
  // Announcing a meeting is an event of its own: an expressed intent.
  CHECK(found2[1].type == "pledged-to");
  CHECK(found2[1].modality == Modality::kAsserted);
}

TEST_CASE("nominal events and light verbs", "[tree_events]") {
  // Russia 's invasion of Ukraine .
  auto h = Build({{"Russia", Upos::kPropn, 3, Dep::kNmodPoss, "russia", "NNP"},
                  {"'s", Upos::kPart, 1, Dep::kCase, "'s", "POS"},
                  {"invasion", Upos::kNoun, 0, Dep::kRoot, "invasion", "NN"},
                  {"of", Upos::kAdp, 5, Dep::kCase, "of", "IN"},
                  {"Ukraine", Upos::kPropn, 3, Dep::kNmod, "ukraine", "NNP"},
                  {".", Upos::kPunct, 3, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {4, 4, 1}}, {"Russia", "Ukraine"});
  auto found = Run(*h);
  REQUIRE(found.size() == 1);
  CHECK(found[0].source == "Russia");
  CHECK(found[0].type == "attacked");
  CHECK(found[0].target == "Ukraine");

  // Iraqi troops launched an attack on the ISIS bastion .
  auto h2 = Build({{"Iraqi", Upos::kAdj, 2, Dep::kAmod, "iraqi", "JJ"},
                   {"troops", Upos::kNoun, 3, Dep::kNsubj, "troop", "NNS"},
                   {"launched", Upos::kVerb, 0, Dep::kRoot, "launch", "VBD"},
                   {"an", Upos::kDet, 5, Dep::kDet, "a", "DT"},
                   {"attack", Upos::kNoun, 3, Dep::kObj, "attack", "NN"},
                   {"on", Upos::kAdp, 9, Dep::kCase, "on", "IN"},
                   {"the", Upos::kDet, 9, Dep::kDet, "the", "DT"},
                   {"ISIS", Upos::kPropn, 9, Dep::kCompound, "isis", "NNP"},
                   {"bastion", Upos::kNoun, 5, Dep::kNmod, "bastion", "NN"},
                   {".", Upos::kPunct, 3, Dep::kPunct, ".", "."}},
                  {{0, 0, 0}, {7, 7, 1}}, {"Iraq", "Islamic State"});
  auto found2 = Run(*h2);
  REQUIRE(!found2.empty());
  CHECK(found2[0].source == "Iraq");
  CHECK(found2[0].type == "attacked");
  CHECK(found2[0].target == "Islamic State");

  // talks between Peru and Chile
  auto h3 = Build({{"talks", Upos::kNoun, 0, Dep::kRoot, "talk", "NNS"},
                   {"between", Upos::kAdp, 3, Dep::kCase, "between", "IN"},
                   {"Peru", Upos::kPropn, 1, Dep::kNmod, "peru", "NNP"},
                   {"and", Upos::kCconj, 5, Dep::kCc, "and", "CC"},
                   {"Chile", Upos::kPropn, 3, Dep::kConj, "chile", "NNP"}},
                  {{2, 2, 0}, {4, 4, 1}}, {"Peru", "Chile"});
  auto found3 = Run(*h3);
  REQUIRE(found3.size() == 1);
  CHECK(found3[0].type == "met-with");
}

TEST_CASE("claims under a noun are reported, and refusals are rejections", "[tree_events]") {
  // Experts found evidence that Chad attacked Sudan .
  auto h = Build({{"Experts", Upos::kNoun, 2, Dep::kNsubj, "expert", "NNS"},
                  {"found", Upos::kVerb, 0, Dep::kRoot, "find", "VBD"},
                  {"evidence", Upos::kNoun, 2, Dep::kObj, "evidence", "NN"},
                  {"that", Upos::kSconj, 6, Dep::kMark, "that", "IN"},
                  {"Chad", Upos::kPropn, 6, Dep::kNsubj, "chad", "NNP"},
                  {"attacked", Upos::kVerb, 3, Dep::kAcl, "attack", "VBD"},
                  {"Sudan", Upos::kPropn, 6, Dep::kObj, "sudan", "NNP"},
                  {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                 {{4, 4, 0}, {6, 6, 1}}, {"Chad", "Sudan"});
  auto found = Run(*h);
  REQUIRE(found.size() == 1);
  CHECK(found[0].modality == Modality::kReported);

  // Ghana will not release the Togolese pilots .
  auto h2 = Build({{"Ghana", Upos::kPropn, 4, Dep::kNsubj, "ghana", "NNP"},
                   {"will", Upos::kAux, 4, Dep::kAux, "will", "MD"},
                   {"not", Upos::kPart, 4, Dep::kAdvmod, "not", "RB"},
                   {"release", Upos::kVerb, 0, Dep::kRoot, "release", "VB"},
                   {"the", Upos::kDet, 7, Dep::kDet, "the", "DT"},
                   {"Togolese", Upos::kAdj, 7, Dep::kAmod, "togolese", "JJ"},
                   {"pilots", Upos::kNoun, 4, Dep::kObj, "pilot", "NNS"},
                   {".", Upos::kPunct, 4, Dep::kPunct, ".", "."}},
                  {{0, 0, 0}, {5, 5, 1}}, {"Ghana", "Togo"});
  auto found2 = Run(*h2);
  REQUIRE(found2.size() == 2);
  CHECK(found2[0].type == "released");
  CHECK(found2[0].modality == Modality::kNegated);
  CHECK(found2[1].type == "rejected");
  CHECK(found2[1].modality == Modality::kAsserted);
}

TEST_CASE("readiness is a pledge now and the act a future one", "[tree_events]") {
  // Chile is ready to send troops to Peru .
  auto h = Build({{"Chile", Upos::kPropn, 3, Dep::kNsubj, "chile", "NNP"},
                  {"is", Upos::kAux, 3, Dep::kCop, "be", "VBZ"},
                  {"ready", Upos::kAdj, 0, Dep::kRoot, "ready", "JJ"},
                  {"to", Upos::kPart, 5, Dep::kMark, "to", "TO"},
                  {"send", Upos::kVerb, 3, Dep::kXcomp, "send", "VB"},
                  {"troops", Upos::kNoun, 5, Dep::kObj, "troop", "NNS"},
                  {"to", Upos::kAdp, 8, Dep::kCase, "to", "IN"},
                  {"Peru", Upos::kPropn, 5, Dep::kObl, "peru", "NNP"},
                  {".", Upos::kPunct, 3, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {7, 7, 1}}, {"Chile", "Peru"});
  auto found = Run(*h);
  REQUIRE(found.size() == 2);
  CHECK(found[0].type == "deployed-to");
  CHECK(found[0].modality == Modality::kFuture);
  CHECK(found[1].type == "pledged-to");
  CHECK(found[1].modality == Modality::kAsserted);
}

TEST_CASE("a passive casualty was killed by the attacker of its when-clause", "[tree_events]") {
  // Two soldiers were killed when Hamas attacked Israel .  (soldiers = Israel's army)
  auto h = Build({{"Two", Upos::kNum, 2, Dep::kNummod, "two", "CD"},
                  {"soldiers", Upos::kNoun, 4, Dep::kNsubjPass, "soldier", "NNS"},
                  {"were", Upos::kAux, 4, Dep::kAuxPass, "be", "VBD"},
                  {"killed", Upos::kVerb, 0, Dep::kRoot, "kill", "VBN"},
                  {"when", Upos::kAdv, 7, Dep::kAdvmod, "when", "WRB"},
                  {"Hamas", Upos::kPropn, 7, Dep::kNsubj, "Hamas", "NNP"},
                  {"attacked", Upos::kVerb, 4, Dep::kAdvcl, "attack", "VBD"},
                  {"Israel", Upos::kPropn, 7, Dep::kObj, "Israel", "NNP"},
                  {".", Upos::kPunct, 4, Dep::kPunct, ".", "."}},
                 {{1, 1, 0}, {5, 5, 1}, {7, 7, 2}}, {"Israel Defense Forces", "Hamas", "Israel"});
  bool killed = false;
  for (const Found& f : Run(*h))
    if (f.type == "killed") {
      killed = true;
      CHECK(f.source == "Hamas");
      CHECK(f.target == "Israel Defense Forces");
    }
  CHECK(killed);
  // Two soldiers were killed when Hamas clashed Israel .  (a clash: who killed them is not said)
  auto c = Build({{"Two", Upos::kNum, 2, Dep::kNummod, "two", "CD"},
                  {"soldiers", Upos::kNoun, 4, Dep::kNsubjPass, "soldier", "NNS"},
                  {"were", Upos::kAux, 4, Dep::kAuxPass, "be", "VBD"},
                  {"killed", Upos::kVerb, 0, Dep::kRoot, "kill", "VBN"},
                  {"when", Upos::kAdv, 7, Dep::kAdvmod, "when", "WRB"},
                  {"Hamas", Upos::kPropn, 7, Dep::kNsubj, "Hamas", "NNP"},
                  {"clashed", Upos::kVerb, 4, Dep::kAdvcl, "clash", "VBD"},
                  {"Israel", Upos::kPropn, 7, Dep::kObj, "Israel", "NNP"},
                  {".", Upos::kPunct, 4, Dep::kPunct, ".", "."}},
                 {{1, 1, 0}, {5, 5, 1}, {7, 7, 2}}, {"Israel Defense Forces", "Hamas", "Israel"});
  for (const Found& f : Run(*c)) CHECK(f.type != "killed");
}

TEST_CASE("coordinated subjects that act on each other act on one another both ways", "[tree_events]") {
  // Iran and Iraq attacked each other .
  auto h = Build({{"Iran", Upos::kPropn, 4, Dep::kNsubj, "Iran", "NNP"},
                  {"and", Upos::kCconj, 3, Dep::kCc, "and", "CC"},
                  {"Iraq", Upos::kPropn, 1, Dep::kConj, "Iraq", "NNP"},
                  {"attacked", Upos::kVerb, 0, Dep::kRoot, "attack", "VBD"},
                  {"each", Upos::kDet, 4, Dep::kObj, "each", "DT"},
                  {"other", Upos::kAdj, 5, Dep::kFixed, "other", "JJ"},
                  {".", Upos::kPunct, 4, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {2, 2, 1}}, {"Iran", "Iraq"});
  std::set<std::string> pairs;
  for (const Found& f : Run(*h))
    if (f.type == "attacked") pairs.insert(f.source + ">" + f.target);
  CHECK(pairs == std::set<std::string>{"Iran>Iraq", "Iraq>Iran"});
}

TEST_CASE("a warning that one's own side may strike threatens the one it would strike", "[tree_events]") {
  // Iran warned its forces could strike Israel .
  auto h = Build({{"Iran", Upos::kPropn, 2, Dep::kNsubj, "Iran", "NNP"},
                  {"warned", Upos::kVerb, 0, Dep::kRoot, "warn", "VBD"},
                  {"its", Upos::kPron, 4, Dep::kNmodPoss, "its", "PRP$"},
                  {"forces", Upos::kNoun, 6, Dep::kNsubj, "force", "NNS"},
                  {"could", Upos::kAux, 6, Dep::kAux, "could", "MD"},
                  {"strike", Upos::kVerb, 2, Dep::kCcomp, "strike", "VB"},
                  {"Israel", Upos::kPropn, 6, Dep::kObj, "Israel", "NNP"},
                  {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {2, 2, 0}, {6, 6, 1}}, {"Iran", "Israel"});
  bool threat = false;
  for (const Found& f : Run(*h))
    if (f.type == "threatened") {
      threat = true;
      CHECK(f.source == "Iran");
      CHECK(f.target == "Israel");
    }
  CHECK(threat);
  // Iran warned Hamas could strike Israel .  (someone else's act: no threat by Iran)
  auto o = Build({{"Iran", Upos::kPropn, 2, Dep::kNsubj, "Iran", "NNP"},
                  {"warned", Upos::kVerb, 0, Dep::kRoot, "warn", "VBD"},
                  {"Hamas", Upos::kPropn, 5, Dep::kNsubj, "Hamas", "NNP"},
                  {"could", Upos::kAux, 5, Dep::kAux, "could", "MD"},
                  {"strike", Upos::kVerb, 2, Dep::kCcomp, "strike", "VB"},
                  {"Israel", Upos::kPropn, 5, Dep::kObj, "Israel", "NNP"},
                  {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {2, 2, 1}, {5, 5, 2}}, {"Iran", "Hamas", "Israel"});
  for (const Found& f : Run(*o)) CHECK(!(f.type == "threatened" && f.source == "Iran"));
}

}  // namespace
}  // namespace geokg::ingest

namespace geokg::ingest {
namespace {

TEST_CASE("the subject that names an actor is taken when a parse gives two", "[tree_events]") {
  // Hours earlier Maduro expelled Colombia 's envoy .  (a misparse: two subjects)
  auto h = Build({{"Hours", Upos::kNoun, 4, Dep::kNsubj, "hour", "NNS"},
                  {"earlier", Upos::kAdv, 4, Dep::kAdvmod, "early", "RBR"},
                  {"Maduro", Upos::kPropn, 4, Dep::kNsubj, "Maduro", "NNP"},
                  {"expelled", Upos::kVerb, 0, Dep::kRoot, "expel", "VBD"},
                  {"Colombia", Upos::kPropn, 7, Dep::kNmodPoss, "Colombia", "NNP"},
                  {"'s", Upos::kPart, 5, Dep::kCase, "'s", "POS"},
                  {"envoy", Upos::kNoun, 4, Dep::kObj, "envoy", "NN"},
                  {".", Upos::kPunct, 4, Dep::kPunct, ".", "."}},
                 {{2, 2, 0}, {4, 4, 1}}, {"Nicolas Maduro", "Colombia"});
  auto found = Run(*h);
  REQUIRE(found.size() == 1);
  CHECK(found[0].source == "Nicolas Maduro");
  CHECK(found[0].type == "expelled");
  CHECK(found[0].target == "Colombia");
}

TEST_CASE("the object of a hostile act is coded by the actor or place it names", "[tree_events]") {
  // The Taliban stormed a police headquarters in Afghanistan .
  auto h = Build({{"The", Upos::kDet, 2, Dep::kDet, "the", "DT"},
                  {"Taliban", Upos::kPropn, 3, Dep::kNsubj, "Taliban", "NNP"},
                  {"stormed", Upos::kVerb, 0, Dep::kRoot, "storm", "VBD"},
                  {"a", Upos::kDet, 6, Dep::kDet, "a", "DT"},
                  {"police", Upos::kNoun, 6, Dep::kCompound, "police", "NN"},
                  {"headquarters", Upos::kNoun, 3, Dep::kObj, "headquarters", "NN"},
                  {"in", Upos::kAdp, 8, Dep::kCase, "in", "IN"},
                  {"Afghanistan", Upos::kPropn, 6, Dep::kNmod, "Afghanistan", "NNP"},
                  {".", Upos::kPunct, 3, Dep::kPunct, ".", "."}},
                 {{1, 1, 0}, {7, 7, 1}}, {"Taliban", "Afghanistan"});
  auto found = Run(*h);
  REQUIRE(found.size() == 1);
  CHECK(found[0].source == "Taliban");
  CHECK(found[0].type == "seized");
  CHECK(found[0].target == "Afghanistan");
}

TEST_CASE("a day named after on is no 'call on', and a pronoun does not outrank a demonym", "[tree_events]") {
  // Rouhani called his Lebanese counterpart on Tuesday .
  auto h = Build({{"Rouhani", Upos::kPropn, 2, Dep::kNsubj, "Rouhani", "NNP"},
                  {"called", Upos::kVerb, 0, Dep::kRoot, "call", "VBD"},
                  {"his", Upos::kPron, 5, Dep::kNmodPoss, "he", "PRP$"},
                  {"Lebanese", Upos::kAdj, 5, Dep::kAmod, "lebanese", "JJ"},
                  {"counterpart", Upos::kNoun, 2, Dep::kObj, "counterpart", "NN"},
                  {"on", Upos::kAdp, 7, Dep::kCase, "on", "IN"},
                  {"Tuesday", Upos::kPropn, 2, Dep::kObl, "Tuesday", "NNP"},
                  {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {2, 2, 0}, {3, 3, 1}}, {"Hassan Rouhani", "Lebanon"});
  h->doc.mentions[1].form = MentionForm::kPronoun;
  auto found = Run(*h);
  REQUIRE(found.size() == 1);
  CHECK(found[0].source == "Hassan Rouhani");
  CHECK(found[0].type == "met-with");
  CHECK(found[0].target == "Lebanon");
}

TEST_CASE("a proposal's author is the agent of the participle that modifies it", "[tree_events]") {
  // Jonathan rejected proposals laid out by the Assembly .
  auto h = Build({{"Jonathan", Upos::kPropn, 2, Dep::kNsubj, "Jonathan", "NNP"},
                  {"rejected", Upos::kVerb, 0, Dep::kRoot, "reject", "VBD"},
                  {"proposals", Upos::kNoun, 2, Dep::kObj, "proposal", "NNS"},
                  {"laid", Upos::kVerb, 3, Dep::kAcl, "lay", "VBN"},
                  {"out", Upos::kAdp, 4, Dep::kCompoundPrt, "out", "RP"},
                  {"by", Upos::kAdp, 8, Dep::kCase, "by", "IN"},
                  {"the", Upos::kDet, 8, Dep::kDet, "the", "DT"},
                  {"Assembly", Upos::kPropn, 4, Dep::kOblAgent, "Assembly", "NNP"},
                  {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {7, 7, 1}}, {"Goodluck Jonathan", "National Assembly"});
  h->parse.xpos[3] = Xpos("VBN");
  auto found = Run(*h);
  REQUIRE(found.size() == 1);
  CHECK(found[0].source == "Goodluck Jonathan");
  CHECK(found[0].type == "rejected");
  CHECK(found[0].target == "National Assembly");
}


TEST_CASE("an object pattern finds its noun as either object", "[tree_events]") {
  // May gave Putin a deadline .  (parsed with two objects)
  auto h = Build({{"May", Upos::kPropn, 2, Dep::kNsubj, "May", "NNP"},
                  {"gave", Upos::kVerb, 0, Dep::kRoot, "give", "VBD"},
                  {"Putin", Upos::kPropn, 2, Dep::kObj, "Putin", "NNP"},
                  {"a", Upos::kDet, 5, Dep::kDet, "a", "DT"},
                  {"deadline", Upos::kNoun, 2, Dep::kObj, "deadline", "NN"},
                  {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {2, 2, 1}}, {"Theresa May", "Vladimir Putin"});
  auto found = Run(*h);
  REQUIRE(found.size() == 1);
  CHECK(found[0].source == "Theresa May");
  CHECK(found[0].type == "threatened");
  CHECK(found[0].target == "Vladimir Putin");
}

TEST_CASE("troops sent to keep the peace or to help are aid", "[tree_events]") {
  // Britain deployed troops to Mali to help the army .
  auto h = Build({{"Britain", Upos::kPropn, 2, Dep::kNsubj, "Britain", "NNP"},
                  {"deployed", Upos::kVerb, 0, Dep::kRoot, "deploy", "VBD"},
                  {"troops", Upos::kNoun, 2, Dep::kObj, "troop", "NNS"},
                  {"to", Upos::kAdp, 5, Dep::kCase, "to", "IN"},
                  {"Mali", Upos::kPropn, 2, Dep::kObl, "Mali", "NNP"},
                  {"to", Upos::kPart, 7, Dep::kMark, "to", "TO"},
                  {"help", Upos::kVerb, 2, Dep::kAdvcl, "help", "VB"},
                  {"the", Upos::kDet, 9, Dep::kDet, "the", "DT"},
                  {"army", Upos::kNoun, 7, Dep::kObj, "army", "NN"},
                  {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {4, 4, 1}}, {"United Kingdom", "Mali"});
  auto found = Run(*h);
  REQUIRE(found.size() == 1);
  CHECK(found[0].type == "aided");
  // Without the purpose clause it is a deployment.
  h->parse.dep[6] = Dep::kConj;
  h->parse.lemma_key[6] = TokenKey("fight");
  found = Run(*h);
  REQUIRE(found.size() >= 1);
  CHECK(found[0].type == "deployed-to");
}


TEST_CASE("attacking a proposal rejects it", "[tree_events]") {
  // Iran attacked the German proposal .
  auto h = Build({{"Iran", Upos::kPropn, 2, Dep::kNsubj, "Iran", "NNP"},
                  {"attacked", Upos::kVerb, 0, Dep::kRoot, "attack", "VBD"},
                  {"the", Upos::kDet, 5, Dep::kDet, "the", "DT"},
                  {"German", Upos::kAdj, 5, Dep::kAmod, "german", "JJ"},
                  {"proposal", Upos::kNoun, 2, Dep::kObj, "proposal", "NN"},
                  {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {3, 3, 1}}, {"Iran", "Germany"});
  auto found = Run(*h);
  REQUIRE(found.size() == 1);
  CHECK(found[0].type == "rejected");
  CHECK(found[0].target == "Germany");
}

TEST_CASE("a person leaving a place travels, and forces leaving it withdraw", "[tree_events]") {
  // Mbeki left Ivory Coast .
  auto h = Build({{"Mbeki", Upos::kPropn, 2, Dep::kNsubj, "Mbeki", "NNP"},
                  {"left", Upos::kVerb, 0, Dep::kRoot, "leave", "VBD"},
                  {"Ivory Coast", Upos::kPropn, 2, Dep::kObj, "Ivory Coast", "NNP"},
                  {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {2, 2, 1}}, {"Thabo Mbeki", "Ivory Coast"});
  h->doc.entities[0].kind = graph::EntityKind::kPerson;
  CHECK(Run(*h).empty());
  h->doc.entities[0].kind = graph::EntityKind::kMilitaryUnit;
  auto found = Run(*h);
  REQUIRE(found.size() == 1);
  CHECK(found[0].type == "withdrew-from");
}


TEST_CASE("what is sent says whether a deployment is aid or an investigation", "[tree_events]") {
  // Japan dispatched doctors to Nepal .
  auto h = Build({{"Japan", Upos::kPropn, 2, Dep::kNsubj, "Japan", "NNP"},
                  {"dispatched", Upos::kVerb, 0, Dep::kRoot, "dispatch", "VBD"},
                  {"doctors", Upos::kNoun, 2, Dep::kObj, "doctor", "NNS"},
                  {"to", Upos::kAdp, 5, Dep::kCase, "to", "IN"},
                  {"Nepal", Upos::kPropn, 2, Dep::kObl, "Nepal", "NNP"},
                  {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {4, 4, 1}}, {"Japan", "Nepal"});
  auto found = Run(*h);
  REQUIRE(found.size() == 1);
  CHECK(found[0].type == "aided");
  // Japan dispatched a team to Nepal to investigate .
  auto g = Build({{"Japan", Upos::kPropn, 2, Dep::kNsubj, "Japan", "NNP"},
                  {"dispatched", Upos::kVerb, 0, Dep::kRoot, "dispatch", "VBD"},
                  {"a", Upos::kDet, 4, Dep::kDet, "a", "DT"},
                  {"team", Upos::kNoun, 2, Dep::kObj, "team", "NN"},
                  {"to", Upos::kAdp, 6, Dep::kCase, "to", "IN"},
                  {"Nepal", Upos::kPropn, 2, Dep::kObl, "Nepal", "NNP"},
                  {"to", Upos::kPart, 8, Dep::kMark, "to", "TO"},
                  {"investigate", Upos::kVerb, 2, Dep::kAdvcl, "investigate", "VB"},
                  {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {5, 5, 1}}, {"Japan", "Nepal"});
  found = Run(*g);
  REQUIRE(found.size() == 1);
  CHECK(found[0].type == "investigated");
}

TEST_CASE("considering an act toward X is coded as such, and the act is not done", "[tree_events]") {
  // Japan is considering dispatching troops to Nepal .
  auto h = Build({{"Japan", Upos::kPropn, 3, Dep::kNsubj, "Japan", "NNP"},
                  {"is", Upos::kAux, 3, Dep::kAux, "be", "VBZ"},
                  {"considering", Upos::kVerb, 0, Dep::kRoot, "consider", "VBG"},
                  {"dispatching", Upos::kVerb, 3, Dep::kXcomp, "dispatch", "VBG"},
                  {"troops", Upos::kNoun, 4, Dep::kObj, "troop", "NNS"},
                  {"to", Upos::kAdp, 7, Dep::kCase, "to", "IN"},
                  {"Nepal", Upos::kPropn, 4, Dep::kObl, "Nepal", "NNP"},
                  {".", Upos::kPunct, 3, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {6, 6, 1}}, {"Japan", "Nepal"});
  auto found = Run(*h);
  bool weighed = false, deployed_now = false;
  for (const Found& f : found) {
    weighed |= f.type == "commented-on" && f.modality == Modality::kAsserted && f.target == "Nepal";
    deployed_now |= f.type == "deployed-to" && f.modality == Modality::kAsserted;
  }
  CHECK(weighed);
  CHECK_FALSE(deployed_now);
}


TEST_CASE("a past-tense verb misread as its object's adjective keeps its arguments", "[tree_events]") {
  // Brazil Thursday expressed condolences to Bangladesh .  (misparse: "expressed" amod, the noun the root)
  auto h = Build({{"Brazil", Upos::kPropn, 4, Dep::kNsubj, "Brazil", "NNP"},
                  {"Thursday", Upos::kPropn, 1, Dep::kAppos, "Thursday", "NNP"},
                  {"expressed", Upos::kVerb, 4, Dep::kAmod, "express", "VBD"},
                  {"condolences", Upos::kNoun, 0, Dep::kRoot, "condolence", "NNS"},
                  {"to", Upos::kAdp, 6, Dep::kCase, "to", "IN"},
                  {"Bangladesh", Upos::kPropn, 4, Dep::kNmod, "Bangladesh", "NNP"},
                  {".", Upos::kPunct, 4, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {5, 5, 1}}, {"Brazil", "Bangladesh"});
  auto found = Run(*h);
  REQUIRE(found.size() == 1);
  CHECK(found[0].source == "Brazil");
  CHECK(found[0].type == "commented-on");
  CHECK(found[0].target == "Bangladesh");
}

TEST_CASE("a statement speaks for whoever issued it", "[tree_events]") {
  // Amnesty issued a statement urging Canada to act .
  auto h = Build({{"Amnesty", Upos::kPropn, 2, Dep::kNsubj, "Amnesty", "NNP"},
                  {"issued", Upos::kVerb, 0, Dep::kRoot, "issue", "VBD"},
                  {"a", Upos::kDet, 4, Dep::kDet, "a", "DT"},
                  {"statement", Upos::kNoun, 2, Dep::kObj, "statement", "NN"},
                  {"urging", Upos::kVerb, 4, Dep::kAcl, "urge", "VBG"},
                  {"Canada", Upos::kPropn, 5, Dep::kObj, "Canada", "NNP"},
                  {"to", Upos::kPart, 8, Dep::kMark, "to", "TO"},
                  {"act", Upos::kVerb, 5, Dep::kXcomp, "act", "VB"},
                  {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {5, 5, 1}}, {"Amnesty International", "Canada"});
  auto found = Run(*h);
  REQUIRE(found.size() == 1);
  CHECK(found[0].source == "Amnesty International");
  CHECK(found[0].type == "appealed-to");
  CHECK(found[0].target == "Canada");
}


TEST_CASE("aid with no recipient goes where its purpose clause names", "[tree_events]") {
  // Germany donated funds to rebuild schools in Ethiopia .
  auto h = Build({{"Germany", Upos::kPropn, 2, Dep::kNsubj, "Germany", "NNP"},
                  {"donated", Upos::kVerb, 0, Dep::kRoot, "donate", "VBD"},
                  {"funds", Upos::kNoun, 2, Dep::kObj, "fund", "NNS"},
                  {"to", Upos::kPart, 5, Dep::kMark, "to", "TO"},
                  {"rebuild", Upos::kVerb, 2, Dep::kAdvcl, "rebuild", "VB"},
                  {"schools", Upos::kNoun, 5, Dep::kObj, "school", "NNS"},
                  {"in", Upos::kAdp, 8, Dep::kCase, "in", "IN"},
                  {"Ethiopia", Upos::kPropn, 6, Dep::kNmod, "Ethiopia", "NNP"},
                  {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {7, 7, 1}}, {"Germany", "Ethiopia"});
  auto found = Run(*h);
  REQUIRE(found.size() == 1);
  CHECK(found[0].type == "aided");
  CHECK(found[0].target == "Ethiopia");
}


TEST_CASE("saying what another actor must do is a demand", "[tree_events]") {
  // Assad said Turkey must mediate .
  auto h = Build({{"Assad", Upos::kPropn, 2, Dep::kNsubj, "Assad", "NNP"},
                  {"said", Upos::kVerb, 0, Dep::kRoot, "say", "VBD"},
                  {"Turkey", Upos::kPropn, 5, Dep::kNsubj, "Turkey", "NNP"},
                  {"must", Upos::kAux, 5, Dep::kAux, "must", "MD"},
                  {"mediate", Upos::kVerb, 2, Dep::kCcomp, "mediate", "VB"},
                  {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {2, 2, 1}}, {"Bashar al-Assad", "Turkey"});
  auto found = Run(*h);
  REQUIRE(found.size() == 1);
  CHECK(found[0].source == "Bashar al-Assad");
  CHECK(found[0].type == "called-on");
  CHECK(found[0].target == "Turkey");
  // "said Turkey will mediate" is a claim, no demand.
  h->parse.lemma_key[3] = TokenKey("will");
  CHECK(Run(*h).empty());
}


TEST_CASE("a decision taken is coded as the act", "[tree_events]") {
  // Japan decided to attack Nepal .
  auto h = Build({{"Japan", Upos::kPropn, 2, Dep::kNsubj, "Japan", "NNP"},
                  {"decided", Upos::kVerb, 0, Dep::kRoot, "decide", "VBD"},
                  {"to", Upos::kPart, 4, Dep::kMark, "to", "TO"},
                  {"attack", Upos::kVerb, 2, Dep::kXcomp, "attack", "VB"},
                  {"Nepal", Upos::kPropn, 4, Dep::kObj, "Nepal", "NNP"},
                  {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {4, 4, 1}}, {"Japan", "Nepal"});
  auto found = Run(*h);
  REQUIRE(found.size() == 1);
  CHECK(found[0].type == "attacked");
  CHECK(found[0].modality == Modality::kAsserted);
}


TEST_CASE("a recipient phrase the parse hangs inside another argument is found", "[tree_events]") {
  // Spain returned artifacts , including a krater , to Italy .  (misparse: "to Italy" under "krater")
  auto h = Build({{"Spain", Upos::kPropn, 2, Dep::kNsubj, "Spain", "NNP"},
                  {"returned", Upos::kVerb, 0, Dep::kRoot, "return", "VBD"},
                  {"artifacts", Upos::kNoun, 2, Dep::kObj, "artifact", "NNS"},
                  {",", Upos::kPunct, 7, Dep::kPunct, ",", ","},
                  {"including", Upos::kVerb, 7, Dep::kCase, "include", "VBG"},
                  {"a", Upos::kDet, 7, Dep::kDet, "a", "DT"},
                  {"krater", Upos::kNoun, 2, Dep::kObl, "krater", "NN"},
                  {",", Upos::kPunct, 10, Dep::kPunct, ",", ","},
                  {"to", Upos::kAdp, 10, Dep::kCase, "to", "IN"},
                  {"Italy", Upos::kPropn, 7, Dep::kNmod, "Italy", "NNP"},
                  {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {9, 9, 1}}, {"Spain", "Italy"});
  auto found = Run(*h);
  REQUIRE(found.size() == 1);
  CHECK(found[0].type == "released");
  CHECK(found[0].target == "Italy");
}


TEST_CASE("cutting what a noun names is done by the verb's subject", "[tree_events]") {
  // Britain reduced the aid to Yemen .
  auto h = Build({{"Britain", Upos::kPropn, 2, Dep::kNsubj, "Britain", "NNP"},
                  {"reduced", Upos::kVerb, 0, Dep::kRoot, "reduce", "VBD"},
                  {"the", Upos::kDet, 4, Dep::kDet, "the", "DT"},
                  {"aid", Upos::kNoun, 2, Dep::kObj, "aid", "NN"},
                  {"to", Upos::kAdp, 6, Dep::kCase, "to", "IN"},
                  {"Yemen", Upos::kPropn, 4, Dep::kNmod, "Yemen", "NNP"},
                  {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {5, 5, 1}}, {"United Kingdom", "Yemen"});
  auto found = Run(*h);
  REQUIRE(found.size() == 1);
  CHECK(found[0].source == "United Kingdom");
  CHECK(found[0].type == "reduced-relations-with");
  CHECK(found[0].target == "Yemen");
}

TEST_CASE("agreeing to act toward X is a pledge to X", "[tree_events]") {
  // Japan agreed to attack Nepal .
  auto h = Build({{"Japan", Upos::kPropn, 2, Dep::kNsubj, "Japan", "NNP"},
                  {"agreed", Upos::kVerb, 0, Dep::kRoot, "agree", "VBD"},
                  {"to", Upos::kPart, 4, Dep::kMark, "to", "TO"},
                  {"attack", Upos::kVerb, 2, Dep::kXcomp, "attack", "VB"},
                  {"Nepal", Upos::kPropn, 4, Dep::kObj, "Nepal", "NNP"},
                  {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {4, 4, 1}}, {"Japan", "Nepal"});
  auto found = Run(*h);
  bool threat = false, attack_done = false;
  for (const Found& f : found) {
    threat |= f.type == "threatened" && f.modality == Modality::kAsserted;
    attack_done |= f.type == "attacked" && f.modality == Modality::kAsserted;
  }
  CHECK(threat);  // a hostile act agreed to is a threat (CAMEO 13)
  CHECK_FALSE(attack_done);
}


TEST_CASE("a comment is about who its clause names", "[tree_events]") {
  // China expressed pessimism about ending the Korean standoff .
  auto h = Build({{"China", Upos::kPropn, 2, Dep::kNsubj, "China", "NNP"},
                  {"expressed", Upos::kVerb, 0, Dep::kRoot, "express", "VBD"},
                  {"pessimism", Upos::kNoun, 2, Dep::kObj, "pessimism", "NN"},
                  {"about", Upos::kSconj, 5, Dep::kMark, "about", "IN"},
                  {"ending", Upos::kVerb, 2, Dep::kAdvcl, "end", "VBG"},
                  {"the", Upos::kDet, 8, Dep::kDet, "the", "DT"},
                  {"Korean", Upos::kPropn, 8, Dep::kCompound, "Korean", "NNP"},
                  {"standoff", Upos::kNoun, 5, Dep::kObj, "standoff", "NN"},
                  {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {6, 6, 1}}, {"China", "North Korea"});
  auto found = Run(*h);
  REQUIRE(found.size() == 1);
  CHECK(found[0].type == "commented-on");
  CHECK(found[0].target == "North Korea");
}


TEST_CASE("a stance adjective with an unresolved pronoun under a speaker comments", "[tree_events]") {
  // Japan said it is skeptical of the Korean announcement .
  auto h = Build({{"Japan", Upos::kPropn, 2, Dep::kNsubj, "Japan", "NNP"},
                  {"said", Upos::kVerb, 0, Dep::kRoot, "say", "VBD"},
                  {"it", Upos::kPron, 5, Dep::kNsubj, "it", "PRP"},
                  {"is", Upos::kAux, 5, Dep::kCop, "be", "VBZ"},
                  {"skeptical", Upos::kAdj, 2, Dep::kCcomp, "skeptical", "JJ"},
                  {"of", Upos::kAdp, 9, Dep::kCase, "of", "IN"},
                  {"the", Upos::kDet, 9, Dep::kDet, "the", "DT"},
                  {"Korean", Upos::kAdj, 9, Dep::kAmod, "korean", "JJ"},
                  {"announcement", Upos::kNoun, 5, Dep::kObl, "announcement", "NN"},
                  {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {7, 7, 1}}, {"Japan", "North Korea"});
  auto found = Run(*h);
  REQUIRE(found.size() == 1);
  CHECK(found[0].source == "Japan");
  CHECK(found[0].type == "commented-on");
  CHECK(found[0].target == "North Korea");
}


TEST_CASE("an object's own phrase names the target before the verb's", "[tree_events]") {
  // Khan cancelled a visit to Malaysia under pressure from Riyadh .
  auto h = Build({{"Khan", Upos::kPropn, 2, Dep::kNsubj, "Khan", "NNP"},
                  {"cancelled", Upos::kVerb, 0, Dep::kRoot, "cancel", "VBD"},
                  {"a", Upos::kDet, 4, Dep::kDet, "a", "DT"},
                  {"visit", Upos::kNoun, 2, Dep::kObj, "visit", "NN"},
                  {"to", Upos::kAdp, 6, Dep::kCase, "to", "IN"},
                  {"Malaysia", Upos::kPropn, 4, Dep::kNmod, "Malaysia", "NNP"},
                  {"under", Upos::kAdp, 8, Dep::kCase, "under", "IN"},
                  {"pressure", Upos::kNoun, 2, Dep::kObl, "pressure", "NN"},
                  {"from", Upos::kAdp, 10, Dep::kCase, "from", "IN"},
                  {"Riyadh", Upos::kPropn, 8, Dep::kNmod, "Riyadh", "NNP"},
                  {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {5, 5, 1}, {9, 9, 2}}, {"Imran Khan", "Malaysia", "Saudi Arabia"});
  auto found = Run(*h);
  REQUIRE(found.size() == 1);
  CHECK(found[0].type == "reduced-relations-with");
  CHECK(found[0].target == "Malaysia");
}

TEST_CASE("a participle hung on a trailing attribution takes the reported clause's subject", "[tree_events]") {
  // Hamas raided a post , arresting Israeli soldiers , officials said .
  auto h = Build({{"Hamas", Upos::kPropn, 2, Dep::kNsubj, "Hamas", "NNP"},
                  {"raided", Upos::kVerb, 0, Dep::kRoot, "raid", "VBD"},
                  {"a", Upos::kDet, 4, Dep::kDet, "a", "DT"},
                  {"post", Upos::kNoun, 2, Dep::kObj, "post", "NN"},
                  {",", Upos::kPunct, 6, Dep::kPunct, ",", ","},
                  {"arresting", Upos::kVerb, 11, Dep::kAdvcl, "arrest", "VBG"},
                  {"Israeli", Upos::kAdj, 8, Dep::kAmod, "israeli", "JJ"},
                  {"soldiers", Upos::kNoun, 6, Dep::kObj, "soldier", "NNS"},
                  {",", Upos::kPunct, 11, Dep::kPunct, ",", ","},
                  {"officials", Upos::kNoun, 11, Dep::kNsubj, "official", "NNS"},
                  {"said", Upos::kVerb, 2, Dep::kParataxis, "say", "VBD"},
                  {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {6, 7, 1}}, {"Hamas", "Israel Defense Forces"});
  auto found = Run(*h);
  REQUIRE(found.size() == 1);
  CHECK(found[0].source == "Hamas");
  CHECK(found[0].type == "arrested");
  CHECK(found[0].target == "Israel Defense Forces");
}

TEST_CASE("aid's purpose clause names the recipient also when hung on the object", "[tree_events]") {
  // Japan donated a shipment of tents to assist Nepal .
  auto h = Build({{"Japan", Upos::kPropn, 2, Dep::kNsubj, "Japan", "NNP"},
                  {"donated", Upos::kVerb, 0, Dep::kRoot, "donate", "VBD"},
                  {"a", Upos::kDet, 4, Dep::kDet, "a", "DT"},
                  {"shipment", Upos::kNoun, 2, Dep::kObj, "shipment", "NN"},
                  {"of", Upos::kAdp, 6, Dep::kCase, "of", "IN"},
                  {"tents", Upos::kNoun, 4, Dep::kNmod, "tent", "NNS"},
                  {"to", Upos::kPart, 8, Dep::kMark, "to", "TO"},
                  {"assist", Upos::kVerb, 4, Dep::kAcl, "assist", "VB"},
                  {"Nepal", Upos::kPropn, 8, Dep::kObj, "Nepal", "NNP"},
                  {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {8, 8, 1}}, {"Japan", "Nepal"});
  auto found = Run(*h);
  REQUIRE(found.size() == 1);
  CHECK(found[0].source == "Japan");
  CHECK(found[0].type == "aided");
  CHECK(found[0].target == "Nepal");
}

TEST_CASE("a demand hung on the day it was said is still a demand", "[tree_events]") {
  // Trump said Wednesday that Iran must stop .  ("that ..." read as a clause of the day)
  auto h = Build({{"Trump", Upos::kPropn, 2, Dep::kNsubj, "Trump", "NNP"},
                  {"said", Upos::kVerb, 0, Dep::kRoot, "say", "VBD"},
                  {"Wednesday", Upos::kPropn, 2, Dep::kOblUnmarked, "Wednesday", "NNP"},
                  {"that", Upos::kSconj, 7, Dep::kMark, "that", "IN"},
                  {"Iran", Upos::kPropn, 7, Dep::kNsubj, "Iran", "NNP"},
                  {"must", Upos::kAux, 7, Dep::kAux, "must", "MD"},
                  {"stop", Upos::kVerb, 3, Dep::kAcl, "stop", "VB"},
                  {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {4, 4, 1}}, {"Donald Trump", "Iran"});
  auto found = Run(*h);
  REQUIRE(found.size() == 1);
  CHECK(found[0].source == "Donald Trump");
  CHECK(found[0].type == "called-on");
  CHECK(found[0].target == "Iran");
}

TEST_CASE("a name read as the root keeps the verb read as its clause", "[tree_events]") {
  // Putin yesterday rejected the proposal of Japan .  (the verb read as a clause of the name)
  auto h = Build({{"Putin", Upos::kPropn, 0, Dep::kRoot, "Putin", "NNP"},
                  {"yesterday", Upos::kNoun, 1, Dep::kFlat, "yesterday", "NN"},
                  {"rejected", Upos::kVerb, 1, Dep::kAcl, "reject", "VBN"},
                  {"the", Upos::kDet, 5, Dep::kDet, "the", "DT"},
                  {"proposal", Upos::kNoun, 3, Dep::kObj, "proposal", "NN"},
                  {"of", Upos::kAdp, 7, Dep::kCase, "of", "IN"},
                  {"Japan", Upos::kPropn, 5, Dep::kNmod, "Japan", "NNP"},
                  {".", Upos::kPunct, 1, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {6, 6, 1}}, {"Vladimir Putin", "Japan"});
  auto found = Run(*h);
  REQUIRE(found.size() == 1);
  CHECK(found[0].source == "Vladimir Putin");
  CHECK(found[0].type == "rejected");
  CHECK(found[0].target == "Japan");
}

TEST_CASE("a phrase after the object read as a conjunct of the verb is the verb's phrase", "[tree_events]") {
  // Hamas launched attacks , mainly on Israel .  ("Israel" read as a conjunct of "launched")
  auto h = Build({{"Hamas", Upos::kPropn, 2, Dep::kNsubj, "Hamas", "NNP"},
                  {"launched", Upos::kVerb, 0, Dep::kRoot, "launch", "VBD"},
                  {"attacks", Upos::kNoun, 2, Dep::kObj, "attack", "NNS"},
                  {",", Upos::kPunct, 7, Dep::kPunct, ",", ","},
                  {"mainly", Upos::kAdv, 7, Dep::kAdvmod, "mainly", "RB"},
                  {"on", Upos::kAdp, 7, Dep::kCase, "on", "IN"},
                  {"Israel", Upos::kPropn, 2, Dep::kConj, "Israel", "NNP"},
                  {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {6, 6, 1}}, {"Hamas", "Israel"});
  auto found = Run(*h);
  REQUIRE(found.size() == 1);
  CHECK(found[0].source == "Hamas");
  CHECK(found[0].type == "attacked");
  CHECK(found[0].target == "Israel");
}

TEST_CASE("an event noun's phrase hung on an argument of its verb is the noun's", "[tree_events]") {
  // Nigeria announced the deployment of troops , including officers , to Liberia [on a
  // peacekeeping mission] .  ("to Liberia" read as a phrase of "officers")
  auto sentence = [](bool peacekeeping) {
    std::vector<Tok> toks = {{"Nigeria", Upos::kPropn, 2, Dep::kNsubj, "Nigeria", "NNP"},
                             {"announced", Upos::kVerb, 0, Dep::kRoot, "announce", "VBD"},
                             {"the", Upos::kDet, 4, Dep::kDet, "the", "DT"},
                             {"deployment", Upos::kNoun, 2, Dep::kObj, "deployment", "NN"},
                             {"of", Upos::kAdp, 6, Dep::kCase, "of", "IN"},
                             {"troops", Upos::kNoun, 4, Dep::kNmod, "troop", "NNS"},
                             {",", Upos::kPunct, 9, Dep::kPunct, ",", ","},
                             {"including", Upos::kVerb, 9, Dep::kCase, "include", "VBG"},
                             {"officers", Upos::kNoun, 2, Dep::kObl, "officer", "NNS"},
                             {",", Upos::kPunct, 12, Dep::kPunct, ",", ","},
                             {"to", Upos::kAdp, 12, Dep::kCase, "to", "IN"},
                             {"Liberia", Upos::kPropn, 9, Dep::kNmod, "Liberia", "NNP"}};
    if (peacekeeping) {
      toks.push_back({"on", Upos::kAdp, 16, Dep::kCase, "on", "IN"});
      toks.push_back({"a", Upos::kDet, 16, Dep::kDet, "a", "DT"});
      toks.push_back({"peacekeeping", Upos::kNoun, 16, Dep::kCompound, "peacekeeping", "NN"});
      toks.push_back({"mission", Upos::kNoun, 2, Dep::kObl, "mission", "NN"});
    }
    toks.push_back({".", Upos::kPunct, 2, Dep::kPunct, ".", "."});
    return Build(toks, {{0, 0, 0}, {11, 11, 1}}, {"Nigeria", "Liberia"});
  };
  auto plain = sentence(false);
  auto found = Run(*plain);
  REQUIRE(found.size() == 1);
  CHECK(found[0].source == "Nigeria");
  CHECK(found[0].type == "deployed-to");
  CHECK(found[0].target == "Liberia");
  // On a peacekeeping mission, by the clause of the verb that announces it,
  // the deployment is aid.
  auto helpful = sentence(true);
  found = Run(*helpful);
  REQUIRE(found.size() == 1);
  CHECK(found[0].type == "aided");
  CHECK(found[0].target == "Liberia");
}

TEST_CASE("aid goes to whom a clause inside its purpose names", "[tree_events]") {
  // Germany donated money to support projects which benefit refugees in Syria .
  auto relative = Build({{"Germany", Upos::kPropn, 2, Dep::kNsubj, "Germany", "NNP"},
                         {"donated", Upos::kVerb, 0, Dep::kRoot, "donate", "VBD"},
                         {"money", Upos::kNoun, 2, Dep::kObj, "money", "NN"},
                         {"to", Upos::kPart, 5, Dep::kMark, "to", "TO"},
                         {"support", Upos::kVerb, 2, Dep::kAdvcl, "support", "VB"},
                         {"projects", Upos::kNoun, 5, Dep::kObj, "project", "NNS"},
                         {"which", Upos::kPron, 8, Dep::kNsubj, "which", "WDT"},
                         {"benefit", Upos::kVerb, 6, Dep::kAclRelcl, "benefit", "VBP"},
                         {"refugees", Upos::kNoun, 8, Dep::kObj, "refugee", "NNS"},
                         {"in", Upos::kAdp, 11, Dep::kCase, "in", "IN"},
                         {"Syria", Upos::kPropn, 8, Dep::kObl, "Syria", "NNP"},
                         {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                        {{0, 0, 0}, {10, 10, 1}}, {"Germany", "Syria"});
  auto found = Run(*relative);
  REQUIRE(found.size() == 1);
  CHECK(found[0].source == "Germany");
  CHECK(found[0].type == "aided");
  CHECK(found[0].target == "Syria");
  // Germany donated money this year to pay for aid in Yemen .  (the purpose
  // read as a clause of "year")
  auto on_time = Build({{"Germany", Upos::kPropn, 2, Dep::kNsubj, "Germany", "NNP"},
                        {"donated", Upos::kVerb, 0, Dep::kRoot, "donate", "VBD"},
                        {"money", Upos::kNoun, 2, Dep::kObj, "money", "NN"},
                        {"this", Upos::kDet, 5, Dep::kDet, "this", "DT"},
                        {"year", Upos::kNoun, 2, Dep::kOblUnmarked, "year", "NN"},
                        {"to", Upos::kPart, 7, Dep::kMark, "to", "TO"},
                        {"pay", Upos::kVerb, 5, Dep::kAcl, "pay", "VB"},
                        {"for", Upos::kAdp, 9, Dep::kCase, "for", "IN"},
                        {"aid", Upos::kNoun, 7, Dep::kObl, "aid", "NN"},
                        {"in", Upos::kAdp, 11, Dep::kCase, "in", "IN"},
                        {"Yemen", Upos::kPropn, 9, Dep::kNmod, "Yemen", "NNP"},
                        {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                       {{0, 0, 0}, {10, 10, 1}}, {"Germany", "Yemen"});
  found = Run(*on_time);
  bool aided = false;
  for (const Found& f : found) aided |= f.source == "Germany" && f.type == "aided" && f.target == "Yemen";
  CHECK(aided);
}

TEST_CASE("a ceasefire declared in the place a sentence opens with is coded against it", "[tree_events]") {
  // In Colombia , the ELN declared a ceasefire on Monday .
  auto h = Build({{"In", Upos::kAdp, 2, Dep::kCase, "in", "IN"},
                  {"Colombia", Upos::kPropn, 6, Dep::kObl, "Colombia", "NNP"},
                  {",", Upos::kPunct, 2, Dep::kPunct, ",", ","},
                  {"the", Upos::kDet, 5, Dep::kDet, "the", "DT"},
                  {"ELN", Upos::kPropn, 6, Dep::kNsubj, "ELN", "NNP"},
                  {"declared", Upos::kVerb, 0, Dep::kRoot, "declare", "VBD"},
                  {"a", Upos::kDet, 8, Dep::kDet, "a", "DT"},
                  {"ceasefire", Upos::kNoun, 6, Dep::kObj, "ceasefire", "NN"},
                  {"on", Upos::kAdp, 10, Dep::kCase, "on", "IN"},
                  {"Monday", Upos::kPropn, 6, Dep::kObl, "Monday", "NNP"},
                  {".", Upos::kPunct, 6, Dep::kPunct, ".", "."}},
                 {{1, 1, 0}, {4, 4, 1}}, {"Colombia", "National Liberation Army"});
  auto found = Run(*h);
  REQUIRE(found.size() == 1);
  CHECK(found[0].source == "National Liberation Army");
  CHECK(found[0].type == "conceded-to");
  CHECK(found[0].target == "Colombia");
}

TEST_CASE("aid to people no actor names goes to whom their relative clause names", "[tree_events]") {
  // Germany donated tents to people who fled to Syria .
  //   or: Germany donated tents to people using funds of Syria .  (what they do: no recipient)
  auto sentence = [](bool relative) {
    return Build({{"Germany", Upos::kPropn, 2, Dep::kNsubj, "Germany", "NNP"},
                  {"donated", Upos::kVerb, 0, Dep::kRoot, "donate", "VBD"},
                  {"tents", Upos::kNoun, 2, Dep::kObj, "tent", "NNS"},
                  {"to", Upos::kAdp, 5, Dep::kCase, "to", "IN"},
                  {"people", Upos::kNoun, 2, Dep::kObl, "people", "NNS"},
                  relative ? Tok{"who", Upos::kPron, 7, Dep::kNsubj, "who", "WP"}
                           : Tok{"using", Upos::kVerb, 5, Dep::kAcl, "use", "VBG"},
                  relative ? Tok{"fled", Upos::kVerb, 5, Dep::kAclRelcl, "flee", "VBD"}
                           : Tok{"funds", Upos::kNoun, 6, Dep::kObj, "fund", "NNS"},
                  relative ? Tok{"to", Upos::kAdp, 9, Dep::kCase, "to", "IN"}
                           : Tok{"of", Upos::kAdp, 9, Dep::kCase, "of", "IN"},
                  {"Syria", Upos::kPropn, 7, relative ? Dep::kObl : Dep::kNmod, "Syria", "NNP"},
                  {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {8, 8, 1}}, {"Germany", "Syria"});
  };
  auto relative = sentence(true);
  auto found = Run(*relative);
  REQUIRE(found.size() == 1);
  CHECK(found[0].source == "Germany");
  CHECK(found[0].type == "aided");
  CHECK(found[0].target == "Syria");
  auto using_clause = sentence(false);
  CHECK(Run(*using_clause).empty());
}

TEST_CASE("a count of forces arriving in a country is a deployment of the forces it counts", "[tree_events]") {
  // Hundreds of British troops arrived in Mali .
  auto h = Build({{"Hundreds", Upos::kNoun, 5, Dep::kNsubj, "hundred", "NNS"},
                  {"of", Upos::kAdp, 4, Dep::kCase, "of", "IN"},
                  {"British", Upos::kAdj, 4, Dep::kAmod, "british", "JJ"},
                  {"troops", Upos::kNoun, 1, Dep::kNmod, "troop", "NNS"},
                  {"arrived", Upos::kVerb, 0, Dep::kRoot, "arrive", "VBD"},
                  {"in", Upos::kAdp, 7, Dep::kCase, "in", "IN"},
                  {"Mali", Upos::kPropn, 5, Dep::kObl, "Mali", "NNP"},
                  {".", Upos::kPunct, 5, Dep::kPunct, ".", "."}},
                 {{2, 2, 0}, {6, 6, 1}}, {"United Kingdom", "Mali"});
  h->doc.entities[0].kind = graph::EntityKind::kCountry;
  h->doc.entities[1].kind = graph::EntityKind::kCountry;
  auto found = Run(*h);
  REQUIRE(found.size() == 1);
  CHECK(found[0].source == "United Kingdom");
  CHECK(found[0].type == "deployed-to");
  CHECK(found[0].target == "Mali");
}

TEST_CASE("a preposition hung on a title before a name is the name's", "[tree_events]") {
  // Rivlin eased restrictions on former minister Olmert .  ("on" read as a word of the title)
  auto h = Build({{"Rivlin", Upos::kPropn, 2, Dep::kNsubj, "Rivlin", "NNP"},
                  {"eased", Upos::kVerb, 0, Dep::kRoot, "ease", "VBD"},
                  {"restrictions", Upos::kNoun, 2, Dep::kObj, "restriction", "NNS"},
                  {"on", Upos::kAdp, 6, Dep::kCase, "on", "IN"},
                  {"former", Upos::kAdj, 6, Dep::kAmod, "former", "JJ"},
                  {"minister", Upos::kNoun, 7, Dep::kNmodDesc, "minister", "NN"},
                  {"Olmert", Upos::kPropn, 3, Dep::kNmod, "Olmert", "NNP"},
                  {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {6, 6, 1}}, {"Reuven Rivlin", "Ehud Olmert"});
  auto found = Run(*h);
  REQUIRE(found.size() == 1);
  CHECK(found[0].source == "Reuven Rivlin");
  CHECK(found[0].type == "conceded-to");
  CHECK(found[0].target == "Ehud Olmert");
}

TEST_CASE("a restriction on an act is aimed at whom the act's clause names", "[tree_events]") {
  // Obama eased restrictions on the ability of people to visit Cuba .
  auto h = Build({{"Obama", Upos::kPropn, 2, Dep::kNsubj, "Obama", "NNP"},
                  {"eased", Upos::kVerb, 0, Dep::kRoot, "ease", "VBD"},
                  {"restrictions", Upos::kNoun, 2, Dep::kObj, "restriction", "NNS"},
                  {"on", Upos::kAdp, 6, Dep::kCase, "on", "IN"},
                  {"the", Upos::kDet, 6, Dep::kDet, "the", "DT"},
                  {"ability", Upos::kNoun, 3, Dep::kNmod, "ability", "NN"},
                  {"of", Upos::kAdp, 8, Dep::kCase, "of", "IN"},
                  {"people", Upos::kNoun, 6, Dep::kNmod, "people", "NNS"},
                  {"to", Upos::kPart, 10, Dep::kMark, "to", "TO"},
                  {"visit", Upos::kVerb, 6, Dep::kAcl, "visit", "VB"},
                  {"Cuba", Upos::kPropn, 10, Dep::kObj, "Cuba", "NNP"},
                  {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {10, 10, 1}}, {"Barack Obama", "Cuba"});
  auto found = Run(*h);
  REQUIRE(found.size() == 1);
  CHECK(found[0].source == "Barack Obama");
  CHECK(found[0].type == "conceded-to");
  CHECK(found[0].target == "Cuba");
}

TEST_CASE("a threat of an attack on something unnamed is aimed at the place it would strike", "[tree_events]") {
  // The rebels threatened to attack bases in Hama .
  auto h = Build({{"The", Upos::kDet, 2, Dep::kDet, "the", "DT"},
                  {"rebels", Upos::kNoun, 3, Dep::kNsubj, "rebel", "NNS"},
                  {"threatened", Upos::kVerb, 0, Dep::kRoot, "threaten", "VBD"},
                  {"to", Upos::kPart, 5, Dep::kMark, "to", "TO"},
                  {"attack", Upos::kVerb, 3, Dep::kXcomp, "attack", "VB"},
                  {"bases", Upos::kNoun, 5, Dep::kObj, "base", "NNS"},
                  {"in", Upos::kAdp, 8, Dep::kCase, "in", "IN"},
                  {"Hama", Upos::kPropn, 6, Dep::kNmod, "Hama", "NNP"},
                  {".", Upos::kPunct, 3, Dep::kPunct, ".", "."}},
                 {{1, 1, 0}, {7, 7, 1}}, {"Syrian rebels", "Hama"});
  h->doc.entities[0].kind = graph::EntityKind::kArmedGroup;
  h->doc.entities[1].kind = graph::EntityKind::kLocation;
  bool threat = false, attack = false;
  for (const Found& f : Run(*h)) {
    threat |= f.source == "Syrian rebels" && f.type == "threatened" && f.target == "Hama" &&
              f.modality == Modality::kAsserted;
    attack |= f.source == "Syrian rebels" && f.type == "attacked" && f.target == "Hama" &&
              f.modality == Modality::kHypothetical;
  }
  CHECK(threat);
  CHECK(attack);
}

TEST_CASE("sanctions imposed in relation to a country are on it", "[tree_events]") {
  // The UN imposed sanctions in relation to Iraq in 1990 .
  auto h = Build({{"The", Upos::kDet, 2, Dep::kDet, "the", "DT"},
                  {"UN", Upos::kPropn, 3, Dep::kNsubj, "UN", "NNP"},
                  {"imposed", Upos::kVerb, 0, Dep::kRoot, "impose", "VBD"},
                  {"sanctions", Upos::kNoun, 3, Dep::kObj, "sanction", "NNS"},
                  {"in", Upos::kAdp, 6, Dep::kCase, "in", "IN"},
                  {"relation", Upos::kNoun, 3, Dep::kObl, "relation", "NN"},
                  {"to", Upos::kAdp, 8, Dep::kCase, "to", "IN"},
                  {"Iraq", Upos::kPropn, 6, Dep::kNmod, "Iraq", "NNP"},
                  {"in", Upos::kAdp, 10, Dep::kCase, "in", "IN"},
                  {"1990", Upos::kNum, 3, Dep::kObl, "1990", "CD"},
                  {".", Upos::kPunct, 3, Dep::kPunct, ".", "."}},
                 {{1, 1, 0}, {7, 7, 1}}, {"United Nations", "Iraq"});
  auto found = Run(*h);
  REQUIRE(found.size() == 1);
  CHECK(found[0].source == "United Nations");
  CHECK(found[0].type == "sanctioned");
  CHECK(found[0].target == "Iraq");
}

TEST_CASE("a phrase under which an act is done names none of its targets", "[tree_events]") {
  // Iran cancelled the visit under pressure from Russia .
  auto h = Build({{"Iran", Upos::kPropn, 2, Dep::kNsubj, "Iran", "NNP"},
                  {"cancelled", Upos::kVerb, 0, Dep::kRoot, "cancel", "VBD"},
                  {"the", Upos::kDet, 4, Dep::kDet, "the", "DT"},
                  {"visit", Upos::kNoun, 2, Dep::kObj, "visit", "NN"},
                  {"under", Upos::kAdp, 6, Dep::kCase, "under", "IN"},
                  {"pressure", Upos::kNoun, 2, Dep::kObl, "pressure", "NN"},
                  {"from", Upos::kAdp, 8, Dep::kCase, "from", "IN"},
                  {"Russia", Upos::kPropn, 6, Dep::kNmod, "Russia", "NNP"},
                  {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {7, 7, 1}}, {"Iran", "Russia"});
  CHECK(Run(*h).empty());
}

TEST_CASE("a name read as the root keeps the verb read as an adjective of its clause's noun", "[tree_events]") {
  // Lazo on Saturday expressed condolences to Cambodia .  ("expressed" read as an adjective
  // of "condolences", a clause of the name)
  auto h = Build({{"Lazo", Upos::kPropn, 0, Dep::kRoot, "Lazo", "NNP"},
                  {"on", Upos::kAdp, 3, Dep::kCase, "on", "IN"},
                  {"Saturday", Upos::kPropn, 1, Dep::kNmod, "Saturday", "NNP"},
                  {"expressed", Upos::kVerb, 5, Dep::kAmod, "express", "VBD"},
                  {"condolences", Upos::kNoun, 1, Dep::kParataxis, "condolence", "NNS"},
                  {"to", Upos::kAdp, 7, Dep::kCase, "to", "IN"},
                  {"Cambodia", Upos::kPropn, 5, Dep::kNmod, "Cambodia", "NNP"},
                  {".", Upos::kPunct, 1, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {6, 6, 1}}, {"Esteban Lazo", "Cambodia"});
  auto found = Run(*h);
  REQUIRE(found.size() == 1);
  CHECK(found[0].source == "Esteban Lazo");
  CHECK(found[0].type == "commented-on");
  CHECK(found[0].target == "Cambodia");
}

TEST_CASE("a comment is about what its phrase of stance names", "[tree_events]") {
  // Iran expressed pessimism at the prospect of talks with Iraq .
  auto h = Build({{"Iran", Upos::kPropn, 2, Dep::kNsubj, "Iran", "NNP"},
                  {"expressed", Upos::kVerb, 0, Dep::kRoot, "express", "VBD"},
                  {"pessimism", Upos::kNoun, 2, Dep::kObj, "pessimism", "NN"},
                  {"at", Upos::kAdp, 6, Dep::kCase, "at", "IN"},
                  {"the", Upos::kDet, 6, Dep::kDet, "the", "DT"},
                  {"prospect", Upos::kNoun, 2, Dep::kObl, "prospect", "NN"},
                  {"of", Upos::kAdp, 8, Dep::kCase, "of", "IN"},
                  {"talks", Upos::kNoun, 6, Dep::kNmod, "talk", "NNS"},
                  {"with", Upos::kAdp, 10, Dep::kCase, "with", "IN"},
                  {"Iraq", Upos::kPropn, 8, Dep::kNmod, "Iraq", "NNP"},
                  {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {9, 9, 1}}, {"Iran", "Iraq"});
  bool comment = false;
  for (const Found& f : Run(*h)) comment |= f.source == "Iran" && f.type == "commented-on" && f.target == "Iraq";
  CHECK(comment);
}

TEST_CASE("suspending a restriction eases it, it cuts nothing", "[tree_events]") {
  // France suspended a tax on Google .
  auto h = Build({{"France", Upos::kPropn, 2, Dep::kNsubj, "France", "NNP"},
                  {"suspended", Upos::kVerb, 0, Dep::kRoot, "suspend", "VBD"},
                  {"a", Upos::kDet, 4, Dep::kDet, "a", "DT"},
                  {"tax", Upos::kNoun, 2, Dep::kObj, "tax", "NN"},
                  {"on", Upos::kAdp, 6, Dep::kCase, "on", "IN"},
                  {"Google", Upos::kPropn, 4, Dep::kNmod, "Google", "NNP"},
                  {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {5, 5, 1}}, {"France", "Google"});
  auto found = Run(*h);
  REQUIRE(found.size() == 1);
  CHECK(found[0].source == "France");
  CHECK(found[0].type == "conceded-to");
  CHECK(found[0].target == "Google");
}

TEST_CASE("what an appeal noun asks is done by the one it is made to, and not yet", "[tree_events]") {
  // China call on Iran to release Johnson .  (a headline's "call" read as a noun)
  auto h = Build({{"China", Upos::kPropn, 2, Dep::kCompound, "China", "NNP"},
                  {"call", Upos::kNoun, 0, Dep::kRoot, "call", "NN"},
                  {"on", Upos::kAdp, 4, Dep::kCase, "on", "IN"},
                  {"Iran", Upos::kPropn, 2, Dep::kNmod, "Iran", "NNP"},
                  {"to", Upos::kPart, 6, Dep::kMark, "to", "TO"},
                  {"release", Upos::kVerb, 2, Dep::kAcl, "release", "VB"},
                  {"Johnson", Upos::kPropn, 6, Dep::kObj, "Johnson", "NNP"},
                  {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {3, 3, 1}, {6, 6, 2}}, {"China", "Iran", "Boris Johnson"});
  auto found = Run(*h);
  REQUIRE(found.size() == 1);
  CHECK(found[0].source == "Iran");
  CHECK(found[0].type == "released");
  CHECK(found[0].target == "Boris Johnson");
  CHECK(found[0].modality == Modality::kHypothetical);
}

TEST_CASE("what is warned or voted against is not done", "[tree_events]") {
  // Iran warned against attacking Iraq .
  auto h = Build({{"Iran", Upos::kPropn, 2, Dep::kNsubj, "Iran", "NNP"},
                  {"warned", Upos::kVerb, 0, Dep::kRoot, "warn", "VBD"},
                  {"against", Upos::kAdp, 4, Dep::kMark, "against", "IN"},
                  {"attacking", Upos::kVerb, 2, Dep::kAdvcl, "attack", "VBG"},
                  {"Iraq", Upos::kPropn, 4, Dep::kObj, "Iraq", "NNP"},
                  {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {4, 4, 1}}, {"Iran", "Iraq"});
  // Nor is it the warner's own act: no attack by Iran, even a hypothetical
  // one (the gerund has no subject of its own; see SubjectOf).
  auto found = Run(*h);
  for (const auto& e : found) CHECK(e.type != "attacked");
}

TEST_CASE("a release is of whom its phrase names, not of an actor inside what is released", "[tree_events]") {
  // Iran ordered the release of Iraqi prisoners .  /  Iran ordered the release of money for Iraq .
  auto sentence = [](bool prisoners) {
    std::vector<Tok> toks = {{"Iran", Upos::kPropn, 2, Dep::kNsubj, "Iran", "NNP"},
                             {"ordered", Upos::kVerb, 0, Dep::kRoot, "order", "VBD"},
                             {"the", Upos::kDet, 4, Dep::kDet, "the", "DT"},
                             {"release", Upos::kNoun, 2, Dep::kObj, "release", "NN"},
                             {"of", Upos::kAdp, prisoners ? 7 : 6, Dep::kCase, "of", "IN"}};
    if (prisoners) {
      toks.push_back({"Iraqi", Upos::kAdj, 7, Dep::kAmod, "iraqi", "JJ"});
      toks.push_back({"prisoners", Upos::kNoun, 4, Dep::kNmod, "prisoner", "NNS"});
    } else {
      toks.push_back({"money", Upos::kNoun, 4, Dep::kNmod, "money", "NN"});
      toks.push_back({"for", Upos::kAdp, 8, Dep::kCase, "for", "IN"});
      toks.push_back({"Iraq", Upos::kPropn, 6, Dep::kNmod, "Iraq", "NNP"});
    }
    toks.push_back({".", Upos::kPunct, 2, Dep::kPunct, ".", "."});
    return Build(toks, {{0, 0, 0}, {prisoners ? 5u : 7u, prisoners ? 5u : 7u, 1}}, {"Iran", "Iraq"});
  };
  auto prisoners = sentence(true);
  auto found = Run(*prisoners);
  REQUIRE(found.size() == 1);
  CHECK(found[0].source == "Iran");
  CHECK(found[0].type == "released");
  CHECK(found[0].target == "Iraq");
  auto money = sentence(false);
  CHECK(Run(*money).empty());
}

TEST_CASE("what someone is barred from is not done", "[tree_events]") {
  // Iran barred Iraq from attacking Syria .
  auto h = Build({{"Iran", Upos::kPropn, 2, Dep::kNsubj, "Iran", "NNP"},
                  {"barred", Upos::kVerb, 0, Dep::kRoot, "bar", "VBD"},
                  {"Iraq", Upos::kPropn, 2, Dep::kObj, "Iraq", "NNP"},
                  {"from", Upos::kSconj, 5, Dep::kMark, "from", "IN"},
                  {"attacking", Upos::kVerb, 2, Dep::kAdvcl, "attack", "VBG"},
                  {"Syria", Upos::kPropn, 5, Dep::kObj, "Syria", "NNP"},
                  {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {2, 2, 1}, {5, 5, 2}}, {"Iran", "Iraq", "Syria"});
  bool attack = false;
  for (const Found& f : Run(*h))
    if (f.type == "attacked") {
      attack = true;
      CHECK(f.source == "Iraq");
      CHECK(f.target == "Syria");
      CHECK(f.modality == Modality::kNegated);
    }
  CHECK(attack);
}

TEST_CASE("a clause on a predicate noun is done by the copula's subject", "[tree_events]") {
  // Japan is the top donor , donating money to Iraq .
  auto h = Build({{"Japan", Upos::kPropn, 5, Dep::kNsubj, "Japan", "NNP"},
                  {"is", Upos::kAux, 5, Dep::kCop, "be", "VBZ"},
                  {"the", Upos::kDet, 5, Dep::kDet, "the", "DT"},
                  {"top", Upos::kAdj, 5, Dep::kAmod, "top", "JJ"},
                  {"donor", Upos::kNoun, 0, Dep::kRoot, "donor", "NN"},
                  {",", Upos::kPunct, 7, Dep::kPunct, ",", ","},
                  {"donating", Upos::kVerb, 5, Dep::kAcl, "donate", "VBG"},
                  {"money", Upos::kNoun, 7, Dep::kObj, "money", "NN"},
                  {"to", Upos::kAdp, 10, Dep::kCase, "to", "IN"},
                  {"Iraq", Upos::kPropn, 7, Dep::kObl, "Iraq", "NNP"},
                  {".", Upos::kPunct, 5, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {9, 9, 1}}, {"Japan", "Iraq"});
  auto found = Run(*h);
  REQUIRE(found.size() == 1);
  CHECK(found[0].source == "Japan");
  CHECK(found[0].type == "aided");
  CHECK(found[0].target == "Iraq");
}

TEST_CASE("troops offered to help someone are a pledge of aid to them", "[tree_events]") {
  // Australia offered to send troops to help|fight Iraq .
  auto sentence = [](const char* purpose) {
    return Build({{"Australia", Upos::kPropn, 2, Dep::kNsubj, "Australia", "NNP"},
                  {"offered", Upos::kVerb, 0, Dep::kRoot, "offer", "VBD"},
                  {"to", Upos::kPart, 4, Dep::kMark, "to", "TO"},
                  {"send", Upos::kVerb, 2, Dep::kXcomp, "send", "VB"},
                  {"troops", Upos::kNoun, 4, Dep::kObj, "troop", "NNS"},
                  {"to", Upos::kPart, 7, Dep::kMark, "to", "TO"},
                  {purpose, Upos::kVerb, 4, Dep::kAdvcl, purpose, "VB"},
                  {"Iraq", Upos::kPropn, 7, Dep::kObj, "Iraq", "NNP"},
                  {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {7, 7, 1}}, {"Australia", "Iraq"});
  };
  auto help = sentence("help");
  bool pledge = false, aid = false;
  for (const Found& f : Run(*help)) {
    pledge |= f.type == "pledged-to" && f.target == "Iraq" && f.modality == Modality::kAsserted;
    aid |= f.type == "aided" && f.target == "Iraq" && f.modality == Modality::kHypothetical;
  }
  CHECK(pledge);
  CHECK(aid);
  // Forces sent to fight someone are not sent to them.
  auto fight = sentence("fight");
  for (const Found& f : Run(*fight)) CHECK(f.type != "deployed-to");
}

TEST_CASE("troops sent into a country to help someone go to the country", "[tree_events]") {
  // Russia sent troops into Iraq to support Syria .
  auto h = Build({{"Russia", Upos::kPropn, 2, Dep::kNsubj, "Russia", "NNP"},
                  {"sent", Upos::kVerb, 0, Dep::kRoot, "send", "VBD"},
                  {"troops", Upos::kNoun, 2, Dep::kObj, "troop", "NNS"},
                  {"into", Upos::kAdp, 5, Dep::kCase, "into", "IN"},
                  {"Iraq", Upos::kPropn, 2, Dep::kObl, "Iraq", "NNP"},
                  {"to", Upos::kPart, 7, Dep::kMark, "to", "TO"},
                  {"support", Upos::kVerb, 2, Dep::kAdvcl, "support", "VB"},
                  {"Syria", Upos::kPropn, 7, Dep::kObj, "Syria", "NNP"},
                  {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {4, 4, 1}, {7, 7, 2}}, {"Russia", "Iraq", "Syria"});
  auto found = Run(*h);
  REQUIRE(found.size() == 1);
  CHECK(found[0].type == "aided");  // a deployment to help
  CHECK(found[0].target == "Iraq");
}

TEST_CASE("easing some of one's restrictions concedes and imposes none", "[tree_events]") {
  // The US eased some of its restrictions on Cuba .
  auto h = Build({{"The", Upos::kDet, 2, Dep::kDet, "the", "DT"},
                  {"US", Upos::kPropn, 3, Dep::kNsubj, "US", "NNP"},
                  {"eased", Upos::kVerb, 0, Dep::kRoot, "ease", "VBD"},
                  {"some", Upos::kDet, 3, Dep::kObj, "some", "DT"},
                  {"of", Upos::kAdp, 7, Dep::kCase, "of", "IN"},
                  {"its", Upos::kPron, 7, Dep::kNmodPoss, "its", "PRP$"},
                  {"restrictions", Upos::kNoun, 4, Dep::kNmod, "restriction", "NNS"},
                  {"on", Upos::kAdp, 9, Dep::kCase, "on", "IN"},
                  {"Cuba", Upos::kPropn, 7, Dep::kNmod, "Cuba", "NNP"},
                  {".", Upos::kPunct, 3, Dep::kPunct, ".", "."}},
                 {{1, 1, 0}, {5, 5, 0}, {8, 8, 1}}, {"United States", "Cuba"});
  auto found = Run(*h);
  REQUIRE(found.size() == 1);
  CHECK(found[0].source == "United States");
  CHECK(found[0].type == "conceded-to");
  CHECK(found[0].target == "Cuba");
}


TEST_CASE("a demand that someone act asks it of them", "[tree_events]") {
  // Chile renewed its demand that Peru withdraw the ships .  (the tagger's
  // past tense for the bare "withdraw" is what it often gives)
  auto h = Build({{"Chile", Upos::kPropn, 2, Dep::kNsubj, "Chile", "NNP"},
                  {"renewed", Upos::kVerb, 0, Dep::kRoot, "renew", "VBD"},
                  {"its", Upos::kPron, 4, Dep::kNmodPoss, "its", "PRP$"},
                  {"demand", Upos::kNoun, 2, Dep::kObj, "demand", "NN"},
                  {"that", Upos::kSconj, 7, Dep::kMark, "that", "IN"},
                  {"Peru", Upos::kPropn, 7, Dep::kNsubj, "Peru", "NNP"},
                  {"withdraw", Upos::kVerb, 4, Dep::kAcl, "withdraw", "VBD"},
                  {"the", Upos::kDet, 9, Dep::kDet, "the", "DT"},
                  {"ships", Upos::kNoun, 7, Dep::kObj, "ship", "NNS"},
                  {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {5, 5, 1}}, {"Chile", "Peru"});
  bool called = false;
  for (const Found& f : Run(*h))
    if (f.type == "called-on") {
      called = true;
      CHECK(f.source == "Chile");
      CHECK(f.target == "Peru");
    }
  CHECK(called);
  // The demand that Peru made was rejected .  (a relative clause: Peru made it)
  auto r = Build({{"The", Upos::kDet, 2, Dep::kDet, "the", "DT"},
                  {"demand", Upos::kNoun, 7, Dep::kNsubjPass, "demand", "NN"},
                  {"that", Upos::kPron, 5, Dep::kObj, "that", "WDT"},
                  {"Peru", Upos::kPropn, 5, Dep::kNsubj, "Peru", "NNP"},
                  {"made", Upos::kVerb, 2, Dep::kAclRelcl, "make", "VBD"},
                  {"was", Upos::kAux, 7, Dep::kAuxPass, "be", "VBD"},
                  {"rejected", Upos::kVerb, 0, Dep::kRoot, "reject", "VBN"},
                  {".", Upos::kPunct, 7, Dep::kPunct, ".", "."}},
                 {{3, 3, 0}}, {"Peru"});
  for (const Found& f : Run(*r)) CHECK(f.type != "called-on");
}

TEST_CASE("an act inside a condition is hypothetical, negated or refused", "[tree_events]") {
  // The gang threatened to attack Iraq if Kuwait does not leave Basra .
  auto negated = Build({{"The", Upos::kDet, 2, Dep::kDet, "the", "DT"},
                        {"gang", Upos::kNoun, 3, Dep::kNsubj, "gang", "NN"},
                        {"threatened", Upos::kVerb, 0, Dep::kRoot, "threaten", "VBD"},
                        {"to", Upos::kPart, 5, Dep::kMark, "to", "TO"},
                        {"attack", Upos::kVerb, 3, Dep::kXcomp, "attack", "VB"},
                        {"Iraq", Upos::kPropn, 5, Dep::kObj, "Iraq", "NNP"},
                        {"if", Upos::kSconj, 11, Dep::kMark, "if", "IN"},
                        {"Kuwait", Upos::kPropn, 11, Dep::kNsubj, "Kuwait", "NNP"},
                        {"does", Upos::kAux, 11, Dep::kAux, "do", "VBZ"},
                        {"not", Upos::kPart, 11, Dep::kAdvmod, "not", "RB"},
                        {"leave", Upos::kVerb, 5, Dep::kAdvcl, "leave", "VB"},
                        {"Basra", Upos::kPropn, 11, Dep::kObj, "Basra", "NNP"},
                        {".", Upos::kPunct, 3, Dep::kPunct, ".", "."}},
                       {{1, 1, 0}, {5, 5, 1}, {7, 7, 2}, {11, 11, 3}}, {"Gang", "Iraq", "Kuwait", "Basra"});
  bool leave = false;
  for (const Found& f : Run(*negated))
    if (f.type == "withdrew-from") {
      leave = true;
      CHECK(f.source == "Kuwait");
      CHECK(f.modality == Modality::kHypothetical);  // not negated: the condition may hold
    }
  CHECK(leave);
  // ... if the government refuses to release Jordan . (the condition sits
  // on the refusing verb above the act: no refusal, and no release done)
  auto refused = Build({{"Iran", Upos::kPropn, 2, Dep::kNsubj, "Iran", "NNP"},
                        {"threatened", Upos::kVerb, 0, Dep::kRoot, "threaten", "VBD"},
                        {"to", Upos::kPart, 4, Dep::kMark, "to", "TO"},
                        {"attack", Upos::kVerb, 2, Dep::kXcomp, "attack", "VB"},
                        {"Iraq", Upos::kPropn, 4, Dep::kObj, "Iraq", "NNP"},
                        {"if", Upos::kSconj, 8, Dep::kMark, "if", "IN"},
                        {"Kuwait", Upos::kPropn, 8, Dep::kNsubj, "Kuwait", "NNP"},
                        {"refuses", Upos::kVerb, 4, Dep::kAdvcl, "refuse", "VBZ"},
                        {"to", Upos::kPart, 10, Dep::kMark, "to", "TO"},
                        {"release", Upos::kVerb, 8, Dep::kXcomp, "release", "VB"},
                        {"Jordanians", Upos::kPropn, 10, Dep::kObj, "Jordanian", "NNPS"},
                        {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                       {{0, 0, 0}, {4, 4, 1}, {6, 6, 2}, {10, 10, 3}}, {"Iran", "Iraq", "Kuwait", "Jordan"});
  bool release = false;
  for (const Found& f : Run(*refused)) {
    CHECK(f.type != "rejected");
    if (f.type == "released") {
      release = true;
      CHECK(f.modality == Modality::kHypothetical);
    }
  }
  CHECK(release);
}

TEST_CASE("what a relative clause says of its noun is not denied with the clause holding it", "[tree_events]") {
  // Iran denied the raid was linked to Hamas , which attacked Iraq .
  auto h = Build({{"Iran", Upos::kPropn, 2, Dep::kNsubj, "Iran", "NNP"},
                  {"denied", Upos::kVerb, 0, Dep::kRoot, "deny", "VBD"},
                  {"the", Upos::kDet, 4, Dep::kDet, "the", "DT"},
                  {"raid", Upos::kNoun, 6, Dep::kNsubjPass, "raid", "NN"},
                  {"was", Upos::kAux, 6, Dep::kAuxPass, "be", "VBD"},
                  {"linked", Upos::kVerb, 2, Dep::kCcomp, "link", "VBN"},
                  {"to", Upos::kAdp, 8, Dep::kCase, "to", "IN"},
                  {"Hamas", Upos::kPropn, 6, Dep::kObl, "Hamas", "NNP"},
                  {",", Upos::kPunct, 11, Dep::kPunct, ",", ","},
                  {"which", Upos::kPron, 11, Dep::kNsubj, "which", "WDT"},
                  {"attacked", Upos::kVerb, 8, Dep::kAclRelcl, "attack", "VBD"},
                  {"Iraq", Upos::kPropn, 11, Dep::kObj, "Iraq", "NNP"},
                  {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                 {{0, 0, 0}, {7, 7, 1}, {11, 11, 2}}, {"Iran", "Hamas", "Iraq"});
  bool attack = false;
  for (const Found& f : Run(*h))
    if (f.type == "attacked") {
      attack = true;
      CHECK(f.source == "Hamas");
      CHECK(f.modality == Modality::kAsserted);
    }
  CHECK(attack);
}

TEST_CASE("envoys and leaders leaving a place travel, and forces leaving their own base move", "[tree_events]") {
  auto withdrawals = [](const Hand& h) {
    int n = 0;
    for (const Found& f : Run(h)) n += f.type == "withdrew-from";
    return n;
  };
  // Kuwaiti troops left Basra .
  auto troops = Build({{"Kuwaiti", Upos::kAdj, 2, Dep::kAmod, "kuwaiti", "JJ"},
                       {"troops", Upos::kNoun, 3, Dep::kNsubj, "troop", "NNS"},
                       {"left", Upos::kVerb, 0, Dep::kRoot, "leave", "VBD"},
                       {"Basra", Upos::kPropn, 3, Dep::kObj, "Basra", "NNP"},
                       {".", Upos::kPunct, 3, Dep::kPunct, ".", "."}},
                      {{0, 1, 0}, {3, 3, 1}}, {"Kuwait", "Basra"});
  CHECK(withdrawals(*troops) == 1);
  // Kuwaiti troops left their base .
  auto base = Build({{"Kuwaiti", Upos::kAdj, 2, Dep::kAmod, "kuwaiti", "JJ"},
                     {"troops", Upos::kNoun, 3, Dep::kNsubj, "troop", "NNS"},
                     {"left", Upos::kVerb, 0, Dep::kRoot, "leave", "VBD"},
                     {"their", Upos::kPron, 5, Dep::kNmodPoss, "their", "PRP$"},
                     {"base", Upos::kNoun, 3, Dep::kObj, "base", "NN"},
                     {".", Upos::kPunct, 3, Dep::kPunct, ".", "."}},
                    {{0, 1, 0}, {3, 3, 0}, {4, 4, 1}}, {"Kuwait", "Kuwaiti base"});
  CHECK(withdrawals(*base) == 0);
  // A Kuwaiti diplomat who left Basra spoke .
  auto envoy = Build({{"A", Upos::kDet, 3, Dep::kDet, "a", "DT"},
                      {"Kuwaiti", Upos::kAdj, 3, Dep::kAmod, "kuwaiti", "JJ"},
                      {"diplomat", Upos::kNoun, 7, Dep::kNsubj, "diplomat", "NN"},
                      {"who", Upos::kPron, 5, Dep::kNsubj, "who", "WP"},
                      {"left", Upos::kVerb, 3, Dep::kAclRelcl, "leave", "VBD"},
                      {"Basra", Upos::kPropn, 5, Dep::kObj, "Basra", "NNP"},
                      {"spoke", Upos::kVerb, 0, Dep::kRoot, "speak", "VBD"},
                      {".", Upos::kPunct, 7, Dep::kPunct, ".", "."}},
                     {{1, 2, 0}, {5, 5, 1}}, {"Kuwait", "Basra"});
  CHECK(withdrawals(*envoy) == 0);
  // Kuwait 's Zarvesh leaves Basra (a name the lexicon lacks).
  auto leader = Build({{"Kuwait", Upos::kPropn, 3, Dep::kNmodPoss, "Kuwait", "NNP"},
                       {"'s", Upos::kPart, 1, Dep::kCase, "'s", "POS"},
                       {"Zarvesh", Upos::kPropn, 4, Dep::kNsubj, "Zarvesh", "NNP"},
                       {"leaves", Upos::kVerb, 0, Dep::kRoot, "leave", "VBZ"},
                       {"Basra", Upos::kPropn, 4, Dep::kObj, "Basra", "NNP"}},
                      {{0, 0, 0}, {4, 4, 1}}, {"Kuwait", "Basra"});
  CHECK(withdrawals(*leader) == 0);
}

TEST_CASE("a person targeting a place aims a campaign at it, no attack", "[tree_events]") {
  // Zarvesh targets Basra . / Kuwaiti troops target Basra .
  auto person = Build({{"Zarvesh", Upos::kPropn, 2, Dep::kNsubj, "Zarvesh", "NNP"},
                       {"targets", Upos::kVerb, 0, Dep::kRoot, "target", "VBZ"},
                       {"Basra", Upos::kPropn, 2, Dep::kObj, "Basra", "NNP"},
                       {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                      {{0, 0, 0}, {2, 2, 1}}, {"Zarvesh", "Basra"});
  person->doc.entities[0].kind = graph::EntityKind::kPerson;
  person->doc.entities[1].kind = graph::EntityKind::kLocation;
  CHECK(Run(*person).empty());
  auto troops = Build({{"Kuwaiti", Upos::kAdj, 2, Dep::kAmod, "kuwaiti", "JJ"},
                       {"troops", Upos::kNoun, 3, Dep::kNsubj, "troop", "NNS"},
                       {"target", Upos::kVerb, 0, Dep::kRoot, "target", "VBP"},
                       {"Basra", Upos::kPropn, 3, Dep::kObj, "Basra", "NNP"},
                       {".", Upos::kPunct, 3, Dep::kPunct, ".", "."}},
                      {{0, 1, 0}, {3, 3, 1}}, {"Kuwaiti Armed Forces", "Basra"});
  troops->doc.entities[0].kind = graph::EntityKind::kMilitaryUnit;
  troops->doc.entities[1].kind = graph::EntityKind::kLocation;
  const std::vector<Found> found = Run(*troops);
  REQUIRE(found.size() == 1);
  CHECK(found[0].type == "attacked");
}

TEST_CASE("what a denied claim says is denied", "[tree_events]") {
  // Iran denied reports that it attacked Iraq .
  auto verb = Build({{"Iran", Upos::kPropn, 2, Dep::kNsubj, "Iran", "NNP"},
                     {"denied", Upos::kVerb, 0, Dep::kRoot, "deny", "VBD"},
                     {"reports", Upos::kNoun, 2, Dep::kObj, "report", "NNS"},
                     {"that", Upos::kSconj, 6, Dep::kMark, "that", "IN"},
                     {"it", Upos::kPron, 6, Dep::kNsubj, "it", "PRP"},
                     {"attacked", Upos::kVerb, 3, Dep::kAcl, "attack", "VBD"},
                     {"Iraq", Upos::kPropn, 6, Dep::kObj, "Iraq", "NNP"},
                     {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                    {{0, 0, 0}, {4, 4, 0}, {6, 6, 1}}, {"Iran", "Iraq"});
  // Iran angrily rejected allegations that it attacked Iraq . (the verb
  // misread as the noun's adjective)
  auto misread = Build({{"Iran", Upos::kPropn, 4, Dep::kNmodPoss, "Iran", "NNP"},
                        {"angrily", Upos::kAdv, 3, Dep::kAdvmod, "angrily", "RB"},
                        {"rejected", Upos::kVerb, 4, Dep::kAmod, "reject", "VBD"},
                        {"allegations", Upos::kNoun, 0, Dep::kRoot, "allegation", "NNS"},
                        {"that", Upos::kSconj, 7, Dep::kMark, "that", "IN"},
                        {"it", Upos::kPron, 7, Dep::kNsubj, "it", "PRP"},
                        {"attacked", Upos::kVerb, 4, Dep::kAcl, "attack", "VBD"},
                        {"Iraq", Upos::kPropn, 7, Dep::kObj, "Iraq", "NNP"},
                        {".", Upos::kPunct, 4, Dep::kPunct, ".", "."}},
                       {{0, 0, 0}, {5, 5, 0}, {7, 7, 1}}, {"Iran", "Iraq"});
  for (const Hand* h : {verb.get(), misread.get()}) {
    bool attack = false;
    for (const Found& f : Run(*h))
      if (f.type == "attacked") {
        attack = true;
        CHECK(f.source == "Iran");
        CHECK(f.modality == Modality::kNegated);
      }
    CHECK(attack);
  }
}

TEST_CASE("a phrase of time or circumstance on the object names no target", "[tree_events]") {
  auto suspended = [](const char* prep) {
    // Iran suspended flights <prep> a Kuwait crash .
    auto h = Build({{"Iran", Upos::kPropn, 2, Dep::kNsubj, "Iran", "NNP"},
                    {"suspended", Upos::kVerb, 0, Dep::kRoot, "suspend", "VBD"},
                    {"flights", Upos::kNoun, 2, Dep::kObj, "flight", "NNS"},
                    {prep, Upos::kAdp, 7, Dep::kCase, prep, "IN"},
                    {"a", Upos::kDet, 7, Dep::kDet, "a", "DT"},
                    {"Kuwait", Upos::kPropn, 7, Dep::kCompound, "Kuwait", "NNP"},
                    {"crash", Upos::kNoun, 3, Dep::kNmod, "crash", "NN"},
                    {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                   {{0, 0, 0}, {5, 5, 1}}, {"Iran", "Kuwait"});
    int n = 0;
    for (const Found& f : Run(*h)) n += f.type == "reduced-relations-with" && f.target == "Kuwait";
    return n;
  };
  CHECK(suspended("after") == 0);
  CHECK(suspended("despite") == 0);
  CHECK(suspended("to") == 1);  // a phrase of direction does name it
}

TEST_CASE("a thing faced is a problem, not a meeting with the actor named in it", "[tree_events]") {
  // Iran faces Kuwait .
  auto rival = Build({{"Iran", Upos::kPropn, 2, Dep::kNsubj, "Iran", "NNP"},
                      {"faces", Upos::kVerb, 0, Dep::kRoot, "face", "VBZ"},
                      {"Kuwait", Upos::kPropn, 2, Dep::kObj, "Kuwait", "NNP"},
                      {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                     {{0, 0, 0}, {2, 2, 1}}, {"Iran", "Kuwait"});
  REQUIRE(Run(*rival).size() == 1);
  CHECK(Run(*rival)[0].type == "met-with");
  // Iran faces Kuwait challenge (the name read as a second object).
  auto challenge = Build({{"Iran", Upos::kPropn, 2, Dep::kNsubj, "Iran", "NNP"},
                          {"faces", Upos::kVerb, 0, Dep::kRoot, "face", "VBZ"},
                          {"Kuwait", Upos::kPropn, 2, Dep::kObj, "Kuwait", "NNP"},
                          {"challenge", Upos::kNoun, 2, Dep::kObj, "challenge", "NN"}},
                         {{0, 0, 0}, {2, 2, 1}}, {"Iran", "Kuwait"});
  CHECK(Run(*challenge).empty());
  // Iran faces a long road to Kuwait .
  auto road = Build({{"Iran", Upos::kPropn, 2, Dep::kNsubj, "Iran", "NNP"},
                     {"faces", Upos::kVerb, 0, Dep::kRoot, "face", "VBZ"},
                     {"a", Upos::kDet, 5, Dep::kDet, "a", "DT"},
                     {"long", Upos::kAdj, 5, Dep::kAmod, "long", "JJ"},
                     {"road", Upos::kNoun, 2, Dep::kObj, "road", "NN"},
                     {"to", Upos::kAdp, 7, Dep::kCase, "to", "IN"},
                     {"Kuwait", Upos::kPropn, 5, Dep::kNmod, "Kuwait", "NNP"},
                     {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                    {{0, 0, 0}, {6, 6, 1}}, {"Iran", "Kuwait"});
  CHECK(Run(*road).empty());
}

TEST_CASE("a headline's subject urged to act is the one urged, by no one named", "[tree_events]") {
  // Iran urged to release Kuwaitis
  auto headline = Build({{"Iran", Upos::kPropn, 2, Dep::kNsubj, "Iran", "NNP"},
                         {"urged", Upos::kVerb, 0, Dep::kRoot, "urge", "VBN"},
                         {"to", Upos::kPart, 4, Dep::kMark, "to", "TO"},
                         {"release", Upos::kVerb, 2, Dep::kXcomp, "release", "VB"},
                         {"Kuwaitis", Upos::kPropn, 4, Dep::kObj, "Kuwaiti", "NNPS"}},
                        {{0, 0, 0}, {4, 4, 1}}, {"Iran", "Kuwait"});
  bool release = false;
  for (const Found& f : Run(*headline)) {
    CHECK(f.type != "appealed-to");
    release |= f.type == "released" && f.source == "Iran" && f.modality == Modality::kHypothetical;
  }
  CHECK(release);
  // Iraq urged Iran to release Kuwaitis .
  auto active = Build({{"Iraq", Upos::kPropn, 2, Dep::kNsubj, "Iraq", "NNP"},
                       {"urged", Upos::kVerb, 0, Dep::kRoot, "urge", "VBD"},
                       {"Iran", Upos::kPropn, 2, Dep::kObj, "Iran", "NNP"},
                       {"to", Upos::kPart, 5, Dep::kMark, "to", "TO"},
                       {"release", Upos::kVerb, 2, Dep::kXcomp, "release", "VB"},
                       {"Kuwaitis", Upos::kPropn, 5, Dep::kObj, "Kuwaiti", "NNPS"},
                       {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                      {{0, 0, 0}, {2, 2, 1}, {5, 5, 2}}, {"Iraq", "Iran", "Kuwait"});
  bool appeal = false;
  for (const Found& f : Run(*active)) appeal |= f.type == "appealed-to" && f.source == "Iraq" && f.target == "Iran";
  CHECK(appeal);
}

TEST_CASE("a trailing participle belongs to the nearest clause before it", "[tree_events]") {
  auto killer = [](const Hand& h) {
    std::string who;
    for (const Found& f : Run(h))
      if (f.type == "killed" && f.target == "Iraq") who = f.source;
    return who;
  };
  // Iran apologized after Kuwait attacked a patrol , killing Iraqis .
  auto clause = Build({{"Iran", Upos::kPropn, 2, Dep::kNsubj, "Iran", "NNP"},
                       {"apologized", Upos::kVerb, 0, Dep::kRoot, "apologize", "VBD"},
                       {"after", Upos::kSconj, 5, Dep::kMark, "after", "IN"},
                       {"Kuwait", Upos::kPropn, 5, Dep::kNsubj, "Kuwait", "NNP"},
                       {"attacked", Upos::kVerb, 2, Dep::kAdvcl, "attack", "VBD"},
                       {"a", Upos::kDet, 7, Dep::kDet, "a", "DT"},
                       {"patrol", Upos::kNoun, 5, Dep::kObj, "patrol", "NN"},
                       {",", Upos::kPunct, 9, Dep::kPunct, ",", ","},
                       {"killing", Upos::kVerb, 2, Dep::kAdvcl, "kill", "VBG"},
                       {"Iraqis", Upos::kPropn, 9, Dep::kObj, "Iraqi", "NNPS"},
                       {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                      {{0, 0, 0}, {3, 3, 1}, {9, 9, 2}}, {"Iran", "Kuwait", "Iraq"});
  CHECK(killer(*clause) == "Kuwait");
  // Iran apologized after a Kuwaiti crew fired on a patrol , killing Iraqis .
  // (the clause read as a noun of "after" with a participle)
  auto misread = Build({{"Iran", Upos::kPropn, 2, Dep::kNsubj, "Iran", "NNP"},
                        {"apologized", Upos::kVerb, 0, Dep::kRoot, "apologize", "VBD"},
                        {"after", Upos::kAdp, 6, Dep::kCase, "after", "IN"},
                        {"a", Upos::kDet, 6, Dep::kDet, "a", "DT"},
                        {"Kuwaiti", Upos::kAdj, 6, Dep::kAmod, "kuwaiti", "JJ"},
                        {"crew", Upos::kNoun, 2, Dep::kObl, "crew", "NN"},
                        {"fired", Upos::kVerb, 6, Dep::kAcl, "fire", "VBN"},
                        {"on", Upos::kAdp, 10, Dep::kCase, "on", "IN"},
                        {"a", Upos::kDet, 10, Dep::kDet, "a", "DT"},
                        {"patrol", Upos::kNoun, 7, Dep::kObl, "patrol", "NN"},
                        {",", Upos::kPunct, 12, Dep::kPunct, ",", ","},
                        {"killing", Upos::kVerb, 2, Dep::kAdvcl, "kill", "VBG"},
                        {"Iraqis", Upos::kPropn, 12, Dep::kObj, "Iraqi", "NNPS"},
                        {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                       {{0, 0, 0}, {4, 4, 1}, {12, 12, 2}}, {"Iran", "Kuwait", "Iraq"});
  CHECK(killer(*misread) == "Kuwait");
  // Iran attacked a patrol , killing Iraqis . (no clause between: the main
  // verb's subject)
  auto main = Build({{"Iran", Upos::kPropn, 2, Dep::kNsubj, "Iran", "NNP"},
                     {"attacked", Upos::kVerb, 0, Dep::kRoot, "attack", "VBD"},
                     {"a", Upos::kDet, 4, Dep::kDet, "a", "DT"},
                     {"patrol", Upos::kNoun, 2, Dep::kObj, "patrol", "NN"},
                     {",", Upos::kPunct, 6, Dep::kPunct, ",", ","},
                     {"killing", Upos::kVerb, 2, Dep::kAdvcl, "kill", "VBG"},
                     {"Iraqis", Upos::kPropn, 6, Dep::kObj, "Iraqi", "NNPS"},
                     {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                    {{0, 0, 0}, {6, 6, 1}}, {"Iran", "Iraq"});
  CHECK(killer(*main) == "Iran");
}

TEST_CASE("idioms of hit strike nobody", "[tree_events]") {
  // Iran hit Kuwait .
  auto strike = Build({{"Iran", Upos::kPropn, 2, Dep::kNsubj, "Iran", "NNP"},
                       {"hit", Upos::kVerb, 0, Dep::kRoot, "hit", "VBD"},
                       {"Kuwait", Upos::kPropn, 2, Dep::kObj, "Kuwait", "NNP"},
                       {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                      {{0, 0, 0}, {2, 2, 1}}, {"Iran", "Kuwait"});
  REQUIRE(Run(*strike).size() == 1);
  // Iran hit the road to Kuwait .
  auto road = Build({{"Iran", Upos::kPropn, 2, Dep::kNsubj, "Iran", "NNP"},
                     {"hit", Upos::kVerb, 0, Dep::kRoot, "hit", "VBD"},
                     {"the", Upos::kDet, 4, Dep::kDet, "the", "DT"},
                     {"road", Upos::kNoun, 2, Dep::kObj, "road", "NN"},
                     {"to", Upos::kAdp, 6, Dep::kCase, "to", "IN"},
                     {"Kuwait", Upos::kPropn, 4, Dep::kNmod, "Kuwait", "NNP"},
                     {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                    {{0, 0, 0}, {5, 5, 1}}, {"Iran", "Kuwait"});
  CHECK(Run(*road).empty());
  // Iran hit a new low in talks with Kuwait . ("low" read as an adjective)
  auto low = Build({{"Iran", Upos::kPropn, 2, Dep::kNsubj, "Iran", "NNP"},
                    {"hit", Upos::kVerb, 0, Dep::kRoot, "hit", "VBD"},
                    {"a", Upos::kDet, 7, Dep::kDet, "a", "DT"},
                    {"new", Upos::kAdj, 7, Dep::kAmod, "new", "JJ"},
                    {"low", Upos::kAdj, 7, Dep::kAmod, "low", "JJ"},
                    {"in", Upos::kAdp, 7, Dep::kCase, "in", "IN"},
                    {"talks", Upos::kNoun, 2, Dep::kObj, "talk", "NNS"},
                    {"with", Upos::kAdp, 9, Dep::kCase, "with", "IN"},
                    {"Kuwait", Upos::kPropn, 7, Dep::kNmod, "Kuwait", "NNP"},
                    {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                   {{0, 0, 0}, {8, 8, 1}}, {"Iran", "Kuwait"});
  for (const Found& f : Run(*low)) CHECK(f.type != "attacked");
}

TEST_CASE("a verb whose object is a noun of speed is no act between actors", "[tree_events]") {
  // Chile and Peru gathered .
  auto met = Build({{"Chile", Upos::kPropn, 4, Dep::kNsubj, "Chile", "NNP"},
                    {"and", Upos::kCconj, 3, Dep::kCc, "and", "CC"},
                    {"Peru", Upos::kPropn, 1, Dep::kConj, "Peru", "NNP"},
                    {"gathered", Upos::kVerb, 0, Dep::kRoot, "gather", "VBD"},
                    {".", Upos::kPunct, 4, Dep::kPunct, ".", "."}},
                   {{0, 0, 0}, {2, 2, 1}}, {"Chile", "Peru"});
  REQUIRE(Run(*met).size() == 1);
  // Chile and Peru gathered momentum .
  auto momentum = Build({{"Chile", Upos::kPropn, 4, Dep::kNsubj, "Chile", "NNP"},
                         {"and", Upos::kCconj, 3, Dep::kCc, "and", "CC"},
                         {"Peru", Upos::kPropn, 1, Dep::kConj, "Peru", "NNP"},
                         {"gathered", Upos::kVerb, 0, Dep::kRoot, "gather", "VBD"},
                         {"momentum", Upos::kNoun, 4, Dep::kObj, "momentum", "NN"},
                         {".", Upos::kPunct, 4, Dep::kPunct, ".", "."}},
                        {{0, 0, 0}, {2, 2, 1}}, {"Chile", "Peru"});
  CHECK(Run(*momentum).empty());
}

TEST_CASE("urging a hostile act on an actor demands it against them", "[tree_events]") {
  // Chile urges sanctions on Peru .
  auto urged = Build({{"Chile", Upos::kPropn, 2, Dep::kNsubj, "Chile", "NNP"},
                      {"urges", Upos::kVerb, 0, Dep::kRoot, "urge", "VBZ"},
                      {"sanctions", Upos::kNoun, 2, Dep::kObj, "sanction", "NNS"},
                      {"on", Upos::kAdp, 5, Dep::kCase, "on", "IN"},
                      {"Peru", Upos::kPropn, 3, Dep::kNmod, "Peru", "NNP"},
                      {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                     {{0, 0, 0}, {4, 4, 1}}, {"Chile", "Peru"});
  std::vector<Found> found = Run(*urged);
  REQUIRE(found.size() == 1);
  CHECK(found[0].source == "Chile");
  CHECK(found[0].type == "called-on");
  CHECK(found[0].target == "Peru");
  // Chile urges Peru . (an appeal to its object)
  auto appeal = Build({{"Chile", Upos::kPropn, 2, Dep::kNsubj, "Chile", "NNP"},
                       {"urges", Upos::kVerb, 0, Dep::kRoot, "urge", "VBZ"},
                       {"Peru", Upos::kPropn, 2, Dep::kObj, "Peru", "NNP"},
                       {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                      {{0, 0, 0}, {2, 2, 1}}, {"Chile", "Peru"});
  found = Run(*appeal);
  REQUIRE(found.size() == 1);
  CHECK(found[0].type == "appealed-to");
}

TEST_CASE("the one urged to act does it, also when parsed as an indirect object", "[tree_events]") {
  // Chile urged Peru to leave Bolivia . ("Peru" read as an indirect object)
  auto urged = Build({{"Chile", Upos::kPropn, 2, Dep::kNsubj, "Chile", "NNP"},
                      {"urged", Upos::kVerb, 0, Dep::kRoot, "urge", "VBD"},
                      {"Peru", Upos::kPropn, 2, Dep::kIobj, "Peru", "NNP"},
                      {"to", Upos::kPart, 5, Dep::kMark, "to", "TO"},
                      {"leave", Upos::kVerb, 2, Dep::kXcomp, "leave", "VB"},
                      {"Bolivia", Upos::kPropn, 5, Dep::kObj, "Bolivia", "NNP"},
                      {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                     {{0, 0, 0}, {2, 2, 1}, {5, 5, 2}}, {"Chile", "Peru", "Bolivia"});
  bool withdrew = false;
  for (const Found& f : Run(*urged))
    if (f.type == "withdrew-from") {
      withdrew = true;
      CHECK(f.source == "Peru");
      CHECK(f.target == "Bolivia");
    }
  CHECK(withdrew);
}

TEST_CASE("influencing someone supports no one", "[tree_events]") {
  // Chile influenced Peru .
  auto influenced = Build({{"Chile", Upos::kPropn, 2, Dep::kNsubj, "Chile", "NNP"},
                           {"influenced", Upos::kVerb, 0, Dep::kRoot, "influence", "VBD"},
                           {"Peru", Upos::kPropn, 2, Dep::kObj, "Peru", "NNP"},
                           {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                          {{0, 0, 0}, {2, 2, 1}}, {"Chile", "Peru"});
  CHECK(Run(*influenced).empty());
}

TEST_CASE("a state's orchestra or team does not act for the state, its minister does", "[tree_events]") {
  for (const char* noun : {"orchestra", "minister"}) {
    // Chile 's orchestra visited Peru .
    auto visit = Build({{"Chile", Upos::kPropn, 3, Dep::kNmodPoss, "Chile", "NNP"},
                        {"'s", Upos::kPart, 1, Dep::kCase, "'s", "POS"},
                        {noun, Upos::kNoun, 4, Dep::kNsubj, noun, "NN"},
                        {"visited", Upos::kVerb, 0, Dep::kRoot, "visit", "VBD"},
                        {"Peru", Upos::kPropn, 4, Dep::kObj, "Peru", "NNP"},
                        {".", Upos::kPunct, 4, Dep::kPunct, ".", "."}},
                       {{0, 0, 0}, {4, 4, 1}}, {"Chile", "Peru"});
    visit->doc.entities[0].kind = graph::EntityKind::kCountry;
    INFO(noun);
    CHECK(Run(*visit).size() == (std::string(noun) == "minister" ? 1u : 0u));
  }
}

TEST_CASE("protesting a killing is aimed at its author, not its victims", "[tree_events]") {
  // Chile protested the killing of Peruvian workers .
  auto victims = Build({{"Chile", Upos::kPropn, 2, Dep::kNsubj, "Chile", "NNP"},
                        {"protested", Upos::kVerb, 0, Dep::kRoot, "protest", "VBD"},
                        {"the", Upos::kDet, 4, Dep::kDet, "the", "DT"},
                        {"killing", Upos::kNoun, 2, Dep::kObj, "killing", "NN"},
                        {"of", Upos::kAdp, 7, Dep::kCase, "of", "IN"},
                        {"Peruvian", Upos::kAdj, 7, Dep::kAmod, "peruvian", "JJ"},
                        {"workers", Upos::kNoun, 4, Dep::kNmod, "worker", "NNS"},
                        {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                       {{0, 0, 0}, {5, 5, 1}}, {"Chile", "Peru"});
  for (const Found& f : Run(*victims)) CHECK(f.type != "protested-against");
  // Chile protested the killing by Peru .
  auto author = Build({{"Chile", Upos::kPropn, 2, Dep::kNsubj, "Chile", "NNP"},
                       {"protested", Upos::kVerb, 0, Dep::kRoot, "protest", "VBD"},
                       {"the", Upos::kDet, 4, Dep::kDet, "the", "DT"},
                       {"killing", Upos::kNoun, 2, Dep::kObj, "killing", "NN"},
                       {"by", Upos::kAdp, 6, Dep::kCase, "by", "IN"},
                       {"Peru", Upos::kPropn, 4, Dep::kNmod, "Peru", "NNP"},
                       {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                      {{0, 0, 0}, {5, 5, 1}}, {"Chile", "Peru"});
  bool protested = false;
  for (const Found& f : Run(*author)) protested |= f.type == "protested-against" && f.target == "Peru";
  CHECK(protested);
}

TEST_CASE("a past-tense verb read as an open complement is not done by the object before it", "[tree_events]") {
  // Rebels claiming to hold Peruvian workers visited Chilean officials .
  auto met = Build({{"Rebels", Upos::kNoun, 0, Dep::kRoot, "rebel", "NNS"},
                    {"claiming", Upos::kVerb, 1, Dep::kAcl, "claim", "VBG"},
                    {"to", Upos::kPart, 4, Dep::kMark, "to", "TO"},
                    {"hold", Upos::kVerb, 2, Dep::kXcomp, "hold", "VB"},
                    {"Peruvian", Upos::kAdj, 6, Dep::kAmod, "peruvian", "JJ"},
                    {"workers", Upos::kNoun, 4, Dep::kObj, "worker", "NNS"},
                    {"visited", Upos::kVerb, 4, Dep::kXcomp, "visit", "VBD"},
                    {"Chilean", Upos::kAdj, 9, Dep::kAmod, "chilean", "JJ"},
                    {"officials", Upos::kNoun, 7, Dep::kObj, "official", "NNS"},
                    {".", Upos::kPunct, 1, Dep::kPunct, ".", "."}},
                   {{0, 0, 0}, {4, 4, 1}, {7, 7, 2}}, {"Rebels", "Peru", "Chile"});
  std::vector<Found> found = Run(*met);
  REQUIRE(found.size() == 1);
  CHECK(found[0].source == "Rebels");
  CHECK(found[0].target == "Chile");
}

TEST_CASE("a comparison with what others did names no party", "[tree_events]") {
  for (const char* prep : {"like", "with"}) {
    // Chile formed a group like Peru did . / Chile formed a group with Peru did .
    auto formed = Build({{"Chile", Upos::kPropn, 2, Dep::kNsubj, "Chile", "NNP"},
                         {"formed", Upos::kVerb, 0, Dep::kRoot, "form", "VBD"},
                         {"a", Upos::kDet, 4, Dep::kDet, "a", "DT"},
                         {"group", Upos::kNoun, 2, Dep::kObj, "group", "NN"},
                         {prep, Upos::kAdp, 6, Dep::kCase, prep, "IN"},
                         {"Peru", Upos::kPropn, 4, Dep::kNmod, "Peru", "NNP"},
                         {"did", Upos::kVerb, 2, Dep::kParataxis, "do", "VBD"},
                         {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                        {{0, 0, 0}, {5, 5, 1}}, {"Chile", "Peru"});
    INFO(prep);
    CHECK(Run(*formed).size() == (std::string(prep) == "with" ? 1u : 0u));
  }
}

TEST_CASE("an international body beside a possessive envoy noun is where the envoys serve", "[tree_events]") {
  // Its UN envoys visited Peru . ("Its": Chile)
  auto envoys = Build({{"Its", Upos::kPron, 3, Dep::kNmodPoss, "its", "PRP$"},
                       {"UN", Upos::kPropn, 3, Dep::kCompound, "UN", "NNP"},
                       {"envoys", Upos::kNoun, 4, Dep::kNsubj, "envoy", "NNS"},
                       {"visited", Upos::kVerb, 0, Dep::kRoot, "visit", "VBD"},
                       {"Peru", Upos::kPropn, 4, Dep::kObj, "Peru", "NNP"},
                       {".", Upos::kPunct, 4, Dep::kPunct, ".", "."}},
                      {{0, 0, 0}, {1, 1, 1}, {4, 4, 2}}, {"Chile", "United Nations", "Peru"});
  envoys->doc.mentions[0].form = MentionForm::kPronoun;
  envoys->doc.entities[1].kind = graph::EntityKind::kInternationalOrg;
  std::vector<Found> found = Run(*envoys);
  REQUIRE(found.size() == 1);
  CHECK(found[0].source == "Chile");
}

TEST_CASE("hearing someone is no meeting", "[tree_events]") {
  // The court heard Peru .
  auto heard = Build({{"The", Upos::kDet, 2, Dep::kDet, "the", "DT"},
                      {"court", Upos::kNoun, 3, Dep::kNsubj, "court", "NN"},
                      {"heard", Upos::kVerb, 0, Dep::kRoot, "hear", "VBD"},
                      {"Peru", Upos::kPropn, 3, Dep::kObj, "Peru", "NNP"},
                      {".", Upos::kPunct, 3, Dep::kPunct, ".", "."}},
                     {{1, 1, 0}, {3, 3, 1}}, {"Chile's court", "Peru"});
  CHECK(Run(*heard).empty());
}

TEST_CASE("an act the subject draws from another is not aimed at its author", "[tree_events]") {
  // Chile brought warnings from Peru .
  auto drew = Build({{"Chile", Upos::kPropn, 2, Dep::kNsubj, "Chile", "NNP"},
                     {"brought", Upos::kVerb, 0, Dep::kRoot, "bring", "VBD"},
                     {"warnings", Upos::kNoun, 2, Dep::kObj, "warning", "NNS"},
                     {"from", Upos::kAdp, 5, Dep::kCase, "from", "IN"},
                     {"Peru", Upos::kPropn, 3, Dep::kNmod, "Peru", "NNP"},
                     {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                    {{0, 0, 0}, {4, 4, 1}}, {"Chile", "Peru"});
  for (const Found& f : Run(*drew)) CHECK_FALSE((f.source == "Chile" && f.target == "Peru"));
}

TEST_CASE("one fights with a party, not with the place inside its phrase", "[tree_events]") {
  // Chile battled with rebels in Lima .
  auto rebels = Build({{"Chile", Upos::kPropn, 2, Dep::kNsubj, "Chile", "NNP"},
                       {"battled", Upos::kVerb, 0, Dep::kRoot, "battle", "VBD"},
                       {"with", Upos::kAdp, 4, Dep::kCase, "with", "IN"},
                       {"rebels", Upos::kNoun, 2, Dep::kObl, "rebel", "NNS"},
                       {"in", Upos::kAdp, 6, Dep::kCase, "in", "IN"},
                       {"Lima", Upos::kPropn, 4, Dep::kNmod, "Lima", "NNP"},
                       {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                      {{0, 0, 0}, {5, 5, 1}}, {"Chile", "Lima"});
  rebels->doc.entities[1].kind = graph::EntityKind::kLocation;
  CHECK(Run(*rebels).empty());
  // Chile battled with Peru .
  auto peru = Build({{"Chile", Upos::kPropn, 2, Dep::kNsubj, "Chile", "NNP"},
                     {"battled", Upos::kVerb, 0, Dep::kRoot, "battle", "VBD"},
                     {"with", Upos::kAdp, 4, Dep::kCase, "with", "IN"},
                     {"Peru", Upos::kPropn, 2, Dep::kObl, "Peru", "NNP"},
                     {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                    {{0, 0, 0}, {3, 3, 1}}, {"Chile", "Peru"});
  std::vector<Found> found = Run(*peru);
  REQUIRE(found.size() == 1);
  CHECK(found[0].type == "fought");
}

TEST_CASE("a day's name read as the object names no patient", "[tree_events]") {
  // Chile and Peru fought Saturday in Lima .
  auto day = Build({{"Chile", Upos::kPropn, 4, Dep::kNsubj, "Chile", "NNP"},
                    {"and", Upos::kCconj, 3, Dep::kCc, "and", "CC"},
                    {"Peru", Upos::kPropn, 1, Dep::kConj, "Peru", "NNP"},
                    {"fought", Upos::kVerb, 0, Dep::kRoot, "fight", "VBD"},
                    {"Saturday", Upos::kPropn, 4, Dep::kObj, "Saturday", "NNP"},
                    {"in", Upos::kAdp, 7, Dep::kCase, "in", "IN"},
                    {"Lima", Upos::kPropn, 5, Dep::kNmod, "Lima", "NNP"},
                    {".", Upos::kPunct, 4, Dep::kPunct, ".", "."}},
                   {{0, 0, 0}, {2, 2, 1}, {6, 6, 2}}, {"Chile", "Peru", "Lima"});
  day->doc.entities[2].kind = graph::EntityKind::kLocation;
  for (const Found& f : Run(*day)) CHECK(f.target != "Lima");
}

TEST_CASE("a claim parsed as a clause of its verb of saying is reported, an undone decision negated",
          "[tree_events]") {
  // Chile claimed on Sunday to have expelled Peru . ("to have" read as a clause of "claimed")
  auto claim = Build({{"Chile", Upos::kPropn, 2, Dep::kNsubj, "Chile", "NNP"},
                      {"claimed", Upos::kVerb, 0, Dep::kRoot, "claim", "VBD"},
                      {"on", Upos::kAdp, 4, Dep::kCase, "on", "IN"},
                      {"Sunday", Upos::kPropn, 2, Dep::kObl, "Sunday", "NNP"},
                      {"to", Upos::kPart, 6, Dep::kMark, "to", "TO"},
                      {"have", Upos::kVerb, 2, Dep::kAdvcl, "have", "VB"},
                      {"expelled", Upos::kVerb, 6, Dep::kXcomp, "expel", "VBN"},
                      {"Peru", Upos::kPropn, 7, Dep::kObj, "Peru", "NNP"},
                      {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                     {{0, 0, 0}, {7, 7, 1}}, {"Chile", "Peru"});
  std::vector<Found> found = Run(*claim);
  REQUIRE(found.size() == 1);
  CHECK(found[0].type == "expelled");
  CHECK(found[0].modality == Modality::kReported);
  // Chile reversed its decision to expel Peru .
  auto reversed = Build({{"Chile", Upos::kPropn, 2, Dep::kNsubj, "Chile", "NNP"},
                         {"reversed", Upos::kVerb, 0, Dep::kRoot, "reverse", "VBD"},
                         {"its", Upos::kPron, 4, Dep::kNmodPoss, "its", "PRP$"},
                         {"decision", Upos::kNoun, 2, Dep::kObj, "decision", "NN"},
                         {"to", Upos::kPart, 6, Dep::kMark, "to", "TO"},
                         {"expel", Upos::kVerb, 4, Dep::kAcl, "expel", "VB"},
                         {"Peru", Upos::kPropn, 6, Dep::kObj, "Peru", "NNP"},
                         {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                        {{0, 0, 0}, {6, 6, 1}}, {"Chile", "Peru"});
  found = Run(*reversed);
  REQUIRE(found.size() == 1);
  CHECK(found[0].type == "expelled");
  CHECK(found[0].modality == Modality::kNegated);
}

TEST_CASE("what an actor does not plan to do is negated", "[tree_events]") {
  // Chile does not plan to deploy troops to Peru .
  auto plan = Build({{"Chile", Upos::kPropn, 4, Dep::kNsubj, "Chile", "NNP"},
                     {"does", Upos::kAux, 4, Dep::kAux, "do", "VBZ"},
                     {"not", Upos::kPart, 4, Dep::kAdvmod, "not", "RB"},
                     {"plan", Upos::kVerb, 0, Dep::kRoot, "plan", "VB"},
                     {"to", Upos::kPart, 6, Dep::kMark, "to", "TO"},
                     {"deploy", Upos::kVerb, 4, Dep::kXcomp, "deploy", "VB"},
                     {"troops", Upos::kNoun, 6, Dep::kObj, "troop", "NNS"},
                     {"to", Upos::kAdp, 9, Dep::kCase, "to", "IN"},
                     {"Peru", Upos::kPropn, 6, Dep::kObl, "Peru", "NNP"},
                     {".", Upos::kPunct, 4, Dep::kPunct, ".", "."}},
                    {{0, 0, 0}, {8, 8, 1}}, {"Chile", "Peru"});
  bool deployed = false;
  for (const Found& f : Run(*plan))
    if (f.type == "deployed-to") {
      deployed = true;
      CHECK(f.modality == Modality::kNegated);
    }
  CHECK(deployed);
}

TEST_CASE("escaping an attempt on one's life concedes nothing", "[tree_events]") {
  // Chile escaped an attempt by Peru .
  auto escaped = Build({{"Chile", Upos::kPropn, 2, Dep::kNsubj, "Chile", "NNP"},
                        {"escaped", Upos::kVerb, 0, Dep::kRoot, "escape", "VBD"},
                        {"an", Upos::kDet, 4, Dep::kDet, "a", "DT"},
                        {"attempt", Upos::kNoun, 2, Dep::kObj, "attempt", "NN"},
                        {"by", Upos::kAdp, 6, Dep::kCase, "by", "IN"},
                        {"Peru", Upos::kPropn, 4, Dep::kNmod, "Peru", "NNP"},
                        {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                       {{0, 0, 0}, {5, 5, 1}}, {"Chile", "Peru"});
  for (const Found& f : Run(*escaped)) CHECK(f.type != "conceded-to");
}

TEST_CASE("stepping up efforts deploys nothing", "[tree_events]") {
  // Chile stepped up efforts for Peru .
  auto efforts = Build({{"Chile", Upos::kPropn, 2, Dep::kNsubj, "Chile", "NNP"},
                        {"stepped", Upos::kVerb, 0, Dep::kRoot, "step", "VBD"},
                        {"up", Upos::kAdp, 2, Dep::kCompoundPrt, "up", "RP"},
                        {"efforts", Upos::kNoun, 2, Dep::kObj, "effort", "NNS"},
                        {"for", Upos::kAdp, 6, Dep::kCase, "for", "IN"},
                        {"Peru", Upos::kPropn, 4, Dep::kNmod, "Peru", "NNP"},
                        {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                       {{0, 0, 0}, {5, 5, 1}}, {"Chile", "Peru"});
  CHECK(Run(*efforts).empty());
}

TEST_CASE("an order is for the act its compound names", "[tree_events]") {
  // Chile issued a deportation order against Peru .
  auto order = Build({{"Chile", Upos::kPropn, 2, Dep::kNsubj, "Chile", "NNP"},
                      {"issued", Upos::kVerb, 0, Dep::kRoot, "issue", "VBD"},
                      {"a", Upos::kDet, 5, Dep::kDet, "a", "DT"},
                      {"deportation", Upos::kNoun, 5, Dep::kCompound, "deportation", "NN"},
                      {"order", Upos::kNoun, 2, Dep::kObj, "order", "NN"},
                      {"against", Upos::kAdp, 7, Dep::kCase, "against", "IN"},
                      {"Peru", Upos::kPropn, 5, Dep::kNmod, "Peru", "NNP"},
                      {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                     {{0, 0, 0}, {6, 6, 1}}, {"Chile", "Peru"});
  std::vector<Found> found = Run(*order);
  REQUIRE(found.size() == 1);
  CHECK(found[0].type == "expelled");
  CHECK(found[0].target == "Peru");
}

TEST_CASE("a visit to a grave or a memorial meets no one", "[tree_events]") {
  // The minister visits Zarvesh grave . / The minister visits Zarvesh .
  auto grave = Build({{"The", Upos::kDet, 2, Dep::kDet, "the", "DT"},
                      {"minister", Upos::kNoun, 3, Dep::kNsubj, "minister", "NN"},
                      {"visits", Upos::kVerb, 0, Dep::kRoot, "visit", "VBZ"},
                      {"Zarvesh", Upos::kPropn, 5, Dep::kCompound, "Zarvesh", "NNP"},
                      {"grave", Upos::kNoun, 3, Dep::kObj, "grave", "NN"},
                      {".", Upos::kPunct, 3, Dep::kPunct, ".", "."}},
                     {{1, 1, 0}, {3, 3, 1}}, {"Kuwait", "Zarvesh"});
  CHECK(Run(*grave).empty());
  auto person = Build({{"The", Upos::kDet, 2, Dep::kDet, "the", "DT"},
                       {"minister", Upos::kNoun, 3, Dep::kNsubj, "minister", "NN"},
                       {"visits", Upos::kVerb, 0, Dep::kRoot, "visit", "VBZ"},
                       {"Zarvesh", Upos::kPropn, 3, Dep::kObj, "Zarvesh", "NNP"},
                       {".", Upos::kPunct, 3, Dep::kPunct, ".", "."}},
                      {{1, 1, 0}, {3, 3, 1}}, {"Kuwait", "Zarvesh"});
  REQUIRE(Run(*person).size() == 1);
  CHECK(Run(*person)[0].type == "met-with");
}

TEST_CASE("returning somewhere releases nothing, returning something does", "[tree_events]") {
  auto releases = [](const Hand& h) {
    int n = 0;
    for (const Found& f : Run(h)) n += f.type == "released" && f.target == "Kuwait";
    return n;
  };
  // Iran returned to Kuwait .
  auto back = Build({{"Iran", Upos::kPropn, 2, Dep::kNsubj, "Iran", "NNP"},
                     {"returned", Upos::kVerb, 0, Dep::kRoot, "return", "VBD"},
                     {"to", Upos::kAdp, 4, Dep::kCase, "to", "IN"},
                     {"Kuwait", Upos::kPropn, 2, Dep::kObl, "Kuwait", "NNP"},
                     {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                    {{0, 0, 0}, {3, 3, 1}}, {"Iran", "Kuwait"});
  CHECK(releases(*back) == 0);
  // Iran returned to Kuwait 21 paintings . (the theme read as a clause of its own)
  auto paintings = Build({{"Iran", Upos::kPropn, 2, Dep::kNsubj, "Iran", "NNP"},
                          {"returned", Upos::kVerb, 0, Dep::kRoot, "return", "VBD"},
                          {"to", Upos::kAdp, 4, Dep::kCase, "to", "IN"},
                          {"Kuwait", Upos::kPropn, 2, Dep::kObl, "Kuwait", "NNP"},
                          {"21", Upos::kNum, 6, Dep::kNummod, "21", "CD"},
                          {"paintings", Upos::kNoun, 2, Dep::kParataxis, "painting", "NNS"},
                          {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                         {{0, 0, 0}, {3, 3, 1}}, {"Iran", "Kuwait"});
  CHECK(releases(*paintings) == 1);
}

TEST_CASE("amidst, like amid, places an event and names no party to it", "[tree_events]") {
  auto summit = [](const char* prep) {
    // Iran held a summit <prep> a crisis over Kuwait .
    auto h = Build({{"Iran", Upos::kPropn, 2, Dep::kNsubj, "Iran", "NNP"},
                    {"held", Upos::kVerb, 0, Dep::kRoot, "hold", "VBD"},
                    {"a", Upos::kDet, 4, Dep::kDet, "a", "DT"},
                    {"summit", Upos::kNoun, 2, Dep::kObj, "summit", "NN"},
                    {prep, Upos::kAdp, 7, Dep::kCase, prep, "IN"},
                    {"a", Upos::kDet, 7, Dep::kDet, "a", "DT"},
                    {"crisis", Upos::kNoun, 2, Dep::kObl, "crisis", "NN"},
                    {"over", Upos::kAdp, 9, Dep::kCase, "over", "IN"},
                    {"Kuwait", Upos::kPropn, 7, Dep::kNmod, "Kuwait", "NNP"},
                    {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                   {{0, 0, 0}, {8, 8, 1}}, {"Iran", "Kuwait"});
    return Run(*h).size();
  };
  CHECK(summit("amidst") == 0);
  CHECK(summit("amid") == 0);
  CHECK(summit("with") == 1);
}

TEST_CASE("what an appeal asks of unnamed parties is done by them, not by its author", "[tree_events]") {
  auto donor = [](const char* object, const char* object_lemma, bool named) {
    // Iran urged <object> to donate aid to Kuwait .
    auto h = Build({{"Iran", Upos::kPropn, 2, Dep::kNsubj, "Iran", "NNP"},
                    {"urged", Upos::kVerb, 0, Dep::kRoot, "urge", "VBD"},
                    {object, named ? Upos::kPropn : Upos::kNoun, 2, Dep::kObj, object_lemma, named ? "NNP" : "NN"},
                    {"to", Upos::kPart, 5, Dep::kMark, "to", "TO"},
                    {"donate", Upos::kVerb, 2, Dep::kXcomp, "donate", "VB"},
                    {"aid", Upos::kNoun, 5, Dep::kObj, "aid", "NN"},
                    {"to", Upos::kAdp, 8, Dep::kCase, "to", "IN"},
                    {"Kuwait", Upos::kPropn, 5, Dep::kObl, "Kuwait", "NNP"},
                    {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                   named ? std::vector<Actor>{{0, 0, 0}, {7, 7, 1}, {2, 2, 2}} : std::vector<Actor>{{0, 0, 0}, {7, 7, 1}},
                   {"Iran", "Kuwait", "Iraq"});
    std::string who;
    for (const Found& f : Run(*h))
      if (f.type == "aided") who = f.source;
    return who;
  };
  CHECK(donor("Iraq", "Iraq", true) == "Iraq");
  CHECK(donor("community", "community", false).empty());
}

TEST_CASE("an act's from phrase names its author, not whom it is aimed at", "[tree_events]") {
  auto rejected = [](const char* prep) {
    // Iran failed to win talks <prep> Kuwait .
    auto h = Build({{"Iran", Upos::kPropn, 2, Dep::kNsubj, "Iran", "NNP"},
                    {"failed", Upos::kVerb, 0, Dep::kRoot, "fail", "VBD"},
                    {"to", Upos::kPart, 4, Dep::kMark, "to", "TO"},
                    {"win", Upos::kVerb, 2, Dep::kXcomp, "win", "VB"},
                    {"talks", Upos::kNoun, 4, Dep::kObj, "talk", "NNS"},
                    {prep, Upos::kAdp, 7, Dep::kCase, prep, "IN"},
                    {"Kuwait", Upos::kPropn, 5, Dep::kNmod, "Kuwait", "NNP"},
                    {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                   {{0, 0, 0}, {6, 6, 1}}, {"Iran", "Kuwait"});
    int n = 0;
    for (const Found& f : Run(*h)) n += f.type == "rejected" && f.target == "Kuwait";
    return n;
  };
  CHECK(rejected("from") == 0);
  CHECK(rejected("with") == 1);
}

TEST_CASE("going to war with someone is fighting, not a visit", "[tree_events]") {
  // Iran went to war with Kuwait .
  auto war = Build({{"Iran", Upos::kPropn, 2, Dep::kNsubj, "Iran", "NNP"},
                    {"went", Upos::kVerb, 0, Dep::kRoot, "go", "VBD"},
                    {"to", Upos::kAdp, 4, Dep::kCase, "to", "IN"},
                    {"war", Upos::kNoun, 2, Dep::kObl, "war", "NN"},
                    {"with", Upos::kAdp, 6, Dep::kCase, "with", "IN"},
                    {"Kuwait", Upos::kPropn, 4, Dep::kNmod, "Kuwait", "NNP"},
                    {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                   {{0, 0, 0}, {5, 5, 1}}, {"Iran", "Kuwait"});
  const std::vector<Found> fought = Run(*war);
  REQUIRE(fought.size() == 1);
  CHECK(fought[0].type == "fought");
  // Iran went to Kuwait .
  auto trip = Build({{"Iran", Upos::kPropn, 2, Dep::kNsubj, "Iran", "NNP"},
                     {"went", Upos::kVerb, 0, Dep::kRoot, "go", "VBD"},
                     {"to", Upos::kAdp, 4, Dep::kCase, "to", "IN"},
                     {"Kuwait", Upos::kPropn, 2, Dep::kObl, "Kuwait", "NNP"},
                     {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                    {{0, 0, 0}, {3, 3, 1}}, {"Iran", "Kuwait"});
  const std::vector<Found> visit = Run(*trip);
  REQUIRE(visit.size() == 1);
  CHECK(visit[0].type == "met-with");
}

TEST_CASE("taking over a duty seizes nothing, and evacuating people withdraws from nowhere", "[tree_events]") {
  auto took = [](const char* object, const char* lemma, bool named) {
    // Iran took over <object> in Kuwait .
    auto h = Build({{"Iran", Upos::kPropn, 2, Dep::kNsubj, "Iran", "NNP"},
                    {"took", Upos::kVerb, 0, Dep::kRoot, "take", "VBD"},
                    {"over", Upos::kAdp, 2, Dep::kCompoundPrt, "over", "RP"},
                    {object, named ? Upos::kPropn : Upos::kNoun, 2, Dep::kObj, lemma, named ? "NNP" : "NNS"},
                    {"in", Upos::kAdp, 6, Dep::kCase, "in", "IN"},
                    {"Kuwait", Upos::kPropn, 4, Dep::kNmod, "Kuwait", "NNP"},
                    {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                   named ? std::vector<Actor>{{0, 0, 0}, {5, 5, 1}, {3, 3, 2}} : std::vector<Actor>{{0, 0, 0}, {5, 5, 1}},
                   {"Iran", "Kuwait", "Basra"});
    int n = 0;
    for (const Found& f : Run(*h)) n += f.type == "seized";
    return n;
  };
  CHECK(took("operations", "operation", false) == 0);
  CHECK(took("Basra", "Basra", true) == 1);
  // Iran evacuated Kuwaiti citizens . / Iran evacuated Basra .
  auto citizens = Build({{"Iran", Upos::kPropn, 2, Dep::kNsubj, "Iran", "NNP"},
                         {"evacuated", Upos::kVerb, 0, Dep::kRoot, "evacuate", "VBD"},
                         {"Kuwaiti", Upos::kAdj, 4, Dep::kAmod, "kuwaiti", "JJ"},
                         {"citizens", Upos::kNoun, 2, Dep::kObj, "citizen", "NNS"},
                         {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                        {{0, 0, 0}, {2, 2, 1}}, {"Iran", "Kuwait"});
  CHECK(Run(*citizens).empty());
  auto city = Build({{"Iran", Upos::kPropn, 2, Dep::kNsubj, "Iran", "NNP"},
                     {"evacuated", Upos::kVerb, 0, Dep::kRoot, "evacuate", "VBD"},
                     {"Basra", Upos::kPropn, 2, Dep::kObj, "Basra", "NNP"},
                     {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                    {{0, 0, 0}, {2, 2, 1}}, {"Iran", "Basra"});
  REQUIRE(Run(*city).size() == 1);
  CHECK(Run(*city)[0].type == "withdrew-from");
}

TEST_CASE("the party a word of relation is held to is not the one it names", "[tree_events]") {
  auto attacked = [](Dep modifier, Upos upos, const char* word, const char* lemma) {
    // Iran attacked a <Kuwait|Kuwaiti> ally .
    auto h = Build({{"Iran", Upos::kPropn, 2, Dep::kNsubj, "Iran", "NNP"},
                    {"attacked", Upos::kVerb, 0, Dep::kRoot, "attack", "VBD"},
                    {"a", Upos::kDet, 5, Dep::kDet, "a", "DT"},
                    {word, upos, 5, modifier, lemma, upos == Upos::kAdj ? "JJ" : "NNP"},
                    {"ally", Upos::kNoun, 2, Dep::kObj, "ally", "NN"},
                    {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                   {{0, 0, 0}, {3, 3, 1}}, {"Iran", "Kuwait"});
    int n = 0;
    for (const Found& f : Run(*h)) n += f.type == "attacked" && f.target == "Kuwait";
    return n;
  };
  CHECK(attacked(Dep::kCompound, Upos::kPropn, "Kuwait", "Kuwait") == 0);  // Kuwait's ally
  CHECK(attacked(Dep::kAmod, Upos::kAdj, "Kuwaiti", "kuwaiti") == 1);      // an ally that is Kuwaiti
}

TEST_CASE("help for a war is not help for the country it is fought in", "[tree_events]") {
  auto aided = [](bool peace) {
    // Iran donated aid to [the end of] the war in Kuwait .
    std::vector<Tok> toks = {{"Iran", Upos::kPropn, 2, Dep::kNsubj, "Iran", "NNP"},
                             {"donated", Upos::kVerb, 0, Dep::kRoot, "donate", "VBD"},
                             {"aid", Upos::kNoun, 2, Dep::kObj, "aid", "NN"},
                             {"to", Upos::kAdp, 6, Dep::kCase, "to", "IN"},
                             {"the", Upos::kDet, 6, Dep::kDet, "the", "DT"},
                             {"war", Upos::kNoun, 2, Dep::kObl, "war", "NN"},
                             {"in", Upos::kAdp, 8, Dep::kCase, "in", "IN"},
                             {"Kuwait", Upos::kPropn, 6, Dep::kNmod, "Kuwait", "NNP"},
                             {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}};
    uint32_t kuwait = 7;
    if (peace) {
      toks = {{"Iran", Upos::kPropn, 2, Dep::kNsubj, "Iran", "NNP"},
              {"donated", Upos::kVerb, 0, Dep::kRoot, "donate", "VBD"},
              {"aid", Upos::kNoun, 2, Dep::kObj, "aid", "NN"},
              {"to", Upos::kAdp, 6, Dep::kCase, "to", "IN"},
              {"the", Upos::kDet, 6, Dep::kDet, "the", "DT"},
              {"end", Upos::kNoun, 2, Dep::kObl, "end", "NN"},
              {"of", Upos::kAdp, 9, Dep::kCase, "of", "IN"},
              {"the", Upos::kDet, 9, Dep::kDet, "the", "DT"},
              {"war", Upos::kNoun, 6, Dep::kNmod, "war", "NN"},
              {"in", Upos::kAdp, 11, Dep::kCase, "in", "IN"},
              {"Kuwait", Upos::kPropn, 9, Dep::kNmod, "Kuwait", "NNP"},
              {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}};
      kuwait = 10;
    }
    auto h = Build(toks, {{0, 0, 0}, {kuwait, kuwait, 1}}, {"Iran", "Kuwait"});
    int n = 0;
    for (const Found& f : Run(*h)) n += f.type == "aided" && f.target == "Kuwait";
    return n;
  };
  CHECK(aided(false) == 0);
  CHECK(aided(true) >= 1);  // helping to end the war there helps the country
}

TEST_CASE("coordinated subjects calling for or fighting a thing do not meet or fight each other", "[tree_events]") {
  auto pair = [](const char* verb, const char* lemma, const char* object, const char* object_lemma, bool for_phrase) {
    // Iran and Kuwait <verb> [for] [<object>] .
    std::vector<Tok> toks = {{"Iran", Upos::kPropn, 4, Dep::kNsubj, "Iran", "NNP"},
                             {"and", Upos::kCconj, 3, Dep::kCc, "and", "CC"},
                             {"Kuwait", Upos::kPropn, 1, Dep::kConj, "Kuwait", "NNP"},
                             {verb, Upos::kVerb, 0, Dep::kRoot, lemma, "VBD"}};
    if (for_phrase) toks.push_back({"for", Upos::kAdp, 6, Dep::kCase, "for", "IN"});
    if (object)
      toks.push_back({object, Upos::kNoun, 4, for_phrase ? Dep::kObl : Dep::kObj, object_lemma, "NN"});
    toks.push_back({".", Upos::kPunct, 4, Dep::kPunct, ".", "."});
    auto h = Build(toks, {{0, 0, 0}, {2, 2, 1}}, {"Iran", "Kuwait"});
    return Run(*h).size();
  };
  CHECK(pair("fought", "fight", nullptr, nullptr, false) == 1);
  CHECK(pair("fought", "fight", "poverty", "poverty", false) == 0);
  CHECK(pair("called", "call", nullptr, nullptr, false) == 1);
  CHECK(pair("called", "call", "efforts", "effort", true) == 0);
}

TEST_CASE("a compound adjective of alliance names whom the noun favours, not whom it is", "[tree_events]") {
  auto suspended = [](RelationType compound_type) {
    // Iran suspended a <pro-Kuwait|Kuwait-backed> regime .
    auto h = Build({{"Iran", Upos::kPropn, 2, Dep::kNsubj, "Iran", "NNP"},
                    {"suspended", Upos::kVerb, 0, Dep::kRoot, "suspend", "VBD"},
                    {"a", Upos::kDet, 5, Dep::kDet, "a", "DT"},
                    {"pro-Kuwait", Upos::kAdj, 5, Dep::kAmod, "pro-kuwait", "JJ"},
                    {"regime", Upos::kNoun, 2, Dep::kObj, "regime", "NN"},
                    {".", Upos::kPunct, 2, Dep::kPunct, ".", "."}},
                   {{0, 0, 0}, {3, 3, 1}}, {"Iran", "Kuwait"});
    h->doc.mentions[1].form = MentionForm::kCompoundAdj;
    h->doc.mentions[1].compound_type = compound_type;
    int n = 0;
    for (const Found& f : Run(*h)) n += f.target == "Kuwait";
    return n;
  };
  CHECK(suspended(RelationType::kAlliedWith) == 0);  // a pro-Kuwait regime is not Kuwait
  CHECK(suspended(RelationType::kBackedBy) == 1);    // what Kuwait backs is aimed at Kuwait
}

}  // namespace
}  // namespace geokg::ingest
