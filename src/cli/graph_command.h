// `fnf graph FLOW_FILE [--format mermaid|dot] [--history RUN_JSON]`: the flow
// as a diagram (src/graph/), optionally marked with where a run went.
#ifndef FNF_CLI_GRAPH_COMMAND_H_
#define FNF_CLI_GRAPH_COMMAND_H_

#include <ostream>
#include <string>
#include <vector>

namespace fnf::cli {

// `args` are the arguments after "graph". Prints the diagram on `out`;
// problems (an invalid definition, a history that is not `fnf run --history`
// output) on `err` with kExitInvalid.
int GraphCommand(const std::vector<std::string>& args, std::ostream& out,
                 std::ostream& err);

}  // namespace fnf::cli

#endif  // FNF_CLI_GRAPH_COMMAND_H_
