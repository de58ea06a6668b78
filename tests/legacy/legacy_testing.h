// Helpers for legacy tests: JSON literals, compiling legacy definitions and
// reading their problems as "line:column: path: message".
#ifndef FNF_TESTS_LEGACY_LEGACY_TESTING_H_
#define FNF_TESTS_LEGACY_LEGACY_TESTING_H_

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fnf/options.h"

#include "definition/compiler.h"
#include "definition/ir.h"
#include "definition/legacy/legacy_step.h"
#include "json/json.h"
#include "tests/testing/catch.h"

namespace fnf::internal::legacy_testing {

inline Json J(std::string_view text) {
  JsonParseResult r = ParseJson(text);
  INFO("JSON: " << text << " error: " << r.error);
  REQUIRE(r.ok);
  return std::move(r.value);
}

struct Compiled {
  std::shared_ptr<const CompiledFlow> flow;  // null when there are problems
  std::vector<std::string> problems;
};

inline Compiled Compile(const std::string& definition,
                        const Limits& limits = {}) {
  CompileOptions options;
  options.limits = &limits;
  CompileResult r = CompileDefinition(definition, options);
  Compiled out;
  out.flow = r.flow;
  for (const Diagnostic& d : r.diagnostics) {
    out.problems.push_back(d.ToString());
  }
  return out;
}

inline std::vector<std::string> Problems(const std::string& definition,
                                         const Limits& limits = {}) {
  return Compile(definition, limits).problems;
}

// Compiles a definition that must be valid and returns its IR.
inline std::shared_ptr<const CompiledFlow> Valid(const std::string& definition,
                                                 const Limits& limits = {}) {
  Compiled c = Compile(definition, limits);
  INFO("definition:\n" << definition);
  CHECK(c.problems == std::vector<std::string>{});
  REQUIRE(c.flow != nullptr);
  return c.flow;
}

// The step called `name`, searched through every nested steps list.
inline const State* FindStep(const Scope& scope, std::string_view name) {
  for (const State& s : scope.states) {
    if (s.name == name) return &s;
    std::vector<const Scope*> nested;
    for (const ChoiceBranch& b : s.choices) nested.push_back(b.steps.get());
    nested.push_back(s.default_steps.get());
    for (const auto& b : s.branches) nested.push_back(b.get());
    if (s.map != nullptr) nested.push_back(s.map->processor.get());
    for (const Scope* n : nested) {
      if (n == nullptr) continue;
      if (const State* found = FindStep(*n, name)) return found;
    }
  }
  return nullptr;
}

inline const State& StepOf(const CompiledFlow& flow, std::string_view name) {
  const State* s = FindStep(flow.top, name);
  INFO("step " << name);
  REQUIRE(s != nullptr);
  return *s;
}

// A legacy definition around `steps` (YAML list items indented by 2).
inline std::string Flow(const std::string& steps) {
  return "version: v1\ntype: flow\nsteps:\n" + steps;
}

}  // namespace fnf::internal::legacy_testing

#endif  // FNF_TESTS_LEGACY_LEGACY_TESTING_H_
