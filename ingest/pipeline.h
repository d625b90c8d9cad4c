// The parallel ingest pipeline: one reader thread, N extraction workers and
// the caller's thread as the single writer.
//
//   reader (ReadDocuments) ──► bounded queue ──► N × extract ──► reorder ──► sink
//
// The pipeline never touches the store: it hands batches of DocRecords, in
// input order, to a sink the caller provides (which usually writes them in
// one LMDB transaction). Memory is bounded: at most a fixed number of
// documents (and bytes) are between the reader and the sink at any time,
// however large the corpus.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "graph/model.h"
#include "graph/status.h"
#include "ingest/reader.h"

namespace geokg::ingest {

struct PipelineOptions {
  ReaderOptions reader;
  // Extraction workers; 0 = std::thread::hardware_concurrency().
  int threads = 0;
  // A batch is handed to the sink when it holds this many documents...
  // Each batch is one LMDB commit, which rewrites and syncs every page it
  // touches: on the synthetic benchmark (docs/ingest-benchmarks.md) 2048
  // documents a batch halve the writer's system time against 512, while
  // 8192 stall the workers behind the writer.
  size_t batch_documents = 2048;
  // ...or this many bytes of document text, whichever comes first.
  size_t batch_bytes = 16ull << 20;
  // Show a status line on stderr (files, MB, MB/s, entities, relations),
  // refreshed at most four times a second, ended by a newline.
  bool progress = false;
  // Shard `shard_index` of `shard_count` (0 <= index < count): only the
  // documents whose id (graph::DocIdFor, a hash of the text) is congruent
  // to the index modulo the count are extracted and sunk; the others are
  // read and counted in PipelineSummary::other_shards. The shares are
  // balanced and do not depend on file order, and equal texts always fall
  // in one shard.
  uint32_t shard_index = 0, shard_count = 1;
};

struct PipelineSummary {
  uint64_t files = 0;       // files (and stdin) read
  uint64_t documents = 0;   // documents extracted and handed to the sink
  uint64_t other_shards = 0;  // documents left to other shards
  uint64_t bytes = 0;       // input bytes read
  uint64_t bad_inputs = 0;  // bad files and lines reported, documents whose extraction failed
  uint64_t entities = 0;    // sum of DocRecord::entities sizes
  uint64_t relations = 0;   // sum of DocRecord::relations sizes
  double seconds = 0;       // wall time of the run
};

// Turns one document into its records. Must be thread-safe and should be
// pure (same document, same record); it runs on the worker threads.
using ExtractFn = std::function<graph::DocRecord(const Document&)>;

// Reads `paths` (as ReadDocuments), extracts every document with `extract`
// on options.threads workers (a record whose meta.id is 0 gets the
// document's meta), and calls `sink` on the calling thread with
// batches of records whose documents are in input order (batch boundaries
// depend only on the input and the options). on_error (may be empty) is
// called on the calling thread with each one-line input error; an exception
// thrown by `extract` is reported the same way and that document skipped.
// `summary` may be null; it is filled even when the run fails.
//
// Returns OK when every document was read and sunk; the first non-OK status
// returned by `sink`, after which no further batch is sunk and the threads
// are stopped and joined.
Status RunPipeline(const std::vector<std::string>& paths, const ExtractFn& extract,
                   const PipelineOptions& options,
                   const std::function<Status(std::vector<graph::DocRecord>&&)>& sink,
                   const std::function<void(const std::string&)>& on_error,
                   PipelineSummary* summary);

}  // namespace geokg::ingest
