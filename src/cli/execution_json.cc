#include "cli/execution_json.h"

#include <string>
#include <string_view>

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

namespace fnf::cli {
namespace {

using PrettyWriter = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void WriteString(PrettyWriter& writer, const char* key,
                 std::string_view value) {
  writer.Key(key);
  writer.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

void WriteEvent(PrettyWriter& writer, const HistoryEvent& event) {
  writer.StartObject();
  writer.Key("EventId");
  writer.Int64(event.event_id);
  writer.Key("ScheduleEventId");
  writer.Int64(event.schedule_event_id);
  WriteString(writer, "StepName", event.step_name);
  WriteString(writer, "Type", event.type);
  WriteString(writer, "Time", event.time);
  WriteString(writer, "EventDetail", event.event_detail);
  writer.EndObject();
}

}  // namespace

std::string ExecutionToJson(const Execution& execution,
                            const std::vector<HistoryEvent>* events) {
  rapidjson::StringBuffer buffer;
  PrettyWriter writer(buffer);
  writer.SetIndent(' ', 2);
  writer.StartObject();
  WriteString(writer, "Name", execution.name);
  WriteString(writer, "FlowName", execution.flow_name);
  WriteString(writer, "Status", ToString(execution.status));
  WriteString(writer, "Input", execution.input);
  WriteString(writer, "Output", execution.output);
  WriteString(writer, "ErrorCode", execution.error_code);
  WriteString(writer, "ErrorMessage", execution.error_message);
  WriteString(writer, "StartedTime", execution.started_time);
  WriteString(writer, "StoppedTime", execution.stopped_time);
  if (events != nullptr) {
    writer.Key("Events");
    writer.StartArray();
    for (const HistoryEvent& event : *events) WriteEvent(writer, event);
    writer.EndArray();
  }
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

}  // namespace fnf::cli
