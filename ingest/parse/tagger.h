// The part-of-speech tagger: a greedy left-to-right averaged perceptron
// whose classes are the (Penn tag, UD tag) pairs seen in training, so that
// both tags come out of one decision. It runs twice: the second pass also
// sees the first pass's tags of the words to the right. Frequent
// unambiguous words are tagged from a dictionary without scoring.
//
// Thread-safety: a Tagger is immutable once attached.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "ingest/parse/linear_model.h"
#include "ingest/parse/treebank.h"
#include "ingest/parse/words.h"

namespace geokg::ingest::parse {

struct TagPair {
  uint8_t xpos = 0;
  uint8_t upos = 0;
};

inline constexpr int kMaxTaggerFeatures = 48;
// Features with weights for at least this many classes are stored as dense
// rows (AveragedPerceptron::Export).
inline constexpr uint32_t kTaggerDenseMin = 8;

class Tagger {
 public:
  // REQUIRES: the spans outlive the tagger.
  void Attach(std::span<const TagPair> pairs, std::span<const FeatureSlot> slots, const WeightView& weights,
              std::span<const MapSlot> tagdict) {
    pairs_ = pairs;
    model_.Attach(slots, weights, static_cast<int>(pairs.size()));
    tagdict_.Attach(tagdict);
  }
  int n_classes() const { return static_cast<int>(pairs_.size()); }
  const TagPair& pair(int cls) const { return pairs_[cls]; }
  // classes[i] = the tag class of word i. A second-pass tagger also reads
  // `first`, the classes the first-pass tagger gave the sentence.
  // With `margins`, also writes how far each word's best score is ahead
  // of the second best (infinity for dictionary words). With `keep`, a
  // word whose margin[i] >= keep_margin keeps first[i] unscored.
  // Only words [begin, end) are tagged (end < 0: to n), the words before
  // `begin` having their classes already: a word's tag depends on the two
  // tags before it and on the words (and a second pass on the first
  // pass's tags) up to two places after it, so a sentence can be tagged in
  // steps with the same result.
  void Tag(const WordInfo* words, int n, int* classes, const int* first = nullptr, float* margins = nullptr,
           const float* keep = nullptr, float keep_margin = 0, int begin = 0, int end = -1) const;

 private:
  std::span<const TagPair> pairs_;
  LinearModel model_;
  FrozenMap tagdict_;
};

// The features of word i given the classes of the two words before it
// (-1 for none) and, for the second pass, the first pass's classes (else
// nullptr). Returns how many it wrote (<= kMaxTaggerFeatures).
int TaggerFeatures(const WordInfo* words, int n, int i, int prev, int prev2, const int* first, uint64_t* out);

// Training.
struct TaggerTables {
  std::vector<TagPair> pairs;
  std::vector<FeatureSlot> slots;
  WeightTable entries;
  std::vector<MapSlot> tagdict;
  void AttachTo(Tagger* t) const { t->Attach(pairs, slots, entries, tagdict); }
};

// The sentences with their word features, computed once.
struct TaggerExample {
  std::vector<WordInfo> words;
  std::vector<int> gold;  // class per word
};

// The pair classes of `sentences`, in a fixed order.
std::vector<TagPair> CollectTagPairs(const std::vector<TreebankSentence>& sentences);
// Word features and gold classes; a pair not in `pairs` maps to class 0.
void MakeTaggerExamples(const std::vector<TreebankSentence>& sentences, const std::vector<TagPair>& pairs,
                        std::vector<TaggerExample>* out);
// Trains on the examples whose index i satisfies i % folds != skip_fold
// (folds = 1, skip_fold = -1: all of them), `epochs` passes in a
// shuffled order fixed by `seed`.
// With `first_pass` (classes per example from a jackknifed first-pass
// tagger), trains the second pass. Averaged weights under `min_weight` in
// magnitude are left out of the model.
void TrainTagger(const std::vector<TaggerExample>& examples, const std::vector<TagPair>& pairs, int epochs,
                 int folds, int skip_fold, uint64_t seed, TaggerTables* out,
                 const std::vector<std::vector<int>>* first_pass = nullptr, float min_weight = 0.01f);

}  // namespace geokg::ingest::parse
