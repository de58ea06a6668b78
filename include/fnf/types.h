// fnf/types.h: the records and requests of the fnf API, named after the cloud
// API's fields.
//
// JSON travels across the API as text (`std::string`), exactly as the cloud API
// carries it.
#ifndef FNF_TYPES_H_
#define FNF_TYPES_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fnf {

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
  std::string name{};
  std::string id{};
  std::string definition{};
  std::string description{};
  std::string type{};  // "FDL"
  std::string role_arn{};
  std::string execution_mode{};  // "Standard" | "Express"
  std::string created_time{};
  std::string last_modified_time{};
};

// An execution, as StartExecution / DescribeExecution / StopExecution return
// it.
struct Execution {
  std::string flow_name{};
  std::string name{};
  std::string flow_definition{};
  std::string input{};   // JSON object text
  std::string output{};  // JSON text, set when Succeeded
  ExecutionStatus status = ExecutionStatus::kStarting;
  std::string started_time{};   // "2019-01-01T01:01:01.001Z"
  std::string stopped_time{};   // "" while running
  std::string error_code{};     // set when Failed / TimedOut / Stopped
  std::string error_message{};  // set when Failed / TimedOut / Stopped
  std::string request_id{};
};

// Every request field has a default, so that hosts may name only the fields
// they set ({.name = "f", .definition = d}) without warnings.
struct CreateFlowRequest {
  std::string name{};
  std::string definition{};  // YAML or JSON text, either dialect
  std::string description{};
  std::string type = "FDL";
  std::string role_arn{};
  std::string execution_mode = "Standard";  // or "Express"
};
struct UpdateFlowRequest {
  std::string name{};
  // Unset fields keep their value.
  std::optional<std::string> definition{};
  std::optional<std::string> description{};
  std::optional<std::string> role_arn{};
};
struct StartExecutionRequest {
  std::string flow_name{};
  std::string execution_name{};  // "": a generated name
  std::string input{};           // JSON object text; "": {}
  // The task token of a parent execution's task that waits for this one.
  std::string callback_fnf_task_token{};
};
struct StopExecutionRequest {
  std::string flow_name{};
  std::string execution_name{};
  std::string error{};  // at most 128 characters
  std::string cause{};  // at most 4096 characters
};
struct ListRequest {
  std::string flow_name{};  // ListExecutions only
  int limit = 0;            // 0 = the API default (60)
  std::string next_token{};
  std::string name_prefix{};
  std::string status{};  // ListExecutions only: e.g. "Running"
};
struct HistoryEvent {
  int64_t event_id = 0;
  int64_t schedule_event_id = 0;
  std::string step_name{};
  std::string type{};
  std::string time{};
  std::string event_detail{};  // JSON object text
};
template <typename T>
struct Page {
  std::vector<T> items;
  std::string next_token;  // "" on the last page
};

// One problem found in a flow definition: where (1-based line and column in the
// definition text, 0 when unknown; `path` such as "States[2].Next") and what.
struct Diagnostic {
  int line = 0;
  int column = 0;
  std::string path{};
  std::string message{};
  // "LINE:COL: PATH: MESSAGE" (parts that are unknown are left out).
  std::string ToString() const;
};

// What a task state hands to the host.
struct TaskRequest {
  std::string flow_name{};
  std::string execution_name{};
  std::string state_name{};
  // New spec: "FC:InvokeFunction", "HTTP:Request", ...; legacy: "".
  std::string action{};
  // Legacy resourceArn, or Parameters.resourceArn when present.
  std::string resource_arn{};
  // "RequestComplete" | "WaitForSystemCallback" | "WaitForCustomCallback"
  // (legacy: "requestResponse" | "sync" | "waitForCallback").
  std::string task_mode{};
  // Evaluated Parameters / serviceParams, JSON object text.
  std::string parameters{};
  std::string input{};  // the state's effective input, JSON object text
  // Always set; ReportTaskSucceeded/Failed accept it.
  std::string task_token{};
};

// A handler's immediate answer: done with an output, failed with an error, or
// pending (it will call ReportTaskSucceeded / ReportTaskFailed with
// request.task_token later, from any thread).
struct TaskResult {
  enum class Kind { kSucceeded, kFailed, kPending };
  static TaskResult Succeeded(std::string output_json) {
    return TaskResult{Kind::kSucceeded, std::move(output_json), {}, {}};
  }
  static TaskResult Failed(std::string error, std::string cause) {
    return TaskResult{Kind::kFailed, {}, std::move(error), std::move(cause)};
  }
  static TaskResult Pending() { return TaskResult{Kind::kPending, {}, {}, {}}; }

  Kind kind = Kind::kPending;
  std::string output;        // kSucceeded: JSON object text
  std::string error, cause;  // kFailed
};
// Called on an engine worker thread (or the thread driving RunReady in manual
// mode), never under an engine lock; may call any Engine method.
using TaskHandler = std::function<TaskResult(const TaskRequest&)>;

}  // namespace fnf

#endif  // FNF_TYPES_H_
