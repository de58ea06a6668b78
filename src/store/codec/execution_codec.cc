#include "store/codec/execution_codec.h"

#include <unordered_map>

#include "common/strings.h"
#include "store/codec/byte_codec.h"

namespace fnf::internal {
namespace {

constexpr uint64_t kFrameFormat = 1;
constexpr uint64_t kHeaderFormat = 1;

Status Damaged(std::string_view what) {
  return Status(ErrorCode::kInternalServerError,
                StrCat("the stored ", what,
                       " is damaged or of an unknown format; the execution "
                       "cannot be read back."));
}

}  // namespace

std::string EncodeFrame(const Frame& f) {
  ByteWriter w;
  w.U(kFrameFormat);
  w.U(f.id);
  w.Str(f.scope ? f.scope->path : std::string());
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
  f->scope = FindScope(flow, path);
  if (f->scope == nullptr && r.ok()) {
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
  if (f->state < -1 ||
      (f->scope && f->state >= static_cast<int>(f->scope->states.size()))) {
    return Damaged("frame");
  }
  return f;
}

std::string EncodeExecutionHeader(const ExecutionState& e) {
  ByteWriter w;
  w.U(kHeaderFormat);
  w.Value(e.global);
  w.U(e.next_frame_id);
  w.U(e.ready.size());
  for (uint64_t id : e.ready) w.U(id);
  w.U(e.timeout_generation);
  w.I(e.timeout_due_ms);
  w.U(e.next_map_run);
  return w.Take();
}

Status DecodeExecutionHeader(std::string_view bytes, ExecutionState* e) {
  ByteReader r(bytes);
  if (r.U() != kHeaderFormat) return Damaged("execution header");
  e->global = r.Value();
  e->next_frame_id = r.U();
  e->ready.clear();
  for (uint64_t n = r.U(); n > 0 && r.ok(); --n) e->ready.push_back(r.U());
  e->timeout_generation = r.U();
  e->timeout_due_ms = r.I();
  e->next_map_run = r.U();
  if (!r.ok() || !r.done()) return Damaged("execution header");
  return Status();
}

std::optional<EventType> EventTypeFromName(std::string_view name) {
  static const auto* const by_name = [] {
    auto* m = new std::unordered_map<std::string, EventType>();
    for (int t = 0; t < 256; ++t) {
      std::string_view n = EventTypeName(static_cast<EventType>(t));
      if (!n.empty()) m->emplace(std::string(n), static_cast<EventType>(t));
    }
    return m;
  }();
  auto it = by_name->find(std::string(name));
  if (it == by_name->end()) return std::nullopt;
  return it->second;
}

}  // namespace fnf::internal
