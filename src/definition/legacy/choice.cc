// Choice steps (docs/legacy-fdl.md): ordered conditions, each with nested
// steps and/or a goto; an optional default. A branch without goto, and a
// choice where nothing matched and there is no default, carry on with the
// step after the choice (State::next).
#include <utility>

#include "common/strings.h"
#include "definition/legacy/parse_context.h"
#include "expr/compile_diagnostics.h"

namespace fnf::internal::legacy {
namespace {

// Nested steps of a branch or of the default; an empty list runs nothing.
std::unique_ptr<Scope> ParseBranchSteps(const ObjectReader& obj,
                                        ParseContext* ctx) {
  const Json* steps = obj.Get("steps");
  if (steps == nullptr || (steps->is_array() && steps->as_array().empty())) {
    return nullptr;
  }
  return ParseSteps(obj, ctx);
}

std::optional<Expression> ParseCondition(const ObjectReader& obj,
                                         ParseContext* ctx) {
  const Json* node = obj.Get("condition");
  if (node == nullptr) {
    obj.ErrorHere("missing required field 'condition'");
    return std::nullopt;
  }
  const int depth = ctx->options->limits->expression_call_depth;
  // YAML reads `condition: true` as a boolean; it means the same expression.
  if (node->is_bool()) {
    return std::get<Expression>(Expression::Compile(
        node->as_bool() ? "true" : "false", kRootLegacy, depth));
  }
  std::optional<Expression> e = CompileExpressionNode(
      *node, obj.PathOf("condition"), kRootLegacy, depth, ctx->diags);
  // A condition that can only be a non-boolean would fail every run
  // (docs/behaviour.md); say so now, as for the new spec.
  if (const Json* c = e ? e->constant() : nullptr; c && !c->is_bool()) {
    obj.Error("condition",
              StrCat("must yield a boolean, but is always ", c->Serialize()));
    return std::nullopt;
  }
  return e;
}

}  // namespace

void ParseChoice(const ObjectReader& obj, State* state, ParseContext* ctx) {
  const Json::Array* choices = obj.Array("choices", true);
  if (choices != nullptr) {
    // Gotos point into `choices`, so it must never reallocate after this.
    state->choices.resize(choices->size());
    for (size_t i = 0; i < choices->size(); ++i) {
      ObjectReader branch((*choices)[i],
                          StrCat(obj.PathOf("choices"), "[", i, "]"),
                          ctx->diags);
      if (!branch.ok()) continue;
      ChoiceBranch& b = state->choices[i];
      if (std::optional<Expression> c = ParseCondition(branch, ctx)) {
        b.condition = std::move(*c);
      }
      b.steps = ParseBranchSteps(branch, ctx);
      AddGoto(branch, "goto", &b.next, ctx);
    }
  }
  if (const Json* node = obj.Object("default")) {
    ObjectReader def(*node, obj.PathOf("default"), ctx->diags);
    state->default_steps = ParseBranchSteps(def, ctx);
    AddGoto(def, "goto", &state->default_next, ctx);
  }
}

}  // namespace fnf::internal::legacy
