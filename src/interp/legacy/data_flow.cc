#include "interp/legacy/data_flow.h"

#include <utility>

#include "definition/legacy/legacy_step.h"

namespace fnf::internal::legacy {

Json NewLocal() { return Json::MakeObject(); }

Json FlowInput(const CompiledFlow& flow, const Json& execution_input,
               const ContextValues& context) {
  if (flow.legacy != nullptr && flow.legacy->input_mappings) {
    return EvaluateMappings(*flow.legacy->input_mappings,
                            PathRoots{&execution_input, nullptr, &context});
  }
  return execution_input.is_null() ? Json::MakeObject() : execution_input;
}

Json StepInput(const State& step, const Json& parent_input,
               const Json& parent_local, const ContextValues& context) {
  if (step.legacy != nullptr && step.legacy->input_mappings) {
    return EvaluateMappings(*step.legacy->input_mappings,
                            PathRoots{&parent_input, &parent_local, &context});
  }
  Json input = parent_input.is_object() ? parent_input : Json::MakeObject();
  if (parent_local.is_object()) input.MergeFrom(parent_local);
  return input;
}

Json StepOutput(const State& step, const Json& input, const Json& local,
                const ContextValues& context) {
  if (step.legacy != nullptr && step.legacy->output_mappings) {
    return EvaluateMappings(*step.legacy->output_mappings,
                            PathRoots{&input, &local, &context});
  }
  if (step.type == StateType::kParallel || step.type == StateType::kMap) {
    return Json::MakeObject();
  }
  return local.is_object() ? local : Json::MakeObject();
}

void MergeOutput(Json output, Json* parent_local) {
  if (output.is_object()) parent_local->MergeFrom(std::move(output));
}

Json FlowOutput(const CompiledFlow& flow, const Json& flow_input,
                const Json& flow_local, const ContextValues& context) {
  if (flow.legacy != nullptr && flow.legacy->output_mappings) {
    return EvaluateMappings(*flow.legacy->output_mappings,
                            PathRoots{&flow_input, &flow_local, &context});
  }
  return flow_local;
}

}  // namespace fnf::internal::legacy
