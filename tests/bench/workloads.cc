// The peer-comparison workloads (tests/bench/compare-peer), one per process so
// that one workload's heap does not flatter or penalise the next. Each runs
// through the public API with history recorded and the system clock, as the
// service records it, checks the result, and prints one JSON line.
//
//   fnf_workloads a [N=200000]   one-Pass flow, N executions one after another
//   fnf_workloads b [N=500]      1,000-Pass chain, N executions (transitions/s)
//   fnf_workloads c [N=5]        Map over 10,000 items, Pass processor,
//                                concurrency 40, N runs (items/s)
//   fnf_workloads d [N=100000]   Pass (intAdd) + Choice loop to N (2N+1 states)
//   fnf_workloads e [N=10000]    N executions started at once, run, retained:
//                                live heap bytes per retained execution
//   fnf_workloads f [N=20000] W  N executions of a 50-Pass chain started from
//                                one thread, W worker threads, then waited for
//
// a-e run in manual mode (the caller's thread runs RunReady). Built twice: as
// fnf_workloads, and with FNF_COUNT_ALLOCS as fnf_workloads_counted, which
// also reports heap allocations per unit in the timed section.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

#include "fnf/fnf.h"

#include <malloc.h>

#ifdef FNF_COUNT_ALLOCS
#include "alloc_counter.h"
#endif

namespace {

using Steady = std::chrono::steady_clock;

[[noreturn]] void Die(const std::string& what) {
  std::fprintf(stderr, "fnf_workloads: %s\n", what.c_str());
  std::exit(2);
}

std::string Header(const std::string& start) {
  return "Type: StateMachine\nSpecVersion: v1\nStartAt: " + start +
         "\nStates:\n";
}

std::string PassChain(int states) {
  std::string def = Header("S0");
  for (int i = 0; i < states; ++i) {
    def += "  - Type: Pass\n    Name: S" + std::to_string(i) + "\n";
    def += i + 1 < states ? "    Next: S" + std::to_string(i + 1) + "\n"
                          : "    End: true\n";
  }
  return def;
}

void Create(fnf::Engine& engine, const std::string& name,
            const std::string& definition) {
  auto f = engine.CreateFlow({.name = name, .definition = definition});
  if (!f.ok()) Die("CreateFlow: " + f.status().ToString());
}

std::string Start(fnf::Engine& engine, const std::string& flow,
                  const std::string& input) {
  auto e = engine.StartExecution({.flow_name = flow, .input = input});
  if (!e.ok()) Die("StartExecution: " + e.status().ToString());
  return e->name;
}

void Drive(fnf::Engine& engine) {
  while (engine.RunReady() > 0) {
  }
}

// The engine's final output of `name`, which must have succeeded.
std::string Output(fnf::Engine& engine, const std::string& flow,
                   const std::string& name) {
  auto d = engine.DescribeExecution(flow, name);
  if (!d.ok()) Die("DescribeExecution: " + d.status().ToString());
  if (d->status != fnf::ExecutionStatus::kSucceeded)
    Die("execution " + name + " did not succeed: " + d->error_code + " " +
        d->error_message);
  return d->output;
}

void Expect(const std::string& got, const std::string& want) {
  // Long outputs are cut: the start says enough.
  if (got != want)
    Die("output " + got.substr(0, 200) + ", expected " + want.substr(0, 200));
}

size_t LiveHeapBytes() {
  struct mallinfo2 m = mallinfo2();
  return m.uordblks + m.hblkhd;
}

long RssBytes() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6)) * 1024;
  return 0;
}

// CPU seconds used by the process (all its threads) so far.
double CpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// The timed (and, in the counted build, allocation-counted) section. Both wall
// and CPU time are reported: on a shared machine the process may wait for a
// processor, which the CPU time leaves out.
class Section {
 public:
  Section() {
#ifdef FNF_COUNT_ALLOCS
    fnf_bench::StartCountingAllocations();
#endif
    cpu0_ = CpuSeconds();
    t0_ = Steady::now();
  }
  void End(const char* workload, double units, const char* unit,
           const std::string& extra = "") {
    double s = std::chrono::duration<double>(Steady::now() - t0_).count();
    double cpu = CpuSeconds() - cpu0_;
    std::string allocs;
#ifdef FNF_COUNT_ALLOCS
    allocs = ",\"allocations_per_unit\":" +
             std::to_string(fnf_bench::StopCountingAllocations() / units);
#endif
    std::printf(
        "{\"workload\":\"%s\",\"units\":%.0f,\"unit\":\"%s\",\"seconds\":%.4f,"
        "\"per_second\":%.0f,\"cpu_seconds\":%.4f,\"per_cpu_second\":%.0f%s%s}"
        "\n",
        workload, units, unit, s, units / s, cpu, units / cpu, allocs.c_str(),
        extra.c_str());
  }

 private:
  Steady::time_point t0_;
  double cpu0_ = 0;
};

fnf::EngineOptions Options(int workers) {
  fnf::EngineOptions o;
  o.worker_threads = workers;
  // d records 600,003 events in one execution and c carries a 10,000-item
  // array (~110 KB): the service's defaults (5,000 events, 64 KB) would refuse
  // both, so the limits are raised as a host may.
  o.limits.history_events = 100'000'000;
  o.limits.state_payload_bytes = 16 << 20;
  o.limits.request_bytes = 16 << 20;
  return o;
}

const char kSmallInput[] = R"({"a":1,"b":"x"})";

void RunA(int n) {
  fnf::Engine engine(Options(0));
  Create(engine, "a",
         Header("P") + "  - Type: Pass\n    Name: P\n    End: true\n");
  std::string last;
  Section section;
  for (int i = 0; i < n; ++i) {
    last = Start(engine, "a", kSmallInput);
    Drive(engine);
  }
  section.End("a", n, "execution");
  Expect(Output(engine, "a", last), kSmallInput);
}

void RunB(int n) {
  fnf::Engine engine(Options(0));
  Create(engine, "b", PassChain(1000));
  std::string last;
  Section section;
  for (int i = 0; i < n; ++i) {
    last = Start(engine, "b", kSmallInput);
    Drive(engine);
  }
  section.End("b", 1000.0 * n, "transition");
  Expect(Output(engine, "b", last), kSmallInput);
}

void RunC(int n) {
  fnf::Engine engine(Options(0));
  Create(engine, "c",
         Header("M") +
             "  - Type: Map\n    Name: M\n    ItemsPath: $Input.items\n"
             "    MaxConcurrency: 40\n    Processor:\n      StartAt: P\n"
             "      States:\n        - Type: Pass\n          Name: P\n"
             "          End: true\n    End: true\n");
  std::string items = "[";
  for (int i = 0; i < 10000; ++i)
    items += (i ? ",{\"i\":" : "{\"i\":") + std::to_string(i) + "}";
  items += "]";
  const std::string input = "{\"items\":" + items + "}";
  std::string last;
  Section section;
  for (int i = 0; i < n; ++i) {
    last = Start(engine, "c", input);
    Drive(engine);
  }
  section.End("c", 10000.0 * n, "item");
  Expect(Output(engine, "c", last), "{\"Items\":" + items + "}");
}

void RunD(int n) {
  fnf::Engine engine(Options(0));
  Create(engine, "d",
         Header("Inc") +
             "  - Type: Pass\n    Name: Inc\n    OutputConstructor:\n"
             "      counter.$: intAdd($Input.counter, 1)\n    Next: Check\n"
             "  - Type: Choice\n    Name: Check\n    Branches:\n"
             "      - Condition: $Input.counter >= " +
             std::to_string(n) +
             "\n        Next: Done\n    Default: Inc\n"
             "  - Type: Succeed\n    Name: Done\n");
  Section section;
  std::string name = Start(engine, "d", R"({"counter":0})");
  Drive(engine);
  section.End("d", 2.0 * n + 1, "transition");
  Expect(Output(engine, "d", name), "{\"counter\":" + std::to_string(n) + "}");
}

void RunE(int n) {
  fnf::Engine engine(Options(0));
  Create(engine, "e",
         Header("P") + "  - Type: Pass\n    Name: P\n    End: true\n");
  std::vector<std::string> names;
  names.reserve(n);
  std::vector<std::string> inputs;
  inputs.reserve(n);
  for (int i = 0; i < n; ++i)
    inputs.push_back("{\"a\":" + std::to_string(i) + ",\"b\":\"x\"}");
  size_t heap0 = LiveHeapBytes();
  long rss0 = RssBytes();
  Section section;
  for (int i = 0; i < n; ++i) names.push_back(Start(engine, "e", inputs[i]));
  Drive(engine);
  // Names are the engine's (36 characters): the host keeps them, not the
  // engine, so they are not counted (the reserve above was already live).
  size_t names_bytes = 0;
  for (std::string& s : names)
    if (s.capacity() > 15) names_bytes += malloc_usable_size(s.data());
  double retained = (static_cast<double>(LiveHeapBytes()) - heap0 -
                     static_cast<double>(names_bytes)) /
                    n;
  double rss = static_cast<double>(RssBytes() - rss0) / n;
  section.End("e", n, "execution",
              ",\"retained_bytes_per_execution\":" +
                  std::to_string(static_cast<long>(retained)) +
                  ",\"rss_bytes_per_execution\":" +
                  std::to_string(static_cast<long>(rss)));
  for (int i = 0; i < n; i += n / 10 + 1)
    Expect(Output(engine, "e", names[i]), inputs[i]);
}

void RunF(int n, int workers) {
  if (workers < 1) Die("workload f needs a worker thread count >= 1");
  fnf::Engine engine(Options(workers));
  Create(engine, "f", PassChain(50));
  std::vector<std::string> names;
  names.reserve(n);
  Section section;
  for (int i = 0; i < n; ++i) names.push_back(Start(engine, "f", kSmallInput));
  for (const std::string& name : names) {
    auto w = engine.WaitExecution("f", name, std::chrono::minutes(10));
    if (!w.ok() || w->status != fnf::ExecutionStatus::kSucceeded)
      Die("execution " + name + " did not succeed");
  }
  section.End("f", n, "execution", ",\"workers\":" + std::to_string(workers));
  Expect(Output(engine, "f", names.back()), kSmallInput);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::string(argv[1]).size() != 1) {
    std::fprintf(stderr, "usage: %s a|b|c|d|e|f [N] [workers]\n", argv[0]);
    return 1;
  }
  char w = argv[1][0];
  int n = argc > 2 ? std::atoi(argv[2]) : 0;
  switch (w) {
    case 'a':
      RunA(n > 0 ? n : 200000);
      break;
    case 'b':
      RunB(n > 0 ? n : 500);
      break;
    case 'c':
      RunC(n > 0 ? n : 5);
      break;
    case 'd':
      RunD(n > 0 ? n : 100000);
      break;
    case 'e':
      RunE(n > 0 ? n : 10000);
      break;
    case 'f':
      RunF(n > 0 ? n : 20000, argc > 3 ? std::atoi(argv[3]) : 0);
      break;
    default:
      std::fprintf(stderr, "unknown workload %c\n", w);
      return 1;
  }
  return 0;
}
