// The legacy parser: list order and gotos into IR transitions, every step type
// with every field, nested steps as scopes, the compiled data-flow parts
// (docs/legacy-fdl.md; docs/behaviour.md).
#include "definition/legacy/parser.h"

#include "common/flow_error.h"
#include "tests/legacy/legacy_testing.h"

namespace fnf::internal::legacy {
namespace {

using legacy_testing::Flow;
using legacy_testing::Valid;

const State& At(const Scope& scope, size_t i) {
  REQUIRE(i < scope.states.size());
  return scope.states[i];
}

TEST_CASE("list order, end, and goto indices", "[legacy][parser]") {
  auto flow = Valid(Flow(R"(
  - type: pass
    name: a
  - type: choice
    name: c
    choices:
      - condition: $.x == 1
        goto: d
      - condition: $.x == 2
        goto: a
  - type: pass
    name: b
    end: true
  - type: pass
    name: d
    end: false
  - type: succeed
    name: s
)"));
  CHECK(flow->dialect == Dialect::kLegacy);
  const Scope& top = flow->top;
  CHECK(top.path.empty());
  CHECK(top.start == 0);
  REQUIRE(top.states.size() == 5);
  for (size_t i = 0; i < 5; ++i) CHECK(top.states[i].index == int(i));
  CHECK(At(top, 0).name == "a");
  CHECK(At(top, 0).path == "steps[0]");
  CHECK(At(top, 0).type == StateType::kPass);
  CHECK((At(top, 0).next == 1 && !At(top, 0).end));
  CHECK((At(top, 1).next == 2 && !At(top, 1).end));
  CHECK(At(top, 1).choices[0].next == 3);  // forward goto
  CHECK(At(top, 1).choices[1].next == 0);  // back-edge
  CHECK((At(top, 2).next == -1 && At(top, 2).end));
  CHECK((At(top, 3).next == 4 && !At(top, 3).end));
  CHECK((At(top, 4).next == -1 && At(top, 4).end));  // last; succeed
  CHECK(At(top, 4).type == StateType::kSucceed);
  for (const State& s : top.states) REQUIRE(s.legacy != nullptr);
  REQUIRE(flow->legacy != nullptr);
  CHECK_FALSE(flow->legacy->input_mappings);
  CHECK_FALSE(flow->legacy->output_mappings);
  CHECK_FALSE(flow->timeout_seconds);
  CHECK(flow->name.empty());
}

TEST_CASE("document level: versions, timeout, mappings, unknown keys",
          "[legacy][parser]") {
  for (const char* version : {"v1", "v1beta1"}) {
    auto flow = Valid(std::string("version: ") + version + R"(
type: flow
name: ignored_name
description: unknown keys are ignored
timeoutSeconds: 3600
inputMappings:
  - target: a
    source: $input.x
  - target: token
    source: $context.execution.name
outputMappings:
  - target: out
    source: $local.r
  - target: in
    source: $input
steps:
  - type: pass
    name: p
    whatever: 1
)");
    CHECK(flow->timeout_seconds == 3600);
    CHECK(flow->name.empty());
    REQUIRE(flow->legacy->input_mappings);
    REQUIRE(flow->legacy->input_mappings->size() == 2);
    const Mapping& a = (*flow->legacy->input_mappings)[0];
    CHECK(a.target == "a");
    REQUIRE(a.source.path);
    CHECK(a.source.path->root == PathRoot::kInput);
    CHECK(a.source.path->text == "$input.x");
    CHECK((*flow->legacy->input_mappings)[1].source.path->root ==
          PathRoot::kContext);
    REQUIRE(flow->legacy->output_mappings);
    CHECK((*flow->legacy->output_mappings)[0].source.path->root ==
          PathRoot::kLocal);
  }
}

TEST_CASE("JSON definitions are accepted too", "[legacy][parser]") {
  auto flow = Valid(R"({"version": "v1", "type": "flow",
      "steps": [{"type": "pass", "name": "p",
                 "inputMappings": [{"target": "n", "source": 5}]}]})");
  const Mapping& m = (*At(flow->top, 0).legacy->input_mappings)[0];
  CHECK_FALSE(m.source.path);
  CHECK(m.source.constant == Json(5));
}

TEST_CASE("step mappings: paths and literals", "[legacy][parser]") {
  auto flow = Valid(Flow(R"(
  - type: pass
    name: p
    inputMappings:
      - target: whole
        source: $input
      - target: first
        source: $input.key_info[0]
      - target: names
        source: $local[*].name
      - target: s
        source: pass1
      - target: email
        source: dummy_email@dummy_address
      - target: n
        source: 52428800
      - target: list
        source: ["A", "B", "C"]
      - target: dollar
        source: $.not_a_path_here
      - target: map
        source: {k: v}
      - target: b
        source: true
      - target: z
        source: null
    outputMappings: []
)"));
  const LegacyStep& l = *At(flow->top, 0).legacy;
  REQUIRE(l.input_mappings);
  const Mappings& m = *l.input_mappings;
  REQUIRE(m.size() == 11);
  CHECK(m[0].source.path->segments.empty());
  CHECK(m[1].source.path->segments.size() == 2);
  CHECK(m[2].source.path->has_wildcard);
  CHECK(m[3].source.constant == Json("pass1"));
  CHECK(m[4].source.constant == Json("dummy_email@dummy_address"));
  CHECK(m[5].source.constant == Json(52428800));
  CHECK(m[6].source.constant.Serialize() == R"(["A","B","C"])");
  // docs/legacy-fdl.md: only $input, $local and $context start paths.
  CHECK(m[7].source.constant == Json("$.not_a_path_here"));
  CHECK(m[8].source.constant.Serialize() == R"({"k":"v"})");
  CHECK(m[9].source.constant == Json(true));
  CHECK(m[10].source.constant.is_null());
  for (size_t i = 3; i < m.size(); ++i) CHECK_FALSE(m[i].source.path);
  // Present but empty is not the same as absent.
  REQUIRE(l.output_mappings);
  CHECK(l.output_mappings->empty());
  CHECK_FALSE(l.error_mappings);
  CHECK_FALSE(l.service_params);
  CHECK_FALSE(l.foreach_collection);
}

TEST_CASE("task: every field", "[legacy][parser]") {
  auto flow = Valid(Flow(R"(
  - type: task
    name: t
    resourceArn: acs:fc:::services/s/functions/f
    pattern: waitForCallback
    timeoutSeconds: 30
    inputMappings:
      - target: taskToken
        source: $context.task.token
    outputMappings:
      - target: r
        source: $local.result
    serviceParams:
      Input: $
      ExecutionName: $.name
      Token: $context.task.token
      Priority: 1
      Nested: {a: $.x}
    errorMappings:
      - target: errCode
        source: $local.error
      - target: errMsg
        source: $local.cause
    retry:
      - errors: [FC.ResourceThrottled, FnF.TaskTimeout]
        intervalSeconds: 10
        maxIntervalSeconds: 100
        maxAttempts: 5
        multiplier: 1.5
      - errors: [FnF.ALL]
    catch:
      - errors: [FnF.TaskTimeout]
        goto: timeout
      - errors: [FnF.ALL]
        goto: failed
  - type: pass
    name: ok
    end: true
  - type: pass
    name: timeout
    end: true
  - type: fail
    name: failed
)"));
  const State& t = At(flow->top, 0);
  CHECK(t.type == StateType::kTask);
  REQUIRE(t.task);
  CHECK(t.task->action.empty());
  CHECK(t.task->resource_arn == "acs:fc:::services/s/functions/f");
  CHECK(t.task->mode == TaskMode::kWaitForCustomCallback);
  CHECK(t.task->mode_name == "waitForCallback");
  CHECK(t.task->timeout_seconds == 30);
  CHECK(t.task->parameters.empty());  // serviceParams live in LegacyStep
  REQUIRE(t.retry.size() == 2);
  CHECK(t.retry[0].errors ==
        std::vector<std::string>{"FC.ResourceThrottled", "FnF.TaskTimeout"});
  CHECK(t.retry[0].interval_seconds == 10);
  CHECK(t.retry[0].max_backoff_seconds == 100);
  CHECK(t.retry[0].max_attempts == 5);
  CHECK(t.retry[0].backoff_rate == 1.5);
  // Defaults: docs/behaviour.md, docs/legacy-fdl.md
  CHECK(t.retry[1].errors == std::vector<std::string>{"FnF.ALL"});
  CHECK(t.retry[1].interval_seconds == 1);
  CHECK(t.retry[1].max_attempts == 3);
  CHECK(t.retry[1].backoff_rate == 2);
  CHECK(t.retry[1].max_backoff_seconds == 86400);
  REQUIRE(t.catchers.size() == 2);
  CHECK(t.catchers[0].errors == std::vector<std::string>{"FnF.TaskTimeout"});
  CHECK(t.catchers[0].next == 2);
  CHECK(t.catchers[1].next == 3);
  CHECK(t.catchers[0].output.empty());
  const LegacyStep& l = *t.legacy;
  REQUIRE(l.service_params);
  REQUIRE(l.service_params->size() == 5);
  const Mappings& sp = *l.service_params;
  CHECK(sp[0].target == "Input");
  CHECK(sp[0].source.path->segments.empty());
  CHECK(sp[1].source.path->segments[0].key == "name");
  CHECK(sp[2].source.path->root == PathRoot::kContext);
  CHECK(sp[3].source.constant == Json(1));
  // Only top-level values are paths; nested values are literals.
  CHECK(sp[4].source.constant.Serialize() == R"({"a":"$.x"})");
  REQUIRE(l.error_mappings);
  CHECK(l.error_mappings->size() == 2);
  REQUIRE(l.input_mappings);
  REQUIRE(l.output_mappings);
  CHECK(At(flow->top, 3).fail_code == "FnF.Failed");
}

TEST_CASE("task: patterns and defaults", "[legacy][parser]") {
  auto flow = Valid(Flow(R"(
  - type: task
    name: a
    resourceArn: acs:fnf:::flow/child
  - type: task
    name: b
    resourceArn: acs:fnf:::flow/child
    pattern: sync
    timeoutSeconds: "45"
  - type: task
    name: c
    resourceArn: arn
    pattern: requestResponse
    timeoutSeconds: 0
)"));
  const TaskSpec& a = *At(flow->top, 0).task;
  CHECK(a.resource_arn == "acs:fnf:::flow/child");
  CHECK(a.action.empty());
  CHECK(a.mode == TaskMode::kRequestComplete);
  CHECK(a.mode_name == "requestResponse");
  CHECK_FALSE(a.timeout_seconds);
  CHECK(At(flow->top, 0).retry.empty());
  CHECK(At(flow->top, 0).catchers.empty());
  const TaskSpec& b = *At(flow->top, 1).task;
  CHECK(b.mode == TaskMode::kWaitForSystemCallback);
  CHECK(b.mode_name == "sync");
  CHECK(b.timeout_seconds == 45);
  const TaskSpec& c = *At(flow->top, 2).task;
  CHECK(c.mode == TaskMode::kRequestComplete);
  CHECK_FALSE(c.timeout_seconds);  // 0: none
}

TEST_CASE("wait: duration and timestamp, constant or path",
          "[legacy][parser]") {
  auto flow = Valid(Flow(R"(
  - type: wait
    name: a
    duration: 20
  - type: wait
    name: b
    duration: $.wait
  - type: wait
    name: c
    timestamp: 2019-05-02T15:04:05Z
  - type: wait
    name: d
    timestamp: $.wait_timestamp
  - type: wait
    name: e
    duration: "0"
  - type: wait
    name: f
    duration: 172800
)"));
  const WaitSpec& a = *At(flow->top, 0).wait;
  CHECK(a.seconds == 20);
  CHECK_FALSE(a.seconds_expr.valid());
  CHECK_FALSE(a.timestamp);
  const WaitSpec& b = *At(flow->top, 1).wait;
  CHECK_FALSE(b.seconds);
  REQUIRE(b.seconds_expr.valid());
  CHECK(b.seconds_expr.text() == "$.wait");
  const WaitSpec& c = *At(flow->top, 2).wait;
  CHECK(c.timestamp == "2019-05-02T15:04:05Z");
  CHECK_FALSE(c.seconds);
  const WaitSpec& d = *At(flow->top, 3).wait;
  REQUIRE(d.timestamp_expr.valid());
  CHECK(d.timestamp_expr.text() == "$.wait_timestamp");
  CHECK(At(flow->top, 4).wait->seconds == 0);
  CHECK(At(flow->top, 5).wait->seconds == 172800);
}

TEST_CASE("choice: conditions, nested steps, gotos, default",
          "[legacy][parser]") {
  auto flow = Valid(Flow(R"(
  - type: choice
    name: c
    inputMappings:
      - target: status
        source: $input.status
    choices:
      - condition: $.status == "ready"
        steps:
          - type: pass
            name: inner1
          - type: pass
            name: inner2
      - condition: $.status == "failed" && $local.x == null
        goto: final
      - condition: $.has_more
        steps:
          - type: pass
            name: inner3
        goto: c
      - condition: true
    default:
      steps:
        - type: pass
          name: inner4
      goto: final
  - type: pass
    name: after
  - type: pass
    name: final
)"));
  const State& c = At(flow->top, 0);
  CHECK(c.type == StateType::kChoice);
  CHECK(c.next == 1);
  REQUIRE(c.choices.size() == 4);
  for (const ChoiceBranch& b : c.choices) CHECK(b.condition.valid());
  CHECK(c.choices[0].condition.text() == R"($.status == "ready")");
  CHECK(c.choices[0].next == -1);
  REQUIRE(c.choices[0].steps);
  const Scope& s0 = *c.choices[0].steps;
  CHECK(s0.path == "steps[0].choices[0]");
  REQUIRE(s0.states.size() == 2);
  CHECK(s0.states[0].path == "steps[0].choices[0].steps[0]");
  CHECK(s0.states[0].next == 1);
  CHECK(s0.states[1].end);
  CHECK(c.choices[1].next == 2);
  CHECK_FALSE(c.choices[1].steps);
  CHECK(c.choices[2].next == 0);
  REQUIRE(c.choices[2].steps);
  CHECK(c.choices[2].steps->states[0].name == "inner3");
  CHECK(c.choices[3].condition.text() == "true");
  CHECK(c.choices[3].next == -1);
  CHECK_FALSE(c.choices[3].steps);
  CHECK(c.default_next == 2);
  REQUIRE(c.default_steps);
  CHECK(c.default_steps->path == "steps[0].default");
  CHECK(c.default_steps->states[0].path == "steps[0].default.steps[0]");
  CHECK(c.default_steps->states[0].name == "inner4");
}

TEST_CASE("choice without default or branches' steps", "[legacy][parser]") {
  auto flow = Valid(Flow(R"(
  - type: choice
    name: c
    end: true
    choices:
      - condition: $.a
        steps: []
)"));
  const State& c = At(flow->top, 0);
  CHECK(c.end);
  CHECK(c.next == -1);
  CHECK_FALSE(c.choices[0].steps);
  CHECK(c.choices[0].next == -1);
  CHECK_FALSE(c.default_steps);
  CHECK(c.default_next == -1);
}

TEST_CASE("parallel: branches become scopes", "[legacy][parser]") {
  auto flow = Valid(Flow(R"(
  - type: parallel
    name: p
    outputMappings:
      - target: results
        source: $local[*].result
    branches:
      - steps:
          - type: pass
            name: b0
      - steps:
          - type: task
            name: b1
            resourceArn: arn
          - type: pass
            name: b1b
)"));
  const State& p = At(flow->top, 0);
  CHECK(p.type == StateType::kParallel);
  REQUIRE(p.branches.size() == 2);
  CHECK(p.branches[0]->path == "steps[0].branches[0]");
  CHECK(p.branches[0]->states[0].path == "steps[0].branches[0].steps[0]");
  CHECK(p.branches[1]->states.size() == 2);
  CHECK(p.branches[1]->states[0].next == 1);
  CHECK(p.branches[1]->states[1].end);
  CHECK(p.legacy->output_mappings->at(0).source.path->has_wildcard);
}

TEST_CASE("foreach: iterationMapping, steps, maxConcurrency",
          "[legacy][parser]") {
  auto flow = Valid(Flow(R"(
  - type: foreach
    name: f
    iterationMapping:
      collection: $.names
      item: name
      index: i
    maxConcurrency: 5
    steps:
      - type: pass
        name: each
  - type: foreach
    name: g
    iterationMapping:
      collection: $input.list[*].x
      item: x
    steps:
      - type: pass
        name: each2
)"));
  const State& f = At(flow->top, 0);
  CHECK(f.type == StateType::kMap);
  REQUIRE(f.map);
  CHECK(f.map->legacy_item_name == "name");
  CHECK(f.map->legacy_index_name == "i");
  CHECK(f.map->max_concurrency == 5);
  CHECK_FALSE(f.map->items_path.valid());
  REQUIRE(f.map->processor);
  CHECK(f.map->processor->path == "steps[0]");
  CHECK(f.map->processor->states[0].path == "steps[0].steps[0]");
  REQUIRE(f.legacy->foreach_collection);
  CHECK(f.legacy->foreach_collection->text == "$.names");
  const State& g = At(flow->top, 1);
  CHECK(g.map->legacy_item_name == "x");
  CHECK(g.map->legacy_index_name.empty());
  CHECK(g.map->max_concurrency == 100);  // Limits::legacy_foreach_concurrency
  CHECK(g.legacy->foreach_collection->has_wildcard);
}

TEST_CASE("fail fields", "[legacy][parser]") {
  auto flow = Valid(Flow(R"(
  - type: choice
    name: c
    choices:
      - condition: $.ok
        goto: s
      - condition: $.other
        goto: f2
    default:
      goto: f
  - type: succeed
    name: s
    end: false
  - type: fail
    name: f
    error: MyError
    cause: it broke
  - type: fail
    name: f2
)"));
  const State& s = At(flow->top, 1);
  CHECK((s.end && s.next == -1));
  const State& f = At(flow->top, 2);
  CHECK(f.type == StateType::kFail);
  CHECK((f.end && f.next == -1));
  CHECK(f.fail_code == "MyError");
  CHECK(f.fail_has_code);
  CHECK(f.fail_detail == "it broke");
  const State& f2 = At(flow->top, 3);
  CHECK(f2.fail_code == std::string(kErrFailed));
  CHECK_FALSE(f2.fail_has_code);
  CHECK(f2.fail_detail.empty());
}

TEST_CASE("nested steps share the flow-wide name space and gotos stay local",
          "[legacy][parser]") {
  auto flow = Valid(Flow(R"(
  - type: parallel
    name: p
    branches:
      - steps:
          - type: task
            name: t
            resourceArn: arn
            catch:
              - errors: [FnF.ALL]
                goto: recover
          - type: succeed
            name: done
          - type: pass
            name: recover
)"));
  const Scope& b = *At(flow->top, 0).branches[0];
  CHECK(b.states[0].catchers[0].next == 2);
}

}  // namespace
}  // namespace fnf::internal::legacy
