#include "cli/serve_command.h"

#include <condition_variable>
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
#include "fnf/store.h"
#include "fnf/types.h"

#include "cli/args.h"
#include "cli/cli.h"
#include "cli/command_task.h"
#include "cli/commands.h"
#include "cli/file_io.h"
#include "cli/messages.h"
#ifdef FNF_HAVE_CONSOLE
#include "console/console.h"
#endif
#include <pthread.h>
#include <signal.h>

namespace fnf::cli {
namespace {

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

int ServeCommand(const std::vector<std::string>& args, std::ostream& out,
                 std::ostream& err) {
  ServeArgs serve;
  if (auto done = ParseCommandArgs("serve", args, ParseServeArgs, ServeHelp,
                                   &serve, out, err)) {
    return *done;
  }
  for (const TaskCommand& task : serve.tasks) {
    if (task.command == kAskTerminal) {
      return ArgumentError(
          "serve",
          "--task " + task.key +
              "=- reads answers from a terminal, which a server has not; "
              "leave the task to a callback (its TaskToken is logged) and "
              "answer with ReportTaskSucceeded or ReportTaskFailed",
          err);
    }
  }
#ifndef FNF_HAVE_CONSOLE
  if (serve.console_token) {
    return ArgumentError(
        "serve",
        "--console-token: this fnf was built without the web console "
        "(libgraphviz-dev was missing)",
        err);
  }
#endif
  std::string mocks, error;
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
    if (serve.store) {
      StatusOr<std::shared_ptr<Store>> store = OpenSqliteStore(*serve.store);
      if (!store.ok()) {
        log_line(FormatApiError(store.status(), ""));
        pthread_sigmask(SIG_SETMASK, &old_mask, nullptr);
        return kExitInvalid;
      }
      engine_options.store = std::move(*store);
    }
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

    // With --store: what a previous server left running goes on, now that
    // the task handlers are registered.
    if (Status s = engine.Resume(); !s.ok()) {
      log_line(FormatApiError(s, ""));
      pthread_sigmask(SIG_SETMASK, &old_mask, nullptr);
      return kExitInvalid;
    }
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
#ifdef FNF_HAVE_CONSOLE
    // As Jupyter does: a fresh token per start unless one is given. Declared
    // before the server, which calls it until it stops.
    const std::string console_token =
        serve.console_token ? *serve.console_token : console::NewToken();
    std::optional<console::Console> web_console;
#endif
    Server server(engine, options);
#ifdef FNF_HAVE_CONSOLE
    if (!serve.no_console) {
      console::ConsoleOptions console_options{.token = console_token};
      if (driver) console_options.after_change = [&driver] { driver->Poke(); };
      web_console.emplace(engine, std::move(console_options));
      server.AddRoute("/console", [&web_console](const HttpRequest& request) {
        return web_console->Handle(request);
      });
    }
#endif
    if (Status s = server.Start(); !s.ok()) {
      log_line("fnf serve: " + s.message());
      status = kExitEndedOtherwise;
    } else {
      out << "fnf serve: listening on " << server.url() << "\n";
#ifdef FNF_HAVE_CONSOLE
      if (web_console) {
        out << "fnf serve: console at " << server.url()
            << "/console/?token=" << console_token << "\n";
      }
#endif
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
