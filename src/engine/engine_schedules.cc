// Engine::Impl's side of schedules: the five operations, under the engine's
// lock so that a flow cannot be deleted between the table's check that it
// exists and the insert, and starting the execution of each due tick.
#include "common/strings.h"
#include "common/time_format.h"
#include "engine/engine_impl.h"
#include "store/sqlite/schedule_rows.h"

namespace fnf {
namespace {

int64_t MsOf(std::string_view time) {
  std::optional<TimePoint> t = internal::ParseTime(time);
  return t ? std::chrono::duration_cast<std::chrono::milliseconds>(
                 t->time_since_epoch())
                 .count()
           : 0;
}

internal::ScheduleRow ToRow(const internal::StoredSchedule& s) {
  const Schedule& m = s.meta;
  return internal::ScheduleRow{m.flow_name,
                               m.schedule_name,
                               m.schedule_id,
                               m.description,
                               m.payload,
                               m.cron_expression,
                               m.enable,
                               MsOf(m.created_time),
                               MsOf(m.last_modified_time),
                               s.next_fire_ms,
                               s.anchor_ms};
}

}  // namespace

internal::StoredSchedule Engine::Impl::FromRow(const internal::ScheduleRow& r) {
  auto time = [](int64_t ms) {
    return internal::FormatTime(TimePoint(std::chrono::milliseconds(ms)));
  };
  return internal::StoredSchedule{
      Schedule{r.flow, r.name, r.id, r.description, r.payload, r.cron, r.enable,
               time(r.created_ms), time(r.modified_ms)},
      r.anchor_ms, r.next_fire_ms};
}

Status Engine::Impl::WriteSchedule(std::string_view flow_name,
                                   std::string_view schedule_name) {
  std::optional<internal::StoredSchedule> stored =
      schedules_.Export(flow_name, schedule_name);
  if (!stored) {
    return store_->committer().Write(
        [flow = std::string(flow_name),
         name = std::string(schedule_name)](internal::SqliteDb& db) {
          return internal::DeleteScheduleRow(db, flow, name);
        });
  }
  return store_->committer().Write(
      [row = ToRow(*stored)](internal::SqliteDb& db) {
        return internal::PutScheduleRow(db, row);
      });
}

template <typename Change>
auto Engine::Impl::ChangeSchedule(std::string_view flow_name,
                                  std::string_view schedule_name, Change change)
    -> decltype(change()) {
  std::lock_guard<std::mutex> l(mu_);
  if (!store_) return change();
  // Under mu_ from the change to its commit: nothing sees the change before
  // it is durable, and a failed write is undone before anyone could.
  if (!store_status_.ok()) return store_status_;
  std::optional<internal::StoredSchedule> before =
      schedules_.Export(flow_name, schedule_name);
  auto result = change();
  if (!result.ok()) return result;
  Status written = WriteSchedule(flow_name, schedule_name);
  if (written.ok()) return result;
  if (before) {
    (void)schedules_.Restore(*before);
  } else {
    (void)schedules_.Delete(flow_name, schedule_name);
  }
  return written;
}

StatusOr<Schedule> Engine::Impl::CreateSchedule(
    const CreateScheduleRequest& request) {
  std::string id = random_->Uuid();
  StatusOr<Schedule> created = ChangeSchedule(
      request.flow_name, request.schedule_name,
      [&] { return schedules_.Create(request, clock_->Now(), std::move(id)); });
  // Workers may be sleeping until a later time than this schedule's.
  if (created.ok() && !manual_) work_cv_.notify_all();
  return created;
}

StatusOr<Schedule> Engine::Impl::UpdateSchedule(
    const UpdateScheduleRequest& request) {
  StatusOr<Schedule> updated =
      ChangeSchedule(request.flow_name, request.schedule_name,
                     [&] { return schedules_.Update(request, clock_->Now()); });
  if (updated.ok() && !manual_) work_cv_.notify_all();
  return updated;
}

StatusOr<Schedule> Engine::Impl::DescribeSchedule(
    std::string_view flow_name, std::string_view schedule_name) {
  std::lock_guard<std::mutex> l(mu_);
  return schedules_.Describe(flow_name, schedule_name);
}

Status Engine::Impl::DeleteSchedule(std::string_view flow_name,
                                    std::string_view schedule_name) {
  return ChangeSchedule(flow_name, schedule_name, [&] {
    return schedules_.Delete(flow_name, schedule_name);
  });
}

StatusOr<Page<Schedule>> Engine::Impl::ListSchedules(
    const ListRequest& request) {
  std::lock_guard<std::mutex> l(mu_);
  return schedules_.List(request);
}

void Engine::Impl::PopDueSchedules(TimePoint now) {
  for (internal::ScheduleFiring& f : schedules_.TakeDue(now)) {
    Job job;
    job.kind = Job::Kind::kFire;
    job.firing = std::make_unique<internal::ScheduleFiring>(std::move(f));
    jobs_.push_back(std::move(job));
  }
}

void Engine::Impl::StartScheduled(internal::ScheduleFiring firing) {
  auto exec = std::make_shared<internal::ExecutionRt>();
  exec->flow_name = firing.flow_name;
  exec->input = std::move(firing.input);
  exec->input_text = exec->input.Serialize();
  std::string name =
      internal::ScheduledExecutionName(firing.schedule_name, firing.tick);
  bool express;
  {
    std::lock_guard<std::mutex> l(mu_);
    FlowEntry* entry = FindFlow(firing.flow_name);
    if (entry == nullptr) return;  // deleted since the tick was taken
    express = entry->version->express;
    if (express) {
      // Express names are not unique; the service appends a UUID (api.md §2).
      name = internal::StrCat(name, ":", random_->Uuid());
    } else if (entry->executions.count(name)) {
      // This tick has started already (on another engine of the same store,
      // or a user took the name): it starts once.
      return;
    }
    // At the running-executions bound the tick is dropped, as a
    // StartExecution would be throttled.
    if (!RunningLimitProblem().empty()) return;
    exec->name = std::move(name);
    exec->version = entry->version;
    exec->journaled = store_ != nullptr && !express;
    exec->started_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                           clock_->Now().time_since_epoch())
                           .count();
    exec->seq = ++exec_seq_;
    entry->executions.emplace(exec->name, exec);
    ++running_executions_;
  }
  Status committed;
  Launch(exec, express, &committed);
  if (store_ && committed.ok()) {
    // After the execution's own commit: a crash in between finds the tick
    // still due, and its execution's name makes it start once.
    std::optional<internal::StoredSchedule> now =
        [&]() -> std::optional<internal::StoredSchedule> {
      std::lock_guard<std::mutex> l(mu_);
      return schedules_.Export(firing.flow_name, firing.schedule_name);
    }();
    if (now) {
      (void)store_->committer().Write(
          [flow = firing.flow_name, name = firing.schedule_name,
           next = now->next_fire_ms](internal::SqliteDb& db) {
            return internal::SetScheduleNextFire(db, flow, name, next);
          });
    }
  }
}

}  // namespace fnf
