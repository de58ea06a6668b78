#include <absl/container/inlined_vector.h>

#include "common/strings.h"
#include "expr/nodes.h"

namespace fnf::internal {

bool CallNode::Eval(const EvalContext& ctx, Value* out,
                    std::string* error) const {
  absl::InlinedVector<Value, 4> args(args_.size());
  for (size_t i = 0; i < args_.size(); ++i) {
    if (!args_[i]->Eval(ctx, &args[i], error)) return false;
  }
  CallEnv env{.ctx = &ctx, .prepared = prepared_.get()};
  if (!spec_->impl(std::span<Value>(args.data(), args.size()), env, out,
                   error)) {
    *error = StrCat(name_, ": ", *error);
    return false;
  }
  return true;
}

bool CallNode::foldable() const {
  if (!spec_->pure) return false;
  for (const NodePtr& node : args_) {
    if (!IsConstant(node)) return false;
  }
  return true;
}

}  // namespace fnf::internal
