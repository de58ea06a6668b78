// "Did you mean" hints for misspelt names in compile errors.
#ifndef FNF_EXPR_SUGGEST_H_
#define FNF_EXPR_SUGGEST_H_

#include <span>
#include <string>
#include <string_view>

namespace fnf::internal {

// " (did you mean 'x'?)" for the closest candidate within a small edit distance
// (or equal but for case), else "".
std::string DidYouMean(std::string_view word,
                       std::span<const std::string_view> candidates);

}  // namespace fnf::internal

#endif  // FNF_EXPR_SUGGEST_H_
