#include "server/params.h"

#include <charconv>
#include <set>

#include "absl/strings/ascii.h"
#include "common/strings.h"

namespace fnf::server {

using internal::StrCat;

Status MissingParam(std::string_view name) {
  return Status(ErrorCode::kMissingRequiredParams,
                StrCat("The HTTP query '", name, "' must be specified."));
}

Status Params::Merge(Pairs query, Pairs body, Params* out) {
  out->pairs_ = std::move(query);
  out->pairs_.insert(out->pairs_.end(), std::make_move_iterator(body.begin()),
                     std::make_move_iterator(body.end()));
  std::set<std::string_view> seen;
  for (const auto& p : out->pairs_) {
    if (!seen.insert(p.first).second) {
      return Status(
          ErrorCode::kInvalidArgument,
          StrCat("The parameter '", p.first, "' is given more than once."));
    }
  }
  return Status();
}

const std::string* Params::Find(std::string_view name) const {
  for (const auto& p : pairs_) {
    if (p.first == name) return &p.second;
  }
  return nullptr;
}

std::string Params::Get(std::string_view name) const {
  const std::string* v = Find(name);
  return v ? *v : std::string();
}

std::optional<std::string> Params::Optional(std::string_view name) const {
  const std::string* v = Find(name);
  if (!v) return std::nullopt;
  return *v;
}

Status Params::Required(std::string_view name, std::string* out) const {
  const std::string* v = Find(name);
  if (!v) return MissingParam(name);
  *out = *v;
  return Status();
}

Status Params::Int(std::string_view name, int* out) const {
  const std::string* v = Find(name);
  if (!v) return Status();
  int n = 0;
  auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
  if (v->empty() || ec != std::errc() || end != v->data() + v->size()) {
    return Status(ErrorCode::kInvalidArgument,
                  StrCat("The parameter '", name, "' must be an integer, got '",
                         *v, "'."));
  }
  *out = n;
  return Status();
}

Status Params::Bool(std::string_view name, std::optional<bool>* out) const {
  const std::string* v = Find(name);
  if (!v) return Status();
  std::string lower = absl::AsciiStrToLower(*v);
  if (lower != "true" && lower != "false") {
    return Status(ErrorCode::kInvalidArgument,
                  StrCat("The parameter '", name,
                         "' must be true or false, got '", *v, "'."));
  }
  *out = lower == "true";
  return Status();
}

}  // namespace fnf::server
