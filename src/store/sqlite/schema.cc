#include "store/sqlite/schema.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "common/strings.h"
#include "store/sqlite/sqlite_db.h"

namespace fnf::internal {
namespace {

// `$BLOB` is the one type the dialects spell differently. Times are
// milliseconds since the epoch; JSON travels as text; the serialised runtime
// state of an execution and its frames is binary.
constexpr const char* kSchemaV1[] = {
    "CREATE TABLE fnf_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    // Flows point at their current version; versions are content-addressed
    // and kept while an execution uses them.
    "CREATE TABLE flows (name TEXT PRIMARY KEY, id TEXT NOT NULL,"
    " description TEXT NOT NULL, type TEXT NOT NULL, role_arn TEXT NOT NULL,"
    " execution_mode TEXT NOT NULL, created_ms BIGINT NOT NULL,"
    " modified_ms BIGINT NOT NULL, version_hash TEXT NOT NULL, seq BIGINT NOT "
    "NULL)",
    "CREATE TABLE flow_versions (hash TEXT PRIMARY KEY, definition TEXT NOT "
    "NULL,"
    " role_arn TEXT NOT NULL, express SMALLINT NOT NULL)",
    // The header of an execution: what the API reports, plus `state` (the
    // runtime's serialised header: $Global, ids, ready frames, deadline).
    // `recoveries` counts Resume()s that did not see it reach a commit.
    "CREATE TABLE executions (flow TEXT NOT NULL, name TEXT NOT NULL,"
    " seq BIGINT NOT NULL, version_hash TEXT NOT NULL, status TEXT NOT NULL,"
    " input TEXT NOT NULL, output TEXT NOT NULL, error_code TEXT NOT NULL,"
    " error_message TEXT NOT NULL, callback_token TEXT NOT NULL,"
    " started_ms BIGINT NOT NULL, stopped_ms BIGINT NOT NULL,"
    " next_event_id BIGINT NOT NULL, state $BLOB NOT NULL,"
    " recoveries INT NOT NULL DEFAULT 0, owner TEXT, epoch BIGINT NOT NULL "
    "DEFAULT 0,"
    " PRIMARY KEY (flow, name))",
    "CREATE INDEX executions_by_status ON executions (status, stopped_ms)",
    "CREATE TABLE frames (flow TEXT NOT NULL, name TEXT NOT NULL,"
    " frame_id BIGINT NOT NULL, parent_id BIGINT NOT NULL, body $BLOB NOT NULL,"
    " PRIMARY KEY (flow, name, frame_id))",
    // Append-only; the key makes a duplicated event id a failed commit.
    "CREATE TABLE events (flow TEXT NOT NULL, name TEXT NOT NULL, id BIGINT "
    "NOT NULL,"
    " schedule_id BIGINT NOT NULL, time_ms BIGINT NOT NULL, type TEXT NOT NULL,"
    " step TEXT NOT NULL, detail TEXT NOT NULL, PRIMARY KEY (flow, name, id))",
    // One armed timer per frame (frame 0: the execution's own deadline), due
    // at an absolute time so that downtime makes it late, never lost.
    "CREATE TABLE timers (flow TEXT NOT NULL, name TEXT NOT NULL,"
    " frame_id BIGINT NOT NULL, generation BIGINT NOT NULL, due_ms BIGINT NOT "
    "NULL,"
    " kind TEXT NOT NULL, PRIMARY KEY (flow, name, frame_id))",
    "CREATE INDEX timers_by_due ON timers (due_ms)",
    // Task tokens: `state` is scheduled (a handler may not have seen it),
    // dispatched (a handler answered Pending) or done (a result was accepted:
    // later reports get TaskAlreadyCompleted); `request` redelivers it.
    "CREATE TABLE tasks (token TEXT PRIMARY KEY, flow TEXT NOT NULL,"
    " name TEXT NOT NULL, frame_id BIGINT NOT NULL, generation BIGINT NOT NULL,"
    " slot INT NOT NULL, state TEXT NOT NULL, delivery INT NOT NULL,"
    " request $BLOB NOT NULL)",
    "CREATE INDEX tasks_by_execution ON tasks (flow, name)",
    // A child execution started by a parent's task or distributed Map, written
    // in the parent's commit so that no child is started twice.
    "CREATE TABLE children (child_flow TEXT NOT NULL, child_name TEXT NOT NULL,"
    " parent_flow TEXT NOT NULL, parent_name TEXT NOT NULL,"
    " frame_id BIGINT NOT NULL, slot INT NOT NULL,"
    " PRIMARY KEY (child_flow, child_name))",
    "CREATE INDEX children_by_parent ON children (parent_flow, parent_name)",
    "CREATE TABLE schedules (flow TEXT NOT NULL, name TEXT NOT NULL, id TEXT "
    "NOT NULL,"
    " description TEXT NOT NULL, payload TEXT NOT NULL, cron TEXT NOT NULL,"
    " enable SMALLINT NOT NULL, created_ms BIGINT NOT NULL,"
    " modified_ms BIGINT NOT NULL, next_fire_ms BIGINT NOT NULL,"
    " anchor_ms BIGINT NOT NULL, PRIMARY KEY (flow, name))",
};

Status NotAStore(const SqliteDb& db, std::string_view why) {
  return Status(
      ErrorCode::kInvalidArgument,
      StrCat("store ", db.path(), " is not an fnf store (", why, ")."));
}

// Runs `statements` and records `version`, all in one transaction.
Status RunVersioned(SqliteDb& db, const std::vector<std::string>& statements,
                    int version, bool create) {
  Status s = db.Exec("BEGIN IMMEDIATE");
  if (!s.ok()) return s;
  for (const std::string& sql : statements) {
    s = db.Exec(sql);
    if (!s.ok()) break;
  }
  if (s.ok() && create) {
    s = db.Exec(StrCat("PRAGMA application_id = ", kSqliteApplicationId));
  }
  if (s.ok()) {
    s = db.Exec(StrCat(
        "INSERT INTO fnf_meta (key, value) VALUES ('format_version', '",
        version, "') ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
  }
  if (s.ok()) s = db.Exec("COMMIT");
  if (!s.ok() && db.InTransaction()) (void)db.Exec("ROLLBACK");
  return s;
}

}  // namespace

std::vector<std::string> SchemaV1(SqlDialect dialect) {
  std::string blob = dialect == SqlDialect::kSqlite ? "BLOB" : "BYTEA";
  std::vector<std::string> out;
  for (const char* sql : kSchemaV1) {
    out.push_back(absl::StrReplaceAll(sql, {{"$BLOB", blob}}));
  }
  return out;
}

const std::vector<Migration>& StoreMigrations() {
  static const std::vector<Migration> migrations;
  return migrations;
}

StatusOr<int> StoreFormatVersion(SqliteDb& db) {
  auto text =
      db.QueryText("SELECT value FROM fnf_meta WHERE key = 'format_version'");
  if (!text.ok()) return text.status();
  int version = 0;
  if (!text->has_value() || !absl::SimpleAtoi(**text, &version) ||
      version < 1) {
    return NotAStore(db, "it records no format version");
  }
  return version;
}

Status CheckNotNewer(std::string_view where, int version, int target) {
  if (version <= target) return Status();
  return Status(ErrorCode::kInvalidArgument,
                StrCat("store ", where, " has format version ", version,
                       ", written by a newer fnf; this build reads versions "
                       "up to ",
                       target, ". Open it with a newer fnf."));
}

StatusOr<const Migration*> MigrationFrom(
    const std::vector<Migration>& migrations, int from,
    std::string_view where) {
  for (const Migration& m : migrations) {
    if (m.from == from) return &m;
  }
  return Status(ErrorCode::kInternalServerError,
                StrCat("store ", where, ": no migration from format version ",
                       from, " to ", from + 1, "."));
}

Status PrepareSchema(SqliteDb& db, int target,
                     const std::vector<Migration>& migrations) {
  auto app = db.QueryInt("PRAGMA application_id");
  if (!app.ok()) return app.status();
  if (app->value_or(0) != kSqliteApplicationId) {
    auto tables = db.QueryInt("SELECT count(*) FROM sqlite_master");
    if (!tables.ok()) return tables.status();
    if (app->value_or(0) != 0 || tables->value_or(0) != 0) {
      return NotAStore(db, "an SQLite database of another application");
    }
    Status created = RunVersioned(db, SchemaV1(SqlDialect::kSqlite), 1, true);
    if (!created.ok()) return created;
    return PrepareSchema(db, target, migrations);
  }
  auto version = StoreFormatVersion(db);
  if (!version.ok()) return version.status();
  Status newer = CheckNotNewer(db.path(), *version, target);
  if (!newer.ok()) return newer;
  for (int v = *version; v < target; ++v) {
    auto step = MigrationFrom(migrations, v, db.path());
    if (!step.ok()) return step.status();
    Status s = RunVersioned(db, (*step)->statements, v + 1, false);
    if (!s.ok()) return s;
  }
  return Status();
}

}  // namespace fnf::internal
