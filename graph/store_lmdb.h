// Internal to geokg_store: RAII wrappers over LMDB handles, the one place
// where LMDB return codes become Status values, and the big-endian key codec.
// Not a public header: only graph/store*.cc include it.
#pragma once

#include <lmdb.h>

#include <cstdint>
#include <cstring>
#include <functional>
#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "graph/curation.h"
#include "graph/model.h"
#include "graph/status.h"
#include "graph/store.h"

namespace geokg::graph {
class ValueReader;  // graph/serialize.h
}

namespace geokg::graph::store_internal {

// How often a transaction is retried after growing or re-reading the map.
inline constexpr int kMaxResizes = 40;

// The one translation of an LMDB (or errno) return code into a Status:
// "DIR: WHAT: reason". MDB_NOTFOUND becomes NotFound, everything else Storage.
Status LmdbError(const std::string& dir, std::string_view what, int rc);

// Folds every symmetric relation stored target-first (before schema 4) into
// its canonical key (graph::CanonicalKey): counts and dates merged, the two
// evidence chains relinked into one, newest first. In the caller's write
// transaction (store_write.cc).
Status MergeReversedSymmetric(const std::string& dir, MDB_txn* txn, MDB_dbi relations, MDB_dbi evidence);

// Moves relation `from` to key `to`, merging it into a relation already
// there (summaries merged, evidence chains relinked newest first); when
// `to` relates an entity to itself, deletes `from` and its evidence.
Status FoldRelation(const std::string& dir, MDB_txn* txn, MDB_dbi relations, MDB_dbi evidence,
                    const RelationKey& from, const RelationKey& to);

// Rewrites a schema 3-5 mention index (16-byte duplicates sorted by doc
// id) in the schema-6 layout: every document gets a sequence number (in
// doc id order, the order of the old lists) and "doc_seq" the last one. In
// the caller's write transaction (store_write.cc).
Status UpgradeEntityDocs(const std::string& dir, MDB_txn* txn, MDB_dbi entity_docs, MDB_dbi meta);

// Schema 7 keys documents and texts by doc_seq: every document gets a
// number (the one its mention entries carry; documents without any get new
// numbers after "doc_seq", in doc id order), doc_ids maps ids to numbers,
// and the records of the id-keyed "documents" and "texts" tables (schema
// 2-6; "texts" from 5) are appended in number order to `impl`'s documents
// ("doc_meta") and texts ("doc_texts"); the old tables are deleted. In the
// caller's write transaction, after the schema-6 upgrade (store_write.cc).
Status UpgradeDocumentSeqs(const Store::Impl& impl, MDB_txn* txn);

// A document's text as the texts table holds it: be32 length, then a zstd
// frame (schema 8) or a zlib stream (schemas 5-7, still read).
void CompressText(std::string_view text, std::string* out);
bool DecompressText(std::string_view stored, std::string* out);

inline MDB_val ToVal(std::string_view s) { return MDB_val{s.size(), const_cast<char*>(s.data())}; }
inline std::string_view FromVal(const MDB_val& v) {
  return std::string_view(static_cast<const char*>(v.mv_data), v.mv_size);
}

// ---- big-endian key codec ----

inline void PutBe64(char* p, uint64_t v) {
  for (int i = 7; i >= 0; --i) {
    p[i] = static_cast<char>(v & 0xff);
    v >>= 8;
  }
}
inline void PutBe32(char* p, uint32_t v) {
  for (int i = 3; i >= 0; --i) {
    p[i] = static_cast<char>(v & 0xff);
    v >>= 8;
  }
}
inline uint64_t GetBe64(const char* p) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | static_cast<unsigned char>(p[i]);
  return v;
}
inline uint32_t GetBe32(const char* p) {
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(p[i]);
  return v;
}

inline constexpr size_t kRelationKeySize = 17;  // be64 u8 be64
inline constexpr size_t kEvidenceNoSize = 8;    // be64

inline void EncodeRelationKey(const RelationKey& k, char* p) {
  PutBe64(p, k.source);
  p[8] = static_cast<char>(static_cast<uint8_t>(k.type));
  PutBe64(p + 9, k.target);
}
// Storage "DIR: corrupt record (WHAT)": how every reader of the store
// reports a record it cannot decode (WHAT names the table and the reason).
inline Status CorruptRecord(const std::string& dir, std::string_view what) {
  return Status::Storage(dir + ": corrupt record (" + std::string(what) + ")");
}

// Decodes a relations key; a corrupt record when it is not 17 bytes or its
// type byte is not a relation type of this build.
inline Status DecodeRelationKey(const std::string& dir, std::string_view key, RelationKey* k) {
  if (key.size() != kRelationKeySize)
    return CorruptRecord(dir, "relations: a key of " + std::to_string(key.size()) + " bytes");
  const uint8_t type = static_cast<uint8_t>(key[8]);
  if (type >= kRelationTypeCount)
    return CorruptRecord(dir, "relations: relation type " + std::to_string(type) + " out of range");
  k->source = GetBe64(key.data());
  k->type = static_cast<RelationType>(type);
  k->target = GetBe64(key.data() + 9);
  return Status::Ok();
}
// An entity_docs duplicate (schema 6): be64 doc_seq be64 doc_id be32 mentions
// be32 date. doc_seq numbers documents in the order they were stored, so an
// entity's duplicates sort in ingest order and a batch appends to the end of
// each entity's list instead of touching its pages all over (see store.cc).
// Schema 3-5 stores (read-only until upgraded) have 16-byte duplicates
// without the sequence number.
inline constexpr size_t kEntityDocValueSize = 24;
inline constexpr size_t kEntityDocValueSizeV5 = 16;  // be64 doc_id be32 mentions be32 date

struct EntityDocEntry {
  uint64_t seq = 0;  // 0 in a schema-5 entry
  DocId doc = 0;
  uint32_t mentions = 0;
  Date date = 0;
};

// Reads a duplicate of either layout; false for any other size.
inline bool DecodeEntityDoc(const MDB_val& v, EntityDocEntry* e) {
  const char* p = static_cast<const char*>(v.mv_data);
  if (v.mv_size == kEntityDocValueSize) {
    e->seq = GetBe64(p);
    p += 8;
  } else if (v.mv_size == kEntityDocValueSizeV5) {
    e->seq = 0;
  } else {
    return false;
  }
  e->doc = GetBe64(p);
  e->mentions = GetBe32(p + 8);
  e->date = GetBe32(p + 12);
  return true;
}

inline void EncodeEntityDoc(const EntityDocEntry& e, char out[kEntityDocValueSize]) {
  PutBe64(out, e.seq);
  PutBe64(out + 8, e.doc);
  PutBe32(out + 16, e.mentions);
  PutBe32(out + 20, e.date);
}

// The meta key holding the last doc_seq given out (be64).
inline constexpr std::string_view kDocSeqKey = "doc_seq";

// Schema 7 keys documents and their texts by doc_seq (be64), so that a
// batch appends them (see store.cc); doc_ids maps a doc id to it.
inline constexpr size_t kDocSeqSize = 8;
inline constexpr size_t kEntityCountsSize = 16;    // be64 mentions be64 documents

// ---- RAII handles ----

// A transaction; aborted by the destructor unless committed.
class Txn {
 public:
  Txn() = default;
  ~Txn() { Abort(); }
  Txn(const Txn&) = delete;
  Txn& operator=(const Txn&) = delete;

  // Returns the raw LMDB code (0 on success) so that callers can react to
  // MDB_MAP_RESIZED.
  int Begin(MDB_env* env, unsigned flags) { return mdb_txn_begin(env, nullptr, flags, &txn_); }
  int Commit() {
    int rc = mdb_txn_commit(txn_);
    txn_ = nullptr;  // freed by LMDB whether or not the commit succeeded
    return rc;
  }
  void Abort() {
    if (txn_ != nullptr) mdb_txn_abort(txn_);
    txn_ = nullptr;
  }
  MDB_txn* get() const { return txn_; }

 private:
  MDB_txn* txn_ = nullptr;
};

class Cursor {
 public:
  Cursor() = default;
  ~Cursor() {
    if (cursor_ != nullptr) mdb_cursor_close(cursor_);
  }
  Cursor(const Cursor&) = delete;
  Cursor& operator=(const Cursor&) = delete;
  int Open(MDB_txn* txn, MDB_dbi dbi) { return mdb_cursor_open(txn, dbi, &cursor_); }
  MDB_cursor* get() const { return cursor_; }

 private:
  MDB_cursor* cursor_ = nullptr;
};

class Env {
 public:
  Env() = default;
  ~Env() {
    if (env_ != nullptr) mdb_env_close(env_);
  }
  Env(const Env&) = delete;
  Env& operator=(const Env&) = delete;
  int Create() { return mdb_env_create(&env_); }
  // Discards the handle (also the way to give up after a failed open).
  void Close() {
    if (env_ != nullptr) mdb_env_close(env_);
    env_ = nullptr;
  }
  MDB_env* get() const { return env_; }

 private:
  MDB_env* env_ = nullptr;
};

}  // namespace geokg::graph::store_internal

namespace geokg::graph {

// The state behind a Store.
struct Store::Impl {
  std::string dir;
  StoreOptions options;
  store_internal::Env env;
  MDB_dbi meta = 0, entities = 0, aliases = 0, relations = 0, evidence = 0, documents = 0;
  // The mention index (schema 3). A schema-2 store opened read-only has
  // none: has_mentions is false and the handles are unused (the readers
  // then report no mentions). A writable open upgrades it (see store.cc).
  MDB_dbi entity_docs = 0, entity_counts = 0;
  // The document texts: be32 length + zstd (zlib before schema 8) of the
  // text, keyed by be64 doc_seq ("doc_texts", from schema 7) or, in a
  // schema 5-6 store opened read-only, by be64 doc_id ("texts").
  MDB_dbi texts = 0;
  bool has_texts = false;  // false in an older store opened read-only
  // Schema 7: `documents` ("doc_meta") and `texts` are keyed by doc_seq,
  // and doc_ids maps a doc id to it. False in an older store opened
  // read-only, whose `documents` ("documents") is keyed by doc id.
  bool docs_by_seq = false;
  // The doc id -> doc_seq index in two parts: the recent documents, which
  // each batch adds to, and the settled ones, which the recent part is moved
  // into once it holds options.recent_doc_ids (store.cc says why).
  MDB_dbi doc_ids = 0, new_doc_ids = 0;
  bool has_mentions = false;
  // Opened read-only without LMDB's lock file (the directory or lock.mdb is
  // not writable): nothing protects readers from a writer then.
  bool no_lock = false;
  // A read-only open of an environment with nothing in it yet (a creation
  // killed before its first commit, by a geokg that did not create stores
  // atomically): every handle is the empty main database, so the store
  // reads as empty. ReadTxn refuses once something has been written.
  bool empty_environment = false;
  // Held shared by every open transaction of this process and exclusively
  // while the map is resized (LMDB remaps, which would pull the memory out
  // from under open transactions).
  mutable std::shared_mutex map_mu;
  std::mutex write_mu;  // serializes Apply

  // Guarded by write_mu. Fingerprints (EntityFingerprint) of entities known
  // to be stored with at least that content, so that Apply skips entities it
  // has already written without reading them. Entities only grow (merges
  // unite aliases and fill empty fields), so an entry stays true even if
  // another process adds to the entity. Updated only after a commit; cleared
  // when it reaches kMaxKnownEntities.
  std::unordered_map<EntityId, uint64_t> known_entities;
  static constexpr size_t kMaxKnownEntities = 4u << 20;

  // Adopts a map size grown by another process (after MDB_MAP_RESIZED), or
  // sets `new_size` (0: adopt). Takes map_mu exclusively.
  Status ResizeMap(size_t new_size) const;
};

namespace store_internal {

// Curation rules in the meta table: "merge/<16 hex fold>" -> be64 keep, and
// "edit/<16 hex id>" -> an encoded EntityEdit (store_curate.cc).
inline constexpr std::string_view kMergeRulePrefix = "merge/";
inline constexpr std::string_view kEditRulePrefix = "edit/";

// Finds document `id` in `txn`: its doc_seq (0 in a store older than schema
// 7) and its stored DocMeta bytes (valid until the transaction ends, or the
// next write); NotFound "document ID not found" (store_read.cc).
Status FindDocument(const Store::Impl& impl, MDB_txn* txn, DocId id, uint64_t* seq, MDB_val* value);
// Decodes a documents value into *meta; a corrupt record "documents: REASON"
// when it is not one.
Status DecodeDocument(const Store::Impl& impl, const MDB_val& v, ValueReader* reader, DocMeta* meta);
// The text stored under `key` (doc_seq from schema 7, doc id before) into
// *text, empty when there is none; a corrupt record when it does not inflate.
Status ReadText(const Store::Impl& impl, MDB_txn* txn, MDB_val key, std::string* text);
// FindDocument, then DecodeDocument.
Status ReadDocument(const Store::Impl& impl, MDB_txn* txn, DocId id, DocMeta* meta, uint64_t* seq);
// Looks up doc id `*key` in both parts of the id index (schema 7): the raw
// LMDB code, 0 with *seq_value set, or MDB_NOTFOUND.
int GetDocSeq(const Store::Impl& impl, MDB_txn* txn, MDB_val* key, MDB_val* seq_value);
// The (doc id, doc_seq) pairs of both parts of the id index with
// lo <= id <= hi, in id order (schema 7).
Status DocIdsInRange(const Store::Impl& impl, MDB_txn* txn, DocId lo, DocId hi,
                     std::vector<std::pair<DocId, uint64_t>>* out);

// The merge rules, fold -> keep, chains (a -> b, b -> c) resolved to their end.
Status ReadMergeRules(const Store::Impl& impl, MDB_txn* txn, std::map<EntityId, EntityId>* rules);
// The edit rules, by entity.
Status ReadEditRules(const Store::Impl& impl, MDB_txn* txn, std::map<EntityId, EntityEdit>* rules);

// Runs `body` in one write transaction of the store: serialized with the
// other writers, retried after growing the map when it does not fit (or
// adopting another process's resize), committed when `body` and the test
// hook succeed; the entity cache is cleared afterwards. `what` names the
// operation in the "does not fit" error.
Status RunWriteTxn(Store::Impl& impl, std::string_view what, const std::function<Status(MDB_txn*)>& body);

// A read-only transaction holding map_mu shared for its lifetime.
class ReadTxn {
 public:
  explicit ReadTxn(const Store::Impl& impl) : impl_(impl) {}
  ~ReadTxn() {
    txn_.Abort();
    if (lock_.owns_lock()) lock_.unlock();
  }
  Status Begin();
  MDB_txn* get() const { return txn_.get(); }

 private:
  const Store::Impl& impl_;
  std::shared_lock<std::shared_mutex> lock_;
  Txn txn_;
};

}  // namespace store_internal
}  // namespace geokg::graph
