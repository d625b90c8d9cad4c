// Events from the dependency tree: who does what to whom in one sentence,
// read from a parse (ingest/parse/parser.h) and the event lexicon
// (ingest/verbs.h: CAMEO verb patterns and our own verb and noun entries).
//
// For every verb whose lemma the lexicon knows, the first pattern whose
// particle, object and preposition are present gives the relation type and
// where the target is (the direct object, or the oblique or nominal
// modifier introduced by the pattern's preposition). Arguments:
//   - the subject (nsubj), or for a passive the agent (obl:agent) with the
//     passive subject as target;
//   - shared subjects: a verb conjoined to another, an open complement
//     ("threatened to cut aid to X": the controller is the subject; when the
//     controlling verb has no target of its own it takes the complement's),
//     a relative clause (the noun it modifies), a participle modifying a
//     noun ("troops deployed to X": the noun is the subject; "a convoy
//     attacked by X": the noun is the target);
//   - an argument is the actor its head word names (a mention covering it),
//     or, for a noun that is no actor ("Kenyan police", "Iraq's army",
//     "forces of X", "the ISIS bastion"), the actor that modifies it;
//     coordinated arguments give one edge each ("X and Y agreed" gives one
//     edge between X and Y for a symmetric type).
// Nouns the lexicon lists as events ("X's invasion of Y", "strikes on Y",
// "talks between X and Y") take their source from a possessive, a
// modifying actor, "by X", or the subject of the verb that governs them.
//
// Modality from the tree: a negator on the verb (not, never, no longer)
// negates; will/would/shall, "plan to", "vow to" and the like make it
// future; may/might/could/should, "if" and "unless" clauses and questions
// hypothetical; a clause under a verb of saying or claiming is reported
// (the speaker's own verb is asserted).
//
// Thread-safety: FindTreeEvents is reentrant; each thread passes its own
// TreeScratch.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "graph/model.h"
#include "ingest/analysis.h"
#include "ingest/parse/parser.h"

namespace geokg::ingest {

class EventLexicon;

struct TreeEvent {
  int source = -1;  // mention indices: DocAnalysis::mentions, then candidates (TreeInput::MentionOf)
  int target = -1;
  graph::RelationType type = graph::RelationType::kAttacked;
  graph::Modality modality = graph::Modality::kAsserted;
  uint32_t trigger_begin = 0;  // sentence-relative token span of the trigger words
  uint32_t trigger_end = 0;
  float confidence = 0.f;
};

struct TreeInput {
  const DocAnalysis* doc = nullptr;
  uint32_t first_token = 0;  // of the sentence
  std::span<const std::string_view> words;   // the sentence's tokens, as written
  // Sentence token -> longest mention covering it, or -1. Indices from
  // doc->mentions.size() up are candidate names (doc->candidates), which
  // only FindTreeEvents's argument finding reads.
  std::span<const int> mention_at;
  const parse::SentenceParse* parse = nullptr;
  const EventLexicon* lexicon = nullptr;

  const Mention& MentionOf(int m) const {
    const size_t k = static_cast<size_t>(m);
    return k < doc->mentions.size() ? doc->mentions[k] : doc->candidates[k - doc->mentions.size()];
  }
};

struct TreeScratch {
  std::vector<uint32_t> child_begin, children;  // children of token i: children[child_begin[i] .. child_begin[i+1])
  std::vector<int> args_a, args_b, args_c, tmp;
  std::vector<int> deep_prep;  // per token and recipient preposition: DeepPrep's answer, -2 unknown
};

// True for verbs so common ("say", "make", "take", "rise") that alone they
// do not make a sentence worth parsing.
bool IsGenericLemma(uint64_t lemma_key);

// True for adjectives of stance ("skeptical", "concerned") that, with an
// actor as subject and one in their phrase, state a comment.
bool IsStanceAdjective(uint64_t token_key);
// "must", "should": after an actor, what a speaker demands of it (DemandEvents).
bool IsObligation(uint64_t token_key);

// False when no word of a tagged sentence (tags and lemmas of a
// parse::SentenceParse, heads not needed) can start an event: no verb or
// noun of the lexicon, verb of speech, stance adjective or noun of a tie. FindTreeEvents
// would find nothing in it, so it need not be parsed.
bool MayHoldTreeEvent(const parse::SentenceParse& tagged, const EventLexicon& lexicon);
// Whether word i of a tagged sentence can start an event (MayHoldTreeEvent
// asks it of every word): a verb or noun of the lexicon, a verb of speech,
// a stance adjective or a noun of a tie, by its tag and lemma.
bool MayStartTreeEvent(const parse::SentenceParse& tagged, const EventLexicon& lexicon, uint32_t i);

// True for the written forms of nouns that state membership, affiliation
// or leadership ("members", "affiliate", "head") between two actors.
bool IsTieNoun(uint64_t token_key);

// Appends the events of one parsed sentence to *out.
void FindTreeEvents(const TreeInput& in, std::vector<TreeEvent>* out, TreeScratch* scratch);

}  // namespace geokg::ingest
