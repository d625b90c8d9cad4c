#include "tools/repl/script.h"

#include <cctype>

namespace geokg::tools {
namespace {

// Puts the REPL in script mode for one run and restores what it was.
class ScriptScope {
 public:
  ScriptScope(Repl& repl, std::ostream& err)
      : repl_(repl),
        saved_err_(repl.error_stream()),
        saved_echo_(repl.echo_settings()),
        saved_name_(repl.location_name()) {
    repl_.set_error_stream(&err);
    repl_.set_echo_settings(false);
  }
  ~ScriptScope() {
    repl_.set_error_stream(saved_err_);
    repl_.set_echo_settings(saved_echo_);
    repl_.set_location(saved_name_, 0);
  }

 private:
  Repl& repl_;
  std::ostream* saved_err_;
  bool saved_echo_;
  std::string saved_name_;
};

bool IsIdentifier(std::string_view s) {
  if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
  for (char c : s)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
  return true;
}

}  // namespace

ScriptResult RunScript(Repl& repl, std::istream& in, const std::string& name, bool keep_going,
                       std::ostream& out, std::ostream& err) {
  ScriptScope scope(repl, err);
  ScriptResult result;
  std::string line;
  int line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    repl.set_location(name, line_number);
    const bool go_on = repl.ProcessLine(line, out);
    if (repl.failed()) {
      result.status = 1;
      if (!keep_going) {
        repl.CancelInput();
        return result;
      }
    }
    if (!go_on) {
      result.quit = true;
      return result;
    }
  }
  if (repl.InContinuation()) {
    err << name << ":" << repl.statement_line() << ": unterminated statement (no ';' before the end of the input)\n";
    repl.CancelInput();
    result.status = 1;
  }
  return result;
}

bool ParseParamFlag(std::string_view flag, std::string* name, query::Value* value, std::string* error) {
  const size_t eq = flag.find('=');
  if (eq == std::string_view::npos) {
    *error = "--param wants NAME=VALUE, got '" + std::string(flag) + "'";
    return false;
  }
  std::string_view n = flag.substr(0, eq);
  if (!n.empty() && n.front() == '$') n.remove_prefix(1);
  if (!IsIdentifier(n)) {
    *error = "--param: '" + std::string(n) + "' is not a parameter name (letters, digits and _)";
    return false;
  }
  if (!query::ParseParamValue(flag.substr(eq + 1), value)) {
    *error = "--param " + std::string(n) + ": unterminated quote in the value";
    return false;
  }
  *name = std::string(n);
  return true;
}

}  // namespace geokg::tools
