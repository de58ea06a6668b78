#include "cli/graph_command.h"

#include <set>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "fnf/options.h"

#include "cli/args.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/file_io.h"
#include "cli/json_text.h"
#include "cli/messages.h"
#include "definition/compiler.h"
#include "graph/diagram.h"

namespace fnf::cli {
namespace {

// The states a run visited and those that failed, from `fnf run --history`
// output. On a problem returns false with `*error`.
bool ReadRun(const std::string& text, std::set<std::string>* visited,
             std::set<std::string>* failed, std::string* error) {
  if (auto problem = FindJsonProblem(text, /*require_object=*/true)) {
    *error = std::to_string(problem->line) + ":" +
             std::to_string(problem->column) + ": " + problem->message;
    return false;
  }
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseIterativeFlag>(text.data(), text.size());
  auto events = doc.FindMember("Events");
  if (events == doc.MemberEnd() || !events->value.IsArray()) {
    *error =
        "no \"Events\" array: give it the output of 'fnf run --history "
        "--output json'";
    return false;
  }
  for (const rapidjson::Value& event : events->value.GetArray()) {
    if (!event.IsObject() || !event.HasMember("Type") ||
        !event.HasMember("StepName") || !event["Type"].IsString() ||
        !event["StepName"].IsString()) {
      *error = "an event without a string Type and StepName";
      return false;
    }
    std::string type = event["Type"].GetString();
    std::string step = event["StepName"].GetString();
    if (step.empty()) continue;
    if (type == "StateEntered" || type == "StepEntered") visited->insert(step);
    if (type == "StateFailed" || type == "StepFailed" ||
        type == "StateTimedOut") {
      failed->insert(step);
    }
  }
  return true;
}

}  // namespace

int GraphCommand(const std::vector<std::string>& args, std::ostream& out,
                 std::ostream& err) {
  GraphArgs graph_args;
  if (auto done = ParseCommandArgs("graph", args, ParseGraphArgs, GraphHelp,
                                   &graph_args, out, err)) {
    return *done;
  }
  std::string definition, error;
  if (!ReadWholeFile(graph_args.flow_file, &definition, &error)) {
    err << "fnf graph: cannot read flow file '" << graph_args.flow_file
        << "': " << error << "\n";
    return kExitInvalid;
  }
  std::set<std::string> visited, failed;
  if (graph_args.history_file) {
    std::string run;
    if (!ReadWholeFile(*graph_args.history_file, &run, &error)) {
      err << "fnf graph: cannot read history file '" << *graph_args.history_file
          << "': " << error << "\n";
      return kExitInvalid;
    }
    if (!ReadRun(run, &visited, &failed, &error)) {
      err << "fnf graph: " << *graph_args.history_file << ": " << error << "\n";
      return kExitInvalid;
    }
  }
  Limits limits;
  internal::CompileOptions options;
  options.limits = &limits;
  internal::CompileResult compiled =
      internal::CompileDefinition(definition, options);
  if (!compiled.flow) {
    for (const Diagnostic& problem : compiled.diagnostics) {
      err << "fnf: InvalidArgument: "
          << FormatDiagnostic(graph_args.flow_file, problem) << "\n";
    }
    return kExitInvalid;
  }
  internal::Diagram diagram = internal::BuildDiagram(*compiled.flow);
  internal::MarkRun(visited, failed, &diagram);
  out << (graph_args.format == "dot" ? internal::RenderDot(diagram)
                                     : internal::RenderMermaid(diagram));
  return kExitSucceeded;
}

}  // namespace fnf::cli
