// Helpers shared by the SQLite store's tests (unit and concurrency binaries).
#ifndef FNF_TESTS_STORE_SQLITE_SQLITE_TESTING_H_
#define FNF_TESTS_STORE_SQLITE_SQLITE_TESTING_H_

#include <cstdint>
#include <string>

#include "store/sqlite/sqlite_store.h"
#include "tests/testing/catch.h"

namespace fnf::testing {

// The single integer `sql` selects, read through the store; -1 for NULL.
inline int64_t Count(internal::SqliteStore& store, const std::string& sql) {
  int64_t n = -1;
  REQUIRE(store
              .Read([&](internal::SqliteDb& db) {
                auto v = db.QueryInt(sql);
                if (!v.ok()) return v.status();
                n = v->value_or(-1);
                return Status();
              })
              .ok());
  return n;
}

}  // namespace fnf::testing

#endif  // FNF_TESTS_STORE_SQLITE_SQLITE_TESTING_H_
