// Task data: serviceParams, the `$local` made of a call's result, and the
// output of a caught failure (docs/legacy-fdl.md).
#include "interp/legacy/task_data.h"

#include "tests/legacy/legacy_testing.h"

namespace fnf::internal::legacy {
namespace {

using legacy_testing::Flow;
using legacy_testing::J;
using legacy_testing::StepOf;
using legacy_testing::Valid;

std::shared_ptr<const CompiledFlow> Tasks() {
  return Valid(Flow(R"(
  - type: task
    name: child
    resourceArn: acs:fnf:::flow/child
    pattern: sync
    serviceParams:
      Input: $
      ExecutionName: $.name
      Token: $context.task.token
      Whole: $input
      Missing: $.nope
      Priority: 1
      Literal: text
    errorMappings:
      - target: errCode
        source: $local.error
      - target: errMsg
        source: $local.cause
      - target: reserved
        source: $local.code
      - target: orderId
        source: $input.order
    catch:
      - errors: [FnF.ALL]
        goto: handle
  - type: task
    name: plain
    resourceArn: arn
    catch:
      - errors: [FnF.ALL]
        goto: handle
  - type: pass
    name: handle
)"));
}

TEST_CASE("serviceParams read the step input", "[legacy][task_data]") {
  auto flow = Tasks();
  const ContextValues context{"exec-1", "my-flow", "child", "tok-1"};
  CHECK(ServiceParams(StepOf(*flow, "child"), J(R"({"name": "run-7", "n": 1})"),
                      context)
            .Serialize() ==
        R"({"Input":{"name":"run-7","n":1},"ExecutionName":"run-7",)"
        R"("Token":"tok-1","Whole":{"name":"run-7","n":1},"Missing":null,)"
        R"("Priority":1,"Literal":"text"})");
  // None: {}.
  CHECK(ServiceParams(StepOf(*flow, "plain"), J(R"({"a": 1})"), context)
            .Serialize() == "{}");
}

Json LocalOf(Json result) {
  auto r = TaskLocal(std::move(result));
  if (auto* e = std::get_if<FlowError>(&r)) FAIL(e->code << ": " << e->detail);
  return std::get<Json>(std::move(r));
}

std::string ErrorOf(Json result) {
  auto r = TaskLocal(std::move(result));
  const FlowError* e = std::get_if<FlowError>(&r);
  REQUIRE(e != nullptr);
  return e->code + ": " + e->detail;
}

TEST_CASE("a task's local is its result, which must be an object",
          "[legacy][task_data]") {
  CHECK(LocalOf(J(R"({"a": 1})")).Serialize() == R"({"a":1})");
  // Functions often return the object's text; it is parsed.
  CHECK(LocalOf(Json(R"({"a": 1, "b": [true]})")).Serialize() ==
        R"({"a":1,"b":[true]})");
  CHECK(LocalOf(Json()).Serialize() == "{}");
  CHECK(LocalOf(Json("")).Serialize() == "{}");
  CHECK(ErrorOf(Json("done")) ==
        "FnF.TaskFailed: the task result must be a JSON object, got a string "
        "that is not JSON: " +
            ParseJson("done").error);
  CHECK(ErrorOf(Json("[1, 2]")) ==
        "FnF.TaskFailed: the task result must be a JSON object, got a string "
        "holding array");
  CHECK(ErrorOf(J("[1]")) ==
        "FnF.TaskFailed: the task result must be a JSON object, got array");
  CHECK(ErrorOf(Json(5)) ==
        "FnF.TaskFailed: the task result must be a JSON object, got number");
  CHECK(ErrorOf(Json(true)) ==
        "FnF.TaskFailed: the task result must be a JSON object, got boolean");
}

TEST_CASE("a caught failure's output comes from errorMappings",
          "[legacy][task_data]") {
  auto flow = Tasks();
  const ContextValues context{"exec-1", "my-flow", "child", "tok-1"};
  const FlowError error{"BookTrainTicketError", "no seats left"};
  CHECK(CaughtErrorOutput(StepOf(*flow, "child"), J(R"({"order": 42})"), error,
                          context)
            .Serialize() ==
        R"({"errCode":"BookTrainTicketError","errMsg":"no seats left",)"
        R"("reserved":null,"orderId":42})");
  // Without errorMappings the next step cannot see the error.
  CHECK(CaughtErrorOutput(StepOf(*flow, "plain"), J(R"({"order": 42})"), error,
                          context)
            .Serialize() == "{}");
}

}  // namespace
}  // namespace fnf::internal::legacy
