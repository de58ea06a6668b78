// `fnf serve`: the cloud API (FnF OpenAPI 2019-03-15) over HTTP in front of an
// engine, so that Alibaba Cloud's SDKs and CLI work against it (fnf/server.h).
#ifndef FNF_CLI_SERVE_COMMAND_H_
#define FNF_CLI_SERVE_COMMAND_H_

#include <ostream>
#include <string>
#include <vector>

namespace fnf::cli {

// `args` are the arguments after "serve". Prints
// "fnf serve: listening on http://HOST:PORT" as the first line on `out`, then
// serves until SIGINT or SIGTERM; the access log and the tokens of callback
// tasks go to `err`. Returns the exit status (cli.h): 0 after a clean stop, 1
// when it cannot listen, 2 for bad arguments or files.
int ServeCommand(const std::vector<std::string>& args, std::ostream& out,
                 std::ostream& err);

}  // namespace fnf::cli

#endif  // FNF_CLI_SERVE_COMMAND_H_
