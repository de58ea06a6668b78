// The legacy data model (docs/legacy-fdl.md) end to end through fnf::Engine:
// default and explicit mappings, locals merged into their parents, array
// locals of parallel and foreach steps, the flow's input and output, and the
// 32 KiB payload limit.
#include "tests/legacy/engine_testing.h"

namespace fnf::legacy_engine_testing {
namespace {

// A pass step whose output is constant `{target: source}` pairs.
std::string Consts(const std::string& name,
                   const std::vector<std::pair<std::string, std::string>>& kv,
                   const std::string& indent = "  ") {
  std::string out = indent + "- type: pass\n" + indent + "  name: " + name +
                    "\n" + indent + "  outputMappings:\n";
  for (const auto& [k, v] : kv) {
    out += indent + "    - target: " + k + "\n" + indent +
           "      source: " + v + "\n";
  }
  return out;
}

// A task step whose input is recorded by the handler registered for it.
std::string Probe(const std::string& name, const std::string& indent = "  ") {
  return indent + "- type: task\n" + indent + "  name: " + name + "\n" +
         indent + "  resourceArn: acs:fc:::services/probe/functions/" + name +
         "\n";
}

// Registers a handler for step `name` that records its input and answers
// `{}`.
void Record(ManualEngine& m, const std::string& name,
            std::vector<std::string>* inputs) {
  m.engine->RegisterTaskHandler(name, [inputs](const TaskRequest& r) {
    inputs->push_back(r.input);
    return TaskResult::Succeeded("{}");
  });
}

TEST_CASE(
    "legacy data: the default step input is the parent input merged "
    "with the parent local, the local winning",
    "[legacy][engine]") {
  ManualEngine m;
  std::vector<std::string> inputs;
  Record(m, "probe", &inputs);
  // The documentation's example, and a collision.
  m.Create("d", Legacy(Consts("first", {{"key1", "value1"},
                                        {"key2", "value2"},
                                        {"shared", "from_local"}}) +
                       Probe("probe")));
  Execution e = m.Run("d", R"({"key":"process_failed","shared":"from_input"})");
  CHECK(e.status == ExecutionStatus::kSucceeded);
  REQUIRE(inputs.size() == 1);
  CHECK(inputs[0] ==
        R"({"key":"process_failed","shared":"from_local","key1":"value1",)"
        R"("key2":"value2"})");
  // The flow output is the local only.
  CHECK(e.output ==
        R"({"key1":"value1","key2":"value2","shared":"from_local"})");
}

TEST_CASE(
    "legacy data: child outputs merge into the parent local, the later "
    "one winning, {} changes nothing",
    "[legacy][engine]") {
  ManualEngine m;
  m.Create("d", Legacy(Consts("a", {{"x", "1"}, {"y", "1"}}) +
                       "  - type: pass\n"
                       "    name: empty\n" +
                       Consts("b", {{"y", "2"}, {"z", "2"}})));
  CHECK(m.Run("d").output == R"({"x":1,"y":2,"z":2})");
}

TEST_CASE(
    "legacy data: explicit inputMappings read $input, $local, $context "
    "and literals, missing paths are null",
    "[legacy][engine]") {
  ManualEngine m;
  std::vector<std::string> inputs;
  Record(m, "probe", &inputs);
  m.Create("d", Legacy(Consts("first", {{"l", "{deep: [10, 20]}"}}) +
                       "  - type: task\n"
                       "    name: probe\n"
                       "    resourceArn: acs:fc:::services/probe/functions/p\n"
                       "    inputMappings:\n"
                       "      - target: whole_input\n"
                       "        source: $input\n"
                       "      - target: a_b\n"
                       "        source: $input.a.b\n"
                       "      - target: first_info\n"
                       "        source: $input.key_info[0]\n"
                       "      - target: local_deep\n"
                       "        source: $local.l.deep[1]\n"
                       "      - target: whole_local\n"
                       "        source: $local\n"
                       "      - target: step\n"
                       "        source: $context.step.name\n"
                       "      - target: missing\n"
                       "        source: $input.nope.deeper\n"
                       "      - target: literal\n"
                       "        source: pass1\n"
                       "      - target: literal\n"
                       "        source: later wins\n"));
  m.Run("d", R"({"a":{"b":"ab"},"key_info":["k0","k1"]})");
  REQUIRE(inputs.size() == 1);
  CHECK(inputs[0] ==
        R"({"whole_input":{"a":{"b":"ab"},"key_info":["k0","k1"]},)"
        R"("a_b":"ab","first_info":"k0","local_deep":20,)"
        R"("whole_local":{"l":{"deep":[10,20]}},"step":"probe",)"
        R"("missing":null,"literal":"later wins"})");
}

TEST_CASE("legacy data: empty inputMappings give an empty input",
          "[legacy][engine]") {
  ManualEngine m;
  std::vector<std::string> inputs;
  Record(m, "probe", &inputs);
  m.Create("d", Legacy("  - type: task\n"
                       "    name: probe\n"
                       "    resourceArn: acs:fc:::services/probe/functions/p\n"
                       "    inputMappings: []\n"));
  m.Run("d", R"({"a":1})");
  CHECK(inputs == std::vector<std::string>{"{}"});
}

TEST_CASE("legacy data: a task's outputMappings read its input and its result",
          "[legacy][engine]") {
  ManualEngine m;
  m.engine->RegisterTaskHandler("t", [](const TaskRequest&) {
    return TaskResult::Succeeded(R"({"result":{"v":5},"noise":1})");
  });
  m.Create("d", Legacy("  - type: task\n"
                       "    name: t\n"
                       "    resourceArn: acs:fc:::services/s/functions/f\n"
                       "    inputMappings:\n"
                       "      - target: asked\n"
                       "        source: $input.q\n"
                       "    outputMappings:\n"
                       "      - target: answer\n"
                       "        source: $local.result.v\n"
                       "      - target: question\n"
                       "        source: $input.asked\n"));
  CHECK(m.Run("d", R"({"q":"why"})").output ==
        R"({"answer":5,"question":"why"})");
}

TEST_CASE(
    "legacy data: flow inputMappings build the flow input from the "
    "execution input, outputMappings the output",
    "[legacy][engine]") {
  ManualEngine m;
  std::vector<std::string> inputs;
  Record(m, "probe", &inputs);
  m.Create("d", Legacy(Consts("first", {{"made", "here"}}) + Probe("probe"),
                       "inputMappings:\n"
                       "  - target: order\n"
                       "    source: $input.order\n"
                       "  - target: run\n"
                       "    source: $context.execution.name\n"
                       "  - target: constant\n"
                       "    source: 3\n"
                       "outputMappings:\n"
                       "  - target: from_input\n"
                       "    source: $input.order\n"
                       "  - target: from_local\n"
                       "    source: $local.made\n"
                       "  - target: all_local\n"
                       "    source: $local\n"));
  Execution e = m.Run("d", R"({"order":"o-1","ignored":true})", "run-9");
  CHECK(e.status == ExecutionStatus::kSucceeded);
  CHECK(e.input == R"({"order":"o-1","ignored":true})");
  REQUIRE(inputs.size() == 1);
  CHECK(inputs[0] ==
        R"({"order":"o-1","run":"run-9","constant":3,"made":"here"})");
  CHECK(e.output == R"({"from_input":"o-1","from_local":"here",)"
                    R"("all_local":{"made":"here"}})");
}

TEST_CASE(
    "legacy data: without flow outputMappings the output is the flow "
    "local, never the execution input",
    "[legacy][engine]") {
  ManualEngine m;
  m.Create("d", Legacy(Consts("a", {{"a", "1"}})));
  CHECK(m.Run("d", R"({"in":1,"a":0})").output == R"({"a":1})");
  m.Create("empty", Legacy("  - type: wait\n"
                           "    name: w\n"
                           "    duration: 0\n"));
  CHECK(m.Run("empty", R"({"in":1})").output == "{}");
  // No input at all is {}.
  std::vector<std::string> inputs;
  Record(m, "probe", &inputs);
  m.Create("p", Legacy(Probe("probe")));
  CHECK(m.Run("p", "").status == ExecutionStatus::kSucceeded);
  CHECK(inputs == std::vector<std::string>{"{}"});
}

TEST_CASE(
    "legacy data: steps in a choice branch see the choice's input and "
    "the branch's own local",
    "[legacy][engine]") {
  ManualEngine m;
  std::vector<std::string> inputs;
  Record(m, "inner", &inputs);
  m.Create("d", Legacy(Consts("before", {{"b", "1"}}) +
                       "  - type: choice\n"
                       "    name: c\n"
                       "    inputMappings:\n"
                       "      - target: only\n"
                       "        source: $local.b\n"
                       "    choices:\n"
                       "      - condition: $.only == 1\n"
                       "        steps:\n" +
                       Consts("first", {{"f", "1"}, {"only", "shadowed"}},
                              "          ") +
                       Probe("inner", "          ") +
                       "    outputMappings:\n"
                       "      - target: branch_local\n"
                       "        source: $local\n"
                       "      - target: choice_input\n"
                       "        source: $input\n"));
  Execution e = m.Run("d", R"({"x":0})");
  CHECK(e.status == ExecutionStatus::kSucceeded);
  REQUIRE(inputs.size() == 1);
  CHECK(inputs[0] == R"({"only":"shadowed","f":1})");
  CHECK(e.output == R"({"b":1,"branch_local":{"f":1,"only":"shadowed"},)"
                    R"("choice_input":{"only":1}})");
}

TEST_CASE(
    "legacy data: the choice's default output is the local of the branch "
    "that ran",
    "[legacy][engine]") {
  ManualEngine m;
  m.Create("d", Legacy("  - type: choice\n"
                       "    name: c\n"
                       "    choices:\n"
                       "      - condition: $.n == 1\n"
                       "        steps:\n" +
                       Consts("one", {{"picked", "one"}}, "          ") +
                       "    default:\n"
                       "      steps:\n" +
                       Consts("other", {{"picked", "other"}}, "        ")));
  CHECK(m.Run("d", R"({"n":1})").output == R"({"picked":"one"})");
  CHECK(m.Run("d", R"({"n":2})").output == R"({"picked":"other"})");
}

TEST_CASE(
    "legacy data: parallel locals with wildcard paths, nested wildcards "
    "flatten",
    "[legacy][engine]") {
  ManualEngine m;
  m.Create(
      "d",
      Legacy("  - type: parallel\n"
             "    name: par\n"
             "    branches:\n"
             "      - steps:\n" +
             Consts("a", {{"name", "A"}, {"parts", "[1, 2]"}}, "          ") +
             "      - steps:\n" +
             Consts("b", {{"name", "B"}, {"parts", "[3]"}}, "          ") +
             "      - steps:\n" + Consts("c", {{"other", "C"}}, "          ") +
             "    outputMappings:\n"
             "      - target: names\n"
             "        source: $local[*].name\n"
             "      - target: parts\n"
             "        source: $local[*].parts[*]\n"
             "      - target: second\n"
             "        source: $local[1].name\n"
             "      - target: input_x\n"
             "        source: $input.x\n"));
  CHECK(m.Run("d", R"({"x":"ex"})").output ==
        R"({"names":["A","B",null],"parts":[1,2,3],"second":"B",)"
        R"("input_x":"ex"})");
}

TEST_CASE(
    "legacy data: steps in a parallel branch see the parallel step's "
    "input and their branch's local",
    "[legacy][engine]") {
  ManualEngine m;
  std::vector<std::string> inputs;
  Record(m, "p0", &inputs);
  Record(m, "p1", &inputs);
  m.Create("d", Legacy(Consts("before", {{"b", "1"}}) +
                       "  - type: parallel\n"
                       "    name: par\n"
                       "    branches:\n"
                       "      - steps:\n" +
                       Consts("set", {{"mine", "0"}}, "          ") +
                       Probe("p0", "          ") + "      - steps:\n" +
                       Probe("p1", "          ")));
  m.Run("d", R"({"x":0})");
  REQUIRE(inputs.size() == 2);
  CHECK(inputs[0] == R"({"x":0,"b":1,"mine":0})");
  CHECK(inputs[1] == R"({"x":0,"b":1})");
}

TEST_CASE(
    "legacy data: foreach iterations read other keys of the step input, "
    "each has its own local",
    "[legacy][engine]") {
  ManualEngine m;
  std::vector<std::string> inputs;
  m.engine->RegisterTaskHandler("copy", [&](const TaskRequest& r) {
    inputs.push_back(r.input);
    return TaskResult::Succeeded(R"({"copied":true})");
  });
  m.Create("d", Legacy("  - type: foreach\n"
                       "    name: each\n"
                       "    inputMappings:\n"
                       "      - target: files\n"
                       "        source: $input.files\n"
                       "      - target: src_bucket\n"
                       "        source: $input.bucket\n"
                       "    iterationMapping:\n"
                       "      collection: $.files\n"
                       "      item: file\n"
                       "    steps:\n"
                       "      - type: task\n"
                       "        name: copy\n"
                       "        resourceArn: acs:fc:::services/s/functions/c\n"
                       "        inputMappings:\n"
                       "          - target: key\n"
                       "            source: $input.file.key\n"
                       "          - target: from\n"
                       "            source: $input.src_bucket\n"
                       "          - target: so_far\n"
                       "            source: $local\n"
                       "      - type: pass\n"
                       "        name: tag\n"
                       "        outputMappings:\n"
                       "          - target: key\n"
                       "            source: $input.file.key\n"
                       "    outputMappings:\n"
                       "      - target: done\n"
                       "        source: $local\n"
                       "      - target: keys\n"
                       "        source: $local[*].key\n"));
  Execution e =
      m.Run("d", R"({"bucket":"src","files":[{"key":"a"},{"key":"b"}]})");
  CHECK(e.status == ExecutionStatus::kSucceeded);
  CHECK(inputs ==
        std::vector<std::string>{R"({"key":"a","from":"src","so_far":{}})",
                                 R"({"key":"b","from":"src","so_far":{}})"});
  CHECK(e.output ==
        R"({"done":[{"copied":true,"key":"a"},{"copied":true,"key":"b"}],)"
        R"("keys":["a","b"]})");
}

TEST_CASE(
    "legacy data: foreach with the default output {} leaves the local "
    "unchanged",
    "[legacy][engine]") {
  ManualEngine m;
  m.Create("d", Legacy(Consts("a", {{"a", "1"}}) +
                       "  - type: foreach\n"
                       "    name: each\n"
                       "    iterationMapping:\n"
                       "      collection: $.items\n"
                       "      item: it\n"
                       "    steps:\n" +
                       Consts("inner", {{"seen", "$input.it"}}, "      ")));
  CHECK(m.Run("d", R"({"items":[1,2]})").output == R"({"a":1})");
}

TEST_CASE(
    "legacy data: over legacy_payload_bytes a step fails with "
    "FnF.PayloadTooLarge",
    "[legacy][engine]") {
  Limits limits;
  limits.legacy_payload_bytes = 100;
  ManualEngine m(limits);
  const std::string big(60, 'x');
  SECTION("the input alone") {
    m.Create("d", Legacy("  - type: pass\n"
                         "    name: p\n"));
    Execution e = m.Run("d", R"({"s":")" + big + big + R"("})");
    CHECK(e.status == ExecutionStatus::kFailed);
    CHECK(e.error_code == "FnF.PayloadTooLarge");
    CHECK(e.error_message ==
          "step 'p': input, output and local are 128 bytes together, over "
          "the limit of 100");
  }
  SECTION("input, output and local together") {
    // Input {"s":"<60 x>"} and local {"o":"<60 x>"} are 68 bytes each,
    // output {"k":1} 7.
    m.engine->RegisterTaskHandler("t", [&](const TaskRequest&) {
      return TaskResult::Succeeded(R"({"o":")" + big + R"("})");
    });
    m.Create("d", Legacy("  - type: task\n"
                         "    name: t\n"
                         "    resourceArn: acs:fc:::services/s/functions/f\n"
                         "    outputMappings:\n"
                         "      - target: k\n"
                         "        source: 1\n"));
    Execution e = m.Run("d", R"({"s":")" + big + R"("})");
    CHECK(e.status == ExecutionStatus::kFailed);
    CHECK(e.error_code == "FnF.PayloadTooLarge");
    CHECK(e.error_message ==
          "step 't': input, output and local are 143 bytes together, over "
          "the limit of 100");
  }
  SECTION("exactly at the limit is allowed") {
    // {"s":"<88 x>"} is 96 bytes, output and local {} 2 each.
    m.Create("d", Legacy("  - type: pass\n"
                         "    name: p\n"));
    Execution e = m.Run("d", R"({"s":")" + std::string(88, 'x') + R"("})");
    CHECK(e.status == ExecutionStatus::kSucceeded);
    e = m.Run("d", R"({"s":")" + std::string(89, 'x') + R"("})");
    CHECK(e.error_code == "FnF.PayloadTooLarge");
  }
  SECTION("a catch policy can handle it") {
    m.engine->RegisterTaskHandler("t", [&](const TaskRequest&) {
      return TaskResult::Succeeded(R"({"o":")" + big + big + R"("})");
    });
    m.Create("d", Legacy("  - type: task\n"
                         "    name: t\n"
                         "    resourceArn: acs:fc:::services/s/functions/f\n"
                         "    catch:\n"
                         "      - errors: [FnF.PayloadTooLarge]\n"
                         "        goto: small\n"
                         "    errorMappings:\n"
                         "      - target: error\n"
                         "        source: $local.error\n"
                         "  - type: pass\n"
                         "    name: small\n"));
    Execution e = m.Run("d");
    CHECK(e.status == ExecutionStatus::kSucceeded);
    CHECK(e.output == R"({"error":"FnF.PayloadTooLarge"})");
  }
}

TEST_CASE("legacy data: the payload limit is 32 KiB by default",
          "[legacy][engine]") {
  ManualEngine m;
  m.Create("d", Legacy("  - type: pass\n"
                       "    name: p\n"));
  // {"s":"<32756 x>"} is 32764 bytes; output and local {} add 4.
  Execution e = m.Run("d", R"({"s":")" + std::string(32756, 'x') + R"("})");
  CHECK(e.status == ExecutionStatus::kSucceeded);
  e = m.Run("d", R"({"s":")" + std::string(32757, 'x') + R"("})");
  CHECK(e.status == ExecutionStatus::kFailed);
  CHECK(e.error_code == "FnF.PayloadTooLarge");
  CHECK(e.error_message ==
        "step 'p': input, output and local are 32769 bytes together, over "
        "the limit of 32768");
}

}  // namespace
}  // namespace fnf::legacy_engine_testing
