#include <catch2/catch.hpp>

#include "query/lexer.h"

using namespace geokg::query;

TEST_CASE("lexer produces tokens with positions", "[query][lexer]") {
  std::vector<Token> t;
  QueryError e;
  REQUIRE(Tokenize("MATCH (a)-[:`allied-with`*1..3]->(b)\n  RETURN 'x\\'y', 2.5 <> <= <-", &t, &e));
  std::vector<TokenKind> kinds;
  for (auto& x : t) kinds.push_back(x.kind);
  using K = TokenKind;
  std::vector<TokenKind> want = {K::kIdent, K::kLParen, K::kIdent, K::kRParen, K::kMinus, K::kLBracket,
                                 K::kColon, K::kQuotedIdent, K::kStar, K::kInteger, K::kDotDot, K::kInteger,
                                 K::kRBracket, K::kArrowRight, K::kLParen, K::kIdent, K::kRParen, K::kIdent,
                                 K::kString, K::kComma, K::kFloat, K::kNeq, K::kLe, K::kArrowLeft, K::kEnd};
  CHECK(kinds == want);
  CHECK(t[7].text == "allied-with");
  CHECK(t[17].line == 2);
  CHECK(t[17].column == 3);
  CHECK(t[18].text == "x'y");
}

TEST_CASE("lexer reports unterminated strings and bad characters", "[query][lexer]") {
  std::vector<Token> t;
  QueryError e;
  CHECK_FALSE(Tokenize("MATCH (a {name: 'Iran", &t, &e));
  CHECK(e.column == 17);
  CHECK_FALSE(Tokenize("MATCH (a) RETURN a ^", &t, &e));
  CHECK(e.message == "unexpected character '^'");
  CHECK(e.Format("MATCH (a) RETURN a ^") == "line 1, column 20: unexpected character '^'\nMATCH (a) RETURN a ^\n                   ^");
}
