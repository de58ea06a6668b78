// The API's operations as a table: Action name -> a function of the engine and
// the request's parameters that writes the answer's members. Each group of
// operations lives in its own file and adds itself in action_table.cc, so a
// new group (schedules) is a new file and one line there.
#ifndef FNF_SERVER_ACTIONS_H_
#define FNF_SERVER_ACTIONS_H_

#include <atomic>
#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "fnf/engine.h"
#include "fnf/server.h"
#include "fnf/status.h"

#include "server/json_body.h"
#include "server/params.h"

namespace fnf::server {

// What an operation sees of its request and of the server.
struct ActionContext {
  Engine& engine;
  const Params& params;
  const ServerOptions& options;
  // Set when the server stops: long polls answer at once.
  const std::atomic<bool>& stopping;
};

// Writes the answer's members (RequestId is added by the server), or returns
// the error to answer with; on error `out` is discarded.
using Action = std::function<Status(ActionContext&, JsonBody& out)>;

class ActionTable {
 public:
  // Adds or replaces the operation `name` ("StartExecution").
  void Add(std::string name, Action action);
  // nullptr when there is no such operation.
  const Action* Find(std::string_view name) const;

 private:
  std::map<std::string, Action, std::less<>> actions_;
};

// The operation groups (flow_actions.cc, execution_actions.cc, ...).
void AddFlowActions(ActionTable& table);
void AddExecutionActions(ActionTable& table);
void AddTaskActions(ActionTable& table);
void AddRegionActions(ActionTable& table);
void AddScheduleActions(ActionTable& table);

// Every operation the server answers.
ActionTable DefaultActions();

}  // namespace fnf::server

#endif  // FNF_SERVER_ACTIONS_H_
