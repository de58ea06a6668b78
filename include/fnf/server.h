// fnf/server.h: the cloud API (FnF OpenAPI 2019-03-15) over HTTP, in front of
// an Engine, so that Alibaba Cloud's own SDKs and CLI work against it after
// changing only their endpoint. CMake target `fnf::server` (optional: built
// when libcpp-httplib-dev is installed).
//
// The wire protocol is the cloud's RPC style: every request is `GET` or `POST`
// on `/` with `Action` and `Version` (parameters or the `x-acs-action` /
// `x-acs-version` headers), its parameters in the query, the form body or both,
// signed with HMAC-SHA1 (the `Signature` parameter) or ACS3-HMAC-SHA256 (the
// `Authorization` header). Answers are JSON: the operation's fields plus
// `RequestId`, or `{RequestId, HostId, Code, Message}` with the HTTP status of
// the error code (fnf/status.h).
//
// Example:
//   fnf::Engine engine;
//   fnf::Server server(engine, {.port = 0, .access_keys = {{"ak", "secret"}}});
//   if (fnf::Status s = server.Start(); !s.ok()) return 1;
//   std::cout << server.url() << "\n";   // "http://127.0.0.1:41234"
//   ...                                  // SDKs call it
//   server.Stop();
//
// Threading: Start, Stop and the destructor are called by the owner, not
// concurrently with each other; Handle and the accessors are thread-safe.
#ifndef FNF_SERVER_H_
#define FNF_SERVER_H_

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fnf/clock.h"
#include "fnf/engine.h"
#include "fnf/status.h"

namespace fnf {

// One key pair a client may sign with.
struct AccessKey {
  std::string id, secret;
};

// A request as the server received it.
struct HttpRequest {
  std::string method;  // "GET", "POST", ...
  std::string path;    // without the query: "/", "/console/index.html"
  std::string query;   // the raw text after '?', "" when there is none
  // Names in lower case; values as received, in arrival order.
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;            // raw bytes (already de-chunked)
  std::string remote_address;  // the peer's IP address, "127.0.0.1"

  // The first value of header `lower_case_name`, or nullptr.
  const std::string* Header(std::string_view lower_case_name) const;
};

// An answer.
struct HttpResponse {
  int status = 200;  // the HTTP status code
  // The Content-Type header.
  std::string content_type = "application/json;charset=utf-8";
  // Further headers, sent in this order.
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;  // sent as is, with its Content-Length
};

// Serves the requests of one path prefix (e.g. a web console under
// "/console/"). Called on a server thread; must be thread-safe.
using RouteHandler = std::function<HttpResponse(const HttpRequest&)>;

// What the server knows about one finished API request.
struct AccessLogEntry {
  std::string time;  // when it arrived, "2019-01-01T01:01:01.001Z"
  std::string remote_address, method;
  std::string action;  // the API action, or the path for other routes
  int http_status = 200;
  std::string code;           // the error code; "" on success
  std::string access_key_id;  // as the client sent it; never the secret
  std::string request_id;
  std::chrono::microseconds duration{0};

  // "2019-01-01T01:01:01.001Z 127.0.0.1 POST StartExecution 200 - 3ms
  // key=ak id=<RequestId>", with the code instead of "-" on errors.
  std::string ToString() const;
};

struct ServerOptions {
  // The address to listen on.
  std::string host = "127.0.0.1";
  // The port to listen on; 0 picks a free port (see Server::port()).
  int port = 8080;
  // The key pairs clients sign with. With none, every API request is refused
  // with InvalidAccessKeyID (unless check_signatures is off).
  std::vector<AccessKey> access_keys;
  // Off: no key, signature, time or nonce checks (test rigs only).
  bool check_signatures = true;
  // A request's Timestamp / x-acs-date may be this far from the server's
  // clock, else RequestTimeTooSkewed. 0: not checked.
  std::chrono::seconds max_time_skew{15 * 60};
  // A SignatureNonce may not be used again within this window, else
  // SignatureNonceUsed. 0: not checked.
  std::chrono::seconds nonce_window{15 * 60};
  // Bodies over this are refused with EntityTooLarge.
  size_t max_request_bytes = 1024 * 1024;
  // The longest DescribeExecution long poll (WaitTimeSeconds is capped to it).
  std::chrono::seconds max_wait{60};
  // Threads serving connections. Every long poll holds one while it waits, and
  // so does every idle keep-alive connection for a few seconds.
  int threads = 64;
  // What DescribeRegions answers.
  std::string region = "cn-hangzhou";
  // The time the skew and nonce checks use. nullptr: the system clock. Not
  // owned; must outlive the Server.
  Clock* clock = nullptr;
  // Called once per request, after its answer is known, from the serving
  // thread (several at once). Empty: no log.
  std::function<void(const AccessLogEntry&)> access_log;
  // Called after every API request that reached the engine (a host that drives
  // a manual-mode engine uses it to know that work may be ready). Empty: none.
  std::function<void()> after_api_call;
  // 0: random request ids; else reproducible ones.
  uint64_t random_seed = 0;
};

class Server {
 public:
  // `engine` is not owned and must outlive the Server.
  Server(Engine& engine, ServerOptions options);
  // Stops the server if it is running.
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Before Start: serves `handler` for every request whose path starts with
  // `path_prefix` (which must start with '/' and not be "/", the API's own
  // path). Longer prefixes win.
  void AddRoute(std::string path_prefix, RouteHandler handler);

  // Binds and starts serving on background threads; returns once the port is
  // open. Errors: InvalidArgument (port out of 0..65535, Start called twice),
  // InternalServerError (cannot listen on host:port, with the reason).
  Status Start();
  // The port it listens on (the real one when 0 was asked); 0 before Start.
  int port() const;
  // "http://HOST:PORT" with the real port; "" before Start.
  std::string url() const;
  // Stops listening, cuts long polls short (they answer with the execution as
  // it is), waits for requests in flight and joins the threads. Idempotent.
  void Stop();

  // Answers one request without the network: what the HTTP transport calls
  // for every request it reads. Thread-safe.
  HttpResponse Handle(const HttpRequest& request);

  class Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace fnf

#endif  // FNF_SERVER_H_
