// Tests of the eval core: gold parsing, matching and scoring, on hand-made
// predictions (independent of the extractor's quality).
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/support/process.h"

#include "graph/ids.h"
#include "tools/eval/eval_core.h"

namespace geokg::tools {
namespace {

using graph::RelationType;

GoldFile MustParse(std::string_view text) {
  GoldFile gold;
  std::vector<std::string> errors;
  bool ok = ParseGold("t.gold", text, &gold, &errors);
  INFO((errors.empty() ? std::string() : errors.front()));
  REQUIRE(ok);
  REQUIRE(errors.empty());
  return gold;
}

std::vector<std::string> ParseErrors(std::string_view text) {
  GoldFile gold;
  std::vector<std::string> errors;
  bool ok = ParseGold("bad.gold", text, &gold, &errors);
  CHECK_FALSE(ok);
  return errors;
}

PredictedEdge Edge(std::string source, RelationType type, std::string target,
                   EdgeModality modality = EdgeModality::kAsserted) {
  PredictedEdge e;
  e.source = std::move(source);
  e.type = type;
  e.target = std::move(target);
  e.modality = modality;
  return e;
}

size_t CountVerdict(const FileScore& s, Verdict v) {
  size_t n = 0;
  for (const Outcome& o : s.outcomes) n += o.verdict == v;
  return n;
}

}  // namespace

TEST_CASE("gold: well-formed lines parse", "[tools][eval]") {
  GoldFile gold = MustParse(
      "# article: articles/01_x.txt\n"
      "# a comment\n"
      "\n"
      "+ United States | deployed-to | Iraq\n"
      "+ Iran | rejected | Donald Trump / United States\n"
      "-   United States|attacked|Iran   \n"
      "~ Baghdad | located-in | Iraq\n"
      "+ Donald Trump | member-of / leader-of | United States | reported\n"
      "~ Israel | attacked | Hezbollah | related-headline\n"
      "+ Hamas | rejected | United States | asserted / reported\n");
  CHECK(gold.article == "articles/01_x.txt");
  CHECK(gold.article_line == 1);
  REQUIRE(gold.edges.size() == 7);
  CHECK(gold.edges[0].kind == GoldKind::kExpected);
  CHECK(gold.edges[0].line == 4);
  CHECK(gold.edges[0].types == std::vector<RelationType>{RelationType::kDeployedTo});
  CHECK(gold.edges[0].modalities == std::vector<EdgeModality>{EdgeModality::kAsserted});
  CHECK(gold.edges[1].targets == std::vector<std::string>{"Donald Trump", "United States"});
  CHECK(gold.edges[2].kind == GoldKind::kForbidden);
  CHECK(gold.edges[2].sources == std::vector<std::string>{"United States"});
  CHECK(gold.edges[2].targets == std::vector<std::string>{"Iran"});
  CHECK(gold.edges[3].kind == GoldKind::kAcceptable);
  CHECK(gold.edges[4].types ==
        std::vector<RelationType>{RelationType::kMemberOf, RelationType::kLeaderOf});
  CHECK(gold.edges[4].modalities == std::vector<EdgeModality>{EdgeModality::kReported});
  CHECK(gold.edges[5].modalities == std::vector<EdgeModality>{EdgeModality::kRelatedHeadline});
  CHECK(gold.edges[6].modalities ==
        std::vector<EdgeModality>{EdgeModality::kAsserted, EdgeModality::kReported});
}

TEST_CASE("gold: a slash inside a name without spaces is part of the name", "[tools][eval]") {
  GoldFile gold = MustParse("# article: a.txt\n+ AC/DC | met-with | Iran\n");
  CHECK(gold.edges[0].sources == std::vector<std::string>{"AC/DC"});
}

TEST_CASE("gold: malformed lines report file:line", "[tools][eval]") {
  auto errors = ParseErrors(
      "# article: a.txt\n"
      "* Iran | attacked | Iraq\n"              // 2: bad marker
      "+ Iran | attacked\n"                     // 3: two fields
      "+ Iran | atacked | Iraq\n"               // 4: unknown type, suggestion
      "+ Iran | attacked | Iraq | future/maybe\n"  // 5: unknown modality
      "+  | attacked | Iraq\n"                  // 6: empty source
      "+ Iran | attacked | Iraq / \n"           // 7: empty alternative
      "+ Iran | attacked | Iraq | future | x\n" // 8: five fields
      "# article: b.txt\n");                    // 9: second article line
  REQUIRE(errors.size() == 8);
  CHECK(errors[0].rfind("bad.gold:2: ", 0) == 0);
  CHECK(errors[1] == "bad.gold:3: expected 'source | type | target [| modality]', found 2 fields");
  CHECK(errors[2] == "bad.gold:4: unknown relation type 'atacked' (did you mean 'attacked'?)");
  CHECK(errors[3].rfind("bad.gold:5: unknown modality 'maybe'", 0) == 0);
  CHECK(errors[4] == "bad.gold:6: empty source name");
  CHECK(errors[5] == "bad.gold:7: empty target name");
  CHECK(errors[6].rfind("bad.gold:8: expected", 0) == 0);
  CHECK(errors[7] == "bad.gold:9: second '# article:' line (first on line 1)");
}

TEST_CASE("gold: an empty alternative between separators is an error", "[tools][eval]") {
  auto errors = ParseErrors("# article: a.txt\n+ Iran /  / Iraq | attacked | Israel\n");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == "bad.gold:2: empty source name");
}

TEST_CASE("gold: a missing article line is reported at line 1", "[tools][eval]") {
  auto errors = ParseErrors("+ Iran | attacked | Iraq\n");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == "bad.gold:1: missing '# article: PATH' line");
  auto empty = ParseErrors("# article:\n+ Iran | attacked | Iraq\n");
  REQUIRE(empty.size() == 2);
  CHECK(empty[0] == "bad.gold:1: '# article:' needs a path");
}

TEST_CASE("names fold case, white space and curly apostrophes", "[tools][eval]") {
  CHECK(FoldName("  United   States ") == "united states");
  CHECK(FoldName("Kurdistan Workers\xE2\x80\x99 Party") == "kurdistan workers' party");
  CHECK(FoldName("PMF") == "pmf");
  CHECK(FoldName("Luiz In\xC3\xA1" "cio Lula da Silva") == "luiz inacio lula da silva");
  CHECK(FoldName("Bogot\xC3\x81") == "bogota");
  CHECK(FoldName("Ya\xC5\x9F" "ar G\xC3\xBC" "ler") == "ya\xC5\x9F" "ar guler");  // beyond Latin-1: kept
}

TEST_CASE("matching: alternatives, case, modality, direction", "[tools][eval]") {
  GoldFile gold = MustParse(
      "# article: a.txt\n"
      "+ Iran | rejected | Donald Trump / United States\n"
      "+ Iran | allied-with | Popular Mobilisation Forces\n"
      "+ 82nd Airborne Division | deployed-to | Iraq | future\n"
      "+ Hamas | rejected | United States | asserted / reported\n");
  const GoldEdge& rejected = gold.edges[0];
  CHECK(EdgeMatches(rejected, Edge("Iran", RelationType::kRejected, "Donald Trump")));
  CHECK(EdgeMatches(rejected, Edge("iran", RelationType::kRejected, "UNITED STATES")));
  CHECK_FALSE(EdgeMatches(rejected, Edge("Iran", RelationType::kRejected, "Iraq")));
  CHECK_FALSE(EdgeMatches(rejected, Edge("Iran", RelationType::kBlamed, "Donald Trump")));
  CHECK_FALSE(EdgeMatches(rejected, Edge("Donald Trump", RelationType::kRejected, "Iran")));
  CHECK_FALSE(EdgeMatches(rejected, Edge("Iran", RelationType::kRejected, "Donald Trump",
                                         EdgeModality::kReported)));
  // Symmetric types match either direction.
  const GoldEdge& allied = gold.edges[1];
  CHECK(EdgeMatches(allied, Edge("Popular Mobilisation Forces", RelationType::kAlliedWith, "Iran")));
  CHECK(EdgeMatches(allied, Edge("Iran", RelationType::kAlliedWith, "Popular Mobilisation Forces")));
  // Modality must agree.
  const GoldEdge& future = gold.edges[2];
  CHECK(EdgeMatches(future, Edge("82nd Airborne Division", RelationType::kDeployedTo, "Iraq",
                                 EdgeModality::kFuture)));
  CHECK_FALSE(EdgeMatches(future, Edge("82nd Airborne Division", RelationType::kDeployedTo, "Iraq")));
  // Modality alternatives.
  const GoldEdge& either = gold.edges[3];
  CHECK(EdgeMatches(either, Edge("Hamas", RelationType::kRejected, "United States")));
  CHECK(EdgeMatches(either, Edge("Hamas", RelationType::kRejected, "United States",
                                 EdgeModality::kReported)));
  CHECK_FALSE(EdgeMatches(either, Edge("Hamas", RelationType::kRejected, "United States",
                                       EdgeModality::kNegated)));
}

TEST_CASE("matching: an entity is named by its aliases too", "[tools][eval]") {
  GoldFile gold = MustParse(
      "# article: a.txt\n"
      "+ JNIM | killed | Niger\n");
  PredictedEdge edge = Edge("Jama'at Nasr al-Islam wal-Muslimin", RelationType::kKilled, "Niger");
  CHECK_FALSE(EdgeMatches(gold.edges[0], edge));
  edge.source_aliases = {"Jama'at Nusrat al-Islam wal-Muslimin", "JNIM"};
  CHECK(EdgeMatches(gold.edges[0], edge));
  // An alias on the wrong side does not match.
  PredictedEdge reversed = Edge("Niger", RelationType::kKilled, "Jama'at Nasr al-Islam wal-Muslimin");
  reversed.target_aliases = {"JNIM"};
  CHECK_FALSE(EdgeMatches(gold.edges[0], reversed));
}

TEST_CASE("scoring: TP, FP, FN, acceptable, unscored", "[tools][eval]") {
  GoldFile gold = MustParse(
      "# article: a.txt\n"
      "+ United States | deployed-to | Iraq\n"          // hit
      "+ Donald Trump | blamed | Iran\n"                // hit
      "+ Iraq | condemned | United States\n"            // missed
      "~ Baghdad | located-in | Iraq\n");
  std::vector<PredictedEdge> predicted = {
      Edge("United States", RelationType::kDeployedTo, "Iraq"),       // TP
      Edge("Donald Trump", RelationType::kBlamed, "Iran"),             // TP
      Edge("Baghdad", RelationType::kLocatedIn, "Iraq"),               // accepted
      Edge("Iran", RelationType::kAttacked, "Iraq"),                   // FP
      Edge("Iran", RelationType::kAttacked, "United States", EdgeModality::kReported),  // unscored
  };
  FileScore s = Score(gold, predicted);
  CHECK(s.total.tp == 2);
  CHECK(s.total.fp == 1);
  CHECK(s.total.fn == 1);
  CHECK(s.accepted == 1);
  CHECK(s.unscored == 1);
  CHECK(s.violations == 0);
  CHECK(*s.total.Precision() == Approx(2.0 / 3));
  CHECK(*s.total.Recall() == Approx(2.0 / 3));
  CHECK(*s.total.F1() == Approx(2.0 / 3));
  const Counts& deployed = s.by_type[static_cast<int>(RelationType::kDeployedTo)];
  CHECK(deployed.tp == 1);
  CHECK(deployed.fp == 0);
  const Counts& condemned = s.by_type[static_cast<int>(RelationType::kCondemned)];
  CHECK(condemned.fn == 1);
  CHECK_FALSE(condemned.Precision().has_value());
  CHECK(*condemned.Recall() == 0.0);
  const Counts& attacked = s.by_type[static_cast<int>(RelationType::kAttacked)];
  CHECK(attacked.fp == 1);
  CHECK(*attacked.Precision() == 0.0);
  CHECK(s.outcomes.size() == predicted.size() + 1);
  CHECK(CountVerdict(s, Verdict::kFalseNegative) == 1);
}

TEST_CASE("scoring: forbidden edges are violations and false positives", "[tools][eval]") {
  GoldFile gold = MustParse(
      "# article: a.txt\n"
      "+ Donald Trump | blamed | Iran\n"
      "- United States | attacked | Iran\n"
      "- Iran | attacked | United States\n"
      "~ Iran | attacked | United States | reported\n"
      "~ United States | attacked | Iran\n");  // a '~' never excuses a '-'
  std::vector<PredictedEdge> predicted = {
      Edge("United States", RelationType::kAttacked, "Iran"),
      Edge("Iran", RelationType::kAttacked, "United States", EdgeModality::kReported),
  };
  FileScore s = Score(gold, predicted);
  CHECK(s.violations == 1);
  CHECK(s.total.fp == 1);
  CHECK(s.total.tp == 0);
  CHECK(s.total.fn == 1);
  CHECK(s.accepted == 1);  // the reported attack: only '-' asserted is forbidden
  REQUIRE(s.outcomes[0].verdict == Verdict::kViolation);
  CHECK(gold.edges[s.outcomes[0].gold_index].line == 3);
  CHECK(*s.total.Precision() == 0.0);
}

TEST_CASE("scoring: one edge satisfies one line, one line one edge", "[tools][eval]") {
  // Two predictions for the alternatives of one line: one TP, one duplicate.
  GoldFile one = MustParse(
      "# article: a.txt\n+ Iran | rejected | Donald Trump / United States\n");
  FileScore s1 = Score(one, {Edge("Iran", RelationType::kRejected, "Donald Trump"),
                             Edge("Iran", RelationType::kRejected, "United States")});
  CHECK(s1.total.tp == 1);
  CHECK(s1.total.fp == 0);
  CHECK(s1.duplicates == 1);

  // Overlapping lines: the matching pairs each line with a different edge
  // even when the first edge could satisfy both (greedy would miss one).
  GoldFile two = MustParse(
      "# article: a.txt\n"
      "+ United States | attacked | Kataib Hezbollah / Syria\n"
      "+ United States | attacked | Kataib Hezbollah\n");
  FileScore s2 = Score(two, {Edge("United States", RelationType::kAttacked, "Kataib Hezbollah"),
                             Edge("United States", RelationType::kAttacked, "Syria")});
  CHECK(s2.total.tp == 2);
  CHECK(s2.total.fn == 0);

  // One edge, two lines it satisfies: one TP and one miss.
  FileScore s3 = Score(two, {Edge("United States", RelationType::kAttacked, "Kataib Hezbollah")});
  CHECK(s3.total.tp == 1);
  CHECK(s3.total.fn == 1);

  // An exact repeat is a duplicate, never a second FP.
  FileScore s4 = Score(two, {Edge("Iran", RelationType::kAttacked, "Israel"),
                             Edge("IRAN", RelationType::kAttacked, "israel")});
  CHECK(s4.total.fp == 1);
  CHECK(s4.duplicates == 1);
}

TEST_CASE("scoring: symmetric types match a reversed prediction", "[tools][eval]") {
  GoldFile gold = MustParse(
      "# article: a.txt\n"
      "+ Vera Grabe | met-with | Pablo Beltran\n"
      "+ Colombia | negotiated-with | National Liberation Army / ELN\n"
      "+ Armenia | blamed | Russia\n");
  FileScore s = Score(gold, {Edge("Pablo Beltran", RelationType::kMetWith, "Vera Grabe"),
                             Edge("ELN", RelationType::kNegotiatedWith, "Colombia"),
                             Edge("Russia", RelationType::kBlamed, "Armenia")});
  CHECK(s.total.tp == 2);
  CHECK(s.total.fp == 1);  // blamed is directed
  CHECK(s.total.fn == 1);
}

TEST_CASE("scoring: related-headline edges count only as their own modality", "[tools][eval]") {
  GoldFile gold = MustParse(
      "# article: a.txt\n"
      "~ Israel | attacked | Hezbollah | related-headline\n"
      "- Israel | attacked | Hezbollah\n"
      "- Donald Trump | supported | Edward Gallagher | related-headline\n");
  FileScore s = Score(gold, {Edge("Israel", RelationType::kAttacked, "Hezbollah",
                                  EdgeModality::kRelatedHeadline),
                             Edge("Donald Trump", RelationType::kSupported, "Edward Gallagher",
                                  EdgeModality::kRelatedHeadline)});
  CHECK(s.accepted == 1);
  CHECK(s.violations == 1);
  CHECK(s.total.fp == 1);
}

TEST_CASE("scoring: empty gold and empty predictions give undefined ratios", "[tools][eval]") {
  GoldFile gold = MustParse("# article: a.txt\n");
  FileScore s = Score(gold, {});
  CHECK_FALSE(s.total.Precision().has_value());
  CHECK_FALSE(s.total.Recall().has_value());
  CHECK_FALSE(s.total.F1().has_value());
  FileScore sum;
  sum += s;
  FileScore other = Score(MustParse("# article: a.txt\n+ A | attacked | B\n"),
                          {Edge("A", RelationType::kAttacked, "B"), Edge("C", RelationType::kKilled, "D")});
  sum += other;
  sum += other;
  CHECK(sum.total.tp == 2);
  CHECK(sum.total.fp == 2);
  CHECK(*sum.total.F1() == Approx(4.0 / 6));
  CHECK(sum.by_type[static_cast<int>(RelationType::kKilled)].fp == 2);
}

TEST_CASE("predicted edges from a DocRecord", "[tools][eval]") {
  graph::DocRecord record;
  auto entity = [&](const char* name) {
    graph::Entity e;
    e.name = name;
    e.id = graph::EntityIdFor(name);
    record.entities.push_back(e);
    return e.id;
  };
  graph::EntityId us = entity("United States"), iran = entity("Iran"), israel = entity("Israel"),
                  hezbollah = entity("Hezbollah");
  auto relation = [&](graph::EntityId a, RelationType t, graph::EntityId b, graph::Modality m,
                      graph::Section section, const char* sentence) {
    graph::ExtractedRelation r;
    r.key = {a, t, b};
    r.evidence.modality = m;
    r.evidence.section = section;
    r.evidence.text = sentence;
    record.relations.push_back(r);
  };
  relation(us, RelationType::kBlamed, iran, graph::Modality::kAsserted, graph::Section::kBody, "s1");
  relation(us, RelationType::kBlamed, iran, graph::Modality::kAsserted, graph::Section::kTitle, "s2");
  relation(iran, RelationType::kAttacked, us, graph::Modality::kReported, graph::Section::kBody, "s3");
  relation(israel, RelationType::kAttacked, hezbollah, graph::Modality::kAsserted,
           graph::Section::kRelatedHeadline, "s4");
  relation(12345, RelationType::kAttacked, us, graph::Modality::kAsserted, graph::Section::kBody, "s5");
  std::vector<PredictedEdge> edges = EdgesFromRecord(record);
  REQUIRE(edges.size() == 4);
  CHECK(edges[0].source == "United States");
  CHECK(edges[0].target == "Iran");
  CHECK(edges[0].sentence == "s1");
  CHECK(edges[1].modality == EdgeModality::kReported);
  CHECK(edges[2].modality == EdgeModality::kRelatedHeadline);
  CHECK(edges[3].source == graph::IdToHex(12345));
}

TEST_CASE("every sample gold file parses", "[tools][eval]") {
  namespace fs = std::filesystem;
  fs::path folder = fs::path(GEOKG_SOURCE_DIR) / "samples" / "gold";
  int files = 0;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.path().extension() != ".gold") continue;
    ++files;
    GoldFile gold;
    std::vector<std::string> errors;
    bool ok = ParseGold(entry.path().string(), testing::ReadWholeFile(entry.path()), &gold, &errors);
    INFO((errors.empty() ? entry.path().string() : errors.front()));
    CHECK(ok);
    size_t expected = 0;
    for (const GoldEdge& e : gold.edges) expected += e.kind == GoldKind::kExpected;
    CHECK(expected >= 5);
  }
  CHECK(files >= 15);
}

TEST_CASE("geokg eval: bad gold files exit 1 with file:line", "[tools][eval][cli]") {
  testing::TempDir dir;
  testing::WriteWholeFile(dir / "a.txt", "Iran condemned Israel.\n");
  testing::WriteWholeFile(dir / "bad.gold", "# article: a.txt\n+ Iran | condemed | Israel\n");
  auto r = testing::RunGeokg({"eval", "--gold", dir / "bad.gold"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("bad.gold:2: unknown relation type 'condemed'") != std::string::npos);

  testing::WriteWholeFile(dir / "lost.gold", "# article: missing.txt\n+ Iran | condemned | Israel\n");
  r = testing::RunGeokg({"eval", "--gold", dir / "lost.gold"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("lost.gold:1: article 'missing.txt' not found") != std::string::npos);

  r = testing::RunGeokg({"eval", "--gold", dir / "nothing-here"});
  CHECK(r.exit_code == 1);
}

TEST_CASE("geokg eval: scores a text and a JSONL article, table and json", "[tools][eval][cli]") {
  testing::TempDir dir;
  testing::WriteWholeFile(dir / "articles/a.txt",
                          "Iran condemns Israel\nIran condemned Israel on Monday.\n");
  testing::WriteWholeFile(dir / "items.jsonl",
                          "{\"id\": \"k1\", \"text\": \"Russia sanctioned Germany.\"}\n");
  testing::WriteWholeFile(dir / "gold/a.gold",
                          "# article: articles/a.txt\n+ Iran | condemned | Israel\n");
  testing::WriteWholeFile(dir / "gold/k1.gold",
                          "# article: ../items.jsonl#k1\n+ Russia | sanctioned | Germany\n");
  auto r = testing::RunGeokg({"eval", "--gold", dir / "gold"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("overall") != std::string::npos);
  CHECK(r.out.find("a.gold") != std::string::npos);
  CHECK(r.out.find("k1.gold") != std::string::npos);

  r = testing::RunGeokg({"eval", "--gold", dir / "gold", "--format", "json", "--verbose"});
  REQUIRE(r.exit_code == 0);
  nlohmann::json j = nlohmann::json::parse(r.out);
  CHECK(j["files"].size() == 2);
  CHECK(j["overall"]["tp"].get<int>() + j["overall"]["fn"].get<int>() == 2);
  CHECK(j["files"][1]["article"].get<std::string>().find("items.jsonl#k1") != std::string::npos);
}

}  // namespace geokg::tools
