// format, split, length.
#include "common/strings.h"
#include "expr/functions/arguments.h"
#include "expr/functions/families.h"
#include "expr/functions/utf8.h"

namespace fnf::internal {
namespace {

constexpr std::string_view kPlaceholder = "{}";

size_t CountPlaceholders(std::string_view tmpl) {
  size_t n = 0;
  for (size_t pos = tmpl.find(kPlaceholder); pos != std::string_view::npos;
       pos = tmpl.find(kPlaceholder, pos + kPlaceholder.size())) {
    ++n;
  }
  return n;
}

std::string CountMismatch(size_t placeholders, size_t values) {
  return StrCat("the template has ", placeholders, " placeholder(s) '{}' but ",
                values, " value(s) were given");
}

// Each "{}" takes the next argument: strings go in as they are, anything else
// as compact JSON. A count mismatch is an error rather than a silently dropped
// value or a stray "{}".
bool Format(std::span<Value> args, const CallEnv&, Value* out,
            std::string* error) {
  const std::string* tmpl = StringArg(args, 0, "template", error);
  if (tmpl == nullptr) return false;
  size_t values = args.size() - 1;
  size_t placeholders = CountPlaceholders(*tmpl);
  if (placeholders != values) {
    *error = CountMismatch(placeholders, values);
    return false;
  }
  std::string result;
  result.reserve(tmpl->size() + 16 * values);
  std::string_view rest = *tmpl;
  for (size_t i = 1; i < args.size(); ++i) {
    size_t pos = rest.find(kPlaceholder);
    result.append(rest.substr(0, pos));
    rest.remove_prefix(pos + kPlaceholder.size());
    const Json& v = *args[i];
    if (v.is_string()) {
      result.append(v.as_string());
    } else {
      v.AppendTo(&result);
    }
  }
  result.append(rest);
  out->SetOwned(Json(std::move(result)));
  return true;
}

// Go's strings.Split semantics: an empty separator splits between characters,
// and an empty text gives one empty part.
bool Split(std::span<Value> args, const CallEnv&, Value* out,
           std::string* error) {
  const std::string* text = StringArg(args, 0, "text", error);
  if (text == nullptr) return false;
  const std::string* sep = StringArg(args, 1, "separator", error);
  if (sep == nullptr) return false;
  Json::Array parts;
  std::string_view rest = *text;
  if (sep->empty()) {
    while (!rest.empty()) {
      size_t len = CharLength(rest);
      parts.emplace_back(rest.substr(0, len));
      rest.remove_prefix(len);
    }
  } else {
    for (size_t pos = rest.find(*sep); pos != std::string_view::npos;
         pos = rest.find(*sep)) {
      parts.emplace_back(rest.substr(0, pos));
      rest.remove_prefix(pos + sep->size());
    }
    parts.emplace_back(rest);
  }
  out->SetOwned(Json(std::move(parts)));
  return true;
}

// Strings count Unicode code points, not bytes (DECISIONS.md 12).
bool Length(std::span<Value> args, const CallEnv&, Value* out,
            std::string* error) {
  const Json& v = *args[0];
  int64_t n;
  if (v.is_array()) {
    n = static_cast<int64_t>(v.as_array().size());
  } else if (v.is_object()) {
    n = static_cast<int64_t>(v.as_object().size());
  } else if (v.is_string()) {
    n = static_cast<int64_t>(CountCodePoints(v.as_string()));
  } else {
    *error = ArgumentError(0, "", "an array, an object or a string", v);
    return false;
  }
  out->SetOwned(Json(n));
  return true;
}

// A constant template is checked against the number of values when the flow is
// created.
bool PrepareFormat(std::span<const Json* const> constant_args,
                   std::shared_ptr<const void>*, int* bad_arg,
                   std::string* error) {
  const Json* tmpl = constant_args[0];
  if (tmpl == nullptr) return true;
  *bad_arg = 0;
  if (!tmpl->is_string()) {
    *error = StrCat("the template must be a string, got ", tmpl->type_name());
    return false;
  }
  size_t placeholders = CountPlaceholders(tmpl->as_string());
  if (placeholders == constant_args.size() - 1) return true;
  *error = CountMismatch(placeholders, constant_args.size() - 1);
  return false;
}

}  // namespace

void RegisterStringFunctions(FunctionTable* table) {
  table->push_back({.name = "format",
                    .min_args = 1,
                    .max_args = kVariadic,
                    .impl = Format,
                    .prepare = PrepareFormat});
  table->push_back(
      {.name = "split", .min_args = 2, .max_args = 2, .impl = Split});
  table->push_back(
      {.name = "length", .min_args = 1, .max_args = 1, .impl = Length});
}

}  // namespace fnf::internal
