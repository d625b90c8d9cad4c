#include "ingest/extractor.h"

#include <unordered_map>
#include <unordered_set>

#include "ingest/analysis.h"
#include "ingest/lexicon.h"
#include "ingest/recognize.h"
#include "ingest/relate.h"

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

Status Extractor::Create(const ExtractorOptions& options, std::unique_ptr<Extractor>* out) {
  std::unique_ptr<Extractor> x(new Extractor());
  Status s = LoadLexicon(options.lexicon_dirs, &x->lexicon_);
  if (!s.ok()) return s;
  s = Triggers::Load("", options.lexicon_dirs, &x->triggers_);
  if (!s.ok()) return s;
  *out = std::move(x);
  return Status::Ok();
}

graph::DocRecord Extractor::Extract(const Document& doc) const {
  graph::DocRecord record;
  record.meta = doc.meta;
  thread_local DocAnalysis analysis;
  analysis.Clear();
  Recognize(*lexicon_, doc.text, &analysis);
  Relate(triggers_, lexicon_.get(), analysis, doc.meta, &record.relations);
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

  // The entities the relations refer to, each once, in first-use order.
  std::unordered_map<graph::EntityId, uint32_t> by_id;
  for (uint32_t i = 0; i < analysis.entities.size(); ++i) by_id.emplace(EntityIdOf(analysis.entities[i]), i);
  std::unordered_set<graph::EntityId> seen;
  auto add = [&](graph::EntityId id) {
    if (!seen.insert(id).second) return;
    auto it = by_id.find(id);
    if (it == by_id.end()) return;
    graph::Entity e = analysis.entities[it->second];
    e.id = id;
    record.entities.push_back(std::move(e));
  };
  for (const graph::ExtractedRelation& r : record.relations) {
    add(r.key.source);
    add(r.key.target);
  }
  record.meta.relations = static_cast<uint32_t>(record.relations.size());
  return record;
}

}  // namespace geokg::ingest
