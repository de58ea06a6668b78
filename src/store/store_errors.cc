#include "store/store_errors.h"

#include "common/strings.h"

namespace fnf::internal {

Status FlowNotExists(std::string_view flow_name) {
  return Status(ErrorCode::kFlowNotExists,
                StrCat("Flow ", flow_name, " does not exist."));
}

Status FlowAlreadyExists(std::string_view flow_name) {
  return Status(ErrorCode::kFlowAlreadyExists,
                StrCat("Flow ", flow_name, " already exists."));
}

Status FlowHasRunningExecutions(std::string_view flow_name,
                                std::string_view execution_name) {
  return Status(
      ErrorCode::kInvalidArgument,
      StrCat("Flow ", flow_name, " has running executions (", execution_name,
             "); stop them before deleting the flow."));
}

Status ExecutionNotExists(std::string_view flow_name,
                          std::string_view execution_name) {
  return Status(ErrorCode::kExecutionNotExists,
                StrCat("Execution ", execution_name, " for flow ", flow_name,
                       " does not exist."));
}

Status ExecutionAlreadyExists(std::string_view flow_name,
                              std::string_view execution_name) {
  return Status(ErrorCode::kExecutionAlreadyExists,
                StrCat("Execution ", execution_name, " for flow ", flow_name,
                       " already exists."));
}

Status TaskTokenInvalid(std::string_view token) {
  return Status(ErrorCode::kInvalidArgument,
                StrCat("Task token '", token, "' is not valid."));
}

Status TaskAlreadyCompleted(std::string_view token) {
  return Status(ErrorCode::kTaskAlreadyCompleted,
                StrCat("Task ", token, " has already completed."));
}

}  // namespace fnf::internal
