#include "store/codec/execution_codec.h"

#include <unordered_map>

#include "common/strings.h"
#include "store/codec/byte_codec.h"

namespace fnf::internal {
namespace {

constexpr uint64_t kFrameFormat = 1;
constexpr uint64_t kHeaderFormat = 1;
constexpr uint64_t kTaskFormat = 1;
constexpr uint64_t kChildFormat = 1;

Status Damaged(std::string_view what) {
  return Status(ErrorCode::kInternalServerError,
                StrCat("the stored ", what,
                       " is damaged or of an unknown format; the execution "
                       "cannot be read back."));
}

int64_t ToMs(TimePoint t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             t.time_since_epoch())
      .count();
}

}  // namespace

std::string EncodeFrame(const Frame& f) {
  ByteWriter w;
  w.U(kFrameFormat);
  w.U(f.id);
  w.Str(f.scope ? std::string_view(f.scope->path) : std::string_view());
  w.U(f.parent_id);
  w.I(f.slot);
  w.I(f.state);
  w.U(static_cast<uint64_t>(f.phase));
  w.Value(f.data);
  w.Value(f.input);
  w.U(f.retry_used.size());
  for (int k : f.retry_used) w.I(k);
  w.I(f.choice_next);
  w.Value(f.seq_input);
  w.Value(f.local);
  w.I(f.cause_event);
  w.I(f.step_event_id);
  w.U(f.generation);
  w.Str(f.task_token);
  w.U(static_cast<uint64_t>(f.timer_kind));
  w.I(f.timer_due_ms);
  w.U(f.input_ready ? 1 : 0);
  w.U(f.child_results.size());
  for (const Json& r : f.child_results) w.Value(r);
  w.U(f.children.size());
  for (uint64_t c : f.children) w.U(c);
  w.U(f.next_item);
  w.U(f.pending_children);
  w.U(f.running_children);
  w.U(f.max_running);
  w.U(f.failed_children);
  w.U(f.map_run);
  w.U(f.child_executions.size());
  for (const std::string& c : f.child_executions) w.Str(c);
  w.Value(f.items);
  return w.Take();
}

StatusOr<std::unique_ptr<Frame>> DecodeFrame(std::string_view bytes,
                                             const CompiledFlow& flow) {
  ByteReader r(bytes);
  if (r.U() != kFrameFormat) return Damaged("frame");
  auto f = std::make_unique<Frame>();
  f->id = r.U();
  std::string path = r.Str();
  if (!r.ok()) return Damaged("frame");
  f->scope = FindScope(flow, path);
  if (f->scope == nullptr) {
    return Status(
        ErrorCode::kInternalServerError,
        StrCat("a stored frame runs scope '", path,
               "', which the execution's flow version does not have."));
  }
  f->parent_id = r.U();
  f->slot = static_cast<int>(r.I());
  f->state = static_cast<int>(r.I());
  uint64_t phase = r.U();
  if (phase > static_cast<uint64_t>(Frame::Phase::kDone))
    return Damaged("frame");
  f->phase = static_cast<Frame::Phase>(phase);
  f->data = r.Value();
  f->input = r.Value();
  for (uint64_t n = r.U(); n > 0 && r.ok(); --n) {
    f->retry_used.push_back(static_cast<int>(r.I()));
  }
  f->choice_next = static_cast<int>(r.I());
  f->seq_input = r.Value();
  f->local = r.Value();
  f->cause_event = r.I();
  f->step_event_id = r.I();
  f->generation = r.U();
  f->task_token = r.Str();
  uint64_t timer = r.U();
  if (timer > static_cast<uint64_t>(Frame::TimerKind::kTaskTimeout))
    return Damaged("frame");
  f->timer_kind = static_cast<Frame::TimerKind>(timer);
  f->timer_due_ms = r.I();
  f->input_ready = r.U() != 0;
  for (uint64_t n = r.U(); n > 0 && r.ok(); --n)
    f->child_results.push_back(r.Value());
  for (uint64_t n = r.U(); n > 0 && r.ok(); --n) f->children.push_back(r.U());
  f->next_item = r.U();
  f->pending_children = r.U();
  f->running_children = r.U();
  f->max_running = r.U();
  f->failed_children = r.U();
  f->map_run = r.U();
  for (uint64_t n = r.U(); n > 0 && r.ok(); --n)
    f->child_executions.push_back(r.Str());
  f->items = r.Value();
  if (!r.ok() || !r.done()) return Damaged("frame");
  if (f->state < -1 || f->state >= static_cast<int>(f->scope->states.size()))
    return Damaged("frame");
  return f;
}

std::string EncodeExecutionHeader(const ExecutionRt& e) {
  ByteWriter w;
  w.U(kHeaderFormat);
  w.Value(e.global);
  w.U(e.next_frame_id);
  w.U(e.ready.size());
  for (uint64_t id : e.ready) w.U(id);
  w.U(e.timeout_generation);
  w.I(e.timeout_due_ms);
  w.U(e.next_map_run);
  w.I(e.depth);
  return w.Take();
}

Status DecodeExecutionHeader(std::string_view bytes, ExecutionRt* e) {
  ByteReader r(bytes);
  if (r.U() != kHeaderFormat) return Damaged("execution header");
  e->global = r.Value();
  e->next_frame_id = r.U();
  e->ready.clear();
  for (uint64_t n = r.U(); n > 0 && r.ok(); --n) e->ready.push_back(r.U());
  e->timeout_generation = r.U();
  e->timeout_due_ms = r.I();
  e->next_map_run = r.U();
  e->depth = static_cast<int>(r.I());
  if (!r.ok() || !r.done()) return Damaged("execution header");
  return Status();
}

std::string EncodeTaskCall(const TaskCall& call) {
  const TaskRequest& q = call.request;
  ByteWriter w;
  w.U(kTaskFormat);
  w.Str(q.flow_name);
  w.Str(q.execution_name);
  w.Str(q.state_name);
  w.Str(q.action);
  w.Str(q.resource_arn);
  w.Str(q.task_mode);
  w.Str(q.parameters);
  w.Str(q.input);
  w.Str(q.task_token);
  w.I(q.attempt);
  w.U(q.deadline ? 1 : 0);
  w.I(q.deadline ? ToMs(*q.deadline) : 0);
  w.U(call.frame_id);
  w.U(call.generation);
  w.U(call.legacy ? 1 : 0);
  return w.Take();
}

StatusOr<TaskCall> DecodeTaskCall(std::string_view bytes) {
  ByteReader r(bytes);
  if (r.U() != kTaskFormat) return Damaged("task");
  TaskCall call;
  TaskRequest& q = call.request;
  q.flow_name = r.Str();
  q.execution_name = r.Str();
  q.state_name = r.Str();
  q.action = r.Str();
  q.resource_arn = r.Str();
  q.task_mode = r.Str();
  q.parameters = r.Str();
  q.input = r.Str();
  q.task_token = r.Str();
  q.attempt = static_cast<int>(r.I());
  const bool has_deadline = r.U() != 0;
  const int64_t deadline = r.I();
  if (has_deadline) q.deadline = TimePoint(std::chrono::milliseconds(deadline));
  call.frame_id = r.U();
  call.generation = r.U();
  call.legacy = r.U() != 0;
  if (!r.ok() || !r.done()) return Damaged("task");
  return call;
}

std::string EncodeChildStart(const ChildStart& c) {
  ByteWriter w;
  w.U(kChildFormat);
  w.Str(c.token);
  w.U(c.frame_id);
  w.U(c.generation);
  w.I(c.slot);
  w.Str(c.name);
  w.Value(c.input);
  w.Str(c.map_state ? std::string_view(c.map_state->path) : std::string_view());
  return w.Take();
}

StatusOr<ChildStart> DecodeChildStart(std::string_view bytes,
                                      const CompiledFlow& flow) {
  ByteReader r(bytes);
  if (r.U() != kChildFormat) return Damaged("child start");
  ChildStart c;
  c.token = r.Str();
  c.frame_id = r.U();
  c.generation = r.U();
  c.slot = static_cast<int>(r.I());
  c.name = r.Str();
  c.input = r.Value();
  std::string path = r.Str();
  if (!r.ok() || !r.done()) return Damaged("child start");
  const CompiledFlow* holder = &flow;
  while (holder->owner) holder = holder->owner.get();
  ForEachScope(holder->top, [&](const Scope& s) {
    for (const State& st : s.states) {
      if (c.map_state == nullptr && st.map && st.path == path)
        c.map_state = &st;
    }
  });
  if (c.map_state == nullptr) {
    return Status(
        ErrorCode::kInternalServerError,
        StrCat("a stored distributed Map iteration belongs to state '", path,
               "', which the execution's flow version does not "
               "have."));
  }
  return c;
}

std::optional<EventType> EventTypeFromName(std::string_view name) {
  static const auto* const by_name = [] {
    auto* m = new std::unordered_map<std::string_view, EventType>();
    for (int t = 0; t <= static_cast<int>(EventType::kTaskSubmitFailed); ++t) {
      auto type = static_cast<EventType>(t);
      m->emplace(EventTypeName(type), type);
    }
    return m;
  }();
  auto it = by_name->find(name);
  if (it == by_name->end()) return std::nullopt;
  return it->second;
}

}  // namespace fnf::internal
