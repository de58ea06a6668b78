// Task states (docs/cloudflow.md, docs/behaviour.md): what the engine
// hands to a task handler, and how long it may take.
#include "common/strings.h"
#include "definition/cloudflow/fields.h"
#include "definition/cloudflow/parser.h"
#include "expr/suggest.h"

namespace fnf::internal::cloudflow {
namespace {

// `Service:Operation`, e.g. FC:InvokeFunction. Handlers are looked up by this
// exact text, so anything that could not name one is refused here.
bool ValidAction(std::string_view action) {
  const size_t colon = action.find(':');
  if (colon == std::string_view::npos || colon == 0 ||
      colon + 1 == action.size() ||
      action.find(':', colon + 1) != std::string_view::npos) {
    return false;
  }
  for (char c : action) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return false;
  }
  return true;
}

std::optional<TaskMode> ParseMode(std::string_view mode) {
  if (mode == "RequestComplete") return TaskMode::kRequestComplete;
  if (mode == "WaitForSystemCallback") return TaskMode::kWaitForSystemCallback;
  if (mode == "WaitForCustomCallback") return TaskMode::kWaitForCustomCallback;
  return std::nullopt;
}

void ParseTimeout(const ObjectReader& obj, TaskSpec* task, ParseContext* ctx) {
  const bool fixed = obj.Has("Timeout"), dynamic = obj.Has("Timeout.$");
  const int64_t max = ctx->options->limits->task_timeout_max_seconds;
  auto range = [max](int64_t s) {
    return StrCat("Timeout must be between 0 and ", max, " seconds, got ", s);
  };
  if (fixed && dynamic) {
    obj.Error("Timeout.$", "Timeout and Timeout.$ cannot both be set");
  } else if (fixed) {
    std::string problem;
    std::optional<int64_t> s =
        WholeSeconds(*obj.Get("Timeout"), true, &problem);
    if (!s) {
      obj.Error("Timeout", StrCat("Timeout ", problem));
    } else if (*s < 0 || *s > max) {
      obj.Error("Timeout", range(*s));
    } else {
      task->timeout_seconds = *s;
    }
  } else if (dynamic) {
    std::optional<Expression> e =
        CompileField(obj, "Timeout.$", kRootsDefault, ctx);
    if (!e) return;
    // A constant expression gets the checks of a static Timeout.
    if (const Json* c = e->constant()) {
      std::string problem;
      std::optional<int64_t> s = WholeSeconds(*c, true, &problem);
      if (!s) {
        obj.Error("Timeout.$", StrCat("Timeout ", problem));
        return;
      }
      if (*s < 0 || *s > max) {
        obj.Error("Timeout.$", range(*s));
        return;
      }
    }
    task->timeout_expr = std::move(*e);
  }
}

}  // namespace

std::vector<std::string_view> ParseTask(const ObjectReader& obj, State* state,
                                        ParseContext* ctx) {
  auto task = std::make_unique<TaskSpec>();
  if (std::optional<std::string> action = obj.String("Action", true)) {
    if (ValidAction(*action)) {
      task->action = *action;
    } else {
      obj.Error("Action",
                StrCat("Action must have the form Service:Operation (e.g. "
                       "FC:InvokeFunction), got '",
                       *action, "'"));
    }
  }
  task->mode_name = "RequestComplete";
  if (std::optional<std::string> mode = obj.String("TaskMode")) {
    std::optional<TaskMode> m = ParseMode(*mode);
    if (!m) {
      constexpr std::string_view kModes[] = {
          "RequestComplete", "WaitForSystemCallback", "WaitForCustomCallback"};
      obj.Error("TaskMode", StrCat("unknown TaskMode '", *mode,
                                   "' (expected RequestComplete, "
                                   "WaitForSystemCallback or "
                                   "WaitForCustomCallback)",
                                   DidYouMean(*mode, kModes)));
    } else if (ctx->options->express && *m != TaskMode::kRequestComplete) {
      obj.Error("TaskMode", StrCat("an Express flow supports only TaskMode "
                                   "RequestComplete, got ",
                                   *mode));
    } else {
      task->mode = *m;
      task->mode_name = *mode;
    }
  }
  if (const Json* p = obj.Get("Parameters")) {
    task->parameters = Constructor::Compile(
        *p, obj.PathOf("Parameters"), kRootsDefault,
        ctx->options->limits->expression_call_depth, ctx->diags);
    // A static resourceArn lets handlers be matched by resource before the
    // parameters are evaluated (API.md RegisterTaskHandler).
    const Json* arn = p->is_object() ? p->Find("resourceArn") : nullptr;
    if (arn != nullptr && arn->is_string()) {
      task->resource_arn = arn->as_string();
    } else if (arn != nullptr) {
      ctx->diags->Add(arn, StrCat(obj.PathOf("Parameters"), ".resourceArn"),
                      StrCat("must be a string, found ", arn->type_name()));
    }
  }
  ParseTimeout(obj, task.get(), ctx);
  state->task = std::move(task);
  ParseRetryCatch(obj, state, ctx);
  return {"Action",    "TaskMode", "Parameters", "Timeout",
          "Timeout.$", "Retry",    "Catch"};
}

}  // namespace fnf::internal::cloudflow
