// The store's schema in a PostgreSQL database: the same tables and format
// versions as the SQLite file (store/sqlite/schema.h), prepared under an
// advisory lock so that hosts opening the same empty database at once create
// it exactly once.
#ifndef FNF_STORE_POSTGRES_PG_SCHEMA_H_
#define FNF_STORE_POSTGRES_PG_SCHEMA_H_

#include <vector>

#include "fnf/status.h"

#include "store/sqlite/schema.h"

namespace fnf::internal {

class PgConn;

// Makes the database (its current schema, i.e. the first of search_path) an
// fnf store of version `target`: creates the tables when it has none of
// fnf's, refuses a database where a table of fnf's name exists without
// fnf_meta (another application's) or a version newer than `target`, and runs
// `migrations` on an older one. All in one transaction.
Status PreparePgSchema(PgConn& db, int target,
                       const std::vector<Migration>& migrations);

// The format version recorded in the database, 0 when it has no fnf_meta.
StatusOr<int> PgStoreFormatVersion(PgConn& db);

}  // namespace fnf::internal

#endif  // FNF_STORE_POSTGRES_PG_SCHEMA_H_
