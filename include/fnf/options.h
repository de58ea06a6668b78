// fnf/options.h: how an Engine is built: threads, time, randomness and limits.
#ifndef FNF_OPTIONS_H_
#define FNF_OPTIONS_H_

#include <cstddef>
#include <cstdint>
#include <memory>

#include "fnf/clock.h"
#include "fnf/types.h"

namespace fnf {

// Every documented service limit, with the documented default. A host may raise
// or lower any of them. Sizes are in bytes, durations in seconds.
struct Limits {
  // CloudFlow: a state's input or output (FnF.PayloadTooLarge).
  size_t state_payload_bytes = 64 * 1024;
  // Legacy: a step's input, output and local together.
  size_t legacy_payload_bytes = 32 * 1024;
  // A request: a definition, an execution input, a task output
  // (EntityTooLarge).
  size_t request_bytes = 1024 * 1024;
  // Events per execution (FnF.HistoryLimitExceeded).
  size_t history_events = 5000;
  // Parallel: branches per state.
  int parallel_branches = 50;
  // Inline Map: default and maximum concurrency.
  int map_concurrency = 40;
  // Distributed Map: default concurrency.
  int distributed_map_concurrency = 100;
  // Legacy parallel step: branches.
  int legacy_parallel_branches = 100;
  // Legacy foreach: default concurrency.
  int legacy_foreach_concurrency = 100;
  // Wait.Seconds of a Standard flow: the least.
  int wait_min_seconds = 1;
  // Wait.Seconds of a Standard flow: the most.
  int wait_max_seconds = 300;
  // Wait.Seconds of an Express flow: the most.
  int express_wait_max_seconds = 20;
  // Legacy wait: 2 days.
  int64_t legacy_wait_max_seconds = 2 * 24 * 3600;
  // Task Timeout: 0..604800.
  int64_t task_timeout_max_seconds = 604800;
  // Retry intervals and backoff caps.
  int64_t retry_interval_max_seconds = 86400;
  // A Standard execution: 1 year.
  int64_t execution_max_seconds = 365LL * 24 * 3600;
  // An Express execution: 5 minutes.
  int64_t express_execution_max_seconds = 300;
  // Nested function calls in one expression.
  int expression_call_depth = 10;
  // fnf's own bounds, so that a flow cannot take the host down:
  // Child flows started by tasks (FNF:StartExecution, legacy acs:fnf flows)
  // nest at most this deep; a task that would start a deeper one fails with
  // FnF.TaskFailed.
  int child_flow_depth = 32;
  // Executions running at once in the engine, children included; beyond it
  // StartExecution is ResourceThrottled and a task starting a child fails.
  size_t running_executions = 100000;
  // List* default page size.
  int list_default = 60;
  // ListFlows: the largest page.
  int list_flows_max = 999;
  // ListExecutions: the largest page.
  int list_executions_max = 99;
  // GetExecutionHistory: the largest page.
  int history_max = 1000;
  // ListSchedules: the largest page.
  int list_schedules_max = 1000;
};

class Store;  // fnf/store.h

// How an Engine is built. Read once, by the Engine's constructor.
struct EngineOptions {
  // -1: one worker per core; 0: manual mode, the host drives the engine with
  // RunReady(); n > 0: n worker threads.
  int worker_threads = -1;
  // nullptr: the system clock. Not owned; must outlive the Engine. Tests pass a
  // ManualClock.
  Clock* clock = nullptr;
  // 0: random; else uuid(), randomInt() and generated names are reproducible.
  uint64_t random_seed = 0;
  // Every service limit; see Limits.
  Limits limits{};
  // Record execution history (GetExecutionHistory). On by default, as the
  // service does.
  bool record_history = true;
  // Called once for every history event of every execution, as it happens:
  // for a log, a trace or metrics without polling GetExecutionHistory.
  // - Called with no engine lock held, on the thread that advanced the
  //   execution (a worker; in manual mode the thread in RunReady,
  //   WaitExecution or ReportTask*).
  // - The events of one execution arrive in event-id order, one call at a
  //   time; events of different executions may arrive concurrently on worker
  //   threads, so the listener must then be thread-safe.
  // - Only recorded events are heard: none when record_history is false.
  // - The listener may call Engine methods, but must not block waiting for an
  //   execution (WaitExecution, StartSyncExecution): the execution it hears
  //   about cannot move on until the listener returns.
  // - By the time WaitExecution sees an execution end, every event of that
  //   execution has been delivered.
  EventListener event_listener{};
  // nullptr: flows and executions live in memory only, as before. Else the
  // durable store (fnf/store.h, OpenSqliteStore) they are committed to: every
  // call that returns OK has been committed, an Engine built later on the
  // same store sees the flows and ended executions at once, and continues
  // the running ones after Engine::Resume() (docs/durability.md). Express
  // executions are not written to it. One Engine at a time may use a store;
  // a PostgreSQL store is refused (ActionNotSupported) in this version.
  std::shared_ptr<Store> store{};
};

}  // namespace fnf

#endif  // FNF_OPTIONS_H_
