// A test-side client of `fnf serve` / fnf::Server: signs requests as the
// Alibaba Cloud SDKs do (HMAC-SHA1 RPC or ACS3-HMAC-SHA256), with its own
// implementation of both signatures (OpenSSL directly), sends them with
// httplib::Client and parses the JSON answer.
#ifndef FNF_TESTS_SERVER_API_CLIENT_H_
#define FNF_TESTS_SERVER_API_CLIENT_H_

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>
#include <rapidjson/document.h>

#include "fnf/clock.h"

#include <httplib.h>

namespace fnf::testing {

using Params = std::vector<std::pair<std::string, std::string>>;

// RFC 3986: what the SDKs' percentEncode does.
inline std::string Encode(const std::string& s) {
  std::string out;
  char buf[4];
  for (unsigned char c : s) {
    if (isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      snprintf(buf, sizeof(buf), "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

inline std::string FormEncode(const Params& params) {
  std::string out;
  for (const auto& [k, v] : params) {
    if (!out.empty()) out += '&';
    out += Encode(k) + "=" + Encode(v);
  }
  return out;
}

inline std::string HexOf(const unsigned char* p, unsigned n) {
  std::string out;
  char buf[3];
  for (unsigned i = 0; i < n; ++i) {
    snprintf(buf, sizeof(buf), "%02x", p[i]);
    out += buf;
  }
  return out;
}

inline std::string Sha256(const std::string& s) {
  unsigned char d[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(s.data()), s.size(), d);
  return HexOf(d, SHA256_DIGEST_LENGTH);
}

inline std::string RpcSign(const std::string& secret, const std::string& method,
                           Params params) {
  std::sort(params.begin(), params.end());
  std::string canonical;
  for (const auto& [k, v] : params) {
    if (!canonical.empty()) canonical += '&';
    canonical += Encode(k) + "=" + Encode(v);
  }
  std::string to_sign = method + "&%2F&" + Encode(canonical);
  std::string key = secret + "&";
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned len = 0;
  HMAC(EVP_sha1(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(to_sign.data()), to_sign.size(),
       mac, &len);
  unsigned char b64[64];
  int n = EVP_EncodeBlock(b64, mac, static_cast<int>(len));
  return std::string(reinterpret_cast<char*>(b64), static_cast<size_t>(n));
}

inline std::string Acs3Sign(const std::string& secret,
                            const std::string& method, const Params& query,
                            const httplib::Headers& headers,
                            const std::string& body,
                            std::string* signed_names) {
  Params q = query;
  std::sort(q.begin(), q.end());
  std::string canonical_query;
  for (const auto& [k, v] : q) {
    if (!canonical_query.empty()) canonical_query += '&';
    canonical_query += Encode(k) + "=" + Encode(v);
  }
  std::map<std::string, std::string> signed_headers;
  for (const auto& [k, v] : headers) {
    std::string lower = k;
    std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
    if (lower == "host" || lower == "content-type" ||
        lower.rfind("x-acs-", 0) == 0) {
      signed_headers[lower] = v;
    }
  }
  std::string canonical = method + "\n/\n" + canonical_query + "\n";
  signed_names->clear();
  for (const auto& [k, v] : signed_headers) {
    canonical += k + ":" + v + "\n";
    if (!signed_names->empty()) *signed_names += ';';
    *signed_names += k;
  }
  canonical += "\n" + *signed_names + "\n" + Sha256(body);
  std::string to_sign = "ACS3-HMAC-SHA256\n" + Sha256(canonical);
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned len = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(to_sign.data()), to_sign.size(),
       mac, &len);
  return HexOf(mac, len);
}

inline std::string UtcSeconds(TimePoint t) {
  std::time_t secs = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[32];
  strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

struct ApiAnswer {
  int status = 0;  // 0: no answer (connection failed)
  std::string body, request_id_header;
  rapidjson::Document json;

  std::string Str(const char* member) const {
    if (!json.IsObject() || !json.HasMember(member)) return "<absent>";
    const auto& v = json[member];
    return v.IsString() ? std::string(v.GetString(), v.GetStringLength())
                        : "<not a string>";
  }
  bool Has(const char* member) const {
    return json.IsObject() && json.HasMember(member);
  }
  // "Code: Message" of an error answer.
  std::string Error() const { return Str("Code") + ": " + Str("Message"); }
};

// How to send one call.
struct CallOptions {
  std::string method = "POST";
  enum class Layout { kBody, kQuery, kSplit } layout = Layout::kBody;
  bool acs3 = false;     // ACS3-HMAC-SHA256 instead of HMAC-SHA1
  bool chunked = false;  // body with Transfer-Encoding: chunked
  std::string key_id = "testAK", secret = "testSecret";
  std::string version = "2019-03-15";
  std::optional<TimePoint> time;  // default: the client's clock
  std::string nonce;              // default: a fresh one
  bool sign = true;
  Params extra_query;  // added to the query unsigned (tests of tampering)
};

class ApiClient {
 public:
  ApiClient(int port, Clock* clock)
      : http_("127.0.0.1", port), port_(port), clock_(clock) {
    http_.set_read_timeout(std::chrono::seconds(90));
  }

  ApiAnswer Call(const std::string& action, const Params& params,
                 CallOptions o = {}) {
    std::string nonce = o.nonce.empty()
                            ? "nonce-" + std::to_string(++count_) + "-" + action
                            : o.nonce;
    std::string time = UtcSeconds(o.time.value_or(clock_->Now()));
    Params query, body;
    httplib::Headers headers;
    if (o.acs3) {
      (o.method == "GET" ? query : body) = params;
      headers = {{"host", "127.0.0.1:" + std::to_string(Port())},
                 {"x-acs-action", action},
                 {"x-acs-version", o.version},
                 {"x-acs-date", time},
                 {"x-acs-signature-nonce", nonce}};
      std::string body_text = FormEncode(body);
      if (o.method == "POST") {
        headers.emplace("content-type", "application/x-www-form-urlencoded");
      }
      headers.emplace("x-acs-content-sha256", Sha256(body_text));
      std::string names;
      std::string sig = o.sign ? Acs3Sign(o.secret, o.method, query, headers,
                                          body_text, &names)
                               : "";
      headers.emplace("authorization",
                      "ACS3-HMAC-SHA256 Credential=" + o.key_id +
                          ",SignedHeaders=" + names + ",Signature=" + sig);
      return Send(o, query, body_text, headers);
    }
    Params all = {{"Action", action},
                  {"Version", o.version},
                  {"Format", "JSON"},
                  {"AccessKeyId", o.key_id},
                  {"SignatureMethod", "HMAC-SHA1"},
                  {"SignatureVersion", "1.0"},
                  {"SignatureNonce", nonce},
                  {"Timestamp", time}};
    all.insert(all.end(), params.begin(), params.end());
    if (o.sign) all.emplace_back("Signature", RpcSign(o.secret, o.method, all));
    if (o.method == "GET" || o.layout == CallOptions::Layout::kQuery) {
      query = all;
    } else if (o.layout == CallOptions::Layout::kBody) {
      body = all;
    } else {  // the generated SDKs: common parameters in the query
      for (auto& p : all) {
        bool common = p.first == "Signature" || p.first == "Action" ||
                      p.first == "Version" || p.first == "Format" ||
                      p.first == "AccessKeyId" ||
                      p.first.rfind("Signature", 0) == 0 ||
                      p.first == "Timestamp";
        (common ? query : body).push_back(p);
      }
    }
    if (!body.empty() || o.method == "POST") {
      headers.emplace("content-type", "application/x-www-form-urlencoded");
    }
    return Send(o, query, FormEncode(body), headers);
  }

  // Sends raw text; for decoding corner cases.
  ApiAnswer Raw(const std::string& method, const std::string& target,
                const std::string& body, const httplib::Headers& headers,
                bool chunked = false) {
    httplib::Result r(nullptr, httplib::Error::Unknown);
    if (method == "GET") {
      r = http_.Get(target.c_str(), headers);
    } else if (chunked) {
      r = http_.Post(
          target.c_str(), headers,
          [body](size_t offset, httplib::DataSink& sink) {
            // Several chunks, so the server must join them.
            size_t step = std::max<size_t>(1, body.size() / 3 + 1);
            if (offset < body.size()) {
              sink.write(body.data() + offset,
                         std::min(step, body.size() - offset));
            }
            if (offset + step >= body.size()) sink.done();
            return true;
          },
          "application/x-www-form-urlencoded");
    } else {
      auto it = headers.find("content-type");
      std::string type = it != headers.end() ? it->second : "";
      httplib::Headers rest = headers;
      rest.erase("content-type");
      if (method == "POST") {
        r = http_.Post(target.c_str(), rest, body, type.c_str());
      } else {
        httplib::Request req;
        req.method = method;
        req.path = target;
        req.headers = rest;
        req.body = body;
        r = http_.send(req);
      }
    }
    ApiAnswer a;
    if (!r) return a;
    a.status = r->status;
    a.body = r->body;
    a.request_id_header = r->get_header_value("x-acs-request-id");
    a.json.Parse(a.body.c_str());
    return a;
  }

 private:
  int Port() const { return port_; }

  ApiAnswer Send(const CallOptions& o, Params query, const std::string& body,
                 const httplib::Headers& headers) {
    query.insert(query.end(), o.extra_query.begin(), o.extra_query.end());
    std::string target = "/";
    if (!query.empty()) target += "?" + FormEncode(query);
    return Raw(o.method, target, body, headers, o.chunked);
  }

  httplib::Client http_;
  int port_;
  Clock* clock_;
  int count_ = 0;
};

}  // namespace fnf::testing

#endif  // FNF_TESTS_SERVER_API_CLIENT_H_
