// The scoring of event-coded sentences (tools/eval/events_eval.h): the JSONL
// reader, quad classes under both schemes, what a span names, and the
// verdict of each edge.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "graph/ids.h"
#include "tools/eval/events_eval.h"

namespace geokg::tools {
namespace {

using graph::RelationType;

graph::Entity E(std::string name, std::string country = "", std::vector<std::string> aliases = {}) {
  graph::Entity e;
  e.name = std::move(name);
  e.id = graph::EntityIdFor(e.name);
  e.country = std::move(country);
  e.aliases = std::move(aliases);
  return e;
}

SpanActors Span(const std::string& text, std::vector<std::string> countries = {}) {
  SpanActors s;
  s.folded = PaddedWords(text);
  s.countries = std::move(countries);
  return s;
}

TEST_CASE("events eval: a JSONL line with spans and a class", "[tools][eval]") {
  EventSentence s;
  std::string error;
  REQUIRE(ParseEventSentence(
      R"({"id":"x1","text":"Chad shelled rebel camps.","source":["Chad"],"target":["rebel camps"],"quad_class":4})",
      &s, &error));
  CHECK(s.id == "x1");
  CHECK(s.sources == std::vector<std::string>{"Chad"});
  CHECK(s.targets == std::vector<std::string>{"rebel camps"});
  CHECK(s.quad_class == 4);
  CHECK(s.HasSpans());

  REQUIRE(ParseEventSentence(R"({"text":"No spans here.","source":null,"quad_class":null})", &s, &error));
  CHECK_FALSE(s.HasSpans());
  CHECK(s.quad_class == -1);

  CHECK_FALSE(ParseEventSentence(R"({"text": "unterminated)", &s, &error));
  CHECK(error == "malformed JSON");
  CHECK_FALSE(ParseEventSentence(R"({"id": 3})", &s, &error));
  CHECK(error.find("text") != std::string::npos);
}

TEST_CASE("events eval: quad classes of CAMEO roots", "[tools][eval]") {
  CHECK(QuadClassOfRoot("01", QuadScheme::kRanges) == 1);
  CHECK(QuadClassOfRoot("02", QuadScheme::kPhoenix) == 0);
  CHECK(QuadClassOfRoot("04", QuadScheme::kPhoenix) == 1);
  CHECK(QuadClassOfRoot("08", QuadScheme::kPhoenix) == 2);
  CHECK(QuadClassOfRoot("09", QuadScheme::kRanges) == 2);
  CHECK(QuadClassOfRoot("09", QuadScheme::kPhoenix) == 3);
  CHECK(QuadClassOfRoot("14", QuadScheme::kPhoenix) == 4);
  CHECK(QuadClassOfRoot("16", QuadScheme::kPhoenix) == 3);
  CHECK(QuadClassOfRoot("16", QuadScheme::kRanges) == 4);
  CHECK(QuadClassOfRoot("19", QuadScheme::kRanges) == 4);
  CHECK(QuadClassOfRoot("", QuadScheme::kRanges) == -1);
  CHECK(QuadClassOfRoot("21", QuadScheme::kPhoenix) == -1);
  CHECK(ParseQuadScheme("phoenix") == QuadScheme::kPhoenix);
  CHECK_FALSE(ParseQuadScheme("quads").has_value());
}

TEST_CASE("events eval: what a span names", "[tools][eval]") {
  SpanActors span = Span("the Ghanaian authorities", {"GHA"});
  CHECK(SpanNames(span, E("Ghana", "GHA")));
  CHECK(SpanNames(span, E("Ghanaian police", "GHA")));
  CHECK_FALSE(SpanNames(span, E("Togo", "TGO")));
  SpanActors named = Span("Gen. Amara Kone's office");
  CHECK(SpanNames(named, E("Amara Kone")));
  CHECK(SpanNames(Span("the AU mission"), E("African Union", "", {"AU"})));
  CHECK_FALSE(SpanNames(Span("a haul of gold"), E("Au", "", {"AU"})));  // whole words only
  SpanActors recognised = Span("the junta");
  recognised.entities.push_back(graph::EntityIdFor("Mali"));
  CHECK(SpanNames(recognised, E("Mali")));
}

TEST_CASE("events eval: verdicts and totals", "[tools][eval]") {
  EventSentence gold;
  gold.text = "Chad shelled Sudanese positions.";
  gold.sources = {"Chad"};
  gold.targets = {"Sudanese positions"};
  gold.quad_class = 4;
  std::vector<SpanActors> sources = {Span("Chad", {"TCD"})}, targets = {Span("Sudanese positions", {"SDN"})};
  std::vector<EventEdge> edges = {
      {E("Chad", "TCD"), RelationType::kAttacked, E("Sudan", "SDN"), EdgeModality::kAsserted, "shelled"},
      {E("Chad", "TCD"), RelationType::kMetWith, E("Sudan", "SDN"), EdgeModality::kAsserted, "x"},
      {E("Chad", "TCD"), RelationType::kAttacked, E("Libya", "LBY"), EdgeModality::kAsserted, "x"},
      {E("Niger", "NER"), RelationType::kMetWith, E("Libya", "LBY"), EdgeModality::kAsserted, "x"},
  };
  SentenceScore score = ScoreSentence(gold, sources, targets, edges, QuadScheme::kPhoenix);
  CHECK(score.recall_scored);
  CHECK(score.found);
  REQUIRE(score.verdicts.size() == 4);
  CHECK(score.verdicts[0] == EdgeVerdict::kMatch);
  CHECK(score.verdicts[1] == EdgeVerdict::kWrongClass);
  CHECK(score.verdicts[2] == EdgeVerdict::kWrongActors);
  CHECK(score.verdicts[3] == EdgeVerdict::kWrong);
  EventTotals totals;
  totals.Add(gold, score, edges, QuadScheme::kPhoenix);
  CHECK(totals.recall_sentences == 1);
  CHECK(totals.found == 1);
  CHECK(totals.edges == 4);
  CHECK(totals.correct == 1);
  CHECK(totals.Precision() == Approx(0.25));

  // A symmetric type matches either way round.
  std::vector<EventEdge> met = {
      {E("Sudan", "SDN"), RelationType::kMetWith, E("Chad", "TCD"), EdgeModality::kAsserted, "met"}};
  gold.quad_class = 1;
  CHECK(ScoreSentence(gold, sources, targets, met, QuadScheme::kPhoenix).found);
  // Class 0 is scored for recall only in the Phoenix scheme.
  gold.quad_class = 0;
  CHECK(ScoreSentence(gold, sources, targets, met, QuadScheme::kPhoenix).recall_scored);
  CHECK_FALSE(ScoreSentence(gold, sources, targets, met, QuadScheme::kRanges).recall_scored);
}

}  // namespace
}  // namespace geokg::tools

namespace geokg::tools {
namespace {

TEST_CASE("events eval: annotators' token spacing does not change the words", "[tools][eval]") {
  // The annotations space out hyphens and apostrophes ("Pakistan - based",
  // "Iraq 's"); entity names do not.
  CHECK(SpanNames(Span("Pakistan - based groups"), E("Pakistan-based groups")));
  CHECK(SpanNames(Span("Iraq 's army"), E("Iraq")));
  CHECK(PaddedWords("U.S.  -  backed") == " u s backed ");
  CHECK_FALSE(SpanNames(Span("Pakistani officials"), E("Pakistan-based groups")));
}

}  // namespace
}  // namespace geokg::tools
