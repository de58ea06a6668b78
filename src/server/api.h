// The API on "/": decoding, authentication, dispatch to the action table and
// the JSON answer, for one request at a time (from many threads at once).
#ifndef FNF_SERVER_API_H_
#define FNF_SERVER_API_H_

#include <atomic>
#include <string>

#include "fnf/engine.h"
#include "fnf/server.h"
#include "fnf/status.h"

#include "common/random.h"
#include "server/actions.h"
#include "server/auth.h"

namespace fnf::server {

// The only API version there is.
inline constexpr std::string_view kApiVersion = "2019-03-15";

class Api {
 public:
  // Keeps references to `engine` and `options`, which must outlive it.
  Api(Engine& engine, const ServerOptions& options, ActionTable actions);

  // Answers an API request. Fills `log`'s action, code, key and request id.
  HttpResponse Handle(const HttpRequest& request, AccessLogEntry* log);
  // The JSON error answer for `status` (also for requests refused before they
  // reach the API, such as an oversized body). Fills `log` likewise.
  HttpResponse Error(const HttpRequest& request, const Status& status,
                     AccessLogEntry* log);
  // From now on long polls answer at once.
  void Stop() { stopping_.store(true); }

 private:
  Status Run(const HttpRequest& request, std::string* body,
             AccessLogEntry* log);
  std::string NewRequestId();

  Engine& engine_;
  const ServerOptions& options_;
  const ActionTable actions_;
  Clock* const clock_;
  Authenticator auth_;
  internal::Random random_;
  std::atomic<bool> stopping_{false};
};

}  // namespace fnf::server

#endif  // FNF_SERVER_API_H_
