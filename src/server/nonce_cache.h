// The SignatureNonce values seen lately, so that a captured request cannot be
// sent again while its time stamp is still accepted.
#ifndef FNF_SERVER_NONCE_CACHE_H_
#define FNF_SERVER_NONCE_CACHE_H_

#include <chrono>
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_set>
#include <utility>

#include "fnf/clock.h"

namespace fnf::server {

class NonceCache {
 public:
  // Remembers nonces for `window`, and at most `capacity` of them (the oldest
  // are forgotten first, so memory stays bounded under any load).
  NonceCache(std::chrono::seconds window, size_t capacity);
  // True when `nonce` was not seen within the window before `now`; records it.
  // Thread-safe.
  bool Insert(const std::string& nonce, TimePoint now);

 private:
  void Expire(TimePoint now);

  const std::chrono::seconds window_;
  const size_t capacity_;
  std::mutex mu_;
  std::deque<std::pair<TimePoint, std::string>> order_;  // oldest first
  std::unordered_set<std::string> seen_;
};

}  // namespace fnf::server

#endif  // FNF_SERVER_NONCE_CACHE_H_
