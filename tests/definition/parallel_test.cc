// Parallel states: Branches of nested {StartAt, States} scopes, each its own
// transition namespace (docs/cloudflow.md).
#include "tests/definition/definition_testing.h"

namespace fnf::internal::definition_testing {
namespace {

using Strings = std::vector<std::string>;

TEST_CASE("Parallel: branches compile into nested scopes", "[definition]") {
  auto flow = Valid(Flow(R"(  - Name: A
    Type: Parallel
    Branches:
      - StartAt: B1
        Description: first
        States:
          - {Name: B1, Type: Pass, Next: B2}
          - {Name: B2, Type: Succeed}
      - StartAt: C1
        States:
          - {Name: C1, Type: Pass, End: true}
    Retry:
      - {Errors: [FnF.ALL], MaxAttempts: 1, IntervalSeconds: 1}
    Catch:
      - {Errors: [FnF.ALL], Next: Failed}
    Next: Done
  - {Name: Done, Type: Succeed}
  - {Name: Failed, Type: Fail, Code: Oops}
)"));
  const State& a = flow->top.states[0];
  CHECK(a.type == StateType::kParallel);
  REQUIRE(a.branches.size() == 2);
  const Scope& b0 = *a.branches[0];
  CHECK(b0.path == "States[0].Branches[0]");
  REQUIRE(b0.states.size() == 2);
  CHECK(b0.start == 0);
  CHECK(b0.states[0].path == "States[0].Branches[0].States[0]");
  CHECK(b0.states[0].next == 1);
  CHECK(b0.states[1].end);
  const Scope& b1 = *a.branches[1];
  REQUIRE(b1.states.size() == 1);
  CHECK(b1.states[0].name == "C1");
  CHECK(b1.states[0].end);
  CHECK(a.retry.size() == 1);
  REQUIRE(a.catchers.size() == 1);
  CHECK(a.catchers[0].next == 2);
  CHECK(a.next == 1);
}

TEST_CASE("Parallel: Branches is required, 1 to 50 of them", "[definition]") {
  CHECK(Problems(Flow("  - {Name: A, Type: Parallel, End: true}\n")) ==
        Strings{"5:5: States[0]: missing required field 'Branches'"});
  CHECK(Problems(Flow("  - {Name: A, Type: Parallel, End: true, Branches: "
                      "[]}\n")) ==
        Strings{"5:52: States[0].Branches: must list at least one branch"});
  std::string many;
  for (int i = 0; i < 51; ++i) {
    many += "      - StartAt: S" + std::to_string(i) +
            "\n        States: [{Name: S" + std::to_string(i) +
            ", Type: Succeed}]\n";
  }
  const std::string def = Flow(
      "  - Name: A\n    Type: Parallel\n    End: true\n    Branches:\n" + many);
  CHECK(Problems(def) ==
        Strings{"9:7: States[0].Branches: has 51 branches; at most 50 are "
                "allowed"});
  Limits limits;
  limits.parallel_branches = 60;
  CHECK(Problems(def, limits).empty());
}

TEST_CASE("Parallel: problems inside branches are located", "[definition]") {
  const std::string def = Flow(R"(  - Name: A
    Type: Parallel
    End: true
    Branches:
      - States:
          - {Name: B1, Type: Pass, Next: A}
      - StartAt: Missing
        States:
          - {Name: C1, Type: Succeed}
      - StartAt: D1
        States: []
        Name: extra
      - not a branch
      - StartAt: E1
        States:
          - {Name: E1, Type: Succeed}
          - {Name: E2, Type: Succeed}
)");
  CHECK(Problems(def) ==
        Strings{
            "9:9: States[0].Branches[0]: missing required field 'StartAt'",
            "10:42: States[0].Branches[0].States[0].Next: state 'A' does not "
            "exist in this scope",
            "11:18: States[0].Branches[1].StartAt: state 'Missing' does not "
            "exist in this scope",
            "14:18: States[0].Branches[2].StartAt: state 'D1' does not exist "
            "in this scope",
            "15:17: States[0].Branches[2].States: must list at least one state",
            "16:15: States[0].Branches[2].Name: unknown field 'Name'",
            "17:9: States[0].Branches[3]: expected an object, found string",
            "21:13: States[0].Branches[4].States[1]: state 'E2' is "
            "unreachable: no StartAt, Next, Default or Catch leads to it",
        });
}

TEST_CASE("Parallel: state names are unique across branches", "[definition]") {
  const std::string def = Flow(R"(  - Name: A
    Type: Parallel
    End: true
    Branches:
      - StartAt: X
        States: [{Name: X, Type: Succeed}]
      - StartAt: X
        States: [{Name: X, Type: Succeed}]
)");
  CHECK(Problems(def) ==
        Strings{"12:25: States[0].Branches[1].States[0].Name: duplicate state "
                "name 'X' (also at States[0].Branches[0].States[0])"});
}

}  // namespace
}  // namespace fnf::internal::definition_testing
