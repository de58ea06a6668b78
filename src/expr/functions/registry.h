// The built-in functions of the expression language (cloudflow-v1.md §5.2,
// DECISIONS.md 12), looked up by name at compile time. Arity lives in the table
// so that the compiler checks every call the same way; each family of functions
// sits in its own file and registers itself here.
#ifndef FNF_EXPR_FUNCTIONS_REGISTRY_H_
#define FNF_EXPR_FUNCTIONS_REGISTRY_H_

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "expr/eval_context.h"
#include "expr/value.h"
#include "json/json.h"

namespace fnf::internal {

// What a built-in sees besides its arguments.
struct CallEnv {
  const EvalContext* ctx =
      nullptr;  // null while constant-folding at compile time
  const void* prepared =
      nullptr;  // what FunctionSpec::prepare made, or nullptr
};

// Computes the call into `*out`. On failure writes a message to `*error` (the
// caller prefixes the function name and the expression) and returns false.
// Arguments may be moved from.
using FunctionImpl = bool (*)(std::span<Value> args, const CallEnv& env,
                              Value* out, std::string* error);

// Compile-time work on the arguments that are constants (`constant_args[i]` is
// null for the others), e.g. compiling a regular expression once. On a problem
// sets `*bad_arg` (0-based) and
// `*error` and returns false, which makes the expression a compile error.
using FunctionPrepare = bool (*)(std::span<const Json* const> constant_args,
                                 std::shared_ptr<const void>* prepared,
                                 int* bad_arg, std::string* error);

inline constexpr int kVariadic = -1;

struct FunctionSpec {
  std::string_view name;
  int min_args = 0;
  int max_args = 0;  // kVariadic: no upper bound
  // Same arguments give the same result and nothing else is read, so calls with
  // constant arguments are computed once at compile time.
  bool pure = true;
  FunctionImpl impl = nullptr;
  FunctionPrepare prepare = nullptr;
};

// nullptr when there is no such function (names are case-sensitive).
const FunctionSpec* FindFunction(std::string_view name);

// Every registered name, sorted; used for "did you mean" hints.
const std::vector<std::string_view>& FunctionNames();

}  // namespace fnf::internal

#endif  // FNF_EXPR_FUNCTIONS_REGISTRY_H_
