// Extractor: the whole extraction of one document, text to DocRecord, as the
// CLI and the pipeline use it. It owns the loaded lexicon and triggers;
// Extract() runs text analysis, recognition and resolution (recognize.h)
// and relation finding (relate.h) on a thread-local DocAnalysis whose
// buffers are reused, so the hot path does not allocate per token.
//
// Extraction is a pure function of the document and the loaded data: the
// same document gives the same record on any machine.
//
// Thread-safety: after Create(), Extract() may be called concurrently from
// any number of threads.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "graph/model.h"
#include "graph/status.h"
#include "ingest/reader.h"
#include "ingest/triggers.h"

namespace geokg::ingest {

class Lexicon;
class EventLexicon;
namespace parse {
class Model;
}

struct ExtractorOptions {
  // Folders that add to the built-in lexicon and triggers (--lexicon DIR):
  // their *.actors.tsv, demonyms.tsv, ..., triggers.tsv. Default: none.
  std::vector<std::string> lexicon_dirs;
  // Find events from the dependency tree (events/tree_events.h): loads the
  // parser models and the event lexicon (verbs.*.tsv, nouns.geokg.tsv).
  // Default: on. Off leaves only the trigger rules (for comparison).
  bool tree_events = true;
  // Folder of the parser models; empty: parse::Model::DefaultDir().
  std::string parser_dir;
};

// The version of what ingest finds: bumped when a change to the extraction
// rules or the models changes the records of some document, so that stores
// know which documents `geokg reextract` should redo (DocMeta::
// extractor_version).
inline constexpr uint32_t kExtractorVersion = 1;

class Extractor {
 public:
  // Loads the built-in lexicon and triggers plus those of
  // options.lexicon_dirs, and the parser models. Errors: InvalidInput naming
  // file:line for a malformed entry, NotFound for a missing folder or
  // built-in file, Storage naming the file for a missing or corrupt model.
  static Status Create(const ExtractorOptions& options, std::unique_ptr<Extractor>* out);

  // The record of one document: meta (a copy of doc.meta with sentences and
  // relations counted), the entities the relations refer to, and the
  // relations, one per (source, type, target, sentence).
  graph::DocRecord Extract(const Document& doc) const;

  // A 64-bit digest of the lexicon files in use (the built-in data folder
  // and the --lexicon folders, file names and contents), which every record
  // carries (DocMeta::lexicon_fingerprint).
  uint64_t lexicon_fingerprint() const { return lexicon_fingerprint_; }

  const Triggers& triggers() const { return triggers_; }
  const Lexicon& lexicon() const { return *lexicon_; }

 private:
  Extractor() = default;
  std::shared_ptr<const Lexicon> lexicon_;
  Triggers triggers_;
  std::shared_ptr<const EventLexicon> events_;    // null when tree_events is off
  std::shared_ptr<const parse::Model> parser_;
  uint64_t lexicon_fingerprint_ = 0;
};

}  // namespace geokg::ingest
