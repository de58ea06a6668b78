// MemoryStore, the default store, against the store contract.
#include "store/memory_store.h"

#include "tests/store/store_contract.h"
#include "tests/testing/catch.h"

namespace fnf {
namespace {

TEST_CASE("MemoryStore meets the store contract", "[store]") {
  testing::CheckStoreContract(
      [] { return std::make_unique<internal::MemoryStore>(); });
}

}  // namespace
}  // namespace fnf
