// Crash test of the durable engine: a child process runs a mixed workload
// (Pass chains, tasks with Retry, Catch, Wait, callbacks, Parallel, inline and
// distributed Map, a child flow, a legacy flow) on a SQLite store and is
// killed with SIGKILL, at random commits and at the named crash points of the
// commit and recovery paths; it is restarted (Resume()) until every execution
// has ended. Then: the file passes SQLite's integrity check after every kill,
// every execution ended with the output of an uninterrupted in-memory run,
// histories have one start, one end and contiguous ids, and a task delivered
// more than once kept its token. FNF_CRASH_FULL=1 runs the long form.
#include <atomic>
#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <sstream>

#include "fnf/fnf.h"
#include "fnf/store.h"

#include "store/crash_point.h"
#include "store/sqlite/sqlite_store.h"
#include "tests/cli/tool_runner.h"
#include "tests/crash/crash_driver.h"
#include "tests/testing/catch.h"
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

namespace fnf {
namespace {

using testing::ChildRun;
using testing::TempDir;

const TimePoint kStart = TimePoint(std::chrono::seconds(1546300800));

std::string Cloud(const std::string& states, const std::string& start) {
  return "Type: StateMachine\nSpecVersion: v1\nStartAt: " + start +
         "\nStates:\n" + states;
}

const std::vector<std::pair<std::string, std::string>>& Flows() {
  static const std::vector<std::pair<std::string, std::string>> flows = {
      {"chain",
       Cloud(
           "  - {Type: Pass, Name: P1, Next: P2}\n"
           "  - {Type: Pass, Name: P2, End: true, OutputConstructor: {n: 2}}\n",
           "P1")},
      {"tasks",
       Cloud("  - {Type: Task, Name: Work, Action: 'FC:F', Next: Flaky}\n"
             "  - {Type: Task, Name: Flaky, Action: 'FC:F', Next: Nap, Retry: "
             "[{Errors: [Oops], IntervalSeconds: 1, MaxAttempts: 2}]}\n"
             "  - {Type: Wait, Name: Nap, Seconds: 2, Next: Callback}\n"
             "  - {Type: Task, Name: Callback, Action: 'FC:F', TaskMode: "
             "WaitForCustomCallback, Next: Caught}\n"
             "  - {Type: Task, Name: Caught, Action: 'FC:F', End: true, "
             "Catch: [{Errors: [FnF.ALL], Next: After}]}\n"
             "  - {Type: Pass, Name: After, End: true}\n",
             "Work")},
      {"fanout",
       Cloud("  - Type: Parallel\n    Name: Par\n    Next: Each\n"
             "    Branches:\n"
             "      - StartAt: B1\n        States:\n"
             "          - {Type: Task, Name: B1, Action: 'FC:F', End: true}\n"
             "      - StartAt: B2\n        States:\n"
             "          - {Type: Pass, Name: B2, End: true}\n"
             "  - Type: Map\n    Name: Each\n    Next: Dist\n"
             "    ItemsPath: $Context.Execution.Input.xs\n"
             "    Processor:\n      StartAt: Item\n      States:\n"
             "        - {Type: Task, Name: Item, Action: 'FC:F', End: true}\n"
             "  - Type: Map\n    Name: Dist\n    Next: Child\n"
             "    ItemsPath: $Context.Execution.Input.xs\n"
             "    Processor:\n"
             "      ProcessorConfig: {ExecutionMode: Standard}\n"
             "      StartAt: Remote\n      States:\n"
             "        - {Type: Task, Name: Remote, Action: 'FC:F', End: "
             "true}\n"
             "  - Type: Task\n    Name: Child\n"
             "    Action: 'FNF:StartExecution'\n"
             "    TaskMode: WaitForSystemCallback\n"
             "    Parameters:\n"
             "      resourceArn: 'acs:fnf:::flow/chain'\n"
             "      executionName.$: $Context.Execution.Input.child\n"
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

// Execution i: its flow and input.
std::pair<std::string, std::string> Start(int i) {
  switch (i % 4) {
    case 0:
      return {"chain", "{}"};
    case 1:
      return {"tasks", "{\"i\":" + std::to_string(i) + "}"};
    case 2:
      return {"fanout",
              "{\"xs\":[1,2],\"child\":\"child-" + std::to_string(i) + "\"}"};
    default:
      return {"legacy", "{\"i\":" + std::to_string(i) + "}"};
  }
}

// The host's side of the tasks. Callback tokens go to a file, as they would
// go to another system: a host killed before it reported one finds it there
// after the restart (the engine does not deliver a dispatched callback
// again).
struct Host {
  int ledger_fd = -1;
  std::string callbacks_path;
  std::set<std::string> reported;
};

void Register(Engine& engine, Host* host) {
  auto handler = [host](const TaskRequest& r) {
    std::string line = r.task_token + " " + std::to_string(r.delivery) + "\n";
    if (host->ledger_fd >= 0)
      (void)!write(host->ledger_fd, line.data(), line.size());
    if (r.state_name == "Flaky" && r.attempt == 1)
      return TaskResult::Failed("Oops", "first attempt");
    if (r.state_name == "Caught") return TaskResult::Failed("Broken", "always");
    std::string out =
        "{\"state\":\"" + r.state_name + "\",\"in\":" + r.input + "}";
    if (r.state_name == "Callback") {
      std::string entry = r.task_token + "\t" + out + "\n";
      int fd = open(host->callbacks_path.c_str(), O_WRONLY | O_CREAT | O_APPEND,
                    0644);
      (void)!write(fd, entry.data(), entry.size());
      close(fd);
      return TaskResult::Pending();
    }
    return TaskResult::Succeeded(out);
  };
  for (const char* s :
       {"Work", "Flaky", "Callback", "Caught", "B1", "Item", "Remote", "lt"}) {
    engine.RegisterTaskHandler(s, handler);
  }
}

// Creates what is missing, starts executions 0 .. total - 1 that are not
// started, and runs until every one has ended; `ended(i)` hears of each end
// once.
void RunWorkload(Engine& engine, Host& host, int total,
                 const std::function<void(int)>& ended) {
  for (const auto& [flow, definition] : Flows()) {
    CreateFlowRequest req;
    req.name = flow;
    req.definition = definition;
    (void)engine.CreateFlow(req);
  }
  for (int i = 0; i < total; ++i) {
    auto [flow, input] = Start(i);
    StartExecutionRequest req;
    req.flow_name = flow;
    req.execution_name = "e" + std::to_string(i);
    req.input = input;
    (void)engine.StartExecution(req);
  }
  std::vector<bool> seen(static_cast<size_t>(total), false);
  int left = total;
  for (int round = 0; round < 10000 && left > 0; ++round) {
    engine.RunUntilIdle();
    std::ifstream in(host.callbacks_path);
    for (std::string line; std::getline(in, line);) {
      size_t tab = line.find('\t');
      if (tab == std::string::npos) continue;  // cut short by a kill
      std::string token = line.substr(0, tab);
      if (!host.reported.insert(token).second) continue;
      // A token reported before a kill is TaskAlreadyCompleted now.
      (void)engine.ReportTaskSucceeded(token, line.substr(tab + 1));
    }
    engine.RunUntilIdle();
    for (int i = 0; i < total; ++i) {
      if (seen[static_cast<size_t>(i)]) continue;
      auto e =
          engine.DescribeExecution(Start(i).first, "e" + std::to_string(i));
      if (e.ok() && IsTerminal(e->status)) {
        seen[static_cast<size_t>(i)] = true;
        --left;
        ended(i);
      }
    }
  }
}

// The child's crash hook: acknowledges every commit (so that the driver can
// kill it after a chosen number) and dies at the armed point.
std::atomic<int> g_ack_fd{-1};
std::atomic<int64_t> g_commits{0};
std::string g_point;
std::atomic<int> g_left{0};
void ChildHook(const char* point) {
  if (!g_point.empty() && g_point == point && g_left.fetch_sub(1) == 1)
    raise(SIGKILL);
  if (std::string_view(point) == "commit.after_durable" && g_ack_fd >= 0)
    testing::Ack(g_ack_fd, 1000000 + ++g_commits);
}

int HostProcess(const std::string& path, const std::string& ledger, int total,
                const std::string& point, int hit, int ack_fd) {
  g_ack_fd = ack_fd;
  g_point = point;
  g_left = hit;
  internal::SetCrashHook(&ChildHook);
  auto store = OpenSqliteStore(path, Durability::kProcessCrash);
  if (!store.ok()) {
    testing::AckError(ack_fd, store.status().ToString());
    return 3;
  }
  Host host;
  host.ledger_fd = open(ledger.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  host.callbacks_path = ledger + ".callbacks";
  ManualClock clock(kStart);
  EngineOptions o;
  o.worker_threads = 0;
  o.clock = &clock;
  o.store = *store;
  Engine engine(o);
  Register(engine, &host);
  Status s = engine.Resume();
  if (!s.ok()) {
    testing::AckError(ack_fd, s.ToString());
    return 3;
  }
  RunWorkload(engine, host, total, [&](int i) { testing::Ack(ack_fd, i); });
  return 0;
}

// SQLite's integrity check of the file, and how many tasks it holds that a
// handler may not have seen (scheduled: the next Resume() delivers them
// again).
std::string Integrity(const std::string& path, int64_t* in_flight) {
  auto store = internal::SqliteStore::Open(path);
  if (!store.ok()) return store.status().ToString();
  std::string out;
  (void)(*store)->Read([&](internal::SqliteDb& db) {
    auto r = db.QueryText("PRAGMA integrity_check");
    if (!r.ok()) return r.status();
    out = r->value_or("");
    auto n = db.QueryInt(
        "SELECT count(*) FROM tasks WHERE state = 'scheduled' AND slot < 0");
    if (!n.ok()) return n.status();
    *in_flight = n->value_or(0);
    return Status();
  });
  return out;
}

struct Result {
  std::string status, output;
  int64_t events = 0, starts = 0, ends = 0;
  bool contiguous = true;
};

std::map<std::string, Result> Results(Engine& engine, int total) {
  std::map<std::string, Result> out;
  for (int i = 0; i < total; ++i) {
    auto [flow, input] = Start(i);
    std::string name = "e" + std::to_string(i);
    auto e = engine.DescribeExecution(flow, name);
    Result& r = out[name];
    if (!e.ok()) {
      r.status = e.status().ToString();
      continue;
    }
    r.status = std::string(ToString(e->status));
    r.output = e->output;
    auto h = engine.GetExecutionHistory(flow, name, 1000, "");
    if (!h.ok()) continue;
    for (const HistoryEvent& ev : h->items) {
      if (ev.event_id != ++r.events) r.contiguous = false;
      if (ev.type == "ExecutionStarted") ++r.starts;
      if (ev.type.rfind("Execution", 0) == 0 && ev.type != "ExecutionStarted")
        ++r.ends;
    }
  }
  return out;
}

TEST_CASE(
    "Durable engine crash test: kill -9 at any commit loses no "
    "execution and changes no outcome",
    "[store][engine][crash]") {
  const bool full = std::getenv("FNF_CRASH_FULL") != nullptr;
  const int total = full ? 1000 : 60;  // executions
  const int random_kills = full ? 50 : 6;
  const int point_repeats = full ? 3 : 1;
  TempDir dir;
  const std::string path = dir.path() + "/engine.db";
  const std::string ledger = dir.path() + "/ledger";

  // The oracle: the same workload, uninterrupted, in memory.
  std::map<std::string, Result> oracle;
  {
    ManualClock clock(kStart);
    EngineOptions o;
    o.worker_threads = 0;
    o.clock = &clock;
    Engine engine(o);
    Host host;
    host.callbacks_path = dir.path() + "/oracle.callbacks";
    Register(engine, &host);
    RunWorkload(engine, host, total, [](int) {});
    oracle = Results(engine, total);
  }

  std::mt19937 rng(2026);
  std::vector<std::pair<std::string, int>> plan;
  for (int r = 0; r < point_repeats; ++r) {
    for (const char* p :
         {"commit.before_txn", "commit.mid_txn", "commit.after_durable",
          "engine.after_commit_before_effects", "resume.before_redispatch"}) {
      plan.emplace_back(p, 0);
    }
  }
  // Each run (process) starts a new wave of executions besides finishing what
  // the last one left, so that every kill finds work: an execution commits
  // about 7 times (start, slices, reports).
  const int wave =
      std::max(1, total / static_cast<int>(plan.size() + random_kills));
  for (int k = 0; k < random_kills; ++k)
    plan.emplace_back("", std::uniform_int_distribution<int>(1, 7 * wave)(rng));
  std::shuffle(plan.begin(), plan.end(), rng);
  int kills = 0;
  int64_t in_flight_at_kills = 0;
  for (size_t j = 0; j < plan.size(); ++j) {
    const auto& [point, kill_after] = plan[j];
    const int upto = static_cast<int>(static_cast<size_t>(total) * (j + 1) /
                                      (plan.size() + 1));
    // Recovery points are reached once per process; the others many times.
    const int hit = point.rfind("resume.", 0) == 0
                        ? 1
                        : std::uniform_int_distribution<int>(1, 3 * wave)(rng);
    ChildRun run = testing::RunChild(
        [&, point = point](int fd) {
          return HostProcess(path, ledger, upto, point, hit, fd);
        },
        kill_after);
    INFO(run.errors);
    CHECK(run.errors.empty());
    if (run.killed) ++kills;
    int64_t in_flight = 0;
    CHECK(Integrity(path, &in_flight) == "ok");
    if (run.killed) in_flight_at_kills += in_flight;
  }
  ChildRun last = testing::RunChild(
      [&](int fd) { return HostProcess(path, ledger, total, "", 0, fd); }, 0);
  INFO(last.errors);
  CHECK(last.exit_code == 0);
  CHECK(kills >= static_cast<int>(plan.size()) * 9 / 10);

  auto store = OpenSqliteStore(path);
  REQUIRE(store.ok());
  ManualClock clock(kStart);
  EngineOptions o;
  o.worker_threads = 0;
  o.clock = &clock;
  o.store = *store;
  Engine engine(o);
  std::map<std::string, Result> got = Results(engine, total);
  int lost = 0, differ = 0;
  for (const auto& [name, want] : oracle) {
    INFO(name);
    const Result& r = got[name];
    if (r.status != "Succeeded") ++lost;
    if (r.output != want.output) ++differ;
    CHECK(r.status == want.status);
    CHECK(r.output == want.output);
    CHECK(r.contiguous);
    CHECK(r.starts == 1);
    CHECK(r.ends == 1);
    CHECK(r.events == want.events);
  }
  CHECK(lost == 0);
  CHECK(differ == 0);
  // A token delivered again counts up (its first delivery may have been lost
  // with the process before the handler saw it).
  std::ifstream in(ledger);
  std::map<std::string, int> last_delivery;
  std::string token;
  int delivery = 0, repeated = 0;
  while (in >> token >> delivery) {
    int& prev = last_delivery[token];
    if (delivery > 1) ++repeated;
    CHECK(delivery > prev);
    prev = std::max(prev, delivery);
  }
  // Tasks are delivered again only when a kill caught them in flight.
  CHECK(repeated <= in_flight_at_kills);
  WARN("executions " << total << ", kills " << kills
                     << ", tasks in flight at the kills " << in_flight_at_kills
                     << ", redeliveries " << repeated);
}

}  // namespace
}  // namespace fnf
