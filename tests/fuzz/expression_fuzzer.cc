// Expressions and constructors, compiled at CreateFlow and evaluated by a run.
// The first byte picks where the rest goes: 0 an expression (`v.$`), 1 a
// constructor (the InputConstructor's JSON), 2 a Choice condition. The flow is
// one state, so every run ends within a few steps.
#include "fuzz_support.h"

namespace {

constexpr std::string_view kInput =
    R"({"a":[1,2.5,{"b":"x"}],"s":"text","n":null,"t":true,"o":{"k":[]}})";

std::string Definition(uint8_t mode, std::string_view rest) {
  using fnf::fuzz::JsonString;
  std::string head =
      R"({"Type":"StateMachine","SpecVersion":"v1","StartAt":"S","States":[)";
  switch (mode % 3) {
    case 0:
      return head + R"({"Type":"Pass","Name":"S","End":true,)" +
             R"("InputConstructor":{"v.$":)" + JsonString(rest) + "}}]}";
    case 1:
      return head + R"({"Type":"Pass","Name":"S","End":true,)" +
             R"("InputConstructor":)" + std::string(rest) + "}]}";
    default:
      return head + R"({"Type":"Choice","Name":"S","Default":"D",)" +
             R"("Branches":[{"Condition":)" + JsonString(rest) +
             R"(,"Next":"D"}]},{"Type":"Pass","Name":"D","End":true}]})";
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  fnf::fuzz::ManualEngine env;
  fnf::CreateFlowRequest create;
  create.name = "f";
  create.definition =
      Definition(data[0], fnf::fuzz::AsText(data + 1, size - 1));
  if (!env.engine.CreateFlow(create).ok()) return 0;
  fnf::StartExecutionRequest start;
  start.flow_name = "f";
  start.execution_name = "e";
  start.input = std::string(kInput);
  if (!env.engine.StartExecution(start).ok()) return 0;
  for (int i = 0; i < 8 && env.engine.RunReady() > 0; ++i) {
  }
  (void)env.engine.DescribeExecution("f", "e");
  (void)env.engine.GetExecutionHistory("f", "e");
  return 0;
}
