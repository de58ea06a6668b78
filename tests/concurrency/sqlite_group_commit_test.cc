// Concurrency: the SQLite store's group committer with many writer threads;
// run under ThreadSanitizer in CI (label "concurrency").
#include <atomic>
#include <thread>
#include <vector>

#include "store/sqlite/sqlite_store.h"
#include "tests/cli/tool_runner.h"
#include "tests/store/sqlite/sqlite_testing.h"
#include "tests/testing/catch.h"

namespace fnf::internal {
namespace {

using testing::Count;
using testing::TempDir;

GroupCommitter::Work Insert(int i) {
  return [i](SqliteDb& db) {
    auto stmt = db.Prepare("INSERT INTO flow_versions VALUES (?1, 'd', '', 0)");
    if (!stmt.ok()) return stmt.status();
    return (*stmt)->Bind(1, "h" + std::to_string(i)).Run();
  };
}

TEST_CASE("Writes from many threads share commits", "[concurrency][store]") {
  TempDir dir;
  auto store = SqliteStore::Open(dir.path() + "/g.db");
  REQUIRE(store.ok());
  constexpr int kThreads = 8, kEach = 50;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        if (!(*store)->committer().Write(Insert(t * kEach + i)).ok())
          ++failures;
      }
    });
  }
  for (auto& th : threads) th.join();
  CHECK(failures == 0);
  CHECK(Count(**store, "SELECT count(*) FROM flow_versions") ==
        kThreads * kEach);
  GroupCommitter::Stats stats = (*store)->committer().stats();
  CHECK(stats.writes == kThreads * kEach);
  CHECK(stats.batches <= stats.writes);
}

}  // namespace
}  // namespace fnf::internal
