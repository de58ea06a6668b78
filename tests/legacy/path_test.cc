// Legacy paths: which texts are paths, their syntax and errors, and what they
// yield (docs/legacy-fdl.md, docs/behaviour.md).
#include "definition/legacy/path.h"

#include "interp/legacy/path_eval.h"
#include "tests/legacy/legacy_testing.h"

namespace fnf::internal::legacy {
namespace {

using legacy_testing::J;

constexpr uint32_t kMappingRoots = kPathInput | kPathLocal | kPathContext;
constexpr uint32_t kParamRoots = kPathDollar | kPathInput | kPathContext;

Path Compiled(std::string_view text, uint32_t roots = kMappingRoots) {
  auto r = CompilePath(text, roots);
  if (auto* e = std::get_if<PathError>(&r)) {
    FAIL("'" << text << "': " << e->message << " at " << e->offset);
  }
  return std::get<Path>(std::move(r));
}

std::string ErrorOf(std::string_view text, uint32_t roots = kMappingRoots) {
  auto r = CompilePath(text, roots);
  const PathError* e = std::get_if<PathError>(&r);
  REQUIRE(e != nullptr);
  return std::to_string(e->offset) + ": " + e->message;
}

struct Data {
  Json input = J(R"({"a": {"b": [10, 20, {"c": "deep"}]}, "s": "str",
                     "key_info": ["k0", "k1"], "n": null,
                     "odd key": 1, "dot.key": 2})");
  Json local = J(R"([{"name": "x", "parts": [1, 2]},
                     {"name": "y", "parts": [3]},
                     {"parts": []}])");
  ContextValues context{"exec-1", "my-flow", "step-1", "tok-9"};
  PathRoots roots{&input, &local, &context};
};

std::string Eval(std::string_view text, uint32_t roots = kMappingRoots) {
  Data d;
  return EvaluatePath(Compiled(text, roots), d.roots).Serialize();
}

TEST_CASE("which texts are paths", "[legacy][path]") {
  CHECK(IsPathText("$input", kMappingRoots));
  CHECK(IsPathText("$input.a", kMappingRoots));
  CHECK(IsPathText("$local[*].name", kMappingRoots));
  CHECK(IsPathText("$context.task.token", kMappingRoots));
  // Mapping sources: anything not starting with a root is a literal.
  CHECK_FALSE(IsPathText("$.a", kMappingRoots));
  CHECK_FALSE(IsPathText("$", kMappingRoots));
  CHECK_FALSE(IsPathText("$Input.a", kMappingRoots));
  CHECK_FALSE(IsPathText("pass1", kMappingRoots));
  CHECK_FALSE(IsPathText("", kMappingRoots));
  CHECK_FALSE(IsPathText("a$input", kMappingRoots));
  // A root not accepted in the place is still a path, so it is reported.
  CHECK(IsPathText("$local.x", kPathInput | kPathContext));
  // Where `$` is a root, every text starting with `$` is a path.
  CHECK(IsPathText("$", kParamRoots));
  CHECK(IsPathText("$.a", kParamRoots));
  CHECK(IsPathText("$foo", kParamRoots));
}

TEST_CASE("path syntax", "[legacy][path]") {
  Path p = Compiled(R"($input.a.b[2]["c"]['d'][-1].*[*])");
  CHECK(p.root == PathRoot::kInput);
  CHECK(p.has_wildcard);
  CHECK(p.text == R"($input.a.b[2]["c"]['d'][-1].*[*])");
  REQUIRE(p.segments.size() == 8);
  using K = PathSegment::Kind;
  CHECK((p.segments[0].kind == K::kKey && p.segments[0].key == "a"));
  CHECK((p.segments[1].kind == K::kKey && p.segments[1].key == "b"));
  CHECK((p.segments[2].kind == K::kIndex && p.segments[2].index == 2));
  CHECK((p.segments[3].kind == K::kKey && p.segments[3].key == "c"));
  CHECK((p.segments[4].kind == K::kKey && p.segments[4].key == "d"));
  CHECK((p.segments[5].kind == K::kIndex && p.segments[5].index == -1));
  CHECK(p.segments[6].kind == K::kWildcard);
  CHECK(p.segments[7].kind == K::kWildcard);
  CHECK(Compiled("$local").root == PathRoot::kLocal);
  CHECK(Compiled("$local").segments.empty());
  CHECK_FALSE(Compiled("$local").has_wildcard);
  CHECK(Compiled("$context.task.token").root == PathRoot::kContext);
  CHECK(Compiled("$", kParamRoots).root == PathRoot::kInput);
  CHECK(Compiled("$.x-y_z", kParamRoots).segments[0].key == "x-y_z");
  CHECK(Compiled(R"($input["a\"b"])").segments[0].key == "a\"b");
  CHECK(Compiled("$input.名前").segments[0].key == "名前");
}

TEST_CASE("path syntax errors", "[legacy][path]") {
  CHECK(ErrorOf("$inputs.a") ==
        "0: unknown root '$inputs' (expected $input, $local, $context)");
  CHECK(ErrorOf("$input.") == "7: expected a key after '.'");
  CHECK(ErrorOf("$input..a") == "7: expected a key after '.'");
  CHECK(ErrorOf("$input.a b") ==
        "8: unexpected ' ' in a key; write [\"key\"] for keys with spaces or "
        "brackets");
  CHECK(ErrorOf("$input[") == "6: unclosed '['");
  CHECK(ErrorOf("$input[x]") ==
        "7: expected an index, '*' or a quoted key after '['");
  CHECK(ErrorOf("$input[1") == "8: expected ']'");
  CHECK(ErrorOf("$input[*") == "8: expected ']'");
  CHECK(ErrorOf("$input[\"a]") == "7: unclosed quoted key");
  CHECK(ErrorOf("$input[99999999999]") == "7: index is too large");
  CHECK(ErrorOf("$input a") == "6: expected '.' or '[' at ' a'");
  CHECK(ErrorOf("$local.x", kPathInput | kPathContext) ==
        "0: $local is not available here; use $input, $context");
  CHECK(ErrorOf("$.x", kMappingRoots) ==
        "0: '$' is not a root here; use $input, $local, $context");
  CHECK(ErrorOf("$input", kPathDollar) ==
        "0: $input is not available here; use $");
  CHECK(ErrorOf("$context", kPathDollar | kPathInput) ==
        "0: $context is not available here; use $, $input");
}

TEST_CASE(
    "$context paths must name a member fnf provides; an unknown one is "
    "named and pointed at",
    "[legacy][path]") {
  CHECK(Compiled("$context").segments.empty());
  CHECK(Compiled("$context.task").segments.size() == 1);
  for (const char* ok :
       {"$context.task.token", "$context.execution.name", "$context.flow.name",
        "$context.step.name", "$context.step.eventId"}) {
    CHECK(Compiled(ok).segments.size() == 2);
  }
  CHECK(ErrorOf("$context.task.name") ==
        "14: $context.task has no member 'name' (it has token)");
  CHECK(ErrorOf("$context.step.id") ==
        "14: $context.step has no member 'id' (it has name, eventId)");
  CHECK(ErrorOf("$context.step.name.x") ==
        "19: $context.step.name has no members");
  CHECK(ErrorOf("$context.Execution.Name") ==
        "9: $context has no member 'Execution' (it has task, execution, "
        "flow, step)");
  CHECK(ErrorOf(R"($context["step"]["nope"])") ==
        "16: $context.step has no member 'nope' (it has name, eventId)");
  CHECK(ErrorOf("$context[0]") == "8: $context has only named members");
}

TEST_CASE("path values", "[legacy][path]") {
  CHECK(Eval("$input.s") == R"("str")");
  CHECK(Eval("$input.a.b[0]") == "10");
  CHECK(Eval("$input.a.b[2].c") == R"("deep")");
  CHECK(Eval("$input.a.b[-1].c") == R"("deep")");
  CHECK(Eval("$input.a.b[-3]") == "10");
  CHECK(Eval("$input.key_info[0]") == R"("k0")");
  CHECK(Eval(R"($input["odd key"])") == "1");
  CHECK(Eval(R"($input['dot.key'])") == "2");
  CHECK(Eval("$local[1].name") == R"("y")");
  CHECK(Eval("$.s", kParamRoots) == R"("str")");
  CHECK(Eval("$input") == Data().input.Serialize());
  CHECK(Eval("$", kParamRoots) == Data().input.Serialize());
  CHECK(Eval("$local") == Data().local.Serialize());
}

TEST_CASE("a path that does not resolve is null (docs/behaviour.md)",
          "[legacy][path]") {
  CHECK(Eval("$input.nope") == "null");
  CHECK(Eval("$input.nope.deeper[3]") == "null");
  CHECK(Eval("$input.n.x") == "null");
  CHECK(Eval("$input.s.x") == "null");          // a key of a string
  CHECK(Eval("$input.a.b[3]") == "null");       // past the end
  CHECK(Eval("$input.a.b[-4]") == "null");      // before the start
  CHECK(Eval("$input.a[0]") == "null");         // an index of an object
  CHECK(Eval(R"($input.a.b["0"])") == "null");  // a key of an array
  // A root given as null yields null throughout.
  Path p = Compiled("$local.x");
  CHECK(EvaluatePath(p, PathRoots{}).is_null());
  CHECK(EvaluatePath(Compiled("$context.step.name"), PathRoots{}).is_null());
}

TEST_CASE("wildcards map and flatten", "[legacy][path]") {
  CHECK(Eval("$local[*].name") == R"(["x","y",null])");
  CHECK(Eval("$local[*].parts[*]") == "[1,2,3]");
  CHECK(Eval("$local[*].parts") == "[[1,2],[3],[]]");
  CHECK(Eval("$local.*.name") == R"(["x","y",null])");
  CHECK(Eval("$local[*].parts[0]") == "[1,3,null]");
  CHECK(Eval("$local[*]") == Data().local.Serialize());
  // Over an object: its values, in key order.
  CHECK(Eval("$input.a.b[2][*]") == R"(["deep"])");
  // Over a scalar, null or a missing key: no matches.
  CHECK(Eval("$input.s[*]") == "[]");
  CHECK(Eval("$input.nope[*]") == "[]");
  CHECK(Eval("$input.nope[*].x") == "[]");
  // Wildcards after a key that is missing in some elements drop nothing but
  // the missing arrays.
  CHECK(Eval("$local[*].nope[*]") == "[]");
}

TEST_CASE("$context values (docs/behaviour.md)", "[legacy][path]") {
  CHECK(Eval("$context.task.token") == R"("tok-9")");
  CHECK(Eval("$context.execution.name") == R"("exec-1")");
  CHECK(Eval("$context.flow.name") == R"("my-flow")");
  CHECK(Eval("$context.step.name") == R"("step-1")");
  CHECK(Eval("$context") ==
        R"({"task":{"token":"tok-9"},"execution":{"name":"exec-1"},)"
        R"("flow":{"name":"my-flow"},"step":{"name":"step-1"}})");
  // Inside a step, the id of its StepEntered event.
  ContextValues in_step{"exec-1", "my-flow", "step-1", "", 42};
  PathRoots step_roots{nullptr, nullptr, &in_step};
  CHECK(EvaluatePath(Compiled("$context.step"), step_roots).Serialize() ==
        R"({"name":"step-1","eventId":42})");
  CHECK(
      EvaluatePath(Compiled("$context.step.eventId"), step_roots).Serialize() ==
      "42");
  // Outside a task there is no token: the path yields null.
  ContextValues no_token{"exec-1", "my-flow", "step-1", ""};
  PathRoots roots{nullptr, nullptr, &no_token};
  CHECK(EvaluatePath(Compiled("$context.task.token"), roots).is_null());
  CHECK(EvaluatePath(Compiled("$context.task"), roots).Serialize() == "{}");
}

TEST_CASE("mappings build a fresh object in entry order", "[legacy][path]") {
  Data d;
  Mappings m;
  auto add = [&](std::string target, std::optional<std::string> path,
                 Json constant = Json()) {
    Source s;
    if (path) s.path = Compiled(*path);
    s.constant = std::move(constant);
    m.push_back(Mapping{std::move(target), std::move(s)});
  };
  add("z", "$input.s");
  add("name", std::nullopt, Json("pass1"));
  add("size", std::nullopt, Json(52428800));
  add("list", std::nullopt, J(R"(["A","B","C"])"));
  add("map", std::nullopt, J(R"({"k": "$input.s"})"));  // literal, as written
  add("flag", std::nullopt, Json(true));
  add("nothing", std::nullopt, Json());
  add("missing", "$input.nope");
  add("z", "$local[0].name");  // repeated: first position, later value
  CHECK(EvaluateMappings(m, d.roots).Serialize() ==
        R"({"z":"x","name":"pass1","size":52428800,"list":["A","B","C"],)"
        R"("map":{"k":"$input.s"},"flag":true,"nothing":null,"missing":null})");
  CHECK(EvaluateMappings(Mappings{}, d.roots).Serialize() == "{}");
}

}  // namespace
}  // namespace fnf::internal::legacy
