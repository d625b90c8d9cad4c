#include "ingest/parse/linear_model.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>

namespace geokg::ingest::parse {

namespace {

constexpr size_t kWeightsHeader = 64;

// scores[0, n) += row[0, n): vectorised, and compiled for AVX2 as well
// as for the baseline (chosen once, at load, by the dynamic linker).
__attribute__((target_clones("avx2", "default"))) void AddRow(float* __restrict scores,
                                                                const float* __restrict row, int n) {
  for (int c = 0; c < n; ++c) scores[c] += row[c];
}
// The same for a 16-bit row in units of `step`.
__attribute__((target_clones("avx2", "default"))) void AddRow16(float* __restrict scores,
                                                                  const int16_t* __restrict row, float step, int n) {
  for (int c = 0; c < n; ++c) scores[c] += step * static_cast<float>(row[c]);
}

// Rows of 16-bit weights are a multiple of 32 wide (64 bytes); training's
// float rows, a multiple of 16.
uint32_t Stride16(uint32_t float_stride) { return (float_stride + 31) / 32 * 32; }
size_t StepCount(size_t n_rows) { return (n_rows + 15) / 16 * 16; }

}  // namespace

void WeightTable::Serialize(std::string* out) const {
  const size_t n_rows = stride == 0 ? 0 : rows.size() / stride;
  const uint32_t stride16 = n_rows == 0 ? 0 : Stride16(stride);
  uint64_t n_entries = entries.size();
  uint32_t head[2] = {static_cast<uint32_t>(n_rows), stride16};
  std::vector<int16_t> qrows(n_rows * stride16, 0);
  std::vector<float> steps(StepCount(n_rows), 0.0f);
  for (size_t r = 0; r < n_rows; ++r) {
    const float* row = rows.data() + r * stride;
    float largest = 0;
    for (uint32_t c = 0; c < stride; ++c) largest = std::max(largest, std::fabs(row[c]));
    if (largest == 0) continue;
    steps[r] = largest / 32767.0f;
    for (uint32_t c = 0; c < stride; ++c)
      qrows[r * stride16 + c] =
          static_cast<int16_t>(std::clamp<long>(std::lround(row[c] / steps[r]), -32767, 32767));
  }
  out->clear();
  out->append(reinterpret_cast<const char*>(&n_entries), 8);
  out->append(reinterpret_cast<const char*>(head), 8);
  out->append(kWeightsHeader - 16, '\0');
  out->append(reinterpret_cast<const char*>(qrows.data()), qrows.size() * sizeof(int16_t));
  out->append(reinterpret_cast<const char*>(steps.data()), steps.size() * sizeof(float));
  out->append(reinterpret_cast<const char*>(entries.data()), entries.size() * sizeof(WeightEntry));
}

bool WeightView::Parse(std::string_view raw, uint32_t n_classes, WeightView* out) {
  if (raw.size() < kWeightsHeader || reinterpret_cast<uintptr_t>(raw.data()) % 64 != 0) return false;
  uint64_t n_entries;
  uint32_t head[2];
  std::memcpy(&n_entries, raw.data(), 8);
  std::memcpy(head, raw.data() + 8, 8);
  const uint64_t n_rows = head[0], stride = head[1];
  if (stride % 32 != 0 || (n_rows > 0 && stride < n_classes)) return false;
  if (n_entries > raw.size() || n_rows > raw.size() || stride > raw.size()) return false;
  const uint64_t row_bytes = n_rows * stride * sizeof(int16_t);
  const uint64_t step_bytes = StepCount(n_rows) * sizeof(float);
  if (raw.size() - kWeightsHeader != row_bytes + step_bytes + n_entries * sizeof(WeightEntry)) return false;
  *out = WeightView();
  out->qrows = reinterpret_cast<const int16_t*>(raw.data() + kWeightsHeader);
  out->steps = reinterpret_cast<const float*>(raw.data() + kWeightsHeader + row_bytes);
  out->n_rows = n_rows;
  out->stride = static_cast<uint32_t>(stride);
  out->entries = std::span<const WeightEntry>(
      reinterpret_cast<const WeightEntry*>(raw.data() + kWeightsHeader + row_bytes + step_bytes), n_entries);
  return true;
}

void LinearModel::AddScores(const uint64_t* feats, size_t n, float* scores) const {
  if (slots_.empty()) return;
  constexpr size_t kBatch = 128;
  const FeatureSlot* found[kBatch];
  const WeightEntry* entries = weights_.entries.data();
  for (size_t base = 0; base < n; base += kBatch) {
    size_t m = n - base < kBatch ? n - base : kBatch;
    for (size_t i = 0; i < m; ++i) PrefetchLine(&slots_[feats[base + i] & mask_]);
    size_t k = 0;
    for (size_t i = 0; i < m; ++i) {
      const FeatureSlot* s = Find(feats[base + i]);
      if (s == nullptr || s->begin == s->end) continue;
      const char* p;
      size_t bytes;
      if (s->end == FeatureSlot::kDenseRow && weights_.qrows != nullptr) {
        p = reinterpret_cast<const char*>(weights_.qrows + size_t{s->begin} * weights_.stride);
        bytes = static_cast<size_t>(n_classes_) * sizeof(int16_t);
        // The row's step lives apart from the row (WeightTable's layout):
        // without this its load missed the cache once a row, as long a wait
        // as the row's own lines (perf annotate: 19% of AddScores).
        PrefetchLine(weights_.steps + s->begin);
      } else if (s->end == FeatureSlot::kDenseRow) {
        p = reinterpret_cast<const char*>(weights_.rows + size_t{s->begin} * weights_.stride);
        bytes = static_cast<size_t>(n_classes_) * sizeof(float);
      } else {
        p = reinterpret_cast<const char*>(entries + s->begin);
        bytes = (s->end - s->begin) * sizeof(WeightEntry);
      }
      for (size_t off = 0; off < bytes && off < 512; off += 64) PrefetchLine(p + off);
      found[k++] = s;
    }
    for (size_t i = 0; i < k; ++i) {
      const FeatureSlot* s = found[i];
      if (s->end == FeatureSlot::kDenseRow && weights_.qrows != nullptr) {
        AddRow16(scores, weights_.qrows + size_t{s->begin} * weights_.stride, weights_.steps[s->begin], n_classes_);
      } else if (s->end == FeatureSlot::kDenseRow) {
        AddRow(scores, weights_.rows + size_t{s->begin} * weights_.stride, n_classes_);
      } else {
        for (uint32_t e = s->begin; e < s->end; ++e) scores[entries[e].cls] += entries[e].weight;
      }
    }
  }
}

AveragedPerceptron::AveragedPerceptron(int n_classes) : n_classes_(n_classes) {
  keys_.assign(1 << 16, 0);
  slots_.assign(1 << 16, Slot{});
}

int32_t AveragedPerceptron::Find(uint64_t key) const {
  size_t mask = keys_.size() - 1;
  for (size_t i = key & mask;; i = (i + 1) & mask) {
    if (keys_[i] == key) return static_cast<int32_t>(i);
    if (keys_[i] == 0) return -1;
  }
}

void AveragedPerceptron::Grow() {
  std::vector<uint64_t> old_keys;
  std::vector<Slot> old_slots;
  old_keys.swap(keys_);
  old_slots.swap(slots_);
  keys_.assign(old_keys.size() * 2, 0);
  slots_.assign(old_keys.size() * 2, Slot{});
  size_t mask = keys_.size() - 1;
  for (size_t j = 0; j < old_keys.size(); ++j) {
    if (old_keys[j] == 0) continue;
    size_t i = old_keys[j] & mask;
    while (keys_[i] != 0) i = (i + 1) & mask;
    keys_[i] = old_keys[j];
    slots_[i] = old_slots[j];
  }
}

int32_t AveragedPerceptron::FindOrAdd(uint64_t key) {
  if ((used_ + 1) * 2 > keys_.size()) Grow();
  size_t mask = keys_.size() - 1;
  size_t i = key & mask;
  for (;; i = (i + 1) & mask) {
    if (keys_[i] == key) return static_cast<int32_t>(i);
    if (keys_[i] == 0) break;
  }
  keys_[i] = key;
  ++used_;
  return static_cast<int32_t>(i);
}

void AveragedPerceptron::Score(const uint64_t* feats, size_t n, float* scores) const {
  std::fill(scores, scores + n_classes_, 0.0f);
  const size_t mask = keys_.size() - 1;
  for (size_t f = 0; f < n; ++f) PrefetchLine(&keys_[feats[f] & mask]);
  for (size_t f = 0; f < n; ++f) {
    int32_t slot = Find(feats[f]);
    if (slot < 0) continue;
    const Slot& s = slots_[slot];
    const Entry* e = entries_.data() + s.begin;
    for (uint32_t j = 0; j < s.size; ++j) scores[e[j].cls] += e[j].w;
  }
}

void AveragedPerceptron::Bump(Slot* s, int cls, float delta) {
  Entry* e = entries_.data() + s->begin;
  uint32_t j = 0;
  while (j < s->size && e[j].cls != cls) ++j;
  if (j == s->size) {
    if (s->size == s->cap) {
      uint32_t cap = s->cap == 0 ? 2 : std::min<uint32_t>(2u * s->cap, static_cast<uint32_t>(n_classes_));
      uint32_t begin = static_cast<uint32_t>(entries_.size());
      entries_.resize(entries_.size() + cap);
      std::copy(entries_.begin() + s->begin, entries_.begin() + s->begin + s->size, entries_.begin() + begin);
      s->begin = begin;
      s->cap = static_cast<uint16_t>(cap);
      e = entries_.data() + s->begin;
    }
    e[j] = Entry{cls, 0.0f, 0.0};
    ++s->size;
  }
  e[j].w += delta;
  e[j].u += time_ * delta;
}

void AveragedPerceptron::Update(const uint64_t* feats, size_t n, int truth, int guess) {
  if (truth == guess) return;
  for (size_t f = 0; f < n; ++f) {
    Slot* s = &slots_[FindOrAdd(feats[f])];
    ++s->updates;
    Bump(s, truth, 1.0f);
    Bump(s, guess, -1.0f);
  }
}

void AveragedPerceptron::Add(const uint64_t* feats, size_t n, int cls, float delta) {
  for (size_t f = 0; f < n; ++f) {
    Slot* s = &slots_[FindOrAdd(feats[f])];
    ++s->updates;
    Bump(s, cls, delta);
  }
}

void AveragedPerceptron::Export(float min_abs, uint32_t min_updates, std::vector<FeatureSlot>* slots,
                                WeightTable* weights, uint32_t dense_min) const {
  std::vector<std::pair<uint64_t, std::vector<WeightEntry>>> feats;
  for (size_t i = 0; i < keys_.size(); ++i) {
    if (keys_[i] == 0 || slots_[i].updates < min_updates) continue;
    std::vector<WeightEntry> ws;
    for (uint32_t j = 0; j < slots_[i].size; ++j) {
      const Entry& e = entries_[slots_[i].begin + j];
      double avg = e.w - e.u / time_;
      if (std::fabs(avg) >= min_abs) ws.push_back(WeightEntry{static_cast<uint32_t>(e.cls), static_cast<float>(avg)});
    }
    if (ws.empty()) continue;
    std::sort(ws.begin(), ws.end(), [](const WeightEntry& a, const WeightEntry& b) { return a.cls < b.cls; });
    feats.emplace_back(keys_[i], std::move(ws));
  }
  // Deterministic layout: insert in key order.
  std::sort(feats.begin(), feats.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  // Load <= 0.35: a lookup rarely probes a second slot (at load 0.7
  // tagging and parsing were 10% slower, most likely from the mispredicted
  // probe branches).
  size_t size = 16;
  while (size * 35 < feats.size() * 100) size *= 2;
  slots->assign(size, FeatureSlot{});
  weights->entries.clear();
  weights->rows.clear();
  weights->stride = static_cast<uint32_t>((n_classes_ + 15) / 16 * 16);
  for (auto& [key, ws] : feats) {
    size_t i = key & (size - 1);
    while ((*slots)[i].key != 0) i = (i + 1) & (size - 1);
    FeatureSlot& s = (*slots)[i];
    s.key = key;
    if (ws.size() >= dense_min) {
      s.begin = static_cast<uint32_t>(weights->rows.size() / weights->stride);
      s.end = FeatureSlot::kDenseRow;
      weights->rows.resize(weights->rows.size() + weights->stride, 0.0f);
      for (const WeightEntry& e : ws) weights->rows[size_t{s.begin} * weights->stride + e.cls] = e.weight;
    } else {
      s.begin = static_cast<uint32_t>(weights->entries.size());
      weights->entries.insert(weights->entries.end(), ws.begin(), ws.end());
      s.end = static_cast<uint32_t>(weights->entries.size());
    }
  }
}

std::vector<MoveBucket> MoveModel::FromSparse(std::span<const FeatureSlot> slots,
                                              std::span<const WeightEntry> entries) {
  std::vector<const FeatureSlot*> feats;
  for (const FeatureSlot& s : slots)
    if (s.key != 0) feats.push_back(&s);
  // Deterministic layout: insert in key order.
  std::sort(feats.begin(), feats.end(), [](const FeatureSlot* a, const FeatureSlot* b) { return a->key < b->key; });
  // Three keys a bucket of six on average (half the slots used, as with the
  // two keys a bucket of four of float weights, where 6.5% of the buckets
  // overflowed; at three of four, 32%, parsing was slower).
  const size_t nb = std::max<size_t>(1, feats.size() / 3);
  std::vector<MoveBucket> out(nb);
  std::vector<uint8_t> used(nb, 0);
  std::vector<std::array<const FeatureSlot*, MoveBucket::kSlots>> placed(nb);
  for (const FeatureSlot* s : feats) {
    size_t j = Home(s->key, nb);
    while (used[j] == MoveBucket::kSlots) {
      out[j].tag[0] &= ~1u;  // overflowed
      j = j + 1 == nb ? 0 : j + 1;
    }
    MoveBucket& b = out[j];
    const int at = used[j]++;
    // Slot 0 of a bucket that has already overflowed cannot be filled
    // (overflow happens only to full buckets), so the flag is never lost.
    b.tag[at] = static_cast<uint32_t>(s->key);
    placed[j][at] = s;
  }
  // Each bucket's weights in units of its own step.
  auto weights_of = [&](const FeatureSlot* s, float w[3]) {
    w[0] = w[1] = w[2] = 0;
    if (s->end != FeatureSlot::kDenseRow)
      for (uint32_t e = s->begin; e < s->end; ++e)
        if (entries[e].cls < 3) w[entries[e].cls] = entries[e].weight;
  };
  for (size_t j = 0; j < nb; ++j) {
    float largest = 0, w[3];
    for (int at = 0; at < used[j]; ++at) {
      weights_of(placed[j][at], w);
      for (float x : w) largest = std::max(largest, std::fabs(x));
    }
    if (largest == 0) continue;
    MoveBucket& b = out[j];
    b.step = largest / 32767.0f;
    for (int at = 0; at < used[j]; ++at) {
      weights_of(placed[j][at], w);
      for (int c = 0; c < 3; ++c)
        b.w[at][c] = static_cast<int16_t>(std::clamp<long>(std::lround(w[c] / b.step), -32767, 32767));
    }
  }
  return out;
}

}  // namespace geokg::ingest::parse
