#include "cli/command_task.h"

#include <string>
#include <utility>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "cli/json_text.h"

namespace fnf::cli {
namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

// Embeds JSON text as a value, byte for byte, so numbers keep their exact
// spelling. Text that is not JSON (the engine should never send it) goes in as
// a string rather than being lost.
void WriteJsonText(JsonWriter& writer, std::string_view text,
                   std::string_view if_empty) {
  std::string_view trimmed = TrimJsonSpace(text);
  if (trimmed.empty()) trimmed = if_empty;
  if (FindJsonProblem(trimmed, /*require_object=*/false)) {
    writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
  } else {
    writer.RawValue(trimmed.data(), trimmed.size(), rapidjson::kObjectType);
  }
}

void WriteMember(JsonWriter& writer, const char* key,
                 const std::string& value) {
  writer.Key(key);
  writer.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

std::string TrimTrailingNewlines(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
    text.remove_suffix(1);
  return std::string(text);
}

std::string ValueToText(const rapidjson::Value& value) {
  if (value.IsString())
    return std::string(value.GetString(), value.GetStringLength());
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  value.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

TaskResult SucceededFromOutput(const TaskRequest& request,
                               std::string_view stdout_data) {
  std::string_view json = TrimJsonSpace(stdout_data);
  bool is_json =
      !json.empty() && !FindJsonProblem(json, /*require_object=*/false);
  if (request.action == "FC:InvokeFunction") {
    rapidjson::StringBuffer buffer;
    JsonWriter writer(buffer);
    writer.StartObject();
    writer.Key("Body");
    if (is_json) {
      writer.RawValue(json.data(), json.size(), rapidjson::kObjectType);
    } else {
      std::string body = TrimTrailingNewlines(stdout_data);
      writer.String(body.data(), static_cast<rapidjson::SizeType>(body.size()));
    }
    writer.EndObject();
    return TaskResult::Succeeded(
        std::string(buffer.GetString(), buffer.GetSize()));
  }
  // A command that only has side effects need not print anything.
  if (json.empty()) return TaskResult::Succeeded("{}");
  if (auto problem = FindJsonProblem(json, /*require_object=*/false)) {
    return TaskResult::Failed(
        std::string(kTaskFailedError),
        "the command's output is not JSON: " + problem->message + " at " +
            std::to_string(problem->line) + ":" +
            std::to_string(problem->column));
  }
  return TaskResult::Succeeded(std::string(json));
}

TaskResult FailedFromOutput(const SubprocessResult& run) {
  std::string_view json = TrimJsonSpace(run.stdout_data);
  // Checked first: ValueToText below writes the Cause back out recursively.
  const bool usable = !json.empty() && !FindJsonProblem(json, true);
  rapidjson::Document doc;
  if (usable)
    doc.Parse<rapidjson::kParseIterativeFlag>(json.data(), json.size());
  if (usable && !doc.HasParseError() && doc.IsObject()) {
    auto error = doc.FindMember("Error");
    if (error != doc.MemberEnd() && error->value.IsString()) {
      auto cause = doc.FindMember("Cause");
      return TaskResult::Failed(
          ValueToText(error->value),
          cause == doc.MemberEnd() ? "" : ValueToText(cause->value));
    }
  }
  std::string cause = TrimTrailingNewlines(run.stderr_data);
  if (cause.empty()) {
    cause =
        run.signal != 0
            ? "the command was killed by signal " + std::to_string(run.signal)
            : "the command exited with status " + std::to_string(run.exit_code);
  }
  return TaskResult::Failed(std::string(kTaskFailedError), std::move(cause));
}

}  // namespace

std::string TaskRequestToJson(const TaskRequest& request) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  WriteMember(writer, "FlowName", request.flow_name);
  WriteMember(writer, "ExecutionName", request.execution_name);
  WriteMember(writer, "StateName", request.state_name);
  WriteMember(writer, "Action", request.action);
  WriteMember(writer, "ResourceArn", request.resource_arn);
  WriteMember(writer, "TaskMode", request.task_mode);
  writer.Key("Parameters");
  WriteJsonText(writer, request.parameters, "{}");
  writer.Key("Input");
  WriteJsonText(writer, request.input, "{}");
  WriteMember(writer, "TaskToken", request.task_token);
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

TaskResult TaskResultFromCommand(const TaskRequest& request,
                                 const SubprocessResult& run) {
  if (!run.started) {
    return TaskResult::Failed(std::string(kTaskFailedError),
                              "cannot run the command: " + run.error);
  }
  if (run.succeeded()) return SucceededFromOutput(request, run.stdout_data);
  return FailedFromOutput(run);
}

TaskHandler MakeCommandTaskHandler(std::string command,
                                   StderrSink stderr_sink) {
  return [command = std::move(command),
          stderr_sink = std::move(stderr_sink)](const TaskRequest& request) {
    SubprocessResult run = RunShellCommand(command, TaskRequestToJson(request));
    if (stderr_sink && !run.stderr_data.empty()) stderr_sink(run.stderr_data);
    return TaskResultFromCommand(request, run);
  };
}

}  // namespace fnf::cli
