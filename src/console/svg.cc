#include "console/svg.h"

#include <mutex>
#include <string>

#include "fnf/options.h"

#include "definition/compiler.h"
#include <graphviz/gvc.h>

namespace fnf::console {
namespace {

// Graphviz keeps global state: one layout at a time.
std::mutex& GraphvizMutex() {
  static std::mutex mu;
  return mu;
}

}  // namespace

std::string RenderSvg(const internal::Diagram& diagram) {
  std::string dot = internal::RenderDot(diagram, {.svg_attributes = true});
  std::string svg;
  std::lock_guard<std::mutex> lock(GraphvizMutex());
  GVC_t* gvc = gvContext();
  if (gvc == nullptr) return "";
  Agraph_t* graph = agmemread(dot.c_str());
  if (graph != nullptr) {
    if (gvLayout(gvc, graph, "dot") == 0) {
      char* data = nullptr;
      unsigned int size = 0;
      if (gvRenderData(gvc, graph, "svg", &data, &size) == 0 && data) {
        svg.assign(data, size);
      }
      if (data != nullptr) gvFreeRenderData(data);
      gvFreeLayout(gvc, graph);
    }
    agclose(graph);
  }
  gvFreeContext(gvc);
  // Only the element: the prolog and doctype are not allowed inside HTML.
  size_t start = svg.find("<svg");
  return start == std::string::npos ? "" : svg.substr(start);
}

std::string DefinitionSvg(std::string_view definition, const RunMarks* marks) {
  Limits limits;
  internal::CompileOptions options;
  options.limits = &limits;
  internal::CompileResult compiled =
      internal::CompileDefinition(std::string(definition), options);
  if (!compiled.flow) return "";
  internal::Diagram diagram = internal::BuildDiagram(*compiled.flow);
  if (marks != nullptr) {
    internal::MarkRun(marks->visited, marks->failed, &diagram);
    for (internal::DiagramNode& node : diagram.nodes) {
      node.running = !node.name.empty() && marks->running.count(node.name) > 0;
    }
  }
  return RenderSvg(diagram);
}

}  // namespace fnf::console
