// A thin RAII layer over one libpq connection: text-format queries with
// parameters, and every PostgreSQL failure turned into a Status that names the
// server and says what the user can do about it.
#ifndef FNF_STORE_POSTGRES_PG_CONN_H_
#define FNF_STORE_POSTGRES_PG_CONN_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fnf/status.h"

struct pg_conn;
struct pg_result;

namespace fnf::internal {

// The rows of one query, every value as text (NULL as nullopt).
// Thread-compatible.
class PgRows {
 public:
  explicit PgRows(pg_result* result) : result_(result) {}
  PgRows(PgRows&& other) noexcept : result_(other.result_) {
    other.result_ = nullptr;
  }
  PgRows& operator=(PgRows&&) = delete;
  PgRows(const PgRows&) = delete;
  ~PgRows();

  int size() const;
  // Row and column are numbered from 0.
  std::optional<std::string> Get(int row, int column) const;

 private:
  pg_result* result_;
};

// One connection. Thread-compatible: one thread at a time.
class PgConn {
 public:
  // Connects with `conninfo` (a libpq connection string or URI). Errors:
  // InvalidArgument when the string cannot be parsed, AccessDenied when the
  // server refuses the user or password, InternalServerError when the server
  // cannot be reached; each message names the server.
  static StatusOr<std::unique_ptr<PgConn>> Connect(const std::string& conninfo);
  PgConn(const PgConn&) = delete;
  PgConn& operator=(const PgConn&) = delete;
  ~PgConn();

  // Runs one or more statements without parameters, ignoring rows.
  Status Exec(std::string_view sql);
  // Runs one statement with text parameters ($1, $2 ...; nullopt is NULL).
  StatusOr<PgRows> Query(
      const std::string& sql,
      const std::vector<std::optional<std::string>>& params = {});

  // Whether a transaction is open (or failed and not yet rolled back).
  bool InTransaction() const;

  // "host:port/dbname", for messages.
  const std::string& where() const { return where_; }

 private:
  PgConn(pg_conn* conn, std::string where)
      : conn_(conn), where_(std::move(where)) {}
  Status Error(std::string_view what, pg_result* result) const;

  pg_conn* conn_;
  std::string where_;
};

}  // namespace fnf::internal

#endif  // FNF_STORE_POSTGRES_PG_CONN_H_
