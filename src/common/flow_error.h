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

// Error names the engine raises itself.
inline constexpr std::string_view kErrAll = "FnF.ALL";
inline constexpr std::string_view kErrExpression = "FnF.ExpressionError";
inline constexpr std::string_view kErrTimeout = "FnF.Timeout";
inline constexpr std::string_view kErrTaskFailed = "FnF.TaskFailed";
inline constexpr std::string_view kErrFailed = "FnF.Failed";
inline constexpr std::string_view kErrPayloadTooLarge = "FnF.PayloadTooLarge";
inline constexpr std::string_view kErrTaskTimeout =
    "FnF.TaskTimeout";  // legacy dialect
inline constexpr std::string_view kErrHistoryLimit = "FnF.HistoryLimitExceeded";

}  // namespace fnf::internal

#endif  // FNF_COMMON_FLOW_ERROR_H_
