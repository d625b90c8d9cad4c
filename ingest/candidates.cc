// Candidate names: capitalised runs of words that no recognizer took and
// the lexicon does not know ("Disha Ravi", "Moussa Tchangari", "the Art Loss
// Register", "NHTSA"). News names far more people and bodies than any
// lexicon holds; an event coder codes them all. They stay out of the
// document's mentions (so no trigger rule, pronoun or co-mention reads
// them, and no node is made for them) until the tree pass finds one as the
// subject or object of an event (relate_tree.cc). Part of the Recognizer
// (recognize_internal.h).
#include <iterator>
#include <string_view>
#include <unordered_set>

#include "ingest/recognize_internal.h"
#include "ingest/text.h"

namespace geokg::ingest::internal {
namespace {

// Words that make a name a body (or, below, an organisation), not a person.
constexpr std::string_view kBodyWords[] = {
    "Administration", "Agency", "Assembly", "Authority", "Board", "Bureau", "Cabinet", "Commission",
    "Committee", "Congress", "Council", "Court", "Department", "Directorate", "Legislature", "Ministry",
    "Office", "Parliament", "Police", "Senate", "Service", "Services", "Tribunal", "Government"};
constexpr std::string_view kOrganisationWords[] = {
    "Alliance", "Army", "Association", "Bank", "Brigade", "Brigades", "Cartel", "Centre", "Center",
    "Coalition", "Company", "Corp", "Corporation", "Federation", "Forces", "Foundation", "Front",
    "Fund", "Group", "Inc", "Institute", "League", "Ltd", "Movement", "Network", "Organisation",
    "Organization", "Party", "Register", "Society", "Union", "University", "Watch"};
// Lower-case words that may join the words of one name ("and" joins two
// names more often than it sits inside one).
constexpr std::string_view kJoiners[] = {"of", "for", "de", "del", "la", "al", "bin", "van", "von"};
// Capitalised words that begin sentences or headings and name nothing.
constexpr std::string_view kNotNames[] = {
    "The", "A", "An", "In", "On", "At", "But", "And", "Mr", "Mrs", "Ms", "Dr", "President", "Minister",
    "Prime", "Secretary", "General", "Chief", "Foreign", "Defence", "Defense", "Interior", "Senator",
    "Governor", "Mayor", "King", "Queen", "Prince", "Sheikh", "Gen", "Col", "Lt", "Sgt", "Capt",
    "Rep", "Sen", "Gov", "St", "Saint", "North", "South", "East", "West", "Northern", "Southern",
    "Eastern", "Western", "Central", "New", "Old", "Great", "Upper", "Lower", "Greater", "English",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "God", "Allah", "Islam", "Muslim", "Muslims", "Christian", "Christians",
    "Jewish", "Jews", "Arab", "Arabs", "Islamic", "Islamist", "Shiite", "Shia", "Sunni", "Catholic", "Covid", "COVID", "AIDS", "HIV", "UN", "EU", "TV", "CEO",
    "GMT", "EST", "AM", "PM", "A.D", "B.C", "BCE", "Inc", "Corp", "Co", "Ltd", "Reuters", "AP", "AFP", "Twitter",
    "Facebook", "Internet", "Olympics", "Olympic", "Christmas", "Easter", "Ramadan", "Eid", "Jan",
    "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "USD", "EUR", "GBP",
    "JPY", "CNY", "Ebola", "Zika", "SARS", "MERS", "Coronavirus", "Omicron", "Delta", "Brexit",
    // Words that open sentences (and, after a dateline, look like names).
    "As", "If", "So", "It", "He", "She", "We", "They", "This", "That", "These", "Those", "When",
    "While", "After", "Before", "With", "For", "From", "By", "To", "Of", "Or", "Yet", "Still",
    "Also", "Now", "Then", "Here", "There", "Peace", "Key", "Top", "Why", "How", "What", "Who"};

// Endings of words that are adherents or doctrines, not names ("Islamist",
// "Islamophobia"). Demonyms ("Nigerian") are the lexicon's to know: "-ian"
// and "-ic" also end names ("Sebastian", "Vucic").
constexpr std::string_view kNotNameEndings[] = {"ist", "ists", "ism", "isms", "phobia", "phobic"};

bool EndsWithAny(std::string_view w) {
  for (std::string_view e : kNotNameEndings)
    if (w.size() > e.size() + 2 && w.substr(w.size() - e.size()) == e) return true;
  return false;
}

// Whether w is one of kNotNames: asked of every capitalised word no mention
// covers, so one hash rather than comparisons with its 190 words.
bool IsNotName(std::string_view w) {
  static const std::unordered_set<std::string_view> kSet(std::begin(kNotNames), std::end(kNotNames));
  return kSet.count(w) != 0;
}

bool Trim(std::string_view w, std::string_view* out) {
  while (!w.empty() && (w.back() == '.' || w.back() == ',')) w.remove_suffix(1);
  *out = w;
  return !w.empty();
}

}  // namespace

void Recognizer::FindCandidates() {
  DocAnalysis& doc = *out_;
  const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  covered_.assign(n, 0);
  for (const Mention& m : doc.mentions)
    for (uint32_t i = m.first_token; i < m.last_token && i < n; ++i) covered_[i] = 1;
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sent = doc.sentences[s];
    if (sent.noise) continue;
    const uint32_t b = sent.first_token, e = std::min(n, sent.first_token + sent.token_count);
    // A line in capitals or in title case (a headline) has no names to
    // tell apart from its other words.
    const CaseCounts cc = CountCase(doc, b, e);
    if (cc.words >= 3 && cc.all_caps * 10 >= cc.words * 6) continue;
    if (cc.words >= 3 && cc.capitalised * 10 >= cc.words * 7) continue;
    for (uint32_t i = b; i < e;) {
      auto name_word = [&](uint32_t k) {
        const uint16_t f = Flags(k);
        // Hyphenated words are compounds ("ISIS-held", "US-Iran"), not names.
        if (covered_[k] || !(f & kTokCapitalized) ||
            (f & (kTokPunct | kTokNumber | kTokQuote | kTokHyphenated)))
          return false;
        std::string_view w;
        if (!Trim(Tok(k), &w) || IsNotName(w) || EndsWithAny(w)) return false;
        // A word the lexicon knows alone (a demonym such as "European", a
        // title, a group read as no mention here) is not an unknown name.
        return lex_->LongestMatch(*out_, k, k + 1, keys_.data(), first_nodes_.data()).length == 0;
      };
      if (!name_word(i)) {
        ++i;
        continue;
      }
      // [i, k): capital words and inner joiners; a possessive ends the run.
      uint32_t k = i + 1, last = i + 1;
      if (!(Flags(i) & kTokPossessive))
        while (k < e && k < i + 6) {
          if (name_word(k)) {
            last = ++k;
            if (Flags(k - 1) & kTokPossessive) break;
          } else if (!covered_[k] && InList(kJoiners, Tok(k)) && k + 1 < e && name_word(k + 1)) {
            ++k;
          } else {
            break;
          }
        }
      const uint32_t first = i;
      i = std::max(k, i + 1);
      const uint32_t len = last - first;
      // What the run names: a body or an organisation by one of its words
      // ("Agency for ...", "... Foundation"), an acronym, else a person.
      std::string_view tail;
      Trim(Tok(last - 1), &tail);
      graph::EntityKind kind = graph::EntityKind::kPerson;
      for (uint32_t t = first; t < last && kind == graph::EntityKind::kPerson; ++t) {
        std::string_view w;
        Trim(Tok(t), &w);
        if (InList(kBodyWords, w)) kind = graph::EntityKind::kGovernmentBody;
        else if (InList(kOrganisationWords, w)) kind = graph::EntityKind::kOrganization;
      }
      if (kind == graph::EntityKind::kPerson && len == 1 && (Flags(first) & kTokAllCaps) && tail.size() >= 3 &&
          tail.size() <= 6)
        kind = graph::EntityKind::kOrganization;
      // The first word of a sentence, or after a dateline's dash or a
      // colon, is capitalised whatever it is.
      const bool initial = (Flags(first) & kTokSentenceStart) || first == b ||
                           (first > b && (Flags(first - 1) & kTokPunct) && Tok(first - 1) != ",");
      // "KEY talks", "British FM": an English word or a two-letter
      // abbreviation in capitals is no name.
      if (len == 1 && (Flags(first) & kTokAllCaps) && (lex_->IsCommonKey(keys_[first]) || tail.size() < 3)) continue;
      // "KEY talks between ...", "A MAN suspected of ...": wire copy sets
      // the first word of a lead in capitals, so a lone unknown word in
      // capitals there, before lower-case text, is an ordinary word
      // ("key", "man" are names too, so not in the common words).
      const bool lead_in = initial || (first == b + 1 && IsUpperToken(Tok(b)));
      if (len == 1 && (Flags(first) & kTokAllCaps) && lead_in && last < e && !(Flags(last) & kTokPunct) &&
          !(Flags(last) & (kTokCapitalized | kTokAllCaps)))
        continue;
      if (kind == graph::EntityKind::kPerson) {
        // A person's name is one to three words none of which is an
        // English word ("Meyer", "Disha Ravi"; not "Art Loss", not
        // "Counsel Peter Robb", not a sentence's first word).
        if (len > 3) continue;
        bool plain = true;
        for (uint32_t t = first; t < last; ++t) plain &= !lex_->IsCommonKey(keys_[t]);
        if (!plain) continue;
        if (len == 1 && initial) continue;
      } else if (len == 1 && !(Flags(first) & kTokAllCaps)) {
        continue;  // "Government", "Police": a common noun capitalised
      }
      graph::Entity entity;
      entity.name = std::string(SpanName(first, last));
      entity.kind = kind;
      Mention m;
      m.first_token = first;
      m.last_token = last;
      m.sentence = s;
      m.entity = static_cast<uint32_t>(doc.entities.size());
      doc.entities.push_back(std::move(entity));
      doc.candidates.push_back(m);
    }
  }
}

}  // namespace geokg::ingest::internal
