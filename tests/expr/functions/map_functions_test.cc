// jsonMerge, mapKeys, mapValues, get.
#include "tests/expr/expr_testing.h"

namespace fnf::internal::testing {
namespace {

TEST_CASE("jsonMerge is shallow, the second wins, first order then new keys",
          "[functions][map]") {
  CHECK(
      Show(
          R"(jsonMerge({"name":"Tom","age":10},{"name":"Tom","address":"beijing"}))") ==
      R"({"name":"Tom","age":10,"address":"beijing"})");
  CHECK(Show(R"(jsonMerge({"a": 1, "b": 2, "c": 3}, {"b": 20, "d": 4}))") ==
        R"({"a":1,"b":20,"c":3,"d":4})");
  CHECK(Show(R"(jsonMerge({"a": {"x": 1, "y": 2}}, {"a": {"z": 3}}))") ==
        R"({"a":{"z":3}})");
  CHECK(Show("jsonMerge({}, {})") == "{}");
  CHECK(Show(R"(jsonMerge({}, {"a": null}))") == R"({"a":null})");
  TestContext t;
  CHECK(Eval("jsonMerge($Input.empty, $Global)", t.ctx) == t.global);
  CHECK(
      t.input.Find("empty")->as_object().empty());  // the context is untouched
  CHECK(ErrorDetail(R"(jsonMerge([1], {}))") ==
        "expression 'jsonMerge([1], {})': jsonMerge: argument 1 must be an "
        "object, got array");
  CHECK(ErrorDetail(R"(jsonMerge({}, "x"))") ==
        "expression 'jsonMerge({}, \"x\")': jsonMerge: argument 2 must be an "
        "object, got string");
}

TEST_CASE("mapKeys and mapValues follow the object's key order",
          "[functions][map]") {
  CHECK(Show(R"(mapKeys({"name":"Tom","age":10}))") == R"(["name","age"])");
  CHECK(Show(R"(mapValues({"name":"Tom","age":10}))") == R"(["Tom",10])");
  CHECK(Show(R"(mapKeys({"z": 1, "a": 2}))") == R"(["z","a"])");
  CHECK(Show(R"(mapValues({"z": [1], "a": {"b": null}}))") ==
        R"([[1],{"b":null}])");
  CHECK(Show("mapKeys({})") == "[]");
  CHECK(Show("mapValues({})") == "[]");
  TestContext t;
  CHECK(Eval("mapValues($Global)", t.ctx) == J("[3]"));
  CHECK(ErrorDetail("mapKeys([1])") ==
        "expression 'mapKeys([1])': mapKeys: argument 1 must be an object, got "
        "array");
  CHECK(ErrorDetail("mapValues(\"s\")") ==
        "expression 'mapValues(\"s\")': mapValues: argument 1 must be an "
        "object, got string");
}

TEST_CASE("get reads like an index", "[functions][map]") {
  CHECK(Show(R"(get({"a": 1}, "a"))") == "1");
  CHECK(Show(R"(get({"a": 1}, "b"))") == "null");
  CHECK(Show(R"(get([10, 20], 1))") == "20");
  CHECK(Show(R"(get([10, 20], 2))") == "null");
  CHECK(Show(R"(get([10, 20], -1))") == "null");
  CHECK(Show(R"(get([10, 20], 1.0))") == "20");
  CHECK(Show(R"(get([10, 20], "0"))") == "null");
  CHECK(Show(R"(get({"0": 1}, 0))") == "null");
  CHECK(Show(R"(get("str", 0))") == "null");
  CHECK(Show(R"(get(null, "a"))") == "null");
  CHECK(Show(R"(get(get({"a": {"b": [5]}}, "a"), "b"))") == "[5]");
  TestContext t;
  CHECK(Eval("get($Input.a.b, 2)", t.ctx) == J(R"({"c": "deep"})"));
  CHECK(Eval("get($Input, $Input.s)", t.ctx).is_null());
  CHECK(ErrorDetail("get([1], true)") ==
        "expression 'get([1], true)': get: an index must be a string or an "
        "integer, got boolean");
  CHECK(ErrorDetail("get([1], 0.5)") ==
        "expression 'get([1], 0.5)': get: an array index must be an integer, "
        "got 0.5");
}

}  // namespace
}  // namespace fnf::internal::testing
