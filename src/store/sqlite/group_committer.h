// Group commit: writes from many threads (one per interpreter run or API
// call) are queued and written by one thread, a batch at a time, in one
// transaction and therefore one sync. A busy engine pays one fsync per batch,
// not per write; a lone writer still commits at once (no timer waits for
// company). Each write runs inside a savepoint, so one that fails (a duplicate
// key, say) is rolled back alone and the rest of its batch still commits.
#ifndef FNF_STORE_SQLITE_GROUP_COMMITTER_H_
#define FNF_STORE_SQLITE_GROUP_COMMITTER_H_

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

#include "fnf/status.h"

namespace fnf::internal {

class SqliteDb;

class GroupCommitter {
 public:
  // One write: runs on the committer thread inside the batch's transaction.
  using Work = std::function<Status(SqliteDb&)>;
  // Runs on the committer thread once the batch is durable (OK) or failed.
  using Done = std::function<void(Status)>;

  // `db` is used only by the committer thread from now on; it must outlive
  // this object.
  explicit GroupCommitter(SqliteDb* db, size_t max_batch = 256);
  GroupCommitter(const GroupCommitter&) = delete;
  GroupCommitter& operator=(const GroupCommitter&) = delete;
  ~GroupCommitter();  // commits what is queued, then stops

  // Queues `work`; `done` learns its outcome. Thread-safe.
  void Submit(Work work, Done done);
  // Queues `work` and waits until it is durable or failed. Thread-safe; must
  // not be called from the committer thread (a Work or Done).
  Status Write(Work work);

  struct Stats {
    uint64_t batches = 0;  // transactions committed (or failed)
    uint64_t writes = 0;   // writes in them
  };
  Stats stats() const;

 private:
  struct Item {
    Work work;
    Done done;
  };
  void Loop();
  void RunBatch(std::deque<Item>& batch);

  SqliteDb* const db_;
  const size_t max_batch_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Item> queue_;
  bool stopping_ = false;
  Stats stats_;
  std::thread thread_;
};

}  // namespace fnf::internal

#endif  // FNF_STORE_SQLITE_GROUP_COMMITTER_H_
