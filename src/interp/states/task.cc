// Task states (docs/cloudflow.md; docs/behaviour.md): the work is done by a
// host handler, a mock or a built-in integration, outside the execution's lock;
// the frame waits for the result.
#include <cmath>

#include "common/strings.h"
#include "interp/interpreter.h"
#include "interp/legacy/task_data.h"
#include "json/number.h"

namespace fnf::internal {
namespace {

// docs/behaviour.md: a Timeout may be a number or number text.
bool TimeoutSeconds(const Json& v, double* out) {
  if (v.is_number()) {
    *out = v.as_number();
    return true;
  }
  if (v.is_string()) {
    if (std::optional<double> d = ParseDecimal(v.as_string())) {
      *out = *d;
      return true;
    }
  }
  return false;
}

}  // namespace

void Interpreter::RunTask(Frame* f, const State& s) {
  const TaskSpec& t = *s.task;
  // A fresh token per attempt: a late report for an earlier attempt is refused.
  // (A legacy step made its token before its input, which may use it.)
  if (!legacy_) f->task_token = env_.random->Uuid();
  ++f->generation;
  EvalContext ctx = MakeContext(f, &f->input);
  Json params = Json::MakeObject();
  if (legacy_) {
    params =
        legacy::ServiceParams(s, f->input, StepContext(f, s, f->task_token));
  } else if (!t.parameters.empty()) {
    auto r = t.parameters.Evaluate(ctx);
    if (auto* err = std::get_if<FlowError>(&r))
      return RaiseError(f, std::move(*err));
    params = std::move(std::get<Json>(r));
  }
  double timeout = static_cast<double>(t.timeout_seconds.value_or(0));
  if (t.timeout_expr.valid()) {
    auto r = t.timeout_expr.Evaluate(ctx);
    if (auto* err = std::get_if<FlowError>(&r))
      return RaiseError(f, std::move(*err));
    const Json& v = std::get<Json>(r);
    if (!TimeoutSeconds(v, &timeout) || timeout < 0 ||
        timeout > static_cast<double>(env_.limits->task_timeout_max_seconds)) {
      return RaiseError(
          f, FlowError{
                 std::string(kErrExpression),
                 StrCat("expression '", t.timeout_expr.text(),
                        "': Timeout.$ must be a number of seconds from 0 to ",
                        env_.limits->task_timeout_max_seconds, ", got ",
                        v.Serialize())});
    }
  }
  TaskCall call;
  TaskRequest& req = call.request;
  req.flow_name = exec_->flow_name;
  req.execution_name = exec_->name;
  req.state_name = s.name;
  req.action = t.action;
  req.resource_arn = t.resource_arn;
  // A legacy step's resourceArn is its own; a serviceParams key of that name
  // is only a parameter.
  if (const Json* arn = legacy_ ? nullptr : params.Find("resourceArn");
      arn && arn->is_string()) {
    req.resource_arn = arn->as_string();
  }
  req.task_mode = t.mode_name;
  req.parameters = params.Serialize();
  req.input = f->input.Serialize();
  req.task_token = f->task_token;
  req.attempt = f->RetriesMade() + 1;
  if (timeout > 0) {
    // The same instant ArmTimer below computes.
    req.deadline = env_.clock->Now() +
                   std::chrono::milliseconds(
                       static_cast<int64_t>(std::llround(timeout * 1000)));
  }
  call.frame_id = f->id;
  call.generation = f->generation;
  call.legacy = legacy_;
  if (details()) {
    std::string detail = "{\"Action\":";
    AppendJsonString(t.action, &detail);
    detail += ",\"ResourceArn\":";
    AppendJsonString(req.resource_arn, &detail);
    detail += ",\"TaskMode\":";
    AppendJsonString(t.mode_name, &detail);
    detail += ",\"Parameters\":" + req.parameters + "}";
    Emit(f, EventType::kTaskScheduled, s.name, std::move(detail));
  }
  fx_->tasks.push_back(std::move(call));
  f->phase = Frame::Phase::kWaiting;
  f->timer_kind = Frame::TimerKind::kNone;
  f->timer_due_ms = 0;
  if (timeout > 0) ArmTimer(f, timeout, Frame::TimerKind::kTaskTimeout);
}

bool Interpreter::OnTaskResult(uint64_t frame_id, uint64_t generation,
                               TaskOutcome outcome) {
  Frame* f = WaitingFrame(frame_id, generation);
  if (f == nullptr) return false;
  const State& s = f->scope->states[f->state];
  ++f->generation;  // the task timeout, if any, is stale now
  f->timer_kind = Frame::TimerKind::kNone;
  f->timer_due_ms = 0;
  f->task_token.clear();
  f->phase = Frame::Phase::kEnter;
  if (outcome.succeeded && legacy_) {
    // docs/legacy-fdl.md: the result is the step's $local; a JSON string
    // holding an object is parsed.
    EmitValue(f, EventType::kTaskSucceeded, s.name, DetailKind::kOutput,
              outcome.output);
    auto local = legacy::TaskLocal(std::move(outcome.output));
    if (auto* e = std::get_if<FlowError>(&local)) {
      RaiseError(f, std::move(*e));
    } else {
      CompleteState(f, std::move(std::get<Json>(local)));
    }
  } else if (outcome.succeeded) {
    EmitValue(f, EventType::kTaskSucceeded, s.name, DetailKind::kOutput,
              outcome.output);
    CompleteState(f, std::move(outcome.output));
  } else {
    Emit(f, EventType::kTaskFailed, s.name, ErrorDetail(outcome.error));
    RaiseError(f, std::move(outcome.error));
  }
  if (exec_->frames.count(frame_id)) Resume(f);
  return true;
}

}  // namespace fnf::internal
