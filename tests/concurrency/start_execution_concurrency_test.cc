// Concurrency: run under ThreadSanitizer in CI (label "concurrency").
#include <atomic>
#include <set>
#include <thread>

#include "fnf/fnf.h"

#include "tests/testing/catch.h"

namespace fnf {
namespace {

const char* kFlow =
    "Type: StateMachine\nSpecVersion: v1\nStartAt: A\nStates:\n"
    "  - {Type: Pass, Name: A, Next: B}\n  - {Type: Succeed, Name: B}\n";

TEST_CASE("Concurrent StartExecution of one name yields exactly one execution",
          "[concurrency]") {
  Engine engine(EngineOptions{.worker_threads = 2});
  REQUIRE(engine.CreateFlow({.name = "f", .definition = kFlow}).ok());
  for (int round = 0; round < 20; ++round) {
    std::string name = "e" + std::to_string(round);
    std::atomic<int> ok{0}, exists{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
      threads.emplace_back([&] {
        auto e =
            engine.StartExecution({.flow_name = "f", .execution_name = name});
        if (e.ok()) {
          ++ok;
        } else if (e.status().code() == "ExecutionAlreadyExists") {
          ++exists;
        }
      });
    }
    for (auto& t : threads) t.join();
    CHECK(ok + exists == 8);
    CHECK(ok >= 1);
    auto w = engine.WaitExecution("f", name, std::chrono::seconds(30));
    REQUIRE(w.ok());
    CHECK(w->status == ExecutionStatus::kSucceeded);
  }
  ListRequest r;
  r.flow_name = "f";
  r.limit = 99;
  auto page = engine.ListExecutions(r);
  REQUIRE(page.ok());
  CHECK(page->items.size() == 20);
}

TEST_CASE("Many threads start, describe and stop executions at once",
          "[concurrency]") {
  Engine engine(EngineOptions{.worker_threads = 2});
  REQUIRE(engine.CreateFlow({.name = "f", .definition = kFlow}).ok());
  std::vector<std::thread> threads;
  std::atomic<int> succeeded{0}, stopped{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        std::string name = "t" + std::to_string(t) + "_" + std::to_string(i);
        auto e =
            engine.StartExecution({.flow_name = "f", .execution_name = name});
        if (!e.ok()) continue;  // counted below: Catch2 is not thread-safe
        if (i % 3 == 0) {
          (void)engine.StopExecution(
              {.flow_name = "f", .execution_name = name});
        }
        auto w = engine.WaitExecution("f", name, std::chrono::seconds(30));
        if (!w.ok()) continue;
        if (w->status == ExecutionStatus::kSucceeded) ++succeeded;
        if (w->status == ExecutionStatus::kStopped) ++stopped;
      }
    });
  }
  for (auto& t : threads) t.join();
  CHECK(succeeded + stopped == 800);
}

}  // namespace
}  // namespace fnf
