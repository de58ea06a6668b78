// Legacy (`type: flow`) definitions may hold fields the service ignores, so
// the parser accepts them (docs/behaviour.md). A field that is not one the
// dialect knows but is close to one (`inputMapings`) is most likely a typo
// that silently changes the flow; the tool warns about those.
#ifndef FNF_CLI_LEGACY_TYPOS_H_
#define FNF_CLI_LEGACY_TYPOS_H_

#include <string_view>
#include <vector>

#include "fnf/types.h"

namespace fnf::cli {

// One Diagnostic per such field of the flow and of its steps (nested steps
// included): where it is and "unknown field 'inputMapings' is ignored (did you
// mean 'inputMappings'?)". Empty for a definition of the other dialect or one
// that does not load.
std::vector<Diagnostic> LegacyFieldTypos(std::string_view definition);

}  // namespace fnf::cli

#endif  // FNF_CLI_LEGACY_TYPOS_H_
