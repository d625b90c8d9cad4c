// Executor: runs a Plan depth-first over the view. Internal to the query
// module. All traversal state (bindings, edge stacks, BFS marks) is sized
// once per query, so expansion does no heap allocation.
#pragma once

#include <chrono>
#include <functional>

#include "query/engine.h"
#include "query/plan.h"

namespace geokg::query {

// The evaluated form of an expression while rows are being found; strings
// are views into the graph, the ontology tables or the bound query.
struct Cell {
  enum Type {
    kNull,
    kBool,
    kInt,
    kDouble,
    kStr,
    kDate,
    kNode,
    kEdge,
    kEdgeList,
    kPath,
    kList,
    kAliasList,
    kModList
  };
  Type type = kNull;
  bool b = false;
  int64_t i = 0;
  double d = 0;
  std::string_view s;
  uint32_t id = 0;                  // vertex, edge, rel slot or path slot
  const BoundExpr* list = nullptr;  // kList
};

struct BfsScratch;  // executor.cc

class Executor {
 public:
  Executor(const graph::GraphView& view, const BoundQuery& query);

  // Runs the plan, calling `emit` per binding; `emit` returns false to stop.
  // Returns false if the time limit or the cancel flag stopped the search.
  bool Run(const std::function<bool()>& emit);
  // After Run returned false: the cancel flag, not the time limit, stopped it.
  bool cancelled() const { return cancelled_; }
  // The rows of the part before WITH (a kInput step binds them), which must
  // outlive Run.
  void SetInput(const std::vector<std::vector<Value>>* rows) { input_ = rows; }

  // PROFILE: per operator (plan step i; index steps.size() is the row
  // sink: projection, aggregation, sorting), the rows it passed on and the
  // time spent in it, its children excluded. Call before Run.
  struct OperatorStats {
    uint64_t rows = 0;
    double seconds = 0;
  };
  void EnableProfile() {
    stats_.assign(q_.plan.steps.size() + 1, OperatorStats{});
    profiling_ = true;
  }
  const std::vector<OperatorStats>& profile() const { return stats_; }
  // While profiling, charges the time since the last switch to the current
  // operator and makes `op` current (the engine calls it around its sink).
  void SwitchOperator(size_t op);

  Cell Eval(const BoundExpr& e);
  Value ToValue(const Cell& c);
  Value EvalValue(const BoundExpr& e);

  // Atoms: a 64-bit key for the value of an expression in the current row,
  // so that DISTINCT, grouping and count(DISTINCT x) compare integers
  // instead of building strings. For one expression, two rows have equal
  // atoms exactly when EvalValue would give equal values. Atomizable: a
  // node variable; name, kind, id, country, mentions or documents of a
  // node; type(r), r.type, r.count, r.first_date or r.last_date of a
  // single relationship. Names compare as their string-table ids (equal
  // strings share one id).
  static bool Atomizable(const BoundQuery& q, const BoundExpr& e);
  // The atoms of `e` are below this bound (0: unbounded), for bitmaps.
  // REQUIRES: Atomizable(q, e).
  static uint64_t AtomBound(const graph::GraphView& view, const BoundExpr& e);
  // REQUIRES: Atomizable(query, e).
  uint64_t Atom(const BoundExpr& e) const;
  static constexpr uint64_t kNullAtom = UINT64_MAX;

 private:
  struct RelBinding {
    graph::EdgeIndex single = 0;
    const graph::EdgeIndex* data = nullptr;
    uint32_t len = 0;
    bool reversed = false;
  };

  void RunStep(const Plan& plan, size_t i);
  // RunStep(plan, i + 1) for a binding step i made, counted when profiling
  // (one predictable branch otherwise: this is on every binding's path).
  void Next(const Plan& plan, size_t i) {
    if (!profiling_) [[likely]] {
      RunStep(plan, i + 1);
      return;
    }
    NextProfiled(plan, i);
  }
  void NextProfiled(const Plan& plan, size_t i);
  void Call(const Plan& plan, size_t i, const Step& s);
  bool Pass(const std::vector<const BoundExpr*>& filters);
  bool NodeOk(int slot, graph::VertexIndex v) const;
  bool EdgeOk(const RelSlot& r, graph::EdgeIndex e);
  bool Visible(graph::EdgeIndex e) const;
  uint32_t Count(graph::EdgeIndex e) const;
  bool Used(graph::EdgeIndex e) const;
  bool Tick();
  template <class Fn>
  void ForEachEdge(graph::VertexIndex u, const RelSlot& r, Direction dir, Fn&& fn);
  void VarExpand(const Plan& plan, size_t i, const Step& s, graph::VertexIndex u, int depth, uint32_t base);
  void Reach(const Plan& plan, size_t i, const Step& s);
  void Shortest(const Plan& plan, size_t i, const Step& s);
  int MeetInTheMiddle(BfsScratch& sc, const RelSlot& r, graph::VertexIndex a, graph::VertexIndex b,
                      bool first_only);
  void EnumerateShortest(const Plan& plan, size_t i, const Step& s, const BfsScratch& sc,
                         graph::VertexIndex u, int dist, int total);
  // Edges of v a traversal in direction dir looks at (the cost of expanding v).
  uint64_t Degree(graph::VertexIndex v, Direction dir) const;
  // Typed expansion scans a vertex's whole run below this many edges.
  static constexpr size_t kShortRun = 32;
  // Reach emits its rows in batches of this many vertices, with their
  // names fetched ahead when the rows read them: enough misses in flight
  // to hide memory latency, few enough that a LIMIT overshoots little.
  // (8 to 128 measured alike on the 5M-relation benchmark.)
  static constexpr size_t kReachBatch = 16;
  void BindPath(const Step& s);
  bool RunSubplan(int index);
  PathValue BuildPath(int path_slot) const;
  std::vector<graph::EdgeIndex> RelEdges(int rel_slot) const;  // pattern order
  Cell Property(const BoundExpr& e);
  Cell Compare(const Cell& a, const Cell& b, CompareOp op);
  bool ListContains(const Cell& list, const Cell& x, bool* saw_null);

  // The edge's counts, dates and confidence: inside the window when
  // window_ is set, else the view's lifetime figures.
  const std::array<uint32_t, graph::kModalityCount>& CountsOf(graph::EdgeIndex e) const {
    return window_ ? (*window_)[e].counts : view_.edge(e).counts;
  }

  // A slot an OPTIONAL MATCH left unmatched.
  static constexpr graph::VertexIndex kNullVertex = UINT32_MAX;
  static constexpr graph::EdgeIndex kNullEdge = UINT32_MAX;
  std::vector<bool> optional_found_;  // per OPTIONAL MATCH, while it runs
  const std::vector<std::vector<Value>>* input_ = nullptr;
  std::vector<bool> input_node_in_pattern_;  // per input column: a node slot a pattern expands from
  size_t used_floor_ = 0;             // Used() looks at used_[used_floor_..]

  const graph::GraphView& view_;
  const BoundQuery& q_;
  std::shared_ptr<const std::vector<WindowStats>> window_;
  uint32_t modality_mask_ = 0;
  std::vector<graph::VertexIndex> node_;
  std::vector<Cell> value_;  // value slots (CALL fields)
  std::vector<OperatorStats> stats_;  // empty unless profiling
  bool profiling_ = false;
  size_t current_op_ = 0;
  std::chrono::steady_clock::time_point last_switch_;
  std::vector<RelBinding> rel_;
  std::vector<graph::EdgeIndex> edge_stack_;                   // variable-length edges, reserved
  std::vector<graph::EdgeIndex> used_;                         // edges bound in this row
  std::vector<std::vector<graph::EdgeIndex>> shortest_edges_;  // per path slot
  std::vector<std::vector<graph::VertexIndex>> shortest_vertices_;
  std::string id_text_;                // backing store of the last n.id
  graph::EdgeIndex current_edge_ = 0;  // for per-edge filters (slot -2)
  const std::function<bool()>* emit_ = nullptr;
  bool stop_ = false, timed_out_ = false, cancelled_ = false;
  bool sub_found_ = false;
  int sub_depth_ = 0;
  uint32_t ticks_ = 0;
  std::chrono::steady_clock::time_point deadline_;
};

}  // namespace geokg::query
