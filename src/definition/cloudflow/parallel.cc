// Parallel states (docs/cloudflow.md): Branches, each a nested
// {StartAt, States} scope with its own transition namespace.
#include "common/strings.h"
#include "definition/cloudflow/parser.h"

namespace fnf::internal::cloudflow {

std::vector<std::string_view> ParseParallel(const ObjectReader& obj,
                                            State* state, ParseContext* ctx) {
  if (const Json::Array* branches = obj.Array("Branches", true)) {
    const int max = ctx->options->limits->parallel_branches;
    if (branches->empty()) {
      obj.Error("Branches", "must list at least one branch");
    } else if (branches->size() > static_cast<size_t>(max)) {
      obj.Error("Branches", StrCat("has ", branches->size(),
                                   " branches; at most ", max, " are allowed"));
    }
    // Every branch is still parsed, so that its problems are reported too.
    const std::string prefix = obj.PathOf("Branches");
    for (size_t i = 0; i < branches->size(); ++i) {
      ObjectReader b((*branches)[i], StrCat(prefix, "[", i, "]"), ctx->diags);
      b.CheckKnown({"StartAt", "States", "Description"});
      b.String("Description");
      state->branches.push_back(ParseScope(b, b.path(), ctx));
    }
  }
  ParseRetryCatch(obj, state, ctx);
  return {"Branches", "Retry", "Catch"};
}

}  // namespace fnf::internal::cloudflow
