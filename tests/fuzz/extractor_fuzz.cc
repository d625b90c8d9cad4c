// libFuzzer harness: the whole extraction of one document (ingest/extractor.h:
// text analysis, recognition, the tagger and parser, the tree and trigger
// rules), on what the readers would hand it. The first byte picks the
// reader: a text file, a Markdown file, or one JSONL line, so that titles,
// headings and dates are reached too. Besides the sanitizers' checks, the
// record must hold together: every relation's ends are among its entities,
// every evidence span lies inside the text and its sentence is counted,
// enums are within their tables, counts agree.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>

#include "graph/ids.h"
#include "graph/model.h"
#include "ingest/extractor.h"
#include "ingest/reader.h"

namespace {

using geokg::ingest::Extractor;

const Extractor& TheExtractor() {
  static std::unique_ptr<Extractor> extractor = [] {
    std::unique_ptr<Extractor> e;
    geokg::Status s = Extractor::Create(geokg::ingest::ExtractorOptions{}, &e);
    if (!s.ok()) {
      fprintf(stderr, "fuzz_extractor: %s\n", s.message().c_str());
      std::abort();
    }
    return e;
  }();
  return *extractor;
}

void Check(bool ok, const char* what) {
  if (ok) return;
  fprintf(stderr, "fuzz_extractor: broken record: %s\n", what);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1 || size > 32 * 1024) return -1;
  const Extractor& extractor = TheExtractor();
  std::string_view input(reinterpret_cast<const char*>(data + 1), size - 1);

  geokg::ingest::Document doc;
  geokg::Status s;
  switch (data[0] % 3) {
    case 0: s = geokg::ingest::ReadTextDocument("fuzz.txt", std::string(input), &doc); break;
    case 1: s = geokg::ingest::ReadTextDocument("fuzz.md", std::string(input), &doc); break;
    default: {
      geokg::ingest::ReaderOptions options;
      bool produced = false;
      s = geokg::ingest::ParseJsonlLine("fuzz.jsonl", 1, input, options, &doc, &produced);
      if (s.ok() && !produced) return 0;
    }
  }
  if (!s.ok()) return 0;  // the readers' own harness checks their errors
  doc.meta.id = geokg::graph::DocIdFor(doc.text);

  geokg::graph::DocRecord rec = extractor.Extract(doc);
  // Evidence spans count from a headline read before the text (a JSONL
  // title that the text does not repeat: ingest/extractor.cc).
  const size_t text_bytes = doc.text.size() + (doc.meta.title.empty() ? 0 : doc.meta.title.size() + 2);

  std::unordered_set<geokg::graph::EntityId> ids;
  for (const auto& e : rec.entities) {
    Check(ids.insert(e.id).second, "an entity listed twice");
    Check(static_cast<int>(e.kind) < geokg::graph::kEntityKindCount, "entity kind out of range");
    Check(!e.name.empty(), "an entity without a name");
  }
  for (const auto& m : rec.mentions) Check(ids.count(m.entity) == 1, "a mention of an unlisted entity");
  Check(rec.meta.relations == rec.relations.size(), "meta.relations differs from the relations");
  for (const auto& r : rec.relations) {
    Check(ids.count(r.key.source) == 1 && ids.count(r.key.target) == 1, "a relation end not listed");
    Check(r.key.source != r.key.target, "a relation from an entity to itself");
    Check(static_cast<int>(r.key.type) < geokg::graph::kRelationTypeCount, "relation type out of range");
    const auto& ev = r.evidence;
    Check(static_cast<int>(ev.modality) < geokg::graph::kModalityCount, "modality out of range");
    Check(ev.sentence < rec.meta.sentences, "evidence sentence index past the sentence count");
    Check(ev.begin <= ev.end && ev.end <= text_bytes, "evidence span outside the text");
    Check(ev.confidence >= 0.f && ev.confidence <= 1.f, "confidence outside 0..1");
  }
  return 0;
}
