// The two request signatures of Alibaba Cloud's RPC APIs, as pure functions:
//
// RPC, HMAC-SHA1 (pop-core, the generated SDKs, the aliyun CLI): every decoded
// parameter but Signature, sorted by name and percent-encoded, in
//   METHOD "&" "%2F" "&" percent(canonical)
// signed with key SECRET + "&", base64.
//
// ACS3-HMAC-SHA256 (openapi-core's default): a canonical request of method,
// path, sorted query, the signed headers and the body's SHA-256, hashed, then
// HMAC-SHA256 with key SECRET, hex. Sent as
//   Authorization: ACS3-HMAC-SHA256 Credential=ID,SignedHeaders=a;b,Signature=X
#ifndef FNF_SERVER_SIGNATURE_H_
#define FNF_SERVER_SIGNATURE_H_

#include <string>
#include <string_view>
#include <vector>

#include "server/form.h"

namespace fnf::server {

// "k1=v1&k2=v2" over `pairs` except Signature, sorted by name (byte-wise),
// names and values percent-encoded.
std::string RpcCanonicalQuery(const Pairs& pairs);
// "POST&%2F&" + percent(RpcCanonicalQuery(pairs)).
std::string RpcStringToSign(std::string_view method, const Pairs& pairs);
// The value the Signature parameter must have.
std::string RpcSignature(std::string_view secret, std::string_view method,
                         const Pairs& pairs);

inline constexpr std::string_view kAcs3Algorithm = "ACS3-HMAC-SHA256";

// The parts of an ACS3 Authorization header.
struct Acs3Authorization {
  std::string algorithm;   // "ACS3-HMAC-SHA256", or what the client sent
  std::string credential;  // the AccessKeyId
  std::vector<std::string> signed_headers;  // lower case, as listed
  std::string signature;
};
// Splits "ALGORITHM Credential=..,SignedHeaders=..,Signature=..". False when
// the header does not have that shape.
bool ParseAcs3Authorization(std::string_view header, Acs3Authorization* out);

// The canonical request: METHOD \n PATH \n sorted query \n "name:value\n" per
// signed header \n signed header names ';'-joined \n `hashed_payload`.
// `headers` have lower-case names; a signed header that is absent counts as
// empty.
std::string Acs3CanonicalRequest(
    std::string_view method, std::string_view path, const Pairs& query,
    const std::vector<std::pair<std::string, std::string>>& headers,
    const std::vector<std::string>& signed_headers,
    std::string_view hashed_payload);
// "ACS3-HMAC-SHA256\n" + hex SHA-256 of the canonical request.
std::string Acs3StringToSign(std::string_view canonical_request);
// The hex signature of `string_to_sign` under `secret`.
std::string Acs3Signature(std::string_view secret,
                          std::string_view string_to_sign);

}  // namespace fnf::server

#endif  // FNF_SERVER_SIGNATURE_H_
