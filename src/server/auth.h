// Who sent an API request, and whether it may be believed: the access key,
// the signature (HMAC-SHA1 or ACS3-HMAC-SHA256), the time stamp and the nonce.
#ifndef FNF_SERVER_AUTH_H_
#define FNF_SERVER_AUTH_H_

#include <string>

#include "fnf/server.h"
#include "fnf/status.h"

#include "server/form.h"
#include "server/nonce_cache.h"
#include "server/params.h"

namespace fnf::server {

class Authenticator {
 public:
  // Keeps a reference to `options`, which must outlive it.
  explicit Authenticator(const ServerOptions& options);

  // Checks, in this order: a known AccessKeyId (InvalidAccessKeyID, 403), a
  // signature that recomputes equal (SignatureNotMatch, 403; a request with
  // none at all is MissingRequiredParams 'Signature'), a time stamp within
  // max_time_skew of `now` (RequestTimeTooSkewed, 403) and a nonce not seen in
  // nonce_window (SignatureNonceUsed, 400). Sets `*key_id` to the key the
  // client named, also when the check fails. Thread-safe.
  Status Check(const HttpRequest& request, const Pairs& query,
               const Params& params, TimePoint now, std::string* key_id);

 private:
  const AccessKey* FindKey(const std::string& id) const;
  Status CheckRpc(const HttpRequest& request, const Params& params,
                  std::string* key_id, std::string* timestamp,
                  std::string* nonce) const;
  Status CheckAcs3(const HttpRequest& request, const Pairs& query,
                   std::string* key_id, std::string* timestamp,
                   std::string* nonce) const;
  Status CheckTimeAndNonce(const std::string& timestamp,
                           std::string_view timestamp_name,
                           const std::string& nonce,
                           std::string_view nonce_name, TimePoint now);

  const ServerOptions& options_;
  NonceCache nonces_;
};

}  // namespace fnf::server

#endif  // FNF_SERVER_AUTH_H_
