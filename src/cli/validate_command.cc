#include "cli/validate_command.h"

#include <iostream>
#include <string>
#include <vector>

#include "fnf/engine.h"
#include "fnf/options.h"
#include "fnf/types.h"

#include "cli/args.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/file_io.h"
#include "cli/legacy_typos.h"
#include "cli/messages.h"
#include <unistd.h>

namespace fnf::cli {

int ValidateCommand(const std::vector<std::string>& args, std::ostream& out,
                    std::ostream& err) {
  ValidateArgs validate_args;
  if (auto done = ParseCommandArgs("validate", args, ParseValidateArgs,
                                   ValidateHelp, &validate_args, out, err)) {
    return *done;
  }
  // Validation runs nothing, so an engine without worker threads is enough.
  EngineOptions options;
  options.worker_threads = 0;
  Engine engine(options);
  bool all_valid = true;
  const bool show_source = validate_args.show_source ||
                           (&out == &std::cout && ::isatty(STDOUT_FILENO) == 1);
  for (const std::string& file : validate_args.files) {
    std::string definition, error;
    if (!ReadWholeFile(file, &definition, &error)) {
      out << file << ": cannot read: " << error << "\n";
      all_valid = false;
      continue;
    }
    // Warnings do not make a file invalid.
    for (const Diagnostic& typo : LegacyFieldTypos(definition)) {
      Diagnostic warning = typo;
      warning.path.clear();
      warning.message = "warning: " + typo.path + ": " + typo.message;
      out << FormatDiagnostic(file, warning) << "\n";
      if (show_source) out << SourceExcerpt(definition, typo.line, typo.column);
    }
    for (const Diagnostic& problem : engine.ValidateDefinition(definition)) {
      out << FormatDiagnostic(file, problem) << "\n";
      if (show_source) {
        out << SourceExcerpt(definition, problem.line, problem.column);
      }
      all_valid = false;
    }
  }
  return all_valid ? kExitSucceeded : kExitInvalid;
}

}  // namespace fnf::cli
