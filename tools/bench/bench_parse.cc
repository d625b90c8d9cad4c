// bench_parse: tagging + lemmas + parsing speed on the EWT test split, one
// core, model load excluded (and timed separately).
//
//   bench_parse [FILE.conllu[.xz]] [--model DIR] [--repeat N] [--beam N]
//
// FILE defaults to $GEOKG_SHARED_DIR/treebank/en-ewt/en_ewt-ud-test.conllu
// when present, else the shipped ingest/data/parser/ewt-test.conllu.xz.
// Prints model load time, sentences/s and tokens/s of Model::Parse (best of
// N passes, CPU time of this thread) and the share of Model::Tag in it, the
// accuracy it reached, and peak RSS. --beam decodes with another beam width
// than the model was trained for (1: greedy).
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "ingest/parse/parser.h"
#include "ingest/parse/treebank.h"

using namespace geokg::ingest::parse;

namespace {
double ThreadCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}
double PeakRssMb() {
  rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024.0;
}
}  // namespace

int main(int argc, char** argv) {
  std::string path, model_dir = Model::DefaultDir();
  int repeat = 5, beam = 0;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--model" && i + 1 < argc) model_dir = argv[++i];
    else if (a == "--repeat" && i + 1 < argc) repeat = std::max(1, std::atoi(argv[++i]));
    else if (a == "--beam" && i + 1 < argc) beam = std::max(1, std::atoi(argv[++i]));
    else if (!a.empty() && a[0] != '-') path = a;
    else {
      std::fprintf(stderr, "usage: bench_parse [FILE.conllu[.xz]] [--model DIR] [--repeat N] [--beam N]\n");
      return 1;
    }
  }
  if (path.empty()) {
    std::string shared = std::string(GEOKG_SHARED_DIR) + "/treebank/en-ewt/en_ewt-ud-test.conllu";
    path = std::filesystem::exists(shared) ? shared : std::string(GEOKG_SOURCE_DIR) + "/ingest/data/parser/ewt-test.conllu.xz";
  }
  std::vector<TreebankSentence> gold;
  std::string error;
  if (!ReadConlluFile(path, &gold, &error)) {
    std::fprintf(stderr, "bench_parse: %s\n", error.c_str());
    return 1;
  }
  auto t0 = std::chrono::steady_clock::now();
  std::unique_ptr<Model> model;
  if (geokg::Status s = Model::Load(model_dir, &model); !s.ok()) {
    std::fprintf(stderr, "bench_parse: %s\n", s.message().c_str());
    return 2;
  }
  double load = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (beam > 0) model->SetBeam(beam);
  std::vector<std::vector<std::string_view>> sentences;
  size_t tokens = 0;
  for (const auto& s : gold) {
    sentences.emplace_back();
    for (const auto& t : s.tokens) sentences.back().push_back(t.form);
    tokens += s.tokens.size();
  }
  SentenceParse p;
  double best = 1e30;
  for (int r = 0; r < repeat; ++r) {
    double c0 = ThreadCpuSeconds();
    for (const auto& words : sentences) model->Parse(words, &p);
    best = std::min(best, ThreadCpuSeconds() - c0);
  }
  double best_tag = 1e30;
  for (int r = 0; r < repeat; ++r) {
    double c0 = ThreadCpuSeconds();
    for (const auto& words : sentences) model->Tag(words, &p);
    best_tag = std::min(best_tag, ThreadCpuSeconds() - c0);
  }
  ParseScores scores;
  for (size_t i = 0; i < gold.size(); ++i) {
    model->Parse(sentences[i], &p);
    scores.Add(gold[i], p);
  }
  std::printf("bench_parse: %s\n", path.c_str());
  std::printf("  model load       %.3f s (%s)\n", load, model_dir.c_str());
  std::printf("  beam             %d%s\n", model->beam(), model->beam() == 1 ? " (greedy)" : "");
  std::printf("  sentences        %zu (%zu tokens, %.1f tokens a sentence)\n", gold.size(), tokens,
              static_cast<double>(tokens) / gold.size());
  std::printf("  tag+lemma+parse  %.0f sentences/s, %.0f tokens/s per core (best of %d, thread CPU time)\n",
              gold.size() / best, tokens / best, repeat);
  std::printf("  of which tagging %.0f%% (tag+lemma alone: %.0f sentences/s)\n", 100.0 * best_tag / best,
              gold.size() / best_tag);
  std::printf("  accuracy         UPOS %.2f%%  XPOS %.2f%%  lemma %.2f%%  UAS %.2f%%  LAS %.2f%%  (no punct: UAS %.2f%%  LAS %.2f%%)\n",
              ParseScores::Pct(scores.upos, scores.tokens), ParseScores::Pct(scores.xpos, scores.tokens),
              ParseScores::Pct(scores.lemma, scores.tokens), ParseScores::Pct(scores.uas, scores.tokens),
              ParseScores::Pct(scores.las, scores.tokens), ParseScores::Pct(scores.uas_nopunct, scores.tokens_nopunct),
              ParseScores::Pct(scores.las_nopunct, scores.tokens_nopunct));
  std::printf("  peak RSS         %.1f MB\n", PeakRssMb());
  return 0;
}
