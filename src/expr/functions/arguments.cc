#include "expr/functions/arguments.h"

#include "common/strings.h"

namespace fnf::internal {

std::string ArgumentError(size_t index, std::string_view role,
                          std::string_view expected, const Json& got) {
  std::string msg = StrCat("argument ", index + 1);
  if (!role.empty()) StrAppend(&msg, " (", role, ")");
  StrAppend(&msg, " must be ", expected, ", got ", got.type_name());
  return msg;
}

const std::string* StringArg(std::span<Value> args, size_t index,
                             std::string_view role, std::string* error) {
  const Json& v = *args[index];
  if (v.is_string()) return &v.as_string();
  *error = ArgumentError(index, role, "a string", v);
  return nullptr;
}

const Json::Array* ArrayArg(std::span<Value> args, size_t index,
                            std::string_view role, std::string* error) {
  const Json& v = *args[index];
  if (v.is_array()) return &v.as_array();
  *error = ArgumentError(index, role, "an array", v);
  return nullptr;
}

const Json::Object* ObjectArg(std::span<Value> args, size_t index,
                              std::string_view role, std::string* error) {
  const Json& v = *args[index];
  if (v.is_object()) return &v.as_object();
  *error = ArgumentError(index, role, "an object", v);
  return nullptr;
}

bool IntArg(std::span<Value> args, size_t index, std::string_view role,
            int64_t* out, std::string* error) {
  const Json& v = *args[index];
  if (v.is_int()) {
    *out = v.as_int();
    return true;
  }
  *error = ArgumentError(index, role, "an integer", v);
  return false;
}

}  // namespace fnf::internal
