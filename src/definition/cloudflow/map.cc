// Map states (docs/cloudflow.md, docs/behaviour.md): inline, or distributed
// when Processor.ProcessorConfig names the child executions' mode.
#include <cmath>

#include "common/strings.h"
#include "definition/cloudflow/fields.h"
#include "definition/cloudflow/parser.h"
#include "expr/suggest.h"

namespace fnf::internal::cloudflow {
namespace {

constexpr std::string_view kMisspelled = "MaxConcuccency";

// Fields that need object storage or its batching, which fnf does not have.
constexpr std::string_view kUnsupported[] = {"ItemReader", "ResultWriter",
                                             "ItemBatcher", "MaxItems"};

void ParseItemsPath(const ObjectReader& obj, MapSpec* map, ParseContext* ctx) {
  const bool dollar = RejectExpressionSuffix(obj, "ItemsPath");
  if (!obj.String("ItemsPath", !dollar)) return;
  std::optional<Expression> e =
      CompileField(obj, "ItemsPath", kRootsDefault, ctx);
  if (!e) return;
  // A constant that is not a list would fail every run (docs/behaviour.md).
  if (const Json* c = e->constant(); c != nullptr && !c->is_array()) {
    obj.Error("ItemsPath",
              StrCat("must yield a list, but is always ", c->Serialize()));
    return;
  }
  map->items_path = std::move(*e);
}

void ParseProcessor(const ObjectReader& obj, MapSpec* map, ParseContext* ctx) {
  const Json* node = obj.Object("Processor", true);
  if (node == nullptr) return;
  ObjectReader p(*node, obj.PathOf("Processor"), ctx->diags);
  p.CheckKnown({"StartAt", "States", "ProcessorConfig"});
  if (const Json* config = p.Object("ProcessorConfig")) {
    ObjectReader c(*config, p.PathOf("ProcessorConfig"), ctx->diags);
    c.CheckKnown({"ExecutionMode"});
    if (std::optional<std::string> mode = c.String("ExecutionMode", true)) {
      if (*mode == "Express" || *mode == "Standard") {
        map->distributed = true;
        map->child_mode = *mode;
      } else {
        constexpr std::string_view kModes[] = {"Express", "Standard"};
        c.Error("ExecutionMode", StrCat("unknown ExecutionMode '", *mode,
                                        "' (expected Express or Standard)",
                                        DidYouMean(*mode, kModes)));
      }
    }
  }
  if (!map->distributed) {
    map->processor = ParseScope(p, p.path(), ctx);
    return;
  }
  // The processor's states run as child executions in `child_mode`, so the
  // mode-dependent rules (Wait range, TaskMode) are those of that mode.
  CompileOptions child = *ctx->options;
  child.express = map->child_mode == "Express";
  const CompileOptions* parent = ctx->options;
  ctx->options = &child;
  map->processor = ParseScope(p, p.path(), ctx);
  ctx->options = parent;
}

// Needs `map->distributed` settled: the limits differ by mode.
void ParseConcurrency(const ObjectReader& obj, MapSpec* map,
                      ParseContext* ctx) {
  const bool right = obj.Has("MaxConcurrency"), wrong = obj.Has(kMisspelled);
  if (right && wrong) {
    obj.Error(kMisspelled,
              "MaxConcurrency and its misspelling MaxConcuccency cannot both "
              "be set");
    return;
  }
  if (!right && !wrong) return;
  const std::string_view key = right ? "MaxConcurrency" : kMisspelled;
  std::optional<int64_t> n = obj.Int(key);
  if (!n) return;
  const Limits& limits = *ctx->options->limits;
  const int max = map->distributed ? limits.distributed_map_concurrency
                                   : limits.map_concurrency;
  if (*n < 0 || *n > max) {
    obj.Error(key, StrCat(key, " must be between 0 and ", max, " for ",
                          map->distributed ? "a distributed" : "an inline",
                          " Map, got ", *n));
    return;
  }
  map->max_concurrency = static_cast<int>(*n);
}

void ParseTolerance(const ObjectReader& obj, MapSpec* map) {
  for (std::string_view key :
       {"ToleratedFailurePercentage", "ToleratedFailureCount"}) {
    if (obj.Has(key) && !map->distributed) {
      obj.Error(key, StrCat(key,
                            " applies only to a distributed Map (set "
                            "Processor.ProcessorConfig.ExecutionMode)"));
    }
  }
  if (!map->distributed) return;
  if (std::optional<double> pct = obj.Number("ToleratedFailurePercentage")) {
    if (!std::isfinite(*pct) || *pct < 0 || *pct > 100) {
      obj.Error("ToleratedFailurePercentage",
                StrCat("ToleratedFailurePercentage must be between 0 and 100, "
                       "got ",
                       *pct));
    } else {
      map->tolerated_failure_percentage = *pct;
    }
  }
  if (std::optional<int64_t> count = obj.Int("ToleratedFailureCount")) {
    if (*count < 0) {
      obj.Error(
          "ToleratedFailureCount",
          StrCat("ToleratedFailureCount must be 0 or more, got ", *count));
    } else {
      map->tolerated_failure_count = *count;
    }
  }
}

}  // namespace

std::vector<std::string_view> ParseMap(const ObjectReader& obj, State* state,
                                       ParseContext* ctx) {
  auto map = std::make_unique<MapSpec>();
  ParseItemsPath(obj, map.get(), ctx);
  if (const Json* c = obj.Get("ItemConstructor")) {
    map->item_constructor = Constructor::Compile(
        *c, obj.PathOf("ItemConstructor"), kRootsDefault | kRootItem,
        ctx->options->limits->expression_call_depth, ctx->diags);
  }
  ParseProcessor(obj, map.get(), ctx);
  ParseConcurrency(obj, map.get(), ctx);
  ParseTolerance(obj, map.get());
  for (std::string_view key : kUnsupported) {
    if (obj.Has(key)) {
      obj.Error(key, StrCat(key,
                            " is not supported (object storage is out of "
                            "scope)"));
    }
  }
  state->map = std::move(map);
  ParseRetryCatch(obj, state, ctx);
  return {"ItemsPath",
          "ItemsPath.$",
          "ItemConstructor",
          "Processor",
          "MaxConcurrency",
          kMisspelled,
          "ToleratedFailurePercentage",
          "ToleratedFailureCount",
          "ItemReader",
          "ResultWriter",
          "ItemBatcher",
          "MaxItems",
          "Retry",
          "Catch"};
}

}  // namespace fnf::internal::cloudflow
