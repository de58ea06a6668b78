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

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      size_t substitute =
          diagonal + (Lower(a[i - 1]) == Lower(b[j - 1]) ? 0 : 1);
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, substitute});
      diagonal = above;
    }
  }
  return row[b.size()];
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
