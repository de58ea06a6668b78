#include "expr/operators.h"

#include <cmath>
#include <limits>

#include "common/strings.h"

namespace fnf::internal {
namespace {

constexpr int64_t kMinInt = std::numeric_limits<int64_t>::min();
constexpr double kTwoTo63 = 9223372036854775808.0;

template <typename T>
int Sign(T a, T b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

// Converting the integer to a double would lose precision above 2^53, so the
// double is split into its integral part (exact in int64 when in range) and its
// fraction instead.
int CompareIntDouble(int64_t i, double d) {
  if (d >= kTwoTo63) return -1;
  if (d < -kTwoTo63) return 1;
  double whole = std::trunc(d);
  int c = Sign(i, static_cast<int64_t>(whole));
  if (c != 0) return c;
  return Sign(whole, d);
}

std::string TypeMismatch(BinaryOp op, std::string_view needs, const Json& a,
                         const Json& b) {
  return StrCat("operator '", OperatorName(op), "' needs ", needs, ", got ",
                a.type_name(), " and ", b.type_name());
}

bool IntOverflow(BinaryOp op, int64_t a, int64_t b, std::string* error) {
  *error = StrCat("integer overflow in ", a, " ", OperatorName(op), " ", b);
  return false;
}

bool IntArithmetic(BinaryOp op, int64_t a, int64_t b, Value* out,
                   std::string* error) {
  int64_t r = 0;
  switch (op) {
    case BinaryOp::kAdd:
      if (__builtin_add_overflow(a, b, &r)) return IntOverflow(op, a, b, error);
      break;
    case BinaryOp::kSub:
      if (__builtin_sub_overflow(a, b, &r)) return IntOverflow(op, a, b, error);
      break;
    case BinaryOp::kMul:
      if (__builtin_mul_overflow(a, b, &r)) return IntOverflow(op, a, b, error);
      break;
    case BinaryOp::kDiv:
      if (b == 0) {
        *error = "division by zero";
        return false;
      }
      if (a == kMinInt && b == -1) return IntOverflow(op, a, b, error);
      if (a % b != 0) {
        out->SetOwned(Json(static_cast<double>(a) / static_cast<double>(b)));
        return true;
      }
      r = a / b;
      break;
    case BinaryOp::kMod:
      if (b == 0) {
        *error = "modulo by zero";
        return false;
      }
      // kMinInt % -1 is undefined behaviour in C++ although the answer is 0.
      r = b == -1 ? 0 : a % b;
      break;
    default:
      break;
  }
  out->SetOwned(Json(r));
  return true;
}

bool DoubleArithmetic(BinaryOp op, double a, double b, Value* out,
                      std::string* error) {
  double r = 0;
  switch (op) {
    case BinaryOp::kAdd:
      r = a + b;
      break;
    case BinaryOp::kSub:
      r = a - b;
      break;
    case BinaryOp::kMul:
      r = a * b;
      break;
    case BinaryOp::kDiv:
      if (b == 0) {
        *error = "division by zero";
        return false;
      }
      r = a / b;
      break;
    case BinaryOp::kMod:
      if (b == 0) {
        *error = "modulo by zero";
        return false;
      }
      r = std::fmod(a, b);
      break;
    default:
      break;
  }
  // JSON has no Infinity or NaN.
  if (!std::isfinite(r)) {
    *error = StrCat("the result of ", a, " ", OperatorName(op), " ", b,
                    " is not a finite number");
    return false;
  }
  out->SetOwned(Json(r));
  return true;
}

bool Arithmetic(BinaryOp op, Value* lhs, Value* rhs, Value* out,
                std::string* error) {
  const Json& a = **lhs;
  const Json& b = **rhs;
  if (a.is_number() && b.is_number()) {
    if (a.is_int() && b.is_int())
      return IntArithmetic(op, a.as_int(), b.as_int(), out, error);
    return DoubleArithmetic(op, a.as_number(), b.as_number(), out, error);
  }
  if (op == BinaryOp::kAdd && a.is_string() && b.is_string()) {
    // Appending to an owned left operand reuses its buffer, which makes chains
    // of '+' linear.
    Json joined = lhs->Take();
    joined.as_string().append(b.as_string());
    out->SetOwned(std::move(joined));
    return true;
  }
  *error = TypeMismatch(
      op, op == BinaryOp::kAdd ? "two numbers or two strings" : "two numbers",
      a, b);
  return false;
}

bool Ordering(BinaryOp op, const Json& a, const Json& b, Value* out,
              std::string* error) {
  int c;
  if (a.is_number() && b.is_number()) {
    c = CompareNumbers(a, b);
  } else if (a.is_string() && b.is_string()) {
    // std::string compares as unsigned bytes: UTF-8 byte order, i.e. code point
    // order.
    int r = a.as_string().compare(b.as_string());
    c = r < 0 ? -1 : (r > 0 ? 1 : 0);
  } else {
    *error = TypeMismatch(op, "two numbers or two strings", a, b);
    return false;
  }
  bool result = false;
  switch (op) {
    case BinaryOp::kLt:
      result = c < 0;
      break;
    case BinaryOp::kLe:
      result = c <= 0;
      break;
    case BinaryOp::kGt:
      result = c > 0;
      break;
    case BinaryOp::kGe:
      result = c >= 0;
      break;
    default:
      break;
  }
  out->SetOwned(Json(result));
  return true;
}

bool Membership(const Json& needle, const Json& haystack, Value* out,
                std::string* error) {
  if (haystack.is_array()) {
    bool found = false;
    for (const Json& e : haystack.as_array()) {
      if (e == needle) {
        found = true;
        break;
      }
    }
    out->SetOwned(Json(found));
    return true;
  }
  if (haystack.is_object()) {
    if (!needle.is_string()) {
      *error =
          StrCat("operator 'in' needs a string to look up an object key, got ",
                 needle.type_name());
      return false;
    }
    out->SetOwned(Json(haystack.Find(needle.as_string()) != nullptr));
    return true;
  }
  *error =
      StrCat("operator 'in' needs an array or an object on the right, got ",
             haystack.type_name());
  return false;
}

}  // namespace

std::string_view OperatorName(BinaryOp op) {
  switch (op) {
    case BinaryOp::kAdd:
      return "+";
    case BinaryOp::kSub:
      return "-";
    case BinaryOp::kMul:
      return "*";
    case BinaryOp::kDiv:
      return "/";
    case BinaryOp::kMod:
      return "%";
    case BinaryOp::kEq:
      return "==";
    case BinaryOp::kNe:
      return "!=";
    case BinaryOp::kLt:
      return "<";
    case BinaryOp::kLe:
      return "<=";
    case BinaryOp::kGt:
      return ">";
    case BinaryOp::kGe:
      return ">=";
    case BinaryOp::kIn:
      return "in";
  }
  return "?";
}

int CompareNumbers(const Json& a, const Json& b) {
  if (a.is_int() && b.is_int()) return Sign(a.as_int(), b.as_int());
  if (a.is_double() && b.is_double()) return Sign(a.as_double(), b.as_double());
  if (a.is_int()) return CompareIntDouble(a.as_int(), b.as_double());
  return -CompareIntDouble(b.as_int(), a.as_double());
}

bool ApplyBinary(BinaryOp op, Value* lhs, Value* rhs, Value* out,
                 std::string* error) {
  switch (op) {
    case BinaryOp::kAdd:
    case BinaryOp::kSub:
    case BinaryOp::kMul:
    case BinaryOp::kDiv:
    case BinaryOp::kMod:
      return Arithmetic(op, lhs, rhs, out, error);
    case BinaryOp::kEq:
      out->SetOwned(Json(**lhs == **rhs));
      return true;
    case BinaryOp::kNe:
      out->SetOwned(Json(**lhs != **rhs));
      return true;
    case BinaryOp::kLt:
    case BinaryOp::kLe:
    case BinaryOp::kGt:
    case BinaryOp::kGe:
      return Ordering(op, **lhs, **rhs, out, error);
    case BinaryOp::kIn:
      return Membership(**lhs, **rhs, out, error);
  }
  return false;
}

bool ApplyNegate(const Json& operand, Value* out, std::string* error) {
  if (operand.is_int()) {
    if (operand.as_int() == kMinInt) {
      *error = StrCat("integer overflow in -(", operand.as_int(), ")");
      return false;
    }
    out->SetOwned(Json(-operand.as_int()));
    return true;
  }
  if (operand.is_double()) {
    out->SetOwned(Json(-operand.as_double()));
    return true;
  }
  *error = StrCat("operator '-' needs a number, got ", operand.type_name());
  return false;
}

}  // namespace fnf::internal
