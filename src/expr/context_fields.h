// The variables an expression reads, and the fixed structure of `$Context`
// (docs/cloudflow.md) and of the legacy `$context` (docs/behaviour.md). A
// static path such as
// `$Context.Current.Error.Code` is resolved at compile time to one field read
// straight from the EvalContext; only a path that stops at an inner object
// (`$Context.Current`) builds that object.
#ifndef FNF_EXPR_CONTEXT_FIELDS_H_
#define FNF_EXPR_CONTEXT_FIELDS_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "expr/eval_context.h"
#include "expr/value.h"

namespace fnf::internal {

enum class Field : uint8_t {
  // Documents the context points at; read by borrowing.
  kInput,           // $Input, $Context.Current.Input, legacy $ and $input
  kOutput,          // $Output, $Context.Current.Output
  kGlobal,          // $Global
  kItem,            // $Item
  kExecutionInput,  // $Context.Execution.Input
  kLegacyLocal,     // legacy $local
  // Scalars.
  kExecutionName,
  kRoleArn,
  kFlowName,
  kStateName,
  kErrorCode,    // null when no error is being handled
  kErrorDetail,  // null when no error is being handled
  kRetryCount,
  kTaskToken,
  // Inner objects, built when used as a whole.
  kContext,  // $Context
  kExecution,
  kCurrent,
  kError,  // null when no error is being handled
  kFlow,
  kLegacyContext,  // legacy $context
  kLegacyExecution,
  kLegacyFlow,
  kLegacyStep,
  kLegacyTask,
};

// Reads `field` from `ctx` into `*out`.
void ReadField(Field field, const EvalContext& ctx, Value* out);

// Resolves the static member names that follow `$Context` or `$context`
// (`root`). Consumes names while they name a fixed sub-field; stops at a data
// document (Input, Output) or a scalar, whose remaining names are ordinary path
// steps. On an unknown sub-field returns false with
// `*bad_name` (index into `names`) and `*error` set.
struct FieldResolution {
  Field field;
  size_t consumed = 0;  // names used
};
bool ResolveContextPath(Field root, std::span<const std::string_view> names,
                        FieldResolution* result, size_t* bad_name,
                        std::string* error);

// "$Context.Current" and the like, for messages.
std::string_view FieldDisplayName(Field field);

}  // namespace fnf::internal

#endif  // FNF_EXPR_CONTEXT_FIELDS_H_
