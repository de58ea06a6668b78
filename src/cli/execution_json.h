// What `fnf run` prints: an execution as the API's DescribeExecution shows it.
#ifndef FNF_CLI_EXECUTION_JSON_H_
#define FNF_CLI_EXECUTION_JSON_H_

#include <string>
#include <vector>

#include "fnf/types.h"

namespace fnf::cli {

// An indented JSON object with the API's field names: Name, FlowName, Status,
// Input, Output, ErrorCode, ErrorMessage, StartedTime, StoppedTime, in that
// order, and then, when `events` is given, Events: [{EventId, ScheduleEventId,
// StepName, Type, Time, EventDetail}]. Input, Output and EventDetail are JSON
// text in strings, as the API carries them. Ends with a newline.
std::string ExecutionToJson(const Execution& execution,
                            const std::vector<HistoryEvent>* events);

}  // namespace fnf::cli

#endif  // FNF_CLI_EXECUTION_JSON_H_
