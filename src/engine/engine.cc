// The public Engine: each method forwards to Engine::Impl (engine_impl.h),
// which keeps the ABI of Engine independent of how the engine is built.
#include "fnf/engine.h"

#include "engine/engine_impl.h"

namespace fnf {

std::string_view ToString(ExecutionStatus status) {
  switch (status) {
    case ExecutionStatus::kStarting:
      return "Starting";
    case ExecutionStatus::kRunning:
      return "Running";
    case ExecutionStatus::kStopped:
      return "Stopped";
    case ExecutionStatus::kSucceeded:
      return "Succeeded";
    case ExecutionStatus::kFailed:
      return "Failed";
    case ExecutionStatus::kTimedOut:
      return "TimedOut";
  }
  return "";
}

bool IsTerminal(ExecutionStatus status) {
  return status != ExecutionStatus::kStarting &&
         status != ExecutionStatus::kRunning;
}

Engine::Engine(EngineOptions options)
    : impl_(std::make_unique<Impl>(std::move(options))) {}
Engine::~Engine() = default;

StatusOr<Flow> Engine::CreateFlow(const CreateFlowRequest& r) {
  return impl_->CreateFlow(r);
}
StatusOr<Flow> Engine::UpdateFlow(const UpdateFlowRequest& r) {
  return impl_->UpdateFlow(r);
}
StatusOr<Flow> Engine::DescribeFlow(std::string_view n) {
  return impl_->DescribeFlow(n);
}
Status Engine::DeleteFlow(std::string_view n) { return impl_->DeleteFlow(n); }
StatusOr<Page<Flow>> Engine::ListFlows(const ListRequest& r) {
  return impl_->ListFlows(r);
}
std::vector<Diagnostic> Engine::ValidateDefinition(std::string_view d) const {
  return impl_->ValidateDefinition(d);
}
StatusOr<Execution> Engine::StartExecution(const StartExecutionRequest& r) {
  return impl_->StartExecution(r, false);
}
StatusOr<Execution> Engine::StartSyncExecution(const StartExecutionRequest& r) {
  return impl_->StartExecution(r, true);
}
StatusOr<Execution> Engine::DescribeExecution(std::string_view f,
                                              std::string_view e) {
  return impl_->DescribeExecution(f, e);
}
StatusOr<Execution> Engine::WaitExecution(std::string_view f,
                                          std::string_view e,
                                          std::chrono::milliseconds timeout) {
  return impl_->WaitExecution(f, e, timeout);
}
StatusOr<Execution> Engine::StopExecution(const StopExecutionRequest& r) {
  return impl_->StopExecution(r);
}
StatusOr<Page<Execution>> Engine::ListExecutions(const ListRequest& r) {
  return impl_->ListExecutions(r);
}
StatusOr<Page<HistoryEvent>> Engine::GetExecutionHistory(
    std::string_view f, std::string_view e, int limit, std::string next_token) {
  return impl_->GetExecutionHistory(f, e, limit, next_token);
}
Status Engine::ReportTaskSucceeded(std::string_view token,
                                   std::string_view output_json) {
  return impl_->ReportTaskSucceeded(token, output_json);
}
Status Engine::ReportTaskFailed(std::string_view token, std::string_view error,
                                std::string_view cause) {
  return impl_->ReportTaskFailed(token, error, cause);
}
void Engine::RegisterTaskHandler(std::string key, TaskHandler handler) {
  impl_->RegisterTaskHandler(std::move(key), std::move(handler));
}
Status Engine::LoadMocks(std::string_view text) {
  return impl_->LoadMocks(text);
}
size_t Engine::RunReady() { return impl_->RunReady(); }
std::optional<TimePoint> Engine::NextWakeupTime() const {
  return impl_->NextWakeupTime();
}

}  // namespace fnf
