// The serialised form of a running execution, as the durable stores write it:
// each frame on its own (its scope by path, its parent by id, its timer's
// absolute due time), the execution's runtime header ($Global, ids, the ready
// list, the execution's deadline), and the task calls and child starts that a
// restarted engine must deliver again. The fixed fields (name, input, status,
// output ...) and the history are columns and rows of their own.
//
// Each blob starts with its format number so that a later build can read
// older blobs. Caches (Frame::text, payload_size) are not written: they are
// rebuilt on first use.
#ifndef FNF_STORE_CODEC_EXECUTION_CODEC_H_
#define FNF_STORE_CODEC_EXECUTION_CODEC_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "fnf/status.h"

#include "engine/execution.h"
#include "interp/interpreter.h"

namespace fnf::internal {

std::string EncodeFrame(const Frame& frame);
// Reads a frame of an execution of `flow`. InternalServerError when the blob
// is damaged or names a scope `flow` does not have.
StatusOr<std::unique_ptr<Frame>> DecodeFrame(std::string_view bytes,
                                             const CompiledFlow& flow);

// The runtime header of `exec`. REQUIRES: exec.mu held.
std::string EncodeExecutionHeader(const ExecutionRt& exec);
// Sets the runtime header fields of `exec` from `bytes` (InternalServerError
// when damaged).
Status DecodeExecutionHeader(std::string_view bytes, ExecutionRt* exec);

// A task call, to deliver again after a restart.
std::string EncodeTaskCall(const TaskCall& call);
StatusOr<TaskCall> DecodeTaskCall(std::string_view bytes);

// A distributed Map iteration's start, to start it after a restart if the
// crash came before its child execution was written. Its Map state is found
// again by path in `flow`.
std::string EncodeChildStart(const ChildStart& start);
StatusOr<ChildStart> DecodeChildStart(std::string_view bytes,
                                      const CompiledFlow& flow);

// Event types by their API name ("StateEntered"); nullopt for an unknown one.
std::optional<EventType> EventTypeFromName(std::string_view name);

}  // namespace fnf::internal

#endif  // FNF_STORE_CODEC_EXECUTION_CODEC_H_
