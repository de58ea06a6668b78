#include "common/diagnostics.h"

namespace fnf {

std::string Diagnostic::ToString() const {
  std::string out;
  if (line > 0)
    out += std::to_string(line) + ":" + std::to_string(column) + ": ";
  if (!path.empty()) out += path + ": ";
  out += message;
  return out;
}

namespace internal {

void Diagnostics::Add(const Json* node, std::string path, std::string message) {
  AddAt(PositionOf(node), std::move(path), std::move(message));
}

void Diagnostics::AddAt(Position pos, std::string path, std::string message) {
  list_.push_back(
      Diagnostic{pos.line, pos.column, std::move(path), std::move(message)});
}

}  // namespace internal
}  // namespace fnf
