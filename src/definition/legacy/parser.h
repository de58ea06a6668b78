// The legacy FDL (`version: v1`, `type: flow`, fdl-legacy.md) into the IR.
// Steps lists become Scopes (list order -> `next`, `goto` -> indices of the
// same list); what is specific to legacy data flow is compiled into the
// LegacyStep of every State and of the flow (legacy_step.h).
#ifndef FNF_DEFINITION_LEGACY_PARSER_H_
#define FNF_DEFINITION_LEGACY_PARSER_H_

#include <memory>

#include "common/diagnostics.h"
#include "definition/compiler.h"
#include "definition/ir.h"

namespace fnf::internal::legacy {

std::unique_ptr<CompiledFlow> Parse(const Json& root,
                                    const CompileOptions& options,
                                    Diagnostics* diags);

}  // namespace fnf::internal::legacy

#endif  // FNF_DEFINITION_LEGACY_PARSER_H_
