#include "ingest/relate_clause.h"

#include <algorithm>
#include <cctype>

#include "ingest/relate_words.h"
#include "ingest/text.h"

namespace geokg::ingest::relate_internal {
namespace {

bool StartsCurlyOpen(std::string_view w) { return w == "“" || w == "‘" || w == "«"; }
bool StartsCurlyClose(std::string_view w) { return w == "”" || w == "’" || w == "»"; }

}  // namespace

void SentenceView::Build(const DocAnalysis& doc, uint32_t sentence, uint32_t first_mention,
                         uint32_t end_mention) {
  doc_ = &doc;
  const Sentence& s = doc.sentences[sentence];
  first_ = s.first_token;
  n_ = s.token_count;
  first_mention_ = first_mention;
  end_mention_ = end_mention;

  // Lower-cased words in one buffer; views are taken once it is complete.
  lower_.clear();
  lower_off_.clear();
  for (uint32_t i = 0; i < n_; ++i) {
    lower_off_.push_back(static_cast<uint32_t>(lower_.size()));
    std::string_view t = doc.TokenText(first_ + i);
    for (char c : t) lower_.push_back(AsciiLower(c));
  }
  lower_off_.push_back(static_cast<uint32_t>(lower_.size()));
  words_.clear();
  classes_.clear();
  for (uint32_t i = 0; i < n_; ++i) {
    words_.emplace_back(lower_.data() + lower_off_[i], lower_off_[i + 1] - lower_off_[i]);
    classes_.push_back(words::ClassesOf(words_.back()));
  }

  // The longest mention covering each token.
  mention_at_.assign(n_, -1);
  np_begin_.assign(end_mention - first_mention, 0);
  for (uint32_t m = first_mention; m < end_mention; ++m) {
    const Mention& mm = doc.mentions[m];
    uint32_t b = mm.first_token - first_, e = std::min(mm.last_token - first_, n_);
    for (uint32_t i = b; i < e; ++i) {
      int cur = mention_at_[i];
      if (cur < 0 || doc.mentions[cur].last_token - doc.mentions[cur].first_token <
                         mm.last_token - mm.first_token)
        mention_at_[i] = static_cast<int>(m);
    }
    np_begin_[m - first_mention] = b;
  }
  // A modifier extends its head's noun phrase leftwards (modifiers come
  // first in text order, so one pass suffices for chains).
  for (uint32_t m = first_mention; m < end_mention; ++m) {
    int h = doc.mentions[m].head;
    if (h >= static_cast<int>(first_mention) && h < static_cast<int>(end_mention)) {
      uint32_t& hb = np_begin_[h - first_mention];
      hb = std::min(hb, np_begin_[m - first_mention]);
    }
  }

  // Quotation: curly quotes open and close; a straight quote toggles; a
  // sentence that starts inside a quotation begins quoted.
  quoted_.assign(n_, 0);
  bool inside = false;
  bool any_quote = false;
  for (uint32_t i = 0; i < n_; ++i) {
    if (!IsQuoteTok(i)) continue;
    any_quote = true;
    std::string_view w = W(i);
    if (StartsCurlyClose(w)) inside = true;
    else if (StartsCurlyOpen(w)) inside = false;
    else inside = s.quoted && i > 0;
    break;
  }
  if (!any_quote && s.quoted) inside = true;
  for (uint32_t i = 0; i < n_; ++i) {
    if (IsQuoteTok(i)) {
      std::string_view w = W(i);
      if (StartsCurlyOpen(w)) inside = true;
      else if (StartsCurlyClose(w)) inside = false;
      else inside = !inside;
      continue;
    }
    quoted_[i] = inside ? 1 : 0;
  }

  // Clauses: [begin, end) spans cut at breaks, quotes, relative pronouns and
  // subordinators. A break token belongs to the clause it ends.
  clause_begin_.assign(n_, 0);
  clause_end_.assign(n_, n_);
  uint32_t begin = 0;
  for (uint32_t i = 0; i < n_; ++i) {
    std::string_view w = W(i);
    bool starts_here = false, starts_after = false;
    if (Is(i, words::kClauseBreak | words::kTerminal) || IsQuoteTok(i)) {
      starts_after = true;
    } else if (i > 0 && MentionAt(i) < 0) {
      std::string_view prev = W(i - 1);
      if (w == "who" || w == "which" || w == "whom" || w == "whose" || w == "where") {
        starts_here = true;
      } else if (w == "that") {
        // "that" after a word (relative or complementiser), not as a
        // determiner after a preposition or at a clause start.
        starts_here = !Is(i - 1, words::kPreposition | words::kDeterminer) && prev != ",";
        if (prev == "," || prev == "and") starts_here = true;
      } else if (Is(i, words::kSubordinator) && w != "so") {
        std::string_view next = W(i + 1);
        if (w == "as" && (prev == "such" || prev == "well" || next == "well" || next == "part" ||
                          next == "a" || next == "an" || next == "the" || prev == "same"))
          starts_here = false;
        else if (w == "since" && (IsNumber(i + 1) || IsCapitalized(i + 1)))
          starts_here = false;
        else if (w == "once" || w == "where")
          starts_here = false;
        else
          starts_here = true;
      }
    }
    if (starts_here && i > begin) {
      for (uint32_t k = begin; k < i; ++k) clause_end_[k] = i;
      begin = i;
    }
    clause_begin_[i] = begin;
    if (starts_after) {
      for (uint32_t k = begin; k <= i; ++k) clause_end_[k] = i + 1;
      begin = i + 1;
    }
  }
  for (uint32_t k = begin; k < n_; ++k) clause_end_[k] = n_;
}

int SentenceView::Top(int m) const {
  for (int depth = 0; depth < 6; ++depth) {
    int h = doc_->mentions[m].head;
    if (h < static_cast<int>(first_mention_) || h >= static_cast<int>(end_mention_) || h == m)
      break;
    m = h;
  }
  return m;
}

uint32_t SentenceView::NpBegin(int top) const {
  if (top < static_cast<int>(first_mention_) || top >= static_cast<int>(end_mention_))
    return MBegin(top);
  return np_begin_[top - first_mention_];
}

bool SentenceView::SameNp(int a, int b) const {
  if (a == b) return true;
  for (int x = a, depth = 0; depth < 6; ++depth) {
    int h = doc_->mentions[x].head;
    if (h < 0 || h == x) break;
    if (h == b) return true;
    x = h;
  }
  for (int x = b, depth = 0; depth < 6; ++depth) {
    int h = doc_->mentions[x].head;
    if (h < 0 || h == x) break;
    if (h == a) return true;
    x = h;
  }
  return false;
}

}  // namespace geokg::ingest::relate_internal
