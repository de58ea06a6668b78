// fnf/engine.h: the embeddable Serverless Workflow / CloudFlow engine.
//
// An Engine holds flows and their executions in memory and runs them, with the
// operations and error codes of the cloud API (FnF OpenAPI 2019-03-15). Both
// definition dialects run on it: the CloudFlow spec (`Type: StateMachine`) and
// the legacy FDL (`version: v1`, `type: flow`).
//
// clang-format off
// Example:
//   fnf::Engine engine;
//   auto flow = engine.CreateFlow({.name = "hello", .definition = R"(
//     Type: StateMachine
//     SpecVersion: v1
//     StartAt: Hi
//     States:
//       - {Type: Pass, Name: Hi, End: true}
//   )"});
//   auto started = engine.StartExecution({.flow_name = "hello", .input = R"({"a": 1})"});
//   auto done = engine.WaitExecution("hello", started->name, std::chrono::seconds(10));
//   // done->status == fnf::ExecutionStatus::kSucceeded, done->output == R"({"a":1})"
// clang-format on
//
// Threading: every method is safe to call from any thread, including from
// inside a task handler. The engine never calls host code (task handlers, clock
// listeners) while holding one of its locks.
#ifndef FNF_ENGINE_H_
#define FNF_ENGINE_H_

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fnf/clock.h"
#include "fnf/options.h"
#include "fnf/status.h"
#include "fnf/types.h"

namespace fnf {

class Engine {
 public:
  explicit Engine(EngineOptions options = {});
  // Stops the worker threads; executions still running are left as they are.
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Flows. Errors: InvalidArgument (bad name, bad ExecutionMode, invalid
  // definition: the message lists every problem with its line:column),
  // EntityTooLarge (definition over the request limit), FlowAlreadyExists
  // (CreateFlow), FlowNotExists (the others).
  StatusOr<Flow> CreateFlow(const CreateFlowRequest& request);
  // Changes only the fields given. Running executions keep the definition they
  // started with.
  StatusOr<Flow> UpdateFlow(const UpdateFlowRequest& request);
  StatusOr<Flow> DescribeFlow(std::string_view flow_name);
  // InvalidArgument when the flow has running executions. Its executions go
  // with it.
  Status DeleteFlow(std::string_view flow_name);
  // Ascending by name; `limit` 1..999 (0: 60); `next_token` is the name to
  // resume from.
  StatusOr<Page<Flow>> ListFlows(const ListRequest& request);

  // Checks a definition as CreateFlow would, returning every problem (empty
  // when valid).
  std::vector<Diagnostic> ValidateDefinition(std::string_view definition) const;

  // Starts an execution of a Standard flow and returns at once (Status Running,
  // or already terminal when the flow finished before the call returned).
  // Errors: FlowNotExists, ActionNotSupported (Express flow), InvalidArgument
  // (bad execution name, input that is not a JSON object), EntityTooLarge,
  // ExecutionAlreadyExists (same name, already ended). A same-name execution
  // still running is returned as it is and nothing new starts.
  StatusOr<Execution> StartExecution(const StartExecutionRequest& request);
  // Runs an execution of an Express flow to its end and returns it (name
  // "<name>:<uuid>"). Errors as StartExecution; ActionNotSupported on a
  // Standard flow.
  StatusOr<Execution> StartSyncExecution(const StartExecutionRequest& request);
  // Errors: FlowNotExists, ExecutionNotExists.
  StatusOr<Execution> DescribeExecution(std::string_view flow_name,
                                        std::string_view execution_name);
  // Blocks until the execution ends or `timeout` passes (DescribeExecution's
  // WaitTimeSeconds), then returns it as DescribeExecution does. In manual mode
  // it drives the engine itself; a ManualClock is never advanced by it.
  StatusOr<Execution> WaitExecution(std::string_view flow_name,
                                    std::string_view execution_name,
                                    std::chrono::milliseconds timeout);
  // Ends a running execution as Stopped with the given Error/Cause, cancelling
  // everything it still runs. Errors: FlowNotExists, ExecutionNotExists,
  // ExecutionAlreadyCompleted, InvalidArgument (Error over 128 or Cause over
  // 4096 characters).
  StatusOr<Execution> StopExecution(const StopExecutionRequest& request);
  // Ascending by name, filtered by `name_prefix` and `status`; `limit` 1..99
  // (0: 60). Errors: FlowNotExists, InvalidArgument (bad limit, status or
  // token).
  StatusOr<Page<Execution>> ListExecutions(const ListRequest& request);
  // Events in ascending id order; `next_token` is the id of the first event of
  // the next page. Errors: FlowNotExists, ExecutionNotExists, InvalidArgument
  // (bad limit or token).
  StatusOr<Page<HistoryEvent>> GetExecutionHistory(
      std::string_view flow_name, std::string_view execution_name,
      int limit = 0, std::string next_token = "");

  // Completes a task waiting for its result. First report wins. Errors:
  // InvalidArgument (unknown token, output that is not a JSON object),
  // TaskAlreadyCompleted (the task or its execution has ended), EntityTooLarge.
  Status ReportTaskSucceeded(std::string_view task_token,
                             std::string_view output_json);
  Status ReportTaskFailed(std::string_view task_token, std::string_view error,
                          std::string_view cause);

  // Handlers are matched most specific first: a state name, then a resource
  // ARN, then an action ("FC:InvokeFunction"). "FNF:StartExecution" / acs:fnf
  // flows are built in. Replaces an earlier handler of the same key.
  void RegisterTaskHandler(std::string key, TaskHandler handler);
  // Loads a mock file (JSON or YAML): for each state name, a list of responses
  // used in order on successive invocations, the last one repeating; a response
  // is an output object or
  // {"Error": ..., "Cause": ...}. Mocks win over handlers. Errors:
  // InvalidArgument naming the problem and its line:column.
  Status LoadMocks(std::string_view mock_file_text);

  // Manual mode (worker_threads = 0): runs everything that is ready at the
  // clock's now, including task handlers, on the calling thread; returns the
  // number of steps run. With worker threads it does nothing and returns 0.
  size_t RunReady();
  // When the next timer (Wait, retry, timeout) is due; nullopt when none is
  // pending.
  std::optional<TimePoint> NextWakeupTime() const;

  class Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace fnf

#endif  // FNF_ENGINE_H_
