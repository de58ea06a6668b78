#include "cli/serve_command.h"

#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "fnf/clock.h"
#include "fnf/engine.h"
#include "fnf/options.h"
#include "fnf/server.h"
#include "fnf/status.h"
#include "fnf/types.h"

#include "cli/args.h"
#include "cli/cli.h"
#include "cli/command_task.h"
#include "cli/commands.h"
#include "cli/file_io.h"
#include "cli/messages.h"
#include <pthread.h>
#include <signal.h>

namespace fnf::cli {
namespace {

struct ServeArgs {
  std::string host = "127.0.0.1";
  int port = 8080;
  std::optional<std::string> key_id, key_secret;
  bool no_auth = false;
  std::vector<TaskCommand> tasks;
  std::optional<std::string> mocks_file;
  bool virtual_time = false;
  bool quiet = false;
  std::string region = "cn-hangzhou";
  bool help = false;
};

// "HOST:PORT", "[::1]:PORT" or ":PORT".
bool ParseListen(const std::string& text, ServeArgs* out, std::string* error) {
  size_t colon = text.rfind(':');
  std::string port = colon == std::string::npos ? "" : text.substr(colon + 1);
  bool digits = !port.empty() && port.size() <= 5 &&
                port.find_first_not_of("0123456789") == std::string::npos;
  if (!digits || std::stoi(port) > 65535) {
    *error = "--listen needs HOST:PORT with a port from 0 to 65535, got '" +
             text + "'";
    return false;
  }
  std::string host = text.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  out->host = host.empty() ? "127.0.0.1" : host;
  out->port = std::stoi(port);
  return true;
}

// Options as `--opt VALUE` or `--opt=VALUE`. (The tool's other commands parse
// in args.cc; this one keeps its few options here, in its own file.)
bool ParseServeArgs(const std::vector<std::string>& args, ServeArgs* out,
                    std::string* error) {
  for (size_t i = 0; i < args.size(); ++i) {
    std::string name = args[i], value;
    std::optional<std::string> inline_value;
    if (size_t eq = name.find('=');
        name.rfind("--", 0) == 0 && eq != std::string::npos) {
      inline_value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    if (name == "--help" || name == "-h") {
      out->help = true;
      return true;
    }
    const bool flag =
        name == "--virtual-time" || name == "--quiet" || name == "--no-auth";
    if (flag) {
      if (inline_value) {
        *error = name + " takes no value";
        return false;
      }
      (name == "--virtual-time" ? out->virtual_time
       : name == "--quiet"      ? out->quiet
                                : out->no_auth) = true;
      continue;
    }
    const bool known = name == "--listen" || name == "--access-key-id" ||
                       name == "--access-key-secret" || name == "--task" ||
                       name == "--mocks" || name == "--region";
    if (!known) {
      *error = name.rfind('-', 0) == 0 ? "unknown option " + name
                                       : "unexpected argument '" + name + "'";
      return false;
    }
    if (inline_value) {
      value = *inline_value;
    } else if (i + 1 < args.size()) {
      value = args[++i];
    } else {
      *error = name + " needs a value";
      return false;
    }
    if (name == "--listen") {
      if (!ParseListen(value, out, error)) return false;
    } else if (name == "--access-key-id") {
      out->key_id = value;
    } else if (name == "--access-key-secret") {
      out->key_secret = value;
    } else if (name == "--mocks") {
      out->mocks_file = value;
    } else if (name == "--region") {
      out->region = value;
    } else {  // --task
      size_t eq = value.find('=');
      if (eq == std::string::npos || eq == 0 || eq + 1 == value.size()) {
        *error = "--task needs KEY=COMMAND, got '" + value + "'";
        return false;
      }
      out->tasks.push_back({value.substr(0, eq), value.substr(eq + 1)});
    }
  }
  // The SDKs' own variables work too, so a shell set up for them needs no
  // flags.
  for (auto [slot, env] :
       {std::pair{&out->key_id, "FNF_ACCESS_KEY_ID"},
        std::pair{&out->key_secret, "FNF_ACCESS_KEY_SECRET"}}) {
    if (!slot->has_value()) {
      if (const char* v = std::getenv(env)) *slot = v;
    }
  }
  if (!out->no_auth && (!out->key_id || !out->key_secret ||
                        out->key_id->empty() || out->key_secret->empty())) {
    *error =
        "give the key pair clients sign with: --access-key-id ID "
        "--access-key-secret SECRET (or FNF_ACCESS_KEY_ID and "
        "FNF_ACCESS_KEY_SECRET), or --no-auth to accept unsigned requests";
    return false;
  }
  return true;
}

// Runs a manual-mode engine on virtual time: everything ready runs at once,
// and when nothing is ready the clock jumps to the next timer. It sleeps until
// an API call may have made work ready.
class VirtualTimeDriver {
 public:
  VirtualTimeDriver(Engine& engine, ManualClock& clock)
      : engine_(engine), clock_(clock), thread_([this] { Loop(); }) {}
  ~VirtualTimeDriver() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }
  void Poke() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      poked_ = true;
    }
    cv_.notify_all();
  }

 private:
  void Loop() {
    for (;;) {
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [this] { return stop_ || poked_; });
        if (stop_) return;
        poked_ = false;
      }
      for (;;) {
        if (engine_.RunReady() > 0) continue;
        std::optional<TimePoint> wakeup = engine_.NextWakeupTime();
        if (!wakeup || *wakeup <= clock_.Now()) break;
        clock_.Set(*wakeup);
      }
    }
  }

  Engine& engine_;
  ManualClock& clock_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false, poked_ = true;
  std::thread thread_;  // last: it starts running at construction
};

bool IsCallbackMode(const std::string& mode) {
  return mode == "WaitForCustomCallback" || mode == "waitForCallback";
}

}  // namespace

std::string ServeUsage() {
  return "Usage: fnf serve [--listen HOST:PORT] --access-key-id ID "
         "--access-key-secret SECRET\n"
         "                 [--task KEY=COMMAND]... [--mocks FILE] "
         "[--virtual-time] [--quiet]\n"
         "\n"
         "Serves the Serverless Workflow / CloudFlow API (FnF OpenAPI "
         "2019-03-15) over HTTP,\n"
         "so that Alibaba Cloud's SDKs and the aliyun CLI work against it "
         "with only their\n"
         "endpoint changed. The first line on stdout is\n"
         "  fnf serve: listening on http://HOST:PORT\n"
         "with the real port. SIGINT or SIGTERM stops it.\n"
         "\n"
         "Options:\n"
         "  --listen HOST:PORT        where to listen (default "
         "127.0.0.1:8080; port 0: any free port)\n"
         "  --access-key-id ID        the key pair requests must be signed "
         "with (or the\n"
         "  --access-key-secret S     environment: FNF_ACCESS_KEY_ID, "
         "FNF_ACCESS_KEY_SECRET)\n"
         "  --no-auth                 accept requests without checking "
         "signatures (test rigs)\n"
         "  --task KEY=COMMAND        run COMMAND for tasks matching KEY (a "
         "state name, resource\n"
         "                            ARN or action), as `fnf run --task`\n"
         "  --mocks FILE              mock task responses, as `fnf run "
         "--mocks`\n"
         "  --virtual-time            waits, retries and timeouts take no "
         "real time\n"
         "  --region REGION           what DescribeRegions answers (default "
         "cn-hangzhou)\n"
         "  --quiet                   no access log on stderr\n"
         "\n"
         "A callback task (TaskMode WaitForCustomCallback, legacy pattern "
         "waitForCallback)\n"
         "that no --task or mock takes waits for ReportTaskSucceeded / "
         "ReportTaskFailed; its\n"
         "token is printed on stderr.\n";
}

int ServeCommand(const std::vector<std::string>& args, std::ostream& out,
                 std::ostream& err) {
  ServeArgs serve;
  std::string error;
  if (!ParseServeArgs(args, &serve, &error)) {
    return ArgumentError("serve", error, err);
  }
  if (serve.help) {
    out << ServeUsage();
    return kExitSucceeded;
  }
  std::string mocks;
  if (serve.mocks_file && !ReadWholeFile(*serve.mocks_file, &mocks, &error)) {
    err << "fnf serve: cannot read mocks file '" << *serve.mocks_file
        << "': " << error << "\n";
    return kExitInvalid;
  }

  // SIGINT and SIGTERM are taken with sigwait below; blocked before any
  // thread starts, so that every thread inherits the mask.
  sigset_t stop_signals, old_mask;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, &old_mask);
  int status = kExitSucceeded;
  {
    std::mutex err_mu;
    auto log_line = [&err, &err_mu](const std::string& line) {
      std::lock_guard<std::mutex> lock(err_mu);
      err << line << "\n";
      err.flush();
    };
    ManualClock virtual_clock(
        std::chrono::time_point_cast<std::chrono::milliseconds>(
            std::chrono::system_clock::now()));
    EngineOptions engine_options;
    if (serve.virtual_time) {
      engine_options.worker_threads = 0;
      engine_options.clock = &virtual_clock;
    }
    // A durable store (--store) plugs in here: engine_options.store, and
    // engine.Resume() once the task handlers below are registered.
    Engine engine(engine_options);
    if (serve.mocks_file) {
      if (Status s = engine.LoadMocks(mocks); !s.ok()) {
        log_line(FormatApiError(s, *serve.mocks_file));
        pthread_sigmask(SIG_SETMASK, &old_mask, nullptr);
        return kExitInvalid;
      }
    }
    StderrSink forward_stderr = [&](std::string_view text) {
      std::string line(text);
      while (!line.empty() && line.back() == '\n') line.pop_back();
      log_line(line);
    };
    for (const TaskCommand& task : serve.tasks) {
      engine.RegisterTaskHandler(
          task.key, MakeCommandTaskHandler(task.command, forward_stderr));
    }
    engine.SetDefaultTaskHandler([&log_line](const TaskRequest& r) {
      if (IsCallbackMode(r.task_mode)) {
        log_line("fnf serve: task " + r.state_name + " of execution " +
                 r.execution_name + " (flow " + r.flow_name +
                 ") waits for a callback: ReportTaskSucceeded or "
                 "ReportTaskFailed with TaskToken=" +
                 r.task_token);
        return TaskResult::Pending();
      }
      return TaskResult::Failed(
          "FnF.TaskFailed",
          "no --task or --mocks entry of fnf serve matches state '" +
              r.state_name + "', resource '" + r.resource_arn +
              "' or action '" + r.action + "'");
    });

    std::optional<VirtualTimeDriver> driver;
    if (serve.virtual_time) driver.emplace(engine, virtual_clock);
    ServerOptions options;
    options.host = serve.host;
    options.port = serve.port;
    if (serve.key_id && serve.key_secret) {
      options.access_keys.push_back({*serve.key_id, *serve.key_secret});
    }
    options.check_signatures = !serve.no_auth;
    options.region = serve.region;
    if (!serve.quiet) {
      options.access_log = [&log_line](const AccessLogEntry& entry) {
        log_line(entry.ToString());
      };
    }
    if (driver) options.after_api_call = [&driver] { driver->Poke(); };
    Server server(engine, options);
    if (Status s = server.Start(); !s.ok()) {
      log_line("fnf serve: " + s.message());
      status = kExitEndedOtherwise;
    } else {
      out << "fnf serve: listening on " << server.url() << "\n";
      out.flush();
      int signal_number = 0;
      sigwait(&stop_signals, &signal_number);
      log_line(std::string("fnf serve: stopping (") +
               (signal_number == SIGINT ? "SIGINT" : "SIGTERM") + ")");
      server.Stop();
    }
    driver.reset();
  }
  pthread_sigmask(SIG_SETMASK, &old_mask, nullptr);
  return status;
}

}  // namespace fnf::cli
