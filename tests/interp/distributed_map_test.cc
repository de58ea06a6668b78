// Distributed Map: each item runs as a child execution (docs/behaviour.md).
#include "tests/testing/catch.h"
#include "tests/testing/engine_fixture.h"

namespace fnf {
namespace {

using testing::Flow;
using testing::ManualEngine;

std::string DistributedMap(const std::string& extra) {
  return Flow(
      "  - Type: Map\n"
      "    Name: M\n"
      "    ItemsPath: $Input.items\n" +
          extra +
          "    End: true\n"
          "    Processor:\n"
          "      ProcessorConfig: {ExecutionMode: Express}\n"
          "      StartAt: Check\n"
          "      States:\n"
          "        - Type: Choice\n"
          "          Name: Check\n"
          "          Branches:\n"
          "            - Condition: $Input.ok\n"
          "              Next: Good\n"
          "          Default: Bad\n"
          "        - {Type: Pass, Name: Good, OutputConstructor: {id.$: "
          "$Input.id}, End: true}\n"
          "        - {Type: Fail, Name: Bad, Code: ItemFailed, Detail: bad "
          "item}\n",
      "M");
}

TEST_CASE("Distributed Map runs each item as a child execution",
          "[control][map][distributed]") {
  ManualEngine m;
  m.Create("d", DistributedMap(""));
  Execution e =
      m.Run("d", R"({"items":[{"id":1,"ok":true},{"id":2,"ok":true}]})", "run");
  CHECK(e.status == ExecutionStatus::kSucceeded);
  CHECK(e.output == R"({"Items":[{"id":1},{"id":2}]})");
  auto child = m.engine->DescribeExecution("d", "run:map1:1");
  REQUIRE(child.ok());
  CHECK(child->status == ExecutionStatus::kSucceeded);
  CHECK(child->input == R"({"id":2,"ok":true})");
  CHECK(child->output == R"({"id":2})");
}

TEST_CASE("Distributed Map: one failure fails the Map without a tolerance",
          "[control][map][distributed]") {
  ManualEngine m;
  m.Create("d", DistributedMap(""));
  Execution e =
      m.Run("d", R"({"items":[{"id":1,"ok":true},{"id":2,"ok":false}]})");
  CHECK(e.status == ExecutionStatus::kFailed);
  CHECK(e.error_code == "ItemFailed");
  CHECK(e.error_message == "bad item");
}

TEST_CASE(
    "Distributed Map: ToleratedFailureCount and ToleratedFailurePercentage",
    "[control][map][distributed]") {
  ManualEngine m;
  m.Create("count", DistributedMap("    ToleratedFailureCount: 1\n"));
  m.Create("pct", DistributedMap("    ToleratedFailurePercentage: 50\n"));
  const std::string one_bad =
      R"({"items":[{"id":1,"ok":true},{"id":2,"ok":false}]})";
  const std::string two_bad =
      R"({"items":[{"id":1,"ok":false},{"id":2,"ok":false},{"id":3,"ok":true}]})";
  Execution a = m.Run("count", one_bad);
  CHECK(a.status == ExecutionStatus::kSucceeded);
  CHECK(a.output ==
        R"({"Items":[{"id":1},{"Error":"ItemFailed","Cause":"bad item"}]})");
  CHECK(m.Run("count", two_bad).status == ExecutionStatus::kFailed);
  CHECK(m.Run("pct", one_bad).status == ExecutionStatus::kSucceeded);
  CHECK(m.Run("pct", two_bad).status == ExecutionStatus::kFailed);  // 67% > 50%
}

}  // namespace
}  // namespace fnf
