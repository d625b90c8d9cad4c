// What every export format writes, read once from the store: the entities,
// and each relation with its figures recomputed over the evidence of the
// selected modalities (export.h), plus the documents its evidence cites.
// Everything is read in one read transaction (a graph::Snapshot), so that an
// export made while an ingest writes is the store as of one commit: every
// relation's counts equal its evidence. Internal to tools/export.
#pragma once

#include <algorithm>

#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

#include "graph/model.h"
#include "graph/status.h"
#include "graph/store.h"
#include "tools/export/export.h"

namespace geokg::tools::exporter {

// A relation as exported: its figures cover the selected evidence only.
struct SelectedRelation {
  graph::RelationKey key;
  std::array<uint32_t, graph::kModalityCount> counts{};  // 0 for unselected modalities
  uint32_t count = 0;                                    // sum of counts
  graph::Date first_date = 0, last_date = 0;             // 0: unknown
  float confidence = 0.f;                                // highest
  std::string role;                                      // latest non-empty
  // Selected evidence in ingest order, at most the limit given to
  // ForEachRelation.
  std::vector<graph::Evidence> evidence;
  // The sentence to cite where one is shown: the first asserted one, else
  // the first selected one.
  std::optional<graph::Evidence> cited;
};

class Selection {
 public:
  // `store` must outlive the Selection.
  Selection(const graph::Store& store, const ExportOptions& options);

  // Opens the snapshot every later read uses and reads every entity.
  // REQUIRES: called once, before the accessors below.
  Status LoadEntities();
  // nullptr for an id with no entity record.
  const graph::Entity* Entity(graph::EntityId id) const;
  // Every entity, in id order.
  const std::vector<const graph::Entity*>& SortedEntities() const { return sorted_; }

  bool Selected(graph::Modality m) const {
    return options_.all_modalities || m == graph::Modality::kAsserted;
  }

  // Calls fn for each relation with selected evidence, in key order, with
  // at most `max_evidence` evidence items (0: all); fn returns false to
  // stop. The reference is valid during the call only. Also returns the
  // first error of a Document() call (a corrupt document record).
  Status ForEachRelation(size_t max_evidence, const std::function<bool(const SelectedRelation&)>& fn);

  // The metadata of document `id` (read once, then cached); only `id` set
  // when the store has no record of it.
  const graph::DocMeta& Document(graph::DocId id);

 private:
  // Fills *out from summary `r`; false if nothing of it is selected.
  bool Select(const graph::RelationSummary& r, size_t max_evidence, SelectedRelation* out, Status* error);

  const graph::Store& store_;
  std::unique_ptr<graph::Snapshot> snapshot_;
  Status document_error_;  // the first document record that could not be read
  ExportOptions options_;
  std::unordered_map<graph::EntityId, graph::Entity> entities_;
  std::vector<const graph::Entity*> sorted_;
  std::unordered_map<graph::DocId, graph::DocMeta> documents_;
  std::vector<graph::Evidence> evidence_buffer_;  // one relation's, reused
};

// Confidence rounded to three decimals, as every format writes it.
double Rounded(float confidence);

// An entity's aliases in byte order: exports do not depend on the order
// ingests met them in (shards merge to the same bytes).
inline std::vector<std::string> SortedAliases(const graph::Entity& e) {
  std::vector<std::string> aliases = e.aliases;
  std::sort(aliases.begin(), aliases.end());
  return aliases;
}

}  // namespace geokg::tools::exporter
