// arrayContains, arrayUnique, toArray.
#include <unordered_map>

#include "expr/functions/arguments.h"
#include "expr/functions/families.h"
#include "expr/functions/json_hash.h"

namespace fnf::internal {
namespace {

bool ArrayContains(std::span<Value> args, const CallEnv&, Value* out,
                   std::string* error) {
  const Json::Array* array = ArrayArg(args, 0, "array", error);
  if (array == nullptr) return false;
  const Json& needle = *args[1];
  bool found = false;
  for (const Json& e : *array) {
    if (e == needle) {
      found = true;
      break;
    }
  }
  out->SetOwned(Json(found));
  return true;
}

// Keeps the first occurrence of each value, in order (DECISIONS.md 12). Hashing
// keeps large arrays linear; equal hashes are confirmed with deep equality.
bool ArrayUnique(std::span<Value> args, const CallEnv&, Value* out,
                 std::string* error) {
  if (ArrayArg(args, 0, "array", error) == nullptr) return false;
  Json input = args[0].Take();
  Json::Array& items = input.as_array();
  Json::Array result;
  result.reserve(items.size());
  std::unordered_multimap<size_t, size_t> seen;  // hash -> index in result
  seen.reserve(items.size());
  for (Json& item : items) {
    size_t h = HashJson(item);
    bool duplicate = false;
    auto [begin, end] = seen.equal_range(h);
    for (auto it = begin; it != end; ++it) {
      if (result[it->second] == item) {
        duplicate = true;
        break;
      }
    }
    if (duplicate) continue;
    seen.emplace(h, result.size());
    result.push_back(std::move(item));
  }
  out->SetOwned(Json(std::move(result)));
  return true;
}

bool ToArray(std::span<Value> args, const CallEnv&, Value* out, std::string*) {
  Json::Array result;
  result.reserve(args.size());
  for (Value& arg : args) result.push_back(arg.Take());
  out->SetOwned(Json(std::move(result)));
  return true;
}

}  // namespace

void RegisterArrayFunctions(FunctionTable* table) {
  table->push_back({.name = "arrayContains",
                    .min_args = 2,
                    .max_args = 2,
                    .impl = ArrayContains});
  table->push_back({.name = "arrayUnique",
                    .min_args = 1,
                    .max_args = 1,
                    .impl = ArrayUnique});
  table->push_back({.name = "toArray",
                    .min_args = 0,
                    .max_args = kVariadic,
                    .impl = ToArray});
}

}  // namespace fnf::internal
