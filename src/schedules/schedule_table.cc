#include "schedules/schedule_table.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "absl/strings/match.h"
#include "common/strings.h"
#include "common/time_format.h"
#include "engine/names.h"

namespace fnf::internal {
namespace {

Status Invalid(std::string message) {
  return Status(ErrorCode::kInvalidArgument, std::move(message));
}

StatusOr<CronExpression> ParseCron(std::string_view text) {
  std::string error;
  std::optional<CronExpression> cron = CronExpression::Parse(text, &error);
  if (!cron) {
    return Invalid(StrCat("CronExpression '", text, "' is invalid: ", error));
  }
  return *cron;
}

// The payload as the execution's input: a JSON object ("" means {}).
StatusOr<Json> ParsePayload(std::string_view text, size_t max_bytes) {
  if (text.size() > max_bytes) {
    return Status(ErrorCode::kEntityTooLarge,
                  StrCat("The payload size exceeds maximum allowed size (",
                         max_bytes, " bytes)."));
  }
  if (text.empty()) return Json::MakeObject();
  JsonParseResult r = ParseJson(text);
  if (!r.ok) {
    return Invalid(StrCat("Payload is not valid JSON: ", r.error, " at line ",
                          r.line, ", column ", r.column));
  }
  if (!r.value.is_object()) {
    return Invalid(
        StrCat("Payload must be a JSON object, got ", r.value.type_name()));
  }
  return std::move(r.value);
}

uint32_t Fnv1a(std::string_view s) {
  uint32_t h = 2166136261u;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  return h;
}

}  // namespace

std::string ScheduledExecutionName(std::string_view schedule_name,
                                   TimePoint tick) {
  // "2019-01-01T09:30:00.000Z" -> "20190101T093000Z"
  std::string stamp;
  for (char c : FormatTime(std::chrono::floor<std::chrono::seconds>(tick))) {
    if (c == '.') break;
    if (c != '-' && c != ':') stamp += c;
  }
  stamp += 'Z';
  constexpr size_t kMaxName = 128;
  if (schedule_name.size() + 1 + stamp.size() <= kMaxName) {
    return StrCat(schedule_name, "-", stamp);
  }
  char hash[9];
  std::snprintf(hash, sizeof(hash), "%08x", Fnv1a(schedule_name));
  return StrCat(schedule_name.substr(0, kMaxName - 1 - stamp.size() - 9), "_",
                hash, "-", stamp);
}

ScheduleTable::ScheduleTable(Options options) : options_(std::move(options)) {}

Status ScheduleTable::FlowNotFound(std::string_view flow_name) const {
  return Status(ErrorCode::kFlowNotExists,
                StrCat("Flow ", flow_name, " does not exist."));
}

Status ScheduleTable::NotFound(std::string_view flow_name,
                               std::string_view schedule_name) const {
  return Status(ErrorCode::kScheduleNotExists,
                StrCat("Schedule ", schedule_name, " for flow ", flow_name,
                       " does not exist."));
}

ScheduleTable::Record* ScheduleTable::Find(std::string_view flow_name,
                                           std::string_view schedule_name) {
  auto it =
      records_.find(Key(std::string(flow_name), std::string(schedule_name)));
  return it == records_.end() ? nullptr : &it->second;
}

void ScheduleTable::Dequeue(Record* r) {
  if (!r->queued) return;
  queue_.erase(QueueEntry(*r->queued, r->seq, r));
  r->queued.reset();
}

void ScheduleTable::Enqueue(Record* r, TimePoint after) {
  std::optional<TimePoint> next = r->cron.Next(after, r->anchor);
  if (!next) return;  // past year 9999
  queue_.emplace(*next, r->seq, r);
  r->queued = next;
}

StatusOr<Schedule> ScheduleTable::Create(const CreateScheduleRequest& request,
                                         TimePoint now,
                                         std::string schedule_id) {
  if (std::string e = CheckResourceName("ScheduleName", request.schedule_name);
      !e.empty()) {
    return Invalid(e);
  }
  StatusOr<CronExpression> cron = ParseCron(request.cron_expression);
  if (!cron.ok()) return cron.status();
  StatusOr<Json> input = ParsePayload(request.payload, options_.payload_bytes);
  if (!input.ok()) return input.status();

  std::lock_guard<std::mutex> l(mu_);
  if (!options_.flow_exists(request.flow_name)) {
    return FlowNotFound(request.flow_name);
  }
  auto [it, inserted] = records_.try_emplace(
      Key(request.flow_name, request.schedule_name), Record{});
  if (!inserted) {
    return Status(ErrorCode::kScheduleAlreadyExists,
                  StrCat("Schedule ", request.schedule_name, " for flow ",
                         request.flow_name, " already exists."));
  }
  Record& r = it->second;
  std::string created = FormatTime(now);
  r.meta = Schedule{request.flow_name,
                    request.schedule_name,
                    std::move(schedule_id),
                    request.description,
                    request.payload,
                    request.cron_expression,
                    request.enable.value_or(true),
                    created,
                    created};
  r.cron = std::move(*cron);
  r.anchor = now;
  r.input = std::move(*input);
  r.seq = next_seq_++;
  if (r.meta.enable) Enqueue(&r, now);
  return r.meta;
}

StatusOr<Schedule> ScheduleTable::Update(const UpdateScheduleRequest& request,
                                         TimePoint now) {
  std::optional<CronExpression> cron;
  if (request.cron_expression) {
    StatusOr<CronExpression> c = ParseCron(*request.cron_expression);
    if (!c.ok()) return c.status();
    cron = std::move(*c);
  }
  std::optional<Json> input;
  if (request.payload) {
    StatusOr<Json> p = ParsePayload(*request.payload, options_.payload_bytes);
    if (!p.ok()) return p.status();
    input = std::move(*p);
  }

  std::lock_guard<std::mutex> l(mu_);
  if (!options_.flow_exists(request.flow_name)) {
    return FlowNotFound(request.flow_name);
  }
  Record* r = Find(request.flow_name, request.schedule_name);
  if (!r) return NotFound(request.flow_name, request.schedule_name);
  const bool was_enabled = r->meta.enable;
  if (cron) {
    r->cron = std::move(*cron);
    r->anchor = now;
    r->meta.cron_expression = *request.cron_expression;
  }
  if (input) {
    r->input = std::move(*input);
    r->meta.payload = *request.payload;
  }
  if (request.description) r->meta.description = *request.description;
  if (request.enable) r->meta.enable = *request.enable;
  r->meta.last_modified_time = FormatTime(now);
  // The next fire time changes only with the expression or the switch.
  if (cron || was_enabled != r->meta.enable) {
    Dequeue(r);
    if (r->meta.enable) Enqueue(r, now);
  }
  return r->meta;
}

StatusOr<Schedule> ScheduleTable::Describe(
    std::string_view flow_name, std::string_view schedule_name) const {
  std::lock_guard<std::mutex> l(mu_);
  if (!options_.flow_exists(flow_name)) return FlowNotFound(flow_name);
  auto it =
      records_.find(Key(std::string(flow_name), std::string(schedule_name)));
  if (it == records_.end()) return NotFound(flow_name, schedule_name);
  return it->second.meta;
}

Status ScheduleTable::Delete(std::string_view flow_name,
                             std::string_view schedule_name) {
  std::lock_guard<std::mutex> l(mu_);
  if (!options_.flow_exists(flow_name)) return FlowNotFound(flow_name);
  auto it =
      records_.find(Key(std::string(flow_name), std::string(schedule_name)));
  if (it == records_.end()) return NotFound(flow_name, schedule_name);
  Dequeue(&it->second);
  records_.erase(it);
  return Status();
}

StatusOr<Page<Schedule>> ScheduleTable::List(const ListRequest& request) const {
  if (request.limit < 0 || request.limit > options_.list_max) {
    return Invalid(StrCat("Limit ", request.limit,
                          " is invalid: it must be 1 to ", options_.list_max));
  }
  if (!request.next_token.empty()) {
    if (std::string e = CheckResourceName("NextToken", request.next_token);
        !e.empty()) {
      return Invalid(e);
    }
  }
  const size_t limit = request.limit == 0 ? options_.list_default
                                          : static_cast<size_t>(request.limit);
  std::lock_guard<std::mutex> l(mu_);
  if (!options_.flow_exists(request.flow_name)) {
    return FlowNotFound(request.flow_name);
  }
  Page<Schedule> page;
  auto it = records_.lower_bound(Key(
      request.flow_name, std::max(request.next_token, request.name_prefix)));
  for (; it != records_.end() && it->first.first == request.flow_name; ++it) {
    if (!absl::StartsWith(it->first.second, request.name_prefix)) break;
    if (page.items.size() == limit) {
      page.next_token = it->first.second;
      break;
    }
    page.items.push_back(it->second.meta);
  }
  return page;
}

void ScheduleTable::DeleteFlow(std::string_view flow_name) {
  std::lock_guard<std::mutex> l(mu_);
  auto it = records_.lower_bound(Key(std::string(flow_name), ""));
  while (it != records_.end() && it->first.first == flow_name) {
    Dequeue(&it->second);
    it = records_.erase(it);
  }
}

std::optional<StoredSchedule> ScheduleTable::Export(
    std::string_view flow_name, std::string_view schedule_name) const {
  std::lock_guard<std::mutex> l(mu_);
  auto it =
      records_.find(Key(std::string(flow_name), std::string(schedule_name)));
  if (it == records_.end()) return std::nullopt;
  const Record& r = it->second;
  auto ms = [](TimePoint t) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               t.time_since_epoch())
        .count();
  };
  return StoredSchedule{r.meta, ms(r.anchor), r.queued ? ms(*r.queued) : 0};
}

Status ScheduleTable::Restore(const StoredSchedule& stored) {
  const Schedule& m = stored.meta;
  StatusOr<CronExpression> cron = ParseCron(m.cron_expression);
  StatusOr<Json> input = cron.ok() ? ParsePayload(m.payload, std::string::npos)
                                   : StatusOr<Json>(cron.status());
  if (!input.ok()) {
    return Status(
        ErrorCode::kInternalServerError,
        StrCat("stored schedule ", m.schedule_name, " of flow ", m.flow_name,
               " no longer parses (", input.status().message(), ")."));
  }
  std::lock_guard<std::mutex> l(mu_);
  Record& r = records_[Key(m.flow_name, m.schedule_name)];
  Dequeue(&r);
  r.meta = m;
  r.cron = std::move(*cron);
  r.anchor = TimePoint(std::chrono::milliseconds(stored.anchor_ms));
  r.input = std::move(*input);
  r.seq = next_seq_++;
  if (m.enable && stored.next_fire_ms > 0) {
    TimePoint next{std::chrono::milliseconds(stored.next_fire_ms)};
    queue_.emplace(next, r.seq, &r);
    r.queued = next;
  }
  return Status();
}

void ScheduleTable::SetPaused(bool paused) {
  std::lock_guard<std::mutex> l(mu_);
  paused_ = paused;
}

std::optional<TimePoint> ScheduleTable::NextDue() const {
  std::lock_guard<std::mutex> l(mu_);
  if (paused_ || queue_.empty()) return std::nullopt;
  return std::get<0>(*queue_.begin());
}

std::vector<ScheduleFiring> ScheduleTable::TakeDue(TimePoint now) {
  std::vector<ScheduleFiring> due;
  std::lock_guard<std::mutex> l(mu_);
  while (!paused_ && !queue_.empty() && std::get<0>(*queue_.begin()) <= now) {
    auto [tick, seq, r] = *queue_.begin();
    queue_.erase(queue_.begin());
    r->queued.reset();
    due.push_back(ScheduleFiring{r->meta.flow_name, r->meta.schedule_name, tick,
                                 r->input});
    // Fire times that passed meanwhile are not made up for.
    Enqueue(r, now);
  }
  return due;
}

}  // namespace fnf::internal
