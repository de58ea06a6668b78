// Shared by the legacy parser's files: the parse state and the per-step-type
// parsers.
#ifndef FNF_DEFINITION_LEGACY_PARSE_CONTEXT_H_
#define FNF_DEFINITION_LEGACY_PARSE_CONTEXT_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/diagnostics.h"
#include "definition/compiler.h"
#include "definition/ir.h"
#include "definition/legacy/legacy_step.h"
#include "definition/object_reader.h"

namespace fnf::internal::legacy {

// A `goto` waiting for its steps list to be parsed.
struct PendingGoto {
  std::string name;
  int* slot;
  const Json* node;
  std::string path;
};

struct ParseContext {
  const CompileOptions* options;
  Diagnostics* diags;
  // Every step name seen so far -> the path of its first use (DECISIONS.md 3:
  // unique in the whole definition).
  std::map<std::string, std::string> names;
  // Gotos of the steps lists being parsed, innermost last.
  std::vector<std::vector<PendingGoto>> pending;
};

// Parses a `steps` list (required, non-empty) of `obj` into a scope whose
// path is `obj.path()`.
std::unique_ptr<Scope> ParseSteps(const ObjectReader& obj, ParseContext* ctx);

// Records `obj[key]` (a step name) as a goto of the innermost steps list, to
// be resolved into `*slot` once that list is parsed.
void AddGoto(const ObjectReader& obj, std::string_view key, int* slot,
             ParseContext* ctx);

// Mapping lists (inputMappings, outputMappings, errorMappings); `roots`: the
// PathRootMask bits the sources may use. nullopt when absent.
std::optional<Mappings> ParseMappings(const ObjectReader& obj,
                                      std::string_view key, uint32_t roots,
                                      ParseContext* ctx);
// A map of values that are paths (when they start with '$') or literals.
std::optional<Mappings> ParseServiceParams(const ObjectReader& obj,
                                           std::string_view key,
                                           ParseContext* ctx);
// A path held by `obj[key]` (present), reporting problems at it.
std::optional<Path> ParsePathField(const ObjectReader& obj,
                                   std::string_view key, uint32_t roots,
                                   ParseContext* ctx);

// A number, or text that is wholly a number ("30"); nullopt otherwise.
std::optional<double> NumberOrText(const Json& value);

// Per-type parsers: fill the type-specific parts of `state` and `legacy`.
void ParseTask(const ObjectReader& obj, State* state, LegacyStep* legacy,
               ParseContext* ctx);
void ParseWait(const ObjectReader& obj, State* state, ParseContext* ctx);
void ParseChoice(const ObjectReader& obj, State* state, ParseContext* ctx);
void ParseParallel(const ObjectReader& obj, State* state, ParseContext* ctx);
void ParseForeach(const ObjectReader& obj, State* state, LegacyStep* legacy,
                  ParseContext* ctx);
void ParseFail(const ObjectReader& obj, State* state, ParseContext* ctx);

}  // namespace fnf::internal::legacy

#endif  // FNF_DEFINITION_LEGACY_PARSE_CONTEXT_H_
