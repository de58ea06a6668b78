#include "common/time_format.h"

#include "absl/time/time.h"

namespace fnf::internal {

std::string FormatTime(TimePoint t) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", absl::FromChrono(t),
                          absl::UTCTimeZone());
}

std::optional<TimePoint> ParseTime(std::string_view text) {
  absl::Time t;
  std::string err;
  if (!absl::ParseTime(absl::RFC3339_full, std::string(text), &t, &err))
    return std::nullopt;
  return absl::ToChronoTime(t);
}

}  // namespace fnf::internal
