// `fnf run --trace`: follows an execution's history through the public API
// (GetExecutionHistory from the last event seen) and prints a line per state
// entered and left (with the error of each failed attempt) and, inside a Map,
// one line per batch of iterations with counts, so a long run always shows a
// sign of life.
//
//   +0.000s Check: entered
//   +0.000s Check: succeeded
//   +0.000s Fan: entered
//   +0.000s   Fan: 4 iterations done, 4 running
//   +1.000s Charge: failed: Throttled: slow down
//   +3.000s execution Succeeded
//
// Times are since the execution started, on the engine's clock (virtual under
// --virtual-time, so the lines are the same on every run). States of Parallel
// branches are indented; states inside Map iterations are summed up.
#ifndef FNF_CLI_RUN_TRACE_H_
#define FNF_CLI_RUN_TRACE_H_

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "fnf/engine.h"
#include "fnf/types.h"

namespace fnf::cli {

class RunTrace {
 public:
  // Receives each line, without its newline.
  using Sink = std::function<void(const std::string& line)>;

  RunTrace(Engine& engine, std::string flow_name, std::string execution_name,
           Sink sink);

  // Prints the events added since the last call. Not thread-safe: call it
  // from one thread.
  void Poll();

  // The lines for `event` (zero or more), in order; exposed for tests.
  void Handle(const HistoryEvent& event);

 private:
  // Where an event sits: how deep in branches and iterations.
  struct Place {
    int depth = 0;            // nesting of Parallel branches and Map iterations
    int iteration_depth = 0;  // nesting of Map iterations alone
  };
  // Iterations of one Map state, for the batch lines.
  struct MapProgress {
    int running = 0, done = 0, peak = 0;
  };

  void Print(const HistoryEvent& event, int depth, const std::string& text);

  Engine& engine_;
  std::string flow_name_, execution_name_;
  Sink sink_;
  int64_t next_event_id_ = 1;
  std::optional<int64_t> start_millis_;
  std::map<int64_t, Place> places_;          // by event id
  std::map<std::string, MapProgress> maps_;  // by Map state name
};

}  // namespace fnf::cli

#endif  // FNF_CLI_RUN_TRACE_H_
