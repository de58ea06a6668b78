// How the tool words problems: compiler-style locations that editors can jump
// to.
#ifndef FNF_CLI_MESSAGES_H_
#define FNF_CLI_MESSAGES_H_

#include <string>
#include <string_view>

#include "fnf/status.h"
#include "fnf/types.h"

namespace fnf::cli {

// "FILE:LINE:COL: PATH: message"; the unknown parts (line or column 0, empty
// path) are left out.
std::string FormatDiagnostic(std::string_view file,
                             const Diagnostic& diagnostic);

// "fnf: CODE: LOCATION: message" for an API error about LOCATION (a file name,
// "--input", or
// "" for none). A message that starts with "LINE:COL: " is attached to the
// location as "LOCATION:LINE:COL: ...".
std::string FormatApiError(const Status& status, std::string_view location);

// The line `line` of `text` and a caret under `column`, as compilers show
// them, each line starting with `indent`:
//      7 |     Next: Chek
//        |           ^
// "" when the line does not exist.
std::string SourceExcerpt(std::string_view text, int line, int column,
                          std::string_view indent = "  ");

}  // namespace fnf::cli

#endif  // FNF_CLI_MESSAGES_H_
