// Constructors and Parameters: ".$" keys at any depth, maps inside lists,
// literals, key order, and the diagnostics of malformed specs (cloudflow-v1.md
// §4.5).
#include "expr/constructor.h"

#include "common/diagnostics.h"
#include "tests/expr/expr_testing.h"

namespace fnf::internal::testing {
namespace {

struct Compiled {
  Constructor constructor;
  std::vector<Diagnostic> diagnostics;
};

Compiled CompileSpec(const Json& spec, const SourceMap* sources = nullptr,
                     uint32_t roots = kAllNewRoots) {
  Diagnostics diags(sources);
  Compiled c;
  c.constructor = Constructor::Compile(spec, "States[0].OutputConstructor",
                                       roots, 10, &diags);
  c.diagnostics = diags.Take();
  return c;
}

Json Build(const Json& spec, const EvalContext& ctx) {
  Compiled c = CompileSpec(spec);
  for (const Diagnostic& d : c.diagnostics) FAIL(d.ToString());
  REQUIRE_FALSE(c.constructor.empty());
  auto r = c.constructor.Evaluate(ctx);
  if (auto* e = std::get_if<FlowError>(&r)) FAIL(e->code << ": " << e->detail);
  return std::get<Json>(std::move(r));
}

TEST_CASE("expressions under .$ keys, literals elsewhere",
          "[expr][constructor]") {
  TestContext t;
  Json out = Build(J(R"j({
      "name.$": "$Input.s",
      "count.$": "length($Input.tags)",
      "plain": "$Input.s",
      "call": "length($Input.tags)",
      "number": 12,
      "flag": false,
      "nothing": null,
      "missing.$": "$Input.nope"
  })j"),
                   t.ctx);
  CHECK(
      out.Serialize() ==
      R"j({"name":"str","count":2,"plain":"$Input.s","call":"length($Input.tags)",)j"
      R"j("number":12,"flag":false,"nothing":null,"missing":null})j");
}

TEST_CASE("key order is the spec's, suffix stripped", "[expr][constructor]") {
  TestContext t;
  Json out = Build(
      J(R"j({"z.$": "1", "a": 2, "m.$": "$Input.n", "b": {"y.$": "3", "x": 4}})j"),
      t.ctx);
  CHECK(out.Serialize() == R"j({"z":1,"a":2,"m":5,"b":{"y":3,"x":4}})j");
}

TEST_CASE(".$ keys at any depth, and in maps inside lists",
          "[expr][constructor]") {
  TestContext t;
  Json out = Build(J(R"j({
      "body": {"videoUrl.$": "$Input.s", "opts": {"deep.$": "$Input.a.b[2].c", "k": 1}},
      "list": [1, {"id.$": "$Input.n", "tag": "x"}, [{"inner.$": "$Global.counter"}], "$Input.s"],
      "empty": {},
      "emptyList": []
  })j"),
                   t.ctx);
  CHECK(
      out.Serialize() ==
      R"j({"body":{"videoUrl":"str","opts":{"deep":"deep","k":1}},)j"
      R"j("list":[1,{"id":5,"tag":"x"},[{"inner":3}],"$Input.s"],"empty":{},"emptyList":[]})j");
}

TEST_CASE("values of expressions can be any JSON type", "[expr][constructor]") {
  TestContext t;
  Json out = Build(
      J(R"j({"obj.$": "stringToJson('{\"a\": 1}')", "arr.$": "$Input.tags",
                         "whole.$": "$Input.a", "ctx.$": "$Context.Current.Name"})j"),
      t.ctx);
  CHECK(
      out.Serialize() ==
      R"j({"obj":{"a":1},"arr":["vip","new"],"whole":{"b":[10,20,{"c":"deep"}]},)j"
      R"j("ctx":"StateA"})j");
}

TEST_CASE("a constructor evaluates afresh each time", "[expr][constructor]") {
  Compiled c =
      CompileSpec(J(R"j({"n.$": "$Input.n", "fixed": {"k": [1, 2]}})j"));
  REQUIRE(c.diagnostics.empty());
  TestContext t;
  auto first = c.constructor.Evaluate(t.ctx);
  t.input = J(R"j({"n": 6})j");
  auto second = c.constructor.Evaluate(t.ctx);
  CHECK(std::get<Json>(first).Serialize() ==
        R"j({"n":5,"fixed":{"k":[1,2]}})j");
  CHECK(std::get<Json>(second).Serialize() ==
        R"j({"n":6,"fixed":{"k":[1,2]}})j");
}

TEST_CASE("the first expression error fails the constructor",
          "[expr][constructor]") {
  Compiled c = CompileSpec(J(
      R"j({"ok.$": "$Input.n", "bad.$": "$Input.s + 1", "worse.$": "1/0"})j"));
  REQUIRE(c.diagnostics.empty());
  TestContext t;
  auto r = c.constructor.Evaluate(t.ctx);
  REQUIRE(std::holds_alternative<FlowError>(r));
  CHECK(std::get<FlowError>(r).code == "FnF.ExpressionError");
  CHECK(std::get<FlowError>(r).detail ==
        "expression '$Input.s + 1': operator '+' needs two numbers or two "
        "strings, got string "
        "and number");
}

TEST_CASE("empty constructors build an empty map", "[expr][constructor]") {
  Constructor none;
  CHECK(none.empty());
  EvalContext ctx;
  CHECK(std::get<Json>(none.Evaluate(ctx)) == Json::MakeObject());
  Compiled c = CompileSpec(Json::MakeObject());
  CHECK(c.diagnostics.empty());
  CHECK_FALSE(c.constructor.empty());
  CHECK(std::get<Json>(c.constructor.Evaluate(ctx)) == Json::MakeObject());
}

TEST_CASE("a constructor that is not a map", "[expr][constructor]") {
  for (const char* text : {"[1]", "\"x\"", "3", "null"}) {
    Json spec = J(text);
    Compiled c = CompileSpec(spec);
    CHECK(c.constructor.empty());
    REQUIRE(c.diagnostics.size() == 1);
    CHECK(c.diagnostics[0].path == "States[0].OutputConstructor");
    CHECK(c.diagnostics[0].message ==
          "must be a map, got " + std::string(spec.type_name()));
  }
}

TEST_CASE("a .$ value that is not a string", "[expr][constructor]") {
  Compiled c =
      CompileSpec(J(R"j({"a": {"b.$": 5}, "c.$": ["$Input"], "d.$": null})j"));
  CHECK(c.constructor.empty());
  REQUIRE(c.diagnostics.size() == 3);
  CHECK(c.diagnostics[0].path == "States[0].OutputConstructor.a.b.$");
  CHECK(
      c.diagnostics[0].message ==
      "the value of 'b.$' must be a string holding an expression, got number");
  CHECK(c.diagnostics[1].path == "States[0].OutputConstructor.c.$");
  CHECK(c.diagnostics[1].message ==
        "the value of 'c.$' must be a string holding an expression, got array");
  CHECK(c.diagnostics[2].message ==
        "the value of 'd.$' must be a string holding an expression, got null");
}

TEST_CASE("a key both plain and with .$", "[expr][constructor]") {
  Compiled c = CompileSpec(J(
      R"j({"x": {"k": 1, "k.$": "$Input.n"}, "list": [{"j.$": "1", "j": 2}]})j"));
  CHECK(c.constructor.empty());
  REQUIRE(c.diagnostics.size() == 2);
  CHECK(c.diagnostics[0].path == "States[0].OutputConstructor.x.k.$");
  CHECK(c.diagnostics[0].message ==
        "both 'k' and 'k.$' are given; keep one (a plain value or an "
        "expression)");
  CHECK(c.diagnostics[1].path == "States[0].OutputConstructor.list[0].j.$");
}

TEST_CASE("expression compile errors are located", "[expr][constructor]") {
  Json spec = J(
      R"j({"good.$": "$Input.a", "bad.$": "lenght($Input.a)", "n": {"m.$": "$Output.x +"}})j");
  SourceMap sources;
  const Json* bad = spec.Find("bad.$");
  const Json* m = spec.Find("n")->Find("m.$");
  sources.Set(bad, Position{4, 10});
  sources.Set(m, Position{6, 12});
  Compiled c = CompileSpec(spec, &sources, kRootsDefault);
  CHECK(c.constructor.empty());
  REQUIRE(c.diagnostics.size() == 2);
  CHECK(c.diagnostics[0].path == "States[0].OutputConstructor.bad.$");
  CHECK(c.diagnostics[0].line == 4);
  CHECK(c.diagnostics[0].column == 10);  // offset 0
  CHECK(c.diagnostics[0].message ==
        "unknown function 'lenght' (did you mean 'length'?) at offset 0 in "
        "'lenght($Input.a)'");
  CHECK(c.diagnostics[1].path == "States[0].OutputConstructor.n.m.$");
  CHECK(c.diagnostics[1].line == 6);
  CHECK(c.diagnostics[1].column == 12);
  CHECK(c.diagnostics[1].message ==
        "$Output is only available in OutputConstructor and GlobalConstructor "
        "at offset 0 in "
        "'$Output.x +'");
}

TEST_CASE("the column moves by the error offset on one-line expressions",
          "[expr][constructor]") {
  Json spec = J(R"j({"a.$": "$Input.a + * 2", "b.$": "$Input.a +\n * 2"})j");
  SourceMap sources;
  sources.Set(spec.Find("a.$"), Position{3, 8});
  sources.Set(spec.Find("b.$"), Position{4, 8});
  Compiled c = CompileSpec(spec, &sources);
  REQUIRE(c.diagnostics.size() == 2);
  CHECK(c.diagnostics[0].column == 8 + 11);
  CHECK(c.diagnostics[0].message ==
        "unexpected '*' at offset 11 in '$Input.a + * 2'");
  CHECK(c.diagnostics[1].column == 8);  // multi-line: the node's own position
}

TEST_CASE("bad constant regular expressions are definition errors",
          "[expr][constructor]") {
  Compiled c =
      CompileSpec(J(R"j({"m.$": "regexMatchString('a(b', $Input.s)"})j"));
  REQUIRE(c.diagnostics.size() == 1);
  CHECK(c.diagnostics[0].message ==
        "regexMatchString: invalid regular expression 'a(b': missing ): a(b at "
        "offset 17 in "
        "'regexMatchString('a(b', $Input.s)'");
}

TEST_CASE("all problems are reported, not only the first",
          "[expr][constructor]") {
  Compiled c = CompileSpec(J(
      R"j({"a.$": 1, "b.$": "(", "c": [{"d.$": "nope()"}], "e.$": "$Input"})j"));
  CHECK(c.diagnostics.size() == 3);
}

TEST_CASE("literal subtrees are not aliased between evaluations",
          "[expr][constructor]") {
  Compiled c = CompileSpec(J(R"j({"lit": {"k": [1]}, "v.$": "$Input.n"})j"));
  TestContext t;
  Json first = std::get<Json>(c.constructor.Evaluate(t.ctx));
  first.Find("lit")->Find("k")->as_array().emplace_back(int64_t{2});
  Json second = std::get<Json>(c.constructor.Evaluate(t.ctx));
  CHECK(second.Serialize() == R"j({"lit":{"k":[1]},"v":5})j");
}

}  // namespace
}  // namespace fnf::internal::testing
