#include "ingest/parse/transition.h"

#include <algorithm>
#include <random>

#include "ingest/parse/hash.h"

namespace geokg::ingest::parse {

namespace {
constexpr int kNoLabel = 63;
// Label features with weights for at least 5 of the 56 relations get dense
// rows, as the tagger's frequent features do (kTaggerDenseMin). With float
// rows 8 was best (14 was a few percent slower); rows of 16-bit weights
// take half the cache lines, and 5 was about 3% faster than 8 in ingest.
constexpr uint32_t kLabelDenseMin = 5;
const uint64_t kRootWord = HashString("<ROOT>", 17);
const uint64_t kNoneWord = HashString("<NONE>", 17);

uint64_t DistBucket(int d) {
  if (d < 0) d = -d;
  return d <= 4 ? d : d <= 6 ? 5 : d <= 9 ? 6 : d <= 14 ? 7 : 8;
}
uint64_t Valency(int v) { return v > 4 ? 4 : v; }
}  // namespace

void ParseInput::Reset(int n_words) {
  n = n_words;
  word.resize(n + 2);
  tag.resize(n + 2);
  punct_before.assign(n + 2, 0);
  word[n] = kRootWord;
  tag[n] = kRootTag;
  word[n + 1] = kNoneWord;
  tag[n + 1] = kNoneTag;
}

void ParseState::Reset(int n_words) {
  n = n_words;
  b = 0;
  stack.clear();
  int size = n + 2;
  head.assign(size, -1);
  label.assign(size, kNoLabel);
  lc1.assign(size, n + 1);
  lc2.assign(size, n + 1);
  rc1.assign(size, n + 1);
  rc2.assign(size, n + 1);
  nl.assign(size, 0);
  nr.assign(size, 0);
  lset.assign(size, 0);
  rset.assign(size, 0);
}

bool ParseState::Valid(int move) const {
  switch (move) {
    case kShift: return b < n;
    case kLeft: return !stack.empty() && (b < n || stack.size() == 1);
    case kRight: return stack.size() >= 2;
  }
  return false;
}

void ParseState::Apply(int move, int lab) {
  if (move == kShift) {
    stack.push_back(b++);
    return;
  }
  int d = stack.back();
  stack.pop_back();
  int h = move == kLeft ? b : stack.back();
  head[d] = h;
  label[d] = lab;
  const int none = n + 1;
  if (d < h) {
    if (lc1[h] == none || d < lc1[h]) lc2[h] = lc1[h], lc1[h] = d;
    else if (lc2[h] == none || d < lc2[h]) lc2[h] = d;
    ++nl[h];
    lset[h] |= 1ull << lab;
  } else {
    if (rc1[h] == none || d > rc1[h]) rc2[h] = rc1[h], rc1[h] = d;
    else if (rc2[h] == none || d > rc2[h]) rc2[h] = d;
    ++nr[h];
    rset[h] |= 1ull << lab;
  }
}

int MoveFeatures(const ParseState& s, const ParseInput& in, uint64_t* f) {
  const int none = s.n + 1;
  const int s0 = s.S(0), s1 = s.S(1), s2 = s.S(2);
  const int n0 = s.b, n1 = s.b + 1 <= s.n ? s.b + 1 : none, n2 = s.b + 2 <= s.n ? s.b + 2 : none;
  const uint64_t* w = in.word.data();
  const uint64_t* t = in.tag.data();
  const int s0l = s.lc1[s0], s0l2 = s.lc2[s0], s0r = s.rc1[s0], s0r2 = s.rc2[s0];
  const int n0l = s.lc1[n0], n0l2 = s.lc2[n0];
  const int s1l = s.lc1[s1], s1r = s.rc1[s1];
  const uint64_t d = s0 == none ? 0 : DistBucket(n0 - s0);
  const uint64_t d1 = s1 == none ? 0 : DistBucket(s0 - s1);
  const uint64_t s0w = w[s0], s0t = t[s0], n0w = w[n0], n0t = t[n0], n1w = w[n1], n1t = t[n1];
  const uint64_t s1w = w[s1], s1t = t[s1];
  const uint64_t s0wt = s0w * 31 + s0t, n0wt = n0w * 31 + n0t, n1wt = n1w * 31 + n1t, s1wt = s1w * 31 + s1t;
  int k = 0;
  // Single words.
  f[k++] = FeatureKey(100, s0w);
  f[k++] = FeatureKey(101, s0t);
  f[k++] = FeatureKey(102, s0wt);
  f[k++] = FeatureKey(103, n0w);
  f[k++] = FeatureKey(104, n0t);
  f[k++] = FeatureKey(105, n0wt);
  f[k++] = FeatureKey(106, n1w);
  f[k++] = FeatureKey(107, n1t);
  f[k++] = FeatureKey(108, n1wt);
  f[k++] = FeatureKey(109, w[n2]);
  f[k++] = FeatureKey(110, t[n2]);
  f[k++] = FeatureKey(111, s1w);
  f[k++] = FeatureKey(112, s1t);
  f[k++] = FeatureKey(113, s1wt);
  f[k++] = FeatureKey(114, t[s2]);
  f[k++] = FeatureKey(115, w[s2]);
  // Pairs.
  f[k++] = FeatureKey(120, s0wt, n0wt);
  f[k++] = FeatureKey(121, s0wt, n0w);
  f[k++] = FeatureKey(122, s0w, n0wt);
  f[k++] = FeatureKey(123, s0wt, n0t);
  f[k++] = FeatureKey(124, s0t, n0wt);
  f[k++] = FeatureKey(125, s0w, n0w);
  f[k++] = FeatureKey(126, s0t, n0t);
  f[k++] = FeatureKey(127, n0t, n1t);
  f[k++] = FeatureKey(128, s1t, s0t);
  f[k++] = FeatureKey(129, s1w, s0w);
  f[k++] = FeatureKey(130, s1wt, s0t);
  f[k++] = FeatureKey(131, s1t, s0wt);
  f[k++] = FeatureKey(132, n0w, n1w);
  f[k++] = FeatureKey(133, s1t, n0t);
  f[k++] = FeatureKey(134, s1wt, n0wt);
  // Triples of tags.
  f[k++] = FeatureKey(140, n0t, n1t, t[n2]);
  f[k++] = FeatureKey(141, s0t, n0t, n1t);
  f[k++] = FeatureKey(142, s1t, s0t, n0t);
  f[k++] = FeatureKey(143, s0t, t[s0l], n0t);
  f[k++] = FeatureKey(144, s0t, t[s0r], n0t);
  f[k++] = FeatureKey(145, s0t, n0t, t[n0l]);
  f[k++] = FeatureKey(146, s1t, s0t, t[s0l]);
  f[k++] = FeatureKey(147, s1t, s0t, t[s0r]);
  f[k++] = FeatureKey(148, s1t, t[s1r], s0t);
  f[k++] = FeatureKey(149, t[s2], s1t, s0t);
  f[k++] = FeatureKey(150, s0w, n0t, n1t);
  f[k++] = FeatureKey(151, s0t, n0w, n1t);
  // Distance.
  f[k++] = FeatureKey(160, s0w, d);
  f[k++] = FeatureKey(161, s0t, d);
  f[k++] = FeatureKey(162, n0w, d);
  f[k++] = FeatureKey(163, n0t, d);
  f[k++] = FeatureKey(164, s0w, n0w, d);
  f[k++] = FeatureKey(165, s0t, n0t, d);
  f[k++] = FeatureKey(166, s1t, s0t, d1);
  f[k++] = FeatureKey(167, s1w, s0w, d1);
  // Valency.
  f[k++] = FeatureKey(170, s0w, Valency(s.nr[s0]));
  f[k++] = FeatureKey(171, s0t, Valency(s.nr[s0]));
  f[k++] = FeatureKey(172, s0w, Valency(s.nl[s0]));
  f[k++] = FeatureKey(173, s0t, Valency(s.nl[s0]));
  f[k++] = FeatureKey(174, n0w, Valency(s.nl[n0]));
  f[k++] = FeatureKey(175, n0t, Valency(s.nl[n0]));
  f[k++] = FeatureKey(176, s1t, Valency(s.nr[s1]), Valency(s.nl[s1]));
  // Children.
  f[k++] = FeatureKey(180, w[s0l]);
  f[k++] = FeatureKey(181, t[s0l]);
  f[k++] = FeatureKey(182, s.label[s0l]);
  f[k++] = FeatureKey(183, w[s0r]);
  f[k++] = FeatureKey(184, t[s0r]);
  f[k++] = FeatureKey(185, s.label[s0r]);
  f[k++] = FeatureKey(186, w[n0l]);
  f[k++] = FeatureKey(187, t[n0l]);
  f[k++] = FeatureKey(188, s.label[n0l]);
  f[k++] = FeatureKey(189, t[s1l], s.label[s1l]);
  f[k++] = FeatureKey(190, t[s1r], s.label[s1r]);
  f[k++] = FeatureKey(191, s0t, s.label[s0l], s.label[s0r]);
  f[k++] = FeatureKey(192, n0t, s.label[n0l]);
  // Second children.
  f[k++] = FeatureKey(200, w[s0l2]);
  f[k++] = FeatureKey(201, t[s0l2]);
  f[k++] = FeatureKey(202, s.label[s0l2]);
  f[k++] = FeatureKey(203, w[s0r2]);
  f[k++] = FeatureKey(204, t[s0r2]);
  f[k++] = FeatureKey(205, s.label[s0r2]);
  f[k++] = FeatureKey(206, w[n0l2]);
  f[k++] = FeatureKey(207, t[n0l2]);
  f[k++] = FeatureKey(208, s.label[n0l2]);
  f[k++] = FeatureKey(209, s0t, t[s0l], t[s0l2]);
  f[k++] = FeatureKey(210, s0t, t[s0r], t[s0r2]);
  f[k++] = FeatureKey(211, n0t, t[n0l], t[n0l2]);
  // Label sets.
  f[k++] = FeatureKey(220, s0w, s.rset[s0]);
  f[k++] = FeatureKey(221, s0t, s.rset[s0]);
  f[k++] = FeatureKey(222, s0w, s.lset[s0]);
  f[k++] = FeatureKey(223, s0t, s.lset[s0]);
  f[k++] = FeatureKey(224, n0w, s.lset[n0]);
  f[k++] = FeatureKey(225, n0t, s.lset[n0]);
  f[k++] = FeatureKey(226, s1t, s.lset[s1], s.rset[s1]);
  // Punctuation between s0 and n0 (clause and list boundaries).
  const uint64_t pb = s0 == none ? 9 : std::min(in.punct_before[n0] - in.punct_before[s0 + 1], 3);
  f[k++] = FeatureKey(230, s0t, n0t, pb);
  f[k++] = FeatureKey(231, pb, d);
  f[k++] = FeatureKey(232, s0w, n0t, pb);
  return k;
}

int LabelFeatures(const ParseState& s, const ParseInput& in, int h, int d, uint64_t* f) {
  const uint64_t* w = in.word.data();
  const uint64_t* t = in.tag.data();
  const int none = s.n + 1;
  const uint64_t dir = d < h ? 1 : 2;
  const uint64_t dist = DistBucket(h - d) * 4 + dir;
  const int dl = s.lc1[d], dr = s.rc1[d], hl = s.lc1[h], hr = s.rc1[h];
  const uint64_t dw = w[d], dt = t[d], hw = w[h], ht = t[h];
  const uint64_t dprev = d > 0 ? t[d - 1] : kNoneTag, dnext = t[d + 1 <= s.n ? d + 1 : none];
  int k = 0;
  f[k++] = FeatureKey(300, 0);
  f[k++] = FeatureKey(301, dw);
  f[k++] = FeatureKey(302, dt);
  f[k++] = FeatureKey(303, hw);
  f[k++] = FeatureKey(304, ht);
  f[k++] = FeatureKey(305, dt, ht, dir);
  f[k++] = FeatureKey(306, dw, ht, dir);
  f[k++] = FeatureKey(307, dt, hw, dir);
  f[k++] = FeatureKey(308, dw, hw, dir);
  f[k++] = FeatureKey(309, dt, ht, dist);
  f[k++] = FeatureKey(310, w[dl], dt, ht);
  f[k++] = FeatureKey(311, t[dl], s.label[dl]);
  f[k++] = FeatureKey(312, w[dl], ht, dir);
  f[k++] = FeatureKey(313, t[dr], s.label[dr], dt);
  f[k++] = FeatureKey(314, s.lset[d], dt);
  f[k++] = FeatureKey(315, s.rset[d], dt);
  f[k++] = FeatureKey(316, s.lset[h], ht, dir);
  f[k++] = FeatureKey(317, s.rset[h], ht, dir);
  f[k++] = FeatureKey(318, dprev, dt, dnext);
  f[k++] = FeatureKey(319, dt, ht, t[s.b <= s.n ? s.b : none]);
  f[k++] = FeatureKey(320, w[dl], dw);
  f[k++] = FeatureKey(321, t[hl], s.label[hl], dir);
  f[k++] = FeatureKey(322, t[hr], s.label[hr], dir);
  f[k++] = FeatureKey(323, dw, s.lset[d]);
  f[k++] = FeatureKey(324, hw, s.lset[h], dir);
  f[k++] = FeatureKey(325, w[dl], hw);
  f[k++] = FeatureKey(326, dt, ht, h == s.n ? 1 : 0);
  f[k++] = FeatureKey(327, w[s.lc2[d]], t[dl], dt);
  f[k++] = FeatureKey(328, dt, t[h > 0 ? h - 1 : none], ht);
  return k;
}

namespace {

int BestLabel(const float* scores, bool root) {
  if (root) return static_cast<int>(Dep::kRoot);
  int best = 1;
  for (int c = 2; c < kDepCount; ++c)
    if (scores[c] > scores[best]) best = c;
  return best;
}

int ArcHead(const ParseState& s, int move) { return move == kLeft ? s.b : s.stack[s.stack.size() - 2]; }

}  // namespace

void ArcParser::Parse(const ParseInput& in, ParseState* s, BeamScratch* scratch) const {
  if (beam_ <= 1 || scratch == nullptr) ParseGreedy(in, s);
  else ParseBeam(in, s, scratch);
}

namespace {

// Orders beam candidates: higher score first, then by item and move, so
// that the search is deterministic.
bool CandidateBefore(const BeamScratch::Candidate& a, const BeamScratch::Candidate& b) {
  if (a.score != b.score) return a.score > b.score;
  if (a.item != b.item) return a.item < b.item;
  return a.move < b.move;
}

// Expands the `size` items of `scratch->items` by their valid moves, scored
// by `score_moves(state, ms)` (not called for a forced move, which scores
// 0), and keeps the best `beam` candidates, in order, in
// scratch->candidates.
template <class ScoreMoves>
void ExpandBeam(BeamScratch* scratch, int size, int beam, ScoreMoves score_moves) {
  scratch->candidates.clear();
  for (int i = 0; i < size; ++i) {
    const ParseState& st = scratch->items[i];
    bool valid[kMoveCount];
    int n_valid = 0;
    for (int m = 0; m < kMoveCount; ++m) n_valid += valid[m] = st.Valid(m);
    float ms[kMoveCount] = {0, 0, 0};
    if (n_valid > 1) score_moves(st, ms);
    for (int m = 0; m < kMoveCount; ++m)
      if (valid[m]) scratch->candidates.push_back({scratch->score[i] + ms[m], i, m});
  }
  auto& c = scratch->candidates;
  const size_t keep = std::min<size_t>(beam, c.size());
  std::partial_sort(c.begin(), c.begin() + keep, c.end(), CandidateBefore);
  c.resize(keep);
}

void GrowBeam(BeamScratch* scratch, int beam) {
  if (static_cast<int>(scratch->items.size()) < beam) {
    scratch->items.resize(beam);
    scratch->next.resize(beam);
    scratch->score.resize(beam);
    scratch->next_score.resize(beam);
  }
}

}  // namespace

void ArcParser::ParseBeam(const ParseInput& in, ParseState* s, BeamScratch* scratch) const {
  GrowBeam(scratch, beam_);
  if (++scratch->sentence == 0) {  // wrapped: forget every cached label
    scratch->labels.assign(BeamScratch::kLabelCache, BeamScratch::CachedLabel{});
    scratch->sentence = 1;
  }
  scratch->items[0].Reset(in.n);
  scratch->score[0] = 0;
  int size = 1;
  uint64_t feats[kMaxMoveFeatures];
  float scores[kDepCount];
  // Every sequence has 2n transitions (each word shifted and reduced once),
  // so the items of a beam end together.
  while (!scratch->items[0].Terminal()) {
    ExpandBeam(scratch, size, beam_, [&](const ParseState& st, float* ms) {
      int k = MoveFeatures(st, in, feats);
      moves_.AddScores(feats, k, ms);
    });
    size = static_cast<int>(scratch->candidates.size());
    for (int j = 0; j < size; ++j) {
      const BeamScratch::Candidate& c = scratch->candidates[j];
      ParseState& st = scratch->next[j];
      st = scratch->items[c.item];
      int lab = kNoLabel;
      if (c.move != kShift) {
        int h = ArcHead(st, c.move), d = st.stack.back();
        if (h == st.n) {
          lab = static_cast<int>(Dep::kRoot);
        } else {
          int kl = LabelFeatures(st, in, h, d, feats);
          uint64_t key = 0;
          for (int f = 0; f < kl; ++f) key = MixHash(key + feats[f]);
          BeamScratch::CachedLabel& cached = scratch->labels[key % BeamScratch::kLabelCache];
          if (cached.sentence == scratch->sentence && cached.key == key) {
            lab = cached.label;
          } else {
            std::fill(scores, scores + kDepCount, 0.0f);
            labels_.AddScores(feats, kl, scores);
            lab = BestLabel(scores, false);
            cached = {key, scratch->sentence, lab};
          }
        }
      }
      st.Apply(c.move, lab);
      scratch->next_score[j] = c.score;
    }
    scratch->items.swap(scratch->next);
    scratch->score.swap(scratch->next_score);
  }
  std::swap(*s, scratch->items[0]);
}

void ArcParser::ParseGreedy(const ParseInput& in, ParseState* s) const {
  s->Reset(in.n);
  uint64_t feats[kMaxMoveFeatures];
  float scores[kDepCount];
  while (!s->Terminal()) {
    bool valid[kMoveCount];
    int n_valid = 0, best = -1;
    for (int m = 0; m < kMoveCount; ++m) n_valid += valid[m] = s->Valid(m);
    if (n_valid == 1) {
      // A forced move (empty stack, or the buffer at the root: about one
      // transition in six) needs no scores.
      best = valid[kShift] ? kShift : valid[kLeft] ? kLeft : kRight;
    } else {
      int k = MoveFeatures(*s, in, feats);
      float ms[kMoveCount] = {0, 0, 0};
      moves_.AddScores(feats, k, ms);
      for (int m = 0; m < kMoveCount; ++m)
        if (valid[m] && (best < 0 || ms[m] > ms[best])) best = m;
    }
    int lab = kNoLabel;
    if (best != kShift) {
      int h = ArcHead(*s, best), d = s->stack.back();
      if (h == s->n) {
        lab = static_cast<int>(Dep::kRoot);  // what BestLabel gives the root's dependent, whatever the scores
      } else if (in.punct_before[d + 1] != in.punct_before[d]) {
        // A punctuation mark is attached as punct, as the label model nearly
        // always says (test split LAS 82.53 with or without scoring it): not
        // scored, one arc in eight.
        lab = static_cast<int>(Dep::kPunct);
      } else {
        int kl = LabelFeatures(*s, in, h, d, feats);
        std::fill(scores, scores + kDepCount, 0.0f);
        labels_.AddScores(feats, kl, scores);
        lab = BestLabel(scores, false);
      }
    }
    s->Apply(best, lab);
  }
}

int Projectivize(std::vector<int>* heads) {
  std::vector<int>& h = *heads;
  const int n = static_cast<int>(h.size());
  auto dominates = [&](int a, int x) {  // a is an ancestor of x (a == -1: the root)
    for (int steps = 0; x != -1 && steps <= n; ++steps) {
      x = h[x];
      if (x == a) return true;
    }
    return a == -1;
  };
  int lifted = 0;
  for (int round = 0; round < 4 * n; ++round) {
    int worst = -1, worst_len = 1 << 30;
    for (int d = 0; d < n; ++d) {
      int hd = h[d];
      if (hd < 0) continue;
      int lo = std::min(hd, d), hi = std::max(hd, d);
      bool proj = true;
      for (int x = lo + 1; x < hi && proj; ++x) proj = dominates(hd, x);
      if (!proj && hi - lo < worst_len) worst = d, worst_len = hi - lo;
    }
    if (worst < 0) break;
    h[worst] = h[h[worst]];
    ++lifted;
  }
  return lifted;
}

void TrainParser(const std::vector<ParserExample>& examples, int epochs, uint64_t seed, uint32_t min_updates,
                 ParserTables* out, void (*progress)(int epoch, double move_acc)) {
  AveragedPerceptron moves(kMoveCount), labels(kDepCount);
  std::mt19937_64 rng(seed);
  std::vector<size_t> order(examples.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  ParseState s;
  uint64_t feats[kMaxMoveFeatures], lfeats[kMaxLabelFeatures];
  float ls[kDepCount];
  for (int epoch = 0; epoch < epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    size_t total = 0, correct = 0;
    for (size_t idx : order) {
      const ParserExample& ex = examples[idx];
      const ParseInput& in = ex.input;
      const std::vector<int>& g = ex.gold_head;
      const int n = in.n;
      s.Reset(n);
      while (!s.Terminal()) {
        int k = MoveFeatures(s, in, feats);
        float ms[kMoveCount];
        moves.Score(feats, k, ms);
        // Costs of the valid moves (Goldberg & Nivre 2013, arc-hybrid).
        int cost[kMoveCount] = {1 << 20, 1 << 20, 1 << 20};
        const int s0 = s.stack.empty() ? -1 : s.stack.back();
        const int s1 = s.stack.size() >= 2 ? s.stack[s.stack.size() - 2] : -1;
        int s0_deps_in_buffer = 0;
        if (s0 >= 0)
          for (int x = s.b; x < n; ++x) s0_deps_in_buffer += g[x] == s0;
        if (s.Valid(kShift)) {
          int c = 0;
          for (size_t j = 0; j < s.stack.size(); ++j) {
            int x = s.stack[j];
            if (g[x] == s.b) ++c;
            if (g[s.b] == x && x != s0) ++c;
          }
          cost[kShift] = c;
        }
        if (s.Valid(kLeft)) cost[kLeft] = s0_deps_in_buffer + ((g[s0] != s.b && (g[s0] == s1 || g[s0] > s.b)) ? 1 : 0);
        if (s.Valid(kRight)) cost[kRight] = s0_deps_in_buffer + (g[s0] >= s.b ? 1 : 0);
        int guess = -1, gold = -1;
        for (int m = 0; m < kMoveCount; ++m) {
          if (cost[m] >= (1 << 20)) continue;
          if (guess < 0 || ms[m] > ms[guess]) guess = m;
        }
        int min_cost = 1 << 20;
        for (int m = 0; m < kMoveCount; ++m) min_cost = std::min(min_cost, cost[m]);
        for (int m = 0; m < kMoveCount; ++m)
          if (cost[m] == min_cost && (gold < 0 || ms[m] > ms[gold])) gold = m;
        ++total;
        if (cost[guess] == min_cost) ++correct;
        else moves.Update(feats, k, gold, guess);
        moves.Tick();
        bool explore = epoch > 0 && (rng() % 10) != 0;
        int move = explore ? guess : gold;
        int lab = kNoLabel;
        if (move != kShift) {
          int h = ArcHead(s, move), d = s.stack.back();
          int kl = LabelFeatures(s, in, h, d, lfeats);
          labels.Score(lfeats, kl, ls);
          lab = BestLabel(ls, h == n);
          if (g[d] == h && h != n) {
            labels.Update(lfeats, kl, ex.gold_label[d], lab);
            labels.Tick();
            if (!explore) lab = ex.gold_label[d];
          }
        }
        s.Apply(move, lab);
      }
    }
    if (progress) progress(epoch, total ? static_cast<double>(correct) / total : 0.0);
  }
  std::vector<FeatureSlot> move_slots;
  WeightTable move_weights;
  moves.Export(0.01f, min_updates, &move_slots, &move_weights);
  out->move_slots = MoveModel::FromSparse(move_slots, move_weights.entries);
  labels.Export(0.01f, min_updates, &out->label_slots, &out->label_entries, kLabelDenseMin);
}

namespace {

// The static oracle's move for the gold tree `g` (projective; n for the
// root) from a state on its path: LEFT or RIGHT once the stack top has all
// its children and its head is the buffer front or the word under it.
int OracleMove(const ParseState& s, const std::vector<int>& g, const std::vector<int>& n_children) {
  if (!s.stack.empty()) {
    const int s0 = s.stack.back();
    if (s.nl[s0] + s.nr[s0] == n_children[s0]) {
      if (g[s0] == s.b && s.Valid(kLeft)) return kLeft;
      if (s.stack.size() >= 2 && g[s0] == s.stack[s.stack.size() - 2]) return kRight;
    }
  }
  return kShift;
}

int CountValid(const ParseState& s) { return s.Valid(kShift) + s.Valid(kLeft) + s.Valid(kRight); }

// The label model's label for `move`'s arc (the label model does not
// change while a sentence is decoded, so labels are cached as in
// ArcParser::ParseBeam).
int PredictLabel(const AveragedPerceptron& labels, const ParseState& s, const ParseInput& in, int move,
                 uint64_t* lfeats, float* ls, BeamScratch* scratch) {
  if (move == kShift) return kNoLabel;
  int h = ArcHead(s, move), d = s.stack.back();
  if (h == s.n) return static_cast<int>(Dep::kRoot);
  int kl = LabelFeatures(s, in, h, d, lfeats);
  uint64_t key = 0;
  for (int f = 0; f < kl; ++f) key = MixHash(key + lfeats[f]);
  BeamScratch::CachedLabel& cached = scratch->labels[key % BeamScratch::kLabelCache];
  if (cached.sentence == scratch->sentence && cached.key == key) return cached.label;
  labels.Score(lfeats, kl, ls);
  const int lab = BestLabel(ls, false);
  cached = {key, scratch->sentence, lab};
  return lab;
}

}  // namespace

void TrainParserBeam(const std::vector<ParserExample>& examples, int epochs, int beam, uint64_t seed,
                     uint32_t min_updates, ParserTables* out, void (*progress)(int epoch, double exact)) {
  AveragedPerceptron moves(kMoveCount), labels(kDepCount);
  std::mt19937_64 rng(seed);
  std::vector<size_t> order(examples.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  BeamScratch scratch;
  GrowBeam(&scratch, beam);
  ParseState gold;
  std::vector<int> n_children, gold_moves, gold_labels;
  struct Step {
    int parent, move, label;
  };
  std::vector<Step> history;  // history[t * beam + j]: how item j of step t was made
  std::vector<int> pred_moves, pred_labels;
  std::vector<char> in_gold, next_gold;
  uint64_t feats[kMaxMoveFeatures], lfeats[kMaxLabelFeatures];
  float ls[kDepCount];
  for (int epoch = 0; epoch < epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    size_t exact = 0;
    for (size_t idx : order) {
      const ParserExample& ex = examples[idx];
      const ParseInput& in = ex.input;
      const std::vector<int>& g = ex.gold_head;
      const int n = in.n;
      n_children.assign(n + 2, 0);
      for (int d = 0; d < n; ++d) ++n_children[g[d]];
      const int steps = 2 * n;
      history.resize(static_cast<size_t>(steps) * beam);
      gold_moves.assign(steps, kShift);
      gold_labels.assign(steps, kNoLabel);
      // Decode, the oracle's sequence beside the beam.
      if (++scratch.sentence == 0) {
        scratch.labels.assign(BeamScratch::kLabelCache, BeamScratch::CachedLabel{});
        scratch.sentence = 1;
      }
      gold.Reset(n);
      float gold_score = 0;
      scratch.items[0].Reset(n);
      scratch.score[0] = 0;
      in_gold.assign(beam, 1);  // whether item j is the oracle's prefix
      next_gold.assign(beam, 0);
      int size = 1, t_star = -1;
      float worst = 0;
      bool broken = false;
      for (int t = 0; t < steps; ++t) {
        const int gm = OracleMove(gold, g, n_children);
        if (!gold.Valid(gm)) {  // not a projective single-rooted tree: skip the sentence
          broken = true;
          break;
        }
        if (CountValid(gold) > 1) {
          int k = MoveFeatures(gold, in, feats);
          float ms[kMoveCount];
          moves.Score(feats, k, ms);
          gold_score += ms[gm];
        }
        gold_moves[t] = gm;
        gold_labels[t] = PredictLabel(labels, gold, in, gm, lfeats, ls, &scratch);
        gold.Apply(gm, gold_labels[t]);

        ExpandBeam(&scratch, size, beam, [&](const ParseState& st, float* ms) {
          int k = MoveFeatures(st, in, feats);
          moves.Score(feats, k, ms);
        });
        size = static_cast<int>(scratch.candidates.size());
        for (int j = 0; j < size; ++j) {
          const BeamScratch::Candidate& c = scratch.candidates[j];
          ParseState& st = scratch.next[j];
          st = scratch.items[c.item];
          const int lab = PredictLabel(labels, st, in, c.move, lfeats, ls, &scratch);
          st.Apply(c.move, lab);
          scratch.next_score[j] = c.score;
          next_gold[j] = in_gold[c.item] && c.move == gm;
          history[static_cast<size_t>(t) * beam + j] = {c.item, c.move, lab};
        }
        scratch.items.swap(scratch.next);
        scratch.score.swap(scratch.next_score);
        std::swap(in_gold, next_gold);
        if (!in_gold[0]) {
          const float violation = scratch.score[0] - gold_score;
          if (t_star < 0 || violation >= worst) worst = violation, t_star = t;
        }
      }
      if (broken) continue;
      // Label model: the arcs of the oracle's sequence.
      gold.Reset(n);
      for (int t = 0; t < steps; ++t) {
        const int gm = gold_moves[t];
        if (gm != kShift) {
          int h = ArcHead(gold, gm), d = gold.stack.back();
          if (h != n) {
            int kl = LabelFeatures(gold, in, h, d, lfeats);
            labels.Score(lfeats, kl, ls);
            labels.Update(lfeats, kl, ex.gold_label[d], BestLabel(ls, false));
            labels.Tick();
          }
        }
        gold.Apply(gm, gold_labels[t]);
      }
      if (t_star < 0) {
        ++exact;
        moves.Tick();
        continue;
      }
      // The beam's best sequence at t_star, traced back.
      pred_moves.assign(t_star + 1, 0);
      pred_labels.assign(t_star + 1, 0);
      for (int t = t_star, j = 0; t >= 0; --t) {
        const Step& st = history[static_cast<size_t>(t) * beam + j];
        pred_moves[t] = st.move;
        pred_labels[t] = st.label;
        j = st.parent;
      }
      // The two prefixes share their states up to the first differing
      // transition: their features cancel there.
      int first = 0;
      while (first <= t_star && pred_moves[first] == gold_moves[first] && pred_labels[first] == gold_labels[first])
        ++first;
      for (int side = 0; side < 2; ++side) {
        const std::vector<int>& mv = side == 0 ? gold_moves : pred_moves;
        const std::vector<int>& lb = side == 0 ? gold_labels : pred_labels;
        ParseState& st = scratch.next[0];
        st.Reset(n);
        for (int t = 0; t <= t_star; ++t) {
          if (t >= first && CountValid(st) > 1) {
            int k = MoveFeatures(st, in, feats);
            moves.Add(feats, k, mv[t], side == 0 ? 1.0f : -1.0f);
          }
          st.Apply(mv[t], lb[t]);
        }
      }
      moves.Tick();
    }
    if (progress) progress(epoch, examples.empty() ? 0.0 : static_cast<double>(exact) / examples.size());
  }
  std::vector<FeatureSlot> move_slots;
  WeightTable move_weights;
  moves.Export(0.01f, min_updates, &move_slots, &move_weights);
  out->move_slots = MoveModel::FromSparse(move_slots, move_weights.entries);
  labels.Export(0.01f, min_updates, &out->label_slots, &out->label_entries, kLabelDenseMin);
}

}  // namespace geokg::ingest::parse
