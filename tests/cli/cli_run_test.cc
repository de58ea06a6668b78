// `fnf run` as a user meets it: the real binary, its stdout JSON, its stderr
// and exit status.
#if defined(FNF_TOOL_PATH) && defined(FNF_SOURCE_DIR)

#include <cstdio>
#include <ctime>
#include <regex>
#include <string>
#include <vector>

#include "tests/cli/tool_runner.h"
#include "tests/testing/catch.h"

namespace fnf::testing {
namespace {

const char* const kFields[] = {"Name",         "FlowName",    "Status",
                               "Input",        "Output",      "ErrorCode",
                               "ErrorMessage", "StartedTime", "StoppedTime"};

// Checks that `out` is one JSON object with exactly the API's fields, in the
// API's order, all strings (plus Events when `with_events`), and returns it.
rapidjson::Document ExecutionJson(const std::string& out,
                                  bool with_events = false) {
  rapidjson::Document doc = ParseJson(out);
  REQUIRE_FALSE(doc.HasParseError());
  REQUIRE(doc.IsObject());
  std::vector<std::string> names;
  for (const auto& member : doc.GetObject())
    names.emplace_back(member.name.GetString());
  std::vector<std::string> expected(std::begin(kFields), std::end(kFields));
  if (with_events) expected.push_back("Events");
  REQUIRE(names == expected);
  for (const char* field : kFields) REQUIRE(doc[field].IsString());
  return doc;
}

std::string Field(const rapidjson::Document& doc, const char* name) {
  return doc[name].GetString();
}

// Milliseconds since the epoch of an API time stamp
// ("2019-01-01T01:01:01.001Z").
long long TimestampMillis(const std::string& stamp) {
  std::tm tm{};
  int millis = 0;
  REQUIRE(std::sscanf(stamp.c_str(), "%d-%d-%dT%d:%d:%d.%dZ", &tm.tm_year,
                      &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min,
                      &tm.tm_sec, &millis) == 7);
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  return static_cast<long long>(::timegm(&tm)) * 1000 + millis;
}

const std::regex kTimestamp(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)");

TEST_CASE("run prints the succeeded execution as one JSON object and exits 0",
          "[cli]") {
  ToolRun run =
      RunTool({"run", DataFile("pass.yaml"), "--input", R"({"name":"fnf"})"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  rapidjson::Document doc = ExecutionJson(run.out);
  CHECK(Field(doc, "Status") == "Succeeded");
  CHECK(Field(doc, "FlowName") == "pass");
  CHECK_FALSE(Field(doc, "Name").empty());
  CHECK(JsonEquals(Field(doc, "Input"), R"({"name":"fnf"})"));
  CHECK(JsonEquals(Field(doc, "Output"), R"({"name":"fnf"})"));
  CHECK(Field(doc, "ErrorCode").empty());
  CHECK(Field(doc, "ErrorMessage").empty());
  CHECK(std::regex_match(Field(doc, "StartedTime"), kTimestamp));
  CHECK(std::regex_match(Field(doc, "StoppedTime"), kTimestamp));
  CHECK(run.err.empty());
}

TEST_CASE("run takes the execution name from --name, in both option forms",
          "[cli]") {
  ToolRun spaced = RunTool({"run", DataFile("pass.yaml"), "--name", "exec-1"});
  REQUIRE(spaced.exit_code == 0);
  CHECK(Field(ExecutionJson(spaced.out), "Name") == "exec-1");
  // Options may also come first, and as --opt=value.
  ToolRun joined = RunTool(
      {"run", "--name=exec-2", "--input={\"a\":1}", DataFile("pass.yaml")});
  REQUIRE(joined.exit_code == 0);
  rapidjson::Document doc = ExecutionJson(joined.out);
  CHECK(Field(doc, "Name") == "exec-2");
  CHECK(JsonEquals(Field(doc, "Output"), R"({"a":1})"));
}

TEST_CASE("run without input starts the execution with {}", "[cli]") {
  ToolRun run = RunTool({"run", DataFile("pass.yaml")});
  REQUIRE(run.exit_code == 0);
  rapidjson::Document doc = ExecutionJson(run.out);
  CHECK(JsonEquals(Field(doc, "Input"), "{}"));
  CHECK(JsonEquals(Field(doc, "Output"), "{}"));
}

TEST_CASE("run reads the input from --input-file, or from stdin with -",
          "[cli]") {
  const char* kExpected = R"({"order":42,"items":["a","b"]})";
  ToolRun from_file = RunTool(
      {"run", DataFile("pass.yaml"), "--input-file", DataFile("input.json")});
  REQUIRE(from_file.exit_code == 0);
  CHECK(JsonEquals(Field(ExecutionJson(from_file.out), "Output"), kExpected));

  ToolRun from_stdin =
      RunTool({"run", DataFile("pass.yaml"), "--input-file", "-"}, kExpected);
  REQUIRE(from_stdin.exit_code == 0);
  CHECK(JsonEquals(Field(ExecutionJson(from_stdin.out), "Output"), kExpected));
}

TEST_CASE("run accepts a JSON definition", "[cli]") {
  ToolRun run =
      RunTool({"run", DataFile("pass.json"), "--input", R"({"k":[1,2]})"});
  REQUIRE(run.exit_code == 0);
  rapidjson::Document doc = ExecutionJson(run.out);
  CHECK(Field(doc, "FlowName") == "pass");
  CHECK(JsonEquals(Field(doc, "Output"), R"({"k":[1,2]})"));
}

TEST_CASE("run exits 1 with the error when the execution fails", "[cli]") {
  ToolRun run = RunTool({"run", DataFile("fail.yaml")});
  REQUIRE(run.exit_code == 1);
  rapidjson::Document doc = ExecutionJson(run.out);
  CHECK(Field(doc, "Status") == "Failed");
  CHECK(Field(doc, "FlowName") == "fail");
  CHECK(Field(doc, "ErrorCode") == "OrderRejected");
  CHECK(Field(doc, "ErrorMessage") == "the order was rejected");
  CHECK(std::regex_match(Field(doc, "StoppedTime"), kTimestamp));
}

TEST_CASE("run names the flow after the definition's Name, else after the file",
          "[cli]") {
  SECTION("Name in the definition") {
    ToolRun run = RunTool({"run", DataFile("named.yaml")});
    REQUIRE(run.exit_code == 0);
    CHECK(Field(ExecutionJson(run.out), "FlowName") == "given_name");
  }
  SECTION("file names made valid flow names") {
    TempDir dir;
    std::string definition =
        "Type: StateMachine\nSpecVersion: v1\nStartAt: A\n"
        "States:\n  - {Type: Pass, Name: A, End: true}\n";
    const std::pair<const char*, const char*> kCases[] = {
        {"my flow.v2.yaml", "my_flow_v2"}, {"2-step.yaml", "_2-step"},
        {"-dash.yml", "_-dash"},           {"caf\xC3\xA9.yaml", "caf_"},
        {"no_extension", "no_extension"},
    };
    for (const auto& [file, flow_name] : kCases) {
      ToolRun run = RunTool({"run", dir.Write(file, definition)});
      INFO(file << ": " << run.err);
      REQUIRE(run.exit_code == 0);
      CHECK(Field(ExecutionJson(run.out), "FlowName") == flow_name);
    }
  }
}

TEST_CASE("run --history adds every history event", "[cli]") {
  ToolRun run = RunTool(
      {"run", DataFile("pass.yaml"), "--history", "--input", R"({"x":1})"});
  REQUIRE(run.exit_code == 0);
  rapidjson::Document doc = ExecutionJson(run.out, /*with_events=*/true);
  const rapidjson::Value& events = doc["Events"];
  REQUIRE(events.IsArray());
  REQUIRE(events.Size() >= 2);
  int64_t last_id = 0;
  for (const rapidjson::Value& event : events.GetArray()) {
    std::vector<std::string> names;
    for (const auto& member : event.GetObject())
      names.emplace_back(member.name.GetString());
    REQUIRE(names == std::vector<std::string>{"EventId", "ScheduleEventId",
                                              "StepName", "Type", "Time",
                                              "EventDetail"});
    REQUIRE(event["EventId"].IsInt64());
    CHECK(event["EventId"].GetInt64() > last_id);
    last_id = event["EventId"].GetInt64();
    CHECK(event["ScheduleEventId"].IsInt64());
    CHECK(event["StepName"].IsString());
    CHECK(std::regex_match(std::string(event["Time"].GetString()), kTimestamp));
    // EventDetail is JSON text, as the API carries it.
    REQUIRE(event["EventDetail"].IsString());
    std::string detail = event["EventDetail"].GetString();
    if (!detail.empty()) CHECK_FALSE(ParseJson(detail).HasParseError());
  }
  CHECK(std::string(events[0]["Type"].GetString()) == "ExecutionStarted");
  CHECK(std::string(events[events.Size() - 1]["Type"].GetString()) ==
        "ExecutionSucceeded");
  bool saw_second = false;
  for (const rapidjson::Value& event : events.GetArray()) {
    saw_second =
        saw_second || std::string(event["StepName"].GetString()) == "Second";
  }
  CHECK(saw_second);
}

TEST_CASE("run --history pages through a long history", "[cli]") {
  // 40 Pass states make well over one page of events.
  std::string definition =
      "Type: StateMachine\nSpecVersion: v1\nStartAt: S0\nStates:\n";
  for (int i = 0; i < 40; ++i) {
    definition +=
        "  - {Type: Pass, Name: S" + std::to_string(i) +
        (i < 39 ? ", Next: S" + std::to_string(i + 1) : ", End: true") + "}\n";
  }
  TempDir dir;
  ToolRun run =
      RunTool({"run", dir.Write("long.yaml", definition), "--history"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  rapidjson::Document doc = ExecutionJson(run.out, /*with_events=*/true);
  const rapidjson::Value& events = doc["Events"];
  REQUIRE(events.Size() == 122);  // 3 events per state, plus start and end
  for (rapidjson::SizeType i = 0; i < events.Size(); ++i) {
    REQUIRE(events[i]["EventId"].GetInt64() == static_cast<int64_t>(i) + 1);
  }
  CHECK(std::string(events[events.Size() - 1]["Type"].GetString()) ==
        "ExecutionSucceeded");
}

TEST_CASE("run --virtual-time runs a flow without waits like a normal run",
          "[cli]") {
  ToolRun run = RunTool({"run", DataFile("pass.yaml"), "--virtual-time",
                         "--history", "--input", R"({"v":true})"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  rapidjson::Document doc = ExecutionJson(run.out, /*with_events=*/true);
  CHECK(Field(doc, "Status") == "Succeeded");
  CHECK(JsonEquals(Field(doc, "Output"), R"({"v":true})"));
  CHECK(doc["Events"].Size() >= 2);
  // The virtual clock starts at the real time.
  CHECK(Field(doc, "StartedTime").rfind("2019-", 0) != 0);

  ToolRun failed = RunTool({"run", DataFile("fail.yaml"), "--virtual-time"});
  CHECK(failed.exit_code == 1);
  CHECK(Field(ExecutionJson(failed.out), "ErrorCode") == "OrderRejected");
}

TEST_CASE("run --virtual-time waits without taking real time", "[cli][wait]") {
  ToolRun run = RunTool({"run", DataFile("wait.yaml"), "--virtual-time"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  rapidjson::Document doc = ExecutionJson(run.out);
  CHECK(Field(doc, "Status") == "Succeeded");
  long long waited = TimestampMillis(Field(doc, "StoppedTime")) -
                     TimestampMillis(Field(doc, "StartedTime"));
  CHECK(waited >= 120000);
  CHECK(waited < 121000);
}

TEST_CASE("run reports every problem of an invalid definition and exits 2",
          "[cli]") {
  std::string file = DataFile("invalid.yaml");
  ToolRun run = RunTool({"run", file});
  REQUIRE(run.exit_code == 2);
  CHECK(run.out.empty());
  std::vector<std::string> lines = Lines(run.err);
  CHECK(lines.size() >= 2);
  const std::string prefix = "fnf: InvalidArgument: " + file + ":";
  const std::regex line_column(R"(\d+:\d+: .+)");
  for (const std::string& line : lines) {
    INFO(line);
    REQUIRE(line.rfind(prefix, 0) == 0);
    CHECK(std::regex_match(line.substr(prefix.size()), line_column));
  }
  // The bad Next is on line 9, column 11 of the file.
  bool found_next = false;
  for (const std::string& line : lines) {
    found_next = found_next || (line.find(file + ":9:") != std::string::npos &&
                                line.find("Nowhere") != std::string::npos);
  }
  CHECK(found_next);
}

TEST_CASE("run exits 2 on a file it cannot read", "[cli]") {
  ToolRun run = RunTool({"run", DataFile("no_such_file.yaml")});
  CHECK(run.exit_code == 2);
  CHECK(run.out.empty());
  CHECK(run.err.find("cannot read flow file") != std::string::npos);
  CHECK(run.err.find("No such file or directory") != std::string::npos);
}

TEST_CASE(
    "run exits 2 on input that is not a JSON object, pointing at the problem",
    "[cli]") {
  SECTION("not JSON") {
    ToolRun run =
        RunTool({"run", DataFile("pass.yaml"), "--input", R"({"a":})"});
    CHECK(run.exit_code == 2);
    CHECK(run.out.empty());
    CHECK(run.err.rfind("fnf: InvalidArgument: --input:1:6: ", 0) == 0);
  }
  SECTION("JSON, but not an object") {
    ToolRun run = RunTool({"run", DataFile("pass.yaml"), "--input", "[1, 2]"});
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("--input:1:1:") != std::string::npos);
    CHECK(run.err.find("JSON object") != std::string::npos);
  }
  SECTION("in a file") {
    TempDir dir;
    std::string file = dir.Write("bad.json", "{\n  \"a\": 1,\n  oops\n}\n");
    ToolRun run = RunTool({"run", DataFile("pass.yaml"), "--input-file", file});
    CHECK(run.exit_code == 2);
    CHECK(run.err.find(file + ":3:3:") != std::string::npos);
  }
  SECTION("an input file that does not exist") {
    ToolRun run = RunTool(
        {"run", DataFile("pass.yaml"), "--input-file", DataFile("nope.json")});
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("cannot read input file") != std::string::npos);
  }
}

TEST_CASE("run exits 2 on an execution name the API refuses", "[cli]") {
  ToolRun run =
      RunTool({"run", DataFile("pass.yaml"), "--name", "not a valid name"});
  CHECK(run.exit_code == 2);
  CHECK(run.out.empty());
  CHECK(run.err.rfind("fnf: InvalidArgument: ", 0) == 0);
}

TEST_CASE("run exits 2 with the usage on bad arguments", "[cli]") {
  const std::pair<std::vector<std::string>, const char*> kCases[] = {
      {{"run"}, "missing FLOW_FILE"},
      {{"run", DataFile("pass.yaml"), "--bogus"}, "unknown option --bogus"},
      {{"run", DataFile("pass.yaml"), "--input"}, "--input needs a value"},
      {{"run", DataFile("pass.yaml"), "--input", "{}", "--input-file", "x"},
       "exclude each other"},
      {{"run", DataFile("pass.yaml"), "--task", "no-equals"}, "KEY=COMMAND"},
      {{"run", DataFile("pass.yaml"), "--history=yes"},
       "--history takes no value"},
      {{"run", DataFile("pass.yaml"), DataFile("fail.yaml")},
       "one FLOW_FILE only"},
      {{"run", DataFile("pass.yaml"), "--name", "a", "--name", "b"},
       "--name is given twice"},
  };
  for (const auto& [args, message] : kCases) {
    ToolRun run = RunTool(args);
    INFO(message);
    CHECK(run.exit_code == 2);
    CHECK(run.out.empty());
    CHECK(run.err.find(message) != std::string::npos);
    CHECK(run.err.find("Run 'fnf help run' for its options.") !=
          std::string::npos);
  }
}

TEST_CASE("fnf prints its usage", "[cli]") {
  SECTION("no arguments: usage on stderr, exit 2") {
    ToolRun run = RunTool({});
    CHECK(run.exit_code == 2);
    CHECK(run.out.empty());
    CHECK(run.err.find("\n  run ") != std::string::npos);
    CHECK(run.err.find("\n  validate ") != std::string::npos);
  }
  SECTION("--help: usage on stdout, exit 0") {
    for (const char* help : {"--help", "-h", "help"}) {
      ToolRun run = RunTool({help});
      CHECK(run.exit_code == 0);
      CHECK(run.out.find("\n  run ") != std::string::npos);
      CHECK(run.err.empty());
    }
  }
  SECTION("an unknown command: exit 2") {
    ToolRun run = RunTool({"frobnicate"});
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("unknown command 'frobnicate'") != std::string::npos);
    CHECK(run.err.find("Run 'fnf --help' for the commands.") !=
          std::string::npos);
  }
  SECTION("run --help and validate --help") {
    ToolRun run = RunTool({"run", "--help"});
    CHECK(run.exit_code == 0);
    CHECK(run.out.find("--virtual-time") != std::string::npos);
    ToolRun validate = RunTool({"validate", "--help"});
    CHECK(validate.exit_code == 0);
    CHECK(validate.out.find("FILE:LINE:COL") != std::string::npos);
  }
}

}  // namespace
}  // namespace fnf::testing

#endif  // defined(FNF_TOOL_PATH) && defined(FNF_SOURCE_DIR)
