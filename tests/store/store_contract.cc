#include "tests/store/store_contract.h"

#include <mutex>
#include <string>
#include <vector>

#include "definition/compiler.h"
#include "store/store.h"
#include "tests/testing/catch.h"

namespace fnf::testing {

using internal::ExecPtr;
using internal::FlowRecord;
using internal::SameName;
using internal::Store;

FlowRecord TestFlow(const std::string& name) {
  static const Limits kLimits;
  const std::string definition =
      "Type: StateMachine\nSpecVersion: v1\nStartAt: A\n"
      "States:\n  - {Type: Pass, Name: A, End: true}\n";
  internal::CompileResult compiled =
      internal::CompileDefinition(definition, {&kLimits, false});
  REQUIRE(compiled.flow);
  FlowRecord f;
  f.meta.name = name;
  f.meta.id = "id-" + name;
  f.meta.definition = definition;
  f.meta.type = "FDL";
  f.meta.execution_mode = "Standard";
  f.meta.created_time = f.meta.last_modified_time = "2019-01-01T00:00:00.000Z";
  auto version = std::make_shared<internal::FlowVersion>();
  version->definition = definition;
  version->compiled = compiled.flow;
  f.version = std::move(version);
  return f;
}

ExecPtr TestExecution(const FlowRecord& flow, const std::string& name,
                      int64_t started_ms) {
  auto exec = std::make_shared<internal::ExecutionState>();
  exec->flow_name = flow.meta.name;
  exec->name = name;
  exec->version = flow.version;
  exec->input_text = "{}";
  exec->input = internal::Json::MakeObject();
  exec->started_ms = started_ms;
  return exec;
}

void EndExecution(Store& store, const ExecPtr& exec, int64_t stopped_ms) {
  {
    std::lock_guard<std::mutex> l(exec->mu);
    exec->status = ExecutionStatus::kSucceeded;
    exec->stopped_ms = stopped_ms;
    exec->output = "{}";
    REQUIRE(store.Save(*exec).ok());
  }
  store.ExecutionEnded(exec, stopped_ms);
}

namespace {

std::vector<std::string> Names(const Page<Flow>& page) {
  std::vector<std::string> out;
  for (const Flow& f : page.items) out.push_back(f.name);
  return out;
}

std::vector<std::string> Names(const Page<Execution>& page) {
  std::vector<std::string> out;
  for (const Execution& e : page.items) out.push_back(e.name);
  return out;
}

// Creates `name` as a new execution of `flow`; fails the test when refused.
ExecPtr Start(Store& store, const FlowRecord& flow, const std::string& name) {
  StatusOr<ExecPtr> created =
      store.CreateExecution(TestExecution(flow, name), SameName::kRefuse);
  REQUIRE(created.ok());
  return *created;
}

void CheckFlows(Store& store) {
  REQUIRE(store.CreateFlow(TestFlow("f1")).ok());
  Status dup = store.CreateFlow(TestFlow("f1"));
  CHECK(dup.code() == "FlowAlreadyExists");
  CHECK(dup.message() == "Flow f1 already exists.");

  StatusOr<FlowRecord> got = store.GetFlow("f1");
  REQUIRE(got.ok());
  CHECK(got->meta.id == "id-f1");
  REQUIRE(got->version);
  CHECK(got->version->definition == got->meta.definition);
  CHECK(store.GetFlow("nope").status().message() ==
        "Flow nope does not exist.");
  StatusOr<std::shared_ptr<const internal::FlowVersion>> version =
      store.GetFlowVersion("f1");
  REQUIRE(version.ok());
  CHECK((*version)->definition == got->meta.definition);
  CHECK(store.GetFlowVersion("nope").status().code() == "FlowNotExists");

  StatusOr<Flow> updated = store.UpdateFlow(
      "f1", [](FlowRecord* f) { f->meta.description = "changed"; });
  REQUIRE(updated.ok());
  CHECK(updated->description == "changed");
  CHECK(store.GetFlow("f1")->meta.description == "changed");
  CHECK(store.UpdateFlow("nope", [](FlowRecord*) {}).status().code() ==
        "FlowNotExists");

  REQUIRE(store.CreateFlow(TestFlow("f2")).ok());
  REQUIRE(store.CreateFlow(TestFlow("g1")).ok());
  StatusOr<Page<Flow>> page = store.ListFlows("", "", 2);
  REQUIRE(page.ok());
  CHECK(Names(*page) == std::vector<std::string>{"f1", "f2"});
  CHECK(page->next_token == "g1");
  page = store.ListFlows("", page->next_token, 2);
  CHECK(Names(*page) == std::vector<std::string>{"g1"});
  CHECK(page->next_token.empty());
  CHECK(Names(*store.ListFlows("f", "", 10)) ==
        std::vector<std::string>{"f1", "f2"});

  REQUIRE(store.DeleteFlow("f2").ok());
  CHECK(store.GetFlow("f2").status().code() == "FlowNotExists");
  CHECK(store.DeleteFlow("f2").message() == "Flow f2 does not exist.");
}

void CheckSameNameRules(Store& store) {
  FlowRecord flow = TestFlow("f");
  REQUIRE(store.CreateFlow(flow).ok());
  ExecPtr first = Start(store, flow, "e1");
  CHECK(first->seq > 0);

  // A running execution of the name is returned under kReturnRunning ...
  StatusOr<ExecPtr> again = store.CreateExecution(TestExecution(flow, "e1"),
                                                  SameName::kReturnRunning);
  REQUIRE(again.ok());
  CHECK((*again)->name == "e1");
  CHECK((*again)->seq == first->seq);
  // ... and refused under kRefuse.
  Status refused =
      store.CreateExecution(TestExecution(flow, "e1"), SameName::kRefuse)
          .status();
  CHECK(refused.code() == "ExecutionAlreadyExists");
  CHECK(refused.message() == "Execution e1 for flow f already exists.");

  // An ended one is refused either way.
  EndExecution(store, first, 2000);
  CHECK(
      store.CreateExecution(TestExecution(flow, "e1"), SameName::kReturnRunning)
          .status()
          .code() == "ExecutionAlreadyExists");

  ExecPtr second = Start(store, flow, "e2");
  CHECK(second->seq > first->seq);

  FlowRecord missing = TestFlow("nope");
  CHECK(store.CreateExecution(TestExecution(missing, "e"), SameName::kRefuse)
            .status()
            .message() == "Flow nope does not exist.");
}

void CheckFindAndList(Store& store) {
  FlowRecord flow = TestFlow("f");
  REQUIRE(store.CreateFlow(flow).ok());
  ExecPtr a = Start(store, flow, "a1");
  Start(store, flow, "a2");
  Start(store, flow, "b1");
  EndExecution(store, a, 5000);

  StatusOr<ExecPtr> found = store.FindExecution("f", "a1");
  REQUIRE(found.ok());
  CHECK((*found)->name == "a1");
  {
    std::lock_guard<std::mutex> l((*found)->mu);
    CHECK((*found)->status == ExecutionStatus::kSucceeded);
  }
  Status missing = store.FindExecution("f", "zz").status();
  CHECK(missing.code() == "ExecutionNotExists");
  CHECK(missing.message() == "Execution zz for flow f does not exist.");
  CHECK(store.FindExecution("nope", "a1").status().code() == "FlowNotExists");

  internal::ExecutionQuery q;
  q.flow_name = "f";
  q.limit = 2;
  StatusOr<Page<Execution>> page = store.ListExecutions(q);
  REQUIRE(page.ok());
  CHECK(Names(*page) == std::vector<std::string>{"a1", "a2"});
  CHECK(page->next_token == "b1");
  CHECK(page->items[0].status == ExecutionStatus::kSucceeded);
  CHECK(page->items[0].stopped_time == "1970-01-01T00:00:05.000Z");
  CHECK(page->items[1].status == ExecutionStatus::kRunning);
  q.start_after = page->next_token;
  CHECK(Names(*store.ListExecutions(q)) == std::vector<std::string>{"b1"});

  q = {};
  q.flow_name = "f";
  q.name_prefix = "a";
  q.status = ExecutionStatus::kRunning;
  CHECK(Names(*store.ListExecutions(q)) == std::vector<std::string>{"a2"});
  q.flow_name = "nope";
  CHECK(store.ListExecutions(q).status().code() == "FlowNotExists");
}

void CheckDeleteFlowWithExecutions(Store& store) {
  FlowRecord flow = TestFlow("f");
  REQUIRE(store.CreateFlow(flow).ok());
  ExecPtr e = Start(store, flow, "e1");
  Status busy = store.DeleteFlow("f");
  CHECK(busy.code() == "InvalidArgument");
  CHECK(busy.message() ==
        "Flow f has running executions (e1); stop them before deleting the "
        "flow.");
  EndExecution(store, e, 2000);
  REQUIRE(store.DeleteFlow("f").ok());
  REQUIRE(store.CreateFlow(flow).ok());
  // The flow's executions went with it: the name is free again.
  CHECK(store.FindExecution("f", "e1").status().code() == "ExecutionNotExists");
  Start(store, flow, "e1");
}

void CheckTaskTokens(Store& store) {
  internal::TaskTokenRecord r;
  r.flow_name = "f";
  r.execution_name = "e";
  r.execution_seq = 7;
  r.frame_id = 3;
  r.generation = 4;
  r.slot = 2;
  CHECK(store.OutstandingTaskTokens() == 0);
  store.PutTaskToken("t1", r);
  store.PutTaskToken("t2", r);
  CHECK(store.OutstandingTaskTokens() == 2);

  StatusOr<internal::TaskTokenRecord> closed = store.CloseTaskToken("t1");
  REQUIRE(closed.ok());
  CHECK(closed->flow_name == "f");
  CHECK(closed->execution_name == "e");
  CHECK(closed->execution_seq == 7);
  CHECK(closed->frame_id == 3);
  CHECK(closed->generation == 4);
  CHECK(closed->slot == 2);
  CHECK(store.OutstandingTaskTokens() == 1);

  // The first report wins.
  Status second = store.CloseTaskToken("t1").status();
  CHECK(second.code() == "TaskAlreadyCompleted");
  CHECK(second.message() == "Task t1 has already completed.");
  Status unknown = store.CloseTaskToken("t9").status();
  CHECK(unknown.code() == "InvalidArgument");
  CHECK(unknown.message() == "Task token 't9' is not valid.");

  // A task that ended another way (timeout, catch, stop).
  store.FinishTaskToken("t2");
  store.FinishTaskToken("t9");  // ignored
  CHECK(store.OutstandingTaskTokens() == 0);
  CHECK(store.CloseTaskToken("t2").status().code() == "TaskAlreadyCompleted");
}

void CheckRetention(Store& store) {
  FlowRecord flow = TestFlow("f");
  REQUIRE(store.CreateFlow(flow).ok());
  std::vector<ExecPtr> execs;
  for (int i = 0; i < 5; ++i) {
    execs.push_back(Start(store, flow, "e" + std::to_string(i)));
  }
  ExecPtr running = Start(store, flow, "running");
  // End them out of name order: e3 first, e0 last.
  const int order[] = {3, 1, 4, 2, 0};
  for (int k = 0; k < 5; ++k) {
    EndExecution(store, execs[order[k]], 10000 + k * 1000);
  }
  internal::RetentionRule rule;
  rule.max_ended_executions = 3;
  CHECK(store.Evict(rule, 20000) == 2);
  CHECK(store.FindExecution("f", "e3").status().code() == "ExecutionNotExists");
  CHECK(store.FindExecution("f", "e1").status().code() == "ExecutionNotExists");
  CHECK(store.FindExecution("f", "e4").ok());
  CHECK(store.FindExecution("f", "running").ok());
  CHECK(store.Evict(rule, 20000) == 0);
  // An evicted name can be used again.
  Start(store, flow, "e3");

  // By age: e4 ended at 12000, e2 at 13000, e0 at 14000.
  rule = {};
  rule.max_age_ms = 5000;
  CHECK(store.Evict(rule, 17999) == 1);  // only e4 is 5 s old
  CHECK(store.FindExecution("f", "e4").status().code() == "ExecutionNotExists");
  CHECK(store.Evict(rule, 100000) == 2);
  CHECK(store.FindExecution("f", "e0").status().code() == "ExecutionNotExists");
  CHECK(store.FindExecution("f", "running").ok());
  CHECK(store.FindExecution("f", "e3").ok());

  // Closed task token records are bounded too: the oldest are forgotten.
  internal::TaskTokenRecord r;
  for (int i = 0; i < 4; ++i) {
    store.PutTaskToken("t" + std::to_string(i), r);
    REQUIRE(store.CloseTaskToken("t" + std::to_string(i)).ok());
  }
  rule = {};
  rule.max_ended_executions = 2;
  store.Evict(rule, 100000);
  CHECK(store.CloseTaskToken("t0").status().code() == "InvalidArgument");
  CHECK(store.CloseTaskToken("t3").status().code() == "TaskAlreadyCompleted");
}

}  // namespace

void CheckStoreContract(const StoreFactory& make) {
  std::unique_ptr<Store> store = make();
  REQUIRE(store);
  SECTION("flows: create, duplicate, get, update, list, delete") {
    CheckFlows(*store);
  }
  SECTION("executions: atomic create with the same-name rules") {
    CheckSameNameRules(*store);
  }
  SECTION("executions: find and list with paging") { CheckFindAndList(*store); }
  SECTION("flows with executions: delete refused while running") {
    CheckDeleteFlowWithExecutions(*store);
  }
  SECTION("task tokens: first report wins") { CheckTaskTokens(*store); }
  SECTION("retention: oldest ended first, by count and by age") {
    CheckRetention(*store);
  }
}

}  // namespace fnf::testing
