// An export made while another thread writes is the store as of one commit
// (tools/export/select.cc reads through one graph::Snapshot): every
// relation's count equals the evidence it lists.
#include <atomic>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>

#include "graph/ids.h"
#include "graph/store.h"
#include "tests/support/process.h"
#include "tools/export/export.h"

namespace geokg::tools {
namespace {

using graph::DocRecord;
using graph::Entity;
using graph::EntityKind;

Entity Country(const std::string& name) {
  Entity e;
  e.id = graph::EntityIdFor(name);
  e.name = name;
  e.kind = EntityKind::kCountry;
  return e;
}

// Document `n`: every pair of the four countries attacked, one sentence each.
DocRecord Doc(int n) {
  static const Entity kCountries[] = {Country("Chad"), Country("Sudan"), Country("Niger"), Country("Mali")};
  DocRecord d;
  d.meta.id = graph::DocIdFor("document " + std::to_string(n));
  d.meta.source = "doc" + std::to_string(n);
  d.meta.date = 20200101 + n % 28;
  for (const Entity& e : kCountries) d.entities.push_back(e);
  uint32_t sentence = 0;
  for (const Entity& a : kCountries)
    for (const Entity& b : kCountries) {
      if (a.id == b.id) continue;
      graph::ExtractedRelation r;
      r.key = {a.id, graph::RelationType::kAttacked, b.id};
      r.evidence.doc = d.meta.id;
      r.evidence.sentence = sentence++;
      r.evidence.text = a.name + " attacked " + b.name + " in document " + std::to_string(n);
      r.evidence.trigger = "attacked";
      r.evidence.confidence = 0.5f;
      d.relations.push_back(r);
    }
  return d;
}

TEST_CASE("an export during writes counts exactly the evidence it lists", "[tools][export][store]") {
  testing::TempDir tmp;
  graph::StoreOptions options;
  options.initial_map_size = 256ull << 20;  // no map growth while exporting
  std::unique_ptr<graph::Store> store;
  REQUIRE(graph::Store::Open(tmp / "db", options, &store).ok());
  REQUIRE(store->Apply({Doc(0)}, nullptr).ok());

  std::atomic<bool> stop{false};
  std::atomic<int> batches{0};
  Status writer_status;
  std::thread writer([&] {
    for (int n = 1; !stop && n < 100000; ++n) {
      writer_status = store->Apply({Doc(n)}, nullptr);
      if (!writer_status.ok()) return;
      ++batches;
    }
  });
  int exports = 0, mismatches = 0;
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  // At least 40 exports, and until the writer has committed (a commit's
  // sync can take longer than 40 exports of a small store on a busy disk).
  while ((exports < 40 || batches == 0) && std::chrono::steady_clock::now() < until) {
    std::ostringstream out;
    Status s = ExportJsonl(*store, ExportOptions{}, out);
    REQUIRE(s.ok());
    ++exports;
    std::istringstream lines(out.str());
    std::string line;
    while (std::getline(lines, line)) {
      nlohmann::json j = nlohmann::json::parse(line);
      if (j["count"].get<size_t>() != j["evidence"].size()) ++mismatches;
    }
  }
  stop = true;
  writer.join();
  INFO(exports << " exports beside " << batches << " writer commits");
  REQUIRE(writer_status.ok());
  CHECK(batches > 0);
  CHECK(mismatches == 0);
}

}  // namespace
}  // namespace geokg::tools
