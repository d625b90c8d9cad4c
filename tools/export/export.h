// Exports of a whole store for other tools: JSONL (the DESIGN.md contract),
// CSV for neo4j-admin import and Kùzu, GraphML for networkx and yEd.
//
// Which relations: as in queries, a relation is exported when it has
// evidence of a selected modality (asserted only by default), and its count,
// per-modality counts, dates, confidence, role and evidence are computed over
// that evidence only, so an export shows the edges `geokg query` shows, with
// the same r.count. Evidence of the other modalities is left out as if it
// were not stored.
//
// Provenance: wherever an evidence sentence is written it comes with its
// document: the content hash ("doc"), the document's own id (the JSONL "id"
// field), url, title and source file. Unknown values are JSON null, an empty
// CSV field (Neo4j and Kùzu read it as null) or an absent GraphML <data>.
//
// Every entity is a node of the CSV and GraphML exports, also one in no
// exported relation; JSONL lists relations only.
//
// Thread safety: the functions only read the store, which may be shared.
#pragma once

#include <cstddef>
#include <filesystem>
#include <ostream>
#include <string>

#include "graph/model.h"
#include "graph/status.h"
#include "graph/store.h"

namespace geokg::tools {

struct ExportOptions {
  // Export the evidence of every modality (negated, hypothetical, future,
  // reported) instead of asserted evidence only.
  bool all_modalities = false;
  // JSONL: at most this many evidence items per relation (0: all). Counts
  // and dates still cover all the relation's selected evidence.
  size_t max_evidence = 0;
};

// One relation a line (see README "Export" for the fields). Returns Storage
// errors of the store or of `out`.
Status ExportJsonl(const graph::Store& store, const ExportOptions& options, std::ostream& out);

// Writes into folder `dir` (created if missing; files of an earlier export
// with the same names are replaced):
//   nodes.csv                 every entity, neo4j-admin header, :LABEL
//                             "Entity;<Kind>" (Neo4jLabel)
//   relations/<TYPE>.csv      the relations of one type (Neo4jType), one
//                             file per type present, neo4j-admin header
//   kuzu.cypher               CREATE and COPY statements: node table Entity
//                             and one rel table per type, so that
//                             MATCH (a)-[:ATTACKED]->(b) runs in Kùzu
//   neo4j-import.sh           the neo4j-admin database import command line
// InvalidInput when the folder cannot be created or a file opened; Storage
// on store or write errors.
Status ExportCsv(const graph::Store& store, const ExportOptions& options, const std::filesystem::path& dir);

// A directed GraphML document with typed node and edge attributes, PLOVER
// and CAMEO codes and a symmetric flag on every edge.
Status ExportGraphml(const graph::Store& store, const ExportOptions& options, std::ostream& out);

// Neo4j's naming conventions for the ontology's kebab-case names: a kind as
// a PascalCase label ("armed-group" -> "ArmedGroup"), a relation type in
// upper snake case ("allied-with" -> "ALLIED_WITH").
std::string Neo4jLabel(graph::EntityKind kind);
std::string Neo4jType(graph::RelationType type);

}  // namespace geokg::tools
