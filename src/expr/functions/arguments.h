// Typed access to the arguments of a built-in, writing the one error message
// format users see: "argument 2 (algorithm) must be a string, got number".
#ifndef FNF_EXPR_FUNCTIONS_ARGUMENTS_H_
#define FNF_EXPR_FUNCTIONS_ARGUMENTS_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "expr/value.h"
#include "json/json.h"

namespace fnf::internal {

// `index` is 0-based; messages count from 1. `role` names the argument ("" to
// omit it).
std::string ArgumentError(size_t index, std::string_view role,
                          std::string_view expected, const Json& got);

// Each returns nullptr / false after writing the error when the argument has
// another type.
const std::string* StringArg(std::span<Value> args, size_t index,
                             std::string_view role, std::string* error);
const Json::Array* ArrayArg(std::span<Value> args, size_t index,
                            std::string_view role, std::string* error);
const Json::Object* ObjectArg(std::span<Value> args, size_t index,
                              std::string_view role, std::string* error);
bool IntArg(std::span<Value> args, size_t index, std::string_view role,
            int64_t* out, std::string* error);

}  // namespace fnf::internal

#endif  // FNF_EXPR_FUNCTIONS_ARGUMENTS_H_
