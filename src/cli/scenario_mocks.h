// The mocked task answers of one `fnf test` scenario, as task handlers on a
// manual-mode engine: an answer now, never, or after some virtual seconds
// (reported by RunOnVirtualClock when the clock gets there).
#ifndef FNF_CLI_SCENARIO_MOCKS_H_
#define FNF_CLI_SCENARIO_MOCKS_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "fnf/clock.h"
#include "fnf/engine.h"

#include "cli/scenario.h"
#include "cli/virtual_run.h"

namespace fnf::cli {

// Not thread-safe: for a manual-mode engine driven from one thread.
class ScenarioMocks : public OutsideWork {
 public:
  // `engine` and `clock` must outlive this object.
  ScenarioMocks(Engine& engine, const Clock& clock,
                std::map<std::string, std::vector<MockAnswer>> mocks);

  // Registers a handler for each mocked state name.
  void Register();

  uint64_t Reported() const override { return reported_; }
  bool Busy() const override { return false; }
  void WaitForReport(uint64_t) const override {}
  std::optional<TimePoint> NextDue() const override;
  void RunDue(TimePoint now) override;

 private:
  struct Late {
    TimePoint due;
    std::string token;
    MockAnswer answer;
  };

  TaskResult Answer(const std::string& state, const TaskRequest& request);

  Engine& engine_;
  const Clock& clock_;
  std::map<std::string, std::vector<MockAnswer>> mocks_;
  std::map<std::string, size_t> next_;  // by state: the next answer's index
  std::vector<Late> late_;
  uint64_t reported_ = 0;
};

}  // namespace fnf::cli

#endif  // FNF_CLI_SCENARIO_MOCKS_H_
