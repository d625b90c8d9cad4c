// Relation finding over one document: per sentence, trigger matches become
// Records whose arguments are found by clause-aware search (see relate.h for
// the rules); document-level passes add structural, compound and gazetteer
// relations and deduplicate.
#include "ingest/relate.h"

#include <algorithm>

#include "graph/ids.h"
#include "graph/ontology.h"
#include "ingest/lexicon.h"
#include "ingest/relate_clause.h"
#include "ingest/relate_words.h"

namespace geokg::ingest {

using graph::EntityKind;
using graph::Modality;
using graph::RelationType;
using relate_internal::Args;
using relate_internal::Container;
using relate_internal::Record;
using relate_internal::SentenceView;
using relate_internal::SubjectHow;

graph::EntityId EntityIdOf(const graph::Entity& e) {
  return e.id != 0 ? e.id : graph::EntityIdFor(e.name);
}

namespace {

constexpr size_t kMaxEvidenceText = 600;
constexpr float kRelatedHeadlineCap = 0.4f;

bool IsPlace(EntityKind k) { return k == EntityKind::kLocation || k == EntityKind::kFacility; }

bool IsHostile(RelationType t) {
  return t == RelationType::kAttacked || t == RelationType::kKilled ||
         t == RelationType::kThreatened;
}

// Stronger non-assertion wins: negated > reported > hypothetical > future.
Modality Combine(Modality local, Container container) {
  if (local == Modality::kNegated || container == Container::kDenied) return Modality::kNegated;
  if (container == Container::kReported) return Modality::kReported;
  return local;
}

int Rank(Modality m) {
  switch (m) {
    case Modality::kAsserted: return 0;
    case Modality::kFuture: return 1;
    case Modality::kHypothetical: return 2;
    case Modality::kReported: return 3;
    case Modality::kNegated: return 4;
  }
  return 0;
}
Modality Weaker(Modality a, Modality b) { return Rank(a) >= Rank(b) ? a : b; }

std::string_view TrimView(std::string_view s) {
  while (!s.empty() && static_cast<unsigned char>(s.front()) <= ' ') s.remove_prefix(1);
  while (!s.empty() && static_cast<unsigned char>(s.back()) <= ' ') s.remove_suffix(1);
  return s;
}

// Cuts at most `cap` bytes on a UTF-8 character boundary.
std::string Cap(std::string_view s, size_t cap) {
  if (s.size() <= cap) return std::string(s);
  size_t n = cap;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return std::string(s.substr(0, n)) + "…";
}

// Per-thread scratch, reused across documents.
struct Scratch {
  SentenceView view;
  std::vector<Record> records;
  std::vector<int> match_at;  // token -> record index
  std::vector<uint8_t> container;
  std::vector<int> speaker;   // token -> record index of the speech verb, -1 none
  std::vector<const TriggerForm*> forms;
};

class Relater {
 public:
  Relater(const Triggers& triggers, const Lexicon* lexicon, const DocAnalysis& doc,
          const graph::DocMeta& meta, std::vector<graph::ExtractedRelation>* out, Scratch* s)
      : triggers_(triggers), lexicon_(lexicon), doc_(doc), meta_(meta), out_(out), s_(*s),
        v_(s->view) {}

  void Run();

 private:
  // --- sentence passes
  void DoSentence(uint32_t si, uint32_t first_mention, uint32_t end_mention);
  void MatchTriggers();
  void Process(int ri);
  void ProcessVerbal(Record& r);
  void ProcessNominal(Record& r);

  // --- argument finding (sentence-relative token indices)
  SubjectHow FindSubject(uint32_t pos, Args* out, int* from_record, uint32_t* subject_end);
  int PrepositionBefore(int top) const;  // index of a governing preposition or -1
  bool TransparentPrep(int prep_index) const;
  bool FindObjectAfter(uint32_t from, uint32_t limit, Args* out, uint32_t* np_end);
  bool FindPrepObject(const std::vector<std::string>& preps, uint32_t from, uint32_t limit,
                      Args* out, uint32_t* np_end);
  void Coordinate(uint32_t np_end, uint32_t limit, Args* out, uint32_t* np_end_out);
  bool FindByAgent(uint32_t from, uint32_t limit, Args* out);
  Modality LocalModality(uint32_t from, uint32_t pos) const;
  bool IsVerbToken(uint32_t i) const;

  // --- output
  void Emit(const Args& src, RelationType type, const Args& tgt, Modality local, float conf,
            uint32_t tb, uint32_t te, uint32_t at_token);
  void EmitOne(int sm, RelationType type, int tm, Modality modality, float conf, uint32_t tb,
               uint32_t te, const std::string& role = {});
  void EmitEntities(uint32_t se, RelationType type, uint32_t te_, Modality modality, float conf,
                    uint32_t sentence, std::string trigger, const std::string& role);
  Container ContainerAt(uint32_t i, const Args** speaker);
  void MarkContainer(uint32_t from, uint32_t to, Container c, int speaker_record);
  void Structural();
  void Gazetteer();
  void Dedupe(size_t first);

  const Triggers& triggers_;
  const Lexicon* lexicon_;
  const DocAnalysis& doc_;
  const graph::DocMeta& meta_;
  std::vector<graph::ExtractedRelation>* out_;
  Scratch& s_;
  SentenceView& v_;

  uint32_t si_ = 0;  // current sentence
  bool from_structural_ = false;  // emitting recognition's structural relations
  // Pending EVENT argument: a trigger at [event_pos, event_pos + 4) takes
  // these agents ("condemned X for the strikes").
  int event_pos_ = -1;
  Args event_agents_;
  Modality event_modality_ = Modality::kAsserted;
  // Document state: who blamed whom (target entity, source entity), and the
  // last speaker seen.
  std::vector<std::pair<uint32_t, uint32_t>> blamers_;
  Args last_speaker_;
  int last_speaker_sentence_ = -100;
};

void Relater::Run() {
  size_t first = out_->size();
  uint32_t m = 0;
  const uint32_t nm = static_cast<uint32_t>(doc_.mentions.size());
  for (uint32_t si = 0; si < doc_.sentences.size(); ++si) {
    while (m < nm && doc_.mentions[m].sentence < si) ++m;
    uint32_t e = m;
    while (e < nm && doc_.mentions[e].sentence == si) ++e;
    const Sentence& s = doc_.sentences[si];
    if (!s.noise && e > m && s.token_count > 1) DoSentence(si, m, e);
    m = e;
  }
  Structural();
  Gazetteer();
  Dedupe(first);
}

void Relater::DoSentence(uint32_t si, uint32_t first_mention, uint32_t end_mention) {
  si_ = si;
  v_.Build(doc_, si, first_mention, end_mention);
  const uint32_t n = v_.size();
  s_.records.clear();
  s_.match_at.assign(n, -1);
  s_.container.assign(n, 0);
  s_.speaker.assign(n, -1);
  event_pos_ = -1;
  MatchTriggers();
  if (s_.records.empty()) return;
  // "according to X": the whole sentence is X's claim.
  for (uint32_t i = 0; i + 2 < n; ++i) {
    if (v_.W(i) == "according" && v_.W(i + 1) == "to" && v_.MentionAt(i + 2) >= 0) {
      Record r;
      r.begin = i;
      r.end = i + 2;
      r.subjects.Add(v_.Top(v_.MentionAt(i + 2)));
      s_.records.push_back(r);
      MarkContainer(0, n, Container::kReported, static_cast<int>(s_.records.size()) - 1);
      break;
    }
  }
  for (size_t ri = 0; ri < s_.records.size(); ++ri)
    if (s_.records[ri].entry != nullptr) Process(static_cast<int>(ri));
}

bool Relater::IsVerbToken(uint32_t i) const {
  int r = s_.match_at[i];
  return r >= 0 && !s_.records[r].nominal;
}

// Finds trigger matches and decides verb or noun readings (see relate.h).
void Relater::MatchTriggers() {
  const uint32_t n = v_.size();
  auto article_before = [&](uint32_t i) {
    if (i == 0) return false;
    std::string_view p = v_.W(i - 1);
    return p == "the" || p == "a" || p == "an" || p == "its" || p == "their" || p == "his" ||
           p == "her" || p == "our" || p == "these" || p == "those" ||
           words::IsPossessiveMark(p) || v_.IsNumber(i - 1);
  };
  for (uint32_t i = 0; i < n;) {
    if (v_.MentionAt(i) >= 0 || v_.IsPunct(i)) {
      ++i;
      continue;
    }
    s_.forms.clear();
    size_t best = 0;
    triggers_.ForEachMatch(v_.words(), i, [&](const TriggerForm& f) {
      // Triggers never run into a mention.
      for (size_t k = 1; k < f.words.size(); ++k)
        if (v_.MentionAt(i + static_cast<uint32_t>(k)) >= 0) return;
      if (f.words.size() < best) return;
      best = f.words.size();
      s_.forms.push_back(&f);
    });
    // Keep only the longest forms.
    const TriggerForm* verbal = nullptr;
    const TriggerForm* nominal = nullptr;
    for (const TriggerForm* f : s_.forms) {
      if (f->words.size() != best) continue;
      const TriggerEntry& e = triggers_.entry(f->entry);
      if (e.cls == TriggerClass::kNominal) {
        if (!nominal) nominal = f;
      } else if (!verbal) {
        verbal = f;
      }
    }
    if (!verbal && !nominal) {
      ++i;
      continue;
    }
    uint32_t end = i + static_cast<uint32_t>(best);
    bool use_nominal = false;
    bool prev_modifier = i > 0 && v_.MentionAt(i - 1) >= 0 &&
                         doc_.mentions[v_.MentionAt(i - 1)].form != MentionForm::kName &&
                         doc_.mentions[v_.MentionAt(i - 1)].form != MentionForm::kPronoun;
    if (nominal && !verbal) {
      use_nominal = true;
    } else if (nominal && verbal) {
      const TriggerEntry& ne = triggers_.entry(nominal->entry);
      bool prep_next = std::find(ne.preps.begin(), ne.preps.end(), v_.W(end)) != ne.preps.end();
      bool verb_only_form = verbal->participle && verbal->words != nominal->words;
      if (article_before(i) || prev_modifier ||
          (i > 0 && words::IsPreposition(v_.W(i - 1)) && v_.W(i - 1) != "to"))
        use_nominal = true;
      else if (prep_next && !verb_only_form)
        use_nominal = true;
    } else if (verbal && article_before(i)) {
      // "the deployed troops", "a target": not a verb.
      i = end;
      continue;
    }
    Record r;
    r.begin = i;
    r.end = end;
    r.form = use_nominal ? nominal : verbal;
    r.entry = &triggers_.entry(r.form->entry);
    r.nominal = use_nominal;
    int ri = static_cast<int>(s_.records.size());
    s_.records.push_back(r);
    for (uint32_t k = i; k < end; ++k) s_.match_at[k] = ri;
    i = end;
  }
}

void Relater::Process(int ri) {
  Record& r = s_.records[ri];
  if (r.nominal) ProcessNominal(r);
  else ProcessVerbal(r);
}

// ---------------------------------------------------------------------------
// Argument finding.

int Relater::PrepositionBefore(int top) const {
  int i = static_cast<int>(v_.NpBegin(top)) - 1;
  int skipped = 0;
  for (; i >= 0 && skipped < 4; --i, ++skipped) {
    std::string_view w = v_.W(i);
    if (words::IsDeterminer(w) || words::IsPossessiveMark(w) || v_.IsNumber(i) ||
        v_.MentionAt(i) >= 0)
      continue;
    if (words::IsPreposition(w)) return i;
    // One adjective-like word ("northern", "nearby").
    if (!v_.IsPunct(i) && !v_.IsCapitalized(i) && skipped == 0 && s_.match_at[i] < 0 &&
        !words::IsAuxiliary(w) && !words::IsCoordinator(w))
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
  return words::IsForceNoun(v_.W(p - 1));
}

SubjectHow Relater::FindSubject(uint32_t pos, Args* out, int* from_record,
                                uint32_t* subject_end) {
  out->Clear();
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
      // Skip an object of a preceding verb: "X attacked Y, Z condemned":
      // only when a verb immediately precedes the noun phrase.
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
    if (adjacent && (words::IsCoordinator(w) || w == ",")) {
      // "blamed Iran ... and called on Iraq": shares the last verb's subject.
      for (int r = static_cast<int>(s_.records.size()) - 1; r >= 0; --r) {
        const Record& rec = s_.records[r];
        if (rec.entry && !rec.nominal && rec.end <= static_cast<uint32_t>(i) &&
            !rec.subjects.empty()) {
          *from_record = r;
          return SubjectHow::kInherit;
        }
      }
      adjacent = false;
      continue;
    }
    if (adjacent && (words::IsAuxiliary(w) || words::IsAdverb(w) || words::IsNegator(w) ||
                     words::IsHypotheticalModal(w) || words::IsFutureModal(w) ||
                     words::IsFutureLead(w) || w == "to"))
      continue;
    if ((w == "it" || w == "they" || w == "he" || w == "she" || w == "we" || w == "i" ||
         w == "you") && v_.MentionAt(i) < 0)
      return SubjectHow::kNone;  // an unresolved pronoun is the subject
    adjacent = false;
    plain_words += v_.IsPunct(i) ? 2 : 1;
  }
  // Reached the clause start: a relative clause takes its antecedent.
  if (cb < v_.size() && words::IsRelativePronoun(v_.W(cb)) && cb > 0 && cb < pos) {
    return SubjectHow::kRelative;
  }
  return SubjectHow::kNone;
}

// The direct object: the first actor after `from` before a preposition (other
// than a force noun's), a verb, a clause end or `limit`.
bool Relater::FindObjectAfter(uint32_t from, uint32_t limit, Args* out, uint32_t* np_end) {
  for (uint32_t i = from; i < limit && i < from + 9; ++i) {
    std::string_view w = v_.W(i);
    int m = v_.MentionAt(i);
    if (m >= 0) {
      int top = v_.Top(m);
      out->Add(top);
      *np_end = std::max(v_.NpEnd(top), i + 1);
      Coordinate(*np_end, limit, out, np_end);
      return true;
    }
    if (s_.match_at[i] >= 0) return false;
    if (words::IsPreposition(w) && !TransparentPrep(static_cast<int>(i))) return false;
    if (v_.IsPunct(i)) return false;
    if (words::IsAuxiliary(w) || words::IsCoordinator(w)) return false;
  }
  return false;
}

bool Relater::FindPrepObject(const std::vector<std::string>& preps, uint32_t from,
                             uint32_t limit, Args* out, uint32_t* np_end) {
  for (uint32_t i = from; i < limit && i < from + 8; ++i) {
    std::string_view w = v_.W(i);
    if (v_.MentionAt(i) >= 0) continue;  // a theme ("deployed the 82nd Airborne to")
    if (s_.match_at[i] >= 0 && i != from) return false;
    if (w == ";" || w == "," || words::IsTerminal(w)) return false;
    if (std::find(preps.begin(), preps.end(), w) != preps.end()) {
      // The noun phrase right after the preposition.
      for (uint32_t j = i + 1; j < limit && j < i + 5; ++j) {
        int m = v_.MentionAt(j);
        if (m >= 0) {
          int top = v_.Top(m);
          out->Add(top);
          *np_end = std::max(v_.NpEnd(top), j + 1);
          Coordinate(*np_end, limit, out, np_end);
          return true;
        }
        std::string_view x = v_.W(j);
        if (!(words::IsDeterminer(x) || words::IsPossessiveMark(x) || v_.IsNumber(j) ||
              (!v_.IsPunct(j) && s_.match_at[j] < 0 && !words::IsPreposition(x) &&
               !words::IsAuxiliary(x))))
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
    while (k < limit && (words::IsAdverb(v_.W(k)) || words::IsAuxiliary(v_.W(k)))) ++k;
    if (k < v_.size() && (IsVerbToken(k) || words::IsAuxiliary(v_.W(e)))) return;
    // A modifier of an unnamed noun ("the German daily") is another phrase.
    MentionForm f = doc_.mentions[top].form;
    if ((f == MentionForm::kModifier || f == MentionForm::kCompoundAdj) && e < limit &&
        !v_.IsPunct(e) && !words::IsCoordinator(v_.W(e)) && !words::IsPreposition(v_.W(e)) &&
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
      if (!words::IsDeterminer(v_.W(j))) break;
    }
    return false;
  }
  return false;
}

Modality Relater::LocalModality(uint32_t from, uint32_t pos) const {
  Modality m = Modality::kAsserted;
  uint32_t cb = v_.ClauseBegin(pos);
  // Conditional clause anywhere before the trigger in its clause.
  for (uint32_t i = cb; i < pos; ++i)
    if (words::IsConditional(v_.W(i))) m = Modality::kHypothetical;
  for (uint32_t i = std::max(from, cb); i < pos; ++i) {
    std::string_view w = v_.W(i);
    if (words::IsNegator(w)) return Modality::kNegated;
    if (words::IsHypotheticalModal(w)) m = Weaker(m, Modality::kHypothetical);
    else if (words::IsFutureModal(w)) m = Weaker(m, Modality::kFuture);
  }
  // An infinitive: "to" right before the verb ("prepared to deploy",
  // "called on Iraq to protect"): intended, not done.
  int k = static_cast<int>(pos) - 1;
  while (k >= static_cast<int>(cb) && (words::IsAdverb(v_.W(k)) || words::IsNegator(v_.W(k)) ||
                                       words::IsAuxiliary(v_.W(k))))
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

// ---------------------------------------------------------------------------
// Triggers.

void Relater::ProcessVerbal(Record& r) {
  const TriggerEntry& e = *r.entry;
  const uint32_t n = v_.size();
  uint32_t limit = v_.ClauseEnd(r.begin);
  Args subj;
  int from_record = -1;
  uint32_t subj_end = r.begin;
  float conf = e.weak ? 0.65f : 0.8f;
  SubjectHow how = FindSubject(r.begin, &subj, &from_record, &subj_end);
  Modality inherited = Modality::kAsserted;
  int antecedent_nominal = -1;
  if (how == SubjectHow::kInherit && from_record >= 0) {
    subj = s_.records[from_record].subjects;
    subj_end = s_.records[from_record].end;
    conf *= 0.92f;
  } else if (how == SubjectHow::kRelative) {
    uint32_t cb = v_.ClauseBegin(r.begin);
    int a = static_cast<int>(cb) - 1;
    if (a >= 0 && v_.W(a) == ",") --a;
    if (a >= 0 && v_.W(a) == ")") --a;  // "the PMF (PMF) who"
    if (a >= 0 && v_.MentionAt(a) >= 0) {
      subj.Add(v_.Top(v_.MentionAt(a)));
      conf *= 0.9f;
    } else if (a >= 0 && s_.match_at[a] >= 0 && s_.records[s_.match_at[a]].nominal) {
      antecedent_nominal = s_.match_at[a];
      const Record& nr = s_.records[antecedent_nominal];
      subj = nr.subjects;
      inherited = nr.modality;
      conf = std::min(conf, nr.confidence) * 0.95f;
    }
    subj_end = cb + 1;
  }
  r.subjects = subj;
  r.confidence = conf;

  if (e.cls == TriggerClass::kLight) {
    r.modality = LocalModality(subj_end, r.begin);
    return;
  }
  if (e.cls == TriggerClass::kSpeech) {
    if (subj.empty()) return;
    last_speaker_ = subj;
    last_speaker_sentence_ = static_cast<int>(si_);
    int ri = static_cast<int>(&r - s_.records.data());
    // Content after the verb (skipping "that", ":" and an addressee).
    uint32_t from = r.end;
    uint32_t to = n;
    for (uint32_t i = from; i < n; ++i)
      if (v_.W(i) == ";") {
        to = i;
        break;
      }
    bool content_after = false;
    for (uint32_t i = from; i < to; ++i)
      if (!v_.IsPunct(i) || v_.IsQuoteTok(i)) {
        content_after = !words::IsTerminal(v_.W(i));
        break;
      }
    if (content_after && to - from > 2) {
      MarkContainer(from, to, Container::kReported, ri);
    } else if (!subj.empty()) {
      // Post-posed: "X attacked Y, officials said."
      uint32_t nb = v_.NpBegin(subj.m[0]);
      if (nb > 0 && (v_.W(nb - 1) == "," || v_.IsQuoteTok(nb - 1)))
        MarkContainer(0, nb, Container::kReported, ri);
    }
    // Quoted tokens anywhere in the sentence are this speaker's.
    for (uint32_t i = 0; i < n; ++i)
      if (v_.Quoted(i) && s_.speaker[i] < 0) {
        s_.container[i] = static_cast<uint8_t>(Container::kReported);
        s_.speaker[i] = ri;
      }
    return;
  }

  Modality local = Weaker(LocalModality(subj_end, r.begin), inherited);
  // Passive: "were deployed to Iraq by the US", "was attacked by".
  bool passive = false;
  if (r.form->participle) {
    int p = static_cast<int>(r.begin) - 1;
    while (p >= 0 && (words::IsAdverb(v_.W(p)) || words::IsNegator(v_.W(p)))) --p;
    if (p >= 0 && words::IsBeForm(v_.W(p))) passive = true;
    if (!passive && v_.W(r.end) == "by" && (p < 0 || !words::IsAuxiliary(v_.W(p))))
      passive = true;
  }
  Args agent, target;
  uint32_t obj_end = r.end;
  bool deploy = e.type == RelationType::kDeployedTo;
  if (passive) {
    FindByAgent(r.end, limit, &agent);
    if (deploy) {
      if (agent.empty()) agent = subj;  // "US troops were deployed to Iraq"
      if (!e.preps.empty()) FindPrepObject(e.preps, r.end, limit, &target, &obj_end);
    } else {
      target = subj;
    }
    conf *= 0.95f;
  } else {
    agent = subj;
    bool found = false;
    bool has_real_prep = false;
    for (const std::string& p : e.preps) has_real_prep |= p != "-";
    if (has_real_prep) found = FindPrepObject(e.preps, r.end, limit, &target, &obj_end);
    if (!found && e.DirectObject()) found = FindObjectAfter(r.end, limit, &target, &obj_end);
  }
  // A destination-less deployment takes a country or place named later in
  // the clause, with lower confidence.
  if (deploy && target.empty() && !agent.empty()) {
    for (uint32_t i = r.end; i < limit; ++i) {
      int m = v_.MentionAt(i);
      if (m < 0) continue;
      EntityKind k = doc_.entities[doc_.mentions[m].entity].kind;
      int pick = -1;
      if (k == EntityKind::kCountry || k == EntityKind::kLocation) pick = m;
      // A facility "embassy in Iraq": look for a country mention inside it.
      if (pick < 0) {
        for (uint32_t x = 0; x < doc_.mentions.size(); ++x) {
          const Mention& mx = doc_.mentions[x];
          if (mx.sentence != si_ || mx.first_token - v_.first_token() < i ||
              mx.last_token - v_.first_token() > v_.MEnd(m))
            continue;
          EntityKind kx = doc_.entities[mx.entity].kind;
          if (kx == EntityKind::kCountry || kx == EntityKind::kLocation) {
            pick = static_cast<int>(x);
            break;
          }
        }
      }
      if (pick >= 0) {
        bool is_agent = false;
        for (int a = 0; a < agent.n; ++a)
          is_agent |= doc_.mentions[agent.m[a]].entity == doc_.mentions[pick].entity;
        if (!is_agent) {
          target.Add(pick);
          conf *= 0.65f;
          break;
        }
      }
      i = std::max(i, v_.MEnd(m) - 1);
    }
  }
  r.objects = target;
  r.modality = local;
  r.confidence = conf;

  // EVENT: "condemned X for the strikes", "accused X of attacking".
  if (!e.event_preps.empty() && !target.empty() && obj_end < n &&
      std::find(e.event_preps.begin(), e.event_preps.end(), v_.W(obj_end)) !=
          e.event_preps.end()) {
    event_pos_ = static_cast<int>(obj_end) + 1;
    event_agents_ = target;
    event_modality_ = e.type == RelationType::kBlamed ? Modality::kReported : local;
  }

  // A denial: "Iran has rejected accusations it was behind ...", "Turkey
  // denied it had shelled ...".
  if (e.type == RelationType::kRejected) {
    bool denial = e.denial;
    uint32_t acc = r.end;
    for (uint32_t i = r.end; i < limit && i < r.end + 4; ++i)
      if (words::IsAccusationNoun(v_.W(i))) {
        denial = true;
        acc = i;
        break;
      }
    if (denial) {
      Args accuser;
      // The accuser as a modifier/possessor of the claim or after "by/from".
      for (uint32_t i = r.end; i < acc; ++i) {
        int m = v_.MentionAt(i);
        if (m >= 0) accuser.Add(m);
      }
      if (accuser.empty() && acc > r.end &&
          (v_.W(acc + 1) == "by" || v_.W(acc + 1) == "from") && v_.MentionAt(acc + 2) >= 0)
        accuser.Add(v_.Top(v_.MentionAt(acc + 2)));
      if (!accuser.empty()) {
        Emit(agent, RelationType::kRejected, accuser, local, conf, r.begin, r.end, r.begin);
      } else {
        // Whoever last blamed the denier in this document.
        for (int a = 0; a < agent.n; ++a) {
          uint32_t denier = doc_.mentions[agent.m[a]].entity;
          for (auto it = blamers_.rbegin(); it != blamers_.rend(); ++it) {
            if (it->first != denier) continue;
            EmitEntities(denier, RelationType::kRejected, it->second,
                         Combine(local, ContainerAt(r.begin, nullptr)), conf * 0.85f, si_,
                         std::string(TrimView(doc_.text.substr(
                             v_.Tok(r.begin).begin, v_.Tok(r.end - 1).end - v_.Tok(r.begin).begin))),
                         {});
            break;
          }
        }
      }
      MarkContainer(r.end, n, Container::kDenied, -1);
      return;
    }
  }

  if (target.empty()) {
    // Symmetric relations between coordinated subjects: "Iran and Iraq met".
    if (graph::InfoOf(e.type).symmetric && agent.n >= 2) {
      Args a, b;
      a.Add(agent.m[0]);
      for (int k = 1; k < agent.n; ++k) b.Add(agent.m[k]);
      Emit(a, e.type, b, local, conf * 0.9f, r.begin, r.end, r.begin);
    }
  } else if (e.inverse) {
    Emit(target, e.type, agent, local, conf, r.begin, r.end, r.begin);
  } else {
    Emit(agent, e.type, target, local, conf, r.begin, r.end, r.begin);
  }

  // A relative clause on an event noun gives the noun its target too:
  // "the strikes that killed fighters from X": the striker attacked X.
  if (antecedent_nominal >= 0 && !target.empty()) {
    Record& nr = s_.records[antecedent_nominal];
    if (nr.objects.empty() && !nr.subjects.empty() && nr.entry->type != e.type) {
      nr.objects = target;
      Emit(nr.subjects, nr.entry->type, target, nr.modality, nr.confidence * 0.9f, nr.begin,
           nr.end, nr.begin);
    }
  }
}

void Relater::ProcessNominal(Record& r) {
  const TriggerEntry& e = *r.entry;
  uint32_t limit = v_.ClauseEnd(r.begin);
  Args agent;
  Modality local = Modality::kAsserted;
  float conf = e.weak ? 0.6f : 0.75f;

  // Skip adjectives/determiners before the noun ("Iran's deadly attack").
  // Determiners and at most one adjective ("Iran's deadly attack").
  int p = static_cast<int>(r.begin) - 1;
  int skipped = 0, plain = 0;
  while (p >= 0 && skipped < 4 && v_.MentionAt(p) < 0 && !v_.IsPunct(p) &&
         s_.match_at[p] < 0 && !words::IsPreposition(v_.W(p)) &&
         !words::IsPossessiveMark(v_.W(p)) && !words::IsNegator(v_.W(p))) {
    std::string_view w = v_.W(p);
    if (words::IsAuxiliary(w) || words::IsCoordinator(w)) break;
    if (!words::IsDeterminer(w)) {
      if (v_.IsCapitalized(p) || plain >= 2) break;
      ++plain;
    }
    --p;
    ++skipped;
  }
  if (p >= 0 && words::IsNegator(v_.W(p))) local = Modality::kNegated;  // "no attack on"
  if (event_pos_ >= 0 && static_cast<int>(r.begin) >= event_pos_ &&
      static_cast<int>(r.begin) < event_pos_ + 4) {
    agent = event_agents_;
    local = Weaker(local, event_modality_);
    conf = 0.6f;
    event_pos_ = -1;
  } else if (p >= 0 && plain <= 1 && words::IsPossessiveMark(v_.W(p)) && p > 0 &&
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
      local = Weaker(local, lr.modality);
      conf = 0.7f;
    }
  }
  uint32_t np_end = r.end;
  Args target;
  FindPrepObject(e.preps, r.end, limit, &target, &np_end);
  if (agent.empty()) FindByAgent(r.end, limit, &agent);
  if (local == Modality::kAsserted) local = Weaker(local, LocalModality(r.begin, r.begin));
  r.subjects = agent;
  r.objects = target;
  r.modality = local;
  r.confidence = conf;
  if (!agent.empty() && !target.empty()) {
    if (e.inverse) Emit(target, e.type, agent, local, conf, r.begin, r.end, r.begin);
    else Emit(agent, e.type, target, local, conf, r.begin, r.end, r.begin);
  }
}

// ---------------------------------------------------------------------------
// Output.

void Relater::MarkContainer(uint32_t from, uint32_t to, Container c, int speaker_record) {
  for (uint32_t i = from; i < to && i < v_.size(); ++i) {
    Container cur = static_cast<Container>(s_.container[i]);
    if (cur == Container::kDenied) continue;  // denial dominates
    s_.container[i] = static_cast<uint8_t>(c);
    if (c == Container::kReported && s_.speaker[i] < 0) s_.speaker[i] = speaker_record;
  }
}

Container Relater::ContainerAt(uint32_t i, const Args** speaker) {
  if (speaker) *speaker = nullptr;
  Container c = static_cast<Container>(s_.container[i]);
  if (c == Container::kReported) {
    if (speaker && s_.speaker[i] >= 0) *speaker = &s_.records[s_.speaker[i]].subjects;
    return c;
  }
  if (c == Container::kNone && v_.Quoted(i)) {
    // A quotation without an attribution in its own sentence: the last
    // speaker, if recent.
    if (speaker && static_cast<int>(si_) - last_speaker_sentence_ <= 2) *speaker = &last_speaker_;
    return Container::kReported;
  }
  return c;
}

void Relater::Emit(const Args& src, RelationType type, const Args& tgt, Modality local,
                   float conf, uint32_t tb, uint32_t te, uint32_t at_token) {
  const Args* speaker = nullptr;
  Container c = ContainerAt(at_token, &speaker);
  Modality modality = Combine(local, c);
  for (int i = 0; i < src.n; ++i)
    for (int j = 0; j < tgt.n; ++j) EmitOne(src.m[i], type, tgt.m[j], modality, conf, tb, te);
  // A reported hostile act: the speaker blames its agent.
  if (c == Container::kReported && speaker && IsHostile(type) &&
      (local == Modality::kAsserted || local == Modality::kFuture)) {
    for (int i = 0; i < speaker->n; ++i)
      for (int j = 0; j < src.n; ++j)
        EmitOne(speaker->m[i], RelationType::kBlamed, src.m[j], Modality::kAsserted, 0.6f, tb,
                te);
  }
}

void Relater::EmitOne(int sm, RelationType type, int tm, Modality modality, float conf,
                      uint32_t tb, uint32_t te, const std::string& role) {
  if (v_.SameNp(sm, tm)) return;
  uint32_t se = doc_.mentions[sm].entity, tgt = doc_.mentions[tm].entity;
  std::string trigger(TrimView(
      doc_.text.substr(v_.Tok(tb).begin, v_.Tok(te - 1).end - v_.Tok(tb).begin)));
  EmitEntities(se, type, tgt, modality, conf, si_, std::move(trigger), role);
}

void Relater::EmitEntities(uint32_t se, RelationType type, uint32_t te, Modality modality,
                           float conf, uint32_t sentence, std::string trigger,
                           const std::string& role) {
  if (se == te || se >= doc_.entities.size() || te >= doc_.entities.size()) return;
  const graph::Entity& a = doc_.entities[se];
  const graph::Entity& b = doc_.entities[te];
  const graph::RelationInfo& info = graph::InfoOf(type);
  if (!info.structural) {
    if (IsPlace(a.kind) && IsPlace(b.kind)) return;
    if (a.kind == EntityKind::kLocation) return;  // places do not act
    if (type == RelationType::kDeployedTo && b.kind == EntityKind::kPerson) return;
  }
  if (trigger != "(gazetteer)" && type != RelationType::kLocatedIn && type != RelationType::kPartOf &&
      sentence == si_ && !from_structural_) {
    // A place is the target of an attack, a deployment or a withdrawal; for
    // anything else a place name is a stand-in the lexicon does not know
    // ("backing Kyoto").
    if (a.kind == EntityKind::kLocation) return;
    if (b.kind == EntityKind::kLocation && type != RelationType::kAttacked &&
        type != RelationType::kDeployedTo && type != RelationType::kWithdrewFrom)
      return;
  }
  const Sentence& s = doc_.sentences[sentence];
  graph::ExtractedRelation rel;
  rel.key.source = EntityIdOf(a);
  rel.key.type = type;
  rel.key.target = EntityIdOf(b);
  graph::Evidence& ev = rel.evidence;
  ev.doc = meta_.id;
  ev.sentence = sentence;
  ev.begin = s.begin;
  ev.end = s.end;
  ev.trigger = std::move(trigger);
  ev.text = Cap(TrimView(doc_.text.substr(s.begin, s.end - s.begin)), kMaxEvidenceText);
  ev.date = meta_.date;
  ev.modality = modality;
  ev.section = s.section;
  ev.confidence = std::clamp(conf, 0.f, 1.f);
  if (s.section == graph::Section::kRelatedHeadline)
    ev.confidence = std::min(ev.confidence, kRelatedHeadlineCap);
  ev.role = role;
  if (type == RelationType::kBlamed && modality == Modality::kAsserted)
    blamers_.emplace_back(te, se);
  out_->push_back(std::move(rel));
}

// Structural relations found by recognition, and compound adjectives.
void Relater::Structural() {
  from_structural_ = true;
  for (const DocAnalysis::Structural& st : doc_.structural) {
    if (st.sentence >= doc_.sentences.size() || doc_.sentences[st.sentence].noise) continue;
    EmitEntities(st.source, st.type, st.target, Modality::kAsserted, st.confidence, st.sentence,
                 st.trigger, st.role);
  }
  // Compound adjectives recognition left without a structural relation
  // ("X-backed militia": militia backed-by X). X-led is recognition's own
  // (leader-of runs from the leader).
  for (const Mention& m : doc_.mentions) {
    if (m.form != MentionForm::kCompoundAdj || m.head < 0) continue;
    if (m.compound_type == RelationType::kLeaderOf) continue;
    if (m.sentence >= doc_.sentences.size() || doc_.sentences[m.sentence].noise) continue;
    const Mention& h = doc_.mentions[m.head];
    bool known = false;
    for (const DocAnalysis::Structural& st : doc_.structural)
      known |= (st.source == h.entity && st.target == m.entity) ||
               (st.source == m.entity && st.target == h.entity);
    if (known) continue;
    std::string trigger;
    if (m.first_token < m.last_token)
      trigger = std::string(doc_.text.substr(
          doc_.tokens[m.first_token].begin,
          doc_.tokens[m.last_token - 1].end - doc_.tokens[m.first_token].begin));
    EmitEntities(h.entity, m.compound_type, m.entity, Modality::kAsserted, 0.8f, m.sentence,
                 std::move(trigger), {});
  }
  from_structural_ = false;
}

// located-in from the gazetteer: a location whose lexicon links (or country
// code) name a country that the document also mentions.
void Relater::Gazetteer() {
  const uint32_t ne = static_cast<uint32_t>(doc_.entities.size());
  for (uint32_t i = 0; i < ne; ++i) {
    const graph::Entity& loc = doc_.entities[i];
    if (loc.kind != EntityKind::kLocation) continue;
    int target = -1;
    if (lexicon_) {
      if (const Lexicon::Entry* entry = lexicon_->FindCanonical(loc.name)) {
        for (const Lexicon::Link& link : entry->links) {
          if (link.type != RelationType::kLocatedIn) continue;
          for (uint32_t j = 0; j < ne && target < 0; ++j)
            if (j != i && doc_.entities[j].name == link.target) target = static_cast<int>(j);
          if (target >= 0) break;
        }
      }
    }
    if (target < 0 && !loc.country.empty()) {
      for (uint32_t j = 0; j < ne; ++j)
        if (j != i && doc_.entities[j].kind == EntityKind::kCountry &&
            doc_.entities[j].country == loc.country) {
          target = static_cast<int>(j);
          break;
        }
    }
    if (target < 0) continue;
    // Evidence: the first prose sentence that mentions the location.
    int sentence = -1;
    for (const Mention& m : doc_.mentions) {
      if (m.entity != i || m.sentence >= doc_.sentences.size()) continue;
      if (doc_.sentences[m.sentence].noise) continue;
      if (sentence < 0 || doc_.sentences[m.sentence].section != graph::Section::kRelatedHeadline) {
        sentence = static_cast<int>(m.sentence);
        if (doc_.sentences[m.sentence].section != graph::Section::kRelatedHeadline) break;
      }
    }
    if (sentence < 0) continue;
    EmitEntities(i, RelationType::kLocatedIn, static_cast<uint32_t>(target), Modality::kAsserted,
                 0.6f, static_cast<uint32_t>(sentence), "(gazetteer)", {});
  }
}

// One relation per (source, type, target, sentence): the strongest modality
// (asserted first), then the highest confidence.
void Relater::Dedupe(size_t first) {
  auto& v = *out_;
  std::stable_sort(v.begin() + first, v.end(), [](const auto& a, const auto& b) {
    if (a.evidence.sentence != b.evidence.sentence) return a.evidence.sentence < b.evidence.sentence;
    if (a.key != b.key) return a.key < b.key;
    if (a.evidence.modality != b.evidence.modality)
      return Rank(a.evidence.modality) < Rank(b.evidence.modality);
    return a.evidence.confidence > b.evidence.confidence;
  });
  size_t w = first;
  for (size_t r = first; r < v.size(); ++r) {
    if (w > first && v[w - 1].key == v[r].key && v[w - 1].evidence.sentence == v[r].evidence.sentence)
      continue;
    if (w != r) v[w] = std::move(v[r]);
    ++w;
  }
  v.resize(w);
}

}  // namespace

void Relate(const Triggers& triggers, const Lexicon* lexicon, const DocAnalysis& doc,
            const graph::DocMeta& meta, std::vector<graph::ExtractedRelation>* out) {
  thread_local Scratch scratch;
  Relater(triggers, lexicon, doc, meta, out, &scratch).Run();
}

}  // namespace geokg::ingest
