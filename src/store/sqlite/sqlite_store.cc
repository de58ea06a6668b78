#include "store/sqlite/sqlite_store.h"

#include "common/strings.h"

namespace fnf::internal {
namespace {

// SQLite waits this long for its own file locks (only a checkpoint racing a
// read can hold one: the process-level lock keeps other writers out).
constexpr int kBusyTimeoutMs = 5000;

Status Configure(SqliteDb& db, const SqliteStoreOptions& options) {
  Status s = db.Exec(StrCat("PRAGMA busy_timeout = ", kBusyTimeoutMs));
  if (!s.ok()) return s;
  auto mode = db.QueryText("PRAGMA journal_mode = WAL");
  if (!mode.ok()) return mode.status();
  if (mode->value_or("") != "wal") {
    return Status(ErrorCode::kInvalidArgument,
                  StrCat("store ", db.path(),
                         ": the file system does not support SQLite's WAL "
                         "mode (journal mode is ",
                         mode->value_or("?"), ")."));
  }
  s = db.Exec(options.durability == Durability::kPowerLoss
                  ? "PRAGMA synchronous = FULL"
                  : "PRAGMA synchronous = NORMAL");
  if (!s.ok()) return s;
  if (options.max_pages > 0) {
    auto pages =
        db.QueryInt(StrCat("PRAGMA max_page_count = ", options.max_pages));
    if (!pages.ok()) return pages.status();
  }
  return Status();
}

// The quick integrity check: a damaged file is refused at open, not found
// half-way through a recovery.
Status CheckIntegrity(SqliteDb& db) {
  auto result = db.QueryText("PRAGMA quick_check");
  if (!result.ok()) return result.status();
  if (result->value_or("") != "ok") {
    return Status(
        ErrorCode::kInternalServerError,
        StrCat("store ", db.path(), " is damaged (integrity check: ",
               result->value_or("no answer"), "); restore it from a backup."));
  }
  return Status();
}

// Whether the file is one we may touch: absent, empty, or an fnf store. Reads
// only, so that a wrong path never changes someone else's file.
Status Identify(const std::string& path) {
  auto db = SqliteDb::Open(path, /*create=*/true);
  if (!db.ok()) return db.status();
  auto app = (*db)->QueryInt("PRAGMA application_id");
  if (!app.ok()) return app.status();
  if (app->value_or(0) == kSqliteApplicationId) return Status();
  auto tables = (*db)->QueryInt("SELECT count(*) FROM sqlite_master");
  if (!tables.ok()) return tables.status();
  if (app->value_or(0) != 0 || tables->value_or(0) != 0) {
    return Status(ErrorCode::kInvalidArgument,
                  StrCat("store ", path,
                         " is not an fnf store (an SQLite database of "
                         "another application)."));
  }
  return Status();
}

}  // namespace

StatusOr<std::shared_ptr<SqliteStore>> SqliteStore::Open(
    const std::string& path, const SqliteStoreOptions& options) {
  if (path.empty()) {
    return Status(ErrorCode::kInvalidArgument,
                  "OpenSqliteStore: the store path is empty.");
  }
  Status s = Identify(path);
  if (!s.ok()) return s;
  std::shared_ptr<SqliteStore> store(new SqliteStore(path, options.durability));
  auto lock = FileLock::Acquire(path + ".lock", path);
  if (!lock.ok()) return lock.status();
  store->lock_ = std::move(*lock);

  auto writer = SqliteDb::Open(path, /*create=*/true);
  if (!writer.ok()) return writer.status();
  store->writer_ = std::move(*writer);
  s = Configure(*store->writer_, options);
  if (s.ok()) s = CheckIntegrity(*store->writer_);
  if (s.ok()) {
    s = PrepareSchema(
        *store->writer_, options.target_version,
        options.migrations ? *options.migrations : StoreMigrations());
  }
  if (!s.ok()) return s;

  auto reader = SqliteDb::Open(path, /*create=*/false);
  if (!reader.ok()) return reader.status();
  store->reader_ = std::move(*reader);
  s = store->reader_->Exec(StrCat("PRAGMA busy_timeout = ", kBusyTimeoutMs,
                                  "; PRAGMA query_only = 1"));
  if (!s.ok()) return s;

  store->committer_ = std::make_unique<GroupCommitter>(store->writer_.get());
  return store;
}

SqliteStore::~SqliteStore() {
  committer_.reset();  // commits what is queued before the connections close
}

Status SqliteStore::Read(const std::function<Status(SqliteDb&)>& read) {
  std::lock_guard<std::mutex> lock(read_mu_);
  return read(*reader_);
}

}  // namespace fnf::internal

namespace fnf {

StatusOr<std::shared_ptr<Store>> OpenSqliteStore(const std::string& path,
                                                 Durability durability) {
  internal::SqliteStoreOptions options;
  options.durability = durability;
  auto store = internal::SqliteStore::Open(path, options);
  if (!store.ok()) return store.status();
  return std::shared_ptr<Store>(std::move(*store));
}

}  // namespace fnf
