// CreateSchedule, UpdateSchedule, DescribeSchedule, DeleteSchedule and
// ListSchedules through the public API: fields, every error code with its
// message, paging, and deletion with the flow.
#include <string>
#include <vector>

#include "tests/testing/catch.h"
#include "tests/testing/engine_fixture.h"

namespace fnf {
namespace {

using testing::Flow;
using testing::ManualEngine;

const std::string kPass = Flow("  - {Type: Pass, Name: A, End: true}\n");

CreateScheduleRequest Req(std::string name, std::string cron = "0 * * * * *") {
  CreateScheduleRequest r;
  r.flow_name = "f1";
  r.schedule_name = std::move(name);
  r.cron_expression = std::move(cron);
  return r;
}

void CheckError(const Status& s, const std::string& code, int http,
                const std::string& message) {
  INFO(s.ToString());
  CHECK(s.code() == code);
  CHECK(s.http_status() == http);
  CHECK(s.message() == message);
}

TEST_CASE("CreateSchedule returns the schedule and DescribeSchedule finds it",
          "[schedules]") {
  ManualEngine m;
  m.Create("f1", kPass);
  CreateScheduleRequest r = Req("nightly", "0 30 2 * * *");
  r.description = "the nightly run";
  r.payload = R"({"a": 1})";
  auto s = m.engine->CreateSchedule(r);
  REQUIRE(s.ok());
  CHECK(s->flow_name == "f1");
  CHECK(s->schedule_name == "nightly");
  CHECK(s->schedule_id.size() == 36);
  CHECK(s->description == "the nightly run");
  CHECK(s->payload == R"({"a": 1})");
  CHECK(s->cron_expression == "0 30 2 * * *");
  CHECK(s->enable);  // the default
  CHECK(s->created_time == "2019-01-01T00:00:00.000Z");
  CHECK(s->last_modified_time == s->created_time);
  auto d = m.engine->DescribeSchedule("f1", "nightly");
  REQUIRE(d.ok());
  CHECK(d->schedule_id == s->schedule_id);
  CHECK(d->payload == s->payload);
  CHECK(d->enable);

  r = Req("off");
  r.enable = false;
  auto off = m.engine->CreateSchedule(r);
  REQUIRE(off.ok());
  CHECK_FALSE(off->enable);
  CHECK(off->schedule_id != s->schedule_id);
}

TEST_CASE("Schedule calls name a missing flow with FlowNotExists",
          "[schedules]") {
  ManualEngine m;
  const std::string msg = "Flow nope does not exist.";
  CreateScheduleRequest c = Req("s1");
  c.flow_name = "nope";
  CheckError(m.engine->CreateSchedule(c).status(), "FlowNotExists", 404, msg);
  UpdateScheduleRequest u;
  u.flow_name = "nope";
  u.schedule_name = "s1";
  CheckError(m.engine->UpdateSchedule(u).status(), "FlowNotExists", 404, msg);
  CheckError(m.engine->DescribeSchedule("nope", "s1").status(), "FlowNotExists",
             404, msg);
  CheckError(m.engine->DeleteSchedule("nope", "s1"), "FlowNotExists", 404, msg);
  ListRequest l;
  l.flow_name = "nope";
  CheckError(m.engine->ListSchedules(l).status(), "FlowNotExists", 404, msg);
}

TEST_CASE("A schedule name is unique within its flow: ScheduleAlreadyExists",
          "[schedules]") {
  ManualEngine m;
  m.Create("f1", kPass);
  m.Create("f2", kPass);
  REQUIRE(m.engine->CreateSchedule(Req("s1")).ok());
  CheckError(m.engine->CreateSchedule(Req("s1", "@every 5m")).status(),
             "ScheduleAlreadyExists", 409,
             "Schedule s1 for flow f1 already exists.");
  // The same name in another flow is another schedule.
  CreateScheduleRequest other = Req("s1");
  other.flow_name = "f2";
  CHECK(m.engine->CreateSchedule(other).ok());
  // The refused call changed nothing.
  CHECK(m.engine->DescribeSchedule("f1", "s1")->cron_expression ==
        "0 * * * * *");
}

TEST_CASE("A missing schedule is ScheduleNotExists", "[schedules]") {
  ManualEngine m;
  m.Create("f1", kPass);
  const std::string msg = "Schedule s9 for flow f1 does not exist.";
  CheckError(m.engine->DescribeSchedule("f1", "s9").status(),
             "ScheduleNotExists", 404, msg);
  UpdateScheduleRequest u;
  u.flow_name = "f1";
  u.schedule_name = "s9";
  u.enable = false;
  CheckError(m.engine->UpdateSchedule(u).status(), "ScheduleNotExists", 404,
             msg);
  CheckError(m.engine->DeleteSchedule("f1", "s9"), "ScheduleNotExists", 404,
             msg);
  REQUIRE(m.engine->CreateSchedule(Req("s9")).ok());
  CHECK(m.engine->DeleteSchedule("f1", "s9").ok());
  CheckError(m.engine->DeleteSchedule("f1", "s9"), "ScheduleNotExists", 404,
             msg);
  CheckError(m.engine->DescribeSchedule("f1", "s9").status(),
             "ScheduleNotExists", 404, msg);
}

TEST_CASE("CreateSchedule refuses bad fields with InvalidArgument",
          "[schedules]") {
  ManualEngine m;
  m.Create("f1", kPass);
  struct Case {
    std::string name, cron, payload, message;
  };
  for (const Case& c : std::vector<Case>{
           {"", "0 * * * * *", "", "ScheduleName must not be empty"},
           {"1abc", "0 * * * * *", "",
            "ScheduleName '1abc' is invalid: it must start with a letter or "
            "'_'"},
           {"a b", "0 * * * * *", "",
            "ScheduleName 'a b' is invalid: character ' ' at position 2 is "
            "not allowed (only letters, digits, '_' and '-')"},
           {std::string(129, 'a'), "0 * * * * *", "",
            "ScheduleName is 129 characters long; it must be 1 to 128 "
            "characters"},
           {"s", "", "",
            "CronExpression '' is invalid: the expression is empty"},
           {"s", "0 0 0 32 * *", "",
            "CronExpression '0 0 0 32 * *' is invalid: day-of-month: 32 is out "
            "of range 1-31"},
           {"s", "0 0 12 * * MON-FRI-SAT", "",
            "CronExpression '0 0 12 * * MON-FRI-SAT' is invalid: day-of-week: "
            "'FRI-SAT' is not a day of the week: 0-7 (0 and 7 are Sunday) or "
            "SUN-SAT"},
           {"s", "0 */5 * * *", "",
            "CronExpression '0 */5 * * *' is invalid: expected 6 fields "
            "(second minute hour day-of-month month day-of-week), got 5; a "
            "five-field crontab line needs the seconds in front, e.g. '0 0 "
            "...'"},
           {"s", "@every 0s", "",
            "CronExpression '@every 0s' is invalid: @every: the interval '0s' "
            "is too short: it must be at least 1s"},
           {"s", "0 * * * * *", "[1]",
            "Payload must be a JSON object, got array"},
           {"s", "0 * * * * *", "{\"a\": }",
            "Payload is not valid JSON: Invalid value at line 1, column 7"},
       }) {
    CreateScheduleRequest r = Req(c.name, c.cron);
    r.payload = c.payload;
    CheckError(m.engine->CreateSchedule(r).status(), "InvalidArgument", 400,
               c.message);
  }
  // The request's own fields are checked before the flow.
  CreateScheduleRequest r = Req("s", "bad");
  r.flow_name = "nope";
  CHECK(m.engine->CreateSchedule(r).status().code() == "InvalidArgument");
  ListRequest l;
  l.flow_name = "f1";
  CHECK(m.engine->ListSchedules(l)->items.empty());
}

TEST_CASE("A payload over the request limit is EntityTooLarge", "[schedules]") {
  Limits limits;
  limits.request_bytes = 128;  // the flow's definition fits
  ManualEngine m(limits);
  m.Create("f1", kPass);
  CreateScheduleRequest r = Req("s");
  r.payload = "{\"a\": \"" + std::string(130, 'x') + "\"}";
  CheckError(m.engine->CreateSchedule(r).status(), "EntityTooLarge", 400,
             "The payload size exceeds maximum allowed size (128 bytes).");
  r.payload = R"({"a": 1})";
  REQUIRE(m.engine->CreateSchedule(r).ok());
  UpdateScheduleRequest u;
  u.flow_name = "f1";
  u.schedule_name = "s";
  u.payload = "{\"a\": \"" + std::string(130, 'x') + "\"}";
  CheckError(m.engine->UpdateSchedule(u).status(), "EntityTooLarge", 400,
             "The payload size exceeds maximum allowed size (128 bytes).");
}

TEST_CASE("UpdateSchedule changes only the fields given", "[schedules]") {
  ManualEngine m;
  m.Create("f1", kPass);
  CreateScheduleRequest c = Req("s1");
  c.description = "d1";
  c.payload = R"({"v": 1})";
  auto created = m.engine->CreateSchedule(c);
  REQUIRE(created.ok());
  m.clock.Advance(std::chrono::seconds(5));

  UpdateScheduleRequest u;
  u.flow_name = "f1";
  u.schedule_name = "s1";
  u.description = "d2";
  auto s = m.engine->UpdateSchedule(u);
  REQUIRE(s.ok());
  CHECK(s->description == "d2");
  CHECK(s->payload == R"({"v": 1})");
  CHECK(s->cron_expression == "0 * * * * *");
  CHECK(s->enable);
  CHECK(s->schedule_id == created->schedule_id);
  CHECK(s->created_time == "2019-01-01T00:00:00.000Z");
  CHECK(s->last_modified_time == "2019-01-01T00:00:05.000Z");

  u = UpdateScheduleRequest{};
  u.flow_name = "f1";
  u.schedule_name = "s1";
  u.cron_expression = "@every 90s";
  u.payload = "";
  u.enable = false;
  s = m.engine->UpdateSchedule(u);
  REQUIRE(s.ok());
  CHECK(s->cron_expression == "@every 90s");
  CHECK(s->payload.empty());
  CHECK_FALSE(s->enable);
  CHECK(s->description == "d2");

  // A refused update changes nothing.
  u = UpdateScheduleRequest{};
  u.flow_name = "f1";
  u.schedule_name = "s1";
  u.cron_expression = "0 0 0 31 2 *";
  u.description = "d3";
  CheckError(m.engine->UpdateSchedule(u).status(), "InvalidArgument", 400,
             "CronExpression '0 0 0 31 2 *' is invalid: day-of-month: day 31 "
             "never occurs in the selected months (they have at most 29 "
             "days)");
  u.cron_expression.reset();
  u.payload = "1";
  CheckError(m.engine->UpdateSchedule(u).status(), "InvalidArgument", 400,
             "Payload must be a JSON object, got number");
  auto d = m.engine->DescribeSchedule("f1", "s1");
  REQUIRE(d.ok());
  CHECK(d->description == "d2");
  CHECK(d->cron_expression == "@every 90s");
}

TEST_CASE("ListSchedules pages by name as ListFlows does", "[schedules]") {
  ManualEngine m;
  m.Create("f1", kPass);
  m.Create("f2", kPass);
  for (const char* name : {"e", "c", "a", "d", "b", "ba"}) {
    REQUIRE(m.engine->CreateSchedule(Req(name)).ok());
  }
  CreateScheduleRequest other = Req("a0");
  other.flow_name = "f2";
  REQUIRE(m.engine->CreateSchedule(other).ok());

  auto names = [](const Page<Schedule>& p) {
    std::vector<std::string> out;
    for (const Schedule& s : p.items) out.push_back(s.schedule_name);
    return out;
  };
  ListRequest l;
  l.flow_name = "f1";
  l.limit = 2;
  auto p = m.engine->ListSchedules(l);
  REQUIRE(p.ok());
  CHECK(names(*p) == std::vector<std::string>{"a", "b"});
  CHECK(p->next_token == "ba");
  l.next_token = p->next_token;
  p = m.engine->ListSchedules(l);
  REQUIRE(p.ok());
  CHECK(names(*p) == std::vector<std::string>{"ba", "c"});
  CHECK(p->next_token == "d");
  l.next_token = p->next_token;
  l.limit = 0;  // the default, 60
  p = m.engine->ListSchedules(l);
  REQUIRE(p.ok());
  CHECK(names(*p) == std::vector<std::string>{"d", "e"});
  CHECK(p->next_token.empty());
  CHECK(p->items[0].flow_name == "f1");

  l = ListRequest{};
  l.flow_name = "f1";
  l.name_prefix = "b";
  CHECK(names(*m.engine->ListSchedules(l)) ==
        std::vector<std::string>{"b", "ba"});
  l.flow_name = "f2";
  l.name_prefix = "";
  CHECK(names(*m.engine->ListSchedules(l)) == std::vector<std::string>{"a0"});

  l.limit = 1001;
  CheckError(m.engine->ListSchedules(l).status(), "InvalidArgument", 400,
             "Limit 1001 is invalid: it must be 1 to 1000");
  l.limit = -1;
  CheckError(m.engine->ListSchedules(l).status(), "InvalidArgument", 400,
             "Limit -1 is invalid: it must be 1 to 1000");
  l.limit = 1000;
  l.next_token = "not a name";
  CheckError(m.engine->ListSchedules(l).status(), "InvalidArgument", 400,
             "NextToken 'not a name' is invalid: character ' ' at position 4 "
             "is not allowed (only letters, digits, '_' and '-')");
}

TEST_CASE("Deleting a flow deletes its schedules", "[schedules]") {
  ManualEngine m;
  m.Create("f1", kPass);
  m.Create("f2", kPass);
  REQUIRE(m.engine->CreateSchedule(Req("s1")).ok());
  CreateScheduleRequest other = Req("s2", "30 * * * * *");
  other.flow_name = "f2";
  REQUIRE(m.engine->CreateSchedule(other).ok());
  REQUIRE(m.engine->DeleteFlow("f1").ok());
  CheckError(m.engine->DescribeSchedule("f1", "s1").status(), "FlowNotExists",
             404, "Flow f1 does not exist.");
  // A new flow of the same name starts with no schedules.
  m.Create("f1", kPass);
  CheckError(m.engine->DescribeSchedule("f1", "s1").status(),
             "ScheduleNotExists", 404,
             "Schedule s1 for flow f1 does not exist.");
  ListRequest l;
  l.flow_name = "f1";
  CHECK(m.engine->ListSchedules(l)->items.empty());
  // Only f2's schedule is left to fire.
  auto next = m.engine->NextWakeupTime();
  REQUIRE(next.has_value());
  CHECK(*next == m.clock.Now() + std::chrono::seconds(30));
  m.clock.Set(*next + std::chrono::seconds(60));
  m.engine->RunReady();
  l.flow_name = "f1";
  CHECK(m.engine->ListExecutions(l)->items.empty());
  l.flow_name = "f2";
  CHECK(m.engine->ListExecutions(l)->items.size() == 1);
}

}  // namespace
}  // namespace fnf
