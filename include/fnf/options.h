// fnf/options.h: how an Engine is built: threads, time, randomness and limits.
#ifndef FNF_OPTIONS_H_
#define FNF_OPTIONS_H_

#include <chrono>
#include <cstddef>
#include <cstdint>

#include "fnf/clock.h"

namespace fnf {

// Every documented service limit, with the documented default. A host may raise
// or lower any of them. Sizes are in bytes, durations in seconds.
struct Limits {
  size_t state_payload_bytes =
      64 * 1024;  // new spec: a state's input or output
  size_t legacy_payload_bytes =
      32 * 1024;  // legacy: a step's input + output + local
  size_t request_bytes =
      1024 * 1024;  // a request (StartExecution input, definitions)
  size_t history_events = 5000;  // events per execution
  int parallel_branches = 50;    // Parallel: branches per state
  int map_concurrency = 40;      // inline Map: default and maximum concurrency
  int distributed_map_concurrency =
      100;                               // distributed Map: default concurrency
  int legacy_parallel_branches = 100;    // legacy parallel step: branches
  int legacy_foreach_concurrency = 100;  // legacy foreach: default concurrency
  int wait_min_seconds = 1, wait_max_seconds = 300;   // Wait.Seconds, Standard
  int express_wait_max_seconds = 20;                  // Wait.Seconds, Express
  int64_t legacy_wait_max_seconds = 2 * 24 * 3600;    // legacy wait: 2 days
  int64_t task_timeout_max_seconds = 604800;          // Task Timeout: 0..604800
  int64_t retry_interval_max_seconds = 86400;         // Retry intervals
  int64_t execution_max_seconds = 365LL * 24 * 3600;  // Standard: 1 year
  int64_t express_execution_max_seconds = 300;        // Express: 5 minutes
  int expression_call_depth = 10;                     // nested function calls
  int list_default = 60;                              // List* default page size
  int list_flows_max = 999, list_executions_max = 99,
      history_max = 1000;  // page size caps
};

// How long an Engine keeps executions that have ended. An execution removed
// by retention is gone as if it never existed: DescribeExecution and friends
// answer ExecutionNotExists and its name may be used again. The records kept
// to answer TaskAlreadyCompleted for tokens of ended tasks are bounded the
// same way (a report for a forgotten token is InvalidArgument). The defaults
// bound the memory of an engine that runs for months.
struct Retention {
  // Ended executions kept per engine, oldest end removed first; 0: no bound.
  size_t max_ended_executions = 10000;
  // Ended executions are removed this long after their StoppedTime (on the
  // engine's clock); 0: no bound.
  std::chrono::seconds max_age = std::chrono::hours(24 * 7);
};

struct EngineOptions {
  // -1: one worker per core; 0: manual mode, the host drives the engine with
  // RunReady(); n > 0: n worker threads.
  int worker_threads = -1;
  // nullptr: the system clock. Not owned; must outlive the Engine. Tests pass a
  // ManualClock.
  Clock* clock = nullptr;
  // 0: random; else uuid(), randomInt() and generated names are reproducible.
  uint64_t random_seed = 0;
  Limits limits;
  // Record execution history (GetExecutionHistory). On by default, as the
  // service does.
  bool record_history = true;
  // How long ended executions are kept.
  Retention retention;
};

}  // namespace fnf

#endif  // FNF_OPTIONS_H_
