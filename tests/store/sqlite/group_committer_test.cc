// The group committer: batches from many threads, a failing write rolled back
// alone, a full disk reported to every write of the failed batch.
#include <atomic>
#include <future>
#include <vector>

#include "store/sqlite/sqlite_store.h"
#include "tests/cli/tool_runner.h"
#include "tests/store/sqlite/sqlite_testing.h"
#include "tests/testing/catch.h"

namespace fnf::internal {
namespace {

using testing::Count;
using testing::TempDir;

GroupCommitter::Work Insert(int i, size_t bytes = 10) {
  return [i, bytes](SqliteDb& db) {
    auto stmt = db.Prepare("INSERT INTO flow_versions VALUES (?1, ?2, '', 0)");
    if (!stmt.ok()) return stmt.status();
    return (*stmt)
        ->Bind(1, "h" + std::to_string(i))
        .Bind(2, std::string(bytes, 'd'))
        .Run();
  };
}

TEST_CASE("A failing write is rolled back alone; its batch commits",
          "[store][sqlite]") {
  TempDir dir;
  auto store = SqliteStore::Open(dir.path() + "/f.db");
  REQUIRE(store.ok());
  REQUIRE((*store)->committer().Write(Insert(1)).ok());
  std::vector<Status> results(3);
  std::promise<void> all;
  std::atomic<int> left{3};
  auto done = [&](int k) {
    return [&, k](Status s) {
      results[k] = std::move(s);
      if (--left == 0) all.set_value();
    };
  };
  // Queue three writes in one go: the middle one half-writes, then hits a
  // duplicate key.
  (*store)->committer().Submit(Insert(2), done(0));
  (*store)->committer().Submit(
      [](SqliteDb& db) {
        Status s = Insert(3)(db);
        return s.ok() ? Insert(1)(db) : s;
      },
      done(1));
  (*store)->committer().Submit(Insert(4), done(2));
  all.get_future().wait();
  CHECK(results[0].ok());
  CHECK(results[1].code() == "InternalServerError");
  CHECK(results[1].message().find(
            "UNIQUE constraint failed: flow_versions.hash") !=
        std::string::npos);
  CHECK(results[2].ok());
  CHECK(Count(**store, "SELECT count(*) FROM flow_versions") == 3);
  CHECK(Count(**store,
              "SELECT count(*) FROM flow_versions WHERE hash = 'h3'") == 0);
}

TEST_CASE(
    "A full disk fails the write with a clear error and loses nothing "
    "committed",
    "[store][sqlite]") {
  TempDir dir;
  std::string path = dir.path() + "/full.db";
  SqliteStoreOptions options;
  options.max_pages = 40;  // a disk of 40 pages of 4 KiB
  auto store = SqliteStore::Open(path, options);
  REQUIRE(store.ok());
  Status s;
  int committed = 0;
  for (int i = 0; i < 1000 && s.ok(); ++i) {
    s = (*store)->committer().Write(Insert(i, 2000));
    if (s.ok()) ++committed;
  }
  REQUIRE(!s.ok());
  CHECK(s.code() == "InternalServerError");
  CHECK(s.message() ==
        "store " + path +
            ": a statement failed: the disk is full; nothing of this "
            "operation was committed.");
  CHECK(committed > 0);
  CHECK(Count(**store, "SELECT count(*) FROM flow_versions") == committed);
  // Small writes that fit still work after the failure.
  CHECK((*store)
            ->committer()
            .Write([](SqliteDb& db) {
              return db.Exec("DELETE FROM flow_versions WHERE hash = 'h0'");
            })
            .ok());
  CHECK(Count(**store, "SELECT count(*) FROM flow_versions") == committed - 1);
}

}  // namespace
}  // namespace fnf::internal
