// The legacy document (docs/legacy-fdl.md) and its steps lists: list order
// becomes `next`, `goto` names become indices of the same list.
#include "definition/legacy/parser.h"

#include <utility>

#include "common/strings.h"
#include "definition/legacy/parse_context.h"
#include "expr/suggest.h"

namespace fnf::internal::legacy {
namespace {

constexpr uint32_t kStepMappingRoots = kPathInput | kPathLocal | kPathContext;

std::optional<StateType> ParseType(std::string_view t) {
  if (t == "task") return StateType::kTask;
  if (t == "pass") return StateType::kPass;
  if (t == "wait") return StateType::kWait;
  if (t == "choice") return StateType::kChoice;
  if (t == "parallel") return StateType::kParallel;
  if (t == "foreach") return StateType::kMap;
  if (t == "succeed") return StateType::kSucceed;
  if (t == "fail") return StateType::kFail;
  return std::nullopt;
}

void ParseName(const ObjectReader& obj, State* state, ParseContext* ctx) {
  std::optional<std::string> name = obj.String("name", true);
  if (!name) return;
  state->name = *name;
  if (name->empty()) {
    obj.Error("name", "step name must not be empty");
  } else if (name->size() > 128) {
    obj.Error("name", "step name is longer than 128 characters");
  } else if (auto [it, inserted] = ctx->names.emplace(*name, obj.path());
             !inserted) {
    obj.Error("name", StrCat("duplicate step name '", *name, "' (also at ",
                             it->second, ")"));
  }
}

// Fills `state` from one element of a steps list. `last`: it is the list's
// last element, so it ends the list whatever `end` says.
void ParseStep(const Json& node, const std::string& path, int index, bool last,
               State* state, ParseContext* ctx) {
  ObjectReader obj(node, path, ctx->diags);
  state->path = path;
  state->index = index;
  auto legacy = std::make_shared<LegacyStep>();
  state->end = last;
  state->next = last ? -1 : index + 1;
  if (!obj.ok()) {
    state->legacy = std::move(legacy);
    return;
  }
  ParseName(obj, state, ctx);
  if (obj.Bool("end").value_or(false)) {
    state->end = true;
    state->next = -1;
  }
  legacy->input_mappings =
      ParseMappings(obj, "inputMappings", kStepMappingRoots, ctx);
  legacy->output_mappings =
      ParseMappings(obj, "outputMappings", kStepMappingRoots, ctx);
  if (std::optional<std::string> type = obj.String("type", true)) {
    std::optional<StateType> t = ParseType(*type);
    if (!t) {
      constexpr std::string_view kTypes[] = {"task",    "pass",     "wait",
                                             "choice",  "parallel", "foreach",
                                             "succeed", "fail"};
      obj.Error("type", StrCat("unknown step type '", *type,
                               "' (expected task, pass, wait, choice, "
                               "parallel, foreach, succeed or fail)",
                               DidYouMean(*type, kTypes)));
    } else {
      state->type = *t;
    }
    switch (t.value_or(StateType::kPass)) {
      case StateType::kTask:
        ParseTask(obj, state, legacy.get(), ctx);
        break;
      case StateType::kWait:
        ParseWait(obj, state, ctx);
        break;
      case StateType::kChoice:
        ParseChoice(obj, state, ctx);
        break;
      case StateType::kParallel:
        ParseParallel(obj, state, ctx);
        break;
      case StateType::kMap:
        ParseForeach(obj, state, legacy.get(), ctx);
        break;
      case StateType::kFail:
        ParseFail(obj, state, ctx);
        [[fallthrough]];
      case StateType::kSucceed:
        // Both end their list (docs/legacy-fdl.md); `end` changes nothing.
        state->end = true;
        state->next = -1;
        break;
      case StateType::kPass:
        break;
    }
  }
  state->legacy = std::move(legacy);
}

// Where control can go from `s` when it completes normally or is caught.
void Successors(const State& s, std::vector<int>* out) {
  const int fallthrough = s.end ? -1 : s.next;
  if (s.type == StateType::kChoice) {
    // A branch without goto (and a missing default) carries on down the list.
    for (const ChoiceBranch& b : s.choices) {
      out->push_back(b.next >= 0 ? b.next : fallthrough);
    }
    out->push_back(s.default_next >= 0 ? s.default_next : fallthrough);
  } else {
    out->push_back(fallthrough);
  }
  for (const Catcher& c : s.catchers) out->push_back(c.next);
}

// docs/behaviour.md: a step that nothing reaches is a definition error. In a
// list that can only happen after a step that ends it.
void CheckReachable(const Scope& scope, const Json::Array& nodes,
                    Diagnostics* diags) {
  std::vector<bool> seen(scope.states.size(), false);
  std::vector<int> work = {0};
  while (!work.empty()) {
    const int i = work.back();
    work.pop_back();
    if (i < 0 || i >= static_cast<int>(seen.size()) || seen[i]) continue;
    seen[i] = true;
    Successors(scope.states[i], &work);
  }
  for (size_t i = 0; i < seen.size(); ++i) {
    if (seen[i] || scope.states[i].name.empty()) continue;
    diags->Add(&nodes[i], scope.states[i].path,
               StrCat("step '", scope.states[i].name,
                      "' is unreachable: the steps before it end the list "
                      "(end: true, succeed, fail, or a choice whose every "
                      "branch has a goto) and no goto leads to it"));
  }
}

}  // namespace

void AddGoto(const ObjectReader& obj, std::string_view key, int* slot,
             ParseContext* ctx) {
  std::optional<std::string> name = obj.String(key);
  if (!name) return;
  if (name->empty()) {
    obj.Error(key, "goto needs a step name");
    return;
  }
  ctx->pending.back().push_back(
      PendingGoto{std::move(*name), slot, obj.Get(key), obj.PathOf(key)});
}

std::unique_ptr<Scope> ParseSteps(const ObjectReader& obj, ParseContext* ctx) {
  auto scope = std::make_unique<Scope>();
  scope->path = obj.path();
  const Json::Array* steps = obj.Array("steps", true);
  if (steps == nullptr) return scope;
  if (steps->empty()) {
    obj.Error("steps", "must list at least one step");
    return scope;
  }
  const std::string prefix = obj.PathOf("steps");
  ctx->pending.emplace_back();
  // Gotos point into `states`, so it must never reallocate after this.
  scope->states.resize(steps->size());
  for (size_t i = 0; i < steps->size(); ++i) {
    ParseStep((*steps)[i], StrCat(prefix, "[", i, "]"), static_cast<int>(i),
              i + 1 == steps->size(), &scope->states[i], ctx);
  }
  bool resolved = true;
  for (PendingGoto& g : ctx->pending.back()) {
    for (const State& s : scope->states) {
      if (!s.name.empty() && s.name == g.name) *g.slot = s.index;
    }
    if (*g.slot < 0) {
      resolved = false;
      ctx->diags->Add(
          g.node, g.path,
          StrCat("goto target '", g.name,
                 "' is not a step of the same steps list (", prefix, ")"));
    }
  }
  ctx->pending.pop_back();
  if (resolved) CheckReachable(*scope, *steps, ctx->diags);
  return scope;
}

std::unique_ptr<CompiledFlow> Parse(const Json& root,
                                    const CompileOptions& options,
                                    Diagnostics* diags) {
  ParseContext ctx{&options, diags, {}, {}};
  ObjectReader obj(root, "", diags);
  auto flow = std::make_unique<CompiledFlow>();
  flow->dialect = Dialect::kLegacy;
  auto legacy = std::make_shared<LegacyStep>();
  if (!obj.ok()) return flow;
  // docs/behaviour.md: both versions, unknown keys ignored. `name` is ignored
  // too: docs/legacy-fdl.md allows either that or a check, and ignoring it
  // refuses no definition the service accepts.
  if (std::optional<std::string> version = obj.String("version", true);
      version && *version != "v1" && *version != "v1beta1") {
    obj.Error("version", StrCat("unsupported version '", *version,
                                "' (expected v1 or v1beta1)"));
  }
  if (std::optional<int64_t> timeout = obj.Int("timeoutSeconds")) {
    const int64_t max = options.express
                            ? options.limits->express_execution_max_seconds
                            : options.limits->execution_max_seconds;
    if (*timeout < 1 || *timeout > max) {
      obj.Error("timeoutSeconds",
                StrCat("timeoutSeconds must be between 1 and ", max,
                       " seconds, got ", *timeout));
    } else {
      flow->timeout_seconds = *timeout;
    }
  }
  legacy->input_mappings =
      ParseMappings(obj, "inputMappings", kPathInput | kPathContext, &ctx);
  legacy->output_mappings =
      ParseMappings(obj, "outputMappings", kStepMappingRoots, &ctx);
  flow->legacy = std::move(legacy);
  std::unique_ptr<Scope> top = ParseSteps(obj, &ctx);
  flow->top = std::move(*top);
  return flow;
}

}  // namespace fnf::internal::legacy
