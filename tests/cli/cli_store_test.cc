// `fnf run --store PATH`: the flow and its executions go to a SQLite store; a
// later run on the same store sees them, and continues an execution that an
// earlier process left running.
#include "fnf/fnf.h"
#include "fnf/store.h"

#include "tests/cli/tool_runner.h"
#include "tests/testing/catch.h"

namespace fnf::testing {
namespace {

const char kFlow[] =
    "Type: StateMachine\nSpecVersion: v1\nName: napper\nStartAt: Nap\n"
    "States:\n"
    "  - {Type: Wait, Name: Nap, Seconds: 1, Next: Done}\n"
    "  - {Type: Pass, Name: Done, End: true}\n";

TEST_CASE("fnf run --store keeps the flow and its executions in the file",
          "[cli][store]") {
  TempDir dir;
  const std::string db = dir.path() + "/fnf.db";
  const std::string flow = dir.Write("napper.yaml", kFlow);
  ToolRun first = RunTool({"run", "--store", db, "--virtual-time", "--name",
                           "e1", "--input", R"({"a":1})", flow});
  INFO(first.err);
  CHECK(first.exit_code == 0);
  CHECK(ParseJson(first.out)["Status"] == "Succeeded");
  CHECK(ParseJson(first.out)["Output"] == R"({"a":1})");

  // The same name again: the execution is in the store, ended.
  ToolRun again =
      RunTool({"run", "--store", db, "--virtual-time", "--name", "e1", flow});
  CHECK(again.exit_code == 2);
  CHECK(again.err ==
        "fnf: ExecutionAlreadyExists: Execution e1 for flow napper already "
        "exists.\n");

  auto store = OpenSqliteStore(db);
  REQUIRE(store.ok());
  EngineOptions options;
  options.worker_threads = 0;
  options.store = *store;
  Engine engine(options);
  auto e = engine.DescribeExecution("napper", "e1");
  REQUIRE(e.ok());
  CHECK(e->status == ExecutionStatus::kSucceeded);
  CHECK(e->output == R"({"a":1})");
}

TEST_CASE(
    "fnf run --store continues an execution a previous process left "
    "running",
    "[cli][store]") {
  TempDir dir;
  const std::string db = dir.path() + "/fnf.db";
  const std::string flow = dir.Write("napper.yaml", kFlow);
  {
    // A host that started e2 and went away while it waited (its clock never
    // moved): the Wait is due long ago by the real clock.
    auto store = OpenSqliteStore(db);
    REQUIRE(store.ok());
    ManualClock clock;
    EngineOptions options;
    options.worker_threads = 0;
    options.clock = &clock;
    options.store = *store;
    Engine engine(options);
    CreateFlowRequest create;
    create.name = "napper";
    create.definition = kFlow;
    REQUIRE(engine.CreateFlow(create).ok());
    StartExecutionRequest start;
    start.flow_name = "napper";
    start.execution_name = "e2";
    start.input = R"({"b":2})";
    REQUIRE(engine.StartExecution(start).ok());
    engine.RunReady();
    CHECK(engine.DescribeExecution("napper", "e2")->status ==
          ExecutionStatus::kRunning);
  }
  ToolRun resumed =
      RunTool({"run", "--store", db, "--name", "e2", "--history", flow});
  INFO(resumed.err);
  CHECK(resumed.exit_code == 0);
  rapidjson::Document out = ParseJson(resumed.out);
  CHECK(out["Status"] == "Succeeded");
  CHECK(out["Output"] == R"({"b":2})");
  CHECK(out["Input"] == R"({"b":2})");
  // One history: started once, by the first host.
  int started = 0;
  for (const auto& ev : out["Events"].GetArray()) {
    if (ev["Type"] == "ExecutionStarted") ++started;
  }
  CHECK(started == 1);
}

TEST_CASE(
    "fnf run --store refuses a store another process holds, and a file "
    "that is not a store",
    "[cli][store]") {
  TempDir dir;
  const std::string db = dir.path() + "/fnf.db";
  const std::string flow = dir.Write("napper.yaml", kFlow);
  {
    auto held = OpenSqliteStore(db);
    REQUIRE(held.ok());
    ToolRun locked = RunTool({"run", "--store", db, flow});
    CHECK(locked.exit_code == 2);
    CHECK(locked.err.rfind(
              "fnf: PreconditionFailed: store " + db + " is in use by process ",
              0) == 0);
  }
  const std::string text = dir.Write("notes.txt", "not a database at all\n");
  ToolRun wrong = RunTool({"run", "--store", text, flow});
  CHECK(wrong.exit_code == 2);
  CHECK(wrong.err == "fnf: InvalidArgument: store " + text +
                         " is not an fnf store (the file is not an SQLite "
                         "database).\n");
}

}  // namespace
}  // namespace fnf::testing
