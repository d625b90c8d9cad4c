// Part-of-speech tagging, lemmatisation and dependency parsing of one
// sentence, with models trained on UD English-EWT (CC BY-SA 4.0; see
// ingest/data/parser/README.md for the attribution and how the models are
// trained at build time).
//
// The tagger is an averaged perceptron over the Penn (XPOS) tag set, from
// which the UD part of speech follows; the parser is a greedy transition
// parser with a labelled output in UD relations. Extraction uses it to find
// who acts on whom (subject, object, obliques with their preposition,
// coordination, control, relative clauses) in sentences that can hold an
// event.
//
// Thread-safety: a loaded Model is immutable (its optional sentence cache
// locks); Tag() and Parse() may be called concurrently from any number of
// threads, each with its own SentenceParse.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "graph/status.h"

namespace geokg::ingest::parse {

// Universal part of speech.
enum class Upos : uint8_t {
  kAdj = 0, kAdp, kAdv, kAux, kCconj, kDet, kIntj, kNoun, kNum, kPart, kPron, kPropn,
  kPunct, kSconj, kSym, kVerb, kX,
};
inline constexpr int kUposCount = 17;

// UD dependency relations as annotated in EWT, subtypes kept.
enum class Dep : uint8_t {
  kRoot = 0, kAcl, kAclRelcl, kAdvcl, kAdvclRelcl, kAdvmod, kAmod, kAppos, kAux, kAuxPass,
  kCase, kCc, kCcPreconj, kCcomp, kCompound, kCompoundPrt, kConj, kCop, kCsubj, kCsubjOuter,
  kCsubjPass, kDep, kDet, kDetPredet, kDiscourse, kDislocated, kExpl, kFixed, kFlat,
  kFlatForeign, kGoeswith, kIobj, kList, kMark, kNmod, kNmodDesc, kNmodNpmod, kNmodPoss,
  kNmodTmod, kNmodUnmarked, kNsubj, kNsubjOuter, kNsubjPass, kNummod, kObj, kObl, kOblAgent,
  kOblNpmod, kOblTmod, kOblUnmarked, kOrphan, kParataxis, kPunct, kReparandum, kVocative,
  kXcomp,
};
inline constexpr int kDepCount = 56;

std::string_view NameOf(Upos u);  // "NOUN"
std::string_view NameOf(Dep d);   // "nsubj:pass"
// Parses a UD name ("nsubj:pass", "NOUN"); false if unknown.
bool ParseDep(std::string_view name, Dep* out);
bool ParseUpos(std::string_view name, Upos* out);

// The analysis of one sentence. Buffers are reused across sentences (the
// caller keeps one per thread), so parsing does not allocate once warm.
struct SentenceParse {
  std::vector<Upos> upos;
  std::vector<uint8_t> xpos;      // index into XposNames()
  std::vector<int32_t> head;      // token index within the sentence, -1 for the root
  std::vector<Dep> dep;
  std::vector<uint64_t> lemma_key;  // ingest::TokenKey(lemma), for lexicon lookups
  std::string lemma_text;           // lemmas, packed
  std::vector<uint32_t> lemma_end;  // lemma i is lemma_text[lemma_end[i-1], lemma_end[i])

  size_t size() const { return upos.size(); }
  std::string_view Lemma(size_t i) const {
    uint32_t b = i == 0 ? 0 : lemma_end[i - 1];
    return std::string_view(lemma_text).substr(b, lemma_end[i] - b);
  }
};

std::string_view XposName(uint8_t xpos);  // "VBD"

class Model {
 public:
  // Loads tagger, parser and lemma tables from `dir` (default: DefaultDir()).
  // Errors: Storage("FILE: missing model file" / "FILE: corrupt model file
  // (...)") naming the file, for a missing, truncated, version-mismatched
  // or checksum-failing file.
  static Status Load(const std::string& dir, std::unique_ptr<Model>* out);

  // $GEOKG_PARSER_DIR, else the folder the build trained the models into.
  static std::string DefaultDir();

  // Fills upos, xpos and lemmas of `words` (the tokens of one sentence, as
  // the text splitter gives them: possessive 's is its own token).
  void Tag(std::span<const std::string_view> words, SentenceParse* out) const;

  // Tag() in steps, for a caller that needs some words' tags to decide
  // whether the rest are worth tagging. TagPrefix tags at least words
  // [0, through) of a sentence, as Tag() of the whole sentence would (a
  // word's tag depends on the words up to two places after it), and no
  // more than it must; TagMore tags on to `through` (words.size(): the
  // whole sentence, as Tag()). Only the tags and lemmas of the words
  // before `through` are set. ParseTagged() tags what is left.
  // REQUIRES for TagMore: the same `words` (the same array, unchanged) and
  // `out` as the last TagPrefix, Tag() or TagMore call on this thread.
  void TagPrefix(std::span<const std::string_view> words, size_t through, SentenceParse* out) const;
  void TagMore(std::span<const std::string_view> words, size_t through, SentenceParse* out) const;

  // Tag() and then head and dep of every token.
  void Parse(std::span<const std::string_view> words, SentenceParse* out) const;

  // Head and dep of every token of `words`, which the last Tag() call on
  // this thread tagged into `out` (tags and lemmas are kept): a caller can
  // look at the tags before it pays for the parse. Tags again otherwise.
  void ParseTagged(std::span<const std::string_view> words, SentenceParse* out) const;

  // Keeps the analyses of the last sentences parsed (up to 1024, shared by
  // all threads) and hands out a copy when the same words come again, as
  // in news that repeats sentences word for word: the result is the same
  // as a fresh analysis, only cheaper. Off by default, so that benchmarks
  // time the models. REQUIRES: called before the model is shared between
  // threads.
  void EnableSentenceCache();

  // The parser's beam width: what the model file was trained for, unless
  // changed (for measurements) by SetBeam before the model is shared
  // between threads; 1 is greedy.
  int beam() const;
  void SetBeam(int beam);

  ~Model();

 private:
  Model();
  // Tag() without the sentence cache: fills this thread's workspace with
  // the words' features and classes, which ParseTagged() reads.
  void TagWords(std::span<const std::string_view> words, SentenceParse* out) const;
  // TagWords in two steps: the words' features, and the tags of the words
  // before `through` (each word tagged once however the steps fall).
  void StartTags(std::span<const std::string_view> words, SentenceParse* out) const;
  void ExtendTags(std::span<const std::string_view> words, int through, SentenceParse* out) const;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace geokg::ingest::parse
