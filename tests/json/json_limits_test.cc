// Bad-input limits of the JSON layer: nesting depth, exact numbers, and deep
// values that are copied, compared, serialized and destroyed without
// recursion.
#include <string>

#include "json/json.h"
#include "json/number.h"
#include "tests/testing/catch.h"

namespace fnf::internal {
namespace {

std::string Nested(int depth, char open = '[', char close = ']') {
  return std::string(depth, open) + std::string(depth, close);
}

TEST_CASE("ParseJson accepts 512 levels of nesting and refuses 513",
          "[json][limits]") {
  CHECK(ParseJson(Nested(512)).ok);
  JsonParseResult r = ParseJson(Nested(513));
  REQUIRE_FALSE(r.ok);
  CHECK(r.error == "nested more than 512 levels");
  CHECK(r.line == 1);
  CHECK(r.column == 513);
}

TEST_CASE("ParseJson refuses 30,000 levels of objects without recursing",
          "[json][limits]") {
  std::string text;
  for (int i = 0; i < 30000; ++i) text += R"({"a":)";
  text += "1" + std::string(30000, '}');
  JsonParseResult r = ParseJson(text);
  REQUIRE_FALSE(r.ok);
  CHECK(r.error == "nested more than 512 levels");
}

TEST_CASE("numbers: zero with any exponent is zero", "[json][limits]") {
  // RapidJSON 1.1's full-precision path turned these into -2.53e+176 and
  // -1.7e-164 (undefined behaviour on a zero significand).
  for (const char* text :
       {"0e302", "0e-38", "0e309", "0.000e99999", "-0e400", "0E+5"}) {
    INFO(text);
    JsonParseResult r = ParseJson(std::string(R"({"a":)") + text + "}");
    REQUIRE(r.ok);
    const Json& a = *r.value.Find("a");
    REQUIRE(a.is_double());
    CHECK(a.as_double() == 0.0);
  }
  CHECK(ParseJson(R"({"a":0e302})").value.Serialize() == R"({"a":0.0})");
  CHECK(ParseJson(R"([-0e400])").value.Serialize() == "[-0.0]");
}

TEST_CASE("numbers are read exactly, in range or not", "[json][limits]") {
  CHECK(ParseJson("[0.1]").value.as_array()[0].as_double() == 0.1);
  CHECK(ParseJson("[1e-400]").value.as_array()[0].as_double() == 0.0);
  CHECK(ParseJson("[4.9e-324]").value.as_array()[0].as_double() == 4.9e-324);
  CHECK(ParseJson("[1.7976931348623157e308]").value.as_array()[0].as_double() ==
        1.7976931348623157e308);
  Json big = ParseJson("[-9223372036854775808, 9223372036854775808]").value;
  CHECK(big.as_array()[0].is_int());
  CHECK(big.as_array()[0].as_int() == INT64_MIN);
  CHECK(big.as_array()[1].is_double());
  CHECK(big.as_array()[1].as_double() == 9223372036854775808.0);
  for (const char* text : {"[1e400]", "[1.8e308]", "[-1e309]"}) {
    INFO(text);
    JsonParseResult r = ParseJson(text);
    REQUIRE_FALSE(r.ok);
    CHECK(r.error == "Number too big to be stored in double");
  }
}

TEST_CASE("ParseDecimal reads number text without the C locale",
          "[json][limits]") {
  CHECK(ParseDecimal("12.5") == 12.5);
  CHECK(ParseDecimal("+3") == 3.0);
  CHECK(ParseDecimal("-0e302") == 0.0);
  CHECK(ParseDecimal("1e-400") == 0.0);
  for (const char* bad :
       {"", " 1", "1 ", "0x10", "inf", "nan", "1e400", ".5", "1,5", "--1"}) {
    INFO(bad);
    CHECK_FALSE(ParseDecimal(bad).has_value());
  }
}

TEST_CASE(
    "a value nested 200,000 levels copies, compares, serializes and "
    "is destroyed without recursion",
    "[json][limits]") {
  constexpr int kDepth = 200000;
  Json deep = Json::MakeArray();
  for (int i = 0; i < kDepth; ++i) {
    Json outer = Json::MakeObject();
    outer.Append("k", std::move(deep));
    deep = std::move(outer);
  }
  Json copy = deep;
  CHECK(copy == deep);
  std::string text = copy.Serialize();
  CHECK(text.size() == kDepth * 6 + 2);
  CHECK(text.substr(0, 12) == R"({"k":{"k":{")");
  copy = Json();  // the old tree is destroyed here
  CHECK(copy.is_null());
}

TEST_CASE("deep copies keep every member and its order", "[json][limits]") {
  Json v = ParseJson(R"({"b":[1,{"c":[true,null,"s"]}],"a":{"d":{}}})").value;
  Json copy = v;
  CHECK(copy.Serialize() == R"({"b":[1,{"c":[true,null,"s"]}],"a":{"d":{}}})");
  Json assigned;
  assigned = v;
  CHECK(assigned == v);
  CHECK(assigned !=
        ParseJson(R"({"b":[1,{"c":[true,null,"t"]}],"a":{"d":{}}})").value);
}

}  // namespace
}  // namespace fnf::internal
