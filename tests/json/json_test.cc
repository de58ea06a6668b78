#include "json/json.h"

#include "tests/testing/catch.h"

namespace fnf::internal {
namespace {

TEST_CASE("ParseJson keeps key order, number kinds and round-trips", "[json]") {
  JsonParseResult r =
      ParseJson(R"({"b": 1, "a": [true, null, 2.5, "x\n"], "c": {"d": -7}})");
  REQUIRE(r.ok);
  CHECK(r.value.Serialize() ==
        R"({"b":1,"a":[true,null,2.5,"x\n"],"c":{"d":-7}})");
  CHECK(r.value.Find("b")->is_int());
  CHECK(r.value.Find("a")->as_array()[2].is_double());
}

TEST_CASE("ParseJson reports errors with line and column", "[json]") {
  JsonParseResult r = ParseJson("{\n  \"a\": }");
  REQUIRE_FALSE(r.ok);
  CHECK(r.line == 2);
  CHECK(r.column == 8);
  CHECK(r.error == "Invalid value");
}

TEST_CASE("ParseJson duplicate keys: last wins, or an error when asked",
          "[json]") {
  CHECK(ParseJson(R"({"a":1,"a":2})").value.Serialize() == R"({"a":2})");
  JsonParseResult r = ParseJson(R"({"a":1,"a":2})", true);
  REQUIRE_FALSE(r.ok);
  CHECK(r.error == "duplicate key \"a\"");
}

TEST_CASE("Json equality is deep and numeric across int and double", "[json]") {
  CHECK(Json(1) == Json(1.0));
  CHECK(Json("1") != Json(1));
  CHECK(ParseJson(R"({"a":[1,{"b":2}]})").value ==
        ParseJson(R"({"a":[1.0,{"b":2}]})").value);
  CHECK(ParseJson(R"({"a":1,"b":2})").value ==
        ParseJson(R"({"b":2,"a":1})").value);
}

TEST_CASE(
    "Json serialization escapes control characters and keeps floats as floats",
    "[json]") {
  Json s(std::string("q\"\\\x01"));
  CHECK(s.Serialize() == "\"q\\\"\\\\\\u0001\"");
  CHECK(Json(2.0).Serialize() == "2.0");
  CHECK(Json(0.1).Serialize() == "0.1");
  CHECK(Json(int64_t{-9007199254740993}).Serialize() == "-9007199254740993");
}

TEST_CASE(
    "MergeFrom is shallow: later keys win in place, new keys are appended",
    "[json]") {
  Json a = ParseJson(R"({"x":1,"y":{"k":1}})").value;
  a.MergeFrom(ParseJson(R"({"y":2,"z":3})").value);
  CHECK(a.Serialize() == R"({"x":1,"y":2,"z":3})");
}

}  // namespace
}  // namespace fnf::internal
