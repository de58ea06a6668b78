// Task steps (docs/legacy-fdl.md) with their retry and catch policies.
// A step names a resource (resourceArn) or an operation (action).
#include <cctype>
#include <cmath>
#include <utility>

#include "common/strings.h"
#include "definition/legacy/parse_context.h"
#include "expr/suggest.h"

namespace fnf::internal::legacy {
namespace {

constexpr uint32_t kStepMappingRoots = kPathInput | kPathLocal | kPathContext;

// "<Product>:<Operation>": two non-empty names of letters, digits, '-' and
// '_'.
bool IsAction(std::string_view action) {
  const size_t colon = action.find(':');
  if (colon == std::string_view::npos || colon == 0 ||
      colon + 1 == action.size()) {
    return false;
  }
  for (size_t i = 0; i < action.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(action[i]);
    if (i != colon && !std::isalnum(c) && c != '-' && c != '_') return false;
  }
  return true;
}

std::optional<TaskMode> ParsePattern(std::string_view p) {
  if (p == "requestResponse") return TaskMode::kRequestComplete;
  if (p == "sync") return TaskMode::kWaitForSystemCallback;
  if (p == "waitForCallback") return TaskMode::kWaitForCustomCallback;
  return std::nullopt;
}

// A required, non-empty list of non-empty error names.
std::vector<std::string> ParseErrors(const ObjectReader& obj) {
  std::vector<std::string> errors;
  const Json::Array* list = obj.Array("errors", true);
  if (list == nullptr) return errors;
  if (list->empty()) obj.Error("errors", "must list at least one error name");
  for (size_t i = 0; i < list->size(); ++i) {
    const Json& e = (*list)[i];
    if (!e.is_string() || e.as_string().empty()) {
      obj.diags()->Add(&e, StrCat(obj.PathOf("errors"), "[", i, "]"),
                       "an error name must be a non-empty string");
      continue;
    }
    errors.push_back(e.as_string());
  }
  return errors;
}

// A number of seconds in [min, max]; nullopt (reported) otherwise.
std::optional<double> Seconds(const ObjectReader& obj, std::string_view key,
                              double min, double max) {
  std::optional<double> v = obj.Number(key);
  if (v && (*v < min || *v > max)) {
    obj.Error(
        key, StrCat(key, " must be between ", min, " and ", max, ", got ", *v));
    return std::nullopt;
  }
  return v;
}

Retrier ParseRetrier(const ObjectReader& obj, const Limits& limits) {
  const double max_interval =
      static_cast<double>(limits.retry_interval_max_seconds);
  Retrier r;
  r.errors = ParseErrors(obj);
  // Defaults: docs/behaviour.md; maxIntervalSeconds: docs/legacy-fdl.md
  r.interval_seconds =
      Seconds(obj, "intervalSeconds", 0, max_interval).value_or(1);
  r.max_backoff_seconds = Seconds(obj, "maxIntervalSeconds", 0, max_interval)
                              .value_or(max_interval);
  r.max_attempts = 3;
  if (std::optional<int64_t> n = obj.Int("maxAttempts")) {
    if (*n < 0 || *n > 1'000'000) {
      obj.Error("maxAttempts",
                StrCat("maxAttempts must be between 0 and 1000000, got ", *n));
    } else {
      r.max_attempts = static_cast<int>(*n);
    }
  }
  r.backoff_rate = 2;
  if (std::optional<double> m = obj.Number("multiplier")) {
    if (*m <= 0) {
      obj.Error("multiplier", StrCat("multiplier must be positive, got ", *m));
    } else {
      r.backoff_rate = *m;
    }
  }
  return r;
}

void ParseRetry(const ObjectReader& obj, State* state, ParseContext* ctx) {
  const Json::Array* list = obj.Array("retry");
  if (list == nullptr) return;
  for (size_t i = 0; i < list->size(); ++i) {
    ObjectReader policy((*list)[i], StrCat(obj.PathOf("retry"), "[", i, "]"),
                        ctx->diags);
    if (policy.ok()) {
      state->retry.push_back(ParseRetrier(policy, *ctx->options->limits));
    }
  }
}

void ParseCatch(const ObjectReader& obj, State* state, ParseContext* ctx) {
  const Json::Array* list = obj.Array("catch");
  if (list == nullptr) return;
  // Gotos point into `catchers`, so it must never reallocate after this.
  state->catchers.resize(list->size());
  for (size_t i = 0; i < list->size(); ++i) {
    ObjectReader policy((*list)[i], StrCat(obj.PathOf("catch"), "[", i, "]"),
                        ctx->diags);
    if (!policy.ok()) continue;
    Catcher& c = state->catchers[i];
    c.errors = ParseErrors(policy);
    // Required: a caught error has nowhere documented to go without it.
    if (!policy.Has("goto")) {
      policy.ErrorHere("missing required field 'goto'");
    } else {
      AddGoto(policy, "goto", &c.next, ctx);
    }
  }
}

std::optional<int64_t> TimeoutSeconds(const ObjectReader& obj,
                                      const Limits& limits) {
  const Json* v = obj.Get("timeoutSeconds");
  if (v == nullptr) return std::nullopt;
  // Number text ("30") is accepted as in the new spec (docs/behaviour.md).
  const double seconds = NumberOrText(*v).value_or(-1);
  const int64_t max = limits.execution_max_seconds;
  if (seconds < 0 || std::floor(seconds) != seconds || seconds > max) {
    obj.Error("timeoutSeconds",
              StrCat("timeoutSeconds must be a whole number of seconds from 0 "
                     "to ",
                     max, ", got ", v->Serialize()));
    return std::nullopt;
  }
  if (seconds == 0) return std::nullopt;  // 0: no timeout
  return static_cast<int64_t>(seconds);
}

}  // namespace

void ParseTask(const ObjectReader& obj, State* state, LegacyStep* legacy,
               ParseContext* ctx) {
  auto task = std::make_unique<TaskSpec>();
  // What the step calls: a resource (resourceArn) or a cloud API operation
  // (action, "<Product>:<Operation>", with serviceParams as its parameters).
  if (!obj.Has("resourceArn") && !obj.Has("action")) {
    obj.ErrorHere("missing required field 'resourceArn' or 'action'");
  }
  if (std::optional<std::string> arn = obj.String("resourceArn")) {
    if (arn->empty()) obj.Error("resourceArn", "must not be empty");
    task->resource_arn = *arn;
  }
  if (std::optional<std::string> action = obj.String("action")) {
    if (!IsAction(*action)) {
      obj.Error("action", StrCat("action must be <Product>:<Operation>, e.g. "
                                 "fnf:StartExecution, got '",
                                 *action, "'"));
    }
    task->action = *action;
  }
  task->mode_name = "requestResponse";
  if (std::optional<std::string> pattern = obj.String("pattern")) {
    if (std::optional<TaskMode> mode = ParsePattern(*pattern)) {
      task->mode = *mode;
      task->mode_name = *pattern;
    } else {
      constexpr std::string_view kPatterns[] = {"requestResponse", "sync",
                                                "waitForCallback"};
      obj.Error("pattern", StrCat("unknown pattern '", *pattern,
                                  "' (expected requestResponse, sync or "
                                  "waitForCallback)",
                                  DidYouMean(*pattern, kPatterns)));
    }
  }
  task->timeout_seconds = TimeoutSeconds(obj, *ctx->options->limits);
  legacy->service_params = ParseServiceParams(obj, "serviceParams", ctx);
  legacy->error_mappings =
      ParseMappings(obj, "errorMappings", kStepMappingRoots, ctx);
  ParseRetry(obj, state, ctx);
  ParseCatch(obj, state, ctx);
  state->task = std::move(task);
}

}  // namespace fnf::internal::legacy
