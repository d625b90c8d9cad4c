// Differential test of the query engine: a generated graph of 10k entities
// and 100k relation summaries (fixed seed; power-law sources, eight relation
// types, self-loops, non-asserted and undated edges), and a set of queries
// whose rows are compared, as sorted multisets (or in order under ORDER BY),
// with a brute-force evaluator written here over the plain GraphData. The
// evaluator shares no code with the engine: it walks its own incidence
// lists, enumerates paths by plain recursion and formats values itself.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <deque>
#include <functional>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "graph/ids.h"
#include "graph/ontology.h"
#include "graph/view.h"
#include "query/engine.h"

using namespace geokg;
using graph::EntityKind;
using graph::RelationType;

namespace {

using Rows = std::vector<std::string>;

constexpr RelationType kTypes[] = {
    RelationType::kAttacked, RelationType::kBlamed,  RelationType::kAlliedWith, RelationType::kBackedBy,
    RelationType::kPartOf,   RelationType::kMetWith, RelationType::kSupported,  RelationType::kSanctioned};

graph::GraphData Generate() {
  constexpr int kNodes = 10000, kEdges = 100000;
  std::mt19937_64 rng(20240607);
  graph::GraphData d;
  for (int i = 0; i < kNodes; ++i) {
    graph::Entity e;
    e.name = "N" + std::to_string(i);
    e.id = graph::EntityIdFor(e.name);
    int k = static_cast<int>(rng() % 16);
    e.kind = static_cast<EntityKind>(
        k < graph::kEntityKindCount ? k : k % 3);  // country/person/armed-group commoner
    if (i % 10 == 3) e.aliases.push_back("Alias " + std::to_string(i));
    d.entities.push_back(std::move(e));
  }
  std::uniform_real_distribution<double> u(0, 1);
  std::set<std::tuple<int, int, int>> keys;
  while (static_cast<int>(d.relations.size()) < kEdges) {
    int s = static_cast<int>(kNodes * u(rng) * u(rng));  // skewed sources: low indices are hubs
    int t = rng() % 200 == 0 ? s : static_cast<int>(rng() % kNodes);
    int ty = static_cast<int>(rng() % 8);
    // A symmetric relation is one per unordered pair, as the store keeps it.
    if (graph::InfoOf(kTypes[ty]).symmetric && d.entities[t].id < d.entities[s].id) std::swap(s, t);
    if (!keys.insert({s, ty, t}).second) continue;
    graph::RelationSummary r;
    r.key = {d.entities[s].id, kTypes[ty], d.entities[t].id};
    int mode = static_cast<int>(rng() % 20);
    if (mode < 15) r.counts[0] = 1 + rng() % 4;                // asserted
    if (mode >= 13 && mode < 17) r.counts[4] = 1 + rng() % 2;  // reported
    if (mode == 17 || mode == 18) r.counts[1] = 1;             // negated only
    if (mode == 19) r.counts[3] = 2;                           // future only
    if (rng() % 20 != 0) {
      graph::Date first = (2019 + rng() % 3) * 10000 + (1 + rng() % 12) * 100 + 1 + rng() % 28;
      r.first_date = first;
      r.last_date = first + (rng() % 2) * 10000;  // same day or a year later
    }
    r.confidence = 0.5f;
    d.relations.push_back(r);
  }
  return d;
}

std::string DateText(graph::Date d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04u-%02u-%02u", d / 10000, d / 100 % 100, d % 100);
  return buf;
}

// The brute-force side: its own view of the data.
struct Oracle {
  struct Rel {
    int s, t;
    RelationType type;
    std::array<uint32_t, graph::kModalityCount> counts;
    graph::Date first, last;
  };
  std::vector<graph::Entity> ents;
  std::vector<Rel> rels;
  std::map<std::string, int> by_name;
  std::vector<std::vector<int>> out, in, inc;  // rel ids; inc has a self-loop once
  // Options of the current query.
  std::array<bool, graph::kModalityCount> mods{true, false, false, false, false};
  graph::Date from = 0, to = 0;

  explicit Oracle(const graph::GraphData& d) : ents(d.entities) {
    std::map<graph::EntityId, int> id;
    for (size_t i = 0; i < ents.size(); ++i) {
      id[ents[i].id] = static_cast<int>(i);
      by_name[ents[i].name] = static_cast<int>(i);
    }
    out.resize(ents.size());
    in.resize(ents.size());
    inc.resize(ents.size());
    for (const auto& r : d.relations) {
      int k = static_cast<int>(rels.size());
      rels.push_back({id[r.key.source], id[r.key.target], r.key.type, r.counts, r.first_date, r.last_date});
      const Rel& x = rels.back();
      out[x.s].push_back(k);
      in[x.t].push_back(k);
      inc[x.s].push_back(k);
      if (x.t != x.s) inc[x.t].push_back(k);
    }
  }
  void Reset() {
    mods = {true, false, false, false, false};
    from = to = 0;
  }
  int Node(const std::string& name) const { return by_name.at(name); }
  const std::string& Name(int v) const { return ents[v].name; }
  std::string Kind(int v) const { return std::string(graph::NameOf(ents[v].kind)); }
  std::string Type(int r) const { return std::string(graph::NameOf(rels[r].type)); }
  int64_t Count(int r) const {
    int64_t c = 0;
    for (int m = 0; m < graph::kModalityCount; ++m)
      if (mods[m]) c += rels[r].counts[m];
    return c;
  }
  bool Visible(int r) const {
    if (Count(r) == 0) return false;
    if (from == 0 && to == 0) return true;
    const Rel& x = rels[r];
    if (x.first == 0) return false;
    graph::Date last = x.last ? x.last : x.first;
    return !(to && x.first > to) && !(from && last < from);
  }
  bool HasType(int r, std::initializer_list<RelationType> types) const {
    if (types.size() == 0) return true;
    return std::find(types.begin(), types.end(), rels[r].type) != types.end();
  }
  int Other(int r, int v) const { return rels[r].s == v ? rels[r].t : rels[r].s; }
  // Visible rels leaving v in direction dir ('>' out, '<' in, '-' both) with
  // their far end.
  template <class Fn>
  void Each(int v, char dir, std::initializer_list<RelationType> types, Fn&& fn) const {
    const auto& list = dir == '>' ? out[v] : dir == '<' ? in[v] : inc[v];
    for (int r : list)
      if (Visible(r) && HasType(r, types))
        fn(r, dir == '>' ? rels[r].t : dir == '<' ? rels[r].s : Other(r, v));
  }
  // Every path of lo..hi edges from v without a repeated edge; fn(end, edges).
  void Paths(int v, char dir, std::initializer_list<RelationType> types, int lo, int hi,
             const std::function<void(int, const std::vector<int>&)>& fn) const {
    std::vector<int> stack;
    std::function<void(int)> go = [&](int u) {
      if (static_cast<int>(stack.size()) >= lo) fn(u, stack);
      if (static_cast<int>(stack.size()) == hi) return;
      Each(u, dir, types, [&](int r, int w) {
        if (std::find(stack.begin(), stack.end(), r) != stack.end()) return;
        stack.push_back(r);
        go(w);
        stack.pop_back();
      });
    };
    go(v);
  }
  // Shortest distance a -> b (-1 if none within hi) and the number of
  // shortest edge sequences.
  std::pair<int, int64_t> Shortest(int a, int b, char dir, int hi) const {
    std::vector<int> dist(ents.size(), -1);
    std::vector<int64_t> ways(ents.size(), 0);
    std::deque<int> queue{a};
    dist[a] = 0;
    ways[a] = 1;
    while (!queue.empty()) {
      int x = queue.front();
      queue.pop_front();
      if (dist[x] >= hi) continue;
      Each(x, dir, {}, [&](int, int y) {
        if (dist[y] < 0) {
          dist[y] = dist[x] + 1;
          queue.push_back(y);
        }
        if (dist[y] == dist[x] + 1) ways[y] += ways[x];
      });
    }
    return {dist[b], ways[b]};
  }
};

// Engine rows in the same text form as the oracle writes them.
std::string Text(const graph::GraphView& view, const query::Value& v) {
  struct Visitor {
    const graph::GraphView& view;
    std::string operator()(std::monostate) const { return "null"; }
    std::string operator()(bool b) const { return b ? "true" : "false"; }
    std::string operator()(int64_t i) const { return std::to_string(i); }
    std::string operator()(double d) const { return std::to_string(d); }
    std::string operator()(const std::string& s) const { return s; }
    std::string operator()(const query::NodeValue& n) const { return view.entity(n.v).name; }
    std::string operator()(const query::EdgeValue& e) const {
      return std::string(graph::NameOf(view.edge(e.e).type));
    }
    std::string operator()(const query::PathValue& p) const {
      return "path/" + std::to_string(p.edges.size());
    }
    std::string operator()(const query::ValueList& l) const {
      std::vector<std::string> items;
      for (const auto& x : l) items.push_back(Text(view, x));
      std::sort(items.begin(), items.end());
      std::string s = "[";
      for (size_t i = 0; i < items.size(); ++i) s += (i ? "," : "") + items[i];
      return s + "]";
    }
  };
  return std::visit(Visitor{view}, v.data);
}

std::string Row(std::initializer_list<std::string> cells) {
  std::string s;
  for (const auto& c : cells) s += (s.empty() ? "" : "|") + c;
  return s;
}

std::string List(std::vector<std::string> items) {
  std::sort(items.begin(), items.end());
  std::string s = "[";
  for (size_t i = 0; i < items.size(); ++i) s += (i ? "," : "") + items[i];
  return s + "]";
}

Rows Distinct(Rows r) {
  std::sort(r.begin(), r.end());
  r.erase(std::unique(r.begin(), r.end()), r.end());
  return r;
}

Rows Counted(const std::map<std::string, int64_t>& groups) {
  Rows r;
  for (const auto& [k, n] : groups) r.push_back(k + "|" + std::to_string(n));
  return r;
}

struct Fixture {
  graph::GraphData data = Generate();
  Oracle oracle{data};
  std::shared_ptr<const graph::GraphView> view = graph::GraphView::Build(graph::GraphData(data));
  int queries = 0;

  Rows Run(const std::string& text) {
    query::ResultSet rs;
    query::QueryError e;
    query::QueryOptions o;
    o.max_rows = 10000000;
    bool ok = query::RunQuery(*view, text, o, &rs, &e);
    INFO(text);
    INFO(e.Format(text));
    REQUIRE(ok);
    Rows rows;
    for (const auto& r : rs.rows) {
      std::string s;
      for (size_t i = 0; i < r.size(); ++i) s += (i ? "|" : "") + Text(*view, r[i]);
      rows.push_back(s);
    }
    return rows;
  }
  // Compares as multisets.
  void Same(const std::string& text, Rows expected) {
    ++queries;
    Rows got = Run(text);
    std::sort(got.begin(), got.end());
    std::sort(expected.begin(), expected.end());
    INFO(text);
    CHECK(got.size() == expected.size());
    CHECK(got == expected);
    oracle.Reset();
  }
  // Compares in order (ORDER BY with a total key).
  void SameOrdered(const std::string& text, const Rows& expected) {
    ++queries;
    Rows got = Run(text);
    INFO(text);
    CHECK(got == expected);
    oracle.Reset();
  }
};

// Start vertices of different degrees, chosen from the oracle's lists.
std::vector<int> Starts(const Oracle& o) {
  std::vector<int> hub{0}, mid, typical;
  for (int v = 0; v < static_cast<int>(o.ents.size()); ++v) {
    size_t d = o.out[v].size();
    if (d > o.out[hub[0]].size()) hub[0] = v;
    if (d >= 40 && d <= 60 && mid.size() < 1) mid.push_back(v);
    if (d >= 6 && d <= 12 && typical.size() < 2 && v % 7 == 0) typical.push_back(v);
  }
  std::vector<int> s = hub;
  s.insert(s.end(), mid.begin(), mid.end());
  s.insert(s.end(), typical.begin(), typical.end());
  return s;
}

}  // namespace

TEST_CASE("differential: engine rows equal a brute-force evaluator", "[query][differential]") {
  Fixture f;
  Oracle& o = f.oracle;
  using T = RelationType;
  REQUIRE(f.view->edge_count() == 100000);
  const std::vector<int> starts = Starts(o);
  REQUIRE(starts.size() == 4);

  for (int a : starts) {
    const std::string an = "'" + o.Name(a) + "'";
    // 1-hop in each direction and undirected.
    for (char dir : {'>', '<', '-'}) {
      std::string pat = dir == '>' ? "-->" : dir == '<' ? "<--" : "--";
      Rows exp;
      o.Each(a, dir, {}, [&](int, int b) { exp.push_back(o.Name(b)); });
      f.Same("MATCH (a {name:" + an + "})" + pat + "(b) RETURN b.name", exp);
    }
    {  // typed, with relation properties
      Rows exp;
      o.Each(a, '>', {T::kAttacked, T::kBlamed}, [&](int r, int b) {
        exp.push_back(Row({o.Name(b), o.Type(r), std::to_string(o.Count(r))}));
      });
      f.Same("MATCH (a {name:" + an + "})-[r:attacked|BLAMED]->(b) RETURN b.name, type(r), r.count", exp);
    }
    {  // OPTIONAL MATCH: each neighbour, with whom it attacked, or null
      Rows exp;
      o.Each(a, '>', {}, [&](int, int b) {
        size_t before = exp.size();
        o.Each(b, '>', {T::kAttacked}, [&](int r, int c) { exp.push_back(Row({o.Name(b), o.Name(c), o.Type(r)})); });
        if (exp.size() == before) exp.push_back(Row({o.Name(b), "null", "null"}));
      });
      f.Same("MATCH (a {name:" + an + "})-->(b) OPTIONAL MATCH (b)-[r:attacked]->(c) RETURN b.name, c.name, type(r)",
             exp);
      // ... and how many, with a WHERE inside the optional clause.
      std::map<std::string, int64_t> counted;
      o.Each(a, '>', {}, [&](int, int b) {
        int64_t& n = counted[o.Name(b)];
        o.Each(b, '>', {T::kAttacked}, [&](int, int c) { n += o.ents[c].kind == EntityKind::kCountry; });
      });
      f.Same("MATCH (a {name:" + an + "})-->(b) OPTIONAL MATCH (b)-[:attacked]->(c) WHERE c.kind = 'country' "
             "RETURN b.name, count(c)",
             Counted(counted));
    }
    {  // WITH: neighbours reached by two or more relations, then their own out-degree
      std::map<int, int64_t> per;
      o.Each(a, '-', {}, [&](int, int b) { ++per[b]; });
      Rows exp;
      for (auto [b, n] : per) {
        if (n < 2) continue;
        int64_t out = 0;
        o.Each(b, '>', {T::kAttacked}, [&](int, int) { ++out; });
        exp.push_back(Row({o.Name(b), std::to_string(n), std::to_string(out)}));
      }
      f.Same("MATCH (a {name:" + an + "})--(b) WITH b, count(*) AS n WHERE n >= 2 "
             "OPTIONAL MATCH (b)-[r:attacked]->() RETURN b.name, n, count(r)",
             exp);
    }
    {  // 2-hop typed
      Rows exp;
      o.Each(a, '>', {T::kAttacked}, [&](int, int b) {
        o.Each(b, '>', {T::kBlamed}, [&](int, int c) { exp.push_back(o.Name(c)); });
      });
      f.Same("MATCH (a {name:" + an + "})-[:attacked]->()-[:blamed]->(c) RETURN c.name", exp);
    }
    {  // 2-hop undirected, one type: the second edge differs from the first
      Rows exp;
      o.Each(a, '-', {T::kSupported}, [&](int r1, int b) {
        o.Each(b, '-', {T::kSupported}, [&](int r2, int c) {
          if (r2 != r1) exp.push_back(Row({o.Name(b), o.Name(c)}));
        });
      });
      f.Same("MATCH (a {name:" + an + "})-[:supported]-(b)-[:supported]-(c) RETURN b.name, c.name", exp);
    }
    {  // incoming typed with a kind
      Rows exp;
      o.Each(a, '<', {T::kBackedBy, T::kAlliedWith}, [&](int, int b) {
        if (o.ents[b].kind == EntityKind::kCountry) exp.push_back(o.Name(b));
      });
      f.Same("MATCH (a {name:" + an + "})<-[:`backed-by`|allied_with]-(b:country) RETURN b.name", exp);
    }
    {  // variable length, directed, two types: every path's end
      Rows exp;
      o.Paths(a, '>', {T::kAttacked, T::kBlamed}, 1, 3,
              [&](int b, const auto&) { exp.push_back(o.Name(b)); });
      f.Same("MATCH (a {name:" + an + "})-[:attacked|blamed*1..3]->(b) RETURN b.name", exp);
    }
    {  // variable length, undirected: relationship isomorphism matters
      int64_t n = 0;
      o.Paths(a, '-', {T::kSupported, T::kMetWith}, 1, 3, [&](int, const auto&) { ++n; });
      f.Same("MATCH (a {name:" + an + "})-[:supported|met-with*..3]-(b) RETURN count(*)",
             {std::to_string(n)});
    }
    {  // exact length, incoming, path lengths and ends
      Rows exp;
      o.Paths(a, '<', {T::kPartOf, T::kAttacked}, 2, 2, [&](int b, const auto& p) {
        exp.push_back(Row({o.Name(b), std::to_string(p.size())}));
      });
      f.Same("MATCH (a {name:" + an + "})<-[r:part-of|attacked*2]-(b) RETURN b.name, size(r)", exp);
    }
    {  // DISTINCT reachability with a filter on the target
      Rows exp;
      o.Paths(a, '>', {T::kAttacked, T::kBlamed, T::kAlliedWith}, 1, 3, [&](int b, const auto&) {
        if (o.ents[b].kind != EntityKind::kPerson) exp.push_back(o.Name(b));
      });
      f.Same(
          "MATCH (a {name:" + an +
              "})-[:attacked|blamed|`allied-with`*1..3]->(b) WHERE b.kind <> 'person' RETURN DISTINCT b.name",
          Distinct(exp));
    }
    {  // DISTINCT over paths of length 0..2
      Rows exp;
      o.Paths(a, '-', {T::kSanctioned}, 0, 2, [&](int b, const auto&) { exp.push_back(o.Name(b)); });
      f.Same("MATCH (a {name:" + an + "})-[:sanctioned*0..2]-(b) RETURN DISTINCT b.name", Distinct(exp));
    }
    {  // aggregation per type
      std::map<std::string, int64_t> g;
      o.Each(a, '>', {}, [&](int r, int) { ++g[o.Type(r)]; });
      f.Same("MATCH (a {name:" + an + "})-[r]->(b) RETURN type(r), count(*)", Counted(g));
    }
    {  // collect
      std::vector<std::string> names;
      o.Each(a, '<', {T::kAttacked}, [&](int, int b) { names.push_back(o.Name(b)); });
      f.Same("MATCH (a {name:" + an + "})<-[:attacked]-(b) RETURN collect(b.name), count(b)",
             {Row({List(names), std::to_string(names.size())})});
    }
    {  // all modalities, and the modality list
      o.mods.fill(true);
      Rows exp;
      o.Each(a, '>', {T::kMetWith, T::kAttacked}, [&](int r, int b) {
        std::vector<std::string> m;
        for (int k = 0; k < graph::kModalityCount; ++k)
          if (o.rels[r].counts[k]) m.push_back(std::string(graph::NameOf(static_cast<graph::Modality>(k))));
        exp.push_back(Row({o.Name(b), List(m)}));
      });
      f.Same("OPTIONS {modality: 'all'} MATCH (a {name:" + an +
                 "})-[r:met-with|attacked]->(b) RETURN b.name, r.modality",
             exp);
    }
  }

  // Global patterns.
  {
    Rows exp;
    for (size_t r = 0; r < o.rels.size(); ++r) {
      const auto& x = o.rels[r];
      if (o.Visible(r) && x.type == T::kSanctioned && o.ents[x.s].kind == EntityKind::kCountry &&
          o.ents[x.t].kind == EntityKind::kPerson)
        exp.push_back(Row({o.Name(x.s), o.Name(x.t)}));
    }
    f.Same("MATCH (a:country)-[:sanctioned]->(b:person) RETURN a.name, b.name", exp);
  }
  {
    Rows exp;
    for (size_t r = 0; r < o.rels.size(); ++r) {
      const auto& x = o.rels[r];
      if (o.Visible(r) && x.type == T::kAttacked && o.Count(r) >= 3)
        exp.push_back(Row({o.Name(x.s), o.Name(x.t)}));
    }
    f.Same("MATCH (a)-[r:attacked]->(b) WHERE r.count >= 3 RETURN a.name, b.name", exp);
  }
  {
    Rows exp;
    for (size_t r = 0; r < o.rels.size(); ++r) {
      const auto& x = o.rels[r];
      if (o.Visible(r) && x.type == T::kBlamed && x.first >= 20200601 && x.last && x.last <= 20201231)
        exp.push_back(Row({o.Name(x.s), o.Name(x.t), DateText(x.first)}));
    }
    f.Same(
        "MATCH (a)-[r:blamed]->(b) WHERE r.first_date >= '2020-06-01' AND r.last_date <= '2020-12-31' "
        "RETURN a.name, b.name, r.first_date",
        exp);
  }
  {
    o.mods.fill(true);
    Rows exp;
    for (size_t r = 0; r < o.rels.size(); ++r) {
      const auto& x = o.rels[r];
      if (o.Visible(r) && x.type == T::kMetWith && x.counts[4] > 0)
        exp.push_back(Row({o.Name(x.s), o.Name(x.t)}));
    }
    f.Same(
        "OPTIONS {modality: 'all'} MATCH (a)-[r:met-with]->(b) WHERE 'reported' IN r.modality RETURN a.name, "
        "b.name",
        exp);
  }
  {
    o.mods = {false, true, false, true, false};
    Rows exp;
    for (size_t r = 0; r < o.rels.size(); ++r)
      if (o.Visible(r)) exp.push_back(Row({o.Name(o.rels[r].s), o.Type(r), std::to_string(o.Count(r))}));
    f.Same("OPTIONS {modality: ['negated', 'future']} MATCH (a)-[r]->() RETURN a.name, type(r), r.count",
           exp);
  }
  {
    o.from = 20200301;
    o.to = 20200331;
    Rows exp;
    for (size_t r = 0; r < o.rels.size(); ++r)
      if (o.Visible(r) && o.rels[r].type == T::kAttacked)
        exp.push_back(Row({o.Name(o.rels[r].s), o.Name(o.rels[r].t)}));
    f.Same("OPTIONS {from: '2020-03-01', to: '2020-03-31'} MATCH (a)-[:attacked]->(b) RETURN a.name, b.name",
           exp);
  }
  {
    Rows exp;
    for (size_t v = 0; v < o.ents.size(); ++v)
      if (o.Name(v).rfind("N12", 0) == 0) exp.push_back(Row({o.Name(v), o.Kind(v)}));
    f.Same("MATCH (a) WHERE a.name STARTS WITH 'N12' RETURN a.name, a.kind", exp);
  }
  {
    Rows exp;
    for (size_t v = 0; v < o.ents.size(); ++v)
      if (o.ents[v].kind == EntityKind::kPerson && o.Name(v).find("77") != std::string::npos)
        exp.push_back(o.Name(v));
    f.Same("MATCH (a:person) WHERE a.name CONTAINS '77' RETURN a.name", exp);
  }
  {
    Rows exp;
    for (size_t r = 0; r < o.rels.size(); ++r) {
      const auto& x = o.rels[r];
      auto ka = o.ents[x.s].kind;
      if (o.Visible(r) && x.type == T::kAttacked &&
          (ka == EntityKind::kCountry || ka == EntityKind::kArmedGroup) &&
          o.ents[x.t].kind != EntityKind::kPerson)
        exp.push_back(Row({o.Name(x.s), o.Name(x.t)}));
    }
    f.Same(
        "MATCH (a)-[:attacked]->(b) WHERE a.kind IN ['country', 'armed-group'] AND NOT b.kind = 'person' "
        "RETURN a.name, b.name",
        exp);
  }
  {
    const std::string x = o.Name(starts[2]);
    Rows exp;
    for (size_t r = 0; r < o.rels.size(); ++r) {
      const auto& e = o.rels[r];
      if (o.Visible(r) && (o.Name(e.s) == x || o.Name(e.t) == x))
        exp.push_back(Row({o.Name(e.s), o.Type(r), o.Name(e.t)}));
    }
    f.Same("MATCH (a)-[r]->(b) WHERE a.name = '" + x + "' OR b.name = '" + x +
               "' RETURN a.name, type(r), b.name",
           exp);
  }
  {
    Rows exp;
    for (size_t r = 0; r < o.rels.size(); ++r) {
      const auto& x = o.rels[r];
      auto ka = o.ents[x.s].kind, kb = o.ents[x.t].kind;
      if (o.Visible(r) && x.type == T::kBlamed && (ka == EntityKind::kCountry || ka == EntityKind::kPerson) &&
          kb == EntityKind::kArmedGroup)
        exp.push_back(Row({o.Name(x.s), o.Name(x.t)}));
    }
    f.Same("MATCH (a:country|person)-[:blamed]->(b:`armed-group`) RETURN a.name, b.name", exp);
  }
  {  // name lookup through an alias
    Rows exp;
    o.Each(13, '-', {}, [&](int, int b) { exp.push_back(o.Name(b)); });
    f.Same("MATCH (a {name:'alias 13'})--(b) RETURN b.name", exp);
  }
  {  // grouping by a node property with count(x)
    std::map<std::string, int64_t> g;
    for (size_t r = 0; r < o.rels.size(); ++r) {
      const auto& x = o.rels[r];
      if (o.Visible(r) && x.type == T::kSanctioned && o.ents[x.s].kind == EntityKind::kCountry)
        ++g[o.Kind(x.t)];
    }
    f.Same("MATCH (a:country)-[:sanctioned]->(b) RETURN b.kind, count(b)", Counted(g));
  }
  {  // count(DISTINCT ...) per type over the whole graph
    std::map<std::string, std::set<int>> g;
    for (size_t r = 0; r < o.rels.size(); ++r)
      if (o.Visible(r)) g[o.Type(r)].insert(o.rels[r].t);
    Rows exp;
    for (const auto& [k, s] : g) exp.push_back(k + "|" + std::to_string(s.size()));
    f.Same("MATCH ()-[r]->(b) RETURN type(r), count(DISTINCT b)", exp);
  }
  {  // ORDER BY, SKIP, LIMIT with a total key
    struct Item {
      int64_t count;
      std::string a, b;
    };
    std::vector<Item> items;
    for (size_t r = 0; r < o.rels.size(); ++r) {
      const auto& x = o.rels[r];
      if (o.Visible(r) && x.type == T::kAttacked) items.push_back({o.Count(r), o.Name(x.s), o.Name(x.t)});
    }
    std::sort(items.begin(), items.end(), [](const Item& x, const Item& y) {
      if (x.count != y.count) return x.count > y.count;
      return x.a != y.a ? x.a < y.a : x.b < y.b;
    });
    Rows exp;
    for (size_t i = 5; i < items.size() && i < 25; ++i)
      exp.push_back(Row({items[i].a, items[i].b, std::to_string(items[i].count)}));
    f.SameOrdered(
        "MATCH (a)-[r:attacked]->(b) RETURN a.name, b.name, r.count ORDER BY r.count DESC, a.name, b.name "
        "SKIP 5 LIMIT 20",
        exp);
  }
  {  // two comma-separated patterns share the isomorphism rule
    int a = starts[1];
    int64_t n = 0;
    o.Each(a, '>', {T::kAttacked},
           [&](int r1, int b) { o.Each(b, '>', {T::kAttacked}, [&](int r2, int) { n += r2 != r1; }); });
    f.Same("MATCH (a {name:'" + o.Name(a) + "'})-[:attacked]->(b), (b)-[:attacked]->(c) RETURN count(*)",
           {std::to_string(n)});
  }
  {  // co-members: a -> b <- c with a < c
    Rows exp;
    for (size_t b = 0; b < o.ents.size(); ++b) {
      std::vector<int> src;
      o.Each(static_cast<int>(b), '<', {T::kPartOf}, [&](int, int s) { src.push_back(s); });
      for (int x : src)
        for (int y : src)
          if (o.Name(x) < o.Name(y)) exp.push_back(Row({o.Name(x), o.Name(y)}));
    }
    f.Same("MATCH (a)-[:part-of]->(b)<-[:part-of]-(c) WHERE a.name < c.name RETURN a.name, c.name", exp);
  }
  {  // exists() on a pattern
    Rows exp;
    for (size_t v = 0; v < o.ents.size(); ++v) {
      if (o.ents[v].kind != EntityKind::kCountry) continue;
      bool any = false;
      o.Each(static_cast<int>(v), '>', {T::kSanctioned}, [&](int, int) { any = true; });
      if (any) exp.push_back(o.Name(v));
    }
    f.Same("MATCH (a:country) WHERE exists((a)-[:sanctioned]->()) RETURN a.name", exp);
  }

  {  // sum, min, max, avg and sum(DISTINCT) of r.count per type
    struct Agg {
      int64_t sum = 0, min = INT64_MAX, max = INT64_MIN, n = 0;
      std::set<int64_t> distinct;
    };
    std::map<std::string, Agg> g;
    for (size_t r = 0; r < o.rels.size(); ++r) {
      if (!o.Visible(r)) continue;
      Agg& a = g[o.Type(r)];
      int64_t c = o.Count(r);
      a.sum += c, a.min = std::min(a.min, c), a.max = std::max(a.max, c), ++a.n;
      a.distinct.insert(c);
    }
    Rows exp;
    for (const auto& [k, a] : g) {
      int64_t ds = 0;
      for (int64_t c : a.distinct) ds += c;
      exp.push_back(Row({k, std::to_string(a.sum), std::to_string(a.min), std::to_string(a.max),
                         std::to_string(static_cast<double>(a.sum) / static_cast<double>(a.n)), std::to_string(ds)}));
    }
    f.Same("MATCH ()-[r]->() RETURN type(r), sum(r.count), min(r.count), max(r.count), avg(r.count), "
           "sum(DISTINCT r.count)",
           exp);
  }
  {  // aggregates over nothing: null, count 0
    f.Same("MATCH (a {name:'N5'})-[r:attacked]->(b {name:'N6'}) RETURN sum(r.count), max(b.name), count(*)",
           {[&] {
             int64_t n = 0, sum = 0;
             std::string max = "null";
             o.Each(5, '>', {T::kAttacked}, [&](int r, int b) {
               if (b == 6) ++n, sum += o.Count(r), max = o.Name(b);
             });
             return n ? Row({std::to_string(sum), max, std::to_string(n)}) : Row({"null", "null", "0"});
           }()});
  }
  {  // UNION and UNION ALL
    Rows first, second;
    for (size_t r = 0; r < o.rels.size(); ++r) {
      const auto& x = o.rels[r];
      if (!o.Visible(r)) continue;
      if (x.type == T::kAttacked && o.ents[x.s].kind == EntityKind::kCountry) first.push_back(o.Name(x.t));
      if (x.type == T::kBlamed && o.ents[x.s].kind == EntityKind::kPerson) second.push_back(o.Name(x.t));
    }
    Rows all = first;
    all.insert(all.end(), second.begin(), second.end());
    const std::string a = "MATCH (a:country)-[:attacked]->(b) RETURN b.name AS n",
                      b = "MATCH (a:person)-[:blamed]->(b) RETURN b.name AS n";
    f.Same(a + " UNION ALL " + b, all);
    f.Same(a + " UNION " + b, Distinct(all));
  }
  {  // degree over two types in a date window
    o.from = 20200101;
    o.to = 20200630;
    std::map<int, std::pair<int64_t, int64_t>> deg;  // vertex -> (in, out)
    for (size_t r = 0; r < o.rels.size(); ++r) {
      if (!o.Visible(r) || !o.HasType(r, {T::kAttacked, T::kBlamed})) continue;
      ++deg[o.rels[r].t].first;
      ++deg[o.rels[r].s].second;
    }
    Rows exp;
    for (const auto& [v, d] : deg)
      exp.push_back(Row({o.Name(v), std::to_string(d.first), std::to_string(d.second), std::to_string(d.first + d.second)}));
    f.Same("OPTIONS {from: '2020-01-01', to: '2020-06-30'} CALL degree({types: ['attacked', 'blamed']}) "
           "YIELD node, in_degree, out_degree, score RETURN node.name, in_degree, out_degree, score",
           exp);
  }
  // Components, weak over every visible edge and strong over two types:
  // numbered by first vertex, so ids compare exactly.
  for (bool strong : {false, true}) {
    const int n = static_cast<int>(o.ents.size());
    std::vector<std::vector<int>> fwd(n), back(n);
    std::vector<bool> touched(n, false);
    for (size_t r = 0; r < o.rels.size(); ++r) {
      if (!o.Visible(r) || (strong && !o.HasType(r, {T::kAttacked, T::kSupported}))) continue;
      fwd[o.rels[r].s].push_back(o.rels[r].t);
      back[o.rels[r].t].push_back(o.rels[r].s);
      touched[o.rels[r].s] = touched[o.rels[r].t] = true;
    }
    std::vector<int> comp(n, -1);
    if (!strong) {  // breadth-first over both directions
      for (int v = 0, c = 0; v < n; ++v) {
        if (!touched[v] || comp[v] >= 0) continue;
        std::deque<int> queue{v};
        comp[v] = c;
        while (!queue.empty()) {
          int x = queue.front();
          queue.pop_front();
          for (auto* adj : {&fwd[x], &back[x]})
            for (int y : *adj)
              if (comp[y] < 0) comp[y] = c, queue.push_back(y);
        }
        ++c;
      }
    } else {  // Kosaraju: finishing order on fwd, then sweeps on back
      std::vector<int> order;
      std::vector<bool> seen(n, false);
      for (int v = 0; v < n; ++v) {
        if (!touched[v] || seen[v]) continue;
        std::vector<std::pair<int, size_t>> stack{{v, 0}};
        seen[v] = true;
        while (!stack.empty()) {
          auto& [x, i] = stack.back();
          if (i < fwd[x].size()) {
            int y = fwd[x][i++];
            if (!seen[y]) seen[y] = true, stack.push_back({y, 0});
          } else {
            order.push_back(x);
            stack.pop_back();
          }
        }
      }
      std::vector<int> raw(n, -1);
      int c = 0;
      for (auto it = order.rbegin(); it != order.rend(); ++it) {
        if (raw[*it] >= 0) continue;
        std::vector<int> stack{*it};
        raw[*it] = c;
        while (!stack.empty()) {
          int x = stack.back();
          stack.pop_back();
          for (int y : back[x])
            if (raw[y] < 0) raw[y] = c, stack.push_back(y);
        }
        ++c;
      }
      std::map<int, int> renumber;  // by first vertex
      for (int v = 0; v < n; ++v)
        if (touched[v]) comp[v] = renumber.try_emplace(raw[v], static_cast<int>(renumber.size())).first->second;
    }
    std::map<int, int64_t> size;
    for (int v = 0; v < n; ++v)
      if (touched[v]) ++size[comp[v]];
    Rows exp;
    for (int v = 0; v < n; ++v)
      if (touched[v]) exp.push_back(Row({o.Name(v), std::to_string(comp[v]), std::to_string(size[comp[v]])}));
    f.Same(strong ? "CALL components({strong: true, types: ['attacked', 'supported']}) YIELD node, component, size "
                    "RETURN node.name, component, size"
                  : "CALL components() YIELD node, component, size RETURN node.name, component, size",
           exp);
  }

  // Shortest paths between pseudo-random pairs: length and number of paths.
  std::mt19937 rng(5);
  for (int i = 0; i < 6; ++i) {
    int a = static_cast<int>(rng() % 2000), b = static_cast<int>(rng() % o.ents.size());
    if (a == b) continue;
    for (char dir : {'>', '-'}) {
      auto [d, ways] = o.Shortest(a, b, dir, 6);
      std::string arrow = dir == '>' ? "->" : "-";
      std::string pat = "((a {name:'" + o.Name(a) + "'})-[*..6]" + arrow + "(b {name:'" + o.Name(b) + "'}))";
      f.Same("MATCH p = shortestPath" + pat + " RETURN length(p)", d < 0 ? Rows{} : Rows{std::to_string(d)});
      f.Same("MATCH p = allShortestPaths" + pat + " RETURN count(p)", {std::to_string(d < 0 ? 0 : ways)});
    }
  }
  CHECK(f.queries >= 50);
}
