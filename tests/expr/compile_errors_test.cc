// Compile errors: each with its 0-based offset in the expression and a message
// that says what to fix.
#include "tests/expr/expr_testing.h"

namespace fnf::internal::testing {
namespace {

void CheckError(std::string_view text, size_t offset,
                std::string_view message) {
  INFO("expression: " << text);
  ExprCompileError e = CompileError(text);
  CHECK(e.message == message);
  CHECK(e.offset == offset);
}

TEST_CASE("syntax errors", "[expr][compile]") {
  CheckError("", 0, "empty expression");
  CheckError("   ", 0, "empty expression");
  CheckError("$Input.a +", 10, "unexpected end of the expression");
  CheckError("$Input.a + * 2", 11, "unexpected '*'");
  CheckError("$Input.a $Input.b", 9,
             "unexpected '$Input' after a complete expression");
  CheckError("(1 + 2", 6, "expected ')' but found the end of the expression");
  CheckError("1 + 2)", 5, "unexpected ')' after a complete expression");
  CheckError("$Input.a = 1", 9, "unexpected '='; use '==' to compare");
  CheckError("true & false", 5, "unexpected '&'; use '&&' for a logical and");
  CheckError("true | false", 5, "unexpected '|'; use '||' for a logical or");
  CheckError("1 # 2", 2, "unexpected character '#'");
  CheckError("name", 0,
             "unknown name 'name': variables start with '$' (as in $Input), "
             "strings need quotes, "
             "functions need parentheses");
  CheckError("1 in", 4, "unexpected end of the expression");
  CheckError("in [1]", 0, "unexpected 'in'");
  CheckError("format(\"a\" \"b\")", 11,
             "expected ',' or ')' but found '\"b\"'");
  CheckError("format(\"a\",)", 11, "unexpected ')'");
  CheckError(",", 0, "unexpected ','");
}

TEST_CASE("unknown functions", "[expr][compile]") {
  CheckError("lenght($Input.a)", 0,
             "unknown function 'lenght' (did you mean 'length'?)");
  CheckError("1 + Length(\"x\")", 4,
             "unknown function 'Length' (did you mean 'length'?)");
  CheckError("toJson(1)", 0,
             "unknown function 'toJson' (did you mean 'toJSON'?)");
  CheckError("States.Format('{}', 1)", 0,
             "unknown name 'States': variables start with '$' (as in $Input), "
             "strings need "
             "quotes, functions need parentheses");
  CheckError("frobnicate()", 0, "unknown function 'frobnicate'");
}

TEST_CASE("fixed arity is checked at compile time", "[expr][compile]") {
  CheckError("length()", 0, "function 'length' takes 1 argument, got 0");
  CheckError("length(1, 2)", 0, "function 'length' takes 1 argument, got 2");
  CheckError("  hash(\"a\")", 2, "function 'hash' takes 2 arguments, got 1");
  CheckError("uuid(1)", 0, "function 'uuid' takes no arguments, got 1");
  CheckError("format()", 0,
             "function 'format' takes at least 1 argument, got 0");
  CheckError("fromJSON()", 0, "function 'fromJSON' takes 1 argument, got 0");
  CHECK(Compiles("toArray()"));
  CHECK(Compiles("format('{}{}{}{}{}', 1, 2, 3, 4, 5)"));
}

TEST_CASE("function calls nest up to the limit", "[expr][compile]") {
  std::string ten = "1";
  for (int i = 0; i < 10; ++i) ten = "toArray(" + ten + ")";
  CHECK(Compiles(ten));
  CHECK(Eval(ten).Serialize() == "[[[[[[[[[[1]]]]]]]]]]");
  std::string eleven = "toArray(" + ten + ")";
  ExprCompileError e = CompileError(eleven);
  CHECK(e.offset == 80);  // the eleventh call
  CHECK(e.message == "function calls are nested more than 10 levels deep");
  CHECK(CompileError("length(toArray(1))", kAllNewRoots, 1).message ==
        "function calls are nested more than 1 levels deep");
  CHECK(Compiles("length(toArray(1))", kAllNewRoots, 2));
  // Siblings do not add up.
  CHECK(
      Compiles("toArray(toArray(1), toArray(2), toArray(3))", kAllNewRoots, 2));
}

TEST_CASE("deep nesting is bounded", "[expr][compile]") {
  std::string parens(90, '(');
  parens += "1" + std::string(90, ')');
  CHECK(Eval(parens) == Json(1));
  std::string too_deep(1000, '(');
  too_deep += "1" + std::string(1000, ')');
  CHECK(CompileError(too_deep).message ==
        "expression is nested too deeply (more than 100 levels)");
  std::string nots(5000, '!');
  CHECK(CompileError(nots + "true").message ==
        "expression is nested too deeply (more than 100 levels)");
  std::string sum = "$Input.n";
  for (int i = 0; i < 1000; ++i) sum += " + 1";
  CHECK(CompileError(sum).message ==
        "expression is nested too deeply (more than 100 levels)");
  std::string arrays(1000, '[');
  CHECK(CompileError(arrays + std::string(1000, ']')).message ==
        "expression is nested too deeply (more than 100 levels)");
}

TEST_CASE("constant sub-expressions are computed at compile time",
          "[expr][compile]") {
  auto compiled =
      Expression::Compile(R"(format("{}-{}", 1 + 2, length([1, 2])))", 0);
  REQUIRE(std::holds_alternative<Expression>(compiled));
  const Expression& e = std::get<Expression>(compiled);
  REQUIRE(e.constant() != nullptr);
  CHECK(*e.constant() == Json("3-2"));
  // A constant that fails stays a runtime error (docs/behaviour.md).
  auto failing = Expression::Compile("1 / 0", 0);
  REQUIRE(std::holds_alternative<Expression>(failing));
  CHECK(std::get<Expression>(failing).constant() == nullptr);
  // Impure functions are never folded.
  auto random = Expression::Compile("uuid()", 0);
  REQUIRE(std::holds_alternative<Expression>(random));
  CHECK(std::get<Expression>(random).constant() == nullptr);
}

TEST_CASE("Expression basics", "[expr][compile]") {
  Expression none;
  CHECK_FALSE(none.valid());
  CHECK(none.text().empty());
  EvalContext ctx;
  auto r = none.Evaluate(ctx);
  REQUIRE(std::holds_alternative<FlowError>(r));
  CHECK(std::get<FlowError>(r).code == "FnF.ExpressionError");
  auto compiled = Expression::Compile(" $Input.a ", kRootInput);
  REQUIRE(std::holds_alternative<Expression>(compiled));
  Expression e = std::get<Expression>(compiled);
  CHECK(e.valid());
  CHECK(e.text() == " $Input.a ");
  Expression copy = e;  // shares the tree
  CHECK(copy.text() == e.text());
}

TEST_CASE("EvaluateCondition needs a boolean", "[expr][compile]") {
  TestContext t;
  auto compiled = Expression::Compile("$Input.n > 3", kRootInput);
  REQUIRE(std::holds_alternative<Expression>(compiled));
  auto r = std::get<Expression>(compiled).EvaluateCondition(t.ctx);
  REQUIRE(std::holds_alternative<bool>(r));
  CHECK(std::get<bool>(r));
  compiled = Expression::Compile("$.n", kRootLegacy);
  REQUIRE(std::holds_alternative<Expression>(compiled));
  r = std::get<Expression>(compiled).EvaluateCondition(t.ctx);
  REQUIRE(std::holds_alternative<FlowError>(r));
  CHECK(std::get<FlowError>(r).code == "FnF.ExpressionError");
  CHECK(std::get<FlowError>(r).detail ==
        "expression '$.n': a condition must be a boolean, got number");
  compiled = Expression::Compile("$.nope", kRootLegacy);
  r = std::get<Expression>(compiled).EvaluateCondition(t.ctx);
  CHECK(std::get<FlowError>(r).detail ==
        "expression '$.nope': a condition must be a boolean, got null");
}

}  // namespace
}  // namespace fnf::internal::testing
