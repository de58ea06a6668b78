// Flow diagrams as SVG: the Diagram of src/graph (the one `fnf graph` draws),
// written as dot by RenderDot and laid out by Graphviz's libgvc in process.
#ifndef FNF_CONSOLE_SVG_H_
#define FNF_CONSOLE_SVG_H_

#include <string>
#include <string_view>

#include "console/run_marks.h"
#include "graph/diagram.h"

namespace fnf::console {

// The <svg> element for `diagram` (no XML prolog, so it can sit inside HTML).
// Each state is `<g id="state_<node id>" class="node state [visited]
// [failed] [running]">`. Every text is escaped. "" when Graphviz fails.
// Thread-safe (Graphviz is not: calls are serialised).
std::string RenderSvg(const internal::Diagram& diagram);

// The diagram of a definition, with `marks` (nullptr: none) drawn on it. ""
// when the definition does not compile (the console shows it as text then).
std::string DefinitionSvg(std::string_view definition, const RunMarks* marks);

}  // namespace fnf::console

#endif  // FNF_CONSOLE_SVG_H_
