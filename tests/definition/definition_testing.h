// Helpers for definition tests: compile a new-spec definition and read its
// problems as "line:column: path: message", or inspect the IR it produced.
#ifndef FNF_TESTS_DEFINITION_DEFINITION_TESTING_H_
#define FNF_TESTS_DEFINITION_DEFINITION_TESTING_H_

#include <memory>
#include <string>
#include <vector>

#include "fnf/fnf.h"

#include "definition/compiler.h"
#include "definition/ir.h"
#include "tests/testing/catch.h"
#include "tests/testing/engine_fixture.h"

namespace fnf::internal::definition_testing {

using ::fnf::testing::Flow;

struct Compiled {
  std::shared_ptr<const CompiledFlow> flow;  // null when there are problems
  std::vector<std::string> problems;
};

inline Compiled Compile(const std::string& definition, bool express = false,
                        const Limits& limits = {}) {
  CompileOptions options;
  options.limits = &limits;
  options.express = express;
  CompileResult r = CompileDefinition(definition, options);
  Compiled out;
  out.flow = r.flow;
  for (const Diagnostic& d : r.diagnostics)
    out.problems.push_back(d.ToString());
  return out;
}

// The problems of a definition, as CreateFlow of a Standard flow sees them.
inline std::vector<std::string> Problems(const std::string& definition,
                                         const Limits& limits = {}) {
  return Compile(definition, false, limits).problems;
}

// Compiles a definition that must be valid and returns its IR.
inline std::shared_ptr<const CompiledFlow> Valid(const std::string& definition,
                                                 bool express = false,
                                                 const Limits& limits = {}) {
  Compiled c = Compile(definition, express, limits);
  INFO("definition:\n" << definition);
  CHECK(c.problems == std::vector<std::string>{});
  REQUIRE(c.flow != nullptr);
  return c.flow;
}

// The public path: Engine::ValidateDefinition, as `fnf validate` uses it.
inline std::vector<Diagnostic> ValidateThroughEngine(
    const std::string& definition) {
  ::fnf::testing::ManualEngine m;
  return m.engine->ValidateDefinition(definition);
}

// CreateFlow in `mode` ("Standard" | "Express"): "" when the flow was created,
// else the refusal's message.
inline std::string CreateFlowMessage(const std::string& definition,
                                     const std::string& mode) {
  ::fnf::testing::ManualEngine m;
  CreateFlowRequest request;
  request.name = "f";
  request.definition = definition;
  request.execution_mode = mode;
  StatusOr<::fnf::Flow> f = m.engine->CreateFlow(request);
  return f.ok() ? "" : f.status().message();
}

}  // namespace fnf::internal::definition_testing

#endif  // FNF_TESTS_DEFINITION_DEFINITION_TESTING_H_
