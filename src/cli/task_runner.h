// Runs the tasks of `fnf run --task` without holding an engine thread: each
// handler starts the work on a thread of its own, returns
// TaskResult::Pending() at once and reports the result with the task's token
// when the work ends. So a Map's MaxConcurrency, not the engine's thread count,
// decides how many commands run at once, also in manual mode (--virtual-time).
//
// Two kinds of work:
//   - a shell command (`--task KEY=COMMAND`): the protocol of command_task.h;
//   - the terminal (`--task KEY=-`): the request, with its TaskToken, is
//     printed on standard error and the answer read from standard input, one
//     line: a JSON object (the task's output) or `fail ERROR [CAUSE]`. One task
//     asks at a time, in the order they started.
#ifndef FNF_CLI_TASK_RUNNER_H_
#define FNF_CLI_TASK_RUNNER_H_

#include <condition_variable>
#include <cstdint>
#include <list>
#include <mutex>
#include <set>
#include <string>
#include <thread>

#include "fnf/engine.h"
#include "fnf/types.h"

#include "cli/command_task.h"
#include "cli/virtual_run.h"

namespace fnf::cli {

class TaskRunner : public OutsideWork {
 public:
  // Reports go to `engine`; commands' standard error and the terminal prompts
  // go to `stderr_sink`; terminal answers are read from file descriptor
  // `answers_fd`. `engine` must outlive the runner.
  TaskRunner(Engine& engine, StderrSink stderr_sink, int answers_fd = 0);
  // Ends the commands still running (SIGTERM to each command's process group),
  // stops waiting for terminal answers and waits for every thread.
  ~TaskRunner();
  TaskRunner(const TaskRunner&) = delete;
  TaskRunner& operator=(const TaskRunner&) = delete;

  // A handler for `--task KEY=COMMAND`; `command` kAskTerminal asks the
  // terminal instead.
  TaskHandler Handler(std::string command);

  // How many tasks are still being worked on. Thread-safe.
  int Running() const;
  // OutsideWork: counts the tasks whose result has been reported; busy while
  // any task is being worked on.
  uint64_t Reported() const override;
  bool Busy() const override { return Running() > 0; }
  void WaitForReport(uint64_t seen) const override;

 private:
  void Start(std::function<void()> work);
  void RunCommand(const std::string& command, const TaskRequest& request);
  void AskTerminal(const TaskRequest& request);
  void Finish();
  // Reports a command's result; an output the engine refuses fails the task.
  void Report(const TaskRequest& request, const TaskResult& result);
  // The next line of the terminal's answers; false at its end or when the
  // runner stops.
  bool ReadAnswerLine(std::string* line);

  Engine& engine_;
  StderrSink stderr_sink_;
  int answers_fd_;
  std::string answers_buffer_;  // read but not yet a whole line
  mutable std::mutex mu_;
  mutable std::condition_variable changed_;
  int running_ = 0;
  uint64_t reported_ = 0;
  bool stopping_ = false;
  std::set<int> pids_;
  std::list<std::thread> threads_;
  std::mutex terminal_mu_;  // one question at a time
};

}  // namespace fnf::cli

#endif  // FNF_CLI_TASK_RUNNER_H_
