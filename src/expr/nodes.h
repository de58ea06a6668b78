// The compiled expression tree. Nodes are immutable after compilation and
// evaluate without touching the expression text; errors are described only when
// they happen.
#ifndef FNF_EXPR_NODES_H_
#define FNF_EXPR_NODES_H_

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "expr/context_fields.h"
#include "expr/eval_context.h"
#include "expr/functions/registry.h"
#include "expr/operators.h"
#include "expr/value.h"
#include "json/json.h"

namespace fnf::internal {

class ExprNode {
 public:
  // `depth`: height of the subtree, which bounds the recursion of evaluation.
  ExprNode(size_t offset, int depth) : offset_(offset), depth_(depth) {}
  virtual ~ExprNode() = default;
  ExprNode(const ExprNode&) = delete;
  ExprNode& operator=(const ExprNode&) = delete;

  // Computes the value into `*out`. On failure writes the reason (without the
  // expression text, which the caller adds) to `*error` and returns false.
  virtual bool Eval(const EvalContext& ctx, Value* out,
                    std::string* error) const = 0;

  // The value when it is known at compile time, else nullptr.
  virtual const Json* constant() const { return nullptr; }
  // True when every input of the node is a constant and it reads nothing else,
  // so the compiler may evaluate it once and replace it by a literal.
  virtual bool foldable() const { return false; }

  size_t offset() const { return offset_; }
  int depth() const { return depth_; }

 private:
  size_t offset_;
  int depth_;
};

using NodePtr = std::unique_ptr<ExprNode>;

inline bool IsConstant(const NodePtr& node) {
  return node->constant() != nullptr;
}
inline int DepthOf(const std::vector<NodePtr>& nodes) {
  int d = 0;
  for (const NodePtr& n : nodes) d = std::max(d, n->depth());
  return d + 1;
}

class LiteralNode : public ExprNode {
 public:
  LiteralNode(size_t offset, Json value)
      : ExprNode(offset, 1), value_(std::move(value)) {}
  bool Eval(const EvalContext&, Value* out, std::string*) const override {
    out->SetBorrowed(&value_);  // the tree outlives the evaluation
    return true;
  }
  const Json* constant() const override { return &value_; }

 private:
  Json value_;
};

class VariableNode : public ExprNode {
 public:
  VariableNode(size_t offset, Field field)
      : ExprNode(offset, 1), field_(field) {}
  bool Eval(const EvalContext& ctx, Value* out, std::string*) const override {
    ReadField(field_, ctx, out);
    return true;
  }

 private:
  Field field_;
};

struct PathStep {
  enum class Kind : uint8_t { kMember, kIndex, kDynamic };
  Kind kind = Kind::kMember;
  std::string name;   // kMember
  int64_t index = 0;  // kIndex
  NodePtr key;        // kDynamic: evaluated to a string or integer
};

// base.a[0]["b"][expr]: walks pointers through the base value and copies
// nothing on the way.
class PathNode : public ExprNode {
 public:
  PathNode(NodePtr base, std::vector<PathStep> steps);
  bool Eval(const EvalContext& ctx, Value* out,
            std::string* error) const override;
  bool foldable() const override;

 private:
  NodePtr base_;
  std::vector<PathStep> steps_;
};

class NotNode : public ExprNode {
 public:
  NotNode(size_t offset, NodePtr operand)
      : ExprNode(offset, operand->depth() + 1), operand_(std::move(operand)) {}
  bool Eval(const EvalContext& ctx, Value* out,
            std::string* error) const override;
  bool foldable() const override { return IsConstant(operand_); }

 private:
  NodePtr operand_;
};

class NegateNode : public ExprNode {
 public:
  NegateNode(size_t offset, NodePtr operand)
      : ExprNode(offset, operand->depth() + 1), operand_(std::move(operand)) {}
  bool Eval(const EvalContext& ctx, Value* out,
            std::string* error) const override;
  bool foldable() const override { return IsConstant(operand_); }

 private:
  NodePtr operand_;
};

class BinaryNode : public ExprNode {
 public:
  BinaryNode(size_t offset, BinaryOp op, NodePtr lhs, NodePtr rhs)
      : ExprNode(offset, std::max(lhs->depth(), rhs->depth()) + 1),
        op_(op),
        lhs_(std::move(lhs)),
        rhs_(std::move(rhs)) {}
  bool Eval(const EvalContext& ctx, Value* out,
            std::string* error) const override;
  bool foldable() const override {
    return IsConstant(lhs_) && IsConstant(rhs_);
  }

 private:
  BinaryOp op_;
  NodePtr lhs_, rhs_;
};

// && and ||: both sides must be booleans; the right side is skipped when the
// left decides.
class LogicalNode : public ExprNode {
 public:
  LogicalNode(size_t offset, bool is_and, NodePtr lhs, NodePtr rhs)
      : ExprNode(offset, std::max(lhs->depth(), rhs->depth()) + 1),
        is_and_(is_and),
        lhs_(std::move(lhs)),
        rhs_(std::move(rhs)) {}
  bool Eval(const EvalContext& ctx, Value* out,
            std::string* error) const override;
  bool foldable() const override {
    return IsConstant(lhs_) && IsConstant(rhs_);
  }

 private:
  bool is_and_;
  NodePtr lhs_, rhs_;
};

class ArrayNode : public ExprNode {
 public:
  ArrayNode(size_t offset, std::vector<NodePtr> elements)
      : ExprNode(offset, DepthOf(elements)), elements_(std::move(elements)) {}
  bool Eval(const EvalContext& ctx, Value* out,
            std::string* error) const override;
  bool foldable() const override;

 private:
  std::vector<NodePtr> elements_;
};

class ObjectNode : public ExprNode {
 public:
  ObjectNode(size_t offset, std::vector<std::string> keys,
             std::vector<NodePtr> values)
      : ExprNode(offset, DepthOf(values)),
        keys_(std::move(keys)),
        values_(std::move(values)) {}
  bool Eval(const EvalContext& ctx, Value* out,
            std::string* error) const override;
  bool foldable() const override;

 private:
  std::vector<std::string> keys_;  // unique, in literal order
  std::vector<NodePtr> values_;
};

class CallNode : public ExprNode {
 public:
  // `name`: as written (aliases differ from spec->name).
  CallNode(size_t offset, const FunctionSpec* spec, std::string name,
           std::vector<NodePtr> args, std::shared_ptr<const void> prepared)
      : ExprNode(offset, DepthOf(args)),
        spec_(spec),
        name_(std::move(name)),
        args_(std::move(args)),
        prepared_(std::move(prepared)) {}
  bool Eval(const EvalContext& ctx, Value* out,
            std::string* error) const override;
  bool foldable() const override;

 private:
  const FunctionSpec* spec_;
  std::string name_;
  std::vector<NodePtr> args_;
  std::shared_ptr<const void> prepared_;
};

}  // namespace fnf::internal

#endif  // FNF_EXPR_NODES_H_
