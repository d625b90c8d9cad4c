// Recognition of named bodies the lexicon lacks ("Ministry of Electricity",
// "Iraqi Security Forces") and of acronyms the text defines ("Popular
// Mobilisation Forces (PMF)"). Part of the Recognizer (recognize_internal.h);
// see recognize.h for the contract.
#include "ingest/recognize_internal.h"
#include "ingest/text.h"

namespace geokg::ingest::internal {
namespace {

// Joiners inside a capitalised body name ("Ministry of Defence").
constexpr std::string_view kJoiners[] = {"of", "for", "the", "and", "on", "al", "de", "du", "des", "la", "el"};

// Head words of named bodies the lexicon lacks, with their kind. The
// armed kinds become military-unit when a state modifier is present.
struct HeadKind {
  std::string_view word;
  graph::EntityKind kind;
};
constexpr HeadKind kHeadKinds[] = {
    {"Forces", graph::EntityKind::kArmedGroup},       {"Army", graph::EntityKind::kArmedGroup},
    {"Brigade", graph::EntityKind::kArmedGroup},      {"Brigades", graph::EntityKind::kArmedGroup},
    {"Militia", graph::EntityKind::kArmedGroup},      {"Militias", graph::EntityKind::kArmedGroup},
    {"Guard", graph::EntityKind::kArmedGroup},        {"Guards", graph::EntityKind::kArmedGroup},
    {"Corps", graph::EntityKind::kArmedGroup},        {"Battalion", graph::EntityKind::kArmedGroup},
    {"Battalions", graph::EntityKind::kArmedGroup},   {"Regiment", graph::EntityKind::kArmedGroup},
    {"Ministry", graph::EntityKind::kGovernmentBody},
    {"Department", graph::EntityKind::kGovernmentBody}, {"Agency", graph::EntityKind::kGovernmentBody},
    {"Bureau", graph::EntityKind::kGovernmentBody},   {"Service", graph::EntityKind::kGovernmentBody},   {"Commission", graph::EntityKind::kGovernmentBody},
    {"Council", graph::EntityKind::kGovernmentBody},  {"Authority", graph::EntityKind::kGovernmentBody},
    {"Office", graph::EntityKind::kGovernmentBody},   {"Directorate", graph::EntityKind::kGovernmentBody},
    {"Party", graph::EntityKind::kOrganization},      {"Movement", graph::EntityKind::kOrganization},
    {"Front", graph::EntityKind::kOrganization},      {"Organization", graph::EntityKind::kOrganization},
    {"Organisation", graph::EntityKind::kOrganization}, {"Alliance", graph::EntityKind::kOrganization},
    {"Coalition", graph::EntityKind::kOrganization},  {"Union", graph::EntityKind::kOrganization},
    {"Association", graph::EntityKind::kOrganization}, {"League", graph::EntityKind::kOrganization},
    {"Committee", graph::EntityKind::kOrganization},  {"Base", graph::EntityKind::kFacility},
    {"Airbase", graph::EntityKind::kFacility},        {"Airport", graph::EntityKind::kFacility},
};

// Head words of capitalised sequences that are not actors (laws, events).
constexpr std::string_view kNotActorHeads[] = {
    "Act", "Law", "Treaty", "Agreement", "Accord", "Accords", "Convention", "Program", "Programme", "Plan",
    "Index", "Initiative", "Protocol", "Resolution", "Day", "Week", "Year", "Cup", "Games", "Prize", "Award",
    "Report", "Survey", "Strategy", "Doctrine", "Bill", "Code", "Summit", "Conference", "Operation"};

}  // namespace

// ---------------------------------------------------------------------------
// Helpers

bool IsBodyHeadWord(std::string_view w) {
  for (const HeadKind& h : kHeadKinds)
    if (h.word == w) return true;
  return false;
}

bool Recognizer::AcronymFits(std::string_view acr, uint32_t first, uint32_t last) const {
  // Every letter of the acronym is the initial of a word of the name, in
  // order, and the first letter is the initial of the first or second word
  // (a leading state word may be left out: "Iraqi Counter Terrorism
  // Service (CTS)").
  size_t a = 0;
  uint32_t first_hit = last;
  for (uint32_t w = first; w < last && a < acr.size(); ++w) {
    std::string_view word = Tok(w);
    if (word.empty() || (Flags(w) & kTokPunct)) continue;
    if ((word[0] | 32) == (acr[a] | 32)) {
      if (a == 0) first_hit = w;
      ++a;
    }
    // Parts of a hyphenated word count too ("Hashd al-Shaabi").
    for (size_t h = word.find('-'); h != std::string_view::npos && a < acr.size(); h = word.find('-', h + 1))
      if (h + 1 < word.size() && (word[h + 1] | 32) == (acr[a] | 32)) ++a;
  }
  return a == acr.size() && first_hit <= first + 1;
}

uint32_t Recognizer::TryCapitalised(uint32_t i, uint32_t end, uint32_t lex_len) {
  // "the Moscow-led Collective Security Treaty Organization": the compound
  // qualifies the name (TryCompound), it does not start it.
  if (IsCompoundModifier(Tok(i))) return 0;
  // A coordination is never one name: "and" joins only inside the
  // complement of "of"/"for" ("Ministry of Trade and Industry", not
  // "Baldrige and State Department"), and "the" only right after one of
  // them ("Ministry of the Interior").
  uint32_t k = i, seq_end = i;
  bool after_of = false;
  while (k < end) {
    if (Cap(k) && IsWord(k)) {
      ++k;
      seq_end = k;
      if (Flags(k - 1) & kTokPossessive) break;
    } else if (k > i && Lower(k) && InList(kJoiners, Tok(k)) && k + 1 < end &&
               (Cap(k + 1) || (Tok(k + 1) == "the" && k + 2 < end && Cap(k + 2)))) {
      std::string_view j = Tok(k);
      if (j == "and" && !after_of) break;
      if (j == "the" && !(Tok(k - 1) == "of" || Tok(k - 1) == "for" || Tok(k - 1) == "on")) break;
      after_of |= j == "of" || j == "for";
      ++k;
    } else {
      break;
    }
  }
  // "Department of Energy Secretary John Herrington": a title inside the
  // sequence followed by a name ends the body; the title and the person
  // are recognised on their own. A title in a complement ("Department of
  // Energy") is part of the body.
  for (uint32_t t = i + 1; t + 1 < seq_end; ++t) {
    if (!Cap(t) || !IsWord(t) || (Lower(t - 1) && InList(kJoiners, Tok(t - 1)))) continue;
    Lexicon::Match m = lex_->LongestMatch(*out_, t, seq_end, keys_.data(), first_nodes_.data());
    bool title = false;
    for (uint32_t v = 0; v < m.count; ++v)
      title |= m.values[v].kind == LexKind::kTitle && lex_->CaseOk(m.values[v], *out_, t, m.length);
    if (title && t + m.length < seq_end && LooksLikePerson(t + m.length, seq_end)) {
      seq_end = t;
      break;
    }
  }
  if (seq_end - i < 2 && !(seq_end < end && Tok(seq_end) == "(")) return 0;
  if (seq_end - i <= lex_len) return 0;
  auto acronym_after = [&](uint32_t t) {
    return t + 2 < end && Tok(t) == "(" && (Flags(t + 1) & kTokAllCaps) && Tok(t + 2) == ")";
  };
  const bool acronym = acronym_after(seq_end);
  // The head word is the last word ("Popular Mobilisation Forces"), or the
  // first before "of" ("Ministry of Oil").
  std::string_view head = Tok(seq_end - 1);
  const HeadKind* hk = nullptr;
  for (const HeadKind& h : kHeadKinds)
    if (h.word == head) hk = &h;
  if (hk == nullptr && seq_end - i >= 3 && Tok(i + 1) == "of")
    for (const HeadKind& h : kHeadKinds)
      if (h.word == Tok(i) && h.kind != graph::EntityKind::kFacility) hk = &h;
  // A known body followed by a generic head ("Kataib Hezbollah Brigades")
  // is the known body.
  if (hk != nullptr && !acronym_after(seq_end) && lex_len + 1 == seq_end - i) {
    uint32_t l;
    bool dem;
    const Lexicon::Entry* known = EntityAt(i, seq_end - 1, &l, &dem);
    if (known != nullptr && !dem && l == lex_len && known->kind != graph::EntityKind::kCountry &&
        known->kind != graph::EntityKind::kLocation && known->kind != graph::EntityKind::kPerson)
      return 0;
  }
  if (!acronym && (hk == nullptr || headline_)) return 0;
  uint32_t start = i;
  if ((Flags(i) & kTokSentenceStart) && Common(i) && seq_end - i > 2 && !(hk != nullptr && Tok(i) == hk->word))
    start = i + 1;
  while (start < seq_end && (Lower(start) || Tok(start) == "The" || Tok(start) == "A" || Tok(start) == "An")) ++start;
  if (seq_end - start < 2 && !acronym) return 0;
  if (InList(kNotActorHeads, head)) return 0;
  if (acronym && !AcronymFits(Tok(seq_end + 1), start, seq_end) && hk == nullptr) return 0;
  if (start > i) {
    uint32_t l;
    bool dem;
    if (EntityAt(start, end, &l, &dem) != nullptr && l >= seq_end - start) return 0;
  }
  std::string_view name = SpanName(start, seq_end);
  // State modifier: the first word, or the mention just before.
  uint32_t state = kNone;
  {
    uint32_t l;
    bool dem;
    const Lexicon::Entry* first = EntityAt(start, start + 1, &l, &dem);
    if (first != nullptr && first->kind == graph::EntityKind::kCountry) {
      state = res_.ForEntry(*first, "");
    } else {
      int32_t pm = MentionEndingAt(start);
      if (pm >= 0 && out_->entities[out_->mentions[pm].entity].kind == graph::EntityKind::kCountry)
        state = out_->mentions[pm].entity;
    }
  }
  // "Foreign Ministry", "Interior Ministry" with no state word: a state's
  // agent (agents.tsv), whose state the context tells, as for "the
  // ministry" and "the court" (definites.cc); not one body of that name
  // shared by every state.
  if (state == kNone && !acronym) {
    uint32_t agent = 0;
    const uint32_t agent_len = lex_->LongestAgent(*out_, start, seq_end, keys_.data(), &agent);
    const AgentRole* role = agent_len == seq_end - start ? AgentRoleOf(lex_->agents()[agent].code) : nullptr;
    if (role != nullptr && role->state) {
      definites_.push_back(PendingDefinite{start, seq_end, sentence_, StateInstitution::kState, kNone, role});
      return seq_end - i;
    }
  }
  // "U.S. Agriculture Department": a country name (not a demonym) in front
  // is the country's canonical name, so "US ..." and "U.S. ..." agree; the
  // rest alone may be a lexicon alias.
  if (state != kNone && start + 1 < seq_end) {
    uint32_t l;
    bool dem;
    const Lexicon::Entry* first = EntityAt(start, start + 1, &l, &dem);
    if (first != nullptr && !dem && first->kind == graph::EntityKind::kCountry) {
      std::string_view rest = SpanName(start + 1, seq_end);
      if (const Lexicon::Entry* known = lex_->FindAlias(rest)) {
        uint32_t ent = res_.ForEntry(*known, rest);
        res_.Emit(start, seq_end, ent, MentionForm::kName);
        return seq_end - i;
      }
      canonical_.assign(first->name);
      canonical_ += ' ';
      canonical_ += rest;
      name = canonical_;
    }
  }
  graph::EntityKind kind = hk ? hk->kind : graph::EntityKind::kOrganization;
  if (kind == graph::EntityKind::kArmedGroup && state != kNone) kind = graph::EntityKind::kMilitaryUnit;
  std::string_view country = state != kNone ? std::string_view(out_->entities[state].country) : std::string_view();
  uint32_t ent;
  if (const Lexicon::Entry* known = lex_->FindAlias(name)) {
    ent = res_.ForEntry(*known, name);
  } else {
    ent = res_.ForName(name, kind, country, name);
  }
  res_.Emit(start, seq_end, ent, MentionForm::kName);
  // A state word makes part-of only for the state's own bodies and forces,
  // not for federations, companies, parties or associations.
  const graph::EntityKind ent_kind = out_->entities[ent].kind;
  if (state != kNone && (ent_kind == graph::EntityKind::kGovernmentBody ||
                         ent_kind == graph::EntityKind::kMilitaryUnit || ent_kind == graph::EntityKind::kArmedGroup))
    res_.AddStructural(ent, state, graph::RelationType::kPartOf, sentence_, name, 0.7f);
  if (acronym) {
    res_.DefineName(Tok(seq_end + 1), ent);
    res_.Emit(seq_end + 1, seq_end + 2, ent, MentionForm::kName);
    Cover(seq_end, seq_end + 3);
    return seq_end + 3 - i;
  }
  return seq_end - i;
}

}  // namespace geokg::ingest::internal
