// A simulated day of many schedules in manual mode, driven as a host's loop
// drives it (RunReady, then move the ManualClock to NextWakeupTime): the CPU
// time of the day, and what asking for the next wake-up and running with
// nothing due cost, which must not grow with the number of schedules.
//
//   fnf_schedule_day [SCHEDULES [HOURS]]     (default: 10000 24)
//
// Schedule i fires daily at second i of the day (`S M H * * *`), so a day
// starts SCHEDULES executions of a one-Pass flow. Exits 1 when the count of
// executions is not the expected one.
#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>

#include "fnf/fnf.h"

namespace {

double CpuSeconds() {
  return static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
}

size_t CountExecutions(fnf::Engine& engine) {
  size_t n = 0;
  fnf::ListRequest l;
  l.flow_name = "f";
  l.limit = 99;
  while (true) {
    auto page = engine.ListExecutions(l);
    if (!page.ok()) return 0;
    n += page->items.size();
    if (page->next_token.empty()) return n;
    l.next_token = page->next_token;
  }
}

}  // namespace

int main(int argc, char** argv) {
  const int schedules = argc > 1 ? std::stoi(argv[1]) : 10000;
  const int hours = argc > 2 ? std::stoi(argv[2]) : 24;
  fnf::ManualClock clock;
  fnf::Engine engine({.worker_threads = 0, .clock = &clock, .random_seed = 1});
  auto flow = engine.CreateFlow(
      {.name = "f",
       .definition = "Type: StateMachine\nSpecVersion: v1\nStartAt: A\n"
                     "States:\n  - {Type: Pass, Name: A, End: true}\n"});
  if (!flow.ok()) return 2;

  double t0 = CpuSeconds();
  for (int i = 0; i < schedules; ++i) {
    const int s = i % 86400;
    char name[16], cron[32];
    std::snprintf(name, sizeof(name), "s%d", i);
    std::snprintf(cron, sizeof(cron), "%d %d %d * * *", s % 60, s / 60 % 60,
                  s / 3600);
    auto created = engine.CreateSchedule(
        {.flow_name = "f", .schedule_name = name, .cron_expression = cron});
    if (!created.ok()) {
      std::fprintf(stderr, "%s\n", created.status().ToString().c_str());
      return 2;
    }
  }
  const double create_cpu = CpuSeconds() - t0;

  // Nothing is due at the start: the cost of a host's idle check.
  constexpr int kProbes = 200000;
  t0 = CpuSeconds();
  size_t ran = 0;
  for (int i = 0; i < kProbes; ++i) {
    ran += engine.RunReady();
    ran += engine.NextWakeupTime().has_value() ? 0 : 1;
  }
  const double idle_ns = (CpuSeconds() - t0) * 1e9 / kProbes;

  const fnf::TimePoint end = clock.Now() + std::chrono::hours(hours);
  size_t wakeups = 0;
  t0 = CpuSeconds();
  while (true) {
    engine.RunReady();
    auto next = engine.NextWakeupTime();
    if (!next || *next > end) break;
    clock.Set(*next);
    ++wakeups;
  }
  const double day_cpu = CpuSeconds() - t0;

  const size_t executions = CountExecutions(engine);
  const size_t expected =
      static_cast<size_t>(schedules) * static_cast<size_t>(hours) / 24;
  std::printf(
      "%d schedules, %d simulated hours: %zu wake-ups, %zu executions "
      "started\n"
      "  CPU: %.3f s to create the schedules, %.3f s for the simulated "
      "time (%.1f us per execution, scheduling and the run included)\n"
      "  idle check (RunReady + NextWakeupTime, nothing due): %.0f ns\n",
      schedules, hours, wakeups, executions, create_cpu, day_cpu,
      executions ? day_cpu * 1e6 / static_cast<double>(executions) : 0.0,
      idle_ns);
  if (ran != 0 || executions != expected) {
    std::fprintf(stderr, "expected %zu executions and an idle start\n",
                 expected);
    return 1;
  }
  return 0;
}
