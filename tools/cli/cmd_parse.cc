// geokg parse: tags, lemmatises and parses text, printing CoNLL-U; with
// --eval, scores the parser against a gold CoNLL-U file instead.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "ingest/analysis.h"
#include "ingest/parse/parser.h"
#include "ingest/parse/treebank.h"
#include "ingest/text.h"
#include "tools/cli/command.h"

namespace geokg::tools {
namespace {

constexpr std::string_view kCmd = "parse";
namespace parse = ingest::parse;

bool ReadStream(std::istream& in, std::string* out) {
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *out = std::move(buffer).str();
  return !in.bad();
}

// One CoNLL-U block per sentence of `text`.
void PrintParses(const parse::Model& model, std::string_view text, std::string* out) {
  ingest::DocAnalysis doc;
  ingest::AnalyzeText(text, &doc);
  parse::SentenceParse p;
  std::vector<std::string_view> words;
  for (const ingest::Sentence& s : doc.sentences) {
    if (s.token_count == 0) continue;
    words.clear();
    for (uint32_t i = 0; i < s.token_count; ++i) {
      const ingest::Token& t = doc.tokens[s.first_token + i];
      words.push_back(text.substr(t.begin, t.end - t.begin));
    }
    model.Parse(words, &p);
    std::string sentence(text.substr(s.begin, s.end - s.begin));
    for (char& c : sentence)
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    *out += "# text = " + sentence + "\n";
    for (size_t i = 0; i < words.size(); ++i) {
      *out += std::to_string(i + 1) + "\t" + std::string(words[i]) + "\t" + std::string(p.Lemma(i)) + "\t" +
              std::string(parse::NameOf(p.upos[i])) + "\t" + std::string(parse::XposName(p.xpos[i])) + "\t_\t" +
              std::to_string(p.head[i] + 1) + "\t" + std::string(parse::NameOf(p.dep[i])) + "\t_\t_\n";
    }
    *out += "\n";
  }
}

int RunEvalMode(const parse::Model& model, const std::string& path) {
  std::vector<parse::TreebankSentence> gold;
  std::string error;
  if (!parse::ReadConlluFile(path, &gold, &error)) return Fail(kCmd, error, 1);
  parse::SentenceParse p;
  parse::ParseScores scores;
  std::vector<std::string_view> words;
  auto start = std::chrono::steady_clock::now();
  for (const auto& s : gold) {
    words.clear();
    for (const auto& t : s.tokens) words.push_back(t.form);
    model.Parse(words, &p);
    scores.Add(s, p);
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  auto pct = [&](size_t a, size_t b) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%6.2f%%", parse::ParseScores::Pct(a, b));
    return std::string(buf);
  };
  std::cout << "file          " << path << "\n"
            << "sentences     " << scores.sentences << "\n"
            << "tokens        " << scores.tokens << "\n"
            << "UPOS          " << pct(scores.upos, scores.tokens) << "\n"
            << "XPOS          " << pct(scores.xpos, scores.tokens) << "\n"
            << "lemma         " << pct(scores.lemma, scores.tokens) << "\n"
            << "UAS           " << pct(scores.uas, scores.tokens) << "\n"
            << "LAS           " << pct(scores.las, scores.tokens) << "   (universal relation, CoNLL 2018)\n"
            << "LAS full      " << pct(scores.las_full, scores.tokens) << "   (relation with subtype)\n"
            << "UAS nopunct   " << pct(scores.uas_nopunct, scores.tokens_nopunct) << "\n"
            << "LAS nopunct   " << pct(scores.las_nopunct, scores.tokens_nopunct) << "\n";
  char buf[96];
  std::snprintf(buf, sizeof buf, "speed         %.0f sentences/s, %.0f tokens/s (one thread)\n",
                scores.sentences / secs, scores.tokens / secs);
  std::cout << buf;
  return 0;
}

}  // namespace

int RunParse(const ParsedArgs& args) {
  std::unique_ptr<parse::Model> model;
  if (Status s = parse::Model::Load(args.Get("--model", parse::Model::DefaultDir()), &model); !s.ok())
    return Fail(kCmd, s.message(), 2);
  if (args.Has("--eval")) {
    if (!args.positional.empty() || args.Has("-f")) return Fail(kCmd, "--eval takes no text or -f FILE", 1);
    return RunEvalMode(*model, args.Get("--eval"));
  }
  std::string out;
  bool any = false;
  auto parse_file = [&](const std::string& path) -> int {
    std::ifstream in(path, std::ios::binary);
    std::string text;
    if (!in || !ReadStream(in, &text)) return Fail(kCmd, path + ": cannot read", 1);
    PrintParses(*model, text, &out);
    return 0;
  };
  for (const std::string& path : args.GetAll("-f")) {
    if (int rc = parse_file(path); rc != 0) return rc;
    any = true;
  }
  std::string words;
  auto flush_words = [&]() {
    if (!words.empty()) PrintParses(*model, words, &out);
    words.clear();
  };
  for (const std::string& arg : args.positional) {
    std::error_code ec;
    if (arg == "-") {
      flush_words();
      std::string text;
      ReadStream(std::cin, &text);
      PrintParses(*model, text, &out);
    } else if (arg.find(' ') == std::string::npos && std::filesystem::is_regular_file(arg, ec)) {
      flush_words();
      if (int rc = parse_file(arg); rc != 0) return rc;
    } else {
      if (!words.empty()) words += ' ';
      words += arg;
    }
    any = true;
  }
  flush_words();
  if (!any) {
    std::string text;
    ReadStream(std::cin, &text);
    PrintParses(*model, text, &out);
  }
  std::cout << out;
  std::cout.flush();
  return std::cout ? 0 : Fail(kCmd, "cannot write to standard output", 2);
}

}  // namespace geokg::tools
