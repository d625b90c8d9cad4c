// Internal to relate*.cc: the Relater, which runs relation finding over one
// document (relate.h states the rules). relate.cc holds the sentence passes
// and trigger processing, relate_args.cc the argument search, relate_emit.cc
// the output (modality containers, edge checks, structural, gazetteer,
// deduplication). Not a public interface.
#pragma once

#include <algorithm>
#include <string>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/model.h"
#include "ingest/analysis.h"
#include "ingest/events/tree_events.h"
#include "ingest/modality.h"
#include "ingest/parse/parser.h"
#include "ingest/relate.h"
#include "ingest/relate_clause.h"
#include "ingest/triggers.h"

namespace geokg::ingest {
class Lexicon;
}

namespace geokg::ingest::relate_internal {

using graph::EntityKind;
using graph::Modality;
using graph::RelationType;

inline constexpr size_t kMaxEvidenceText = 600;
inline constexpr float kRelatedHeadlineCap = 0.4f;

inline bool IsPlace(EntityKind k) { return k == EntityKind::kLocation || k == EntityKind::kFacility; }

// What a definite act noun names ("the launch", "the sanctions", "the
// criticism"): relate_acts.cc.
enum class ActKind : uint8_t { kNone, kLaunch, kHostile, kSanction, kPact, kCriticism };

// How many sentences back a definite act noun ("the strikes") may refer.
inline constexpr uint32_t kDefiniteActReach = 15;

// True for nouns of an act done to whoever their "of" phrase names
// (relate_acts.cc).
bool VictimActNoun(std::string_view w);

inline bool IsHostile(RelationType t) {
  return t == RelationType::kAttacked || t == RelationType::kKilled ||
         t == RelationType::kThreatened || t == RelationType::kFought ||
         t == RelationType::kMassacred;
}

// Stronger non-assertion wins: negated > reported > hypothetical > future.
inline Modality Combine(Modality local, Container container) {
  if (local == Modality::kNegated || container == Container::kDenied) return Modality::kNegated;
  if (container == Container::kReported) return Modality::kReported;
  return local;
}

inline std::string_view TrimView(std::string_view s) {
  while (!s.empty() && static_cast<unsigned char>(s.front()) <= ' ') s.remove_prefix(1);
  while (!s.empty() && static_cast<unsigned char>(s.back()) <= ' ') s.remove_suffix(1);
  return s;
}

// Cuts at most `cap` bytes on a UTF-8 character boundary.
inline std::string Cap(std::string_view s, size_t cap) {
  if (s.size() <= cap) return std::string(s);
  size_t n = cap;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return std::string(s.substr(0, n)) + "…";
}

// The sentence text for display: line breaks and their indent folded to one
// space (relate_emit.cc).
std::string FoldLineBreaks(std::string_view s);

// Per-thread scratch, reused across documents.
struct Scratch {
  SentenceView view;
  std::vector<Record> records;
  std::vector<int> match_at;  // token -> record index
  std::vector<uint8_t> container;
  std::vector<int> speaker;   // token -> record index of the speech verb, -1 none
  std::vector<const TriggerForm*> forms;
  // The tree pass (relate_tree.cc).
  std::vector<std::string_view> words;
  parse::SentenceParse parse;
  TreeScratch tree;
  std::vector<int> tree_mention_at;   // per parsed word
  std::vector<uint32_t> tree_begin;    // parsed word -> its first sentence token (+ end)
  std::vector<TreeEvent> tree_events;
  // Sentence-relative token spans of the triggers the tree pass read in the
  // current sentence: the trigger rules give way to it there.
  std::vector<std::pair<uint32_t, uint32_t>> tree_triggers;
};

class Relater {
 public:
  Relater(const Triggers& triggers, const Lexicon* lexicon, const DocAnalysis& doc,
          const graph::DocMeta& meta, std::vector<graph::ExtractedRelation>* out, Scratch* s)
      : triggers_(triggers), lexicon_(lexicon), doc_(doc), meta_(meta), out_(out), s_(*s),
        v_(s->view) {}

  void Run();
  void set_events(const EventModels* events) { events_ = events; }

 private:
  // --- sentence passes
  void DoSentence(uint32_t si, uint32_t first_mention, uint32_t end_mention);
  void MatchTriggers();
  void Process(int ri);
  void ProcessVerbal(Record& r);
  void ProcessNominal(Record& r);
  void TreeEvents(uint32_t first_mention, uint32_t end_mention);
  std::string_view ParsedWord(int mention, uint32_t last) const;
  uint32_t DatelineEnd() const;
  uint32_t TitleRunBefore(uint32_t i, uint32_t n, bool after_owner = false) const;
  bool PossessiveAt(uint32_t i) const;

  // --- argument finding (sentence-relative token indices)
  SubjectHow FindSubject(uint32_t pos, Args* out, int* from_record, uint32_t* subject_end);
  int PrepositionBefore(int top, bool in_list = false) const;  // index of a governing preposition or -1
  bool TransparentPrep(int prep_index) const;
  bool FindObjectAfter(uint32_t from, uint32_t limit, Args* out, uint32_t* np_end);
  bool FindPrepObject(const std::vector<std::string>& preps, uint32_t from, uint32_t limit,
                      Args* out, uint32_t* np_end);
  void Coordinate(uint32_t np_end, uint32_t limit, Args* out, uint32_t* np_end_out);
  bool FindByAgent(uint32_t from, uint32_t limit, Args* out);
  Modality LocalModality(uint32_t from, uint32_t pos) const;
  bool Aborted(uint32_t pos) const;
  bool OwnsNoun(int top) const;
  bool InstrumentAgent(uint32_t from, uint32_t limit, Args* out);
  bool IsVerbToken(uint32_t i) const;
  bool BareVerbContext(uint32_t i) const;

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
  // The document's country entity with ISO code `code` (not `except`), or -1.
  int CountryEntity(std::string_view code, uint32_t except = UINT32_MAX) const;
  void LexiconTies();
  int FirstProseSentence(uint32_t entity) const;
  void Dedupe(size_t first);
  bool SportsSentence(uint32_t sentence);
  // True when any sentence of the document has a word only a sport uses.
  bool SportsDocument();
  // --- acts remembered for definite act nouns (relate_acts.cc)
  void RememberAct(RelationType type, uint32_t source, uint32_t target, uint32_t sentence,
                   std::string_view trigger);
  void RememberLaunches(uint32_t dateline_end);
  bool ActAnaphora(const Record& r, const Args& agent, RelationType type, Modality local, float conf,
                   uint32_t limit);

  const Triggers& triggers_;
  const Lexicon* lexicon_;
  const EventModels* events_ = nullptr;
  bool in_tree_pass_ = false;  // emitting the tree pass's events
  const DocAnalysis& doc_;
  const graph::DocMeta& meta_;
  std::vector<graph::ExtractedRelation>* out_;
  Scratch& s_;
  SentenceView& v_;

  uint32_t si_ = 0;  // current sentence
  bool from_structural_ = false;  // emitting recognition's structural relations
  // Emitting a nominal event whose agent the sentence presupposes ("Monday's
  // attack by American forces"): a speaker reporting it does not blame.
  bool presupposed_ = false;
  // Set by FindSubject: the subject found is a country modifier of a noun
  // that is not a force ("U.S. semiconductor industry representatives"):
  // a patient, never an agent.
  bool modifier_subject_weak_ = false;
  float caps_factor_ = 1.f;       // confidence factor of the current sentence
  // Pending EVENT argument: a trigger at [event_pos, event_pos + 4) takes
  // these agents ("condemned X for the strikes").
  int event_pos_ = -1;
  Args event_agents_;
  Modality event_modality_ = Modality::kAsserted;
  // Document state: who blamed whom (target entity, source entity), and the
  // last speaker seen.
  std::vector<std::pair<uint32_t, uint32_t>> blamers_;
  // Entities (not mentions) that acted in the latest hostile event, and its
  // sentence: "Iran condemned the strikes" condemns them.
  Args last_hostile_;
  uint32_t last_hostile_sentence_ = ~0u;
  // Event edges emitted (asserted or reported) and missile launches, in
  // document order; the oldest half goes when full.
  struct Act {
    RelationType type;
    ActKind kind;  // kLaunch for a launch, else kNone
    uint32_t source, target, sentence;
    char trigger[24];  // the trigger's first bytes, lower case, NUL-padded
  };
  static constexpr size_t kMaxActs = 256;
  std::vector<Act> acts_;
  Args last_speaker_;
  int last_speaker_sentence_ = -100;
  // The display text of sentence folded_sentence_ (line breaks folded,
  // capped), kept so that a sentence's relations fold it once.
  uint32_t folded_sentence_ = ~0u;
  uint32_t sports_sentence_ = ~0u;  // SportsSentence's cache
  bool sports_ = false;
  int8_t sports_document_ = -1;  // SportsDocument's answer, -1 until asked
  std::string folded_text_;
};

}  // namespace geokg::ingest::relate_internal
