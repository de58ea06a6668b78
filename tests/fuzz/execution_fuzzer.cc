// What a caller sends to a running flow: the first byte picks where the rest
// goes: 0 StartExecution input, 1 a task's output returned by its handler,
// 2 ReportTaskSucceeded output, 3 ReportTaskFailed error and cause (split at
// the first NUL), 4 StopExecution error and cause. Every path then describes
// the execution and reads its history, as a host would.
#include "fuzz_support.h"

namespace {

constexpr std::string_view kFlow = R"(Type: StateMachine
SpecVersion: v1
StartAt: T
States:
  - Type: Task
    Name: T
    Action: Demo:Work
    TaskMode: WaitForCustomCallback
    Retry:
      - Errors: [Oops]
        MaxAttempts: 1
        IntervalSeconds: 1
    Catch:
      - Errors: [FnF.ALL]
        Next: C
    Next: P
  - Type: Pass
    Name: P
    End: true
  - Type: Pass
    Name: C
    End: true
)";

constexpr std::string_view kSyncFlow = R"(Type: StateMachine
SpecVersion: v1
StartAt: T
States:
  - Type: Task
    Name: T
    Action: Demo:Work
    End: true
)";

void Drive(fnf::Engine& engine) {
  for (int i = 0; i < 16 && engine.RunReady() > 0; ++i) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t mode = data[0] % 5;
  const std::string rest(fnf::fuzz::AsText(data + 1, size - 1));
  fnf::fuzz::ManualEngine env;
  fnf::Engine& engine = env.engine;
  std::string token;
  engine.RegisterTaskHandler("Demo:Work", [&](const fnf::TaskRequest& r) {
    token = r.task_token;
    if (mode == 1) return fnf::TaskResult::Succeeded(rest);
    return fnf::TaskResult::Pending();
  });
  fnf::CreateFlowRequest create;
  create.name = "f";
  create.definition = std::string(mode == 1 ? kSyncFlow : kFlow);
  if (!engine.CreateFlow(create).ok()) __builtin_trap();
  fnf::StartExecutionRequest start;
  start.flow_name = "f";
  start.execution_name = "e";
  start.input = mode == 0 ? rest : R"({"a":1})";
  if (!engine.StartExecution(start).ok()) return 0;
  Drive(engine);
  const size_t nul = rest.find('\0');
  const std::string first = rest.substr(0, nul);
  const std::string second =
      nul == std::string::npos ? std::string() : rest.substr(nul + 1);
  if (mode == 2) (void)engine.ReportTaskSucceeded(token, rest);
  if (mode == 3) (void)engine.ReportTaskFailed(token, first, second);
  if (mode == 4) (void)engine.StopExecution({"f", "e", first, second});
  Drive(engine);
  (void)engine.DescribeExecution("f", "e");
  (void)engine.GetExecutionHistory("f", "e");
  (void)engine.ListExecutions({.flow_name = "f"});
  return 0;
}
