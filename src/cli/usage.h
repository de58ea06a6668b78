// The help texts of the fnf tool.
#ifndef FNF_CLI_USAGE_H_
#define FNF_CLI_USAGE_H_

#include <string>

namespace fnf::cli {

std::string MainUsage();      // fnf, fnf --help
std::string RunUsage();       // fnf run --help
std::string ValidateUsage();  // fnf validate --help

}  // namespace fnf::cli

#endif  // FNF_CLI_USAGE_H_
