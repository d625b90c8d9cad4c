// Test support: a store's LMDB files opened directly, bypassing Store, to
// read what was written or to leave what an older version, a bad disk or a
// bug would leave.
#pragma once

#include <lmdb.h>

#include <catch2/catch.hpp>
#include <functional>
#include <string>

namespace geokg::testing {

// Runs `body` in one LMDB transaction on the store in `dir`: committed when
// `write`, else read-only and aborted.
inline void WithRawTxn(const std::string& dir, bool write, const std::function<void(MDB_txn*)>& body) {
  MDB_env* env = nullptr;
  REQUIRE(mdb_env_create(&env) == 0);
  mdb_env_set_maxdbs(env, 16);
  REQUIRE(mdb_env_open(env, dir.c_str(), write ? 0 : MDB_RDONLY, 0644) == 0);
  MDB_txn* txn = nullptr;
  REQUIRE(mdb_txn_begin(env, nullptr, write ? 0 : MDB_RDONLY, &txn) == 0);
  body(txn);
  if (write)
    REQUIRE(mdb_txn_commit(txn) == 0);
  else
    mdb_txn_abort(txn);
  mdb_env_close(env);
}

// The named table of the store, which must exist.
inline MDB_dbi RawTable(MDB_txn* txn, const char* name) {
  MDB_dbi dbi;
  REQUIRE(mdb_dbi_open(txn, name, 0, &dbi) == 0);
  return dbi;
}

// Calls `visit(key, value)` for each record of `dbi` in key order.
inline void ForEachRaw(MDB_txn* txn, MDB_dbi dbi, const std::function<void(const MDB_val&, const MDB_val&)>& visit) {
  MDB_cursor* cursor = nullptr;
  REQUIRE(mdb_cursor_open(txn, dbi, &cursor) == 0);
  MDB_val k, v;
  for (int rc = mdb_cursor_get(cursor, &k, &v, MDB_FIRST); rc == 0; rc = mdb_cursor_get(cursor, &k, &v, MDB_NEXT))
    visit(k, v);
  mdb_cursor_close(cursor);
}

}  // namespace geokg::testing
