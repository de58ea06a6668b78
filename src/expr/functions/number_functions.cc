// intAdd(a, b): addition of two 64-bit integers that reports overflow instead
// of wrapping.
#include "expr/functions/arguments.h"
#include "expr/functions/families.h"

namespace fnf::internal {
namespace {

bool IntAdd(std::span<Value> args, const CallEnv&, Value* out,
            std::string* error) {
  int64_t a, b, sum;
  if (!IntArg(args, 0, "", &a, error) || !IntArg(args, 1, "", &b, error))
    return false;
  if (__builtin_add_overflow(a, b, &sum)) {
    *error = "integer overflow";
    return false;
  }
  out->SetOwned(Json(sum));
  return true;
}

}  // namespace

void RegisterNumberFunctions(FunctionTable* table) {
  table->push_back(
      {.name = "intAdd", .min_args = 2, .max_args = 2, .impl = IntAdd});
}

}  // namespace fnf::internal
