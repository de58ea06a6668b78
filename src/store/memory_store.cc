#include "store/memory_store.h"

#include <utility>
#include <vector>

#include "store/store_errors.h"

namespace fnf::internal {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

}  // namespace

MemoryStore::FlowEntry* MemoryStore::Find(std::string_view name) {
  auto it = flows_.find(name);
  return it == flows_.end() ? nullptr : it->second.get();
}

// --- Flows -------------------------------------------------------------------

Status MemoryStore::CreateFlow(FlowRecord flow) {
  std::lock_guard<std::mutex> l(mu_);
  if (Find(flow.meta.name)) return FlowAlreadyExists(flow.meta.name);
  auto entry = std::make_unique<FlowEntry>();
  std::string name = flow.meta.name;
  entry->record = std::move(flow);
  flows_.emplace(std::move(name), std::move(entry));
  return Status();
}

StatusOr<Flow> MemoryStore::UpdateFlow(
    std::string_view name, const std::function<void(FlowRecord*)>& change) {
  std::lock_guard<std::mutex> l(mu_);
  FlowEntry* entry = Find(name);
  if (!entry) return FlowNotExists(name);
  change(&entry->record);
  return entry->record.meta;
}

StatusOr<FlowRecord> MemoryStore::GetFlow(std::string_view name) {
  std::lock_guard<std::mutex> l(mu_);
  FlowEntry* entry = Find(name);
  if (!entry) return FlowNotExists(name);
  return entry->record;
}

StatusOr<std::shared_ptr<const FlowVersion>> MemoryStore::GetFlowVersion(
    std::string_view name) {
  std::lock_guard<std::mutex> l(mu_);
  FlowEntry* entry = Find(name);
  if (!entry) return FlowNotExists(name);
  return entry->record.version;
}

Status MemoryStore::DeleteFlow(std::string_view name) {
  std::unique_ptr<FlowEntry> doomed;
  {
    std::lock_guard<std::mutex> l(mu_);
    auto it = flows_.find(name);
    if (it == flows_.end()) return FlowNotExists(name);
    for (auto& [exec_name, exec] : it->second->executions) {
      std::lock_guard<std::mutex> el(exec->mu);
      if (!exec->ended()) return FlowHasRunningExecutions(name, exec_name);
    }
    ended_count_ -= it->second->ended;
    doomed = std::move(it->second);
    flows_.erase(it);
  }
  return Status();  // `doomed` and its executions are freed outside the lock
}

StatusOr<Page<Flow>> MemoryStore::ListFlows(std::string_view prefix,
                                            std::string_view start_after,
                                            size_t limit) {
  Page<Flow> page;
  std::lock_guard<std::mutex> l(mu_);
  for (auto it = flows_.lower_bound(start_after); it != flows_.end(); ++it) {
    if (!StartsWith(it->first, prefix)) continue;
    if (page.items.size() == limit) {
      page.next_token = std::string(it->first);
      break;
    }
    page.items.push_back(it->second->record.meta);
  }
  return page;
}

// --- Executions --------------------------------------------------------------

StatusOr<ExecPtr> MemoryStore::CreateExecution(ExecPtr exec, SameName rule) {
  std::lock_guard<std::mutex> l(mu_);
  FlowEntry* entry = Find(exec->flow_name);
  if (!entry) return FlowNotExists(exec->flow_name);
  auto [it, inserted] = entry->executions.try_emplace(exec->name, exec);
  if (!inserted) {
    if (rule == SameName::kReturnRunning) {
      std::lock_guard<std::mutex> el(it->second->mu);
      if (!it->second->ended()) return it->second;
    }
    return ExecutionAlreadyExists(exec->flow_name, exec->name);
  }
  exec->seq = ++exec_seq_;
  return exec;
}

StatusOr<ExecPtr> MemoryStore::FindExecution(std::string_view flow_name,
                                             std::string_view name) {
  std::lock_guard<std::mutex> l(mu_);
  FlowEntry* entry = Find(flow_name);
  if (!entry) return FlowNotExists(flow_name);
  auto it = entry->executions.find(name);
  if (it == entry->executions.end()) return ExecutionNotExists(flow_name, name);
  return it->second;
}

StatusOr<Page<Execution>> MemoryStore::ListExecutions(const ExecutionQuery& q) {
  Page<Execution> page;
  std::lock_guard<std::mutex> l(mu_);
  FlowEntry* entry = Find(q.flow_name);
  if (!entry) return FlowNotExists(q.flow_name);
  auto it =
      entry->executions.lower_bound(std::max(q.start_after, q.name_prefix));
  for (; it != entry->executions.end(); ++it) {
    if (!StartsWith(it->first, q.name_prefix)) break;
    std::lock_guard<std::mutex> el(it->second->mu);
    if (q.status && it->second->status != *q.status) continue;
    if (q.limit > 0 && page.items.size() == q.limit) {
      page.next_token = std::string(it->first);
      break;
    }
    page.items.push_back(Describe(*it->second));
  }
  return page;
}

Status MemoryStore::Save(ExecutionState& /*exec*/) {
  return Status();  // the live object is the stored one
}

void MemoryStore::ExecutionEnded(const ExecPtr& exec, int64_t stopped_ms) {
  std::lock_guard<std::mutex> l(mu_);
  FlowEntry* entry = Find(exec->flow_name);
  if (!entry) return;
  auto it = entry->executions.find(exec->name);
  if (it == entry->executions.end() || it->second != exec) return;
  ++entry->ended;
  ++ended_count_;
  ended_.push_back(Ended{stopped_ms, exec});
}

bool MemoryStore::EvictOldest() {
  while (!ended_.empty()) {
    ExecPtr exec = ended_.front().exec.lock();
    ended_.pop_front();
    if (!exec) continue;  // its flow was deleted
    FlowEntry* entry = Find(exec->flow_name);
    if (!entry) continue;
    auto it = entry->executions.find(exec->name);
    if (it == entry->executions.end() || it->second != exec) continue;
    entry->executions.erase(it);
    --entry->ended;
    --ended_count_;
    return true;
  }
  return false;
}

size_t MemoryStore::Evict(const RetentionRule& rule, int64_t now_ms) {
  std::vector<ExecPtr> doomed;  // freed outside the lock
  size_t evicted = 0;
  std::lock_guard<std::mutex> l(mu_);
  while (rule.max_ended_executions > 0 &&
         ended_count_ > rule.max_ended_executions && EvictOldest()) {
    ++evicted;
  }
  while (rule.max_age_ms > 0 && !ended_.empty() &&
         ended_.front().stopped_ms <= now_ms - rule.max_age_ms &&
         EvictOldest()) {
    ++evicted;
  }
  // Closed token records are bounded the same way: at most as many as ended
  // executions kept.
  while (rule.max_ended_executions > 0 &&
         closed_order_.size() > rule.max_ended_executions) {
    closed_.erase(closed_order_.front());
    closed_order_.pop_front();
  }
  return evicted;
}

// --- Task tokens -------------------------------------------------------------

void MemoryStore::PutTaskToken(const std::string& token,
                               const TaskTokenRecord& record) {
  std::lock_guard<std::mutex> l(mu_);
  outstanding_[token] = record;
}

void MemoryStore::Close(
    std::unordered_map<std::string, TaskTokenRecord>::iterator it) {
  closed_.insert(it->first);
  closed_order_.push_back(it->first);
  outstanding_.erase(it);
}

StatusOr<TaskTokenRecord> MemoryStore::CloseTaskToken(std::string_view token) {
  std::lock_guard<std::mutex> l(mu_);
  std::string key(token);
  auto it = outstanding_.find(key);
  if (it == outstanding_.end()) {
    if (closed_.count(key)) return TaskAlreadyCompleted(token);
    return TaskTokenInvalid(token);
  }
  TaskTokenRecord record = it->second;
  Close(it);
  return record;
}

void MemoryStore::FinishTaskToken(std::string_view token) {
  std::lock_guard<std::mutex> l(mu_);
  auto it = outstanding_.find(std::string(token));
  if (it != outstanding_.end()) Close(it);
}

size_t MemoryStore::OutstandingTaskTokens() {
  std::lock_guard<std::mutex> l(mu_);
  return outstanding_.size();
}

}  // namespace fnf::internal
