#include "interp/legacy/wait.h"

#include <chrono>
#include <cmath>
#include <optional>
#include <string>

#include "common/strings.h"
#include "common/time_format.h"
#include "interp/legacy/errors.h"
#include "json/number.h"

namespace fnf::internal::legacy {
namespace {

FlowError Runtime(std::string detail) {
  return FlowError{std::string(kErrRuntime), std::move(detail)};
}

std::variant<Json, FlowError> Evaluate(const Expression& e, const Json& input) {
  const Json empty_local = Json::MakeObject();
  EvalContext ctx;
  ctx.input = &input;
  ctx.legacy_local = &empty_local;
  return e.Evaluate(ctx);
}

std::optional<double> Seconds(const Json& v) {
  if (v.is_number()) return v.as_number();
  if (!v.is_string() || v.as_string().empty()) return std::nullopt;
  return ParseDecimal(v.as_string());
}

std::variant<TimePoint, FlowError> FromDuration(const WaitSpec& wait,
                                                const Json& input,
                                                TimePoint now,
                                                int64_t max_seconds) {
  double seconds = wait.seconds.value_or(0);
  if (!wait.seconds && wait.seconds_expr.valid()) {
    auto value = Evaluate(wait.seconds_expr, input);
    if (auto* e = std::get_if<FlowError>(&value)) return std::move(*e);
    const Json& v = std::get<Json>(value);
    std::optional<double> s = Seconds(v);
    if (!s || *s < 0 || std::floor(*s) != *s ||
        *s > static_cast<double>(max_seconds)) {
      return Runtime(StrCat("wait duration '", wait.seconds_expr.text(),
                            "' must be a whole number of seconds from 0 to ",
                            max_seconds, ", got ", v.Serialize()));
    }
    seconds = *s;
  }
  return now + std::chrono::seconds(static_cast<int64_t>(seconds));
}

std::variant<TimePoint, FlowError> FromTimestamp(const WaitSpec& wait,
                                                 const Json& input,
                                                 TimePoint now,
                                                 int64_t max_seconds) {
  std::string text;
  if (wait.timestamp) {
    text = *wait.timestamp;
  } else {
    auto value = Evaluate(wait.timestamp_expr, input);
    if (auto* e = std::get_if<FlowError>(&value)) return std::move(*e);
    const Json& v = std::get<Json>(value);
    if (!v.is_string()) {
      return Runtime(StrCat("wait timestamp '", wait.timestamp_expr.text(),
                            "' must be an RFC 3339 time, got ", v.Serialize()));
    }
    text = v.as_string();
  }
  std::optional<TimePoint> due = ParseTime(text);
  if (!due) {
    return Runtime(
        StrCat("wait timestamp '", text, "' is not an RFC 3339 time"));
  }
  if (*due <= now) return now;
  if (*due - now > std::chrono::seconds(max_seconds)) {
    return Runtime(StrCat("wait timestamp '", text, "' is more than ",
                          max_seconds, " seconds away"));
  }
  return *due;
}

}  // namespace

std::variant<TimePoint, FlowError> WaitDeadline(const WaitSpec& wait,
                                                const Json& input,
                                                TimePoint now,
                                                int64_t max_seconds) {
  if (wait.timestamp || wait.timestamp_expr.valid()) {
    return FromTimestamp(wait, input, now, max_seconds);
  }
  return FromDuration(wait, input, now, max_seconds);
}

}  // namespace fnf::internal::legacy
