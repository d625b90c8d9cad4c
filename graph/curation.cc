#include "graph/curation.h"

#include <algorithm>

#include "graph/ids.h"

namespace geokg::graph {
namespace {

bool SameName(const std::string& a, const std::string& b) { return NormalizeName(a) == NormalizeName(b); }

void EraseName(const std::string& name, std::vector<std::string>* names) {
  std::erase_if(*names, [&](const std::string& n) { return SameName(n, name); });
}

}  // namespace

void CombineEdits(const EntityEdit& later, EntityEdit* edit) {
  if (later.name) edit->name = later.name;
  if (later.kind) edit->kind = later.kind;
  if (later.country) edit->country = later.country;
  for (const std::string& alias : later.add_aliases) {
    EraseName(alias, &edit->remove_aliases);
    EraseName(alias, &edit->add_aliases);
    edit->add_aliases.push_back(alias);
  }
  for (const std::string& alias : later.remove_aliases) {
    EraseName(alias, &edit->add_aliases);
    EraseName(alias, &edit->remove_aliases);
    edit->remove_aliases.push_back(alias);
  }
}

bool ApplyEdit(const EntityEdit& edit, Entity* entity) {
  const Entity before = *entity;
  if (edit.name && *edit.name != entity->name) {
    if (!entity->name.empty() && !SameName(entity->name, *edit.name)) entity->aliases.push_back(entity->name);
    entity->name = *edit.name;
  }
  if (edit.kind) entity->kind = *edit.kind;
  if (edit.country) entity->country = *edit.country;
  for (const std::string& alias : edit.add_aliases) {
    if (alias == entity->name) continue;
    if (std::find(entity->aliases.begin(), entity->aliases.end(), alias) == entity->aliases.end())
      entity->aliases.push_back(alias);
  }
  for (const std::string& alias : edit.remove_aliases) EraseName(alias, &entity->aliases);
  // An alias equal to the (new) canonical name is redundant.
  std::erase(entity->aliases, entity->name);
  return entity->name != before.name || entity->kind != before.kind || entity->country != before.country ||
         entity->aliases != before.aliases;
}

}  // namespace geokg::graph
