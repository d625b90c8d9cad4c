// Readers: turn files, folders, JSONL and stdin into Documents.
//
// A Document is the text of one article plus its metadata. ReadDocuments
// walks the paths it is given and hands each document to a callback; every
// bad file or line (missing, unreadable, binary, empty, invalid UTF-8,
// malformed JSON, too large) is reported through a second callback as ONE
// line naming the file (and line) and is skipped: one bad file never stops a
// corpus. The buffer-level parsers (ReadTextDocument, ParseJsonlLine,
// ValidateUtf8) take strings, so tests and other front ends feed them
// directly.
//
// Thread-safety: the functions are reentrant; callbacks are called on the
// calling thread. ReadCounters may be read from another thread while a walk
// updates it.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model.h"
#include "graph/status.h"

namespace geokg::ingest {

struct Document {
  // id = graph::DocIdFor(text); bytes = text.size(); source = the path (or
  // "path:line" for JSONL, "-" for stdin); title, date, url, external_id
  // from metadata or from the text (see ReadTextDocument, ParseJsonlLine).
  graph::DocMeta meta;
  std::string text;
};

struct ReaderOptions {
  // Globs on paths relative to a folder being walked; they do not apply to
  // files named directly. A glob without '/' matches the file's base name at
  // any depth ("*.txt"); one with '/' matches the whole relative path
  // ("news/**/*.md"). '*' and '?' stop at '/', '**' crosses folders, [abc]
  // and [a-z] are classes. With no include globs a folder yields the files
  // whose type is known (.txt .md .markdown .text .jsonl .ndjson, or no
  // extension); an include glob can name any other file, which is then read
  // as text. Exclude globs also prune folders. Hidden entries (".name") are
  // skipped in folder walks.
  std::vector<std::string> include;
  std::vector<std::string> exclude;
  // Told what a walk leaves out that is no error (a folder reached a second
  // time through a symbolic link); may be empty. Called on the reading thread.
  std::function<void(const std::string&)> on_note;

  // JSONL field names.
  std::string text_field = "text";
  std::string title_field = "title";
  std::string date_field = "date";
  std::string url_field = "url";
  std::string id_field = "id";

  // A document (a file, or one JSONL line) larger than this is reported as
  // an error and skipped; no more than this is ever held for one document.
  // News articles are far smaller, and extraction needs roughly 30 bytes of
  // working memory per byte of one document, so the default keeps a worker
  // under ~0.5 GB even on hostile input.
  size_t max_document_bytes = 16ull << 20;
};

// Running totals of a walk. Atomic so that a progress display on another
// thread may read them while the walk runs.
struct ReadCounters {
  std::atomic<uint64_t> files{0};       // files (and stdin) opened for reading
  std::atomic<uint64_t> documents{0};   // documents handed to on_document
  std::atomic<uint64_t> bytes{0};       // input bytes read
  std::atomic<uint64_t> bad_inputs{0};  // errors reported (bad files + bad lines)
};

// Walks `paths` in order: a file is read; a folder is walked recursively in
// byte order of names, filtered per ReaderOptions; "-" reads stdin (JSONL if
// its first non-blank byte is '{', else one text document). .jsonl/.ndjson
// files are JSONL, every other file is text (Markdown for .md/.markdown).
//
// Calls on_document for each document in input order, and on_error with one
// line for each bad file or line, e.g.
//   "corpus/a.jsonl:17: malformed JSON: ..."
//   "x.bin: binary file (NUL byte at offset 12), skipped"
//   "y.txt:3:14: invalid UTF-8 (byte 0xff), skipped"
//   "empty.txt: empty file, skipped"
//   "missing.txt: no such file"
//   "dir/: permission denied"
// and goes on. `counters` may be null.
//
// Returns OK when the walk reached the end, even if inputs were bad (count
// them in counters->bad_inputs). Returns Internal("reading cancelled") if
// on_document returned false.
Status ReadDocuments(const std::vector<std::string>& paths, const ReaderOptions& options,
                     const std::function<bool(Document&&)>& on_document,
                     const std::function<void(const std::string&)>& on_error,
                     ReadCounters* counters);

// Makes a document of the whole content of a text file named `name`
// (Markdown when `name` ends in .md or .markdown: its markup bytes are
// replaced by spaces, so offsets into the text are offsets into the file).
// A leading UTF-8 byte-order mark is dropped. Title: the first non-blank
// line if shorter than 200 bytes and not ending in a period, else the base
// name of `name`. Date: FindDateInText (dates.h).
// Returns InvalidInput with a one-line message naming `name` ("binary file",
// "empty file", "invalid UTF-8" with line:col) when the content is not a
// usable text; *doc is then unspecified.
Status ReadTextDocument(std::string_view name, std::string bytes, Document* doc);

// Parses one JSONL line (without its newline) of file `name`, line number
// `line_number` (1-based). Sets *produced to whether a document was made:
// a blank line gives OK and no document. Returns InvalidInput naming
// "name:line" for invalid UTF-8, invalid JSON, a value that is not an object,
// or a missing, non-string or empty text field. The source of the document
// is "name:line"; its date comes from the date field (ParseLooseDate), else
// from the text; its title from the title field, else as for a text file.
// Text and title are decoded of HTML character references
// (DecodeCharacterReferences); the document id is the hash of the text as
// read, before decoding.
Status ParseJsonlLine(std::string_view name, uint64_t line_number, std::string_view line,
                      const ReaderOptions& options, Document* doc, bool* produced);

// Replaces the HTML character references that scraped news carries in
// JSON fields: named ones (&amp; &lt; &gt; &quot; &apos; &nbsp; and the
// common quotes and dashes), numeric ones (&#39; &#x2019;, with
// Windows-1252's 128-159 read as its quotes and dashes), and numeric ones
// whose '&' a scraper turned into a space ("Sudan #39;s" -> "Sudan's", as
// in the AG News corpus). Control characters and surrogates are not
// written; anything else is left as it is.
void DecodeCharacterReferences(std::string* text);

// True if `data` is well-formed UTF-8 (no overlong forms, surrogates or
// code points above U+10FFFF). Otherwise sets *bad_offset (if not null) to
// the offset of the first byte of the first bad sequence.
bool ValidateUtf8(std::string_view data, size_t* bad_offset);

// True if `path` (relative, '/'-separated) matches `glob` per the rules
// described at ReaderOptions::include.
bool MatchGlob(std::string_view glob, std::string_view path);

// The extension of the last path component, lower-cased, without the dot
// ("a/B.JSONL" -> "jsonl"); "" when there is none or the name starts with it.
std::string LowerExtension(std::string_view path);

// Replaces Markdown markup bytes in `text` with spaces: heading marks,
// emphasis, code ticks, list and quote markers, rules, link and image
// syntax ([text](url) keeps "text"), simple HTML tags. Length unchanged.
void BlankMarkdown(std::string* text);

}  // namespace geokg::ingest
