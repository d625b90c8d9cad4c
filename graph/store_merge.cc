// Store::ForEachDocRecord: the stored documents rebuilt as the DocRecords
// ingest produced, so that `geokg merge` can apply them to another store
// through Store::Apply (which skips documents already there, and whose
// merging of entities and summaries does not depend on order).
#include <algorithm>
#include <cstring>
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

Status Store::ForEachDocRecord(size_t batch_documents, size_t evidence_per_pass,
                               const std::function<Status(std::vector<DocRecord>&&)>& fn) const {
  const Impl& impl = *impl_;
  const std::string& dir = impl.dir;
  ReadTxn txn(impl);
  if (Status s = txn.Begin(); !s.ok()) return s;
  MDB_stat stat;
  int rc = mdb_stat(txn.get(), impl.evidence, &stat);
  if (rc != 0) return LmdbError(dir, "stat evidence", rc);
  const uint64_t passes =
      std::max<uint64_t>(1, (stat.ms_entries + std::max<size_t>(evidence_per_pass, 1) - 1) /
                                std::max<size_t>(evidence_per_pass, 1));
  // Document ids are hashes, spread evenly: pass p takes [lo, hi].
  const uint64_t step = passes == 1 ? 0 : UINT64_MAX / passes;
  ValueReader reader;
  for (uint64_t pass = 0; pass < passes; ++pass) {
    const uint64_t lo = pass * step;
    const uint64_t hi = pass + 1 == passes ? UINT64_MAX : lo + step - 1;
    std::map<DocId, DocRecord> docs;
    // Documents and their texts: a range of the documents table.
    {
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
        if (!reader.Decode(FromVal(v), &rec.meta)) return Bad(dir, "document");
        if (impl.has_texts) {
          MDB_val tk{8, k.mv_data}, tv;
          const int trc = mdb_get(txn.get(), impl.texts, &tk, &tv);
          if (trc == 0) {
            if (!DecompressText(FromVal(tv), &rec.text)) return Bad(dir, "text");
          } else if (trc != MDB_NOTFOUND) {
            return LmdbError(dir, "read texts", trc);
          }
        }
      }
      if (rc != 0 && rc != MDB_NOTFOUND) return LmdbError(dir, "read documents", rc);
    }
    if (docs.empty()) continue;
    std::unordered_map<EntityId, bool> entities;  // ids the documents name
    // Relations: every chain walked, the evidence of these documents kept.
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
          if (doc >= lo && doc <= hi) {
            auto it = docs.find(doc);
            if (it != docs.end()) {
              ExtractedRelation& r = it->second.relations.emplace_back();
              r.key = key;
              if (!reader.Decode(FromVal(ev).substr(kEvidenceNoSize), &r.evidence)) return Bad(dir, "evidence");
              entities[key.source] = entities[key.target] = true;
            }
          }
          no = previous;
        }
      }
      if (rc != MDB_NOTFOUND) return LmdbError(dir, "read relations", rc);
    }
    // Mentions: the (entity, document) index, scanned once.
    if (impl.has_mentions) {
      Cursor cursor;
      if ((rc = cursor.Open(txn.get(), impl.entity_docs)) != 0) return LmdbError(dir, "open cursor", rc);
      MDB_val k, v;
      for (rc = mdb_cursor_get(cursor.get(), &k, &v, MDB_FIRST); rc == 0;
           rc = mdb_cursor_get(cursor.get(), &k, &v, MDB_NEXT)) {
        EntityDocEntry e;
        if (k.mv_size != 8 || !DecodeEntityDoc(v, &e)) return Bad(dir, "entity_docs");
        const DocId doc = e.doc;
        if (doc < lo || doc > hi) continue;
        auto it = docs.find(doc);
        if (it == docs.end()) continue;
        const EntityId entity = GetBe64(static_cast<const char*>(k.mv_data));
        it->second.mentions.push_back({entity, e.mentions});
        entities[entity] = true;
      }
      if (rc != MDB_NOTFOUND) return LmdbError(dir, "read entity_docs", rc);
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
      std::sort(rec.relations.begin(), rec.relations.end(), [](const ExtractedRelation& a, const ExtractedRelation& b) {
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
