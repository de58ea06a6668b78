#include "expr/suggest.h"

#include <algorithm>
#include <vector>

#include "common/strings.h"

namespace fnf::internal {
namespace {

char Lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

// Optimal string alignment distance: insertions, deletions, substitutions and
// swaps of two neighbours each cost 1, since a swap ("lenght") is the commonest
// typo. Case is ignored.
size_t EditDistance(std::string_view a, std::string_view b) {
  const size_t width = b.size() + 1;
  std::vector<size_t> d((a.size() + 1) * width);
  auto at = [&](size_t i, size_t j) -> size_t& { return d[i * width + j]; };
  for (size_t i = 0; i <= a.size(); ++i) at(i, 0) = i;
  for (size_t j = 0; j <= b.size(); ++j) at(0, j) = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cost = Lower(a[i - 1]) == Lower(b[j - 1]) ? 0 : 1;
      at(i, j) = std::min(
          {at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
      if (i > 1 && j > 1 && Lower(a[i - 1]) == Lower(b[j - 2]) &&
          Lower(a[i - 2]) == Lower(b[j - 1])) {
        at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
      }
    }
  }
  return at(a.size(), b.size());
}

}  // namespace

std::string DidYouMean(std::string_view word,
                       std::span<const std::string_view> candidates) {
  std::string_view best;
  size_t best_distance =
      std::max<size_t>(1, std::min<size_t>(2, word.size() / 3));
  bool found = false;
  for (std::string_view c : candidates) {
    if (EqualsIgnoreCase(c, word)) return StrCat(" (did you mean '", c, "'?)");
    size_t d = EditDistance(word, c);
    if (d <= best_distance && (!found || d < best_distance)) {
      best = c;
      best_distance = d;
      found = true;
    }
  }
  return found ? StrCat(" (did you mean '", best, "'?)") : "";
}

}  // namespace fnf::internal
