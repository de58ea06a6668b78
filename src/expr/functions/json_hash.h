// A hash of JSON values consistent with Json's deep equality (1 and 1.0 hash
// alike, object key order does not matter), so that set-like built-ins stay
// linear on large arrays.
#ifndef FNF_EXPR_FUNCTIONS_JSON_HASH_H_
#define FNF_EXPR_FUNCTIONS_JSON_HASH_H_

#include <cstddef>

#include "json/json.h"

namespace fnf::internal {

size_t HashJson(const Json& value);

}  // namespace fnf::internal

#endif  // FNF_EXPR_FUNCTIONS_JSON_HASH_H_
