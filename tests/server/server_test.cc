// fnf::Server over real HTTP: an Engine on a ManualClock behind a server on a
// free port, driven by a test client that signs as the SDKs do.
#include "fnf/server.h"

#include <atomic>
#include <condition_variable>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "fnf/fnf.h"

#include "tests/server/api_client.h"
#include "tests/testing/catch.h"

namespace fnf::testing {
namespace {

using Layout = CallOptions::Layout;

std::string Definition(const std::string& name, const std::string& states) {
  return "Type: StateMachine\nSpecVersion: v1\nName: " + name +
         "\nStartAt: A\nStates:\n" + states;
}

const char kPass[] = "  - Type: Pass\n    Name: A\n    End: true\n";
const char kCallback[] =
    "  - Type: Task\n    Name: A\n    Action: 'MNS:SendMessage'\n"
    "    TaskMode: WaitForCustomCallback\n    End: true\n";

// The engine runs on one worker thread; its clock and the server's stand
// still unless a test moves them.
struct Fixture {
  explicit Fixture(ServerOptions extra = {}) {
    engine = std::make_unique<Engine>(
        EngineOptions{.worker_threads = 1, .clock = &clock, .random_seed = 7});
    engine->SetDefaultTaskHandler([this](const TaskRequest& r) {
      std::lock_guard<std::mutex> lock(mu);
      tokens.push_back(r.task_token);
      token_cv.notify_all();
      return TaskResult::Pending();
    });
    ServerOptions options = std::move(extra);
    options.port = 0;
    if (options.access_keys.empty()) {
      options.access_keys = {{"testAK", "testSecret"},
                             {"otherAK", "otherSecret"}};
    }
    options.clock = &clock;
    options.random_seed = 1;
    options.access_log = [this](const AccessLogEntry& e) {
      std::lock_guard<std::mutex> lock(mu);
      log.push_back(e.ToString());
    };
    server = std::make_unique<Server>(*engine, options);
    Status s = server->Start();
    REQUIRE(s.ok());
    REQUIRE(server->port() > 0);
    client = std::make_unique<ApiClient>(server->port(), &clock);
  }

  ApiAnswer Create(const std::string& name, const char* states = kPass,
                   const std::string& mode = "") {
    Params p = {{"Name", name},
                {"Definition", Definition(name, states)},
                {"Description", "d"},
                {"Type", "FDL"}};
    if (!mode.empty()) p.emplace_back("ExecutionMode", mode);
    ApiAnswer a = client->Call("CreateFlow", p);
    REQUIRE(a.status == 200);
    return a;
  }

  ApiAnswer Describe(const std::string& flow, const std::string& name,
                     int wait = 0) {
    Params p = {{"FlowName", flow}, {"ExecutionName", name}};
    if (wait > 0) p.emplace_back("WaitTimeSeconds", std::to_string(wait));
    return client->Call("DescribeExecution", p, {.method = "GET"});
  }

  // The task reaches the default handler on the engine's worker thread.
  std::string WaitForToken(size_t n) {
    std::unique_lock<std::mutex> lock(mu);
    REQUIRE(token_cv.wait_for(lock, std::chrono::seconds(60),
                              [&] { return tokens.size() >= n; }));
    return tokens[n - 1];
  }

  ManualClock clock{TimePoint(std::chrono::seconds(1796083200))};  // 2026-12-01
  std::unique_ptr<Engine> engine;
  std::unique_ptr<Server> server;
  std::unique_ptr<ApiClient> client;
  std::mutex mu;
  std::condition_variable token_cv;
  std::vector<std::string> tokens, log;
};

void CheckError(const ApiAnswer& a, int status, const std::string& code,
                const std::string& message) {
  INFO(a.body);
  CHECK(a.status == status);
  CHECK(a.Str("Code") == code);
  CHECK(a.Str("Message") == message);
  CHECK(a.Str("HostId").rfind("127.0.0.1:", 0) ==
        0);  // what the client addressed
  CHECK(a.Has("RequestId"));
  CHECK(a.Str("RequestId") == a.request_id_header);
}

TEST_CASE("Server: flows over HTTP (create, describe, update, list, delete)") {
  Fixture f;
  ApiAnswer created = f.Create("f1");
  CHECK(created.Str("Name") == "f1");
  CHECK(created.Str("Definition") == Definition("f1", kPass));
  CHECK(created.Str("Description") == "d");
  CHECK(created.Str("Type") == "FDL");
  CHECK(created.Str("ExecutionMode") == "Standard");
  CHECK(created.Str("CreatedTime") == "2026-12-01T00:00:00.000Z");
  CHECK_FALSE(created.Has("Code"));  // pop-core takes a Code for an error
  CHECK(created.Str("RequestId").size() == 36);
  CHECK(created.Str("RequestId") == created.request_id_header);
  f.Create("f2");

  ApiAnswer described =
      f.client->Call("DescribeFlow", {{"Name", "f1"}}, {.method = "GET"});
  CHECK(described.status == 200);
  CHECK(described.Str("Id") == created.Str("Id"));

  f.clock.Advance(std::chrono::seconds(5));
  ApiAnswer updated =
      f.client->Call("UpdateFlow", {{"Name", "f1"}, {"Description", "new"}},
                     {.layout = Layout::kSplit});
  CHECK(updated.status == 200);
  CHECK(updated.Str("Description") == "new");
  CHECK(updated.Str("LastModifiedTime") == "2026-12-01T00:00:05.000Z");

  ApiAnswer page1 =
      f.client->Call("ListFlows", {{"Limit", "1"}}, {.method = "GET"});
  REQUIRE(page1.status == 200);
  REQUIRE(page1.json["Flows"].Size() == 1);
  CHECK(std::string(page1.json["Flows"][0]["Name"].GetString()) == "f1");
  CHECK(page1.Str("NextToken") == "f2");
  ApiAnswer page2 = f.client->Call(
      "ListFlows", {{"Limit", "1"}, {"NextToken", "f2"}}, {.method = "GET"});
  REQUIRE(page2.json["Flows"].Size() == 1);
  CHECK(std::string(page2.json["Flows"][0]["Name"].GetString()) == "f2");
  CHECK_FALSE(page2.Has("NextToken"));  // absent on the last page

  ApiAnswer deleted = f.client->Call("DeleteFlow", {{"Name", "f2"}});
  CHECK(deleted.status == 200);
  CHECK(deleted.json.MemberCount() == 1);  // RequestId only
  CheckError(
      f.client->Call("DescribeFlow", {{"Name", "f2"}}, {.method = "GET"}), 404,
      "FlowNotExists", "Flow f2 does not exist.");
  CheckError(
      f.client->Call("CreateFlow",
                     {{"Name", "f1"}, {"Definition", Definition("f1", kPass)}}),
      409, "FlowAlreadyExists", "Flow f1 already exists.");
}

TEST_CASE("Server: executions: start, long poll, history, list, stop") {
  Fixture f;
  f.Create("p");
  ApiAnswer started =
      f.client->Call("StartExecution", {{"FlowName", "p"},
                                        {"ExecutionName", "e1"},
                                        {"Input", R"({"a b":"+*~"})"}});
  REQUIRE(started.status == 200);
  CHECK(started.Str("Name") == "e1");
  CHECK(started.Str("FlowName") == "p");
  CHECK(started.Str("Input") == R"({"a b":"+*~"})");
  CHECK(started.Str("StartedTime") == "2026-12-01T00:00:00.000Z");

  // The long poll returns as soon as the execution ends.
  ApiAnswer done = f.Describe("p", "e1", 30);
  REQUIRE(done.status == 200);
  CHECK(done.Str("Status") == "Succeeded");
  CHECK(done.Str("Output") == R"({"a b":"+*~"})");
  CHECK(done.Str("StoppedTime") == "2026-12-01T00:00:00.000Z");
  CHECK(done.Str("FlowDefinition") == Definition("p", kPass));

  CheckError(f.client->Call("StartExecution",
                            {{"FlowName", "p"}, {"ExecutionName", "e1"}}),
             400, "ExecutionAlreadyExists",
             "Execution e1 for flow p already exists.");
  CheckError(f.Describe("p", "nope"), 404, "ExecutionNotExists",
             "Execution nope for flow p does not exist.");
  CheckError(f.client->Call("StopExecution",
                            {{"FlowName", "p"}, {"ExecutionName", "e1"}}),
             400, "ExecutionAlreadyCompleted",
             "Execution 'e1' for flow 'p' has already completed.");

  ApiAnswer history = f.client->Call(
      "GetExecutionHistory",
      {{"FlowName", "p"}, {"ExecutionName", "e1"}, {"Limit", "2"}},
      {.method = "GET"});
  REQUIRE(history.status == 200);
  REQUIRE(history.json["Events"].Size() == 2);
  CHECK(history.json["Events"][0]["EventId"].GetInt() == 1);
  CHECK(std::string(history.json["Events"][0]["Type"].GetString()) ==
        "ExecutionStarted");
  CHECK(history.Str("NextToken") == "3");
  ApiAnswer rest = f.client->Call(
      "GetExecutionHistory",
      {{"FlowName", "p"}, {"ExecutionName", "e1"}, {"NextToken", "3"}},
      {.method = "GET"});
  REQUIRE(rest.status == 200);
  CHECK(std::string(rest.json["Events"][rest.json["Events"].Size() - 1]["Type"]
                        .GetString()) == "ExecutionSucceeded");
  CHECK_FALSE(rest.Has("NextToken"));

  // A callback execution that keeps running, started an hour later.
  f.Create("cb", kCallback);
  f.clock.Advance(std::chrono::hours(1));
  REQUIRE(f.client
              ->Call("StartExecution",
                     {{"FlowName", "cb"}, {"ExecutionName", "r1"}})
              .status == 200);
  REQUIRE(
      f.client
          ->Call("StartExecution", {{"FlowName", "p"}, {"ExecutionName", "e2"}})
          .status == 200);
  f.WaitForToken(1);
  REQUIRE(f.Describe("p", "e2", 30).Str("Status") == "Succeeded");

  ApiAnswer list = f.client->Call(
      "ListExecutions", {{"FlowName", "p"}, {"Limit", "1"}}, {.method = "GET"});
  REQUIRE(list.json["Executions"].Size() == 1);
  CHECK(std::string(list.json["Executions"][0]["Name"].GetString()) == "e1");
  CHECK(list.Str("NextToken") == "e2");
  ApiAnswer by_time =
      f.client->Call("ListExecutions",
                     {{"FlowName", "p"},
                      {"StartedTimeBegin", "2026-12-01T00:30:00Z"},
                      {"Limit", "1"}},
                     {.method = "GET"});
  REQUIRE(by_time.json["Executions"].Size() == 1);
  CHECK(std::string(by_time.json["Executions"][0]["Name"].GetString()) == "e2");
  CHECK_FALSE(by_time.Has("NextToken"));
  ApiAnswer before = f.client->Call("ListExecutions",
                                    {{"FlowName", "p"},
                                     {"StartedTimeEnd", "2026-12-01T00:30:00Z"},
                                     {"MetadataOnly", "true"}},
                                    {.method = "GET"});
  REQUIRE(before.json["Executions"].Size() == 1);
  CHECK(std::string(before.json["Executions"][0]["Name"].GetString()) == "e1");
  CHECK_FALSE(before.json["Executions"][0].HasMember("Input"));
  ApiAnswer running = f.client->Call(
      "ListExecutions", {{"FlowName", "cb"}, {"Status", "Running"}},
      {.method = "GET"});
  REQUIRE(running.json["Executions"].Size() == 1);

  ApiAnswer stopped = f.client->Call("StopExecution", {{"FlowName", "cb"},
                                                       {"ExecutionName", "r1"},
                                                       {"Error", "Halt"},
                                                       {"Cause", "by test"}});
  REQUIRE(stopped.status == 200);
  ApiAnswer after = f.Describe("cb", "r1", 30);
  CHECK(after.Str("Status") == "Stopped");
  CHECK(after.Str("ErrorCode") == "Halt");
  CHECK(after.Str("ErrorMessage") == "by test");
}

TEST_CASE(
    "Server: callback tasks are completed with ReportTask*, a long poll waits "
    "for it") {
  Fixture f;
  f.Create("cb", kCallback);
  REQUIRE(f.client
              ->Call("StartExecution",
                     {{"FlowName", "cb"}, {"ExecutionName", "ok"}})
              .status == 200);
  std::string token = f.WaitForToken(1);
  // The long poll waits on its own connection until the report below.
  auto poll = std::async(std::launch::async, [&] {
    ApiClient other(f.server->port(), &f.clock);
    return other.Call("DescribeExecution",
                      {{"FlowName", "cb"},
                       {"ExecutionName", "ok"},
                       {"WaitTimeSeconds", "60"}},
                      {.method = "GET"});
  });
  // The generated SDKs send TaskToken in the query and Output in the body.
  ApiAnswer reported =
      f.client->Call("ReportTaskSucceeded",
                     {{"TaskToken", token}, {"Output", R"({"approved":true})"}},
                     {.layout = Layout::kSplit});
  CHECK(reported.status == 200);
  ApiAnswer polled = poll.get();
  CHECK(polled.Str("Status") == "Succeeded");
  CHECK(polled.Str("Output") == R"({"approved":true})");
  CheckError(f.client->Call("ReportTaskSucceeded",
                            {{"TaskToken", token}, {"Output", "{}"}}),
             400, "TaskAlreadyCompleted",
             "Task " + token + " has already completed.");
  CheckError(f.client->Call("ReportTaskFailed",
                            {{"TaskToken", "nope"}, {"Error", "E"}}),
             400, "InvalidArgument", "Task token 'nope' is not valid.");

  REQUIRE(f.client
              ->Call("StartExecution",
                     {{"FlowName", "cb"}, {"ExecutionName", "no"}})
              .status == 200);
  std::string second = f.WaitForToken(2);
  REQUIRE(f.client
              ->Call("ReportTaskFailed", {{"TaskToken", second},
                                          {"Error", "Rejected"},
                                          {"Cause", "no way"}})
              .status == 200);
  ApiAnswer failed = f.Describe("cb", "no", 60);
  CHECK(failed.Str("Status") == "Failed");
  CHECK(failed.Str("ErrorCode") == "Rejected");
  CHECK(failed.Str("ErrorMessage") == "no way");
}

TEST_CASE("Server: StartSyncExecution runs an Express flow to its end") {
  Fixture f;
  f.Create("x", kPass, "Express");
  ApiAnswer a = f.client->Call(
      "StartSyncExecution",
      {{"FlowName", "x"}, {"ExecutionName", "s1"}, {"Input", R"({"k":"v"})"}});
  REQUIRE(a.status == 200);
  CHECK(a.Str("Status") == "Succeeded");
  CHECK(a.Str("Output") == R"({"k":"v"})");
  CHECK(a.Str("Name").rfind("s1:", 0) == 0);
  CheckError(
      f.client->Call("StartExecution", {{"FlowName", "x"}}), 400,
      "ActionNotSupported",
      "Express execution is not supported by StartExecution: flow x is in "
      "Express mode; use StartSyncExecution.");
}

TEST_CASE(
    "Server: dispatch errors: Action, Version, parameters, methods, paths") {
  Fixture f;
  CheckError(
      f.client->Call("NoSuchAction", {}), 400, "ActionNotSupported",
      "The requested API operation 'NoSuchAction' is incorrect. Please check.");
  CheckError(f.client->Call("ListFlows", {}, {.version = "2020-01-01"}), 400,
             "APIVersionNotSupported",
             "The requested API version '2020-01-01' is not supported yet. "
             "Please check.");
  CheckError(f.client->Call("StartExecution", {{"Input", "{}"}}), 400,
             "MissingRequiredParams",
             "The HTTP query 'FlowName' must be specified.");
  CheckError(f.client->Call("DescribeExecution", {{"FlowName", "f"},
                                                  {"ExecutionName", "e"},
                                                  {"WaitTimeSeconds", "61"}}),
             400, "InvalidArgument",
             "The parameter 'WaitTimeSeconds' must be from 0 to 60, got 61.");
  CheckError(f.client->Call("ListFlows", {{"Limit", "ten"}}), 400,
             "InvalidArgument",
             "The parameter 'Limit' must be an integer, got 'ten'.");
  CheckError(f.client->Raw("PUT", "/", "", {}), 400, "InvalidArgument",
             "The HTTP method 'PUT' is not supported; use GET or POST.");
  CheckError(f.client->Raw("GET", "/other", "", {}), 400, "InvalidArgument",
             "The path '/other' is not served; the API is at '/'.");
  ApiAnswer regions = f.client->Call("DescribeRegions", {});
  CHECK(std::string(
            regions.json["Regions"]["Region"][0]["RegionId"].GetString()) ==
        "cn-hangzhou");
}

TEST_CASE("Server: credentials: unknown key, wrong secret, missing signature") {
  Fixture f;
  f.Create("f");
  CheckError(f.client->Call("ListFlows", {}, {.key_id = "nobody"}), 403,
             "InvalidAccessKeyID", "The AccessKey ID nobody is invalid.");
  const std::string mismatch =
      "The request signature we calculated does not match the signature you "
      "provided. "
      "Check your access key and signing method.";
  // A forged StartExecution starts nothing.
  CheckError(f.client->Call("StartExecution",
                            {{"FlowName", "f"}, {"ExecutionName", "forged"}},
                            {.secret = "wrong"}),
             403, "SignatureNotMatch", mismatch);
  CheckError(f.Describe("f", "forged"), 404, "ExecutionNotExists",
             "Execution forged for flow f does not exist.");
  // A parameter added after signing breaks the signature.
  CheckError(f.client->Call("ListFlows", {},
                            {.method = "GET", .extra_query = {{"Limit", "1"}}}),
             403, "SignatureNotMatch", mismatch);
  // The second key pair works too; a key's secret does not sign for the other.
  CHECK(f.client
            ->Call("ListFlows", {},
                   {.key_id = "otherAK", .secret = "otherSecret"})
            .status == 200);
  CheckError(f.client->Call("ListFlows", {}, {.key_id = "otherAK"}), 403,
             "SignatureNotMatch", mismatch);
  CheckError(f.client->Call("ListFlows", {}, {.sign = false}), 400,
             "MissingRequiredParams",
             "The HTTP query 'Signature' must be specified.");
  CheckError(
      f.client->Raw("GET", "/?Action=ListFlows&Version=2019-03-15", "", {}),
      400, "MissingRequiredParams",
      "The HTTP query 'Signature' must be specified.");
}

TEST_CASE("Server: time skew and replayed nonces") {
  Fixture f;
  CheckError(f.client->Call("ListFlows", {},
                            {.time = f.clock.Now() - std::chrono::minutes(16)}),
             403, "RequestTimeTooSkewed",
             "The request time 2026-11-30T23:44:00Z is more than 900 seconds "
             "away from the "
             "server time 2026-12-01T00:00:00.000Z.");
  CHECK(f.client
            ->Call("ListFlows", {},
                   {.time = f.clock.Now() + std::chrono::minutes(14)})
            .status == 200);
  CHECK(f.client->Call("ListFlows", {}, {.nonce = "n-1"}).status == 200);
  CheckError(f.client->Call("ListFlows", {}, {.nonce = "n-1"}), 400,
             "SignatureNonceUsed",
             "The signature nonce n-1 has been used already.");
  CheckError(f.client->Call("ListFlows", {}, {.acs3 = true, .nonce = "n-1"}),
             400, "SignatureNonceUsed",
             "The signature nonce n-1 has been used already.");
  // After the window the nonce may come again (with a fresh time stamp).
  f.clock.Advance(std::chrono::minutes(16));
  CHECK(f.client->Call("ListFlows", {}, {.nonce = "n-1"}).status == 200);
}

TEST_CASE("Server: ACS3-HMAC-SHA256 signed calls, GET and POST") {
  Fixture f;
  ApiAnswer created = f.client->Call(
      "CreateFlow", {{"Name", "a3"}, {"Definition", Definition("a3", kPass)}},
      {.acs3 = true});
  REQUIRE(created.status == 200);
  ApiAnswer started = f.client->Call(
      "StartExecution",
      {{"FlowName", "a3"}, {"Input", R"({"s":"a b+c*d~e!'()&=%2F"})"}},
      {.acs3 = true, .chunked = true});
  REQUIRE(started.status == 200);
  CHECK(started.Str("Input") == R"({"s":"a b+c*d~e!'()&=%2F"})");
  ApiAnswer got = f.client->Call("DescribeFlow", {{"Name", "a3"}},
                                 {.method = "GET", .acs3 = true});
  CHECK(got.status == 200);
  CheckError(f.client->Call("DescribeFlow", {{"Name", "a3"}},
                            {.method = "GET", .acs3 = true, .secret = "wrong"}),
             403, "SignatureNotMatch",
             "The request signature we calculated does not match the signature "
             "you provided. "
             "Check your access key and signing method.");
  CheckError(
      f.client->Call("DescribeFlow", {{"Name", "a3"}},
                     {.method = "GET", .acs3 = true, .key_id = "nobody"}),
      403, "InvalidAccessKeyID", "The AccessKey ID nobody is invalid.");
  // Headers x-acs-action / x-acs-version name the operation.
  CheckError(
      f.client->Call("ListFlows", {},
                     {.method = "GET", .acs3 = true, .version = "2015-01-01"}),
      400, "APIVersionNotSupported",
      "The requested API version '2015-01-01' is not supported yet. Please "
      "check.");
}

TEST_CASE(
    "Server: bodies: chunked, raw '*', '+' for spaces, 1,024 KiB and one byte "
    "more") {
  Fixture f;
  // Chunked transfer, parameters split between query and body.
  REQUIRE(f.client
              ->Call("CreateFlow",
                     {{"Name", "c"}, {"Definition", Definition("c", kPass)}},
                     {.layout = Layout::kSplit, .chunked = true})
              .status == 200);
  // Go and Python encoders write '+' for spaces; Node's querystring leaves '*'
  // raw.
  Params p = {{"Action", "DescribeFlow"},
              {"Version", "2019-03-15"},
              {"AccessKeyId", "testAK"},
              {"SignatureMethod", "HMAC-SHA1"},
              {"SignatureNonce", "raw-1"},
              {"Timestamp", UtcSeconds(f.clock.Now())},
              {"Name", "c"},
              {"Note", "a b*c"}};
  std::string sig = RpcSign("testSecret", "POST", p);
  std::string body =
      "Action=DescribeFlow&Version=2019-03-15&AccessKeyId=testAK&"
      "SignatureMethod=HMAC-SHA1&"
      "SignatureNonce=raw-1&Timestamp=" +
      Encode(UtcSeconds(f.clock.Now())) +
      "&Name=c&Note=a+b*c&Signature=" + Encode(sig);
  ApiAnswer raw =
      f.client->Raw("POST", "/", body,
                    {{"content-type", "application/x-www-form-urlencoded"}});
  CHECK(raw.status == 200);
  CHECK(raw.Str("Name") == "c");

  // A signed body of exactly 1,024 KiB is read whole (httplib alone stops at 8
  // KiB).
  Params big = {{"Name", "c"}, {"Pad", ""}};
  Params sized = big;
  ApiAnswer probe;
  {
    // Size the padding so that the whole form body is exactly the limit.
    std::string fixed = FormEncode({{"Action", "DescribeFlow"},
                                    {"Version", "2019-03-15"},
                                    {"Format", "JSON"},
                                    {"AccessKeyId", "testAK"},
                                    {"SignatureMethod", "HMAC-SHA1"},
                                    {"SignatureVersion", "1.0"},
                                    {"SignatureNonce", "nonce-big"},
                                    {"Timestamp", UtcSeconds(f.clock.Now())},
                                    {"Name", "c"},
                                    {"Pad", ""}});
    std::string trial_sig = RpcSign("testSecret", "POST", {{"x", "y"}});
    size_t signature_part =
        std::string("&Signature=").size() + Encode(trial_sig).size();
    size_t pad = 1024 * 1024 - fixed.size() - signature_part;
    sized[1].second = std::string(pad, 'x');
  }
  // Base64 signatures vary in escaped length ('+', '/', '='); retry with other
  // nonces until the body lands exactly on the limit.
  bool exact = false;
  for (int i = 0; i < 50 && !exact; ++i) {
    std::string nonce =
        "nonce-big" + (i == 0 ? std::string() : std::to_string(i));
    Params all = {{"Action", "DescribeFlow"},
                  {"Version", "2019-03-15"},
                  {"Format", "JSON"},
                  {"AccessKeyId", "testAK"},
                  {"SignatureMethod", "HMAC-SHA1"},
                  {"SignatureVersion", "1.0"},
                  {"SignatureNonce", nonce},
                  {"Timestamp", UtcSeconds(f.clock.Now())}};
    all.insert(all.end(), sized.begin(), sized.end());
    all.emplace_back("Signature", RpcSign("testSecret", "POST", all));
    std::string text = FormEncode(all);
    long diff = static_cast<long>(text.size()) - 1024 * 1024;
    if (diff != 0) {
      // Adjust the padding by the difference and sign again.
      sized[1].second.resize(
          static_cast<size_t>(static_cast<long>(sized[1].second.size()) - diff),
          'x');
      continue;
    }
    exact = true;
    probe =
        f.client->Raw("POST", "/", text,
                      {{"content-type", "application/x-www-form-urlencoded"}});
  }
  REQUIRE(exact);
  CHECK(probe.status == 200);
  CHECK(probe.Str("Name") == "c");

  // One byte more is EntityTooLarge, chunked or not.
  std::string over(1024 * 1024 + 1, 'x');
  CheckError(
      f.client->Raw("POST", "/", "Pad=" + over.substr(4),
                    {{"content-type", "application/x-www-form-urlencoded"}}),
      400, "EntityTooLarge",
      "The payload size exceeds maximum allowed size (1048576 bytes).");
  CheckError(
      f.client->Raw("POST", "/", "Pad=" + over.substr(4), {}, /*chunked=*/true),
      400, "EntityTooLarge",
      "The payload size exceeds maximum allowed size (1048576 bytes).");
  // The connection is still usable afterwards.
  CHECK(f.client->Call("ListFlows", {}).status == 200);

  // Repeated names and bad escapes.
  CheckError(
      f.client->Raw("GET", "/?Action=ListFlows&Action=ListFlows", "", {}), 400,
      "InvalidArgument", "The parameter 'Action' is given more than once.");
  CheckError(f.client->Raw("GET", "/?Action=List%G1", "", {}), 400,
             "InvalidArgument",
             "The query parameter 'Action' has a bad '%' escape.");
}

TEST_CASE("Server: the access log has one line per request, without secrets") {
  Fixture f;
  f.client->Call("ListFlows", {});
  f.client->Call("ListFlows", {}, {.key_id = "nobody"});
  std::lock_guard<std::mutex> lock(f.mu);
  REQUIRE(f.log.size() == 2);
  CHECK(f.log[0].find(
            "2026-12-01T00:00:00.000Z 127.0.0.1 POST ListFlows 200 - ") == 0);
  CHECK(f.log[0].find("key=testAK id=") != std::string::npos);
  CHECK(f.log[1].find(" POST ListFlows 403 InvalidAccessKeyID ") !=
        std::string::npos);
  CHECK(f.log[1].find("key=nobody") != std::string::npos);
  for (const std::string& line : f.log)
    CHECK(line.find("testSecret") == std::string::npos);
}

TEST_CASE(
    "Server: added routes, Handle without the network, no credentials, Stop") {
  ManualClock clock;
  Engine engine({.worker_threads = 1, .clock = &clock});
  Server server(engine, {.port = 0, .clock = &clock});
  server.AddRoute("/console/", [](const HttpRequest& r) {
    return HttpResponse{.status = 200,
                        .content_type = "text/plain",
                        .body = "console " + r.path};
  });
  REQUIRE(server.Start().ok());
  CHECK(server.url() == "http://127.0.0.1:" + std::to_string(server.port()));
  CHECK(server.Start().code() == "InvalidArgument");
  httplib::Client http("127.0.0.1", server.port());
  auto page = http.Get("/console/x");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->body == "console /console/x");
  // With no key pairs configured every API request is refused.
  ApiClient client(server.port(), &clock);
  CHECK(client.Call("ListFlows", {}).Str("Code") == "InvalidAccessKeyID");
  HttpResponse direct = server.Handle(
      {.method = "GET", .path = "/", .query = "Action=ListFlows"});
  CHECK(direct.status == 400);
  CHECK(direct.body.find("\"Code\":\"MissingRequiredParams\"") !=
        std::string::npos);
  server.Stop();
  server.Stop();
  CHECK_FALSE(http.Get("/console/x"));
}

TEST_CASE(
    "Server: after Stop a long poll answers at once with the execution as it "
    "is") {
  Fixture f({.check_signatures = false});
  f.Create("cb", kCallback);
  REQUIRE(
      f.client
          ->Call("StartExecution", {{"FlowName", "cb"}, {"ExecutionName", "w"}})
          .status == 200);
  f.WaitForToken(1);
  f.server->Stop();
  auto begin = std::chrono::steady_clock::now();
  HttpResponse r = f.server->Handle(
      {.method = "GET",
       .path = "/",
       .query = "Action=DescribeExecution&Version=2019-03-15&FlowName=cb&"
                "ExecutionName=w&WaitTimeSeconds=60"});
  CHECK(std::chrono::steady_clock::now() - begin < std::chrono::seconds(10));
  CHECK(r.status == 200);
  CHECK(r.body.find("\"Status\":\"Running\"") != std::string::npos);
}

TEST_CASE("Server: start errors") {
  Engine engine({.worker_threads = 1});
  Server bad_port(engine, {.port = 70000});
  Status s = bad_port.Start();
  CHECK(s.code() == "InvalidArgument");
  CHECK(s.message() == "The port must be from 0 to 65535, got 70000.");
  Server first(engine, {.port = 0});
  REQUIRE(first.Start().ok());
  Server second(engine, {.port = first.port()});
  s = second.Start();
  CHECK(s.code() == "InternalServerError");
  CHECK(s.message().rfind(
            "Cannot listen on 127.0.0.1:" + std::to_string(first.port()) + ": ",
            0) == 0);
}

}  // namespace
}  // namespace fnf::testing
