// Legacy data flow between steps (docs/legacy-fdl.md): what each step receives,
// what it hands back to the sequence it runs in, and the flow's own input and
// output. Pure functions over JSON; the interpreter calls them at fixed points
// of a step's life:
//
//   flow start      FlowInput
//   step start      StepInput, then CheckPayload (payload.h) on the input
//   task call       ServiceParams, then TaskLocal on the result (task_data.h)
//   wait            WaitDeadline (wait.h)
//   foreach         ForeachItems, IterationInput (iteration.h)
//   nested end      the step's local: the branch's local (choice), or
//                   ArrayLocal of the branches'/iterations' locals
//   step end        StepOutput, or CaughtErrorOutput for a caught task
//                   failure; CheckPayload on input, output and local;
//                   MergeOutput into the parent sequence's local
//   flow end        FlowOutput
//
// A "sequence" is a steps list being run: the flow, a choice branch, a
// parallel branch or a foreach iteration. It has an input (the flow input;
// the choice's or parallel's step input; the iteration input) and a local,
// which starts as {} (NewLocal) and collects its steps' outputs.
// tests/legacy/reference_runner.h composes all of them.
#ifndef FNF_INTERP_LEGACY_DATA_FLOW_H_
#define FNF_INTERP_LEGACY_DATA_FLOW_H_

#include "definition/ir.h"
#include "interp/legacy/path_eval.h"
#include "json/json.h"

namespace fnf::internal::legacy {

// The local of a sequence before any of its steps ran, and the `$local` of
// pass, wait, succeed and fail steps.
Json NewLocal();

// The flow input: the flow's inputMappings over the execution input ($input),
// else the execution input itself (null becomes {}).
// REQUIRES: flow.dialect == kLegacy.
Json FlowInput(const CompiledFlow& flow, const Json& execution_input,
               const ContextValues& context);

// A step's input. With inputMappings: built from them, `$input`
// and `$local` being the parent sequence's input and current local. Without:
// the parent input merged with the parent local, the local winning, in the
// input's key order with the local's new keys appended (docs/behaviour.md).
// REQUIRES: step.legacy set (every legacy State has it).
Json StepInput(const State& step, const Json& parent_input,
               const Json& parent_local, const ContextValues& context);

// A step's output once its work is done. With outputMappings: built from
// them, over this step's input and `local`. Without: `local` itself, except
// for parallel and foreach steps, whose default output is {}.
Json StepOutput(const State& step, const Json& input, const Json& local,
                const ContextValues& context);

// Adds a step's output to its parent sequence's local: a shallow merge where
// the later step wins; {} changes nothing. A non-object output (only
// possible from a hand-built value) is ignored.
// REQUIRES: parent_local is an object.
void MergeOutput(Json output, Json* parent_local);

// The execution output: the flow's outputMappings over the flow input and the
// flow local, else the flow local (not the input).
Json FlowOutput(const CompiledFlow& flow, const Json& flow_input,
                const Json& flow_local, const ContextValues& context);

}  // namespace fnf::internal::legacy

#endif  // FNF_INTERP_LEGACY_DATA_FLOW_H_
