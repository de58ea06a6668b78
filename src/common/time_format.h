// Time stamps as the API spells them: UTC, millisecond precision,
// "2019-01-01T01:01:01.001Z".
#ifndef FNF_COMMON_TIME_FORMAT_H_
#define FNF_COMMON_TIME_FORMAT_H_

#include <optional>
#include <string>
#include <string_view>

#include "fnf/clock.h"

namespace fnf::internal {

std::string FormatTime(TimePoint t);
// Parses RFC 3339 ("2019-01-01T01:01:01Z", "...01.5+08:00"); nullopt when
// malformed.
std::optional<TimePoint> ParseTime(std::string_view text);

}  // namespace fnf::internal

#endif  // FNF_COMMON_TIME_FORMAT_H_
