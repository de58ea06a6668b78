// Query strings and application/x-www-form-urlencoded bodies: decoding, and
// the canonical percent-encoding the signatures are computed over.
#ifndef FNF_SERVER_FORM_H_
#define FNF_SERVER_FORM_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fnf/status.h"

namespace fnf::server {

// Decoded (key, value) pairs in arrival order.
using Pairs = std::vector<std::pair<std::string, std::string>>;

// Decodes `text`: '&'-separated parts, each split at its first '=' (a part
// without one is a key with an empty value), "%XX" escapes and '+' as a space
// (Go's and Python's encoders write spaces that way). Appends to `out`.
// Errors: InvalidArgument for a bad '%' escape or text that is not UTF-8,
// saying where (`where`: "query" or "body") and which key.
Status ParseForm(std::string_view text, std::string_view where, Pairs* out);

// RFC 3986 percent-encoding of the UTF-8 bytes of `s`: A-Z a-z 0-9 - _ . ~
// stay, every other byte becomes %XX with upper-case hex (space -> %20,
// '*' -> %2A). The encoding both signatures use.
std::string PercentEncode(std::string_view s);

}  // namespace fnf::server

#endif  // FNF_SERVER_FORM_H_
