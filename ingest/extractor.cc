#include "ingest/extractor.h"

#include <algorithm>
#include <unordered_map>

#include "ingest/analysis.h"
#include "ingest/lexicon.h"
#include "ingest/relate.h"

#if __has_include("ingest/recognize.h")
#include "ingest/recognize.h"
#define GEOKG_HAVE_RECOGNIZE 1
#endif

namespace geokg::ingest {

Status Extractor::Create(const ExtractorOptions& options, std::unique_ptr<Extractor>* out) {
#ifndef GEOKG_HAVE_RECOGNIZE
  (void)options;
  (void)out;
  return Status::Internal("extractor: recognition (ingest/recognize.h) is not built");
#else
  std::unique_ptr<Extractor> x(new Extractor());
  Status s = LoadLexicon(options.lexicon_dirs, &x->lexicon_);
  if (!s.ok()) return s;
  s = Triggers::Load("", options.lexicon_dirs, &x->triggers_);
  if (!s.ok()) return s;
  *out = std::move(x);
  return Status::Ok();
#endif
}

graph::DocRecord Extractor::Extract(const Document& doc) const {
  graph::DocRecord record;
  record.meta = doc.meta;
#ifdef GEOKG_HAVE_RECOGNIZE
  thread_local DocAnalysis analysis;
  analysis.Clear();
  Recognize(*lexicon_, doc.text, &analysis);
  Relate(triggers_, lexicon_.get(), analysis, doc.meta, &record.relations);
  record.meta.sentences = static_cast<uint32_t>(analysis.sentences.size());
  // The entities the relations refer to, each once, in first-use order.
  std::unordered_map<graph::EntityId, uint32_t> by_id;
  for (uint32_t i = 0; i < analysis.entities.size(); ++i)
    by_id.emplace(EntityIdOf(analysis.entities[i]), i);
  std::vector<graph::EntityId> seen;
  auto add = [&](graph::EntityId id) {
    if (std::find(seen.begin(), seen.end(), id) != seen.end()) return;
    seen.push_back(id);
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
#endif
  record.meta.relations = static_cast<uint32_t>(record.relations.size());
  return record;
}

}  // namespace geokg::ingest
