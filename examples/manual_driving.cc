// manual_driving: a host that runs the engine on its own thread, with no engine
// threads and no real waiting. With worker_threads = 0 nothing happens until
// the host calls RunReady(); a fnf::ManualClock makes a 60-second Wait take no
// real time: the host asks NextWakeupTime() when the next timer is due and
// moves the clock there. Exits non-zero unless the execution Succeeded with the
// expected output after exactly the waited virtual time.
#include <chrono>
#include <iostream>
#include <string>

#include <fnf/fnf.h>

namespace {

constexpr char kDefinition[] = R"(
Type: StateMachine
SpecVersion: v1
Name: manual
StartAt: Pause
States:
  - Type: Wait
    Name: Pause
    Seconds: 60
    Next: Double
  - Type: Task
    Name: Double
    Action: FC:InvokeFunction
    Parameters:
      resourceArn: acs:fc:cn-hangzhou:123456789:functions/double/LATEST
      invocationType: Sync
      body:
        n.$: $Input.n
    End: true
)";

int Fail(const std::string& what) {
  std::cerr << "manual_driving: " << what << "\n";
  return 1;
}

}  // namespace

int main() {
  fnf::ManualClock clock;
  const fnf::TimePoint start = clock.Now();
  fnf::Engine engine({.worker_threads = 0, .clock = &clock});

  // Called on this thread, from inside RunReady().
  int calls = 0;
  engine.RegisterTaskHandler(
      "FC:InvokeFunction", [&calls](const fnf::TaskRequest& request) {
        ++calls;
        std::cout << "task " << request.state_name << " parameters "
                  << request.parameters << "\n";
        return fnf::TaskResult::Succeeded(R"({"Body": {"n": 42}})");
      });

  auto flow = engine.CreateFlow({.name = "manual", .definition = kDefinition});
  if (!flow.ok()) return Fail(flow.status().ToString());
  auto started = engine.StartExecution({.flow_name = "manual",
                                        .execution_name = "run1",
                                        .input = R"({"n": 21})"});
  if (!started.ok()) return Fail(started.status().ToString());

  // The host's event loop: run what is ready; when nothing is, jump to the next
  // timer.
  fnf::StatusOr<fnf::Execution> current = started;
  for (int round = 0; round < 100; ++round) {
    size_t steps = engine.RunReady();
    current = engine.DescribeExecution("manual", "run1");
    if (!current.ok()) return Fail(current.status().ToString());
    if (fnf::IsTerminal(current->status)) break;
    std::optional<fnf::TimePoint> wakeup = engine.NextWakeupTime();
    if (!wakeup) {
      if (steps == 0)
        return Fail("execution is stuck: nothing ready and no timer pending");
      continue;
    }
    auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(
        *wakeup - clock.Now());
    std::cout << "round " << round << ": " << steps << " steps; next timer in "
              << wait.count() << " ms (virtual)\n";
    clock.Set(*wakeup);
  }

  auto elapsed =
      std::chrono::duration_cast<std::chrono::seconds>(clock.Now() - start);
  std::cout << fnf::ToString(current->status) << " after " << elapsed.count()
            << " virtual seconds: " << current->output << "\n";
  if (current->status != fnf::ExecutionStatus::kSucceeded) {
    return Fail("status " + std::string(fnf::ToString(current->status)) + " " +
                current->error_code + " " + current->error_message);
  }
  if (calls != 1)
    return Fail("expected one task call, got " + std::to_string(calls));
  if (elapsed != std::chrono::seconds(60))
    return Fail("expected 60 virtual seconds");
  return 0;
}
