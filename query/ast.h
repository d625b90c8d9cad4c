// The abstract syntax tree of one query, as the parser produces it: names
// are still text, every node carries its source position for errors.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace geokg::query {

struct Pos {
  int line = 1, column = 1;
  size_t offset = 0, length = 1;  // source span (for column names and ^^^)
};

struct Name {  // a kind, type, property or variable name as written
  std::string text;
  Pos pos;
};

struct PatternPath;

enum class ExprKind {
  kNull, kBool, kInt, kFloat, kString, kList,
  kVariable,    // name
  kProperty,    // name.property
  kCompare,     // op, args[0], args[1]
  kAnd, kOr, kXor, kNot,
  kIn, kStartsWith, kEndsWith, kContains,
  kIsNull, kIsNotNull,
  kFunction,    // name(args), count(*) with star
  kExistsPattern,
  kNegate,
};

enum class CompareOp { kEq, kNeq, kLt, kGt, kLe, kGe };

struct Expr {
  ExprKind kind = ExprKind::kNull;
  Pos pos;  // spans the whole expression
  bool b = false;
  int64_t i = 0;
  double d = 0;
  std::string s;         // string literal, variable or function name
  Name property;         // kProperty
  CompareOp op = CompareOp::kEq;
  bool star = false;     // count(*)
  bool distinct = false; // count(DISTINCT x)
  std::vector<std::unique_ptr<Expr>> args;
  std::shared_ptr<PatternPath> pattern;  // kExistsPattern
};

struct PropertyEntry {
  Name key;
  std::unique_ptr<Expr> value;
};

struct NodePattern {
  Pos pos;
  std::optional<Name> variable;
  std::vector<Name> kinds;  // alternatives: (v:kind|kind)
  std::vector<PropertyEntry> properties;
};

enum class Direction { kOut, kIn, kBoth };  // ->, <-, --

struct RelPattern {
  Pos pos;
  std::optional<Name> variable;
  std::vector<Name> types;  // alternatives
  std::vector<PropertyEntry> properties;
  Direction direction = Direction::kBoth;
  bool variable_length = false;
  int min_hops = 1;
  int max_hops = -1;  // -1: the default upper bound
};

enum class PathFunction { kNone, kShortest, kAllShortest };

struct PatternPath {
  Pos pos;
  std::optional<Name> path_variable;
  PathFunction function = PathFunction::kNone;
  std::vector<NodePattern> nodes;  // nodes.size() == rels.size() + 1
  std::vector<RelPattern> rels;
};

struct ReturnItem {
  std::unique_ptr<Expr> expr;
  std::optional<Name> alias;
  std::string column;  // alias or the expression's source text
};

struct OrderItem {
  std::unique_ptr<Expr> expr;
  std::string text;  // source text
  bool descending = false;
};

struct OptionEntry {
  Name key;
  std::unique_ptr<Expr> value;
};

// CALL name({options}) YIELD field [AS var], ...: a graph algorithm whose
// rows (one per vertex of the selected subgraph) start the query.
struct YieldItem {
  Name field;
  std::optional<Name> alias;
};
struct CallClause {
  Name procedure;  // lower-cased
  Pos pos;         // the whole call, for EXPLAIN
  std::vector<PropertyEntry> options;
  std::vector<YieldItem> yields;
};

enum class QueryMode { kRun, kExplain, kProfile };

struct UnionJoin {
  Pos pos;  // the UNION keyword
  bool all = false;
};

// OPTIONAL MATCH patterns [WHERE expr]: rows of the query before it that no
// match extends keep one row with the clause's new variables null.
struct OptionalMatch {
  Pos pos;
  std::vector<PatternPath> patterns;
  std::unique_ptr<Expr> where;
};

struct QueryAst {
  QueryMode mode = QueryMode::kRun;  // EXPLAIN / PROFILE prefix (first part only)
  std::vector<OptionEntry> options;
  std::optional<CallClause> call;
  std::vector<PatternPath> patterns;
  std::unique_ptr<Expr> where;
  std::vector<OptionalMatch> optionals;  // in order, after MATCH ... WHERE
  bool distinct = false;
  bool return_star = false;
  Pos return_pos;
  std::vector<ReturnItem> items;
  std::vector<OrderItem> order_by;
  std::unique_ptr<Expr> skip, limit;
  // `... WITH items [ORDER BY] [SKIP] [LIMIT] [WHERE expr] <rest>`: this
  // part's items, order, skip and limit are the WITH's (is_with), and `next`
  // is the rest, whose input rows are this part's rows; the WITH's WHERE is
  // the next part's `input_where`.
  bool is_with = false;
  Pos with_pos;
  std::unique_ptr<QueryAst> next;
  std::unique_ptr<Expr> input_where;
  // `q UNION [ALL] q2 ...`: the queries after this one, each with its join.
  std::vector<QueryAst> unions;
  std::vector<UnionJoin> union_joins;
};

}  // namespace geokg::query
