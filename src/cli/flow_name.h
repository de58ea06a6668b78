// The name `fnf run` gives the flow it creates from a file.
#ifndef FNF_CLI_FLOW_NAME_H_
#define FNF_CLI_FLOW_NAME_H_

#include <optional>
#include <string>
#include <string_view>

namespace fnf::cli {

// `raw` made a valid flow name ([A-Za-z_][A-Za-z0-9_-]{0,127}): every character
// outside [A-Za-z0-9_-] (a whole UTF-8 character, not each of its bytes)
// becomes `_`, a leading digit or
// `-` gets a `_` in front, and the result is cut to 128 characters. "" stays
// "".
std::string SanitizeFlowName(std::string_view raw);

// The file's base name without its last extension, sanitized:
// "dir/my.flow.yaml" -> "my_flow", "2fa.yaml" -> "_2fa". "flow" when nothing is
// left (a path ending in '/').
std::string FlowNameFromPath(std::string_view path);

// The name the definition gives itself: the top-level `Name` (new spec), or the
// top-level `name` of a legacy (`type: flow`) definition. nullopt when there is
// none, or when the text is not a YAML/JSON mapping (validation reports that).
std::optional<std::string> DefinitionName(std::string_view definition);

// DefinitionName(definition) as written, else FlowNameFromPath(path).
std::string DeriveFlowName(std::string_view definition, std::string_view path);

}  // namespace fnf::cli

#endif  // FNF_CLI_FLOW_NAME_H_
