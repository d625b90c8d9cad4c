// Tests of the REPL's graph commands (tools/repl/repl_commands.cc) that need
// document metadata: :why cites each evidence sentence's document by its own
// id, title, url and source.
#include <catch2/catch.hpp>
#include <sstream>

#include "graph/ids.h"
#include "graph/view.h"
#include "tests/support/process.h"
#include "tests/support/provenance_store.h"
#include "tools/repl/repl.h"

namespace {

struct WhyFixture {
  geokg::testing::TempDir dir;
  std::unique_ptr<geokg::graph::Store> store = geokg::testing::WriteProvenanceStore(dir / "db");
  std::shared_ptr<const geokg::graph::GraphView> view;

  WhyFixture() {
    geokg::graph::GraphData data;
    REQUIRE(store->LoadGraph(&data).ok());
    view = geokg::graph::GraphView::Build(std::move(data));
  }

  std::string Run(const std::string& line) {
    geokg::tools::Repl repl(view, store.get());
    std::ostringstream out;
    CHECK(repl.ProcessLine(line, out));
    return out.str();
  }
};

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE(":why cites the document's own id, title, url and source", "[tools][repl]") {
  WhyFixture f;
  std::string out = f.Run(":why United States blamed Iran");
  INFO(out);
  CHECK(Contains(out, "The United States blamed Iran for the attack."));
  CHECK(Contains(out, "doc w1 \"US accuses Iran\" <https://example.org/w1> news.jsonl:1"));
  CHECK(Contains(out, "2020-01-05"));
}

TEST_CASE(":why cites a document with no id of its own by its content hash", "[tools][repl]") {
  WhyFixture f;
  std::string out = f.Run(":why United States allied-with United Kingdom");
  INFO(out);
  CHECK(Contains(out, "doc " + geokg::graph::IdToHex(geokg::graph::DocIdFor("text file")) +
                          " \"Militia strike\" b.txt"));
  CHECK_FALSE(Contains(out, "<http"));  // no url to show
}
