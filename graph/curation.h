// Curation of entities by hand (geokg entity rename / set-kind / set-country
// / alias add|remove): an EntityEdit says what an analyst changed about one
// entity. The store keeps one edit per entity as a rule and applies it to the
// stored record at once and to every record that later ingests and
// reextract bring for that entity, so a correction outlives re-extraction.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "graph/model.h"

namespace geokg::graph {

struct EntityEdit {
  std::optional<std::string> name;     // the new canonical name (rename)
  std::optional<EntityKind> kind;      // set-kind
  std::optional<std::string> country;  // set-country; "" clears it
  std::vector<std::string> add_aliases;     // alias add
  std::vector<std::string> remove_aliases;  // alias remove

  bool empty() const {
    return !name && !kind && !country && add_aliases.empty() && remove_aliases.empty();
  }
};

// `later` on top of `edit`: its fields replace those set before; adding a
// name cancels an earlier removal of the same name (compared through
// NormalizeName) and the other way round.
void CombineEdits(const EntityEdit& later, EntityEdit* edit);

// All the curation a store keeps (geokg entity merge / rename / set-kind /
// set-country / alias): applied to what is stored when made, and to every
// record later ingests and reextract bring.
struct CurationRules {
  std::map<EntityId, EntityId> merges;   // fold -> keep
  std::map<EntityId, EntityEdit> edits;  // by entity
};

// The entity as the edit wants it. A rename keeps the old name as an alias
// (the text still says it) unless the edit removes it; added aliases are
// appended once; removed ones are dropped whatever their spelling's case and
// periods. Returns true if *entity changed.
bool ApplyEdit(const EntityEdit& edit, Entity* entity);

}  // namespace geokg::graph
