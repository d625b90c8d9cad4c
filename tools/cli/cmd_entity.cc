// geokg entity SUBCOMMAND --db DIR ...
//
// Curation of a store's entities. The subcommands are one table
// (kEntitySubcommands): its rows drive dispatch, the flags each one takes
// and the help paragraph of `geokg entity --help`.
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <cstdint>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>

#include "graph/date.h"
#include "graph/ids.h"
#include "graph/ontology.h"
#include "graph/store.h"
#include "graph/view.h"
#include "ingest/reader.h"
#include "tools/cli/command.h"
#include "tools/cli/open_store.h"
#include "tools/entity/rules_file.h"
#include "tools/entity/suggest.h"
#include "tools/render/subgraph.h"

namespace geokg::tools {
namespace {

constexpr std::string_view kCmd = "entity";

struct EntitySubcommand {
  std::string_view name;
  std::string_view synopsis;  // after "geokg entity NAME"
  std::string_view summary;
  std::vector<std::string_view> flags;  // accepted besides --db
  size_t min_args = 0, max_args = 0;    // positionals after the subcommand's name
  int (*run)(const ParsedArgs& args);
};

int RunSuggestMerges(const ParsedArgs& args);
int RunMerge(const ParsedArgs& args);
int RunShow(const ParsedArgs& args);
int RunRules(const ParsedArgs& args);
int RunRename(const ParsedArgs& args);
int RunSetKind(const ParsedArgs& args);
int RunSetCountry(const ParsedArgs& args);
int RunAlias(const ParsedArgs& args);
int RunImport(const ParsedArgs& args);

const std::vector<EntitySubcommand>& Subcommands() {
  static const std::vector<EntitySubcommand> kEntitySubcommands = {
      {"suggest-merges",
       "--db DIR [--limit N] [--kind KIND]",
       "entities that probably name one thing, best first, each with the command that merges them",
       {"--limit", "--kind"},
       0,
       0,
       RunSuggestMerges},
      {"merge",
       "--db DIR KEEP FOLD",
       "fold entity FOLD into KEEP (relations, evidence, mentions, names), kept as a rule for later ingests",
       {},
       2,
       2,
       RunMerge},
      {"show",
       "--db DIR [--limit N] NAME",
       "everything known about one entity: names, kind, country, counts, relations and its newest documents",
       {"--limit"},
       1,
       1,
       RunShow},
      {"rename",
       "--db DIR NAME NEW-NAME",
       "give an entity a new canonical name (the old one stays an alias)",
       {},
       2,
       2,
       RunRename},
      {"set-kind",
       "--db DIR NAME KIND",
       "change an entity's kind (country, armed-group, person, ...)",
       {},
       2,
       2,
       RunSetKind},
      {"set-country",
       "--db DIR NAME CODE",
       "set an entity's country (ISO alpha-3, e.g. IRQ; '-' for none)",
       {},
       2,
       2,
       RunSetCountry},
      {"alias",
       "--db DIR add|remove NAME ALIAS",
       "add a name that finds an entity, or take one away",
       {},
       3,
       3,
       RunAlias},
      {"rules",
       "--db DIR",
       "the curation rules the store keeps (merges and edits), as a file 'entity import' reads",
       {},
       0,
       0,
       RunRules},
      {"import",
       "--db DIR FILE",
       "load a rules file (from 'entity rules'): applied now where the entities are stored, kept for later ingests",
       {},
       1,
       1,
       RunImport},
  };
  return kEntitySubcommands;
}

// A path as a POSIX shell reads it: bare when it holds only safe characters.
std::string ShellWord(std::string_view text) {
  for (char c : text)
    if (!(std::isalnum(static_cast<unsigned char>(c)) ||
          std::string_view("/._-+=:,@%").find(c) != std::string_view::npos))
      return entity::ShellQuote(text);
  return text.empty() ? "''" : std::string(text);
}

std::string Describe(const graph::Entity& e) {
  return e.name + " [" + std::string(graph::NameOf(e.kind)) + " " + (e.country.empty() ? "-" : e.country) +
         ", " + std::to_string(e.mentions) + (e.mentions == 1 ? " mention]" : " mentions]");
}

int RunSuggestMerges(const ParsedArgs& args) {
  size_t limit = 50;
  if (args.Has("--limit")) {
    try {
      size_t used = 0;
      long long n = std::stoll(args.Get("--limit"), &used);
      if (n < 0 || used != args.Get("--limit").size()) throw std::invalid_argument("");
      limit = static_cast<size_t>(n);
    } catch (...) {
      return Fail(kCmd, "--limit: expected a number (0: all)", 1);
    }
  }
  entity::SuggestOptions options;
  if (args.Has("--kind")) {
    options.kind = graph::ParseKind(args.Get("--kind"));
    if (!options.kind) {
      std::string hint = graph::SuggestKind(args.Get("--kind"));
      return Fail(kCmd,
                  "unknown kind '" + args.Get("--kind") + "'" +
                      (hint.empty() ? "" : " (did you mean '" + hint + "'?)"),
                  1);
    }
  }
  std::unique_ptr<graph::Store> store;
  if (int rc = OpenStoreReadOnly(kCmd, args, &store); rc != 0) return rc;
  graph::GraphData data;
  Status s = store->LoadGraph(&data);
  if (!s.ok()) return Fail(kCmd, s.message(), s.ExitCode() == 0 ? 2 : s.ExitCode());

  const std::vector<entity::MergeCandidate> candidates = entity::SuggestMerges(data, options);
  const std::string db = ShellWord(args.Get("--db"));
  const size_t shown = limit == 0 ? candidates.size() : std::min(limit, candidates.size());
  for (size_t k = 0; k < shown; ++k) {
    const entity::MergeCandidate& c = candidates[k];
    const graph::Entity& drop = data.entities[c.drop];
    std::ostringstream line;
    line << std::fixed << std::setprecision(2) << std::setw(6) << c.score << "  ";
    std::string reason = c.reason;
    if (c.shared_neighbours > 0)
      reason += "; " + std::to_string(c.shared_neighbours) +
                (c.shared_neighbours == 1 ? " shared neighbour" : " shared neighbours");
    if (c.keep) {
      const graph::Entity& keep = data.entities[*c.keep];
      line << Describe(keep) << " <- " << Describe(drop) << "  " << reason << "  $ geokg entity merge --db "
           << db << " " << entity::ShellQuote(keep.name) << " " << entity::ShellQuote(drop.name);
    } else {
      line << Describe(drop) << " -> " << c.clean_name << "  " << reason << "  $ geokg entity rename --db "
           << db << " " << entity::ShellQuote(drop.name) << " " << entity::ShellQuote(c.clean_name);
    }
    std::cout << line.str() << "\n";
  }
  if (candidates.empty())
    std::cerr << "geokg entity: no merge candidates\n";
  else if (shown < candidates.size())
    std::cerr << "geokg entity: " << shown << " of " << candidates.size()
              << " candidates shown (--limit 0 shows all)\n";
  std::cout.flush();
  return 0;  // main checks stdout
}

// Opens the store for writing and builds its graph view, to find entities
// by name.
int OpenWritable(const ParsedArgs& args, std::unique_ptr<graph::Store>* store,
                 std::shared_ptr<const graph::GraphView>* view, bool create = false) {
  if (!args.Has("--db")) return Fail(kCmd, "missing --db DIR", 1);
  graph::StoreOptions options;
  options.create_if_missing = create;
  if (Status s = graph::Store::Open(args.Get("--db"), options, store); !s.ok())
    return Fail(kCmd, s.message(), s.ExitCode());
  if (Status s = (*store)->LoadView(view); !s.ok()) return Fail(kCmd, s.message(), s.ExitCode());
  return 0;
}

// The one entity `name` names, or a failure (unknown or ambiguous name)
// that says nothing was changed.
int FindOne(const graph::GraphView& view, const std::string& name, graph::Entity* entity) {
  std::vector<graph::VertexIndex> found;
  Status s = ResolveName(view, name, &found);
  if (!s.ok()) return Fail(kCmd, s.message() + "; nothing was changed", 1);
  *entity = view.entity(found[0]);
  return 0;
}

int RunMerge(const ParsedArgs& args) {
  std::unique_ptr<graph::Store> store;
  std::shared_ptr<const graph::GraphView> view;
  if (int rc = OpenWritable(args, &store, &view); rc != 0) return rc;
  graph::EntityId ids[2];
  for (int i = 0; i < 2; ++i) {
    graph::Entity e;
    if (int rc = FindOne(*view, args.positional[1 + i], &e); rc != 0) return rc;
    ids[i] = e.id;
  }
  if (ids[0] == ids[1])
    return Fail(kCmd, "'" + args.positional[1] + "' and '" + args.positional[2] + "' are one entity already", 1);
  graph::MergeResult r;
  if (Status s = store->MergeEntities(ids[0], ids[1], &r); !s.ok()) return Fail(kCmd, s.message(), s.ExitCode());
  std::cout << "geokg entity: merged '" << args.positional[2] << "' into '" << args.positional[1] << "': "
            << r.relations_moved << " relations moved, " << r.relations_merged << " merged with existing ones, "
            << r.relations_dropped << " between the two dropped, " << r.documents_moved
            << " document mentions moved; later ingests and reextract apply the merge\n";
  return 0;
}

// Opens the store read-only and builds the graph view.
int OpenView(const ParsedArgs& args, std::unique_ptr<graph::Store>* store,
             std::shared_ptr<const graph::GraphView>* view) {
  if (!args.Has("--db")) return Fail(kCmd, "missing --db DIR", 1);
  if (int rc = OpenStoreReadOnly(kCmd, args, store); rc != 0) return rc;
  if (Status s = (*store)->LoadView(view); !s.ok()) return Fail(kCmd, s.message(), s.ExitCode());
  return 0;
}

int RunShow(const ParsedArgs& args) {
  size_t limit = 20;
  if (args.Has("--limit")) {
    try {
      limit = static_cast<size_t>(std::stoul(args.Get("--limit")));
    } catch (...) {
      return Fail(kCmd, "--limit needs a number (0: all)", 1);
    }
  }
  std::unique_ptr<graph::Store> store;
  std::shared_ptr<const graph::GraphView> view;
  if (int rc = OpenView(args, &store, &view); rc != 0) return rc;
  std::vector<graph::VertexIndex> found;
  if (Status s = ResolveName(*view, args.positional[1], &found); !s.ok()) return Fail(kCmd, s.message(), 1);
  const graph::VertexIndex v = found[0];
  const graph::Entity& e = view->entity(v);
  std::cout << e.name << "\n  id " << graph::IdToHex(e.id) << ", " << graph::NameOf(e.kind)
            << (e.country.empty() ? std::string() : ", country " + e.country) << ", " << e.mentions << " mentions in "
            << e.documents << " documents\n";
  if (!e.aliases.empty()) {
    std::cout << "  also called:";
    for (size_t i = 0; i < e.aliases.size(); ++i) std::cout << (i ? ", " : " ") << e.aliases[i];
    std::cout << "\n";
  }
  auto relation = [&](graph::EdgeIndex ei, bool out) {
    const graph::EdgeData& d = view->edge(ei);
    uint32_t total = 0;
    std::string counts;
    for (int m = 0; m < graph::kModalityCount; ++m) {
      if (d.counts[m] == 0) continue;
      total += d.counts[m];
      counts += (counts.empty() ? "" : ", ") + std::to_string(d.counts[m]) + " " +
                std::string(graph::NameOf(static_cast<graph::Modality>(m)));
    }
    std::cout << "  " << (out ? "-[" : "<-[") << graph::NameOf(d.type) << (out ? "]-> " : "]- ")
              << view->entity(out ? d.target : d.source).name << "  (" << counts << ")\n";
  };
  const auto outs = view->OutEdges(v);
  const auto ins = view->InEdges(v);
  std::cout << "  relations: " << outs.size() << " out, " << ins.size() << " in\n";
  for (graph::EdgeIndex ei : outs) relation(ei, true);
  for (graph::EdgeIndex ei : ins) relation(ei, false);
  std::vector<graph::EntityDocument> docs;
  if (Status s = store->ListEntityDocuments(e.id, limit, &docs); !s.ok()) return Fail(kCmd, s.message(), s.ExitCode());
  std::cout << "  documents" << (docs.size() < e.documents ? " (newest " + std::to_string(docs.size()) + ")" : "")
            << ":\n";
  for (const graph::EntityDocument& d : docs) {
    std::cout << "    " << graph::IdToHex(d.meta.id) << "  "
              << (d.meta.date ? graph::FormatDate(d.meta.date) : std::string("undated   ")) << "  " << d.mentions
              << (d.mentions == 1 ? " mention  " : " mentions ") << d.meta.title;
    if (!d.meta.external_id.empty()) std::cout << "  [id " << d.meta.external_id << "]";
    std::cout << "\n";
  }
  std::cout.flush();
  return 0;  // main checks stdout
}

int RunRules(const ParsedArgs& args) {
  std::unique_ptr<graph::Store> store;
  std::shared_ptr<const graph::GraphView> view;
  if (int rc = OpenView(args, &store, &view); rc != 0) return rc;
  graph::CurationRules rules;
  if (Status s = store->Rules(&rules); !s.ok()) return Fail(kCmd, s.message(), s.ExitCode());
  std::cout << entity::FormatRules(rules, [&](graph::EntityId id) {
    auto v = view->FindId(id);
    return v ? view->entity(*v).name : std::string();
  });
  std::cout.flush();
  return 0;  // main checks stdout
}

// Applies one edit to the entity NAME (positional 1) names and says what
// changed.
int Edit(const ParsedArgs& args, const graph::EntityEdit& edit, const std::string& done) {
  std::unique_ptr<graph::Store> store;
  std::shared_ptr<const graph::GraphView> view;
  if (int rc = OpenWritable(args, &store, &view); rc != 0) return rc;
  graph::Entity e;
  if (int rc = FindOne(*view, args.positional[args.positional[0] == "alias" ? 2 : 1], &e); rc != 0) return rc;
  if (!edit.remove_aliases.empty()) {
    const std::string key = graph::NormalizeName(edit.remove_aliases[0]);
    if (key == graph::NormalizeName(e.name))
      return Fail(kCmd, "'" + edit.remove_aliases[0] + "' is the canonical name of " + e.name +
                            ": rename it first; nothing was changed", 1);
    if (std::none_of(e.aliases.begin(), e.aliases.end(),
                     [&](const std::string& a) { return graph::NormalizeName(a) == key; }))
      return Fail(kCmd, e.name + " has no alias '" + edit.remove_aliases[0] + "'; nothing was changed", 1);
  }
  if (Status s = store->EditEntity(e.id, edit); !s.ok())
    return Fail(kCmd, s.message() + "; nothing was changed", s.ExitCode() == 0 ? 2 : s.ExitCode());
  std::cout << "geokg entity: " << e.name << " (" << graph::IdToHex(e.id) << "): " << done
            << "; later ingests and reextract keep it\n";
  return 0;
}

int RunRename(const ParsedArgs& args) {
  const std::string& name = args.positional[2];
  if (name.empty() || name.find_first_not_of(' ') == std::string::npos || name.find('\t') != std::string::npos ||
      name.find('\n') != std::string::npos)
    return Fail(kCmd, "'" + name + "' is not a name (empty, or a tab or newline in it)", 1);
  graph::EntityEdit edit;
  edit.name = name;
  return Edit(args, edit, "renamed to '" + name + "'");
}

int RunSetKind(const ParsedArgs& args) {
  graph::EntityEdit edit;
  edit.kind = graph::ParseKind(args.positional[2]);
  if (!edit.kind) {
    const std::string hint = graph::SuggestKind(args.positional[2]);
    return Fail(kCmd,
                "unknown kind '" + args.positional[2] + "'" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)"),
                1);
  }
  return Edit(args, edit, "kind set to " + std::string(graph::NameOf(*edit.kind)));
}

int RunSetCountry(const ParsedArgs& args) {
  std::string code;
  if (!entity::ParseCountryCode(args.positional[2], &code))
    return Fail(kCmd, "'" + args.positional[2] + "' is not a country code (three letters such as IRQ, or -)", 1);
  graph::EntityEdit edit;
  edit.country = code;
  return Edit(args, edit, code.empty() ? "country cleared" : "country set to " + code);
}

int RunAlias(const ParsedArgs& args) {
  const std::string& op = args.positional[1];
  const std::string& alias = args.positional[3];
  if (op != "add" && op != "remove") return Fail(kCmd, "entity alias: expected add or remove, not '" + op + "'", 1);
  if (graph::NormalizeName(alias).empty() || alias.find('\t') != std::string::npos ||
      alias.find('\n') != std::string::npos)
    return Fail(kCmd, "'" + alias + "' is not a name", 1);
  graph::EntityEdit edit;
  (op == "add" ? edit.add_aliases : edit.remove_aliases).push_back(alias);
  return Edit(args, edit, (op == "add" ? "alias '" : "alias removed: '") + alias + (op == "add" ? "' added" : "'"));
}

int RunImport(const ParsedArgs& args) {
  const std::string& file = args.positional[1];
  std::string text;
  {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream buffer;
    if (in) buffer << in.rdbuf();
    if (!in || in.bad()) return Fail(kCmd, "cannot read " + file + ": " + std::strerror(errno), 1);
    text = std::move(buffer).str();
  }
  size_t bad = 0;
  if (!ingest::ValidateUtf8(text, &bad))
    return Fail(kCmd,
                file + ":" + std::to_string(1 + std::count(text.begin(), text.begin() + bad, '\n')) +
                    ": invalid UTF-8; nothing was imported",
                1);
  graph::CurationRules rules;
  if (Status s = entity::ParseRules(text, file, &rules); !s.ok())
    return Fail(kCmd, s.message() + "; nothing was imported", 1);
  std::unique_ptr<graph::Store> store;
  std::shared_ptr<const graph::GraphView> view;
  // Rules may come before the first ingest: a missing store is created.
  if (int rc = OpenWritable(args, &store, &view, /*create=*/true); rc != 0) return rc;
  graph::ImportResult r;
  if (Status s = store->ImportRules(rules, &r); !s.ok())
    return Fail(kCmd, file + ": " + s.message() + "; nothing was imported", s.ExitCode() == 0 ? 2 : s.ExitCode());
  std::cout << "geokg entity: " << r.rules << " rules from " << file << ": " << r.merged << " merges carried out, "
            << r.edited << " entities edited; the rest wait for entities a later ingest brings\n";
  return 0;
}

}  // namespace

std::string EntitySubcommandHelp() {
  std::string out = "subcommands:\n";
  for (const EntitySubcommand& sub : Subcommands()) {
    out += "  geokg entity " + std::string(sub.name) + " " + std::string(sub.synopsis) + "\n      " +
           std::string(sub.summary) + "\n";
  }
  out +=
      "\nsuggest-merges prints one candidate a line: score, the entity to keep and the one to\n"
      "fold into it (name [kind country, mentions]), the reason, and after '$' the command that\n"
      "merges them (or renames a name with a weekday, month or title stuck to its end). Signals:\n"
      "same surname with a compatible first name (same country or an unknown one), spellings\n"
      "that fold alike (y/i/j, ch/tch/tsch, kh/h, ou/u, ph/f, doubled letters), a trailing\n"
      "weekday, month or title. Scores weigh the signal by mentions and shared neighbours.";
  return out;
}

int RunEntity(const ParsedArgs& args) {
  const std::string& name = args.positional[0];
  for (const EntitySubcommand& sub : Subcommands()) {
    if (sub.name != name) continue;
    for (const auto& [flag, values] : args.flags) {
      if (flag == "--db") continue;
      if (std::find(sub.flags.begin(), sub.flags.end(), flag) == sub.flags.end())
        return Fail(kCmd, "option '" + flag + "' does not apply to 'entity " + name + "'", 1);
    }
    const size_t given = args.positional.size() - 1;
    if (given < sub.min_args)
      return Fail(kCmd, "missing argument: usage: geokg entity " + name + " " + std::string(sub.synopsis), 1);
    if (given > sub.max_args)
      return Fail(kCmd, "unexpected argument '" + args.positional[1 + sub.max_args] + "'", 1);
    return sub.run(args);
  }
  std::string known;
  for (const EntitySubcommand& sub : Subcommands())
    known += (known.empty() ? "" : ", ") + std::string(sub.name);
  return Fail(kCmd, "unknown entity subcommand '" + name + "' (" + known + ")", 1);
}

}  // namespace geokg::tools
