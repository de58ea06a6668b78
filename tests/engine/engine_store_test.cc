// An Engine on a SQLite store (EngineOptions::store, Engine::Resume()): what a
// restarted engine finds and how it continues. "Restart at every commit": a
// workload runs once on a store, and after every commit of that run the store
// file is copied, as a process killed at that instant would leave it. A new
// Engine on each copy resumes and must finish every execution with the
// status, output and history of the uninterrupted run; tasks in flight at the
// copy are delivered again with the same token and a higher delivery.
#include <filesystem>
#include <map>
#include <mutex>
#include <set>

#include "fnf/fnf.h"
#include "fnf/store.h"

#include "store/crash_point.h"
#include "store/sqlite/sqlite_store.h"
#include "tests/cli/tool_runner.h"
#include "tests/testing/catch.h"

namespace fnf {
namespace {

using testing::TempDir;

const TimePoint kStart = TimePoint(std::chrono::seconds(1546300800));

std::string Cloud(const std::string& states, const std::string& start) {
  return "Type: StateMachine\nSpecVersion: v1\nStartAt: " + start +
         "\nStates:\n" + states;
}

// The workload: every kind of state the engine persists.
const std::vector<std::pair<std::string, std::string>>& Flows() {
  static const std::vector<std::pair<std::string, std::string>> flows = {
      {"chain",
       Cloud(
           "  - {Type: Pass, Name: P1, Next: P2}\n"
           "  - {Type: Pass, Name: P2, Next: P3}\n"
           "  - {Type: Pass, Name: P3, End: true, OutputConstructor: {n: 3}}\n",
           "P1")},
      {"tasks",
       Cloud("  - {Type: Task, Name: Work, Action: 'FC:InvokeFunction', "
             "Next: Flaky}\n"
             "  - {Type: Task, Name: Flaky, Action: 'FC:InvokeFunction', "
             "Next: Nap, Retry: [{Errors: [Oops], IntervalSeconds: 1, "
             "MaxAttempts: 2}]}\n"
             "  - {Type: Wait, Name: Nap, Seconds: 2, Next: Callback}\n"
             "  - {Type: Task, Name: Callback, Action: 'FC:InvokeFunction', "
             "TaskMode: WaitForCustomCallback, Next: Caught}\n"
             "  - {Type: Task, Name: Caught, Action: 'FC:InvokeFunction', "
             "End: true, Catch: [{Errors: [FnF.ALL], Next: After}]}\n"
             "  - {Type: Pass, Name: After, End: true}\n",
             "Work")},
      {"fanout",
       Cloud("  - Type: Parallel\n    Name: Par\n    Next: Each\n"
             "    Branches:\n"
             "      - StartAt: B1\n        States:\n"
             "          - {Type: Task, Name: B1, Action: 'FC:InvokeFunction', "
             "End: true}\n"
             "      - StartAt: B2\n        States:\n"
             "          - {Type: Wait, Name: B2, Seconds: 1, End: true}\n"
             "  - Type: Map\n    Name: Each\n    Next: Dist\n"
             "    ItemsPath: $Context.Execution.Input.xs\n"
             "    MaxConcurrency: 2\n"
             "    Processor:\n      StartAt: Item\n      States:\n"
             "        - {Type: Task, Name: Item, Action: 'FC:InvokeFunction', "
             "End: true}\n"
             "  - Type: Map\n    Name: Dist\n    Next: Child\n"
             "    ItemsPath: $Context.Execution.Input.xs\n"
             // One child at a time: with several, which one reports first
             // after a restart is a race, and the histories would differ in
             // order only.
             "    MaxConcurrency: 1\n"
             "    Processor:\n"
             "      ProcessorConfig: {ExecutionMode: Standard}\n"
             "      StartAt: Remote\n      States:\n"
             "        - {Type: Task, Name: Remote, Action: "
             "'FC:InvokeFunction', End: true}\n"
             "  - Type: Task\n    Name: Child\n"
             "    Action: 'FNF:StartExecution'\n"
             "    TaskMode: WaitForSystemCallback\n"
             "    Parameters:\n"
             "      resourceArn: 'acs:fnf:::flow/chain'\n"
             "      executionName: child-of-fanout\n"
             "    End: true\n",
             "Par")},
      {"legacy",
       "version: v1\ntype: flow\nsteps:\n"
       "  - type: task\n    name: lt\n"
       "    resourceArn: 'acs:fc:::services/s/functions/f'\n"
       "  - type: wait\n    name: lw\n    duration: 3\n"},
  };
  return flows;
}

const std::vector<std::pair<std::string, std::string>>& Starts() {
  static const std::vector<std::pair<std::string, std::string>> starts = {
      {"chain", "{}"},
      {"tasks", R"({"v":1})"},
      {"fanout", R"({"xs":[1,2,3]})"},
      {"legacy", R"({"l":true})"},
  };
  return starts;
}

// What the handlers saw, and the callbacks waiting for the driver.
struct Ledger {
  std::mutex mu;
  std::vector<std::pair<std::string, int>> deliveries;  // token, delivery
  std::map<std::string, std::string> callbacks;         // token -> output
};

void RegisterHandlers(Engine& engine, Ledger* ledger) {
  auto handler = [ledger](const TaskRequest& r) {
    std::lock_guard<std::mutex> l(ledger->mu);
    ledger->deliveries.emplace_back(r.task_token, r.delivery);
    if (r.state_name == "Flaky" && r.attempt == 1) {
      return TaskResult::Failed("Oops", "the first attempt fails");
    }
    if (r.state_name == "Caught") {
      return TaskResult::Failed("Broken", "always");
    }
    std::string out = "{\"state\":\"" + r.state_name +
                      "\",\"in\":" + (r.input.empty() ? "null" : r.input) + "}";
    if (r.state_name == "Callback") {
      ledger->callbacks[r.task_token] = out;
      return TaskResult::Pending();
    }
    return TaskResult::Succeeded(out);
  };
  engine.SetDefaultTaskHandler(handler);
  for (const char* state :
       {"Work", "Flaky", "Callback", "Caught", "B1", "Item", "Remote", "lt"}) {
    engine.RegisterTaskHandler(state, handler);
  }
}

struct Outcome {
  std::string status, output, error;
  std::vector<std::string> history;
};

std::map<std::string, Outcome> Outcomes(Engine& engine) {
  std::map<std::string, Outcome> out;
  for (const auto& [flow, definition] : Flows()) {
    ListRequest req;
    req.flow_name = flow;
    req.limit = 99;
    auto page = engine.ListExecutions(req);
    REQUIRE(page.ok());
    for (const Execution& e : page->items) {
      Outcome& o = out[flow + "/" + e.name];
      o.status = std::string(ToString(e.status));
      o.output = e.output;
      o.error = e.error_code + ": " + e.error_message;
      auto h = engine.GetExecutionHistory(flow, e.name, 1000, "");
      REQUIRE(h.ok());
      int64_t id = 0;
      for (const HistoryEvent& ev : h->items) {
        CHECK(ev.event_id == ++id);  // contiguous, no duplicates
        o.history.push_back(std::to_string(ev.schedule_event_id) + " " +
                            ev.time + " " + ev.type + " " + ev.step_name + " " +
                            ev.event_detail);
      }
    }
  }
  return out;
}

// Starts whatever is not started (an at-least-once client), answers the
// callbacks, and runs the clock until every execution has ended.
void Drive(Engine& engine, Ledger& ledger) {
  for (const auto& [flow, definition] : Flows()) {
    CreateFlowRequest req;
    req.name = flow;
    req.definition = definition;
    auto created = engine.CreateFlow(req);
    if (!created.ok()) {
      INFO(created.status().ToString());
      CHECK(created.status().code() == "FlowAlreadyExists");
    }
  }
  for (const auto& [flow, input] : Starts()) {
    StartExecutionRequest req;
    req.flow_name = flow;
    req.execution_name = "run-" + flow;
    req.input = input;
    auto started = engine.StartExecution(req);
    if (!started.ok()) {
      CHECK(started.status().code() == "ExecutionAlreadyExists");
    }
  }
  for (int round = 0; round < 100; ++round) {
    engine.RunUntilIdle();
    // A callback stays in the ledger until its report has returned, so that
    // a copy of the store taken meanwhile is resumed with it.
    std::map<std::string, std::string> callbacks;
    {
      std::lock_guard<std::mutex> l(ledger.mu);
      callbacks = ledger.callbacks;
    }
    if (callbacks.empty()) break;
    for (const auto& [token, output] : callbacks) {
      Status s = engine.ReportTaskSucceeded(token, output);
      if (!s.ok()) CHECK(s.code() == "TaskAlreadyCompleted");
      std::lock_guard<std::mutex> l(ledger.mu);
      ledger.callbacks.erase(token);
    }
  }
}

// Copies of the store taken after each commit of the uninterrupted run, with
// the clock's time and the callbacks then waiting.
struct Snapshot {
  std::string path;
  TimePoint time;
  std::map<std::string, std::string> callbacks;
};
struct SnapshotTaker {
  std::mutex mu;
  std::string db, dir;
  ManualClock* clock = nullptr;
  Ledger* ledger = nullptr;
  std::vector<Snapshot> taken;
};
SnapshotTaker* g_taker = nullptr;

void CopyIfThere(const std::string& from, const std::string& to) {
  std::error_code ec;
  if (std::filesystem::exists(from, ec)) {
    std::filesystem::copy_file(
        from, to, std::filesystem::copy_options::overwrite_existing, ec);
  }
}

void TakeSnapshot(const char* point) {
  if (std::string_view(point) != "commit.after_durable" || !g_taker) return;
  SnapshotTaker& t = *g_taker;
  std::lock_guard<std::mutex> l(t.mu);
  Snapshot s;
  s.path = t.dir + "/snap-" + std::to_string(t.taken.size()) + ".db";
  // A committed WAL transaction is in the -wal file; the database and its
  // WAL together are what a killed process leaves.
  CopyIfThere(t.db, s.path);
  CopyIfThere(t.db + "-wal", s.path + "-wal");
  s.time = t.clock->Now();
  {
    std::lock_guard<std::mutex> ll(t.ledger->mu);
    s.callbacks = t.ledger->callbacks;
  }
  t.taken.push_back(std::move(s));
}

EngineOptions Manual(ManualClock* clock, std::shared_ptr<Store> store) {
  EngineOptions o;
  o.worker_threads = 0;
  o.clock = clock;
  o.random_seed = 42;
  o.store = std::move(store);
  return o;
}

TEST_CASE(
    "A restarted engine finishes every execution as the uninterrupted "
    "run, from the store as it was after any commit",
    "[store][engine]") {
  TempDir dir;
  const std::string db = dir.path() + "/fnf.db";
  ManualClock clock(kStart);
  Ledger ledger;
  SnapshotTaker taker;
  taker.db = db;
  taker.dir = dir.path();
  taker.clock = &clock;
  taker.ledger = &ledger;
  std::map<std::string, Outcome> oracle;
  std::set<std::string> oracle_tokens;
  {
    auto store = OpenSqliteStore(db);
    REQUIRE(store.ok());
    Engine engine(Manual(&clock, *store));
    REQUIRE(engine.Resume().ok());
    RegisterHandlers(engine, &ledger);
    g_taker = &taker;
    internal::SetCrashHook(&TakeSnapshot);
    Drive(engine, ledger);
    internal::SetCrashHook(nullptr);
    g_taker = nullptr;
    oracle = Outcomes(engine);
    for (const auto& [token, delivery] : ledger.deliveries) {
      CHECK(delivery == 1);
      oracle_tokens.insert(token);
    }
  }
  REQUIRE(oracle.size() == 8);  // 4 started, 3 Map iterations, 1 child flow
  for (const auto& [name, o] : oracle) {
    INFO(name);
    CHECK(o.status == "Succeeded");
  }
  CHECK(oracle["tasks/run-tasks"].output ==
        R"({"state":"Callback","in":{"state":"Flaky","in":{"state":"Work",)"
        R"("in":{"v":1}}}})");
  REQUIRE(taker.taken.size() > 20);

  int redelivered = 0;
  for (size_t k = 0; k < taker.taken.size(); ++k) {
    const Snapshot& snap = taker.taken[k];
    INFO("restart after commit " << k + 1 << " of " << taker.taken.size());
    ManualClock clock2(snap.time);
    Ledger ledger2;
    ledger2.callbacks = snap.callbacks;
    auto store = OpenSqliteStore(snap.path);
    REQUIRE(store.ok());
    Engine engine(Manual(&clock2, *store));
    RegisterHandlers(engine, &ledger2);
    REQUIRE(engine.Resume().ok());
    Drive(engine, ledger2);
    std::map<std::string, Outcome> got = Outcomes(engine);
    REQUIRE(got.size() == oracle.size());
    for (const auto& [name, o] : oracle) {
      INFO(name);
      CHECK(got[name].status == o.status);
      CHECK(got[name].output == o.output);
      CHECK(got[name].error == o.error);
      const std::vector<std::string>& h = got[name].history;
      size_t same = 0;
      while (same < h.size() && same < o.history.size() &&
             h[same] == o.history[same]) {
        ++same;
      }
      INFO("first difference at event "
           << same + 1 << ": " << (same < h.size() ? h[same] : "-")
           << " | uninterrupted: "
           << (same < o.history.size() ? o.history[same] : "-"));
      CHECK(h.size() == o.history.size());
      CHECK(same == o.history.size());
    }
    for (const auto& [token, delivery] : ledger2.deliveries) {
      if (delivery > 1) {
        // Only tasks of the run before: the same token, delivered again.
        CHECK(oracle_tokens.count(token) == 1);
        CHECK(delivery == 2);
        ++redelivered;
      }
    }
  }
  CHECK(redelivered > 0);
}

TEST_CASE(
    "A stored execution waits for Resume(); reports before it are "
    "refused; a callback token stays valid across the restart",
    "[store][engine]") {
  TempDir dir;
  const std::string db = dir.path() + "/fnf.db";
  ManualClock clock(kStart);
  std::string token;
  std::vector<HistoryEvent> before;
  {
    auto store = OpenSqliteStore(db);
    REQUIRE(store.ok());
    Engine engine(Manual(&clock, *store));
    engine.RegisterTaskHandler("Callback", [&](const TaskRequest& r) {
      token = r.task_token;
      CHECK(r.delivery == 1);
      return TaskResult::Pending();
    });
    CreateFlowRequest req;
    req.name = "cb";
    req.definition = Cloud(
        "  - {Type: Task, Name: Callback, Action: 'FC:InvokeFunction', "
        "TaskMode: WaitForCustomCallback, End: true}\n",
        "Callback");
    REQUIRE(engine.CreateFlow(req).ok());
    CreateFlowRequest express = req;
    express.name = "quick";
    express.execution_mode = "Express";
    express.definition = Cloud("  - {Type: Pass, Name: P, End: true}\n", "P");
    REQUIRE(engine.CreateFlow(express).ok());
    StartExecutionRequest start;
    start.flow_name = "quick";
    REQUIRE(engine.StartSyncExecution(start).ok());
    start.flow_name = "cb";
    start.execution_name = "e1";
    REQUIRE(engine.StartExecution(start).ok());
    engine.RunReady();
    REQUIRE(!token.empty());
    before = engine.GetExecutionHistory("cb", "e1", 100, "")->items;
  }
  auto store = OpenSqliteStore(db);
  REQUIRE(store.ok());
  Engine engine(Manual(&clock, *store));
  int calls = 0;
  engine.RegisterTaskHandler("Callback", [&](const TaskRequest&) {
    ++calls;
    return TaskResult::Pending();
  });
  auto flow = engine.DescribeFlow("cb");
  REQUIRE(flow.ok());
  auto e = engine.DescribeExecution("cb", "e1");
  REQUIRE(e.ok());
  CHECK(e->status == ExecutionStatus::kRunning);
  auto history = engine.GetExecutionHistory("cb", "e1", 100, "");
  REQUIRE(history.ok());
  REQUIRE(history->items.size() == before.size());
  for (size_t i = 0; i < before.size(); ++i) {
    CHECK(history->items[i].type == before[i].type);
    CHECK(history->items[i].event_detail == before[i].event_detail);
    CHECK(history->items[i].time == before[i].time);
  }
  // Express executions are not stored.
  ListRequest list;
  list.flow_name = "quick";
  CHECK(engine.ListExecutions(list)->items.empty());

  Status early = engine.ReportTaskSucceeded(token, "{}");
  CHECK(early.code() == "PreconditionFailed");
  CHECK(early.message() ==
        "Task token '" + token +
            "' is not known yet: the engine has not resumed the executions of "
            "its store (call Engine::Resume()).");
  REQUIRE(engine.Resume().ok());
  CHECK(engine.Resume().ok());  // a second call does nothing
  engine.RunReady();
  CHECK(calls == 0);  // the handler had answered Pending: not delivered again
  REQUIRE(engine.ReportTaskSucceeded(token, R"({"done":1})").ok());
  engine.RunReady();
  e = engine.DescribeExecution("cb", "e1");
  CHECK(e->status == ExecutionStatus::kSucceeded);
  CHECK(e->output == R"({"done":1})");
  CHECK(engine.ReportTaskSucceeded(token, "{}").code() ==
        "TaskAlreadyCompleted");
}

TEST_CASE("A token answered before a restart is TaskAlreadyCompleted after it",
          "[store][engine]") {
  TempDir dir;
  const std::string db = dir.path() + "/fnf.db";
  ManualClock clock(kStart);
  std::string token;
  {
    auto store = OpenSqliteStore(db);
    REQUIRE(store.ok());
    Engine engine(Manual(&clock, *store));
    engine.RegisterTaskHandler("Callback", [&](const TaskRequest& r) {
      token = r.task_token;
      return TaskResult::Pending();
    });
    CreateFlowRequest req;
    req.name = "cb";
    req.definition = Cloud(
        "  - {Type: Task, Name: Callback, Action: 'FC:InvokeFunction', "
        "TaskMode: WaitForCustomCallback, End: true}\n",
        "Callback");
    REQUIRE(engine.CreateFlow(req).ok());
    StartExecutionRequest start;
    start.flow_name = "cb";
    start.execution_name = "e1";
    REQUIRE(engine.StartExecution(start).ok());
    engine.RunReady();
    REQUIRE(engine.ReportTaskSucceeded(token, "{}").ok());
  }
  auto store = OpenSqliteStore(db);
  REQUIRE(store.ok());
  Engine engine(Manual(&clock, *store));
  Status again = engine.ReportTaskSucceeded(token, "{}");
  CHECK(again.code() == "TaskAlreadyCompleted");
  CHECK(again.message() == "Task " + token + " has already completed.");
  CHECK(engine.ReportTaskSucceeded("no-such-token", "{}").code() ==
        "InvalidArgument");
}

TEST_CASE("One Engine at a time uses a store", "[store][engine]") {
  TempDir dir;
  const std::string db = dir.path() + "/fnf.db";
  auto store = OpenSqliteStore(db);
  REQUIRE(store.ok());
  ManualClock clock(kStart);
  Engine first(Manual(&clock, *store));
  Engine second(Manual(&clock, *store));
  const std::string message = "store " + db +
                              " is already used by another Engine; one "
                              "Engine at a time may use a store.";
  Status s = second.Resume();
  CHECK(s.code() == "PreconditionFailed");
  CHECK(s.message() == message);
  CreateFlowRequest req;
  req.name = "f";
  req.definition = Cloud("  - {Type: Pass, Name: P, End: true}\n", "P");
  auto created = second.CreateFlow(req);
  REQUIRE(!created.ok());
  CHECK(created.status().code() == "PreconditionFailed");
  REQUIRE(first.CreateFlow(req).ok());
  StartExecutionRequest start;
  start.flow_name = "f";
  auto refused = second.StartExecution(start);
  REQUIRE(!refused.ok());
  CHECK(refused.status().message() == message);
  // Another process (or Store) on the same file is refused by OpenSqliteStore.
  auto again = OpenSqliteStore(db);
  REQUIRE(!again.ok());
  CHECK(again.status().code() == "PreconditionFailed");
  // Without a store, Resume does nothing.
  Engine plain(Manual(&clock, nullptr));
  CHECK(plain.Resume().ok());
}

}  // namespace
}  // namespace fnf

namespace fnf {
namespace {

TEST_CASE("Executions started by a schedule are stored like any other",
          "[store][engine]") {
  TempDir dir;
  const std::string db = dir.path() + "/fnf.db";
  ManualClock clock(kStart);
  {
    auto store = OpenSqliteStore(db);
    REQUIRE(store.ok());
    Engine engine(Manual(&clock, *store));
    CreateFlowRequest req;
    req.name = "tick";
    req.definition = Cloud("  - {Type: Pass, Name: P, End: true}\n", "P");
    REQUIRE(engine.CreateFlow(req).ok());
    CreateScheduleRequest schedule;
    schedule.flow_name = "tick";
    schedule.schedule_name = "every-minute";
    schedule.cron_expression = "@every 60s";
    schedule.payload = R"({"t":1})";
    REQUIRE(engine.CreateSchedule(schedule).ok());
    REQUIRE(engine.Resume().ok());  // on a store, schedules fire from here
    engine.RunUntilIdle(kStart + std::chrono::seconds(90));
  }
  auto store = OpenSqliteStore(db);
  REQUIRE(store.ok());
  Engine engine(Manual(&clock, *store));
  ListRequest list;
  list.flow_name = "tick";
  auto page = engine.ListExecutions(list);
  REQUIRE(page.ok());
  REQUIRE(page->items.size() == 1);
  CHECK(page->items[0].status == ExecutionStatus::kSucceeded);
  CHECK(page->items[0].output == R"({"t":1})");
}

TEST_CASE(
    "A full disk refuses the start with the store's error and loses "
    "nothing committed",
    "[store][engine]") {
  TempDir dir;
  const std::string db = dir.path() + "/full.db";
  ManualClock clock(kStart);
  int started = 0;
  std::string refused_name;
  {
    internal::SqliteStoreOptions small;
    small.max_pages = 60;  // a disk of 60 pages of 4 KiB
    auto store = internal::SqliteStore::Open(db, small);
    REQUIRE(store.ok());
    Engine engine(Manual(&clock, *store));
    CreateFlowRequest req;
    req.name = "big";
    req.definition = Cloud("  - {Type: Pass, Name: P, End: true}\n", "P");
    REQUIRE(engine.CreateFlow(req).ok());
    const std::string input =
        "{\"payload\":\"" + std::string(3000, 'x') + "\"}";
    for (int i = 0; i < 500; ++i) {
      StartExecutionRequest start;
      start.flow_name = "big";
      start.execution_name = "e" + std::to_string(i);
      start.input = input;
      auto s = engine.StartExecution(start);
      if (!s.ok()) {
        CHECK(s.status().code() == "InternalServerError");
        CHECK(s.status().message() ==
              "store " + db +
                  ": a statement failed: the disk is full; nothing of this "
                  "operation was committed.");
        refused_name = start.execution_name;
        break;
      }
      ++started;
    }
    REQUIRE(!refused_name.empty());
    REQUIRE(started > 0);
    // The refused start never existed.
    CHECK(engine.DescribeExecution("big", refused_name).status().code() ==
          "ExecutionNotExists");
  }
  auto store = OpenSqliteStore(db);
  REQUIRE(store.ok());
  Engine engine(Manual(&clock, *store));
  REQUIRE(engine.Resume().ok());
  engine.RunReady();
  ListRequest list;
  list.flow_name = "big";
  list.limit = 99;
  int seen = 0;
  for (std::string token;;) {
    list.next_token = token;
    auto page = engine.ListExecutions(list);
    REQUIRE(page.ok());
    seen += static_cast<int>(page->items.size());
    if (page->next_token.empty()) break;
    token = page->next_token;
  }
  CHECK(seen == started);
  CHECK(engine.DescribeExecution("big", refused_name).status().code() ==
        "ExecutionNotExists");
}

}  // namespace
}  // namespace fnf
