// store_dirty_pages: which tables' pages a commit writes, watched from
// outside while another process (geokg ingest, bench_ingest --keep DIR)
// writes the store. A diagnostic for docs/ingest-benchmarks.md (issue 15),
// not part of the build (only geokg_store links LMDB):
//
//   g++ -O2 -o store_dirty_pages scripts/diag/store_dirty_pages.cc -llmdb
//   store_dirty_pages DIR [PAIRS]
//
// For pairs of consecutive commits N, N+1 it prints, per table, the leaf
// pages of N+1 that were not leaf pages of N (pages the commit copied or
// added, found from the addresses LMDB returns for keys and values: pages of
// its map) against all the table's leaf pages, and how many distinct 64 KiB,
// 256 KiB and 2 MiB regions of the file those pages fall in. Branch pages
// are not seen. The read transaction it holds between N and N+1 keeps the
// writer from reusing some free pages, so run it apart from the runs whose
// bytes written are measured.
#include <lmdb.h>
#include <unistd.h>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <unordered_set>

using PageSet = std::unordered_set<uint64_t>;
static const char* kTables[] = {"entities","aliases","relations","evidence","documents","entity_docs","doc_texts",
                                "entity_counts","texts","doc_meta","doc_ids","doc_ids_new","meta"};

struct Snap { uint64_t txnid = 0, last_pgno = 0; std::map<std::string, PageSet> pages; };

static bool Take(MDB_env* env, Snap* s, uint64_t want_txnid) {
  MDB_txn* txn;
  if (mdb_txn_begin(env, nullptr, MDB_RDONLY, &txn)) return false;
  s->txnid = mdb_txn_id(txn);
  if (want_txnid && s->txnid != want_txnid) { mdb_txn_abort(txn); return false; }
  MDB_envinfo info; mdb_env_info(env, &info);
  s->last_pgno = info.me_last_pgno;
  MDB_stat st; mdb_env_stat(env, &st);
  const char* base = static_cast<const char*>(info.me_mapaddr);
  s->pages.clear();
  for (const char* name : kTables) {
    MDB_dbi dbi;
    if (mdb_dbi_open(txn, name, 0, &dbi)) continue;  // not in this schema
    PageSet& ps = s->pages[name];
    MDB_cursor* c; mdb_cursor_open(txn, dbi, &c);
    MDB_val k, v;
    for (int rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0; rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
      ps.insert((static_cast<const char*>(k.mv_data) - base) / st.ms_psize);
      ps.insert((static_cast<const char*>(v.mv_data) - base) / st.ms_psize);
    }
    mdb_cursor_close(c);
  }
  mdb_txn_abort(txn);
  return true;
}

int main(int argc, char** argv) {
  MDB_env* env; mdb_env_create(&env); mdb_env_set_maxdbs(env, 16);
  mdb_env_set_mapsize(env, 64ull << 30);
  if (int rc = mdb_env_open(env, argv[1], MDB_RDONLY, 0644)) { fprintf(stderr, "%s\n", mdb_strerror(rc)); return 1; }
  int pairs = argc > 2 ? atoi(argv[2]) : 1000;
  Snap a, b;
  for (int n = 0; n < pairs;) {
    while (!Take(env, &a, 0)) usleep(20000);
    MDB_envinfo info;
    for (;;) {
      mdb_env_info(env, &info);
      if (info.me_last_txnid > a.txnid) break;
      usleep(5000);
    }
    if (!Take(env, &b, a.txnid + 1)) continue;
    std::set<uint64_t> all;
    printf("txn %llu last_pgno %llu:", (unsigned long long)b.txnid, (unsigned long long)b.last_pgno);
    for (auto& [name, ps] : b.pages) {
      size_t fresh = 0; PageSet& old = a.pages[name];
      for (uint64_t p : ps) if (!old.count(p)) { ++fresh; all.insert(p); }
      printf(" %s %zu/%zu", name.c_str(), fresh, ps.size());
    }
    std::set<uint64_t> r16, r64, r512;
    for (uint64_t p : all) { r16.insert(p / 16); r64.insert(p / 64); r512.insert(p / 512); }
    printf(" | dirty leaves %zu regions64K %zu regions256K %zu regions2M %zu\n", all.size(), r16.size(), r64.size(),
           r512.size());
    fflush(stdout);
    ++n;
  }
}
