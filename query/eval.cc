// Expression evaluation for the executor: three-valued logic (null
// propagates through comparisons; AND/OR/NOT follow Cypher's truth tables).
#include <algorithm>

#include "graph/date.h"
#include "graph/ids.h"
#include "graph/ontology.h"
#include "query/executor.h"

namespace geokg::query {
namespace {

Cell Null() { return Cell{}; }
Cell Bool(bool b) {
  Cell c;
  c.type = Cell::kBool;
  c.b = b;
  return c;
}
Cell Int(int64_t i) {
  Cell c;
  c.type = Cell::kInt;
  c.i = i;
  return c;
}
Cell Str(std::string_view s) {
  Cell c;
  c.type = Cell::kStr;
  c.s = s;
  return c;
}
// -1 false, 0 null, 1 true
int Truth(const Cell& c) { return c.type == Cell::kBool ? (c.b ? 1 : -1) : 0; }
Cell FromTruth(int t) { return t == 0 ? Null() : Bool(t > 0); }
bool IsNumber(const Cell& c) { return c.type == Cell::kInt || c.type == Cell::kDouble; }
double AsDouble(const Cell& c) { return c.type == Cell::kInt ? static_cast<double>(c.i) : c.d; }

}  // namespace

std::vector<graph::EdgeIndex> Executor::RelEdges(int slot) const {
  const RelBinding& b = rel_[slot];
  std::vector<graph::EdgeIndex> out(b.data, b.data + b.len);
  if (b.reversed) std::reverse(out.begin(), out.end());
  return out;
}

PathValue Executor::BuildPath(int p) const {
  const PathSlot& ps = q_.paths[p];
  PathValue out;
  if (ps.function != PathFunction::kNone) {
    out.vertices = shortest_vertices_[p];
    out.edges = shortest_edges_[p];
    return out;
  }
  graph::VertexIndex v = node_[ps.node_slots[0]];
  out.vertices.push_back(v);
  for (int r : ps.rel_slots) {
    for (graph::EdgeIndex e : RelEdges(r)) {
      const graph::EdgeData& d = view_.edge(e);
      v = d.source == v ? d.target : d.source;
      out.edges.push_back(e);
      out.vertices.push_back(v);
    }
  }
  return out;
}

Cell Executor::Property(const BoundExpr& e) {
  Cell c;
  if (e.slot_kind == SlotKind::kNode) {
    graph::VertexIndex v = node_[e.slot];
    if (v == kNullVertex) return Null();  // an unmatched OPTIONAL MATCH
    if (e.prop == Prop::kKind) return Str(graph::NameOf(view_.kind(v)));  // without touching the Entity
    switch (e.prop) {
      case Prop::kName: return Str(view_.name(v));
      case Prop::kKind: return Str(graph::NameOf(view_.kind(v)));
      case Prop::kId: {
        id_text_ = graph::IdToHex(view_.id(v));
        return Str(id_text_);
      }
      case Prop::kCountry: return view_.country(v).empty() ? Null() : Str(view_.country(v));
      case Prop::kMentions: return Int(static_cast<int64_t>(view_.mentions(v)));
      case Prop::kDocuments: return Int(static_cast<int64_t>(view_.documents(v)));
      case Prop::kAliases:
        c.type = Cell::kAliasList;
        c.id = v;
        return c;
      default: return Null();
    }
  }
  graph::EdgeIndex ei = e.slot == -2 ? current_edge_ : rel_[e.slot].single;
  if (ei == kNullEdge && e.slot != -2 && !q_.rels[e.slot].variable_length) return Null();
  const graph::EdgeData& d = view_.edge(ei);
  switch (e.prop) {
    case Prop::kType: return Str(graph::NameOf(d.type));
    case Prop::kCount: return Int(Count(ei));
    case Prop::kFirstDate:
    case Prop::kLastDate: {
      graph::Date date = window_ ? (e.prop == Prop::kFirstDate ? (*window_)[ei].first_date : (*window_)[ei].last_date)
                                 : (e.prop == Prop::kFirstDate ? d.first_date : d.last_date);
      if (date == 0) return Null();
      c.type = Cell::kDate;
      c.i = date;
      return c;
    }
    case Prop::kConfidence:
      c.type = Cell::kDouble;
      c.d = window_ ? (*window_)[ei].confidence : d.confidence;
      return c;
    case Prop::kModality:
      c.type = Cell::kModList;
      c.id = ei;
      return c;
    case Prop::kRole: {
      std::string_view r = view_.role(ei);
      return r.empty() ? Null() : Str(r);
    }
    default: return Null();
  }
}

Cell Executor::Compare(const Cell& a, const Cell& b, CompareOp op) {
  if (a.type == Cell::kNull || b.type == Cell::kNull) return Null();
  int cmp;
  auto as_date = [](const Cell& c, int64_t* out) {
    if (c.type == Cell::kDate || c.type == Cell::kInt) {
      *out = c.i;
      return true;
    }
    if (c.type == Cell::kStr) {
      graph::Date d = graph::ParseIsoDate(c.s);
      *out = d;
      return d != 0;
    }
    return false;
  };
  if (a.type == Cell::kDate || b.type == Cell::kDate) {
    int64_t x, y;
    if (!as_date(a, &x) || !as_date(b, &y)) return op == CompareOp::kEq ? Bool(false) : op == CompareOp::kNeq ? Bool(true) : Null();
    cmp = x < y ? -1 : x > y;
  } else if (IsNumber(a) && IsNumber(b)) {
    if (a.type == Cell::kInt && b.type == Cell::kInt) {
      cmp = a.i < b.i ? -1 : a.i > b.i;
    } else {
      double x = AsDouble(a), y = AsDouble(b);
      cmp = x < y ? -1 : x > y;
    }
  } else if (a.type == Cell::kStr && b.type == Cell::kStr) {
    cmp = a.s.compare(b.s);
    cmp = cmp < 0 ? -1 : cmp > 0;
  } else if (a.type == Cell::kBool && b.type == Cell::kBool) {
    cmp = static_cast<int>(a.b) - static_cast<int>(b.b);
  } else if ((a.type == Cell::kNode && b.type == Cell::kNode) || (a.type == Cell::kEdge && b.type == Cell::kEdge)) {
    if (op != CompareOp::kEq && op != CompareOp::kNeq) return Null();
    cmp = a.id == b.id ? 0 : 1;
  } else {
    return op == CompareOp::kEq ? Bool(false) : op == CompareOp::kNeq ? Bool(true) : Null();
  }
  switch (op) {
    case CompareOp::kEq: return Bool(cmp == 0);
    case CompareOp::kNeq: return Bool(cmp != 0);
    case CompareOp::kLt: return Bool(cmp < 0);
    case CompareOp::kGt: return Bool(cmp > 0);
    case CompareOp::kLe: return Bool(cmp <= 0);
    case CompareOp::kGe: return Bool(cmp >= 0);
  }
  return Null();
}

bool Executor::ListContains(const Cell& list, const Cell& x, bool* saw_null) {
  auto test = [&](const Cell& el) {
    Cell r = Compare(x, el, CompareOp::kEq);
    if (r.type == Cell::kNull) *saw_null = true;
    return r.type == Cell::kBool && r.b;
  };
  switch (list.type) {
    case Cell::kList:
      for (auto& a : list.list->args)
        if (test(Eval(*a))) return true;
      return false;
    case Cell::kAliasList:
      for (size_t k = 0; k < view_.alias_count(list.id); ++k)
        if (test(Str(view_.alias(list.id, k)))) return true;
      return false;
    case Cell::kModList:
      for (int m = 0; m < graph::kModalityCount; ++m)
        if ((modality_mask_ & (1u << m)) && CountsOf(list.id)[m] &&
            test(Str(graph::NameOf(static_cast<graph::Modality>(m)))))
          return true;
      return false;
    case Cell::kEdgeList: {
      const RelBinding& b = rel_[list.id];
      for (uint32_t k = 0; k < b.len; ++k) {
        Cell el;
        el.type = Cell::kEdge;
        el.id = b.data[k];
        if (test(el)) return true;
      }
      return false;
    }
    default: *saw_null = true; return false;
  }
}

Cell Executor::Eval(const BoundExpr& e) {
  switch (e.kind) {
    case ExprKind::kNull: return Null();
    case ExprKind::kBool: return Bool(std::get<bool>(e.literal.data));
    case ExprKind::kInt: return Int(std::get<int64_t>(e.literal.data));
    case ExprKind::kFloat: {
      Cell c;
      c.type = Cell::kDouble;
      c.d = std::get<double>(e.literal.data);
      return c;
    }
    case ExprKind::kString: return Str(std::get<std::string>(e.literal.data));
    case ExprKind::kList: {
      Cell c;
      c.type = Cell::kList;
      c.list = &e;
      return c;
    }
    case ExprKind::kVariable: {
      if (e.slot_kind == SlotKind::kValue) return value_[e.slot];
      Cell c;
      c.id = static_cast<uint32_t>(e.slot);
      if (e.slot_kind == SlotKind::kNode) {
        if (node_[e.slot] == kNullVertex) return Null();
        c.type = Cell::kNode;
        c.id = node_[e.slot];
      } else if (e.slot_kind == SlotKind::kRel) {
        if (q_.rels[e.slot].variable_length) {
          if (rel_[e.slot].data == nullptr && rel_[e.slot].single == kNullEdge) return Null();
          c.type = Cell::kEdgeList;
        } else {
          if (rel_[e.slot].single == kNullEdge) return Null();
          c.type = Cell::kEdge;
          c.id = rel_[e.slot].single;
        }
      } else {
        c.type = Cell::kPath;
      }
      return c;
    }
    case ExprKind::kProperty: return Property(e);
    case ExprKind::kCompare: return Compare(Eval(*e.args[0]), Eval(*e.args[1]), e.op);
    // AND, OR and XOR are n-ary (the parser folds a flat chain into one
    // node); three-valued: 1 true, 0 null, -1 false.
    case ExprKind::kAnd: {
      int t = 1;
      for (const auto& a : e.args) {
        t = std::min(t, Truth(Eval(*a)));
        if (t < 0) return Bool(false);
      }
      return FromTruth(t);
    }
    case ExprKind::kOr: {
      int t = -1;
      for (const auto& a : e.args) {
        t = std::max(t, Truth(Eval(*a)));
        if (t > 0) return Bool(true);
      }
      return FromTruth(t);
    }
    case ExprKind::kXor: {
      bool odd = false, saw_null = false;
      for (const auto& a : e.args) {
        int t = Truth(Eval(*a));
        if (t == 0) saw_null = true;
        odd ^= t > 0;
      }
      return saw_null ? Null() : Bool(odd);
    }
    case ExprKind::kNot: return FromTruth(-Truth(Eval(*e.args[0])));
    case ExprKind::kIsNull: return Bool(Eval(*e.args[0]).type == Cell::kNull);
    case ExprKind::kIsNotNull: return Bool(Eval(*e.args[0]).type != Cell::kNull);
    case ExprKind::kNegate: {
      Cell c = Eval(*e.args[0]);
      if (c.type == Cell::kInt) c.i = -c.i;
      else if (c.type == Cell::kDouble) c.d = -c.d;
      else return Null();
      return c;
    }
    case ExprKind::kIn: {
      Cell x = Eval(*e.args[0]);
      if (x.type == Cell::kNull) return Null();
      Cell list = Eval(*e.args[1]);
      if (list.type == Cell::kNull) return Null();
      bool saw_null = false;
      if (ListContains(list, x, &saw_null)) return Bool(true);
      return saw_null && list.type != Cell::kAliasList && list.type != Cell::kModList ? Null() : Bool(false);
    }
    case ExprKind::kStartsWith:
    case ExprKind::kEndsWith:
    case ExprKind::kContains: {
      Cell a = Eval(*e.args[0]), b = Eval(*e.args[1]);
      if (a.type != Cell::kStr || b.type != Cell::kStr) return Null();
      if (e.kind == ExprKind::kStartsWith) return Bool(a.s.substr(0, b.s.size()) == b.s);
      if (e.kind == ExprKind::kEndsWith)
        return Bool(a.s.size() >= b.s.size() && a.s.substr(a.s.size() - b.s.size()) == b.s);
      return Bool(a.s.find(b.s) != std::string_view::npos);
    }
    case ExprKind::kExistsPattern: return Bool(RunSubplan(e.subplan));
    case ExprKind::kFunction: {
      const std::string& f = e.function;
      if (f == "exists") return Bool(Eval(*e.args[0]).type != Cell::kNull);
      Cell a = Eval(*e.args[0]);
      if (f == "type") return a.type == Cell::kEdge ? Str(graph::NameOf(view_.edge(a.id).type)) : Null();
      if (f == "length") {
        if (a.type == Cell::kPath) {
          const PathSlot& ps = q_.paths[a.id];
          if (ps.function != PathFunction::kNone) return Int(static_cast<int64_t>(shortest_edges_[a.id].size()));
          int64_t n = 0;
          for (int r : ps.rel_slots) n += rel_[r].len;
          return Int(n);
        }
        if (a.type == Cell::kEdgeList) return Int(rel_[a.id].len);
        if (a.type == Cell::kStr) return Int(static_cast<int64_t>(a.s.size()));
        return Null();
      }
      if (f == "size") {
        if (a.type == Cell::kEdgeList) return Int(rel_[a.id].len);
        if (a.type == Cell::kList) return Int(static_cast<int64_t>(a.list->args.size()));
        if (a.type == Cell::kAliasList) return Int(static_cast<int64_t>(view_.alias_count(a.id)));
        if (a.type == Cell::kStr) return Int(static_cast<int64_t>(a.s.size()));
        return Null();
      }
      if (f == "startnode" || f == "endnode") {
        if (a.type != Cell::kEdge) return Null();
        Cell c;
        c.type = Cell::kNode;
        c.id = f == "startnode" ? view_.edge(a.id).source : view_.edge(a.id).target;
        return c;
      }
      // nodes(), relationships(): materialised by ToValue.
      Cell c = a;
      return c;
    }
    default: return Null();
  }
}

Value Executor::ToValue(const Cell& c) {
  switch (c.type) {
    case Cell::kNull: return Value();
    case Cell::kBool: return Value(c.b);
    case Cell::kInt: return Value(c.i);
    case Cell::kDouble: return Value(c.d);
    case Cell::kStr: return Value(std::string(c.s));
    case Cell::kDate: return Value(graph::FormatDate(static_cast<graph::Date>(c.i)));
    case Cell::kNode: return Value(NodeValue{c.id});
    case Cell::kEdge: return Value(EdgeValue{c.id});
    case Cell::kEdgeList: {
      ValueList l;
      for (graph::EdgeIndex e : RelEdges(static_cast<int>(c.id))) l.push_back(Value(EdgeValue{e}));
      return Value(std::move(l));
    }
    case Cell::kPath: return Value(BuildPath(static_cast<int>(c.id)));
    case Cell::kList: {
      ValueList l;
      for (auto& a : c.list->args) l.push_back(EvalValue(*a));
      return Value(std::move(l));
    }
    case Cell::kAliasList: {
      ValueList l;
      for (size_t k = 0; k < view_.alias_count(c.id); ++k) l.push_back(Value(std::string(view_.alias(c.id, k))));
      return Value(std::move(l));
    }
    case Cell::kModList: {
      ValueList l;
      for (int m = 0; m < graph::kModalityCount; ++m)
        if ((modality_mask_ & (1u << m)) && CountsOf(c.id)[m])
          l.push_back(Value(std::string(graph::NameOf(static_cast<graph::Modality>(m)))));
      return Value(std::move(l));
    }
  }
  return Value();
}

}  // namespace geokg::query

namespace geokg::query {

Value Executor::EvalValue(const BoundExpr& e) {
  if (e.kind == ExprKind::kFunction && (e.function == "nodes" || e.function == "relationships")) {
    Cell a = Eval(*e.args[0]);
    if (a.type != Cell::kPath) return Value();
    PathValue p = BuildPath(static_cast<int>(a.id));
    ValueList l;
    if (e.function == "nodes") {
      for (graph::VertexIndex v : p.vertices) l.push_back(Value(NodeValue{v}));
    } else {
      for (graph::EdgeIndex x : p.edges) l.push_back(Value(EdgeValue{x}));
    }
    return Value(std::move(l));
  }
  return ToValue(Eval(e));
}

bool Executor::Atomizable(const BoundQuery& q, const BoundExpr& e) {
  if (e.kind == ExprKind::kVariable) return e.slot_kind == SlotKind::kNode && e.slot >= 0;
  auto single_rel = [&](const BoundExpr& x) {
    return x.kind == ExprKind::kVariable && x.slot_kind == SlotKind::kRel && x.slot >= 0 &&
           !q.rels[x.slot].variable_length;
  };
  if (e.kind == ExprKind::kProperty) {
    if (e.slot < 0) return false;
    if (e.slot_kind == SlotKind::kNode)
      return e.prop == Prop::kName || e.prop == Prop::kKind || e.prop == Prop::kId || e.prop == Prop::kCountry ||
             e.prop == Prop::kMentions || e.prop == Prop::kDocuments;
    return e.slot_kind == SlotKind::kRel && !q.rels[e.slot].variable_length &&
           (e.prop == Prop::kType || e.prop == Prop::kCount || e.prop == Prop::kFirstDate ||
            e.prop == Prop::kLastDate);
  }
  return e.kind == ExprKind::kFunction && e.function == "type" && e.args.size() == 1 && single_rel(*e.args[0]);
}

uint64_t Executor::AtomBound(const graph::GraphView& view, const BoundExpr& e) {
  if (e.kind == ExprKind::kVariable) return view.vertex_count();
  if (e.kind == ExprKind::kFunction) return graph::kRelationTypeCount;
  switch (e.prop) {
    case Prop::kName:
    case Prop::kCountry: return view.string_count();
    case Prop::kKind: return graph::kEntityKindCount;
    case Prop::kId: return view.vertex_count();
    case Prop::kType: return graph::kRelationTypeCount;
    default: return 0;
  }
}

uint64_t Executor::Atom(const BoundExpr& e) const {
  if (e.kind == ExprKind::kFunction || e.slot_kind == SlotKind::kRel) {
    const int slot = e.kind == ExprKind::kFunction ? e.args[0]->slot : e.slot;
    const graph::EdgeIndex ei = rel_[slot].single;
    if (ei == kNullEdge) return kNullAtom;
    if (e.kind == ExprKind::kFunction || e.prop == Prop::kType) return static_cast<uint64_t>(view_.edge(ei).type);
    if (e.prop == Prop::kCount) return Count(ei);
    const bool first = e.prop == Prop::kFirstDate;  // as Property reads them
    const graph::Date date = window_ ? (first ? (*window_)[ei].first_date : (*window_)[ei].last_date)
                                     : (first ? view_.edge(ei).first_date : view_.edge(ei).last_date);
    return date == 0 ? kNullAtom : date;
  }
  const graph::VertexIndex v = node_[e.slot];
  if (v == kNullVertex) return kNullAtom;
  if (e.kind == ExprKind::kVariable) return v;
  switch (e.prop) {
    case Prop::kName: return view_.names_unique() ? v : view_.name_id(v);  // both below string_count()
    case Prop::kKind: return static_cast<uint64_t>(view_.kind(v));
    case Prop::kId: return v;  // ids are unique per vertex
    case Prop::kCountry: return view_.country_id(v) == 0 ? kNullAtom : view_.country_id(v);  // "" is null
    case Prop::kMentions: return view_.mentions(v);
    case Prop::kDocuments: return view_.documents(v);
    default: return kNullAtom;
  }
}

}  // namespace geokg::query
