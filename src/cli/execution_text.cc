#include "cli/execution_text.h"

#include <cstdint>
#include <optional>
#include <string>

#include "cli/json_text.h"

namespace fnf::cli {
namespace {

std::string Duration(const Execution& execution, bool virtual_time) {
  std::optional<int64_t> start = TimestampMillis(execution.started_time);
  std::optional<int64_t> stop = TimestampMillis(execution.stopped_time);
  if (!start || !stop) return "";
  return " in " + FormatSeconds(*stop - *start) +
         (virtual_time ? " (virtual time)" : "");
}

void AppendEvents(const std::vector<HistoryEvent>& events,
                  std::optional<int64_t> start, std::string* text) {
  *text += "History:\n";
  for (const HistoryEvent& event : events) {
    std::optional<int64_t> at = TimestampMillis(event.time);
    std::string line = "  " + std::to_string(event.event_id) + "  +" +
                       (at && start ? FormatSeconds(*at - *start) : "?") +
                       "  " + event.type;
    if (!event.step_name.empty()) line += "  " + event.step_name;
    if (!event.event_detail.empty()) line += "  " + event.event_detail;
    *text += line + "\n";
  }
}

// The state whose failure ended the execution: the last one that failed.
std::string FailedState(const std::vector<HistoryEvent>& history) {
  for (auto it = history.rbegin(); it != history.rend(); ++it) {
    if (it->type == "StateFailed" || it->type == "StepFailed" ||
        it->type == "StateTimedOut") {
      return it->step_name;
    }
  }
  return "";
}

}  // namespace

std::string ExecutionToText(const Execution& execution,
                            const std::vector<HistoryEvent>* events,
                            bool virtual_time,
                            const std::vector<HistoryEvent>* history) {
  std::string text = "Execution " + execution.name + " of flow " +
                     execution.flow_name + ": " +
                     std::string(ToString(execution.status)) +
                     Duration(execution, virtual_time) + "\n";
  if (execution.status == ExecutionStatus::kSucceeded) {
    text += "Output:\n  " + PrettyJson(execution.output, "  ") + "\n";
  } else {
    if (!execution.error_code.empty()) {
      text += "Error: " + execution.error_code + "\n";
    }
    if (!execution.error_message.empty()) {
      text += "Cause: " + execution.error_message + "\n";
    }
    std::string state = history != nullptr ? FailedState(*history) : "";
    if (!state.empty()) text += "State: " + state + "\n";
  }
  if (events != nullptr) {
    AppendEvents(*events, TimestampMillis(execution.started_time), &text);
  }
  return text;
}

}  // namespace fnf::cli
