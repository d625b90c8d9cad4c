// Scoring the extractor on event-coded sentences: news sentences that
// others annotated with the text of an event's source and target actors and
// its CAMEO quad class (the format of ../shared/events-dev/cameo-train.jsonl,
// described in docs/eval.md).
//
// One sentence is one document. An event edge the extractor finds in it
// matches the annotation when
//   - its source entity is named by one of the source spans and its target
//     by one of the target spans (either way round for a symmetric type),
//   - and its type's CAMEO root falls in the sentence's quad class.
// A span names an entity when the entity's canonical name or an alias occurs
// in the span as whole words, when the span itself is recognised as that
// entity, or when the span names the entity's country ("Ghanaian
// authorities" names the entity "Ghana government", whose country is GHA).
// The caller decides what a span names (SpanActors, usually by running the
// extractor's recognition on the span); this module only compares.
//
// Recall is over sentences that have source and target spans and a quad
// class (1 to 4 in the ranges scheme, where class 0 has no CAMEO root; 0 to
// 4 in the Phoenix scheme, where class 0 is statements and appeals, CAMEO
// 01-02): the share of them with at least one matching edge. Precision is
// over the distinct event edges found in every sentence that has spans and
// a class (0 to 4): the share that match.
//
// Thread-safety: plain functions over values; reentrant.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model.h"
#include "tools/eval/eval_core.h"

namespace geokg::tools {

struct EventSentence {
  std::string id;
  std::string text;
  std::vector<std::string> sources;  // empty: none annotated
  std::vector<std::string> targets;
  int quad_class = -1;  // 0..4, -1 unknown
  bool HasSpans() const { return !sources.empty() && !targets.empty(); }
};

// Parses one JSONL line. Returns false with *error ("reason") for a line
// that is not an object with a string "text"; null or missing fields are
// unknown.
bool ParseEventSentence(std::string_view line, EventSentence* out, std::string* error);

// How quad classes map to CAMEO roots.
enum class QuadScheme : uint8_t {
  kRanges,   // 1: 01-05, 2: 06-09, 3: 10-14, 4: 15-20 (the data's README)
  kPhoenix,  // 0: 01-02, 1: 03-05, 2: 06-08, 3: 09-13 and 16, 4: 14-15 and 17-20
};
std::optional<QuadScheme> ParseQuadScheme(std::string_view text);

// The quad class of a CAMEO root code ("19"), -1 for none.
int QuadClassOfRoot(std::string_view cameo_root, QuadScheme scheme);

// FoldName(text) with punctuation as blanks and a blank at either end, so
// that " word " finds whole words: "Iraq's army" -> " iraq s army ".
std::string PaddedWords(std::string_view text);

// What one annotated span names.
struct SpanActors {
  std::string folded;                     // PaddedWords(span)
  std::vector<graph::EntityId> entities;  // recognised in the span
  std::vector<std::string> countries;     // ISO alpha-3 of those entities
  std::vector<std::string> names;         // their names, for --verbose
};

// The country an entity belongs to: its `country`, or for a country entity
// that code; "" when unknown.
std::string CountryOf(const graph::Entity& entity);

bool SpanNames(const SpanActors& span, const graph::Entity& entity);

struct EventEdge {
  graph::Entity source;
  graph::RelationType type = graph::RelationType::kAttacked;
  graph::Entity target;
  EdgeModality modality = EdgeModality::kAsserted;
  std::string trigger;
};

// The distinct event edges (not structural) of `record` whose modality is
// in `modalities`.
std::vector<EventEdge> EventEdgesFromRecord(const graph::DocRecord& record,
                                            const std::vector<EdgeModality>& modalities);

enum class EdgeVerdict : uint8_t {
  kMatch,        // source, target and class right
  kWrongClass,   // source and target right, class wrong
  kWrongActors,  // class right, an actor wrong
  kWrong,        // both wrong
};

struct SentenceScore {
  bool recall_scored = false;     // counts in recall
  bool precision_scored = false;  // its edges count in precision
  bool found = false;             // some edge matched
  std::vector<EdgeVerdict> verdicts;  // one per edge
};

SentenceScore ScoreSentence(const EventSentence& gold, const std::vector<SpanActors>& sources,
                            const std::vector<SpanActors>& targets,
                            const std::vector<EventEdge>& edges, QuadScheme scheme);

struct EventTotals {
  uint32_t sentences = 0;          // read
  uint32_t recall_sentences = 0;   // with spans and a class (see above)
  uint32_t found = 0;              // of those, with a matching edge
  uint32_t without_edges = 0;      // of those, with no event edge at all
  uint32_t edges = 0;              // in precision-scored sentences
  uint32_t correct = 0;
  uint32_t wrong_class = 0, wrong_actors = 0;
  std::array<uint32_t, 5> class_sentences{}, class_found{};  // recall by class
  std::array<uint32_t, 5> class_edges{}, class_correct{};    // precision by predicted class

  void Add(const EventSentence& gold, const SentenceScore& score,
           const std::vector<EventEdge>& edges, QuadScheme scheme);
  double Recall() const { return recall_sentences ? double(found) / recall_sentences : 0; }
  double Precision() const { return edges ? double(correct) / edges : 0; }
};

}  // namespace geokg::tools
