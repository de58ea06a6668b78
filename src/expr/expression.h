// Compiled expressions of the new spec (docs/cloudflow.md, docs/behaviour.md)
// and of legacy conditions (docs/behaviour.md). Compiled once, at CreateFlow;
// evaluation never re-parses text.
#ifndef FNF_EXPR_EXPRESSION_H_
#define FNF_EXPR_EXPRESSION_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>

#include "common/flow_error.h"
#include "expr/eval_context.h"
#include "json/json.h"

namespace fnf::internal {

// Which variables an expression may use where it stands; using another is a
// compile error.
enum RootMask : uint32_t {
  kRootInput = 1u << 0,    // $Input
  kRootOutput = 1u << 1,   // $Output
  kRootContext = 1u << 2,  // $Context
  kRootGlobal = 1u << 3,   // $Global
  kRootItem = 1u << 4,     // $Item
  // Legacy conditions: `$` (as in `$.key`) and `$input` are the step input,
  // `$local` the step's local, `$context` the legacy context
  // (docs/behaviour.md).
  kRootLegacy = 1u << 5,
};
inline constexpr uint32_t kRootsDefault =
    kRootInput | kRootContext | kRootGlobal;

struct ExprCompileError {
  size_t offset = 0;    // 0-based byte offset inside the expression text
  std::string message;  // e.g. "unknown function 'lenght'"
};

class ExprNode;  // the compiled tree (private to src/expr)

// An immutable compiled expression; cheap to copy (shared tree), safe to
// evaluate from many threads at once.
class Expression {
 public:
  Expression() = default;
  // Compiles `text`. `allowed_roots`: RootMask bits. `max_call_depth`: nesting
  // limit of function calls (docs/behaviour.md: 10).
  static std::variant<Expression, ExprCompileError> Compile(
      std::string_view text, uint32_t allowed_roots, int max_call_depth = 10);

  // The value, or FlowError{"FnF.ExpressionError", detail quoting the
  // expression and saying what was wrong}. Missing members yield null
  // (docs/behaviour.md).
  std::variant<Json, FlowError> Evaluate(const EvalContext& ctx) const;

  // For Choice conditions: like Evaluate, but a value that is not a boolean is
  // an FnF.ExpressionError too (docs/behaviour.md).
  std::variant<bool, FlowError> EvaluateCondition(const EvalContext& ctx) const;

  // The value when it is known at compile time (a literal, or folded from
  // constants), else nullptr.
  const Json* constant() const;

  const std::string& text() const;
  bool valid() const { return root_ != nullptr; }

 private:
  std::shared_ptr<const ExprNode> root_;
  std::shared_ptr<const std::string> text_;
};

}  // namespace fnf::internal

#endif  // FNF_EXPR_EXPRESSION_H_
