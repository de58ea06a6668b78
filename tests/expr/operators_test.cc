// Operators: precedence (docs/behaviour.md), every operator on every relevant
// pair of types, and the runtime errors they raise.
#include "tests/expr/expr_testing.h"

namespace fnf::internal::testing {
namespace {

TEST_CASE(
    "precedence, lowest first: || && ==/!= relational +- */% unary postfix",
    "[expr][operators]") {
  CHECK(Show("1 + 2 * 3") == "7");
  CHECK(Show("(1 + 2) * 3") == "9");
  CHECK(Show("10 - 4 - 3") == "3");  // left-associative
  CHECK(Show("2 * 3 % 4") == "2");
  CHECK(Show("100 / 10 / 5") == "2");
  CHECK(Show("-2 * 3") == "-6");
  CHECK(Show("- -2") == "2");
  CHECK(Show("!true || true") == "true");
  CHECK(Show("!(true || true)") == "false");
  CHECK(Show("true || false && false") == "true");
  CHECK(Show("(true || false) && false") == "false");
  CHECK(Show("1 < 2 == true") == "true");
  CHECK(Show("1 + 1 == 2 && 3 > 2") == "true");
  CHECK(Show("1 + 2 in [3]") == "true");
  CHECK(Show("\"a\" in [\"a\"] == true") == "true");
  CHECK(Show("1 == 1 != false") == "true");  // (1 == 1) != false
  TestContext t;
  CHECK(Eval("-$Input.n * 2", t.ctx) == Json(-10));
  CHECK(Eval("!$Input.t", t.ctx) == Json(false));
  CHECK(Eval("$Input.a.b[0] + $Input.a.b[1] * 2", t.ctx) == Json(50));
}

TEST_CASE("integer arithmetic stays int64", "[expr][operators]") {
  CHECK(Show("2 + 3") == "5");
  CHECK(Show("2 - 3") == "-1");
  CHECK(Show("4 * -3") == "-12");
  CHECK(Show("7 % 3") == "1");
  CHECK(Show("-7 % 3") == "-1");  // the sign follows the dividend
  CHECK(Show("7 % -3") == "1");
  CHECK(Show("9223372036854775807 - 1 + 1") == "9223372036854775807");
}

TEST_CASE("integer division is exact or gives a double", "[expr][operators]") {
  CHECK(Show("6 / 3") == "2");
  CHECK(Eval("6 / 3").is_int());
  CHECK(Show("7 / 2") == "3.5");
  CHECK(Show("-7 / 2") == "-3.5");
  CHECK(Show("1 / 3") == Json(1.0 / 3.0).Serialize());
  CHECK(Show("-9223372036854775807 / -1") == "9223372036854775807");
}

TEST_CASE("mixing a double makes the result a double", "[expr][operators]") {
  CHECK(Show("1 + 1.0") == "2.0");
  CHECK(Show("1.5 + 1") == "2.5");
  CHECK(Show("3 - 0.5") == "2.5");
  CHECK(Show("2 * 1.5") == "3.0");
  CHECK(Show("3.0 / 2") == "1.5");
  CHECK(Show("5.5 % 2") == "1.5");
  CHECK(Show("-2.5") == "-2.5");
  CHECK(Show("0.1 + 0.2") == "0.30000000000000004");
}

TEST_CASE("arithmetic errors", "[expr][operators]") {
  CHECK(ErrorDetail("9223372036854775807 + 1") ==
        "expression '9223372036854775807 + 1': integer overflow in "
        "9223372036854775807 + 1");
  CHECK(ErrorDetail("-9223372036854775807 - 2") ==
        "expression '-9223372036854775807 - 2': integer overflow in "
        "-9223372036854775807 - 2");
  CHECK(ErrorDetail("4611686018427387904 * 2") ==
        "expression '4611686018427387904 * 2': integer overflow in "
        "4611686018427387904 * 2");
  CHECK(ErrorDetail("-9223372036854775808 / -1") ==
        "expression '-9223372036854775808 / -1': integer overflow in "
        "-9223372036854775808 / -1");
  CHECK(ErrorDetail("-(-9223372036854775808)") ==
        "expression '-(-9223372036854775808)': integer overflow in "
        "-(-9223372036854775808)");
  CHECK(Show("-9223372036854775808 % -1") == "0");
  CHECK(ErrorDetail("1 / 0") == "expression '1 / 0': division by zero");
  CHECK(ErrorDetail("1 % 0") == "expression '1 % 0': modulo by zero");
  CHECK(ErrorDetail("1.5 / 0") == "expression '1.5 / 0': division by zero");
  CHECK(ErrorDetail("1 / 0.0") == "expression '1 / 0.0': division by zero");
  CHECK(ErrorDetail("2.5 % 0.0") == "expression '2.5 % 0.0': modulo by zero");
  CHECK(ErrorDetail("1e308 * 10") ==
        "expression '1e308 * 10': the result of 1e+308 * 10 is not a finite "
        "number");
}

TEST_CASE("+ concatenates two strings", "[expr][operators]") {
  CHECK(Eval(R"("ab" + "cd")") == Json("abcd"));
  CHECK(Eval(R"("" + "")") == Json(""));
  CHECK(Eval(R"("a" + "b" + "c" + "d")") == Json("abcd"));
  TestContext t;
  CHECK(Eval(R"($Input.s + "!" + $Input.s)", t.ctx) == Json("str!str"));
  CHECK(t.input.Find("s")->as_string() == "str");  // the context is untouched
}

TEST_CASE("arithmetic type errors name both types", "[expr][operators]") {
  TestContext t;
  FlowError e = EvalError("$Input.s + 1", t.ctx);
  CHECK(e.code == "FnF.ExpressionError");
  CHECK(e.detail ==
        "expression '$Input.s + 1': operator '+' needs two numbers or two "
        "strings, got string "
        "and number");
  CHECK(ErrorDetail("1 + true") ==
        "expression '1 + true': operator '+' needs two numbers or two strings, "
        "got number and "
        "boolean");
  CHECK(ErrorDetail("[1] + [2]") ==
        "expression '[1] + [2]': operator '+' needs two numbers or two "
        "strings, got array and "
        "array");
  CHECK(ErrorDetail("null + 1") ==
        "expression 'null + 1': operator '+' needs two numbers or two strings, "
        "got null and "
        "number");
  CHECK(ErrorDetail(R"("a" - "b")") ==
        "expression '\"a\" - \"b\"': operator '-' needs two numbers, got "
        "string and string");
  CHECK(ErrorDetail(R"("a" * 2)") ==
        "expression '\"a\" * 2': operator '*' needs two numbers, got string "
        "and number");
  CHECK(ErrorDetail("{} / 2") ==
        "expression '{} / 2': operator '/' needs two numbers, got object and "
        "number");
  CHECK(ErrorDetail("2 % false") ==
        "expression '2 % false': operator '%' needs two numbers, got number "
        "and boolean");
  CHECK(ErrorDetail(R"(-"a")") ==
        "expression '-\"a\"': operator '-' needs a number, got string");
  CHECK(ErrorDetail("-null") ==
        "expression '-null': operator '-' needs a number, got null");
}

TEST_CASE("== and != are deep equality without coercion", "[expr][operators]") {
  CHECK(Show("1 == 1.0") == "true");
  CHECK(Show("1 != 1.0") == "false");
  CHECK(Show(R"("1" == 1)") == "false");
  CHECK(Show(R"("1" != 1)") == "true");
  CHECK(Show("null == null") == "true");
  CHECK(Show("null == false") == "false");
  CHECK(Show("0 == false") == "false");
  CHECK(Show(R"("" == null)") == "false");
  CHECK(Show("true == true") == "true");
  CHECK(Show("[1, [2, 3]] == [1.0, [2, 3]]") == "true");
  CHECK(Show("[1, 2] == [2, 1]") == "false");
  CHECK(Show(R"({"a": 1, "b": [1]} == {"b": [1], "a": 1})") == "true");
  CHECK(Show(R"({"a": 1} == {"a": 1, "b": 2})") == "false");
  CHECK(Show(R"("é" == "\u00e9")") == "true");
  TestContext t;
  CHECK(Eval("$Input.nope == null", t.ctx) == Json(true));
  CHECK(Eval("$Input.a.b[2] == {\"c\": \"deep\"}", t.ctx) == Json(true));
  CHECK(Eval("$Input == $Context.Current.Input", t.ctx) == Json(true));
}

TEST_CASE("ordering compares two numbers or two strings", "[expr][operators]") {
  CHECK(Show("1 < 2") == "true");
  CHECK(Show("2 < 1") == "false");
  CHECK(Show("2 <= 2") == "true");
  CHECK(Show("3 > 2.5") == "true");
  CHECK(Show("2.5 >= 3") == "false");
  CHECK(Show("-1 < 0.5") == "true");
  CHECK(Show("1 <= 1.0") == "true");
  CHECK(Show("1 < 1.0") == "false");
  // Exact between int64 and double, even above 2^53.
  CHECK(Show("9007199254740993 > 9007199254740992.0") == "true");
  CHECK(Show("9223372036854775807 < 9223372036854775808.0") == "true");
  CHECK(Show("-9223372036854775808 > -1e19") == "true");
  CHECK(Show(R"("a" < "b")") == "true");
  CHECK(Show(R"("B" < "a")") ==
        "true");  // byte-wise, so upper case sorts first
  CHECK(Show(R"("abc" < "abd")") == "true");
  CHECK(Show(R"("ab" < "abc")") == "true");
  CHECK(Show(R"("" < "a")") == "true");
  CHECK(Show(R"("z" < "é")") ==
        "true");  // UTF-8 bytes above 0x7F sort after ASCII
  CHECK(Show(R"("b" >= "b")") == "true");
  CHECK(Show(R"("b" > "a")") == "true");
}

TEST_CASE("ordering other pairs is a runtime error", "[expr][operators]") {
  CHECK(ErrorDetail(R"(1 < "2")") ==
        "expression '1 < \"2\"': operator '<' needs two numbers or two "
        "strings, got number and "
        "string");
  CHECK(ErrorDetail("null >= 1") ==
        "expression 'null >= 1': operator '>=' needs two numbers or two "
        "strings, got null and "
        "number");
  CHECK(ErrorDetail("true > false") ==
        "expression 'true > false': operator '>' needs two numbers or two "
        "strings, got boolean "
        "and boolean");
  CHECK(ErrorDetail("[1] <= [2]") ==
        "expression '[1] <= [2]': operator '<=' needs two numbers or two "
        "strings, got array and "
        "array");
  TestContext t;
  CHECK(EvalError("$Input.missing > 1", t.ctx).detail ==
        "expression '$Input.missing > 1': operator '>' needs two numbers or "
        "two strings, got "
        "null and number");
}

TEST_CASE("&& || ! need booleans and short-circuit", "[expr][operators]") {
  CHECK(Show("true && true") == "true");
  CHECK(Show("true && false") == "false");
  CHECK(Show("false || true") == "true");
  CHECK(Show("false || false") == "false");
  CHECK(Show("!false") == "true");
  CHECK(Show("!!true") == "true");
  // The right side is not evaluated when the left decides.
  CHECK(Show("false && 1 / 0 == 1") == "false");
  CHECK(Show("true || 1 / 0 == 1") == "true");
  CHECK(Show("false && 1") == "false");
  TestContext t;
  CHECK(Eval("$Input.t && $Input.n > 4", t.ctx) == Json(true));
  CHECK(ErrorDetail("1 && true") ==
        "expression '1 && true': operator '&&' needs booleans, got number on "
        "the left");
  CHECK(ErrorDetail("true && \"x\"") ==
        "expression 'true && \"x\"': operator '&&' needs booleans, got string "
        "on the right");
  CHECK(ErrorDetail("null || true") ==
        "expression 'null || true': operator '||' needs booleans, got null on "
        "the left");
  CHECK(ErrorDetail("false || 0") ==
        "expression 'false || 0': operator '||' needs booleans, got number on "
        "the right");
  CHECK(ErrorDetail("!1") ==
        "expression '!1': operator '!' needs a boolean, got number");
  CHECK(ErrorDetail("!null") ==
        "expression '!null': operator '!' needs a boolean, got null");
  CHECK(ErrorDetail("false && true || 1 / 0 == 1") ==
        "expression 'false && true || 1 / 0 == 1': division by zero");
}

TEST_CASE("in: element of an array or key of an object", "[expr][operators]") {
  TestContext t;
  CHECK(Eval(R"("vip" in $Input.tags)", t.ctx) == Json(true));
  CHECK(Eval(R"("old" in $Input.tags)", t.ctx) == Json(false));
  CHECK(Eval(R"("a" in $Input)", t.ctx) == Json(true));
  CHECK(Eval(R"("nul" in $Input)", t.ctx) ==
        Json(true));  // a key whose value is null
  CHECK(Eval(R"("zzz" in $Input)", t.ctx) == Json(false));
  CHECK(Show("1 in [1.0, 2]") == "true");
  CHECK(Show("[1] in [[1], 2]") == "true");
  CHECK(Show(R"({"a": 1} in [{"a": 1}])") == "true");
  CHECK(Show("null in [null]") == "true");
  CHECK(Show("1 in []") == "false");
  CHECK(Show(R"("1" in [1])") == "false");
  CHECK(ErrorDetail(R"(1 in {"1": 1})") ==
        "expression '1 in {\"1\": 1}': operator 'in' needs a string to look up "
        "an object key, "
        "got number");
  CHECK(ErrorDetail(R"("a" in "abc")") ==
        "expression '\"a\" in \"abc\"': operator 'in' needs an array or an "
        "object on the right, "
        "got string");
  CHECK(EvalError(R"("a" in $Input.missing)", t.ctx).detail ==
        "expression '\"a\" in $Input.missing': operator 'in' needs an array or "
        "an object on the "
        "right, got null");
}

TEST_CASE("long expressions are cut in error details", "[expr][operators]") {
  std::string text = "1 / 0";
  for (int i = 0; i < 60; ++i) text += " + 1000000";
  std::string detail = ErrorDetail(text);
  CHECK(detail ==
        "expression '" + text.substr(0, 200) + "...': division by zero");
}

}  // namespace
}  // namespace fnf::internal::testing
