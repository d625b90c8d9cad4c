// Reading CoNLL-U treebanks (training, evaluation) and scoring a parse
// against gold: the parts of the parser that only tools and tests use.
#pragma once

#include <cstdint>
#include <istream>
#include <string>
#include <vector>

#include "ingest/parse/parser.h"

namespace geokg::ingest::parse {

inline constexpr int kXposCount = 50;
// The index of Penn tag `name` in XposName(); false if unknown.
bool ParseXpos(std::string_view name, uint8_t* out);

struct TreebankToken {
  std::string form;
  std::string lemma;
  Upos upos = Upos::kX;
  uint8_t xpos = 0;
  int32_t head = -1;  // token index in the sentence, -1 for the root
  Dep dep = Dep::kDep;
};

struct TreebankSentence {
  std::string id;    // # sent_id
  std::string text;  // # text
  std::vector<TreebankToken> tokens;
};

// Reads CoNLL-U from `in`, skipping multiword-token ranges and empty nodes.
// Unknown XPOS become XX, unknown relations dep. Returns false with
// *error = "line N: reason" on malformed input.
bool ReadConllu(std::istream& in, std::vector<TreebankSentence>* out, std::string* error);
// Reads `path` (decompressed through `xz -dc` if it ends in .xz); errors
// are "path:line N: reason" or "path: cannot read".
bool ReadConlluFile(const std::string& path, std::vector<TreebankSentence>* out, std::string* error);

// Accuracy counts of a parse against gold, CoNLL 2018 style: every token
// counts (punctuation too); LAS compares the universal relation only (the
// part before ':'), LAS-full the whole label; the *_nopunct figures leave
// out tokens whose gold UPOS is PUNCT.
struct ParseScores {
  size_t tokens = 0, upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0, las_full = 0;
  size_t tokens_nopunct = 0, uas_nopunct = 0, las_nopunct = 0;
  size_t sentences = 0;
  void Add(const TreebankSentence& gold, const SentenceParse& got);
  static double Pct(size_t a, size_t b) { return b == 0 ? 0.0 : 100.0 * a / b; }
};

}  // namespace geokg::ingest::parse
