// geokg stats: what a store holds, as text or one JSON object.
#include <algorithm>
#include <iostream>

#include <nlohmann/json.hpp>

#include "graph/date.h"
#include "graph/ontology.h"
#include "tools/cli/open_store.h"

namespace geokg::tools {
namespace {

// `name` left-aligned in a column of at least 20 characters.
std::string Column(std::string_view name) {
  std::string out(name);
  out.resize(std::max<size_t>(out.size() + 1, 20), ' ');
  return out;
}

}  // namespace

int RunStats(const ParsedArgs& args) {
  constexpr std::string_view kCmd = "stats";
  std::string format = args.Get("--format", "text");
  if (format != "text" && format != "json") return Fail(kCmd, "--format must be text or json", 1);
  std::unique_ptr<graph::Store> store;
  if (int rc = OpenStoreReadOnly(kCmd, args, &store); rc != 0) return rc;
  graph::StoreStats st;
  if (Status s = store->Stats(&st); !s.ok()) return Fail(kCmd, s.message(), s.ExitCode());

  if (format == "json") {
    nlohmann::ordered_json j;
    j["documents"] = st.documents;
    j["entities"] = st.entities;
    j["aliases"] = st.aliases;
    j["relations"] = st.relations;
    j["evidence"] = st.evidence;
    j["mentions"] = st.mentions;
    j["entity_documents"] = st.entity_documents;
    j["first_date"] = graph::FormatDate(st.first_date);
    j["last_date"] = graph::FormatDate(st.last_date);
    nlohmann::ordered_json kinds = nlohmann::ordered_json::object();
    for (const auto& k : graph::AllKinds()) kinds[std::string(k.name)] = st.entities_by_kind[static_cast<int>(k.kind)];
    j["entities_by_kind"] = kinds;
    nlohmann::ordered_json types = nlohmann::ordered_json::object();
    for (const auto& t : graph::AllRelationTypes())
      types[std::string(t.name)] = st.relations_by_type[static_cast<int>(t.type)];
    j["relations_by_type"] = types;
    nlohmann::ordered_json modalities = nlohmann::ordered_json::object();
    for (int m = 0; m < graph::kModalityCount; ++m)
      modalities[std::string(graph::NameOf(static_cast<graph::Modality>(m)))] = st.evidence_by_modality[m];
    j["evidence_by_modality"] = modalities;
    j["schema_version"] = st.schema_version;
    j["map_size"] = st.map_size;
    j["used_bytes"] = st.used_bytes;
    std::cout << j.dump(2) << "\n";
    return 0;
  }

  std::cout << "store       " << store->dir() << " (schema " << st.schema_version << ", "
            << st.used_bytes / 1024 << " KiB used of " << st.map_size / 1024 << " KiB mapped)\n"
            << "documents   " << st.documents << "\n"
            << "entities    " << st.entities << " (" << st.aliases << " aliases)\n"
            << "relations   " << st.relations << " distinct (source, type, target)\n"
            << "evidence    " << st.evidence << " sentences\n"
            << "mentions    " << st.mentions << " of entities, in " << st.entity_documents
            << " (entity, document) pairs\n";
  if (st.first_date != 0)
    std::cout << "dates       " << graph::FormatDate(st.first_date) << " .. " << graph::FormatDate(st.last_date) << "\n";
  std::cout << "\nentities by kind\n";
  for (const auto& k : graph::AllKinds())
    if (uint64_t n = st.entities_by_kind[static_cast<int>(k.kind)]; n > 0)
      std::cout << "  " << Column(k.name) << n << "\n";
  std::cout << "\nrelations by type\n";
  for (const auto& t : graph::AllRelationTypes())
    if (uint64_t n = st.relations_by_type[static_cast<int>(t.type)]; n > 0)
      std::cout << "  " << Column(t.name) << n << "\n";
  std::cout << "\nevidence by modality\n";
  for (int m = 0; m < graph::kModalityCount; ++m) {
    std::string_view name = graph::NameOf(static_cast<graph::Modality>(m));
    std::cout << "  " << Column(name) << st.evidence_by_modality[m] << "\n";
  }
  return 0;
}

}  // namespace geokg::tools
