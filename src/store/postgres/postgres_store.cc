#include "store/postgres/postgres_store.h"

#include "common/strings.h"
#include "store/postgres/pg_schema.h"

namespace fnf::internal {
namespace {

Status CheckOptions(const PostgresOptions& options) {
  if (options.lease.count() <= 0) {
    return Status(ErrorCode::kInvalidArgument,
                  StrCat("OpenPostgresStore: PostgresOptions.lease must be "
                         "positive (it is ",
                         options.lease.count(), " ms)."));
  }
  if (options.poll.count() <= 0 || options.poll >= options.lease) {
    return Status(ErrorCode::kInvalidArgument,
                  StrCat("OpenPostgresStore: PostgresOptions.poll must be "
                         "positive and shorter than the lease (poll ",
                         options.poll.count(), " ms, lease ",
                         options.lease.count(), " ms)."));
  }
  return Status();
}

}  // namespace

StatusOr<std::shared_ptr<PostgresStore>> PostgresStore::Open(
    const std::string& conninfo, const PostgresStoreOptions& options) {
  Status s = CheckOptions(options.postgres);
  if (!s.ok()) return s;
  if (conninfo.empty()) {
    // libpq would connect to a default server; a store must be named.
    return Status(ErrorCode::kInvalidArgument,
                  "OpenPostgresStore: the connection string is empty.");
  }
  auto conn = PgConn::Connect(conninfo);
  if (!conn.ok()) return conn.status();
  s = PreparePgSchema(
      **conn, options.target_version,
      options.migrations ? *options.migrations : StoreMigrations());
  if (!s.ok()) return s;
  return std::shared_ptr<PostgresStore>(
      new PostgresStore(std::move(*conn), options.postgres));
}

Status PostgresStore::With(const std::function<Status(PgConn&)>& use) {
  std::lock_guard<std::mutex> lock(mu_);
  return use(*conn_);
}

}  // namespace fnf::internal

namespace fnf {

StatusOr<std::shared_ptr<Store>> OpenPostgresStore(const std::string& conninfo,
                                                   PostgresOptions options) {
  internal::PostgresStoreOptions o;
  o.postgres = options;
  auto store = internal::PostgresStore::Open(conninfo, o);
  if (!store.ok()) return store.status();
  return std::shared_ptr<Store>(std::move(*store));
}

}  // namespace fnf
