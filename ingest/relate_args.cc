// Argument search: subjects, objects, coordination, agents, local modality.
#include <algorithm>

#include "graph/ids.h"
#include "graph/ontology.h"
#include "ingest/lexicon.h"
#include "ingest/relate_words.h"
#include "ingest/relate.h"
#include "ingest/relater.h"

namespace geokg::ingest::relate_internal {

// ---------------------------------------------------------------------------
// Argument finding.

int Relater::PrepositionBefore(int top, bool in_list) const {
  int i = static_cast<int>(v_.NpBegin(top)) - 1;
  int skipped = 0;
  for (; i >= 0 && skipped < 4; --i, ++skipped) {
    std::string_view w = v_.W(i);
    // A later conjunct shares the first one's preposition: "with the World
    // Bank and the IMF", "with A, B and C" (a comma links only inside a list
    // closed by "and").
    if ((w == "and" || w == "or" || (in_list && w == ",")) && i > 0) {
      int j = i - 1;
      if (v_.W(j) == "," && w != ",") --j;
      if (j >= 0 && v_.MentionAt(j) >= 0) return PrepositionBefore(v_.Top(v_.MentionAt(j)), true);
      return -1;
    }
    if (v_.Is(i, words::kDeterminer) || v_.Is(i, words::kPossessiveMark) || v_.IsNumber(i) ||
        v_.MentionAt(i) >= 0)
      continue;
    if (v_.Is(i, words::kPreposition)) return i;
    // One adjective-like word ("northern", "nearby").
    if (!v_.IsPunct(i) && !v_.IsCapitalized(i) && skipped == 0 && s_.match_at[i] < 0 &&
        !v_.Is(i, words::kAuxiliary) && !v_.Is(i, words::kCoordinator))
      continue;
    return -1;
  }
  return -1;
}

// "fighters from X", "members of X", "forces of X": the complement is the
// actor.
bool Relater::TransparentPrep(int p) const {
  if (p <= 0) return false;
  std::string_view w = v_.W(p);
  if (w != "from" && w != "of") return false;
  return v_.Is(p - 1, words::kForceNoun);
}

SubjectHow Relater::FindSubject(uint32_t pos, Args* out, int* from_record,
                                uint32_t* subject_end) {
  out->Clear();
  modifier_subject_weak_ = false;
  *from_record = -1;
  *subject_end = pos;
  uint32_t cb = v_.ClauseBegin(pos);
  bool adjacent = true;  // only verb-group words between here and pos
  int plain_words = 0;   // other words passed ("US forces withdrew": "forces")
  for (int i = static_cast<int>(pos) - 1; i >= static_cast<int>(cb); --i) {
    std::string_view w = v_.W(i);
    int m = v_.MentionAt(i);
    if (m >= 0) {
      int top = v_.Top(m);
      int prep = PrepositionBefore(top);
      uint32_t nb = v_.NpBegin(top);
      // A mention whose noun phrase is the object of a verb to its left
      // ("blamed Iran ... and called") was handled by the adjacency rule.
      // "after Iraq condemned": a subordinating preposition before the
      // subject of the verb group.
      std::string_view pw = prep >= 0 ? v_.W(prep) : std::string_view();
      bool subordinating = (adjacent || plain_words <= 3) &&
                           (pw == "after" || pw == "before" || pw == "until" ||
                            pw == "since" || pw == "as");
      if (prep >= 0 && !TransparentPrep(prep) && !subordinating) {
        i = prep;  // skip the prepositional phrase
        adjacent = false;
        continue;
      }
      // A relative clause closed by a comma ("X, who represents Y's
      // holders, asked"): its actors are not the main verb's subject; the
      // antecedent is.
      if (cb > 0 && (v_.W(cb) == "who" || v_.W(cb) == "which" || v_.W(cb) == "whose")) {
        bool closed = false;
        for (uint32_t k = v_.NpEnd(top); k < pos; ++k) closed |= v_.W(k) == ",";
        if (closed) return SubjectHow::kRelative;
      }
      // A country modifier is the subject only through the force noun it
      // modifies ("Iranian forces mounted", "Iraqi security forces
      // attacked", "the US attack killed"); not through other nouns ("U.S.
      // semiconductor industry representatives met") nor as the modifier of
      // a later conjunct of plain nouns ("the senators and U.S. officials").
      // The same holds for a possessor ("Gephardt's legislation would hit",
      // "Iran's forces attacked").
      bool possessor = v_.NpEnd(top) + 1 < pos && v_.Is(v_.NpEnd(top), words::kPossessiveMark);
      if ((doc_.mentions[top].form == MentionForm::kModifier || possessor) &&
          v_.NpEnd(top) < pos) {
        int e = static_cast<int>(v_.NpEnd(top)) + (possessor ? 1 : 0);
        int h = static_cast<int>(pos) - 1;
        while (h >= e && (v_.Is(h, words::kAuxiliary) || v_.Is(h, words::kAdverb) ||
                          v_.Is(h, words::kNegator) || v_.Is(h, words::kHypotheticalModal) ||
                          v_.Is(h, words::kFutureModal) || v_.Is(h, words::kFutureLead) ||
                          v_.W(h) == "to"))
          --h;
        if (h >= e) {
          bool head_ok = (v_.Is(h, words::kForceNoun) ||
                          (s_.match_at[h] >= 0 && s_.records[s_.match_at[h]].nominal)) &&
                         h - e <= 1;
          int b = static_cast<int>(nb) - 1;
          if (b >= static_cast<int>(cb) && v_.W(b) == "the") --b;
          bool plain_conjunct = b > static_cast<int>(cb) &&
                                (v_.W(b) == "and" || v_.W(b) == ",") &&
                                v_.MentionAt(b - 1) < 0 && !v_.IsPunct(b - 1);
          // Kept for a passive ("Nine French peacekeepers were killed"):
          // the caller drops it for an agent.
          if (!head_ok || plain_conjunct) modifier_subject_weak_ = true;
        }
      }
      out->Add(top);
      *subject_end = v_.NpEnd(top);
      // Coordinated subjects to the left: "Iran and Syria", "Iran, Syria and Turkey".
      int j = static_cast<int>(nb) - 1;
      bool coordinated = false;  // a comma alone links only inside an "and" list
      bool link_has_and = false;
      while (j >= static_cast<int>(cb)) {
        std::string_view c = v_.W(j);
        if (c == "and" || c == "or") {
          link_has_and = true;
          --j;
          continue;
        }
        if (c == "," || c == "the" || c == "both") {
          --j;
          continue;
        }
        int m2 = v_.MentionAt(j);
        if (m2 < 0) break;
        int t2 = v_.Top(m2);
        if (PrepositionBefore(t2) >= 0) break;
        if (!link_has_and && !coordinated) break;
        coordinated = true;
        link_has_and = false;
        out->Add(t2);
        j = static_cast<int>(v_.NpBegin(t2)) - 1;
      }
      return SubjectHow::kFound;
    }
    if (IsVerbToken(i)) {
      if (adjacent) {
        *from_record = s_.match_at[i];
        return SubjectHow::kInherit;
      }
      return SubjectHow::kNone;
    }
    if (adjacent && (v_.Is(i, words::kCoordinator) || w == ",")) {
      // "blamed Iran ... and called on Iraq": shares the last verb's subject.
      for (int r = static_cast<int>(s_.records.size()) - 1; r >= 0; --r) {
        const Record& rec = s_.records[r];
        if (rec.entry && !rec.nominal && rec.end <= static_cast<uint32_t>(i) &&
            rec.begin >= cb && !rec.subjects.empty()) {
          *from_record = r;
          return SubjectHow::kInherit;
        }
      }
      adjacent = false;
      continue;
    }
    // "an Arab fund to assist X": an infinitive after a plain noun has that
    // noun as its subject, not an actor further left.
    if (adjacent && w == "to" && i > static_cast<int>(cb)) {
      int k = i - 1;
      while (k > static_cast<int>(cb) && v_.Is(k, words::kAdverb)) --k;
      if (v_.MentionAt(k) < 0 && !v_.IsPunct(k) && s_.match_at[k] < 0 && !v_.Is(k, words::kFutureLead) &&
          !v_.Is(k, words::kAuxiliary) && !v_.Is(k, words::kAbortLead) &&
          !v_.Is(k, words::kHypotheticalModal) && !v_.Is(k, words::kFutureModal) &&
          !v_.Is(k, words::kObjectPronoun) && !v_.Is(k, words::kForceNoun) && !v_.Is(k, words::kCoordinator))
        return SubjectHow::kNone;
    }
    if (adjacent && (v_.Is(i, words::kAuxiliary) || v_.Is(i, words::kAdverb) || v_.Is(i, words::kNegator) ||
                     v_.Is(i, words::kHypotheticalModal) || v_.Is(i, words::kFutureModal) ||
                     v_.Is(i, words::kFutureLead) || w == "to"))
      continue;
    if ((w == "it" || w == "they" || w == "he" || w == "she" || w == "we" || w == "i" ||
         w == "you") && v_.MentionAt(i) < 0)
      return SubjectHow::kNone;  // an unresolved pronoun is the subject
    adjacent = false;
    plain_words += v_.IsPunct(i) ? 2 : 1;
  }
  // Reached the clause start: a relative clause takes its antecedent.
  // ("whose presidents have criticised": the subject is the possessed noun,
  // not the antecedent).
  if (cb < v_.size() && v_.Is(cb, words::kRelativePronoun) && cb > 0 && cb < pos &&
      v_.W(cb) != "whose") {
    return SubjectHow::kRelative;
  }
  return SubjectHow::kNone;
}

// The direct object: the first actor after `from` before a preposition (other
// than a force noun's), a verb, a clause end or `limit`.
bool Relater::FindObjectAfter(uint32_t from, uint32_t limit, Args* out, uint32_t* np_end) {
  for (uint32_t i = from; i < limit && i < from + 9; ++i) {
    int m = v_.MentionAt(i);
    if (m >= 0) {
      int top = v_.Top(m);
      out->Add(top);
      *np_end = std::max(v_.NpEnd(top), i + 1);
      Coordinate(*np_end, limit, out, np_end);
      return true;
    }
    if (s_.match_at[i] >= 0) return false;
    if (v_.Is(i, words::kObjectPronoun)) return false;  // "to help it resist X": the object is "it"
    if (v_.Is(i, words::kPreposition) && !TransparentPrep(static_cast<int>(i))) return false;
    if (v_.IsPunct(i)) return false;
    if (v_.Is(i, words::kAuxiliary) || v_.Is(i, words::kCoordinator)) return false;
  }
  return false;
}

bool Relater::FindPrepObject(const std::vector<std::string>& preps, uint32_t from,
                             uint32_t limit, Args* out, uint32_t* np_end) {
  for (uint32_t i = from; i < limit && i < from + 8; ++i) {
    std::string_view w = v_.W(i);
    if (v_.MentionAt(i) >= 0) continue;  // a theme ("deployed the 82nd Airborne to")
    if (s_.match_at[i] >= 0 && i != from) return false;
    if (w == ";" || w == "," || v_.Is(i, words::kTerminal)) return false;
    // "demands by X", "help it resist X": an agent phrase or a pronoun
    // object ends the search.
    if (v_.Is(i, words::kObjectPronoun) && v_.MentionAt(i) < 0) return false;
    bool listed = std::find(preps.begin(), preps.end(), w) != preps.end();
    if (w == "by" && !listed) return false;
    if (listed) {
      // The noun phrase right after the preposition.
      // "on more than a dozen Houthi targets": determiners and numbers may
      // run a little longer than other words.
      int plain = 0;
      for (uint32_t j = i + 1; j < limit && j < i + 7 && plain <= 3; ++j) {
        int m = v_.MentionAt(j);
        if (m >= 0) {
          int top = v_.Top(m);
          out->Add(top);
          *np_end = std::max(v_.NpEnd(top), j + 1);
          Coordinate(*np_end, limit, out, np_end);
          return true;
        }
        if (!(v_.Is(j, words::kDeterminer) || v_.Is(j, words::kPossessiveMark) || v_.IsNumber(j)))
          ++plain;
        if (!(v_.Is(j, words::kDeterminer) || v_.Is(j, words::kPossessiveMark) || v_.IsNumber(j) ||
              (!v_.IsPunct(j) && s_.match_at[j] < 0 && !v_.Is(j, words::kPreposition) &&
               !v_.Is(j, words::kAuxiliary))))
          break;
      }
      return false;
    }
  }
  return false;
}

// Coordinated noun phrases after a first one: "against the US, Israel and
// President Trump". Stops before an actor that starts a new clause (one
// followed by a verb).
void Relater::Coordinate(uint32_t np_end, uint32_t limit, Args* out, uint32_t* np_end_out) {
  // Conjuncts joined only by commas count once a coordinator ("and", "or")
  // closes the list; otherwise a comma starts an apposition or a new phrase.
  Args pending;
  uint32_t pending_end = *np_end_out;
  uint32_t i = np_end;
  while (i < limit) {
    uint32_t j = i;
    bool linked = false, coordinated = false;
    int titles = 0;
    while (j < limit) {
      std::string_view w = v_.W(j);
      if (w == "," || w == "the" || w == "both") {
        linked = true;
        ++j;
      } else if (w == "and" || w == "or") {
        linked = coordinated = true;
        ++j;
      } else if (w == "as" && v_.W(j + 1) == "well" && v_.W(j + 2) == "as") {
        linked = coordinated = true;
        j += 3;
      } else if (linked && v_.MentionAt(j) < 0 && v_.IsCapitalized(j) && titles < 2 &&
                 s_.match_at[j] < 0) {
        ++titles;  // a title outside the mention: "President Trump"
        ++j;
      } else {
        break;
      }
    }
    if (!linked || j >= limit) return;
    int m = v_.MentionAt(j);
    if (m < 0) return;
    int top = v_.Top(m);
    uint32_t e = std::max(v_.NpEnd(top), j + 1);
    // An actor followed by a verb is the subject of a new clause.
    uint32_t k = e;
    while (k < limit && (v_.Is(k, words::kAdverb) || v_.Is(k, words::kAuxiliary))) ++k;
    if (k < v_.size() && (IsVerbToken(k) || v_.Is(e, words::kAuxiliary))) return;
    // A modifier of an unnamed noun ("the German daily") is another phrase.
    MentionForm f = doc_.mentions[top].form;
    if ((f == MentionForm::kModifier || f == MentionForm::kCompoundAdj) && e < limit &&
        !v_.IsPunct(e) && !v_.Is(e, words::kCoordinator) && !v_.Is(e, words::kPreposition) &&
        !IsVerbToken(e))
      return;
    pending.Add(top);
    pending_end = e;
    if (coordinated) {
      for (int x = 0; x < pending.n; ++x) out->Add(pending.m[x]);
      pending.Clear();
      *np_end_out = pending_end;
    }
    i = e;
  }
}

bool Relater::FindByAgent(uint32_t from, uint32_t limit, Args* out) {
  for (uint32_t i = from; i < limit && i < from + 10; ++i) {
    if (v_.W(i) != "by") continue;
    for (uint32_t j = i + 1; j < limit && j < i + 4; ++j) {
      int m = v_.MentionAt(j);
      if (m >= 0) {
        int top = v_.Top(m);
        out->Add(top);
        uint32_t e;
        Coordinate(std::max(v_.NpEnd(top), j + 1), limit, out, &e);
        return true;
      }
      if (!v_.Is(j, words::kDeterminer)) break;
    }
    return false;
  }
  return false;
}

// An aborting lead before the trigger (its verb group, determiners and
// adverbs skipped): "declined to endorse", "stopped short of backing",
// "refrained from attacking", "ruled out (an) attack", "stopped attacking".
bool Relater::Aborted(uint32_t pos) const {
  uint32_t cb = v_.ClauseBegin(pos);
  int k = static_cast<int>(pos) - 1;
  while (k >= static_cast<int>(cb) &&
         (v_.Is(k, words::kAdverb) || v_.Is(k, words::kDeterminer) || v_.Is(k, words::kAuxiliary)))
    --k;
  if (k <= static_cast<int>(cb) - 1) return false;
  std::string_view w = v_.W(k);
  if ((w == "to" || w == "of" || w == "from") && v_.Is(k - 1, words::kAbortLead)) return true;
  if (w == "out" && v_.Is(k - 1, words::kAbortLead)) return true;  // "ruled out"
  std::string_view t = v_.W(pos);
  bool gerund = t.size() > 4 && t.substr(t.size() - 3) == "ing";
  return gerund && (w == "stopped" || w == "stops" || w == "ceased" || w == "halted");
}

Modality Relater::LocalModality(uint32_t from, uint32_t pos) const {
  Modality m = Modality::kAsserted;
  uint32_t cb = v_.ClauseBegin(pos);
  if (Aborted(pos)) return Modality::kNegated;
  // Conditional clause anywhere before the trigger in its clause.
  for (uint32_t i = cb; i < pos; ++i)
    if (v_.Is(i, words::kConditional)) m = Modality::kHypothetical;
  for (uint32_t i = std::max(from, cb); i < pos; ++i) {
    if (v_.Is(i, words::kNegator)) return Modality::kNegated;
    if (v_.Is(i, words::kHypotheticalModal)) m = Weaker(m, Modality::kHypothetical);
    else if (v_.Is(i, words::kFutureModal)) m = Weaker(m, Modality::kFuture);
  }
  // An infinitive: "to" right before the verb ("prepared to deploy",
  // "called on Iraq to protect"): intended, not done.
  int k = static_cast<int>(pos) - 1;
  while (k >= static_cast<int>(cb) && (v_.Is(k, words::kAdverb) || v_.Is(k, words::kNegator) ||
                                       v_.Is(k, words::kAuxiliary)))
    --k;
  if (k >= static_cast<int>(cb) && v_.W(k) == "to") m = Weaker(m, Modality::kFuture);
  // A question: the sentence piece holding the trigger ends with '?'.
  for (uint32_t i = pos; i < v_.size(); ++i) {
    std::string_view w = v_.W(i);
    if (w == "?") return Weaker(m, Modality::kHypothetical);
    if (w == "." || w == "!") break;
  }
  return m;
}

}  // namespace geokg::ingest::relate_internal
