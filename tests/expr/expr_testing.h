// Helpers for expression tests: compile and evaluate in one call, with a
// context that tests fill in as they need.
#ifndef FNF_TESTS_EXPR_EXPR_TESTING_H_
#define FNF_TESTS_EXPR_EXPR_TESTING_H_

#include <string>
#include <string_view>
#include <variant>

#include "common/random.h"
#include "expr/eval_context.h"
#include "expr/expression.h"
#include "json/json.h"
#include "tests/testing/catch.h"

namespace fnf::internal::testing {

inline constexpr uint32_t kAllNewRoots =
    kRootInput | kRootOutput | kRootContext | kRootGlobal | kRootItem;

inline Json J(std::string_view text) {
  JsonParseResult r = ParseJson(text);
  INFO("JSON: " << text << " error: " << r.error);
  REQUIRE(r.ok);
  return std::move(r.value);
}

// A context with data in every slot; tests override fields.
struct TestContext {
  Json input =
      J(R"({"a": {"b": [10, 20, {"c": "deep"}]}, "s": "str", "n": 5, "f": 2.5,
                    "t": true, "tags": ["vip", "new"], "empty": {}, "nul": null})");
  Json output = J(R"({"Body": {"id": 7}})");
  Json global = J(R"({"counter": 3})");
  Json item = J(R"({"sku": "X1"})");
  Json execution_input = J(R"({"original": true})");
  Json local = J(R"({"step1": "done"})");
  FlowError error{"MyError", "it broke"};
  Random random{42};
  EvalContext ctx;

  TestContext() {
    ctx.input = &input;
    ctx.output = &output;
    ctx.global = &global;
    ctx.item = &item;
    ctx.execution_name = "exec-1";
    ctx.execution_input = &execution_input;
    ctx.role_arn = "acs:ram::123:role/fnf";
    ctx.flow_name = "my-flow";
    ctx.state_name = "StateA";
    ctx.error = &error;
    ctx.retry_count = 2;
    ctx.task_token = "tok-123";
    ctx.legacy_local = &local;
    ctx.random = &random;
  }
  TestContext(const TestContext&) = delete;
  TestContext& operator=(const TestContext&) = delete;
};

inline std::variant<Json, FlowError> Run(std::string_view text,
                                         const EvalContext& ctx,
                                         uint32_t roots = kAllNewRoots) {
  auto compiled = Expression::Compile(text, roots);
  if (auto* e = std::get_if<ExprCompileError>(&compiled)) {
    FAIL("compile error in '" << text << "' at " << e->offset << ": "
                              << e->message);
  }
  return std::get<Expression>(compiled).Evaluate(ctx);
}

// The value of `text`; fails the test on any error.
inline Json Eval(std::string_view text, const EvalContext& ctx,
                 uint32_t roots = kAllNewRoots) {
  auto result = Run(text, ctx, roots);
  if (auto* e = std::get_if<FlowError>(&result)) {
    FAIL("runtime error in '" << text << "': " << e->code << ": " << e->detail);
  }
  return std::get<Json>(std::move(result));
}

inline Json Eval(std::string_view text) {
  TestContext t;
  return Eval(text, t.ctx);
}

// The runtime error of `text`; fails the test when it succeeds.
inline FlowError EvalError(std::string_view text, const EvalContext& ctx,
                           uint32_t roots = kAllNewRoots) {
  auto result = Run(text, ctx, roots);
  if (auto* v = std::get_if<Json>(&result)) {
    FAIL("'" << text << "' succeeded with " << v->Serialize());
  }
  return std::get<FlowError>(std::move(result));
}

// Compact JSON text of the value of `text`: tells 2 from 2.0.
inline std::string Show(std::string_view text) {
  return Eval(text).Serialize();
}

inline FlowError EvalError(std::string_view text) {
  TestContext t;
  return EvalError(text, t.ctx);
}

// The detail of the runtime error of `text`, checking its code.
inline std::string ErrorDetail(std::string_view text) {
  FlowError e = EvalError(text);
  CHECK(e.code == "FnF.ExpressionError");
  return e.detail;
}

// The compile error of `text`; fails the test when it compiles.
inline ExprCompileError CompileError(std::string_view text,
                                     uint32_t roots = kAllNewRoots,
                                     int max_call_depth = 10) {
  auto compiled = Expression::Compile(text, roots, max_call_depth);
  if (std::holds_alternative<Expression>(compiled))
    FAIL("'" << text << "' compiled");
  return std::get<ExprCompileError>(std::move(compiled));
}

inline bool Compiles(std::string_view text, uint32_t roots = kAllNewRoots,
                     int max_call_depth = 10) {
  return std::holds_alternative<Expression>(
      Expression::Compile(text, roots, max_call_depth));
}

}  // namespace fnf::internal::testing

// Failed comparisons print JSON text instead of "{?}".
namespace Catch {
template <>
struct StringMaker<fnf::internal::Json> {
  static std::string convert(const fnf::internal::Json& value) {
    return value.Serialize();
  }
};
}  // namespace Catch

#endif  // FNF_TESTS_EXPR_EXPR_TESTING_H_
