// CronExpression: the grammar, its error messages, and fire times against a
// table of expressions whose fire times are known from the calendar.
#include "schedules/cron/cron.h"

#include <set>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "common/time_format.h"
#include "tests/testing/catch.h"

namespace fnf::internal {
namespace {

TimePoint T(const std::string& text) {
  auto t = ParseTime(text);
  REQUIRE(t.has_value());
  return *t;
}

std::string ParseError(const std::string& text) {
  std::string error;
  auto e = CronExpression::Parse(text, &error);
  CHECK_FALSE(e.has_value());
  return error;
}

CronExpression MustParse(const std::string& text) {
  std::string error;
  auto e = CronExpression::Parse(text, &error);
  INFO(text << ": " << error);
  REQUIRE(e.has_value());
  return *e;
}

// The next `n` fire times after `start`, as API time stamps.
std::vector<std::string> Fires(const std::string& text,
                               const std::string& start, int n,
                               const std::string& anchor = "") {
  CronExpression e = MustParse(text);
  TimePoint t = T(start);
  TimePoint a = anchor.empty() ? t : T(anchor);
  std::vector<std::string> out;
  for (int i = 0; i < n; ++i) {
    auto next = e.Next(t, a);
    REQUIRE(next.has_value());
    out.push_back(FormatTime(*next));
    t = *next;
  }
  return out;
}

TEST_CASE("Cron fire times: a table of expressions with known times",
          "[schedules][cron]") {
  struct Case {
    std::string expr, start;
    std::vector<std::string> fires;
  };
  const std::vector<Case> cases = {
      // Every quarter minute, from an instant with milliseconds.
      {"*/15 * * * * *",
       "2019-01-01T00:00:00.500Z",
       {"2019-01-01T00:00:15.000Z", "2019-01-01T00:00:30.000Z",
        "2019-01-01T00:00:45.000Z", "2019-01-01T00:01:00.000Z"}},
      // Once a minute; a start exactly on a fire time is not itself returned.
      {"0 * * * * *",
       "2019-01-01T00:00:00Z",
       {"2019-01-01T00:01:00.000Z", "2019-01-01T00:02:00.000Z"}},
      // Leap days: 2100 is not a leap year.
      {"0 0 0 29 2 *",
       "2019-01-01T00:00:00Z",
       {"2020-02-29T00:00:00.000Z", "2024-02-29T00:00:00.000Z",
        "2028-02-29T00:00:00.000Z"}},
      {"0 0 0 29 2 *",
       "2096-03-01T00:00:00Z",
       {"2104-02-29T00:00:00.000Z", "2108-02-29T00:00:00.000Z"}},
      // The 31st skips the months that have 30 days or fewer.
      {"0 0 0 31 * *",
       "2019-01-31T00:00:00Z",
       {"2019-03-31T00:00:00.000Z", "2019-05-31T00:00:00.000Z",
        "2019-07-31T00:00:00.000Z", "2019-08-31T00:00:00.000Z",
        "2019-10-31T00:00:00.000Z", "2019-12-31T00:00:00.000Z",
        "2020-01-31T00:00:00.000Z"}},
      // Month ends of February, leap and not.
      {"0 0 0 28-31 2 *",
       "2019-01-01T00:00:00Z",
       {"2019-02-28T00:00:00.000Z", "2020-02-28T00:00:00.000Z",
        "2020-02-29T00:00:00.000Z", "2021-02-28T00:00:00.000Z"}},
      // 2019-01-01 is a Tuesday.
      {"0 30 9 * * MON-FRI",
       "2019-01-01T00:00:00Z",
       {"2019-01-01T09:30:00.000Z", "2019-01-02T09:30:00.000Z",
        "2019-01-03T09:30:00.000Z", "2019-01-04T09:30:00.000Z",
        "2019-01-07T09:30:00.000Z"}},
      // Both day fields restricted: the 1st OR a Monday.
      {"0 0 0 1 * MON",
       "2018-12-31T12:00:00Z",
       {"2019-01-01T00:00:00.000Z", "2019-01-07T00:00:00.000Z",
        "2019-01-14T00:00:00.000Z", "2019-01-21T00:00:00.000Z",
        "2019-01-28T00:00:00.000Z", "2019-02-01T00:00:00.000Z",
        "2019-02-04T00:00:00.000Z"}},
      // `?` leaves the other day field alone.
      {"0 0 0 ? * MON",
       "2018-12-31T12:00:00Z",
       {"2019-01-07T00:00:00.000Z", "2019-01-14T00:00:00.000Z"}},
      {"0 0 10 1 * ?",
       "2019-01-01T10:00:00Z",
       {"2019-02-01T10:00:00.000Z", "2019-03-01T10:00:00.000Z"}},
      // A step restricts the field: odd days of the month OR Sundays.
      {"0 0 0 */2 * SUN",
       "2019-01-01T00:00:00Z",
       {"2019-01-03T00:00:00.000Z", "2019-01-05T00:00:00.000Z",
        "2019-01-06T00:00:00.000Z", "2019-01-07T00:00:00.000Z"}},
      // Day-of-week 7 is Sunday; a range may end on Sunday.
      {"0 0 12 * * 7",
       "2019-01-01T00:00:00Z",
       {"2019-01-06T12:00:00.000Z", "2019-01-13T12:00:00.000Z"}},
      {"0 0 0 * * FRI-SUN",
       "2019-01-01T00:00:00Z",
       {"2019-01-04T00:00:00.000Z", "2019-01-05T00:00:00.000Z",
        "2019-01-06T00:00:00.000Z", "2019-01-11T00:00:00.000Z"}},
      // Lists, ranges with steps, `N/step`, names in any case.
      {"5,10-20/5 0 0 1 jan,Jul *",
       "2019-01-01T00:00:00Z",
       {"2019-01-01T00:00:05.000Z", "2019-01-01T00:00:10.000Z",
        "2019-01-01T00:00:15.000Z", "2019-01-01T00:00:20.000Z",
        "2019-07-01T00:00:05.000Z"}},
      {"0 50/5 * * * *",
       "2019-01-01T00:00:00Z",
       {"2019-01-01T00:50:00.000Z", "2019-01-01T00:55:00.000Z",
        "2019-01-01T01:50:00.000Z"}},
      // The last second of the year rolls into the next one.
      {"59 59 23 31 12 *",
       "2019-06-01T00:00:00Z",
       {"2019-12-31T23:59:59.000Z", "2020-12-31T23:59:59.000Z"}},
      {"0 0 0 1 1 *",
       "2019-01-01T00:00:00Z",
       {"2020-01-01T00:00:00.000Z", "2021-01-01T00:00:00.000Z"}},
      // Blanks around and between the fields.
      {"  0\t0  0 * *  *  ",
       "2019-01-01T00:00:00Z",
       {"2019-01-02T00:00:00.000Z"}},
  };
  for (const Case& c : cases) {
    INFO(c.expr << " after " << c.start);
    CHECK(Fires(c.expr, c.start, static_cast<int>(c.fires.size())) == c.fires);
  }
}

TEST_CASE("@every fires at whole intervals after its anchor",
          "[schedules][cron]") {
  CHECK(Fires("@every 90s", "2019-01-01T00:00:00Z", 3) ==
        std::vector<std::string>{"2019-01-01T00:01:30.000Z",
                                 "2019-01-01T00:03:00.000Z",
                                 "2019-01-01T00:04:30.000Z"});
  // From an instant between ticks: the phase stays the anchor's.
  CHECK(Fires("@every 90s", "2019-01-01T00:01:40Z", 2,
              "2019-01-01T00:00:00.250Z") ==
        std::vector<std::string>{"2019-01-01T00:03:00.250Z",
                                 "2019-01-01T00:04:30.250Z"});
  // Before the anchor: the first tick.
  CHECK(Fires("@every 5m", "2018-12-31T00:00:00Z", 1, "2019-01-01T00:00:00Z") ==
        std::vector<std::string>{"2019-01-01T00:05:00.000Z"});
  CHECK(MustParse("@every 1h30m").every() == std::chrono::seconds(5400));
  CHECK(MustParse("@every 1.5h").every() == std::chrono::seconds(5400));
  CHECK(MustParse("@every  2h0m5s ").every() == std::chrono::seconds(7205));
  CHECK(MustParse("@every 0.5m").every() == std::chrono::seconds(30));
  CHECK(MustParse("0 * * * * *").every() == std::chrono::seconds(0));
}

TEST_CASE("Cron parse errors name the field and the problem",
          "[schedules][cron]") {
  struct Case {
    std::string expr, error;
  };
  const std::vector<Case> cases = {
      {"", "the expression is empty"},
      {"   ", "the expression is empty"},
      {"* * * * *",
       "expected 6 fields (second minute hour day-of-month month "
       "day-of-week), got 5; a five-field crontab line needs the seconds in "
       "front, e.g. '0 * ...'"},
      {"0 0 0 * * * 2019",
       "expected 6 fields (second minute hour day-of-month month "
       "day-of-week), got 7"},
      {"60 * * * * *", "second: 60 is out of range 0-59"},
      {"0 60 * * * *", "minute: 60 is out of range 0-59"},
      {"0 0 24 * * *", "hour: 24 is out of range 0-23"},
      {"0 0 0 0 * *", "day-of-month: 0 is out of range 1-31"},
      {"0 0 0 32 * *", "day-of-month: 32 is out of range 1-31"},
      {"0 0 0 * 13 *", "month: 13 is out of range 1-12"},
      {"0 0 0 * * 8", "day-of-week: 8 is out of range 0-7"},
      {"0 0 0 * FOO *", "month: 'FOO' is not a month: 1-12 or JAN-DEC"},
      {"0 0 0 * * MONDAY",
       "day-of-week: 'MONDAY' is not a day of the week: 0-7 (0 and 7 are "
       "Sunday) or SUN-SAT"},
      {"0 0 0 L * *", "day-of-month: 'L' is not a number 1-31"},
      {"x * * * * *", "second: 'x' is not a number 0-59"},
      {"0 0 0 * * MON#2",
       "day-of-week: 'MON#2' is not a day of the week: 0-7 (0 and 7 are "
       "Sunday) or SUN-SAT"},
      {"? * * * * *",
       "second: '?' is only allowed in day-of-month and day-of-week"},
      {"0 0 0 1,? * *", "day-of-month: '?' must be the whole field"},
      {"0 0 0 ?/2 * *", "day-of-month: '?' must be the whole field"},
      {"0 30-10 * * * *",
       "minute: the range '30-10' runs backwards (30 is after 10)"},
      {"0 0 0 * DEC-JAN *",
       "month: the range 'DEC-JAN' runs backwards (DEC is after JAN)"},
      {"*/0 * * * * *", "second: the step in '*/0' must be at least 1"},
      {"*/ * * * * *", "second: the step after '/' is missing in '*/'"},
      {"*/x * * * * *", "second: the step 'x' is not a number"},
      {"1/2/3 * * * * *", "second: '1/2/3' has more than one '/'"},
      {"1,,2 * * * * *", "second: the list '1,,2' has an empty item"},
      {"-5 * * * * *", "second: a value is missing; expected a number 0-59"},
      {"0 0 0 30 2 *",
       "day-of-month: day 30 never occurs in the selected months (they have "
       "at most 29 days)"},
      {"0 0 0 31 4,6,9,11 *",
       "day-of-month: day 31 never occurs in the selected months (they have "
       "at most 30 days)"},
      {"@daily",
       "'@daily' is not supported: write six fields (e.g. '0 0 0 * * *') or "
       "'@every <duration>'"},
      {"@every", "@every: the duration is missing, e.g. '@every 90s'"},
      {"@everyday",
       "'@everyday' is not supported: write six fields (e.g. '0 0 0 * * *') "
       "or '@every <duration>'"},
      {"@every 90",
       "@every: '90' is not a duration: '90' has no unit; use h, m or s (e.g. "
       "90s, 5m, 1h30m)"},
      {"@every 1d",
       "@every: '1d' is not a duration: unknown unit 'd'; use h, m or s (e.g. "
       "90s, 5m, 1h30m)"},
      {"@every 500ms",
       "@every: '500ms' is not a duration: unknown unit 'ms'; use h, m or s "
       "(e.g. 90s, 5m, 1h30m)"},
      {"@every -5s",
       "@every: '-5s' is not a duration: '-' where a number was expected "
       "(e.g. 90s, 5m, 1h30m)"},
      {"@every 0s",
       "@every: the interval '0s' is too short: it must be at least 1s"},
      {"@every 1.5s",
       "@every: the interval '1.5s' is not a whole number of seconds"},
      {"@every 87601h",
       "@every: the interval '87601h' is too long: it must be at most 87600h"},
      {"@every 1234567890h",
       "@every: '1234567890h' is not a duration: a number has too many digits "
       "(e.g. 90s, 5m, 1h30m)"},
  };
  for (const Case& c : cases) {
    INFO(c.expr);
    CHECK(ParseError(c.expr) == c.error);
  }
}

TEST_CASE("Cron: accepted corner cases", "[schedules][cron]") {
  // 31 in months where some have 31 days; Feb 29 alone; both day fields
  // restricted can never be empty.
  for (const char* ok :
       {"0 0 0 31 4,5 *", "0 0 0 29 FEB ?", "0 0 0 31 2 MON", "*/1 * * * * *",
        "0-59 0-59 0-23 1-31 1-12 0-7", "0 0 0 * * sun,Sat", "0 0 0 ? * ?"}) {
    std::string error;
    INFO(ok);
    CHECK(CronExpression::Parse(ok, &error).has_value());
    CHECK(error.empty());
  }
  // Feb 31 with a restricted day-of-week fires on that weekday.
  CHECK(Fires("0 0 0 31 2 MON", "2019-01-01T00:00:00Z", 1) ==
        std::vector<std::string>{"2019-02-04T00:00:00.000Z"});
}

// An oracle written independently of the parser: explicit value sets checked
// second by second with Abseil's civil time.
TEST_CASE("Cron fire times agree with a second-by-second oracle",
          "[schedules][cron]") {
  struct Case {
    std::string expr;
    std::set<int> sec, min, hour, dom, month, dow;
    bool or_days;
  };
  auto all = [](int lo, int hi) {
    std::set<int> s;
    for (int i = lo; i <= hi; ++i) s.insert(i);
    return s;
  };
  const std::vector<Case> cases = {
      {"*/20 5,10 * * * *",
       {0, 20, 40},
       {5, 10},
       all(0, 23),
       all(1, 31),
       all(1, 12),
       all(0, 6),
       false},
      {"30 0 */7 * * *",
       {30},
       {0},
       {0, 7, 14, 21},
       all(1, 31),
       all(1, 12),
       all(0, 6),
       false},
      {"0 0 6 1,15 * WED", {0}, {0}, {6}, {1, 15}, all(1, 12), {3}, true},
      {"0 0 22 * * 1-5",
       {0},
       {0},
       {22},
       all(1, 31),
       all(1, 12),
       {1, 2, 3, 4, 5},
       false},
      {"0 0 0 28-31 * ?",
       {0},
       {0},
       {0},
       {28, 29, 30, 31},
       all(1, 12),
       all(0, 6),
       false},
  };
  for (const Case& c : cases) {
    INFO(c.expr);
    CronExpression e = MustParse(c.expr);
    const absl::TimeZone utc = absl::UTCTimeZone();
    // Around the end of February 2020 (a leap year), minute by minute.
    const absl::Time begin =
        absl::FromCivil(absl::CivilSecond(2020, 2, 10), utc);
    const absl::Time end = absl::FromCivil(absl::CivilSecond(2020, 3, 20), utc);
    std::vector<absl::Time> oracle;
    for (absl::Time t = begin; t < end; t += absl::Minutes(1)) {
      absl::CivilSecond cs = absl::ToCivilSecond(t, utc);
      int wd = static_cast<int>(absl::GetWeekday(cs));  // Monday = 0
      wd = (wd + 1) % 7;                                // Sunday = 0
      bool dom = c.dom.count(cs.day()), dow = c.dow.count(wd);
      bool day = c.or_days ? dom || dow : dom && dow;
      if (c.min.count(cs.minute()) && c.hour.count(cs.hour()) &&
          c.month.count(cs.month()) && day) {
        for (int s : c.sec) oracle.push_back(t + absl::Seconds(s));
      }
    }
    REQUIRE(!oracle.empty());
    TimePoint t = absl::ToChronoTime(begin - absl::Seconds(1));
    for (absl::Time want : oracle) {
      auto next = e.Next(t, t);
      REQUIRE(next.has_value());
      REQUIRE(FormatTime(*next) == FormatTime(absl::ToChronoTime(want)));
      t = *next;
    }
    auto after = e.Next(t, t);
    REQUIRE(after.has_value());
    CHECK(*after >= absl::ToChronoTime(end));
  }
}

}  // namespace
}  // namespace fnf::internal
