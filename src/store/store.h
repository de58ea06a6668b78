// The store: what an engine keeps about flows, executions and task tokens,
// behind one interface, so that where it is kept (memory, SQLite, PostgreSQL)
// is a choice of implementation. MemoryStore (store/memory_store.h) is the
// first one; every implementation must pass the contract suite in
// tests/store/store_contract.h.
//
// Executions are handed out as live ExecutionState objects (shared_ptr): the
// engine advances them in place under their own mutex, and tells the store
// after each change (Save) so that a durable store can write it out. A store
// that reads executions back from disk builds the ExecutionState on
// FindExecution and must return the same object for as long as anyone holds
// it.
//
// Thread-safety: every method may be called from any thread. Lock order: a
// store's own table lock may be taken before an ExecutionState::mu (listing
// and deleting read execution status), never after it; Save is the one method
// called WITH ExecutionState::mu held, so it must not take the table lock.
// Errors use the messages of store/store_errors.h, the same for every store.
#ifndef FNF_STORE_STORE_H_
#define FNF_STORE_STORE_H_

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "fnf/status.h"
#include "fnf/types.h"

#include "runtime/execution_state.h"
#include "runtime/flow_version.h"

namespace fnf::internal {

using ExecPtr = std::shared_ptr<ExecutionState>;

// A flow as DescribeFlow reports it, with the version new executions run.
struct FlowRecord {
  Flow meta;
  std::shared_ptr<const FlowVersion> version;
};

// What CreateExecution does when the name is taken.
enum class SameName : uint8_t {
  // StartExecution with a name (api.md): a running execution of that name is
  // returned instead of a new one; an ended one is ExecutionAlreadyExists.
  kReturnRunning,
  // Generated names, Express names, distributed Map children: any execution
  // of that name is ExecutionAlreadyExists.
  kRefuse,
};

// ListExecutions: the executions of one flow in name order.
struct ExecutionQuery {
  std::string flow_name;
  std::string name_prefix;  // only names starting with it
  std::string start_after;  // page token: names >= it (the first of the page)
  std::optional<ExecutionStatus> status;  // only executions in this status
  size_t limit = 0;                       // > 0: at most this many per page
};

// Who waits for a task token: the frame of an execution that issued it.
struct TaskTokenRecord {
  std::string flow_name, execution_name;
  uint64_t execution_seq = 0;  // ExecutionState::seq: tells a reused name
  uint64_t frame_id = 0, generation = 0;
  int slot = -1;  // >= 0: a distributed Map iteration (a child execution)
};

// How long ended executions are kept (EngineOptions::retention).
struct RetentionRule {
  size_t max_ended_executions = 0;  // 0: no bound
  int64_t max_age_ms = 0;           // since the end; 0: no bound
};

class Store {
 public:
  virtual ~Store() = default;

  // --- Flows -----------------------------------------------------------------
  // FlowAlreadyExists when the name is taken.
  virtual Status CreateFlow(FlowRecord flow) = 0;
  // Runs `change` on the stored record atomically (no other flow call sees a
  // half-made change) and returns the new metadata; FlowNotExists.
  virtual StatusOr<Flow> UpdateFlow(
      std::string_view name,
      const std::function<void(FlowRecord*)>& change) = 0;
  // FlowNotExists.
  virtual StatusOr<FlowRecord> GetFlow(std::string_view name) = 0;
  // The version new executions of the flow run (cheaper than GetFlow: no
  // copy of the metadata); FlowNotExists.
  virtual StatusOr<std::shared_ptr<const FlowVersion>> GetFlowVersion(
      std::string_view name) = 0;
  // Removes the flow and its (all ended) executions. FlowNotExists;
  // InvalidArgument while an execution of the flow is running.
  virtual Status DeleteFlow(std::string_view name) = 0;
  // Flows in name order from `start_after` on (names >= it) whose name starts
  // with `prefix`; at most `limit` (> 0), next_token = the first name left.
  virtual StatusOr<Page<Flow>> ListFlows(std::string_view prefix,
                                         std::string_view start_after,
                                         size_t limit) = 0;

  // --- Executions ------------------------------------------------------------
  // Adds `exec` (flow_name, name, version, started_ms filled in) to its flow
  // and sets exec->seq, atomically with the name check. Returns `exec`, or the
  // running execution of that name under SameName::kReturnRunning.
  // FlowNotExists; ExecutionAlreadyExists.
  virtual StatusOr<ExecPtr> CreateExecution(ExecPtr exec, SameName rule) = 0;
  // FlowNotExists; ExecutionNotExists.
  virtual StatusOr<ExecPtr> FindExecution(std::string_view flow_name,
                                          std::string_view name) = 0;
  // A page of executions as the API reports them (request_id left empty);
  // FlowNotExists.
  virtual StatusOr<Page<Execution>> ListExecutions(const ExecutionQuery& q) = 0;
  // Called after every change the interpreter made to `exec` (new history
  // events from exec.history, its frames, its status): a durable store
  // writes it out before the change has effects. REQUIRES: exec.mu held.
  virtual Status Save(ExecutionState& exec) = 0;
  // `exec` has ended at `stopped_ms`: it now counts for retention.
  virtual void ExecutionEnded(const ExecPtr& exec, int64_t stopped_ms) = 0;
  // Removes ended executions beyond the rule, oldest end first, and their
  // task token records; they are then ExecutionNotExists and their names
  // free. Returns how many were removed.
  virtual size_t Evict(const RetentionRule& rule, int64_t now_ms) = 0;

  // --- Task tokens -----------------------------------------------------------
  // Records an outstanding token.
  virtual void PutTaskToken(const std::string& token,
                            const TaskTokenRecord& record) = 0;
  // Closes an outstanding token and returns its record: the first report
  // wins. InvalidArgument for a token never issued (or forgotten under
  // retention); TaskAlreadyCompleted for a closed one.
  virtual StatusOr<TaskTokenRecord> CloseTaskToken(std::string_view token) = 0;
  // Closes the token of a task that ended another way (timed out, caught,
  // stopped); unknown tokens are ignored.
  virtual void FinishTaskToken(std::string_view token) = 0;
  // Tokens put and not yet closed or finished.
  virtual size_t OutstandingTaskTokens() = 0;
};

}  // namespace fnf::internal

#endif  // FNF_STORE_STORE_H_
