// Test support: a small store written through the Store API, with known
// document metadata and modalities, for the tests of provenance and of
// which relations exports hold (tests/e2e/export_test.cc,
// tests/tools/repl_commands_test.cc).
//
// Documents:
//   "wire item": JSONL item, id "w1", url https://example.org/w1, title
//                "US accuses Iran", source "news.jsonl:1", dated 2020-01-05
//   "text file": plain text, no id and no url, title "Militia strike",
//                source "b.txt", undated
// Relations (modality, document):
//   United States -blamed-> Iran              asserted (w1)
//   Iran -attacked-> United States            reported only (w1)
//   Kataib Hezbollah -attacked-> United States asserted (b.txt), reported (w1)
//   United States -allied-with-> United Kingdom asserted (b.txt)
#pragma once

#include <catch2/catch.hpp>
#include <memory>
#include <string>

#include "graph/ids.h"
#include "graph/model.h"
#include "graph/store.h"

namespace geokg::testing {

inline graph::ExtractedRelation ProvenanceRelation(const std::string& source, graph::RelationType type,
                                                   const std::string& target, uint32_t sentence,
                                                   const std::string& text, graph::Modality modality) {
  graph::ExtractedRelation r;
  r.key = {graph::EntityIdFor(source), type, graph::EntityIdFor(target)};
  r.evidence.sentence = sentence;
  r.evidence.begin = sentence * 100;
  r.evidence.end = sentence * 100 + static_cast<uint32_t>(text.size());
  r.evidence.text = text;
  r.evidence.trigger = "x";
  r.evidence.modality = modality;
  r.evidence.confidence = modality == graph::Modality::kAsserted ? 0.9f : 0.5f;
  return r;
}

inline graph::Entity ProvenanceEntity(const std::string& name, graph::EntityKind kind,
                                      const std::string& country) {
  graph::Entity e;
  e.id = graph::EntityIdFor(name);
  e.name = name;
  e.kind = kind;
  e.country = country;
  return e;
}

// Writes the store described above into `dir` and returns it, open.
inline std::unique_ptr<graph::Store> WriteProvenanceStore(const std::string& dir) {
  using graph::EntityKind;
  using graph::Modality;
  using graph::RelationType;
  std::unique_ptr<graph::Store> store;
  REQUIRE(graph::Store::Open(dir, {}, &store).ok());

  graph::DocRecord wire;
  wire.meta.id = graph::DocIdFor("wire item");
  wire.meta.external_id = "w1";
  wire.meta.url = "https://example.org/w1";
  wire.meta.title = "US accuses Iran";
  wire.meta.source = "news.jsonl:1";
  wire.meta.date = 20200105;
  wire.entities = {ProvenanceEntity("United States", EntityKind::kCountry, "USA"),
                   ProvenanceEntity("Iran", EntityKind::kCountry, "IRN"),
                   ProvenanceEntity("Kataib Hezbollah", EntityKind::kArmedGroup, "")};
  wire.relations = {
      ProvenanceRelation("United States", RelationType::kBlamed, "Iran", 0,
                         "The United States blamed Iran for the attack.", Modality::kAsserted),
      ProvenanceRelation("Iran", RelationType::kAttacked, "United States", 1,
                         "Officials said Iran attacked the United States.", Modality::kReported),
      ProvenanceRelation("Kataib Hezbollah", RelationType::kAttacked, "United States", 2,
                         "Officials said Kataib Hezbollah attacked the United States.", Modality::kReported),
  };

  graph::DocRecord text;
  text.meta.id = graph::DocIdFor("text file");
  text.meta.title = "Militia strike";
  text.meta.source = "b.txt";
  text.entities = {ProvenanceEntity("United States", EntityKind::kCountry, "USA"),
                   ProvenanceEntity("United Kingdom", EntityKind::kCountry, "GBR"),
                   ProvenanceEntity("Kataib Hezbollah", EntityKind::kArmedGroup, "")};
  text.relations = {
      ProvenanceRelation("Kataib Hezbollah", RelationType::kAttacked, "United States", 0,
                         "Kataib Hezbollah attacked a United States base.", Modality::kAsserted),
      ProvenanceRelation("United States", RelationType::kAlliedWith, "United Kingdom", 1,
                         "The United States is allied with the United Kingdom.", Modality::kAsserted),
  };
  REQUIRE(store->Apply({wire, text}, nullptr).ok());
  return store;
}

}  // namespace geokg::testing
