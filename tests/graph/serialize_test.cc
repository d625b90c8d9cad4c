// Round trips of every type the store serializes (graph/serialize.h).
#include "graph/serialize.h"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>

namespace geokg::graph {
namespace {

template <class T>
T RoundTrip(const T& value) {
  ValueWriter writer;
  std::string bytes(writer.Encode(value));
  ValueReader reader;
  T out;
  REQUIRE(reader.Decode(bytes, &out));
  return out;
}

void CheckEqual(const Entity& a, const Entity& b) {
  CHECK(a.id == b.id);
  CHECK(a.name == b.name);
  CHECK(a.kind == b.kind);
  CHECK(a.aliases == b.aliases);
  CHECK(a.country == b.country);
}

void CheckEqual(const Evidence& a, const Evidence& b) {
  CHECK(a.doc == b.doc);
  CHECK(a.sentence == b.sentence);
  CHECK(a.begin == b.begin);
  CHECK(a.end == b.end);
  CHECK(a.trigger == b.trigger);
  CHECK(a.text == b.text);
  CHECK(a.date == b.date);
  CHECK(a.modality == b.modality);
  CHECK(a.section == b.section);
  CHECK(a.confidence == b.confidence);
  CHECK(a.role == b.role);
  CHECK(a.date_source == b.date_source);
}

void CheckEqual(const RelationSummary& a, const RelationSummary& b) {
  CHECK(a.key == b.key);
  CHECK(a.counts == b.counts);
  CHECK(a.first_date == b.first_date);
  CHECK(a.last_date == b.last_date);
  CHECK(a.confidence == b.confidence);
  CHECK(a.role == b.role);
}

void CheckEqual(const DocMeta& a, const DocMeta& b) {
  CHECK(a.id == b.id);
  CHECK(a.source == b.source);
  CHECK(a.title == b.title);
  CHECK(a.url == b.url);
  CHECK(a.external_id == b.external_id);
  CHECK(a.date == b.date);
  CHECK(a.bytes == b.bytes);
  CHECK(a.sentences == b.sentences);
  CHECK(a.relations == b.relations);
}

constexpr uint64_t kMax64 = std::numeric_limits<uint64_t>::max();
constexpr uint32_t kMax32 = std::numeric_limits<uint32_t>::max();

TEST_CASE("Entity round trips", "[graph][serialize]") {
  Entity full;
  full.id = kMax64;
  full.name = "Côte d’Ivoire — 科特迪瓦";
  full.kind = EntityKind::kGroup;
  full.aliases = {"Ivory Coast", "CIV", "", "Кот-д’Ивуар"};
  full.country = "CIV";
  CheckEqual(RoundTrip(full), full);

  Entity empty;  // every field at its default, empty strings and vector
  CheckEqual(RoundTrip(empty), empty);

  Entity with_nul;
  with_nul.name = std::string("a\0b", 3);
  CHECK(RoundTrip(with_nul).name.size() == 3);
}

TEST_CASE("Evidence round trips", "[graph][serialize]") {
  Evidence full;
  full.doc = kMax64;
  full.sentence = kMax32;
  full.begin = kMax32 - 1;
  full.end = kMax32;
  full.trigger = "déploie";
  full.text = std::string(5000, 'x') + " « Téhéran » 🚀";
  full.date = 99991231;
  full.modality = Modality::kReported;
  full.section = Section::kRelatedHeadline;
  full.confidence = 1.0f;
  full.role = "Secretary of Defense";
  CheckEqual(RoundTrip(full), full);

  Evidence empty;
  CheckEqual(RoundTrip(empty), empty);

  Evidence tiny;
  tiny.confidence = std::numeric_limits<float>::denorm_min();
  CHECK(RoundTrip(tiny).confidence == tiny.confidence);
}

TEST_CASE("RelationSummary round trips", "[graph][serialize]") {
  RelationSummary full;
  full.key = {kMax64, RelationType::kNegotiatedWith, 1};
  full.counts = {kMax32, 0, 7, kMax32, 1};
  full.first_date = 10000101;
  full.last_date = 99991231;
  full.confidence = 0.25f;
  full.role = "Prime Minister (acting) — ‘interim’";
  CheckEqual(RoundTrip(full), full);

  RelationSummary empty;
  CheckEqual(RoundTrip(empty), empty);
}

TEST_CASE("StoredSummary (the relations table value) round trips all but the key",
          "[graph][serialize]") {
  RelationSummary full;
  full.key = {kMax64, RelationType::kAided, 7};
  full.counts = {1, 2, 3, 4, kMax32};
  full.first_date = 20200101;
  full.last_date = 20201231;
  full.confidence = 0.75f;
  full.role = "Außenminister";
  ValueWriter writer;
  std::string bytes(writer.Encode(StoredSummary{&full}));
  RelationSummary out;
  out.key = full.key;  // restored by the store from the table key
  StoredSummary value{&out};
  ValueReader reader;
  REQUIRE(reader.Decode(bytes, &value));
  CheckEqual(out, full);
  CHECK(bytes.size() < std::string(writer.Encode(full)).size());
}

TEST_CASE("the fixed-layout encoders write exactly cereal's bytes", "[graph][serialize]") {
  ValueWriter writer;
  Evidence full;
  full.doc = kMax64;
  full.sentence = kMax32;
  full.begin = 12;
  full.end = kMax32 - 3;
  full.trigger = "déploie";
  full.text = std::string(300, 'x') + " « Téhéran » 🚀";
  full.date = 20200103;
  full.modality = Modality::kReported;
  full.section = Section::kRelatedHeadline;
  full.confidence = 0.625f;
  full.role = "Secretary of Defense";
  for (const Evidence& e : {full, Evidence{}}) {
    std::string fixed(EvidenceEncodedSize(e), '\0');
    EncodeEvidenceTo(e, fixed.data());
    CHECK(fixed == std::string(writer.Encode(e)));
  }

  RelationSummary summary;
  summary.key = {kMax64, RelationType::kAided, 7};
  summary.counts = {1, 2, 3, 4, kMax32};
  summary.first_date = 20200101;
  summary.last_date = 20201231;
  summary.confidence = 0.75f;
  summary.role = "Außenminister";
  for (const RelationSummary& s : {summary, RelationSummary{}}) {
    std::string fixed = "prefix";
    AppendStoredSummary(s, &fixed);
    CHECK(fixed == "prefix" + std::string(writer.Encode(StoredSummary{const_cast<RelationSummary*>(&s)})));
    RelationSummary out;
    REQUIRE(DecodeStoredSummary(std::string_view(fixed).substr(6), &out));
    CHECK(out.counts == s.counts);
    CHECK(out.first_date == s.first_date);
    CHECK(out.last_date == s.last_date);
    CHECK(out.confidence == s.confidence);
    CHECK(out.role == s.role);
    // Truncated, trailing or another version: refused.
    std::string bytes = fixed.substr(6);
    CHECK_FALSE(DecodeStoredSummary(std::string_view(bytes).substr(0, bytes.size() - 1), &out));
    CHECK_FALSE(DecodeStoredSummary(bytes + "x", &out));
    bytes[0] = 2;
    CHECK_FALSE(DecodeStoredSummary(bytes, &out));
  }
}

TEST_CASE("DocMeta round trips", "[graph][serialize]") {
  DocMeta full;
  full.id = kMax64;
  full.source = "/corpus/2020/01/新闻.jsonl:12345";
  full.title = "US deploys 750 troops to Middle East after embassy attack";
  full.url = "https://example.org/a?b=c&d=é";
  full.external_id = "ext-001";
  full.date = 20200101;
  full.bytes = kMax64;
  full.sentences = kMax32;
  full.relations = kMax32;
  CheckEqual(RoundTrip(full), full);

  DocMeta empty;
  CheckEqual(RoundTrip(empty), empty);
}

TEST_CASE("a writer and a reader are reusable across values and types", "[graph][serialize]") {
  ValueWriter writer;
  ValueReader reader;
  for (int i = 0; i < 3; ++i) {
    Entity e;
    e.id = static_cast<uint64_t>(i);
    e.name = std::string(static_cast<size_t>(i) * 100, 'n');
    std::string bytes(writer.Encode(e));
    DocMeta d;
    d.id = 1000u + static_cast<uint64_t>(i);
    std::string doc_bytes(writer.Encode(d));
    Entity e2;
    DocMeta d2;
    REQUIRE(reader.Decode(bytes, &e2));
    REQUIRE(reader.Decode(doc_bytes, &d2));
    CHECK(e2.name == e.name);
    CHECK(d2.id == d.id);
  }
}

TEST_CASE("truncated or trailing bytes are rejected, not a crash", "[graph][serialize]") {
  Evidence ev;
  ev.text = "Iran denied it was behind the attack.";
  ev.trigger = "denied";
  ValueWriter writer;
  std::string bytes(writer.Encode(ev));
  ValueReader reader;
  Evidence out;
  for (size_t cut : {size_t{0}, size_t{3}, bytes.size() / 2, bytes.size() - 1}) {
    CHECK_FALSE(reader.Decode(std::string_view(bytes).substr(0, cut), &out));
  }
  CHECK_FALSE(reader.Decode(bytes + "x", &out));
  CHECK(reader.Decode(bytes, &out));
  CHECK(out.text == ev.text);
}

}  // namespace

TEST_CASE("version-1 evidence and documents read with an unrecorded date source", "[graph][serialize]") {
  // What the version-1 serializers wrote: the same fields without date_source.
  Evidence ev;
  ev.doc = 7;
  ev.text = "Iran condemned Israel.";
  ev.date = 20200105;
  ev.date_source = DateSource::kText;
  std::string v2(EvidenceEncodedSize(ev), '\0');
  EncodeEvidenceTo(ev, v2.data());
  std::string v1 = v2.substr(0, v2.size() - 1);
  const uint32_t one = 1;
  std::memcpy(v1.data(), &one, 4);
  ValueReader reader;
  Evidence out;
  REQUIRE(reader.Decode(v1, &out));
  CHECK(out.date == 20200105);
  CHECK(out.date_source == DateSource::kUnrecorded);
  CHECK(out.text == ev.text);
  REQUIRE(reader.Decode(v2, &out));
  CHECK(out.date_source == DateSource::kText);
  // Undated: no source, whatever the version.
  ev.date = 0;
  ev.date_source = DateSource::kNone;
  v2.assign(EvidenceEncodedSize(ev), '\0');
  EncodeEvidenceTo(ev, v2.data());
  v1 = v2.substr(0, v2.size() - 1);
  std::memcpy(v1.data(), &one, 4);
  REQUIRE(reader.Decode(v1, &out));
  CHECK(out.date_source == DateSource::kNone);

  DocMeta meta;
  meta.id = 9;
  meta.date = 20210303;
  meta.date_source = DateSource::kMetadata;
  meta.extractor_version = 7;
  meta.lexicon_fingerprint = 0x1234;
  CHECK(RoundTrip(meta).date_source == DateSource::kMetadata);
  CHECK(RoundTrip(meta).extractor_version == 7);
  CHECK(RoundTrip(meta).lexicon_fingerprint == 0x1234);
  ValueWriter writer;
  std::string doc_v3(writer.Encode(meta));
  // Version 1 lacks date_source (1 byte), extractor_version (4) and lexicon_fingerprint (8).
  std::string doc_v1 = doc_v3.substr(0, doc_v3.size() - 13);
  std::memcpy(doc_v1.data(), &one, 4);
  DocMeta read;
  REQUIRE(reader.Decode(doc_v1, &read));
  CHECK(read.date == 20210303);
  CHECK(read.date_source == DateSource::kUnrecorded);
  CHECK(read.extractor_version == 0);
}

// ---- decoding bytes that were never written by ValueWriter (issue 13) ----

namespace damaged {

// The offset of the one byte where the encodings of `a` and `b` differ.
template <class T>
size_t DifferingByte(const T& a, const T& b) {
  ValueWriter writer;
  std::string x(writer.Encode(a)), y(writer.Encode(b));
  REQUIRE(x.size() == y.size());
  size_t at = x.size();
  for (size_t i = 0; i < x.size(); ++i)
    if (x[i] != y[i]) {
      REQUIRE(at == x.size());
      at = i;
    }
  REQUIRE(at < x.size());
  return at;
}

// Encodes `value`, sets the byte at `at` to `byte`, decodes; returns the
// reader's error ("" if it decoded).
template <class T>
std::string DecodePatched(const T& value, size_t at, char byte) {
  ValueWriter writer;
  std::string bytes(writer.Encode(value));
  bytes[at] = byte;
  ValueReader reader;
  T out;
  return reader.Decode(bytes, &out) ? "" : reader.error();
}

}  // namespace damaged

TEST_CASE("an enum out of range is a decoding error, not an index past a table", "[graph][serialize]") {
  using damaged::DecodePatched;
  using damaged::DifferingByte;
  Entity e;
  e.name = "Iraq";
  Entity e2 = e;
  e2.kind = EntityKind::kCountry;
  const size_t kind_at = DifferingByte(e, e2);
  CHECK(DecodePatched(e, kind_at, 10).empty());  // kGroup, the last kind
  CHECK(DecodePatched(e, kind_at, 11) == "entity kind 11 out of range");
  CHECK(DecodePatched(e, kind_at, 99) == "entity kind 99 out of range");

  Evidence ev, ev2;
  ev2.modality = Modality::kReported;
  CHECK(DecodePatched(ev, DifferingByte(ev, ev2), 99) == "modality 99 out of range");
  ev2 = ev;
  ev2.section = Section::kTitle;
  CHECK(DecodePatched(ev, DifferingByte(ev, ev2), 3) == "section 3 out of range");
  ev2 = ev;
  ev2.date_source = DateSource::kText;
  CHECK(DecodePatched(ev, DifferingByte(ev, ev2), 4) == "date source 4 out of range");

  RelationKey k{1, RelationType::kAttacked, 2}, k2{1, RelationType::kAlliedWith, 2};
  CHECK(DecodePatched(k, DifferingByte(k, k2), 99) == "relation type 99 out of range");
  CHECK(DecodePatched(k, DifferingByte(k, k2), kRelationTypeCount - 1).empty());

  DocMeta d, d2;
  d2.date_source = DateSource::kMetadata;
  CHECK(DecodePatched(d, DifferingByte(d, d2), 7) == "date source 7 out of range");

  EntityEdit edit, edit2;
  edit.kind = EntityKind::kPerson;
  edit2.kind = EntityKind::kCountry;
  CHECK(DecodePatched(edit, DifferingByte(edit, edit2), 42) == "entity kind 42 out of range");
  // A bool is 0 or 1; reading a 2 as a bool would be undefined behaviour.
  EntityEdit named = edit;
  named.name = "";
  CHECK(DecodePatched(edit, DifferingByte(edit, named), 1).empty());
  CHECK(DecodePatched(edit, DifferingByte(edit, named), 2) == "bool 2 out of range");
}

namespace damaged {

// An Evidence encoding whose trigger length field says `length`.
std::string EvidenceWithTriggerLength(uint64_t length) {
  Evidence e;
  e.trigger = "attacked";
  e.text = "Chad attacked Sudan.";
  ValueWriter writer;
  std::string bytes(writer.Encode(e));
  std::memcpy(bytes.data() + 4 + 8 + 12, &length, 8);  // version, doc, sentence/begin/end
  return bytes;
}

// Decodes `bytes` as Evidence in a child process limited to 1 GiB of
// address space; returns the child's peak RSS in KiB (-1 if it failed).
long PeakRssOfDecodeKiB(const std::string& bytes) {
  pid_t pid = fork();
  if (pid == 0) {
    rlimit limit{1ul << 30, 1ul << 30};
    setrlimit(RLIMIT_AS, &limit);
    ValueReader reader;
    Evidence out;
    _exit(reader.Decode(bytes, &out) ? 1 : 0);
  }
  int status = 0;
  rusage usage{};
  if (pid < 0 || wait4(pid, &status, 0, &usage) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
    return -1;
  return usage.ru_maxrss;
}

}  // namespace damaged

TEST_CASE("a length field beyond the record fails at once without allocating it", "[graph][serialize]") {
  ValueReader reader;
  Evidence out;
  const auto started = std::chrono::steady_clock::now();
  CHECK_FALSE(reader.Decode(damaged::EvidenceWithTriggerLength(uint64_t{1} << 40), &out));
  CHECK(reader.error().find("length 1099511627776 exceeds the") == 0);
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::milliseconds(100));
  // One byte more than is left fails too; the real length decodes.
  CHECK_FALSE(reader.Decode(damaged::EvidenceWithTriggerLength(1000), &out));
  CHECK(reader.Decode(damaged::EvidenceWithTriggerLength(8), &out));
  // A length of 512 MiB: an allocating decoder would touch 512 MiB before
  // finding the record short. Measured in a child, whose peak is its own.
  const long base = damaged::PeakRssOfDecodeKiB(damaged::EvidenceWithTriggerLength(8));
  const long peak = damaged::PeakRssOfDecodeKiB(damaged::EvidenceWithTriggerLength(512ul << 20));
  INFO("peak RSS " << peak << " KiB against " << base << " KiB for a good record");
  REQUIRE(peak > 0);
  CHECK(peak < base + 16 * 1024);
}

}  // namespace geokg::graph
