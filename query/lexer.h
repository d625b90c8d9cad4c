// Lexer: query text -> tokens with byte offset, line and column.
//
// Tokens: identifiers (letters, digits, '_'; keywords are identifiers
// compared case-insensitively by the parser), back-quoted identifiers
// (`allied-with`, `` inside for a back-quote), strings ('..' or "..",
// backslash escapes \' \" \\ \n \t), integers, decimals, parameters
// ($name), and the symbols ( ) [ ] { } : , . .. | * = <> < > <= >= - -> <- ; + .
// Comments: `//` to end of line.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "query/error.h"

namespace geokg::query {

enum class TokenKind {
  kIdent, kQuotedIdent, kString, kInteger, kFloat,
  kLParen, kRParen, kLBracket, kRBracket, kLBrace, kRBrace,
  kColon, kComma, kDot, kDotDot, kPipe, kStar, kEq, kNeq, kLt, kGt, kLe, kGe,
  kMinus, kArrowRight, kArrowLeft, kSemicolon, kPlus, kParam, kEnd,
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  std::string text;  // identifier, decoded string or parameter name; source text otherwise
  size_t offset = 0;  // byte offset in the query
  size_t length = 0;  // bytes of source text
  int line = 1, column = 1;
};

// Returns false and fills *error on an unterminated string or back-quote or
// a character that starts no token. The last token is always kEnd.
bool Tokenize(std::string_view text, std::vector<Token>* tokens, QueryError* error);

std::string_view TokenKindName(TokenKind kind);

}  // namespace geokg::query
