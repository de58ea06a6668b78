#include "cli/usage.h"

#include <string>
#include <string_view>
#include <vector>

#include "cli/commands.h"
#include "expr/suggest.h"

namespace fnf::cli {

std::string MainUsage() {
  std::string text =
      "Usage: fnf COMMAND [ARGS]...\n"
      "       fnf --version | --help\n"
      "\n"
      "Runs Serverless Workflow / CloudFlow flows locally with the fnf "
      "engine.\n"
      "\n"
      "Commands:\n";
  for (const Command& command : Commands()) {
    std::string name(command.name);
    name.resize(std::max<size_t>(name.size() + 2, 12), ' ');
    text += "  " + name + std::string(command.summary) + "\n";
  }
  text +=
      "\n"
      "'fnf help COMMAND' (or 'fnf COMMAND --help') describes a command's "
      "options.\n"
      "Exit status: 0 success; 1 the execution (or a scenario) ended "
      "otherwise; 2 the\n"
      "definition, the input or the arguments are invalid.\n";
  return text;
}

std::string CommandSuggestion(std::string_view word) {
  std::vector<std::string_view> names = {"--help", "--version"};
  for (const Command& command : Commands()) names.push_back(command.name);
  return internal::DidYouMean(word, names);
}

}  // namespace fnf::cli
