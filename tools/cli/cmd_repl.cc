// geokg repl: the interactive front end. Line editing, history and tab
// completion come from GNU readline when stdin is a terminal; otherwise
// lines are read plainly with no prompts (so `echo 'MATCH ...;' | geokg repl`
// works). Everything else is the Repl core (tools/repl/repl.h).
#include <readline/history.h>
#include <readline/readline.h>
#include <unistd.h>

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
#include "tools/repl/repl.h"

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

int RunInteractive(Repl& repl, const graph::GraphView& view) {
  std::string history = HistoryPath();
  using_history();
  if (!history.empty()) {
    if (!std::filesystem::exists(history)) std::ofstream(history).flush();
    read_history(history.c_str());
  }
  rl_readline_name = "geokg";
  rl_attempted_completion_function = CompleteWord;
  static char kQuotes[] = "'\"`";
  static char kBreaks[] = " \t\n(){}[],;=<>|*:";
  rl_completer_quote_characters = kQuotes;
  rl_completer_word_break_characters = kBreaks;
  g_repl = &repl;

  std::cout << "geokg repl: " << view.vertex_count() << " entities, " << view.edge_count()
            << " relations. Queries end with ';'. :help lists the commands.\n";
  while (true) {
    std::string prompt(repl.Prompt());
    char* raw = readline(prompt.c_str());
    if (raw == nullptr) {  // Ctrl-D
      std::cout << "\n";
      break;
    }
    std::string line = raw;
    std::free(raw);
    if (line.find_first_not_of(" \t") != std::string::npos) {
      add_history(line.c_str());
      if (!history.empty()) append_history(1, history.c_str());
    }
    bool go_on = repl.ProcessLine(line, std::cout);
    std::cout.flush();
    if (!go_on) break;
  }
  g_repl = nullptr;
  if (!history.empty()) history_truncate_file(history.c_str(), kHistoryLines);
  return 0;
}

}  // namespace

int RunRepl(const ParsedArgs& args) {
  if (!args.Has("--db")) return Fail(kCmd, "--db DIR is required", 1);
  std::unique_ptr<graph::Store> store;
  if (int rc = OpenStoreReadOnly(kCmd, args, &store); rc != 0) return rc;
  graph::GraphData data;
  if (Status s = store->LoadGraph(&data); !s.ok()) return Fail(kCmd, s.message(), s.ExitCode());
  std::shared_ptr<const graph::GraphView> view = graph::GraphView::Build(std::move(data));
  Repl repl(view, store.get());
  if (args.Has("--all-modalities")) {
    std::ostringstream ignored;
    repl.ProcessLine(":modality all", ignored);
  }

  if (isatty(STDIN_FILENO)) return RunInteractive(repl, *view);
  std::string line;
  while (std::getline(std::cin, line)) {
    if (!repl.ProcessLine(line, std::cout)) break;
  }
  if (repl.InContinuation()) {
    // Input ended inside a query: run what was typed.
    repl.ProcessLine(";", std::cout);
  }
  std::cout.flush();
  return std::cout ? 0 : Fail(kCmd, "cannot write to stdout", 2);
}

}  // namespace geokg::tools
