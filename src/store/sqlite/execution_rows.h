// The rows the engine writes to and reads from a SQLite store: flows with
// their content-addressed versions, and executions (header, frames, history
// events, task tokens). Plain data and SQL only; what the rows mean to the
// engine (the codec of frames and headers) lives in engine/durable_state.h.
#ifndef FNF_STORE_SQLITE_EXECUTION_ROWS_H_
#define FNF_STORE_SQLITE_EXECUTION_ROWS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "fnf/status.h"

namespace fnf::internal {

class SqliteDb;

struct FlowRow {
  std::string name, id, description, type, role_arn, execution_mode;
  int64_t created_ms = 0, modified_ms = 0;
  std::string version_hash;
  int64_t seq = 0;
};

struct VersionRow {
  std::string hash, definition, role_arn;
  bool express = false;
};

struct ExecutionRow {
  std::string flow, name;
  int64_t seq = 0;
  std::string version_hash, status, input, output, error_code, error_message,
      callback_token;
  int64_t started_ms = 0, stopped_ms = 0, next_event_id = 1;
  std::string state;  // the runtime header (engine/durable_state.h)
  int recoveries = 0;
};

struct FrameRow {
  uint64_t id = 0, parent_id = 0;
  std::string body;
};

struct EventRow {
  int64_t id = 0, schedule_id = 0, time_ms = 0;
  std::string type, step, detail;
};

// A task token. `slot` >= 0: a distributed Map iteration (its request is the
// child start); else a task handler call.
struct TaskRow {
  enum class State { kScheduled, kDispatched, kDone };
  std::string token;
  uint64_t frame_id = 0, generation = 0;
  int slot = -1;
  State state = State::kScheduled;
  int delivery = 1;
  std::string request;
};

// Everything one run of the interpreter on one execution changed, written in
// one savepoint of a group commit.
struct ExecutionWrite {
  ExecutionRow header;
  std::vector<FrameRow> frames;  // every frame: they replace the stored ones
  std::vector<EventRow> events;  // new events only
  std::vector<TaskRow> new_tasks;
  std::vector<std::string> done_tokens;
};

// One execution as stored.
struct StoredExecution {
  ExecutionRow header;
  std::vector<FrameRow> frames;
  std::vector<EventRow> events;
  std::vector<TaskRow> tasks;  // not done
};

// Writes. Each runs inside the caller's transaction (a GroupCommitter work).
Status PutFlowRows(SqliteDb& db, const FlowRow& flow, const VersionRow& v);
Status DeleteFlowRows(SqliteDb& db, const std::string& name);
Status WriteExecution(SqliteDb& db, const ExecutionWrite& w);
Status SetTaskState(SqliteDb& db, const std::string& token,
                    TaskRow::State state, int delivery);

// The state of task `token`; NotFound-like nullopt when it is not stored.
StatusOr<std::optional<TaskRow::State>> ReadTaskState(SqliteDb& db,
                                                      const std::string& token);

// Reads, for an engine starting on the store.
StatusOr<std::vector<std::pair<FlowRow, VersionRow>>> ReadFlows(SqliteDb& db);
StatusOr<VersionRow> ReadVersion(SqliteDb& db, const std::string& hash);
StatusOr<std::vector<StoredExecution>> ReadExecutions(SqliteDb& db);
// Counts one more Engine built on the store; returns the count.
StatusOr<int64_t> CountEngineStart(SqliteDb& db);

}  // namespace fnf::internal

#endif  // FNF_STORE_SQLITE_EXECUTION_ROWS_H_
