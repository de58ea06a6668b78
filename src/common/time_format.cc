#include "common/time_format.h"

#include "absl/time/time.h"

namespace fnf::internal {
namespace {

// Howard Hinnant's days-to-civil algorithm: the engine formats a time stamp for
// every execution it reports, so this avoids a time-zone library call on that
// path.
void CivilFromDays(int64_t z, int64_t* y, unsigned* m, unsigned* d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = static_cast<int64_t>(yoe) + era * 400 + (*m <= 2);
}

void Put(unsigned v, int width, char* out) {
  for (int i = width - 1; i >= 0; --i) {
    out[i] = static_cast<char>('0' + v % 10);
    v /= 10;
  }
}

}  // namespace

std::string FormatTime(TimePoint t) {
  const int64_t ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                         t.time_since_epoch())
                         .count();
  int64_t days = ms / 86400000;
  int64_t rem = ms % 86400000;
  if (rem < 0) {
    rem += 86400000;
    --days;
  }
  int64_t year;
  unsigned month, day;
  CivilFromDays(days, &year, &month, &day);
  if (year < 0 || year > 9999) {
    return absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", absl::FromChrono(t),
                            absl::UTCTimeZone());
  }
  char buf[24];  // "2019-01-01T01:01:01.001Z"
  Put(static_cast<unsigned>(year), 4, buf);
  buf[4] = '-';
  Put(month, 2, buf + 5);
  buf[7] = '-';
  Put(day, 2, buf + 8);
  buf[10] = 'T';
  Put(static_cast<unsigned>(rem / 3600000), 2, buf + 11);
  buf[13] = ':';
  Put(static_cast<unsigned>(rem / 60000 % 60), 2, buf + 14);
  buf[16] = ':';
  Put(static_cast<unsigned>(rem / 1000 % 60), 2, buf + 17);
  buf[19] = '.';
  Put(static_cast<unsigned>(rem % 1000), 3, buf + 20);
  buf[23] = 'Z';
  return std::string(buf, 24);
}

std::optional<TimePoint> ParseTime(std::string_view text) {
  absl::Time t;
  std::string err;
  if (!absl::ParseTime(absl::RFC3339_full, std::string(text), &t, &err))
    return std::nullopt;
  return absl::ToChronoTime(t);
}

}  // namespace fnf::internal
