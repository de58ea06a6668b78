// The console's renderers with exact assertions: escaping in HTML and SVG,
// the states an execution's history marks, and the pages' parts.
#include <string>
#include <vector>

#include "fnf/types.h"

#include "console/html.h"
#include "console/pages.h"
#include "console/run_marks.h"
#include "console/svg.h"
#include "tests/testing/catch.h"

namespace fnf::console {
namespace {

HistoryEvent Event(int64_t id, std::string type, std::string step,
                   std::string detail = "{}") {
  return {.event_id = id,
          .step_name = std::move(step),
          .type = std::move(type),
          .time = "2019-01-01T01:01:01.001Z",
          .event_detail = std::move(detail)};
}

size_t Count(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos;
       at = text.find(part, at + 1)) {
    ++n;
  }
  return n;
}

TEST_CASE("Escape makes text safe in HTML text and attributes", "[console]") {
  CHECK(Escape("<script>alert('x')</script> & \"q\"") ==
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
  CHECK(Escape("plain") == "plain");
}

TEST_CASE("PrettyJson indents and keeps numbers as spelt", "[console]") {
  CHECK(PrettyJson(R"({"a":[1.50,2e3],"b":"<x>"})") ==
        "{\n  \"a\": [\n    1.50,\n    2e3\n  ],\n  \"b\": \"<x>\"\n}");
  CHECK(PrettyJson("not json") == "not json");
}

TEST_CASE("MarksOf: visited, failed, running and fan-out progress",
          "[console]") {
  std::vector<HistoryEvent> events = {
      Event(1, "ExecutionStarted", ""),
      Event(2, "StateEntered", "Prepare"),
      Event(3, "StateSucceeded", "Prepare"),
      Event(4, "StateEntered", "Fan"),
      Event(5, "IterationEntered", "Fan", R"({"Index":0})"),
      Event(6, "IterationEntered", "Fan", R"({"Index":1})"),
      Event(7, "StateEntered", "Call"),
      Event(8, "StateFailed", "Call"),
      Event(9, "StateStarted", "Call"),  // a retry: running again
      Event(10, "IterationExited", "Fan", R"({"Index":0})"),
  };
  RunMarks marks = MarksOf(events, /*execution_running=*/true);
  CHECK(marks.visited == std::set<std::string>{"Call", "Fan", "Prepare"});
  CHECK(marks.failed == std::set<std::string>{"Call"});
  CHECK(marks.running == std::set<std::string>{"Call", "Fan"});
  REQUIRE(marks.fans.size() == 1);
  CHECK(marks.fans[0].state == "Fan");
  CHECK(marks.fans[0].kind == "iterations");
  CHECK(marks.fans[0].started == 2);
  CHECK(marks.fans[0].ended == 1);
  // Once the execution has ended nothing runs.
  CHECK(MarksOf(events, /*execution_running=*/false).running.empty());
  // The legacy dialect's events.
  RunMarks legacy =
      MarksOf({Event(1, "StepEntered", "a"), Event(2, "StepExited", "a"),
               Event(3, "StepEntered", "b"), Event(4, "StepFailed", "b")},
              true);
  CHECK(legacy.visited == std::set<std::string>{"a", "b"});
  CHECK(legacy.failed == std::set<std::string>{"b"});
  CHECK(legacy.running.empty());
}

constexpr char kCloudFlow[] = R"(Type: StateMachine
SpecVersion: v1
StartAt: "<script>&amp;"
States:
  - Type: Pass
    Name: "<script>&amp;"
    Next: Fan
  - Type: Map
    Name: Fan
    ItemsPath: $Input.items
    Processor:
      StartAt: Item
      States:
        - Type: Pass
          Name: Item
          End: true
    Next: Boom
  - Type: Fail
    Name: Boom
    Code: Broken
)";

TEST_CASE("DefinitionSvg marks visited, failed and running states by id",
          "[console]") {
  RunMarks marks;
  marks.visited = {"<script>&amp;", "Fan", "Item", "Boom"};
  marks.failed = {"Boom"};
  marks.running = {"Item"};
  std::string svg = DefinitionSvg(kCloudFlow, &marks);
  REQUIRE(svg.rfind("<svg ", 0) == 0);
  CHECK(svg.find("<g id=\"state_n0\" class=\"node state visited\">") !=
        std::string::npos);
  CHECK(svg.find("<g id=\"state_n1\" class=\"node state visited\">") !=
        std::string::npos);
  CHECK(svg.find("<g id=\"state_n3\" class=\"node state visited running\">") !=
        std::string::npos);
  CHECK(svg.find("<g id=\"state_n2\" class=\"node state visited failed\">") !=
        std::string::npos);
  // The name is text: '<' escaped, and "&amp;" shown as typed.
  CHECK(svg.find(">&lt;script&gt;&amp;amp;</text>") != std::string::npos);
  CHECK(svg.find("<script") == std::string::npos);
  // The Map and its processor are nested boxes.
  CHECK(svg.find("<title>cluster_c0</title>") != std::string::npos);
  CHECK(svg.find(">Fan (Map)</text>") != std::string::npos);
  CHECK(svg.find(">Processor</text>") != std::string::npos);
  // Without marks: the plain diagram.
  std::string plain = DefinitionSvg(kCloudFlow, nullptr);
  CHECK(Count(plain, "class=\"node state\"") == 4);
  CHECK(plain.find("visited") == std::string::npos);
  CHECK(DefinitionSvg("Type: StateMachine\n", nullptr).empty());
}

TEST_CASE("DefinitionSvg draws the legacy dialect with nested boxes",
          "[console]") {
  const char legacy[] = R"(version: v1
type: flow
steps:
  - type: pass
    name: first
  - type: parallel
    name: both
    branches:
      - steps:
          - type: pass
            name: left
      - steps:
          - type: pass
            name: right
)";
  RunMarks marks;
  marks.visited = {"first", "left"};
  std::string svg = DefinitionSvg(legacy, &marks);
  CHECK(svg.find(">both (parallel)</text>") != std::string::npos);
  CHECK(svg.find(">Branch 2</text>") != std::string::npos);
  CHECK(Count(svg, "class=\"node state visited\"") == 2);
  CHECK(Count(svg, "class=\"node state\"") == 2);
}

Execution RunningExecution() {
  Execution e;
  e.flow_name = "orders";
  e.name = "e<1>";
  e.input = R"({"note":"<script>alert(1)</script>"})";
  e.status = ExecutionStatus::kRunning;
  e.started_time = "2019-01-01T01:01:01.001Z";
  return e;
}

TEST_CASE(
    "ExecutionPage escapes every user string and offers Stop while "
    "running",
    "[console]") {
  Execution e = RunningExecution();
  RunMarks marks;
  marks.visited = {"A<b>"};
  marks.running = {"A<b>"};
  marks.fans = {{"Fan", "iterations", 5, 3}};
  std::string page = ExecutionPage(
      e, {Event(1, "ExecutionStarted", "", e.input)}, marks, "", "CSRF1");
  CHECK(page.find("<title>e&lt;1&gt; - fnf console</title>") !=
        std::string::npos);
  CHECK(page.find("<h1>e&lt;1&gt;</h1>") != std::string::npos);
  CHECK(page.find("&lt;script&gt;alert(1)&lt;/script&gt;") !=
        std::string::npos);
  CHECK(Count(page, "<script") == 1);  // console.js only
  CHECK(page.find("<body data-live=\"1\">") != std::string::npos);
  CHECK(page.find("<dt>Running</dt><dd class=\"running\">A&lt;b&gt;</dd>") !=
        std::string::npos);
  CHECK(page.find("<li><b>Fan</b>: 3 of 5 iterations done, 2 running</li>") !=
        std::string::npos);
  CHECK(page.find("<form method=\"post\" action=\"/console/stop\" "
                  "class=\"stop inline\"><input type=\"hidden\" "
                  "name=\"csrf\" value=\"CSRF1\"><input type=\"hidden\" "
                  "name=\"flow\" value=\"orders\"><input type=\"hidden\" "
                  "name=\"name\" value=\"e&lt;1&gt;\">") != std::string::npos);
  CHECK(page.find("href=\"/console/flow?name=orders\"") != std::string::npos);
  CHECK(page.find("<p class=\"muted\">The definition cannot be drawn.</p>") !=
        std::string::npos);

  e.status = ExecutionStatus::kFailed;
  e.error_code = "Err<x>";
  e.error_message = "bad & worse";
  page = ExecutionPage(e, {}, {}, "<svg></svg>", "CSRF1");
  CHECK(page.find("action=\"/console/stop\"") == std::string::npos);
  CHECK(page.find("<body>") != std::string::npos);
  CHECK(page.find("<span class=\"error\">Err&lt;x&gt;</span>") !=
        std::string::npos);
  CHECK(page.find("<dt>Cause</dt><dd>bad &amp; worse</dd>") !=
        std::string::npos);
  CHECK(page.find("<span class=\"status Failed\">Failed</span>") !=
        std::string::npos);
}

TEST_CASE("FlowsPage and FlowPage: rows, filters and paging", "[console]") {
  Flow flow{.name = "orders",
            .definition = "Name: <x>",
            .description = "fan <out>",
            .execution_mode = "Standard",
            .last_modified_time = "2019-01-01T01:01:01.001Z"};
  std::string flows = FlowsPage({{flow, 2, 5}});
  CHECK(flows.find("<tr><td class=\"name\"><a "
                   "href=\"/console/flow?name=orders\">orders</a></td>"
                   "<td>Standard</td><td class=\"desc\">fan &lt;out&gt;</td>"
                   "<td class=\"desc\">2019-01-01T01:01:01.001Z</td><td>2</td>"
                   "<td>5</td></tr>") != std::string::npos);
  CHECK(FlowsPage({}).find("No flows yet.") != std::string::npos);

  ExecutionList list;
  list.status = "Running";
  list.name_prefix = "a b";
  list.page_token = "e20";
  list.page.items = {RunningExecution()};
  list.page.next_token = "e40";
  std::string page = FlowPage(flow, "", list, "CSRF2");
  CHECK(page.find("<option selected>Running</option>") != std::string::npos);
  CHECK(page.find("<input name=\"prefix\" value=\"a b\">") !=
        std::string::npos);
  CHECK(page.find("href=\"/console/execution?flow=orders&amp;name=e%3C1%3E\">"
                  "e&lt;1&gt;</a>") != std::string::npos);
  CHECK(page.find("<a href=\"/console/flow?name=orders&amp;status=Running&amp;"
                  "prefix=a%20b&amp;next=e40\" rel=\"next\">Next page</a>") !=
        std::string::npos);
  CHECK(page.find("<a href=\"/console/flow?name=orders&amp;status=Running&amp;"
                  "prefix=a%20b\">First page</a>") != std::string::npos);
  CHECK(page.find("<pre>Name: &lt;x&gt;</pre>") != std::string::npos);
  CHECK(page.find("name=\"csrf\" value=\"CSRF2\"") != std::string::npos);
}

}  // namespace
}  // namespace fnf::console
