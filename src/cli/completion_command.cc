#include "cli/completion_command.h"

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/args.h"
#include "cli/cli.h"
#include "cli/commands.h"

namespace fnf::cli {
namespace {

// What completion needs to know of one option, read off a help text.
struct OptionInfo {
  std::vector<std::string> names;    // "--input", "-h"
  std::string value_type;            // "" for a flag; "FILE", "JSON", ...
  std::vector<std::string> choices;  // from "TYPE:{a,b}"
};

// Value types that name a file, so bash completes paths for them.
bool IsFileType(std::string_view type) {
  return type == "FILE" || type == "RUN_JSON";
}

// Reads the option lines of a CLI11 help text ("  --output FORMAT:{a,b} ...",
// "  -h,--help ..."). Reading the help rather than the parser keeps this
// working for every command in the table, whoever wrote its parser.
std::vector<OptionInfo> OptionsFromHelp(const std::string& help) {
  std::vector<OptionInfo> options;
  std::istringstream in(help);
  for (std::string line; std::getline(in, line);) {
    size_t start = line.find_first_not_of(' ');
    if (start == std::string::npos || start == 0 || line[start] != '-') {
      continue;
    }
    std::istringstream words(line.substr(start));
    std::string names, type;
    words >> names >> type;
    OptionInfo option;
    std::istringstream split(names);
    for (std::string name; std::getline(split, name, ',');) {
      if (!name.empty() && name[0] == '-') option.names.push_back(name);
    }
    if (option.names.empty()) continue;
    if (!type.empty() && type[0] >= 'A' && type[0] <= 'Z') {
      size_t brace = type.find(":{");
      option.value_type = type.substr(0, brace);
      if (brace != std::string::npos && type.back() == '}') {
        std::istringstream choices(
            type.substr(brace + 2, type.size() - brace - 3));
        for (std::string c; std::getline(choices, c, ',');) {
          option.choices.push_back(c);
        }
      }
    }
    options.push_back(std::move(option));
  }
  return options;
}

std::string Join(const std::vector<std::string>& words) {
  std::string text;
  for (const std::string& word : words) {
    if (!text.empty()) text += ' ';
    text += word;
  }
  return text;
}

// The `case "$prev"` arms and the option words of one command.
void WriteCommandCase(const Command& command, std::ostream& out) {
  std::ostringstream help, ignored;
  command.main({"--help"}, help, ignored);
  std::vector<OptionInfo> options = OptionsFromHelp(help.str());
  std::vector<std::string> words;
  out << "    " << command.name << ")\n      case \"$prev\" in\n";
  for (const OptionInfo& option : options) {
    for (const std::string& name : option.names) {
      if (name.rfind("--", 0) == 0) words.push_back(name);
    }
    if (option.value_type.empty()) continue;
    out << "        " << option.names.front();
    for (size_t i = 1; i < option.names.size(); ++i) {
      out << "|" << option.names[i];
    }
    if (!option.choices.empty()) {
      out << ") COMPREPLY=($(compgen -W \"" << Join(option.choices)
          << "\" -- \"$cur\")); return ;;\n";
    } else if (IsFileType(option.value_type)) {
      out << ") COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n";
    } else {
      out << ") return ;;\n";
    }
  }
  out << "      esac\n";
  std::string words_text = Join(words);
  std::string positional = "compgen -f -- \"$cur\"";
  if (command.name == "help") {
    std::vector<std::string> names;
    for (const Command& c : Commands()) names.emplace_back(c.name);
    positional = "compgen -W \"" + Join(names) + "\" -- \"$cur\"";
  } else if (command.name == "completion") {
    positional = "compgen -W \"bash\" -- \"$cur\"";
  } else if (command.name == "version") {
    positional = "true";
  }
  out << "      if [[ $cur == -* ]]; then\n"
      << "        COMPREPLY=($(compgen -W \"" << words_text
      << "\" -- \"$cur\"))\n"
      << "      else\n"
      << "        COMPREPLY=($(" << positional << "))\n"
      << "      fi ;;\n";
}

void WriteBashScript(std::ostream& out) {
  std::vector<std::string> names;
  for (const Command& command : Commands()) names.emplace_back(command.name);
  out << "# bash completion for fnf. Load it with: source <(fnf completion "
         "bash)\n"
      << "_fnf() {\n"
      << "  local cur=${COMP_WORDS[COMP_CWORD]} "
         "prev=${COMP_WORDS[COMP_CWORD-1]}\n"
      << "  if [[ $COMP_CWORD -eq 1 ]]; then\n"
      << "    COMPREPLY=($(compgen -W \"" << Join(names)
      << " --help --version\" -- \"$cur\"))\n"
      << "    return\n"
      << "  fi\n"
      << "  case \"${COMP_WORDS[1]}\" in\n";
  for (const Command& command : Commands()) WriteCommandCase(command, out);
  out << "  esac\n"
      << "}\n"
      << "complete -o filenames -F _fnf fnf\n";
}

}  // namespace

int CompletionCommand(const std::vector<std::string>& args, std::ostream& out,
                      std::ostream& err) {
  WordArgs completion_args;
  if (auto done =
          ParseCommandArgs("completion", args, ParseCompletionArgs,
                           CompletionHelp, &completion_args, out, err)) {
    return *done;
  }
  WriteBashScript(out);
  return kExitSucceeded;
}

}  // namespace fnf::cli
