// fnf/types.h: the records and requests of the fnf API, named after the cloud
// API's fields.
//
// JSON travels across the API as text (`std::string`), exactly as the cloud API
// carries it. Every member has a default, so requests can be written with
// designated initializers naming only what matters: `{.name = "f"}`.
#ifndef FNF_TYPES_H_
#define FNF_TYPES_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fnf {

// The status of an execution, as the API names it (see ToString).
enum class ExecutionStatus {
  kStarting,
  kRunning,
  kStopped,
  kSucceeded,
  kFailed,
  kTimedOut
};
// "Starting", "Running", "Stopped", "Succeeded", "Failed", "TimedOut".
std::string_view ToString(ExecutionStatus status);
// True for Stopped, Succeeded, Failed and TimedOut.
bool IsTerminal(ExecutionStatus status);

// A flow, as DescribeFlow returns it.
struct Flow {
  // The flow's name (its key in the engine).
  std::string name{};
  // A UUID the engine gave the flow when it was created.
  std::string id{};
  // The definition text, as given.
  std::string definition{};
  // Free text.
  std::string description{};
  // "FDL".
  std::string type{};
  // The RAM role the flow runs as; fnf only stores it.
  std::string role_arn{};
  // "Standard" or "Express".
  std::string execution_mode{};
  // When the flow was created, "2019-01-01T01:01:01.001Z".
  std::string created_time{};
  // When the flow was last changed.
  std::string last_modified_time{};
};

// An execution, as StartExecution, DescribeExecution, WaitExecution and
// StopExecution return it.
struct Execution {
  // The execution's flow.
  std::string flow_name{};
  // The execution's name, unique within its flow.
  std::string name{};
  // The definition the execution runs (the flow's when it started).
  std::string flow_definition{};
  // The execution's input, JSON object text.
  std::string input{};
  // Once Succeeded, its output, JSON object text; "" otherwise.
  std::string output{};
  // Running until it ends.
  ExecutionStatus status = ExecutionStatus::kStarting;
  // When it started, "2019-01-01T01:01:01.001Z".
  std::string started_time{};
  // When it ended; "" while running.
  std::string stopped_time{};
  // The error name when Failed, TimedOut or Stopped.
  std::string error_code{};
  // The error's cause.
  std::string error_message{};
  // A UUID identifying the call that returned this record.
  std::string request_id{};
};

// CreateFlow's request.
struct CreateFlowRequest {
  // Letters, digits, '_' and '-', starting with a letter or '_'; 1-128.
  std::string name{};
  // The definition: YAML or JSON, either dialect.
  std::string definition{};
  // Free text.
  std::string description{};
  // Only "FDL".
  std::string type = "FDL";
  // The RAM role the flow runs as; fnf only stores it.
  std::string role_arn{};
  // "Standard" or "Express".
  std::string execution_mode = "Standard";
};

// UpdateFlow's request: the fields given replace the flow's.
struct UpdateFlowRequest {
  // The flow to change.
  std::string name{};
  // A new definition; running executions keep theirs.
  std::optional<std::string> definition{};
  // A new description.
  std::optional<std::string> description{};
  // A new role.
  std::optional<std::string> role_arn{};
};

// StartExecution's and StartSyncExecution's request.
struct StartExecutionRequest {
  // The flow to run.
  std::string flow_name{};
  // "" for a generated name (a UUID).
  std::string execution_name{};
  // JSON object text; "" for {}.
  std::string input{};
  // A task token to report to when the execution ends (child flows).
  std::string callback_fnf_task_token{};
};

// StopExecution's request.
struct StopExecutionRequest {
  // The execution's flow.
  std::string flow_name{};
  // The execution to stop.
  std::string execution_name{};
  // The error name the execution ends with (up to 128 characters).
  std::string error{};
  // Its cause (up to 4096 characters).
  std::string cause{};
};

// The request of the List* calls.
struct ListRequest {
  // ListExecutions (and ListSchedules) only: whose executions to list.
  std::string flow_name{};
  // The page size; 0 = the API default (60).
  int limit = 0;
  // Where to resume: the previous page's next_token.
  std::string next_token{};
  // Only names starting with this.
  std::string name_prefix{};
  // ListExecutions only: only executions with this status ("Running" ...).
  std::string status{};
};

// One event of an execution's history (see docs/history.md).
struct HistoryEvent {
  // 1, 2, 3 ... in the order things happened.
  int64_t event_id = 0;
  // The event this one follows from; 0 for ExecutionStarted.
  int64_t schedule_event_id = 0;
  // The state or step; "" for execution events.
  std::string step_name{};
  // "ExecutionStarted", "StateEntered", "StepEntered", "TaskScheduled" ...
  std::string type{};
  // "2019-01-01T01:01:01.001Z", on the engine's clock.
  std::string time{};
  // A JSON object: {"Input"}, {"Output"}, {"Error", "Cause"} ...
  std::string event_detail{};
};

// One page of a List* result.
template <typename T>
struct Page {
  // This page's records.
  std::vector<T> items{};
  // "" on the last page; else the ListRequest::next_token of the next one.
  std::string next_token{};
};

// A schedule (time-based trigger) of a flow, as DescribeSchedule returns it.
// While `enable` is true, an execution of `flow_name` starts, with `payload`
// as its input ("{}" when empty), every time `cron_expression` matches on the
// engine's clock, UTC (fnf/engine.h, CreateSchedule).
struct Schedule {
  // The flow the schedule starts.
  std::string flow_name{};
  // Unique within its flow.
  std::string schedule_name{};
  // A generated id, unique within the engine.
  std::string schedule_id{};
  // Free text, as given.
  std::string description{};
  // The input of each execution it starts, JSON object text ("" means "{}").
  std::string payload{};
  // Six cron fields with seconds, or "@every <duration>".
  std::string cron_expression{};
  // Whether ticks start executions.
  bool enable = false;
  // When it was created, "2019-01-01T01:01:01.001Z".
  std::string created_time{};
  // When it was last changed, same format.
  std::string last_modified_time{};
};

// CreateSchedule. `enable` absent: true (the schedule runs).
struct CreateScheduleRequest {
  // The flow to start; it must exist.
  std::string flow_name{};
  // Unique within the flow.
  std::string schedule_name{};
  // Six cron fields with seconds, or "@every <duration>".
  std::string cron_expression{};
  // JSON object text, the input of each execution ("" means "{}").
  std::string payload{};
  // Free text.
  std::string description{};
  // Absent: true.
  std::optional<bool> enable{};
};
// UpdateSchedule: only the fields given change.
struct UpdateScheduleRequest {
  // The flow of the schedule.
  std::string flow_name{};
  // The schedule to change.
  std::string schedule_name{};
  // A new expression, counted from now; absent: unchanged.
  std::optional<std::string> cron_expression{};
  // A new payload; absent: unchanged.
  std::optional<std::string> payload{};
  // A new description; absent: unchanged.
  std::optional<std::string> description{};
  // Enable or disable; absent: unchanged.
  std::optional<bool> enable{};
};

// A problem in a definition.
struct Diagnostic {
  // 1-based line; 0 when unknown.
  int line = 0;
  // 1-based column; 0 when unknown.
  int column = 0;
  // Where in the definition: "States[2].Next".
  std::string path{};
  // What is wrong.
  std::string message{};
  // "LINE:COL: PATH: MESSAGE" (parts that are unknown are left out).
  std::string ToString() const;
};

// What a task state hands to the host.
struct TaskRequest {
  // The execution's flow.
  std::string flow_name{};
  // The execution.
  std::string execution_name{};
  // The task state (legacy: step).
  std::string state_name{};
  // The operation: CloudFlow's Action ("FC:InvokeFunction", "HTTP:Request"),
  // or a legacy step's `action` ("mns:SendMessage"); "" for a legacy step
  // with a resourceArn.
  std::string action{};
  // A legacy step's resourceArn, or CloudFlow's Parameters.resourceArn.
  std::string resource_arn{};
  // "RequestComplete", "WaitForSystemCallback" or "WaitForCustomCallback"
  // (legacy: "requestResponse", "sync" or "waitForCallback").
  std::string task_mode{};
  // The evaluated Parameters (legacy: serviceParams), JSON object text.
  std::string parameters{};
  // The state's effective input, JSON object text.
  std::string input{};
  // Always set, fresh for each attempt; ReportTaskSucceeded/Failed take it.
  std::string task_token{};
  // 1 on the first try of the task state, 2 on its first retry, and so on.
  int attempt = 1;
  // When the task's timeout (Timeout / timeoutSeconds) expires on the
  // engine's clock; nullopt when the task has none. A report after it is
  // refused with TaskAlreadyCompleted.
  std::optional<std::chrono::system_clock::time_point> deadline{};
  // 1 on the first delivery of this task token. With a store, a task that was
  // in flight when the process died is delivered again after Engine::Resume()
  // with the same task_token and delivery 2, 3, ...: the handler may have
  // seen it before (use the token as the idempotency key).
  int delivery = 1;
};

// A handler's immediate answer: done with an output, failed with an error, or
// pending (it will call ReportTaskSucceeded / ReportTaskFailed with
// request.task_token later, from any thread).
struct TaskResult {
  // Which answer this is.
  enum class Kind { kSucceeded, kFailed, kPending };
  // The task succeeded with this output (JSON object text).
  static TaskResult Succeeded(std::string output_json) {
    return TaskResult{Kind::kSucceeded, std::move(output_json), {}, {}};
  }
  // The task failed with this error name ("" for FnF.TaskFailed) and cause.
  static TaskResult Failed(std::string error, std::string cause) {
    return TaskResult{Kind::kFailed, {}, std::move(error), std::move(cause)};
  }
  // The result will be reported later with the request's task token.
  static TaskResult Pending() { return TaskResult{Kind::kPending, {}, {}, {}}; }

  // Which answer this is.
  Kind kind = Kind::kPending;
  // kSucceeded: JSON object text.
  std::string output{};
  // kFailed: the error name.
  std::string error{};
  // kFailed: the cause.
  std::string cause{};
};
// Called on an engine worker thread (or the thread driving RunReady in manual
// mode), never under an engine lock; may call any Engine method.
using TaskHandler = std::function<TaskResult(const TaskRequest&)>;

// One history event of one execution, as EngineOptions::event_listener
// receives it: the same event GetExecutionHistory returns.
struct ExecutionEvent {
  // The execution's flow.
  std::string flow_name{};
  // The execution.
  std::string execution_name{};
  // The event.
  HistoryEvent event{};
};
// See EngineOptions::event_listener.
using EventListener = std::function<void(const ExecutionEvent&)>;

}  // namespace fnf

#endif  // FNF_TYPES_H_
