// Parallel and foreach steps (docs/legacy-fdl.md): the elements a
// foreach runs over, each iteration's input, and the array `$local` both kinds
// of step end with.
#ifndef FNF_INTERP_LEGACY_ITERATION_H_
#define FNF_INTERP_LEGACY_ITERATION_H_

#include <cstddef>
#include <variant>
#include <vector>

#include "common/flow_error.h"
#include "definition/ir.h"
#include "json/json.h"

namespace fnf::internal::legacy {

// The elements of the foreach step's iterationMapping.collection, read from
// the step input. An empty array gives no iterations; a missing or non-array
// value is the error FnF.RuntimeError.
// REQUIRES: step is a legacy foreach (type kMap with a collection).
std::variant<Json::Array, FlowError> ForeachItems(const State& step,
                                                  const Json& input);

// The input of the iteration over `item` at `index` (from 0): the foreach
// step's input with `item` set under iterationMapping.item and, when
// iterationMapping.index names a key, `index` under it. A key already in the
// input keeps its place and takes the new value.
Json IterationInput(const State& step, const Json& input, Json item,
                    size_t index);

// The `$local` of a parallel or foreach step: its branches' or iterations'
// locals, in branch or collection order.
Json ArrayLocal(std::vector<Json> locals);

}  // namespace fnf::internal::legacy

#endif  // FNF_INTERP_LEGACY_ITERATION_H_
