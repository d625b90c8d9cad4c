// Store::Apply: the batch writer. One write transaction per batch; see the
// layout and its invariants at the top of store.cc.
#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <deque>
#include <limits>
#include <tuple>
#include <unordered_map>
#include <map>
#include <set>
#include <unordered_set>

#include "graph/ids.h"
#include "graph/serialize.h"
#include "graph/store.h"

#include "graph/ontology.h"
#include "graph/store_lmdb.h"

#include <zlib.h>
#include <zstd.h>

namespace geokg::graph {

using namespace store_internal;

namespace {

// One relation of the batch. Sorted by (key, doc, sentence, begin, order):
// grouped by relation, duplicates adjacent with the first in batch order first.
struct PendingEvidence {
  RelationKey key;
  DocId doc;
  uint32_t sentence, begin;
  uint32_t order;  // position in the batch: the first of equal keys wins
  Date doc_date;
  DateSource doc_date_source;
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

// Folds the summary of new evidence `add` into the stored one `into`. Every
// field is a sum, a minimum or a maximum (the role: the greatest in byte
// order of the roles the evidence gives), so the result does not depend on
// the order evidence arrives in: shards merge to what one ingest gives.
void MergeSummary(const RelationSummary& add, RelationSummary* into) {
  for (int m = 0; m < kModalityCount; ++m) into->counts[m] += add.counts[m];
  if (add.first_date != 0 && (into->first_date == 0 || add.first_date < into->first_date)) {
    into->first_date = add.first_date;
  }
  into->last_date = std::max(into->last_date, add.last_date);
  into->confidence = std::max(into->confidence, add.confidence);
  into->role = std::max(into->role, add.role);
}

// Of two stored copies of one text (equal DocIds: the same text read from
// two files or two corpora), the one kept: the earliest dated (undated
// last), then the smallest source, id, url and title. A choice that does not
// depend on the order the copies come in, so shards merge to what one ingest
// gives.
bool EarlierCopy(const DocMeta& a, const DocMeta& b) {
  const Date undated = std::numeric_limits<Date>::max();
  const Date da = a.date == 0 ? undated : a.date, db = b.date == 0 ? undated : b.date;
  return std::tie(da, a.source, a.external_id, a.url, a.title) < std::tie(db, b.source, b.external_id, b.url, b.title);
}

// A 64-bit digest of everything Apply stores about an entity.
uint64_t EntityFingerprint(const Entity& e) {
  uint64_t h = Hash64(e.name, e.id ^ static_cast<uint64_t>(e.kind));
  h = Hash64(e.country, h);
  for (const std::string& alias : e.aliases) h = Hash64(alias, h + 0x51);
  return h;
}

// Merges `add` into `into`: of two non-empty names or countries the
// smaller (byte order) is kept, an empty one is filled, the smaller kind is
// kept, aliases are united (in first-seen order). The fields kept do not
// depend on the order records arrive in, so shards merge to what one ingest
// gives. Returns true if `into` changed.
bool MergeEntity(const Entity& add, Entity* into) {
  bool changed = false;
  if (!add.name.empty() && (into->name.empty() || add.name < into->name)) {
    into->name = add.name;
    changed = true;
  }
  if (!add.country.empty() && (into->country.empty() || add.country < into->country)) {
    into->country = add.country;
    changed = true;
  }
  if (add.kind < into->kind) {
    into->kind = add.kind;
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

// The last doc_seq given out: meta "doc_seq", or the last key of the
// documents if that is higher (a store whose "doc_seq" was lost), so that
// numbers are never given twice and documents are always appended.
Status ReadDocSeq(const Store::Impl& impl, MDB_txn* txn, uint64_t* last) {
  *last = 0;
  MDB_val k = ToVal(kDocSeqKey), v;
  int rc = mdb_get(txn, impl.meta, &k, &v);
  if (rc == 0) {
    if (v.mv_size != 8) return CorruptRecord(impl.dir, "meta: doc_seq");
    *last = GetBe64(static_cast<const char*>(v.mv_data));
  } else if (rc != MDB_NOTFOUND) {
    return LmdbError(impl.dir, "read doc_seq", rc);
  }
  Cursor cursor;
  if ((rc = cursor.Open(txn, impl.documents)) != 0) return LmdbError(impl.dir, "open cursor", rc);
  rc = mdb_cursor_get(cursor.get(), &k, &v, MDB_LAST);
  if (rc == 0) {
    if (k.mv_size != kDocSeqSize) return CorruptRecord(impl.dir, "doc_meta: a key of " + std::to_string(k.mv_size) + " bytes");
    *last = std::max(*last, GetBe64(static_cast<const char*>(k.mv_data)));
  } else if (rc != MDB_NOTFOUND) {
    return LmdbError(impl.dir, "read documents", rc);
  }
  return Status::Ok();
}

Status WriteDocSeq(const Store::Impl& impl, MDB_txn* txn, uint64_t last, bool* map_full) {
  char buf[8];
  PutBe64(buf, last);
  MDB_val k = ToVal(kDocSeqKey), v{8, buf};
  const int rc = mdb_put(txn, impl.meta, &k, &v, 0);
  if (rc == MDB_MAP_FULL && map_full != nullptr) *map_full = true;
  if (rc != 0) return LmdbError(impl.dir, "write doc_seq", rc);
  return Status::Ok();
}

// The write of one batch; the caller owns the transaction and retries the
// whole batch on MDB_MAP_FULL (reported through *map_full).
class BatchWriter {
 public:
  // `kept_seqs`: documents retracted earlier in the transaction whose texts
  // were kept (reextract, a preferred copy), with their doc_seq: stored
  // again, they take that number back, which keys their text.
  BatchWriter(const Store::Impl& impl, MDB_txn* txn, bool* map_full,
              const std::map<DocId, uint64_t>* kept_seqs = nullptr)
      : impl_(impl), txn_(txn), map_full_(map_full), kept_seqs_(kept_seqs) {}

  Status Write(const std::vector<DocRecord>& batch, ApplyResult* result);

 private:
  Status Check(int rc, std::string_view what) {
    if (rc == MDB_MAP_FULL) *map_full_ = true;
    return LmdbError(impl_.dir, what, rc);
  }
  Status WriteEntities(const std::vector<const DocRecord*>& docs, ApplyResult* result);
  Status WriteAliases(const Entity& entity, size_t first_new_alias, bool with_name);
  Status WriteRelations(const std::vector<const DocRecord*>& docs, ApplyResult* result);
  Status WriteMentions(const std::vector<const DocRecord*>& docs, const std::vector<uint64_t>& seqs,
                       ApplyResult* result);
  Status SettleDocIds();

  const Store::Impl& impl_;
  MDB_txn* txn_;
  bool* map_full_;
  const std::map<DocId, uint64_t>* kept_seqs_;

 public:
  // Entities written or found unchanged: impl.known_entities after commit.
  std::vector<std::pair<EntityId, uint64_t>> known_after_commit;

 private:
  ValueWriter writer_;
  ValueReader reader_;
  std::string value_;  // a relations value being built
  std::string text_;   // a compressed text
  std::vector<DocRecord> remapped_;  // the batch with merge rules applied
  std::deque<Evidence> fixed_;  // evidence completed with its document's id/date
};

Status BatchWriter::Write(const std::vector<DocRecord>& input, ApplyResult* result) {
  // Curation rules (geokg entity merge / rename / alias ...): records for a
  // folded entity land on the one it was merged into, and edited entities
  // are written as edited.
  std::map<EntityId, EntityId> rules;
  if (Status s = ReadMergeRules(impl_, txn_, &rules); !s.ok()) return s;
  std::map<EntityId, EntityEdit> edits;
  if (Status s = ReadEditRules(impl_, txn_, &edits); !s.ok()) return s;
  // The kept entity's record: stored, or else brought by this batch. A rule
  // whose kept entity is neither waits (Store::SettleMergeRules carries it
  // out once both are stored).
  std::map<EntityId, Entity> keep_records;
  for (const auto& [fold, keep] : rules) {
    if (keep_records.count(keep)) continue;
    char buf[8];
    PutBe64(buf, keep);
    MDB_val k{8, buf}, v;
    int rc = mdb_get(txn_, impl_.entities, &k, &v);
    if (rc == 0) {
      if (!reader_.Decode(FromVal(v), &keep_records[keep])) return CorruptRecord(impl_.dir, "entity");
    } else if (rc != MDB_NOTFOUND) {
      return Check(rc, "read merged entity");
    }
  }
  std::set<EntityId> missing;
  for (const auto& [fold, keep] : rules)
    if (!keep_records.count(keep)) missing.insert(keep);
  if (!missing.empty()) {
    for (const DocRecord& rec : input)
      for (const Entity& e : rec.entities)
        if (missing.count(e.id) && !keep_records.count(e.id)) keep_records[e.id] = e;
  }
  std::erase_if(rules, [&](const auto& rule) { return keep_records.count(rule.second) == 0; });
  const std::vector<DocRecord>* records = &input;
  if (!rules.empty() || !edits.empty()) {
    remapped_ = input;
    auto map = [&](EntityId id) {
      auto it = rules.find(id);
      return it == rules.end() ? id : it->second;
    };
    for (DocRecord& rec : remapped_) {
      std::vector<EntityId> needed;
      std::erase_if(rec.entities, [&](const Entity& e) {
        if (map(e.id) == e.id) return false;
        needed.push_back(map(e.id));
        return true;
      });
      for (EntityId keep : needed) {
        if (std::any_of(rec.entities.begin(), rec.entities.end(), [&](const Entity& e) { return e.id == keep; }))
          continue;
        rec.entities.push_back(keep_records.at(keep));
      }
      for (Entity& e : rec.entities) {
        auto edit = edits.find(e.id);
        if (edit != edits.end()) ApplyEdit(edit->second, &e);
      }
      std::map<EntityId, uint32_t> counts;
      for (const MentionCount& m : rec.mentions) counts[map(m.entity)] += m.count;
      rec.mentions.clear();
      for (const auto& [entity, count] : counts) rec.mentions.push_back({entity, count});
      std::erase_if(rec.relations, [&](ExtractedRelation& r) {
        r.key.source = map(r.key.source);
        r.key.target = map(r.key.target);
        return r.key.source == r.key.target;
      });
    }
    records = &remapped_;
  }
  const std::vector<DocRecord>& batch = *records;
  // Documents new to the store, first occurrence in the batch only: not in
  // the settled part of the id index, and an MDB_NOOVERWRITE put into its
  // recent part both tests and stores the rest. Each gets the next doc_seq,
  // which keys its record and text: both are appended.
  std::vector<const DocRecord*> docs;
  std::vector<uint64_t> seqs;  // docs[i]'s doc_seq
  docs.reserve(batch.size());
  seqs.reserve(batch.size());
  uint64_t last_seq = 0;
  if (Status s = ReadDocSeq(impl_, txn_, &last_seq); !s.ok()) return s;
  const uint64_t stored_last_seq = last_seq;
  // Of the copies of one text in the batch, the one EarlierCopy prefers.
  std::unordered_map<DocId, size_t> chosen;
  for (size_t i = 0; i < batch.size(); ++i) {
    auto [it, fresh] = chosen.emplace(batch[i].meta.id, i);
    if (!fresh && EarlierCopy(batch[i].meta, batch[it->second].meta)) it->second = i;
  }
  char key_buf[8], seq_buf[kDocSeqSize];
  for (size_t i = 0; i < batch.size(); ++i) {
    const DocRecord& rec = batch[i];
    if (chosen[rec.meta.id] != i) {
      ++result->documents_skipped;
      continue;
    }
    uint64_t seq = last_seq + 1;
    const bool kept = kept_seqs_ != nullptr && kept_seqs_->count(rec.meta.id) != 0;
    if (kept) seq = kept_seqs_->at(rec.meta.id);
    PutBe64(key_buf, rec.meta.id);
    PutBe64(seq_buf, seq);
    MDB_val k{8, key_buf}, v;
    int rc = mdb_get(txn_, impl_.doc_ids, &k, &v);  // settled; the recent ones by the put
    if (rc == 0) rc = MDB_KEYEXIST;
    if (rc == MDB_NOTFOUND) {
      k = MDB_val{8, key_buf};
      v = MDB_val{kDocSeqSize, seq_buf};
      rc = mdb_put(txn_, impl_.new_doc_ids, &k, &v, MDB_NOOVERWRITE);
    }
    if (rc == MDB_KEYEXIST) {
      ++result->documents_skipped;
      continue;
    }
    if (rc != 0) return Check(rc, "write doc_ids");
    const unsigned append = kept ? 0u : MDB_APPEND;
    k = MDB_val{kDocSeqSize, seq_buf};
    v = ToVal(writer_.Encode(rec.meta));
    rc = mdb_put(txn_, impl_.documents, &k, &v, append);
    if (rc != 0) return Check(rc, "write documents");
    if (!kept) last_seq = seq;
    ++result->documents_added;
    docs.push_back(&rec);
    seqs.push_back(seq);
    if (impl_.has_texts && !rec.text.empty()) {
      CompressText(rec.text, &text_);
      MDB_val tk{kDocSeqSize, seq_buf}, tv = ToVal(text_);
      rc = mdb_put(txn_, impl_.texts, &tk, &tv, append);
      if (rc != 0) return Check(rc, "write texts");
    }
  }
  if (last_seq != stored_last_seq) {
    if (Status s = WriteDocSeq(impl_, txn_, last_seq, map_full_); !s.ok()) return s;
  }
  if (Status s = SettleDocIds(); !s.ok()) return s;
  Status s = WriteEntities(docs, result);
  if (!s.ok()) return s;
  s = WriteMentions(docs, seqs, result);
  if (!s.ok()) return s;
  return WriteRelations(docs, result);
}

// Once the recent part of the id index holds options.recent_doc_ids
// entries, moves them into the settled part, in key order, and empties it.
// The recent part takes every batch's inserts, so a batch rewrites at most
// its leaves (about recent_doc_ids / 150), not leaves all over an index as
// large as the store; the settled part is rewritten once per
// recent_doc_ids documents.
Status BatchWriter::SettleDocIds() {
  MDB_stat st;
  int rc = mdb_stat(txn_, impl_.new_doc_ids, &st);
  if (rc != 0) return Check(rc, "stat doc_ids_new");
  if (st.ms_entries < impl_.options.recent_doc_ids) return Status::Ok();
  {
    Cursor cursor;
    if ((rc = cursor.Open(txn_, impl_.new_doc_ids)) != 0) return Check(rc, "open cursor");
    MDB_val k, v;
    for (rc = mdb_cursor_get(cursor.get(), &k, &v, MDB_FIRST); rc == 0;
         rc = mdb_cursor_get(cursor.get(), &k, &v, MDB_NEXT)) {
      char entry[8 + kDocSeqSize];  // copied: the put may move the cursor's page
      if (k.mv_size != 8 || v.mv_size != kDocSeqSize) return CorruptRecord(impl_.dir, "doc_ids_new");
      std::memcpy(entry, k.mv_data, 8);
      std::memcpy(entry + 8, v.mv_data, kDocSeqSize);
      MDB_val ek{8, entry}, ev{kDocSeqSize, entry + 8};
      const int prc = mdb_put(txn_, impl_.doc_ids, &ek, &ev, 0);
      if (prc != 0) return Check(prc, "write doc_ids");
    }
    if (rc != MDB_NOTFOUND) return Check(rc, "read doc_ids_new");
  }
  if ((rc = mdb_drop(txn_, impl_.new_doc_ids, 0)) != 0) return Check(rc, "empty doc_ids_new");
  return Status::Ok();
}

// One (entity, document) mention entry of the batch. Sorted by entity,
// then by the document's sequence number (its place in the batch).
struct PendingMention {
  EntityId entity;
  uint64_t seq;
  DocId doc;
  uint32_t count;
  Date date;
  bool operator<(const PendingMention& o) const {
    return entity != o.entity ? entity < o.entity : seq < o.seq;
  }
};

Status BatchWriter::WriteMentions(const std::vector<const DocRecord*>& docs, const std::vector<uint64_t>& seqs,
                                  ApplyResult* result) {
  std::vector<PendingMention> pending;
  size_t total = 0;
  for (const DocRecord* rec : docs) total += rec->mentions.size();
  if (total == 0) return Status::Ok();
  pending.reserve(total);
  for (size_t d = 0; d < docs.size(); ++d) {
    const DocRecord* rec = docs[d];
    for (const MentionCount& m : rec->mentions) {
      if (m.count > 0) pending.push_back({m.entity, seqs[d], rec->meta.id, m.count, rec->meta.date});
    }
  }
  // In key order, so that each entity's entries and its totals are written
  // through two cursors moving forward. The sequence numbers are above
  // every stored one, so each entity's new entries go at the end of its
  // list (MDB_APPENDDUP: pages filled, not split in half).
  std::sort(pending.begin(), pending.end());
  Cursor index, counts;
  int rc = index.Open(txn_, impl_.entity_docs);
  if (rc == 0) rc = counts.Open(txn_, impl_.entity_counts);
  if (rc != 0) return Check(rc, "open cursor");
  char key[8], value[kEntityDocValueSize], totals[kEntityCountsSize];
  size_t i = 0;
  while (i < pending.size()) {
    const EntityId entity = pending[i].entity;
    uint64_t add_mentions = 0, add_documents = 0;
    PutBe64(key, entity);
    while (i < pending.size() && pending[i].entity == entity) {
      // Entries repeated for one document (a DocRecord listing an entity
      // twice) add up into one.
      EntityDocEntry entry;
      entry.seq = pending[i].seq;
      entry.doc = pending[i].doc;
      entry.date = pending[i].date;
      uint64_t count = 0;
      for (; i < pending.size() && pending[i].entity == entity && pending[i].seq == entry.seq; ++i) {
        count += pending[i].count;
      }
      entry.mentions = static_cast<uint32_t>(std::min<uint64_t>(count, UINT32_MAX));
      EncodeEntityDoc(entry, value);
      MDB_val k{8, key}, v{kEntityDocValueSize, value};
      rc = mdb_cursor_put(index.get(), &k, &v, MDB_APPENDDUP);
      if (rc == MDB_KEYEXIST) {
        // Not after the entity's last entry (a store whose doc_seq was
        // lost): an ordinary insert. The documents are new to the store, so
        // the entry is too; should it exist all the same, it is counted
        // already and left alone.
        k = MDB_val{8, key};
        v = MDB_val{kEntityDocValueSize, value};
        rc = mdb_cursor_put(index.get(), &k, &v, MDB_NODUPDATA);
        if (rc == MDB_KEYEXIST) continue;
      }
      if (rc != 0) return Check(rc, "write entity_docs");
      const uint32_t stored_count = entry.mentions;
      add_mentions += stored_count;
      ++add_documents;
    }
    if (add_documents == 0) continue;
    result->entity_documents_added += add_documents;
    MDB_val k{8, key}, v;
    rc = mdb_cursor_get(counts.get(), &k, &v, MDB_SET);
    unsigned flags = 0;
    if (rc == 0) {
      if (v.mv_size != kEntityCountsSize) {
        return CorruptRecord(impl_.dir, "entity counts " + IdToHex(entity));
      }
      const char* p = static_cast<const char*>(v.mv_data);
      add_mentions += GetBe64(p);
      add_documents += GetBe64(p + 8);
      flags = MDB_CURRENT;
    } else if (rc != MDB_NOTFOUND) {
      return Check(rc, "read entity_counts");
    }
    PutBe64(totals, add_mentions);
    PutBe64(totals + 8, add_documents);
    k = MDB_val{8, key};
    v = MDB_val{kEntityCountsSize, totals};
    rc = mdb_cursor_put(counts.get(), &k, &v, flags);
    if (rc != 0) return Check(rc, "write entity_counts");
  }
  return Status::Ok();
}

Status BatchWriter::WriteEntities(const std::vector<const DocRecord*>& docs, ApplyResult* result) {
  // Group the batch's entities by id, keeping batch order inside a group (the
  // merge is order-independent), so each entity is read and written once, in key
  // order, and nothing is copied unless it has to be merged.
  std::vector<std::pair<EntityId, const Entity*>> all;
  for (const DocRecord* rec : docs) {
    for (const Entity& e : rec->entities) all.emplace_back(e.id, &e);
  }
  std::stable_sort(all.begin(), all.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  Entity stored, merged;
  char key_buf[8];
  for (size_t i = 0; i < all.size();) {
    const EntityId id = all[i].first;
    size_t end = i + 1;
    while (end < all.size() && all[end].first == id) ++end;
    auto known = impl_.known_entities.find(id);
    if (known != impl_.known_entities.end()) {
      bool all_known = true;
      for (size_t j = i; j < end && all_known; ++j) {
        all_known = EntityFingerprint(*all[j].second) == known->second;
      }
      if (all_known) {
        i = end;
        continue;
      }
    }
    PutBe64(key_buf, id);
    MDB_val k{8, key_buf}, v;
    int rc = mdb_get(txn_, impl_.entities, &k, &v);
    size_t first_new_alias = 0;
    bool with_name = false;
    const Entity* to_write = all[i].second;
    if (rc == MDB_NOTFOUND) {
      ++result->entities_added;
      with_name = true;
      if (end - i > 1) {
        merged = *all[i].second;
        for (size_t j = i + 1; j < end; ++j) MergeEntity(*all[j].second, &merged);
        to_write = &merged;
      }
    } else if (rc != 0) {
      return Check(rc, "read entities");
    } else {
      // The common case, an entity seen again as it was stored, costs one
      // encode and a compare instead of a decode and a merge.
      if (end - i == 1 && writer_.Encode(*all[i].second) == FromVal(v)) {
        known_after_commit.emplace_back(id, EntityFingerprint(*all[i].second));
        i = end;
        continue;
      }
      if (!reader_.Decode(FromVal(v), &stored)) {
        return CorruptRecord(impl_.dir, "entity " + IdToHex(id));
      }
      const std::string old_name = stored.name;
      first_new_alias = stored.aliases.size();
      bool changed = false;
      for (size_t j = i; j < end; ++j) changed |= MergeEntity(*all[j].second, &stored);
      i = end;
      if (!changed) continue;
      with_name = stored.name != old_name && !stored.name.empty();
      to_write = &stored;
    }
    i = end;
    v = ToVal(writer_.Encode(*to_write));
    rc = mdb_put(txn_, impl_.entities, &k, &v, 0);
    if (rc != 0) return Check(rc, "write entities");
    known_after_commit.emplace_back(id, EntityFingerprint(*to_write));
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

Status BatchWriter::WriteRelations(const std::vector<const DocRecord*>& docs, ApplyResult* result) {
  std::vector<PendingEvidence> pending;
  size_t total = 0;
  for (const DocRecord* rec : docs) total += rec->relations.size();
  pending.reserve(total);
  uint32_t order = 0;
  for (const DocRecord* rec : docs) {
    for (const ExtractedRelation& r : rec->relations) {
      // A symmetric relation is stored once per unordered pair.
      pending.push_back({CanonicalKey(r.key), rec->meta.id, r.evidence.sentence, r.evidence.begin, order++,
                         rec->meta.date, rec->meta.date != 0 ? rec->meta.date_source : DateSource::kNone,
                         &r.evidence});
    }
  }
  if (pending.empty()) return Status::Ok();

  // Evidence numbers continue after the last stored one; evidence k of the
  // batch (in batch order) gets number base + k. Duplicates leave gaps.
  uint64_t base = 1;
  Cursor evidence_cursor;
  int rc = evidence_cursor.Open(txn_, impl_.evidence);
  if (rc != 0) return Check(rc, "open cursor");
  {
    MDB_val k, v;
    rc = mdb_cursor_get(evidence_cursor.get(), &k, &v, MDB_LAST);
    if (rc == 0) {
      if (k.mv_size != kEvidenceNoSize) return CorruptRecord(impl_.dir, "evidence key");
      base = GetBe64(static_cast<const char*>(k.mv_data)) + 1;
    } else if (rc != MDB_NOTFOUND) {
      return Check(rc, "read evidence");
    }
  }

  // Pass 1, in relation key order (one cursor, so that neighbouring keys are
  // found without a search from the root): drop duplicates, chain each
  // relation's new evidence behind its stored newest one and merge the
  // summaries.
  std::sort(pending.begin(), pending.end());
  std::vector<const Evidence*> by_order(order, nullptr);  // null: a duplicate
  std::vector<uint64_t> previous(order, 0);               // chain link of each evidence
  std::vector<uint32_t> group;                            // orders of one relation's evidence
  Cursor summaries;
  rc = summaries.Open(txn_, impl_.relations);
  if (rc != 0) return Check(rc, "open cursor");
  char rel_key[kRelationKeySize];
  RelationSummary added, stored;
  size_t i = 0;
  while (i < pending.size()) {
    const RelationKey key = pending[i].key;
    EncodeRelationKey(key, rel_key);
    added = RelationSummary{};
    added.key = key;
    group.clear();
    for (size_t first = i; i < pending.size() && pending[i].key == key; ++i) {
      const PendingEvidence& p = pending[i];
      if (i > first && p.SameRecord(pending[i - 1])) continue;  // duplicate in the batch
      // The evidence belongs to the document that carries it, and carries
      // that document's date unless it has its own.
      const Evidence* ev = p.evidence;
      if (ev->doc != p.doc || (ev->date == 0 && p.doc_date != 0)) {
        Evidence& copy = fixed_.emplace_back(*ev);
        copy.doc = p.doc;
        if (copy.date == 0) {
          copy.date = p.doc_date;
          copy.date_source = p.doc_date_source;
        }
        ev = &copy;
      }
      by_order[p.order] = ev;
      group.push_back(p.order);
      Accumulate(*ev, &added);
      added.role = std::max(added.role, ev->role);
    }
    MDB_val k{kRelationKeySize, rel_key}, v;
    rc = mdb_cursor_get(summaries.get(), &k, &v, MDB_SET);
    const RelationSummary* to_write = &added;
    uint64_t newest = 0;  // the relation's newest stored evidence, 0 if none
    unsigned put_flags = 0;
    if (rc == 0) {
      std::string_view value = FromVal(v);
      if (value.size() < kEvidenceNoSize ||
          !DecodeStoredSummary(value.substr(kEvidenceNoSize), &stored)) {
        return CorruptRecord(impl_.dir, "relation summary");
      }
      newest = GetBe64(value.data());
      MergeSummary(added, &stored);
      to_write = &stored;
      put_flags = MDB_CURRENT;
    } else if (rc != MDB_NOTFOUND) {
      return Check(rc, "read relations");
    }
    // Chain the group in ingest (evidence number) order.
    std::sort(group.begin(), group.end());
    for (uint32_t o : group) {
      previous[o] = newest;
      newest = base + o;
    }
    value_.resize(kEvidenceNoSize);
    PutBe64(value_.data(), newest);
    AppendStoredSummary(*to_write, &value_);
    k = MDB_val{kRelationKeySize, rel_key};
    v = ToVal(value_);
    rc = mdb_cursor_put(summaries.get(), &k, &v, put_flags);
    if (rc != 0) return Check(rc, "write relations");
  }

  // Pass 2, in batch order: append the evidence records (keys ascending),
  // each behind its chain link.
  char seq_buf[kEvidenceNoSize];
  for (uint32_t o = 0; o < order; ++o) {
    if (by_order[o] == nullptr) continue;
    PutBe64(seq_buf, base + o);
    MDB_val k{kEvidenceNoSize, seq_buf}, v{kEvidenceNoSize + EvidenceEncodedSize(*by_order[o]), nullptr};
    rc = mdb_cursor_put(evidence_cursor.get(), &k, &v, MDB_APPEND | MDB_RESERVE);
    if (rc != 0) return Check(rc, "write evidence");
    char* out = static_cast<char*>(v.mv_data);
    PutBe64(out, previous[o]);
    EncodeEvidenceTo(*by_order[o], out + kEvidenceNoSize);
    ++result->evidence_added;
  }
  return Status::Ok();
}

}  // namespace

namespace {

// The retraction in one write transaction (Store::Retract).
class Retractor {
 public:
  Retractor(Store::Impl& impl, MDB_txn* txn, bool* map_full, bool keep_texts = false)
      : impl_(impl), txn_(txn), map_full_(map_full), keep_texts_(keep_texts) {}

  // Entities kept even when nothing names them any more (the targets of
  // merge rules while their documents are extracted again).
  void Protect(EntityId id) { referenced_.insert(id); }

  // The documents retracted with their texts kept, and their doc_seq (the
  // key of the text), for the BatchWriter that stores them again.
  const std::map<DocId, uint64_t>& kept_seqs() const { return kept_seqs_; }

  Status Run(const std::set<DocId>& docs, RetractResult* result) {
    // Every document must be stored, or nothing changes.
    char key[8];
    std::map<DocId, uint64_t> seqs;
    for (DocId id : docs) {
      MDB_val v;
      Status s = FindDocument(impl_, txn_, id, &seqs[id], &v);
      if (s.code() == StatusCode::kNotFound) return Status::NotFound(impl_.dir + ": no stored document " + IdToHex(id));
      if (!s.ok()) return s;
    }
    Status s = Relations(docs, result);
    if (s.ok()) s = Mentions(docs);
    if (s.ok()) s = Entities(result);
    if (!s.ok()) return s;
    for (DocId id : docs) {
      PutBe64(key, id);
      MDB_val k{8, key};
      int rc = mdb_del(txn_, impl_.new_doc_ids, &k, nullptr);
      if (rc == MDB_NOTFOUND) rc = mdb_del(txn_, impl_.doc_ids, &k, nullptr);
      PutBe64(key, seqs[id]);
      k = MDB_val{kDocSeqSize, key};
      if (rc == 0) rc = mdb_del(txn_, impl_.documents, &k, nullptr);
      if (rc != 0) return Check(rc, "delete document");
      ++result->documents_removed;
      if (keep_texts_) {
        kept_seqs_[id] = seqs[id];
        continue;
      }
      k = MDB_val{kDocSeqSize, key};
      rc = mdb_del(txn_, impl_.texts, &k, nullptr);
      if (rc != 0 && rc != MDB_NOTFOUND) return Check(rc, "delete text");
    }
    return Status::Ok();
  }

 private:
  Status Check(int rc, std::string_view what) {
    if (rc == MDB_MAP_FULL) *map_full_ = true;
    return LmdbError(impl_.dir, what, rc);
  }

  // Walks every relation's chain, dropping the retracted documents'
  // evidence; notes which entities the remaining relations still name.
  Status Relations(const std::set<DocId>& docs, RetractResult* result) {
    Cursor cursor;
    int rc = cursor.Open(txn_, impl_.relations);
    if (rc != 0) return Check(rc, "open cursor");
    struct Link {
      uint64_t no, previous;
      DocId doc;
    };
    std::vector<Link> chain;
    std::vector<uint64_t> keep;
    char no_buf[kEvidenceNoSize];
    ValueReader reader;
    Evidence evidence;
    std::string value, record;
    MDB_val k, v;
    // After a delete the cursor already stands on the next relation.
    bool deleted = false;
    for (rc = mdb_cursor_get(cursor.get(), &k, &v, MDB_FIRST); rc == 0;
         rc = deleted ? mdb_cursor_get(cursor.get(), &k, &v, MDB_GET_CURRENT)
                      : mdb_cursor_get(cursor.get(), &k, &v, MDB_NEXT)) {
      deleted = false;
      if (v.mv_size < kEvidenceNoSize) return CorruptRecord(impl_.dir, "relations: value too short");
      RelationKey key;
      if (Status ks = DecodeRelationKey(impl_.dir, FromVal(k), &key); !ks.ok()) return ks;
      chain.clear();
      bool touched = false;
      for (uint64_t no = GetBe64(static_cast<const char*>(v.mv_data)); no != 0;) {
        PutBe64(no_buf, no);
        MDB_val ek{kEvidenceNoSize, no_buf}, ev;
        int erc = mdb_get(txn_, impl_.evidence, &ek, &ev);
        if (erc != 0) return Check(erc, "read evidence");
        // prev (8) + class version (4) + doc (8)
        if (ev.mv_size < kEvidenceNoSize + 12) return CorruptRecord(impl_.dir, "evidence");
        const char* p = static_cast<const char*>(ev.mv_data);
        DocId doc;
        std::memcpy(&doc, p + kEvidenceNoSize + 4, 8);
        const uint64_t previous = GetBe64(p);
        if (previous >= no) return CorruptRecord(impl_.dir, "evidence chain");
        chain.push_back({no, previous, doc});
        touched |= docs.count(doc) != 0;
        no = previous;
      }
      if (!touched) {
        referenced_.insert(key.source);
        referenced_.insert(key.target);
        continue;
      }
      keep.clear();
      for (const Link& l : chain) {
        if (docs.count(l.doc) == 0) {
          keep.push_back(l.no);
          continue;
        }
        PutBe64(no_buf, l.no);
        MDB_val ek{kEvidenceNoSize, no_buf};
        int drc = mdb_del(txn_, impl_.evidence, &ek, nullptr);
        if (drc != 0) return Check(drc, "delete evidence");
        ++result->evidence_removed;
      }
      touched_.insert(key.source);
      touched_.insert(key.target);
      if (keep.empty()) {
        int drc = mdb_cursor_del(cursor.get(), 0);
        if (drc != 0) return Check(drc, "delete relation");
        ++result->relations_removed;
        deleted = true;
        continue;
      }
      // Relink what is kept (newest first) and recount it.
      RelationSummary summary;
      summary.key = key;

      for (size_t i = 0; i < keep.size(); ++i) {
        PutBe64(no_buf, keep[i]);
        MDB_val ek{kEvidenceNoSize, no_buf}, ev;
        int erc = mdb_get(txn_, impl_.evidence, &ek, &ev);
        if (erc != 0) return Check(erc, "read evidence");
        if (!reader.Decode(FromVal(ev).substr(kEvidenceNoSize), &evidence))
          return CorruptRecord(impl_.dir, "evidence");
        Accumulate(evidence, &summary);
        summary.role = std::max(summary.role, evidence.role);  // as Apply keeps it
        const uint64_t previous = i + 1 < keep.size() ? keep[i + 1] : 0;
        if (GetBe64(static_cast<const char*>(ev.mv_data)) != previous) {
          record.assign(static_cast<const char*>(ev.mv_data), ev.mv_size);
          PutBe64(record.data(), previous);
          ev = ToVal(record);
          erc = mdb_put(txn_, impl_.evidence, &ek, &ev, 0);
          if (erc != 0) return Check(erc, "relink evidence");
        }
      }
      value.resize(kEvidenceNoSize);
      PutBe64(value.data(), keep.front());
      AppendStoredSummary(summary, &value);
      MDB_val nv = ToVal(value);
      // The key from our own copy: `k` points into the page, which the
      // writes above may have changed, and a value of another size makes
      // LMDB delete and re-add the record, moving the page's bytes under it.
      char key_buf[kRelationKeySize];
      EncodeRelationKey(key, key_buf);
      MDB_val nk{kRelationKeySize, key_buf};
      int prc = mdb_cursor_put(cursor.get(), &nk, &nv, MDB_CURRENT);
      if (prc != 0) return Check(prc, "write relation");
      ++result->relations_updated;
      referenced_.insert(key.source);
      referenced_.insert(key.target);
    }
    if (rc != MDB_NOTFOUND && !(deleted && rc == EINVAL)) return Check(rc, "read relations");
    return Status::Ok();
  }

  // Drops the documents' (entity, document) entries and their mention
  // counts from the entity totals.
  Status Mentions(const std::set<DocId>& docs) {
    if (!impl_.has_mentions) return Status::Ok();
    Cursor cursor;
    int rc = cursor.Open(txn_, impl_.entity_docs);
    if (rc != 0) return Check(rc, "open cursor");
    std::map<EntityId, std::pair<uint64_t, uint64_t>> dropped;  // mentions, documents
    // Find the entries first, then delete each exactly (a cursor's position
    // after deleting a duplicate is not to be relied on).
    std::vector<std::pair<EntityId, std::array<char, kEntityDocValueSize>>> doomed;
    MDB_val k, v;
    EntityDocEntry entry;
    for (rc = mdb_cursor_get(cursor.get(), &k, &v, MDB_FIRST); rc == 0;
         rc = mdb_cursor_get(cursor.get(), &k, &v, MDB_NEXT)) {
      if (k.mv_size != 8 || v.mv_size != kEntityDocValueSize || !DecodeEntityDoc(v, &entry))
        return CorruptRecord(impl_.dir, "entity_docs");
      if (docs.count(entry.doc) == 0) continue;
      const EntityId entity = GetBe64(static_cast<const char*>(k.mv_data));
      auto& d = dropped[entity];
      d.first += entry.mentions;
      ++d.second;
      doomed.emplace_back(entity, std::array<char, kEntityDocValueSize>{});
      std::memcpy(doomed.back().second.data(), v.mv_data, kEntityDocValueSize);
    }
    if (rc != MDB_NOTFOUND) return Check(rc, "read entity_docs");
    for (auto& [entity, value] : doomed) {
      char ekey[8];
      PutBe64(ekey, entity);
      MDB_val dk{8, ekey}, dv{kEntityDocValueSize, value.data()};
      int drc = mdb_del(txn_, impl_.entity_docs, &dk, &dv);
      if (drc != 0) return Check(drc, "delete entity_docs");
      touched_.insert(entity);
    }
    char key[8], totals[kEntityCountsSize];
    for (const auto& [entity, d] : dropped) {
      PutBe64(key, entity);
      MDB_val ck{8, key}, cv;
      int crc = mdb_get(txn_, impl_.entity_counts, &ck, &cv);
      if (crc != 0) return Check(crc, "read entity_counts");
      if (cv.mv_size != kEntityCountsSize) return CorruptRecord(impl_.dir, "entity_counts");
      const uint64_t mentions = GetBe64(static_cast<const char*>(cv.mv_data));
      const uint64_t documents = GetBe64(static_cast<const char*>(cv.mv_data) + 8);
      const uint64_t m = mentions >= d.first ? mentions - d.first : 0;
      const uint64_t n = documents >= d.second ? documents - d.second : 0;
      if (n == 0) {
        crc = mdb_del(txn_, impl_.entity_counts, &ck, nullptr);
      } else {
        PutBe64(totals, m);
        PutBe64(totals + 8, n);
        MDB_val nv{kEntityCountsSize, totals};
        crc = mdb_put(txn_, impl_.entity_counts, &ck, &nv, 0);
      }
      if (crc != 0) return Check(crc, "write entity_counts");
    }
    return Status::Ok();
  }

  // Removes the touched entities that no relation names and no document
  // mentions any more, with their alias entries.
  Status Entities(RetractResult* result) {
    char key[8];
    ValueReader reader;
    Entity entity;
    const size_t max_key = static_cast<size_t>(mdb_env_get_maxkeysize(impl_.env.get()));
    for (EntityId id : touched_) {
      if (referenced_.count(id) != 0) continue;
      PutBe64(key, id);
      MDB_val k{8, key}, v;
      if (impl_.has_mentions) {
        int rc = mdb_get(txn_, impl_.entity_counts, &k, &v);
        if (rc == 0) continue;  // still mentioned by another document
        if (rc != MDB_NOTFOUND) return Check(rc, "read entity_counts");
      }
      int rc = mdb_get(txn_, impl_.entities, &k, &v);
      if (rc == MDB_NOTFOUND) continue;
      if (rc != 0) return Check(rc, "read entities");
      if (!reader.Decode(FromVal(v), &entity)) return CorruptRecord(impl_.dir, "entity");
      std::vector<std::string> names = entity.aliases;
      names.push_back(entity.name);
      for (const std::string& name : names) {
        const std::string alias = NormalizeName(name);
        if (alias.empty() || alias.size() > max_key) continue;
        MDB_val ak = ToVal(alias), av{8, key};
        int arc = mdb_del(txn_, impl_.aliases, &ak, &av);
        if (arc != 0 && arc != MDB_NOTFOUND) return Check(arc, "delete alias");
      }
      k = MDB_val{8, key};
      rc = mdb_del(txn_, impl_.entities, &k, nullptr);
      if (rc != 0) return Check(rc, "delete entity");
      ++result->entities_removed;
    }
    return Status::Ok();
  }

  Store::Impl& impl_;
  MDB_txn* txn_;
  bool* map_full_;
  bool keep_texts_;
  std::map<DocId, uint64_t> kept_seqs_;
  std::set<EntityId> referenced_, touched_;
};

// A batch may bring a copy of a stored text that EarlierCopy prefers to the
// stored one: the stored copy's records are retracted here, in the batch's
// transaction, so that the batch writes the preferred copy in its place
// (under the stored copy's doc_seq, *kept_seqs).
Status RetractLaterCopies(Store::Impl& impl, MDB_txn* txn, const std::vector<DocRecord>& batch, bool* map_full,
                          std::map<DocId, uint64_t>* kept_seqs) {
  kept_seqs->clear();
  std::set<DocId> later;
  DocMeta stored;
  for (const DocRecord& rec : batch) {
    uint64_t seq;
    Status s = ReadDocument(impl, txn, rec.meta.id, &stored, &seq);
    if (s.code() == StatusCode::kNotFound) continue;
    if (!s.ok()) return s;
    if (EarlierCopy(rec.meta, stored)) later.insert(rec.meta.id);
  }
  if (later.empty()) return Status::Ok();
  Retractor retractor(impl, txn, map_full, /*keep_texts=*/true);
  std::map<EntityId, EntityId> rules;
  if (Status s = ReadMergeRules(impl, txn, &rules); !s.ok()) return s;
  for (const auto& [fold, keep] : rules) retractor.Protect(keep);
  RetractResult ignored;
  Status s = retractor.Run(later, &ignored);
  impl.known_entities.clear();  // the retraction may have removed some
  *kept_seqs = retractor.kept_seqs();
  return s;
}

}  // namespace

Status Store::Retract(const std::vector<DocId>& docs, RetractResult* result) {
  const std::set<DocId> wanted(docs.begin(), docs.end());
  RetractResult local;
  // A full map shows in the status (LmdbError names MDB_MAP_FULL), which
  // RunWriteTxn reads to grow the map and run the body again.
  Status s = RunWriteTxn(*impl_, "retraction", [&](MDB_txn* txn) {
    local = RetractResult{};
    bool map_full = false;
    Retractor retractor(*impl_, txn, &map_full);
    return retractor.Run(wanted, &local);
  });
  if (s.ok() && result != nullptr) *result = local;
  return s;
}

Status Store::Replace(const std::vector<DocRecord>& batch, ApplyResult* result) {
  std::set<DocId> ids;
  for (const DocRecord& r : batch) ids.insert(r.meta.id);
  ApplyResult local;
  Status s = RunWriteTxn(*impl_, "batch", [&](MDB_txn* txn) {
    local = ApplyResult{};
    bool map_full = false;
    RetractResult retracted;
    Retractor retractor(*impl_, txn, &map_full, /*keep_texts=*/true);
    std::map<EntityId, EntityId> rules;
    Status status = ReadMergeRules(*impl_, txn, &rules);
    for (const auto& [fold, keep] : rules) retractor.Protect(keep);
    if (status.ok()) status = retractor.Run(ids, &retracted);
    impl_->known_entities.clear();  // the retraction may have removed some
    if (!status.ok()) return status;
    // The texts stay as stored: write the records without them.
    std::vector<DocRecord> without_text;
    without_text.reserve(batch.size());
    for (const DocRecord& r : batch) {
      without_text.push_back(r);
      without_text.back().text.clear();
    }
    BatchWriter writer(*impl_, txn, &map_full, &retractor.kept_seqs());
    status = writer.Write(without_text, &local);
    uint64_t settled = 0;
    if (status.ok()) status = SettleMergeRules(txn, &settled);
    return status;
  });
  if (s.ok() && result != nullptr) *result = local;
  return s;
}

namespace store_internal {

// The merge rules in the meta table ("merge/<16 hex>" -> be64 keep).
Status ReadMergeRules(const Store::Impl& impl, MDB_txn* txn, std::map<EntityId, EntityId>* rules) {
  rules->clear();
  Cursor cursor;
  int rc = cursor.Open(txn, impl.meta);
  if (rc != 0) return LmdbError(impl.dir, "open cursor", rc);
  MDB_val k = ToVal(kMergeRulePrefix), v;
  for (rc = mdb_cursor_get(cursor.get(), &k, &v, MDB_SET_RANGE); rc == 0;
       rc = mdb_cursor_get(cursor.get(), &k, &v, MDB_NEXT)) {
    std::string_view key = FromVal(k);
    if (!key.starts_with(kMergeRulePrefix)) break;
    uint64_t fold;
    if (v.mv_size != 8 || !HexToId(key.substr(kMergeRulePrefix.size()), &fold))
      return CorruptRecord(impl.dir, "merge rule");
    (*rules)[fold] = GetBe64(static_cast<const char*>(v.mv_data));
  }
  if (rc != 0 && rc != MDB_NOTFOUND) return LmdbError(impl.dir, "read merge rules", rc);
  // Chains (a -> b, b -> c) resolve to their end.
  for (auto& [fold, keep] : *rules)
    for (int hops = 0; hops < 64 && rules->count(keep); ++hops) keep = rules->at(keep);
  return Status::Ok();
}

}  // namespace store_internal

Status Store::MergeRules(std::map<EntityId, EntityId>* rules) const {
  ReadTxn txn(*impl_);
  Status s = txn.Begin();
  if (!s.ok()) return s;
  return ReadMergeRules(*impl_, txn.get(), rules);
}

Status Store::MergeEntities(EntityId keep, EntityId fold, MergeResult* result) {
  if (keep == fold) return Status::InvalidInput("an entity cannot be merged into itself");
  MergeResult local;
  Status s = RunWriteTxn(*impl_, "merge", [&](MDB_txn* txn) {
    local = MergeResult{};
    return MergeInTxn(txn, keep, fold, &local);
  });
  if (s.ok() && result != nullptr) *result = local;
  return s;
}

Status Store::MergeInTxn(MDB_txn* txn, EntityId keep, EntityId fold, MergeResult* result) {
  Impl& impl = *impl_;
  const std::string& dir = impl.dir;
  ValueReader reader;
  ValueWriter writer;
  Entity kept, folded;
  char id_buf[8];
  auto read_entity = [&](EntityId id, Entity* e) -> Status {
    PutBe64(id_buf, id);
    MDB_val k{8, id_buf}, v;
    int rc = mdb_get(txn, impl.entities, &k, &v);
    if (rc == MDB_NOTFOUND) return Status::NotFound(dir + ": no stored entity " + IdToHex(id));
    if (rc != 0) return LmdbError(dir, "read entities", rc);
    if (!reader.Decode(FromVal(v), e)) return CorruptRecord(dir, "entity");
    return Status::Ok();
  };
  if (Status s = read_entity(keep, &kept); !s.ok()) return s;
  if (Status s = read_entity(fold, &folded); !s.ok()) return s;

  // Relations: every one that names `fold`, re-keyed.
  std::vector<RelationKey> touched;
  {
    Cursor cursor;
    int rc = cursor.Open(txn, impl.relations);
    if (rc != 0) return LmdbError(dir, "open cursor", rc);
    MDB_val k, v;
    for (rc = mdb_cursor_get(cursor.get(), &k, &v, MDB_FIRST); rc == 0;
         rc = mdb_cursor_get(cursor.get(), &k, &v, MDB_NEXT)) {
      RelationKey key;
      if (Status ks = DecodeRelationKey(dir, FromVal(k), &key); !ks.ok()) return ks;
      if (key.source == fold || key.target == fold) touched.push_back(key);
    }
    if (rc != MDB_NOTFOUND) return LmdbError(dir, "read relations", rc);
  }
  char key_buf[kRelationKeySize];
  for (const RelationKey& from : touched) {
    RelationKey to = from;
    if (to.source == fold) to.source = keep;
    if (to.target == fold) to.target = keep;
    to = CanonicalKey(to);
    if (to.source == to.target) {
      ++result->relations_dropped;
    } else {
      EncodeRelationKey(to, key_buf);
      MDB_val k{kRelationKeySize, key_buf}, v;
      const int rc = mdb_get(txn, impl.relations, &k, &v);
      if (rc == 0) ++result->relations_merged;
      else ++result->relations_moved;
    }
    if (Status s = FoldRelation(dir, txn, impl.relations, impl.evidence, from, to); !s.ok()) return s;
  }

  // Document mentions: fold's entries join keep's; the totals are recounted.
  if (impl.has_mentions) {
    // doc -> the merged entry (mentions added; the sequence number, and so
    // the place in the list, is the document's)
    std::map<DocId, EntityDocEntry> entries;
    std::vector<DocId> fold_docs;
    for (EntityId id : {keep, fold}) {
      Cursor cursor;
      int rc = cursor.Open(txn, impl.entity_docs);
      if (rc != 0) return LmdbError(dir, "open cursor", rc);
      PutBe64(id_buf, id);
      MDB_val k{8, id_buf}, v;
      for (rc = mdb_cursor_get(cursor.get(), &k, &v, MDB_SET_KEY); rc == 0;
           rc = mdb_cursor_get(cursor.get(), &k, &v, MDB_NEXT_DUP)) {
        EntityDocEntry read;
        if (v.mv_size != kEntityDocValueSize || !DecodeEntityDoc(v, &read)) return CorruptRecord(dir, "entity_docs");
        EntityDocEntry& e = entries[read.doc];
        const uint32_t before = e.mentions;
        e = read;
        e.mentions += before;
        if (id == fold) fold_docs.push_back(read.doc);
      }
      if (rc != MDB_NOTFOUND) return LmdbError(dir, "read entity_docs", rc);
    }
    for (EntityId id : {keep, fold}) {
      PutBe64(id_buf, id);
      MDB_val k{8, id_buf};
      const int rc = mdb_del(txn, impl.entity_docs, &k, nullptr);
      if (rc != 0 && rc != MDB_NOTFOUND) return LmdbError(dir, "delete entity_docs", rc);
      k = MDB_val{8, id_buf};
      const int crc = mdb_del(txn, impl.entity_counts, &k, nullptr);
      if (crc != 0 && crc != MDB_NOTFOUND) return LmdbError(dir, "delete entity_counts", crc);
    }
    uint64_t mentions = 0;
    char value[kEntityDocValueSize];
    PutBe64(id_buf, keep);
    for (const auto& [doc, e] : entries) {
      EncodeEntityDoc(e, value);
      MDB_val k{8, id_buf}, v{kEntityDocValueSize, value};
      const int rc = mdb_put(txn, impl.entity_docs, &k, &v, MDB_NODUPDATA);
      if (rc != 0) return LmdbError(dir, "write entity_docs", rc);
      mentions += e.mentions;
    }
    result->documents_moved = fold_docs.size();
    if (!entries.empty()) {
      char totals[kEntityCountsSize];
      PutBe64(totals, mentions);
      PutBe64(totals + 8, entries.size());
      MDB_val k{8, id_buf}, v{kEntityCountsSize, totals};
      const int rc = mdb_put(txn, impl.entity_counts, &k, &v, 0);
      if (rc != 0) return LmdbError(dir, "write entity_counts", rc);
    }
  }

  // Names: fold's name and aliases point to keep and become its aliases.
  const size_t max_key = static_cast<size_t>(mdb_env_get_maxkeysize(impl.env.get()));
  std::vector<std::string> names = folded.aliases;
  names.push_back(folded.name);
  char keep_buf[8], fold_buf[8];
  PutBe64(keep_buf, keep);
  PutBe64(fold_buf, fold);
  for (const std::string& name : names) {
    const std::string alias = NormalizeName(name);
    if (alias.empty() || alias.size() > max_key) continue;
    MDB_val k = ToVal(alias), v{8, fold_buf};
    int rc = mdb_del(txn, impl.aliases, &k, &v);
    if (rc != 0 && rc != MDB_NOTFOUND) return LmdbError(dir, "delete alias", rc);
    k = ToVal(alias);
    v = MDB_val{8, keep_buf};
    rc = mdb_put(txn, impl.aliases, &k, &v, MDB_NODUPDATA);
    if (rc != 0 && rc != MDB_KEYEXIST) return LmdbError(dir, "write alias", rc);
    if (name != kept.name && std::find(kept.aliases.begin(), kept.aliases.end(), name) == kept.aliases.end())
      kept.aliases.push_back(name);
  }
  if (kept.country.empty()) kept.country = folded.country;
  {
    MDB_val k{8, keep_buf}, v = ToVal(writer.Encode(kept));
    int rc = mdb_put(txn, impl.entities, &k, &v, 0);
    if (rc != 0) return LmdbError(dir, "write entity", rc);
    k = MDB_val{8, fold_buf};
    rc = mdb_del(txn, impl.entities, &k, nullptr);
    if (rc != 0) return LmdbError(dir, "delete entity", rc);
  }

  // The rule, and earlier rules that led to `fold` now lead to `keep`.
  std::map<EntityId, EntityId> rules;
  if (Status s = ReadMergeRules(impl, txn, &rules); !s.ok()) return s;
  rules[fold] = keep;
  if (rules.erase(keep)) {  // keep may have been folded before and is a name of its own now
    const std::string key = std::string(kMergeRulePrefix) + IdToHex(keep);
    MDB_val k = ToVal(key);
    int rc = mdb_del(txn, impl.meta, &k, nullptr);
    if (rc != 0 && rc != MDB_NOTFOUND) return LmdbError(dir, "delete merge rule", rc);
  }
  for (auto& [from, to] : rules) {
    if (to == fold) to = keep;
    const std::string key = std::string(kMergeRulePrefix) + IdToHex(from);
    char to_buf[8];
    PutBe64(to_buf, to);
    MDB_val k = ToVal(key), v{8, to_buf};
    int rc = mdb_put(txn, impl.meta, &k, &v, 0);
    if (rc != 0) return LmdbError(dir, "write merge rule", rc);
  }
  return Status::Ok();
}

namespace store_internal {

namespace {

// zstd at its fastest level: news texts compress 1.78-fold against zlib's
// 1.85 at its default level, in a third of the time (docs/store.md). One
// context a thread, reused for every text.
constexpr int kTextZstdLevel = 1;

struct ZstdContexts {
  ZSTD_CCtx* compress = ZSTD_createCCtx();
  ZSTD_DCtx* decompress = ZSTD_createDCtx();
  ~ZstdContexts() {
    ZSTD_freeCCtx(compress);
    ZSTD_freeDCtx(decompress);
  }
};

ZstdContexts& ThreadZstd() {
  thread_local ZstdContexts contexts;
  return contexts;
}

// A zstd frame starts with these bytes; a zlib stream starts with 0x78 or
// another CMF byte whose low nibble is 8, never 0x28.
constexpr unsigned char kZstdMagic[4] = {0x28, 0xB5, 0x2F, 0xFD};

bool IsZstdFrame(std::string_view body) {
  return body.size() >= 4 && std::memcmp(body.data(), kZstdMagic, 4) == 0;
}

}  // namespace

void CompressText(std::string_view text, std::string* out) {
  const size_t bound = ZSTD_compressBound(text.size());
  out->resize(4 + bound);
  PutBe32(out->data(), static_cast<uint32_t>(text.size()));
  const size_t got = ZSTD_compressCCtx(ThreadZstd().compress, out->data() + 4, bound, text.data(), text.size(),
                                       kTextZstdLevel);
  if (ZSTD_isError(got)) {
    out->clear();
    return;
  }
  out->resize(4 + got);
}

bool DecompressText(std::string_view stored, std::string* out) {
  if (stored.size() < 4) return false;
  const uint32_t size = GetBe32(stored.data());
  const std::string_view body = stored.substr(4);
  if (IsZstdFrame(body)) {
    // Schema 8. A zstd block holds at most 128 KiB and takes at least four
    // bytes, so a frame expands at most 32768-fold: a larger stated length
    // is corrupt, and must not be allocated; nor may one the frame's own
    // header contradicts.
    if (size > body.size() * 32768 + 64) return false;
    const unsigned long long content = ZSTD_getFrameContentSize(body.data(), body.size());
    if (content != ZSTD_CONTENTSIZE_UNKNOWN && content != size) return false;
    out->resize(size);
    const size_t got = ZSTD_decompressDCtx(ThreadZstd().decompress, out->data(), size, body.data(), body.size());
    if (ZSTD_isError(got) || got != size) {
      out->clear();
      return false;
    }
    return true;
  }
  // Schemas 5-7 wrote zlib. deflate expands at most 1032-fold: a larger
  // stated length is corrupt, and must not be allocated.
  if (size > body.size() * 1032 + 64) return false;
  out->resize(size);
  uLongf got = size;
  if (uncompress(reinterpret_cast<Bytef*>(out->data()), &got, reinterpret_cast<const Bytef*>(body.data()),
                 static_cast<uLong>(body.size())) != Z_OK ||
      got != size) {
    out->clear();
    return false;
  }
  return true;
}

Status FoldRelation(const std::string& dir, MDB_txn* txn, MDB_dbi relations, MDB_dbi evidence,
                    const RelationKey& from, const RelationKey& to) {
  char key_buf[kRelationKeySize], no_buf[kEvidenceNoSize];
  auto read_relation = [&](const RelationKey& key, uint64_t* newest, RelationSummary* summary) -> int {
    EncodeRelationKey(key, key_buf);
    MDB_val k{kRelationKeySize, key_buf}, v;
    int rc = mdb_get(txn, relations, &k, &v);
    if (rc != 0) return rc;
    std::string_view value = FromVal(v);
    if (value.size() < kEvidenceNoSize || !DecodeStoredSummary(value.substr(kEvidenceNoSize), summary))
      return MDB_CORRUPTED;
    *newest = GetBe64(value.data());
    summary->key = key;
    return 0;
  };
  // The evidence numbers of a chain, newest first.
  auto chain = [&](uint64_t newest, std::vector<uint64_t>* out) -> int {
    for (uint64_t no = newest; no != 0 && out->size() < (1u << 30);) {
      out->push_back(no);
      PutBe64(no_buf, no);
      MDB_val k{kEvidenceNoSize, no_buf}, v;
      int rc = mdb_get(txn, evidence, &k, &v);
      if (rc != 0) return rc;
      if (v.mv_size < kEvidenceNoSize) return MDB_CORRUPTED;
      no = GetBe64(static_cast<const char*>(v.mv_data));
    }
    return 0;
  };
  RelationSummary a, b;
  uint64_t newest_a = 0, newest_b = 0;
  int rc = read_relation(from, &newest_a, &a);
  if (rc != 0) return LmdbError(dir, "read relation to merge", rc);
  if (to.source == to.target) {
    // A relation of an entity with itself (two names of it related): gone,
    // with its evidence.
    std::vector<uint64_t> numbers;
    if ((rc = chain(newest_a, &numbers)) != 0) return LmdbError(dir, "read evidence chain", rc);
    for (uint64_t no : numbers) {
      PutBe64(no_buf, no);
      MDB_val k{kEvidenceNoSize, no_buf};
      if ((rc = mdb_del(txn, evidence, &k, nullptr)) != 0) return LmdbError(dir, "delete evidence", rc);
    }
    EncodeRelationKey(from, key_buf);
    MDB_val k{kRelationKeySize, key_buf};
    if ((rc = mdb_del(txn, relations, &k, nullptr)) != 0) return LmdbError(dir, "delete relation", rc);
    return Status::Ok();
  }
  rc = read_relation(to, &newest_b, &b);
  if (rc != 0 && rc != MDB_NOTFOUND) return LmdbError(dir, "read relation to merge", rc);
  uint64_t newest = newest_a;
  std::string record, value;
  if (rc == MDB_NOTFOUND) {
    b = a;
    b.key = to;
  } else {
    // One chain, newest first, from the two: relink every record.
    std::vector<uint64_t> numbers;
    if ((rc = chain(newest_a, &numbers)) != 0 || (rc = chain(newest_b, &numbers)) != 0)
      return LmdbError(dir, "read evidence chain", rc);
    std::sort(numbers.begin(), numbers.end(), std::greater<>());
    numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
    for (size_t i = 0; i < numbers.size(); ++i) {
      PutBe64(no_buf, numbers[i]);
      MDB_val k{kEvidenceNoSize, no_buf}, v;
      if ((rc = mdb_get(txn, evidence, &k, &v)) != 0) return LmdbError(dir, "read evidence", rc);
      const uint64_t previous = i + 1 < numbers.size() ? numbers[i + 1] : 0;
      if (GetBe64(static_cast<const char*>(v.mv_data)) == previous) continue;
      record.assign(static_cast<const char*>(v.mv_data), v.mv_size);
      PutBe64(record.data(), previous);
      k = MDB_val{kEvidenceNoSize, no_buf};
      v = ToVal(record);
      if ((rc = mdb_put(txn, evidence, &k, &v, 0)) != 0) return LmdbError(dir, "relink evidence", rc);
    }
    newest = numbers.empty() ? 0 : numbers.front();
    MergeSummary(a, &b);
    b.key = to;
  }
  value.resize(kEvidenceNoSize);
  PutBe64(value.data(), newest);
  AppendStoredSummary(b, &value);
  EncodeRelationKey(to, key_buf);
  MDB_val k{kRelationKeySize, key_buf}, v = ToVal(value);
  if ((rc = mdb_put(txn, relations, &k, &v, 0)) != 0) return LmdbError(dir, "write merged relation", rc);
  EncodeRelationKey(from, key_buf);
  k = MDB_val{kRelationKeySize, key_buf};
  if ((rc = mdb_del(txn, relations, &k, nullptr)) != 0) return LmdbError(dir, "delete merged relation", rc);
  return Status::Ok();
}

Status UpgradeEntityDocs(const std::string& dir, MDB_txn* txn, MDB_dbi entity_docs, MDB_dbi meta) {
  std::vector<std::pair<EntityId, EntityDocEntry>> all;
  {
    Cursor cursor;
    int rc = cursor.Open(txn, entity_docs);
    if (rc != 0) return LmdbError(dir, "open cursor", rc);
    MDB_val k, v;
    for (rc = mdb_cursor_get(cursor.get(), &k, &v, MDB_FIRST); rc == 0;
         rc = mdb_cursor_get(cursor.get(), &k, &v, MDB_NEXT)) {
      EntityDocEntry e;
      if (k.mv_size != 8 || !DecodeEntityDoc(v, &e)) return CorruptRecord(dir, "entity_docs");
      all.emplace_back(GetBe64(static_cast<const char*>(k.mv_data)), e);
    }
    if (rc != MDB_NOTFOUND) return LmdbError(dir, "read entity_docs", rc);
  }
  // One number per document, in doc id order.
  std::vector<DocId> docs;
  docs.reserve(all.size());
  for (const auto& [entity, e] : all) docs.push_back(e.doc);
  std::sort(docs.begin(), docs.end());
  docs.erase(std::unique(docs.begin(), docs.end()), docs.end());
  int rc = mdb_drop(txn, entity_docs, 0);
  if (rc != 0) return LmdbError(dir, "empty entity_docs", rc);
  // Each entity's old list was in doc id order, which is now seq order too.
  Cursor cursor;
  rc = cursor.Open(txn, entity_docs);
  if (rc != 0) return LmdbError(dir, "open cursor", rc);
  char key[8], value[kEntityDocValueSize];
  for (auto& [entity, e] : all) {
    e.seq = 1 + static_cast<uint64_t>(std::lower_bound(docs.begin(), docs.end(), e.doc) - docs.begin());
    PutBe64(key, entity);
    EncodeEntityDoc(e, value);
    MDB_val k{8, key}, v{kEntityDocValueSize, value};
    rc = mdb_cursor_put(cursor.get(), &k, &v, MDB_APPENDDUP);
    if (rc != 0) return LmdbError(dir, "write entity_docs", rc);
  }
  char last[8];
  PutBe64(last, docs.size());
  MDB_val k = ToVal(kDocSeqKey), v{8, last};
  rc = mdb_put(txn, meta, &k, &v, 0);
  if (rc != 0) return LmdbError(dir, "write doc_seq", rc);
  return Status::Ok();
}

Status UpgradeDocumentSeqs(const Store::Impl& impl, MDB_txn* txn) {
  const std::string& dir = impl.dir;
  // The numbers the mention index gave its documents (schema 6).
  std::unordered_map<DocId, uint64_t> seq_of;
  Cursor cursor;
  int rc = cursor.Open(txn, impl.entity_docs);
  if (rc != 0) return LmdbError(dir, "open cursor", rc);
  MDB_val k, v;
  for (rc = mdb_cursor_get(cursor.get(), &k, &v, MDB_FIRST); rc == 0;
       rc = mdb_cursor_get(cursor.get(), &k, &v, MDB_NEXT)) {
    EntityDocEntry e;
    if (!DecodeEntityDoc(v, &e)) return CorruptRecord(dir, "entity_docs");
    if (e.seq != 0) seq_of.emplace(e.doc, e.seq);
  }
  if (rc != MDB_NOTFOUND) return LmdbError(dir, "read entity_docs", rc);
  uint64_t last = 0;
  k = ToVal(kDocSeqKey);
  if ((rc = mdb_get(txn, impl.meta, &k, &v)) == 0 && v.mv_size == 8) {
    last = GetBe64(static_cast<const char*>(v.mv_data));
  } else if (rc != 0 && rc != MDB_NOTFOUND) {
    return LmdbError(dir, "read doc_seq", rc);
  }
  for (const auto& [doc, seq] : seq_of) last = std::max(last, seq);

  // Every document, in doc id order (doc_ids is appended); those no mention
  // numbered get the next numbers.
  MDB_dbi old_documents;
  if ((rc = mdb_dbi_open(txn, "documents", 0, &old_documents)) != 0) return LmdbError(dir, "open documents", rc);
  std::vector<std::pair<uint64_t, DocId>> numbered;  // (doc_seq, doc id)
  Cursor doc_cursor;
  if ((rc = doc_cursor.Open(txn, old_documents)) != 0) return LmdbError(dir, "open cursor", rc);
  char key[8], seq_key[kDocSeqSize];
  for (rc = mdb_cursor_get(doc_cursor.get(), &k, &v, MDB_FIRST); rc == 0;
       rc = mdb_cursor_get(doc_cursor.get(), &k, &v, MDB_NEXT)) {
    if (k.mv_size != 8) return CorruptRecord(dir, "documents: a key of " + std::to_string(k.mv_size) + " bytes");
    const DocId id = GetBe64(static_cast<const char*>(k.mv_data));
    auto it = seq_of.find(id);
    const uint64_t seq = it != seq_of.end() ? it->second : ++last;
    numbered.emplace_back(seq, id);
    PutBe64(seq_key, seq);
    MDB_val sv{kDocSeqSize, seq_key};
    if ((rc = mdb_put(txn, impl.doc_ids, &k, &sv, MDB_APPEND)) != 0) return LmdbError(dir, "write doc_ids", rc);
  }
  if (rc != MDB_NOTFOUND) return LmdbError(dir, "read documents", rc);

  // The records and texts, from the tables keyed by doc id (texts: schema
  // 5-6; none before) to those keyed by doc_seq, appended in number order.
  struct Move {
    MDB_dbi from, to;
    const char* what;
    bool every_document;  // else some may have none
  };
  std::vector<Move> moves = {{old_documents, impl.documents, "documents", true}};
  MDB_dbi old_texts = 0;
  rc = mdb_dbi_open(txn, "texts", 0, &old_texts);
  if (rc == 0) {
    moves.push_back({old_texts, impl.texts, "texts", false});  // none for documents stored before schema 5
  } else if (rc != MDB_NOTFOUND) {
    return LmdbError(dir, "open texts database", rc);
  }
  std::sort(numbered.begin(), numbered.end());
  std::string value;
  for (const auto& [seq, id] : numbered) {
    PutBe64(key, id);
    PutBe64(seq_key, seq);
    for (const Move& move : moves) {
      k = MDB_val{8, key};
      rc = mdb_get(txn, move.from, &k, &v);
      if (rc == MDB_NOTFOUND && !move.every_document) continue;
      if (rc != 0) return LmdbError(dir, std::string("read ") + move.what, rc);
      value.assign(static_cast<const char*>(v.mv_data), v.mv_size);
      k = MDB_val{kDocSeqSize, seq_key};
      v = ToVal(value);
      if ((rc = mdb_put(txn, move.to, &k, &v, MDB_APPEND)) != 0) return LmdbError(dir, std::string("write ") + move.what, rc);
    }
  }
  for (const Move& move : moves) {
    if ((rc = mdb_drop(txn, move.from, 1)) != 0) return LmdbError(dir, std::string("delete ") + move.what, rc);
  }
  char last_buf[8];
  PutBe64(last_buf, last);
  k = ToVal(kDocSeqKey);
  v = MDB_val{8, last_buf};
  if ((rc = mdb_put(txn, impl.meta, &k, &v, 0)) != 0) return LmdbError(dir, "write doc_seq", rc);
  return Status::Ok();
}

Status MergeReversedSymmetric(const std::string& dir, MDB_txn* txn, MDB_dbi relations, MDB_dbi evidence) {
  // The keys to fold: symmetric relations stored target-first.
  std::vector<RelationKey> reversed;
  {
    Cursor cursor;
    int rc = cursor.Open(txn, relations);
    if (rc != 0) return LmdbError(dir, "open cursor", rc);
    MDB_val k, v;
    for (rc = mdb_cursor_get(cursor.get(), &k, &v, MDB_FIRST); rc == 0;
         rc = mdb_cursor_get(cursor.get(), &k, &v, MDB_NEXT)) {
      RelationKey key;
      if (Status ks = DecodeRelationKey(dir, FromVal(k), &key); !ks.ok()) return ks;
      if (CanonicalKey(key) != key) reversed.push_back(key);
    }
    if (rc != MDB_NOTFOUND) return LmdbError(dir, "read relations", rc);
  }
  for (const RelationKey& from : reversed) {
    Status s = FoldRelation(dir, txn, relations, evidence, from, CanonicalKey(from));
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace store_internal

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
        std::map<DocId, uint64_t> kept_seqs;
        s = RetractLaterCopies(impl, txn.get(), batch, &map_full, &kept_seqs);
        BatchWriter writer(impl, txn.get(), &map_full, &kept_seqs);
        if (s.ok()) s = writer.Write(batch, &local);
        uint64_t settled = 0;
        if (s.ok()) s = SettleMergeRules(txn.get(), &settled);
        if (!s.ok() && s.message().find("MDB_MAP_FULL") != std::string::npos) map_full = true;
        if (settled > 0) writer.known_after_commit.clear(), impl.known_entities.clear();
        if (s.ok() && impl.options.before_commit_for_testing)
          impl.options.before_commit_for_testing();
        if (s.ok()) {
          rc = txn.Commit();
          if (rc == MDB_MAP_FULL) map_full = true;
          if (rc != 0) s = LmdbError(impl.dir, "commit", rc);
        }
        if (s.ok()) {
          if (impl.known_entities.size() + writer.known_after_commit.size() >
              Impl::kMaxKnownEntities) {
            impl.known_entities.clear();
          }
          for (const auto& [id, fingerprint] : writer.known_after_commit) {
            impl.known_entities[id] = fingerprint;
          }
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
