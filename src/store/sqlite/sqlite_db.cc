#include "store/sqlite/sqlite_db.h"

#include <cstring>

#include "common/strings.h"
#include <sqlite3.h>

namespace fnf::internal {

Status SqliteError(const std::string& path, int rc, std::string_view what,
                   std::string_view detail) {
  std::string where = StrCat("store ", path, ": ", what, " failed: ");
  switch (rc & 0xff) {
    case SQLITE_NOTADB:
      return Status(ErrorCode::kInvalidArgument,
                    StrCat("store ", path,
                           " is not an fnf store (the file is not an "
                           "SQLite database)."));
    case SQLITE_CORRUPT:
      return Status(ErrorCode::kInternalServerError,
                    StrCat("store ", path, " is damaged (", detail,
                           "); restore it from a backup."));
    case SQLITE_FULL:
      return Status(ErrorCode::kInternalServerError,
                    StrCat(where,
                           "the disk is full; nothing of this operation "
                           "was committed."));
    case SQLITE_IOERR:
      return Status(ErrorCode::kInternalServerError,
                    StrCat(where, "I/O error (", detail,
                           "); nothing of this operation was committed."));
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
    case SQLITE_AUTH:
      return Status(ErrorCode::kInvalidArgument,
                    StrCat("store ", path, " cannot be opened for writing (",
                           detail, ")."));
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status(ErrorCode::kPreconditionFailed,
                    StrCat(where, "the file is in use by another process (",
                           detail, ")."));
    default:
      return Status(ErrorCode::kInternalServerError,
                    StrCat(where, detail, " (SQLite error ", rc, ")."));
  }
}

StatusOr<std::unique_ptr<SqliteDb>> SqliteDb::Open(const std::string& path,
                                                   bool create) {
  sqlite3* raw = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  if (create) flags |= SQLITE_OPEN_CREATE;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string detail = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
    if (raw) {
      int err = sqlite3_system_errno(raw);
      if (err != 0) detail = StrCat(detail, ": ", std::strerror(err));
    }
    sqlite3_close(raw);
    return SqliteError(path, rc, "opening", detail);
  }
  sqlite3_extended_result_codes(raw, 1);
  return std::unique_ptr<SqliteDb>(new SqliteDb(path, raw));
}

SqliteDb::~SqliteDb() {
  statements_.clear();  // finalize before closing
  sqlite3_close(db_);
}

Status SqliteDb::Error(int rc, std::string_view what) const {
  return SqliteError(path_, rc, what, sqlite3_errmsg(db_));
}

Status SqliteDb::Exec(std::string_view sql) {
  std::string text(sql);
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return Error(rc, "a statement");
  return Status();
}

StatusOr<SqliteStmt*> SqliteDb::Prepare(std::string_view sql) {
  auto it = statements_.find(std::string(sql));
  if (it != statements_.end()) {
    it->second->Reset();
    return it->second.get();
  }
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) return Error(rc, "preparing a statement");
  auto owned = std::make_unique<SqliteStmt>(this, stmt);
  SqliteStmt* p = owned.get();
  statements_.emplace(std::string(sql), std::move(owned));
  return p;
}

StatusOr<std::optional<int64_t>> SqliteDb::QueryInt(std::string_view sql) {
  auto stmt = Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  auto row = (*stmt)->Step();
  if (!row.ok()) return row.status();
  std::optional<int64_t> v;
  if (*row) v = (*stmt)->Int(0);
  (*stmt)->Reset();
  return v;
}

StatusOr<std::optional<std::string>> SqliteDb::QueryText(std::string_view sql) {
  auto stmt = Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  auto row = (*stmt)->Step();
  if (!row.ok()) return row.status();
  std::optional<std::string> v;
  if (*row) v = (*stmt)->Text(0);
  (*stmt)->Reset();
  return v;
}

bool SqliteDb::InTransaction() const {
  return sqlite3_get_autocommit(db_) == 0;
}

SqliteStmt::~SqliteStmt() { sqlite3_finalize(stmt_); }

SqliteStmt& SqliteStmt::Bind(int index, int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

SqliteStmt& SqliteStmt::Bind(int index, std::string_view text) {
  sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()),
                    SQLITE_TRANSIENT);
  return *this;
}

SqliteStmt& SqliteStmt::BindBlob(int index, std::string_view bytes) {
  sqlite3_bind_blob(stmt_, index, bytes.data(), static_cast<int>(bytes.size()),
                    SQLITE_TRANSIENT);
  return *this;
}

SqliteStmt& SqliteStmt::BindNull(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

StatusOr<bool> SqliteStmt::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  Status s = db_->Error(rc, "a statement");
  Reset();
  return s;
}

Status SqliteStmt::Run() {
  for (;;) {
    auto row = Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
  }
  Reset();
  return Status();
}

int64_t SqliteStmt::Int(int column) const {
  return sqlite3_column_int64(stmt_, column);
}

std::string SqliteStmt::Text(int column) const {
  const void* p = sqlite3_column_blob(stmt_, column);
  int n = sqlite3_column_bytes(stmt_, column);
  return p ? std::string(static_cast<const char*>(p), static_cast<size_t>(n))
           : std::string();
}

bool SqliteStmt::IsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

void SqliteStmt::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

}  // namespace fnf::internal
