// A thin RAII layer over one SQLite connection: prepared statements cached by
// their SQL text, and every SQLite failure turned into a Status that names the
// store file and says what the user can do about it.
#ifndef FNF_STORE_SQLITE_SQLITE_DB_H_
#define FNF_STORE_SQLITE_SQLITE_DB_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "fnf/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace fnf::internal {

class SqliteDb;

// A prepared statement, reset and cleared when the next use begins.
// Thread-compatible (as its connection).
class SqliteStmt {
 public:
  SqliteStmt(SqliteDb* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  SqliteStmt(const SqliteStmt&) = delete;
  SqliteStmt& operator=(const SqliteStmt&) = delete;
  ~SqliteStmt();

  // Parameters are numbered from 1, as in SQL (`?1`).
  SqliteStmt& Bind(int index, int64_t value);
  SqliteStmt& Bind(int index, std::string_view text);
  SqliteStmt& BindBlob(int index, std::string_view bytes);
  SqliteStmt& BindNull(int index);

  // Runs one step: true when a row is available, false when done.
  StatusOr<bool> Step();
  // Runs to completion, ignoring rows.
  Status Run();

  // Columns are numbered from 0. A NULL reads as 0 / "".
  int64_t Int(int column) const;
  std::string Text(int column) const;
  bool IsNull(int column) const;

  // Resets the statement and clears its bindings for the next use.
  void Reset();

 private:
  SqliteDb* db_;
  sqlite3_stmt* stmt_;
};

class SqliteDb {
 public:
  // Opens (creating when `create`) the database file at `path`.
  static StatusOr<std::unique_ptr<SqliteDb>> Open(const std::string& path,
                                                  bool create);
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;
  ~SqliteDb();

  // Runs one or more statements without results.
  Status Exec(std::string_view sql);
  // The cached prepared statement for `sql`, reset and ready to bind.
  StatusOr<SqliteStmt*> Prepare(std::string_view sql);
  // A single integer or text result of a query; nullopt when it has no row.
  StatusOr<std::optional<int64_t>> QueryInt(std::string_view sql);
  StatusOr<std::optional<std::string>> QueryText(std::string_view sql);

  // Whether a transaction is open.
  bool InTransaction() const;

  // The Status for SQLite result code `rc` while doing `what`.
  Status Error(int rc, std::string_view what) const;

  const std::string& path() const { return path_; }
  sqlite3* raw() const { return db_; }

 private:
  SqliteDb(std::string path, sqlite3* db) : path_(std::move(path)), db_(db) {}

  std::string path_;
  sqlite3* db_;
  std::unordered_map<std::string, std::unique_ptr<SqliteStmt>> statements_;
};

// The Status for SQLite result code `rc` on the store file `path`, with
// SQLite's own message `detail`. Exposed for the store's open path.
Status SqliteError(const std::string& path, int rc, std::string_view what,
                   std::string_view detail);

}  // namespace fnf::internal

#endif  // FNF_STORE_SQLITE_SQLITE_DB_H_
