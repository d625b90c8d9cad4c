// CSV for neo4j-admin import and Kùzu (export.h lists the files).
//
// nodes.csv:
//   id:ID,name,kind,country,aliases:string[],:LABEL,mentions:int,documents:int
// relations/<TYPE>.csv (TYPE as Neo4jType: ALLIED_WITH):
//   :START_ID,:END_ID,:TYPE,count:int,
//   [asserted:int,negated:int,hypothetical:int,future:int,reported:int,]   (--all-modalities)
//   first_date:date,last_date:date,confidence:float,role,plover,cameo,symmetric:boolean,
//   evidence,evidence_modality,evidence_date:date,evidence_doc,evidence_doc_id,
//   evidence_url,evidence_title
//
// The headers are neo4j-admin's; Kùzu's COPY reads columns by position into
// the tables kuzu.cypher creates, so both load the same files. A field is
// quoted (RFC 4180) when it holds a comma or a quote; an unknown value is
// an empty field, which both read as null.
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>

#include "graph/date.h"
#include "graph/ids.h"
#include "graph/ontology.h"
#include "tools/export/export.h"
#include "tools/export/select.h"

namespace geokg::tools {
namespace {

// RFC 4180 field, quoted when it holds a comma or a quote. Line breaks
// (hard-wrapped sentences) become spaces so that every record is one line,
// which neo4j-admin import needs without --multiline-fields.
std::string CsvField(std::string_view s) {
  bool quote = s.find_first_of(",\"\r\n") != std::string_view::npos;
  if (!quote) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"')
      out += "\"\"";
    else if (c == '\n' || c == '\r')
      out += ' ';
    else
      out += c;
  }
  out += '"';
  return out;
}

constexpr const char* kModalityColumns[graph::kModalityCount] = {"asserted", "negated", "hypothetical",
                                                                 "future", "reported"};

std::string RelationHeader(bool all_modalities) {
  std::string h = ":START_ID,:END_ID,:TYPE,count:int,";
  if (all_modalities)
    for (const char* m : kModalityColumns) h += std::string(m) + ":int,";
  return h +
         "first_date:date,last_date:date,confidence:float,role,plover,cameo,symmetric:boolean,"
         "evidence,evidence_modality,evidence_date:date,evidence_doc,evidence_doc_id,evidence_url,evidence_"
         "title\n";
}

// The Kùzu columns of a rel table, in the CSV's order after FROM and TO.
std::string KuzuRelColumns(bool all_modalities) {
  std::string c = "type STRING, count INT64, ";
  if (all_modalities)
    for (const char* m : kModalityColumns) c += std::string(m) + " INT64, ";
  return c +
         "first_date DATE, last_date DATE, confidence DOUBLE, role STRING, plover STRING, cameo STRING, "
         "symmetric BOOLEAN, evidence STRING, evidence_modality STRING, evidence_date DATE, evidence_doc "
         "STRING, "
         "evidence_doc_id STRING, evidence_url STRING, evidence_title STRING";
}

Status WriteNodes(const exporter::Selection& selection, std::ostream& nodes) {
  nodes << "id:ID,name,kind,country,aliases:string[],:LABEL,mentions:int,documents:int\n";
  for (const graph::Entity* e : selection.SortedEntities()) {
    std::string aliases;
    for (const std::string& a : exporter::SortedAliases(*e)) {
      if (a.find(';') != std::string::npos) continue;  // ';' is the array separator
      if (!aliases.empty()) aliases += ';';
      aliases += a;
    }
    nodes << graph::IdToHex(e->id) << ',' << CsvField(e->name) << ',' << graph::NameOf(e->kind) << ','
          << CsvField(e->country) << ',' << CsvField(aliases) << ",Entity;" << Neo4jLabel(e->kind) << ','
          << e->mentions << ',' << e->documents << '\n';
  }
  return nodes ? Status::Ok() : Status::Storage("nodes.csv: write failed");
}

void WriteRelation(exporter::Selection& selection, const exporter::SelectedRelation& r, bool all_modalities,
                   std::ostream& out) {
  const graph::RelationInfo& info = graph::InfoOf(r.key.type);
  out << graph::IdToHex(r.key.source) << ',' << graph::IdToHex(r.key.target) << ',' << Neo4jType(r.key.type)
      << ',' << r.count;
  if (all_modalities)
    for (uint32_t c : r.counts) out << ',' << c;
  out << ',' << graph::FormatDate(r.first_date) << ',' << graph::FormatDate(r.last_date) << ','
      << exporter::Rounded(r.confidence) << ',' << CsvField(r.role) << ',' << info.plover << ',' << info.cameo
      << ',' << (info.symmetric ? "true" : "false") << ',';
  if (r.cited) {
    const graph::Evidence& e = *r.cited;
    const graph::DocMeta& doc = selection.Document(e.doc);
    out << CsvField(e.text) << ',' << graph::NameOf(e.modality) << ',' << graph::FormatDate(e.date) << ','
        << graph::IdToHex(e.doc) << ',' << CsvField(doc.external_id) << ',' << CsvField(doc.url) << ','
        << CsvField(doc.title);
  } else {
    out << ",,,,,,";
  }
  out << '\n';
}

// kuzu.cypher: one node table for all entities (the kind is a property,
// the Neo4j labels another) and one rel table per relation type, every
// type created so that a query naming an absent type returns nothing
// instead of failing. Names are back-quoted: some (e.g. RELEASED) might be
// keywords.
void WriteKuzuScript(const std::map<graph::RelationType, std::string>& files, bool all_modalities,
                     std::ostream& out) {
  out << "// Loads this export into Kuzu: run these statements in order with the folder of\n"
         "// this file as the working directory (the COPY paths are relative to it).\n"
         "CREATE NODE TABLE Entity(id STRING, name STRING, kind STRING, country STRING, aliases STRING,"
         " labels STRING, mentions INT64, documents INT64, PRIMARY KEY(id));\n";
  const std::string columns = KuzuRelColumns(all_modalities);
  for (const graph::RelationInfo& t : graph::AllRelationTypes())
    out << "CREATE REL TABLE `" << Neo4jType(t.type) << "`(FROM Entity TO Entity, " << columns << ");\n";
  out << "COPY Entity FROM 'nodes.csv' (HEADER=true);\n";
  for (const auto& [type, file] : files)
    out << "COPY `" << Neo4jType(type) << "` FROM '" << file << "' (HEADER=true);\n";
}

void WriteNeo4jScript(const std::map<graph::RelationType, std::string>& files, std::ostream& out) {
  out << "#!/bin/sh\n"
         "# Loads this export into a Neo4j 5 database (default: neo4j; stop the database first,\n"
         "# --overwrite-destination replaces it). Usage: sh neo4j-import.sh [DATABASE]\n"
         "cd \"$(dirname \"$0\")\" || exit 1\n"
         "exec neo4j-admin database import full --overwrite-destination --array-delimiter=';' \\\n"
         "  --nodes=nodes.csv \\\n";
  for (const auto& [type, file] : files) out << "  --relationships=" << file << " \\\n";
  out << "  \"${1:-neo4j}\"\n";
}

}  // namespace

Status ExportCsv(const graph::Store& store, const ExportOptions& options, const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(dir / "relations", ec);
  if (ec) return Status::InvalidInput(dir.string() + ": " + ec.message());
  // A type absent now must not leave the file of an earlier export behind.
  for (const graph::RelationInfo& t : graph::AllRelationTypes())
    fs::remove(dir / "relations" / (Neo4jType(t.type) + ".csv"), ec);

  exporter::Selection selection(store, options);
  if (Status s = selection.LoadEntities(); !s.ok()) return s;
  std::ofstream nodes(dir / "nodes.csv", std::ios::binary);
  if (!nodes)
    return Status::InvalidInput((dir / "nodes.csv").string() + ": cannot open for writing: " + std::strerror(errno));
  if (Status s = WriteNodes(selection, nodes); !s.ok()) return s;

  // Relations come in key order (source first), so the files of all types
  // stay open for the whole scan.
  std::map<graph::RelationType, std::string> files;
  std::map<graph::RelationType, std::unique_ptr<std::ofstream>> streams;
  Status opened;
  Status s = selection.ForEachRelation(1, [&](const exporter::SelectedRelation& r) {
    auto& stream = streams[r.key.type];
    if (!stream) {
      std::string file = "relations/" + Neo4jType(r.key.type) + ".csv";
      stream = std::make_unique<std::ofstream>(dir / file, std::ios::binary);
      if (!*stream) {
        opened = Status::InvalidInput((dir / file).string() + ": cannot open for writing: " + std::strerror(errno));
        return false;
      }
      *stream << RelationHeader(options.all_modalities);
      files[r.key.type] = file;
    }
    WriteRelation(selection, r, options.all_modalities, *stream);
    return static_cast<bool>(*stream);
  });
  if (!opened.ok()) return opened;
  if (!s.ok()) return s;
  for (auto& [type, stream] : streams) {
    stream->close();
    if (!*stream) return Status::Storage((dir / files[type]).string() + ": write failed");
  }

  std::ofstream kuzu(dir / "kuzu.cypher", std::ios::binary), neo4j(dir / "neo4j-import.sh", std::ios::binary);
  if (!kuzu || !neo4j)
    return Status::InvalidInput(dir.string() + ": cannot write kuzu.cypher or neo4j-import.sh");
  WriteKuzuScript(files, options.all_modalities, kuzu);
  WriteNeo4jScript(files, neo4j);
  nodes.close();
  kuzu.close();
  neo4j.close();
  if (!nodes || !kuzu || !neo4j) return Status::Storage(dir.string() + ": write failed");
  return Status::Ok();
}

}  // namespace geokg::tools
