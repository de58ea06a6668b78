// arrayContains, arrayUnique, toArray (cloudflow-v1.md §5.2).
#include "tests/expr/expr_testing.h"

namespace fnf::internal::testing {
namespace {

TEST_CASE("arrayContains", "[functions][array]") {
  CHECK(Show(R"(arrayContains(["Tom",10],10))") == "true");
  CHECK(Show(R"(arrayContains(["Tom",10],"Jack"))") == "false");
  CHECK(Show(R"(arrayContains(["Tom",10],"Tom"))") == "true");
  CHECK(Show("arrayContains([], 1)") == "false");
  CHECK(Show("arrayContains([1.0], 1)") == "true");
  CHECK(Show("arrayContains([[1, {\"a\": null}]], [1, {\"a\": null}])") ==
        "true");
  CHECK(Show("arrayContains([null], null)") == "true");
  CHECK(Show("arrayContains([\"10\"], 10)") == "false");
  TestContext t;
  CHECK(Eval("arrayContains($Input.tags, \"vip\")", t.ctx) == Json(true));
  CHECK(ErrorDetail("arrayContains(\"abc\", \"a\")") ==
        "expression 'arrayContains(\"abc\", \"a\")': arrayContains: argument 1 "
        "(array) must be "
        "an array, got string");
  CHECK(EvalError("arrayContains($Input.nope, 1)", t.ctx).detail ==
        "expression 'arrayContains($Input.nope, 1)': arrayContains: argument 1 "
        "(array) must be "
        "an array, got null");
}

TEST_CASE("arrayUnique keeps first occurrences in order",
          "[functions][array]") {
  CHECK(Show("arrayUnique([1, 2, 3, 1])") == "[1,2,3]");
  CHECK(Show("arrayUnique([])") == "[]");
  CHECK(Show("arrayUnique([3, 1, 3, 2, 1])") == "[3,1,2]");
  CHECK(Show("arrayUnique([1, 1.0, \"1\"])") == R"([1,"1"])");
  CHECK(
      Show(
          R"(arrayUnique([{"a": 1, "b": 2}, {"b": 2, "a": 1}, [1], [1], null, null]))") ==
      R"([{"a":1,"b":2},[1],null])");
  CHECK(Show(R"(arrayUnique(["é", "e", "é"]))") == R"(["é","e"])");
  CHECK(Show("arrayUnique([0, -0.0, false])") == "[0,false]");
  CHECK(ErrorDetail("arrayUnique({})") ==
        "expression 'arrayUnique({})': arrayUnique: argument 1 (array) must be "
        "an array, got "
        "object");
}

TEST_CASE("arrayUnique on a large array", "[functions][array]") {
  TestContext t;
  Json::Array items;
  for (int i = 0; i < 20000; ++i) items.emplace_back(i % 1000);
  t.input = Json(Json::Object{{"items", Json(std::move(items))}});
  Json out = Eval("arrayUnique($Input.items)", t.ctx);
  REQUIRE(out.as_array().size() == 1000);
  CHECK(out.as_array()[999] == Json(999));
  CHECK(t.input.Find("items")->as_array().size() ==
        20000);  // the input is untouched
}

TEST_CASE("toArray", "[functions][array]") {
  CHECK(Show("toArray()") == "[]");
  CHECK(Show("toArray(1)") == "[1]");
  CHECK(Show(R"(toArray(1, "a", null, [2], {"k": true}))") ==
        R"([1,"a",null,[2],{"k":true}])");
  CHECK(Show("toArray([1, 2])") == "[[1,2]]");
  TestContext t;
  CHECK(Eval("toArray($Input.n, $Input.s, $Input.nope)", t.ctx) ==
        J(R"([5, "str", null])"));
}

}  // namespace
}  // namespace fnf::internal::testing
