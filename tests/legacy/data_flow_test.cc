// Step input and output, merging into the parent local, and the flow's input
// and output, with and without mappings (docs/legacy-fdl.md,
// docs/behaviour.md).
#include "interp/legacy/data_flow.h"

#include "tests/legacy/legacy_testing.h"

namespace fnf::internal::legacy {
namespace {

using legacy_testing::Flow;
using legacy_testing::J;
using legacy_testing::StepOf;
using legacy_testing::Valid;

const ContextValues kContext{"exec-1", "my-flow", "s", ""};

std::shared_ptr<const CompiledFlow> Steps() {
  return Valid(Flow(R"(
  - type: pass
    name: plain
  - type: pass
    name: mapped
    inputMappings:
      - target: fromInput
        source: $input.a
      - target: fromLocal
        source: $local.b
      - target: whole
        source: $local
      - target: literal
        source: pass1
      - target: missing
        source: $input.nope.deeper
      - target: step
        source: $context.step.name
    outputMappings:
      - target: in
        source: $input.fromInput
      - target: res
        source: $local.result
      - target: gone
        source: $local.nope
  - type: pass
    name: empty_maps
    inputMappings: []
    outputMappings: []
  - type: parallel
    name: par
    branches:
      - steps:
          - type: pass
            name: b0
  - type: parallel
    name: par_mapped
    outputMappings:
      - target: results
        source: $local[*].result
      - target: parts
        source: $local[*].parts[*]
    branches:
      - steps:
          - type: pass
            name: b1
  - type: foreach
    name: each
    iterationMapping:
      collection: $.items
      item: item
    steps:
      - type: pass
        name: e0
  - type: choice
    name: choose
    choices:
      - condition: $.a
        steps:
          - type: pass
            name: c0
  - type: task
    name: task
    resourceArn: arn
)"));
}

TEST_CASE("default step input: parent input merged with parent local",
          "[legacy][data_flow]") {
  auto flow = Steps();
  const State& s = StepOf(*flow, "plain");
  // The documented sample (docs/legacy-fdl.md), with docs/behaviour.md order:
  // the input's keys first, the local's new keys appended.
  Json in = StepInput(s, J(R"({"key": "process_failed"})"),
                      J(R"({"key1": "value1", "key2": "value2"})"), kContext);
  CHECK(in == J(R"({"key1":"value1","key2":"value2","key":"process_failed"})"));
  CHECK(in.Serialize() ==
        R"({"key":"process_failed","key1":"value1","key2":"value2"})");
  // On a collision the local wins and the key keeps the input's place.
  CHECK(StepInput(s, J(R"({"a": 1, "b": 2, "c": 3})"),
                  J(R"({"d": 4, "b": {"x": 1}})"), kContext)
            .Serialize() == R"({"a":1,"b":{"x":1},"c":3,"d":4})");
  // Shallow: a nested object of the local replaces the input's whole.
  CHECK(StepInput(s, J(R"({"o": {"x": 1, "y": 2}})"), J(R"({"o": {"z": 3}})"),
                  kContext)
            .Serialize() == R"({"o":{"z":3}})");
  CHECK(StepInput(s, J("{}"), J("{}"), kContext).Serialize() == "{}");
  CHECK(StepInput(s, J(R"({"a": 1})"), J("{}"), kContext).Serialize() ==
        R"({"a":1})");
  CHECK(StepInput(s, J("{}"), J(R"({"a": 1})"), kContext).Serialize() ==
        R"({"a":1})");
}

TEST_CASE("inputMappings read the parent's input and local",
          "[legacy][data_flow]") {
  auto flow = Steps();
  const State& s = StepOf(*flow, "mapped");
  const ContextValues context{"exec-1", "my-flow", "mapped", ""};
  Json in = StepInput(s, J(R"({"a": "A", "b": "input-b", "other": 1})"),
                      J(R"({"b": "local-b"})"), context);
  CHECK(in.Serialize() ==
        R"({"fromInput":"A","fromLocal":"local-b","whole":{"b":"local-b"},)"
        R"("literal":"pass1","missing":null,"step":"mapped"})");
  // Present but empty: {} whatever the parent holds.
  CHECK(StepInput(StepOf(*flow, "empty_maps"), J(R"({"a": 1})"),
                  J(R"({"b": 2})"), kContext)
            .Serialize() == "{}");
}

TEST_CASE("default step output: the step's local", "[legacy][data_flow]") {
  auto flow = Steps();
  const Json input = J(R"({"i": 1})");
  CHECK(StepOutput(StepOf(*flow, "task"), input, J(R"({"r": 1, "s": [2]})"),
                   kContext)
            .Serialize() == R"({"r":1,"s":[2]})");
  // pass, wait, succeed, fail: their local is {}, so is their output.
  CHECK(StepOutput(StepOf(*flow, "plain"), input, NewLocal(), kContext)
            .Serialize() == "{}");
  CHECK(NewLocal().Serialize() == "{}");
  // choice: the local of the branch that ran.
  CHECK(StepOutput(StepOf(*flow, "choose"), input, J(R"({"c": 0})"), kContext)
            .Serialize() == R"({"c":0})");
  // parallel and foreach: {} although their local is an array.
  CHECK(StepOutput(StepOf(*flow, "par"), input, J(R"([{"a": 1}, {"b": 2}])"),
                   kContext)
            .Serialize() == "{}");
  CHECK(StepOutput(StepOf(*flow, "each"), input, J(R"([{"a": 1}])"), kContext)
            .Serialize() == "{}");
}

TEST_CASE("outputMappings read this step's input and local",
          "[legacy][data_flow]") {
  auto flow = Steps();
  CHECK(StepOutput(StepOf(*flow, "mapped"),
                   J(R"({"fromInput": "A", "result": "not this"})"),
                   J(R"({"result": {"n": 1}})"), kContext)
            .Serialize() == R"({"in":"A","res":{"n":1},"gone":null})");
  CHECK(StepOutput(StepOf(*flow, "empty_maps"), J(R"({"a": 1})"),
                   J(R"({"b": 2})"), kContext)
            .Serialize() == "{}");
  // A parallel's array local through wildcards.
  CHECK(StepOutput(StepOf(*flow, "par_mapped"), J("{}"),
                   J(R"([{"result": "r0", "parts": [1, 2]},
                         {"result": "r1", "parts": [3]}])"),
                   kContext)
            .Serialize() == R"({"results":["r0","r1"],"parts":[1,2,3]})");
}

TEST_CASE("outputs merge into the parent local, later wins",
          "[legacy][data_flow]") {
  Json local = NewLocal();
  MergeOutput(J(R"({"a": 1, "b": {"x": 1}})"), &local);
  CHECK(local.Serialize() == R"({"a":1,"b":{"x":1}})");
  MergeOutput(J("{}"), &local);  // changes nothing
  CHECK(local.Serialize() == R"({"a":1,"b":{"x":1}})");
  MergeOutput(J(R"({"c": 3, "b": {"y": 2}, "a": null})"), &local);
  // Shallow: b is replaced whole; a keeps its place with the later value.
  CHECK(local.Serialize() == R"({"a":null,"b":{"y":2},"c":3})");
  MergeOutput(J("[1]"), &local);  // not an object: ignored
  CHECK(local.Serialize() == R"({"a":null,"b":{"y":2},"c":3})");
}

TEST_CASE("flow input and output without mappings", "[legacy][data_flow]") {
  auto flow = Steps();
  CHECK(FlowInput(*flow, J(R"({"x": 1})"), kContext).Serialize() ==
        R"({"x":1})");
  CHECK(FlowInput(*flow, Json(), kContext).Serialize() == "{}");
  // The output is the flow local; the input is not part of it.
  CHECK(FlowOutput(*flow, J(R"({"x": 1})"), J(R"({"r": 2})"), kContext)
            .Serialize() == R"({"r":2})");
  CHECK(FlowOutput(*flow, J(R"({"x": 1})"), NewLocal(), kContext).Serialize() ==
        "{}");
}

TEST_CASE("flow input and output with mappings", "[legacy][data_flow]") {
  auto flow = Valid(R"(version: v1
type: flow
inputMappings:
  - target: name
    source: $input.user.name
  - target: execution
    source: $context.execution.name
  - target: constant
    source: 7
outputMappings:
  - target: greeting
    source: $local.greeting
  - target: who
    source: $input.name
  - target: flow
    source: $context.flow.name
steps:
  - type: pass
    name: p
)");
  CHECK(
      FlowInput(*flow, J(R"({"user": {"name": "Ann"}, "extra": 1})"), kContext)
          .Serialize() ==
      R"({"name":"Ann","execution":"exec-1","constant":7})");
  CHECK(FlowOutput(*flow, J(R"({"name": "Ann"})"),
                   J(R"({"greeting": "hi", "other": 1})"), kContext)
            .Serialize() ==
        R"({"greeting":"hi","who":"Ann","flow":"my-flow"})");
}

}  // namespace
}  // namespace fnf::internal::legacy
