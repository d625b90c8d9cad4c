// The bound, planned form of a query: what the binder produces from the AST
// and the executor runs. Internal to the query module.
//
// Variables live in slots: node slots hold a vertex, rel slots an edge (or a
// run of edges for variable-length and shortest-path relationships), path
// slots a path built from the node and rel slots of one pattern. A plan is a
// list of steps run depth-first; each step binds new slots and is followed
// by the WHERE conjuncts that became evaluable. Value slots hold the
// numbers a CALL yields (score, component, ...).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "graph/view.h"
#include "query/ast.h"
#include "query/engine.h"
#include "query/error.h"
#include "query/value.h"

namespace geokg::query {

enum class Prop {
  kName, kKind, kId, kAliases, kCountry, kMentions, kDocuments,          // entity
  kType, kCount, kFirstDate, kLastDate, kConfidence, kModality, kRole,   // relation
};

enum class SlotKind { kNode, kRel, kPath, kValue };

struct BoundExpr {
  ExprKind kind = ExprKind::kNull;
  Pos pos;
  Value literal;             // kNull/kBool/kInt/kFloat/kString
  CompareOp op = CompareOp::kEq;
  SlotKind slot_kind = SlotKind::kNode;
  int slot = -1;             // kVariable / kProperty
  Prop prop = Prop::kName;
  std::string function;      // kFunction: count, collect, sum, min, max, avg, type, length, exists, size
  bool star = false, distinct = false;
  int subplan = -1;          // kExistsPattern: index into Plan::subplans
  std::vector<std::unique_ptr<BoundExpr>> args;
};

struct NodeSlot {
  std::string name;              // "" for anonymous
  uint32_t kind_mask = 0;        // bit per EntityKind, 0 = any
  bool has_candidates = false;   // {name:..} / {id:..} given
  std::vector<graph::VertexIndex> candidates;  // sorted
};

// RelSlot::type_mask has a bit per relation type and keeps bit 63 for "nothing matches".
static_assert(graph::kRelationTypeCount < 64, "widen RelSlot::type_mask");

struct RelSlot {
  std::string name;
  Direction direction = Direction::kBoth;  // as written, left node to right node
  uint64_t type_mask = 0;                  // bit per RelationType, 0 = any
  std::vector<graph::RelationType> types;  // the same, as a list (empty = any)
  bool variable_length = false;            // binds a list of edges
  int min_hops = 1, max_hops = 1;
  std::vector<std::unique_ptr<BoundExpr>> edge_filters;  // from {prop: value}, per edge
};

struct PathSlot {
  std::string name;
  PathFunction function = PathFunction::kNone;
  std::vector<int> node_slots;  // in pattern order
  std::vector<int> rel_slots;
};

enum class StepKind {
  kScan,       // bind node `to` from its candidates, its kinds or all vertices
  kExpand,     // one edge from node `from` over rel `rel` to node `to`
  kVarExpand,  // min..max edges (relationship isomorphism)
  kReach,      // like kVarExpand but each reachable target once (DISTINCT)
  kShortest,   // shortest path(s) between bound nodes `from` and `to`
  kCall,       // run the CALL's algorithm, bind node `to` and the value slots per result row
  kInput,      // the rows of the part before WITH: bind its columns' slots per row
  kOptionalBegin,  // OPTIONAL MATCH `group`: run the steps up to `end`, or null its slots
  kOptionalEnd,    // the group matched (after its filters): go on
};

struct Step {
  StepKind kind = StepKind::kScan;
  int from = -1, to = -1, rel = -1, path = -1;
  bool reversed = false;  // traversal runs from the pattern's right node to its left
  bool to_bound = false;  // `to` was bound by an earlier step: check, don't bind
  int group = -1;         // kOptionalBegin/End: the OPTIONAL MATCH
  int end = -1;           // kOptionalBegin: the index of its kOptionalEnd
  bool reads_name = false;  // kReach: the rows read the name of `to` (fetched ahead in batches)
  std::vector<const BoundExpr*> filters;  // conjuncts evaluable after this step
};

struct Plan {
  std::vector<Step> steps;
  std::vector<const BoundExpr*> final_filters;  // evaluated before emitting
};

enum class Algorithm { kPageRank, kBetweenness, kComponents, kDegree };
enum class AlgorithmField { kScore, kComponent, kSize, kIn, kOut, kTotal };

// A bound CALL: which algorithm on which subgraph, and where its fields go.
// The subgraph is the edges visible under the query's modality and date
// window whose type is in type_mask (0 = any), and the vertices they touch.
struct CallSpec {
  Algorithm algorithm = Algorithm::kDegree;
  std::string name;             // as written, lower-cased
  Pos pos;                      // the call, for EXPLAIN
  uint64_t type_mask = 0;
  bool strong = false;          // components: strongly connected
  bool directed = true;         // betweenness: follow edge direction
  bool normalized = false;      // betweenness: divide by the number of pairs
  double damping = 0.85;        // pagerank
  int max_iterations = 100;     // pagerank
  double tolerance = 1e-6;      // pagerank: stop when the L1 change < N * tolerance
  int node_slot = -1;           // where `node` goes (-1 when not yielded)
  std::vector<std::pair<AlgorithmField, int>> values;  // field -> value slot
};

struct BoundPattern {
  PathFunction function = PathFunction::kNone;
  int path = -1;  // path slot or -1
  std::vector<int> nodes, rels;
  int group = -1;  // -1: MATCH; else the index of its OPTIONAL MATCH
};

// One OPTIONAL MATCH: the slots it introduced, which are null in a row no
// match of it extends.
struct OptionalGroup {
  std::vector<int> nodes, rels;
};

// The columns a part after WITH starts from: each a node slot (a node
// variable carried on) or a value slot.
struct InputColumn {
  std::string name;
  bool node = false;
};
struct InputSpec {
  std::vector<std::pair<bool, int>> slots;  // per column: (is node, slot)
};

struct BoundQuery {
  QueryOptions options;
  std::vector<BoundPattern> patterns;
  std::vector<NodeSlot> nodes;
  std::vector<RelSlot> rels;
  std::vector<PathSlot> paths;
  std::vector<std::string> values;        // value slot names
  std::optional<CallSpec> call;           // the query starts with CALL
  std::optional<InputSpec> input;         // the query is the part after a WITH
  std::vector<std::unique_ptr<BoundExpr>> conjuncts;  // WHERE split on AND
  std::vector<int> conjunct_group;  // per conjunct: -1, or the OPTIONAL MATCH it belongs to
  std::vector<OptionalGroup> optionals;
  Plan plan;
  // exists((a)-[..]->(b)): plans over the same slots, run with the outer
  // bindings in place; each binds only slots its pattern introduced.
  std::vector<Plan> subplans;

  std::vector<std::string> columns;
  std::vector<std::unique_ptr<BoundExpr>> items;  // one per column
  std::vector<bool> aggregate;                    // items[i] is count/collect/sum/min/max/avg
  bool has_aggregate = false;
  bool distinct = false;
  // ORDER BY keys: column index into the row (hidden columns appended after
  // the visible ones when the key is not a column).
  std::vector<std::pair<int, bool>> order;  // (column, descending)
  size_t visible_columns = 0;
  int64_t skip = 0, limit = -1;
};

// count, collect, sum, min, max, avg: the functions that aggregate rows.
bool IsAggregateFunction(std::string_view name);

// Resolves names against the view and plans (ast.unions are not looked
// at: each part of a UNION binds on its own). Returns false with *error set
// on unknown variables, kinds, types or properties, or unsupported forms.
// `text` is the query's source (for error messages and EXPLAIN).
// `input`: the columns of the part before a WITH, when `ast` is the part
// after it.
bool BindQuery(const graph::GraphView& view, std::string_view text, QueryAst& ast, const QueryOptions& options,
               BoundQuery* out, QueryError* error, const std::vector<InputColumn>* input = nullptr);

}  // namespace geokg::query
