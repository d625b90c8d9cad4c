#include "query/engine.h"

#include <algorithm>
#include <map>
#include <set>

#include "query/executor.h"
#include "query/parser.h"
#include "query/plan.h"

namespace geokg::query {
namespace {

struct Aggregate {
  int64_t count = 0;
  ValueList list;
  std::set<Value> seen;  // for DISTINCT
};

}  // namespace

bool RunQueryStreaming(const graph::GraphView& view, std::string_view text, const QueryOptions& options,
                       const ColumnsCallback& columns_cb, const RowCallback& row_cb, bool* truncated,
                       QueryError* error) {
  if (truncated) *truncated = false;
  QueryAst ast;
  if (!Parse(text, &ast, error, &options.params)) return false;
  BoundQuery q;
  if (!BindQuery(view, ast, options, &q, error)) return false;
  std::vector<std::string> visible(q.columns.begin(), q.columns.begin() + q.visible_columns);
  if (columns_cb) columns_cb(visible);

  Executor ex(view, q);
  const size_t max_rows = q.options.max_rows;
  const size_t limit = q.limit < 0 ? SIZE_MAX : static_cast<size_t>(q.limit);
  size_t skipped = 0, sent = 0;
  bool stopped_by_callback = false;
  // Delivers one finished row; false when no more rows are wanted.
  auto deliver = [&](std::vector<Value>& row) -> bool {
    if (skipped < static_cast<size_t>(q.skip)) {
      ++skipped;
      return true;
    }
    if (sent >= limit) return false;
    if (sent >= max_rows) {
      if (truncated) *truncated = true;
      return false;
    }
    row.resize(q.visible_columns);
    ++sent;
    if (!row_cb(row)) {
      stopped_by_callback = true;
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

  bool ok = ex.Run([&]() -> bool {
    if (q.has_aggregate) {
      std::vector<Value> key;
      key.reserve(key_items.size());
      for (size_t i : key_items) key.push_back(ex.EvalValue(*q.items[i]));
      auto [it, added] = groups.try_emplace(std::move(key));
      if (added) it->second.resize(agg_items.size());
      for (size_t k = 0; k < agg_items.size(); ++k) {
        const BoundExpr& f = *q.items[agg_items[k]];
        Aggregate& a = it->second[k];
        if (f.star) {
          ++a.count;
          continue;
        }
        Value v = ex.EvalValue(*f.args[0]);
        if (v.is_null()) continue;
        if (f.distinct && !a.seen.insert(v).second) continue;
        if (f.function == "count") ++a.count;
        else a.list.push_back(std::move(v));
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
    for (size_t i = 0; i < q.items.size(); ++i) row[i] = ex.EvalValue(*q.items[i]);
    if (q.distinct && !distinct_node) {
      std::vector<Value> key(row.begin(), row.begin() + q.visible_columns);
      if (!distinct_seen.insert(std::move(key)).second) return true;
    }
    if (streaming) return deliver(row);
    collected.push_back(row);
    return true;
  });
  if (!ok && ex.cancelled()) {
    *error = QueryError{0, 0, 1, "query cancelled"};
    return false;
  }
  if (!ok) {
    *error = QueryError{0, 0, 1,
                        "query stopped after " + std::to_string(q.options.time_limit_seconds) +
                            " s (time limit); narrow the pattern or add a LIMIT"};
    // Trim "30.000000" to "30".
    auto& m = error->message;
    size_t dot = m.find('.');
    size_t sp = m.find(" s (");
    if (dot != std::string::npos && dot < sp) {
      size_t end = sp;
      while (end > dot + 1 && m[end - 1] == '0') --end;
      if (end == dot + 1) --end;
      m.erase(end, sp - end);
    }
    return false;
  }
  if (streaming || stopped_by_callback) return true;
  if (q.has_aggregate) {
    if (groups.empty() && key_items.empty()) groups[{}].resize(agg_items.size());  // count(*) of nothing is 0
    for (auto& [key, aggs] : groups) {
      std::vector<Value> r(q.items.size());
      for (size_t k = 0; k < key_items.size(); ++k) r[key_items[k]] = key[k];
      for (size_t k = 0; k < agg_items.size(); ++k) {
        const BoundExpr& f = *q.items[agg_items[k]];
        r[agg_items[k]] = f.function == "count" ? Value(aggs[k].count) : Value(std::move(aggs[k].list));
      }
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
  for (auto& r : collected)
    if (!deliver(r)) break;
  return true;
}

bool RunQuery(const graph::GraphView& view, std::string_view text, const QueryOptions& options, ResultSet* out,
              QueryError* error) {
  *out = ResultSet();
  bool truncated = false;
  bool ok = RunQueryStreaming(
      view, text, options, [&](const std::vector<std::string>& c) { out->columns = c; },
      [&](const std::vector<Value>& r) {
        out->rows.push_back(r);
        return true;
      },
      &truncated, error);
  if (!ok) {
    out->rows.clear();
    return false;
  }
  if (truncated) {
    out->truncated = true;
    out->note = "result truncated at " + std::to_string(out->rows.size()) + " rows (max_rows)";
  }
  return true;
}

}  // namespace geokg::query
