// The errors every Store returns, worded once so that all stores (and the
// engine, for the same conditions) say the same thing.
#ifndef FNF_STORE_STORE_ERRORS_H_
#define FNF_STORE_STORE_ERRORS_H_

#include <string_view>

#include "fnf/status.h"

namespace fnf::internal {

Status FlowNotExists(std::string_view flow_name);
Status FlowAlreadyExists(std::string_view flow_name);
Status FlowHasRunningExecutions(std::string_view flow_name,
                                std::string_view execution_name);
Status ExecutionNotExists(std::string_view flow_name,
                          std::string_view execution_name);
Status ExecutionAlreadyExists(std::string_view flow_name,
                              std::string_view execution_name);
Status TaskTokenInvalid(std::string_view token);
Status TaskAlreadyCompleted(std::string_view token);

}  // namespace fnf::internal

#endif  // FNF_STORE_STORE_ERRORS_H_
