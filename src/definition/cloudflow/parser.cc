#include "definition/cloudflow/parser.h"

#include "common/strings.h"
#include "expr/suggest.h"

namespace fnf::internal::cloudflow {
namespace {

constexpr std::string_view kCommonFields[] = {"Name",
                                              "Type",
                                              "Description",
                                              "Next",
                                              "End",
                                              "InputConstructor",
                                              "OutputConstructor",
                                              "GlobalConstructor"};

constexpr std::string_view kStateTypeNames[] = {
    "Pass", "Task", "Wait", "Choice", "Parallel", "Map", "Succeed", "Fail"};

std::optional<StateType> ParseType(std::string_view t) {
  if (t == "Pass") return StateType::kPass;
  if (t == "Task") return StateType::kTask;
  if (t == "Wait") return StateType::kWait;
  if (t == "Choice") return StateType::kChoice;
  if (t == "Parallel") return StateType::kParallel;
  if (t == "Map") return StateType::kMap;
  if (t == "Succeed") return StateType::kSucceed;
  if (t == "Fail") return StateType::kFail;
  return std::nullopt;
}

void ParseConstructors(const ObjectReader& obj, State* state,
                       ParseContext* ctx) {
  const int depth = ctx->options->limits->expression_call_depth;
  if (const Json* c = obj.Get("InputConstructor")) {
    state->input_constructor = Constructor::Compile(
        *c, obj.PathOf("InputConstructor"), kRootsDefault, depth, ctx->diags);
  }
  if (state->type == StateType::kChoice)
    return;  // Choice has only an InputConstructor
  if (const Json* c = obj.Get("OutputConstructor")) {
    state->output_constructor =
        Constructor::Compile(*c, obj.PathOf("OutputConstructor"),
                             kRootsDefault | kRootOutput, depth, ctx->diags);
  }
  if (const Json* c = obj.Get("GlobalConstructor")) {
    state->global_constructor =
        Constructor::Compile(*c, obj.PathOf("GlobalConstructor"),
                             kRootsDefault | kRootOutput, depth, ctx->diags);
  }
}

// Next/End rules (docs/cloudflow.md): Choice has neither, Succeed/Fail are
// terminal (End is accepted and ignored), every other state has exactly one of
// them.
void ParseTransition(const ObjectReader& obj, State* state, ParseContext* ctx) {
  std::optional<std::string> next = obj.String("Next");
  std::optional<bool> end = obj.Bool("End");
  switch (state->type) {
    case StateType::kChoice:
      if (obj.Has("Next"))
        obj.Error("Next",
                  "a Choice state has no Next; use Branches and Default");
      if (obj.Has("End")) obj.Error("End", "a Choice state has no End");
      return;
    case StateType::kSucceed:
    case StateType::kFail:
      if (obj.Has("Next")) {
        obj.Error("Next", StrCat("a ", std::string(StateTypeName(state->type)),
                                 " state ends its scope and has no Next"));
      }
      state->end = true;
      return;
    default:
      break;
  }
  if (next && end.value_or(false)) {
    obj.Error("End", "Next and End: true cannot both be set");
  } else if (next) {
    AddTarget(ctx, obj.Get("Next"), obj.PathOf("Next"), *next, &state->next);
  } else if (end.value_or(false)) {
    state->end = true;
  } else if (obj.ok() && !obj.Has("Next")) {
    obj.ErrorHere("needs Next or End: true");
  }
}

void ParseState(const Json& node, const std::string& path, int index,
                State* state, ParseContext* ctx) {
  ObjectReader obj(node, path, ctx->diags);
  state->path = path;
  state->index = index;
  if (!obj.ok()) return;
  std::optional<std::string> name = obj.String("Name", true);
  std::optional<std::string> type = obj.String("Type", true);
  if (name) {
    state->name = *name;
    if (name->empty()) {
      obj.Error("Name", "state name must not be empty");
    } else if (name->size() > 128) {
      obj.Error("Name", "state name is longer than 128 characters");
    } else if (auto [it, inserted] = ctx->names.emplace(*name, path);
               !inserted) {
      obj.Error("Name", StrCat("duplicate state name '", *name, "' (also at ",
                               it->second, ")"));
    }
  }
  if (!type) return;
  std::optional<StateType> t = ParseType(*type);
  if (!t) {
    obj.Error("Type",
              StrCat("unknown state type '", *type,
                     "' (expected Pass, Task, Wait, Choice, Parallel, Map, "
                     "Succeed or Fail)",
                     DidYouMean(*type, kStateTypeNames)));
    return;
  }
  state->type = *t;
  std::vector<std::string_view> fields;
  switch (*t) {
    case StateType::kPass:
    case StateType::kSucceed:
      fields = ParsePassLike(obj, state, ctx);
      break;
    case StateType::kFail:
      fields = ParseFail(obj, state, ctx);
      break;
    case StateType::kChoice:
      fields = ParseChoice(obj, state, ctx);
      break;
    case StateType::kWait:
      fields = ParseWait(obj, state, ctx);
      break;
    case StateType::kParallel:
      fields = ParseParallel(obj, state, ctx);
      break;
    case StateType::kMap:
      fields = ParseMap(obj, state, ctx);
      break;
    case StateType::kTask:
      fields = ParseTask(obj, state, ctx);
      break;
  }
  fields.insert(fields.end(), std::begin(kCommonFields),
                std::end(kCommonFields));
  obj.CheckKnown(fields);
  ParseConstructors(obj, state, ctx);
  ParseTransition(obj, state, ctx);
}

// docs/behaviour.md: a state that nothing reaches is a definition error.
void CheckReachable(const Scope& scope, Diagnostics* diags,
                    const Json::Array& nodes) {
  std::vector<bool> seen(scope.states.size(), false);
  std::vector<int> work = {scope.start};
  while (!work.empty()) {
    int i = work.back();
    work.pop_back();
    if (i < 0 || i >= static_cast<int>(seen.size()) || seen[i]) continue;
    seen[i] = true;
    const State& s = scope.states[i];
    work.push_back(s.next);
    work.push_back(s.default_next);
    for (const ChoiceBranch& b : s.choices) work.push_back(b.next);
    for (const Catcher& c : s.catchers) work.push_back(c.next);
  }
  for (size_t i = 0; i < seen.size(); ++i) {
    if (!seen[i] && !scope.states[i].name.empty()) {
      diags->Add(&nodes[i], scope.states[i].path,
                 StrCat("state '", scope.states[i].name,
                        "' is unreachable: no StartAt, Next, Default or Catch "
                        "leads to it"));
    }
  }
}

}  // namespace

void AddTarget(ParseContext* ctx, const Json* node, std::string path,
               std::string name, int* slot) {
  ctx->pending.back().push_back(
      PendingTarget{std::move(name), slot, node, std::move(path)});
}

std::unique_ptr<Scope> ParseScope(const ObjectReader& obj, std::string path,
                                  ParseContext* ctx) {
  auto scope = std::make_unique<Scope>();
  scope->path = path;
  std::optional<std::string> start = obj.String("StartAt", true);
  const Json::Array* states = obj.Array("States", true);
  if (states == nullptr) return scope;
  if (states->empty()) obj.Error("States", "must list at least one state");
  std::string prefix = path.empty() ? "States" : StrCat(path, ".States");
  ctx->pending.emplace_back();
  // Transitions point into `states`, so it must never reallocate after this.
  scope->states.resize(states->size());
  for (size_t i = 0; i < states->size(); ++i) {
    ParseState((*states)[i], StrCat(prefix, "[", i, "]"), static_cast<int>(i),
               &scope->states[i], ctx);
  }
  auto find = [&](const std::string& name) {
    for (const State& s : scope->states) {
      if (s.name == name) return s.index;
    }
    return -1;
  };
  // A misspelt name is most likely one of the scope's own states.
  auto suggest = [&](const std::string& name) -> std::string {
    // One or two letters are too short to guess from ('B' is not a typo of
    // 'C').
    if (name.size() < 3) return "";
    std::vector<std::string_view> names;
    for (const State& s : scope->states) names.push_back(s.name);
    return DidYouMean(name, names);
  };
  for (PendingTarget& t : ctx->pending.back()) {
    *t.slot = find(t.name);
    if (*t.slot < 0) {
      std::string where = path.empty() ? "the top-level States" : "this scope";
      ctx->diags->Add(t.node, t.path,
                      StrCat("state '", t.name, "' does not exist in ", where,
                             suggest(t.name)));
    }
  }
  ctx->pending.pop_back();
  if (start) {
    scope->start = find(*start);
    if (scope->start < 0) {
      obj.Error("StartAt",
                StrCat("state '", *start, "' does not exist in ",
                       path.empty() ? "the top-level States" : "this scope",
                       suggest(*start)));
    } else {
      CheckReachable(*scope, ctx->diags, *states);
    }
  }
  return scope;
}

std::unique_ptr<CompiledFlow> Parse(const Json& root, ParseContext* ctx) {
  ObjectReader obj(root, "", ctx->diags);
  auto flow = std::make_unique<CompiledFlow>();
  flow->dialect = Dialect::kCloudFlow;
  if (!obj.ok()) return flow;
  obj.CheckKnown({"Type", "Name", "SpecVersion", "Description", "Timeout",
                  "StartAt", "States"});
  std::optional<std::string> spec = obj.String("SpecVersion", true);
  if (spec && *spec != "v1") {
    obj.Error("SpecVersion",
              StrCat("unsupported SpecVersion '", *spec, "' (expected v1)"));
  }
  if (std::optional<std::string> name = obj.String("Name")) flow->name = *name;
  obj.String("Description");
  if (std::optional<int64_t> timeout = obj.Int("Timeout")) {
    const int64_t max =
        ctx->options->express
            ? ctx->options->limits->express_execution_max_seconds
            : ctx->options->limits->execution_max_seconds;
    if (*timeout < 1 || *timeout > max) {
      obj.Error("Timeout", StrCat("Timeout must be between 1 and ", max,
                                  " seconds, got ", *timeout));
    } else {
      flow->timeout_seconds = *timeout;
    }
  }
  std::unique_ptr<Scope> top = ParseScope(obj, "", ctx);
  flow->top = std::move(*top);
  return flow;
}

}  // namespace fnf::internal::cloudflow
