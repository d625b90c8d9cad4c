// Runs the golden query files tests/query/golden/*.txt over the article
// graph (fixture.h). File format, one case after another:
//
//   # comment
//   -STATEMENT <query, one line>
//   ---- N            then N rows, cells joined by '|' (display strings);
//                     compared sorted unless the query has ORDER BY
//   ---- error        then the expected first line of the formatted error
//
// An optional "-OPTIONS all" line before -STATEMENT runs with every modality.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "query/engine.h"
#include "tests/query/fixture.h"

namespace {

using namespace geokg;

struct Case {
  std::string file;
  int line = 0;
  std::string statement;
  bool all_modalities = false;
  bool expect_error = false;
  std::vector<std::string> expected;
};

std::vector<Case> LoadCases() {
  std::vector<Case> cases;
  std::filesystem::path dir = std::filesystem::path(GEOKG_SOURCE_DIR) / "tests/query/golden";
  std::vector<std::filesystem::path> files;
  for (auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (auto& f : files) {
    std::ifstream in(f);
    std::string line;
    int n = 0;
    bool all = false;
    while (std::getline(in, line)) {
      ++n;
      if (line.empty() || line[0] == '#') continue;
      if (line == "-OPTIONS all") {
        all = true;
        continue;
      }
      if (line.rfind("-STATEMENT ", 0) != 0) FAIL(f.string() << ":" << n << ": expected -STATEMENT");
      Case c;
      c.file = f.filename().string();
      c.line = n;
      c.statement = line.substr(11);
      c.all_modalities = all;
      all = false;
      std::getline(in, line);
      ++n;
      if (line == "---- error") {
        c.expect_error = true;
        std::getline(in, line);
        ++n;
        c.expected.push_back(line);
      } else if (line.rfind("---- ", 0) == 0) {
        int rows = std::stoi(line.substr(5));
        for (int i = 0; i < rows; ++i) {
          std::getline(in, line);
          ++n;
          c.expected.push_back(line);
        }
      } else {
        FAIL(f.string() << ":" << n << ": expected ---- N or ---- error");
      }
      cases.push_back(std::move(c));
    }
  }
  return cases;
}

}  // namespace

TEST_CASE("golden query files", "[query][golden]") {
  auto view = testing::ArticleView();
  std::vector<Case> cases = LoadCases();
  REQUIRE(cases.size() >= 40);
  for (const Case& c : cases) {
    INFO(c.file << ":" << c.line << ": " << c.statement);
    query::QueryOptions options;
    if (c.all_modalities) options.modalities.fill(true);
    query::ResultSet rs;
    query::QueryError error;
    bool ok = query::RunQuery(*view, c.statement, options, &rs, &error);
    if (c.expect_error) {
      REQUIRE_FALSE(ok);
      std::string formatted = error.Format(c.statement);
      CHECK(formatted.substr(0, formatted.find('\n')) == c.expected[0]);
      continue;
    }
    INFO("error: " << error.Format(c.statement));
    REQUIRE(ok);
    std::vector<std::string> got;
    for (const auto& row : rs.rows) {
      std::string s;
      for (size_t i = 0; i < row.size(); ++i) s += (i ? "|" : "") + query::ToDisplayString(*view, row[i]);
      got.push_back(s);
    }
    std::vector<std::string> want = c.expected;
    std::string upper = c.statement;
    std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
    if (upper.find("ORDER BY") == std::string::npos) {
      std::sort(got.begin(), got.end());
      std::sort(want.begin(), want.end());
    }
    CHECK(got == want);
  }
}
