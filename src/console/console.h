// The web console `fnf serve` serves under /console/: pages of flows and
// executions drawn from the engine's public API, and two forms (Start, Stop)
// that call the same engine operations as the API does.
//
// Security (docs/console.md): every request under /console needs the
// console's token, in the `token` query parameter (the address `fnf serve`
// prints) or in the cookie a page with a valid query token sets (HttpOnly,
// SameSite=Strict, Path=/console/); otherwise 401. The token is compared in
// constant time. The POST forms also need the page's form token (a random
// value per console, in a hidden field) and, when the browser sends an Origin
// header, an Origin equal to the Host; otherwise 403. The signed API on "/"
// is untouched: it neither needs nor accepts the console's token.
#ifndef FNF_CONSOLE_CONSOLE_H_
#define FNF_CONSOLE_CONSOLE_H_

#include <functional>
#include <string>

#include "fnf/engine.h"
#include "fnf/server.h"

namespace fnf::console {

struct ConsoleOptions {
  // The token a browser must show. Empty: every request is refused.
  std::string token;
  // Called after the console started or stopped an execution (a host driving
  // a manual-mode engine uses it, as ServerOptions::after_api_call). Empty:
  // none.
  std::function<void()> after_change;
};

class Console {
 public:
  // `engine` is not owned and must outlive the console.
  Console(Engine& engine, ConsoleOptions options);

  // Answers a request whose path starts with "/console" (what
  // Server::AddRoute hands it). Thread-safe.
  HttpResponse Handle(const HttpRequest& request);

 private:
  HttpResponse Get(const std::string& page, const HttpRequest& request);
  HttpResponse Post(const std::string& page, const HttpRequest& request);

  Engine& engine_;
  const ConsoleOptions options_;
  const std::string form_token_;  // the CSRF token of the POST forms
};

// A fresh random token (32 hex digits from the system's random source).
std::string NewToken();

}  // namespace fnf::console

#endif  // FNF_CONSOLE_CONSOLE_H_
