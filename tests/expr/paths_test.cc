// Variables and paths: member access, indexing, missing data
// (docs/behaviour.md), $Context (docs/cloudflow.md) and the legacy roots
// (docs/behaviour.md).
#include "tests/expr/expr_testing.h"

namespace fnf::internal::testing {
namespace {

TEST_CASE("member access and indexing", "[expr][paths]") {
  TestContext t;
  CHECK(Eval("$Input", t.ctx) == t.input);
  CHECK(Eval("$Input.s", t.ctx) == Json("str"));
  CHECK(Eval("$Input.a.b", t.ctx) == J(R"([10, 20, {"c": "deep"}])"));
  CHECK(Eval("$Input.a.b[0]", t.ctx) == Json(10));
  CHECK(Eval("$Input.a.b[2].c", t.ctx) == Json("deep"));
  CHECK(Eval(R"($Input["a"]["b"][1])", t.ctx) == Json(20));
  CHECK(Eval(R"($Input['a'].b[`2`] )", t.ctx) ==
        Json(nullptr));  // string key on an array
  CHECK(Eval("$Input.a.b[1 + 1].c", t.ctx) == Json("deep"));
  CHECK(Eval("$Input.a.b[$Input.n - 4]", t.ctx) == Json(20));
  CHECK(Eval(R"($Input[$Input.s + ""])", t.ctx) == Json(nullptr));
  CHECK(Eval("$Input.a.b[1.0]", t.ctx) ==
        Json(20));  // an integral double indexes too
  CHECK(Eval("$Input.tags[length($Input.tags) - 1]", t.ctx) == Json("new"));
  CHECK(Eval("$Input.nul", t.ctx) == Json(nullptr));
  CHECK(Eval("$Input.empty", t.ctx) == Json::MakeObject());
}

TEST_CASE("member names may be keywords or non-ASCII", "[expr][paths]") {
  TestContext t;
  t.input = J(R"({"in": 1, "true": 2, "null": 3, "名前": "太郎", "_x9": 4})");
  CHECK(Eval("$Input.in", t.ctx) == Json(1));
  CHECK(Eval("$Input.true", t.ctx) == Json(2));
  CHECK(Eval("$Input.null", t.ctx) == Json(3));
  CHECK(Eval("$Input.名前", t.ctx) == Json("太郎"));
  CHECK(Eval("$Input._x9", t.ctx) == Json(4));
}

TEST_CASE("what does not resolve is null", "[expr][paths]") {
  TestContext t;
  CHECK(Eval("$Input.nope", t.ctx).is_null());
  CHECK(Eval("$Input.nope.deeper.still", t.ctx).is_null());
  CHECK(Eval("$Input.a.b[3]", t.ctx).is_null());   // out of range
  CHECK(Eval("$Input.a.b[-1]", t.ctx).is_null());  // negative
  CHECK(Eval("$Input.n.x", t.ctx).is_null());      // member of a number
  CHECK(Eval("$Input.s[0]", t.ctx).is_null());     // strings are not indexable
  CHECK(Eval("$Input.a[0]", t.ctx).is_null());     // index of an object
  CHECK(Eval("$Input.a.b.c", t.ctx).is_null());    // member of an array
  CHECK(Eval("$Input.nul.x", t.ctx).is_null());
  CHECK(Eval("[1, 2][5]", t.ctx).is_null());
  CHECK(Eval(R"({"a": 1}.b)", t.ctx).is_null());
  EvalContext empty;  // no variables bound at all
  CHECK(Eval("$Input.a", empty).is_null());
  CHECK(Eval("$Global", empty).is_null());
  CHECK(Eval("$Output.Body", empty).is_null());
}

TEST_CASE("index keys must be strings or integers", "[expr][paths]") {
  TestContext t;
  CHECK(EvalError("$Input.a.b[$Input.t]", t.ctx).detail ==
        "expression '$Input.a.b[$Input.t]': an index must be a string or an "
        "integer, got "
        "boolean");
  CHECK(EvalError("$Input.a.b[$Input.f]", t.ctx).detail ==
        "expression '$Input.a.b[$Input.f]': an array index must be an integer, "
        "got 2.5");
  // Errors of index expressions do not depend on whether the path resolved.
  CHECK(EvalError("$Input.nope[$Input.t]", t.ctx).detail ==
        "expression '$Input.nope[$Input.t]': an index must be a string or an "
        "integer, got "
        "boolean");
  ExprCompileError e = CompileError("$Input[true]");
  CHECK(e.offset == 7);
  CHECK(e.message == "an index must be a string or an integer, got boolean");
  CHECK(CompileError("$Input[null]").message ==
        "an index must be a string or an integer, got null");
  CHECK(CompileError("$Input.1").message ==
        "expected a member name after '.' but found '1' (use [\"key\"] or "
        "[index] instead)");
  CHECK(CompileError("$Input.").message ==
        "expected a member name after '.' but found the end of the expression "
        "(use [\"key\"] "
        "or [index] instead)");
  CHECK(CompileError("$Input[0").message ==
        "expected ']' but found the end of the expression");
}

TEST_CASE("paths into computed values", "[expr][paths]") {
  CHECK(Eval(R"(stringToJson('{"a": {"b": [1, 2]}}').a.b[1])") == Json(2));
  CHECK(Eval(R"({"a": [1, {"b": "x"}]}.a[1].b)") == Json("x"));
  CHECK(Eval("[[1, 2], [3, 4]][1][0]") == Json(3));
  CHECK(Eval("(toArray(1, 2, 3))[2]") == Json(3));
}

TEST_CASE("every new-spec variable", "[expr][paths]") {
  TestContext t;
  CHECK(Eval("$Output.Body.id", t.ctx) == Json(7));
  CHECK(Eval("$Global.counter", t.ctx) == Json(3));
  CHECK(Eval("$Item.sku", t.ctx) == Json("X1"));
}

TEST_CASE("$Context fields", "[expr][paths][context]") {
  TestContext t;
  CHECK(Eval("$Context.Execution.Name", t.ctx) == Json("exec-1"));
  CHECK(Eval("$Context.Execution.Input", t.ctx) == t.execution_input);
  CHECK(Eval("$Context.Execution.Input.original", t.ctx) == Json(true));
  CHECK(Eval("$Context.Execution.RoleArn", t.ctx) ==
        Json("acs:ram::123:role/fnf"));
  CHECK(Eval("$Context.Current.Name", t.ctx) == Json("StateA"));
  CHECK(Eval("$Context.Current.Input", t.ctx) == t.input);
  CHECK(Eval("$Context.Current.Input.a.b[1]", t.ctx) == Json(20));
  CHECK(Eval("$Context.Current.Output.Body", t.ctx) == J(R"({"id": 7})"));
  CHECK(Eval("$Context.Current.Error.Code", t.ctx) == Json("MyError"));
  CHECK(Eval("$Context.Current.Error.Detail", t.ctx) == Json("it broke"));
  CHECK(Eval("$Context.Current.RetryCount", t.ctx) == Json(2));
  CHECK(Eval("$Context.Current.TaskToken", t.ctx) == Json("tok-123"));
  CHECK(Eval("$Context.Flow.Name", t.ctx) == Json("my-flow"));
  CHECK(Eval(R"($Context["Execution"]["Name"])", t.ctx) == Json("exec-1"));
  CHECK(Eval("$Context.Current.Name.more", t.ctx).is_null());  // past a scalar
}

TEST_CASE("$Context objects are built when used whole",
          "[expr][paths][context]") {
  TestContext t;
  CHECK(Eval("$Context.Current.Error", t.ctx) ==
        J(R"({"Code": "MyError", "Detail": "it broke"})"));
  CHECK(
      Eval("$Context.Execution", t.ctx).Serialize() ==
      R"({"Name":"exec-1","Input":{"original":true},"RoleArn":"acs:ram::123:role/fnf"})");
  CHECK(Eval("$Context.Flow", t.ctx).Serialize() == R"({"Name":"my-flow"})");
  Json current = Eval("$Context.Current", t.ctx);
  CHECK(
      current.Serialize() ==
      J(R"({"Name": "StateA", "Input": )" + t.input.Serialize() +
        R"(, "Output": {"Body": {"id": 7}}, "Error": {"Code": "MyError", "Detail": "it broke"},
             "RetryCount": 2, "TaskToken": "tok-123"})")
          .Serialize());
  Json context = Eval("$Context", t.ctx);
  REQUIRE(context.is_object());
  std::vector<std::string> keys;
  for (const auto& m : context.as_object()) keys.push_back(m.first);
  CHECK(keys == std::vector<std::string>{"Execution", "Current", "Flow"});
  CHECK(*context.Find("Current") == current);
  // Dynamic keys go through the built object.
  CHECK(Eval(R"($Context[$Input.s + "x"])", t.ctx).is_null());
  CHECK(Eval(R"($Context["Fl" + "ow"])", t.ctx) == J(R"({"Name": "my-flow"})"));
}

TEST_CASE("$Context without an error or other data", "[expr][paths][context]") {
  EvalContext empty;
  CHECK(Eval("$Context.Current.Error", empty).is_null());
  CHECK(Eval("$Context.Current.Error.Code", empty).is_null());
  CHECK(Eval("$Context.Current.Error.Detail", empty).is_null());
  CHECK(Eval("$Context.Execution.Name", empty) == Json(""));
  CHECK(Eval("$Context.Current.TaskToken", empty) == Json(""));
  CHECK(Eval("$Context.Current.RetryCount", empty) == Json(0));
  CHECK(
      Eval("$Context", empty).Serialize() ==
      R"({"Execution":{"Name":"","Input":null,"RoleArn":""},)"
      R"("Current":{"Name":"","Input":null,"Output":null,"Error":null,"RetryCount":0,)"
      R"("TaskToken":""},"Flow":{"Name":""}})");
}

TEST_CASE("unknown $Context fields are compile errors",
          "[expr][paths][context]") {
  ExprCompileError e = CompileError("$Context.Execution.Nmae");
  CHECK(e.offset == 19);
  CHECK(e.message ==
        "$Context.Execution has no field 'Nmae' (it has Name, Input, RoleArn)");
  CHECK(CompileError("$Context.Foo").message ==
        "$Context has no field 'Foo' (it has Execution, Current, Flow)");
  CHECK(CompileError("$Context.Current.Error.Message").message ==
        "$Context.Current.Error has no field 'Message' (it has Code, Detail)");
  CHECK(CompileError(R"($Context["Current"]["retryCount"])").message ==
        "$Context.Current has no field 'retryCount' (it has Name, Input, "
        "Output, Error, "
        "RetryCount, TaskToken)");
  // Inside data documents any name goes.
  CHECK(Compiles("$Context.Execution.Input.Anything.at.all"));
}

TEST_CASE("variables must be allowed where the expression stands",
          "[expr][paths][roots]") {
  ExprCompileError e = CompileError("$Input.a + $Output.b", kRootsDefault);
  CHECK(e.offset == 11);
  CHECK(e.message ==
        "$Output is only available in OutputConstructor and GlobalConstructor");
  CHECK(CompileError("$Context.Current.Output", kRootsDefault).message ==
        "$Context.Current.Output is only available in OutputConstructor and "
        "GlobalConstructor");
  CHECK(Compiles("$Context.Current.Output", kRootsDefault | kRootOutput));
  CHECK(CompileError("$Item", kRootsDefault).message ==
        "$Item is only available in a Map state's ItemConstructor");
  CHECK(CompileError("$Input", kRootContext).message ==
        "$Input is not available here");
  CHECK(CompileError("$Global", kRootInput).message ==
        "$Global is not available here");
  CHECK(CompileError("$Context", kRootInput).message ==
        "$Context is not available here");
  CHECK(Compiles("$Input.a && $Context.Current.Name == \"x\" && $Global.g",
                 kRootsDefault));
}

TEST_CASE("unknown variables", "[expr][paths][roots]") {
  ExprCompileError e = CompileError("1 + $input.a");
  CHECK(e.offset == 4);
  CHECK(e.message ==
        "$input belongs to legacy (type: flow) definitions; use $Input");
  CHECK(
      CompileError("$.a").message ==
      "'$' paths ($.key) belong to legacy (type: flow) conditions; use $Input");
  CHECK(CompileError("$local").message ==
        "$local belongs to legacy (type: flow) definitions");
  CHECK(CompileError("$context.step.name").message ==
        "$context belongs to legacy (type: flow) definitions; use $Context");
  CHECK(CompileError("$Inptu").message ==
        "unknown variable '$Inptu' (did you mean 'Input'?)");
  CHECK(CompileError("$INPUT").message ==
        "unknown variable '$INPUT' (did you mean 'Input'?)");
  CHECK(CompileError("$Zebra").message == "unknown variable '$Zebra'");
}

TEST_CASE("legacy roots", "[expr][paths][legacy]") {
  TestContext t;
  CHECK(Eval("$.s", t.ctx, kRootLegacy) == Json("str"));
  CHECK(Eval("$", t.ctx, kRootLegacy) == t.input);
  CHECK(Eval("$[\"n\"]", t.ctx, kRootLegacy) == Json(5));
  CHECK(Eval("$.a.b[2].c", t.ctx, kRootLegacy) == Json("deep"));
  CHECK(Eval("$input.n", t.ctx, kRootLegacy) == Json(5));
  CHECK(Eval("$local.step1", t.ctx, kRootLegacy) == Json("done"));
  CHECK(Eval("$context.execution.name", t.ctx, kRootLegacy) == Json("exec-1"));
  CHECK(Eval("$context.flow.name", t.ctx, kRootLegacy) == Json("my-flow"));
  CHECK(Eval("$context.step.name", t.ctx, kRootLegacy) == Json("StateA"));
  CHECK(Eval("$context.task.token", t.ctx, kRootLegacy) == Json("tok-123"));
  CHECK(
      Eval("$context", t.ctx, kRootLegacy).Serialize() ==
      R"({"execution":{"name":"exec-1"},"flow":{"name":"my-flow"},"step":{"name":"StateA"},)"
      R"("task":{"token":"tok-123"}})");
  CHECK(Eval("$.status == \"ready\" && $.n >= $local.missing || true", t.ctx,
             kRootLegacy) == Json(true));
  CHECK(Eval("$.nope.x", t.ctx, kRootLegacy).is_null());
  CHECK(CompileError("$context.execution.id", kRootLegacy).message ==
        "$context.execution has no field 'id' (it has name)");
  CHECK(CompileError("$Input.a", kRootLegacy).message ==
        "$Input is not available in legacy (type: flow) conditions; use $.key, "
        "$input, $local "
        "or $context");
}

TEST_CASE("legacy conditions raise the same errors", "[expr][paths][legacy]") {
  TestContext t;
  CHECK(EvalError("$.s > 1", t.ctx, kRootLegacy).detail ==
        "expression '$.s > 1': operator '>' needs two numbers or two strings, "
        "got string and "
        "number");
}

}  // namespace
}  // namespace fnf::internal::testing
