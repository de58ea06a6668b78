// Checks JSON text the way the tool's users need it: with a line and column to
// point at.
#ifndef FNF_CLI_JSON_TEXT_H_
#define FNF_CLI_JSON_TEXT_H_

#include <optional>
#include <string>
#include <string_view>

namespace fnf::cli {

// Where JSON text is wrong (1-based line and byte column) and how.
struct JsonProblem {
  int line = 1, column = 1;
  std::string message;
};

// nullopt when `text` is one well-formed JSON value (surrounded by optional
// whitespace), and, with `require_object`, that value is an object.
std::optional<JsonProblem> FindJsonProblem(std::string_view text,
                                           bool require_object);

// `text` without leading and trailing JSON whitespace (space, tab, CR, LF).
std::string_view TrimJsonSpace(std::string_view text);

}  // namespace fnf::cli

#endif  // FNF_CLI_JSON_TEXT_H_
