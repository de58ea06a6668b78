// Schedules on an engine with a SQLite store: they survive a restart with
// their ids, times and switches, fire only from Resume() on, and a tick missed
// while the host was down fires once (docs/schedules.md).
#include <string>
#include <vector>

#include "fnf/fnf.h"
#include "fnf/store.h"

#include "tests/cli/tool_runner.h"
#include "tests/testing/catch.h"

namespace fnf {
namespace {

using testing::TempDir;

const TimePoint kStart = TimePoint(std::chrono::seconds(1546300800));

EngineOptions Manual(ManualClock* clock, std::shared_ptr<Store> store) {
  EngineOptions o;
  o.worker_threads = 0;
  o.clock = clock;
  o.random_seed = 7;
  o.store = std::move(store);
  return o;
}

std::shared_ptr<Store> Open(const std::string& path) {
  auto store = OpenSqliteStore(path, Durability::kProcessCrash);
  INFO(store.status().ToString());
  REQUIRE(store.ok());
  return *store;
}

// The flow's execution names, in name order.
std::vector<std::string> Executions(Engine& engine) {
  ListRequest list;
  list.flow_name = "f";
  auto page = engine.ListExecutions(list);
  INFO(page.status().ToString());
  REQUIRE(page.ok());
  std::vector<std::string> names;
  for (const Execution& e : page->items) names.push_back(e.name);
  std::sort(names.begin(), names.end());
  return names;
}

void CreatePassFlow(Engine& engine) {
  CreateFlowRequest flow;
  flow.name = "f";
  flow.definition =
      "Type: StateMachine\nSpecVersion: v1\nStartAt: P\nStates:\n"
      "  - {Type: Pass, Name: P, End: true}\n";
  REQUIRE(engine.CreateFlow(flow).ok());
}

TEST_CASE(
    "Schedules on a store survive a restart; a tick missed while the "
    "host was down fires once after Resume()",
    "[store][schedules]") {
  TempDir dir;
  const std::string db = dir.path() + "/fnf.db";
  ManualClock clock(kStart);
  Schedule every_minute, hourly;
  {
    Engine engine(Manual(&clock, Open(db)));
    REQUIRE(engine.Resume().ok());
    CreatePassFlow(engine);
    CreateScheduleRequest a;
    a.flow_name = "f";
    a.schedule_name = "minutely";
    a.cron_expression = "0 * * * * *";
    a.payload = R"({"n":1})";
    a.description = "every minute";
    auto created = engine.CreateSchedule(a);
    REQUIRE(created.ok());
    every_minute = *created;
    CreateScheduleRequest b = a;
    b.schedule_name = "hourly";
    b.cron_expression = "@every 1h";
    b.enable = false;
    hourly = *engine.CreateSchedule(b);
    CreateScheduleRequest c = a;
    c.schedule_name = "gone";
    REQUIRE(engine.CreateSchedule(c).ok());
    REQUIRE(engine.DeleteSchedule("f", "gone").ok());
    clock.Advance(std::chrono::seconds(60));
    engine.RunReady();
    CHECK(Executions(engine) ==
          std::vector<std::string>{"minutely-20190101T000100Z"});
  }
  // Down from 00:01:00 to 00:04:30: the ticks of 00:02, 00:03 and 00:04 are
  // missed.
  clock.Advance(std::chrono::seconds(210));
  Engine engine(Manual(&clock, Open(db)));
  CreateFlowRequest again;
  again.name = "f";
  again.definition =
      "Type: StateMachine\nSpecVersion: v1\nStartAt: P\n"
      "States:\n  - {Type: Pass, Name: P, End: true}\n";
  CHECK(engine.CreateFlow(again).status().code() == "FlowAlreadyExists");
  auto described = engine.DescribeSchedule("f", "minutely");
  INFO(described.status().ToString());
  REQUIRE(described.ok());
  CHECK(described->schedule_id == every_minute.schedule_id);
  CHECK(described->created_time == every_minute.created_time);
  CHECK(described->last_modified_time == every_minute.last_modified_time);
  CHECK(described->description == "every minute");
  CHECK(described->payload == R"({"n":1})");
  CHECK(described->enable);
  auto off = engine.DescribeSchedule("f", "hourly");
  REQUIRE(off.ok());
  CHECK_FALSE(off->enable);
  CHECK(off->schedule_id == hourly.schedule_id);
  CHECK(engine.DescribeSchedule("f", "gone").status().code() ==
        "ScheduleNotExists");
  // Nothing fires before Resume().
  CHECK_FALSE(engine.NextWakeupTime().has_value());
  engine.RunReady();
  CHECK(Executions(engine).size() == 1);

  REQUIRE(engine.Resume().ok());
  engine.RunReady();
  CHECK(Executions(engine) ==
        std::vector<std::string>{"minutely-20190101T000100Z",
                                 "minutely-20190101T000200Z"});
  auto fired = engine.DescribeExecution("f", "minutely-20190101T000200Z");
  REQUIRE(fired.ok());
  CHECK(fired->status == ExecutionStatus::kSucceeded);
  CHECK(fired->output == R"({"n":1})");
  REQUIRE(engine.NextWakeupTime().has_value());
  CHECK(*engine.NextWakeupTime() == kStart + std::chrono::minutes(5));
  clock.Advance(std::chrono::seconds(30));
  engine.RunReady();
  CHECK(Executions(engine).size() == 3);
  CHECK(Executions(engine).back() == "minutely-20190101T000500Z");
}

TEST_CASE("A schedule's update, switch and deletion are kept by the store",
          "[store][schedules]") {
  TempDir dir;
  const std::string db = dir.path() + "/fnf.db";
  ManualClock clock(kStart);
  {
    Engine engine(Manual(&clock, Open(db)));
    REQUIRE(engine.Resume().ok());
    CreatePassFlow(engine);
    for (const char* name : {"a", "b", "c"}) {
      CreateScheduleRequest r;
      r.flow_name = "f";
      r.schedule_name = name;
      r.cron_expression = "0 * * * * *";
      REQUIRE(engine.CreateSchedule(r).ok());
    }
    clock.Advance(std::chrono::seconds(5));
    UpdateScheduleRequest u;
    u.flow_name = "f";
    u.schedule_name = "a";
    u.cron_expression = "@every 90s";
    u.payload = R"({"u":true})";
    REQUIRE(engine.UpdateSchedule(u).ok());
    UpdateScheduleRequest off;
    off.flow_name = "f";
    off.schedule_name = "b";
    off.enable = false;
    REQUIRE(engine.UpdateSchedule(off).ok());
    REQUIRE(engine.DeleteSchedule("f", "c").ok());
  }
  Engine engine(Manual(&clock, Open(db)));
  REQUIRE(engine.Resume().ok());
  ListRequest list;
  list.flow_name = "f";
  auto page = engine.ListSchedules(list);
  REQUIRE(page.ok());
  REQUIRE(page->items.size() == 2);
  CHECK(page->items[0].schedule_name == "a");
  CHECK(page->items[0].cron_expression == "@every 90s");
  CHECK(page->items[0].payload == R"({"u":true})");
  CHECK(page->items[0].last_modified_time == "2019-01-01T00:00:05.000Z");
  CHECK(page->items[1].schedule_name == "b");
  CHECK_FALSE(page->items[1].enable);
  // @every keeps its phase from the update (00:00:05): 00:01:35, 00:03:05,
  // 00:04:35. At 00:03:05 the first passed tick fires once and the next is
  // the one after it.
  clock.Advance(std::chrono::seconds(180));
  engine.RunReady();
  CHECK(Executions(engine) == std::vector<std::string>{"a-20190101T000135Z"});
  REQUIRE(engine.NextWakeupTime().has_value());
  CHECK(*engine.NextWakeupTime() == kStart + std::chrono::seconds(275));
  clock.Advance(std::chrono::seconds(90));
  engine.RunReady();
  CHECK(Executions(engine) ==
        std::vector<std::string>{"a-20190101T000135Z", "a-20190101T000435Z"});
  // Deleting the flow deletes its stored schedules.
  REQUIRE(engine.DeleteFlow("f").ok());
}

}  // namespace
}  // namespace fnf
