// fnf/engine.h: the embeddable Serverless Workflow / CloudFlow engine.
//
// An Engine holds flows and their executions in memory and runs them, with the
// operations and error codes of the cloud API (FnF OpenAPI 2019-03-15). Both
// definition dialects run on it: the CloudFlow spec (`Type: StateMachine`) and
// the legacy FDL (`version: v1`, `type: flow`).
//
// Example:
//
//   fnf::Engine engine;
//   auto flow = engine.CreateFlow({.name = "hello", .definition = R"(
//     Type: StateMachine
//     SpecVersion: v1
//     StartAt: Hi
//     States:
//       - {Type: Pass, Name: Hi, End: true}
//   )"});
//   auto started = engine.StartExecution(
//       {.flow_name = "hello", .input = R"({"a": 1})"});
//   auto done = engine.WaitExecution("hello", started->name,
//                                    std::chrono::seconds(10));
//   // done->status == fnf::ExecutionStatus::kSucceeded
//   // done->output == R"({"a":1})"
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

// The engine: flows, executions, their history, and the workers (or the
// host, in manual mode) that run them. Not copyable.
class Engine {
 public:
  // Starts `options.worker_threads` workers (none in manual mode).
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
  // The flow as it is now. Errors: FlowNotExists.
  StatusOr<Flow> DescribeFlow(std::string_view flow_name);
  // InvalidArgument when the flow has running executions. Its executions and
  // schedules go with it.
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
  // it drives the engine itself, and a ManualClock is never advanced by it: it
  // returns at once, the execution still Running, when only time could move
  // the execution on (it waits for a Wait, a retry or a timeout and no task
  // of the engine awaits a report); it waits up to `timeout` only while a
  // task report (ReportTask* from another thread) may still come.
  // Errors: FlowNotExists, ExecutionNotExists.
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
  // Fails a task waiting for its result with the error name `error` (""
  // for FnF.TaskFailed) and `cause`; Retry and Catch apply. Errors:
  // InvalidArgument (unknown token), TaskAlreadyCompleted.
  Status ReportTaskFailed(std::string_view task_token, std::string_view error,
                          std::string_view cause);

  // Handlers are matched most specific first: a state name, then a resource
  // ARN, then an action ("FC:InvokeFunction"). "FNF:StartExecution" / acs:fnf
  // flows are built in. Replaces an earlier handler of the same key.
  void RegisterTaskHandler(std::string key, TaskHandler handler);
  // The handler of every task that no mock, registered handler or built-in
  // integration takes (without one, such a task fails with FnF.TaskFailed).
  // `fnf serve` uses it to hold callback tasks for ReportTask* over HTTP.
  // Replaces an earlier default; an empty function removes it.
  void SetDefaultTaskHandler(TaskHandler handler);
  // Loads a mock file (JSON or YAML): for each state name, a list of responses
  // used in order on successive invocations, the last one repeating; a response
  // is an output object or
  // {"Error": ..., "Cause": ...}. Mocks win over handlers. Errors:
  // InvalidArgument naming the problem and its line:column.
  Status LoadMocks(std::string_view mock_file_text);

  // Schedules: time-based triggers of a flow (docs/schedules.md). An enabled
  // schedule starts one execution of its flow, input `payload` ("{}" when
  // empty), each time its cron expression matches on the engine's clock, UTC.
  // The execution is named "<ScheduleName>-<yyyyMMdd>T<HHmmss>Z" after the
  // fire time it stands for (a Standard flow; an Express flow's gets
  // ":<uuid>" appended). Fire times that pass while nothing drives the
  // engine (a ManualClock moved past several, a sleeping host) start one
  // execution, for the first of them. A tick whose execution name is taken
  // starts nothing.
  //
  // `cron_expression`: six fields, second minute hour day-of-month month
  // day-of-week, each `*`, a value, a range `a-b` or a list, with an optional
  // step `/n`; JAN-DEC and SUN-SAT; `?` in a day field means no particular
  // day; or `@every <duration>` (`90s`, `5m`, `1h30m`), counted from when the
  // expression was set. When both day fields are restricted a day matches
  // either.
  //
  // Errors: InvalidArgument (bad ScheduleName, bad CronExpression naming the
  // field and what is wrong, Payload not a JSON object), EntityTooLarge
  // (Payload over the request limit), FlowNotExists, ScheduleAlreadyExists
  // (CreateSchedule), ScheduleNotExists (the others).
  StatusOr<Schedule> CreateSchedule(const CreateScheduleRequest& request);
  // Changes only the fields given; takes effect from the next fire time. A new
  // CronExpression is counted from now; enabling again keeps an `@every`
  // schedule's phase.
  StatusOr<Schedule> UpdateSchedule(const UpdateScheduleRequest& request);
  // The schedule `schedule_name` of `flow_name`. Errors: FlowNotExists,
  // ScheduleNotExists.
  StatusOr<Schedule> DescribeSchedule(std::string_view flow_name,
                                      std::string_view schedule_name);
  // Executions it started are not affected.
  Status DeleteSchedule(std::string_view flow_name,
                        std::string_view schedule_name);
  // The schedules of `request.flow_name`, ascending by name, filtered by
  // `name_prefix`; `limit` 1..1000 (0: 60); `next_token` is the name to resume
  // from. Errors: FlowNotExists, InvalidArgument (bad limit or token).
  StatusOr<Page<Schedule>> ListSchedules(const ListRequest& request);

  // With EngineOptions::store: continues the executions that were running
  // when the store was last used. Call it once, after registering the task
  // handlers: due timers fire (late by the downtime), tasks that were in flight
  // are delivered again (same token, TaskRequest::delivery + 1), distributed
  // Map iterations and child flows that were started continue. Until then the
  // stored executions are describable but do not advance. Without a store it
  // does nothing. Errors: the store's own (PreconditionFailed when another
  // Engine uses the same Store; InternalServerError when a stored execution
  // is damaged or the store cannot be read). Thread-safe; a second call does
  // nothing.
  Status Resume();

  // Manual mode (worker_threads = 0): runs what is ready at the clock's now,
  // including task handlers, on the calling thread, and returns the number of
  // jobs run. The work per call is bounded (about 10,000 states), so a flow
  // that loops cannot keep the caller: call it again while it returns
  // non-zero (docs/limits.md). With worker threads it does nothing and
  // returns 0.
  size_t RunReady();
  // When the next timer (Wait, retry, timeout) or schedule is due; nullopt
  // when none is pending.
  std::optional<TimePoint> NextWakeupTime() const;
  // Manual mode: runs everything ready, then, while a timer is due no later
  // than `until` (no bound when nullopt), moves the engine's ManualClock to it
  // and runs again: executions go as far as they can without a task report
  // from outside. Returns the number of steps run. With a clock other than
  // ManualClock, or with worker threads, it is RunReady(). Enabled schedules
  // keep a timer due forever: pass `until` then.
  size_t RunUntilIdle(std::optional<TimePoint> until = std::nullopt);

  class Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace fnf

#endif  // FNF_ENGINE_H_
