// The event lexicon (ingest/verbs.cc): loading the built-in files, lookup
// order, errors that name the file and line, --lexicon folders.
#include "ingest/verbs.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>

#include "graph/ontology.h"
#include "ingest/text.h"
#include "tests/support/process.h"

namespace geokg::ingest {
namespace {

using graph::RelationType;
using geokg::testing::TempDir;

uint64_t K(std::string_view w) { return TokenKey(w); }

TEST_CASE("verbs: the built-in lexicon loads", "[ingest][verbs]") {
  EventLexicon lex;
  Status s = EventLexicon::Load("", {}, &lex);
  INFO(s.message());
  REQUIRE(s.ok());
  CHECK(lex.verb_count() > 20000);
  CHECK(lex.noun_count() > 100);
  CHECK(lex.IsVerb(K("attack")));
  CHECK(lex.IsVerb(K("Arrest")));  // keys fold case
  CHECK(lex.IsNoun(K("invasion")));
  CHECK_FALSE(lex.IsVerb(K("xyzzy")));
  CHECK_FALSE(lex.IsNoun(K("arrestingly")));
  CHECK(lex.Verb(K("xyzzy")).empty());

  // Every event type has our own verb or noun entries, the new ones included.
  std::set<RelationType> own;
  auto collect = [&](std::span<const VerbPattern> ps) {
    for (const VerbPattern& p : ps)
      if (p.own) own.insert(p.type);
  };
  for (const char* w : {"comment", "appeal", "pledge", "cooperate", "concede", "release", "investigate",
                        "sever", "ban", "arrest", "deport", "seize", "clash", "massacre", "kill", "attack",
                        "deploy", "threaten", "blame", "condemn", "protest", "urge", "demand", "reject", "meet",
                        "agree", "support", "aid", "sanction", "withdraw", "negotiate"})
    collect(lex.Verb(K(w)));
  for (const auto& info : graph::AllRelationTypes()) {
    if (info.structural) continue;
    INFO(info.name);
    CHECK(own.count(info.type));
  }

  // Our corrections come first where CAMEO codes a word otherwise.
  auto kill = lex.Verb(K("kill"));
  bool bare_seen = false;
  for (const VerbPattern& p : kill)
    if (p.specificity() == 0 && !bare_seen) {
      bare_seen = true;
      CHECK(p.own);
      CHECK(p.type == RelationType::kKilled);
    }
  CHECK(bare_seen);
  auto arrest = lex.Noun(K("arrest"));
  REQUIRE_FALSE(arrest.empty());
  CHECK(arrest[0].type == RelationType::kArrested);
  CHECK(arrest[0].prep_key == K("of"));
}

TEST_CASE("verbs: most specific first, ours before CAMEO at equal specificity", "[ingest][verbs]") {
  EventLexicon lex;
  REQUIRE(lex.Add("hold\t-\t-\t-\t040\tmet-with\n"
                  "hold\t-\ttalk\t-\t046\tnegotiated-with\n"
                  "hold\tout\toffer\tto\t030\tpledged-to\n",
                  "verbs.cameo.tsv", EventLexicon::FileKind::kCameoVerbs)
              .ok());
  REQUIRE(lex.Add("# ours\n"
                  "hold\t-\ttalk\twith\t046\tnegotiated-with\n"
                  "hold\t-\t-\t-\t-\tmet-with\tweak\n"
                  "hold\t-\ttalk\t-\t046\tmet-with\n",
                  "verbs.geokg.tsv", EventLexicon::FileKind::kOwnVerbs)
              .ok());
  REQUIRE(lex.Add("talk\twith\t046\tnegotiated-with\n", "nouns.geokg.tsv", EventLexicon::FileKind::kNouns).ok());
  lex.Build();
  auto ps = lex.Verb(K("hold"));
  REQUIRE(ps.size() == 6);
  CHECK(ps[0].specificity() == 3);
  CHECK(ps[0].particle_key == K("out"));
  CHECK(ps[0].type == RelationType::kPledgedTo);
  CHECK(ps[1].specificity() == 2);
  CHECK(ps[1].own);
  // Equal specificity: ours first, then the CAMEO line.
  CHECK(ps[2].specificity() == 1);
  CHECK(ps[2].own);
  CHECK(ps[2].type == RelationType::kMetWith);
  CHECK(ps[3].specificity() == 1);
  CHECK_FALSE(ps[3].own);
  CHECK(ps[3].type == RelationType::kNegotiatedWith);
  CHECK(std::string(ps[3].cameo_text) == "046");
  CHECK(ps[3].cameo == 46);
  CHECK(ps[4].own);
  CHECK(ps[4].weak);
  CHECK(ps[4].cameo_text[0] == '\0');
  CHECK_FALSE(ps[5].own);
  CHECK(ps[5].object_key == 0);
  CHECK(lex.Noun(K("talk")).size() == 1);
  CHECK(lex.Noun(K("talk"))[0].prep_key == K("with"));
  CHECK(lex.Noun(K("hold")).empty());
  CHECK(lex.size() == 7);
}

TEST_CASE("verbs: the type may come from the CAMEO code, and flags", "[ingest][verbs]") {
  EventLexicon lex;
  REQUIRE(lex.Add("free\t-\t-\t-\t0841\t-\n"
                  "fund\t-\t-\t-\t071\tbacked-by\tinverse,weak\n",
                  "v.tsv", EventLexicon::FileKind::kOwnVerbs)
              .ok());
  lex.Build();
  REQUIRE(lex.Verb(K("free")).size() == 1);
  CHECK(lex.Verb(K("free"))[0].type == RelationType::kReleased);
  CHECK(lex.Verb(K("free"))[0].cameo == 841);
  const VerbPattern& fund = lex.Verb(K("fund"))[0];
  CHECK(fund.inverse);
  CHECK(fund.weak);
  CHECK(fund.type == RelationType::kBackedBy);
}

TEST_CASE("verbs: a malformed line is an error naming the file and line", "[ingest][verbs]") {
  struct Case {
    const char* text;
    EventLexicon::FileKind kind;
    const char* where;
    const char* says;
  };
  const Case cases[] = {
      {"# c\n\nhit\t-\t-\t-\t190\n", EventLexicon::FileKind::kCameoVerbs, "x.tsv:3:", "columns"},
      {"hit\t-\t-\t-\t190\tattacked\tweak\n", EventLexicon::FileKind::kCameoVerbs, "x.tsv:1:", "columns"},
      {"hit\t-\t-\t-\t190\tatacked\n", EventLexicon::FileKind::kOwnVerbs, "x.tsv:1:", "did you mean 'attacked'"},
      {"hit\t-\t-\t-\t19x\tattacked\n", EventLexicon::FileKind::kOwnVerbs, "x.tsv:1:", "CAMEO code"},
      {"hit\t-\t-\t-\t-\t-\n", EventLexicon::FileKind::kOwnVerbs, "x.tsv:1:", "no type"},
      {"hit hard\t-\t-\t-\t190\tattacked\n", EventLexicon::FileKind::kOwnVerbs, "x.tsv:1:", "one word"},
      {"hit\t-\t-\t-\t190\tattacked\tstrong\n", EventLexicon::FileKind::kOwnVerbs, "x.tsv:1:", "unknown flag"},
      {"ok\t-\t-\t-\t190\tattacked\nraid\ton\t190\n", EventLexicon::FileKind::kNouns, "x.tsv:1:", "columns"},
      {"raid\ton\t190\tattacked\nraid\ton\n", EventLexicon::FileKind::kNouns, "x.tsv:2:", "columns"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    EventLexicon lex;
    Status s = lex.Add(c.text, "x.tsv", c.kind);
    REQUIRE_FALSE(s.ok());
    CHECK(s.code() == StatusCode::kInvalidInput);
    CHECK(s.message().rfind(c.where, 0) == 0);
    CHECK(s.message().find(c.says) != std::string::npos);
    lex.Build();
    CHECK(lex.size() == 0);  // nothing of a bad text is kept
  }
}

TEST_CASE("verbs: Load reads the three files and --lexicon folders", "[ingest][verbs]") {
  TempDir dir;
  dir.Write("data/verbs.cameo.tsv", "# generated\nstrike\t-\t-\t-\t190\tattacked\n");
  dir.Write("data/verbs.geokg.tsv", "strike\t-\tdeal\twith\t057\tagreed-with\n");
  dir.Write("data/nouns.geokg.tsv", "strike\ton\t190\tattacked\n");
  dir.Write("extra/verbs.geokg.tsv", "# mine\nshell\t-\t-\t-\t194\tattacked\n");
  dir.Write("bad/nouns.geokg.tsv", "# mine\n\nraid\ton\t190\tattakced\n");
  EventLexicon lex;
  Status s = EventLexicon::Load(dir.Path("data"), {dir.Path("extra"), dir.Path("missing")}, &lex);
  INFO(s.message());
  REQUIRE(s.ok());
  CHECK(lex.Verb(K("strike")).size() == 2);
  CHECK(lex.Verb(K("strike"))[0].own);
  CHECK(lex.Verb(K("shell")).size() == 1);
  CHECK(lex.Verb(K("shell"))[0].own);
  CHECK(lex.IsNoun(K("strike")));

  s = EventLexicon::Load(dir.Path("data"), {dir.Path("bad")}, &lex);
  REQUIRE_FALSE(s.ok());
  CHECK(s.message().find("nouns.geokg.tsv:3: unknown relation type 'attakced'") != std::string::npos);
  CHECK(lex.IsVerb(K("shell")));  // a failed load leaves *out as it was

  s = EventLexicon::Load(dir.Path("extra"), {}, &lex);
  CHECK(s.code() == StatusCode::kNotFound);
  CHECK(s.message().find("verbs.cameo.tsv") != std::string::npos);
}


TEST_CASE("verbs: inflected and irregular forms are known before tagging", "[ingest][verbs]") {
  EventLexicon lex;
  Status s = EventLexicon::Load("", {}, &lex);
  REQUIRE(s.ok());
  uint64_t lemma = 0;
  for (const char* form : {"attacked", "attacking", "attacks", "seized", "seizing", "banned", "banning",
                           "denies", "denied", "fought", "held", "sent", "invasion", "invasions"})
    CHECK(lex.MaybeTrigger(K(form)));
  REQUIRE(lex.MaybeTrigger(K("fought"), &lemma));
  CHECK(lemma == K("fight"));
  REQUIRE(lex.MaybeTrigger(K("Seized"), &lemma));  // keys fold case
  CHECK(lemma == K("seize"));
  CHECK_FALSE(lex.MaybeTrigger(K("xyzzyed")));

  // A folder's verb-forms.tsv adds irregular forms; a bad line names it.
  EventLexicon own;
  REQUIRE(own.AddIrregularForms("# comment\nsmite\tsmote\tsmitten\n", "f.tsv").ok());
  own.Build();
  CHECK(own.MaybeTrigger(K("smote")));
  Status bad = own.AddIrregularForms("smite\n", "f.tsv");
  CHECK(bad.message().rfind("f.tsv:1: ", 0) == 0);

  // A form of two lemmas gives one of them, always the same: the one
  // whose key is smaller, as it was when the pairs were searched in order.
  EventLexicon two;
  REQUIRE(two.AddIrregularForms("smite\tsmote\nsmoot\tsmote\n", "g.tsv").ok());
  two.Build();
  REQUIRE(two.MaybeTrigger(K("smote"), &lemma));
  CHECK(lemma == std::min(K("smite"), K("smoot")));
  CHECK_FALSE(two.MaybeTrigger(K("fought")));
  CHECK_FALSE(EventLexicon().MaybeTrigger(K("fought")));  // nothing built
}

}  // namespace
}  // namespace geokg::ingest
