// The new spec (`Type: StateMachine`, cloudflow-v1.md) into the IR.
#ifndef FNF_DEFINITION_CLOUDFLOW_PARSER_H_
#define FNF_DEFINITION_CLOUDFLOW_PARSER_H_

#include <map>
#include <memory>
#include <string>

#include "common/diagnostics.h"
#include "definition/compiler.h"
#include "definition/ir.h"
#include "definition/object_reader.h"

namespace fnf::internal::cloudflow {

struct PendingTarget;

// State available to every per-type parser.
struct ParseContext {
  const CompileOptions* options;
  Diagnostics* diags;
  // Every state name in the definition, for DECISIONS.md 3 (unique in the whole
  // definition).
  std::map<std::string, std::string> names;  // name -> path of its first use
  // Transitions of the scopes being parsed, innermost last.
  std::vector<std::vector<PendingTarget>> pending;
};

std::unique_ptr<CompiledFlow> Parse(const Json& root, ParseContext* ctx);

// Parses a nested {StartAt, States} scope (Parallel branch, Map processor).
std::unique_ptr<Scope> ParseScope(const ObjectReader& obj, std::string path,
                                  ParseContext* ctx);

// Per-type parsers: fill the type-specific parts of `state` from `obj` and
// return the fields they accept (besides the common ones). Defined in one file
// per state family.
std::vector<std::string_view> ParsePassLike(const ObjectReader& obj,
                                            State* state, ParseContext* ctx);
std::vector<std::string_view> ParseFail(const ObjectReader& obj, State* state,
                                        ParseContext* ctx);
std::vector<std::string_view> ParseChoice(const ObjectReader& obj, State* state,
                                          ParseContext* ctx);
std::vector<std::string_view> ParseWait(const ObjectReader& obj, State* state,
                                        ParseContext* ctx);
std::vector<std::string_view> ParseParallel(const ObjectReader& obj,
                                            State* state, ParseContext* ctx);
std::vector<std::string_view> ParseMap(const ObjectReader& obj, State* state,
                                       ParseContext* ctx);
std::vector<std::string_view> ParseTask(const ObjectReader& obj, State* state,
                                        ParseContext* ctx);
// Retry and Catch, shared by Task, Parallel and Map. Catch targets are resolved
// later.
void ParseRetryCatch(const ObjectReader& obj, State* state, ParseContext* ctx);

// Names of transitions resolved after a scope is parsed: (target name, where to
// store index).
struct PendingTarget {
  std::string name;
  int* slot;
  const Json* node;
  std::string path;
};
// Collects targets of `state` that need resolving within its scope (Next,
// Default, Choice branches, Catch). Filled by the per-type parsers through
// `AddTarget`.
void AddTarget(ParseContext* ctx, const Json* node, std::string path,
               std::string name, int* slot);

}  // namespace fnf::internal::cloudflow

#endif  // FNF_DEFINITION_CLOUDFLOW_PARSER_H_
