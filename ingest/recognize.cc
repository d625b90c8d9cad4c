// Recognition: the scan over each sentence, lexicon matches, and the passes
// after the scan (text order, modifiers). Named bodies and acronyms are in
// bodies.cc; people, surnames and title relations in people.cc; facilities
// in facilities.cc; definite references to state institutions in
// definites.cc; the patterns for units, groups, compounds and "city of"
// and the qualification of bare groups in patterns.cc. See recognize.h for
// the contract.
//
// Each token is looked at once: at token i the scan tries, in order, a
// numbered military unit, an honorific, a capitalised sequence longer than
// the lexicon's longest match (new named bodies, acronym definitions), the
// lexicon match, names the document defined, compounds, facilities, groups,
// "city of", state institutions ("the junta"), "the country", pronouns and
// definite descriptions ("it", "the group"), known people's single names
// and "X Y said". Generic agents ("Kenyan police", agents.cc) are tried
// before the lexicon match, so that a role that is also a title is an agent
// when no name follows it.
// Patterns may look ahead and claim tokens (covered_), and may append
// mentions out of order; SortMentions restores text order.
#include "ingest/recognize.h"

#include <algorithm>
#include <cctype>

#include "graph/ids.h"
#include "ingest/recognize_internal.h"
#include "ingest/text.h"

namespace geokg::ingest {
namespace internal {
namespace {

// Verbs after which a capital acts as its government ("Washington said").
constexpr std::string_view kActingVerbs[] = {
    "said", "says", "say", "told", "tells", "denied", "denies", "deny", "accused", "accuses", "warned", "warns",
    "announced", "announces", "blamed", "blames", "condemned", "condemns", "urged", "urges", "rejected",
    "rejects", "responded", "responds", "insists", "insisted", "has", "have", "had", "will", "would", "could",
    "should", "may", "might", "must", "wants", "wanted", "sought", "seeks", "sent", "sends", "imposed",
    "imposes", "threatened", "threatens", "believes", "believed", "hopes", "hoped", "claimed", "claims",
    "called", "calls", "demanded", "demands", "agreed", "agrees", "refused", "refuses", "launched", "ordered",
    "decided", "approved", "backed", "backs", "supports", "supported", "opposed", "opposes", "expects",
    "expected", "declined", "vowed", "vows", "pledged", "pledges", "plans", "planned", "struck", "strikes",
    "attacked", "retaliated", "recalled", "expelled", "summoned", "protested", "welcomed", "criticised",
    "criticized", "dismissed", "did", "does", "is", "was"};
// Words before a capital that make it the government ("condemned Washington").
constexpr std::string_view kActingBefore[] = {
    "condemned", "condemn", "condemns", "blamed", "blame", "blames", "accused", "accuse", "accuses", "urged",
    "urge", "urges", "warned", "warn", "warns", "criticised", "criticized", "criticise", "criticize",
    "sanctioned", "threatened", "against", "with", "between", "by", "pressed", "asked", "told", "called",
    "rebuked", "defied", "supported", "backed", "from", "demanded", "demand", "demands", "pressured",
    "pressure", "pressuring", "persuade", "persuaded", "rejected", "rejects", "reject"};
// Words before a capital that make it the place ("in Baghdad").
constexpr std::string_view kPlaceBefore[] = {"in", "at", "near", "outside", "into", "to", "across", "around",
                                              "of", "through", "toward", "towards", "via", "inside", "over",
                                              "visited", "visit", "reached", "arrived", "left", "leave"};

// Lower-case words that a country name modifies ("US troops").
constexpr std::string_view kModifiedNouns[] = {
    "troops", "forces", "soldiers", "military", "officials", "official", "personnel", "diplomats", "diplomat",
    "diplomatic", "citizens", "citizen", "contractor", "contractors", "government", "navy", "army",
    "warships", "warplanes", "jets", "drones", "drone", "strikes", "strike", "airstrikes", "airstrike",
    "sanctions", "president", "ambassador", "envoy", "spokesman", "spokeswoman", "authorities", "leaders",
    "leader", "administration", "intelligence", "embassy", "consulate", "commander", "commanders", "marines",
    "sailors", "aircraft", "officers", "officer", "interests", "allies", "nationals", "delegation",
    "counterpart", "companies", "firms", "banks", "oil", "economy", "dollar", "markets", "exports", "imports",
    "trade", "lawmakers", "senators", "media", "television", "mission", "base", "bases", "security",
    "defence", "defense", "foreign", "interior", "police", "special", "state", "central", "national",
    "prime", "minister", "ministry", "secretary", "navy", "air", "policy", "position", "people", "supporters",
    "protesters", "militiamen", "militia", "militias", "fighters", "rebels", "crowds", "demonstrators"};

}  // namespace

// ---------------------------------------------------------------------------
// Helpers

std::string_view Recognizer::SpanName(uint32_t first, uint32_t last) {
  std::string_view raw = out_->text.substr(out_->tokens[first].begin,
                                           out_->tokens[last - 1].end - out_->tokens[first].begin);
  if (raw.find('\n') == std::string_view::npos && raw.find("  ") == std::string_view::npos) return raw;
  scratch_.clear();
  for (char c : raw) {
    bool sp = c == ' ' || c == '\n' || c == '\r' || c == '\t';
    if (!sp) scratch_.push_back(c);
    else if (!scratch_.empty() && scratch_.back() != ' ') scratch_.push_back(' ');
  }
  return scratch_;
}

bool Recognizer::Lower(uint32_t i) const {
  std::string_view w = Tok(i);
  return !w.empty() && w[0] >= 'a' && w[0] <= 'z';
}

bool Recognizer::Is(uint32_t i, std::string_view lower) const {
  if (i >= out_->tokens.size()) return false;
  return EqualsFolded(Tok(i), lower);
}

const Lexicon::Entry* Recognizer::EntityAt(uint32_t i, uint32_t end, uint32_t* len, bool* demonym) const {
  *len = 0;
  *demonym = false;
  if (i >= end) return nullptr;
  Lexicon::Match m = lex_->LongestMatch(*out_, i, end, keys_.data(), first_nodes_.data());
  if (m.length == 0) return nullptr;
  for (uint32_t k = 0; k < m.count; ++k) {
    const LexValue& v = m.values[k];
    if (!lex_->CaseOk(v, *out_, i, m.length)) continue;
    if (v.kind == LexKind::kEntity || v.kind == LexKind::kDemonym) {
      *len = m.length;
      *demonym = v.kind == LexKind::kDemonym;
      return &lex_->entries()[v.index];
    }
  }
  return nullptr;
}

const Lexicon::Entry* Recognizer::CountryOf(const Lexicon::Entry& e) const {
  const Lexicon::Entry* cur = &e;
  for (int hop = 0; hop < 4 && cur != nullptr; ++hop) {
    if (cur->kind == graph::EntityKind::kCountry) return cur;
    const Lexicon::Entry* next = nullptr;
    for (const Lexicon::Link& l : cur->links)
      if (l.type == graph::RelationType::kLocatedIn) next = lex_->FindAlias(l.target);
    if (next == nullptr)
      for (const Lexicon::Link& l : cur->links)
        if (l.type == graph::RelationType::kPartOf) next = lex_->FindAlias(l.target);
    cur = next;
  }
  if (!e.country.empty()) return lex_->CountryByCode(e.country);
  return nullptr;
}

uint32_t Recognizer::CountryOfEntity(uint32_t entity) {
  const graph::Entity& e = out_->entities[entity];
  if (e.kind == graph::EntityKind::kCountry) return entity;
  const Lexicon::Entry* entry = lex_->FindCanonical(e.name);
  const Lexicon::Entry* c = entry ? CountryOf(*entry) : nullptr;
  if (c == nullptr && !e.country.empty()) c = lex_->CountryByCode(e.country);
  return c ? res_.ForEntry(*c, "") : kNone;
}

int32_t Recognizer::MentionEndingAt(uint32_t end) const {
  const std::vector<Mention>& ms = out_->mentions;
  for (size_t k = ms.size(); k-- > 0;) {
    if (ms[k].last_token == end) return static_cast<int32_t>(k);
    if (ms.size() - k > 8) break;
  }
  return -1;
}

int32_t Recognizer::MentionStartingAt(uint32_t first) const {
  const std::vector<Mention>& ms = out_->mentions;
  // Mentions are sorted when this is used (after SortMentions).
  auto it = std::lower_bound(ms.begin(), ms.end(), first,
                             [](const Mention& m, uint32_t f) { return m.first_token < f; });
  if (it != ms.end() && it->first_token == first) return static_cast<int32_t>(it - ms.begin());
  return -1;
}

void Recognizer::Cover(uint32_t first, uint32_t last) {
  for (uint32_t k = first; k < last && k < covered_.size(); ++k) covered_[k] = 1;
}

uint32_t Recognizer::LocationFromTokens(uint32_t first, uint32_t last) {
  std::string_view name = out_->text.substr(out_->tokens[first].begin,
                                            out_->tokens[last - 1].end - out_->tokens[first].begin);
  if (const Lexicon::Entry* e = lex_->FindAlias(name)) return res_.ForEntry(*e, name);
  uint32_t ent = res_.ForName(name, graph::EntityKind::kLocation, "", name);
  if (last - first == 1) res_.DefineName(name, ent);
  return ent;
}

// ---------------------------------------------------------------------------
// The scan

void Recognizer::Run(const Lexicon& lexicon, std::string_view text, DocAnalysis* out) {
  lex_ = &lexicon;
  out_ = out;
  AnalyzeText(text, out);
  const uint32_t n = static_cast<uint32_t>(out->tokens.size());
  if (node_cache_serial_ != lexicon.serial() || node_cache_.empty()) {
    node_cache_.assign(kNodeCacheSize, CachedNode{});
    // ~0 marks an empty slot; a token whose key were ~0 (vanishingly
    // unlikely) would only miss the lexicon.
    for (CachedNode& c : node_cache_) c.key = ~0ull;
    node_cache_serial_ = lexicon.serial();
  }
  keys_.resize(n);
  first_nodes_.resize(n);
  triggers_.resize(n);
  for (uint32_t i = 0; i < n; ++i) {
    const uint64_t key = TokenKey(Tok(i));
    keys_[i] = key;
    CachedNode& slot = node_cache_[(key ^ (key >> 17)) & (kNodeCacheSize - 1)];
    if (slot.key != key) {
      slot.key = key;
      const int32_t node = lexicon.FirstNode(key);
      slot.node = node >= 0 ? lexicon.node(node) : Lexicon::Node{};
    }
    const Lexicon::Node& node = slot.node;
    first_nodes_[i] = node;
    if (node.common && !(out->tokens[i].flags & (kTokPunct | kTokNumber))) out->tokens[i].flags |= kTokCommonWord;
    triggers_[i] = (out->tokens[i].flags & (kTokPunct | kTokNumber)) ? 0 : TriggerBitsOf(key);
    if (node.agent && !(out->tokens[i].flags & (kTokPunct | kTokNumber))) triggers_[i] |= kTrigAgent;
  }
  covered_.assign(n, 0);
  groups_.clear();
  described_.clear();
  definites_.clear();
  pronouns_.clear();
  titled_.clear();
  bare_people_.clear();
  confirmed_people_.clear();
  dominant_ = kNone;
  dominant_done_ = false;
  place_country_.clear();  // CountryOfPlace's cache, rebuilt by DominantCountry
  actor_country_.clear();
  scene_done_ = false;
  res_.Reset(&lexicon, out);
  for (uint32_t s = 0; s < out->sentences.size(); ++s) ScanSentence(s);
  ResolveGroups();
  ResolveSurnames();
  TitleRelations();
  PlaceOrphanPlaces();
  ResolveDefinites();  // appends mentions: after every MentionedNear user
  ResolvePronouns();   // appends mentions; reads every other mention
  SortMentions();  // drops the mentions left without an entity
  LedByRelations();
  BackedByRelations();
  LinkCompounds();
  MarkModifiers();
  DropUnusedEntities();  // invalidates the resolver's entity tables
  FindCandidates();      // appends entities no mention names
}

void Recognizer::ScanSentence(uint32_t s) {
  const Sentence& sent = out_->sentences[s];
  sentence_ = s;
  headline_ = sent.section != graph::Section::kBody;
  const uint32_t b = sent.first_token, e = sent.first_token + sent.token_count;
  uint32_t i = b;
  while (i < e) {
    if (covered_[i] || (Flags(i) & kTokPunct)) {
      ++i;
      continue;
    }
    const uint16_t f = Flags(i);
    const uint8_t trig = triggers_[i];
    uint32_t n = 0;
    if (f & (kTokNumber | kTokCapitalized)) n = TryMilitaryUnit(i, e);
    // Before the lexicon: a role that is also a title ("the Iranian
    // foreign minister said") is an agent when no name follows it.
    if (n == 0 && (trig & kTrigAgent)) n = TryAgent(i, e);
    if (n == 0 && (f & kTokCapitalized)) n = TryLeaderGovernment(i, e);
    if (n == 0 && (f & kTokCapitalized)) n = TryHonorific(i, e);
    // "Rebel leaders", "militia fighters": a group acting through its
    // members, before the lexicon reads "Rebel" as a title.
    if (n == 0 && (trig & kTrigGroup) && i + 1 < e && IsGroupMemberNoun(Tok(i + 1))) n = TryGroup(i, e);
    if (n == 0) {
      Lexicon::Match m = lex_->LongestMatch(*out_, i, e, keys_.data(), first_nodes_.data());
      if ((f & kTokCapitalized) && m.length == 0) n = TryPrefixedPlace(i, e);
      if (n == 0 && (f & kTokCapitalized)) n = TryCapitalised(i, e, m.length);
      if (n == 0 && m.length > 0) n = HandleLexicon(i, e, m);
    }
    if (n == 0 && (f & kTokCapitalized)) {
      uint32_t ent = res_.DefinedName(Tok(i));
      if (ent != kNone) {
        res_.Emit(i, i + 1, ent, MentionForm::kName);
        n = 1;
      }
    }
    if (n == 0 && (f & kTokHyphenated)) n = TryCompound(i, e);
    if (n == 0 && (trig & kTrigFacility)) n = TryFacility(i, e);
    if (n == 0 && (trig & kTrigGroup)) n = TryGroup(i, e);
    if (n == 0 && (trig & kTrigPlace)) n = TryCityOf(i, e);
    if (n == 0 && (trig & kTrigPlace)) n = TryNamedPlace(i, e);
    if (n == 0 && (trig & kTrigDefinite)) n = TryDefinite(i, e);
    if (n == 0 && Is(i, "the")) n = TryEpithet(i, e);
    if (n == 0 && i + 1 < e && (triggers_[i + 1] & kTrigCountry) && Is(i, "the")) {
      uint32_t c = res_.LastCountry(i);
      if (c != kNone) {
        res_.Emit(i + 1, i + 2, c, MentionForm::kPronoun);
        n = 2;
      }
    }
    if (n == 0 && (trig & kTrigPronoun)) n = TryPronoun(i, e);
    if (n == 0 && (f & kTokCapitalized) && !((f & kTokSentenceStart) && (f & kTokCommonWord))) {
      uint32_t p = res_.PersonByWord(Tok(i));
      if (p != kNone) {
        res_.Emit(i, i + 1, p, MentionForm::kName);
        n = 1;
      }
    }
    if (n == 0 && (f & kTokCapitalized)) n = TrySaidPerson(i, e);
    if (n == 0 && (f & kTokCapitalized)) n = TryBareSurname(i, e);
    i += n > 0 ? n : 1;
  }
}

uint32_t Recognizer::TryEpithet(uint32_t i, uint32_t end) {
  static constexpr std::string_view kHeads[] = {"country", "nation", "kingdom", "republic", "member", "state"};
  // "the new state", "the host nation", "the first country": no epithet of
  // the country named before.
  static constexpr std::string_view kNotEpithets[] = {"new",  "same",  "other", "whole", "entire",
                                                      "host", "first", "next",  "last"};
  for (uint32_t head = i + 2; head < end && head <= i + 3; ++head) {
    if (!Lower(head) || !InList(kHeads, Tok(head))) continue;
    // "the state media", "the member states", "the kingdom of Saudi
    // Arabia", "the country's": a modifier, or a name that follows.
    if (head + 1 < end && ((Lower(head + 1) && IsWord(head + 1)) || Is(head + 1, "of") ||
                           (Flags(head) & kTokPossessive)))
      return 0;
    uint32_t country = kNone;
    for (uint32_t k = i + 1; k < head; ++k) {
      if (!IsWord(k) || (Flags(k) & kTokNumber) || InListFolded(kNotEpithets, Tok(k))) return 0;
      uint32_t len = 0;
      bool demonym = false;
      // "the Iraqi state", "the Afghan nation": the country named.
      if (const Lexicon::Entry* e = EntityAt(k, head, &len, &demonym);
          e != nullptr && e->kind == graph::EntityKind::kCountry && k + len == head)
        country = res_.ForEntry(*e, "");
    }
    if (country == kNone) country = res_.LastCountry(i);
    if (country == kNone) return 0;
    res_.Emit(i + 1, head + 1, country, MentionForm::kPronoun);
    Cover(i + 1, head + 1);
    return head + 1 - i;
  }
  return 0;
}

bool Recognizer::MetonymActs(uint32_t i, uint32_t len, uint32_t end) const {
  if (i > 0 && out_->tokens[i - 1].sentence == sentence_) {
    std::string_view prev = Tok(i - 1);
    for (std::string_view w : kPlaceBefore)
      if (EqualsFolded(prev, w)) return false;
    for (std::string_view w : kActingBefore)
      if (EqualsFolded(prev, w)) return true;
  }
  uint32_t j = i + len;
  if (j < end && (Flags(i + len - 1) & kTokPossessive)) return true;
  // "the Kabul government", "the Tehran regime": the seat names the state
  // that governs from it.
  static constexpr std::string_view kGoverningNouns[] = {"government", "regime", "administration", "leadership",
                                                         "authorities", "government's", "regime's"};
  if (j < end && Lower(j) && InListFolded(kGoverningNouns, Tok(j))) return true;
  // "reject Khartoum bid to split them", "a Moscow proposal": what the
  // seat proposes or demands is the state's.
  static constexpr std::string_view kGoverningActs[] = {
      "bid",      "plan",     "plans",   "offer",    "proposal", "proposals", "demand", "demands",  "call",
      "calls",    "decision", "pledge",  "stance",   "position", "threat",    "threats", "refusal", "request",
      "initiative", "ultimatum", "warning", "warnings", "accusation", "accusations", "crackdown", "veto"};
  if (j < end && (Lower(j) || headline_) && InListFolded(kGoverningActs, Tok(j))) return true;
  // "Ankara still refuses", "Moscow also rejected": an adverb may stand
  // between the seat and its verb.
  static constexpr std::string_view kAdverbs[] = {"still", "also", "now", "again", "repeatedly", "swiftly",
                                                  "quickly", "immediately", "later", "then"};
  if (j + 1 < end && InListFolded(kAdverbs, Tok(j)) && !(Flags(j + 1) & (kTokPunct | kTokNumber))) ++j;
  if (j < end) {
    std::string_view next = Tok(j);
    for (std::string_view w : kActingVerbs)
      if (next == w) return true;
    // "Washington suspended aid", "Moscow rejected": a past-tense verb right
    // after the seat is the government acting.
    if (next.size() > 4 && next.ends_with("ed") && std::islower(static_cast<unsigned char>(next[0])) &&
        !(Flags(j) & (kTokPunct | kTokNumber)))
      return true;
  }
  return false;
}

// "French auto giant Renault", "the US oil major ConocoPhillips", "a South
// Korean carmaker": a country word before a company noun (directly, or
// after one word of its trade) tells where a firm is from; the firm, not
// the state, acts. After a preposition the firm is what an act is aimed at
// ("a tax on U.S. tech companies", "business with Chinese telecoms giant
// ZTE"), and event coders code that against its state: the word stays.
bool Recognizer::NamesCompany(uint32_t i, uint32_t j, uint32_t end) const {
  static constexpr std::string_view kPrepositions[] = {"on", "with", "against", "to", "from", "for", "at",
                                                       "by", "of", "into", "in", "over", "toward", "towards"};
  if (i > 0 && (InListFolded(kPrepositions, Tok(i - 1)) ||
                (i > 1 && InListFolded(kPrepositions, Tok(i - 2)) &&
                 (EqualsFolded(Tok(i - 1), "the") || EqualsFolded(Tok(i - 1), "a")))))
    return false;
  static constexpr std::string_view kCompanyNouns[] = {
      "company", "companies", "firm", "firms", "carmaker", "automaker", "conglomerate", "multinational",
      "corporation", "airline", "insurer", "retailer", "manufacturer", "shipper", "broadcaster"};
  // Heads that are adjectives or other nouns alone ("a major offensive",
  // "a giant step"): a company only after its trade ("oil major").
  static constexpr std::string_view kTradeHeads[] = {"giant", "giants", "major", "majors", "maker", "makers",
                                                     "group", "producer", "operator"};
  if (j < end && Lower(j) && InListFolded(kCompanyNouns, Tok(j))) return true;
  // (The word between is a trade, not a joiner: "The United States and
  // major trade allies" names the state.)
  static constexpr std::string_view kNoTrade[] = {"and", "or", "but", "as", "than", "its", "their", "his",
                                                  "her", "the", "a", "an", "is", "was", "are", "were",
                                                  "has", "had", "have", "will", "would", "said", "says"};
  return j + 1 < end && Lower(j) && IsWord(j) && !(Flags(j) & kTokNumber) && !InListFolded(kNoTrade, Tok(j)) &&
         Lower(j + 1) && (InListFolded(kCompanyNouns, Tok(j + 1)) || InListFolded(kTradeHeads, Tok(j + 1)));
}

uint32_t Recognizer::HandleLexicon(uint32_t i, uint32_t end, const Lexicon::Match& m) {
  const uint32_t len = m.length;
  const LexValue* entity = nullptr;
  const LexValue* demonym = nullptr;
  const LexValue* metonym = nullptr;
  const LexValue* title = nullptr;
  for (uint32_t k = 0; k < m.count; ++k) {
    const LexValue& v = m.values[k];
    if (!lex_->CaseOk(v, *out_, i, len)) continue;
    switch (v.kind) {
      case LexKind::kEntity: if (!entity) entity = &v; break;
      case LexKind::kDemonym: if (!demonym) demonym = &v; break;
      case LexKind::kMetonym: if (!metonym) metonym = &v; break;
      case LexKind::kTitle: if (!title) title = &v; break;
    }
  }
  if (title != nullptr && (entity == nullptr || lex_->entries()[entity->index].kind == graph::EntityKind::kPerson ||
                           !(Flags(i) & kTokCapitalized))) {
    uint32_t n = TryTitle(i, end, len, lex_->titles()[title->index]);
    if (n > 0) return n;
    if (entity == nullptr) return len;
  }
  std::string_view surface =
      out_->text.substr(out_->tokens[i].begin, out_->tokens[i + len - 1].end - out_->tokens[i].begin);
  if (entity != nullptr) {
    const Lexicon::Entry& entry = lex_->entries()[entity->index];
    if (entry.kind == graph::EntityKind::kCountry && NamesCompany(i, i + len, end)) return len;
    if (metonym != nullptr && entry.kind != graph::EntityKind::kCountry && MetonymActs(i, len, end)) {
      uint32_t ent = res_.ForEntry(lex_->entries()[metonym->index], "");
      res_.Emit(i, i + len, ent, MentionForm::kMetonym);
      return len;
    }
    uint32_t ent;
    if (entry.kind == graph::EntityKind::kPerson) {
      ent = res_.RegisterPerson(i, i + len);
      if (ent == kNone) ent = res_.ForEntry(entry, surface);
    } else {
      ent = res_.ForEntry(entry, surface);
    }
    res_.Emit(i, i + len, ent, MentionForm::kName);
    // "US Army", "Iraqi Army": the leading country word makes the body part
    // of that country.
    // Only the state's own bodies and forces: "American Farm Bureau
    // Federation" is not part of the United States, and an armed group
    // the lexicon knows is no state force ("Myanmar National Democratic
    // Alliance Army", "Free Syrian Army" fight their states).
    if (len >= 2 && (entry.kind == graph::EntityKind::kGovernmentBody ||
                     entry.kind == graph::EntityKind::kMilitaryUnit)) {
      uint32_t l2;
      bool dem;
      const Lexicon::Entry* first = EntityAt(i, i + 1, &l2, &dem);
      if (first != nullptr && first->kind == graph::EntityKind::kCountry && first != &entry)
        res_.AddStructural(ent, res_.ForEntry(*first, ""), graph::RelationType::kPartOf, sentence_, surface, 0.8f);
    }
    // An acronym defined right after a known name: "... Forces (PMF)".
    uint32_t j = i + len;
    if (j + 2 < end && Tok(j) == "(" && (Flags(j + 1) & kTokAllCaps) && Tok(j + 2) == ")" &&
        AcronymFits(Tok(j + 1), i, i + len)) {
      res_.DefineName(Tok(j + 1), ent);
      res_.Emit(j + 1, j + 2, ent, MentionForm::kName);
      Cover(j, j + 3);
      return len + 3;
    }
    return len;
  }
  if (demonym != nullptr) {
    if (NamesCompany(i, i + len, end)) return len;
    uint32_t ent = res_.ForEntry(lex_->entries()[demonym->index], surface);
    // Plural demonyms name people ("Americans"); singular ones modify.
    bool plural = surface.size() > 3 && surface.back() == 's' && surface != "Swiss";
    res_.Emit(i, i + len, ent, plural ? MentionForm::kName : MentionForm::kModifier);
    return len;
  }
  if (metonym != nullptr) {
    // An all-capitals word is a dateline ("LANGLEY, B.C. (CP) -"), not a
    // government acting.
    if ((Flags(i) & kTokAllCaps) && !metonym->upper_only && !MetonymActs(i, len, end)) return len;
    uint32_t ent = res_.ForEntry(lex_->entries()[metonym->index], "");
    res_.Emit(i, i + len, ent, MentionForm::kMetonym);
    return len;
  }
  return 0;
}

// ---------------------------------------------------------------------------
// Passes after the scan

void Recognizer::SortMentions() {
  std::vector<Mention>& ms = out_->mentions;
  const size_t n = ms.size();
  order_.resize(n);
  for (size_t k = 0; k < n; ++k) order_[k] = static_cast<uint32_t>(k);
  std::stable_sort(order_.begin(), order_.end(), [&](uint32_t a, uint32_t b) {
    if (ms[a].first_token != ms[b].first_token) return ms[a].first_token < ms[b].first_token;
    return ms[a].last_token > ms[b].last_token;
  });
  remap_.resize(n);
  // Mentions without an entity (bare groups and surnames that resolved to
  // nothing) are dropped; a head pointing at one is cleared.
  int32_t kept = 0;
  for (size_t k = 0; k < n; ++k) remap_[order_[k]] = ms[order_[k]].entity == kNone ? -1 : kept++;
  sorted_.clear();
  for (size_t k = 0; k < n; ++k) {
    Mention m = ms[order_[k]];
    if (m.entity == kNone) continue;
    if (m.head >= 0) m.head = remap_[m.head];
    sorted_.push_back(m);
  }
  ms.swap(sorted_);
}

void Recognizer::DropUnusedEntities() {
  std::vector<graph::Entity>& es = out_->entities;
  remap_.assign(es.size(), -1);
  for (const Mention& m : out_->mentions) remap_[m.entity] = 0;
  for (const DocAnalysis::Structural& r : out_->structural) remap_[r.source] = remap_[r.target] = 0;
  int32_t kept = 0;
  for (size_t i = 0; i < es.size(); ++i) {
    if (remap_[i] < 0) continue;
    remap_[i] = kept;
    if (static_cast<size_t>(kept) != i) es[kept] = std::move(es[i]);
    ++kept;
  }
  if (static_cast<size_t>(kept) == es.size()) return;
  es.resize(kept);
  for (Mention& m : out_->mentions) m.entity = static_cast<uint32_t>(remap_[m.entity]);
  for (DocAnalysis::Structural& r : out_->structural) {
    r.source = static_cast<uint32_t>(remap_[r.source]);
    r.target = static_cast<uint32_t>(remap_[r.target]);
  }
}

void Recognizer::MarkModifiers() {
  std::vector<Mention>& ms = out_->mentions;
  for (size_t k = 0; k < ms.size(); ++k) {
    Mention& m = ms[k];
    if (m.form != MentionForm::kName && m.form != MentionForm::kModifier) continue;
    if (out_->entities[m.entity].kind != graph::EntityKind::kCountry) continue;
    if (Flags(m.last_token - 1) & kTokPossessive) continue;
    uint32_t t = m.last_token;
    if (t >= out_->tokens.size() || out_->tokens[t].sentence != m.sentence) continue;
    if (m.head < 0 && k + 1 < ms.size() && ms[k + 1].first_token == t && ms[k + 1].entity != m.entity &&
        ms[k + 1].form != MentionForm::kCompoundAdj) {
      m.form = MentionForm::kModifier;
      m.head = static_cast<int32_t>(k + 1);
    } else if (m.form == MentionForm::kName && Lower(t) && InList(kModifiedNouns, Tok(t))) {
      m.form = MentionForm::kModifier;
    }
  }
}

}  // namespace internal

void Recognize(const Lexicon& lexicon, std::string_view text, DocAnalysis* out) {
  thread_local internal::Recognizer recognizer;
  recognizer.Run(lexicon, text, out);
}

}  // namespace geokg::ingest
