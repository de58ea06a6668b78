#include "server/auth.h"

#include <chrono>
#include <optional>

#include "common/strings.h"
#include "common/time_format.h"
#include "server/crypto.h"
#include "server/signature.h"

namespace fnf::server {
namespace {

using internal::StrCat;

// Bounds the nonce cache's memory (about 100 bytes a nonce).
constexpr size_t kMaxNonces = 1'000'000;

// The headers an ACS3 signature must cover, or an intermediary could change
// them without breaking it.
constexpr std::string_view kAcs3RequiredHeaders[] = {
    "host", "x-acs-action", "x-acs-version", "x-acs-date",
    "x-acs-content-sha256"};

Status SignatureMismatch() {
  return Status(ErrorCode::kSignatureNotMatch,
                "The request signature we calculated does not match the "
                "signature you provided. Check your access key and signing "
                "method.");
}

// ACS3 sends the time stamp and nonce as headers, RPC as parameters.
Status Missing(std::string_view name) {
  if (name.substr(0, 6) == "x-acs-") {
    return Status(ErrorCode::kMissingRequiredHeader,
                  StrCat("The HTTP header '", name, "' must be specified."));
  }
  return MissingParam(name);
}

Status UnknownKey(std::string_view id) {
  return Status(ErrorCode::kInvalidAccessKeyID,
                StrCat("The AccessKey ID ", id, " is invalid."));
}

}  // namespace

Authenticator::Authenticator(const ServerOptions& options)
    : options_(options), nonces_(options.nonce_window, kMaxNonces) {}

const AccessKey* Authenticator::FindKey(const std::string& id) const {
  for (const AccessKey& key : options_.access_keys) {
    if (key.id == id) return &key;
  }
  return nullptr;
}

Status Authenticator::CheckRpc(const HttpRequest& request, const Params& params,
                               std::string* key_id, std::string* timestamp,
                               std::string* nonce) const {
  if (Status s = params.Required("AccessKeyId", key_id); !s.ok()) return s;
  const AccessKey* key = FindKey(*key_id);
  if (key == nullptr) return UnknownKey(*key_id);
  std::string signature;
  if (Status s = params.Required("Signature", &signature); !s.ok()) return s;
  const std::string* method = params.Find("SignatureMethod");
  if (method != nullptr && *method != "HMAC-SHA1") {
    return Status(ErrorCode::kInvalidArgument,
                  StrCat("The SignatureMethod '", *method,
                         "' is not supported; use HMAC-SHA1."));
  }
  std::string expected =
      RpcSignature(key->secret, request.method, params.pairs());
  if (!ConstantTimeEquals(signature, expected)) return SignatureMismatch();
  *timestamp = params.Get("Timestamp");
  *nonce = params.Get("SignatureNonce");
  return Status();
}

Status Authenticator::CheckAcs3(const HttpRequest& request, const Pairs& query,
                                std::string* key_id, std::string* timestamp,
                                std::string* nonce) const {
  Acs3Authorization auth;
  if (!ParseAcs3Authorization(*request.Header("authorization"), &auth)) {
    return Status(ErrorCode::kInvalidArgument,
                  "The Authorization header must be 'ACS3-HMAC-SHA256 "
                  "Credential=...,SignedHeaders=...,Signature=...'.");
  }
  *key_id = auth.credential;
  if (auth.algorithm != kAcs3Algorithm) {
    return Status(ErrorCode::kInvalidArgument,
                  StrCat("The signature algorithm '", auth.algorithm,
                         "' is not supported; use ACS3-HMAC-SHA256 or the "
                         "HMAC-SHA1 Signature parameter."));
  }
  const AccessKey* key = FindKey(*key_id);
  if (key == nullptr) return UnknownKey(*key_id);
  for (std::string_view required : kAcs3RequiredHeaders) {
    bool signed_it = false;
    for (const std::string& h : auth.signed_headers) signed_it |= h == required;
    if (!signed_it) {
      return Status(ErrorCode::kInvalidArgument,
                    StrCat("The ACS3 signature must cover the header '",
                           required, "' (SignedHeaders)."));
    }
  }
  const std::string* content_hash = request.Header("x-acs-content-sha256");
  std::string body_hash = Sha256Hex(request.body);
  if (content_hash == nullptr || *content_hash != body_hash) {
    return SignatureMismatch();
  }
  std::string canonical =
      Acs3CanonicalRequest(request.method, request.path, query, request.headers,
                           auth.signed_headers, body_hash);
  std::string expected =
      Acs3Signature(key->secret, Acs3StringToSign(canonical));
  if (!ConstantTimeEquals(auth.signature, expected)) return SignatureMismatch();
  const std::string* date = request.Header("x-acs-date");
  const std::string* n = request.Header("x-acs-signature-nonce");
  *timestamp = date ? *date : "";
  *nonce = n ? *n : "";
  return Status();
}

Status Authenticator::CheckTimeAndNonce(const std::string& timestamp,
                                        std::string_view timestamp_name,
                                        const std::string& nonce,
                                        std::string_view nonce_name,
                                        TimePoint now) {
  if (options_.max_time_skew.count() > 0) {
    if (timestamp.empty()) return Missing(timestamp_name);
    std::optional<TimePoint> sent = internal::ParseTime(timestamp);
    if (!sent) {
      return Status(ErrorCode::kInvalidArgument,
                    StrCat("The ", timestamp_name, " '", timestamp,
                           "' is not a UTC time such as "
                           "2019-01-01T01:01:01Z."));
    }
    auto skew = sent > now ? *sent - now : now - *sent;
    if (skew > options_.max_time_skew) {
      return Status(ErrorCode::kRequestTimeTooSkewed,
                    StrCat("The request time ", timestamp, " is more than ",
                           options_.max_time_skew.count(),
                           " seconds away from the server time ",
                           internal::FormatTime(now), "."));
    }
  }
  if (options_.nonce_window.count() > 0) {
    if (nonce.empty()) return Missing(nonce_name);
    if (!nonces_.Insert(nonce, now)) {
      return Status(
          ErrorCode::kSignatureNonceUsed,
          StrCat("The signature nonce ", nonce, " has been used already."));
    }
  }
  return Status();
}

Status Authenticator::Check(const HttpRequest& request, const Pairs& query,
                            const Params& params, TimePoint now,
                            std::string* key_id) {
  *key_id = params.Get("AccessKeyId");
  if (!options_.check_signatures) return Status();
  std::string timestamp, nonce;
  if (request.Header("authorization") != nullptr) {
    if (Status s = CheckAcs3(request, query, key_id, &timestamp, &nonce);
        !s.ok()) {
      return s;
    }
    return CheckTimeAndNonce(timestamp, "x-acs-date", nonce,
                             "x-acs-signature-nonce", now);
  }
  if (params.Find("Signature") == nullptr &&
      params.Find("AccessKeyId") == nullptr) {
    return MissingParam("Signature");
  }
  if (Status s = CheckRpc(request, params, key_id, &timestamp, &nonce);
      !s.ok()) {
    return s;
  }
  return CheckTimeAndNonce(timestamp, "Timestamp", nonce, "SignatureNonce",
                           now);
}

}  // namespace fnf::server
