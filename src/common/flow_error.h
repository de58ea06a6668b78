// A workflow runtime error: data that Retry/Catch match and that fails states
// and executions. Distinct from fnf::Status, which is an API error.
#ifndef FNF_COMMON_FLOW_ERROR_H_
#define FNF_COMMON_FLOW_ERROR_H_

#include <string>
#include <string_view>

namespace fnf::internal {

struct FlowError {
  std::string code;    // e.g. "FnF.ExpressionError", a Fail state's Code, a
                       // handler's error
  std::string detail;  // human-readable cause
};

// The one table of runtime error names that fnf raises itself (the library
// and the fnf tool): X(constant, name, when). Retry and Catch match on these
// names, so they are a user-visible contract.
#define FNF_FLOW_ERRORS(X)                                                    \
  X(kErrAll, "FnF.ALL", "matches every error in Retry/Catch")                 \
  X(kErrExpression, "FnF.ExpressionError", "an expression failed")            \
  X(kErrTimeout, "FnF.Timeout", "a task or the execution timed out")          \
  X(kErrTaskFailed, "FnF.TaskFailed", "a task failed without a name")         \
  X(kErrFailed, "FnF.Failed", "a Fail state without an Error")                \
  X(kErrPayloadTooLarge, "FnF.PayloadTooLarge", "a payload over its limit")   \
  X(kErrTaskTimeout, "FnF.TaskTimeout", "legacy: a task timed out")           \
  X(kErrHistoryLimit, "FnF.HistoryLimitExceeded", "history event limit")      \
  X(kErrCancelled, "FnF.Cancelled", "a distributed Map child was stopped")    \
  X(kErrInternal, "FnF.InternalError", "a child execution did not start")     \
  X(kErrRuntime, "FnF.RuntimeError", "legacy: a step's own data is unusable") \
  X(kErrStalled, "FnF.Stalled", "fnf run --virtual-time: nothing can move")

#define FNF_FLOW_ERROR_CONSTANT(constant, name, when) \
  inline constexpr std::string_view constant = name;
FNF_FLOW_ERRORS(FNF_FLOW_ERROR_CONSTANT)
#undef FNF_FLOW_ERROR_CONSTANT

}  // namespace fnf::internal

#endif  // FNF_COMMON_FLOW_ERROR_H_
