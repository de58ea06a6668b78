// Choice and Wait (docs/cloudflow.md).
#include <cmath>

#include "common/strings.h"
#include "interp/interpreter.h"

namespace fnf::internal {

void Interpreter::RunChoice(Frame* f, const State& s) {
  EvalContext ctx = MakeContext(f, &f->input);
  for (const ChoiceBranch& b : s.choices) {
    auto r = b.condition.EvaluateCondition(ctx);
    if (auto* err = std::get_if<FlowError>(&r))
      return RaiseError(f, std::move(*err));
    if (std::get<bool>(r)) {
      return CompleteState(f, std::move(f->input), b.next,
                           /*raw_is_input=*/true);
    }
  }
  CompleteState(f, std::move(f->input), s.default_next, /*raw_is_input=*/true);
}

void Interpreter::RunWait(Frame* f, const State& s) {
  const WaitSpec& w = *s.wait;
  double seconds = w.seconds.value_or(0);
  if (w.seconds_expr.valid()) {
    EvalContext ctx = MakeContext(f, &f->input);
    auto r = w.seconds_expr.Evaluate(ctx);
    if (auto* err = std::get_if<FlowError>(&r))
      return RaiseError(f, std::move(*err));
    const Json& v = std::get<Json>(r);
    const bool express = exec_->version->express;
    const int max = express ? env_.limits->express_wait_max_seconds
                            : env_.limits->wait_max_seconds;
    if (!v.is_number() || v.as_number() < env_.limits->wait_min_seconds ||
        v.as_number() > max || std::isnan(v.as_number())) {
      return RaiseError(
          f, FlowError{std::string(kErrExpression),
                       StrCat("expression '", w.seconds_expr.text(),
                              "': Seconds.$ must be a number ", "from ",
                              env_.limits->wait_min_seconds, " to ", max,
                              ", got ", v.Serialize())});
    }
    seconds = v.as_number();
  }
  ArmTimer(f, seconds, Frame::TimerKind::kWait);
}

}  // namespace fnf::internal
