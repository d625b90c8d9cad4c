#include "query/value.h"

#include <cmath>
#include <cstdio>

#include "graph/ontology.h"

namespace geokg::query {
namespace {

int Rank(const Value& v) {
  switch (v.data.index()) {
    case 0: return 0;
    case 1: return 1;
    case 2:
    case 3: return 2;
    case 4: return 3;
    case 5: return 4;
    case 6: return 5;
    case 7: return 6;
    default: return 7;
  }
}

template <class T>
int Cmp(const T& a, const T& b) {
  return a < b ? -1 : b < a ? 1 : 0;
}

}  // namespace

int Value::Compare(const Value& a, const Value& b) {
  int ra = Rank(a), rb = Rank(b);
  if (ra != rb) return ra < rb ? -1 : 1;
  switch (ra) {
    case 0: return 0;
    case 1: return Cmp(std::get<bool>(a.data), std::get<bool>(b.data));
    case 2: {
      if (a.data.index() == 2 && b.data.index() == 2) return Cmp(std::get<int64_t>(a.data), std::get<int64_t>(b.data));
      double x = a.data.index() == 2 ? static_cast<double>(std::get<int64_t>(a.data)) : std::get<double>(a.data);
      double y = b.data.index() == 2 ? static_cast<double>(std::get<int64_t>(b.data)) : std::get<double>(b.data);
      return Cmp(x, y);
    }
    case 3: return Cmp(std::get<std::string>(a.data), std::get<std::string>(b.data));
    case 4: return Cmp(std::get<NodeValue>(a.data).v, std::get<NodeValue>(b.data).v);
    case 5: return Cmp(std::get<EdgeValue>(a.data).e, std::get<EdgeValue>(b.data).e);
    case 6: {
      const PathValue& x = std::get<PathValue>(a.data);
      const PathValue& y = std::get<PathValue>(b.data);
      if (int c = Cmp(x.vertices, y.vertices)) return c;
      return Cmp(x.edges, y.edges);
    }
    default: {
      const ValueList& x = std::get<ValueList>(a.data);
      const ValueList& y = std::get<ValueList>(b.data);
      for (size_t i = 0; i < x.size() && i < y.size(); ++i)
        if (int c = Compare(x[i], y[i])) return c;
      return Cmp(x.size(), y.size());
    }
  }
}

std::string ToDisplayString(const graph::GraphView& view, const Value& value) {
  switch (value.data.index()) {
    case 0: return "";
    case 1: return std::get<bool>(value.data) ? "true" : "false";
    case 2: return std::to_string(std::get<int64_t>(value.data));
    case 3: {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%g", std::get<double>(value.data));
      return buf;
    }
    case 4: return std::get<std::string>(value.data);
    case 5: return view.entity(std::get<NodeValue>(value.data).v).name;
    case 6: return std::string(graph::NameOf(view.edge(std::get<EdgeValue>(value.data).e).type));
    case 7: {
      const PathValue& p = std::get<PathValue>(value.data);
      std::string s = view.entity(p.vertices[0]).name;
      for (size_t i = 0; i < p.edges.size(); ++i) {
        const graph::EdgeData& e = view.edge(p.edges[i]);
        bool forward = e.source == p.vertices[i] && e.target == p.vertices[i + 1];
        std::string type(graph::NameOf(e.type));
        s += forward ? " -[" + type + "]-> " : " <-[" + type + "]- ";
        s += view.entity(p.vertices[i + 1]).name;
      }
      return s;
    }
    default: {
      std::string s = "[";
      const ValueList& l = std::get<ValueList>(value.data);
      for (size_t i = 0; i < l.size(); ++i) {
        if (i) s += ", ";
        s += ToDisplayString(view, l[i]);
      }
      return s + "]";
    }
  }
}

}  // namespace geokg::query
