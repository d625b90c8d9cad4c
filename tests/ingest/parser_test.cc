// Tests of the tagger, lemmatiser and dependency parser (ingest/parse):
// names round-trip, tags and lemmas of hand-written sentences, the trees of
// simple clauses, accuracy on the shipped EWT test split, the one-line
// Storage errors for missing and corrupt model files, the beam search
// with its global training, and the layouts of the frozen weight tables.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/parse/model_file.h"
#include "ingest/parse/model_layout.h"
#include "ingest/parse/hash.h"
#include "ingest/parse/linear_model.h"
#include "ingest/parse/parser.h"
#include "ingest/parse/transition.h"
#include "ingest/parse/treebank.h"
#include "ingest/text.h"
#include "tests/support/process.h"

namespace fs = std::filesystem;
using namespace geokg::ingest::parse;
using geokg::testing::TempDir;

namespace {

// A little under what the shipped models measure (docs/parser.md), so that
// a real regression fails.
constexpr double kMinUpos = 94.5;
constexpr double kMinUas = 84.0;
constexpr double kMinLas = 80.5;

const Model& TheModel() {
  static std::unique_ptr<Model> model = [] {
    std::unique_ptr<Model> m;
    geokg::Status s = Model::Load(Model::DefaultDir(), &m);
    INFO(s.message());
    REQUIRE(s.ok());
    return m;
  }();
  return *model;
}

// A sentence split on spaces, parsed.
struct Parsed {
  std::vector<std::string> words;
  SentenceParse p;
  int Index(std::string_view w) const {
    for (size_t i = 0; i < words.size(); ++i)
      if (words[i] == w) return static_cast<int>(i);
    FAIL("no word " << w);
    return -1;
  }
  int Head(std::string_view w) const { return p.head[Index(w)]; }
  std::string_view HeadWord(std::string_view w) const {
    int h = Head(w);
    return h < 0 ? std::string_view("ROOT") : std::string_view(words[h]);
  }
  std::string_view Rel(std::string_view w) const { return NameOf(p.dep[Index(w)]); }
  std::string_view Lemma(std::string_view w) const { return p.Lemma(Index(w)); }
  std::string_view Pos(std::string_view w) const { return NameOf(p.upos[Index(w)]); }
};

Parsed ParseText(const std::string& text) {
  Parsed r;
  std::istringstream ss(text);
  std::string w;
  while (ss >> w) r.words.push_back(w);
  std::vector<std::string_view> views(r.words.begin(), r.words.end());
  TheModel().Parse(views, &r.p);
  return r;
}

}  // namespace

TEST_CASE("names of tags and relations round-trip", "[ingest][parser]") {
  for (int i = 0; i < kDepCount; ++i) {
    Dep d = static_cast<Dep>(i), back;
    REQUIRE(ParseDep(NameOf(d), &back));
    CHECK(back == d);
  }
  for (int i = 0; i < kUposCount; ++i) {
    Upos u = static_cast<Upos>(i), back;
    REQUIRE(ParseUpos(NameOf(u), &back));
    CHECK(back == u);
  }
  CHECK(NameOf(Dep::kNsubjPass) == "nsubj:pass");
  CHECK(NameOf(Dep::kOblAgent) == "obl:agent");
  CHECK(NameOf(Upos::kPropn) == "PROPN");
  Dep d;
  CHECK_FALSE(ParseDep("nsubj:nonsense", &d));
  uint8_t x;
  REQUIRE(ParseXpos("VBD", &x));
  CHECK(XposName(x) == "VBD");
  CHECK_FALSE(ParseXpos("VBX", &x));
}

TEST_CASE("tags and lemmas of news sentences", "[ingest][parser]") {
  Parsed a = ParseText("Rebel fighters seized the airport on Sunday and freed two hostages .");
  CHECK(a.Pos("seized") == "VERB");
  CHECK(a.Lemma("seized") == "seize");
  CHECK(a.Lemma("freed") == "free");
  CHECK(a.Lemma("fighters") == "fighter");
  CHECK(a.Lemma("hostages") == "hostage");
  CHECK(a.Pos("airport") == "NOUN");
  CHECK(a.Pos("Sunday") == "PROPN");
  CHECK(a.Pos(".") == "PUNCT");

  Parsed b = ParseText("The colonel said his troops fought for days and held the bridge .");
  CHECK(b.Lemma("said") == "say");
  CHECK(b.Lemma("troops") == "troop");
  CHECK(b.Lemma("fought") == "fight");
  CHECK(b.Lemma("held") == "hold");
  CHECK(b.Pos("his") == "PRON");

  Parsed c = ParseText("The envoy met rebel leaders while government forces led the assault .");
  CHECK(c.Lemma("met") == "meet");
  CHECK(c.Lemma("led") == "lead");
  CHECK(c.Lemma("forces") == "force");
  CHECK(c.Pos("forces") == "NOUN");

  Parsed d = ParseText("The town was shelled overnight .");
  CHECK(d.Lemma("was") == "be");
  CHECK(d.Pos("was") == "AUX");
  CHECK(d.Lemma("shelled") == "shell");

  // lemma_key is the text module's key of the lemma.
  CHECK(b.p.lemma_key[b.Index("said")] == geokg::ingest::TokenKey("say"));
}

TEST_CASE("geokg tokens: possessive, hyphenated compounds, abbreviations, curly quotes", "[ingest][parser]") {
  Parsed a = ParseText("Iran ’s Iran-backed militias attacked U.S. troops , Mr. Smith said .");
  CHECK(a.Pos("’s") == "PART");
  CHECK(a.Rel("’s") == "case");
  CHECK(a.Pos("U.S.") == "PROPN");
  CHECK(a.Pos("Mr.") == "PROPN");
  // EWT splits "Iran - backed" and tags "backed" VBN; either reading is fine.
  CHECK((a.Pos("Iran-backed") == "ADJ" || a.Pos("Iran-backed") == "VERB"));
  CHECK(a.Rel("Iran-backed") == "amod");
  CHECK(a.HeadWord("Iran-backed") == "militias");
  CHECK(a.Lemma("Iran-backed") == "iran-backed");
  CHECK(a.Lemma("attacked") == "attack");
  CHECK(a.Pos("attacked") == "VERB");
}

TEST_CASE("a clause with subject, object and oblique", "[ingest][parser]") {
  Parsed a = ParseText("The soldiers fired shots at the crowd .");
  CHECK(a.HeadWord("fired") == "ROOT");
  CHECK(a.Rel("fired") == "root");
  CHECK(a.HeadWord("soldiers") == "fired");
  CHECK(a.Rel("soldiers") == "nsubj");
  CHECK(a.HeadWord("shots") == "fired");
  CHECK(a.Rel("shots") == "obj");
  CHECK(a.HeadWord("crowd") == "fired");
  CHECK(a.Rel("crowd") == "obl");
  CHECK(a.HeadWord("at") == "crowd");
  CHECK(a.Rel("at") == "case");
  CHECK(a.Rel("the") == "det");
  CHECK(a.HeadWord(".") == "fired");
  CHECK(a.Rel(".") == "punct");
}

TEST_CASE("a passive clause with its agent", "[ingest][parser]") {
  Parsed a = ParseText("The embassy was attacked by protesters .");
  CHECK(a.HeadWord("attacked") == "ROOT");
  CHECK(a.HeadWord("embassy") == "attacked");
  CHECK(a.Rel("embassy") == "nsubj:pass");
  CHECK(a.HeadWord("was") == "attacked");
  CHECK(a.Rel("was") == "aux:pass");
  CHECK(a.HeadWord("protesters") == "attacked");
  CHECK(a.Rel("protesters") == "obl:agent");
  CHECK(a.HeadWord("by") == "protesters");
}

TEST_CASE("coordinated subjects and verbs", "[ingest][parser]") {
  Parsed a = ParseText("Russia and China condemned the attack and demanded an inquiry .");
  CHECK(a.HeadWord("condemned") == "ROOT");
  CHECK(a.HeadWord("Russia") == "condemned");
  CHECK(a.Rel("Russia") == "nsubj");
  CHECK(a.HeadWord("China") == "Russia");
  CHECK(a.Rel("China") == "conj");
  CHECK(a.HeadWord("demanded") == "condemned");
  CHECK(a.Rel("demanded") == "conj");
  CHECK(a.Rel("attack") == "obj");
  CHECK(a.HeadWord("inquiry") == "demanded");
  CHECK(a.Rel("inquiry") == "obj");
  CHECK(a.Rel("and") == "cc");
}

TEST_CASE("every parse is a tree with one root", "[ingest][parser]") {
  Parsed a = ParseText("“ We will not back down , ” the minister told reporters in Tehran on Tuesday .");
  int roots = 0;
  for (size_t i = 0; i < a.words.size(); ++i) {
    if (a.p.head[i] < 0) {
      ++roots;
      CHECK(a.p.dep[i] == Dep::kRoot);
      continue;
    }
    CHECK(a.p.head[i] < static_cast<int>(a.words.size()));
    int x = static_cast<int>(i), steps = 0;  // no cycles
    while (x >= 0 && steps++ <= static_cast<int>(a.words.size())) x = a.p.head[x];
    CHECK(x < 0);
  }
  CHECK(roots == 1);
  SentenceParse empty;
  TheModel().Parse({}, &empty);
  CHECK(empty.size() == 0);
}

TEST_CASE("tagging first and parsing later gives the parse of one call", "[ingest][parser]") {
  const std::vector<std::string> a = {"Kenyan", "police", "arrested", "40", "Somali", "nationals", "near",
                                      "the", "border", "."};
  const std::vector<std::string> b = {"Talks", "between", "the", "two", "sides", "resumed", "on", "Monday", "."};
  std::vector<std::string_view> va(a.begin(), a.end()), vb(b.begin(), b.end());
  SentenceParse whole_a, whole_b;
  TheModel().Parse(va, &whole_a);
  TheModel().Parse(vb, &whole_b);

  SentenceParse tagged;
  TheModel().Tag(va, &tagged);
  CHECK(tagged.upos == whole_a.upos);
  CHECK(tagged.head == std::vector<int>(a.size(), -1));  // not parsed yet
  TheModel().ParseTagged(va, &tagged);
  CHECK(tagged.head == whole_a.head);
  CHECK(tagged.dep == whole_a.dep);

  // Another sentence tagged in between: ParseTagged tags again rather than
  // parse with the wrong sentence's features.
  SentenceParse first, second;
  TheModel().Tag(va, &first);
  TheModel().Tag(vb, &second);
  TheModel().ParseTagged(va, &first);
  CHECK(first.head == whole_a.head);
  CHECK(first.dep == whole_a.dep);
}

TEST_CASE("tagging a sentence in steps gives the tags and parse of one call", "[ingest][parser]") {
  const std::vector<std::string> a = {"Kenyan", "police", "arrested", "40",     "Somali", "nationals",
                                      "near",   "the",    "border",   "after", "talks",  "failed", "."};
  const std::vector<std::string> b = {"Talks", "between", "the", "two", "sides", "resumed", "on", "Monday", "."};
  std::vector<std::string_view> va(a.begin(), a.end()), vb(b.begin(), b.end());
  SentenceParse whole;
  TheModel().Parse(va, &whole);
  const auto lemma = [](const SentenceParse& p, size_t i) { return std::string(p.Lemma(i)); };
  // Every split of the sentence into two steps, and one word at a time.
  for (size_t first = 0; first <= a.size(); ++first) {
    INFO("first step to word " << first);
    SentenceParse steps;
    TheModel().TagPrefix(va, first, &steps);
    for (size_t i = 0; i < first; ++i) {
      CHECK(steps.upos[i] == whole.upos[i]);
      CHECK(steps.xpos[i] == whole.xpos[i]);
      CHECK(lemma(steps, i) == lemma(whole, i));
    }
    TheModel().TagMore(va, a.size(), &steps);
    CHECK(steps.upos == whole.upos);
    CHECK(steps.lemma_text == whole.lemma_text);
    CHECK(steps.lemma_end == whole.lemma_end);
    TheModel().ParseTagged(va, &steps);
    CHECK(steps.head == whole.head);
    CHECK(steps.dep == whole.dep);
  }
  // Sentences of the test split, each split in two at every word: a step
  // that stopped short of the first pass's look-ahead would give other
  // tags where the second pass re-scores a word.
  std::vector<TreebankSentence> ewt;
  std::string error;
  REQUIRE(ReadConlluFile(std::string(GEOKG_SOURCE_DIR) + "/ingest/data/parser/ewt-test.conllu.xz", &ewt, &error));
  size_t splits = 0, differ = 0;
  std::vector<std::string_view> words;
  const std::vector<std::string_view> other_words = {"Protesters", "marched", "to", "the", "embassy", "on",
                                                     "Friday", ",", "witnesses", "said", "."};
  for (size_t s = 0; s < 300 && s < ewt.size(); ++s) {
    words.clear();
    for (const auto& t : ewt[s].tokens) words.push_back(t.form);
    SentenceParse one_call, in_steps, other;
    TheModel().Tag(words, &one_call);
    for (size_t k = 1; k < words.size(); ++k, ++splits) {
      TheModel().Tag(other_words, &other);  // the thread's buffers hold another sentence
      TheModel().TagPrefix(words, k, &in_steps);
      TheModel().TagMore(words, words.size(), &in_steps);
      differ += in_steps.xpos != one_call.xpos || in_steps.lemma_text != one_call.lemma_text;
    }
  }
  CHECK(splits > 3000);
  CHECK(differ == 0);

  SentenceParse one_by_one;
  TheModel().TagPrefix(va, 0, &one_by_one);
  for (size_t i = 1; i <= a.size(); ++i) TheModel().TagMore(va, i, &one_by_one);
  CHECK(one_by_one.upos == whole.upos);
  CHECK(one_by_one.lemma_key == whole.lemma_key);

  // Stopped short and parsed: ParseTagged tags the rest first.
  SentenceParse short_of;
  TheModel().TagPrefix(va, 3, &short_of);
  TheModel().ParseTagged(va, &short_of);
  CHECK(short_of.upos == whole.upos);
  CHECK(short_of.head == whole.head);

  // Another sentence tagged in between: TagMore starts again rather than
  // go on with the other sentence's words.
  SentenceParse first, other;
  TheModel().TagPrefix(va, 2, &first);
  TheModel().Tag(vb, &other);
  TheModel().TagMore(va, a.size(), &first);
  CHECK(first.upos == whole.upos);
  CHECK(first.lemma_text == whole.lemma_text);
}

TEST_CASE("accuracy on the EWT test split", "[ingest][parser]") {
  std::vector<TreebankSentence> gold;
  std::string error;
  REQUIRE(ReadConlluFile(std::string(GEOKG_SOURCE_DIR) + "/ingest/data/parser/ewt-test.conllu.xz", &gold, &error));
  REQUIRE(gold.size() == 2077);
  SentenceParse p;
  ParseScores scores;
  std::vector<std::string_view> words;
  for (const auto& s : gold) {
    words.clear();
    for (const auto& t : s.tokens) words.push_back(t.form);
    TheModel().Parse(words, &p);
    scores.Add(s, p);
  }
  double upos = ParseScores::Pct(scores.upos, scores.tokens);
  double uas = ParseScores::Pct(scores.uas, scores.tokens);
  double las = ParseScores::Pct(scores.las, scores.tokens);
  double lemma = ParseScores::Pct(scores.lemma, scores.tokens);
  INFO("UPOS " << upos << " UAS " << uas << " LAS " << las << " lemma " << lemma);
  CHECK(upos >= kMinUpos);
  CHECK(uas >= kMinUas);
  CHECK(las >= kMinLas);
  CHECK(lemma >= 95.0);
}

TEST_CASE("missing and corrupt model files are one-line Storage errors", "[ingest][parser]") {
  TempDir tmp;
  std::unique_ptr<Model> m;
  const fs::path base = tmp.path();
  geokg::Status s = Model::Load((base / "none").string(), &m);
  CHECK(s.code() == geokg::StatusCode::kStorage);
  CHECK(s.message() == (base / "none" / "tagger.gkm").string() + ": missing model file");
  CHECK(m == nullptr);

  const fs::path real = Model::DefaultDir();
  const fs::path dir = base / "models";
  fs::create_directories(dir);
  fs::create_symlink(real / "tagger.gkm", dir / "tagger.gkm");
  s = Model::Load(dir.string(), &m);
  CHECK(s.message() == (dir / "parser.gkm").string() + ": missing model file");

  std::string parser = geokg::testing::ReadWholeFile(real / "parser.gkm");
  REQUIRE(parser.size() > 1000);
  auto expect_corrupt = [&](const std::string& bytes, std::string_view why) {
    geokg::testing::WriteWholeFile(dir / "parser.gkm", bytes);
    std::unique_ptr<Model> mm;
    geokg::Status st = Model::Load(dir.string(), &mm);
    CHECK(st.code() == geokg::StatusCode::kStorage);
    CHECK(st.message().rfind((dir / "parser.gkm").string() + ": corrupt model file (", 0) == 0);
    CHECK(st.message().find(why) != std::string::npos);
    CHECK(st.message().find('\n') == std::string::npos);
    CHECK(mm == nullptr);
  };
  expect_corrupt(parser.substr(0, parser.size() / 2), "truncated");
  expect_corrupt(parser.substr(0, 10), "truncated");
  expect_corrupt("", "truncated");
  std::string garbled = parser;
  garbled[garbled.size() / 2] ^= 0x5a;
  expect_corrupt(garbled, "checksum");
  std::string bad_magic = parser;
  bad_magic[0] = 'X';
  expect_corrupt(bad_magic, "magic");
  std::string bad_version = parser;
  bad_version[8] = 99;
  expect_corrupt(bad_version, "version");
  // The tagger file where the parser file should be.
  expect_corrupt(geokg::testing::ReadWholeFile(real / "tagger.gkm"), "kind");

  // A beam width of 0, or one too wide, in an otherwise sound file.
  ModelImage image;
  std::string why;
  REQUIRE(image.Load((real / "parser.gkm").string(), kParserKind, &why));
  for (uint32_t width : {0u, 1000u}) {
    ModelWriter w;
    for (uint32_t tag : {kSecMoveSlots, kSecLabelSlots, kSecLabelEntries}) {
      std::string_view raw = image.Raw(tag);
      REQUIRE(raw.data() != nullptr);
      w.Add(tag, raw.data(), raw.size());
    }
    w.Add(kSecBeam, &width, sizeof width);
    const fs::path path = dir / "parser.gkm";
    fs::remove(path);
    REQUIRE(w.Write(path.string(), kParserKind));
    std::unique_ptr<Model> mm;
    geokg::Status st = Model::Load(dir.string(), &mm);
    CHECK(st.message() == path.string() + ": corrupt model file (bad beam width)");
    CHECK(mm == nullptr);
  }
}

TEST_CASE("beam search and greedy decoding both give trees, and the beam is what the model was trained for",
          "[ingest][parser]") {
  std::unique_ptr<Model> m;
  REQUIRE(Model::Load(Model::DefaultDir(), &m).ok());
  CHECK(m->beam() == TheModel().beam());
  CHECK(m->beam() >= 1);
  const std::vector<std::string> words = {"Chad", "threatened", "to", "close", "its", "border", "if", "Sudan",
                                          "kept", "arming", "the", "rebels", "in", "the", "east", "."};
  std::vector<std::string_view> v(words.begin(), words.end());
  for (int beam : {1, 2, 8}) {
    m->SetBeam(beam);
    CHECK(m->beam() == beam);
    SentenceParse p;
    m->Parse(v, &p);
    INFO("beam " << beam);
    int roots = 0;
    for (size_t i = 0; i < words.size(); ++i) {
      roots += p.head[i] < 0;
      int x = static_cast<int>(i), steps = 0;
      while (x >= 0 && steps++ <= static_cast<int>(words.size())) x = p.head[x];
      CHECK(x < 0);
    }
    CHECK(roots == 1);
    CHECK(words[p.head[0]] == "threatened");
    CHECK(p.dep[0] == Dep::kNsubj);
    CHECK(words[p.head[5]] == "close");
    CHECK(p.dep[5] == Dep::kObj);
  }
  m->SetBeam(0);
  CHECK(m->beam() == 1);
}

TEST_CASE("global training for the beam learns the training trees, deterministically", "[ingest][parser]") {
  std::vector<TreebankSentence> sents;
  std::string error;
  REQUIRE(ReadConlluFile(std::string(GEOKG_SOURCE_DIR) + "/ingest/data/parser/ewt-dev.conllu.xz", &sents, &error));
  sents.resize(300);
  // Gold tags as the parser's tags: this tests the training, not the tagger.
  std::vector<ParserExample> examples(sents.size());
  for (size_t i = 0; i < sents.size(); ++i) {
    const auto& toks = sents[i].tokens;
    const int n = static_cast<int>(toks.size());
    ParserExample& ex = examples[i];
    ex.input.Reset(n);
    std::vector<int> heads(n);
    for (int j = 0; j < n; ++j) {
      ex.input.word[j] = HashString(toks[j].form, 5);
      ex.input.tag[j] = static_cast<uint64_t>(toks[j].upos) + 1;
      heads[j] = toks[j].head;
    }
    ex.input.CountPunct([&](int j) { return toks[j].upos == Upos::kPunct; });
    Projectivize(&heads);
    ex.gold_head.resize(n);
    ex.gold_label.resize(n);
    for (int j = 0; j < n; ++j) {
      ex.gold_head[j] = heads[j] < 0 ? n : heads[j];
      ex.gold_label[j] = static_cast<int>(toks[j].dep);
    }
  }
  ParserTables a, b;
  TrainParserBeam(examples, 4, 3, 42, 1, &a);
  TrainParserBeam(examples, 4, 3, 42, 1, &b);
  REQUIRE(a.move_slots.size() == b.move_slots.size());
  CHECK(std::memcmp(a.move_slots.data(), b.move_slots.data(), a.move_slots.size() * sizeof(MoveBucket)) == 0);
  CHECK(a.label_slots.size() == b.label_slots.size());

  ArcParser parser;
  parser.Attach(a.move_slots, a.label_slots, a.label_entries);
  size_t right_beam = 0, right_greedy = 0, labelled = 0, all = 0;
  ParseState st;
  BeamScratch scratch;
  for (const ParserExample& ex : examples) {
    parser.SetBeam(3);
    parser.Parse(ex.input, &st, &scratch);
    for (int j = 0; j < ex.input.n; ++j, ++all) {
      right_beam += st.head[j] == ex.gold_head[j];
      labelled += st.head[j] == ex.gold_head[j] && st.label[j] == ex.gold_label[j];
    }
    parser.SetBeam(1);
    parser.Parse(ex.input, &st, &scratch);
    for (int j = 0; j < ex.input.n; ++j) right_greedy += st.head[j] == ex.gold_head[j];
  }
  const double uas_beam = 100.0 * right_beam / all, las_beam = 100.0 * labelled / all;
  const double uas_greedy = 100.0 * right_greedy / all;
  INFO("training-set UAS with the beam " << uas_beam << ", LAS " << las_beam << ", greedy " << uas_greedy);
  CHECK(uas_beam >= 90.0);
  CHECK(las_beam >= 80.0);
  CHECK(uas_beam > uas_greedy);  // the model was trained for the beam
}

TEST_CASE("the move table finds every key, past overflowed buckets, and no absent one", "[ingest][parser]") {
  // 66 keys, 22 buckets of six; 18 keys share one home bucket (the same
  // high half), so that it and the buckets after it overflow. Keys are
  // odd, as FeatureKey makes them; one has the low half 1, whose tag loses
  // its low bit to the overflow flag.
  std::vector<FeatureSlot> slots;
  std::vector<WeightEntry> entries;
  auto add = [&](uint64_t key) {
    FeatureSlot s;
    s.key = key;
    s.begin = static_cast<uint32_t>(entries.size());
    // Weights of both signs and of different sizes in one bucket.
    for (uint32_t c = 0; c < 3; ++c)
      entries.push_back(WeightEntry{c, (c == 1 ? -1.0f : 1.0f) * static_cast<float>(slots.size() * 3 + c + 1) / 7});
    s.end = static_cast<uint32_t>(entries.size());
    slots.push_back(s);
  };
  add((uint64_t{0x40000000} << 32) | 1);
  for (uint64_t i = 1; i < 18; ++i) add((uint64_t{0x40000000} << 32) | ((i * 0x9e3779b9u) & 0xffffffffu) | 1);
  for (uint64_t i = 18; i < 66; ++i) add(MixHash(i) | 1);
  const std::vector<MoveBucket> buckets = MoveModel::FromSparse(slots, entries);
  REQUIRE(buckets.size() == 22);
  size_t overflowed = 0;
  for (const MoveBucket& b : buckets) overflowed += b.Overflowed();
  CHECK(overflowed >= 2);
  MoveModel model;
  model.Attach(buckets);
  // A weight is its bucket's 16-bit multiple of the bucket's step: off by
  // at most half a step, a 65,534th of the bucket's largest weight (here
  // at most 198 / 7).
  const float tolerance = 198.0f / 7 / 65534 * 1.01f;
  for (size_t i = 0; i < slots.size(); ++i) {
    float scores[3] = {0, 0, 0};
    model.AddScores(&slots[i].key, 1, scores);
    INFO("key " << i);
    for (int c = 0; c < 3; ++c) CHECK(std::fabs(scores[c] - entries[i * 3 + c].weight) <= tolerance);
  }
  // Keys with the high half of the crowded bucket and other low halves
  // (a low half of the model's would be the tag collision linear_model.h
  // describes), and keys of other buckets.
  auto tag_of_model = [&](uint64_t key) {
    for (const FeatureSlot& s : slots)
      if (static_cast<uint32_t>(s.key) == static_cast<uint32_t>(key)) return true;
    return false;
  };
  for (uint64_t i = 0; i < 1000; ++i) {
    const uint64_t absent[2] = {(uint64_t{0x40000000} << 32) | (MixHash(i + 100000) & 0xfffffffeu) | 1,
                                MixHash(i + 200000) | 1};
    if (tag_of_model(absent[0]) || tag_of_model(absent[1])) continue;
    float scores[3] = {0, 0, 0};
    model.AddScores(absent, 2, scores);
    CHECK(scores[0] == 0.0f);
    CHECK(scores[1] == 0.0f);
    CHECK(scores[2] == 0.0f);
  }
  // Scores add up over the features, in their order.
  float one[3] = {0, 0, 0}, other[3] = {0, 0, 0}, both_scores[3] = {0, 0, 0};
  const uint64_t both[2] = {slots[3].key, slots[40].key};
  model.AddScores(&both[0], 1, one);
  model.AddScores(&both[1], 1, other);
  model.AddScores(both, 2, both_scores);
  CHECK(both_scores[0] == one[0] + other[0]);
  CHECK(std::fabs(both_scores[1] - (entries[10].weight + entries[121].weight)) <= 2 * tolerance);
}

TEST_CASE("a move bucket's 16-bit weights keep a small weight beside a large one", "[ingest][parser]") {
  // Each bucket has its own step: the weights of a bucket of small weights
  // are nearly exact even when another bucket holds a weight of 78 (the
  // shipped model's largest), where one step for the whole table would be
  // 0.0024.
  std::vector<FeatureSlot> slots;
  std::vector<WeightEntry> entries;
  const float weights[2][3] = {{78.0f, -40.0f, 1.0f}, {0.0123f, -0.0456f, 0.0789f}};
  for (uint64_t i = 0; i < 2; ++i) {
    FeatureSlot s;
    s.key = (i == 0 ? uint64_t{0x10000000} : uint64_t{0xe0000000}) << 32 | 0x12345u;
    s.begin = static_cast<uint32_t>(entries.size());
    for (uint32_t c = 0; c < 3; ++c) entries.push_back(WeightEntry{c, weights[i][c]});
    s.end = static_cast<uint32_t>(entries.size());
    slots.push_back(s);
  }
  for (uint64_t i = 0; i < 4; ++i) {  // empty features fill the table out to two buckets
    FeatureSlot s;
    s.key = (uint64_t{0x70000000} << 32) | (2 * i + 3);
    slots.push_back(s);
  }
  const std::vector<MoveBucket> buckets = MoveModel::FromSparse(slots, entries);
  REQUIRE(buckets.size() == 2);
  MoveModel model;
  model.Attach(buckets);
  float small[3] = {0, 0, 0};
  model.AddScores(&slots[1].key, 1, small);
  for (int c = 0; c < 3; ++c) CHECK(std::fabs(small[c] - weights[1][c]) <= 0.0789f / 65534 * 1.01f);
  float large[3] = {0, 0, 0};
  model.AddScores(&slots[0].key, 1, large);
  for (int c = 0; c < 3; ++c) CHECK(std::fabs(large[c] - weights[0][c]) <= 78.0f / 65534 * 1.01f);
}

TEST_CASE("dense rows and (class, weight) lists give the same scores", "[ingest][parser]") {
  // One perceptron exported with every feature as a list, and with every
  // feature of two classes or more as a dense row: the layout is a matter
  // of speed (kTaggerDenseMin), never of the result.
  constexpr int kClasses = 40;
  AveragedPerceptron model(kClasses);
  std::vector<uint64_t> feats(20);
  for (int t = 0; t < 3000; ++t) {
    for (size_t f = 0; f < feats.size(); ++f) feats[f] = FeatureKey(static_cast<uint32_t>(f), (t * 7 + f * 13) % 97);
    model.Update(feats.data(), feats.size(), t % kClasses, (t * 11 + 3) % kClasses);
    model.Tick();
  }
  std::vector<FeatureSlot> list_slots, dense_slots;
  WeightTable list_weights, dense_weights;
  model.Export(0.01f, 1, &list_slots, &list_weights);
  model.Export(0.01f, 1, &dense_slots, &dense_weights, 2);
  REQUIRE(list_weights.rows.empty());
  REQUIRE(!dense_weights.rows.empty());
  LinearModel as_lists, as_rows;
  as_lists.Attach(list_slots, list_weights, kClasses);
  as_rows.Attach(dense_slots, dense_weights, kClasses);
  for (int t = 0; t < 200; ++t) {
    for (size_t f = 0; f < feats.size(); ++f) feats[f] = FeatureKey(static_cast<uint32_t>(f), (t * 5 + f) % 120);
    float a[kClasses] = {}, b[kClasses] = {};
    as_lists.AddScores(feats.data(), feats.size(), a);
    as_rows.AddScores(feats.data(), feats.size(), b);
    CHECK(std::memcmp(a, b, sizeof a) == 0);
  }
}

TEST_CASE("a model file's 16-bit rows give the float rows' scores, each weight within half its row's step",
          "[ingest][parser]") {
  constexpr int kClasses = 40;
  AveragedPerceptron model(kClasses);
  std::vector<uint64_t> feats(20);
  // Even templates take few values (features of many classes: rows), odd
  // ones many (features of few classes: lists).
  auto values = [](size_t f) { return f % 2 == 0 ? 7 : 997; };
  for (int t = 0; t < 3000; ++t) {
    for (size_t f = 0; f < feats.size(); ++f)
      feats[f] = FeatureKey(static_cast<uint32_t>(f), (t * 7 + f * 13) % values(f));
    model.Update(feats.data(), feats.size(), t % kClasses, (t * 11 + 3) % kClasses);
    model.Tick();
  }
  std::vector<FeatureSlot> slots;
  WeightTable weights;
  model.Export(0.01f, 1, &slots, &weights, 8);
  REQUIRE(!weights.rows.empty());
  REQUIRE(!weights.entries.empty());
  std::string bytes;
  weights.Serialize(&bytes);
  // A model file's sections start 64-byte aligned.
  std::vector<uint64_t> aligned_storage(bytes.size() / 8 + 16);
  char* aligned = reinterpret_cast<char*>(aligned_storage.data());
  aligned += (64 - reinterpret_cast<uintptr_t>(aligned) % 64) % 64;
  std::memcpy(aligned, bytes.data(), bytes.size());
  WeightView file;
  REQUIRE(WeightView::Parse(std::string_view(aligned, bytes.size()), kClasses, &file));
  REQUIRE(file.qrows != nullptr);
  CHECK(file.n_rows == weights.rows.size() / weights.stride);
  CHECK(file.stride % 32 == 0);
  // Half a step of each row a feature list adds, at most.
  float largest = 0;
  for (float w : weights.rows) largest = std::max(largest, std::fabs(w));
  const float tolerance = feats.size() * largest / 65534 * 1.01f;
  LinearModel as_floats, as_file;
  as_floats.Attach(slots, weights, kClasses);
  as_file.Attach(slots, file, kClasses);
  float worst = 0;
  for (int t = 0; t < 200; ++t) {
    for (size_t f = 0; f < feats.size(); ++f)
      feats[f] = FeatureKey(static_cast<uint32_t>(f), (t * 5 + f) % values(f));
    float a[kClasses] = {}, b[kClasses] = {};
    as_floats.AddScores(feats.data(), feats.size(), a);
    as_file.AddScores(feats.data(), feats.size(), b);
    for (int c = 0; c < kClasses; ++c) worst = std::max(worst, std::fabs(a[c] - b[c]));
  }
  CHECK(worst <= tolerance);
  CHECK(worst > 0);  // the rows are rounded: the test would not see a float copy
  // A truncated section, or one whose rows are not a multiple of 32 wide, is refused.
  CHECK_FALSE(WeightView::Parse(std::string_view(aligned, bytes.size() - 4), kClasses, &file));
  CHECK_FALSE(WeightView::Parse(std::string_view(aligned, bytes.size()), 2000, &file));
}

TEST_CASE("the sentence cache gives what a fresh analysis gives", "[ingest][parser]") {
  std::unique_ptr<Model> cached;
  REQUIRE(Model::Load(Model::DefaultDir(), &cached).ok());
  cached->EnableSentenceCache();
  const std::vector<std::string> texts = {
      "Iran-backed militias attacked the U.S. embassy in Baghdad .",
      "The minister met his Chinese counterpart in Beijing on Tuesday .",
      "Iran-backed militias attacked the U.S. embassy in Basra .",
  };
  auto same = [](const SentenceParse& a, const SentenceParse& b, bool tree) {
    CHECK(a.upos == b.upos);
    CHECK(a.xpos == b.xpos);
    CHECK(a.lemma_key == b.lemma_key);
    CHECK(a.lemma_text == b.lemma_text);
    CHECK(a.lemma_end == b.lemma_end);
    if (tree) {
      CHECK(a.head == b.head);
      CHECK(a.dep == b.dep);
    } else {
      CHECK(a.head == std::vector<int32_t>(a.size(), -1));
    }
  };
  // Each sentence three times, interleaved; by Parse, and by Tag then
  // ParseTagged, with another sentence tagged in between.
  for (int round = 0; round < 3; ++round) {
    for (size_t i = 0; i < texts.size(); ++i) {
      INFO("round " << round << ", sentence " << i);
      Parsed fresh = ParseText(texts[i]);
      std::vector<std::string_view> words(fresh.words.begin(), fresh.words.end());
      const std::string& other_text = texts[(i + 1) % texts.size()];
      Parsed other = ParseText(other_text);
      std::vector<std::string_view> other_words(other.words.begin(), other.words.end());

      SentenceParse whole, tagged, between;
      cached->Parse(words, &whole);
      same(whole, fresh.p, true);
      cached->Tag(words, &tagged);
      same(tagged, fresh.p, false);
      if (round == 1) cached->Tag(other_words, &between);
      cached->ParseTagged(words, &tagged);
      same(tagged, fresh.p, true);
    }
  }
}
