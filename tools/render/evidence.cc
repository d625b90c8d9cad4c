#include "tools/render/evidence.h"

#include <optional>
#include <unordered_set>

#include "graph/ontology.h"

namespace geokg::tools {
namespace {

bool InWindow(const graph::Evidence& ev, graph::Date from, graph::Date to) {
  if (from == 0 && to == 0) return true;
  if (ev.date == 0) return false;
  return (from == 0 || ev.date >= from) && (to == 0 || ev.date <= to);
}

graph::RelationKey KeyOf(const graph::GraphView& view, graph::EdgeIndex e) {
  const graph::EdgeData& d = view.edge(e);
  return {view.id(d.source), d.type, view.id(d.target)};
}

}  // namespace

EvidenceLookup StoreEvidenceLookup(const graph::Store& store, const graph::GraphView& view, graph::Date from,
                                   graph::Date to) {
  return [&store, &view, from, to](graph::EdgeIndex e) -> std::string {
    std::optional<graph::Evidence> first, asserted;
    Status status = store.ForEachEvidence(KeyOf(view, e), [&](const graph::Evidence& ev) {
      if (!InWindow(ev, from, to)) return true;
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

Status CountDocuments(const graph::Store& store, const graph::GraphView& view,
                      const std::vector<graph::EdgeIndex>& edges, bool all_modalities, graph::Date from,
                      graph::Date to, size_t* documents) {
  std::unordered_set<graph::DocId> seen;
  for (graph::EdgeIndex e : edges) {
    Status s = store.ForEachEvidence(KeyOf(view, e), [&](const graph::Evidence& ev) {
      if (InWindow(ev, from, to) && (all_modalities || ev.modality == graph::Modality::kAsserted))
        seen.insert(ev.doc);
      return true;
    });
    if (!s.ok()) return s;
  }
  *documents = seen.size();
  return Status::Ok();
}

}  // namespace geokg::tools
