// A small, sequential interpreter of legacy flows written only from the IR and
// the hook functions of src/interp/legacy, following the reference algorithm
// of docs/legacy-fdl.md Tests use it to check that the hooks compose into the
// documented behaviour, and it shows the interpreter where each hook goes.
// Parallel branches and foreach iterations run one after the other; waits and
// retry intervals take no time.
#ifndef FNF_TESTS_LEGACY_REFERENCE_RUNNER_H_
#define FNF_TESTS_LEGACY_REFERENCE_RUNNER_H_

#include <functional>
#include <map>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "fnf/options.h"

#include "common/flow_error.h"
#include "definition/ir.h"
#include "expr/eval_context.h"
#include "interp/legacy/data_flow.h"
#include "interp/legacy/iteration.h"
#include "interp/legacy/payload.h"
#include "interp/legacy/task_data.h"
#include "interp/legacy/wait.h"
#include "json/json.h"

namespace fnf::internal::legacy_testing {

struct TaskCall {
  std::string step;
  Json input, params;
  std::string token;
};

// A task's answer: its raw result, or an error.
using TaskAnswer = std::variant<Json, FlowError>;

class ReferenceRunner {
 public:
  explicit ReferenceRunner(const CompiledFlow& flow, Limits limits = {})
      : flow_(flow), limits_(limits) {}

  // Answers for task steps, by step name.
  std::map<std::string, std::function<TaskAnswer(const TaskCall&)>> tasks;
  std::vector<TaskCall> calls;       // every task call, in order
  std::vector<std::string> entered;  // every step started, in order

  struct Result {
    bool succeeded = false;
    Json output;      // succeeded
    FlowError error;  // failed
  };

  Result Run(const Json& execution_input) {
    const legacy::ContextValues flow_context{"exec", "flow", "", ""};
    // Hook: flow start.
    Json flow_input = legacy::FlowInput(flow_, execution_input, flow_context);
    Seq seq = RunSequence(flow_.top, flow_input);
    Result r;
    if (seq.kind == Kind::kFail) {
      r.error = seq.error;
      return r;
    }
    r.succeeded = true;
    // Hook: flow end.
    r.output = legacy::FlowOutput(flow_, flow_input, seq.local, flow_context);
    return r;
  }

 private:
  enum class Kind { kOk, kSucceedEnd, kFail };
  struct Seq {
    Kind kind = Kind::kOk;
    Json local;
    FlowError error;
  };
  struct StepResult {
    Kind kind = Kind::kOk;
    Json local = legacy::NewLocal();
    int next = -1;  // a goto, else -1
    std::optional<Json> caught_output;
    FlowError error;
  };

  static Seq Failed(FlowError e) { return Seq{Kind::kFail, Json(), e}; }

  Seq RunSequence(const Scope& scope, const Json& parent_input) {
    Json local = legacy::NewLocal();
    int i = scope.start;
    while (i >= 0 && i < static_cast<int>(scope.states.size())) {
      const State& s = scope.states[i];
      entered.push_back(s.name);
      const std::string token =
          s.type == StateType::kTask ? "token-" + s.name : "";
      const legacy::ContextValues context{"exec", "flow", s.name, token};
      // Hook 1: the step's input from the parent sequence's input and local.
      Json in = legacy::StepInput(s, parent_input, local, context);
      if (auto e = legacy::CheckPayload(s.name, &in, nullptr, nullptr,
                                        limits_.legacy_payload_bytes)) {
        return Failed(*e);
      }
      StepResult r = RunStep(s, in, context);
      if (r.kind == Kind::kFail) return Failed(r.error);
      // Hook 3: the step's output (a caught task failure has its own).
      Json out = r.caught_output ? std::move(*r.caught_output)
                                 : legacy::StepOutput(s, in, r.local, context);
      if (auto e = legacy::CheckPayload(s.name, &in, &out, &r.local,
                                        limits_.legacy_payload_bytes)) {
        return Failed(*e);
      }
      // Hook 4: into the parent's local.
      legacy::MergeOutput(std::move(out), &local);
      if (r.kind == Kind::kSucceedEnd) break;
      i = r.next >= 0 ? r.next : (s.end ? -1 : s.next);
    }
    return Seq{Kind::kOk, std::move(local), {}};
  }

  StepResult RunStep(const State& s, const Json& in,
                     const legacy::ContextValues& context) {
    StepResult r;
    switch (s.type) {
      case StateType::kPass:
        break;
      case StateType::kWait: {
        auto due = legacy::WaitDeadline(*s.wait, in, TimePoint(),
                                        limits_.legacy_wait_max_seconds);
        if (auto* e = std::get_if<FlowError>(&due)) return Fail(*e);
        break;
      }
      case StateType::kSucceed:
        r.kind = Kind::kSucceedEnd;
        break;
      case StateType::kFail:
        return Fail(FlowError{s.fail_code, s.fail_detail});
      case StateType::kTask:
        return RunTask(s, in, context);
      case StateType::kChoice:
        return RunChoice(s, in);
      case StateType::kParallel: {
        std::vector<Json> locals;
        for (const auto& branch : s.branches) {
          // Hook 5: each branch is a sequence whose input is the step's.
          Seq seq = RunSequence(*branch, in);
          if (seq.kind == Kind::kFail) return Fail(seq.error);
          locals.push_back(std::move(seq.local));
        }
        r.local = legacy::ArrayLocal(std::move(locals));
        break;
      }
      case StateType::kMap: {
        auto items = legacy::ForeachItems(s, in);
        if (auto* e = std::get_if<FlowError>(&items)) return Fail(*e);
        std::vector<Json> locals;
        Json::Array& list = std::get<Json::Array>(items);
        for (size_t k = 0; k < list.size(); ++k) {
          Seq seq = RunSequence(*s.map->processor,
                                legacy::IterationInput(s, in, list[k], k));
          if (seq.kind == Kind::kFail) return Fail(seq.error);
          locals.push_back(std::move(seq.local));
        }
        r.local = legacy::ArrayLocal(std::move(locals));
        break;
      }
    }
    return r;
  }

  static StepResult Fail(FlowError e) {
    StepResult r;
    r.kind = Kind::kFail;
    r.error = std::move(e);
    return r;
  }

  static bool Matches(const std::vector<std::string>& errors,
                      const std::string& code) {
    for (const std::string& e : errors) {
      if (e == code || e == kErrAll) return true;
    }
    return false;
  }

  StepResult RunTask(const State& s, const Json& in,
                     const legacy::ContextValues& context) {
    // Hook 2: the serviceParams, from the step input.
    TaskCall call{s.name, in, legacy::ServiceParams(s, in, context),
                  std::string(context.task_token)};
    std::vector<int> used(s.retry.size(), 0);
    while (true) {
      calls.push_back(call);
      auto answer = tasks.count(s.name) != 0
                        ? tasks[s.name](call)
                        : TaskAnswer(FlowError{"FnF.TaskFailed", "no mock"});
      if (Json* result = std::get_if<Json>(&answer)) {
        auto local = legacy::TaskLocal(std::move(*result));
        if (Json* l = std::get_if<Json>(&local)) {
          StepResult r;
          r.local = std::move(*l);
          return r;
        }
        answer = std::get<FlowError>(local);
      }
      const FlowError& error = std::get<FlowError>(answer);
      bool retried = false;
      for (size_t k = 0; k < s.retry.size(); ++k) {
        if (!Matches(s.retry[k].errors, error.code)) continue;
        if (used[k] < s.retry[k].max_attempts) {
          ++used[k];
          retried = true;
        }
        break;  // only the first matching policy counts
      }
      if (retried) continue;
      for (const Catcher& c : s.catchers) {
        if (!Matches(c.errors, error.code)) continue;
        StepResult r;
        r.next = c.next;
        r.caught_output = legacy::CaughtErrorOutput(s, in, error, context);
        return r;
      }
      return Fail(error);
    }
  }

  StepResult RunChoice(const State& s, const Json& in) {
    const Json empty = legacy::NewLocal();
    EvalContext ctx;
    ctx.input = &in;
    ctx.legacy_local = &empty;
    const Scope* steps = s.default_steps.get();
    int next = s.default_next;
    for (const ChoiceBranch& b : s.choices) {
      auto v = b.condition.EvaluateCondition(ctx);
      if (auto* e = std::get_if<FlowError>(&v)) return Fail(*e);
      if (std::get<bool>(v)) {
        steps = b.steps.get();
        next = b.next;
        break;
      }
    }
    StepResult r;
    r.next = next;
    if (steps != nullptr) {
      // Hook 5: the branch's local becomes the choice's local.
      Seq seq = RunSequence(*steps, in);
      if (seq.kind == Kind::kFail) return Fail(seq.error);
      r.local = std::move(seq.local);
    }
    return r;
  }

  const CompiledFlow& flow_;
  Limits limits_;
};

}  // namespace fnf::internal::legacy_testing

#endif  // FNF_TESTS_LEGACY_REFERENCE_RUNNER_H_
