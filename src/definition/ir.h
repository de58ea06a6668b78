// The compiled, immutable form of a flow definition, shared by all executions
// of a flow (std::shared_ptr<const CompiledFlow>). Both dialects compile to it;
// what is dialect-specific about data flow lives in `LegacyStep` (legacy) and
// the constructors (new spec).
#ifndef FNF_DEFINITION_IR_H_
#define FNF_DEFINITION_IR_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "expr/constructor.h"
#include "expr/expression.h"
#include "json/json.h"

namespace fnf::internal {

enum class Dialect { kCloudFlow, kLegacy };

enum class StateType {
  kPass,
  kTask,
  kWait,
  kChoice,
  kParallel,
  kMap,
  kSucceed,
  kFail
};
std::string_view StateTypeName(StateType t);

struct Scope;
struct LegacyStep;  // legacy-only data (mappings, patterns); defined by the
                    // legacy parser

struct Retrier {
  std::vector<std::string> errors;  // "FnF.ALL" matches every error
  int max_attempts = 0;             // retries after the first try
  double interval_seconds = 1;
  double backoff_rate = 1;
  std::optional<double> max_backoff_seconds;
};

struct Catcher {
  std::vector<std::string> errors;
  int next = -1;  // state index in the same scope
  Constructor
      output;  // optional OutputConstructor (sees $Context.Current.Error)
};

struct ChoiceBranch {
  Expression condition;
  int next = -1;
  std::unique_ptr<Scope>
      steps;  // legacy: nested steps run before `next` (or instead)
};

enum class TaskMode {
  kRequestComplete,
  kWaitForSystemCallback,
  kWaitForCustomCallback
};

struct TaskSpec {
  std::string action;  // "FC:InvokeFunction"; legacy: `action` or ""
  std::string
      resource_arn;  // legacy resourceArn / static Parameters.resourceArn
  TaskMode mode = TaskMode::kRequestComplete;
  std::string mode_name;   // as written: "RequestComplete", legacy
                           // "requestResponse", ...
  Constructor parameters;  // Parameters / legacy serviceParams
  std::optional<int64_t> timeout_seconds;  // 0 or absent: none
  Expression timeout_expr;                 // Timeout.$
};

struct WaitSpec {
  std::optional<double> seconds;         // static Seconds / legacy duration
  Expression seconds_expr;               // Seconds.$ / legacy duration path
  std::optional<std::string> timestamp;  // legacy: RFC 3339
  Expression timestamp_expr;             // legacy: timestamp path
};

struct MapSpec {
  Expression items_path;
  Constructor item_constructor;  // $Item is the raw item
  std::unique_ptr<Scope> processor;
  int max_concurrency = 0;  // 0: the engine's limit
  bool distributed = false;
  std::string child_mode;  // distributed: "Express" | "Standard"
  std::optional<double> tolerated_failure_percentage;
  std::optional<int64_t> tolerated_failure_count;
  // Legacy foreach.
  std::string legacy_item_name = "item", legacy_index_name;
};

struct State {
  std::string name;
  StateType type = StateType::kPass;
  std::string
      path;  // "States[2]" / "States[1].Branches[0].States[0]", for messages
  int index = 0;  // position in its scope
  int next = -1;  // -1 with end == true: ends the scope
  bool end = false;

  Constructor input_constructor, output_constructor, global_constructor;
  std::vector<Retrier> retry;
  std::vector<Catcher> catchers;

  // Fail
  std::string fail_code, fail_detail;
  bool fail_has_code = false;
  // Choice
  std::vector<ChoiceBranch> choices;
  int default_next = -1;
  std::unique_ptr<Scope> default_steps;  // legacy
  // Parallel
  std::vector<std::unique_ptr<Scope>> branches;
  // Per-type specs (set only for that type).
  std::unique_ptr<TaskSpec> task;
  std::unique_ptr<WaitSpec> wait;
  std::unique_ptr<MapSpec> map;
  std::shared_ptr<const LegacyStep>
      legacy;  // shared_ptr: LegacyStep stays incomplete here
};

// A list of states with its own transition namespace: the top level, a Parallel
// branch, a Map processor (docs/cloudflow.md).
struct Scope {
  std::vector<State> states;
  int start = 0;
  std::string path;  // "" for the top level
};

struct CompiledFlow {
  Dialect dialect = Dialect::kCloudFlow;
  std::string name;  // the definition's Name, if any
  std::optional<int64_t> timeout_seconds;
  Scope top;
  std::shared_ptr<const LegacyStep>
      legacy;  // legacy flow-level input/output mappings

  // A distributed Map's child executions run the Map's processor as a flow of
  // its own: `root` points into `owner`, the flow that holds it. Null for
  // ordinary flows.
  const Scope* root = nullptr;
  std::shared_ptr<const CompiledFlow> owner;
  const Scope& entry() const { return root ? *root : top; }
};

// Calls `fn` for `scope` and every scope nested in it (Parallel branches, Map
// processors, legacy choice and default steps), parents before children.
void ForEachScope(const Scope& scope,
                  const std::function<void(const Scope&)>& fn);
// The scope of `flow` whose path is `path` ("" for the top level), looked up
// in the flow that owns it for a distributed Map's child; nullptr when there
// is none. Frames are written out by their scope's path and found again with
// this after the flow is recompiled.
const Scope* FindScope(const CompiledFlow& flow, std::string_view path);

}  // namespace fnf::internal

#endif  // FNF_DEFINITION_IR_H_
