// Store: opening, schema check and the batch writer. Readers are in
// store_read.cc, the LMDB wrappers in store_lmdb.h.
//
// Layout: one LMDB environment (the store directory: data.mdb, lock.mdb)
// holding six named databases.
//
//   meta      := "schema_version" -> be32 version        (kStoreSchemaVersion)
//              | "created_by"     -> text                 ("geokg 0.1.0")
//   entities  := be64 entity_id -> cereal(Entity)
//   aliases   := NormalizeName(name) -> be64 entity_id    (MDB_DUPSORT: one key,
//                                                          many ids; canonical
//                                                          names and aliases)
//   relations := relation_key -> cereal(RelationSummary)
//   evidence  := relation_key be64 doc_id be32 sentence be32 begin
//                   -> cereal(Evidence)
//   documents := be64 doc_id -> cereal(DocMeta)
//
//   relation_key := be64 source u8 type be64 target       (17 bytes)
//   be64, be32   := unsigned big-endian integers: byte order is numeric order,
//                   so all relations of a source, and all evidence of a
//                   relation, are adjacent and scanned by prefix
//   u8 type      := static_cast<uint8_t>(RelationType)
//   cereal(T)    := cereal binary archive of versioned T (graph/serialize.h):
//                   u32 class version, then the fields in declaration order;
//                   strings and vectors as u64 length + elements
//
// Invariants kept by Apply (one write transaction per batch):
//   - a document's evidence is stored in the same transaction as its
//     documents entry, so a stored document has all its evidence;
//   - for every relation, summary.TotalCount() == number of its evidence
//     records; counts[m] == number of its evidence records of modality m;
//   - every entity named by a relation key is in entities.
#include "graph/store.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <unordered_map>
#include <unordered_set>

#include "graph/ids.h"
#include "graph/serialize.h"
#include "graph/store_lmdb.h"

namespace geokg::graph {

using namespace store_internal;

namespace {

constexpr std::string_view kSchemaVersionKey = "schema_version";
constexpr std::string_view kCreatedByKey = "created_by";
constexpr std::string_view kCreatedBy = "geokg 0.1.0";
constexpr int kMaxResizes = 40;

struct NamedDb {
  const char* name;
  MDB_dbi Store::Impl::*member;
  unsigned flags;
};
constexpr NamedDb kDatabases[] = {
    {"entities", &Store::Impl::entities, 0},
    {"aliases", &Store::Impl::aliases, MDB_DUPSORT},
    {"relations", &Store::Impl::relations, 0},
    {"evidence", &Store::Impl::evidence, 0},
    {"documents", &Store::Impl::documents, 0},
};

Status NotAStore(const std::string& dir, std::string_view why) {
  return Status::Storage(dir + ": not a geokg store (" + std::string(why) + ")");
}

}  // namespace

namespace store_internal {

Status LmdbError(const std::string& dir, std::string_view what, int rc) {
  std::string msg = dir + ": " + std::string(what) + ": " + mdb_strerror(rc);
  if (rc == MDB_NOTFOUND) return Status::NotFound(std::move(msg));
  return Status::Storage(std::move(msg));
}

Status ReadTxn::Begin() {
  for (int attempt = 0; attempt < kMaxResizes; ++attempt) {
    lock_ = std::shared_lock<std::shared_mutex>(impl_.map_mu);
    int rc = txn_.Begin(impl_.env.get(), MDB_RDONLY);
    if (rc == 0) return Status::Ok();
    lock_.unlock();
    if (rc != MDB_MAP_RESIZED) return LmdbError(impl_.dir, "begin read transaction", rc);
    Status s = impl_.ResizeMap(0);
    if (!s.ok()) return s;
  }
  return Status::Storage(impl_.dir + ": begin read transaction: map keeps being resized");
}

}  // namespace store_internal

Status Store::Impl::ResizeMap(size_t new_size) const {
  std::unique_lock<std::shared_mutex> lock(map_mu);
  int rc = mdb_env_set_mapsize(env.get(), new_size);
  if (rc != 0) return LmdbError(dir, "resize map", rc);
  return Status::Ok();
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;

const std::string& Store::dir() const { return impl_->dir; }

namespace {

// Checks the schema version in an open meta database. NotFound if the meta
// database has no version (not a store of ours).
Status CheckSchemaVersion(const std::string& dir, MDB_txn* txn, MDB_dbi meta) {
  MDB_val key = ToVal(kSchemaVersionKey), val;
  int rc = mdb_get(txn, meta, &key, &val);
  if (rc == MDB_NOTFOUND) return NotAStore(dir, "no schema version");
  if (rc != 0) return LmdbError(dir, "read schema version", rc);
  if (val.mv_size != 4) return NotAStore(dir, "malformed schema version");
  uint32_t version = GetBe32(static_cast<const char*>(val.mv_data));
  if (version != kStoreSchemaVersion) {
    return Status::Storage(dir + ": store schema version " + std::to_string(version) +
                           ", this geokg reads " + std::to_string(kStoreSchemaVersion));
  }
  return Status::Ok();
}

// Opens the named databases. In a write transaction of a store without a
// meta database, creates the layout (only if the environment is empty).
Status OpenDatabases(Store::Impl* impl, MDB_txn* txn, bool writable) {
  const std::string& dir = impl->dir;
  int rc = mdb_dbi_open(txn, "meta", 0, &impl->meta);
  if (rc == MDB_NOTFOUND) {
    if (!writable) return NotAStore(dir, "no meta database");
    MDB_dbi main_db;
    MDB_stat st;
    rc = mdb_dbi_open(txn, nullptr, 0, &main_db);
    if (rc == 0) rc = mdb_stat(txn, main_db, &st);
    if (rc != 0) return LmdbError(dir, "read main database", rc);
    if (st.ms_entries != 0) return NotAStore(dir, "an LMDB environment without geokg databases");
    rc = mdb_dbi_open(txn, "meta", MDB_CREATE, &impl->meta);
    if (rc != 0) return LmdbError(dir, "create meta database", rc);
    char version[4];
    PutBe32(version, kStoreSchemaVersion);
    MDB_val k = ToVal(kSchemaVersionKey), v{4, version};
    rc = mdb_put(txn, impl->meta, &k, &v, 0);
    if (rc == 0) {
      k = ToVal(kCreatedByKey);
      v = ToVal(kCreatedBy);
      rc = mdb_put(txn, impl->meta, &k, &v, 0);
    }
    if (rc != 0) return LmdbError(dir, "write meta database", rc);
  } else if (rc == MDB_INCOMPATIBLE) {
    return NotAStore(dir, "'meta' is not a geokg database");
  } else if (rc != 0) {
    return LmdbError(dir, "open meta database", rc);
  }
  Status s = CheckSchemaVersion(dir, txn, impl->meta);
  if (!s.ok()) return s;
  for (const NamedDb& db : kDatabases) {
    rc = mdb_dbi_open(txn, db.name, db.flags | (writable ? MDB_CREATE : 0u), &(impl->*db.member));
    if (rc == MDB_NOTFOUND) return NotAStore(dir, std::string("no ") + db.name + " database");
    if (rc == MDB_INCOMPATIBLE) return NotAStore(dir, std::string("bad ") + db.name + " database");
    if (rc != 0) return LmdbError(dir, std::string("open ") + db.name + " database", rc);
  }
  return Status::Ok();
}

}  // namespace

Status Store::Open(const std::string& dir, const StoreOptions& options,
                   std::unique_ptr<Store>* out) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const bool may_create = options.create_if_missing && !options.read_only;
  fs::file_status st = fs::status(dir, ec);
  if (!fs::exists(st)) {
    if (!may_create) return Status::NotFound("no store at " + dir);
    fs::create_directories(dir, ec);
    if (ec) return Status::Storage(dir + ": cannot create directory: " + ec.message());
  } else if (!fs::is_directory(st)) {
    return Status::Storage(dir + ": not a directory");
  }
  const fs::path data_file = fs::path(dir) / "data.mdb";
  const bool existing = fs::exists(data_file, ec);
  if (!existing) {
    bool has_other_files = false;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      if (entry.path().filename() != "lock.mdb") has_other_files = true;
    }
    if (ec) return Status::Storage(dir + ": cannot read directory: " + ec.message());
    if (has_other_files) return NotAStore(dir, "the directory holds other files and no data.mdb");
    if (!may_create) return Status::NotFound("no store at " + dir);
  }

  auto impl = std::make_unique<Impl>();
  impl->dir = dir;
  impl->options = options;
  int rc = impl->env.Create();
  if (rc != 0) return LmdbError(dir, "create environment", rc);
  MDB_env* env = impl->env.get();
  mdb_env_set_maxdbs(env, 8);
  if (!existing) mdb_env_set_mapsize(env, options.initial_map_size);
  unsigned flags = MDB_NOTLS | (options.read_only ? MDB_RDONLY : 0u);
  rc = mdb_env_open(env, dir.c_str(), flags, 0644);
  if (rc == MDB_INVALID) return NotAStore(dir, "data.mdb is not an LMDB file");
  if (rc == MDB_VERSION_MISMATCH) return NotAStore(dir, "data.mdb is of another LMDB version");
  if (rc != 0) return LmdbError(dir, "open environment", rc);
  if (existing && !options.read_only) {
    // Keep the map size recorded in the file, and at least the requested one.
    rc = mdb_env_set_mapsize(env, 0);
    MDB_envinfo info;
    if (rc == 0) rc = mdb_env_info(env, &info);
    if (rc == 0 && info.me_mapsize < options.initial_map_size) {
      rc = mdb_env_set_mapsize(env, options.initial_map_size);
    }
    if (rc != 0) return LmdbError(dir, "set map size", rc);
  }

  Txn txn;
  rc = txn.Begin(env, options.read_only ? MDB_RDONLY : 0u);
  if (rc != 0) return LmdbError(dir, "begin transaction", rc);
  Status s = OpenDatabases(impl.get(), txn.get(), !options.read_only);
  if (!s.ok()) return s;
  rc = txn.Commit();  // also for the read-only one: keeps the database handles
  if (rc != 0) return LmdbError(dir, "commit", rc);
  out->reset(new Store(std::move(impl)));
  return Status::Ok();
}

// ---------------------------------------------------------------- Apply

namespace {

// One relation of the batch, in evidence key order.
struct PendingEvidence {
  RelationKey key;
  DocId doc;
  uint32_t sentence, begin;
  uint32_t order;  // position in the batch: the first of equal keys wins
  Date doc_date;
  const Evidence* evidence;

  bool operator<(const PendingEvidence& o) const {
    if (key != o.key) return key < o.key;
    if (doc != o.doc) return doc < o.doc;
    if (sentence != o.sentence) return sentence < o.sentence;
    if (begin != o.begin) return begin < o.begin;
    return order < o.order;
  }
  bool SameRecord(const PendingEvidence& o) const {
    return key == o.key && doc == o.doc && sentence == o.sentence && begin == o.begin;
  }
};

// Folds one evidence record into a summary.
void Accumulate(const Evidence& ev, RelationSummary* s) {
  int m = static_cast<int>(ev.modality);
  if (m >= 0 && m < kModalityCount) ++s->counts[m];
  if (ev.date != 0) {
    if (s->first_date == 0 || ev.date < s->first_date) s->first_date = ev.date;
    if (ev.date > s->last_date) s->last_date = ev.date;
  }
  s->confidence = std::max(s->confidence, ev.confidence);
}

// Folds the summary of new evidence `add` into the stored one `into`;
// `add` is later in ingest order.
void MergeSummary(const RelationSummary& add, RelationSummary* into) {
  for (int m = 0; m < kModalityCount; ++m) into->counts[m] += add.counts[m];
  if (add.first_date != 0 && (into->first_date == 0 || add.first_date < into->first_date)) {
    into->first_date = add.first_date;
  }
  into->last_date = std::max(into->last_date, add.last_date);
  into->confidence = std::max(into->confidence, add.confidence);
  if (!add.role.empty()) into->role = add.role;
}

// Merges `add` into `into` (first writer wins; empty fields are filled;
// aliases united in first-seen order). Returns true if `into` changed.
bool MergeEntity(const Entity& add, Entity* into) {
  bool changed = false;
  if (into->name.empty() && !add.name.empty()) {
    into->name = add.name;
    changed = true;
  }
  if (into->country.empty() && !add.country.empty()) {
    into->country = add.country;
    changed = true;
  }
  for (const std::string& alias : add.aliases) {
    if (std::find(into->aliases.begin(), into->aliases.end(), alias) == into->aliases.end()) {
      into->aliases.push_back(alias);
      changed = true;
    }
  }
  return changed;
}

// The write of one batch; the caller owns the transaction and retries the
// whole batch on MDB_MAP_FULL (reported through *map_full).
class BatchWriter {
 public:
  BatchWriter(const Store::Impl& impl, MDB_txn* txn, bool* map_full)
      : impl_(impl), txn_(txn), map_full_(map_full) {}

  Status Write(const std::vector<DocRecord>& batch, ApplyResult* result);

 private:
  Status Check(int rc, std::string_view what) {
    if (rc == MDB_MAP_FULL) *map_full_ = true;
    return LmdbError(impl_.dir, what, rc);
  }
  Status WriteEntities(const std::vector<const DocRecord*>& docs, ApplyResult* result);
  Status WriteAliases(const Entity& entity, size_t first_new_alias, bool with_name);
  Status WriteRelations(const std::vector<const DocRecord*>& docs, ApplyResult* result);

  const Store::Impl& impl_;
  MDB_txn* txn_;
  bool* map_full_;
  ValueWriter writer_;
  ValueReader reader_;
};

Status BatchWriter::Write(const std::vector<DocRecord>& batch, ApplyResult* result) {
  // Documents new to the store, first occurrence in the batch only.
  std::vector<const DocRecord*> docs;
  docs.reserve(batch.size());
  std::unordered_set<DocId> seen;
  char key_buf[8];
  for (const DocRecord& rec : batch) {
    if (!seen.insert(rec.meta.id).second) {
      ++result->documents_skipped;
      continue;
    }
    PutBe64(key_buf, rec.meta.id);
    MDB_val k{8, key_buf}, v;
    int rc = mdb_get(txn_, impl_.documents, &k, &v);
    if (rc == 0) {
      ++result->documents_skipped;
      continue;
    }
    if (rc != MDB_NOTFOUND) return Check(rc, "read documents");
    docs.push_back(&rec);
  }
  for (const DocRecord* rec : docs) {
    PutBe64(key_buf, rec->meta.id);
    MDB_val k{8, key_buf};
    MDB_val v = ToVal(writer_.Encode(rec->meta));
    int rc = mdb_put(txn_, impl_.documents, &k, &v, MDB_NOOVERWRITE);
    if (rc != 0) return Check(rc, "write documents");
    ++result->documents_added;
  }
  Status s = WriteEntities(docs, result);
  if (!s.ok()) return s;
  return WriteRelations(docs, result);
}

Status BatchWriter::WriteEntities(const std::vector<const DocRecord*>& docs,
                                  ApplyResult* result) {
  // Merge within the batch first, so each entity is read and written once.
  std::unordered_map<EntityId, Entity> merged;
  std::vector<EntityId> order;
  for (const DocRecord* rec : docs) {
    for (const Entity& e : rec->entities) {
      auto [it, inserted] = merged.try_emplace(e.id);
      if (inserted) {
        it->second = e;
        order.push_back(e.id);
      } else {
        MergeEntity(e, &it->second);
      }
    }
  }
  std::sort(order.begin(), order.end());
  Entity stored;
  char key_buf[8];
  for (EntityId id : order) {
    const Entity& add = merged[id];
    PutBe64(key_buf, id);
    MDB_val k{8, key_buf}, v;
    int rc = mdb_get(txn_, impl_.entities, &k, &v);
    size_t first_new_alias = 0;
    bool with_name = false;
    const Entity* to_write = &add;
    if (rc == MDB_NOTFOUND) {
      ++result->entities_added;
      with_name = true;
    } else if (rc != 0) {
      return Check(rc, "read entities");
    } else {
      if (!reader_.Decode(FromVal(v), &stored)) {
        return Status::Storage(impl_.dir + ": corrupt entity " + IdToHex(id));
      }
      bool had_name = !stored.name.empty();
      first_new_alias = stored.aliases.size();
      if (!MergeEntity(add, &stored)) continue;
      with_name = !had_name && !stored.name.empty();
      to_write = &stored;
    }
    v = ToVal(writer_.Encode(*to_write));
    rc = mdb_put(txn_, impl_.entities, &k, &v, 0);
    if (rc != 0) return Check(rc, "write entities");
    Status s = WriteAliases(*to_write, first_new_alias, with_name);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

Status BatchWriter::WriteAliases(const Entity& entity, size_t first_new_alias, bool with_name) {
  char id_buf[8];
  PutBe64(id_buf, entity.id);
  const size_t max_key = static_cast<size_t>(mdb_env_get_maxkeysize(impl_.env.get()));
  auto put = [&](std::string_view name) -> Status {
    std::string key = NormalizeName(name);
    if (key.empty() || key.size() > max_key) return Status::Ok();  // not indexable
    MDB_val k = ToVal(key), v{8, id_buf};
    int rc = mdb_put(txn_, impl_.aliases, &k, &v, MDB_NODUPDATA);
    if (rc != 0 && rc != MDB_KEYEXIST) return Check(rc, "write aliases");
    return Status::Ok();
  };
  if (with_name) {
    Status s = put(entity.name);
    if (!s.ok()) return s;
  }
  for (size_t i = first_new_alias; i < entity.aliases.size(); ++i) {
    Status s = put(entity.aliases[i]);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

Status BatchWriter::WriteRelations(const std::vector<const DocRecord*>& docs,
                                   ApplyResult* result) {
  std::vector<PendingEvidence> pending;
  size_t total = 0;
  for (const DocRecord* rec : docs) total += rec->relations.size();
  pending.reserve(total);
  uint32_t order = 0;
  for (const DocRecord* rec : docs) {
    for (const ExtractedRelation& r : rec->relations) {
      pending.push_back({r.key, rec->meta.id, r.evidence.sentence, r.evidence.begin, order++,
                         rec->meta.date, &r.evidence});
    }
  }
  std::sort(pending.begin(), pending.end());

  char ev_key[kEvidenceKeySize];
  char rel_key[kRelationKeySize];
  Evidence ev_copy;
  RelationSummary added, stored;
  size_t i = 0;
  while (i < pending.size()) {
    // One relation key: put its new evidence, then merge its summary.
    const RelationKey key = pending[i].key;
    added = RelationSummary{};
    added.key = key;
    uint32_t role_order = 0;
    bool any = false;
    for (; i < pending.size() && pending[i].key == key; ++i) {
      const PendingEvidence& p = pending[i];
      if (i > 0 && p.SameRecord(pending[i - 1])) continue;  // duplicate in the batch
      EncodeEvidenceKey(key, p.doc, p.sentence, p.begin, ev_key);
      // The evidence belongs to the document that carries it, and carries
      // that document's date unless it has its own.
      const Evidence* ev = p.evidence;
      if (ev->doc != p.doc || (ev->date == 0 && p.doc_date != 0)) {
        ev_copy = *ev;
        ev_copy.doc = p.doc;
        if (ev_copy.date == 0) ev_copy.date = p.doc_date;
        ev = &ev_copy;
      }
      MDB_val k{kEvidenceKeySize, ev_key};
      MDB_val v = ToVal(writer_.Encode(*ev));
      int rc = mdb_put(txn_, impl_.evidence, &k, &v, MDB_NOOVERWRITE);
      if (rc == MDB_KEYEXIST) continue;  // cannot happen for new documents
      if (rc != 0) return Check(rc, "write evidence");
      ++result->evidence_added;
      any = true;
      Accumulate(*ev, &added);
      if (!ev->role.empty() && p.order >= role_order) {
        added.role = ev->role;
        role_order = p.order;
      }
    }
    if (!any) continue;
    EncodeRelationKey(key, rel_key);
    MDB_val k{kRelationKeySize, rel_key}, v;
    int rc = mdb_get(txn_, impl_.relations, &k, &v);
    const RelationSummary* to_write = &added;
    if (rc == 0) {
      if (!reader_.Decode(FromVal(v), &stored)) {
        return Status::Storage(impl_.dir + ": corrupt relation summary");
      }
      MergeSummary(added, &stored);
      to_write = &stored;
    } else if (rc != MDB_NOTFOUND) {
      return Check(rc, "read relations");
    }
    v = ToVal(writer_.Encode(*to_write));
    rc = mdb_put(txn_, impl_.relations, &k, &v, 0);
    if (rc != 0) return Check(rc, "write relations");
  }
  return Status::Ok();
}

}  // namespace

Status Store::Apply(const std::vector<DocRecord>& batch, ApplyResult* result) {
  Impl& impl = *impl_;
  if (impl.options.read_only) return Status::Storage(impl.dir + ": store is open read-only");
  std::lock_guard<std::mutex> write_lock(impl.write_mu);
  ApplyResult local;
  for (int attempt = 0; attempt < kMaxResizes; ++attempt) {
    local = ApplyResult{};
    bool map_full = false;
    bool map_resized = false;
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
        BatchWriter writer(impl, txn.get(), &map_full);
        s = writer.Write(batch, &local);
        if (s.ok() && impl.options.before_commit_for_testing) impl.options.before_commit_for_testing();
        if (s.ok()) {
          rc = txn.Commit();
          if (rc == MDB_MAP_FULL) map_full = true;
          if (rc != 0) s = LmdbError(impl.dir, "commit", rc);
        }
      }
    }  // the transaction is aborted (if not committed) and map_mu released here
    if (map_resized) {
      s = impl.ResizeMap(0);
      if (!s.ok()) return s;
      continue;
    }
    if (map_full) {
      MDB_envinfo info;
      mdb_env_info(impl.env.get(), &info);
      s = impl.ResizeMap(info.me_mapsize * 2);
      if (!s.ok()) return s;
      continue;
    }
    if (!s.ok()) return s;
    if (result != nullptr) *result = local;
    return Status::Ok();
  }
  return Status::Storage(impl.dir + ": batch does not fit even after growing the map");
}

}  // namespace geokg::graph
