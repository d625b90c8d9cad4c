// Hashing helpers shared by the tagger, the lemmatiser and the parser:
// string hashes, feature keys made of a template number and up to three
// values, and the word normalisation that features see.
//
// Feature keys are never 0 (0 marks an empty slot in LinearModel).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace geokg::ingest::parse {

inline uint64_t MixHash(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return h;
}

// FNV-1a over the bytes, finalised; stable across platforms and runs.
inline uint64_t HashString(std::string_view s, uint64_t seed = 0) {
  uint64_t h = 0xcbf29ce484222325ull ^ MixHash(seed + 0x2545f4914f6cdd1dull);
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return MixHash(h);
}

// The key of feature template `tmpl` with values a, b, c: a linear
// combination with odd constants (distinct for distinct values in
// practice: word values are 64-bit hashes, the others small numbers or
// label sets), then one MixHash. The products of a value that several
// templates share are computed once where the calls are inlined, so a key
// costs about two multiplications.
inline uint64_t FeatureKey(uint32_t tmpl, uint64_t a, uint64_t b = 0, uint64_t c = 0) {
  uint64_t x = a * 0x9e3779b97f4a7c15ull + b * 0x632be59bd9b4e019ull + c * 0x85ebca77c2b2ae63ull +
               (tmpl + 1) * 0xd6e8feb86659fd93ull;
  return MixHash(x) | 1;
}

// The form a word takes in features: ASCII lower-case, curly quotes and
// apostrophes straight (’s == 's, “ == "), and dashes of any kind "--".
// Writes into *out (cleared first).
void NormalizeWord(std::string_view word, std::string* out, bool lower = true);

// A coarse shape: "Xxxx" -> "Xx", "U.S." -> "X.X.", "1,200" -> "d,d",
// "Iran-backed" -> "Xx-x"; runs of one class collapse, at most 8 marks.
void WordShape(std::string_view word, std::string* out);

}  // namespace geokg::ingest::parse
