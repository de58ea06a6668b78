// Legacy flows on an engine with its own worker threads and the system clock:
// the same results as in manual mode.
#include <atomic>
#include <thread>

#include "tests/legacy/engine_testing.h"

namespace fnf::legacy_engine_testing {
namespace {

using std::chrono::seconds;

std::unique_ptr<Engine> Workers() {
  EngineOptions options;
  options.worker_threads = 2;
  options.random_seed = 7;
  return std::make_unique<Engine>(options);
}

TEST_CASE("legacy on workers: foreach and parallel with array locals",
          "[legacy][engine]") {
  auto engine = Workers();
  std::atomic<int> calls{0};
  engine->RegisterTaskHandler(
      "acs:fc:::services/demo/functions/greet", [&](const TaskRequest& r) {
        ++calls;
        // The function answers JSON text, as FC functions often do.
        const size_t at = r.input.find(R"("name":")") + 8;
        const std::string name = r.input.substr(at, r.input.find('"', at) - at);
        return TaskResult::Succeeded(R"("{\"text\": \"hi )" + name + R"(\"}")");
      });
  REQUIRE(
      engine
          ->CreateFlow({.name = "pf",
                        .definition = ReadLegacyData("parallel_foreach.yaml")})
          .ok());
  std::string names = "[";
  std::string texts = "[";
  for (int i = 0; i < 20; ++i) {
    names += (i ? "," : "") + std::string("\"n") + std::to_string(i) + "\"";
    texts += (i ? "," : "") + std::string("\"hi n") + std::to_string(i) + "\"";
  }
  names += "]";
  texts += "]";
  for (int run = 0; run < 5; ++run) {
    const std::string name = "e" + std::to_string(run);
    REQUIRE(engine
                ->StartExecution({.flow_name = "pf",
                                  .execution_name = name,
                                  .input = R"({"names":)" + names + "}"})
                .ok());
    auto e = engine->WaitExecution("pf", name, std::chrono::seconds(30));
    REQUIRE(e.ok());
    CHECK(e->status == ExecutionStatus::kSucceeded);
    CHECK(e->output == R"({"greetings":)" + texts +
                           R"(,"sides":["left","right"],"seen":{"names":)" +
                           names + R"(,"greetings":)" + texts +
                           R"(,"sides":["left","right"]}})");
  }
  CHECK(calls == 100);
}

TEST_CASE(
    "legacy on workers: a callback reported from another thread and a "
    "sync child flow",
    "[legacy][engine]") {
  auto engine = Workers();
  REQUIRE(engine
              ->CreateFlow({.name = "shipping",
                            .definition = Legacy("  - type: pass\n"
                                                 "    name: ship\n"
                                                 "    outputMappings:\n"
                                                 "      - target: shipped\n"
                                                 "        source: true\n")})
              .ok());
  REQUIRE(
      engine
          ->CreateFlow({.name = "order",
                        .definition = ReadLegacyData("callback_child.yaml")})
          .ok());
  std::vector<std::thread> reporters;
  std::mutex mu;
  engine->RegisterTaskHandler("approve", [&](const TaskRequest& r) {
    std::lock_guard<std::mutex> l(mu);
    reporters.emplace_back([&engine, token = r.task_token] {
      (void)engine->ReportTaskSucceeded(token, R"({"decision":"ok"})");
    });
    return TaskResult::Pending();
  });
  REQUIRE(engine
              ->StartExecution({.flow_name = "order",
                                .execution_name = "o1",
                                .input = R"({"order":1})"})
              .ok());
  auto e = engine->WaitExecution("order", "o1", std::chrono::seconds(30));
  {
    std::lock_guard<std::mutex> l(mu);
    for (std::thread& t : reporters) t.join();
  }
  REQUIRE(e.ok());
  CHECK(e->status == ExecutionStatus::kSucceeded);
  CHECK(e->output == R"({"approval":"ok","child":{"shipped":true}})");
}

}  // namespace
}  // namespace fnf::legacy_engine_testing
