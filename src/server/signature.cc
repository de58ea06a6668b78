#include "server/signature.h"

#include <algorithm>

#include "common/strings.h"
#include "server/crypto.h"

namespace fnf::server {
namespace {

using internal::StrAppend;
using internal::StrCat;

std::vector<const std::pair<std::string, std::string>*> SortedByName(
    const Pairs& pairs, std::string_view skip) {
  std::vector<const std::pair<std::string, std::string>*> sorted;
  sorted.reserve(pairs.size());
  for (const auto& p : pairs) {
    if (p.first != skip) sorted.push_back(&p);
  }
  std::stable_sort(
      sorted.begin(), sorted.end(),
      [](const auto* a, const auto* b) { return a->first < b->first; });
  return sorted;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

}  // namespace

std::string RpcCanonicalQuery(const Pairs& pairs) {
  std::string out;
  for (const auto* p : SortedByName(pairs, "Signature")) {
    if (!out.empty()) out.push_back('&');
    StrAppend(&out, PercentEncode(p->first), "=", PercentEncode(p->second));
  }
  return out;
}

std::string RpcStringToSign(std::string_view method, const Pairs& pairs) {
  return StrCat(method, "&", PercentEncode("/"), "&",
                PercentEncode(RpcCanonicalQuery(pairs)));
}

std::string RpcSignature(std::string_view secret, std::string_view method,
                         const Pairs& pairs) {
  return HmacSha1Base64(StrCat(secret, "&"), RpcStringToSign(method, pairs));
}

bool ParseAcs3Authorization(std::string_view header, Acs3Authorization* out) {
  *out = Acs3Authorization();
  header = Trim(header);
  size_t space = header.find(' ');
  if (space == std::string_view::npos) return false;
  out->algorithm = std::string(header.substr(0, space));
  std::string_view rest = header.substr(space + 1);
  bool has_credential = false, has_headers = false, has_signature = false;
  while (!rest.empty()) {
    size_t comma = rest.find(',');
    std::string_view part = Trim(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? std::string_view()
                                           : rest.substr(comma + 1);
    size_t eq = part.find('=');
    if (eq == std::string_view::npos) return false;
    std::string_view name = part.substr(0, eq), value = part.substr(eq + 1);
    if (name == "Credential") {
      out->credential = std::string(value);
      has_credential = true;
    } else if (name == "SignedHeaders") {
      has_headers = true;
      while (!value.empty()) {
        size_t semi = value.find(';');
        std::string_view h = value.substr(0, semi);
        if (!h.empty()) out->signed_headers.emplace_back(h);
        value = semi == std::string_view::npos ? std::string_view()
                                               : value.substr(semi + 1);
      }
    } else if (name == "Signature") {
      out->signature = std::string(value);
      has_signature = true;
    }
  }
  return has_credential && has_headers && has_signature;
}

std::string Acs3CanonicalRequest(
    std::string_view method, std::string_view path, const Pairs& query,
    const std::vector<std::pair<std::string, std::string>>& headers,
    const std::vector<std::string>& signed_headers,
    std::string_view hashed_payload) {
  std::string out = StrCat(method, "\n", path, "\n");
  bool first = true;
  for (const auto* p : SortedByName(query, "")) {
    if (!first) out.push_back('&');
    first = false;
    StrAppend(&out, PercentEncode(p->first), "=", PercentEncode(p->second));
  }
  out.push_back('\n');
  std::string names;
  for (const std::string& name : signed_headers) {
    std::string_view value;
    for (const auto& h : headers) {
      if (h.first == name) {
        value = h.second;
        break;
      }
    }
    StrAppend(&out, name, ":", Trim(value), "\n");
    if (!names.empty()) names.push_back(';');
    names += name;
  }
  StrAppend(&out, "\n", names, "\n", hashed_payload);
  return out;
}

std::string Acs3StringToSign(std::string_view canonical_request) {
  return StrCat(kAcs3Algorithm, "\n", Sha256Hex(canonical_request));
}

std::string Acs3Signature(std::string_view secret,
                          std::string_view string_to_sign) {
  return HmacSha256Hex(secret, string_to_sign);
}

}  // namespace fnf::server
