#include "cli/legacy_typos.h"

#include <algorithm>
#include <memory>
#include <span>
#include <string>

#include "common/diagnostics.h"
#include "definition/loader.h"
#include "expr/suggest.h"
#include "json/json.h"

namespace fnf::cli {
namespace {

using internal::Json;

// The fields a legacy flow's top level and its steps may have (fdl-legacy.md).
constexpr std::string_view kFlowFields[] = {
    "version", "type",          "name",           "description",
    "steps",   "inputMappings", "outputMappings", "timeoutSeconds"};
constexpr std::string_view kStepFields[] = {"type",
                                            "name",
                                            "description",
                                            "end",
                                            "inputMappings",
                                            "outputMappings",
                                            "errorMappings",
                                            "resourceArn",
                                            "action",
                                            "pattern",
                                            "serviceParams",
                                            "timeoutSeconds",
                                            "retry",
                                            "catch",
                                            "duration",
                                            "timestamp",
                                            "choices",
                                            "default",
                                            "steps",
                                            "branches",
                                            "iterationMapping",
                                            "maxConcurrency",
                                            "error",
                                            "cause"};

class Checker {
 public:
  Checker(const internal::SourceMap& sources, std::vector<Diagnostic>* out)
      : sources_(sources), out_(out) {}

  void Object(const Json& node, const std::string& path,
              std::span<const std::string_view> known) {
    if (!node.is_object()) return;
    for (const Json::Member& member : node.as_object()) {
      if (std::find(known.begin(), known.end(), member.first) != known.end()) {
        continue;
      }
      std::string hint = internal::DidYouMean(member.first, known);
      if (hint.empty()) continue;  // not a typo: a field of the user's own
      internal::Position at = sources_.Get(&member.second);
      out_->push_back(
          Diagnostic{at.line, at.column,
                     path.empty() ? member.first : path + "." + member.first,
                     "unknown field '" + member.first + "' is ignored" + hint});
    }
  }

  void Steps(const Json* steps, const std::string& path) {
    if (steps == nullptr || !steps->is_array()) return;
    for (size_t i = 0; i < steps->as_array().size(); ++i) {
      const Json& step = steps->as_array()[i];
      std::string at = path + "[" + std::to_string(i) + "]";
      Object(step, at, kStepFields);
      if (!step.is_object()) continue;
      Steps(step.Find("steps"), at + ".steps");
      Nested(step.Find("branches"), at + ".branches");
      Nested(step.Find("choices"), at + ".choices");
      if (const Json* fallback = step.Find("default")) {
        Steps(fallback->Find("steps"), at + ".default.steps");
      }
    }
  }

 private:
  // A list of objects that hold steps (parallel branches, choices).
  void Nested(const Json* list, const std::string& path) {
    if (list == nullptr || !list->is_array()) return;
    for (size_t i = 0; i < list->as_array().size(); ++i) {
      Steps(list->as_array()[i].Find("steps"),
            path + "[" + std::to_string(i) + "].steps");
    }
  }

  const internal::SourceMap& sources_;
  std::vector<Diagnostic>* out_;
};

}  // namespace

std::vector<Diagnostic> LegacyFieldTypos(std::string_view definition) {
  std::vector<Diagnostic> typos;
  internal::Diagnostics diags(nullptr);
  std::unique_ptr<internal::LoadedDocument> doc =
      internal::LoadDocument(definition, &diags);
  if (!doc || !doc->root.is_object()) return typos;
  const Json* type = doc->root.Find("type");
  if (type == nullptr || !type->is_string() || type->as_string() != "flow") {
    return typos;
  }
  Checker checker(doc->sources, &typos);
  checker.Object(doc->root, "", kFlowFields);
  checker.Steps(doc->root.Find("steps"), "steps");
  return typos;
}

}  // namespace fnf::cli
