#include "expr/indexing.h"
#include "expr/nodes.h"

namespace fnf::internal {
namespace {

int PathDepth(const NodePtr& base, const std::vector<PathStep>& steps) {
  int d = base->depth();
  for (const PathStep& s : steps) {
    if (s.key != nullptr) d = std::max(d, s.key->depth());
  }
  return d + 1;
}

}  // namespace

PathNode::PathNode(NodePtr base, std::vector<PathStep> steps)
    : ExprNode(base->offset(), PathDepth(base, steps)),
      base_(std::move(base)),
      steps_(std::move(steps)) {}

bool PathNode::Eval(const EvalContext& ctx, Value* out,
                    std::string* error) const {
  if (!base_->Eval(ctx, out, error)) return false;
  const Json* node = &**out;
  Value key;
  for (const PathStep& step : steps_) {
    // Once missing, the rest reads as null too (docs/behaviour.md); dynamic
    // keys are still evaluated so that their errors do not depend on the data.
    const Json& container = node != nullptr ? *node : NullJson();
    switch (step.kind) {
      case PathStep::Kind::kMember:
        node = LookupMember(container, step.name);
        break;
      case PathStep::Kind::kIndex:
        node = LookupElement(container, step.index);
        break;
      case PathStep::Kind::kDynamic:
        if (!step.key->Eval(ctx, &key, error)) return false;
        if (!LookupDynamic(container, *key, &node, error)) return false;
        break;
    }
  }
  out->NarrowTo(node);
  return true;
}

bool PathNode::foldable() const {
  if (!IsConstant(base_)) return false;
  for (const PathStep& s : steps_) {
    if (s.key != nullptr && !IsConstant(s.key)) return false;
  }
  return true;
}

}  // namespace fnf::internal
