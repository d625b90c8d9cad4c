// geokg_train_parser: trains the tagger, the lemma tables and the parser
// from CoNLL-U treebanks and writes tagger.gkm and parser.gkm. The build
// runs it (tools/CMakeLists.txt) on ingest/data/parser/ewt-{train,dev}
// .conllu.xz; training is single-threaded and deterministic. With --dev it
// also scores the models on that file (UPOS, UAS, LAS with subtypes).
//
//   geokg_train_parser --out DIR --train FILE... [--dev FILE] [--wordnet DIR]
//                      [--tagger-epochs N] [--parser-epochs N] [--folds N] [--beam N]
#include <algorithm>
#include <chrono>
#include <string_view>
#include <map>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "ingest/parse/hash.h"
#include "ingest/parse/lemmatizer.h"
#include "ingest/parse/model_file.h"
#include "ingest/parse/model_layout.h"
#include "ingest/parse/tagger.h"
#include "ingest/parse/transition.h"

using namespace geokg::ingest::parse;

namespace {

struct Options {
  std::string out;
  std::vector<std::string> train;
  std::string dev;
  std::string wordnet;
  int tagger_epochs = 10;
  int parser_epochs = 0;  // 0: 15 greedy, 12 with a beam
  int beam = 1;  // 1: greedy with the dynamic oracle; more: beam search, global training
  int folds = 4;
  int min_updates = 2;
  float tagger_min_weight = 0.01f;
  bool tagger_only = false;  // experiments: train the tagger, score it on --dev, stop
};

int Usage() {
  std::fprintf(stderr,
               "usage: geokg_train_parser --out DIR --train FILE... [--dev FILE] [--wordnet DIR]\n"
               "                          [--tagger-epochs N] [--parser-epochs N] [--folds N] [--min-updates N] [--beam N]\n");
  return 1;
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

void MakeParserExample(const TreebankSentence& s, const TaggerExample& tx, const std::vector<int>& classes,
                       const std::vector<TagPair>& pairs, ParserExample* ex) {
  const int n = static_cast<int>(s.tokens.size());
  ex->input.Reset(n);
  std::vector<int> heads(n);
  for (int i = 0; i < n; ++i) {
    ex->input.word[i] = tx.words[i].norm;
    ex->input.tag[i] = static_cast<uint64_t>(classes[i]) + 1;
    heads[i] = s.tokens[i].head;
  }
  ex->input.CountPunct([&](int i) { return pairs[classes[i]].upos == static_cast<uint8_t>(Upos::kPunct); });
  Projectivize(&heads);
  ex->gold_head.resize(n);
  ex->gold_label.resize(n);
  for (int i = 0; i < n; ++i) {
    ex->gold_head[i] = heads[i] < 0 ? n : heads[i];
    ex->gold_label[i] = static_cast<int>(s.tokens[i].dep);
  }
}

// Tags every example with a tagger trained on the other folds.
void Jackknife(const std::vector<TaggerExample>& tx, const std::vector<TagPair>& pairs, const Options& opt,
               const std::vector<std::vector<int>>* first_pass, std::vector<std::vector<int>>* predicted) {
  predicted->assign(tx.size(), {});
  for (int fold = 0; fold < opt.folds; ++fold) {
    TaggerTables tables;
    TrainTagger(tx, pairs, opt.tagger_epochs, opt.folds, fold, 1000 + fold, &tables, first_pass);
    Tagger tagger;
    tables.AttachTo(&tagger);
    for (size_t i = fold; i < tx.size(); i += opt.folds) {
      (*predicted)[i].resize(tx[i].words.size());
      tagger.Tag(tx[i].words.data(), static_cast<int>(tx[i].words.size()), (*predicted)[i].data(),
                 first_pass ? (*first_pass)[i].data() : nullptr);
    }
  }
}

double TagAccuracy(const std::vector<TaggerExample>& tx, const std::vector<std::vector<int>>& predicted) {
  size_t right = 0, all = 0;
  for (size_t i = 0; i < tx.size(); ++i)
    for (size_t j = 0; j < tx[i].gold.size(); ++j) right += predicted[i][j] == tx[i].gold[j], ++all;
  return 100.0 * right / all;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

// geokg's tokenizer keeps hyphenated compounds ("Iran-backed") and negated
// contractions ("didn't") whole where EWT splits them. Writes `s` with
// such pieces merged (when the sentence text shows them written together)
// into *out; false if there is nothing to merge. The merged token takes
// the tags, head and relation of the piece the others depend on.
bool MergeAsGeokgTokens(const TreebankSentence& s, TreebankSentence* out) {
  const int n = static_cast<int>(s.tokens.size());
  std::vector<int> group(n);  // first token of i's group
  for (int i = 0; i < n; ++i) group[i] = i;
  bool any = false;
  for (int i = 0; i < n; ++i) {
    if (i + 1 < n && (s.tokens[i + 1].form == "n't" || s.tokens[i + 1].form == "n’t") &&
        s.text.find(s.tokens[i].form + s.tokens[i + 1].form) != std::string::npos) {
      group[i + 1] = group[i];
      any = true;
      ++i;
      continue;
    }
    std::string joined = s.tokens[i].form;
    int j = i;
    while (j + 2 < n && s.tokens[j + 1].form == "-" && group[j] == group[i] &&
           s.text.find(joined + "-" + s.tokens[j + 2].form) != std::string::npos) {
      joined += "-" + s.tokens[j + 2].form;
      group[j + 1] = group[j + 2] = group[i];
      j += 2;
      any = true;
    }
    i = j;
  }
  if (!any) return false;
  // New indices and each group's representative.
  std::vector<int> new_index(n), rep(n, -1);
  int m = 0;
  for (int i = 0; i < n; ++i) new_index[i] = group[i] == i ? m++ : new_index[group[i]];
  for (int i = 0; i < n; ++i) {
    int g = group[i];
    int h = s.tokens[i].head;
    bool outside = h < 0 || group[h] != g;
    if (outside && rep[g] < 0) rep[g] = i;
  }
  out->id = s.id + "-merged";
  out->text = s.text;
  out->tokens.assign(m, TreebankToken());
  for (int i = 0; i < n; ++i) {
    int g = group[i];
    TreebankToken& t = out->tokens[new_index[i]];
    if (g == i) t.form.clear();
    t.form += s.tokens[i].form;
    if (i != rep[g]) continue;
    const TreebankToken& r = s.tokens[i];
    t.upos = r.upos;
    t.xpos = r.xpos;
    t.dep = r.dep;
    t.head = r.head < 0 ? -1 : new_index[r.head];
  }
  for (int i = 0; i < n; ++i) {
    if (group[i] != i) continue;
    TreebankToken& t = out->tokens[new_index[i]];
    int last = i;
    while (last + 1 < n && group[last + 1] == i) ++last;
    if (last == i) {
      t.lemma = s.tokens[i].lemma;
    } else if (s.tokens[last].form == "n't" || s.tokens[last].form == "n’t") {
      t.lemma = s.tokens[i].lemma;
    } else {
      t.lemma = Lower(t.form);
    }
  }
  // A tree still (no cycles through merged pieces)?
  for (int i = 0; i < m; ++i) {
    int x = i, steps = 0;
    while (x >= 0 && steps++ <= m) x = out->tokens[x].head;
    if (x >= 0) return false;
    if (out->tokens[i].head == i) return false;
  }
  int roots = 0;
  for (const auto& t : out->tokens) roots += t.head < 0;
  return roots == 1;
}

void ProgressBeam(int epoch, double exact) {
  std::fprintf(stderr, "  parser epoch %d: %.2f%% of sentences needed no update\n", epoch + 1, 100 * exact);
}
void Progress(int epoch, double acc) { std::fprintf(stderr, "  parser epoch %d: transitions %.2f%% correct\n", epoch + 1, 100 * acc); }

}  // namespace

int main(int argc, char** argv) {
  Options opt;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) std::exit(Usage());
      return argv[++i];
    };
    if (a == "--out") opt.out = value();
    else if (a == "--train") opt.train.push_back(value());
    else if (a == "--dev") opt.dev = value();
    else if (a == "--wordnet") opt.wordnet = value();
    else if (a == "--tagger-epochs") opt.tagger_epochs = std::atoi(value().c_str());
    else if (a == "--parser-epochs") opt.parser_epochs = std::atoi(value().c_str());
    else if (a == "--folds") opt.folds = std::atoi(value().c_str());
    else if (a == "--tagger-only") opt.tagger_only = true;
    else if (a == "--tagger-min-weight") opt.tagger_min_weight = static_cast<float>(std::atof(value().c_str()));
    else if (a == "--min-updates") opt.min_updates = std::atoi(value().c_str());
    else if (a == "--beam") opt.beam = std::atoi(value().c_str());
    else return Usage();
  }
  if (opt.out.empty() || opt.train.empty() || opt.beam < 1 || opt.beam > kMaxBeam) return Usage();
  if (opt.parser_epochs <= 0) opt.parser_epochs = opt.beam > 1 ? 12 : 15;
  auto start = std::chrono::steady_clock::now();

  std::vector<TreebankSentence> train, dev;
  std::string error;
  for (const std::string& path : opt.train)
    if (!ReadConlluFile(path, &train, &error)) {
      std::fprintf(stderr, "geokg_train_parser: %s\n", error.c_str());
      return 1;
    }
  if (!opt.dev.empty() && !ReadConlluFile(opt.dev, &dev, &error)) {
    std::fprintf(stderr, "geokg_train_parser: %s\n", error.c_str());
    return 1;
  }
  // Copies of the sentences with EWT's split compounds and contractions
  // merged as geokg's tokenizer leaves them.
  size_t original = train.size();
  for (size_t i = 0; i < original; ++i) {
    TreebankSentence merged;
    if (MergeAsGeokgTokens(train[i], &merged)) train.push_back(std::move(merged));
  }
  std::fprintf(stderr, "geokg_train_parser: %zu training sentences (+%zu with geokg's compounds and contractions)\n",
               original, train.size() - original);

  // Tagger: jackknifed tags for the parser's training, then the final model.
  std::vector<TagPair> pairs = CollectTagPairs(train);
  LemmaTableBuilder lemmas;
  lemmas.AddTreebank(train);
  if (!opt.wordnet.empty() && !lemmas.AddWordNet(opt.wordnet))
    std::fprintf(stderr, "  (no WordNet files in %s: lemmas from the treebank and rules only)\n", opt.wordnet.c_str());
  std::vector<MapSlot> lemma_table;
  std::string lemma_blob;
  lemmas.Build(&lemma_table, &lemma_blob);

  Lemmatizer lemmatizer;
  lemmatizer.Attach(lemma_table, lemma_blob);
  std::string scratch;
  auto add_word_classes = [&](const std::vector<TreebankSentence>& sents, std::vector<TaggerExample>* ex) {
    for (size_t i = 0; i < sents.size(); ++i)
      for (size_t j = 0; j < sents[i].tokens.size(); ++j)
        (*ex)[i].words[j].lex = lemmatizer.WordClasses(sents[i].tokens[j].form, &scratch) + 1;
  };
  std::vector<TaggerExample> tx;
  MakeTaggerExamples(train, pairs, &tx);
  add_word_classes(train, &tx);
  // Tagger: two passes, the second reading the first's tags of the words to
  // the right; jackknifed tags of both for training the second pass and the
  // parser, then the final models.
  std::vector<std::vector<int>> first, predicted;
  Jackknife(tx, pairs, opt, nullptr, &first);
  Jackknife(tx, pairs, opt, &first, &predicted);
  std::fprintf(stderr, "  jackknifed tags (%d folds): first pass %.2f%%, second %.2f%% correct, %.1f s\n", opt.folds,
               TagAccuracy(tx, first), TagAccuracy(tx, predicted), Seconds(start));
  TaggerTables tagger_tables, tagger2_tables;
  TrainTagger(tx, pairs, opt.tagger_epochs, 1, -1, 7, &tagger_tables, nullptr, opt.tagger_min_weight);
  TrainTagger(tx, pairs, opt.tagger_epochs, 1, -1, 8, &tagger2_tables, &first, opt.tagger_min_weight);
  if (opt.tagger_only) {
    Tagger tagger, tagger2;
    tagger_tables.AttachTo(&tagger);
    tagger2_tables.AttachTo(&tagger2);
    std::vector<TaggerExample> dx;
    MakeTaggerExamples(dev, pairs, &dx);
    add_word_classes(dev, &dx);
    size_t ok1 = 0, ok = 0, ok_x = 0, n_all = 0;
    std::vector<int> cls1, cls;
    for (size_t i = 0; i < dx.size(); ++i) {
      cls.resize(dx[i].words.size());
      cls1.resize(dx[i].words.size());
      tagger.Tag(dx[i].words.data(), static_cast<int>(cls.size()), cls1.data());
      tagger2.Tag(dx[i].words.data(), static_cast<int>(cls.size()), cls.data(), cls1.data());
      for (size_t j = 0; j < cls.size(); ++j, ++n_all) {
        ok1 += pairs[cls1[j]].upos == static_cast<uint8_t>(dev[i].tokens[j].upos);
        ok += pairs[cls[j]].upos == static_cast<uint8_t>(dev[i].tokens[j].upos);
        ok_x += pairs[cls[j]].xpos == dev[i].tokens[j].xpos;
      }
    }
    std::fprintf(stderr, "  tagger only: dev UPOS first pass %.2f%%, second %.2f%%, XPOS %.2f%%, %zu + %zu weights, %.1f s\n",
                 100.0 * ok1 / n_all, 100.0 * ok / n_all, 100.0 * ok_x / n_all, tagger_tables.entries.size(),
                 tagger2_tables.entries.size(), Seconds(start));
    return 0;
  }

  std::filesystem::create_directories(opt.out);
  ModelWriter tw;
  tw.AddVector(kSecTagPairs, tagger_tables.pairs);
  tw.AddVector(kSecTagSlots, tagger_tables.slots);
  tw.AddVector(kSecTagEntries, tagger_tables.entries);
  tw.AddVector(kSecTagDict, tagger_tables.tagdict);
  tw.AddVector(kSecTag2Slots, tagger2_tables.slots);
  tw.AddVector(kSecTag2Entries, tagger2_tables.entries);
  tw.AddVector(kSecLemmaTable, lemma_table);
  tw.Add(kSecLemmaBlob, lemma_blob.data(), lemma_blob.size());
  std::string tagger_path = opt.out + "/" + kTaggerFile;
  if (!tw.Write(tagger_path, kTaggerKind)) {
    std::fprintf(stderr, "geokg_train_parser: %s: cannot write\n", tagger_path.c_str());
    return 2;
  }
  std::fprintf(stderr, "  tagger: %zu + %zu weights, %.1f s\n", tagger_tables.entries.size(),
               tagger2_tables.entries.size(), Seconds(start));

  // Parser.
  std::vector<ParserExample> px(train.size());
  for (size_t i = 0; i < train.size(); ++i) MakeParserExample(train[i], tx[i], predicted[i], pairs, &px[i]);
  ParserTables parser_tables;
  if (opt.beam > 1)
    TrainParserBeam(px, opt.parser_epochs, opt.beam, 42, static_cast<uint32_t>(opt.min_updates), &parser_tables,
                    ProgressBeam);
  else
    TrainParser(px, opt.parser_epochs, 42, static_cast<uint32_t>(opt.min_updates), &parser_tables, Progress);
  std::fprintf(stderr, "  parser trained: %.1f s\n", Seconds(start));
  const uint32_t beam_width = static_cast<uint32_t>(opt.beam);
  ModelWriter pw;
  pw.Add(kSecBeam, reinterpret_cast<const char*>(&beam_width), sizeof beam_width);
  pw.AddVector(kSecMoveSlots, parser_tables.move_slots);
  pw.AddVector(kSecLabelSlots, parser_tables.label_slots);
  pw.AddVector(kSecLabelEntries, parser_tables.label_entries);
  std::string parser_path = opt.out + "/" + kParserFile;
  if (!pw.Write(parser_path, kParserKind)) {
    std::fprintf(stderr, "geokg_train_parser: %s: cannot write\n", parser_path.c_str());
    return 2;
  }
  std::fprintf(stderr, "  parser: %zu move slots, %zu label weights, %.1f s\n", parser_tables.move_slots.size(),
               parser_tables.label_entries.size(), Seconds(start));

  std::vector<int> eval_beams = {opt.beam};
  if (const char* env = std::getenv("GEOKG_TRAIN_EVAL_BEAMS")) {  // experiments: "1,2,4"
    eval_beams.clear();
    for (const char* p = env; *p;) {
      eval_beams.push_back(std::max(1, std::min(kMaxBeam, std::atoi(p))));
      while (*p && *p != ',') ++p;
      if (*p == ',') ++p;
    }
  }
  for (int eval_beam : dev.empty() ? std::vector<int>{} : eval_beams) {
    Tagger tagger, tagger2;
    tagger_tables.AttachTo(&tagger);
    tagger2_tables.AttachTo(&tagger2);
    ArcParser parser;
    parser.Attach(parser_tables.move_slots, parser_tables.label_slots, parser_tables.label_entries);
    parser.SetBeam(eval_beam);
    BeamScratch beam_scratch;
    std::vector<TaggerExample> dx;
    MakeTaggerExamples(dev, pairs, &dx);
    add_word_classes(dev, &dx);
    size_t tokens = 0, tags = 0, uas = 0, las = 0;
    ParseInput in;
    ParseState st;
    std::vector<int> cls, cls1;
    std::map<std::string, int> confusions;
    for (size_t i = 0; i < dev.size(); ++i) {
      int n = static_cast<int>(dx[i].words.size());
      cls.resize(n);
      cls1.resize(n);
      tagger.Tag(dx[i].words.data(), n, cls1.data());
      tagger2.Tag(dx[i].words.data(), n, cls.data(), cls1.data());
      in.Reset(n);
      for (int j = 0; j < n; ++j) in.word[j] = dx[i].words[j].norm, in.tag[j] = cls[j] + 1;
      in.CountPunct([&](int j) { return pairs[cls[j]].upos == static_cast<uint8_t>(Upos::kPunct); });
      parser.Parse(in, &st, &beam_scratch);
      for (int j = 0; j < n; ++j) {
        ++tokens;
        bool tag_ok = pairs[cls[j]].upos == static_cast<uint8_t>(dev[i].tokens[j].upos);
        tags += tag_ok;
        if (!tag_ok && std::getenv("GEOKG_TRAIN_VERBOSE"))
          ++confusions[std::string(NameOf(dev[i].tokens[j].upos)) + "->" +
                       std::string(NameOf(static_cast<Upos>(pairs[cls[j]].upos)))];
        int gh = dev[i].tokens[j].head < 0 ? n : dev[i].tokens[j].head;
        if (st.head[j] == gh) {
          ++uas;
          las += st.label[j] == static_cast<int>(dev[i].tokens[j].dep);
        }
      }
    }
    std::vector<std::pair<int, std::string>> top;
    for (auto& [k, v] : confusions) top.emplace_back(-v, k);
    std::sort(top.begin(), top.end());
    for (size_t i = 0; i < top.size() && i < 12; ++i) std::fprintf(stderr, "    %s %d\n", top[i].second.c_str(), -top[i].first);
    std::fprintf(stderr, "  dev (beam %d): UPOS %.2f%%  UAS %.2f%%  LAS(full labels) %.2f%%\n", eval_beam,
                 100.0 * tags / tokens, 100.0 * uas / tokens, 100.0 * las / tokens);
  }
  std::fprintf(stderr, "geokg_train_parser: wrote %s and %s in %.1f s\n", tagger_path.c_str(), parser_path.c_str(),
               Seconds(start));
  return 0;
}
