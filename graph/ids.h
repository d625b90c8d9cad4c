// Stable identifiers and name normalisation. Entity ids are a hash of the
// normalised canonical name, document ids a hash of the text, so the same
// input gives the same ids on any machine and in any order (DESIGN.md,
// "Growing past one machine").
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "graph/model.h"

namespace geokg::graph {

// A fast 64-bit non-cryptographic hash (8 bytes per step, murmur-style
// finaliser). Stable across platforms of the same endianness and releases.
inline uint64_t Hash64(std::string_view data, uint64_t seed = 0x9E3779B97F4A7C15ull) {
  constexpr uint64_t kMul = 0xff51afd7ed558ccdull;
  uint64_t h = seed ^ (data.size() * kMul);
  const char* p = data.data();
  size_t n = data.size();
  while (n >= 8) {
    uint64_t k;
    std::memcpy(&k, p, 8);
    k *= 0x87c37b91114253d5ull;
    k = (k << 31) | (k >> 33);
    k *= 0x4cf5ad432745937full;
    h ^= k;
    h = ((h << 27) | (h >> 37)) * 5 + 0x52dce729;
    p += 8;
    n -= 8;
  }
  uint64_t tail = 0;
  for (size_t i = 0; i < n; ++i) tail |= static_cast<uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
  h ^= tail * 0x87c37b91114253d5ull;
  h ^= h >> 33;
  h *= kMul;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return h;
}

// The lookup key of a name: ASCII letters lower-cased, periods dropped
// ("U.S." -> "us"), curly apostrophes made straight, runs of spaces, hyphens
// and underscores made one space, leading "the " dropped.
inline std::string NormalizeName(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool pending_space = false;
  for (size_t i = 0; i < name.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    // U+2019 RIGHT SINGLE QUOTATION MARK (E2 80 99) -> '
    if (c == 0xE2 && i + 2 < name.size() && static_cast<unsigned char>(name[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(name[i + 2]) == 0x99 || static_cast<unsigned char>(name[i + 2]) == 0x98)) {
      c = '\'';
      i += 2;
    }
    if (c == '.') continue;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-' || c == '_') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) {
      out.push_back(' ');
      pending_space = false;
    }
    out.push_back(c < 0x80 ? static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c) : static_cast<char>(c));
  }
  if (out.compare(0, 4, "the ") == 0) out.erase(0, 4);
  return out;
}

inline EntityId EntityIdFor(std::string_view canonical_name) {
  return Hash64(NormalizeName(canonical_name), 0x6765606b67656e74ull);
}

inline DocId DocIdFor(std::string_view text) { return Hash64(text, 0x646f63756d656e74ull); }

// 16 lower-case hex digits.
inline std::string IdToHex(uint64_t id) {
  static const char kHex[] = "0123456789abcdef";
  std::string s(16, '0');
  for (int i = 15; i >= 0; --i) {
    s[i] = kHex[id & 15];
    id >>= 4;
  }
  return s;
}

inline bool HexToId(std::string_view hex, uint64_t* id) {
  if (hex.size() != 16) return false;
  uint64_t v = 0;
  for (char c : hex) {
    int d;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
    else return false;
    v = (v << 4) | static_cast<uint64_t>(d);
  }
  *id = v;
  return true;
}

}  // namespace geokg::graph
