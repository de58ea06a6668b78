// Legacy FDL. Not supported yet: refused at CreateFlow, never accepted and then
// mis-run.
#include "definition/legacy/parser.h"

namespace fnf::internal::legacy {

std::unique_ptr<CompiledFlow> Parse(const Json& root, const CompileOptions&,
                                    Diagnostics* diags) {
  diags->Add(root.Find("type"), "type",
             "legacy FDL definitions (type: flow) are not supported yet");
  return nullptr;
}

}  // namespace fnf::internal::legacy
