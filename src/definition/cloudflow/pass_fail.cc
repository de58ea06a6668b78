// Pass, Succeed and Fail: no fields of their own beyond Fail's Code and Detail.
#include "definition/cloudflow/parser.h"

namespace fnf::internal::cloudflow {

std::vector<std::string_view> ParsePassLike(const ObjectReader&, State*,
                                            ParseContext*) {
  return {};
}

std::vector<std::string_view> ParseFail(const ObjectReader& obj, State* state,
                                        ParseContext*) {
  if (std::optional<std::string> code = obj.String("Code")) {
    state->fail_code = *code;
    state->fail_has_code = true;
  }
  if (std::optional<std::string> detail = obj.String("Detail"))
    state->fail_detail = *detail;
  return {"Code", "Detail"};
}

}  // namespace fnf::internal::cloudflow
