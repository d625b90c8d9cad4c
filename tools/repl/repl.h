// Repl: the core of `geokg repl`, a function from one input line to output,
// separate from the line editor (readline lives in tools/cli/cmd_repl.cc),
// so that it is tested without a terminal.
//
// Input is either a command (a line starting with ':', see Commands()) or a
// query. A query may span lines and ends with ';' (outside quotes); until
// then lines are buffered and Prompt() shows the continuation prompt. A
// command line typed while a query is unfinished discards that query.
//
// Results print as aligned tables (or JSON/CSV, see :format) and become the
// "last result" that :dot draws. :path and :around also set it.
//
// Errors (a bad query, an unknown name, a command's misuse) go to the error
// stream (set_error_stream; by default the output) and set failed() until
// the next line. Scripts (script.h) set a location, so that errors read
// "FILE:LINE:COLUMN: message", and turn settings' echo off.
//
// Thread safety: none; one Repl per session. The cancel flag may be set
// from a signal handler while a query runs.
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "graph/store.h"
#include "graph/view.h"
#include "query/engine.h"

namespace geokg::tools {

class Repl;

// One REPL command. The table of these drives both dispatch and :help.
struct ReplCommand {
  std::string_view name;  // ":path"
  std::string_view args;  // "A B"
  std::string_view help;  // one line
  // Runs the command on the text after its name; returns false to quit.
  bool (Repl::*handler)(std::string_view args, std::ostream& out);
};

enum class OutputFormat { kTable, kJson, kCsv };

class Repl {
 public:
  // `view` must not be null. `store` may be null (then :why says that no
  // store is open); when given it must outlive the Repl.
  Repl(std::shared_ptr<const graph::GraphView> view, const graph::Store* store);

  // Handles one line (without its newline), writing any output to `out`.
  // Returns false when the session should end (:quit).
  bool ProcessLine(std::string_view line, std::ostream& out);

  // "geokg> ", or "   ...> " while a query is unfinished.
  std::string_view Prompt() const;
  bool InContinuation() const { return !pending_.empty(); }
  // Drops an unfinished query (Ctrl-C at the prompt).
  void CancelInput() { pending_.clear(); }

  // Where errors go (nullptr: the output stream of each call).
  void set_error_stream(std::ostream* err) { err_ = err; }
  std::ostream* error_stream() const { return err_; }
  // Whether settings commands (:format, :timing, :modality, :param, :width)
  // echo the new setting. On by default; scripts turn it off.
  void set_echo_settings(bool on) { echo_settings_ = on; }
  bool echo_settings() const { return echo_settings_; }
  // The file name and line number of the next line given to ProcessLine;
  // an empty name (the default) prints errors without a location.
  void set_location(std::string name, int line);
  const std::string& location_name() const { return location_name_; }
  // The line the unfinished (or last) query started on.
  int statement_line() const { return statement_line_; }
  // True when the last line ended a statement or ran a command that failed.
  bool failed() const { return failed_; }
  // A flag that, once true, stops the running query ("query cancelled").
  void set_cancel_flag(const std::atomic<bool>* cancel) { query_options_.cancel = cancel; }
  query::QueryOptions& mutable_query_options() { return query_options_; }
  void set_format(OutputFormat format) { format_ = format; }
  // Nesting of :source (a file sourcing itself stops at kMaxSourceDepth).
  int source_depth() const { return source_depth_; }
  static constexpr int kMaxSourceDepth = 16;

  // Completion candidates for `word` (the text before the cursor back to the
  // last word break). `in_quotes` is true when the word follows an open
  // quote: names are then returned bare, otherwise names with spaces or
  // quotes come back single-quoted. Sorted, at most `limit`.
  std::vector<std::string> Complete(std::string_view word, bool in_quotes, size_t limit = 200) const;

  // The command table (in :help order).
  static const std::vector<ReplCommand>& Commands();

  // Settings, for tests and the front end.
  OutputFormat format() const { return format_; }
  const query::QueryOptions& query_options() const { return query_options_; }
  const query::ResultSet& last_result() const { return last_result_; }

 private:
  bool RunQueryText(const std::string& text, std::ostream& out);
  void PrintResult(const query::ResultSet& rs, std::ostream& out) const;
  void PrintTiming(std::chrono::steady_clock::time_point start, std::ostream& out) const;
  // Visible under the current modality setting.
  bool EdgeVisible(graph::EdgeIndex e) const;
  // Resolves a name, reporting "no entity named ..." when unknown.
  bool Resolve(std::string_view name, std::vector<graph::VertexIndex>* out_vertices, std::ostream& out) const;
  // Marks the line as failed and returns the stream its error goes to,
  // with "FILE:LINE: " written when a location is set.
  std::ostream& Fail(std::ostream& out) const;
  void ReportQueryError(const query::QueryError& error, const std::string& text, std::ostream& out) const;

  // Command handlers (repl_commands.cc).
  bool Schema(std::string_view args, std::ostream& out);
  bool Path(std::string_view args, std::ostream& out);
  bool Around(std::string_view args, std::ostream& out);
  bool Why(std::string_view args, std::ostream& out);
  bool Docs(std::string_view args, std::ostream& out);
  bool Dot(std::string_view args, std::ostream& out);
  bool Format(std::string_view args, std::ostream& out);
  bool Timing(std::string_view args, std::ostream& out);
  bool Modality(std::string_view args, std::ostream& out);
  bool Param(std::string_view args, std::ostream& out);
  bool Width(std::string_view args, std::ostream& out);
  bool Source(std::string_view args, std::ostream& out);
  bool Help(std::string_view args, std::ostream& out);
  bool Quit(std::string_view args, std::ostream& out);

  std::shared_ptr<const graph::GraphView> view_;
  const graph::Store* store_;
  std::string pending_;  // an unfinished multi-line query
  OutputFormat format_ = OutputFormat::kTable;
  bool timing_ = false;
  bool echo_settings_ = true;
  size_t cell_width_ = 80;  // table cells longer than this are cut (0: never)
  std::ostream* err_ = nullptr;
  std::string location_name_;
  int location_line_ = 0, statement_line_ = 0, statement_column_ = 0;
  int source_depth_ = 0;
  mutable bool failed_ = false;
  query::QueryOptions query_options_;
  query::ResultSet last_result_;
  std::string last_title_;  // what produced last_result_, as a diagram title
};

// Splits command arguments into words: whitespace separates, '...' and
// "..." quote (backslash escapes the next character inside quotes).
// Exposed for tests.
std::vector<std::string> SplitWords(std::string_view text);

// True when `text` ends with ';' outside any quote ('', "", ``).
bool EndsStatement(std::string_view text);

// The statements of `text` cut at each ';' outside quotes and // comments
// (without the ';'), with the line (0-based, from the start of `text`) and
// column (0-based, in bytes) each starts at. Text after the last ';' is
// a last piece.
struct StatementPiece {
  std::string text;
  int line_offset = 0;
  int column_offset = 0;
};
std::vector<StatementPiece> SplitStatements(std::string_view text);

}  // namespace geokg::tools
