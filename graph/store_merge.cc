// Store::ForEachDocRecord: the stored documents rebuilt as the DocRecords
// ingest produced, so that `geokg merge` can apply them to another store
// through Store::Apply (which skips documents already there, and whose
// merging of entities and summaries does not depend on order).
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <tuple>
#include <vector>
#include <map>
#include <unordered_map>

#include "graph/serialize.h"
#include "graph/store.h"
#include "graph/store_lmdb.h"

namespace geokg::graph {

using namespace store_internal;

namespace {

Status Bad(const std::string& dir, std::string_view what) { return CorruptRecord(dir, what); }


}  // namespace

namespace {

// One line of a pass's bucket: an evidence record of a document (tag 0:
// `a` its evidence number, `b` the index of its relation key) or a mention
// (tag 1: `a` the entity, `b` the count).
struct BucketEntry {
  uint64_t doc;
  uint64_t a;
  uint32_t b;
  uint32_t tag;
};

// Temporary files, one per pass, unlinked from the start (tmpfile(3)), so
// that the memory of the scan is that of one pass whatever the store's size.
class Buckets {
 public:
  ~Buckets() {
    for (FILE* f : files_)
      if (f) std::fclose(f);
  }
  bool Open(size_t n) {
    files_.assign(n, nullptr);
    for (FILE*& f : files_)
      if (!(f = std::tmpfile())) return false;
    return true;
  }
  bool Add(size_t pass, const BucketEntry& e) { return std::fwrite(&e, sizeof e, 1, files_[pass]) == 1; }
  // The entries of one pass, sorted by document, then kind, then `a`.
  bool Take(size_t pass, std::vector<BucketEntry>* out) {
    FILE* f = files_[pass];
    out->clear();
    if (std::fflush(f) != 0) return false;
    const long bytes = std::ftell(f);
    if (bytes < 0) return false;
    out->resize(static_cast<size_t>(bytes) / sizeof(BucketEntry));
    std::rewind(f);
    if (!out->empty() && std::fread(out->data(), sizeof(BucketEntry), out->size(), f) != out->size()) return false;
    std::fclose(f);
    files_[pass] = nullptr;
    std::sort(out->begin(), out->end(), [](const BucketEntry& x, const BucketEntry& y) {
      return std::tie(x.doc, x.tag, x.a) < std::tie(y.doc, y.tag, y.a);
    });
    return true;
  }

 private:
  std::vector<FILE*> files_;
};

// At most this many passes (open temporary files); beyond it the passes grow.
constexpr uint64_t kMaxPasses = 512;

}  // namespace

Status Store::ForEachDocRecord(size_t batch_documents, size_t evidence_per_pass,
                               const std::function<Status(std::vector<DocRecord>&&)>& fn) const {
  const Impl& impl = *impl_;
  const std::string& dir = impl.dir;
  ReadTxn txn(impl);
  if (Status s = txn.Begin(); !s.ok()) return s;
  MDB_stat stat;
  int rc = mdb_stat(txn.get(), impl.evidence, &stat);
  if (rc != 0) return LmdbError(dir, "stat evidence", rc);
  const uint64_t per_pass = std::max<size_t>(evidence_per_pass, 1);
  const uint64_t passes = std::clamp<uint64_t>((stat.ms_entries + per_pass - 1) / per_pass, 1, kMaxPasses);
  // Document ids are hashes, spread evenly: pass p takes [p * step, (p + 1) * step).
  const uint64_t step = passes == 1 ? 0 : UINT64_MAX / passes;
  auto pass_of = [&](DocId doc) { return passes == 1 ? 0 : std::min<uint64_t>(doc / step, passes - 1); };
  auto temp_error = [&] { return Status::Storage(dir + ": merge: temporary file: " + std::strerror(errno)); };

  // One walk over every evidence chain and one scan of the mention index,
  // each entry written to the bucket of its document's pass: the scan is
  // linear in the store, not a walk per pass.
  Buckets buckets;
  if (!buckets.Open(passes)) return temp_error();
  std::vector<RelationKey> keys;
  {
    Cursor cursor;
    if ((rc = cursor.Open(txn.get(), impl.relations)) != 0) return LmdbError(dir, "open cursor", rc);
    MDB_val k, v;
    char no_buf[kEvidenceNoSize];
    for (rc = mdb_cursor_get(cursor.get(), &k, &v, MDB_FIRST); rc == 0;
         rc = mdb_cursor_get(cursor.get(), &k, &v, MDB_NEXT)) {
      if (v.mv_size < kEvidenceNoSize) return Bad(dir, "relation");
      RelationKey key;
      if (Status s = DecodeRelationKey(dir, FromVal(k), &key); !s.ok()) return s;
      if (keys.size() >= UINT32_MAX) return Status::Storage(dir + ": merge: more than 4 billion relations");
      const auto key_index = static_cast<uint32_t>(keys.size());
      keys.push_back(key);
      for (uint64_t no = GetBe64(static_cast<const char*>(v.mv_data)); no != 0;) {
        PutBe64(no_buf, no);
        MDB_val ek{kEvidenceNoSize, no_buf}, ev;
        const int erc = mdb_get(txn.get(), impl.evidence, &ek, &ev);
        if (erc != 0) return erc == MDB_NOTFOUND ? Bad(dir, "evidence chain") : LmdbError(dir, "read evidence", erc);
        // An evidence value: be64 previous, then the record (u32 class
        // version, u64 doc, ...): the document is read before decoding.
        if (ev.mv_size < kEvidenceNoSize + 12) return Bad(dir, "evidence");
        const char* p = static_cast<const char*>(ev.mv_data);
        const uint64_t previous = GetBe64(p);
        if (previous >= no) return Bad(dir, "evidence chain");
        DocId doc;
        std::memcpy(&doc, p + kEvidenceNoSize + 4, 8);
        if (!buckets.Add(pass_of(doc), {doc, no, key_index, 0})) return temp_error();
        no = previous;
      }
    }
    if (rc != MDB_NOTFOUND) return LmdbError(dir, "read relations", rc);
  }
  if (impl.has_mentions) {
    Cursor cursor;
    if ((rc = cursor.Open(txn.get(), impl.entity_docs)) != 0) return LmdbError(dir, "open cursor", rc);
    MDB_val k, v;
    for (rc = mdb_cursor_get(cursor.get(), &k, &v, MDB_FIRST); rc == 0;
         rc = mdb_cursor_get(cursor.get(), &k, &v, MDB_NEXT)) {
      EntityDocEntry e;
      if (k.mv_size != 8 || !DecodeEntityDoc(v, &e)) return Bad(dir, "entity_docs");
      const EntityId entity = GetBe64(static_cast<const char*>(k.mv_data));
      if (!buckets.Add(pass_of(e.doc), {e.doc, entity, e.mentions, 1})) return temp_error();
    }
    if (rc != MDB_NOTFOUND) return LmdbError(dir, "read entity_docs", rc);
  }

  ValueReader reader;
  std::vector<BucketEntry> entries;
  for (uint64_t pass = 0; pass < passes; ++pass) {
    const uint64_t lo = pass * step;
    const uint64_t hi = pass + 1 == passes ? UINT64_MAX : lo + step - 1;
    std::map<DocId, DocRecord> docs;
    // Documents and their texts: a range of doc ids (of the id index from
    // schema 7, whose documents and texts are keyed by doc_seq; of the
    // documents table before).
    if (impl.docs_by_seq) {
      std::vector<std::pair<DocId, uint64_t>> ids;
      if (Status s = DocIdsInRange(impl, txn.get(), lo, hi, &ids); !s.ok()) return s;
      char seq_key[kDocSeqSize];
      for (const auto& [id, seq] : ids) {
        PutBe64(seq_key, seq);
        MDB_val k{kDocSeqSize, seq_key}, v;
        rc = mdb_get(txn.get(), impl.documents, &k, &v);
        if (rc == MDB_NOTFOUND) return Bad(dir, "doc_ids: a document that is not stored");
        if (rc != 0) return LmdbError(dir, "read documents", rc);
        DocRecord& rec = docs[id];
        if (Status s = DecodeDocument(impl, v, &reader, &rec.meta); !s.ok()) return s;
        if (Status s = ReadText(impl, txn.get(), k, &rec.text); !s.ok()) return s;
      }
    } else {
      Cursor cursor;
      if ((rc = cursor.Open(txn.get(), impl.documents)) != 0) return LmdbError(dir, "open cursor", rc);
      char key[8];
      PutBe64(key, lo);
      MDB_val k{8, key}, v;
      for (rc = mdb_cursor_get(cursor.get(), &k, &v, MDB_SET_RANGE); rc == 0;
           rc = mdb_cursor_get(cursor.get(), &k, &v, MDB_NEXT)) {
        if (k.mv_size != 8) return Bad(dir, "document");
        const DocId id = GetBe64(static_cast<const char*>(k.mv_data));
        if (id > hi) break;
        DocRecord& rec = docs[id];
        if (Status s = DecodeDocument(impl, v, &reader, &rec.meta); !s.ok()) return s;
        if (Status s = ReadText(impl, txn.get(), k, &rec.text); !s.ok()) return s;
      }
      if (rc != 0 && rc != MDB_NOTFOUND) return LmdbError(dir, "read documents", rc);
    }
    if (!buckets.Take(pass, &entries)) return temp_error();
    if (docs.empty()) continue;
    // The evidence and mentions of these documents, from the pass's bucket.
    std::unordered_map<EntityId, bool> entities;  // ids the documents name
    char no_buf[kEvidenceNoSize];
    for (const BucketEntry& e : entries) {
      auto it = docs.find(e.doc);
      if (it == docs.end()) continue;
      if (e.tag == 1) {
        it->second.mentions.push_back({e.a, e.b});
        entities[e.a] = true;
        continue;
      }
      PutBe64(no_buf, e.a);
      MDB_val ek{kEvidenceNoSize, no_buf}, ev;
      const int erc = mdb_get(txn.get(), impl.evidence, &ek, &ev);
      if (erc != 0) return erc == MDB_NOTFOUND ? Bad(dir, "evidence chain") : LmdbError(dir, "read evidence", erc);
      ExtractedRelation& r = it->second.relations.emplace_back();
      r.key = keys[e.b];
      if (!reader.Decode(FromVal(ev).substr(kEvidenceNoSize), &r.evidence)) return Bad(dir, "evidence");
      entities[r.key.source] = entities[r.key.target] = true;
    }
    // The entity records the documents need.
    std::unordered_map<EntityId, Entity> records;
    for (const auto& [id, used] : entities) {
      char key[8];
      PutBe64(key, id);
      MDB_val k{8, key}, v;
      rc = mdb_get(txn.get(), impl.entities, &k, &v);
      if (rc == MDB_NOTFOUND) return Bad(dir, "relation (names an entity not stored)");
      if (rc != 0) return LmdbError(dir, "read entities", rc);
      if (!reader.Decode(FromVal(v), &records[id])) return Bad(dir, "entity");
    }
    std::vector<DocRecord> batch;
    for (auto& [id, rec] : docs) {
      std::vector<EntityId> ids;
      for (const ExtractedRelation& r : rec.relations) ids.insert(ids.end(), {r.key.source, r.key.target});
      for (const MentionCount& m : rec.mentions) ids.push_back(m.entity);
      std::sort(ids.begin(), ids.end());
      ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
      for (EntityId e : ids) rec.entities.push_back(records.at(e));
      std::stable_sort(rec.relations.begin(), rec.relations.end(),
                       [](const ExtractedRelation& a, const ExtractedRelation& b) {
                         return std::tie(a.evidence.sentence, a.evidence.begin, a.key) <
                                std::tie(b.evidence.sentence, b.evidence.begin, b.key);
                       });
      batch.push_back(std::move(rec));
      if (batch.size() >= std::max<size_t>(batch_documents, 1)) {
        if (Status s = fn(std::move(batch)); !s.ok()) return s;
        batch.clear();
      }
    }
    if (!batch.empty())
      if (Status s = fn(std::move(batch)); !s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace geokg::graph
