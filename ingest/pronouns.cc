// Pronouns and definite descriptions that refer back to an actor: "he",
// "she", "his", "him", "her" (the one person of their sentence and the one
// before), "it" and "its" (an organisation, a country, an armed group, a
// state body), "they",
// "their" and "them" (a plural agent: "Kenyan police", "Iraqi protesters"),
// "the group", "the ministry", "the party", "the alliance" (the last actor
// of that sort).
// Part of the Recognizer (recognize_internal.h); see recognize.h.
//
// Resolution is conservative: "it"/"they" look back over their sentence and
// the one before, passing over modifiers ("US" in "US troops") and people,
// and take the nearest actor only if it is compatible; a nearer place,
// facility or incompatible actor leaves the pronoun unresolved (no mention).
// Definite descriptions look back up to five sentences for the nearest
// actor of their sort.
#include <algorithm>

#include "ingest/recognize_internal.h"
#include "ingest/text.h"

namespace geokg::ingest::internal {
namespace {

// After "it", a word that makes it an expletive ("it is unclear", "it
// seems"), not a reference.
constexpr std::string_view kExpletiveAfter[] = {"is",     "was",     "'s",       "’s",      "seems",
                                                "seemed", "appears", "appeared", "remains", "remained",
                                                "takes",  "took",    "means",    "meant"};
// Modals that make "it" an expletive when "be" follows ("it would be hard").
constexpr std::string_view kModals[] = {"would", "could", "might", "may", "will", "can", "should", "must"};

enum class PronounClass : uint8_t { kNone, kSingular, kPlural, kBodyNamed, kOrganisation, kPerson };

// Nouns that, after "both" or "the two", refer back to a pair of actors
// ("called on both sides", "talks between the two countries").
struct PairNoun {
  std::string_view word;
  bool states_only;  // countries ("the two countries"), else any actor but a person
};
constexpr PairNoun kPairNouns[] = {{"sides", false},    {"parties", false},  {"countries", true},
                                   {"nations", true},   {"governments", true}, {"neighbours", true},
                                   {"neighbors", true}};

const PairNoun* PairNounOf(std::string_view w) {
  for (const PairNoun& p : kPairNouns)
    if (EqualsFolded(w, p.word)) return &p;
  return nullptr;
}

struct DefiniteNoun {
  std::string_view word;
  PronounClass cls;
  std::string_view name_part;  // a word the actor's name or alias holds: required (kBodyNamed) or preferred
};
constexpr DefiniteNoun kDefiniteNouns[] = {
    {"ministry", PronounClass::kBodyNamed, "ministry"}, {"agency", PronounClass::kBodyNamed, "agency"},
    {"council", PronounClass::kBodyNamed, "council"},   {"party", PronounClass::kBodyNamed, "party"},
    {"group", PronounClass::kOrganisation, ""},         {"organisation", PronounClass::kOrganisation, ""},
    {"organization", PronounClass::kOrganisation, ""},  {"movement", PronounClass::kOrganisation, ""},
    {"alliance", PronounClass::kOrganisation, "alliance"}, {"bloc", PronounClass::kOrganisation, "bloc"},
};

bool ContainsFolded(std::string_view hay, std::string_view lower_needle) {
  if (lower_needle.size() > hay.size()) return false;
  for (size_t p = 0; p + lower_needle.size() <= hay.size(); ++p)
    if (EqualsFolded(hay.substr(p, lower_needle.size()), lower_needle)) return true;
  return false;
}

bool IsPersonPronoun(std::string_view w) {
  return EqualsFolded(w, "he") || EqualsFolded(w, "she") || EqualsFolded(w, "his") ||
         EqualsFolded(w, "him") || EqualsFolded(w, "her");
}

}  // namespace

uint32_t Recognizer::TryPronoun(uint32_t i, uint32_t end) {
  std::string_view w = Tok(i);
  if (PairNounOf(w) != nullptr) {
    const uint32_t first = out_->sentences[sentence_].first_token;
    const bool both = i > first && Is(i - 1, "both");
    const bool the_two = i > first + 1 && Is(i - 1, "two") && Is(i - 2, "the");
    if (!both && !the_two) return 0;
    pronouns_.push_back(PendingPronoun{i, i + 1});
    return 1;
  }
  if (EqualsFolded(w, "it")) {
    if (i + 1 < end && InListFolded(kExpletiveAfter, Tok(i + 1))) return 0;
    if (i + 2 < end && InListFolded(kModals, Tok(i + 1)) && Is(i + 2, "be")) return 0;
  } else if (!(EqualsFolded(w, "its") || EqualsFolded(w, "they") || EqualsFolded(w, "their") ||
               EqualsFolded(w, "them") || IsPersonPronoun(w))) {
    // A definite description: "the group said", "the ministry's statement",
    // "the Palestinian group" (a demonym between: see ResolvePronouns).
    const bool demonym_between = i >= 2 && Is(i - 2, "the") && Cap(i - 1) && IsWord(i - 1) &&
                                 out_->tokens[i - 2].sentence == sentence_;
    if (!Lower(i) || i == 0 || !(Is(i - 1, "the") || demonym_between) || out_->tokens[i - 1].sentence != sentence_)
      return 0;
    if (i + 1 < end && Lower(i + 1) && IsWord(i + 1) && !FollowsAsActor(Tok(i + 1))) return 0;
    if (i + 1 < end && (Is(i + 1, "of") || (Flags(i + 1) & kTokHyphenated))) return 0;
  }
  pronouns_.push_back(PendingPronoun{i, i + 1});
  return 1;
}

void Recognizer::ResolvePronouns() {
  if (pronouns_.empty()) return;
  const std::vector<Mention>& ms = out_->mentions;
  std::vector<uint32_t>& order = order_;  // SortMentions' scratch, free until it runs
  // The mentions in text order (built again once pairs may use the
  // references resolved first).
  auto sort_order = [&] {
    order.resize(ms.size());
    for (uint32_t k = 0; k < order.size(); ++k) order[k] = k;
    std::stable_sort(order.begin(), order.end(),
                     [&](uint32_t a, uint32_t b) { return ms[a].first_token < ms[b].first_token; });
  };
  sort_order();
  for (const PendingPronoun& p : pronouns_) {
    const uint32_t t = p.first_token;
    const uint32_t sentence = out_->tokens[t].sentence;
    std::string_view w = Tok(t);
    PronounClass cls = PronounClass::kNone;
    const DefiniteNoun* noun = nullptr;
    if (EqualsFolded(w, "it") || EqualsFolded(w, "its")) {
      cls = PronounClass::kSingular;
    } else if (EqualsFolded(w, "they") || EqualsFolded(w, "their") || EqualsFolded(w, "them")) {
      cls = PronounClass::kPlural;
    } else if (IsPersonPronoun(w)) {
      cls = PronounClass::kPerson;
    } else if (PairNounOf(w) == nullptr) {
      for (const DefiniteNoun& d : kDefiniteNouns)
        if (EqualsFolded(w, d.word)) noun = &d;
      if (noun == nullptr) continue;
      cls = noun->cls;
    }
    if (PairNounOf(w) != nullptr) continue;  // after the others, below
    const bool definite = noun != nullptr;
    // "the Palestinian group": only an actor of the demonym's country.
    std::string_view qualifier;
    if (definite && t > 0 && !Is(t - 1, "the")) {
      for (auto q = std::lower_bound(order.begin(), order.end(), t,
                                     [&](uint32_t m, uint32_t tok) { return ms[m].first_token < tok; });
           q != order.begin();) {
        const Mention& m = ms[*--q];
        if (m.last_token < t) break;
        if (m.last_token == t && m.entity < out_->entities.size()) qualifier = out_->entities[m.entity].country;
      }
      if (qualifier.empty()) continue;
    }
    const uint32_t first_sentence = sentence >= (definite ? 5u : 1u) ? sentence - (definite ? 5u : 1u) : 0u;
    auto it = std::lower_bound(order.begin(), order.end(), t,
                               [&](uint32_t m, uint32_t tok) { return ms[m].first_token < tok; });
    uint32_t found = kNone;
    uint32_t nearest_organisation = kNone;  // kOrganisation when no name holds the noun
    if (cls == PronounClass::kPerson) {
      // "he", "she": the one person named in this sentence or the one before,
      // before the pronoun. Two people leave it unresolved, except that a
      // pronoun opening its sentence ("He said ...") continues the previous
      // sentence's first-named person, its subject, when this sentence names
      // nobody before it.
      bool ambiguous = false, person_in_sentence = false;
      uint32_t first_before = kNone;  // the earliest person of the sentence before
      while (it != order.begin()) {
        const Mention& m = ms[*--it];
        if (m.sentence < first_sentence) break;
        if (m.entity >= out_->entities.size() || m.last_token > t) continue;
        if (m.form == MentionForm::kPronoun) continue;
        if (out_->entities[m.entity].kind != graph::EntityKind::kPerson) continue;
        person_in_sentence |= m.sentence == sentence;
        if (m.sentence + 1 == sentence) first_before = m.entity;
        ambiguous |= found != kNone && found != m.entity;
        found = m.entity;
      }
      const bool opens_sentence = t == out_->sentences[sentence].first_token ||
                                  (t == out_->sentences[sentence].first_token + 1 && !IsWord(t - 1));
      if (ambiguous) found = opens_sentence && !person_in_sentence ? first_before : kNone;
      if (found != kNone) res_.Emit(p.first_token, p.last_token, found, MentionForm::kPronoun);
      continue;
    }
    while (it != order.begin()) {
      const Mention& m = ms[*--it];
      if (m.sentence < first_sentence) break;
      if (m.entity >= out_->entities.size() || m.last_token > t) continue;
      if (m.form == MentionForm::kModifier || m.form == MentionForm::kCompoundAdj) continue;
      const graph::Entity& e = out_->entities[m.entity];
      using graph::EntityKind;
      if (e.kind == EntityKind::kPerson) continue;
      std::string_view head = Tok(m.last_token - 1);  // the head word of the mention
      const bool plural_surface = !head.empty() && (head.back() == 's' || EqualsFolded(head, "police"));
      if (cls == PronounClass::kSingular) {
        if (m.form == MentionForm::kDescription && plural_surface) continue;
        if (e.kind == EntityKind::kGroup) continue;
        if (e.kind == EntityKind::kCountry || e.kind == EntityKind::kOrganization ||
            e.kind == EntityKind::kArmedGroup || e.kind == EntityKind::kInternationalOrg ||
            e.kind == EntityKind::kGovernmentBody || e.kind == EntityKind::kMedia)
          found = m.entity;
        break;
      }
      if (cls == PronounClass::kPlural) {
        const bool agent_kind = e.kind == EntityKind::kGroup || e.kind == EntityKind::kArmedGroup ||
                                e.kind == EntityKind::kMilitaryUnit || e.kind == EntityKind::kGovernmentBody;
        if (agent_kind && (m.form == MentionForm::kDescription || plural_surface)) found = m.entity;
        break;
      }
      if (!qualifier.empty() && e.country != qualifier) continue;
      if (cls == PronounClass::kOrganisation) {
        // "the alliance": the nearest organisation whose name ends in the
        // noun ("the Three Brotherhood Alliance", not its member "... Alliance
        // Army" named after it), else the nearest organisation ("NATO ... the
        // alliance").
        if (e.kind == EntityKind::kArmedGroup || e.kind == EntityKind::kOrganization ||
            e.kind == EntityKind::kInternationalOrg) {
          const std::string_view name = e.name;
          const size_t n = noun->name_part.size();
          const bool headed = n > 0 && name.size() > n && name[name.size() - n - 1] == ' ' &&
                              EqualsFolded(name.substr(name.size() - n), noun->name_part);
          if (headed || n == 0) {
            found = m.entity;
            break;
          }
          if (nearest_organisation == kNone) nearest_organisation = m.entity;
        }
        continue;
      }
      // kBodyNamed: the nearest actor whose name or an alias holds the noun.
      bool named = ContainsFolded(e.name, noun->name_part);
      for (const std::string& a : e.aliases) named = named || ContainsFolded(a, noun->name_part);
      if (named && e.kind != EntityKind::kLocation && e.kind != EntityKind::kFacility) {
        found = m.entity;
        break;
      }
    }
    if (found == kNone) found = nearest_organisation;
    if (found != kNone) res_.Emit(p.first_token, p.last_token, found, MentionForm::kPronoun);
  }
  // Pairs last, so that a pair may be written with references resolved
  // above ("between Israel and the Palestinian group").
  bool pairs = false;
  for (const PendingPronoun& p : pronouns_) pairs |= PairNounOf(Tok(p.first_token)) != nullptr;
  if (!pairs) return;
  sort_order();
  for (const PendingPronoun& p : pronouns_)
    if (const PairNoun* pair = PairNounOf(Tok(p.first_token))) ResolvePair(p, pair->states_only, order);
}

// "both sides", "the two countries": the nearest pair of actors written
// "A and B" in this sentence or the two before, a pair and not a longer list
// ("the United States, Qatar and Egypt" is none). The mention stands for A,
// and for B through Mention::also.
void Recognizer::ResolvePair(const PendingPronoun& p, bool states_only, const std::vector<uint32_t>& order) {
  const std::vector<Mention>& ms = out_->mentions;
  const uint32_t t = p.first_token;
  const uint32_t sentence = out_->tokens[t].sentence;
  const uint32_t first_sentence = sentence >= 2 ? sentence - 2 : 0;
  auto fits = [&](const Mention& m) {
    if (m.entity >= out_->entities.size() || m.form == MentionForm::kCompoundAdj || m.also != UINT32_MAX)
      return false;
    const graph::EntityKind k = out_->entities[m.entity].kind;
    if (states_only) return k == graph::EntityKind::kCountry;
    return k != graph::EntityKind::kPerson && k != graph::EntityKind::kLocation && k != graph::EntityKind::kFacility;
  };
  auto it = std::lower_bound(order.begin(), order.end(), t,
                             [&](uint32_t m, uint32_t tok) { return ms[m].first_token < tok; });
  while (it != order.begin()) {
    --it;
    const Mention& b = ms[*it];
    if (b.sentence < first_sentence) break;
    if (b.last_token > t || !fits(b)) continue;
    // A word that modifies a noun ("the Palestinian group") is not an actor
    // of a pair of sides; of a pair of countries it is ("both Indian and
    // Pakistani leaders ... the two countries").
    if (!states_only && b.form == MentionForm::kModifier && b.last_token < out_->tokens.size() &&
        Lower(b.last_token) && IsWord(b.last_token))
      continue;
    // Where b's phrase starts: over "the" and, before a reference ("the
    // Palestinian group"), over its modifier.
    auto prev = it;
    uint32_t start = b.first_token;
    for (int step = 0; step < 3 && start > 0; ++step) {
      if (Is(start - 1, "the")) {
        --start;
      } else if (b.form == MentionForm::kPronoun && prev != order.begin() && ms[*(prev - 1)].last_token == start) {
        --prev;
        start = ms[*prev].first_token;
      } else {
        break;
      }
    }
    if (start == 0 || !Is(start - 1, "and") || prev == order.begin()) continue;
    const Mention& a = ms[*(prev - 1)];
    if (a.last_token + 1 != start || a.sentence != b.sentence || !fits(a) || a.entity == b.entity) continue;
    uint32_t a_start = a.first_token;
    if (a_start > 0 && Is(a_start - 1, "the")) --a_start;
    if (a_start > 0 && Is(a_start - 1, ",")) continue;  // a list of three or more
    const uint32_t first_of_pair = a.entity, second_of_pair = b.entity;  // Emit may move the mentions
    const int32_t m = res_.Emit(p.first_token, p.last_token, first_of_pair, MentionForm::kPronoun);
    out_->mentions[static_cast<size_t>(m)].also = second_of_pair;
    return;
  }
}

}  // namespace geokg::ingest::internal
