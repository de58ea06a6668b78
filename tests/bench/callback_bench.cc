// 10,000 concurrent WaitForCustomCallback tasks completed from another thread
// (time and peak memory), and the memory 10,000 retained executions take (peer
// workload e_retain10k).
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <benchmark/benchmark.h>

#include "fnf/fnf.h"

#include <sys/resource.h>
#include <unistd.h>

namespace {

double PeakRssMiB() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) /
         1024.0;  // ru_maxrss is in KiB on Linux
}

// Resident memory now, from /proc/self/statm.
double CurrentRssMiB() {
  long pages_total = 0, pages_resident = 0;
  if (FILE* f = fopen("/proc/self/statm", "r")) {
    if (fscanf(f, "%ld %ld", &pages_total, &pages_resident) != 2)
      pages_resident = 0;
    fclose(f);
  }
  return static_cast<double>(pages_resident) *
         static_cast<double>(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

const char* kCallbackFlow =
    "Type: StateMachine\nSpecVersion: v1\nStartAt: T\nStates:\n"
    "  - Type: Task\n    Name: T\n    Action: 'MNS:SendMessage'\n"
    "    TaskMode: WaitForCustomCallback\n"
    "    Parameters: {token.$: $Context.Current.TaskToken}\n    End: true\n";

void BM_TenThousandCallbacks(benchmark::State& state) {
  for (auto _ : state) {
    fnf::ManualClock clock;
    fnf::Engine engine(
        {.worker_threads = 0, .clock = &clock, .random_seed = 1});
    std::vector<std::string> tokens;
    tokens.reserve(10000);
    engine.RegisterTaskHandler(
        "MNS:SendMessage", [&](const fnf::TaskRequest& r) {
          tokens.push_back(
              r.task_token);  // manual mode: handlers run on this thread
          return fnf::TaskResult::Pending();
        });
    (void)engine.CreateFlow({.name = "cb", .definition = kCallbackFlow});
    for (int i = 0; i < 10000; ++i)
      (void)engine.StartExecution({.flow_name = "cb"});
    engine.RunReady();
    std::thread reporter([&] {
      for (const std::string& t : tokens)
        (void)engine.ReportTaskSucceeded(t, R"({"ok":true})");
    });
    reporter.join();
    engine.RunReady();
  }
  state.counters["tasks/s"] =
      benchmark::Counter(static_cast<double>(state.iterations()) * 10000,
                         benchmark::Counter::kIsRate);
  state.counters["peak_rss_MiB"] = PeakRssMiB();
}
BENCHMARK(BM_TenThousandCallbacks)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);

void BM_Retain10k(benchmark::State& state) {
  for (auto _ : state) {
    fnf::ManualClock clock;
    fnf::Engine engine(
        {.worker_threads = 0, .clock = &clock, .random_seed = 1});
    (void)engine.CreateFlow(
        {.name = "p",
         .definition =
             "Type: StateMachine\nSpecVersion: v1\nStartAt: A\nStates:\n"
             "  - {Type: Pass, Name: A, End: true}\n"});
    const double before = CurrentRssMiB();
    for (int i = 0; i < 10000; ++i) {
      (void)engine.StartExecution({.flow_name = "p", .input = R"({"i":1})"});
    }
    engine.RunReady();
    state.counters["peak_rss_MiB"] = PeakRssMiB();
    state.counters["retained_KiB_per_execution"] =
        (PeakRssMiB() - before) * 1024.0 / 10000.0;
  }
}
BENCHMARK(BM_Retain10k)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
