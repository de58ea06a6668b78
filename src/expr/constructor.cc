#include "expr/constructor.h"

#include <memory>
#include <utility>
#include <vector>

#include "common/strings.h"
#include "expr/compile_diagnostics.h"

namespace fnf::internal {

// One node of a compiled constructor. Subtrees without any expression are
// stored as one literal, computed once at compile time and copied at
// evaluation.
class ConstructorNode {
 public:
  enum class Kind { kLiteral, kExpression, kObject, kArray };

  static std::unique_ptr<ConstructorNode> Literal(Json value) {
    auto node = std::make_unique<ConstructorNode>();
    node->kind_ = Kind::kLiteral;
    node->literal_ = std::move(value);
    return node;
  }
  static std::unique_ptr<ConstructorNode> Dynamic(Expression expression) {
    // An expression with a constant value ("a.$": "1 + 1") is a literal as
    // well.
    if (const Json* constant = expression.constant()) return Literal(*constant);
    auto node = std::make_unique<ConstructorNode>();
    node->kind_ = Kind::kExpression;
    node->expression_ = std::move(expression);
    return node;
  }
  // `keys` empty for an array.
  static std::unique_ptr<ConstructorNode> Container(
      bool is_object, std::vector<std::string> keys,
      std::vector<std::unique_ptr<ConstructorNode>> children) {
    bool all_literal = true;
    for (const auto& child : children)
      all_literal &= child->kind_ == Kind::kLiteral;
    if (all_literal) {
      if (is_object) {
        Json::Object object;
        object.reserve(children.size());
        for (size_t i = 0; i < children.size(); ++i) {
          object.emplace_back(std::move(keys[i]),
                              std::move(children[i]->literal_));
        }
        return Literal(Json(std::move(object)));
      }
      Json::Array array;
      array.reserve(children.size());
      for (auto& child : children) array.push_back(std::move(child->literal_));
      return Literal(Json(std::move(array)));
    }
    auto node = std::make_unique<ConstructorNode>();
    node->kind_ = is_object ? Kind::kObject : Kind::kArray;
    node->keys_ = std::move(keys);
    node->children_ = std::move(children);
    return node;
  }

  bool Evaluate(const EvalContext& ctx, Json* out, FlowError* error) const {
    switch (kind_) {
      case Kind::kLiteral:
        *out = literal_;
        return true;
      case Kind::kExpression: {
        std::variant<Json, FlowError> result = expression_.Evaluate(ctx);
        if (auto* e = std::get_if<FlowError>(&result)) {
          *error = std::move(*e);
          return false;
        }
        *out = std::move(std::get<Json>(result));
        return true;
      }
      case Kind::kObject: {
        Json::Object object;
        object.reserve(children_.size());
        for (size_t i = 0; i < children_.size(); ++i) {
          Json value;
          if (!children_[i]->Evaluate(ctx, &value, error)) return false;
          object.emplace_back(keys_[i], std::move(value));
        }
        *out = Json(std::move(object));
        return true;
      }
      case Kind::kArray: {
        Json::Array array;
        array.reserve(children_.size());
        for (const auto& child : children_) {
          Json value;
          if (!child->Evaluate(ctx, &value, error)) return false;
          array.push_back(std::move(value));
        }
        *out = Json(std::move(array));
        return true;
      }
    }
    return false;
  }

 private:
  Kind kind_ = Kind::kLiteral;
  Json literal_;
  Expression expression_;
  std::vector<std::string>
      keys_;  // kObject: output keys, ".$" stripped, in spec order
  std::vector<std::unique_ptr<ConstructorNode>> children_;
};

namespace {

constexpr std::string_view kExpressionSuffix = ".$";

class Compiler {
 public:
  Compiler(uint32_t allowed_roots, int max_call_depth, Diagnostics* diags)
      : roots_(allowed_roots), max_call_depth_(max_call_depth), diags_(diags) {}

  bool ok() const { return ok_; }

  // Values that are neither maps nor lists are literals; maps and lists are
  // walked so that
  // ".$" keys at any depth, inside lists too, are evaluated
  // (docs/cloudflow.md).
  std::unique_ptr<ConstructorNode> Walk(const Json& value,
                                        const std::string& path) {
    if (value.is_object()) return WalkObject(value, path);
    if (value.is_array()) {
      std::vector<std::unique_ptr<ConstructorNode>> children;
      const Json::Array& array = value.as_array();
      children.reserve(array.size());
      for (size_t i = 0; i < array.size(); ++i) {
        children.push_back(Walk(array[i], StrCat(path, "[", i, "]")));
      }
      return ConstructorNode::Container(false, {}, std::move(children));
    }
    return ConstructorNode::Literal(value);
  }

 private:
  std::unique_ptr<ConstructorNode> WalkObject(const Json& object,
                                              const std::string& path) {
    std::vector<std::string> keys;
    std::vector<std::unique_ptr<ConstructorNode>> children;
    for (const auto& [key, value] : object.as_object()) {
      std::string member_path = StrCat(path, ".", key);
      if (!key.ends_with(kExpressionSuffix)) {
        keys.push_back(key);
        children.push_back(Walk(value, member_path));
        continue;
      }
      std::string_view name = std::string_view(key).substr(0, key.size() - 2);
      if (object.Find(name) != nullptr) {
        Problem(
            &value, member_path,
            StrCat("both '", name, "' and '", key,
                   "' are given; keep one (a plain value or an expression)"));
        continue;
      }
      if (!value.is_string()) {
        Problem(&value, member_path,
                StrCat("the value of '", key,
                       "' must be a string holding an expression, got ",
                       value.type_name()));
        continue;
      }
      std::optional<Expression> expression = CompileExpressionNode(
          value, member_path, roots_, max_call_depth_, diags_);
      if (!expression) {
        ok_ = false;
        continue;
      }
      keys.emplace_back(name);
      children.push_back(ConstructorNode::Dynamic(std::move(*expression)));
    }
    return ConstructorNode::Container(true, std::move(keys),
                                      std::move(children));
  }

  void Problem(const Json* node, const std::string& path, std::string message) {
    diags_->Add(node, path, std::move(message));
    ok_ = false;
  }

  uint32_t roots_;
  int max_call_depth_;
  Diagnostics* diags_;
  bool ok_ = true;
};

}  // namespace

Constructor Constructor::Compile(const Json& spec, const std::string& path,
                                 uint32_t allowed_roots, int max_call_depth,
                                 Diagnostics* diags) {
  Constructor result;
  if (!spec.is_object()) {
    diags->Add(&spec, path, StrCat("must be a map, got ", spec.type_name()));
    return result;
  }
  Compiler compiler(allowed_roots, max_call_depth, diags);
  std::unique_ptr<ConstructorNode> root = compiler.Walk(spec, path);
  if (compiler.ok()) result.root_ = std::move(root);
  return result;
}

std::variant<Json, FlowError> Constructor::Evaluate(
    const EvalContext& ctx) const {
  // An empty constructor (none given, or one that failed to compile) builds an
  // empty map.
  if (root_ == nullptr) return Json::MakeObject();
  Json out;
  FlowError error;
  if (!root_->Evaluate(ctx, &out, &error)) return error;
  return out;
}

}  // namespace fnf::internal
