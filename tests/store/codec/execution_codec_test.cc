// The store's serialised execution state: every field of a frame and of the
// runtime header reads back as written, scopes are found again by path, and
// damaged blobs are errors, not crashes.
#include "store/codec/execution_codec.h"

#include "definition/compiler.h"
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
        "execution's flow version "
        "does not have.");
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
  ExecutionState e;
  e.global = Sample();
  e.next_frame_id = 12;
  e.ready = {3, 1, 11};
  e.timeout_generation = 4;
  e.timeout_due_ms = 1733000000999;
  e.next_map_run = 6;
  std::string bytes = EncodeExecutionHeader(e);
  ExecutionState back;
  REQUIRE(DecodeExecutionHeader(bytes, &back).ok());
  CHECK(back.global.Serialize() == e.global.Serialize());
  CHECK(back.next_frame_id == 12);
  CHECK(back.ready == std::vector<uint64_t>{3, 1, 11});
  CHECK(back.timeout_generation == 4);
  CHECK(back.timeout_due_ms == 1733000000999);
  CHECK(back.next_map_run == 6);
  CHECK(!DecodeExecutionHeader(bytes.substr(0, bytes.size() - 1), &back).ok());
}

TEST_CASE("Event types read back from their names", "[store][codec]") {
  for (int t = 0; t < 256; ++t) {
    std::string_view name = EventTypeName(static_cast<EventType>(t));
    if (name.empty()) continue;
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

}  // namespace
}  // namespace fnf::internal
