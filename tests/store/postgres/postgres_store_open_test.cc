// OpenPostgresStore against a private PostgreSQL server: a new store, several
// hosts opening one database at once, reopening, another application's
// tables, a newer format, migrations, and every connection failure.
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "fnf/store.h"

#include "store/postgres/pg_conn.h"
#include "store/postgres/pg_schema.h"
#include "store/postgres/postgres_store.h"
#include "tests/testing/catch.h"
#include "tests/testing/postgres_server.h"

namespace fnf::internal {
namespace {

using testing::PostgresServer;

std::unique_ptr<PgConn> Connect(const std::string& conninfo) {
  auto conn = PgConn::Connect(conninfo);
  INFO(conn.status().ToString());
  REQUIRE(conn.ok());
  return std::move(*conn);
}

// The single value `sql` selects; "<null>" for NULL or no row.
std::string Value(PgConn& conn, const std::string& sql) {
  auto rows = conn.Query(sql);
  INFO(rows.status().ToString());
  REQUIRE(rows.ok());
  return rows->Get(0, 0).value_or("<null>");
}

TEST_CASE(
    "OpenPostgresStore creates the store's tables once, however many "
    "hosts open the database at once",
    "[store][postgres]") {
  const std::string db = PostgresServer::Shared().CreateDatabase();
  // Eight hosts race to open an empty database: the advisory lock lets one
  // create the schema; every one of them opens it.
  std::vector<StatusOr<std::shared_ptr<Store>>> opened(
      8, Status(ErrorCode::kInternalServerError, "not run"));
  std::vector<std::thread> hosts;
  for (size_t i = 0; i < opened.size(); ++i) {
    hosts.emplace_back([&, i] { opened[i] = OpenPostgresStore(db); });
  }
  for (std::thread& t : hosts) t.join();
  for (const auto& store : opened) {
    INFO(store.status().ToString());
    CHECK(store.ok());
  }
  auto conn = Connect(db);
  CHECK(Value(*conn,
              "SELECT value FROM fnf_meta WHERE key = "
              "'format_version'") == "1");
  CHECK(Value(*conn, "SELECT count(*) FROM fnf_meta") == "1");
  // Every table of the shared schema, with the binary columns as bytea.
  CHECK(Value(*conn,
              "SELECT string_agg(table_name, ',' ORDER BY table_name) FROM "
              "information_schema.tables WHERE table_schema = "
              "current_schema()") ==
        "children,events,executions,flow_versions,flows,fnf_meta,frames,"
        "schedules,tasks,timers");
  CHECK(Value(*conn,
              "SELECT data_type FROM information_schema.columns WHERE "
              "table_name = 'frames' AND column_name = 'body'") == "bytea");
  // What one host writes the next one reads: reopening keeps the data.
  REQUIRE(
      conn->Exec("INSERT INTO flow_versions VALUES ('h1', 'def', '', 0)").ok());
  opened.clear();
  auto again = PostgresStore::Open(db);
  REQUIRE(again.ok());
  std::string definition;
  REQUIRE((*again)
              ->With([&](PgConn& c) {
                auto rows = c.Query(
                    "SELECT definition FROM flow_versions WHERE hash = $1",
                    {std::string("h1")});
                if (!rows.ok()) return rows.status();
                definition = rows->Get(0, 0).value_or("<null>");
                return Status();
              })
              .ok());
  CHECK(definition == "def");
}

TEST_CASE("OpenPostgresStore refuses a database it must not touch",
          "[store][postgres]") {
  PostgresServer& server = PostgresServer::Shared();

  SECTION("another application's table of the same name") {
    const std::string db = server.CreateDatabase();
    auto conn = Connect(db);
    REQUIRE(conn->Exec("CREATE TABLE events (id int)").ok());
    auto store = OpenPostgresStore(db);
    REQUIRE_FALSE(store.ok());
    CHECK(store.status().error_code() == ErrorCode::kInvalidArgument);
    CHECK(store.status().message() ==
          "store " + server.socket_dir() + ":5432/" +
              db.substr(db.rfind('=') + 1) +
              " is not an fnf store (it has a table named events but no "
              "fnf_meta); give fnf a database or a schema of its own, e.g. "
              "options='-c search_path=fnf'.");
    // Nothing was created next to it.
    CHECK(Value(*conn, "SELECT to_regclass('fnf_meta') IS NULL") == "t");
  }

  SECTION("a schema of its own in the same database works") {
    const std::string db = server.CreateDatabase();
    auto conn = Connect(db);
    REQUIRE(conn->Exec("CREATE TABLE events (id int); CREATE SCHEMA fnf").ok());
    auto store = OpenPostgresStore(db + " options='-c search_path=fnf'");
    INFO(store.status().ToString());
    REQUIRE(store.ok());
    CHECK(Value(*conn, "SELECT to_regclass('fnf.fnf_meta') IS NOT NULL") ==
          "t");
  }

  SECTION("a store written by a newer fnf") {
    const std::string db = server.CreateDatabase();
    REQUIRE(OpenPostgresStore(db).ok());
    auto conn = Connect(db);
    REQUIRE(conn->Exec("UPDATE fnf_meta SET value = '7'").ok());
    auto store = OpenPostgresStore(db);
    REQUIRE_FALSE(store.ok());
    CHECK(store.status().error_code() == ErrorCode::kInvalidArgument);
    CHECK(store.status().message().find(
              " has format version 7, written by a newer fnf; this build "
              "reads versions up to 1. Open it with a newer fnf.") !=
          std::string::npos);
    CHECK(Value(*conn, "SELECT value FROM fnf_meta") == "7");
  }
}

TEST_CASE(
    "OpenPostgresStore migrates an older store step by step, all or "
    "nothing",
    "[store][postgres]") {
  const std::string db = PostgresServer::Shared().CreateDatabase();
  REQUIRE(OpenPostgresStore(db).ok());
  std::vector<Migration> steps = {
      {.from = 1, .statements = {"ALTER TABLE flows ADD COLUMN tags TEXT"}},
      {.from = 2, .statements = {"CREATE TABLE extra (x int)"}},
  };
  PostgresStoreOptions to3;
  to3.target_version = 3;
  to3.migrations = &steps;
  REQUIRE(PostgresStore::Open(db, to3).ok());
  auto conn = Connect(db);
  CHECK(Value(*conn, "SELECT value FROM fnf_meta") == "3");
  CHECK(Value(*conn, "SELECT to_regclass('extra') IS NOT NULL") == "t");

  // A failing step leaves the store as it was.
  std::vector<Migration> broken = {
      {.from = 3, .statements = {"CREATE TABLE more (x int)", "NOT SQL"}}};
  PostgresStoreOptions to4;
  to4.target_version = 4;
  to4.migrations = &broken;
  auto failed = PostgresStore::Open(db, to4);
  REQUIRE_FALSE(failed.ok());
  CHECK(failed.status().error_code() == ErrorCode::kInternalServerError);
  CHECK(failed.status().message().find("SQLSTATE 42601") != std::string::npos);
  CHECK(Value(*conn, "SELECT value FROM fnf_meta") == "3");
  CHECK(Value(*conn, "SELECT to_regclass('more') IS NULL") == "t");

  // No step from 3: a clear error, nothing changed.
  PostgresStoreOptions to5;
  to5.target_version = 5;
  to5.migrations = &steps;
  auto missing = PostgresStore::Open(db, to5);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().error_code() == ErrorCode::kInternalServerError);
  CHECK(missing.status().message().find(
            ": no migration from format version 3 to 4.") != std::string::npos);
}

TEST_CASE(
    "OpenPostgresStore says which setting is wrong when it cannot "
    "connect",
    "[store][postgres]") {
  PostgresServer& server = PostgresServer::Shared();

  SECTION("an empty connection string") {
    auto store = OpenPostgresStore("");
    REQUIRE_FALSE(store.ok());
    CHECK(store.status().error_code() == ErrorCode::kInvalidArgument);
    CHECK(store.status().message() ==
          "OpenPostgresStore: the connection string is empty.");
  }
  SECTION("a connection string that cannot be parsed") {
    auto store = OpenPostgresStore("host=/tmp port");
    REQUIRE_FALSE(store.ok());
    CHECK(store.status().error_code() == ErrorCode::kInvalidArgument);
    CHECK(store.status().message() ==
          "OpenPostgresStore: the connection string cannot be parsed "
          "(missing \"=\" after \"port\" in connection info string).");
  }
  SECTION("a database that does not exist") {
    auto store = OpenPostgresStore(server.ConnInfo("nope"));
    REQUIRE_FALSE(store.ok());
    CHECK(store.status().error_code() == ErrorCode::kInvalidArgument);
    CHECK(store.status().message().find(
              "OpenPostgresStore: cannot connect to PostgreSQL at " +
              server.socket_dir() + ":5432/nope (") == 0);
    CHECK(store.status().message().find("database \"nope\" does not exist") !=
          std::string::npos);
  }
  SECTION("a user the server does not know") {
    auto store =
        OpenPostgresStore(server.ConnInfo("postgres") + " user=nobody");
    REQUIRE_FALSE(store.ok());
    CHECK(store.status().error_code() == ErrorCode::kAccessDenied);
    CHECK(store.status().message().find("role \"nobody\" does not exist") !=
          std::string::npos);
  }
  SECTION("no server there") {
    auto store = OpenPostgresStore("host=" + server.socket_dir() +
                                   " port=1 dbname=postgres");
    REQUIRE_FALSE(store.ok());
    CHECK(store.status().error_code() == ErrorCode::kInternalServerError);
    CHECK(store.status().message().find(
              "OpenPostgresStore: cannot connect to PostgreSQL at " +
              server.socket_dir() + ":1/postgres (") == 0);
  }
  SECTION("options out of range") {
    PostgresOptions zero_lease;
    zero_lease.lease = std::chrono::milliseconds(0);
    auto store = OpenPostgresStore(server.ConnInfo("postgres"), zero_lease);
    REQUIRE_FALSE(store.ok());
    CHECK(store.status().error_code() == ErrorCode::kInvalidArgument);
    CHECK(store.status().message() ==
          "OpenPostgresStore: PostgresOptions.lease must be positive (it is "
          "0 ms).");
    PostgresOptions slow_poll;
    slow_poll.poll = std::chrono::milliseconds(9000);
    store = OpenPostgresStore(server.ConnInfo("postgres"), slow_poll);
    REQUIRE_FALSE(store.ok());
    CHECK(store.status().message() ==
          "OpenPostgresStore: PostgresOptions.poll must be positive and "
          "shorter than the lease (poll 9000 ms, lease 5000 ms).");
  }
}

}  // namespace
}  // namespace fnf::internal
