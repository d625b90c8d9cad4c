// The records every module exchanges: entities, relations, evidence and
// document metadata. Plain structs with public fields and no I/O; ingest
// produces them, the store persists them, the view and the query engine read
// them. Serialization lives in graph/serialize.h so that this header does not
// depend on cereal.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace geokg::graph {

// 64-bit identifiers. EntityId is derived from the canonical name (see
// EntityIdFor in ids.h) so that extraction on different machines agrees;
// DocId is a hash of the document's text.
using EntityId = uint64_t;
using DocId = uint64_t;

// A calendar date packed as YYYYMMDD so that integer order is date order.
// 0 means unknown. See date.h for parsing and formatting.
using Date = uint32_t;

enum class EntityKind : uint8_t {
  kCountry = 0,
  kPerson,
  kArmedGroup,
  kMilitaryUnit,
  kGovernmentBody,
  kInternationalOrg,
  kOrganization,
  kLocation,
  kFacility,
  kMedia,
  kGroup,  // unorganised collective described by type: protesters, crowds
};
inline constexpr int kEntityKindCount = 11;

enum class RelationType : uint8_t {
  // Structural (stative) relations.
  kAlliedWith = 0,
  kBackedBy,
  kPartOf,
  kMemberOf,
  kLeaderOf,
  kLocatedIn,
  // Event relations.
  kDeployedTo,
  kAttacked,
  kKilled,
  kThreatened,
  kBlamed,
  kCondemned,
  kProtestedAgainst,
  kCalledOn,
  kRejected,
  kMetWith,
  kAgreedWith,
  kSupported,
  kAided,
  kSanctioned,
  kWithdrewFrom,
  kNegotiatedWith,
  // Added for the full PLOVER/CAMEO event set. Stored records hold the
  // numeric value: append only, never renumber.
  kCommentedOn = 22,
  kAppealedTo,
  kPledgedTo,
  kCooperatedWith,
  kConcededTo,
  kReleased,
  kInvestigated,
  kReducedRelationsWith,
  kCoerced,
  kArrested,
  kExpelled,
  kSeized,
  kFought,
  kMassacred,
};
inline constexpr int kRelationTypeCount = 36;

// How a sentence states a relation. Queries see kAsserted by default.
enum class Modality : uint8_t {
  kAsserted = 0,
  kNegated,       // "Iran denied it was behind ..." for the denied relation
  kHypothetical,  // conditionals, questions
  kFuture,        // "prepared to deploy", "will deploy"
  kReported,      // a claim made by someone else: "X said Y attacked Z"
};
inline constexpr int kModalityCount = 5;

// Where in a document the evidence sentence stands.
enum class Section : uint8_t {
  kBody = 0,
  kTitle,
  kRelatedHeadline,  // a scraped list of links to other stories
};

struct Entity {
  EntityId id = 0;
  std::string name;  // canonical name, e.g. "United States"
  EntityKind kind = EntityKind::kOrganization;
  std::vector<std::string> aliases;  // surface forms seen or known ("US")
  std::string country;  // ISO 3166 alpha-3 affiliation when known ("USA")
  // Totals kept by the store and filled in when it reads an entity (0 in a
  // DocRecord, whose per-document counts are DocRecord::mentions); not part
  // of the stored entity record.
  uint64_t mentions = 0;   // mentions in all stored documents
  uint64_t documents = 0;  // stored documents that mention the entity
};

// How often one document mentions one entity.
struct MentionCount {
  EntityId entity = 0;
  uint32_t count = 0;  // mentions in the document, >= 1
};

// One sentence that states one relation.
// Where a date came from: the document's metadata (a JSONL "date" field),
// its text (a dateline or "Published:" line near the start), nowhere (no
// date), or not recorded (stored before geokg kept the source).
enum class DateSource : uint8_t { kNone = 0, kMetadata = 1, kText = 2, kUnrecorded = 3 };
inline constexpr int kDateSourceCount = 4;

struct Evidence {
  DocId doc = 0;
  uint32_t sentence = 0;     // sentence index within the document
  uint32_t begin = 0;        // byte span of the sentence in the document text
  uint32_t end = 0;
  std::string trigger;       // the words that signal the relation ("deploys")
  std::string text;          // the sentence text
  Date date = 0;             // the document's date
  Modality modality = Modality::kAsserted;
  Section section = Section::kBody;
  float confidence = 0.f;    // 0..1
  std::string role;          // for member-of/leader-of: "Defence Secretary"
  DateSource date_source = DateSource::kNone;  // where `date` came from
};

struct RelationKey {
  EntityId source = 0;
  RelationType type = RelationType::kAlliedWith;
  EntityId target = 0;
  friend bool operator==(const RelationKey&, const RelationKey&) = default;
  friend auto operator<=>(const RelationKey&, const RelationKey&) = default;
};

// The aggregate of all evidence for one (source, type, target).
struct RelationSummary {
  RelationKey key;
  // Evidence count per Modality (index = static_cast<int>(modality)).
  std::array<uint32_t, kModalityCount> counts{};
  Date first_date = 0;      // earliest known evidence date, 0 if none known
  Date last_date = 0;
  float confidence = 0.f;   // highest confidence of any evidence
  std::string role;         // most recent role for member-of/leader-of

  uint32_t TotalCount() const {
    uint32_t n = 0;
    for (uint32_t c : counts) n += c;
    return n;
  }
};

// A relation as extracted from one sentence: what ingest hands the store.
struct ExtractedRelation {
  RelationKey key;
  Evidence evidence;
};

struct DocMeta {
  DocId id = 0;
  std::string source;   // path, "path:line" for JSONL, or "-" for stdin
  std::string title;
  std::string url;
  std::string external_id;  // the JSONL "id" field, if any
  Date date = 0;
  uint64_t bytes = 0;
  uint32_t sentences = 0;
  uint32_t relations = 0;
  DateSource date_source = DateSource::kNone;  // where `date` came from
  // What extracted the document's records (0: not recorded, stored before
  // geokg kept it): ingest::kExtractorVersion and the lexicon's fingerprint.
  uint32_t extractor_version = 0;
  uint64_t lexicon_fingerprint = 0;
};

// Everything extracted from one document: the unit of idempotent ingest.
struct DocRecord {
  DocMeta meta;
  // Every entity the document names or its relations refer to, once each.
  std::vector<Entity> entities;
  // Every entity named in the document with its number of mentions, once
  // each (entities only a relation refers to have none, except candidate
  // names an event made actors: ingest/analysis.h). The store builds
  // its entity -> documents index and the entities' totals from these.
  std::vector<MentionCount> mentions;
  std::vector<ExtractedRelation> relations;
  // The document's text as read, which the store keeps (compressed) so
  // that `geokg reextract` can run a newer extractor over it. Empty: none
  // to keep.
  std::string text;
};

}  // namespace geokg::graph

namespace geokg::graph {

// What a graph snapshot is built from: every entity and every relation
// summary in a store (evidence stays in the store).
struct GraphData {
  std::vector<Entity> entities;
  std::vector<RelationSummary> relations;
};

}  // namespace geokg::graph
