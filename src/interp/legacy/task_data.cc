#include "interp/legacy/task_data.h"

#include <string>
#include <utility>

#include "common/strings.h"
#include "definition/legacy/legacy_step.h"

namespace fnf::internal::legacy {

Json ServiceParams(const State& step, const Json& input,
                   const ContextValues& context) {
  if (step.legacy == nullptr || !step.legacy->service_params) {
    return Json::MakeObject();
  }
  return EvaluateMappings(*step.legacy->service_params,
                          PathRoots{&input, nullptr, &context});
}

std::variant<Json, FlowError> TaskLocal(Json result) {
  if (result.is_object()) return result;
  if (result.is_null()) return Json::MakeObject();
  if (result.is_string()) {
    const std::string& text = result.as_string();
    if (text.empty()) return Json::MakeObject();
    JsonParseResult parsed = ParseJson(text);
    if (parsed.ok && parsed.value.is_object()) return std::move(parsed.value);
    return FlowError{
        std::string(kErrTaskFailed),
        parsed.ok ? StrCat("the task result must be a JSON object, got a "
                           "string holding ",
                           parsed.value.type_name())
                  : StrCat("the task result must be a JSON object, got a "
                           "string that is not JSON: ",
                           parsed.error)};
  }
  return FlowError{std::string(kErrTaskFailed),
                   StrCat("the task result must be a JSON object, got ",
                          result.type_name())};
}

Json CaughtErrorOutput(const State& step, const Json& input,
                       const FlowError& error, const ContextValues& context) {
  if (step.legacy == nullptr || !step.legacy->error_mappings) {
    return Json::MakeObject();
  }
  Json local = Json::MakeObject();
  local.Append("error", Json(error.code));
  local.Append("cause", Json(error.detail));
  return EvaluateMappings(*step.legacy->error_mappings,
                          PathRoots{&input, &local, &context});
}

}  // namespace fnf::internal::legacy
