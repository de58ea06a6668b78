// The fnf tool's commands: one table that the dispatcher, `fnf help` and
// `fnf completion` all read, so a new command is one line in commands.cc.
#ifndef FNF_CLI_COMMANDS_H_
#define FNF_CLI_COMMANDS_H_

#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cli/cli.h"

namespace fnf::cli {

// A command's entry: `args` are the arguments after its name; it prints to
// `out` and `err` and returns the exit status (cli.h). `--help` among `args`
// prints its help on `out` and returns kExitSucceeded.
using CommandMain = int (*)(const std::vector<std::string>& args,
                            std::ostream& out, std::ostream& err);

struct Command {
  std::string_view name;
  std::string_view summary;  // one line for `fnf --help`
  CommandMain main;
};

// Every command, in the order `fnf --help` lists them.
std::span<const Command> Commands();

// The command called `name`, or nullptr.
const Command* FindCommand(std::string_view name);

// Prints "fnf COMMAND: ERROR" and where to find the options on `err`; returns
// kExitInvalid. Every command reports a mistake in its arguments this way.
int ArgumentError(std::string_view command, std::string_view error,
                  std::ostream& err);

// The opening of every command: parses `args` into `*parsed` with `parse`.
// Returns the command's exit status when it is already done (a mistake in the
// arguments, reported by ArgumentError; or --help, whose text goes to `out`),
// std::nullopt when the command goes on.
template <typename Args>
std::optional<int> ParseCommandArgs(
    std::string_view command, const std::vector<std::string>& args,
    bool (*parse)(const std::vector<std::string>&, Args*, std::string*),
    std::string (*help)(), Args* parsed, std::ostream& out, std::ostream& err) {
  std::string error;
  if (!parse(args, parsed, &error)) return ArgumentError(command, error, err);
  if (parsed->help) {
    out << help();
    return kExitSucceeded;
  }
  return std::nullopt;
}

}  // namespace fnf::cli

#endif  // FNF_CLI_COMMANDS_H_
