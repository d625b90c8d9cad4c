// The REPL's graph commands: :schema, :path, :around, :why, :docs and :dot.
#include <algorithm>
#include <cctype>
#include <functional>
#include <optional>
#include <tuple>
#include <unordered_map>

#include "graph/date.h"
#include "graph/ids.h"
#include "graph/ontology.h"
#include "query/format.h"
#include "tools/render/evidence.h"
#include "tools/render/render.h"
#include "tools/render/subgraph.h"
#include "tools/repl/docs.h"
#include "tools/repl/repl.h"

namespace geokg::tools {

using graph::EdgeIndex;
using graph::VertexIndex;

namespace {

constexpr size_t kMaxPaths = 10;
constexpr size_t kMaxAroundRows = 500;
constexpr size_t kMaxEvidencePerRelation = 20;
constexpr int kMaxAroundDepth = 5;

std::string Join(const std::vector<std::string>& words, size_t begin, size_t end) {
  std::string s;
  for (size_t i = begin; i < end; ++i) {
    if (i > begin) s += ' ';
    s += words[i];
  }
  return s;
}

std::string Pad(std::string_view s, size_t width) {
  std::string out(s);
  if (out.size() < width) out.append(width - out.size(), ' ');
  return out;
}

// How :why cites a document: its own id (the JSONL "id"; else the content
// hash), title, url and source file, those that are known:
// doc w1 "Mali junta expels Swedish troops" <https://...> samples/jsonl/wire.jsonl:1
std::string DocumentCitation(const graph::DocMeta& meta, graph::DocId doc) {
  std::string out = "doc " + (meta.external_id.empty() ? graph::IdToHex(doc) : meta.external_id);
  if (!meta.title.empty()) out += " \"" + meta.title + "\"";
  if (!meta.url.empty()) out += " <" + meta.url + ">";
  if (!meta.source.empty()) out += " " + meta.source;
  return out;
}

}  // namespace

bool Repl::Resolve(std::string_view name, std::vector<VertexIndex>* vertices, std::ostream& out) const {
  Status status = ResolveName(*view_, name, vertices, query_options_.canonical_name);
  if (!status.ok()) Fail(out) << status.message() << "\n";
  return status.ok();
}

bool Repl::Schema(std::string_view, std::ostream& out) {
  out << "entity kinds (" << view_->vertex_count() << " entities)\n";
  for (const graph::KindInfo& k : graph::AllKinds()) {
    out << "  " << Pad(k.name, 20) << Pad(std::to_string(view_->kind_counts()[static_cast<int>(k.kind)]), 9)
        << k.description << "\n";
  }
  out << "relation types (" << view_->edge_count() << " relations)\n";
  for (const graph::RelationInfo& t : graph::AllRelationTypes()) {
    out << "  " << Pad(t.name, 20) << Pad(std::to_string(view_->type_counts()[static_cast<int>(t.type)]), 9)
        << t.description << "\n";
  }
  return true;
}

bool Repl::Path(std::string_view args, std::ostream& out) {
  std::vector<std::string> words = SplitWords(args);
  if (words.size() < 2) {
    Fail(out) << "usage: :path A B (quote names with spaces, or let the words split where both names "
           "are known)\n";
    return true;
  }
  // Where to split unquoted multi-word names: the first split at which both
  // halves name entities.
  std::vector<VertexIndex> from, to;
  size_t found_split = 0;
  for (size_t split = 1; split < words.size() && found_split == 0; ++split) {
    if (!view_->FindName(Join(words, 0, split)).empty() && !view_->FindName(Join(words, split, words.size())).empty())
      found_split = split;
  }
  if (found_split == 0) {
    if (words.size() != 2) {
      Fail(out) << "cannot find two known names in '" << args << "' (quote names with spaces)\n";
      return true;
    }
    found_split = 1;
  }
  if (!Resolve(Join(words, 0, found_split), &from, out) || !Resolve(Join(words, found_split, words.size()), &to, out))
    return true;

  // Breadth-first search in both edge directions from every `from` vertex,
  // keeping every predecessor at the previous distance so that all shortest
  // paths can be listed.
  const size_t n = view_->vertex_count();
  std::vector<int> distance(n, -1);
  std::vector<std::vector<std::pair<VertexIndex, EdgeIndex>>> previous(n);
  std::vector<VertexIndex> frontier;
  for (VertexIndex v : from) {
    distance[v] = 0;
    frontier.push_back(v);
  }
  std::vector<char> is_target(n, 0);
  for (VertexIndex v : to) is_target[v] = 1;
  int reached = -1;
  for (VertexIndex v : from) {
    if (is_target[v]) reached = 0;
  }
  std::vector<VertexIndex> next;
  for (int hop = 1; hop <= query_options_.default_max_hops && reached < 0 && !frontier.empty(); ++hop) {
    next.clear();
    auto step = [&](VertexIndex v, VertexIndex other, EdgeIndex e) {
      if (!EdgeVisible(e)) return;
      if (distance[other] == -1) {
        distance[other] = hop;
        next.push_back(other);
      }
      if (distance[other] == hop) previous[other].emplace_back(v, e);
      if (is_target[other]) reached = hop;
    };
    for (VertexIndex v : frontier) {
      for (EdgeIndex e : view_->OutEdges(v)) step(v, view_->edge(e).target, e);
      for (EdgeIndex e : view_->InEdges(v)) step(v, view_->edge(e).source, e);
    }
    frontier.swap(next);
  }
  if (reached < 0) {
    out << "no path within " << query_options_.default_max_hops << " hops\n";
    return true;
  }

  // Walk back from each reached target through the predecessor lists.
  query::ResultSet rs;
  rs.columns = {"path"};
  std::vector<VertexIndex> vertices;
  std::vector<EdgeIndex> edges;
  std::function<void(VertexIndex)> walk = [&](VertexIndex v) {
    if (rs.rows.size() >= kMaxPaths) {
      rs.truncated = true;
      return;
    }
    vertices.push_back(v);
    if (distance[v] == 0) {
      query::PathValue path;
      path.vertices.assign(vertices.rbegin(), vertices.rend());
      path.edges.assign(edges.rbegin(), edges.rend());
      rs.rows.push_back({query::Value(std::move(path))});
    } else {
      for (auto [prev, e] : previous[v]) {
        edges.push_back(e);
        walk(prev);
        edges.pop_back();
      }
    }
    vertices.pop_back();
  };
  for (VertexIndex v : to) {
    if (distance[v] == reached) walk(v);
  }
  if (rs.truncated) rs.note = "only the first " + std::to_string(kMaxPaths) + " shortest paths";
  {
    std::string_view a = args;
    while (!a.empty() && std::isspace(static_cast<unsigned char>(a.front()))) a.remove_prefix(1);
    while (!a.empty() && std::isspace(static_cast<unsigned char>(a.back()))) a.remove_suffix(1);
    last_title_ = ":path " + std::string(a);
  }
  for (const auto& row : rs.rows) out << query::ToDisplayString(*view_, row[0]) << "\n";
  out << "(" << rs.rows.size() << (rs.rows.size() == 1 ? " path" : " paths") << " of length " << reached
      << (rs.truncated ? "; " + rs.note : std::string()) << ")\n";
  last_result_ = std::move(rs);
  return true;
}

bool Repl::Around(std::string_view args, std::ostream& out) {
  std::vector<std::string> words = SplitWords(args);
  int depth = 1;
  if (words.size() >= 2 && !words.back().empty() &&
      std::all_of(words.back().begin(), words.back().end(), ::isdigit) &&
      view_->FindName(Join(words, 0, words.size())).empty()) {
    depth = std::min(std::stoi(words.back().substr(0, 3)), kMaxAroundDepth);
    words.pop_back();
  }
  if (words.empty()) {
    Fail(out) << "usage: :around NAME [DEPTH]\n";
    return true;
  }
  std::vector<VertexIndex> seeds;
  if (!Resolve(Join(words, 0, words.size()), &seeds, out)) return true;

  std::vector<int> distance(view_->vertex_count(), -1);
  std::vector<VertexIndex> frontier = seeds, next, selected = seeds;
  for (VertexIndex v : seeds) distance[v] = 0;
  for (int hop = 1; hop <= depth && !frontier.empty(); ++hop) {
    next.clear();
    auto step = [&](VertexIndex other, EdgeIndex e) {
      if (EdgeVisible(e) && distance[other] == -1) {
        distance[other] = hop;
        next.push_back(other);
        selected.push_back(other);
      }
    };
    for (VertexIndex v : frontier) {
      for (EdgeIndex e : view_->OutEdges(v)) step(view_->edge(e).target, e);
      for (EdgeIndex e : view_->InEdges(v)) step(view_->edge(e).source, e);
    }
    frontier.swap(next);
  }
  std::vector<EdgeIndex> edges;
  for (VertexIndex v : selected) {
    for (EdgeIndex e : view_->OutEdges(v)) {
      if (distance[view_->edge(e).target] != -1 && EdgeVisible(e)) edges.push_back(e);
    }
  }
  auto key = [&](EdgeIndex e) {
    const graph::EdgeData& d = view_->edge(e);
    return std::make_tuple(view_->name(d.source), graph::NameOf(d.type), view_->name(d.target));
  };
  std::sort(edges.begin(), edges.end(), [&](EdgeIndex a, EdgeIndex b) { return key(a) < key(b); });

  query::ResultSet rs;
  rs.columns = {"source", "relation", "target", "count"};
  for (EdgeIndex e : edges) {
    if (rs.rows.size() >= kMaxAroundRows) {
      rs.truncated = true;
      rs.note = "only the first " + std::to_string(kMaxAroundRows) + " relations";
      break;
    }
    const graph::EdgeData& d = view_->edge(e);
    int64_t count = 0;
    for (int m = 0; m < graph::kModalityCount; ++m) {
      if (query_options_.modalities[m]) count += d.counts[m];
    }
    rs.rows.push_back({query::Value(query::NodeValue{d.source}), query::Value(query::EdgeValue{e}),
                       query::Value(query::NodeValue{d.target}), query::Value(count)});
  }
  if (rs.rows.empty()) {
    out << "no relations around " << view_->entity(seeds[0]).name << "\n";
  } else {
    PrintResult(rs, out);
  }
  last_result_ = std::move(rs);
  last_title_ = "Around " + view_->entity(seeds[0]).name;
  if (last_result_.rows.empty()) {
    // Keep the seed drawable.
    last_result_.columns = {"node"};
    for (VertexIndex v : seeds) last_result_.rows.push_back({query::Value(query::NodeValue{v})});
  }
  return true;
}

bool Repl::Why(std::string_view args, std::ostream& out) {
  std::vector<std::string> words = SplitWords(args);
  std::optional<graph::RelationType> type;
  size_t at = 0;
  for (size_t i = 1; i + 1 < words.size() && !type; ++i) {
    type = graph::ParseRelationType(words[i]);
    at = i;
  }
  if (!type) {
    if (words.size() >= 3) {
      std::string suggestion = graph::SuggestRelationType(words[1]);
      std::ostream& err = Fail(out);
      err << "no relation type among '" << args << "'";
      if (!suggestion.empty()) err << " (did you mean '" << suggestion << "'?)";
      err << "\n";
    } else {
      Fail(out) << "usage: :why A TYPE B\n";
    }
    return true;
  }
  std::vector<VertexIndex> from, to;
  if (!Resolve(Join(words, 0, at), &from, out) || !Resolve(Join(words, at + 1, words.size()), &to, out)) {
    return true;
  }
  if (store_ == nullptr) {
    Fail(out) << "no store is open, so there is no evidence to show\n";
    return true;
  }
  const bool symmetric = graph::InfoOf(*type).symmetric;
  std::vector<EdgeIndex> edges;
  auto collect = [&](const std::vector<VertexIndex>& sources, const std::vector<VertexIndex>& targets) {
    for (VertexIndex s : sources) {
      for (EdgeIndex e : view_->OutEdges(s, *type)) {
        if (std::find(targets.begin(), targets.end(), view_->edge(e).target) != targets.end()) {
          edges.push_back(e);
        }
      }
    }
  };
  collect(from, to);
  if (symmetric) collect(to, from);
  if (edges.empty()) {
    out << "no " << graph::NameOf(*type) << " relation from " << view_->entity(from[0]).name << " to "
        << view_->entity(to[0]).name;
    collect(to, from);  // edges is empty: look the other way
    if (!edges.empty())
      out << " (but there is one the other way: :why " << Join(words, at + 1, words.size()) << " "
          << words[at] << " " << Join(words, 0, at) << ")";
    out << "\n";
    return true;
  }

  // One read transaction for all of it, so that the evidence and documents
  // shown are of one commit even while an ingest writes.
  std::unique_ptr<graph::Snapshot> snapshot;
  if (Status s = store_->OpenSnapshot(&snapshot); !s.ok()) {
    Fail(out) << s.message() << "\n";
    return true;
  }
  std::unordered_map<graph::DocId, graph::DocMeta> docs;
  for (EdgeIndex e : edges) {
    const graph::EdgeData& d = view_->edge(e);
    out << view_->entity(d.source).name << " -[" << graph::NameOf(d.type) << "]-> "
        << view_->entity(d.target).name << ":";
    for (int m = 0; m < graph::kModalityCount; ++m) {
      if (d.counts[m] > 0) out << " " << d.counts[m] << " " << graph::NameOf(static_cast<graph::Modality>(m));
    }
    out << "\n";
    graph::RelationKey key{view_->id(d.source), d.type, view_->id(d.target)};
    size_t shown = 0, total = 0;
    Status status = snapshot->ForEachEvidence(key, [&](const graph::Evidence& ev) {
      ++total;
      if (shown >= kMaxEvidencePerRelation) return true;
      ++shown;
      auto it = docs.find(ev.doc);
      if (it == docs.end()) {
        graph::DocMeta meta;
        if (!snapshot->GetDocument(ev.doc, &meta).ok()) meta.id = ev.doc;
        it = docs.emplace(ev.doc, std::move(meta)).first;
      }
      const graph::DocMeta& meta = it->second;
      std::string sentence = ev.text;
      std::replace(sentence.begin(), sentence.end(), '\n', ' ');
      out << "  " << shown << ". \u201c" << sentence << "\u201d\n     sentence " << ev.sentence + 1 << ", "
          << (ev.date != 0 ? graph::FormatDate(ev.date) : std::string("date unknown"));
      if (ev.date != 0 && ev.date_source == graph::DateSource::kMetadata)
        out << " (document metadata)";
      else if (ev.date != 0 && ev.date_source == graph::DateSource::kText)
        out << " (date in the text)";
      out << ", " << graph::NameOf(ev.modality);
      if (!ev.trigger.empty()) out << ", trigger '" << ev.trigger << "'";
      if (!ev.role.empty()) out << ", role '" << ev.role << "'";
      out << "\n     " << DocumentCitation(meta, ev.doc) << "\n";
      return true;
    });
    if (!status.ok()) out << "  (evidence unreadable: " << status.message() << ")\n";
    if (total > shown) out << "  ... and " << total - shown << " more\n";
  }
  return true;
}

bool Repl::Docs(std::string_view args, std::ostream& out) {
  std::vector<std::string> words = SplitWords(args);
  size_t limit = kDefaultDocsLimit;
  if (words.size() >= 2 && !words.back().empty() && words.back().size() <= 6 &&
      std::all_of(words.back().begin(), words.back().end(), ::isdigit) &&
      view_->FindName(Join(words, 0, words.size())).empty()) {
    limit = std::stoul(words.back());
    words.pop_back();
  }
  if (words.empty()) {
    Fail(out) << "usage: :docs NAME [N]\n";
    return true;
  }
  if (store_ == nullptr) {
    Fail(out) << "no store is open, so there are no documents to list\n";
    return true;
  }
  DocsResult docs;
  Status status =
      DocumentsMentioning(*view_, *store_, Join(words, 0, words.size()), limit, &docs, query_options_.canonical_name);
  if (!status.ok()) {
    Fail(out) << status.message() << "\n";
    return true;
  }
  out << docs.summary;
  if (!docs.rows.rows.empty()) PrintResult(docs.rows, out);
  return true;
}

bool Repl::Dot(std::string_view args, std::ostream& out) {
  std::vector<std::string> words = SplitWords(args);
  if (words.size() != 1) {
    Fail(out) << "usage: :dot FILE (.dot, .gv, .svg, .png or .pdf)\n";
    return true;
  }
  auto format = FormatForPath(words[0]);
  if (!format) {
    Fail(out) << words[0] << ": unknown diagram format (use .dot, .gv, .svg, .png or .pdf)\n";
    return true;
  }
  SelectFilter filter;
  filter.all_modalities = true;
  Subgraph subgraph = FromResult(*view_, last_result_, filter);
  if (subgraph.vertices.empty()) {
    Fail(out) << "nothing to draw: run a query returning nodes, relationships or paths first\n";
    return true;
  }
  CutReport report;
  Status status = Cut(*view_, {}, kDefaultMaxNodes, true, &subgraph, &report);
  if (status.ok() && report.cut()) out << report.Describe() << "\n";
  RenderOptions options;
  options.format = *format;
  options.all_modalities = true;
  options.title = LabelFor(last_title_, 160);
  const graph::Date from = query_options_.from, to = query_options_.to;
  if (store_ != nullptr) options.evidence = StoreEvidenceLookup(*store_, *view_, from, to);
  size_t documents = 0;
  if (status.ok() && store_ != nullptr)
    status = CountDocuments(*store_, *view_, subgraph.edges, true, from, to, &documents);
  options.figures = (from == 0 && to == 0 ? std::string("all dates")
                                          : (from ? graph::FormatDate(from) : std::string("\u2026")) + " to " +
                                                (to ? graph::FormatDate(to) : std::string("\u2026"))) +
                    " \u00b7 " + std::to_string(documents) + (documents == 1 ? " document" : " documents") +
                    " \u00b7 " + std::to_string(subgraph.edges.size()) +
                    (subgraph.edges.size() == 1 ? " relation" : " relations") + " \u00b7 all modalities";
  if (status.ok()) status = RenderToFile(*view_, subgraph, options, words[0]);
  if (!status.ok()) {
    Fail(out) << status.message() << "\n";
    return true;
  }
  out << "wrote " << words[0] << " (" << subgraph.vertices.size() << " nodes, " << subgraph.edges.size()
      << " edges)\n";
  return true;
}

}  // namespace geokg::tools
