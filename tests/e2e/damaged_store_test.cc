// Damaged and awkward stores through the CLI: records with enums out of
// range, a truncated or overwritten data.mdb, a full disk during ingest, a
// store on read-only files, an environment left empty by a killed creation.
// Each failure is one line on stderr and exit status 2, never a signal.
#include <fcntl.h>
#include <lmdb.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/support/fixtures.h"
#include "tests/support/process.h"
#include "tests/support/raw_lmdb.h"

namespace geokg {
namespace {

namespace fs = std::filesystem;
using testing::ProcessResult;
using testing::RunGeokg;
using testing::TempDir;

int LineCount(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }

// A store holding the small article (US deployed-to Iraq, ...).
std::string MakeStore(const TempDir& tmp, const std::string& name = "db") {
  const std::string db = tmp / name;
  ProcessResult r = RunGeokg({"ingest", "--db", db, "--no-parse", "-"}, testing::kSmallArticle);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return db;
}

// Runs `edit(txn, dbi)` on database `name` of the store in `dir` in one LMDB
// write transaction, with LMDB directly (as a bad disk or a bug would).
void EditRaw(const std::string& dir, const char* name, const std::function<void(MDB_txn*, MDB_dbi)>& edit) {
  geokg::testing::WithRawTxn(dir, true, [&](MDB_txn* txn) { edit(txn, geokg::testing::RawTable(txn, name)); });
}

// Rewrites the first record of `dbi` with `patch` applied to a copy of its
// value (and, if `new_key` is set, stores it under that key instead).
void PatchFirst(MDB_txn* txn, MDB_dbi dbi, const std::function<void(std::string*, std::string*)>& patch) {
  MDB_cursor* cursor = nullptr;
  REQUIRE(mdb_cursor_open(txn, dbi, &cursor) == 0);
  MDB_val k, v;
  REQUIRE(mdb_cursor_get(cursor, &k, &v, MDB_FIRST) == 0);
  std::string key(static_cast<const char*>(k.mv_data), k.mv_size);
  std::string value(static_cast<const char*>(v.mv_data), v.mv_size);
  mdb_cursor_close(cursor);
  patch(&key, &value);
  MDB_val nk{key.size(), key.data()}, nv{value.size(), value.data()};
  REQUIRE(mdb_put(txn, dbi, &nk, &nv, 0) == 0);
}

uint64_t Le64(const std::string& s, size_t at) {
  uint64_t v = 0;
  std::memcpy(&v, s.data() + at, 8);
  return v;
}

// The reader commands and what each reads.
struct Reader {
  const char* name;
  std::vector<std::string> args;  // after "--db DIR"
  std::string stdin_data;
};

std::vector<Reader> Readers() {
  return {
      {"stats", {}, ""},
      {"export", {"--format", "jsonl", "--all-modalities"}, ""},
      {"query", {"MATCH (a)-[r]->(b) RETURN a.name, b.name"}, ""},
      {"docs", {"Iraq"}, ""},
      {"entity", {}, ""},  // entity show, below
  };
}

ProcessResult RunReader(const Reader& r, const std::string& db) {
  if (std::string(r.name) == "entity") return RunGeokg({"entity", "show", "--db", db, "Iraq"});
  std::vector<std::string> args = {r.name, "--db", db};
  args.insert(args.end(), r.args.begin(), r.args.end());
  return RunGeokg(args, r.stdin_data);
}

void ExpectCorrupt(const ProcessResult& r, const std::string& what) {
  INFO(what << ": stderr: " << r.err);
  CHECK(r.exit_code == 2);
  CHECK(LineCount(r.err) == 1);
  CHECK(r.err.find("corrupt record (") != std::string::npos);
}

TEST_CASE("a record with an enum out of range is a one-line corrupt-record error in every reader",
          "[e2e][store][corrupt]") {
  TempDir tmp;
  const std::string db = MakeStore(tmp);

  SECTION("relation type 99") {
    EditRaw(db, "relations", [](MDB_txn* txn, MDB_dbi dbi) {
      PatchFirst(txn, dbi, [](std::string* key, std::string*) { (*key)[8] = 99; });
    });
    for (const Reader& r : Readers()) ExpectCorrupt(RunReader(r, db), r.name);
    ProcessResult why = RunGeokg({"repl", "--db", db}, ":why United States deployed-to Iraq\n");
    ExpectCorrupt(why, "repl");
  }
  SECTION("entity kind 99") {
    EditRaw(db, "entities", [](MDB_txn* txn, MDB_dbi dbi) {
      PatchFirst(txn, dbi, [](std::string*, std::string* v) {
        const size_t kind_at = 4 + 8 + 8 + Le64(*v, 12);  // version, id, name length, name
        (*v)[kind_at] = 99;
      });
    });
    for (const Reader& r : Readers()) ExpectCorrupt(RunReader(r, db), r.name);
  }
  SECTION("evidence modality 99") {
    EditRaw(db, "evidence", [](MDB_txn* txn, MDB_dbi dbi) {
      PatchFirst(txn, dbi, [](std::string*, std::string* v) {
        // previous number, version, doc, sentence, begin, end, trigger, text, date
        const size_t trigger_at = 8 + 4 + 8 + 12;
        const size_t text_at = trigger_at + 8 + Le64(*v, trigger_at);
        const size_t modality_at = text_at + 8 + Le64(*v, text_at) + 4;
        (*v)[modality_at] = 99;
      });
    });
    ExpectCorrupt(RunGeokg({"export", "--db", db, "--format", "jsonl", "--all-modalities"}), "export");
    ExpectCorrupt(RunGeokg({"export", "--db", db, "--format", "graphml", "--all-modalities"}), "graphml");
  }
  SECTION("document date source 99") {
    EditRaw(db, "doc_meta", [](MDB_txn* txn, MDB_dbi dbi) {
      PatchFirst(txn, dbi, [](std::string*, std::string* v) {
        (*v)[v->size() - 13] = 99;  // then u32 extractor version, u64 fingerprint
      });
    });
    ExpectCorrupt(RunGeokg({"stats", "--db", db}), "stats");
    ExpectCorrupt(RunGeokg({"export", "--db", db, "--format", "jsonl"}), "export");
    ExpectCorrupt(RunGeokg({"docs", "--db", db, "Iraq"}), "docs");
  }
  SECTION("a string length of 2^40") {
    EditRaw(db, "doc_meta", [](MDB_txn* txn, MDB_dbi dbi) {
      PatchFirst(txn, dbi, [](std::string*, std::string* v) {
        const uint64_t huge = uint64_t{1} << 40;
        std::memcpy(v->data() + 4 + 8, &huge, 8);  // the source's length
      });
    });
    ExpectCorrupt(RunGeokg({"stats", "--db", db}), "stats");
    ExpectCorrupt(RunGeokg({"docs", "--db", db, "Iraq"}), "docs");
  }
}

TEST_CASE("a truncated or overwritten data.mdb is refused in one line, exit 2", "[e2e][store][corrupt]") {
  TempDir tmp;
  const std::string db = MakeStore(tmp);
  const fs::path data = fs::path(db) / "data.mdb";

  SECTION("truncated") {
    fs::resize_file(data, 3 * 4096);
    for (const Reader& r : Readers()) {
      ProcessResult p = RunReader(r, db);
      INFO(r.name << ": " << p.err);
      CHECK(p.exit_code == 2);
      CHECK(LineCount(p.err) == 1);
      CHECK(p.err.find("data.mdb is truncated (12288 bytes, LMDB uses ") != std::string::npos);
    }
    ProcessResult ingest = RunGeokg({"ingest", "--db", db, "--no-parse", "-"}, "Chad attacked Sudan.\n");
    CHECK(ingest.exit_code == 2);
    CHECK(ingest.err.find("data.mdb is truncated") != std::string::npos);
  }
  SECTION("meta pages overwritten") {
    std::string bytes = testing::ReadWholeFile(data);
    std::fill(bytes.begin(), bytes.begin() + 2 * 4096, '\x5a');
    testing::WriteWholeFile(data, bytes);
    for (const Reader& r : Readers()) {
      ProcessResult p = RunReader(r, db);
      INFO(r.name << ": " << p.err);
      CHECK(p.exit_code == 2);
      CHECK(LineCount(p.err) == 1);
      CHECK(p.err.find("data.mdb is not an LMDB file") != std::string::npos);
    }
  }
}

TEST_CASE("an environment left empty by a creation killed before its first commit reads as an empty store",
          "[e2e][store]") {
  TempDir tmp;
  const std::string db = tmp / "db";
  fs::create_directories(db);
  {
    MDB_env* env = nullptr;
    REQUIRE(mdb_env_create(&env) == 0);
    REQUIRE(mdb_env_open(env, db.c_str(), 0, 0644) == 0);  // writes the meta pages, nothing else
    mdb_env_close(env);
  }
  ProcessResult stats = RunGeokg({"stats", "--db", db, "--format", "json"});
  INFO(stats.err);
  CHECK(stats.exit_code == 0);
  CHECK(nlohmann::json::parse(stats.out)["documents"] == 0);
  ProcessResult exp = RunGeokg({"export", "--db", db, "--format", "jsonl"});
  CHECK(exp.exit_code == 0);
  CHECK(exp.out.empty());
  ProcessResult query = RunGeokg({"query", "--db", db, "MATCH (a) RETURN a.name"});
  CHECK(query.exit_code == 0);
  ProcessResult ingest = RunGeokg({"ingest", "--db", db, "--no-parse", "-"}, testing::kSmallArticle);
  INFO(ingest.err);
  CHECK(ingest.exit_code == 0);
  CHECK(nlohmann::json::parse(RunGeokg({"stats", "--db", db, "--format", "json"}).out)["documents"] == 1);
}

TEST_CASE("a store created in an existing empty folder appears whole", "[e2e][store]") {
  TempDir tmp;
  const std::string db = tmp / "db";
  fs::create_directories(db);
  ProcessResult ingest = RunGeokg({"ingest", "--db", db, "--no-parse", "-"}, testing::kSmallArticle);
  INFO(ingest.err);
  REQUIRE(ingest.exit_code == 0);
  for (const auto& entry : fs::directory_iterator(db)) {
    const std::string name = entry.path().filename().string();
    // The store, and the snapshot image ingest leaves for the next reader.
    CHECK((name == "data.mdb" || name == "lock.mdb" || name == "snapshot.img"));
  }
}

// Runs geokg in a child that first calls `setup` (after fork, before exec);
// exit status 120 when setup fails.
ProcessResult RunGeokgAfter(const std::function<bool()>& setup, const std::vector<std::string>& args,
                            const std::string& stdin_data = "") {
  std::vector<std::string> argv = {GEOKG_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return testing::RunProcess(argv, stdin_data, setup);
}

TEST_CASE("a store on read-only files is read without the lock file", "[e2e][store][readonly]") {
  TempDir tmp;
  const std::string db = MakeStore(tmp);
  const std::string expected = RunGeokg({"export", "--db", db, "--format", "jsonl"}).out;
  REQUIRE(!expected.empty());
  ::chmod(tmp.Path().c_str(), 0755);
  for (const auto& entry : fs::directory_iterator(db)) ::chmod(entry.path().c_str(), 0444);
  ::chmod(db.c_str(), 0555);
  // As root, permissions are not checked: read as 'nobody' instead.
  std::function<bool()> drop = [] { return true; };
  if (geteuid() == 0) drop = [] { return setgid(65534) == 0 && setuid(65534) == 0; };
  ProcessResult exp = RunGeokgAfter(drop, {"export", "--db", db, "--format", "jsonl"});
  if (exp.exit_code == 120) {
    WARN("skipped: cannot run the reader as an unprivileged user (setuid to nobody failed)");
    return;
  }
  INFO(exp.err);
  CHECK(exp.exit_code == 0);
  CHECK(exp.out == expected);
  ProcessResult stats = RunGeokgAfter(drop, {"stats", "--db", db});
  CHECK(stats.exit_code == 0);
  // Writing is still refused, in one line.
  ProcessResult ingest =
      RunGeokgAfter(drop, {"ingest", "--db", db, "--no-parse", "-"}, "Chad attacked Sudan.\n");
  CHECK(ingest.exit_code == 2);
  CHECK(LineCount(ingest.err) == 1);
}

// A JSONL corpus of `n` distinct documents, each a few relations.
std::string SyntheticCorpus(int n) {
  static const char* kActors[] = {"Iran",  "Iraq", "Syria", "Turkey", "Israel",
                                  "Egypt", "Chad", "Sudan", "Mali",   "Niger"};
  std::string out;
  for (int i = 0; i < n; ++i) {
    const char* a = kActors[i % 10];
    const char* b = kActors[(i / 10 + i + 1) % 10];
    out += "{\"id\":\"d" + std::to_string(i) + "\",\"text\":\"" + a + " condemned " + b + " on day " +
           std::to_string(i) + ". " + b + " accused " + a + " of shelling village number " +
           std::to_string(i * 7) + " near the border, officials said in a statement released on day " +
           std::to_string(i) + ".\"}\n";
  }
  return out;
}

// Unmounts on destruction.
struct Mount {
  std::string dir;
  bool mounted = false;
  ~Mount() {
    if (mounted) umount2(dir.c_str(), MNT_DETACH);
  }
};

// Ingest's summary line, then the one line of the error, which names `what`.
void CheckOneErrorLine(const std::string& err, const std::string& what) {
  CHECK(LineCount(err) <= 2);
  const size_t last = err.rfind('\n', err.size() - 2);
  const std::string last_line = err.substr(last == std::string::npos ? 0 : last + 1);
  CHECK(last_line.rfind("geokg ingest: ", 0) == 0);
  CHECK(last_line.find(what) != std::string::npos);
}

void ExpectLastCommitIntact(const std::string& db, const std::string& expected_export) {
  ProcessResult stats = RunGeokg({"stats", "--db", db});
  INFO(stats.err);
  CHECK(stats.exit_code == 0);
  ProcessResult exp = RunGeokg({"export", "--db", db, "--format", "jsonl"});
  CHECK(exp.exit_code == 0);
  CHECK(exp.out == expected_export);
}

TEST_CASE("a full disk during ingest is a one-line error, exit 2, with the last commit intact",
          "[e2e][store][diskfull]") {
  TempDir tmp;
  testing::WriteWholeFile(tmp / "big.jsonl", SyntheticCorpus(6000));
  Mount mount{tmp / "small"};
  fs::create_directories(mount.dir);
  mount.mounted = std::getenv("GEOKG_TEST_NO_MOUNT") == nullptr &&
                  ::mount("tmpfs", mount.dir.c_str(), "tmpfs", 0, "size=1m") == 0;
  if (mount.mounted) {
    const std::string db = mount.dir + "/db";
    REQUIRE(RunGeokg({"ingest", "--db", db, "--no-parse", "-"}, testing::kSmallArticle).exit_code == 0);
    const std::string before = RunGeokg({"export", "--db", db, "--format", "jsonl"}).out;
    REQUIRE(!before.empty());
    ProcessResult full = RunGeokg({"ingest", "--db", db, "--no-parse", tmp / "big.jsonl"});
    INFO(full.err);
    CHECK(full.exit_code == 2);
    CheckOneErrorLine(full.err, "commit: No space left on device");
    ExpectLastCommitIntact(db, before);
    return;
  }
  // No tmpfs (not root, or mounts not permitted): a file size limit stands
  // in for the full disk; writes past it fail with EFBIG, not ENOSPC.
  // (GEOKG_TEST_NO_MOUNT=1 takes this path on a machine that can mount.)
  const std::string why =
      std::getenv("GEOKG_TEST_NO_MOUNT") ? "GEOKG_TEST_NO_MOUNT set" : std::strerror(errno);
  WARN("no tmpfs mount (" << why << "): simulating a full disk with RLIMIT_FSIZE");
  const std::string db = tmp / "db";
  REQUIRE(RunGeokg({"ingest", "--db", db, "--no-parse", "-"}, testing::kSmallArticle).exit_code == 0);
  const std::string before = RunGeokg({"export", "--db", db, "--format", "jsonl"}).out;
  ProcessResult full = RunGeokgAfter(
      [] {
        signal(SIGXFSZ, SIG_IGN);
        rlimit limit{1 << 20, 1 << 20};
        return setrlimit(RLIMIT_FSIZE, &limit) == 0;
      },
      {"ingest", "--db", db, "--no-parse", tmp / "big.jsonl"});
  if (full.exit_code == 120) {
    WARN("skipped: neither a tmpfs mount nor RLIMIT_FSIZE is available");
    return;
  }
  INFO(full.err);
  CHECK(full.exit_code == 2);
  CheckOneErrorLine(full.err, "commit: File too large");
  ExpectLastCommitIntact(db, before);
}

}  // namespace
}  // namespace geokg
