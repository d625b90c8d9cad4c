// The core of `geokg eval`: gold files of expected, forbidden and acceptable
// edges, the matching of predicted edges against them, and the scores.
//
// This module knows nothing of the extractor, the store or the terminal: it
// parses a gold file from a string buffer, turns a DocRecord (or any list of
// edges) into predicted edges, and scores one against the other. The command
// (cmd_eval.cc) reads files, runs the extractor and prints. The gold format
// and the scoring rules are described in samples/README.md; in short:
//
//   # article: articles/01_x.txt          (or file.jsonl#ID)
//   + source | type | target [| modality]  expected edge
//   - source | type | target [| modality]  forbidden edge
//   ~ source | type | target [| modality]  acceptable edge (never scored)
//
// where each field may list alternatives separated by " / ".
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

namespace geokg::tools {

// The modalities of graph::Modality (same numbering) plus one for evidence
// that comes only from a scraped list of related headlines.
enum class EdgeModality : uint8_t {
  kAsserted = 0,
  kNegated,
  kHypothetical,
  kFuture,
  kReported,
  kRelatedHeadline,
};

std::string_view NameOf(EdgeModality modality);
// Case- and separator-insensitive: "asserted", "Related headline", ...
std::optional<EdgeModality> ParseEdgeModality(std::string_view text);

// The key names are compared on: ASCII lower case, Latin-1 letters without
// their diacritics, curly apostrophes as straight ones, runs of white space
// as one space, trimmed.
std::string FoldName(std::string_view name);

enum class GoldKind : uint8_t {
  kExpected,    // '+'
  kForbidden,   // '-'
  kAcceptable,  // '~'
};

struct GoldEdge {
  GoldKind kind = GoldKind::kExpected;
  std::vector<std::string> sources;  // as written (display)
  std::vector<graph::RelationType> types;
  std::vector<std::string> targets;
  // Any one of these; {kAsserted} when the line names none.
  std::vector<EdgeModality> modalities = {EdgeModality::kAsserted};
  int line = 0;           // 1-based line in the gold file
  std::string text;       // the line as written, trimmed

  // Folded forms of sources and targets, filled by ParseGold.
  std::vector<std::string> source_keys;
  std::vector<std::string> target_keys;
};

struct GoldFile {
  std::string name;      // as given to ParseGold: used in messages
  std::string article;   // the "# article:" value, "" if absent
  int article_line = 0;  // its line, 0 if absent
  std::vector<GoldEdge> edges;
};

// Parses the gold text `text` of the file called `name`. Returns true and
// fills *gold when every line is well formed. Otherwise returns false and
// appends one message per bad line to *errors, each "name:line: message"
// (a missing "# article:" line is reported as "name:1: ..."); *gold then
// holds the lines that did parse.
bool ParseGold(std::string_view name, std::string_view text, GoldFile* gold,
               std::vector<std::string>* errors);

// One distinct edge the extractor produced for a document.
struct PredictedEdge {
  std::string source;  // canonical names
  graph::RelationType type = graph::RelationType::kAlliedWith;
  std::string target;
  EdgeModality modality = EdgeModality::kAsserted;
  std::string sentence;  // the first evidence sentence
  std::string trigger;
  // The entities' other names as the document wrote them (their aliases):
  // a gold line names a referent, by any of its names.
  std::vector<std::string> source_aliases;
  std::vector<std::string> target_aliases;
};

// The distinct (source, type, target, modality) edges of `record`, in order
// of first appearance. Evidence in a related-headline section counts as
// EdgeModality::kRelatedHeadline whatever modality the extractor gave it.
// Entity names and aliases come from record.entities; an id with no entity
// is named by its hex id.
std::vector<PredictedEdge> EdgesFromRecord(const graph::DocRecord& record);

// True if `predicted` satisfies `gold`: one of the types, one of the
// modalities, and source and target among the alternatives (either
// direction for a symmetric type).
bool EdgeMatches(const GoldEdge& gold, const PredictedEdge& predicted);

struct Counts {
  uint32_t tp = 0;
  uint32_t fp = 0;
  uint32_t fn = 0;

  // Undefined ratios (a zero denominator) are nullopt.
  std::optional<double> Precision() const;
  std::optional<double> Recall() const;
  std::optional<double> F1() const;
  Counts& operator+=(const Counts& other);
};

enum class Verdict : uint8_t {
  kTruePositive,   // a predicted edge matched to a '+' line
  kFalseNegative,  // a '+' line no predicted edge matched
  kFalsePositive,  // an asserted predicted edge no '+' or '~' line accepts
  kViolation,      // a predicted edge a '-' line forbids (also an FP)
  kAccepted,       // matched only a '~' line: not scored
  kDuplicate,      // matched a '+' line already matched by another edge
  kUnscored,       // a non-asserted edge no line mentions
};

std::string_view NameOf(Verdict verdict);

struct Outcome {
  Verdict verdict = Verdict::kFalsePositive;
  int gold_index = -1;       // index into GoldFile::edges, -1 if none
  int predicted_index = -1;  // index into the predicted edges, -1 if none
};

struct FileScore {
  std::array<Counts, graph::kRelationTypeCount> by_type{};
  Counts total;
  uint32_t violations = 0;
  uint32_t accepted = 0;
  uint32_t duplicates = 0;
  uint32_t unscored = 0;
  // One outcome per '+' line and per predicted edge: first the predicted
  // edges in order, then the missed '+' lines.
  std::vector<Outcome> outcomes;

  FileScore& operator+=(const FileScore& other);  // sums counts, drops outcomes
};

// Scores `predicted` against `gold`; an exact repeat of an earlier predicted
// edge is a kDuplicate. TP and FN are counted under the type of the
// predicted edge or of the missed line (its first type); FP under the
// predicted type. The '+' lines and the predicted edges are paired by a
// maximum matching, so that one edge never satisfies two lines nor one line
// two edges.
FileScore Score(const GoldFile& gold, const std::vector<PredictedEdge>& predicted);

}  // namespace geokg::tools
