// ScheduleTable: the schedules of every flow and the queue of their next fire
// times.
//
// One ordered set holds (next fire time, schedule) for the enabled schedules,
// so the engine asks only "when is the earliest?" between ticks and touches
// exactly the schedules that are due at a tick: no per-schedule polling.
#ifndef FNF_SCHEDULES_SCHEDULE_TABLE_H_
#define FNF_SCHEDULES_SCHEDULE_TABLE_H_

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "fnf/clock.h"
#include "fnf/status.h"
#include "fnf/types.h"

#include "json/json.h"
#include "schedules/cron/cron.h"

namespace fnf::internal {

// A tick that is due: start one execution of `flow_name` with `input`.
struct ScheduleFiring {
  std::string flow_name, schedule_name;
  TimePoint tick;  // the fire time it stands for
  Json input;
};

// "<schedule>-<yyyyMMdd>T<HHmmss>Z" for the tick's whole second: the same on
// every host, unique per schedule (ticks are at least a second apart), and a
// valid execution name. A schedule name over 111 characters is cut to 102
// plus '_' and 8 hex digits of a hash of the whole name, to stay within 128.
std::string ScheduledExecutionName(std::string_view schedule_name,
                                   TimePoint tick);

// A schedule as a durable store keeps it: what Describe shows, plus the
// times that fix its future fire times.
struct StoredSchedule {
  Schedule meta;
  int64_t anchor_ms = 0;     // when its expression was set (the @every phase)
  int64_t next_fire_ms = 0;  // its queued fire time; 0: none (disabled)
};

class ScheduleTable {
 public:
  struct Options {
    size_t payload_bytes;  // Payload over this: EntityTooLarge
    int list_default, list_max;
    // Whether a flow exists. Called with the table's lock held, from within
    // the calls below; the engine makes those calls under its own lock, which
    // keeps a flow from going away between this check and the insert.
    std::function<bool(std::string_view flow_name)> flow_exists;
  };
  explicit ScheduleTable(Options options);

  // The five operations (fnf/engine.h), at time `now`. Checks come in this
  // order: the request's own fields (InvalidArgument, EntityTooLarge), the
  // flow (FlowNotExists), the schedule (ScheduleAlreadyExists,
  // ScheduleNotExists). Thread-safe.
  StatusOr<Schedule> Create(const CreateScheduleRequest& request, TimePoint now,
                            std::string schedule_id);
  StatusOr<Schedule> Update(const UpdateScheduleRequest& request,
                            TimePoint now);
  StatusOr<Schedule> Describe(std::string_view flow_name,
                              std::string_view schedule_name) const;
  Status Delete(std::string_view flow_name, std::string_view schedule_name);
  StatusOr<Page<Schedule>> List(const ListRequest& request) const;

  // Removes every schedule of the flow. Thread-safe.
  void DeleteFlow(std::string_view flow_name);

  // The stored form of a schedule, nullopt when there is none. Thread-safe.
  std::optional<StoredSchedule> Export(std::string_view flow_name,
                                       std::string_view schedule_name) const;
  // Puts a stored schedule (back) in the table, replacing one of its name:
  // an engine starting on a store, or a change undone because its write
  // failed. An enabled one is queued at exactly its stored fire time, so a
  // time that passed while the host was down fires once. Errors:
  // InternalServerError when its expression or payload no longer parses.
  // Thread-safe.
  Status Restore(const StoredSchedule& stored);
  // While paused, nothing is due (NextDue is nullopt, TakeDue takes nothing);
  // an engine on a store is paused until Resume(). Thread-safe.
  void SetPaused(bool paused);

  // The earliest next fire time of an enabled schedule. Thread-safe.
  std::optional<TimePoint> NextDue() const;
  // Takes the schedules due at `now`: one firing per schedule, for its first
  // passed fire time however many have passed, then queues each at its first
  // fire time after `now`. Firings come in fire-time order, ties in creation
  // order. Thread-safe.
  std::vector<ScheduleFiring> TakeDue(TimePoint now);

 private:
  struct Record {
    Schedule meta;
    CronExpression cron;
    TimePoint anchor;  // when the expression was set: the @every phase
    Json input;        // the parsed payload
    uint64_t seq = 0;  // creation order: ties in the queue
    std::optional<TimePoint> queued;  // its key in queue_ while enabled
  };
  using Key = std::pair<std::string, std::string>;  // flow, schedule
  using QueueEntry = std::tuple<TimePoint, uint64_t, Record*>;

  Status FlowNotFound(std::string_view flow_name) const;
  Status NotFound(std::string_view flow_name,
                  std::string_view schedule_name) const;
  // REQUIRES: mu_ held.
  Record* Find(std::string_view flow_name, std::string_view schedule_name);
  void Dequeue(Record* r);
  void Enqueue(Record* r, TimePoint after);

  const Options options_;
  mutable std::mutex mu_;
  std::map<Key, Record> records_;
  std::set<QueueEntry> queue_;  // (next fire, seq) are unique
  uint64_t next_seq_ = 0;
  bool paused_ = false;
};

}  // namespace fnf::internal

#endif  // FNF_SCHEDULES_SCHEDULE_TABLE_H_
