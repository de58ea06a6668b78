#include "common/random.h"

#include <random>

namespace fnf::internal {
namespace {

uint64_t SplitMix(uint64_t* x) {
  uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

}  // namespace

Random::Random(uint64_t seed) {
  if (seed == 0) {
    std::random_device rd;
    seed = (static_cast<uint64_t>(rd()) << 32) ^ rd();
    if (seed == 0) seed = 1;
  }
  for (uint64_t& s : state_) s = SplitMix(&seed);
}

// xoshiro256**: fast, good quality, and reproducible across platforms (unlike
// std::mt19937's distributions, whose output the standard does not fix).
uint64_t Random::Next() {
  std::lock_guard<std::mutex> lock(mu_);
  const uint64_t result = Rotl(state_[1] * 5, 7) * 9;
  const uint64_t t = state_[1] << 17;
  state_[2] ^= state_[0];
  state_[3] ^= state_[1];
  state_[1] ^= state_[2];
  state_[0] ^= state_[3];
  state_[2] ^= t;
  state_[3] = Rotl(state_[3], 45);
  return result;
}

int64_t Random::Uniform(int64_t lo, int64_t hi) {
  const uint64_t range = static_cast<uint64_t>(hi) - static_cast<uint64_t>(lo);
  // Rejection sampling keeps the distribution exactly uniform.
  const uint64_t limit = UINT64_MAX - UINT64_MAX % range;
  uint64_t r;
  do {
    r = Next();
  } while (r >= limit);
  return static_cast<int64_t>(static_cast<uint64_t>(lo) + r % range);
}

std::string Random::Uuid() {
  uint64_t hi = Next(), lo = Next();
  hi = (hi & ~0xF000ULL) | 0x4000ULL;  // version 4
  lo =
      (lo & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;  // RFC 4122 variant
  static constexpr char kHex[] = "0123456789abcdef";
  // Written in place, two digits per byte: one allocation, no growth checks.
  std::string out(36, '-');
  char* p = out.data();
  for (int b = 0; b < 16; ++b) {
    if (b == 4 || b == 6 || b == 8 || b == 10) ++p;
    const uint64_t word = b < 8 ? hi : lo;
    const unsigned byte = (word >> (56 - 8 * (b % 8))) & 0xFF;
    *p++ = kHex[byte >> 4];
    *p++ = kHex[byte & 15];
  }
  return out;
}

}  // namespace fnf::internal
