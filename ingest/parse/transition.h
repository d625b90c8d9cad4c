// The dependency parser: arc-hybrid transitions (Kuhlmann et al.
// 2011) with the root at the end of the buffer (Ballesteros & Nivre 2013),
// scored by two averaged perceptrons: one picks the transition (SHIFT,
// LEFT, RIGHT) from Zhang & Nivre (2011)-style features of the stack, the
// buffer, the children already attached, distance, valency and label
// sets; the other labels each arc when it is made, from features of the
// head, the dependent (whose subtree is then complete) and their context.
// Training uses the dynamic oracle of Goldberg & Nivre (2013) with error
// exploration, on tags predicted by the tagger. Decoding is greedy, or a
// beam search over the same transitions for a model trained globally
// (TrainParserBeam).
//
// Thread-safety: ArcParser is immutable once attached (SetBeam aside); each
// thread keeps its own ParseState and BeamScratch.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "ingest/parse/linear_model.h"
#include "ingest/parse/treebank.h"

namespace geokg::ingest::parse {

enum Move : int { kShift = 0, kLeft = 1, kRight = 2 };
inline constexpr int kMoveCount = 3;
inline constexpr int kMaxMoveFeatures = 112;
inline constexpr int kMaxLabelFeatures = 48;

// What the parser reads of each token. Index n is the root, n + 1 "none".
struct ParseInput {
  int n = 0;
  std::vector<uint64_t> word;  // normalised word hash
  std::vector<uint64_t> tag;   // tag class + 1; kRootTag / kNoneTag at n / n + 1
  std::vector<int> punct_before;  // punctuation tokens before token i (0..n + 1)
  void Reset(int n);
  // Fills punct_before from is_punct(i) for the n words.
  template <class IsPunct>
  void CountPunct(IsPunct is_punct) {
    punct_before[0] = 0;
    for (int i = 0; i < n; ++i) punct_before[i + 1] = punct_before[i] + (is_punct(i) ? 1 : 0);
    punct_before[n + 1] = punct_before[n];
  }
};
inline constexpr uint64_t kRootTag = 1000, kNoneTag = 1001;

struct ParseState {
  int n = 0;
  int b = 0;  // buffer front; n is the root
  std::vector<int> stack;
  std::vector<int> head, label, lc1, lc2, rc1, rc2, nl, nr;
  std::vector<uint64_t> lset, rset;  // label bit sets of left / right children
  void Reset(int n);
  bool Terminal() const { return stack.empty() && b == n; }
  bool Valid(int move) const;
  // Applies `move`; arcs get `label` (a Dep).
  void Apply(int move, int label);
  int S(int i) const { return static_cast<int>(stack.size()) > i ? stack[stack.size() - 1 - i] : n + 1; }
};

int MoveFeatures(const ParseState& s, const ParseInput& in, uint64_t* out);

// Beam search scratch (one per thread, reused across sentences).
struct BeamScratch {
  struct Candidate {
    float score;
    int item, move;
  };
  std::vector<ParseState> items, next;
  std::vector<float> score, next_score;
  std::vector<Candidate> candidates;
  // Labels chosen in this sentence, by a hash of their label features:
  // the items of a beam often make the same arc in the same context.
  struct CachedLabel {
    uint64_t key = 0;
    uint32_t sentence = 0;
    int label = 0;
  };
  static constexpr size_t kLabelCache = 512;
  std::vector<CachedLabel> labels = std::vector<CachedLabel>(kLabelCache);
  uint32_t sentence = 0;
};
inline constexpr int kMaxBeam = 64;
int LabelFeatures(const ParseState& s, const ParseInput& in, int head, int dep, uint64_t* out);

class ArcParser {
 public:
  void Attach(std::span<const MoveBucket> move_slots, std::span<const FeatureSlot> label_slots,
              const WeightView& label_weights) {
    moves_.Attach(move_slots);
    labels_.Attach(label_slots, label_weights, kDepCount);
  }
  // Beam width (1: greedy); the model file says what it was trained for.
  void SetBeam(int beam) { beam_ = beam < 1 ? 1 : beam > kMaxBeam ? kMaxBeam : beam; }
  int beam() const { return beam_; }
  // Parses; afterwards s->head[i] (n for the root) and s->label[i]. A beam
  // wider than 1 keeps the `beam` best transition sequences (by the sum of
  // their move scores) at every step and uses `scratch`.
  void Parse(const ParseInput& in, ParseState* s, BeamScratch* scratch = nullptr) const;

 private:
  void ParseGreedy(const ParseInput& in, ParseState* s) const;
  void ParseBeam(const ParseInput& in, ParseState* s, BeamScratch* scratch) const;
  MoveModel moves_;
  LinearModel labels_;
  int beam_ = 1;
};

struct ParserTables {
  std::vector<MoveBucket> move_slots;
  std::vector<FeatureSlot> label_slots;
  WeightTable label_entries;
};

// A training sentence: input with predicted tags, gold heads (projective;
// n for the root) and labels.
struct ParserExample {
  ParseInput input;
  std::vector<int> gold_head;
  std::vector<int> gold_label;
};

// Makes gold trees projective by lifting non-projective arcs to the
// grandparent (heads: -1 for the root). Returns how many arcs it lifted.
int Projectivize(std::vector<int>* heads);

// Features updated fewer than `min_updates` times are left out of the
// exported model (smaller and faster, at little cost in accuracy).
void TrainParser(const std::vector<ParserExample>& examples, int epochs, uint64_t seed, uint32_t min_updates,
                 ParserTables* out, void (*progress)(int epoch, double move_acc) = nullptr);

// Global training for beam search (Zhang & Clark 2008; Huang et al. 2012):
// each sentence is decoded with a beam of width `beam` under the current
// weights, beside the static oracle's transition sequence; where the best
// sequence in the beam leads the oracle's prefix by the most ("max
// violation"), the features of the oracle's prefix are rewarded and those
// of the beam's best penalised. The label model learns, as in TrainParser,
// from the arcs of the oracle's sequence. `progress` gets the share of
// sentences that needed no update.
void TrainParserBeam(const std::vector<ParserExample>& examples, int epochs, int beam, uint64_t seed,
                     uint32_t min_updates, ParserTables* out, void (*progress)(int epoch, double exact) = nullptr);

}  // namespace geokg::ingest::parse
