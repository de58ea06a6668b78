// The JSON object of an API answer, written member by member, and the API's
// shapes of flows, executions and history events.
#ifndef FNF_SERVER_JSON_BODY_H_
#define FNF_SERVER_JSON_BODY_H_

#include <cstdint>
#include <string>
#include <string_view>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "fnf/types.h"

namespace fnf::server {

// An open JSON object; actions add members, the server adds RequestId and
// closes it. Success bodies never get a `Code` member (pop-core takes any body
// with one for an error).
class JsonBody {
 public:
  JsonBody() { writer_.StartObject(); }

  void Key(std::string_view key) { writer_.Key(key.data(), Size(key)); }
  void String(std::string_view value) {
    writer_.String(value.data(), Size(value));
  }
  void Int(int64_t value) { writer_.Int64(value); }
  void Bool(bool value) { writer_.Bool(value); }
  void StartArray() { writer_.StartArray(); }
  void EndArray() { writer_.EndArray(); }
  void StartObject() { writer_.StartObject(); }
  void EndObject() { writer_.EndObject(); }
  // Key(key) then String(value).
  void Field(std::string_view key, std::string_view value) {
    Key(key);
    String(value);
  }

  // Adds RequestId, closes the object and returns its text.
  std::string Finish(std::string_view request_id);

 private:
  static rapidjson::SizeType Size(std::string_view s) {
    return static_cast<rapidjson::SizeType>(s.size());
  }
  rapidjson::StringBuffer buffer_;
  rapidjson::Writer<rapidjson::StringBuffer> writer_{buffer_};
};

// The members of a flow: Name, Id, Definition, Description, Type, RoleArn,
// ExecutionMode, CreatedTime, LastModifiedTime.
void WriteFlowFields(const Flow& flow, JsonBody& out);
// The members of an execution: Name, FlowName, FlowDefinition, Input, Output,
// Status, StartedTime, StoppedTime, ErrorCode, ErrorMessage; with
// `metadata_only` (ListExecutions' MetadataOnly) without FlowDefinition, Input
// and Output.
void WriteExecutionFields(const Execution& execution, bool metadata_only,
                          JsonBody& out);
// {EventId, ScheduleEventId, StepName, Type, Time, EventDetail}.
void WriteEvent(const HistoryEvent& event, JsonBody& out);
// The error body {RequestId, HostId, Code, Message}.
std::string ErrorBody(std::string_view request_id, std::string_view host_id,
                      std::string_view code, std::string_view message);

}  // namespace fnf::server

#endif  // FNF_SERVER_JSON_BODY_H_
