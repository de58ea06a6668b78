#include "cli/json_text.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

namespace fnf::cli {
namespace {

JsonProblem ProblemAt(std::string_view text, size_t offset,
                      std::string message) {
  JsonProblem problem;
  problem.message = std::move(message);
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++problem.line;
      problem.column = 1;
    } else {
      ++problem.column;
    }
  }
  return problem;
}

}  // namespace

std::string_view TrimJsonSpace(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  size_t begin = text.find_first_not_of(kSpace);
  if (begin == std::string_view::npos) return {};
  size_t end = text.find_last_not_of(kSpace);
  return text.substr(begin, end - begin + 1);
}

std::optional<JsonProblem> FindJsonProblem(std::string_view text,
                                           bool require_object) {
  rapidjson::Document doc;
  doc.Parse(text.data(), text.size());
  if (doc.HasParseError()) {
    return ProblemAt(text, doc.GetErrorOffset(),
                     rapidjson::GetParseError_En(doc.GetParseError()));
  }
  if (require_object && !doc.IsObject()) {
    size_t start = text.find_first_not_of(" \t\r\n");
    return ProblemAt(text, start, "not a JSON object");
  }
  return std::nullopt;
}

}  // namespace fnf::cli
