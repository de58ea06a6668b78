// fnf::Server: routes, the access log, and the HTTP transport (cpp-httplib).
#include "fnf/server.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <mutex>
#include <thread>

#include "absl/strings/ascii.h"
#include "common/strings.h"
#include "common/time_format.h"
#include "server/api.h"
#include <httplib.h>

namespace fnf {
namespace {

using internal::StrCat;

// Keep-alive connections serve this many requests before the server closes
// them (httplib's default of 5 makes SDK clients reconnect all the time).
constexpr size_t kKeepAliveMaxCount = 1000;
// A body bigger than this many times the limit is not even read to its end.
constexpr size_t kDiscardFactor = 4;

// Headers httplib adds to every request itself; no client sent them.
bool IsPseudoHeader(const std::string& name) {
  return name == "REMOTE_ADDR" || name == "REMOTE_PORT" ||
         name == "LOCAL_ADDR" || name == "LOCAL_PORT";
}

HttpRequest FromHttplib(const httplib::Request& r) {
  HttpRequest request;
  request.method = r.method;
  request.path = r.path;
  size_t q = r.target.find('?');
  if (q != std::string::npos) request.query = r.target.substr(q + 1);
  for (const auto& [name, value] : r.headers) {
    if (IsPseudoHeader(name)) continue;
    request.headers.emplace_back(absl::AsciiStrToLower(name), value);
  }
  request.remote_address = r.remote_addr;
  return request;
}

void ToHttplib(const HttpResponse& response, httplib::Response& res) {
  res.status = response.status;
  for (const auto& [name, value] : response.headers)
    res.set_header(name, value);
  res.set_content(response.body, response.content_type.c_str());
}

}  // namespace

class Server::Impl {
 public:
  Impl(Engine& engine, ServerOptions options)
      : options_(std::move(options)),
        api_(engine, options_, server::DefaultActions()),
        clock_(options_.clock ? options_.clock : Clock::System()) {}

  void AddRoute(std::string prefix, RouteHandler handler) {
    // "/" is the API's own path.
    if (prefix.size() < 2 || prefix.compare(0, 1, "/") != 0) return;
    routes_.emplace_back(std::move(prefix), std::move(handler));
    // Longest prefix first.
    std::stable_sort(routes_.begin(), routes_.end(),
                     [](const auto& a, const auto& b) {
                       return a.first.size() > b.first.size();
                     });
  }

  HttpResponse Handle(const HttpRequest& request) {
    return Serve(request, std::nullopt);
  }

  // `refusal`: the transport could not take the body (too large, unreadable).
  HttpResponse Serve(const HttpRequest& request,
                     const std::optional<Status>& refusal) {
    const auto started = std::chrono::steady_clock::now();
    AccessLogEntry log;
    log.time = internal::FormatTime(clock_->Now());
    log.remote_address = request.remote_address;
    log.method = request.method;
    HttpResponse response;
    const RouteHandler* route = FindRoute(request.path);
    if (refusal) {
      response = api_.Error(request, *refusal, &log);
    } else if (route != nullptr) {
      log.action = request.path;
      response = (*route)(request);
      log.http_status = response.status;
    } else if (request.path == "/") {
      response = api_.Handle(request, &log);
    } else {
      log.action = request.path;
      response =
          api_.Error(request,
                     Status(ErrorCode::kInvalidArgument,
                            StrCat("The path '", request.path,
                                   "' is not served; the API is at '/'.")),
                     &log);
    }
    log.http_status = response.status;
    log.duration = std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::steady_clock::now() - started);
    if (options_.access_log) options_.access_log(log);
    return response;
  }

  Status Start() {
    if (started_) {
      return Status(ErrorCode::kInvalidArgument,
                    "The server is already started.");
    }
    if (options_.port < 0 || options_.port > 65535) {
      return Status(
          ErrorCode::kInvalidArgument,
          StrCat("The port must be from 0 to 65535, got ", options_.port, "."));
    }
    const int threads = std::max(1, options_.threads);
    http_.new_task_queue = [threads] {
      return new httplib::ThreadPool(threads);
    };
    http_.set_keep_alive_max_count(kKeepAliveMaxCount);
    // httplib's default also sets SO_REUSEPORT, with which a second server on
    // the same port starts "successfully" and steals half the connections.
    http_.set_socket_options([](socket_t sock) {
      int yes = 1;
      ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    });
    auto get = [this](const httplib::Request& r, httplib::Response& res) {
      ToHttplib(Serve(FromHttplib(r), std::nullopt), res);
    };
    auto with_body = [this](const httplib::Request& r, httplib::Response& res,
                            const httplib::ContentReader& reader) {
      ReadAndServe(r, res, reader);
    };
    http_.Get(".*", get);
    http_.Options(".*", get);
    http_.Post(".*", with_body);
    http_.Put(".*", with_body);
    http_.Patch(".*", with_body);
    http_.Delete(".*", with_body);
    // Answers httplib gives by itself (a malformed request line, an over-long
    // URI) get the API's error shape too.
    http_.set_error_handler(httplib::Server::HandlerWithResponse(
        [this](const httplib::Request& r, httplib::Response& res) {
          if (!res.body.empty())
            return httplib::Server::HandlerResponse::Unhandled;
          Status status(
              ErrorCode::kInvalidArgument,
              StrCat("The request could not be read (HTTP ", res.status, ")."));
          if (res.status == 413) {
            status =
                Status(ErrorCode::kEntityTooLarge,
                       StrCat("The payload size exceeds maximum allowed size (",
                              options_.max_request_bytes, " bytes)."));
          }
          HttpResponse answer = Serve(FromHttplib(r), status);
          int http_status = res.status;
          ToHttplib(answer, res);
          res.status = http_status;
          return httplib::Server::HandlerResponse::Handled;
        }));
    errno = 0;
    int port = options_.port;
    if (port == 0) {
      port = http_.bind_to_any_port(options_.host);
    } else if (!http_.bind_to_port(options_.host, port)) {
      port = -1;
    }
    if (port <= 0) {
      int error = errno;
      return Status(
          ErrorCode::kInternalServerError,
          StrCat("Cannot listen on ", options_.host, ":", options_.port, ": ",
                 error != 0 ? std::strerror(error)
                            : "the address cannot be bound"));
    }
    port_.store(port);
    started_ = true;
    thread_ = std::thread([this] {
      http_.listen_after_bind();
      listen_returned_.store(true);
    });
    // httplib's stop() does nothing until the accept loop has started, so a
    // Stop right after Start would otherwise leave it accepting forever.
    while (!http_.is_running() && !listen_returned_.load()) {
      std::this_thread::yield();
    }
    return Status();
  }

  void Stop() {
    api_.Stop();
    if (!started_) return;
    http_.stop();
    if (thread_.joinable()) thread_.join();
    started_ = false;
  }

  int port() const { return port_.load(); }
  std::string url() const {
    int p = port();
    return p == 0 ? std::string() : StrCat("http://", options_.host, ":", p);
  }

 private:
  const RouteHandler* FindRoute(const std::string& path) const {
    for (const auto& [prefix, handler] : routes_) {
      if (path.rfind(prefix, 0) == 0) return &handler;
    }
    return nullptr;
  }

  // Collects the body through a content reader: Debian's precompiled httplib
  // refuses form bodies over 8 KiB when it reads them itself.
  void ReadAndServe(const httplib::Request& r, httplib::Response& res,
                    const httplib::ContentReader& reader) {
    HttpRequest request = FromHttplib(r);
    const size_t limit = options_.max_request_bytes;
    size_t total = 0;
    bool ok = reader([&](const char* data, size_t n) {
      total += n;
      if (total <= limit) request.body.append(data, n);
      // Read an oversized body to its end (up to a bound) so that the
      // connection stays usable for the next request.
      return total <= kDiscardFactor * limit;
    });
    std::optional<Status> refusal;
    if (total > limit) {
      refusal = Status(ErrorCode::kEntityTooLarge,
                       StrCat("The payload size exceeds maximum allowed size (",
                              limit, " bytes)."));
    } else if (!ok) {
      refusal = Status(ErrorCode::kInvalidArgument,
                       "The request body could not be read.");
    }
    ToHttplib(Serve(request, refusal), res);
    if (!ok) res.set_header("Connection", "close");
  }

  const ServerOptions options_;
  server::Api api_;
  Clock* const clock_;
  std::vector<std::pair<std::string, RouteHandler>> routes_;
  httplib::Server http_;
  std::thread thread_;
  std::atomic<int> port_{0};
  std::atomic<bool> listen_returned_{false};
  bool started_ = false;
};

Server::Server(Engine& engine, ServerOptions options)
    : impl_(std::make_unique<Impl>(engine, std::move(options))) {}

Server::~Server() { impl_->Stop(); }

void Server::AddRoute(std::string path_prefix, RouteHandler handler) {
  impl_->AddRoute(std::move(path_prefix), std::move(handler));
}

Status Server::Start() { return impl_->Start(); }
int Server::port() const { return impl_->port(); }
std::string Server::url() const { return impl_->url(); }
void Server::Stop() { impl_->Stop(); }
HttpResponse Server::Handle(const HttpRequest& request) {
  return impl_->Handle(request);
}

}  // namespace fnf
