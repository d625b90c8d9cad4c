// Tests of ingest/pipeline.h with a fake extractor that makes one relation
// per document: order, batch sizes, sink errors, summary counts.
#include "ingest/pipeline.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "graph/ids.h"
#include "tests/support/process.h"

namespace fs = std::filesystem;
using geokg::Status;
using geokg::graph::DocRecord;
using geokg::ingest::Document;
using geokg::ingest::PipelineOptions;
using geokg::ingest::PipelineSummary;
using geokg::ingest::RunPipeline;

namespace {

using geokg::testing::TempDir;

// "doc <n>" lines; the text of document n is "doc n".
std::string MakeJsonl(int n, int first = 0) {
  std::string out;
  for (int i = first; i < first + n; ++i) out += "{\"text\": \"doc " + std::to_string(i) + "\"}\n";
  return out;
}

int DocNumber(const DocRecord& r) { return std::stoi(r.relations[0].evidence.text.substr(4)); }

// One relation and two entities per document; sleeps a little, varying by
// document, so that workers finish out of order.
DocRecord FakeExtract(const Document& doc) {
  uint64_t h = geokg::graph::Hash64(doc.text);
  std::this_thread::sleep_for(std::chrono::microseconds(h % 200));
  DocRecord r;
  r.meta = doc.meta;
  r.entities.resize(2);
  r.relations.resize(1);
  r.relations[0].evidence.doc = doc.meta.id;
  r.relations[0].evidence.text = doc.text;
  return r;
}

}  // namespace

TEST_CASE("records reach the sink in input order, in batches of the set size", "[ingest][pipeline]") {
  TempDir dir;
  std::string path = dir.Write("a.jsonl", MakeJsonl(1000));
  PipelineOptions options;
  options.threads = 4;
  options.batch_documents = 7;
  std::vector<int> order;
  std::vector<size_t> sizes;
  PipelineSummary summary;
  Status s = RunPipeline(
      {path}, FakeExtract, options,
      [&](std::vector<DocRecord>&& batch) {
        sizes.push_back(batch.size());
        for (const DocRecord& r : batch) order.push_back(DocNumber(r));
        return Status::Ok();
      },
      nullptr, &summary);
  REQUIRE(s.ok());
  REQUIRE(order.size() == 1000);
  for (int i = 0; i < 1000; ++i) REQUIRE(order[i] == i);
  REQUIRE(sizes.size() == 143);
  for (size_t i = 0; i + 1 < sizes.size(); ++i) CHECK(sizes[i] == 7);
  CHECK(sizes.back() == 1000 - 142 * 7);
  CHECK(summary.files == 1);
  CHECK(summary.documents == 1000);
  CHECK(summary.relations == 1000);
  CHECK(summary.entities == 2000);
  CHECK(summary.bad_inputs == 0);
  CHECK(summary.bytes == fs::file_size(path));
}

TEST_CASE("batch_bytes bounds a batch by its text", "[ingest][pipeline]") {
  TempDir dir;
  std::string path = dir.Write("a.jsonl", MakeJsonl(100, 100));  // texts of 7 bytes
  PipelineOptions options;
  options.threads = 2;
  options.batch_bytes = 20;  // the third document fills a batch
  std::vector<size_t> sizes;
  Status s = RunPipeline(
      {path}, FakeExtract, options,
      [&](std::vector<DocRecord>&& batch) {
        sizes.push_back(batch.size());
        return Status::Ok();
      },
      nullptr, nullptr);
  REQUIRE(s.ok());
  REQUIRE(sizes.size() == 34);
  for (size_t i = 0; i + 1 < sizes.size(); ++i) CHECK(sizes[i] == 3);
  CHECK(sizes.back() == 1);
}

TEST_CASE("a sink error stops the run and is returned", "[ingest][pipeline]") {
  TempDir dir;
  std::string path = dir.Write("a.jsonl", MakeJsonl(5000));
  PipelineOptions options;
  options.threads = 3;
  options.batch_documents = 10;
  int calls = 0;
  PipelineSummary summary;
  Status s = RunPipeline(
      {path}, FakeExtract, options,
      [&](std::vector<DocRecord>&&) {
        return ++calls == 3 ? Status::Storage("disk full") : Status::Ok();
      },
      nullptr, &summary);
  CHECK(s.code() == geokg::StatusCode::kStorage);
  CHECK(s.message() == "disk full");
  CHECK(calls == 3);
  CHECK(summary.documents == 20);
}

TEST_CASE("bad inputs and failed extractions are reported and counted", "[ingest][pipeline]") {
  TempDir dir;
  std::string a = dir.Write("a.jsonl", MakeJsonl(10) + "{not json}\n" + MakeJsonl(10, 10));
  std::string empty = dir.Write("empty.txt", "");
  std::string b = dir.Write("b.txt", "Title\nboom");
  std::string missing = dir.Path() + "/missing.txt";
  std::vector<std::string> errors;
  std::vector<std::string> sources;
  PipelineOptions options;
  options.threads = 2;
  options.batch_documents = 4;
  PipelineSummary summary;
  auto extract = [](const Document& doc) {
    if (doc.text == "doc 5") throw std::runtime_error("bad luck");
    return FakeExtract(doc);
  };
  Status s = RunPipeline(
      {a, empty, missing, b}, extract, options,
      [&](std::vector<DocRecord>&& batch) {
        for (const DocRecord& r : batch) sources.push_back(r.meta.source);
        return Status::Ok();
      },
      [&](const std::string& e) { errors.push_back(e); }, &summary);
  REQUIRE(s.ok());
  CHECK(summary.files == 3);
  CHECK(summary.documents == 20);  // 20 lines + b.txt - the one that failed
  CHECK(summary.bad_inputs == 4);
  CHECK(summary.relations == 20);
  REQUIRE(sources.size() == 20);
  CHECK(sources.front() == a + ":1");
  CHECK(sources.back() == b);
  std::sort(errors.begin(), errors.end());
  REQUIRE(errors.size() == 4);
  CHECK(errors[0].rfind(a + ":11: malformed JSON: ", 0) == 0);
  CHECK(errors[1] == a + ":6: extraction failed (bad luck), skipped");
  CHECK(errors[2] == empty + ": empty file, skipped");
  CHECK(errors[3] == missing + ": no such file");
}

TEST_CASE("an empty run and a progress line work", "[ingest][pipeline]") {
  TempDir dir;
  std::string path = dir.Write("a.jsonl", MakeJsonl(50));
  PipelineOptions options;
  options.progress = true;
  PipelineSummary summary;
  int batches = 0;
  auto sink = [&](std::vector<DocRecord>&&) {
    ++batches;
    return Status::Ok();
  };
  REQUIRE(RunPipeline({}, FakeExtract, options, sink, nullptr, &summary).ok());
  CHECK(batches == 0);
  CHECK(summary.documents == 0);
  REQUIRE(RunPipeline({path}, FakeExtract, options, sink, nullptr, &summary).ok());
  CHECK(batches == 1);
  CHECK(summary.documents == 50);
}

TEST_CASE("the reader runs ahead of the sink by a bounded number of documents", "[ingest][pipeline]") {
  TempDir dir;
  std::string big = "{\"text\": \"" + std::string(3u << 20, 'x') + "\"}\n";  // over the byte window
  std::string path = dir.Write("a.jsonl", MakeJsonl(500) + big + MakeJsonl(10, 500));
  PipelineOptions options;
  options.threads = 2;
  options.batch_documents = 10;
  options.batch_bytes = 1000;
  std::atomic<uint64_t> extracted{0};
  uint64_t sunk = 0, most_ahead = 0;
  Status s = RunPipeline(
      {path},
      [&](const Document& doc) {
        ++extracted;
        return FakeExtract(doc);
      },
      options,
      [&](std::vector<DocRecord>&& batch) {
        most_ahead = std::max(most_ahead, extracted.load() - sunk);
        sunk += batch.size();
        std::this_thread::sleep_for(std::chrono::milliseconds(1));  // a slow store
        return Status::Ok();
      },
      nullptr, nullptr);
  REQUIRE(s.ok());
  CHECK(sunk == 511);
  // The window (2 × batch, at least 16) plus the batch being built.
  CHECK(most_ahead <= 20 + 10);
}
