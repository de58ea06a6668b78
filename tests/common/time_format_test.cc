#include "common/time_format.h"

#include "absl/time/time.h"
#include "tests/testing/catch.h"

namespace fnf::internal {
namespace {

TEST_CASE("FormatTime: UTC with milliseconds, as the API spells it",
          "[common]") {
  using std::chrono::milliseconds;
  CHECK(FormatTime(TimePoint(milliseconds(1546304461001))) ==
        "2019-01-01T01:01:01.001Z");
  CHECK(FormatTime(TimePoint(milliseconds(0))) == "1970-01-01T00:00:00.000Z");
  CHECK(FormatTime(TimePoint(milliseconds(951782400000))) ==
        "2000-02-29T00:00:00.000Z");
  CHECK(FormatTime(TimePoint(milliseconds(-1))) == "1969-12-31T23:59:59.999Z");
  // Agrees with Abseil across many days, leap years and centuries included.
  for (int64_t ms = -2208988800000; ms < 4102444800000;
       ms += 86400000LL * 37 + 12345) {
    TimePoint t{milliseconds(ms)};
    CHECK(FormatTime(t) == absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ",
                                            absl::FromChrono(t),
                                            absl::UTCTimeZone()));
  }
}

TEST_CASE("ParseTime reads RFC 3339", "[common]") {
  auto t = ParseTime("2019-01-01T09:01:01.5+08:00");
  REQUIRE(t.has_value());
  CHECK(FormatTime(*t) == "2019-01-01T01:01:01.500Z");
  CHECK_FALSE(ParseTime("yesterday").has_value());
}

}  // namespace
}  // namespace fnf::internal
