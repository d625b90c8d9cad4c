// Scripts: REPL input (queries ending with ';', and :commands) read from a
// file or a pipe rather than typed. `geokg query -f FILE`, `geokg repl` with
// a non-terminal stdin and the REPL's `:source FILE` all run through here.
//
// Results go to `out`; each error goes to `err` as one line
// "NAME:LINE:COLUMN: message" (LINE and COLUMN in the script). Settings
// commands do not echo (so `:format csv` leaves CSV output clean). The
// script stops at the first failing statement or command unless
// `keep_going`; input that ends inside a statement (no closing ';') is an
// error.
#pragma once

#include <istream>
#include <ostream>
#include <string>

#include "tools/repl/repl.h"

namespace geokg::tools {

struct ScriptResult {
  int status = 0;     // 0: every statement ran; 1: at least one failed
  bool quit = false;  // the script ran :quit
};

ScriptResult RunScript(Repl& repl, std::istream& in, const std::string& name, bool keep_going,
                       std::ostream& out, std::ostream& err);

// Splits "NAME=VALUE" (a --param flag) and reads VALUE as
// query::ParseParamValue does. Returns false, with *error set, when there is
// no '=' or NAME is not an identifier.
bool ParseParamFlag(std::string_view flag, std::string* name, query::Value* value, std::string* error);

}  // namespace geokg::tools
