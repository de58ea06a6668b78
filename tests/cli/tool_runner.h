// Test helpers that run the built `fnf` binary as a user would and look at what
// it printed.
#ifndef FNF_TESTS_CLI_TOOL_RUNNER_H_
#define FNF_TESTS_CLI_TOOL_RUNNER_H_

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace fnf::testing {

struct ToolRun {
  int exit_code = -1;  // -1 when it did not exit normally
  std::string out, err;
};

// A directory that lives as long as the object does.
class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "fnf-cli-XXXXXX").string();
    path_ = ::mkdtemp(pattern.data()) ? pattern : "";
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
  }
  const std::string& path() const { return path_; }
  // Writes `contents` to `name` in the directory; returns its path.
  std::string Write(const std::string& name,
                    const std::string& contents) const {
    std::string file = path_ + "/" + name;
    std::ofstream(file, std::ios::binary) << contents;
    return file;
  }
  std::string Read(const std::string& name) const {
    std::ifstream in(path_ + "/" + name, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

 private:
  std::string path_;
};

// Runs the fnf tool with `args`, `stdin_text` as its standard input. Output
// goes through files rather than pipes, so that nothing here can deadlock
// whatever the tool prints.
inline ToolRun RunTool(const std::vector<std::string>& args,
                       const std::string& stdin_text = "") {
  TempDir dir;
  std::string in = dir.Write("stdin", stdin_text);
  std::string out = dir.path() + "/stdout", err = dir.path() + "/stderr";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, in.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, 2, err.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  std::vector<std::string> argv_strings = {FNF_TOOL_PATH};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& arg : argv_strings) argv.push_back(arg.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  ToolRun run;
  int rc = ::posix_spawn(&pid, FNF_TOOL_PATH, &actions, nullptr, argv.data(),
                         environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    run.err = "cannot start " FNF_TOOL_PATH;
    return run;
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) run.exit_code = WEXITSTATUS(status);
  run.out = dir.Read("stdout");
  run.err = dir.Read("stderr");
  return run;
}

// A test data file of the CLI tests.
inline std::string DataFile(const std::string& name) {
  return std::string(FNF_SOURCE_DIR) + "/tests/data/cli/" + name;
}

inline rapidjson::Document ParseJson(const std::string& text) {
  rapidjson::Document doc;
  doc.Parse(text.c_str(), text.size());
  return doc;
}

// True when JSON text `actual` holds the same value as `expected` (whitespace
// aside).
inline bool JsonEquals(const std::string& actual, const std::string& expected) {
  rapidjson::Document a = ParseJson(actual), e = ParseJson(expected);
  return !a.HasParseError() && !e.HasParseError() && a == e;
}

// The lines of `text`, without their newlines.
inline std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace fnf::testing

#endif  // FNF_TESTS_CLI_TOOL_RUNNER_H_
