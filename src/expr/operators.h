// The semantics of the operators (docs/behaviour.md), apart from the
// short-circuit ones that the tree evaluates itself.
//
// Numbers: two integers give an integer (int64) for + - * %, and for / when the
// division is exact; otherwise, or when a double is involved, the result is a
// double. `7 / 2` is 3.5, `6 / 3` is 2. Integer overflow, division or modulo by
// zero, and results that are not finite are runtime errors. `%` truncates
// toward zero (the sign follows the dividend), as in C++, Go and JavaScript.
#ifndef FNF_EXPR_OPERATORS_H_
#define FNF_EXPR_OPERATORS_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "expr/value.h"

namespace fnf::internal {

enum class BinaryOp : uint8_t {
  kAdd,
  kSub,
  kMul,
  kDiv,
  kMod,
  kEq,
  kNe,
  kLt,
  kLe,
  kGt,
  kGe,
  kIn
};

std::string_view OperatorName(BinaryOp op);

// `lhs op rhs` into `*out`; the operands may be moved from. On a type or
// arithmetic error writes the reason to `*error` and returns false.
bool ApplyBinary(BinaryOp op, Value* lhs, Value* rhs, Value* out,
                 std::string* error);

// Unary minus.
bool ApplyNegate(const Json& operand, Value* out, std::string* error);

// Three-way comparison of two numbers by value, exact even between int64 and
// double. REQUIRES: both are numbers.
int CompareNumbers(const Json& a, const Json& b);

}  // namespace fnf::internal

#endif  // FNF_EXPR_OPERATORS_H_
