// Legacy data-flow paths (docs/legacy-fdl.md): `$input.a.b`,
// `$input.key_info[0]`,
// `$local[*].name`, `$context.task.token`, and `$` / `$.key` where the step
// input is the root (serviceParams, iterationMapping.collection). Parsed once,
// at CreateFlow; src/interp/legacy evaluates them.
#ifndef FNF_DEFINITION_LEGACY_PATH_H_
#define FNF_DEFINITION_LEGACY_PATH_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace fnf::internal::legacy {

enum class PathRoot { kInput, kLocal, kContext };

// Which roots a place accepts.
enum PathRootMask : uint32_t {
  kPathDollar = 1u << 0,   // `$`: the step input (serviceParams, collection)
  kPathInput = 1u << 1,    // `$input`
  kPathLocal = 1u << 2,    // `$local`
  kPathContext = 1u << 3,  // `$context`
};

struct PathSegment {
  enum class Kind { kKey, kIndex, kWildcard };
  Kind kind = Kind::kKey;
  std::string key;    // kKey
  int64_t index = 0;  // kIndex; negative counts from the end
  size_t offset = 0;  // where the segment starts in the path text
};

struct Path {
  PathRoot root = PathRoot::kInput;
  std::vector<PathSegment> segments;
  // With a wildcard the path yields an array of every match, flattened
  // (JSONPath node-list semantics); without one, the single value.
  bool has_wildcard = false;
  std::string text;
};

struct PathError {
  size_t offset = 0;  // byte offset in the path text
  std::string message;
};

// Whether `text` is a path where `roots` are accepted: mapping sources are
// paths only when they start with `$input`, `$local` or `$context`, whether or
// not that root is accepted (anything else is a literal, docs/legacy-fdl.md);
// where `$` is a root, every text starting with `$` is one.
bool IsPathText(std::string_view text, uint32_t roots);

// Parses `text` (for which IsPathText holds). `$context` paths must name a
// member fnf provides: task.token, execution.name, flow.name, step.name and
// step.eventId; an error names the unknown member and points at it.
std::variant<Path, PathError> CompilePath(std::string_view text,
                                          uint32_t roots);

}  // namespace fnf::internal::legacy

#endif  // FNF_DEFINITION_LEGACY_PATH_H_
