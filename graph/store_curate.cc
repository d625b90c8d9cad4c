// Curation kept as rules: entity edits (rename, kind, country, aliases),
// importing a rules file's worth of merges and edits, and carrying out
// merge rules once both of their entities are stored. Merges themselves are
// in store_write.cc (MergeInTxn, beside FoldRelation).
#include <set>

#include "graph/ids.h"
#include "graph/ontology.h"
#include "graph/serialize.h"
#include "graph/store.h"
#include "graph/store_lmdb.h"

namespace geokg::graph {

using namespace store_internal;

namespace store_internal {

Status RunWriteTxn(Store::Impl& impl, std::string_view what, const std::function<Status(MDB_txn*)>& body) {
  if (impl.options.read_only) return Status::Storage(impl.dir + ": store is open read-only");
  std::lock_guard<std::mutex> write_lock(impl.write_mu);
  for (int attempt = 0; attempt < kMaxResizes; ++attempt) {
    bool map_full = false, map_resized = false;
    Status s;
    {
      std::shared_lock<std::shared_mutex> map_lock(impl.map_mu);
      Txn txn;
      int rc = txn.Begin(impl.env.get(), 0);
      if (rc == MDB_MAP_RESIZED) {
        map_resized = true;
      } else if (rc != 0) {
        return LmdbError(impl.dir, "begin write transaction", rc);
      } else {
        s = body(txn.get());
        if (s.ok() && impl.options.before_commit_for_testing) impl.options.before_commit_for_testing();
        if (s.ok()) {
          rc = txn.Commit();
          if (rc == MDB_MAP_FULL) map_full = true;
          if (rc != 0) s = LmdbError(impl.dir, "commit", rc);
        }
        if (!s.ok() && s.message().find("MDB_MAP_FULL") != std::string::npos) map_full = true;
        impl.known_entities.clear();
      }
    }
    if (map_resized || map_full) {
      MDB_envinfo info;
      mdb_env_info(impl.env.get(), &info);
      Status grown = impl.ResizeMap(map_full ? info.me_mapsize * 2 : 0);
      if (!grown.ok()) return grown;
      continue;
    }
    return s;
  }
  return Status::Storage(impl.dir + ": " + std::string(what) + " does not fit even after growing the map");
}

Status ReadEditRules(const Store::Impl& impl, MDB_txn* txn, std::map<EntityId, EntityEdit>* rules) {
  rules->clear();
  Cursor cursor;
  int rc = cursor.Open(txn, impl.meta);
  if (rc != 0) return LmdbError(impl.dir, "open cursor", rc);
  ValueReader reader;
  MDB_val k = ToVal(kEditRulePrefix), v;
  for (rc = mdb_cursor_get(cursor.get(), &k, &v, MDB_SET_RANGE); rc == 0;
       rc = mdb_cursor_get(cursor.get(), &k, &v, MDB_NEXT)) {
    std::string_view key = FromVal(k);
    if (!key.starts_with(kEditRulePrefix)) break;
    uint64_t id;
    EntityEdit edit;
    if (!HexToId(key.substr(kEditRulePrefix.size()), &id) || !reader.Decode(FromVal(v), &edit))
      return CorruptRecord(impl.dir, "entity edit rule");
    (*rules)[id] = std::move(edit);
  }
  if (rc != 0 && rc != MDB_NOTFOUND) return LmdbError(impl.dir, "read edit rules", rc);
  return Status::Ok();
}

}  // namespace store_internal

namespace {

// Reads entity `id`: 0 and *e filled, MDB_NOTFOUND, another LMDB code, or
// MDB_CORRUPTED for a record that does not decode.
int ReadEntity(const Store::Impl& impl, MDB_txn* txn, EntityId id, ValueReader* reader, Entity* e) {
  char buf[8];
  PutBe64(buf, id);
  MDB_val k{8, buf}, v;
  int rc = mdb_get(txn, impl.entities, &k, &v);
  if (rc != 0) return rc;
  return reader->Decode(FromVal(v), e) ? 0 : MDB_CORRUPTED;
}

bool EntityStored(const Store::Impl& impl, MDB_txn* txn, EntityId id, int* rc) {
  char buf[8];
  PutBe64(buf, id);
  MDB_val k{8, buf}, v;
  *rc = mdb_get(txn, impl.entities, &k, &v);
  if (*rc == MDB_NOTFOUND) {
    *rc = 0;
    return false;
  }
  return *rc == 0;
}

Status PutMergeRule(const Store::Impl& impl, MDB_txn* txn, EntityId fold, EntityId keep) {
  const std::string key = std::string(kMergeRulePrefix) + IdToHex(fold);
  char buf[8];
  PutBe64(buf, keep);
  MDB_val k = ToVal(key), v{8, buf};
  int rc = mdb_put(txn, impl.meta, &k, &v, 0);
  return rc == 0 ? Status::Ok() : LmdbError(impl.dir, "write merge rule", rc);
}

// The alias-index keys of an entity's names.
std::set<std::string> NameKeys(const Entity& e, size_t max_key) {
  std::set<std::string> keys;
  auto add = [&](const std::string& name) {
    std::string key = NormalizeName(name);
    if (!key.empty() && key.size() <= max_key) keys.insert(std::move(key));
  };
  add(e.name);
  for (const std::string& alias : e.aliases) add(alias);
  return keys;
}

}  // namespace

Status Store::EditInTxn(MDB_txn* txn, EntityId id, const EntityEdit& edit, bool must_exist, bool* changed) {
  Impl& impl = *impl_;
  const std::string& dir = impl.dir;
  *changed = false;
  ValueReader reader;
  ValueWriter writer;
  Entity entity;
  int rc = ReadEntity(impl, txn, id, &reader, &entity);
  const bool stored = rc == 0;
  if (rc == MDB_NOTFOUND) {
    if (must_exist) return Status::NotFound(dir + ": no stored entity " + IdToHex(id));
  } else if (rc == MDB_CORRUPTED) {
    return CorruptRecord(dir, "entity " + IdToHex(id));
  } else if (rc != 0) {
    return LmdbError(dir, "read entity", rc);
  }

  // Names that will find the entity from now on must not be another
  // stored entity's own name: that is a merge.
  std::vector<std::string> new_names = edit.add_aliases;
  if (edit.name) new_names.push_back(*edit.name);
  for (const std::string& name : new_names) {
    const EntityId other = EntityIdFor(name);
    if (other == id) continue;
    Entity o;
    rc = ReadEntity(impl, txn, other, &reader, &o);
    if (rc == 0)
      return Status::InvalidInput("'" + name + "' is the name of another entity (" + o.name + ", " +
                                  std::string(NameOf(o.kind)) + ", id " + IdToHex(other) +
                                  "); merge the two instead");
    if (rc != MDB_NOTFOUND) return LmdbError(dir, "read entity", rc);
  }

  // The rule: this edit on top of the earlier ones.
  const std::string rule_key = std::string(kEditRulePrefix) + IdToHex(id);
  EntityEdit rule;
  {
    MDB_val k = ToVal(rule_key), v;
    rc = mdb_get(txn, impl.meta, &k, &v);
    if (rc == 0) {
      if (!reader.Decode(FromVal(v), &rule)) return CorruptRecord(dir, "entity edit rule");
    } else if (rc != MDB_NOTFOUND) {
      return LmdbError(dir, "read edit rule", rc);
    }
    CombineEdits(edit, &rule);
    k = ToVal(rule_key);
    v = ToVal(writer.Encode(rule));
    rc = mdb_put(txn, impl.meta, &k, &v, 0);
    if (rc != 0) return LmdbError(dir, "write edit rule", rc);
  }
  // Entities the extractor will name with a new name land here; a removed
  // name no longer leads here.
  for (const std::string& name : new_names) {
    const EntityId other = EntityIdFor(name);
    if (other == id) continue;
    if (Status s = PutMergeRule(impl, txn, other, id); !s.ok()) return s;
  }
  for (const std::string& name : edit.remove_aliases) {
    const std::string key = std::string(kMergeRulePrefix) + IdToHex(EntityIdFor(name));
    MDB_val k = ToVal(key), v;
    rc = mdb_get(txn, impl.meta, &k, &v);
    if (rc == 0 && v.mv_size == 8 && GetBe64(static_cast<const char*>(v.mv_data)) == id) {
      k = ToVal(key);
      rc = mdb_del(txn, impl.meta, &k, nullptr);
    }
    if (rc != 0 && rc != MDB_NOTFOUND) return LmdbError(dir, "update merge rule", rc);
  }
  if (!stored) return Status::Ok();

  const Entity before = entity;
  if (!ApplyEdit(edit, &entity)) return Status::Ok();
  *changed = true;
  const size_t max_key = static_cast<size_t>(mdb_env_get_maxkeysize(impl.env.get()));
  const std::set<std::string> old_keys = NameKeys(before, max_key), new_keys = NameKeys(entity, max_key);
  char id_buf[8];
  PutBe64(id_buf, id);
  for (const std::string& key : old_keys) {
    if (new_keys.count(key)) continue;
    MDB_val k = ToVal(key), v{8, id_buf};
    rc = mdb_del(txn, impl.aliases, &k, &v);
    if (rc != 0 && rc != MDB_NOTFOUND) return LmdbError(dir, "delete alias", rc);
  }
  for (const std::string& key : new_keys) {
    if (old_keys.count(key)) continue;
    MDB_val k = ToVal(key), v{8, id_buf};
    rc = mdb_put(txn, impl.aliases, &k, &v, MDB_NODUPDATA);
    if (rc != 0 && rc != MDB_KEYEXIST) return LmdbError(dir, "write alias", rc);
  }
  MDB_val k{8, id_buf}, v = ToVal(writer.Encode(entity));
  rc = mdb_put(txn, impl.entities, &k, &v, 0);
  return rc == 0 ? Status::Ok() : LmdbError(dir, "write entity", rc);
}

Status Store::EditEntity(EntityId id, const EntityEdit& edit) {
  return RunWriteTxn(*impl_, "entity edit", [&](MDB_txn* txn) {
    bool changed;
    return EditInTxn(txn, id, edit, /*must_exist=*/true, &changed);
  });
}

Status Store::Rules(CurationRules* rules) const {
  ReadTxn txn(*impl_);
  Status s = txn.Begin();
  if (!s.ok()) return s;
  s = ReadMergeRules(*impl_, txn.get(), &rules->merges);
  if (!s.ok()) return s;
  return ReadEditRules(*impl_, txn.get(), &rules->edits);
}

Status Store::ImportRules(const CurationRules& rules, ImportResult* result) {
  ImportResult local;
  Status s = RunWriteTxn(*impl_, "rule import", [&](MDB_txn* txn) -> Status {
    local = ImportResult{};
    for (const auto& [fold, keep] : rules.merges) {
      if (fold == keep) continue;
      int rc_fold = 0, rc_keep = 0;
      const bool has_fold = EntityStored(*impl_, txn, fold, &rc_fold);
      const bool has_keep = EntityStored(*impl_, txn, keep, &rc_keep);
      if (rc_fold != 0 || rc_keep != 0) return LmdbError(impl_->dir, "read entity", rc_fold ? rc_fold : rc_keep);
      if (has_fold && has_keep) {
        MergeResult merged;
        if (Status m = MergeInTxn(txn, keep, fold, &merged); !m.ok()) return m;
        ++local.merged;
      } else if (Status m = PutMergeRule(*impl_, txn, fold, keep); !m.ok()) {
        return m;
      }
      ++local.rules;
    }
    for (const auto& [id, edit] : rules.edits) {
      bool changed = false;
      if (Status e = EditInTxn(txn, id, edit, /*must_exist=*/false, &changed); !e.ok()) return e;
      local.edited += changed;
      ++local.rules;
    }
    return Status::Ok();
  });
  if (s.ok() && result != nullptr) *result = local;
  return s;
}

Status Store::SettleMergeRules(MDB_txn* txn, uint64_t* merged) {
  std::map<EntityId, EntityId> rules;
  if (Status s = ReadMergeRules(*impl_, txn, &rules); !s.ok()) return s;
  for (const auto& [fold, keep] : rules) {
    int rc_fold = 0, rc_keep = 0;
    const bool both = EntityStored(*impl_, txn, fold, &rc_fold) && EntityStored(*impl_, txn, keep, &rc_keep);
    if (rc_fold != 0 || rc_keep != 0) return LmdbError(impl_->dir, "read entity", rc_fold ? rc_fold : rc_keep);
    if (!both || fold == keep) continue;
    MergeResult r;
    if (Status s = MergeInTxn(txn, keep, fold, &r); !s.ok()) return s;
    ++*merged;
  }
  return Status::Ok();
}

}  // namespace geokg::graph
