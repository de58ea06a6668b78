// CronExpression::Parse: the six-field grammar and `@every <duration>`.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "schedules/cron/cron.h"

namespace fnf::internal {
namespace {

constexpr std::array<std::string_view, 12> kMonthNames = {
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN",
    "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
constexpr std::array<std::string_view, 7> kDayNames = {
    "SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

struct FieldSpec {
  std::string_view name;
  int min, max;
  const std::string_view* names;  // nullptr: numbers only
  int name_count, first_named;    // kMonthNames[0] is month 1
  std::string_view expected;      // what a value must be, for messages
  bool question_ok;               // `?` allowed (the two day fields)
};

constexpr std::array<FieldSpec, 6> kFields = {{
    {"second", 0, 59, nullptr, 0, 0, "a number 0-59", false},
    {"minute", 0, 59, nullptr, 0, 0, "a number 0-59", false},
    {"hour", 0, 23, nullptr, 0, 0, "a number 0-23", false},
    {"day-of-month", 1, 31, nullptr, 0, 0, "a number 1-31", true},
    {"month", 1, 12, kMonthNames.data(), 12, 1, "a month: 1-12 or JAN-DEC",
     false},
    {"day-of-week", 0, 7, kDayNames.data(), 7, 0,
     "a day of the week: 0-7 (0 and 7 are Sunday) or SUN-SAT", true},
}};

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
  return s;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(),
                                   [](char c) { return c >= '0' && c <= '9'; });
}

// A digit string of at most 9 digits (no overflow in int).
bool SmallNumber(std::string_view s, int* out) {
  if (!AllDigits(s) || s.size() > 9) return false;
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  *out = v;
  return true;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::toupper(static_cast<unsigned char>(x)) == y;
         });
}

std::string Quote(std::string_view s) { return "'" + std::string(s) + "'"; }

}  // namespace

// Builds a CronExpression field by field; the first problem found ends it.
class CronParser {
 public:
  explicit CronParser(std::string* error) : error_(error) {}

  std::optional<CronExpression> Parse(std::string_view text) {
    text = Trim(text);
    if (text.empty()) return Fail("", "the expression is empty");
    if (text.front() == '@') return ParseDescriptor(text);
    std::vector<std::string_view> fields;
    while (!text.empty()) {
      size_t end = 0;
      while (end < text.size() && !IsBlank(text[end])) ++end;
      fields.push_back(text.substr(0, end));
      text = Trim(text.substr(end));
    }
    if (fields.size() != kFields.size()) {
      std::string why =
          "expected 6 fields (second minute hour day-of-month month "
          "day-of-week), got " +
          std::to_string(fields.size());
      if (fields.size() == 5) {
        why += "; a five-field crontab line needs the seconds in front, e.g. " +
               Quote("0 " + std::string(fields[0]) + " ...");
      }
      return Fail("", why);
    }
    CronExpression e;
    uint64_t masks[6] = {};
    bool restricted[6] = {};
    for (size_t i = 0; i < fields.size(); ++i) {
      if (!ParseField(kFields[i], fields[i], &masks[i], &restricted[i])) {
        return std::nullopt;
      }
    }
    e.seconds_ = masks[0];
    e.minutes_ = masks[1];
    e.hours_ = static_cast<uint32_t>(masks[2]);
    e.days_ = static_cast<uint32_t>(masks[3]);
    e.months_ = static_cast<uint16_t>(masks[4]);
    // Day-of-week 7 is Sunday too.
    e.weekdays_ = static_cast<uint8_t>((masks[5] | (masks[5] >> 7)) & 0x7f);
    e.days_restricted_ = restricted[3];
    e.weekdays_restricted_ = restricted[5];
    if (e.days_restricted_ && !e.weekdays_restricted_ &&
        !CheckDaysOccur(e.days_, e.months_)) {
      return std::nullopt;
    }
    return e;
  }

 private:
  std::nullopt_t Fail(std::string_view field, std::string_view why) {
    *error_ = field.empty() ? std::string(why)
                            : std::string(field) + ": " + std::string(why);
    return std::nullopt;
  }

  std::optional<CronExpression> ParseDescriptor(std::string_view text) {
    constexpr std::string_view kEvery = "@every";
    if (text.substr(0, kEvery.size()) != kEvery ||
        (text.size() > kEvery.size() && !IsBlank(text[kEvery.size()]))) {
      size_t end = 0;
      while (end < text.size() && !IsBlank(text[end])) ++end;
      return Fail("", Quote(text.substr(0, end)) +
                          " is not supported: write six fields (e.g. '0 0 0 "
                          "* * *') or '@every <duration>'");
    }
    std::string_view d = Trim(text.substr(kEvery.size()));
    if (d.empty()) {
      return Fail("@every", "the duration is missing, e.g. '@every 90s'");
    }
    std::optional<int64_t> ms = ParseDuration(d);
    if (!ms) return std::nullopt;
    if (*ms < 1000) {
      return Fail("@every", "the interval " + Quote(d) +
                                " is too short: it must be at least 1s");
    }
    if (*ms % 1000 != 0) {
      return Fail("@every", "the interval " + Quote(d) +
                                " is not a whole number of seconds");
    }
    constexpr int64_t kMaxSeconds = 87600LL * 3600;  // ten years
    if (*ms / 1000 > kMaxSeconds) {
      return Fail("@every", "the interval " + Quote(d) +
                                " is too long: it must be at most 87600h");
    }
    CronExpression e;
    e.every_ = std::chrono::seconds(*ms / 1000);
    return e;
  }

  // Go-style: one or more <number><unit> parts, unit h, m or s; the number may
  // have a fraction (1.5h). Milliseconds, or nullopt with the error set.
  std::optional<int64_t> ParseDuration(std::string_view d) {
    const std::string_view whole = d;
    auto bad = [&](std::string_view why) {
      Fail("@every", Quote(whole) + " is not a duration: " + std::string(why) +
                         " (e.g. 90s, 5m, 1h30m)");
      return std::nullopt;
    };
    int64_t total = 0;
    while (!d.empty()) {
      size_t n = 0;
      while (n < d.size() && std::isdigit(static_cast<unsigned char>(d[n])))
        ++n;
      std::string_view int_part = d.substr(0, n);
      std::string_view frac_part;
      if (n < d.size() && d[n] == '.') {
        size_t f = n + 1;
        while (f < d.size() && std::isdigit(static_cast<unsigned char>(d[f])))
          ++f;
        frac_part = d.substr(n + 1, f - n - 1);
        n = f;
      }
      if (int_part.empty() && frac_part.empty()) {
        return bad(Quote(d.substr(0, 1)) + " where a number was expected");
      }
      if (int_part.size() > 9 || frac_part.size() > 9) {
        return bad("a number has too many digits");
      }
      size_t u = n;
      while (u < d.size() && std::isalpha(static_cast<unsigned char>(d[u])))
        ++u;
      std::string_view unit = d.substr(n, u - n);
      int64_t unit_ms;
      if (unit == "h") {
        unit_ms = 3600000;
      } else if (unit == "m") {
        unit_ms = 60000;
      } else if (unit == "s") {
        unit_ms = 1000;
      } else if (unit.empty()) {
        return bad(Quote(d.substr(0, n)) + " has no unit; use h, m or s");
      } else {
        return bad("unknown unit " + Quote(unit) + "; use h, m or s");
      }
      int iv = 0, fv = 0;
      if (!int_part.empty()) SmallNumber(int_part, &iv);
      if (!frac_part.empty()) SmallNumber(frac_part, &fv);
      int64_t scale = 1;
      for (size_t i = 0; i < frac_part.size(); ++i) scale *= 10;
      // Fractions are rounded down to the millisecond; a fraction that does
      // not give whole seconds is reported by the caller.
      total += iv * unit_ms + fv * unit_ms / scale;
      if ((fv * unit_ms) % scale != 0) total += 1;  // keeps it non-whole
      d = d.substr(u);
    }
    return total;
  }

  bool ParseValue(const FieldSpec& f, std::string_view tok, int* out) {
    if (tok.empty()) {
      Fail(f.name, "a value is missing; expected " + std::string(f.expected));
      return false;
    }
    if (AllDigits(tok)) {
      int v;
      if (!SmallNumber(tok, &v) || v < f.min || v > f.max) {
        Fail(f.name, std::string(tok) + " is out of range " +
                         std::to_string(f.min) + "-" + std::to_string(f.max));
        return false;
      }
      *out = v;
      return true;
    }
    for (int i = 0; i < f.name_count; ++i) {
      if (EqualsIgnoreCase(tok, f.names[i])) {
        *out = f.first_named + i;
        return true;
      }
    }
    if (tok == "?") {
      Fail(f.name, f.question_ok
                       ? "'?' must be the whole field"
                       : "'?' is only allowed in day-of-month and day-of-week");
      return false;
    }
    Fail(f.name, Quote(tok) + " is not " + std::string(f.expected));
    return false;
  }

  bool ParseItem(const FieldSpec& f, std::string_view item, uint64_t* mask) {
    std::string_view range = item, step_text;
    bool has_step = false;
    if (size_t slash = item.find('/'); slash != std::string_view::npos) {
      range = item.substr(0, slash);
      step_text = item.substr(slash + 1);
      has_step = true;
      if (step_text.find('/') != std::string_view::npos) {
        Fail(f.name, Quote(item) + " has more than one '/'");
        return false;
      }
    }
    int lo, hi;
    if (range == "*") {
      lo = f.min;
      hi = f.name_count == 7 ? 6 : f.max;  // day-of-week: 7 repeats Sunday
    } else if (size_t dash = range.find('-'); dash != std::string_view::npos) {
      if (!ParseValue(f, range.substr(0, dash), &lo) ||
          !ParseValue(f, range.substr(dash + 1), &hi)) {
        return false;
      }
      // FRI-SUN: a day-of-week range may end on Sunday.
      if (f.name_count == 7 && hi == 0 && lo > 0) hi = 7;
      if (lo > hi) {
        Fail(f.name, "the range " + Quote(range) + " runs backwards (" +
                         std::string(range.substr(0, dash)) + " is after " +
                         std::string(range.substr(dash + 1)) + ")");
        return false;
      }
    } else {
      if (!ParseValue(f, range, &lo)) return false;
      hi = lo;
      if (has_step) hi = f.max;  // 10/5 means 10-max/5
    }
    int step = 1;
    if (has_step) {
      if (step_text.empty()) {
        Fail(f.name, "the step after '/' is missing in " + Quote(item));
        return false;
      }
      if (!SmallNumber(step_text, &step)) {
        Fail(f.name, "the step " + Quote(step_text) + " is not a number");
        return false;
      }
      if (step == 0) {
        Fail(f.name, "the step in " + Quote(item) + " must be at least 1");
        return false;
      }
    }
    for (int v = lo; v <= hi; v += step) *mask |= uint64_t{1} << v;
    return true;
  }

  bool ParseField(const FieldSpec& f, std::string_view text, uint64_t* mask,
                  bool* restricted) {
    *mask = 0;
    if (text == "?") {
      if (!f.question_ok) {
        Fail(f.name, "'?' is only allowed in day-of-month and day-of-week");
        return false;
      }
      *restricted = false;
      return ParseItem(f, "*", mask);
    }
    *restricted = !(text == "*" || text == "*/1");
    size_t start = 0;
    while (true) {
      size_t comma = text.find(',', start);
      std::string_view item = text.substr(
          start, comma == std::string_view::npos ? comma : comma - start);
      if (item.empty()) {
        Fail(f.name, "the list " + Quote(text) + " has an empty item");
        return false;
      }
      if (!ParseItem(f, item, mask)) return false;
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
    return true;
  }

  // With day-of-week unrestricted only day-of-month picks days: refuse a
  // combination such as `0 0 0 30 2 *` that never fires.
  bool CheckDaysOccur(uint32_t days, uint16_t months) {
    static constexpr int kMaxDays[13] = {0,  31, 29, 31, 30, 31, 30,
                                         31, 31, 30, 31, 30, 31};
    int longest = 0;
    for (int m = 1; m <= 12; ++m) {
      if (months >> m & 1) longest = std::max(longest, kMaxDays[m]);
    }
    int first_day = 1;
    while (!(days >> first_day & 1)) ++first_day;
    if (first_day <= longest) return true;
    Fail("day-of-month", "day " + std::to_string(first_day) +
                             " never occurs in the selected months (they "
                             "have at most " +
                             std::to_string(longest) + " days)");
    return false;
  }

  std::string* error_;
};

std::optional<CronExpression> CronExpression::Parse(std::string_view text,
                                                    std::string* error) {
  return CronParser(error).Parse(text);
}

}  // namespace fnf::internal
