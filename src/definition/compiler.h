// Turns definition text into a CompiledFlow: load, detect the dialect
// (docs/behaviour.md), parse, compile expressions and check the graph,
// reporting every problem.
#ifndef FNF_DEFINITION_COMPILER_H_
#define FNF_DEFINITION_COMPILER_H_

#include <memory>
#include <string_view>
#include <vector>

#include "fnf/options.h"
#include "fnf/types.h"

#include "definition/ir.h"

namespace fnf::internal {

struct CompileOptions {
  const Limits* limits = nullptr;  // REQUIRES: non-null
  bool express = false;  // Express flows: Express ranges (Wait.Seconds ...)
};

struct CompileResult {
  std::shared_ptr<const CompiledFlow> flow;  // null when there are problems
  std::vector<Diagnostic> diagnostics;
};

CompileResult CompileDefinition(std::string_view text,
                                const CompileOptions& options);

}  // namespace fnf::internal

#endif  // FNF_DEFINITION_COMPILER_H_
