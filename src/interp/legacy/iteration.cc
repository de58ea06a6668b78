#include "interp/legacy/iteration.h"

#include <cstdint>
#include <string>
#include <utility>

#include "common/strings.h"
#include "definition/legacy/legacy_step.h"
#include "interp/legacy/errors.h"
#include "interp/legacy/path_eval.h"

namespace fnf::internal::legacy {

std::variant<Json::Array, FlowError> ForeachItems(const State& step,
                                                  const Json& input) {
  const std::optional<Path>& collection = step.legacy->foreach_collection;
  Json items = EvaluatePath(*collection, PathRoots{&input, nullptr, nullptr});
  if (!items.is_array()) {
    return FlowError{
        std::string(kErrRuntime),
        StrCat("foreach step '", step.name, "': iterationMapping.collection '",
               collection->text, "' must be an array, got ",
               items.type_name())};
  }
  return std::move(items.as_array());
}

Json IterationInput(const State& step, const Json& input, Json item,
                    size_t index) {
  Json out = input.is_object() ? input : Json::MakeObject();
  out.Set(step.map->legacy_item_name, std::move(item));
  if (!step.map->legacy_index_name.empty()) {
    out.Set(step.map->legacy_index_name, Json(static_cast<int64_t>(index)));
  }
  return out;
}

Json ArrayLocal(std::vector<Json> locals) { return Json(std::move(locals)); }

}  // namespace fnf::internal::legacy
