#include "ingest/parse/tagger.h"

#include <algorithm>
#include <map>
#include <random>

#include "ingest/parse/hash.h"

namespace geokg::ingest::parse {

namespace {

struct Pads {
  WordInfo before, after;
  Pads() {
    Fill(&before, HashString("<S>", 99));
    Fill(&after, HashString("</S>", 99));
  }
  static void Fill(WordInfo* p, uint64_t h) {
    p->exact = p->norm = p->pre1 = p->pre2 = p->shape = h;
    for (auto& x : p->sfx) x = h;
  }
};
const Pads kPads;

const WordInfo& At(const WordInfo* w, int n, int i) {
  return i < 0 ? kPads.before : i >= n ? kPads.after : w[i];
}

}  // namespace

int TaggerFeatures(const WordInfo* w, int n, int i, int prev, int prev2, const int* first, uint64_t* f) {
  const WordInfo& x = w[i];
  const WordInfo& l1 = At(w, n, i - 1);
  const WordInfo& l2 = At(w, n, i - 2);
  const WordInfo& r1 = At(w, n, i + 1);
  const WordInfo& r2 = At(w, n, i + 2);
  uint64_t p1 = static_cast<uint64_t>(prev + 1), p2 = static_cast<uint64_t>(prev2 + 1);
  int k = 0;
  f[k++] = FeatureKey(0, 0);
  f[k++] = FeatureKey(1, x.norm);
  f[k++] = FeatureKey(2, x.sfx[0]);
  f[k++] = FeatureKey(3, x.sfx[1]);
  f[k++] = FeatureKey(4, x.sfx[2]);
  f[k++] = FeatureKey(5, x.sfx[3]);
  f[k++] = FeatureKey(6, x.pre1);
  f[k++] = FeatureKey(7, x.pre2);
  f[k++] = FeatureKey(8, x.shape);
  f[k++] = FeatureKey(9, p1);
  f[k++] = FeatureKey(10, p2);
  f[k++] = FeatureKey(11, p1, p2);
  f[k++] = FeatureKey(12, p1, x.norm);
  f[k++] = FeatureKey(13, l1.norm);
  f[k++] = FeatureKey(14, l1.sfx[2]);
  f[k++] = FeatureKey(15, l2.norm);
  f[k++] = FeatureKey(16, r1.norm);
  f[k++] = FeatureKey(17, r1.sfx[2]);
  f[k++] = FeatureKey(18, r2.norm);
  f[k++] = FeatureKey(19, x.flags);
  f[k++] = FeatureKey(20, x.exact);
  f[k++] = FeatureKey(21, l1.norm, x.norm);
  f[k++] = FeatureKey(22, x.norm, r1.norm);
  f[k++] = FeatureKey(23, p1, r1.norm);
  f[k++] = FeatureKey(24, x.flags, p1);
  f[k++] = FeatureKey(25, x.shape, r1.shape);
  f[k++] = FeatureKey(26, l1.shape, x.shape);
  // What WordNet says the words can be.
  f[k++] = FeatureKey(50, x.lex);
  f[k++] = FeatureKey(51, x.lex, x.sfx[1]);
  f[k++] = FeatureKey(52, x.lex, p1);
  f[k++] = FeatureKey(53, x.lex, r1.lex);
  f[k++] = FeatureKey(54, l1.lex, x.lex);
  if (first != nullptr) {
    // Second pass: the first pass's tags of the words to the right.
    uint64_t n1 = i + 1 < n ? first[i + 1] + 1 : 0, n2 = i + 2 < n ? first[i + 2] + 1 : 0;
    uint64_t t0 = first[i] + 1;
    f[k++] = FeatureKey(40, n1);
    f[k++] = FeatureKey(41, n1, n2);
    f[k++] = FeatureKey(42, p1, n1);
    f[k++] = FeatureKey(43, x.norm, n1);
    f[k++] = FeatureKey(44, x.sfx[2], n1);
    f[k++] = FeatureKey(45, t0);
    f[k++] = FeatureKey(46, t0, x.norm);
  }
  if (x.last_part != 0) {
    f[k++] = FeatureKey(27, x.last_part);
    f[k++] = FeatureKey(28, x.last_part, p1);
  }
  return k;
}

void Tagger::Tag(const WordInfo* words, int n, int* classes, const int* first, float* margins, const float* keep,
                 float keep_margin, int begin, int end) const {
  uint64_t feats[kMaxTaggerFeatures];
  std::vector<float> scores_buf;
  float scores_small[256];
  float* scores = n_classes() <= 256 ? scores_small : (scores_buf.resize(n_classes()), scores_buf.data());
  if (end < 0 || end > n) end = n;
  int prev = begin >= 1 ? classes[begin - 1] : -1, prev2 = begin >= 2 ? classes[begin - 2] : -1;
  for (int i = begin; i < end; ++i) {
    int best = -1;
    // A word the first pass was sure of keeps its tag, asked before the tag
    // dictionary: both passes share one dictionary, a dictionary word's
    // first-pass margin is 1e30 and its tag the dictionary's, so the second
    // pass gives the same tags without looking each such word up again
    // (four words in ten).
    if (keep != nullptr && first != nullptr && keep[i] >= keep_margin) {
      best = first[i];
    } else if (const MapSlot* d = tagdict_.Find(words[i].exact | 1); d != nullptr && d->value < pairs_.size()) {
      best = static_cast<int>(d->value);
      if (margins) margins[i] = 1e30f;
    } else {
      int k = TaggerFeatures(words, n, i, prev, prev2, first, feats);
      std::fill(scores, scores + n_classes(), 0.0f);
      model_.AddScores(feats, static_cast<size_t>(k), scores);
      // The first best class, and the best score of the others.
      best = 0;
      float top = scores[0], second = -1e30f;
      for (int c = 1; c < n_classes(); ++c) {
        if (scores[c] > top) second = top, top = scores[c], best = c;
        else if (scores[c] > second) second = scores[c];
      }
      if (margins) margins[i] = top - second;
    }
    classes[i] = best;
    prev2 = prev;
    prev = best;
  }
}

std::vector<TagPair> CollectTagPairs(const std::vector<TreebankSentence>& sentences) {
  std::map<std::pair<int, int>, int> counts;
  for (const auto& s : sentences)
    for (const auto& t : s.tokens) ++counts[{t.xpos, static_cast<int>(t.upos)}];
  std::vector<TagPair> pairs;
  for (const auto& [k, n] : counts)
    if (n >= 2) pairs.push_back(TagPair{static_cast<uint8_t>(k.first), static_cast<uint8_t>(k.second)});
  return pairs;
}

namespace {
int PairIndex(const std::vector<TagPair>& pairs, uint8_t xpos, Upos upos) {
  int fallback = -1;
  for (size_t i = 0; i < pairs.size(); ++i) {
    if (pairs[i].xpos == xpos && pairs[i].upos == static_cast<uint8_t>(upos)) return static_cast<int>(i);
    if (pairs[i].xpos == xpos && fallback < 0) fallback = static_cast<int>(i);
  }
  return fallback < 0 ? 0 : fallback;
}
}  // namespace

void MakeTaggerExamples(const std::vector<TreebankSentence>& sentences, const std::vector<TagPair>& pairs,
                        std::vector<TaggerExample>* out) {
  out->clear();
  out->reserve(sentences.size());
  std::vector<std::string_view> forms;
  std::string scratch;
  for (const auto& s : sentences) {
    forms.clear();
    for (const auto& t : s.tokens) forms.push_back(t.form);
    TaggerExample ex;
    ComputeWordInfo(forms, &ex.words, &scratch);
    for (const auto& t : s.tokens) ex.gold.push_back(PairIndex(pairs, t.xpos, t.upos));
    out->push_back(std::move(ex));
  }
}

void TrainTagger(const std::vector<TaggerExample>& examples, const std::vector<TagPair>& pairs, int epochs,
                 int folds, int skip_fold, uint64_t seed, TaggerTables* out,
                 const std::vector<std::vector<int>>* first_pass, float min_weight) {
  const int n_classes = static_cast<int>(pairs.size());
  // Tag dictionary: words seen >= 20 times with one class >= 97% of the time.
  std::map<uint64_t, std::map<int, int>> seen;
  std::vector<size_t> order;
  for (size_t i = 0; i < examples.size(); ++i) {
    if (folds > 1 && static_cast<int>(i % folds) == skip_fold) continue;
    order.push_back(i);
    for (size_t j = 0; j < examples[i].words.size(); ++j) ++seen[examples[i].words[j].exact | 1][examples[i].gold[j]];
  }
  std::vector<MapSlot> dict_items;
  for (const auto& [key, classes] : seen) {
    int total = 0, best = 0, best_c = 0;
    for (const auto& [c, n] : classes) {
      total += n;
      if (n > best) best = n, best_c = c;
    }
    if (total >= 20 && best >= 0.97 * total) dict_items.push_back(MapSlot{key, static_cast<uint32_t>(best_c), 0});
  }
  out->pairs = pairs;
  out->tagdict = FrozenMap::Build(std::move(dict_items));
  FrozenMap dict;
  dict.Attach(out->tagdict);

  AveragedPerceptron model(n_classes);
  std::mt19937_64 rng(seed);
  uint64_t feats[kMaxTaggerFeatures];
  std::vector<float> scores(n_classes);
  for (int epoch = 0; epoch < epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    for (size_t idx : order) {
      const TaggerExample& ex = examples[idx];
      int n = static_cast<int>(ex.words.size());
      int prev = -1, prev2 = -1;
      for (int i = 0; i < n; ++i) {
        int guess;
        if (const MapSlot* d = dict.Find(ex.words[i].exact | 1); d != nullptr) {
          guess = static_cast<int>(d->value);
        } else {
          int k = TaggerFeatures(ex.words.data(), n, i, prev, prev2,
                                 first_pass ? (*first_pass)[idx].data() : nullptr, feats);
          model.Score(feats, k, scores.data());
          guess = static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
          model.Update(feats, k, ex.gold[i], guess);
          model.Tick();
        }
        prev2 = prev;
        prev = guess;
      }
    }
  }
  // Features with weights for 8 classes or more (the frequent ones) get
  // dense rows: adding a row with vector instructions costs less than
  // adding pairs one by one, even though the row spans more cache lines.
  // With float rows 12 was best (23, a quarter of the classes, was about 5%
  // slower; 6 slower again: the rows no longer stayed in the cache); rows
  // of 16-bit weights (a model file's) take half the lines, and 8 was about
  // 3% faster than 12 in ingest.
  model.Export(min_weight, 1, &out->slots, &out->entries, kTaggerDenseMin);
}

}  // namespace geokg::ingest::parse
