// intAdd, randomInt, uuid.
#include <set>

#include "tests/expr/expr_testing.h"

namespace fnf::internal::testing {
namespace {

// xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx, lowercase hex, y in 8..b.
bool IsUuidV4(const std::string& s) {
  if (s.size() != 36) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    char c = s[i];
    if (dash != (c == '-')) return false;
    if (!dash && !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
      return false;
  }
  return s[14] == '4' &&
         std::string_view("89ab").find(s[19]) != std::string_view::npos;
}

TEST_CASE("intAdd", "[functions][number]") {
  CHECK(Show("intAdd(1, 2)") == "3");
  CHECK(Show("intAdd(-5, 2)") == "-3");
  CHECK(Show("intAdd(9223372036854775806, 1)") == "9223372036854775807");
  CHECK(
      ErrorDetail("intAdd(9223372036854775807, 1)") ==
      "expression 'intAdd(9223372036854775807, 1)': intAdd: integer overflow");
  CHECK(ErrorDetail("intAdd(1.5, 1)") ==
        "expression 'intAdd(1.5, 1)': intAdd: argument 1 must be an integer, "
        "got number");
  CHECK(ErrorDetail("intAdd(1, \"2\")") ==
        "expression 'intAdd(1, \"2\")': intAdd: argument 2 must be an integer, "
        "got string");
}

TEST_CASE("randomInt is in from min up to max and reproducible",
          "[functions][random]") {
  TestContext a, b;
  std::set<int64_t> seen;
  for (int i = 0; i < 200; ++i) {
    Json va = Eval("randomInt(3, 7)", a.ctx);
    Json vb = Eval("randomInt(3, 7)", b.ctx);
    REQUIRE(va.is_int());
    CHECK(va == vb);  // same seed, same sequence
    CHECK(va.as_int() >= 3);
    CHECK(va.as_int() < 7);
    seen.insert(va.as_int());
  }
  CHECK(seen == std::set<int64_t>{3, 4, 5, 6});
  CHECK(Eval("randomInt(-1, 0)", a.ctx) == Json(-1));
  CHECK(ErrorDetail("randomInt(5, 5)") ==
        "expression 'randomInt(5, 5)': randomInt: min must be less than max, "
        "got 5 and 5");
  CHECK(ErrorDetail("randomInt(1, 2.5)") ==
        "expression 'randomInt(1, 2.5)': randomInt: argument 2 (max) must be "
        "an integer, got "
        "number");
  EvalContext no_random;
  CHECK(EvalError("randomInt(1, 2)", no_random).detail ==
        "expression 'randomInt(1, 2)': randomInt: no random source is "
        "available here");
}

TEST_CASE("uuid draws from the random source", "[functions][random]") {
  TestContext a, b;
  std::set<std::string> seen;
  for (int i = 0; i < 50; ++i) {
    Json u = Eval("uuid()", a.ctx);
    REQUIRE(u.is_string());
    CHECK(IsUuidV4(u.as_string()));
    CHECK(u == Eval("uuid()", b.ctx));
    seen.insert(u.as_string());
  }
  CHECK(seen.size() == 50);
  EvalContext no_random;
  CHECK(EvalError("uuid()", no_random).detail ==
        "expression 'uuid()': uuid: no random source is available here");
}

}  // namespace
}  // namespace fnf::internal::testing
