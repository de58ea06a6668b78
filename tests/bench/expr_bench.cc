// Expression and constructor evaluation speed: what every state pays for its
// InputConstructor, OutputConstructor and Choice conditions. Figures are
// evaluations per second (items/s).
#include <string>

#include <benchmark/benchmark.h>

#include "common/diagnostics.h"
#include "common/random.h"
#include "expr/constructor.h"
#include "expr/expression.h"
#include "json/json.h"

namespace fnf::internal {
namespace {

constexpr uint32_t kRoots =
    kRootInput | kRootOutput | kRootContext | kRootGlobal;

Json ParseOrDie(std::string_view text) {
  JsonParseResult r = ParseJson(text);
  if (!r.ok) std::abort();
  return std::move(r.value);
}

// A task's raw output and the state's input, of a realistic size (about 1 KiB).
struct Data {
  Json input = ParseOrDie(R"({
      "user": {"id": 1042, "name": "Tom", "email": "tom@example.com",
               "address": {"city": "Hangzhou", "zip": "310000"}},
      "items": [{"id": "A1", "qty": 2, "price": 9.5}, {"id": "B7", "qty": 1, "price": 120},
                {"id": "C3", "qty": 5, "price": 3.25}, {"id": "D9", "qty": 3, "price": 42}],
      "tags": ["vip", "new", "promo"],
      "notes": "please deliver after 6pm, ring twice, leave with the concierge if absent"})");
  Json output = ParseOrDie(
      R"({"Body": {"status": "ok", "orderId": "o-778812", "eta": 3600}})");
  Json global = ParseOrDie(R"({"tenant": "acme", "region": "cn-hangzhou"})");
  Random random{1};
  EvalContext ctx;

  Data() {
    ctx.input = &input;
    ctx.output = &output;
    ctx.global = &global;
    ctx.execution_name = "exec-0001";
    ctx.execution_input = &input;
    ctx.state_name = "Notify";
    ctx.flow_name = "orders";
    ctx.random = &random;
  }
};

Constructor CompileOrDie(std::string_view spec_text) {
  Json spec = ParseOrDie(spec_text);
  Diagnostics diags(nullptr);
  Constructor c =
      Constructor::Compile(spec, "OutputConstructor", kRoots, 10, &diags);
  if (!diags.empty()) std::abort();
  return c;
}

Expression ExpressionOrDie(std::string_view text) {
  auto compiled = Expression::Compile(text, kRoots);
  if (!std::holds_alternative<Expression>(compiled)) std::abort();
  return std::get<Expression>(std::move(compiled));
}

// The brief's workload: five keys mixing paths, format and length.
void BM_OutputConstructorFiveKeys(benchmark::State& state) {
  Data data;
  Constructor c = CompileOrDie(R"j({
      "userName.$": "$Input.user.name",
      "greeting.$": "format('Hello {}, order {} is {}', $Input.user.name, $Output.Body.orderId, $Output.Body.status)",
      "itemCount.$": "length($Input.items)",
      "firstItem.$": "$Input.items[0].id",
      "city.$": "$Input.user.address.city"
  })j");
  for (auto _ : state) {
    auto out = c.Evaluate(data.ctx);
    benchmark::DoNotOptimize(out);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_OutputConstructorFiveKeys);

// The same with a literal subtree and $Context fields, closer to a Task's
// Parameters.
void BM_ParametersMixed(benchmark::State& state) {
  Data data;
  Constructor c = CompileOrDie(R"({
      "resourceArn": "acs:fc:cn-hangzhou:123:functions/notify",
      "body": {"to.$": "$Input.user.email", "execution.$": "$Context.Execution.Name",
               "tenant.$": "$Global.tenant", "options": {"retry": 3, "channels": ["sms", "mail"]}},
      "total.$": "$Input.items[0].qty * $Input.items[0].price + $Input.items[1].price"
  })");
  for (auto _ : state) {
    auto out = c.Evaluate(data.ctx);
    benchmark::DoNotOptimize(out);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ParametersMixed);

void BM_PathExpression(benchmark::State& state) {
  Data data;
  Expression e = ExpressionOrDie("$Input.user.address.city");
  for (auto _ : state) {
    auto out = e.Evaluate(data.ctx);
    benchmark::DoNotOptimize(out);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_PathExpression);

void BM_ChoiceCondition(benchmark::State& state) {
  Data data;
  Expression e = ExpressionOrDie(
      R"($Input.user.id >= 1000 && "vip" in $Input.tags && $Output.Body.status == "ok")");
  for (auto _ : state) {
    auto out = e.EvaluateCondition(data.ctx);
    benchmark::DoNotOptimize(out);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ChoiceCondition);

// A whole large document as the value: the one copy an expression makes.
void BM_WholeInput(benchmark::State& state) {
  Data data;
  Expression e = ExpressionOrDie("$Input");
  for (auto _ : state) {
    auto out = e.Evaluate(data.ctx);
    benchmark::DoNotOptimize(out);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_WholeInput);

void BM_Compile(benchmark::State& state) {
  for (auto _ : state) {
    auto compiled = Expression::Compile(
        "format('Hello {}, order {} is {}', $Input.user.name, "
        "$Output.Body.orderId, "
        "$Output.Body.status)",
        kRoots);
    benchmark::DoNotOptimize(compiled);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Compile);

}  // namespace
}  // namespace fnf::internal
