#include "server/json_body.h"

namespace fnf::server {

std::string JsonBody::Finish(std::string_view request_id) {
  Field("RequestId", request_id);
  writer_.EndObject();
  return std::string(buffer_.GetString(), buffer_.GetSize());
}

void WriteFlowFields(const Flow& flow, JsonBody& out) {
  out.Field("Name", flow.name);
  out.Field("Id", flow.id);
  out.Field("Definition", flow.definition);
  out.Field("Description", flow.description);
  out.Field("Type", flow.type);
  out.Field("RoleArn", flow.role_arn);
  out.Field("ExecutionMode", flow.execution_mode);
  out.Field("CreatedTime", flow.created_time);
  out.Field("LastModifiedTime", flow.last_modified_time);
}

void WriteExecutionFields(const Execution& execution, bool metadata_only,
                          JsonBody& out) {
  out.Field("Name", execution.name);
  out.Field("FlowName", execution.flow_name);
  if (!metadata_only) {
    out.Field("FlowDefinition", execution.flow_definition);
    out.Field("Input", execution.input);
    out.Field("Output", execution.output);
  }
  out.Field("Status", ToString(execution.status));
  out.Field("StartedTime", execution.started_time);
  out.Field("StoppedTime", execution.stopped_time);
  out.Field("ErrorCode", execution.error_code);
  out.Field("ErrorMessage", execution.error_message);
}

void WriteEvent(const HistoryEvent& event, JsonBody& out) {
  out.StartObject();
  out.Key("EventId");
  out.Int(event.event_id);
  out.Key("ScheduleEventId");
  out.Int(event.schedule_event_id);
  out.Field("StepName", event.step_name);
  out.Field("Type", event.type);
  out.Field("Time", event.time);
  out.Field("EventDetail", event.event_detail);
  out.EndObject();
}

std::string ErrorBody(std::string_view request_id, std::string_view host_id,
                      std::string_view code, std::string_view message) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  auto field = [&w](std::string_view key, std::string_view value) {
    w.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
    w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
  };
  w.StartObject();
  field("RequestId", request_id);
  field("HostId", host_id);
  field("Code", code);
  field("Message", message);
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace fnf::server
