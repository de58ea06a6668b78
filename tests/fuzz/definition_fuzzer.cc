// CreateFlow / ValidateDefinition on arbitrary definition text, both dialects
// (the seeds hold CloudFlow and legacy flows, YAML and JSON). A valid flow is
// also described and deleted, which serializes what was stored.
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static fnf::fuzz::ManualEngine* env = new fnf::fuzz::ManualEngine();
  std::string_view text = fnf::fuzz::AsText(data, size);
  (void)env->engine.ValidateDefinition(text);
  fnf::CreateFlowRequest create;
  create.name = "f";
  create.definition = std::string(text);
  fnf::StatusOr<fnf::Flow> flow = env->engine.CreateFlow(create);
  if (flow.ok()) {
    (void)env->engine.DescribeFlow("f");
    (void)env->engine.DeleteFlow("f");
  }
  return 0;
}
