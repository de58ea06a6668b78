// CreateSchedule, UpdateSchedule, DescribeSchedule, DeleteSchedule,
// ListSchedules.
#include "server/actions.h"

namespace fnf::server {
namespace {

// The members of a schedule as the service answers them (api.md §8).
void WriteScheduleFields(const Schedule& s, JsonBody& out) {
  out.Field("ScheduleId", s.schedule_id);
  out.Field("ScheduleName", s.schedule_name);
  out.Field("Description", s.description);
  out.Field("Payload", s.payload);
  out.Field("CronExpression", s.cron_expression);
  out.Key("Enable");
  out.Bool(s.enable);
  out.Field("CreatedTime", s.created_time);
  out.Field("LastModifiedTime", s.last_modified_time);
}

Status Answer(const StatusOr<Schedule>& schedule, JsonBody& out) {
  if (!schedule.ok()) return schedule.status();
  WriteScheduleFields(*schedule, out);
  return Status();
}

Status CreateSchedule(ActionContext& ctx, JsonBody& out) {
  CreateScheduleRequest request;
  const Params& p = ctx.params;
  if (Status s = p.Required("FlowName", &request.flow_name); !s.ok()) return s;
  if (Status s = p.Required("ScheduleName", &request.schedule_name); !s.ok()) {
    return s;
  }
  if (Status s = p.Required("CronExpression", &request.cron_expression);
      !s.ok()) {
    return s;
  }
  request.payload = p.Get("Payload");
  request.description = p.Get("Description");
  if (Status s = p.Bool("Enable", &request.enable); !s.ok()) return s;
  return Answer(ctx.engine.CreateSchedule(request), out);
}

Status UpdateSchedule(ActionContext& ctx, JsonBody& out) {
  UpdateScheduleRequest request;
  const Params& p = ctx.params;
  if (Status s = p.Required("FlowName", &request.flow_name); !s.ok()) return s;
  if (Status s = p.Required("ScheduleName", &request.schedule_name); !s.ok()) {
    return s;
  }
  request.cron_expression = p.Optional("CronExpression");
  request.payload = p.Optional("Payload");
  request.description = p.Optional("Description");
  if (Status s = p.Bool("Enable", &request.enable); !s.ok()) return s;
  return Answer(ctx.engine.UpdateSchedule(request), out);
}

Status DescribeSchedule(ActionContext& ctx, JsonBody& out) {
  std::string flow, name;
  if (Status s = ctx.params.Required("FlowName", &flow); !s.ok()) return s;
  if (Status s = ctx.params.Required("ScheduleName", &name); !s.ok()) return s;
  return Answer(ctx.engine.DescribeSchedule(flow, name), out);
}

Status DeleteSchedule(ActionContext& ctx, JsonBody&) {
  std::string flow, name;
  if (Status s = ctx.params.Required("FlowName", &flow); !s.ok()) return s;
  if (Status s = ctx.params.Required("ScheduleName", &name); !s.ok()) return s;
  return ctx.engine.DeleteSchedule(flow, name);
}

Status ListSchedules(ActionContext& ctx, JsonBody& out) {
  ListRequest request;
  const Params& p = ctx.params;
  if (Status s = p.Required("FlowName", &request.flow_name); !s.ok()) return s;
  if (Status s = p.Int("Limit", &request.limit); !s.ok()) return s;
  request.next_token = p.Get("NextToken");
  StatusOr<Page<Schedule>> page = ctx.engine.ListSchedules(request);
  if (!page.ok()) return page.status();
  out.Key("Schedules");
  out.StartArray();
  for (const Schedule& schedule : page->items) {
    out.StartObject();
    WriteScheduleFields(schedule, out);
    out.EndObject();
  }
  out.EndArray();
  // Absent on the last page, as the service answers.
  if (!page->next_token.empty()) out.Field("NextToken", page->next_token);
  return Status();
}

}  // namespace

void AddScheduleActions(ActionTable& table) {
  table.Add("CreateSchedule", CreateSchedule);
  table.Add("UpdateSchedule", UpdateSchedule);
  table.Add("DescribeSchedule", DescribeSchedule);
  table.Add("DeleteSchedule", DeleteSchedule);
  table.Add("ListSchedules", ListSchedules);
}

}  // namespace fnf::server
