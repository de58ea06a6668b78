// Error names of the legacy dialect raised by its data flow.
#ifndef FNF_INTERP_LEGACY_ERRORS_H_
#define FNF_INTERP_LEGACY_ERRORS_H_

#include <string_view>

namespace fnf::internal::legacy {

// A step failed at run time for a reason of its own data (docs/legacy-fdl.md
// names it for mapping problems): a foreach collection that is not an array,
// a wait duration or timestamp that is not usable.
inline constexpr std::string_view kErrRuntime = "FnF.RuntimeError";

}  // namespace fnf::internal::legacy

#endif  // FNF_INTERP_LEGACY_ERRORS_H_
