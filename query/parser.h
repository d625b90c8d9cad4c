// Parser: tokens -> QueryAst. Recursive descent over this grammar
// (keywords case-insensitive):
//
//   statement := [EXPLAIN | PROFILE] query {UNION [ALL] query} [';']
//   query    := [OPTIONS map] (call [MATCH path {',' path}] | MATCH path {',' path})
//               [WHERE expr] {OPTIONAL MATCH path {',' path} [WHERE expr]}
//               (RETURN | WITH) [DISTINCT] ('*' | item {',' item})
//               [ORDER BY expr [ASC|DESC] {',' ...}] [SKIP int] [LIMIT int]
//   after WITH items [ORDER BY] [SKIP] [LIMIT] [WHERE expr]: a query whose MATCH
//               is optional and whose variables start as the WITH's columns
//   call     := CALL name '(' [map] ')' YIELD field [AS var] {',' field [AS var]}
//   path     := [var '='] (SHORTESTPATH | ALLSHORTESTPATHS) '(' chain ')' | [var '='] chain
//   chain    := node {rel node}
//   node     := '(' [var] [':' label {'|' [':'] label}] [map] ')'
//   rel      := ('-' | '<-') ['[' [var] [':' label {'|' [':'] label}] [range] [map] ']'] ('-' | '->')
//   range    := '*' [int] ['..' [int]]
//   label    := `back-quoted` | ident {'-' ident}   (no spaces around '-')
//   item     := expr [AS var]
//   expr     := or; or := xor {OR xor}; xor := and {XOR and}; and := not {AND not}
//   not      := NOT not | cmp
//   cmp      := add [('='|'<>'|'<'|'>'|'<='|'>=') add | IN add | STARTS WITH add
//               | ENDS WITH add | CONTAINS add | IS [NOT] NULL]
//   add      := ['-'] atom
//   atom     := literal | $param | '[' [expr {',' expr}] ']' | var ['.' prop] | '(' expr ')'
//               | EXISTS '(' (chain | expr) ')' | func '(' [DISTINCT] ('*' | expr {',' expr}) ')'
//   map      := '{' [key ':' expr {',' key ':' expr}] '}'
#pragma once

#include <string_view>
#include <vector>

#include "query/ast.h"
#include "query/error.h"
#include "query/lexer.h"
#include "query/value.h"

namespace geokg::query {

// Returns false and fills *error (position of the offending token) on a
// syntax error or a parameter that `params` lacks. A parameter stands for
// its value as a literal wherever a literal may be written ({name: $who},
// LIMIT $n, OPTIONS {from: $since}).
bool Parse(std::string_view text, QueryAst* ast, QueryError* error, const Params* params = nullptr);

}  // namespace geokg::query
