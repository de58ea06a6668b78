// The legacy dialect's steps (fdl-legacy.md): the same frames, timers, tasks,
// Retry and Catch as the new spec, with the data flow of fdl-legacy.md §2
// (inputMappings/outputMappings, $local merged into the parent's local)
// computed by interp/legacy.
#include "common/strings.h"
#include "interp/interpreter.h"
#include "interp/legacy/data_flow.h"
#include "interp/legacy/iteration.h"
#include "interp/legacy/payload.h"
#include "interp/legacy/task_data.h"
#include "interp/legacy/wait.h"

namespace fnf::internal {

void Interpreter::AttemptLegacyStep(Frame* f) {
  const State& s = f->scope->states[f->state];
  // A task's token exists before its input, which may map $context.task.token.
  if (s.type == StateType::kTask) f->task_token = env_.random->Uuid();
  legacy::ContextValues ctx{exec_->name, exec_->flow_name, s.name,
                            f->task_token};
  f->input = legacy::StepInput(s, f->seq_input, f->local, ctx);
  f->input_ready = true;
  if (f->RetriesMade() == 0) {
    EmitValue(f, EventType::kStateEntered, s.name, DetailKind::kInput,
              f->input);
  } else {
    EmitValue(f, EventType::kStateStarted, s.name, DetailKind::kInput,
              f->input);
  }
  if (auto e = legacy::CheckPayload(s.name, &f->input, nullptr, nullptr,
                                    env_.limits->legacy_payload_bytes)) {
    return RaiseError(f, std::move(*e));
  }
  ExecuteLegacyStep(f, s);
}

void Interpreter::ExecuteLegacyStep(Frame* f, const State& s) {
  switch (s.type) {
    case StateType::kPass:
    case StateType::kSucceed:
      return CompleteLegacyStep(f, Json::MakeObject(), -1, nullptr);
    case StateType::kFail:
      return RunFail(f, s);
    case StateType::kTask:
      return RunTask(f, s);
    case StateType::kChoice:
      return RunLegacyChoice(f, s);
    case StateType::kParallel:
      return RunParallel(f, s);
    case StateType::kMap:
      return RunMap(f, s);
    case StateType::kWait: {
      const TimePoint now = env_.clock->Now();
      auto due = legacy::WaitDeadline(*s.wait, f->input, now,
                                      env_.limits->legacy_wait_max_seconds);
      if (auto* e = std::get_if<FlowError>(&due))
        return RaiseError(f, std::move(*e));
      const TimePoint until = std::get<TimePoint>(due);
      if (until <= now)
        return CompleteLegacyStep(f, Json::MakeObject(), -1, nullptr);
      const double seconds = std::chrono::duration<double>(until - now).count();
      return ArmTimer(f, seconds, Frame::TimerKind::kWait);
    }
  }
}

void Interpreter::RunLegacyChoice(Frame* f, const State& s) {
  const Json empty = Json::MakeObject();
  EvalContext ctx = MakeContext(f, &f->input);
  ctx.legacy_local = &empty;  // the step's own local before a branch runs
  const Scope* steps = s.default_steps.get();
  int next = s.default_next;
  for (const ChoiceBranch& b : s.choices) {
    auto v = b.condition.EvaluateCondition(ctx);
    if (auto* e = std::get_if<FlowError>(&v))
      return RaiseError(f, std::move(*e));
    if (std::get<bool>(v)) {
      steps = b.steps.get();
      next = b.next;
      break;
    }
  }
  if (steps == nullptr || steps->states.empty()) {
    return CompleteLegacyStep(f, Json::MakeObject(), next, nullptr);
  }
  // The branch's steps are a sequence of their own; its local becomes the
  // choice's.
  f->choice_next = next;
  f->child_results.assign(1, Json());
  f->pending_children = 1;
  f->phase = Frame::Phase::kWaiting;
  Frame* child = NewFrame(steps, f, 0, Json(f->input));
  f->children.push_back(child->id);
  MakeReady(child);
}

void Interpreter::CompleteLegacyStep(Frame* f, Json local, int next,
                                     Json* caught_output) {
  const State& s = f->scope->states[f->state];
  legacy::ContextValues ctx{exec_->name, exec_->flow_name, s.name, ""};
  Json& input = f->input_ready ? f->input : f->seq_input;
  Json out = caught_output ? std::move(*caught_output)
                           : legacy::StepOutput(s, input, local, ctx);
  if (auto e = legacy::CheckPayload(s.name, &input, &out, &local,
                                    env_.limits->legacy_payload_bytes)) {
    if (caught_output) return FailFrame(f, std::move(*e));
    return RaiseError(f, std::move(*e));
  }
  EmitValue(f, EventType::kStateSucceeded, s.name, DetailKind::kOutput, out);
  legacy::MergeOutput(std::move(out), &f->local);
  f->input = Json();
  f->input_ready = false;
  if (next < 0) next = s.end ? -1 : s.next;
  if (next < 0) return FinishFrame(f, std::move(f->local));
  f->state = next;
  f->phase = Frame::Phase::kEnter;
}

}  // namespace fnf::internal
