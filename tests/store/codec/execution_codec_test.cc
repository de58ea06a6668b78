// The store's serialised execution state: every field of a frame and of the
// runtime header reads back as written, scopes are found again by path, and
// damaged blobs are errors, not crashes.
#include "store/codec/execution_codec.h"

#include <map>

#include "fnf/clock.h"

#include "common/strings.h"
#include "definition/compiler.h"
#include "interp/interpreter.h"
#include "store/codec/byte_codec.h"
#include "tests/testing/catch.h"

namespace fnf::internal {
namespace {

std::shared_ptr<const CompiledFlow> ParallelMapFlow() {
  static const Limits limits;
  CompileResult r = CompileDefinition(
      "Type: StateMachine\nSpecVersion: v1\nStartAt: P\nStates:\n"
      "  - Type: Parallel\n    Name: P\n    Next: M\n    Branches:\n"
      "      - StartAt: A\n        States:\n"
      "          - {Type: Pass, Name: A, Next: A2}\n"
      "          - {Type: Pass, Name: A2, End: true}\n"
      "  - Type: Map\n    Name: M\n    End: true\n    ItemsPath: $Input.xs\n"
      "    Processor:\n      StartAt: C\n      States:\n"
      "        - {Type: Pass, Name: C, End: true}\n",
      {&limits, false});
  REQUIRE(r.flow);
  return r.flow;
}

Json Sample() {
  Json::Object o;
  o.emplace_back("z", Json(int64_t{-9007199254740993}));
  o.emplace_back("a", Json(0.1));
  o.emplace_back("s", Json("h\xc3\xa9llo\n\"q\""));
  o.emplace_back("n", Json());
  o.emplace_back("b", Json(true));
  o.emplace_back("arr", Json(Json::Array{Json(1), Json(2.5), Json::MakeObject(),
                                         Json("")}));
  return Json(std::move(o));
}

Frame FullFrame(const CompiledFlow& flow) {
  Frame f;
  f.id = 7;
  f.scope = FindScope(flow, "States[0].Branches[0]");
  f.parent_id = 3;
  f.slot = 1;
  f.state = 1;
  f.phase = Frame::Phase::kWaiting;
  f.data = Sample();
  f.input = Json(Json::Array{Sample()});
  f.text = "cached text is not stored";
  f.retry_used = {0, 2, 5};
  f.choice_next = 4;
  f.seq_input = Json("seq");
  f.local = Json::MakeObject();
  f.cause_event = 42;
  f.step_event_id = 17;
  f.generation = 9;
  f.task_token = "tok-1";
  f.timer_kind = Frame::TimerKind::kRetry;
  f.timer_due_ms = 1733000000123;
  f.input_ready = true;
  f.child_results = {Json(1), Json(), Sample()};
  f.children = {8, 9};
  f.next_item = 5;
  f.pending_children = 2;
  f.running_children = 1;
  f.max_running = 40;
  f.failed_children = 1;
  f.map_run = 3;
  f.child_executions = {"c-1", "c-2"};
  f.items = Json(Json::Array{Json(10), Json(11)});
  return f;
}

TEST_CASE("A frame reads back field for field, its scope found by path",
          "[store][codec]") {
  auto flow = ParallelMapFlow();
  Frame f = FullFrame(*flow);
  std::string bytes = EncodeFrame(f);
  auto back = DecodeFrame(bytes, *flow);
  REQUIRE(back.ok());
  const Frame& g = **back;
  CHECK(g.scope == f.scope);
  CHECK(g.id == 7);
  CHECK(g.parent_id == 3);
  CHECK(g.slot == 1);
  CHECK(g.state == 1);
  CHECK(g.phase == Frame::Phase::kWaiting);
  CHECK(g.data.Serialize() == f.data.Serialize());
  CHECK(g.data.Find("z")->is_int());
  CHECK(g.data.Find("a")->as_double() == 0.1);
  CHECK(g.input.Serialize() == f.input.Serialize());
  CHECK(g.text.empty());
  CHECK(g.retry_used == std::vector<int>{0, 2, 5});
  CHECK(g.choice_next == 4);
  CHECK(g.seq_input.as_string() == "seq");
  CHECK(g.local.is_object());
  CHECK(g.cause_event == 42);
  CHECK(g.step_event_id == 17);
  CHECK(g.generation == 9);
  CHECK(g.task_token == "tok-1");
  CHECK(g.timer_kind == Frame::TimerKind::kRetry);
  CHECK(g.timer_due_ms == 1733000000123);
  CHECK(g.input_ready);
  CHECK(g.child_results.size() == 3);
  CHECK(g.child_results[2].Serialize() == Sample().Serialize());
  CHECK(g.children == std::vector<uint64_t>{8, 9});
  CHECK(g.next_item == 5);
  CHECK(g.pending_children == 2);
  CHECK(g.running_children == 1);
  CHECK(g.max_running == 40);
  CHECK(g.failed_children == 1);
  CHECK(g.map_run == 3);
  CHECK(g.child_executions == std::vector<std::string>{"c-1", "c-2"});
  CHECK(g.items.Serialize() == "[10,11]");
  CHECK(EncodeFrame(g) == bytes);

  Frame top;
  top.scope = &flow->top;
  auto top_back = DecodeFrame(EncodeFrame(top), *flow);
  REQUIRE(top_back.ok());
  CHECK((*top_back)->scope == &flow->top);
  CHECK((*top_back)->state == -1);
}

TEST_CASE("A frame whose scope the flow lacks, or a damaged one, is an error",
          "[store][codec]") {
  auto flow = ParallelMapFlow();
  Frame f = FullFrame(*flow);
  f.scope = FindScope(*flow, "States[1].Processor");
  f.state = 0;
  std::string bytes = EncodeFrame(f);
  static const Limits limits;
  CompileResult other = CompileDefinition(
      "Type: StateMachine\nSpecVersion: v1\nStartAt: A\nStates:\n"
      "  - {Type: Pass, Name: A, End: true}\n",
      {&limits, false});
  REQUIRE(other.flow);
  auto missing = DecodeFrame(bytes, *other.flow);
  REQUIRE(!missing.ok());
  CHECK(missing.status().code() == "InternalServerError");
  CHECK(missing.status().message() ==
        "a stored frame runs scope 'States[1].Processor', which the "
        "execution's flow version does not have.");
  const std::string damaged_message =
      "the stored frame is damaged or of an unknown format; the execution "
      "cannot be read back.";
  for (size_t cut :
       {size_t{0}, size_t{1}, bytes.size() / 2, bytes.size() - 1}) {
    auto r = DecodeFrame(std::string_view(bytes).substr(0, cut), *flow);
    REQUIRE(!r.ok());
    CHECK(r.status().message() == damaged_message);
  }
  auto longer = DecodeFrame(bytes + "x", *flow);
  REQUIRE(!longer.ok());
  std::string future = bytes;
  future[0] = 2;  // format 2
  CHECK(!DecodeFrame(future, *flow).ok());
}

TEST_CASE("The runtime header of an execution reads back", "[store][codec]") {
  ExecutionRt e;
  e.global = Sample();
  e.next_frame_id = 12;
  e.ready = {3, 1, 11};
  e.timeout_generation = 4;
  e.timeout_due_ms = 1733000000999;
  e.next_map_run = 6;
  e.depth = 2;
  std::string bytes = EncodeExecutionHeader(e);
  ExecutionRt back;
  REQUIRE(DecodeExecutionHeader(bytes, &back).ok());
  CHECK(back.global.Serialize() == e.global.Serialize());
  CHECK(back.next_frame_id == 12);
  CHECK(back.ready == std::vector<uint64_t>{3, 1, 11});
  CHECK(back.timeout_generation == 4);
  CHECK(back.timeout_due_ms == 1733000000999);
  CHECK(back.next_map_run == 6);
  CHECK(back.depth == 2);
  CHECK(!DecodeExecutionHeader(bytes.substr(0, bytes.size() - 1), &back).ok());
}

TEST_CASE("Event types read back from their names", "[store][codec]") {
  for (int t = 0; t <= static_cast<int>(EventType::kTaskSubmitFailed); ++t) {
    std::string_view name = EventTypeName(static_cast<EventType>(t));
    REQUIRE(!name.empty());
    auto back = EventTypeFromName(name);
    REQUIRE(back.has_value());
    CHECK(static_cast<int>(*back) == t);
  }
  CHECK(EventTypeFromName("ExecutionStarted") == EventType::kExecutionStarted);
  CHECK(!EventTypeFromName("NoSuchEvent").has_value());
}

TEST_CASE("Deeply nested damaged values stop at the end of the input",
          "[store][codec]") {
  std::string bytes(100000, static_cast<char>(Json::Type::kArray));
  ByteReader r(bytes);
  (void)r.Value();
  CHECK(!r.ok());
}

TEST_CASE("A task call and a distributed Map start read back",
          "[store][codec]") {
  TaskCall call;
  call.request = TaskRequest{"f",         "e",
                             "T",         "FC:InvokeFunction",
                             "acs:x",     "WaitForCustomCallback",
                             "{\"a\":1}", "{}",
                             "tok",       3,
                             std::nullopt};
  call.request.deadline = TimePoint(std::chrono::milliseconds(1733000000456));
  call.frame_id = 5;
  call.generation = 8;
  call.legacy = true;
  auto back = DecodeTaskCall(EncodeTaskCall(call));
  REQUIRE(back.ok());
  const TaskRequest& q = back->request;
  CHECK(q.flow_name == "f");
  CHECK(q.execution_name == "e");
  CHECK(q.state_name == "T");
  CHECK(q.action == "FC:InvokeFunction");
  CHECK(q.resource_arn == "acs:x");
  CHECK(q.task_mode == "WaitForCustomCallback");
  CHECK(q.parameters == "{\"a\":1}");
  CHECK(q.input == "{}");
  CHECK(q.task_token == "tok");
  CHECK(q.attempt == 3);
  CHECK(q.deadline == call.request.deadline);
  CHECK(back->frame_id == 5);
  CHECK(back->generation == 8);
  CHECK(back->legacy);
  call.request.deadline.reset();
  auto no_deadline = DecodeTaskCall(EncodeTaskCall(call));
  REQUIRE(no_deadline.ok());
  CHECK(!no_deadline->request.deadline.has_value());
  CHECK(!DecodeTaskCall("").ok());

  auto flow = ParallelMapFlow();
  ChildStart c;
  c.token = "child-tok";
  c.frame_id = 2;
  c.generation = 1;
  c.slot = 4;
  c.name = "e:map1:4";
  c.input = Sample();
  c.map_state = &flow->top.states[1];
  auto child = DecodeChildStart(EncodeChildStart(c), *flow);
  REQUIRE(child.ok());
  CHECK(child->token == "child-tok");
  CHECK(child->frame_id == 2);
  CHECK(child->generation == 1);
  CHECK(child->slot == 4);
  CHECK(child->name == "e:map1:4");
  CHECK(child->input.Serialize() == Sample().Serialize());
  CHECK(child->map_state == &flow->top.states[1]);
  c.map_state = &flow->top.states[0];  // a Parallel: no such Map
  auto missing = DecodeChildStart(EncodeChildStart(c), *flow);
  REQUIRE(!missing.ok());
  CHECK(missing.status().message() ==
        "a stored distributed Map iteration belongs to state 'States[0]', "
        "which the execution's flow version does not have.");
}

// ---------------------------------------------------------------------------
// Mid-run round trips: an execution is run by the interpreter; at every point
// where it waits, it is written out and read back into a second execution
// (as a restarted engine would), and both are then given the same task
// results and timers. They must end alike, event for event.

struct Copy {
  std::shared_ptr<ExecutionRt> exec;
  std::vector<TaskCall> tasks;
  std::vector<TimerRequest> timers;
  std::vector<ChildStart> children;
};

void Take(Copy* c, Effects fx) {
  for (TaskCall& t : fx.tasks) c->tasks.push_back(std::move(t));
  for (TimerRequest& t : fx.timers) c->timers.push_back(t);
  for (ChildStart& s : fx.child_starts) c->children.push_back(std::move(s));
}

// What a restarted engine rebuilds from the store: fixed fields as columns,
// the history as rows (texts copied into a new arena), the rest decoded.
std::shared_ptr<ExecutionRt> ReadBack(const ExecutionRt& e) {
  auto out = std::make_shared<ExecutionRt>();
  out->flow_name = e.flow_name;
  out->name = e.name;
  out->version = e.version;
  out->input = e.input;
  out->input_text = e.input_text;
  out->started_ms = e.started_ms;
  out->status = e.status;
  out->next_event_id = e.next_event_id;
  out->texts = std::make_unique<TextArena>();
  for (const Event& ev : e.history) {
    Event copy = ev;
    std::string_view step = out->texts->Add(ev.step_name());
    std::string_view text = out->texts->Add(ev.detail_text());
    copy.step = step.data();
    copy.text = text.data();
    out->history.push_back(copy);
  }
  REQUIRE(DecodeExecutionHeader(EncodeExecutionHeader(e), out.get()).ok());
  for (const auto& [id, f] : e.frames) {
    std::string bytes = EncodeFrame(*f);
    auto back = DecodeFrame(bytes, *e.version->compiled);
    REQUIRE(back.ok());
    CHECK(EncodeFrame(**back) == bytes);
    CHECK((*back)->scope == f->scope);
    out->frames.emplace(id, std::move(*back));
  }
  return out;
}

std::vector<std::string> Rendered(const ExecutionRt& e) {
  std::vector<std::string> out;
  for (const Event& ev : e.history) {
    out.push_back(StrCat(ev.schedule_id, " ", ev.time_ms, " ",
                         EventTypeName(ev.type), " ", ev.step_name(), " ",
                         RenderDetail(ev)));
  }
  return out;
}

// Runs `definition` to its end; returns how many mid-run read-backs were
// compared.
int RunWithReadBacks(const std::string& definition, const std::string& input) {
  static const Limits limits;
  CompileResult r = CompileDefinition(definition, {&limits, false});
  INFO(definition);
  REQUIRE(r.flow);
  auto version = std::make_shared<FlowVersion>();
  version->definition = definition;
  version->compiled = r.flow;
  ManualClock clock;
  auto make = [&] {
    auto e = std::make_shared<ExecutionRt>();
    e->flow_name = "f";
    e->name = "e";
    e->version = version;
    e->input = ParseJson(input).value;
    e->input_text = e->input.Serialize();
    e->started_ms = 1546300800000;
    return e;
  };
  Copy a, b;
  a.exec = make();
  Random random_a(7);
  InterpEnv env_a{&clock, &random_a, &limits, true, false};
  InterpEnv env_b = env_a;
  {
    Effects fx;
    Interpreter in(a.exec.get(), env_a, &fx);
    in.Start();
    in.RunReadyFrames(1000000);
    Take(&a, std::move(fx));
  }
  int compared = 0;
  for (int step = 0; step < 200 && !a.exec->ended(); ++step) {
    // Written out and read back while it waits.
    b.exec = ReadBack(*a.exec);
    b.tasks = a.tasks;
    b.timers = a.timers;
    b.children = a.children;
    ++compared;
    // From here on both draw the same tokens.
    Random step_a(1000 + step), step_b(1000 + step);
    env_a.random = &step_a;
    env_b.random = &step_b;
    // The same input for both: the oldest task's result, else a distributed
    // Map iteration's, else the earliest timer.
    for (Copy* c : {&a, &b}) {
      Effects fx;
      Interpreter in(c->exec.get(), c == &a ? env_a : env_b, &fx);
      if (!c->tasks.empty()) {
        TaskCall t = c->tasks.front();
        c->tasks.erase(c->tasks.begin());
        TaskOutcome o;
        o.succeeded = t.request.state_name != "Fails" || t.request.attempt > 1;
        if (o.succeeded) {
          o.output =
              ParseJson(StrCat("{\"from\":\"", t.request.state_name,
                               "\",\"attempt\":", t.request.attempt, "}"))
                  .value;
        } else {
          o.error = FlowError{"Boom", "first attempt"};
        }
        in.OnTaskResult(t.frame_id, t.generation, std::move(o));
      } else if (!c->children.empty()) {
        ChildStart s = c->children.front();
        c->children.erase(c->children.begin());
        TaskOutcome o;
        o.succeeded = true;
        o.output = Json(Json::Object{{"child", Json(s.name)}});
        in.OnChildResult(s.frame_id, s.generation, s.slot, std::move(o));
      } else if (!c->timers.empty()) {
        auto first =
            std::min_element(c->timers.begin(), c->timers.end(),
                             [](const TimerRequest& x, const TimerRequest& y) {
                               return x.due < y.due;
                             });
        TimerRequest t = *first;
        c->timers.erase(first);
        if (c == &a) clock.Set(t.due);
        in.OnTimer(t.frame_id, t.generation);
      }
      in.RunReadyFrames(1000000);
      Take(c, std::move(fx));
    }
    CHECK(a.exec->status == b.exec->status);
    CHECK(Rendered(*a.exec) == Rendered(*b.exec));
    CHECK(a.exec->next_event_id == b.exec->next_event_id);
    for (const auto& [id, f] : a.exec->frames) {
      auto it = b.exec->frames.find(id);
      REQUIRE(it != b.exec->frames.end());
      CHECK(EncodeFrame(*f) == EncodeFrame(*it->second));
    }
    CHECK(a.exec->frames.size() == b.exec->frames.size());
  }
  CHECK(a.exec->ended());
  CHECK(b.exec->ended());
  CHECK(a.exec->output == b.exec->output);
  CHECK(a.exec->error_code == b.exec->error_code);
  return compared;
}

TEST_CASE("Executions read back at every wait end as the uninterrupted run",
          "[store][codec]") {
  const std::string task =
      "{Type: Task, Name: T, Action: 'FC:InvokeFunction', "
      "TaskMode: WaitForCustomCallback, Parameters: {a: 1}, ";
  SECTION("Parallel of tasks, a Wait, Retry with an interval, Catch") {
    CHECK(RunWithReadBacks(
              "Type: StateMachine\nSpecVersion: v1\nStartAt: P\nStates:\n"
              "  - Type: Parallel\n    Name: P\n    Next: W\n    Branches:\n"
              "      - StartAt: A\n        States:\n"
              "          - {Type: Task, Name: A, Action: 'FC:InvokeFunction', "
              "Next: Fails}\n"
              "          - {Type: Task, Name: Fails, Action: 'FC:X', End: "
              "true, Retry: [{Errors: [Boom], IntervalSeconds: 2, "
              "MaxAttempts: 2}]}\n"
              "      - StartAt: B\n        States:\n"
              "          - {Type: Wait, Name: B, Seconds: 5, End: true}\n"
              "  - {Type: Wait, Name: W, Seconds: 3, Next: Done}\n"
              "  - {Type: Pass, Name: Done, End: true}\n",
              "{\"x\":1}") >= 4);
  }
  SECTION("inline Map with a concurrency limit and $Global") {
    CHECK(RunWithReadBacks(
              "Type: StateMachine\nSpecVersion: v1\nStartAt: M\nStates:\n"
              "  - Type: Map\n    Name: M\n    End: true\n"
              "    ItemsPath: $Input.xs\n    MaxConcurrency: 2\n"
              "    Processor:\n      StartAt: T\n      States:\n"
              "        - " +
                  task + "End: true}\n",
              "{\"xs\":[1,2,3,4,5]}") >= 5);
  }
  SECTION("distributed Map") {
    CHECK(RunWithReadBacks(
              "Type: StateMachine\nSpecVersion: v1\nStartAt: M\nStates:\n"
              "  - Type: Map\n    Name: M\n    End: true\n"
              "    ItemsPath: $Input.xs\n    MaxConcurrency: 2\n"
              "    Processor:\n      ProcessorConfig: {ExecutionMode: "
              "Standard}\n      StartAt: C\n      States:\n"
              "        - {Type: Pass, Name: C, End: true}\n",
              "{\"xs\":[1,2,3]}") >= 3);
  }
  SECTION("legacy dialect: foreach, parallel and a task") {
    CHECK(RunWithReadBacks(
              "version: v1beta1\ntype: flow\nsteps:\n"
              "  - type: foreach\n    name: each\n    iterationMapping:\n"
              "      collection: $.xs\n      item: x\n"
              "    steps:\n"
              "      - {type: task, name: t, resourceArn: 'acs:fc:::services/s/"
              "functions/f'}\n"
              "  - type: parallel\n    name: par\n    branches:\n"
              "      - steps:\n"
              "          - {type: wait, name: w, duration: 2}\n"
              "      - steps:\n"
              "          - {type: task, name: u, resourceArn: 'acs:fc:::"
              "services/s/functions/g'}\n",
              "{\"xs\":[1,2]}") >= 3);
  }
}

}  // namespace
}  // namespace fnf::internal
