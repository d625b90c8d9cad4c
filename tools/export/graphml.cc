// GraphML for networkx (read_graphml) and yEd: one directed graph, a node
// per entity, an edge per exported relation. Node attributes: name, kind,
// country, aliases ('|'-separated), mentions, documents. Edge attributes:
// type (kebab-case), count, the per-modality counts (with --all-modalities),
// first_date, last_date, confidence, role, plover, cameo, symmetric, and the
// cited evidence sentence with its modality, date and document (doc, doc_id,
// url, title). An unknown value is an absent <data> element.
#include "graph/date.h"
#include "graph/ids.h"
#include "graph/ontology.h"
#include "tools/export/export.h"
#include "tools/export/select.h"

namespace geokg::tools {
namespace {

// Text safe for XML 1.0: escapes markup characters and drops control
// characters and invalid UTF-8 bytes that XML forbids.
std::string XmlText(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '&':
        out += "&amp;";
        continue;
      case '<':
        out += "&lt;";
        continue;
      case '>':
        out += "&gt;";
        continue;
      case '"':
        out += "&quot;";
        continue;
      default:
        break;
    }
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
    if (c < 0x80) {
      out += static_cast<char>(c);
      continue;
    }
    int len = c >= 0xF0 && c < 0xF5 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
    if (len == 0 || i + len > s.size()) continue;
    bool ok = true;
    for (int k = 1; k < len; ++k) ok &= (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    if (!ok) continue;
    out.append(s.substr(i, len));
    i += len - 1;
  }
  return out;
}

// <data key="KEY">VALUE</data>, nothing when the value is unknown ("").
void Data(std::ostream& out, std::string_view key, std::string_view value) {
  if (!value.empty()) out << "<data key=\"" << key << "\">" << XmlText(value) << "</data>";
}
template <typename Number>
void NumberData(std::ostream& out, std::string_view key, Number value) {
  out << "<data key=\"" << key << "\">" << value << "</data>";
}

struct Key {
  const char* id;
  const char* for_;
  const char* name;
  const char* type;
};

constexpr Key kNodeKeys[] = {
    {"n_name", "node", "name", "string"},       {"n_kind", "node", "kind", "string"},
    {"n_country", "node", "country", "string"}, {"n_aliases", "node", "aliases", "string"},
    {"n_mentions", "node", "mentions", "long"}, {"n_documents", "node", "documents", "long"},
};
constexpr Key kEdgeKeys[] = {
    {"e_type", "edge", "type", "string"},
    {"e_count", "edge", "count", "int"},
    {"e_first", "edge", "first_date", "string"},
    {"e_last", "edge", "last_date", "string"},
    {"e_conf", "edge", "confidence", "double"},
    {"e_role", "edge", "role", "string"},
    {"e_plover", "edge", "plover", "string"},
    {"e_cameo", "edge", "cameo", "string"},
    {"e_symmetric", "edge", "symmetric", "boolean"},
    {"e_evidence", "edge", "evidence", "string"},
    {"e_ev_modality", "edge", "evidence_modality", "string"},
    {"e_ev_date", "edge", "evidence_date", "string"},
    {"e_ev_doc", "edge", "evidence_doc", "string"},
    {"e_ev_doc_id", "edge", "evidence_doc_id", "string"},
    {"e_ev_url", "edge", "evidence_url", "string"},
    {"e_ev_title", "edge", "evidence_title", "string"},
};
// Per-modality counts, written with --all-modalities only.
constexpr Key kModalityKeys[graph::kModalityCount] = {
    {"e_asserted", "edge", "asserted", "int"},         {"e_negated", "edge", "negated", "int"},
    {"e_hypothetical", "edge", "hypothetical", "int"}, {"e_future", "edge", "future", "int"},
    {"e_reported", "edge", "reported", "int"},
};

void WriteKey(const Key& k, std::ostream& out) {
  out << "  <key id=\"" << k.id << "\" for=\"" << k.for_ << "\" attr.name=\"" << k.name << "\" attr.type=\""
      << k.type << "\"/>\n";
}

}  // namespace

Status ExportGraphml(const graph::Store& store, const ExportOptions& options, std::ostream& out) {
  exporter::Selection selection(store, options);
  if (Status s = selection.LoadEntities(); !s.ok()) return s;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
         "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const Key& k : kNodeKeys) WriteKey(k, out);
  for (const Key& k : kEdgeKeys) WriteKey(k, out);
  if (options.all_modalities)
    for (const Key& k : kModalityKeys) WriteKey(k, out);
  out << "  <graph id=\"geokg\" edgedefault=\"directed\">\n";
  for (const graph::Entity* e : selection.SortedEntities()) {
    std::string aliases;
    for (const std::string& a : exporter::SortedAliases(*e)) aliases += (aliases.empty() ? "" : "|") + a;
    out << "    <node id=\"n" << graph::IdToHex(e->id) << "\">";
    Data(out, "n_name", e->name);
    Data(out, "n_kind", graph::NameOf(e->kind));
    Data(out, "n_country", e->country);
    Data(out, "n_aliases", aliases);
    NumberData(out, "n_mentions", e->mentions);
    NumberData(out, "n_documents", e->documents);
    out << "</node>\n";
  }
  uint64_t edge_no = 0;
  Status s = selection.ForEachRelation(1, [&](const exporter::SelectedRelation& r) {
    // An edge must join two declared nodes.
    if (!selection.Entity(r.key.source) || !selection.Entity(r.key.target)) return true;
    const graph::RelationInfo& info = graph::InfoOf(r.key.type);
    out << "    <edge id=\"e" << edge_no++ << "\" source=\"n" << graph::IdToHex(r.key.source)
        << "\" target=\"n" << graph::IdToHex(r.key.target) << "\">";
    Data(out, "e_type", info.name);
    NumberData(out, "e_count", r.count);
    if (options.all_modalities)
      for (int m = 0; m < graph::kModalityCount; ++m) NumberData(out, kModalityKeys[m].id, r.counts[m]);
    Data(out, "e_first", graph::FormatDate(r.first_date));
    Data(out, "e_last", graph::FormatDate(r.last_date));
    NumberData(out, "e_conf", exporter::Rounded(r.confidence));
    Data(out, "e_role", r.role);
    Data(out, "e_plover", info.plover);
    Data(out, "e_cameo", info.cameo);
    Data(out, "e_symmetric", info.symmetric ? "true" : "false");
    if (r.cited) {
      const graph::Evidence& e = *r.cited;
      const graph::DocMeta& doc = selection.Document(e.doc);
      Data(out, "e_evidence", e.text);
      Data(out, "e_ev_modality", graph::NameOf(e.modality));
      Data(out, "e_ev_date", graph::FormatDate(e.date));
      Data(out, "e_ev_doc", graph::IdToHex(e.doc));
      Data(out, "e_ev_doc_id", doc.external_id);
      Data(out, "e_ev_url", doc.url);
      Data(out, "e_ev_title", doc.title);
    }
    out << "</edge>\n";
    return static_cast<bool>(out);
  });
  if (!s.ok()) return s;
  out << "  </graph>\n</graphml>\n";
  if (!out) return Status::Storage("write failed");
  return Status::Ok();
}

}  // namespace geokg::tools
