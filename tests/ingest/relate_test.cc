// Tests of ingest/relate.h on hand-built DocAnalysis values: each sentence is
// written with its mentions marked, so the rules are tested apart from
// recognition.
//
// Markup: tokens are separated by spaces; a mention is
// [surface words|Canonical[@ISO3]|kind|form] where form is name (default),
// mod, met, desc, pron or comp:<relation-type>; a form ending in '^' makes
// the next mention of the sentence its head.
#include "ingest/relate.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "graph/ids.h"
#include "graph/ontology.h"

using geokg::graph::EntityKind;
using geokg::graph::ExtractedRelation;
using geokg::graph::Modality;
using geokg::graph::RelationType;
using geokg::graph::Section;
using namespace geokg::ingest;
using geokg::Status;

namespace {

class DocBuilder {
 public:
  // Adds one sentence. Returns its index.
  uint32_t Add(const std::string& markup, Section section = Section::kBody, bool noise = false) {
    pending_.push_back({markup, section, noise});
    return static_cast<uint32_t>(pending_.size() - 1);
  }

  const DocAnalysis& Build() {
    // First pass: the text.
    struct Tok { size_t begin, end; };
    text_.clear();
    struct MentionSpec { uint32_t first, last, sentence; std::string canon, kind, form; bool head_next; };
    std::vector<MentionSpec> specs;
    std::vector<std::vector<Tok>> sent_toks;
    for (uint32_t si = 0; si < pending_.size(); ++si) {
      const std::string& m = pending_[si].markup;
      std::vector<Tok> toks;
      size_t i = 0;
      if (!text_.empty()) text_ += "\n";
      auto add_word = [&](const std::string& w) {
        if (!text_.empty() && text_.back() != '\n') text_ += ' ';
        toks.push_back({text_.size(), text_.size() + w.size()});
        text_ += w;
      };
      while (i < m.size()) {
        if (m[i] == ' ') { ++i; continue; }
        if (m[i] == '[') {
          size_t close = m.find(']', i);
          std::string inner = m.substr(i + 1, close - i - 1);
          std::vector<std::string> parts;
          size_t p = 0;
          while (true) {
            size_t bar = inner.find('|', p);
            parts.push_back(inner.substr(p, bar == std::string::npos ? std::string::npos : bar - p));
            if (bar == std::string::npos) break;
            p = bar + 1;
          }
          MentionSpec spec;
          spec.first = static_cast<uint32_t>(total_tokens_ + toks.size());
          std::string surface = parts[0];
          size_t q = 0;
          while (q < surface.size()) {
            size_t sp = surface.find(' ', q);
            add_word(surface.substr(q, sp == std::string::npos ? std::string::npos : sp - q));
            if (sp == std::string::npos) break;
            q = sp + 1;
          }
          spec.last = static_cast<uint32_t>(total_tokens_ + toks.size());
          spec.sentence = si;
          spec.canon = parts.size() > 1 ? parts[1] : parts[0];
          spec.kind = parts.size() > 2 ? parts[2] : "country";
          spec.form = parts.size() > 3 ? parts[3] : "name";
          spec.head_next = !spec.form.empty() && spec.form.back() == '^';
          if (spec.head_next) spec.form.pop_back();
          specs.push_back(spec);
          i = close + 1;
        } else {
          size_t sp = m.find(' ', i);
          add_word(m.substr(i, sp == std::string::npos ? std::string::npos : sp - i));
          i = sp == std::string::npos ? m.size() : sp;
        }
      }
      total_tokens_ += toks.size();
      sent_toks.push_back(toks);
    }
    // Second pass: tokens, sentences, entities, mentions.
    doc_.Clear();
    doc_.text = text_;
    for (uint32_t si = 0; si < sent_toks.size(); ++si) {
      Sentence s;
      s.first_token = static_cast<uint32_t>(doc_.tokens.size());
      s.token_count = static_cast<uint32_t>(sent_toks[si].size());
      s.begin = static_cast<uint32_t>(sent_toks[si].front().begin);
      s.end = static_cast<uint32_t>(sent_toks[si].back().end);
      s.section = pending_[si].section;
      s.noise = pending_[si].noise;
      for (const Tok& t : sent_toks[si]) {
        Token tok;
        tok.begin = static_cast<uint32_t>(t.begin);
        tok.end = static_cast<uint32_t>(t.end);
        tok.sentence = si;
        std::string_view w(text_.data() + t.begin, t.end - t.begin);
        unsigned char c0 = static_cast<unsigned char>(w[0]);
        if (std::isupper(c0)) tok.flags |= kTokCapitalized;
        if (std::isdigit(c0)) tok.flags |= kTokNumber;
        if (w == "“" || w == "”" || w == "\"" || w == "‘") tok.flags |= kTokQuote | kTokPunct;
        else if (std::ispunct(c0) && w != "'s") tok.flags |= kTokPunct;
        doc_.tokens.push_back(tok);
      }
      doc_.sentences.push_back(s);
    }
    for (size_t k = 0; k < specs.size(); ++k) {
      const MentionSpec& spec = specs[k];
      std::string name = spec.canon, country;
      size_t at = name.find('@');
      if (at != std::string::npos) {
        country = name.substr(at + 1);
        name = name.substr(0, at);
      }
      uint32_t ei = 0;
      for (; ei < doc_.entities.size(); ++ei)
        if (doc_.entities[ei].name == name) break;
      if (ei == doc_.entities.size()) {
        geokg::graph::Entity e;
        e.name = name;
        e.id = geokg::graph::EntityIdFor(name);
        e.kind = *geokg::graph::ParseKind(spec.kind);
        e.country = country;
        doc_.entities.push_back(e);
      }
      Mention m;
      m.first_token = spec.first;
      m.last_token = spec.last;
      m.sentence = spec.sentence;
      m.entity = ei;
      if (spec.form == "mod") m.form = MentionForm::kModifier;
      else if (spec.form == "met") m.form = MentionForm::kMetonym;
      else if (spec.form == "desc") m.form = MentionForm::kDescription;
      else if (spec.form == "pron") m.form = MentionForm::kPronoun;
      else if (spec.form.rfind("comp:", 0) == 0) {
        m.form = MentionForm::kCompoundAdj;
        m.compound_type = *geokg::graph::ParseRelationType(spec.form.substr(5));
      }
      if (spec.head_next) m.head = static_cast<int32_t>(k + 1);
      doc_.mentions.push_back(m);
    }
    return doc_;
  }

 private:
  struct Pending { std::string markup; Section section; bool noise; };
  std::vector<Pending> pending_;
  std::string text_;
  size_t total_tokens_ = 0;
  DocAnalysis doc_;
};

const Triggers& BuiltinTriggers() {
  static Triggers* t = [] {
    auto* x = new Triggers();
    Status s = x->LoadFile(std::string(GEOKG_SOURCE_DIR) + "/ingest/data/triggers.tsv");
    if (!s.ok()) FAIL(s.message());
    return x;
  }();
  return *t;
}

std::vector<ExtractedRelation> Run(DocBuilder& b) {
  const DocAnalysis& doc = b.Build();
  std::vector<ExtractedRelation> out;
  geokg::graph::DocMeta meta;
  meta.id = 42;
  meta.date = 20200101;
  Relate(BuiltinTriggers(), nullptr, doc, meta, &out);
  return out;
}

const ExtractedRelation* Find(const std::vector<ExtractedRelation>& rels, const std::string& src,
                              RelationType type, const std::string& dst) {
  for (const auto& r : rels)
    if (r.key.source == geokg::graph::EntityIdFor(src) && r.key.type == type &&
        r.key.target == geokg::graph::EntityIdFor(dst))
      return &r;
  return nullptr;
}

bool Has(const std::vector<ExtractedRelation>& rels, const std::string& src, RelationType type,
         const std::string& dst, Modality modality = Modality::kAsserted) {
  for (const auto& r : rels)
    if (r.key.source == geokg::graph::EntityIdFor(src) && r.key.type == type &&
        r.key.target == geokg::graph::EntityIdFor(dst) && r.evidence.modality == modality)
      return true;
  return false;
}

size_t CountAsserted(const std::vector<ExtractedRelation>& rels) {
  size_t n = 0;
  for (const auto& r : rels) n += r.evidence.modality == Modality::kAsserted;
  return n;
}

}  // namespace

TEST_CASE("triggers: inflections and file errors", "[ingest][relate]") {
  CHECK(VerbThirdPerson("deploy") == "deploys");
  CHECK(VerbPast("deploy") == "deployed");
  CHECK(VerbGerund("deploy") == "deploying");
  CHECK(VerbPast("slam") == "slammed");
  CHECK(VerbPast("open") == "opened");
  CHECK(VerbPast("criticise") == "criticised");
  CHECK(VerbThirdPerson("accuse") == "accuses");
  CHECK(VerbPast("deny") == "denied");
  CHECK(NounPlural("strike") == "strikes");
  CHECK(NounPlural("talks") == "talks");
  Triggers t;
  Status s = t.Parse("attack\tatacked\tSUBJ V OBJ\n", "x.tsv");
  CHECK_FALSE(s.ok());
  CHECK(s.message().find("x.tsv:1") != std::string::npos);
  CHECK(s.message().find("attacked") != std::string::npos);
  s = t.Parse("# comment\n\nattack\tattacked\n", "y.tsv");
  CHECK(s.message().find("y.tsv:3") != std::string::npos);
  s = t.Parse("attack\tattacked\tOBJ V SUBJ\n", "z.tsv");
  CHECK_FALSE(s.ok());
  CHECK(BuiltinTriggers().size() > 150);
  // Every relation type has triggers (structural ones from recognition aside). The
  // types added after negotiated-with are covered by the event lexicon instead
  // (ingest/data/verbs.*.tsv, checked in tests/ingest/verbs_test.cc).
  for (const auto& info : geokg::graph::AllRelationTypes()) {
    if (info.type == RelationType::kPartOf || info.type == RelationType::kLocatedIn) continue;
    if (info.type > RelationType::kNegotiatedWith) continue;
    bool found = false;
    for (size_t i = 0; i < BuiltinTriggers().size(); ++i)
      found |= BuiltinTriggers().entry(static_cast<uint32_t>(i)).type == info.type &&
               BuiltinTriggers().entry(static_cast<uint32_t>(i)).cls != TriggerClass::kLight &&
               BuiltinTriggers().entry(static_cast<uint32_t>(i)).cls != TriggerClass::kSpeech;
    CHECK(found);
  }
}

TEST_CASE("relate: subject verb object", "[ingest][relate]") {
  DocBuilder b;
  b.Add("[Hezbollah|Hezbollah|armed-group] fighters attacked an [Israeli|Israel|country|mod] army post .");
  auto rels = Run(b);
  REQUIRE(Has(rels, "Hezbollah", RelationType::kAttacked, "Israel"));
  const auto* r = Find(rels, "Hezbollah", RelationType::kAttacked, "Israel");
  CHECK(r->evidence.trigger == "attacked");
  CHECK(r->evidence.doc == 42);
  CHECK(r->evidence.date == 20200101);
  CHECK(r->evidence.sentence == 0);
  CHECK(r->evidence.confidence > 0.5f);
  CHECK(r->evidence.text.find("Hezbollah fighters attacked") == 0);
}

TEST_CASE("relate: passives take the by-agent", "[ingest][relate]") {
  DocBuilder b;
  b.Add("The [embassy|US Embassy|facility|desc] was attacked by [militiamen|militiamen|group|desc] .");
  b.Add("[US|United States|country|mod] troops were deployed to [Iraq|Iraq|country] .");
  b.Add("Troops were deployed to [Iraq|Iraq|country] by [Britain|United Kingdom|country] .");
  auto rels = Run(b);
  CHECK(Has(rels, "militiamen", RelationType::kAttacked, "US Embassy"));
  CHECK_FALSE(Find(rels, "US Embassy", RelationType::kAttacked, "militiamen"));
  CHECK(Has(rels, "United States", RelationType::kDeployedTo, "Iraq"));
  CHECK(Has(rels, "United Kingdom", RelationType::kDeployedTo, "Iraq"));
}

TEST_CASE("relate: coordination gives one edge per conjunct", "[ingest][relate]") {
  DocBuilder b;
  b.Add("[Protesters|protesters|group|desc] , many of them in [militia|militia|armed-group|desc] uniforms , "
        "marched outside the [embassy|US Embassy|facility|desc] , shouting slogans against the "
        "[US|United States] , [Israel|Israel] and President [Trump|Donald Trump|person] .");
  b.Add("[Iran|Iran] and [Syria|Syria] condemned [Israel|Israel] .");
  auto rels = Run(b);
  CHECK(Has(rels, "protesters", RelationType::kProtestedAgainst, "United States"));
  CHECK(Has(rels, "protesters", RelationType::kProtestedAgainst, "Israel"));
  CHECK(Has(rels, "protesters", RelationType::kProtestedAgainst, "Donald Trump"));
  CHECK_FALSE(Find(rels, "militia", RelationType::kProtestedAgainst, "United States"));
  CHECK(Has(rels, "Iran", RelationType::kCondemned, "Israel"));
  CHECK(Has(rels, "Syria", RelationType::kCondemned, "Israel"));
}

TEST_CASE("relate: a verb after 'and' shares the subject", "[ingest][relate]") {
  DocBuilder b;
  b.Add("Mr [Trump|Donald Trump|person] blamed [Iran|Iran] for the protests and called on "
        "[Iraq|Iraq] to protect the mission .");
  auto rels = Run(b);
  CHECK(Has(rels, "Donald Trump", RelationType::kBlamed, "Iran"));
  CHECK(Has(rels, "Donald Trump", RelationType::kAppealedTo, "Iraq"));
  CHECK_FALSE(Find(rels, "Iran", RelationType::kAppealedTo, "Iraq"));
  CHECK(CountAsserted(rels) == 2);
}

TEST_CASE("relate: a split verb needs its second word after the object", "[ingest][relate]") {
  DocBuilder b;
  b.Add("[Peru|Peru|country] held [Chile|Chile|country] responsible for the attack on "
        "[Bolivia|Bolivia|country] .");
  b.Add("[Ghana|Ghana|country] holds [Togo|Togo|country] accountable .");
  b.Add("[Kenya|Kenya|country] held [Uganda|Uganda|country] in high regard .");
  b.Add("[Norway|Norway|country] held talks and a meeting with [Sweden|Sweden|country] .");
  auto rels = Run(b);
  CHECK(Has(rels, "Peru", RelationType::kBlamed, "Chile"));
  CHECK(Has(rels, "Chile", RelationType::kAttacked, "Bolivia", Modality::kReported));
  CHECK_FALSE(Find(rels, "Peru", RelationType::kAttacked, "Bolivia"));
  CHECK(Has(rels, "Ghana", RelationType::kBlamed, "Togo"));
  CHECK_FALSE(Find(rels, "Kenya", RelationType::kBlamed, "Uganda"));
  CHECK_FALSE(Find(rels, "Norway", RelationType::kBlamed, "Sweden"));
}

TEST_CASE("relate: warnings aimed at an actor and vows to retaliate threaten it",
          "[ingest][relate]") {
  DocBuilder b;
  b.Add("[Peru|Peru|country] warned [Chile|Chile|country] against any incursion .");
  b.Add("[Ghana|Ghana|country] warned [Togo|Togo|country] not to move troops .");
  b.Add("[Kenya|Kenya|country] warned that [Uganda|Uganda|country] faced a drought .");
  b.Add("[Norway|Norway|country] vowed to retaliate against [Sweden|Sweden|country] and "
        "[Denmark|Denmark|country] .");
  auto rels = Run(b);
  CHECK(Has(rels, "Peru", RelationType::kThreatened, "Chile"));
  CHECK(Has(rels, "Ghana", RelationType::kThreatened, "Togo"));
  CHECK_FALSE(Find(rels, "Kenya", RelationType::kThreatened, "Uganda"));
  CHECK(Has(rels, "Norway", RelationType::kThreatened, "Sweden"));
  CHECK(Has(rels, "Norway", RelationType::kThreatened, "Denmark"));
}

TEST_CASE("relate: the owner of forces moved and a completing subject are agents",
          "[ingest][relate]") {
  DocBuilder b;
  b.Add("[Peru|Peru|country] welcomed the deployment of [Chilean|Chile|country|mod] troops to "
        "[Bolivia|Bolivia|country] .");
  b.Add("[Ghana|Ghana|country] completed the withdrawal of its peacekeepers from "
        "[Mali|Mali|country] .");
  b.Add("[Kenya|Kenya|country] opposed the withdrawal of aid from [Somalia|Somalia|country] .");
  auto rels = Run(b);
  CHECK(Has(rels, "Chile", RelationType::kDeployedTo, "Bolivia"));
  CHECK_FALSE(Find(rels, "Peru", RelationType::kDeployedTo, "Bolivia"));
  CHECK(Has(rels, "Ghana", RelationType::kWithdrewFrom, "Mali"));
  CHECK_FALSE(Find(rels, "Kenya", RelationType::kWithdrewFrom, "Somalia"));
  // Asked for, not done.
  DocBuilder c;
  c.Add("[Peru|Peru|country] called for the withdrawal of [Chilean|Chile|country|mod] troops from "
        "[Bolivia|Bolivia|country] .");
  c.Add("[Ghana|Ghana|country] demanded [Togo|Togo|country] 's withdrawal from [Mali|Mali|country] .");
  auto asked = Run(c);
  CHECK_FALSE(Has(asked, "Chile", RelationType::kWithdrewFrom, "Bolivia"));
  CHECK(Has(asked, "Chile", RelationType::kWithdrewFrom, "Bolivia", Modality::kFuture));
  CHECK_FALSE(Has(asked, "Togo", RelationType::kWithdrewFrom, "Mali"));
}

TEST_CASE("relate: 'in talks with' and 'after talks with' take the clause subject",
          "[ingest][relate]") {
  DocBuilder b;
  b.Add("[Peru|Peru|country] is in talks with [Chile|Chile|country] over the border .");
  b.Add("[Ghana|Ghana|country] lifted the ban after talks with [Togo|Togo|country] .");
  b.Add("[Kenya|Kenya|country] has not been in talks with [Uganda|Uganda|country] .");
  auto rels = Run(b);
  CHECK(Has(rels, "Peru", RelationType::kNegotiatedWith, "Chile"));
  CHECK(Has(rels, "Ghana", RelationType::kNegotiatedWith, "Togo"));
  CHECK_FALSE(Has(rels, "Kenya", RelationType::kNegotiatedWith, "Uganda"));
  CHECK(Has(rels, "Kenya", RelationType::kNegotiatedWith, "Uganda", Modality::kNegated));
}

TEST_CASE("relate: the EVENT frame gives the event's agent", "[ingest][relate]") {
  DocBuilder b;
  b.Add("The protests began after [Iraq|Iraq] condemned [Washington|United States|country|met] for "
        "the strikes that killed more than two-dozen fighters from an "
        "[Iran-backed|Iran|country|comp:backed-by^] [militia|Iran-backed militia|armed-group|desc] "
        "over the weekend .");
  b.Add("[Russia|Russia] condemned [Ukraine|Ukraine] for the drone strikes that hit [Moscow|Moscow|location] .");
  auto rels = Run(b);
  CHECK(Has(rels, "Iraq", RelationType::kCondemned, "United States"));
  CHECK(Has(rels, "United States", RelationType::kKilled, "Iran-backed militia"));
  CHECK(Has(rels, "United States", RelationType::kAttacked, "Iran-backed militia"));
  CHECK(Has(rels, "Iran-backed militia", RelationType::kBackedBy, "Iran"));
  CHECK_FALSE(Find(rels, "United States", RelationType::kAttacked, "Iran"));
  CHECK_FALSE(Find(rels, "Iraq", RelationType::kKilled, "Iran-backed militia"));
  const auto* k = Find(rels, "United States", RelationType::kKilled, "Iran-backed militia");
  const auto* c = Find(rels, "Iraq", RelationType::kCondemned, "United States");
  CHECK(k->evidence.confidence < c->evidence.confidence);
  CHECK(Has(rels, "Russia", RelationType::kCondemned, "Ukraine"));
  CHECK(Has(rels, "Ukraine", RelationType::kAttacked, "Moscow"));
}

TEST_CASE("relate: blaming someone for an event reports the event", "[ingest][relate]") {
  DocBuilder b;
  b.Add("[Israel|Israel] blamed [Hamas|Hamas|armed-group] for the attack on the "
        "[border crossing|Kerem Shalom crossing|facility|desc] .");
  auto rels = Run(b);
  CHECK(Has(rels, "Israel", RelationType::kBlamed, "Hamas"));
  CHECK(Has(rels, "Hamas", RelationType::kAttacked, "Kerem Shalom crossing", Modality::kReported));
  CHECK_FALSE(Has(rels, "Hamas", RelationType::kAttacked, "Kerem Shalom crossing"));
}

TEST_CASE("relate: nominal triggers take possessive and modifier agents", "[ingest][relate]") {
  DocBuilder b;
  b.Add("[Iran|Iran] 's attack on the [embassy|US Embassy|facility|desc] was condemned .");
  b.Add("[US|United States|country|mod] strikes on [Syria|Syria] continued .");
  b.Add("The [European Union|European Union|international-org] imposed new sanctions on [Belarus|Belarus] .");
  b.Add("An attack on [Kabul|Kabul|location] airport killed dozens .");
  auto rels = Run(b);
  CHECK(Has(rels, "Iran", RelationType::kAttacked, "US Embassy"));
  CHECK(Has(rels, "United States", RelationType::kAttacked, "Syria"));
  CHECK(Has(rels, "European Union", RelationType::kSanctioned, "Belarus"));
  CHECK(rels.size() == 3);
}

TEST_CASE("relate: a denial is a rejected edge to the accuser, nothing asserted", "[ingest][relate]") {
  DocBuilder b;
  b.Add("Mr [Trump|Donald Trump|person] blamed [Iran|Iran] for the protests .");
  b.Add("[Iran|Iran] has rejected accusations it was behind the violent protests .");
  b.Add("[Turkey|Turkey] denied [it|Turkey|country|pron] had shelled [Kurdish|Kurds|armed-group|mod] positions .");
  auto rels = Run(b);
  CHECK(Has(rels, "Iran", RelationType::kRejected, "Donald Trump"));
  const auto* r = Find(rels, "Iran", RelationType::kRejected, "Donald Trump");
  CHECK(r->evidence.sentence == 1);
  CHECK_FALSE(Has(rels, "Turkey", RelationType::kAttacked, "Kurds"));
  CHECK(Has(rels, "Turkey", RelationType::kAttacked, "Kurds", Modality::kNegated));
  CHECK_FALSE(Find(rels, "Turkey", RelationType::kRejected, "Kurds"));
  for (const auto& x : rels)
    if (x.evidence.sentence == 2) CHECK(x.evidence.modality != Modality::kAsserted);
}

TEST_CASE("relate: reported speech reports the content and blames its agent", "[ingest][relate]") {
  DocBuilder b;
  b.Add("[Trump|Donald Trump|person] said : “ [Iran|Iran] is orchestrating an attack on the "
        "[embassy|US Embassy|facility|desc] . ”");
  b.Add("[Moscow|Russia|country|met] claimed [Kyiv|Ukraine|country|met] had attacked [Crimea|Crimea|location] .");
  auto rels = Run(b);
  CHECK(Has(rels, "Iran", RelationType::kAttacked, "US Embassy", Modality::kReported));
  CHECK_FALSE(Has(rels, "Iran", RelationType::kAttacked, "US Embassy"));
  CHECK(Has(rels, "Donald Trump", RelationType::kBlamed, "Iran"));
  CHECK(Has(rels, "Ukraine", RelationType::kAttacked, "Crimea", Modality::kReported));
  CHECK(Has(rels, "Russia", RelationType::kBlamed, "Ukraine"));
}

TEST_CASE("relate: questions, negation and future are not asserted", "[ingest][relate]") {
  DocBuilder b;
  b.Add("Will [Iran|Iran] attack [Israel|Israel] ?");
  b.Add("[Iraq|Iraq] did not attack [Kuwait|Kuwait] .");
  b.Add("[Russia|Russia] will deploy troops to [Belarus|Belarus] .");
  b.Add("[US|United States|country|mod] forces are prepared to deploy to [Iraq|Iraq] .");
  b.Add("If [Iran|Iran] attacks [Saudi Arabia|Saudi Arabia] , oil prices will rise .");
  b.Add("[China|China] could sanction [Lithuania|Lithuania] .");
  auto rels = Run(b);
  CHECK(Has(rels, "Iran", RelationType::kAttacked, "Israel", Modality::kHypothetical));
  CHECK(Has(rels, "Iraq", RelationType::kAttacked, "Kuwait", Modality::kNegated));
  CHECK(Has(rels, "Russia", RelationType::kDeployedTo, "Belarus", Modality::kFuture));
  CHECK(Has(rels, "United States", RelationType::kDeployedTo, "Iraq", Modality::kFuture));
  CHECK(Has(rels, "Iran", RelationType::kAttacked, "Saudi Arabia", Modality::kHypothetical));
  CHECK(Has(rels, "China", RelationType::kSanctioned, "Lithuania", Modality::kHypothetical));
  CHECK(CountAsserted(rels) == 0);
}

TEST_CASE("relate: sections, noise and headline grammar", "[ingest][relate]") {
  DocBuilder b;
  b.Add("[US|United States] deploys 750 troops after attack on its embassy in [Iraq|Iraq@IRQ]", Section::kTitle);
  b.Add("15 killed after [gunmen|gunmen|group|desc] open fire on [protesters|protesters|group|desc] in "
        "[Baghdad|Baghdad@IRQ|location]", Section::kRelatedHeadline);
  b.Add("Follow [Iran|Iran] on social media : [Iran|Iran] attacked [Iraq|Iraq]", Section::kBody, true);
  auto rels = Run(b);
  const auto* d = Find(rels, "United States", RelationType::kDeployedTo, "Iraq");
  REQUIRE(d);
  CHECK(d->evidence.modality == Modality::kAsserted);
  CHECK(d->evidence.section == Section::kTitle);
  const auto* g = Find(rels, "gunmen", RelationType::kAttacked, "protesters");
  REQUIRE(g);
  CHECK(g->evidence.section == Section::kRelatedHeadline);
  CHECK(g->evidence.confidence <= 0.4f);
  CHECK_FALSE(Find(rels, "Iran", RelationType::kAttacked, "Iraq"));
  // Gazetteer: Baghdad (IRQ) is in Iraq, which the document names.
  const auto* l = Find(rels, "Baghdad", RelationType::kLocatedIn, "Iraq");
  REQUIRE(l);
  CHECK(l->evidence.trigger == "(gazetteer)");
  CHECK(l->evidence.confidence == Approx(0.4f));  // its only sentence is a related headline
}

TEST_CASE("relate: no self-edges, no modifier-head edges", "[ingest][relate]") {
  DocBuilder b;
  b.Add("[Iran|Iran] condemned [Tehran|Iran|country|met] .");
  b.Add("The [US|United States|country|mod^] [Army|United States Army|military-unit] attacked .");
  b.Add("[Iran|Iran] backs [Hezbollah|Hezbollah|armed-group] .");
  b.Add("[Israel|Israel] and [Jordan|Jordan] met in [Amman|Amman|location] .");
  auto rels = Run(b);
  for (const auto& r : rels) CHECK(r.key.source != r.key.target);
  CHECK_FALSE(Find(rels, "United States", RelationType::kAttacked, "United States Army"));
  CHECK(Has(rels, "Hezbollah", RelationType::kBackedBy, "Iran"));
  CHECK_FALSE(Find(rels, "Iran", RelationType::kBackedBy, "Hezbollah"));
  CHECK((Has(rels, "Israel", RelationType::kMetWith, "Jordan") ||
         Has(rels, "Jordan", RelationType::kMetWith, "Israel")));
}

TEST_CASE("relate: relative clauses take their antecedent", "[ingest][relate]") {
  DocBuilder b;
  b.Add("The [Popular Mobilisation Forces|Popular Mobilisation Forces|armed-group] , which attacked "
        "the [base|K1 Air Base|facility|desc] , denied wrongdoing .");
  b.Add("Additional forces from the [US Army|United States Army|military-unit|mod^] 's "
        "[82nd Airborne Division|82nd Airborne Division|military-unit] are also prepared to deploy to "
        "[Kuwait|Kuwait] .");
  auto rels = Run(b);
  CHECK(Has(rels, "Popular Mobilisation Forces", RelationType::kAttacked, "K1 Air Base"));
  CHECK(Has(rels, "82nd Airborne Division", RelationType::kDeployedTo, "Kuwait", Modality::kFuture));
  CHECK_FALSE(Find(rels, "United States Army", RelationType::kDeployedTo, "Kuwait"));
}

TEST_CASE("relate: bare verb forms need a verb context", "[ingest][relate]") {
  DocBuilder b;
  b.Add("[Canada|Canada|country|mod] Press - [Ottawa|Ottawa|location] officials spoke .");
  b.Add("[US|United States|country|mod] forces bomb [Falluja|Fallujah|location] .");
  b.Add("The [French|France|country|mod] minister wants a channel backed by [Hezbollah|Hezbollah|armed-group] "
        "taken off air .");
  b.Add("[US|United States|country|mod] hostage killed by [Iraqi|Iraq|country|mod] captors .");
  auto rels = Run(b);
  CHECK_FALSE(Find(rels, "Canada", RelationType::kAppealedTo, "Ottawa"));
  CHECK(Has(rels, "United States", RelationType::kAttacked, "Fallujah"));
  CHECK_FALSE(Find(rels, "France", RelationType::kBackedBy, "Hezbollah"));
  CHECK(Has(rels, "Iraq", RelationType::kKilled, "United States"));
}

TEST_CASE("relate: a pronoun object blocks a later actor", "[ingest][relate]") {
  DocBuilder b;
  b.Add("[Jordan|Jordan] was to receive 1.25 billion dlrs from [Iraq|Iraq] and "
        "[Saudi Arabia|Saudi Arabia] to help it resist [Israel|Israel] .");
  auto rels = Run(b);
  CHECK_FALSE(Find(rels, "Saudi Arabia", RelationType::kAided, "Israel"));
  CHECK_FALSE(Find(rels, "Iraq", RelationType::kAided, "Israel"));
}

TEST_CASE("relate: a noun after a verb and 'demands by X' are not verbs", "[ingest][relate]") {
  DocBuilder b;
  b.Add("[Brazilian|Brazil|country|mod] Finance Minister [Dilson Funaro|Dilson Funaro|person] shrugged "
        "off demands by a group of [Brazilian|Brazil|country|mod] governors that he resign .");
  auto rels = Run(b);
  CHECK_FALSE(Find(rels, "Dilson Funaro", RelationType::kAppealedTo, "Brazil"));
}

TEST_CASE("relate: reporting a presupposed event or an explanation is not blame", "[ingest][relate]") {
  DocBuilder b;
  b.Add("The [State Department|United States Department of State|government-body] says missions "
        "are on alert for retaliation from [Iran|Iran] for Monday 's attack on two "
        "[Iranian|Iran|country|mod] oil platforms by [American|United States|country|mod] forces .");
  b.Add("[Japan|Japan] said it understood why the [U.S.|United States] attacked an "
        "[Iranian|Iran|country|mod] oil platform .");
  auto rels = Run(b);
  CHECK_FALSE(Find(rels, "United States Department of State", RelationType::kBlamed, "United States"));
  CHECK_FALSE(Find(rels, "Japan", RelationType::kBlamed, "United States"));
  CHECK(Has(rels, "United States", RelationType::kAttacked, "Iran", Modality::kReported));
}

TEST_CASE("relate: aborting verbs negate what follows", "[ingest][relate]") {
  DocBuilder b;
  b.Add("The [United States|United States] stopped short of endorsing [Brazil|Brazil] 's bid .");
  b.Add("[Iraq|Iraq] declined to condemn [Iran|Iran] .");
  b.Add("[Israel|Israel] refused to launch an attack on [Lebanon|Lebanon] .");
  b.Add("[Mulford|David Mulford|person] said there was no target for the dollar and called on "
        "[Japan|Japan] to act .");
  auto rels = Run(b);
  CHECK(Has(rels, "United States", RelationType::kSupported, "Brazil", Modality::kNegated));
  CHECK(Has(rels, "Iraq", RelationType::kCondemned, "Iran", Modality::kNegated));
  CHECK(Has(rels, "Israel", RelationType::kAttacked, "Lebanon", Modality::kNegated));
  // The negation of an earlier clause does not reach a verb after "and".
  const auto* c = Find(rels, "David Mulford", RelationType::kAppealedTo, "Japan");
  REQUIRE(c);
  CHECK(c->evidence.modality != Modality::kNegated);
  CHECK(CountAsserted(rels) == 0);
}

TEST_CASE("relate: a country modifier is an agent only through a force noun", "[ingest][relate]") {
  DocBuilder b;
  b.Add("The senators , several congressmen and [U.S.|United States|country|mod] semiconductor "
        "industry representatives met with [Japan|Japan] .");
  b.Add("[Iraqi|Iraq|country|mod] security forces attacked [Kuwait|Kuwait] .");
  b.Add("Nine [French|France|country|mod] peacekeepers were killed by [Ivorian|Ivory Coast|country|mod] "
        "bombers .");
  b.Add("[Gephardt|Richard Gephardt|person] 's legislation would hit [Taiwan|Taiwan] .");
  b.Add("[Lebanese|Lebanon|country|mod] officials called for an Arab fund to assist the "
        "[Lebanese|Lebanon|country|mod] pound .");
  auto rels = Run(b);
  CHECK_FALSE(Find(rels, "Richard Gephardt", RelationType::kAttacked, "Taiwan"));
  CHECK(rels.size() == 2);  // Iraq attacked Kuwait, Ivory Coast killed France
  CHECK_FALSE(Find(rels, "United States", RelationType::kMetWith, "Japan"));
  CHECK_FALSE(Find(rels, "Japan", RelationType::kMetWith, "United States"));
  CHECK(Has(rels, "Iraq", RelationType::kAttacked, "Kuwait"));
  CHECK(Has(rels, "Ivory Coast", RelationType::kKilled, "France"));
}

TEST_CASE("relate: an owner or modifier of the object noun", "[ingest][relate]") {
  DocBuilder b;
  b.Add("[Bernard Prauge|Bernard Prauge|person] will lead the [French|France|country|mod] delegation .");
  b.Add("[Britain|United Kingdom] backed the [United States|United States] ' attack on an oil platform .");
  auto rels = Run(b);
  CHECK_FALSE(Find(rels, "Bernard Prauge", RelationType::kLeaderOf, "France"));
  CHECK(Has(rels, "United Kingdom", RelationType::kSupported, "United States"));
  CHECK_FALSE(Find(rels, "United States", RelationType::kBackedBy, "United Kingdom"));
}

TEST_CASE("relate: names, questions, relative clauses and governed nouns", "[ingest][relate]") {
  DocBuilder b;
  b.Add("[Monsod|Solita Monsod|person] told [Reuters|Reuters|media] Finance Secretary "
        "[Jaime Ongpin|Jaime Ongpin|person] had decided .");
  b.Add("[Yeutter|Clayton Yeutter|person] , asked whether the [U.S.|United States|country|mod] "
        "deficit would improve , replied .");
  b.Add("[De los Angeles|Eduardo de los Angeles|person] , who represents [SMC|San Miguel Corp|organization] "
        "'s stockholders , asked the [SEC|Securities and Exchange Commission|government-body] to block the deal .");
  b.Add("Prices fell after confirmation of a [U.S.|United States|country|mod] Navy attack on an "
        "[Iranian|Iran|country|mod] platform by Defence Secretary [Caspar Weinberger|Caspar Weinberger|person] .");
  b.Add("[Brazil|Brazil] and [Colombia|Colombia] , whose presidents have been cautious in criticising "
        "[Maduro|Nicolas Maduro|person] , called on [Venezuela|Venezuela] to publish the records .");
  auto rels = Run(b);
  CHECK_FALSE(Find(rels, "Colombia", RelationType::kCondemned, "Nicolas Maduro"));
  CHECK(Has(rels, "Colombia", RelationType::kAppealedTo, "Venezuela"));
  CHECK_FALSE(Find(rels, "Jaime Ongpin", RelationType::kBackedBy, "Reuters"));
  CHECK_FALSE(Find(rels, "Clayton Yeutter", RelationType::kAppealedTo, "United States"));
  CHECK(Has(rels, "Eduardo de los Angeles", RelationType::kAppealedTo, "Securities and Exchange Commission"));
  CHECK_FALSE(Find(rels, "San Miguel Corp", RelationType::kAppealedTo, "Securities and Exchange Commission"));
  CHECK_FALSE(Find(rels, "Caspar Weinberger", RelationType::kAttacked, "Iran"));
}

TEST_CASE("relate: deployments, volleys, threats and casualties", "[ingest][relate]") {
  DocBuilder b;
  b.Add("[Russia|Russia] sent 3,000 troops to [Belarus|Belarus] .");
  b.Add("[Russia|Russia] sent a letter to [Poland|Poland] .");
  b.Add("[Hezbollah|Hezbollah|armed-group] fired dozens of rockets into northern [Israel|Israel] .");
  b.Add("[Hamas|Hamas|armed-group] threatened to strike [Egypt|Egypt] .");
  b.Add("[Ukrainian|Ukraine|country|mod] soldiers were killed in a [Russian|Russia|country|mod] strike .");
  auto rels = Run(b);
  CHECK(Has(rels, "Russia", RelationType::kDeployedTo, "Belarus"));
  CHECK_FALSE(Find(rels, "Russia", RelationType::kDeployedTo, "Poland"));
  CHECK(Has(rels, "Hezbollah", RelationType::kAttacked, "Israel"));
  CHECK(Has(rels, "Hamas", RelationType::kThreatened, "Egypt"));
  CHECK(Has(rels, "Hamas", RelationType::kAttacked, "Egypt", Modality::kFuture));
  CHECK(Has(rels, "Russia", RelationType::kKilled, "Ukraine"));
}

TEST_CASE("relate: symmetric events between parties and condemned events", "[ingest][relate]") {
  DocBuilder b;
  b.Add("Talks between [Israel|Israel] and [Hamas|Hamas|armed-group] ended .");
  b.Add("[Niger|Niger] and [Mali|Mali] signed a defence pact .");
  b.Add("He cited progress in talks between banks and [Mexico|Mexico] , [Chile|Chile] and [Peru|Peru] .");
  b.Add("[Lyng|Richard Lyng|person] told Agriculture Minister [Mutsuki Kato|Mutsuki Kato|person] that the "
        "removal of restrictions would help [Japan|Japan] .");
  b.Add("[North Korea|North Korea] attacked [Japan|Japan] .");
  b.Add("[South Korea|South Korea] condemned the attacks .");
  auto rels = Run(b);
  CHECK((Has(rels, "Israel", RelationType::kNegotiatedWith, "Hamas") ||
         Has(rels, "Hamas", RelationType::kNegotiatedWith, "Israel")));
  CHECK((Has(rels, "Niger", RelationType::kAgreedWith, "Mali") ||
         Has(rels, "Mali", RelationType::kAgreedWith, "Niger")));
  CHECK(Has(rels, "South Korea", RelationType::kCondemned, "North Korea"));
  CHECK_FALSE(Find(rels, "Mexico", RelationType::kNegotiatedWith, "Chile"));
  CHECK_FALSE(Find(rels, "Mexico", RelationType::kNegotiatedWith, "Peru"));
  CHECK_FALSE(Find(rels, "Mutsuki Kato", RelationType::kAided, "Japan"));
}

TEST_CASE("trigger forms are found by their first word, every form that matches", "[ingest][relate]") {
  Triggers t;
  REQUIRE(t.Parse("attack\tattacked\tSUBJ V OBJ\n"
                  "launch strikes\tattacked\tSUBJ V on OBJ\n"
                  "launch\tpledged-to\tSUBJ V OBJ\n",
                  "forms.tsv")
              .ok());
  auto matches = [&](std::vector<std::string_view> words, size_t start) {
    std::vector<std::string> found;
    t.ForEachMatch(words, start, [&](const TriggerForm& f) {
      std::string joined;
      for (const std::string& w : f.words) joined += (joined.empty() ? "" : " ") + w;
      found.push_back(joined);
    });
    return found;
  };
  // Both forms starting with "launched" match, the longer first.
  CHECK(matches({"iran", "launched", "strikes", "on", "iraq"}, 1) ==
        std::vector<std::string>{"launched strikes", "launched"});
  CHECK(matches({"iran", "launched", "iraq"}, 1) == std::vector<std::string>{"launched"});
  CHECK(matches({"iran", "attacks", "iraq"}, 1) == std::vector<std::string>{"attacks"});
  // No form starts with the word, or the sentence ends first.
  CHECK(matches({"iran", "met", "iraq"}, 1).empty());
  CHECK(matches({"iran", "met"}, 5).empty());
  Triggers empty;
  CHECK(empty.size() == 0);
  bool called = false;
  empty.ForEachMatch({"attacked"}, 0, [&](const TriggerForm&) { called = true; });
  CHECK_FALSE(called);
}
