// Checks of what hosts send through the Engine API: payload sizes, JSON-object
// inputs, Error/Cause lengths, list arguments, definitions. Each returns the
// InvalidArgument (or EntityTooLarge) Status the API documents.
#ifndef FNF_ENGINE_REQUESTS_H_
#define FNF_ENGINE_REQUESTS_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "fnf/options.h"
#include "fnf/status.h"
#include "fnf/types.h"

#include "definition/ir.h"
#include "json/json.h"

namespace fnf::internal {

Status Invalid(std::string message);
Status TooLarge(size_t limit);
// A JSON object given as text ("" means {}); InvalidArgument naming `what`
// when it is not one.
StatusOr<Json> ParseObject(std::string_view what, std::string_view text);
// StopExecution / ReportTaskFailed: Error at most 128 characters, Cause at
// most 4096.
Status CheckErrorCause(std::string_view error, std::string_view cause);
std::optional<ExecutionStatus> ParseStatus(std::string_view s);
// A List* limit: 0 (the default page size) to `max`.
Status CheckListLimit(int limit, int max);

// The compiled definition of flow `flow_name`, or the InvalidArgument that
// lists every problem.
StatusOr<std::shared_ptr<const CompiledFlow>> CompileFor(
    std::string_view flow_name, std::string_view definition, bool express,
    const Limits& limits);

}  // namespace fnf::internal

#endif  // FNF_ENGINE_REQUESTS_H_
