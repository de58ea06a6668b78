#include "cli/task_runner.h"

#include <sstream>
#include <string>
#include <utility>

#include "cli/args.h"
#include "cli/json_text.h"
#include "cli/subprocess.h"
#include "json/json.h"
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>

namespace fnf::cli {
namespace {

// The terminal's answer: `fail ERROR [CAUSE]` or a JSON object.
struct Answer {
  bool ok = false;      // a usable answer
  bool failed = false;  // fail ERROR ...
  std::string output, error, cause;
  std::string problem;  // why it is not usable
};

Answer ParseAnswer(const std::string& line) {
  Answer answer;
  std::string_view text = TrimJsonSpace(line);
  if (text.rfind("fail", 0) == 0 &&
      (text.size() == 4 || text[4] == ' ' || text[4] == '\t')) {
    std::istringstream words{std::string(text.substr(4))};
    words >> answer.error;
    std::getline(words >> std::ws, answer.cause);
    if (answer.error.empty()) {
      answer.problem = "fail needs an ERROR name";
      return answer;
    }
    answer.ok = answer.failed = true;
    return answer;
  }
  if (auto problem = FindJsonProblem(text, /*require_object=*/true)) {
    answer.problem = "not a JSON object: " + problem->message;
    return answer;
  }
  answer.ok = true;
  answer.output = std::string(text);
  return answer;
}

}  // namespace

TaskRunner::TaskRunner(Engine& engine, StderrSink stderr_sink, int answers_fd)
    : engine_(engine),
      stderr_sink_(std::move(stderr_sink)),
      answers_fd_(answers_fd) {}

TaskRunner::~TaskRunner() {
  std::list<std::thread> threads;
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
    // The whole group: the shell and whatever it started.
    for (int pid : pids_) ::kill(-pid, SIGTERM);
    threads.swap(threads_);
  }
  for (std::thread& thread : threads) thread.join();
}

TaskHandler TaskRunner::Handler(std::string command) {
  return [this, command = std::move(command)](const TaskRequest& request) {
    if (command == kAskTerminal) {
      Start([this, request] { AskTerminal(request); });
    } else {
      Start([this, command, request] { RunCommand(command, request); });
    }
    return TaskResult::Pending();
  };
}

int TaskRunner::Running() const {
  std::lock_guard<std::mutex> lock(mu_);
  return running_;
}

uint64_t TaskRunner::Reported() const {
  std::lock_guard<std::mutex> lock(mu_);
  return reported_;
}

void TaskRunner::WaitForReport(uint64_t seen) const {
  std::unique_lock<std::mutex> lock(mu_);
  changed_.wait(lock, [&] { return reported_ != seen || running_ == 0; });
}

void TaskRunner::Start(std::function<void()> work) {
  std::lock_guard<std::mutex> lock(mu_);
  ++running_;
  threads_.emplace_back(std::move(work));
}

void TaskRunner::Finish() {
  std::lock_guard<std::mutex> lock(mu_);
  --running_;
  ++reported_;
  changed_.notify_all();
}

void TaskRunner::RunCommand(const std::string& command,
                            const TaskRequest& request) {
  int started_pid = -1;
  SubprocessResult run =
      RunShellCommand(command, TaskRequestToJson(request), [&](int pid) {
        std::lock_guard<std::mutex> lock(mu_);
        started_pid = pid;
        pids_.insert(pid);
        if (stopping_) ::kill(-pid, SIGTERM);
      });
  {
    std::lock_guard<std::mutex> lock(mu_);
    pids_.erase(started_pid);
  }
  if (stderr_sink_ && !run.stderr_data.empty()) stderr_sink_(run.stderr_data);
  Report(request, TaskResultFromCommand(request, run));
  Finish();
}

void TaskRunner::Report(const TaskRequest& request, const TaskResult& result) {
  if (result.kind != TaskResult::Kind::kSucceeded) {
    (void)engine_.ReportTaskFailed(request.task_token, result.error,
                                   result.cause);
    return;
  }
  Status status =
      engine_.ReportTaskSucceeded(request.task_token, result.output);
  // TaskAlreadyCompleted (the task timed out, the execution ended) is no one's
  // mistake here: the answer simply came too late.
  if (status.ok() || status.code() == "TaskAlreadyCompleted") return;
  // A legacy command may print its object as a JSON string ("{\"a\": 1}"), as a
  // function's body often is.
  internal::JsonParseResult parsed = internal::ParseJson(result.output);
  if (parsed.ok && parsed.value.is_string()) {
    status = engine_.ReportTaskSucceeded(request.task_token,
                                         parsed.value.as_string());
    if (status.ok() || status.code() == "TaskAlreadyCompleted") return;
  }
  (void)engine_.ReportTaskFailed(
      request.task_token, std::string(kTaskFailedError),
      parsed.ok ? "the task output must be a JSON object, got " +
                      std::string(parsed.value.type_name())
                : status.message());
}

void TaskRunner::AskTerminal(const TaskRequest& request) {
  std::lock_guard<std::mutex> terminal(terminal_mu_);
  std::string prompt = "fnf: task " + request.state_name + " (" +
                       request.task_mode + ") waits for an answer\n" +
                       "  TaskToken:  " + request.task_token + "\n" +
                       "  Input:      " + request.input + "\n";
  if (!request.parameters.empty() && request.parameters != "{}") {
    prompt += "  Parameters: " + request.parameters + "\n";
  }
  prompt +=
      "Type its output as one line of JSON (e.g. {\"approved\": true}), or "
      "'fail ERROR [CAUSE]':\n";
  stderr_sink_(prompt);
  for (;;) {
    std::string line;
    if (!ReadAnswerLine(&line)) {
      (void)engine_.ReportTaskFailed(
          request.task_token, std::string(kTaskFailedError),
          "no answer for task " + request.state_name +
              ": standard input ended");
      break;
    }
    Answer answer = ParseAnswer(line);
    if (!answer.ok) {
      stderr_sink_("fnf: " + answer.problem + "; try again:\n");
      continue;
    }
    Status status =
        answer.failed
            ? engine_.ReportTaskFailed(request.task_token, answer.error,
                                       answer.cause)
            : engine_.ReportTaskSucceeded(request.task_token, answer.output);
    if (!status.ok() && status.code() != "TaskAlreadyCompleted") {
      stderr_sink_("fnf: " + status.message() + "; try again:\n");
      continue;
    }
    break;
  }
  Finish();
}

bool TaskRunner::ReadAnswerLine(std::string* line) {
  for (;;) {
    size_t newline = answers_buffer_.find('\n');
    if (newline != std::string::npos) {
      *line = answers_buffer_.substr(0, newline);
      answers_buffer_.erase(0, newline + 1);
      return true;
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (stopping_) return false;
    }
    // Wakes up now and then to notice that the run has ended.
    pollfd fd{answers_fd_, POLLIN, 0};
    int ready = ::poll(&fd, 1, 100);
    if (ready < 0 && errno != EINTR) return false;
    if (ready <= 0) continue;
    char buffer[4096];
    ssize_t n = ::read(answers_fd_, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      // The last line may lack its newline.
      if (answers_buffer_.empty()) return false;
      *line = std::move(answers_buffer_);
      answers_buffer_.clear();
      return true;
    }
    answers_buffer_.append(buffer, static_cast<size_t>(n));
  }
}

}  // namespace fnf::cli
