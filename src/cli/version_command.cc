#include "cli/version_command.h"

#include <string>
#include <vector>

#include "fnf/version.h"

#include "cli/args.h"
#include "cli/cli.h"
#include "cli/commands.h"

namespace fnf::cli {

int VersionCommand(const std::vector<std::string>& args, std::ostream& out,
                   std::ostream& err) {
  WordArgs version_args;
  if (auto done = ParseCommandArgs("version", args, ParseVersionArgs,
                                   VersionHelp, &version_args, out, err)) {
    return *done;
  }
  out << "fnf " << Version() << "\n";
  return kExitSucceeded;
}

}  // namespace fnf::cli
