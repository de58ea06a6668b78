// Engine throughput in manual mode, with history recorded as the service
// records it. The workloads match the peer benchmark of
// tests/bench/compare-peer (a_seq, b_chain1000, c_map10k, d_loop100k) so the
// figures compare with the peer's as ratios measured on the same machine.
#include <string>

#include <benchmark/benchmark.h>

#include "fnf/fnf.h"

namespace {

fnf::EngineOptions Manual(fnf::ManualClock* clock) {
  fnf::EngineOptions o;
  o.worker_threads = 0;
  o.clock = clock;
  o.random_seed = 7;
  o.limits.history_events =
      10'000'000;  // the loop benchmark runs 200,001 states
  return o;
}

void CreateOrDie(fnf::Engine& engine, const std::string& name,
                 const std::string& def) {
  auto f = engine.CreateFlow({.name = name, .definition = def});
  if (!f.ok()) {
    fprintf(stderr, "%s\n", f.status().ToString().c_str());
    std::abort();
  }
}

std::string Header(const std::string& start) {
  return "Type: StateMachine\nSpecVersion: v1\nStartAt: " + start +
         "\nStates:\n";
}

// a_seq: one Pass state, executions one after another.
void BM_OnePassExecutions(benchmark::State& state) {
  fnf::ManualClock clock;
  fnf::Engine engine(Manual(&clock));
  CreateOrDie(engine, "one",
              Header("A") + "  - {Type: Pass, Name: A, End: true}\n");
  for (auto _ : state) {
    auto e = engine.StartExecution({.flow_name = "one", .input = R"({"x":1})"});
    engine.RunReady();
    benchmark::DoNotOptimize(e);
  }
  state.counters["executions/s"] = benchmark::Counter(
      static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_OnePassExecutions);

// b_chain1000: a chain of 1,000 Pass states.
void BM_PassChain1000(benchmark::State& state) {
  fnf::ManualClock clock;
  fnf::Engine engine(Manual(&clock));
  std::string def = Header("P0");
  for (int i = 0; i < 1000; ++i) {
    def += "  - {Type: Pass, Name: P" + std::to_string(i) + ", " +
           (i == 999 ? std::string("End: true}\n")
                     : "Next: P" + std::to_string(i + 1) + "}\n");
  }
  CreateOrDie(engine, "chain", def);
  for (auto _ : state) {
    auto e =
        engine.StartExecution({.flow_name = "chain", .input = R"({"x":1})"});
    engine.RunReady();
    benchmark::DoNotOptimize(e);
  }
  state.counters["transitions/s"] =
      benchmark::Counter(static_cast<double>(state.iterations()) * 1000,
                         benchmark::Counter::kIsRate);
}
BENCHMARK(BM_PassChain1000);

// c_map10k: a Map over 10,000 items with a Pass processor, concurrency 40.
void BM_Map10k(benchmark::State& state) {
  fnf::ManualClock clock;
  fnf::Engine engine(Manual(&clock));
  CreateOrDie(
      engine, "map",
      Header("M") +
          "  - Type: Map\n    Name: M\n    ItemsPath: $Input.items\n"
          "    MaxConcurrency: 40\n    End: true\n    Processor:\n      "
          "StartAt: P\n"
          "      States:\n        - {Type: Pass, Name: P, End: true}\n");
  std::string input = "{\"items\":[";
  for (int i = 0; i < 10000; ++i) input += (i ? "," : "") + std::to_string(i);
  input += "]}";
  for (auto _ : state) {
    auto e = engine.StartExecution({.flow_name = "map", .input = input});
    engine.RunReady();
    benchmark::DoNotOptimize(e);
  }
  state.counters["items/s"] =
      benchmark::Counter(static_cast<double>(state.iterations()) * 10000,
                         benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Map10k)->Unit(benchmark::kMillisecond);

// d_loop100k: Pass incrementing a counter + Choice looping until it reaches
// 100,000.
void BM_ChoiceLoop100k(benchmark::State& state) {
  fnf::ManualClock clock;
  fnf::Engine engine(Manual(&clock));
  CreateOrDie(engine, "loop",
              Header("Inc") +
                  "  - Type: Pass\n    Name: Inc\n    OutputConstructor:\n"
                  "      n.$: intAdd($Input.n, 1)\n    Next: Check\n"
                  "  - Type: Choice\n    Name: Check\n    Branches:\n"
                  "      - Condition: $Input.n < 100000\n        Next: Inc\n"
                  "    Default: Done\n"
                  "  - {Type: Succeed, Name: Done}\n");
  for (auto _ : state) {
    auto e =
        engine.StartExecution({.flow_name = "loop", .input = R"({"n":0})"});
    engine.RunReady();
    benchmark::DoNotOptimize(e);
  }
  state.counters["transitions/s"] =
      benchmark::Counter(static_cast<double>(state.iterations()) * 200001,
                         benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ChoiceLoop100k)->Unit(benchmark::kMillisecond);

// Task round trips with a handler that answers at once.
void BM_TaskRoundTrip(benchmark::State& state) {
  fnf::ManualClock clock;
  fnf::Engine engine(Manual(&clock));
  engine.RegisterTaskHandler("FC:InvokeFunction", [](const fnf::TaskRequest&) {
    return fnf::TaskResult::Succeeded(R"({"ok":true})");
  });
  CreateOrDie(engine, "task",
              Header("T") +
                  "  - {Type: Task, Name: T, Action: 'FC:InvokeFunction', End: "
                  "true}\n");
  for (auto _ : state) {
    auto e = engine.StartExecution({.flow_name = "task"});
    engine.RunReady();
    benchmark::DoNotOptimize(e);
  }
  state.counters["tasks/s"] = benchmark::Counter(
      static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TaskRoundTrip);

}  // namespace
