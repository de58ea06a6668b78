// Fail steps (docs/legacy-fdl.md): literal `error` and `cause`
// (docs/behaviour.md: the error defaults to FnF.Failed).
#include "common/flow_error.h"
#include "definition/legacy/parse_context.h"

namespace fnf::internal::legacy {

void ParseFail(const ObjectReader& obj, State* state, ParseContext*) {
  state->fail_code = std::string(kErrFailed);
  if (std::optional<std::string> error = obj.String("error")) {
    if (error->empty()) {
      obj.Error("error", "must not be empty; leave it out for FnF.Failed");
    } else {
      state->fail_code = *error;
      state->fail_has_code = true;
    }
  }
  state->fail_detail = obj.String("cause").value_or("");
}

}  // namespace fnf::internal::legacy
