#include "query/engine.h"

#include <algorithm>
#include <chrono>
#include <array>
#include <map>
#include <set>
#include <tuple>

#include "query/executor.h"
#include "query/explain.h"
#include "query/parser.h"
#include "query/plan.h"

namespace geokg::query {
namespace {

// A set of up to kMaxAtoms atoms per key (Executor::Atom), open
// addressing: Insert returns the key's index, new keys numbered from 0 in
// insertion order. Used instead of sets of Value rows when every column of
// a DISTINCT or grouping key is atomizable: no string is built or compared
// per row.
constexpr size_t kMaxAtoms = 4;
using AtomKey = std::array<uint64_t, kMaxAtoms>;

class AtomTable {
 public:
  // Returns (index, added).
  std::pair<uint32_t, bool> Insert(const AtomKey& key) {
    if ((keys_.size() + 1) * 2 > slots_.size()) Grow();
    size_t i = Hash(key) & (slots_.size() - 1);
    while (slots_[i] != kEmpty) {
      const AtomKey& k = keys_[slots_[i]];
      if (k[0] == key[0] && k[1] == key[1] && k[2] == key[2] && k[3] == key[3]) return {slots_[i], false};
      i = (i + 1) & (slots_.size() - 1);
    }
    slots_[i] = static_cast<uint32_t>(keys_.size());
    keys_.push_back(key);
    return {slots_[i], true};
  }
  size_t size() const { return keys_.size(); }

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;
  static size_t Hash(const AtomKey& k) {
    uint64_t h = 0x9E3779B97F4A7C15ull;
    for (uint64_t x : k) {
      h ^= x + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
      h *= 0xff51afd7ed558ccdull;
    }
    return static_cast<size_t>(h ^ (h >> 31));
  }
  void Grow() {
    std::vector<uint32_t> slots(std::max<size_t>(16, slots_.size() * 2), kEmpty);
    for (uint32_t k = 0; k < keys_.size(); ++k) {
      size_t i = Hash(keys_[k]) & (slots.size() - 1);
      while (slots[i] != kEmpty) i = (i + 1) & (slots.size() - 1);
      slots[i] = k;
    }
    slots_.swap(slots);
  }
  std::vector<uint32_t> slots_;
  std::vector<AtomKey> keys_;
};

// Seen-sets over atoms: a bitmap when the atoms are bounded (null is the
// bit past the bound), else an AtomTable. Insert returns true when new.
class AtomSet {
 public:
  explicit AtomSet(uint64_t bound) : bound_(bound) {
    if (bound_ > 0) bits_.assign((bound_ + 1 + 63) / 64, 0);
  }
  bool Insert(const AtomKey& key) {
    if (bound_ == 0) return table_.Insert(key).second;
    const uint64_t a = key[0] == Executor::kNullAtom ? bound_ : key[0];
    uint64_t& word = bits_[a / 64];
    const uint64_t bit = uint64_t{1} << (a % 64);
    if (word & bit) return false;
    word |= bit;
    return true;
  }

 private:
  uint64_t bound_;
  std::vector<uint64_t> bits_;
  AtomTable table_;
};

// The state of one aggregate function over one group.
struct Aggregate {
  int64_t count = 0;  // count; values seen for avg
  ValueList list;     // collect
  int64_t int_sum = 0;
  double float_sum = 0;
  bool is_float = false;  // sum/avg: a float was seen (or the int sum overflowed)
  Value best;             // min/max; null until a value is seen
  std::set<Value> seen;   // for DISTINCT
  std::unique_ptr<AtomSet> seen_atoms;  // for DISTINCT of an atomizable argument
};

// Adds one non-null value to `a`. Returns false when sum/avg meets a
// non-number.
bool Accumulate(const std::string& f, Value v, Aggregate* a) {
  if (f == "count") {
    ++a->count;
  } else if (f == "collect") {
    a->list.push_back(std::move(v));
  } else if (f == "min" || f == "max") {
    if (a->best.is_null() || (f == "min" ? Value::Compare(v, a->best) < 0 : Value::Compare(v, a->best) > 0))
      a->best = std::move(v);
  } else {  // sum, avg
    ++a->count;
    if (const int64_t* i = std::get_if<int64_t>(&v.data)) {
      int64_t sum;
      if (a->is_float) {
        a->float_sum += static_cast<double>(*i);
      } else if (__builtin_add_overflow(a->int_sum, *i, &sum)) {
        a->is_float = true;
        a->float_sum = static_cast<double>(a->int_sum) + static_cast<double>(*i);
      } else {
        a->int_sum = sum;
      }
    } else if (const double* d = std::get_if<double>(&v.data)) {
      if (!a->is_float) a->float_sum = static_cast<double>(a->int_sum);
      a->is_float = true;
      a->float_sum += *d;
    } else {
      return false;
    }
  }
  return true;
}

Value Finish(const std::string& f, Aggregate& a) {
  if (f == "count") return Value(a.count);
  if (f == "collect") return Value(std::move(a.list));
  if (f == "min" || f == "max") return std::move(a.best);
  if (a.count == 0) return Value();  // sum/avg of nothing
  const double total = a.is_float ? a.float_sum : static_cast<double>(a.int_sum);
  if (f == "avg") return Value(total / static_cast<double>(a.count));
  return a.is_float ? Value(a.float_sum) : Value(a.int_sum);
}

// The memory a statement holds while it runs (QueryOptions::max_memory_mb):
// what RunPart keeps (rows for ORDER BY and WITH, DISTINCT keys, groups and
// their aggregates) and, when the caller keeps them, the result rows.
class MemoryBudget {
 public:
  explicit MemoryBudget(size_t megabytes)
      : megabytes_(megabytes), limit_(megabytes > (SIZE_MAX >> 20) ? SIZE_MAX : megabytes << 20) {}
  // Adds `bytes`; false once the budget is exceeded.
  bool Charge(size_t bytes) {
    used_ += bytes;
    return used_ <= limit_;
  }
  bool Charge(const std::vector<Value>& row) {
    size_t bytes = sizeof(row) + (row.capacity() - row.size()) * sizeof(Value);
    for (const Value& v : row) bytes += ApproximateBytes(v);
    return Charge(bytes);
  }
  bool exceeded() const { return used_ > limit_; }
  QueryError Error() const {
    return QueryError{0, 0, 1,
                      "query exceeded its memory budget of " + std::to_string(megabytes_) +
                          " MB (raise it with --max-memory or OPTIONS {max_memory_mb: N})"};
  }

 private:
  size_t megabytes_, limit_, used_ = 0;
};

// Bytes of a node of std::map / std::set beside its value.
constexpr size_t kTreeNodeBytes = 48;

QueryError LimitError(const BoundQuery& q, bool cancelled) {
  if (cancelled) return QueryError{0, 0, 1, "query cancelled"};
  QueryError error{0, 0, 1,
                   "query stopped after " + std::to_string(q.options.time_limit_seconds) +
                       " s (time limit); narrow the pattern or add a LIMIT"};
  // Trim "30.000000" to "30".
  auto& m = error.message;
  size_t dot = m.find('.');
  size_t sp = m.find(" s (");
  if (dot != std::string::npos && dot < sp) {
    size_t end = sp;
    while (end > dot + 1 && m[end - 1] == '0') --end;
    if (end == dot + 1) --end;
    m.erase(end, sp - end);
  }
  return error;
}

// Runs one bound query: its rows after its own DISTINCT, aggregation, ORDER
// BY, SKIP and LIMIT go to `sink` (visible columns only), which returns
// false to stop. Returns false with *error on the time limit, cancellation
// or a value an aggregate cannot take. With `ex` profiling, the time of
// aggregation and sorting after the search is charged to the sink operator.
template <class SinkFn>  // bool(std::vector<Value>&); a template so that rows pay no std::function call
bool RunPart(const graph::GraphView& view, const BoundQuery& q, Executor& ex, SinkFn& sink, MemoryBudget& budget,
             QueryError* error) {
  const size_t limit = q.limit < 0 ? SIZE_MAX : static_cast<size_t>(q.limit);
  size_t skipped = 0, sent = 0;
  bool stopped = false;
  auto deliver = [&](std::vector<Value>& row) -> bool {
    if (skipped < static_cast<size_t>(q.skip)) {
      ++skipped;
      return true;
    }
    if (sent >= limit) return false;
    row.resize(q.visible_columns);
    ++sent;
    if (!sink(row)) {
      stopped = true;
      return false;
    }
    return sent < limit;
  };

  const bool streaming = !q.has_aggregate && q.order.empty();
  std::vector<Value> row(q.items.size());
  std::set<std::vector<Value>> distinct_seen;
  // RETURN DISTINCT of one node variable (reachability queries): a bitmap
  // over vertices instead of a set of rows.
  const bool distinct_node = q.distinct && q.visible_columns == 1 && q.items[0]->kind == ExprKind::kVariable &&
                             q.items[0]->slot_kind == SlotKind::kNode;
  std::vector<uint64_t> seen_nodes(distinct_node ? (view.vertex_count() + 63) / 64 : 0, 0);
  std::vector<std::vector<Value>> collected;
  std::map<std::vector<Value>, std::vector<Aggregate>> groups;
  std::vector<size_t> key_items, agg_items;
  for (size_t i = 0; i < q.items.size(); ++i) (q.aggregate[i] ? agg_items : key_items).push_back(i);
  const BoundExpr* bad_value = nullptr;  // an aggregate argument that is not a number
  Value bad;

  // Keys made of atoms (Executor::Atom) when every key column allows it:
  // grouping then hashes integers, and a key's values are built once, when
  // its group is made. DISTINCT rows likewise.
  auto all_atomizable = [&](const std::vector<size_t>& items) {
    if (items.size() > kMaxAtoms) return false;
    for (size_t i : items)
      if (!Executor::Atomizable(q, *q.items[i])) return false;
    return true;
  };
  const bool atom_groups = q.has_aggregate && all_atomizable(key_items);
  AtomTable group_index;
  // One key column with bounded atoms (a type, a kind, a name, a node):
  // group numbers straight from an array indexed by the atom (null last).
  const uint64_t direct_bound =
      atom_groups && key_items.size() == 1 ? Executor::AtomBound(view, *q.items[key_items[0]]) : 0;
  std::vector<uint32_t> direct_index(direct_bound > 0 && direct_bound <= (uint64_t{1} << 24) ? direct_bound + 1 : 0,
                                     UINT32_MAX);
  std::vector<std::pair<std::vector<Value>, std::vector<Aggregate>>> atom_group_list;
  std::vector<size_t> visible_items;
  for (size_t i = 0; i < q.visible_columns; ++i) visible_items.push_back(i);
  const bool atom_distinct = q.distinct && !q.has_aggregate && !distinct_node && all_atomizable(visible_items);
  AtomSet distinct_atoms(atom_distinct && visible_items.size() == 1 ? Executor::AtomBound(view, *q.items[0]) : 0);
  // Per aggregate: its argument is atomizable (count(DISTINCT b.name) and so on).
  std::vector<bool> atom_arg(agg_items.size(), false);
  for (size_t k = 0; k < agg_items.size(); ++k) {
    const BoundExpr& f = *q.items[agg_items[k]];
    atom_arg[k] = f.distinct && !f.star && f.args.size() == 1 && Executor::Atomizable(q, *f.args[0]);
  }

  bool ok = ex.Run([&]() -> bool {
    if (q.has_aggregate) {
      std::vector<Aggregate>* aggs;
      if (atom_groups) {
        uint32_t index;
        bool added;
        if (!direct_index.empty()) {
          const uint64_t atom = ex.Atom(*q.items[key_items[0]]);
          uint32_t& slot = direct_index[atom == Executor::kNullAtom ? direct_bound : atom];
          added = slot == UINT32_MAX;
          if (added) slot = static_cast<uint32_t>(atom_group_list.size());
          index = slot;
        } else {
          AtomKey key{};
          for (size_t k = 0; k < key_items.size(); ++k) key[k] = ex.Atom(*q.items[key_items[k]]);
          std::tie(index, added) = group_index.Insert(key);
        }
        if (added) {
          std::vector<Value> values;
          values.reserve(key_items.size());
          for (size_t i : key_items) values.push_back(ex.EvalValue(*q.items[i]));
          atom_group_list.emplace_back(std::move(values), std::vector<Aggregate>(agg_items.size()));
          if (!budget.Charge(atom_group_list.back().first) ||
              !budget.Charge(kTreeNodeBytes + sizeof(AtomKey) + agg_items.size() * sizeof(Aggregate)))
            return false;
        }
        aggs = &atom_group_list[index].second;
      } else {
        std::vector<Value> key;
        key.reserve(key_items.size());
        for (size_t i : key_items) key.push_back(ex.EvalValue(*q.items[i]));
        auto [it, added] = groups.try_emplace(std::move(key));
        if (added) {
          it->second.resize(agg_items.size());
          if (!budget.Charge(it->first) ||
              !budget.Charge(kTreeNodeBytes + agg_items.size() * sizeof(Aggregate)))
            return false;
        }
        aggs = &it->second;
      }
      for (size_t k = 0; k < agg_items.size(); ++k) {
        const BoundExpr& f = *q.items[agg_items[k]];
        Aggregate& a = (*aggs)[k];
        if (f.star) {
          ++a.count;
          continue;
        }
        if (atom_arg[k]) {
          // DISTINCT by atom: the value is built only when first seen.
          const uint64_t atom = ex.Atom(*f.args[0]);
          if (atom == Executor::kNullAtom) continue;
          if (!a.seen_atoms) a.seen_atoms = std::make_unique<AtomSet>(Executor::AtomBound(view, *f.args[0]));
          if (!a.seen_atoms->Insert(AtomKey{atom, 0, 0, 0})) continue;
          if (!budget.Charge(sizeof(AtomKey))) return false;
          Value v = ex.EvalValue(*f.args[0]);
          if (f.function == "collect" && !budget.Charge(ApproximateBytes(v))) return false;
          if (!Accumulate(f.function, std::move(v), &a)) {
            bad_value = f.args[0].get();
            bad = ex.EvalValue(*f.args[0]);
            return false;
          }
          continue;
        }
        Value v = ex.EvalValue(*f.args[0]);
        if (v.is_null()) continue;
        if (f.distinct) {
          if (!a.seen.insert(v).second) continue;
          if (!budget.Charge(kTreeNodeBytes + ApproximateBytes(v))) return false;
        }
        if (f.function == "collect" && !budget.Charge(ApproximateBytes(v))) return false;
        if (!Accumulate(f.function, v, &a)) {
          bad_value = f.args[0].get();
          bad = std::move(v);
          return false;
        }
      }
      return true;
    }
    if (distinct_node) {
      Value node = ex.EvalValue(*q.items[0]);
      if (const NodeValue* n = std::get_if<NodeValue>(&node.data)) {  // always, as MATCH binds every node
        uint64_t& word = seen_nodes[n->v / 64];
        if (word & (uint64_t{1} << (n->v % 64))) return true;
        word |= uint64_t{1} << (n->v % 64);
      }
    }
    if (atom_distinct) {
      AtomKey key{};
      for (size_t k = 0; k < visible_items.size(); ++k) key[k] = ex.Atom(*q.items[k]);
      if (!distinct_atoms.Insert(key)) return true;  // a duplicate holds nothing more
      if (!budget.Charge(sizeof(AtomKey))) return false;
    }
    for (size_t i = 0; i < q.items.size(); ++i) row[i] = ex.EvalValue(*q.items[i]);
    if (q.distinct && !distinct_node && !atom_distinct) {
      std::vector<Value> key(row.begin(), row.begin() + q.visible_columns);
      auto [pos, added] = distinct_seen.insert(std::move(key));
      if (!added) return true;  // a duplicate holds nothing more
      if (!budget.Charge(*pos) || !budget.Charge(kTreeNodeBytes)) return false;
    }
    if (streaming) return deliver(row);
    if (!budget.Charge(row)) return false;
    collected.push_back(row);
    return true;
  });
  if (!ok) {
    *error = LimitError(q, ex.cancelled());
    return false;
  }
  if (budget.exceeded()) {
    *error = budget.Error();
    return false;
  }
  if (bad_value) {
    const BoundExpr* f = nullptr;
    for (size_t i : agg_items)
      if (q.items[i]->args.size() == 1 && q.items[i]->args[0].get() == bad_value) f = q.items[i].get();
    *error = QueryError{bad_value->pos.line, bad_value->pos.column, static_cast<int>(bad_value->pos.length),
                        (f ? f->function : std::string("sum")) + "() takes numbers; found " +
                            ToDisplayString(view, bad) + " (" +
                            (std::holds_alternative<std::string>(bad.data)  ? "a string"
                             : std::holds_alternative<NodeValue>(bad.data)  ? "a node"
                             : std::holds_alternative<bool>(bad.data)       ? "a boolean"
                             : std::holds_alternative<ValueList>(bad.data)  ? "a list"
                                                                             : "not a number") +
                            ")"};
    return false;
  }
  if (streaming || stopped) return true;
  const size_t sink_op = q.plan.steps.size();
  ex.SwitchOperator(sink_op);
  if (q.has_aggregate) {
    if (atom_groups) {
      // Into the map of Value keys: the same order as without atoms.
      for (auto& [key, aggs] : atom_group_list) groups.emplace(std::move(key), std::move(aggs));
    }
    if (groups.empty() && key_items.empty()) groups[{}].resize(agg_items.size());  // count(*) of nothing is 0
    for (auto& [key, aggs] : groups) {
      std::vector<Value> r(q.items.size());
      for (size_t k = 0; k < key_items.size(); ++k) r[key_items[k]] = key[k];
      for (size_t k = 0; k < agg_items.size(); ++k) r[agg_items[k]] = Finish(q.items[agg_items[k]]->function, aggs[k]);
      collected.push_back(std::move(r));
    }
  }
  if (!q.order.empty()) {
    std::stable_sort(collected.begin(), collected.end(), [&](const auto& a, const auto& b) {
      for (auto [col, desc] : q.order) {
        int c = Value::Compare(a[col], b[col]);
        if (c != 0) return desc ? c > 0 : c < 0;
      }
      return false;
    });
  }
  ex.SwitchOperator(0);
  for (auto& r : collected)
    if (!deliver(r)) break;
  return true;
}

// True (with *error set) when the budget ran out, also in a sink after
// RunPart's own checks.
bool Exceeded(const MemoryBudget& budget, QueryError* error) {
  if (!budget.exceeded()) return false;
  *error = budget.Error();
  return true;
}

// Parses and binds every part of a statement; checks that UNION parts agree.
bool Prepare(const graph::GraphView& view, std::string_view text, const QueryOptions& options, QueryAst* ast,
             std::vector<std::unique_ptr<BoundQuery>>* parts, QueryError* error) {
  if (!Parse(text, ast, error, &options.params)) return false;
  if (ast->next) {
    // MATCH ... WITH ... : one part per stage, each starting from the rows
    // of the one before.
    auto fail = [&](const Pos& pos, std::string msg) {
      *error = QueryError{pos.line, pos.column, static_cast<int>(pos.length), std::move(msg)};
      return false;
    };
    if (!ast->unions.empty()) return fail(ast->union_joins[0].pos, "UNION of queries with WITH is not supported");
    if (ast->mode != QueryMode::kRun)
      return fail(ast->with_pos, "EXPLAIN and PROFILE of a query with WITH are not supported yet");
    parts->push_back(std::make_unique<BoundQuery>());
    if (!BindQuery(view, text, *ast, options, parts->back().get(), error)) return false;
    for (QueryAst* stage = ast->next.get(); stage != nullptr; stage = stage->next.get()) {
      const BoundQuery& before = *parts->back();
      std::vector<InputColumn> input;
      for (size_t i = 0; i < before.visible_columns; ++i) {
        const BoundExpr& item = *before.items[i];
        input.push_back({before.columns[i], item.kind == ExprKind::kVariable && item.slot_kind == SlotKind::kNode &&
                                                !before.aggregate[i]});
      }
      const QueryOptions stage_options = before.options;  // OPTIONS hold for the whole query
      parts->push_back(std::make_unique<BoundQuery>());
      if (!BindQuery(view, text, *stage, stage_options, parts->back().get(), error, &input)) return false;
    }
    return true;
  }
  std::vector<QueryAst*> asts{ast};
  for (QueryAst& u : ast->unions) asts.push_back(&u);
  for (size_t k = 0; k < asts.size(); ++k) {
    parts->push_back(std::make_unique<BoundQuery>());
    if (!BindQuery(view, text, *asts[k], options, parts->back().get(), error)) return false;
    if (k == 0) continue;
    const UnionJoin& join = ast->union_joins[k - 1];
    auto fail = [&](std::string msg) {
      *error = QueryError{join.pos.line, join.pos.column, static_cast<int>(join.pos.length), std::move(msg)};
      return false;
    };
    if (join.all != ast->union_joins[0].all) return fail("UNION and UNION ALL cannot be mixed in one query");
    const BoundQuery& a = *(*parts)[0];
    const BoundQuery& b = *parts->back();
    auto names = [](const BoundQuery& q) {
      std::string s;
      for (size_t i = 0; i < q.visible_columns; ++i) s += (i ? ", " : "") + q.columns[i];
      return s;
    };
    if (!std::equal(a.columns.begin(), a.columns.begin() + a.visible_columns, b.columns.begin(),
                    b.columns.begin() + b.visible_columns))
      return fail("UNION needs the same column names on both sides (" + names(a) + " | " + names(b) +
                  "); rename with AS");
  }
  return true;
}

// The statement as a whole: EXPLAIN, PROFILE, UNION. `profile` (may be
// null) receives PROFILE's operator table.
// `keeps_rows`: the caller holds every row it is given (RunQuery), so the
// rows count against the memory budget.
bool RunStatement(const graph::GraphView& view, std::string_view text, const QueryOptions& options,
                  const ColumnsCallback& columns_cb, const RowCallback& row_cb, bool* truncated,
                  std::shared_ptr<const ResultSet>* profile, bool keeps_rows, QueryError* error) {
  if (truncated) *truncated = false;
  QueryAst ast;
  std::vector<std::unique_ptr<BoundQuery>> parts;
  if (!Prepare(view, text, options, &ast, &parts, error)) return false;
  const BoundQuery& first = ast.next ? *parts.back() : *parts[0];

  if (ast.mode == QueryMode::kExplain) {
    ResultSet plan = ExplainPlan(view, text, parts, ast.union_joins.empty() ? false : ast.union_joins[0].all);
    if (columns_cb) columns_cb(plan.columns);
    for (const auto& r : plan.rows)
      if (!row_cb(r)) break;
    return true;
  }

  std::vector<std::string> visible(first.columns.begin(), first.columns.begin() + first.visible_columns);
  if (columns_cb) columns_cb(visible);
  const bool dedupe = !ast.union_joins.empty() && !ast.union_joins[0].all;
  std::set<std::vector<Value>> union_seen;
  const size_t max_rows = first.options.max_rows;
  MemoryBudget budget(first.options.max_memory_mb);
  size_t sent = 0;
  bool stop = false;
  auto sink = [&](std::vector<Value>& row) -> bool {
    if (dedupe) {
      auto [pos, added] = union_seen.insert(row);
      if (!added) return true;
      if (!budget.Charge(*pos) || !budget.Charge(kTreeNodeBytes)) return false;
    }
    if (sent >= max_rows) {
      if (truncated) *truncated = true;
      stop = true;
      return false;
    }
    ++sent;
    if (keeps_rows && !budget.Charge(row)) return false;
    if (!row_cb(row)) {
      stop = true;
      return false;
    }
    return true;
  };
  std::vector<std::vector<Executor::OperatorStats>> stats;
  if (ast.next) {
    // WITH: every stage but the last collects its rows for the next.
    std::vector<std::vector<Value>> rows, next_rows;
    for (size_t k = 0; k < parts.size(); ++k) {
      Executor ex(view, *parts[k]);
      if (k > 0) ex.SetInput(&rows);
      if (k + 1 == parts.size()) return RunPart(view, *parts[k], ex, sink, budget, error) && !Exceeded(budget, error);
      next_rows.clear();
      auto collect = [&](std::vector<Value>& row) -> bool {
        if (!budget.Charge(row)) return false;
        next_rows.push_back(row);
        return true;
      };
      if (!RunPart(view, *parts[k], ex, collect, budget, error) || Exceeded(budget, error)) return false;
      rows.swap(next_rows);
    }
    return true;
  }
  for (const auto& part : parts) {
    Executor ex(view, *part);
    if (ast.mode == QueryMode::kProfile) ex.EnableProfile();
    if (!RunPart(view, *part, ex, sink, budget, error) || Exceeded(budget, error)) return false;
    if (ast.mode == QueryMode::kProfile) stats.push_back(ex.profile());
    if (stop) break;
  }
  if (ast.mode == QueryMode::kProfile && profile)
    *profile = std::make_shared<const ResultSet>(ProfileTable(view, text, parts, stats));
  return true;
}

}  // namespace

bool RunQueryStreaming(const graph::GraphView& view, std::string_view text, const QueryOptions& options,
                       const ColumnsCallback& columns_cb, const RowCallback& row_cb, bool* truncated,
                       QueryError* error) {
  return RunStatement(view, text, options, columns_cb, row_cb, truncated, nullptr, false, error);
}

bool RunQuery(const graph::GraphView& view, std::string_view text, const QueryOptions& options, ResultSet* out,
              QueryError* error) {
  *out = ResultSet();
  bool truncated = false;
  bool ok = RunStatement(
      view, text, options, [&](const std::vector<std::string>& c) { out->columns = c; },
      [&](const std::vector<Value>& r) {
        out->rows.push_back(r);
        return true;
      },
      &truncated, &out->profile, true, error);
  if (!ok) {
    out->rows.clear();
    out->profile.reset();
    return false;
  }
  if (truncated) {
    out->truncated = true;
    out->note = "result truncated at " + std::to_string(out->rows.size()) + " rows (max_rows)";
  }
  return true;
}

}  // namespace geokg::query
