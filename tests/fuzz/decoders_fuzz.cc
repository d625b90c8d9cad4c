// libFuzzer harness: the store's record decoders (graph/serialize.h,
// graph/store_lmdb.h) on arbitrary bytes, as a damaged data.mdb would hand
// them over. The first byte picks the decoder: Entity, Evidence, DocMeta,
// EntityEdit, the relations value (StoredSummary, fixed-layout and cereal),
// the relations key, a stored text. A crash, a sanitizer report, a decoded
// enum outside its table, or a value that does not encode back to the same
// bytes is a finding; a refusal (Decode false, a corrupt-record Status) is
// not.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "graph/serialize.h"
#include "graph/store_lmdb.h"

namespace {

using namespace geokg::graph;

void Check(bool ok) {
  if (!ok) std::abort();
}

// Decodes `bytes` as a T; when that works, the value must encode and decode
// again to the same encoding (a version-1 record encodes as the current
// version, so the second encoding is compared with the first).
template <class T>
void RoundTrip(std::string_view bytes) {
  ValueReader reader;
  T value{};
  if (!reader.Decode(bytes, &value)) {
    Check(!reader.error().empty());
    return;
  }
  ValueWriter writer;
  const std::string first(writer.Encode(value));
  T again{};
  Check(reader.Decode(first, &again));
  Check(std::string(writer.Encode(again)) == first);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0 || size > 1 << 20) return -1;
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 7) {
    case 0: {
      RoundTrip<Entity>(bytes);
      Entity e;
      if (ValueReader().Decode(bytes, &e)) Check(static_cast<int>(e.kind) < kEntityKindCount);
      break;
    }
    case 1: {
      RoundTrip<Evidence>(bytes);
      Evidence e;
      if (ValueReader().Decode(bytes, &e))
        Check(static_cast<int>(e.modality) < kModalityCount &&
              static_cast<int>(e.date_source) < kDateSourceCount);
      break;
    }
    case 2:
      RoundTrip<DocMeta>(bytes);
      break;
    case 3:
      RoundTrip<EntityEdit>(bytes);
      break;
    case 4: {
      RelationSummary fixed, cereal;
      const bool fixed_ok = DecodeStoredSummary(bytes, &fixed);
      StoredSummary stored{&cereal};
      const bool cereal_ok = ValueReader().Decode(bytes, &stored);
      // The fixed-layout decoder is the strict one (it also wants class
      // version 1); what it reads, cereal reads the same.
      if (fixed_ok) Check(cereal_ok && cereal.counts == fixed.counts && cereal.role == fixed.role);
      if (fixed_ok) {
        std::string out;
        AppendStoredSummary(fixed, &out);
        Check(out == bytes);
      }
      break;
    }
    case 5: {
      RelationKey key;
      const geokg::Status s = store_internal::DecodeRelationKey("fuzz", bytes, &key);
      if (s.ok()) {
        Check(static_cast<int>(key.type) < kRelationTypeCount);
        char again[store_internal::kRelationKeySize];
        store_internal::EncodeRelationKey(key, again);
        Check(std::string_view(again, sizeof again) == bytes);
      } else {
        Check(s.message().rfind("fuzz: corrupt record (", 0) == 0);
      }
      break;
    }
    case 6: {
      std::string text;
      if (store_internal::DecompressText(bytes, &text)) {
        std::string stored;
        store_internal::CompressText(text, &stored);
        std::string back;
        Check(store_internal::DecompressText(stored, &back) && back == text);
      }
      break;
    }
  }
  return 0;
}
