// stringToJson / fromJSON and jsonToString / toJSON.
#include "common/strings.h"
#include "expr/functions/arguments.h"
#include "expr/functions/families.h"

namespace fnf::internal {
namespace {

// Any JSON value the text holds, not only objects (DECISIONS.md 12).
bool StringToJson(std::span<Value> args, const CallEnv&, Value* out,
                  std::string* error) {
  const std::string* text = StringArg(args, 0, "", error);
  if (text == nullptr) return false;
  JsonParseResult parsed = ParseJson(*text);
  if (!parsed.ok) {
    *error = StrCat("argument 1 is not valid JSON: ", parsed.error,
                    " at offset ", parsed.offset);
    return false;
  }
  out->SetOwned(std::move(parsed.value));
  return true;
}

bool JsonToString(std::span<Value> args, const CallEnv&, Value* out,
                  std::string*) {
  out->SetOwned(Json(args[0]->Serialize()));
  return true;
}

}  // namespace

void RegisterJsonFunctions(FunctionTable* table) {
  for (std::string_view name : {"stringToJson", "fromJSON"}) {
    table->push_back(
        {.name = name, .min_args = 1, .max_args = 1, .impl = StringToJson});
  }
  for (std::string_view name : {"jsonToString", "toJSON"}) {
    table->push_back(
        {.name = name, .min_args = 1, .max_args = 1, .impl = JsonToString});
  }
}

}  // namespace fnf::internal
