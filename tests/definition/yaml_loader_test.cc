// The YAML front end under hostile text: one document, bounded alias
// expansion, bounded nesting, UTF-8 only; and the YAML it must still read.
#include <string>
#include <vector>

#include "definition/loader.h"
#include "tests/testing/catch.h"
#include "tests/testing/hostile_input.h"

namespace fnf::internal {
namespace {

using ::fnf::testing::AliasBomb;

// The problems LoadDocument reports, as "line:column: message".
std::vector<std::string> LoadProblems(const std::string& text) {
  Diagnostics diags(nullptr);
  std::unique_ptr<LoadedDocument> doc = LoadDocument(text, &diags);
  std::vector<std::string> out;
  for (const Diagnostic& d : diags.list()) out.push_back(d.ToString());
  if (doc == nullptr && out.empty()) out.push_back("(null without a problem)");
  return out;
}

std::string Loaded(const std::string& text) {
  Diagnostics diags(nullptr);
  std::unique_ptr<LoadedDocument> doc = LoadDocument(text, &diags);
  REQUIRE(doc != nullptr);
  return doc->root.Serialize();
}

TEST_CASE("YAML: a stray ',' is an error, not an endless list of documents",
          "[definition][limits]") {
  CHECK(LoadProblems(",") ==
        std::vector<std::string>{"1:1: invalid YAML: unexpected ','"});
  CHECK(LoadProblems("- a\n,") ==
        std::vector<std::string>{"2:1: invalid YAML: unexpected ','"});
}

TEST_CASE("YAML: a second document is refused", "[definition][limits]") {
  CHECK(LoadProblems("a: 1\n---\nb: 2\n") ==
        std::vector<std::string>{
            "3:1: expected one YAML document, found a second one here"});
}

TEST_CASE("YAML: the alias bomb stops at the copy budget",
          "[definition][limits]") {
  const std::string bomb = AliasBomb();
  CHECK(bomb.size() < 600);
  std::vector<std::string> problems = LoadProblems(bomb);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].find("anchors and aliases copy more than 100000 values") !=
        std::string::npos);
}

TEST_CASE("YAML: anchors and aliases within the budget are expanded",
          "[definition][limits]") {
  CHECK(Loaded("base: &r {MaxAttempts: 3, Errors: [E]}\n"
               "one: *r\n"
               "two: [*r, *r]\n") ==
        R"({"base":{"MaxAttempts":3,"Errors":["E"]},)"
        R"("one":{"MaxAttempts":3,"Errors":["E"]},)"
        R"("two":[{"MaxAttempts":3,"Errors":["E"]},)"
        R"({"MaxAttempts":3,"Errors":["E"]}]})");
  CHECK(Loaded("k: &k name\n*k : v\n") == R"({"k":"name","name":"v"})");
}

TEST_CASE("YAML: nesting of 500 levels or more is refused",
          "[definition][limits]") {
  // "a: [[[...": a mapping, then sequences; the mapping is level 1.
  auto nested = [](int depth) {
    return "a: " + std::string(depth - 1, '[') + std::string(depth - 1, ']');
  };
  CHECK(Loaded(nested(499)).size() == 6 + 2 * 498);
  // yaml-cpp's own guard stops at 500 levels, before the 512 of JSON.
  CHECK(LoadProblems(nested(500)) ==
        std::vector<std::string>{
            "1:1002: invalid YAML: nested 500 levels or more"});
  std::vector<std::string> problems = LoadProblems(nested(100000));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].find("invalid YAML: nested 500 levels or more") !=
        std::string::npos);
}

TEST_CASE("YAML: keys must be scalars and unique", "[definition][limits]") {
  CHECK(LoadProblems("? [a, b]\n: v\n") ==
        std::vector<std::string>{"1:3: mapping keys must be scalars"});
  CHECK(LoadProblems("a: 1\na: 2\n") ==
        std::vector<std::string>{"2:1: duplicate key \"a\""});
}

TEST_CASE("YAML and JSON text must be UTF-8", "[definition][limits]") {
  CHECK(LoadProblems("a: 1\nb: \"x\xff\"\n") ==
        std::vector<std::string>{"2:6: invalid UTF-8 (byte 11)"});
  CHECK(LoadProblems("{\"a\": \"\xc3\x28\"}") ==
        std::vector<std::string>{"1:8: invalid UTF-8 (byte 8)"});
}

TEST_CASE("YAML scalars resolve as before (core schema)", "[definition]") {
  CHECK(Loaded("[1, -2, +3, 0o17, 0x1f, 1.5, .5, 5., 1e3, 0e302, ~, true, "
               "'7', .inf, x]") ==
        R"([1,-2,3,15,31,1.5,0.5,5.0,1000.0,0.0,null,true,"7",".inf","x"])");
}

TEST_CASE("JSON definitions: zero with a huge exponent and deep nesting",
          "[definition][limits]") {
  CHECK(Loaded(R"({"a": 0e309, "b": [0.0E-99999]})") ==
        R"({"a":0.0,"b":[0.0]})");
  std::vector<std::string> problems =
      LoadProblems(std::string(70000, '[') + std::string(70000, ']'));
  CHECK(problems ==
        std::vector<std::string>{"1:513: invalid JSON: nested more than 512 "
                                 "levels"});
}

}  // namespace
}  // namespace fnf::internal
