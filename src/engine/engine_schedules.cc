// Engine::Impl's side of schedules: the five operations, under the engine's
// lock so that a flow cannot be deleted between the table's check that it
// exists and the insert, and starting the execution of each due tick.
#include "common/strings.h"
#include "engine/engine_impl.h"

namespace fnf {

StatusOr<Schedule> Engine::Impl::CreateSchedule(
    const CreateScheduleRequest& request) {
  std::string id = random_->Uuid();
  StatusOr<Schedule> created = [&] {
    std::lock_guard<std::mutex> l(mu_);
    return schedules_.Create(request, clock_->Now(), std::move(id));
  }();
  // Workers may be sleeping until a later time than this schedule's.
  if (created.ok() && !manual_) work_cv_.notify_all();
  return created;
}

StatusOr<Schedule> Engine::Impl::UpdateSchedule(
    const UpdateScheduleRequest& request) {
  StatusOr<Schedule> updated = [&] {
    std::lock_guard<std::mutex> l(mu_);
    return schedules_.Update(request, clock_->Now());
  }();
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
  std::lock_guard<std::mutex> l(mu_);
  return schedules_.Delete(flow_name, schedule_name);
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
    exec->started_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                           clock_->Now().time_since_epoch())
                           .count();
    exec->seq = ++exec_seq_;
    entry->executions.emplace(exec->name, exec);
    ++running_executions_;
  }
  Launch(exec, express);
}

}  // namespace fnf
