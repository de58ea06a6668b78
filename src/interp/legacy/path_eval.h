// Evaluates legacy paths and mapping lists (docs/legacy-fdl.md,
// docs/behaviour.md) over JSON values. Pure functions; no engine state.
#ifndef FNF_INTERP_LEGACY_PATH_EVAL_H_
#define FNF_INTERP_LEGACY_PATH_EVAL_H_

#include <cstdint>
#include <string_view>

#include "definition/legacy/legacy_step.h"
#include "definition/legacy/path.h"
#include "json/json.h"

namespace fnf::internal::legacy {

// What `$context` holds. An empty field is absent, so its path yields null:
// `task_token` is set only for task steps, `step_event_id` (the id of the
// step's first history event, its StepEntered) only inside a step.
struct ContextValues {
  std::string_view execution_name;
  std::string_view flow_name;
  std::string_view step_name;
  std::string_view task_token;
  int64_t step_event_id = 0;
};

// The values the roots stand for where a path is evaluated. `$` and `$input`
// are `input`; a null pointer makes its root yield null.
struct PathRoots {
  const Json* input = nullptr;
  const Json* local = nullptr;
  const ContextValues* context = nullptr;
};

// `$context` as an object: {"task": {"token"}, "execution": {"name"},
// "flow": {"name"}, "step": {"name", "eventId"}}, without the empty fields.
Json ContextObject(const ContextValues& context);

// The value at `path`. A member or element that does not exist is null
// (docs/behaviour.md). With a wildcard the result is the array of every match:
// `[*]` takes the elements of an array (or the values of an object, in key
// order) and contributes nothing on any other value, so `$local[*].parts[*]`
// flattens; a key or index after a wildcard maps each match, keeping a null
// where it is missing so positions still line up.
Json EvaluatePath(const Path& path, const PathRoots& roots);

// A path's value, or the literal as written.
Json EvaluateSource(const Source& source, const PathRoots& roots);

// A fresh object with one member per entry, in entry order; a repeated target
// keeps its first position and takes the later value.
Json EvaluateMappings(const Mappings& mappings, const PathRoots& roots);

}  // namespace fnf::internal::legacy

#endif  // FNF_INTERP_LEGACY_PATH_EVAL_H_
