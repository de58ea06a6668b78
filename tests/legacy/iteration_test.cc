// Foreach collections and iteration inputs, and the array locals of parallel
// and foreach steps (docs/legacy-fdl.md).
#include "interp/legacy/iteration.h"

#include "tests/legacy/legacy_testing.h"

namespace fnf::internal::legacy {
namespace {

using legacy_testing::Flow;
using legacy_testing::J;
using legacy_testing::StepOf;
using legacy_testing::Valid;

std::shared_ptr<const CompiledFlow> Foreach() {
  return Valid(Flow(R"(
  - type: foreach
    name: indexed
    iterationMapping:
      collection: $.names
      item: name
      index: i
    steps:
      - type: pass
        name: a
  - type: foreach
    name: plain
    iterationMapping:
      collection: $input.groups[*].members[*]
      item: member
    steps:
      - type: pass
        name: b
)"));
}

std::string Items(const State& step, const Json& input) {
  auto r = ForeachItems(step, input);
  if (auto* e = std::get_if<FlowError>(&r)) return e->code + ": " + e->detail;
  return Json(std::get<Json::Array>(std::move(r))).Serialize();
}

TEST_CASE("the collection must be an array", "[legacy][iteration]") {
  auto flow = Foreach();
  const State& indexed = StepOf(*flow, "indexed");
  CHECK(Items(indexed, J(R"({"names": ["a", "b"]})")) == R"(["a","b"])");
  CHECK(Items(indexed, J(R"({"names": []})")) == "[]");
  CHECK(Items(indexed, J(R"({"other": 1})")) ==
        "FnF.RuntimeError: foreach step 'indexed': iterationMapping.collection "
        "'$.names' must be an array, got null");
  CHECK(Items(indexed, J(R"({"names": {"a": 1}})")) ==
        "FnF.RuntimeError: foreach step 'indexed': iterationMapping.collection "
        "'$.names' must be an array, got object");
  // A wildcard path always yields an array.
  const State& plain = StepOf(*flow, "plain");
  CHECK(Items(plain, J(R"({"groups": [{"members": [1, 2]}, {"members": [3]},
                                    {}]})")) == "[1,2,3]");
  CHECK(Items(plain, J("{}")) == "[]");
}

TEST_CASE("iteration input: the step input plus item and index",
          "[legacy][iteration]") {
  auto flow = Foreach();
  const State& indexed = StepOf(*flow, "indexed");
  const Json input = J(R"({"names": ["a", "b"], "src_bucket": "bk"})");
  CHECK(IterationInput(indexed, input, Json("b"), 1).Serialize() ==
        R"({"names":["a","b"],"src_bucket":"bk","name":"b","i":1})");
  CHECK(IterationInput(indexed, input, J(R"({"k": 0})"), 0).Serialize() ==
        R"({"names":["a","b"],"src_bucket":"bk","name":{"k":0},"i":0})");
  // A key already in the input keeps its place and takes the new value.
  CHECK(IterationInput(indexed, J(R"({"i": "old", "name": "old", "z": 1})"),
                       Json("new"), 3)
            .Serialize() == R"({"i":3,"name":"new","z":1})");
  // Without an index name only the item is added.
  CHECK(IterationInput(StepOf(*flow, "plain"), J(R"({"x": 1})"), Json(7), 5)
            .Serialize() == R"({"x":1,"member":7})");
}

TEST_CASE("parallel and foreach locals are arrays in order",
          "[legacy][iteration]") {
  CHECK(ArrayLocal({J(R"({"a": 1})"), J("{}"), J(R"({"b": 2})")}).Serialize() ==
        R"([{"a":1},{},{"b":2}])");
  CHECK(ArrayLocal({}).Serialize() == "[]");
}

}  // namespace
}  // namespace fnf::internal::legacy
