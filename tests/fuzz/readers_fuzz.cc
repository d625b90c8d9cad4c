// libFuzzer harness: the input readers of ingest/reader.h on one buffer:
// as a JSONL line, as a text and a Markdown document, and (split at the
// first newline) as a glob and a path. The first byte picks the JSONL field
// names, so that non-default fields are reached too.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "ingest/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 256 * 1024) return -1;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  geokg::ingest::ReaderOptions options;
  if (size > 0 && (data[0] & 1)) {
    options.text_field = "body";
    options.title_field = "headline";
    options.date_field = "published";
  }
  options.max_document_bytes = 64 * 1024;

  geokg::ingest::Document doc;
  bool produced = false;
  geokg::Status s = geokg::ingest::ParseJsonlLine("fuzz.jsonl", 1, input, options, &doc, &produced);
  if (!s.ok() && s.message().empty()) std::abort();
  if (s.ok() && produced && doc.text.empty()) std::abort();  // documented: empty text is an error

  for (const char* name : {"fuzz.txt", "fuzz.md"}) {
    geokg::ingest::Document text_doc;
    geokg::Status t = geokg::ingest::ReadTextDocument(name, std::string(input), &text_doc);
    if (!t.ok() && t.message().empty()) std::abort();
  }
  size_t bad = 0;
  (void)geokg::ingest::ValidateUtf8(input, &bad);

  size_t nl = input.find('\n');
  if (nl != std::string_view::npos && nl <= 256)
    (void)geokg::ingest::MatchGlob(input.substr(0, nl), input.substr(nl + 1, 4096));
  return 0;
}
