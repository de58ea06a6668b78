// fromBase64, toBase64.
#include "tests/expr/expr_testing.h"

namespace fnf::internal::testing {
namespace {

TEST_CASE("fromBase64", "[functions][encoding]") {
  CHECK(Eval(R"(fromBase64("Rm5G"))") == Json("FnF"));
  CHECK(Eval(R"(fromBase64(""))") == Json(""));
  CHECK(Eval(R"(fromBase64("aGVsbG8gd29ybGQ="))") == Json("hello world"));
  CHECK(Eval(R"(fromBase64("5Lit5paH"))") == Json("中文"));
  CHECK(ErrorDetail(R"(fromBase64("not base64!"))") ==
        "expression 'fromBase64(\"not base64!\")': fromBase64: argument 1 is "
        "not valid base64");
  CHECK(ErrorDetail(R"(fromBase64("/w=="))") ==
        "expression 'fromBase64(\"/w==\")': fromBase64: the decoded bytes are "
        "not UTF-8 text");
  CHECK(ErrorDetail("fromBase64(1)") ==
        "expression 'fromBase64(1)': fromBase64: argument 1 must be a string, "
        "got number");
}

TEST_CASE("toBase64", "[functions][encoding]") {
  CHECK(Eval(R"(toBase64("FnF"))") == Json("Rm5G"));
  CHECK(Eval(R"(toBase64(""))") == Json(""));
  CHECK(Eval(R"(toBase64("hello world"))") == Json("aGVsbG8gd29ybGQ="));
  CHECK(Eval(R"(toBase64("中文"))") == Json("5Lit5paH"));
  CHECK(Eval(R"(fromBase64(toBase64("round trip ✓")))") ==
        Json("round trip ✓"));
  CHECK(ErrorDetail("toBase64(null)") ==
        "expression 'toBase64(null)': toBase64: argument 1 must be a string, "
        "got null");
}

}  // namespace
}  // namespace fnf::internal::testing
