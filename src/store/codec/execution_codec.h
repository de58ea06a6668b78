// The serialised form of a running execution, as the durable stores write
// it: each frame on its own (its scope by path, its parent by id, its timer's
// absolute due time) and the execution's runtime header ($Global, ids, the
// ready list, the execution deadline). The fixed fields (name, input, status,
// output ...) and the history are columns and rows of their own.
//
// Format version 1. Each blob starts with its format number so that a later
// build can read older blobs.
#ifndef FNF_STORE_CODEC_EXECUTION_CODEC_H_
#define FNF_STORE_CODEC_EXECUTION_CODEC_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "fnf/status.h"

#include "runtime/event.h"
#include "runtime/execution_state.h"
#include "runtime/frame.h"

namespace fnf::internal {

std::string EncodeFrame(const Frame& frame);
// Reads a frame of an execution of `flow`. InternalServerError when the blob
// is damaged or names a scope `flow` does not have.
StatusOr<std::unique_ptr<Frame>> DecodeFrame(std::string_view bytes,
                                             const CompiledFlow& flow);

// The runtime header of `exec` (REQUIRES: exec.mu held).
std::string EncodeExecutionHeader(const ExecutionState& exec);
// Sets the runtime header fields of `exec` from `bytes`.
Status DecodeExecutionHeader(std::string_view bytes, ExecutionState* exec);

// Event types by their API name ("StateEntered"); nullopt for an unknown one.
std::optional<EventType> EventTypeFromName(std::string_view name);

}  // namespace fnf::internal

#endif  // FNF_STORE_CODEC_EXECUTION_CODEC_H_
