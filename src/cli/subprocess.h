// Runs a shell command with its standard streams connected to the caller.
#ifndef FNF_CLI_SUBPROCESS_H_
#define FNF_CLI_SUBPROCESS_H_

#include <functional>
#include <string>
#include <string_view>

namespace fnf::cli {

struct SubprocessResult {
  // False when the command could not be started at all; `error` then says why.
  bool started = false;
  std::string error;
  // How it ended: `exit_code` when it exited (0..255), `signal` when a signal
  // killed it.
  int exit_code = -1;
  int signal = 0;
  std::string stdout_data, stderr_data;

  bool succeeded() const { return started && signal == 0 && exit_code == 0; }
};

// Runs `command` with `/bin/sh -c`, writes `stdin_data` to its standard input
// (then closes it), and collects its standard output and error until both are
// closed and the command has ended. The command inherits the environment and
// working directory; its signal mask is empty and SIGPIPE has its default
// action; it leads a process group of its own (its id is the command's process
// id). Thread-safe: several commands may run at once from different threads.
// Never raises SIGPIPE in the caller, even when the command does not read its
// input. `on_started`, when given, gets the command's process id as soon as it
// runs (so that another thread can signal it).
SubprocessResult RunShellCommand(
    const std::string& command, std::string_view stdin_data,
    const std::function<void(int pid)>& on_started = {});

}  // namespace fnf::cli

#endif  // FNF_CLI_SUBPROCESS_H_
