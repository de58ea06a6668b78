// Map states: ItemsPath, ItemConstructor, Processor (inline or distributed),
// concurrency and tolerance, and the object-storage fields fnf does not have
// (docs/cloudflow.md, docs/behaviour.md).
#include "tests/definition/definition_testing.h"

namespace fnf::internal::definition_testing {
namespace {

using Strings = std::vector<std::string>;

// A Map state A with `fields` (indented by 4) and a one-state processor.
std::string MapFlow(const std::string& fields,
                    const std::string& processor_extra = "") {
  return Flow(
      "  - Name: A\n"
      "    Type: Map\n"
      "    End: true\n"
      "    Processor:\n"
      "      StartAt: P\n"
      "      States: [{Name: P, Type: Succeed}]\n" +
      processor_extra + fields);
}

const std::string kDistributed =
    "      ProcessorConfig: {ExecutionMode: Express}\n";

TEST_CASE("Map: an inline Map compiles into the IR", "[definition]") {
  auto flow =
      Valid(MapFlow("    ItemsPath: $Input.items\n"
                    "    ItemConstructor:\n"
                    "      sku.$: $Item.sku\n"
                    "      order.$: $Input.order\n"
                    "    MaxConcurrency: 40\n"
                    "    Retry: [{Errors: [FnF.ALL], MaxAttempts: 2, "
                    "IntervalSeconds: 1}]\n"));
  const State& a = flow->top.states[0];
  CHECK(a.type == StateType::kMap);
  const MapSpec& m = *a.map;
  CHECK(m.items_path.text() == "$Input.items");
  CHECK_FALSE(m.item_constructor.empty());
  REQUIRE(m.processor != nullptr);
  CHECK(m.processor->path == "States[0].Processor");
  REQUIRE(m.processor->states.size() == 1);
  CHECK(m.processor->states[0].path == "States[0].Processor.States[0]");
  CHECK(m.max_concurrency == 40);
  CHECK_FALSE(m.distributed);
  CHECK(m.child_mode.empty());
  CHECK_FALSE(m.tolerated_failure_percentage.has_value());
  CHECK(a.retry.size() == 1);
  CHECK(
      ValidateThroughEngine(MapFlow("    ItemsPath: $Input.items\n")).empty());
}

TEST_CASE("Map: the misspelling MaxConcuccency is accepted", "[definition]") {
  auto flow =
      Valid(MapFlow("    ItemsPath: $Input.items\n"
                    "    MaxConcuccency: 3\n"));
  CHECK(flow->top.states[0].map->max_concurrency == 3);
  flow =
      Valid(MapFlow("    ItemsPath: $Input.items\n"
                    "    MaxConcurrency: 0\n"));
  CHECK(flow->top.states[0].map->max_concurrency == 0);
  CHECK(Problems(MapFlow("    ItemsPath: $Input.items\n"
                         "    MaxConcurrency: 3\n"
                         "    MaxConcuccency: 3\n")) ==
        Strings{"13:21: States[0].MaxConcuccency: MaxConcurrency and its "
                "misspelling MaxConcuccency cannot both be set"});
}

TEST_CASE("Map: MaxConcurrency has the inline or distributed limit",
          "[definition]") {
  CHECK(Problems(MapFlow("    ItemsPath: $Input.items\n"
                         "    MaxConcurrency: 41\n")) ==
        Strings{"12:21: States[0].MaxConcurrency: MaxConcurrency must be "
                "between 0 and 40 for an inline Map, got 41"});
  CHECK(Problems(MapFlow("    ItemsPath: $Input.items\n"
                         "    MaxConcuccency: -1\n")) ==
        Strings{"12:21: States[0].MaxConcuccency: MaxConcuccency must be "
                "between 0 and 40 for an inline Map, got -1"});
  CHECK(Problems(MapFlow("    ItemsPath: $Input.items\n"
                         "    MaxConcurrency: 2.5\n")) ==
        Strings{"12:21: States[0].MaxConcurrency: must be an integer, found a "
                "fraction"});
  CHECK(Valid(MapFlow("    ItemsPath: $Input.items\n"
                      "    MaxConcurrency: 100\n",
                      kDistributed))
            ->top.states[0]
            .map->max_concurrency == 100);
  CHECK(Problems(MapFlow("    ItemsPath: $Input.items\n"
                         "    MaxConcurrency: 101\n",
                         kDistributed)) ==
        Strings{"13:21: States[0].MaxConcurrency: MaxConcurrency must be "
                "between 0 and 100 for a distributed Map, got 101"});
  Limits limits;
  limits.map_concurrency = 64;
  CHECK(Problems(MapFlow("    ItemsPath: $Input.items\n"
                         "    MaxConcurrency: 64\n"),
                 limits)
            .empty());
}

TEST_CASE("Map: ProcessorConfig makes it distributed", "[definition]") {
  auto flow =
      Valid(MapFlow("    ItemsPath: $Input.items\n"
                    "    ToleratedFailurePercentage: 12.5\n"
                    "    ToleratedFailureCount: 3\n",
                    kDistributed));
  const MapSpec& m = *flow->top.states[0].map;
  CHECK(m.distributed);
  CHECK(m.child_mode == "Express");
  CHECK(m.tolerated_failure_percentage == 12.5);
  CHECK(m.tolerated_failure_count == 3);
  flow = Valid(MapFlow("    ItemsPath: $Input.items\n",
                       "      ProcessorConfig:\n"
                       "        ExecutionMode: Standard\n"));
  CHECK(flow->top.states[0].map->child_mode == "Standard");
  CHECK(Problems(MapFlow("    ItemsPath: $Input.items\n",
                         "      ProcessorConfig: {ExecutionMode: Fast, "
                         "Mode: x}\n")) ==
        Strings{"11:40: States[0].Processor.ProcessorConfig.ExecutionMode: "
                "unknown ExecutionMode 'Fast' (expected Express or Standard)",
                "11:52: States[0].Processor.ProcessorConfig.Mode: unknown "
                "field 'Mode'"});
  CHECK(Problems(MapFlow("    ItemsPath: $Input.items\n",
                         "      ProcessorConfig: {}\n")) ==
        Strings{"11:24: States[0].Processor.ProcessorConfig: missing required "
                "field 'ExecutionMode'"});
  CHECK(Problems(MapFlow("    ItemsPath: $Input.items\n",
                         "      ProcessorConfig: Express\n")) ==
        Strings{"11:24: States[0].Processor.ProcessorConfig: must be a map, "
                "found string"});
}

TEST_CASE("Map: a distributed processor follows its child execution mode",
          "[definition]") {
  auto processor = [](const std::string& mode) {
    return Flow(
        "  - Name: A\n"
        "    Type: Map\n"
        "    End: true\n"
        "    ItemsPath: $Input.items\n"
        "    Processor:\n"
        "      ProcessorConfig: {ExecutionMode: " +
        mode +
        "}\n"
        "      StartAt: W\n"
        "      States:\n"
        "        - {Name: W, Type: Wait, Seconds: 30, Next: T}\n"
        "        - Name: T\n"
        "          Type: Task\n"
        "          Action: FC:InvokeFunction\n"
        "          TaskMode: WaitForSystemCallback\n"
        "          End: true\n");
  };
  // Express children: Express ranges and RequestComplete only, even in a
  // Standard flow.
  CHECK(Problems(processor("Express")) ==
        Strings{"13:42: States[0].Processor.States[0].Seconds: Seconds must be "
                "between 1 and 20 for an Express flow, got 30",
                "17:21: States[0].Processor.States[1].TaskMode: an Express "
                "flow supports only TaskMode RequestComplete, got "
                "WaitForSystemCallback"});
  // Standard children: Standard rules, even in an Express flow.
  CHECK(Compile(processor("Standard"), true).problems == Strings{});
  // Inline processors follow the flow's own mode.
  const std::string inline_map = Flow(
      "  - Name: A\n"
      "    Type: Map\n"
      "    End: true\n"
      "    ItemsPath: $Input.items\n"
      "    Processor:\n"
      "      StartAt: W\n"
      "      States: [{Name: W, Type: Wait, Seconds: 30, End: true}]\n");
  CHECK(Problems(inline_map).empty());
  CHECK(Compile(inline_map, true).problems ==
        Strings{"11:47: States[0].Processor.States[0].Seconds: Seconds must be "
                "between 1 and 20 for an Express flow, got 30"});
}

TEST_CASE("Map: tolerance is for distributed Maps, within range",
          "[definition]") {
  CHECK(Problems(MapFlow("    ItemsPath: $Input.items\n"
                         "    ToleratedFailurePercentage: 10\n"
                         "    ToleratedFailureCount: 1\n")) ==
        Strings{"12:33: States[0].ToleratedFailurePercentage: "
                "ToleratedFailurePercentage applies only to a distributed Map "
                "(set Processor.ProcessorConfig.ExecutionMode)",
                "13:28: States[0].ToleratedFailureCount: ToleratedFailureCount "
                "applies only to a distributed Map (set "
                "Processor.ProcessorConfig.ExecutionMode)"});
  CHECK(Problems(MapFlow("    ItemsPath: $Input.items\n"
                         "    ToleratedFailurePercentage: 100.5\n"
                         "    ToleratedFailureCount: -1\n",
                         kDistributed)) ==
        Strings{"13:33: States[0].ToleratedFailurePercentage: "
                "ToleratedFailurePercentage must be between 0 and 100, got "
                "100.5",
                "14:28: States[0].ToleratedFailureCount: ToleratedFailureCount "
                "must be 0 or more, got -1"});
  CHECK(Problems(MapFlow("    ItemsPath: $Input.items\n"
                         "    ToleratedFailurePercentage: '5'\n",
                         kDistributed)) ==
        Strings{"13:33: States[0].ToleratedFailurePercentage: must be a "
                "number, found string"});
}

TEST_CASE("Map: ItemsPath is a required expression without .$",
          "[definition]") {
  CHECK(Problems(MapFlow("")) ==
        Strings{"5:5: States[0]: missing required field 'ItemsPath'"});
  CHECK(Problems(MapFlow("    ItemsPath.$: $Input.items\n")) ==
        Strings{"11:18: States[0].ItemsPath.$: ItemsPath is always an "
                "expression; write it as 'ItemsPath', without '.$'"});
  CHECK(Problems(MapFlow("    ItemsPath: $Input.items[\n")) ==
        Strings{"11:29: States[0].ItemsPath: unexpected end of the expression "
                "at offset 13 in '$Input.items['"});
  CHECK(Problems(MapFlow("    ItemsPath: $Item.list\n")) ==
        Strings{"11:16: States[0].ItemsPath: $Item is only available in a Map "
                "state's ItemConstructor at offset 0 in '$Item.list'"});
  CHECK(Problems(MapFlow("    ItemsPath: '\"abc\"'\n")) ==
        Strings{"11:16: States[0].ItemsPath: must yield a list, but is always "
                "\"abc\""});
  CHECK(Problems(MapFlow("    ItemsPath: [1, 2]\n")) ==
        Strings{"11:16: States[0].ItemsPath: must be a string, found array"});
}

TEST_CASE("Map: ItemConstructor sees $Item, not $Output", "[definition]") {
  CHECK(Problems(MapFlow("    ItemsPath: $Input.items\n"
                         "    ItemConstructor:\n"
                         "      a.$: $Output.x\n")) ==
        Strings{"13:12: States[0].ItemConstructor.a.$: $Output is only "
                "available in OutputConstructor and GlobalConstructor at "
                "offset 0 in '$Output.x'"});
  CHECK(Problems(MapFlow("    ItemsPath: $Input.items\n"
                         "    ItemConstructor: [1]\n")) ==
        Strings{"12:22: States[0].ItemConstructor: must be a map, got array"});
  // $Item belongs to ItemConstructor only, not to the Map's other
  // constructors.
  CHECK(Problems(MapFlow("    ItemsPath: $Input.items\n"
                         "    OutputConstructor:\n"
                         "      a.$: $Item\n")) ==
        Strings{"13:12: States[0].OutputConstructor.a.$: $Item is only "
                "available in a Map state's ItemConstructor at offset 0 in "
                "'$Item'"});
}

TEST_CASE("Map: Processor is a required scope", "[definition]") {
  CHECK(Problems(Flow("  - {Name: A, Type: Map, End: true, ItemsPath: "
                      "$Input.x}\n")) ==
        Strings{"5:5: States[0]: missing required field 'Processor'"});
  CHECK(Problems(Flow(R"(  - Name: A
    Type: Map
    End: true
    ItemsPath: $Input.x
    Processor:
      StartAt: P
      Description: not here
      States:
        - {Name: P, Type: Pass, Next: A}
)")) == Strings{"11:20: States[0].Processor.Description: unknown field "
                "'Description'",
                "13:39: States[0].Processor.States[0].Next: state 'A' does "
                "not exist in this scope"});
  CHECK(Problems(Flow("  - {Name: A, Type: Map, End: true, ItemsPath: "
                      "$Input.x, Processor: []}\n")) ==
        Strings{"5:69: States[0].Processor: must be a map, found array"});
}

TEST_CASE("Map: object-storage fields are refused", "[definition]") {
  CHECK(Problems(MapFlow("    ItemsPath: $Input.items\n"
                         "    ItemReader: {SourceType: OSS_CSV}\n"
                         "    ResultWriter: {}\n"
                         "    ItemBatcher: {MaxItemsPerBatch: 2}\n"
                         "    MaxItems: 10\n",
                         kDistributed)) ==
        Strings{"13:17: States[0].ItemReader: ItemReader is not supported "
                "(object storage is out of scope)",
                "14:19: States[0].ResultWriter: ResultWriter is not supported "
                "(object storage is out of scope)",
                "15:18: States[0].ItemBatcher: ItemBatcher is not supported "
                "(object storage is out of scope)",
                "16:15: States[0].MaxItems: MaxItems is not supported (object "
                "storage is out of scope)"});
}

}  // namespace
}  // namespace fnf::internal::definition_testing
