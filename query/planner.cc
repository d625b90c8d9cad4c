// Planner: orders the patterns of a bound query into steps. Each pattern
// starts at its most selective node (already bound, else fewest candidates:
// named entities, then kinds, then everything) and expands outwards in both
// directions; WHERE conjuncts are placed right after the step that binds the
// last variable they read.
#include <algorithm>

#include "query/plan.h"

namespace geokg::query {
namespace {

void CollectSlots(const BoundExpr& e, std::vector<std::pair<SlotKind, int>>* out, bool* has_exists) {
  if ((e.kind == ExprKind::kVariable || e.kind == ExprKind::kProperty) && e.slot >= 0)
    out->push_back({e.slot_kind, e.slot});
  if (e.kind == ExprKind::kExistsPattern) *has_exists = true;
  for (auto& a : e.args) CollectSlots(*a, out, has_exists);
}

// Does `e` read the name of node slot `slot`?
bool ReadsName(const BoundExpr& e, int slot) {
  if (e.kind == ExprKind::kProperty && e.slot_kind == SlotKind::kNode && e.slot == slot &&
      e.prop == Prop::kName)
    return true;
  for (auto& a : e.args)
    if (ReadsName(*a, slot)) return true;
  return false;
}

}  // namespace

void AppendExpansions(const BoundQuery& q, const std::vector<int>& nodes, const std::vector<int>& rels, int start,
                      std::vector<bool>* node_bound, std::vector<Step>* steps) {
  auto expand = [&](int rel_i, int from, int to, bool reversed) {
    Step s;
    s.kind = q.rels[rels[rel_i]].variable_length ? StepKind::kVarExpand : StepKind::kExpand;
    s.from = nodes[from];
    s.to = nodes[to];
    s.rel = rels[rel_i];
    s.reversed = reversed;
    s.to_bound = (*node_bound)[s.to];
    (*node_bound)[s.to] = true;
    steps->push_back(s);
  };
  for (int i = start; i < static_cast<int>(rels.size()); ++i) expand(i, i, i + 1, false);
  for (int i = start - 1; i >= 0; --i) expand(i, i + 1, i, true);
}

bool PlanQuery(const graph::GraphView& view, BoundQuery* q) {
  std::vector<bool> node_bound(q->nodes.size(), false), rel_bound(q->rels.size(), false),
      path_bound(q->paths.size(), false);
  auto cost = [&](int slot) -> double {
    const NodeSlot& s = q->nodes[slot];
    if (node_bound[slot]) return -1;
    if (s.has_candidates) return static_cast<double>(s.candidates.size());
    if (s.kind_mask) {
      double c = 0;
      for (int k = 0; k < graph::kEntityKindCount; ++k)
        if (s.kind_mask & (1u << k)) c += static_cast<double>(view.kind_counts()[k]);
      return c + 0.5;
    }
    return static_cast<double>(view.vertex_count()) + 1;
  };

  if (q->call) {  // the algorithm's rows come first; patterns expand from its node
    Step s;
    s.kind = StepKind::kCall;
    s.to = q->call->node_slot;
    q->plan.steps.push_back(s);
    node_bound[s.to] = true;
  }
  if (q->input) {  // the rows before WITH come first; patterns expand from their nodes
    Step s;
    s.kind = StepKind::kInput;
    q->plan.steps.push_back(s);
    for (auto [node, slot] : q->input->slots)
      if (node) node_bound[slot] = true;
  }
  std::vector<bool> done(q->patterns.size(), false);
  // The MATCH's patterns (group -1), then each OPTIONAL MATCH's between its
  // begin and end steps.
  for (int group = -1; group < static_cast<int>(q->optionals.size()); ++group) {
  size_t begin_step = 0;
  if (group >= 0) {
    Step b;
    b.kind = StepKind::kOptionalBegin;
    b.group = group;
    begin_step = q->plan.steps.size();
    q->plan.steps.push_back(b);
  }
  size_t in_group = 0;
  for (const BoundPattern& p : q->patterns) in_group += p.group == group;
  for (size_t round = 0; round < in_group; ++round) {
    // Next pattern: one touching a bound node, else the cheapest start.
    int best = -1;
    double best_cost = 0;
    for (size_t i = 0; i < q->patterns.size(); ++i) {
      if (done[i] || q->patterns[i].group != group) continue;
      double c = 1e300;
      for (int n : q->patterns[i].nodes) c = std::min(c, cost(n));
      if (best < 0 || c < best_cost) {
        best = static_cast<int>(i);
        best_cost = c;
      }
    }
    done[best] = true;
    const BoundPattern& p = q->patterns[best];
    auto scan = [&](int slot) {
      if (node_bound[slot]) return;
      Step s;
      s.kind = StepKind::kScan;
      s.to = slot;
      q->plan.steps.push_back(s);
      node_bound[slot] = true;
    };
    if (p.function != PathFunction::kNone) {
      int a = p.nodes[0], b = p.nodes[1];
      if (cost(b) < cost(a)) std::swap(a, b);
      scan(a);
      scan(b);
      Step s;
      s.kind = StepKind::kShortest;
      s.from = p.nodes[0];
      s.to = p.nodes[1];
      s.rel = p.rels[0];
      s.path = p.path;
      q->plan.steps.push_back(s);
      rel_bound[s.rel] = true;
    } else {
      int start = 0;
      double c = 1e300;
      for (size_t i = 0; i < p.nodes.size(); ++i) {
        double ci = cost(p.nodes[i]);
        if (ci < c) {
          c = ci;
          start = static_cast<int>(i);
        }
      }
      scan(p.nodes[start]);
      AppendExpansions(*q, p.nodes, p.rels, start, &node_bound, &q->plan.steps);
      for (int r : p.rels) rel_bound[r] = true;
    }
    if (p.path >= 0) path_bound[p.path] = true;
    // Mark the path bound on the last step of this pattern.
    if (!q->plan.steps.empty() && p.path >= 0 && q->plan.steps.back().path < 0) q->plan.steps.back().path = -2 - p.path;
  }
  if (group >= 0) {
    Step e;
    e.kind = StepKind::kOptionalEnd;
    e.group = group;
    q->plan.steps[begin_step].end = static_cast<int>(q->plan.steps.size());
    q->plan.steps.push_back(e);
  }
  }

  // Place conjuncts.
  std::vector<bool> nb(q->nodes.size(), false), rb(q->rels.size(), false), pb(q->paths.size(), false);
  std::vector<std::vector<std::pair<SlotKind, int>>> reads(q->conjuncts.size());
  std::vector<bool> placed(q->conjuncts.size(), false);
  for (size_t i = 0; i < q->conjuncts.size(); ++i) {
    const int group = i < q->conjunct_group.size() ? q->conjunct_group[i] : -1;
    if (group >= 0) {
      // An OPTIONAL MATCH's conditions decide whether it matched: checked
      // at its end step, before the row goes on.
      for (Step& s : q->plan.steps)
        if (s.kind == StepKind::kOptionalEnd && s.group == group) s.filters.push_back(q->conjuncts[i].get());
      placed[i] = true;
      continue;
    }
    bool has_exists = false;
    CollectSlots(*q->conjuncts[i], &reads[i], &has_exists);
    if (has_exists) {
      q->plan.final_filters.push_back(q->conjuncts[i].get());
      placed[i] = true;
    }
  }
  for (Step& s : q->plan.steps) {
    if (s.kind == StepKind::kInput)
      for (auto [node, slot] : q->input->slots)
        if (node) nb[slot] = true;
    if (s.to >= 0) nb[s.to] = true;
    if (s.rel >= 0) rb[s.rel] = true;
    if (s.path >= 0) pb[s.path] = true;
    if (s.path <= -2) pb[-2 - s.path] = true;
    for (size_t i = 0; i < q->conjuncts.size(); ++i) {
      if (placed[i]) continue;
      bool ready = true;
      for (auto [kind, slot] : reads[i]) {
        // Value slots are bound by the CALL, always the first step.
        ready &= kind == SlotKind::kNode  ? nb[slot]
                 : kind == SlotKind::kRel ? rb[slot]
                 : kind == SlotKind::kPath ? pb[slot]
                                           : true;
      }
      if (ready) {
        s.filters.push_back(q->conjuncts[i].get());
        placed[i] = true;
      }
    }
  }
  for (size_t i = 0; i < q->conjuncts.size(); ++i)
    if (!placed[i]) q->plan.final_filters.push_back(q->conjuncts[i].get());
  for (Step& s : q->plan.steps)
    if (s.path <= -2) s.path = -1;

  // DISTINCT reachability: a last variable-length step whose edges nobody
  // reads only needs each reachable target once (BFS instead of paths).
  // So do aggregates that a repeated row cannot change: count(DISTINCT x),
  // collect(DISTINCT x), min, max (grouping keys are de-duplicated anyway).
  bool once_is_enough = q->distinct && !q->has_aggregate;
  if (q->has_aggregate) {
    once_is_enough = true;
    for (size_t i = 0; i < q->items.size(); ++i) {
      if (!q->aggregate[i]) continue;
      const BoundExpr& f = *q->items[i];
      if (f.kind != ExprKind::kFunction || f.star) {
        once_is_enough = false;
        continue;
      }
      once_is_enough &= f.distinct || f.function == "min" || f.function == "max";
    }
  }
  if (once_is_enough && q->plan.steps.size() == 2 && q->rels.size() == 1 && q->paths.empty() &&
      q->subplans.empty()) {
    Step& s = q->plan.steps.back();
    const RelSlot& r = q->rels[s.rel];
    if (s.kind == StepKind::kVarExpand && r.name.empty() && r.min_hops <= 1 && !s.to_bound) {
      s.kind = StepKind::kReach;
      auto reads_name = [&](const BoundExpr* e) { return ReadsName(*e, s.to); };
      for (const auto& item : q->items) s.reads_name |= reads_name(item.get());
      s.reads_name |= std::any_of(s.filters.begin(), s.filters.end(), reads_name) ||
                      std::any_of(q->plan.final_filters.begin(), q->plan.final_filters.end(), reads_name);
    }
  }
  return true;
}

}  // namespace geokg::query
