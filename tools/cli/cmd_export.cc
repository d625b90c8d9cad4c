// geokg export: the whole graph as JSONL (DESIGN.md contract), CSV for Kùzu
// and Neo4j importers, or GraphML for networkx and yEd.
//
// JSONL: one relation a line, {"source": {name, kind, id, mentions,
// documents}, "type", "target", "count", "counts" (per modality),
// "first_date", "last_date", "confidence", "role", "plover", "cameo",
// "evidence": [{doc, source, sentence, sentence_index, span, trigger,
// modality, section, confidence, date}]}.
//
// CSV: a folder with nodes.csv (id:ID,name,kind,country,aliases:string[],
// :LABEL,mentions:int,documents:int), relations.csv (:START_ID,:END_ID,
// :TYPE,count:int, per-modality counts, dates, confidence:float, role,
// evidence) and kuzu.cypher, the DDL and COPY statements that load both
// files into Kùzu. The same files load with `neo4j-admin database import
// full --nodes=nodes.csv --relationships=relations.csv`.
//
// Entity mentions and documents are the store's totals (Entity::mentions,
// ::documents); every entity is a node of the CSV and GraphML exports, also
// one in no relation (JSONL lists relations only).
#include <filesystem>
#include <fstream>
#include <iostream>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "graph/date.h"
#include "graph/ids.h"
#include "graph/ontology.h"
#include "tools/cli/open_store.h"

namespace geokg::tools {
namespace {

using Json = nlohmann::ordered_json;
constexpr std::string_view kCmd = "export";

std::string DumpJson(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

// RFC 4180 field, quoted when it holds a comma or a quote. Line breaks
// (hard-wrapped sentences) become spaces so that every record is one line,
// which neo4j-admin import needs without --multiline-fields.
std::string CsvField(std::string_view s) {
  bool quote = s.find_first_of(",\"\r\n") != std::string_view::npos;
  if (!quote) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += "\"\"";
    else if (c == '\n' || c == '\r') out += ' ';
    else out += c;
  }
  out += '"';
  return out;
}

// Text safe for XML 1.0: escapes markup characters and drops control
// characters and invalid UTF-8 bytes that XML forbids.
std::string XmlText(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '&': out += "&amp;"; continue;
      case '<': out += "&lt;"; continue;
      case '>': out += "&gt;"; continue;
      case '"': out += "&quot;"; continue;
      default: break;
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

struct Context {
  std::unique_ptr<graph::Store> store;
  std::unordered_map<graph::EntityId, graph::Entity> entities;
  std::unordered_map<graph::DocId, std::string> doc_sources;
};

Status LoadContext(Context* ctx) {
  Status s = ctx->store->ForEachEntity([&](const graph::Entity& e) {
    ctx->entities.emplace(e.id, e);
    return true;
  });
  if (!s.ok()) return s;
  return ctx->store->ForEachDocument([&](const graph::DocMeta& d) {
    ctx->doc_sources.emplace(d.id, d.source);
    return true;
  });
}

Json EntityJson(const Context& ctx, graph::EntityId id) {
  Json j;
  auto it = ctx.entities.find(id);
  j["name"] = it == ctx.entities.end() ? graph::IdToHex(id) : it->second.name;
  j["kind"] = it == ctx.entities.end() ? "organization" : std::string(graph::NameOf(it->second.kind));
  j["id"] = graph::IdToHex(id);
  // The store's mention totals (0 for documents ingested before schema 3).
  j["mentions"] = it == ctx.entities.end() ? 0 : it->second.mentions;
  j["documents"] = it == ctx.entities.end() ? 0 : it->second.documents;
  return j;
}

Status ExportJsonl(Context& ctx, size_t max_evidence, std::ostream& out) {
  Status inner;
  Status s = ctx.store->ForEachRelation([&](const graph::RelationSummary& r) {
    const graph::RelationInfo& info = graph::InfoOf(r.key.type);
    Json j;
    j["source"] = EntityJson(ctx, r.key.source);
    j["type"] = std::string(info.name);
    j["target"] = EntityJson(ctx, r.key.target);
    j["count"] = r.TotalCount();
    Json counts = Json::object();
    for (int m = 0; m < graph::kModalityCount; ++m)
      if (r.counts[m] > 0) counts[std::string(graph::NameOf(static_cast<graph::Modality>(m)))] = r.counts[m];
    j["counts"] = counts;
    j["first_date"] = graph::FormatDate(r.first_date);
    j["last_date"] = graph::FormatDate(r.last_date);
    j["confidence"] = static_cast<double>(static_cast<int>(r.confidence * 1000 + 0.5)) / 1000;
    if (!r.role.empty()) j["role"] = r.role;
    j["plover"] = std::string(info.plover);
    j["cameo"] = std::string(info.cameo);
    Json evidence = Json::array();
    inner = ctx.store->ForEachEvidence(r.key, [&](const graph::Evidence& e) {
      Json ej;
      ej["doc"] = graph::IdToHex(e.doc);
      if (auto it = ctx.doc_sources.find(e.doc); it != ctx.doc_sources.end()) ej["source"] = it->second;
      ej["sentence"] = e.text;
      ej["sentence_index"] = e.sentence;
      ej["span"] = Json::array({e.begin, e.end});
      ej["trigger"] = e.trigger;
      ej["modality"] = std::string(graph::NameOf(e.modality));
      ej["section"] = std::string(graph::NameOf(e.section));
      ej["confidence"] = static_cast<double>(static_cast<int>(e.confidence * 1000 + 0.5)) / 1000;
      ej["date"] = graph::FormatDate(e.date);
      if (!e.role.empty()) ej["role"] = e.role;
      evidence.push_back(std::move(ej));
      return max_evidence == 0 || evidence.size() < max_evidence;
    });
    if (!inner.ok()) return false;
    j["evidence"] = std::move(evidence);
    out << DumpJson(j) << '\n';
    return static_cast<bool>(out);
  });
  if (!inner.ok()) return inner;
  if (!s.ok()) return s;
  if (!out) return Status::Storage("write failed");
  return Status::Ok();
}

Status ExportCsv(Context& ctx, const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::InvalidInput(dir.string() + ": " + ec.message());
  std::ofstream nodes(dir / "nodes.csv"), rels(dir / "relations.csv"), kuzu(dir / "kuzu.cypher");
  if (!nodes || !rels || !kuzu) return Status::InvalidInput(dir.string() + ": cannot write the CSV files");
  nodes << "id:ID,name,kind,country,aliases:string[],:LABEL,mentions:int,documents:int\n";
  std::vector<const graph::Entity*> sorted;
  for (const auto& [id, e] : ctx.entities) sorted.push_back(&e);
  std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->id < b->id; });
  for (const graph::Entity* e : sorted) {
    std::string aliases;
    for (const std::string& a : e->aliases) {
      if (a.find(';') != std::string::npos) continue;  // ';' is the array separator
      if (!aliases.empty()) aliases += ';';
      aliases += a;
    }
    nodes << graph::IdToHex(e->id) << ',' << CsvField(e->name) << ',' << graph::NameOf(e->kind) << ','
          << CsvField(e->country) << ',' << CsvField(aliases) << ",Entity," << e->mentions << ','
          << e->documents << '\n';
  }
  rels << ":START_ID,:END_ID,:TYPE,count:int,asserted:int,negated:int,hypothetical:int,future:int,"
          "reported:int,first_date,last_date,confidence:float,role,evidence\n";
  Status inner;
  Status s = ctx.store->ForEachRelation([&](const graph::RelationSummary& r) {
    std::string sentence;
    inner = ctx.store->ForEachEvidence(r.key, [&](const graph::Evidence& e) {
      sentence = e.text;
      return e.modality != graph::Modality::kAsserted;  // prefer an asserted sentence
    });
    if (!inner.ok()) return false;
    rels << graph::IdToHex(r.key.source) << ',' << graph::IdToHex(r.key.target) << ','
         << graph::NameOf(r.key.type) << ',' << r.TotalCount();
    for (uint32_t c : r.counts) rels << ',' << c;
    rels << ',' << graph::FormatDate(r.first_date) << ',' << graph::FormatDate(r.last_date) << ','
         << r.confidence << ',' << CsvField(r.role) << ',' << CsvField(sentence) << '\n';
    return static_cast<bool>(rels);
  });
  if (!inner.ok()) return inner;
  if (!s.ok()) return s;
  kuzu << "// Load this export into Kuzu (run from this folder):\n"
          "CREATE NODE TABLE Entity(id STRING, name STRING, kind STRING, country STRING, aliases STRING,"
          " label STRING, mentions INT64, documents INT64, PRIMARY KEY(id));\n"
          "CREATE REL TABLE Relation(FROM Entity TO Entity, type STRING, count INT64, asserted INT64,"
          " negated INT64, hypothetical INT64, future INT64, reported INT64, first_date STRING,"
          " last_date STRING, confidence DOUBLE, role STRING, evidence STRING);\n"
          "COPY Entity FROM 'nodes.csv' (HEADER=true);\n"
          "COPY Relation FROM 'relations.csv' (HEADER=true);\n";
  if (!nodes || !rels || !kuzu) return Status::Storage(dir.string() + ": write failed");
  return Status::Ok();
}

Status ExportGraphml(Context& ctx, std::ostream& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
         "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  struct Key { const char* id; const char* for_; const char* name; const char* type; };
  const Key keys[] = {
      {"n_name", "node", "name", "string"},         {"n_kind", "node", "kind", "string"},
      {"n_country", "node", "country", "string"},   {"n_aliases", "node", "aliases", "string"},
      {"n_mentions", "node", "mentions", "long"},   {"n_documents", "node", "documents", "long"},
      {"e_type", "edge", "type", "string"},         {"e_count", "edge", "count", "int"},
      {"e_asserted", "edge", "asserted", "int"},    {"e_first", "edge", "first_date", "string"},
      {"e_last", "edge", "last_date", "string"},    {"e_conf", "edge", "confidence", "double"},
      {"e_role", "edge", "role", "string"},         {"e_evidence", "edge", "evidence", "string"},
  };
  for (const Key& k : keys)
    out << "  <key id=\"" << k.id << "\" for=\"" << k.for_ << "\" attr.name=\"" << k.name
        << "\" attr.type=\"" << k.type << "\"/>\n";
  out << "  <graph id=\"geokg\" edgedefault=\"directed\">\n";
  std::vector<const graph::Entity*> sorted;
  for (const auto& [id, e] : ctx.entities) sorted.push_back(&e);
  std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->id < b->id; });
  for (const graph::Entity* e : sorted) {
    std::string aliases;
    for (const std::string& a : e->aliases) aliases += (aliases.empty() ? "" : "|") + a;
    out << "    <node id=\"n" << graph::IdToHex(e->id) << "\">"
        << "<data key=\"n_name\">" << XmlText(e->name) << "</data>"
        << "<data key=\"n_kind\">" << graph::NameOf(e->kind) << "</data>"
        << "<data key=\"n_country\">" << XmlText(e->country) << "</data>"
        << "<data key=\"n_aliases\">" << XmlText(aliases) << "</data>"
        << "<data key=\"n_mentions\">" << e->mentions << "</data>"
        << "<data key=\"n_documents\">" << e->documents << "</data></node>\n";
  }
  uint64_t edge_no = 0;
  Status inner;
  Status s = ctx.store->ForEachRelation([&](const graph::RelationSummary& r) {
    if (!ctx.entities.count(r.key.source) || !ctx.entities.count(r.key.target)) return true;
    std::string sentence;
    inner = ctx.store->ForEachEvidence(r.key, [&](const graph::Evidence& e) {
      sentence = e.text;
      return e.modality != graph::Modality::kAsserted;
    });
    if (!inner.ok()) return false;
    out << "    <edge id=\"e" << edge_no++ << "\" source=\"n" << graph::IdToHex(r.key.source) << "\" target=\"n"
        << graph::IdToHex(r.key.target) << "\">"
        << "<data key=\"e_type\">" << graph::NameOf(r.key.type) << "</data>"
        << "<data key=\"e_count\">" << r.TotalCount() << "</data>"
        << "<data key=\"e_asserted\">" << r.counts[0] << "</data>"
        << "<data key=\"e_first\">" << graph::FormatDate(r.first_date) << "</data>"
        << "<data key=\"e_last\">" << graph::FormatDate(r.last_date) << "</data>"
        << "<data key=\"e_conf\">" << r.confidence << "</data>"
        << "<data key=\"e_role\">" << XmlText(r.role) << "</data>"
        << "<data key=\"e_evidence\">" << XmlText(sentence) << "</data></edge>\n";
    return static_cast<bool>(out);
  });
  if (!inner.ok()) return inner;
  if (!s.ok()) return s;
  out << "  </graph>\n</graphml>\n";
  if (!out) return Status::Storage("write failed");
  return Status::Ok();
}

}  // namespace

int RunExport(const ParsedArgs& args) {
  std::string format = args.Get("--format");
  if (format != "jsonl" && format != "csv" && format != "graphml")
    return Fail(kCmd, "--format must be jsonl, csv or graphml", 1);
  size_t max_evidence = 0;
  if (args.Has("--max-evidence")) {
    try {
      max_evidence = std::stoul(args.Get("--max-evidence"));
    } catch (...) {
      return Fail(kCmd, "--max-evidence needs a number", 1);
    }
  }
  Context ctx;
  if (int rc = OpenStoreReadOnly(kCmd, args, &ctx.store); rc != 0) return rc;
  if (Status s = LoadContext(&ctx); !s.ok()) return Fail(kCmd, s.message(), s.ExitCode());

  Status s;
  if (format == "csv") {
    s = ExportCsv(ctx, args.Get("-o", "export"));
  } else {
    std::ofstream file;
    std::ostream* out = &std::cout;
    if (args.Has("-o")) {
      file.open(args.Get("-o"), std::ios::binary);
      if (!file) return Fail(kCmd, args.Get("-o") + ": cannot open for writing", 1);
      out = &file;
    }
    s = format == "jsonl" ? ExportJsonl(ctx, max_evidence, *out) : ExportGraphml(ctx, *out);
    out->flush();
  }
  if (!s.ok()) return Fail(kCmd, s.message(), s.ExitCode());
  return 0;
}

}  // namespace geokg::tools
