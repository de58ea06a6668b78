// Engine::Impl with a durable store (docs/durability.md): reading the store
// when the Engine is built, the write of each interpreter activation before
// its effects are released, and Resume().
#include "common/strings.h"
#include "common/time_format.h"
#include "definition/compiler.h"
#include "engine/durable_state.h"
#include "engine/engine_impl.h"
#include "store/codec/execution_codec.h"
#include "store/crash_point.h"

namespace fnf {

using internal::ExecutionRt;
using internal::StrCat;

namespace {

std::string FormatMs(int64_t ms) {
  return internal::FormatTime(TimePoint(std::chrono::milliseconds(ms)));
}

TimePoint FromMs(int64_t ms) {
  return TimePoint(std::chrono::milliseconds(ms));
}

}  // namespace

void Engine::Impl::OpenStore() {
  auto sqlite =
      std::dynamic_pointer_cast<internal::SqliteStore>(options_.store);
  if (!sqlite) {
    store_status_ =
        Status(ErrorCode::kActionNotSupported,
               "EngineOptions::store: executions run on an SQLite store "
               "(OpenSqliteStore) only; executions on PostgreSQL are not "
               "available in this version.");
    return;
  }
  if (!sqlite->AttachEngine()) {
    store_status_ = Status(
        ErrorCode::kPreconditionFailed,
        StrCat("store ", sqlite->path(),
               " is already used by another Engine; one Engine at a time "
               "may use a store."));
    return;
  }
  store_ = std::move(sqlite);
  int64_t starts = 0;
  store_status_ = store_->committer().Write([&starts](internal::SqliteDb& db) {
    auto n = internal::CountEngineStart(db);
    if (!n.ok()) return n.status();
    starts = *n;
    return Status();
  });
  if (!store_status_.ok()) return;
  store_starts_ = starts;
  store_status_ = LoadStore();
}

StatusOr<std::shared_ptr<const internal::FlowVersion>>
Engine::Impl::StoredVersion(const std::string& hash, bool running) {
  auto cached = stored_versions_.find(hash);
  if (cached != stored_versions_.end() &&
      (cached->second->compiled || !running)) {
    return cached->second;
  }
  std::shared_ptr<const internal::FlowVersion> out;
  if (size_t cut = hash.rfind('#'); cut != std::string::npos) {
    // A distributed Map child: its parent's version, from the Map's state.
    auto parent = StoredVersion(hash.substr(0, cut), running);
    if (!parent.ok()) return parent.status();
    const std::string path = hash.substr(cut + 1);
    if (!running) {
      auto v = std::make_shared<internal::FlowVersion>(**parent);
      v->hash = hash;
      out = std::move(v);
    } else {
      const internal::State* map = nullptr;
      const internal::CompiledFlow* holder = (*parent)->compiled.get();
      while (holder->owner) holder = holder->owner.get();
      internal::ForEachScope(holder->top, [&](const internal::Scope& s) {
        for (const internal::State& st : s.states) {
          if (!map && st.map && st.path == path) map = &st;
        }
      });
      if (map == nullptr) {
        return Status(ErrorCode::kInternalServerError,
                      StrCat("store ", store_->path(), ": flow version ", hash,
                             " names a Map state its flow lacks."));
      }
      out = internal::ChildVersion(*parent, *map);
    }
  } else {
    internal::VersionRow row;
    Status s = store_->Read([&](internal::SqliteDb& db) -> Status {
      auto v = internal::ReadVersion(db, hash);
      if (!v.ok()) return v.status();
      row = std::move(*v);
      return Status();
    });
    if (!s.ok()) return s;
    auto v = std::make_shared<internal::FlowVersion>();
    v->definition = row.definition;
    v->role_arn = row.role_arn;
    v->express = row.express;
    v->hash = hash;
    if (running) {
      internal::CompileOptions copts{&options_.limits, row.express};
      internal::CompileResult r =
          internal::CompileDefinition(row.definition, copts);
      if (!r.flow) {
        return Status(ErrorCode::kInternalServerError,
                      StrCat("store ", store_->path(), ": flow version ", hash,
                             " no longer compiles."));
      }
      v->compiled = std::move(r.flow);
    }
    out = std::move(v);
  }
  stored_versions_[hash] = out;
  return out;
}

Status Engine::Impl::LoadStore() {
  std::vector<std::pair<internal::FlowRow, internal::VersionRow>> flows;
  std::vector<internal::StoredExecution> execs;
  std::vector<internal::ScheduleRow> schedules;
  Status s = store_->Read([&](internal::SqliteDb& db) -> Status {
    auto f = internal::ReadFlows(db);
    if (!f.ok()) return f.status();
    flows = std::move(*f);
    auto sc = internal::ReadSchedules(db);
    if (!sc.ok()) return sc.status();
    schedules = std::move(*sc);
    auto e = internal::ReadExecutions(db);
    if (!e.ok()) return e.status();
    execs = std::move(*e);
    return Status();
  });
  if (!s.ok()) return s;
  // The constructor runs alone: no lock is needed, but the helpers expect mu_.
  std::lock_guard<std::mutex> l(mu_);
  for (auto& [row, version] : flows) {
    auto v = StoredVersion(version.hash, /*running=*/true);
    if (!v.ok()) return v.status();
    auto entry = std::make_unique<FlowEntry>();
    entry->meta = Flow{row.name,
                       row.id,
                       version.definition,
                       row.description,
                       row.type,
                       row.role_arn,
                       row.execution_mode,
                       FormatMs(row.created_ms),
                       FormatMs(row.modified_ms)};
    entry->version = *v;
    flows_.emplace(row.name, std::move(entry));
  }
  // Schedules are there at once and fire from Resume() on: a tick that
  // passed meanwhile fires once then.
  schedules_.SetPaused(true);
  for (const internal::ScheduleRow& row : schedules) {
    if (FindFlow(row.flow) == nullptr) continue;
    Status restored = schedules_.Restore(FromRow(row));
    if (!restored.ok()) return restored;
  }
  for (internal::StoredExecution& row : execs) {
    FlowEntry* entry = FindFlow(row.header.flow);
    if (entry == nullptr) continue;  // its flow was deleted
    const bool running =
        row.header.status == ToString(ExecutionStatus::kRunning);
    auto version = StoredVersion(row.header.version_hash, running);
    if (!version.ok()) return version.status();
    auto exec = internal::RestoreExecution(row, *version);
    if (!exec.ok()) return exec.status();
    ExecPtr e = std::move(*exec);
    exec_seq_ = std::max(exec_seq_, e->seq);
    if (!e->callback_token.empty()) children_by_token_[e->callback_token] = e;
    entry->executions.emplace(e->name, e);
    if (running) {
      ++running_executions_;
      dormant_.emplace_back(e, std::move(row.tasks));
    }
  }
  return Status();
}

Status Engine::Impl::WriteFlow(const FlowEntry& entry, int64_t created_ms,
                               int64_t modified_ms) {
  internal::FlowRow row{entry.meta.name,
                        entry.meta.id,
                        entry.meta.description,
                        entry.meta.type,
                        entry.version->role_arn,
                        entry.meta.execution_mode,
                        created_ms,
                        modified_ms,
                        entry.version->hash,
                        0};
  internal::VersionRow version{entry.version->hash, entry.version->definition,
                               entry.version->role_arn, entry.version->express};
  stored_versions_[version.hash] = entry.version;
  return store_->committer().Write(
      [row = std::move(row),
       version = std::move(version)](internal::SqliteDb& db) {
        return internal::PutFlowRows(db, row, version);
      });
}

std::future<Status> Engine::Impl::QueueCommit(ExecutionRt& exec,
                                              const internal::Effects& fx,
                                              std::vector<std::string> done) {
  auto write = std::make_shared<internal::ExecutionWrite>(
      internal::CaptureWrite(exec, fx, std::move(done)));
  auto promise = std::make_shared<std::promise<Status>>();
  std::future<Status> out = promise->get_future();
  store_->committer().Submit(
      [write](internal::SqliteDb& db) {
        return internal::WriteExecution(db, *write);
      },
      [promise](Status s) { promise->set_value(std::move(s)); });
  return out;
}

Status Engine::Impl::AwaitCommit(const ExecPtr& exec,
                                 std::future<Status>& commit) {
  Status s = commit.get();
  if (!s.ok()) {
    std::lock_guard<std::mutex> l(exec->mu);
    exec->stalled = true;
    return s;
  }
  internal::CrashPoint("engine.after_commit_before_effects");
  return s;
}

void Engine::Impl::NoteDispatched(const std::string& token) {
  store_->committer().Submit(
      [token](internal::SqliteDb& db) {
        return internal::SetTaskState(db, token,
                                      internal::TaskRow::State::kDispatched, 0);
      },
      [](Status) {});
}

bool Engine::Impl::StoredTaskDone(const std::string& token) {
  bool done = false;
  (void)store_->Read([&](internal::SqliteDb& db) {
    auto state = internal::ReadTaskState(db, token);
    if (!state.ok()) return state.status();
    done = *state == internal::TaskRow::State::kDone;
    return Status();
  });
  return done;
}

Status Engine::Impl::Resume() {
  if (!options_.store) return Status();
  if (!store_status_.ok()) return store_status_;
  std::vector<std::pair<ExecPtr, std::vector<internal::TaskRow>>> todo;
  {
    std::lock_guard<std::mutex> l(mu_);
    if (resumed_) return Status();
    resumed_ = true;
    todo.swap(dormant_);
    schedules_.SetPaused(false);
  }
  if (!manual_) work_cv_.notify_all();  // a schedule may be due
  internal::CrashPoint("resume.start");
  struct Redelivery {
    ExecPtr exec;
    internal::TaskCall call;
  };
  std::vector<Redelivery> redeliver;
  std::vector<std::pair<ExecPtr, internal::ChildStart>> relaunch;
  std::vector<ExecPtr> ended_children, runnable;
  std::vector<std::pair<std::string, int>> deliveries;
  // First every token and timer, so that whatever a resumed execution does
  // (a child ending, a report) finds them.
  for (auto& [exec, tasks] : todo) {
    std::vector<internal::TimerRequest> timers;
    {
      std::lock_guard<std::mutex> l(exec->mu);
      for (const auto& [id, f] : exec->frames) {
        if (f->phase == internal::Frame::Phase::kWaiting &&
            f->timer_kind != internal::Frame::TimerKind::kNone) {
          timers.push_back({FromMs(f->timer_due_ms), id, f->generation});
        }
      }
      if (exec->timeout_due_ms > 0) {
        timers.push_back(
            {FromMs(exec->timeout_due_ms), 0, exec->timeout_generation});
      }
      if (!exec->ready.empty()) {
        exec->queued = true;
        runnable.push_back(exec);
      }
    }
    std::lock_guard<std::mutex> l(mu_);
    for (const internal::TimerRequest& t : timers) {
      timers_.push(Timer{t.due, timer_seq_++, exec, t.frame_id, t.generation});
    }
    for (const internal::TaskRow& t : tasks) {
      auto child = children_by_token_.find(t.token);
      const bool by_child = child != children_by_token_.end();
      tasks_[t.token] =
          TaskRecord{exec, t.frame_id, t.generation, t.slot, by_child, false};
      if (t.slot >= 0) {
        auto start =
            internal::DecodeChildStart(t.request, *exec->version->compiled);
        if (!start.ok()) return start.status();
        if (by_child) {
          std::lock_guard<std::mutex> cl(child->second->mu);
          if (child->second->ended()) ended_children.push_back(child->second);
        } else {
          relaunch.emplace_back(exec, std::move(*start));
        }
      } else if (by_child) {
        std::lock_guard<std::mutex> cl(child->second->mu);
        if (child->second->ended()) ended_children.push_back(child->second);
      } else if (t.state == internal::TaskRow::State::kScheduled) {
        auto call = internal::DecodeTaskCall(t.request);
        if (!call.ok()) return call.status();
        call->request.delivery = t.delivery + 1;
        deliveries.emplace_back(t.token, call->request.delivery);
        redeliver.push_back({exec, std::move(*call)});
      }
    }
  }
  if (!deliveries.empty()) {
    // Counted before the handlers see them: a crash during redelivery makes
    // the next one count higher.
    Status s = store_->committer().Write([deliveries](internal::SqliteDb& db) {
      for (const auto& [token, n] : deliveries) {
        Status w = internal::SetTaskState(
            db, token, internal::TaskRow::State::kScheduled, n);
        if (!w.ok()) return w;
      }
      return Status();
    });
    if (!s.ok()) return s;
  }
  internal::CrashPoint("resume.before_redispatch");
  for (auto& [parent, start] : relaunch) LaunchChild(parent, std::move(start));
  for (const ExecPtr& child : ended_children) ReportToParent(*child);
  std::lock_guard<std::mutex> l(mu_);
  for (Redelivery& r : redeliver) {
    Job job;
    job.kind = Job::Kind::kTask;
    job.exec = std::move(r.exec);
    job.task = std::make_unique<internal::TaskCall>(std::move(r.call));
    Push(std::move(job));
  }
  for (ExecPtr& exec : runnable) {
    Job job;
    job.exec = std::move(exec);
    Push(std::move(job));
  }
  work_cv_.notify_all();
  return Status();
}

}  // namespace fnf
