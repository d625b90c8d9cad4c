// The event lexicon: verbs and nouns that signal an event, with what they
// need around them (a particle, a direct object, the preposition of the
// target) and the relation type and CAMEO code they give. Loaded from
// ingest/data/verbs.cameo.tsv (generated from the CAMEO verb dictionary by
// `geokg_build_lexicon verbs`), verbs.geokg.tsv and nouns.geokg.tsv (ours);
// formats in ingest/data/README.md.
//
// Thread safety: immutable after Load; lookups from any number of threads.
// Lookups do not allocate: patterns live in one sorted vector, found through
// an open-addressing index keyed on TokenKey(lemma).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/model.h"
#include "graph/status.h"

namespace geokg::ingest {

struct VerbPattern {
  uint64_t lemma_key = 0;     // TokenKey(verb or noun lemma), see ingest/text.h
  uint64_t particle_key = 0;  // 0: none required
  uint64_t object_key = 0;    // 0: none required; TokenKey of the required object lemma
  uint64_t prep_key = 0;      // 0: target is the direct object; else TokenKey of the preposition
  graph::RelationType type = graph::RelationType::kAttacked;
  uint16_t cameo = 0;         // the code as a number ("0841" -> 841); its digits: cameo_text
  char cameo_text[6] = {};    // "0841"; "" when the entry has no CAMEO code
  bool own = false;           // from our files (verbs.geokg.tsv) rather than the CAMEO file
  bool weak = false;          // flag "weak": the word often means something else
  bool inverse = false;       // flag "inverse": source and target swap ("X backs Y": Y backed-by X)

  // How many of particle, object and preposition the pattern requires.
  int specificity() const {
    return (particle_key != 0) + (object_key != 0) + (prep_key != 0);
  }
};

class EventLexicon {
 public:
  // Which file format a text is in.
  enum class FileKind {
    kCameoVerbs,  // verbs.cameo.tsv: lemma particle object prep code type
    kOwnVerbs,    // verbs.geokg.tsv: the same columns, plus optional flags; own = true
    kNouns,       // nouns.geokg.tsv: lemma prep code type [flags]; own = true
  };

  // Loads verbs.cameo.tsv, verbs.geokg.tsv and nouns.geokg.tsv from data_dir
  // (empty: Triggers::DefaultDataDir(), i.e. $GEOKG_DATA_DIR or the built-in
  // ingest/data), then the same-named files of each extra dir (--lexicon DIR)
  // that has them. *out is replaced. Errors: InvalidInput "FILE:LINE: reason"
  // for a malformed line (or "FILE: cannot be read"), NotFound "FILE: no such
  // file" for a missing built-in file.
  static Status Load(const std::string& data_dir, const std::vector<std::string>& extra_dirs,
                     EventLexicon* out);

  // Adds the entries of one file's text; `source` names it in errors
  // ("verbs.geokg.tsv:12: unknown relation type 'atacked' (did you mean
  // 'attacked'?)"). On error nothing of the text is added. REQUIRES: Build()
  // before the next lookup.
  Status Add(std::string_view text, std::string_view source, FileKind kind);

  // Sorts the entries and builds the index (Load does this itself).
  void Build();

  // All verb patterns of a lemma, most specific first (particle+object+prep
  // before bare), own entries before CAMEO ones at equal specificity, then in
  // file order. Empty if the lemma is no trigger. Valid until the lexicon is
  // changed or destroyed.
  std::span<const VerbPattern> Verb(uint64_t lemma_key) const;
  std::span<const VerbPattern> Noun(uint64_t lemma_key) const;
  bool IsVerb(uint64_t lemma_key) const { return !Verb(lemma_key).empty(); }
  bool IsNoun(uint64_t lemma_key) const { return !Noun(lemma_key).empty(); }

  // True if a token (its TokenKey) may be an inflected form of a verb or
  // noun of the lexicon: regular inflections of every lemma, and the
  // irregular forms of verb-forms.tsv ("fought", "held"). *lemma_key (if not
  // null) is then the lemma's key. The cheap test that decides whether a
  // sentence is worth tagging and parsing. Does not allocate.
  bool MaybeTrigger(uint64_t token_key, uint64_t* lemma_key = nullptr) const;

  // True if the lemma has entries of our own files (verbs or nouns), not
  // only CAMEO ones.
  bool HasOwn(uint64_t lemma_key) const {
    for (const VerbPattern& p : Verb(lemma_key))
      if (p.own) return true;
    return !Noun(lemma_key).empty();
  }
  // True if the lemma has our own entries, or CAMEO entries of a conflict
  // type (CAMEO 10-20): the words worth parsing a sentence for.
  bool IsStrong(uint64_t lemma_key) const {
    if (HasOwn(lemma_key)) return true;
    for (const VerbPattern& p : Verb(lemma_key))
      if (p.cameo_text[0] == '1' || p.cameo_text[0] == '2') return true;
    return false;
  }

  // Adds irregular forms, one lemma a line followed by its forms,
  // tab-separated ("fight<TAB>fought"). REQUIRES: Build() before lookups.
  Status AddIrregularForms(std::string_view text, std::string_view source);

  // Number of patterns, verbs and nouns.
  size_t size() const { return verbs_.patterns.size() + nouns_.patterns.size(); }
  size_t verb_count() const { return verbs_.patterns.size(); }
  size_t noun_count() const { return nouns_.patterns.size(); }

 private:
  struct Slot {
    uint64_t key = 0;  // 0: empty
    uint32_t begin = 0;
    uint32_t count = 0;
  };
  struct Table {
    std::vector<VerbPattern> patterns;  // sorted by lemma, then lookup order
    std::vector<Slot> slots;            // open addressing, size a power of two
  };
  static void BuildTable(Table* t);
  static std::span<const VerbPattern> Find(const Table& t, uint64_t key);

  // A form's lemma: the first of its (form, lemma) pairs in sorted order.
  // Open addressing, as Table: a binary search over the sorted pairs
  // missed the cache at each step, for every word of a sentence with two
  // actors (1% of ingest's CPU).
  struct FormSlot {
    uint64_t form = 0;
    uint64_t lemma = 0;
    bool used = false;
  };

  Table verbs_, nouns_;
  std::vector<std::pair<uint64_t, uint64_t>> forms_;  // (form key, lemma key), sorted
  std::vector<FormSlot> form_slots_;                  // power-of-two size; built by Build()
};

}  // namespace geokg::ingest
