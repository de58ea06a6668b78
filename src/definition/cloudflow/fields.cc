#include "definition/cloudflow/fields.h"

#include <charconv>
#include <cmath>

#include "common/strings.h"
#include "expr/compile_diagnostics.h"

namespace fnf::internal::cloudflow {

std::optional<Expression> CompileField(const ObjectReader& obj,
                                       std::string_view key, uint32_t roots,
                                       ParseContext* ctx) {
  return CompileExpressionNode(*obj.Get(key), obj.PathOf(key), roots,
                               ctx->options->limits->expression_call_depth,
                               ctx->diags);
}

bool RejectExpressionSuffix(const ObjectReader& obj, std::string_view key) {
  std::string dollar = StrCat(key, ".$");
  if (!obj.Has(dollar)) return false;
  obj.Error(dollar, StrCat(key, " is always an expression; write it as '", key,
                           "', without '.$'"));
  return true;
}

std::optional<int64_t> WholeSeconds(const Json& value, bool allow_text,
                                    std::string* problem) {
  // Beyond 2^53 doubles are no longer whole-number exact; no limit is near it.
  constexpr double kMax = 9e15;
  if (value.is_int()) return value.as_int();
  if (value.is_double()) {
    double d = value.as_double();
    if (std::floor(d) == d && std::fabs(d) < kMax)
      return static_cast<int64_t>(d);
    *problem = StrCat("must be a whole number of seconds, got ", d);
    return std::nullopt;
  }
  if (allow_text && value.is_string()) {
    const std::string& text = value.as_string();
    int64_t n = 0;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, n);
    if (!text.empty() && ec == std::errc() && ptr == end) return n;
    *problem = StrCat(
        "must be a whole number of seconds, as a number or as number text "
        "such as \"30\", got '",
        text, "'");
    return std::nullopt;
  }
  *problem =
      StrCat("must be a whole number of seconds, found ", value.type_name());
  return std::nullopt;
}

}  // namespace fnf::internal::cloudflow
