#include "interp/json_size.h"

#include "tests/testing/catch.h"

namespace fnf::internal {
namespace {

TEST_CASE("JsonTextSize equals the length of the serialized text", "[json]") {
  for (const char* text :
       {R"({})", R"([])",
        R"({"a":1,"b":[true,false,null],"c":"x\"y\\z\n\u0001"})",
        R"({"d":2.5,"e":-17,"f":1e300,"g":"\u00e9\u4e2d"})",
        R"([[],{},[{}]])"}) {
    JsonParseResult r = ParseJson(text);
    REQUIRE(r.ok);
    CHECK(JsonTextSize(r.value) == r.value.Serialize().size());
  }
}

}  // namespace
}  // namespace fnf::internal
