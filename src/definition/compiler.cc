#include "definition/compiler.h"

#include <algorithm>

#include "common/strings.h"
#include "definition/cloudflow/parser.h"
#include "definition/legacy/parser.h"
#include "definition/loader.h"

namespace fnf::internal {

CompileResult CompileDefinition(std::string_view text,
                                const CompileOptions& options) {
  CompileResult result;
  Diagnostics diags(nullptr);
  if (text.size() > options.limits->request_bytes) {
    diags.AddAt(
        Position{}, "",
        StrCat("definition is ", text.size(), " bytes, over the limit of ",
               options.limits->request_bytes));
    result.diagnostics = diags.Take();
    return result;
  }
  std::unique_ptr<LoadedDocument> doc = LoadDocument(text, &diags);
  if (doc == nullptr) {
    result.diagnostics = diags.Take();
    return result;
  }
  Diagnostics located(&doc->sources);
  const Json& root = doc->root;
  const Json* type = root.Find("Type");
  const Json* legacy_type = root.Find("type");
  std::unique_ptr<CompiledFlow> flow;
  if (type != nullptr && type->is_string() &&
      type->as_string() == "StateMachine") {
    cloudflow::ParseContext ctx{&options, &located, {}, {}};
    flow = cloudflow::Parse(root, &ctx);
  } else if (legacy_type != nullptr && legacy_type->is_string() &&
             legacy_type->as_string() == "flow" &&
             root.Find("steps") != nullptr) {
    flow = legacy::Parse(root, options, &located);
  } else if (!root.is_object()) {
    located.Add(
        &root, "",
        StrCat("a flow definition must be a map, found ", root.type_name()));
  } else if (type != nullptr) {
    located.Add(
        type, "Type",
        "unknown definition type: expected 'Type: StateMachine' (CloudFlow) or "
        "'type: flow' with 'steps' (legacy FDL)");
  } else {
    located.Add(&root, "",
                "not a flow definition: expected 'Type: StateMachine' with "
                "'StartAt' and "
                "'States' (CloudFlow), or 'version: v1', 'type: flow' and "
                "'steps' (legacy FDL)");
  }
  if (!located.empty()) {
    result.diagnostics = located.Take();
    std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(),
                     [](const Diagnostic& a, const Diagnostic& b) {
                       return std::tie(a.line, a.column) <
                              std::tie(b.line, b.column);
                     });
    return result;
  }
  result.flow = std::move(flow);
  return result;
}

}  // namespace fnf::internal
