// Closed-class English words that relation finding reasons with: determiners,
// prepositions, auxiliaries, negators, modals, conjunctions, relative
// pronouns, and the small noun classes (forces, accusations) that change how
// a clause is read. These are grammar, not domain data, so they live in code;
// the open-class trigger words live in data/triggers.tsv.
//
// Every function takes a lower-cased word and does not allocate.
#pragma once

#include <cstdint>
#include <string_view>

namespace geokg::ingest::words {

// One bit per word class below. A word may be in several classes ("that" is
// a determiner and a relative pronoun).
enum WordClass : uint32_t {
  kDeterminer = 1u << 0,
  kPossessiveMark = 1u << 1,
  kPreposition = 1u << 2,
  kBeForm = 1u << 3,
  kAuxiliary = 1u << 4,
  kNegator = 1u << 5,
  kHypotheticalModal = 1u << 6,
  kConditional = 1u << 7,
  kFutureModal = 1u << 8,
  kFutureLead = 1u << 9,
  kAdverb = 1u << 10,
  kCoordinator = 1u << 11,
  kRelativePronoun = 1u << 12,
  kSubordinator = 1u << 13,
  kPronoun = 1u << 14,
  kForceNoun = 1u << 15,
  kAbortLead = 1u << 16,
  kObjectPronoun = 1u << 17,
  kAccusationNoun = 1u << 18,
  kTerminal = 1u << 19,
  kClauseBreak = 1u << 20,
  kStanceNoun = 1u << 21,  // policy, remarks, decision: what an actor says or decides
};

// The set of WordClass bits of `w` (exact, case-sensitive match against the
// lists; the "*ly" adverb rule included). One hash lookup; the table is
// built once, thread-safely, on first use. Does not allocate.
uint32_t ClassesOf(std::string_view w);

bool IsDeterminer(std::string_view w);     // the, a, its, this, some, many ...
bool IsPossessiveMark(std::string_view w); // 's ’s '
bool IsPreposition(std::string_view w);    // in, on, of, from, by, at ...
bool IsBeForm(std::string_view w);         // is, was, were, been, being, got ...
bool IsAuxiliary(std::string_view w);      // have, has, had, do, did + be forms
bool IsNegator(std::string_view w);        // not, n't, never, no, without ...
bool IsHypotheticalModal(std::string_view w);  // would, could, might, may, should
bool IsConditional(std::string_view w);    // if, unless, whether
bool IsFutureModal(std::string_view w);    // will, shall, 'll
// Words that, followed by "to", make what follows future or intended:
// prepared, ready, plans, set, expected, vowed, threatened ...
bool IsFutureLead(std::string_view w);
bool IsAdverb(std::string_view w);         // also, later, reportedly, *ly ...
bool IsCoordinator(std::string_view w);    // and, or, but, then, as well as
bool IsRelativePronoun(std::string_view w);  // who, which, whom, whose, that
bool IsSubordinator(std::string_view w);   // as, while, because, although, when, if ...
bool IsPronoun(std::string_view w);        // it, they, he, she, we, i, you
// Nouns for people or forces whose "of"/"from" complement names the actor:
// "fighters from X", "troops of X", "members of X".
bool IsForceNoun(std::string_view w);
// Words that, followed by "to", "of" or "from" (or "out" for "ruled out"),
// abort what follows: "declined to", "refused to", "failed to", "stopped
// short of", "refrained from", "ruled out": the act did not happen.
bool IsAbortLead(std::string_view w);
// Object pronouns: "help it", "attack them". An unresolved one is the object.
bool IsObjectPronoun(std::string_view w);
// Nouns for claims whose denial is a denial: accusations, allegations ...
bool IsAccusationNoun(std::string_view w);
bool IsTerminal(std::string_view w);       // . ! ?
bool IsClauseBreak(std::string_view w);    // ; : ( ) — and dashes

}  // namespace geokg::ingest::words
