// Generic agents: a role noun of agents.tsv ("police", "troops", "court",
// "foreign ministry") qualified by a country becomes that country's agent,
// the way event coders code "Kenyan police" (KEN + COP). Part of the
// Recognizer (recognize_internal.h); see recognize.h for the contract.
//
// Naming follows the groups and definite institutions of patterns.cc and
// definites.cc: "<adjective demonym> <noun>" ("Kenyan police", "Swiss
// judiciary", "Malian rebels"), the country's name when it has no demonym,
// and the country's own lexicon entry when one is listed ("Israeli
// soldiers" -> its listed armed forces, "Iraqi parliament"). A government
// (GOV: "the Croatian government", "Nigerian authorities", "Afghan
// officials") is the state itself, as "the government" is in definites.cc.
#include "ingest/recognize_internal.h"
#include "ingest/text.h"

namespace geokg::ingest::internal {
namespace {

constexpr AgentRole kRoles[] = {
    {"GOV", "government", graph::EntityKind::kCountry, true},  // the country itself
    {"MIL", "Armed Forces", graph::EntityKind::kMilitaryUnit, true},
    {"COP", "police", graph::EntityKind::kGovernmentBody, true},
    {"JUD", "judiciary", graph::EntityKind::kGovernmentBody, true},
    {"LEG", "legislature", graph::EntityKind::kGovernmentBody, true},
    {"SPY", "intelligence services", graph::EntityKind::kGovernmentBody, true},
    {"REB", "rebels", graph::EntityKind::kArmedGroup, false},
    {"UAF", "militants", graph::EntityKind::kArmedGroup, false},
    {"OPP", "opposition", graph::EntityKind::kOrganization, false},
    {"CVL", "civilians", graph::EntityKind::kGroup, false},
    {"REF", "refugees", graph::EntityKind::kGroup, false},
};

// Lower-case words that may stand between the country word and the role
// ("Iraqi local officials", "Afghan senior officials").
constexpr std::string_view kBetweenWords[] = {
    "top",    "senior",  "local", "regional", "provincial", "elite", "interim", "acting",   "new",
    "former", "federal", "state", "special",  "national",   "armed", "central", "military", "civilian"};

// Role nouns that refer back to a named actor when definite ("the
// ministry", "the group"): pronouns.cc resolves them, not as a bare agent.
constexpr std::string_view kAnaphoricNouns[] = {
    "ministry", "group", "organisation", "organization", "movement", "party", "agency", "militia", "council", "alliance", "bloc"};

// Nouns a role modifies, beside definites.cc's list ("army helicopter").
constexpr std::string_view kRoleModified[] = {
    "helicopter", "helicopters", "plane",     "planes",   "jet",          "jets",        "aircraft",
    "convoy",     "convoys",     "patrol",    "patrols",  "checkpoint",   "checkpoints", "barracks",
    "post",       "posts",       "uniform",   "uniforms", "spokesperson", "member",      "members",
    "presence",   "deployment",  "boss",      "bosses",   "salary",       "salaries",    "pension",
    "pensions",   "bonds",       "ruling",    "rulings",  "case",         "cases",       "order",
    "orders",     "decision",    "decisions", "hearing",  "hearings",     "session",     "sessions",
    "election",   "elections",   "seat",      "seats",    "building",     "buildings"};
bool IsRoleModified(std::string_view w) { return InListFolded(kRoleModified, w); }

bool IsPluralPeople(std::string_view w) {
  // Collective nouns ("a Nicaraguan opposition group") count as plural.
  for (std::string_view c : {"opposition", "people", "group", "movement", "alliance", "coalition", "front"})
    if (EqualsFolded(w, c)) return true;
  return w.size() > 3 && (w.ends_with("s") || w.ends_with("men")) && !w.ends_with("ss");
}

}  // namespace

const AgentRole* AgentRoleOf(std::string_view code) {
  if (code.size() < 3) return nullptr;
  for (const AgentRole& r : kRoles)
    if (code.substr(0, 3) == r.code) return &r;
  return nullptr;
}

uint32_t Recognizer::TryAgent(uint32_t i, uint32_t end) {
  uint32_t agent = 0;
  const uint32_t len = lex_->LongestAgent(*out_, i, end, keys_.data(), &agent);
  if (len == 0) return 0;
  const AgentRole* role = AgentRoleOf(lex_->agents()[agent].code);
  if (role == nullptr) return 0;
  // A non-state agent is a collective of people: a plural head ("militants",
  // "opposition supporters"), not a place or a thing Phoenix files under the
  // same code ("neighborhood").
  if (!role->state && !IsPluralPeople(Tok(i + len - 1))) return 0;
  // A group noun of its own ("protesters", "rebels") is patterns.cc's.
  if (len == 1 && (triggers_[i] & kTrigGroup) && IsBareGroupNoun(Tok(i))) return 0;
  // A facility noun ("embassy", "base") is facilities.cc's.
  if (triggers_[len == 1 ? i : i + len - 1] & kTrigFacility) return 0;
  const Sentence& sent = out_->sentences[sentence_];
  const bool lower = Lower(i);
  const uint32_t last = i + len;
  // "of" and a country after: "the government of Chad".
  uint32_t of_country = kNone;
  if (last + 1 < end && Is(last, "of")) {
    uint32_t k = last + 1;
    if (Is(k, "the")) ++k;
    uint32_t l;
    bool demonym;
    const Lexicon::Entry* e = EntityAt(k, end, &l, &demonym);
    if (e != nullptr && !demonym && e->kind == graph::EntityKind::kCountry)
      of_country = res_.ForEntry(*e, "");
  }
  if (last < end && of_country == kNone) {
    // A title before a name ("Police Chief Ali Hassan") is people.cc's; a
    // role that modifies a noun ("police station", "army post") is none.
    if (Cap(last) && IsWord(last) && IsTitleAt(i, len)) return 0;
    // An appositive title ("Qatar's prime minister, Sheikh Mohammed ...").
    if (Tok(last) == "," && last + 1 < end && Cap(last + 1) && IsWord(last + 1) && IsTitleAt(i, len))
      return 0;
    std::string_view next = Tok(last);
    // Unlike definites.cc, an unknown word after a qualified role is taken
    // for its verb ("Kenyan police arrested", "US forces withdrew"): the
    // country word already makes the phrase a noun phrase, and a role
    // before a noun outside the list ("Syrian government shelling") is
    // still the actor coders code.
    if (Lower(last) && IsWord(last) && (IsModifiedNoun(next) || IsRoleModified(next))) return 0;
    if (Flags(last) & kTokHyphenated) return 0;
  }
  // The country word before, over a few adjectives: "Kenyan police",
  // "US troops", "Iraq's army", "Afghan senior officials".
  uint32_t q = i;
  while (q > sent.first_token + 1 && q + 2 > i && Lower(q - 1) && InListFolded(kBetweenWords, Tok(q - 1)))
    --q;
  int32_t pm = q > sent.first_token ? MentionEndingAt(q) : -1;
  bool possessive = false;
  if (pm < 0 && q >= sent.first_token + 2 && (Flags(q - 2) & kTokPossessive)) {
    pm = MentionEndingAt(q - 1);
    possessive = pm >= 0;
  }
  uint32_t country = kNone;
  // "an Istanbul court", "Gaza police", "the Sao Paulo state government": a
  // city qualifies a court, the police or a government with its country and
  // stays a place (no alias: the surface names no country). Not other roles:
  // "its Havana ambassador" is posted there, "Sinai bombers" are nobody's
  // air force.
  bool by_place = false;
  if (pm >= 0) {
    const Mention& m = out_->mentions[pm];
    const graph::Entity* qualifier = m.entity < out_->entities.size() ? &out_->entities[m.entity] : nullptr;
    if (qualifier != nullptr && qualifier->kind == graph::EntityKind::kCountry &&
        (m.form == MentionForm::kName || m.form == MentionForm::kModifier)) {
      country = m.entity;
    } else {
      static constexpr std::string_view kPostedRoles[] = {"ambassador", "ambassadors", "envoy",   "envoys",
                                                          "diplomat",   "diplomats",   "embassy", "consul"};
      // (Of the judiciary, its courts, judges and prosecutors: a city's
      // lawyers are private.)
      static constexpr std::string_view kStateJudiciary[] = {"court",     "courts",     "judge",    "judges",
                                                             "judiciary", "prosecutor", "prosecutors", "tribunal"};
      const bool home_role = role->code == "COP" ||
                             (role->code == "JUD" && InListFolded(kStateJudiciary, Tok(last - 1))) ||
                             (role->code == "GOV" && !InListFolded(kPostedRoles, Tok(last - 1)));
      if (qualifier != nullptr && qualifier->kind == graph::EntityKind::kLocation && !possessive &&
          m.form == MentionForm::kName && home_role)
        if (const Lexicon::Entry* c = CountryOfLocation(*qualifier)) {
          country = res_.ForEntry(*c, "");
          by_place = true;
        }
      pm = -1;
    }
  }
  // Capitalised mid-sentence, a role is part of a name ("Oman Sovereign
  // Fund") unless a country word qualifies it and no name word follows
  // ("the Kenyan Government said").
  if (!lower && !(Flags(i) & kTokSentenceStart) &&
      (country == kNone || (last < end && Cap(last) && IsWord(last))))
    return 0;
  if (country == kNone) country = of_country;
  if (country == kNone) {
    // Unqualified: "police", "the government" and the other institutions
    // of definites.cc keep their rules; another state role after "the"
    // ("the court", "the judiciary") resolves the same way.
    if (!role->state || (triggers_[i] & kTrigDefinite) || !lower) return 0;
    if (i == sent.first_token) return 0;
    // "a court in Istanbul", "a military court in Cairo": an indefinite
    // role that the place after it qualifies (ResolveDefinites reads it).
    const bool placed = q > sent.first_token && (Is(q - 1, "a") || Is(q - 1, "an")) && last < end && Is(last, "in");
    if (!Is(i - 1, "the") && !placed) return 0;
    if (InListFolded(kAnaphoricNouns, Tok(last - 1))) return 0;
    if (last < end && Is(last, "of")) return 0;
    definites_.push_back(PendingDefinite{i, last, sentence_, StateInstitution::kState, kNone, role});
    return len;
  }
  if (role->code == "GOV") {
    // The government is the state itself, as for "the government" and
    // metonyms ("Washington said"): "the Croatian government" is Croatia.
    // One metonym mention over the qualifier and the role.
    if (pm >= 0 && !possessive) {
      Mention& qm = out_->mentions[pm];
      qm.last_token = last;
      qm.form = MentionForm::kMetonym;
      qm.head = -1;
    } else {
      res_.Emit(i, last, country, MentionForm::kMetonym);
    }
    Cover(i, last);
    return len;
  }
  const uint32_t from = pm >= 0 ? out_->mentions[pm].first_token : i;
  std::string_view surface = SpanName(from, last);
  const std::string surface_copy(surface);  // SpanName's buffer is reused below
  const uint32_t ent = AgentOf(country, *role, sentence_, surface_copy, 0.8f);
  if (surface_copy.find('\n') == std::string::npos && !possessive && !by_place) res_.AddAlias(ent, surface_copy);
  const int32_t mi = res_.Emit(i, last, ent, MentionForm::kDescription);
  if (pm >= 0 && !possessive) {
    Mention& qm = out_->mentions[pm];
    qm.head = mi;
    if (qm.form == MentionForm::kName) qm.form = MentionForm::kModifier;
  }
  Cover(i, last);
  return len;
}

bool Recognizer::IsTitleAt(uint32_t i, uint32_t len) const {
  const Lexicon::Match m = lex_->LongestMatch(*out_, i, i + len, keys_.data(), first_nodes_.data());
  if (m.length != len) return false;
  for (uint32_t k = 0; k < m.count; ++k)
    if (m.values[k].kind == LexKind::kTitle) return true;
  return false;
}

uint32_t Recognizer::AgentOf(uint32_t country, const AgentRole& role, uint32_t sentence,
                             std::string_view trigger, float confidence) {
  if (!role.state) return CountryGroup(country, role.noun, role.kind);
  if (role.code == "GOV") return country;  // the state itself (see TryAgent)
  if (role.code == "MIL" || role.code == "COP") {
    const uint32_t ent = InstitutionOf(
        country, role.code == "MIL" ? StateInstitution::kArmedForces : StateInstitution::kPolice, sentence,
        trigger, confidence);
    res_.AddStructural(ent, country, graph::RelationType::kPartOf, sentence, trigger, confidence);
    return ent;
  }
  // Copies: creating an entity may move out_->entities.
  const graph::Entity& c = out_->entities[country];
  const Lexicon::Entry* country_entry = lex_->FindCanonical(c.name);
  const std::string adj(DemonymOf(c));
  const std::string name = c.name, code = c.country;
  // A listed body of the country for this role ("Iraqi parliament").
  std::string candidates[3];
  if (role.code == "LEG")
    candidates[0] = adj + " parliament", candidates[1] = name + " parliament",
    candidates[2] = name + " Congress";
  else if (role.code == "JUD")
    candidates[0] = adj + " judiciary", candidates[1] = name + " judiciary";
  else
    candidates[0] = adj + " intelligence services", candidates[1] = adj + " intelligence";
  uint32_t ent = kNone;
  for (const std::string& cand : candidates) {
    if (cand.empty()) continue;
    const Lexicon::Entry* e = lex_->FindAlias(cand);
    if (e == nullptr || e->kind != graph::EntityKind::kGovernmentBody) continue;
    const Lexicon::Entry* owner = CountryOf(*e);
    if (owner == nullptr || owner != country_entry) continue;
    ent = res_.ForEntry(*e, "");
    break;
  }
  if (ent == kNone) {
    canonical_ = adj;
    canonical_ += ' ';
    canonical_ += role.noun;
    ent = res_.ForName(canonical_, role.kind, code, "");
  }
  res_.AddStructural(ent, country, graph::RelationType::kPartOf, sentence, trigger, confidence);
  return ent;
}

}  // namespace geokg::ingest::internal
