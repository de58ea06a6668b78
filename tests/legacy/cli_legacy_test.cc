// `fnf validate` and `fnf run` on legacy flow files (tests/data/legacy), as a
// user meets them: the real binary, its stdout JSON, stderr and exit status.
#if defined(FNF_TOOL_PATH) && defined(FNF_SOURCE_DIR)

#include <ctime>
#include <string>
#include <vector>

#include "tests/cli/tool_runner.h"
#include "tests/testing/catch.h"

namespace fnf::testing {
namespace {

std::string LegacyFile(const std::string& name) {
  return std::string(FNF_SOURCE_DIR) + "/tests/data/legacy/" + name;
}

rapidjson::Document Doc(const std::string& text) {
  rapidjson::Document doc = ParseJson(text);
  INFO(text);
  REQUIRE_FALSE(doc.HasParseError());
  REQUIRE(doc.IsObject());
  return doc;
}

std::string Field(const rapidjson::Value& doc, const char* name) {
  REQUIRE(doc.HasMember(name));
  REQUIRE(doc[name].IsString());
  return doc[name].GetString();
}

long long Millis(const std::string& stamp) {
  std::tm tm{};
  int ms = 0;
  REQUIRE(std::sscanf(stamp.c_str(), "%d-%d-%dT%d:%d:%d.%dZ", &tm.tm_year,
                      &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min,
                      &tm.tm_sec, &ms) == 7);
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  return static_cast<long long>(::timegm(&tm)) * 1000 + ms;
}

long long Elapsed(const rapidjson::Document& execution) {
  return Millis(Field(execution, "StoppedTime")) -
         Millis(Field(execution, "StartedTime"));
}

TEST_CASE("fnf validate: the legacy sample flows are valid", "[legacy][cli]") {
  ToolRun run = RunTool(
      {"validate", LegacyFile("callback_child.yaml"),
       LegacyFile("catch_error_mappings.yaml"), LegacyFile("choice_goto.yaml"),
       LegacyFile("parallel_foreach.yaml"), LegacyFile("polling_loop.yaml"),
       LegacyFile("greet.yaml"), LegacyFile("two_minutes.yaml"),
       LegacyFile("send_message.yaml"),
       LegacyFile("restart_before_limit.yaml")});
  INFO(run.out << run.err);
  CHECK(run.exit_code == 0);
  CHECK(run.out.empty());
  CHECK(run.err.empty());
}

const char* const kInvalidProblems[] = {
    "6:5: steps[0]: missing required field 'resourceArn' or 'action'",
    "8:14: steps[0].pattern: unknown pattern 'async' (expected "
    "requestResponse, sync or waitForCallback) (did you mean 'sync'?)",
    "11:15: steps[1].duration: duration must be a whole number of seconds "
    "from 0 to 172800, or a path such as $.wait; got 1.5",
    "15:26: steps[2].choices[0].condition: unexpected end of the expression "
    "at offset 6 in '$.a =='",
    "16:15: steps[2].choices[0].goto: goto target 'nowhere' is not a step of "
    "the same steps list (steps)",
    "18:11: steps[3].name: duplicate step name 'wait' (also at steps[1])",
};

TEST_CASE(
    "fnf validate: every problem of a legacy file as FILE:LINE:COL: "
    "message",
    "[legacy][cli]") {
  const std::string file = LegacyFile("invalid.yaml");
  ToolRun run = RunTool({"validate", LegacyFile("greet.yaml"), file});
  CHECK(run.exit_code == 2);
  std::vector<std::string> expected;
  for (const char* p : kInvalidProblems) expected.push_back(file + ":" + p);
  CHECK(Lines(run.out) == expected);
}

TEST_CASE("fnf run: an invalid legacy file exits 2 with its problems on stderr",
          "[legacy][cli]") {
  const std::string file = LegacyFile("invalid.yaml");
  ToolRun run = RunTool({"run", file});
  CHECK(run.exit_code == 2);
  CHECK(run.out.empty());
  std::vector<std::string> expected;
  for (const char* p : kInvalidProblems) {
    expected.push_back("fnf: InvalidArgument: " + file + ":" + p);
  }
  CHECK(Lines(run.err) == expected);
}

TEST_CASE(
    "fnf run: a legacy flow prints its execution, the output is the "
    "flow's local",
    "[legacy][cli]") {
  ToolRun run = RunTool({"run", LegacyFile("choice_goto.yaml"), "--input",
                         R"({"x":1})", "--name", "e1"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  rapidjson::Document execution = Doc(run.out);
  CHECK(Field(execution, "Name") == "e1");
  CHECK(Field(execution, "FlowName") == "choice_goto");
  CHECK(Field(execution, "Status") == "Succeeded");
  CHECK(Field(execution, "Input") == R"({"x":1})");
  CHECK(Field(execution, "Output") ==
        R"({"status":"finished","from":"pass2","pass3":"done"})");
  CHECK(Field(execution, "ErrorCode").empty());
}

TEST_CASE("fnf run --history: legacy step events", "[legacy][cli]") {
  ToolRun run = RunTool({"run", LegacyFile("choice_goto.yaml"), "--history"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  rapidjson::Document execution = Doc(run.out);
  REQUIRE(execution["Events"].IsArray());
  std::vector<std::string> events;
  for (const auto& e : execution["Events"].GetArray()) {
    std::string step = Field(e, "StepName");
    events.push_back(Field(e, "Type") + (step.empty() ? "" : " " + step));
  }
  CHECK(events ==
        std::vector<std::string>{
            "ExecutionStarted", "StepEntered pass1", "StepExited pass1",
            "StepEntered mychoice", "StepEntered pass2", "StepExited pass2",
            "StepExited mychoice", "StepEntered pass3", "StepExited pass3",
            "StepEntered final", "StepExited final", "ExecutionSucceeded"});
}

TEST_CASE(
    "fnf run --task: the key matches the resourceArn, the command gets "
    "the legacy TaskRequest",
    "[legacy][cli]") {
  // `cat` echoes the request back: it becomes the step's local, and so the
  // flow's output.
  ToolRun run =
      RunTool({"run", LegacyFile("greet.yaml"), "--name", "e1", "--input",
               R"({"name":"ada"})", "--task",
               "acs:fc:cn-hangzhou:123:services/demo/functions/greet=cat"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  rapidjson::Document execution = Doc(run.out);
  // The definition's `name` names the flow.
  CHECK(Field(execution, "FlowName") == "greeter");
  rapidjson::Document request = Doc(Field(execution, "Output"));
  CHECK(Field(request, "FlowName") == "greeter");
  CHECK(Field(request, "ExecutionName") == "e1");
  CHECK(Field(request, "StateName") == "greet");
  CHECK(Field(request, "Action") == "");
  CHECK(Field(request, "ResourceArn") ==
        "acs:fc:cn-hangzhou:123:services/demo/functions/greet");
  CHECK(Field(request, "TaskMode") == "requestResponse");
  CHECK(Field(request, "TaskToken").size() == 36);
  CHECK(request["Parameters"] == Doc(R"({"who":"ada","style":"friendly"})"));
  CHECK(request["Input"] == Doc(R"({"name":"ada"})"));
}

TEST_CASE(
    "fnf run --task: a command printing a JSON string that holds an "
    "object",
    "[legacy][cli]") {
  ToolRun run = RunTool({"run", LegacyFile("greet.yaml"), "--task",
                         R"(greet=echo '"{\"text\": \"hi\"}"')"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(Field(Doc(run.out), "Output") == R"({"text":"hi"})");
}

TEST_CASE(
    "fnf run --task --virtual-time: retry, catch with errorMappings, "
    "then the fail step",
    "[legacy][cli]") {
  TempDir dir;
  const std::string calls = dir.path() + "/calls";
  // book: throttled twice, then BookTrainTicketError for good.
  const std::string book =
      "acs:fc:::services/trip/functions/book=echo x >> '" + calls +
      "'; if [ $(wc -l < '" + calls +
      R"(') -le 2 ]; then echo '{"Error": "FC.ResourceThrottled"}'; )"
      R"(else echo '{"Error": "BookTrainTicketError", "Cause": "no seats"}'; )"
      "fi; exit 1";
  const std::string cancel = "cancel=cat > '" + dir.path() + "/cancel'";
  ToolRun run = RunTool({"run", LegacyFile("catch_error_mappings.yaml"),
                         "--virtual-time", "--input", R"({"order":"o-1"})",
                         "--task", book, "--task", cancel});
  INFO(run.err);
  REQUIRE(run.exit_code == 1);
  rapidjson::Document execution = Doc(run.out);
  CHECK(Field(execution, "Status") == "Failed");
  CHECK(Field(execution, "ErrorCode") == "BookingFailed");
  CHECK(Field(execution, "ErrorMessage") == "the trip could not be booked");
  CHECK(Field(execution, "Output").empty());
  CHECK(Lines(dir.Read("calls")).size() == 3);
  // Retries after 1 s and 2 s of virtual time.
  CHECK(Elapsed(execution) >= 3000);
  CHECK(Elapsed(execution) < 4000);
  rapidjson::Document cancel_request = Doc(dir.Read("cancel"));
  CHECK(cancel_request["Input"] ==
        Doc(R"({"reason":"no seats","order":"o-1"})"));
}

TEST_CASE("fnf run --mocks: legacy steps answered by name", "[legacy][cli]") {
  ToolRun run =
      RunTool({"run", LegacyFile("catch_error_mappings.yaml"), "--virtual-time",
               "--mocks", LegacyFile("mocks.yaml"), "--history"});
  INFO(run.err);
  REQUIRE(run.exit_code == 1);
  rapidjson::Document execution = Doc(run.out);
  CHECK(Field(execution, "ErrorCode") == "BookingFailed");
  int cancels = 0;
  for (const auto& e : execution["Events"].GetArray()) {
    if (Field(e, "Type") == "TaskSucceeded" && Field(e, "StepName") == "cancel")
      ++cancels;
  }
  CHECK(cancels == 1);
}

TEST_CASE("fnf run --virtual-time: a legacy wait takes no real time",
          "[legacy][cli]") {
  ToolRun run =
      RunTool({"run", LegacyFile("two_minutes.yaml"), "--virtual-time"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  rapidjson::Document execution = Doc(run.out);
  CHECK(Field(execution, "Status") == "Succeeded");
  CHECK(Field(execution, "Output") == R"({"waited":120})");
  CHECK(Elapsed(execution) >= 120000);
  CHECK(Elapsed(execution) < 121000);
}

TEST_CASE("fnf run --virtual-time: a polling loop with goto back-edges",
          "[legacy][cli]") {
  TempDir dir;
  const std::string checks = dir.path() + "/checks";
  const std::string check = "check=echo x >> '" + checks +
                            "'; if [ $(wc -l < '" + checks +
                            R"(') -lt 3 ]; then echo '{"status": "running"}'; )"
                            R"(else echo '{"status": "done"}'; fi)";
  ToolRun run = RunTool(
      {"run", LegacyFile("polling_loop.yaml"), "--virtual-time", "--input",
       R"({"interval": 600})", "--task",
       R"(acs:fc:::services/jobs/functions/submit=echo '{"jobId": "j-1"}')",
       "--task", check});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  rapidjson::Document execution = Doc(run.out);
  CHECK(Field(execution, "Output") == R"({"jobId":"j-1","status":"done"})");
  CHECK(Lines(dir.Read("checks")).size() == 3);
  CHECK(Elapsed(execution) >= 1800000);
  CHECK(Elapsed(execution) < 1801000);
}

TEST_CASE(
    "fnf run --task: an action step is handled by the command keyed by "
    "its action, with serviceParams as Parameters",
    "[legacy][cli]") {
  ToolRun run = RunTool({"run", LegacyFile("send_message.yaml"), "--input",
                         R"({"queueName":"orders","message":"hi"})", "--task",
                         "mns:SendMessage=cat"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  rapidjson::Document execution = Doc(run.out);
  CHECK(Field(execution, "Status") == "Succeeded");
  // `cat` echoes the request: it is the step's local and the flow's output.
  rapidjson::Document request = Doc(Field(execution, "Output"));
  CHECK(Field(request, "StateName") == "notify");
  CHECK(Field(request, "Action") == "mns:SendMessage");
  CHECK(Field(request, "ResourceArn") == "");
  CHECK(Field(request, "TaskMode") == "requestResponse");
  CHECK(request["Parameters"] ==
        Doc(R"({"QueueName":"orders","MessageBody":"hi","DelaySeconds":0})"));
  CHECK(request["Input"] == Doc(R"({"queue":"orders","body":"hi"})"));
}

TEST_CASE(
    "fnf run: a flow that restarts itself with action fnf:StartExecution "
    "when $context.step.eventId says so",
    "[legacy][cli]") {
  ToolRun run = RunTool({"run", LegacyFile("restart_before_limit.yaml"),
                         "--input", R"({"round":1})", "--history"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  rapidjson::Document execution = Doc(run.out);
  CHECK(Field(execution, "Status") == "Succeeded");
  rapidjson::Document output = Doc(Field(execution, "Output"));
  CHECK(Field(output, "FlowName") == "restart_before_limit");
  CHECK(Field(output, "ExecutionName").size() == 36);
  std::vector<std::string> events;
  for (const auto& e : execution["Events"].GetArray()) {
    std::string step = Field(e, "StepName");
    events.push_back(Field(e, "Type") + (step.empty() ? "" : " " + step));
  }
  CHECK(events == std::vector<std::string>{
                      "ExecutionStarted", "StepEntered work", "StepExited work",
                      "StepEntered checkHistory", "StepExited checkHistory",
                      "StepEntered restart", "TaskScheduled restart",
                      "TaskSucceeded restart", "StepExited restart",
                      "StepEntered done", "StepExited done",
                      "ExecutionSucceeded"});
}

}  // namespace
}  // namespace fnf::testing

#endif  // defined(FNF_TOOL_PATH) && defined(FNF_SOURCE_DIR)
