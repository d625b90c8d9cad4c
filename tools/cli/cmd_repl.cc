// geokg repl: the interactive front end. Line editing, history and tab
// completion come from GNU readline (its callback interface, so that Ctrl-C
// can clear the line or cancel a query and leave the session open) when
// stdin is a terminal; otherwise stdin is a script (tools/repl/script.h).
// Everything else is the Repl core (tools/repl/repl.h).
#include <readline/history.h>
#include <readline/readline.h>
#include <sys/select.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "graph/view.h"
#include "tools/cli/open_store.h"
#include "tools/cli/query_flags.h"
#include "tools/repl/repl.h"
#include "tools/repl/script.h"

namespace geokg::tools {

namespace {

constexpr std::string_view kCmd = "repl";
constexpr int kHistoryLines = 2000;

// Readline's completion callbacks are plain functions; they reach the
// session through this pointer, set while the loop runs.
Repl* g_repl = nullptr;
std::vector<std::string> g_matches;

char* NextMatch(const char*, int state) {
  static size_t index = 0;
  if (state == 0) index = 0;
  if (index >= g_matches.size()) return nullptr;
  return strdup(g_matches[index++].c_str());
}

char** CompleteWord(const char* text, int start, int) {
  rl_attempted_completion_over = 1;  // never fall back to file names
  if (g_repl == nullptr) return nullptr;
  std::string word = text;
  bool command = start == 1 && rl_line_buffer[0] == ':';
  if (command) word = ":" + word;
  g_matches = g_repl->Complete(word, rl_completion_quote_character != 0);
  if (command) {
    for (std::string& m : g_matches) m.erase(0, 1);
  }
  if (g_matches.empty()) return nullptr;
  return rl_completion_matches(text, NextMatch);
}

std::string HistoryPath() {
  if (const char* path = std::getenv("GEOKG_HISTORY"); path != nullptr && *path != '\0') {
    return path;
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    return std::string(home) + "/.geokg_history";
  }
  return "";
}

// Ctrl-C: at the prompt it drops the line (and an unfinished query); while a
// query runs it cancels the query. The session goes on either way.
volatile std::sig_atomic_t g_interrupted = 0;
std::atomic<bool> g_cancel{false};

void OnSigint(int) {
  g_interrupted = 1;
  g_cancel.store(true, std::memory_order_relaxed);
}

// One history entry for a whole query typed over several lines: its lines
// without their // comments, joined by spaces (a history file holds one
// line an entry).
std::string HistoryText(const std::string& statement) {
  std::string out;
  size_t begin = 0;
  while (begin <= statement.size()) {
    size_t end = statement.find('\n', begin);
    if (end == std::string::npos) end = statement.size();
    std::string_view line(statement.data() + begin, end - begin);
    char quote = 0;
    size_t cut = line.size();
    for (size_t i = 0; i < line.size(); ++i) {
      const char c = line[i];
      if (quote != 0) {
        if (c == '\\' && quote != '`') ++i;
        else if (c == quote) quote = 0;
      } else if (c == '\'' || c == '"' || c == '`') {
        quote = c;
      } else if (c == '/' && i + 1 < line.size() && line[i + 1] == '/') {
        cut = i;
        break;
      }
    }
    line = line.substr(0, cut);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (!line.empty()) {
      if (!out.empty()) out += ' ';
      out += line;
    }
    begin = end + 1;
  }
  return out;
}

// Ctrl-C at the prompt reaches readline as this key, bound to CancelLine:
// the line is then cleared inside readline's own key dispatch, whatever
// readline was doing when the signal came (even waiting in read() for input
// the terminal flushed on Ctrl-C).
constexpr int kCancelKey = 0x1E;

struct Session {
  Repl* repl = nullptr;
  std::string history_path;
  std::string statement;  // the lines of the query being typed
  bool done = false;
};
Session* g_session = nullptr;

void Remember(const std::string& entry) {
  if (entry.empty()) return;
  add_history(entry.c_str());
  if (!g_session->history_path.empty()) append_history(1, g_session->history_path.c_str());
}

// Readline's callback for a finished line (nullptr: Ctrl-D on an empty line).
void OnLine(char* raw) {
  Session& s = *g_session;
  if (raw == nullptr) {
    std::cout << "\n";
    s.done = true;
    return;
  }
  std::string line = raw;
  std::free(raw);
  const size_t first = line.find_first_not_of(" \t");
  const bool command = !s.repl->InContinuation() && first != std::string::npos && line[first] == ':';
  if (command) {
    Remember(line);
  } else if (first != std::string::npos || s.repl->InContinuation()) {
    if (!s.statement.empty()) s.statement += '\n';
    s.statement += line;
  }
  g_cancel.store(false, std::memory_order_relaxed);
  const bool go_on = s.repl->ProcessLine(line, std::cout);
  std::cout.flush();
  // A Ctrl-C during the query cancelled it; it is not also a Ctrl-C at the
  // next prompt.
  g_interrupted = 0;
  if (!s.repl->InContinuation()) {
    Remember(HistoryText(s.statement));
    s.statement.clear();
  }
  if (!go_on) s.done = true;
  rl_set_prompt(std::string(s.repl->Prompt()).c_str());
}

int CancelLine(int, int) {
  g_interrupted = 0;
  if (g_session != nullptr) {
    g_session->repl->CancelInput();
    g_session->statement.clear();
  }
  rl_replace_line("", 0);
  std::fputs("^C\n", rl_outstream != nullptr ? rl_outstream : stdout);
  if (g_session != nullptr) rl_set_prompt(std::string(g_session->repl->Prompt()).c_str());
  rl_on_new_line();
  return 0;
}

// Readline's input: one byte from the terminal, or kCancelKey once Ctrl-C
// was pressed.
int GetKey(FILE* in) {
  while (true) {
    if (g_interrupted) return kCancelKey;
    unsigned char c;
    const ssize_t n = read(fileno(in), &c, 1);
    if (n == 1) return c;
    if (n == 0 || errno != EINTR) return EOF;
  }
}

int RunInteractive(Repl& repl, const graph::GraphView& view) {
  Session session;
  session.repl = &repl;
  session.history_path = HistoryPath();
  g_session = &session;
  using_history();
  if (!session.history_path.empty()) {
    if (!std::filesystem::exists(session.history_path)) std::ofstream(session.history_path).flush();
    read_history(session.history_path.c_str());
  }
  rl_readline_name = "geokg";
  rl_attempted_completion_function = CompleteWord;
  static char kQuotes[] = "'\"`";
  static char kBreaks[] = " \t\n(){}[],;=<>|*:";
  rl_completer_quote_characters = kQuotes;
  rl_completer_word_break_characters = kBreaks;
  g_repl = &repl;
  repl.set_cancel_flag(&g_cancel);

  // Our own SIGINT handler, without SA_RESTART, so that select() returns
  // and the loop below clears the line; readline installs none.
  rl_catch_signals = 0;
  struct sigaction action {}, previous {};
  action.sa_handler = OnSigint;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;
  sigaction(SIGINT, &action, &previous);
  // A parent may have left SIGINT blocked (test runners do): unblock it.
  sigset_t sigint;
  sigemptyset(&sigint);
  sigaddset(&sigint, SIGINT);
  sigprocmask(SIG_UNBLOCK, &sigint, nullptr);

  std::cout << "geokg repl: " << view.vertex_count() << " entities, " << view.edge_count()
            << " relations. Queries end with ';'. Ctrl-C clears the line or cancels a query; "
               ":help lists the commands.\n";
  std::cout.flush();
  rl_getc_function = GetKey;
  rl_bind_key(kCancelKey, CancelLine);
  rl_callback_handler_install(std::string(repl.Prompt()).c_str(), OnLine);
  while (!session.done) {
    if (!g_interrupted) {
      fd_set fds;
      FD_ZERO(&fds);
      FD_SET(STDIN_FILENO, &fds);
      const int ready = select(STDIN_FILENO + 1, &fds, nullptr, nullptr, nullptr);
      if (ready < 0 && errno != EINTR) break;
      if (ready < 0 && !g_interrupted) continue;
    }
    rl_callback_read_char();  // a key, or kCancelKey after Ctrl-C
  }
  rl_callback_handler_remove();
  sigaction(SIGINT, &previous, nullptr);
  repl.set_cancel_flag(nullptr);
  g_repl = nullptr;
  g_session = nullptr;
  if (!session.history_path.empty()) history_truncate_file(session.history_path.c_str(), kHistoryLines);
  return 0;
}

}  // namespace

int RunRepl(const ParsedArgs& args) {
  if (!args.Has("--db")) return Fail(kCmd, "--db DIR is required", 1);
  // Flags first: a usage error is reported before the store is opened.
  query::QueryOptions options;
  if (int rc = QueryOptionsFromFlags(kCmd, args, &options); rc != 0) return rc;
  std::unique_ptr<graph::Store> store;
  if (int rc = OpenStoreReadOnly(kCmd, args, &store); rc != 0) return rc;
  std::shared_ptr<const graph::GraphView> view;
  if (Status s = store->LoadView(&view); !s.ok()) return Fail(kCmd, s.message(), s.ExitCode());
  Repl repl(view, store.get());
  options.window_stats = repl.query_options().window_stats;  // set by the Repl from the store
  repl.mutable_query_options() = std::move(options);

  if (isatty(STDIN_FILENO)) return RunInteractive(repl, *view);
  // A script on stdin: results on stdout, errors on stderr.
  ScriptResult result = RunScript(repl, std::cin, "<stdin>", args.Has("--continue"), std::cout, std::cerr);
  std::cout.flush();
  return result.status;
}

}  // namespace geokg::tools
