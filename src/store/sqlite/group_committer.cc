#include "store/sqlite/group_committer.h"

#include <future>
#include <vector>

#include "store/crash_point.h"
#include "store/sqlite/sqlite_db.h"

namespace fnf::internal {

GroupCommitter::GroupCommitter(SqliteDb* db, size_t max_batch)
    : db_(db), max_batch_(max_batch), thread_([this] { Loop(); }) {}

GroupCommitter::~GroupCommitter() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void GroupCommitter::Submit(Work work, Done done) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    queue_.push_back({std::move(work), std::move(done)});
  }
  cv_.notify_one();
}

Status GroupCommitter::Write(Work work) {
  std::promise<Status> result;
  std::future<Status> future = result.get_future();
  Submit(std::move(work),
         [&result](Status s) { result.set_value(std::move(s)); });
  return future.get();
}

GroupCommitter::Stats GroupCommitter::stats() const {
  std::lock_guard<std::mutex> lock(mu_);
  return stats_;
}

void GroupCommitter::Loop() {
  std::deque<Item> batch;
  for (;;) {
    {
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and everything committed
      while (!queue_.empty() && batch.size() < max_batch_) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    RunBatch(batch);
    batch.clear();
  }
}

namespace {

// Runs one cached, prepared control statement (BEGIN, SAVEPOINT ...): these
// run several times per batch, so they are not parsed each time.
Status Control(SqliteDb& db, std::string_view sql) {
  auto stmt = db.Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  return (*stmt)->Run();
}

}  // namespace

void GroupCommitter::RunBatch(std::deque<Item>& batch) {
  std::vector<Status> results(batch.size());
  Status txn = Control(*db_, "BEGIN IMMEDIATE");
  if (txn.ok()) {
    CrashPoint("commit.before_txn");
    for (size_t i = 0; i < batch.size() && txn.ok(); ++i) {
      Status s = Control(*db_, "SAVEPOINT w");
      if (s.ok()) {
        s = batch[i].work(*db_);
        if (!db_->InTransaction()) {
          // SQLite rolled back the whole transaction (it may on a full disk
          // or an I/O error): every write of the batch is lost with it.
          txn = s.ok() ? db_->Error(1, "a batch") : s;
          break;
        }
        Status end = s.ok() ? Control(*db_, "RELEASE w")
                            : Control(*db_, "ROLLBACK TO w");
        if (!s.ok() && end.ok()) end = Control(*db_, "RELEASE w");
        if (s.ok()) s = end;
      }
      results[i] = std::move(s);
      if (i == 0) CrashPoint("commit.mid_txn");
    }
    if (txn.ok()) txn = Control(*db_, "COMMIT");
    // A failed COMMIT (a full disk, an I/O error) may leave the transaction
    // open; roll it back so the next batch starts clean.
    if (!txn.ok() && db_->InTransaction()) (void)Control(*db_, "ROLLBACK");
  }
  if (txn.ok()) CrashPoint("commit.after_durable");
  {
    std::lock_guard<std::mutex> lock(mu_);
    ++stats_.batches;
    stats_.writes += batch.size();
  }
  for (size_t i = 0; i < batch.size(); ++i) {
    batch[i].done(txn.ok() ? std::move(results[i]) : txn);
  }
}

}  // namespace fnf::internal
