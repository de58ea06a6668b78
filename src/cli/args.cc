#include "cli/args.h"

#include <string>
#include <string_view>
#include <vector>

namespace fnf::cli {
namespace {

// Walks a command line, splitting `--opt=VALUE` and fetching the VALUE of
// `--opt VALUE`.
class ArgReader {
 public:
  explicit ArgReader(const std::vector<std::string>& args) : args_(args) {}

  bool done() const { return next_ >= args_.size(); }

  // Takes the next argument. Sets `*is_option` when it is an option ("--x",
  // "--x=v", "-h"), with `*name` the option name ("--x") and any "=v" kept for
  // Value().
  void Next(bool* is_option, std::string* name) {
    const std::string& arg = args_[next_++];
    inline_value_.reset();
    *is_option = !options_ended_ && arg.size() > 1 && arg[0] == '-';
    if (*is_option && arg == "--") {
      options_ended_ = true;
      *is_option = false;
      *name = "";
      skip_ = true;
      return;
    }
    skip_ = false;
    if (!*is_option) {
      *name = arg;
      return;
    }
    size_t eq = arg.find('=');
    if (arg.rfind("--", 0) == 0 && eq != std::string::npos) {
      *name = arg.substr(0, eq);
      inline_value_ = arg.substr(eq + 1);
    } else {
      *name = arg;
    }
  }

  // True for the "--" that ends the options: not an argument itself.
  bool skip() const { return skip_; }
  bool has_inline_value() const { return inline_value_.has_value(); }

  // The value of option `name`: after '=' or the next argument.
  bool Value(const std::string& name, std::string* value, std::string* error) {
    if (inline_value_) {
      *value = *inline_value_;
      return true;
    }
    if (done()) {
      *error = name + " needs a value";
      return false;
    }
    *value = args_[next_++];
    return true;
  }

 private:
  const std::vector<std::string>& args_;
  size_t next_ = 0;
  bool options_ended_ = false;
  bool skip_ = false;
  std::optional<std::string> inline_value_;
};

bool SetOnce(const std::string& name, const std::string& value,
             std::optional<std::string>* slot, std::string* error) {
  if (slot->has_value()) {
    *error = name + " is given twice";
    return false;
  }
  *slot = value;
  return true;
}

bool IsHelp(const std::string& name) {
  return name == "--help" || name == "-h";
}

}  // namespace

bool ParseRunArgs(const std::vector<std::string>& args, RunArgs* out,
                  std::string* error) {
  *out = RunArgs();
  ArgReader reader(args);
  std::vector<std::string> positional;
  std::optional<std::string> name;
  while (!reader.done()) {
    bool is_option = false;
    std::string arg;
    reader.Next(&is_option, &arg);
    if (reader.skip()) continue;
    if (!is_option) {
      positional.push_back(arg);
      continue;
    }
    if (IsHelp(arg)) {
      out->help = true;
      return true;
    }
    if (arg == "--history" || arg == "--virtual-time") {
      if (reader.has_inline_value()) {
        *error = arg + " takes no value";
        return false;
      }
      (arg == "--history" ? out->history : out->virtual_time) = true;
      continue;
    }
    std::string value;
    if (arg == "--input") {
      if (!reader.Value(arg, &value, error) ||
          !SetOnce(arg, value, &out->input, error)) {
        return false;
      }
    } else if (arg == "--input-file") {
      if (!reader.Value(arg, &value, error) ||
          !SetOnce(arg, value, &out->input_file, error)) {
        return false;
      }
    } else if (arg == "--name") {
      if (!reader.Value(arg, &value, error) ||
          !SetOnce(arg, value, &name, error))
        return false;
    } else if (arg == "--mocks") {
      if (!reader.Value(arg, &value, error) ||
          !SetOnce(arg, value, &out->mocks_file, error)) {
        return false;
      }
    } else if (arg == "--task") {
      if (!reader.Value(arg, &value, error)) return false;
      size_t eq = value.find('=');
      if (eq == std::string::npos || eq == 0 || eq + 1 == value.size()) {
        *error = "--task needs KEY=COMMAND, got '" + value + "'";
        return false;
      }
      out->tasks.push_back({value.substr(0, eq), value.substr(eq + 1)});
    } else {
      *error = "unknown option " + arg;
      return false;
    }
  }
  if (out->input && out->input_file) {
    *error = "--input and --input-file exclude each other";
    return false;
  }
  if (positional.empty()) {
    *error = "missing FLOW_FILE";
    return false;
  }
  if (positional.size() > 1) {
    *error = "one FLOW_FILE only, got also '" + positional[1] + "'";
    return false;
  }
  out->flow_file = positional[0];
  out->execution_name = name.value_or("");
  return true;
}

bool ParseValidateArgs(const std::vector<std::string>& args, ValidateArgs* out,
                       std::string* error) {
  *out = ValidateArgs();
  ArgReader reader(args);
  while (!reader.done()) {
    bool is_option = false;
    std::string arg;
    reader.Next(&is_option, &arg);
    if (reader.skip()) continue;
    if (!is_option) {
      out->files.push_back(arg);
    } else if (IsHelp(arg)) {
      out->help = true;
      return true;
    } else {
      *error = "unknown option " + arg;
      return false;
    }
  }
  if (out->files.empty()) {
    *error = "missing FLOW_FILE";
    return false;
  }
  return true;
}

}  // namespace fnf::cli
