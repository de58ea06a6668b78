#include "fnf/server.h"

#include "common/strings.h"

namespace fnf {

std::string AccessLogEntry::ToString() const {
  return internal::StrCat(
      time, " ", remote_address.empty() ? "-" : remote_address, " ", method,
      " ", action.empty() ? "-" : action, " ", http_status, " ",
      code.empty() ? "-" : code, " ", duration.count() / 1000,
      "ms key=", access_key_id.empty() ? "-" : access_key_id,
      " id=", request_id.empty() ? "-" : request_id);
}

const std::string* HttpRequest::Header(std::string_view lower_case_name) const {
  for (const auto& h : headers) {
    if (h.first == lower_case_name) return &h.second;
  }
  return nullptr;
}

}  // namespace fnf
