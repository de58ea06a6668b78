// A flow as a picture: the diagram model `fnf graph` renders as Mermaid or
// Graphviz dot, built from the compiled flow so that both dialects get it.
// Kept apart from the CLI (its own CMake target, fnf_graph) so that other
// front ends, such as a web console, can draw the same diagram.
#ifndef FNF_GRAPH_DIAGRAM_H_
#define FNF_GRAPH_DIAGRAM_H_

#include <set>
#include <string>
#include <vector>

#include "definition/ir.h"

namespace fnf::internal {

struct DiagramNode {
  enum class Shape {
    kBox,       // Pass, Task, Wait, and the entry of a Parallel or Map
    kDecision,  // Choice
    kTerminal,  // Succeed, Fail
    kStart,     // where the flow starts
    kEnd,       // where the flow ends
  };
  // Unique and safe in both dialects: "n0", "flow_start", "flow_end".
  std::string id;
  std::string name;    // the state's name ("" for start and end)
  std::string type;    // as the dialect spells it: "Task", legacy "task"
  std::string detail;  // e.g. the task's action, a Map's MaxConcurrency
  Shape shape = Shape::kBox;
  bool visited = false;  // MarkRun: the execution entered this state
  bool failed = false;   // MarkRun: the state failed
  // Still running (set by the web console from a running execution's
  // history; `fnf graph` never sets it). Only RenderDot draws it.
  bool running = false;
};

struct DiagramEdge {
  enum class Kind { kNext, kChoice, kDefault, kCatch, kInner };
  std::string from, to;
  std::string label;  // a Choice condition, "Default", "Catch FnF.ALL", ...
  Kind kind = Kind::kNext;
};

// A box around the states of a Parallel or Map state (its node first, then
// one cluster per branch or the processor).
struct DiagramCluster {
  std::string id;             // "c0", ...
  std::string label;          // "Fan (Map)", "Branch 1", "Processor"
  std::vector<size_t> nodes;  // indexes into Diagram::nodes
  std::vector<DiagramCluster> clusters;
};

struct Diagram {
  std::vector<DiagramNode> nodes;  // every node, in definition order
  std::vector<DiagramEdge> edges;
  DiagramCluster root;  // the top level: no box is drawn for it
};

// Every state, transition and nested scope of `flow`.
Diagram BuildDiagram(const CompiledFlow& flow);

// Marks the states named in `visited` and `failed` (by name, in every scope:
// a name used in several scopes is marked in each).
void MarkRun(const std::set<std::string>& visited,
             const std::set<std::string>& failed, Diagram* diagram);

// `flowchart TD` text for Mermaid; visited states get class `visited`,
// failed ones class `failed`.
std::string RenderMermaid(const Diagram& diagram);

// How RenderDot writes its text.
struct DotOptions {
  // For Graphviz's SVG output: every state node gets `id="state_<id>"` and
  // `class="state"` plus `visited`, `failed` and `running` as they apply, and
  // '&' in labels is written as "&#38;" (Graphviz passes entities through).
  bool svg_attributes = false;
};

// A `digraph` for Graphviz: Parallel and Map states as `cluster_` subgraphs;
// visited states filled green, failed ones red, running ones amber.
std::string RenderDot(const Diagram& diagram, const DotOptions& options = {});

}  // namespace fnf::internal

#endif  // FNF_GRAPH_DIAGRAM_H_
