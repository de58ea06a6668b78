// `fnf test SCENARIO_FILE...`: runs the named scenarios of each file
// (scenario.h) on a virtual clock and prints one line per scenario, then a
// summary. Exit status: 0 when every scenario passed, 1 when one failed, 2
// when a file or its flow is invalid (its scenarios are not run).
#ifndef FNF_CLI_TEST_COMMAND_H_
#define FNF_CLI_TEST_COMMAND_H_

#include <ostream>
#include <string>
#include <vector>

namespace fnf::cli {

int TestCommand(const std::vector<std::string>& args, std::ostream& out,
                std::ostream& err);

}  // namespace fnf::cli

#endif  // FNF_CLI_TEST_COMMAND_H_
