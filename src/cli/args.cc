#include "cli/args.h"

#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "expr/suggest.h"
#include <CLI/CLI.hpp>

namespace fnf::cli {
namespace {

constexpr std::string_view kExitStatus =
    "Exit status: 0 success; 1 the execution (or a scenario) ended otherwise; "
    "2 the\ndefinition, the input or the arguments are invalid.";

// Where option descriptions start in help texts, and the width they wrap at.
constexpr size_t kDescriptionColumn = 26;
constexpr size_t kHelpWidth = 80;

// `text` broken into lines of at most `width` characters at spaces, keeping
// its own newlines (CLI11 indents what follows each newline to the description
// column).
std::string Wrap(std::string_view text, size_t width) {
  std::string wrapped, line;
  for (size_t start = 0; start <= text.size();) {
    size_t end = text.find_first_of(" \n", start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view word = text.substr(start, end - start);
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      wrapped += line + "\n";
      line.clear();
    }
    line += (line.empty() ? "" : " ") + std::string(word);
    if (end < text.size() && text[end] == '\n') {
      wrapped += line + "\n";
      line.clear();
    }
    start = end + 1;
  }
  return wrapped + line;
}

std::string Describe(std::string_view text) {
  return Wrap(text, kHelpWidth - kDescriptionColumn - 1);
}

// The help layout every command shares.
std::unique_ptr<CLI::App> NewApp(std::string_view description,
                                 std::string_view name) {
  auto app = std::make_unique<CLI::App>(Wrap(description, kHelpWidth - 1),
                                        std::string(name));
  app->get_formatter()->column_width(kDescriptionColumn);
  app->get_formatter()->label("REQUIRED", "");
  app->footer(std::string(kExitStatus));
  return app;
}

// An option that takes one value; given twice is a mistake (checked after
// parsing, so the message can say so).
CLI::Option* AddSingle(CLI::App& app, const char* name, std::string* value,
                       const char* type, const char* description) {
  return app.add_option(name, *value, Describe(description))
      ->type_name(type)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
}

std::vector<std::string> LongOptionNames(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* option : app.get_options()) {
    for (const std::string& name : option->get_lnames()) {
      names.push_back("--" + name);
    }
  }
  return names;
}

std::string Suggestion(const CLI::App& app, std::string_view word) {
  std::vector<std::string> names = LongOptionNames(app);
  std::vector<std::string_view> views(names.begin(), names.end());
  return internal::DidYouMean(word, views);
}

// The mistakes CLI11 would word in its own way, found before it parses: a flag
// given a value, an option missing its value, an unknown option.
bool CheckOptionsBeforeParsing(const CLI::App& app,
                               const std::vector<std::string>& args,
                               std::string* error) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") return true;
    if (arg.size() < 2 || arg[0] != '-') continue;
    size_t eq = arg.find('=');
    bool long_option = arg.rfind("--", 0) == 0;
    std::string name = long_option ? arg.substr(0, eq) : arg;
    const CLI::Option* option = app.get_option_no_throw(name);
    if (option == nullptr) {
      *error = "unknown option " + name + Suggestion(app, name);
      return false;
    }
    bool takes_value = option->get_expected_max() != 0;
    bool inline_value = long_option && eq != std::string::npos;
    if (!takes_value && inline_value) {
      *error = name + " takes no value";
      return false;
    }
    if (takes_value && !inline_value) {
      if (i + 1 == args.size()) {
        *error = name + " needs a value";
        return false;
      }
      ++i;  // the value, whatever it looks like ("-" or "-x")
    }
    if (takes_value && inline_value && eq + 1 == arg.size()) {
      *error = name + " needs a value";
      return false;
    }
  }
  return true;
}

// CLI11's errors in the tool's words.
std::string Explain(const CLI::App& app, const CLI::ParseError& e) {
  std::string what = e.what();
  if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr) {
    for (const CLI::Option* option : app.get_options()) {
      if (option->get_positional() && option->get_required() &&
          option->count() == 0) {
        return "missing " + option->get_name();
      }
    }
  }
  if (dynamic_cast<const CLI::ExcludesError*>(&e) != nullptr) {
    size_t at = what.find(" excludes ");
    if (at != std::string::npos) {
      return what.substr(0, at) + " and " + what.substr(at + 10) +
             " exclude each other";
    }
  }
  if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr) {
    std::vector<std::string> extras = app.remaining();
    const CLI::Option* positional = nullptr;
    for (const CLI::Option* option : app.get_options()) {
      if (option->get_positional()) positional = option;
    }
    if (!extras.empty() && positional != nullptr) {
      return "one " + positional->get_name() + " only, got also '" +
             extras.front() + "'";
    }
  }
  return what;
}

// Parses `args` into `app`. Returns false with `*error` on a mistake; sets
// `*help` (and returns true) when help was asked for.
bool Parse(CLI::App& app, const std::vector<std::string>& args, bool* help,
           std::string* error) {
  for (const std::string& arg : args) {
    if (arg == "--") break;
    if (arg == "-h" || arg == "--help") {
      *help = true;
      return true;
    }
  }
  if (!CheckOptionsBeforeParsing(app, args, error)) return false;
  // CLI11 takes the arguments in reverse order.
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    *error = Explain(app, e);
    return false;
  }
  for (const CLI::Option* option : app.get_options()) {
    if (!option->get_positional() && option->get_expected_max() != 0 &&
        option->get_items_expected_max() == 1 && option->count() > 1) {
      *error = option->get_name() + " is given twice";
      return false;
    }
  }
  return true;
}

// Splits the values of --task at their first '='.
bool TaskCommands(const std::vector<std::string>& values,
                  std::vector<TaskCommand>* out, std::string* error) {
  for (const std::string& task : values) {
    size_t eq = task.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == task.size()) {
      *error = "--task needs KEY=COMMAND, got '" + task + "'";
      return false;
    }
    out->push_back({task.substr(0, eq), task.substr(eq + 1)});
  }
  return true;
}

std::optional<std::string> EnvValue(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr) return std::nullopt;
  return std::string(value);
}

// --- fnf run -------------------------------------------------------------

struct RunSlots {
  std::string input, input_file, name, mocks, store, output = "auto";
  std::vector<std::string> tasks;
};

std::unique_ptr<CLI::App> RunApp(RunArgs* args, RunSlots* slots) {
  auto app = NewApp(
      "Creates the flow defined in FLOW_FILE (YAML or JSON; named by its "
      "Name, else by the file name) and runs one execution to its end.\n"
      "Prints it as the API's JSON object (Name, FlowName, Status, Input, "
      "Output, ErrorCode, ErrorMessage, StartedTime, StoppedTime) or, with "
      "--output text, as text a person reads.",
      "fnf run");
  app->add_option("FLOW_FILE", args->flow_file, "the flow definition")
      ->required();
  CLI::Option* input =
      AddSingle(*app, "--input", &slots->input, "JSON",
                "the execution input, a JSON object (default {})");
  CLI::Option* input_file =
      AddSingle(*app, "--input-file", &slots->input_file, "FILE",
                "read the input from FILE ('-': standard input)");
  input->excludes(input_file);
  AddSingle(*app, "--name", &slots->name, "NAME",
            "the execution name (default: a generated one)");
  app->add_option(
         "--task", slots->tasks,
         Describe("run COMMAND with /bin/sh -c for the task states KEY "
                  "matches (a state name, a resource ARN or an action such as "
                  "FC:InvokeFunction). The command reads the task request as "
                  "JSON on stdin; exit 0: stdout is the task's output JSON; "
                  "otherwise the task fails with the {\"Error\", \"Cause\"} it "
                  "prints, or with FnF.TaskFailed and its stderr. KEY=- prints "
                  "the request (with its TaskToken) and reads the answer from "
                  "the terminal. Repeatable."))
      ->type_name("KEY=COMMAND")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  AddSingle(*app, "--mocks", &slots->mocks, "FILE",
            "canned task responses per state name (JSON or YAML)");
  AddSingle(*app, "--output", &slots->output, "FORMAT",
            "json: the API's object; text: status, output, error and "
            "duration; auto (default): text on a terminal, else json")
      ->check(CLI::IsMember({"auto", "json", "text"}));
  app->add_flag(
      "--trace", args->trace,
      Describe("print each state as it is entered and left, with the time, "
               "on stderr"));
  app->add_flag("--history", args->history,
                "add the execution's history events as \"Events\"");
  app->add_flag(
      "--virtual-time", args->virtual_time,
      Describe("run waits, retry intervals and timeouts on a virtual clock: "
               "no real waiting; time stamps advance by the virtual amount"));
  AddSingle(*app, "--store", &slots->store, "PATH",
            "keep the flow and its executions in the SQLite file PATH "
            "(created when missing): a later run on PATH sees them, and "
            "--name of an execution a killed run left running continues it");
  return app;
}

// --- fnf validate ----------------------------------------------------------

std::unique_ptr<CLI::App> ValidateApp(ValidateArgs* args) {
  auto app = NewApp(
      "Checks flow definitions and prints every problem in every file as "
      "FILE:LINE:COL: message on standard output.",
      "fnf validate");
  app->add_option("FLOW_FILE", args->files, "flow definitions (YAML or JSON)")
      ->required();
  app->add_flag("--show-source", args->show_source,
                Describe("under each problem, show its line with a caret under "
                         "the column (the default on a terminal)"));
  return app;
}

// --- fnf graph -------------------------------------------------------------

struct GraphSlots {
  std::string history;
};

std::unique_ptr<CLI::App> GraphApp(GraphArgs* args, GraphSlots* slots) {
  auto app = NewApp(
      "Prints the flow in FLOW_FILE as a diagram: every state with its type, "
      "every transition (Next, Choice branches and Default, Catch), Parallel "
      "branches and Map processors as nested boxes. Render Mermaid in any "
      "Markdown viewer that knows it, dot with Graphviz (dot -Tsvg).",
      "fnf graph");
  app->add_option("FLOW_FILE", args->flow_file, "the flow definition")
      ->required();
  AddSingle(*app, "--format", &args->format, "FORMAT",
            "mermaid (default) or dot")
      ->check(CLI::IsMember({"mermaid", "dot"}));
  AddSingle(*app, "--history", &slots->history, "RUN_JSON",
            "the output of 'fnf run --history' ('-': standard input): mark "
            "the states that execution visited and the one that failed");
  return app;
}

// --- fnf test ----------------------------------------------------------------

std::unique_ptr<CLI::App> TestApp(TestArgs* args) {
  auto app = NewApp(
      "Runs the named scenarios of each SCENARIO_FILE (YAML or JSON: a flow, "
      "an input, mocks per state, the expected status, output or error) on a "
      "virtual clock and prints one line per scenario.",
      "fnf test");
  app->add_option("SCENARIO_FILE", args->files, "scenario files")->required();
  return app;
}

// --- fnf serve
// ----------------------------------------------------------------

struct ServeSlots {
  std::string listen, key_id, key_secret, mocks, console_token, store;
  std::vector<std::string> tasks;
};

std::unique_ptr<CLI::App> ServeApp(ServeArgs* args, ServeSlots* slots) {
  auto app = NewApp(
      "Serves the Serverless Workflow / CloudFlow API (FnF OpenAPI 2019-03-15) "
      "over HTTP, so that Alibaba Cloud's SDKs and the aliyun CLI work against "
      "it with only their endpoint changed. The first line on stdout is 'fnf "
      "serve: listening on http://HOST:PORT' with the real port, the second "
      "'fnf serve: console at http://HOST:PORT/console/?token=TOKEN', the web "
      "console's address; one "
      "access-log line per request goes to stderr. A callback task "
      "(WaitForCustomCallback, legacy waitForCallback) that no --task or mock "
      "takes waits for ReportTaskSucceeded / ReportTaskFailed, and its "
      "TaskToken is printed on stderr. SIGINT or SIGTERM stops it.",
      "fnf serve");
  AddSingle(*app, "--listen", &slots->listen, "HOST:PORT",
            "where to listen (default 127.0.0.1:8080; port 0: a free one)");
  AddSingle(*app, "--access-key-id", &slots->key_id, "ID",
            "the AccessKeyId requests are signed with (default: "
            "FNF_ACCESS_KEY_ID)");
  AddSingle(*app, "--access-key-secret", &slots->key_secret, "SECRET",
            "its AccessKeySecret (default: FNF_ACCESS_KEY_SECRET)");
  app->add_flag("--no-auth", args->no_auth,
                Describe("accept requests without checking keys, signatures, "
                         "time stamps or nonces (test rigs)"));
  app->add_option("--task", slots->tasks,
                  Describe("run COMMAND for the task states KEY matches, as "
                           "'fnf run --task'. Repeatable."))
      ->type_name("KEY=COMMAND")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  AddSingle(*app, "--mocks", &slots->mocks, "FILE",
            "canned task responses per state name (JSON or YAML)");
  app->add_flag(
      "--virtual-time", args->virtual_time,
      Describe("waits, retry intervals and timeouts take no real time: the "
               "clock jumps to the next timer whenever nothing is ready"));
  AddSingle(*app, "--region", &args->region, "REGION",
            "what DescribeRegions answers (default cn-hangzhou)");
  app->add_flag("--quiet", args->quiet, "no access log on stderr");
  app->add_flag("--no-console", args->no_console,
                Describe("no web console under /console/"));
  AddSingle(*app, "--console-token", &slots->console_token, "TOKEN",
            "the web console's token (default: a random one per start)");
  AddSingle(*app, "--store", &slots->store, "PATH",
            "keep flows and executions in the SQLite file PATH (created when "
            "missing); what a stopped or killed server left running continues");
  return app;
}

// "HOST:PORT", "[::1]:PORT" or ":PORT".
bool ParseListen(const std::string& text, ServeArgs* out, std::string* error) {
  size_t colon = text.rfind(':');
  std::string port = colon == std::string::npos ? "" : text.substr(colon + 1);
  bool digits = !port.empty() && port.size() <= 5 &&
                port.find_first_not_of("0123456789") == std::string::npos;
  if (!digits || std::stoi(port) > 65535) {
    *error = "--listen needs HOST:PORT with a port from 0 to 65535, got '" +
             text + "'";
    return false;
  }
  std::string host = text.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  out->host = host.empty() ? "127.0.0.1" : host;
  out->port = std::stoi(port);
  return true;
}

// --- fnf help, fnf completion, fnf version -----------------------------------

std::unique_ptr<CLI::App> HelpApp(WordArgs* args) {
  auto app = NewApp(
      "Describes COMMAND and its options; without COMMAND lists the commands.",
      "fnf help");
  app->add_option("COMMAND", args->word, "a command, e.g. run");
  return app;
}

std::unique_ptr<CLI::App> CompletionApp(WordArgs* args) {
  auto app = NewApp(
      "Prints a completion script for SHELL. Load it in the running shell "
      "with 'source <(fnf completion bash)', or install it as "
      "~/.local/share/bash-completion/completions/fnf.",
      "fnf completion");
  app->add_option("SHELL", args->word, "the shell")
      ->required()
      ->check(CLI::IsMember({"bash"}));
  return app;
}

std::unique_ptr<CLI::App> VersionApp() {
  return NewApp(
      "Prints the version of fnf: 'fnf VERSION' (also fnf --version).",
      "fnf version");
}

}  // namespace

bool ParseServeArgs(const std::vector<std::string>& args, ServeArgs* out,
                    std::string* error) {
  *out = ServeArgs();
  ServeSlots slots;
  auto app = ServeApp(out, &slots);
  if (!Parse(*app, args, &out->help, error)) return false;
  if (out->help) return true;
  if (app->count("--listen") && !ParseListen(slots.listen, out, error)) {
    return false;
  }
  if (app->count("--store")) out->store = slots.store;
  if (app->count("--mocks")) out->mocks_file = slots.mocks;
  if (app->count("--console-token")) {
    if (out->no_console) {
      *error = "--console-token and --no-console exclude each other";
      return false;
    }
    // It travels in a URL and a cookie: keep it to characters that need no
    // escaping there, and long enough not to be guessed.
    const std::string& token = slots.console_token;
    if (token.size() < 8 || token.size() > 256 ||
        token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrs"
                                "tuvwxyz0123456789-_.~") != std::string::npos) {
      *error =
          "--console-token needs 8 to 256 letters, digits, '-', '_', '.' or "
          "'~', got '" +
          token + "'";
      return false;
    }
    out->console_token = token;
  }
  if (!TaskCommands(slots.tasks, &out->tasks, error)) return false;
  // The variables a shell set up for the server may already hold.
  out->key_id = app->count("--access-key-id") ? std::optional(slots.key_id)
                                              : EnvValue("FNF_ACCESS_KEY_ID");
  out->key_secret = app->count("--access-key-secret")
                        ? std::optional(slots.key_secret)
                        : EnvValue("FNF_ACCESS_KEY_SECRET");
  if (!out->no_auth && (!out->key_id || !out->key_secret ||
                        out->key_id->empty() || out->key_secret->empty())) {
    *error =
        "give the key pair clients sign with: --access-key-id ID "
        "--access-key-secret SECRET (or FNF_ACCESS_KEY_ID and "
        "FNF_ACCESS_KEY_SECRET), or --no-auth to accept unsigned requests";
    return false;
  }
  return true;
}

bool ParseHelpArgs(const std::vector<std::string>& args, WordArgs* out,
                   std::string* error) {
  *out = WordArgs();
  auto app = HelpApp(out);
  return Parse(*app, args, &out->help, error);
}

bool ParseCompletionArgs(const std::vector<std::string>& args, WordArgs* out,
                         std::string* error) {
  *out = WordArgs();
  auto app = CompletionApp(out);
  return Parse(*app, args, &out->help, error);
}

bool ParseVersionArgs(const std::vector<std::string>& args, WordArgs* out,
                      std::string* error) {
  *out = WordArgs();
  auto app = VersionApp();
  return Parse(*app, args, &out->help, error);
}

std::string HelpHelp() {
  WordArgs args;
  return HelpApp(&args)->help();
}

std::string CompletionHelp() {
  WordArgs args;
  return CompletionApp(&args)->help();
}

std::string VersionHelp() { return VersionApp()->help(); }

bool ParseRunArgs(const std::vector<std::string>& args, RunArgs* out,
                  std::string* error) {
  *out = RunArgs();
  RunSlots slots;
  auto app = RunApp(out, &slots);
  if (!Parse(*app, args, &out->help, error)) return false;
  if (out->help) return true;
  if (app->count("--input")) out->input = slots.input;
  if (app->count("--input-file")) out->input_file = slots.input_file;
  if (app->count("--mocks")) out->mocks_file = slots.mocks;
  if (app->count("--store")) out->store = slots.store;
  out->execution_name = slots.name;
  out->output = slots.output == "json"   ? OutputFormat::kJson
                : slots.output == "text" ? OutputFormat::kText
                                         : OutputFormat::kAuto;
  return TaskCommands(slots.tasks, &out->tasks, error);
}

bool ParseValidateArgs(const std::vector<std::string>& args, ValidateArgs* out,
                       std::string* error) {
  *out = ValidateArgs();
  auto app = ValidateApp(out);
  return Parse(*app, args, &out->help, error);
}

bool ParseGraphArgs(const std::vector<std::string>& args, GraphArgs* out,
                    std::string* error) {
  *out = GraphArgs();
  GraphSlots slots;
  auto app = GraphApp(out, &slots);
  if (!Parse(*app, args, &out->help, error)) return false;
  if (app->count("--history")) out->history_file = slots.history;
  return true;
}

bool ParseTestArgs(const std::vector<std::string>& args, TestArgs* out,
                   std::string* error) {
  *out = TestArgs();
  auto app = TestApp(out);
  return Parse(*app, args, &out->help, error);
}

std::string RunHelp() {
  RunArgs args;
  RunSlots slots;
  return RunApp(&args, &slots)->help();
}

std::string ValidateHelp() {
  ValidateArgs args;
  return ValidateApp(&args)->help();
}

std::string GraphHelp() {
  GraphArgs args;
  GraphSlots slots;
  return GraphApp(&args, &slots)->help();
}

std::string ServeHelp() {
  ServeArgs args;
  ServeSlots slots;
  return ServeApp(&args, &slots)->help();
}

std::string TestHelp() {
  TestArgs args;
  return TestApp(&args)->help();
}

}  // namespace fnf::cli
