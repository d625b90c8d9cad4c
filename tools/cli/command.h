// The geokg command table: every subcommand, its flags and its help come
// from one table (commands.cc), which drives dispatch, `--help` and the
// top-level usage text.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace geokg::tools {

struct FlagSpec {
  std::string_view name;        // "--db", "-o"
  std::string_view value_name;  // "DIR"; empty for a boolean switch
  std::string_view help;
  bool repeatable = false;
};

// Flags and positional arguments after parsing against a CommandSpec.
struct ParsedArgs {
  std::string command;  // "ingest"
  std::map<std::string, std::vector<std::string>, std::less<>> flags;
  std::vector<std::string> positional;

  bool Has(std::string_view flag) const { return flags.find(flag) != flags.end(); }
  // The last value of `flag`, or `fallback` when absent.
  std::string Get(std::string_view flag, std::string_view fallback = "") const {
    auto it = flags.find(flag);
    return it == flags.end() || it->second.empty() ? std::string(fallback) : it->second.back();
  }
  std::vector<std::string> GetAll(std::string_view flag) const {
    auto it = flags.find(flag);
    return it == flags.end() ? std::vector<std::string>{} : it->second;
  }
};

// A handler returns the process exit status (0 ok, 1 usage or input error,
// 2 internal or storage error) and prints its own one-line errors to stderr
// as "geokg <command>: message".
using CommandHandler = int (*)(const ParsedArgs& args);

struct CommandSpec {
  std::string_view name;
  std::string_view synopsis;  // "--db DIR [--lexicon DIR] PATH..."
  std::string_view summary;   // one line
  std::vector<FlagSpec> flags;
  size_t min_positional = 0;
  size_t max_positional = 0;  // SIZE_MAX for any number
  CommandHandler handler = nullptr;
  std::string_view details = "";  // extra paragraph for --help
};

const std::vector<CommandSpec>& Commands();

// Handlers, one file each (cmd_<name>.cc).
int RunIngest(const ParsedArgs& args);
int RunQuery(const ParsedArgs& args);
int RunRepl(const ParsedArgs& args);
int RunDot(const ParsedArgs& args);
int RunExport(const ParsedArgs& args);
int RunStats(const ParsedArgs& args);
int RunDocs(const ParsedArgs& args);
int RunEval(const ParsedArgs& args);
int RunParse(const ParsedArgs& args);
int RunRetract(const ParsedArgs& args);
int RunMergeStores(const ParsedArgs& args);
int RunReextract(const ParsedArgs& args);
int RunEntity(const ParsedArgs& args);
// The `entity --help` paragraph, from the entity subcommand table (cmd_entity.cc).
std::string EntitySubcommandHelp();

// Prints "geokg <command>: <message>" to stderr and returns `exit_code`.
int Fail(std::string_view command, std::string_view message, int exit_code);

}  // namespace geokg::tools
