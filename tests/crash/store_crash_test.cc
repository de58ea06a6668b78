// Crash test of the SQLite store's write path: a child process commits
// numbered writes from several threads (each write: two rows in two tables,
// like an interpreter run's header and event), acknowledging each one when
// Write returns OK; it is killed with SIGKILL after a random number of
// acknowledgements and at each named crash point of the commit path, then
// restarted until everything is written. After every kill: the file passes
// SQLite's integrity check, every acknowledged write is there, and no write is
// there by halves. FNF_CRASH_FULL=1 runs the long form.
#include <cstdlib>
#include <map>
#include <random>
#include <thread>
#include <vector>

#include "store/sqlite/sqlite_store.h"
#include "tests/cli/tool_runner.h"
#include "tests/crash/crash_driver.h"
#include "tests/testing/catch.h"

namespace fnf::internal {
namespace {

using testing::ChildRun;
using testing::TempDir;

GroupCommitter::Work WriteUnit(int64_t id) {
  return [id](SqliteDb& db) {
    auto header =
        db.Prepare("INSERT INTO flow_versions VALUES (?1, ?2, '', 0)");
    if (!header.ok()) return header.status();
    std::string body(2000, static_cast<char>('a' + id % 26));
    Status s = (*header)->Bind(1, "w" + std::to_string(id)).Bind(2, body).Run();
    if (!s.ok()) return s;
    auto event = db.Prepare(
        "INSERT INTO events VALUES ('crash', ?1, 1, 0, ?2, 'StateEntered', "
        "'s', '{}')");
    if (!event.ok()) return event.status();
    return (*event)->Bind(1, "w" + std::to_string(id)).Bind(2, id).Run();
  };
}

// The child: writes every id in [0, total) not yet in the store, from
// `threads` threads, acknowledging each.
int Writer(const std::string& path, Durability durability, int total,
           int threads, int ack_fd) {
  SqliteStoreOptions options;
  options.durability = durability;
  auto store = SqliteStore::Open(path, options);
  if (!store.ok()) {
    testing::AckError(ack_fd, store.status().ToString());
    return 3;
  }
  std::vector<int64_t> todo;
  Status s = (*store)->Read([&](SqliteDb& db) {
    auto stmt =
        db.Prepare("SELECT count(*) FROM flow_versions WHERE hash = ?1");
    if (!stmt.ok()) return stmt.status();
    for (int64_t id = 0; id < total; ++id) {
      (*stmt)->Bind(1, "w" + std::to_string(id));
      auto row = (*stmt)->Step();
      if (!row.ok()) return row.status();
      if ((*stmt)->Int(0) == 0) todo.push_back(id);
      (*stmt)->Reset();
    }
    return Status();
  });
  if (!s.ok()) {
    testing::AckError(ack_fd, s.ToString());
    return 3;
  }
  std::atomic<size_t> next{0};
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&] {
      for (size_t i = next++; i < todo.size(); i = next++) {
        Status w = (*store)->committer().Write(WriteUnit(todo[i]));
        if (w.ok()) {
          testing::Ack(ack_fd, todo[i]);
        } else {
          testing::AckError(ack_fd, w.ToString());
        }
      }
    });
  }
  for (auto& w : workers) w.join();
  return 0;
}

struct Check {
  int64_t units = 0;      // ids with both rows
  int64_t halves = 0;     // ids with one row only
  std::string integrity;  // "ok"
  std::vector<int64_t> missing_acked;
};

Check Inspect(const std::string& path, const std::set<int64_t>& acked) {
  Check c;
  auto store = SqliteStore::Open(path);
  REQUIRE(store.ok());
  REQUIRE((*store)
              ->Read([&](SqliteDb& db) {
                auto integrity = db.QueryText("PRAGMA integrity_check");
                if (!integrity.ok()) return integrity.status();
                c.integrity = integrity->value_or("");
                auto both = db.QueryInt(
                    "SELECT count(*) FROM flow_versions v JOIN events e ON "
                    "e.name = v.hash");
                if (!both.ok()) return both.status();
                c.units = both->value_or(-1);
                auto halves = db.QueryInt(
                    "SELECT (SELECT count(*) FROM flow_versions) + (SELECT "
                    "count(*) FROM events) - "
                    "2 * (SELECT count(*) FROM flow_versions v JOIN events e "
                    "ON e.name = v.hash)");
                if (!halves.ok()) return halves.status();
                c.halves = halves->value_or(-1);
                auto stmt = db.Prepare(
                    "SELECT count(*) FROM flow_versions WHERE hash = ?1");
                if (!stmt.ok()) return stmt.status();
                for (int64_t id : acked) {
                  (*stmt)->Bind(1, "w" + std::to_string(id));
                  auto row = (*stmt)->Step();
                  if (!row.ok()) return row.status();
                  if ((*stmt)->Int(0) != 1) c.missing_acked.push_back(id);
                  (*stmt)->Reset();
                }
                return Status();
              })
              .ok());
  return c;
}

void RunCrashTest(Durability durability) {
  bool full = std::getenv("FNF_CRASH_FULL") != nullptr;
  const int total = full ? 5000 : 600;
  const int random_kills = full ? 50 : 8;
  const int point_repeats = full ? 3 : 1;
  TempDir dir;
  std::string path = dir.path() + "/crash.db";
  std::mt19937 rng(12345);
  std::set<int64_t> acked;
  int kills = 0;

  auto after_death = [&](const ChildRun& run) {
    INFO(run.errors);
    CHECK(run.errors.empty());
    acked.insert(run.acked.begin(), run.acked.end());
    Check c = Inspect(path, acked);
    CHECK(c.integrity == "ok");
    CHECK(c.halves == 0);
    CHECK(c.missing_acked.empty());
  };

  std::vector<std::pair<std::string, int>> plan;
  for (int r = 0; r < point_repeats; ++r) {
    for (const char* p :
         {"commit.before_txn", "commit.mid_txn", "commit.after_durable"}) {
      plan.emplace_back(p, 0);
    }
  }
  for (int k = 0; k < random_kills; ++k) {
    plan.emplace_back("", std::uniform_int_distribution<int>(
                              1, total / random_kills / 2)(rng));
  }
  std::shuffle(plan.begin(), plan.end(), rng);
  for (const auto& [point, kill_after] : plan) {
    int hit = std::uniform_int_distribution<int>(1, 20)(rng);
    ChildRun run = testing::RunChild(
        [&, point = point](int fd) {
          if (!point.empty()) testing::ArmCrashPoint(point, hit);
          return Writer(path, durability, total, 4, fd);
        },
        kill_after);
    if (run.killed) ++kills;
    after_death(run);
  }
  // Run to the end.
  ChildRun last = testing::RunChild(
      [&](int fd) { return Writer(path, durability, total, 4, fd); }, 0);
  CHECK(last.exit_code == 0);
  after_death(last);
  Check end = Inspect(path, acked);
  CHECK(end.units == total);
  // Writes committed but killed before their acknowledgement are there too
  // (as a client's retry would find them); none is there twice (primary key).
  CHECK(static_cast<int64_t>(acked.size()) <= total);
  CHECK(kills >=
        static_cast<int>(plan.size()) - 1);  // a late kill may find it done
}

TEST_CASE(
    "SQLite store crash test: kill -9 loses no acknowledged write (kPowerLoss)",
    "[store][sqlite][crash]") {
  RunCrashTest(Durability::kPowerLoss);
}

TEST_CASE(
    "SQLite store crash test: kill -9 loses no acknowledged write "
    "(kProcessCrash)",
    "[store][sqlite][crash]") {
  RunCrashTest(Durability::kProcessCrash);
}

}  // namespace
}  // namespace fnf::internal
