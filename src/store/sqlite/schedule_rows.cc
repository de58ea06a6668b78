#include "store/sqlite/schedule_rows.h"

#include "store/sqlite/sqlite_db.h"

namespace fnf::internal {

Status PutScheduleRow(SqliteDb& db, const ScheduleRow& r) {
  auto stmt = db.Prepare(
      "INSERT INTO schedules (flow, name, id, description, payload, cron, "
      "enable, created_ms, modified_ms, next_fire_ms, anchor_ms) VALUES (?1, "
      "?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) ON CONFLICT (flow, name) DO "
      "UPDATE SET id = excluded.id, description = excluded.description, "
      "payload = excluded.payload, cron = excluded.cron, enable = "
      "excluded.enable, created_ms = excluded.created_ms, modified_ms = "
      "excluded.modified_ms, next_fire_ms = excluded.next_fire_ms, anchor_ms "
      "= excluded.anchor_ms");
  if (!stmt.ok()) return stmt.status();
  return (*stmt)
      ->Bind(1, r.flow)
      .Bind(2, r.name)
      .Bind(3, r.id)
      .Bind(4, r.description)
      .Bind(5, r.payload)
      .Bind(6, r.cron)
      .Bind(7, int64_t{r.enable ? 1 : 0})
      .Bind(8, r.created_ms)
      .Bind(9, r.modified_ms)
      .Bind(10, r.next_fire_ms)
      .Bind(11, r.anchor_ms)
      .Run();
}

Status DeleteScheduleRow(SqliteDb& db, const std::string& flow,
                         const std::string& name) {
  auto stmt = db.Prepare("DELETE FROM schedules WHERE flow = ?1 AND name = ?2");
  if (!stmt.ok()) return stmt.status();
  return (*stmt)->Bind(1, flow).Bind(2, name).Run();
}

Status SetScheduleNextFire(SqliteDb& db, const std::string& flow,
                           const std::string& name, int64_t next_fire_ms) {
  auto stmt = db.Prepare(
      "UPDATE schedules SET next_fire_ms = ?3 WHERE flow = ?1 AND name = ?2");
  if (!stmt.ok()) return stmt.status();
  return (*stmt)->Bind(1, flow).Bind(2, name).Bind(3, next_fire_ms).Run();
}

StatusOr<std::vector<ScheduleRow>> ReadSchedules(SqliteDb& db) {
  auto stmt = db.Prepare(
      "SELECT flow, name, id, description, payload, cron, enable, "
      "created_ms, modified_ms, next_fire_ms, anchor_ms FROM schedules "
      "ORDER BY created_ms, flow, name");
  if (!stmt.ok()) return stmt.status();
  SqliteStmt& q = **stmt;
  std::vector<ScheduleRow> out;
  while (true) {
    auto row = q.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    out.push_back(ScheduleRow{q.Text(0), q.Text(1), q.Text(2), q.Text(3),
                              q.Text(4), q.Text(5), q.Int(6) != 0, q.Int(7),
                              q.Int(8), q.Int(9), q.Int(10)});
  }
  return out;
}

}  // namespace fnf::internal
