// The exact length of a value's compact JSON text, without building the text.
#ifndef FNF_INTERP_JSON_SIZE_H_
#define FNF_INTERP_JSON_SIZE_H_

#include <cstddef>

#include "json/json.h"

namespace fnf::internal {

size_t JsonTextSize(const Json& value);

}  // namespace fnf::internal

#endif  // FNF_INTERP_JSON_SIZE_H_
