// Parallel and foreach steps (docs/legacy-fdl.md): nested steps lists
// run side by side, as IR branches and a Map processor.
#include <utility>

#include "common/strings.h"
#include "definition/legacy/parse_context.h"

namespace fnf::internal::legacy {
namespace {

void ParseIterationMapping(const ObjectReader& obj, MapSpec* map,
                           LegacyStep* legacy, ParseContext* ctx) {
  const Json* node = obj.Object("iterationMapping", true);
  if (node == nullptr) return;
  ObjectReader it(*node, obj.PathOf("iterationMapping"), ctx->diags);
  if (!it.Has("collection")) {
    it.ErrorHere("missing required field 'collection'");
  } else {
    legacy->foreach_collection =
        ParsePathField(it, "collection", kPathDollar | kPathInput, ctx);
  }
  if (std::optional<std::string> item = it.String("item", true)) {
    if (item->empty()) it.Error("item", "must not be empty");
    map->legacy_item_name = *item;
  }
  if (std::optional<std::string> index = it.String("index")) {
    if (index->empty()) {
      it.Error("index", "must not be empty");
    } else if (*index == map->legacy_item_name) {
      it.Error("index", StrCat("item and index are both '", *index,
                               "'; the index would overwrite the item"));
    }
    map->legacy_index_name = *index;
  }
}

}  // namespace

void ParseParallel(const ObjectReader& obj, State* state, ParseContext* ctx) {
  const Json::Array* branches = obj.Array("branches", true);
  if (branches == nullptr) return;
  const int max = ctx->options->limits->legacy_parallel_branches;
  if (branches->empty()) {
    obj.Error("branches", "must list at least one branch");
  } else if (branches->size() > static_cast<size_t>(max)) {
    obj.Error("branches", StrCat("has ", branches->size(),
                                 " branches, over the limit of ", max));
  }
  for (size_t i = 0; i < branches->size(); ++i) {
    ObjectReader branch((*branches)[i],
                        StrCat(obj.PathOf("branches"), "[", i, "]"),
                        ctx->diags);
    if (branch.ok()) state->branches.push_back(ParseSteps(branch, ctx));
  }
}

void ParseForeach(const ObjectReader& obj, State* state, LegacyStep* legacy,
                  ParseContext* ctx) {
  auto map = std::make_unique<MapSpec>();
  ParseIterationMapping(obj, map.get(), legacy, ctx);
  // docs/behaviour.md: maxConcurrency is an fnf extension; 0 or absent is the
  // documented fixed limit.
  const int max = ctx->options->limits->legacy_foreach_concurrency;
  map->max_concurrency = max;
  if (std::optional<int64_t> n = obj.Int("maxConcurrency")) {
    if (*n < 0 || *n > max) {
      obj.Error(
          "maxConcurrency",
          StrCat("maxConcurrency must be between 0 and ", max, ", got ", *n));
    } else if (*n > 0) {
      map->max_concurrency = static_cast<int>(*n);
    }
  }
  map->processor = ParseSteps(obj, ctx);
  state->map = std::move(map);
}

}  // namespace fnf::internal::legacy
