// Store: the persistent knowledge graph, an LMDB environment in a directory.
//
// The store keeps entities, their aliases, relation summaries, the evidence
// behind every relation, the metadata of every ingested document and which
// documents mention which entity, how often (with totals per entity). Ingest
// hands it batches of DocRecords; each batch is written in one LMDB write
// transaction, so a killed process leaves the store as of its last committed
// batch. Re-applying a document that is already stored changes nothing.
// The key/value layout is written down at the top of store.cc.
//
// Thread safety: a Store may be shared by threads. Readers (every const
// method) use their own read-only transactions and are never blocked by a
// writer, in this process or another one (LMDB MVCC). Apply calls are
// serialized. Callbacks of the ForEach* methods run inside a read
// transaction: they must not call Apply on the same Store (it may need to
// grow the map, which waits for open read transactions to end).
//
// Open the same directory at most once per process (an LMDB rule); other
// processes may open it at the same time.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "graph/curation.h"
#include "graph/model.h"
#include "graph/status.h"
#include "graph/view.h"

struct MDB_txn;  // lmdb.h

namespace geokg::graph {

// The on-disk layout version this build writes. It also reads versions 2
// (no mention index) to 6 (texts keyed by document id): opened writable,
// such a store is upgraded in place to this version (e.g. the two
// directions of a symmetric relation merged into one, the texts re-keyed by
// ingest order); opened read-only, it reads as it is (a schema-2 store with
// no mentions; the graph view merges the two directions). Any other version
// is refused at open with a Storage error. Schema 8 writes new texts with
// zstd instead of zlib; the texts a schema-7 store holds stay as they are
// and are read as they were.
inline constexpr uint32_t kStoreSchemaVersion = 8;

struct StoreOptions {
  // Open without write access; Apply then fails with a Storage error. When
  // the directory or lock.mdb is not writable, the store is read without
  // LMDB's lock file (MDB_NOLOCK): no process may write to it meanwhile.
  bool read_only = false;
  // Map size for a new store (an existing store keeps at least its own). The
  // map grows by itself (doubling) when a batch does not fit.
  size_t initial_map_size = 64ull << 20;
  // When false (read commands), a missing directory or one without a store
  // is NotFound "no store at DIR" instead of a new empty store.
  bool create_if_missing = true;
  // Tests only: called inside Apply after every put and before the commit,
  // while the write transaction is open.
  std::function<void()> before_commit_for_testing;
  // How many documents the recent doc id index (doc_ids_new) collects before
  // a batch moves them into the settled one (doc_ids); see docs/store.md.
  // Tests set it small.
  uint64_t recent_doc_ids = 1u << 16;
};

struct StoreStats {
  uint64_t documents = 0, entities = 0, aliases = 0, relations = 0, evidence = 0;
  // Distinct (source, type, target) per relation type.
  std::array<uint64_t, kRelationTypeCount> relations_by_type{};
  std::array<uint64_t, kEntityKindCount> entities_by_kind{};
  std::array<uint64_t, kModalityCount> evidence_by_modality{};
  // Entity mentions over all documents, and (entity, document) pairs in
  // the mention index.
  uint64_t mentions = 0, entity_documents = 0;
  // Earliest and latest known date over documents and evidence, 0 if none.
  Date first_date = 0, last_date = 0;
  uint64_t map_size = 0;    // bytes of address space reserved for the map
  uint64_t used_bytes = 0;  // bytes of the map in use (pages up to the last)
  uint32_t schema_version = 0;
};

// One document that mentions an entity (Store::ListEntityDocuments).
struct EntityDocument {
  // The document's metadata; only `id` (and `date`) when the documents
  // database has no record of it.
  DocMeta meta;
  uint32_t mentions = 0;  // mentions of the entity in the document
};

struct ApplyResult {
  uint32_t documents_added = 0;
  uint32_t documents_skipped = 0;  // already stored, or repeated in the batch
  uint64_t evidence_added = 0;
  uint64_t entities_added = 0;  // entity ids new to the store
  uint64_t entity_documents_added = 0;  // new (entity, document) mention entries

  // Adds another batch's counts (a command's totals over its batches).
  ApplyResult& operator+=(const ApplyResult& other) {
    documents_added += other.documents_added;
    documents_skipped += other.documents_skipped;
    evidence_added += other.evidence_added;
    entities_added += other.entities_added;
    entity_documents_added += other.entity_documents_added;
    return *this;
  }
};

struct RetractResult {
  uint32_t documents_removed = 0;
  uint64_t evidence_removed = 0;
  uint64_t relations_updated = 0;  // kept, with their counts and dates recomputed
  uint64_t relations_removed = 0;  // left with no evidence
  uint64_t entities_removed = 0;   // left with no document and no relation
};

struct MergeResult {
  uint64_t relations_moved = 0;   // re-keyed to the kept entity
  uint64_t relations_merged = 0;  // folded into a relation the kept entity had
  uint64_t relations_dropped = 0; // between the two entities
  uint64_t documents_moved = 0;   // (entity, document) mention entries
};

struct ImportResult {
  uint64_t merged = 0;   // merges carried out (both entities stored)
  uint64_t edited = 0;   // stored entities changed by an edit
  uint64_t rules = 0;    // rules written (applied now or kept for later)
};

class Snapshot;

class Store {
 public:
  // Opens (and, if allowed, creates) the store in `dir`. On success *out
  // owns the store. Errors:
  //   NotFound "no store at DIR"  dir missing (or empty) and !create_if_missing
  //                               or read_only;
  //   Storage "DIR: ..."          not a geokg store (foreign files, a data.mdb
  //                               that is not LMDB), a schema version this
  //                               build does not read (neither 2 nor
  //                               kStoreSchemaVersion: "DIR: store schema
  //                               version N, this geokg reads M"), a data.mdb
  //                               shorter than the pages LMDB uses ("DIR:
  //                               data.mdb is truncated (N bytes, LMDB uses
  //                               M)"), or an LMDB/filesystem failure.
  // An environment with nothing committed (a creation killed before its
  // first commit) opens as an empty store. Readers report a record they
  // cannot decode as Storage "DIR: corrupt record (TABLE: reason)".
  // A schema-2 store opened writable is upgraded here (see
  // kStoreSchemaVersion).
  static Status Open(const std::string& dir, const StoreOptions& options,
                     std::unique_ptr<Store>* out);

  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Writes the whole batch in ONE write transaction. Documents whose id is
  // already stored (or repeated in the batch) are skipped entirely, except
  // that of two copies of one text the earliest dated is kept (undated
  // last; then the smallest source, id, url, title): a stored copy that a
  // batch brings an earlier one of is replaced by it, so which copy a store
  // keeps does not depend on the order they come in.
  // Entities are merged: aliases are united; of name, kind and country,
  // kept are the smallest (byte order) non-empty name and country and the
  // smallest kind, whatever order records come in (merge relies on it).
  // Relation summaries accumulate: counts per modality, min first_date and
  // max last_date (ignoring 0), max confidence, greatest role (byte order).
  // Relations of one document with the same key, sentence and begin offset
  // are one evidence record (the first is kept), so a summary's TotalCount()
  // always equals the number of its evidence records. Stored evidence takes
  // its doc from the DocRecord, and the document's date when it has none.
  // Each DocRecord::mentions entry with a count adds one (entity, document)
  // entry to the mention index and its count to the entity's totals
  // (entries of one entity in one document add up).
  // On MDB_MAP_FULL the transaction is aborted, the map doubled and the batch
  // retried. On any error nothing of the batch is stored. `result` may be null.
  Status Apply(const std::vector<DocRecord>& batch, ApplyResult* result);

  Status HasDocument(DocId id, bool* found) const;
  // NotFound if absent.
  Status GetDocument(DocId id, DocMeta* meta) const;
  // NotFound if absent. Fills the entity's mention totals.
  Status GetEntity(EntityId id, Entity* entity) const;
  // Ids of the entities with `name` as canonical name or alias, compared
  // through NormalizeName ("U.S." finds the entity with alias "US"), in id
  // order. Empty (and OK) when none.
  Status FindEntities(std::string_view name, std::vector<EntityId>* ids) const;

  // Scans in key order inside one read transaction; `fn` returns false to
  // stop early. References passed to `fn` are valid only during the call.
  // Entities come with their mention totals.
  Status ForEachEntity(const std::function<bool(const Entity&)>& fn) const;
  Status ForEachRelation(const std::function<bool(const RelationSummary&)>& fn) const;
  // The evidence of one relation, in ingest order (none, and OK, for an
  // unknown relation). Costs one point lookup per evidence record.
  Status ForEachEvidence(const RelationKey& key,
                         const std::function<bool(const Evidence&)>& fn) const;
  Status ForEachDocument(const std::function<bool(const DocMeta&)>& fn) const;
  // The mention index in (entity, document) order: fn(entity, doc, mentions,
  // document date). None (and OK) in a schema-2 store opened read-only.
  Status ForEachEntityDocument(
      const std::function<bool(EntityId, DocId, uint32_t mentions, Date date)>& fn) const;

  // The documents that mention entity `id`, newest first (by document date;
  // undated ones last; equal dates by doc id), at most `limit` of them (0:
  // all). Replaces *docs; empty (and OK) for an entity no stored document
  // mentions. Costs one scan of the entity's index entries (no document
  // reads) plus one document lookup per returned document.
  Status ListEntityDocuments(EntityId id, size_t limit, std::vector<EntityDocument>* docs) const;

  // All entities (with their mention totals) and all relation summaries,
  // read in one read transaction (a consistent snapshot). Replaces the
  // contents of *data.
  Status LoadGraph(GraphData* data) const;
  // The graph snapshot at the store's latest commit. Mapped from the image
  // file DIR/snapshot.img (ViewImagePath) when that image was built from
  // this very commit and passes its checks (GraphView::OpenImage); else
  // built from the records (LoadGraph, GraphView::Build) and, when
  // `write_image`, saved as the new image for the next open (best effort:
  // a directory that cannot be written keeps none, and the view is
  // returned all the same). An image is never trusted: stale (another
  // commit), truncated or damaged, it is rebuilt. `source` (may be null)
  // tells which way the view came. Errors: those of LoadGraph.
  enum class ViewSource { kImage, kBuilt };
  Status LoadView(std::shared_ptr<const GraphView>* view, ViewSource* source = nullptr,
                  bool write_image = true) const;
  // Brings the image up to the latest commit (LoadView, writing the image
  // when it was stale or missing): what write commands call after their
  // last commit, so that the next reader maps instead of building.
  Status RefreshViewImage() const;
  // Where the image lives: DIR/snapshot.img.
  std::string ViewImagePath() const;
  static constexpr std::string_view kViewImageFile = "snapshot.img";
  // Removes the documents `docs` (ids of stored documents) with all their
  // evidence, in one write transaction: a relation keeps its other
  // evidence (chain relinked, counts, dates, confidence and role
  // recomputed) or is removed with its last; mention counts drop; an entity
  // left with no document and no relation is removed with its aliases.
  // Killed at any point, the store is as before or as after. Reads every
  // relation's evidence chain (no document -> evidence index is kept).
  // NotFound naming the first id that is not a stored document, before
  // anything changes.
  Status Retract(const std::vector<DocId>& docs, RetractResult* result);
  // Replaces the stored records of the documents of `batch` (each already
  // stored, by id) with these: Retract and Apply in one write transaction,
  // so that a kill leaves every document either as it was or replaced.
  // The text stays as stored. NotFound for a document not stored.
  Status Replace(const std::vector<DocRecord>& batch, ApplyResult* result);
  // Folds entity `fold` into `keep` (both stored, distinct), in one write
  // transaction: fold's relations become keep's (merged with keep's own of
  // the same type and other end, evidence chains relinked; symmetric ones
  // under their canonical key; relations between the two are dropped with
  // their evidence), its document mentions and names (name and aliases)
  // become keep's, and its record goes. The merge is kept as a rule in the
  // store: records that later ingests or reextract bring for `fold` land on
  // `keep`. NotFound naming an id that is not stored; InvalidInput when
  // keep == fold.
  Status MergeEntities(EntityId keep, EntityId fold, MergeResult* result);
  // The merge rules, fold -> keep (chains resolved).
  Status MergeRules(std::map<EntityId, EntityId>* rules) const;
  // Changes entity `id` as `edit` says (ApplyEdit), in one write
  // transaction, and keeps the edit as a rule (combined with earlier edits
  // of the entity, CombineEdits) that later ingests and reextract apply to
  // its records. The alias index follows: a new name or alias finds the
  // entity, a removed one no longer does. A new name or alias N also
  // becomes a merge rule EntityIdFor(N) -> id, so that an entity the
  // extractor later names N lands on this one; removing N drops that rule.
  // NotFound naming the id when it is not stored; InvalidInput when N is
  // the canonical name of another stored entity (merge them instead).
  Status EditEntity(EntityId id, const EntityEdit& edit);
  // Every rule the store keeps (merges with chains resolved).
  Status Rules(CurationRules* rules) const;
  // Adds `rules` (from another store, through a rules file) in one write
  // transaction: a merge whose two entities are stored is carried out
  // (MergeEntities), an edit of a stored entity applied (EditEntity); every
  // rule is kept, so that entities not stored yet follow it when an ingest
  // brings them. Importing the same rules again changes nothing. On an
  // error nothing is changed.
  Status ImportRules(const CurationRules& rules, ImportResult* result);
  // The text of a stored document (empty, and OK, for one stored before the
  // store kept texts). NotFound for an unknown document.
  Status GetText(DocId id, std::string* text) const;
  // For each relation with evidence dated inside [from, to] (0: unbounded
  // on that side; undated evidence is outside any window), its summary over
  // that evidence only: counts per modality, first and last date, highest
  // confidence, greatest role. Walks every evidence chain in one read
  // transaction. Corrupt records are a Storage error.
  Status WindowedRelations(Date from, Date to, const std::function<void(const RelationSummary&)>& fn) const;

  // Rebuilds the records ingest gave for the stored documents (metadata,
  // text, entities, mention counts, relations with their evidence) and hands
  // them to `fn`, at most `batch_documents` at a time, in document id order,
  // all inside one read transaction (`fn` may write to another store, not to
  // this one). Applying them to another store is `geokg merge`. To bound
  // memory, the documents are taken in ranges of ids holding about
  // `evidence_per_pass` evidence records each (at most 512 ranges): one walk
  // over every evidence chain and the mention index first sorts what each
  // range needs into a temporary file of its own (24 bytes an entry), so the
  // whole scan is linear in the store. A non-OK status from `fn` stops the
  // scan and is returned.
  Status ForEachDocRecord(size_t batch_documents, size_t evidence_per_pass,
                          const std::function<Status(std::vector<DocRecord>&&)>& fn) const;

  // Counts by scanning the relations, entities and documents (linear in the
  // number of relations, not of evidence).
  Status Stats(StoreStats* stats) const;

  // Where the pages of data.mdb go (bench_ingest, docs/store.md): one row
  // per named database (its B-tree's pages; the duplicate sub-trees of the
  // DUPSORT tables are not in LMDB's counts), then "duplicate sub-trees"
  // (entity_docs and aliases lists too long to stay in their leaf), "free"
  // (pages freed by earlier commits, kept for reuse) and "LMDB meta" (the
  // two meta pages and the table of databases). The rows add up to the
  // pages in use. Reads the free list, so costs one scan of it.
  struct TableSize {
    std::string name;
    uint64_t entries = 0, pages = 0, bytes = 0;
  };
  Status TableSizes(std::vector<TableSize>* out) const;

  // Opens a consistent read view: every read through *out sees the same
  // commit (one LMDB read transaction), so that a relation's summary and its
  // evidence agree while another process writes. *out must not outlive the
  // store and holds the transaction until destroyed: keep it short in a
  // process that also writes (growing the map waits for it).
  Status OpenSnapshot(std::unique_ptr<Snapshot>* out) const;

  const std::string& dir() const;

  struct Impl;  // LMDB handles; defined in store_lmdb.h (internal)

 private:
  explicit Store(std::unique_ptr<Impl> impl);
  Status MergeInTxn(::MDB_txn* txn, EntityId keep, EntityId fold, MergeResult* result);
  // `must_exist`: NotFound when `id` is not stored (else only the rule is
  // kept). *changed tells whether the stored record changed.
  Status EditInTxn(::MDB_txn* txn, EntityId id, const EntityEdit& edit, bool must_exist, bool* changed);
  // Carries out the merge rules whose two entities are both stored (a fold
  // entity stored before its kept one existed); after every batch write.
  Status SettleMergeRules(::MDB_txn* txn, uint64_t* merged);
  std::unique_ptr<Impl> impl_;
};

// A read view of a Store at one commit (Store::OpenSnapshot): one LMDB read
// transaction, ended by the destructor. Readers behave as the Store methods
// of the same name, but all see that commit. Callbacks may call other
// methods of the same snapshot. Use a Snapshot from one thread at a time and
// destroy it on the thread that opened it; that thread must not write to the
// store (Apply, Retract, ...) while it is open: growing the map waits for
// every open read transaction of the process.
class Snapshot {
 public:
  ~Snapshot();
  Snapshot(const Snapshot&) = delete;
  Snapshot& operator=(const Snapshot&) = delete;

  Status ForEachEntity(const std::function<bool(const Entity&)>& fn) const;
  Status ForEachRelation(const std::function<bool(const RelationSummary&)>& fn) const;
  // NotFound for an unknown relation.
  Status GetRelation(const RelationKey& key, RelationSummary* summary) const;
  Status ForEachEvidence(const RelationKey& key, const std::function<bool(const Evidence&)>& fn) const;
  // NotFound if absent.
  Status GetDocument(DocId id, DocMeta* meta) const;

  struct State;  // the transaction; defined in store_read.cc

 private:
  friend class Store;
  explicit Snapshot(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace geokg::graph
