// The 32 KiB limit on a step's input, output and local (docs/legacy-fdl.md,
// docs/behaviour.md) and when wait steps end (docs/legacy-fdl.md).
#include <chrono>

#include "common/time_format.h"
#include "interp/legacy/payload.h"
#include "interp/legacy/wait.h"
#include "tests/legacy/legacy_testing.h"

namespace fnf::internal::legacy {
namespace {

using legacy_testing::Flow;
using legacy_testing::J;
using legacy_testing::StepOf;
using legacy_testing::Valid;

TEST_CASE("input, output and local together within the limit",
          "[legacy][payload]") {
  const Json input = J(R"({"a":"0123456789"})");  // 18 bytes
  const Json output = J(R"({"b":1})");            // 7 bytes
  const Json local = J("[]");                     // 2 bytes
  CHECK_FALSE(CheckPayload("s", &input, &output, &local, 27));
  std::optional<FlowError> e = CheckPayload("s", &input, &output, &local, 26);
  REQUIRE(e);
  CHECK(e->code == "FnF.PayloadTooLarge");
  CHECK(e->detail ==
        "step 's': input, output and local are 27 bytes together, over the "
        "limit of 26");
  // Values not known yet are left out.
  CHECK_FALSE(CheckPayload("s", &input, nullptr, nullptr, 18));
  CHECK(CheckPayload("s", &input, nullptr, nullptr, 17));
  CHECK_FALSE(CheckPayload("s", nullptr, nullptr, nullptr, 0));
  // The default limit is 32 KiB.
  const Json big(std::string(Limits{}.legacy_payload_bytes - 2, 'x'));
  const Json empty = J("{}");
  CHECK_FALSE(
      CheckPayload("s", &big, nullptr, nullptr, Limits{}.legacy_payload_bytes));
  CHECK(
      CheckPayload("s", &big, &empty, nullptr, Limits{}.legacy_payload_bytes));
}

TimePoint At(std::string_view text) {
  std::optional<TimePoint> t = ParseTime(text);
  REQUIRE(t);
  return *t;
}

struct Waits {
  std::shared_ptr<const CompiledFlow> flow = Valid(Flow(R"(
  - type: wait
    name: fixed
    duration: 20
  - type: wait
    name: path
    duration: $.wait
  - type: wait
    name: sum
    duration: $.wait + 1
  - type: wait
    name: when
    timestamp: 2019-01-01T00:10:00Z
  - type: wait
    name: when_path
    timestamp: $.when
)"));
  TimePoint now = At("2019-01-01T00:00:00Z");
  int64_t max = Limits{}.legacy_wait_max_seconds;

  std::string Deadline(std::string_view step, const Json& input) {
    auto r = WaitDeadline(*StepOf(*flow, step).wait, input, now, max);
    if (auto* e = std::get_if<FlowError>(&r)) {
      return e->code + ": " + e->detail;
    }
    return FormatTime(std::get<TimePoint>(r));
  }
};

TEST_CASE("wait durations", "[legacy][wait]") {
  Waits w;
  CHECK(w.Deadline("fixed", J("{}")) == "2019-01-01T00:00:20.000Z");
  CHECK(w.Deadline("path", J(R"({"wait": 5})")) == "2019-01-01T00:00:05.000Z");
  CHECK(w.Deadline("path", J(R"({"wait": "7"})")) ==
        "2019-01-01T00:00:07.000Z");
  CHECK(w.Deadline("path", J(R"({"wait": 0})")) == "2019-01-01T00:00:00.000Z");
  CHECK(w.Deadline("path", J(R"({"wait": 172800})")) ==
        "2019-01-03T00:00:00.000Z");
  CHECK(w.Deadline("sum", J(R"({"wait": 1})")) == "2019-01-01T00:00:02.000Z");
  CHECK(w.Deadline("path", J(R"({"wait": 1.5})")) ==
        "FnF.RuntimeError: wait duration '$.wait' must be a whole number of "
        "seconds from 0 to 172800, got 1.5");
  CHECK(w.Deadline("path", J(R"({"wait": -1})")) ==
        "FnF.RuntimeError: wait duration '$.wait' must be a whole number of "
        "seconds from 0 to 172800, got -1");
  CHECK(w.Deadline("path", J(R"({"wait": 172801})")) ==
        "FnF.RuntimeError: wait duration '$.wait' must be a whole number of "
        "seconds from 0 to 172800, got 172801");
  CHECK(w.Deadline("path", J("{}")) ==
        "FnF.RuntimeError: wait duration '$.wait' must be a whole number of "
        "seconds from 0 to 172800, got null");
  CHECK(w.Deadline("path", J(R"({"wait": "soon"})")) ==
        "FnF.RuntimeError: wait duration '$.wait' must be a whole number of "
        "seconds from 0 to 172800, got \"soon\"");
  // Expression errors come back as they are.
  CHECK(w.Deadline("sum", J(R"({"wait": "x"})"))
            .rfind("FnF.ExpressionError: ", 0) == 0);
  w.max = 10;
  CHECK(w.Deadline("path", J(R"({"wait": 11})")) ==
        "FnF.RuntimeError: wait duration '$.wait' must be a whole number of "
        "seconds from 0 to 10, got 11");
}

TEST_CASE("wait timestamps", "[legacy][wait]") {
  Waits w;
  CHECK(w.Deadline("when", J("{}")) == "2019-01-01T00:10:00.000Z");
  CHECK(
      w.Deadline("when_path", J(R"({"when": "2019-01-01T08:00:00+08:00"})")) ==
      "2019-01-01T00:00:00.000Z");
  CHECK(w.Deadline("when_path", J(R"({"when": "2019-01-02T00:00:00.5Z"})")) ==
        "2019-01-02T00:00:00.500Z");
  // A time already past ends the wait at once.
  CHECK(w.Deadline("when_path", J(R"({"when": "2018-12-31T00:00:00Z"})")) ==
        "2019-01-01T00:00:00.000Z");
  CHECK(w.Deadline("when_path", J(R"({"when": "2019-01-03T00:00:01Z"})")) ==
        "FnF.RuntimeError: wait timestamp '2019-01-03T00:00:01Z' is more than "
        "172800 seconds away");
  CHECK(w.Deadline("when_path", J(R"({"when": "tomorrow"})")) ==
        "FnF.RuntimeError: wait timestamp 'tomorrow' is not an RFC 3339 time");
  CHECK(w.Deadline("when_path", J(R"({"when": 5})")) ==
        "FnF.RuntimeError: wait timestamp '$.when' must be an RFC 3339 time, "
        "got 5");
  CHECK(w.Deadline("when_path", J("{}")) ==
        "FnF.RuntimeError: wait timestamp '$.when' must be an RFC 3339 time, "
        "got null");
  w.now = At("2019-01-02T00:00:00Z");
  CHECK(w.Deadline("when", J("{}")) == "2019-01-02T00:00:00.000Z");
}

}  // namespace
}  // namespace fnf::internal::legacy
