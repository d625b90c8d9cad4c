#include "ingest/extractor.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <unordered_map>

#include "graph/ids.h"
#include "ingest/analysis.h"
#include "ingest/lexicon.h"
#include "ingest/recognize.h"
#include "ingest/parse/parser.h"
#include "ingest/relate.h"
#include "ingest/verbs.h"

namespace geokg::ingest {
namespace {

// Evidence kept per relation per document. A document that repeats one
// statement thousands of times (scraped boilerplate, hostile input) adds
// this much evidence, not one record per repetition, so memory and the
// store stay bounded by the distinct facts a document states.
constexpr uint32_t kMaxEvidencePerRelation = 16;

struct KeyHash {
  size_t operator()(const graph::RelationKey& k) const {
    return static_cast<size_t>(k.source * 0x9E3779B97F4A7C15ull ^ k.target ^ static_cast<uint64_t>(k.type) << 56);
  }
};

}  // namespace

namespace {

// The files directly in `dir`, sorted, by name and contents.
uint64_t FolderDigest(const std::string& dir, uint64_t seed) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.is_regular_file(ec)) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  uint64_t h = seed;
  std::string contents;
  for (const fs::path& f : files) {
    if (f.extension() == ".md") continue;  // documentation, not data
    std::ifstream in(f, std::ios::binary);
    contents.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    h = graph::Hash64(f.filename().string(), h);
    h = graph::Hash64(contents, h);
  }
  return h;
}

}  // namespace

Status Extractor::Create(const ExtractorOptions& options, std::unique_ptr<Extractor>* out) {
  std::unique_ptr<Extractor> x(new Extractor());
  x->lexicon_fingerprint_ = FolderDigest(Triggers::DefaultDataDir(), 0x6c657869636f6e);
  for (const std::string& dir : options.lexicon_dirs) x->lexicon_fingerprint_ = FolderDigest(dir, x->lexicon_fingerprint_);
  Status s = LoadLexicon(options.lexicon_dirs, &x->lexicon_);
  if (!s.ok()) return s;
  s = Triggers::Load("", options.lexicon_dirs, &x->triggers_);
  if (!s.ok()) return s;
  if (options.tree_events) {
    auto events = std::make_shared<EventLexicon>();
    s = EventLexicon::Load("", options.lexicon_dirs, events.get());
    if (!s.ok()) return s;
    std::unique_ptr<parse::Model> model;
    s = parse::Model::Load(options.parser_dir.empty() ? parse::Model::DefaultDir() : options.parser_dir,
                           &model);
    if (!s.ok()) return s;
    // News repeats sentences word for word: those are parsed once.
    model->EnableSentenceCache();
    x->events_ = std::move(events);
    x->parser_ = std::shared_ptr<const parse::Model>(std::move(model));
  }
  *out = std::move(x);
  return Status::Ok();
}

namespace {
// True if the text's first line already gives the title, give or take a
// trailing source mark ("... (AP)") and case.
bool TitleRepeated(std::string_view text, std::string_view title) {
  const size_t nl = text.find('\n');
  std::string_view first = text.substr(0, nl);
  while (!first.empty() && (first.back() == ' ' || first.back() == '\r')) first.remove_suffix(1);
  if (first.size() < 8) return false;
  const size_t n = std::min(first.size(), title.size());
  size_t same = 0;
  while (same < n && std::tolower(static_cast<unsigned char>(first[same])) ==
                         std::tolower(static_cast<unsigned char>(title[same])))
    ++same;
  return same >= std::min<size_t>(n, 40);
}
}  // namespace

graph::DocRecord Extractor::Extract(const Document& doc) const {
  graph::DocRecord record;
  record.meta = doc.meta;
  record.meta.extractor_version = kExtractorVersion;
  record.meta.lexicon_fingerprint = lexicon_fingerprint_;
  record.text = doc.text;
  thread_local DocAnalysis analysis;
  analysis.Clear();
  // A headline given apart from the text (a JSONL "title" field) is read
  // as the text's first line, as a text file's headline is: news puts its
  // main event there. Evidence offsets then count from the headline.
  std::string_view text = doc.text;
  thread_local std::string with_title;
  const std::string& title = doc.meta.title;
  if (!title.empty() && title.size() < 512 && title.find('\n') == std::string::npos &&
      doc.text.compare(0, title.size(), title) != 0 && !TitleRepeated(doc.text, title)) {
    with_title.assign(title);
    with_title.append("\n\n");
    with_title.append(doc.text);
    text = with_title;
  }
  Recognize(*lexicon_, text, &analysis);
  EventModels events{parser_.get(), events_.get()};
  Relate(triggers_, lexicon_.get(), analysis, doc.meta, &record.relations, &events);
  record.meta.sentences = static_cast<uint32_t>(analysis.sentences.size());

  // Cap the evidence per relation (in sentence order, so the first
  // statements are kept).
  std::unordered_map<graph::RelationKey, uint32_t, KeyHash> per_key;
  size_t kept = 0;
  for (size_t i = 0; i < record.relations.size(); ++i) {
    if (++per_key[record.relations[i].key] > kMaxEvidencePerRelation) continue;
    if (kept != i) record.relations[kept] = std::move(record.relations[i]);
    ++kept;
  }
  record.relations.resize(kept);

  // The entities: first every entity the text mentions, in analysis order,
  // each with its number of mentions (record.mentions[k] is that of
  // record.entities[k]); then any entity only a relation refers to (a
  // candidate name among them with its occurrences as mentions). Each
  // entity id once (analysis entities sharing an id add up their mentions).
  const uint32_t n = static_cast<uint32_t>(analysis.entities.size());
  thread_local std::vector<uint32_t> mention_counts;
  thread_local std::vector<graph::EntityId> ids;
  mention_counts.assign(n, 0);
  ids.resize(n);
  for (const Mention& m : analysis.mentions) {
    if (m.entity < n) ++mention_counts[m.entity];
  }
  // Candidate names' entities have no mentions; their occurrences count only
  // if a relation makes them actors (below).
  thread_local std::vector<uint32_t> candidate_counts;
  candidate_counts.assign(n, 0);
  for (const Mention& c : analysis.candidates)
    if (c.entity < n) ++candidate_counts[c.entity];
  std::unordered_map<graph::EntityId, uint32_t> position;  // id -> index in record.entities
  position.reserve(n);
  auto add = [&](uint32_t i) {
    auto [it, added] = position.emplace(ids[i], static_cast<uint32_t>(record.entities.size()));
    if (!added) return it->second;
    graph::Entity& e = record.entities.emplace_back(analysis.entities[i]);
    e.id = ids[i];
    return it->second;
  };
  for (uint32_t i = 0; i < n; ++i) {
    ids[i] = EntityIdOf(analysis.entities[i]);
    if (mention_counts[i] == 0) continue;
    uint32_t at = add(i);
    if (at == record.mentions.size()) {
      record.mentions.push_back({ids[i], mention_counts[i]});
    } else {
      record.mentions[at].count += mention_counts[i];
    }
  }
  for (const graph::ExtractedRelation& r : record.relations) {
    for (graph::EntityId id : {r.key.source, r.key.target}) {
      if (position.count(id)) continue;
      auto it = std::find(ids.begin(), ids.end(), id);
      if (it == ids.end()) continue;
      const uint32_t i = static_cast<uint32_t>(it - ids.begin());
      add(i);
      // A candidate name an event made an actor: its occurrences are its
      // mentions, so that the documents naming it can be listed.
      if (candidate_counts[i] > 0) record.mentions.push_back({id, candidate_counts[i]});
    }
  }
  record.meta.relations = static_cast<uint32_t>(record.relations.size());
  return record;
}

}  // namespace geokg::ingest
