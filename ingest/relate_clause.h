// Internal to relate.cc / relate_clause.cc: the per-sentence view that
// relation finding reasons over (lower-cased words, the mention covering
// each token, clauses, quotation), and the argument-finding routines.
// Not a public interface.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model.h"
#include "ingest/analysis.h"
#include "ingest/triggers.h"

namespace geokg::ingest::relate_internal {

inline constexpr int kMaxArgs = 8;

// A small set of mention indices (doc-level), no allocation.
struct Args {
  int n = 0;
  int m[kMaxArgs] = {};
  void Add(int mention) {
    for (int i = 0; i < n; ++i)
      if (m[i] == mention) return;
    if (n < kMaxArgs) m[n++] = mention;
  }
  void Clear() { n = 0; }
  bool empty() const { return n == 0; }
};

// A trigger occurrence in the current sentence, after its arguments are
// found. Token indices are sentence-relative.
struct Record {
  uint32_t begin = 0, end = 0;
  const TriggerEntry* entry = nullptr;
  const TriggerForm* form = nullptr;
  bool nominal = false;
  Args subjects;  // the actor(s), logical subject / agent
  Args objects;   // the target(s)
  graph::Modality modality = graph::Modality::kAsserted;
  float confidence = 0.f;
  bool emitted = false;
};

enum class Container : uint8_t { kNone, kReported, kDenied };

// How a subject search ended.
enum class SubjectHow : uint8_t { kFound, kInherit, kRelative, kNone };

// The sentence view. Built once per sentence by Build(); the vectors are
// reused across sentences and documents.
class SentenceView {
 public:
  void Build(const DocAnalysis& doc, uint32_t sentence, uint32_t first_mention,
             uint32_t end_mention);

  const DocAnalysis& doc() const { return *doc_; }
  uint32_t size() const { return n_; }
  std::string_view W(uint32_t i) const { return i < n_ ? words_[i] : std::string_view(); }
  const std::vector<std::string_view>& words() const { return words_; }
  const Token& Tok(uint32_t i) const { return doc_->tokens[first_ + i]; }
  uint32_t first_token() const { return first_; }
  // The words::WordClass bits of token i (0 past the end), computed once
  // per sentence.
  uint32_t Classes(uint32_t i) const { return i < n_ ? classes_[i] : 0; }
  bool Is(uint32_t i, uint32_t word_class) const { return (Classes(i) & word_class) != 0; }
  bool IsPunct(uint32_t i) const { return i < n_ && (Tok(i).flags & kTokPunct); }
  bool IsQuoteTok(uint32_t i) const { return i < n_ && (Tok(i).flags & kTokQuote); }
  bool IsNumber(uint32_t i) const { return i < n_ && (Tok(i).flags & kTokNumber); }
  bool IsCapitalized(uint32_t i) const { return i < n_ && (Tok(i).flags & kTokCapitalized); }

  // The longest mention covering token i, or -1.
  int MentionAt(uint32_t i) const { return i < n_ ? mention_at_[i] : -1; }
  // The head of the noun phrase a mention belongs to (follows Mention::head).
  int Top(int m) const;
  // Sentence-relative first / end token of a mention and of its whole noun
  // phrase (the head with its modifiers).
  uint32_t MBegin(int m) const { return doc_->mentions[m].first_token - first_; }
  uint32_t MEnd(int m) const { return doc_->mentions[m].last_token - first_; }
  uint32_t NpBegin(int top) const;
  uint32_t NpEnd(int top) const { return MEnd(top); }
  // True if mention a is b or one of a's heads is b (modifier and own head).
  bool SameNp(int a, int b) const;

  uint32_t ClauseBegin(uint32_t i) const { return clause_begin_[i]; }
  uint32_t ClauseEnd(uint32_t i) const { return clause_end_[i]; }
  bool Quoted(uint32_t i) const { return i < n_ && quoted_[i]; }

 private:
  const DocAnalysis* doc_ = nullptr;
  uint32_t first_ = 0, n_ = 0;
  uint32_t first_mention_ = 0, end_mention_ = 0;
  std::string lower_;
  std::vector<uint32_t> lower_off_;
  std::vector<std::string_view> words_;
  std::vector<uint32_t> classes_;
  std::vector<int> mention_at_;
  std::vector<uint32_t> np_begin_;  // indexed by mention - first_mention_
  std::vector<uint32_t> clause_begin_, clause_end_;
  std::vector<uint8_t> quoted_;
};

}  // namespace geokg::ingest::relate_internal
