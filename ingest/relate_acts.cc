// The Relater's memory of acts: a definite noun that names an act without
// its actor ("Iran condemned the strikes", "Japan condemned the launch",
// "the ministry rejected the criticism", "China criticised the pact") is
// the latest act of that kind the document reported, and the stance is
// toward whoever did it. The acts are those the Relater emitted (asserted
// or reported) plus missile launches, which have no target to make an
// edge of ("North Korea fired a ballistic missile into the sea").
#include <algorithm>
#include <cctype>
#include <cstring>

#include "ingest/relate_words.h"
#include "ingest/relater.h"
#include "ingest/text.h"

namespace geokg::ingest::relate_internal {
namespace {

bool InWords(std::string_view w, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

ActKind KindOfNoun(std::string_view w) {
  if (InWords(w, {"launch", "launches", "test", "tests", "firing", "firings", "test-firing", "test-launch"}))
    return ActKind::kLaunch;
  if (InWords(w, {"attack", "attacks", "strike", "strikes", "airstrike", "airstrikes", "raid", "raids",
                  "bombing", "bombings", "shelling", "assault", "offensive", "incursion", "invasion",
                  "killing", "killings", "bombardment"}))
    return ActKind::kHostile;
  if (InWords(w, {"sanction", "sanctions", "embargo", "penalties"})) return ActKind::kSanction;
  if (InWords(w, {"pact", "pacts", "agreement", "agreements", "deal", "accord", "treaty", "memorandum"}))
    return ActKind::kPact;
  if (InWords(w, {"criticism", "criticisms", "remarks", "comments", "demand", "demands", "ultimatum",
                  "threat", "threats", "warning", "warnings", "appeal", "appeals"}))
    return ActKind::kCriticism;
  return ActKind::kNone;
}

// The stems a hostile act noun shares with the trigger of the act it names
// ("strikes": "air strikes", "struck"); none for other nouns.
struct Stems {
  std::string_view a, b;
  bool empty() const { return a.empty(); }
};
Stems StemsOf(std::string_view noun) {
  if (noun.starts_with("strike") || noun.starts_with("airstrike")) return {"strik", "struck"};
  // "the attack" names any assault: its stems are the commonest triggers.
  if (noun.starts_with("attack")) return {"attack", "assault"};
  if (noun.starts_with("raid")) return {"raid", {}};
  if (noun.starts_with("bomb")) return {"bomb", {}};
  if (noun == "shelling") return {"shell", {}};
  if (noun == "assault") return {"assault", {}};
  if (noun == "offensive") return {"offensive", {}};
  if (noun == "invasion") return {"invad", "invasion"};
  if (noun == "incursion") return {"incursion", {}};
  if (noun.starts_with("killing")) return {"kill", {}};
  return {};
}

bool OfKind(ActKind kind, RelationType t) {
  switch (kind) {
    case ActKind::kHostile: return IsHostile(t) && t != RelationType::kThreatened;
    case ActKind::kSanction: return t == RelationType::kSanctioned;
    case ActKind::kPact: return t == RelationType::kAgreedWith;
    case ActKind::kCriticism:
      return t == RelationType::kCondemned || t == RelationType::kBlamed || t == RelationType::kCalledOn ||
             t == RelationType::kAppealedTo || t == RelationType::kThreatened;
    default: return false;
  }
}

}  // namespace

// Nouns of an act done to someone named in their "of" phrase ("the
// beheading of a hostage", "the killing of protesters").
bool VictimActNoun(std::string_view w) {
  return KindOfNoun(w) == ActKind::kHostile ||
         InWords(w, {"beheading", "beheadings", "execution", "executions", "murder", "murders", "kidnapping",
                     "kidnappings", "abduction", "arrest", "arrests", "detention", "torture", "shooting",
                     "shootings", "massacre", "deaths", "death", "abuse", "mistreatment"});
}

void Relater::RememberAct(RelationType type, uint32_t source, uint32_t target, uint32_t sentence,
                          std::string_view trigger) {
  if (acts_.size() >= kMaxActs) acts_.erase(acts_.begin(), acts_.begin() + kMaxActs / 2);
  Act act{type, ActKind::kNone, source, target, sentence, {}};
  for (size_t k = 0; k < trigger.size() && k + 1 < sizeof act.trigger; ++k)
    act.trigger[k] = static_cast<char>(std::tolower(static_cast<unsigned char>(trigger[k])));
  acts_.push_back(act);
}

// "X fired / launched / test-fired a (ballistic) missile": X launched.
void Relater::RememberLaunches(uint32_t dateline_end) {
  constexpr uint32_t kReach = 5;
  const uint32_t n = v_.size();
  for (uint32_t i = dateline_end; i < n; ++i) {
    const std::string_view w = v_.W(i);
    if (!InWords(w, {"fired", "fires", "fire", "launched", "launches", "launch", "tested", "tests",
                     "test-fired", "test-fires", "test-launched"}))
      continue;
    bool missile = false;
    for (uint32_t k = i + 1; k < n && k <= i + kReach && !missile; ++k)
      missile = InWords(v_.W(k), {"missile", "missiles", "rocket", "rockets", "icbm", "projectile",
                                  "projectiles"});
    if (!missile) continue;
    // The nearest actor before the verb that can act.
    for (uint32_t k = i; k-- > dateline_end && k + 8 > i;) {
      if (v_.IsPunct(k) && v_.W(k) != "'s") break;
      const int m = v_.MentionAt(k);
      if (m < 0) continue;
      const int top = v_.Top(m);
      const uint32_t ent = doc_.mentions[top].entity;
      if (IsPlace(doc_.entities[ent].kind) || doc_.entities[ent].kind == EntityKind::kMedia) break;
      if (acts_.size() >= kMaxActs) acts_.erase(acts_.begin(), acts_.begin() + kMaxActs / 2);
      acts_.push_back(Act{RelationType::kAttacked, ActKind::kLaunch, ent, ent, si_, {}});
      break;
    }
  }
}

// A stance verb whose object is a definite act noun with no actor: toward
// the actors of the latest act of that kind within kDefiniteActReach
// sentences.
bool Relater::ActAnaphora(const Record& r, const Args& agent, RelationType type, Modality local,
                          float conf, uint32_t limit) {
  ActKind kind = ActKind::kNone;
  std::string_view noun;
  for (uint32_t k = r.end + 1; k < limit && k <= r.end + 4; ++k) {
    if (v_.IsPunct(k) || v_.MentionAt(k) >= 0) return false;  // an actor in the phrase names it
    kind = KindOfNoun(v_.W(k));
    if (kind != ActKind::kNone) {
      // "the attack on X" names its target, not its actor: still the act.
      noun = v_.W(k);
      break;
    }
    if (v_.Is(k, words::kPreposition)) return false;
  }
  if (kind == ActKind::kNone) return false;
  const Stems stems = StemsOf(noun);
  if (kind == ActKind::kHostile && stems.empty()) return false;
  // Protesting a pact or a criticism is not coded; rejecting an attack is
  // a denial, read elsewhere.
  if (type == RelationType::kRejected && kind != ActKind::kCriticism && kind != ActKind::kPact &&
      kind != ActKind::kSanction)
    return false;
  if (type == RelationType::kProtestedAgainst && (kind == ActKind::kCriticism || kind == ActKind::kPact))
    return false;
  uint32_t agents[kMaxArgs];
  int na = 0;
  for (int a = 0; a < agent.n; ++a) agents[na++] = doc_.mentions[agent.m[a]].entity;
  auto is_agent = [&](uint32_t e) { return std::find(agents, agents + na, e) != agents + na; };
  // The latest sentence with a matching act.
  uint32_t found_sentence = ~0u;
  uint32_t actors[2 * kMaxArgs];
  int nactors = 0;
  for (auto it = acts_.rbegin(); it != acts_.rend(); ++it) {
    if (found_sentence != ~0u && it->sentence != found_sentence) break;
    if (it->sentence + kDefiniteActReach < si_) break;
    bool match;
    if (kind == ActKind::kLaunch) match = it->kind == ActKind::kLaunch;
    else if (kind == ActKind::kCriticism) match = it->kind == ActKind::kNone && OfKind(kind, it->type) && is_agent(it->target);
    else match = it->kind == ActKind::kNone && OfKind(kind, it->type);
    if (match && kind == ActKind::kHostile) {
      const std::string_view trig(it->trigger, strnlen(it->trigger, sizeof it->trigger));
      match = trig.find(stems.a) != std::string_view::npos ||
              (!stems.b.empty() && trig.find(stems.b) != std::string_view::npos);
    }
    if (!match) continue;
    found_sentence = it->sentence;
    auto add = [&](uint32_t e) {
      if (!is_agent(e) && nactors < 2 * kMaxArgs && std::find(actors, actors + nactors, e) == actors + nactors)
        actors[nactors++] = e;
    };
    add(it->source);
    if (kind == ActKind::kPact) add(it->target);
  }
  if (nactors == 0) return false;
  const Modality m = Combine(local, ContainerAt(r.begin, nullptr));
  const std::string trig(TrimView(doc_.text.substr(v_.Tok(r.begin).begin,
                                                   v_.Tok(r.end - 1).end - v_.Tok(r.begin).begin)));
  for (int a = 0; a < na; ++a)
    for (int h = 0; h < nactors; ++h) EmitEntities(agents[a], type, actors[h], m, conf * 0.7f, si_, trig, {});
  return true;
}

}  // namespace geokg::ingest::relate_internal
