// What `fnf run --output text` prints: an execution for a person to read.
#ifndef FNF_CLI_EXECUTION_TEXT_H_
#define FNF_CLI_EXECUTION_TEXT_H_

#include <string>
#include <vector>

#include "fnf/types.h"

namespace fnf::cli {

// For example:
//   Execution e1 of flow order: Succeeded in 3.000s (virtual time)
//   Output:
//     {
//       "id": 7
//     }
// A failed one shows "Error:" and "Cause:" (its ErrorCode and ErrorMessage)
// instead of the output, and "State:" the state it failed in (the last state
// whose failure `history` shows, when it is given). With `events`, a table of
// the history follows (id, time since the start, type, state, detail).
// `virtual_time` says that the duration was on the virtual clock.
std::string ExecutionToText(const Execution& execution,
                            const std::vector<HistoryEvent>* events,
                            bool virtual_time,
                            const std::vector<HistoryEvent>* history = nullptr);

}  // namespace fnf::cli

#endif  // FNF_CLI_EXECUTION_TEXT_H_
