// ScanFlatJsonObject: whatever it accepts, it reads exactly as the full JSON
// parser does; everything else it declines.
#include "ingest/json_scan.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ingest/reader.h"

using geokg::ingest::JsonField;
using geokg::ingest::ScanFlatJsonObject;

namespace {

// Scans `line` for "text" and "title"; when the scan accepts, checks every
// field against nlohmann's reading of the same line.
bool ScanMatchesFullParser(const std::string& line) {
  JsonField fields[2] = {{"text"}, {"title"}};
  if (!ScanFlatJsonObject(line, fields, 2)) return false;
  nlohmann::json value = nlohmann::json::parse(line);  // throws (fails the test) if the scan was wrong
  REQUIRE(value.is_object());
  for (const JsonField& f : fields) {
    auto it = value.find(std::string(f.name));
    CHECK(f.present == (it != value.end()));
    if (f.present) {
      REQUIRE(it->is_string());
      CHECK(f.value == it->get<std::string>());
    }
  }
  return true;
}

}  // namespace

TEST_CASE("flat objects are read as the full parser reads them", "[ingest][json]") {
  const std::vector<std::string> accepted = {
      R"({"text":"Iran rejected it."})",
      R"(  { "id" : 42, "text" : "a \"quoted\" word", "x": -1.5e+3, "y": true, "z": null }  )",
      R"({"text":"tab\tnew\nline \\ slash \/ \b\f\r","title":"caf\u00e9 \u20ac \ud83d\ude00"})",
      R"({"title":"T","text":"first","text":"second"})",
      R"({"t\u0065xt":"escaped key","other":"\u0041"})",
      R"({})",
      "{\"text\":\"caf\xc3\xa9 raw UTF-8\",\"n\":0}",
  };
  for (const std::string& line : accepted) {
    INFO(line);
    CHECK(ScanMatchesFullParser(line));
  }
  JsonField fields[1] = {{"text"}};
  REQUIRE(ScanFlatJsonObject(R"({"text":"first","text":"second"})", fields, 1));
  CHECK(fields[0].value == "second");
}

TEST_CASE("everything else is declined", "[ingest][json]") {
  const std::vector<std::string> declined = {
      R"({"text":"unterminated)",
      R"({"text":"x",})",
      R"({"text":"x"} trailing)",
      R"([1, 2])",
      R"({"text":"x","meta":{"a":1}})",
      R"({"text":"x","tags":["a"]})",
      R"({"text":5})",
      R"({"title":null,"text":"x"})",
      R"({"text":"bad \q escape"})",
      R"({"text":"lone \ud83d surrogate"})",
      R"({"text":"x","n":01})",
      R"({"text":"x","n":-})",
      R"({"text":"x","n":1.})",
      "{\"text\":\"raw\ttab\"}",
      R"({text:"x"})",
      "",
  };
  for (const std::string& line : declined) {
    INFO(line);
    JsonField fields[2] = {{"text"}, {"title"}};
    CHECK_FALSE(ScanFlatJsonObject(line, fields, 2));
  }
}

TEST_CASE("ParseJsonlLine reads the same document on both paths", "[ingest][json]") {
  geokg::ingest::ReaderOptions options;
  // Flat (fast path) and with a nested field (full parser): same document.
  std::string flat = R"({"id":"7","title":"Talks","date":"2020-01-03","text":"Iran and \"Iraq\" met.\nThen left."})";
  std::string nested =
      R"({"id":"7","title":"Talks","date":"2020-01-03","tags":["x"],"text":"Iran and \"Iraq\" met.\nThen left."})";
  geokg::ingest::Document a, b;
  bool produced_a = false, produced_b = false;
  REQUIRE(geokg::ingest::ParseJsonlLine("f.jsonl", 1, flat, options, &a, &produced_a).ok());
  REQUIRE(geokg::ingest::ParseJsonlLine("f.jsonl", 1, nested, options, &b, &produced_b).ok());
  REQUIRE(produced_a);
  REQUIRE(produced_b);
  CHECK(a.text == b.text);
  CHECK(a.text == "Iran and \"Iraq\" met.\nThen left.");
  CHECK(a.meta.id == b.meta.id);
  CHECK(a.meta.title == b.meta.title);
  CHECK(a.meta.date == b.meta.date);
  CHECK(a.meta.date == 20200103);
  CHECK(a.meta.external_id == "7");
  CHECK(a.meta.external_id == b.meta.external_id);
  CHECK(a.meta.source == b.meta.source);
}
