#include "console/pages.h"

#include <string>
#include <vector>

#include "console/html.h"

namespace fnf::console {
namespace {

constexpr const char* kStatuses[] = {"Running", "Succeeded", "Failed",
                                     "Stopped", "TimedOut"};

std::string Badge(std::string_view status) {
  return "<span class=\"status " + Escape(status) + "\">" + Escape(status) +
         "</span>";
}

std::string Nav(const std::string& flow_name) {
  return " <nav><a href=\"" + Escape(FlowUrl(flow_name)) + "\">" +
         Escape(flow_name) + "</a></nav>";
}

std::string Hidden(const char* name, const std::string& value) {
  return std::string("<input type=\"hidden\" name=\"") + name + "\" value=\"" +
         Escape(value) + "\">";
}

// A JSON text as a block: pretty-printed, escaped.
std::string JsonBlock(const std::string& text) {
  if (text.empty()) return "<p class=\"muted\">(none)</p>\n";
  return "<pre>" + Escape(PrettyJson(text)) + "</pre>\n";
}

std::string Fact(const char* name, const std::string& html) {
  return std::string("<dt>") + name + "</dt><dd>" + html + "</dd>\n";
}

std::string DiagramSection(const std::string& svg, bool marked) {
  std::string html = "<h2>Diagram</h2>\n<div class=\"diagram\" id=\"diagram\"";
  html += marked ? " data-live=\"1\">" : ">";
  html += svg.empty() ? "<p class=\"muted\">The definition cannot be drawn.</p>"
                      : svg;
  html += "</div>\n";
  if (marked) {
    html +=
        "<p class=\"legend\"><span><i class=\"v\"></i>visited</span>"
        "<span><i class=\"r\"></i>running</span>"
        "<span><i class=\"f\"></i>failed</span></p>\n";
  }
  return html;
}

std::string StartForm(const std::string& flow_name, const std::string& input,
                      const std::string& csrf) {
  return "<form method=\"post\" action=\"/console/start\" class=\"start\">" +
         Hidden("csrf", csrf) + Hidden("flow", flow_name) +
         "<p><label>Execution name (optional: a generated one)"
         "<input name=\"name\" maxlength=\"128\"></label></p>"
         "<p><label>Input (a JSON object)<textarea name=\"input\" "
         "spellcheck=\"false\">" +
         Escape(input) +
         "</textarea></label></p>"
         "<p><button type=\"submit\">Start execution</button></p></form>\n";
}

std::string ExecutionRows(const std::string& flow_name,
                          const std::vector<Execution>& executions) {
  std::string html;
  for (const Execution& e : executions) {
    html += "<tr><td class=\"name\"><a href=\"" +
            Escape(ExecutionUrl(flow_name, e.name)) + "\">" + Escape(e.name) +
            "</a></td><td>" + Badge(ToString(e.status)) +
            "</td><td class=\"time\">" + Escape(e.started_time) +
            "</td><td class=\"time\">" + Escape(e.stopped_time) +
            "</td></tr>\n";
  }
  return html;
}

std::string ListUrl(const std::string& flow_name, const ExecutionList& list,
                    const std::string& token) {
  std::string url = FlowUrl(flow_name);
  if (!list.status.empty()) url += "&status=" + QueryValue(list.status);
  if (!list.name_prefix.empty()) {
    url += "&prefix=" + QueryValue(list.name_prefix);
  }
  if (!token.empty()) url += "&next=" + QueryValue(token);
  return url;
}

std::string FilterForm(const std::string& flow_name,
                       const ExecutionList& list) {
  std::string html =
      "<form method=\"get\" action=\"/console/flow\" class=\"inline\">" +
      Hidden("name", flow_name) +
      "<label>Status<select name=\"status\"><option value=\"\">any</option>";
  for (const char* status : kStatuses) {
    html += std::string("<option") +
            (list.status == status ? " selected" : "") + ">" + status +
            "</option>";
  }
  html +=
      "</select></label><label>Name starts with<input name=\"prefix\" "
      "value=\"" +
      Escape(list.name_prefix) +
      "\"></label><button type=\"submit\">Filter</button></form>\n";
  return html;
}

std::string HistoryTable(const std::vector<HistoryEvent>& events) {
  std::string html =
      "<div class=\"scroll\"><table class=\"history\"><thead><tr><th>Id</th>"
      "<th class=\"time\">Time</th><th>Type</th><th>State</th>"
      "<th>Detail</th></tr></thead><tbody>\n";
  for (const HistoryEvent& e : events) {
    html += "<tr><td>" + std::to_string(e.event_id) +
            "</td><td class=\"time\">" + Escape(e.time) + "</td><td>" +
            Escape(e.type) + "</td><td class=\"name\">" + Escape(e.step_name) +
            "</td><td>";
    if (e.event_detail.empty() || e.event_detail == "{}") {
      html += "<span class=\"muted\">-</span>";
    } else {
      html += "<details><summary>" + Escape(e.event_detail) +
              "</summary><pre>" + Escape(PrettyJson(e.event_detail)) +
              "</pre></details>";
    }
    html += "</td></tr>\n";
  }
  return html + "</tbody></table></div>\n";
}

std::string Progress(const RunMarks& marks) {
  if (marks.fans.empty()) return "";
  std::string html = "<ul class=\"progress\">";
  for (const FanProgress& fan : marks.fans) {
    html += "<li><b>" + Escape(fan.state) +
            "</b>: " + std::to_string(fan.ended) + " of " +
            std::to_string(fan.started) + " " + fan.kind + " done, " +
            std::to_string(fan.started - fan.ended) + " running</li>";
  }
  return html + "</ul>\n";
}

std::string StateList(const char* label, const std::set<std::string>& names,
                      const char* css) {
  if (names.empty()) return "";
  std::string html =
      std::string("<dt>") + label + "</dt><dd class=\"" + css + "\">";
  bool first = true;
  for (const std::string& name : names) {
    html += (first ? "" : ", ") + Escape(name);
    first = false;
  }
  return html + "</dd>\n";
}

}  // namespace

std::string FlowUrl(const std::string& flow_name) {
  return "/console/flow?name=" + QueryValue(flow_name);
}

std::string ExecutionUrl(const std::string& flow_name,
                         const std::string& execution_name) {
  return "/console/execution?flow=" + QueryValue(flow_name) +
         "&name=" + QueryValue(execution_name);
}

std::string FlowsPage(const std::vector<FlowRow>& flows) {
  std::string body;
  if (flows.empty()) {
    body =
        "<p class=\"muted\">No flows yet. Create one through the API "
        "(CreateFlow, with any Alibaba Cloud SDK or the aliyun CLI).</p>\n";
    return PageFrame("Flows", "", body, /*live=*/false);
  }
  body =
      "<div class=\"scroll\"><table class=\"flows\"><thead><tr><th>Flow</th>"
      "<th>Mode</th><th class=\"desc\">Description</th><th "
      "class=\"desc\">Last modified</th><th>Running</th><th>Ended</th></tr>"
      "</thead><tbody>\n";
  for (const FlowRow& row : flows) {
    body += "<tr><td class=\"name\"><a href=\"" +
            Escape(FlowUrl(row.flow.name)) + "\">" + Escape(row.flow.name) +
            "</a></td><td>" + Escape(row.flow.execution_mode) +
            "</td><td class=\"desc\">" + Escape(row.flow.description) +
            "</td><td class=\"desc\">" + Escape(row.flow.last_modified_time) +
            "</td><td>" + std::to_string(row.running) + "</td><td>" +
            std::to_string(row.ended) + "</td></tr>\n";
  }
  body += "</tbody></table></div>\n";
  return PageFrame("Flows", "", body, /*live=*/false);
}

std::string FlowPage(const Flow& flow, const std::string& svg,
                     const ExecutionList& executions, const std::string& csrf) {
  // Two columns on a wide screen: the facts and executions beside the picture.
  std::string body = "<div class=\"columns\"><div>\n<dl class=\"facts\">\n";
  body += Fact("Mode", Escape(flow.execution_mode));
  if (!flow.description.empty()) {
    body += Fact("Description", Escape(flow.description));
  }
  body += Fact("Created", Escape(flow.created_time));
  body += Fact("Last modified", Escape(flow.last_modified_time));
  body += "</dl>\n";
  body += "<h2>Executions</h2>\n" + FilterForm(flow.name, executions);
  if (!executions.error.empty()) {
    body += "<p class=\"error\">" + Escape(executions.error) + "</p>\n";
  } else if (executions.page.items.empty()) {
    body += "<p class=\"muted\">No executions.</p>\n";
  } else {
    body +=
        "<div class=\"scroll\"><table class=\"executions\"><thead><tr>"
        "<th>Execution</th><th>Status</th><th class=\"time\">Started</th>"
        "<th class=\"time\">Stopped</th></tr></thead><tbody>\n" +
        ExecutionRows(flow.name, executions.page.items) +
        "</tbody></table></div>\n";
  }
  if (!executions.page_token.empty() || !executions.page.next_token.empty()) {
    body += "<p class=\"paging\">";
    if (!executions.page_token.empty()) {
      body += "<a href=\"" + Escape(ListUrl(flow.name, executions, "")) +
              "\">First page</a>";
    }
    if (!executions.page.next_token.empty()) {
      body +=
          "<a href=\"" +
          Escape(ListUrl(flow.name, executions, executions.page.next_token)) +
          "\" rel=\"next\">Next page</a>";
    }
    body += "</p>\n";
  }
  body += "<h2>Start an execution</h2>\n" + StartForm(flow.name, "{}", csrf);
  body += "</div><div>\n" + DiagramSection(svg, /*marked=*/false) +
          "</div></div>\n";
  body += "<h2>Definition</h2>\n<pre>" + Escape(flow.definition) + "</pre>\n";
  return PageFrame(flow.name, "", body, /*live=*/false);
}

std::string ExecutionPage(const Execution& execution,
                          const std::vector<HistoryEvent>& events,
                          const RunMarks& marks, const std::string& svg,
                          const std::string& csrf) {
  const bool running = !IsTerminal(execution.status);
  // Two columns on a wide screen: the facts beside the picture.
  std::string body =
      "<div class=\"columns\"><div>\n<section id=\"summary\" "
      "data-live=\"1\">\n";
  body += "<dl class=\"facts\">\n";
  body += Fact("Status", Badge(ToString(execution.status)));
  body += Fact("Flow", "<a href=\"" + Escape(FlowUrl(execution.flow_name)) +
                           "\">" + Escape(execution.flow_name) + "</a>");
  body += Fact("Started", Escape(execution.started_time));
  if (!execution.stopped_time.empty()) {
    body += Fact("Stopped", Escape(execution.stopped_time));
  }
  if (!execution.error_code.empty()) {
    body += Fact("Error", "<span class=\"error\">" +
                              Escape(execution.error_code) + "</span>");
  }
  if (!execution.error_message.empty()) {
    body += Fact("Cause", Escape(execution.error_message));
  }
  body += StateList("Visited", marks.visited, "visited");
  body += StateList("Running", marks.running, "running");
  body += StateList("Failed", marks.failed, "failed");
  body += "</dl>\n" + Progress(marks);
  body += "<h2>Output</h2>\n" + JsonBlock(execution.output);
  body += "</section>\n";
  if (running) {
    body += std::string(
                "<section id=\"stop\" data-live=\"1\"><form method="
                "\"post\" action=\"/console/stop\" class=\"stop inline\">") +
            Hidden("csrf", csrf) + Hidden("flow", execution.flow_name) +
            Hidden("name", execution.name) +
            "<label>Error (optional)<input name=\"error\" maxlength=\"128\">"
            "</label><label>Cause (optional)<input name=\"cause\" "
            "maxlength=\"4096\"></label>"
            "<button type=\"submit\" class=\"stop\">Stop execution</button>"
            "</form></section>\n";
  }
  body += "<h2>Input</h2>\n" + JsonBlock(execution.input);
  body +=
      "</div><div>\n" + DiagramSection(svg, /*marked=*/true) + "</div></div>\n";
  body += "<section id=\"history\" data-live=\"1\">\n<h2>History (" +
          std::to_string(events.size()) + " events)</h2>\n" +
          HistoryTable(events) + "</section>\n";
  body += "<h2>Start another execution</h2>\n" +
          StartForm(execution.flow_name, execution.input, csrf);
  return PageFrame(execution.name, Nav(execution.flow_name), body, running);
}

std::string MessagePage(const std::string& title, const std::string& message) {
  return PageFrame(title, "", "<p>" + Escape(message) + "</p>\n",
                   /*live=*/false);
}

}  // namespace fnf::console
