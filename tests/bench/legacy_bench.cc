// Legacy FDL throughput in manual mode, with history recorded: the 1,000-step
// pass chain of engine_bench.cc's BM_PassChain1000, written in the legacy
// dialect, so that the two figures compare directly.
#include <cstdio>
#include <cstdlib>
#include <string>

#include <benchmark/benchmark.h>

#include "fnf/fnf.h"

namespace {

fnf::EngineOptions Manual(fnf::ManualClock* clock) {
  fnf::EngineOptions o;
  o.worker_threads = 0;
  o.clock = clock;
  o.random_seed = 7;
  return o;
}

void CreateOrDie(fnf::Engine& engine, const std::string& name,
                 const std::string& def) {
  auto f = engine.CreateFlow({.name = name, .definition = def});
  if (!f.ok()) {
    std::fprintf(stderr, "%s\n", f.status().ToString().c_str());
    std::abort();
  }
}

// 1,000 pass steps; `step` is appended to each `- type: pass` item.
std::string Chain(const std::string& step) {
  std::string def = "version: v1\ntype: flow\nsteps:\n";
  for (int i = 0; i < 1000; ++i) {
    def += "  - type: pass\n    name: p" + std::to_string(i) + "\n" + step;
  }
  return def;
}

void RunChain(benchmark::State& state, const std::string& def) {
  fnf::ManualClock clock;
  fnf::Engine engine(Manual(&clock));
  CreateOrDie(engine, "chain", def);
  for (auto _ : state) {
    auto e =
        engine.StartExecution({.flow_name = "chain", .input = R"({"x":1})"});
    engine.RunReady();
    benchmark::DoNotOptimize(e);
  }
  auto last = engine.ListExecutions({.flow_name = "chain", .limit = 1});
  if (!last.ok() || last->items.empty() ||
      last->items[0].status != fnf::ExecutionStatus::kSucceeded) {
    state.SkipWithError("the chain did not succeed");
  }
  state.counters["transitions/s"] =
      benchmark::Counter(static_cast<double>(state.iterations()) * 1000,
                         benchmark::Counter::kIsRate);
}

// b_chain1000 in the legacy dialect: steps with the default mappings (input =
// the flow input merged with the local, output {}).
void BM_LegacyPassChain1000(benchmark::State& state) {
  RunChain(state, Chain(""));
}
BENCHMARK(BM_LegacyPassChain1000);

// The same chain where every step maps its input and writes one key, so the
// flow's local is merged into every step input.
void BM_LegacyPassChain1000Mapped(benchmark::State& state) {
  RunChain(state, Chain("    outputMappings:\n"
                        "      - target: x\n"
                        "        source: $input.x\n"));
}
BENCHMARK(BM_LegacyPassChain1000Mapped);

}  // namespace
