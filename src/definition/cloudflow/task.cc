// Task states. Not supported yet: refused at CreateFlow, never accepted and
// then mis-run.
#include "common/strings.h"
#include "definition/cloudflow/parser.h"

namespace fnf::internal::cloudflow {

std::vector<std::string_view> ParseTask(const ObjectReader& obj, State* state,
                                        ParseContext*) {
  obj.Error("Type", StrCat("state '", state->name,
                           "' has type Task, which is not supported yet"));
  // Accept every field so that only the one problem above is reported.
  std::vector<std::string_view> all;
  if (obj.ok()) {
    for (const Json::Member& m : obj.node().as_object()) all.push_back(m.first);
  }
  return all;
}

}  // namespace fnf::internal::cloudflow
