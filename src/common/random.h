// The engine's random source: seeded for reproducible runs
// (EngineOptions::random_seed), else seeded from the OS. Thread-safe.
#ifndef FNF_COMMON_RANDOM_H_
#define FNF_COMMON_RANDOM_H_

#include <cstdint>
#include <mutex>
#include <string>

namespace fnf::internal {

class Random {
 public:
  // seed 0: a random seed from std::random_device.
  explicit Random(uint64_t seed);
  uint64_t Next();
  // Uniform in [lo, hi). REQUIRES: lo < hi.
  int64_t Uniform(int64_t lo, int64_t hi);
  // A version-4 UUID string ("xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx"),
  // lowercase.
  std::string Uuid();

 private:
  std::mutex mu_;
  uint64_t state_[4];
};

}  // namespace fnf::internal

#endif  // FNF_COMMON_RANDOM_H_
