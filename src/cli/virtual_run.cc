#include "cli/virtual_run.h"

#include <algorithm>

namespace fnf::cli {
namespace {

constexpr char kStalledCause[] =
    "no step is ready and no timer is pending: the execution waits for a "
    "callback that nothing will send (virtual time)";

}  // namespace

StatusOr<Execution> RunOnVirtualClock(Engine& engine, ManualClock& clock,
                                      OutsideWork& work,
                                      const std::string& flow_name,
                                      const std::string& execution_name,
                                      const Progress& progress,
                                      std::ostream& err) {
  // A timer that is due may need a round to turn into ready steps; more idle
  // rounds than this at the same time mean nothing will happen.
  constexpr int kMaxIdleRounds = 3;
  int idle_rounds = 0;
  for (;;) {
    uint64_t reported = work.Reported();
    size_t steps = engine.RunReady();
    if (progress) progress();
    StatusOr<Execution> execution =
        engine.DescribeExecution(flow_name, execution_name);
    if (!execution.ok() || IsTerminal(execution->status)) return execution;
    if (steps > 0) {
      idle_rounds = 0;
      continue;
    }
    if (work.Busy()) {
      work.WaitForReport(reported);
      idle_rounds = 0;
      continue;
    }
    // A result reported after RunReady looked: run it before time moves.
    if (work.Reported() != reported) continue;
    std::optional<TimePoint> wakeup = engine.NextWakeupTime();
    std::optional<TimePoint> due = work.NextDue();
    if (due && (!wakeup || *due <= *wakeup)) {
      if (*due > clock.Now()) clock.Set(*due);
      work.RunDue(clock.Now());
      idle_rounds = 0;
      continue;
    }
    if (wakeup && *wakeup > clock.Now()) {
      clock.Set(*wakeup);
      idle_rounds = 0;
      continue;
    }
    if (wakeup && ++idle_rounds <= kMaxIdleRounds) continue;
    err << "fnf: execution " << execution_name << " is stuck: " << kStalledCause
        << "; stopping it with error " << kStalledError << "\n";
    StopExecutionRequest stop;
    stop.flow_name = flow_name;
    stop.execution_name = execution_name;
    stop.error = std::string(kStalledError);
    stop.cause = kStalledCause;
    StatusOr<Execution> stopped = engine.StopExecution(stop);
    if (progress) progress();
    // ExecutionAlreadyCompleted: it ended after all; report it as it ended.
    if (!stopped.ok()) {
      return engine.DescribeExecution(flow_name, execution_name);
    }
    return stopped;
  }
}

}  // namespace fnf::cli
