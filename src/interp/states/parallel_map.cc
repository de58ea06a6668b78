// Parallel and inline Map (docs/cloudflow.md; docs/behaviour.md).
// Branches and iterations are child frames of the same execution, run by the
// same scheduler; they are concurrent in the sense that each runs until it
// waits (for a task or a timer), and then the others go on.
#include <algorithm>

#include "common/strings.h"
#include "interp/interpreter.h"
#include "interp/legacy/iteration.h"

namespace fnf::internal {

void Interpreter::RunParallel(Frame* f, const State& s) {
  const size_t n = s.branches.size();
  f->child_results.assign(n, Json());
  f->pending_children = n;
  f->phase = Frame::Phase::kWaiting;
  for (size_t i = 0; i < n; ++i) {
    Frame* child =
        NewFrame(s.branches[i].get(), f, static_cast<int>(i), Json(f->input));
    f->children.push_back(child->id);
    EmitIndex(child, EventType::kBranchEntered, s.name, i);
    MakeReady(child);
  }
}

void Interpreter::RunMap(Frame* f, const State& s) {
  const MapSpec& m = *s.map;
  EvalContext ctx = MakeContext(f, &f->input);
  Json items;
  if (legacy_) {
    auto r = legacy::ForeachItems(s, f->input);
    if (auto* err = std::get_if<FlowError>(&r))
      return RaiseError(f, std::move(*err));
    items = Json(std::move(std::get<Json::Array>(r)));
  } else {
    auto r = m.items_path.Evaluate(ctx);
    if (auto* err = std::get_if<FlowError>(&r))
      return RaiseError(f, std::move(*err));
    items = std::move(std::get<Json>(r));
  }
  if (!items.is_array()) {
    return RaiseError(f,
                      FlowError{std::string(kErrExpression),
                                StrCat("expression '", m.items_path.text(),
                                       "': ItemsPath must yield an array, got ",
                                       items.type_name())});
  }
  const size_t n = items.as_array().size();
  if (n == 0) {
    if (legacy_) return CompleteState(f, legacy::ArrayLocal({}));
    Json::Object out;
    out.emplace_back("Items", Json::MakeArray());
    return CompleteState(f, Json(std::move(out)));
  }
  f->items = std::move(items);
  f->child_results.assign(n, Json());
  f->pending_children = n;
  f->running_children = 0;
  f->next_item = 0;
  f->failed_children = 0;
  const int default_limit = m.distributed
                                ? env_.limits->distributed_map_concurrency
                                : env_.limits->map_concurrency;
  int limit = m.max_concurrency > 0 ? m.max_concurrency : default_limit;
  f->max_running = static_cast<size_t>(std::max(1, limit));
  f->phase = Frame::Phase::kWaiting;
  StartIterations(f, s);
}

void Interpreter::StartIterations(Frame* f, const State& s) {
  const MapSpec& m = *s.map;
  Json::Array& items = f->items.as_array();
  while (f->running_children < f->max_running && f->next_item < items.size()) {
    const size_t i = f->next_item++;
    Json item = std::move(items[i]);
    Json input;
    if (legacy_) {
      input = legacy::IterationInput(s, f->input, std::move(item), i);
    } else if (!m.item_constructor.empty()) {
      EvalContext ctx = MakeContext(f, &f->input);
      ctx.item = &item;
      auto r = m.item_constructor.Evaluate(ctx);
      if (auto* err = std::get_if<FlowError>(&r))
        return RaiseError(f, std::move(*err));
      input = std::move(std::get<Json>(r));
    } else {
      input = std::move(
          item);  // docs/behaviour.md: the item itself, whatever its type
    }
    ++f->running_children;
    if (m.distributed) {
      StartChildExecution(f, s, i, std::move(input));
      continue;
    }
    Frame* child =
        NewFrame(m.processor.get(), f, static_cast<int>(i), std::move(input));
    f->children.push_back(child->id);
    EmitIndex(child, EventType::kIterationEntered, s.name, i);
    MakeReady(child);
  }
}

void Interpreter::StartChildExecution(Frame* f, const State& s, size_t i,
                                      Json input) {
  // docs/behaviour.md: in distributed mode each item runs as a child execution
  // of the same engine; its name cannot clash with a user's (':' is not allowed
  // in execution names).
  if (f->child_executions.empty() && f->next_item == 1)
    f->map_run = exec_->next_map_run++;
  ChildStart c;
  c.token = env_.random->Uuid();
  c.frame_id = f->id;
  c.generation = f->generation;
  c.slot = static_cast<int>(i);
  c.name = StrCat(exec_->name, ":map", f->map_run, ":", i);
  c.input = std::move(input);
  c.map_state = &s;
  f->child_executions.push_back(c.name);
  if (env_.record_history) {
    std::string detail = StrCat("{\"Index\":", i, ",\"ExecutionName\":");
    AppendJsonString(c.name, &detail);
    detail.push_back('}');
    Emit(f, EventType::kIterationEntered, s.name, std::move(detail));
  }
  fx_->child_starts.push_back(std::move(c));
}

bool Interpreter::OnChildResult(uint64_t frame_id, uint64_t generation,
                                int slot, TaskOutcome outcome) {
  Frame* f = WaitingFrame(frame_id, generation);
  if (f == nullptr) return false;
  const State& s = f->scope->states[f->state];
  const MapSpec& m = *s.map;
  std::string name = StrCat(exec_->name, ":map", f->map_run, ":", slot);
  auto& names = f->child_executions;
  names.erase(std::remove(names.begin(), names.end(), name), names.end());
  --f->running_children;
  --f->pending_children;
  if (env_.record_history) {
    Json::Object detail;
    detail.emplace_back("Index", Json(static_cast<int64_t>(slot)));
    detail.emplace_back("ExecutionName", Json(name));
    if (outcome.succeeded) {
      detail.emplace_back("Output", Json(outcome.output));
    } else {
      detail.emplace_back("Error", Json(outcome.error.code));
      detail.emplace_back("Cause", Json(outcome.error.detail));
    }
    Emit(f, EventType::kIterationExited, s.name,
         Json(std::move(detail)).Serialize());
  }
  if (outcome.succeeded) {
    f->child_results[slot] = std::move(outcome.output);
  } else {
    ++f->failed_children;
    const size_t total = f->child_results.size();
    bool tolerated = false;
    if (m.tolerated_failure_count) {
      tolerated = static_cast<int64_t>(f->failed_children) <=
                  *m.tolerated_failure_count;
    }
    if (m.tolerated_failure_percentage) {
      tolerated = tolerated || 100.0 * static_cast<double>(f->failed_children) /
                                       static_cast<double>(total) <=
                                   *m.tolerated_failure_percentage;
    }
    if (!tolerated) {
      f->phase = Frame::Phase::kEnter;
      RaiseError(f, std::move(outcome.error));
      if (exec_->frames.count(frame_id)) Resume(f);
      return true;
    }
    Json::Object failed;
    failed.emplace_back("Error", Json(outcome.error.code));
    failed.emplace_back("Cause", Json(outcome.error.detail));
    f->child_results[slot] = Json(std::move(failed));
  }
  if (f->pending_children > 0) {
    StartIterations(f, s);
  } else {
    Json::Object out;
    out.emplace_back("Items", Json(std::move(f->child_results)));
    f->child_results.clear();
    f->items = Json();
    f->phase = Frame::Phase::kEnter;
    ++f->generation;
    CompleteState(f, Json(std::move(out)));
  }
  if (exec_->frames.count(frame_id)) Resume(f);
  return true;
}

void Interpreter::ChildFinished(Frame* child, Json output) {
  Frame* f = exec_->frames.at(child->parent_id).get();
  const State& s = f->scope->states[f->state];
  const size_t slot = static_cast<size_t>(child->slot);
  const bool is_map = s.type == StateType::kMap;
  if (s.type != StateType::kChoice) {
    // The child's last state recorded its output's text: it is reused.
    EmitIndex(child,
              is_map ? EventType::kIterationExited : EventType::kBranchExited,
              s.name, slot, &output, child->text);
  }
  f->cause_event = child->cause_event;
  f->child_results[slot] = std::move(output);
  auto& ids = f->children;
  ids.erase(std::find(ids.begin(), ids.end(), child->id));
  exec_->frames.erase(child->id);  // `child` is gone from here on
  --f->pending_children;
  if (is_map) {
    --f->running_children;
    if (f->pending_children > 0) return StartIterations(f, s);
  } else if (f->pending_children > 0) {
    return;
  }
  // All done: Parallel gives {"Branch0": ...}, Map {"Items": [...]} in input
  // order.
  Json raw;
  int next = -1;
  if (legacy_ && s.type == StateType::kChoice) {
    raw = std::move(f->child_results[0]);  // the branch's local is the choice's
    next = f->choice_next;
  } else if (legacy_) {
    raw = legacy::ArrayLocal(std::move(f->child_results));
  } else if (is_map) {
    Json::Object out;
    out.emplace_back("Items", Json(std::move(f->child_results)));
    raw = Json(std::move(out));
  } else {
    Json::Object out;
    for (size_t i = 0; i < f->child_results.size(); ++i) {
      out.emplace_back(StrCat("Branch", i), std::move(f->child_results[i]));
    }
    raw = Json(std::move(out));
  }
  f->child_results.clear();
  f->items = Json();
  f->phase = Frame::Phase::kEnter;
  ++f->generation;
  const uint64_t fid = f->id;
  CompleteState(f, std::move(raw), next);
  if (exec_->frames.count(fid)) Resume(f);  // it may have ended the execution
}

void Interpreter::ChildFailed(Frame* child, FlowError error) {
  // docs/behaviour.md: the failure is an error of the enclosing Parallel/Map
  // state, and the other branches/iterations are cancelled (RaiseError cancels
  // the children).
  Frame* f = exec_->frames.at(child->parent_id).get();
  const uint64_t fid = f->id;
  f->cause_event = child->cause_event;
  f->phase = Frame::Phase::kEnter;
  RaiseError(f, std::move(error));
  if (exec_->frames.count(fid)) Resume(f);  // it may have ended the execution
}

}  // namespace fnf::internal
