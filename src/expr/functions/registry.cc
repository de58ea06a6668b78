#include "expr/functions/registry.h"

#include <algorithm>
#include <unordered_map>

#include "expr/functions/families.h"

namespace fnf::internal {
namespace {

struct Registry {
  FunctionTable table;
  std::unordered_map<std::string_view, const FunctionSpec*> by_name;
  std::vector<std::string_view> names;
};

const Registry& GetRegistry() {
  static const Registry* const kRegistry = [] {
    auto* r = new Registry;
    RegisterArrayFunctions(&r->table);
    RegisterStringFunctions(&r->table);
    RegisterEncodingFunctions(&r->table);
    RegisterJsonFunctions(&r->table);
    RegisterMapFunctions(&r->table);
    RegisterHashFunctions(&r->table);
    RegisterRegexFunctions(&r->table);
    RegisterNumberFunctions(&r->table);
    RegisterRandomFunctions(&r->table);
    // The table is complete before pointers into it are taken.
    for (const FunctionSpec& spec : r->table) {
      r->by_name.emplace(spec.name, &spec);
      r->names.push_back(spec.name);
    }
    std::sort(r->names.begin(), r->names.end());
    return r;
  }();
  return *kRegistry;
}

}  // namespace

const FunctionSpec* FindFunction(std::string_view name) {
  const Registry& r = GetRegistry();
  auto it = r.by_name.find(name);
  return it == r.by_name.end() ? nullptr : it->second;
}

const std::vector<std::string_view>& FunctionNames() {
  return GetRegistry().names;
}

}  // namespace fnf::internal
