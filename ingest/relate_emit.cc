// Output: modality containers, edge checks, structural and gazetteer
// relations, deduplication.
#include <cctype>
#include <algorithm>

#include "graph/ids.h"
#include "graph/ontology.h"
#include "ingest/text.h"
#include "ingest/lexicon.h"
#include "ingest/relate_words.h"
#include "ingest/relate.h"
#include "ingest/relater.h"

namespace geokg::ingest::relate_internal {

// ---------------------------------------------------------------------------
// Output.

// Hard-wrapped text ("...many U.S.\n    diplomatic missions"): a line break
// with the white space around it becomes one space. The evidence span keeps
// the exact bytes; only the display text is folded.
std::string FoldLineBreaks(std::string_view s) {
  // Most sentences have no line break: copy them whole.
  if (s.find('\n') == std::string_view::npos && s.find('\r') == std::string_view::npos)
    return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\n' || c == '\r') {
      while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
      while (i + 1 < s.size() &&
             (s[i + 1] == ' ' || s[i + 1] == '\t' || s[i + 1] == '\n' || s[i + 1] == '\r'))
        ++i;
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

void Relater::MarkContainer(uint32_t from, uint32_t to, Container c, int speaker_record) {
  for (uint32_t i = from; i < to && i < v_.size(); ++i) {
    Container cur = static_cast<Container>(s_.container[i]);
    if (cur == Container::kDenied) continue;  // denial dominates
    s_.container[i] = static_cast<uint8_t>(c);
    if (c == Container::kReported && s_.speaker[i] < 0) s_.speaker[i] = speaker_record;
  }
}

Container Relater::ContainerAt(uint32_t i, const Args** speaker) {
  if (speaker) *speaker = nullptr;
  Container c = static_cast<Container>(s_.container[i]);
  if (c == Container::kReported) {
    if (speaker && s_.speaker[i] >= 0) *speaker = &s_.records[s_.speaker[i]].subjects;
    return c;
  }
  if (c == Container::kNone && v_.Quoted(i)) {
    // A quotation without an attribution in its own sentence: the last
    // speaker, if recent.
    if (speaker && static_cast<int>(si_) - last_speaker_sentence_ <= 2) *speaker = &last_speaker_;
    return Container::kReported;
  }
  return c;
}

void Relater::Emit(const Args& src, RelationType type, const Args& tgt, Modality local,
                   float conf, uint32_t tb, uint32_t te, uint32_t at_token) {
  const Args* speaker = nullptr;
  Container c = ContainerAt(at_token, &speaker);
  Modality modality = Combine(local, c);
  for (int i = 0; i < src.n; ++i)
    for (int j = 0; j < tgt.n; ++j) EmitOne(src.m[i], type, tgt.m[j], modality, conf, tb, te);
  // A reported hostile act: the speaker blames its agent, unless the act is
  // an indirect question or explanation ("said it understood why X
  // attacked").
  bool wh = false;
  if (c == Container::kReported && at_token < v_.size() && s_.speaker[at_token] >= 0) {
    const Record& sr = s_.records[s_.speaker[at_token]];
    for (uint32_t k = sr.end; k < at_token; ++k) {
      std::string_view w = v_.W(k);
      wh |= w == "why" || w == "how" || w == "whether" || w == "what" || w == "if";
    }
  }
  if (c == Container::kReported && speaker && IsHostile(type) && !presupposed_ && !wh &&
      (local == Modality::kAsserted || local == Modality::kFuture)) {
    for (int i = 0; i < speaker->n; ++i)
      for (int j = 0; j < src.n; ++j) {
        // "Pakistan says its security forces shot dead the most wanted
        // suspect": a state telling of its own forces' or organs' act
        // claims it, and blames nobody.
        const graph::Entity& who = doc_.entities[doc_.mentions[speaker->m[i]].entity];
        const graph::Entity& agent = doc_.entities[doc_.mentions[src.m[j]].entity];
        const bool state_organ = agent.kind == EntityKind::kMilitaryUnit ||
                                 agent.kind == EntityKind::kGovernmentBody || agent.kind == EntityKind::kCountry;
        if (state_organ && !who.country.empty() && who.country == agent.country) continue;
        EmitOne(speaker->m[i], RelationType::kBlamed, src.m[j], Modality::kAsserted, 0.6f, tb, te);
      }
  }
}

namespace {

// Nouns of war: "the Iraq war", "the war in Iraq" name a war, not the state.
bool WarWord(std::string_view w) {
  return w == "war" || w == "wars" || w == "invasion" || w == "occupation" || w == "conflict";
}

// Nouns of making peace: "a settlement of the South Ossetia conflict".
bool PeaceWord(std::string_view w) {
  return w == "settlement" || w == "resolution" || w == "end" || w == "solution" || w == "peace" ||
         w == "ceasefire" || w == "cease-fire" || w == "truce";
}

// True if mention m is named as the place of a war: right before a noun of
// war ("support for the Iraq war") or right after one and "in", "on" or
// "against" ("funding for the war in Iraq"); unless the war is what a
// peace ends ("contribute to a settlement of the South Ossetia conflict").
bool PlaceOfWar(const DocAnalysis& doc, const Mention& m) {
  if (m.last_token < doc.tokens.size() && doc.tokens[m.last_token].sentence == m.sentence &&
      WarWord(doc.TokenText(m.last_token))) {
    for (uint32_t k = m.first_token; k-- > 0 && k + 4 > m.first_token && doc.tokens[k].sentence == m.sentence;)
      if (PeaceWord(doc.TokenText(k))) return false;
    return true;
  }
  if (m.first_token < 2 || doc.tokens[m.first_token - 2].sentence != m.sentence) return false;
  const std::string_view prep = doc.TokenText(m.first_token - 1);
  return (prep == "in" || prep == "on" || prep == "against") && WarWord(doc.TokenText(m.first_token - 2));
}

}  // namespace

void Relater::EmitOne(int sm, RelationType type, int tm, Modality modality, float conf,
                      uint32_t tb, uint32_t te, const std::string& role) {
  if (v_.SameNp(sm, tm)) return;
  // "its support for the Iraq war", "aid for the war in Afghanistan": what
  // is supported or paid for is the war, not the state it is fought in (the
  // tree pass reads this from the parse; the word patterns need it too).
  if ((type == RelationType::kSupported || type == RelationType::kAgreedWith || type == RelationType::kAided ||
       type == RelationType::kCooperatedWith || type == RelationType::kPledgedTo) &&
      PlaceOfWar(doc_, doc_.mentions[tm]))
    return;
  // Where the tree pass read a trigger, its reading stands ("reduced aid
  // to X" is no aid; "considering sending aid" sends nothing yet).
  if (!in_tree_pass_ && !graph::InfoOf(type).structural)
    for (const auto& [b, e] : s_.tree_triggers)
      if (tb < e && b < te) return;
  if (type == RelationType::kAttacked) {
    // "X attacked Y's policy" is a verbal attack: condemned, not attacked.
    const Mention& m = doc_.mentions[tm];
    if (m.last_token > m.first_token && m.last_token < doc_.tokens.size() &&
        (doc_.tokens[m.last_token - 1].flags & kTokPossessive)) {
      for (uint32_t k = m.last_token + 1; k < doc_.tokens.size() && k <= m.last_token + 4; ++k) {
        if (doc_.tokens[k].flags & kTokPunct) break;
        if (words::ClassesOf(doc_.TokenText(k)) & words::kStanceNoun) {
          type = RelationType::kCondemned;
          break;
        }
      }
    }
  }
  uint32_t se = doc_.mentions[sm].entity, tgt = doc_.mentions[tm].entity;
  std::string trigger(TrimView(
      doc_.text.substr(v_.Tok(tb).begin, v_.Tok(te - 1).end - v_.Tok(tb).begin)));
  // A mention of a pair ("called on both sides") stands for each of the two.
  const uint32_t se2 = doc_.mentions[sm].also, tgt2 = doc_.mentions[tm].also;
  if (se2 < doc_.entities.size()) EmitEntities(se2, type, tgt, modality, conf, si_, trigger, role);
  if (tgt2 < doc_.entities.size()) EmitEntities(se, type, tgt2, modality, conf, si_, trigger, role);
  EmitEntities(se, type, tgt, modality, conf, si_, std::move(trigger), role);
}

void Relater::EmitEntities(uint32_t se, RelationType type, uint32_t te, Modality modality,
                           float conf, uint32_t sentence, std::string trigger,
                           const std::string& role) {
  if (se == te || se >= doc_.entities.size() || te >= doc_.entities.size()) return;
  const graph::Entity& a = doc_.entities[se];
  const graph::Entity& b = doc_.entities[te];
  const graph::RelationInfo& info = graph::InfoOf(type);
  // "Blair flew to Khartoum", "Powell will visit Tokyo": a visit to a
  // foreign city is a visit to its state (CAMEO 042), when the document
  // names the state. A visitor whose country is unknown may be its own; a
  // firm going somewhere visits no state.
  if (type == RelationType::kMetWith && b.kind == EntityKind::kLocation && !b.country.empty() &&
      b.country != a.country && !(a.kind == EntityKind::kPerson && a.country.empty()) &&
      a.kind != EntityKind::kOrganization && a.kind != EntityKind::kMedia) {
    if (const int state = CountryEntity(b.country); state >= 0) {
      EmitEntities(se, type, static_cast<uint32_t>(state), modality, conf, sentence, std::move(trigger), role);
      return;
    }
  }
  if (!info.structural) {
    if (IsPlace(a.kind) && IsPlace(b.kind)) return;
    if (a.kind == EntityKind::kLocation) return;  // places do not act
    if (type == RelationType::kDeployedTo && b.kind == EntityKind::kPerson) return;
  }
  // "Chirac says France should hold a referendum": a leader's appeal,
  // pledge or comment to his own state is domestic politics, not an event
  // between actors (defending it is coded: CAMEO 05, support).
  if (a.kind == EntityKind::kPerson && b.kind == EntityKind::kCountry && !a.country.empty() &&
      a.country == b.country &&
      (type == RelationType::kCalledOn || type == RelationType::kAppealedTo || type == RelationType::kPledgedTo ||
       type == RelationType::kCommentedOn))
    return;
  // "the opposition leader addressed a crowd", "the ministry offered the
  // names of two Indonesian women": a statement or an offer to one's own
  // state's people is no event between actors either. (An appeal to them
  // is: "urged his supporters to wait".)
  if ((a.kind == EntityKind::kPerson || a.kind == EntityKind::kCountry) && b.kind == EntityKind::kGroup &&
      !a.country.empty() && a.country == b.country &&
      (type == RelationType::kPledgedTo || type == RelationType::kCommentedOn))
    return;
  // "Trump threatened to pull US funding": a state's own people or bodies
  // threaten no one when the target is the state itself (the phrase names
  // their own side). (Defending one's state, aiding or lifting curbs on its
  // people are coded: CAMEO 05, 07, 08.)
  // Nor do its forces or organs attack, kill or fight the state they serve:
  // "police foiled a cell plotting to bomb the country's court", "its
  // forces shot dead the country's most wanted suspect" name the state as
  // the owner of the victim or the place, and the act is another's or
  // aimed at someone inside it.
  if ((a.kind == EntityKind::kPerson || a.kind == EntityKind::kGovernmentBody ||
       a.kind == EntityKind::kMilitaryUnit) &&
      b.kind == EntityKind::kCountry && !a.country.empty() && a.country == b.country &&
      (type == RelationType::kThreatened ||
       (IsHostile(type) && a.kind != EntityKind::kPerson)))
    return;
  // "a former Palestinian minister held a meeting with Arafat": a person
  // meets, talks or agrees with his own state's people, never with the state.
  // "the defence secretary visited US troops": nor is a visit to his own
  // state's forces a meeting between actors.
  if (info.symmetric && !info.structural && a.country == b.country && !a.country.empty() &&
      ((a.kind == EntityKind::kPerson && b.kind == EntityKind::kCountry) ||
       (a.kind == EntityKind::kCountry && b.kind == EntityKind::kPerson) ||
       (type == RelationType::kMetWith &&
        ((a.kind == EntityKind::kPerson && b.kind == EntityKind::kMilitaryUnit) ||
         (a.kind == EntityKind::kMilitaryUnit && b.kind == EntityKind::kPerson)))))
    return;
  if (!from_structural_ && type != RelationType::kLocatedIn && type != RelationType::kPartOf) {
    // A place is the target of an attack, a deployment, a withdrawal or a seizure; for
    // anything else a place name is a stand-in the lexicon does not know
    // ("backing Kyoto").
    if (a.kind == EntityKind::kLocation) return;
    // "Sudan vows to restore order to Darfur": a pledge to a place in the
    // actor's own country is domestic policy.
    if (b.kind == EntityKind::kLocation && type == RelationType::kPledgedTo && !b.country.empty() &&
        b.country == a.country)
      return;
    // Curfews and blockades are imposed on places, aid goes to them, a
    // place is threatened, fought over or the object of a pledge ("willing
    // to withdraw from Kashmir"), and a massacre or a killing in a place is
    // coded against it, as are a ceasefire declared or a curfew lifted
    // there ("announced a ceasefire in Idlib"). A building or a base is as
    // much a place ("Pakistan denies report of CIA bases in Pakistan"
    // comments on no actor).
    if ((b.kind == EntityKind::kLocation || b.kind == EntityKind::kFacility) && type != RelationType::kAttacked &&
        type != RelationType::kConcededTo &&
        type != RelationType::kDeployedTo && type != RelationType::kWithdrewFrom &&
        type != RelationType::kSeized && type != RelationType::kCoerced &&
        type != RelationType::kMassacred && type != RelationType::kAided &&
        type != RelationType::kReducedRelationsWith && type != RelationType::kThreatened &&
        type != RelationType::kKilled && type != RelationType::kFought && type != RelationType::kPledgedTo)
      return;
    // A sea, gulf or region with no country of its own is where forces go
    // or leave (or pledge to: "willing to withdraw its troops from
    // Kashmir"), or where a curfew is imposed ("a curfew in parts of
    // Kashmir"), not what is attacked ("attacks on the Gulf war front").
    if (b.kind == EntityKind::kLocation && type != RelationType::kDeployedTo &&
        type != RelationType::kWithdrewFrom && type != RelationType::kCoerced && type != RelationType::kPledgedTo &&
        lexicon_) {
      const Lexicon::Entry* entry = lexicon_->FindCanonical(b.name);
      if (entry && entry->kind == EntityKind::kLocation && entry->country.empty()) return;
    }
  }
  // A game is no battle: "Argentina defeated the United States team 89-81".
  if (!info.structural &&
      (IsHostile(type) || type == RelationType::kSeized || type == RelationType::kCoerced) &&
      (SportsSentence(sentence) || SportsDocument()))
    return;
  const Sentence& s = doc_.sentences[sentence];
  graph::ExtractedRelation rel;
  rel.key.source = EntityIdOf(a);
  rel.key.type = type;
  rel.key.target = EntityIdOf(b);
  graph::Evidence& ev = rel.evidence;
  ev.doc = meta_.id;
  ev.sentence = sentence;
  ev.begin = s.begin;
  ev.end = s.end;
  ev.trigger = trigger.find('\n') == std::string::npos ? std::move(trigger)
                                                         : FoldLineBreaks(trigger);
  if (sentence != folded_sentence_) {
    folded_text_ = Cap(FoldLineBreaks(TrimView(doc_.text.substr(s.begin, s.end - s.begin))),
                       kMaxEvidenceText);
    folded_sentence_ = sentence;
  }
  ev.text = folded_text_;
  ev.date = meta_.date;
  ev.date_source = meta_.date != 0 ? meta_.date_source : graph::DateSource::kNone;
  ev.modality = modality;
  ev.section = s.section;
  ev.confidence = std::clamp(from_structural_ ? conf : conf * caps_factor_, 0.f, 1.f);
  if (s.section == graph::Section::kRelatedHeadline)
    ev.confidence = std::min(ev.confidence, kRelatedHeadlineCap);
  ev.role = role;
  if (type == RelationType::kBlamed && modality == Modality::kAsserted) {
    blamers_.emplace_back(te, se);
    // "India blamed Pakistan-based militants ... Islamabad denies role": the
    // state a blamed group is based in or named after answers for it.
    const graph::Entity& accused = doc_.entities[te];
    if ((accused.kind == EntityKind::kArmedGroup || accused.kind == EntityKind::kGroup) && !accused.country.empty())
      if (const int state = CountryEntity(accused.country, se); state >= 0)
        blamers_.emplace_back(static_cast<uint32_t>(state), se);
  }
  if (!from_structural_ && !info.structural &&
      (modality == Modality::kAsserted || modality == Modality::kReported))
    RememberAct(type, se, te, sentence, ev.trigger);  // trigger was moved into ev
  if (IsHostile(type) && (modality == Modality::kAsserted || modality == Modality::kReported)) {
    // The agents of the latest hostile event, for "condemned the strikes".
    if (sentence != last_hostile_sentence_) {
      last_hostile_.Clear();
      last_hostile_sentence_ = sentence;
    }
    last_hostile_.Add(static_cast<int>(se));
  }
  out_->push_back(std::move(rel));
}

namespace {

// Words only a sport uses: one anywhere makes a document about a game.
constexpr std::string_view kGameOnlyWords[] = {
    "basketball", "football",   "soccer",     "cricket",  "tennis",      "rugby",          "hockey",
    "baseball",   "golf",       "innings",    "wicket",   "wickets",     "goalkeeper",     "striker",
    "midfielder", "seeded",     "playoff",    "playoffs", "semi-final",  "semi-finals",    "quarter-final",
    "quarter-finals"};
// Words of sporting events that make a sentence about a game, not a whole
// document: security and politics around the Olympics are news.
constexpr std::string_view kSportEventWords[] = {
    "olympic",      "olympics",      "semifinal", "semifinals", "quarterfinal", "quarterfinals", "tournament",
    "championship", "championships", "medal",     "medals",     "unbeaten",     "title-holders"};

// `word` in ASCII lower case in `buf`, or "" when longer than 14 bytes
// (no listed word is).
std::string_view LowerWord(std::string_view word, char (&buf)[16]) {
  if (word.size() > 14) return {};
  for (size_t k = 0; k < word.size(); ++k) buf[k] = AsciiLower(word[k]);
  return std::string_view(buf, word.size());
}

template <size_t N>
bool Listed(std::string_view lower, const std::string_view (&list)[N]) {
  return std::find(std::begin(list), std::end(list), lower) != std::end(list);
}

}  // namespace

// True for a sentence about a game: a word only sport uses ("basketball",
// "semi-finals", "seeded") or of a sporting event ("olympics", "medals"), or
// a score ("89-81", "6-4"). Cached for the sentence last asked about.
bool Relater::SportsSentence(uint32_t sentence) {
  if (sentence == sports_sentence_) return sports_;
  sports_sentence_ = sentence;
  sports_ = false;
  // A score counts beside a word of winning or playing ("9-11" alone is a date).
  static constexpr std::string_view kGameWords[] = {"beat", "beats", "defeated", "defeats", "won", "win", "wins",
                                                    "lost", "loses", "victory", "draw", "drew", "game", "match",
                                                    "team", "points"};
  bool score = false, game = false;
  const Sentence& s = doc_.sentences[sentence];
  for (uint32_t t = s.first_token; t < s.first_token + s.token_count && t < doc_.tokens.size(); ++t) {
    char buf[16];
    const std::string_view lw = LowerWord(doc_.TokenText(t), buf);
    if (lw.empty()) continue;
    if (Listed(lw, kGameOnlyWords) || Listed(lw, kSportEventWords)) return sports_ = true;
    game |= Listed(lw, kGameWords);
    // A score: two numbers of one to three digits joined by a hyphen.
    const size_t dash = lw.find('-');
    if (dash != std::string_view::npos && dash >= 1 && dash <= 3 && lw.size() - dash - 1 >= 1 &&
        lw.size() - dash - 1 <= 3) {
      bool digits = true;
      for (size_t k = 0; k < lw.size(); ++k) digits &= k == dash || std::isdigit(static_cast<unsigned char>(lw[k]));
      score |= digits;
    }
  }
  return sports_ = score && game;
}

// True for a document about a game: one of its sentences (the title
// "Cricket: Pakistan edge ahead") has a word only a sport uses. Then "took a
// slim lead over Sri Lanka" in another sentence is play too.
bool Relater::SportsDocument() {
  if (sports_document_ >= 0) return sports_document_ == 1;
  sports_document_ = 0;
  for (uint32_t t = 0; t < doc_.tokens.size() && sports_document_ == 0; ++t) {
    char buf[16];
    const std::string_view lw = LowerWord(doc_.TokenText(t), buf);
    if (lw.size() >= 4 && Listed(lw, kGameOnlyWords)) sports_document_ = 1;
  }
  return sports_document_ == 1;
}

// Structural relations found by recognition, and compound adjectives.
void Relater::Structural() {
  from_structural_ = true;
  for (const DocAnalysis::Structural& st : doc_.structural) {
    if (st.sentence >= doc_.sentences.size() || doc_.sentences[st.sentence].noise) continue;
    EmitEntities(st.source, st.type, st.target, Modality::kAsserted, st.confidence, st.sentence,
                 st.trigger, st.role);
  }
  // Compound adjectives recognition left without a structural relation
  // ("X-backed militia": militia backed-by X). X-led is recognition's own
  // (leader-of runs from the leader).
  for (const Mention& m : doc_.mentions) {
    if (m.form != MentionForm::kCompoundAdj || m.head < 0) continue;
    if (m.compound_type == RelationType::kLeaderOf) continue;
    if (m.sentence >= doc_.sentences.size() || doc_.sentences[m.sentence].noise) continue;
    const Mention& h = doc_.mentions[m.head];
    bool known = false;
    for (const DocAnalysis::Structural& st : doc_.structural)
      known |= (st.source == h.entity && st.target == m.entity) ||
               (st.source == m.entity && st.target == h.entity);
    if (known) continue;
    std::string trigger;
    if (m.first_token < m.last_token)
      trigger = std::string(doc_.text.substr(
          doc_.tokens[m.first_token].begin,
          doc_.tokens[m.last_token - 1].end - doc_.tokens[m.first_token].begin));
    EmitEntities(h.entity, m.compound_type, m.entity, Modality::kAsserted, 0.8f, m.sentence,
                 std::move(trigger), {});
  }
  from_structural_ = false;
}

// The first prose sentence that mentions entity i (a related headline only
// when nothing else does), or -1.
int Relater::FirstProseSentence(uint32_t i) const {
  int sentence = -1;
  for (const Mention& m : doc_.mentions) {
    if (m.entity != i || m.sentence >= doc_.sentences.size()) continue;
    if (doc_.sentences[m.sentence].noise) continue;
    if (sentence < 0 || doc_.sentences[m.sentence].section != graph::Section::kRelatedHeadline) {
      sentence = static_cast<int>(m.sentence);
      if (doc_.sentences[m.sentence].section != graph::Section::kRelatedHeadline) break;
    }
  }
  return sentence;
}

// The lexicon's ties of a named state body to the state or body it belongs
// to, when the document names both: a state's armed forces, commands,
// ministries and agencies are part of it ("the People's Liberation Army"
// and "China" in one article). A tie to another body (a command in its
// army, an office in its department) is stated only when one sentence
// names both ("the Treasury's Office of Foreign Assets Control"). So are
// the lexicon's backers, parents and allies of armed groups; their bases
// are not: a sentence that names a group and a country seldom says the
// group is based there. The confidence is the gazetteer's.
void Relater::LexiconTies() {
  if (lexicon_ == nullptr) return;
  caps_factor_ = 1.f;
  const uint32_t ne = static_cast<uint32_t>(doc_.entities.size());
  for (uint32_t i = 0; i < ne; ++i) {
    const graph::Entity& body = doc_.entities[i];
    const bool state_body = body.kind == EntityKind::kMilitaryUnit || body.kind == EntityKind::kGovernmentBody;
    if (!state_body && body.kind != EntityKind::kArmedGroup) continue;
    const Lexicon::Entry* entry = lexicon_->FindCanonical(body.name);
    if (entry == nullptr) continue;
    for (const Lexicon::Link& link : entry->links) {
      // An armed group's ties (its backers, parent, allies; not its base,
      // which a country named beside it seldom means) only where one
      // sentence names the group and the other side ("Kataib Hezbollah, an
      // Iraqi militia armed by Iran").
      if (state_body ? link.type != RelationType::kPartOf
                     : !(link.type == RelationType::kPartOf || link.type == RelationType::kBackedBy ||
                         link.type == RelationType::kAlliedWith))
        continue;
      for (uint32_t j = 0; j < ne; ++j) {
        if (j == i || doc_.entities[j].name != link.target) continue;
        int sentence = -1;
        if (state_body && doc_.entities[j].kind == EntityKind::kCountry) {
          sentence = FirstProseSentence(i);
        } else {
          // The first prose sentence that names both (mentions are in
          // sentence order).
          uint32_t last_i = ~0u, last_j = ~0u;
          for (const Mention& m : doc_.mentions) {
            if (m.sentence >= doc_.sentences.size() || doc_.sentences[m.sentence].noise ||
                doc_.sentences[m.sentence].section == graph::Section::kRelatedHeadline)
              continue;
            if (m.entity == i) last_i = m.sentence;
            if (m.entity == j) last_j = m.sentence;
            if (last_i != ~0u && last_i == last_j) {
              sentence = static_cast<int>(last_i);
              break;
            }
          }
        }
        if (sentence >= 0)
          EmitEntities(i, link.type, j, Modality::kAsserted, 0.6f, static_cast<uint32_t>(sentence), "(lexicon)",
                       {});
        break;
      }
    }
  }
}

// located-in from the gazetteer: a location whose lexicon links (or country
// code) name a country that the document also mentions.
int Relater::CountryEntity(std::string_view code, uint32_t except) const {
  for (uint32_t j = 0; j < doc_.entities.size(); ++j)
    if (j != except && doc_.entities[j].kind == EntityKind::kCountry && doc_.entities[j].country == code)
      return static_cast<int>(j);
  return -1;
}

void Relater::Gazetteer() {
  caps_factor_ = 1.f;
  LexiconTies();
  const uint32_t ne = static_cast<uint32_t>(doc_.entities.size());
  for (uint32_t i = 0; i < ne; ++i) {
    const graph::Entity& loc = doc_.entities[i];
    if (loc.kind != EntityKind::kLocation) continue;
    int target = -1;
    if (lexicon_) {
      if (const Lexicon::Entry* entry = lexicon_->FindCanonical(loc.name)) {
        for (const Lexicon::Link& link : entry->links) {
          if (link.type != RelationType::kLocatedIn) continue;
          for (uint32_t j = 0; j < ne && target < 0; ++j)
            if (j != i && doc_.entities[j].name == link.target) target = static_cast<int>(j);
          if (target >= 0) break;
        }
      }
    }
    if (target < 0 && !loc.country.empty()) target = CountryEntity(loc.country, i);
    if (target < 0) continue;
    // Evidence: the first prose sentence that mentions the location.
    const int sentence = FirstProseSentence(i);
    if (sentence < 0) continue;
    EmitEntities(i, RelationType::kLocatedIn, static_cast<uint32_t>(target), Modality::kAsserted,
                 0.6f, static_cast<uint32_t>(sentence), "(gazetteer)", {});
  }
}

// One relation per (source, type, target, sentence): the strongest modality
// (asserted first), then the highest confidence.
void Relater::Dedupe(size_t first) {
  auto& v = *out_;
  std::stable_sort(v.begin() + first, v.end(), [](const auto& a, const auto& b) {
    if (a.evidence.sentence != b.evidence.sentence) return a.evidence.sentence < b.evidence.sentence;
    if (a.key != b.key) return a.key < b.key;
    if (a.evidence.modality != b.evidence.modality)
      return Rank(a.evidence.modality) < Rank(b.evidence.modality);
    return a.evidence.confidence > b.evidence.confidence;
  });
  size_t w = first;
  for (size_t r = first; r < v.size(); ++r) {
    if (w > first && v[w - 1].key == v[r].key && v[w - 1].evidence.sentence == v[r].evidence.sentence)
      continue;
    if (w != r) v[w] = std::move(v[r]);
    ++w;
  }
  v.resize(w);
}

}  // namespace geokg::ingest::relate_internal
