// bench_recognize: times recognition (text analysis, lexicon matching,
// patterns, resolution) on the text of a JSONL corpus, one core.
//
//   bench_recognize [FILE.jsonl] [--lexicon DIR]...
//
// FILE defaults to $GEOKG_SHARED_DIR/corpus/reuters21578.jsonl (or
// ../shared/corpus/reuters21578.jsonl). Prints bytes, documents, tokens,
// mentions, entities, structural relations, MB/s and mentions/s of the
// recognition alone (reading and JSON parsing are done before timing).
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ingest/lexicon.h"
#include "ingest/recognize.h"

int main(int argc, char** argv) {
  std::string path;
  std::vector<std::string> extra;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--lexicon" && i + 1 < argc) {
      extra.push_back(argv[++i]);
    } else if (a == "-h" || a == "--help") {
      std::printf("usage: bench_recognize [FILE.jsonl] [--lexicon DIR]...\n");
      return 0;
    } else {
      path = a;
    }
  }
  if (path.empty()) {
    const char* shared = std::getenv("GEOKG_SHARED_DIR");
    path = std::string(shared ? shared : "../shared") + "/corpus/reuters21578.jsonl";
  }
  std::shared_ptr<const geokg::ingest::Lexicon> lexicon;
  auto t0 = std::chrono::steady_clock::now();
  geokg::Status st = geokg::ingest::LoadLexicon(extra, &lexicon);
  auto t1 = std::chrono::steady_clock::now();
  if (!st.ok()) {
    std::fprintf(stderr, "bench_recognize: %s\n", st.message().c_str());
    return st.ExitCode();
  }
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "bench_recognize: %s: cannot read\n", path.c_str());
    return 1;
  }
  std::vector<std::string> texts;
  std::string line;
  size_t bytes = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.contains("text") || !j["text"].is_string()) continue;
    texts.push_back(j["text"].get<std::string>());
    bytes += texts.back().size();
  }
  geokg::ingest::DocAnalysis doc;
  size_t tokens = 0, mentions = 0, entities = 0, structural = 0;
  auto t2 = std::chrono::steady_clock::now();
  std::clock_t c2 = std::clock();
  for (const std::string& t : texts) {
    geokg::ingest::Recognize(*lexicon, t, &doc);
    tokens += doc.tokens.size();
    mentions += doc.mentions.size();
    entities += doc.entities.size();
    structural += doc.structural.size();
  }
  auto t3 = std::chrono::steady_clock::now();
  std::clock_t c3 = std::clock();
  double wall = std::chrono::duration<double>(t3 - t2).count();
  // CPU time of this process: the machine may be shared, and the goal is
  // per core.
  double secs = static_cast<double>(c3 - c2) / CLOCKS_PER_SEC;
  std::printf("lexicon: %zu entries loaded in %.2f s\n", lexicon->entries().size(),
              std::chrono::duration<double>(t1 - t0).count());
  std::printf("corpus: %s\n", path.c_str());
  std::printf("documents %zu, bytes %zu, tokens %zu, mentions %zu, entities %zu, structural %zu\n", texts.size(),
              bytes, tokens, mentions, entities, structural);
  std::printf("cpu %.3f s (wall %.3f s): %.1f MB/s, %.0f docs/s, %.0f mentions/s per core\n", secs, wall,
              bytes / secs / 1e6, texts.size() / secs, mentions / secs);
  return 0;
}
