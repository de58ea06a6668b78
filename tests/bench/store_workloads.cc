// Durable-store figures (docs/durability.md), through the public API on a
// SQLite file in a fresh temporary folder; each prints one JSON line.
//
//   fnf_store_workloads throughput N W power|process
//       N executions of Task -> Pass -> Task (trivial handlers answering at
//       once) started together on W worker threads: interpreter activations
//       committed per second (start, each task's dispatch run and report).
//   fnf_store_workloads resume N
//       N executions left waiting on a callback (a ~2 KB input each) by one
//       Engine; then a new Engine on the file is built and Resume()d: the
//       seconds that take.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "fnf/fnf.h"
#include "fnf/store.h"

#include <unistd.h>

namespace {

using Steady = std::chrono::steady_clock;

[[noreturn]] void Die(const std::string& what) {
  std::fprintf(stderr, "fnf_store_workloads: %s\n", what.c_str());
  std::exit(2);
}

std::string TempFolder() {
  std::string pattern =
      (std::filesystem::temp_directory_path() / "fnf-store-bench-XXXXXX")
          .string();
  if (::mkdtemp(pattern.data()) == nullptr) Die("mkdtemp failed");
  return pattern;
}

std::shared_ptr<fnf::Store> Open(const std::string& path, fnf::Durability d) {
  auto store = fnf::OpenSqliteStore(path, d);
  if (!store.ok()) Die(store.status().ToString());
  return *store;
}

void Create(fnf::Engine& engine, const std::string& name,
            const std::string& definition) {
  fnf::CreateFlowRequest req;
  req.name = name;
  req.definition = definition;
  auto created = engine.CreateFlow(req);
  if (!created.ok()) Die(created.status().ToString());
}

double Seconds(Steady::time_point since) {
  return std::chrono::duration<double>(Steady::now() - since).count();
}

void Throughput(int n, int workers, fnf::Durability durability) {
  std::string dir = TempFolder();
  double seconds = 0;
  {
    fnf::EngineOptions options;
    options.worker_threads = workers;
    options.store = Open(dir + "/fnf.db", durability);
    fnf::Engine engine(options);
    engine.RegisterTaskHandler("FC:F", [](const fnf::TaskRequest&) {
      return fnf::TaskResult::Succeeded(R"({"ok":1})");
    });
    if (!engine.Resume().ok()) Die("Resume failed");
    Create(engine, "f",
           "Type: StateMachine\nSpecVersion: v1\nStartAt: T1\nStates:\n"
           "  - {Type: Task, Name: T1, Action: 'FC:F', Next: P}\n"
           "  - {Type: Pass, Name: P, Next: T2}\n"
           "  - {Type: Task, Name: T2, Action: 'FC:F', End: true}\n");
    std::vector<std::string> names;
    const auto start = Steady::now();
    // Started from several threads, as a host serving requests would.
    std::vector<std::thread> starters;
    std::atomic<int> next{0};
    for (int t = 0; t < 8; ++t) {
      starters.emplace_back([&] {
        for (int i = next++; i < n; i = next++) {
          fnf::StartExecutionRequest req;
          req.flow_name = "f";
          req.execution_name = "e" + std::to_string(i);
          auto s = engine.StartExecution(req);
          if (!s.ok()) Die(s.status().ToString());
        }
      });
    }
    for (auto& t : starters) t.join();
    for (int i = 0; i < n; ++i) {
      auto w = engine.WaitExecution("f", "e" + std::to_string(i),
                                    std::chrono::minutes(10));
      if (!w.ok() || w->status != fnf::ExecutionStatus::kSucceeded)
        Die("execution e" + std::to_string(i) + " did not succeed");
    }
    seconds = Seconds(start);
  }
  std::filesystem::remove_all(dir);
  // Per execution: the start, the run to T1's dispatch, T1's report (which
  // runs P and dispatches T2), T2's report (which ends it).
  const double activations = 4.0 * n;
  std::printf(
      "{\"workload\":\"throughput\",\"durability\":\"%s\",\"workers\":%d,"
      "\"executions\":%d,\"activations\":%.0f,\"seconds\":%.3f,"
      "\"activations_per_second\":%.0f}\n",
      durability == fnf::Durability::kPowerLoss ? "power" : "process", workers,
      n, activations, seconds, activations / seconds);
}

void Resume(int n) {
  std::string dir = TempFolder();
  const std::string path = dir + "/fnf.db";
  const std::string input = "{\"payload\":\"" + std::string(2000, 'x') + "\"}";
  {
    fnf::ManualClock clock;
    fnf::EngineOptions options;
    options.worker_threads = 0;
    options.clock = &clock;
    options.store = Open(path, fnf::Durability::kProcessCrash);
    fnf::Engine engine(options);
    engine.RegisterTaskHandler("Ask", [](const fnf::TaskRequest&) {
      return fnf::TaskResult::Pending();
    });
    Create(engine, "wait",
           "Type: StateMachine\nSpecVersion: v1\nStartAt: Ask\nStates:\n"
           "  - {Type: Task, Name: Ask, Action: 'FC:F', TaskMode: "
           "WaitForCustomCallback, End: true}\n");
    for (int i = 0; i < n; ++i) {
      fnf::StartExecutionRequest req;
      req.flow_name = "wait";
      req.execution_name = "e" + std::to_string(i);
      req.input = input;
      if (!engine.StartExecution(req).ok()) Die("start failed");
      if (i % 256 == 255) engine.RunReady();
    }
    while (engine.RunReady() > 0) {
    }
  }
  const auto start = Steady::now();
  double built = 0;
  {
    fnf::EngineOptions options;
    options.worker_threads = 0;
    options.store = Open(path, fnf::Durability::kProcessCrash);
    fnf::Engine engine(options);
    built = Seconds(start);
    if (!engine.Resume().ok()) Die("Resume failed");
    const double resumed = Seconds(start);
    auto e = engine.DescribeExecution("wait", "e" + std::to_string(n - 1));
    if (!e.ok() || e->status != fnf::ExecutionStatus::kRunning)
      Die("the last execution is not running after Resume");
    std::printf(
        "{\"workload\":\"resume\",\"executions\":%d,\"file_bytes\":%ju,"
        "\"construct_seconds\":%.3f,\"construct_and_resume_seconds\":%.3f}\n",
        n, static_cast<uintmax_t>(std::filesystem::file_size(path)), built,
        resumed);
  }
  std::filesystem::remove_all(dir);
}

}  // namespace

int main(int argc, char** argv) {
  const std::string what = argc > 1 ? argv[1] : "";
  if (what == "throughput" && argc == 5) {
    Throughput(std::atoi(argv[2]), std::atoi(argv[3]),
               std::string(argv[4]) == "power"
                   ? fnf::Durability::kPowerLoss
                   : fnf::Durability::kProcessCrash);
    return 0;
  }
  if (what == "resume" && argc == 3) {
    Resume(std::atoi(argv[2]));
    return 0;
  }
  std::fprintf(stderr,
               "usage: %s throughput N WORKERS power|process | resume N\n",
               argv[0]);
  return 1;
}
