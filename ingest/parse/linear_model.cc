#include "ingest/parse/linear_model.h"

#include <algorithm>
#include <cmath>

namespace geokg::ingest::parse {

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

void AveragedPerceptron::Export(float min_abs, uint32_t min_updates, std::vector<FeatureSlot>* slots,
                                std::vector<WeightEntry>* entries) const {
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
  size_t size = 16;
  while (size * 7 < feats.size() * 10) size *= 2;  // load <= 0.7
  slots->assign(size, FeatureSlot{});
  entries->clear();
  for (auto& [key, ws] : feats) {
    size_t i = key & (size - 1);
    while ((*slots)[i].key != 0) i = (i + 1) & (size - 1);
    (*slots)[i].key = key;
    (*slots)[i].begin = static_cast<uint32_t>(entries->size());
    entries->insert(entries->end(), ws.begin(), ws.end());
    (*slots)[i].end = static_cast<uint32_t>(entries->size());
  }
}

std::vector<DenseSlot3> DenseModel3::FromSparse(std::span<const FeatureSlot> slots,
                                                std::span<const WeightEntry> entries) {
  // Same size and probe order as the sparse table, so keys land in the
  // same slots.
  std::vector<DenseSlot3> out(slots.size());
  for (size_t i = 0; i < slots.size(); ++i) {
    out[i].key = slots[i].key;
    for (uint32_t e = slots[i].begin; e < slots[i].end && slots[i].key != 0; ++e)
      if (entries[e].cls < 3) out[i].w[entries[e].cls] = entries[e].weight;
  }
  return out;
}

}  // namespace geokg::ingest::parse
