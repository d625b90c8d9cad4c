// A fast path for JSONL: the string fields of a flat JSON object, read in
// one pass without building a document tree.
//
// ParseJsonlLine (reader.h) needs only a handful of fields of each line.
// ScanFlatJsonObject reads exactly the lines it can read with certainty and
// declines every other one, so that the caller falls back to the full
// parser, which yields the same fields (or the error message) for it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace geokg::ingest {

struct JsonField {
  JsonField(std::string_view field_name) : name(field_name) {}  // NOLINT: implicit on purpose
  std::string_view name;  // the key looked for (compared after unescaping)
  bool present = false;   // set by the scan
  std::string value;      // the unescaped string value when present
};

// True when `line` is exactly one JSON object (surrounded by optional JSON
// whitespace) whose values are strings, numbers, true, false or null, and
// every field of `fields` that occurs has a string value. Then each of the
// n fields is marked present (the last occurrence wins, as in a JSON parser
// that keeps one value per key) with its unescaped value, or not present.
// False for anything else: malformed JSON, nested objects or arrays, a
// non-string value in a wanted field, control characters or unpaired
// surrogate escapes in strings. The fields are then unspecified.
// The caller has checked that `line` is valid UTF-8.
bool ScanFlatJsonObject(std::string_view line, JsonField* fields, size_t n);

// Appends code point `cp` (at most U+10FFFF, not a surrogate) to *out as
// UTF-8. Shared with the readers' character-reference decoding.
void AppendUtf8(uint32_t cp, std::string* out);

}  // namespace geokg::ingest
