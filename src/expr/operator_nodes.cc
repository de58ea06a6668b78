#include "common/strings.h"
#include "expr/nodes.h"

namespace fnf::internal {

bool NotNode::Eval(const EvalContext& ctx, Value* out,
                   std::string* error) const {
  if (!operand_->Eval(ctx, out, error)) return false;
  if (!(*out)->is_bool()) {
    *error = StrCat("operator '!' needs a boolean, got ", (*out)->type_name());
    return false;
  }
  bool value = (*out)->as_bool();
  out->SetOwned(Json(!value));
  return true;
}

bool NegateNode::Eval(const EvalContext& ctx, Value* out,
                      std::string* error) const {
  Value operand;
  if (!operand_->Eval(ctx, &operand, error)) return false;
  return ApplyNegate(*operand, out, error);
}

bool BinaryNode::Eval(const EvalContext& ctx, Value* out,
                      std::string* error) const {
  Value lhs, rhs;
  if (!lhs_->Eval(ctx, &lhs, error) || !rhs_->Eval(ctx, &rhs, error))
    return false;
  return ApplyBinary(op_, &lhs, &rhs, out, error);
}

bool LogicalNode::Eval(const EvalContext& ctx, Value* out,
                       std::string* error) const {
  std::string_view op = is_and_ ? "&&" : "||";
  if (!lhs_->Eval(ctx, out, error)) return false;
  if (!(*out)->is_bool()) {
    *error = StrCat("operator '", op, "' needs booleans, got ",
                    (*out)->type_name(), " on the left");
    return false;
  }
  // The left side decides: false && x, true || x.
  if ((*out)->as_bool() != is_and_) return true;
  if (!rhs_->Eval(ctx, out, error)) return false;
  if (!(*out)->is_bool()) {
    *error = StrCat("operator '", op, "' needs booleans, got ",
                    (*out)->type_name(), " on the right");
    return false;
  }
  return true;
}

}  // namespace fnf::internal
