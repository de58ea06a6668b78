// What `fnf run` warns about before it runs, and hints after: task options
// that name nothing in the flow (a misspelt state in --mocks or --task would
// otherwise pass silently and the task fail as unhandled).
#ifndef FNF_CLI_RUN_WARNINGS_H_
#define FNF_CLI_RUN_WARNINGS_H_

#include <string>
#include <string_view>
#include <vector>

#include "fnf/types.h"

#include "cli/args.h"

namespace fnf::cli {

// One line each ("fnf: warning: ..."), without newlines: a --mocks key that
// is no task state of the flow (with its location in the mocks file), a
// --task KEY that matches no task state, resource ARN or action. Empty when
// the definition does not compile (that is reported elsewhere).
std::vector<std::string> TaskOptionWarnings(std::string_view definition,
                                            const RunArgs& args,
                                            std::string_view mocks_text);

// For an execution that failed because a task had no handler, how to give it
// one; "" otherwise.
std::string NoHandlerHint(const Execution& execution);

}  // namespace fnf::cli

#endif  // FNF_CLI_RUN_WARNINGS_H_
