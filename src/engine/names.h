// Resource names (flows, executions): docs/behaviour.md
#ifndef FNF_ENGINE_NAMES_H_
#define FNF_ENGINE_NAMES_H_

#include <string>
#include <string_view>

namespace fnf::internal {

// "" when `name` is a valid resource name; else which rule it breaks, e.g.
// "ExecutionName 'a b' is invalid: character ' ' at position 2 is not allowed
// (only letters, digits, '_' and '-')". `what` names the field in the message.
std::string CheckResourceName(std::string_view what, std::string_view name);

}  // namespace fnf::internal

#endif  // FNF_ENGINE_NAMES_H_
