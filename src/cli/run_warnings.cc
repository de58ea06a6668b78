#include "cli/run_warnings.h"

#include <algorithm>
#include <memory>
#include <string>

#include "fnf/options.h"

#include "cli/flow_states.h"
#include "common/diagnostics.h"
#include "definition/compiler.h"
#include "definition/loader.h"
#include "expr/suggest.h"

namespace fnf::cli {
namespace {

constexpr std::string_view kNoHandler =
    "no task handler is registered for state '";

bool Contains(const std::vector<std::string_view>& words,
              std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

}  // namespace

std::vector<std::string> TaskOptionWarnings(std::string_view definition,
                                            const RunArgs& args,
                                            std::string_view mocks_text) {
  std::vector<std::string> warnings;
  Limits limits;
  internal::CompileOptions options;
  options.limits = &limits;
  internal::CompileResult compiled =
      internal::CompileDefinition(definition, options);
  if (!compiled.flow) return warnings;
  std::vector<TaskState> tasks = TaskStates(*compiled.flow);
  std::vector<std::string_view> names = TaskStateNames(tasks);
  std::vector<std::string_view> keys = names;
  for (const TaskState& task : tasks) {
    if (!task.resource_arn.empty()) keys.push_back(task.resource_arn);
    if (!task.action.empty()) keys.push_back(task.action);
  }
  for (const TaskCommand& task : args.tasks) {
    if (Contains(keys, task.key)) continue;
    warnings.push_back("fnf: warning: --task " + task.key +
                       ": no task state, resource ARN or action of the flow "
                       "is called so" +
                       internal::DidYouMean(task.key, keys));
  }
  if (args.mocks_file) {
    internal::Diagnostics diags(nullptr);
    std::unique_ptr<internal::LoadedDocument> doc =
        internal::LoadDocument(mocks_text, &diags);
    if (doc && doc->root.is_object()) {
      for (const internal::Json::Member& member : doc->root.as_object()) {
        if (Contains(names, member.first)) continue;
        internal::Position at = doc->sources.Get(&member.second);
        warnings.push_back(
            "fnf: warning: " + *args.mocks_file + ":" +
            std::to_string(at.line) + ":" + std::to_string(at.column) + ": '" +
            member.first +
            "' is not a task state of the flow, so its answers are never "
            "used" +
            internal::DidYouMean(member.first, names));
      }
    }
  }
  return warnings;
}

std::string NoHandlerHint(const Execution& execution) {
  size_t at = execution.error_message.find(kNoHandler);
  if (at == std::string::npos) return "";
  size_t start = at + kNoHandler.size();
  size_t end = execution.error_message.find('\'', start);
  std::string state = execution.error_message.substr(start, end - start);
  return "fnf: hint: answer task state '" + state + "' with --task " + state +
         "=COMMAND, --task " + state + "=- (from the terminal) or --mocks FILE";
}

}  // namespace fnf::cli
