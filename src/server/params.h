// The parameters of one API request: query and form body merged into one map,
// with typed getters that answer in the API's error vocabulary.
#ifndef FNF_SERVER_PARAMS_H_
#define FNF_SERVER_PARAMS_H_

#include <optional>
#include <string>
#include <string_view>

#include "fnf/status.h"

#include "server/form.h"

namespace fnf::server {

class Params {
 public:
  Params() = default;
  // Merges the decoded query and body. A name given twice (in one of them or
  // in both) is refused with InvalidArgument: no client does it, and the
  // signature could not say which value was signed.
  static Status Merge(Pairs query, Pairs body, Params* out);

  const Pairs& pairs() const { return pairs_; }
  // The value of `name`, or nullptr when absent.
  const std::string* Find(std::string_view name) const;
  // The value, or "" when absent.
  std::string Get(std::string_view name) const;
  std::optional<std::string> Optional(std::string_view name) const;
  // MissingRequiredParams ("The HTTP query 'FlowName' must be specified.")
  // when absent.
  Status Required(std::string_view name, std::string* out) const;
  // A decimal integer; `*out` keeps its value when absent. InvalidArgument
  // naming the parameter when it is not one.
  Status Int(std::string_view name, int* out) const;
  // "true" or "false" (any case); nullopt when absent.
  Status Bool(std::string_view name, std::optional<bool>* out) const;

 private:
  Pairs pairs_;
};

// The API's message for a missing parameter.
Status MissingParam(std::string_view name);

}  // namespace fnf::server

#endif  // FNF_SERVER_PARAMS_H_
