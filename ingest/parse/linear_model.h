// Multiclass linear models over hashed sparse features: the frozen models
// that tagging and parsing read (LinearModel, and MoveModel for the
// parser's three moves: views into a loaded model file) and the averaged
// perceptron that training updates and exports.
//
// Thread-safety: LinearModel and MoveModel are immutable once attached and
// may be read from any number of threads. AveragedPerceptron is
// single-threaded.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/parse/prefetch.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace geokg::ingest::parse {

// One feature's weights: entries [begin, end) of the sparse entries, or,
// with end == kDenseRow, row `begin` of the dense rows.
struct FeatureSlot {
  static constexpr uint32_t kDenseRow = 0xffffffffu;
  uint64_t key = 0;  // 0: empty slot
  uint32_t begin = 0;
  uint32_t end = 0;
};
struct WeightEntry {
  uint32_t cls = 0;
  float weight = 0;
};

// The weights a LinearModel's slots point at: (class, weight) lists for
// features with weights for few classes, and whole rows (one weight a
// class, 0 for none) for features with weights for many, so that those
// are added with vector instructions from contiguous cache lines. Training
// keeps the rows as floats; a model file holds them as 16-bit integers in
// units of a step of their own (the row's largest |weight| over 32767), so
// that a row takes half the cache lines and a weight is off by at most a
// 65,534th of its row's largest. Written to a model file as one section
// (Serialize):
//
//   weights := n_entries:u64  n_rows:u32  stride:u32  zero[48]
//              int16[n_rows * stride]  float[steps]  WeightEntry[n_entries]
//
// stride (weights a row) is a multiple of 32, so that in a section that
// starts 64-byte aligned every row is too; `steps` is n_rows rounded up to
// a multiple of 16 (step i is row i's; the rest are 0).
struct WeightTable {
  std::vector<WeightEntry> entries;
  std::vector<float> rows;  // n_rows * stride
  uint32_t stride = 0;
  size_t size() const { return entries.size() + rows.size(); }
  void Serialize(std::string* out) const;
};

// A WeightTable in place: a table's own vectors (float rows) or a model
// file's section (16-bit rows and their steps).
struct WeightView {
  std::span<const WeightEntry> entries;
  const float* rows = nullptr;       // float rows, or
  const int16_t* qrows = nullptr;    // 16-bit rows, row i in units of steps[i]
  const float* steps = nullptr;
  size_t n_rows = 0;
  uint32_t stride = 0;
  WeightView() = default;
  WeightView(const WeightTable& t)  // NOLINT: a table converts to its view
      : entries(t.entries), rows(t.rows.data()), n_rows(t.stride ? t.rows.size() / t.stride : 0), stride(t.stride) {}
  // Reads a serialized table; false if `raw` is malformed, not 64-byte
  // aligned, or a row is narrower than n_classes.
  static bool Parse(std::string_view raw, uint32_t n_classes, WeightView* out);
};

class LinearModel {
 public:
  // Points at `slots` (an open-addressing table, size a power of two,
  // linear probing on the low bits of the key) and `weights`. REQUIRES:
  // both outlive the model; every entry's cls < n_classes; every row
  // holds at least n_classes floats.
  void Attach(std::span<const FeatureSlot> slots, const WeightView& weights, int n_classes) {
    slots_ = slots;
    weights_ = weights;
    n_classes_ = n_classes;
    mask_ = slots.empty() ? 0 : slots.size() - 1;
  }
  int n_classes() const { return n_classes_; }

  // scores[c] += weight of (feature, c) for every feature, in the order
  // of `feats`; scores must hold n_classes() values.
  // Memory-bound: the slots of all features are prefetched first, then
  // their weights, so that the cache misses overlap.
  void AddScores(const uint64_t* feats, size_t n, float* scores) const;

 private:
  const FeatureSlot* Find(uint64_t key) const {
    for (size_t i = key & mask_;; i = (i + 1) & mask_) {
      const FeatureSlot& s = slots_[i];
      if (s.key == key) return &s;
      if (s.key == 0) return nullptr;
    }
  }
  std::span<const FeatureSlot> slots_;
  WeightView weights_;
  int n_classes_ = 0;
  size_t mask_ = 0;
};

// The transition model (at most 3 classes): buckets of one cache line
// holding six features, each a 32-bit tag and its three weights as 16-bit
// integers, so that a feature costs one cache miss and the table (about 28
// MB) mostly stays in the last-level cache. A key lives in its home bucket
// (by the high 32 bits of the key, scaled to the bucket count) or, if that
// was full, in the next bucket with room. Its tag is the low 32 bits of the
// key, which are odd (FeatureKey sets bit 0): bit 0 of tag[0] is therefore
// free, and is cleared in a full bucket that a key passed over
// ("overflowed"), so that a lookup that misses stops at its home bucket
// unless it overflowed. Lookups compare tag | 1, and a slot left empty (tag
// 0) holds zero weights.
//
// A bucket's weights are 16-bit integers in units of its own step (the
// largest |weight| of the bucket over 32767), so that a weight is off by
// at most a 65,534th of the bucket's largest: half the bytes of float
// weights put six features in a line instead of four, the table is two
// thirds the size, and parsing waits less on memory. (One step for the
// whole table, the largest weight of all over 32767, was 16 times coarser
// for most buckets and changed a parse the gold set scores.)
//
// A key absent from the model matches another feature's tag with a
// probability of about 6 in 2^32 (ingest of the shared corpus makes about
// 2 * 10^7 such lookups); the result is still deterministic.
struct alignas(64) MoveBucket {
  static constexpr int kSlots = 6;
  uint32_t tag[kSlots] = {};  // 0: empty
  int16_t w[kSlots][3] = {};
  float step = 1;  // the weight one unit of w stands for
  bool Overflowed() const { return tag[kSlots - 1] != 0 && (tag[0] & 1) == 0; }
};
static_assert(sizeof(MoveBucket) == 64);

class MoveModel {
 public:
  // REQUIRES: `buckets` (non-empty) outlive the model.
  void Attach(std::span<const MoveBucket> buckets) { buckets_ = buckets; }
  // scores[0..2] += the weights of every feature, in the order of
  // `feats`. Memory-bound: every feature's home bucket is prefetched before
  // any is read, so that the cache misses overlap.
  void AddScores(const uint64_t* feats, size_t n, float* scores) const {
    const size_t nb = buckets_.size();
    size_t home[128];
    for (size_t base = 0; base < n; base += 128) {
      const size_t m = n - base < 128 ? n - base : 128;
      for (size_t i = 0; i < m; ++i) {
        home[i] = Home(feats[base + i], nb);
        PrefetchLine(&buckets_[home[i]]);
      }
      for (size_t i = 0; i < m; ++i) {
        const uint32_t tag = static_cast<uint32_t>(feats[base + i]);
        for (size_t j = home[i];;) {
          const MoveBucket& b = buckets_[j];
          const int at = FindTag(b, tag);
          if (at >= 0) {
            scores[0] += b.step * b.w[at][0];
            scores[1] += b.step * b.w[at][1];
            scores[2] += b.step * b.w[at][2];
            break;
          }
          if (!b.Overflowed()) break;
          j = j + 1 == nb ? 0 : j + 1;
        }
      }
    }
  }
  static size_t Home(uint64_t key, size_t n_buckets) {
    return static_cast<size_t>(((key >> 32) * static_cast<uint64_t>(n_buckets)) >> 32);
  }
  // The bucket table of a sparse table of at most 3 classes (three keys a
  // bucket of six on average).
  static std::vector<MoveBucket> FromSparse(std::span<const FeatureSlot> slots, std::span<const WeightEntry> entries);

 private:
  // The slot of `b` whose tag is `tag`, or -1: the six tags compared at
  // once, without a branch per slot (which slot holds a key is random).
  static int FindTag(const MoveBucket& b, uint32_t tag) {
#if defined(__SSE2__)
    const __m128i want = _mm_set1_epi32(static_cast<int>(tag)), one = _mm_set1_epi32(1);
    const __m128i lo = _mm_or_si128(_mm_load_si128(reinterpret_cast<const __m128i*>(b.tag)), one);
    const __m128i hi = _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(b.tag + 2)), one);
    const int hits = _mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(lo, want))) |
                     (_mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(hi, want))) << 2);
    return hits == 0 ? -1 : __builtin_ctz(static_cast<unsigned>(hits));
#else
    for (int at = 0; at < MoveBucket::kSlots; ++at)
      if ((b.tag[at] | 1) == tag) return at;
    return -1;
#endif
  }
  std::span<const MoveBucket> buckets_;
};

// The averaged perceptron (Collins 2002) with the lazy averaging of Daumé:
// weights w and sums u of (update time * delta); the average is w - u / t.
class AveragedPerceptron {
 public:
  explicit AveragedPerceptron(int n_classes);

  int n_classes() const { return n_classes_; }
  // scores[c] = current (not averaged) score of class c.
  void Score(const uint64_t* feats, size_t n, float* scores) const;
  // Moves weight from `guess` to `truth` on every feature (no-op if equal).
  void Update(const uint64_t* feats, size_t n, int truth, int guess);
  // Adds `delta` to the weight of class `cls` on every feature.
  void Add(const uint64_t* feats, size_t n, int cls, float delta);
  // One training instance seen (advances the averaging clock).
  void Tick() { ++time_; }

  // The averaged weights as an open-addressing table (load <= 0.35) and
  // its weights, dropping weights with |w| < min_abs and features updated
  // fewer than min_updates times. Features left with weights for at least
  // `dense_min` classes get a dense row.
  void Export(float min_abs, uint32_t min_updates, std::vector<FeatureSlot>* slots, WeightTable* weights,
              uint32_t dense_min = UINT32_MAX) const;
  size_t feature_count() const { return used_; }

 private:
  // A feature's entries are contiguous in entries_ (moved to the end of
  // the arena, doubling, when full), so that scoring reads them in order.
  struct Entry {
    int32_t cls;
    float w;
    double u;
  };
  struct Slot {
    uint32_t begin = 0;
    uint16_t size = 0;
    uint16_t cap = 0;
    uint32_t updates = 0;
  };
  int32_t FindOrAdd(uint64_t key);
  int32_t Find(uint64_t key) const;
  void Grow();
  void Bump(Slot* slot, int cls, float delta);

  int n_classes_;
  double time_ = 1;
  std::vector<uint64_t> keys_;
  std::vector<Slot> slots_;
  std::vector<Entry> entries_;
  size_t used_ = 0;
};

}  // namespace geokg::ingest::parse
