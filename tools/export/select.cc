#include "tools/export/select.h"

#include <algorithm>
#include <cctype>
#include <tuple>

#include "graph/ontology.h"

namespace geokg::tools {

std::string Neo4jLabel(graph::EntityKind kind) {
  std::string out;
  bool upper = true;
  for (char c : graph::NameOf(kind)) {
    if (c == '-' || c == '_' || c == ' ') {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out;
}

std::string Neo4jType(graph::RelationType type) {
  std::string out;
  for (char c : graph::NameOf(type))
    out += c == '-' || c == ' ' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

namespace exporter {

double Rounded(float confidence) {
  return static_cast<double>(static_cast<int>(confidence * 1000 + 0.5f)) / 1000;
}

Selection::Selection(const graph::Store& store, const ExportOptions& options)
    : store_(store), options_(options) {}

Status Selection::LoadEntities() {
  Status s = store_.OpenSnapshot(&snapshot_);
  if (!s.ok()) return s;
  s = snapshot_->ForEachEntity([&](const graph::Entity& e) {
    entities_.emplace(e.id, e);
    return true;
  });
  if (!s.ok()) return s;
  sorted_.reserve(entities_.size());
  for (const auto& [id, e] : entities_) sorted_.push_back(&e);
  std::sort(sorted_.begin(), sorted_.end(), [](auto* a, auto* b) { return a->id < b->id; });
  return Status::Ok();
}

const graph::Entity* Selection::Entity(graph::EntityId id) const {
  auto it = entities_.find(id);
  return it == entities_.end() ? nullptr : &it->second;
}

const graph::DocMeta& Selection::Document(graph::DocId id) {
  auto it = documents_.find(id);
  if (it == documents_.end()) {
    graph::DocMeta meta;
    if (Status s = snapshot_->GetDocument(id, &meta); !s.ok()) {
      if (s.code() != StatusCode::kNotFound && document_error_.ok()) document_error_ = s;
      meta = graph::DocMeta();
      meta.id = id;
    }
    it = documents_.emplace(id, std::move(meta)).first;
  }
  return it->second;
}

bool Selection::Select(const graph::RelationSummary& r, size_t max_evidence, SelectedRelation* out,
                       Status* error) {
  *out = SelectedRelation();
  out->key = r.key;
  for (int m = 0; m < graph::kModalityCount; ++m)
    if (Selected(static_cast<graph::Modality>(m))) out->counts[m] = r.counts[m];
  for (uint32_t c : out->counts) out->count += c;
  if (out->count == 0) return false;
  // When every piece of evidence is selected, the summary's dates,
  // confidence and role are the answer and the scan may stop early;
  // otherwise they are recomputed over the selected evidence.
  const bool summary_exact = out->count == r.TotalCount();
  if (summary_exact) {
    out->first_date = r.first_date;
    out->last_date = r.last_date;
    out->confidence = r.confidence;
    out->role = r.role;
  }
  // Evidence in an order of its own (date, document, position), not the
  // order it was ingested in: a store rebuilt in another order, or whose
  // documents were extracted again, exports the same bytes.
  std::vector<graph::Evidence>& all = evidence_buffer_;
  all.clear();
  *error = snapshot_->ForEachEvidence(r.key, [&](const graph::Evidence& e) {
    if (Selected(e.modality)) all.push_back(e);
    return true;
  });
  if (!error->ok()) return false;
  std::sort(all.begin(), all.end(), [](const graph::Evidence& a, const graph::Evidence& b) {
    return std::tie(a.date, a.doc, a.sentence, a.begin, a.end, a.modality, a.trigger) <
           std::tie(b.date, b.doc, b.sentence, b.begin, b.end, b.modality, b.trigger);
  });
  out->role.clear();
  for (const graph::Evidence& e : all) {
    if (!summary_exact) {
      if (e.date != 0) {
        if (out->first_date == 0 || e.date < out->first_date) out->first_date = e.date;
        out->last_date = std::max(out->last_date, e.date);
      }
      out->confidence = std::max(out->confidence, e.confidence);
    }
    if (!e.role.empty()) out->role = e.role;  // the newest, by date
    if (!out->cited ||
        (out->cited->modality != graph::Modality::kAsserted && e.modality == graph::Modality::kAsserted))
      out->cited = e;
    if (max_evidence == 0 || out->evidence.size() < max_evidence) out->evidence.push_back(e);
  }
  return error->ok();
}

Status Selection::ForEachRelation(size_t max_evidence,
                                  const std::function<bool(const SelectedRelation&)>& fn) {
  Status inner;
  SelectedRelation selected;
  Status s = snapshot_->ForEachRelation([&](const graph::RelationSummary& r) {
    if (!Select(r, max_evidence, &selected, &inner)) return inner.ok();
    return fn(selected) && document_error_.ok();
  });
  if (!inner.ok()) return inner;
  if (!s.ok()) return s;
  return document_error_;
}

}  // namespace exporter
}  // namespace geokg::tools
