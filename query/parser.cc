#include "query/parser.h"

#include <cctype>
#include <charconv>
#include <cstdio>
#include <cstdlib>

#include "query/limits.h"

namespace geokg::query {
namespace {

bool IEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  }
  return true;
}

// Bounds that keep every recursive stage (parser, binder, evaluator, the
// executor's step-per-frame search) far from the end of the stack.
constexpr int kMaxNesting = 256;       // nested expressions; WITH stages
constexpr int kMaxPatternNodes = 256;  // node patterns in one part of a statement

const char* const kReserved[] = {"match", "where", "return", "order", "by", "skip", "limit", "and",
                                 "or", "xor", "not", "in", "as", "distinct", "asc", "desc",
                                 "ascending", "descending", "starts", "ends", "contains", "is",
                                 "null", "true", "false", "with", "options", "union",
                                 "call", "yield"};

class Parser {
 public:
  Parser(std::string_view text, std::vector<Token> tokens, QueryError* error)
      : text_(text), toks_(std::move(tokens)), error_(error) {}

  bool ParseStatement(QueryAst* q) {
    if (IsKeyword("EXPLAIN") || IsKeyword("PROFILE")) {
      q->mode = IsKeyword("EXPLAIN") ? QueryMode::kExplain : QueryMode::kProfile;
      Advance();
    }
    if (!ParseQuery(q)) return false;
    while (IsKeyword("UNION")) {
      UnionJoin join{PosOf(Peek()), false};
      Advance();
      if (IsKeyword("ALL")) {
        Advance();
        join.all = true;
      }
      QueryAst next;
      if (IsKeyword("EXPLAIN") || IsKeyword("PROFILE"))
        return Fail(Peek(), Peek().text + " goes before the first query of a UNION");
      if (!ParseQuery(&next)) return false;
      q->unions.push_back(std::move(next));
      q->union_joins.push_back(join);
    }
    Accept(TokenKind::kSemicolon);
    if (Peek().kind != TokenKind::kEnd) return Fail(Peek(), "expected end of query, found " + Describe(Peek()));
    return true;
  }

 private:
  bool ParseQuery(QueryAst* q, bool after_with = false) {
    pattern_nodes_ = 0;
    if (!after_with && IsKeyword("OPTIONS")) {
      Advance();
      if (!ParseOptionMap(&q->options)) return false;
    }
    bool match_required = !after_with;
    if (IsKeyword("CALL")) {
      if (!ParseCall(q)) return false;
      match_required = false;
    }
    if (match_required || IsKeyword("MATCH")) {
      if (!ExpectKeyword("MATCH")) return false;
      do {
        PatternPath p;
        if (!ParsePath(&p)) return false;
        q->patterns.push_back(std::move(p));
      } while (Accept(TokenKind::kComma));
    }
    if (IsKeyword("WHERE")) {
      Advance();
      if (!(q->where = ParseExpr())) return false;
    }
    while (IsKeyword("OPTIONAL")) {
      OptionalMatch opt;
      opt.pos = PosOf(Peek());
      Advance();
      if (!ExpectKeyword("MATCH")) return false;
      do {
        PatternPath p;
        if (!ParsePath(&p)) return false;
        opt.patterns.push_back(std::move(p));
      } while (Accept(TokenKind::kComma));
      if (IsKeyword("WHERE")) {
        Advance();
        if (!(opt.where = ParseExpr())) return false;
      }
      q->optionals.push_back(std::move(opt));
    }
    q->return_pos = PosOf(Peek());
    if (IsKeyword("WITH")) {
      q->is_with = true;
      q->with_pos = PosOf(Peek());
      Advance();
    } else if (!ExpectKeyword("RETURN")) {
      return false;
    }
    if (IsKeyword("DISTINCT")) {
      Advance();
      q->distinct = true;
    }
    if (Accept(TokenKind::kStar)) {
      q->return_star = true;
    } else {
      do {
        ReturnItem item;
        size_t begin = Peek().offset;
        if (!(item.expr = ParseExpr())) return false;
        item.column = std::string(text_.substr(begin, Prev().offset + Prev().length - begin));
        if (IsKeyword("AS")) {
          Advance();
          Name alias;
          if (!ParseVariableName(&alias)) return false;
          item.column = alias.text;
          item.alias = std::move(alias);
        }
        q->items.push_back(std::move(item));
      } while (Accept(TokenKind::kComma));
    }
    if (IsKeyword("ORDER")) {
      Advance();
      if (!ExpectKeyword("BY")) return false;
      do {
        OrderItem o;
        size_t begin = Peek().offset;
        if (!(o.expr = ParseExpr())) return false;
        o.text = std::string(text_.substr(begin, Prev().offset + Prev().length - begin));
        if (IsKeyword("DESC") || IsKeyword("DESCENDING")) {
          Advance();
          o.descending = true;
        } else if (IsKeyword("ASC") || IsKeyword("ASCENDING")) {
          Advance();
        }
        q->order_by.push_back(std::move(o));
      } while (Accept(TokenKind::kComma));
    }
    if (IsKeyword("SKIP")) {
      Advance();
      if (!(q->skip = ParseExpr())) return false;
    }
    if (IsKeyword("LIMIT")) {
      Advance();
      if (!(q->limit = ParseExpr())) return false;
    }
    if (q->is_with) {
      if (q->return_star) return Fail(Prev(), "WITH * is not supported; name the variables to carry");
      for (const ReturnItem& item : q->items)
        if (!item.alias && item.expr->kind != ExprKind::kVariable)
          return FailAt(item.expr->pos, "name this WITH item with AS (WITH count(x) AS n)");
      q->next = std::make_unique<QueryAst>();
      if (IsKeyword("WHERE")) {
        Advance();
        if (!(q->next->input_where = ParseExpr())) return false;
      }
      if (++parts_ >= kMaxNesting)
        return FailAt(q->with_pos, "too many WITH stages (at most " + std::to_string(kMaxNesting) + ")");
      return ParseQuery(q->next.get(), true);
    }
    return true;
  }

  // CALL name '(' [map] ')' YIELD field [AS var] {',' field [AS var]}
  bool ParseCall(QueryAst* q) {
    CallClause c;
    c.pos = PosOf(Peek());
    Advance();  // CALL
    const Token& t = Peek();
    if (t.kind != TokenKind::kIdent) return Fail(t, "expected an algorithm name after CALL, found " + Describe(t));
    c.procedure = Name{t.text, PosOf(t)};
    for (char& ch : c.procedure.text) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    Advance();
    if (!Expect(TokenKind::kLParen)) return false;
    if (Peek().kind == TokenKind::kLBrace && !ParsePropertyMap(&c.options)) return false;
    if (!Expect(TokenKind::kRParen)) return false;
    c.pos.length = Prev().offset + Prev().length - c.pos.offset;
    if (!ExpectKeyword("YIELD")) return false;
    do {
      YieldItem y;
      const Token& f = Peek();
      if ((f.kind != TokenKind::kIdent && f.kind != TokenKind::kQuotedIdent) || IsReserved(f))
        return Fail(f, "expected a field to yield, found " + Describe(f));
      y.field = Name{f.text, PosOf(f)};
      Advance();
      if (IsKeyword("AS")) {
        Advance();
        Name alias;
        if (!ParseVariableName(&alias)) return false;
        y.alias = std::move(alias);
      }
      c.yields.push_back(std::move(y));
    } while (Accept(TokenKind::kComma));
    q->call = std::move(c);
    return true;
  }

  const Token& Peek(size_t k = 0) const { return toks_[std::min(pos_ + k, toks_.size() - 1)]; }
  const Token& Prev() const { return toks_[pos_ == 0 ? 0 : pos_ - 1]; }
  void Advance() {
    if (pos_ + 1 < toks_.size()) ++pos_;
  }
  bool Accept(TokenKind k) {
    if (Peek().kind != k) return false;
    Advance();
    return true;
  }
  bool IsKeyword(std::string_view kw, size_t k = 0) const {
    return Peek(k).kind == TokenKind::kIdent && IEquals(Peek(k).text, kw);
  }
  static Pos PosOf(const Token& t) { return Pos{t.line, t.column, t.offset, t.length == 0 ? 1 : t.length}; }
  static std::string Describe(const Token& t) {
    if (t.kind == TokenKind::kEnd) return "end of query";
    if (t.kind == TokenKind::kString) return "string '" + t.text + "'";
    return "'" + t.text + "'";
  }
  bool FailAt(const Pos& p, std::string msg) {
    error_->line = p.line;
    error_->column = p.column;
    error_->length = static_cast<int>(p.length == 0 ? 1 : p.length);
    error_->message = std::move(msg);
    return false;
  }
  bool Fail(const Token& t, std::string msg) {
    error_->line = t.line;
    error_->column = t.column;
    error_->length = static_cast<int>(t.length == 0 ? 1 : t.length);
    error_->message = std::move(msg);
    return false;
  }
  bool Expect(TokenKind k) {
    if (Accept(k)) return true;
    return Fail(Peek(), "expected " + std::string(TokenKindName(k)) + ", found " + Describe(Peek()));
  }
  bool ExpectKeyword(std::string_view kw) {
    if (IsKeyword(kw)) {
      Advance();
      return true;
    }
    return Fail(Peek(), "expected " + std::string(kw) + ", found " + Describe(Peek()));
  }
  bool IsReserved(const Token& t) const {
    if (t.kind != TokenKind::kIdent) return false;
    for (const char* r : kReserved)
      if (IEquals(t.text, r)) return true;
    return false;
  }
  bool ParseVariableName(Name* name) {
    const Token& t = Peek();
    if ((t.kind == TokenKind::kIdent && !IsReserved(t)) || t.kind == TokenKind::kQuotedIdent) {
      *name = Name{t.text, PosOf(t)};
      Advance();
      return true;
    }
    return Fail(t, "expected a variable name, found " + Describe(t));
  }
  // A kind or relation type: back-quoted, or identifiers joined by '-' with
  // no space between (allied-with).
  bool ParseLabel(Name* name, std::string_view what) {
    const Token& t = Peek();
    if (t.kind == TokenKind::kQuotedIdent) {
      *name = Name{t.text, PosOf(t)};
      Advance();
      return true;
    }
    if (t.kind != TokenKind::kIdent) return Fail(t, "expected " + std::string(what) + ", found " + Describe(t));
    Pos pos = PosOf(t);
    std::string s = t.text;
    size_t end = t.offset + t.length;
    Advance();
    while (Peek().kind == TokenKind::kMinus && Peek().offset == end &&
           (Peek(1).kind == TokenKind::kIdent || Peek(1).kind == TokenKind::kInteger) &&
           Peek(1).offset == end + 1) {
      s += "-";
      s += Peek(1).text;
      end = Peek(1).offset + Peek(1).length;
      Advance();
      Advance();
    }
    pos.length = end - pos.offset;
    *name = Name{std::move(s), pos};
    return true;
  }
  bool ParseLabels(std::vector<Name>* out, std::string_view what) {
    do {
      Accept(TokenKind::kColon);
      Name n;
      if (!ParseLabel(&n, what)) return false;
      out->push_back(std::move(n));
    } while (Accept(TokenKind::kPipe));
    return true;
  }
  bool ParsePropertyMap(std::vector<PropertyEntry>* out) {
    if (!Expect(TokenKind::kLBrace)) return false;
    if (Accept(TokenKind::kRBrace)) return true;
    do {
      PropertyEntry e;
      const Token& t = Peek();
      if (t.kind != TokenKind::kIdent && t.kind != TokenKind::kQuotedIdent)
        return Fail(t, "expected a property name, found " + Describe(t));
      e.key = Name{t.text, PosOf(t)};
      Advance();
      if (!Expect(TokenKind::kColon)) return false;
      if (!(e.value = ParseExpr())) return false;
      out->push_back(std::move(e));
    } while (Accept(TokenKind::kComma));
    return Expect(TokenKind::kRBrace);
  }
  bool ParseOptionMap(std::vector<OptionEntry>* out) {
    std::vector<PropertyEntry> entries;
    if (!ParsePropertyMap(&entries)) return false;
    for (auto& e : entries) out->push_back(OptionEntry{std::move(e.key), std::move(e.value)});
    return true;
  }
  bool ParseNode(NodePattern* n) {
    n->pos = PosOf(Peek());
    if (++pattern_nodes_ > kMaxPatternNodes)
      return Fail(Peek(), "pattern too long (more than " + std::to_string(kMaxPatternNodes) +
                              " nodes in one part of the query)");
    if (!Expect(TokenKind::kLParen)) return false;
    if (Peek().kind == TokenKind::kIdent || Peek().kind == TokenKind::kQuotedIdent) {
      Name v;
      if (!ParseVariableName(&v)) return false;
      n->variable = std::move(v);
    }
    if (Peek().kind == TokenKind::kColon && !ParseLabels(&n->kinds, "an entity kind")) return false;
    if (Peek().kind == TokenKind::kLBrace && !ParsePropertyMap(&n->properties)) return false;
    return Expect(TokenKind::kRParen);
  }
  bool ParseInt(int* out) {
    const Token& t = Peek();
    if (t.kind != TokenKind::kInteger) return Fail(t, "expected a number of hops, found " + Describe(t));
    long v = std::strtol(t.text.c_str(), nullptr, 10);
    if (v > kMaxHops) return Fail(t, "number of hops too large (at most " + std::to_string(kMaxHops) + ")");
    *out = static_cast<int>(v);
    Advance();
    return true;
  }
  bool ParseRel(RelPattern* r) {
    r->pos = PosOf(Peek());
    bool left = false;
    if (Accept(TokenKind::kArrowLeft)) {
      left = true;
    } else if (!Accept(TokenKind::kMinus)) {
      return Fail(Peek(), "expected a relationship pattern or ')' , found " + Describe(Peek()));
    }
    if (Accept(TokenKind::kLBracket)) {
      if (Peek().kind == TokenKind::kIdent || Peek().kind == TokenKind::kQuotedIdent) {
        Name v;
        if (!ParseVariableName(&v)) return false;
        r->variable = std::move(v);
      }
      if (Peek().kind == TokenKind::kColon && !ParseLabels(&r->types, "a relation type")) return false;
      if (Accept(TokenKind::kStar)) {
        r->variable_length = true;
        r->min_hops = 1;
        r->max_hops = -1;
        if (Peek().kind == TokenKind::kInteger) {
          if (!ParseInt(&r->min_hops)) return false;
          r->max_hops = r->min_hops;  // *2 means exactly 2
        }
        if (Accept(TokenKind::kDotDot)) {
          r->max_hops = -1;
          if (Peek().kind == TokenKind::kInteger && !ParseInt(&r->max_hops)) return false;
        }
      }
      if (Peek().kind == TokenKind::kLBrace && !ParsePropertyMap(&r->properties)) return false;
      if (!Expect(TokenKind::kRBracket)) return false;
    }
    bool right = false;
    if (Accept(TokenKind::kArrowRight)) {
      right = true;
    } else if (!Accept(TokenKind::kMinus)) {
      return Fail(Peek(), "expected '-' or '->' to close the relationship, found " + Describe(Peek()));
    }
    r->direction = left == right ? Direction::kBoth : right ? Direction::kOut : Direction::kIn;
    r->pos.length = Prev().offset + Prev().length - r->pos.offset;
    return true;
  }
  bool ParseChain(PatternPath* p) {
    NodePattern first;
    if (!ParseNode(&first)) return false;
    p->nodes.push_back(std::move(first));
    while (Peek().kind == TokenKind::kMinus || Peek().kind == TokenKind::kArrowLeft) {
      RelPattern r;
      if (!ParseRel(&r)) return false;
      NodePattern n;
      if (!ParseNode(&n)) return false;
      p->rels.push_back(std::move(r));
      p->nodes.push_back(std::move(n));
    }
    return true;
  }
  bool ParsePath(PatternPath* p) {
    p->pos = PosOf(Peek());
    if ((Peek().kind == TokenKind::kIdent || Peek().kind == TokenKind::kQuotedIdent) &&
        Peek(1).kind == TokenKind::kEq) {
      Name v;
      if (!ParseVariableName(&v)) return false;
      p->path_variable = std::move(v);
      Advance();  // '='
    }
    if (IsKeyword("shortestPath") || IsKeyword("allShortestPaths")) {
      p->function = IsKeyword("shortestPath") ? PathFunction::kShortest : PathFunction::kAllShortest;
      Advance();
      if (!Expect(TokenKind::kLParen)) return false;
      if (!ParseChain(p)) return false;
      return Expect(TokenKind::kRParen);
    }
    return ParseChain(p);
  }

  std::unique_ptr<Expr> Make(ExprKind k, const Token& t) {
    auto e = std::make_unique<Expr>();
    e->kind = k;
    e->pos = PosOf(t);
    return e;
  }
  void Extend(Expr* e, size_t begin) {
    e->pos.offset = begin;
    e->pos.length = Prev().offset + Prev().length - begin;
  }
  std::unique_ptr<Expr> Binary(ExprKind k, std::unique_ptr<Expr> a, std::unique_ptr<Expr> b) {
    auto e = std::make_unique<Expr>();
    e->kind = k;
    e->pos = a->pos;
    e->pos.length = b->pos.offset + b->pos.length - a->pos.offset;
    e->args.push_back(std::move(a));
    e->args.push_back(std::move(b));
    return e;
  }
  // Every nested expression (parentheses, lists, function arguments, map
  // values, NOT) costs one level; deeper than kMaxNesting is an error, so
  // that the recursive stages after the parser (binder, evaluator,
  // destructors) see a tree of bounded depth.
  class NestingGuard {
   public:
    explicit NestingGuard(int* depth) : depth_(depth) { ++*depth_; }
    ~NestingGuard() { --*depth_; }
    NestingGuard(const NestingGuard&) = delete;
    NestingGuard& operator=(const NestingGuard&) = delete;

   private:
    int* depth_;
  };
  bool TooDeep() {
    if (depth_ <= kMaxNesting) return false;
    Fail(Peek(), "query nested too deeply (more than " + std::to_string(kMaxNesting) + " levels)");
    return true;
  }
  std::unique_ptr<Expr> ParseExpr() {
    NestingGuard guard(&depth_);
    if (TooDeep()) return nullptr;
    return ParseOr();
  }
  // `a OR b OR c`: one n-ary node whose args are the terms, so that a flat
  // chain of any length is as deep as one operator (also XOR and AND).
  std::unique_ptr<Expr> ParseChainOf(ExprKind kind, std::string_view keyword,
                                     std::unique_ptr<Expr> (Parser::*operand)()) {
    auto a = (this->*operand)();
    if (!a || !IsKeyword(keyword)) return a;
    auto e = std::make_unique<Expr>();
    e->kind = kind;
    e->pos = a->pos;
    e->args.push_back(std::move(a));
    while (IsKeyword(keyword)) {
      Advance();
      auto b = (this->*operand)();
      if (!b) return nullptr;
      e->pos.length = b->pos.offset + b->pos.length - e->pos.offset;
      e->args.push_back(std::move(b));
    }
    return e;
  }
  std::unique_ptr<Expr> ParseOr() { return ParseChainOf(ExprKind::kOr, "OR", &Parser::ParseXor); }
  std::unique_ptr<Expr> ParseXor() { return ParseChainOf(ExprKind::kXor, "XOR", &Parser::ParseAnd); }
  std::unique_ptr<Expr> ParseAnd() { return ParseChainOf(ExprKind::kAnd, "AND", &Parser::ParseNot); }
  std::unique_ptr<Expr> ParseNot() {
    if (IsKeyword("NOT")) {
      NestingGuard guard(&depth_);
      if (TooDeep()) return nullptr;
      auto e = Make(ExprKind::kNot, Peek());
      size_t begin = Peek().offset;
      Advance();
      auto a = ParseNot();
      if (!a) return nullptr;
      e->args.push_back(std::move(a));
      Extend(e.get(), begin);
      return e;
    }
    return ParseComparison();
  }
  std::unique_ptr<Expr> ParseComparison() {
    auto a = ParseUnary();
    if (!a) return nullptr;
    const Token& t = Peek();
    CompareOp op;
    bool is_cmp = true;
    switch (t.kind) {
      case TokenKind::kEq: op = CompareOp::kEq; break;
      case TokenKind::kNeq: op = CompareOp::kNeq; break;
      case TokenKind::kLt: op = CompareOp::kLt; break;
      case TokenKind::kGt: op = CompareOp::kGt; break;
      case TokenKind::kLe: op = CompareOp::kLe; break;
      case TokenKind::kGe: op = CompareOp::kGe; break;
      default: is_cmp = false;
    }
    if (is_cmp) {
      Advance();
      auto b = ParseUnary();
      if (!b) return nullptr;
      auto e = Binary(ExprKind::kCompare, std::move(a), std::move(b));
      e->op = op;
      return e;
    }
    ExprKind k;
    if (IsKeyword("IN")) {
      k = ExprKind::kIn;
      Advance();
    } else if (IsKeyword("STARTS") || IsKeyword("ENDS")) {
      k = IsKeyword("STARTS") ? ExprKind::kStartsWith : ExprKind::kEndsWith;
      Advance();
      if (!ExpectKeyword("WITH")) return nullptr;
    } else if (IsKeyword("CONTAINS")) {
      k = ExprKind::kContains;
      Advance();
    } else if (IsKeyword("IS")) {
      Advance();
      bool negated = false;
      if (IsKeyword("NOT")) {
        Advance();
        negated = true;
      }
      if (!ExpectKeyword("NULL")) return nullptr;
      auto e = std::make_unique<Expr>();
      e->kind = negated ? ExprKind::kIsNotNull : ExprKind::kIsNull;
      e->pos = a->pos;
      e->args.push_back(std::move(a));
      Extend(e.get(), e->pos.offset);
      return e;
    } else {
      return a;
    }
    auto b = ParseUnary();
    if (!b) return nullptr;
    return Binary(k, std::move(a), std::move(b));
  }
  std::unique_ptr<Expr> ParseUnary() {
    if (Peek().kind == TokenKind::kMinus) {
      auto e = Make(ExprKind::kNegate, Peek());
      size_t begin = Peek().offset;
      Advance();
      auto a = ParseAtom();
      if (!a) return nullptr;
      e->args.push_back(std::move(a));
      Extend(e.get(), begin);
      return e;
    }
    return ParseAtom();
  }
  std::unique_ptr<Expr> ParseAtom() {
    const Token& t = Peek();
    size_t begin = t.offset;
    switch (t.kind) {
      case TokenKind::kInteger: {
        auto e = Make(ExprKind::kInt, t);
        auto [p, ec] = std::from_chars(t.text.data(), t.text.data() + t.text.size(), e->i);
        if (ec != std::errc()) {
          Fail(t, "integer out of range");
          return nullptr;
        }
        Advance();
        return e;
      }
      case TokenKind::kFloat: {
        auto e = Make(ExprKind::kFloat, t);
        e->d = std::strtod(t.text.c_str(), nullptr);
        Advance();
        return e;
      }
      case TokenKind::kString: {
        auto e = Make(ExprKind::kString, t);
        e->s = t.text;
        Advance();
        return e;
      }
      case TokenKind::kLBracket: {
        auto e = Make(ExprKind::kList, t);
        Advance();
        if (!Accept(TokenKind::kRBracket)) {
          do {
            auto a = ParseExpr();
            if (!a) return nullptr;
            e->args.push_back(std::move(a));
          } while (Accept(TokenKind::kComma));
          if (!Expect(TokenKind::kRBracket)) return nullptr;
        }
        Extend(e.get(), begin);
        return e;
      }
      case TokenKind::kLParen: {
        Advance();
        auto a = ParseExpr();
        if (!a) return nullptr;
        if (!Expect(TokenKind::kRParen)) return nullptr;
        return a;
      }
      case TokenKind::kIdent:
      case TokenKind::kQuotedIdent: {
        if (t.kind == TokenKind::kIdent) {
          if (IEquals(t.text, "true") || IEquals(t.text, "false")) {
            auto e = Make(ExprKind::kBool, t);
            e->b = IEquals(t.text, "true");
            Advance();
            return e;
          }
          if (IEquals(t.text, "null")) {
            auto e = Make(ExprKind::kNull, t);
            Advance();
            return e;
          }
          if (Peek(1).kind == TokenKind::kLParen) return ParseFunction();
          if (IsReserved(t)) {
            Fail(t, "expected an expression, found " + Describe(t));
            return nullptr;
          }
        }
        auto e = Make(ExprKind::kVariable, t);
        e->s = t.text;
        Advance();
        if (Accept(TokenKind::kDot)) {
          const Token& p = Peek();
          if (p.kind != TokenKind::kIdent && p.kind != TokenKind::kQuotedIdent) {
            Fail(p, "expected a property name, found " + Describe(p));
            return nullptr;
          }
          e->kind = ExprKind::kProperty;
          e->property = Name{p.text, PosOf(p)};
          Advance();
          Extend(e.get(), begin);
        }
        return e;
      }
      default:
        Fail(t, "expected an expression, found " + Describe(t));
        return nullptr;
    }
  }
  std::unique_ptr<Expr> ParseFunction() {
    const Token& t = Peek();
    size_t begin = t.offset;
    auto e = Make(ExprKind::kFunction, t);
    e->s = t.text;
    for (char& c : e->s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    Advance();  // name
    Advance();  // '('
    if (e->s == "exists" && Peek().kind == TokenKind::kLParen && LooksLikePattern()) {
      e->kind = ExprKind::kExistsPattern;
      e->pattern = std::make_shared<PatternPath>();
      e->pattern->pos = PosOf(Peek());
      if (!ParseChain(e->pattern.get())) return nullptr;
      if (!Expect(TokenKind::kRParen)) return nullptr;
      Extend(e.get(), begin);
      return e;
    }
    if (IsKeyword("DISTINCT")) {
      Advance();
      e->distinct = true;
    }
    if (Accept(TokenKind::kStar)) {
      e->star = true;
    } else if (Peek().kind != TokenKind::kRParen) {
      do {
        auto a = ParseExpr();
        if (!a) return nullptr;
        e->args.push_back(std::move(a));
      } while (Accept(TokenKind::kComma));
    }
    if (!Expect(TokenKind::kRParen)) return nullptr;
    Extend(e.get(), begin);
    return e;
  }
  // After "exists(": "(" [var] [":"...] ")" followed by '-' or '<-' is a
  // pattern; "(expr)" is an expression.
  bool LooksLikePattern() const {
    size_t depth = 0;
    for (size_t k = 0; pos_ + k < toks_.size(); ++k) {
      TokenKind kind = Peek(k).kind;
      if (kind == TokenKind::kLParen) ++depth;
      if (kind == TokenKind::kRParen && --depth == 0) {
        TokenKind after = Peek(k + 1).kind;
        return after == TokenKind::kMinus || after == TokenKind::kArrowLeft;
      }
      if (kind == TokenKind::kEnd) return false;
    }
    return false;
  }

  std::string_view text_;
  std::vector<Token> toks_;
  size_t pos_ = 0;
  int depth_ = 0;           // expression nesting (NestingGuard)
  int parts_ = 0;           // parts of the statement (WITH stages)
  int pattern_nodes_ = 0;   // node patterns of the current part, exists() included
  QueryError* error_;
};

}  // namespace

namespace {

// Replaces each $name token by the literal tokens of its value.
bool SubstituteParams(const Params* params, std::vector<Token>* tokens, QueryError* error) {
  std::vector<Token> out;
  out.reserve(tokens->size());
  for (Token& t : *tokens) {
    if (t.kind != TokenKind::kParam) {
      out.push_back(std::move(t));
      continue;
    }
    auto it = params ? params->find(t.text) : Params::const_iterator();
    if (params == nullptr || it == params->end()) {
      *error = QueryError{t.line, t.column, static_cast<int>(t.length),
                          "unknown parameter $" + t.text + " (set it with :param or --param NAME=VALUE)"};
      return false;
    }
    Token lit = t;
    const Value& v = it->second;
    if (const std::string* str = std::get_if<std::string>(&v.data)) {
      lit.kind = TokenKind::kString;
      lit.text = *str;
    } else if (const bool* b = std::get_if<bool>(&v.data)) {
      lit.kind = TokenKind::kIdent;
      lit.text = *b ? "true" : "false";
    } else if (v.is_null()) {
      lit.kind = TokenKind::kIdent;
      lit.text = "null";
    } else if (const int64_t* i = std::get_if<int64_t>(&v.data)) {
      lit.kind = TokenKind::kInteger;
      lit.text = std::to_string(*i < 0 ? -static_cast<uint64_t>(*i) : static_cast<uint64_t>(*i));
      if (*i < 0) {
        Token minus = t;
        minus.kind = TokenKind::kMinus;
        minus.text = "-";
        out.push_back(std::move(minus));
      }
    } else if (const double* d = std::get_if<double>(&v.data)) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.17g", *d < 0 ? -*d : *d);
      lit.kind = std::string_view(buf).find_first_of(".eEn") == std::string_view::npos ? TokenKind::kInteger
                                                                                          : TokenKind::kFloat;
      lit.text = buf;
      if (*d < 0) {
        Token minus = t;
        minus.kind = TokenKind::kMinus;
        minus.text = "-";
        out.push_back(std::move(minus));
      }
    } else {
      *error = QueryError{t.line, t.column, static_cast<int>(t.length),
                          "parameter $" + t.text + " is not a string, number, boolean or null"};
      return false;
    }
    out.push_back(std::move(lit));
  }
  *tokens = std::move(out);
  return true;
}

}  // namespace

bool Parse(std::string_view text, QueryAst* ast, QueryError* error, const Params* params) {
  std::vector<Token> tokens;
  if (!Tokenize(text, &tokens, error)) return false;
  if (!SubstituteParams(params, &tokens, error)) return false;
  Parser parser(text, std::move(tokens), error);
  *ast = QueryAst();
  return parser.ParseStatement(ast);
}

}  // namespace geokg::query
