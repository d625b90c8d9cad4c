// The Relater's tree pass: sentences that can hold an event (two actors and
// a verb or noun of the event lexicon) are tagged and parsed, and their
// events read from the tree (events/tree_events.h) are emitted through the
// same checks as the trigger rules' (relate_emit.cc).
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>

#include "ingest/relate_words.h"
#include "ingest/relater.h"
#include "ingest/text.h"
#include "ingest/verbs.h"
#include "graph/ontology.h"

namespace geokg::ingest::relate_internal {

// Events with a candidate name (DocAnalysis::candidates) for an actor are
// less sure: the name's kind is a guess.
inline constexpr float kCandidateFactor = 0.85f;

// Longer sentences are lists, tables or run-ons the parser reads poorly.
inline constexpr uint32_t kMaxParsedTokens = 70;

namespace {

// "long-standing sanctions", "far-reaching reforms", "so-called talks": a
// hyphenated word ending in -ing or -ed just before a noun modifies it. The
// tagger and parser learnt from a treebank that splits such words; they
// read many of them as verbs that take the noun as their object. Such a
// word is given to them as a plain adjective, as names are given as
// "Iraq" (ParsedWord). Returns whether any word was replaced.
bool AdjectiveCompounds(std::vector<std::string_view>* words, const parse::SentenceParse& p) {
  bool replaced = false;
  for (size_t i = 0; i + 1 < words->size(); ++i) {
    const std::string_view w = (*words)[i];
    if (p.upos[i] != parse::Upos::kVerb || w.find('-') == std::string_view::npos) continue;
    if (!(w.ends_with("ing") || w.ends_with("ed"))) continue;
    if (p.upos[i + 1] != parse::Upos::kNoun && p.upos[i + 1] != parse::Upos::kPropn) continue;
    (*words)[i] = "new";
    replaced = true;
  }
  return replaced;
}

}  // namespace

// The word the parser reads for an actor's run of tokens that ends at
// `last`: a proper noun the tagger knows well, so that names it never saw
// ("Beijing" or "Nauert" at the start of a sentence) and actors named by a
// common word ("U.S. military", read as an adjective) parse as the noun
// phrases they are; plurals, possessives, modifiers and pronouns keep
// their own word.
std::string_view Relater::ParsedWord(int mention, uint32_t last) const {
  const std::string_view word = doc_.TokenText(last);
  if (mention < 0) return word;
  const Mention& m = doc_.mentions[mention];
  // Demonyms and compound adjectives modify ("Syrian forces", "Iran-backed").
  if (m.form == MentionForm::kModifier || m.form == MentionForm::kCompoundAdj) return word;
  if (m.form == MentionForm::kPronoun) return word;
  if (doc_.tokens[last].flags & kTokPossessive) return word;
  if (word.size() > 3 && word.back() == 's' && !(doc_.tokens[last].flags & kTokAllCaps))
    return word;  // a plural ("the Kurds", "Syrian rebels") keeps its number
  // A role noun ("the American diplomat", "the Kenyan government") keeps
  // its word, which patterns read ("expel diplomat"); a word the tagger
  // reads as an adjective ("U.S. military") does not.
  if (!word.empty() && std::islower(static_cast<unsigned char>(word[0])) &&
      word != "military" && word != "security" && word != "intelligence")
    return word;
  // "FARC rebels attacked", "Hamas fighters": a name before a force noun
  // modifies it, and reads as a demonym does (the parser would take
  // "Iraq rebels" for a subject and its verb).
  if (last + 1 < doc_.tokens.size() && doc_.tokens[last + 1].sentence == doc_.tokens[last].sentence &&
      words::IsForceNoun(doc_.TokenText(last + 1)) && doc_.entities[m.entity].kind != EntityKind::kPerson)
    return "Iraqi";
  return doc_.entities[m.entity].kind == EntityKind::kPerson ? "Smith" : "Iraq";
}

// The first token after a dateline ("KABUL, Afghanistan -", "LONDON,
// March 3 -", "Canadian Press - VANCOUVER (CP) -"): capitalised words,
// places, agencies, dates and punctuation up to a dash in the first words.
// The parser would read the place as the sentence's subject. 0 if none.
uint32_t Relater::DatelineEnd() const {
  constexpr uint32_t kMaxDateline = 12;
  uint32_t end = 0;
  for (uint32_t i = 0; i < v_.size() && i < kMaxDateline; ++i) {
    const std::string_view w = v_.W(i);
    if (w == "-" || w == "--" || w == "\u2014" || w == "\u2013") {
      end = i + 1;
      continue;
    }
    // "New York (CNN)French President ...": an agency's credit in brackets
    // ends a dateline with no dash.
    if (w == ")" && i >= 2 && v_.W(i - 2) == "(" && v_.MentionAt(i - 1) >= 0 &&
        doc_.entities[doc_.mentions[v_.MentionAt(i - 1)].entity].kind == EntityKind::kMedia) {
      end = i + 1;
      break;
    }
    // "NEW YORK, March 3 -": a date may stand in it.
    if (v_.IsPunct(i) || v_.IsNumber(i) || v_.MentionAt(i) >= 0) continue;
    if (v_.Tok(i).flags & kTokCapitalized) continue;
    break;
  }
  return end < v_.size() ? end : 0;
}

// The number of title words from sentence token i up to a person's mention
// ("Secretary of State", "Foreign Minister", "Gen."), or 0 when the words
// from i are not all title words or no person follows them.
uint32_t Relater::TitleRunBefore(uint32_t i, uint32_t n) const {
  static constexpr std::string_view kTitleWords[] = {
      "minister", "secretary", "president", "prime", "foreign", "defence", "defense", "interior",
      "of", "state", "general", "gen.", "chancellor", "chief", "spokesman", "spokeswoman",
      "ambassador", "envoy", "senator", "sen.", "rep.", "governor", "mayor", "king", "queen",
      "prince", "crown", "vice", "deputy", "leader", "commander", "admiral", "colonel", "col.",
      "lt.", "sheikh", "supreme", "premier", "finance", "trade", "home", "justice", "attorney",
      "national", "security", "adviser", "advisor", "director", "speaker", "judge", "senior",
      "chairman", "secretary-general", "under", "affairs", "external", "army", "staff", "navy"};
  constexpr uint32_t kMaxRun = 5;
  // After a modifier ("Philippine President X", "European Council
  // President X") the title keeps the two apart: the parser reads those.
  if (i > 0 && v_.MentionAt(i - 1) >= 0) return 0;
  // Only a whole title: not its tail ("State" in "US Secretary of State").
  if (i > 0 && (v_.W(i - 1) == "of" || (v_.Tok(i - 1).flags & kTokCapitalized))) return 0;
  // "Vietnam's Prime Minister X": the owner needs its noun.
  if (i > 0 && (v_.W(i - 1) == "'s" || v_.W(i - 1) == "\u2019s")) return 0;
  uint32_t k = i;
  while (k < n && k < i + kMaxRun && v_.MentionAt(k) < 0) {
    const std::string_view w = v_.W(k);
    if (w != "of" && !(v_.Tok(k).flags & kTokCapitalized)) return 0;
    if (std::find(std::begin(kTitleWords), std::end(kTitleWords), w) == std::end(kTitleWords)) return 0;
    ++k;
  }
  if (k == i || k >= n || v_.W(i) == "of" || v_.W(k - 1) == "of") return 0;
  const int m = v_.MentionAt(k);
  if (m < 0 || doc_.entities[doc_.mentions[m].entity].kind != EntityKind::kPerson) return 0;
  if (doc_.mentions[m].first_token != v_.first_token() + k) return 0;
  return k - i;
}

void Relater::TreeEvents(uint32_t first_mention, uint32_t end_mention) {
  s_.tree_triggers.clear();
  const uint32_t n = v_.size();
  if (n < 3 || n > kMaxParsedTokens) return;
  // Two distinct actors at least, one of which can act (a place does not;
  // a news agency credited in a dateline is no actor, nor is the
  // dateline's place: "LONDON, March 3 - ...").
  const uint32_t dateline_end = DatelineEnd();
  int first = -1;
  bool two = false, agent = false;
  for (uint32_t m = first_mention; m < end_mention; ++m) {
    if (doc_.mentions[m].first_token < v_.first_token() + dateline_end) continue;
    // A modifier of another actor ("Kenyan" in "Kenyan police") is no
    // second party: the structural relation comes from recognition.
    if (doc_.mentions[m].head >= 0) continue;
    const uint32_t e = doc_.mentions[m].entity;
    const EntityKind kind = doc_.entities[e].kind;
    if (kind == EntityKind::kMedia) continue;
    agent |= !IsPlace(kind);
    if (first < 0) first = static_cast<int>(e);
    else two |= e != static_cast<uint32_t>(first);
  }
  // The sentence's candidate names (DocAnalysis::candidates) count as
  // actors beside at least one the recognizer knows.
  const auto by_sentence = [](const Mention& c, uint32_t s) { return c.sentence < s; };
  const uint32_t first_candidate = static_cast<uint32_t>(
      std::lower_bound(doc_.candidates.begin(), doc_.candidates.end(), si_, by_sentence) -
      doc_.candidates.begin());
  uint32_t end_candidate = first_candidate;
  while (end_candidate < doc_.candidates.size() && doc_.candidates[end_candidate].sentence == si_)
    ++end_candidate;
  // Without two known actors, a candidate must stand next to the event
  // word ("police arrested Disha Ravi", "NHTSA opened an investigation"):
  // news names many people and companies in sentences that hold no event
  // between them and a known actor, and parsing is most of ingest's cost.
  const bool known_pair = two && agent;
  if (!known_pair && (first < 0 || end_candidate == first_candidate)) return;
  // Near: within four tokens, so that a role or an outlet may stand between
  // ("released Al Jazeera journalist Mahmoud Hussein"); two missed a
  // hundredth of the coded sentences for 7% less parsing.
  auto next_to_candidate = [&](uint32_t i) {
    constexpr uint32_t kReach = 4;
    const uint32_t at = v_.first_token() + i;
    for (uint32_t c = first_candidate; c < end_candidate; ++c) {
      const Mention& m = doc_.candidates[c];
      if ((m.last_token <= at && at - m.last_token < kReach) || (m.first_token > at && m.first_token - at <= kReach))
        return true;
    }
    return false;
  };

  // A word outside the actors that may be a form of a lexicon verb or noun,
  // neither generic nor only a CAMEO word of cooperation (EventLexicon::
  // IsStrong), before anything is tagged: most sentences with two actors
  // state no event, and tagging and parsing are most of ingest's cost.
  // A generic verb of our own lexicon ("meet", "give", "call") counts only
  // when an actor follows it closely ("will meet Abe", "gave $2 million to
  // Nigeria"), as it does in most of the events it names.
  constexpr uint32_t kGenericReach = 7;
  // kWord: a form of a lexicon word, a stance adjective or a tie noun,
  // which its tag must confirm; kForm: a demand ("must" after an actor),
  // whose event starts at a verb of speech elsewhere.
  enum class Trigger { kNone, kForm, kWord };
  auto trigger_at = [&](uint32_t i) {
    if (v_.MentionAt(i) >= 0 || v_.IsPunct(i) || v_.IsNumber(i)) return Trigger::kNone;
    uint64_t lemma = 0;
    const uint64_t key = TokenKey(doc_.TokenText(v_.first_token() + i));
    // "said North Korea must do more": a demand on the actor before "must".
    const bool demand = i > 0 && v_.MentionAt(i - 1) >= 0 && IsObligation(key);
    if (known_pair && demand) return Trigger::kForm;
    if (known_pair && (IsStanceAdjective(key) || IsTieNoun(key))) return Trigger::kWord;
    if (!events_->lexicon->MaybeTrigger(key, &lemma) || !events_->lexicon->IsStrong(lemma)) return Trigger::kNone;
    if (!known_pair && !next_to_candidate(i)) return Trigger::kNone;
    if (!IsGenericLemma(lemma)) return Trigger::kWord;
    if (events_->lexicon->HasOwn(lemma))
      for (uint32_t j = i + 1; j < n && j <= i + kGenericReach; ++j)
        if (v_.MentionAt(j) >= 0) return Trigger::kWord;
    return Trigger::kNone;
  };
  uint32_t first_trigger = 0;
  while (first_trigger < n && trigger_at(first_trigger) == Trigger::kNone) ++first_trigger;
  if (first_trigger == n) return;

  // Each multi-word actor is parsed as one word (its last), so that the
  // parser, trained on web text, does not have to read "Israeli Prime
  // Minister Benjamin Netanyahu" or "the Popular Mobilisation Forces":
  // names of news actors are where it errs most.
  s_.words.clear();
  s_.tree_mention_at.clear();
  s_.tree_begin.clear();
  const uint32_t sentence_first = v_.first_token();
  const int candidate_base = static_cast<int>(doc_.mentions.size());
  uint32_t next_candidate = first_candidate;
  // A headline in title case ("Iran Warns Its Missiles Can Hit Israel")
  // reads as a run of names to a parser trained on ordinary text: its
  // words other than actors are given in lower case.
  uint32_t capitalised = 0, plain_words = 0;
  for (uint32_t i = 0; i < n; ++i) {
    if (v_.MentionAt(i) >= 0 || v_.IsPunct(i) || v_.IsNumber(i)) continue;
    ++plain_words;
    if (v_.Tok(i).flags & kTokCapitalized) ++capitalised;
  }
  const bool title_case = plain_words >= 3 && capitalised * 10 >= plain_words * 7;
  for (uint32_t i = dateline_end; i < n;) {
    const int m = v_.MentionAt(i);
    uint32_t end = i + 1;
    // A title before a person the recognizer did not fold into the name
    // ("Secretary of State Antony Blinken", "Foreign Minister X"): the
    // parser reads the title as the head and the person as its modifier.
    // It is left out, so the person stands where the title did.
    if (m < 0 && !title_case) {
      const uint32_t run = TitleRunBefore(i, n);
      if (run > 0) {
        i += run;
        continue;
      }
    }
    if (m >= 0) {
      while (end < n && v_.MentionAt(end) == m) ++end;
      s_.words.push_back(ParsedWord(m, sentence_first + end - 1));
      // A news agency is a credit ("AP -", "(Reuters)"), never an actor here.
      s_.tree_mention_at.push_back(doc_.entities[doc_.mentions[m].entity].kind == EntityKind::kMedia ? -1 : m);
    } else {
      while (next_candidate < end_candidate && doc_.candidates[next_candidate].first_token < sentence_first + i)
        ++next_candidate;
      if (next_candidate < end_candidate && doc_.candidates[next_candidate].first_token == sentence_first + i) {
        // A candidate name reads as one proper noun, as an actor does.
        const Mention& c = doc_.candidates[next_candidate];
        end = std::min(n, c.last_token - sentence_first);
        s_.words.push_back(doc_.entities[c.entity].kind == EntityKind::kPerson ? "Smith" : "Iraq");
        s_.tree_mention_at.push_back(candidate_base + static_cast<int>(next_candidate));
      } else {
        s_.words.push_back(title_case ? v_.W(i) : doc_.TokenText(sentence_first + i));
        s_.tree_mention_at.push_back(-1);
      }
    }
    s_.tree_begin.push_back(i);
    i = end;
  }
  s_.tree_begin.push_back(n);
  const parse::Model& model = *events_->parser;
  // Tagging is a quarter of the parser's cost: the word-form test above
  // decides before it. The parse itself waits until a word's tag and lemma
  // make it an event word ("talks" a noun, "fire" a verb).
  model.Tag(s_.words, &s_.parse);
  if (AdjectiveCompounds(&s_.words, s_.parse)) model.Tag(s_.words, &s_.parse);
  if (!MayHoldTreeEvent(s_.parse, *events_->lexicon)) return;
  // The parse waits until a word that made the sentence worth tagging is
  // an event word by its tag and lemma too: "trade" or "shares" as nouns,
  // "march" as a month, "official" as an adjective are not, and the events
  // other words would then give are too few to pay for the parse (12% of
  // the parses of the shared corpus, 2% of the sentences with a tree event;
  // docs/ingest-benchmarks.md, "Sixth session").
  bool confirmed = false;
  for (uint32_t i = first_trigger; i < n && !confirmed; ++i) {
    const Trigger t = trigger_at(i);
    if (t != Trigger::kWord) {
      confirmed = t == Trigger::kForm;
      continue;
    }
    // The parsed word that starts at token i, if any (not in a dateline, a
    // title run or a candidate name).
    const auto at = std::lower_bound(s_.tree_begin.begin(), s_.tree_begin.end() - 1, i);
    confirmed = at != s_.tree_begin.end() - 1 && *at == i &&
                MayStartTreeEvent(s_.parse, *events_->lexicon, static_cast<uint32_t>(at - s_.tree_begin.begin()));
  }
  if (!confirmed) return;
  model.ParseTagged(s_.words, &s_.parse);

  TreeInput in;
  in.doc = &doc_;
  in.first_token = v_.first_token();
  in.words = s_.words;
  in.mention_at = s_.tree_mention_at;
  in.parse = &s_.parse;
  in.lexicon = events_->lexicon;
  s_.tree_events.clear();
  FindTreeEvents(in, &s_.tree_events, &s_.tree);
  static const bool debug = std::getenv("GEOKG_DEBUG_TREE") != nullptr;
  if (debug) {
    // One line a parsed word: index, word, lemma, UPOS, head, relation,
    // the actor it names; then the events found.
    for (size_t i = 0; i < s_.words.size(); ++i) {
      const int m = s_.tree_mention_at[i];
      std::fprintf(stderr, "%zu\t%.*s\t%.*s\t%.*s\t%d\t%.*s\t%s\n", i + 1,
                   static_cast<int>(s_.words[i].size()), s_.words[i].data(),
                   static_cast<int>(s_.parse.Lemma(i).size()), s_.parse.Lemma(i).data(),
                   static_cast<int>(parse::NameOf(s_.parse.upos[i]).size()),
                   parse::NameOf(s_.parse.upos[i]).data(), s_.parse.head[i] + 1,
                   static_cast<int>(parse::NameOf(s_.parse.dep[i]).size()),
                   parse::NameOf(s_.parse.dep[i]).data(),
                   m >= 0 ? doc_.entities[in.MentionOf(m).entity].name.c_str() : "");
    }
    for (const TreeEvent& e : s_.tree_events)
      std::fprintf(stderr, "  -> %s %.*s %s (%.*s)\n",
                   doc_.entities[in.MentionOf(e.source).entity].name.c_str(),
                   static_cast<int>(graph::NameOf(e.type).size()), graph::NameOf(e.type).data(),
                   doc_.entities[in.MentionOf(e.target).entity].name.c_str(),
                   static_cast<int>(graph::NameOf(e.modality).size()),
                   graph::NameOf(e.modality).data());
  }
  // "X and Y held talks with Z": those who meet or negotiate together meet
  // each other too (not those who fight or agree with a third party).
  const size_t found = s_.tree_events.size();
  for (size_t a = 0; a < found; ++a)
    for (size_t b = a + 1; b < found; ++b) {
      const TreeEvent& x = s_.tree_events[a];
      const TreeEvent& y = s_.tree_events[b];
      if (x.type != y.type || x.trigger_begin != y.trigger_begin || x.target != y.target ||
          x.source == y.source || x.modality != y.modality ||
          (x.type != RelationType::kMetWith && x.type != RelationType::kNegotiatedWith))
        continue;
      // Only meetings and talks ("welcomed the visit" together is no meeting).
      bool talks = false;
      for (uint32_t w = x.trigger_begin; w < x.trigger_end && w < s_.words.size(); ++w) {
        const std::string_view l = s_.parse.Lemma(w);
        talks |= l == "meet" || l == "talk" || l == "negotiation" || l == "negotiate" || l == "meeting";
      }
      if (!talks) continue;
      TreeEvent both = x;
      both.target = y.source;
      both.confidence = std::min(x.confidence, y.confidence) * 0.9f;
      s_.tree_events.push_back(both);
    }
  in_tree_pass_ = true;
  for (const TreeEvent& e : s_.tree_events) {
    const uint32_t tb = s_.tree_begin[e.trigger_begin], te = s_.tree_begin[e.trigger_end];
    Modality modality = e.modality;
    if (v_.Quoted(tb)) modality = Weaker(modality, Modality::kReported);
    if (e.target >= candidate_base) {
      // One capitalised word as an object is as often a place, a product
      // or a company ("Detroit", "Amazon") as a person: only acronyms
      // stand there. As a subject it is most often a surname ("Suharto").
      const Mention& c = in.MentionOf(e.target);
      if (c.last_token - c.first_token == 1 && !(doc_.tokens[c.first_token].flags & kTokAllCaps)) continue;
    }
    if (e.source >= candidate_base || e.target >= candidate_base) {
      // A candidate name has no place in the sentence view: straight to
      // the entity checks.
      std::string trigger(TrimView(doc_.text.substr(
          v_.Tok(tb).begin, v_.Tok(te - 1).end - v_.Tok(tb).begin)));
      EmitEntities(in.MentionOf(e.source).entity, e.type, in.MentionOf(e.target).entity, modality,
                   e.confidence * caps_factor_ * kCandidateFactor, si_, std::move(trigger), {});
    } else {
      EmitOne(e.source, e.type, e.target, modality, e.confidence * caps_factor_, tb, te);
    }
    s_.tree_triggers.emplace_back(tb, te);
  }
  in_tree_pass_ = false;
}

}  // namespace geokg::ingest::relate_internal
