// cereal serializers for the stored records, as free functions so that
// graph/model.h stays free of cereal. Only the store (and its tests) include
// this header.
//
// Every stored type is a versioned cereal class (CEREAL_CLASS_VERSION); the
// binary archive writes the version once per value. A serializer that changes
// the fields it writes must bump its class version and keep reading the old
// one, or bump kStoreSchemaVersion in store.h.
//
// ValueWriter / ValueReader encode and decode one value per call into reused
// buffers, without a std::ostringstream per value.
//
// Decoding trusts nothing it reads: ValueReader reads through a bounded
// archive that refuses a string or vector length larger than the bytes left
// in the record before anything is allocated (a corrupt length of 2^40
// fails at once, not after allocating it), and the loaders check every enum
// against its ontology table (an out-of-range kind, type, modality, section
// or date source is a corrupt record, never an index past a table).
#pragma once

#include <cereal/archives/binary.hpp>
#include <cereal/cereal.hpp>
#include <cereal/types/array.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>
#include <cstdint>
#include <cstring>
#include <exception>
#include <istream>
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>
#include <type_traits>

#include "graph/curation.h"
#include "graph/model.h"

namespace geokg::graph {

namespace serialize_internal {

// The values of Section (model.h): body, title, related-headline.
inline constexpr int kSectionCount = 3;

// Throws (cereal::Exception, caught by ValueReader) when a loaded enum is
// not one of the `count` values of its table.
template <class Enum>
void CheckEnum(Enum value, int count, const char* what) {
  const int v = static_cast<int>(value);
  if (v < 0 || v >= count)
    throw cereal::Exception(std::string(what) + " " + std::to_string(v) + " out of range");
}

template <class Archive>
inline constexpr bool kLoading = Archive::is_loading::value;

}  // namespace serialize_internal

// Entity::mentions and Entity::documents are not part of the record: the
// store keeps them in entity_counts (see store.cc), so that mentioning an
// entity again does not rewrite its record.
template <class Archive>
void serialize(Archive& ar, Entity& e, const std::uint32_t /*version*/) {
  ar(e.id, e.name, e.kind, e.aliases, e.country);
  if constexpr (serialize_internal::kLoading<Archive>)
    serialize_internal::CheckEnum(e.kind, kEntityKindCount, "entity kind");
}

// A curation rule (meta "edit/<id>"): which fields are set, then the fields.
template <class Archive>
void save(Archive& ar, const EntityEdit& e, const std::uint32_t /*version*/) {
  ar(e.name.has_value(), e.name.value_or(""), e.kind.has_value(), e.kind.value_or(EntityKind::kOrganization),
     e.country.has_value(), e.country.value_or(""), e.add_aliases, e.remove_aliases);
}

template <class Archive>
void load(Archive& ar, EntityEdit& e, const std::uint32_t /*version*/) {
  bool has_name, has_kind, has_country;
  std::string name, country;
  EntityKind kind;
  ar(has_name, name, has_kind, kind, has_country, country, e.add_aliases, e.remove_aliases);
  if (has_kind) serialize_internal::CheckEnum(kind, kEntityKindCount, "entity kind");
  e.name = has_name ? std::optional<std::string>(name) : std::nullopt;
  e.kind = has_kind ? std::optional<EntityKind>(kind) : std::nullopt;
  e.country = has_country ? std::optional<std::string>(country) : std::nullopt;
}

// Version 2 added date_source; a version-1 record's date has an unrecorded
// source.
template <class Archive>
void serialize(Archive& ar, Evidence& e, const std::uint32_t version) {
  ar(e.doc, e.sentence, e.begin, e.end, e.trigger, e.text, e.date, e.modality, e.section,
     e.confidence, e.role);
  if (version >= 2) ar(e.date_source);
  else e.date_source = e.date != 0 ? DateSource::kUnrecorded : DateSource::kNone;
  if constexpr (serialize_internal::kLoading<Archive>) {
    serialize_internal::CheckEnum(e.modality, kModalityCount, "modality");
    serialize_internal::CheckEnum(e.section, serialize_internal::kSectionCount, "section");
    serialize_internal::CheckEnum(e.date_source, kDateSourceCount, "date source");
  }
}

template <class Archive>
void serialize(Archive& ar, RelationKey& k, const std::uint32_t /*version*/) {
  ar(k.source, k.type, k.target);
  if constexpr (serialize_internal::kLoading<Archive>)
    serialize_internal::CheckEnum(k.type, kRelationTypeCount, "relation type");
}

template <class Archive>
void serialize(Archive& ar, RelationSummary& s, const std::uint32_t /*version*/) {
  ar(s.key, s.counts, s.first_date, s.last_date, s.confidence, s.role);
}

// The value of the store's relations table: a RelationSummary without its
// key, which is the table's key. Decoding leaves summary->key untouched.
struct StoredSummary {
  RelationSummary* summary;
};

template <class Archive>
void serialize(Archive& ar, StoredSummary& v, const std::uint32_t /*version*/) {
  RelationSummary& s = *v.summary;
  ar(s.counts, s.first_date, s.last_date, s.confidence, s.role);
}

// Version 2 added date_source, as for Evidence; version 3 the extractor
// version and lexicon fingerprint (0 when older).
template <class Archive>
void serialize(Archive& ar, DocMeta& d, const std::uint32_t version) {
  ar(d.id, d.source, d.title, d.url, d.external_id, d.date, d.bytes, d.sentences, d.relations);
  if (version >= 2) ar(d.date_source);
  else d.date_source = d.date != 0 ? DateSource::kUnrecorded : DateSource::kNone;
  if (version >= 3) ar(d.extractor_version, d.lexicon_fingerprint);
  else d.extractor_version = 0, d.lexicon_fingerprint = 0;
  if constexpr (serialize_internal::kLoading<Archive>)
    serialize_internal::CheckEnum(d.date_source, kDateSourceCount, "date source");
}

namespace serialize_internal {

// An output stream buffer appending to a std::string it does not own.
class StringSink : public std::streambuf {
 public:
  void set_target(std::string* s) { target_ = s; }

 protected:
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    target_->append(s, static_cast<size_t>(n));
    return n;
  }
  int_type overflow(int_type c) override {
    if (c != traits_type::eof()) target_->push_back(static_cast<char>(c));
    return traits_type::not_eof(c);
  }

 private:
  std::string* target_ = nullptr;
};

// A cereal input archive over a byte range it does not own (cereal's binary
// format, read without a stream). Every read is bounded by the bytes left:
// a string or vector length (SizeTag) larger than them throws before the
// container is resized, since each element takes at least one byte.
class BoundedInputArchive : public cereal::InputArchive<BoundedInputArchive, cereal::AllowEmptyClassElision> {
 public:
  explicit BoundedInputArchive(std::string_view bytes)
      : InputArchive(this), next_(bytes.data()), end_(bytes.data() + bytes.size()) {}

  size_t remaining() const { return static_cast<size_t>(end_ - next_); }

  void loadBinary(void* data, size_t size) {
    if (size > remaining())
      throw cereal::Exception("record ends early (" + std::to_string(size) + " bytes wanted, " +
                              std::to_string(remaining()) + " left)");
    if (size != 0) std::memcpy(data, next_, size);
    next_ += size;
  }

 private:
  const char* next_;
  const char* end_;
};

template <class T>
std::enable_if_t<std::is_arithmetic_v<T>> CEREAL_LOAD_FUNCTION_NAME(BoundedInputArchive& ar, T& t) {
  ar.loadBinary(std::addressof(t), sizeof(t));
}
// A bool is one byte, 0 or 1: any other value would be undefined behaviour
// the moment it is read as a bool.
inline void CEREAL_LOAD_FUNCTION_NAME(BoundedInputArchive& ar, bool& b) {
  uint8_t byte = 0;
  ar.loadBinary(&byte, 1);
  if (byte > 1) throw cereal::Exception("bool " + std::to_string(byte) + " out of range");
  b = byte != 0;
}
template <class T>
void CEREAL_LOAD_FUNCTION_NAME(BoundedInputArchive& ar, cereal::NameValuePair<T>& t) {
  ar(t.value);
}
template <class T>
void CEREAL_LOAD_FUNCTION_NAME(BoundedInputArchive& ar, cereal::SizeTag<T>& t) {
  ar(t.size);
  if (static_cast<uint64_t>(t.size) > ar.remaining())
    throw cereal::Exception("length " + std::to_string(static_cast<uint64_t>(t.size)) + " exceeds the " +
                            std::to_string(ar.remaining()) + " bytes left");
}
template <class T>
void CEREAL_LOAD_FUNCTION_NAME(BoundedInputArchive& ar, cereal::BinaryData<T>& bd) {
  ar.loadBinary(bd.data, static_cast<size_t>(bd.size));
}

}  // namespace serialize_internal

// Encodes values with cereal's binary archive. Not thread-safe; reuse one per
// thread to avoid per-value allocation.
class ValueWriter {
 public:
  ValueWriter() : stream_(&sink_) { sink_.set_target(&buffer_); }

  // The encoding of `value`, valid until the next Encode call.
  template <class T>
  std::string_view Encode(const T& value) {
    buffer_.clear();
    {
      cereal::BinaryOutputArchive archive(stream_);
      archive(value);
    }
    return buffer_;
  }

 private:
  std::string buffer_;
  serialize_internal::StringSink sink_;
  std::ostream stream_;
};

// Decodes values written by ValueWriter. Not thread-safe.
class ValueReader {
 public:
  // False if `bytes` is not exactly one encoding of a T (truncated, corrupt,
  // an enum out of range, a length beyond the record, or trailing data);
  // *value is then unspecified and error() says why. Never allocates more
  // than a small multiple of bytes.size().
  template <class T>
  bool Decode(std::string_view bytes, T* value) {
    error_.clear();
    try {
      serialize_internal::BoundedInputArchive archive(bytes);
      archive(*value);
      if (archive.remaining() != 0) {  // not a T of this version
        error_ = std::to_string(archive.remaining()) + " trailing bytes";
        return false;
      }
    } catch (const std::exception& e) {
      error_ = e.what();
      return false;
    }
    return true;
  }

  // Why the last Decode failed ("modality 7 out of range").
  const std::string& error() const { return error_; }

 private:
  std::string error_;
};

// ---- fixed-layout encoders for the two values Apply writes per evidence ----
//
// They write exactly the bytes ValueWriter::Encode writes (cereal's binary
// archive: u32 class version, then each field in native byte order, enums as their underlying u8, std::array of numbers
// as its bytes, strings as u64 length + bytes), without building an archive
// or a stream per value. serialize_test checks them byte for byte against
// cereal. A change to a serializer above must change these with it.

namespace serialize_internal {

static_assert(sizeof(Modality) == 1 && sizeof(Section) == 1 && sizeof(DateSource) == 1,
              "enums are one byte in the archive");

inline char* PutRaw(char* p, const void* v, size_t n) {
  std::memcpy(p, v, n);
  return p + n;
}
template <class T>
char* Put(char* p, T v) {
  return PutRaw(p, &v, sizeof(v));
}
inline char* PutString(char* p, const std::string& s) {
  p = Put<uint64_t>(p, s.size());
  return PutRaw(p, s.data(), s.size());
}

}  // namespace serialize_internal

// Bytes of the encoding of `e`.
inline size_t EvidenceEncodedSize(const Evidence& e) {
  return 4 + 8 + 3 * 4 + (8 + e.trigger.size()) + (8 + e.text.size()) + 4 + 1 + 1 + 4 + (8 + e.role.size()) + 1;
}

// Writes the encoding of `e` (EvidenceEncodedSize bytes) at `out`.
inline void EncodeEvidenceTo(const Evidence& e, char* out) {
  using namespace serialize_internal;
  char* p = Put<uint32_t>(out, 2);  // CEREAL_CLASS_VERSION(Evidence)
  p = Put(p, e.doc);
  p = Put(p, e.sentence);
  p = Put(p, e.begin);
  p = Put(p, e.end);
  p = PutString(p, e.trigger);
  p = PutString(p, e.text);
  p = Put(p, e.date);
  p = Put(p, e.modality);
  p = Put(p, e.section);
  p = Put(p, e.confidence);
  p = PutString(p, e.role);
  Put(p, e.date_source);
}

// Appends the encoding of StoredSummary{&s} to *out.
inline void AppendStoredSummary(const RelationSummary& s, std::string* out) {
  using namespace serialize_internal;
  size_t at = out->size();
  out->resize(at + 4 + sizeof(s.counts) + 4 + 4 + 4 + 8 + s.role.size());
  char* p = Put<uint32_t>(out->data() + at, 1);  // CEREAL_CLASS_VERSION(StoredSummary)
  p = PutRaw(p, s.counts.data(), sizeof(s.counts));
  p = Put(p, s.first_date);
  p = Put(p, s.last_date);
  p = Put(p, s.confidence);
  PutString(p, s.role);
}

// Decodes what AppendStoredSummary writes into *s (its key untouched).
// False when `bytes` is not exactly one version-1 encoding.
inline bool DecodeStoredSummary(std::string_view bytes, RelationSummary* s) {
  constexpr size_t kFixed = 4 + sizeof(s->counts) + 4 + 4 + 4 + 8;
  if (bytes.size() < kFixed) return false;
  const char* p = bytes.data();
  uint32_t version = 0;
  uint64_t role_size = 0;
  std::memcpy(&version, p, 4);
  std::memcpy(&role_size, p + kFixed - 8, 8);
  if (version != 1 || role_size != bytes.size() - kFixed) return false;
  std::memcpy(s->counts.data(), p + 4, sizeof(s->counts));
  std::memcpy(&s->first_date, p + 4 + sizeof(s->counts), 4);
  std::memcpy(&s->last_date, p + 8 + sizeof(s->counts), 4);
  std::memcpy(&s->confidence, p + 12 + sizeof(s->counts), 4);
  s->role.assign(p + kFixed, role_size);
  return true;
}

}  // namespace geokg::graph

// Enums are cereal "minimal" values, whose loading needs the output archive
// that pairs with an input archive.
namespace cereal::traits::detail {
template <>
struct get_output_from_input<geokg::graph::serialize_internal::BoundedInputArchive> {
  using type = cereal::BinaryOutputArchive;
};
}  // namespace cereal::traits::detail

CEREAL_CLASS_VERSION(geokg::graph::Entity, 1);
CEREAL_CLASS_VERSION(geokg::graph::EntityEdit, 1);
CEREAL_CLASS_VERSION(geokg::graph::Evidence, 2);
CEREAL_CLASS_VERSION(geokg::graph::RelationKey, 1);
CEREAL_CLASS_VERSION(geokg::graph::RelationSummary, 1);
CEREAL_CLASS_VERSION(geokg::graph::StoredSummary, 1);
CEREAL_CLASS_VERSION(geokg::graph::DocMeta, 3);
