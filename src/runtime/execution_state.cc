#include "runtime/execution_state.h"

#include <chrono>

#include "common/time_format.h"

namespace fnf::internal {
namespace {

std::string FormatMs(int64_t ms) {
  return FormatTime(TimePoint(std::chrono::milliseconds(ms)));
}

}  // namespace

Execution Describe(const ExecutionState& exec) {
  Execution e;
  e.flow_name = exec.flow_name;
  e.name = exec.name;
  e.flow_definition = exec.version->definition;
  e.input = exec.input_text;
  e.output = exec.output;
  e.status = exec.status;
  e.started_time = FormatMs(exec.started_ms);
  if (exec.ended()) e.stopped_time = FormatMs(exec.stopped_ms);
  e.error_code = exec.error_code;
  e.error_message = exec.error_message;
  return e;
}

}  // namespace fnf::internal
