// OpenPostgresStore: reserved by the API; the PostgreSQL store is not part of
// this build, so it says so instead of pretending.
#include "fnf/store.h"

namespace fnf {

StatusOr<std::shared_ptr<Store>> OpenPostgresStore(const std::string& conninfo,
                                                   PostgresOptions options) {
  (void)conninfo;
  (void)options;
  return Status(ErrorCode::kActionNotSupported,
                "PostgreSQL stores are not available in this build of fnf; "
                "use OpenSqliteStore for a durable store on one host.");
}

}  // namespace fnf
