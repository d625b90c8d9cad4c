// Test support for tools tests: small GraphViews built from literal entities
// and relations.
#pragma once

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "graph/ids.h"
#include "graph/model.h"
#include "graph/view.h"

namespace geokg::testing {

class GraphBuilder {
 public:
  GraphBuilder& Entity(const std::string& name, graph::EntityKind kind,
                       std::vector<std::string> aliases = {}) {
    graph::Entity e;
    e.id = graph::EntityIdFor(name);
    e.name = name;
    e.kind = kind;
    e.aliases = std::move(aliases);
    data_.entities.push_back(std::move(e));
    return *this;
  }
  // `asserted` and `reported` evidence counts.
  GraphBuilder& Relation(const std::string& source, graph::RelationType type, const std::string& target,
                         uint32_t asserted = 1, uint32_t reported = 0) {
    graph::RelationSummary r;
    r.key = {graph::EntityIdFor(source), type, graph::EntityIdFor(target)};
    r.counts[static_cast<int>(graph::Modality::kAsserted)] = asserted;
    r.counts[static_cast<int>(graph::Modality::kReported)] = reported;
    r.first_date = 20200101;
    r.last_date = 20200105;
    r.confidence = 0.9f;
    data_.relations.push_back(r);
    return *this;
  }
  std::shared_ptr<const graph::GraphView> Build() { return graph::GraphView::Build(data_); }

 private:
  graph::GraphData data_;
};

// The running example: Iran, its proxies, the US and the 82nd Airborne.
inline std::shared_ptr<const graph::GraphView> SampleView() {
  using graph::EntityKind;
  using graph::RelationType;
  GraphBuilder b;
  b.Entity("Iran", EntityKind::kCountry, {"Islamic Republic of Iran"})
      .Entity("United States", EntityKind::kCountry, {"US", "U.S."})
      .Entity("Kataib Hezbollah", EntityKind::kArmedGroup, {"KH"})
      .Entity("82nd Airborne Division", EntityKind::kMilitaryUnit)
      .Entity("Iraq", EntityKind::kCountry)
      .Entity("Mark Esper", EntityKind::kPerson, {"Esper"})
      .Entity("Pentagon", EntityKind::kGovernmentBody);
  b.Relation("Kataib Hezbollah", RelationType::kBackedBy, "Iran", 3)
      .Relation("United States", RelationType::kBlamed, "Iran", 2, 1)
      .Relation("82nd Airborne Division", RelationType::kPartOf, "United States", 1)
      .Relation("82nd Airborne Division", RelationType::kDeployedTo, "Iraq", 0, 2)
      .Relation("Mark Esper", RelationType::kLeaderOf, "Pentagon", 1)
      .Relation("Pentagon", RelationType::kPartOf, "United States", 1)
      .Relation("Kataib Hezbollah", RelationType::kAttacked, "United States", 4);
  return b.Build();
}

}  // namespace geokg::testing
