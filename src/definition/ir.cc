#include "definition/ir.h"

namespace fnf::internal {

std::string_view StateTypeName(StateType t) {
  switch (t) {
    case StateType::kPass:
      return "Pass";
    case StateType::kTask:
      return "Task";
    case StateType::kWait:
      return "Wait";
    case StateType::kChoice:
      return "Choice";
    case StateType::kParallel:
      return "Parallel";
    case StateType::kMap:
      return "Map";
    case StateType::kSucceed:
      return "Succeed";
    case StateType::kFail:
      return "Fail";
  }
  return "";
}

}  // namespace fnf::internal
