// Store: the layout, opening and the schema check. The batch writer (Apply)
// is in store_write.cc, the readers in store_read.cc, the LMDB wrappers in
// store_lmdb.h.
//
// Layout (schema version 8): one LMDB environment (the store directory:
// data.mdb, lock.mdb) holding eleven named databases.
//
//   meta       := "schema_version" -> be32 version  (kStoreSchemaVersion)
//               | "doc_seq"        -> be64 the last doc_seq given out
//               | "created_by"     -> text           ("geokg 0.1.0")
//               | "upgraded_from"  -> be32 version   (only in a store
//                                     created by an older schema)
//   entities   := be64 entity_id -> cereal(Entity)
//   aliases    := NormalizeName(name) -> be64 entity_id
//                   (MDB_DUPSORT: one key, many ids; the canonical name and
//                   every alias of an entity)
//   relations  := relation_key -> be64 newest_evidence_no cereal(StoredSummary)
//                   (a RelationSummary without its key, behind the number
//                   of the relation's newest evidence)
//   evidence   := be64 evidence_no -> be64 previous_evidence_no cereal(Evidence)
//                   (previous_evidence_no: the relation's evidence before
//                   this one, 0 for its first; Evidence carries doc,
//                   sentence, begin, ...)
//   doc_meta   := be64 doc_seq -> cereal(DocMeta)
//                   (doc_seq: the document's number in the order documents
//                   were stored; schema 2-6 had "documents", keyed by doc_id)
//   doc_ids, doc_ids_new := be64 doc_id -> be64 doc_seq
//                   (the documents by id, for de-duplication and lookups,
//                   in two parts: each batch inserts into doc_ids_new,
//                   which is moved into doc_ids in one go once it holds
//                   StoreOptions::recent_doc_ids entries)
//   doc_texts  := be64 doc_seq -> be32 length, zstd frame of the text
//                   (schema 8; schemas 5-7 wrote zlib, still read; schema
//                   5-6 had "texts", keyed by doc_id)
//   entity_docs   := be64 entity_id -> be64 doc_seq be64 doc_id be32 mentions be32 date
//                   (MDB_DUPSORT | MDB_DUPFIXED: one key per entity, one
//                   24-byte duplicate per document that mentions it, in
//                   doc_seq order, so the index is keyed (entity, doc); from
//                   DocRecord::mentions; date: the document's, 0 unknown,
//                   so that listing an entity's newest documents needs no
//                   document lookups beyond the ones listed)
//   entity_counts := be64 entity_id -> be64 mentions be64 documents
//                   (per entity, the sums over its entity_docs entries;
//                   scanned beside `entities` in id order to fill
//                   Entity::mentions and Entity::documents)
//
//   relation_key := be64 source u8 type be64 target      (17 bytes)
//   evidence_no  := 1 + the largest stored evidence_no + position of the
//                   relation in its batch: increasing in ingest order, so
//                   evidence is appended (MDB_APPEND) and a document's
//                   evidence is contiguous; numbers may have gaps
//   doc_seq      := 1 + "doc_seq" + position of the document among the
//                   batch's new ones: documents, texts and each entity's
//                   mention entries are appended; a document retracted and
//                   stored again in one transaction (reextract) keeps it
//   be64, be32   := unsigned big-endian integers: byte order is numeric
//                   order, so all relations of a source are adjacent and
//                   scanned by prefix
//   u8 type      := static_cast<uint8_t>(RelationType)
//   cereal(T)    := cereal binary archive of versioned T (graph/serialize.h):
//                   u32 class version, then the fields in declaration order;
//                   strings and vectors as u64 length + elements
//
// The evidence of a relation is a chain running backwards from the summary
// through previous_evidence_no; ForEachEvidence walks it and replays it
// oldest first. A write only appends evidence and rewrites the summary it
// rewrites anyway.
//
// Why: LMDB copies (copy-on-write) and syncs every leaf page a commit
// touches, so the write cost of a batch is the number of distinct leaves it
// touches. Keys that are random with respect to ingest order (hashes) touch
// a new leaf per record once a table outgrows the batch. Evidence keyed by
// (relation, doc, sentence) did that on the largest table (bench_store, 200k
// relations, batches of 20k: 83k relations/s, 1298 store bytes per
// relation); numbered evidence with a relation -> evidence_no DUPSORT index
// (schema 1) moved it to a 25-byte index entry (134k/s, 876 bytes; at 1M
// relations 61k/s, 674 bytes, 14.2 KB written to disk per relation); the
// chain (schema 2) drops the index, leaving the summaries, entities, aliases
// and documents as the only tables with random keys (figures in
// docs/store.md). Schema 7 keys the documents and their texts by doc_seq
// for the same reason: keyed by doc id, every new document rewrote a leaf of
// each, anywhere in the file. Only the id index, 16 bytes a document, is
// left keyed by hash; its inserts go to a part that stays small (at most
// recent_doc_ids entries), so that a batch rewrites a bounded number of its
// leaves however large the store, and the big part is rewritten once per
// recent_doc_ids documents, all at once.
//
// Invariants kept by Apply (one write transaction per batch):
//   - a document's evidence and its entity_docs entries are stored in the
//     same transaction as its documents entry, so a stored document has
//     all its evidence and mentions;
//   - for every entity, entity_counts holds the number of its entity_docs
//     entries and the sum of their mentions (no entry: none);
//   - every evidence record is on exactly one relation's chain, and a
//     chain's numbers strictly decrease;
//   - for every relation, summary.TotalCount() == length of its chain;
//     counts[m] == number of its evidence records of modality m;
//   - (relation, doc, sentence, begin) identifies at most one evidence.
//
// Schema 2 (no mention index) is read and upgraded: a writable open creates
// entity_docs and entity_counts, empty, in its opening transaction and
// writes version 3 (and "upgraded_from"); a read-only open reads the store
// as it is, with no mentions. Either way the documents stored before the
// upgrade count no mentions (their text is not kept), which docs/store.md
// says.
#include "graph/store.h"

#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <system_error>

#include "graph/store_lmdb.h"

namespace geokg::graph {

using namespace store_internal;

namespace {

constexpr std::string_view kSchemaVersionKey = "schema_version";
constexpr std::string_view kCreatedByKey = "created_by";
constexpr std::string_view kCreatedBy = "geokg 0.1.0";
constexpr std::string_view kUpgradedFromKey = "upgraded_from";
// The oldest schema this build reads (and upgrades when writable).
constexpr uint32_t kOldestReadableSchema = 2;

struct NamedDb {
  const char* name;
  MDB_dbi Store::Impl::*member;
  unsigned flags;
  uint32_t since_schema;  // the schema version that added it
  uint32_t until_schema = UINT32_MAX;  // the last schema version that has it
};
constexpr NamedDb kDatabases[] = {
    {"entities", &Store::Impl::entities, 0, 1},
    {"aliases", &Store::Impl::aliases, MDB_DUPSORT, 1},
    {"relations", &Store::Impl::relations, 0, 1},
    {"evidence", &Store::Impl::evidence, 0, 1},
    {"documents", &Store::Impl::documents, 0, 1, 6},  // keyed by doc id
    {"doc_meta", &Store::Impl::documents, 0, 7},      // keyed by doc_seq
    {"doc_ids", &Store::Impl::doc_ids, 0, 7},
    {"doc_ids_new", &Store::Impl::new_doc_ids, 0, 7},
    {"entity_docs", &Store::Impl::entity_docs, MDB_DUPSORT | MDB_DUPFIXED, 3},
    {"entity_counts", &Store::Impl::entity_counts, 0, 3},
    {"texts", &Store::Impl::texts, 0, 5, 6},  // keyed by doc id
    {"doc_texts", &Store::Impl::texts, 0, 7},  // keyed by doc_seq
};

Status NotAStore(const std::string& dir, std::string_view why) {
  return Status::Storage(dir + ": not a geokg store (" + std::string(why) + ")");
}

}  // namespace

namespace store_internal {

Status LmdbError(const std::string& dir, std::string_view what, int rc) {
  // LMDB reports a write that came up short as EIO: on a disk with no room
  // left, that is a full disk, and under a file size limit (ulimit -f) the
  // limit; the message should say which.
  struct statvfs fs_stat;
  struct rlimit file_limit;
  if (rc == EIO && ::statvfs(dir.c_str(), &fs_stat) == 0 &&
      static_cast<uint64_t>(fs_stat.f_bavail) * fs_stat.f_frsize < (1u << 20)) {
    rc = ENOSPC;
  } else if (rc == EIO && ::getrlimit(RLIMIT_FSIZE, &file_limit) == 0 &&
             file_limit.rlim_cur != RLIM_INFINITY) {
    rc = EFBIG;
  }
  std::string msg = dir + ": " + std::string(what) + ": " + mdb_strerror(rc);
  if (rc == MDB_NOTFOUND) return Status::NotFound(std::move(msg));
  return Status::Storage(std::move(msg));
}

Status ReadTxn::Begin() {
  for (int attempt = 0; attempt < kMaxResizes; ++attempt) {
    lock_ = std::shared_lock<std::shared_mutex>(impl_.map_mu);
    int rc = txn_.Begin(impl_.env.get(), MDB_RDONLY);
    if (rc == 0 && impl_.empty_environment) {
      MDB_stat st;
      rc = mdb_stat(txn_.get(), impl_.meta, &st);
      if (rc == 0 && st.ms_entries != 0) {
        txn_.Abort();
        lock_.unlock();
        return Status::Storage(impl_.dir + ": the store was created after it was opened; open it again");
      }
    }
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

// Reads the schema version from an open meta database into *version: a
// Storage error for a version this build does not read (newer, or older
// than kOldestReadableSchema) or for a meta database without one.
Status CheckSchemaVersion(const std::string& dir, MDB_txn* txn, MDB_dbi meta, uint32_t* version) {
  MDB_val key = ToVal(kSchemaVersionKey), val;
  int rc = mdb_get(txn, meta, &key, &val);
  if (rc == MDB_NOTFOUND) return NotAStore(dir, "no schema version");
  if (rc != 0) return LmdbError(dir, "read schema version", rc);
  if (val.mv_size != 4) return NotAStore(dir, "malformed schema version");
  *version = GetBe32(static_cast<const char*>(val.mv_data));
  if (*version < kOldestReadableSchema || *version > kStoreSchemaVersion) {
    return Status::Storage(dir + ": store schema version " + std::to_string(*version) +
                           ", this geokg reads " + std::to_string(kStoreSchemaVersion));
  }
  return Status::Ok();
}

// Upgrades an older store in the open write transaction: the databases it
// lacks are created (by the caller's MDB_CREATE opens) and the version
// becomes kStoreSchemaVersion, "upgraded_from" the old one.
Status WriteUpgrade(const std::string& dir, MDB_txn* txn, MDB_dbi meta, uint32_t from) {
  char version[4], old_version[4];
  PutBe32(version, kStoreSchemaVersion);
  PutBe32(old_version, from);
  MDB_val k = ToVal(kSchemaVersionKey), v{4, version};
  int rc = mdb_put(txn, meta, &k, &v, 0);
  if (rc == 0) {
    k = ToVal(kUpgradedFromKey);
    v = MDB_val{4, old_version};
    rc = mdb_put(txn, meta, &k, &v, MDB_NOOVERWRITE);  // the first upgrade is the one to keep
    if (rc == MDB_KEYEXIST) rc = 0;
  }
  if (rc != 0) return LmdbError(dir, "upgrade schema version", rc);
  return Status::Ok();
}

// Opens the named databases. In a write transaction of a store without a
// meta database, creates the layout (only if the environment is empty).
Status OpenDatabases(Store::Impl* impl, MDB_txn* txn, bool writable) {
  const std::string& dir = impl->dir;
  int rc = mdb_dbi_open(txn, "meta", 0, &impl->meta);
  if (rc == MDB_NOTFOUND) {
    MDB_dbi main_db;
    MDB_stat st;
    rc = mdb_dbi_open(txn, nullptr, 0, &main_db);
    if (rc == 0) rc = mdb_stat(txn, main_db, &st);
    if (rc != 0) return LmdbError(dir, "read main database", rc);
    if (st.ms_entries != 0) return NotAStore(dir, "an LMDB environment without geokg databases");
    if (!writable) {
      // Nothing was ever committed: an empty store (see empty_environment).
      for (const NamedDb& db : kDatabases) impl->*db.member = main_db;
      impl->meta = main_db;
      impl->has_mentions = impl->has_texts = impl->docs_by_seq = impl->empty_environment = true;
      return Status::Ok();
    }
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
  uint32_t version = 0;
  Status s = CheckSchemaVersion(dir, txn, impl->meta, &version);
  if (!s.ok()) return s;
  const uint32_t stored_version = version;
  if (version < kStoreSchemaVersion && writable) {
    s = WriteUpgrade(dir, txn, impl->meta, version);
    if (!s.ok()) return s;
    version = kStoreSchemaVersion;
  }
  impl->has_mentions = version >= 3;
  impl->has_texts = version >= 5;
  impl->docs_by_seq = version >= 7;
  for (const NamedDb& db : kDatabases) {
    if (db.since_schema > version || db.until_schema < version) continue;  // read-only open of an older store
    rc = mdb_dbi_open(txn, db.name, db.flags | (writable ? MDB_CREATE : 0u), &(impl->*db.member));
    if (rc == MDB_NOTFOUND) return NotAStore(dir, std::string("no ") + db.name + " database");
    if (rc == MDB_INCOMPATIBLE) return NotAStore(dir, std::string("bad ") + db.name + " database");
    if (rc != 0) return LmdbError(dir, std::string("open ") + db.name + " database", rc);
  }
  // Schema 4 stores a symmetric relation once per unordered pair.
  if (writable && stored_version < 4) {
    s = MergeReversedSymmetric(dir, txn, impl->relations, impl->evidence);
    if (!s.ok()) return s;
  }
  // Schema 6 keeps each entity's mention entries in ingest order.
  if (writable && stored_version >= 3 && stored_version < 6) {
    s = UpgradeEntityDocs(dir, txn, impl->entity_docs, impl->meta);
    if (!s.ok()) return s;
  }
  // Schema 7 keys documents and texts by doc_seq (after the upgrade above,
  // which numbers the documents with mentions).
  if (writable && stored_version < 7) {
    s = UpgradeDocumentSeqs(*impl, txn);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace

namespace {

// LMDB maps data.mdb and trusts it to hold every page the newest meta page
// names; a shorter file (a copy cut short, a disk that filled up under an
// older geokg) would end in SIGBUS at the first read past its end.
Status CheckFileSize(const std::string& dir, MDB_env* env) {
  MDB_envinfo info;
  MDB_stat st;
  mdb_filehandle_t fd;
  int rc = mdb_env_info(env, &info);
  if (rc == 0) rc = mdb_env_stat(env, &st);
  if (rc == 0) rc = mdb_env_get_fd(env, &fd);
  if (rc != 0) return LmdbError(dir, "read environment", rc);
  struct stat file;
  if (::fstat(fd, &file) != 0) return LmdbError(dir, "stat data.mdb", errno);
  const uint64_t used = (static_cast<uint64_t>(info.me_last_pgno) + 1) * st.ms_psize;
  if (static_cast<uint64_t>(file.st_size) < used) {
    return Status::Storage(dir + ": data.mdb is truncated (" + std::to_string(file.st_size) +
                           " bytes, LMDB uses " + std::to_string(used) + ")");
  }
  return Status::Ok();
}

// Opens the environment in `dir` (which holds a data.mdb, or is a fresh
// folder to create one in) and its databases.
Status OpenEnvironment(const std::string& dir, const StoreOptions& options,
                       std::unique_ptr<Store::Impl>* out) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const bool existing = fs::exists(fs::path(dir) / "data.mdb", ec);
  auto impl = std::make_unique<Store::Impl>();
  impl->dir = dir;
  impl->options = options;
  // No MDB_WRITEMAP: with it LMDB extends data.mdb to the whole map as a
  // sparse file and writes pages through memory, so a full disk is a SIGBUS
  // inside mdb_put. Without it, commits pwrite() the dirty pages and a full
  // disk is ENOSPC from the commit, with the previous commit intact.
  unsigned flags = MDB_NOTLS | (options.read_only ? MDB_RDONLY : 0u);
  int rc = 0;
  for (int attempt = 0; attempt < 2; ++attempt) {
    rc = impl->env.Create();
    if (rc != 0) return LmdbError(dir, "create environment", rc);
    MDB_env* env = impl->env.get();
    mdb_env_set_maxdbs(env, 16);
    if (!existing) mdb_env_set_mapsize(env, options.initial_map_size);
    rc = mdb_env_open(env, dir.c_str(), flags, 0644);
    // A store we may read but not write (a read-only copy, another user's
    // folder): LMDB cannot open lock.mdb for writing. Read it without the
    // lock file; no writer may write meanwhile (docs/store.md).
    if (rc == EACCES && options.read_only && !impl->no_lock) {
      impl->env.Close();
      impl->no_lock = true;
      flags |= MDB_NOLOCK;
      continue;
    }
    break;
  }
  if (rc == MDB_INVALID) return NotAStore(dir, "data.mdb is not an LMDB file");
  if (rc == MDB_VERSION_MISMATCH) return NotAStore(dir, "data.mdb is of another LMDB version");
  if (rc != 0) return LmdbError(dir, "open environment", rc);
  MDB_env* env = impl->env.get();
  if (existing) {
    Status s = CheckFileSize(dir, env);
    if (!s.ok()) return s;
  }
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

  // An upgrade of an older store runs in this transaction and may copy
  // tables (schema 7's documents and texts): when it does not fit, the map
  // is doubled and the opening run again, as Apply does for a batch.
  for (int attempt = 0; attempt < kMaxResizes; ++attempt) {
    Txn txn;
    rc = txn.Begin(env, options.read_only ? MDB_RDONLY : 0u);
    if (rc != 0) return LmdbError(dir, "begin transaction", rc);
    Status s = OpenDatabases(impl.get(), txn.get(), !options.read_only);
    if (s.ok()) {
      rc = txn.Commit();  // also for the read-only one: keeps the database handles
      if (rc != 0) s = LmdbError(dir, "commit", rc);
    }
    if (s.ok()) {
      *out = std::move(impl);
      return Status::Ok();
    }
    if (rc != MDB_MAP_FULL && s.message().find("MDB_MAP_FULL") == std::string::npos) return s;
    txn.Abort();
    MDB_envinfo info;
    mdb_env_info(env, &info);
    if ((rc = mdb_env_set_mapsize(env, info.me_mapsize * 2)) != 0) return LmdbError(dir, "resize map", rc);
  }
  return Status::Storage(dir + ": the store's upgrade does not fit even after growing the map");
}

// Creates a store with its layout committed in `tmp` (a new folder).
Status CreateIn(const std::string& tmp, const StoreOptions& options) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::remove_all(tmp, ec);
  fs::create_directories(tmp, ec);
  if (ec) return Status::Storage(tmp + ": cannot create directory: " + ec.message());
  std::unique_ptr<Store::Impl> fresh;
  Status s = OpenEnvironment(tmp, options, &fresh);
  if (!s.ok()) fs::remove_all(tmp, ec);
  return s;
}

constexpr std::string_view kCreatingInfix = ".creating.";

}  // namespace

Status Store::Open(const std::string& dir, const StoreOptions& options,
                   std::unique_ptr<Store>* out) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const bool may_create = options.create_if_missing && !options.read_only;
  fs::file_status st = fs::status(dir, ec);
  if (!fs::exists(st)) {
    if (!may_create) return Status::NotFound("no store at " + dir);
    // A new store is made under a temporary name and moved into place once
    // its layout is committed: a process killed while creating it leaves no
    // store (or a leftover "DIR.creating.PID" folder), never one that
    // cannot be opened.
    fs::path target = fs::path(dir);
    if (!target.has_filename()) target = target.parent_path();
    const std::string tmp = target.string() + std::string(kCreatingInfix) + std::to_string(::getpid());
    Status s = CreateIn(tmp, options);
    if (!s.ok()) return Status::Storage(dir + ": cannot create store: " + s.message());
    fs::rename(tmp, target, ec);
    if (ec) {
      std::error_code ignored;
      fs::remove_all(tmp, ignored);
      return Status::Storage(dir + ": cannot create store: " + ec.message());
    }
  } else if (!fs::is_directory(st)) {
    return Status::Storage(dir + ": not a directory");
  }
  const fs::path data_file = fs::path(dir) / "data.mdb";
  if (!fs::exists(data_file, ec)) {
    bool has_other_files = false;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      const std::string name = entry.path().filename().string();
      if (name != "lock.mdb" && name.rfind(std::string(kCreatingInfix), 0) != 0) has_other_files = true;
    }
    if (ec) return Status::Storage(dir + ": cannot read directory: " + ec.message());
    if (has_other_files) return NotAStore(dir, "the directory holds other files and no data.mdb");
    if (!may_create) return Status::NotFound("no store at " + dir);
    // An existing empty folder (perhaps a mount point): the store is made in
    // a folder inside it, and its data.mdb linked into place once the layout
    // is committed (link, unlike rename, never replaces a data.mdb another
    // process made meanwhile).
    const std::string tmp =
        (fs::path(dir) / (std::string(kCreatingInfix) + std::to_string(::getpid()))).string();
    Status s = CreateIn(tmp, options);
    if (!s.ok()) return Status::Storage(dir + ": cannot create store: " + s.message());
    const int rc = ::link((fs::path(tmp) / "data.mdb").c_str(), data_file.c_str()) == 0 ? 0 : errno;
    fs::remove_all(tmp, ec);
    if (rc != 0 && rc != EEXIST) return LmdbError(dir, "cannot create store", rc);
  }

  std::unique_ptr<Impl> impl;
  Status s = OpenEnvironment(dir, options, &impl);
  if (!s.ok()) return s;
  out->reset(new Store(std::move(impl)));
  return Status::Ok();
}

}  // namespace geokg::graph
