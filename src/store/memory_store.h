// MemoryStore: the Store that keeps everything in this process's memory (the
// default; what an Engine without EngineOptions::store uses). Flows and their
// executions are ordered maps by name, under one mutex; executions are the
// live ExecutionState objects themselves, so Save has nothing to do.
#ifndef FNF_STORE_MEMORY_STORE_H_
#define FNF_STORE_MEMORY_STORE_H_

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "absl/container/btree_map.h"
#include "store/store.h"

namespace fnf::internal {

class MemoryStore final : public Store {
 public:
  MemoryStore() = default;
  MemoryStore(const MemoryStore&) = delete;
  MemoryStore& operator=(const MemoryStore&) = delete;

  Status CreateFlow(FlowRecord flow) override;
  StatusOr<Flow> UpdateFlow(
      std::string_view name,
      const std::function<void(FlowRecord*)>& change) override;
  StatusOr<FlowRecord> GetFlow(std::string_view name) override;
  StatusOr<std::shared_ptr<const FlowVersion>> GetFlowVersion(
      std::string_view name) override;
  Status DeleteFlow(std::string_view name) override;
  StatusOr<Page<Flow>> ListFlows(std::string_view prefix,
                                 std::string_view start_after,
                                 size_t limit) override;

  StatusOr<ExecPtr> CreateExecution(ExecPtr exec, SameName rule) override;
  StatusOr<ExecPtr> FindExecution(std::string_view flow_name,
                                  std::string_view name) override;
  StatusOr<Page<Execution>> ListExecutions(const ExecutionQuery& q) override;
  Status Save(ExecutionState& exec) override;
  void ExecutionEnded(const ExecPtr& exec, int64_t stopped_ms) override;
  size_t Evict(const RetentionRule& rule, int64_t now_ms) override;

  void PutTaskToken(const std::string& token,
                    const TaskTokenRecord& record) override;
  StatusOr<TaskTokenRecord> CloseTaskToken(std::string_view token) override;
  void FinishTaskToken(std::string_view token) override;
  size_t OutstandingTaskTokens() override;

 private:
  struct FlowEntry {
    FlowRecord record;
    // Keyed by a view of the execution's own name (ExecutionState::name,
    // which never changes): the name is stored once.
    absl::btree_map<std::string_view, ExecPtr> executions;
    size_t ended = 0;  // how many of `executions` have ended
  };
  struct Ended {
    int64_t stopped_ms;
    std::weak_ptr<ExecutionState> exec;
  };

  FlowEntry* Find(std::string_view name);  // REQUIRES: mu_ held
  // Moves a token from the outstanding to the closed records.
  void Close(std::unordered_map<std::string, TaskTokenRecord>::iterator it);
  // Removes the oldest ended execution; false when none is left.
  bool EvictOldest();  // REQUIRES: mu_ held

  std::mutex mu_;
  std::map<std::string, std::unique_ptr<FlowEntry>, std::less<>> flows_;
  uint64_t exec_seq_ = 0;
  std::deque<Ended> ended_;  // in order of ending
  size_t ended_count_ = 0;   // ended executions still stored
  std::unordered_map<std::string, TaskTokenRecord> outstanding_;
  // Closed tokens, so that a second report is TaskAlreadyCompleted; the
  // oldest are forgotten under retention.
  std::unordered_set<std::string> closed_;
  std::deque<std::string> closed_order_;  // oldest first
};

}  // namespace fnf::internal

#endif  // FNF_STORE_MEMORY_STORE_H_
