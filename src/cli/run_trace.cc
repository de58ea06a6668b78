#include "cli/run_trace.h"

#include <algorithm>
#include <string>
#include <utility>

#include <rapidjson/document.h>

#include "cli/json_text.h"

namespace fnf::cli {
namespace {

bool IsOneOf(const std::string& type,
             std::initializer_list<const char*> names) {
  for (const char* name : names) {
    if (type == name) return true;
  }
  return false;
}

// "Error: Cause" from an event detail {"Error": ..., "Cause": ...}.
std::string ErrorText(const std::string& detail) {
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseIterativeFlag>(detail.c_str(), detail.size());
  if (doc.HasParseError() || !doc.IsObject()) return "";
  std::string text;
  auto error = doc.FindMember("Error");
  if (error != doc.MemberEnd() && error->value.IsString()) {
    text = error->value.GetString();
  }
  auto cause = doc.FindMember("Cause");
  if (cause != doc.MemberEnd() && cause->value.IsString() &&
      cause->value.GetStringLength() > 0) {
    text += std::string(text.empty() ? "" : ": ") + cause->value.GetString();
  }
  return text;
}

std::string WithError(const char* what, const std::string& detail) {
  std::string error = ErrorText(detail);
  return error.empty() ? what : std::string(what) + ": " + error;
}

}  // namespace

RunTrace::RunTrace(Engine& engine, std::string flow_name,
                   std::string execution_name, Sink sink)
    : engine_(engine),
      flow_name_(std::move(flow_name)),
      execution_name_(std::move(execution_name)),
      sink_(std::move(sink)) {}

void RunTrace::Poll() {
  for (;;) {
    StatusOr<Page<HistoryEvent>> page =
        engine_.GetExecutionHistory(flow_name_, execution_name_, /*limit=*/0,
                                    std::to_string(next_event_id_));
    if (!page.ok()) return;
    for (const HistoryEvent& event : page->items) {
      Handle(event);
      next_event_id_ = event.event_id + 1;
    }
    if (page->next_token.empty()) return;
  }
}

void RunTrace::Print(const HistoryEvent& event, int depth,
                     const std::string& text) {
  std::optional<int64_t> at = TimestampMillis(event.time);
  if (!start_millis_) start_millis_ = at;
  std::string line = "+";
  line += at && start_millis_ ? FormatSeconds(*at - *start_millis_) : "?";
  line += ' ';
  line.append(static_cast<size_t>(depth) * 2, ' ');
  line += text;
  sink_(line);
}

void RunTrace::Handle(const HistoryEvent& event) {
  const std::string& type = event.type;
  Place place = places_[event.schedule_event_id];
  // Events scheduled by an entered branch or iteration sit one level deeper;
  // the exit event comes back out.
  if (IsOneOf(type, {"IterationExited"})) {
    place.depth = std::max(0, place.depth - 1);
    place.iteration_depth = std::max(0, place.iteration_depth - 1);
  } else if (IsOneOf(type, {"BranchExited"})) {
    place.depth = std::max(0, place.depth - 1);
  }
  Place children = place;
  if (type == "IterationEntered") {
    ++children.depth;
    ++children.iteration_depth;
  } else if (type == "BranchEntered") {
    ++children.depth;
  }
  places_[event.event_id] = children;

  if (type == "ExecutionStarted") {
    Print(event, 0, "execution started");
    return;
  }
  if (IsOneOf(type, {"ExecutionSucceeded", "ExecutionFailed",
                     "ExecutionTimedOut", "ExecutionStopped"})) {
    Print(
        event, 0,
        WithError(("execution " + type.substr(9)).c_str(), event.event_detail));
    return;
  }
  if (place.iteration_depth > 0) return;  // summed up by the batch lines
  const std::string& name = event.step_name;
  if (IsOneOf(type, {"StateEntered", "StepEntered"})) {
    Print(event, place.depth, name + ": entered");
  } else if (IsOneOf(type, {"StateSucceeded", "StepSucceeded"})) {
    Print(event, place.depth, name + ": succeeded");
    maps_.erase(name);
  } else if (IsOneOf(type, {"StateFailed", "StepFailed"})) {
    Print(event, place.depth,
          WithError((name + ": failed").c_str(), event.event_detail));
    maps_.erase(name);
  } else if (type == "StateTimedOut") {
    Print(event, place.depth,
          WithError((name + ": timed out").c_str(), event.event_detail));
  } else if (type == "StateAborted") {
    Print(event, place.depth, name + ": aborted");
  } else if (type == "TaskTimedOut") {
    Print(event, place.depth, name + ": task timed out");
  } else if (type == "TaskSubmitFailed") {
    Print(
        event, place.depth,
        WithError((name + ": task not submitted").c_str(), event.event_detail));
  } else if (type == "IterationEntered") {
    MapProgress& map = maps_[name];
    ++map.running;
    map.peak = std::max(map.peak, map.running);
  } else if (type == "IterationExited") {
    MapProgress& map = maps_[name];
    map.running = std::max(0, map.running - 1);
    ++map.done;
    // One line per batch: as many iterations as ran at once at the most.
    if (map.done % std::max(1, map.peak) == 0 || map.running == 0) {
      Print(event, place.depth + 1,
            name + ": " + std::to_string(map.done) + " iteration" +
                (map.done == 1 ? "" : "s") + " done, " +
                std::to_string(map.running) + " running");
    }
  }
}

}  // namespace fnf::cli
