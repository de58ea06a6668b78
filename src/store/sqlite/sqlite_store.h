// The SQLite store: one file in WAL mode, written through a group committer
// on one connection and read through a second one. Owns the file's lock for
// its whole life.
#ifndef FNF_STORE_SQLITE_SQLITE_STORE_H_
#define FNF_STORE_SQLITE_SQLITE_STORE_H_

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "fnf/store.h"

#include "store/sqlite/file_lock.h"
#include "store/sqlite/group_committer.h"
#include "store/sqlite/schema.h"
#include "store/sqlite/sqlite_db.h"
#include "store/store_handle.h"

namespace fnf::internal {

struct SqliteStoreOptions {
  Durability durability = Durability::kPowerLoss;
  // Test hooks. max_pages > 0 caps the file at that many pages, which SQLite
  // reports exactly as a full disk.
  int64_t max_pages = 0;
  // The format version to bring the file to, and the steps to get there.
  int target_version = kStoreFormatVersion;
  const std::vector<Migration>* migrations = nullptr;  // nullptr: this build's
};

class SqliteStore : public Store {
 public:
  // Opens or creates the store at `path`; errors as OpenSqliteStore.
  static StatusOr<std::shared_ptr<SqliteStore>> Open(
      const std::string& path, const SqliteStoreOptions& options = {});
  ~SqliteStore() override;

  const std::string& path() const { return path_; }
  Durability durability() const { return durability_; }

  // Writes go through here: batched with other threads' writes, durable when
  // they return OK (or when `done` is told OK).
  GroupCommitter& committer() { return *committer_; }

  // One Engine at a time uses a store: true when this call attached it, false
  // when another Engine holds it. Thread-safe.
  bool AttachEngine() { return !engine_attached_.exchange(true); }
  void DetachEngine() { engine_attached_.store(false); }

  // Runs `read` on the reading connection (committed state only). Thread-safe:
  // readers take turns.
  Status Read(const std::function<Status(SqliteDb&)>& read);

 private:
  SqliteStore(std::string path, Durability durability)
      : path_(std::move(path)), durability_(durability) {}

  std::string path_;
  Durability durability_;
  std::atomic<bool> engine_attached_{false};
  std::unique_ptr<FileLock> lock_;
  std::unique_ptr<SqliteDb> writer_;
  std::mutex read_mu_;
  std::unique_ptr<SqliteDb> reader_;
  std::unique_ptr<GroupCommitter> committer_;  // last: stops first
};

}  // namespace fnf::internal

#endif  // FNF_STORE_SQLITE_SQLITE_STORE_H_
