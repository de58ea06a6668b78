// The store's tables, format version 1, written once for both SQL stores:
// SQLite here and PostgreSQL later differ only in the binary column type. The
// file records its format version in `fnf_meta`; opening a newer one is a
// clean error and an older one is migrated step by step, each step in its own
// transaction.
#ifndef FNF_STORE_SQLITE_SCHEMA_H_
#define FNF_STORE_SQLITE_SCHEMA_H_

#include <string>
#include <string_view>
#include <vector>

#include "fnf/status.h"

namespace fnf::internal {

class SqliteDb;

enum class SqlDialect { kSqlite, kPostgres };

// The format version this build writes and the newest it reads.
inline constexpr int kStoreFormatVersion = 1;
// SQLite's header field for the application that owns a file: "fnf!".
inline constexpr int kSqliteApplicationId = 0x666E6621;

// The statements that create format version 1 in `dialect`.
std::vector<std::string> SchemaV1(SqlDialect dialect);

// The statements that take a store from version `from` to `from + 1`.
struct Migration {
  int from = 0;
  std::vector<std::string> statements;
};
// This build's migrations, oldest first (none while only version 1 exists).
const std::vector<Migration>& StoreMigrations();

// InvalidArgument when a store at `where` of format `version` was written by a
// newer fnf than one that reads up to `target`; OK otherwise. Shared by both
// SQL stores so that they say it the same way.
Status CheckNotNewer(std::string_view where, int version, int target);
// The migration step from `from` in `migrations`, or InternalServerError
// naming the store at `where` when there is none.
StatusOr<const Migration*> MigrationFrom(
    const std::vector<Migration>& migrations, int from, std::string_view where);

// Makes `db` an fnf store of version `target`: creates the schema in an empty
// file, refuses another application's database or a version newer than
// `target`, and runs `migrations` on an older one. Errors as OpenSqliteStore
// documents them.
Status PrepareSchema(SqliteDb& db, int target,
                     const std::vector<Migration>& migrations);

// The format version recorded in `db` (an fnf store).
StatusOr<int> StoreFormatVersion(SqliteDb& db);

}  // namespace fnf::internal

#endif  // FNF_STORE_SQLITE_SCHEMA_H_
