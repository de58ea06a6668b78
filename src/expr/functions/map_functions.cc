// jsonMerge, mapKeys, mapValues, get.
#include "expr/functions/arguments.h"
#include "expr/functions/families.h"
#include "expr/indexing.h"

namespace fnf::internal {
namespace {

// Shallow; `b` wins on a shared key, which keeps its place in `a`'s order; new
// keys of `b` follow (DECISIONS.md 5, 12).
bool JsonMerge(std::span<Value> args, const CallEnv&, Value* out,
               std::string* error) {
  if (ObjectArg(args, 0, "", error) == nullptr ||
      ObjectArg(args, 1, "", error) == nullptr) {
    return false;
  }
  Json merged = args[0].Take();
  merged.MergeFrom(args[1].Take());
  out->SetOwned(std::move(merged));
  return true;
}

bool MapKeys(std::span<Value> args, const CallEnv&, Value* out,
             std::string* error) {
  const Json::Object* object = ObjectArg(args, 0, "", error);
  if (object == nullptr) return false;
  Json::Array keys;
  keys.reserve(object->size());
  for (const auto& member : *object) keys.emplace_back(member.first);
  out->SetOwned(Json(std::move(keys)));
  return true;
}

bool MapValues(std::span<Value> args, const CallEnv&, Value* out,
               std::string* error) {
  if (ObjectArg(args, 0, "", error) == nullptr) return false;
  Json object = args[0].Take();
  Json::Array values;
  values.reserve(object.as_object().size());
  for (auto& member : object.as_object())
    values.push_back(std::move(member.second));
  out->SetOwned(Json(std::move(values)));
  return true;
}

// get(c, k) is c[k]: what does not resolve is null, like a path (DECISIONS.md
// 4).
bool Get(std::span<Value> args, const CallEnv&, Value* out,
         std::string* error) {
  const Json* found = nullptr;
  if (!LookupDynamic(*args[0], *args[1], &found, error)) return false;
  args[0].NarrowTo(found);
  *out = std::move(args[0]);
  return true;
}

}  // namespace

void RegisterMapFunctions(FunctionTable* table) {
  table->push_back(
      {.name = "jsonMerge", .min_args = 2, .max_args = 2, .impl = JsonMerge});
  table->push_back(
      {.name = "mapKeys", .min_args = 1, .max_args = 1, .impl = MapKeys});
  table->push_back(
      {.name = "mapValues", .min_args = 1, .max_args = 1, .impl = MapValues});
  table->push_back({.name = "get", .min_args = 2, .max_args = 2, .impl = Get});
}

}  // namespace fnf::internal
