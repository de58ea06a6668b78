// Bad legacy definitions through CreateFlow and UpdateFlow: InvalidArgument,
// with every problem located by line:column and path (docs/behaviour.md,
// 22, 23; docs/legacy-fdl.md).
#include "tests/legacy/engine_testing.h"

namespace fnf::legacy_engine_testing {
namespace {

// The status of CreateFlow with `definition` under a fresh name.
Status CreateStatus(ManualEngine& m, const std::string& definition) {
  static int n = 0;
  return m.engine
      ->CreateFlow(
          {.name = "bad" + std::to_string(n++), .definition = definition})
      .status();
}

std::string Steps1(const std::string& body) {
  return "version: v1\ntype: flow\nsteps:\n" + body;
}

TEST_CASE(
    "legacy definitions: each problem is InvalidArgument with its "
    "line:column",
    "[legacy][engine]") {
  ManualEngine m;
  struct Case {
    std::string definition, message;
  };
  const Case cases[] = {
      {"version: v2\ntype: flow\nsteps:\n  - type: pass\n    name: p\n",
       "1:10: version: unsupported version 'v2' (expected v1 or v1beta1)"},
      {"version: v1\ntype: flows\nsteps:\n  - type: pass\n    name: p\n",
       "1:1: not a flow definition: expected 'Type: StateMachine' with "
       "'StartAt' and 'States' (CloudFlow), or 'version: v1', 'type: flow' "
       "and 'steps' (legacy FDL)"},
      {"version: v1\ntype: flow\n",
       "1:1: not a flow definition: expected 'Type: StateMachine' with "
       "'StartAt' and 'States' (CloudFlow), or 'version: v1', 'type: flow' "
       "and 'steps' (legacy FDL)"},
      {"type: flow\nsteps:\n  - type: pass\n    name: p\n",
       "1:1: missing required field 'version'"},
      {Steps1("  - type: passs\n    name: p\n"),
       "4:11: steps[0].type: unknown step type 'passs' (expected task, pass, "
       "wait, choice, parallel, foreach, succeed or fail) (did you mean "
       "'pass'?)"},
      {Steps1("  - type: pass\n    name: p\n  - type: pass\n    name: p\n"),
       "7:11: steps[1].name: duplicate step name 'p' (also at steps[0])"},
      {Steps1("  - type: choice\n    name: c\n    choices:\n"
              "      - condition: $.a ==\n        goto: p\n"
              "  - type: pass\n    name: p\n"),
       "7:26: steps[0].choices[0].condition: unexpected end of the expression "
       "at offset 6 in '$.a =='"},
      {Steps1("  - type: choice\n    name: c\n    choices:\n"
              "      - condition: nope($.a)\n        goto: p\n"
              "  - type: pass\n    name: p\n"),
       "7:20: steps[0].choices[0].condition: unknown function 'nope' at "
       "offset 0 in 'nope($.a)'"},
      {Steps1("  - type: choice\n    name: c\n    choices:\n"
              "      - condition: $Input.a\n        goto: p\n"
              "  - type: pass\n    name: p\n"),
       "7:20: steps[0].choices[0].condition: $Input is not available in "
       "legacy (type: flow) conditions; use $.key, $input, $local or "
       "$context at offset 0 in '$Input.a'"},
      {Steps1("  - type: choice\n    name: c\n    choices:\n"
              "      - condition: '\"ready\"'\n        goto: p\n"
              "  - type: pass\n    name: p\n"),
       "7:20: steps[0].choices[0].condition: must yield a boolean, but is "
       "always \"ready\""},
      {Steps1("  - type: choice\n    name: c\n"),
       "4:5: steps[0]: missing required field 'choices'"},
      {Steps1("  - type: choice\n    name: c\n    choices:\n"
              "      - condition: $.a\n        goto: elsewhere\n"
              "  - type: pass\n    name: p\n"),
       "8:15: steps[0].choices[0].goto: goto target 'elsewhere' is not a "
       "step of the same steps list (steps)"},
      {Steps1("  - type: pass\n    name: p\n    end: true\n"
              "  - type: pass\n    name: q\n"),
       "7:5: steps[1]: step 'q' is unreachable: the steps before it end the "
       "list (end: true, succeed, fail, or a choice whose every branch has a "
       "goto) and no goto leads to it"},
      {Steps1("  - type: pass\n    name: p\n    inputMappings:\n"
              "      - target: a\n        source: $input.[\n"),
       "8:24: steps[0].inputMappings[0].source: expected a key after '.' at "
       "offset 7 in '$input.['"},
      {Steps1("  - type: pass\n    name: p\n    inputMappings:\n"
              "      - target: a\n        source: $inputs.x\n"),
       "8:17: steps[0].inputMappings[0].source: unknown root '$inputs' "
       "(expected $input, $local, $context) at offset 0 in '$inputs.x'"},
      {Steps1("  - type: pass\n    name: p\n    outputMappings:\n"
              "      - target: a\n"),
       "7:9: steps[0].outputMappings[0]: missing required field 'source'"},
      {Steps1("  - type: task\n    name: t\n    resourceArn: a\n"
              "    serviceParams:\n      x: $local.a\n"),
       "8:10: steps[0].serviceParams.x: $local is not available here; use $, "
       "$input, $context at offset 0 in '$local.a'"},
      {Steps1("  - type: task\n    name: t\n    resourceArn: 5\n"),
       "6:18: steps[0].resourceArn: must be a string, found number"},
      {Steps1("  - type: task\n    name: t\n    timeoutSeconds: -1\n"
              "    resourceArn: a\n"),
       "6:21: steps[0].timeoutSeconds: timeoutSeconds must be a whole number "
       "of seconds from 0 to 31536000, got -1"},
      {Steps1("  - type: task\n    name: t\n    resourceArn: a\n"
              "    retry:\n      - errors: [E]\n"
              "        intervalSeconds: 86401\n"),
       "9:26: steps[0].retry[0].intervalSeconds: intervalSeconds must be "
       "between 0 and 86400, got 86401"},
      {Steps1("  - type: task\n    name: t\n    resourceArn: a\n"
              "    catch:\n      - errors: []\n        goto: t\n"),
       "8:17: steps[0].catch[0].errors: must list at least one error name"},
      {Steps1("  - type: wait\n    name: w\n    duration: 172801\n"),
       "6:15: steps[0].duration: duration must be a whole number of seconds "
       "from 0 to 172800, or a path such as $.wait; got 172801"},
      {Steps1("  - type: wait\n    name: w\n    timestamp: yesterday\n"),
       "6:16: steps[0].timestamp: timestamp must be an RFC 3339 time such as "
       "2019-05-02T15:04:05Z, or a path such as $.when; got \"yesterday\""},
      {Steps1("  - type: wait\n    name: w\n"),
       "4:5: steps[0]: a wait step needs duration or timestamp"},
      {Steps1("  - type: foreach\n    name: f\n    steps:\n"
              "      - type: pass\n        name: p\n"),
       "4:5: steps[0]: missing required field 'iterationMapping'"},
      {Steps1("  - type: foreach\n    name: f\n    maxConcurrency: 101\n"
              "    iterationMapping: {collection: $.a, item: x}\n"
              "    steps:\n      - type: pass\n        name: p\n"),
       "6:21: steps[0].maxConcurrency: maxConcurrency must be between 0 and "
       "100, got 101"},
      {Steps1("  - type: fail\n    name: f\n    error: ''\n"),
       "6:12: steps[0].error: must not be empty; leave it out for FnF.Failed"},
      {Steps1("  - type: pass\n    name: p\n    name: q\n"),
       "6:5: duplicate key \"name\""},
      {Steps1("  - type: pass\n   name: p\n"),
       "5:4: invalid YAML: end of sequence not found"},
      {R"({"version":"v1","type":"flow","steps":[{"type":"pass"}]})",
       "1:40: steps[0]: missing required field 'name'"},
  };
  for (const Case& c : cases) {
    INFO(c.definition);
    Status s = CreateStatus(m, c.definition);
    CHECK(s.code() == "InvalidArgument");
    CHECK(s.http_status() == 400);
    CHECK(s.message() == "Invalid flow definition: " + c.message);
  }
}

TEST_CASE("legacy definitions: every problem at once, in order",
          "[legacy][engine]") {
  ManualEngine m;
  Status s = CreateStatus(m, ReadLegacyData("invalid.yaml"));
  CHECK(s.code() == "InvalidArgument");
  CHECK(s.message() ==
        "Invalid flow definition: "
        "6:5: steps[0]: missing required field 'resourceArn' or 'action'; "
        "8:14: steps[0].pattern: unknown pattern 'async' (expected "
        "requestResponse, sync or waitForCallback) (did you mean 'sync'?); "
        "11:15: steps[1].duration: duration must be a whole number of seconds "
        "from 0 to 172800, or a path such as $.wait; got 1.5; "
        "15:26: steps[2].choices[0].condition: unexpected end of the "
        "expression at offset 6 in '$.a =='; "
        "16:15: steps[2].choices[0].goto: goto target 'nowhere' is not a step "
        "of the same steps list (steps); "
        "18:11: steps[3].name: duplicate step name 'wait' (also at steps[1])");
}

TEST_CASE(
    "legacy definitions: version v1beta1, a top-level name and unknown "
    "keys are accepted",
    "[legacy][engine]") {
  ManualEngine m;
  m.Create("ok",
           "version: v1beta1\ntype: flow\nname: whatever\nextra: 1\n"
           "steps:\n  - type: pass\n    name: p\n    comment: hi\n"
           "    outputMappings:\n      - target: a\n        source: 1\n");
  CHECK(m.Run("ok").output == R"({"a":1})");
}

TEST_CASE(
    "legacy definitions: UpdateFlow refuses a bad definition and keeps "
    "the old one",
    "[legacy][engine]") {
  ManualEngine m;
  m.Create("f", Steps1("  - type: pass\n    name: p\n"));
  auto updated = m.engine->UpdateFlow(
      {.name = "f", .definition = Steps1("  - type: pass\n")});
  CHECK(updated.status().code() == "InvalidArgument");
  CHECK(updated.status().message() ==
        "Invalid flow definition: 4:5: steps[0]: missing required field "
        "'name'");
  CHECK(m.Run("f").status == ExecutionStatus::kSucceeded);
  // A legacy flow can be replaced by a new-spec one and back.
  REQUIRE(m.engine
              ->UpdateFlow({.name = "f",
                            .definition = testing::Flow(
                                "  - {Type: Pass, Name: A, End: true}\n")})
              .ok());
  CHECK(m.Run("f", R"({"v":1})").output == R"({"v":1})");
  REQUIRE(m.engine
              ->UpdateFlow({.name = "f",
                            .definition = Steps1("  - type: pass\n"
                                                 "    name: p\n")})
              .ok());
  CHECK(m.Run("f", R"({"v":1})").output == "{}");
}

}  // namespace
}  // namespace fnf::legacy_engine_testing
