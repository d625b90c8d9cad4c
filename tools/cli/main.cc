// geokg: the command-line entry point. Parses argv against the command table
// (commands.cc) and dispatches; every usage error is one line on stderr and
// exit status 1.
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <streambuf>
#include <string>
#include <string_view>

#include "graph/escape.h"
#include "tools/cli/command.h"

namespace geokg::tools {
namespace {

constexpr std::string_view kVersion = "0.1.0";

void PrintUsage(std::ostream& out) {
  out << "usage: geokg COMMAND [OPTIONS]\n\n"
         "geokg builds a geopolitical knowledge graph from news text and answers\n"
         "relationship questions about it.\n\ncommands:\n";
  // The summaries line up one column past the longest command name.
  std::size_t width = 0;
  for (const CommandSpec& c : Commands()) width = std::max(width, c.name.size());
  for (const CommandSpec& c : Commands()) {
    std::string name(c.name);
    name.resize(width + 2, ' ');
    out << "  " << name << c.summary << "\n";
  }
  out << "\n'geokg COMMAND --help' describes a command. Exit status: 0 ok, 1 usage or\n"
         "input error, 2 internal or storage error.\n";
}

void PrintCommandHelp(const CommandSpec& c, std::ostream& out) {
  out << "usage: geokg " << c.name << " " << c.synopsis << "\n\n" << c.summary << "\n\noptions:\n";
  for (const FlagSpec& f : c.flags) {
    std::string left(f.name);
    if (!f.value_name.empty()) left += " " + std::string(f.value_name);
    if (left.size() < 22) left.resize(22, ' ');
    out << "  " << left << "  " << f.help << (f.repeatable ? " (repeatable)" : "") << "\n";
  }
  out << "  --help                  this text\n";
  if (!c.details.empty()) out << "\n" << c.details << "\n";
}

const FlagSpec* FindFlag(const CommandSpec& c, std::string_view name) {
  for (const FlagSpec& f : c.flags)
    if (f.name == name) return &f;
  return nullptr;
}

// Returns an empty string on success, else the one-line error.
std::string ParseArgs(const CommandSpec& spec, int argc, char** argv, ParsedArgs* out) {
  out->command = std::string(spec.name);
  bool only_positional = false;
  for (int i = 0; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (only_positional || arg == "-" || arg.size() < 2 || arg[0] != '-') {
      out->positional.emplace_back(arg);
      continue;
    }
    if (arg == "--") {
      only_positional = true;
      continue;
    }
    std::string_view name = arg, value;
    bool has_inline_value = false;
    if (size_t eq = arg.find('='); eq != std::string_view::npos && arg.rfind("--", 0) == 0) {
      name = arg.substr(0, eq);
      value = arg.substr(eq + 1);
      has_inline_value = true;
    }
    const FlagSpec* flag = FindFlag(spec, name);
    if (flag == nullptr) return "unknown option '" + std::string(name) + "' (see 'geokg " + out->command + " --help')";
    auto& values = out->flags[std::string(flag->name)];
    if (!values.empty() && !flag->repeatable && flag->value_name.empty())
      return "option '" + std::string(name) + "' given twice";
    if (flag->value_name.empty()) {
      if (has_inline_value) return "option '" + std::string(name) + "' takes no value";
      values.emplace_back("1");
      continue;
    }
    if (!has_inline_value) {
      if (i + 1 >= argc) return "option '" + std::string(name) + "' needs a value " + std::string(flag->value_name);
      value = argv[++i];
    }
    if (!values.empty() && !flag->repeatable) values.clear();
    values.emplace_back(value);
  }
  if (out->positional.size() < spec.min_positional)
    return "missing argument: usage: geokg " + out->command + " " + std::string(spec.synopsis);
  if (out->positional.size() > spec.max_positional)
    return "unexpected argument '" + out->positional[spec.max_positional] + "'";
  return "";
}

}  // namespace

int Fail(std::string_view command, std::string_view message, int exit_code) {
  std::cerr << "geokg " << command << ": " << graph::OneLine(message) << "\n";
  return exit_code;
}

namespace {

// std::cout's buffer: writes to fd 1 and keeps the errno of the first write
// that failed, which is long gone by the time the command returns.
class StdoutBuffer : public std::streambuf {
 public:
  StdoutBuffer() { setp(buffer_, buffer_ + sizeof buffer_); }
  ~StdoutBuffer() override { sync(); }
  int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override {
    if (!Drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override { return Drain() ? 0 : -1; }

 private:
  bool Drain() {
    const char* p = pbase();
    while (p < pptr()) {
      ssize_t n = ::write(STDOUT_FILENO, p, static_cast<size_t>(pptr() - p));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        if (error_ == 0) error_ = n < 0 ? errno : EIO;
        setp(buffer_, buffer_ + sizeof buffer_);  // drop what cannot be written
        return false;
      }
      p += n;
    }
    setp(buffer_, buffer_ + sizeof buffer_);
    return true;
  }
  char buffer_[1 << 16];
  int error_ = 0;
};

StdoutBuffer* g_stdout = nullptr;

// Every command's output ends here: stdout is flushed and checked once, so
// that a full disk or a closed descriptor is exit status 2 with a reason
// (stats > /dev/full), whichever command wrote.
int FinishOutput(std::string_view command, int rc) {
  std::cout.flush();
  if (std::cout) return rc;
  const int err = g_stdout != nullptr ? g_stdout->error() : 0;
  return Fail(command, std::string("cannot write to stdout") + (err != 0 ? std::string(": ") + std::strerror(err) : ""),
              2);
}

}  // namespace

int Main(int argc, char** argv) {
  if (argc < 2) {
    PrintUsage(std::cerr);
    return 1;
  }
  std::string_view name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    PrintUsage(std::cout);
    return FinishOutput("help", 0);
  }
  if (name == "--version") {
    std::cout << "geokg " << kVersion << "\n";
    return FinishOutput("--version", 0);
  }
  for (const CommandSpec& spec : Commands()) {
    if (spec.name != name) continue;
    for (int i = 2; i < argc; ++i) {
      if (std::strcmp(argv[i], "--") == 0) break;
      if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
        PrintCommandHelp(spec, std::cout);
        return FinishOutput(spec.name, 0);
      }
    }
    ParsedArgs args;
    std::string error = ParseArgs(spec, argc - 2, argv + 2, &args);
    if (!error.empty()) return Fail(spec.name, error, 1);
    for (const FlagSpec& f : spec.flags)
      if (f.name == "--db" && !args.Has("--db")) return Fail(spec.name, "missing --db DIR", 1);
    return FinishOutput(spec.name, spec.handler(args));
  }
  std::cerr << "geokg: unknown command '" << name << "' (see 'geokg --help')\n";
  return 1;
}

}  // namespace geokg::tools

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  geokg::tools::StdoutBuffer out;
  std::streambuf* original = std::cout.rdbuf(&out);
  geokg::tools::g_stdout = &out;
  const int rc = geokg::tools::Main(argc, argv);
  std::cout.flush();
  std::cout.rdbuf(original);
  geokg::tools::g_stdout = nullptr;
  return rc;
}
