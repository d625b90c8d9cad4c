// Store: idempotent re-ingest, accumulation, alias lookup, map growth,
// schema version check, readers beside a writer, refusal of foreign
// directories.
#include "graph/store.h"

#include <lmdb.h>
#include <zlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <string>
#include <thread>

#include "graph/ids.h"
#include "graph/ontology.h"
#include "graph/serialize.h"
#include "graph/store_lmdb.h"
#include "graph/view.h"
#include "tests/support/process.h"
#include "tests/support/raw_lmdb.h"

namespace geokg::graph {
namespace {

namespace fs = std::filesystem;

using geokg::testing::ForEachRaw;
using geokg::testing::RawTable;
using geokg::testing::TempDir;
using geokg::testing::WithRawTxn;

Entity MakeEntity(std::string name, EntityKind kind, std::vector<std::string> aliases = {},
                  std::string country = "") {
  Entity e;
  e.id = EntityIdFor(name);
  e.name = std::move(name);
  e.kind = kind;
  e.aliases = std::move(aliases);
  e.country = std::move(country);
  return e;
}

ExtractedRelation MakeRelation(const Entity& a, RelationType type, const Entity& b, DocId doc,
                               uint32_t sentence, Modality modality = Modality::kAsserted,
                               float confidence = 0.5f, std::string role = "") {
  ExtractedRelation r;
  r.key = {a.id, type, b.id};
  r.evidence.doc = doc;
  r.evidence.sentence = sentence;
  r.evidence.begin = sentence * 100;
  r.evidence.end = sentence * 100 + 50;
  r.evidence.trigger = "deploys";
  r.evidence.text =
      a.name + " deploys to " + b.name + " (sentence " + std::to_string(sentence) + ")";
  r.evidence.modality = modality;
  r.evidence.confidence = confidence;
  r.evidence.role = std::move(role);
  return r;
}

const Entity kUs = MakeEntity("United States", EntityKind::kCountry, {"US", "USA"}, "USA");
const Entity kIraq = MakeEntity("Iraq", EntityKind::kCountry, {}, "IRQ");
const Entity kIran = MakeEntity("Iran", EntityKind::kCountry, {"Islamic Republic of Iran"}, "IRN");

DocRecord MakeDoc(std::string text, Date date) {
  DocRecord d;
  d.meta.id = DocIdFor(text);
  d.meta.source = "test:" + text;
  d.meta.title = text;
  d.meta.date = date;
  d.meta.bytes = text.size();
  return d;
}

// A document with `n` relations US -> Iraq (deployed-to) and one Iran -> US.
DocRecord SampleDoc(const std::string& text, Date date, int n = 2,
                    Modality modality = Modality::kAsserted) {
  DocRecord d = MakeDoc(text, date);
  d.entities = {kUs, kIraq, kIran};
  for (int i = 0; i < n; ++i) {
    d.relations.push_back(MakeRelation(kUs, RelationType::kDeployedTo, kIraq, d.meta.id,
                                       static_cast<uint32_t>(i), modality));
  }
  d.relations.push_back(MakeRelation(kIran, RelationType::kAttacked, kUs, d.meta.id, 50));
  d.meta.relations = static_cast<uint32_t>(d.relations.size());
  return d;
}

std::unique_ptr<Store> OpenOrDie(const std::string& dir, StoreOptions options = {}) {
  std::unique_ptr<Store> store;
  Status s = Store::Open(dir, options, &store);
  INFO(s.message());
  REQUIRE(s.ok());
  return store;
}

StoreStats StatsOf(const Store& store) {
  StoreStats st;
  Status s = store.Stats(&st);
  INFO(s.message());
  REQUIRE(s.ok());
  return st;
}

RelationSummary SummaryOf(const Store& store, const RelationKey& key) {
  RelationSummary found;
  bool seen = false;
  REQUIRE(store
              .ForEachRelation([&](const RelationSummary& s) {
                if (s.key == key) {
                  found = s;
                  seen = true;
                }
                return true;
              })
              .ok());
  REQUIRE(seen);
  return found;
}

std::vector<Evidence> EvidenceOf(const Store& store, const RelationKey& key) {
  std::vector<Evidence> out;
  REQUIRE(store
              .ForEachEvidence(key,
                               [&](const Evidence& e) {
                                 out.push_back(e);
                                 return true;
                               })
              .ok());
  return out;
}

bool SameCounts(const StoreStats& a, const StoreStats& b) {
  return a.documents == b.documents && a.entities == b.entities && a.aliases == b.aliases &&
         a.relations == b.relations && a.evidence == b.evidence &&
         a.relations_by_type == b.relations_by_type && a.entities_by_kind == b.entities_by_kind &&
         a.evidence_by_modality == b.evidence_by_modality && a.first_date == b.first_date &&
         a.last_date == b.last_date;
}

const RelationKey kUsToIraq{kUs.id, RelationType::kDeployedTo, kIraq.id};
const RelationKey kIranToUs{kIran.id, RelationType::kAttacked, kUs.id};

TEST_CASE("a new store is empty and has the schema version", "[graph][store]") {
  TempDir tmp;
  auto store = OpenOrDie(tmp.Path("store"));
  StoreStats st = StatsOf(*store);
  CHECK(st.documents == 0);
  CHECK(st.relations == 0);
  CHECK(st.schema_version == kStoreSchemaVersion);
  CHECK(st.map_size >= (64ull << 20));
  CHECK(store->dir() == tmp.Path("store"));
  bool found = true;
  REQUIRE(store->HasDocument(42, &found).ok());
  CHECK_FALSE(found);
  DocMeta meta;
  CHECK(store->GetDocument(42, &meta).code() == StatusCode::kNotFound);
  Entity e;
  CHECK(store->GetEntity(42, &e).code() == StatusCode::kNotFound);
}

TEST_CASE("re-ingesting a document changes nothing", "[graph][store]") {
  TempDir tmp;
  auto store = OpenOrDie(tmp.Path("store"));
  std::vector<DocRecord> batch = {SampleDoc("doc one", 20200101)};
  ApplyResult r1;
  REQUIRE(store->Apply(batch, &r1).ok());
  CHECK(r1.documents_added == 1);
  CHECK(r1.documents_skipped == 0);
  CHECK(r1.evidence_added == 3);
  CHECK(r1.entities_added == 3);
  StoreStats before = StatsOf(*store);
  RelationSummary summary_before = SummaryOf(*store, kUsToIraq);

  ApplyResult r2;
  REQUIRE(store->Apply(batch, &r2).ok());
  CHECK(r2.documents_added == 0);
  CHECK(r2.documents_skipped == 1);
  CHECK(r2.evidence_added == 0);
  CHECK(r2.entities_added == 0);
  StoreStats after = StatsOf(*store);
  CHECK(SameCounts(before, after));
  RelationSummary summary_after = SummaryOf(*store, kUsToIraq);
  CHECK(summary_after.counts == summary_before.counts);
  CHECK(summary_after.TotalCount() == 2);

  // The same document twice in one batch is stored once.
  TempDir tmp2;
  auto store2 = OpenOrDie(tmp2.Path("store"));
  ApplyResult r3;
  REQUIRE(store2->Apply({batch[0], batch[0]}, &r3).ok());
  CHECK(r3.documents_added == 1);
  CHECK(r3.documents_skipped == 1);
  CHECK(SameCounts(StatsOf(*store2), before));
}

TEST_CASE("counts, dates and evidence accumulate across documents", "[graph][store]") {
  TempDir tmp;
  auto store = OpenOrDie(tmp.Path("store"));
  DocRecord a = SampleDoc("first article", 20200105, 2, Modality::kAsserted);
  DocRecord b = SampleDoc("second article", 20200101, 1, Modality::kFuture);
  DocRecord c = SampleDoc("undated article", 0, 1, Modality::kAsserted);
  b.relations[0].evidence.confidence = 0.9f;
  b.relations[0].evidence.role = "";
  a.relations[1].evidence.role = "envoy";
  REQUIRE(store->Apply({a}, nullptr).ok());
  REQUIRE(store->Apply({b, c}, nullptr).ok());

  RelationSummary s = SummaryOf(*store, kUsToIraq);
  CHECK(s.counts[static_cast<int>(Modality::kAsserted)] == 3);
  CHECK(s.counts[static_cast<int>(Modality::kFuture)] == 1);
  CHECK(s.TotalCount() == 4);
  CHECK(s.first_date == 20200101);
  CHECK(s.last_date == 20200105);
  CHECK(s.confidence == 0.9f);
  CHECK(s.role == "envoy");  // the later documents had no role

  std::vector<Evidence> ev = EvidenceOf(*store, kUsToIraq);
  REQUIRE(ev.size() == 4);
  std::set<DocId> docs;
  for (const Evidence& e : ev) docs.insert(e.doc);
  CHECK(docs == std::set<DocId>{a.meta.id, b.meta.id, c.meta.id});
  CHECK(ev[0].doc == a.meta.id);  // ingest order
  CHECK(ev[1].doc == a.meta.id);
  // Evidence carries its document's date.
  for (const Evidence& e : ev) {
    if (e.doc == a.meta.id) CHECK(e.date == 20200105);
  }

  StoreStats st = StatsOf(*store);
  CHECK(st.documents == 3);
  CHECK(st.relations == 2);
  CHECK(st.evidence == 7);
  CHECK(st.relations_by_type[static_cast<int>(RelationType::kDeployedTo)] == 1);
  CHECK(st.relations_by_type[static_cast<int>(RelationType::kAttacked)] == 1);
  CHECK(st.evidence_by_modality[static_cast<int>(Modality::kAsserted)] == 6);
  CHECK(st.evidence_by_modality[static_cast<int>(Modality::kFuture)] == 1);
  CHECK(st.entities_by_kind[static_cast<int>(EntityKind::kCountry)] == 3);
  CHECK(st.first_date == 20200101);
  CHECK(st.last_date == 20200105);

  DocMeta meta;
  REQUIRE(store->GetDocument(b.meta.id, &meta).ok());
  CHECK(meta.title == "second article");
  CHECK(meta.date == 20200101);

  GraphData graph;
  REQUIRE(store->LoadGraph(&graph).ok());
  CHECK(graph.entities.size() == 3);
  CHECK(graph.relations.size() == 2);

  // The same (sentence, begin) twice in one document is one evidence record.
  DocRecord dup = SampleDoc("duplicate sentence", 20200110, 1);
  dup.relations.push_back(dup.relations[0]);
  ApplyResult r;
  REQUIRE(store->Apply({dup}, &r).ok());
  CHECK(r.evidence_added == 2);
  CHECK(SummaryOf(*store, kUsToIraq).TotalCount() == EvidenceOf(*store, kUsToIraq).size());
}

TEST_CASE("a relation's evidence comes back in ingest order across batches", "[graph][store]") {
  TempDir tmp;
  auto store = OpenOrDie(tmp.Path("store"));
  // Batch order, not (doc, sentence) order, is ingest order: sentences 7, 3
  // of one document, then two documents of which the second has the smaller
  // id, then a third batch.
  DocRecord a = MakeDoc("order a", 20200101);
  a.entities = {kUs, kIraq};
  for (uint32_t sentence : {7u, 3u}) {
    a.relations.push_back(
        MakeRelation(kUs, RelationType::kDeployedTo, kIraq, a.meta.id, sentence));
  }
  DocRecord b = MakeDoc("order b", 20200102);
  DocRecord c = MakeDoc("order c", 20200103);
  if (b.meta.id < c.meta.id) std::swap(b, c);
  for (DocRecord* d : {&b, &c}) {
    d->entities = {kUs, kIraq};
    d->relations.push_back(MakeRelation(kUs, RelationType::kDeployedTo, kIraq, d->meta.id, 1));
  }
  DocRecord d = MakeDoc("order d", 20200104);
  d.entities = {kUs, kIraq};
  d.relations.push_back(MakeRelation(kUs, RelationType::kDeployedTo, kIraq, d.meta.id, 0));
  REQUIRE(store->Apply({a}, nullptr).ok());
  REQUIRE(store->Apply({b, c}, nullptr).ok());
  REQUIRE(store->Apply({d}, nullptr).ok());

  std::vector<Evidence> ev = EvidenceOf(*store, kUsToIraq);
  REQUIRE(ev.size() == 5);
  CHECK((ev[0].doc == a.meta.id && ev[0].sentence == 7));
  CHECK((ev[1].doc == a.meta.id && ev[1].sentence == 3));
  CHECK(ev[2].doc == b.meta.id);
  CHECK(ev[3].doc == c.meta.id);
  CHECK(ev[4].doc == d.meta.id);

  // Stopping early, and a relation that is not stored.
  int calls = 0;
  REQUIRE(store->ForEachEvidence(kUsToIraq, [&](const Evidence&) { return ++calls < 2; }).ok());
  CHECK(calls == 2);
  CHECK(EvidenceOf(*store, kIranToUs).empty());
}

TEST_CASE("entities merge and aliases are found through NormalizeName", "[graph][store]") {
  TempDir tmp;
  auto store = OpenOrDie(tmp.Path("store"));
  DocRecord a = SampleDoc("alias doc 1", 20200101);
  DocRecord b = SampleDoc("alias doc 2", 20200102);
  Entity us_later = MakeEntity("United States", EntityKind::kGovernmentBody, {"America", "US"}, "");
  Entity iraq_later = kIraq;
  b.entities = {us_later, iraq_later, kIran};
  Entity no_country = MakeEntity("Kataib Hezbollah", EntityKind::kArmedGroup, {"KH"}, "");
  a.entities.push_back(no_country);
  Entity with_country = no_country;
  with_country.country = "IRQ";
  b.entities.push_back(with_country);
  REQUIRE(store->Apply({a}, nullptr).ok());
  ApplyResult r;
  REQUIRE(store->Apply({b}, &r).ok());
  CHECK(r.entities_added == 0);

  Entity us;
  REQUIRE(store->GetEntity(kUs.id, &us).ok());
  CHECK(us.name == "United States");
  CHECK(us.kind == EntityKind::kCountry);  // first writer's kind kept
  CHECK(us.country == "USA");
  CHECK(us.aliases == std::vector<std::string>{"US", "USA", "America"});
  Entity kh;
  REQUIRE(store->GetEntity(no_country.id, &kh).ok());
  CHECK(kh.country == "IRQ");  // empty country filled by a later writer

  std::vector<EntityId> ids;
  for (const char* name :
       {"U.S.", "us", "US", "United States", "the United States", "united-states", "America"}) {
    INFO(name);
    REQUIRE(store->FindEntities(name, &ids).ok());
    CHECK(ids == std::vector<EntityId>{kUs.id});
  }
  REQUIRE(store->FindEntities("Atlantis", &ids).ok());
  CHECK(ids.empty());
  REQUIRE(store->FindEntities("", &ids).ok());
  CHECK(ids.empty());

  // Two entities sharing an alias are both found, in id order.
  DocRecord c = MakeDoc("shared alias", 20200103);
  Entity georgia_state = MakeEntity("Georgia (US state)", EntityKind::kLocation, {"Georgia"});
  Entity georgia = MakeEntity("Georgia", EntityKind::kCountry, {}, "GEO");
  c.entities = {georgia_state, georgia};
  REQUIRE(store->Apply({c}, nullptr).ok());
  REQUIRE(store->FindEntities("georgia", &ids).ok());
  std::vector<EntityId> expected = {georgia_state.id, georgia.id};
  std::sort(expected.begin(), expected.end());
  CHECK(ids == expected);

  size_t entities = 0;
  REQUIRE(store->ForEachEntity([&](const Entity&) { return ++entities < 2; }).ok());
  CHECK(entities == 2);  // stopped early
}

TEST_CASE("the map grows by itself when a batch does not fit", "[graph][store]") {
  TempDir tmp;
  StoreOptions options;
  options.initial_map_size = 256 << 10;
  uint64_t initial_map = 0;
  {
    auto store = OpenOrDie(tmp.Path("store"), options);
    initial_map = StatsOf(*store).map_size;
    CHECK(initial_map <= (1u << 20));
    std::mt19937_64 rng(7);
    uint64_t evidence = 0;
    for (int b = 0; b < 4; ++b) {
      std::vector<DocRecord> batch;
      for (int d = 0; d < 50; ++d) {
        DocRecord doc = MakeDoc("growth " + std::to_string(b) + "/" + std::to_string(d), 20200101);
        doc.entities = {kUs, kIraq, kIran};
        for (uint32_t i = 0; i < 40; ++i) {
          ExtractedRelation r = MakeRelation(
              kUs, static_cast<RelationType>(rng() % kRelationTypeCount), kIraq, doc.meta.id, i);
          r.evidence.text = std::string(500, static_cast<char>('a' + rng() % 26));
          doc.relations.push_back(std::move(r));
        }
        batch.push_back(std::move(doc));
      }
      ApplyResult r;
      Status s = store->Apply(batch, &r);
      INFO(s.message());
      REQUIRE(s.ok());
      evidence += r.evidence_added;
    }
    StoreStats st = StatsOf(*store);
    CHECK(st.evidence == evidence);
    CHECK(st.evidence == 4 * 50 * 40);
    CHECK(st.used_bytes > (4u << 20));
    CHECK(st.map_size > initial_map);
    CHECK(st.map_size >= st.used_bytes);
  }
  // Reopening with the tiny initial size keeps the grown map and the data.
  auto store = OpenOrDie(tmp.Path("store"), options);
  StoreStats st = StatsOf(*store);
  CHECK(st.evidence == 4 * 50 * 40);
  CHECK(st.map_size >= st.used_bytes);
  REQUIRE(store->Apply({SampleDoc("after reopen", 20200101)}, nullptr).ok());
}

// Writes `version` as the schema version with raw LMDB, bypassing Store.
void WriteSchemaVersion(const std::string& dir, uint32_t version) {
  WithRawTxn(dir, true, [&](MDB_txn* txn) {
    unsigned char be[4] = {
        static_cast<unsigned char>(version >> 24), static_cast<unsigned char>(version >> 16),
        static_cast<unsigned char>(version >> 8), static_cast<unsigned char>(version)};
    MDB_val k{14, const_cast<char*>("schema_version")}, v{4, be};
    REQUIRE(mdb_put(txn, RawTable(txn, "meta"), &k, &v, 0) == 0);
  });
}

TEST_CASE("a store of another schema version is refused with a clear error", "[graph][store]") {
  TempDir tmp;
  {
    auto store = OpenOrDie(tmp.Path("store"));
    REQUIRE(store->Apply({SampleDoc("versioned", 20200101)}, nullptr).ok());
  }
  WriteSchemaVersion(tmp.Path("store"), 99);
  for (bool read_only : {false, true}) {
    StoreOptions options;
    options.read_only = read_only;
    std::unique_ptr<Store> store;
    Status s = Store::Open(tmp.Path("store"), options, &store);
    CHECK(s.code() == StatusCode::kStorage);
    CHECK(s.message() == tmp.Path("store") + ": store schema version 99, this geokg reads " +
                             std::to_string(kStoreSchemaVersion));
    CHECK(store == nullptr);
  }
  WriteSchemaVersion(tmp.Path("store"), kStoreSchemaVersion);
  auto store = OpenOrDie(tmp.Path("store"));
  CHECK(StatsOf(*store).documents == 1);
}

TEST_CASE("directories that are not stores are refused", "[graph][store]") {
  SECTION("missing directory, read-only or without create") {
    TempDir tmp;
    for (int mode = 0; mode < 2; ++mode) {
      StoreOptions options;
      if (mode == 0)
        options.read_only = true;
      else
        options.create_if_missing = false;
      std::unique_ptr<Store> store;
      Status s = Store::Open(tmp.Path("store"), options, &store);
      CHECK(s.code() == StatusCode::kNotFound);
      CHECK(s.message() == "no store at " + tmp.Path("store"));
      CHECK_FALSE(fs::exists(tmp.Path("store")));
    }
    fs::create_directories(tmp.Path("store"));  // empty directory: still no store
    StoreOptions options;
    options.read_only = true;
    std::unique_ptr<Store> store;
    CHECK(Store::Open(tmp.Path("store"), options, &store).code() == StatusCode::kNotFound);
  }
  SECTION("a directory of other files") {
    TempDir tmp;
    fs::create_directories(tmp.Path("store"));
    std::ofstream(tmp.Path("store") + "/notes.txt") << "not a store\n";
    std::unique_ptr<Store> store;
    Status s = Store::Open(tmp.Path("store"), StoreOptions{}, &store);
    CHECK(s.code() == StatusCode::kStorage);
    CHECK(s.message().find("not a geokg store") != std::string::npos);
    CHECK_FALSE(fs::exists(tmp.Path("store") + "/data.mdb"));  // nothing written into it
  }
  SECTION("a data.mdb that is not LMDB") {
    TempDir tmp;
    fs::create_directories(tmp.Path("store"));
    {
      std::ofstream out(tmp.Path("store") + "/data.mdb", std::ios::binary);
      for (int i = 0; i < 20000; ++i) out << "garbage ";
    }
    for (bool read_only : {false, true}) {
      StoreOptions options;
      options.read_only = read_only;
      std::unique_ptr<Store> store;
      Status s = Store::Open(tmp.Path("store"), options, &store);
      CHECK(s.code() == StatusCode::kStorage);
      CHECK(s.message() == tmp.Path("store") + ": not a geokg store (data.mdb is not an LMDB file)");
    }
  }
  SECTION("a file, not a directory") {
    TempDir tmp;
    std::ofstream(tmp.Path("store")) << "x";
    std::unique_ptr<Store> store;
    CHECK(Store::Open(tmp.Path("store"), StoreOptions{}, &store).code() == StatusCode::kStorage);
  }
  SECTION("an LMDB environment of another program") {
    TempDir tmp;
    fs::create_directories(tmp.Path("store"));
    MDB_env* env = nullptr;
    REQUIRE(mdb_env_create(&env) == 0);
    REQUIRE(mdb_env_open(env, tmp.Path("store").c_str(), 0, 0644) == 0);
    MDB_txn* txn = nullptr;
    REQUIRE(mdb_txn_begin(env, nullptr, 0, &txn) == 0);
    MDB_dbi dbi;
    REQUIRE(mdb_dbi_open(txn, nullptr, 0, &dbi) == 0);
    MDB_val k{3, const_cast<char*>("key")}, v{5, const_cast<char*>("value")};
    REQUIRE(mdb_put(txn, dbi, &k, &v, 0) == 0);
    REQUIRE(mdb_txn_commit(txn) == 0);
    mdb_env_close(env);
    std::unique_ptr<Store> store;
    Status s = Store::Open(tmp.Path("store"), StoreOptions{}, &store);
    CHECK(s.code() == StatusCode::kStorage);
    CHECK(s.message().find("not a geokg store") != std::string::npos);
  }
}

TEST_CASE("a read-only store reads and refuses writes", "[graph][store]") {
  TempDir tmp;
  {
    auto store = OpenOrDie(tmp.Path("store"));
    REQUIRE(store->Apply({SampleDoc("read only", 20200101)}, nullptr).ok());
  }
  StoreOptions options;
  options.read_only = true;
  options.create_if_missing = false;
  auto store = OpenOrDie(tmp.Path("store"), options);
  CHECK(StatsOf(*store).evidence == 3);
  Status s = store->Apply({SampleDoc("another", 20200101)}, nullptr);
  CHECK(s.code() == StatusCode::kStorage);
  CHECK(StatsOf(*store).documents == 1);
}

// Reads stats in a child process (which opens its own Store) and returns
// its document count through the exit status, or -1.
int DocumentsSeenByAnotherProcess(const std::string& dir) {
  pid_t pid = fork();
  if (pid == 0) {
    StoreOptions options;
    options.read_only = true;
    std::unique_ptr<Store> store;
    StoreStats st;
    if (!Store::Open(dir, options, &store).ok() || !store->Stats(&st).ok()) _exit(100);
    _exit(static_cast<int>(std::min<uint64_t>(st.documents, 99)));
  }
  int status = 0;
  if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) return -1;
  return WEXITSTATUS(status);
}

TEST_CASE("readers are not blocked by an open write transaction", "[graph][store]") {
  TempDir tmp;
  std::mutex mu;
  std::condition_variable cv;
  bool in_txn = false, release = false;
  StoreOptions options;
  options.before_commit_for_testing = [&] {
    std::unique_lock<std::mutex> lock(mu);
    in_txn = true;
    cv.notify_all();
    cv.wait(lock, [&] { return release; });
  };
  auto store = OpenOrDie(tmp.Path("store"), options);
  // The first batch: let it commit immediately.
  {
    Status first_status;
    std::thread writer(
        [&] { first_status = store->Apply({SampleDoc("committed", 20200101)}, nullptr); });
    {
      std::unique_lock<std::mutex> lock(mu);
      cv.wait(lock, [&] { return in_txn; });
      release = true;
      cv.notify_all();
    }
    writer.join();
    REQUIRE(first_status.ok());
  }
  in_txn = release = false;
  Status write_status;
  std::thread writer([&] {
    write_status =
        store->Apply({SampleDoc("pending 1", 20200102), SampleDoc("pending 2", 20200103)}, nullptr);
  });
  {
    std::unique_lock<std::mutex> lock(mu);
    cv.wait(lock, [&] { return in_txn; });
  }
  // The write transaction is open now: readers see the last committed state.
  StoreStats st = StatsOf(*store);
  CHECK(st.documents == 1);
  CHECK(st.evidence == 3);
  CHECK(SummaryOf(*store, kUsToIraq).TotalCount() == 2);
  CHECK(DocumentsSeenByAnotherProcess(tmp.Path("store")) == 1);
  {
    std::lock_guard<std::mutex> lock(mu);
    release = true;
    cv.notify_all();
  }
  writer.join();
  REQUIRE(write_status.ok());
  CHECK(StatsOf(*store).documents == 3);
  CHECK(DocumentsSeenByAnotherProcess(tmp.Path("store")) == 3);
}

// ---- entity mentions and the entity -> documents index ----

const Entity kOman = MakeEntity("Oman", EntityKind::kCountry, {"Sultanate of Oman"}, "OMN");

// SampleDoc plus Oman, which no relation refers to, and mention counts.
DocRecord MentionDoc(const std::string& text, Date date, uint32_t us, uint32_t oman) {
  DocRecord d = SampleDoc(text, date, 1);
  d.entities.push_back(kOman);
  if (us > 0) d.mentions.push_back({kUs.id, us});
  if (oman > 0) d.mentions.push_back({kOman.id, oman});
  return d;
}

Entity EntityOf(const Store& store, EntityId id) {
  Entity e;
  Status s = store.GetEntity(id, &e);
  INFO(s.message());
  REQUIRE(s.ok());
  return e;
}

std::vector<EntityDocument> DocsOf(const Store& store, EntityId id, size_t limit = 0) {
  std::vector<EntityDocument> docs;
  Status s = store.ListEntityDocuments(id, limit, &docs);
  INFO(s.message());
  REQUIRE(s.ok());
  return docs;
}

// (entity, doc) -> mentions, from ForEachEntityDocument.
std::map<std::pair<EntityId, DocId>, uint32_t> MentionIndex(const Store& store) {
  std::map<std::pair<EntityId, DocId>, uint32_t> index;
  REQUIRE(store
              .ForEachEntityDocument([&](EntityId e, DocId d, uint32_t n, Date) {
                index[{e, d}] = n;
                return true;
              })
              .ok());
  return index;
}

TEST_CASE("an entity mentioned in no relation is stored with its mentions", "[graph][store][mentions]") {
  TempDir tmp;
  auto store = OpenOrDie(tmp.Path("store"));
  DocRecord doc = MentionDoc("oman article", 20200105, 4, 2);
  doc.meta.url = "https://example.org/oman";
  ApplyResult r;
  REQUIRE(store->Apply({doc}, &r).ok());
  CHECK(r.entities_added == 4);
  CHECK(r.entity_documents_added == 2);

  Entity oman = EntityOf(*store, kOman.id);
  CHECK(oman.name == "Oman");
  CHECK(oman.mentions == 2);
  CHECK(oman.documents == 1);
  Entity iraq = EntityOf(*store, kIraq.id);  // in relations, never mentioned
  CHECK(iraq.mentions == 0);
  CHECK(iraq.documents == 0);
  std::vector<EntityId> ids;
  REQUIRE(store->FindEntities("sultanate of oman", &ids).ok());
  CHECK(ids == std::vector<EntityId>{kOman.id});

  // Scans and snapshots carry the totals too.
  std::map<EntityId, std::pair<uint64_t, uint64_t>> seen;
  REQUIRE(store
              ->ForEachEntity([&](const Entity& e) {
                seen[e.id] = {e.mentions, e.documents};
                return true;
              })
              .ok());
  CHECK(seen.size() == 4);
  CHECK(seen[kOman.id] == std::make_pair<uint64_t, uint64_t>(2, 1));
  CHECK(seen[kUs.id] == std::make_pair<uint64_t, uint64_t>(4, 1));
  CHECK(seen[kIran.id] == std::make_pair<uint64_t, uint64_t>(0, 0));
  GraphData data;
  REQUIRE(store->LoadGraph(&data).ok());
  REQUIRE(data.entities.size() == 4);
  for (const Entity& e : data.entities) {
    CHECK(e.mentions == seen[e.id].first);
    CHECK(e.documents == seen[e.id].second);
  }

  std::vector<EntityDocument> docs = DocsOf(*store, kOman.id);
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].meta.id == doc.meta.id);
  CHECK(docs[0].meta.title == "oman article");
  CHECK(docs[0].meta.url == "https://example.org/oman");
  CHECK(docs[0].meta.date == 20200105);
  CHECK(docs[0].mentions == 2);
  CHECK(DocsOf(*store, kIraq.id).empty());
  CHECK(DocsOf(*store, 12345).empty());

  StoreStats st = StatsOf(*store);
  CHECK(st.entities == 4);
  CHECK(st.mentions == 6);
  CHECK(st.entity_documents == 2);
}

TEST_CASE("mentions add up across documents and re-ingesting changes nothing", "[graph][store][mentions]") {
  TempDir tmp;
  auto store = OpenOrDie(tmp.Path("store"));
  DocRecord a = MentionDoc("article a", 20200105, 3, 1);
  DocRecord b = MentionDoc("article b", 20200201, 2, 0);
  DocRecord c = MentionDoc("article c", 0, 1, 0);  // undated
  // One entity listed twice in one document: one entry, counts summed.
  c.mentions.push_back({kUs.id, 4});
  REQUIRE(store->Apply({a, b}, nullptr).ok());
  ApplyResult r;
  REQUIRE(store->Apply({c}, &r).ok());
  CHECK(r.entity_documents_added == 1);

  Entity us = EntityOf(*store, kUs.id);
  CHECK(us.mentions == 3 + 2 + 5);
  CHECK(us.documents == 3);
  Entity oman = EntityOf(*store, kOman.id);
  CHECK(oman.mentions == 1);
  CHECK(oman.documents == 1);

  // Newest first, the undated one last; a limit keeps the newest.
  std::vector<EntityDocument> docs = DocsOf(*store, kUs.id);
  REQUIRE(docs.size() == 3);
  CHECK(docs[0].meta.id == b.meta.id);
  CHECK(docs[0].mentions == 2);
  CHECK(docs[1].meta.id == a.meta.id);
  CHECK(docs[2].meta.id == c.meta.id);
  CHECK(docs[2].meta.date == 0);
  CHECK(docs[2].mentions == 5);
  docs = DocsOf(*store, kUs.id, 2);
  REQUIRE(docs.size() == 2);
  CHECK(docs[0].meta.id == b.meta.id);
  CHECK(docs[1].meta.id == a.meta.id);

  // Re-ingesting (alone, mixed with a new document, or repeated in a batch)
  // adds only the new document's mentions.
  auto index_before = MentionIndex(*store);
  CHECK(index_before.size() == 4);
  StoreStats before = StatsOf(*store);
  ApplyResult again;
  REQUIRE(store->Apply({a, b, c, a}, &again).ok());
  CHECK(again.entity_documents_added == 0);
  CHECK(MentionIndex(*store) == index_before);
  CHECK(EntityOf(*store, kUs.id).mentions == 10);
  CHECK(StatsOf(*store).mentions == before.mentions);
  DocRecord d = MentionDoc("article d", 20200301, 1, 1);
  REQUIRE(store->Apply({a, d, d}, &again).ok());
  CHECK(again.entity_documents_added == 2);
  CHECK(EntityOf(*store, kUs.id).mentions == 11);
  CHECK(EntityOf(*store, kUs.id).documents == 4);
  CHECK(EntityOf(*store, kOman.id).documents == 2);
  CHECK(DocsOf(*store, kUs.id, 1)[0].meta.id == d.meta.id);
}

// The raw mention index: entity -> its duplicates in stored order, as
// (sequence number, doc id); sequence 0 for a 16-byte (schema-5) entry.
std::map<EntityId, std::vector<std::pair<uint64_t, DocId>>> RawEntityDocs(const std::string& dir) {
  std::map<EntityId, std::vector<std::pair<uint64_t, DocId>>> out;
  WithRawTxn(dir, false, [&](MDB_txn* txn) {
    ForEachRaw(txn, RawTable(txn, "entity_docs"), [&](const MDB_val& k, const MDB_val& v) {
      geokg::graph::store_internal::EntityDocEntry e;
      REQUIRE(geokg::graph::store_internal::DecodeEntityDoc(v, &e));
      out[geokg::graph::store_internal::GetBe64(static_cast<const char*>(k.mv_data))].emplace_back(e.seq, e.doc);
    });
  });
  return out;
}

// One part of the raw document index ("doc_ids", "doc_ids_new"): doc id -> doc_seq.
std::map<DocId, uint64_t> RawDocIdIndex(const std::string& dir, const char* table) {
  std::map<DocId, uint64_t> out;
  WithRawTxn(dir, false, [&](MDB_txn* txn) {
    ForEachRaw(txn, RawTable(txn, table), [&](const MDB_val& k, const MDB_val& v) {
      REQUIRE(v.mv_size == 8);
      out[store_internal::GetBe64(static_cast<const char*>(k.mv_data))] =
          store_internal::GetBe64(static_cast<const char*>(v.mv_data));
    });
  });
  return out;
}

// The whole raw document index: doc id -> doc_seq.
std::map<DocId, uint64_t> RawDocSeqs(const std::string& dir) {
  std::map<DocId, uint64_t> out = RawDocIdIndex(dir, "doc_ids");
  for (const auto& [id, seq] : RawDocIdIndex(dir, "doc_ids_new")) REQUIRE(out.emplace(id, seq).second);
  return out;
}

// The keys of a raw table keyed by doc_seq ("doc_meta", "doc_texts") in stored order.
std::vector<uint64_t> RawSeqKeys(const std::string& dir, const char* table) {
  std::vector<uint64_t> out;
  WithRawTxn(dir, false, [&](MDB_txn* txn) {
    ForEachRaw(txn, RawTable(txn, table), [&](const MDB_val& k, const MDB_val&) {
      REQUIRE(k.mv_size == 8);
      out.push_back(store_internal::GetBe64(static_cast<const char*>(k.mv_data)));
    });
  });
  return out;
}

std::vector<uint64_t> RawTextKeys(const std::string& dir) { return RawSeqKeys(dir, "doc_texts"); }

// Turns a store into one of schema 6: documents and texts keyed by doc id
// in "documents" and "texts" (or, `with_texts` false, as before schema 5, no
// texts) instead of by doc_seq in "doc_meta" and "doc_texts", and no
// "doc_ids" or "doc_ids_new". One document moved per transaction, so that the pages freed
// are reused and the store does not outgrow its map.
void DowngradeToSchema6(const std::string& dir, bool with_texts = true) {
  const std::map<DocId, uint64_t> seqs = RawDocSeqs(dir);
  MDB_env* env = nullptr;
  REQUIRE(mdb_env_create(&env) == 0);
  mdb_env_set_maxdbs(env, 16);
  REQUIRE(mdb_env_open(env, dir.c_str(), 0, 0644) == 0);
  MDB_txn* txn = nullptr;
  REQUIRE(mdb_txn_begin(env, nullptr, 0, &txn) == 0);
  MDB_dbi doc_meta, doc_texts, doc_ids, new_doc_ids, documents, texts = 0;
  REQUIRE(mdb_dbi_open(txn, "doc_meta", 0, &doc_meta) == 0);
  REQUIRE(mdb_dbi_open(txn, "doc_texts", 0, &doc_texts) == 0);
  REQUIRE(mdb_dbi_open(txn, "doc_ids", 0, &doc_ids) == 0);
  REQUIRE(mdb_dbi_open(txn, "doc_ids_new", 0, &new_doc_ids) == 0);
  REQUIRE(mdb_dbi_open(txn, "documents", MDB_CREATE, &documents) == 0);
  if (with_texts) REQUIRE(mdb_dbi_open(txn, "texts", MDB_CREATE, &texts) == 0);
  REQUIRE(mdb_txn_commit(txn) == 0);
  for (const auto& [id, seq] : seqs) {
    REQUIRE(mdb_txn_begin(env, nullptr, 0, &txn) == 0);
    char id_key[8], seq_key[8];
    store_internal::PutBe64(id_key, id);
    store_internal::PutBe64(seq_key, seq);
    struct Move {
      MDB_dbi from, to;
    };
    for (const Move& move : {Move{doc_meta, documents}, Move{doc_texts, texts}}) {
      MDB_val sk{8, seq_key}, v;
      if (mdb_get(txn, move.from, &sk, &v) != 0) continue;  // a document without text
      std::string value(static_cast<const char*>(v.mv_data), v.mv_size);
      REQUIRE(mdb_del(txn, move.from, &sk, nullptr) == 0);
      if (move.to == 0) continue;  // texts dropped
      MDB_val ik{8, id_key};
      v = MDB_val{value.size(), value.data()};
      REQUIRE(mdb_put(txn, move.to, &ik, &v, 0) == 0);
    }
    REQUIRE(mdb_txn_commit(txn) == 0);
  }
  REQUIRE(mdb_txn_begin(env, nullptr, 0, &txn) == 0);
  for (MDB_dbi dbi : {doc_meta, doc_texts, doc_ids, new_doc_ids}) REQUIRE(mdb_drop(txn, dbi, 1) == 0);
  REQUIRE(mdb_txn_commit(txn) == 0);
  mdb_env_close(env);
  WriteSchemaVersion(dir, 6);
}

// Turns a store into one of schema 2 (no mention index) with raw LMDB.
void DowngradeToSchema2(const std::string& dir) {
  DowngradeToSchema6(dir, /*with_texts=*/false);
  WithRawTxn(dir, true, [](MDB_txn* txn) {
    for (const char* name : {"entity_docs", "entity_counts"}) REQUIRE(mdb_drop(txn, RawTable(txn, name), 1) == 0);
  });
  WriteSchemaVersion(dir, 2);
}

// Turns a store into one of schema 5: mention entries of 16 bytes (no
// sequence number, sorted by doc id) and no "doc_seq".
void DowngradeToSchema5(const std::string& dir) {
  DowngradeToSchema6(dir);
  MDB_env* env = nullptr;
  REQUIRE(mdb_env_create(&env) == 0);
  mdb_env_set_maxdbs(env, 16);
  REQUIRE(mdb_env_open(env, dir.c_str(), 0, 0644) == 0);
  MDB_txn* txn = nullptr;
  REQUIRE(mdb_txn_begin(env, nullptr, 0, &txn) == 0);
  MDB_dbi dbi, meta;
  REQUIRE(mdb_dbi_open(txn, "entity_docs", 0, &dbi) == 0);
  REQUIRE(mdb_dbi_open(txn, "meta", 0, &meta) == 0);
  std::vector<std::pair<std::string, std::string>> entries;
  MDB_cursor* cursor = nullptr;
  REQUIRE(mdb_cursor_open(txn, dbi, &cursor) == 0);
  MDB_val k, v;
  for (int rc = mdb_cursor_get(cursor, &k, &v, MDB_FIRST); rc == 0; rc = mdb_cursor_get(cursor, &k, &v, MDB_NEXT)) {
    REQUIRE(v.mv_size == 24);
    entries.emplace_back(std::string(static_cast<const char*>(k.mv_data), 8),
                         std::string(static_cast<const char*>(v.mv_data) + 8, 16));
  }
  mdb_cursor_close(cursor);
  REQUIRE(mdb_drop(txn, dbi, 0) == 0);
  for (auto& [key, value] : entries) {
    MDB_val nk{8, key.data()}, nv{16, value.data()};
    REQUIRE(mdb_put(txn, dbi, &nk, &nv, 0) == 0);
  }
  MDB_val seq_key{7, const_cast<char*>("doc_seq")};
  REQUIRE(mdb_del(txn, meta, &seq_key, nullptr) == 0);
  REQUIRE(mdb_txn_commit(txn) == 0);
  mdb_env_close(env);
  WriteSchemaVersion(dir, 5);
}

TEST_CASE("an entity's mention entries are kept in ingest order", "[graph][store][mentions]") {
  TempDir tmp;
  const std::string dir = tmp.Path("store");
  std::vector<DocId> order;
  {
    auto store = OpenOrDie(dir);
    // Several batches of documents whose ids (content hashes) come in no order.
    for (int batch = 0; batch < 4; ++batch) {
      std::vector<DocRecord> docs;
      for (int i = 0; i < 5; ++i) {
        docs.push_back(MentionDoc("ordered " + std::to_string(batch * 5 + i), 20200101 + i, 1, 1 + i));
        order.push_back(docs.back().meta.id);
      }
      REQUIRE(store->Apply(docs, nullptr).ok());
    }
    REQUIRE(store->Apply({MentionDoc("ordered 3", 20200104, 1, 4)}, nullptr).ok());  // stored already
    CHECK(EntityOf(*store, kOman.id).documents == 20);
  }
  auto raw = RawEntityDocs(dir);
  for (EntityId id : {kOman.id, kUs.id}) {
    const auto& list = raw[id];
    REQUIRE(list.size() == 20);
    for (size_t i = 0; i < list.size(); ++i) {
      CHECK(list[i].first == i + 1);
      CHECK(list[i].second == order[i]);
    }
  }
}

TEST_CASE("a schema-5 mention index is read as it is and upgraded when opened for writing",
          "[graph][store][mentions]") {
  TempDir tmp;
  const std::string dir = tmp.Path("store");
  std::map<std::pair<EntityId, DocId>, uint32_t> before;
  std::vector<EntityDocument> docs_before;
  {
    auto store = OpenOrDie(dir);
    REQUIRE(store->Apply({MentionDoc("fifth a", 20190101, 2, 1), MentionDoc("fifth b", 20190301, 1, 3)}, nullptr).ok());
    REQUIRE(store->Apply({MentionDoc("fifth c", 20190201, 1, 5)}, nullptr).ok());
    before = MentionIndex(*store);
    docs_before = DocsOf(*store, kOman.id);
  }
  DowngradeToSchema5(dir);
  for (const auto& [entity, list] : RawEntityDocs(dir)) {
    for (const auto& [seq, doc] : list) CHECK(seq == 0);
  }
  StoreOptions read_only;
  read_only.read_only = true;
  {
    auto store = OpenOrDie(dir, read_only);
    CHECK(StatsOf(*store).schema_version == 5);
    CHECK(MentionIndex(*store) == before);
    std::vector<EntityDocument> docs = DocsOf(*store, kOman.id);
    REQUIRE(docs.size() == 3);
    for (size_t i = 0; i < docs.size(); ++i) {
      CHECK(docs[i].meta.id == docs_before[i].meta.id);
      CHECK(docs[i].mentions == docs_before[i].mentions);
    }
  }
  DocRecord later = MentionDoc("fifth d", 20180101, 1, 7);
  {
    auto store = OpenOrDie(dir);  // writable: upgrades
    CHECK(StatsOf(*store).schema_version == kStoreSchemaVersion);
    CHECK(MentionIndex(*store) == before);
    ApplyResult r;
    REQUIRE(store->Apply({later}, &r).ok());
    CHECK(r.entity_documents_added == 2);
    CHECK(EntityOf(*store, kOman.id).mentions == 16);
    CHECK(EntityOf(*store, kOman.id).documents == 4);
    // Retracting a document removes its entries in the new layout too.
    RetractResult rr;
    REQUIRE(store->Retract({docs_before[0].meta.id}, &rr).ok());
    CHECK(EntityOf(*store, kOman.id).documents == 3);
  }
  // Old entries numbered by doc id, the new one after them.
  auto raw = RawEntityDocs(dir);
  const auto& oman = raw[kOman.id];
  REQUIRE(oman.size() == 3);
  for (size_t i = 0; i + 1 < oman.size(); ++i) {
    CHECK(oman[i].first >= 1);
    CHECK(oman[i].first < oman[i + 1].first);
  }
  CHECK(oman[0].second < oman[1].second);  // the upgraded ones, in doc id order
  CHECK(oman.back().second == later.meta.id);
  CHECK(oman.back().first == 4);
}

// A text zlib cannot shrink much: letters drawn at random.
std::string RandomText(std::mt19937& rng, size_t bytes) {
  std::string text(bytes, ' ');
  for (char& c : text) c = static_cast<char>('a' + rng() % 26);
  return text;
}

std::string TextOf(const Store& store, DocId id) {
  std::string text;
  Status s = store.GetText(id, &text);
  INFO(s.message());
  REQUIRE(s.ok());
  return text;
}

TEST_CASE("texts are stored with zstd, and zlib texts of older stores still read", "[graph][store]") {
  TempDir tmp;
  const std::string dir = tmp.Path("store");
  std::mt19937 rng(11);
  const std::string first = "Iran and Iraq met in Baghdad. " + RandomText(rng, 2000);
  const std::string second = "Talks resumed. " + RandomText(rng, 500);
  DocRecord a = SampleDoc("zstd a", 20200101, 1), b = SampleDoc("zstd b", 20200101, 1);
  a.text = first;
  b.text = second;
  {
    auto store = OpenOrDie(dir);
    REQUIRE(store->Apply({a, b}, nullptr).ok());
  }
  // What this build writes is a zstd frame after the length.
  std::vector<std::string> raw;
  WithRawTxn(dir, false, [&](MDB_txn* txn) {
    ForEachRaw(txn, RawTable(txn, "doc_texts"), [&](const MDB_val&, const MDB_val& v) {
      raw.emplace_back(static_cast<const char*>(v.mv_data), v.mv_size);
    });
  });
  REQUIRE(raw.size() == 2);
  for (const std::string& r : raw) CHECK(r.compare(4, 4, "\x28\xB5\x2F\xFD") == 0);
  // A schema-7 store's text: zlib after the same length, as that build wrote it.
  WithRawTxn(dir, true, [&](MDB_txn* txn) {
    MDB_dbi texts = RawTable(txn, "doc_texts");
    MDB_cursor* cursor = nullptr;
    REQUIRE(mdb_cursor_open(txn, texts, &cursor) == 0);
    MDB_val k, v;
    REQUIRE(mdb_cursor_get(cursor, &k, &v, MDB_FIRST) == 0);
    std::string zlib(4 + compressBound(first.size()), '\0');
    uLongf size = zlib.size() - 4;
    REQUIRE(compress2(reinterpret_cast<Bytef*>(zlib.data() + 4), &size, reinterpret_cast<const Bytef*>(first.data()),
                      first.size(), Z_DEFAULT_COMPRESSION) == Z_OK);
    zlib.resize(4 + size);
    store_internal::PutBe32(zlib.data(), static_cast<uint32_t>(first.size()));
    MDB_val nv{zlib.size(), zlib.data()};
    REQUIRE(mdb_cursor_put(cursor, &k, &nv, MDB_CURRENT) == 0);
    mdb_cursor_close(cursor);
  });
  auto store = OpenOrDie(dir);
  CHECK(TextOf(*store, a.meta.id) == first);
  CHECK(TextOf(*store, b.meta.id) == second);
  // A frame whose header contradicts the stated length, or a length no
  // frame of that size can hold, is corrupt and allocates nothing.
  std::string stored, out;
  store_internal::CompressText(second, &stored);
  std::string wrong = stored;
  store_internal::PutBe32(wrong.data(), static_cast<uint32_t>(second.size() + 1));
  CHECK_FALSE(store_internal::DecompressText(wrong, &out));
  std::string huge = stored;
  store_internal::PutBe32(huge.data(), 0xFFFFFFF0u);
  CHECK_FALSE(store_internal::DecompressText(huge, &out));
  CHECK(store_internal::DecompressText(stored, &out));
  CHECK(out == second);
}

TEST_CASE("texts are keyed by doc_seq in ingest order, and a document stored again keeps its number",
          "[graph][store]") {
  TempDir tmp;
  const std::string dir = tmp.Path("store");
  std::vector<DocRecord> all;
  std::mt19937 rng(7);
  {
    auto store = OpenOrDie(dir);
    for (int batch = 0; batch < 3; ++batch) {
      std::vector<DocRecord> docs;
      for (int i = 0; i < 4; ++i) {
        const std::string name = "seq " + std::to_string(batch * 4 + i);
        // Every other document names no one (no mention entries), one has no text.
        DocRecord d = i % 2 == 0 ? MentionDoc(name, 20200101, 1, 1) : SampleDoc(name, 20200101, 1);
        if (!(batch == 1 && i == 3)) d.text = RandomText(rng, 300);
        docs.push_back(d);
        all.push_back(d);
      }
      REQUIRE(store->Apply(docs, nullptr).ok());
    }
  }
  // Numbered in the order stored, whatever the ids; the records' and texts'
  // keys are those numbers.
  std::map<DocId, uint64_t> seqs = RawDocSeqs(dir);
  REQUIRE(seqs.size() == all.size());
  std::vector<uint64_t> numbers, with_text;
  for (size_t i = 0; i < all.size(); ++i) {
    CHECK(seqs[all[i].meta.id] == i + 1);
    numbers.push_back(i + 1);
    if (!all[i].text.empty()) with_text.push_back(i + 1);
  }
  CHECK(RawSeqKeys(dir, "doc_meta") == numbers);
  CHECK(RawTextKeys(dir) == with_text);
  // The mention entries carry the same numbers.
  for (const auto& [entity, list] : RawEntityDocs(dir)) {
    for (const auto& [seq, doc] : list) CHECK(seq == seqs[doc]);
  }
  DocRecord again = SampleDoc("seq 5", 20200101, 2);
  DocRecord later = SampleDoc("seq later", 20200101, 1);
  later.text = "later";
  {
    auto store = OpenOrDie(dir);
    for (const DocRecord& d : all) CHECK(TextOf(*store, d.meta.id) == d.text);
    // Extracted again (Replace keeps the texts): same number, same text.
    REQUIRE(store->Replace({again}, nullptr).ok());
    CHECK(TextOf(*store, again.meta.id) == all[5].text);
    // A later document still gets the next number.
    REQUIRE(store->Apply({later}, nullptr).ok());
  }
  seqs = RawDocSeqs(dir);
  CHECK(seqs[again.meta.id] == 6);
  CHECK(seqs[later.meta.id] == all.size() + 1);
  with_text.push_back(all.size() + 1);
  CHECK(RawTextKeys(dir) == with_text);
  // Retracting a document removes the text under its number.
  {
    auto store = OpenOrDie(dir);
    REQUIRE(store->Retract({all[0].meta.id}, nullptr).ok());
  }
  with_text.erase(with_text.begin());
  CHECK(RawTextKeys(dir) == with_text);
  numbers.erase(numbers.begin());
  numbers.push_back(all.size() + 1);
  CHECK(RawSeqKeys(dir, "doc_meta") == numbers);
  CHECK(RawDocSeqs(dir).count(all[0].meta.id) == 0);
}

TEST_CASE("the doc id index collects a batch's documents apart and moves them into its settled part in one go",
          "[graph][store]") {
  TempDir tmp;
  const std::string dir = tmp.Path("store");
  StoreOptions options;
  options.recent_doc_ids = 6;
  std::vector<DocRecord> all;
  auto batch_of = [&](int first) {
    std::vector<DocRecord> docs;
    for (int i = first; i < first + 4; ++i) {
      docs.push_back(MentionDoc("index " + std::to_string(i), 20200101, 1, 1));
      docs.back().text = "text " + std::to_string(i);
      all.push_back(docs.back());
    }
    return docs;
  };
  auto apply = [&](const std::vector<DocRecord>& docs) {
    auto store = OpenOrDie(dir, options);
    ApplyResult r;
    REQUIRE(store->Apply(docs, &r).ok());
    return r;
  };
  apply(batch_of(0));
  CHECK(RawDocIdIndex(dir, "doc_ids").empty());
  CHECK(RawDocIdIndex(dir, "doc_ids_new").size() == 4);
  apply(batch_of(4));  // 8 recent ones: moved
  CHECK(RawDocIdIndex(dir, "doc_ids").size() == 8);
  CHECK(RawDocIdIndex(dir, "doc_ids_new").empty());
  apply(batch_of(8));
  CHECK(RawDocIdIndex(dir, "doc_ids").size() == 8);
  CHECK(RawDocIdIndex(dir, "doc_ids_new").size() == 4);
  // Documents in either part are found, skipped when stored again, listed
  // in id order, and retracted.
  CHECK(apply({all[1], all[9]}).documents_skipped == 2);
  {
    auto store = OpenOrDie(dir, options);
    for (const DocRecord& d : all) {
      CHECK(TextOf(*store, d.meta.id) == d.text);
      bool found = false;
      REQUIRE(store->HasDocument(d.meta.id, &found).ok());
      CHECK(found);
    }
    std::vector<DocId> listed, ids;
    REQUIRE(store->ForEachDocument([&](const DocMeta& m) {
      listed.push_back(m.id);
      return true;
    }).ok());
    for (const DocRecord& d : all) ids.push_back(d.meta.id);
    std::sort(ids.begin(), ids.end());
    CHECK(listed == ids);
    REQUIRE(store->Retract({all[1].meta.id, all[9].meta.id}, nullptr).ok());
    CHECK(StatsOf(*store).documents == all.size() - 2);
  }
  CHECK(RawDocIdIndex(dir, "doc_ids").size() == 7);
  CHECK(RawDocIdIndex(dir, "doc_ids_new").size() == 3);
}

TEST_CASE("a schema-6 store's texts are read by doc id, and moved to doc_seq keys when opened for writing",
          "[graph][store]") {
  TempDir tmp;
  const std::string dir = tmp.Path("store");
  std::vector<DocRecord> all;
  std::mt19937 rng(11);
  StoreOptions small_map;
  small_map.initial_map_size = 1u << 16;  // grown by doubling as needed
  {
    auto store = OpenOrDie(dir, small_map);
    for (int batch = 0; batch < 3; ++batch) {
      std::vector<DocRecord> docs;
      for (int i = 0; i < 20; ++i) {
        const std::string name = "six " + std::to_string(batch * 20 + i);
        DocRecord d = i % 3 == 0 ? SampleDoc(name, 20200101, 1) : MentionDoc(name, 20200101, 1, 2);
        if (i != 7) d.text = RandomText(rng, 12000);
        docs.push_back(d);
        all.push_back(d);
      }
      REQUIRE(store->Apply(docs, nullptr).ok());
    }
  }
  const std::map<DocId, uint64_t> seqs_before = RawDocSeqs(dir);
  DowngradeToSchema6(dir);
  StoreOptions read_only;
  read_only.read_only = true;
  {
    auto store = OpenOrDie(dir, read_only);
    StoreStats st = StatsOf(*store);
    CHECK(st.schema_version == 6);
    // Moving the texts in one transaction needs room for a second copy of
    // them, which the map has not: the upgrade must grow it.
    std::vector<Store::TableSize> tables;
    REQUIRE(store->TableSizes(&tables).ok());
    REQUIRE(tables[1].name == "texts");
    REQUIRE(st.map_size - st.used_bytes < tables[1].bytes);
    for (const DocRecord& d : all) CHECK(TextOf(*store, d.meta.id) == d.text);
    size_t documents = 0;
    REQUIRE(store->ForEachDocument([&](const DocMeta&) { return ++documents; }).ok());
    CHECK(documents == all.size());
  }
  uint64_t map_before = 0;
  {
    auto store = OpenOrDie(dir, read_only);
    map_before = StatsOf(*store).map_size;
  }
  {
    auto store = OpenOrDie(dir, small_map);  // writable: upgrades
    StoreStats st = StatsOf(*store);
    CHECK(st.schema_version == kStoreSchemaVersion);
    CHECK(st.map_size > map_before);
    for (const DocRecord& d : all) CHECK(TextOf(*store, d.meta.id) == d.text);
  }
  // Documents with mention entries keep their numbers; the others get new
  // ones after them, in doc id order.
  const std::map<DocId, uint64_t> seqs = RawDocSeqs(dir);
  uint64_t last_mentioned = 0;
  std::vector<std::pair<DocId, uint64_t>> renumbered;
  for (const DocRecord& d : all) {
    if (d.mentions.empty()) {
      renumbered.emplace_back(d.meta.id, seqs.at(d.meta.id));
    } else {
      CHECK(seqs.at(d.meta.id) == seqs_before.at(d.meta.id));
      last_mentioned = std::max(last_mentioned, seqs.at(d.meta.id));
    }
  }
  std::sort(renumbered.begin(), renumbered.end());
  for (size_t i = 0; i < renumbered.size(); ++i) CHECK(renumbered[i].second == last_mentioned + 1 + i);
  std::vector<uint64_t> with_text;
  for (const DocRecord& d : all)
    if (!d.text.empty()) with_text.push_back(seqs.at(d.meta.id));
  std::sort(with_text.begin(), with_text.end());
  CHECK(RawTextKeys(dir) == with_text);
  // And it takes new documents after them.
  DocRecord later = MentionDoc("six later", 20200101, 1, 1);
  later.text = "later";
  {
    auto store = OpenOrDie(dir);
    REQUIRE(store->Apply({later}, nullptr).ok());
    CHECK(TextOf(*store, later.meta.id) == "later");
  }
  CHECK(RawDocSeqs(dir)[later.meta.id] == last_mentioned + renumbered.size() + 1);
  CHECK(RawTextKeys(dir).back() == last_mentioned + renumbered.size() + 1);
}

TEST_CASE("a schema-2 store is read without mentions and upgraded when opened for writing",
          "[graph][store][mentions]") {
  TempDir tmp;
  const std::string dir = tmp.Path("store");
  DocRecord old_doc = MentionDoc("old article", 20190101, 2, 2);
  {
    auto store = OpenOrDie(dir);
    REQUIRE(store->Apply({old_doc}, nullptr).ok());
  }
  DowngradeToSchema2(dir);

  StoreOptions read_only;
  read_only.read_only = true;
  {
    auto store = OpenOrDie(dir, read_only);
    StoreStats st = StatsOf(*store);
    CHECK(st.schema_version == 2);
    CHECK(st.documents == 1);
    CHECK(st.entities == 4);
    CHECK(st.mentions == 0);
    CHECK(EntityOf(*store, kOman.id).mentions == 0);
    CHECK(DocsOf(*store, kOman.id).empty());
    CHECK(MentionIndex(*store).empty());
    GraphData data;
    REQUIRE(store->LoadGraph(&data).ok());
    CHECK(data.entities.size() == 4);
  }
  {
    auto store = OpenOrDie(dir);  // writable: upgrades
    CHECK(StatsOf(*store).schema_version == kStoreSchemaVersion);
    CHECK(EntityOf(*store, kOman.id).mentions == 0);  // the old document's are not known
    ApplyResult r;
    REQUIRE(store->Apply({old_doc, MentionDoc("new article", 20200101, 1, 3)}, &r).ok());
    CHECK(r.documents_added == 1);
    CHECK(EntityOf(*store, kOman.id).mentions == 3);
    CHECK(EntityOf(*store, kOman.id).documents == 1);
  }
  auto store = OpenOrDie(dir, read_only);
  CHECK(StatsOf(*store).schema_version == kStoreSchemaVersion);
  CHECK(DocsOf(*store, kOman.id).size() == 1);

  // Schema 1 is older than anything this build reads.
  WriteSchemaVersion(dir, 1);
  std::unique_ptr<Store> refused;
  Status s = Store::Open(dir, {}, &refused);
  CHECK(s.code() == StatusCode::kStorage);
  CHECK(s.message() == dir + ": store schema version 1, this geokg reads " +
                           std::to_string(kStoreSchemaVersion));
}


TEST_CASE("a symmetric relation is stored once per unordered pair", "[graph][store]") {
  TempDir tmp;
  auto store = OpenOrDie(tmp.Path("store"));
  DocRecord d = MakeDoc("both ways", 20200301);
  d.entities = {kUs, kIraq};
  d.relations.push_back(MakeRelation(kUs, RelationType::kAgreedWith, kIraq, d.meta.id, 0));
  d.relations.push_back(MakeRelation(kIraq, RelationType::kAgreedWith, kUs, d.meta.id, 1));
  d.relations.push_back(MakeRelation(kIraq, RelationType::kDeployedTo, kUs, d.meta.id, 2));  // not symmetric
  REQUIRE(store->Apply({d}, nullptr).ok());
  const RelationKey canonical = CanonicalKey({kUs.id, RelationType::kAgreedWith, kIraq.id});
  int agreed = 0;
  REQUIRE(store
              ->ForEachRelation([&](const RelationSummary& s) {
                if (s.key.type == RelationType::kAgreedWith) {
                  ++agreed;
                  CHECK(s.key == canonical);
                  CHECK(s.counts[0] == 2);
                }
                return true;
              })
              .ok());
  CHECK(agreed == 1);
  CHECK(EvidenceOf(*store, canonical).size() == 2);
  CHECK(SummaryOf(*store, {kIraq.id, RelationType::kDeployedTo, kUs.id}).counts[0] == 1);
}

TEST_CASE("a schema-3 store's two directions of a symmetric relation merge on a writable open", "[graph][store]") {
  TempDir tmp;
  const std::string dir = tmp.Path("store");
  const RelationKey canonical = CanonicalKey({kUs.id, RelationType::kAgreedWith, kIraq.id});
  const RelationKey reversed{canonical.target, canonical.type, canonical.source};
  const Entity& first = canonical.source == kUs.id ? kUs : kIraq;
  const Entity& second = canonical.source == kUs.id ? kIraq : kUs;
  {
    auto store = OpenOrDie(dir);
    DocRecord d = MakeDoc("one way", 20200101);
    d.entities = {kUs, kIraq};
    d.relations.push_back(MakeRelation(first, RelationType::kAgreedWith, second, d.meta.id, 0));
    REQUIRE(store->Apply({d}, nullptr).ok());
  }
  // The other direction, as schema 3 stored it: its own relation record and
  // evidence chain (written with raw LMDB).
  {
    MDB_env* env = nullptr;
    REQUIRE(mdb_env_create(&env) == 0);
    mdb_env_set_maxdbs(env, 16);
    REQUIRE(mdb_env_open(env, dir.c_str(), 0, 0644) == 0);
    MDB_txn* txn = nullptr;
    REQUIRE(mdb_txn_begin(env, nullptr, 0, &txn) == 0);
    MDB_dbi relations, evidence;
    REQUIRE(mdb_dbi_open(txn, "relations", 0, &relations) == 0);
    REQUIRE(mdb_dbi_open(txn, "evidence", 0, &evidence) == 0);
    Evidence ev = MakeRelation(second, RelationType::kAgreedWith, first, DocIdFor("other way"), 3).evidence;
    ev.date = 20210601;
    ev.confidence = 0.9f;
    std::string ev_value(8 + EvidenceEncodedSize(ev), '\0');  // previous evidence number 0
    EncodeEvidenceTo(ev, ev_value.data() + 8);
    char ev_key[8];
    store_internal::PutBe64(ev_key, 1000000);
    MDB_val k{8, ev_key}, v{ev_value.size(), ev_value.data()};
    REQUIRE(mdb_put(txn, evidence, &k, &v, 0) == 0);
    RelationSummary s;
    s.counts[0] = 1;
    s.first_date = s.last_date = 20210601;
    s.confidence = 0.9f;
    std::string rel_value(8, '\0');
    store_internal::PutBe64(rel_value.data(), 1000000);
    AppendStoredSummary(s, &rel_value);
    char rel_key[store_internal::kRelationKeySize];
    store_internal::EncodeRelationKey(reversed, rel_key);
    k = MDB_val{sizeof rel_key, rel_key};
    v = MDB_val{rel_value.size(), rel_value.data()};
    REQUIRE(mdb_put(txn, relations, &k, &v, 0) == 0);
    REQUIRE(mdb_txn_commit(txn) == 0);
    mdb_env_close(env);
  }
  DowngradeToSchema6(dir, /*with_texts=*/false);
  WriteSchemaVersion(dir, 3);
  {
    // Read-only, the store is as it was; the graph view shows one edge.
    StoreOptions options;
    options.read_only = true;
    auto store = OpenOrDie(dir, options);
    GraphData data;
    REQUIRE(store->LoadGraph(&data).ok());
    CHECK(data.relations.size() == 2);
    auto view = GraphView::Build(std::move(data));
    REQUIRE(view->edge_count() == 1);
    CHECK(view->edge(0).counts[0] == 2);
    CHECK(view->edge(0).last_date == 20210601);
  }
  auto store = OpenOrDie(dir);
  CHECK(StatsOf(*store).schema_version == kStoreSchemaVersion);
  int agreed = 0;
  REQUIRE(store
              ->ForEachRelation([&](const RelationSummary& s) {
                ++agreed;
                CHECK(s.key == canonical);
                CHECK(s.counts[0] == 2);
                CHECK(s.first_date == 20200101);
                CHECK(s.last_date == 20210601);
                CHECK(s.confidence == Approx(0.9f));
                return true;
              })
              .ok());
  CHECK(agreed == 1);
  auto evidence = EvidenceOf(*store, canonical);
  REQUIRE(evidence.size() == 2);
  CHECK(evidence[0].sentence == 0);  // ingest order: the older record first
  CHECK(evidence[1].sentence == 3);
}

TEST_CASE("retracting documents recounts what they shared and removes what only they held", "[graph][store]") {
  TempDir tmp;
  auto store = OpenOrDie(tmp.Path("store"));
  DocRecord a = SampleDoc("retract a", 20200101, 2);  // 2 x US deployed-to Iraq, Iran attacked US
  DocRecord b = SampleDoc("retract b", 20210101, 1);  // 1 x US deployed-to Iraq, Iran attacked US
  DocRecord c = MakeDoc("retract c", 20220101);       // only Iraq met-with Iran... and a lone entity
  const Entity lone = MakeEntity("Lone Actor", EntityKind::kPerson);
  c.entities = {kIraq, kIran, lone};
  c.relations.push_back(MakeRelation(lone, RelationType::kMetWith, kIraq, c.meta.id, 0, Modality::kAsserted, 0.9f));
  c.mentions = {{lone.id, 2}, {kIraq.id, 1}};
  a.mentions = {{kUs.id, 3}, {kIraq.id, 1}};
  REQUIRE(store->Apply({a, b, c}, nullptr).ok());
  const StoreStats before = StatsOf(*store);
  const RelationKey deployed{kUs.id, RelationType::kDeployedTo, kIraq.id};

  // An unknown document: nothing changes.
  RetractResult r;
  Status s = store->Retract({a.meta.id, 42}, &r);
  CHECK(s.code() == StatusCode::kNotFound);
  CHECK(s.message().find("000000000000002a") != std::string::npos);
  CHECK(SameCounts(StatsOf(*store), before));

  REQUIRE(store->Retract({a.meta.id}, &r).ok());
  CHECK(r.documents_removed == 1);
  CHECK(r.evidence_removed == 3);
  CHECK(r.relations_removed == 0);
  RelationSummary d = SummaryOf(*store, deployed);
  CHECK(d.counts[0] == 1);
  CHECK(d.first_date == 20210101);
  CHECK(d.last_date == 20210101);
  auto ev = EvidenceOf(*store, deployed);
  REQUIRE(ev.size() == 1);
  CHECK(ev[0].doc == b.meta.id);
  StoreStats after = StatsOf(*store);
  CHECK(after.documents == 2);
  CHECK(after.evidence == before.evidence - 3);

  // The lone actor goes with its only document; Iraq stays (b names it).
  REQUIRE(store->Retract({c.meta.id}, &r).ok());
  CHECK(r.relations_removed == 1);
  CHECK(r.entities_removed == 1);
  bool lone_left = false;
  REQUIRE(store->ForEachEntity([&](const Entity& e) {
                  lone_left |= e.id == lone.id;
                  return true;
                })
              .ok());
  CHECK_FALSE(lone_left);
  std::vector<EntityId> found;
  REQUIRE(store->FindEntities("Lone Actor", &found).ok());
  CHECK(found.empty());

  // The last document: an empty store, still consistent, and usable.
  REQUIRE(store->Retract({b.meta.id}, &r).ok());
  after = StatsOf(*store);
  CHECK(after.documents == 0);
  CHECK(after.relations == 0);
  CHECK(after.evidence == 0);
  CHECK(after.entities == 0);
  REQUIRE(store->Apply({a}, nullptr).ok());
  CHECK(SummaryOf(*store, deployed).counts[0] == 2);
}

TEST_CASE("retracting rewrites summaries whose size changes without garbling their keys", "[graph][store]") {
  // Many relations on one page, each with evidence from two documents, one
  // of which gives a long role: retracting it shortens every summary, which
  // LMDB stores by deleting and re-adding the record (the key must not be
  // read from the page being changed).
  TempDir tmp;
  auto store = OpenOrDie(tmp.Path("store"));
  std::vector<Entity> targets;
  for (int i = 0; i < 60; ++i) targets.push_back(MakeEntity("Target " + std::to_string(i), EntityKind::kCountry));
  DocRecord with_role = MakeDoc("roles given", 20200101), plain = MakeDoc("no roles", 20200202);
  for (DocRecord* d : {&with_role, &plain}) {
    d->entities = targets;
    d->entities.push_back(kUs);
    for (size_t i = 0; i < targets.size(); ++i) {
      d->relations.push_back(MakeRelation(kUs, RelationType::kDeployedTo, targets[i], d->meta.id,
                                          static_cast<uint32_t>(i), Modality::kAsserted, 0.5f,
                                          d == &with_role ? "a role long enough to change the record's size" : ""));
    }
  }
  REQUIRE(store->Apply({with_role, plain}, nullptr).ok());
  RetractResult r;
  REQUIRE(store->Retract({with_role.meta.id}, &r).ok());
  CHECK(r.relations_updated == targets.size());
  for (const Entity& t : targets) {
    const RelationSummary s = SummaryOf(*store, {kUs.id, RelationType::kDeployedTo, t.id});
    CHECK(s.counts[0] == 1);
    CHECK(s.role.empty());
  }
  CHECK(StatsOf(*store).relations == targets.size());
}

TEST_CASE("the store keeps each document's text, and Replace swaps a document's records", "[graph][store]") {
  TempDir tmp;
  auto store = OpenOrDie(tmp.Path("store"));
  DocRecord a = SampleDoc("text kept", 20200101, 2);
  a.text = std::string("United States forces deployed to Iraq. ") + std::string(5000, 'x');
  a.meta.extractor_version = 1;
  DocRecord b = SampleDoc("no text", 20200202, 1);
  REQUIRE(store->Apply({a, b}, nullptr).ok());
  std::string text;
  REQUIRE(store->GetText(a.meta.id, &text).ok());
  CHECK(text == a.text);
  REQUIRE(store->GetText(b.meta.id, &text).ok());
  CHECK(text.empty());
  CHECK(store->GetText(42, &text).code() == StatusCode::kNotFound);
  CHECK(StatsOf(*store).used_bytes < 1u << 20);

  // The same document extracted again, with one relation fewer.
  DocRecord again = SampleDoc("text kept", 20200101, 1);
  again.meta.extractor_version = 2;
  ApplyResult r;
  REQUIRE(store->Replace({again}, &r).ok());
  CHECK(r.documents_added == 1);
  const RelationKey deployed{kUs.id, RelationType::kDeployedTo, kIraq.id};
  CHECK(SummaryOf(*store, deployed).counts[0] == 2);  // 1 from a's new records, 1 from b
  REQUIRE(store->GetText(a.meta.id, &text).ok());
  CHECK(text == a.text);  // the text stays
  DocMeta meta;
  REQUIRE(store->GetDocument(a.meta.id, &meta).ok());
  CHECK(meta.extractor_version == 2);
  CHECK(store->Replace({SampleDoc("never stored", 20200101, 1)}, &r).code() == StatusCode::kNotFound);
  // Retract removes the text with the document.
  RetractResult rr;
  REQUIRE(store->Retract({a.meta.id}, &rr).ok());
  CHECK(store->GetText(a.meta.id, &text).code() == StatusCode::kNotFound);
}

TEST_CASE("merging entities folds relations, mentions and names, and later records follow the rule", "[graph][store]") {
  TempDir tmp;
  auto store = OpenOrDie(tmp.Path("store"));
  const Entity usa = MakeEntity("USA Variant", EntityKind::kCountry, {"The States"}, "USA");
  DocRecord a = SampleDoc("merge a", 20200101, 1);  // US deployed-to Iraq, Iran attacked US
  DocRecord b = MakeDoc("merge b", 20210101);
  b.entities = {usa, kIraq, kIran};
  b.relations.push_back(MakeRelation(usa, RelationType::kDeployedTo, kIraq, b.meta.id, 0));
  b.relations.push_back(MakeRelation(usa, RelationType::kAgreedWith, kIran, b.meta.id, 1));
  b.relations.push_back(MakeRelation(usa, RelationType::kMetWith, kUs, b.meta.id, 2));  // between the two
  b.mentions = {{usa.id, 4}, {kIraq.id, 1}};
  a.mentions = {{kUs.id, 2}};
  REQUIRE(store->Apply({a, b}, nullptr).ok());
  MergeResult r;
  CHECK(store->MergeEntities(kUs.id, kUs.id, &r).code() == StatusCode::kInvalidInput);
  CHECK(store->MergeEntities(kUs.id, 42, &r).code() == StatusCode::kNotFound);
  REQUIRE(store->MergeEntities(kUs.id, usa.id, &r).ok());
  CHECK(r.relations_merged == 1);   // deployed-to
  CHECK(r.relations_moved == 1);    // agreed-with
  CHECK(r.relations_dropped == 1);  // met-with between the two
  CHECK(r.documents_moved == 1);
  const RelationKey deployed{kUs.id, RelationType::kDeployedTo, kIraq.id};
  CHECK(SummaryOf(*store, deployed).counts[0] == 2);
  CHECK(EvidenceOf(*store, deployed).size() == 2);
  CHECK(SummaryOf(*store, CanonicalKey({kUs.id, RelationType::kAgreedWith, kIran.id})).counts[0] == 1);
  std::vector<EntityId> ids;
  REQUIRE(store->FindEntities("USA Variant", &ids).ok());
  CHECK(ids == std::vector<EntityId>{kUs.id});
  REQUIRE(store->FindEntities("The States", &ids).ok());
  CHECK(ids == std::vector<EntityId>{kUs.id});
  bool variant_left = false;
  uint64_t us_mentions = 0, us_documents = 0;
  REQUIRE(store->ForEachEntity([&](const Entity& e) {
                  variant_left |= e.id == usa.id;
                  if (e.id == kUs.id) us_mentions = e.mentions, us_documents = e.documents;
                  return true;
                })
              .ok());
  CHECK_FALSE(variant_left);
  CHECK(us_mentions == 6);
  CHECK(us_documents == 2);
  std::map<EntityId, EntityId> rules;
  REQUIRE(store->MergeRules(&rules).ok());
  CHECK(rules == std::map<EntityId, EntityId>{{usa.id, kUs.id}});
  // A later document naming the folded entity lands on the kept one.
  DocRecord c = MakeDoc("merge c", 20220101);
  c.entities = {usa, kIraq};
  c.relations.push_back(MakeRelation(usa, RelationType::kDeployedTo, kIraq, c.meta.id, 0));
  c.mentions = {{usa.id, 1}};
  REQUIRE(store->Apply({c}, nullptr).ok());
  CHECK(SummaryOf(*store, deployed).counts[0] == 3);
  REQUIRE(store->ForEachEntity([&](const Entity& e) {
                  variant_left |= e.id == usa.id;
                  return true;
                })
              .ok());
  CHECK_FALSE(variant_left);
}

Entity StoredEntity(const Store& store, EntityId id) {
  Entity e;
  Status s = store.GetEntity(id, &e);
  INFO(s.message());
  REQUIRE(s.ok());
  return e;
}

TEST_CASE("an entity edit changes the record and the name index, and later records are written edited",
          "[graph][store]") {
  TempDir tmp;
  auto store = OpenOrDie(tmp.Path("store"));
  const Entity typo = MakeEntity("Irak Tuesday", EntityKind::kPerson, {"Irak"});
  DocRecord a = MakeDoc("edit a", 20200101);
  a.entities = {typo, kUs};
  a.relations.push_back(MakeRelation(kUs, RelationType::kDeployedTo, typo, a.meta.id, 0));
  REQUIRE(store->Apply({a}, nullptr).ok());

  EntityEdit edit;
  edit.name = "Iraq Republic";
  edit.kind = EntityKind::kCountry;
  edit.country = "IRQ";
  edit.add_aliases = {"Mesopotamia"};
  edit.remove_aliases = {"irak"};  // matched through NormalizeName
  CHECK(store->EditEntity(42, edit).code() == StatusCode::kNotFound);
  EntityEdit clash;
  clash.name = "United States";  // another stored entity's own name
  Status s = store->EditEntity(typo.id, clash);
  CHECK(s.code() == StatusCode::kInvalidInput);
  CHECK(s.message().find("merge the two instead") != std::string::npos);
  CHECK(StoredEntity(*store, typo.id).name == "Irak Tuesday");  // nothing changed

  REQUIRE(store->EditEntity(typo.id, edit).ok());
  Entity e = StoredEntity(*store, typo.id);
  CHECK(e.name == "Iraq Republic");
  CHECK(e.kind == EntityKind::kCountry);
  CHECK(e.country == "IRQ");
  CHECK(e.aliases == std::vector<std::string>{"Irak Tuesday", "Mesopotamia"});
  std::vector<EntityId> ids;
  for (const char* name : {"Iraq Republic", "Mesopotamia", "Irak Tuesday"}) {
    REQUIRE(store->FindEntities(name, &ids).ok());
    CHECK(ids == std::vector<EntityId>{typo.id});
  }
  REQUIRE(store->FindEntities("Irak", &ids).ok());
  CHECK(ids.empty());

  // A later document brings the entity as the extractor sees it: it is
  // written edited, and the removed alias stays removed.
  DocRecord b = MakeDoc("edit b", 20200102);
  b.entities = {typo, kUs};
  b.relations.push_back(MakeRelation(kUs, RelationType::kDeployedTo, typo, b.meta.id, 0));
  REQUIRE(store->Apply({b}, nullptr).ok());
  CHECK(StoredEntity(*store, typo.id).name == "Iraq Republic");
  CHECK(StoredEntity(*store, typo.id).aliases == e.aliases);
  // An entity the extractor names with a new name lands on the edited one.
  DocRecord c = MakeDoc("edit c", 20200103);
  const Entity meso = MakeEntity("Mesopotamia", EntityKind::kLocation);
  c.entities = {meso, kUs};
  c.relations.push_back(MakeRelation(kUs, RelationType::kDeployedTo, meso, c.meta.id, 0));
  REQUIRE(store->Apply({c}, nullptr).ok());
  CHECK(SummaryOf(*store, {kUs.id, RelationType::kDeployedTo, typo.id}).counts[0] == 3);
  Entity gone;
  CHECK(store->GetEntity(meso.id, &gone).code() == StatusCode::kNotFound);

  // Replace (reextract) keeps the edit.
  REQUIRE(store->Replace({a}, nullptr).ok());
  CHECK(StoredEntity(*store, typo.id).name == "Iraq Republic");
  CHECK(StoredEntity(*store, typo.id).kind == EntityKind::kCountry);

  CurationRules rules;
  REQUIRE(store->Rules(&rules).ok());
  REQUIRE(rules.edits.count(typo.id) == 1);
  CHECK(rules.edits[typo.id].name == std::optional<std::string>("Iraq Republic"));
  CHECK(rules.merges == std::map<EntityId, EntityId>{{EntityIdFor("Iraq Republic"), typo.id},
                                                     {meso.id, typo.id}});
}

TEST_CASE("imported rules apply to stored entities, wait for the others, and importing twice changes nothing",
          "[graph][store]") {
  TempDir tmp;
  auto store = OpenOrDie(tmp.Path("store"));
  const Entity variant = MakeEntity("USA Variant", EntityKind::kCountry, {}, "USA");
  CurationRules rules;
  rules.merges[variant.id] = kUs.id;
  rules.edits[kIran.id].country = "";
  rules.edits[kIran.id].add_aliases = {"Persia"};
  // Neither the merge's kept entity nor Iran is stored yet.
  DocRecord a = MakeDoc("import a", 20200101);
  a.entities = {variant, kIraq};
  a.relations.push_back(MakeRelation(variant, RelationType::kDeployedTo, kIraq, a.meta.id, 0));
  a.mentions = {{variant.id, 2}};
  REQUIRE(store->Apply({a}, nullptr).ok());
  ImportResult r;
  REQUIRE(store->ImportRules(rules, &r).ok());
  CHECK(r.rules == 2);
  CHECK(r.merged == 0);
  CHECK(r.edited == 0);
  // The kept entity arrives: the waiting merge is carried out in that write.
  DocRecord b = SampleDoc("import b", 20200102, 1);
  REQUIRE(store->Apply({b}, nullptr).ok());
  Entity gone;
  CHECK(store->GetEntity(variant.id, &gone).code() == StatusCode::kNotFound);
  CHECK(SummaryOf(*store, {kUs.id, RelationType::kDeployedTo, kIraq.id}).counts[0] == 2);
  CHECK(StoredEntity(*store, kUs.id).mentions == 2);
  CHECK(StoredEntity(*store, kIran.id).country.empty());
  CHECK(StoredEntity(*store, kIran.id).aliases ==
        std::vector<std::string>{"Islamic Republic of Iran", "Persia"});

  StoreStats before = StatsOf(*store);
  CurationRules kept_before;
  REQUIRE(store->Rules(&kept_before).ok());
  REQUIRE(store->ImportRules(rules, &r).ok());
  CHECK(r.edited == 0);
  CurationRules kept_after;
  REQUIRE(store->Rules(&kept_after).ok());
  CHECK(kept_after.merges == kept_before.merges);
  CHECK(kept_after.edits.size() == kept_before.edits.size());
  CHECK(kept_after.edits[kIran.id].add_aliases == kept_before.edits[kIran.id].add_aliases);
  CHECK(StatsOf(*store).relations == before.relations);
  CHECK(StatsOf(*store).entities == before.entities);

  // A rule that cannot be applied changes nothing, not even the rules before it.
  CurationRules bad;
  bad.edits[kIran.id].add_aliases = {"Kept Elsewhere"};
  bad.edits[kIraq.id].name = "Iran";  // Iran's own name
  CHECK(store->ImportRules(bad, &r).code() == StatusCode::kInvalidInput);
  CHECK(StoredEntity(*store, kIran.id).aliases.size() == 2);
}
TEST_CASE("a snapshot reads one commit while later batches commit", "[graph][store]") {
  TempDir tmp;
  auto store = OpenOrDie(tmp.Path("store"));
  REQUIRE(store->Apply({SampleDoc("first", 20200101)}, nullptr).ok());
  std::unique_ptr<Snapshot> snapshot;
  REQUIRE(store->OpenSnapshot(&snapshot).ok());
  REQUIRE(store->Apply({SampleDoc("second", 20200102), SampleDoc("third", 20200103)}, nullptr).ok());
  CHECK(SummaryOf(*store, kUsToIraq).TotalCount() == 6);
  RelationSummary summary;
  REQUIRE(snapshot->GetRelation(kUsToIraq, &summary).ok());
  CHECK(summary.TotalCount() == 2);
  size_t evidence = 0;
  REQUIRE(snapshot->ForEachEvidence(kUsToIraq, [&](const Evidence&) { return ++evidence, true; }).ok());
  CHECK(evidence == 2);
  size_t relations = 0;
  REQUIRE(snapshot
              ->ForEachRelation([&](const RelationSummary& r) {
                ++relations;
                size_t n = 0;
                REQUIRE(snapshot->ForEachEvidence(r.key, [&](const Evidence&) { return ++n, true; }).ok());
                CHECK(n == r.TotalCount());
                return true;
              })
              .ok());
  CHECK(relations == 2);
  DocMeta meta;
  CHECK(snapshot->GetDocument(DocIdFor("second"), &meta).code() == StatusCode::kNotFound);
  CHECK(snapshot->GetDocument(DocIdFor("first"), &meta).ok());
  CHECK(snapshot->GetRelation({kIraq.id, RelationType::kAttacked, kUs.id}, &summary).code() ==
        StatusCode::kNotFound);
}

}  // namespace
}  // namespace geokg::graph

namespace geokg::graph {
namespace {

TEST_CASE("ForEachDocRecord rebuilds the documents, in one pass or many, and applying them copies the store",
          "[graph][store]") {
  TempDir tmp;
  auto store = OpenOrDie(tmp.Path("source"));
  std::vector<DocRecord> docs;
  for (int i = 0; i < 12; ++i) {
    DocRecord d = SampleDoc("rebuild " + std::to_string(i), 20200101 + i, 1 + i % 3);
    d.text = "text of document " + std::to_string(i);
    d.mentions = {{kUs.id, static_cast<uint32_t>(1 + i)}, {kIran.id, 1}};
    docs.push_back(d);
  }
  REQUIRE(store->Apply(docs, nullptr).ok());
  for (size_t per_pass : {size_t{1000000}, size_t{3}}) {
    std::vector<DocRecord> rebuilt;
    size_t calls = 0;
    REQUIRE(store
                ->ForEachDocRecord(5, per_pass,
                                   [&](std::vector<DocRecord>&& batch) {
                                     ++calls;
                                     CHECK(batch.size() <= 5);
                                     for (DocRecord& r : batch) rebuilt.push_back(std::move(r));
                                     return Status::Ok();
                                   })
                .ok());
    REQUIRE(rebuilt.size() == docs.size());
    CHECK(std::is_sorted(rebuilt.begin(), rebuilt.end(),
                         [](const DocRecord& a, const DocRecord& b) { return a.meta.id < b.meta.id; }));
    for (const DocRecord& r : rebuilt) {
      auto original = std::find_if(docs.begin(), docs.end(), [&](const DocRecord& d) { return d.meta.id == r.meta.id; });
      REQUIRE(original != docs.end());
      CHECK(r.text == original->text);
      CHECK(r.relations.size() == original->relations.size());
      CHECK(r.mentions.size() == 2);
      CHECK(r.entities.size() == 3);
    }
    // Applied to an empty store, the records give the same store.
    auto copy = OpenOrDie(tmp.Path("copy" + std::to_string(per_pass)));
    REQUIRE(copy->Apply(rebuilt, nullptr).ok());
    CHECK(StatsOf(*copy).relations == StatsOf(*store).relations);
    CHECK(StatsOf(*copy).evidence == StatsOf(*store).evidence);
    CHECK(StatsOf(*copy).mentions == StatsOf(*store).mentions);
    CHECK(SummaryOf(*copy, {kUs.id, RelationType::kDeployedTo, kIraq.id}).counts ==
          SummaryOf(*store, {kUs.id, RelationType::kDeployedTo, kIraq.id}).counts);
    if (per_pass == 3) CHECK(calls >= 3);  // several passes, each with its batches
  }
  // A failing callback stops the scan with its status.
  CHECK(store->ForEachDocRecord(5, 100, [](std::vector<DocRecord>&&) { return Status::Storage("stop"); }).message() ==
        "stop");
}

}  // namespace
}  // namespace geokg::graph

namespace geokg::graph {
namespace {

TEST_CASE("of two copies of one text the store keeps the earliest dated, whatever the order", "[graph][store]") {
  TempDir tmp;
  auto copy = [](Date date, std::string source) {
    DocRecord d = SampleDoc("the same text", date, 2);
    d.meta.source = std::move(source);
    d.text = "the same text";
    for (ExtractedRelation& r : d.relations) r.evidence.date = 0;  // dated by the document
    return d;
  };
  const DocRecord late = copy(20240301, "b.txt"), early = copy(20240101, "z.txt"), undated = copy(0, "a.txt");
  std::vector<std::vector<DocRecord>> orders = {{late, early, undated}, {undated, early, late}, {early, late, undated}};
  int n = 0;
  for (const auto& order : orders) {
    const std::string dir = tmp.Path("s" + std::to_string(n++));
    auto store = OpenOrDie(dir);
    for (const DocRecord& d : order) REQUIRE(store->Apply({d}, nullptr).ok());  // one batch each
    DocMeta meta;
    REQUIRE(store->GetDocument(early.meta.id, &meta).ok());
    CHECK(meta.source == "z.txt");
    CHECK(meta.date == 20240101);
    const RelationKey deployed{kUs.id, RelationType::kDeployedTo, kIraq.id};
    CHECK(SummaryOf(*store, deployed).counts[0] == 2);  // not counted twice
    CHECK(SummaryOf(*store, deployed).first_date == 20240101);
    CHECK(SummaryOf(*store, deployed).last_date == 20240101);
    CHECK(StatsOf(*store).documents == 1);
    // The preferred copy took the stored copy's number and text: no text left behind.
    CHECK(TextOf(*store, early.meta.id) == "the same text");
    store.reset();
    CHECK(RawTextKeys(dir) == std::vector<uint64_t>{1});
  }
  // The same in one batch.
  auto store = OpenOrDie(tmp.Path("batch"));
  REQUIRE(store->Apply({undated, late, early}, nullptr).ok());
  DocMeta meta;
  REQUIRE(store->GetDocument(early.meta.id, &meta).ok());
  CHECK(meta.source == "z.txt");
}

}  // namespace
}  // namespace geokg::graph
