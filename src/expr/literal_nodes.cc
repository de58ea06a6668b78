// Array and object literals whose elements are not all constants (those are
// folded into a LiteralNode at compile time).
#include "expr/nodes.h"

namespace fnf::internal {

bool ArrayNode::Eval(const EvalContext& ctx, Value* out,
                     std::string* error) const {
  Json::Array array;
  array.reserve(elements_.size());
  Value element;
  for (const NodePtr& node : elements_) {
    if (!node->Eval(ctx, &element, error)) return false;
    array.push_back(element.Take());
  }
  out->SetOwned(Json(std::move(array)));
  return true;
}

bool ArrayNode::foldable() const {
  for (const NodePtr& node : elements_) {
    if (!IsConstant(node)) return false;
  }
  return true;
}

bool ObjectNode::Eval(const EvalContext& ctx, Value* out,
                      std::string* error) const {
  Json::Object object;
  object.reserve(values_.size());
  Value value;
  for (size_t i = 0; i < values_.size(); ++i) {
    if (!values_[i]->Eval(ctx, &value, error)) return false;
    object.emplace_back(keys_[i], value.Take());
  }
  out->SetOwned(Json(std::move(object)));
  return true;
}

bool ObjectNode::foldable() const {
  for (const NodePtr& node : values_) {
    if (!IsConstant(node)) return false;
  }
  return true;
}

}  // namespace fnf::internal
