// Schedules firing through the public API in manual mode with a ManualClock:
// how often, with which input and name, and how disable/enable/update, missed
// ticks and runs that outlast a tick behave.
#include <string>
#include <vector>

#include "common/time_format.h"
#include "tests/testing/catch.h"
#include "tests/testing/engine_fixture.h"

namespace fnf {
namespace {

using std::chrono::seconds;
using testing::Flow;
using testing::ManualEngine;

const std::string kPass = Flow("  - {Type: Pass, Name: A, End: true}\n");

TimePoint T(const std::string& text) {
  auto t = internal::ParseTime(text);
  REQUIRE(t.has_value());
  return *t;
}

void AddSchedule(ManualEngine& m, const std::string& name,
                 const std::string& cron, const std::string& payload = "",
                 const std::string& flow = "f1") {
  CreateScheduleRequest r;
  r.flow_name = flow;
  r.schedule_name = name;
  r.cron_expression = cron;
  r.payload = payload;
  auto s = m.engine->CreateSchedule(r);
  INFO(s.status().ToString());
  REQUIRE(s.ok());
}

// Drives the engine as a host's loop does: run what is ready, move the clock
// to the next wake-up time, until `end`; then moves the clock to `end`.
void RunUntil(ManualEngine& m, TimePoint end) {
  while (true) {
    m.engine->RunReady();
    auto next = m.engine->NextWakeupTime();
    if (!next || *next > end) break;
    m.clock.Set(*next);
  }
  m.clock.Set(end);
  m.engine->RunReady();
}

std::vector<Execution> Executions(ManualEngine& m,
                                  const std::string& flow = "f1") {
  ListRequest l;
  l.flow_name = flow;
  l.limit = 99;
  auto page = m.engine->ListExecutions(l);
  REQUIRE(page.ok());
  return page->items;
}

std::vector<std::string> Names(ManualEngine& m,
                               const std::string& flow = "f1") {
  std::vector<std::string> out;
  for (const Execution& e : Executions(m, flow)) out.push_back(e.name);
  return out;
}

TEST_CASE("0 * * * * * fires exactly once per minute", "[schedules]") {
  ManualEngine m;
  m.Create("f1", kPass);
  AddSchedule(m, "minutely", "0 * * * * *");
  CHECK(m.engine->NextWakeupTime() == T("2019-01-01T00:01:00Z"));
  // Second by second through three minutes and a half.
  for (int i = 0; i < 210; ++i) {
    m.clock.Advance(seconds(1));
    m.engine->RunReady();
    const size_t want = (i + 1) / 60;
    REQUIRE(Executions(m).size() == want);
  }
  CHECK(Names(m) == std::vector<std::string>{"minutely-20190101T000100Z",
                                             "minutely-20190101T000200Z",
                                             "minutely-20190101T000300Z"});
  for (const Execution& e : Executions(m)) {
    CHECK(e.status == ExecutionStatus::kSucceeded);
    CHECK(e.input == "{}");
  }
  auto first = m.engine->DescribeExecution("f1", "minutely-20190101T000100Z");
  REQUIRE(first.ok());
  CHECK(first->started_time == "2019-01-01T00:01:00.000Z");
  CHECK(m.engine->NextWakeupTime() == T("2019-01-01T00:04:00Z"));
}

TEST_CASE("0 30 9 * * MON-FRI fires 5 times in a week", "[schedules]") {
  ManualEngine m;  // 2019-01-01 is a Tuesday
  m.Create("f1", kPass);
  AddSchedule(m, "workdays", "0 30 9 * * MON-FRI", R"({"report": "daily"})");
  RunUntil(m, T("2019-01-08T00:00:00Z"));
  CHECK(Names(m) == std::vector<std::string>{"workdays-20190101T093000Z",
                                             "workdays-20190102T093000Z",
                                             "workdays-20190103T093000Z",
                                             "workdays-20190104T093000Z",
                                             "workdays-20190107T093000Z"});
  for (const Execution& e : Executions(m)) {
    CHECK(e.input == R"({"report":"daily"})");
    CHECK(e.output == R"({"report":"daily"})");
  }
}

TEST_CASE("@every 90s fires every 90 seconds from its creation",
          "[schedules]") {
  ManualEngine m;
  m.Create("f1", kPass);
  m.clock.Advance(std::chrono::milliseconds(250));
  AddSchedule(m, "often", "@every 90s");
  RunUntil(m, T("2019-01-01T00:05:00Z"));
  CHECK(Names(m) == std::vector<std::string>{"often-20190101T000130Z",
                                             "often-20190101T000300Z",
                                             "often-20190101T000430Z"});
  CHECK(Executions(m)[1].started_time == "2019-01-01T00:03:00.250Z");
}

TEST_CASE("Disable, enable and update take effect from the next tick",
          "[schedules]") {
  ManualEngine m;
  m.Create("f1", kPass);
  AddSchedule(m, "s", "0 * * * * *", R"({"v": 1})");
  RunUntil(m, T("2019-01-01T00:01:30Z"));
  REQUIRE(Executions(m).size() == 1);

  UpdateScheduleRequest u;
  u.flow_name = "f1";
  u.schedule_name = "s";
  u.enable = false;
  REQUIRE(m.engine->UpdateSchedule(u).ok());
  CHECK_FALSE(m.engine->NextWakeupTime().has_value());
  RunUntil(m, T("2019-01-01T00:05:30Z"));
  CHECK(Executions(m).size() == 1);

  // Enabled again: the next whole minute, not the ones it slept through.
  u.enable = true;
  REQUIRE(m.engine->UpdateSchedule(u).ok());
  CHECK(m.engine->NextWakeupTime() == T("2019-01-01T00:06:00Z"));
  RunUntil(m, T("2019-01-01T00:06:30Z"));
  CHECK(Names(m) ==
        std::vector<std::string>{"s-20190101T000100Z", "s-20190101T000600Z"});

  // A new payload is the next run's input; a new expression its time.
  u = UpdateScheduleRequest{};
  u.flow_name = "f1";
  u.schedule_name = "s";
  u.payload = R"({"v": 2})";
  u.cron_expression = "45 * * * * *";
  REQUIRE(m.engine->UpdateSchedule(u).ok());
  CHECK(m.engine->NextWakeupTime() == T("2019-01-01T00:06:45Z"));
  RunUntil(m, T("2019-01-01T00:07:00Z"));
  auto e = m.engine->DescribeExecution("f1", "s-20190101T000645Z");
  REQUIRE(e.ok());
  CHECK(e->input == R"({"v":2})");
  CHECK(Executions(m).size() == 3);

  // Changing only the description keeps the schedule's next time.
  u = UpdateScheduleRequest{};
  u.flow_name = "f1";
  u.schedule_name = "s";
  u.description = "renamed";
  REQUIRE(m.engine->UpdateSchedule(u).ok());
  CHECK(m.engine->NextWakeupTime() == T("2019-01-01T00:07:45Z"));

  // Deleted: nothing more.
  REQUIRE(m.engine->DeleteSchedule("f1", "s").ok());
  CHECK_FALSE(m.engine->NextWakeupTime().has_value());
  RunUntil(m, T("2019-01-01T01:00:00Z"));
  CHECK(Executions(m).size() == 3);
}

TEST_CASE("A schedule created disabled never fires until enabled",
          "[schedules]") {
  ManualEngine m;
  m.Create("f1", kPass);
  CreateScheduleRequest r;
  r.flow_name = "f1";
  r.schedule_name = "later";
  r.cron_expression = "* * * * * *";
  r.enable = false;
  REQUIRE(m.engine->CreateSchedule(r).ok());
  CHECK_FALSE(m.engine->NextWakeupTime().has_value());
  m.clock.Advance(seconds(3600));
  m.engine->RunReady();
  CHECK(Executions(m).empty());
}

TEST_CASE("A tick fires while the flow's previous run still runs",
          "[schedules]") {
  ManualEngine m;
  m.Create("f1", Flow("  - {Type: Wait, Name: A, Seconds: 100, Next: B}\n"
                      "  - {Type: Pass, Name: B, End: true}\n"));
  AddSchedule(m, "s", "0 * * * * *");
  RunUntil(m, T("2019-01-01T00:02:00Z"));
  std::vector<Execution> runs = Executions(m);
  REQUIRE(runs.size() == 2);
  CHECK(runs[0].status == ExecutionStatus::kRunning);  // waits until 00:02:40
  CHECK(runs[1].status == ExecutionStatus::kRunning);
  REQUIRE(m.engine->DeleteSchedule("f1", "s").ok());
  RunUntil(m, T("2019-01-01T00:10:00Z"));
  runs = Executions(m);
  REQUIRE(runs.size() == 2);
  CHECK(runs[0].status == ExecutionStatus::kSucceeded);
  CHECK(runs[0].stopped_time == "2019-01-01T00:02:40.000Z");
  CHECK(runs[1].status == ExecutionStatus::kSucceeded);
  CHECK(runs[1].stopped_time == "2019-01-01T00:03:40.000Z");
}

TEST_CASE("Fire times passed in one clock move start one execution",
          "[schedules]") {
  ManualEngine m;
  m.Create("f1", kPass);
  AddSchedule(m, "s", "0 * * * * *");
  m.clock.Advance(seconds(10 * 60 + 30));  // past ten fire times
  m.engine->RunReady();
  CHECK(Names(m) == std::vector<std::string>{"s-20190101T000100Z"});
  CHECK(Executions(m)[0].started_time == "2019-01-01T00:10:30.000Z");
  CHECK(m.engine->NextWakeupTime() == T("2019-01-01T00:11:00Z"));
}

TEST_CASE("A tick whose execution name is taken starts nothing",
          "[schedules]") {
  ManualEngine m;
  m.Create("f1", kPass);
  AddSchedule(m, "s", "0 * * * * *");
  StartExecutionRequest r;
  r.flow_name = "f1";
  r.execution_name = "s-20190101T000100Z";
  r.input = R"({"by": "hand"})";
  REQUIRE(m.engine->StartExecution(r).ok());
  RunUntil(m, T("2019-01-01T00:02:00Z"));
  CHECK(Names(m) ==
        std::vector<std::string>{"s-20190101T000100Z", "s-20190101T000200Z"});
  CHECK(Executions(m)[0].input == R"({"by":"hand"})");
}

TEST_CASE("Schedules of several flows fire in time order", "[schedules]") {
  ManualEngine m;
  m.Create("f1", kPass);
  m.Create("f2", kPass);
  m.Create("ex", kPass, "Express");
  AddSchedule(m, "a", "10 * * * * *");
  AddSchedule(m, "b", "@every 25s", "", "f2");
  AddSchedule(m, "c", "0 * * * * *", R"({"x": true})", "ex");
  RunUntil(m, T("2019-01-01T00:01:00Z"));
  CHECK(Names(m, "f1") == std::vector<std::string>{"a-20190101T000010Z"});
  CHECK(Names(m, "f2") ==
        std::vector<std::string>{"b-20190101T000025Z", "b-20190101T000050Z"});
  // An Express flow's run is named as StartSyncExecution names them.
  std::vector<Execution> ex = Executions(m, "ex");
  REQUIRE(ex.size() == 1);
  CHECK(ex[0].name.rfind("c-20190101T000100Z:", 0) == 0);
  CHECK(ex[0].name.size() == std::string("c-20190101T000100Z:").size() + 36);
  CHECK(ex[0].status == ExecutionStatus::kSucceeded);
  CHECK(ex[0].output == R"({"x":true})");
}

TEST_CASE("A long schedule name still gives a valid, distinct execution name",
          "[schedules]") {
  ManualEngine m;
  m.Create("f1", kPass);
  const std::string base(115, 'x');
  AddSchedule(m, base + "1", "0 * * * * *");
  AddSchedule(m, base + "2", "0 * * * * *");
  RunUntil(m, T("2019-01-01T00:01:00Z"));
  std::vector<std::string> names = Names(m);
  REQUIRE(names.size() == 2);
  CHECK(names[0] != names[1]);
  for (const std::string& n : names) {
    CHECK(n.size() == 128);
    CHECK(n.substr(0, 102) == base.substr(0, 102));
    CHECK(n.substr(n.size() - 17) == "-20190101T000100Z");
  }
}

}  // namespace
}  // namespace fnf
