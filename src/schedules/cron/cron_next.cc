// CronExpression::Next: the next fire time, field by field on the UTC calendar.
#include <bit>
#include <chrono>
#include <cstdint>

#include "schedules/cron/cron.h"

namespace fnf::internal {
namespace {

using std::chrono::days;
using std::chrono::floor;
using std::chrono::seconds;
using std::chrono::sys_days;
using std::chrono::sys_seconds;
using std::chrono::year_month_day;

// The smallest selected value >= from, or -1.
int NextBit(uint64_t mask, int from) {
  if (from >= 64) return -1;
  uint64_t rest = mask >> from;
  return rest == 0 ? -1 : from + std::countr_zero(rest);
}

}  // namespace

bool CronExpression::DayMatches(unsigned day, unsigned weekday) const {
  bool dom = days_ >> day & 1;
  bool dow = weekdays_ >> weekday & 1;
  return days_restricted_ && weekdays_restricted_ ? dom || dow : dom && dow;
}

std::optional<CronTime> CronExpression::Next(CronTime after,
                                             CronTime anchor) const {
  if (every_.count() == 0) return NextCalendar(after);
  if (after < anchor + every_) return anchor + every_;
  auto k = (after - anchor) / every_ + 1;  // floor: after >= anchor here
  return anchor + k * every_;
}

std::optional<CronTime> CronExpression::NextCalendar(CronTime after) const {
  if (months_ == 0) return std::nullopt;  // default-constructed
  sys_seconds t = floor<seconds>(after) + seconds(1);
  sys_days day = floor<days>(t);
  int64_t sod = (t - day).count();  // second of the day
  // Parse refuses day sets that never occur, and every valid day set occurs
  // within 8 years (Feb 29 across a skipped leap year): the bound only stops
  // the search at the end of the calendar.
  const std::chrono::year last{9999};
  while (true) {
    if (sod >= 86400) {
      day += days(1);
      sod = 0;
    }
    const year_month_day ymd(day);
    if (ymd.year() > last) return std::nullopt;
    if (!(months_ >> static_cast<unsigned>(ymd.month()) & 1)) {
      day = sys_days((ymd.year() / ymd.month() + std::chrono::months(1)) /
                     std::chrono::day(1));
      sod = 0;
      continue;
    }
    if (!DayMatches(static_cast<unsigned>(ymd.day()),
                    std::chrono::weekday(day).c_encoding())) {
      day += days(1);
      sod = 0;
      continue;
    }
    int h = static_cast<int>(sod / 3600), m = static_cast<int>(sod / 60 % 60),
        s = static_cast<int>(sod % 60);
    int nh = NextBit(hours_, h);
    if (nh < 0) {
      sod = 86400;
      continue;
    }
    if (nh != h) {
      h = nh;
      m = s = 0;
    }
    int nm = NextBit(minutes_, m);
    if (nm < 0) {
      sod = (h + 1) * 3600;
      continue;
    }
    if (nm != m) {
      m = nm;
      s = 0;
    }
    int ns = NextBit(seconds_, s);
    if (ns < 0) {
      sod = h * 3600 + (m + 1) * 60;
      continue;
    }
    return CronTime(sys_seconds(day) + seconds(h * 3600 + m * 60 + ns));
  }
}

}  // namespace fnf::internal
