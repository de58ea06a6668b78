// EngineOptions::retention through the public API: ended executions beyond
// the bound (oldest end first) or older than max_age are gone, as if they had
// never existed, and memory stays flat however many executions run.
#include <fstream>
#include <string>

#include "tests/testing/catch.h"
#include "tests/testing/engine_fixture.h"
#include <unistd.h>

namespace fnf {
namespace {

using std::chrono::seconds;
using testing::Flow;

const std::string kTask = Flow(
    "  - {Type: Task, Name: Call, Action: 'FC:InvokeFunction', End: true}\n",
    "Call");

// Resident memory of this process, in bytes.
size_t ResidentBytes() {
  std::ifstream statm("/proc/self/statm");
  size_t pages = 0, resident = 0;
  statm >> pages >> resident;
  return resident * static_cast<size_t>(sysconf(_SC_PAGESIZE));
}

struct RetainingEngine {
  explicit RetainingEngine(Retention retention) {
    EngineOptions options;
    options.worker_threads = 0;
    options.clock = &clock;
    options.random_seed = 7;
    options.retention = retention;
    engine = std::make_unique<Engine>(options);
    CreateFlowRequest flow;
    flow.name = "f";
    flow.definition = kTask;
    REQUIRE(engine->CreateFlow(flow).ok());
  }
  void Run(const std::string& name) {
    StartExecutionRequest start;
    start.flow_name = "f";
    start.execution_name = name;
    StatusOr<Execution> e = engine->StartExecution(start);
    REQUIRE(e.ok());
    engine->RunReady();
  }
  size_t CountExecutions() {
    size_t n = 0;
    ListRequest list;
    list.flow_name = "f";
    list.limit = 99;
    do {
      StatusOr<Page<Execution>> page = engine->ListExecutions(list);
      REQUIRE(page.ok());
      n += page->items.size();
      list.next_token = page->next_token;
    } while (!list.next_token.empty());
    return n;
  }
  ManualClock clock;
  std::unique_ptr<Engine> engine;
};

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define FNF_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define FNF_SANITIZED 1
#endif
#endif

TEST_CASE("Retention: 300,000 task executions keep 1,000 and flat memory",
          "[retention]") {
#ifdef FNF_SANITIZED
  // Sanitizers make each execution ~20x slower: a tenth of the run still
  // passes the bound a hundred times over.
  const int kRuns = 30000, kWarmUp = 5000;
#else
  const int kRuns = 300000, kWarmUp = 20000;
#endif
  Retention retention;
  retention.max_ended_executions = 1000;
  RetainingEngine r(retention);
  std::string first_token;
  r.engine->RegisterTaskHandler("FC:InvokeFunction", [&](const TaskRequest& t) {
    if (first_token.empty()) first_token = t.task_token;
    return TaskResult::Succeeded("{}");
  });
  size_t warm = 0;
  for (int i = 0; i < kRuns; ++i) {
    r.Run("e" + std::to_string(i));
    if (i + 1 == kWarmUp) warm = ResidentBytes();
  }
  const size_t end = ResidentBytes();
  INFO("resident after " << kWarmUp << ": " << warm << ", after " << kRuns
                         << ": " << end);
  // Without retention every execution keeps its ~1 KB record and history:
  // hundreds of MB. With it, what grows is allocator noise.
  CHECK(end < warm + 16 * 1024 * 1024);
  CHECK(r.CountExecutions() == 1000);

  // The newest 1,000 are kept, the older ones are gone ...
  CHECK(r.engine->DescribeExecution("f", "e" + std::to_string(kRuns - 1)).ok());
  CHECK(r.engine->DescribeExecution("f", "e" + std::to_string(kRuns - 1000))
            .ok());
  Status gone =
      r.engine->DescribeExecution("f", "e" + std::to_string(kRuns - 1001))
          .status();
  CHECK(gone.code() == "ExecutionNotExists");
  CHECK(gone.message() == "Execution e" + std::to_string(kRuns - 1001) +
                              " for flow f does not exist.");
  CHECK(r.engine->GetExecutionHistory("f", "e0", 0, "").status().code() ==
        "ExecutionNotExists");
  // ... their names are free again ...
  r.Run("e0");
  StatusOr<Execution> again = r.engine->DescribeExecution("f", "e0");
  REQUIRE(again.ok());
  CHECK(again->status == ExecutionStatus::kSucceeded);
  // ... and a report for the task of an evicted execution is a clean error.
  Status late = r.engine->ReportTaskSucceeded(first_token, "{}");
  CHECK(late.code() == "InvalidArgument");
  CHECK(late.message() == "Task token '" + first_token + "' is not valid.");
}

TEST_CASE("Retention: ended executions older than max_age are removed",
          "[retention]") {
  Retention retention;
  retention.max_ended_executions = 0;  // no bound by count
  retention.max_age = seconds(60);
  RetainingEngine r(retention);
  r.engine->RegisterTaskHandler("FC:InvokeFunction", [](const TaskRequest&) {
    return TaskResult::Succeeded("{}");
  });
  r.Run("old");
  r.clock.Advance(seconds(30));
  r.Run("young");
  r.clock.Advance(seconds(30));  // "old" ended 60 s ago
  CHECK(r.engine->DescribeExecution("f", "old").status().code() ==
        "ExecutionNotExists");
  CHECK(r.engine->DescribeExecution("f", "young").ok());
  CHECK(r.CountExecutions() == 1);
  r.clock.Advance(seconds(30));
  CHECK(r.CountExecutions() == 0);
}

TEST_CASE("Retention: running executions are never removed", "[retention]") {
  Retention retention;
  retention.max_ended_executions = 1;
  retention.max_age = seconds(1);
  RetainingEngine r(retention);
  std::string token;
  r.engine->RegisterTaskHandler("FC:InvokeFunction", [&](const TaskRequest& t) {
    token = t.task_token;
    return TaskResult::Pending();
  });
  r.Run("waiting");
  r.clock.Advance(seconds(3600));
  StatusOr<Execution> e = r.engine->DescribeExecution("f", "waiting");
  REQUIRE(e.ok());
  CHECK(e->status == ExecutionStatus::kRunning);
  REQUIRE(r.engine->ReportTaskSucceeded(token, R"({"done":true})").ok());
  r.engine->RunReady();
  CHECK(r.engine->DescribeExecution("f", "waiting")->status ==
        ExecutionStatus::kSucceeded);
}

}  // namespace
}  // namespace fnf
