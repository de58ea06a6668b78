#include "engine/requests.h"

#include <vector>

#include "absl/strings/str_join.h"
#include "common/strings.h"
#include "definition/compiler.h"

namespace fnf::internal {

Status Invalid(std::string message) {
  return Status(ErrorCode::kInvalidArgument, std::move(message));
}

Status TooLarge(size_t limit) {
  return Status(ErrorCode::kEntityTooLarge,
                StrCat("The payload size exceeds maximum allowed size (", limit,
                       " bytes)."));
}

StatusOr<Json> ParseObject(std::string_view what, std::string_view text) {
  if (text.empty()) return Json::MakeObject();
  JsonParseResult r = ParseJson(text);
  if (!r.ok) {
    return Invalid(StrCat(what, " is not valid JSON: ", r.error, " at line ",
                          r.line, ", column ", r.column));
  }
  if (!r.value.is_object()) {
    return Invalid(
        StrCat(what, " must be a JSON object, got ", r.value.type_name()));
  }
  return std::move(r.value);
}

Status CheckErrorCause(std::string_view error, std::string_view cause) {
  constexpr size_t kErrorMax = 128, kCauseMax = 4096;
  if (error.size() > kErrorMax) {
    return Invalid(StrCat("Error is ", error.size(),
                          " characters long; it must be at most ", kErrorMax));
  }
  if (cause.size() > kCauseMax) {
    return Invalid(StrCat("Cause is ", cause.size(),
                          " characters long; it must be at most ", kCauseMax));
  }
  return Status();
}

std::optional<ExecutionStatus> ParseStatus(std::string_view s) {
  for (ExecutionStatus st :
       {ExecutionStatus::kStarting, ExecutionStatus::kRunning,
        ExecutionStatus::kStopped, ExecutionStatus::kSucceeded,
        ExecutionStatus::kFailed, ExecutionStatus::kTimedOut}) {
    if (ToString(st) == s) return st;
  }
  return std::nullopt;
}

Status CheckListLimit(int limit, int max) {
  if (limit < 0 || limit > max) {
    return Invalid(
        StrCat("Limit ", limit, " is invalid: it must be 1 to ", max));
  }
  return Status();
}

StatusOr<std::shared_ptr<const CompiledFlow>> CompileFor(
    std::string_view flow_name, std::string_view definition, bool express,
    const Limits& limits) {
  if (definition.size() > limits.request_bytes) {
    return TooLarge(limits.request_bytes);
  }
  if (definition.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return Invalid("Definition must not be empty");
  }
  CompileResult r = CompileDefinition(definition, {&limits, express});
  if (!r.flow) {
    std::vector<std::string> parts;
    for (const Diagnostic& d : r.diagnostics) parts.push_back(d.ToString());
    return Invalid(
        StrCat("Invalid flow definition: ", absl::StrJoin(parts, "; ")));
  }
  if (r.flow->dialect == Dialect::kCloudFlow && !r.flow->name.empty() &&
      r.flow->name != flow_name) {
    return Invalid(StrCat("Invalid flow definition: Name: the definition's ",
                          "Name '", r.flow->name,
                          "' differs from the flow name '", flow_name, "'"));
  }
  return std::shared_ptr<const CompiledFlow>(std::move(r.flow));
}

}  // namespace fnf::internal
