#include "query/explain.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "graph/ontology.h"

namespace geokg::query {
namespace {

std::string Source(std::string_view text, const Pos& pos) {
  if (pos.offset >= text.size()) return "";
  return std::string(text.substr(pos.offset, pos.length));
}

std::string NodeText(const BoundQuery& q, int slot) {
  const NodeSlot& n = q.nodes[slot];
  std::string s = "(" + n.name;
  bool first = true;
  for (int k = 0; k < graph::kEntityKindCount; ++k) {
    if (!(n.kind_mask & (1u << k))) continue;
    s += first ? ":" : "|";
    s += graph::NameOf(static_cast<graph::EntityKind>(k));
    first = false;
  }
  return s + ")";
}

// "-[r:t1|t2*1..3]->" as traversed (reversed steps flip the arrow).
std::string RelText(const BoundQuery& q, int slot, bool reversed) {
  const RelSlot& r = q.rels[slot];
  std::string s = "[" + r.name;
  for (size_t i = 0; i < r.types.size(); ++i) s += (i ? "|" : ":") + std::string(graph::NameOf(r.types[i]));
  if (r.variable_length) s += "*" + std::to_string(r.min_hops) + ".." + std::to_string(r.max_hops);
  s += "]";
  Direction d = r.direction;
  if (reversed) d = d == Direction::kOut ? Direction::kIn : d == Direction::kIn ? Direction::kOut : d;
  return (d == Direction::kIn ? "<-" : "-") + s + (d == Direction::kOut ? "->" : "-");
}

// Mean edges a vertex offers the traversal of `r`.
double MeanDegree(const graph::GraphView& view, const RelSlot& r) {
  double edges = 0;
  if (r.types.empty()) {
    edges = static_cast<double>(view.edge_count());
  } else {
    for (graph::RelationType t : r.types)
      edges += static_cast<double>(view.type_counts()[static_cast<int>(t)]);
  }
  double d = edges / std::max<double>(1, static_cast<double>(view.vertex_count()));
  return r.direction == Direction::kBoth ? 2 * d : d;
}

double KindFraction(const graph::GraphView& view, const NodeSlot& n) {
  if (n.has_candidates)
    return static_cast<double>(n.candidates.size()) / std::max<double>(1, view.vertex_count());
  if (!n.kind_mask) return 1;
  double c = 0;
  for (int k = 0; k < graph::kEntityKindCount; ++k)
    if (n.kind_mask & (1u << k)) c += static_cast<double>(view.kind_counts()[k]);
  return c / std::max<double>(1, static_cast<double>(view.vertex_count()));
}

struct Operator {
  std::string name, details;
  double estimate = 0;
};

// One part's operators: the plan steps and the RETURN; filters as extra
// entries after their step (is_filter set) when `with_filters`.
std::vector<Operator> Operators(const graph::GraphView& view, std::string_view text, const BoundQuery& q,
                                bool with_filters) {
  std::vector<Operator> ops;
  const double vertices = static_cast<double>(view.vertex_count());
  double rows = 1;
  // EXPLAIN lists filters as operators of their own; PROFILE counts rows
  // after them, so it names them in the step's details.
  auto add_filters = [&](const std::vector<const BoundExpr*>& filters) {
    for (const BoundExpr* f : filters) {
      if (with_filters)
        ops.push_back({"Filter", Source(text, f->pos), rows});
      else
        ops.back().details += (f == filters.front() ? " WHERE " : " AND ") + Source(text, f->pos);
    }
  };
  for (const Step& s : q.plan.steps) {
    Operator op;
    switch (s.kind) {
      case StepKind::kScan: {
        const NodeSlot& n = q.nodes[s.to];
        double c;
        std::string how;
        if (n.has_candidates) {
          c = static_cast<double>(n.candidates.size());
          how = "by name or id: " + std::to_string(n.candidates.size()) + " candidate" +
                (n.candidates.size() == 1 ? "" : "s");
        } else if (n.kind_mask) {
          c = KindFraction(view, n) * vertices;
          how = "by kind: " + std::to_string(static_cast<int64_t>(c)) + " entities";
        } else {
          c = vertices;
          how = "all " + std::to_string(view.vertex_count()) + " entities";
        }
        rows *= c;
        op = {"NodeScan", NodeText(q, s.to) + " " + how, rows};
        break;
      }
      case StepKind::kExpand:
      case StepKind::kVarExpand:
      case StepKind::kReach: {
        const RelSlot& r = q.rels[s.rel];
        const double d = MeanDegree(view, r);
        double reach = 0, layer = 1;
        for (int h = 0; h <= r.max_hops; ++h) {
          if (h >= r.min_hops) reach += layer;
          layer *= d;
        }
        if (s.kind == StepKind::kReach) reach = std::min(reach, vertices);
        rows *= reach * (s.to_bound ? 1 / std::max(1.0, vertices) : KindFraction(view, q.nodes[s.to]));
        const char* name = s.kind == StepKind::kExpand      ? "Expand"
                           : s.kind == StepKind::kVarExpand ? "VarExpand"
                                                            : "Reach";
        op = {name,
              NodeText(q, s.from) + RelText(q, s.rel, s.reversed) + NodeText(q, s.to) +
                  (s.to_bound ? " (end already bound: checked)" : "") +
                  (s.kind == StepKind::kReach
                       ? (s.reads_name ? " (each end once; names fetched ahead in batches)"
                                       : " (each end once)")
                       : ""),
              rows};
        break;
      }
      case StepKind::kShortest: {
        const bool all = q.paths[s.path].function == PathFunction::kAllShortest;
        op = {all ? "AllShortestPaths" : "ShortestPath",
              NodeText(q, s.from) + RelText(q, s.rel, false) + NodeText(q, s.to) + " (bidirectional BFS)",
              rows};
        break;
      }
      case StepKind::kInput:
        op = {"Input", "the rows of the part before WITH", rows};
        break;
      case StepKind::kOptionalBegin:
        op = {"Optional", "OPTIONAL MATCH " + std::to_string(s.group + 1) + ": the steps up to its end; no match keeps the row with its variables null", rows};
        break;
      case StepKind::kOptionalEnd:
        op = {"OptionalEnd", "OPTIONAL MATCH " + std::to_string(s.group + 1) +
                                 (s.filters.empty() ? "" : " (its WHERE checked here)"),
              rows};
        break;
      case StepKind::kCall: {
        const CallSpec& c = *q.call;
        double touched = 0;
        for (graph::VertexIndex v = 0; v < view.vertex_count(); ++v)
          touched += !view.OutEdges(v).empty() || !view.InEdges(v).empty();
        rows *= touched;
        op = {"Call",
              Source(text, c.pos) + " (Boost.Graph, over the visible edges" +
                  std::string(c.type_mask ? " of the given types" : "") + ")",
              rows};
        break;
      }
    }
    ops.push_back(std::move(op));
    add_filters(s.filters);
  }
  if (with_filters) add_filters(q.plan.final_filters);
  std::string ret;
  for (size_t i = 0; i < q.visible_columns; ++i) ret += (i ? ", " : "") + q.columns[i];
  if (q.distinct) ret = "DISTINCT " + ret;
  std::string extra;
  if (q.has_aggregate) extra += " (aggregated)";
  if (!q.order.empty()) extra += " (sorted)";
  if (q.skip) extra += " SKIP " + std::to_string(q.skip);
  if (q.limit >= 0) {
    extra += " LIMIT " + std::to_string(q.limit);
    rows = std::min(rows, static_cast<double>(q.limit));
  }
  ops.push_back({"Return", ret + extra, rows});
  return ops;
}

}  // namespace

ResultSet ExplainPlan(const graph::GraphView& view, std::string_view text,
                      const std::vector<std::unique_ptr<BoundQuery>>& parts, bool union_all) {
  ResultSet rs;
  rs.columns = {"operator", "details", "estimated rows"};
  for (size_t p = 0; p < parts.size(); ++p) {
    if (p > 0)
      rs.rows.push_back({Value(union_all ? "UnionAll" : "Union"),
                         Value(union_all ? "rows of both parts" : "rows of both parts, duplicates removed"),
                         Value()});
    for (const Operator& op : Operators(view, text, *parts[p], true))
      rs.rows.push_back(
          {Value(op.name), Value(op.details), Value(static_cast<int64_t>(std::ceil(op.estimate)))});
  }
  return rs;
}

ResultSet ProfileTable(const graph::GraphView& view, std::string_view text,
                       const std::vector<std::unique_ptr<BoundQuery>>& parts,
                       const std::vector<std::vector<Executor::OperatorStats>>& stats) {
  ResultSet rs;
  rs.columns = {"operator", "details", "rows", "ms"};
  for (size_t p = 0; p < parts.size() && p < stats.size(); ++p) {
    if (p > 0) rs.rows.push_back({Value("Union"), Value(""), Value(), Value()});
    std::vector<Operator> ops = Operators(view, text, *parts[p], false);
    for (size_t i = 0; i < ops.size() && i < stats[p].size(); ++i) {
      const double ms = std::round(stats[p][i].seconds * 1e6) / 1e3;
      rs.rows.push_back({Value(ops[i].name), Value(ops[i].details),
                         Value(static_cast<int64_t>(stats[p][i].rows)), Value(ms)});
    }
  }
  return rs;
}

}  // namespace geokg::query
