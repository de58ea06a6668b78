#include "dispatch/task_dispatcher.h"

#include <utility>

#include "common/flow_error.h"
#include "common/strings.h"

namespace fnf::internal {

void TaskDispatcher::RegisterHandler(std::string key, TaskHandler handler) {
  std::lock_guard<std::mutex> l(mu_);
  handlers_[std::move(key)] = std::move(handler);
}

Status TaskDispatcher::LoadMocks(std::string_view text) {
  MockTable table;
  Status s = table.Load(text);
  if (!s.ok()) return s;
  std::lock_guard<std::mutex> l(mu_);
  mocks_ = std::move(table);
  return Status();
}

std::optional<TaskOutcome> TaskDispatcher::Call(const TaskCall& call) {
  const TaskRequest& req = call.request;
  std::optional<TaskResult> result;
  TaskHandler handler;
  {
    std::lock_guard<std::mutex> l(mu_);
    result = mocks_.Next(req.state_name);
    if (!result) {
      for (const std::string* key :
           {&req.state_name, &req.resource_arn, &req.action}) {
        if (key->empty()) continue;
        auto it = handlers_.find(*key);
        if (it != handlers_.end()) {
          handler = it->second;
          break;
        }
      }
    }
  }
  if (!result && handler) result = handler(req);
  if (!result && builtin_) result = builtin_(call);
  if (!result) {
    result = TaskResult::Failed(
        std::string(kErrTaskFailed),
        StrCat("no task handler is registered for state '", req.state_name,
               "', resource '", req.resource_arn, "' or action '", req.action,
               "'"));
  }
  if (result->kind == TaskResult::Kind::kPending) return std::nullopt;
  return ToOutcome(*result, call.legacy);
}

TaskOutcome TaskDispatcher::ToOutcome(const TaskResult& result, bool legacy) {
  TaskOutcome outcome;
  if (result.kind == TaskResult::Kind::kSucceeded) {
    JsonParseResult parsed = ParseJson(result.output);
    if (!parsed.ok || (!parsed.value.is_object() && !legacy)) {
      outcome.error = FlowError{
          std::string(kErrTaskFailed),
          parsed.ok
              ? StrCat("the task output must be a JSON object, got ",
                       parsed.value.type_name())
              : StrCat("the task output is not valid JSON: ", parsed.error)};
    } else {
      outcome.succeeded = true;
      outcome.output = std::move(parsed.value);
    }
  } else {
    outcome.error = FlowError{
        result.error.empty() ? std::string(kErrTaskFailed) : result.error,
        result.cause};
  }
  return outcome;
}

}  // namespace fnf::internal
