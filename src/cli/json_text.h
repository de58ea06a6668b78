// Checks JSON text the way the tool's users need it: with a line and column to
// point at.
#ifndef FNF_CLI_JSON_TEXT_H_
#define FNF_CLI_JSON_TEXT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace fnf::cli {

// How deeply JSON may nest: the library's limit (docs/limits.md).
inline constexpr int kMaxJsonDepth = 512;

// Where JSON text is wrong (1-based line and byte column) and how.
struct JsonProblem {
  int line = 1, column = 1;
  std::string message;
};

// nullopt when `text` is one well-formed JSON value (surrounded by optional
// whitespace) nested at most kMaxJsonDepth levels, and, with
// `require_object`, that value is an object. Needs no stack per level.
std::optional<JsonProblem> FindJsonProblem(std::string_view text,
                                           bool require_object);

// `text` without leading and trailing JSON whitespace (space, tab, CR, LF).
std::string_view TrimJsonSpace(std::string_view text);

// `text` indented by two spaces per level, each line after the first starting
// with `indent`; numbers keep their spelling and members their order. Text that
// is not JSON comes back as it is.
std::string PrettyJson(std::string_view text, std::string_view indent = "");

// Milliseconds since the epoch of an API time stamp
// ("2019-01-01T01:01:01.001Z"); nullopt when `stamp` is not one.
std::optional<int64_t> TimestampMillis(std::string_view stamp);

// Seconds with milliseconds, as the tool prints durations: "3.000s".
std::string FormatSeconds(int64_t millis);

}  // namespace fnf::cli

#endif  // FNF_CLI_JSON_TEXT_H_
