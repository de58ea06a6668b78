// What an execution is in a store's rows and back: the write of one run of the
// interpreter (header, every frame, new events, new and finished task tokens)
// and the execution rebuilt from its rows after a restart.
#ifndef FNF_ENGINE_DURABLE_STATE_H_
#define FNF_ENGINE_DURABLE_STATE_H_

#include <memory>
#include <string>
#include <vector>

#include "fnf/status.h"

#include "engine/execution.h"
#include "interp/interpreter.h"
#include "store/sqlite/execution_rows.h"

namespace fnf::internal {

// The content address of a flow version: its definition, role and mode.
std::string VersionHash(const FlowVersion& v);

// A distributed Map child runs its parent's version from a Map state's
// processor; its version key is the parent's key, '#', the Map state's path.
std::string ChildVersionHash(const std::string& parent_hash,
                             const State& map_state);
// The version a distributed Map child runs: the Map's processor as a flow of
// its own (as the engine builds it when it starts the child).
std::shared_ptr<FlowVersion> ChildVersion(
    const std::shared_ptr<const FlowVersion>& parent, const State& map_state);

// The write for the activation that just ran on `exec`, with the events
// recorded since the last one, and the tasks and child starts of `fx`.
// `done_tokens`: tokens answered by this activation. Advances
// exec.committed_events. REQUIRES: exec.mu held.
ExecutionWrite CaptureWrite(ExecutionRt& exec, const Effects& fx,
                            std::vector<std::string> done_tokens);

// Rebuilds an execution from its rows. `version` must be compiled when the
// execution is running. InternalServerError when a row is damaged.
StatusOr<std::shared_ptr<ExecutionRt>> RestoreExecution(
    const StoredExecution& row, std::shared_ptr<const FlowVersion> version);

}  // namespace fnf::internal

#endif  // FNF_ENGINE_DURABLE_STATE_H_
