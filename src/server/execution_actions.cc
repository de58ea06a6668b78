// StartExecution, StartSyncExecution, DescribeExecution (with its
// WaitTimeSeconds long poll), StopExecution, ListExecutions,
// GetExecutionHistory.
#include <algorithm>
#include <chrono>
#include <optional>

#include "common/strings.h"
#include "common/time_format.h"
#include "server/actions.h"

namespace fnf::server {
namespace {

using internal::StrCat;

// A long poll waits in slices this long, so that a server that stops does not
// wait for the whole WaitTimeSeconds.
constexpr std::chrono::milliseconds kWaitSlice(200);
// ListExecutions' page size when Limit is absent (the API's default).
constexpr int kDefaultListLimit = 60;

Status ReadStart(const Params& p, StartExecutionRequest* request) {
  if (Status s = p.Required("FlowName", &request->flow_name); !s.ok()) return s;
  request->execution_name = p.Get("ExecutionName");
  request->input = p.Get("Input");
  // An empty Input is the empty object.
  if (request->input.empty()) request->input = "{}";
  request->callback_fnf_task_token = p.Get("CallbackFnFTaskToken");
  return Status();
}

// StartExecution, or with `sync` StartSyncExecution (Express flows).
Status Start(ActionContext& ctx, JsonBody& out, bool sync) {
  StartExecutionRequest request;
  if (Status s = ReadStart(ctx.params, &request); !s.ok()) return s;
  StatusOr<Execution> e = sync ? ctx.engine.StartSyncExecution(request)
                               : ctx.engine.StartExecution(request);
  if (!e.ok()) return e.status();
  WriteExecutionFields(*e, /*metadata_only=*/false, out);
  return Status();
}

Status ReadNames(const Params& p, std::string* flow, std::string* execution) {
  if (Status s = p.Required("FlowName", flow); !s.ok()) return s;
  return p.Required("ExecutionName", execution);
}

StatusOr<Execution> LongPoll(ActionContext& ctx, const std::string& flow,
                             const std::string& name,
                             std::chrono::seconds wait) {
  const auto deadline = std::chrono::steady_clock::now() + wait;
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0 || ctx.stopping.load()) {
      return ctx.engine.DescribeExecution(flow, name);
    }
    StatusOr<Execution> e =
        ctx.engine.WaitExecution(flow, name, std::min(left, kWaitSlice));
    if (!e.ok() || IsTerminal(e->status)) return e;
  }
}

Status DescribeExecution(ActionContext& ctx, JsonBody& out) {
  std::string flow, name;
  if (Status s = ReadNames(ctx.params, &flow, &name); !s.ok()) return s;
  int wait = 0;
  if (Status s = ctx.params.Int("WaitTimeSeconds", &wait); !s.ok()) return s;
  const int max_wait = static_cast<int>(ctx.options.max_wait.count());
  if (wait < 0 || wait > std::max(max_wait, 0)) {
    return Status(ErrorCode::kInvalidArgument,
                  StrCat("The parameter 'WaitTimeSeconds' must be from 0 to ",
                         max_wait, ", got ", wait, "."));
  }
  StatusOr<Execution> e =
      wait > 0 ? LongPoll(ctx, flow, name, std::chrono::seconds(wait))
               : ctx.engine.DescribeExecution(flow, name);
  if (!e.ok()) return e.status();
  WriteExecutionFields(*e, /*metadata_only=*/false, out);
  return Status();
}

Status StopExecution(ActionContext& ctx, JsonBody& out) {
  StopExecutionRequest request;
  if (Status s =
          ReadNames(ctx.params, &request.flow_name, &request.execution_name);
      !s.ok()) {
    return s;
  }
  request.error = ctx.params.Get("Error");
  request.cause = ctx.params.Get("Cause");
  StatusOr<Execution> e = ctx.engine.StopExecution(request);
  if (!e.ok()) return e.status();
  WriteExecutionFields(*e, /*metadata_only=*/false, out);
  return Status();
}

// StartedTimeBegin (inclusive) and StartedTimeEnd (exclusive), when given.
struct TimeRange {
  std::optional<TimePoint> begin, end;
  bool active() const { return begin || end; }
  bool Contains(const Execution& e) const {
    std::optional<TimePoint> t = internal::ParseTime(e.started_time);
    if (!t) return false;
    return (!begin || *t >= *begin) && (!end || *t < *end);
  }
};

Status ReadTime(const Params& p, std::string_view name,
                std::optional<TimePoint>* out) {
  const std::string* text = p.Find(name);
  if (text == nullptr || text->empty()) return Status();
  *out = internal::ParseTime(*text);
  if (!*out) {
    return Status(ErrorCode::kInvalidArgument,
                  StrCat("The parameter '", name,
                         "' must be a UTC time such "
                         "as 2019-01-01T01:01:01Z, got '",
                         *text, "'."));
  }
  return Status();
}

// The engine filters by name prefix and status; the time range is applied
// here, reading on until the page is full so that paging still works.
StatusOr<Page<Execution>> ListInRange(Engine& engine, ListRequest request,
                                      const TimeRange& range) {
  const size_t want = static_cast<size_t>(
      request.limit > 0 ? request.limit : kDefaultListLimit);
  Page<Execution> result;
  for (;;) {
    StatusOr<Page<Execution>> page = engine.ListExecutions(request);
    if (!page.ok()) return page.status();
    std::vector<Execution>& items = page->items;
    for (size_t i = 0; i < items.size(); ++i) {
      if (!range.Contains(items[i])) continue;
      result.items.push_back(std::move(items[i]));
      if (result.items.size() == want) {
        result.next_token =
            i + 1 < items.size() ? items[i + 1].name : page->next_token;
        return result;
      }
    }
    if (page->next_token.empty() || page->next_token == request.next_token) {
      return result;
    }
    request.next_token = page->next_token;
  }
}

Status ListExecutions(ActionContext& ctx, JsonBody& out) {
  const Params& p = ctx.params;
  ListRequest request;
  if (Status s = p.Required("FlowName", &request.flow_name); !s.ok()) return s;
  if (Status s = p.Int("Limit", &request.limit); !s.ok()) return s;
  request.next_token = p.Get("NextToken");
  request.name_prefix = p.Get("ExecutionNamePrefix");
  request.status = p.Get("Status");
  TimeRange range;
  if (Status s = ReadTime(p, "StartedTimeBegin", &range.begin); !s.ok())
    return s;
  if (Status s = ReadTime(p, "StartedTimeEnd", &range.end); !s.ok()) return s;
  std::optional<bool> metadata_only;
  if (Status s = p.Bool("MetadataOnly", &metadata_only); !s.ok()) return s;
  StatusOr<Page<Execution>> page = range.active()
                                       ? ListInRange(ctx.engine, request, range)
                                       : ctx.engine.ListExecutions(request);
  if (!page.ok()) return page.status();
  out.Key("Executions");
  out.StartArray();
  for (const Execution& e : page->items) {
    out.StartObject();
    WriteExecutionFields(e, metadata_only.value_or(false), out);
    out.EndObject();
  }
  out.EndArray();
  if (!page->next_token.empty()) out.Field("NextToken", page->next_token);
  return Status();
}

Status GetExecutionHistory(ActionContext& ctx, JsonBody& out) {
  std::string flow, name;
  if (Status s = ReadNames(ctx.params, &flow, &name); !s.ok()) return s;
  int limit = 0;
  if (Status s = ctx.params.Int("Limit", &limit); !s.ok()) return s;
  StatusOr<Page<HistoryEvent>> page = ctx.engine.GetExecutionHistory(
      flow, name, limit, ctx.params.Get("NextToken"));
  if (!page.ok()) return page.status();
  out.Key("Events");
  out.StartArray();
  for (const HistoryEvent& event : page->items) WriteEvent(event, out);
  out.EndArray();
  if (!page->next_token.empty()) out.Field("NextToken", page->next_token);
  return Status();
}

}  // namespace

void AddExecutionActions(ActionTable& table) {
  table.Add("StartExecution", [](ActionContext& ctx, JsonBody& out) {
    return Start(ctx, out, /*sync=*/false);
  });
  table.Add("StartSyncExecution", [](ActionContext& ctx, JsonBody& out) {
    return Start(ctx, out, /*sync=*/true);
  });
  table.Add("DescribeExecution", DescribeExecution);
  table.Add("StopExecution", StopExecution);
  table.Add("ListExecutions", ListExecutions);
  table.Add("GetExecutionHistory", GetExecutionHistory);
}

}  // namespace fnf::server
