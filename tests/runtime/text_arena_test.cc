#include "runtime/text_arena.h"

#include <string>
#include <vector>

#include "tests/testing/catch.h"

namespace fnf::internal {
namespace {

TEST_CASE("text arena: stored texts keep their place and content",
          "[runtime][history]") {
  TextArena arena;
  std::vector<std::string> originals;
  std::vector<std::string_view> stored;
  // Small texts fill growing blocks; every 97th is larger than a quarter of
  // the largest block and gets a block of its own.
  for (int i = 0; i < 3000; ++i) {
    std::string text = i % 97 == 0 ? std::string(20000 + i, 'x')
                                   : "{\"i\":" + std::to_string(i) + "}";
    originals.push_back(text);
    stored.push_back(arena.Add(text));
    text.assign(text.size(), '?');  // the arena holds a copy
  }
  for (size_t i = 0; i < stored.size(); ++i) {
    INFO("text " << i);
    REQUIRE(stored[i] == originals[i]);
  }
}

TEST_CASE("text arena: an empty text is stored as an empty view",
          "[runtime][history]") {
  TextArena arena;
  CHECK(arena.Add("").empty());
  CHECK(arena.Add("{}") == "{}");
}

}  // namespace
}  // namespace fnf::internal
