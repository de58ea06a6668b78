// The five schedule operations over HTTP: the service's parameter names,
// fields and error codes.
#include <memory>
#include <string>

#include "fnf/fnf.h"
#include "fnf/server.h"

#include "tests/server/api_client.h"
#include "tests/testing/catch.h"

namespace fnf::testing {
namespace {

struct ScheduleServer {
  ScheduleServer() {
    engine = std::make_unique<Engine>(
        EngineOptions{.worker_threads = 1, .clock = &clock, .random_seed = 7});
    REQUIRE(engine
                ->CreateFlow({.name = "f1",
                              .definition =
                                  "Type: StateMachine\nSpecVersion: v1\n"
                                  "StartAt: A\nStates:\n"
                                  "  - {Type: Pass, Name: A, End: true}\n"})
                .ok());
    ServerOptions options;
    options.port = 0;
    options.access_keys = {{"testAK", "testSecret"}};
    options.clock = &clock;
    options.random_seed = 1;
    server = std::make_unique<Server>(*engine, options);
    REQUIRE(server->Start().ok());
    client = std::make_unique<ApiClient>(server->port(), &clock);
  }
  ApiAnswer Get(const std::string& action, const Params& p) {
    return client->Call(action, p, {.method = "GET"});
  }

  ManualClock clock{TimePoint(std::chrono::seconds(1796083200))};  // 2026-12-01
  std::unique_ptr<Engine> engine;
  std::unique_ptr<Server> server;
  std::unique_ptr<ApiClient> client;
};

void CheckError(const ApiAnswer& a, int status, const std::string& code,
                const std::string& message) {
  INFO(a.body);
  CHECK(a.status == status);
  CHECK(a.Str("Code") == code);
  CHECK(a.Str("Message") == message);
}

TEST_CASE(
    "Server: schedules over HTTP (create, describe, update, list, "
    "delete)") {
  ScheduleServer s;
  ApiAnswer created = s.client->Call("CreateSchedule",
                                     {{"FlowName", "f1"},
                                      {"ScheduleName", "s1"},
                                      {"CronExpression", "0 30 9 * * MON-FRI"},
                                      {"Payload", R"({"a": 1})"},
                                      {"Description", "workdays"},
                                      {"Enable", "true"}});
  INFO(created.body);
  REQUIRE(created.status == 200);
  CHECK(created.Str("ScheduleName") == "s1");
  CHECK(created.Str("ScheduleId").size() == 36);
  CHECK(created.Str("CronExpression") == "0 30 9 * * MON-FRI");
  CHECK(created.Str("Payload") == R"({"a": 1})");
  CHECK(created.Str("Description") == "workdays");
  CHECK(created.json["Enable"].IsBool());
  CHECK(created.json["Enable"].GetBool());
  CHECK(created.Str("CreatedTime") == "2026-12-01T00:00:00.000Z");
  CHECK(created.Str("LastModifiedTime") == "2026-12-01T00:00:00.000Z");
  CHECK(created.Has("RequestId"));

  ApiAnswer described =
      s.Get("DescribeSchedule", {{"FlowName", "f1"}, {"ScheduleName", "s1"}});
  REQUIRE(described.status == 200);
  CHECK(described.Str("ScheduleId") == created.Str("ScheduleId"));

  s.clock.Advance(std::chrono::seconds(5));
  ApiAnswer updated = s.client->Call(
      "UpdateSchedule",
      {{"FlowName", "f1"}, {"ScheduleName", "s1"}, {"Enable", "false"}});
  REQUIRE(updated.status == 200);
  CHECK_FALSE(updated.json["Enable"].GetBool());
  CHECK(updated.Str("CronExpression") == "0 30 9 * * MON-FRI");
  CHECK(updated.Str("LastModifiedTime") == "2026-12-01T00:00:05.000Z");

  REQUIRE(s.client
              ->Call("CreateSchedule", {{"FlowName", "f1"},
                                        {"ScheduleName", "s2"},
                                        {"CronExpression", "@every 5m"}})
              .status == 200);
  ApiAnswer page1 =
      s.Get("ListSchedules", {{"FlowName", "f1"}, {"Limit", "1"}});
  REQUIRE(page1.status == 200);
  REQUIRE(page1.json["Schedules"].Size() == 1);
  CHECK(std::string(page1.json["Schedules"][0]["ScheduleName"].GetString()) ==
        "s1");
  CHECK(page1.Str("NextToken") == "s2");
  ApiAnswer page2 =
      s.Get("ListSchedules",
            {{"FlowName", "f1"}, {"Limit", "1"}, {"NextToken", "s2"}});
  REQUIRE(page2.json["Schedules"].Size() == 1);
  CHECK(page2.json["Schedules"][0]["Enable"].GetBool());  // the default
  CHECK_FALSE(page2.Has("NextToken"));

  ApiAnswer deleted = s.client->Call(
      "DeleteSchedule", {{"FlowName", "f1"}, {"ScheduleName", "s1"}});
  CHECK(deleted.status == 200);
  CheckError(
      s.Get("DescribeSchedule", {{"FlowName", "f1"}, {"ScheduleName", "s1"}}),
      404, "ScheduleNotExists", "Schedule s1 for flow f1 does not exist.");
}

TEST_CASE("Server: schedule errors") {
  ScheduleServer s;
  Params create = {{"FlowName", "f1"},
                   {"ScheduleName", "s1"},
                   {"CronExpression", "0 * * * * *"}};
  REQUIRE(s.client->Call("CreateSchedule", create).status == 200);
  CheckError(s.client->Call("CreateSchedule", create), 409,
             "ScheduleAlreadyExists",
             "Schedule s1 for flow f1 already exists.");
  CheckError(
      s.client->Call("CreateSchedule", {{"FlowName", "nope"},
                                        {"ScheduleName", "s1"},
                                        {"CronExpression", "* * * * * *"}}),
      404, "FlowNotExists", "Flow nope does not exist.");
  CheckError(
      s.client->Call("CreateSchedule", {{"FlowName", "f1"},
                                        {"ScheduleName", "s2"},
                                        {"CronExpression", "0 0 25 * * *"}}),
      400, "InvalidArgument",
      "CronExpression '0 0 25 * * *' is invalid: hour: 25 is out of "
      "range 0-23");
  CheckError(s.client->Call("CreateSchedule", {{"FlowName", "f1"},
                                               {"ScheduleName", "s2"},
                                               {"CronExpression", "@every 1m"},
                                               {"Payload", "[]"}}),
             400, "InvalidArgument",
             "Payload must be a JSON object, got array");
  CheckError(s.client->Call("UpdateSchedule",
                            {{"FlowName", "f1"}, {"ScheduleName", "s9"}}),
             404, "ScheduleNotExists",
             "Schedule s9 for flow f1 does not exist.");
  CheckError(s.client->Call("DeleteSchedule",
                            {{"FlowName", "nope"}, {"ScheduleName", "s1"}}),
             404, "FlowNotExists", "Flow nope does not exist.");
  ApiAnswer missing = s.client->Call(
      "CreateSchedule", {{"FlowName", "f1"}, {"ScheduleName", "s3"}});
  CHECK(missing.status == 400);
  CHECK(missing.Str("Code") == "MissingRequiredParams");
  ApiAnswer bad_enable = s.client->Call(
      "UpdateSchedule",
      {{"FlowName", "f1"}, {"ScheduleName", "s1"}, {"Enable", "yes"}});
  CHECK(bad_enable.status == 400);
  CHECK(bad_enable.Str("Code") == "InvalidArgument");
  CheckError(s.Get("ListSchedules", {{"FlowName", "f1"}, {"Limit", "1001"}}),
             400, "InvalidArgument",
             "Limit 1001 is invalid: it must be 1 to 1000");
}

}  // namespace
}  // namespace fnf::testing
