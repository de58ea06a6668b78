// `fnf serve` as a process: started on port 0, its port read from its first
// line, driven over HTTP, completed through a token from its log, stopped with
// SIGTERM.
#include <cstdio>
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "fnf/clock.h"

#include "tests/server/api_client.h"
#include "tests/testing/catch.h"
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace fnf::testing {
namespace {

// A running `fnf serve`, with its stdout and stderr as pipes read line by line.
class ServeProcess {
 public:
  explicit ServeProcess(std::vector<std::string> args) {
    int out[2], err[2];
    REQUIRE(::pipe(out) == 0);
    REQUIRE(::pipe(err) == 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err[1], 2);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    posix_spawn_file_actions_addclose(&actions, err[0]);
    args.insert(args.begin(), {FNF_TOOL_PATH, "serve"});
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    int rc = ::posix_spawn(&pid_, FNF_TOOL_PATH, &actions, nullptr, argv.data(),
                           environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(out[1]);
    ::close(err[1]);
    REQUIRE(rc == 0);
    out_ = ::fdopen(out[0], "r");
    err_ = ::fdopen(err[0], "r");
  }
  ~ServeProcess() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      Wait();
    }
    if (out_) std::fclose(out_);
    if (err_) std::fclose(err_);
  }

  // The next line (without its newline); "" at the end.
  static std::string ReadLine(FILE* f) {
    std::string line;
    for (int c; (c = std::fgetc(f)) != EOF && c != '\n';)
      line.push_back(static_cast<char>(c));
    return line;
  }
  std::string StdoutLine() { return ReadLine(out_); }
  // Reads stderr until a line matches `pattern`; returns the match's group 1.
  std::string StderrUntil(const std::regex& pattern) {
    for (;;) {
      std::string line = ReadLine(err_);
      if (line.empty() && std::feof(err_)) return "";
      stderr_ += line + "\n";
      std::smatch m;
      if (std::regex_search(line, m, pattern)) return m[1].str();
    }
  }
  // Sends SIGTERM, reads the rest of stderr and returns the exit status.
  int Terminate() {
    ::kill(pid_, SIGTERM);
    for (int c; (c = std::fgetc(err_)) != EOF;)
      stderr_.push_back(static_cast<char>(c));
    return Wait();
  }
  const std::string& stderr_text() const { return stderr_; }

  // Waits for the process to end by itself; returns its exit status.
  int Wait() {
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

 private:
  pid_t pid_ = -1;
  FILE* out_ = nullptr;
  FILE* err_ = nullptr;
  std::string stderr_;
};

int PortOf(const std::string& first_line) {
  std::smatch m;
  std::regex re("^fnf serve: listening on http://127\\.0\\.0\\.1:([0-9]+)$");
  REQUIRE(std::regex_match(first_line, m, re));
  return std::stoi(m[1].str());
}

TEST_CASE(
    "fnf serve: port 0, a callback completed with its logged token, SIGTERM") {
  ServeProcess serve({"--listen", "127.0.0.1:0", "--access-key-id", "ak",
                      "--access-key-secret", "sk"});
  int port = PortOf(serve.StdoutLine());
  ApiClient client(port, Clock::System());
  CallOptions o{.key_id = "ak", .secret = "sk"};
  const std::string definition =
      "Type: StateMachine\nSpecVersion: v1\nName: approve\nStartAt: "
      "Ask\nStates:\n"
      "  - Type: Task\n    Name: Ask\n    Action: 'MNS:SendMessage'\n"
      "    TaskMode: WaitForCustomCallback\n    End: true\n";
  REQUIRE(client
              .Call("CreateFlow",
                    {{"Name", "approve"}, {"Definition", definition}}, o)
              .status == 200);
  REQUIRE(client
              .Call("StartExecution",
                    {{"FlowName", "approve"}, {"ExecutionName", "e1"}}, o)
              .status == 200);
  std::string token = serve.StderrUntil(std::regex("TaskToken=(\\S+)"));
  REQUIRE(!token.empty());
  CHECK(serve.stderr_text().find(
            "fnf serve: task Ask of execution e1 (flow approve) waits for a "
            "callback: ReportTaskSucceeded or ReportTaskFailed with "
            "TaskToken=" +
            token) != std::string::npos);
  REQUIRE(client
              .Call("ReportTaskSucceeded",
                    {{"TaskToken", token}, {"Output", R"({"ok":1})"}}, o)
              .status == 200);
  ApiAnswer done =
      client.Call("DescribeExecution",
                  {{"FlowName", "approve"},
                   {"ExecutionName", "e1"},
                   {"WaitTimeSeconds", "30"}},
                  {.method = "GET", .key_id = "ak", .secret = "sk"});
  CHECK(done.Str("Status") == "Succeeded");
  CHECK(done.Str("Output") == R"({"ok":1})");
  CHECK(client.Call("ListFlows", {}, {.secret = "nope"}).Str("Code") ==
        "InvalidAccessKeyID");
  CHECK(serve.Terminate() == 0);
  CHECK(serve.stderr_text().find(" POST ReportTaskSucceeded 200 - ") !=
        std::string::npos);
  CHECK(serve.stderr_text().find(" GET DescribeExecution 200 - ") !=
        std::string::npos);
  CHECK(serve.stderr_text().find(" POST ListFlows 403 InvalidAccessKeyID ") !=
        std::string::npos);
  CHECK(serve.stderr_text().find("fnf serve: stopping (SIGTERM)") !=
        std::string::npos);
}

TEST_CASE(
    "fnf serve --virtual-time --mocks --no-auth --quiet: a 300 s Wait takes no "
    "real time") {
  char mocks_path[] = "/tmp/fnf-serve-mocks-XXXXXX";
  int fd = ::mkstemp(mocks_path);
  REQUIRE(fd >= 0);
  const std::string mocks = R"({"Call": [{"answer": 42}]})";
  REQUIRE(::write(fd, mocks.data(), mocks.size()) ==
          static_cast<ssize_t>(mocks.size()));
  ::close(fd);
  ServeProcess serve({"--listen=127.0.0.1:0", "--virtual-time", "--mocks",
                      mocks_path, "--no-auth", "--quiet"});
  int port = PortOf(serve.StdoutLine());
  ApiClient client(port, Clock::System());
  const std::string definition =
      "Type: StateMachine\nSpecVersion: v1\nName: slow\nStartAt: Nap\nStates:\n"
      "  - Type: Wait\n    Name: Nap\n    Seconds: 300\n    Next: Call\n"
      "  - Type: Task\n    Name: Call\n    Action: 'FC:InvokeFunction'\n    "
      "End: true\n";
  CallOptions unsigned_call{.sign = false};
  REQUIRE(client
              .Call("CreateFlow",
                    {{"Name", "slow"}, {"Definition", definition}},
                    unsigned_call)
              .status == 200);
  REQUIRE(client
              .Call("StartExecution",
                    {{"FlowName", "slow"}, {"ExecutionName", "e1"}},
                    unsigned_call)
              .status == 200);
  ApiAnswer done = client.Call("DescribeExecution",
                               {{"FlowName", "slow"},
                                {"ExecutionName", "e1"},
                                {"WaitTimeSeconds", "30"}},
                               {.method = "GET", .sign = false});
  CHECK(done.Str("Status") == "Succeeded");
  CHECK(done.Str("Output") == R"({"answer":42})");
  CHECK(serve.Terminate() == 0);
  // --quiet: no access log, only the stop notice.
  CHECK(serve.stderr_text() == "fnf serve: stopping (SIGTERM)\n");
  ::unlink(mocks_path);
}

TEST_CASE("fnf serve: bad arguments exit 2 with a message") {
  ServeProcess missing_keys({"--listen", "127.0.0.1:0"});
  CHECK(missing_keys.StdoutLine().empty());
  CHECK(missing_keys.StderrUntil(std::regex("^(fnf serve: .*)$")) ==
        "fnf serve: give the key pair clients sign with: --access-key-id ID "
        "--access-key-secret SECRET (or FNF_ACCESS_KEY_ID and "
        "FNF_ACCESS_KEY_SECRET), or "
        "--no-auth to accept unsigned requests");
  CHECK(missing_keys.Wait() == 2);
  ServeProcess bad_listen({"--listen", "localhost", "--no-auth"});
  CHECK(bad_listen.StderrUntil(std::regex("^(fnf serve: .*)$")) ==
        "fnf serve: --listen needs HOST:PORT with a port from 0 to 65535, got "
        "'localhost'");
  CHECK(bad_listen.Wait() == 2);
}

TEST_CASE("fnf serve: the console's address, --no-console, --console-token") {
#ifdef FNF_HAVE_CONSOLE
  ServeProcess given({"--listen", "127.0.0.1:0", "--no-auth", "--quiet",
                      "--console-token", "abcdefgh12"});
  int port = PortOf(given.StdoutLine());
  CHECK(given.StdoutLine() ==
        "fnf serve: console at http://127.0.0.1:" + std::to_string(port) +
            "/console/?token=abcdefgh12");
  httplib::Client http("127.0.0.1", port);
  auto refused = http.Get("/console/");
  REQUIRE(refused);
  CHECK(refused->status == 401);
  auto page = http.Get("/console/?token=abcdefgh12");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(given.Terminate() == 0);
  // A fresh random token per start.
  std::string tokens[2];
  for (std::string& token : tokens) {
    ServeProcess random({"--listen", "127.0.0.1:0", "--no-auth", "--quiet"});
    PortOf(random.StdoutLine());
    std::smatch m;
    std::string line = random.StdoutLine();
    CHECK(std::regex_match(
        line, m,
        std::regex("^fnf serve: console at http://127\\.0\\.0\\.1:[0-9]+"
                   "/console/\\?token=([0-9a-f]{32})$")));
    token = m[1].str();
    CHECK(random.Terminate() == 0);
  }
  CHECK(tokens[0] != tokens[1]);
#endif
  ServeProcess off(
      {"--listen", "127.0.0.1:0", "--no-auth", "--quiet", "--no-console"});
  int off_port = PortOf(off.StdoutLine());
  httplib::Client off_http("127.0.0.1", off_port);
  auto not_served = off_http.Get("/console/");
  REQUIRE(not_served);
  CHECK(not_served->status == 400);  // the API's "path not served"
  CHECK(off.Terminate() == 0);
  CHECK(off.StdoutLine().empty());  // no console line

  ServeProcess short_token({"--no-auth", "--console-token", "abc"});
  CHECK(short_token.StderrUntil(std::regex("^(fnf serve: .*)$")) ==
        "fnf serve: --console-token needs 8 to 256 letters, digits, '-', '_', "
        "'.' or '~', got 'abc'");
  CHECK(short_token.Wait() == 2);
  ServeProcess both(
      {"--no-auth", "--no-console", "--console-token", "abcdefgh"});
  CHECK(both.StderrUntil(std::regex("^(fnf serve: .*)$")) ==
        "fnf serve: --console-token and --no-console exclude each other");
  CHECK(both.Wait() == 2);
}

TEST_CASE(
    "fnf serve --store: a callback token and its execution survive kill -9 "
    "of the server") {
  char dir_template[] = "/tmp/fnf-serve-store-XXXXXX";
  REQUIRE(::mkdtemp(dir_template) != nullptr);
  const std::string db = std::string(dir_template) + "/fnf.db";
  const std::string definition =
      "Type: StateMachine\nSpecVersion: v1\nName: approve\nStartAt: "
      "Ask\nStates:\n"
      "  - Type: Task\n    Name: Ask\n    Action: 'MNS:SendMessage'\n"
      "    TaskMode: WaitForCustomCallback\n    End: true\n";
  CallOptions unsigned_call{.sign = false};
  std::string token;
  {
    ServeProcess serve({"--listen", "127.0.0.1:0", "--no-auth", "--store", db});
    ApiClient client(PortOf(serve.StdoutLine()), Clock::System());
    REQUIRE(client
                .Call("CreateFlow",
                      {{"Name", "approve"}, {"Definition", definition}},
                      unsigned_call)
                .status == 200);
    REQUIRE(client
                .Call("StartExecution",
                      {{"FlowName", "approve"},
                       {"ExecutionName", "e1"},
                       {"Input", R"({"n":1})"}},
                      unsigned_call)
                .status == 200);
    token = serve.StderrUntil(std::regex("TaskToken=(\\S+)"));
    REQUIRE(!token.empty());
  }  // SIGKILL: nothing is shut down cleanly
  ServeProcess serve({"--listen", "127.0.0.1:0", "--no-auth", "--store", db});
  ApiClient client(PortOf(serve.StdoutLine()), Clock::System());
  ApiAnswer running = client.Call(
      "DescribeExecution", {{"FlowName", "approve"}, {"ExecutionName", "e1"}},
      {.method = "GET", .sign = false});
  CHECK(running.Str("Status") == "Running");
  REQUIRE(client
              .Call("ReportTaskSucceeded",
                    {{"TaskToken", token}, {"Output", R"({"ok":1})"}},
                    unsigned_call)
              .status == 200);
  ApiAnswer done = client.Call("DescribeExecution",
                               {{"FlowName", "approve"},
                                {"ExecutionName", "e1"},
                                {"WaitTimeSeconds", "30"}},
                               {.method = "GET", .sign = false});
  CHECK(done.Str("Status") == "Succeeded");
  CHECK(done.Str("Output") == R"({"ok":1})");
  CHECK(done.Str("Input") == R"({"n":1})");
  CHECK(serve.Terminate() == 0);
  std::error_code ignored;
  std::filesystem::remove_all(dir_template, ignored);
}

TEST_CASE("fnf serve --store: a file that is not a store is refused") {
  char path[] = "/tmp/fnf-serve-notastore-XXXXXX";
  int fd = ::mkstemp(path);
  REQUIRE(fd >= 0);
  REQUIRE(::write(fd, "hello, world\n", 13) == 13);
  ::close(fd);
  ServeProcess serve({"--listen", "127.0.0.1:0", "--no-auth", "--store", path});
  CHECK(serve.StderrUntil(std::regex("^(fnf: .*)$")) ==
        std::string("fnf: InvalidArgument: store ") + path +
            " is not an fnf store (the file is not an SQLite database).");
  CHECK(serve.Wait() == 2);
  ::unlink(path);
}

}  // namespace
}  // namespace fnf::testing
