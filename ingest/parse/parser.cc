// Model: loads the two model files and runs tagger, lemmatiser and parser
// on one sentence (parser.h).
#include "ingest/parse/parser.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <mutex>

#include "ingest/parse/hash.h"
#include "ingest/parse/lemmatizer.h"
#include "ingest/parse/model_file.h"
#include "ingest/parse/model_layout.h"
#include "ingest/parse/tagger.h"
#include "ingest/parse/transition.h"
#include "ingest/parse/words.h"
#include "ingest/text.h"

#ifndef GEOKG_PARSER_MODEL_DIR
#define GEOKG_PARSER_MODEL_DIR "parser-model"
#endif

namespace geokg::ingest::parse {

namespace {

// Whole analyses of recent sentences, shared by the threads
// (Model::EnableSentenceCache). Ingest of the shared corpus parses 6.5% of
// its sentences a second time or more (corrections, reissued stories,
// boilerplate), 94% of those within 256 sentences of the last time, so a
// small direct-mapped table catches nearly all. An entry holds the words
// themselves: a hash collision is a miss, never another sentence's parse.
// Entries keep their buffers, so a warm cache does not allocate.
class SentenceCache {
 public:
  static uint64_t Key(std::span<const std::string_view> words) {
    uint64_t key = words.size();
    for (std::string_view w : words) key = MixHash(key + HashString(w, 29));
    return key | 1;
  }
  // Copies the analysis of `words` into *out: tags and lemmas, and with
  // `tree` heads and relations (else no heads, as Model::Tag leaves them).
  // False if the sentence is not in the cache.
  bool Find(uint64_t key, std::span<const std::string_view> words, bool tree, SentenceParse* out) {
    std::lock_guard<std::mutex> lock(mu_);
    const Entry& e = entries_[key % kEntries];
    if (e.key != key || !SameWords(e.words, words)) return false;
    out->upos = e.parse.upos;
    out->xpos = e.parse.xpos;
    out->lemma_key = e.parse.lemma_key;
    out->lemma_text = e.parse.lemma_text;
    out->lemma_end = e.parse.lemma_end;
    if (tree) {
      out->head = e.parse.head;
      out->dep = e.parse.dep;
    } else {
      out->head.assign(words.size(), -1);
      out->dep.assign(words.size(), Dep::kDep);
    }
    return true;
  }
  // Keeps the complete analysis `parse` of `words`.
  void Store(uint64_t key, std::span<const std::string_view> words, const SentenceParse& parse) {
    std::lock_guard<std::mutex> lock(mu_);
    Entry& e = entries_[key % kEntries];
    e.key = key;
    e.words.clear();
    for (std::string_view w : words) {
      e.words.append(w);
      e.words.push_back('\0');  // tokens hold no NUL
    }
    e.parse.upos = parse.upos;
    e.parse.xpos = parse.xpos;
    e.parse.head = parse.head;
    e.parse.dep = parse.dep;
    e.parse.lemma_key = parse.lemma_key;
    e.parse.lemma_text = parse.lemma_text;
    e.parse.lemma_end = parse.lemma_end;
  }

 private:
  struct Entry {
    uint64_t key = 0;   // 0: empty
    std::string words;  // each word followed by a NUL
    SentenceParse parse;
  };
  static bool SameWords(std::string_view packed, std::span<const std::string_view> words) {
    for (std::string_view w : words) {
      if (packed.size() < w.size() + 1 || packed.substr(0, w.size()) != w || packed[w.size()] != '\0') return false;
      packed.remove_prefix(w.size() + 1);
    }
    return packed.empty();
  }
  static constexpr size_t kEntries = 1024;
  std::mutex mu_;
  std::vector<Entry> entries_ = std::vector<Entry>(kEntries);
};

}  // namespace

struct Model::Impl {
  // Tells apart the models a thread's caches were filled from.
  uint64_t id = NextModelId();
  static uint64_t NextModelId() {
    static std::atomic<uint64_t> next{1};
    return next.fetch_add(1);
  }
  ModelImage tagger_image, parser_image;
  Tagger tagger, tagger2;  // first and second pass
  Lemmatizer lemmatizer;
  ArcParser parser;
  std::unique_ptr<SentenceCache> sentences;  // null unless EnableSentenceCache()
};

namespace {

// The second tagging pass re-scores only the words whose first-pass score
// leads by less than this: +20% speed, no change in accuracy on EWT dev
// (UPOS 95.37% vs 95.36%, UAS 84.34% vs 84.36%; docs/parser.md).
constexpr float kSecondPassMargin = 20.0f;

// Per-thread buffers, reused across sentences.
struct Workspace {
  std::vector<WordInfo> words;
  std::vector<int> first, classes;
  std::vector<uint64_t> form_keys;  // a hash of each word's form
  std::vector<float> margins;
  std::string scratch;
  ParseInput input;
  ParseState state;
  BeamScratch beam;
  const SentenceParse* tagged = nullptr;  // what the last Tag() on this thread filled
  // How far Tag() or TagPrefix() got in `tagged`: the words whose first
  // pass is done, and those with their final tags and lemmas; and the
  // words they were of (TagPrefix continues only the same sentence).
  int first_done = 0, done = 0;
  const std::string_view* tagged_words = nullptr;
  // SentenceCache::Key of the words of `tagged` when Tag() copied it from
  // the sentence cache (then `words` and `classes` are not its), else 0.
  uint64_t cached_key = 0;
  uint64_t model_id = 0;  // the model (Impl::id) word_cache and lemmas were filled from
  // What the tagger sees of recently seen words (direct-mapped by a hash of
  // the form; kWordFirst left out): WordInfo costs a dozen string hashes,
  // and its word classes up to ~20 table lookups.
  struct CachedWord {
    uint64_t key = 0;  // 0: empty
    WordInfo info;
  };
  static constexpr size_t kWordCache = 8192;
  std::vector<CachedWord> word_cache = std::vector<CachedWord>(kWordCache);
  std::string shape;
  // Lemmas of recently seen (form, Penn tag) pairs (direct-mapped by a hash
  // of both; lemmas of up to 31 bytes): a lemma costs up to a dozen table
  // lookups and string operations, and text repeats its words.
  struct CachedLemma {
    uint64_t key = 0;  // 0: empty
    uint64_t lemma_key = 0;
    uint8_t size = 0;
    char text[31];
  };
  static constexpr size_t kLemmaCache = 4096;
  std::vector<CachedLemma> lemmas = std::vector<CachedLemma>(kLemmaCache);
};
Workspace& ThreadWorkspace() {
  thread_local Workspace ws;
  return ws;
}

std::string JoinPath(const std::string& dir, const char* file) {
  if (dir.empty()) return file;
  return dir.back() == '/' ? dir + file : dir + "/" + file;
}

// Checks that a table's slots are consistent with the weights they point
// at, and the weights with the classes.
bool SlotsValid(std::span<const FeatureSlot> slots, const WeightView& weights, uint32_t n_classes) {
  if (!slots.empty() && (slots.size() & (slots.size() - 1)) != 0) return false;
  for (const FeatureSlot& s : slots) {
    if (s.key == 0) continue;
    if (s.end == FeatureSlot::kDenseRow ? s.begin >= weights.n_rows : s.begin > s.end || s.end > weights.entries.size())
      return false;
  }
  for (const WeightEntry& e : weights.entries)
    if (e.cls >= n_classes) return false;
  return true;
}
bool MapValid(std::span<const MapSlot> slots) {
  return slots.empty() || (slots.size() & (slots.size() - 1)) == 0;
}

}  // namespace

Model::Model() : impl_(std::make_unique<Impl>()) {}
Model::~Model() = default;

std::string Model::DefaultDir() {
  const char* env = std::getenv("GEOKG_PARSER_DIR");
  if (env != nullptr && *env != '\0') return env;
  return GEOKG_PARSER_MODEL_DIR;
}

Status Model::Load(const std::string& dir_arg, std::unique_ptr<Model>* out) {
  const std::string dir = dir_arg.empty() ? DefaultDir() : dir_arg;
  std::unique_ptr<Model> m(new Model());
  Impl& impl = *m->impl_;
  std::string why;
  const std::string tagger_path = JoinPath(dir, kTaggerFile);
  const std::string parser_path = JoinPath(dir, kParserFile);
  auto corrupt = [](const std::string& path, const char* what) {
    return Status::Storage(path + ": corrupt model file (" + what + ")");
  };
  if (!impl.tagger_image.Load(tagger_path, kTaggerKind, &why)) return Status::Storage(tagger_path + ": " + why);
  bool ok = true;
  auto pairs = impl.tagger_image.Section<TagPair>(kSecTagPairs, &ok);
  auto tslots = impl.tagger_image.Section<FeatureSlot>(kSecTagSlots, &ok);
  auto tagdict = impl.tagger_image.Section<MapSlot>(kSecTagDict, &ok);
  auto t2slots = impl.tagger_image.Section<FeatureSlot>(kSecTag2Slots, &ok);
  auto lemma_table = impl.tagger_image.Section<MapSlot>(kSecLemmaTable, &ok);
  std::string_view lemma_blob = impl.tagger_image.Raw(kSecLemmaBlob);
  std::string_view tweights_raw = impl.tagger_image.Raw(kSecTagEntries);
  std::string_view t2weights_raw = impl.tagger_image.Raw(kSecTag2Entries);
  if (!ok || lemma_blob.data() == nullptr || tweights_raw.data() == nullptr || t2weights_raw.data() == nullptr)
    return corrupt(tagger_path, "missing section");
  if (pairs.empty() || pairs.size() > 255) return corrupt(tagger_path, "bad tag set");
  for (const TagPair& p : pairs)
    if (p.xpos >= kXposCount || p.upos >= kUposCount) return corrupt(tagger_path, "bad tag set");
  const uint32_t n_tags = static_cast<uint32_t>(pairs.size());
  WeightView tweights, t2weights;
  if (!WeightView::Parse(tweights_raw, n_tags, &tweights) || !WeightView::Parse(t2weights_raw, n_tags, &t2weights) ||
      !SlotsValid(tslots, tweights, n_tags) || !SlotsValid(t2slots, t2weights, n_tags) || !MapValid(tagdict) ||
      !MapValid(lemma_table))
    return corrupt(tagger_path, "bad table");
  impl.tagger.Attach(pairs, tslots, tweights, tagdict);
  impl.tagger2.Attach(pairs, t2slots, t2weights, tagdict);
  impl.lemmatizer.Attach(lemma_table, lemma_blob);

  if (!impl.parser_image.Load(parser_path, kParserKind, &why)) return Status::Storage(parser_path + ": " + why);
  auto mslots = impl.parser_image.Section<MoveBucket>(kSecMoveSlots, &ok);
  auto lslots = impl.parser_image.Section<FeatureSlot>(kSecLabelSlots, &ok);
  std::string_view lweights_raw = impl.parser_image.Raw(kSecLabelEntries);
  if (!ok || lweights_raw.data() == nullptr) return corrupt(parser_path, "missing section");
  WeightView lweights;
  if (mslots.empty() || reinterpret_cast<uintptr_t>(mslots.data()) % alignof(MoveBucket) != 0 ||
      !WeightView::Parse(lweights_raw, kDepCount, &lweights) || !SlotsValid(lslots, lweights, kDepCount))
    return corrupt(parser_path, "bad table");
  impl.parser.Attach(mslots, lslots, lweights);
  if (std::string_view raw = impl.parser_image.Raw(kSecBeam); raw.data() != nullptr) {
    uint32_t beam = 0;
    if (raw.size() != sizeof beam) return corrupt(parser_path, "bad beam width");
    std::memcpy(&beam, raw.data(), sizeof beam);
    if (beam < 1 || beam > kMaxBeam) return corrupt(parser_path, "bad beam width");
    impl.parser.SetBeam(static_cast<int>(beam));
  }
  // Measurements only: another beam width than the file's.
  if (const char* beam = std::getenv("GEOKG_PARSER_BEAM"); beam != nullptr && *beam != '\0')
    impl.parser.SetBeam(std::atoi(beam));
  *out = std::move(m);
  return Status::Ok();
}

void Model::EnableSentenceCache() {
  if (impl_->sentences == nullptr) impl_->sentences = std::make_unique<SentenceCache>();
}

int Model::beam() const { return impl_->parser.beam(); }
void Model::SetBeam(int beam) { impl_->parser.SetBeam(beam); }

namespace {
// A sentence the cache holds gets its tags copied into *out, and the
// thread's workspace marks it tagged whole (and keyed, for ParseTagged).
bool TagsFromCache(SentenceCache* cache, std::span<const std::string_view> words, SentenceParse* out) {
  Workspace& ws = ThreadWorkspace();
  ws.cached_key = 0;
  if (cache == nullptr) return false;
  const uint64_t key = SentenceCache::Key(words);
  if (!cache->Find(key, words, /*tree=*/false, out)) return false;
  ws.tagged = out;
  ws.tagged_words = words.data();
  ws.cached_key = key;
  ws.first_done = ws.done = static_cast<int>(words.size());
  return true;
}
}  // namespace

void Model::Tag(std::span<const std::string_view> words, SentenceParse* out) const {
  if (TagsFromCache(impl_->sentences.get(), words, out)) return;
  TagWords(words, out);
}

void Model::TagPrefix(std::span<const std::string_view> words, size_t through, SentenceParse* out) const {
  if (TagsFromCache(impl_->sentences.get(), words, out)) return;
  StartTags(words, out);
  ExtendTags(words, static_cast<int>(std::min(through, words.size())), out);
}

void Model::TagMore(std::span<const std::string_view> words, size_t through, SentenceParse* out) const {
  Workspace& ws = ThreadWorkspace();
  if (ws.tagged != out || ws.tagged_words != words.data() || ws.model_id != impl_->id ||
      out->upos.size() != words.size() || ws.classes.size() != words.size()) {
    TagPrefix(words, through, out);
    return;
  }
  ExtendTags(words, static_cast<int>(std::min(through, words.size())), out);
}

void Model::TagWords(std::span<const std::string_view> words, SentenceParse* out) const {
  StartTags(words, out);
  ExtendTags(words, static_cast<int>(words.size()), out);
}

void Model::StartTags(std::span<const std::string_view> words, SentenceParse* out) const {
  Workspace& ws = ThreadWorkspace();
  if (ws.model_id != impl_->id) {  // word classes and lemmas come from the model's tables
    ws.word_cache.assign(Workspace::kWordCache, Workspace::CachedWord{});
    ws.lemmas.assign(Workspace::kLemmaCache, Workspace::CachedLemma{});
    ws.model_id = impl_->id;
  }
  ws.cached_key = 0;
  const int n = static_cast<int>(words.size());
  ws.words.resize(n);
  ws.form_keys.resize(n);
  for (int i = 0; i < n; ++i) {
    const uint64_t key = HashString(words[i], 5) | 1;
    ws.form_keys[i] = key;
    Workspace::CachedWord& c = ws.word_cache[key % Workspace::kWordCache];
    if (c.key != key) {
      c.key = key;
      ComputeWordInfo(words[i], false, &c.info, &ws.scratch, &ws.shape);
      c.info.lex = impl_->lemmatizer.WordClasses(words[i], &ws.scratch) + 1;
    }
    ws.words[i] = c.info;
  }
  if (n > 0) ws.words[0].flags |= kWordFirst;
  ws.first.resize(n);
  ws.classes.resize(n);
  ws.margins.resize(n);
  ws.tagged = out;
  ws.tagged_words = words.data();
  ws.first_done = ws.done = 0;
  out->upos.resize(n);
  out->xpos.resize(n);
  out->head.assign(n, -1);
  out->dep.assign(n, Dep::kDep);
  out->lemma_key.resize(n);
  out->lemma_end.resize(n);
  out->lemma_text.clear();
}

void Model::ExtendTags(std::span<const std::string_view> words, int through, SentenceParse* out) const {
  Workspace& ws = ThreadWorkspace();
  if (through <= ws.done) return;
  const int n = static_cast<int>(words.size());
  // The second pass reads the first pass's tags two words ahead.
  const int first_through = std::min(n, through + 2);
  if (first_through > ws.first_done) {
    impl_->tagger.Tag(ws.words.data(), n, ws.first.data(), nullptr, ws.margins.data(), nullptr, 0, ws.first_done,
                      first_through);
    ws.first_done = first_through;
  }
  impl_->tagger2.Tag(ws.words.data(), n, ws.classes.data(), ws.first.data(), nullptr, ws.margins.data(),
                     kSecondPassMargin, ws.done, through);
  for (int i = ws.done; i < through; ++i) {
    const TagPair& p = impl_->tagger.pair(ws.classes[i]);
    out->upos[i] = static_cast<Upos>(p.upos);
    out->xpos[i] = p.xpos;
    const uint64_t key = MixHash(ws.form_keys[i] + p.xpos) | 1;
    Workspace::CachedLemma& c = ws.lemmas[key % Workspace::kLemmaCache];
    if (c.key == key) {
      out->lemma_text.append(c.text, c.size);
      out->lemma_key[i] = c.lemma_key;
    } else {
      size_t begin = out->lemma_text.size();
      impl_->lemmatizer.Lemmatize(words[i], p.xpos, &out->lemma_text, &ws.scratch);
      std::string_view lemma = std::string_view(out->lemma_text).substr(begin);
      out->lemma_key[i] = TokenKey(lemma);
      if (lemma.size() <= sizeof c.text) {
        c.key = key;
        c.lemma_key = out->lemma_key[i];
        c.size = static_cast<uint8_t>(lemma.size());
        lemma.copy(c.text, lemma.size());
      }
    }
    out->lemma_end[i] = static_cast<uint32_t>(out->lemma_text.size());
  }
  ws.done = through;
}

void Model::Parse(std::span<const std::string_view> words, SentenceParse* out) const {
  Tag(words, out);
  ParseTagged(words, out);
}

void Model::ParseTagged(std::span<const std::string_view> words, SentenceParse* out) const {
  Workspace& ws = ThreadWorkspace();
  const int n = static_cast<int>(words.size());
  // Tag() found the sentence in this model's cache: so is its tree, unless
  // another thread has put another sentence in its place since.
  if (ws.tagged == out && ws.cached_key != 0 && impl_->sentences != nullptr &&
      out->upos.size() == static_cast<size_t>(n) &&
      impl_->sentences->Find(ws.cached_key, words, /*tree=*/true, out)) {
    return;
  }
  // The parser reads the tagger's word features and classes from this
  // thread's workspace: they must be those of `out`'s words.
  if (ws.tagged != out || ws.model_id != impl_->id || ws.cached_key != 0 ||
      ws.classes.size() != static_cast<size_t>(n) || out->upos.size() != static_cast<size_t>(n)) {
    TagWords(words, out);
  } else if (ws.done < n) {
    ExtendTags(words, n, out);  // TagPrefix() stopped short
  }
  if (n == 0) return;
  ws.input.Reset(n);
  for (int i = 0; i < n; ++i) {
    ws.input.word[i] = ws.words[i].norm;
    ws.input.tag[i] = static_cast<uint64_t>(ws.classes[i]) + 1;
  }
  ws.input.CountPunct([&](int i) { return impl_->tagger.pair(ws.classes[i]).upos == static_cast<uint8_t>(Upos::kPunct); });
  impl_->parser.Parse(ws.input, &ws.state, &ws.beam);
  for (int i = 0; i < n; ++i) {
    int h = ws.state.head[i];
    out->head[i] = h >= n || h < 0 ? -1 : h;
    int lab = ws.state.label[i];
    out->dep[i] = lab >= 0 && lab < kDepCount ? static_cast<Dep>(lab) : Dep::kDep;
  }
  if (impl_->sentences != nullptr) impl_->sentences->Store(SentenceCache::Key(words), words, *out);
}

}  // namespace geokg::ingest::parse
