// Round trips of every type the store serializes (graph/serialize.h).
#include "graph/serialize.h"

#include <catch2/catch.hpp>
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

}  // namespace geokg::graph
