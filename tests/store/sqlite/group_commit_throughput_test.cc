// Throughput of the SQLite store's write path with 64 writer threads, each
// write shaped like one interpreter run (a 2 KB state row replaced, two
// history events appended). Hidden from the default run (it measures, it does
// not check); run it with:  fnf_tests "[.sqlite-throughput]"
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

#include "store/sqlite/sqlite_store.h"
#include "tests/cli/tool_runner.h"
#include "tests/testing/catch.h"

namespace fnf::internal {
namespace {

double WritesPerSecond(Durability durability, int threads, int each) {
  testing::TempDir dir;
  SqliteStoreOptions options;
  options.durability = durability;
  auto store = SqliteStore::Open(dir.path() + "/t.db", options);
  REQUIRE(store.ok());
  std::string state(2048, 's');
  auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> workers;
  std::atomic<int> failed{0};
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      for (int i = 0; i < each; ++i) {
        Status s = (*store)->committer().Write([&, t, i](SqliteDb& db) {
          auto put = db.Prepare(
              "INSERT INTO frames VALUES ('f', ?1, 1, 0, ?2) ON CONFLICT "
              "(flow, name, "
              "frame_id) DO UPDATE SET body = excluded.body");
          if (!put.ok()) return put.status();
          Status w =
              (*put)->Bind(1, "e" + std::to_string(t)).BindBlob(2, state).Run();
          auto ev = db.Prepare(
              "INSERT INTO events VALUES ('f', ?1, ?2, 0, 0, 'StateEntered', "
              "'s', '{}')");
          if (!ev.ok()) return ev.status();
          for (int k = 0; k < 2 && w.ok(); ++k) {
            w = (*ev)
                    ->Bind(1, "e" + std::to_string(t))
                    .Bind(2, i * 2 + k)
                    .Run();
          }
          return w;
        });
        if (!s.ok()) ++failed;
      }
    });
  }
  for (auto& w : workers) w.join();
  double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  CHECK(failed == 0);
  auto stats = (*store)->committer().stats();
  std::printf(
      "%s: %d writers, %llu writes in %llu batches, %.0f writes/s\n",
      durability == Durability::kPowerLoss ? "kPowerLoss" : "kProcessCrash",
      threads, static_cast<unsigned long long>(stats.writes),
      static_cast<unsigned long long>(stats.batches), threads * each / secs);
  return threads * each / secs;
}

TEST_CASE("SQLite group commit throughput", "[.sqlite-throughput]") {
  WritesPerSecond(Durability::kProcessCrash, 64, 500);
  WritesPerSecond(Durability::kPowerLoss, 64, 500);
  WritesPerSecond(Durability::kPowerLoss, 1, 200);
}

}  // namespace
}  // namespace fnf::internal
