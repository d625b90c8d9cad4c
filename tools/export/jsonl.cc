// JSONL: one relation a line (the DESIGN.md contract, extended):
//
//   {"source": {"name", "kind", "id", "country", "mentions", "documents"},
//    "type", "target": {...}, "count", "counts": {modality: n},
//    "first_date", "last_date", "confidence", "role", "plover", "cameo",
//    "symmetric",
//    "evidence": [{"doc", "doc_id", "url", "title", "source", "sentence",
//                  "sentence_index", "span", "trigger", "modality",
//                  "section", "confidence", "date", "date_source", "role"}]}
//
// Every field is always present; an unknown value is null, never "".
#include <nlohmann/json.hpp>

#include "graph/date.h"
#include "graph/ids.h"
#include "graph/ontology.h"
#include "tools/export/export.h"
#include "tools/export/select.h"

namespace geokg::tools {
namespace {

using Json = nlohmann::ordered_json;

Json OrNull(std::string_view s) { return s.empty() ? Json(nullptr) : Json(std::string(s)); }
Json DateOrNull(graph::Date d) { return d == 0 ? Json(nullptr) : Json(graph::FormatDate(d)); }

Json EntityJson(const exporter::Selection& selection, graph::EntityId id) {
  const graph::Entity* e = selection.Entity(id);
  Json j;
  j["name"] = e == nullptr ? graph::IdToHex(id) : e->name;
  j["kind"] = std::string(graph::NameOf(e == nullptr ? graph::EntityKind::kOrganization : e->kind));
  j["id"] = graph::IdToHex(id);
  j["country"] = e == nullptr ? Json(nullptr) : OrNull(e->country);
  // The store's mention totals (0 for documents ingested before schema 3).
  j["mentions"] = e == nullptr ? 0 : e->mentions;
  j["documents"] = e == nullptr ? 0 : e->documents;
  return j;
}

Json EvidenceJson(exporter::Selection& selection, const graph::Evidence& e) {
  const graph::DocMeta& doc = selection.Document(e.doc);
  Json j;
  j["doc"] = graph::IdToHex(e.doc);
  j["doc_id"] = OrNull(doc.external_id);
  j["url"] = OrNull(doc.url);
  j["title"] = OrNull(doc.title);
  j["source"] = OrNull(doc.source);
  j["sentence"] = e.text;
  j["sentence_index"] = e.sentence;
  j["span"] = Json::array({e.begin, e.end});
  j["trigger"] = OrNull(e.trigger);
  j["modality"] = std::string(graph::NameOf(e.modality));
  j["section"] = std::string(graph::NameOf(e.section));
  j["confidence"] = exporter::Rounded(e.confidence);
  j["date"] = DateOrNull(e.date);
  // Where the date came from: "metadata", "text", "unrecorded" (an older
  // store), or null with no date.
  j["date_source"] = e.date != 0 ? Json(std::string(graph::NameOf(e.date_source))) : Json(nullptr);
  j["role"] = OrNull(e.role);
  return j;
}

}  // namespace

Status ExportJsonl(const graph::Store& store, const ExportOptions& options, std::ostream& out) {
  exporter::Selection selection(store, options);
  if (Status s = selection.LoadEntities(); !s.ok()) return s;
  Status s = selection.ForEachRelation(options.max_evidence, [&](const exporter::SelectedRelation& r) {
    const graph::RelationInfo& info = graph::InfoOf(r.key.type);
    Json j;
    j["source"] = EntityJson(selection, r.key.source);
    j["type"] = std::string(info.name);
    j["target"] = EntityJson(selection, r.key.target);
    j["count"] = r.count;
    Json counts = Json::object();
    for (int m = 0; m < graph::kModalityCount; ++m)
      if (r.counts[m] > 0) counts[std::string(graph::NameOf(static_cast<graph::Modality>(m)))] = r.counts[m];
    j["counts"] = std::move(counts);
    j["first_date"] = DateOrNull(r.first_date);
    j["last_date"] = DateOrNull(r.last_date);
    j["confidence"] = exporter::Rounded(r.confidence);
    j["role"] = OrNull(r.role);
    j["plover"] = OrNull(info.plover);
    j["cameo"] = OrNull(info.cameo);
    j["symmetric"] = info.symmetric;
    Json evidence = Json::array();
    for (const graph::Evidence& e : r.evidence) evidence.push_back(EvidenceJson(selection, e));
    j["evidence"] = std::move(evidence);
    out << j.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
    return static_cast<bool>(out);
  });
  if (!s.ok()) return s;
  if (!out) return Status::Storage("write failed");
  return Status::Ok();
}

}  // namespace geokg::tools
