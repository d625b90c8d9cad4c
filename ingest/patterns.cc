// Recognition patterns for actors the lexicon cannot list: numbered
// military units, compound adjectives, facilities, groups described by type
// and "the <demonym> city of X". Each Try* looks at token i of the current
// sentence (tokens up to `end`) and returns how many tokens it consumed.
#include <string>

#include "ingest/recognize_internal.h"
#include "ingest/text.h"

namespace geokg::ingest::internal {
namespace {

template <size_t N>
bool InList(const std::string_view (&list)[N], std::string_view w) {
  for (std::string_view x : list)
    if (x == w) return true;
  return false;
}

bool IsOrdinal(std::string_view w) {
  size_t d = 0;
  while (d < w.size() && w[d] >= '0' && w[d] <= '9') ++d;
  if (d == 0 || w.size() != d + 2) return false;
  std::string_view suf = w.substr(d);
  return suf == "st" || suf == "nd" || suf == "rd" || suf == "th" || suf == "ST" || suf == "ND" ||
         suf == "RD" || suf == "TH";
}

constexpr std::string_view kUnitTypes[] = {
    "Airborne", "Infantry", "Armored", "Armoured", "Mountain", "Marine", "Marines", "Cavalry", "Special",
    "Forces", "Air", "Assault", "Expeditionary", "Mechanized", "Mechanised", "Light", "Armor", "Armour",
    "Artillery", "Tank", "Naval", "Combat", "Aviation", "Ranger", "Signal", "Engineer", "Support",
    "Sustainment", "Stryker", "Fighter", "Bomb", "Bomber", "Airlift", "Logistics", "Military", "Police",
    "Guards", "Panzer", "Commando", "Parachute", "Rifle", "Rifles", "Motorized", "Motor", "Missile",
    "Strategic", "Operations", "Intelligence", "Cyber", "Space", "Coast", "Border", "Rapid", "Reaction",
    "Carrier", "Strike", "Task", "Tactical", "Air Defense", "Defense", "Defence", "Guard", "National"};
constexpr std::string_view kUnitNouns[] = {"Division", "Brigade", "Regiment", "Battalion", "Fleet", "Corps",
                                           "Army", "Group", "Squadron", "Wing", "Unit", "Force", "Command",
                                           "Company", "Battery", "Flotilla", "Detachment", "Team"};

struct CompoundSuffix {
  std::string_view suffix;
  graph::RelationType type;
};
constexpr CompoundSuffix kCompoundSuffixes[] = {
    {"backed", graph::RelationType::kBackedBy},     {"sponsored", graph::RelationType::kBackedBy},
    {"funded", graph::RelationType::kBackedBy},     {"armed", graph::RelationType::kBackedBy},
    {"supported", graph::RelationType::kBackedBy},  {"financed", graph::RelationType::kBackedBy},
    {"trained", graph::RelationType::kBackedBy},    {"equipped", graph::RelationType::kBackedBy},
    {"allied", graph::RelationType::kAlliedWith},   {"aligned", graph::RelationType::kAlliedWith},
    {"affiliated", graph::RelationType::kAlliedWith}, {"linked", graph::RelationType::kAlliedWith},
    {"friendly", graph::RelationType::kAlliedWith}, {"led", graph::RelationType::kLeaderOf},
    {"commanded", graph::RelationType::kLeaderOf},  {"headed", graph::RelationType::kLeaderOf},
    {"based", graph::RelationType::kLocatedIn},
};

// Group nouns: surface (lower-case) -> normalised head and kind.
struct GroupNoun {
  std::string_view word;
  std::string_view head;
  graph::EntityKind kind;
};
constexpr GroupNoun kGroupNouns[] = {
    {"protesters", "protesters", graph::EntityKind::kGroup},
    {"protester", "protesters", graph::EntityKind::kGroup},
    {"protestors", "protesters", graph::EntityKind::kGroup},
    {"demonstrators", "demonstrators", graph::EntityKind::kGroup},
    {"crowds", "crowds", graph::EntityKind::kGroup},
    {"crowd", "crowds", graph::EntityKind::kGroup},
    {"supporters", "supporters", graph::EntityKind::kGroup},
    {"militiamen", "militiamen", graph::EntityKind::kArmedGroup},
    {"militiaman", "militiamen", graph::EntityKind::kArmedGroup},
    {"militia", "militia", graph::EntityKind::kArmedGroup},
    {"militias", "militia", graph::EntityKind::kArmedGroup},
    {"gunmen", "gunmen", graph::EntityKind::kArmedGroup},
    {"gunman", "gunmen", graph::EntityKind::kArmedGroup},
    {"rebels", "rebels", graph::EntityKind::kArmedGroup},
    {"insurgents", "insurgents", graph::EntityKind::kArmedGroup},
};
// Nouns that name a group only with a compound qualifier ("US-led
// coalition", "Iran-backed fighters"); bare, they are too generic.
constexpr GroupNoun kQualifiedNouns[] = {
    {"troops", "troops", graph::EntityKind::kMilitaryUnit},
    {"forces", "forces", graph::EntityKind::kMilitaryUnit},
    {"coalition", "coalition", graph::EntityKind::kOrganization},
    {"fighters", "fighters", graph::EntityKind::kArmedGroup},
    {"groups", "groups", graph::EntityKind::kArmedGroup},
    {"group", "groups", graph::EntityKind::kArmedGroup},
    {"paramilitaries", "paramilitaries", graph::EntityKind::kArmedGroup},
    {"forces", "forces", graph::EntityKind::kMilitaryUnit},
};
// Nouns that a group word modifies ("militia uniforms"): not a group then.
constexpr std::string_view kGroupNounModified[] = {
    "uniforms", "uniform", "leader", "leaders", "commander", "commanders", "member", "members", "group",
    "groups", "camp", "camps", "base", "bases", "positions", "headquarters", "fighters", "movement", "chief",
    "official", "officials", "violence", "activity", "spokesman", "attacks", "attack", "forces", "units",
    "unit", "stronghold", "strongholds", "territory", "organizer", "organizers", "organiser", "organisers"};

constexpr std::string_view kDefiniteFacility[] = {"building", "compound", "site", "premises", "facility",
                                                  "mission", "complex", "embassy", "consulate", "base"};
constexpr std::string_view kDirectionAdjectives[] = {
    "northern", "southern", "eastern", "western", "central", "north", "south", "east", "west", "northeastern",
    "northwestern", "southeastern", "southwestern", "remote", "restive", "volatile", "oil-rich", "disputed",
    "nearby", "border"};
constexpr std::string_view kPlaceNouns[] = {"city", "town", "province", "region", "village", "capital",
                                            "district", "governorate", "port", "area", "state"};

bool EqualsFolded(std::string_view token, std::string_view lower) {
  if (token.size() != lower.size()) return false;
  for (size_t i = 0; i < token.size(); ++i) {
    char c = token[i];
    if (c >= 'A' && c <= 'Z') c += 32;
    if (c != lower[i]) return false;
  }
  return true;
}

// Case-insensitive InList for a list of lower-case words.
template <size_t N>
bool InListFolded(const std::string_view (&list)[N], std::string_view w) {
  for (std::string_view x : list)
    if (EqualsFolded(w, x)) return true;
  return false;
}

std::string Lowered(std::string_view w) {
  std::string s(w);
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c += 32;
  return s;
}

}  // namespace

uint8_t TriggerBitsOf(uint64_t key) {
  // A small open-addressing table built once: trigger words by key.
  struct Table {
    uint64_t keys[512] = {};
    uint8_t bits[512] = {};
    void Add(std::string_view w, uint8_t b) {
      uint64_t k = TokenKey(w);
      size_t i = k & 511;
      while (keys[i] != 0 && keys[i] != k) i = (i + 1) & 511;
      keys[i] = k;
      bits[i] |= b;
    }
    Table() {
      for (std::string_view w : kDefiniteFacility) Add(w, kTrigFacility);
      for (std::string_view w : {"airbase", "bases"}) Add(w, kTrigFacility);
      for (const GroupNoun& g : kGroupNouns) Add(g.word, kTrigGroup);
      for (const GroupNoun& g : kQualifiedNouns) Add(g.word, kTrigGroup);
      for (std::string_view w : kPlaceNouns) Add(w, kTrigPlace);
      Add("country", kTrigCountry);
    }
  };
  static const Table table;
  size_t i = key & 511;
  while (table.keys[i] != 0) {
    if (table.keys[i] == key) return table.bits[i];
    i = (i + 1) & 511;
  }
  return 0;
}

// "82nd Airborne Division", "5th Fleet"; owner from "the US Army's" or an
// adjacent "US".
uint32_t Recognizer::TryMilitaryUnit(uint32_t i, uint32_t end) {
  if (!IsOrdinal(Tok(i))) return 0;
  uint32_t k = i + 1, types = 0;
  while (k < end && types < 4 && Cap(k) && InList(kUnitTypes, Tok(k))) {
    ++k;
    ++types;
  }
  // The unit noun; "Air Force", "Task Force", "Special Forces Group".
  if (k >= end || !InList(kUnitNouns, Tok(k))) {
    if (types > 0 && InList(kUnitNouns, Tok(k - 1))) --k;
    else return 0;
  }
  uint32_t last = k + 1;
  if (last + 1 < end && Tok(last) == "Combat" && Tok(last + 1) == "Team") last += 2;
  std::string_view name = SpanName(i, last);
  // Owner.
  uint32_t owner = kNone;
  float conf = 0.f;
  std::string_view trigger;
  if (i >= 2 && (Flags(i - 2) & kTokPossessive)) {
    int32_t pm = MentionEndingAt(i - 1);
    if (pm >= 0) {
      owner = out_->mentions[pm].entity;
      conf = 0.9f;
      trigger = Tok(i - 1);
    }
  } else if (i >= 1) {
    int32_t pm = MentionEndingAt(i);
    if (pm >= 0) {
      owner = out_->mentions[pm].entity;
      conf = 0.8f;
      trigger = Tok(i - 1);
    }
  }
  if (owner != kNone) {
    graph::EntityKind ok = out_->entities[owner].kind;
    if (ok != graph::EntityKind::kCountry && ok != graph::EntityKind::kMilitaryUnit &&
        ok != graph::EntityKind::kGovernmentBody && ok != graph::EntityKind::kArmedGroup)
      owner = kNone;
  }
  std::string country = owner != kNone ? out_->entities[owner].country : std::string();
  uint32_t ent;
  if (const Lexicon::Entry* known = lex_->FindAlias(name)) ent = res_.ForEntry(*known, name);
  else ent = res_.ForName(name, graph::EntityKind::kMilitaryUnit, country, name);
  int32_t mi = res_.Emit(i, last, ent, MentionForm::kName);
  if (owner != kNone) {
    res_.AddStructural(ent, owner, graph::RelationType::kPartOf, sentence_, trigger, conf);
    int32_t pm = MentionEndingAt(i);
    if (pm >= 0 && out_->mentions[pm].entity == owner) out_->mentions[pm].head = mi;
  }
  Cover(i, last);
  return last - i;
}

// "Iran-backed", "US-led", "pro-Iranian", "Iraq-based".
uint32_t Recognizer::TryCompound(uint32_t i, uint32_t end) {
  std::string_view w = Tok(i);
  size_t dash = w.rfind('-');
  if (dash == std::string_view::npos || dash == 0) return 0;
  std::string_view prefix = w.substr(0, dash), suffix = w.substr(dash + 1);
  graph::RelationType type;
  bool found = false;
  if ((w.starts_with("pro-") || w.starts_with("Pro-")) && w.size() > 4) {
    prefix = w.substr(4);
    if (prefix.find('-') != std::string_view::npos) return 0;
    type = graph::RelationType::kAlliedWith;
    found = true;
  } else {
    for (const CompoundSuffix& c : kCompoundSuffixes) {
      if (EqualsFolded(suffix, c.suffix)) {
        type = c.type;
        found = true;
        break;
      }
    }
  }
  if (!found) return 0;
  Lexicon::Match m = lex_->MatchWord(prefix);
  const Lexicon::Entry* entry = nullptr;
  for (uint32_t k = 0; k < m.count && entry == nullptr; ++k) {
    const LexValue& v = m.values[k];
    if (!Lexicon::CaseOkWord(v, prefix)) continue;
    if (v.kind == LexKind::kEntity || v.kind == LexKind::kDemonym || v.kind == LexKind::kMetonym)
      entry = &lex_->entries()[v.index];
  }
  uint32_t ent = kNone;
  if (entry != nullptr) {
    ent = res_.ForEntry(*entry, "");
  } else if (uint32_t d = res_.DefinedName(prefix); d != kNone) {
    ent = d;
  }
  if (ent == kNone) return 0;
  int32_t mi = res_.Emit(i, i + 1, ent, MentionForm::kCompoundAdj);
  out_->mentions[mi].compound_type = type;
  return 1;
}

uint32_t Recognizer::TryFacility(uint32_t i, uint32_t end) {
  std::string_view w = Tok(i);
  const bool embassy = Is(i, "embassy") || Is(i, "consulate");
  const bool base = Is(i, "base") || Is(i, "airbase") || Is(i, "bases");
  const bool definite_word = InListFolded(kDefiniteFacility, w);
  if (!embassy && !base && !definite_word) return 0;
  // "the embassy compound", "the diplomatic mission": definite reference.
  uint32_t span_end = i + 1;
  if (embassy && span_end < end && (Is(span_end, "compound") || Is(span_end, "building"))) ++span_end;
  bool definite = (i >= 1 && Is(i - 1, "the")) ||
                  (i >= 2 && Is(i - 2, "the") && Lower(i - 1) && !(Flags(i - 1) & kTokPunct) &&
                   (Is(i - 1, "diplomatic") || Is(i - 1, "military") || Is(i - 1, "air") || Is(i - 1, "besieged") ||
                    Is(i - 1, "embassy")));
  if (!embassy && !base) {
    if (!definite || res_.LastFacility() == kNone) return 0;
    res_.Emit(i, i + 1, res_.LastFacility(), MentionForm::kPronoun);
    return 1;
  }
  // Owner: "US embassy", "Iraq's embassy", "its embassy", "the country's embassy".
  uint32_t owner = kNone;
  int32_t pm = MentionEndingAt(i);
  if (pm < 0 && i >= 2 && (Flags(i - 2) & kTokPossessive)) pm = MentionEndingAt(i - 1);
  if (pm >= 0 && out_->entities[out_->mentions[pm].entity].kind == graph::EntityKind::kCountry &&
      out_->mentions[pm].last_token + 2 >= i)
    owner = out_->mentions[pm].entity;
  if (owner == kNone && i >= 1 && (Is(i - 1, "its") || Is(i - 1, "their"))) owner = res_.LastCountry(i);

  // Place: "in Baghdad", "in the northern Iraqi city of Kirkuk".
  uint32_t k = span_end;
  uint32_t place = kNone, host = kNone;
  if (k + 1 < end && (Is(k, "in") || Is(k, "near") || Is(k, "outside"))) {
    ++k;
    if (Is(k, "the")) ++k;
    while (k < end && InListFolded(kDirectionAdjectives, Tok(k))) ++k;
    uint32_t len;
    bool demonym;
    const Lexicon::Entry* e = EntityAt(k, end, &len, &demonym);
    if (e != nullptr && demonym) {
      // "Iraqi city of Kirkuk": the place follows.
      uint32_t q = k + len;
      if (q + 2 < end + 1 && InListFolded(kPlaceNouns, Tok(q)) && Is(q + 1, "of")) {
        k = q + 2;
        e = EntityAt(k, end, &len, &demonym);
        if (e == nullptr && k < end && Cap(k)) {
          uint32_t r = k;
          while (r < end && r < k + 3 && Cap(r) && IsWord(r)) ++r;
          place = LocationFromTokens(k, r);
        }
      } else {
        e = nullptr;
      }
    }
    if (e != nullptr && !demonym) {
      if (e->kind == graph::EntityKind::kCountry) {
        host = res_.ForEntry(*e, "");
      } else if (e->kind == graph::EntityKind::kLocation) {
        place = res_.ForEntry(*e, "");
        if (const Lexicon::Entry* c = CountryOf(*e)) host = res_.ForEntry(*c, "");
      }
    } else if (place == kNone && e == nullptr && k < end && Cap(k) && !Common(k) && !base) {
      // An unknown capitalised place after "embassy in" is not guessed.
    }
    if (place != kNone && host == kNone) host = CountryOfEntity(place);
  }

  if (base) {
    if (place == kNone && host == kNone) {
      if (definite && res_.LastFacility() != kNone) {
        res_.Emit(i, i + 1, res_.LastFacility(), MentionForm::kPronoun);
        return 1;
      }
      return 0;
    }
    const bool air = (i >= 1 && Is(i - 1, "air")) || Is(i, "airbase");
    uint32_t where = place != kNone ? place : host;
    std::string name = air ? "Air base in " : "Military base in ";
    name += out_->entities[where].name;
    uint32_t ent = res_.ForName(name, graph::EntityKind::kFacility, out_->entities[where].country, "");
    res_.Emit(i, i + 1, ent, MentionForm::kDescription);
    res_.AddStructural(ent, where, graph::RelationType::kLocatedIn, sentence_, "in", 0.8f);
    return 1;
  }

  // Embassy.
  if (owner == kNone && host != kNone) {
    uint32_t last = res_.LastCountry(i);
    if (last != kNone && last != host) owner = last;
  }
  if (owner == kNone) {
    if (definite && res_.LastFacility() != kNone) {
      res_.Emit(i, span_end, res_.LastFacility(), MentionForm::kPronoun);
      return span_end - i;
    }
    return 0;
  }
  const bool consulate = Is(i, "consulate");
  uint32_t ent = kNone;
  if (host == kNone) {
    // "the US embassy" with no place: the owner's embassy seen in this
    // document, if any.
    ent = res_.FacilityOwnedBy(owner);
    if (ent == kNone && definite && res_.LastFacility() != kNone) ent = res_.LastFacility();
  }
  if (ent == kNone) {
    std::string name = out_->entities[owner].name;
    name += consulate ? " Consulate" : " Embassy";
    if (host != kNone) {
      name += " in ";
      name += out_->entities[host].name;
    }
    ent = res_.ForName(name, graph::EntityKind::kFacility, out_->entities[owner].country, "");
    res_.NoteFacilityOwner(ent, owner);
  }
  res_.Emit(i, span_end, ent, MentionForm::kDescription);
  if (place != kNone) {
    res_.AddStructural(ent, place, graph::RelationType::kLocatedIn, sentence_, "in", 0.8f);
  } else if (host != kNone) {
    res_.AddStructural(ent, host, graph::RelationType::kLocatedIn, sentence_, "in", 0.8f);
  }
  return span_end - i;
}

uint32_t Recognizer::TryGroup(uint32_t i, uint32_t end) {
  std::string_view lw = Tok(i);
  const GroupNoun* g = nullptr;
  bool qualified_only = false;
  for (const GroupNoun& x : kGroupNouns)
    if (EqualsFolded(lw, x.word)) g = &x;
  if (g == nullptr) {
    for (const GroupNoun& x : kQualifiedNouns)
      if (EqualsFolded(lw, x.word)) g = &x;
    if (g == nullptr || !Lower(i)) return 0;
    qualified_only = true;
  }
  if (i + 1 < end && Lower(i + 1) && InList(kGroupNounModified, Tok(i + 1))) return 0;
  // Qualifiers: a compound ("Iran-backed"), a country word ("Iraqi").
  std::string name;
  std::string country;
  bool by_compound = false;
  for (uint32_t back = i; back > 0 && back + 2 >= i; --back) {
    int32_t pm = MentionEndingAt(back);
    if (pm < 0) {
      // One plain adjective may stand between ("Iran-backed Shiite militia").
      if (back == i && back >= 1 && IsWord(back - 1)) continue;
      break;
    }
    const Mention& q = out_->mentions[pm];
    const graph::Entity& qe = out_->entities[q.entity];
    if (q.form == MentionForm::kCompoundAdj) {
      std::string_view tok = Tok(q.first_token);
      std::string_view suffix;
      if (tok.starts_with("pro-") || tok.starts_with("Pro-")) {
        name = "pro-" + qe.name;
      } else {
        suffix = tok.substr(tok.rfind('-') + 1);
        name = qe.name + "-" + Lowered(suffix);
      }
      by_compound = true;
      break;
    }
    if (qualified_only) break;
    if (qe.kind == graph::EntityKind::kCountry && (q.form == MentionForm::kModifier || q.form == MentionForm::kName) &&
        q.last_token == i && !(Flags(q.last_token - 1) & kTokPossessive)) {
      // The demonym as written ("Iraqi protesters"), else the country's name.
      std::string_view surface = Tok(q.first_token);
      uint32_t l;
      bool dem;
      EntityAt(q.first_token, q.last_token, &l, &dem);
      name = dem ? std::string(surface) : qe.name;
      country = qe.country;
      break;
    }
    break;
  }
  if (name.empty() && qualified_only) return 0;
  if (name.empty()) {
    Mention m;
    m.first_token = i;
    m.last_token = i + 1;
    m.sentence = sentence_;
    m.form = MentionForm::kDescription;
    out_->mentions.push_back(m);
    groups_.push_back(PendingGroup{static_cast<int32_t>(out_->mentions.size() - 1), g->head, g->kind});
    return 1;
  }
  name += ' ';
  name += g->head;
  uint32_t ent = res_.ForName(name, g->kind, country, "");
  res_.Emit(i, i + 1, ent, MentionForm::kDescription);
  described_.push_back(DescribedGroup{g->head, ent, by_compound});
  return 1;
}

// "the northern Iraqi city of Kirkuk": Kirkuk located-in Iraq.
uint32_t Recognizer::TryCityOf(uint32_t i, uint32_t end) {
  if (i + 2 >= end || !Lower(i) || !InList(kPlaceNouns, Tok(i)) || !Is(i + 1, "of") || !Cap(i + 2)) return 0;
  int32_t pm = MentionEndingAt(i);
  uint32_t country = kNone;
  if (pm >= 0 && out_->entities[out_->mentions[pm].entity].kind == graph::EntityKind::kCountry &&
      !(Flags(i - 1) & kTokPossessive))
    country = out_->mentions[pm].entity;
  uint32_t len;
  bool demonym;
  const Lexicon::Entry* e = EntityAt(i + 2, end, &len, &demonym);
  uint32_t place;
  if (e != nullptr) {
    if (demonym || e->kind == graph::EntityKind::kCountry) return 0;
    place = res_.ForEntry(*e, Tok(i + 2));
  } else {
    if (Common(i + 2) && country == kNone) return 0;
    len = 0;
    while (i + 2 + len < end && len < 3 && Cap(i + 2 + len) && IsWord(i + 2 + len)) ++len;
    place = LocationFromTokens(i + 2, i + 2 + len);
  }
  if (out_->entities[place].kind != graph::EntityKind::kLocation) return 0;
  int32_t mi = res_.Emit(i + 2, i + 2 + len, place, MentionForm::kName);
  Cover(i + 2, i + 2 + len);
  if (country != kNone) {
    out_->mentions[pm].head = mi;
    if (out_->mentions[pm].form == MentionForm::kName) out_->mentions[pm].form = MentionForm::kModifier;
    std::string_view trigger = out_->text.substr(out_->tokens[i].begin, out_->tokens[i + 1].end - out_->tokens[i].begin);
    res_.AddStructural(place, country, graph::RelationType::kLocatedIn, sentence_, trigger, 0.9f);
  }
  return 2 + len;
}

void Recognizer::LinkCompounds() {
  std::vector<Mention>& ms = out_->mentions;
  for (size_t k = 0; k < ms.size(); ++k) {
    Mention& c = ms[k];
    if (c.form != MentionForm::kCompoundAdj || c.head >= 0) continue;
    for (size_t h = k + 1; h < ms.size(); ++h) {
      const Mention& m = ms[h];
      if (m.sentence != c.sentence || m.first_token > c.last_token + 2) break;
      if (m.form == MentionForm::kCompoundAdj) break;
      bool punct = false;
      for (uint32_t t = c.last_token; t < m.first_token; ++t) punct |= (Flags(t) & kTokPunct) != 0;
      if (punct) break;
      c.head = static_cast<int32_t>(h);
      std::string_view trigger = Tok(c.first_token);
      if (c.compound_type == graph::RelationType::kLeaderOf)
        res_.AddStructural(c.entity, m.entity, c.compound_type, c.sentence, trigger, 0.8f);
      else
        res_.AddStructural(m.entity, c.entity, c.compound_type, c.sentence, trigger, 0.8f);
      break;
    }
  }
}

}  // namespace geokg::ingest::internal
