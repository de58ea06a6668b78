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

}  // namespace fnf::cli
