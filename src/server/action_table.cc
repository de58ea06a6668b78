#include "server/actions.h"

namespace fnf::server {

void ActionTable::Add(std::string name, Action action) {
  actions_[std::move(name)] = std::move(action);
}

const Action* ActionTable::Find(std::string_view name) const {
  auto it = actions_.find(name);
  return it == actions_.end() ? nullptr : &it->second;
}

ActionTable DefaultActions() {
  ActionTable table;
  AddFlowActions(table);
  AddExecutionActions(table);
  AddTaskActions(table);
  AddRegionActions(table);
  AddScheduleActions(table);
  return table;
}

}  // namespace fnf::server
