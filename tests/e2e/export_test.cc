// End-to-end tests of `geokg export` on a store with known modalities and
// document metadata (tests/support/provenance_store.h): which relations each
// format holds by default and with --all-modalities, the figures computed
// over the selected evidence, provenance of evidence, nulls for unknown
// values, Neo4j labels, types and typed columns, the neo4j-admin command
// line, the Kùzu script and the GraphML edge attributes.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/support/process.h"
#include "tests/support/provenance_store.h"

using geokg::testing::ProcessResult;
using geokg::testing::ReadWholeFile;
using geokg::testing::RunGeokg;
using geokg::testing::TempDir;
using Json = nlohmann::json;

namespace {

struct ExportFixture {
  TempDir tmp;
  std::string db = tmp / "db";
  ExportFixture() { geokg::testing::WriteProvenanceStore(db); }  // closed again at once

  // The JSONL export's lines, keyed "source type target".
  std::map<std::string, Json> Jsonl(std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"export", "--db", db, "--format", "jsonl"};
    args.insert(args.end(), extra.begin(), extra.end());
    ProcessResult r = RunGeokg(args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    std::map<std::string, Json> out;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);) {
      Json j = Json::parse(line);
      out[j["source"]["name"].get<std::string>() + " " + j["type"].get<std::string>() + " " +
          j["target"]["name"].get<std::string>()] = j;
    }
    return out;
  }

  int QueryRows(const std::string& query, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"query", "--db", db, "--format", "json"};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back(query);
    ProcessResult r = RunGeokg(args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return static_cast<int>(std::count(r.out.begin(), r.out.end(), '\n'));
  }
};

// Every string value anywhere in `j` is non-empty (unknowns are null).
void CheckNoEmptyStrings(const Json& j, const std::string& where) {
  if (j.is_string()) {
    INFO(where);
    CHECK_FALSE(j.get<std::string>().empty());
  } else if (j.is_structured()) {
    for (auto it = j.begin(); it != j.end(); ++it)
      CheckNoEmptyStrings(*it, where + "/" + (j.is_object() ? it.key() : std::string("[]")));
  }
}

int DataLines(const std::string& csv) {
  return static_cast<int>(std::count(csv.begin(), csv.end(), '\n')) - 1;
}

}  // namespace

TEST_CASE("jsonl export holds asserted relations unless --all-modalities", "[e2e][export]") {
  ExportFixture f;
  std::map<std::string, Json> asserted = f.Jsonl();
  CHECK(asserted.size() == 3);
  CHECK(asserted.count("Iran attacked United States") == 0);  // reported only
  CHECK(static_cast<int>(asserted.size()) == f.QueryRows("MATCH (a)-[r]->(b) RETURN a, r, b"));
  // A relation with asserted and reported evidence: its figures are the asserted ones.
  const Json& kh = asserted.at("Kataib Hezbollah attacked United States");
  CHECK(kh["count"] == 1);
  CHECK(kh["counts"] == Json({{"asserted", 1}}));
  CHECK(kh["first_date"].is_null());  // the asserted sentence is in the undated document
  CHECK(kh["confidence"] == 0.9);
  REQUIRE(kh["evidence"].size() == 1);
  CHECK(kh["evidence"][0]["modality"] == "asserted");

  std::map<std::string, Json> all = f.Jsonl({"--all-modalities"});
  CHECK(all.size() == 4);
  CHECK(static_cast<int>(all.size()) ==
        f.QueryRows("MATCH (a)-[r]->(b) RETURN a, r, b", {"--all-modalities"}));
  REQUIRE(all.count("Iran attacked United States") == 1);
  CHECK(all.at("Iran attacked United States")["counts"] == Json({{"reported", 1}}));
  const Json& kh_all = all.at("Kataib Hezbollah attacked United States");
  CHECK(kh_all["count"] == 2);
  CHECK(kh_all["counts"] == Json({{"asserted", 1}, {"reported", 1}}));
  CHECK(kh_all["first_date"] == "2020-01-05");
  CHECK(kh_all["evidence"].size() == 2);
}

TEST_CASE("jsonl evidence carries the document's id, url and title, and unknowns are null", "[e2e][export]") {
  ExportFixture f;
  std::map<std::string, Json> lines = f.Jsonl({"--all-modalities"});
  for (const auto& [key, j] : lines) CheckNoEmptyStrings(j, key);

  const Json& blamed = lines.at("United States blamed Iran")["evidence"].at(0);
  CHECK(blamed.at("doc_id") == "w1");
  CHECK(blamed.at("url") == "https://example.org/w1");
  CHECK(blamed.at("title") == "US accuses Iran");
  CHECK(blamed.at("source") == "news.jsonl:1");
  CHECK(blamed.at("date") == "2020-01-05");
  CHECK(blamed.at("doc").get<std::string>().size() == 16);

  const Json& allied = lines.at("United States allied-with United Kingdom");
  CHECK(allied.at("first_date").is_null());
  CHECK(allied.at("role").is_null());
  CHECK(allied.at("symmetric") == true);
  const Json& ev = allied.at("evidence").at(0);
  CHECK(ev.contains("doc_id"));
  CHECK(ev.at("doc_id").is_null());
  CHECK(ev.at("url").is_null());
  CHECK(ev.at("date").is_null());
  CHECK(ev.at("title") == "Militia strike");
  const Json& kh = lines.at("Kataib Hezbollah attacked United States");
  CHECK(kh.at("source").at("country").is_null());
  CHECK(kh.at("plover") == "ASSAULT");
  CHECK(kh.at("cameo") == "19");
  CHECK(kh.at("symmetric") == false);
}

TEST_CASE("csv export: Neo4j labels, types and typed columns, one file a type, and the import commands",
          "[e2e][export]") {
  ExportFixture f;
  std::string dir = f.tmp / "csv";
  ProcessResult r = RunGeokg({"export", "--db", f.db, "--format", "csv", "-o", dir});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);

  std::string nodes = ReadWholeFile(dir + "/nodes.csv");
  CHECK(nodes.rfind("id:ID,name,kind,country,aliases:string[],:LABEL,mentions:int,documents:int\n", 0) == 0);
  CHECK(nodes.find(",Iran,country,IRN,,Entity;Country,") != std::string::npos);
  CHECK(nodes.find(",Kataib Hezbollah,armed-group,,,Entity;ArmedGroup,") != std::string::npos);

  std::string attacked = ReadWholeFile(dir + "/relations/ATTACKED.csv");
  CHECK(attacked.rfind(":START_ID,:END_ID,:TYPE,count:int,first_date:date,last_date:date,confidence:float,"
                       "role,plover,cameo,symmetric:boolean,evidence,evidence_modality,evidence_date:date,"
                       "evidence_doc,evidence_doc_id,evidence_url,evidence_title\n",
                       0) == 0);
  CHECK(DataLines(attacked) == 1);  // the reported-only attack is left out
  CHECK(attacked.find(",ATTACKED,1,,,0.9,,ASSAULT,19,false,Kataib Hezbollah attacked a United States base.,"
                      "asserted,,") != std::string::npos);
  std::string blamed = ReadWholeFile(dir + "/relations/BLAMED.csv");
  CHECK(blamed.find(",BLAMED,1,2020-01-05,2020-01-05,") != std::string::npos);
  CHECK(blamed.find(",w1,https://example.org/w1,US accuses Iran\n") != std::string::npos);
  std::string allied = ReadWholeFile(dir + "/relations/ALLIED_WITH.csv");
  CHECK(allied.find(",ALLIED_WITH,1,") != std::string::npos);
  CHECK(allied.find(",true,") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir + "/relations/KILLED.csv"));

  std::string neo4j = ReadWholeFile(dir + "/neo4j-import.sh");
  CHECK(neo4j.find("neo4j-admin database import full") != std::string::npos);
  CHECK(neo4j.find("--nodes=nodes.csv") != std::string::npos);
  for (const char* type : {"ATTACKED", "BLAMED", "ALLIED_WITH"})
    CHECK(neo4j.find(std::string("--relationships=relations/") + type + ".csv") != std::string::npos);

  std::string kuzu = ReadWholeFile(dir + "/kuzu.cypher");
  CHECK(kuzu.find("CREATE NODE TABLE Entity(") != std::string::npos);
  CHECK(kuzu.find("CREATE REL TABLE `ATTACKED`(FROM Entity TO Entity, ") != std::string::npos);
  CHECK(kuzu.find("first_date DATE") != std::string::npos);
  CHECK(kuzu.find("COPY `ATTACKED` FROM 'relations/ATTACKED.csv' (HEADER=true);") != std::string::npos);
  CHECK(kuzu.find("COPY `KILLED`") == std::string::npos);

  SECTION("--all-modalities adds the other relations and per-modality counts") {
    ProcessResult all = RunGeokg({"export", "--db", f.db, "--format", "csv", "--all-modalities", "-o", dir});
    REQUIRE(all.exit_code == 0);
    attacked = ReadWholeFile(dir + "/relations/ATTACKED.csv");
    CHECK(attacked.rfind(
              ":START_ID,:END_ID,:TYPE,count:int,asserted:int,negated:int,hypothetical:int,future:int,"
              "reported:int,first_date:date,",
              0) == 0);
    CHECK(DataLines(attacked) == 2);
    CHECK(attacked.find(",ATTACKED,2,1,0,0,0,1,2020-01-05,2020-01-05,") != std::string::npos);
    CHECK(attacked.find(",ATTACKED,1,0,0,0,0,1,2020-01-05,2020-01-05,") != std::string::npos);
    CHECK(ReadWholeFile(dir + "/kuzu.cypher").find("reported INT64") != std::string::npos);
  }
}

TEST_CASE("graphml edges carry PLOVER and CAMEO codes, a symmetric flag and the cited document",
          "[e2e][export]") {
  ExportFixture f;
  ProcessResult r = RunGeokg({"export", "--db", f.db, "--format", "graphml"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string& g = r.out;
  for (const char* key :
       {"attr.name=\"plover\" attr.type=\"string\"", "attr.name=\"cameo\" attr.type=\"string\"",
        "attr.name=\"symmetric\" attr.type=\"boolean\"", "attr.name=\"evidence_doc_id\""})
    CHECK(g.find(key) != std::string::npos);
  size_t edges = 0;
  for (size_t p = 0; (p = g.find("<edge ", p)) != std::string::npos; ++p) ++edges;
  CHECK(edges == 3);
  CHECK(g.find("<data key=\"e_type\">blamed</data><data key=\"e_count\">1</data>") != std::string::npos);
  CHECK(g.find("<data key=\"e_plover\">ACCUSE</data><data key=\"e_cameo\">11</data>"
               "<data key=\"e_symmetric\">false</data>") != std::string::npos);
  CHECK(g.find("<data key=\"e_cameo\">06</data><data key=\"e_symmetric\">true</data>") != std::string::npos);
  CHECK(g.find("<data key=\"e_ev_doc_id\">w1</data><data key=\"e_ev_url\">https://example.org/w1</data>") !=
        std::string::npos);
  CHECK(g.find("\"></data>") == std::string::npos);  // unknown values are left out, not empty
  CHECK(g.find("e_reported") == std::string::npos);

  ProcessResult all = RunGeokg({"export", "--db", f.db, "--format", "graphml", "--all-modalities"});
  REQUIRE(all.exit_code == 0);
  edges = 0;
  for (size_t p = 0; (p = all.out.find("<edge ", p)) != std::string::npos; ++p) ++edges;
  CHECK(edges == 4);
  CHECK(all.out.find("<data key=\"e_reported\">1</data>") != std::string::npos);
}
