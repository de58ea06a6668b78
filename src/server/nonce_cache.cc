#include "server/nonce_cache.h"

namespace fnf::server {

NonceCache::NonceCache(std::chrono::seconds window, size_t capacity)
    : window_(window), capacity_(capacity) {}

void NonceCache::Expire(TimePoint now) {
  while (!order_.empty() &&
         (order_.front().first + window_ <= now || order_.size() > capacity_)) {
    seen_.erase(order_.front().second);
    order_.pop_front();
  }
}

bool NonceCache::Insert(const std::string& nonce, TimePoint now) {
  std::lock_guard<std::mutex> lock(mu_);
  Expire(now);
  if (!seen_.insert(nonce).second) return false;
  order_.emplace_back(now, nonce);
  if (order_.size() > capacity_) Expire(now);
  return true;
}

}  // namespace fnf::server
