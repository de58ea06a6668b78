// fromBase64, toBase64 (standard alphabet, padded output).
#include <absl/strings/escaping.h>

#include "expr/functions/arguments.h"
#include "expr/functions/families.h"
#include "expr/functions/utf8.h"

namespace fnf::internal {
namespace {

bool FromBase64(std::span<Value> args, const CallEnv&, Value* out,
                std::string* error) {
  const std::string* text = StringArg(args, 0, "", error);
  if (text == nullptr) return false;
  std::string decoded;
  if (!absl::Base64Unescape(*text, &decoded)) {
    *error = "argument 1 is not valid base64";
    return false;
  }
  // The result becomes a JSON string, which must be text: binary data cannot
  // travel in it.
  if (!IsValidUtf8(decoded)) {
    *error = "the decoded bytes are not UTF-8 text";
    return false;
  }
  out->SetOwned(Json(std::move(decoded)));
  return true;
}

bool ToBase64(std::span<Value> args, const CallEnv&, Value* out,
              std::string* error) {
  const std::string* text = StringArg(args, 0, "", error);
  if (text == nullptr) return false;
  out->SetOwned(Json(absl::Base64Escape(*text)));
  return true;
}

}  // namespace

void RegisterEncodingFunctions(FunctionTable* table) {
  table->push_back(
      {.name = "fromBase64", .min_args = 1, .max_args = 1, .impl = FromBase64});
  table->push_back(
      {.name = "toBase64", .min_args = 1, .max_args = 1, .impl = ToBase64});
}

}  // namespace fnf::internal
