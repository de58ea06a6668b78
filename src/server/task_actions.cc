// ReportTaskSucceeded, ReportTaskFailed: the answers to callback tasks.
#include "server/actions.h"

namespace fnf::server {
namespace {

Status ReportTaskSucceeded(ActionContext& ctx, JsonBody&) {
  std::string token, output;
  if (Status s = ctx.params.Required("TaskToken", &token); !s.ok()) return s;
  if (Status s = ctx.params.Required("Output", &output); !s.ok()) return s;
  return ctx.engine.ReportTaskSucceeded(token, output);
}

Status ReportTaskFailed(ActionContext& ctx, JsonBody&) {
  std::string token, error;
  if (Status s = ctx.params.Required("TaskToken", &token); !s.ok()) return s;
  if (Status s = ctx.params.Required("Error", &error); !s.ok()) return s;
  return ctx.engine.ReportTaskFailed(token, error, ctx.params.Get("Cause"));
}

}  // namespace

void AddTaskActions(ActionTable& table) {
  table.Add("ReportTaskSucceeded", ReportTaskSucceeded);
  table.Add("ReportTaskFailed", ReportTaskFailed);
}

}  // namespace fnf::server
