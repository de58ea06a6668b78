// The digests the two request signatures are made of (OpenSSL's libcrypto).
#ifndef FNF_SERVER_CRYPTO_H_
#define FNF_SERVER_CRYPTO_H_

#include <string>
#include <string_view>

namespace fnf::server {

// Lower-case hex SHA-256 of `data`.
std::string Sha256Hex(std::string_view data);
// Base64 (standard alphabet, padded) HMAC-SHA1 of `data` under `key`.
std::string HmacSha1Base64(std::string_view key, std::string_view data);
// Lower-case hex HMAC-SHA256 of `data` under `key`.
std::string HmacSha256Hex(std::string_view key, std::string_view data);
// Equality that takes the same time wherever the first difference is, so a
// caller cannot find a signature byte by byte from response times.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace fnf::server

#endif  // FNF_SERVER_CRYPTO_H_
