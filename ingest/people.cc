// Recognition of people: names after titles and honorifics, "X Y said",
// surnames of lexicon people, and the member-of/leader-of relations of
// titles. Part of the Recognizer
// (recognize_internal.h); see recognize.h for the contract.
#include "ingest/recognize_internal.h"
#include "ingest/text.h"

namespace geokg::ingest::internal {
namespace {

constexpr std::string_view kHonorifics[] = {"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.",
                                            "Sir", "Dame", "Mme", "Mme.", "Messrs", "Messrs."};

// Lower-case words that may sit inside a name ("Ali al-Sistani").
constexpr std::string_view kNameParticles[] = {"al", "bin", "ibn", "van", "von", "de", "da", "di", "du", "la", "le", "del"};

// Words of company names: a "name" holding one is not a person ("General
// Motors Corp", "Acme Co Inc said").
constexpr std::string_view kCompanyWords[] = {
    "Corp", "Corp.", "Co", "Co.", "Inc", "Inc.", "Ltd", "Ltd.", "Plc", "PLC", "LLC", "Corporation", "Company",
    "International", "Industries", "Group", "Holdings", "Bank", "Bancorp", "Motors", "Electric", "Petroleum",
    "Oil", "Airlines", "Systems", "Technologies", "Communications", "Financial", "Securities", "Partners",
    "Associates", "Trust", "Fund", "Exchange", "Reserve", "Board", "Agreement", "Dynamics", "Mills", "Foods",
    "Chemical", "Chemicals", "Steel", "Energy", "Resources", "Capital", "Investment", "Investments", "Insurance"};

// Lower-case words between a possessive and its title ("Taiwan's new
// president"); each keeps the holder in office.
constexpr std::string_view kTitleModifiers[] = {"new", "interim", "acting", "current", "incumbent"};

// Dates that news writes straight after a name ("Deputy Secretary of State
// Richard Armitage Tuesday met ..."). "May" ends real names ("Theresa May")
// and counts only before a number.
constexpr std::string_view kWeekdays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
constexpr std::string_view kMonths[] = {"January", "February", "March",    "April",   "June",    "July",
                                        "August",  "September", "October", "November", "December"};

}  // namespace

// ---------------------------------------------------------------------------
// People

bool Recognizer::IsDateWord(uint32_t k, uint32_t end) const {
  std::string_view w = Tok(k);
  if (InList(kWeekdays, w) || InList(kMonths, w)) return true;
  return w == "May" && k + 1 < end && (Flags(k + 1) & kTokNumber);
}

uint32_t Recognizer::NameAfter(uint32_t i, uint32_t end) const {
  uint32_t k = i, words = 0, last_cap = i;
  while (k < end && words < 4) {
    const uint16_t f = Flags(k);
    std::string_view w = Tok(k);
    if ((f & kTokCapitalized) && !(f & kTokPunct)) {
      // A headline capitalises its verbs: "Pope Celebrates Mass" names no
      // "Celebrates Mass".
      if (headline_ && lex_->IsCommonWord(w)) break;
      if (k > i && IsDateWord(k, end)) break;
      if (k > i) {
        uint32_t l;
        bool dem;
        const Lexicon::Entry* e = EntityAt(k, k + 1, &l, &dem);
        if (e != nullptr && e->kind != graph::EntityKind::kPerson && !(f & kTokAbbreviation)) break;
      }
      ++words;
      ++k;
      last_cap = k;
      if (f & kTokPossessive) break;
    } else if (k > i && (InList(kNameParticles, w) || w.starts_with("al-") || w.starts_with("el-"))) {
      ++k;
      if (w.find('-') != std::string_view::npos) last_cap = k;
    } else {
      break;
    }
  }
  return last_cap;
}

bool Recognizer::LooksLikePerson(uint32_t first, uint32_t last) const {
  for (uint32_t k = first; k < last; ++k)
    if (InList(kCompanyWords, Tok(k)) || IsBodyHeadWord(Tok(k))) return false;
  return true;
}

uint32_t Recognizer::TryTitle(uint32_t i, uint32_t end, uint32_t title_len, const Lexicon::Title& title) {
  uint32_t j = i + title_len;
  if (j >= end) return 0;
  // The title's country or body: an adjacent modifier ("US President"),
  // or a possessive ("Iran's foreign minister", "Taiwan's new president").
  int32_t pm = MentionEndingAt(i);
  if (pm < 0 && i >= 2 && (Flags(i - 2) & kTokPossessive)) pm = MentionEndingAt(i - 1);
  if (pm < 0 && i >= 3 && (Flags(i - 3) & kTokPossessive) && InList(kTitleModifiers, Tok(i - 1)))
    pm = MentionEndingAt(i - 2);
  // A state word inside a longer unknown name is that name's, not the
  // office's: "Shell U.K. Chairman Bob Reid" chairs a company.
  bool qualified_by_unknown = false;
  if (pm >= 0 && out_->mentions[pm].last_token == i) {
    const uint32_t first = out_->mentions[pm].first_token;
    if (first > 0 && Cap(first - 1) && !Common(first - 1) && !(Flags(first - 1) & kTokSentenceStart) &&
        !(Flags(first - 1) & kTokPunct) && MentionEndingAt(first) < 0) {
      pm = -1;
      qualified_by_unknown = true;
    }
  }
  // A capitalised word right before the title that names nothing known
  // ("Bank President Barber Conable") qualifies the title the same way.
  // "Government negotiator Vera Grabe": the state's office, whichever title
  // it is (below: the story's country when it dominates).
  const bool of_government = pm < 0 && i > 0 && EqualsFolded(Tok(i - 1), "government");
  // "former U.S. President Barack Obama" no longer leads the country.
  const uint32_t title_phrase = pm >= 0 && out_->mentions[pm].last_token == i ? out_->mentions[pm].first_token : i;
  const bool former = title_phrase > 0 && (EqualsFolded(Tok(title_phrase - 1), "former") ||
                                           EqualsFolded(Tok(title_phrase - 1), "ex") ||
                                           EqualsFolded(Tok(title_phrase - 1), "late"));
  if (pm < 0 && i > 0 && Cap(i - 1) && !(Flags(i - 1) & kTokSentenceStart) && !(Flags(i - 1) & kTokPunct) &&
      MentionEndingAt(i) < 0 && !of_government)
    qualified_by_unknown = true;
  // A compound adjective before the title says who backs or leads the
  // holder ("the U.S.-backed interim President Hamid Karzai"), not whose
  // office it is.
  if (pm >= 0 && out_->mentions[pm].form == MentionForm::kCompoundAdj) pm = -1;
  // Appositive title: a possessive title and a name set off by commas
  // ("Qatar's prime minister, Sheikh Mohammed ..., held talks").
  // So is a determined one with a state word ("his Azerbaijani counterpart,
  // Jeyhun Bayramov,", "the Iraqi foreign minister, Hoshyar Zebari,").
  auto determined = [&] {
    if (pm < 0 || MentionEndingAt(i) != pm || !Lower(i)) return false;
    const uint32_t first = out_->mentions[pm].first_token;
    if (first == 0) return false;
    static constexpr std::string_view kDeterminers[] = {"the", "his", "her", "its", "their"};
    return InListFolded(kDeterminers, Tok(first - 1));
  };
  const bool appositive = pm >= 0 && (MentionEndingAt(i) != pm || determined()) && Tok(j) == "," &&
                          j + 2 < end && (Flags(j + 1) & kTokCapitalized) && !(Flags(j + 1) & kTokPunct);
  if (appositive) ++j;
  // A lower-case one-word title that is an ordinary word ("chief",
  // "major", "private") is an adjective here, unless it is an appositive.
  // Right after its owner ("Houthi spokesman Yahya Saree", "the Foreign
  // Ministry's spokeswoman Maria Zakharova") it is the office.
  // The owner must be an actor the lexicon knows: an unqualified "Foreign
  // Ministry" is nobody's in particular.
  const bool owned = pm >= 0 && (MentionEndingAt(i) == pm || (i >= 1 && Tok(i - 1) == "'s")) &&
                     lex_->FindCanonical(out_->entities[out_->mentions[pm].entity].name) != nullptr;
  if (title_len == 1 && Lower(i) && Common(i) && !appositive && !owned && !of_government) return 0;
  // "summoned France's ambassador Monday": a date is no name.
  if (owned && !appositive && Lower(i) && Common(i)) {
    static constexpr std::string_view kDateWords[] = {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
        "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Today", "Tonight"};
    for (std::string_view d : kDateWords)
      if (Tok(j) == d) return 0;
  }
  // "Minister for Trade Negotiations Michael Duffy": the complement of a
  // capitalised "X for/of ..." title belongs to the title, whether the
  // lexicon title stops before it ("Minister") or inside it ("Minister for
  // Trade"): at least one word after a bare "for"/"of", then ordinary words
  // while more than two capitalised words remain; the rest is the name.
  if (!appositive && Cap(i)) {
    bool open_complement = false;
    for (uint32_t k = i + 1; k < i + title_len; ++k) open_complement |= Tok(k) == "for" || Tok(k) == "of";
    uint32_t c = j;
    if (c + 1 < end && (Tok(c) == "for" || Tok(c) == "of") && Cap(c + 1)) {
      c += 2;  // the preposition and the complement's first word
      open_complement = true;
    }
    if (open_complement) {
      uint32_t r = c;
      while (r < end && Cap(r) && IsWord(r)) {
        ++r;
        if (Flags(r - 1) & kTokPossessive) break;
      }
      while (c + 2 < r && Common(c)) ++c;
      if (c > j) {
        if (c >= r) return 0;
        j = c;
      }
    }
  }
  uint32_t person = kNone, name_end = j;
  if (Flags(j) & kTokCapitalized) {
    uint32_t l;
    bool dem;
    const Lexicon::Entry* e = EntityAt(j, end, &l, &dem);
    if (e != nullptr && e->kind == graph::EntityKind::kPerson) {
      name_end = j + l;
    } else if (e == nullptr || (l == 1 && (Flags(j) & kTokAbbreviation) && Tok(j).size() == 2)) {
      name_end = NameAfter(j, end);
      // "General Motors", "General Agreement": a capitalised title that is
      // an ordinary word needs a name with a word that is not one.
      bool all_common = true;
      for (uint32_t k = j; k < name_end; ++k) all_common &= Common(k);
      if (name_end > j && (!LooksLikePerson(j, name_end) ||
                           (all_common && title_len == 1 && Common(i) && res_.PersonByWord(Tok(name_end - 1)) == kNone)))
        name_end = j;
    }
    // An appositive name ends the apposition: a comma or the sentence end.
    if (appositive && name_end > j && name_end < end && Tok(name_end) != "," && Tok(name_end) != ".")
      name_end = j;
    if (name_end > j) person = res_.RegisterPerson(j, name_end);
  }
  if (person == kNone) return 0;
  uint32_t target = kNone;
  if (pm >= 0) {
    graph::EntityKind k = out_->entities[out_->mentions[pm].entity].kind;
    if (k == graph::EntityKind::kCountry || k == graph::EntityKind::kGovernmentBody ||
        k == graph::EntityKind::kInternationalOrg || k == graph::EntityKind::kOrganization ||
        k == graph::EntityKind::kArmedGroup || k == graph::EntityKind::kMilitaryUnit ||
        k == graph::EntityKind::kMedia)
      target = out_->mentions[pm].entity;
  }
  confirmed_people_.push_back(person);
  int32_t mi = res_.Emit(j, name_end, person, MentionForm::kName, title.title);
  if (pm >= 0 && target != kNone && out_->mentions[pm].form == MentionForm::kName &&
      out_->mentions[pm].last_token == i && out_->entities[target].kind == graph::EntityKind::kCountry)
    out_->mentions[pm].form = MentionForm::kModifier;
  if (pm >= 0 && target != kNone && out_->mentions[pm].last_token == i) out_->mentions[pm].head = mi;
  Cover(j, name_end);
  titled_.push_back(TitledPerson{mi, static_cast<uint32_t>(&title - lex_->titles().data()), target,
                                 target != kNone ? 0.9f : 0.f, qualified_by_unknown, of_government, former});
  return name_end - i;
}

uint32_t Recognizer::TryHonorific(uint32_t i, uint32_t end) {
  if (!InList(kHonorifics, Tok(i)) || i + 1 >= end || !(Flags(i + 1) & kTokCapitalized)) return 0;
  uint32_t name_end = NameAfter(i + 1, end);
  if (name_end <= i + 1 || !LooksLikePerson(i + 1, name_end)) return 0;
  uint32_t person = res_.RegisterPerson(i + 1, name_end);
  if (person == kNone) return 0;
  confirmed_people_.push_back(person);
  res_.Emit(i + 1, name_end, person, MentionForm::kName);
  Cover(i, name_end);
  return name_end - i;
}

uint32_t Recognizer::TrySaidPerson(uint32_t i, uint32_t end) {
  if (headline_ || i + 2 >= end) return 0;
  if (!(Cap(i) && Cap(i + 1) && IsWord(i) && IsWord(i + 1))) return 0;
  if (Common(i) || Common(i + 1) || (Flags(i) & kTokAllCaps) || (Flags(i + 1) & kTokAllCaps)) return 0;
  // Part of a longer name ("General Motors Corp said").
  if (i > 0 && out_->tokens[i - 1].sentence == sentence_ && Cap(i - 1) && IsWord(i - 1)) return 0;
  if (!LooksLikePerson(i, i + 2) || IsDateWord(i + 1, end)) return 0;
  std::string_view v = Tok(i + 2);
  if (!(v == "said" || v == "says" || v == "told" || v == "added" || v == "stated" || v == "warned")) return 0;
  uint32_t l;
  bool dem;
  if (EntityAt(i + 1, i + 2, &l, &dem) != nullptr) return 0;
  uint32_t person = res_.RegisterPerson(i, i + 2);
  if (person == kNone) return 0;
  confirmed_people_.push_back(person);
  res_.Emit(i, i + 2, person, MentionForm::kName);
  return 2;
}

bool Recognizer::IsTitleOrCommonWord(std::string_view word) const {
  if (lex_->IsCommonWord(word)) return true;
  Lexicon::Match m = lex_->MatchWord(word);
  for (uint32_t k = 0; k < m.count; ++k)
    if (m.values[k].kind == LexKind::kTitle) return true;
  return false;
}

// "the Bush administration", "the Modi government": the state its leader's
// surname names, when everyone of that surname in the lexicon is of one
// country. Before the lexicon and the surname rules, which would make the
// word the person.
uint32_t Recognizer::TryLeaderGovernment(uint32_t i, uint32_t end) {
  static constexpr std::string_view kGoverningNouns[] = {"administration", "government", "regime", "cabinet"};
  if (i + 1 >= end || !Lower(i + 1) || !InListFolded(kGoverningNouns, Tok(i + 1))) return 0;
  if (i > 0 && out_->tokens[i - 1].sentence == sentence_ && Cap(i - 1) && IsWord(i - 1) &&
      !(Flags(i - 1) & kTokSentenceStart))
    return 0;  // part of a longer name ("the Kenyan Ruto government" is read elsewhere)
  const std::vector<uint32_t>* people = lex_->PeopleWithSurname(keys_[i]);
  if (people == nullptr || IsTitleOrCommonWord(Tok(i))) return 0;
  // A name the lexicon has whole ("Obama administration": the White House).
  if (lex_->LongestMatch(*out_, i, end, keys_.data(), first_nodes_.data()).length >= 2) return 0;
  std::string_view code;
  for (uint32_t index : *people) {
    const std::string_view c = lex_->entries()[index].country;
    if (c.empty() || (!code.empty() && c != code)) return 0;
    code = c;
  }
  const Lexicon::Entry* state = lex_->CountryByCode(code);
  if (state == nullptr) return 0;
  res_.Emit(i, i + 1, res_.ForEntry(*state, ""), MentionForm::kMetonym);
  return 1;
}

uint32_t Recognizer::TryBareSurname(uint32_t i, uint32_t end) {
  const uint16_t f = Flags(i);
  if (!(f & kTokCapitalized) || (f & (kTokAllCaps | kTokCommonWord | kTokPunct | kTokAbbreviation))) return 0;
  // Part of a longer name ("Nancy Reagan", "Reagan Washington Airport").
  if (i > 0 && out_->tokens[i - 1].sentence == sentence_ && Cap(i - 1) && IsWord(i - 1) &&
      !(Flags(i - 1) & kTokSentenceStart && Common(i - 1)))
    return 0;
  if (i + 1 < end && Cap(i + 1) && IsWord(i + 1)) return 0;
  // A place's name ("the Qandil mountains", "the Kandahar region").
  if (i + 1 < end && Lower(i + 1) && InListFolded(kNamedPlaceNouns, Tok(i + 1))) return 0;
  if (lex_->PeopleWithSurname(keys_[i]) == nullptr || IsTitleOrCommonWord(Tok(i))) return 0;
  const size_t before = out_->entities.size();
  uint32_t person = res_.RegisterPerson(i, i + 1);
  if (person == kNone) return 0;
  if (out_->entities.size() > before) bare_people_.push_back(person);
  res_.Emit(i, i + 1, person, MentionForm::kName);
  return 1;
}

void Recognizer::ResolveSurnames() {
  // The countries (ISO-3) the document mentions.
  doc_countries_.clear();
  for (const Mention& m : out_->mentions) {
    if (m.entity >= out_->entities.size() || m.form == MentionForm::kCompoundAdj) continue;
    const graph::Entity& e = out_->entities[m.entity];
    if (e.kind != graph::EntityKind::kCountry || e.country.empty()) continue;
    bool seen = false;
    for (uint32_t c : doc_countries_) seen |= out_->entities[c].country == e.country;
    if (!seen) doc_countries_.push_back(m.entity);
  }
  const uint32_t n = static_cast<uint32_t>(out_->entities.size());
  for (uint32_t p = 0; p < n; ++p) {
    const graph::Entity& e = out_->entities[p];
    if (e.kind != graph::EntityKind::kPerson || e.name.find(' ') != std::string::npos) continue;
    if (lex_->FindCanonical(e.name) != nullptr) continue;
    // A single name that is a title or an ordinary word ("chairman Lord
    // King", "King said") is not evidence of the lexicon person of that
    // surname.
    const bool title_or_common = IsTitleOrCommonWord(e.name);
    const Lexicon::Entry* found = nullptr;
    bool ambiguous = false;
    bool confirmed = false;
    for (uint32_t c : confirmed_people_) confirmed |= c == p;
    const std::vector<uint32_t>* people = title_or_common ? nullptr : lex_->PeopleWithSurname(TokenKey(e.name));
    if (people != nullptr) {
      for (uint32_t index : *people) {
        const Lexicon::Entry& cand = lex_->entries()[index];
        // A name after a title or honorific whose surname only one lexicon
        // person bears is that person wherever the story is set.
        bool plausible = confirmed && people->size() == 1;
        for (uint32_t c : doc_countries_) plausible |= !cand.country.empty() && out_->entities[c].country == cand.country;
        if (!plausible) continue;
        if (found != nullptr && found != &cand) ambiguous = true;
        found = &cand;
      }
    }
    if (found != nullptr && !ambiguous) {
      uint32_t existing = res_.FindEntry(*found);
      if (existing == kNone) {
        res_.BecomeEntry(p, *found);
        continue;
      }
      // The person is already in the document under the full name: its
      // mentions and relations move there.
      for (Mention& m : out_->mentions)
        if (m.entity == p) m.entity = existing;
      for (DocAnalysis::Structural& r : out_->structural) {
        if (r.source == p) r.source = existing;
        if (r.target == p) r.target = existing;
      }
      res_.AddAlias(existing, out_->entities[p].name);
      continue;
    }
    bool bare = false;
    for (uint32_t b : bare_people_) bare |= b == p;
    if (bare && !confirmed)
      for (Mention& m : out_->mentions)
        if (m.entity == p) m.entity = kNone;
  }
}

void Recognizer::TitleRelations() {
  for (const TitledPerson& t : titled_) {
    const Mention& m = out_->mentions[t.mention];
    if (m.entity == kNone) continue;
    const Lexicon::Title& title = lex_->titles()[t.title];
    uint32_t target = t.target;
    float conf = t.confidence;
    // An office of a body the lexicon does not know: no country is guessed.
    if (target == kNone && t.qualified_by_unknown) continue;
    if (target == kNone) {
      // The person's own country, from the lexicon, wins over any guess.
      const graph::Entity& p = out_->entities[m.entity];
      if (!p.country.empty())
        if (const Lexicon::Entry* c = lex_->CountryByCode(p.country)) {
          target = res_.ForEntry(*c, "");
          conf = 0.8f;
        }
    }
    if (target == kNone) {
      // The same person given a country or body elsewhere in the document
      // ("US President Donald Trump" ... "President Trump").
      for (const TitledPerson& o : titled_) {
        if (o.target != kNone && out_->mentions[o.mention].entity == m.entity) {
          target = o.target;
          conf = 0.8f;
          break;
        }
      }
    }
    // Only national-government roles fall back to the document's country,
    // and only when one country dominates the document (a cleric, a general
    // or a militant leader is not a member of it, and a story about trade
    // between two countries does not say whose minister is meant).
    const std::string& cls = title.title_class;
    const bool national = cls == "head-of-state" || cls == "head-of-government" || cls == "minister" ||
                          t.of_government;
    bool fallback = false;
    if (target == kNone && national) {
      // ...and is named in this sentence or the one before, so that a
      // minister quoted in passing is not given the story's main country.
      target = DominantCountry();
      if (target != kNone && !MentionedNear(target, m.sentence)) target = kNone;
      fallback = target != kNone;
      conf = 0.6f;
    }
    if (target == kNone) continue;
    res_.AddStructural(m.entity, target, graph::RelationType::kMemberOf, m.sentence, title.title, conf, title.title);
    // A person the lexicon does not know takes the country of a national
    // office it holds ("Mexican president Enrique Pena Nieto" is Mexican).
    if (!fallback && out_->entities[m.entity].country.empty() &&
        out_->entities[target].kind == graph::EntityKind::kCountry)
      out_->entities[m.entity].country = out_->entities[target].country;
    // Leader of a country only for heads of state or government (a
    // minister with leader=yes leads a ministry, not the country); leader
    // of a body for any leader title.
    graph::EntityKind k = out_->entities[target].kind;
    // A plain "leader" written against its country ("North Korea's leader",
    // "the country's leader, ...") leads that country too.
    const bool plain_leader = t.target != kNone && (title.title == "Leader" || title.title == "leader");
    const bool head_of_country = title.title_class == "head-of-state" || plain_leader ||
                                 title.title_class == "head-of-government" || title.title_class == "royal";
    if (title.leader && !fallback && !t.former && ((k == graph::EntityKind::kCountry && head_of_country) ||
                         k == graph::EntityKind::kOrganization || k == graph::EntityKind::kInternationalOrg ||
                         k == graph::EntityKind::kGovernmentBody || k == graph::EntityKind::kArmedGroup ||
                         k == graph::EntityKind::kMilitaryUnit))
      res_.AddStructural(m.entity, target, graph::RelationType::kLeaderOf, m.sentence, title.title, conf,
                         title.title);
  }
}

void Recognizer::LedByRelations() {
  // "The RSF, led by General Mohamed Hamdan Dagalo, ...": the person after
  // "led by" (and up to four title words) leads the body or group the
  // participle phrase is set off from by a comma. Mentions are sorted.
  const std::vector<Mention>& ms = out_->mentions;
  for (size_t k = 1; k < ms.size(); ++k) {
    const Mention& p = ms[k];
    if (p.form != MentionForm::kName || out_->entities[p.entity].kind != graph::EntityKind::kPerson) continue;
    const uint32_t sb = out_->sentences[p.sentence].first_token;
    uint32_t by = p.first_token;
    uint32_t skipped = 0;
    while (by > sb && skipped <= 4 && Tok(by - 1) != "by") {
      if (Flags(by - 1) & (kTokPunct | kTokQuote | kTokNumber)) break;
      --by;
      ++skipped;
    }
    if (by < sb + 3 || Tok(by - 1) != "by" || Tok(by - 2) != "led" || Tok(by - 3) != ",") continue;
    const uint32_t comma = by - 3;
    const Mention* owner = nullptr;
    for (size_t o = k; o-- > 0 && ms[o].sentence == p.sentence;) {
      if (ms[o].last_token == comma) owner = &ms[o];
      if (ms[o].last_token <= comma) break;
    }
    if (owner == nullptr || owner->form == MentionForm::kModifier || owner->form == MentionForm::kCompoundAdj) continue;
    const graph::EntityKind kind = out_->entities[owner->entity].kind;
    if (kind != graph::EntityKind::kArmedGroup && kind != graph::EntityKind::kOrganization &&
        kind != graph::EntityKind::kInternationalOrg && kind != graph::EntityKind::kGovernmentBody &&
        kind != graph::EntityKind::kMilitaryUnit && kind != graph::EntityKind::kGroup)
      continue;
    res_.AddStructural(p.entity, owner->entity, graph::RelationType::kLeaderOf, p.sentence, "led by", 0.8f);
  }
}

void Recognizer::BackedByRelations() {
  // An actor set off by a comma, then an optional apposition of a group
  // noun ("an Iraqi militia"), then participles of backing joined by "and"
  // or commas, then "by" and the backer. Mentions are sorted.
  static constexpr std::string_view kBacking[] = {"backed",  "armed",    "funded", "supported", "sponsored",
                                                  "trained", "financed", "equipped"};
  static constexpr std::string_view kGroupNouns[] = {"militia", "group",   "movement", "force",   "faction",
                                                     "organisation", "organization", "rebels", "militias",
                                                     "alliance", "coalition", "party"};
  auto acting_group = [&](const Mention& m) {
    if (m.form == MentionForm::kModifier || m.form == MentionForm::kCompoundAdj) return false;
    const graph::EntityKind k = out_->entities[m.entity].kind;
    return k == graph::EntityKind::kArmedGroup || k == graph::EntityKind::kOrganization ||
           k == graph::EntityKind::kGroup || k == graph::EntityKind::kMilitaryUnit;
  };
  const std::vector<Mention>& ms = out_->mentions;
  for (size_t k = 1; k < ms.size(); ++k) {
    const Mention& backer = ms[k];
    const graph::EntityKind bk = out_->entities[backer.entity].kind;
    if (backer.form == MentionForm::kCompoundAdj || bk == graph::EntityKind::kLocation ||
        bk == graph::EntityKind::kFacility || bk == graph::EntityKind::kPerson)
      continue;
    const uint32_t sb = out_->sentences[backer.sentence].first_token;
    uint32_t t = backer.first_token;
    if (t > sb && Is(t - 1, "the")) --t;
    if (t < sb + 3 || !Is(t - 1, "by")) continue;
    // Back over the participles: "armed and funded", "trained, armed and funded".
    uint32_t p = t - 1, participles = 0;
    while (p > sb && participles < 4) {
      if (InListFolded(kBacking, Tok(p - 1))) {
        ++participles;
        --p;
      } else if (participles > 0 && p - 1 > sb && (Is(p - 1, "and") || Is(p - 1, ",")) &&
                 InListFolded(kBacking, Tok(p - 2))) {
        --p;
      } else {
        break;
      }
    }
    if (participles == 0 || !InListFolded(kBacking, Tok(p))) continue;
    // An apposition before them: ", an Iraqi militia".
    uint32_t comma = p - 1;
    uint32_t demonym_country = kNone;
    if (!Is(comma, ",")) {
      uint32_t noun = p - 1;
      if (!InListFolded(kGroupNouns, Tok(noun))) continue;
      uint32_t q = noun;
      while (q > sb && noun - q < 4 && !Is(q - 1, ",")) --q;
      if (q <= sb || !Is(q - 1, ",")) continue;
      comma = q - 1;
      for (size_t o = k; o-- > 0 && ms[o].sentence == backer.sentence;) {
        if (ms[o].first_token < q) break;
        if (ms[o].last_token <= noun && out_->entities[ms[o].entity].kind == graph::EntityKind::kCountry)
          demonym_country = ms[o].entity;
      }
    }
    const Mention* owner = nullptr;
    for (size_t o = k; o-- > 0 && ms[o].sentence == backer.sentence;) {
      if (ms[o].last_token == comma) owner = &ms[o];
      if (ms[o].last_token <= comma) break;
    }
    if (owner == nullptr || !acting_group(*owner) || owner->entity == backer.entity) continue;
    res_.AddStructural(owner->entity, backer.entity, graph::RelationType::kBackedBy, backer.sentence,
                       Tok(p), 0.75f);
    if (demonym_country != kNone && out_->entities[owner->entity].kind == graph::EntityKind::kArmedGroup)
      res_.AddStructural(owner->entity, demonym_country, graph::RelationType::kLocatedIn, backer.sentence,
                         Tok(p), 0.7f);
  }
}

}  // namespace geokg::ingest::internal
