// `fnf run --task` and `--mocks`: task states answered by shell commands and
// canned responses.
#if defined(FNF_TOOL_PATH) && defined(FNF_SOURCE_DIR)

#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include "tests/cli/tool_runner.h"
#include "tests/testing/catch.h"

namespace fnf::testing {
namespace {

std::string Field(const rapidjson::Document& doc, const char* name) {
  REQUIRE(doc.IsObject());
  REQUIRE(doc.HasMember(name));
  return doc[name].GetString();
}

rapidjson::Document Json(const std::string& text) {
  rapidjson::Document doc = ParseJson(text);
  REQUIRE_FALSE(doc.HasParseError());
  return doc;
}

TEST_CASE("fnf run --task hands the command the task request as JSON on stdin",
          "[cli][task]") {
  // `cat` echoes the request back, so it becomes the task's (and the
  // execution's) output.
  ToolRun run = RunTool({"run", DataFile("task.yaml"), "--name", "e1",
                         "--input", R"({"order":7})", "--task", "Work=cat"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  rapidjson::Document execution = Json(run.out);
  CHECK(Field(execution, "Status") == "Succeeded");
  rapidjson::Document request = Json(Field(execution, "Output"));
  std::vector<std::string> names;
  for (const auto& member : request.GetObject())
    names.emplace_back(member.name.GetString());
  CHECK(names == std::vector<std::string>{"FlowName", "ExecutionName",
                                          "StateName", "Action", "ResourceArn",
                                          "TaskMode", "Parameters", "Input",
                                          "TaskToken"});
  CHECK(Field(request, "FlowName") == "task");
  CHECK(Field(request, "ExecutionName") == "e1");
  CHECK(Field(request, "StateName") == "Work");
  CHECK(Field(request, "Action") == "HTTP:Request");
  CHECK(Field(request, "TaskMode") == "RequestComplete");
  CHECK_FALSE(Field(request, "TaskToken").empty());
  // Parameters and Input are JSON values, not text.
  rapidjson::Document parameters = Json(
      R"({"url":"https://example.com/orders","retries":3,"nested":{"flag":true}})");
  CHECK(request["Parameters"] == parameters);
  REQUIRE(request["Input"].IsObject());
  CHECK(request["Input"] == Json(R"({"order":7})"));
}

TEST_CASE("fnf run --task output: stdout is the task's output JSON",
          "[cli][task]") {
  ToolRun run =
      RunTool({"run", DataFile("task.yaml"), "--task",
               R"(HTTP:Request=printf '{"status": 200, "body": "ok"}\n')"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(JsonEquals(Field(Json(run.out), "Output"),
                   R"({"status":200,"body":"ok"})"));
}

TEST_CASE("fnf run --task for FC:InvokeFunction wraps the output as Body",
          "[cli][task]") {
  SECTION("JSON output") {
    ToolRun run = RunTool({"run", DataFile("fc_task.yaml"), "--task",
                           R"(FC:InvokeFunction=echo '{"x": [1, 2]}')"});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(
        JsonEquals(Field(Json(run.out), "Output"), R"({"Body":{"x":[1,2]}})"));
  }
  SECTION("text output") {
    ToolRun run = RunTool({"run", DataFile("fc_task.yaml"), "--task",
                           "FC:InvokeFunction=echo hello world"});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(JsonEquals(Field(Json(run.out), "Output"),
                     R"({"Body":"hello world"})"));
  }
}

TEST_CASE(
    "fnf run --task keys match like RegisterTaskHandler: state name before "
    "action",
    "[cli][task]") {
  ToolRun run = RunTool({"run", DataFile("task.yaml"), "--task",
                         R"(HTTP:Request=echo '{"by": "action"}')", "--task",
                         R"(Work=echo '{"by": "state"}')"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(JsonEquals(Field(Json(run.out), "Output"), R"({"by":"state"})"));
}

TEST_CASE("fnf run --task failure: FnF.TaskFailed with the command's stderr",
          "[cli][task]") {
  ToolRun run = RunTool({"run", DataFile("task.yaml"), "--task",
                         "Work=echo 'disk full' >&2; exit 3"});
  REQUIRE(run.exit_code == 1);
  rapidjson::Document execution = Json(run.out);
  CHECK(Field(execution, "Status") == "Failed");
  CHECK(Field(execution, "ErrorCode") == "FnF.TaskFailed");
  CHECK(Field(execution, "ErrorMessage").find("disk full") !=
        std::string::npos);
  // The command's stderr also reaches the user.
  CHECK(run.err.find("disk full") != std::string::npos);
}

TEST_CASE("fnf run --task failure: the Error and Cause the command prints",
          "[cli][task]") {
  ToolRun run = RunTool(
      {"run", DataFile("task.yaml"), "--task",
       R"(Work=echo '{"Error": "OutOfStock", "Cause": "no more"}'; exit 1)"});
  REQUIRE(run.exit_code == 1);
  rapidjson::Document execution = Json(run.out);
  CHECK(Field(execution, "ErrorCode") == "OutOfStock");
  CHECK(Field(execution, "ErrorMessage") == "no more");
}

TEST_CASE("fnf run --task output that is not JSON fails the task",
          "[cli][task]") {
  ToolRun run =
      RunTool({"run", DataFile("task.yaml"), "--task", "Work=echo not json"});
  REQUIRE(run.exit_code == 1);
  rapidjson::Document execution = Json(run.out);
  CHECK(Field(execution, "ErrorCode") == "FnF.TaskFailed");
  CHECK(Field(execution, "ErrorMessage").find("not JSON") != std::string::npos);
}

TEST_CASE("a task with neither handler nor mock fails as FnF.TaskFailed",
          "[cli][task]") {
  ToolRun run = RunTool({"run", DataFile("task.yaml")});
  REQUIRE(run.exit_code == 1);
  CHECK(Field(Json(run.out), "ErrorCode") == "FnF.TaskFailed");
}

TEST_CASE("fnf run --task with --virtual-time: retries take virtual time only",
          "[cli][task]") {
  // Each call appends a line, so the file counts the tries.
  TempDir dir;
  std::string counter = dir.path() + "/calls";
  std::string command =
      "Work=echo x >> '" + counter +
      R"('; echo '{"Error": "MyError", "Cause": "again"}'; exit 1)";
  ToolRun run = RunTool({"run", DataFile("retry_task.yaml"), "--virtual-time",
                         "--task", command});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  rapidjson::Document execution = Json(run.out);
  CHECK(Field(execution, "Status") == "Succeeded");
  CHECK(Lines(dir.Read("calls")).size() == 3);
  // 10 s then 20 s between the tries.
  auto millis = [](const std::string& stamp) {
    std::tm tm{};
    int ms = 0;
    std::sscanf(stamp.c_str(), "%d-%d-%dT%d:%d:%d.%dZ", &tm.tm_year, &tm.tm_mon,
                &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &ms);
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    return static_cast<long long>(::timegm(&tm)) * 1000 + ms;
  };
  long long elapsed = millis(Field(execution, "StoppedTime")) -
                      millis(Field(execution, "StartedTime"));
  CHECK(elapsed >= 30000);
  CHECK(elapsed < 31000);
}

TEST_CASE("fnf run --virtual-time stops an execution that can never go on",
          "[cli][task]") {
  // It waits for a custom callback: nothing is ready and no timer is pending.
  ToolRun run = RunTool({"run", DataFile("stall.yaml"), "--virtual-time"});
  REQUIRE(run.exit_code == 1);
  rapidjson::Document execution = Json(run.out);
  CHECK(Field(execution, "Status") == "Stopped");
  CHECK(Field(execution, "ErrorCode") == "FnF.Stalled");
  CHECK(run.err.find("is stuck") != std::string::npos);
}

TEST_CASE("fnf run --mocks answers task states from the file", "[cli][task]") {
  SECTION("an output") {
    ToolRun run = RunTool(
        {"run", DataFile("task.yaml"), "--mocks", DataFile("mocks.yaml")});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(JsonEquals(Field(Json(run.out), "Output"), R"({"mocked":1})"));
  }
  SECTION("an error") {
    ToolRun run = RunTool({"run", DataFile("task.yaml"), "--mocks",
                           DataFile("failing_mocks.yaml")});
    REQUIRE(run.exit_code == 1);
    rapidjson::Document execution = Json(run.out);
    CHECK(Field(execution, "ErrorCode") == "MockedError");
    CHECK(Field(execution, "ErrorMessage") == "the mock says no");
  }
  SECTION("mocks win over handlers") {
    ToolRun run = RunTool({"run", DataFile("task.yaml"), "--mocks",
                           DataFile("mocks.yaml"), "--task", "Work=exit 1"});
    REQUIRE(run.exit_code == 0);
    CHECK(JsonEquals(Field(Json(run.out), "Output"), R"({"mocked":1})"));
  }
}

TEST_CASE("fnf run --mocks: a bad or missing file exits 2", "[cli][task]") {
  ToolRun bad = RunTool(
      {"run", DataFile("task.yaml"), "--mocks", DataFile("bad_mocks.yaml")});
  CHECK(bad.exit_code == 2);
  CHECK(bad.out.empty());
  CHECK(bad.err.rfind("fnf: InvalidArgument: " + DataFile("bad_mocks.yaml"),
                      0) == 0);
  ToolRun missing =
      RunTool({"run", DataFile("task.yaml"), "--mocks", DataFile("nope.yaml")});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("cannot read mocks file") != std::string::npos);
}

}  // namespace
}  // namespace fnf::testing

#endif  // defined(FNF_TOOL_PATH) && defined(FNF_SOURCE_DIR)
