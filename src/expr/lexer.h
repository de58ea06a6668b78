// Splits expression text into tokens, decoding literals once so that evaluation
// never sees text.
#ifndef FNF_EXPR_LEXER_H_
#define FNF_EXPR_LEXER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "expr/expression.h"

namespace fnf::internal {

enum class TokenKind : uint8_t {
  kEnd,
  kInt,       // int_value holds the magnitude; the sign is a separate '-' token
  kFloat,     // float_value
  kString,    // text: the decoded contents
  kIdent,     // text: name, function or keyword (true, false, null, in)
  kVariable,  // text: the name after '$' ("" for the legacy root '$')
  kLParen,
  kRParen,
  kLBracket,
  kRBracket,
  kLBrace,
  kRBrace,
  kComma,
  kColon,
  kDot,
  kOr,
  kAnd,
  kEq,
  kNe,
  kLt,
  kLe,
  kGt,
  kGe,
  kPlus,
  kMinus,
  kStar,
  kSlash,
  kPercent,
  kNot,
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  size_t offset = 0;  // byte offset in the expression text
  size_t length = 0;  // bytes of source text
  std::string text;
  uint64_t int_value = 0;
  double float_value = 0;
};

// The tokens of `text`, ending with kEnd, or the first lexical error.
struct LexResult {
  std::vector<Token> tokens;
  std::optional<ExprCompileError> error;
};
LexResult Lex(std::string_view text);

}  // namespace fnf::internal

#endif  // FNF_EXPR_LEXER_H_
