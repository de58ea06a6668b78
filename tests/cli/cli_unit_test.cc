// The CLI's parts in-process: argument parsing, flow names, messages, the task
// protocol and the process runner, plus RunCli itself.

#if defined(FNF_TOOL_PATH)  // fnf_cli exists (it is built with the tool)

#include <csignal>
#include <string>
#include <thread>
#include <vector>

#include <rapidjson/document.h>

#include "cli/args.h"
#include "cli/cli.h"
#include "cli/command_task.h"
#include "cli/execution_json.h"
#include "cli/file_io.h"
#include "cli/flow_name.h"
#include "cli/json_text.h"
#include "cli/messages.h"
#include "cli/run_command.h"
#include "cli/subprocess.h"
#include "cli/usage.h"
#include "cli/validate_command.h"
#include "tests/testing/catch.h"

namespace fnf::cli {
namespace {

RunArgs MustParseRun(const std::vector<std::string>& args) {
  RunArgs parsed;
  std::string error;
  bool ok = ParseRunArgs(args, &parsed, &error);
  INFO(error);
  REQUIRE(ok);
  return parsed;
}

std::string RunError(const std::vector<std::string>& args) {
  RunArgs parsed;
  std::string error;
  CHECK_FALSE(ParseRunArgs(args, &parsed, &error));
  return error;
}

TEST_CASE("ParseRunArgs reads every option", "[cli]") {
  RunArgs args =
      MustParseRun({"--input", R"({"a":1})", "flow.yaml", "--name", "e1",
                    "--task", "Work=cat", "--task=FC:InvokeFunction=echo a=b",
                    "--mocks", "m.yaml", "--history", "--virtual-time"});
  CHECK(args.flow_file == "flow.yaml");
  CHECK(args.input == R"({"a":1})");
  CHECK_FALSE(args.input_file);
  CHECK(args.execution_name == "e1");
  REQUIRE(args.tasks.size() == 2);
  CHECK(args.tasks[0].key == "Work");
  CHECK(args.tasks[0].command == "cat");
  // Only the first '=' separates the key: commands may hold '=' themselves.
  CHECK(args.tasks[1].key == "FC:InvokeFunction");
  CHECK(args.tasks[1].command == "echo a=b");
  CHECK(args.mocks_file == "m.yaml");
  CHECK(args.history);
  CHECK(args.virtual_time);
  CHECK_FALSE(args.help);
}

TEST_CASE("ParseRunArgs defaults", "[cli]") {
  RunArgs args = MustParseRun({"flow.yaml"});
  CHECK_FALSE(args.input);
  CHECK_FALSE(args.input_file);
  CHECK(args.execution_name.empty());
  CHECK(args.tasks.empty());
  CHECK_FALSE(args.mocks_file);
  CHECK_FALSE(args.history);
  CHECK_FALSE(args.virtual_time);
}

TEST_CASE("ParseRunArgs: values that look like options, '-' and '--'",
          "[cli]") {
  CHECK(MustParseRun({"f.yaml", "--name", "-x"}).execution_name == "-x");
  CHECK(MustParseRun({"f.yaml", "--input-file", "-"}).input_file == "-");
  CHECK(MustParseRun({"--", "--odd.yaml"}).flow_file == "--odd.yaml");
  CHECK(MustParseRun({"f.yaml", "-h"}).help);
  CHECK(MustParseRun({"--help", "--bogus"}).help);
}

TEST_CASE("ParseRunArgs rejects mistakes with a message", "[cli]") {
  CHECK(RunError({}) == "missing FLOW_FILE");
  CHECK(RunError({"a.yaml", "b.yaml"}) ==
        "one FLOW_FILE only, got also 'b.yaml'");
  CHECK(RunError({"a.yaml", "--frob"}) == "unknown option --frob");
  CHECK(RunError({"a.yaml", "-x"}) == "unknown option -x");
  CHECK(RunError({"a.yaml", "--name"}) == "--name needs a value");
  CHECK(RunError({"a.yaml", "--input="}) == "--input needs a value");
  CHECK(RunError({"a.yaml", "--tsk", "A=b"}) ==
        "unknown option --tsk (did you mean '--task'?)");
  CHECK(RunError({"a.yaml", "--output", "xml"}) ==
        "--output: xml not in {auto,json,text}");
  CHECK(RunError({"a.yaml", "--input", "{}", "--input-file", "i.json"}) ==
        "--input and --input-file exclude each other");
  CHECK(RunError({"a.yaml", "--input", "{}", "--input", "{}"}) ==
        "--input is given twice");
  CHECK(RunError({"a.yaml", "--mocks", "a", "--mocks", "b"}) ==
        "--mocks is given twice");
  CHECK(RunError({"a.yaml", "--task", "=cmd"}) ==
        "--task needs KEY=COMMAND, got '=cmd'");
  CHECK(RunError({"a.yaml", "--task", "key="}) ==
        "--task needs KEY=COMMAND, got 'key='");
  CHECK(RunError({"a.yaml", "--virtual-time=1"}) ==
        "--virtual-time takes no value");
}

TEST_CASE("ParseValidateArgs", "[cli]") {
  ValidateArgs args;
  std::string error;
  REQUIRE(ParseValidateArgs({"a.yaml", "b.json"}, &args, &error));
  CHECK(args.files == std::vector<std::string>{"a.yaml", "b.json"});
  CHECK_FALSE(ParseValidateArgs({}, &args, &error));
  CHECK(error == "missing FLOW_FILE");
  CHECK_FALSE(ParseValidateArgs({"--x", "a.yaml"}, &args, &error));
  CHECK(error == "unknown option --x");
  REQUIRE(ParseValidateArgs({"--help"}, &args, &error));
  CHECK(args.help);
}

TEST_CASE("SanitizeFlowName makes valid flow names", "[cli]") {
  CHECK(SanitizeFlowName("hello") == "hello");
  CHECK(SanitizeFlowName("Hello_World-2") == "Hello_World-2");
  CHECK(SanitizeFlowName("my flow.v1") == "my_flow_v1");
  CHECK(SanitizeFlowName("2fa") == "_2fa");
  CHECK(SanitizeFlowName("-x") == "_-x");
  CHECK(SanitizeFlowName("_x") == "_x");
  // One '_' per character, not per UTF-8 byte.
  CHECK(SanitizeFlowName("caf\xC3\xA9") == "caf_");
  CHECK(SanitizeFlowName("\xE6\xB5\x81\xE7\xA8\x8B") == "__");
  CHECK(SanitizeFlowName("") == "");
  CHECK(SanitizeFlowName(std::string(200, 'a')) == std::string(128, 'a'));
  CHECK(SanitizeFlowName("9" + std::string(200, 'a')).size() == 128);
}

TEST_CASE("FlowNameFromPath drops the directory and the last extension",
          "[cli]") {
  CHECK(FlowNameFromPath("hello.yaml") == "hello");
  CHECK(FlowNameFromPath("examples/flows/hello.yaml") == "hello");
  CHECK(FlowNameFromPath("/tmp/my.flow.yaml") == "my_flow");
  CHECK(FlowNameFromPath("dir.d/flow") == "flow");
  CHECK(FlowNameFromPath("1st.json") == "_1st");
  CHECK(FlowNameFromPath(".hidden") == "_hidden");
  CHECK(FlowNameFromPath("dir/") == "flow");
}

TEST_CASE("DefinitionName finds the definition's own name", "[cli]") {
  CHECK(DefinitionName("Type: StateMachine\nName: orders\nStartAt: A\n") ==
        "orders");
  CHECK(DefinitionName(R"({"Type": "StateMachine", "Name": "json_flow"})") ==
        "json_flow");
  CHECK(DefinitionName("  \n{\"Name\":\"spaced\"}") == "spaced");
  // The legacy spec's name.
  CHECK(DefinitionName("version: v1\ntype: flow\nname: legacy\nsteps: []\n") ==
        "legacy");
  CHECK(DefinitionName("version: v1\nname: not_a_flow\n") == std::nullopt);
  CHECK(DefinitionName("Type: StateMachine\nStartAt: A\n") == std::nullopt);
  CHECK(DefinitionName("{\"Name\": ") == std::nullopt);
  CHECK(DefinitionName("[1, 2]") == std::nullopt);
  CHECK(DefinitionName("Name: [unclosed") == std::nullopt);
  CHECK(DeriveFlowName("Name: given\n", "dir/file.yaml") == "given");
  CHECK(DeriveFlowName("Type: StateMachine\n", "dir/file name.yaml") ==
        "file_name");
}

TEST_CASE("FindJsonProblem points at the line and column", "[cli]") {
  CHECK_FALSE(FindJsonProblem(R"( {"a": [1, 2]} )", true));
  CHECK_FALSE(FindJsonProblem("[1]", false));
  auto problem = FindJsonProblem("{\n  \"a\": 1,\n  b\n}", true);
  REQUIRE(problem);
  CHECK(problem->line == 3);
  CHECK(problem->column == 3);
  auto not_object = FindJsonProblem("\n  [1]", true);
  REQUIRE(not_object);
  CHECK(not_object->line == 2);
  CHECK(not_object->column == 3);
  CHECK(not_object->message == "not a JSON object");
  CHECK(FindJsonProblem("", true));
  CHECK(FindJsonProblem("{} {}", true));
}

TEST_CASE("FormatDiagnostic and FormatApiError", "[cli]") {
  Diagnostic full{3, 5, "States[0].Next", "state 'X' does not exist"};
  CHECK(FormatDiagnostic("f.yaml", full) ==
        "f.yaml:3:5: States[0].Next: state 'X' does not exist");
  Diagnostic no_column{3, 0, "", "bad"};
  CHECK(FormatDiagnostic("f.yaml", no_column) == "f.yaml:3: bad");
  Diagnostic nowhere{0, 0, "", "not a flow"};
  CHECK(FormatDiagnostic("f.yaml", nowhere) == "f.yaml: not a flow");

  Status located(ErrorCode::kInvalidArgument,
                 "2:7: Work: responses must be a list");
  CHECK(FormatApiError(located, "m.yaml") ==
        "fnf: InvalidArgument: m.yaml:2:7: Work: responses must be a list");
  Status plain(ErrorCode::kInvalidArgument, "bad name");
  CHECK(FormatApiError(plain, "f.yaml") ==
        "fnf: InvalidArgument: f.yaml: bad name");
  CHECK(FormatApiError(plain, "") == "fnf: InvalidArgument: bad name");
  Status almost(ErrorCode::kInvalidArgument, "12:x: no");
  CHECK(FormatApiError(almost, "f") == "fnf: InvalidArgument: f: 12:x: no");
}

TEST_CASE("ExecutionToJson uses the API's names and order", "[cli]") {
  Execution execution;
  execution.name = "e1";
  execution.flow_name = "f";
  execution.status = ExecutionStatus::kFailed;
  execution.input = R"({"a":1})";
  execution.error_code = "E";
  execution.error_message = "m";
  execution.started_time = "2019-01-01T00:00:00.000Z";
  execution.stopped_time = "2019-01-01T00:00:01.000Z";
  std::string text = ExecutionToJson(execution, nullptr);
  CHECK(text.back() == '\n');
  rapidjson::Document doc;
  doc.Parse(text.c_str());
  REQUIRE(doc.IsObject());
  std::vector<std::string> names;
  for (const auto& member : doc.GetObject())
    names.emplace_back(member.name.GetString());
  CHECK(names == std::vector<std::string>{"Name", "FlowName", "Status", "Input",
                                          "Output", "ErrorCode", "ErrorMessage",
                                          "StartedTime", "StoppedTime"});
  CHECK(std::string(doc["Status"].GetString()) == "Failed");
  CHECK(std::string(doc["Input"].GetString()) == R"({"a":1})");

  std::vector<HistoryEvent> events(1);
  events[0].event_id = 1;
  events[0].type = "ExecutionStarted";
  events[0].event_detail = R"({"Input":"{}"})";
  doc.Parse(ExecutionToJson(execution, &events).c_str());
  REQUIRE(doc["Events"].IsArray());
  CHECK(doc["Events"][0]["EventId"].GetInt64() == 1);
  CHECK(std::string(doc["Events"][0]["EventDetail"].GetString()) ==
        R"({"Input":"{}"})");
}

TaskRequest SampleRequest() {
  TaskRequest request;
  request.flow_name = "f";
  request.execution_name = "e";
  request.state_name = "Work";
  request.action = "HTTP:Request";
  request.resource_arn = "acs:x";
  request.task_mode = "RequestComplete";
  request.parameters = R"({"n": 12345678901234567890123, "s": "x"})";
  request.input = R"({"a": 1.50})";
  request.task_token = "tok";
  return request;
}

TEST_CASE(
    "TaskRequestToJson embeds Parameters and Input as JSON, byte for byte",
    "[cli]") {
  CHECK(
      TaskRequestToJson(SampleRequest()) ==
      R"({"FlowName":"f","ExecutionName":"e","StateName":"Work","Action":"HTTP:Request",)"
      R"("ResourceArn":"acs:x","TaskMode":"RequestComplete",)"
      R"("Parameters":{"n": 12345678901234567890123, "s": "x"},"Input":{"a": 1.50},)"
      R"("TaskToken":"tok"})");
  TaskRequest empty = SampleRequest();
  empty.parameters = "";
  empty.input = " ";
  CHECK(TaskRequestToJson(empty).find(R"("Parameters":{},"Input":{},)") !=
        std::string::npos);
}

SubprocessResult Exited(int code, std::string out, std::string err = "") {
  SubprocessResult run;
  run.started = true;
  run.exit_code = code;
  run.stdout_data = std::move(out);
  run.stderr_data = std::move(err);
  return run;
}

TEST_CASE("TaskResultFromCommand: exit 0", "[cli]") {
  TaskRequest request = SampleRequest();
  TaskResult ok = TaskResultFromCommand(request, Exited(0, "  {\"x\": 1}\n"));
  CHECK(ok.kind == TaskResult::Kind::kSucceeded);
  CHECK(ok.output == R"({"x": 1})");
  CHECK(TaskResultFromCommand(request, Exited(0, "\n")).output == "{}");
  TaskResult not_json = TaskResultFromCommand(request, Exited(0, "hello\n"));
  CHECK(not_json.kind == TaskResult::Kind::kFailed);
  CHECK(not_json.error == "FnF.TaskFailed");
  CHECK(not_json.cause.find("not JSON") != std::string::npos);

  request.action = "FC:InvokeFunction";
  CHECK(TaskResultFromCommand(request, Exited(0, "{\"x\": 1}\n")).output ==
        R"({"Body":{"x": 1}})");
  CHECK(TaskResultFromCommand(request, Exited(0, "hello \"you\"\n")).output ==
        R"({"Body":"hello \"you\""})");
  CHECK(TaskResultFromCommand(request, Exited(0, "")).output ==
        R"({"Body":""})");
  CHECK(TaskResultFromCommand(request, Exited(0, "42")).output ==
        R"({"Body":42})");
}

TEST_CASE("TaskResultFromCommand: failures", "[cli]") {
  TaskRequest request = SampleRequest();
  TaskResult named = TaskResultFromCommand(
      request, Exited(1, R"({"Error": "E1", "Cause": "c1"})", "log\n"));
  CHECK(named.kind == TaskResult::Kind::kFailed);
  CHECK(named.error == "E1");
  CHECK(named.cause == "c1");
  TaskResult no_cause =
      TaskResultFromCommand(request, Exited(1, R"({"Error": "E2"})"));
  CHECK(no_cause.error == "E2");
  CHECK(no_cause.cause == "");
  TaskResult object_cause = TaskResultFromCommand(
      request, Exited(1, R"({"Error": "E3", "Cause": {"k": 1}})"));
  CHECK(object_cause.cause == R"({"k":1})");
  TaskResult from_stderr =
      TaskResultFromCommand(request, Exited(2, "partial", "boom\n"));
  CHECK(from_stderr.error == "FnF.TaskFailed");
  CHECK(from_stderr.cause == "boom");
  TaskResult silent = TaskResultFromCommand(request, Exited(7, ""));
  CHECK(silent.cause == "the command exited with status 7");
  SubprocessResult killed = Exited(-1, "");
  killed.signal = 9;
  CHECK(TaskResultFromCommand(request, killed).cause ==
        "the command was killed by signal 9");
  SubprocessResult not_started;
  not_started.error = "cannot run /bin/sh: No such file or directory";
  TaskResult unstarted = TaskResultFromCommand(request, not_started);
  CHECK(unstarted.error == "FnF.TaskFailed");
  CHECK(unstarted.cause.find("No such file") != std::string::npos);
}

TEST_CASE("RunShellCommand collects exit status, stdout and stderr", "[cli]") {
  SubprocessResult run =
      RunShellCommand("read x; echo out:$x; echo err >&2; exit 4", "hi\n");
  CHECK(run.started);
  CHECK(run.exit_code == 4);
  CHECK(run.signal == 0);
  CHECK(run.stdout_data == "out:hi\n");
  CHECK(run.stderr_data == "err\n");
  CHECK_FALSE(run.succeeded());
  SubprocessResult killed = RunShellCommand("kill -9 $$", "");
  CHECK(killed.signal == 9);
  CHECK(RunShellCommand("true", "").succeeded());
}

TEST_CASE("RunShellCommand does not deadlock on large input and output",
          "[cli]") {
  std::string big(1 << 20, 'x');
  SubprocessResult echoed =
      RunShellCommand("cat; cat >&2 </dev/null; printf '%s' done >&2", big);
  CHECK(echoed.succeeded());
  CHECK(echoed.stdout_data == big);
  CHECK(echoed.stderr_data == "done");
  // Writes a lot to both streams before reading anything.
  SubprocessResult chatty = RunShellCommand(
      "head -c 300000 /dev/zero; head -c 300000 /dev/zero >&2; cat >/dev/null",
      big);
  CHECK(chatty.succeeded());
  CHECK(chatty.stdout_data.size() == 300000);
  CHECK(chatty.stderr_data.size() == 300000);
}

TEST_CASE("RunShellCommand survives a command that never reads its input",
          "[cli]") {
  // Without the SIGPIPE guard this kills the test binary.
  std::string big(4 << 20, 'x');
  SubprocessResult run = RunShellCommand("exit 0", big);
  CHECK(run.succeeded());
  sigset_t pending;
  sigemptyset(&pending);
  sigpending(&pending);
  CHECK_FALSE(sigismember(&pending, SIGPIPE));
}

TEST_CASE("RunShellCommand runs commands from several threads at once",
          "[cli]") {
  std::vector<std::string> outputs(8);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < outputs.size(); ++i) {
    threads.emplace_back([&outputs, i] {
      outputs[i] =
          RunShellCommand("cat", std::to_string(i) + std::string(100000, 'y'))
              .stdout_data;
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (size_t i = 0; i < outputs.size(); ++i) {
    CHECK(outputs[i] == std::to_string(i) + std::string(100000, 'y'));
  }
}

TEST_CASE("MakeCommandTaskHandler runs the command and forwards its stderr",
          "[cli]") {
  std::string seen;
  TaskHandler handler = MakeCommandTaskHandler(
      R"(cat >/dev/null; echo note >&2; echo '{"done": true}')",
      [&seen](std::string_view text) { seen += text; });
  TaskResult result = handler(SampleRequest());
  CHECK(result.kind == TaskResult::Kind::kSucceeded);
  CHECK(result.output == R"({"done": true})");
  CHECK(seen == "note\n");
  // The command really gets the request.
  TaskResult echoed = MakeCommandTaskHandler("cat")(SampleRequest());
  CHECK(echoed.output == TaskRequestToJson(SampleRequest()));
}

TEST_CASE("RunCli: usage and unknown commands", "[cli]") {
  std::string out, err;
  CHECK(RunCli({}, &out, &err) == kExitInvalid);
  CHECK(out.empty());
  CHECK(err == MainUsage());
  CHECK(RunCli({"--help"}, &out, &err) == kExitSucceeded);
  CHECK(out == MainUsage());
  CHECK(err.empty());
  CHECK(RunCli({"nope"}, &out, &err) == kExitInvalid);
  CHECK(err ==
        "fnf: unknown command 'nope'\nRun 'fnf --help' for the commands.\n");
  CHECK(RunCli({"rnu"}, &out, &err) == kExitInvalid);
  CHECK(err.rfind("fnf: unknown command 'rnu' (did you mean 'run'?)\n", 0) ==
        0);
  CHECK(RunCli({"run", "--help"}, &out, &err) == kExitSucceeded);
  CHECK(out == RunHelp());
  CHECK(RunCli({"validate", "-h"}, &out, &err) == kExitSucceeded);
  CHECK(out == ValidateHelp());
  CHECK(RunCli({"run", "/no/such/flow.yaml"}, &out, &err) == kExitInvalid);
  CHECK(err ==
        "fnf: cannot read flow file '/no/such/flow.yaml': No such file or "
        "directory\n");
}

}  // namespace
}  // namespace fnf::cli

#endif  // defined(FNF_TOOL_PATH)
