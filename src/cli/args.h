// The command lines of `fnf run` and `fnf validate`, parsed and checked.
#ifndef FNF_CLI_ARGS_H_
#define FNF_CLI_ARGS_H_

#include <optional>
#include <string>
#include <vector>

namespace fnf::cli {

struct TaskCommand {
  std::string key;      // a state name, a resource ARN or an action
  std::string command;  // run with /bin/sh -c
};

struct RunArgs {
  std::string flow_file;
  std::optional<std::string> input;  // --input: the JSON text
  std::optional<std::string>
      input_file;              // --input-file: a path, "-" for standard input
  std::string execution_name;  // --name; "" lets the engine pick one
  std::vector<TaskCommand> tasks;         // --task, in command-line order
  std::optional<std::string> mocks_file;  // --mocks
  bool history = false;                   // --history
  bool virtual_time = false;              // --virtual-time
  bool help = false;  // --help / -h: print usage, nothing else
};

struct ValidateArgs {
  std::vector<std::string> files;
  bool help = false;
};

// Options may come before or after the positional arguments, as `--opt VALUE`
// or
// `--opt=VALUE`; `--` ends the options. On a mistake returns false with
// `*error` saying what is wrong ("--input and --input-file exclude each
// other").
bool ParseRunArgs(const std::vector<std::string>& args, RunArgs* out,
                  std::string* error);
bool ParseValidateArgs(const std::vector<std::string>& args, ValidateArgs* out,
                       std::string* error);

}  // namespace fnf::cli

#endif  // FNF_CLI_ARGS_H_
