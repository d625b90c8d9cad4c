// The I/O half of the readers (reader.h): walking paths and folders, reading
// files and stdin with bounded memory, and handing the bytes to the parsers
// of formats.cc.
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "ingest/reader.h"

namespace geokg::ingest {
namespace {

// Read size for JSONL and stdin; also the most a JSONL line carries over
// between reads beyond the line itself.
constexpr size_t kChunkBytes = 1 << 20;

enum class FileFormat { kText, kJsonl };

bool IsJsonlPath(std::string_view path) {
  std::string ext = LowerExtension(path);
  return ext == "jsonl" || ext == "ndjson";
}

// Types a folder walk reads without an include glob naming them.
bool IsKnownType(std::string_view path) {
  std::string ext = LowerExtension(path);
  return ext.empty() || ext == "txt" || ext == "text" || ext == "md" || ext == "markdown" ||
         ext == "jsonl" || ext == "ndjson";
}

std::string ErrnoText(int err) {
  switch (err) {
    case ENOENT: return "no such file";
    case EACCES:
    case EPERM: return "permission denied";
    default: return std::strerror(err);
  }
}

// Closes a file descriptor on scope exit (not stdin).
class FdCloser {
 public:
  explicit FdCloser(int fd) : fd_(fd) {}
  ~FdCloser() {
    if (fd_ > 0) ::close(fd_);
  }
  FdCloser(const FdCloser&) = delete;
  FdCloser& operator=(const FdCloser&) = delete;

 private:
  int fd_;
};

// read(2) that retries on EINTR. Returns bytes read, 0 at EOF, -1 on error.
ssize_t ReadSome(int fd, char* buf, size_t n) {
  for (;;) {
    ssize_t got = ::read(fd, buf, n);
    if (got >= 0 || errno != EINTR) return got;
  }
}

class Walker {
 public:
  Walker(const ReaderOptions& options, const std::function<bool(Document&&)>& on_document,
         const std::function<void(const std::string&)>& on_error, ReadCounters* counters)
      : options_(options), on_document_(on_document), on_error_(on_error), counters_(counters) {}

  // Each returns false only when the walk is cancelled.
  bool ReadPath(const std::string& path);

 private:
  bool WalkFolder(const std::string& root, const std::string& dir, const std::string& rel);
  bool ReadFile(const std::string& path, FileFormat format);
  bool ReadStdin();
  // Reads the rest of `fd` after `prefix` as one text document.
  bool ReadText(int fd, const std::string& name, std::string prefix, size_t size_hint);
  // Reads the rest of `fd` after `prefix` as JSONL, line by line.
  bool ReadJsonl(int fd, const std::string& name, std::string prefix);
  bool FinishLine(const std::string& name, uint64_t line_number, std::string_view line,
                  bool* any_document);

  void Error(std::string message) {
    if (counters_) ++counters_->bad_inputs;
    if (on_error_) on_error_(message);
  }
  bool Emit(Document&& doc) {
    if (counters_) ++counters_->documents;
    if (!on_document_(std::move(doc))) cancelled_ = true;
    return !cancelled_;
  }
  void CountBytes(size_t n) {
    if (counters_) counters_->bytes += n;
  }

  const ReaderOptions& options_;
  const std::function<bool(Document&&)>& on_document_;
  const std::function<void(const std::string&)>& on_error_;
  ReadCounters* counters_;
  std::set<std::pair<dev_t, ino_t>> folders_seen_;  // guards against symlink loops
  bool cancelled_ = false;  // on_document returned false
};

bool Walker::ReadPath(const std::string& path) {
  if (path == "-") return ReadStdin();
  struct stat st;
  if (path.empty() || ::stat(path.c_str(), &st) != 0) {
    Error((path.empty() ? std::string("\"\"") : path) + ": " + ErrnoText(path.empty() ? ENOENT : errno));
    return true;
  }
  if (S_ISDIR(st.st_mode)) {
    folders_seen_.clear();
    folders_seen_.insert({st.st_dev, st.st_ino});
    return WalkFolder(path, path, "");
  }
  // A pipe named on the command line (`<(cmd)`, a FIFO) is read like stdin;
  // a device or a socket is no document.
  if (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode)) {
    Error(path + ": not a regular file (a device or socket), skipped");
    return true;
  }
  return ReadFile(path, IsJsonlPath(path) ? FileFormat::kJsonl : FileFormat::kText);
}

bool Walker::WalkFolder(const std::string& root, const std::string& dir, const std::string& rel) {
  DIR* d = ::opendir(dir.c_str());
  std::string shown = dir.back() == '/' ? dir : dir + "/";
  if (d == nullptr) {
    Error(shown + ": " + ErrnoText(errno));
    return true;
  }
  std::vector<std::string> names;
  errno = 0;
  while (struct dirent* e = ::readdir(d)) {
    if (e->d_name[0] == '.') continue;  // ".", "..", hidden entries
    names.emplace_back(e->d_name);
  }
  int read_error = errno;
  ::closedir(d);
  if (read_error != 0) Error(shown + ": " + ErrnoText(read_error));
  std::sort(names.begin(), names.end());

  for (const std::string& name : names) {
    std::string path = shown + name;
    std::string rel_path = rel.empty() ? name : rel + "/" + name;
    bool excluded = false;
    for (const std::string& glob : options_.exclude)
      if (MatchGlob(glob, rel_path)) excluded = true;
    if (excluded) continue;
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) {
      Error(path + ": " + ErrnoText(errno) + (errno == ENOENT ? " (broken link), skipped" : ""));
      continue;
    }
    if (S_ISDIR(st.st_mode)) {
      // Links to folders are followed; a folder reached a second time (a
      // loop, or two links to one folder) is said and skipped.
      if (!folders_seen_.insert({st.st_dev, st.st_ino}).second) {
        if (options_.on_note) options_.on_note(path + "/: a folder already read (through a link), skipped");
        continue;
      }
      if (!WalkFolder(root, path, rel_path)) return false;
      continue;
    }
    if (!S_ISREG(st.st_mode)) continue;
    FileFormat format = IsJsonlPath(name) ? FileFormat::kJsonl : FileFormat::kText;
    if (!options_.include.empty()) {
      bool included = false;
      for (const std::string& glob : options_.include)
        if (MatchGlob(glob, rel_path)) included = true;
      if (!included) continue;
    } else if (!IsKnownType(name)) {
      continue;
    }
    if (!ReadFile(path, format)) return false;
  }
  return true;
}

bool Walker::ReadFile(const std::string& path, FileFormat format) {
  // O_NONBLOCK: opening a FIFO nobody writes to returns at once (and then
  // reads as empty) instead of waiting forever; reads block again below.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    Error(path + ": " + ErrnoText(errno));
    return true;
  }
  FdCloser closer(fd);
  if (int flags = ::fcntl(fd, F_GETFL); flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
  if (counters_) ++counters_->files;
  struct stat st;
  size_t size_hint = 0;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
    size_hint = static_cast<size_t>(st.st_size);
    if (format == FileFormat::kText && size_hint > options_.max_document_bytes) {
      Error(path + ": file too large (" + std::to_string(size_hint) + " bytes, limit " +
            std::to_string(options_.max_document_bytes) + "), skipped");
      return true;
    }
  }
  if (format == FileFormat::kJsonl) return ReadJsonl(fd, path, "");
  return ReadText(fd, path, "", size_hint);
}

bool Walker::ReadStdin() {
  if (counters_) ++counters_->files;
  // Sniff: JSONL when the first non-blank byte is '{'.
  std::string prefix;
  for (;;) {
    size_t old = prefix.size();
    prefix.resize(old + kChunkBytes);
    ssize_t got = ReadSome(0, prefix.data() + old, kChunkBytes);
    if (got < 0) {
      Error(std::string("-: read error: ") + std::strerror(errno));
      return true;
    }
    prefix.resize(old + static_cast<size_t>(got));
    size_t first = prefix.find_first_not_of(" \t\r\n");
    if (got == 0 || first != std::string::npos) {
      if (first != std::string::npos && prefix[first] == '{') return ReadJsonl(0, "-", std::move(prefix));
      return ReadText(0, "-", std::move(prefix), 0);
    }
    if (prefix.size() > options_.max_document_bytes) return ReadText(0, "-", std::move(prefix), 0);
  }
}

bool Walker::ReadText(int fd, const std::string& name, std::string prefix, size_t size_hint) {
  std::string bytes = std::move(prefix);
  CountBytes(bytes.size());
  const size_t limit = options_.max_document_bytes;
  // One read for a regular file: ask for one byte more than its size to see
  // EOF, or that it grew.
  size_t step = std::max<size_t>(size_hint + 1, 64 << 10);
  for (;;) {
    if (bytes.size() > limit) {
      Error(name + ": file too large (more than " + std::to_string(limit) + " bytes), skipped");
      return true;
    }
    size_t want = std::min(step, limit + 1 - bytes.size());
    size_t old = bytes.size();
    bytes.resize(old + want);
    ssize_t got = ReadSome(fd, bytes.data() + old, want);
    if (got < 0) {
      Error(name + ": read error: " + std::strerror(errno));
      return true;
    }
    bytes.resize(old + static_cast<size_t>(got));
    CountBytes(static_cast<size_t>(got));
    if (got == 0) break;
    step = std::max<size_t>(step, kChunkBytes);
  }
  Document doc;
  Status s = ReadTextDocument(name, std::move(bytes), &doc);
  if (!s.ok()) {
    Error(s.message());
    return true;
  }
  return Emit(std::move(doc));
}

bool Walker::FinishLine(const std::string& name, uint64_t line_number, std::string_view line,
                        bool* any_document) {
  Document doc;
  bool produced = false;
  Status s = ParseJsonlLine(name, line_number, line, options_, &doc, &produced);
  if (!s.ok()) {
    *any_document = true;  // the file is not empty, only bad here
    Error(s.message());
    return true;
  }
  if (!produced) return true;
  *any_document = true;
  return Emit(std::move(doc));
}

bool Walker::ReadJsonl(int fd, const std::string& name, std::string prefix) {
  const size_t limit = options_.max_document_bytes;
  std::unique_ptr<char[]> chunk(new char[kChunkBytes]);
  std::string line;          // the line being assembled across reads
  bool overlong = false;     // the current line passed the limit: skip to '\n'
  uint64_t line_number = 0;
  uint64_t overlong_bytes = 0;
  bool any_document = false;  // a non-blank line was seen
  bool sniffed = false;

  // Returns false to stop: a binary file, or a cancel.
  auto handle = [&](const char* data, size_t n) -> bool {
    if (!sniffed) {
      sniffed = true;
      const void* nul = std::memchr(data, '\0', std::min<size_t>(n, 8192));
      if (nul != nullptr) {
        Error(name + ": binary file (NUL byte at offset " +
              std::to_string(static_cast<const char*>(nul) - data) + "), skipped");
        return false;
      }
    }
    const char* p = data;
    const char* end = data + n;
    while (p < end) {
      const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
      const char* piece_end = nl ? nl : end;
      size_t piece = static_cast<size_t>(piece_end - p);
      if (overlong) {
        overlong_bytes += piece;
      } else if (line.size() + piece > limit) {
        overlong = true;
        overlong_bytes = line.size() + piece;
        std::string().swap(line);  // give the memory back
      } else if (nl && line.empty()) {
        // Whole line inside this chunk: parse it in place.
        if (!FinishLine(name, ++line_number, std::string_view(p, piece), &any_document)) return false;
        p = nl + 1;
        continue;
      } else {
        line.append(p, piece);
      }
      if (!nl) break;
      ++line_number;
      if (overlong) {
        Error(name + ":" + std::to_string(line_number) + ": line too long (" +
              std::to_string(overlong_bytes) + " bytes, limit " + std::to_string(limit) + "), skipped");
        any_document = true;
        overlong = false;
      } else if (!FinishLine(name, line_number, line, &any_document)) {
        return false;
      }
      line.clear();
      if (line.capacity() > kChunkBytes * 4) std::string().swap(line);  // after a long line
      p = nl + 1;
    }
    return true;
  };

  bool stop = false;
  if (!prefix.empty()) {
    CountBytes(prefix.size());
    if (!handle(prefix.data(), prefix.size())) stop = true;
  }
  std::string().swap(prefix);
  while (!stop) {
    ssize_t got = ReadSome(fd, chunk.get(), kChunkBytes);
    if (got < 0) {
      Error(name + ": read error: " + std::strerror(errno));
      return true;
    }
    if (got == 0) break;
    CountBytes(static_cast<size_t>(got));
    if (!handle(chunk.get(), static_cast<size_t>(got))) stop = true;
  }
  if (stop) return !cancelled_;  // a binary file (reported) or a cancel
  // The last line, without a final newline.
  ++line_number;
  if (overlong) {
    Error(name + ":" + std::to_string(line_number) + ": line too long (" +
          std::to_string(overlong_bytes) + " bytes, limit " + std::to_string(limit) + "), skipped");
    any_document = true;
  } else if (!line.empty()) {
    if (!FinishLine(name, line_number, line, &any_document)) return false;
  }
  if (!any_document) Error(name + ": empty file, skipped");
  return true;
}

}  // namespace

Status ReadDocuments(const std::vector<std::string>& paths, const ReaderOptions& options,
                     const std::function<bool(Document&&)>& on_document,
                     const std::function<void(const std::string&)>& on_error,
                     ReadCounters* counters) {
  Walker walker(options, on_document, on_error, counters);
  for (const std::string& path : paths)
    if (!walker.ReadPath(path)) return Status::Internal("reading cancelled");
  return Status::Ok();
}

}  // namespace geokg::ingest
