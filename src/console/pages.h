// The console's pages as HTML, from what the engine's public API returns.
// Pure functions of their arguments: no engine, no I/O, so tests can check
// the exact text.
#ifndef FNF_CONSOLE_PAGES_H_
#define FNF_CONSOLE_PAGES_H_

#include <string>
#include <vector>

#include "fnf/types.h"

#include "console/run_marks.h"

namespace fnf::console {

// One row of the flows page.
struct FlowRow {
  Flow flow;
  int running = 0, ended = 0;  // its executions
};

// The list of executions a flow page shows, and how it was asked for.
struct ExecutionList {
  std::string status;       // "" for any
  std::string name_prefix;  // "" for any
  std::string page_token;   // this page's ListRequest::next_token ("": first)
  Page<Execution> page;
  std::string error;  // a refused filter, shown instead of the page
};

std::string FlowsPage(const std::vector<FlowRow>& flows);
// `svg`: the diagram ("" when it cannot be drawn); `csrf`: the value the
// page's POST forms carry (see console.h).
std::string FlowPage(const Flow& flow, const std::string& svg,
                     const ExecutionList& executions, const std::string& csrf);
std::string ExecutionPage(const Execution& execution,
                          const std::vector<HistoryEvent>& events,
                          const RunMarks& marks, const std::string& svg,
                          const std::string& csrf);
// The page of a refused request (401, 403, 404 ...): a title and a message,
// both plain text.
std::string MessagePage(const std::string& title, const std::string& message);

// The console's URLs of a flow and an execution.
std::string FlowUrl(const std::string& flow_name);
std::string ExecutionUrl(const std::string& flow_name,
                         const std::string& execution_name);

}  // namespace fnf::console

#endif  // FNF_CONSOLE_PAGES_H_
