// What the tagger and the parser see of a word: hashes of its normalised
// form, affixes and shape, computed once per sentence. Also the frozen
// hash map (FrozenMap) that word tables (tag dictionary, lemmas) live in.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/parse/prefetch.h"

namespace geokg::ingest::parse {

enum WordFlag : uint64_t {
  kWordCapitalized = 1,
  kWordAllCaps = 2,
  kWordDigit = 4,
  kWordHyphen = 8,
  kWordPeriod = 16,
  kWordFirst = 32,
  kWordNonAscii = 64,
};

struct WordInfo {
  uint64_t exact = 0;      // the form, quotes straightened, case kept
  uint64_t norm = 0;       // NormalizeWord; numbers by shape ("!dd.d")
  uint64_t sfx[4] = {};    // last 1..4 bytes of the lower-case form
  uint64_t pre1 = 0, pre2 = 0;
  uint64_t shape = 0;
  uint64_t last_part = 0;  // lower-case part after the last inner hyphen, 0 if none
  uint64_t flags = 0;      // WordFlag bits
  uint64_t lex = 0;        // WordClass bits from the lemmatiser's WordNet tables (+1)
};

// One WordInfo per word; out is resized (capacity kept). lex is left as is.
void ComputeWordInfo(std::span<const std::string_view> words, std::vector<WordInfo>* out,
                     std::string* scratch);
// The WordInfo of one word (`first`: the sentence's first); scratch and
// shape are buffers.
void ComputeWordInfo(std::string_view word, bool first, WordInfo* out, std::string* scratch, std::string* shape);

// A read-only open-addressing map from 64-bit keys (never 0) to two
// 32-bit values, laid out to live in a model file.
struct MapSlot {
  uint64_t key = 0;
  uint32_t value = 0;
  uint32_t extra = 0;
};

class FrozenMap {
 public:
  void Attach(std::span<const MapSlot> slots) {
    slots_ = slots;
    mask_ = slots.empty() ? 0 : slots.size() - 1;
  }
  void Prefetch(uint64_t key) const {
    if (!slots_.empty()) PrefetchLine(&slots_[key & mask_]);
  }
  const MapSlot* Find(uint64_t key) const {
    if (slots_.empty()) return nullptr;
    for (size_t i = key & mask_;; i = (i + 1) & mask_) {
      if (slots_[i].key == key) return &slots_[i];
      if (slots_[i].key == 0) return nullptr;
    }
  }
  // A table (load <= 0.5) holding `items`; a later duplicate key is dropped.
  static std::vector<MapSlot> Build(std::vector<MapSlot> items);

 private:
  std::span<const MapSlot> slots_;
  size_t mask_ = 0;
};

}  // namespace geokg::ingest::parse
