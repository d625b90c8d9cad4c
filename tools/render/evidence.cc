#include "tools/render/evidence.h"

#include <optional>

#include "graph/date.h"
#include "graph/ontology.h"

namespace geokg::tools {

EvidenceLookup StoreEvidenceLookup(const graph::Store& store, const graph::GraphView& view) {
  return [&store, &view](graph::EdgeIndex e) -> std::string {
    const graph::EdgeData& d = view.edge(e);
    graph::RelationKey key{view.entity(d.source).id, d.type, view.entity(d.target).id};
    std::optional<graph::Evidence> first, asserted;
    Status status = store.ForEachEvidence(key, [&](const graph::Evidence& ev) {
      if (!first) first = ev;
      if (ev.modality == graph::Modality::kAsserted) {
        asserted = ev;
        return false;
      }
      return true;
    });
    if (!status.ok()) return "";
    const std::optional<graph::Evidence>& pick = asserted ? asserted : first;
    if (!pick) return "";
    std::string text = "\u201c" + pick->text + "\u201d (";
    if (pick->date != 0) text += graph::FormatDate(pick->date) + ", ";
    text += std::string(graph::NameOf(pick->modality)) + ")";
    return text;
  };
}

}  // namespace geokg::tools
