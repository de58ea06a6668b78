// regexMatchString(pattern, text): pattern first and RE2 syntax (DECISIONS.md
// 12); true when the pattern matches anywhere in the text, as Go's
// regexp.MatchString does (anchor with ^...$ for a full match).
#include <re2/re2.h>

#include "common/strings.h"
#include "expr/functions/arguments.h"
#include "expr/functions/families.h"

namespace fnf::internal {
namespace {

std::unique_ptr<RE2> CompilePattern(const std::string& pattern,
                                    std::string* error) {
  RE2::Options options;
  options.set_log_errors(
      false);  // errors are reported to the user, not to stderr
  auto re = std::make_unique<RE2>(pattern, options);
  if (!re->ok()) {
    *error =
        StrCat("invalid regular expression '", pattern, "': ", re->error());
    return nullptr;
  }
  return re;
}

bool RegexMatchString(std::span<Value> args, const CallEnv& env, Value* out,
                      std::string* error) {
  const std::string* pattern = StringArg(args, 0, "pattern", error);
  if (pattern == nullptr) return false;
  const std::string* text = StringArg(args, 1, "text", error);
  if (text == nullptr) return false;
  const RE2* re = static_cast<const RE2*>(env.prepared);
  std::unique_ptr<RE2> compiled;
  if (re == nullptr) {
    compiled = CompilePattern(*pattern, error);
    if (compiled == nullptr) return false;
    re = compiled.get();
  }
  out->SetOwned(Json(RE2::PartialMatch(*text, *re)));
  return true;
}

// A constant pattern is compiled once, when the flow is created, and a bad one
// is a definition error there rather than a failure at run time.
bool PrepareRegex(std::span<const Json* const> constant_args,
                  std::shared_ptr<const void>* prepared, int* bad_arg,
                  std::string* error) {
  const Json* pattern = constant_args[0];
  if (pattern == nullptr) return true;
  *bad_arg = 0;
  if (!pattern->is_string()) {
    *error = StrCat("the pattern must be a string, got ", pattern->type_name());
    return false;
  }
  std::unique_ptr<RE2> re = CompilePattern(pattern->as_string(), error);
  if (re == nullptr) return false;
  *prepared = std::shared_ptr<const RE2>(std::move(re));
  return true;
}

}  // namespace

void RegisterRegexFunctions(FunctionTable* table) {
  table->push_back({.name = "regexMatchString",
                    .min_args = 2,
                    .max_args = 2,
                    .impl = RegexMatchString,
                    .prepare = PrepareRegex});
}

}  // namespace fnf::internal
