// Trigger lexicon: the words that signal a relation and where the relation's
// arguments stand around them.
//
// File format (ingest/data/triggers.tsv, and triggers.tsv in any --lexicon
// folder), one trigger a line, '#' starts a comment:
//
//   form <TAB> type <TAB> frame [<TAB> flags]
//
//   form   a lemma or fixed phrase ("attack", "set fire to", "call on"),
//          optionally followed by explicit extra forms separated by '|'
//          ("strike|struck|striking"). Regular inflections of the first word
//          are generated: verbs get -s/-ed/-ing, nouns their plural.
//   type   a relation type of the ontology ("attacked"), or one of the
//          pseudo-types `speech` (say, tweet: opens reported content) and
//          `light` (launch, carry out: lends its subject to a following
//          nominal trigger, as in "Iran launched an attack on X").
//   frame  where the arguments are, in words:
//            SUBJ V OBJ                    direct object
//            SUBJ V to|into|in OBJ         object of one of the prepositions
//            SUBJ V -|with OBJ             '-' allows a direct object too
//            SUBJ V OBJ for|of EVENT       the EVENT's agent is OBJ
//            SUBJ V                        no object (symmetric types pair
//                                          coordinated subjects)
//            N on|against OBJ              nominal; agent from a possessive,
//                                          a modifier, "by X", a light verb
//   flags  comma-separated: `denial` (deny: its complement is negated
//          content and the edge goes to the accuser), `inverse` (the edge
//          runs from OBJ to SUBJ: "Iran backs X" is X backed-by Iran),
//          `weak` (an ambiguous word: lower confidence), `force` (the
//          words between V and the preposition must hold a force noun:
//          "sent 3,000 troops to X", "dispatched two warships to X"),
//          `after=w1|w2` (a split verb: one of the words must follow OBJ,
//          "held X responsible for EVENT"; such an entry wins over others
//          of the same form when the word stands later in the sentence).
//
// Thread-safety: a loaded Triggers is immutable and may be shared by threads.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "graph/ids.h"
#include "graph/model.h"
#include "graph/status.h"

namespace geokg::ingest {

enum class TriggerClass : uint8_t {
  kVerbal,   // SUBJ V ...
  kNominal,  // N ...
  kSpeech,   // pseudo-type speech
  kLight,    // pseudo-type light
};

struct TriggerEntry {
  graph::RelationType type = graph::RelationType::kAttacked;
  TriggerClass cls = TriggerClass::kVerbal;
  std::vector<std::string> preps;  // object prepositions; "-" = direct object
  std::vector<std::string> event_preps;  // "for", "of" before EVENT
  bool has_object = false;         // the frame names an OBJ
  bool denial = false;
  bool inverse = false;            // the relation runs OBJ -> SUBJ ("Iran backs X": X backed-by Iran)
  bool weak = false;               // an ambiguous word: lower confidence
  bool force = false;              // the theme between V and the preposition
                                   // must name a force ("sent 3,000 troops to")
  std::vector<std::string> after;  // flag after=: a word required right after OBJ
  std::string lemma;               // the form as written (for messages)
  std::string where;               // "file:line"

  bool DirectObject() const;       // OBJ may follow V directly
};

// One surface form (a sequence of lower-case words) of an entry.
struct TriggerForm {
  std::vector<std::string> words;
  uint32_t entry = 0;
  bool participle = false;  // a past-participle form (passive candidate)
  bool past_or_present = false;  // a finite/participle verb form, never a noun
};

class Triggers {
 public:
  // Parses one triggers.tsv buffer. `source` names it in errors
  // ("triggers.tsv:12: unknown relation type 'atacked' (did you mean
  // 'attacked'?)"). Entries add to those already loaded.
  Status Parse(std::string_view text, std::string_view source);

  // Reads and parses a file; kNotFound when it does not exist.
  Status LoadFile(const std::string& path);

  // Loads the built-in data dir's triggers.tsv, then each extra dir's
  // triggers.tsv when present. `data_dir` empty means the default
  // ($GEOKG_DATA_DIR, else the compiled-in source data dir).
  static Status Load(const std::string& data_dir, const std::vector<std::string>& extra_dirs,
                     Triggers* out);

  // The default built-in data folder.
  static std::string DefaultDataDir();

  // Calls fn(form) for every form whose words match lower-cased words
  // starting at `words[0]`. `words` are the lower-cased sentence words from
  // the candidate start on. Longest forms first.
  template <typename Fn>
  void ForEachMatch(const std::vector<std::string_view>& words, size_t start, Fn fn) const;

  const TriggerEntry& entry(uint32_t i) const { return entries_[i]; }
  size_t size() const { return entries_.size(); }
  size_t form_count() const { return forms_.size(); }

 private:
  void AddForm(std::vector<std::string> words, uint32_t entry, bool participle, bool verb_form);
  void Index();

  std::vector<TriggerEntry> entries_;
  std::vector<TriggerForm> forms_;
  // Sorted (first word, form index), longest forms first within a word.
  std::vector<std::pair<std::string, uint32_t>> by_first_;
  // Each distinct first word's run in by_first_, found by a hash of the
  // word: open addressing at most half full, probed from the hash's low
  // bits. Relate asks it for every word of every sentence, where the
  // binary search's string comparisons cost 3% of ingest.
  struct FirstWordRun {
    uint64_t hash = 0;
    uint32_t begin = 0, end = 0;  // end == begin: empty slot
  };
  std::vector<FirstWordRun> first_index_;
  uint64_t first_mask_ = 0;
  static uint64_t FirstWordHash(std::string_view w) { return graph::Hash64(w, 0x7472696767657273ull); }
};

// Regular inflections (exposed for tests).
std::string VerbThirdPerson(std::string_view lemma);
std::string VerbPast(std::string_view lemma);
std::string VerbGerund(std::string_view lemma);
std::string NounPlural(std::string_view noun);

template <typename Fn>
void Triggers::ForEachMatch(const std::vector<std::string_view>& words, size_t start,
                            Fn fn) const {
  if (start >= words.size() || first_index_.empty()) return;
  std::string_view first = words[start];
  const uint64_t hash = FirstWordHash(first);
  const FirstWordRun* run = nullptr;
  for (uint64_t i = hash & first_mask_;; i = (i + 1) & first_mask_) {
    const FirstWordRun& r = first_index_[i];
    if (r.end == r.begin) return;  // an empty slot: no form starts with the word
    if (r.hash == hash && by_first_[r.begin].first == first) {
      run = &r;
      break;
    }
  }
  for (uint32_t at = run->begin; at < run->end; ++at) {
    const TriggerForm& form = forms_[by_first_[at].second];
    if (start + form.words.size() > words.size()) continue;
    bool ok = true;
    for (size_t k = 1; k < form.words.size() && ok; ++k) ok = words[start + k] == form.words[k];
    if (ok) fn(form);
  }
}

}  // namespace geokg::ingest
