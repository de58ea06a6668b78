// Wait steps (docs/legacy-fdl.md): exactly one of `duration` and `timestamp`,
// each a constant or a path into the step input. Constants are checked here;
// path values at run time (src/interp/legacy/wait.h).
#include <cmath>
#include <utility>

#include "common/strings.h"
#include "common/time_format.h"
#include "definition/legacy/parse_context.h"
#include "expr/compile_diagnostics.h"

namespace fnf::internal::legacy {
namespace {

bool IsPathValue(const Json& v) {
  return v.is_string() && !v.as_string().empty() && v.as_string()[0] == '$';
}

// `$.key` paths are compiled as legacy conditions are, with `$` the step input
// (docs/behaviour.md), so the interpreter evaluates them like any expression.
std::optional<Expression> CompilePathValue(const ObjectReader& obj,
                                           std::string_view key,
                                           ParseContext* ctx) {
  return CompileExpressionNode(*obj.Get(key), obj.PathOf(key), kRootLegacy,
                               ctx->options->limits->expression_call_depth,
                               ctx->diags);
}

void ParseDuration(const ObjectReader& obj, WaitSpec* wait, ParseContext* ctx) {
  const Json& v = *obj.Get("duration");
  if (IsPathValue(v)) {
    if (std::optional<Expression> e = CompilePathValue(obj, "duration", ctx)) {
      wait->seconds_expr = std::move(*e);
    }
    return;
  }
  const int64_t max = ctx->options->limits->legacy_wait_max_seconds;
  std::optional<double> seconds = NumberOrText(v);
  if (!seconds || *seconds < 0 || std::floor(*seconds) != *seconds ||
      *seconds > static_cast<double>(max)) {
    obj.Error("duration",
              StrCat("duration must be a whole number of seconds "
                     "from 0 to ",
                     max, ", or a path such as $.wait; got ", v.Serialize()));
    return;
  }
  wait->seconds = *seconds;
}

void ParseTimestamp(const ObjectReader& obj, WaitSpec* wait,
                    ParseContext* ctx) {
  const Json& v = *obj.Get("timestamp");
  if (IsPathValue(v)) {
    if (std::optional<Expression> e = CompilePathValue(obj, "timestamp", ctx)) {
      wait->timestamp_expr = std::move(*e);
    }
    return;
  }
  if (!v.is_string() || !ParseTime(v.as_string())) {
    obj.Error("timestamp",
              StrCat("timestamp must be an RFC 3339 time such as "
                     "2019-05-02T15:04:05Z, or a path such as $.when; got ",
                     v.Serialize()));
    return;
  }
  wait->timestamp = v.as_string();
}

}  // namespace

void ParseWait(const ObjectReader& obj, State* state, ParseContext* ctx) {
  auto wait = std::make_unique<WaitSpec>();
  const bool duration = obj.Has("duration"), timestamp = obj.Has("timestamp");
  if (duration && timestamp) {
    obj.Error("timestamp", "duration and timestamp cannot both be set");
  } else if (duration) {
    ParseDuration(obj, wait.get(), ctx);
  } else if (timestamp) {
    ParseTimestamp(obj, wait.get(), ctx);
  } else {
    obj.ErrorHere("a wait step needs duration or timestamp");
  }
  state->wait = std::move(wait);
}

}  // namespace fnf::internal::legacy
