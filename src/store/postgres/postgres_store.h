// The PostgreSQL store: one database shared by the engines of several hosts.
// Opening it checks the connection and brings the database to this build's
// schema; the connection is kept for the store's writes.
#ifndef FNF_STORE_POSTGRES_POSTGRES_STORE_H_
#define FNF_STORE_POSTGRES_POSTGRES_STORE_H_

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "fnf/store.h"

#include "store/postgres/pg_conn.h"
#include "store/sqlite/schema.h"
#include "store/store_handle.h"

namespace fnf::internal {

struct PostgresStoreOptions {
  PostgresOptions postgres;
  // Test hooks: the format version to bring the database to, and the steps
  // to get there (nullptr: this build's).
  int target_version = kStoreFormatVersion;
  const std::vector<Migration>* migrations = nullptr;
};

class PostgresStore : public Store {
 public:
  // Connects and prepares the schema; errors as OpenPostgresStore.
  static StatusOr<std::shared_ptr<PostgresStore>> Open(
      const std::string& conninfo, const PostgresStoreOptions& options = {});

  const PostgresOptions& options() const { return options_; }
  // "host:port/dbname", for messages.
  const std::string& where() const { return conn_->where(); }

  // Runs `use` on the store's connection. Thread-safe: callers take turns.
  Status With(const std::function<Status(PgConn&)>& use);

 private:
  PostgresStore(std::unique_ptr<PgConn> conn, PostgresOptions options)
      : conn_(std::move(conn)), options_(options) {}

  std::mutex mu_;
  std::unique_ptr<PgConn> conn_;
  PostgresOptions options_;
};

}  // namespace fnf::internal

#endif  // FNF_STORE_POSTGRES_POSTGRES_STORE_H_
