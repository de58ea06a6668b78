// Parses expression text into a checked, constant-folded tree (grammar in
// docs/behaviour.md):
//
//   or      := and ("||" and)*
//   and     := eq ("&&" eq)*
//   eq      := rel (("==" | "!=") rel)*
//   rel     := add (("<" | "<=" | ">" | ">=" | "in") add)*
//   add     := mul (("+" | "-") mul)*
//   mul     := unary (("*" | "/" | "%") unary)*
//   unary   := ("!" | "-") unary | postfix
//   postfix := primary ("." name | "[" or "]")*
//   primary := variable | number | string | true | false | null | "(" or ")"
//            | "[" [or ("," or)*] "]" | "{" [key ":" or ("," key ":" or)*] "}"
//            | function "(" [or ("," or)*] ")"
//
// Everything that can be checked without data is checked here: variables
// allowed where the expression stands, $Context field names, function names and
// arity, call nesting, constant regular expressions.
#ifndef FNF_EXPR_PARSER_H_
#define FNF_EXPR_PARSER_H_

#include <cstdint>
#include <string_view>
#include <variant>

#include "expr/expression.h"
#include "expr/nodes.h"

namespace fnf::internal {

// Bounds the recursion of parsing and evaluation whatever the input (each level
// of nesting costs the parser some fifteen stack frames).
inline constexpr int kMaxExpressionDepth = 100;

std::variant<NodePtr, ExprCompileError> ParseExpression(std::string_view text,
                                                        uint32_t allowed_roots,
                                                        int max_call_depth);

}  // namespace fnf::internal

#endif  // FNF_EXPR_PARSER_H_
