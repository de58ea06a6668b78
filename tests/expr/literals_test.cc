// Literals and the lexer: numbers, strings in three quote styles with their
// escapes, arrays, objects.
#include "tests/expr/expr_testing.h"

namespace fnf::internal::testing {
namespace {

TEST_CASE("number literals keep int and double apart", "[expr][literals]") {
  CHECK(Show("0") == "0");
  CHECK(Show("42") == "42");
  CHECK(Show("007") == "7");
  CHECK(Show("12.5") == "12.5");
  CHECK(Show("1e3") == "1000.0");
  CHECK(Show("2.5E-1") == "0.25");
  CHECK(Show("9223372036854775807") == "9223372036854775807");
  CHECK(Show("-9223372036854775808") == "-9223372036854775808");
  CHECK(Eval("1").is_int());
  CHECK(Eval("1.0").is_double());
}

TEST_CASE("number literals out of range are compile errors",
          "[expr][literals]") {
  ExprCompileError e = CompileError("1 + 9223372036854775808");
  CHECK(e.offset == 4);
  CHECK(e.message == "integer '9223372036854775808' does not fit in 64 bits");
  CHECK(CompileError("99999999999999999999").message ==
        "integer '99999999999999999999' does not fit in 64 bits");
  CHECK(CompileError("1e999").message == "number '1e999' is out of range");
  CHECK(CompileError("1e").message ==
        "malformed number: missing exponent digits");
  CHECK(CompileError("12abc").message == "malformed number '12abc'");
}

TEST_CASE("keywords", "[expr][literals]") {
  CHECK(Show("true") == "true");
  CHECK(Show("false") == "false");
  CHECK(Show("null") == "null");
}

TEST_CASE("double-quoted strings decode JSON escapes", "[expr][literals]") {
  CHECK(Eval(R"("plain")") == Json("plain"));
  CHECK(Eval(R"("a\"b\\c\/d")") == Json("a\"b\\c/d"));
  CHECK(Eval(R"("\b\f\n\r\t")") == Json("\b\f\n\r\t"));
  CHECK(Eval(R"("it\'s")") == Json("it's"));
  CHECK(Eval(R"("\u00e9\u4e2d")") == Json("\xc3\xa9\xe4\xb8\xad"));
  CHECK(Eval(R"("\ud83d\ude00")") ==
        Json("\xf0\x9f\x98\x80"));  // surrogate pair
  CHECK(Eval(R"("single ' inside")") == Json("single ' inside"));
  CHECK(Eval("\"\"") == Json(""));
  CHECK(Eval("\"中文\"") == Json("中文"));
}

TEST_CASE("single-quoted strings decode the same escapes", "[expr][literals]") {
  CHECK(Eval(R"('{"name": "Tom"}')") == Json(R"({"name": "Tom"})"));
  CHECK(Eval(R"('it\'s')") == Json("it's"));
  CHECK(Eval(R"('tab\there')") == Json("tab\there"));
}

TEST_CASE("back-quoted strings are raw", "[expr][literals]") {
  CHECK(Eval("`foobar`") == Json("foobar"));
  CHECK(Eval(R"(`a\nb "q" 'q'`)") == Json(R"(a\nb "q" 'q')"));
  CHECK(Eval("``") == Json(""));
}

TEST_CASE("string literal errors have positions", "[expr][literals]") {
  ExprCompileError e = CompileError(R"(1 + "abc)");
  CHECK(e.offset == 4);
  CHECK(e.message == "unterminated string");
  CHECK(CompileError("'abc").message == "unterminated string");
  CHECK(CompileError("`abc").message == "unterminated string");
  e = CompileError(R"("ab\qc")");
  CHECK(e.offset == 3);
  CHECK(e.message == "unknown escape '\\q'");
  CHECK(CompileError(R"("\u12")").message ==
        "\\u must be followed by 4 hex digits");
  CHECK(CompileError(R"("\ud800")").message == "unpaired UTF-16 surrogate");
  CHECK(CompileError(R"("\udc00")").message == "unpaired UTF-16 surrogate");
}

TEST_CASE("array literals", "[expr][literals]") {
  CHECK(Show("[]") == "[]");
  CHECK(Show("[1, 2.5, \"x\", true, null, [1], {\"a\": 1}]") ==
        R"([1,2.5,"x",true,null,[1],{"a":1}])");
  TestContext t;
  CHECK(Eval("[$Input.n, $Input.s]", t.ctx) == J(R"([5, "str"])"));
  CHECK(CompileError("[1, 2").message ==
        "expected ',' or ']' but found the end of the expression");
  CHECK(CompileError("[1,]").message == "unexpected ']'");
}

TEST_CASE("object literals keep their key order", "[expr][literals]") {
  CHECK(Show(R"({"name": "Tom", "age": 10})") == R"({"name":"Tom","age":10})");
  CHECK(Show(R"({"z": 1, "a": 2, "m": 3})") == R"({"z":1,"a":2,"m":3})");
  CHECK(Show("{}") == "{}");
  CHECK(Show("{name: 'bare keys', 'single': 1}") ==
        R"({"name":"bare keys","single":1})");
  TestContext t;
  CHECK(Eval(R"({"n": $Input.n, "nested": {"s": $Input.s}})", t.ctx) ==
        J(R"({"n": 5, "nested": {"s": "str"}})"));
  ExprCompileError e = CompileError(R"({"a": 1, "a": 2})");
  CHECK(e.offset == 9);
  CHECK(e.message == "duplicate key 'a' in an object literal");
  CHECK(CompileError(R"({"a" 1})").message == "expected ':' but found '1'");
  CHECK(CompileError("{1: 2}").message ==
        "expected an object key but found '1'");
}

}  // namespace
}  // namespace fnf::internal::testing
