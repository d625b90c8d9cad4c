// Nominal triggers ("attack on X", "X's withdrawal from Y", "the
// deployment of Chilean troops to Z"): their agent comes from a possessive,
// a modifier, an "of"/"by" phrase, an instrument ("killed in a Russian
// strike") or the clause around them; see relate.h for the rules.
#include <algorithm>

#include "graph/ids.h"
#include "graph/ontology.h"
#include "ingest/lexicon.h"
#include "ingest/relate_words.h"
#include "ingest/relater.h"

namespace geokg::ingest::relate_internal {

// "killed in a Russian strike", "wounded during an Israeli raid": the agent
// of a hostile nominal trigger right after "in"/"during"/"by".
bool Relater::InstrumentAgent(uint32_t from, uint32_t limit, Args* out) {
  for (uint32_t i = from; i < limit && i < from + 4; ++i) {
    std::string_view w = v_.W(i);
    if (w != "in" && w != "during" && w != "by") continue;
    int m = -1;
    for (uint32_t j = i + 1; j < limit && j < i + 6; ++j) {
      int r = s_.match_at[j];
      if (r >= 0) {
        const Record& rec = s_.records[r];
        if (!rec.nominal || !IsHostile(rec.entry->type) || m < 0) return false;
        out->Add(m);
        return true;
      }
      int mj = v_.MentionAt(j);
      if (mj >= 0) {
        const Mention& mm = doc_.mentions[mj];
        if (IsPlace(doc_.entities[mm.entity].kind)) return false;
        m = mj;
        j = std::max(j, v_.MEnd(mj) - 1);
        continue;
      }
      if (v_.IsPunct(j) || v_.Is(j, words::kPreposition)) return false;
    }
    return false;
  }
  return false;
}

// A mention that owns ("the United States' attack") or, as a country
// modifier, qualifies ("the French delegation") the noun after it.
bool Relater::OwnsNoun(int top) const {
  uint32_t e = v_.NpEnd(top);
  if (e >= v_.size()) return false;
  if (v_.Is(e, words::kPossessiveMark)) return true;
  if (doc_.mentions[top].form != MentionForm::kModifier) return false;
  return !v_.IsPunct(e) && v_.MentionAt(e) < 0 && !v_.Is(e, words::kCoordinator) &&
         !v_.Is(e, words::kPreposition) && !IsVerbToken(e) && !v_.Is(e, words::kAuxiliary);
}

void Relater::ProcessNominal(Record& r) {
  const TriggerEntry& e = *r.entry;
  uint32_t limit = v_.ClauseEnd(r.begin);
  Args agent;
  Modality local = Modality::kAsserted;
  float conf = e.weak ? 0.6f : 0.75f;
  bool from_light = false;  // the agent is a light verb's subject

  // Skip adjectives/determiners before the noun ("Iran's deadly attack").
  // Determiners and at most one adjective ("Iran's deadly attack").
  int p = static_cast<int>(r.begin) - 1;
  int skipped = 0, plain = 0;
  while (p >= 0 && skipped < 4 && v_.MentionAt(p) < 0 && !v_.IsPunct(p) &&
         s_.match_at[p] < 0 && !v_.Is(p, words::kPreposition) &&
         !v_.Is(p, words::kPossessiveMark) && !v_.Is(p, words::kNegator)) {
    if (v_.Is(p, words::kAuxiliary) || v_.Is(p, words::kCoordinator)) break;
    if (!v_.Is(p, words::kDeterminer)) {
      if (v_.IsCapitalized(p) || plain >= 2) break;
      ++plain;
    }
    --p;
    ++skipped;
  }
  if (p >= 0 && v_.Is(p, words::kNegator)) local = Modality::kNegated;  // "no attack on"
  if (event_pos_ >= 0 && static_cast<int>(r.begin) >= event_pos_ &&
      static_cast<int>(r.begin) < event_pos_ + 4) {
    agent = event_agents_;
    local = Weaker(local, event_modality_);
    conf = 0.6f;
    event_pos_ = -1;
  } else if (p >= 0 && plain <= 1 && v_.Is(p, words::kPossessiveMark) && p > 0 &&
             v_.MentionAt(p - 1) >= 0) {
    agent.Add(v_.MentionAt(p - 1));
  } else if (p >= 0 && plain == 0 && v_.MentionAt(p) >= 0) {
    int m = v_.MentionAt(p);
    const Mention& mm = doc_.mentions[m];
    EntityKind k = doc_.entities[mm.entity].kind;
    if (!IsPlace(k) && mm.form != MentionForm::kPronoun && PrepositionBefore(m) < 0)
      agent.Add(m);  // "US strikes on", "Iranian attack on"
  } else if (p >= 0 && s_.match_at[p] >= 0) {
    const Record& lr = s_.records[s_.match_at[p]];
    if (lr.entry && lr.entry->cls == TriggerClass::kLight && !lr.subjects.empty()) {
      agent = lr.subjects;  // "Iran is orchestrating an attack on"
      from_light = true;
      local = Weaker(local, lr.modality);
      conf = 0.7f;
    }
  }
  // "X is in talks with Y", "X ... after talks with Y": a meeting noun
  // governed by one of these prepositions takes the clause's subject.
  if (agent.empty() && p >= 0 && v_.W(r.end) == "with" &&
      (e.type == RelationType::kNegotiatedWith || e.type == RelationType::kMetWith)) {
    std::string_view pw = v_.W(p);
    // "in" must follow a verb ("is in talks", "agreed in talks"), not a
    // noun ("progress in negotiations with").
    bool verb_before = false;
    if (pw == "in") {
      int q = p - 1;
      while (q >= 0 && v_.Is(q, words::kAdverb)) --q;
      if (q >= 0) {
        std::string_view qw = v_.W(q);
        verb_before = v_.Is(q, words::kBeForm) || v_.Is(q, words::kAuxiliary) || IsVerbToken(q) ||
                      (qw.size() > 4 && qw.substr(qw.size() - 2) == "ed" && v_.MentionAt(q) < 0);
      }
    }
    if (verb_before || pw == "after" || pw == "following" || pw == "during") {
      Args subj;
      int from_record = -1;
      uint32_t subj_end = static_cast<uint32_t>(p);
      SubjectHow how = FindSubject(static_cast<uint32_t>(p), &subj, &from_record, &subj_end);
      if (how == SubjectHow::kFound && !modifier_subject_weak_) {
        agent = subj;
        local = Weaker(local, LocalModality(subj_end, static_cast<uint32_t>(p)));
        conf = 0.65f;
      }
      modifier_subject_weak_ = false;
    }
  }
  // "the deployment of Chilean troops to X", "the withdrawal of the 5th
  // Fleet from X": whoever owns the forces moved is the agent.
  if (agent.empty() && v_.W(r.end) == "of" &&
      (e.type == RelationType::kDeployedTo || e.type == RelationType::kWithdrewFrom)) {
    int owner = -1;
    for (uint32_t j = r.end + 1; j < limit && j < r.end + 6; ++j) {
      int m = v_.MentionAt(j);
      if (m >= 0) {
        EntityKind k = doc_.entities[doc_.mentions[m].entity].kind;
        if (IsPlace(k)) break;
        if (k == EntityKind::kMilitaryUnit) {
          agent.Add(v_.Top(m));
          break;
        }
        owner = m;
        j = std::max(j, v_.MEnd(m) - 1);
        continue;
      }
      if (v_.Is(j, words::kForceNoun)) {
        if (owner >= 0) agent.Add(owner);
        break;
      }
      if (v_.IsPunct(j) || v_.Is(j, words::kPreposition) || s_.match_at[j] >= 0) break;
    }
    if (!agent.empty()) conf *= 0.9f;
  }
  // The object of an appeal ("demanded Chile's withdrawal", "called for
  // the withdrawal of"): asked for, not done.
  if (p >= 0) {
    auto appeal_at = [&](int q) {
      if (q < 0) return false;
      int rq = s_.match_at[q];
      if (rq >= 0 && s_.records[rq].entry && (s_.records[rq].entry->type == RelationType::kCalledOn || s_.records[rq].entry->type == RelationType::kAppealedTo) &&
          s_.records[rq].entry->cls != TriggerClass::kLight &&
          s_.records[rq].entry->cls != TriggerClass::kSpeech)
        return true;
      std::string_view w = v_.W(q);
      return w == "call" || w == "calls" || w == "called" || w == "calling" || w == "appeal" ||
             w == "appeals" || w == "appealed" || w == "pressed" || w == "pushed";
    };
    int q = p;
    if (v_.Is(q, words::kPossessiveMark) && q > 0 && v_.MentionAt(q - 1) >= 0)
      q = static_cast<int>(v_.NpBegin(v_.Top(v_.MentionAt(q - 1)))) - 1;  // "demanded Chile's withdrawal"
    bool appeal = appeal_at(q) || (q >= 1 && v_.W(q) == "for" && appeal_at(q - 1));
    // Deeper in what an appeal asks for: "called on X to commit to a full
    // withdrawal from Y".
    for (int k = q - 1; !appeal && k >= static_cast<int>(v_.ClauseBegin(static_cast<uint32_t>(p))) && k >= q - 14; --k)
      appeal = appeal_at(k) || v_.W(k) == "urged" || v_.W(k) == "urges" || v_.W(k) == "demanded" ||
               v_.W(k) == "demands" || v_.W(k) == "asked" || v_.W(k) == "asks";
    if (appeal) local = Weaker(local, Modality::kFuture);
  }
  uint32_t np_end = r.end;
  Args target;
  FindPrepObject(e.preps, r.end, limit, &target, &np_end);
  // "confirmation of a U.S. Navy attack on X by Y": after "of" the noun is
  // a complement, and "by Y" belongs to the noun governing it.
  if (agent.empty() && !(p >= 0 && v_.W(p) == "of")) FindByAgent(r.end, limit, &agent);
  if (local == Modality::kAsserted) local = Weaker(local, LocalModality(r.begin, r.begin));
  r.subjects = agent;
  r.objects = target;
  r.modality = local;
  r.confidence = conf;
  // Symmetric events between two parties: "talks between X and Y", "X and
  // Y signed an agreement".
  if (graph::InfoOf(e.type).symmetric) {
    // The first conjunct must be an actor ("talks between banks and Mexico,
    // Chile and Venezuela" pairs nobody).
    uint32_t first = r.end + 1;
    while (first < limit && v_.Is(first, words::kDeterminer)) ++first;
    if (agent.empty() && target.n >= 2 && (v_.W(r.end) == "between" || v_.W(r.end) == "among") &&
        v_.MentionAt(first) >= 0) {
      agent.Add(target.m[0]);
      Args rest;
      for (int k = 1; k < target.n; ++k) rest.Add(target.m[k]);
      target = rest;
    } else if (target.empty() && agent.n >= 2) {
      target.Clear();
      for (int k = 1; k < agent.n; ++k) target.Add(agent.m[k]);
      agent.n = 1;
      conf *= 0.9f;
    }
  }
  if (!agent.empty() && !target.empty()) {
    presupposed_ = !from_light;
    if (e.inverse) Emit(target, e.type, agent, local, conf, r.begin, r.end, r.begin);
    else Emit(agent, e.type, target, local, conf, r.begin, r.end, r.begin);
    presupposed_ = false;
  }
}

}  // namespace geokg::ingest::relate_internal
