// Multiclass linear models over hashed sparse features: the frozen model
// that tagging and parsing read (LinearModel, a view into a loaded model
// file) and the averaged perceptron that training updates and exports.
//
// Thread-safety: a LinearModel is immutable once attached and may be read
// from any number of threads. AveragedPerceptron is single-threaded.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace geokg::ingest::parse {

// One feature's weights: entries [begin, end) of the entry array.
struct FeatureSlot {
  uint64_t key = 0;  // 0: empty slot
  uint32_t begin = 0;
  uint32_t end = 0;
};
struct WeightEntry {
  uint32_t cls = 0;
  float weight = 0;
};

class LinearModel {
 public:
  // Points at `slots` (an open-addressing table, size a power of two,
  // linear probing on the low bits of the key) and `entries`. REQUIRES:
  // both outlive the model; every entry's cls < n_classes.
  void Attach(std::span<const FeatureSlot> slots, std::span<const WeightEntry> entries, int n_classes) {
    slots_ = slots;
    entries_ = entries;
    n_classes_ = n_classes;
    mask_ = slots.empty() ? 0 : slots.size() - 1;
  }
  int n_classes() const { return n_classes_; }

  // scores[c] += weight of (feature, c) for every feature; scores must hold
  // n_classes() values.
  // Memory-bound: the slots of all features are prefetched first, then
  // their entries, so that the cache misses overlap.
  void AddScores(const uint64_t* feats, size_t n, float* scores) const {
    if (slots_.empty()) return;
    constexpr size_t kBatch = 128;
    const FeatureSlot* found[kBatch];
    for (size_t base = 0; base < n; base += kBatch) {
      size_t m = n - base < kBatch ? n - base : kBatch;
      for (size_t i = 0; i < m; ++i) __builtin_prefetch(&slots_[feats[base + i] & mask_]);
      size_t k = 0;
      for (size_t i = 0; i < m; ++i) {
        const FeatureSlot* s = Find(feats[base + i]);
        if (s == nullptr || s->begin == s->end) continue;
        __builtin_prefetch(&entries_[s->begin]);
        found[k++] = s;
      }
      for (size_t i = 0; i < k; ++i)
        for (uint32_t e = found[i]->begin; e < found[i]->end; ++e) scores[entries_[e].cls] += entries_[e].weight;
    }
  }

 private:
  const FeatureSlot* Find(uint64_t key) const {
    for (size_t i = key & mask_;; i = (i + 1) & mask_) {
      const FeatureSlot& s = slots_[i];
      if (s.key == key) return &s;
      if (s.key == 0) return nullptr;
    }
  }
  std::span<const FeatureSlot> slots_;
  std::span<const WeightEntry> entries_;
  int n_classes_ = 0;
  size_t mask_ = 0;
};

// A model of at most 3 classes with the weights inline in the slot, so
// that a feature costs one cache miss (the parser's transition model).
struct DenseSlot3 {
  uint64_t key = 0;  // 0: empty slot
  float w[4] = {0, 0, 0, 0};
};

class DenseModel3 {
 public:
  // REQUIRES: slots (a power of two in size) outlive the model.
  void Attach(std::span<const DenseSlot3> slots) {
    slots_ = slots;
    mask_ = slots.empty() ? 0 : slots.size() - 1;
  }
  // scores[0..2] += the weights of every feature.
  void AddScores(const uint64_t* feats, size_t n, float* scores) const {
    if (slots_.empty()) return;
    for (size_t i = 0; i < n; ++i) __builtin_prefetch(&slots_[feats[i] & mask_]);
    for (size_t i = 0; i < n; ++i) {
      for (size_t j = feats[i] & mask_;; j = (j + 1) & mask_) {
        const DenseSlot3& s = slots_[j];
        if (s.key == feats[i]) {
          scores[0] += s.w[0];
          scores[1] += s.w[1];
          scores[2] += s.w[2];
          break;
        }
        if (s.key == 0) break;
      }
    }
  }
  // The dense form of a sparse table of at most 3 classes.
  static std::vector<DenseSlot3> FromSparse(std::span<const FeatureSlot> slots, std::span<const WeightEntry> entries);

 private:
  std::span<const DenseSlot3> slots_;
  size_t mask_ = 0;
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
  // One training instance seen (advances the averaging clock).
  void Tick() { ++time_; }

  // The averaged weights as an open-addressing table (load <= 0.7) and
  // its entries, dropping weights with |w| < min_abs and features updated
  // fewer than min_updates times.
  void Export(float min_abs, uint32_t min_updates, std::vector<FeatureSlot>* slots,
              std::vector<WeightEntry>* entries) const;
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
