#include "json/number.h"

#include <charconv>
#include <cstdint>

namespace fnf::internal {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// from_chars leaves the value alone on result_out_of_range; whether that was an
// underflow or an overflow follows from the decimal exponent of the first
// significant digit. `text` has no sign and matches
// digits[.digits][e[+-]digits].
bool Underflows(std::string_view text) {
  // The mantissa's digits with the point after `point` of them; the first
  // significant digit at index `first` has decimal order point - 1 - first.
  int64_t point = 0, index = 0, first = -1;
  size_t i = 0;
  for (; i < text.size() && (IsDigit(text[i]) || text[i] == '.'); ++i) {
    if (text[i] == '.') {
      point = index;
      continue;
    }
    if (first < 0 && text[i] != '0') first = index;
    ++index;
  }
  if (text.substr(0, i).find('.') == std::string_view::npos) point = index;
  if (first < 0) return true;  // zero
  int64_t exponent = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
      negative = text[i] == '-';
      ++i;
    }
    for (; i < text.size() && IsDigit(text[i]); ++i) {
      // Saturate: an exponent this large decides the answer by its sign alone.
      if (exponent < 1'000'000'000) exponent = exponent * 10 + (text[i] - '0');
    }
  }
  return point - 1 - first + (negative ? -exponent : exponent) < 0;
}

// `text` without a sign: digits[.digits][(e|E)[+-]digits], non-empty parts.
bool IsUnsignedDecimal(std::string_view text) {
  size_t i = 0;
  auto digits = [&] {
    size_t start = i;
    while (i < text.size() && IsDigit(text[i])) ++i;
    return i > start;
  };
  if (!digits()) return false;
  if (i < text.size() && text[i] == '.') {
    ++i;
    if (!digits()) return false;
  }
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == text.size();
}

// `digits` is an unsigned decimal as above; `negative` its sign.
std::optional<double> ToDouble(std::string_view digits, bool negative) {
  double d = 0;
  auto [ptr, ec] =
      std::from_chars(digits.data(), digits.data() + digits.size(), d);
  if (ec == std::errc::result_out_of_range) {
    if (!Underflows(digits)) return std::nullopt;
    d = 0;
  } else if (ec != std::errc() || ptr != digits.data() + digits.size()) {
    return std::nullopt;
  }
  return negative ? -d : d;
}

}  // namespace

std::optional<Json> JsonNumberFromText(std::string_view text) {
  const bool negative = !text.empty() && text.front() == '-';
  std::string_view digits = negative ? text.substr(1) : text;
  if (digits.find_first_of(".eE") == std::string_view::npos) {
    int64_t i = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), i);
    if (ec == std::errc() && ptr == text.data() + text.size()) return Json(i);
  }
  std::optional<double> d = ToDouble(digits, negative);
  if (!d) return std::nullopt;
  return Json(*d);
}

std::optional<double> ParseDecimal(std::string_view text) {
  const bool negative = !text.empty() && text.front() == '-';
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    text.remove_prefix(1);
  }
  if (!IsUnsignedDecimal(text)) return std::nullopt;
  return ToDouble(text, negative);
}

}  // namespace fnf::internal
