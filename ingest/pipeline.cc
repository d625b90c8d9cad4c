// RunPipeline (pipeline.h).
//
// Every document read gets a sequence number. The reader may run ahead of
// the writer by at most `capacity_` documents (and about 2 × batch_bytes of
// text): that one bound covers the input queue, the documents being
// extracted and the finished records waiting for an earlier one, which sit
// in a ring indexed by sequence number. The writer (the calling thread)
// takes records from the ring strictly in sequence order, so batches are in
// input order whatever the workers' timing.
#include "ingest/pipeline.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <utility>

namespace geokg::ingest {
namespace {

// Errors waiting for the writer before the reader pauses.
constexpr size_t kMaxPendingErrors = 1024;
// Most documents a worker takes from the queue at once: fewer lock round
// trips and fewer wake-ups of the writer, which is woken once per run.
constexpr size_t kMaxWorkerRun = 8;
// Least interval between two progress redraws.
constexpr auto kProgressInterval = std::chrono::milliseconds(250);

using Clock = std::chrono::steady_clock;

struct Slot {
  bool ready = false;
  bool failed = false;
  uint64_t bytes = 0;
  graph::DocRecord record;
  std::string error;  // when failed
};

class Pipeline {
 public:
  Pipeline(const std::vector<std::string>& paths, const ExtractFn& extract,
           const PipelineOptions& options,
           const std::function<Status(std::vector<graph::DocRecord>&&)>& sink,
           const std::function<void(const std::string&)>& on_error)
      : paths_(paths), extract_(extract), options_(options), sink_(sink), on_error_(on_error) {
    threads_ = options.threads > 0 ? options.threads
                                   : std::max(1u, std::thread::hardware_concurrency());
    size_t batch = std::max<size_t>(options.batch_documents, 1);
    capacity_ = std::max<size_t>({2 * batch, 8 * static_cast<size_t>(threads_), 16});
    max_in_flight_bytes_ = std::max<uint64_t>(2 * options.batch_bytes, 1 << 20);
    ring_.resize(capacity_);
  }

  Status Run(PipelineSummary* summary);

 private:
  void ReaderMain();
  void WorkerMain();
  bool OnDocument(Document&& doc);
  void OnError(const std::string& message);
  // Writer-side helpers; called without the lock held.
  Status FlushBatch();
  void Report(const std::string& message);
  void DrawProgress(bool final_line);

  const std::vector<std::string>& paths_;
  const ExtractFn& extract_;
  const PipelineOptions& options_;
  const std::function<Status(std::vector<graph::DocRecord>&&)>& sink_;
  const std::function<void(const std::string&)>& on_error_;
  int threads_ = 1;
  size_t capacity_ = 0;
  uint64_t max_in_flight_bytes_ = 0;

  std::mutex mu_;
  std::condition_variable reader_cv_;  // room in the window, or stop
  std::condition_variable worker_cv_;  // input, end of input, or stop
  std::condition_variable writer_cv_;  // the next record, an error, or the end
  std::deque<std::pair<uint64_t, Document>> input_;
  std::vector<Slot> ring_;
  std::vector<std::string> errors_;
  uint64_t next_seq_ = 0;   // sequence number of the next document read
  uint64_t next_emit_ = 0;  // sequence number the writer takes next
  uint64_t in_flight_bytes_ = 0;
  bool reader_done_ = false;
  bool stop_ = false;
  bool reader_waiting_ = false;  // the reader waits for the window to drain to half
  int idle_workers_ = 0;

  ReadCounters counters_;  // updated by the reader, read by the progress line
  std::atomic<uint64_t> other_shards_{0};  // documents of other shards, skipped

  // Writer-thread state.
  std::vector<graph::DocRecord> batch_;
  uint64_t batch_text_bytes_ = 0, batch_entities_ = 0, batch_relations_ = 0;
  PipelineSummary done_;    // counts of what was sunk
  uint64_t seen_entities_ = 0, seen_relations_ = 0, failed_extractions_ = 0;
  Clock::time_point start_ = Clock::now(), last_draw_{};
  bool progress_drawn_ = false;
};

bool Pipeline::OnDocument(Document&& doc) {
  uint64_t bytes = doc.text.size();
  if (options_.shard_count > 1 && doc.meta.id % options_.shard_count != options_.shard_index) {
    other_shards_.fetch_add(1, std::memory_order_relaxed);
    return true;
  }
  std::unique_lock<std::mutex> lk(mu_);
  auto room = [&] {
    return stop_ || (next_seq_ - next_emit_ < capacity_ &&
                     (in_flight_bytes_ + bytes <= max_in_flight_bytes_ || next_seq_ == next_emit_));
  };
  if (!room()) {
    worker_cv_.notify_all();  // whatever is queued must be extracted for room to come
    reader_waiting_ = true;
    reader_cv_.wait(lk, room);
    reader_waiting_ = false;
  }
  if (stop_) return false;
  input_.emplace_back(next_seq_++, std::move(doc));
  in_flight_bytes_ += bytes;
  // Idle workers are woken for a run of documents, not for each one: when
  // the reader is the bottleneck, waking a worker per document costs more
  // than the document. The end of input and a full window wake them all.
  if (idle_workers_ > 0 && input_.size() >= kMaxWorkerRun) worker_cv_.notify_one();
  return true;
}

void Pipeline::OnError(const std::string& message) {
  std::unique_lock<std::mutex> lk(mu_);
  reader_cv_.wait(lk, [&] { return stop_ || errors_.size() < kMaxPendingErrors; });
  if (stop_) return;
  errors_.push_back(message);
  writer_cv_.notify_one();
}

void Pipeline::ReaderMain() {
  ReadDocuments(
      paths_, options_.reader, [this](Document&& doc) { return OnDocument(std::move(doc)); },
      [this](const std::string& message) { OnError(message); }, &counters_);
  std::lock_guard<std::mutex> lk(mu_);
  reader_done_ = true;
  worker_cv_.notify_all();
  writer_cv_.notify_all();
}

void Pipeline::WorkerMain() {
  std::vector<std::pair<uint64_t, Document>> items;
  std::vector<Slot> results;
  for (;;) {
    {
      std::unique_lock<std::mutex> lk(mu_);
      ++idle_workers_;
      worker_cv_.wait(lk, [&] { return stop_ || !input_.empty() || reader_done_; });
      --idle_workers_;
      if (stop_ || input_.empty()) return;
      // A run of consecutive documents, short enough to leave work for the
      // other workers.
      size_t run = std::clamp<size_t>(input_.size() / static_cast<size_t>(threads_), 1, kMaxWorkerRun);
      for (size_t i = 0; i < run; ++i) {
        items.push_back(std::move(input_.front()));
        input_.pop_front();
      }
    }
    results.resize(items.size());
    for (size_t i = 0; i < items.size(); ++i) {
      const Document& doc = items[i].second;
      Slot& result = results[i];
      result.bytes = doc.text.size();
      try {
        result.record = extract_(doc);
      } catch (const std::exception& e) {
        result.failed = true;
        result.error = doc.meta.source + ": extraction failed (" + e.what() + "), skipped";
      } catch (...) {
        result.failed = true;
        result.error = doc.meta.source + ": extraction failed, skipped";
      }
      if (!result.failed && result.record.meta.id == 0) result.record.meta = doc.meta;
    }
    std::lock_guard<std::mutex> lk(mu_);
    bool wake_writer = false;
    for (size_t i = 0; i < items.size(); ++i) {
      Slot& slot = ring_[items[i].first % capacity_];
      slot = std::move(results[i]);
      slot.ready = true;
      if (items[i].first == next_emit_) wake_writer = true;
    }
    if (wake_writer) writer_cv_.notify_one();
    items.clear();
    results.clear();
  }
}

void Pipeline::Report(const std::string& message) {
  if (progress_drawn_) std::fputs("\r\x1b[K", stderr);
  if (on_error_) on_error_(message);
  if (progress_drawn_) DrawProgress(false);
}

void Pipeline::DrawProgress(bool final_line) {
  double seconds = std::chrono::duration<double>(Clock::now() - start_).count();
  double mb = static_cast<double>(counters_.bytes.load(std::memory_order_relaxed)) / 1e6;
  std::fprintf(stderr, "\r\x1b[K%llu files, %.1f MB, %.1f MB/s, %llu entities, %llu relations%s",
               static_cast<unsigned long long>(counters_.files.load(std::memory_order_relaxed)), mb,
               seconds > 0 ? mb / seconds : 0.0, static_cast<unsigned long long>(seen_entities_),
               static_cast<unsigned long long>(seen_relations_), final_line ? "\n" : "");
  std::fflush(stderr);
  progress_drawn_ = !final_line;
  last_draw_ = Clock::now();
}

Status Pipeline::FlushBatch() {
  if (batch_.empty()) return Status::Ok();
  size_t n = batch_.size();
  Status s;
  try {
    s = sink_(std::move(batch_));
  } catch (const std::exception& e) {
    s = Status::Internal(std::string("batch sink failed: ") + e.what());
  }
  batch_.clear();
  if (s.ok()) {
    done_.documents += n;
    done_.entities += batch_entities_;
    done_.relations += batch_relations_;
  }
  batch_text_bytes_ = batch_entities_ = batch_relations_ = 0;
  return s;
}

Status Pipeline::Run(PipelineSummary* summary) {
  std::thread reader([this] { ReaderMain(); });
  std::vector<std::thread> workers;
  for (int i = 0; i < threads_; ++i) workers.emplace_back([this] { WorkerMain(); });

  Status status;
  std::vector<std::string> errors;
  batch_.reserve(std::max<size_t>(options_.batch_documents, 1));
  std::unique_lock<std::mutex> lk(mu_);
  for (;;) {
    if (!errors_.empty()) {
      errors.swap(errors_);
      reader_cv_.notify_all();
      lk.unlock();
      for (const std::string& e : errors) Report(e);
      errors.clear();
      lk.lock();
      continue;
    }
    Slot& slot = ring_[next_emit_ % capacity_];
    if (next_emit_ < next_seq_ && slot.ready) {
      Slot taken = std::move(slot);
      slot.ready = false;
      ++next_emit_;
      in_flight_bytes_ -= taken.bytes;
      // Wake a waiting reader only once the window is half empty, so that
      // it refills it in one go.
      if (reader_waiting_ && next_seq_ - next_emit_ <= capacity_ / 2 &&
          in_flight_bytes_ <= max_in_flight_bytes_ / 2)
        reader_cv_.notify_one();
      lk.unlock();
      if (taken.failed) {
        ++failed_extractions_;
        Report(taken.error);
      } else {
        batch_entities_ += taken.record.entities.size();
        batch_relations_ += taken.record.relations.size();
        seen_entities_ += taken.record.entities.size();
        seen_relations_ += taken.record.relations.size();
        batch_text_bytes_ += taken.bytes;
        batch_.push_back(std::move(taken.record));
        if (batch_.size() >= options_.batch_documents || batch_text_bytes_ >= options_.batch_bytes)
          status = FlushBatch();
      }
      if (options_.progress && Clock::now() - last_draw_ >= kProgressInterval) DrawProgress(false);
      lk.lock();
      if (!status.ok()) break;
      continue;
    }
    if (reader_done_ && next_emit_ == next_seq_) break;
    if (options_.progress) {
      writer_cv_.wait_for(lk, kProgressInterval);
      if (Clock::now() - last_draw_ >= kProgressInterval) {
        lk.unlock();
        DrawProgress(false);
        lk.lock();
      }
    } else {
      writer_cv_.wait(lk);
    }
  }
  stop_ = true;
  reader_cv_.notify_all();
  worker_cv_.notify_all();
  lk.unlock();
  if (status.ok()) status = FlushBatch();
  reader.join();
  for (std::thread& t : workers) t.join();
  // Errors reported after the last record (a trailing bad file).
  if (status.ok()) {
    for (const std::string& e : errors_) Report(e);
  }
  if (options_.progress) DrawProgress(true);

  if (summary) {
    *summary = done_;
    summary->files = counters_.files.load();
    summary->other_shards = other_shards_.load();
    summary->bytes = counters_.bytes.load();
    summary->bad_inputs = counters_.bad_inputs.load() + failed_extractions_;
    summary->seconds = std::chrono::duration<double>(Clock::now() - start_).count();
  }
  return status;
}

}  // namespace

Status RunPipeline(const std::vector<std::string>& paths, const ExtractFn& extract,
                   const PipelineOptions& options,
                   const std::function<Status(std::vector<graph::DocRecord>&&)>& sink,
                   const std::function<void(const std::string&)>& on_error,
                   PipelineSummary* summary) {
  Pipeline pipeline(paths, extract, options, sink, on_error);
  return pipeline.Run(summary);
}

}  // namespace geokg::ingest
