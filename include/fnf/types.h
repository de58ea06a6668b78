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
  std::string name, id, definition, description, type /* "FDL" */, role_arn,
      execution_mode /* "Standard" | "Express" */, created_time,
      last_modified_time;
};

// An execution, as StartExecution / DescribeExecution / StopExecution return
// it.
struct Execution {
  std::string flow_name, name, flow_definition, input, output;
  ExecutionStatus status = ExecutionStatus::kStarting;
  std::string started_time, stopped_time;  // "2019-01-01T01:01:01.001Z";
                                           // stopped_time "" while running
  std::string error_code,
      error_message;  // set when Failed / TimedOut / Stopped
  std::string request_id;
};

struct CreateFlowRequest {
  std::string name, definition, description, type = "FDL", role_arn,
                                             execution_mode = "Standard";
};
struct UpdateFlowRequest {
  std::string name;
  std::optional<std::string> definition, description, role_arn;
};
struct StartExecutionRequest {
  std::string flow_name, execution_name, input, callback_fnf_task_token;
};
struct StopExecutionRequest {
  std::string flow_name, execution_name, error, cause;
};
struct ListRequest {
  std::string flow_name;  // ListExecutions only
  int limit = 0;          // 0 = the API default (60)
  std::string next_token, name_prefix, status;
};
struct HistoryEvent {
  int64_t event_id = 0, schedule_event_id = 0;
  std::string step_name, type, time, event_detail;
};
template <typename T>
struct Page {
  std::vector<T> items;
  std::string next_token;  // "" on the last page
};

// One problem found in a flow definition: where (1-based line and column in the
// definition text, 0 when unknown; `path` such as "States[2].Next") and what.
struct Diagnostic {
  int line = 0, column = 0;
  std::string path, message;
  // "LINE:COL: PATH: MESSAGE" (parts that are unknown are left out).
  std::string ToString() const;
};

// What a task state hands to the host.
struct TaskRequest {
  std::string flow_name, execution_name, state_name;
  std::string
      action;  // new spec: "FC:InvokeFunction", "HTTP:Request", ...; legacy: ""
  std::string resource_arn;  // legacy resourceArn, or Parameters.resourceArn
                             // when present
  std::string task_mode;     // "RequestComplete" | "WaitForSystemCallback" |
                          // "WaitForCustomCallback" (legacy: "requestResponse"
                          // | "sync" | "waitForCallback")
  std::string
      parameters;     // evaluated Parameters / serviceParams, JSON object text
  std::string input;  // the state's effective input, JSON object text
  std::string task_token;  // always set; ReportTaskSucceeded/Failed accept it
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
