// Store readers: point lookups, scans, LoadGraph and Stats. Each call runs in
// its own read-only transaction (see store.cc for the layout).
#include <algorithm>
#include <cstring>
#include <vector>

#include "graph/ids.h"
#include "graph/serialize.h"
#include "graph/store.h"
#include "graph/store_lmdb.h"

namespace geokg::graph {

using namespace store_internal;

namespace {

// "DIR: corrupt record (DB)", with the decoder's reason when there is one.
Status Corrupt(const std::string& dir, std::string_view db, const ValueReader* reader = nullptr) {
  std::string what(db);
  if (reader != nullptr && !reader->error().empty()) what += ": " + reader->error();
  return CorruptRecord(dir, what);
}

// Calls fn(key, value) for each record of `dbi` in key order, from the first
// key >= `prefix` while keys start with `prefix`, until fn returns false or
// a non-OK status.
template <class Fn>
Status Scan(const Store::Impl& impl, MDB_txn* txn, MDB_dbi dbi, std::string_view prefix, Fn&& fn) {
  Cursor cursor;
  int rc = cursor.Open(txn, dbi);
  if (rc != 0) return LmdbError(impl.dir, "open cursor", rc);
  MDB_val k = ToVal(prefix), v;
  rc = mdb_cursor_get(cursor.get(), &k, &v, prefix.empty() ? MDB_FIRST : MDB_SET_RANGE);
  while (rc == 0) {
    std::string_view key = FromVal(k);
    if (key.substr(0, prefix.size()) != prefix) break;
    bool more = true;
    Status s = fn(key, FromVal(v), &more);
    if (!s.ok()) return s;
    if (!more) return Status::Ok();
    rc = mdb_cursor_get(cursor.get(), &k, &v, MDB_NEXT);
  }
  if (rc != 0 && rc != MDB_NOTFOUND) return LmdbError(impl.dir, "scan", rc);
  return Status::Ok();
}

}  // namespace

namespace store_internal {

int GetDocSeq(const Store::Impl& impl, MDB_txn* txn, MDB_val* key, MDB_val* seq_value) {
  const MDB_val k = *key;
  int rc = mdb_get(txn, impl.new_doc_ids, key, seq_value);
  if (rc != MDB_NOTFOUND) return rc;
  *key = k;
  return mdb_get(txn, impl.doc_ids, key, seq_value);
}

Status DocIdsInRange(const Store::Impl& impl, MDB_txn* txn, DocId lo, DocId hi,
                     std::vector<std::pair<DocId, uint64_t>>* out) {
  out->clear();
  for (MDB_dbi dbi : {impl.doc_ids, impl.new_doc_ids}) {
    Cursor cursor;
    int rc = cursor.Open(txn, dbi);
    if (rc != 0) return LmdbError(impl.dir, "open cursor", rc);
    char key[8];
    PutBe64(key, lo);
    MDB_val k{8, key}, v;
    for (rc = mdb_cursor_get(cursor.get(), &k, &v, MDB_SET_RANGE); rc == 0;
         rc = mdb_cursor_get(cursor.get(), &k, &v, MDB_NEXT)) {
      if (k.mv_size != 8 || v.mv_size != kDocSeqSize) return Corrupt(impl.dir, "doc_ids");
      const DocId id = GetBe64(static_cast<const char*>(k.mv_data));
      if (id > hi) break;
      out->emplace_back(id, GetBe64(static_cast<const char*>(v.mv_data)));
    }
    if (rc != 0 && rc != MDB_NOTFOUND) return LmdbError(impl.dir, "read doc_ids", rc);
  }
  std::sort(out->begin(), out->end());
  return Status::Ok();
}

Status FindDocument(const Store::Impl& impl, MDB_txn* txn, DocId id, uint64_t* seq, MDB_val* value) {
  char key_buf[8];
  PutBe64(key_buf, id);
  MDB_val k{8, key_buf};
  *seq = 0;
  int rc = 0;
  if (impl.docs_by_seq) {
    MDB_val v;
    rc = GetDocSeq(impl, txn, &k, &v);
    if (rc == 0) {
      if (v.mv_size != kDocSeqSize) return Corrupt(impl.dir, "doc_ids: a value of " + std::to_string(v.mv_size) + " bytes");
      *seq = GetBe64(static_cast<const char*>(v.mv_data));
      PutBe64(key_buf, *seq);
      k = MDB_val{8, key_buf};
      rc = mdb_get(txn, impl.documents, &k, value);
      if (rc == MDB_NOTFOUND) return Corrupt(impl.dir, "doc_ids: document " + IdToHex(id) + " is not stored");
    }
  } else {
    rc = mdb_get(txn, impl.documents, &k, value);
  }
  if (rc == MDB_NOTFOUND) return Status::NotFound("document " + IdToHex(id) + " not found");
  if (rc != 0) return LmdbError(impl.dir, "read document", rc);
  return Status::Ok();
}

Status DecodeDocument(const Store::Impl& impl, const MDB_val& v, ValueReader* reader, DocMeta* meta) {
  if (!reader->Decode(FromVal(v), meta)) return Corrupt(impl.dir, "documents", reader);
  return Status::Ok();
}

Status ReadText(const Store::Impl& impl, MDB_txn* txn, MDB_val key, std::string* text) {
  text->clear();
  if (!impl.has_texts) return Status::Ok();
  MDB_val v;
  const int rc = mdb_get(txn, impl.texts, &key, &v);
  if (rc == MDB_NOTFOUND) return Status::Ok();
  if (rc != 0) return LmdbError(impl.dir, "read texts", rc);
  if (!DecompressText(FromVal(v), text)) return Corrupt(impl.dir, "texts");
  return Status::Ok();
}

Status ReadDocument(const Store::Impl& impl, MDB_txn* txn, DocId id, DocMeta* meta, uint64_t* seq) {
  MDB_val v;
  if (Status s = FindDocument(impl, txn, id, seq, &v); !s.ok()) return s;
  ValueReader reader;
  return DecodeDocument(impl, v, &reader, meta);
}

}  // namespace store_internal

namespace {

// Runs fn(txn) in a read transaction of its own.
template <class Fn>
Status InReadTxn(const Store::Impl& impl, Fn&& fn) {
  ReadTxn txn(impl);
  Status s = txn.Begin();
  if (!s.ok()) return s;
  return fn(txn.get());
}


// Fills Entity::mentions and Entity::documents of entities read in
// ascending id order from a cursor over entity_counts that moves forward
// with them (a merge join: one pass over each table).
class CountsJoin {
 public:
  explicit CountsJoin(const Store::Impl& impl) : impl_(impl) {}

  // REQUIRES: called with ascending ids.
  Status Fill(MDB_txn* txn, Entity* e) {
    e->mentions = e->documents = 0;
    if (!impl_.has_mentions || done_) return Status::Ok();
    int rc = 0;
    if (!started_) {
      started_ = true;
      rc = cursor_.Open(txn, impl_.entity_counts);
      if (rc != 0) return LmdbError(impl_.dir, "open cursor", rc);
      rc = mdb_cursor_get(cursor_.get(), &key_, &value_, MDB_FIRST);
    }
    while (rc == 0 && Id() < e->id) rc = mdb_cursor_get(cursor_.get(), &key_, &value_, MDB_NEXT);
    if (rc == MDB_NOTFOUND) {
      done_ = true;
      return Status::Ok();
    }
    if (rc != 0) return LmdbError(impl_.dir, "read entity_counts", rc);
    if (key_.mv_size != 8 || value_.mv_size != kEntityCountsSize) return Corrupt(impl_.dir, "entity_counts");
    if (Id() == e->id) {
      e->mentions = GetBe64(static_cast<const char*>(value_.mv_data));
      e->documents = GetBe64(static_cast<const char*>(value_.mv_data) + 8);
    }
    return Status::Ok();
  }

 private:
  uint64_t Id() const { return key_.mv_size == 8 ? GetBe64(static_cast<const char*>(key_.mv_data)) : 0; }

  const Store::Impl& impl_;
  Cursor cursor_;
  MDB_val key_{0, nullptr}, value_{0, nullptr};
  bool started_ = false, done_ = false;
};

// A relations record: its key and summary; a corrupt record otherwise.
Status DecodeSummary(const std::string& dir, std::string_view key, std::string_view value,
                     RelationSummary* summary) {
  Status s = DecodeRelationKey(dir, key, &summary->key);
  if (!s.ok()) return s;
  if (value.size() < kEvidenceNoSize || !DecodeStoredSummary(value.substr(kEvidenceNoSize), summary))
    return CorruptRecord(dir, "relations: malformed summary");
  return Status::Ok();
}

// ---- readers inside a caller's read transaction (Store and Snapshot) ----

Status EntitiesIn(const Store::Impl& impl, MDB_txn* txn, const std::function<bool(const Entity&)>& fn) {
  ValueReader reader;
  CountsJoin counts(impl);
  Entity entity;
  return Scan(impl, txn, impl.entities, "", [&](std::string_view, std::string_view v, bool* more) {
    if (!reader.Decode(v, &entity)) return Corrupt(impl.dir, "entities", &reader);
    Status cs = counts.Fill(txn, &entity);
    if (!cs.ok()) return cs;
    *more = fn(entity);
    return Status::Ok();
  });
}

Status RelationsIn(const Store::Impl& impl, MDB_txn* txn,
                   const std::function<bool(const RelationSummary&)>& fn) {
  RelationSummary summary;
  return Scan(impl, txn, impl.relations, "", [&](std::string_view k, std::string_view v, bool* more) {
    Status s = DecodeSummary(impl.dir, k, v, &summary);
    if (!s.ok()) return s;
    *more = fn(summary);
    return Status::Ok();
  });
}

Status RelationIn(const Store::Impl& impl, MDB_txn* txn, const RelationKey& key, RelationSummary* summary) {
  char rel_key[kRelationKeySize];
  EncodeRelationKey(key, rel_key);
  MDB_val k{kRelationKeySize, rel_key}, v;
  int rc = mdb_get(txn, impl.relations, &k, &v);
  if (rc == MDB_NOTFOUND) return Status::NotFound("no such relation");
  if (rc != 0) return LmdbError(impl.dir, "read relations", rc);
  return DecodeSummary(impl.dir, FromVal(k), FromVal(v), summary);
}

Status EvidenceIn(const Store::Impl& impl, MDB_txn* txn, const RelationKey& key,
                  const std::function<bool(const Evidence&)>& fn) {
  char rel_key[kRelationKeySize];
  EncodeRelationKey(key, rel_key);
  MDB_val k{kRelationKeySize, rel_key}, v;
  int rc = mdb_get(txn, impl.relations, &k, &v);
  if (rc == MDB_NOTFOUND) return Status::Ok();
  if (rc != 0) return LmdbError(impl.dir, "read relations", rc);
  if (v.mv_size < kEvidenceNoSize) return Corrupt(impl.dir, "relations");
  // Walk the chain from the newest evidence back to the first, keeping the
  // values (valid until the transaction ends), then decode them oldest first.
  std::vector<std::string_view> values;
  char no_buf[kEvidenceNoSize];
  uint64_t no = GetBe64(static_cast<const char*>(v.mv_data));
  while (no != 0) {
    PutBe64(no_buf, no);
    MDB_val ek{kEvidenceNoSize, no_buf}, ev;
    rc = mdb_get(txn, impl.evidence, &ek, &ev);
    if (rc == MDB_NOTFOUND) return Corrupt(impl.dir, "relations: evidence chain names a missing record");
    if (rc != 0) return LmdbError(impl.dir, "read evidence", rc);
    if (ev.mv_size < kEvidenceNoSize) return Corrupt(impl.dir, "evidence");
    uint64_t previous = GetBe64(static_cast<const char*>(ev.mv_data));
    if (previous >= no) return Corrupt(impl.dir, "evidence: chain does not go back");
    values.push_back(FromVal(ev).substr(kEvidenceNoSize));
    no = previous;
  }
  ValueReader reader;
  Evidence evidence;
  for (auto it = values.rbegin(); it != values.rend(); ++it) {
    if (!reader.Decode(*it, &evidence)) return Corrupt(impl.dir, "evidence", &reader);
    if (!fn(evidence)) break;
  }
  return Status::Ok();
}

}  // namespace

Status Store::GetDocument(DocId id, DocMeta* meta) const {
  uint64_t seq;
  return InReadTxn(*impl_, [&](MDB_txn* txn) { return ReadDocument(*impl_, txn, id, meta, &seq); });
}

Status Store::ForEachEntity(const std::function<bool(const Entity&)>& fn) const {
  return InReadTxn(*impl_, [&](MDB_txn* txn) { return EntitiesIn(*impl_, txn, fn); });
}

Status Store::ForEachRelation(const std::function<bool(const RelationSummary&)>& fn) const {
  return InReadTxn(*impl_, [&](MDB_txn* txn) { return RelationsIn(*impl_, txn, fn); });
}

Status Store::ForEachEvidence(const RelationKey& key, const std::function<bool(const Evidence&)>& fn) const {
  return InReadTxn(*impl_, [&](MDB_txn* txn) { return EvidenceIn(*impl_, txn, key, fn); });
}

// ---- Snapshot ----

struct Snapshot::State {
  explicit State(const Store::Impl& impl) : impl(impl), txn(impl) {}
  const Store::Impl& impl;
  ReadTxn txn;
};

Snapshot::Snapshot(std::unique_ptr<State> state) : state_(std::move(state)) {}
Snapshot::~Snapshot() = default;

Status Store::OpenSnapshot(std::unique_ptr<Snapshot>* out) const {
  auto state = std::make_unique<Snapshot::State>(*impl_);
  Status s = state->txn.Begin();
  if (!s.ok()) return s;
  out->reset(new Snapshot(std::move(state)));
  return Status::Ok();
}

Status Snapshot::ForEachEntity(const std::function<bool(const Entity&)>& fn) const {
  return EntitiesIn(state_->impl, state_->txn.get(), fn);
}

Status Snapshot::ForEachRelation(const std::function<bool(const RelationSummary&)>& fn) const {
  return RelationsIn(state_->impl, state_->txn.get(), fn);
}

Status Snapshot::GetRelation(const RelationKey& key, RelationSummary* summary) const {
  return RelationIn(state_->impl, state_->txn.get(), key, summary);
}

Status Snapshot::ForEachEvidence(const RelationKey& key,
                                 const std::function<bool(const Evidence&)>& fn) const {
  return EvidenceIn(state_->impl, state_->txn.get(), key, fn);
}

Status Snapshot::GetDocument(DocId id, DocMeta* meta) const {
  uint64_t seq;
  return ReadDocument(state_->impl, state_->txn.get(), id, meta, &seq);
}

Status Store::HasDocument(DocId id, bool* found) const {
  ReadTxn txn(*impl_);
  Status s = txn.Begin();
  if (!s.ok()) return s;
  uint64_t seq;
  MDB_val v;
  s = FindDocument(*impl_, txn.get(), id, &seq, &v);
  *found = s.ok();
  return s.code() == StatusCode::kNotFound ? Status::Ok() : s;
}

Status Store::GetEntity(EntityId id, Entity* entity) const {
  ReadTxn txn(*impl_);
  Status s = txn.Begin();
  if (!s.ok()) return s;
  char key_buf[8];
  PutBe64(key_buf, id);
  MDB_val k{8, key_buf}, v;
  int rc = mdb_get(txn.get(), impl_->entities, &k, &v);
  if (rc == MDB_NOTFOUND) return Status::NotFound("entity " + IdToHex(id) + " not found");
  if (rc != 0) return LmdbError(impl_->dir, "read entity", rc);
  ValueReader reader;
  if (!reader.Decode(FromVal(v), entity)) return Corrupt(impl_->dir, "entities", &reader);
  CountsJoin counts(*impl_);
  return counts.Fill(txn.get(), entity);
}

Status Store::FindEntities(std::string_view name, std::vector<EntityId>* ids) const {
  ids->clear();
  std::string key = NormalizeName(name);
  if (key.empty() || key.size() > static_cast<size_t>(mdb_env_get_maxkeysize(impl_->env.get()))) {
    return Status::Ok();
  }
  ReadTxn txn(*impl_);
  Status s = txn.Begin();
  if (!s.ok()) return s;
  Cursor cursor;
  int rc = cursor.Open(txn.get(), impl_->aliases);
  if (rc != 0) return LmdbError(impl_->dir, "open cursor", rc);
  MDB_val k = ToVal(key), v;
  rc = mdb_cursor_get(cursor.get(), &k, &v, MDB_SET_KEY);
  while (rc == 0) {
    if (v.mv_size != 8) return Corrupt(impl_->dir, "aliases");
    ids->push_back(GetBe64(static_cast<const char*>(v.mv_data)));
    rc = mdb_cursor_get(cursor.get(), &k, &v, MDB_NEXT_DUP);
  }
  if (rc != MDB_NOTFOUND) return LmdbError(impl_->dir, "read aliases", rc);
  return Status::Ok();
}

Status Store::ForEachEntityDocument(
    const std::function<bool(EntityId, DocId, uint32_t, Date)>& fn) const {
  if (!impl_->has_mentions) return Status::Ok();
  ReadTxn txn(*impl_);
  Status s = txn.Begin();
  if (!s.ok()) return s;
  // MDB_NEXT visits every duplicate of a key before the next key.
  return Scan(*impl_, txn.get(), impl_->entity_docs, "",
              [&](std::string_view k, std::string_view v, bool* more) {
                EntityDocEntry e;
                if (k.size() != 8 || !DecodeEntityDoc(ToVal(v), &e)) return Corrupt(impl_->dir, "entity_docs");
                *more = fn(GetBe64(k.data()), e.doc, e.mentions, e.date);
                return Status::Ok();
              });
}

Status Store::ListEntityDocuments(EntityId id, size_t limit, std::vector<EntityDocument>* docs) const {
  docs->clear();
  if (!impl_->has_mentions) return Status::Ok();
  ReadTxn txn(*impl_);
  Status s = txn.Begin();
  if (!s.ok()) return s;
  struct Entry {
    DocId doc;
    Date date;
    uint32_t mentions;
  };
  std::vector<Entry> entries;
  {
    Cursor cursor;
    int rc = cursor.Open(txn.get(), impl_->entity_docs);
    if (rc != 0) return LmdbError(impl_->dir, "open cursor", rc);
    char key_buf[8];
    PutBe64(key_buf, id);
    MDB_val k{8, key_buf}, v;
    for (rc = mdb_cursor_get(cursor.get(), &k, &v, MDB_SET_KEY); rc == 0;
         rc = mdb_cursor_get(cursor.get(), &k, &v, MDB_NEXT_DUP)) {
      EntityDocEntry e;
      if (!DecodeEntityDoc(v, &e)) return Corrupt(impl_->dir, "entity_docs");
      entries.push_back({e.doc, e.date, e.mentions});
    }
    if (rc != MDB_NOTFOUND) return LmdbError(impl_->dir, "read entity_docs", rc);
  }
  // Newest first, undated last, then by doc id (the scan order).
  auto newer = [](const Entry& a, const Entry& b) {
    if (a.date != b.date) return a.date != 0 && (b.date == 0 || a.date > b.date);
    return a.doc < b.doc;
  };
  const size_t n = limit == 0 ? entries.size() : std::min(limit, entries.size());
  std::partial_sort(entries.begin(), entries.begin() + n, entries.end(), newer);
  docs->resize(n);
  ValueReader reader;
  for (size_t i = 0; i < n; ++i) {
    EntityDocument& d = (*docs)[i];
    d.mentions = entries[i].mentions;
    uint64_t seq;
    MDB_val v;
    Status found = FindDocument(*impl_, txn.get(), entries[i].doc, &seq, &v);
    if (found.ok()) {
      if (Status ds = DecodeDocument(*impl_, v, &reader, &d.meta); !ds.ok()) return ds;
    } else if (found.code() != StatusCode::kNotFound) {
      return found;
    }
    d.meta.id = entries[i].doc;
    d.meta.date = entries[i].date;
  }
  return Status::Ok();
}

Status Store::ForEachDocument(const std::function<bool(const DocMeta&)>& fn) const {
  ReadTxn txn(*impl_);
  Status s = txn.Begin();
  if (!s.ok()) return s;
  ValueReader reader;
  DocMeta meta;
  if (!impl_->docs_by_seq) {
    return Scan(*impl_, txn.get(), impl_->documents, "", [&](std::string_view, std::string_view v, bool* more) {
      if (Status ds = DecodeDocument(*impl_, ToVal(v), &reader, &meta); !ds.ok()) return ds;
      *more = fn(meta);
      return Status::Ok();
    });
  }
  // In doc id order, as before schema 7: through the id index.
  std::vector<std::pair<DocId, uint64_t>> ids;
  if (Status ds = DocIdsInRange(*impl_, txn.get(), 0, UINT64_MAX, &ids); !ds.ok()) return ds;
  char key[kDocSeqSize];
  for (const auto& [id, seq] : ids) {
    PutBe64(key, seq);
    MDB_val k{kDocSeqSize, key}, v;
    const int rc = mdb_get(txn.get(), impl_->documents, &k, &v);
    if (rc == MDB_NOTFOUND) return Corrupt(impl_->dir, "doc_ids: document " + IdToHex(id) + " is not stored");
    if (rc != 0) return LmdbError(impl_->dir, "read documents", rc);
    if (Status ds = DecodeDocument(*impl_, v, &reader, &meta); !ds.ok()) return ds;
    if (!fn(meta)) break;
  }
  return Status::Ok();
}

Status Store::GetText(DocId id, std::string* text) const {
  text->clear();
  ReadTxn txn(*impl_);
  Status s = txn.Begin();
  if (!s.ok()) return s;
  uint64_t seq = 0;
  MDB_val v;
  s = FindDocument(*impl_, txn.get(), id, &seq, &v);
  if (s.code() == StatusCode::kNotFound) return Status::NotFound(impl_->dir + ": no stored document " + IdToHex(id));
  if (!s.ok()) return s;
  // Keyed by doc_seq from schema 7, by doc id before.
  char key[8];
  PutBe64(key, impl_->docs_by_seq ? seq : id);
  return ReadText(*impl_, txn.get(), MDB_val{8, key}, text);
}

Status Store::WindowedRelations(Date from, Date to,
                                const std::function<void(const RelationSummary&)>& fn) const {
  ReadTxn txn(*impl_);
  Status s = txn.Begin();
  if (!s.ok()) return s;
  ValueReader reader;
  RelationSummary summary, windowed;
  Evidence evidence;
  char no_buf[kEvidenceNoSize];
  return Scan(*impl_, txn.get(), impl_->relations, "", [&](std::string_view k, std::string_view v, bool* more) {
    *more = true;
    if (Status ds = DecodeSummary(impl_->dir, k, v, &summary); !ds.ok()) return ds;
    // The whole relation outside the window: no evidence to read.
    if (summary.first_date == 0 || (to != 0 && summary.first_date > to) ||
        (from != 0 && std::max(summary.last_date, summary.first_date) < from))
      return Status::Ok();
    windowed = RelationSummary{};
    windowed.key = summary.key;
    uint64_t no = GetBe64(v.data());
    bool any = false;
    while (no != 0) {
      PutBe64(no_buf, no);
      MDB_val ek{kEvidenceNoSize, no_buf}, ev;
      const int rc = mdb_get(txn.get(), impl_->evidence, &ek, &ev);
      if (rc == MDB_NOTFOUND) return Corrupt(impl_->dir, "relations");
      if (rc != 0) return LmdbError(impl_->dir, "read evidence", rc);
      if (ev.mv_size < kEvidenceNoSize) return Corrupt(impl_->dir, "evidence");
      const uint64_t previous = GetBe64(static_cast<const char*>(ev.mv_data));
      if (previous >= no) return Corrupt(impl_->dir, "evidence");
      if (!reader.Decode(FromVal(ev).substr(kEvidenceNoSize), &evidence))
        return Corrupt(impl_->dir, "evidence", &reader);
      if (evidence.date != 0 && (from == 0 || evidence.date >= from) && (to == 0 || evidence.date <= to)) {
        const int m = static_cast<int>(evidence.modality);
        if (m >= 0 && m < kModalityCount) ++windowed.counts[m];
        if (windowed.first_date == 0 || evidence.date < windowed.first_date) windowed.first_date = evidence.date;
        windowed.last_date = std::max(windowed.last_date, evidence.date);
        windowed.confidence = std::max(windowed.confidence, evidence.confidence);
        windowed.role = std::max(windowed.role, evidence.role);  // as Apply keeps it
        any = true;
      }
      no = previous;
    }
    if (any) fn(windowed);
    return Status::Ok();
  });
}

namespace {

// Every entity (with its mention totals) and relation summary at the commit
// `txn` reads.
Status LoadGraphInTxn(const Store::Impl& impl, MDB_txn* txn, GraphData* data) {
  data->entities.clear();
  data->relations.clear();
  MDB_stat st;
  if (mdb_stat(txn, impl.entities, &st) == 0) data->entities.reserve(st.ms_entries);
  if (mdb_stat(txn, impl.relations, &st) == 0) data->relations.reserve(st.ms_entries);
  ValueReader reader;
  CountsJoin counts(impl);
  Status s = Scan(impl, txn, impl.entities, "", [&](std::string_view, std::string_view v, bool*) {
    Entity& e = data->entities.emplace_back();
    if (!reader.Decode(v, &e)) return Corrupt(impl.dir, "entities", &reader);
    return counts.Fill(txn, &e);
  });
  if (!s.ok()) return s;
  return Scan(impl, txn, impl.relations, "", [&](std::string_view k, std::string_view v, bool*) {
    data->relations.emplace_back();
    return DecodeSummary(impl.dir, k, v, &data->relations.back());
  });
}

// The tag of the commit `txn` reads: its transaction id, and a hash of the
// shape of every table a view is built from (entries, depth and pages), so
// that a data.mdb swapped for another one at the same transaction id is
// still told apart.
ImageTag TagOf(const Store::Impl& impl, MDB_txn* txn) {
  ImageTag tag;
  tag.txn = mdb_txn_id(txn);
  uint64_t h = 0x696d616765746167ull;
  for (MDB_dbi dbi : {impl.entities, impl.relations, impl.aliases, impl.documents, impl.entity_counts}) {
    MDB_stat st{};
    if (dbi == impl.entity_counts && !impl.has_mentions) continue;
    if (mdb_stat(txn, dbi, &st) != 0) continue;
    const uint64_t fields[] = {st.ms_entries, st.ms_depth, st.ms_branch_pages, st.ms_leaf_pages,
                               st.ms_overflow_pages, dbi};
    h = Hash64(std::string_view(reinterpret_cast<const char*>(fields), sizeof fields), h);
  }
  tag.fingerprint = h;
  return tag;
}

}  // namespace

Status Store::LoadGraph(GraphData* data) const {
  ReadTxn txn(*impl_);
  Status s = txn.Begin();
  if (!s.ok()) return s;
  return LoadGraphInTxn(*impl_, txn.get(), data);
}

std::string Store::ViewImagePath() const { return impl_->dir + "/" + std::string(kViewImageFile); }

Status Store::LoadView(std::shared_ptr<const GraphView>* view, ViewSource* source, bool write_image) const {
  GraphData data;
  ImageTag tag;
  {
    ReadTxn txn(*impl_);
    Status s = txn.Begin();
    if (!s.ok()) return s;
    tag = TagOf(*impl_, txn.get());
    if (GraphView::OpenImage(ViewImagePath(), tag, view).ok()) {
      if (source != nullptr) *source = ViewSource::kImage;
      return Status::Ok();
    }
    s = LoadGraphInTxn(*impl_, txn.get(), &data);
    if (!s.ok()) return s;
  }
  *view = GraphView::Build(std::move(data));
  if (source != nullptr) *source = ViewSource::kBuilt;
  // A cache: a directory that cannot be written keeps none.
  if (write_image) (void)(*view)->WriteImage(ViewImagePath(), tag);
  return Status::Ok();
}

Status Store::RefreshViewImage() const {
  std::shared_ptr<const GraphView> view;
  return LoadView(&view, nullptr, true);
}

Status Store::Stats(StoreStats* stats) const {
  *stats = StoreStats{};
  ReadTxn txn(*impl_);
  Status s = txn.Begin();
  if (!s.ok()) return s;
  MDB_txn* t = txn.get();
  struct Count {
    MDB_dbi dbi;
    uint64_t* out;
  };
  for (const Count& c :
       {Count{impl_->documents, &stats->documents}, Count{impl_->entities, &stats->entities},
        Count{impl_->aliases, &stats->aliases}, Count{impl_->relations, &stats->relations},
        Count{impl_->evidence, &stats->evidence}}) {
    MDB_stat st;
    int rc = mdb_stat(t, c.dbi, &st);
    if (rc != 0) return LmdbError(impl_->dir, "stat", rc);
    *c.out = st.ms_entries;
  }
  auto note_date = [&](Date d) {
    if (d == 0) return;
    if (stats->first_date == 0 || d < stats->first_date) stats->first_date = d;
    if (d > stats->last_date) stats->last_date = d;
  };
  ValueReader reader;
  RelationSummary summary;
  s = Scan(*impl_, t, impl_->relations, "", [&](std::string_view k, std::string_view v, bool*) {
    if (Status ds = DecodeSummary(impl_->dir, k, v, &summary); !ds.ok()) return ds;
    ++stats->relations_by_type[static_cast<int>(summary.key.type)];
    for (int m = 0; m < kModalityCount; ++m) stats->evidence_by_modality[m] += summary.counts[m];
    note_date(summary.first_date);
    note_date(summary.last_date);
    return Status::Ok();
  });
  if (!s.ok()) return s;
  Entity entity;
  s = Scan(*impl_, t, impl_->entities, "", [&](std::string_view, std::string_view v, bool*) {
    if (!reader.Decode(v, &entity)) return Corrupt(impl_->dir, "entities", &reader);
    ++stats->entities_by_kind[static_cast<int>(entity.kind)];  // checked by the decoder
    return Status::Ok();
  });
  if (!s.ok()) return s;
  if (impl_->has_mentions) {
    MDB_stat st;
    int rc = mdb_stat(t, impl_->entity_docs, &st);
    if (rc != 0) return LmdbError(impl_->dir, "stat", rc);
    stats->entity_documents = st.ms_entries;
    s = Scan(*impl_, t, impl_->entity_counts, "", [&](std::string_view k, std::string_view v, bool*) {
      if (k.size() != 8 || v.size() != kEntityCountsSize) return Corrupt(impl_->dir, "entity_counts");
      stats->mentions += GetBe64(v.data());
      return Status::Ok();
    });
    if (!s.ok()) return s;
  }
  DocMeta doc;
  s = Scan(*impl_, t, impl_->documents, "", [&](std::string_view, std::string_view v, bool*) {
    if (Status ds = DecodeDocument(*impl_, ToVal(v), &reader, &doc); !ds.ok()) return ds;
    note_date(doc.date);
    return Status::Ok();
  });
  if (!s.ok()) return s;
  MDB_val k = ToVal("schema_version"), v;
  if (mdb_get(t, impl_->meta, &k, &v) == 0 && v.mv_size == 4) {
    stats->schema_version = GetBe32(static_cast<const char*>(v.mv_data));
  }
  MDB_envinfo info;
  MDB_stat env_stat;
  mdb_env_info(impl_->env.get(), &info);
  mdb_env_stat(impl_->env.get(), &env_stat);
  stats->map_size = info.me_mapsize;
  stats->used_bytes = (static_cast<uint64_t>(info.me_last_pgno) + 1) * env_stat.ms_psize;
  return Status::Ok();
}

Status Store::TableSizes(std::vector<TableSize>* out) const {
  out->clear();
  ReadTxn txn(*impl_);
  Status s = txn.Begin();
  if (!s.ok()) return s;
  MDB_txn* t = txn.get();
  MDB_stat env_stat;
  MDB_envinfo info;
  mdb_env_stat(impl_->env.get(), &env_stat);
  mdb_env_info(impl_->env.get(), &info);
  const uint64_t page = env_stat.ms_psize;
  const uint64_t used = static_cast<uint64_t>(info.me_last_pgno) + 1;
  uint64_t accounted = 0;
  struct Named {
    const char* name;
    MDB_dbi dbi;
    bool present;
  };
  const Named tables[] = {
      {"evidence", impl_->evidence, true},          {"texts", impl_->texts, impl_->has_texts},
      {"documents", impl_->documents, true},        {"doc_ids", impl_->doc_ids, impl_->docs_by_seq},
      {"doc_ids_new", impl_->new_doc_ids, impl_->docs_by_seq},
      {"entity_docs", impl_->entity_docs, impl_->has_mentions},
      {"relations", impl_->relations, true},        {"entities", impl_->entities, true},
      {"aliases", impl_->aliases, true},            {"entity_counts", impl_->entity_counts, impl_->has_mentions},
      {"meta", impl_->meta, true},
  };
  for (const Named& n : tables) {
    if (!n.present || impl_->empty_environment) continue;
    MDB_stat st;
    int rc = mdb_stat(t, n.dbi, &st);
    if (rc != 0) return LmdbError(impl_->dir, "stat", rc);
    TableSize row;
    row.name = n.name;
    row.entries = st.ms_entries;
    row.pages = st.ms_branch_pages + st.ms_leaf_pages + st.ms_overflow_pages;
    accounted += row.pages;
    out->push_back(row);
  }
  // The free list: FREE_DBI (0) maps a transaction id to the pages it
  // freed (an LMDB ID list: a count, then the page numbers).
  uint64_t free_pages = 0, lmdb_pages = 2;  // the two meta pages
  {
    MDB_stat st;
    for (MDB_dbi internal : {MDB_dbi{0}, MDB_dbi{1}}) {  // the free list and the table of databases
      int rc = mdb_stat(t, internal, &st);
      if (rc != 0) return LmdbError(impl_->dir, "stat", rc);
      lmdb_pages += st.ms_branch_pages + st.ms_leaf_pages + st.ms_overflow_pages;
    }
    Cursor cursor;
    int rc = cursor.Open(t, 0);
    if (rc != 0) return LmdbError(impl_->dir, "open free list", rc);
    MDB_val k, v;
    for (rc = mdb_cursor_get(cursor.get(), &k, &v, MDB_FIRST); rc == 0;
         rc = mdb_cursor_get(cursor.get(), &k, &v, MDB_NEXT)) {
      if (v.mv_size >= sizeof(size_t)) {
        size_t n;
        std::memcpy(&n, v.mv_data, sizeof n);
        free_pages += n;
      }
    }
    if (rc != MDB_NOTFOUND) return LmdbError(impl_->dir, "read free list", rc);
  }
  accounted += free_pages + lmdb_pages;
  TableSize dups;
  dups.name = "duplicate sub-trees";
  dups.pages = used > accounted ? used - accounted : 0;
  out->push_back(dups);
  TableSize free_row;
  free_row.name = "free";
  free_row.pages = free_pages;
  out->push_back(free_row);
  TableSize lmdb_row;
  lmdb_row.name = "LMDB meta";
  lmdb_row.pages = lmdb_pages;
  out->push_back(lmdb_row);
  for (TableSize& row : *out) row.bytes = row.pages * page;
  return Status::Ok();
}

}  // namespace geokg::graph
