// Durability: a real `geokg ingest` process (GEOKG_BINARY) is killed with
// SIGKILL at several points; the store it leaves must open, be consistent
// (every stored document has all its evidence, every summary counts exactly
// its evidence, every entity's mention totals are the sums of its
// entity -> document entries, each naming a stored document), and an ingest resumed to completion must reach the same
// graph as an uninterrupted one.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "graph/store.h"
#include "tests/support/process.h"

namespace geokg::graph {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

using geokg::testing::TempDir;

// Writes `count` distinct documents (the sample articles, each copy made
// unique by a closing line) into `dir`.
void WriteCorpus(const fs::path& dir, int count) {
  std::vector<std::string> articles;
  for (const auto& entry :
       fs::directory_iterator(fs::path(GEOKG_SOURCE_DIR) / "samples" / "articles")) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    articles.push_back(ss.str());
  }
  REQUIRE(!articles.empty());
  std::sort(articles.begin(), articles.end());
  fs::create_directories(dir);
  for (int i = 0; i < count; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "doc%05d.txt", i);
    std::ofstream out(dir / name, std::ios::binary);
    out << articles[static_cast<size_t>(i) % articles.size()] << "\n\nArchive copy number " << i
        << ".\n";
  }
}

struct RunResult {
  bool killed = false;  // SIGKILL arrived before the process ended
  int exit_code = -1;
  double seconds = 0;
};

// Runs geokg with `args` (after the binary), its stdout and stderr to
// `output`; kills it after `kill_after` seconds if that is > 0.
RunResult RunGeokgKilled(const std::vector<std::string>& args, double kill_after,
                         const std::string& output = "/dev/null") {
  auto start = Clock::now();
  std::vector<std::string> argv_s = {GEOKG_BINARY};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    int fd = open(output.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
      dup2(fd, 1);
      dup2(fd, 2);
    }
    std::vector<char*> argv;
    for (auto& a : argv_s) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(GEOKG_BINARY, argv.data());
    _exit(127);
  }
  RunResult result;
  int status = 0;
  if (kill_after > 0) {
    auto deadline = start + std::chrono::duration<double>(kill_after);
    while (Clock::now() < deadline) {
      if (waitpid(pid, &status, WNOHANG) == pid) {
        result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
        return result;  // finished before the kill
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    kill(pid, SIGKILL);
  }
  REQUIRE(waitpid(pid, &status, 0) == pid);
  result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  result.killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

// Runs `geokg ingest --db DB --batch 25 CORPUS`, its output to `log`.
RunResult RunIngest(const fs::path& db, const fs::path& corpus, const fs::path& log,
                    double kill_after) {
  return RunGeokgKilled({"ingest", "--db", db.string(), "--batch", "25", corpus.string()}, kill_after, log.string());
}

std::string ReadLog(const fs::path& log) {
  std::ifstream in(log);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// What a store holds, reduced to what must not depend on batch boundaries.
struct Snapshot {
  StoreStats stats;
  std::map<DocId, uint64_t> evidence_per_doc;  // every stored document, 0 if none
  std::map<std::tuple<EntityId, int, EntityId>, std::array<uint32_t, kModalityCount>> counts;
  std::map<EntityId, std::set<std::string>> aliases;
  // Per entity: (mentions, documents) totals.
  std::map<EntityId, std::pair<uint64_t, uint64_t>> mentions;
};

// Opens `db` read-only and checks its consistency on the way.
Snapshot CheckAndRead(const fs::path& db) {
  StoreOptions options;
  options.read_only = true;
  options.create_if_missing = false;
  std::unique_ptr<Store> store;
  Status s = Store::Open(db.string(), options, &store);
  INFO(s.message());
  REQUIRE(s.ok());
  Snapshot snap;
  REQUIRE(store->Stats(&snap.stats).ok());
  REQUIRE(store
              ->ForEachDocument([&](const DocMeta& d) {
                snap.evidence_per_doc[d.id] = 0;
                return true;
              })
              .ok());
  CHECK(snap.evidence_per_doc.size() == snap.stats.documents);
  uint64_t evidence = 0;
  bool consistent = true;
  REQUIRE(store
              ->ForEachRelation([&](const RelationSummary& r) {
                std::array<uint32_t, kModalityCount> seen{};
                Status es = store->ForEachEvidence(r.key, [&](const Evidence& e) {
                  ++seen[static_cast<int>(e.modality)];
                  auto it = snap.evidence_per_doc.find(e.doc);
                  if (it == snap.evidence_per_doc.end())
                    consistent = false;  // evidence without document
                  else
                    ++it->second;
                  ++evidence;
                  return true;
                });
                if (!es.ok() || seen != r.counts) consistent = false;
                snap.counts[{r.key.source, static_cast<int>(r.key.type), r.key.target}] = r.counts;
                return true;
              })
              .ok());
  CHECK(consistent);
  CHECK(evidence == snap.stats.evidence);
  REQUIRE(store
              ->ForEachEntity([&](const Entity& e) {
                snap.aliases[e.id] = std::set<std::string>(e.aliases.begin(), e.aliases.end());
                if (e.documents > 0) snap.mentions[e.id] = {e.mentions, e.documents};
                return true;
              })
              .ok());
  // The mention index sums to the totals and names stored documents only.
  std::map<EntityId, std::pair<uint64_t, uint64_t>> sums;
  bool index_consistent = true;
  REQUIRE(store
              ->ForEachEntityDocument([&](EntityId entity, DocId doc, uint32_t n, Date) {
                if (snap.evidence_per_doc.count(doc) == 0 || n == 0) index_consistent = false;
                sums[entity].first += n;
                ++sums[entity].second;
                return true;
              })
              .ok());
  CHECK(index_consistent);
  CHECK(sums == snap.mentions);
  if (snap.stats.documents > 0) CHECK(snap.stats.entity_documents > 0);
  // Every relation names stored entities.
  for (const auto& [key, counts] : snap.counts) {
    CHECK(snap.aliases.count(std::get<0>(key)) == 1);
    CHECK(snap.aliases.count(std::get<2>(key)) == 1);
  }
  return snap;
}

TEST_CASE("an ingest killed with SIGKILL leaves a consistent, resumable store",
          "[graph][store][kill]") {
  if (!fs::exists(GEOKG_BINARY)) FAIL("geokg binary not built: " << GEOKG_BINARY);
  TempDir tmp;
  const fs::path corpus = tmp.path() / "corpus";
  WriteCorpus(corpus, 3000);

  // The reference: one uninterrupted ingest.
  const fs::path reference_db = tmp.path() / "reference";
  RunResult full = RunIngest(reference_db, corpus, tmp.path() / "reference.log", 0);
  INFO(ReadLog(tmp.path() / "reference.log"));
  REQUIRE(full.exit_code == 0);
  Snapshot reference = CheckAndRead(reference_db);
  REQUIRE(reference.stats.documents == 3000);
  REQUIRE(reference.stats.relations > 0);

  // Kill points: fixed times and fractions of the uninterrupted run, so that
  // some land mid-ingest on slow and fast machines alike.
  std::vector<double> kill_points = {0.2, 0.5, 1.0};
  for (double f : {0.1, 0.3, 0.6, 0.85}) kill_points.push_back(f * full.seconds);
  int interrupted = 0;
  for (size_t i = 0; i < kill_points.size(); ++i) {
    const fs::path db = tmp.path() / ("killed" + std::to_string(i));
    const fs::path log = tmp.path() / ("killed" + std::to_string(i) + ".log");
    RunResult run = RunIngest(db, corpus, log, kill_points[i]);
    INFO("kill after " << kill_points[i] << " s; uninterrupted run took " << full.seconds << " s");
    if (!run.killed) {
      INFO(ReadLog(log));
      CHECK(run.exit_code == 0);  // it finished first
    }
    if (!fs::exists(db / "data.mdb")) continue;  // killed before the store was created
    if (run.killed) ++interrupted;

    // The store opens and is consistent; each stored document has exactly the
    // evidence it has in the reference store.
    Snapshot partial = CheckAndRead(db);
    CHECK(partial.stats.documents <= reference.stats.documents);
    for (const auto& [doc, n] : partial.evidence_per_doc) {
      auto it = reference.evidence_per_doc.find(doc);
      REQUIRE(it != reference.evidence_per_doc.end());
      CHECK(n == it->second);
    }

    // Resuming to completion reaches the uninterrupted result.
    RunResult resumed = RunIngest(db, corpus, log, 0);
    INFO(ReadLog(log));
    REQUIRE(resumed.exit_code == 0);
    Snapshot final_snap = CheckAndRead(db);
    CHECK(final_snap.stats.documents == reference.stats.documents);
    CHECK(final_snap.stats.entities == reference.stats.entities);
    CHECK(final_snap.stats.aliases == reference.stats.aliases);
    CHECK(final_snap.stats.relations == reference.stats.relations);
    CHECK(final_snap.stats.evidence == reference.stats.evidence);
    CHECK(final_snap.stats.relations_by_type == reference.stats.relations_by_type);
    CHECK(final_snap.stats.evidence_by_modality == reference.stats.evidence_by_modality);
    CHECK(final_snap.stats.first_date == reference.stats.first_date);
    CHECK(final_snap.stats.last_date == reference.stats.last_date);
    CHECK(final_snap.evidence_per_doc == reference.evidence_per_doc);
    CHECK(final_snap.counts == reference.counts);
    CHECK(final_snap.aliases == reference.aliases);
    CHECK(final_snap.mentions == reference.mentions);
    CHECK(final_snap.stats.entity_documents == reference.stats.entity_documents);
  }
  // Not an assertion on timing: report how many kills landed mid-ingest.
  WARN(interrupted << " of " << kill_points.size() << " kills interrupted a running ingest "
                   << "(uninterrupted ingest: " << full.seconds << " s)");
}


// Runs `geokg retract --db DB DOC...`.
RunResult RunRetract(const fs::path& db, const std::vector<std::string>& docs, double kill_after) {
  std::vector<std::string> args = {"retract", "--db", db.string()};
  args.insert(args.end(), docs.begin(), docs.end());
  return RunGeokgKilled(args, kill_after);
}

TEST_CASE("a retract killed with SIGKILL leaves the store as before or as after, and a re-run finishes",
          "[graph][store][kill]") {
  if (!fs::exists(GEOKG_BINARY)) FAIL("geokg binary not built: " << GEOKG_BINARY);
  TempDir tmp;
  const fs::path corpus = tmp.path() / "corpus", kept = tmp.path() / "kept";
  WriteCorpus(corpus, 200);
  // The documents to retract (every other one) and the store that a fresh
  // ingest of the others gives.
  std::vector<std::string> gone;
  fs::create_directories(kept);
  for (int i = 0; i < 200; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "doc%05d.txt", i);
    if (i % 2 == 0) gone.push_back((corpus / name).string());
    else fs::copy_file(corpus / name, kept / name);
  }
  const fs::path expected_db = tmp.path() / "expected", full_db = tmp.path() / "full";
  REQUIRE(RunIngest(expected_db, kept, tmp.path() / "expected.log", 0).exit_code == 0);
  REQUIRE(RunIngest(full_db, corpus, tmp.path() / "full.log", 0).exit_code == 0);
  const Snapshot expected = CheckAndRead(expected_db);
  const Snapshot before = CheckAndRead(full_db);

  // The uninterrupted retract, for its time.
  const fs::path timed_db = tmp.path() / "timed";
  fs::copy(full_db, timed_db);
  RunResult timed = RunRetract(timed_db, gone, 0);
  REQUIRE(timed.exit_code == 0);
  int interrupted = 0;
  for (double f : {0.1, 0.3, 0.5, 0.7, 0.9}) {
    const fs::path db = tmp.path() / ("killed" + std::to_string(static_cast<int>(f * 10)));
    fs::copy(full_db, db);
    RunResult run = RunRetract(db, gone, f * timed.seconds);
    INFO("kill after " << f * timed.seconds << " s of " << timed.seconds << " s");
    Snapshot mid = CheckAndRead(db);  // consistent whatever happened
    if (run.killed) {
      ++interrupted;
      // One transaction: nothing or everything.
      const bool untouched = mid.counts == before.counts && mid.evidence_per_doc == before.evidence_per_doc;
      const bool done = mid.counts == expected.counts && mid.evidence_per_doc == expected.evidence_per_doc;
      CHECK((untouched || done));
      if (untouched) REQUIRE(RunRetract(db, gone, 0).exit_code == 0);  // the re-run finishes the job
    } else {
      CHECK(run.exit_code == 0);
    }
    Snapshot after = CheckAndRead(db);
    CHECK(after.counts == expected.counts);
    CHECK(after.evidence_per_doc == expected.evidence_per_doc);
    CHECK(after.mentions == expected.mentions);
    CHECK(after.stats.relations == expected.stats.relations);
    CHECK(after.stats.evidence == expected.stats.evidence);
    CHECK(after.stats.entity_documents == expected.stats.entity_documents);
  }
  WARN(interrupted << " of 5 kills interrupted a running retract (uninterrupted: " << timed.seconds << " s)");
}


TEST_CASE("a reextract killed with SIGKILL leaves a consistent store that a re-run finishes", "[graph][store][kill]") {
  if (!fs::exists(GEOKG_BINARY)) FAIL("geokg binary not built: " << GEOKG_BINARY);
  TempDir tmp;
  const fs::path corpus = tmp.path() / "corpus", lexicon = tmp.path() / "lexicon";
  WriteCorpus(corpus, 200);
  fs::create_directories(lexicon);
  std::ofstream(lexicon / "extra.actors.tsv") << "# name\tkind\tcountry\taliases\tlinks\n"
                                                 "Northline Wire\tmedia\t\tNorthline\n";
  // The reference: a fresh ingest with the new lexicon.
  const fs::path expected_db = tmp.path() / "expected", old_db = tmp.path() / "old";
  REQUIRE(RunGeokgKilled({"ingest", "--db", expected_db.string(), "--quiet", "--lexicon", lexicon.string(),
                          corpus.string()},
                         0)
              .exit_code == 0);
  REQUIRE(RunGeokgKilled({"ingest", "--db", old_db.string(), "--quiet", corpus.string()}, 0).exit_code == 0);
  const Snapshot expected = CheckAndRead(expected_db);
  const std::vector<std::string> reextract = {"reextract", "--batch", "25", "--lexicon", lexicon.string(), "--db"};
  auto with_db = [&](const fs::path& db) {
    std::vector<std::string> a = reextract;
    a.push_back(db.string());
    return a;
  };
  const fs::path timed_db = tmp.path() / "timed";
  fs::copy(old_db, timed_db);
  RunResult timed = RunGeokgKilled(with_db(timed_db), 0);
  REQUIRE(timed.exit_code == 0);
  CHECK(CheckAndRead(timed_db).counts == expected.counts);
  int interrupted = 0;
  for (double f : {0.15, 0.4, 0.65, 0.9}) {
    const fs::path db = tmp.path() / ("killed" + std::to_string(static_cast<int>(f * 100)));
    fs::copy(old_db, db);
    RunResult run = RunGeokgKilled(with_db(db), f * timed.seconds);
    INFO("kill after " << f * timed.seconds << " s of " << timed.seconds << " s");
    CheckAndRead(db);  // consistent whatever happened
    if (run.killed) ++interrupted;
    REQUIRE(RunGeokgKilled(with_db(db), 0).exit_code == 0);  // the re-run finishes
    Snapshot after = CheckAndRead(db);
    CHECK(after.counts == expected.counts);
    CHECK(after.evidence_per_doc == expected.evidence_per_doc);
    CHECK(after.mentions == expected.mentions);
    CHECK(after.stats.evidence == expected.stats.evidence);
  }
  WARN(interrupted << " of 4 kills interrupted a running reextract (uninterrupted: " << timed.seconds << " s)");
}

TEST_CASE("an entity merge killed with SIGKILL leaves the store as before or as after", "[graph][store][kill]") {
  if (!fs::exists(GEOKG_BINARY)) FAIL("geokg binary not built: " << GEOKG_BINARY);
  TempDir tmp;
  const fs::path corpus = tmp.path() / "corpus";
  WriteCorpus(corpus, 200);
  const fs::path base = tmp.path() / "base";
  REQUIRE(RunGeokgKilled({"ingest", "--db", base.string(), "--quiet", corpus.string()}, 0).exit_code == 0);
  const Snapshot before = CheckAndRead(base);
  const std::vector<std::string> merge = {"entity", "merge", "--db"};
  auto with_db = [&](const fs::path& db) {
    std::vector<std::string> a = merge;
    a.push_back(db.string());
    a.push_back("Russia");
    a.push_back("Ukraine");  // frequent in the samples, so the merge has work to do
    return a;
  };
  const fs::path timed_db = tmp.path() / "timed";
  fs::copy(base, timed_db);
  RunResult timed = RunGeokgKilled(with_db(timed_db), 0);
  REQUIRE(timed.exit_code == 0);
  const Snapshot merged = CheckAndRead(timed_db);
  CHECK(merged.counts != before.counts);
  int interrupted = 0;
  for (double f : {0.2, 0.5, 0.8}) {
    const fs::path db = tmp.path() / ("killed" + std::to_string(static_cast<int>(f * 10)));
    fs::copy(base, db);
    RunResult run = RunGeokgKilled(with_db(db), f * timed.seconds);
    INFO("kill after " << f * timed.seconds << " s of " << timed.seconds << " s");
    Snapshot mid = CheckAndRead(db);
    if (run.killed) ++interrupted;
    const bool untouched = mid.counts == before.counts && mid.mentions == before.mentions;
    const bool done = mid.counts == merged.counts && mid.mentions == merged.mentions;
    CHECK((untouched || done));
    if (untouched) REQUIRE(RunGeokgKilled(with_db(db), 0).exit_code == 0);
    Snapshot after = CheckAndRead(db);
    CHECK(after.counts == merged.counts);
    CHECK(after.mentions == merged.mentions);
  }
  WARN(interrupted << " of 3 kills interrupted a running merge (uninterrupted: " << timed.seconds << " s)");
}

TEST_CASE("a store merge killed with SIGKILL leaves a consistent store that a re-run finishes",
          "[graph][store][kill]") {
  if (!fs::exists(GEOKG_BINARY)) FAIL("geokg binary not built: " << GEOKG_BINARY);
  TempDir tmp;
  const fs::path corpus = tmp.path() / "corpus";
  WriteCorpus(corpus, 300);
  const fs::path whole = tmp.path() / "whole";
  REQUIRE(RunGeokgKilled({"ingest", "--db", whole.string(), "--quiet", corpus.string()}, 0).exit_code == 0);
  const Snapshot expected = CheckAndRead(whole);
  std::vector<std::string> shards;
  for (int k = 0; k < 3; ++k) {
    shards.push_back((tmp.path() / ("shard" + std::to_string(k))).string());
    REQUIRE(RunGeokgKilled({"ingest", "--db", shards.back(), "--quiet", "--shard", std::to_string(k) + "/3",
                            corpus.string()},
                           0)
                .exit_code == 0);
  }
  auto merge = [&](const fs::path& db) {
    std::vector<std::string> a = {"merge", "--quiet", "--batch", "5", "--db", db.string()};
    a.insert(a.end(), shards.rbegin(), shards.rend());
    return a;
  };
  const fs::path timed_db = tmp.path() / "timed";
  RunResult timed = RunGeokgKilled(merge(timed_db), 0);
  REQUIRE(timed.exit_code == 0);
  CHECK(CheckAndRead(timed_db).counts == expected.counts);
  int interrupted = 0;
  for (double f : {0.15, 0.4, 0.65, 0.9}) {
    const fs::path db = tmp.path() / ("killed" + std::to_string(static_cast<int>(f * 100)));
    RunResult run = RunGeokgKilled(merge(db), f * timed.seconds);
    INFO("kill after " << f * timed.seconds << " s of " << timed.seconds << " s");
    if (fs::exists(db / "data.mdb")) CheckAndRead(db);  // consistent whatever happened
    if (run.killed) ++interrupted;
    REQUIRE(RunGeokgKilled(merge(db), 0).exit_code == 0);  // the re-run finishes
    Snapshot after = CheckAndRead(db);
    CHECK(after.counts == expected.counts);
    CHECK(after.evidence_per_doc == expected.evidence_per_doc);
    CHECK(after.mentions == expected.mentions);
    CHECK(after.aliases == expected.aliases);
    CHECK(after.stats.evidence == expected.stats.evidence);
  }
  WARN(interrupted << " of 4 kills interrupted a running merge (uninterrupted: " << timed.seconds << " s)");
}
}  // namespace
}  // namespace geokg::graph
