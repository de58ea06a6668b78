// regexMatchString(pattern, text): RE2 syntax, matches anywhere unless
// anchored.
#include "tests/expr/expr_testing.h"

namespace fnf::internal::testing {
namespace {

TEST_CASE("regexMatchString", "[functions][regex]") {
  CHECK(Show(R"(regexMatchString("^a.c$", "abc"))") == "true");
  CHECK(Show(R"(regexMatchString("b", "abc"))") ==
        "true");  // unanchored: anywhere
  CHECK(Show(R"(regexMatchString("^b", "abc"))") == "false");
  CHECK(Show(R"(regexMatchString("", ""))") == "true");
  CHECK(Show(R"(regexMatchString(`^\d{3}-\d{4}$`, "555-1234"))") == "true");
  CHECK(Show(R"(regexMatchString("^\\d+$", "12a"))") == "false");
  CHECK(Show(R"(regexMatchString("^.{2}$", "中文"))") ==
        "true");  // UTF-8 aware
  CHECK(Show(R"(regexMatchString("(?i)hello", "HeLLo there"))") == "true");
  TestContext t;
  t.input = J(R"({"pattern": "^[a-z]+$", "email": "a@b.c"})");
  CHECK(Eval("regexMatchString($Input.pattern, \"abc\")", t.ctx) == Json(true));
  CHECK(Eval("regexMatchString($Input.pattern, \"ABC\")", t.ctx) ==
        Json(false));
  CHECK(Eval(R"(regexMatchString("^[^@]+@[^@]+$", $Input.email))", t.ctx) ==
        Json(true));
}

TEST_CASE("regexMatchString errors", "[functions][regex]") {
  ExprCompileError e = CompileError(R"(regexMatchString("a(b", "x"))");
  CHECK(e.offset == 17);
  CHECK(e.message ==
        "regexMatchString: invalid regular expression 'a(b': missing ): a(b");
  CHECK(CompileError(R"(regexMatchString(1, "x"))").message ==
        "regexMatchString: the pattern must be a string, got number");
  // Back-references are not RE2 syntax.
  CHECK(CompileError(R"(regexMatchString(`(a)\1`, "aa"))")
            .message.find("invalid regular expression") != std::string::npos);
  TestContext t;
  t.input = J(R"({"pattern": "[z-a]"})");
  CHECK(EvalError(R"(regexMatchString($Input.pattern, "x"))", t.ctx).detail ==
        "expression 'regexMatchString($Input.pattern, \"x\")': "
        "regexMatchString: invalid "
        "regular expression '[z-a]': invalid character class range: z-a");
  CHECK(ErrorDetail(R"(regexMatchString("a", 1))") ==
        "expression 'regexMatchString(\"a\", 1)': regexMatchString: argument 2 "
        "(text) must be a "
        "string, got number");
}

}  // namespace
}  // namespace fnf::internal::testing
