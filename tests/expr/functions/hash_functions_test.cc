// hash(input, algorithm).
#include "tests/expr/expr_testing.h"

namespace fnf::internal::testing {
namespace {

TEST_CASE("hash digests in lowercase hex", "[functions][hash]") {
  CHECK(Eval(R"(hash("abc","MD5"))") ==
        Json("900150983cd24fb0d6963f7d28e17f72"));
  CHECK(Eval(R"(hash("abc","SHA-1"))") ==
        Json("a9993e364706816aba3e25717850c26c9cd0d89d"));
  CHECK(
      Eval(R"(hash("abc","SHA-256"))") ==
      Json("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
  CHECK(
      Eval(R"(hash("abc","SHA-512"))") ==
      Json("ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
           "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"));
  CHECK(Eval(R"(hash("","MD5"))") == Json("d41d8cd98f00b204e9800998ecf8427e"));
  CHECK(
      Eval(R"(hash("","SHA-256"))") ==
      Json("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
  CHECK(Eval(R"(hash("中文","MD5"))") ==
        Json("a7bac2239fcdcb3a067903d8077c4a07"));
  TestContext t;
  t.input = J(R"({"algo": "SHA-1", "text": "abc"})");
  CHECK(Eval("hash($Input.text, $Input.algo)", t.ctx) ==
        Json("a9993e364706816aba3e25717850c26c9cd0d89d"));
}

TEST_CASE("hash errors", "[functions][hash]") {
  // A constant algorithm is checked when the flow is created.
  ExprCompileError e = CompileError(R"(hash("abc", "sha1"))");
  CHECK(e.offset == 12);
  CHECK(e.message ==
        "hash: hash algorithm must be one of MD5, SHA-1, SHA-256, SHA-512, got "
        "'sha1'");
  CHECK(CompileError(R"(hash("abc", 256))").message ==
        "hash: hash algorithm must be a string, got number");
  TestContext t;
  t.input = J(R"({"algo": "CRC32"})");
  CHECK(EvalError(R"(hash("abc", $Input.algo))", t.ctx).detail ==
        "expression 'hash(\"abc\", $Input.algo)': hash: argument 2 (algorithm) "
        "must be one of "
        "MD5, SHA-1, SHA-256, SHA-512, got 'CRC32'");
  CHECK(ErrorDetail(R"(hash(1, "MD5"))") ==
        "expression 'hash(1, \"MD5\")': hash: argument 1 (input) must be a "
        "string, got number");
}

}  // namespace
}  // namespace fnf::internal::testing
