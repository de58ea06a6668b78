#include "engine/durable_state.h"

#include <openssl/evp.h>

#include "common/strings.h"
#include "store/codec/execution_codec.h"

namespace fnf::internal {
namespace {

std::optional<ExecutionStatus> StatusFromName(std::string_view s) {
  for (ExecutionStatus st :
       {ExecutionStatus::kStarting, ExecutionStatus::kRunning,
        ExecutionStatus::kStopped, ExecutionStatus::kSucceeded,
        ExecutionStatus::kFailed, ExecutionStatus::kTimedOut}) {
    if (ToString(st) == s) return st;
  }
  return std::nullopt;
}

Status Damaged(const ExecutionRow& h, std::string_view what) {
  return Status(
      ErrorCode::kInternalServerError,
      StrCat("the stored execution ", h.name, " of flow ", h.flow,
             " is damaged (", what, "); restore the store from a backup."));
}

}  // namespace

std::string VersionHash(const FlowVersion& v) {
  std::string text = v.definition;
  text.push_back('\0');
  text += v.role_arn;
  text.push_back('\0');
  text.push_back(v.express ? 'E' : 'S');
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(text.data(), text.size(), digest, &size, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < size; ++i) {
    out.push_back(kHex[digest[i] >> 4]);
    out.push_back(kHex[digest[i] & 15]);
  }
  return out;
}

std::string ChildVersionHash(const std::string& parent_hash,
                             const State& map_state) {
  return StrCat(parent_hash, "#", map_state.path);
}

std::shared_ptr<FlowVersion> ChildVersion(
    const std::shared_ptr<const FlowVersion>& parent, const State& s) {
  auto flow = std::make_shared<CompiledFlow>();
  flow->dialect = parent->compiled->dialect;
  flow->root = s.map->processor.get();
  flow->owner = parent->compiled;
  auto version = std::make_shared<FlowVersion>();
  version->definition = parent->definition;
  version->role_arn = parent->role_arn;
  version->express = s.map->child_mode == "Express";
  version->compiled = std::move(flow);
  version->hash = ChildVersionHash(parent->hash, s);
  return version;
}

ExecutionWrite CaptureWrite(ExecutionRt& exec, const Effects& fx,
                            std::vector<std::string> done_tokens) {
  ExecutionWrite w;
  ExecutionRow& h = w.header;
  h.flow = exec.flow_name;
  h.name = exec.name;
  h.seq = static_cast<int64_t>(exec.seq);
  h.version_hash = exec.version->hash;
  h.status = std::string(ToString(exec.status));
  h.input = exec.input_text;
  h.output = exec.output;
  h.error_code = exec.error_code;
  h.error_message = exec.error_message;
  h.callback_token = exec.callback_token;
  h.started_ms = exec.started_ms;
  h.stopped_ms = exec.stopped_ms;
  h.next_event_id = exec.next_event_id;
  h.state = EncodeExecutionHeader(exec);
  w.frames.reserve(exec.frames.size());
  for (const auto& [id, f] : exec.frames) {
    w.frames.push_back(FrameRow{id, f->parent_id, EncodeFrame(*f)});
  }
  for (size_t i = exec.committed_events; i < exec.history.size(); ++i) {
    const Event& e = exec.history[i];
    w.events.push_back(EventRow{static_cast<int64_t>(i) + 1, e.schedule_id,
                                e.time_ms, std::string(EventTypeName(e.type)),
                                std::string(e.step_name()), RenderDetail(e)});
  }
  exec.committed_events = exec.history.size();
  for (const TaskCall& call : fx.tasks) {
    w.new_tasks.push_back(
        TaskRow{call.request.task_token, call.frame_id, call.generation, -1,
                TaskRow::State::kScheduled, 1, EncodeTaskCall(call)});
  }
  for (const ChildStart& c : fx.child_starts) {
    w.new_tasks.push_back(TaskRow{c.token, c.frame_id, c.generation, c.slot,
                                  TaskRow::State::kScheduled, 1,
                                  EncodeChildStart(c)});
  }
  w.done_tokens = std::move(done_tokens);
  for (const std::string& token : fx.finished_tokens)
    w.done_tokens.push_back(token);
  return w;
}

StatusOr<std::shared_ptr<ExecutionRt>> RestoreExecution(
    const StoredExecution& row, std::shared_ptr<const FlowVersion> version) {
  const ExecutionRow& h = row.header;
  auto exec = std::make_shared<ExecutionRt>();
  std::optional<ExecutionStatus> status = StatusFromName(h.status);
  if (!status) return Damaged(h, StrCat("status '", h.status, "'"));
  exec->flow_name = h.flow;
  exec->name = h.name;
  exec->version = std::move(version);
  exec->input_text = h.input;
  exec->callback_token = h.callback_token;
  exec->started_ms = h.started_ms;
  exec->seq = static_cast<uint64_t>(h.seq);
  exec->status = *status;
  exec->stopped_ms = h.stopped_ms;
  exec->output = h.output;
  exec->error_code = h.error_code;
  exec->error_message = h.error_message;
  exec->next_event_id = h.next_event_id;
  exec->journaled = true;
  if (!row.events.empty()) {
    exec->texts = std::make_unique<TextArena>();
    exec->history.reserve(row.events.size());
  }
  for (const EventRow& r : row.events) {
    if (r.id != static_cast<int64_t>(exec->history.size()) + 1)
      return Damaged(h, StrCat("event ", r.id, " out of sequence"));
    std::optional<EventType> type = EventTypeFromName(r.type);
    if (!type) return Damaged(h, StrCat("event type '", r.type, "'"));
    Event e;
    e.schedule_id = r.schedule_id;
    e.time_ms = r.time_ms;
    std::string_view step = exec->texts->Add(r.step);
    std::string_view text = exec->texts->Add(r.detail);
    e.step = step.data();
    e.step_size = static_cast<uint32_t>(step.size());
    e.text = text.data();
    e.text_size = static_cast<uint32_t>(text.size());
    e.type = *type;
    e.kind = text.empty() ? DetailKind::kNone : DetailKind::kText;
    exec->history.push_back(e);
  }
  exec->committed_events = exec->history.size();
  if (exec->ended()) return exec;
  // Running: its state, to continue from.
  exec->input = ParseJson(h.input).value;
  Status s = DecodeExecutionHeader(h.state, exec.get());
  if (!s.ok()) return s;
  for (const FrameRow& r : row.frames) {
    auto f = DecodeFrame(r.body, *exec->version->compiled);
    if (!f.ok()) return f.status();
    exec->frames.emplace(r.id, std::move(*f));
  }
  return exec;
}

}  // namespace fnf::internal
