#include "expr/compile_diagnostics.h"

#include "common/strings.h"

namespace fnf::internal {

std::string DescribeCompileError(std::string_view text,
                                 const ExprCompileError& error) {
  return StrCat(error.message, " at offset ", error.offset, " in '", text, "'");
}

std::optional<Expression> CompileExpressionNode(const Json& node,
                                                const std::string& path,
                                                uint32_t allowed_roots,
                                                int max_call_depth,
                                                Diagnostics* diags) {
  if (!node.is_string()) {
    diags->Add(&node, path,
               StrCat("must be a string holding an expression, got ",
                      node.type_name()));
    return std::nullopt;
  }
  const std::string& text = node.as_string();
  auto compiled = Expression::Compile(text, allowed_roots, max_call_depth);
  if (auto* expression = std::get_if<Expression>(&compiled))
    return std::move(*expression);
  const auto& error = std::get<ExprCompileError>(compiled);
  Position pos = diags->PositionOf(&node);
  if (pos.line > 0 && text.find('\n') == std::string::npos) {
    pos.column += static_cast<int>(error.offset);
  }
  diags->AddAt(pos, path, DescribeCompileError(text, error));
  return std::nullopt;
}

}  // namespace fnf::internal
