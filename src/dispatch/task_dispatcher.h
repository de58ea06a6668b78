// The TaskDispatcher decides who does a task's work, in this order (API.md):
// a mock for the state (LoadMocks), a handler registered under the state name,
// the resource ARN or the action, the built-in integration (child flows, given
// by the engine), and otherwise a FnF.TaskFailed failure. It turns the answer
// into the interpreter's TaskOutcome.
//
// Thread-safety: every method may be called from any thread; handlers are
// called with no lock held.
#ifndef FNF_DISPATCH_TASK_DISPATCHER_H_
#define FNF_DISPATCH_TASK_DISPATCHER_H_

#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "fnf/status.h"
#include "fnf/types.h"

#include "dispatch/mocks.h"
#include "interp/interpreter.h"

namespace fnf::internal {

class TaskDispatcher {
 public:
  // The built-in integration: a result when `call` is for it, else nullopt.
  using Builtin = std::function<std::optional<TaskResult>(const TaskCall&)>;

  explicit TaskDispatcher(Builtin builtin) : builtin_(std::move(builtin)) {}

  void RegisterHandler(std::string key, TaskHandler handler);
  // Replaces the mock table; InvalidArgument when `text` is not one.
  Status LoadMocks(std::string_view text);

  // Runs the task; nullopt when its answer will come later (Pending).
  std::optional<TaskOutcome> Call(const TaskCall& call);

  // A handler's answer as the interpreter takes it: outputs must be JSON (an
  // object, except for legacy tasks); an empty error is FnF.TaskFailed.
  static TaskOutcome ToOutcome(const TaskResult& result, bool legacy);

 private:
  const Builtin builtin_;
  std::mutex mu_;
  std::unordered_map<std::string, TaskHandler> handlers_;
  MockTable mocks_;
};

}  // namespace fnf::internal

#endif  // FNF_DISPATCH_TASK_DISPATCHER_H_
