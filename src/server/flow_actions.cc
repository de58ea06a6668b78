// CreateFlow, UpdateFlow, DescribeFlow, DeleteFlow, ListFlows.
#include "server/actions.h"

namespace fnf::server {
namespace {

Status CreateFlow(ActionContext& ctx, JsonBody& out) {
  CreateFlowRequest request;
  const Params& p = ctx.params;
  if (Status s = p.Required("Name", &request.name); !s.ok()) return s;
  if (Status s = p.Required("Definition", &request.definition); !s.ok()) {
    return s;
  }
  request.description = p.Get("Description");
  if (const std::string* type = p.Find("Type"); type && !type->empty()) {
    request.type = *type;
  }
  request.role_arn = p.Get("RoleArn");
  // An empty ExecutionMode means Standard (spec api.md 4.1).
  if (const std::string* mode = p.Find("ExecutionMode");
      mode && !mode->empty()) {
    request.execution_mode = *mode;
  }
  StatusOr<Flow> flow = ctx.engine.CreateFlow(request);
  if (!flow.ok()) return flow.status();
  WriteFlowFields(*flow, out);
  return Status();
}

Status UpdateFlow(ActionContext& ctx, JsonBody& out) {
  UpdateFlowRequest request;
  const Params& p = ctx.params;
  if (Status s = p.Required("Name", &request.name); !s.ok()) return s;
  request.definition = p.Optional("Definition");
  request.description = p.Optional("Description");
  request.role_arn = p.Optional("RoleArn");
  StatusOr<Flow> flow = ctx.engine.UpdateFlow(request);
  if (!flow.ok()) return flow.status();
  WriteFlowFields(*flow, out);
  return Status();
}

Status DescribeFlow(ActionContext& ctx, JsonBody& out) {
  std::string name;
  if (Status s = ctx.params.Required("Name", &name); !s.ok()) return s;
  StatusOr<Flow> flow = ctx.engine.DescribeFlow(name);
  if (!flow.ok()) return flow.status();
  WriteFlowFields(*flow, out);
  return Status();
}

Status DeleteFlow(ActionContext& ctx, JsonBody&) {
  std::string name;
  if (Status s = ctx.params.Required("Name", &name); !s.ok()) return s;
  return ctx.engine.DeleteFlow(name);
}

Status ListFlows(ActionContext& ctx, JsonBody& out) {
  ListRequest request;
  if (Status s = ctx.params.Int("Limit", &request.limit); !s.ok()) return s;
  request.next_token = ctx.params.Get("NextToken");
  StatusOr<Page<Flow>> page = ctx.engine.ListFlows(request);
  if (!page.ok()) return page.status();
  out.Key("Flows");
  out.StartArray();
  for (const Flow& flow : page->items) {
    out.StartObject();
    WriteFlowFields(flow, out);
    out.EndObject();
  }
  out.EndArray();
  // Absent on the last page, as the service answers.
  if (!page->next_token.empty()) out.Field("NextToken", page->next_token);
  return Status();
}

}  // namespace

void AddFlowActions(ActionTable& table) {
  table.Add("CreateFlow", CreateFlow);
  table.Add("UpdateFlow", UpdateFlow);
  table.Add("DescribeFlow", DescribeFlow);
  table.Add("DeleteFlow", DeleteFlow);
  table.Add("ListFlows", ListFlows);
}

}  // namespace fnf::server
