// Engine::Impl: executions started by other executions. The built-in
// FNF:StartExecution integration (and the legacy resourceArn
// acs:fnf:::flow/<name>, DECISIONS.md 27), and distributed Map iterations
// (DECISIONS.md 17). Both start through the internal Start, not the API.
#include <regex>

#include "common/flow_error.h"
#include "common/strings.h"
#include "engine/engine_impl.h"
#include "engine/names.h"
#include "engine/requests.h"

namespace fnf {

using internal::ExecutionState;
using internal::Json;
using internal::StrCat;
using internal::TaskMode;

namespace {

TaskResult Failed(std::string message) {
  return TaskResult::Failed(std::string(internal::kErrTaskFailed),
                            std::move(message));
}

}  // namespace

std::optional<TaskResult> Engine::Impl::StartChildFlow(
    const internal::TaskCall& call) {
  const TaskRequest& req = call.request;
  static const std::regex kFlowArn(
      "^acs:fnf:[^:]*:[^:]*:flow/([A-Za-z_][A-Za-z0-9_-]*)$");
  std::smatch m;
  const bool builtin =
      req.action == "FNF:StartExecution" ||
      (req.action.empty() && std::regex_match(req.resource_arn, m, kFlowArn));
  if (!builtin) return std::nullopt;
  if (!std::regex_match(req.resource_arn, m, kFlowArn)) {
    return Failed(
        StrCat("FNF:StartExecution needs Parameters.resourceArn of the form "
               "acs:fnf:<region>::flow/<name>, got '",
               req.resource_arn, "'"));
  }
  Json params = internal::ParseJson(req.parameters).value;
  // Legacy serviceParams spell them Input and ExecutionName (fdl-legacy.md
  // §4.2, §7); the lower-case forms work there too.
  std::string name_key = "executionName", input_key = "input";
  if (call.legacy && params.Find(name_key) == nullptr) {
    name_key = "ExecutionName";
  }
  if (call.legacy && params.Find(input_key) == nullptr) input_key = "Input";
  NewExecution child;
  child.flow_name = m[1].str();
  if (const Json* n = params.Find(name_key); n && n->is_string()) {
    child.name = n->as_string();
    if (std::string e =
            internal::CheckResourceName("ExecutionName", child.name);
        !e.empty()) {
      return TaskResult::Failed("InvalidArgument", e);
    }
  } else if (n != nullptr && call.legacy) {
    // fdl-legacy.md §4.2: the path must name a key of the step input.
    return Failed(StrCat("serviceParams.", name_key, " must be a string, got ",
                         n->type_name()));
  }
  // The child's input: a JSON object, or a string holding one.
  StatusOr<Json> input = Status();
  if (const Json* in = params.Find(input_key)) {
    if (in->is_string()) {
      input = internal::ParseObject("Input", in->as_string());
    } else if (in->is_object()) {
      input = *in;
    } else {
      input = internal::Invalid(
          StrCat("Input must be a JSON object, got ", in->type_name()));
    }
  } else {
    input = internal::ParseObject("Input", req.input);
  }
  if (!input.ok()) {
    return TaskResult::Failed(input.status().code(), input.status().message());
  }
  child.input = std::move(*input);
  const bool wait_for_child = call.mode == TaskMode::kWaitForSystemCallback;
  if (wait_for_child) child.callback_token = req.task_token;
  StatusOr<Execution> started = Start(std::move(child));
  if (!started.ok()) {
    return TaskResult::Failed(started.status().code(),
                              started.status().message());
  }
  if (call.mode != TaskMode::kRequestComplete) return TaskResult::Pending();
  Json::Object out;
  out.emplace_back("FlowName", Json(started->flow_name));
  out.emplace_back("ExecutionName", Json(started->name));
  out.emplace_back("RequestID", Json(started->request_id));
  return TaskResult::Succeeded(Json(std::move(out)).Serialize());
}

void Engine::Impl::LaunchMapChild(const ExecPtr& parent,
                                  internal::ChildStart c) {
  const internal::State& s = *c.map_state;
  auto flow = std::make_shared<internal::CompiledFlow>();
  flow->dialect = parent->version->compiled->dialect;
  flow->root = s.map->processor.get();
  flow->owner = parent->version->compiled;
  auto version = std::make_shared<internal::FlowVersion>();
  version->definition = parent->version->definition;
  version->role_arn = parent->version->role_arn;
  version->express = s.map->child_mode == "Express";
  version->compiled = std::move(flow);
  auto exec = std::make_shared<ExecutionState>();
  exec->flow_name = parent->flow_name;
  exec->name = c.name;
  exec->version = std::move(version);
  exec->input = std::move(c.input);
  exec->input_text = exec->input.Serialize();
  exec->callback_token = c.token;
  exec->started_ms = NowMs();
  StatusOr<internal::ExecPtr> created =
      store_->CreateExecution(exec, internal::SameName::kRefuse);
  if (!created.ok()) {
    internal::TaskOutcome outcome;
    outcome.error = internal::FlowError{
        std::string(internal::kErrInternal),
        created.status().error_code() == ErrorCode::kFlowNotExists
            ? StrCat("flow ", exec->flow_name, " no longer exists")
            : StrCat("execution ", exec->name, " already exists")};
    (void)ReportTask(c.token, std::move(outcome));
    return;
  }
  Launch(exec, false);
}

}  // namespace fnf
