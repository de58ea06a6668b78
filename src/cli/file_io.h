// Reading the files named on the command line.
#ifndef FNF_CLI_FILE_IO_H_
#define FNF_CLI_FILE_IO_H_

#include <string>

namespace fnf::cli {

// Reads all of `path` ("-": standard input) into `*contents`. On failure
// returns false with
// `*error` saying why, e.g. "No such file or directory".
bool ReadWholeFile(const std::string& path, std::string* contents,
                   std::string* error);

}  // namespace fnf::cli

#endif  // FNF_CLI_FILE_IO_H_
