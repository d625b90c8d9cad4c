#include "query/value.h"

#include <charconv>
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
    case 5: return std::string(view.name(std::get<NodeValue>(value.data).v));
    case 6: return std::string(graph::NameOf(view.edge(std::get<EdgeValue>(value.data).e).type));
    case 7: {
      const PathValue& p = std::get<PathValue>(value.data);
      std::string s(view.name(p.vertices[0]));
      for (size_t i = 0; i < p.edges.size(); ++i) {
        const graph::EdgeData& e = view.edge(p.edges[i]);
        bool forward = e.source == p.vertices[i] && e.target == p.vertices[i + 1];
        std::string type(graph::NameOf(e.type));
        s += forward ? " -[" + type + "]-> " : " <-[" + type + "]- ";
        s += view.name(p.vertices[i + 1]);
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

bool ParseParamValue(std::string_view text, Value* out) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  if (!text.empty() && (text.front() == '\'' || text.front() == '"')) {
    const char quote = text.front();
    std::string s;
    size_t i = 1;
    for (; i < text.size() && text[i] != quote; ++i) {
      if (text[i] == '\\' && i + 1 < text.size()) ++i;
      s.push_back(text[i]);
    }
    if (i != text.size() - 1) return false;  // unterminated, or text after the quote
    *out = Value(std::move(s));
    return true;
  }
  if (text == "true" || text == "false") {
    *out = Value(text == "true");
    return true;
  }
  if (text == "null") {
    *out = Value();
    return true;
  }
  int64_t i = 0;
  if (auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), i);
      ec == std::errc() && p == text.data() + text.size() && !text.empty()) {
    *out = Value(i);
    return true;
  }
  double d = 0;
  if (auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), d);
      ec == std::errc() && p == text.data() + text.size() && !text.empty()) {
    *out = Value(d);
    return true;
  }
  *out = Value(std::string(text));
  return true;
}

size_t ApproximateBytes(const Value& value) {
  size_t bytes = sizeof(Value);
  if (const std::string* str = std::get_if<std::string>(&value.data)) {
    if (str->capacity() > 15) bytes += str->capacity() + 1;  // beyond the small-string buffer
  } else if (const PathValue* p = std::get_if<PathValue>(&value.data)) {
    bytes += p->vertices.capacity() * sizeof(graph::VertexIndex) + p->edges.capacity() * sizeof(graph::EdgeIndex);
  } else if (const ValueList* list = std::get_if<ValueList>(&value.data)) {
    bytes += (list->capacity() - list->size()) * sizeof(Value);
    for (const Value& v : *list) bytes += ApproximateBytes(v);
  }
  return bytes;
}

}  // namespace geokg::query
