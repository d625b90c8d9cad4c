// Tests for ingest/text.h: tokens, sentence boundaries, offsets, quotes,
// compounds, possessives, numbers, hard-wrapped text and the line classes
// of a scraped page.
#include "ingest/text.h"
#include "tests/support/fixtures.h"

#include <catch2/catch.hpp>

#include <optional>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using geokg::ingest::AnalyzeText;
using geokg::ingest::DocAnalysis;
using geokg::ingest::Sentence;
namespace ingest = geokg::ingest;
namespace graph = geokg::graph;

namespace {

std::vector<std::string> Tokens(const DocAnalysis& d) {
  std::vector<std::string> out;
  for (uint32_t i = 0; i < d.tokens.size(); ++i) out.emplace_back(d.TokenText(i));
  return out;
}

std::string SentenceText(const DocAnalysis& d, const Sentence& s) {
  return std::string(d.text.substr(s.begin, s.end - s.begin));
}

int FindToken(const DocAnalysis& d, std::string_view t) {
  for (uint32_t i = 0; i < d.tokens.size(); ++i)
    if (d.TokenText(i) == t) return static_cast<int>(i);
  return -1;
}

// The sentence that starts with `prefix`, or nullptr.
const Sentence* SentenceStarting(const DocAnalysis& d, std::string_view prefix) {
  for (const Sentence& s : d.sentences)
    if (d.text.substr(s.begin).starts_with(prefix)) return &s;
  return nullptr;
}

}  // namespace

TEST_CASE("abbreviations do not end sentences", "[ingest][text]") {
  DocAnalysis d;
  std::string t = "Mr. Smith met Gen. James E. McGreevey and Lt. Col. Ross in the U.S. on Jan. 5 at St. Louis. "
                  "The U.N. said No. 10 agreed. Dr Jones left.";
  AnalyzeText(t, &d);
  REQUIRE(d.sentences.size() == 3);
  CHECK(SentenceText(d, d.sentences[0]).ends_with("St. Louis."));
  CHECK(SentenceText(d, d.sentences[1]) == "The U.N. said No. 10 agreed.");
  for (std::string_view w : {"Mr.", "Gen.", "E.", "Lt.", "Col.", "U.S.", "Jan.", "St.", "U.N.", "No."})
    CHECK(FindToken(d, w) >= 0);
}

TEST_CASE("a dotted acronym ends a sentence before a sentence starter", "[ingest][text]") {
  DocAnalysis d;
  AnalyzeText("Troops returned to the U.S. The army said so.", &d);
  REQUIRE(d.sentences.size() == 2);
  CHECK(SentenceText(d, d.sentences[1]) == "The army said so.");
}

TEST_CASE("question and exclamation marks end sentences, not before lower case", "[ingest][text]") {
  DocAnalysis d;
  AnalyzeText("Do I want to? No. I want peace! he said. Fine.", &d);
  std::vector<std::string> got;
  for (const Sentence& s : d.sentences) got.push_back(SentenceText(d, s));
  CHECK(got == std::vector<std::string>{"Do I want to?", "No.", "I want peace! he said.", "Fine."});
}

TEST_CASE("offsets round-trip into the original text", "[ingest][text]") {
  DocAnalysis d;
  std::string t = "“Iran-backed” militias—said the US Army’s 82nd   Airborne,\n1,200 troops (3.5 pct) – it's over…\n\nNew line";
  AnalyzeText(t, &d);
  uint32_t prev_end = 0;
  for (uint32_t i = 0; i < d.tokens.size(); ++i) {
    const ingest::Token& tok = d.tokens[i];
    REQUIRE(tok.begin < tok.end);
    REQUIRE(tok.end <= t.size());
    CHECK(tok.begin >= prev_end);
    CHECK(t.substr(tok.begin, tok.end - tok.begin) == d.TokenText(i));
    prev_end = tok.end;
  }
  uint32_t next = 0;
  for (uint32_t s = 0; s < d.sentences.size(); ++s) {
    const Sentence& sent = d.sentences[s];
    CHECK(sent.first_token == next);
    next += sent.token_count;
    CHECK(sent.begin == d.tokens[sent.first_token].begin);
    CHECK(sent.end == d.tokens[sent.first_token + sent.token_count - 1].end);
    for (uint32_t i = sent.first_token; i < sent.first_token + sent.token_count; ++i) CHECK(d.tokens[i].sentence == s);
  }
  CHECK(next == d.tokens.size());
}

TEST_CASE("curly and straight quotes are tokens and mark quoted spans", "[ingest][text]") {
  DocAnalysis d;
  AnalyzeText("Trump said: “Iran is orchestrating an attack.” Officials agreed. \"We will respond,\" he said.", &d);
  int open = FindToken(d, "“");
  int close = FindToken(d, "”");
  REQUIRE(open >= 0);
  REQUIRE(close > open);
  CHECK((d.tokens[open].flags & ingest::kTokQuote));
  CHECK((d.tokens[close].flags & ingest::kTokQuote));
  CHECK((d.tokens[FindToken(d, "orchestrating")].flags & ingest::kTokInQuote));
  CHECK_FALSE((d.tokens[FindToken(d, "Trump")].flags & ingest::kTokInQuote));
  CHECK_FALSE((d.tokens[FindToken(d, "Officials")].flags & ingest::kTokInQuote));
  CHECK((d.tokens[FindToken(d, "respond")].flags & ingest::kTokInQuote));
  const Sentence* quoted = SentenceStarting(d, "Trump said");
  REQUIRE(quoted != nullptr);
  CHECK(quoted->quoted);  // most of its words are quoted speech
  const Sentence* plain = SentenceStarting(d, "Officials");
  REQUIRE(plain != nullptr);
  CHECK_FALSE(plain->quoted);
}

TEST_CASE("hyphenated compounds stay one token", "[ingest][text]") {
  DocAnalysis d;
  AnalyzeText("Iran-backed and US-led troops killed two-dozen fighters; U.S.-backed forces - not others - left.", &d);
  for (std::string_view w : {"Iran-backed", "US-led", "two-dozen", "U.S.-backed"}) {
    int i = FindToken(d, w);
    REQUIRE(i >= 0);
    CHECK((d.tokens[i].flags & ingest::kTokHyphenated));
  }
  // A spaced hyphen is punctuation.
  int dash = FindToken(d, "-");
  REQUIRE(dash >= 0);
  CHECK((d.tokens[dash].flags & ingest::kTokPunct));
}

TEST_CASE("dashes are punctuation tokens", "[ingest][text]") {
  DocAnalysis d;
  AnalyzeText("Iraq—the country–said no — again.", &d);
  CHECK(Tokens(d) == std::vector<std::string>{"Iraq", "—", "the", "country", "–", "said", "no", "—", "again", "."});
}

TEST_CASE("possessives are split off their owner", "[ingest][text]") {
  DocAnalysis d;
  AnalyzeText("the US Army's 82nd Airborne Division and Iraq’s prime minister, who don't care", &d);
  int army = FindToken(d, "Army");
  REQUIRE(army >= 0);
  CHECK((d.tokens[army].flags & ingest::kTokPossessive));
  CHECK(d.TokenText(army + 1) == "'s");
  int iraq = FindToken(d, "Iraq");
  REQUIRE(iraq >= 0);
  CHECK((d.tokens[iraq].flags & ingest::kTokPossessive));
  CHECK(d.TokenText(iraq + 1) == "’s");
  CHECK(FindToken(d, "don't") >= 0);
}

TEST_CASE("the apostrophe of a plural possessive is not a quote", "[ingest][text]") {
  DocAnalysis d;
  AnalyzeText("An official of the Workers' Party and the rebels’ leader threatened Seoul with 'a sea of fire'.", &d);
  for (std::string_view w : {"threatened", "Seoul", "leader"}) {
    INFO(w);
    CHECK_FALSE((d.tokens[FindToken(d, w)].flags & ingest::kTokInQuote));
  }
  CHECK_FALSE((d.tokens[FindToken(d, "'")].flags & ingest::kTokQuote));
  CHECK_FALSE((d.tokens[FindToken(d, "’")].flags & ingest::kTokQuote));
  // A single quotation that ends in s still closes.
  CHECK((d.tokens[FindToken(d, "fire")].flags & ingest::kTokInQuote));
  DocAnalysis e;
  AnalyzeText("He called it 'a threat to the Baltics' and left.", &e);
  CHECK((e.tokens[FindToken(e, "Baltics")].flags & ingest::kTokInQuote));
  CHECK_FALSE((e.tokens[FindToken(e, "left")].flags & ingest::kTokInQuote));
}

TEST_CASE("numbers keep separators and suffixes", "[ingest][text]") {
  DocAnalysis d;
  AnalyzeText("About 1,200 troops, 3.5 pct, the 82nd and 5th units in 2020.", &d);
  for (std::string_view w : {"1,200", "3.5", "82nd", "5th", "2020"}) {
    int i = FindToken(d, w);
    REQUIRE(i >= 0);
    CHECK((d.tokens[i].flags & ingest::kTokNumber));
  }
  CHECK(d.sentences.size() == 1);
}

TEST_CASE("token flags: capitalised, all caps", "[ingest][text]") {
  DocAnalysis d;
  AnalyzeText("The PMF and Iran met.", &d);
  CHECK((d.tokens[1].flags & ingest::kTokAllCaps));
  CHECK((d.tokens[1].flags & ingest::kTokCapitalized));
  CHECK((d.tokens[3].flags & ingest::kTokCapitalized));
  CHECK_FALSE((d.tokens[3].flags & ingest::kTokAllCaps));
  CHECK((d.tokens[0].flags & ingest::kTokSentenceStart));
}

TEST_CASE("hard-wrapped Reuters text is not split at line breaks", "[ingest][text]") {
  DocAnalysis d;
  std::string t =
      "Showers continued throughout the week in\n"
      "the Bahia cocoa zone, alleviating the drought since early\n"
      "January and improving prospects for the coming temporao,\n"
      "although normal humidity levels have not been restored,\n"
      "Comissaria Smith said in its weekly review.\n"
      "    The dry period means the temporao will be late this year.\n"
      "    Arrivals for the week ended February 22 were 155,221 bags\n"
      "of 60 kilos.\n";
  AnalyzeText(t, &d);
  REQUIRE(d.sentences.size() == 3);
  CHECK(SentenceText(d, d.sentences[0]).ends_with("weekly review."));
  CHECK(SentenceText(d, d.sentences[0]).find("early\nJanuary") != std::string::npos);
  CHECK(d.sentences[0].section == graph::Section::kBody);
  CHECK_FALSE(d.sentences[0].noise);
}

TEST_CASE("one sentence a line pages split at line breaks", "[ingest][text]") {
  DocAnalysis d;
  AnalyzeText("Troops deploy to Iraq\nThe Pentagon said more would follow\nBy John Smith\nFollow us on Twitter\n", &d);
  REQUIRE(d.sentences.size() == 4);
  CHECK(d.sentences[0].section == graph::Section::kTitle);
  CHECK(d.sentences[1].section == graph::Section::kBody);
  CHECK_FALSE(d.sentences[1].noise);
  CHECK(d.sentences[2].noise);  // byline
  CHECK(d.sentences[3].noise);  // plug
}

TEST_CASE("DocAnalysis buffers are reused", "[ingest][text]") {
  DocAnalysis d;
  AnalyzeText("A long enough text. With several sentences. And tokens to count here.", &d);
  size_t cap = d.tokens.capacity();
  AnalyzeText("Short.", &d);
  CHECK(d.tokens.size() == 2);
  CHECK(d.tokens.capacity() == cap);
}

TEST_CASE("reference article: title, noise and related headlines", "[ingest][text]") {
  const std::optional<std::string> article = geokg::testing::ReadReferenceArticle();
  if (!article) {
    WARN("SKIPPED: " << geokg::testing::ReferenceArticlePath() << " is absent (no ../shared); this check did not run");
    return;
  }
  const std::string& t = *article;
  REQUIRE(!t.empty());
  DocAnalysis d;
  AnalyzeText(t, &d);
  REQUIRE(!d.sentences.empty());
  CHECK(d.sentences[0].section == graph::Section::kTitle);
  CHECK(SentenceText(d, d.sentences[0]) == "US deploys 750 troops after attack on its embassy in Iraq");

  auto expect = [&](std::string_view prefix, graph::Section section, bool noise) {
    const Sentence* s = SentenceStarting(d, prefix);
    INFO(prefix);
    REQUIRE(s != nullptr);
    CHECK(s->section == section);
    CHECK(s->noise == noise);
  };
  expect("More from Iraq", graph::Section::kBody, true);
  expect("Iraq: Protesters shout", graph::Section::kRelatedHeadline, false);
  expect("Iraq to reconsider working with US-led troops", graph::Section::kRelatedHeadline, false);
  expect("15 killed after gunmen", graph::Section::kRelatedHeadline, false);
  expect("Iraq: Protesters block roads", graph::Section::kRelatedHeadline, false);
  expect("“The United States will protect", graph::Section::kBody, false);
  expect(":: Listen to Divided States", graph::Section::kBody, true);
  expect("Mr Esper said", graph::Section::kBody, false);
  expect("Iran has rejected accusations", graph::Section::kBody, false);
  expect("US troops fired tear gas", graph::Section::kBody, false);
  // Every "-" separator line is noise.
  for (const Sentence& s : d.sentences)
    if (SentenceText(d, s) == "-") CHECK(s.noise);
  // The sentence with “Do I want to?” ends at the question mark.
  CHECK(SentenceStarting(d, "No.") != nullptr);
  // Mid-sentence quote: "...the “message has been heard”." is one sentence.
  const Sentence* pmf = SentenceStarting(d, "They began to withdraw");
  REQUIRE(pmf != nullptr);
  CHECK(SentenceText(d, *pmf).ends_with("heard”."));
}
