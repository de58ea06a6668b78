#include "store/postgres/pg_schema.h"

#include <string>

#include "absl/strings/numbers.h"
#include "common/strings.h"
#include "store/postgres/pg_conn.h"

namespace fnf::internal {
namespace {

// The key of the advisory lock held while the schema is checked or changed:
// "fnf!", as SQLite's application_id.
constexpr const char* kSchemaLockKey = "1718511137";

// The names of the tables the schema creates, read from its statements so the
// list cannot drift from them.
std::vector<std::string> TableNames() {
  std::vector<std::string> names;
  for (const std::string& sql : SchemaV1(SqlDialect::kPostgres)) {
    constexpr std::string_view kCreate = "CREATE TABLE ";
    if (sql.rfind(kCreate, 0) != 0) continue;
    size_t end = sql.find(' ', kCreate.size());
    names.push_back(sql.substr(kCreate.size(), end - kCreate.size()));
  }
  return names;
}

StatusOr<bool> HasTable(PgConn& db, const std::string& name) {
  auto rows = db.Query("SELECT to_regclass($1) IS NOT NULL", {name});
  if (!rows.ok()) return rows.status();
  return rows->Get(0, 0).value_or("f") == "t";
}

Status SetVersion(PgConn& db, int version) {
  auto rows = db.Query(
      "INSERT INTO fnf_meta (key, value) VALUES ('format_version', $1) "
      "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      {std::to_string(version)});
  return rows.status();
}

Status Prepare(PgConn& db, int target,
               const std::vector<Migration>& migrations) {
  auto version = PgStoreFormatVersion(db);
  if (!version.ok()) return version.status();
  if (*version == 0) {
    for (const std::string& table : TableNames()) {
      auto exists = HasTable(db, table);
      if (!exists.ok()) return exists.status();
      if (*exists) {
        return Status(
            ErrorCode::kInvalidArgument,
            StrCat("store ", db.where(),
                   " is not an fnf store (it has a table "
                   "named ",
                   table,
                   " but no fnf_meta); give fnf a database or a schema of its "
                   "own, e.g. options='-c search_path=fnf'."));
      }
    }
    for (const std::string& sql : SchemaV1(SqlDialect::kPostgres)) {
      Status s = db.Exec(sql);
      if (!s.ok()) return s;
    }
    Status s = SetVersion(db, 1);
    if (!s.ok()) return s;
    *version = 1;
  }
  Status newer = CheckNotNewer(db.where(), *version, target);
  if (!newer.ok()) return newer;
  for (int v = *version; v < target; ++v) {
    auto step = MigrationFrom(migrations, v, db.where());
    if (!step.ok()) return step.status();
    for (const std::string& sql : (*step)->statements) {
      Status s = db.Exec(sql);
      if (!s.ok()) return s;
    }
    Status s = SetVersion(db, v + 1);
    if (!s.ok()) return s;
  }
  return Status();
}

}  // namespace

StatusOr<int> PgStoreFormatVersion(PgConn& db) {
  auto has_meta = HasTable(db, "fnf_meta");
  if (!has_meta.ok()) return has_meta.status();
  if (!*has_meta) return 0;
  auto rows =
      db.Query("SELECT value FROM fnf_meta WHERE key = 'format_version'");
  if (!rows.ok()) return rows.status();
  int version = 0;
  if (!absl::SimpleAtoi(rows->Get(0, 0).value_or(""), &version) ||
      version < 1) {
    return Status(ErrorCode::kInternalServerError,
                  StrCat("store ", db.where(),
                         " is damaged (fnf_meta has no valid format_version); "
                         "restore it from a backup."));
  }
  return version;
}

Status PreparePgSchema(PgConn& db, int target,
                       const std::vector<Migration>& migrations) {
  Status s = db.Exec(
      StrCat("BEGIN; SELECT pg_advisory_xact_lock(", kSchemaLockKey, ")"));
  if (s.ok()) s = Prepare(db, target, migrations);
  if (s.ok()) s = db.Exec("COMMIT");
  if (!s.ok() && db.InTransaction()) (void)db.Exec("ROLLBACK");
  return s;
}

}  // namespace fnf::internal
