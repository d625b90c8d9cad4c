// Definite references to a state's institutions ("the junta", "the
// government", "the army", "security forces", "police") that no country
// word or possessive qualifies: found in the scan, resolved after it with
// the evidence rules of bare groups (recognize.h).
#include <string>

#include "ingest/recognize_internal.h"
#include "ingest/text.h"

namespace geokg::ingest::internal {
namespace {

// Lower-case nouns that such a word modifies ("government officials", "the
// army chief", "police station"): the reference is then not the actor.
constexpr std::string_view kInstitutionModified[] = {
    "official", "officials", "spokesman", "spokeswoman", "spokesperson", "source", "sources", "officer",
    "officers", "chief", "chiefs", "commander", "commanders", "station", "stations", "headquarters", "leader",
    "leaders", "bonds", "bond", "securities", "debt", "spending", "budget", "statement", "figures", "data",
    "statistics", "agency", "agencies", "department", "ministry", "minister", "employees", "workers", "jobs",
    "contracts", "contract", "subsidies", "policy", "policies", "post", "posts", "base", "bases", "camp",
    "vehicle", "vehicles", "council", "forces", "troops", "units", "unit", "personnel", "court", "courts",
    "regulators", "services", "service", "council", "dog", "dogs", "car", "cars", "custody", "report",
    "reports", "record", "records", "academy", "intelligence", "analysts", "analyst", "experts", "expert"};

// Words that may follow the reference when it is the actor (verbs,
// function words); any other lower-case word is a noun it modifies ("the
// military presence", "the army command"). Words ending in -ed or -s (but
// not those of kInstitutionModified) count as verbs ("announced", "says").
constexpr std::string_view kInstitutionFollowers[] = {
    "and", "or", "but", "has", "have", "had", "is", "was", "are", "were", "will", "would", "could", "should",
    "may", "might", "must", "can", "cannot", "said", "told", "also", "did", "does", "do", "in", "at", "on",
    "to", "from", "for", "with", "which", "that", "who", "when", "after", "before", "since", "by", "as",
    "still", "now", "then", "later", "began", "took", "won", "made", "gave", "sent", "shot", "fought", "held",
    "saw", "cut", "set", "put", "ran", "kept", "not", "yesterday", "today", "itself", "themselves", "say",
    "seized", "struck", "led", "hit", "met", "sought", "ordered", "agreed", "denied", "warned", "under",
    "against", "over", "into", "last", "recently", "already", "again", "broke", "beat", "swept", "stormed",
    "spent", "sold", "bought", "lost", "paid", "imposed", "tried", "wants", "plans", "says"};

struct InstitutionWord {
  std::string_view word;
  StateInstitution institution;
  bool needs_the;  // only after "the" ("the army"); else also bare ("police")
};
constexpr InstitutionWord kInstitutionWords[] = {
    {"government", StateInstitution::kState, true},    {"regime", StateInstitution::kState, true},
    {"junta", StateInstitution::kState, true},         {"authorities", StateInstitution::kState, true},
    {"military", StateInstitution::kArmedForces, true}, {"army", StateInstitution::kArmedForces, true},
    {"police", StateInstitution::kPolice, false},
};

}  // namespace

bool IsModifiedNoun(std::string_view w) { return InListFolded(kInstitutionModified, w); }

bool FollowsAsActor(std::string_view w) {
  if (InListFolded(kInstitutionFollowers, w)) return true;
  if (InListFolded(kInstitutionModified, w)) return false;
  return w.size() > 3 && (w.ends_with("ed") || w.ends_with("es") || w.ends_with("ts") || w.ends_with("ds"));
}

uint32_t Recognizer::TryDefinite(uint32_t i, uint32_t end) {
  const Sentence& sent = out_->sentences[sentence_];
  const bool starts = i == sent.first_token;
  if (!Lower(i) && !starts) return 0;
  const InstitutionWord* w = nullptr;
  uint32_t last = i + 1;
  StateInstitution institution = StateInstitution::kState;
  bool needs_the = true;
  if (Is(i, "security")) {
    if (i + 1 >= end || !Is(i + 1, "forces")) return 0;
    institution = StateInstitution::kArmedForces;
    needs_the = false;
    last = i + 2;
  } else {
    for (const InstitutionWord& x : kInstitutionWords)
      if (EqualsFolded(Tok(i), x.word)) w = &x;
    if (w == nullptr) return 0;
    institution = w->institution;
    needs_the = w->needs_the;
    // "the military government", "the military junta": the state.
    if (Is(i, "military") && i + 1 < end && (Is(i + 1, "government") || Is(i + 1, "regime") || Is(i + 1, "junta"))) {
      institution = StateInstitution::kState;
      last = i + 2;
    }
  }
  // Qualified before: a country word, possessive or name ("Iraqi police",
  // "Myanmar's army", "Mandalay police"), or no "the" where one is needed.
  const bool after_the = i > sent.first_token && Is(i - 1, "the");
  if (needs_the && !after_the) return 0;
  if (!after_the && i > sent.first_token) {
    if (MentionEndingAt(i) >= 0) return 0;
    // Punctuation before a bare noun is fine ("..., police said").
    if (IsWord(i - 1) && (Flags(i - 1) & (kTokPossessive | kTokCapitalized))) return 0;
  }
  // Qualified after, or a modifier of another noun ("the government of
  // Iraq", "government officials").
  if (last < end) {
    if (Is(last, "of")) return 0;
    if (Lower(last) && IsWord(last) && !FollowsAsActor(Tok(last))) return 0;
    if (Flags(last) & kTokHyphenated) return 0;
    // A capitalised sentence start followed by a name ("Police Commissioner
    // Lee") is a title or name, not the reference.
    if (!Lower(i) && Cap(last) && IsWord(last)) return 0;
  }
  definites_.push_back(PendingDefinite{i, last, sentence_, institution});
  return last - i;
}

uint32_t Recognizer::InstitutionOf(uint32_t country, StateInstitution institution, uint32_t sentence,
                                   std::string_view trigger, float confidence) {
  if (institution == StateInstitution::kState) return country;
  const graph::Entity& c = out_->entities[country];
  const std::string adj(DemonymOf(c));
  const std::string name = c.name;
  const std::string code = c.country;
  const bool army = institution == StateInstitution::kArmedForces;
  // A listed force of the country ("Myanmar military" -> Tatmadaw).
  const std::string candidates[] = {army ? adj + " Armed Forces" : adj + " police",
                                    army ? adj + " military" : adj + " National Police",
                                    army ? name + " military" : name + " police",
                                    army ? adj + " army" : adj + " police force"};
  for (const std::string& cand : candidates) {
    const Lexicon::Entry* e = lex_->FindAlias(cand);
    if (e == nullptr) continue;
    const Lexicon::Entry* owner = CountryOf(*e);
    if (owner == nullptr || lex_->FindCanonical(name) != owner) continue;
    if (e->kind != graph::EntityKind::kMilitaryUnit && e->kind != graph::EntityKind::kGovernmentBody) continue;
    return res_.ForEntry(*e, "");
  }
  canonical_ = candidates[0];
  uint32_t ent = res_.ForName(canonical_, army ? graph::EntityKind::kMilitaryUnit : graph::EntityKind::kGovernmentBody,
                              code, "");
  res_.AddStructural(ent, country, graph::RelationType::kPartOf, sentence, trigger, confidence);
  return ent;
}

void Recognizer::ResolveDefinites() {
  if (definites_.empty()) return;
  // Computed before any reference becomes a country mention, so that the
  // references do not count towards it.
  const uint32_t dominant = DominantCountry();
  // Countries first: MentionedNear needs the mentions in sentence order,
  // which appending the references would break.
  for (PendingDefinite& d : definites_) {
    d.country = PlacedCountry(d.last_token - 1);
    if (d.country == kNone && dominant != kNone && MentionedNear(dominant, d.sentence)) d.country = dominant;
    // A bare "police" or "security forces" acts where the story happens;
    // "the troops" more likely refers back to someone else's, and "a court"
    // is only where its phrase places it.
    const bool determined = d.first_token > out_->sentences[d.sentence].first_token &&
                            (Is(d.first_token - 1, "the") || Is(d.first_token - 1, "a") || Is(d.first_token - 1, "an"));
    if (d.country == kNone && !determined) d.country = SceneCountry(d.sentence);
  }
  for (const PendingDefinite& d : definites_) {
    // "the paramilitaries" are not the state's armed forces: the last armed
    // group named before them, else nobody.
    if (d.agent != nullptr && EqualsFolded(Tok(d.last_token - 1).substr(0, 11), "paramilitar")) {
      const uint32_t group = LastNamedArmedGroup(d.first_token);
      if (group != kNone) res_.Emit(d.first_token, d.last_token, group, MentionForm::kPronoun);
      continue;
    }
    if (d.country == kNone) continue;  // no evidence: no entity, no mention
    std::string_view trigger = out_->text.substr(out_->tokens[d.first_token].begin,
                                                 out_->tokens[d.last_token - 1].end - out_->tokens[d.first_token].begin);
    const uint32_t ent = d.agent != nullptr ? AgentOf(d.country, *d.agent, d.sentence, trigger, 0.7f)
                                            : InstitutionOf(d.country, d.institution, d.sentence, trigger);
    // The state itself ("the government", "the president": GOV) is a metonym.
    const bool state = d.agent != nullptr ? d.agent->code == "GOV" : d.institution == StateInstitution::kState;
    const MentionForm form = state ? MentionForm::kMetonym : MentionForm::kDescription;
    res_.Emit(d.first_token, d.last_token, ent, form);
  }
}

}  // namespace geokg::ingest::internal
