// geokg export: the whole graph as JSONL (DESIGN.md contract), CSV for Kùzu
// and neo4j-admin import, or GraphML for networkx and yEd. The formats are
// written by tools/export (export.h); this file reads the flags.
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>

#include "tools/cli/open_store.h"
#include "tools/export/export.h"

namespace geokg::tools {

int RunExport(const ParsedArgs& args) {
  constexpr std::string_view kCmd = "export";
  std::string format = args.Get("--format");
  if (format != "jsonl" && format != "csv" && format != "graphml")
    return Fail(kCmd, "--format must be jsonl, csv or graphml", 1);
  ExportOptions options;
  options.all_modalities = args.Has("--all-modalities");
  if (args.Has("--max-evidence")) {
    try {
      options.max_evidence = std::stoul(args.Get("--max-evidence"));
    } catch (...) {
      return Fail(kCmd, "--max-evidence needs a number", 1);
    }
  }
  std::unique_ptr<graph::Store> store;
  if (int rc = OpenStoreReadOnly(kCmd, args, &store); rc != 0) return rc;

  Status s;
  if (format == "csv") {
    s = ExportCsv(*store, options, args.Get("-o", "export"));
  } else {
    std::ofstream file;
    std::ostream* out = &std::cout;
    if (args.Has("-o")) {
      file.open(args.Get("-o"), std::ios::binary);
      if (!file) return Fail(kCmd, args.Get("-o") + ": cannot open for writing: " + std::strerror(errno), 1);
      out = &file;
    }
    s = format == "jsonl" ? ExportJsonl(*store, options, *out) : ExportGraphml(*store, options, *out);
    out->flush();
  }
  if (!s.ok()) return Fail(kCmd, s.message(), s.ExitCode());
  return 0;
}

}  // namespace geokg::tools
