#include "cli/messages.h"

#include <cctype>
#include <string>

namespace fnf::cli {
namespace {

// Length of a leading "LINE:COL" (digits ':' digits) followed by ": ", else 0.
size_t LineColumnPrefixLength(std::string_view message) {
  size_t i = 0;
  auto digits = [&] {
    size_t start = i;
    while (i < message.size() &&
           std::isdigit(static_cast<unsigned char>(message[i])))
      ++i;
    return i > start;
  };
  if (!digits() || i >= message.size() || message[i] != ':') return 0;
  ++i;
  if (!digits()) return 0;
  return message.substr(i, 2) == ": " ? i : 0;
}

}  // namespace

std::string FormatDiagnostic(std::string_view file,
                             const Diagnostic& diagnostic) {
  std::string text(file);
  if (diagnostic.line > 0) {
    text += ":" + std::to_string(diagnostic.line);
    if (diagnostic.column > 0) text += ":" + std::to_string(diagnostic.column);
  }
  text += ": ";
  if (!diagnostic.path.empty()) text += diagnostic.path + ": ";
  text += diagnostic.message;
  return text;
}

std::string FormatApiError(const Status& status, std::string_view location) {
  std::string text = "fnf: " + status.code() + ": ";
  std::string_view message = status.message();
  if (!location.empty()) {
    text += location;
    size_t prefix = LineColumnPrefixLength(message);
    text += prefix > 0 ? ":" : ": ";
  }
  text += message;
  return text;
}

std::string SourceExcerpt(std::string_view text, int line, int column,
                          std::string_view indent) {
  if (line <= 0) return "";
  size_t start = 0;
  for (int i = 1; i < line; ++i) {
    start = text.find('\n', start);
    if (start == std::string_view::npos) return "";
    ++start;
  }
  size_t end = text.find('\n', start);
  std::string_view source =
      text.substr(start, end == std::string_view::npos ? end : end - start);
  if (!source.empty() && source.back() == '\r') source.remove_suffix(1);
  std::string number = std::to_string(line);
  std::string gutter(number.size(), ' ');
  std::string excerpt =
      std::string(indent) + number + " | " + std::string(source) + "\n";
  if (column > 0) {
    // Tabs stay tabs so that the caret lines up however they are shown.
    std::string pad;
    for (size_t i = 0; i + 1 < static_cast<size_t>(column) && i < source.size();
         ++i) {
      pad += source[i] == '\t' ? '\t' : ' ';
    }
    excerpt += std::string(indent) + gutter + " | " + pad + "^\n";
  }
  return excerpt;
}

}  // namespace fnf::cli
