#include "cli/help_command.h"

#include <string>
#include <vector>

#include "cli/args.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/usage.h"
#include "expr/suggest.h"

namespace fnf::cli {

int HelpCommand(const std::vector<std::string>& args, std::ostream& out,
                std::ostream& err) {
  WordArgs help_args;
  if (auto done = ParseCommandArgs("help", args, ParseHelpArgs, HelpHelp,
                                   &help_args, out, err)) {
    return *done;
  }
  if (help_args.word.empty()) {
    out << MainUsage();
    return kExitSucceeded;
  }
  const Command* command = FindCommand(help_args.word);
  if (command == nullptr) {
    return ArgumentError("help",
                         "unknown command '" + help_args.word + "'" +
                             CommandSuggestion(help_args.word),
                         err);
  }
  return command->main({"--help"}, out, err);
}

}  // namespace fnf::cli
