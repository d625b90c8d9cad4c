// Value: one cell of a query result (null, bool, integer, float, string,
// node, relationship, path or list), with a total order used by DISTINCT,
// ORDER BY and grouping.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "graph/view.h"

namespace geokg::query {

struct NodeValue {
  graph::VertexIndex v = 0;
  friend bool operator==(const NodeValue&, const NodeValue&) = default;
};
struct EdgeValue {
  graph::EdgeIndex e = 0;
  friend bool operator==(const EdgeValue&, const EdgeValue&) = default;
};
// vertices.size() == edges.size() + 1; edges[i] joins vertices[i] and
// vertices[i+1] (in either direction).
struct PathValue {
  std::vector<graph::VertexIndex> vertices;
  std::vector<graph::EdgeIndex> edges;
  friend bool operator==(const PathValue&, const PathValue&) = default;
};

struct Value;
using ValueList = std::vector<Value>;

struct Value {
  using Data = std::variant<std::monostate, bool, int64_t, double, std::string, NodeValue, EdgeValue,
                            PathValue, ValueList>;
  Data data;

  Value() = default;
  Value(bool b) : data(b) {}
  Value(int64_t i) : data(i) {}
  Value(double d) : data(d) {}
  Value(std::string s) : data(std::move(s)) {}
  Value(const char* s) : data(std::string(s)) {}
  Value(NodeValue n) : data(n) {}
  Value(EdgeValue e) : data(e) {}
  Value(PathValue p) : data(std::move(p)) {}
  Value(ValueList l) : data(std::move(l)) {}

  bool is_null() const { return data.index() == 0; }
  friend bool operator==(const Value& a, const Value& b) { return Compare(a, b) == 0; }
  friend bool operator<(const Value& a, const Value& b) { return Compare(a, b) < 0; }

  // Total order: null < bool < numbers (int and double compared by value) <
  // string < node < edge < path < list; lists lexicographically.
  static int Compare(const Value& a, const Value& b);
};

// Query parameters ($name) by name: strings, integers, floats, booleans or
// null.
using Params = std::map<std::string, Value, std::less<>>;

// Reads a parameter value as a user writes it: 'quoted' or "quoted" text, an
// integer, a decimal, true, false, null, or else the bare text as a string
// ("Iran"). Returns false for an unterminated quote.
bool ParseParamValue(std::string_view text, Value* out);

// The bytes `value` holds, sizeof(Value) included: strings, paths and lists
// with their contents. An estimate for memory budgets (allocator overhead
// is not counted).
size_t ApproximateBytes(const Value& value);

// Display text: nodes as canonical name, edges as type name, paths as
// "Iran -[backed-by]-> X <-[part-of]- Y", lists as [a, b], null as "".
std::string ToDisplayString(const graph::GraphView& view, const Value& value);

}  // namespace geokg::query
