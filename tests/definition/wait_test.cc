// Wait states: exactly one of Seconds or Seconds.$, with the Standard or
// Express range (docs/cloudflow.md).
#include "tests/definition/definition_testing.h"

namespace fnf::internal::definition_testing {
namespace {

using Strings = std::vector<std::string>;

std::string WaitFlow(const std::string& fields) {
  return Flow("  - Name: A\n    Type: Wait\n    End: true\n" + fields);
}

TEST_CASE("Wait: static Seconds and Seconds.$ compile into the IR",
          "[definition]") {
  auto flow = Valid(WaitFlow("    Seconds: 300\n"));
  const WaitSpec& w = *flow->top.states[0].wait;
  CHECK(w.seconds == 300.0);
  CHECK_FALSE(w.seconds_expr.valid());

  flow = Valid(WaitFlow("    Seconds.$: $Input.delay\n"));
  const WaitSpec& d = *flow->top.states[0].wait;
  CHECK_FALSE(d.seconds.has_value());
  CHECK(d.seconds_expr.text() == "$Input.delay");

  // A whole number written as a float is still an integer.
  CHECK(Valid(WaitFlow("    Seconds: 1.0\n"))->top.states[0].wait->seconds ==
        1.0);
  CHECK(ValidateThroughEngine(WaitFlow("    Seconds: 5\n")).empty());
}

TEST_CASE("Wait: needs exactly one of Seconds and Seconds.$", "[definition]") {
  CHECK(Problems(WaitFlow("")) ==
        Strings{"5:5: States[0]: needs Seconds or Seconds.$"});
  CHECK(Problems(WaitFlow("    Seconds: 5\n    Seconds.$: $Input.s\n")) ==
        Strings{"9:16: States[0].Seconds.$: Seconds and Seconds.$ cannot both "
                "be set"});
}

TEST_CASE("Wait: Seconds must be an integer in the Standard range",
          "[definition]") {
  CHECK(Problems(WaitFlow("    Seconds: 0\n")) ==
        Strings{"8:14: States[0].Seconds: Seconds must be between 1 and 300 "
                "for a Standard flow, got 0"});
  CHECK(Problems(WaitFlow("    Seconds: 301\n")) ==
        Strings{"8:14: States[0].Seconds: Seconds must be between 1 and 300 "
                "for a Standard flow, got 301"});
  CHECK(Problems(WaitFlow("    Seconds: 1.5\n")) ==
        Strings{"8:14: States[0].Seconds: must be an integer, found a "
                "fraction"});
  CHECK(Problems(WaitFlow("    Seconds: '10'\n")) ==
        Strings{"8:14: States[0].Seconds: must be an integer, found string"});
}

TEST_CASE("Wait: Express flows allow at most 20 seconds", "[definition]") {
  CHECK(Compile(WaitFlow("    Seconds: 21\n"), true).problems ==
        Strings{"8:14: States[0].Seconds: Seconds must be between 1 and 20 "
                "for an Express flow, got 21"});
  CHECK(Compile(WaitFlow("    Seconds: 20\n"), true).flow != nullptr);
  CHECK(CreateFlowMessage(WaitFlow("    Seconds: 21\n"), "Express") ==
        "Invalid flow definition: 8:14: States[0].Seconds: Seconds must be "
        "between 1 and 20 for an Express flow, got 21");
  CHECK(CreateFlowMessage(WaitFlow("    Seconds: 21\n"), "Standard").empty());
}

TEST_CASE("Wait: the limits come from the engine options", "[definition]") {
  Limits limits;
  limits.wait_min_seconds = 0;
  limits.wait_max_seconds = 3600;
  CHECK(Valid(WaitFlow("    Seconds: 0\n"), false, limits)
            ->top.states[0]
            .wait->seconds == 0.0);
  CHECK(Problems(WaitFlow("    Seconds: 3601\n"), limits) ==
        Strings{"8:14: States[0].Seconds: Seconds must be between 0 and 3600 "
                "for a Standard flow, got 3601"});
}

TEST_CASE("Wait: Seconds.$ is compiled, and checked when constant",
          "[definition]") {
  CHECK(Problems(WaitFlow("    Seconds.$: $Output.s\n")) ==
        Strings{"8:16: States[0].Seconds.$: $Output is only available in "
                "OutputConstructor and GlobalConstructor at offset 0 in "
                "'$Output.s'"});
  CHECK(Problems(WaitFlow("    Seconds.$: 2 * 200\n")) ==
        Strings{"8:16: States[0].Seconds.$: Seconds must be between 1 and 300 "
                "for a Standard flow, got 400"});
  CHECK(Problems(WaitFlow("    Seconds.$: '\"ten\"'\n")) ==
        Strings{"8:16: States[0].Seconds.$: must yield a number of seconds, "
                "but is always \"ten\""});
  CHECK(Problems(WaitFlow("    Seconds.$: 12\n")) ==
        Strings{"8:16: States[0].Seconds.$: must be a string holding an "
                "expression, got number"});
  CHECK(Valid(WaitFlow("    Seconds.$: '2 * 5'\n"))
            ->top.states[0]
            .wait->seconds_expr.valid());
}

TEST_CASE("Wait: Retry, Catch and Timestamp are refused", "[definition]") {
  CHECK(Problems(WaitFlow("    Seconds: 1\n    Timestamp: "
                          "'2020-01-01T00:00:00Z'\n    Retry: []\n")) ==
        Strings{"9:16: States[0].Timestamp: unknown field 'Timestamp'",
                "10:12: States[0].Retry: unknown field 'Retry'"});
}

}  // namespace
}  // namespace fnf::internal::definition_testing
