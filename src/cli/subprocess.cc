#include "cli/subprocess.h"

#include <array>
#include <string>
#include <vector>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char** environ;

namespace fnf::cli {
namespace {

// Closes the descriptors it holds on every exit path.
class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { Close(); }
  int get() const { return fd_; }
  bool open() const { return fd_ >= 0; }
  void Close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }
  void Reset(int fd) {
    Close();
    fd_ = fd;
  }

 private:
  int fd_ = -1;
};

// O_CLOEXEC so that commands started concurrently from other threads never
// inherit our ends (a leaked write end would keep another command's reader from
// ever seeing end-of-file).
bool MakePipe(Fd* read_end, Fd* write_end) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return false;
  read_end->Reset(fds[0]);
  write_end->Reset(fds[1]);
  return true;
}

std::string ErrnoText(const char* what, int err) {
  return std::string(what) + ": " + ::strerror(err);
}

// Blocks SIGPIPE on this thread while a command runs, so that writing to a
// command that has closed its input yields EPIPE instead of killing the
// process; a SIGPIPE raised meanwhile is consumed before the old mask comes
// back. Thread-directed, so other threads are unaffected.
class SigpipeGuard {
 public:
  SigpipeGuard() {
    sigset_t pipe_set;
    sigemptyset(&pipe_set);
    sigaddset(&pipe_set, SIGPIPE);
    ::pthread_sigmask(SIG_BLOCK, &pipe_set, &old_mask_);
  }
  SigpipeGuard(const SigpipeGuard&) = delete;
  SigpipeGuard& operator=(const SigpipeGuard&) = delete;
  ~SigpipeGuard() {
    if (!sigismember(&old_mask_, SIGPIPE)) {
      sigset_t pending;
      sigemptyset(&pending);
      if (::sigpending(&pending) == 0 && sigismember(&pending, SIGPIPE)) {
        sigset_t pipe_set;
        sigemptyset(&pipe_set);
        sigaddset(&pipe_set, SIGPIPE);
        const timespec no_wait{0, 0};
        while (::sigtimedwait(&pipe_set, nullptr, &no_wait) < 0 &&
               errno == EINTR) {
        }
      }
    }
    ::pthread_sigmask(SIG_SETMASK, &old_mask_, nullptr);
  }

 private:
  sigset_t old_mask_;
};

// Starts `/bin/sh -c command` with the given pipe ends as its standard streams.
int Spawn(const std::string& command, int stdin_fd, int stdout_fd,
          int stderr_fd, pid_t* pid) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, stdin_fd, STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, stdout_fd, STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, stderr_fd, STDERR_FILENO);

  // A command should start like one run from a terminal, whatever mask the
  // engine thread that runs the task has and whatever the host did with
  // SIGPIPE.
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t empty_mask;
  sigemptyset(&empty_mask);
  posix_spawnattr_setsigmask(&attr, &empty_mask);
  sigset_t default_set;
  sigemptyset(&default_set);
  sigaddset(&default_set, SIGPIPE);
  posix_spawnattr_setsigdefault(&attr, &default_set);
  // A process group of its own, so that the command and everything it starts
  // can be ended together (kill(-pid, ...)) when its answer is no longer
  // wanted.
  posix_spawnattr_setpgroup(&attr, 0);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK |
                                      POSIX_SPAWN_SETSIGDEF |
                                      POSIX_SPAWN_SETPGROUP);

  std::string arg0 = "sh", arg1 = "-c", arg2 = command;
  std::array<char*, 4> argv = {arg0.data(), arg1.data(), arg2.data(), nullptr};
  int rc = ::posix_spawn(pid, "/bin/sh", &actions, &attr, argv.data(), environ);
  posix_spawnattr_destroy(&attr);
  posix_spawn_file_actions_destroy(&actions);
  return rc;
}

// Appends whatever `fd` has to `sink`; returns false at end-of-file or on an
// error.
bool ReadSome(int fd, std::string* sink) {
  char buffer[16384];
  for (;;) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n > 0) {
      sink->append(buffer, static_cast<size_t>(n));
      return true;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno == EAGAIN) return true;
    return false;
  }
}

}  // namespace

SubprocessResult RunShellCommand(
    const std::string& command, std::string_view stdin_data,
    const std::function<void(int pid)>& on_started) {
  SubprocessResult result;
  SigpipeGuard sigpipe_guard;

  Fd in_read, in_write, out_read, out_write, err_read, err_write;
  if (!MakePipe(&in_read, &in_write) || !MakePipe(&out_read, &out_write) ||
      !MakePipe(&err_read, &err_write)) {
    result.error = ErrnoText("cannot create a pipe", errno);
    return result;
  }
  pid_t pid = 0;
  if (int rc =
          Spawn(command, in_read.get(), out_write.get(), err_write.get(), &pid);
      rc != 0) {
    result.error = ErrnoText("cannot run /bin/sh", rc);
    return result;
  }
  result.started = true;
  if (on_started) on_started(pid);
  in_read.Close();
  out_write.Close();
  err_write.Close();

  // One poll loop feeds stdin and drains both outputs, so a command that writes
  // a lot before reading (or never reads) cannot deadlock against us.
  ::fcntl(in_write.get(), F_SETFL,
          ::fcntl(in_write.get(), F_GETFL) | O_NONBLOCK);
  size_t written = 0;
  if (stdin_data.empty()) in_write.Close();
  while (in_write.open() || out_read.open() || err_read.open()) {
    std::vector<pollfd> fds;
    if (in_write.open()) fds.push_back({in_write.get(), POLLOUT, 0});
    if (out_read.open()) fds.push_back({out_read.get(), POLLIN, 0});
    if (err_read.open()) fds.push_back({err_read.get(), POLLIN, 0});
    if (::poll(fds.data(), fds.size(), -1) < 0) {
      if (errno == EINTR) continue;
      result.error = ErrnoText("poll", errno);
      break;
    }
    for (const pollfd& p : fds) {
      if (p.revents == 0) continue;
      if (p.fd == in_write.get()) {
        ssize_t n = ::write(p.fd, stdin_data.data() + written,
                            stdin_data.size() - written);
        if (n > 0) written += static_cast<size_t>(n);
        // EPIPE (or POLLERR): the command closed its input early; that is its
        // business.
        if ((n < 0 && errno != EAGAIN && errno != EINTR) ||
            written == stdin_data.size()) {
          in_write.Close();
        }
      } else if (p.fd == out_read.get()) {
        if (!ReadSome(p.fd, &result.stdout_data)) out_read.Close();
      } else if (p.fd == err_read.get()) {
        if (!ReadSome(p.fd, &result.stderr_data)) err_read.Close();
      }
    }
  }
  in_write.Close();
  out_read.Close();
  err_read.Close();

  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) {
      result.error = ErrnoText("waitpid", errno);
      return result;
    }
  }
  if (WIFEXITED(status)) {
    result.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    result.signal = WTERMSIG(status);
  }
  return result;
}

}  // namespace fnf::cli
