// Mock responses for task states (`fnf run --mocks`, Engine::LoadMocks): for
// each state name, a list of responses used in order on successive invocations,
// the last one repeating.
#ifndef FNF_DISPATCH_MOCKS_H_
#define FNF_DISPATCH_MOCKS_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fnf/status.h"
#include "fnf/types.h"

namespace fnf::internal {

class MockTable {
 public:
  // Replaces the table with the mocks in `text` (JSON or YAML). InvalidArgument
  // on problems.
  Status Load(std::string_view text);
  // The next response for `state_name`, or nullopt when the state has no mock.
  // Not thread-safe: callers lock.
  std::optional<TaskResult> Next(const std::string& state_name);
  bool empty() const { return mocks_.empty(); }

 private:
  struct Entry {
    std::vector<TaskResult> responses;
    size_t next = 0;
  };
  std::map<std::string, Entry, std::less<>> mocks_;
};

}  // namespace fnf::internal

#endif  // FNF_DISPATCH_MOCKS_H_
