#include "tools/repl/docs.h"

#include "graph/date.h"
#include "graph/ids.h"
#include "tools/render/subgraph.h"

namespace geokg::tools {

Status DocumentsMentioning(const graph::GraphView& view, const graph::Store& store, std::string_view name,
                           size_t limit, DocsResult* out,
                           const std::function<std::string(std::string_view)>& canonical_name) {
  *out = DocsResult{};
  std::vector<graph::VertexIndex> vertices;
  Status s = ResolveName(view, name, &vertices, canonical_name);
  if (!s.ok()) return s;
  const bool several = vertices.size() > 1;
  query::ResultSet& rs = out->rows;
  if (several) rs.columns.push_back("entity");
  for (const char* column : {"doc", "date", "title", "url", "mentions"}) rs.columns.push_back(column);
  std::vector<graph::EntityDocument> docs;
  for (graph::VertexIndex v : vertices) {
    const graph::Entity& e = view.entity(v);
    s = store.ListEntityDocuments(e.id, limit, &docs);
    if (!s.ok()) return s;
    out->summary += e.name + ": " + std::to_string(e.mentions) + (e.mentions == 1 ? " mention" : " mentions") +
                    " in " + std::to_string(e.documents) + (e.documents == 1 ? " document" : " documents");
    if (docs.size() < e.documents) {
      out->summary += " (the " + std::to_string(docs.size()) + " newest below)";
      rs.truncated = true;
    }
    out->summary += "\n";
    for (const graph::EntityDocument& d : docs) {
      std::vector<query::Value> row;
      if (several) row.emplace_back(query::NodeValue{v});
      row.emplace_back(graph::IdToHex(d.meta.id));
      row.push_back(d.meta.date != 0 ? query::Value(graph::FormatDate(d.meta.date)) : query::Value());
      row.emplace_back(d.meta.title);
      row.push_back(d.meta.url.empty() ? query::Value() : query::Value(d.meta.url));
      row.emplace_back(static_cast<int64_t>(d.mentions));
      rs.rows.push_back(std::move(row));
    }
  }
  if (rs.truncated) rs.note = "at most " + std::to_string(limit) + " documents per entity";
  return Status::Ok();
}

}  // namespace geokg::tools
