// Compiling an expression that stands in a definition node (a constructor
// value, a Choice Condition, ItemsPath, `Seconds.$`), reporting a failure at
// its place in the definition text.
#ifndef FNF_EXPR_COMPILE_DIAGNOSTICS_H_
#define FNF_EXPR_COMPILE_DIAGNOSTICS_H_

#include <cstdint>
#include <optional>
#include <string>

#include "common/diagnostics.h"
#include "expr/expression.h"
#include "json/json.h"

namespace fnf::internal {

// `node` must be a string holding an expression. On a problem adds a diagnostic
// for `path` and returns nullopt. A syntax error is located at the node's
// position, moved right by the error's offset when the expression is on one
// line (exact for plain YAML scalars; one column off for quoted ones), and its
// message names the offset and the expression.
std::optional<Expression> CompileExpressionNode(const Json& node,
                                                const std::string& path,
                                                uint32_t allowed_roots,
                                                int max_call_depth,
                                                Diagnostics* diags);

// The message of a compile error: "unknown function 'lenght' at offset 0 in
// 'lenght($Input)'".
std::string DescribeCompileError(std::string_view text,
                                 const ExprCompileError& error);

}  // namespace fnf::internal

#endif  // FNF_EXPR_COMPILE_DIAGNOSTICS_H_
