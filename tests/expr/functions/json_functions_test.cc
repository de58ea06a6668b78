// stringToJson / fromJSON, jsonToString / toJSON.
#include "tests/expr/expr_testing.h"

namespace fnf::internal::testing {
namespace {

TEST_CASE("stringToJson and its alias fromJSON", "[functions][json]") {
  CHECK(Show(R"(stringToJson('{"name": "Tom", "age": 10}'))") ==
        R"({"name":"Tom","age":10})");
  CHECK(Show(R"(fromJSON('{"name": "Tom", "age": 10}'))") ==
        R"({"name":"Tom","age":10})");
  // Any JSON value, not only objects (DECISIONS.md 12).
  CHECK(Show(R"(stringToJson("[1, 2.5, null]"))") == "[1,2.5,null]");
  CHECK(Show(R"(stringToJson("42"))") == "42");
  CHECK(Show(R"(stringToJson("\"s\""))") == R"("s")");
  CHECK(Show(R"(stringToJson(" true "))") == "true");
  CHECK(Show(R"(stringToJson('{"z": 1, "a": 2}'))") == R"({"z":1,"a":2})");
  CHECK(Show(R"(stringToJson('{"a": {"b": [1]}}').a.b[0])") == "1");
  TestContext t;
  t.input = J(R"({"body": "{\"ok\": true}"})");
  CHECK(Eval("stringToJson($Input.body).ok", t.ctx) == Json(true));
}

TEST_CASE("stringToJson errors", "[functions][json]") {
  std::string d = ErrorDetail(R"(stringToJson("{bad"))");
  CHECK(d.rfind("expression 'stringToJson(\"{bad\")': stringToJson: argument 1 "
                "is not valid "
                "JSON: ",
                0) == 0);
  CHECK(ErrorDetail(R"(fromJSON(""))")
            .find("fromJSON: argument 1 is not valid JSON") !=
        std::string::npos);
  CHECK(ErrorDetail("stringToJson(1)") ==
        "expression 'stringToJson(1)': stringToJson: argument 1 must be a "
        "string, got number");
}

TEST_CASE("jsonToString and its alias toJSON", "[functions][json]") {
  CHECK(Eval(R"(jsonToString({"name": "Tom", "age": 10}))") ==
        Json(R"({"name":"Tom","age":10})"));
  CHECK(Eval(R"(toJSON([1, "a", null]))") == Json(R"([1,"a",null])"));
  CHECK(Eval("toJSON(\"s\")") == Json(R"("s")"));
  CHECK(Eval("toJSON(2.0)") == Json("2.0"));
  CHECK(Eval("toJSON(null)") == Json("null"));
  CHECK(Eval(R"(toJSON("line\nbreak"))") == Json(R"("line\nbreak")"));
  TestContext t;
  CHECK(Eval("fromJSON(toJSON($Input))", t.ctx) == t.input);
  CHECK(Eval("toJSON($Input.nope)", t.ctx) == Json("null"));
}

}  // namespace
}  // namespace fnf::internal::testing
