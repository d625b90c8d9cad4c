#include "graph/curation.h"

#include <catch2/catch.hpp>

namespace geokg::graph {
namespace {

Entity Person(std::string name, std::vector<std::string> aliases) {
  Entity e;
  e.id = 7;
  e.name = std::move(name);
  e.kind = EntityKind::kPerson;
  e.aliases = std::move(aliases);
  return e;
}

TEST_CASE("an edit renames, keeps the old name as an alias, and adds and removes aliases", "[graph][curation]") {
  Entity e = Person("Richard Armitage Tuesday", {"Armitage"});
  EntityEdit edit;
  edit.name = "Richard Armitage";
  edit.add_aliases = {"R. Armitage", "Richard Armitage"};  // the new name itself is not an alias
  edit.remove_aliases = {"ARMITAGE"};                       // compared as names are
  CHECK(ApplyEdit(edit, &e));
  CHECK(e.name == "Richard Armitage");
  CHECK(e.aliases == std::vector<std::string>{"Richard Armitage Tuesday", "R. Armitage"});
  // Applying the same edit again changes nothing.
  CHECK_FALSE(ApplyEdit(edit, &e));
  // The removal of the old name wins over keeping it.
  Entity f = Person("Old Name", {});
  EntityEdit drop;
  drop.name = "New Name";
  drop.remove_aliases = {"Old Name"};
  CHECK(ApplyEdit(drop, &f));
  CHECK(f.aliases.empty());
}

TEST_CASE("kind and country edits replace the fields, and an empty country clears it", "[graph][curation]") {
  Entity e = Person("Hamas", {});
  e.country = "ISR";
  EntityEdit edit;
  edit.kind = EntityKind::kArmedGroup;
  edit.country = "PSE";
  CHECK(ApplyEdit(edit, &e));
  CHECK(e.kind == EntityKind::kArmedGroup);
  CHECK(e.country == "PSE");
  EntityEdit clear;
  clear.country = "";
  CHECK(ApplyEdit(clear, &e));
  CHECK(e.country.empty());
  CHECK_FALSE(ApplyEdit(EntityEdit{}, &e));
}

TEST_CASE("later edits combine with earlier ones: the last field wins, add and remove cancel", "[graph][curation]") {
  EntityEdit rule;
  EntityEdit first;
  first.name = "A";
  first.add_aliases = {"x", "y"};
  CombineEdits(first, &rule);
  EntityEdit second;
  second.name = "B";
  second.kind = EntityKind::kCountry;
  second.remove_aliases = {"X"};
  CombineEdits(second, &rule);
  CHECK(rule.name == std::optional<std::string>("B"));
  CHECK(rule.kind == std::optional<EntityKind>(EntityKind::kCountry));
  CHECK_FALSE(rule.country.has_value());
  CHECK(rule.add_aliases == std::vector<std::string>{"y"});
  CHECK(rule.remove_aliases == std::vector<std::string>{"X"});
  EntityEdit third;
  third.add_aliases = {"x"};
  CombineEdits(third, &rule);
  CHECK(rule.remove_aliases.empty());
  CHECK(rule.add_aliases == std::vector<std::string>{"y", "x"});
  // Combining the same edit twice gives the same rule.
  EntityEdit again = rule;
  CombineEdits(third, &again);
  CHECK(again.add_aliases == rule.add_aliases);
  CHECK_FALSE(rule.empty());
  CHECK(EntityEdit{}.empty());
}

}  // namespace
}  // namespace geokg::graph
