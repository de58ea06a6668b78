// OpenSqliteStore on good and bad files: a new store, reopening, another
// application's file, a damaged file, a newer format, migrations, the lock.
#include <filesystem>
#include <fstream>

#include "fnf/store.h"

#include "store/sqlite/schema.h"
#include "store/sqlite/sqlite_db.h"
#include "store/sqlite/sqlite_store.h"
#include "tests/cli/tool_runner.h"
#include "tests/testing/catch.h"
#include <sys/wait.h>
#include <unistd.h>

namespace fnf::internal {
namespace {

using testing::TempDir;

// A query on the store's writing connection, through the committer.
std::string WriterText(SqliteStore& store, const std::string& sql) {
  std::string out;
  Status s = store.committer().Write([&](SqliteDb& db) {
    auto v = db.QueryText(sql);
    if (!v.ok()) return v.status();
    out = v->value_or("<none>");
    return Status();
  });
  REQUIRE(s.ok());
  return out;
}

std::string ReaderText(SqliteStore& store, const std::string& sql) {
  std::string out;
  Status s = store.Read([&](SqliteDb& db) {
    auto v = db.QueryText(sql);
    if (!v.ok()) return v.status();
    out = v->value_or("<none>");
    return Status();
  });
  REQUIRE(s.ok());
  return out;
}

TEST_CASE("OpenSqliteStore creates a WAL store of format version 1",
          "[store][sqlite]") {
  TempDir dir;
  std::string path = dir.path() + "/s.db";
  {
    auto store = SqliteStore::Open(path);
    REQUIRE(store.ok());
    CHECK(WriterText(**store, "PRAGMA journal_mode") == "wal");
    CHECK(WriterText(**store, "PRAGMA synchronous") == "2");  // FULL
    CHECK(
        ReaderText(**store,
                   "SELECT value FROM fnf_meta WHERE key = 'format_version'") ==
        "1");
    CHECK(ReaderText(**store, "PRAGMA application_id") ==
          std::to_string(kSqliteApplicationId));
    REQUIRE((*store)
                ->committer()
                .Write([](SqliteDb& db) {
                  return db.Exec(
                      "INSERT INTO flow_versions VALUES ('h1', 'def', '', 0)");
                })
                .ok());
  }
  CHECK(std::filesystem::exists(path + ".lock"));
  SqliteStoreOptions crash;
  crash.durability = Durability::kProcessCrash;
  auto again = SqliteStore::Open(path, crash);
  REQUIRE(again.ok());
  CHECK(WriterText(**again, "PRAGMA synchronous") == "1");  // NORMAL
  CHECK(ReaderText(**again,
                   "SELECT definition FROM flow_versions WHERE hash = 'h1'") ==
        "def");
}

TEST_CASE("OpenSqliteStore through the public API", "[store][sqlite]") {
  TempDir dir;
  auto store = OpenSqliteStore(dir.path() + "/p.db", Durability::kProcessCrash);
  REQUIRE(store.ok());
  CHECK(*store != nullptr);
  auto empty = OpenSqliteStore("");
  REQUIRE(!empty.ok());
  CHECK(empty.status().code() == "InvalidArgument");
  CHECK(empty.status().message() ==
        "OpenSqliteStore: the store path is empty.");
}

TEST_CASE("OpenSqliteStore refuses a path in a missing folder",
          "[store][sqlite]") {
  TempDir dir;
  std::string path = dir.path() + "/no/such/dir/s.db";
  auto store = OpenSqliteStore(path);
  REQUIRE(!store.ok());
  CHECK(store.status().code() == "InvalidArgument");
  CHECK(store.status().message().rfind(
            "store " + path + " cannot be opened for writing (", 0) == 0);
}

TEST_CASE("OpenSqliteStore refuses a file that is not a database, untouched",
          "[store][sqlite]") {
  TempDir dir;
  std::string text =
      "name: my flow\nthis is not a database, and long enough to have a header "
      "of one hundred bytes or so, which SQLite reads first.\n";
  std::string path = dir.Write("notes.txt", text);
  auto store = OpenSqliteStore(path);
  REQUIRE(!store.ok());
  CHECK(store.status().code() == "InvalidArgument");
  CHECK(store.status().message() ==
        "store " + path +
            " is not an fnf store (the file is not an SQLite database).");
  CHECK(dir.Read("notes.txt") == text);
  CHECK(!std::filesystem::exists(path + ".lock"));
}

TEST_CASE("OpenSqliteStore refuses another application's SQLite database",
          "[store][sqlite]") {
  TempDir dir;
  std::string path = dir.path() + "/other.db";
  {
    auto db = SqliteDb::Open(path, true);
    REQUIRE(db.ok());
    REQUIRE(
        (*db)->Exec("CREATE TABLE customers (id INTEGER PRIMARY KEY)").ok());
  }
  auto store = OpenSqliteStore(path);
  REQUIRE(!store.ok());
  CHECK(store.status().code() == "InvalidArgument");
  CHECK(
      store.status().message() ==
      "store " + path +
          " is not an fnf store (an SQLite database of another application).");
  auto db = SqliteDb::Open(path, false);
  REQUIRE(db.ok());
  auto mode = (*db)->QueryText("PRAGMA journal_mode");
  REQUIRE(mode.ok());
  CHECK(mode->value_or("") == "delete");  // not switched to WAL
}

TEST_CASE("OpenSqliteStore refuses a store of a newer format version",
          "[store][sqlite]") {
  TempDir dir;
  std::string path = dir.path() + "/new.db";
  REQUIRE(SqliteStore::Open(path).ok());
  {
    auto db = SqliteDb::Open(path, false);
    REQUIRE(db.ok());
    REQUIRE(
        (*db)
            ->Exec(
                "UPDATE fnf_meta SET value = '7' WHERE key = 'format_version'")
            .ok());
  }
  auto store = OpenSqliteStore(path);
  REQUIRE(!store.ok());
  CHECK(store.status().code() == "InvalidArgument");
  CHECK(store.status().message() ==
        "store " + path +
            " has format version 7, written by a newer fnf; this build reads "
            "versions up to "
            "1. Open it with a newer fnf.");
}

TEST_CASE("Opening an older store runs the migrations, keeping its data",
          "[store][sqlite]") {
  TempDir dir;
  std::string path = dir.path() + "/old.db";
  {
    auto v1 = SqliteStore::Open(path);
    REQUIRE(v1.ok());
    REQUIRE(
        (*v1)
            ->committer()
            .Write([](SqliteDb& db) {
              return db.Exec(
                  "INSERT INTO flow_versions VALUES ('h1', 'def', 'role', 1)");
            })
            .ok());
  }
  std::vector<Migration> steps = {
      {1,
       {"ALTER TABLE flow_versions ADD COLUMN note TEXT NOT NULL DEFAULT "
        "'v2'"}},
      {2, {"UPDATE flow_versions SET note = note || '+v3'"}}};
  SqliteStoreOptions options;
  options.target_version = 3;
  options.migrations = &steps;
  {
    auto v3 = SqliteStore::Open(path, options);
    REQUIRE(v3.ok());
    CHECK(
        ReaderText(**v3,
                   "SELECT value FROM fnf_meta WHERE key = 'format_version'") ==
        "3");
    CHECK(
        ReaderText(**v3, "SELECT role_arn || ' ' || note FROM flow_versions") ==
        "role v2+v3");
  }
  // Version 3 is newer than this build's.
  auto current = OpenSqliteStore(path);
  REQUIRE(!current.ok());
  CHECK(current.status().message().find("has format version 3") !=
        std::string::npos);

  // A missing step is an error, and the file stays at the last good version.
  std::string path2 = dir.path() + "/gap.db";
  REQUIRE(SqliteStore::Open(path2).ok());
  std::vector<Migration> gap = {{2, {"SELECT 1"}}};
  options.migrations = &gap;
  auto failed = SqliteStore::Open(path2, options);
  REQUIRE(!failed.ok());
  CHECK(failed.status().code() == "InternalServerError");
  CHECK(failed.status().message() ==
        "store " + path2 + ": no migration from format version 1 to 2.");
}

TEST_CASE("OpenSqliteStore refuses a damaged store", "[store][sqlite]") {
  TempDir dir;
  std::string path = dir.path() + "/bad.db";
  {
    auto store = SqliteStore::Open(path);
    REQUIRE(store.ok());
    REQUIRE((*store)
                ->committer()
                .Write([](SqliteDb& db) {
                  Status s;
                  for (int i = 0; i < 200 && s.ok(); ++i) {
                    s = db.Exec("INSERT INTO flow_versions VALUES ('h" +
                                std::to_string(i) + "', '" +
                                std::string(300, 'x') + "', '', 0)");
                  }
                  return s;
                })
                .ok());
  }  // closing the last connection checkpoints the WAL into the file
  REQUIRE(!std::filesystem::exists(path + "-wal"));
  // Overwrite the middle of the file (table pages, not the header).
  auto size = std::filesystem::file_size(path);
  REQUIRE(size > 16384);
  {
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(size / 2));
    std::string junk(8192, '\x5a');
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
  auto store = OpenSqliteStore(path);
  REQUIRE(!store.ok());
  CHECK(store.status().code() == "InternalServerError");
  CHECK(store.status().message().rfind("store " + path + " is damaged (", 0) ==
        0);
  CHECK(store.status().message().find("restore it from a backup.") !=
        std::string::npos);
}

TEST_CASE("A store is open in one place at a time", "[store][sqlite]") {
  TempDir dir;
  std::string path = dir.path() + "/locked.db";
  {
    auto first = OpenSqliteStore(path);
    REQUIRE(first.ok());
    auto second = OpenSqliteStore(path);
    REQUIRE(!second.ok());
    CHECK(second.status().code() == "PreconditionFailed");
    CHECK(second.status().message() ==
          "store " + path + " is in use by another open store (" + path +
              ".lock is locked); one process at a time may open a store.");
  }
  REQUIRE(OpenSqliteStore(path).ok());  // released with the store

  // Another process holds it until it is told to let go.
  int ready[2], release[2];
  REQUIRE(pipe(ready) == 0);
  REQUIRE(pipe(release) == 0);
  pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    auto held = OpenSqliteStore(path);
    char c = held.ok() ? 'y' : 'n';
    (void)!write(ready[1], &c, 1);
    (void)!read(release[0], &c, 1);
    _exit(0);
  }
  char c = 0;
  REQUIRE(read(ready[0], &c, 1) == 1);
  REQUIRE(c == 'y');
  auto busy = OpenSqliteStore(path);
  REQUIRE(!busy.ok());
  CHECK(busy.status().code() == "PreconditionFailed");
  CHECK(busy.status().message() ==
        "store " + path + " is in use by process " + std::to_string(child) +
            " (" + path +
            ".lock is locked); one process at a time may open a "
            "store.");
  (void)!write(release[1], &c, 1);
  int status = 0;
  waitpid(child, &status, 0);
  for (int fd : {ready[0], ready[1], release[0], release[1]}) close(fd);
  CHECK(OpenSqliteStore(path).ok());
}

}  // namespace
}  // namespace fnf::internal
