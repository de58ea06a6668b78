#include "console/console.h"

#include <array>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "fnf/types.h"

#include "console/html.h"
#include "console/pages.h"
#include "console/run_marks.h"
#include "console/svg.h"
#include "server/crypto.h"
#include "server/form.h"

namespace fnf::console {
namespace {

using server::Pairs;

// Executions per page of a flow page.
constexpr int kPageSize = 20;

const std::string* Find(const Pairs& pairs, std::string_view key) {
  for (const auto& [k, v] : pairs) {
    if (k == key) return &v;
  }
  return nullptr;
}

std::string Value(const Pairs& pairs, std::string_view key) {
  const std::string* v = Find(pairs, key);
  return v ? *v : std::string();
}

// The value of cookie `name` in the Cookie header, or nullptr.
std::optional<std::string> CookieValue(const HttpRequest& request,
                                       const std::string& name) {
  for (const auto& [header, value] : request.headers) {
    if (header != "cookie") continue;
    size_t at = 0;
    while (at < value.size()) {
      size_t end = value.find(';', at);
      if (end == std::string::npos) end = value.size();
      std::string_view part(value.data() + at, end - at);
      while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
      size_t eq = part.find('=');
      if (eq != std::string_view::npos && part.substr(0, eq) == name) {
        return std::string(part.substr(eq + 1));
      }
      at = end + 1;
    }
  }
  return std::nullopt;
}

// One cookie per port: two servers on one host keep their own tokens (cookies
// do not tell ports apart).
std::string CookieName(const HttpRequest& request) {
  const std::string* host = request.Header("host");
  std::string port;
  if (host != nullptr) {
    size_t colon = host->rfind(':');
    size_t bracket = host->rfind(']');
    if (colon != std::string::npos &&
        (bracket == std::string::npos || colon > bracket)) {
      port = host->substr(colon + 1);
    }
  }
  if (port.empty() || port.size() > 5 ||
      port.find_first_not_of("0123456789") != std::string::npos) {
    return "fnf_console";
  }
  return "fnf_console_" + port;
}

HttpResponse Answer(int status, std::string content_type, std::string body) {
  HttpResponse response;
  response.status = status;
  response.content_type = std::move(content_type);
  response.body = std::move(body);
  // Nothing but the console's own files; no framing; the token in a page's
  // URL goes to no other site (same-origin, not no-referrer: with that
  // Chromium sends "Origin: null" on the console's own forms).
  response.headers = {
      {"Content-Security-Policy",
       "default-src 'none'; style-src 'self'; script-src 'self'; "
       "connect-src 'self'; img-src 'self' data:; form-action 'self'; "
       "frame-ancestors 'none'; base-uri 'none'"},
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "same-origin"},
      {"Cache-Control", "no-store"},
  };
  return response;
}

HttpResponse Html(int status, std::string body) {
  return Answer(status, "text/html; charset=utf-8", std::move(body));
}

HttpResponse Message(int status, const std::string& title,
                     const std::string& message) {
  return Html(status, MessagePage(title, message));
}

HttpResponse Redirect(const std::string& location) {
  HttpResponse response = Answer(303, "text/plain; charset=utf-8", "");
  response.headers.emplace_back("Location", location);
  return response;
}

HttpResponse EngineError(const Status& status) {
  bool missing = status.error_code() == ErrorCode::kFlowNotExists ||
                 status.error_code() == ErrorCode::kExecutionNotExists;
  return Message(missing ? 404 : 400, missing ? "Not found" : "Refused",
                 status.code() + ": " + status.message());
}

// The number of executions of `flow` (with `status`, "" for any).
int CountExecutions(Engine& engine, const std::string& flow,
                    const std::string& status) {
  int count = 0;
  ListRequest request{.flow_name = flow, .limit = 99, .status = status};
  for (;;) {
    auto page = engine.ListExecutions(request);
    if (!page.ok()) return count;
    count += static_cast<int>(page->items.size());
    if (page->next_token.empty()) return count;
    request.next_token = page->next_token;
  }
}

}  // namespace

std::string NewToken() {
  std::random_device device;  // the kernel's random source
  std::string token;
  const char* hex = "0123456789abcdef";
  for (int i = 0; i < 4; ++i) {
    uint32_t word = device();
    for (int j = 0; j < 8; ++j) {
      token += hex[word & 0xf];
      word >>= 4;
    }
  }
  return token;
}

Console::Console(Engine& engine, ConsoleOptions options)
    : engine_(engine), options_(std::move(options)), form_token_(NewToken()) {}

HttpResponse Console::Handle(const HttpRequest& request) {
  if (request.path == "/console") {
    // Keeps the query: "/console?token=..." works as typed.
    return Redirect(request.query.empty() ? "/console/"
                                          : "/console/?" + request.query);
  }
  if (request.path.rfind("/console/", 0) != 0) {
    return Message(404, "Not found", "There is no page " + request.path + ".");
  }
  Pairs query;
  if (!server::ParseForm(request.query, "query", &query).ok()) query.clear();
  // The token: from the query (and then remembered in a cookie), else from
  // the cookie. A wrong query token is refused even with a good cookie.
  const std::string cookie = CookieName(request);
  bool from_query = false;
  bool granted = false;
  if (const std::string* token = Find(query, "token")) {
    granted = server::ConstantTimeEquals(*token, options_.token);
    from_query = granted;
  } else if (auto value = CookieValue(request, cookie)) {
    granted = server::ConstantTimeEquals(*value, options_.token);
  }
  // An empty token (a host's mistake) opens nothing.
  if (!granted || options_.token.empty()) {
    return Message(401, "Token needed",
                   "This console needs its token: open the address fnf serve "
                   "printed (console at http://.../console/?token=...).");
  }
  const std::string page = request.path.substr(std::string("/console").size());
  HttpResponse response;
  if (request.method == "GET" || request.method == "HEAD") {
    response = Get(page, request);
  } else if (request.method == "POST") {
    response = Post(page, request);
  } else {
    response = Message(405, "Method not allowed",
                       "The console takes GET, and POST from its forms.");
    response.headers.emplace_back("Allow", "GET, POST");
  }
  if (from_query) {
    response.headers.emplace_back(
        "Set-Cookie", cookie + "=" + options_.token +
                          "; Path=/console/; HttpOnly; SameSite=Strict");
  }
  return response;
}

HttpResponse Console::Get(const std::string& page, const HttpRequest& request) {
  Pairs query;
  (void)server::ParseForm(request.query, "query", &query);
  if (page == "/style.css") {
    return Answer(200, "text/css; charset=utf-8", std::string(StyleSheet()));
  }
  if (page == "/console.js") {
    return Answer(200, "text/javascript; charset=utf-8", std::string(Script()));
  }
  if (page == "/" || page == "/index.html") {
    std::vector<FlowRow> rows;
    ListRequest list{.limit = 999};
    for (;;) {
      auto flows = engine_.ListFlows(list);
      if (!flows.ok()) return EngineError(flows.status());
      for (Flow& flow : flows->items) {
        FlowRow row{std::move(flow)};
        row.running = CountExecutions(engine_, row.flow.name, "Running");
        row.ended = CountExecutions(engine_, row.flow.name, "") - row.running;
        rows.push_back(std::move(row));
      }
      if (flows->next_token.empty()) break;
      list.next_token = flows->next_token;
    }
    return Html(200, FlowsPage(rows));
  }
  if (page == "/flow") {
    auto flow = engine_.DescribeFlow(Value(query, "name"));
    if (!flow.ok()) return EngineError(flow.status());
    ExecutionList list;
    list.status = Value(query, "status");
    list.name_prefix = Value(query, "prefix");
    list.page_token = Value(query, "next");
    auto executions = engine_.ListExecutions({.flow_name = flow->name,
                                              .limit = kPageSize,
                                              .next_token = list.page_token,
                                              .name_prefix = list.name_prefix,
                                              .status = list.status});
    if (executions.ok()) {
      list.page = std::move(*executions);
    } else {
      list.error =
          executions.status().code() + ": " + executions.status().message();
    }
    std::string svg = DefinitionSvg(flow->definition, nullptr);
    return Html(200, FlowPage(*flow, svg, list, form_token_));
  }
  if (page == "/execution") {
    const std::string flow = Value(query, "flow"), name = Value(query, "name");
    auto execution = engine_.DescribeExecution(flow, name);
    if (!execution.ok()) return EngineError(execution.status());
    std::vector<HistoryEvent> events;
    std::string next;
    for (;;) {
      auto history = engine_.GetExecutionHistory(flow, name, 0, next);
      if (!history.ok()) return EngineError(history.status());
      for (HistoryEvent& e : history->items) events.push_back(std::move(e));
      if (history->next_token.empty()) break;
      next = history->next_token;
    }
    RunMarks marks = MarksOf(events, !IsTerminal(execution->status));
    std::string svg = DefinitionSvg(execution->flow_definition, &marks);
    return Html(200,
                ExecutionPage(*execution, events, marks, svg, form_token_));
  }
  return Message(404, "Not found", "There is no page /console" + page + ".");
}

HttpResponse Console::Post(const std::string& page,
                           const HttpRequest& request) {
  if (page != "/start" && page != "/stop") {
    return Message(404, "Not found", "There is no form /console" + page + ".");
  }
  // A form from another site: the browser names that site in Origin.
  const std::string* origin = request.Header("origin");
  const std::string* host = request.Header("host");
  if (origin != nullptr &&
      (host == nullptr ||
       (*origin != "http://" + *host && *origin != "https://" + *host))) {
    return Message(
        403, "Forbidden",
        "The form was sent from another site (Origin " + *origin + ").");
  }
  Pairs form;
  if (Status s = server::ParseForm(request.body, "body", &form); !s.ok()) {
    return Message(400, "Refused", s.message());
  }
  if (!server::ConstantTimeEquals(Value(form, "csrf"), form_token_)) {
    return Message(403, "Forbidden",
                   "The form's token is missing or stale: reload the page and "
                   "send the form again.");
  }
  const std::string flow = Value(form, "flow"), name = Value(form, "name");
  if (page == "/start") {
    auto started = engine_.StartExecution({.flow_name = flow,
                                           .execution_name = name,
                                           .input = Value(form, "input")});
    if (options_.after_change) options_.after_change();
    if (!started.ok()) return EngineError(started.status());
    return Redirect(ExecutionUrl(flow, started->name));
  }
  auto stopped = engine_.StopExecution({.flow_name = flow,
                                        .execution_name = name,
                                        .error = Value(form, "error"),
                                        .cause = Value(form, "cause")});
  if (options_.after_change) options_.after_change();
  if (!stopped.ok()) return EngineError(stopped.status());
  return Redirect(ExecutionUrl(flow, name));
}

}  // namespace fnf::console
