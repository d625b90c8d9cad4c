// Status: the error value passed across module boundaries.
//
// A Status is OK or carries a code and a one-line message. Messages that
// concern user input name where the problem is ("file.txt:12: invalid
// UTF-8", "line 1, column 9: unknown relation type"). An OK status holds no
// heap memory. Thread-safe in the usual value sense: distinct objects may be
// used from distinct threads.
#pragma once

#include <string>
#include <utility>

namespace geokg {

enum class StatusCode {
  kOk = 0,
  kInvalidInput,  // the user's file, query or argument is wrong (exit 1)
  kNotFound,      // a named thing does not exist (exit 1)
  kStorage,       // LMDB or filesystem failure, version mismatch (exit 2)
  kInternal,      // a bug or an unexpected state (exit 2)
};

class Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidInput(std::string msg) {
    return Status(StatusCode::kInvalidInput, std::move(msg));
  }
  static Status NotFound(std::string msg) {
    return Status(StatusCode::kNotFound, std::move(msg));
  }
  static Status Storage(std::string msg) {
    return Status(StatusCode::kStorage, std::move(msg));
  }
  static Status Internal(std::string msg) {
    return Status(StatusCode::kInternal, std::move(msg));
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // Process exit status per the CLI contract: 0 ok, 1 user error, 2 internal
  // or storage error.
  int ExitCode() const {
    switch (code_) {
      case StatusCode::kOk: return 0;
      case StatusCode::kInvalidInput:
      case StatusCode::kNotFound: return 1;
      default: return 2;
    }
  }

 private:
  Status(StatusCode code, std::string msg)
      : code_(code), message_(std::move(msg)) {}
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

}  // namespace geokg
