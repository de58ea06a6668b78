// The contract every Store implementation must meet (src/store/store.h).
// A store's test calls CheckStoreContract from a TEST_CASE with a factory
// that makes a new, empty store each time it is called:
//
//   TEST_CASE("SqliteStore meets the store contract", "[store]") {
//     CheckStoreContract([&] { return OpenTestSqliteStore(); });
//   }
//
// Each SECTION uses a store of its own, so sections do not see each other.
#ifndef FNF_TESTS_STORE_STORE_CONTRACT_H_
#define FNF_TESTS_STORE_STORE_CONTRACT_H_

#include <functional>
#include <memory>

#include "store/store.h"

namespace fnf::testing {

using StoreFactory = std::function<std::unique_ptr<internal::Store>()>;

// Runs every contract check (as Catch2 SECTIONs) against stores from `make`.
void CheckStoreContract(const StoreFactory& make);

// Helpers for store tests: a flow record named `name` (a one-Pass-state
// definition, compiled) and a new execution of it, not yet created.
internal::FlowRecord TestFlow(const std::string& name);
internal::ExecPtr TestExecution(const internal::FlowRecord& flow,
                                const std::string& name,
                                int64_t started_ms = 1000);
// Ends `exec` as Succeeded at `stopped_ms` the way the engine does: under its
// mutex, Save, then ExecutionEnded.
void EndExecution(internal::Store& store, const internal::ExecPtr& exec,
                  int64_t stopped_ms);

}  // namespace fnf::testing

#endif  // FNF_TESTS_STORE_STORE_CONTRACT_H_
