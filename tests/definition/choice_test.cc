// Choice states: Branches of {Condition, Next}, a required Default, and every
// problem located (docs/cloudflow.md).
#include "tests/definition/definition_testing.h"

namespace fnf::internal::definition_testing {
namespace {

using Strings = std::vector<std::string>;

TEST_CASE("Choice: branches and Default compile into the IR", "[definition]") {
  auto flow = Valid(Flow(R"(  - Name: A
    Type: Choice
    InputConstructor:
      n.$: $Input.n
    Branches:
      - Condition: $Input.n > 1
        Next: B
      - Condition: $Input.s == "x" && $Context.Execution.Name != ""
        Next: C
    Default: C
  - {Name: B, Type: Succeed}
  - {Name: C, Type: Pass, End: true}
)"));
  const State& a = flow->top.states[0];
  CHECK(a.type == StateType::kChoice);
  REQUIRE(a.choices.size() == 2);
  CHECK(a.choices[0].condition.valid());
  CHECK(a.choices[0].condition.text() == "$Input.n > 1");
  CHECK(a.choices[0].next == 1);
  CHECK(a.choices[1].condition.text() ==
        R"($Input.s == "x" && $Context.Execution.Name != "")");
  CHECK(a.choices[1].next == 2);
  CHECK(a.default_next == 2);
  CHECK(a.next == -1);
  CHECK_FALSE(a.end);
  CHECK_FALSE(a.input_constructor.empty());
}

TEST_CASE("Choice: accepted by Engine::ValidateDefinition", "[definition]") {
  CHECK(ValidateThroughEngine(Flow(R"(  - Name: A
    Type: Choice
    Branches:
      - {Condition: $Input.ok, Next: B}
    Default: A
  - {Name: B, Type: Succeed}
)"))
            .empty());
}

TEST_CASE("Choice: a branch may loop back and Default may be the only exit",
          "[definition]") {
  auto flow = Valid(Flow(R"(  - {Name: A, Type: Pass, Next: Poll}
  - Name: Poll
    Type: Choice
    Branches:
      - {Condition: $Input.done == false, Next: A}
    Default: Done
  - {Name: Done, Type: Succeed}
)"));
  CHECK(flow->top.states[1].choices[0].next == 0);
  CHECK(flow->top.states[1].default_next == 2);
}

TEST_CASE("Choice: Branches and Default are required", "[definition]") {
  CHECK(Problems(Flow("  - {Name: A, Type: Choice}\n")) ==
        Strings{"5:5: States[0]: missing required field 'Branches'",
                "5:5: States[0]: missing required field 'Default'"});
  CHECK(Problems(Flow("  - {Name: A, Type: Choice, Branches: [], Default: "
                      "A}\n")) ==
        Strings{"5:39: States[0].Branches: must list at least one branch"});
  CHECK(Problems(Flow("  - {Name: A, Type: Choice, Branches: {}, Default: "
                      "A}\n")) ==
        Strings{"5:39: States[0].Branches: must be a list, found object"});
  CHECK(Problems(Flow("  - {Name: A, Type: Choice, Branches: [{Condition: "
                      "$Input.a, Next: A}], Default: 3}\n")) ==
        Strings{"5:82: States[0].Default: must be a string, found number"});
}

TEST_CASE("Choice: every branch problem is reported at its place",
          "[definition]") {
  const std::string def = Flow(R"(  - Name: A
    Type: Choice
    Branches:
      - Next: B
      - Condition: $Input.a
      - Condition: $Input.a
        Next: Nowhere
        Description: extra
      - Condition.$: $Input.a
        Next: B
      - just text
      - Condition: 1 + 2
        Next: B
      - Condition: true
        Next: 7
    Default: Elsewhere
  - {Name: B, Type: Succeed}
)");
  CHECK(Problems(def) ==
        Strings{
            "8:9: States[0].Branches[0]: missing required field 'Condition'",
            "9:9: States[0].Branches[1]: missing required field 'Next'",
            "11:15: States[0].Branches[2].Next: state 'Nowhere' does not exist "
            "in the top-level States",
            "12:22: States[0].Branches[2].Description: unknown field "
            "'Description'",
            "13:22: States[0].Branches[3].Condition.$: Condition is always an "
            "expression; write it as 'Condition', without '.$'",
            "15:9: States[0].Branches[4]: expected an object, found string",
            "16:20: States[0].Branches[5].Condition: must yield a boolean, but "
            "is always 3",
            // YAML reads a plain `true` as a boolean: the expression must be
            // quoted.
            "18:20: States[0].Branches[6].Condition: must be a string, found "
            "boolean",
            "19:15: States[0].Branches[6].Next: must be a string, found number",
            "20:14: States[0].Default: state 'Elsewhere' does not exist in the "
            "top-level States",
        });
}

TEST_CASE("Choice: a Condition compile error points into the expression",
          "[definition]") {
  const std::string def = Flow(R"(  - Name: A
    Type: Choice
    Branches:
      - Condition: $Input.a == $Output.b
        Next: A
      - Condition: $Input.a == $Item
        Next: A
      - Condition: '$Input.a +'
        Next: A
      - Condition: 5
        Next: A
    Default: A
)");
  CHECK(Problems(def) ==
        Strings{
            "8:32: States[0].Branches[0].Condition: $Output is only available "
            "in OutputConstructor and GlobalConstructor at offset 12 in "
            "'$Input.a == $Output.b'",
            "10:32: States[0].Branches[1].Condition: $Item is only available "
            "in a Map state's ItemConstructor at offset 12 in '$Input.a == "
            "$Item'",
            "12:30: States[0].Branches[2].Condition: unexpected end of the "
            "expression at offset 10 in '$Input.a +'",
            "14:20: States[0].Branches[3].Condition: must be a string, found "
            "number",
        });
}

TEST_CASE("Choice: Next, End, OutputConstructor and Retry are refused",
          "[definition]") {
  const std::string def = Flow(R"(  - Name: A
    Type: Choice
    Branches:
      - {Condition: $Input.a, Next: A}
    Default: A
    Next: A
    End: true
    OutputConstructor: {a: 1}
    GlobalConstructor: {b: 1}
    Retry: []
)");
  CHECK(Problems(def) ==
        Strings{
            "10:11: States[0].Next: a Choice state has no Next; use Branches "
            "and Default",
            "11:10: States[0].End: a Choice state has no End",
            "12:24: States[0].OutputConstructor: a Choice state has no "
            "OutputConstructor; it passes its input on unchanged",
            "13:24: States[0].GlobalConstructor: a Choice state has no "
            "GlobalConstructor; it passes its input on unchanged",
            "14:12: States[0].Retry: unknown field 'Retry'",
        });
}

TEST_CASE("Choice: a target in another scope does not resolve",
          "[definition]") {
  const std::string def = Flow(R"(  - Name: A
    Type: Parallel
    Branches:
      - StartAt: C
        States:
          - Name: C
            Type: Choice
            Branches:
              - {Condition: $Input.a, Next: B}
            Default: D
          - {Name: D, Type: Succeed}
    End: true
  - {Name: B, Type: Succeed}
)");
  CHECK(Problems(def) ==
        Strings{"13:45: States[0].Branches[0].States[0].Branches[0].Next: "
                "state 'B' does not exist in this scope",
                "17:5: States[1]: state 'B' is unreachable: no StartAt, Next, "
                "Default or Catch leads to it"});
}

}  // namespace
}  // namespace fnf::internal::definition_testing
