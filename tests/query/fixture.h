// A small fixed graph of the reference article (US deployment to Iraq after
// the Kataib Hezbollah strikes), shared by the query tests.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "graph/ids.h"
#include "graph/model.h"
#include "graph/view.h"

namespace geokg::testing {

inline graph::Entity MakeEntity(const std::string& name, graph::EntityKind kind,
                                std::vector<std::string> aliases = {}, std::string country = "") {
  graph::Entity e;
  e.id = graph::EntityIdFor(name);
  e.name = name;
  e.kind = kind;
  e.aliases = std::move(aliases);
  e.country = std::move(country);
  return e;
}

inline graph::RelationSummary MakeRelation(const std::string& a, graph::RelationType t, const std::string& b,
                                           uint32_t asserted, graph::Date first = 20200101,
                                           graph::Date last = 20200101, uint32_t negated = 0,
                                           uint32_t reported = 0) {
  graph::RelationSummary r;
  r.key = {graph::EntityIdFor(a), t, graph::EntityIdFor(b)};
  r.counts[static_cast<int>(graph::Modality::kAsserted)] = asserted;
  r.counts[static_cast<int>(graph::Modality::kNegated)] = negated;
  r.counts[static_cast<int>(graph::Modality::kReported)] = reported;
  r.first_date = first;
  r.last_date = last;
  r.confidence = 0.9f;
  return r;
}

inline graph::GraphData ArticleGraph() {
  using K = graph::EntityKind;
  using T = graph::RelationType;
  graph::GraphData d;
  d.entities = {
      MakeEntity("United States", K::kCountry, {"US", "U.S.", "America"}, "USA"),
      MakeEntity("Iran", K::kCountry, {}, "IRN"),
      MakeEntity("Iraq", K::kCountry, {}, "IRQ"),
      MakeEntity("Popular Mobilisation Forces", K::kArmedGroup, {"PMF", "Hashd al-Shaabi"}, "IRQ"),
      MakeEntity("Kataib Hezbollah", K::kArmedGroup, {"KH"}, "IRQ"),
      MakeEntity("82nd Airborne Division", K::kMilitaryUnit, {"82nd Airborne"}, "USA"),
      MakeEntity("United States Army", K::kMilitaryUnit, {"US Army"}, "USA"),
      MakeEntity("US Embassy in Baghdad", K::kFacility, {}, "USA"),
      MakeEntity("Baghdad", K::kLocation, {}, "IRQ"),
      MakeEntity("Donald Trump", K::kPerson, {"Trump"}, "USA"),
      MakeEntity("Mark Esper", K::kPerson, {"Esper"}, "USA"),
      MakeEntity("Department of Defense", K::kGovernmentBody, {"Pentagon"}, "USA"),
  };
  d.relations = {
      MakeRelation("Kataib Hezbollah", T::kPartOf, "Popular Mobilisation Forces", 2, 20191229, 20200101),
      MakeRelation("Kataib Hezbollah", T::kBackedBy, "Iran", 3, 20191229, 20200102),
      MakeRelation("Popular Mobilisation Forces", T::kBackedBy, "Iran", 1, 20200101, 20200101),
      MakeRelation("Kataib Hezbollah", T::kAttacked, "US Embassy in Baghdad", 2, 20191231, 20200101),
      MakeRelation("US Embassy in Baghdad", T::kLocatedIn, "Baghdad", 1, 20200101, 20200101),
      MakeRelation("Baghdad", T::kLocatedIn, "Iraq", 1, 20200101, 20200101),
      MakeRelation("United States", T::kDeployedTo, "Iraq", 1, 20200101, 20200101),
      MakeRelation("82nd Airborne Division", T::kDeployedTo, "Iraq", 1, 20200101, 20200101),
      MakeRelation("82nd Airborne Division", T::kPartOf, "United States Army", 1, 20200101, 20200101),
      MakeRelation("United States Army", T::kPartOf, "United States", 1, 20200101, 20200101),
      MakeRelation("United States", T::kAttacked, "Kataib Hezbollah", 1, 20191229, 20191229),
      MakeRelation("Donald Trump", T::kBlamed, "Iran", 2, 20191231, 20200101),
      MakeRelation("Donald Trump", T::kLeaderOf, "United States", 1, 20200101, 20200101),
      MakeRelation("Mark Esper", T::kMemberOf, "Department of Defense", 1, 20200101, 20200101),
      MakeRelation("Department of Defense", T::kPartOf, "United States", 1, 20200101, 20200101),
      MakeRelation("Iran", T::kRejected, "United States", 1, 20200101, 20200101),
      MakeRelation("Iran", T::kCondemned, "United States", 1, 20191230, 20191230),
      // Not asserted: invisible by default.
      MakeRelation("Iran", T::kAttacked, "US Embassy in Baghdad", 0, 20200101, 20200101, 1, 0),
      MakeRelation("Iran", T::kThreatened, "United States", 0, 20200102, 20200102, 0, 2),
      MakeRelation("United States", T::kDeployedTo, "Baghdad", 0, 20200103, 20200103, 0, 1),
      // Dangling: target not among the entities; dropped by the view.
      MakeRelation("Iran", T::kAlliedWith, "Hezbollah", 1),
  };
  d.relations[13].role = "Defence Secretary";
  return d;
}

inline std::shared_ptr<const graph::GraphView> ArticleView() { return graph::GraphView::Build(ArticleGraph()); }

}  // namespace geokg::testing
