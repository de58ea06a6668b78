// Choice states (docs/cloudflow.md): ordered Branches of {Condition, Next}
// and a required Default. Next/End are refused in parser.cc.
#include "common/strings.h"
#include "definition/cloudflow/fields.h"
#include "definition/cloudflow/parser.h"

namespace fnf::internal::cloudflow {
namespace {

void ParseBranch(const ObjectReader& b, ChoiceBranch* branch,
                 ParseContext* ctx) {
  if (!b.ok()) return;
  b.CheckKnown({"Condition", "Condition.$", "Next"});
  const bool dollar = RejectExpressionSuffix(b, "Condition");
  // With "Condition.$" the one problem is the suffix, not a missing Condition.
  if (b.String("Condition", !dollar)) {
    if (std::optional<Expression> e =
            CompileField(b, "Condition", kRootsDefault, ctx)) {
      // A condition that can only be a non-boolean would fail every run
      // (docs/behaviour.md); say so now.
      if (const Json* c = e->constant(); c != nullptr && !c->is_bool()) {
        b.Error("Condition",
                StrCat("must yield a boolean, but is always ", c->Serialize()));
      } else {
        branch->condition = std::move(*e);
      }
    }
  }
  if (std::optional<std::string> next = b.String("Next", true)) {
    AddTarget(ctx, b.Get("Next"), b.PathOf("Next"), *next, &branch->next);
  }
}

}  // namespace

std::vector<std::string_view> ParseChoice(const ObjectReader& obj, State* state,
                                          ParseContext* ctx) {
  // parser.cc knows these fields for every type but compiles neither for a
  // Choice; refusing them beats ignoring them.
  for (std::string_view key : {"OutputConstructor", "GlobalConstructor"}) {
    if (obj.Has(key)) {
      obj.Error(key, StrCat("a Choice state has no ", key,
                            "; it passes its input on unchanged"));
    }
  }
  if (const Json::Array* branches = obj.Array("Branches", true)) {
    if (branches->empty())
      obj.Error("Branches", "must list at least one branch");
    // AddTarget keeps pointers into `choices`: no reallocation after this.
    state->choices.resize(branches->size());
    const std::string prefix = obj.PathOf("Branches");
    for (size_t i = 0; i < branches->size(); ++i) {
      ObjectReader b((*branches)[i], StrCat(prefix, "[", i, "]"), ctx->diags);
      ParseBranch(b, &state->choices[i], ctx);
    }
  }
  if (std::optional<std::string> def = obj.String("Default", true)) {
    AddTarget(ctx, obj.Get("Default"), obj.PathOf("Default"), *def,
              &state->default_next);
  }
  return {"Branches", "Default"};
}

}  // namespace fnf::internal::cloudflow
