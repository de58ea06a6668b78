// The sample flows of tests/data/legacy, compiled and run through the hook
// functions by the reference runner (docs/legacy-fdl.md).
#include <fstream>
#include <sstream>

#include "tests/legacy/legacy_testing.h"
#include "tests/legacy/reference_runner.h"

namespace fnf::internal::legacy_testing {
namespace {

// tests/data/legacy/<name>, in the source tree.
std::string ReadSample(const std::string& name) {
  std::ifstream in(FNF_SOURCE_DIR "/tests/data/legacy/" + name);
  INFO("sample " << name);
  REQUIRE(in.good());
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::shared_ptr<const CompiledFlow> Sample(const std::string& name) {
  return Valid(ReadSample(name));
}

TEST_CASE("sample: choice with nested steps, then the next steps",
          "[legacy][samples]") {
  auto flow = Sample("choice_goto.yaml");
  ReferenceRunner runner(*flow);
  auto r = runner.Run(J(R"({"input": 1})"));
  REQUIRE(r.succeeded);
  CHECK(runner.entered == std::vector<std::string>{"pass1", "mychoice", "pass2",
                                                   "pass3", "final"});
  CHECK(r.output.Serialize() ==
        R"({"status":"finished","from":"pass2","pass3":"done"})");
}

TEST_CASE("sample: foreach and parallel with array locals",
          "[legacy][samples]") {
  auto flow = Sample("parallel_foreach.yaml");
  ReferenceRunner runner(*flow);
  runner.tasks["greet"] = [](const TaskCall& call) -> TaskAnswer {
    // A function returning its result as JSON text.
    return Json("{\"text\": \"" + call.input.Find("greeting")->as_string() +
                " " + call.input.Find("name")->as_string() + " #" +
                std::to_string(call.input.Find("position")->as_int()) + "\"}");
  };
  auto r = runner.Run(J(R"({"names": ["ann", "bob"], "greeting": "hi"})"));
  REQUIRE(r.succeeded);
  REQUIRE(runner.calls.size() == 2);
  CHECK(runner.calls[0].input.Serialize() ==
        R"({"name":"ann","position":0,"greeting":"hi"})");
  CHECK(runner.entered == std::vector<std::string>{"each", "greet", "greet",
                                                   "both", "left", "right",
                                                   "right_done", "after"});
  // `after` sees the flow input and everything merged so far.
  CHECK(r.output.Serialize() ==
        R"({"greetings":["hi ann #0","hi bob #1"],"sides":["left","right"],)"
        R"("seen":{"names":["ann","bob"],"greeting":"hi",)"
        R"("greetings":["hi ann #0","hi bob #1"],"sides":["left","right"]}})");
}

TEST_CASE("sample: an empty foreach collection", "[legacy][samples]") {
  auto flow = Sample("parallel_foreach.yaml");
  ReferenceRunner runner(*flow);
  auto r = runner.Run(J(R"({"names": []})"));
  REQUIRE(r.succeeded);
  CHECK(runner.calls.empty());
  CHECK(r.output.Find("greetings")->Serialize() == "[]");
}

TEST_CASE("sample: retry, catch with errorMappings, then fail",
          "[legacy][samples]") {
  auto flow = Sample("catch_error_mappings.yaml");
  ReferenceRunner runner(*flow);
  int attempts = 0;
  runner.tasks["book"] = [&](const TaskCall&) -> TaskAnswer {
    if (++attempts == 1) return FlowError{"FC.ResourceThrottled", "slow down"};
    return FlowError{"BookTrainTicketError", "no seats left"};
  };
  runner.tasks["cancel"] = [](const TaskCall&) -> TaskAnswer {
    return J(R"({"cancelled": true})");
  };
  auto r = runner.Run(J(R"({"order": "o-1"})"));
  CHECK_FALSE(r.succeeded);
  CHECK(r.error.code == "BookingFailed");
  CHECK(r.error.detail == "the trip could not be booked");
  CHECK(attempts == 2);
  REQUIRE(runner.calls.size() == 3);
  CHECK(runner.calls[2].step == "cancel");
  CHECK(runner.calls[2].input.Serialize() ==
        R"({"reason":"no seats left","order":"o-1"})");
  CHECK(runner.entered == std::vector<std::string>{"book", "cancel", "failed"});
}

TEST_CASE("sample: the booking succeeds", "[legacy][samples]") {
  auto flow = Sample("catch_error_mappings.yaml");
  ReferenceRunner runner(*flow);
  runner.tasks["book"] = [](const TaskCall&) -> TaskAnswer {
    return J(R"({"ticket": "T1"})");
  };
  auto r = runner.Run(J(R"({"order": "o-1"})"));
  REQUIRE(r.succeeded);
  CHECK(r.output.Serialize() == R"({"ticket":"T1"})");
  CHECK(runner.entered == std::vector<std::string>{"book", "booked"});
}

TEST_CASE("sample: an uncaught error fails the flow", "[legacy][samples]") {
  auto flow = Sample("catch_error_mappings.yaml");
  ReferenceRunner runner(*flow);
  runner.tasks["book"] = [](const TaskCall&) -> TaskAnswer {
    return FlowError{"FC.ResourceThrottled", "slow down"};
  };
  auto r = runner.Run(J("{}"));
  CHECK_FALSE(r.succeeded);
  CHECK(r.error.code == "FC.ResourceThrottled");
  CHECK(runner.calls.size() == 3);  // the first try and 2 retries
}

TEST_CASE("sample: callback token and child flow parameters",
          "[legacy][samples]") {
  auto flow = Sample("callback_child.yaml");
  const State& ship = StepOf(*flow, "ship");
  CHECK(ship.task->resource_arn == "acs:fnf:::flow/shipping");
  CHECK(ship.task->mode_name == "sync");
  ReferenceRunner runner(*flow);
  runner.tasks["approve"] = [](const TaskCall&) -> TaskAnswer {
    return J(R"({"decision": "approved", "by": "boss"})");
  };
  runner.tasks["ship"] = [](const TaskCall&) -> TaskAnswer {
    return J(R"({"tracking": "TR-9"})");
  };
  auto r = runner.Run(J(R"({"order": {"id": 7}, "noise": true})"));
  REQUIRE(r.succeeded);
  REQUIRE(runner.calls.size() == 2);
  CHECK(runner.calls[0].input.Serialize() ==
        R"({"taskToken":"token-approve","order":{"id":7}})");
  CHECK(runner.calls[0].params.Serialize() == "{}");
  CHECK(runner.calls[1].input.Serialize() ==
        R"({"order":{"id":7},"runName":"exec","approval":"approved"})");
  CHECK(runner.calls[1].params.Serialize() ==
        R"({"Input":{"order":{"id":7},"runName":"exec","approval":"approved"},)"
        R"("ExecutionName":"exec"})");
  CHECK(r.output.Serialize() ==
        R"({"approval":"approved","child":{"tracking":"TR-9"}})");
}

TEST_CASE("sample: a polling loop through a backward goto",
          "[legacy][samples]") {
  auto flow = Sample("polling_loop.yaml");
  CHECK(flow->timeout_seconds == 86400);
  ReferenceRunner runner(*flow);
  runner.tasks["submit"] = [](const TaskCall&) -> TaskAnswer {
    return J(R"({"jobId": "j1"})");
  };
  int checks = 0;
  runner.tasks["check"] = [&](const TaskCall& call) -> TaskAnswer {
    CHECK(call.input.Serialize() == R"({"jobId":"j1"})");
    return Json(++checks < 3 ? R"({"status": "running"})"
                             : R"({"status": "done"})");
  };
  auto r = runner.Run(J(R"({"interval": 5})"));
  REQUIRE(r.succeeded);
  CHECK(checks == 3);
  CHECK(runner.entered == std::vector<std::string>{"submit", "pause", "check",
                                                   "done?", "pause", "check",
                                                   "done?", "pause", "check",
                                                   "done?", "finish"});
  CHECK(r.output.Serialize() == R"({"jobId":"j1","status":"done"})");
}

TEST_CASE("sample: a wait whose duration is not usable fails the flow",
          "[legacy][samples]") {
  auto flow = Sample("polling_loop.yaml");
  ReferenceRunner runner(*flow);
  runner.tasks["submit"] = [](const TaskCall&) -> TaskAnswer {
    return J("{}");
  };
  auto r = runner.Run(J(R"({"interval": "often"})"));
  CHECK_FALSE(r.succeeded);
  CHECK(r.error.code == "FnF.RuntimeError");
}

TEST_CASE("the payload limit fails a step", "[legacy][samples]") {
  auto flow = Sample("choice_goto.yaml");
  Limits limits;
  limits.legacy_payload_bytes = 40;
  ReferenceRunner runner(*flow, limits);
  // 33 bytes of input fit on their own; with the output {"status":"ready"}
  // (18) and the local {} (2) the step is over.
  auto r = runner.Run(J(R"({"p": "0123456789012345678901234"})"));
  CHECK_FALSE(r.succeeded);
  CHECK(r.error.code == "FnF.PayloadTooLarge");
  CHECK(r.error.detail ==
        "step 'pass1': input, output and local are 53 bytes together, over "
        "the limit of 40");
}

}  // namespace
}  // namespace fnf::internal::legacy_testing
