// The command lines of the fnf tool's commands, parsed and checked (with
// CLI11, kept inside args.cc so that only one file pays for its headers).
//
// Every Parse*Args reads options before or after the positional arguments, as
// `--opt VALUE` or `--opt=VALUE`; `--` ends the options. On a mistake it
// returns false with `*error` saying what is wrong in the tool's words
// ("--input and --input-file exclude each other", "unknown option --tsk (did
// you mean '--task'?)"). `-h`/`--help` sets `help` and stops.
#ifndef FNF_CLI_ARGS_H_
#define FNF_CLI_ARGS_H_

#include <optional>
#include <string>
#include <vector>

namespace fnf::cli {

struct TaskCommand {
  std::string key;  // a state name, a resource ARN or an action
  // Run with /bin/sh -c; "-" asks the terminal for the answer instead
  // (kAskTerminal).
  std::string command;
};

// The COMMAND of `--task KEY=-`: print the request and read the answer.
inline constexpr char kAskTerminal[] = "-";

// How `fnf run` prints the execution.
enum class OutputFormat {
  kAuto,  // text on a terminal, else json
  kJson,  // the API's object (what `fnf run` always printed)
  kText,  // status, output pretty-printed, error, duration
};

struct RunArgs {
  std::string flow_file;
  std::optional<std::string> input;  // --input: the JSON text
  // --input-file: a path, "-" for standard input
  std::optional<std::string> input_file;
  std::string execution_name;                 // --name; "" lets the engine pick
  std::vector<TaskCommand> tasks;             // --task, in command-line order
  std::optional<std::string> mocks_file;      // --mocks
  bool history = false;                       // --history
  bool virtual_time = false;                  // --virtual-time
  OutputFormat output = OutputFormat::kAuto;  // --output
  bool trace = false;                         // --trace
  std::optional<std::string> store;           // --store PATH (SQLite)
  bool help = false;  // --help / -h: print usage, nothing else
};

struct ValidateArgs {
  std::vector<std::string> files;
  // --show-source: the offending line and a caret under each problem (also
  // when standard output is a terminal).
  bool show_source = false;
  bool help = false;
};

struct GraphArgs {
  std::string flow_file;
  std::string format = "mermaid";           // --format mermaid|dot
  std::optional<std::string> history_file;  // --history RUN_JSON
  bool help = false;
};

struct TestArgs {
  std::vector<std::string> files;
  bool help = false;
};

struct ServeArgs {
  std::string host = "127.0.0.1";  // --listen HOST:PORT
  int port = 8080;
  std::optional<std::string> key_id, key_secret;  // --access-key-id/-secret
  bool no_auth = false;                           // --no-auth
  std::vector<TaskCommand> tasks;                 // --task
  std::optional<std::string> mocks_file;          // --mocks
  bool virtual_time = false;                      // --virtual-time
  bool quiet = false;                             // --quiet
  std::string region = "cn-hangzhou";             // --region
  bool no_console = false;                        // --no-console
  std::optional<std::string> console_token;       // --console-token
  std::optional<std::string> store;               // --store PATH (SQLite)
  bool help = false;
};

// `fnf help [COMMAND]`, `fnf completion SHELL`, `fnf version`: one optional
// (help) or required (completion) word, or none (version).
struct WordArgs {
  std::string word;
  bool help = false;
};

bool ParseRunArgs(const std::vector<std::string>& args, RunArgs* out,
                  std::string* error);
bool ParseValidateArgs(const std::vector<std::string>& args, ValidateArgs* out,
                       std::string* error);
bool ParseGraphArgs(const std::vector<std::string>& args, GraphArgs* out,
                    std::string* error);
bool ParseTestArgs(const std::vector<std::string>& args, TestArgs* out,
                   std::string* error);
// Also takes the key pair from FNF_ACCESS_KEY_ID / FNF_ACCESS_KEY_SECRET when
// the options do not give it; without one (and without --no-auth) it is a
// mistake.
bool ParseServeArgs(const std::vector<std::string>& args, ServeArgs* out,
                    std::string* error);
bool ParseHelpArgs(const std::vector<std::string>& args, WordArgs* out,
                   std::string* error);
bool ParseCompletionArgs(const std::vector<std::string>& args, WordArgs* out,
                         std::string* error);
bool ParseVersionArgs(const std::vector<std::string>& args, WordArgs* out,
                      std::string* error);

// The help texts of these commands (`fnf run --help` ...), generated from the
// same option definitions the parsers use.
std::string RunHelp();
std::string ValidateHelp();
std::string GraphHelp();
std::string TestHelp();
std::string ServeHelp();
std::string HelpHelp();
std::string CompletionHelp();
std::string VersionHelp();

}  // namespace fnf::cli

#endif  // FNF_CLI_ARGS_H_
