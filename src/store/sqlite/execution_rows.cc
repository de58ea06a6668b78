#include "store/sqlite/execution_rows.h"

#include <map>

#include "common/strings.h"
#include "store/sqlite/sqlite_db.h"

namespace fnf::internal {
namespace {

std::string_view StateName(TaskRow::State s) {
  switch (s) {
    case TaskRow::State::kScheduled:
      return "scheduled";
    case TaskRow::State::kDispatched:
      return "dispatched";
    case TaskRow::State::kDone:
      return "done";
  }
  return "";
}

TaskRow::State ParseState(std::string_view s) {
  if (s == "dispatched") return TaskRow::State::kDispatched;
  if (s == "done") return TaskRow::State::kDone;
  return TaskRow::State::kScheduled;
}

// Steps `stmt` to its end.
Status RunStmt(StatusOr<SqliteStmt*>& stmt) {
  if (!stmt.ok()) return stmt.status();
  return (*stmt)->Run();
}

}  // namespace

Status PutFlowRows(SqliteDb& db, const FlowRow& f, const VersionRow& v) {
  auto version = db.Prepare(
      "INSERT INTO flow_versions (hash, definition, role_arn, express) "
      "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (hash) DO NOTHING");
  if (!version.ok()) return version.status();
  (*version)
      ->Bind(1, v.hash)
      .Bind(2, v.definition)
      .Bind(3, v.role_arn)
      .Bind(4, int64_t{v.express ? 1 : 0});
  Status s = RunStmt(version);
  if (!s.ok()) return s;
  auto flow = db.Prepare(
      "INSERT INTO flows (name, id, description, type, role_arn, "
      "execution_mode, created_ms, modified_ms, version_hash, seq) VALUES "
      "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT (name) DO UPDATE "
      "SET description = excluded.description, role_arn = excluded.role_arn, "
      "modified_ms = excluded.modified_ms, version_hash = "
      "excluded.version_hash");
  if (!flow.ok()) return flow.status();
  (*flow)
      ->Bind(1, f.name)
      .Bind(2, f.id)
      .Bind(3, f.description)
      .Bind(4, f.type)
      .Bind(5, f.role_arn)
      .Bind(6, f.execution_mode)
      .Bind(7, f.created_ms)
      .Bind(8, f.modified_ms)
      .Bind(9, f.version_hash)
      .Bind(10, f.seq);
  return RunStmt(flow);
}

Status DeleteFlowRows(SqliteDb& db, const std::string& name) {
  // Its executions go with it (the engine refuses while one runs); versions
  // stay, content-addressed and small.
  for (const char* sql : {"DELETE FROM events WHERE flow = ?1",
                          "DELETE FROM frames WHERE flow = ?1",
                          "DELETE FROM tasks WHERE flow = ?1",
                          "DELETE FROM executions WHERE flow = ?1",
                          "DELETE FROM schedules WHERE flow = ?1",
                          "DELETE FROM flows WHERE name = ?1"}) {
    auto stmt = db.Prepare(sql);
    if (!stmt.ok()) return stmt.status();
    (*stmt)->Bind(1, name);
    Status s = RunStmt(stmt);
    if (!s.ok()) return s;
  }
  return Status();
}

Status WriteExecution(SqliteDb& db, const ExecutionWrite& w) {
  const ExecutionRow& h = w.header;
  auto head = db.Prepare(
      "INSERT INTO executions (flow, name, seq, version_hash, status, input, "
      "output, error_code, error_message, callback_token, started_ms, "
      "stopped_ms, next_event_id, state, recoveries) VALUES (?1, ?2, ?3, ?4, "
      "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 0) ON CONFLICT (flow, "
      "name) DO UPDATE SET status = excluded.status, output = "
      "excluded.output, error_code = excluded.error_code, error_message = "
      "excluded.error_message, stopped_ms = excluded.stopped_ms, "
      "next_event_id = excluded.next_event_id, state = excluded.state, "
      "recoveries = 0");
  if (!head.ok()) return head.status();
  (*head)
      ->Bind(1, h.flow)
      .Bind(2, h.name)
      .Bind(3, h.seq)
      .Bind(4, h.version_hash)
      .Bind(5, h.status)
      .Bind(6, h.input)
      .Bind(7, h.output)
      .Bind(8, h.error_code)
      .Bind(9, h.error_message)
      .Bind(10, h.callback_token)
      .Bind(11, h.started_ms)
      .Bind(12, h.stopped_ms)
      .Bind(13, h.next_event_id)
      .BindBlob(14, h.state);
  Status s = RunStmt(head);
  if (!s.ok()) return s;
  auto clear = db.Prepare("DELETE FROM frames WHERE flow = ?1 AND name = ?2");
  if (!clear.ok()) return clear.status();
  (*clear)->Bind(1, h.flow).Bind(2, h.name);
  if (s = RunStmt(clear); !s.ok()) return s;
  for (const FrameRow& f : w.frames) {
    auto stmt = db.Prepare(
        "INSERT INTO frames (flow, name, frame_id, parent_id, body) VALUES "
        "(?1, ?2, ?3, ?4, ?5)");
    if (!stmt.ok()) return stmt.status();
    (*stmt)
        ->Bind(1, h.flow)
        .Bind(2, h.name)
        .Bind(3, static_cast<int64_t>(f.id))
        .Bind(4, static_cast<int64_t>(f.parent_id))
        .BindBlob(5, f.body);
    if (s = RunStmt(stmt); !s.ok()) return s;
  }
  for (const EventRow& e : w.events) {
    // The key (flow, name, id) makes a duplicated event a failed commit.
    auto stmt = db.Prepare(
        "INSERT INTO events (flow, name, id, schedule_id, time_ms, type, step, "
        "detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    if (!stmt.ok()) return stmt.status();
    (*stmt)
        ->Bind(1, h.flow)
        .Bind(2, h.name)
        .Bind(3, e.id)
        .Bind(4, e.schedule_id)
        .Bind(5, e.time_ms)
        .Bind(6, e.type)
        .Bind(7, e.step)
        .Bind(8, e.detail);
    if (s = RunStmt(stmt); !s.ok()) return s;
  }
  for (const TaskRow& t : w.new_tasks) {
    auto stmt = db.Prepare(
        "INSERT INTO tasks (token, flow, name, frame_id, generation, slot, "
        "state, delivery, request) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
        "?9)");
    if (!stmt.ok()) return stmt.status();
    (*stmt)
        ->Bind(1, t.token)
        .Bind(2, h.flow)
        .Bind(3, h.name)
        .Bind(4, static_cast<int64_t>(t.frame_id))
        .Bind(5, static_cast<int64_t>(t.generation))
        .Bind(6, int64_t{t.slot})
        .Bind(7, StateName(t.state))
        .Bind(8, int64_t{t.delivery})
        .BindBlob(9, t.request);
    if (s = RunStmt(stmt); !s.ok()) return s;
  }
  for (const std::string& token : w.done_tokens) {
    if (s = SetTaskState(db, token, TaskRow::State::kDone, 0); !s.ok())
      return s;
  }
  return Status();
}

Status SetTaskState(SqliteDb& db, const std::string& token,
                    TaskRow::State state, int delivery) {
  // delivery 0 keeps the stored count.
  // A task is marked dispatched only while it is scheduled: a report may
  // have closed it first.
  auto stmt = db.Prepare(
      "UPDATE tasks SET state = ?2, delivery = CASE WHEN ?3 > 0 THEN ?3 ELSE "
      "delivery END WHERE token = ?1 AND (?2 <> 'dispatched' OR state = "
      "'scheduled')");
  if (!stmt.ok()) return stmt.status();
  (*stmt)->Bind(1, token).Bind(2, StateName(state)).Bind(3, int64_t{delivery});
  return RunStmt(stmt);
}

StatusOr<std::optional<TaskRow::State>> ReadTaskState(
    SqliteDb& db, const std::string& token) {
  auto stmt = db.Prepare("SELECT state FROM tasks WHERE token = ?1");
  if (!stmt.ok()) return stmt.status();
  SqliteStmt& q = **stmt;
  q.Bind(1, token);
  auto row = q.Step();
  if (!row.ok()) return row.status();
  std::optional<TaskRow::State> out;
  if (*row) out = ParseState(q.Text(0));
  q.Reset();
  return out;
}

StatusOr<std::vector<std::pair<FlowRow, VersionRow>>> ReadFlows(SqliteDb& db) {
  std::vector<std::pair<FlowRow, VersionRow>> out;
  auto stmt = db.Prepare(
      "SELECT f.name, f.id, f.description, f.type, f.role_arn, "
      "f.execution_mode, f.created_ms, f.modified_ms, f.version_hash, f.seq, "
      "v.definition, v.role_arn, v.express FROM flows f JOIN flow_versions v "
      "ON v.hash = f.version_hash ORDER BY f.name");
  if (!stmt.ok()) return stmt.status();
  SqliteStmt& q = **stmt;
  while (true) {
    auto row = q.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    FlowRow f{q.Text(0), q.Text(1), q.Text(2), q.Text(3), q.Text(4),
              q.Text(5), q.Int(6),  q.Int(7),  q.Text(8), q.Int(9)};
    VersionRow v{f.version_hash, q.Text(10), q.Text(11), q.Int(12) != 0};
    out.emplace_back(std::move(f), std::move(v));
  }
  return out;
}

StatusOr<VersionRow> ReadVersion(SqliteDb& db, const std::string& hash) {
  auto stmt = db.Prepare(
      "SELECT definition, role_arn, express FROM flow_versions WHERE hash = "
      "?1");
  if (!stmt.ok()) return stmt.status();
  SqliteStmt& q = **stmt;
  q.Bind(1, hash);
  auto row = q.Step();
  if (!row.ok()) return row.status();
  if (!*row) {
    return Status(ErrorCode::kInternalServerError,
                  StrCat("store ", db.path(), ": flow version ", hash,
                         " is missing; restore the store from a backup."));
  }
  VersionRow v{hash, q.Text(0), q.Text(1), q.Int(2) != 0};
  q.Reset();
  return v;
}

StatusOr<std::vector<StoredExecution>> ReadExecutions(SqliteDb& db) {
  std::vector<StoredExecution> out;
  std::map<std::pair<std::string, std::string>, size_t> index;
  {
    auto stmt = db.Prepare(
        "SELECT flow, name, seq, version_hash, status, input, output, "
        "error_code, error_message, callback_token, started_ms, stopped_ms, "
        "next_event_id, state, recoveries FROM executions ORDER BY seq");
    if (!stmt.ok()) return stmt.status();
    SqliteStmt& q = **stmt;
    while (true) {
      auto row = q.Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      StoredExecution e;
      ExecutionRow& h = e.header;
      h = ExecutionRow{q.Text(0), q.Text(1),  q.Int(2),
                       q.Text(3), q.Text(4),  q.Text(5),
                       q.Text(6), q.Text(7),  q.Text(8),
                       q.Text(9), q.Int(10),  q.Int(11),
                       q.Int(12), q.Text(13), static_cast<int>(q.Int(14))};
      index[{h.flow, h.name}] = out.size();
      out.push_back(std::move(e));
    }
  }
  {
    auto stmt = db.Prepare(
        "SELECT flow, name, frame_id, parent_id, body FROM frames ORDER BY "
        "flow, name, frame_id");
    if (!stmt.ok()) return stmt.status();
    SqliteStmt& q = **stmt;
    while (true) {
      auto row = q.Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      auto it = index.find({q.Text(0), q.Text(1)});
      if (it == index.end()) continue;
      out[it->second].frames.push_back(FrameRow{static_cast<uint64_t>(q.Int(2)),
                                                static_cast<uint64_t>(q.Int(3)),
                                                q.Text(4)});
    }
  }
  {
    auto stmt = db.Prepare(
        "SELECT flow, name, id, schedule_id, time_ms, type, step, detail FROM "
        "events ORDER BY flow, name, id");
    if (!stmt.ok()) return stmt.status();
    SqliteStmt& q = **stmt;
    while (true) {
      auto row = q.Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      auto it = index.find({q.Text(0), q.Text(1)});
      if (it == index.end()) continue;
      out[it->second].events.push_back(EventRow{
          q.Int(2), q.Int(3), q.Int(4), q.Text(5), q.Text(6), q.Text(7)});
    }
  }
  {
    auto stmt = db.Prepare(
        "SELECT flow, name, token, frame_id, generation, slot, state, "
        "delivery, request FROM tasks WHERE state <> 'done' ORDER BY rowid");
    if (!stmt.ok()) return stmt.status();
    SqliteStmt& q = **stmt;
    while (true) {
      auto row = q.Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      auto it = index.find({q.Text(0), q.Text(1)});
      if (it == index.end()) continue;
      out[it->second].tasks.push_back(TaskRow{
          q.Text(2), static_cast<uint64_t>(q.Int(3)),
          static_cast<uint64_t>(q.Int(4)), static_cast<int>(q.Int(5)),
          ParseState(q.Text(6)), static_cast<int>(q.Int(7)), q.Text(8)});
    }
  }
  return out;
}

StatusOr<int64_t> CountEngineStart(SqliteDb& db) {
  Status s = db.Exec(
      "INSERT INTO fnf_meta (key, value) VALUES ('engine_starts', '1') ON "
      "CONFLICT (key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 "
      "AS TEXT)");
  if (!s.ok()) return s;
  auto n = db.QueryInt(
      "SELECT CAST(value AS INTEGER) FROM fnf_meta WHERE key = "
      "'engine_starts'");
  if (!n.ok()) return n.status();
  return n->value_or(0);
}

}  // namespace fnf::internal
