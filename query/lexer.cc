#include "query/lexer.h"

#include <cctype>

namespace geokg::query {
namespace {

bool IsIdentStart(unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; }
bool IsIdentChar(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }

}  // namespace

std::string_view TokenKindName(TokenKind kind) {
  switch (kind) {
    case TokenKind::kIdent: return "identifier";
    case TokenKind::kQuotedIdent: return "quoted identifier";
    case TokenKind::kString: return "string";
    case TokenKind::kParam: return "parameter";
    case TokenKind::kInteger: return "integer";
    case TokenKind::kFloat: return "number";
    case TokenKind::kLParen: return "'('";
    case TokenKind::kRParen: return "')'";
    case TokenKind::kLBracket: return "'['";
    case TokenKind::kRBracket: return "']'";
    case TokenKind::kLBrace: return "'{'";
    case TokenKind::kRBrace: return "'}'";
    case TokenKind::kColon: return "':'";
    case TokenKind::kComma: return "','";
    case TokenKind::kDot: return "'.'";
    case TokenKind::kDotDot: return "'..'";
    case TokenKind::kPipe: return "'|'";
    case TokenKind::kStar: return "'*'";
    case TokenKind::kEq: return "'='";
    case TokenKind::kNeq: return "'<>'";
    case TokenKind::kLt: return "'<'";
    case TokenKind::kGt: return "'>'";
    case TokenKind::kLe: return "'<='";
    case TokenKind::kGe: return "'>='";
    case TokenKind::kMinus: return "'-'";
    case TokenKind::kArrowRight: return "'->'";
    case TokenKind::kArrowLeft: return "'<-'";
    case TokenKind::kSemicolon: return "';'";
    case TokenKind::kPlus: return "'+'";
    case TokenKind::kEnd: return "end of query";
  }
  return "?";
}

bool Tokenize(std::string_view text, std::vector<Token>* tokens, QueryError* error) {
  tokens->clear();
  size_t i = 0;
  int line = 1;
  size_t line_start = 0;
  auto fail = [&](size_t at, size_t len, std::string msg) {
    error->line = line;
    error->column = static_cast<int>(at - line_start) + 1;
    error->length = static_cast<int>(len == 0 ? 1 : len);
    error->message = std::move(msg);
    return false;
  };
  while (true) {
    // Whitespace and comments.
    while (i < text.size()) {
      char c = text[i];
      if (c == '\n') {
        ++line;
        line_start = ++i;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        ++i;
      } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
        while (i < text.size() && text[i] != '\n') ++i;
      } else {
        break;
      }
    }
    Token t;
    t.offset = i;
    t.line = line;
    t.column = static_cast<int>(i - line_start) + 1;
    if (i >= text.size()) {
      t.kind = TokenKind::kEnd;
      tokens->push_back(std::move(t));
      return true;
    }
    unsigned char c = static_cast<unsigned char>(text[i]);
    auto sym = [&](TokenKind k, size_t len) {
      t.kind = k;
      t.text = std::string(text.substr(i, len));
      i += len;
    };
    auto next = [&](size_t k) -> char { return i + k < text.size() ? text[i + k] : '\0'; };
    if (IsIdentStart(c)) {
      size_t j = i;
      while (j < text.size() && IsIdentChar(static_cast<unsigned char>(text[j]))) ++j;
      t.kind = TokenKind::kIdent;
      t.text = std::string(text.substr(i, j - i));
      i = j;
    } else if (std::isdigit(c)) {
      size_t j = i;
      while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
      bool is_float = false;
      if (j + 1 < text.size() && text[j] == '.' && std::isdigit(static_cast<unsigned char>(text[j + 1]))) {
        is_float = true;
        ++j;
        while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
      }
      t.kind = is_float ? TokenKind::kFloat : TokenKind::kInteger;
      t.text = std::string(text.substr(i, j - i));
      i = j;
    } else if (c == '\'' || c == '"') {
      size_t j = i + 1;
      std::string s;
      while (true) {
        if (j >= text.size() || text[j] == '\n') return fail(i, j - i, "unterminated string");
        char d = text[j];
        if (d == static_cast<char>(c)) break;
        if (d == '\\' && j + 1 < text.size()) {
          char e = text[j + 1];
          s.push_back(e == 'n' ? '\n' : e == 't' ? '\t' : e);
          j += 2;
          continue;
        }
        s.push_back(d);
        ++j;
      }
      t.kind = TokenKind::kString;
      t.text = std::move(s);
      i = j + 1;
    } else if (c == '`') {
      size_t j = i + 1;
      std::string s;
      while (true) {
        if (j >= text.size()) return fail(i, j - i, "unterminated back-quoted name");
        if (text[j] == '`') {
          if (j + 1 < text.size() && text[j + 1] == '`') {
            s.push_back('`');
            j += 2;
            continue;
          }
          break;
        }
        s.push_back(text[j++]);
      }
      t.kind = TokenKind::kQuotedIdent;
      t.text = std::move(s);
      i = j + 1;
    } else {
      switch (c) {
        case '(': sym(TokenKind::kLParen, 1); break;
        case ')': sym(TokenKind::kRParen, 1); break;
        case '[': sym(TokenKind::kLBracket, 1); break;
        case ']': sym(TokenKind::kRBracket, 1); break;
        case '{': sym(TokenKind::kLBrace, 1); break;
        case '}': sym(TokenKind::kRBrace, 1); break;
        case ':': sym(TokenKind::kColon, 1); break;
        case ',': sym(TokenKind::kComma, 1); break;
        case '|': sym(TokenKind::kPipe, 1); break;
        case '*': sym(TokenKind::kStar, 1); break;
        case '=': sym(TokenKind::kEq, 1); break;
        case ';': sym(TokenKind::kSemicolon, 1); break;
        case '+': sym(TokenKind::kPlus, 1); break;
        case '.': next(1) == '.' ? sym(TokenKind::kDotDot, 2) : sym(TokenKind::kDot, 1); break;
        case '-': next(1) == '>' ? sym(TokenKind::kArrowRight, 2) : sym(TokenKind::kMinus, 1); break;
        case '>': next(1) == '=' ? sym(TokenKind::kGe, 2) : sym(TokenKind::kGt, 1); break;
        case '<':
          if (next(1) == '=') sym(TokenKind::kLe, 2);
          else if (next(1) == '>') sym(TokenKind::kNeq, 2);
          else if (next(1) == '-') sym(TokenKind::kArrowLeft, 2);
          else sym(TokenKind::kLt, 1);
          break;
        case '$': {
          size_t j = i + 1;
          while (j < text.size() && IsIdentChar(static_cast<unsigned char>(text[j]))) ++j;
          if (j == i + 1 || !IsIdentStart(static_cast<unsigned char>(text[i + 1])))
            return fail(i, 1, "expected a parameter name after '$'");
          t.kind = TokenKind::kParam;
          t.text = std::string(text.substr(i + 1, j - i - 1));
          i = j;
          break;
        }
        case '!':
          if (next(1) == '=') {
            sym(TokenKind::kNeq, 2);
            break;
          }
          [[fallthrough]];
        default: {
          size_t len = 1;
          if (c >= 0x80) while (i + len < text.size() && (static_cast<unsigned char>(text[i + len]) & 0xC0) == 0x80) ++len;
          return fail(i, 1, "unexpected character '" + std::string(text.substr(i, len)) + "'");
        }
      }
    }
    t.length = i - t.offset;
    tokens->push_back(std::move(t));
  }
}

}  // namespace geokg::query
