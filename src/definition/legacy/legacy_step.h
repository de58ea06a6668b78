// What the IR holds for legacy data flow (docs/legacy-fdl.md): mappings,
// serviceParams, errorMappings and the foreach collection, all parsed at
// CreateFlow. Attached to every legacy State (State::legacy) and to the flow
// (CompiledFlow::legacy, with only the flow-level mappings); never null there.
// src/interp/legacy/ evaluates it.
#ifndef FNF_DEFINITION_LEGACY_LEGACY_STEP_H_
#define FNF_DEFINITION_LEGACY_LEGACY_STEP_H_

#include <optional>
#include <string>
#include <vector>

#include "definition/legacy/path.h"
#include "json/json.h"

namespace fnf::internal {

namespace legacy {

// A mapping source or serviceParams value: a path, or a literal used as is.
struct Source {
  std::optional<Path> path;  // absent: `constant`
  Json constant;
};

// One `{target, source}` entry; serviceParams are stored as entries too, one
// per key.
struct Mapping {
  std::string target;
  Source source;
};

using Mappings = std::vector<Mapping>;

}  // namespace legacy

struct LegacyStep {
  // Absent: the default rule applies. Present, even when empty: the
  // result is built from the entries only.
  std::optional<legacy::Mappings> input_mappings;
  std::optional<legacy::Mappings> output_mappings;
  // Task steps.
  std::optional<legacy::Mappings> error_mappings;
  std::optional<legacy::Mappings> service_params;
  // Foreach steps: iterationMapping.collection, over the step input.
  std::optional<legacy::Path> foreach_collection;
};

}  // namespace fnf::internal

#endif  // FNF_DEFINITION_LEGACY_LEGACY_STEP_H_
