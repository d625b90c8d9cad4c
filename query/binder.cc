// Binder and planner: AST -> BoundQuery (see plan.h).
#include <algorithm>
#include <map>

#include "graph/date.h"
#include "graph/ids.h"
#include "graph/ontology.h"
#include "query/limits.h"
#include "query/plan.h"

namespace geokg::query {
namespace {

using graph::EntityKind;
using graph::RelationType;

struct PropName {
  std::string_view name;
  Prop prop;
  bool entity;
};
constexpr PropName kProps[] = {
    {"name", Prop::kName, true},           {"kind", Prop::kKind, true},
    {"id", Prop::kId, true},               {"aliases", Prop::kAliases, true},
    {"country", Prop::kCountry, true},     {"mentions", Prop::kMentions, true},
    {"documents", Prop::kDocuments, true}, {"type", Prop::kType, false},
    {"count", Prop::kCount, false},        {"first_date", Prop::kFirstDate, false},
    {"last_date", Prop::kLastDate, false}, {"confidence", Prop::kConfidence, false},
    {"modality", Prop::kModality, false},  {"role", Prop::kRole, false},
};

class Binder {
 public:
  Binder(const graph::GraphView& view, std::string_view text, BoundQuery* q, QueryError* error)
      : view_(view), text_(text), q_(q), error_(error) {}

  bool Fail(const Pos& pos, std::string msg) {
    error_->line = pos.line;
    error_->column = pos.column;
    error_->length = static_cast<int>(pos.length == 0 ? 1 : pos.length);
    error_->message = std::move(msg);
    return false;
  }

  bool ApplyOptions(const std::vector<OptionEntry>& entries) {
    QueryOptions& o = q_->options;
    for (const OptionEntry& e : entries) {
      const Expr& v = *e.value;
      std::string key = graph::FoldSeparators(e.key.text);
      if (key == "modality" || key == "modalities") {
        std::vector<const Expr*> names;
        if (v.kind == ExprKind::kList) {
          for (auto& a : v.args) names.push_back(a.get());
        } else {
          names.push_back(&v);
        }
        o.modalities.fill(false);
        for (const Expr* n : names) {
          if (n->kind != ExprKind::kString) return Fail(n->pos, "modality must be a string such as 'all' or 'reported'");
          if (graph::FoldSeparators(n->s) == "all") {
            o.modalities.fill(true);
            continue;
          }
          auto m = graph::ParseModality(n->s);
          if (!m) return Fail(n->pos, "unknown modality '" + n->s + "' (asserted, negated, hypothetical, future, reported or all)");
          o.modalities[static_cast<int>(*m)] = true;
        }
      } else if (key == "from" || key == "to") {
        graph::Date d = v.kind == ExprKind::kString ? graph::ParseIsoDate(v.s) : 0;
        if (d == 0) return Fail(v.pos, "expected a date 'YYYY-MM-DD'");
        (key == "from" ? o.from : o.to) = d;
      } else if (key == "maxhops") {
        if (v.kind != ExprKind::kInt || v.i < 1 || v.i > kMaxHops)
          return Fail(v.pos, "max_hops takes an integer from 1 to " + std::to_string(kMaxHops));
        o.default_max_hops = static_cast<int>(v.i);
      } else if (key == "maxrows" || key == "limit") {
        if (v.kind != ExprKind::kInt || v.i < 1) return Fail(v.pos, e.key.text + " takes a positive integer");
        o.max_rows = static_cast<size_t>(v.i);
      } else if (key == "timeout") {
        double x = v.kind == ExprKind::kInt ? static_cast<double>(v.i) : v.kind == ExprKind::kFloat ? v.d : -1;
        if (!(x > 0 && x <= kMaxTimeLimitSeconds))
          return Fail(v.pos, "timeout takes a number of seconds above 0 and at most " +
                                 std::to_string(static_cast<long long>(kMaxTimeLimitSeconds)));
        o.time_limit_seconds = x;
      } else if (key == "maxmemorymb" || key == "maxmemory") {
        if (v.kind != ExprKind::kInt || v.i < 1 || static_cast<uint64_t>(v.i) > kMaxMemoryMb)
          return Fail(v.pos, "max_memory_mb takes an integer number of MB from 1 to " + std::to_string(kMaxMemoryMb));
        o.max_memory_mb = static_cast<size_t>(v.i);
      } else {
        return Fail(e.key.pos, "unknown option '" + e.key.text + "' (modality, from, to, max_hops, max_rows, timeout, max_memory_mb)");
      }
    }
    return true;
  }

  bool KindMask(const std::vector<Name>& kinds, uint32_t* mask) {
    *mask = 0;
    for (const Name& k : kinds) {
      auto kind = graph::ParseKind(k.text);
      if (!kind) {
        std::string s = graph::SuggestKind(k.text);
        return Fail(k.pos, "unknown entity kind '" + k.text + "'" + (s.empty() ? "" : " (did you mean '" + s + "'?)"));
      }
      *mask |= 1u << static_cast<int>(*kind);
    }
    return true;
  }
  bool TypeMask(const std::vector<Name>& types, uint64_t* mask) {
    *mask = 0;
    for (const Name& t : types) {
      auto type = graph::ParseRelationType(t.text);
      if (!type) {
        std::string s = graph::SuggestRelationType(t.text);
        return Fail(t.pos, "unknown relation type '" + t.text + "'" + (s.empty() ? "" : " (did you mean '" + s + "'?)"));
      }
      *mask |= uint64_t{1} << static_cast<int>(*type);
    }
    return true;
  }

  bool LookupProp(const Name& name, bool entity, Prop* prop) {
    for (const PropName& p : kProps) {
      if (p.entity == entity && p.name == name.text) {
        *prop = p.prop;
        return true;
      }
    }
    return Fail(name.pos, "unknown " + std::string(entity ? "entity" : "relation") + " property '" + name.text +
                              "' (" + (entity ? "name, kind, id, aliases, country, mentions, documents" :
                                                "type, count, first_date, last_date, confidence, modality, role") + ")");
  }

  // A conjunct `slot.prop = literal` from a pattern's property map.
  // Its position spans `key: value` (EXPLAIN shows that text).
  std::unique_ptr<BoundExpr> PropEquals(SlotKind kind, int slot, Prop prop, const Name& key, const Expr& value,
                                        bool* ok) {
    auto lit = BindExpr(value, false);
    if (!lit) {
      *ok = false;
      return nullptr;
    }
    auto e = std::make_unique<BoundExpr>();
    e->kind = ExprKind::kCompare;
    e->op = CompareOp::kEq;
    e->pos = key.pos;
    e->pos.length = value.pos.offset + value.pos.length - key.pos.offset;
    auto lhs = std::make_unique<BoundExpr>();
    lhs->kind = ExprKind::kProperty;
    lhs->slot_kind = kind;
    lhs->slot = slot;
    lhs->prop = prop;
    e->args.push_back(std::move(lhs));
    e->args.push_back(std::move(lit));
    *ok = true;
    return e;
  }

  bool BindNode(const NodePattern& n, int* slot_out) {
    int slot = -1;
    if (n.variable) {
      auto it = symbols_.find(n.variable->text);
      if (it != symbols_.end()) {
        if (it->second.first != SlotKind::kNode)
          return Fail(n.variable->pos, "'" + n.variable->text + "' is not a node variable");
        slot = it->second.second;
        // Narrowing a variable of the MATCH inside OPTIONAL MATCH would drop
        // the MATCH's rows instead of leaving the clause unmatched.
        if (optional_floor_ >= 0 && slot < optional_floor_ && (!n.kinds.empty() || !n.properties.empty()))
          return Fail(n.variable->pos, "OPTIONAL MATCH cannot add labels or properties to '" + n.variable->text +
                                           "', bound before it; put them in a WHERE");
      }
    }
    if (slot < 0) {
      slot = static_cast<int>(q_->nodes.size());
      q_->nodes.emplace_back();
      if (n.variable) {
        q_->nodes.back().name = n.variable->text;
        symbols_[n.variable->text] = {SlotKind::kNode, slot};
        order_.push_back(n.variable->text);
      }
    }
    uint32_t mask;
    if (!KindMask(n.kinds, &mask)) return false;
    auto restrict_candidates = [&](std::vector<graph::VertexIndex> c) {
      NodeSlot& s = q_->nodes[slot];
      if (s.has_candidates) {
        std::vector<graph::VertexIndex> both;
        std::set_intersection(s.candidates.begin(), s.candidates.end(), c.begin(), c.end(), std::back_inserter(both));
        c = std::move(both);
      }
      s.has_candidates = true;
      s.candidates = std::move(c);
    };
    for (const PropertyEntry& p : n.properties) {
      Prop prop;
      if (!LookupProp(p.key, true, &prop)) return false;
      const Expr& v = *p.value;
      if (prop == Prop::kName) {
        if (v.kind != ExprKind::kString) return Fail(v.pos, "name must be a string");
        std::vector<graph::VertexIndex> found = view_.FindName(v.s);
        if (found.empty() && q_->options.canonical_name) {
          const std::string canonical = q_->options.canonical_name(v.s);
          if (!canonical.empty()) found = view_.FindName(canonical);
        }
        found = view_.PreferCanonical(v.s, std::move(found));
        if (found.size() > 1) {
          // A kind label may leave one ("(a:person {name: 'Baker'})").
          std::vector<graph::VertexIndex> of_kind;
          if (mask != 0)
            for (graph::VertexIndex x : found)
              if (mask & (1u << static_cast<int>(view_.kind(x)))) of_kind.push_back(x);
          if (of_kind.size() == 1) found = std::move(of_kind);
          else if (of_kind.size() > 1) found = std::move(of_kind);
          if (found.size() > 1)
            return Fail(v.pos, view_.DescribeCandidates(v.s, found) +
                                   "; use the full name, a kind label or {id: '...'}");
        }
        restrict_candidates(std::move(found));
      } else if (prop == Prop::kId) {
        uint64_t id;
        if (v.kind != ExprKind::kString || !graph::HexToId(v.s, &id)) return Fail(v.pos, "id must be 16 hex digits");
        auto vtx = view_.FindId(id);
        restrict_candidates(vtx ? std::vector<graph::VertexIndex>{*vtx} : std::vector<graph::VertexIndex>{});
      } else if (prop == Prop::kKind) {
        if (v.kind != ExprKind::kString) return Fail(v.pos, "kind must be a string");
        uint32_t m;
        if (!KindMask({Name{v.s, v.pos}}, &m)) return false;
        mask = mask ? (mask & m) : m;
        if (mask == 0) restrict_candidates({});
      } else {
        bool ok;
        auto c = PropEquals(SlotKind::kNode, slot, prop, p.key, v, &ok);
        if (!ok) return false;
        q_->conjuncts.push_back(std::move(c));
      }
    }
    NodeSlot& s = q_->nodes[slot];
    if (mask) {
      if (s.kind_mask && (s.kind_mask & mask) == 0) restrict_candidates({});
      s.kind_mask = s.kind_mask ? (s.kind_mask & mask) : mask;
    }
    *slot_out = slot;
    return true;
  }

  bool BindRel(const RelPattern& r, PathFunction fn, int* slot_out) {
    int slot = static_cast<int>(q_->rels.size());
    q_->rels.emplace_back();
    RelSlot& s = q_->rels.back();
    if (r.variable) {
      if (symbols_.count(r.variable->text))
        return Fail(r.variable->pos, "variable '" + r.variable->text + "' is already defined");
      s.name = r.variable->text;
      symbols_[s.name] = {SlotKind::kRel, slot};
      order_.push_back(s.name);
    }
    s.direction = r.direction;
    if (!TypeMask(r.types, &s.type_mask)) return false;
    for (int t = 0; t < graph::kRelationTypeCount; ++t)
      if (s.type_mask & (uint64_t{1} << t)) s.types.push_back(static_cast<RelationType>(t));
    s.variable_length = r.variable_length || fn != PathFunction::kNone;
    s.min_hops = r.variable_length ? r.min_hops : 1;
    s.max_hops = r.variable_length ? (r.max_hops < 0 ? std::max(std::clamp(q_->options.default_max_hops, 1, kMaxHops), s.min_hops) : r.max_hops) : 1;
    if (s.max_hops < s.min_hops) return Fail(r.pos, "the upper bound of hops is below the lower bound");
    if (fn != PathFunction::kNone && s.min_hops > 1)
      return Fail(r.pos, "shortest paths take a lower bound of 0 or 1 hops");
    for (const PropertyEntry& p : r.properties) {
      Prop prop;
      if (!LookupProp(p.key, false, &prop)) return false;
      if (prop == Prop::kType) {
        const Expr& v = *p.value;
        if (v.kind != ExprKind::kString) return Fail(v.pos, "type must be a string");
        uint64_t m;
        if (!TypeMask({Name{v.s, v.pos}}, &m)) return false;
        RelSlot& rs = q_->rels[slot];
        rs.type_mask = rs.type_mask ? (rs.type_mask & m) : m;
        rs.types.clear();
        for (int t = 0; t < graph::kRelationTypeCount; ++t)
          if (rs.type_mask & (uint64_t{1} << t)) rs.types.push_back(static_cast<RelationType>(t));
        if (rs.type_mask == 0) rs.type_mask = uint64_t{1} << 63;  // nothing matches
        continue;
      }
      bool ok;
      auto c = PropEquals(SlotKind::kRel, -2, prop, p.key, *p.value, &ok);  // -2: the edge under test
      if (!ok) return false;
      q_->rels[slot].edge_filters.push_back(std::move(c));
    }
    *slot_out = slot;
    return true;
  }

  bool BindPattern(const PatternPath& p, std::vector<int>* nodes, std::vector<int>* rels) {
    if (p.function != PathFunction::kNone && p.rels.size() != 1)
      return Fail(p.pos, "shortestPath and allShortestPaths take a pattern with exactly one relationship");
    for (size_t i = 0; i < p.nodes.size(); ++i) {
      int slot;
      if (!BindNode(p.nodes[i], &slot)) return false;
      nodes->push_back(slot);
      if (i < p.rels.size()) {
        if (!BindRel(p.rels[i], p.function, &slot)) return false;
        rels->push_back(slot);
      }
    }
    return true;
  }

  std::unique_ptr<BoundExpr> BindExpr(const Expr& e, bool allow_aggregate) {
    auto b = std::make_unique<BoundExpr>();
    b->kind = e.kind;
    b->pos = e.pos;
    b->op = e.op;
    switch (e.kind) {
      case ExprKind::kNull: return b;
      case ExprKind::kBool: b->literal = Value(e.b); return b;
      case ExprKind::kInt: b->literal = Value(e.i); return b;
      case ExprKind::kFloat: b->literal = Value(e.d); return b;
      case ExprKind::kString: b->literal = Value(e.s); return b;
      case ExprKind::kVariable:
      case ExprKind::kProperty: {
        auto it = symbols_.find(e.s);
        if (it == symbols_.end()) {
          Pos pos = e.pos;
          pos.length = e.s.size();
          Fail(pos, "unknown variable '" + e.s + "'");
          return nullptr;
        }
        b->slot_kind = it->second.first;
        b->slot = it->second.second;
        if (e.kind == ExprKind::kProperty) {
          if (b->slot_kind == SlotKind::kValue) {
            Fail(e.property.pos, "'" + e.s + "' is a number; it has no properties");
            return nullptr;
          }
          if (b->slot_kind == SlotKind::kPath) {
            Fail(e.property.pos, "a path has no properties");
            return nullptr;
          }
          if (b->slot_kind == SlotKind::kRel && q_->rels[b->slot].variable_length) {
            Fail(e.pos, "'" + e.s + "' is a list of relationships (variable length); it has no properties");
            return nullptr;
          }
          if (!LookupProp(e.property, b->slot_kind == SlotKind::kNode, &b->prop)) return nullptr;
        }
        return b;
      }
      case ExprKind::kFunction: {
        b->function = e.s;
        b->star = e.star;
        b->distinct = e.distinct;
        bool aggregate = IsAggregateFunction(e.s);
        if (aggregate && !allow_aggregate) {
          Fail(e.pos, e.s + "() is only allowed as a whole RETURN item");
          return nullptr;
        }
        size_t want = e.s == "count" && e.star ? 0 : 1;
        if (!aggregate && e.s != "type" && e.s != "length" && e.s != "exists" && e.s != "size" && e.s != "nodes" &&
            e.s != "relationships" && e.s != "startnode" && e.s != "endnode") {
          Pos pos = e.pos;
          pos.length = e.s.size();
          Fail(pos, "unknown function '" + e.s +
                        "' (count, collect, sum, min, max, avg, type, length, size, nodes, relationships, exists)");
          return nullptr;
        }
        if (e.args.size() != want || (e.star && e.s != "count")) {
          Fail(e.pos, e.s + "() takes " + (want ? "one argument" : "*"));
          return nullptr;
        }
        for (auto& a : e.args) {
          auto ba = BindExpr(*a, false);
          if (!ba) return nullptr;
          b->args.push_back(std::move(ba));
        }
        if ((e.s == "sum" || e.s == "avg") && !MaybeNumber(*b->args[0])) {
          Fail(e.args[0]->pos, e.s + "() takes numbers; '" + SourceText(e.args[0]->pos) + "' is not a number");
          return nullptr;
        }
        if (e.s == "exists" && b->args[0]->kind != ExprKind::kProperty) {
          Fail(e.pos, "exists() takes a property (n.country) or a pattern");
          return nullptr;
        }
        return b;
      }
      case ExprKind::kExistsPattern: {
        std::vector<int> nodes, rels;
        size_t symbols_before = symbols_.size();
        if (!BindPattern(*e.pattern, &nodes, &rels)) return nullptr;
        if (symbols_.size() != symbols_before) {
          Fail(e.pattern->pos, "a pattern inside exists() may not introduce new variables");
          return nullptr;
        }
        b->subplan = static_cast<int>(q_->subplans.size());
        q_->subplans.emplace_back();
        pending_exists_.push_back({b->subplan, nodes, rels});
        return b;
      }
      default: {
        for (auto& a : e.args) {
          auto ba = BindExpr(*a, false);
          if (!ba) return nullptr;
          b->args.push_back(std::move(ba));
        }
        return b;
      }
    }
  }

  // False when `e` can only be a non-number (a string, a node, a list...):
  // sum() and avg() of it is a mistake worth reporting before running.
  bool MaybeNumber(const BoundExpr& e) const {
    switch (e.kind) {
      case ExprKind::kInt:
      case ExprKind::kFloat:
      case ExprKind::kNull:
      case ExprKind::kNegate: return true;
      case ExprKind::kVariable: return e.slot_kind == SlotKind::kValue;
      case ExprKind::kProperty:
        return e.prop == Prop::kMentions || e.prop == Prop::kDocuments || e.prop == Prop::kCount ||
               e.prop == Prop::kConfidence;
      case ExprKind::kFunction: return e.function == "length" || e.function == "size" || e.function == "count";
      default: return false;
    }
  }
  std::string SourceText(const Pos& pos) const {
    if (pos.offset >= text_.size()) return "?";
    return std::string(text_.substr(pos.offset, pos.length));
  }

  // CALL name({options}) YIELD ...: the algorithm, its subgraph and its
  // fields as slots (`node` a node slot, the rest value slots).
  bool BindCall(const CallClause& c) {
    CallSpec spec;
    spec.name = c.procedure.text;
    spec.pos = c.pos;
    struct AlgorithmInfo {
      std::string_view name;
      Algorithm algorithm;
      std::string_view fields;   // what it yields, for errors
      std::string_view options;  // what it takes
    };
    static constexpr AlgorithmInfo kAlgorithms[] = {
        {"pagerank", Algorithm::kPageRank, "node, score", "types, damping, iterations"},
        {"betweenness", Algorithm::kBetweenness, "node, score", "types, directed, normalized"},
        {"components", Algorithm::kComponents, "node, component, size", "types, strong"},
        {"degree", Algorithm::kDegree, "node, in_degree, out_degree, total, score", "types"},
    };
    const AlgorithmInfo* info = nullptr;
    for (const AlgorithmInfo& a : kAlgorithms)
      if (a.name == spec.name) info = &a;
    if (!info)
      return Fail(c.procedure.pos,
                  "unknown algorithm '" + c.procedure.text + "' (pagerank, betweenness, components, degree)");
    spec.algorithm = info->algorithm;
    for (const PropertyEntry& o : c.options) {
      const std::string key = graph::FoldSeparators(o.key.text);
      const Expr& v = *o.value;
      auto flag = [&](bool* out) {
        if (v.kind != ExprKind::kBool) return Fail(v.pos, o.key.text + " takes true or false");
        *out = v.b;
        return true;
      };
      auto allowed = [&] { return info->options.find(key) != std::string_view::npos; };
      if (key == "types" || key == "type") {
        std::vector<Name> names;
        if (v.kind == ExprKind::kString) names.push_back(Name{v.s, v.pos});
        for (auto& a : v.args) {
          if (v.kind != ExprKind::kList || a->kind != ExprKind::kString)
            return Fail(a->pos, "types takes relation type names, such as ['attacked', 'blamed']");
          names.push_back(Name{a->s, a->pos});
        }
        if (names.empty()) return Fail(v.pos, "types takes relation type names, such as ['attacked', 'blamed']");
        uint64_t mask;
        if (!TypeMask(names, &mask)) return false;
        spec.type_mask = mask;
      } else if (key == "strong" && allowed()) {
        if (!flag(&spec.strong)) return false;
      } else if (key == "directed" && allowed()) {
        if (!flag(&spec.directed)) return false;
      } else if (key == "normalized" && allowed()) {
        if (!flag(&spec.normalized)) return false;
      } else if (key == "damping" && allowed()) {
        double d = v.kind == ExprKind::kFloat ? v.d : v.kind == ExprKind::kInt ? static_cast<double>(v.i) : -1;
        if (d <= 0 || d >= 1) return Fail(v.pos, "damping takes a number between 0 and 1 (default 0.85)");
        spec.damping = d;
      } else if (key == "iterations" && allowed()) {
        if (v.kind != ExprKind::kInt || v.i < 1 || v.i > 10000)
          return Fail(v.pos, "iterations takes an integer from 1 to 10000 (default 100)");
        spec.max_iterations = static_cast<int>(v.i);
      } else {
        return Fail(o.key.pos, "unknown option '" + o.key.text + "' for " + spec.name + " (" +
                                   std::string(info->options) + ")");
      }
    }
    for (const YieldItem& y : c.yields) {
      const std::string& f = y.field.text;
      const Name& var = y.alias ? *y.alias : y.field;
      if (symbols_.count(var.text)) return Fail(var.pos, "variable '" + var.text + "' is already defined");
      if (f == "node") {
        spec.node_slot = static_cast<int>(q_->nodes.size());
        q_->nodes.emplace_back();
        q_->nodes.back().name = var.text;
        symbols_[var.text] = {SlotKind::kNode, spec.node_slot};
        order_.push_back(var.text);
        continue;
      }
      AlgorithmField field;
      const bool components = spec.algorithm == Algorithm::kComponents;
      const bool degree = spec.algorithm == Algorithm::kDegree;
      if (f == "score" && !components) field = AlgorithmField::kScore;
      else if (f == "component" && components) field = AlgorithmField::kComponent;
      else if (f == "size" && components) field = AlgorithmField::kSize;
      else if (f == "in_degree" && degree) field = AlgorithmField::kIn;
      else if (f == "out_degree" && degree) field = AlgorithmField::kOut;
      else if (f == "total" && degree) field = AlgorithmField::kTotal;
      else
        return Fail(y.field.pos, spec.name + " yields " + std::string(info->fields) + ", not '" + f + "'");
      const int slot = static_cast<int>(q_->values.size());
      q_->values.push_back(var.text);
      symbols_[var.text] = {SlotKind::kValue, slot};
      order_.push_back(var.text);
      spec.values.push_back({field, slot});
    }
    if (spec.node_slot < 0) {  // rows are still one per vertex
      spec.node_slot = static_cast<int>(q_->nodes.size());
      q_->nodes.emplace_back();
    }
    q_->call = std::move(spec);
    return true;
  }

  static void SplitAnd(std::unique_ptr<BoundExpr> e, std::vector<std::unique_ptr<BoundExpr>>* out) {
    if (e->kind == ExprKind::kAnd) {
      for (auto& a : e->args) SplitAnd(std::move(a), out);
    } else {
      out->push_back(std::move(e));
    }
  }

  std::map<std::string, std::pair<SlotKind, int>> symbols_;
  std::vector<std::string> order_;  // named variables in order of appearance
  int optional_floor_ = -1;  // while binding an OPTIONAL MATCH: node slots below this are the MATCH's
  struct PendingExists {
    int subplan;
    std::vector<int> nodes, rels;
  };
  std::vector<PendingExists> pending_exists_;
  const graph::GraphView& view_;
  std::string_view text_;
  BoundQuery* q_;
  QueryError* error_;
};


}  // namespace

bool PlanQuery(const graph::GraphView& view, BoundQuery* q);  // planner.cc
// Appends the expand steps of a chain pattern (`nodes` interleaved with
// `rels`) outward from nodes[start], marking the nodes it binds.
void AppendExpansions(const BoundQuery& q, const std::vector<int>& nodes, const std::vector<int>& rels, int start,
                      std::vector<bool>* node_bound, std::vector<Step>* steps);  // planner.cc

bool IsAggregateFunction(std::string_view f) {
  return f == "count" || f == "collect" || f == "sum" || f == "min" || f == "max" || f == "avg";
}

bool BindQuery(const graph::GraphView& view, std::string_view text, QueryAst& ast, const QueryOptions& options,
               BoundQuery* q, QueryError* error, const std::vector<InputColumn>* input) {
  q->options = options;
  Binder b(view, text, q, error);
  if (!b.ApplyOptions(ast.options)) return false;
  if (ast.call && !b.BindCall(*ast.call)) return false;
  if (input != nullptr) {
    // The part after WITH: the WITH's columns are its variables.
    InputSpec spec;
    for (const InputColumn& c : *input) {
      int slot;
      if (c.node) {
        slot = static_cast<int>(q->nodes.size());
        q->nodes.emplace_back();
        q->nodes.back().name = c.name;
        b.symbols_[c.name] = {SlotKind::kNode, slot};
      } else {
        slot = static_cast<int>(q->values.size());
        q->values.push_back(c.name);
        b.symbols_[c.name] = {SlotKind::kValue, slot};
      }
      b.order_.push_back(c.name);
      spec.slots.push_back({c.node, slot});
    }
    q->input = std::move(spec);
  }
  std::vector<std::pair<std::vector<int>, std::vector<int>>> pattern_slots;
  for (const PatternPath& p : ast.patterns) {
    std::vector<int> nodes, rels;
    if (!b.BindPattern(p, &nodes, &rels)) return false;
    q->patterns.push_back(BoundPattern{p.function, -1, nodes, rels});
    if (p.path_variable || p.function != PathFunction::kNone) {
      int slot = static_cast<int>(q->paths.size());
      PathSlot ps;
      ps.function = p.function;
      ps.node_slots = nodes;
      ps.rel_slots = rels;
      if (p.path_variable) {
        if (b.symbols_.count(p.path_variable->text))
          return b.Fail(p.path_variable->pos, "variable '" + p.path_variable->text + "' is already defined");
        ps.name = p.path_variable->text;
        b.symbols_[ps.name] = {SlotKind::kPath, slot};
        b.order_.push_back(ps.name);
      }
      q->patterns.back().path = slot;
      q->paths.push_back(std::move(ps));
    }
  }
  if (ast.where) {
    auto w = b.BindExpr(*ast.where, false);
    if (!w) return false;
    Binder::SplitAnd(std::move(w), &q->conjuncts);
  }
  if (ast.input_where) {
    auto w = b.BindExpr(*ast.input_where, false);
    if (!w) return false;
    Binder::SplitAnd(std::move(w), &q->conjuncts);
  }
  q->conjunct_group.assign(q->conjuncts.size(), -1);
  for (size_t g = 0; g < ast.optionals.size(); ++g) {
    const OptionalMatch& opt = ast.optionals[g];
    if (q->call) return b.Fail(opt.pos, "OPTIONAL MATCH after CALL is not supported");
    const size_t nodes_before = q->nodes.size(), rels_before = q->rels.size();
    b.optional_floor_ = static_cast<int>(nodes_before);
    for (const PatternPath& p : opt.patterns) {
      if (p.function != PathFunction::kNone || p.path_variable)
        return b.Fail(opt.pos, "paths (p = ..., shortestPath) are not supported in OPTIONAL MATCH");
      std::vector<int> nodes, rels;
      if (!b.BindPattern(p, &nodes, &rels)) return false;
      q->patterns.push_back(BoundPattern{p.function, -1, nodes, rels, static_cast<int>(g)});
    }
    if (opt.where) {
      auto w = b.BindExpr(*opt.where, false);
      if (!w) return false;
      Binder::SplitAnd(std::move(w), &q->conjuncts);
    }
    b.optional_floor_ = -1;
    q->conjunct_group.resize(q->conjuncts.size(), static_cast<int>(g));
    OptionalGroup group;
    for (size_t n = nodes_before; n < q->nodes.size(); ++n) group.nodes.push_back(static_cast<int>(n));
    for (size_t r = rels_before; r < q->rels.size(); ++r) group.rels.push_back(static_cast<int>(r));
    q->optionals.push_back(std::move(group));
  }
  // RETURN.
  q->distinct = ast.distinct;
  if (ast.return_star) {
    if (b.order_.empty()) return b.Fail(ast.return_pos, "RETURN * needs at least one named variable");
    for (const std::string& name : b.order_) {
      auto [kind, slot] = b.symbols_[name];
      auto e = std::make_unique<BoundExpr>();
      e->kind = ExprKind::kVariable;
      e->slot_kind = kind;
      e->slot = slot;
      q->columns.push_back(name);
      q->items.push_back(std::move(e));
      q->aggregate.push_back(false);
    }
  }
  for (const ReturnItem& item : ast.items) {
    auto e = b.BindExpr(*item.expr, true);
    if (!e) return false;
    bool agg = e->kind == ExprKind::kFunction && IsAggregateFunction(e->function);
    q->has_aggregate |= agg;
    q->aggregate.push_back(agg);
    q->columns.push_back(item.column);
    q->items.push_back(std::move(e));
  }
  q->visible_columns = q->columns.size();
  for (const OrderItem& o : ast.order_by) {
    int col = -1;
    for (size_t i = 0; i < q->visible_columns && col < 0; ++i)
      if (q->columns[i] == o.text) col = static_cast<int>(i);
    if (col < 0) {
      auto e = b.BindExpr(*o.expr, false);
      if (!e) return false;
      if (q->has_aggregate || q->distinct) {
        return b.Fail(o.expr->pos, "with DISTINCT or aggregation, ORDER BY must name a returned column");
      }
      col = static_cast<int>(q->items.size());
      q->items.push_back(std::move(e));
      q->aggregate.push_back(false);
      q->columns.push_back("");
    }
    q->order.push_back({col, o.descending});
  }
  for (int k = 0; k < 2; ++k) {
    const Expr* e = k == 0 ? ast.skip.get() : ast.limit.get();
    if (!e) continue;
    if (e->kind != ExprKind::kInt || e->i < 0) return b.Fail(e->pos, std::string(k == 0 ? "SKIP" : "LIMIT") + " takes a non-negative integer");
    (k == 0 ? q->skip : q->limit) = e->i;
  }
  if (!PlanQuery(view, q)) return b.Fail(ast.return_pos, "internal planning error");
  // exists() subplans: expand from the pattern's (already bound) nodes.
  for (auto& pe : b.pending_exists_) {
    Plan& sp = q->subplans[pe.subplan];
    std::vector<bool> bound(q->nodes.size(), false);
    for (size_t i = 0; i < q->nodes.size(); ++i) bound[i] = !q->nodes[i].name.empty();
    int start = -1;
    for (size_t i = 0; i < pe.nodes.size() && start < 0; ++i)
      if (bound[pe.nodes[i]]) start = static_cast<int>(i);
    if (start < 0) {
      start = 0;
      Step scan;
      scan.kind = StepKind::kScan;
      scan.to = pe.nodes[0];
      sp.steps.push_back(scan);
      bound[pe.nodes[0]] = true;
    }
    AppendExpansions(*q, pe.nodes, pe.rels, start, &bound, &sp.steps);
  }
  return true;
}

}  // namespace geokg::query
