// Text analysis: splits a document into tokens and sentences, with byte
// offsets into the original text, and marks the lines of a scraped page
// that are not article prose (navigation, plugs, bylines, related-headline
// lists).
//
// Tokens: words (letters, digits and UTF-8 letters), with inner hyphens kept
// ("Iran-backed", kTokHyphenated), inner apostrophes of contractions kept
// ("don't"), possessive 's / ’s split off as its own token (the owner gets
// kTokPossessive), numbers with separators and suffixes ("1,200", "3.5",
// "82nd"), abbreviations with their period ("Mr.", "Gen.", "U.S.", "Jan.",
// initials "E."), and one token per punctuation mark or UTF-8 symbol
// (curly quotes, dashes, "..." as one).
//
// Sentences end at . ! ? (with their closing quotes and brackets) before a
// word that does not start lower-case, at blank lines, and at line breaks
// of a page that is written one sentence a line. A text hard-wrapped mid
// sentence (Reuters, ~70 columns) is detected and its single line breaks
// are not boundaries, except before an indented line that follows a line
// without final punctuation (tables, datelines). A sentence is cut after
// kMaxSentenceTokens tokens.
//
// Thread-safety: AnalyzeText is reentrant (scratch is thread-local).
#pragma once

#include <cstdint>
#include <string_view>

#include "ingest/analysis.h"

namespace geokg::ingest {

inline constexpr uint32_t kMaxSentenceTokens = 160;

// Fills out->text, out->tokens and out->sentences for `text` (clearing them
// first; capacity is kept). REQUIRES: text.size() < 4 GiB and `text`
// outlives every use of *out.
void AnalyzeText(std::string_view text, DocAnalysis* out);

// The lookup key of a token or a piece of one: a 64-bit hash of its text
// with ASCII letters lower-cased, periods dropped ("U.S." == "us") and the
// curly apostrophe made straight. Does not allocate. The lexicon keys its
// patterns with the same function.
uint64_t TokenKey(std::string_view token);

// ASCII lower case, as std::tolower in the "C" locale, without its call and
// locale lookup a byte (the relater lowers every token of a sentence).
inline char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// Case-insensitive ASCII comparison of a token with a lower-case word.
inline bool EqualsFolded(std::string_view token, std::string_view lower) {
  if (token.size() != lower.size()) return false;
  for (size_t i = 0; i < token.size(); ++i)
    if (AsciiLower(token[i]) != lower[i]) return false;
  return true;
}

// How a run of tokens is written: its words (tokens that are neither
// punctuation nor numbers), those in capitals and those capitalised. A
// headline in capitals or in title case reads differently from prose.
struct CaseCounts {
  uint32_t words = 0, all_caps = 0, capitalised = 0;
};
inline CaseCounts CountCase(const DocAnalysis& doc, uint32_t first, uint32_t end) {
  CaseCounts c;
  for (uint32_t i = first; i < end; ++i) {
    const uint16_t f = doc.tokens[i].flags;
    if (f & (kTokPunct | kTokNumber)) continue;
    ++c.words;
    if (f & kTokAllCaps) ++c.all_caps;
    if (f & kTokCapitalized) ++c.capitalised;
  }
  return c;
}

// Combines the key of a token sequence so far with the next token's key.
inline uint64_t ChainKey(uint64_t prefix, uint64_t next) {
  uint64_t h = (prefix ^ next) * 0x9E3779B97F4A7C15ull;
  return h ^ (h >> 29);
}
inline constexpr uint64_t kChainSeed = 0x51ed270b27d3a9f1ull;

// True if every ASCII letter of `token` is upper-case and it has one at
// least ("US", "U.S.", "PMF").
bool IsUpperToken(std::string_view token);

}  // namespace geokg::ingest
