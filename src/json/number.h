// Number text to values, locale-independent (std::from_chars) and exact: the
// one place the engine turns decimal text into numbers.
#ifndef FNF_JSON_NUMBER_H_
#define FNF_JSON_NUMBER_H_

#include <optional>
#include <string_view>

#include "json/json.h"

namespace fnf::internal {

// A JSON number literal (RFC 8259 grammar, already checked by the caller) as a
// value: an integer without fraction or exponent that fits int64_t stays an
// integer, anything else is the nearest double. A magnitude below the
// smallest double reads as zero of the same sign (so `0e302`, `0e-38` and
// `1e-400` are all zero); nullopt when the magnitude is beyond the largest
// double.
std::optional<Json> JsonNumberFromText(std::string_view text);

// `text` as a finite double: an optional sign, digits with an optional
// fraction and exponent, nothing else (no spaces, hex, "inf" or "nan").
// nullopt when it is not such a number or its magnitude is beyond the largest
// double; underflow reads as zero.
std::optional<double> ParseDecimal(std::string_view text);

}  // namespace fnf::internal

#endif  // FNF_JSON_NUMBER_H_
