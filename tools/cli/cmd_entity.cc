// geokg entity SUBCOMMAND --db DIR ...
//
// Curation of a store's entities. The subcommands are one table
// (kEntitySubcommands): its rows drive dispatch, the flags each one takes
// and the help paragraph of `geokg entity --help`. Today: suggest-merges.
#include <algorithm>
#include <cctype>
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
#include "tools/cli/command.h"
#include "tools/cli/open_store.h"
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
      {"rules",
       "--db DIR",
       "the merge rules the store keeps, one a line (tab-separated: keep id, fold id, keep's name)",
       {},
       0,
       0,
       RunRules},
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
  return std::cout ? 0 : 2;
}

int RunMerge(const ParsedArgs& args) {
  if (!args.Has("--db")) return Fail(kCmd, "missing --db DIR", 1);
  std::unique_ptr<graph::Store> store;
  graph::StoreOptions options;
  options.create_if_missing = false;
  if (Status s = graph::Store::Open(args.Get("--db"), options, &store); !s.ok())
    return Fail(kCmd, s.message(), s.ExitCode());
  graph::GraphData data;
  if (Status s = store->LoadGraph(&data); !s.ok()) return Fail(kCmd, s.message(), s.ExitCode());
  auto view = graph::GraphView::Build(std::move(data));
  graph::EntityId ids[2];
  for (int i = 0; i < 2; ++i) {
    std::vector<graph::VertexIndex> found;
    Status s = ResolveName(*view, args.positional[1 + i], &found);
    if (!s.ok()) return Fail(kCmd, s.message() + "; nothing was merged", 1);
    ids[i] = view->entity(found[0]).id;
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
  graph::GraphData data;
  if (Status s = (*store)->LoadGraph(&data); !s.ok()) return Fail(kCmd, s.message(), s.ExitCode());
  *view = graph::GraphView::Build(std::move(data));
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
  return std::cout ? 0 : 2;
}

int RunRules(const ParsedArgs& args) {
  std::unique_ptr<graph::Store> store;
  std::shared_ptr<const graph::GraphView> view;
  if (int rc = OpenView(args, &store, &view); rc != 0) return rc;
  std::map<graph::EntityId, graph::EntityId> rules;
  if (Status s = store->MergeRules(&rules); !s.ok()) return Fail(kCmd, s.message(), s.ExitCode());
  for (const auto& [fold, keep] : rules) {
    auto v = view->FindId(keep);
    std::cout << graph::IdToHex(keep) << "\t" << graph::IdToHex(fold) << "\t" << (v ? view->entity(*v).name : "")
              << "\n";
  }
  if (rules.empty()) std::cerr << "geokg entity: no merge rules\n";
  std::cout.flush();
  return std::cout ? 0 : 2;
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
