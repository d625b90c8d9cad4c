// The ontology: one table of entity kinds and one of relation types, with
// their PLOVER event type, CAMEO root code, symmetry and a one-line
// description. Everything that names a kind or a type (CLI, query binder,
// export, rendering) goes through these tables, so a new type is added in
// ontology.cc and nowhere else.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "graph/model.h"

namespace geokg::graph {

struct KindInfo {
  EntityKind kind;
  std::string_view name;         // kebab-case: "armed-group"
  std::string_view description;
};

struct RelationInfo {
  RelationType type;
  std::string_view name;         // kebab-case: "allied-with"
  std::string_view plover;       // PLOVER event type, "" for stative relations
  std::string_view cameo;        // CAMEO root code ("19"), "" if none
  bool symmetric;                // A r B implies B r A
  bool structural;               // stative (part-of) vs event (attacked)
  std::string_view description;
};

std::span<const KindInfo> AllKinds();
std::span<const RelationInfo> AllRelationTypes();

const KindInfo& InfoOf(EntityKind kind);
const RelationInfo& InfoOf(RelationType type);
// A symmetric relation (agreed-with, met-with, ...) is one relation per
// unordered pair: its key has the smaller entity id as source. Other keys
// are returned as they are.
RelationKey CanonicalKey(RelationKey key);
// "metadata", "text", "none" or "unrecorded".
std::string_view NameOf(DateSource source);
std::string_view NameOf(EntityKind kind);
std::string_view NameOf(RelationType type);
std::string_view NameOf(Modality modality);
std::string_view NameOf(Section section);

// Case- and separator-insensitive lookups: "allied-with", "ALLIED_WITH",
// "allied with" and "AlliedWith" all name kAlliedWith.
std::optional<EntityKind> ParseKind(std::string_view text);
std::optional<RelationType> ParseRelationType(std::string_view text);
std::optional<Modality> ParseModality(std::string_view text);

// The geokg type for a CAMEO event code of 2 to 4 digits ("19", "190",
// "0841"), by the most specific prefix in one table in ontology.cc: "0841"
// -> released, "173" -> arrested, "112" -> blamed, "19" -> attacked.
// nullopt for a malformed code ("---", "1a") or one outside roots 01-20.
std::optional<RelationType> TypeForCameo(std::string_view code);

// The CAMEO/GDELT quad class of an event type: 1 verbal cooperation (CAMEO
// roots 01-05), 2 material cooperation (06-09), 3 verbal conflict (10-14),
// 4 material conflict (15-20); 0 for structural (stative) relations.
int QuadClassOf(RelationType type);

// The known kind or type name nearest to `text` (edit distance), for
// "did you mean" messages. Returns "" when nothing is reasonably close.
std::string SuggestKind(std::string_view text);
std::string SuggestRelationType(std::string_view text);

// Lower-case `text` and drop '-', '_', ' ' and '.', the key the Parse*
// functions compare on.
std::string FoldSeparators(std::string_view text);

// Levenshtein distance, bytewise.
int EditDistance(std::string_view a, std::string_view b);

}  // namespace geokg::graph
