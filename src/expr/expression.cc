#include "expr/expression.h"

#include "common/strings.h"
#include "expr/nodes.h"
#include "expr/parser.h"

namespace fnf::internal {
namespace {

// Long expressions are cut in error details so that a message stays readable.
constexpr size_t kMaxQuotedBytes = 200;

std::string Quote(const std::string* text) {
  if (text == nullptr) return "''";
  std::string_view t = *text;
  if (t.size() <= kMaxQuotedBytes) return StrCat("'", t, "'");
  size_t cut = kMaxQuotedBytes;
  // Never split a UTF-8 sequence.
  while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;
  return StrCat("'", t.substr(0, cut), "...'");
}

FlowError ExpressionError(const std::string* text, std::string_view what) {
  return FlowError{std::string(kErrExpression),
                   StrCat("expression ", Quote(text), ": ", what)};
}

}  // namespace

std::variant<Expression, ExprCompileError> Expression::Compile(
    std::string_view text, uint32_t allowed_roots, int max_call_depth) {
  std::variant<NodePtr, ExprCompileError> parsed =
      ParseExpression(text, allowed_roots, max_call_depth);
  if (auto* error = std::get_if<ExprCompileError>(&parsed))
    return std::move(*error);
  Expression e;
  e.root_ =
      std::shared_ptr<const ExprNode>(std::move(std::get<NodePtr>(parsed)));
  e.text_ = std::make_shared<const std::string>(text);
  return e;
}

std::variant<Json, FlowError> Expression::Evaluate(
    const EvalContext& ctx) const {
  if (root_ == nullptr)
    return ExpressionError(text_.get(), "the expression was not compiled");
  Value value;
  std::string error;
  if (!root_->Eval(ctx, &value, &error))
    return ExpressionError(text_.get(), error);
  return value.Take();
}

std::variant<bool, FlowError> Expression::EvaluateCondition(
    const EvalContext& ctx) const {
  if (root_ == nullptr)
    return ExpressionError(text_.get(), "the expression was not compiled");
  Value value;
  std::string error;
  if (!root_->Eval(ctx, &value, &error))
    return ExpressionError(text_.get(), error);
  if (!value->is_bool()) {
    return ExpressionError(
        text_.get(),
        StrCat("a condition must be a boolean, got ", value->type_name()));
  }
  return value->as_bool();
}

const Json* Expression::constant() const {
  return root_ == nullptr ? nullptr : root_->constant();
}

const std::string& Expression::text() const {
  static const std::string* const kEmpty = new std::string;
  return text_ != nullptr ? *text_ : *kEmpty;
}

}  // namespace fnf::internal
