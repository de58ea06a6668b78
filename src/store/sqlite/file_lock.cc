#include "store/sqlite/file_lock.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "common/strings.h"
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace fnf::internal {
namespace {

// The pid the holder wrote into the lock file, for the message; 0 if unknown.
long HolderPid(int fd) {
  char buf[32] = {};
  ssize_t n = pread(fd, buf, sizeof(buf) - 1, 0);
  return n > 0 ? std::strtol(buf, nullptr, 10) : 0;
}

}  // namespace

StatusOr<std::unique_ptr<FileLock>> FileLock::Acquire(
    const std::string& lock_path, const std::string& store_path) {
  int fd = open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    return Status(
        ErrorCode::kInvalidArgument,
        StrCat("store ", store_path, " cannot be opened: its lock file ",
               lock_path, " cannot be created (", std::strerror(errno), ")."));
  }
  if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
    int err = errno;
    long pid = HolderPid(fd);
    close(fd);
    if (err == EWOULDBLOCK) {
      std::string holder = pid > 0 && pid != getpid()
                               ? StrCat("process ", pid)
                               : std::string("another open store");
      return Status(
          ErrorCode::kPreconditionFailed,
          StrCat("store ", store_path, " is in use by ", holder, " (",
                 lock_path,
                 " is locked); one process at a time may open a store."));
    }
    return Status(ErrorCode::kInvalidArgument,
                  StrCat("store ", store_path, ": cannot lock ", lock_path,
                         " (", std::strerror(err), ")."));
  }
  // Record the holder for the message another process would print.
  std::string pid = StrCat(getpid(), "\n");
  if (ftruncate(fd, 0) == 0) {
    (void)!pwrite(fd, pid.data(), pid.size(), 0);
  }
  return std::unique_ptr<FileLock>(new FileLock(fd));
}

FileLock::~FileLock() {
  flock(fd_, LOCK_UN);
  close(fd_);
}

}  // namespace fnf::internal
