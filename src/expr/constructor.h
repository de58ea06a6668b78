// Constructors (InputConstructor, OutputConstructor, GlobalConstructor,
// ItemConstructor) and Task Parameters: a map whose keys ending in ".$" hold
// expressions, at any depth, inside maps in lists too (cloudflow-v1.md §4.5).
// Compiled once; evaluation builds a fresh object in the constructor's key
// order (DECISIONS.md 5).
#ifndef FNF_EXPR_CONSTRUCTOR_H_
#define FNF_EXPR_CONSTRUCTOR_H_

#include <memory>
#include <string>
#include <variant>

#include "common/diagnostics.h"
#include "expr/expression.h"
#include "json/json.h"

namespace fnf::internal {

class ConstructorNode;  // private to src/expr

class Constructor {
 public:
  Constructor() = default;
  // Compiles the map `spec` (a node of a loaded definition). Problems (a value
  // that is not a map, a ".$" value that is not a string, a key present both
  // plain and with ".$", expression syntax errors with their position) go to
  // `diags`, located at the offending node; `path` names the constructor, e.g.
  // "States[0].OutputConstructor". Returns an empty constructor when there were
  // problems.
  static Constructor Compile(const Json& spec, const std::string& path,
                             uint32_t allowed_roots, int max_call_depth,
                             Diagnostics* diags);

  // The constructed object, or the first expression error.
  std::variant<Json, FlowError> Evaluate(const EvalContext& ctx) const;

  bool empty() const { return root_ == nullptr; }

 private:
  std::shared_ptr<const ConstructorNode> root_;
};

}  // namespace fnf::internal

#endif  // FNF_EXPR_CONSTRUCTOR_H_
