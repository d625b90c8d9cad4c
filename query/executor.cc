#include "query/executor.h"

#include <algorithm>
#include <cmath>
#include <memory>

#include "graph/date.h"
#include "graph/ids.h"
#include "graph/ontology.h"
#include "query/algorithms.h"

namespace geokg::query {

using graph::EdgeIndex;
using graph::VertexIndex;

// Breadth-first search marks, reused across queries on a thread: a vertex
// is marked when its stamp equals the current generation, so nothing is
// cleared between searches. One scratch per nesting level (a shortestPath
// step whose rows feed another one), leased by ScratchLease.
struct BfsScratch {
  uint32_t gen = 0;
  std::vector<uint32_t> mark_f, mark_b, dist_f, dist_b, on_path, pos;
  std::vector<EdgeIndex> par_f, par_b;
  std::vector<VertexIndex> queue_f, queue_b, next, meet, layer, layer_next;
  void Prepare(size_t n) {
    if (mark_f.size() < n) {
      for (auto* v : {&mark_f, &mark_b, &dist_f, &dist_b, &on_path, &pos, &par_f, &par_b}) v->assign(n, 0);
      gen = 0;
    }
    if (++gen == 0) {
      for (auto* v : {&mark_f, &mark_b, &on_path}) std::fill(v->begin(), v->end(), 0);
      gen = 1;
    }
  }
};
namespace {

thread_local std::vector<std::unique_ptr<BfsScratch>> scratch_pool;
thread_local size_t scratch_depth = 0;

class ScratchLease {
 public:
  explicit ScratchLease(size_t n) {
    if (scratch_pool.size() <= scratch_depth) scratch_pool.push_back(std::make_unique<BfsScratch>());
    sc_ = scratch_pool[scratch_depth++].get();
    sc_->Prepare(n);
  }
  ~ScratchLease() { --scratch_depth; }
  BfsScratch& operator*() const { return *sc_; }

 private:
  BfsScratch* sc_;
};

Direction Flip(Direction d) {
  return d == Direction::kOut ? Direction::kIn : d == Direction::kIn ? Direction::kOut : d;
}

}  // namespace

Executor::Executor(const graph::GraphView& view, const BoundQuery& query) : view_(view), q_(query) {
  for (int m = 0; m < graph::kModalityCount; ++m)
    if (q_.options.modalities[m]) modality_mask_ |= 1u << m;
  node_.assign(q_.nodes.size(), 0);
  value_.assign(q_.values.size(), Cell{});
  rel_.assign(q_.rels.size(), RelBinding{});
  size_t hops = 1;
  for (const RelSlot& r : q_.rels) hops += static_cast<size_t>(r.max_hops) + 1;
  edge_stack_.reserve(hops);
  used_.reserve(hops);
  shortest_edges_.resize(q_.paths.size());
  shortest_vertices_.resize(q_.paths.size());
  optional_found_.assign(q_.optionals.size(), false);
  if (q_.input) {
    input_node_in_pattern_.assign(q_.input->slots.size(), false);
    for (size_t c = 0; c < q_.input->slots.size(); ++c)
      for (const BoundPattern& p : q_.patterns)
        for (int n : p.nodes)
          if (q_.input->slots[c].first && n == q_.input->slots[c].second) input_node_in_pattern_[c] = true;
  }
  const QueryOptions& o = q_.options;
  if ((o.from != 0 || o.to != 0) && o.window_stats) {
    window_ = o.window_stats(o.from, o.to);
    if (window_ && window_->size() != view_.edge_count()) window_.reset();
  }
}

bool Executor::Run(const std::function<bool()>& emit) {
  emit_ = &emit;
  // Clamped so that the deadline stays representable (the library may be
  // given any double; the flags and OPTIONS check the range themselves).
  const double seconds = q_.options.time_limit_seconds;
  auto limit = std::chrono::duration<double>(seconds > 0 ? std::min(seconds, kMaxTimeLimitSeconds) : 0.0);
  deadline_ = std::chrono::steady_clock::now() +
              std::chrono::duration_cast<std::chrono::steady_clock::duration>(limit);
  stop_ = timed_out_ = cancelled_ = false;
  if (!stats_.empty()) {
    current_op_ = 0;
    last_switch_ = std::chrono::steady_clock::now();
  }
  RunStep(q_.plan, 0);
  if (!stats_.empty()) SwitchOperator(0);
  return !timed_out_;
}

void Executor::SwitchOperator(size_t op) {
  if (stats_.empty()) return;
  auto now = std::chrono::steady_clock::now();
  stats_[current_op_].seconds += std::chrono::duration<double>(now - last_switch_).count();
  last_switch_ = now;
  current_op_ = op;
}

void Executor::NextProfiled(const Plan& plan, size_t i) {
  if (&plan != &q_.plan) {
    RunStep(plan, i + 1);
    return;
  }
  ++stats_[i].rows;
  SwitchOperator(i + 1);
  RunStep(plan, i + 1);
  SwitchOperator(i);
}

void Executor::Call(const Plan& plan, size_t i, const Step& s) {
  const CallSpec& c = *q_.call;
  AlgorithmResult r;
  // The algorithm stops between units of work on Ctrl-C or the time limit.
  auto keep_going = [this] {
    if (q_.options.cancel != nullptr && q_.options.cancel->load(std::memory_order_relaxed))
      cancelled_ = timed_out_ = stop_ = true;
    else if (std::chrono::steady_clock::now() > deadline_)
      timed_out_ = stop_ = true;
    return !stop_;
  };
  if (!RunAlgorithm(view_, c, [this](EdgeIndex e) { return Visible(e); }, &r, keep_going)) return;
  for (size_t k = 0; k < r.vertices.size(); ++k) {
    node_[s.to] = r.vertices[k];
    for (auto [field, slot] : c.values) {
      Cell& v = value_[slot];
      v.type = Cell::kInt;
      switch (field) {
        case AlgorithmField::kScore:
          if (c.algorithm == Algorithm::kDegree) {
            v.i = r.in[k] + r.out[k];
          } else {
            v.type = Cell::kDouble;
            v.d = r.score[k];
          }
          break;
        case AlgorithmField::kComponent: v.i = r.component[k]; break;
        case AlgorithmField::kSize: v.i = r.size[k]; break;
        case AlgorithmField::kIn: v.i = r.in[k]; break;
        case AlgorithmField::kOut: v.i = r.out[k]; break;
        case AlgorithmField::kTotal: v.i = r.in[k] + r.out[k]; break;
      }
    }
    if (Pass(s.filters)) Next(plan, i);
    if (stop_ || !Tick()) return;
  }
}

bool Executor::Tick() {
  if ((++ticks_ & 1023) == 0) {
    if (q_.options.cancel != nullptr && q_.options.cancel->load(std::memory_order_relaxed))
      cancelled_ = timed_out_ = stop_ = true;
    else if (std::chrono::steady_clock::now() > deadline_)
      timed_out_ = stop_ = true;
  }
  return !stop_;
}

uint32_t Executor::Count(EdgeIndex e) const {
  const auto& counts = CountsOf(e);
  uint32_t c = 0;
  for (int m = 0; m < graph::kModalityCount; ++m)
    if (modality_mask_ & (1u << m)) c += counts[m];
  return c;
}

bool Executor::Visible(EdgeIndex e) const {
  if (Count(e) == 0) return false;
  const QueryOptions& o = q_.options;
  if ((o.from == 0 && o.to == 0) || window_) return true;  // window_: counts are in-window already
  const graph::EdgeData& d = view_.edge(e);
  if (d.first_date == 0) return false;
  graph::Date last = d.last_date ? d.last_date : d.first_date;
  if (o.to && d.first_date > o.to) return false;
  if (o.from && last < o.from) return false;
  return true;
}

bool Executor::EdgeOk(const RelSlot& r, EdgeIndex e) {
  if (r.type_mask && !(r.type_mask & (uint64_t{1} << static_cast<int>(view_.edge(e).type)))) return false;
  if (!Visible(e)) return false;
  if (!r.edge_filters.empty()) {
    current_edge_ = e;
    for (auto& f : r.edge_filters) {
      Cell c = Eval(*f);
      if (c.type != Cell::kBool || !c.b) return false;
    }
  }
  return true;
}

bool Executor::NodeOk(int slot, VertexIndex v) const {
  const NodeSlot& s = q_.nodes[slot];
  if (s.kind_mask && !(s.kind_mask & (1u << static_cast<int>(view_.kind(v))))) return false;
  if (s.has_candidates && !std::binary_search(s.candidates.begin(), s.candidates.end(), v)) return false;
  return true;
}

bool Executor::Used(EdgeIndex e) const {
  for (size_t k = used_floor_; k < used_.size(); ++k)
    if (used_[k] == e) return true;
  return false;
}

bool Executor::Pass(const std::vector<const BoundExpr*>& filters) {
  for (const BoundExpr* f : filters) {
    Cell c = Eval(*f);
    if (c.type != Cell::kBool || !c.b) return false;
  }
  return true;
}

template <class Fn>
void Executor::ForEachEdge(VertexIndex u, const RelSlot& r, Direction dir, Fn&& fn) {
  auto run = [&](std::span<const EdgeIndex> edges, bool out) {
    for (EdgeIndex e : edges) {
      if (!Tick()) return;
      const graph::EdgeData& d = view_.edge(e);
      if (!out && dir == Direction::kBoth && d.source == d.target) continue;  // self-loop once
      if (!EdgeOk(r, e)) continue;
      fn(e, out ? d.target : d.source);
      if (stop_) return;
    }
  };
  if (r.types.empty()) {
    if (dir != Direction::kIn) run(view_.OutEdges(u), true);
    if (dir != Direction::kOut && !stop_) run(view_.InEdges(u), false);
  } else {
    // Short runs are scanned whole (EdgeOk checks the type mask): cheaper
    // than two binary searches per type over scattered EdgeData.
    std::span<const EdgeIndex> out = dir != Direction::kIn ? view_.OutEdges(u) : std::span<const EdgeIndex>();
    std::span<const EdgeIndex> in = dir != Direction::kOut ? view_.InEdges(u) : std::span<const EdgeIndex>();
    if (out.size() + in.size() <= kShortRun) {
      run(out, true);
      if (!stop_) run(in, false);
      return;
    }
    for (graph::RelationType t : r.types) {
      if (dir != Direction::kIn) run(view_.OutEdges(u, t), true);
      if (dir != Direction::kOut && !stop_) run(view_.InEdges(u, t), false);
      if (stop_) return;
    }
  }
}

uint64_t Executor::Degree(VertexIndex v, Direction dir) const {
  return (dir != Direction::kIn ? view_.OutEdges(v).size() : 0) +
         (dir != Direction::kOut ? view_.InEdges(v).size() : 0);
}

void Executor::RunStep(const Plan& plan, size_t i) {
  if (stop_) return;
  if (i == plan.steps.size()) {
    if (&plan != &q_.plan) {  // exists() subplan: one match is enough
      sub_found_ = true;
      stop_ = true;
      return;
    }
    if (!Pass(plan.final_filters)) return;
    if (profiling_) ++stats_[i].rows;
    if (!(*emit_)()) stop_ = true;
    return;
  }
  const Step& s = plan.steps[i];
  const RelSlot* r = s.rel >= 0 ? &q_.rels[s.rel] : nullptr;
  switch (s.kind) {
    case StepKind::kScan: {
      const NodeSlot& ns = q_.nodes[s.to];
      auto visit = [&](VertexIndex v) {
        if (!NodeOk(s.to, v)) return;
        node_[s.to] = v;
        if (Pass(s.filters)) Next(plan, i);
      };
      if (ns.has_candidates) {
        for (VertexIndex v : ns.candidates) {
          visit(v);
          if (stop_ || !Tick()) return;
        }
      } else {
        for (VertexIndex v = 0; v < view_.vertex_count(); ++v) {
          visit(v);
          if (stop_ || !Tick()) return;
        }
      }
      return;
    }
    case StepKind::kExpand: {
      Direction dir = s.reversed ? Flip(r->direction) : r->direction;
      ForEachEdge(node_[s.from], *r, dir, [&](EdgeIndex e, VertexIndex other) {
        if (Used(e)) return;
        if (s.to_bound ? node_[s.to] != other : !NodeOk(s.to, other)) return;
        node_[s.to] = other;
        RelBinding& b = rel_[s.rel];
        b.single = e;
        b.data = &b.single;
        b.len = 1;
        b.reversed = false;
        used_.push_back(e);
        if (Pass(s.filters)) Next(plan, i);
        used_.pop_back();
      });
      return;
    }
    case StepKind::kVarExpand:
      VarExpand(plan, i, s, node_[s.from], 0, static_cast<uint32_t>(edge_stack_.size()));
      return;
    case StepKind::kReach:
      Reach(plan, i, s);
      return;
    case StepKind::kShortest:
      Shortest(plan, i, s);
      return;
    case StepKind::kCall:
      Call(plan, i, s);
      return;
    case StepKind::kInput: {
      if (input_ == nullptr) return;
      const InputSpec& spec = *q_.input;
      for (const std::vector<Value>& row : *input_) {
        bool skip = false;
        for (size_t c = 0; c < spec.slots.size() && c < row.size(); ++c) {
          auto [node, slot] = spec.slots[c];
          const Value& v = row[c];
          if (node) {
            const NodeValue* n = std::get_if<NodeValue>(&v.data);
            // A null node (from OPTIONAL MATCH) matches no pattern.
            if (n == nullptr && input_node_in_pattern_[c]) skip = true;
            node_[slot] = n != nullptr ? n->v : kNullVertex;
            continue;
          }
          Cell& cell = value_[slot];
          cell = Cell{};
          if (const int64_t* i = std::get_if<int64_t>(&v.data)) {
            cell.type = Cell::kInt;
            cell.i = *i;
          } else if (const double* d = std::get_if<double>(&v.data)) {
            cell.type = Cell::kDouble;
            cell.d = *d;
          } else if (const std::string* str = std::get_if<std::string>(&v.data)) {
            cell.type = Cell::kStr;
            cell.s = *str;
          } else if (const bool* b = std::get_if<bool>(&v.data)) {
            cell.type = Cell::kBool;
            cell.b = *b;
          }
        }
        if (skip || !Pass(s.filters)) continue;
        Next(plan, i);
        if (stop_ || !Tick()) return;
      }
      return;
    }
    case StepKind::kOptionalBegin: {
      // The clause's relationships may reuse the MATCH's edges (uniqueness
      // holds within one clause).
      const size_t saved_floor = used_floor_;
      used_floor_ = used_.size();
      optional_found_[s.group] = false;
      Next(plan, i);
      used_floor_ = saved_floor;
      if (stop_ || optional_found_[s.group]) return;
      // No match extends this row: it goes on with the clause's slots null.
      const OptionalGroup& g = q_.optionals[s.group];
      for (int n : g.nodes) node_[n] = kNullVertex;
      for (int r : g.rels) {
        RelBinding& b = rel_[r];
        b.single = kNullEdge;
        b.data = nullptr;
        b.len = 0;
      }
      Next(plan, static_cast<size_t>(s.end));
      return;
    }
    case StepKind::kOptionalEnd:
      if (!Pass(s.filters)) return;
      optional_found_[s.group] = true;
      Next(plan, i);
      return;
  }
}

void Executor::VarExpand(const Plan& plan, size_t i, const Step& s, VertexIndex u, int depth, uint32_t base) {
  const RelSlot& r = q_.rels[s.rel];
  if (depth >= r.min_hops && (s.to_bound ? node_[s.to] == u : NodeOk(s.to, u))) {
    VertexIndex saved = node_[s.to];
    node_[s.to] = u;
    RelBinding& b = rel_[s.rel];
    b.data = edge_stack_.data() + base;
    b.len = static_cast<uint32_t>(depth);
    b.reversed = s.reversed;
    if (Pass(s.filters)) Next(plan, i);
    if (s.to_bound) node_[s.to] = saved;
    if (stop_) return;
  }
  if (depth >= r.max_hops) return;
  Direction dir = s.reversed ? Flip(r.direction) : r.direction;
  ForEachEdge(u, r, dir, [&](EdgeIndex e, VertexIndex other) {
    if (Used(e)) return;
    edge_stack_.push_back(e);  // capacity reserved: no allocation
    used_.push_back(e);
    VarExpand(plan, i, s, other, depth + 1, base);
    used_.pop_back();
    edge_stack_.pop_back();
  });
}

void Executor::Reach(const Plan& plan, size_t i, const Step& s) {
  const RelSlot& r = q_.rels[s.rel];
  Direction dir = s.reversed ? Flip(r.direction) : r.direction;
  ScratchLease lease(view_.vertex_count());
  BfsScratch& sc = *lease;
  const uint32_t gen = sc.gen;
  VertexIndex start = node_[s.from];
  auto emit = [&](VertexIndex v) {
    if (!NodeOk(s.to, v)) return;
    node_[s.to] = v;
    rel_[s.rel].len = 0;
    if (Pass(s.filters)) Next(plan, i);
  };
  // The vertices found go out as rows in the order found, in batches of
  // kReachBatch. When the rows read their names, a batch starts with the
  // fetch of its names from memory: a name costs two dependent cache
  // misses (where it lies, then its bytes), which overlapped over a batch
  // cost a fraction of what they do one row at a time.
  size_t emitted = 0;  // sc.next[emitted..] are found but not yet emitted
  auto flush = [&] {
    const std::span<const VertexIndex> found(sc.next.data() + emitted, sc.next.size() - emitted);
    emitted = sc.next.size();
    if (s.reads_name) {
      for (VertexIndex v : found) view_.PrefetchNameRef(v);
      for (VertexIndex v : found) view_.PrefetchName(v);
    }
    for (VertexIndex v : found) {
      emit(v);
      if (stop_) return;
    }
  };
  if (r.min_hops == 0) emit(start);
  bool start_done = r.min_hops == 0;
  sc.mark_f[start] = gen;
  sc.dist_f[start] = 0;
  sc.queue_f.clear();
  sc.queue_f.push_back(start);
  for (int level = 0; level < r.max_hops && !sc.queue_f.empty() && !stop_; ++level) {
    sc.next.clear();
    emitted = 0;
    for (VertexIndex x : sc.queue_f) {
      ForEachEdge(x, r, dir, [&](EdgeIndex e, VertexIndex y) {
        if (y == start) {
          // A closed trail back to the start: any edge except the one that
          // discovered x from the start.
          if (!start_done && (level != 1 || sc.par_f[x] != e)) {
            start_done = true;
            flush();  // the rows found before it go first
            if (!stop_) emit(start);
          }
          return;
        }
        if (sc.mark_f[y] == gen) return;
        sc.mark_f[y] = gen;
        sc.par_f[y] = e;
        sc.next.push_back(y);
        if (sc.next.size() - emitted >= kReachBatch) flush();
      });
      if (stop_) return;
    }
    flush();
    sc.queue_f.swap(sc.next);
  }
}

void Executor::BindPath(const Step& s) {
  RelBinding& b = rel_[s.rel];
  b.data = shortest_edges_[s.path].data();
  b.len = static_cast<uint32_t>(shortest_edges_[s.path].size());
  b.reversed = false;
}

// Layered bidirectional BFS from a (direction fdir) and b (the reverse),
// expanding whole levels of the side whose frontier has the smaller degree
// sum. The first level at which the two marked sets meet gives the distance
// d = df + db; every vertex marked from both sides then has dist_f = df and
// dist_b = db (a meeting at a smaller dist_b would have been seen one level
// earlier), and those vertices are collected in sc.meet. With `first_only`
// the search stops at the first meeting vertex. Returns d, or -1 when b is
// out of reach within max_hops.
int Executor::MeetInTheMiddle(BfsScratch& sc, const RelSlot& r, VertexIndex a, VertexIndex b,
                              bool first_only) {
  const uint32_t gen = sc.gen;
  Direction fdir = r.direction, bdir = Flip(r.direction);
  sc.mark_f[a] = gen;
  sc.dist_f[a] = 0;
  sc.mark_b[b] = gen;
  sc.dist_b[b] = 0;
  sc.queue_f.assign(1, a);
  sc.queue_b.assign(1, b);
  sc.meet.clear();
  uint64_t cost_f = Degree(a, fdir), cost_b = Degree(b, bdir);
  int df = 0, db = 0;
  while (df + db < r.max_hops && !sc.queue_f.empty() && !sc.queue_b.empty() && !stop_) {
    const bool forward = cost_f <= cost_b;
    auto& queue = forward ? sc.queue_f : sc.queue_b;
    auto& mark = forward ? sc.mark_f : sc.mark_b;
    auto& other_mark = forward ? sc.mark_b : sc.mark_f;
    auto& dist = forward ? sc.dist_f : sc.dist_b;
    auto& par = forward ? sc.par_f : sc.par_b;
    const Direction dir = forward ? fdir : bdir;
    const uint32_t level = static_cast<uint32_t>(forward ? df : db) + 1;
    uint64_t cost = 0;
    bool done = false;
    sc.next.clear();
    for (VertexIndex x : queue) {
      ForEachEdge(x, r, dir, [&](EdgeIndex e, VertexIndex y) {
        if (done || mark[y] == gen) return;
        mark[y] = gen;
        dist[y] = level;
        par[y] = e;
        sc.next.push_back(y);
        cost += Degree(y, dir);
        if (other_mark[y] == gen) {
          sc.meet.push_back(y);
          done = first_only;
        }
      });
      if (stop_ || done) break;
    }
    queue.swap(sc.next);
    (forward ? cost_f : cost_b) = cost;
    (forward ? df : db) += 1;
    if (!sc.meet.empty()) return df + db;
  }
  return -1;
}

void Executor::Shortest(const Plan& plan, size_t i, const Step& s) {
  const RelSlot& r = q_.rels[s.rel];
  const PathSlot& ps = q_.paths[s.path];
  VertexIndex a = node_[s.from], b = node_[s.to];
  std::vector<EdgeIndex>& pe = shortest_edges_[s.path];
  std::vector<VertexIndex>& pv = shortest_vertices_[s.path];
  auto emit = [&]() {
    BindPath(s);
    if (Pass(s.filters)) Next(plan, i);
  };
  if (a == b) {
    if (r.min_hops == 0) {
      pe.clear();
      pv.assign(1, a);
      emit();
    }
    return;
  }
  ScratchLease lease(view_.vertex_count());
  BfsScratch& sc = *lease;
  const uint32_t gen = sc.gen;
  const bool all = ps.function == PathFunction::kAllShortest;
  const int d = MeetInTheMiddle(sc, r, a, b, !all);
  if (d < 0 || d < r.min_hops || stop_) return;
  auto far_end = [&](EdgeIndex e, VertexIndex v) {
    const graph::EdgeData& ed = view_.edge(e);
    return ed.target == v ? ed.source : ed.target;
  };
  if (!all) {
    // a .. m along the forward parents, then m .. b along the backward ones.
    const VertexIndex m = sc.meet.front();
    pe.clear();
    pv.clear();
    for (VertexIndex v = m; v != a; v = far_end(sc.par_f[v], v)) {
      pv.push_back(v);
      pe.push_back(sc.par_f[v]);
    }
    pv.push_back(a);
    std::reverse(pe.begin(), pe.end());
    std::reverse(pv.begin(), pv.end());
    for (VertexIndex v = m; v != b;) {
      pe.push_back(sc.par_b[v]);
      v = far_end(sc.par_b[v], v);
      pv.push_back(v);
    }
    emit();
    return;
  }
  // All shortest paths: mark the vertices that lie on one, with their
  // position along it, walking from the meeting layer back to a over
  // complete forward levels and on to b over complete backward levels.
  // Enumeration then only follows edges between marked vertices whose
  // position grows by one, so it never meets a dead end.
  const uint32_t dm = sc.dist_f[sc.meet.front()];
  for (VertexIndex m : sc.meet) {
    sc.on_path[m] = gen;
    sc.pos[m] = dm;
  }
  for (bool toward_a : {true, false}) {
    auto& mark = toward_a ? sc.mark_f : sc.mark_b;
    auto& dist = toward_a ? sc.dist_f : sc.dist_b;
    const Direction dir = toward_a ? Flip(r.direction) : r.direction;
    sc.layer.assign(sc.meet.begin(), sc.meet.end());
    while (!sc.layer.empty() && !stop_) {
      sc.layer_next.clear();
      for (VertexIndex x : sc.layer) {
        if (dist[x] == 0) continue;
        ForEachEdge(x, r, dir, [&](EdgeIndex, VertexIndex w) {
          if (mark[w] != gen || dist[w] + 1 != dist[x] || sc.on_path[w] == gen) return;
          sc.on_path[w] = gen;
          sc.pos[w] = toward_a ? dist[w] : static_cast<uint32_t>(d) - dist[w];
          sc.layer_next.push_back(w);
        });
      }
      sc.layer.swap(sc.layer_next);
    }
  }
  if (stop_) return;
  pe.clear();
  pv.assign(1, a);
  EnumerateShortest(plan, i, s, sc, a, 0, d);
}

void Executor::EnumerateShortest(const Plan& plan, size_t i, const Step& s, const BfsScratch& sc,
                                 VertexIndex u, int dist, int total) {
  std::vector<EdgeIndex>& pe = shortest_edges_[s.path];
  std::vector<VertexIndex>& pv = shortest_vertices_[s.path];
  if (dist == total) {
    BindPath(s);
    if (Pass(s.filters)) Next(plan, i);
    return;
  }
  const RelSlot& r = q_.rels[s.rel];
  const uint32_t gen = sc.gen;
  ForEachEdge(u, r, r.direction, [&](EdgeIndex e, VertexIndex y) {
    if (sc.on_path[y] != gen || static_cast<int>(sc.pos[y]) != dist + 1) return;
    pe.push_back(e);
    pv.push_back(y);
    EnumerateShortest(plan, i, s, sc, y, dist + 1, total);
    pe.pop_back();
    pv.pop_back();
  });
}

bool Executor::RunSubplan(int index) {
  // Nested search with the outer bindings in place; the outer stop flag is
  // saved, and used_ grows then shrinks back.
  bool saved_stop = stop_;
  sub_found_ = false;
  size_t used = used_.size();
  RunStep(q_.subplans[index], 0);
  used_.resize(used);
  bool found = sub_found_;
  stop_ = saved_stop || timed_out_;
  return found;
}

}  // namespace geokg::query
