// Lemmas from the Penn tag: a table of (word, tag) -> lemma learnt from
// the treebank (irregular forms: was -> be, fought -> fight), then
// WordNet's exception lists and its morphological rules checked against
// WordNet's lemma index (seized -> seize, troops -> troop), then plain
// suffix rules for words WordNet does not know.
//
// Thread-safety: immutable once attached.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/parse/treebank.h"
#include "ingest/parse/words.h"

namespace geokg::ingest::parse {

enum WordClass : uint32_t {
  kWcNoun = 1, kWcVerb = 2, kWcAdj = 4, kWcAdv = 8,                   // a lemma in WordNet's index
  kWcNounExc = 16, kWcVerbExc = 32, kWcAdjExc = 64,                   // an irregular form
  kWcInflectedNoun = 128, kWcInflectedVerb = 256, kWcInflectedAdj = 512,  // a regular inflection of one
};

class Lemmatizer {
 public:
  // REQUIRES: table and blob outlive the lemmatizer.
  void Attach(std::span<const MapSlot> table, std::string_view blob) {
    table_.Attach(table);
    blob_ = blob;
  }
  // Appends the lemma of `form` (tagged xpos/upos) to *out: lower-case,
  // except proper nouns and "I", which keep their case.
  void Lemmatize(std::string_view form, uint8_t xpos, std::string* out, std::string* scratch) const;
  // What WordNet says `form` can be, as WordClass bits (0 without
  // WordNet): a tagger feature for words the treebank does not have.
  uint32_t WordClasses(std::string_view form, std::string* scratch) const;

 private:
  bool Lookup(std::string_view word, uint64_t seed, std::string_view* lemma) const;
  bool Known(std::string_view lemma, int wn_pos) const;
  FrozenMap table_;
  std::string_view blob_;
};

// Collects the tables a Lemmatizer reads.
class LemmaTableBuilder {
 public:
  void AddTreebank(const std::vector<TreebankSentence>& sentences);
  // Reads {noun,verb,adj}.exc and index.{noun,verb,adj} from `dir`
  // (/usr/share/wordnet); false if they are not there.
  bool AddWordNet(const std::string& dir);
  void Build(std::vector<MapSlot>* table, std::string* blob) const;

 private:
  std::vector<std::pair<uint64_t, std::string>> entries_;
  std::vector<uint64_t> known_;
};

}  // namespace geokg::ingest::parse
