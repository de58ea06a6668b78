// Console::Handle in process, on a manual-mode engine: the token (query, then
// cookie), the form token and Origin checks on the POST forms, and Start and
// Stop reaching the engine.
#include "console/console.h"

#include <regex>
#include <string>

#include "fnf/fnf.h"

#include "tests/testing/catch.h"

namespace fnf::console {
namespace {

constexpr char kToken[] = "secret-token-1";
constexpr char kCookie[] = "fnf_console_8080=secret-token-1";

const char kWaits[] =
    "Type: StateMachine\nSpecVersion: v1\nStartAt: Ask\nStates:\n"
    "  - Type: Task\n    Name: Ask\n    Action: 'MNS:SendMessage'\n"
    "    TaskMode: WaitForCustomCallback\n    End: true\n";

struct Fixture {
  Fixture() : engine(EngineOptions{.worker_threads = 0}) {
    engine.SetDefaultTaskHandler(
        [](const TaskRequest&) { return TaskResult::Pending(); });
    REQUIRE(engine.CreateFlow({.name = "f", .definition = kWaits}).ok());
  }

  HttpResponse Send(std::string method, std::string path, std::string query,
                    std::vector<std::pair<std::string, std::string>> headers,
                    std::string body = "") {
    HttpRequest request{.method = std::move(method),
                        .path = std::move(path),
                        .query = std::move(query),
                        .headers = std::move(headers),
                        .body = std::move(body)};
    request.headers.emplace_back("host", "127.0.0.1:8080");
    return console.Handle(request);
  }
  HttpResponse Page(std::string path, std::string query = "") {
    return Send("GET", std::move(path), std::move(query),
                {{"cookie", std::string("a=b; ") + kCookie}});
  }
  HttpResponse Form(std::string path, std::string body,
                    std::string origin = "http://127.0.0.1:8080") {
    std::vector<std::pair<std::string, std::string>> headers = {
        {"cookie", kCookie},
        {"content-type", "application/x-www-form-urlencoded"}};
    if (!origin.empty()) headers.emplace_back("origin", origin);
    return Send("POST", std::move(path), "", std::move(headers),
                std::move(body));
  }
  // The form token of the flow page, as a browser would send it.
  std::string FormToken() {
    std::smatch m;
    std::string page = Page("/console/flow", "name=f").body;
    REQUIRE(std::regex_search(
        page, m, std::regex("name=\"csrf\" value=\"([0-9a-f]{32})\"")));
    return m[1].str();
  }
  static std::string Header(const HttpResponse& r, const std::string& name) {
    for (const auto& [k, v] : r.headers) {
      if (k == name) return v;
    }
    return "";
  }

  Engine engine;
  int changes = 0;
  Console console{engine,
                  {.token = kToken, .after_change = [this] { ++changes; }}};
};

TEST_CASE(
    "Console: no token or a wrong one is 401; the query token sets the "
    "cookie",
    "[console]") {
  Fixture f;
  CHECK(f.Send("GET", "/console/", "", {}).status == 401);
  CHECK(f.Send("GET", "/console/style.css", "", {}).status == 401);
  CHECK(f.Send("GET", "/console/", "token=secret-token-2", {}).status == 401);
  CHECK(f.Send("GET", "/console/", "", {{"cookie", "fnf_console_8080=x"}})
            .status == 401);
  // A cookie of another port's console is not this one's.
  CHECK(f.Send("GET", "/console/", "",
               {{"cookie", "fnf_console_9090=secret-token-1"}})
            .status == 401);
  // A wrong query token is refused even next to a good cookie.
  CHECK(
      f.Send("GET", "/console/", "token=nope", {{"cookie", kCookie}}).status ==
      401);
  HttpResponse first = f.Send("GET", "/console/", "token=secret-token-1", {});
  CHECK(first.status == 200);
  CHECK(Fixture::Header(first, "Set-Cookie") ==
        "fnf_console_8080=secret-token-1; Path=/console/; HttpOnly; "
        "SameSite=Strict");
  CHECK(first.content_type == "text/html; charset=utf-8");
  HttpResponse next = f.Page("/console/");
  CHECK(next.status == 200);
  CHECK(Fixture::Header(next, "Set-Cookie").empty());
  CHECK(f.Page("/console/style.css").content_type == "text/css; charset=utf-8");
  CHECK(f.Page("/console/nowhere").status == 404);
  CHECK(f.Page("/console/flow", "name=missing").status == 404);
  CHECK(f.Send("GET", "/console", "", {}).status == 303);
  CHECK(Fixture::Header(f.Send("GET", "/console", "token=t", {}), "Location") ==
        "/console/?token=t");
  CHECK(f.Send("PUT", "/console/", "", {{"cookie", kCookie}}).status == 405);
}

TEST_CASE(
    "Console: Start and Stop need the page's form token and this "
    "origin",
    "[console]") {
  Fixture f;
  const std::string csrf = f.FormToken();
  CHECK(f.Form("/console/start", "flow=f&name=x").status == 403);
  CHECK(f.Form("/console/start", "flow=f&name=x&csrf=" + csrf,
               "http://evil.example")
            .status == 403);
  CHECK(f.Form("/console/start", "flow=f&name=x&csrf=" + csrf, "null").status ==
        403);
  CHECK(f.changes == 0);
  CHECK(!f.engine.DescribeExecution("f", "x").ok());

  HttpResponse started =
      f.Form("/console/start",
             "flow=f&name=run_1&input=%7B%22a%22%3A1%7D&csrf=" + csrf);
  CHECK(started.status == 303);
  CHECK(Fixture::Header(started, "Location") ==
        "/console/execution?flow=f&name=run_1");
  CHECK(f.changes == 1);
  f.engine.RunUntilIdle();
  auto run = f.engine.DescribeExecution("f", "run_1");
  REQUIRE(run.ok());
  CHECK(run->input == R"({"a":1})");
  CHECK(run->status == ExecutionStatus::kRunning);

  // Without Origin (an older browser, curl): the form token alone decides.
  HttpResponse stopped =
      f.Form("/console/stop",
             "flow=f&name=run_1&error=Manual&cause=c&csrf=" + csrf, "");
  CHECK(stopped.status == 303);
  CHECK(f.changes == 2);
  run = f.engine.DescribeExecution("f", "run_1");
  REQUIRE(run.ok());
  CHECK(run->status == ExecutionStatus::kStopped);
  CHECK(run->error_code == "Manual");
  CHECK(run->error_message == "c");

  // The engine's refusals come back as pages with the code.
  HttpResponse again =
      f.Form("/console/stop", "flow=f&name=run_1&csrf=" + csrf);
  CHECK(again.status == 400);
  CHECK(again.body.find("ExecutionAlreadyCompleted: ") != std::string::npos);
  HttpResponse bad_input =
      f.Form("/console/start", "flow=f&input=%5B1&csrf=" + csrf);
  CHECK(bad_input.status == 400);
  CHECK(bad_input.body.find("InvalidArgument: ") != std::string::npos);
}

TEST_CASE("Console: an empty token opens nothing", "[console]") {
  Engine engine(EngineOptions{.worker_threads = 0});
  Console console(engine, {.token = ""});
  HttpRequest request{.method = "GET", .path = "/console/", .query = "token="};
  CHECK(console.Handle(request).status == 401);
  request.query = "";
  request.headers = {{"cookie", "fnf_console="}};
  CHECK(console.Handle(request).status == 401);
}

TEST_CASE("Console: the execution page shows its path through the flow",
          "[console]") {
  Fixture f;
  REQUIRE(
      f.engine.StartExecution({.flow_name = "f", .execution_name = "e1"}).ok());
  f.engine.RunUntilIdle();
  HttpResponse page = f.Page("/console/execution", "flow=f&name=e1");
  REQUIRE(page.status == 200);
  CHECK(page.body.find("<span class=\"status Running\">Running</span>") !=
        std::string::npos);
  CHECK(page.body.find("class=\"node state visited running\"") !=
        std::string::npos);
  CHECK(page.body.find("<td>TaskScheduled</td>") != std::string::npos);
  HttpResponse flows = f.Page("/console/");
  CHECK(flows.body.find("<td>1</td><td>0</td></tr>") != std::string::npos);
}

}  // namespace
}  // namespace fnf::console
