#include "fnf/version.h"

namespace fnf {

// The version compiled into the library, not the one in the host's headers.
std::string_view Version() { return FNF_VERSION_STRING; }

}  // namespace fnf
