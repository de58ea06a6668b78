// Legacy definition problems: each reported with its path and line:column,
// all of them at once (docs/behaviour.md; docs/legacy-fdl.md).
#include "tests/legacy/legacy_testing.h"

namespace fnf::internal::legacy {
namespace {

using legacy_testing::Flow;
using legacy_testing::Problems;
using Lines = std::vector<std::string>;

TEST_CASE("document problems", "[legacy][parser][errors]") {
  CHECK(Problems("version: v2\ntype: flow\nsteps:\n  - type: pass\n"
                 "    name: p\n") ==
        Lines{"1:10: version: unsupported version 'v2' (expected v1 or "
              "v1beta1)"});
  CHECK(Problems("type: flow\nsteps:\n  - type: pass\n    name: p\n") ==
        Lines{"1:1: missing required field 'version'"});
  CHECK(Problems("version: v1\ntype: flow\nsteps: []\n") ==
        Lines{"3:8: steps: must list at least one step"});
  CHECK(Problems("version: v1\ntype: flow\nsteps: {}\n") ==
        Lines{"3:8: steps: must be a list, found object"});
  CHECK(Problems("version: v1\ntype: flow\ntimeoutSeconds: 0\nsteps:\n"
                 "  - type: pass\n    name: p\n") ==
        Lines{"3:17: timeoutSeconds: timeoutSeconds must be between 1 and "
              "31536000 seconds, got 0"});
  CHECK(Problems("version: v1\ntype: flow\ninputMappings:\n"
                 "  - target: a\n    source: $local.x\nsteps:\n"
                 "  - type: pass\n    name: p\n") ==
        Lines{"5:13: inputMappings[0].source: $local is not available here; "
              "use $input, $context at offset 0 in '$local.x'"});
}

TEST_CASE("step problems", "[legacy][parser][errors]") {
  CHECK(Problems(Flow(R"(
  - type: pass
  - type: pass
    name: ""
  - type: pass
    name: a
  - type: pass
    name: a
  - name: b
  - type: Pass
    name: c
  - type: pass
    name: d
    end: "yes"
  - 5
)")) == Lines{
            "5:5: steps[0]: missing required field 'name'",
            "7:11: steps[1].name: step name must not be empty",
            "11:11: steps[3].name: duplicate step name 'a' (also at "
            "steps[2])",
            "12:5: steps[4]: missing required field 'type'",
            "13:11: steps[5].type: unknown step type 'Pass' (expected "
            "task, pass, wait, choice, parallel, foreach, succeed or fail) "
            "(did you mean 'pass'?)",
            "17:10: steps[6].end: must be a boolean, found string",
            "18:5: steps[7]: expected an object, found number",
        });
  std::string long_name(129, 'x');
  CHECK(Problems(Flow("  - type: pass\n    name: " + long_name + "\n")) ==
        Lines{"5:11: steps[0].name: step name is longer than 128 characters"});
}

TEST_CASE("names are unique across nested steps", "[legacy][parser][errors]") {
  CHECK(Problems(Flow(R"(
  - type: parallel
    name: p
    branches:
      - steps:
          - type: pass
            name: x
      - steps:
          - type: pass
            name: x
)")) == Lines{"13:19: steps[0].branches[1].steps[0].name: duplicate step "
              "name 'x' (also at steps[0].branches[0].steps[0])"});
}

TEST_CASE("goto targets must be siblings", "[legacy][parser][errors]") {
  CHECK(Problems(Flow(R"(
  - type: choice
    name: c
    choices:
      - condition: $.a
        goto: inner
        steps:
          - type: pass
            name: inner
          - type: choice
            name: c2
            choices:
              - condition: $.b
                goto: after
    default:
      goto: nowhere
  - type: pass
    name: after
  - type: task
    name: t
    resourceArn: arn
    catch:
      - errors: [FnF.ALL]
        goto: ""
      - errors: [FnF.ALL]
)")) == Lines{
            "9:15: steps[0].choices[0].goto: goto target 'inner' is not a "
            "step of the same steps list (steps)",
            "17:23: steps[0].choices[0].steps[1].choices[0].goto: goto "
            "target 'after' is not a step of the same steps list "
            "(steps[0].choices[0].steps)",
            "19:13: steps[0].default.goto: goto target 'nowhere' is not a "
            "step of the same steps list (steps)",
            "27:15: steps[2].catch[0].goto: goto needs a step name",
            "28:9: steps[2].catch[1]: missing required field 'goto'",
        });
}

TEST_CASE("unreachable steps (docs/behaviour.md)", "[legacy][parser][errors]") {
  CHECK(Problems(Flow(R"(
  - type: pass
    name: a
    end: true
  - type: pass
    name: b
  - type: succeed
    name: c
)")) == Lines{
            "8:5: steps[1]: step 'b' is unreachable: the steps before it "
            "end the list (end: true, succeed, fail, or a choice whose "
            "every branch has a goto) and no goto leads to it",
            "10:5: steps[2]: step 'c' is unreachable: the steps before it "
            "end the list (end: true, succeed, fail, or a choice whose "
            "every branch has a goto) and no goto leads to it",
        });
  // Every branch and the default jump: the next step is dead.
  CHECK(Problems(Flow(R"(
  - type: choice
    name: c
    choices:
      - condition: $.a
        goto: z
    default:
      goto: z
  - type: pass
    name: dead
  - type: pass
    name: z
)"))
            .size() == 1);
  // A branch without goto, or no default, carries on down the list.
  CHECK(Problems(Flow(R"(
  - type: choice
    name: c
    choices:
      - condition: $.a
        goto: z
  - type: pass
    name: alive
  - type: pass
    name: z
)"))
            .empty());
  // Steps after a fail inside nested steps, reached by a catch.
  CHECK(Problems(Flow(R"(
  - type: task
    name: t
    resourceArn: arn
    catch:
      - errors: [FnF.ALL]
        goto: handle
  - type: succeed
    name: done
  - type: pass
    name: handle
)"))
            .empty());
}

TEST_CASE("mapping problems", "[legacy][parser][errors]") {
  CHECK(Problems(Flow(R"(
  - type: pass
    name: p
    inputMappings:
      - target: a
      - source: $input.x
      - target: ""
        source: 1
      - target: b
        source: $input.a..b
      - target: c
        source: $context.nope
      - 7
    outputMappings: {}
)")) == Lines{
            "8:9: steps[0].inputMappings[0]: missing required field "
            "'source'",
            "9:9: steps[0].inputMappings[1]: missing required field "
            "'target'",
            "10:17: steps[0].inputMappings[2].target: must not be empty",
            "13:26: steps[0].inputMappings[3].source: expected a key after "
            "'.' at offset 9 in '$input.a..b'",
            "15:26: steps[0].inputMappings[4].source: $context has no member "
            "'nope' (it has task, execution, flow, step) at offset 9 in "
            "'$context.nope'",
            "16:9: steps[0].inputMappings[5]: expected an object, found "
            "number",
            "17:21: steps[0].outputMappings: must be a list, found object",
        });
}

TEST_CASE("task problems", "[legacy][parser][errors]") {
  CHECK(Problems(Flow(R"(
  - type: task
    name: t
    pattern: async
    timeoutSeconds: 1.5
    serviceParams:
      Input: $local
      Name: $.a[
    retry:
      - errors: []
        intervalSeconds: 86401
        maxIntervalSeconds: -1
        maxAttempts: -2
        multiplier: 0
      - errors: [""]
      - interval: 5
    catch:
      - errors: FnF.ALL
        goto: t
)")) == Lines{
            "5:5: steps[0]: missing required field 'resourceArn' or 'action'",
            "7:14: steps[0].pattern: unknown pattern 'async' (expected "
            "requestResponse, sync or waitForCallback) (did you mean "
            "'sync'?)",
            "8:21: steps[0].timeoutSeconds: timeoutSeconds must be a whole "
            "number of seconds from 0 to 31536000, got 1.5",
            "10:14: steps[0].serviceParams.Input: $local is not available "
            "here; use $, $input, $context at offset 0 in '$local'",
            "11:16: steps[0].serviceParams.Name: unclosed '[' at offset 3 "
            "in '$.a['",
            "13:17: steps[0].retry[0].errors: must list at least one error "
            "name",
            "14:26: steps[0].retry[0].intervalSeconds: intervalSeconds "
            "must be between 0 and 86400, got 86401",
            "15:29: steps[0].retry[0].maxIntervalSeconds: "
            "maxIntervalSeconds must be between 0 and 86400, got -1",
            "16:22: steps[0].retry[0].maxAttempts: maxAttempts must be "
            "between 0 and 1000000, got -2",
            "17:21: steps[0].retry[0].multiplier: multiplier must be "
            "positive, got 0",
            "18:18: steps[0].retry[1].errors[0]: an error name must be a "
            "non-empty string",
            "19:9: steps[0].retry[2]: missing required field 'errors'",
            "21:17: steps[0].catch[0].errors: must be a list, found string",
        });
}

TEST_CASE("wait problems", "[legacy][parser][errors]") {
  Limits limits;
  CHECK(Problems(Flow(R"(
  - type: wait
    name: a
  - type: wait
    name: b
    duration: 1
    timestamp: 2019-05-02T15:04:05Z
  - type: wait
    name: c
    duration: 172801
  - type: wait
    name: d
    duration: 1.5
  - type: wait
    name: e
    duration: -1
  - type: wait
    name: f
    duration: soon
  - type: wait
    name: g
    timestamp: tomorrow
  - type: wait
    name: h
    duration: $.a +
)")) == Lines{
            "5:5: steps[0]: a wait step needs duration or timestamp",
            "10:16: steps[1].timestamp: duration and timestamp cannot both "
            "be set",
            "13:15: steps[2].duration: duration must be a whole number of "
            "seconds from 0 to 172800, or a path such as $.wait; got "
            "172801",
            "16:15: steps[3].duration: duration must be a whole number of "
            "seconds from 0 to 172800, or a path such as $.wait; got 1.5",
            "19:15: steps[4].duration: duration must be a whole number of "
            "seconds from 0 to 172800, or a path such as $.wait; got -1",
            "22:15: steps[5].duration: duration must be a whole number of "
            "seconds from 0 to 172800, or a path such as $.wait; got "
            "\"soon\"",
            "25:16: steps[6].timestamp: timestamp must be an RFC 3339 time "
            "such as 2019-05-02T15:04:05Z, or a path such as $.when; got "
            "\"tomorrow\"",
            "28:20: steps[7].duration: unexpected end of the expression at "
            "offset 5 in '$.a +'",
        });
  limits.legacy_wait_max_seconds = 10;
  CHECK(Problems(Flow("  - type: wait\n    name: w\n    duration: 11\n"),
                 limits) ==
        Lines{"6:15: steps[0].duration: duration must be a whole number of "
              "seconds from 0 to 10, or a path such as $.wait; got 11"});
}

TEST_CASE("choice problems", "[legacy][parser][errors]") {
  CHECK(Problems(Flow(R"(
  - type: choice
    name: c
  - type: choice
    name: d
    choices:
      - steps: []
      - condition: $.a ==
      - condition: $Input.a
      - condition: 5
      - condition: $.a
        steps: {}
    default: go
)")) == Lines{
            "5:5: steps[0]: missing required field 'choices'",
            "10:9: steps[1].choices[0]: missing required field 'condition'",
            "11:26: steps[1].choices[1].condition: unexpected end of the "
            "expression at offset 6 in '$.a =='",
            "12:20: steps[1].choices[2].condition: $Input is not "
            "available in legacy (type: flow) conditions; use $.key, "
            "$input, $local or $context at offset 0 in '$Input.a'",
            "13:20: steps[1].choices[3].condition: must be a string "
            "holding an expression, got number",
            "15:16: steps[1].choices[4].steps: must be a list, found "
            "object",
            "16:14: steps[1].default: must be a map, found string",
        });
}

TEST_CASE("parallel and foreach problems", "[legacy][parser][errors]") {
  Limits limits;
  limits.legacy_parallel_branches = 1;
  limits.legacy_foreach_concurrency = 10;
  CHECK(Problems(Flow(R"(
  - type: parallel
    name: p
    branches:
      - steps:
          - type: pass
            name: a
      - steps: []
      - {}
  - type: parallel
    name: q
    branches: []
  - type: foreach
    name: f
    maxConcurrency: 11
    iterationMapping:
      collection: names
      item: ""
      index: i
  - type: foreach
    name: g
    iterationMapping:
      collection: $local.x
      item: i
      index: i
    steps:
      - type: pass
        name: b
  - type: foreach
    name: h
    steps:
      - type: pass
        name: c
  - type: foreach
    name: k
    iterationMapping:
      item: x
    steps:
      - type: pass
        name: d
)"),
                 limits) ==
        Lines{
            "8:7: steps[0].branches: has 3 branches, over the limit of 1",
            "11:16: steps[0].branches[1].steps: must list at least one step",
            "12:9: steps[0].branches[2]: missing required field 'steps'",
            "15:15: steps[1].branches: must list at least one branch",
            "16:5: steps[2]: missing required field 'steps'",
            "18:21: steps[2].maxConcurrency: maxConcurrency must be between 0 "
            "and 10, got 11",
            "20:19: steps[2].iterationMapping.collection: must be a path such "
            "as $.key, found 'names'",
            "21:13: steps[2].iterationMapping.item: must not be empty",
            "26:19: steps[3].iterationMapping.collection: $local is not "
            "available here; use $, $input at offset 0 in '$local.x'",
            "28:14: steps[3].iterationMapping.index: item and index are both "
            "'i'; the index would overwrite the item",
            "32:5: steps[4]: missing required field 'iterationMapping'",
            "40:7: steps[5].iterationMapping: missing required field "
            "'collection'",
        });
}

TEST_CASE("fail problems", "[legacy][parser][errors]") {
  CHECK(Problems(Flow(R"(
  - type: fail
    name: f
    error: ""
    cause: 5
)")) == Lines{
            "7:12: steps[0].error: must not be empty; leave it out for "
            "FnF.Failed",
            "8:12: steps[0].cause: must be a string, found number",
        });
}

TEST_CASE("every problem is reported, sorted by position",
          "[legacy][parser][errors]") {
  std::vector<std::string> p = Problems(Flow(R"(
  - type: task
    name: t
    retry:
      - errors: [FnF.ALL]
        multiplier: -1
  - type: wait
    name: w
  - type: nope
    name: n
)"));
  CHECK(p ==
        Lines{
            "5:5: steps[0]: missing required field 'resourceArn' or 'action'",
            "9:21: steps[0].retry[0].multiplier: multiplier must be "
            "positive, got -1",
            "10:5: steps[1]: a wait step needs duration or timestamp",
            "12:11: steps[2].type: unknown step type 'nope' (expected "
            "task, pass, wait, choice, parallel, foreach, succeed or "
            "fail)",
        });
}

}  // namespace
}  // namespace fnf::internal::legacy
