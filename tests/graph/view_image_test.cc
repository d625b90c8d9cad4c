// The snapshot image (graph/view_image.cc) and Store::LoadView: a mapped
// image answers every query as the built view does; a stale, truncated,
// garbled or missing image is refused and rebuilt.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "graph/ids.h"
#include "graph/store.h"
#include "graph/view.h"
#include "query/engine.h"
#include "tests/query/fixture.h"
#include "tests/support/process.h"

namespace geokg {
namespace {

namespace fs = std::filesystem;
using graph::GraphView;
using graph::ImageTag;
using graph::Store;
using testing::TempDir;

// Every -STATEMENT of the golden query files.
std::vector<std::string> GoldenStatements() {
  std::vector<std::string> out;
  for (auto& e : fs::directory_iterator(fs::path(GEOKG_SOURCE_DIR) / "tests/query/golden")) {
    if (e.path().extension() != ".txt") continue;
    std::ifstream in(e.path());
    std::string line;
    while (std::getline(in, line))
      if (line.rfind("-STATEMENT ", 0) == 0) out.push_back(line.substr(11));
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The result (or error) of `q` as text, rows in engine order.
std::string Answer(const GraphView& view, const std::string& q, bool all_modalities) {
  query::QueryOptions o;
  if (all_modalities) o.modalities.fill(true);
  query::ResultSet rs;
  query::QueryError e;
  if (!query::RunQuery(view, q, o, &rs, &e)) return "error: " + e.Format(q);
  std::string s;
  for (const auto& c : rs.columns) s += c + "|";
  s += "\n";
  for (const auto& row : rs.rows) {
    for (const auto& v : row) s += query::ToDisplayString(view, v) + "|";
    s += "\n";
  }
  return s;
}

void CheckSameView(const GraphView& a, const GraphView& b) {
  REQUIRE(a.vertex_count() == b.vertex_count());
  REQUIRE(a.edge_count() == b.edge_count());
  for (graph::VertexIndex v = 0; v < a.vertex_count(); ++v) {
    const graph::Entity x = a.entity(v), y = b.entity(v);
    CHECK(x.id == y.id);
    CHECK(x.name == y.name);
    CHECK(x.kind == y.kind);
    CHECK(x.aliases == y.aliases);
    CHECK(x.country == y.country);
    CHECK(x.mentions == y.mentions);
    CHECK(x.documents == y.documents);
    CHECK(std::ranges::equal(a.OutEdges(v), b.OutEdges(v)));
    CHECK(std::ranges::equal(a.InEdges(v), b.InEdges(v)));
    CHECK(a.FindName(x.name) == b.FindName(x.name));
    CHECK(a.FindId(x.id) == b.FindId(x.id));
  }
  for (graph::EdgeIndex e = 0; e < a.edge_count(); ++e) {
    const graph::EdgeData &x = a.edge(e), &y = b.edge(e);
    CHECK(x.source == y.source);
    CHECK(x.target == y.target);
    CHECK(x.type == y.type);
    CHECK(x.counts == y.counts);
    CHECK(x.first_date == y.first_date);
    CHECK(x.last_date == y.last_date);
    CHECK(x.confidence == y.confidence);
    CHECK(a.role(e) == b.role(e));
  }
  CHECK(a.names_unique() == b.names_unique());
  CHECK(a.kind_counts() == b.kind_counts());
  CHECK(a.type_counts() == b.type_counts());
  CHECK(a.AllNames() == b.AllNames());
  CHECK(boost::num_edges(a.graph()) == boost::num_edges(b.graph()));
}

TEST_CASE("an image maps to a view equal to the built one, with the same query answers", "[graph][image]") {
  TempDir dir;
  graph::GraphData data = testing::ArticleGraph();
  data.relations.push_back(testing::MakeRelation("Mark Esper", graph::RelationType::kLeaderOf, "United States", 1));
  data.relations.back().role = "Defence Secretary";
  auto built = GraphView::Build(std::move(data));
  const ImageTag tag{42, 7};
  REQUIRE(built->WriteImage(dir / "snapshot.img", tag).ok());
  CHECK_FALSE(fs::exists(dir / ("snapshot.img.tmp." + std::to_string(getpid()))));
  std::shared_ptr<const GraphView> mapped;
  Status s = GraphView::OpenImage(dir / "snapshot.img", tag, &mapped);
  REQUIRE(s.ok());
  CHECK(mapped->mapped());
  CHECK_FALSE(built->mapped());
  CheckSameView(*built, *mapped);
  const auto statements = GoldenStatements();
  REQUIRE(statements.size() > 100);
  for (const std::string& q : statements) {
    INFO(q);
    CHECK(Answer(*built, q, false) == Answer(*mapped, q, false));
    CHECK(Answer(*built, q, true) == Answer(*mapped, q, true));
  }
}

TEST_CASE("an empty graph has an image too", "[graph][image]") {
  TempDir dir;
  auto built = GraphView::Build(graph::GraphData{});
  REQUIRE(built->WriteImage(dir / "snapshot.img", {1, 1}).ok());
  std::shared_ptr<const GraphView> mapped;
  REQUIRE(GraphView::OpenImage(dir / "snapshot.img", {1, 1}, &mapped).ok());
  CHECK(mapped->vertex_count() == 0);
  CHECK(mapped->edge_count() == 0);
  CHECK(mapped->FindName("Iran").empty());
}

// Writes the article graph's image and returns its bytes.
std::string WriteArticleImage(const TempDir& dir, const ImageTag& tag) {
  auto built = testing::ArticleView();
  REQUIRE(built->WriteImage(dir / "snapshot.img", tag).ok());
  std::ifstream in(dir / "snapshot.img", std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

Status OpenAfter(const TempDir& dir, const std::string& bytes, const ImageTag& tag) {
  std::ofstream(dir / "snapshot.img", std::ios::binary | std::ios::trunc) << bytes;
  std::shared_ptr<const GraphView> view;
  Status s = GraphView::OpenImage(dir / "snapshot.img", tag, &view);
  if (!s.ok()) CHECK(view == nullptr);
  return s;
}

TEST_CASE("a stale, truncated or garbled image is refused", "[graph][image]") {
  TempDir dir;
  const ImageTag tag{9, 1234};
  const std::string good = WriteArticleImage(dir, tag);
  REQUIRE(OpenAfter(dir, good, tag).ok());

  Status stale = OpenAfter(dir, good, ImageTag{10, 1234});
  CHECK(stale.message().find("stale") != std::string::npos);
  CHECK_FALSE(OpenAfter(dir, good, ImageTag{9, 1235}).ok());

  Status cut = OpenAfter(dir, good.substr(0, good.size() - 100), tag);
  CHECK(cut.message().find("truncated") != std::string::npos);
  CHECK(OpenAfter(dir, good.substr(0, 100), tag).message().find("truncated") != std::string::npos);
  CHECK_FALSE(OpenAfter(dir, "", tag).ok());
  CHECK_FALSE(OpenAfter(dir, good + "x", tag).ok());

  // One flipped bit anywhere in the body, or in the header.
  for (size_t at : {size_t{600}, good.size() / 2, good.size() - 1}) {
    std::string bad = good;
    bad[at] ^= 0x10;
    Status s = OpenAfter(dir, bad, tag);
    INFO(at);
    CHECK(s.message().find("checksum mismatch") != std::string::npos);
  }
  std::string bad_header = good;
  bad_header[40] ^= 0x01;  // inside the tag or counts
  CHECK_FALSE(OpenAfter(dir, bad_header, tag).ok());
  std::string bad_magic = good;
  bad_magic[0] = 'X';
  CHECK(OpenAfter(dir, bad_magic, tag).message().find("not a geokg snapshot image") != std::string::npos);

  std::shared_ptr<const GraphView> view;
  CHECK(GraphView::OpenImage(dir / "none.img", tag, &view).code() == StatusCode::kNotFound);
}

graph::DocRecord Doc(const std::string& text, const std::string& a, graph::RelationType t, const std::string& b) {
  graph::DocRecord d;
  d.meta.id = graph::DocIdFor(text);
  d.meta.source = text;
  d.meta.date = 20200105;
  for (const std::string& name : {a, b}) {
    graph::Entity e = testing::MakeEntity(name, graph::EntityKind::kCountry);
    d.entities.push_back(e);
    d.mentions.push_back({e.id, 1});
  }
  graph::ExtractedRelation r;
  r.key = {graph::EntityIdFor(a), t, graph::EntityIdFor(b)};
  r.evidence.doc = d.meta.id;
  r.evidence.text = text;
  r.evidence.date = 20200105;
  r.evidence.confidence = 0.8f;
  d.relations.push_back(r);
  d.text = text;
  return d;
}

TEST_CASE("LoadView maps a current image and rebuilds a stale, truncated, garbled or missing one",
          "[graph][image][store]") {
  TempDir dir;
  std::unique_ptr<Store> store;
  REQUIRE(Store::Open(dir.Path(), graph::StoreOptions{}, &store).ok());
  REQUIRE(store->Apply({Doc("Iran backs Hezbollah.", "Iran", graph::RelationType::kBackedBy, "Hezbollah")}, nullptr)
              .ok());
  const std::string image = store->ViewImagePath();
  CHECK(image == dir / "snapshot.img");

  std::shared_ptr<const GraphView> view;
  Store::ViewSource source;
  REQUIRE(store->LoadView(&view, &source).ok());
  CHECK(source == Store::ViewSource::kBuilt);
  CHECK(fs::exists(image));
  REQUIRE(store->LoadView(&view, &source).ok());
  CHECK(source == Store::ViewSource::kImage);
  CHECK(view->mapped());
  const std::string q = "MATCH (a)-[r]->(b) RETURN a.name, type(r), b.name, b.mentions";
  const std::string one = Answer(*view, q, false);
  CHECK(one.find("Iran|backed-by|Hezbollah|1|") != std::string::npos);

  // Stale after a new ingest: rebuilt, and the new relation is seen.
  REQUIRE(store->Apply({Doc("Iraq blamed Iran.", "Iraq", graph::RelationType::kBlamed, "Iran")}, nullptr).ok());
  REQUIRE(store->LoadView(&view, &source).ok());
  CHECK(source == Store::ViewSource::kBuilt);
  const std::string two = Answer(*view, q, false);
  CHECK(two.find("Iraq|blamed|Iran|") != std::string::npos);
  REQUIRE(store->LoadView(&view, &source).ok());
  CHECK(source == Store::ViewSource::kImage);
  CHECK(Answer(*view, q, false) == two);

  // Truncated, garbled, missing: rebuilt with the same answers, and the
  // image written again.
  const auto size = fs::file_size(image);
  fs::resize_file(image, size / 2);
  REQUIRE(store->LoadView(&view, &source).ok());
  CHECK(source == Store::ViewSource::kBuilt);
  CHECK(Answer(*view, q, false) == two);
  CHECK(fs::file_size(image) == size);
  {
    std::fstream f(image, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(size - 3));
    f.put('\x7f');
  }
  REQUIRE(store->LoadView(&view, &source).ok());
  CHECK(source == Store::ViewSource::kBuilt);
  CHECK(Answer(*view, q, false) == two);
  fs::remove(image);
  REQUIRE(store->LoadView(&view, &source, /*write_image=*/false).ok());
  CHECK(source == Store::ViewSource::kBuilt);
  CHECK_FALSE(fs::exists(image));
  REQUIRE(store->RefreshViewImage().ok());
  REQUIRE(store->LoadView(&view, &source).ok());
  CHECK(source == Store::ViewSource::kImage);
  CHECK(Answer(*view, q, false) == two);

  // Another process's view of the same store agrees (read-only open).
  store.reset();
  graph::StoreOptions ro;
  ro.read_only = true;
  ro.create_if_missing = false;
  REQUIRE(Store::Open(dir.Path(), ro, &store).ok());
  REQUIRE(store->LoadView(&view, &source).ok());
  CHECK(source == Store::ViewSource::kImage);
  CHECK(Answer(*view, q, false) == two);
}

TEST_CASE("an image that cannot be written leaves the view as built", "[graph][image][store]") {
  TempDir dir;
  std::unique_ptr<Store> store;
  REQUIRE(Store::Open(dir.Path(), graph::StoreOptions{}, &store).ok());
  REQUIRE(store->Apply({Doc("Iran backs Hezbollah.", "Iran", graph::RelationType::kBackedBy, "Hezbollah")}, nullptr)
              .ok());
  // A folder where the image should go: it can be neither read nor
  // replaced (whoever runs the test, root included).
  fs::create_directory(dir / "snapshot.img");
  std::shared_ptr<const GraphView> view;
  Store::ViewSource source;
  REQUIRE(store->LoadView(&view, &source).ok());
  CHECK(source == Store::ViewSource::kBuilt);
  CHECK(view->FindName("Iran").size() == 1);
  CHECK(fs::is_directory(dir / "snapshot.img"));
  CHECK_FALSE(fs::exists(dir / ("snapshot.img.tmp." + std::to_string(getpid()))));
  CHECK(store->RefreshViewImage().ok());  // a cache that cannot be written is no error
}

}  // namespace
}  // namespace geokg
