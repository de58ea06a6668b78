// format, split, length (cloudflow-v1.md §5.2, DECISIONS.md 12).
#include "tests/expr/expr_testing.h"

namespace fnf::internal::testing {
namespace {

TEST_CASE("format", "[functions][string]") {
  CHECK(Eval(R"(format("hello {}","world"))") == Json("hello world"));
  CHECK(Eval(R"(format('Hello, {}', "Tom"))") == Json("Hello, Tom"));
  CHECK(Eval(R"(format("no placeholders"))") == Json("no placeholders"));
  CHECK(Eval(R"(format(""))") == Json(""));
  CHECK(Eval(R"(format("{}{}", "a", "b"))") == Json("ab"));
  CHECK(Eval(R"(format("{} + {} = {}", 1, 2.5, 3.5))") ==
        Json("1 + 2.5 = 3.5"));
  // Non-strings go in as compact JSON; strings as they are, not quoted.
  CHECK(
      Eval(
          R"(format("{}|{}|{}|{}|{}", true, null, [1, "x"], {"a": "b"}, "q\"uote"))") ==
      Json(R"(true|null|[1,"x"]|{"a":"b"}|q"uote)"));
  CHECK(Eval(R"(format("{{}}", 1))") == Json("{1}"));
  CHECK(Eval(R"(format("{ }{}{", 1))") == Json("{ }1{"));
  CHECK(Eval(R"(format("中{}文", "😀"))") == Json("中😀文"));
  TestContext t;
  CHECK(Eval("format('{}-{}', $Input.s, $Context.Execution.Name)", t.ctx) ==
        Json("str-exec-1"));
  CHECK(Eval("format('{}', $Input.nope)", t.ctx) == Json("null"));
}

TEST_CASE("format errors", "[functions][string]") {
  // A constant template is checked when the flow is created.
  ExprCompileError e = CompileError(R"(format("{} and {}", 1))");
  CHECK(e.offset == 7);
  CHECK(e.message ==
        "format: the template has 2 placeholder(s) '{}' but 1 value(s) were "
        "given");
  CHECK(CompileError(R"(format("{}", 1, 2))").message ==
        "format: the template has 1 placeholder(s) '{}' but 2 value(s) were "
        "given");
  CHECK(CompileError("format(1)").message ==
        "format: the template must be a string, got number");
  // A computed one at run time.
  TestContext t;
  t.input = J(R"({"tmpl": "{} and {}", "n": 1})");
  CHECK(EvalError("format($Input.tmpl, 1)", t.ctx).detail ==
        "expression 'format($Input.tmpl, 1)': format: the template has 2 "
        "placeholder(s) '{}' but 1 value(s) were given");
  CHECK(EvalError("format($Input.n)", t.ctx).detail ==
        "expression 'format($Input.n)': format: argument 1 (template) must be "
        "a string, got number");
}

TEST_CASE("format does not rescan inserted values", "[functions][string]") {
  CHECK(Eval(R"(format("{}{}", "{}", "a"))") == Json("{}a"));
  TestContext t;
  t.input = J(R"({"v": "{}"})");
  CHECK(Eval(R"(format("[{}]", $Input.v))", t.ctx) == Json("[{}]"));
}

TEST_CASE("split", "[functions][string]") {
  CHECK(Show(R"(split("a,b,c", ","))") == R"(["a","b","c"])");
  CHECK(Show(R"(split("a,,b,", ","))") == R"(["a","","b",""])");
  CHECK(Show(R"(split("abc", ","))") == R"(["abc"])");
  CHECK(Show(R"(split("", ","))") == R"([""])");
  CHECK(Show(R"(split("a::b::c", "::"))") == R"(["a","b","c"])");
  CHECK(Show(R"(split("aé中", ""))") == R"(["a","é","中"])");
  CHECK(Show(R"(split("", ""))") == "[]");
  CHECK(Show(R"(split("一、二、三", "、"))") == R"(["一","二","三"])");
  CHECK(ErrorDetail("split(1, \",\")") ==
        "expression 'split(1, \",\")': split: argument 1 (text) must be a "
        "string, got number");
  CHECK(ErrorDetail("split(\"a\", null)") ==
        "expression 'split(\"a\", null)': split: argument 2 (separator) must "
        "be a string, got "
        "null");
}

TEST_CASE("length", "[functions][string]") {
  CHECK(Show("length([1,2,3])") == "3");
  CHECK(Show(R"(length({"name":"Tom","age":10}))") == "2");
  CHECK(Show(R"(length("name"))") == "4");
  CHECK(Show(R"(length(""))") == "0");
  CHECK(Show("length([])") == "0");
  CHECK(Show("length({})") == "0");
  CHECK(Show(R"(length("héllo"))") == "5");  // code points, not bytes
  CHECK(Show(R"(length("中文字"))") == "3");
  CHECK(Show(R"(length("😀!"))") == "2");
  TestContext t;
  CHECK(Eval("length($Input.tags)", t.ctx) == Json(2));
  CHECK(Eval("length($Input)", t.ctx) ==
        Json(static_cast<int64_t>(t.input.as_object().size())));
  CHECK(ErrorDetail("length(12)") ==
        "expression 'length(12)': length: argument 1 must be an array, an "
        "object or a string, "
        "got number");
  CHECK(EvalError("length($Input.nope)", t.ctx).detail ==
        "expression 'length($Input.nope)': length: argument 1 must be an "
        "array, an object or a "
        "string, got null");
}

}  // namespace
}  // namespace fnf::internal::testing
