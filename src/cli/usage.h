// The help text of the fnf tool as a whole (`fnf`, `fnf --help`); each
// command's own help comes from its option definitions (args.h).
#ifndef FNF_CLI_USAGE_H_
#define FNF_CLI_USAGE_H_

#include <string>
#include <string_view>

namespace fnf::cli {

// The commands with their summaries, from the command table.
std::string MainUsage();

// " (did you mean 'run'?)" when `word` is close to a command's name (or to
// --help, --version), else "".
std::string CommandSuggestion(std::string_view word);

}  // namespace fnf::cli

#endif  // FNF_CLI_USAGE_H_
