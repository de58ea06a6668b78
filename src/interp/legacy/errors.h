// Error names of the legacy dialect raised by its data flow.
#ifndef FNF_INTERP_LEGACY_ERRORS_H_
#define FNF_INTERP_LEGACY_ERRORS_H_

#include "common/flow_error.h"

namespace fnf::internal::legacy {

// A step failed at run time for a reason of its own data (fdl-legacy.md §6.1
// names it for mapping problems): a foreach collection that is not an array,
// a wait duration or timestamp that is not usable.
using internal::kErrRuntime;  // named in common/flow_error.h

}  // namespace fnf::internal::legacy

#endif  // FNF_INTERP_LEGACY_ERRORS_H_
