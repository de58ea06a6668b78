// The example flows do what their comments (and the README) promise.
#if defined(FNF_TOOL_PATH) && defined(FNF_SOURCE_DIR)

#include <string>

#include "tests/cli/tool_runner.h"
#include "tests/testing/catch.h"

namespace fnf::testing {
namespace {

std::string Example(const std::string& name) {
  return std::string(FNF_SOURCE_DIR) + "/examples/flows/" + name;
}

std::string Field(const std::string& json, const char* name) {
  rapidjson::Document doc = ParseJson(json);
  REQUIRE(doc.IsObject());
  REQUIRE(doc.HasMember(name));
  return doc[name].GetString();
}

TEST_CASE("the README's example: hello.yaml greets", "[cli][examples]") {
  ToolRun run =
      RunTool({"run", Example("hello.yaml"), "--input", R"({"name":"fnf"})"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(Field(run.out, "FlowName") == "hello");
  CHECK(Field(run.out, "Output") == R"({"greeting":"Hello, fnf!"})");
}

TEST_CASE("reject.yaml fails with its Code and Detail", "[cli][examples]") {
  ToolRun run =
      RunTool({"run", Example("reject.yaml"), "--input", R"({"order":42})"});
  REQUIRE(run.exit_code == 1);
  CHECK(Field(run.out, "ErrorCode") == "OrderRejected");
  CHECK(Field(run.out, "ErrorMessage") == "orders are closed today");
}

TEST_CASE("every example flow is valid", "[cli][examples][task]") {
  ToolRun run =
      RunTool({"validate", Example("hello.yaml"), Example("reject.yaml"),
               Example("order.yaml"), Example("poll.yaml")});
  INFO(run.out);
  CHECK(run.exit_code == 0);
}

TEST_CASE("order.yaml with its mocks: throttled once, then approved",
          "[cli][examples][task]") {
  ToolRun run = RunTool({"run", Example("order.yaml"), "--virtual-time",
                         "--input", R"({"orderId":"o-1","amount":120})",
                         "--mocks", Example("mocks/order.yaml")});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(JsonEquals(Field(run.out, "Output"),
                   R"({"orderId":"o-1","approved":true})"));
}

TEST_CASE("order.yaml with a --task command", "[cli][examples][task]") {
  ToolRun run = RunTool({"run", Example("order.yaml"), "--input",
                         R"({"orderId":"o-1","amount":120})", "--task",
                         R"(FC:InvokeFunction=echo '{"approved": false}')"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(JsonEquals(Field(run.out, "Output"),
                   R"({"orderId":"o-1","review":"manual"})"));
}

TEST_CASE("poll.yaml waits two virtual minutes", "[cli][examples][wait]") {
  ToolRun run = RunTool({"run", Example("poll.yaml"), "--virtual-time"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(JsonEquals(Field(run.out, "Output"), R"({"tries":3})"));
}

}  // namespace
}  // namespace fnf::testing

#endif  // defined(FNF_TOOL_PATH) && defined(FNF_SOURCE_DIR)
