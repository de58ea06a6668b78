#include "fnf/version.h"

#include <string>

#include "fnf/fnf.h"

#include "tests/testing/catch.h"

namespace fnf {
namespace {

TEST_CASE("Version: the library's version matches the header's macros",
          "[common]") {
  const std::string expected = std::to_string(FNF_VERSION_MAJOR) + "." +
                               std::to_string(FNF_VERSION_MINOR) + "." +
                               std::to_string(FNF_VERSION_PATCH);
  CHECK(Version() == expected);
  CHECK(Version() == FNF_VERSION_STRING);
  CHECK(FNF_VERSION_MAJOR == 0);
  CHECK(FNF_VERSION_MINOR >= 2);
}

}  // namespace
}  // namespace fnf
