// Drives one execution on a virtual clock (`--virtual-time`, `fnf test`): runs
// what is ready, waits for work done outside the engine (commands, the
// terminal), fires answers due at a virtual time, and only then jumps the clock
// to the next timer.
#ifndef FNF_CLI_VIRTUAL_RUN_H_
#define FNF_CLI_VIRTUAL_RUN_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <string>

#include "fnf/clock.h"
#include "fnf/engine.h"
#include "fnf/status.h"
#include "fnf/types.h"

#include "common/flow_error.h"

namespace fnf::cli {

// The error an execution is stopped with when nothing can ever move it on.
inline constexpr std::string_view kStalledError = internal::kErrStalled;

// Task work done outside the engine, which a virtual-time run waits for (real
// time) or fires (virtual time). Thread-safe where noted.
class OutsideWork {
 public:
  virtual ~OutsideWork() = default;
  // Changes whenever a result has been reported. Thread-safe.
  virtual uint64_t Reported() const = 0;
  // Whether some work is still going on in real time. Thread-safe.
  virtual bool Busy() const = 0;
  // Blocks until Reported() differs from `seen` or nothing is busy.
  virtual void WaitForReport(uint64_t seen) const = 0;
  // The virtual time of the next answer due, if any.
  virtual std::optional<TimePoint> NextDue() const { return std::nullopt; }
  // Reports the answers due at or before `now`.
  virtual void RunDue(TimePoint now) { (void)now; }
};

// Follows the run: called whenever the execution may have moved on.
using Progress = std::function<void()>;

// Runs the execution to its end on `clock` (the engine's, in manual mode) and
// returns it. An execution that nothing can move on any more (no ready step, no
// timer, no outside work) is stopped with kStalledError, saying so on `err`.
StatusOr<Execution> RunOnVirtualClock(Engine& engine, ManualClock& clock,
                                      OutsideWork& work,
                                      const std::string& flow_name,
                                      const std::string& execution_name,
                                      const Progress& progress,
                                      std::ostream& err);

}  // namespace fnf::cli

#endif  // FNF_CLI_VIRTUAL_RUN_H_
