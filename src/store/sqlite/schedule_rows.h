// The schedule rows of a SQLite store: plain data and SQL only; the engine
// turns them into its schedule table's entries (engine/engine_schedules.cc).
#ifndef FNF_STORE_SQLITE_SCHEDULE_ROWS_H_
#define FNF_STORE_SQLITE_SCHEDULE_ROWS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "fnf/status.h"

namespace fnf::internal {

class SqliteDb;

struct ScheduleRow {
  std::string flow, name, id, description, payload, cron;
  bool enable = true;
  int64_t created_ms = 0, modified_ms = 0;
  int64_t next_fire_ms = 0;  // 0: not queued (disabled)
  int64_t anchor_ms = 0;     // when the expression was set
};

// Writes, each inside the caller's transaction (a GroupCommitter work).
Status PutScheduleRow(SqliteDb& db, const ScheduleRow& row);
Status DeleteScheduleRow(SqliteDb& db, const std::string& flow,
                         const std::string& name);
// Only an existing row changes: a schedule deleted meanwhile stays deleted.
Status SetScheduleNextFire(SqliteDb& db, const std::string& flow,
                           const std::string& name, int64_t next_fire_ms);

// Every schedule, oldest first (their order among equal fire times).
StatusOr<std::vector<ScheduleRow>> ReadSchedules(SqliteDb& db);

}  // namespace fnf::internal

#endif  // FNF_STORE_SQLITE_SCHEDULE_ROWS_H_
