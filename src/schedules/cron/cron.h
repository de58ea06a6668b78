// Cron expressions of schedules (CreateSchedule's CronExpression): parsing and
// the next fire time, in UTC.
//
// Standalone on purpose (the standard library only, no engine types), so that
// the grammar and the calendar arithmetic are tested on their own and can be
// reused by any store or host that needs to know when a schedule fires.
//
// Grammar (docs/schedules.md has the user-facing version):
//   six fields, separated by blanks: second minute hour day-of-month month
//   day-of-week, each a comma-separated list of items; an item is `*`, a
//   value, a range `a-b`, optionally followed by a step `/n` (`*/15`,
//   `10-50/5`, and `10/5` meaning `10-<max>/5`). Months take JAN..DEC, days of
//   the week SUN..SAT (case-insensitive); day-of-week 0 and 7 are both Sunday.
//   `?` is allowed as the whole day-of-month or day-of-week field and means the
//   same as `*` ("no particular day"). Or `@every <duration>`: a Go-style
//   duration of whole seconds made of h/m/s parts (`90s`, `5m`, `1h30m`,
//   `1.5h`), at least 1s.
//
// Day-of-month with day-of-week (classic cron): a field is unrestricted when
// it is `*` or `?` (a step other than 1, as in `*/2`, restricts it). When both
// are restricted a day matches if EITHER matches (`0 0 0 1 * MON`: the 1st of
// the month and every Monday); otherwise a day must match both, which means
// it matches the restricted one.
#ifndef FNF_SCHEDULES_CRON_CRON_H_
#define FNF_SCHEDULES_CRON_CRON_H_

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace fnf::internal {

using CronTime = std::chrono::system_clock::time_point;

class CronExpression {
 public:
  // Parses `text` (leading and trailing blanks ignored). On failure returns
  // nullopt and sets `*error` to "<field>: <why>", e.g. "day-of-month: 32 is
  // out of range 1-31" or "@every: the interval must be at least 1s"; the
  // caller adds the expression and the error code. Thread-safe.
  static std::optional<CronExpression> Parse(std::string_view text,
                                             std::string* error);

  // The first fire time strictly after `after`. Six-field expressions fire on
  // whole seconds, UTC. `@every d` fires at anchor + k*d for k >= 1, where
  // `anchor` is when the expression was set (ignored by six-field
  // expressions). nullopt only when no fire time exists before year 10000.
  // Thread-safe (const).
  std::optional<CronTime> Next(CronTime after, CronTime anchor) const;

  // An expression that never fires (Next returns nullopt); Parse makes the
  // others.
  CronExpression() = default;

  // The `@every` interval; zero for six-field expressions.
  std::chrono::seconds every() const { return every_; }

 private:
  friend class CronParser;

  std::optional<CronTime> NextCalendar(CronTime after) const;
  bool DayMatches(unsigned day, unsigned weekday) const;

  std::chrono::seconds every_{0};
  // Bit i set: value i selected.
  uint64_t seconds_ = 0, minutes_ = 0;
  uint32_t hours_ = 0, days_ = 0;  // days_: bits 1..31
  uint16_t months_ = 0;            // bits 1..12
  uint8_t weekdays_ = 0;           // bits 0..6, 0 = Sunday
  bool days_restricted_ = false, weekdays_restricted_ = false;
};

}  // namespace fnf::internal

#endif  // FNF_SCHEDULES_CRON_CRON_H_
