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

// Whether a word has the form AdjectiveCompounds looks for ("long-standing",
// "so-called"), whatever its tag.
bool AdjectiveCompoundForm(std::string_view w) {
  return w.find('-') != std::string_view::npos && (w.ends_with("ing") || w.ends_with("ed"));
}

// "long-standing sanctions", "far-reaching reforms", "so-called talks": a
// hyphenated word ending in -ing or -ed just before a noun (or adjectives
// and a noun) modifies it. The
// tagger and parser learnt from a treebank that splits such words; they
// read many of them as verbs that take the noun as their object. Such a
// word is given to them as a plain adjective, as names are given as
// "Iraq" (ParsedWord). Returns whether any word was replaced.
bool AdjectiveCompounds(std::vector<std::string_view>* words, const parse::SentenceParse& p) {
  bool replaced = false;
  for (size_t i = 0; i + 1 < words->size(); ++i) {
    const std::string_view w = (*words)[i];
    if (p.upos[i] != parse::Upos::kVerb || !AdjectiveCompoundForm(w)) continue;
    // Adjectives may stand between ("U.S.-backed interim President").
    size_t k = i + 1;
    while (k + 1 < words->size() && k < i + 3 && p.upos[k] == parse::Upos::kAdj) ++k;
    if (p.upos[k] != parse::Upos::kNoun && p.upos[k] != parse::Upos::kPropn) continue;
    (*words)[i] = "new";
    replaced = true;
  }
  return replaced;
}

// "formed an alliance with Niger called the Alliance of Sahel States": the
// parser, which saw few reduced relatives in training, reads the naming
// participle as a clause of its own with the noun before it as subject.
// The noun goes back to the verb the participle hung from, as its object,
// and the participle becomes the noun's clause. Only for naming verbs
// followed by a name, so that "an alliance called for talks" stays.
void NamingParticiples(const std::vector<std::string_view>& words, parse::SentenceParse* p) {
  using parse::Dep;
  const int n = static_cast<int>(p->size());
  for (int v = 1; v + 1 < n; ++v) {
    const std::string_view lemma = p->Lemma(v);
    if (!(lemma == "call" || lemma == "name" || lemma == "dub")) continue;
    if (p->head[v] < 0 || !(p->dep[v] == Dep::kCcomp || p->dep[v] == Dep::kXcomp || p->dep[v] == Dep::kConj ||
                            p->dep[v] == Dep::kParataxis || p->dep[v] == Dep::kDep))
      continue;
    // The name right after: "called the Alliance ...", "named Operation X".
    const int next = words[v + 1] == "the" && v + 2 < n ? v + 2 : v + 1;
    if (p->upos[next] != parse::Upos::kPropn) continue;
    int subject = -1;
    bool finite = false;
    for (int c = 0; c < n; ++c) {
      if (p->head[c] != v) continue;
      if (p->dep[c] == Dep::kNsubj && c < v) subject = c;
      finite |= p->dep[c] == Dep::kAux || p->dep[c] == Dep::kAuxPass || p->dep[c] == Dep::kMark;
    }
    if (subject < 0 || finite || p->upos[subject] != parse::Upos::kNoun) continue;
    // The subject's phrase must end just before the participle.
    bool in_phrase = false;
    for (int h = p->head[v - 1]; h >= 0 && !in_phrase; h = p->head[h]) in_phrase = h == subject;
    if (v - 1 != subject && !in_phrase) continue;
    p->head[subject] = p->head[v];
    p->dep[subject] = p->upos[p->head[v]] == parse::Upos::kVerb ? Dep::kObj : p->dep[v];
    p->head[v] = subject;
    p->dep[v] = Dep::kAcl;
  }
}

// "Iraq's government said 16 people were killed, including civilians, and
// summoned the US envoy": the parser joins the finite verb to the nearest
// noun. A verb is not a conjunct of a noun; it goes to the nearest verb
// above that noun written in the same form ("summoned" with "said", not
// with "killed"), else the nearest verb above it.
void VerbsConjoinedToNouns(parse::SentenceParse* p) {
  using parse::Dep;
  using parse::Upos;
  const int n = static_cast<int>(p->size());
  for (int v = 0; v < n; ++v) {
    if (p->upos[v] != Upos::kVerb || p->dep[v] != Dep::kConj || p->head[v] < 0) continue;
    const int noun = p->head[v];
    if (p->upos[noun] != Upos::kNoun && p->upos[noun] != Upos::kPropn) continue;
    int same_form = -1, nearest = -1;
    for (int h = p->head[noun], steps = 0; h >= 0 && steps < n; h = p->head[h], ++steps) {
      if (p->upos[h] != Upos::kVerb) continue;
      if (nearest < 0) nearest = h;
      if (p->xpos[h] == p->xpos[v]) {
        same_form = h;
        break;
      }
    }
    const int to = same_form >= 0 ? same_form : nearest;
    if (to >= 0 && to < v) p->head[v] = to;
  }
}

// "On Monday, Stoltenberg called Erdogan": the parser may read the one
// name after an active verb as a predicate ("called him Smith"), which
// needs an object beside it. An actor alone there is the object.
void LoneActorPredicates(const std::vector<int>& mention_at, parse::SentenceParse* p) {
  using parse::Dep;
  const int n = static_cast<int>(p->size());
  for (int c = 1; c < n; ++c) {
    if (p->dep[c] != Dep::kXcomp || mention_at[c] < 0 || p->upos[c] != parse::Upos::kPropn) continue;
    const int v = p->head[c];
    if (v < 0 || v > c || p->upos[v] != parse::Upos::kVerb) continue;
    bool object_or_passive = false;
    for (int k = 0; k < n; ++k)
      if (p->head[k] == v)
        object_or_passive |= p->dep[k] == Dep::kObj || p->dep[k] == Dep::kIobj || p->dep[k] == Dep::kNsubjPass ||
                             p->dep[k] == Dep::kAuxPass;
    if (!object_or_passive) p->dep[c] = Dep::kObj;
  }
  // "called Russian Foreign Minister Lavrov": a demonym before the object's
  // phrase read as a predicate of the verb modifies the object.
  for (int c = 1; c + 1 < n; ++c) {
    if (p->dep[c] != Dep::kXcomp || p->upos[c] != parse::Upos::kAdj || mention_at[c] < 0) continue;
    const int v = p->head[c];
    if (v < 0 || v > c) continue;
    int object = -1;
    for (int k = c + 1; k < n && object < 0; ++k)
      if (p->head[k] == v && p->dep[k] == Dep::kObj) object = k;
    if (object < 0) continue;
    bool inside = true;  // the words between belong to the object's phrase
    for (int k = c + 1; k < object && inside; ++k) {
      int h = p->head[k];
      for (int steps = 0; h >= 0 && h != object && steps < n; ++steps) h = p->head[h];
      inside = h == object;
    }
    if (!inside) continue;
    p->head[c] = object;
    p->dep[c] = Dep::kAmod;
  }
  // "battled Shiite militiamen loyal to cleric X": the parser may read an
  // actor and the adjective phrase after it as a small clause ("found them
  // guilty"), the actor its subject. With no object beside it and a
  // complement after the adjective, the actor is the verb's object and the
  // adjective phrase describes it.
  for (int c = 2; c < n; ++c) {
    if ((p->dep[c] != Dep::kCcomp && p->dep[c] != Dep::kXcomp) || p->upos[c] != parse::Upos::kAdj) continue;
    const int v = p->head[c];
    if (v < 0 || v > c || p->upos[v] != parse::Upos::kVerb) continue;
    int subject = -1;
    bool complement = false, object = false;
    for (int k = 0; k < n; ++k) {
      if (p->head[k] == c && k < c && p->dep[k] == Dep::kNsubj && mention_at[k] >= 0 && k > v) subject = k;
      if (p->head[k] == c && k > c) complement = true;
      // "must be ready to mediate": a clause of its own.
      if (p->head[k] == c && (p->dep[k] == Dep::kCop || p->dep[k] == Dep::kAux)) object = true;
      if (p->head[k] == v && (p->dep[k] == Dep::kObj || p->dep[k] == Dep::kNsubjPass)) object = true;
    }
    if (subject < 0 || !complement || object) continue;
    p->head[subject] = v;
    p->dep[subject] = Dep::kObj;
    p->head[c] = subject;
    p->dep[c] = Dep::kAmod;
  }
}

// Verbs whose subject does what their infinitive names ("plotted to kill",
// "vowed to fight"): no passive of theirs takes one, as "troops ordered to
// leave" does.
constexpr std::string_view kSubjectControl[] = {
    "plot", "plan", "vow", "pledge", "promise", "threaten", "agree", "decide", "refuse", "offer",
    "try", "attempt", "seek", "want", "hope", "aim", "fail", "vote", "resolve", "decline",
    "continue", "begin", "start", "struggle", "rush", "scramble", "undertake", "intend"};

// The sentence's root token (the last one without a head), -1 if none.
int RootOf(const parse::SentenceParse& p) {
  int root = -1;
  for (int k = 0; k < static_cast<int>(p.size()); ++k)
    if (p.head[k] < 0) root = k;
  return root;
}

// Whether a is k or one of k's heads.
bool Dominates(const parse::SentenceParse& p, int a, int k) {
  for (int steps = 0; k >= 0 && steps <= static_cast<int>(p.size()); ++steps, k = p.head[k])
    if (k == a) return true;
  return false;
}

// The word of the preposition (case child) of token k, empty if none.
std::string_view CaseWord(const std::vector<std::string_view>& words, const parse::SentenceParse& p, int k) {
  for (int c = 0; c < static_cast<int>(p.size()); ++c)
    if (p.head[c] == k && p.dep[c] == parse::Dep::kCase) return words[c];
  return {};
}

// "Israeli troops arrested three Hamas leaders", "Colombian rebels plotted
// to kill him", "a delegation of X here on Thursday called on Y to ...": in
// a sentence the parser finds no other verb for, it may read the verb as a
// reduced relative of the noun before it ("troops arrested in the raid"),
// its object as a bare oblique. The first participle hanging in the root
// noun's phrase right after that phrase, with no auxiliary, subject or
// agent of its own, is the sentence's verb (the noun its subject) when
// what follows is what only an active verb takes: a noun phrase that no
// preposition introduces (then its object), the infinitive of a verb of
// intention, or an appeal "on" an actor.
void ReducedRelativesAsVerbs(const EventLexicon& lexicon, const std::vector<std::string_view>& words,
                             const std::vector<int>& mention_at, parse::SentenceParse* p) {
  using parse::Dep;
  const int n = static_cast<int>(p->size());
  const int root = RootOf(*p);
  if (root < 0 || (p->upos[root] != parse::Upos::kNoun && p->upos[root] != parse::Upos::kPropn)) return;
  // "Pakistan bombs suspected al-Qaida camp": a root written as an event
  // verb's "-s" form after its subject is more likely the headline's verb
  // itself ("Delegates at the conference called on X" opens with its noun).
  if (root > 0 && words[root].ends_with("s") && lexicon.IsVerb(p->lemma_key[root])) return;
  for (int v = root + 1; v < n; ++v) {
    // ("Police in Kenya disperse protesters": a headline's present verb
    // may be read as a clause beside the noun.)
    const bool beside = p->dep[v] == Dep::kParataxis && p->head[v] == root;
    if ((p->dep[v] != Dep::kAcl && !beside) || p->upos[v] != parse::Upos::kVerb || p->head[v] < root ||
        p->head[v] > v || !Dominates(*p, root, p->head[v]))
      continue;
    // A past form; "missiles carrying warheads" is a clause of the noun.
    const std::string_view x = parse::XposName(p->xpos[v]);
    if (x != "VBD" && x != "VBN" && !(beside && (x == "VBP" || x == "VBZ"))) continue;
    bool inside = true;  // the words between are the noun's own
    for (int k = root + 1; k < v && inside; ++k) inside = Dominates(*p, root, k);
    if (!inside) break;
    const std::string_view lemma = p->Lemma(v);
    int object = -1;
    bool own = false, active = false;
    for (int k = 0; k < n; ++k) {
      if (p->head[k] != v) continue;
      own |= p->dep[k] == Dep::kAux || p->dep[k] == Dep::kAuxPass || p->dep[k] == Dep::kMark ||
             p->dep[k] == Dep::kNsubj || p->dep[k] == Dep::kNsubjPass || p->dep[k] == Dep::kOblAgent;
      if (k < v) continue;
      const std::string_view prep = CaseWord(words, *p, k);
      own |= prep == "by";
      if ((p->dep[k] == Dep::kAdvcl || p->dep[k] == Dep::kXcomp) &&
          std::find(std::begin(kSubjectControl), std::end(kSubjectControl), lemma) != std::end(kSubjectControl)) {
        for (int c = 0; c < k; ++c) active |= p->head[c] == k && p->dep[c] == Dep::kMark && words[c] == "to";
      }
      if (lemma == "call" && prep == "on" && mention_at[k] >= 0) active = true;
      // (A name alone after the verb may be read as its predicate: see
      // LoneActorPredicates.)
      const bool lone_name = p->dep[k] == Dep::kXcomp && p->upos[k] == parse::Upos::kPropn && mention_at[k] >= 0;
      if (object >= 0 || (p->dep[k] != Dep::kObl && p->dep[k] != Dep::kObj && !lone_name) || !prep.empty()) continue;
      object = k;
    }
    if (own || (object < 0 && !active)) break;
    for (int k = v + 1; k < n; ++k)
      if (p->head[k] == root) p->head[k] = v;  // the sentence's punctuation and adjuncts
    p->head[v] = -1;
    p->dep[v] = Dep::kRoot;
    p->head[root] = v;
    p->dep[root] = Dep::kNsubj;
    if (object >= 0) p->dep[object] = Dep::kObj;
    break;
  }
}

// "Striking a personal chord, Prime Minister Singh invited the rebels": the
// parser may hang the subject after an opening participle's comma inside
// the participle's phrase (as a vocative, an apposition or an object), or
// read the participle as the subject. A name there, with the root verb
// after it lacking a subject, is that verb's subject.
void SubjectsAfterOpeningParticiples(const std::vector<std::string_view>& words, const std::vector<int>& mention_at,
                                     parse::SentenceParse* p) {
  using parse::Dep;
  const int n = static_cast<int>(p->size());
  if (n < 4 || p->upos[0] != parse::Upos::kVerb || (p->dep[0] != Dep::kAdvcl && p->dep[0] != Dep::kCsubj)) return;
  const std::string_view x = parse::XposName(p->xpos[0]);
  if (x != "VBG" && x != "VBN") return;
  const int root = p->head[0];
  if (root < 0 || p->head[root] >= 0 || p->upos[root] != parse::Upos::kVerb) return;
  for (int k = 0; k < n; ++k)
    if (p->head[k] == root && (p->dep[k] == Dep::kNsubj || p->dep[k] == Dep::kNsubjPass || p->dep[k] == Dep::kExpl))
      return;
  for (int k = 2; k < root; ++k) {
    if (!Dominates(*p, 0, k) || mention_at[k] < 0 || words[k - 1] != ",") continue;
    if (p->dep[k] != Dep::kVocative && p->dep[k] != Dep::kAppos && p->dep[k] != Dep::kObj && p->dep[k] != Dep::kDep &&
        p->dep[k] != Dep::kNsubj)
      continue;
    p->head[k] = root;
    p->dep[k] = Dep::kNsubj;
    p->dep[0] = Dep::kAdvcl;  // ("Striking a chord" read as the subject)
    // What hung on the name (a day, a title) goes with it to the verb.
    for (int c = k + 1; c < root; ++c)
      if (p->head[c] >= 0 && p->head[c] < k && Dominates(*p, 0, c) && p->dep[c] == Dep::kOblUnmarked) p->head[c] = root;
    return;
  }
}

// "US hostage killed by Iraqi kidnappers": a headline's passive has no
// auxiliary, and the parser may read its patient as the subject of an
// active verb with an agent. A past participle with a "by" agent and no
// object of its own is passive: its subject is the patient.
void HeadlinePassives(const std::vector<std::string_view>& words, parse::SentenceParse* p) {
  using parse::Dep;
  const int n = static_cast<int>(p->size());
  for (int v = 1; v < n; ++v) {
    if (p->upos[v] != parse::Upos::kVerb || parse::XposName(p->xpos[v]) != "VBN") continue;
    int subject = -1;
    bool agent = false, object = false;
    for (int k = 0; k < n; ++k) {
      if (p->head[k] != v) continue;
      if (p->dep[k] == Dep::kNsubj && k < v) subject = k;
      // ("sealed off Gaza by shutting the crossings": a means, no agent.)
      agent |= k > v && p->upos[k] != parse::Upos::kVerb && parse::XposName(p->xpos[k]) != "VBG" &&
               (p->dep[k] == Dep::kOblAgent || p->dep[k] == Dep::kObl) && CaseWord(words, *p, k) == "by";
      // ("Mali and Burkina Faso, also run by juntas, have formed an
      // alliance": a verb conjoined to it may be the subject's real one.)
      object |= p->dep[k] == Dep::kObj || p->dep[k] == Dep::kIobj || p->dep[k] == Dep::kAux ||
                p->dep[k] == Dep::kAuxPass || (p->dep[k] == Dep::kConj && p->upos[k] == parse::Upos::kVerb);
    }
    if (subject >= 0 && agent && !object) p->dep[subject] = Dep::kNsubjPass;
  }
}

// "Sudan unleashes offensive in Darfur": a headline's event noun with no
// article may be read as an adjective complement of the verb. An adjective
// the event lexicon knows as a noun, alone as the complement of a verb with
// no object, is its object.
void EventNounsReadAsAdjectives(const EventLexicon& lexicon, parse::SentenceParse* p) {
  using parse::Dep;
  const int n = static_cast<int>(p->size());
  for (int a = 1; a < n; ++a) {
    if (p->upos[a] != parse::Upos::kAdj || p->dep[a] != Dep::kXcomp || !lexicon.IsNoun(p->lemma_key[a])) continue;
    const int v = p->head[a];
    if (v < 0 || v > a || p->upos[v] != parse::Upos::kVerb) continue;
    bool object = false, own = false;
    for (int k = 0; k < n; ++k) {
      if (p->head[k] == v) object |= p->dep[k] == Dep::kObj || p->dep[k] == Dep::kIobj;
      if (p->head[k] == a) own |= p->dep[k] == Dep::kNsubj || p->dep[k] == Dep::kCop || k > a;
    }
    if (object || own) continue;
    p->upos[a] = parse::Upos::kNoun;
    p->dep[a] = Dep::kObj;
  }
}

// "EU draft draws fire in Turkey", "Saudi Arabia lifts blockade of Qatar": a
// verb in "-s" before a bare noun (headline style) may be read as a plural
// noun, the subject of the noun after it read as a verb in its base form.
// Such a pair that the event lexicon knows as a verb and its object ("draw
// fire", "lift blockade") is the verb and its object; the words before it
// are the subject's phrase.
void VerbsReadAsPluralSubjects(const EventLexicon& lexicon, const std::vector<std::string_view>& words,
                               const std::vector<int>& mention_at, parse::SentenceParse* p) {
  using parse::Dep;
  const int n = static_cast<int>(p->size());
  const int root = RootOf(*p);
  if (root < 2 || p->upos[root] != parse::Upos::kVerb) return;
  const std::string_view x = parse::XposName(p->xpos[root]);
  const int verb = root - 1;
  if ((x != "VB" && x != "VBP") || p->head[verb] != root || p->dep[verb] != Dep::kNsubj ||
      p->upos[verb] != parse::Upos::kNoun || !words[verb].ends_with("s"))
    return;
  const auto patterns = lexicon.Verb(p->lemma_key[verb]);
  if (std::none_of(patterns.begin(), patterns.end(),
                   [&](const VerbPattern& vp) { return vp.object_key == p->lemma_key[root]; }))
    return;
  // The subject's phrase: the words before, hung on the "-s" word, one of
  // them naming an actor.
  int subject = -1;
  bool names = false;
  for (int k = 0; k < verb; ++k) {
    names |= mention_at[k] >= 0;
    if (p->head[k] == verb && (p->dep[k] == Dep::kCompound || p->dep[k] == Dep::kAmod)) subject = k;
  }
  if (subject < 0 || !names) return;
  for (int k = 0; k < verb; ++k)
    if (k != subject && p->head[k] == verb) p->head[k] = subject;
  p->head[subject] = verb;
  p->dep[subject] = Dep::kNsubj;
  for (int k = root + 1; k < n; ++k)
    if (p->head[k] == root) p->head[k] = verb;
  p->head[verb] = -1;
  p->dep[verb] = Dep::kRoot;
  p->upos[verb] = parse::Upos::kVerb;
  p->head[root] = verb;
  p->dep[root] = Dep::kObj;
  p->upos[root] = parse::Upos::kNoun;
}

// "UN shrugs off US demands to boost Iraq presence": a plural event noun
// after an actor may be read as a second verb, conjoined with no "and" or
// comma, the actor its subject. With the first verb lacking an object, the
// noun is that object and the actor its modifier.
void PluralNounsReadAsVerbs(const EventLexicon& lexicon, const std::vector<std::string_view>& words,
                            const std::vector<int>& mention_at, parse::SentenceParse* p) {
  using parse::Dep;
  const int n = static_cast<int>(p->size());
  for (int v = 2; v < n; ++v) {
    const int h = p->head[v];
    if (p->upos[v] != parse::Upos::kVerb || p->dep[v] != Dep::kConj || h < 0 || h > v ||
        p->upos[h] != parse::Upos::kVerb || !words[v].ends_with("s") || !lexicon.IsNoun(p->lemma_key[v]))
      continue;
    const int actor = v - 1;
    if (p->head[actor] != v || p->dep[actor] != Dep::kNsubj || mention_at[actor] < 0) continue;
    bool joined = false, object = false;
    for (int k = 0; k < n; ++k) {
      if (p->head[k] == v && k < v && (p->dep[k] == Dep::kCc || p->dep[k] == Dep::kPunct)) joined = true;
      if (p->head[k] == h && (p->dep[k] == Dep::kObj || p->dep[k] == Dep::kIobj)) object = true;
    }
    if (joined || object || words[actor - 1] == ",") continue;
    p->upos[v] = parse::Upos::kNoun;
    p->dep[v] = Dep::kObj;
    p->dep[actor] = Dep::kCompound;
  }
}

// "rebels plotted to kill the president", "vowed to fight on": the parser
// may read the infinitive after a verb of intention as a clause of purpose.
// With no object between, it is the verb's complement (what the subject
// would do), as ModalityAt and the intention rules read it.
void InfinitivesOfIntention(const std::vector<std::string_view>& words, parse::SentenceParse* p) {
  using parse::Dep;
  static constexpr std::string_view kIntending[] = {"plot", "plan", "vow", "pledge", "promise", "threaten",
                                                    "agree", "refuse", "offer", "try", "attempt", "seek",
                                                    "want", "hope", "aim", "intend", "decline", "fail"};
  const int n = static_cast<int>(p->size());
  for (int x = 1; x < n; ++x) {
    const int v = p->head[x];
    if (p->dep[x] != Dep::kAdvcl || v < 0 || v > x || p->upos[v] != parse::Upos::kVerb ||
        std::find(std::begin(kIntending), std::end(kIntending), p->Lemma(v)) == std::end(kIntending))
      continue;
    bool to = false, between = false;
    for (int k = v + 1; k < x; ++k) {
      if (p->head[k] == x && p->dep[k] == Dep::kMark && words[k] == "to") to = true;
      else if (p->head[k] == v && (p->dep[k] == Dep::kObj || p->dep[k] == Dep::kIobj)) between = true;
    }
    if (to && !between) p->dep[x] = Dep::kXcomp;
  }
}

// "called on Thursday on Nigeria to intervene", "met on Monday with the
// rebels": a phrase after a day or a date is read as its modifier; it is
// the verb's, as the day is. ("the night of July 4" keeps its "of".)
void PhrasesAfterDays(const std::vector<std::string_view>& words, parse::SentenceParse* p) {
  using parse::Dep;
  static constexpr std::string_view kDays[] = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
      "tomorrow", "tonight", "morning", "afternoon", "evening", "night", "weekend"};
  const int n = static_cast<int>(p->size());
  for (int c = 1; c < n; ++c) {
    if (p->dep[c] != Dep::kNmod) continue;
    const int day = p->head[c];
    if (day < 0 || day > c ||
        (p->dep[day] != Dep::kObl && p->dep[day] != Dep::kOblTmod && p->dep[day] != Dep::kOblUnmarked) ||
        p->head[day] < 0 ||
        p->upos[p->head[day]] != parse::Upos::kVerb)
      continue;
    const std::string_view w = words[day];
    if (std::none_of(std::begin(kDays), std::end(kDays), [&](std::string_view d) { return EqualsFolded(w, d); }))
      continue;
    const std::string_view prep = CaseWord(words, *p, c);
    if (prep.empty() || EqualsFolded(prep, "of")) continue;
    p->head[c] = p->head[day];
    p->dep[c] = Dep::kObl;
  }
}

// "gave Putin a stern and personal warning": a gerund with a determiner of
// its own is a noun ("a warning", "the bombing"), which the tagger may miss
// after adjectives and the parser then reads as a clause. It becomes the
// noun, with its written form as lemma, and the object of the verb it hangs
// from (an object before it becomes the indirect one).
void GerundsWithDeterminers(const std::vector<std::string_view>& words, parse::SentenceParse* p) {
  using parse::Dep;
  const int n = static_cast<int>(p->size());
  for (int g = 1; g < n; ++g) {
    if (p->upos[g] != parse::Upos::kVerb || parse::XposName(p->xpos[g]) != "VBG") continue;
    bool determined = false;
    for (int k = 0; k < g; ++k)
      determined |= p->head[k] == g && p->dep[k] == Dep::kDet && p->upos[k] == parse::Upos::kDet;
    if (!determined) continue;
    p->upos[g] = parse::Upos::kNoun;
    p->lemma_key[g] = TokenKey(words[g]);
    const int v = p->head[g];
    if (v < 0 || v > g || p->upos[v] != parse::Upos::kVerb ||
        (p->dep[g] != Dep::kAdvcl && p->dep[g] != Dep::kXcomp && p->dep[g] != Dep::kCcomp))
      continue;
    for (int k = 0; k < g; ++k)
      if (p->head[k] == v && p->dep[k] == Dep::kObj) p->dep[k] = Dep::kIobj;
    p->dep[g] = Dep::kObj;
  }
}

// "all 15 candidates opposing interim President Karzai withdrew": the
// parser may give the verb two subjects, the second the object of the
// participle that describes the first. With two subjects, a participle
// between them with no object of its own takes the second as its object.
void SecondSubjectsAsObjects(parse::SentenceParse* p) {
  using parse::Dep;
  const int n = static_cast<int>(p->size());
  for (int v = 0; v < n; ++v) {
    if (p->upos[v] != parse::Upos::kVerb) continue;
    int first = -1, second = -1;
    for (int k = 0; k < v; ++k)
      if (p->head[k] == v && p->dep[k] == Dep::kNsubj) (first < 0 ? first : second) = k;
    if (first < 0 || second < 0) continue;
    int participle = -1;
    for (int k = first + 1; k < second; ++k)
      if (p->head[k] == first && p->dep[k] == Dep::kAcl && p->upos[k] == parse::Upos::kVerb) participle = k;
    if (participle < 0) continue;
    bool object = false;
    for (int k = 0; k < n; ++k) object |= p->head[k] == participle && p->dep[k] == Dep::kObj;
    if (object) continue;
    p->head[second] = participle;
    p->dep[second] = Dep::kObj;
  }
}

// "Sudanese Decry UN Threat of Sanctions": a headline's demonym for its
// people may be read as an adjective at the root, the verb after it hanging
// from it. The verb is the root and the people its subject.
void DemonymRoots(const std::vector<int>& mention_at, parse::SentenceParse* p) {
  using parse::Dep;
  const int n = static_cast<int>(p->size());
  for (int r = 0; r + 1 < n; ++r) {
    if (p->head[r] >= 0 || p->upos[r] != parse::Upos::kAdj || mention_at[r] < 0) continue;
    const int v = r + 1;
    if (p->head[v] != r || p->upos[v] != parse::Upos::kVerb) return;
    for (int k = v + 1; k < n; ++k)
      if (p->head[k] == r) p->head[k] = v;
    p->head[v] = -1;
    p->dep[v] = Dep::kRoot;
    p->head[r] = v;
    p->dep[r] = Dep::kNsubj;
    return;
  }
}

// "refused to join in the NATO exercises", "joined in the talks": joining
// in a thing is joining it, and the verb's patterns name it as the object.
void JoinIn(const std::vector<std::string_view>& words, parse::SentenceParse* p) {
  using parse::Dep;
  static const uint64_t kJoin = TokenKey("join"), kIn = TokenKey("in");
  const int n = static_cast<int>(p->size());
  for (int v = 0; v < n; ++v) {
    if (p->lemma_key[v] != kJoin || p->upos[v] != parse::Upos::kVerb) continue;
    bool object = false;
    int in_phrase = -1;
    for (int k = v + 1; k < n; ++k) {
      if (p->head[k] != v) continue;
      object |= p->dep[k] == Dep::kObj;
      if (p->dep[k] == Dep::kObl && in_phrase < 0)
        for (int c = v + 1; c < k; ++c)
          if (p->head[c] == k && p->dep[c] == Dep::kCase && TokenKey(words[c]) == kIn) in_phrase = k;
    }
    if (!object && in_phrase >= 0) p->dep[in_phrase] = Dep::kObj;
  }
}

// "attacked their fighters near the border with Turkey": the parser may hang
// the "with" phrase on the verb, which then reads the neighbour as a party
// to the act. A "with" phrase right after a border noun is the border's.
void BorderWith(const std::vector<std::string_view>& words, parse::SentenceParse* p) {
  using parse::Dep;
  static const uint64_t kWith = TokenKey("with");
  static const uint64_t kBorders[] = {TokenKey("border"), TokenKey("borders"), TokenKey("frontier"),
                                      TokenKey("boundary")};
  const int n = static_cast<int>(p->size());
  for (int c = 1; c + 1 < n; ++c) {
    if (TokenKey(words[c]) != kWith || p->dep[c] != Dep::kCase) continue;
    const int noun = p->head[c];
    const uint64_t before = TokenKey(words[c - 1]);
    if (noun <= c || std::find(std::begin(kBorders), std::end(kBorders), before) == std::end(kBorders)) continue;
    if (p->head[noun] == c - 1) continue;
    p->head[noun] = c - 1;
    p->dep[noun] = Dep::kNmod;
  }
}

// "cancelled a visit to Paris, after President Hollande accused Syrian
// troops": the parser may read the clause's subject as the object of
// "after", and the clause's verb as the main verb's, with no subject of its
// own (so the main subject would accuse). A verb with no subject right after
// such a phrase takes its noun as subject and its word as marker.
void SubordinateSubjects(const std::vector<std::string_view>& words, parse::SentenceParse* p) {
  using parse::Dep;
  static const uint64_t kSubordinators[] = {TokenKey("after"), TokenKey("before"), TokenKey("since"),
                                            TokenKey("until"), TokenKey("as"), TokenKey("because")};
  const int n = static_cast<int>(p->size());
  for (int v = 2; v < n; ++v) {
    if (p->upos[v] != parse::Upos::kVerb || p->dep[v] != Dep::kAdvcl) continue;
    const std::string_view x = parse::XposName(p->xpos[v]);
    if (x != "VBD" && x != "VBZ" && x != "VBP") continue;  // a finite verb, which has a subject
    bool subject = false;
    for (int k = 0; k < n; ++k)
      subject |= p->head[k] == v && (p->dep[k] == Dep::kNsubj || p->dep[k] == Dep::kNsubjPass ||
                                     p->dep[k] == Dep::kMark);
    if (subject) continue;
    const int noun = v - 1;
    if (p->upos[noun] != parse::Upos::kPropn && p->upos[noun] != parse::Upos::kNoun) continue;
    if (p->dep[noun] != Dep::kNmod && p->dep[noun] != Dep::kObl) continue;
    int marker = -1;
    for (int k = 0; k < noun; ++k)
      if (p->head[k] == noun && p->dep[k] == Dep::kCase &&
          std::find(std::begin(kSubordinators), std::end(kSubordinators), TokenKey(words[k])) !=
              std::end(kSubordinators))
        marker = k;
    if (marker < 0) continue;
    p->head[noun] = v;
    p->dep[noun] = Dep::kNsubj;
    p->head[marker] = v;
    p->dep[marker] = Dep::kMark;
  }
}

// "sanctions imposed on Eritrea nine years ago": the parser makes the name
// a compound of the time noun and the preposition the time's. The name
// takes back the phrase (its preposition and relation), and the time
// hangs on the same head as a bare time. So with "Denmark last week
// announced", where the name is the subject.
void NamesBeforeTimes(const std::vector<std::string_view>& words, const std::vector<int>& mention_at,
                      parse::SentenceParse* p) {
  using parse::Dep;
  static constexpr std::string_view kUnits[] = {"year", "month", "week", "day", "hour", "decade"};
  const int n = static_cast<int>(p->size());
  for (int time = 1; time + 1 < n; ++time) {
    if (std::find(std::begin(kUnits), std::end(kUnits), p->Lemma(time)) == std::end(kUnits)) continue;
    // "Denmark last week announced": the name is the subject of the verb
    // the time modifies, when that verb has none.
    if (time >= 2 && mention_at[time - 2] >= 0 && p->head[time - 2] == time && p->dep[time - 2] == Dep::kCompound &&
        (words[time - 1] == "last" || words[time - 1] == "this" || words[time - 1] == "next") && p->head[time] >= 0 &&
        p->upos[p->head[time]] == parse::Upos::kVerb) {
      const int verb = p->head[time];
      bool subject = false;
      for (int k = 0; k < n; ++k) subject |= p->head[k] == verb && (p->dep[k] == Dep::kNsubj || p->dep[k] == Dep::kNsubjPass);
      if (!subject) {
        p->head[time - 2] = verb;
        p->dep[time - 2] = Dep::kNsubj;
        p->dep[time] = Dep::kOblTmod;
      }
      continue;
    }
    if (words[time + 1] != "ago" && words[time + 1] != "earlier" && words[time + 1] != "later") continue;
    int name = -1, preposition = -1;
    for (int k = 0; k < time; ++k) {
      if (p->head[k] != time) continue;
      if (p->dep[k] == Dep::kCompound && mention_at[k] >= 0) name = k;
      if (p->dep[k] == Dep::kCase) preposition = k;
    }
    if (name < 0 || preposition < 0 || preposition > name) continue;
    // "nine years ago": the phrase belongs to what "ago" modifies.
    int head = p->head[time];
    if (head == time + 1 && p->head[head] >= 0) head = p->head[head];
    p->head[name] = head;
    p->dep[name] = Dep::kObl;
    p->head[preposition] = name;
    p->dep[time] = Dep::kOblTmod;
  }
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
  // ("al-Sadr", "bin Laden": a name's lower-case particle is no role noun.)
  if (!word.empty() && std::islower(static_cast<unsigned char>(word[0])) &&
      std::none_of(word.begin(), word.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); }) &&
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
  auto dash = [](std::string_view w) { return w == "-" || w == "--" || w == "\u2014" || w == "\u2013"; };
  // Inside a credit's brackets only an agency may be named: "the African
  // Union (AU) said" opens with its subject, not a dateline.
  auto credit = [&](uint32_t open, uint32_t close) {
    for (uint32_t k = open + 1; k < close; ++k)
      if (v_.MentionAt(k) >= 0 && doc_.entities[doc_.mentions[v_.MentionAt(k)].entity].kind != EntityKind::kMedia)
        return false;
    return close > open + 1;
  };
  uint32_t end = 0;
  for (uint32_t i = 0; i < v_.size() && i < kMaxDateline; ++i) {
    const std::string_view w = v_.W(i);
    if (dash(w)) {
      end = i + 1;
      continue;
    }
    // "Hanoi: French President ...", "World News: Islamabad, Nov 9: US
    // envoy ...": a colon ends a dateline (or a headline's topic) too.
    if (w == ":" && i > 0) {
      end = i + 1;
      continue;
    }
    // "New York (CNN)French President ...", "NEW YORK, Sep 27 (UNI)
    // Members of ...": an agency's credit in brackets ends a dateline with
    // no dash; "TAIPEI (dpa) -" has one after it. A credit is a few words,
    // after the place or the date.
    if (w == "(" && i > 0) {
      constexpr uint32_t kMaxCredit = 4;
      uint32_t close = i + 1;
      while (close < v_.size() && close <= i + kMaxCredit && v_.W(close) != ")") ++close;
      if (close < v_.size() && close <= i + kMaxCredit && credit(i, close) &&
          (v_.MentionAt(i - 1) >= 0 || v_.IsNumber(i - 1))) {
        end = close + 1;
        if (close + 1 >= v_.size() || !dash(v_.W(close + 1))) break;
        i = close;
        continue;
      }
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
// "'s" or "’s" (not the bare apostrophe of "the Workers'"): the owner before
// a title or a person.
bool Relater::PossessiveAt(uint32_t i) const { return v_.W(i) == "'s" || v_.W(i) == "\u2019s"; }

uint32_t Relater::TitleRunBefore(uint32_t i, uint32_t n, bool after_owner) const {
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
  if (!after_owner && i > 0 && v_.MentionAt(i - 1) >= 0) return 0;
  // Only a whole title: not its tail ("State" in "US Secretary of State").
  if (i > 0 && (v_.W(i - 1) == "of" || (v_.Tok(i - 1).flags & kTokCapitalized))) return 0;
  // "Vietnam's Prime Minister X": the owner needs its noun (TreeEvents
  // leaves the owner out with the title).
  if (!after_owner && i > 0 && PossessiveAt(i - 1)) return 0;
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
    if (events_->lexicon->HasOwn(lemma)) {
      for (uint32_t j = i + 1; j < n && j <= i + kGenericReach; ++j)
        if (v_.MentionAt(j) >= 0) return Trigger::kWord;
      // "X and Y met", "X and the ELN's delegate, Y, met": a pair joined by
      // "and" right before the verb.
      uint32_t k = i;
      while (k > 0 && i - k < 2 && v_.IsPunct(k - 1)) --k;
      if (k > 0 && v_.MentionAt(k - 1) >= 0)
        for (uint32_t a = k - 1; a > 0 && k - a < 12; --a)
          if (v_.W(a) == "and" && v_.MentionAt(a - 1) >= 0) return Trigger::kWord;
    }
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
  // A short headline between names ("Afghan Forces Arrest 2 Taliban
  // Leaders", "Putin Visits Turkey") has one or two such words: all
  // capitalised, the first word of the sentence aside, is title case.
  uint32_t capitalised = 0, plain_words = 0, capitalised_inside = 0;
  for (uint32_t i = 0; i < n; ++i) {
    if (v_.MentionAt(i) >= 0 || v_.IsPunct(i) || v_.IsNumber(i)) continue;
    ++plain_words;
    if (v_.Tok(i).flags & kTokCapitalized) {
      ++capitalised;
      capitalised_inside += i > 0 ? 1 : 0;
    }
  }
  const bool title_case = (plain_words >= 3 && capitalised * 10 >= plain_words * 7) ||
                          (plain_words >= 1 && capitalised == plain_words && capitalised_inside > 0);
  const bool headline = doc_.sentences[si_].section != graph::Section::kBody;
  uint32_t closing_comma = n;  // of an apposition left out below
  for (uint32_t i = dateline_end; i < n;) {
    if (i == closing_comma && v_.W(i) == ",") {
      ++i;
      continue;
    }
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
      // "Darfur rebels", "Gaza police": a place that qualifies the group
      // named right after it is part of that phrase (recognition placed the
      // group); the parser would read the two as two subjects.
      if (const Mention& mm = doc_.mentions[m];
          mm.head >= 0 && end < n && v_.MentionAt(end) == mm.head &&
          doc_.entities[mm.entity].kind == EntityKind::kLocation) {
        i = end;
        continue;
      }
      // "Brazil's President Lula met with Colombia's President Petro": the
      // country, its possessive and the title all go, so that the parser
      // reads "Smith met with Smith" (the person's country comes from
      // recognition); with them it makes both owners subjects.
      const bool owner = !title_case && end + 1 < n && PossessiveAt(end);
      if (owner && doc_.entities[doc_.mentions[m].entity].kind == EntityKind::kCountry) {
        const uint32_t run = TitleRunBefore(end + 1, n, true);
        if (run > 0) {
          i = end + 1 + run;
          continue;
        }
      }
      // "Qatar's prime minister, Sheikh X, held talks", "the ELN's chief
      // delegate, Pablo Beltran, met": the owner, its title and the commas
      // go too (the recognizer made the title's ties), and the person
      // stands where the phrase did.
      if (owner) {
        // The title: up to four words, none an actor, then the comma and a
        // person the recognizer gave that title.
        uint32_t at = end + 1;
        while (at < n && at < end + 5 && v_.MentionAt(at) < 0 && !v_.IsPunct(at)) ++at;
        const int pm = at + 1 < n && v_.W(at) == "," ? v_.MentionAt(at + 1) : -1;
        const Mention* person = pm >= 0 ? &doc_.mentions[pm] : nullptr;
        if (person != nullptr && at > end + 1 && !person->role.empty() &&
            doc_.entities[person->entity].kind == EntityKind::kPerson &&
            person->first_token == sentence_first + at + 1) {
          ++at;
          if (!s_.words.empty() && (s_.words.back() == "the" || s_.words.back() == "The")) {
            s_.words.pop_back();
            s_.tree_mention_at.pop_back();
            s_.tree_begin.pop_back();
          }
          closing_comma = person->last_token - sentence_first;
          i = at;
          continue;
        }
      }
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
        // "Israel Kills 5 in Attempt to Assassinate Hamas Man": a headline
        // short of title case still capitalises its event words, which the
        // tagger would read as names; they are given in lower case.
        uint64_t lemma = 0;
        const bool headline_verb = !title_case && headline && i > 0 && (v_.Tok(i).flags & kTokCapitalized) &&
                                   events_->lexicon->MaybeTrigger(TokenKey(v_.W(i)), &lemma);
        s_.words.push_back(title_case || headline_verb ? v_.W(i) : doc_.TokenText(sentence_first + i));
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
  // make it an event word ("talks" a noun, "fire" a verb). The words are
  // tagged only as far as that test needs (TagMore below): a sentence it
  // turns down, one in seven of those tagged, is left untagged after its
  // last trigger word. Adjective compounds need every tag, and change the
  // words: a sentence with a word of their form is tagged whole first.
  if (std::any_of(s_.words.begin(), s_.words.end(), AdjectiveCompoundForm)) {
    model.Tag(s_.words, &s_.parse);
    if (AdjectiveCompounds(&s_.words, s_.parse)) model.Tag(s_.words, &s_.parse);
  } else {
    model.TagPrefix(s_.words, 0, &s_.parse);
  }
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
    if (at == s_.tree_begin.end() - 1 || *at != i) continue;
    const uint32_t word = static_cast<uint32_t>(at - s_.tree_begin.begin());
    model.TagMore(s_.words, word + 1, &s_.parse);
    confirmed = MayStartTreeEvent(s_.parse, *events_->lexicon, word);
  }
  if (!confirmed) return;
  model.TagMore(s_.words, s_.words.size(), &s_.parse);
  if (!MayHoldTreeEvent(s_.parse, *events_->lexicon)) return;
  model.ParseTagged(s_.words, &s_.parse);
  PhrasesAfterDays(s_.words, &s_.parse);
  ReducedRelativesAsVerbs(*events_->lexicon, s_.words, s_.tree_mention_at, &s_.parse);
  InfinitivesOfIntention(s_.words, &s_.parse);
  PluralNounsReadAsVerbs(*events_->lexicon, s_.words, s_.tree_mention_at, &s_.parse);
  VerbsReadAsPluralSubjects(*events_->lexicon, s_.words, s_.tree_mention_at, &s_.parse);
  HeadlinePassives(s_.words, &s_.parse);
  EventNounsReadAsAdjectives(*events_->lexicon, &s_.parse);
  SubjectsAfterOpeningParticiples(s_.words, s_.tree_mention_at, &s_.parse);
  GerundsWithDeterminers(s_.words, &s_.parse);
  SecondSubjectsAsObjects(&s_.parse);
  DemonymRoots(s_.tree_mention_at, &s_.parse);
  JoinIn(s_.words, &s_.parse);
  BorderWith(s_.words, &s_.parse);
  SubordinateSubjects(s_.words, &s_.parse);
  NamingParticiples(s_.words, &s_.parse);
  VerbsConjoinedToNouns(&s_.parse);
  LoneActorPredicates(s_.tree_mention_at, &s_.parse);
  NamesBeforeTimes(s_.words, s_.tree_mention_at, &s_.parse);

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
  // each other too, and those who ally with Z ally with each other (not
  // those who fight or agree with a third party).
  const size_t found = s_.tree_events.size();
  for (size_t a = 0; a < found; ++a)
    for (size_t b = a + 1; b < found; ++b) {
      const TreeEvent& x = s_.tree_events[a];
      const TreeEvent& y = s_.tree_events[b];
      if (x.type != y.type || x.trigger_begin != y.trigger_begin || x.target != y.target ||
          x.source == y.source || x.modality != y.modality ||
          (x.type != RelationType::kMetWith && x.type != RelationType::kNegotiatedWith &&
           x.type != RelationType::kAlliedWith))
        continue;
      // Only meetings, talks and alliances ("welcomed the visit" together
      // is no meeting).
      bool talks = x.type == RelationType::kAlliedWith;
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
