// The one-process-per-store rule: an exclusive flock on "<store>.lock", held
// for the life of the store. The kernel drops it when the process dies, so a
// killed host never leaves a stale lock behind.
#ifndef FNF_STORE_SQLITE_FILE_LOCK_H_
#define FNF_STORE_SQLITE_FILE_LOCK_H_

#include <memory>
#include <string>

#include "fnf/status.h"

namespace fnf::internal {

class FileLock {
 public:
  // Takes the lock on `lock_path` without waiting. `store_path` names the
  // store in messages. PreconditionFailed when another open file holds it
  // (another process, or another store object in this one); InvalidArgument
  // when the lock file cannot be created.
  static StatusOr<std::unique_ptr<FileLock>> Acquire(
      const std::string& lock_path, const std::string& store_path);
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;
  ~FileLock();  // releases the lock

 private:
  explicit FileLock(int fd) : fd_(fd) {}
  int fd_;
};

}  // namespace fnf::internal

#endif  // FNF_STORE_SQLITE_FILE_LOCK_H_
