// What an expression can see while it is evaluated. Filled by the interpreter
// per state; every pointer may be null (the variable is then unavailable /
// null).
#ifndef FNF_EXPR_EVAL_CONTEXT_H_
#define FNF_EXPR_EVAL_CONTEXT_H_

#include <string_view>

#include "common/flow_error.h"
#include "common/random.h"
#include "json/json.h"

namespace fnf::internal {

struct EvalContext {
  // New spec variables.
  const Json* input = nullptr;   // $Input (= $Context.Current.Input)
  const Json* output = nullptr;  // $Output (= $Context.Current.Output)
  const Json* global = nullptr;  // $Global
  const Json* item = nullptr;    // $Item (Map ItemConstructor)

  // $Context.Execution.*
  std::string_view execution_name;
  const Json* execution_input = nullptr;
  std::string_view role_arn;
  std::string_view flow_name;  // $Context.Flow.Name (fnf extension) / legacy
                               // $context.flow.name
  // $Context.Current.*
  std::string_view state_name;
  const FlowError* error = nullptr;  // $Context.Current.Error.{Code,Detail}
  int retry_count = 0;
  std::string_view task_token;

  // Legacy dialect: `$` / `$input` (the step input) and `$local`.
  const Json* legacy_local = nullptr;

  Random* random =
      nullptr;  // uuid(), randomInt(); never null when those are called
};

}  // namespace fnf::internal

#endif  // FNF_EXPR_EVAL_CONTEXT_H_
