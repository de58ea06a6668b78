// The definition an execution runs: kept with the execution, so that
// UpdateFlow does not change executions already started.
#ifndef FNF_RUNTIME_FLOW_VERSION_H_
#define FNF_RUNTIME_FLOW_VERSION_H_

#include <memory>
#include <string>

#include "definition/ir.h"

namespace fnf::internal {

// One version of a flow's definition; executions keep the version they started
// with.
struct FlowVersion {
  std::string definition;
  std::string role_arn;
  bool express = false;
  std::shared_ptr<const CompiledFlow> compiled;
};

}  // namespace fnf::internal

#endif  // FNF_RUNTIME_FLOW_VERSION_H_
