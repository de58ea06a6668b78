#include "tests/crash/crash_driver.h"

#include <atomic>
#include <cstdlib>
#include <cstring>

#include "store/crash_point.h"
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fnf::testing {
namespace {

std::string g_point;
std::atomic<int> g_left{0};

void KillAt(const char* point) {
  if (g_point == point && g_left.fetch_sub(1) == 1) raise(SIGKILL);
}

}  // namespace

void ArmCrashPoint(const std::string& point, int n) {
  g_point = point;
  g_left = n;
  internal::SetCrashHook(&KillAt);
}

void Ack(int fd, int64_t id) {
  std::string line = std::to_string(id) + "\n";
  (void)!write(fd, line.data(), line.size());
}

void AckError(int fd, const std::string& message) {
  std::string line = "E " + message + "\n";
  (void)!write(fd, line.data(), line.size());
}

ChildRun RunChild(const std::function<int(int ack_fd)>& body, int kill_after) {
  ChildRun run;
  int fds[2];
  if (pipe(fds) != 0) {
    run.errors = "pipe failed";
    return run;
  }
  pid_t pid = fork();
  if (pid < 0) {
    run.errors = "fork failed";
    return run;
  }
  if (pid == 0) {
    close(fds[0]);
    int code = body(fds[1]);
    _exit(code);
  }
  close(fds[1]);
  std::string pending;
  char buf[4096];
  bool sent_kill = false;
  for (;;) {
    ssize_t n = read(fds[0], buf, sizeof(buf));
    if (n <= 0) break;
    pending.append(buf, static_cast<size_t>(n));
    size_t nl;
    while ((nl = pending.find('\n')) != std::string::npos) {
      std::string line = pending.substr(0, nl);
      pending.erase(0, nl + 1);
      if (!line.empty() && line[0] == 'E') {
        run.errors += line + "\n";
      } else {
        run.acked.insert(std::strtoll(line.c_str(), nullptr, 10));
      }
    }
    if (kill_after > 0 && !sent_kill &&
        run.acked.size() >= static_cast<size_t>(kill_after)) {
      kill(pid, SIGKILL);
      sent_kill = true;
    }
  }
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  run.killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
  if (WIFEXITED(status)) run.exit_code = WEXITSTATUS(status);
  return run;
}

}  // namespace fnf::testing
