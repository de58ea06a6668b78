#include "cli/scenario_mocks.h"

#include <algorithm>
#include <chrono>
#include <utility>

namespace fnf::cli {

ScenarioMocks::ScenarioMocks(
    Engine& engine, const Clock& clock,
    std::map<std::string, std::vector<MockAnswer>> mocks)
    : engine_(engine), clock_(clock), mocks_(std::move(mocks)) {}

void ScenarioMocks::Register() {
  for (const auto& [state, answers] : mocks_) {
    engine_.RegisterTaskHandler(state,
                                [this, state = state](const TaskRequest& r) {
                                  return Answer(state, r);
                                });
  }
}

TaskResult ScenarioMocks::Answer(const std::string& state,
                                 const TaskRequest& request) {
  const std::vector<MockAnswer>& answers = mocks_[state];
  size_t& next = next_[state];
  const MockAnswer& answer = answers[std::min(next, answers.size() - 1)];
  if (next < answers.size()) ++next;
  if (answer.kind == MockAnswer::Kind::kNever) return TaskResult::Pending();
  if (answer.after_seconds > 0) {
    auto delay =
        std::chrono::duration_cast<std::chrono::system_clock::duration>(
            std::chrono::duration<double>(answer.after_seconds));
    late_.push_back({clock_.Now() + delay, request.task_token, answer});
    return TaskResult::Pending();
  }
  if (answer.kind == MockAnswer::Kind::kError) {
    return TaskResult::Failed(answer.error, answer.cause);
  }
  return TaskResult::Succeeded(answer.output);
}

std::optional<TimePoint> ScenarioMocks::NextDue() const {
  std::optional<TimePoint> due;
  for (const Late& late : late_) {
    if (!due || late.due < *due) due = late.due;
  }
  return due;
}

void ScenarioMocks::RunDue(TimePoint now) {
  std::vector<Late> due;
  for (auto it = late_.begin(); it != late_.end();) {
    if (it->due <= now) {
      due.push_back(std::move(*it));
      it = late_.erase(it);
    } else {
      ++it;
    }
  }
  for (const Late& late : due) {
    // TaskAlreadyCompleted: the task timed out first; the answer is too late.
    if (late.answer.kind == MockAnswer::Kind::kError) {
      (void)engine_.ReportTaskFailed(late.token, late.answer.error,
                                     late.answer.cause);
    } else {
      (void)engine_.ReportTaskSucceeded(late.token, late.answer.output);
    }
    ++reported_;
  }
}

}  // namespace fnf::cli
