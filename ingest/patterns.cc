// Recognition patterns for actors the lexicon cannot list: numbered
// military units, compound adjectives, groups described by type (and, after
// the scan, the country that qualifies a bare group) and "the <demonym> city
// of X". Each Try* looks at token i of the current
// sentence (tokens up to `end`) and returns how many tokens it consumed.
#include <algorithm>
#include <string>

#include "ingest/recognize_internal.h"
#include "ingest/text.h"

namespace geokg::ingest::internal {
namespace {

// "Seventh Fleet", "Third Army": spelled ordinals, capitalised as in names.
constexpr std::string_view kSpelledOrdinals[] = {"First", "Second", "Third",  "Fourth", "Fifth",   "Sixth",
                                                 "Seventh", "Eighth", "Ninth", "Tenth", "Eleventh", "Twelfth"};

bool IsOrdinal(std::string_view w) {
  if (InList(kSpelledOrdinals, w)) return true;
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
  // Whether the compound relates the actor to the noun it modifies. One of
  // authorship ("a Japanese-drafted resolution", "a UN-brokered truce")
  // names who made the thing, which a response to it is aimed at
  // (AuthorActors), and no relation to a name after it.
  bool links = true;
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
    {"drafted", graph::RelationType::kBackedBy, false},   {"brokered", graph::RelationType::kBackedBy, false},
    {"mediated", graph::RelationType::kBackedBy, false},  {"proposed", graph::RelationType::kBackedBy, false},
    {"authored", graph::RelationType::kBackedBy, false},  {"written", graph::RelationType::kBackedBy, false},
    {"imposed", graph::RelationType::kBackedBy, false},   {"initiated", graph::RelationType::kBackedBy, false},
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
    {"rebel", "rebels", graph::EntityKind::kArmedGroup},
    {"insurgents", "insurgents", graph::EntityKind::kArmedGroup},
    {"militants", "militants", graph::EntityKind::kArmedGroup},
    // Coded as rebels (CAMEO REB), named as agents.cc names rebels.
    {"guerrillas", "rebels", graph::EntityKind::kArmedGroup},
    {"separatists", "rebels", graph::EntityKind::kArmedGroup},
    {"mujahideen", "rebels", graph::EntityKind::kArmedGroup},
    {"mujahedeen", "rebels", graph::EntityKind::kArmedGroup},
    {"mujahedin", "rebels", graph::EntityKind::kArmedGroup},
    {"mujahidin", "rebels", graph::EntityKind::kArmedGroup},
    {"maoists", "Maoists", graph::EntityKind::kArmedGroup},
    {"kidnappers", "kidnappers", graph::EntityKind::kArmedGroup},
    {"captors", "kidnappers", graph::EntityKind::kArmedGroup},
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
// Members a group acts through ("rebel leaders called on Nigeria", "militia
// fighters attacked"): the group with them is the actor, as event coders
// code it.
constexpr std::string_view kGroupMembers[] = {"leaders", "commanders", "fighters", "groups", "units"};
// Nouns that a group word modifies ("militia uniforms"): not a group then.
constexpr std::string_view kGroupNounModified[] = {
    "uniforms", "uniform", "leader", "leaders", "commander", "commanders", "member", "members", "group",
    "groups", "camp", "camps", "base", "bases", "positions", "headquarters", "fighters", "movement", "chief",
    "official", "officials", "violence", "activity", "spokesman", "attacks", "attack", "forces", "units",
    "unit", "stronghold", "strongholds", "territory", "organizer", "organizers", "organiser", "organisers"};

std::string Lowered(std::string_view w) {
  std::string s(w);
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c += 32;
  return s;
}

}  // namespace

bool IsCompoundModifier(std::string_view word) {
  const size_t dash = word.rfind('-');
  if (dash == std::string_view::npos || dash == 0) return false;
  for (const CompoundSuffix& c : kCompoundSuffixes)
    if (EqualsFolded(word.substr(dash + 1), c.suffix)) return true;
  return false;
}

bool IsAuthorshipCompound(std::string_view word) {
  const size_t dash = word.rfind('-');
  if (dash == std::string_view::npos || dash == 0) return false;
  for (const CompoundSuffix& c : kCompoundSuffixes)
    if (!c.links && EqualsFolded(word.substr(dash + 1), c.suffix)) return true;
  return false;
}

bool IsGroupMemberNoun(std::string_view word) { return InList(kGroupMembers, word); }

bool IsBareGroupNoun(std::string_view word) {
  for (const GroupNoun& g : kGroupNouns)
    if (EqualsFolded(word, g.word)) return true;
  return false;
}

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
      for (std::string_view w : {"government", "regime", "junta", "authorities", "military", "army", "security",
                                 "police"})
        Add(w, kTrigDefinite);
      for (std::string_view w : {"it", "its", "they", "their", "them", "he", "she", "his", "him", "her", "ministry", "agency", "council", "party",
                                 "group", "organisation", "organization", "movement", "alliance", "bloc", "sides",
                                 "parties", "countries", "nations", "governments", "neighbours", "neighbors"})
        Add(w, kTrigPronoun);
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
  // "First Group", "Second Company" name firms as often as units.
  if (InList(kSpelledOrdinals, Tok(i)) && types == 0 &&
      (Tok(k) == "Group" || Tok(k) == "Company" || Tok(k) == "Team" || Tok(k) == "Unit"))
    return 0;
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

// Faiths and broad peoples, which name no one group: "Shiite militiamen"
// are the militiamen of their scene.
constexpr std::string_view kFaiths[] = {"Shiite", "Shia", "Shi'ite", "Sunni", "Islamic", "Islamist", "Muslim",
                                        "Christian", "Arab", "Jewish", "Catholic", "Hindu", "Buddhist", "Sikh"};

bool Recognizer::IsPeopleQualifier(uint32_t k) const {
  const std::string_view w = Tok(k);
  // One word alone: "Viet Cong rebels" is a name the lexicon lacks ("US-backed
  // Kurdish fighters" is qualified twice).
  if (k > out_->sentences[sentence_].first_token && Cap(k - 1) && MentionEndingAt(k) < 0 &&
      Tok(k - 1).find('-') == std::string_view::npos)
    return false;
  if (w.size() < 3 || !Cap(k) || Common(k) || MentionEndingAt(k + 1) >= 0 || (Flags(k) & kTokPossessive) ||
      InList(kFaiths, w) || IsTitleOrCommonWord(w) || IsDateWord(k, k + 2))
    return false;
  // An acronym ("ZANTU fighters") is the group's own name, a candidate.
  if (std::all_of(w.begin(), w.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); })) return false;
  return std::all_of(w.begin(), w.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
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
  // One member word after a group word of an armed group widens the mention
  // ("rebel leaders"); other nouns after it make it their modifier.
  const uint32_t width = !qualified_only && g->kind == graph::EntityKind::kArmedGroup && i + 1 < end &&
                                 Lower(i + 1) && IsGroupMemberNoun(Tok(i + 1))
                             ? 2
                             : 1;
  if (width == 1 && i + 1 < end && Lower(i + 1) && InList(kGroupNounModified, Tok(i + 1))) return 0;
  // ("a rebel" alone is a person; "rebel" names the group only with members.)
  if (width == 1 && EqualsFolded(lw, "rebel")) return 0;
  // "Taliban militants", "Houthi rebels": the named group itself; so with
  // its acronym between ("New People's Army (NPA) rebels").
  const uint32_t first = out_->sentences[sentence_].first_token;
  if (const int32_t named = i > first ? MentionEndingAt(i) : -1; named >= 0) {
    Mention& q = out_->mentions[named];
    if (q.form == MentionForm::kName && q.entity < out_->entities.size() &&
        out_->entities[q.entity].kind == graph::EntityKind::kArmedGroup) {
      q.last_token = i + 1;
      Cover(i, i + 1);
      return 1;
    }
  } else if (i >= first + 4 && Tok(i - 1) == ")" && Tok(i - 3) == "(") {
    for (const int32_t m : {MentionEndingAt(i - 1), MentionEndingAt(i - 3)})
      if (m >= 0 && out_->mentions[m].form == MentionForm::kName && out_->mentions[m].entity < out_->entities.size() &&
          out_->entities[out_->mentions[m].entity].kind == graph::EntityKind::kArmedGroup) {
        res_.Emit(i, i + 1, out_->mentions[m].entity, MentionForm::kPronoun);
        return 1;
      }
  }
  // Qualifiers: a compound ("Iran-backed"), a country word ("Iraqi").
  std::string name;
  std::string country;
  bool by_compound = false;
  uint32_t compound_first = kNone;
  // "Libya's rebels", "Iraq's insurgents": a country's possessive names
  // its group as its demonym does.
  if (!qualified_only && i >= first + 2 && (Tok(i - 1) == "'s" || Tok(i - 1) == "\u2019s"))
    if (const int32_t pm = MentionEndingAt(i - 1); pm >= 0) {
      const graph::Entity& qe = out_->entities[out_->mentions[pm].entity];
      if (qe.kind == graph::EntityKind::kCountry && out_->mentions[pm].form == MentionForm::kName) {
        name = DemonymOf(qe);
        country = qe.country;
      }
    }
  for (uint32_t back = i; name.empty() && back > 0 && back + 2 >= i; --back) {
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
      if (IsAuthorshipCompound(tok)) break;  // "UN-brokered militias" are not the UN's
      std::string_view suffix;
      if (tok.starts_with("pro-") || tok.starts_with("Pro-")) {
        name = "pro-" + qe.name;
      } else {
        suffix = tok.substr(tok.rfind('-') + 1);
        name = qe.name + "-" + Lowered(suffix);
        // "Pakistan-based militants" are of the country they are based in.
        if (EqualsFolded(suffix, "based") && qe.kind == graph::EntityKind::kCountry) country = qe.country;
      }
      by_compound = true;
      compound_first = q.first_token;
      break;
    }
    if (qualified_only) break;
    if (qe.kind == graph::EntityKind::kCountry && (q.form == MentionForm::kModifier || q.form == MentionForm::kName) &&
        q.last_token == i && !(Flags(q.last_token - 1) & kTokPossessive)) {
      // The country's adjective demonym ("Iraqi protesters", also for "Iraq
      // protesters"), else its name: the same group as a placed one.
      name = DemonymOf(qe);
      country = qe.country;
      break;
    }
    break;
  }
  // "Kurdish rebels", "Tuareg fighters": a capitalised word the lexicon does
  // not know, no common word, title or faith ("Sunni insurgents" are placed
  // by their scene below), names the group as a people's or a movement's.
  // Not forces, coalitions or crowds, nor "groups": "the Wallenberg group"
  // is a firm's.
  uint32_t named_first = i;
  if (name.empty() && i > 0 && Lower(i) && g->kind != graph::EntityKind::kMilitaryUnit &&
      g->kind != graph::EntityKind::kOrganization && g->head != "groups" && g->head != "crowds" &&
      g->head != "supporters" && IsPeopleQualifier(i - 1)) {
    name = std::string(Tok(i - 1));
    named_first = i - 1;
  }
  if (name.empty() && qualified_only) return 0;
  if (name.empty()) {
    Mention m;
    m.first_token = i;
    m.last_token = i + width;
    m.sentence = sentence_;
    m.form = MentionForm::kDescription;
    out_->mentions.push_back(m);
    const bool definite = i > out_->sentences[sentence_].first_token && Is(i - 1, "the");
    groups_.push_back(PendingGroup{static_cast<int32_t>(out_->mentions.size() - 1), g->head, g->kind, definite});
    return width;
  }
  // "Hezbollah fired rockets ... The Iran-backed group said": one group,
  // named just before, described by its backer. The compound then states
  // the backing of that group (LinkCompounds).
  if (by_compound && g->kind == graph::EntityKind::kArmedGroup && !lw.ends_with("s") &&
      compound_first > out_->sentences[sentence_].first_token && Is(compound_first - 1, "the")) {
    const uint32_t named = LastNamedArmedGroup(compound_first);
    if (named != kNone) {
      res_.Emit(i, i + 1, named, MentionForm::kPronoun);
      return 1;
    }
  }
  // "Lashkar-e-Taiba, a Pakistan-based militant group": an apposition
  // describes the group named just before its comma.
  if (by_compound && g->kind == graph::EntityKind::kArmedGroup && !lw.ends_with("s") &&
      compound_first >= out_->sentences[sentence_].first_token + 3 &&
      (Is(compound_first - 1, "a") || Is(compound_first - 1, "an")) && Is(compound_first - 2, ",")) {
    const int32_t pm = MentionEndingAt(compound_first - 2);
    if (pm >= 0 && out_->mentions[pm].form == MentionForm::kName &&
        out_->entities[out_->mentions[pm].entity].kind == graph::EntityKind::kArmedGroup) {
      res_.Emit(i, i + 1, out_->mentions[pm].entity, MentionForm::kPronoun);
      return 1;
    }
  }
  name += ' ';
  name += g->head;
  uint32_t ent = res_.ForName(name, g->kind, country, "");
  // The words as written ("US-backed forces") find the group too.
  if (by_compound) {
    const std::string surface(SpanName(compound_first, i + 1));
    if (surface != name && surface.find('\n') == std::string::npos) res_.AddAlias(ent, surface);
  }
  res_.Emit(named_first, i + width, ent, MentionForm::kDescription);
  described_.push_back(DescribedGroup{g->head, ent, by_compound});
  return width;
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
  } else if (e == nullptr) {
    // "the town of Rukla in central Lithuania": a place the lexicon does
    // not know lies in the known one after it.
    uint32_t where = PlaceAfter(i + 2 + len, end);
    if (where == kNone) where = FrontedRegion(i);
    if (where != kNone && where != place)
      res_.AddStructural(place, where, graph::RelationType::kLocatedIn, sentence_, "in", 0.8f);
  }
  return 2 + len;
}

// "Puerto Jordan", "Lake Chad", "Port Sudan", "Fort Bragg": the lexicon
// knows "Puerto Rico" and "San Francisco" whole (matched before this), so a
// prefix with words it does not know as a whole names a place of its own,
// not the country or person its last word also names.
uint32_t Recognizer::TryPrefixedPlace(uint32_t i, uint32_t end) {
  static constexpr std::string_view kPlacePrefixes[] = {
      "puerto", "porto", "port", "fort", "lake", "mount", "cape", "san", "santa", "santo", "sao", "saint",
      "ciudad", "villa", "bandar", "ras", "bir", "tell", "kafr", "kfar", "beit", "deir", "ain"};
  // Asked of every capitalised word the lexicon does not know: the list first.
  if (!InListFolded(kPlacePrefixes, Tok(i)) || i + 1 >= end || !Cap(i + 1) || !IsWord(i + 1)) return 0;
  if ((Flags(i) & (kTokAllCaps | kTokSentenceStart)) == kTokSentenceStart && Common(i)) return 0;
  // Part of a longer name ("Hotel Santa Maria"), or a person's ("Mr Port").
  if (i > 0 && out_->tokens[i - 1].sentence == sentence_ && Cap(i - 1) && IsWord(i - 1) &&
      !(Flags(i - 1) & kTokSentenceStart))
    return 0;
  uint32_t last = i + 1;
  while (last + 1 < end && last - i < 3 && Cap(last + 1) && IsWord(last + 1) && !Common(last + 1)) ++last;
  const uint32_t place = LocationFromTokens(i, last + 1);
  if (out_->entities[place].kind != graph::EntityKind::kLocation) return 0;
  res_.Emit(i, last + 1, place, MentionForm::kName);
  Cover(i, last + 1);
  uint32_t where = PlaceAfter(last + 1, end);
  if (where == kNone) where = FrontedRegion(i);
  if (where != kNone && where != place)
    res_.AddStructural(place, where, graph::RelationType::kLocatedIn, sentence_, "in", 0.8f);
  return last + 1 - i;
}

void Recognizer::PlaceOrphanPlaces() {
  const uint32_t dominant = DominantCountry();
  if (dominant == kNone) return;
  std::vector<uint32_t>& first_sentence = order_;  // SortMentions' scratch, free until it runs
  first_sentence.assign(out_->entities.size(), UINT32_MAX);
  for (const Mention& m : out_->mentions)
    if (m.entity < first_sentence.size() && m.form == MentionForm::kName)
      first_sentence[m.entity] = std::min(first_sentence[m.entity], m.sentence);
  for (const DocAnalysis::Structural& r : out_->structural)
    if (r.type == graph::RelationType::kLocatedIn && r.source < first_sentence.size())
      first_sentence[r.source] = UINT32_MAX;  // placed already
  for (uint32_t e = 0; e < first_sentence.size(); ++e) {
    const graph::Entity& ent = out_->entities[e];
    if (first_sentence[e] == UINT32_MAX || ent.kind != graph::EntityKind::kLocation || !ent.country.empty()) continue;
    // The lexicon's countryless places are seas and regions ("Red Sea").
    if (lex_->FindCanonical(ent.name) != nullptr || !MentionedNear(dominant, first_sentence[e])) continue;
    res_.AddStructural(e, dominant, graph::RelationType::kLocatedIn, first_sentence[e], "", 0.6f);
  }
}

// "In Rakhine state, the rebels captured the town of Paletwa": the place a
// sentence opens with frames the places it names later.
uint32_t Recognizer::FrontedRegion(uint32_t before) const {
  const uint32_t first = out_->sentences[sentence_].first_token;
  if (!Is(first, "in") || first + 1 >= before) return kNone;
  for (const Mention& m : out_->mentions) {
    if (m.sentence != sentence_ || m.first_token < first + 1 || m.first_token > first + 2) continue;
    if (m.entity >= out_->entities.size() || m.last_token >= before) continue;
    const graph::EntityKind k = out_->entities[m.entity].kind;
    if (k != graph::EntityKind::kLocation && k != graph::EntityKind::kCountry) continue;
    // The fronted phrase ends at its comma: "In Rakhine state, ...".
    uint32_t t = m.last_token;
    if (t < before && InListFolded(kNamedPlaceNouns, Tok(t))) ++t;
    if (t < before && Tok(t) == ",") return m.entity;
  }
  return kNone;
}

// After a place's name: "in" or "of", then "the", direction adjectives and
// "X-administered" words, then a country or a place the lexicon knows
// ("in central Lithuania", "of northern Iraq", "in Indian-administered
// Kashmir"): its entity, else kNone.
uint32_t Recognizer::PlaceAfter(uint32_t k, uint32_t end) const {
  if (k + 1 < end && Tok(k) == ",") ++k;  // "Puerto Jordan, in the department of Arauca"
  if (k + 1 >= end || !(Is(k, "in") || Is(k, "of"))) return kNone;
  ++k;
  if (Is(k, "the")) ++k;
  while (k < end && (InListFolded(kDirectionAdjectives, Tok(k)) || Tok(k).ends_with("-administered") ||
                     Tok(k).ends_with("-controlled") || Tok(k).ends_with("-held") ||
                     Tok(k).ends_with("-occupied")))
    ++k;
  // "the eastern department of Arauca", "the province of Idlib".
  // The name is not scanned yet; TryCityOf will find the same entity.
  if (k + 2 < end && Lower(k) && InListFolded(kNamedPlaceNouns, Tok(k)) && Is(k + 1, "of") && Cap(k + 2) &&
      IsWord(k + 2) && !Common(k + 2)) {
    uint32_t len;
    bool demonym;
    if (EntityAt(k + 2, end, &len, &demonym) == nullptr) {
      uint32_t last = k + 3;
      while (last < end && last - (k + 2) < 3 && Cap(last) && IsWord(last)) ++last;
      const uint32_t place = const_cast<Recognizer*>(this)->LocationFromTokens(k + 2, last);
      return out_->entities[place].kind == graph::EntityKind::kLocation ? place : kNone;
    }
    k += 2;
  }
  uint32_t len;
  bool demonym;
  const Lexicon::Entry* e = EntityAt(k, end, &len, &demonym);
  if (e == nullptr || demonym) return kNone;
  if (e->kind != graph::EntityKind::kCountry && e->kind != graph::EntityKind::kLocation) return kNone;
  return const_cast<Recognizer*>(this)->res_.ForEntry(*e, "");
}

// "Russia's Bryansk region", "the Nuseirat refugee camp in central Gaza",
// "the Qandil mountains of northern Iraq": capitalised words no recognizer
// took, before a place noun, name a place; it lies in the country that
// owns it or the place named after it.
uint32_t Recognizer::TryNamedPlace(uint32_t i, uint32_t end) {
  if (!Lower(i) || !InListFolded(kNamedPlaceNouns, Tok(i))) return 0;
  const uint32_t first = out_->sentences[sentence_].first_token;
  uint32_t noun_from = i;
  if (noun_from > first && Is(noun_from - 1, "refugee")) --noun_from;  // "the Nuseirat refugee camp"
  uint32_t j = noun_from;
  while (j > first && noun_from - j < 3 && Cap(j - 1) && IsWord(j - 1) && !covered_[j - 1] &&
         !Common(j - 1) && !(Flags(j - 1) & kTokPossessive))
    --j;
  if (j == noun_from) return 0;
  // A name that starts the sentence may be any capitalised word.
  if (j == first && (Flags(j) & kTokSentenceStart) && noun_from - j == 1) return 0;
  uint32_t where = kNone;
  if (j >= first + 2 && (Flags(j - 2) & kTokPossessive)) {
    const int32_t pm = MentionEndingAt(j - 1);
    if (pm >= 0) {
      const graph::Entity& owner = out_->entities[out_->mentions[pm].entity];
      if (owner.kind == graph::EntityKind::kCountry || owner.kind == graph::EntityKind::kLocation)
        where = out_->mentions[pm].entity;
    }
  }
  if (where == kNone) where = PlaceAfter(i + 1, end);
  if (where == kNone && !(j > first && Is(j - 1, "the"))) return 0;
  const uint32_t place = LocationFromTokens(j, noun_from);
  if (out_->entities[place].kind != graph::EntityKind::kLocation) return 0;
  res_.Emit(j, noun_from, place, MentionForm::kName);
  Cover(j, i + 1);
  if (where != kNone && where != place)
    res_.AddStructural(place, where, graph::RelationType::kLocatedIn, sentence_, Tok(i), 0.8f);
  return 1;
}

void Recognizer::LinkCompounds() {
  std::vector<Mention>& ms = out_->mentions;
  for (size_t k = 0; k < ms.size(); ++k) {
    Mention& c = ms[k];
    if (c.form != MentionForm::kCompoundAdj || c.head >= 0 || IsAuthorshipCompound(Tok(c.first_token))) continue;
    for (size_t h = k + 1; h < ms.size(); ++h) {
      const Mention& m = ms[h];
      if (m.sentence != c.sentence || m.first_token > c.last_token + 2) break;
      if (m.form == MentionForm::kCompoundAdj) break;
      // Words between the compound and the mention must be part of the
      // same name ("Iran-backed Shiite militia"); a lower-case word is the
      // compound's own head noun ("a Japanese-led program with U.S. ..."),
      // which the lexicon does not know, so the compound links to nothing.
      // A group noun standing for a named group may carry up to two
      // adjectives of its own ("a Pakistan-based militant group").
      const bool group_word = (m.form == MentionForm::kPronoun || m.form == MentionForm::kDescription) &&
                              m.first_token - c.last_token <= 2;
      bool blocked = false;
      for (uint32_t t = c.last_token; t < m.first_token; ++t)
        blocked |= (Flags(t) & kTokPunct) != 0 || ((Flags(t) & kTokCapitalized) == 0 && !group_word);
      if (blocked) break;
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

namespace geokg::ingest::internal {

// The country of a place mention, when the document names that country
// too ("Bogota" -> Colombia): kNone otherwise. Cached per entity by
// DominantCountry, so that a long document costs one pass.
uint32_t Recognizer::CountryOfPlace(const Mention& m) const {
  if (m.entity < place_country_.size()) return place_country_[m.entity];
  const graph::Entity& e = out_->entities[m.entity];
  if ((e.kind != graph::EntityKind::kLocation && e.kind != graph::EntityKind::kFacility) || e.country.empty())
    return kNone;
  for (uint32_t c = 0; c < out_->entities.size(); ++c)
    if (out_->entities[c].kind == graph::EntityKind::kCountry && out_->entities[c].country == e.country) return c;
  return kNone;
}

uint32_t Recognizer::DominantCountry() {
  if (dominant_done_) return dominant_;
  dominant_done_ = true;
  // One vote a mention of a country or of a place in it (the dateline's
  // city, the towns a story happens in): where the story is.
  place_country_.clear();
  for (uint32_t e = 0; e < out_->entities.size(); ++e) {
    Mention first_of_e;
    first_of_e.entity = e;
    place_country_.push_back(CountryOfPlace(first_of_e));
  }
  // Its people, armed groups and state bodies vote for their country too
  // ("President Gustavo Petro", "the ELN" in a Colombian story) when named,
  // not described by a country word that has its own vote, and when the
  // document names that country.
  const size_t entity_count = out_->entities.size();
  std::vector<uint32_t> countries;  // at most the world's countries, however long the document
  for (uint32_t c = 0; c < entity_count; ++c)
    if (out_->entities[c].kind == graph::EntityKind::kCountry) countries.push_back(c);
  actor_country_.assign(entity_count, kNone);
  for (uint32_t e = 0; e < entity_count; ++e) {
    const graph::Entity& ent = out_->entities[e];
    if (ent.country.empty() || ent.kind == graph::EntityKind::kCountry ||
        ent.kind == graph::EntityKind::kLocation || ent.kind == graph::EntityKind::kFacility)
      continue;
    for (uint32_t c : countries)
      if (out_->entities[c].country == ent.country) {
        actor_country_[e] = c;
        break;
      }
  }
  doc_countries_.clear();
  for (const Mention& m : out_->mentions) {
    if (m.entity >= entity_count || m.form == MentionForm::kCompoundAdj) continue;
    uint32_t c = out_->entities[m.entity].kind == graph::EntityKind::kCountry ? m.entity : CountryOfPlace(m);
    if (c == kNone && m.form == MentionForm::kName) c = actor_country_[m.entity];  // not "Venezuelan rebels" again
    if (c != kNone) doc_countries_.push_back(c);
  }
  // Sort and count runs: linear after the sort, so a hostile document with
  // millions of country mentions costs O(n log n), not O(n^2).
  std::sort(doc_countries_.begin(), doc_countries_.end());
  uint32_t best = kNone, best_count = 0, second_count = 0;
  for (size_t i = 0; i < doc_countries_.size();) {
    size_t j = i;
    while (j < doc_countries_.size() && doc_countries_[j] == doc_countries_[i]) ++j;
    const auto count = static_cast<uint32_t>(j - i);
    if (count > best_count) {
      second_count = best_count;
      best = doc_countries_[i];
      best_count = count;
    } else if (count > second_count) {
      second_count = count;
    }
    i = j;
  }
  // Named at least three times and twice as often as any other country.
  if (best_count >= 3 && best_count >= 2 * second_count) dominant_ = best;
  return dominant_;
}

bool Recognizer::MentionedNear(uint32_t entity, uint32_t sentence) const {
  const uint32_t first = sentence == 0 ? 0 : sentence - 1;
  auto it = std::lower_bound(out_->mentions.begin(), out_->mentions.end(), first,
                             [](const Mention& m, uint32_t s) { return m.sentence < s; });
  for (; it != out_->mentions.end() && it->sentence <= sentence; ++it)
    if (it->entity == entity || (it->entity < out_->entities.size() && CountryOfPlace(*it) == entity) ||
        (it->entity < actor_country_.size() && actor_country_[it->entity] == entity))
      return true;
  return false;
}

uint32_t Recognizer::PlacedCountry(uint32_t t) {
  // "protesters in Baghdad", "protesters gathered across Iraq": a place
  // preposition within three words after the noun, then (after "the" and
  // direction adjectives) a place or country mention. (Not "from": "an
  // Iraqi from Italy" is not Italy's.)
  const uint32_t s = out_->tokens[t].sentence;
  const uint32_t end = out_->sentences[s].first_token + out_->sentences[s].token_count;
  for (uint32_t k = t + 1; k < end && k <= t + 3; ++k) {
    if (Flags(k) & kTokPunct) return kNone;
    if (!(Is(k, "in") || Is(k, "across") || Is(k, "throughout") || Is(k, "outside") || Is(k, "near") ||
          Is(k, "at")))
      continue;
    uint32_t q = k + 1;
    if (q < end && Is(q, "the")) ++q;
    while (q < end && InListFolded(kDirectionAdjectives, Tok(q))) ++q;
    for (const Mention& m : out_->mentions) {
      if (m.first_token != q || m.entity >= out_->entities.size()) continue;
      graph::EntityKind kind = out_->entities[m.entity].kind;
      if (kind != graph::EntityKind::kCountry && kind != graph::EntityKind::kLocation) continue;
      // "near the Cameroon border" is not in Cameroon.
      if (m.last_token < end && (Is(m.last_token, "border") || Is(m.last_token, "frontier"))) return kNone;
      if (kind == graph::EntityKind::kCountry) return m.entity;
      const Lexicon::Entry* c = CountryOfLocation(out_->entities[m.entity]);
      return c == nullptr ? kNone : res_.ForEntry(*c, "");
    }
    return kNone;
  }
  return kNone;
}

const Lexicon::Entry* Recognizer::CountryOfLocation(const graph::Entity& e) const {
  const Lexicon::Entry* entry = lex_->FindCanonical(e.name);
  const Lexicon::Entry* c = entry ? CountryOf(*entry) : nullptr;
  if (c == nullptr && !e.country.empty()) c = lex_->CountryByCode(e.country);
  return c;
}

uint32_t Recognizer::SceneCountry(uint32_t sentence) {
  if (!scene_done_) {
    scene_done_ = true;
    const size_t sentences = out_->sentences.size();
    scene_.assign(sentences, nullptr);
    std::vector<uint8_t>& mixed = scene_mixed_;
    mixed.assign(sentences, 0);
    for (const Mention& m : out_->mentions) {
      if (m.entity >= out_->entities.size() || m.form == MentionForm::kCompoundAdj || mixed[m.sentence]) continue;
      const graph::Entity& e = out_->entities[m.entity];
      const Lexicon::Entry* c = nullptr;
      if (e.kind == graph::EntityKind::kLocation) {
        c = CountryOfLocation(e);
      } else if (e.kind == graph::EntityKind::kCountry && m.form == MentionForm::kName) {
        // A country is the scene only as a place ("in Iraq"), not as an
        // actor or the topic ("Iraq said", "talks on Iraq").
        uint32_t k = m.first_token;
        const uint32_t first = out_->sentences[m.sentence].first_token;
        while (k > first && (Is(k - 1, "the") || InListFolded(kDirectionAdjectives, Tok(k - 1)))) --k;
        if (k > first && (Is(k - 1, "in") || Is(k - 1, "across") || Is(k - 1, "throughout") || Is(k - 1, "inside")))
          c = lex_->FindCanonical(e.name);
      }
      if (c == nullptr) continue;
      if (scene_[m.sentence] != nullptr && scene_[m.sentence] != c) {
        scene_[m.sentence] = nullptr;
        mixed[m.sentence] = 1;
        continue;
      }
      scene_[m.sentence] = c;
    }
    // A dateline: an all-capitals place a few words into one of the first
    // sentences, followed by a comma, a bracket, a dash or a colon
    // ("BAGHDAD (Reuters) -", "Canadian Press - KINSHASA, Congo (AP) -").
    dateline_country_ = nullptr;
    for (uint32_t s = 0; s < sentences && s < 3 && dateline_country_ == nullptr; ++s) {
      const Sentence& sent = out_->sentences[s];
      const uint32_t end = sent.first_token + sent.token_count;
      for (uint32_t i = sent.first_token; i < end && i < sent.first_token + 6; ++i) {
        if (!(Flags(i) & kTokAllCaps) || Tok(i).size() < 3) continue;
        uint32_t len = 0;
        bool demonym = false;
        const Lexicon::Entry* e = EntityAt(i, end, &len, &demonym);
        if (e == nullptr || demonym || i + len >= end) continue;
        const std::string_view next = Tok(i + len);
        if (next != "," && next != "(" && next != "-" && next != ":") continue;
        if (e->kind == graph::EntityKind::kCountry) dateline_country_ = e;
        else if (e->kind == graph::EntityKind::kLocation) dateline_country_ = CountryOf(*e);
        break;
      }
    }
  }
  if (sentence >= scene_.size() || scene_mixed_[sentence]) return kNone;
  const Lexicon::Entry* c = scene_[sentence] != nullptr ? scene_[sentence] : dateline_country_;
  return c == nullptr ? kNone : res_.ForEntry(*c, "");
}

uint32_t Recognizer::LastNamedArmedGroup(uint32_t before) const {
  const uint32_t sentence = out_->tokens[before].sentence;
  // The first armed group named in the latest sentence that names one (its
  // topic: "The Arakan Army is a member of the ... Alliance, which fought
  // together with X and Y. The junta accused the rebels" means the Arakan
  // Army, not Y), or the last one named before in this sentence.
  uint32_t best = kNone, best_token = 0, best_sentence = 0;
  // Mentions are in scan order, nearly text order (patterns append a little
  // out of order): walk back until well before the window.
  for (size_t k = out_->mentions.size(); k-- > 0;) {
    const Mention& m = out_->mentions[k];
    if (m.sentence + 8 < sentence) break;
    if (m.first_token >= before || m.entity >= out_->entities.size() || m.form != MentionForm::kName) continue;
    if (m.sentence + 2 < sentence || out_->entities[m.entity].kind != graph::EntityKind::kArmedGroup) continue;
    const bool later_sentence = best == kNone || m.sentence > best_sentence;
    const bool same_sentence = best != kNone && m.sentence == best_sentence;
    const bool better = later_sentence || (same_sentence && (m.sentence == sentence ? m.first_token > best_token
                                                                                    : m.first_token < best_token));
    if (better) {
      best = m.entity;
      best_token = m.first_token;
      best_sentence = m.sentence;
    }
  }
  return best;
}

std::string_view Recognizer::DemonymOf(const graph::Entity& country) const {
  if (const Lexicon::Entry* entry = lex_->FindCanonical(country.name)) {
    const std::string_view adjective = lex_->AdjectiveDemonym(*entry);
    if (!adjective.empty()) return adjective;
  }
  return country.name;
}

uint32_t Recognizer::CountryGroup(uint32_t country, std::string_view head, graph::EntityKind kind) {
  const graph::Entity& c = out_->entities[country];
  canonical_.assign(DemonymOf(c));
  canonical_ += ' ';
  canonical_ += head;
  // A group the lexicon lists under that name ("Nepali Maoists").
  if (const Lexicon::Entry* listed = lex_->FindAlias(canonical_); listed != nullptr && listed->kind == kind)
    return res_.ForEntry(*listed, "");
  std::string code = c.country;
  return res_.ForName(canonical_, kind, code, "");
}

void Recognizer::ResolveGroups() {
  // A bare group noun becomes, in order: the one group of the same head
  // the document qualifies with a compound ("Iran-allied militiamen"); after
  // "the", an armed group named in its sentence or the two before ("Kataib
  // Hezbollah ... the militia"); the
  // group of the country its sentence places it in ("protesters in
  // Baghdad" -> "Iraqi protesters"); the one group of the same head the
  // document qualifies otherwise; the group of the document's dominant
  // country; the country of its sentence's scene or the dateline
  // (SceneCountry); else nothing (entity kNone: no corpus-wide "protesters" hub).
  auto unique_described = [&](std::string_view head, bool compound_only) {
    uint32_t found = kNone;
    for (const DescribedGroup& d : described_) {
      if (d.head != head || (compound_only && !d.by_compound)) continue;
      if (found != kNone && found != d.entity) return kNone;
      found = d.entity;
    }
    return found;
  };
  for (PendingGroup& g : groups_) {
    uint32_t found = unique_described(g.head, true);
    if (found == kNone && g.definite && g.kind == graph::EntityKind::kArmedGroup) {
      found = LastNamedArmedGroup(out_->mentions[g.mention].first_token);
      if (found != kNone) out_->mentions[g.mention].form = MentionForm::kPronoun;  // refers back
    }
    if (found == kNone) {
      uint32_t c = PlacedCountry(out_->mentions[g.mention].first_token);
      if (c != kNone) {
        found = CountryGroup(c, g.head, g.kind);
        described_.push_back(DescribedGroup{g.head, found, false});
      }
    }
    out_->mentions[g.mention].entity = found;
  }
  for (PendingGroup& g : groups_) {
    uint32_t& found = out_->mentions[g.mention].entity;
    if (found != kNone) continue;
    found = unique_described(g.head, false);
    // Gunmen, militants and kidnappers are often foreign to the story's
    // country ("ISIL launched an attack on the Iraqi embassy in Kabul ...
    // gunmen storming the building"): the dominant country is theirs only
    // when their sentence's scene does not lie elsewhere.
    static constexpr std::string_view kRovingHeads[] = {"gunmen", "militants", "kidnappers"};
    const bool roving = InList(kRovingHeads, g.head);
    if (found == kNone && DominantCountry() != kNone) {
      const uint32_t scene = roving ? SceneCountry(out_->mentions[g.mention].sentence) : kNone;
      if (scene == kNone || scene == DominantCountry()) found = CountryGroup(DominantCountry(), g.head, g.kind);
    }
    // Rebels and protesters are of the country they act in; gunmen and
    // militants are often foreign to it (an attack in Kashmir, a bombing in
    // Jakarta), so they take no country from the scene alone.
    static constexpr std::string_view kLocalHeads[] = {"protesters", "demonstrators", "crowds",     "supporters",
                                                       "rebels",     "insurgents",    "militia",    "militiamen",
                                                       "Maoists"};
    if (found == kNone && InList(kLocalHeads, g.head)) {
      const uint32_t c = SceneCountry(out_->mentions[g.mention].sentence);
      if (c != kNone) found = CountryGroup(c, g.head, g.kind);
    }
  }
}

}  // namespace geokg::ingest::internal
